"""Story linking alone, replayed over a synthetic corpus's stored texts: the stories it forms
against the stories the generator meant (docs/CORPUS.md, "Fifth pass" to "Seventh pass").

Reads the documents of a store ingested from ``bench/synthetic.py`` output, in the order
they were linked (the first ``--limit N`` only, when given), and links their texts again
into a fresh in-memory store in batches of 32, with the current code (``--session 6``:
session 6's rules, single linkage and every fact counted alike; ``--session 7``: session
7's, where a report with fewer than 3 rare facts is judged on all its facts;
``--words-only``: without the facts check either, as before session 6). A generated
report's title is ``"<story place>: report <n>"``, so the intended story is the title's
place; two stories that drew the same place count as one, which makes the printed mixing
and ``pair_precision`` lower bounds (and ``pair_recall`` too low). No model runs: copy
detection reads only the text.

    python bench/story_links.py /tmp/volume/w2-10000.duckdb [--limit N] [--session 6]

``--stored`` scores the stories the store itself holds (as the ingest linked them, with
the code that ingested them) instead of linking again: the way to read a 100k store,
which would take hours to relink.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep.corpus import stories  # noqa: E402
from sitrep.records import Published, Report, Source  # noqa: E402
from sitrep.store import schema  # noqa: E402

BATCH = 32


def stored_texts(
    db: Path, limit: int | None = None, meant: dict[str, int] | None = None
) -> list[tuple[str, str, str]]:
    """(doc id, text, intended story) in the order the store linked them: the first
    ``limit`` only, when given. The intended story is the title's place, or the story the
    generator meant when ``meant`` (by title) is given."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT d.id, d.text, d.title FROM documents d "
            "JOIN story_members s ON s.doc_id = d.id ORDER BY s.linked_seq LIMIT ?",
            [limit if limit is not None else 2**62],
        ).fetchall()
    if meant is not None:
        return [(str(doc), str(text), f"story {meant[str(title)]}") for doc, text, title in rows]
    return [(str(doc), str(text), str(title).split(":")[0]) for doc, text, title in rows]


def stories_meant(reports: int, seed: int) -> dict[str, int]:
    """The story each generated report was drawn from, by title: the generator's stream
    replayed (``bench/synthetic.py``, stories mode; deterministic for a seed)."""
    sys.path.insert(0, str(REPO / "bench"))
    import synthetic

    draw = synthetic._story_report
    started = itertools.count()

    def numbered(story: Any, i: int, *args: Any) -> dict[str, str]:
        if not hasattr(story, "serial"):
            story.serial = next(started)
        record: dict[str, str] = draw(story, i, *args)
        record["story"] = str(story.serial)
        return record

    synthetic._story_report = numbered  # type: ignore[assignment]
    try:
        records = synthetic.reports(reports, synthetic.build_templates(), seed)
        return {record["title"]: int(record["story"]) for record in records}
    finally:
        synthetic._story_report = draw


def relink(docs: list[tuple[str, str, str]]) -> dict[str, str]:
    """Each doc's story id after linking the texts afresh, batch by batch."""
    con = duckdb.connect()
    schema.create_schema(con)
    for start in range(0, len(docs), BATCH):
        batch = [
            Report(id=doc, source=Source(path=doc), language="en", published=Published(), text=text)
            for doc, text, _ in docs[start : start + BATCH]
        ]
        con.execute("BEGIN TRANSACTION")
        stories.link_stories(con, batch)
        con.execute("COMMIT")
    return {str(doc): str(story) for doc, story in con.execute(
        "SELECT doc_id, story_id FROM story_members"
    ).fetchall()}  # fmt: skip


def stored_stories(db: Path, docs: list[tuple[str, str, str]]) -> dict[str, str]:
    """Each listed doc's story id as the store holds it."""
    wanted = {doc for doc, _, _ in docs}
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT doc_id, story_id FROM story_members").fetchall()
    return {str(doc): str(story) for doc, story in rows if str(doc) in wanted}


def summary(docs: list[tuple[str, str, str]], found: dict[str, str]) -> dict[str, float]:
    intended_of = {doc: story for doc, _, story in docs}
    places_in: defaultdict[str, set[str]] = defaultdict(set)
    found_for: defaultdict[str, set[str]] = defaultdict(set)
    for doc, story in found.items():
        places_in[story].add(intended_of[doc])
        found_for[intended_of[doc]].add(story)
    sizes = Counter(found.values())
    both = Counter((story, intended_of[doc]) for doc, story in found.items())
    same_found = _pairs(sizes.values())
    same_intended = _pairs(Counter(intended_of.values()).values())
    agreed = _pairs(both.values())
    return {
        "reports": len(found),
        "intended_stories": len(found_for),
        "found_stories": len(places_in),
        "largest_intended": max(Counter(intended_of.values()).values(), default=0),
        "largest_found": max(sizes.values(), default=0),
        "found_mixing_intended": sum(len(places) > 1 for places in places_in.values()),
        "intended_split": sum(len(found) > 1 for found in found_for.values()),
        # Pairs of reports in one found story that the generator meant in one (a lower
        # bound, as two stories on one place count as one), and the reverse.
        "pair_precision": round(agreed / same_found, 4) if same_found else 1.0,
        "pair_recall": round(agreed / same_intended, 4) if same_intended else 1.0,
    }


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("db", type=Path, help="a store ingested from bench/synthetic.py output")
    parser.add_argument(
        "--words-only", action="store_true", help="no facts check (linking before session 6)"
    )
    parser.add_argument("--limit", type=int, help="only the first N reports the store linked")
    parser.add_argument(
        "--meant",
        type=int,
        metavar="N",
        help="score against the stories the generator meant: replay its first N reports "
        "(at least the store's; with --seed), instead of the title's place",
    )
    parser.add_argument("--seed", type=int, default=7, help="the generator's seed (--meant)")
    parser.add_argument(
        "--session",
        type=int,
        choices=(6, 7, 9),
        default=9,
        help="6: session 6's rules; 7: session 7's (a report with fewer than 3 rare facts "
        "judged on all its facts); 9: the current code",
    )
    parser.add_argument(
        "--stored", action="store_true", help="score the store's own stories; link nothing"
    )
    args = parser.parse_args()
    if args.words_only or args.session == 6:
        session_6_rules()
    if args.session == 7:
        stories.MIN_RARE_FACTS = 3
    if args.words_only:
        stories.SAME_FACTS = 0.0  # every containment passes: the words alone decide
    meant = stories_meant(args.meant, args.seed) if args.meant else None
    docs = stored_texts(args.db, args.limit, meant)
    started = time.perf_counter()
    found = stored_stories(args.db, docs) if args.stored else relink(docs)
    result = summary(docs, found)
    result["seconds"] = round(time.perf_counter() - started)
    rules = "stored" if args.stored else args.session
    print(json.dumps({"words_only": args.words_only, "session": rules, **result}))


def session_6_rules() -> None:
    """Single linkage: any verified member's story, every such story united; all facts
    alike, none common."""
    stories.STORY_SUPPORT = 0.0
    stories.UNITE_SCORE = 0.0
    stories.COMMON_FACT_STORIES = 2**31


if __name__ == "__main__":
    main()
