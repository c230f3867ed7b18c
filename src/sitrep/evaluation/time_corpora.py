"""Readers for the time-expression corpora (shared/eval/time, README there).

* TimeML ``.tml`` (TBAQ-cleaned, TE3-platinum): the text is the character data of
  ``<TEXT>`` with the tags removed; gold TIMEX3 offsets are positions in it; the DCT is
  the ``functionInDocument="CREATION_TIME"`` TIMEX3.
* MEANTIME CAT XML: the text is the tokens joined by spaces, one sentence per line;
  only the title (sentence 0) and sentences 2-5 are annotated, sentence 1 is the
  dateline holding the DCT (hidden when dating).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# MEANTIME annotates the title and the first body sentences only (README).
MEANTIME_SCORED_SENTENCES = frozenset({0, 2, 3, 4, 5})
MEANTIME_DATELINE_SENTENCE = 1


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeDoc:
    name: str
    corpus: str
    text: str
    dct: date | None
    gold: tuple[GoldTimex, ...]
    # Character ranges whose expressions are scored (None: the whole text).
    scored: tuple[tuple[int, int], ...] | None = None
    # Character ranges that state the DCT and are hidden from the dating evaluation.
    dateline: tuple[tuple[int, int], ...] = ()

    def in_scope(self, start: int, end: int) -> bool:
        return self.scored is None or any(s <= start and end <= e for s, e in self.scored)

    def text_without_dateline(self) -> str:
        text = self.text
        for s, e in sorted(self.dateline, reverse=True):
            text = text[:s] + text[e:]
        return text


def parse_dct(value: str | None) -> date | None:
    """A DCT value as a day; also the "03-02-2009" (day-month-year) one MEANTIME has."""
    if not value:
        return None
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):
        return _day(int(m[3]), int(m[2]), int(m[1]))
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_tml(path: Path, corpus: str) -> TimeDoc:
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = parse_dct(timex.get("value"))
            break
    text_el = root.find(".//TEXT")
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    if text_el is not None:
        _walk(text_el, pieces, gold, is_root=True)
    return TimeDoc(path.stem, corpus, "".join(pieces), dct, tuple(gold))


def _walk(el: ET.Element, pieces: list[str], gold: list[GoldTimex], *, is_root: bool) -> None:
    start = sum(len(p) for p in pieces)
    if el.text:
        pieces.append(el.text)
    for child in el:
        _walk(child, pieces, gold, is_root=False)
        if child.tail:
            pieces.append(child.tail)
    if el.tag == "TIMEX3" and not is_root:
        text = "".join(pieces)[start:]
        gold.append(
            GoldTimex(start, start + len(text), text, el.get("type", ""), el.get("value", ""))
        )


def read_meantime(path: Path, corpus: str) -> TimeDoc | None:
    root = ET.parse(path).getroot()
    if root.tag != "Document":
        return None
    lines: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        lines.setdefault(int(token.get("sentence", "0")), []).append(
            (token.get("t_id", ""), token.text or "")
        )
    text_parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_spans: dict[int, tuple[int, int]] = {}
    position = 0
    for number in sorted(lines):
        line_start = position
        for i, (tid, word) in enumerate(lines[number]):
            if i:
                text_parts.append(" ")
                position += 1
            offsets[tid] = (position, position + len(word))
            text_parts.append(word)
            position += len(word)
        sentence_spans[number] = (line_start, position)
        text_parts.append("\n")
        position += 1
    text = "".join(text_parts)
    dct, gold = None, []
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = parse_dct(timex.get("value"))
            continue
        ids = [a.get("t_id", "") for a in timex.iter("token_anchor")]
        spans = [offsets[i] for i in ids if i in offsets]
        if not spans:
            continue  # an implicit TIMEX3 (a duration's begin or end point)
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        gold.append(
            GoldTimex(start, end, text[start:end], timex.get("type", ""), timex.get("value", ""))
        )
    scored = tuple(sentence_spans[n] for n in sorted(MEANTIME_SCORED_SENTENCES & set(lines)))
    dateline = tuple(
        sentence_spans[n] for n in (MEANTIME_DATELINE_SENTENCE,) if n in sentence_spans
    )
    return TimeDoc(path.stem, corpus, text, dct, tuple(gold), scored, dateline)


def read_time_corpora(data: Path) -> Iterator[TimeDoc]:
    """Every document under ``data``, its corpus named by the first folder below ``data``
    (or by ``data`` itself); system-input folders (``*.TE3input``) are not gold."""
    for path in sorted(data.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(data)
        corpus = relative.parts[0] if len(relative.parts) > 1 else data.name
        if path.suffix == ".tml":
            yield read_tml(path, corpus)
        elif path.suffix == ".xml" and path.name != "MEANTIME_NWR.xsd":
            doc = _try_meantime(path, corpus)
            if doc is not None:
                yield doc


def _try_meantime(path: Path, corpus: str) -> TimeDoc | None:
    try:
        return read_meantime(path, corpus)
    except ET.ParseError:
        return None
