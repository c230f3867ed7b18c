"""Reading PolNeAR (Newell et al., LREC 2018): news articles with attribution relations
in brat standoff (``../shared/eval/quotes/PolNeAR/README.md``).

Layout: ``DIR/<split>/text/<article>.txt`` and
``DIR/<split>/attributions/<article>_<annotator>.ann``. ``T`` lines are spans
(``Tn<TAB>Label start end[;start end…]<TAB>text``), ``E`` lines tie them into one
attribution (``En<TAB>Attribution:Tk Content:Tc Cue:Tq Source:Ts``; Source may be
missing, a second content is ``Content2``). Offsets are characters of the text file.

Choices:
- An article annotated twice keeps the annotator whose name sorts first, so a run is
  reproducible and every article counts once.
- A content in several pieces (a quote split by its attribution, a quotation over two
  paragraphs) becomes one ``GoldQuote`` per piece, each with the attribution's source
  and cue: sitrep, like most extractors, gives one record per piece.
- A piece is *direct* when it opens with a double quotation mark and closes with one
  (or runs to its paragraph's end, as the paragraphs of a long quotation do); pieces
  that mix quoted and unquoted words are indirect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CharRange = tuple[int, int]

# Opening and closing double marks (straight, curly, or two apostrophes as in the NYT
# archive's ''…'') that make a content direct.
_OPENING = ('"', "“", "«", "„", "''")
_CLOSING = ('"', "”", "»", "“", "''")
# Punctuation a closing mark may be followed by inside a content ("…” .").
_AFTER_CLOSE = ",.;:!? \t"
_ROLE = re.compile(r"^(?P<role>[A-Za-z-]+?)\d*:(?P<ref>[TE]\d+)$")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One piece of an attribution's content, with its source and cue."""

    content: CharRange
    direct: bool
    sources: tuple[CharRange, ...] = ()
    cues: tuple[CharRange, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    quotes: tuple[GoldQuote, ...]
    annotator: str


class PolnearFormatError(ValueError):
    """An annotation file that does not follow the brat standoff format."""


def read_split(data: Path, split: str = "test", limit: int | None = None) -> list[Article]:
    """The articles of one split, in name order (the first ``limit`` of them)."""
    folder = data / split
    texts, annotations = folder / "text", folder / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise FileNotFoundError(f"{folder} must hold text/ and attributions/ folders")
    chosen = choose_annotators(annotations)
    articles: list[Article] = []
    for name in sorted(chosen):
        if limit is not None and len(articles) >= limit:
            break
        text_path = texts / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        ann_path, annotator = chosen[name]
        quotes = parse_ann(ann_path.read_text(encoding="utf-8"), text, origin=str(ann_path))
        articles.append(Article(name, text, tuple(quotes), annotator))
    return articles


def choose_annotators(folder: Path) -> dict[str, tuple[Path, str]]:
    """article name -> (its annotation file, annotator): the first annotator by name."""
    chosen: dict[str, tuple[Path, str]] = {}
    for path in sorted(folder.glob("*.ann")):
        name, _, annotator = path.stem.rpartition("_")
        if not name:
            continue
        if name not in chosen or annotator < chosen[name][1]:
            chosen[name] = (path, annotator)
    return chosen


def parse_ann(ann: str, text: str, *, origin: str = "<ann>") -> list[GoldQuote]:
    """The attributions of one brat file, one ``GoldQuote`` per content piece, in order."""
    spans: dict[str, tuple[CharRange, ...]] = {}
    relations: list[dict[str, list[str]]] = []
    for number, line in enumerate(ann.splitlines(), start=1):
        if line.startswith("T"):
            spans.update([_text_bound(line, origin, number)])
        elif line.startswith("E"):
            relations.append(_event_roles(line))
    quotes: list[GoldQuote] = []
    for roles in relations:
        sources = tuple(r for ref in roles.get("Source", []) for r in spans.get(ref, ()))
        cues = tuple(r for ref in roles.get("Cue", []) for r in spans.get(ref, ()))
        for ref in roles.get("Content", []):
            for piece in spans.get(ref, ()):
                piece = trim(text, piece)
                if piece[1] > piece[0]:
                    quotes.append(GoldQuote(piece, is_direct(text, piece), sources, cues))
    return sorted(quotes, key=lambda q: q.content)


def _text_bound(line: str, origin: str, number: int) -> tuple[str, tuple[CharRange, ...]]:
    fields = line.split("\t")
    if len(fields) < 2 or " " not in fields[1]:
        raise PolnearFormatError(f"{origin}:{number}: not a brat text-bound line: {line!r}")
    _, _, offsets = fields[1].partition(" ")
    pieces: list[CharRange] = []
    for piece in offsets.split(";"):
        start, _, end = piece.strip().partition(" ")
        if not (start.isdigit() and end.isdigit()):
            raise PolnearFormatError(f"{origin}:{number}: bad offsets {piece!r}")
        pieces.append((int(start), int(end)))
    return fields[0], tuple(pieces)


def _event_roles(line: str) -> dict[str, list[str]]:
    """role -> referenced ids; numbered roles (Content2) join their base role."""
    fields = line.split("\t")
    roles: dict[str, list[str]] = {}
    for part in fields[1].split() if len(fields) > 1 else []:
        match = _ROLE.match(part)
        if match is not None:
            roles.setdefault(match.group("role"), []).append(match.group("ref"))
    return roles


def trim(text: str, piece: CharRange) -> CharRange:
    """``piece`` without surrounding whitespace."""
    start, end = piece
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_direct(text: str, piece: CharRange) -> bool:
    """Quoted words only: opens with a double mark and closes with one (or at a paragraph end)."""
    words = text[piece[0] : piece[1]]
    opening = next((m for m in _OPENING if words.startswith(m)), None)
    if opening is None:
        return False
    body = words[len(opening) :]
    closed = body.rstrip(_AFTER_CLOSE)
    closing = next((m for m in _CLOSING if closed.endswith(m)), None)
    if closing is not None:
        return not any(mark in closed[: -len(closing)] for mark in _CLOSING)
    # A paragraph of a quotation that goes on in the next one has no closing mark.
    at_paragraph_end = text[piece[1] : piece[1] + 1] in ("", "\n", "\r")
    return at_paragraph_end and not any(mark in body for mark in _CLOSING)


def iter_word_ranges(text: str, piece: CharRange) -> Iterator[CharRange]:
    """The word tokens (letters and digits) inside ``piece``."""
    for match in _WORD.finditer(text, piece[0], piece[1]):
        yield match.start(), match.end()


_WORD = re.compile(r"\w+")
