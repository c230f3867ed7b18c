"""Whole-report evaluation (``sitrep eval report``): a folder of articles and gold files
(shared/spec/GOLD_FORMAT.md) scored section by section against what sitrep extracts.

Matching is lenient on form and strict on substance:

* boilerplate: gold lines against the lines of the report's ``removed`` texts; a removed
  line that is no part of any gold line is an article sentence wrongly removed (a false
  positive).
* places: a gold place is found when a predicted place has a mention with the same text;
  resolution is right when the place lies within 161 km of the gold coordinates, or (gold
  without coordinates) has the same name, country and kind of place.
* people: the gold name equals or is contained in the predicted name or one of its
  mentions; age and role (one content word in common) are judged on found people.
* quotes: the gold ``quote_start`` is a prefix of the predicted quote's words (or a short
  prediction is a prefix of it; a dateline or cue may come first); speaker and
  direct/indirect are judged on found quotes. The second piece of a quote split by its
  attribution (same speaker, just after a found quote) is not a false positive.
* dates and figures: the gold mention overlaps the predicted span; figures also need the
  same value. Durations and recurrences found besides the gold dates are not counted as
  false positives. Date values are right when equal or when the gold value is a prefix of the
  predicted one at the gold's precision.
* events: same type (``EVENT_TYPES`` maps sitrep's vocabulary onto the gold one), same
  place (name or within 161 km) and same month where both dates are known.
* publication: the exact date, and whether the predicted window holds the gold date (or
  overlaps the gold window).

A section a gold file leaves out entirely is not scored for that document; a section given
as an empty list is, so predictions there count as false positives.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from io import StringIO
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from sitrep.evaluation.gold import (
    SECTION_KEYS,
    GoldFormatError,
    article_name,
    read_gold,
)
from sitrep.evaluation.normalize import (
    content_words,
    fold,
    is_sublist,
    names_agree,
    norm,
    norm_mention,
    same_name,
    tokens_overlap,
    words,
)
from sitrep.evaluation.scoring import (
    PRF,
    Accuracy,
    haversine_km,
    match_one_to_one,
    prf_from_pairs,
)
from sitrep.evaluation.vocabulary import (
    ATTACK_KINDS,
    EVENT_TYPES,
    GOLD_EVENT_TYPES,
    QUANTITY_SYNONYMS,
    UNIT_SYNONYMS,
)
from sitrep.records import (
    Event,
    Figure,
    Organization,
    Person,
    Place,
    Published,
    Quote,
    Report,
    Source,
    TimeExpression,
)
from sitrep.stages.events_dating import is_inferred, latest_month
from sitrep.stages.events_document import months_of

log = logging.getLogger(__name__)

SECTIONS: tuple[str, ...] = tuple(SECTION_KEYS)

# accuracy@161km: the geoparsing literature's standard radius (100 miles).
RESOLUTION_KM = 161.0

# Accuracies the harness reports, in the order the table shows them.
ACCURACIES: tuple[str, ...] = (
    "places_acc161",
    "places_metonymy_acc",
    "people_age_acc",
    "people_role_acc",
    "quotes_speaker_acc",
    "quotes_direct_acc",
    "dates_value_acc",
    "figures_what_acc",
    "figures_unit_acc",
    "events_killed_acc",
    "events_injured_acc",
    "events_casualty_acc",
    "publication_date_acc",
    "publication_window_coverage",
)


# Kinds of time expression the gold "dates" section annotates.
DATE_KINDS = frozenset({"date", "time"})

_SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
_AREA_KINDS = frozenset({"region", "country"})


# ----------------------------------------------------------------------------- results


@dataclass(slots=True)
class DocumentScore:
    """The scores of one report; sections its gold file leaves out are absent."""

    name: str
    prf: dict[str, PRF] = field(default_factory=dict)
    acc: dict[str, Accuracy] = field(default_factory=dict)
    # Width in days of the predicted publication window, when there was one.
    window_days: float | None = None
    # Predicted events not scored because they did not happen (denied, planned, hypothetical).
    unscored_events: int = 0
    error: str | None = None
    # What each section missed (gold items) and found wrongly (predictions), for reading.
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)
    # The same, with each item's judged fields, plus matched items judged wrong
    # (``sitrep eval report --errors``).
    notes: list[ErrorNote] = field(default_factory=list)

    def accuracy(self, key: str) -> Accuracy:
        return self.acc.setdefault(key, Accuracy())

    def judge(self, key: str, right: bool, item: str, gold: Any, ours: Any) -> None:
        """Judge one field of a matched item, noting it when wrong."""
        self.accuracy(key).judge(right)
        if not right:
            section, _, what = key.partition("_")
            field_name = what.removesuffix("_acc")
            detail = f"{field_name}: gold {_show(gold)}, ours {_show(ours)}"
            self.notes.append(ErrorNote(section, "wrong", item, detail))


@dataclass(frozen=True, slots=True)
class ErrorNote:
    """One error for reading: a gold item ``missed``, a prediction ``spurious``, or a
    matched item with a field judged ``wrong``."""

    section: str
    kind: str
    item: str
    detail: str = ""


def _show(value: Any) -> str:
    if value is None or value == "":
        return "-"
    return repr(value) if isinstance(value, str) else str(value)


@dataclass(slots=True)
class EvalResult:
    documents: list[DocumentScore] = field(default_factory=list)
    # Gold files that could not be scored, with the reason.
    skipped: list[str] = field(default_factory=list)

    def section_totals(self) -> dict[str, PRF]:
        totals = {s: PRF() for s in SECTIONS}
        for doc in self.documents:
            for section, prf in doc.prf.items():
                totals[section].add(prf)
        return totals

    def accuracy_totals(self) -> dict[str, Accuracy]:
        totals = {k: Accuracy() for k in ACCURACIES}
        for doc in self.documents:
            for key, acc in doc.acc.items():
                totals.setdefault(key, Accuracy()).add(acc)
        return totals

    def metrics(self) -> dict[str, float | int | None]:
        """Every metric under a flat key: micro P/R/F1 per section, their per-document
        mean (``_f1_macro``), the accuracies, and counts."""
        out: dict[str, float | int | None] = {}
        for section, prf in self.section_totals().items():
            out[f"{section}_precision"] = _round(prf.precision)
            out[f"{section}_recall"] = _round(prf.recall)
            out[f"{section}_f1"] = _round(prf.f1)
            out[f"{section}_f1_macro"] = _round(
                _mean(d.prf[section].f1 for d in self.documents if section in d.prf)
            )
        for key, acc in self.accuracy_totals().items():
            out[key] = _round(acc.value)
        out["publication_window_days"] = _round(
            _mean(d.window_days for d in self.documents), digits=1
        )
        out["events_unscored"] = sum(d.unscored_events for d in self.documents)
        out["documents"] = len(self.documents)
        out["skipped"] = len(self.skipped)
        out["failures"] = sum(1 for d in self.documents if d.error)
        return out

    def to_json(self) -> str:
        return json.dumps(self.metrics(), sort_keys=False)


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


# ----------------------------------------------------------------------------- driver


def evaluate_report_dir(data_dir: Path, extract: Callable[[str, str], Report]) -> EvalResult:
    """Score every ``gold/NAME.json`` of ``data_dir`` against ``extract(article_text, name)``.

    A gold file without its article is skipped and listed; a document the extractor fails
    on is logged, listed and scored as an empty report (its gold items count as missed).
    """
    gold_dir, article_dir = data_dir / "gold", data_dir / "articles"
    if not gold_dir.is_dir():
        raise GoldFormatError(f"{data_dir} has no gold/ folder (see GOLD_FORMAT.md)")
    result = EvalResult()
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = read_gold(gold_path)
        name = article_name(gold, gold_path)
        article_path = article_dir / name
        if not article_path.is_file():
            reason = f"{gold_path.name}: no article {name} in {article_dir}"
            log.warning("skipping %s", reason)
            result.skipped.append(reason)
            continue
        text = article_path.read_bytes().decode("utf-8", errors="replace")
        try:
            report = extract(text, name)
            error = None
        except Exception as exc:  # one bad document must not end the evaluation
            log.exception("extraction failed on %s", name)
            report, error = empty_report(text), f"{type(exc).__name__}: {exc}"
        score = score_document(gold, report)
        score.name, score.error = name, error
        result.documents.append(score)
    return result


def empty_report(text: str) -> Report:
    return Report(id="", source=Source(), language=None, published=Published(), text=text)


def score_document(gold: Mapping[str, Any], report: Report) -> DocumentScore:
    """Score one report against its gold annotation."""
    score = DocumentScore(name=str(gold.get("doc") or report.source.path or report.id))
    if "boilerplate_lines" in gold:
        lines = [line for line in gold["boilerplate_lines"] if isinstance(line, str)]
        score.prf["boilerplate"] = score_boilerplate(lines, report, score)
    if "places" in gold:
        score.prf["places"] = score_places(_items(gold, "places"), report, score)
    if "people" in gold:
        score.prf["people"] = score_people(_items(gold, "people"), report, score)
    if "quotes" in gold:
        score.prf["quotes"] = score_quotes(_items(gold, "quotes"), report, score)
    if "dates" in gold:
        score.prf["dates"] = score_dates(_items(gold, "dates"), report, score)
    if "figures" in gold:
        score.prf["figures"] = score_figures(_items(gold, "figures"), report, score)
    if "events" in gold:
        places = _items(gold, "places")
        score.prf["events"] = score_events(_items(gold, "events"), places, report, score)
    score_publication(gold, report.published, score)
    return score


def _items(gold: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """The section's annotations; anything that is not an object is ignored."""
    section = gold.get(key)
    return [item for item in section if isinstance(item, Mapping)] if section else []


def _as_int(value: Any) -> int | None:
    """A gold count or age as a number; text that is not one ("about 30") is not judged."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _tally(
    score: DocumentScore,
    section: str,
    gold: Sequence[Mapping[str, Any]],
    predicted: Sequence[Any],
    pairs: Sequence[tuple[Any, Any]],
    gold_key: str,
    describe: Callable[[Any], str],
    gold_fields: Sequence[str] = (),
    detail: Callable[[Any], str] | None = None,
) -> PRF:
    """The section's counts, noting the unmatched items on both sides (with the gold's
    ``gold_fields`` and the prediction's ``detail`` for ``--errors``)."""
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    missed = [g for g in gold if id(g) not in matched_gold]
    spurious = [p for p in predicted if id(p) not in matched_pred]
    score.missed[section] = [str(g.get(gold_key)) for g in missed]
    score.spurious[section] = [describe(p) for p in spurious]
    for g in missed:
        fields = ", ".join(f"{k} {_show(g.get(k))}" for k in gold_fields)
        score.notes.append(ErrorNote(section, "missed", str(g.get(gold_key)), fields))
    for p in spurious:
        score.notes.append(ErrorNote(section, "spurious", describe(p), detail(p) if detail else ""))
    return prf_from_pairs(len(gold), len(predicted), len(pairs))


# ----------------------------------------------------------------------------- boilerplate


def score_boilerplate(
    gold_lines: Sequence[str], report: Report, score: DocumentScore | None = None
) -> PRF:
    gold = {norm(line) for line in gold_lines} - {""}
    removed = {norm(line) for r in report.removed for line in r.text.splitlines()} - {""}
    found = gold & removed
    # Part of a boilerplate line removed is not an error (only the whole line is a hit);
    # anything else removed is article text lost.
    wrongly_removed = {r for r in removed - gold if not any(r in g for g in gold)}
    if score is not None:
        score.missed["boilerplate"] = sorted(gold - removed)
        score.spurious["boilerplate"] = sorted(wrongly_removed)
        score.notes.extend(ErrorNote("boilerplate", "missed", m) for m in sorted(gold - removed))
        score.notes.extend(ErrorNote("boilerplate", "spurious", r) for r in sorted(wrongly_removed))
    return PRF(tp=len(found), fp=len(wrongly_removed), fn=len(gold - removed))


# ----------------------------------------------------------------------------- places


def place_has_mention(gold: Mapping[str, Any], place: Place) -> bool:
    target = norm_mention(str(gold.get("mention", "")))
    return bool(target) and any(norm_mention(m.text) == target for m in place.mentions)


def score_places(gold: Sequence[Mapping[str, Any]], report: Report, score: DocumentScore) -> PRF:
    pairs = match_one_to_one(gold, report.places, place_has_mention)
    gold = _without_second_listings(gold, pairs)
    for g, place in pairs:
        item = str(g.get("mention"))
        where = " ".join(str(g.get(k)) for k in ("name", "country", "kind", "lat", "lon"))
        ours = f"{place.name} {place.country} {place.kind} {place.lat} {place.lon}"
        score.judge("places_acc161", resolved_correctly(g, place), item, where, ours)
        gold_metonymy, metonymy = bool(g.get("metonymy")), place.metonymy
        right = metonymy == gold_metonymy
        score.judge("places_metonymy_acc", right, item, gold_metonymy, metonymy)
    return _tally(
        score, "places", gold, report.places, pairs, "mention", _place_text,
        ("name", "kind", "metonymy"), lambda p: f"{p.name} {p.kind} metonymy={p.metonymy}",
    )  # fmt: skip


def resolved_correctly(gold: Mapping[str, Any], place: Place) -> bool:
    """Within 161 km of the gold coordinates; without them, same name, country and kind."""
    lat, lon = gold.get("lat"), gold.get("lon")
    if lat is not None and lon is not None:
        if place.lat is None or place.lon is None:
            return False
        return haversine_km(float(lat), float(lon), place.lat, place.lon) <= RESOLUTION_KM
    country = gold.get("country")
    if country and (place.country or "").upper() != str(country).upper():
        return False
    if not kinds_compatible(gold.get("kind"), place.kind):
        return False
    return same_name(gold.get("name"), place.name) or same_name(gold.get("mention"), place.name)


def _without_second_listings(
    gold: Sequence[Mapping[str, Any]], pairs: Sequence[tuple[Mapping[str, Any], Place]]
) -> list[Mapping[str, Any]]:
    """The gold places less those that list again, under another mention, a place already
    matched: "NAIROBI" in the dateline and "Nairobi" in the story are one place, which a
    report records once with both mentions. Such a second listing is neither found nor
    missed (the one-to-one match would count it missed, or demand a second record)."""
    matched = {id(g) for g, _ in pairs}
    return [
        g
        for g in gold
        if id(g) in matched
        or not any(
            place_has_mention(g, place) and _same_gold_place(g, first) for first, place in pairs
        )
    ]


def _same_gold_place(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    if all(x.get(k) is not None for x in (a, b) for k in ("lat", "lon")):
        return haversine_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"])) < 1
    return same_name(a.get("name"), b.get("name"))


def kinds_compatible(gold_kind: Any, predicted_kind: str) -> bool:
    """A settlement is not the region or country named after it (Kharkiv / Kharkiv Oblast)."""
    kinds = {str(gold_kind), predicted_kind}
    return not (kinds & _SETTLEMENT_KINDS and kinds & _AREA_KINDS)


# ----------------------------------------------------------------------------- people


def _place_text(place: Place) -> str:
    return place.mentions[0].text if place.mentions else place.name


def _span_text(record: Quote | TimeExpression | Figure) -> str:
    return record.span.text


def _name_words(text: str) -> list[str]:
    return norm_mention(text).split()


def person_named(gold: Mapping[str, Any], person: Person) -> bool:
    target = _name_words(str(gold.get("name", "")))
    candidates = [person.name, *(m.text for m in person.mentions)]
    return bool(target) and any(is_sublist(target, _name_words(c)) for c in candidates)


def score_people(gold: Sequence[Mapping[str, Any]], report: Report, score: DocumentScore) -> PRF:
    pairs = match_one_to_one(gold, report.people, person_named)
    for g, person in pairs:
        item = str(g.get("name"))
        age = _as_int(g.get("age"))
        if age is not None:
            score.judge("people_age_acc", person.age == age, item, age, person.age)
        if g.get("role"):
            right = tokens_overlap(str(g["role"]), person.role)
            score.judge("people_role_acc", right, item, g["role"], person.role)
    return _tally(
        score, "people", gold, report.people, pairs, "name", lambda p: p.name,
        ("age", "role"), lambda p: f"age {_show(p.age)}, role {_show(p.role)}",
    )  # fmt: skip


# ----------------------------------------------------------------------------- quotes


def _quote_words(text: str) -> list[str]:
    found = words(text)
    # An indirect quote's span may or may not start at its complementiser.
    return found[1:] if found[:1] == ["that"] else found


# A predicted quote shorter than the gold start must still have this many words (or all of
# the gold's) to count as the same quote cut short.
MIN_SHORT_QUOTE_WORDS = 3


# A dateline or cue may lead a predicted quote's span ("PORT SUDAN, 14 May 2024 — The
# first aid convoy…"): the gold start may begin this many words in. A dateline is at most
# about six words; more would let a quote match a different sentence.
MAX_LEADING_WORDS = 8


def quote_starts_with(gold: Mapping[str, Any], quote: Quote) -> bool:
    expected = _quote_words(str(gold.get("quote_start", "")))
    found = _quote_words(quote.span.text)
    if not expected or not found:
        return False
    if found[: len(expected)] == expected:
        return True
    if len(expected) >= 2 and is_sublist(expected, found[: MAX_LEADING_WORDS + len(expected)]):
        return True
    short_enough = len(found) >= min(MIN_SHORT_QUOTE_WORDS, len(expected))
    return len(found) < len(expected) and short_enough and expected[: len(found)] == found


def speaker_names(quote: Quote, report: Report) -> list[str]:
    """The names the prediction gives the speaker: its record's, else its text."""
    if quote.speaker:
        records: list[Person | Organization | Place] = [
            *report.people,
            *report.organizations,
            *report.places,
        ]
        for record in records:
            if record.id == quote.speaker:
                return [record.name]
    return [quote.speaker_text] if quote.speaker_text else []


def score_quotes(gold: Sequence[Mapping[str, Any]], report: Report, score: DocumentScore) -> PRF:
    pairs = match_one_to_one(gold, report.quotes, quote_starts_with)
    for g, quote in pairs:
        item = str(g.get("quote_start"))
        if g.get("speaker"):
            names = speaker_names(quote, report)
            right = any(names_agree(str(g["speaker"]), n) for n in names)
            score.judge("quotes_speaker_acc", right, item, g["speaker"], " / ".join(names))
        if g.get("direct") is not None:
            direct = bool(g["direct"])
            score.judge("quotes_direct_acc", quote.direct == direct, item, direct, quote.direct)
    counted = _without_continuations(report.quotes, [q for _, q in pairs])
    return _tally(
        score, "quotes", gold, counted, pairs, "quote_start", _span_text,
        ("speaker", "direct"), lambda q: f"speaker {_show(' / '.join(speaker_names(q, report)))}",
    )  # fmt: skip


# How far after a found quote its continuation may start: room for an attribution
# ("…is there," Tkachenko said, "and they chose…") or a paragraph break.
CONTINUATION_CHARS = 80


def _without_continuations(quotes: Sequence[Quote], matched: Sequence[Quote]) -> list[Quote]:
    """The predictions that count toward precision: a quote split by its attribution, or
    running over a paragraph break, is one statement; its second piece, attributed to the
    same speaker, is not a false positive."""

    def continues_a_match(q: Quote) -> bool:
        return any(
            q is not m
            and q.speaker == m.speaker
            and 0 <= q.span.start - m.span.end <= CONTINUATION_CHARS
            for m in matched
        )

    return [q for q in quotes if any(q is m for m in matched) or not continues_a_match(q)]


# ----------------------------------------------------------------------------- dates, figures


def mention_positions(text: str, mention: str) -> list[tuple[int, int]]:
    """Where ``mention`` occurs in ``text``, ignoring case and runs of whitespace."""
    parts = [re.escape(p) for p in mention.split()]
    if not parts:
        return []
    # Whole words only: "March" is not in "marches", but "Sunday" is in "Sunday's".
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def mention_overlaps(report_text: str, mention: str, start: int, end: int, span_text: str) -> bool:
    """The predicted span overlaps an occurrence of the gold mention in the cleaned text
    (or, where the text writes the mention otherwise, "Sept 16" for "Sept. 16", the
    predicted span holds its words). A mention the cleaner removed (a date line) is not
    found in a part of it said elsewhere: "2024" of "in 2024" is not "19.09.2024"."""
    positions = mention_positions(report_text, mention)
    if positions:
        return any(s < end and start < e for s, e in positions)
    return is_sublist(words(mention), words(span_text))


def date_value_right(gold_value: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    gold_value, predicted = gold_value.strip(), predicted.strip()
    if predicted == gold_value:
        return True
    # A more precise prediction inside the gold's period: "2022-09-14" for "2022-09".
    return predicted.startswith(gold_value) and predicted[len(gold_value)] in "-T"


# A value that states a clock time ("2024-10-23T09:00", "XXXX-XX-XXT06:00"); a part of
# the day ("XXXX-WXX-4TEV") is no clock time.
_CLOCK_VALUE = re.compile(r"T\d")
# Words that name a day beside a clock time ("10 p.m. Wednesday", "Aug. 14, 09:30").
_DAY_WORDS = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\b|"
    r"\b(?:today|yesterday|tomorrow|tonight)\b|\d{4}|\d+[/.]\d+[/.]\d+",
    re.IGNORECASE,
)


def is_date_like(t: TimeExpression) -> bool:
    """Whether a time expression is what the gold "dates" list: a date, month or year
    (GOLD_FORMAT), not a stretch, a vague reference or a time of day. No gold file of
    examples/, eval/outside/a or /b lists a clock time ("9 a.m.", "08:15 GMT", "noon")."""
    value = t.value or ""
    if t.kind not in DATE_KINDS or value.endswith("_REF"):
        return False
    clock_only = _CLOCK_VALUE.search(value) and not _DAY_WORDS.search(t.span.text)
    return not (t.kind == "time" and clock_only)


def score_dates(gold: Sequence[Mapping[str, Any]], report: Report, score: DocumentScore) -> PRF:
    def matches(g: Mapping[str, Any], t: TimeExpression) -> bool:
        s = t.span
        return mention_overlaps(report.text, str(g.get("mention", "")), s.start, s.end, s.text)

    pairs = match_one_to_one(gold, report.times, matches)
    for g, t in pairs:
        if g.get("value"):
            right = date_value_right(str(g["value"]), t.value)
            score.judge("dates_value_acc", right, str(g.get("mention")), g["value"], t.value)
    # Gold "dates" are dates; a duration, a recurrence, a vague reference to the present,
    # past or future ("now", "recently": TIMEX3 *_REF) or a clock time found besides them
    # is not wrong.
    matched = [t for _, t in pairs]
    counted = [
        t
        for t in report.times
        if any(t is m for m in matched) or (is_date_like(t) and not _repeats_a_gold_date(t, gold))
    ]
    return _tally(
        score, "dates", gold, counted, pairs, "mention", _span_text,
        ("value",), lambda t: f"value {_show(t.value)}, {t.kind}",
    )  # fmt: skip


def _repeats_a_gold_date(t: TimeExpression, gold: Sequence[Mapping[str, Any]]) -> bool:
    """Whether ``t`` says again a date the gold lists once: some gold files list each
    distinct date mention once (as every gold file lists places), others every occurrence,
    so a later "Tuesday" beside a gold "Tuesday" is neither found nor wrong (form, not
    substance: the first occurrence is matched and its value judged)."""
    said = " ".join(t.span.text.split()).casefold()
    return any(" ".join(str(g.get("mention", "")).split()).casefold() == said for g in gold)


def values_equal(gold: Any, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    try:
        expected = float(gold)
    except (TypeError, ValueError):
        return False
    return abs(expected - predicted) <= 1e-6 * max(1.0, abs(expected))


def _canonical(text: str | None, synonyms: Mapping[str, str]) -> set[str]:
    """The vocabulary words a label says; a compound label is its words
    ("buildings_destroyed" says "destroyed", as a gold "destroyed" or "buildings_destroyed")."""
    if not text:
        return set()
    text = text.replace("_", " ")
    folded = fold(text)
    if folded in synonyms:
        return {synonyms[folded]}
    return {synonyms.get(w, w) for w in content_words(text)}


def score_figures(gold: Sequence[Mapping[str, Any]], report: Report, score: DocumentScore) -> PRF:
    def matches(g: Mapping[str, Any], f: Figure) -> bool:
        s = f.span
        mention = str(g.get("mention", ""))
        same_place = mention_overlaps(report.text, mention, s.start, s.end, s.text)
        return same_place and values_equal(g.get("value"), f.value)

    pairs = match_one_to_one(gold, report.figures, matches)
    matched = {id(f) for _, f in pairs}
    counted = [f for f in report.figures if id(f) in matched or not is_vague_count(f)]
    for g, f in pairs:
        item = str(g.get("mention"))
        if g.get("what"):
            what = _canonical(str(g["what"]), QUANTITY_SYNONYMS)
            right = bool(what & _canonical(f.quantity, QUANTITY_SYNONYMS))
            score.judge("figures_what_acc", right, item, g["what"], f.quantity)
        if g.get("unit"):
            unit = _canonical(str(g["unit"]), UNIT_SYNONYMS)
            right = bool(unit & _canonical(f.unit, UNIT_SYNONYMS))
            score.judge("figures_unit_acc", right, item, g["unit"], f.unit)
    return _tally(
        score, "figures", gold, counted, pairs, "mention", _span_text,
        ("value", "unit", "what"),
        lambda f: f"value {_show(f.value)}, unit {_show(f.unit)}, what {_show(f.quantity)}",
    )  # fmt: skip


# ----------------------------------------------------------------------------- events


# Only events told as having happened are scored: the gold lists what happened, and an
# event sitrep outputs as denied, planned or hypothetical is labelled so on purpose.
SCORED_MODALITIES = frozenset({"fact", "claim"})
# A vague count has no value a gold file could give: unmatched, it is no false positive.
VAGUE_COUNTS = frozenset(
    {"dozens", "scores", "hundreds", "thousands", "millions", "tens of thousands",
     "hundreds of thousands", "many", "several", "a few", "several hundred", "a few hundred",
     "several thousand", "a few thousand"}
)  # fmt: skip


def is_scored_event(event: Event) -> bool:
    return event.modality in SCORED_MODALITIES


def is_vague_count(figure: Figure) -> bool:
    words = figure.span.text.lower().split()
    return any(" ".join(words[i:]) in VAGUE_COUNTS for i in range(len(words)))


def gold_event_type(predicted_type: str) -> str:
    """Our event type in the gold vocabulary; a type it has no word for is its ``other``
    (GOLD_FORMAT: "other" is what fits none; sitrep's "release" and "restriction")."""
    key = norm(predicted_type).replace(" ", "_").replace("-", "_")
    return EVENT_TYPES.get(key, key if key in GOLD_EVENT_TYPES else "other")


def event_types_agree(gold_type: str, predicted_type: str) -> bool:
    g, p = gold_event_type(gold_type), gold_event_type(predicted_type)
    if g == p:
        return True
    return "attack" in (g, p) and g in ATTACK_KINDS and p in ATTACK_KINDS


def same_month(gold_date: Any, predicted: str | None) -> bool:
    """Same month where both dates are known; a year-only date is compared by year, and
    an ISO week ("2024-W19", "2024-W19-WE") counts as each month its days fall in."""
    if not gold_date or not predicted:
        return True
    gold_months, predicted_months = months_of(str(gold_date)), months_of(predicted)
    k = min(len(next(iter(gold_months))), len(next(iter(predicted_months))), 7)
    return bool({m[:k] for m in gold_months} & {m[:k] for m in predicted_months})


def event_date_agrees(gold_date: Any, event: Event) -> bool:
    """``same_month`` for a date the event's words give; a date inferred from the report
    (``events_dating``) says only "on or before", so any gold month up to its last agrees."""
    if is_inferred(event):
        return not gold_date or str(gold_date)[:7] <= latest_month(event.date)
    return same_month(gold_date, event.date)


@dataclass(frozen=True, slots=True)
class EventContext:
    report: Report
    gold_places: Sequence[Mapping[str, Any]]

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.report.places if p.id == place_id), None)

    def spellings(self, name: str) -> list[str]:
        """The gold's name for a place and every mention the gold lists under it."""
        return [name] + [
            str(g["mention"]) for g in self.gold_places
            if g.get("mention") and same_name(name, g.get("name"))
        ]  # fmt: skip

    def is_country(self, name: str) -> bool:
        return any(
            g.get("kind") == "country" and same_name(name, g.get("name")) for g in self.gold_places
        )

    def coordinates(self, name: str) -> tuple[float, float] | None:
        """Where a gold event's place is: from the gold places, else the predicted ones."""
        for g in self.gold_places:
            if g.get("lat") is None or g.get("lon") is None:
                continue
            if same_name(name, g.get("name")) or same_name(name, g.get("mention")):
                return float(g["lat"]), float(g["lon"])
        for p in self.report.places:
            if p.lat is not None and p.lon is not None and same_name(name, p.name):
                return p.lat, p.lon
        return None


def event_place_right(gold_place: Any, event: Event, ctx: EventContext) -> bool:
    """Same place by name (the gold's canonical name or any mention the gold gives it:
    "Karabakh" for "Nagorno-Karabakh"), else within 161 km. A country and a place in
    it are never one by distance: a country-wide event is not a city's (round 7)."""
    if not gold_place:
        return True
    place = ctx.place(event.place)
    if place is None:
        return False
    if event_place_named(gold_place, event, ctx):
        return True
    if place.kind == "country" or ctx.is_country(str(gold_place)):
        return False
    name = str(gold_place)
    where = ctx.coordinates(name)
    if where is None or place.lat is None or place.lon is None:
        return False
    return haversine_km(where[0], where[1], place.lat, place.lon) <= RESOLUTION_KM


def event_place_named(gold_place: Any, event: Event, ctx: EventContext) -> bool:
    """The event's place is the gold's by name (its canonical name or a mention)."""
    place = ctx.place(event.place)
    if not gold_place or place is None:
        return False
    names = ctx.spellings(str(gold_place))
    return any(
        same_name(n, place.name) or any(same_name(n, m.text) for m in place.mentions)
        for n in names
    )


def event_closeness(g: Mapping[str, Any], e: Event, ctx: EventContext) -> int:
    """How close a twin a matching prediction is to a gold event, for pairing them when
    several match (``match_one_to_one``): the same place by name weighs most, then a date
    the event's own words give, the same day, then the same month. The counts are not
    looked at: pairing by them would hide a toll given to the wrong telling."""
    named = 4 if event_place_named(g.get("place"), e, ctx) else 0
    gold_date, date = str(g.get("date") or ""), e.date or ""
    if not gold_date or not date or is_inferred(e):
        return named
    if date[:10] == gold_date[:10]:
        return named + 2
    return named + (1 if date[:7] == gold_date[:7] else 0)


def event_matches(g: Mapping[str, Any], e: Event, ctx: EventContext) -> bool:
    """A gold event and a predicted one are the same event: type, place (same name or
    within 161 km) and date (same month where both are known), GOLD_FORMAT.md."""
    return (
        event_types_agree(str(g.get("type", "")), e.type)
        and event_place_right(g.get("place"), e, ctx)
        and event_date_agrees(g.get("date"), e)
    )


def score_events(
    gold: Sequence[Mapping[str, Any]],
    gold_places: Sequence[Mapping[str, Any]],
    report: Report,
    score: DocumentScore,
) -> PRF:
    ctx = EventContext(report, gold_places)
    scored = [e for e in report.events if is_scored_event(e)]
    score.unscored_events += len(report.events) - len(scored)
    pairs = match_one_to_one(
        gold, scored, lambda g, e: event_matches(g, e, ctx),
        prefer=lambda g, e: event_closeness(g, e, ctx),
    )  # fmt: skip
    for g, e in pairs:
        item = f"{g.get('type')} {g.get('place')} {g.get('date')}"
        killed, injured = _as_int(g.get("killed")), _as_int(g.get("injured"))
        if killed is not None:
            score.judge("events_killed_acc", e.killed == killed, item, killed, e.killed)
        if injured is not None:
            score.judge("events_injured_acc", e.injured == injured, item, injured, e.injured)
        if killed is not None or injured is not None:
            # Both stated counts exactly right.
            score.accuracy("events_casualty_acc").judge(
                (killed is None or e.killed == killed) and (injured is None or e.injured == injured)
            )
    return _tally(
        score, "events", gold, scored, pairs, "type", lambda e: e.type, ("place", "date"),
        lambda e: f"place {_show(_place_name(ctx.place(e.place)))}, date {_show(e.date)}",
    )  # fmt: skip


def _place_name(place: Place | None) -> str | None:
    return place.name if place else None


# ----------------------------------------------------------------------------- publication


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date, month or year covers."""
    if not value:
        return None
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        day = date(numbers[0], numbers[1], numbers[2])
        return day, day
    except (ValueError, IndexError):
        return None


def window_bounds(window: Sequence[str] | None) -> tuple[date, date] | None:
    if not window or len(window) != 2:
        return None
    start, end = date_bounds(window[0]), date_bounds(window[1])
    if start is None or end is None:
        return None
    return start[0], end[1]


def predicted_window(published: Published) -> tuple[date, date] | None:
    return window_bounds(published.window) or date_bounds(published.date)


def score_publication(gold: Mapping[str, Any], published: Published, score: DocumentScore) -> None:
    window = window_bounds(published.window)
    if window is not None:
        score.window_days = float((window[1] - window[0]).days)
    found = predicted_window(published)
    gold_date = date_bounds(gold.get("publication_date"))
    ours = published.date or (f"{found[0]}..{found[1]}" if found else None)
    if gold_date is not None:
        expected = gold["publication_date"]
        right = published.date == expected
        score.judge("publication_date_acc", right, "publication", expected, published.date)
        covered = found is not None and found[0] <= gold_date[0] and gold_date[1] <= found[1]
        score.judge("publication_window_coverage", covered, "publication", expected, ours)
        return
    gold_window = window_bounds(gold.get("publication_window"))
    if gold_window is not None:
        overlaps = found is not None and found[0] <= gold_window[1] and gold_window[0] <= found[1]
        expected = f"{gold_window[0]}..{gold_window[1]}"
        score.judge("publication_window_coverage", overlaps, "publication", expected, ours)


# ----------------------------------------------------------------------------- table


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_result(result: EvalResult) -> str:
    """The scores as readable tables: sections, accuracies, then one row per document."""
    buffer = StringIO()
    console = Console(file=buffer, width=120, color_system=None, force_terminal=False)
    console.print(_sections_table(result))
    console.print(_accuracy_table(result))
    console.print(_documents_table(result))
    for reason in result.skipped:
        console.print(f"skipped: {reason}", markup=False, highlight=False)
    for doc in result.documents:
        if doc.error:
            console.print(f"failed: {doc.name}: {doc.error}", markup=False, highlight=False)
    return buffer.getvalue().rstrip("\n")


def _sections_table(result: EvalResult) -> Table:
    table = Table(title=f"sitrep eval report: {len(result.documents)} documents")
    for column in ("section", "precision", "recall", "F1", "F1 per doc", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "section" else "right")
    metrics = result.metrics()
    for section, prf in result.section_totals().items():
        macro = metrics[f"{section}_f1_macro"]
        table.add_row(
            section, _fmt(prf.precision), _fmt(prf.recall), _fmt(prf.f1),
            _fmt(float(macro) if macro is not None else None),
            str(prf.tp), str(prf.fp), str(prf.fn),
        )  # fmt: skip
    return table


def _accuracy_table(result: EvalResult) -> Table:
    table = Table(title="accuracy on matched items")
    for column in ("metric", "accuracy", "right", "judged"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for key, acc in result.accuracy_totals().items():
        table.add_row(key, _fmt(acc.value), str(acc.correct), str(acc.total))
    widths = [d.window_days for d in result.documents if d.window_days is not None]
    if widths:
        table.add_row("publication window, mean days", f"{sum(widths) / len(widths):.1f}", "", "")
    return table


def _documents_table(result: EvalResult) -> Table:
    table = Table(title="F1 per document")
    table.add_column("document")
    for section in SECTIONS:
        table.add_column(section, justify="right")
    for doc in result.documents:
        row = [_fmt(doc.prf[s].f1) if s in doc.prf else "n/a" for s in SECTIONS]
        table.add_row(doc.name, *row)
    return table


def format_errors(result: EvalResult) -> str:
    """Per document and section, what was missed, what was found wrongly, and which
    matched items have a judged field wrong (gold against ours), for reading."""
    lines: list[str] = []
    for doc in result.documents:
        for section in (*SECTIONS, "publication"):
            notes = [n for n in doc.notes if n.section == section]
            if not notes:
                continue
            lines.append(f"{doc.name} {section}:")
            for kind in ("missed", "spurious", "wrong"):
                lines.extend(
                    f"  {kind:<8} {n.item!r}" + (f"  {n.detail}" if n.detail else "")
                    for n in notes
                    if n.kind == kind
                )
    return "\n".join(lines)
