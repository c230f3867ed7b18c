"""Story linking alone, replayed over a synthetic corpus's stored texts: the stories it forms
against the stories the generator meant (docs/CORPUS.md, "Fifth pass").

Reads the documents of a store ingested from ``bench/synthetic.py`` output, in the order
they were linked, and links their texts again into a fresh in-memory store in batches of
32, with the current code (``--words-only``: without the facts check, as before session 6).
A generated report's title is ``"<story place>: report <n>"``, so the intended story is
the title's place; two stories that drew the same place count as one, which makes the
printed mixing a lower bound. No model runs: copy detection reads only the text.

    python bench/story_links.py /tmp/volume/w2-10000.duckdb [--words-only]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep.corpus import stories  # noqa: E402
from sitrep.records import Published, Report, Source  # noqa: E402
from sitrep.store import schema  # noqa: E402

BATCH = 32


def stored_texts(db: Path) -> list[tuple[str, str, str]]:
    """(doc id, text, intended story) in the order the store linked them."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT d.id, d.text, split_part(d.title, ':', 1) FROM documents d "
            "JOIN story_members s ON s.doc_id = d.id ORDER BY s.linked_seq"
        ).fetchall()
    return [(str(doc), str(text), str(story)) for doc, text, story in rows]


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


def summary(docs: list[tuple[str, str, str]], found: dict[str, str]) -> dict[str, int]:
    intended_of = {doc: story for doc, _, story in docs}
    places_in: defaultdict[str, set[str]] = defaultdict(set)
    found_for: defaultdict[str, set[str]] = defaultdict(set)
    for doc, story in found.items():
        places_in[story].add(intended_of[doc])
        found_for[intended_of[doc]].add(story)
    sizes = Counter(found.values())
    return {
        "reports": len(found),
        "intended_stories": len(found_for),
        "found_stories": len(places_in),
        "largest_found": max(sizes.values(), default=0),
        "found_mixing_intended": sum(len(places) > 1 for places in places_in.values()),
        "intended_split": sum(len(found) > 1 for found in found_for.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("db", type=Path, help="a store ingested from bench/synthetic.py output")
    parser.add_argument(
        "--words-only", action="store_true", help="no facts check (linking before session 6)"
    )
    args = parser.parse_args()
    if args.words_only:
        stories.SAME_FACTS = 0.0  # every containment passes: the words alone decide
    docs = stored_texts(args.db)
    started = time.perf_counter()
    result = summary(docs, relink(docs))
    result["seconds"] = round(time.perf_counter() - started)
    print(json.dumps({"words_only": args.words_only, **result}))


if __name__ == "__main__":
    main()
