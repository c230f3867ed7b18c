"""The top-level fields the output contract (shared/spec/DESIGN.md) requires, literally."""

CONTRACT_KEYS = frozenset(
    {
        "id",
        "source",
        "language",
        "published",
        "text",
        "removed",
        "places",
        "people",
        "organizations",
        "times",
        "quotes",
        "figures",
        "events",
    }
)
