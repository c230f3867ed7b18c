"""Story linking alone, replayed over a synthetic corpus's stored texts: the stories it forms
against the stories the generator meant (docs/CORPUS.md, "Fifth pass" to "Eighth pass").

Reads the documents of a store ingested from ``bench/synthetic.py`` output, in the order
they were linked (the first ``--limit N`` only, when given), and links their texts again
into a fresh in-memory store in batches of 32, with the current code (``--session 6``:
session 6's rules, single linkage and every fact counted alike; ``--session 7``: session
7's, where a report with fewer than 3 rare facts is judged on all its facts;
``--session 9``: session 9's, facts counted common over the whole corpus and a report
with no rare fact judged on all its facts; ``--words-only``: without the facts check
either, as before session 6). ``--checkpoints 10000,20000`` prints the scores of the
first N reports at each N in one relink (batches end there, so each line is what
``--limit N`` prints), with the seconds taken so far. A generated
report's title is ``"<story place>: report <n>"``, so the intended story is the title's
place; two stories that drew the same place count as one, which makes the printed mixing
and ``pair_precision`` lower bounds (and ``pair_recall`` too low). No model runs: copy
detection reads only the text.

    python bench/story_links.py /tmp/volume/w2-10000.duckdb [--limit N] [--session 6]

``--stored`` scores the stories the store itself holds (as the ingest linked them, with
the code that ingested them) instead of linking again. ``--trace`` (with ``--meant``)
reads the store's own links instead: every link from a report to another meant story's
report, by reason, score, corpus size and how many of the report's facts were rare when it
was linked (by the rarity rule of ``--session``), and the stories united (docs/CORPUS.md,
eighth pass).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep.corpus import stories  # noqa: E402
from sitrep.corpus.fingerprint import facts_of  # noqa: E402
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
    return list(relinked(docs))[-1][1]


def relinked(
    docs: list[tuple[str, str, str]], checkpoints: Sequence[int] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """Link the texts afresh, batch by batch; at each checkpoint (a number of reports,
    where a batch ends) and at the end, the reports linked so far and their story ids."""
    con = duckdb.connect()
    schema.create_schema(con)
    ends = sorted({n for n in checkpoints if 0 < n < len(docs)} | {len(docs)})
    start = 0
    for end in ends:
        while start < end:
            stop = min(start + BATCH, end)
            batch = [_report(doc, text) for doc, text, _ in docs[start:stop]]
            con.execute("BEGIN TRANSACTION")
            stories.link_stories(con, batch)
            con.execute("COMMIT")
            start = stop
        found = con.execute("SELECT doc_id, story_id FROM story_members").fetchall()
        yield end, {str(doc): str(story) for doc, story in found}


def _report(doc: str, text: str) -> Report:
    return Report(id=doc, source=Source(path=doc), language="en", published=Published(), text=text)


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


def trace(db: Path, meant: dict[str, int]) -> dict[str, Any]:
    """The store's own links from a report to a report of another meant story, classed
    (docs/CORPUS.md, eighth pass), and the stories united in the store."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT s.doc_id, s.story_id, s.reason, s.score, s.matched_doc, s.linked_seq, "
            "d.title, d.text FROM story_members s JOIN documents d ON d.id = s.doc_id "
            "ORDER BY s.linked_seq"
        ).fetchall()
    meant_of = {str(r[0]): meant[str(r[6])] for r in rows}
    facts = {str(r[0]): facts_of(str(r[7])) for r in rows}
    stated: defaultdict[str, list[int]] = defaultdict(list)  # fact -> seqs of first reports
    first_of_meant: dict[int, str] = {}
    crossing: list[dict[str, Any]] = []
    for doc, _, reason, score, matched, seq, _, _ in rows:
        first_of_meant.setdefault(meant_of[doc], doc)
        if reason == "first":
            for fact in facts[doc]:
                stated[fact].append(int(seq))
        elif meant_of[doc] != meant_of[str(matched)]:
            rare = {f for f in facts[doc] if _stated_before(stated[f], int(seq)) < _common()}
            crossing.append({
                "reason": reason, "score": float(score), "seq": int(seq),
                "class": _rarity_class(len(facts[doc]), len(rare)),
                "opens_its_meant_story": first_of_meant[meant_of[doc]] == doc,
                "facts_shared": len(facts[doc] & facts[str(matched)]),
                "rare_shared": len(rare & facts[str(matched)]),
            })  # fmt: skip
    return {"links": sum(r[2] != "first" for r in rows), "crossing": len(crossing),
            **_crossing_table(crossing, len(rows)), **_unions(rows, meant_of)}  # fmt: skip


def _common() -> int:
    return stories.COMMON_FACT_STORIES


def _stated_before(seqs: list[int], now: int) -> int:
    """Stories that stated a fact before ``now``, within the rarity window."""
    return bisect.bisect_left(seqs, now) - bisect.bisect_left(
        seqs, now - stories.COMMON_FACT_WINDOW
    )


def _rarity_class(facts: int, rare: int) -> str:
    if rare == facts:
        return "nothing common"
    return "no rare fact" if rare == 0 else "rare facts checked"


def _crossing_table(crossing: list[dict[str, Any]], reports: int) -> dict[str, Any]:
    tenth = max(1, reports // 10)
    table: dict[str, Any] = {
        "by_reason": Counter(c["reason"] for c in crossing),
        "by_class": Counter(c["class"] for c in crossing),
        "by_tenth_of_corpus": [sum(c["seq"] // tenth == k for c in crossing) for k in range(10)],
        "no_rare_fact_by_tenth": [
            sum(c["seq"] // tenth == k and c["class"] == "no rare fact" for c in crossing)
            for k in range(10)
        ],
        "opening_their_meant_story": sum(c["opens_its_meant_story"] for c in crossing),
    }
    for name in ("score", "facts_shared", "rare_shared"):
        values = sorted(c[name] for c in crossing)
        if values:
            deciles = statistics.quantiles(values, n=10) if len(values) > 1 else values * 9
            table[f"{name}_p10_p50_p90"] = [round(deciles[i], 3) for i in (0, 4, 8)]
    return table


def _unions(rows: list[tuple[Any, ...]], meant_of: dict[str, int]) -> dict[str, int]:
    """Stories united: a found story holds reports of several link trees (each tree a
    first report and the reports linked to it, directly or not). A union "across" meant
    stories joins trees whose most common meant story differs."""
    root: dict[str, str] = {}
    for doc, _, reason, _, matched, _, _, _ in rows:
        root[doc] = doc if reason == "first" else root[str(matched)]
    trees: defaultdict[str, Counter[int]] = defaultdict(Counter)
    members: defaultdict[str, set[str]] = defaultdict(set)
    for doc, story, *_ in rows:
        trees[root[doc]][meant_of[doc]] += 1
        members[str(story)].add(root[doc])
    unions = across = 0
    for roots in members.values():
        unions += len(roots) - 1
        across += len({trees[r].most_common(1)[0][0] for r in roots}) - 1
    return {"unions": unions, "unions_across_meant": across}


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
        choices=(6, 7, 9, 11),
        default=11,
        help="6: session 6's rules; 7: session 7's (a report with fewer than 3 rare facts "
        "judged on all its facts); 9: session 9's (facts common over the whole corpus, a "
        "report with no rare fact judged on all its facts); 11: the current code",
    )
    parser.add_argument(
        "--stored", action="store_true", help="score the store's own stories; link nothing"
    )
    parser.add_argument(
        "--trace",
        action="store_true",
        help="class the store's links to another meant story's report (needs --meant)",
    )
    parser.add_argument(
        "--checkpoints",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[],
        metavar="N,M,...",
        help="relink once, printing the scores of the first N, M, ... reports",
    )
    args = parser.parse_args()
    session_rules(args.session, args.words_only)
    meant = stories_meant(args.meant, args.seed) if args.meant else None
    if args.trace:
        if meant is None:
            parser.error("--trace needs --meant")
        print(json.dumps({"session": args.session, **trace(args.db, meant)}))
        return
    docs = stored_texts(args.db, args.limit, meant)
    started = time.perf_counter()
    rules = "stored" if args.stored else args.session
    if args.stored:
        linked = iter([(len(docs), stored_stories(args.db, docs))])
    else:
        linked = relinked(docs, args.checkpoints)
    for n, found in linked:
        result = summary(docs[:n], found)
        result["seconds"] = round(time.perf_counter() - started)
        print(json.dumps({"words_only": args.words_only, "session": rules, **result}), flush=True)


def session_rules(session: int, words_only: bool) -> None:
    """Set the constants of an earlier session's rules."""
    if words_only or session == 6:
        session_6_rules()
    if session in (7, 9):
        # Facts counted common over the whole corpus; no rare fact: the plain check.
        stories.COMMON_FACT_WINDOW = 2**62
        stories.MIN_RARE_FACTS = 3 if session == 7 else 1
    if words_only:
        stories.SAME_FACTS = 0.0  # every containment passes: the words alone decide


def session_6_rules() -> None:
    """Single linkage: any verified member's story, every such story united; all facts
    alike, none common."""
    stories.STORY_SUPPORT = 0.0
    stories.UNITE_SCORE = 0.0
    stories.COMMON_FACT_STORIES = 2**31


if __name__ == "__main__":
    main()
