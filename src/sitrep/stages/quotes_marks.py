"""Finding quoted stretches of text by their quotation marks (no parse needed).

Conventions (documented in the quotes stage):
- A quoted stretch's ``start:end`` covers the words inside the marks, without them.
- Paragraphs are lines. An opening double mark that is not closed before the end of
  its paragraph runs to that paragraph's end; when the next paragraph opens with a
  mark, that paragraph continues the same quotation (the English convention for
  quotations over several paragraphs).
- Straight and curly single marks count only when they clearly pair up inside one
  paragraph: an opening mark after a space or an opening bracket, a closing mark not
  followed by a letter (so "Kyiv's" and "don’t" are apostrophes, not quotes).
- Two straight apostrophes ('') are a double mark, as in archives typed on ASCII
  keyboards (''Hopefully,'' the president said); ``close`` is then the index of the
  second apostrophe of the closing pair.
"""

from __future__ import annotations

from dataclasses import dataclass

# Opening mark -> the marks that may close it.
_DOUBLE_PAIRS: dict[str, str] = {'"': '"', "“": "”", "«": "»", "„": "“”"}
_SINGLE_PAIRS: dict[str, str] = {"'": "'", "‘": "’"}
# Two apostrophes standing for one double mark.
_DOUBLED = "''"
# Single marks farther apart than this do not pair up: single-quoted stretches are
# short (titles, quotes inside quotes), and the bound keeps unmatched marks linear.
MAX_SINGLE_QUOTED_CHARS = 600
# What may stand right before an opening mark.
_OPEN_CONTEXT = " \t([{—–-:/"


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quoted stretch: marks at ``open`` and ``close``, words at ``start:end``."""

    open: int
    start: int
    end: int
    # None when the paragraph ended before a closing mark.
    close: int | None
    mark: str
    # True when this stretch continues a quotation opened in an earlier paragraph.
    continues: bool = False

    @property
    def outer_end(self) -> int:
        """Index just past the closing mark (or the words, when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


def find_quoted(text: str) -> list[Quoted]:
    """Every top-level quoted stretch of ``text``, in order."""
    found: list[Quoted] = []
    for para_start, para_end in paragraphs(text):
        in_para = _scan_paragraph(text, para_start, para_end)
        if in_para and found and _continues(text, found[-1], in_para[0], para_start):
            first = in_para[0]
            in_para[0] = Quoted(first.open, first.start, first.end, first.close, first.mark, True)
        found.extend(in_para)
    return [q for i, q in enumerate(found) if _keep_unclosed(q, found[i + 1 : i + 2], text)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, without its surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _scan_paragraph(text: str, start: int, end: int) -> list[Quoted]:
    found: list[Quoted] = []
    i = start
    while i < end:
        ch = text[i]
        quoted: Quoted | None = None
        if text.startswith(_DOUBLED, i) and _opens(text, i + 1, start, end, i):
            quoted = _close_doubled(text, i, end)
        elif ch in _DOUBLE_PAIRS and _opens(text, i, start, end):
            quoted = _close_double(text, i, end)
        elif ch in _SINGLE_PAIRS and _opens(text, i, start, end):
            quoted = _close_single(text, i, end)
        if quoted is None:
            i += 1
            continue
        found.append(quoted)
        i = quoted.outer_end
    return found


def _opens(
    text: str, i: int, para_start: int, para_end: int, mark_start: int | None = None
) -> bool:
    """A mark (``mark_start:i+1``) opens a quotation at a word's start, before a non-space."""
    first = i if mark_start is None else mark_start
    before_ok = first == para_start or text[first - 1] in _OPEN_CONTEXT
    after_ok = i + 1 < para_end and not text[i + 1].isspace()
    return before_ok and after_ok


def _close_double(text: str, i: int, para_end: int) -> Quoted | None:
    closers = _DOUBLE_PAIRS[text[i]]
    for j in range(i + 1, para_end):
        if text[j] in closers:
            return _quoted(text, i, j, j)
    # Unclosed: the quotation runs on to the paragraph's end (maybe beyond).
    return _quoted(text, i, para_end, None)


def _close_doubled(text: str, i: int, para_end: int) -> Quoted | None:
    """''…'' : closed by the next pair of apostrophes in the paragraph."""
    close = text.find(_DOUBLED, i + 2, para_end)
    if close < 0:
        return _quoted(text, i, para_end, None, mark=_DOUBLED)
    return _quoted(text, i, close, close + 1, mark=_DOUBLED)


def _close_single(text: str, i: int, para_end: int) -> Quoted | None:
    closer = _SINGLE_PAIRS[text[i]]
    for j in range(i + 2, min(para_end, i + MAX_SINGLE_QUOTED_CHARS)):
        if text[j] != closer:
            continue
        after = text[j + 1] if j + 1 < para_end else " "
        if not after.isalnum() and not text[j - 1].isspace():
            return _quoted(text, i, j, j)
    return None


def _quoted(
    text: str, open_at: int, words_end: int, close: int | None, *, mark: str | None = None
) -> Quoted | None:
    mark = mark or text[open_at]
    start = open_at + len(mark)
    while words_end > start and text[words_end - 1].isspace():
        words_end -= 1
    if words_end <= start:
        return None
    return Quoted(open_at, start, words_end, close, mark)


def _continues(text: str, previous: Quoted, first: Quoted, para_start: int) -> bool:
    """``first`` opens its paragraph and ``previous`` was left open in an earlier one."""
    double = first.mark in _DOUBLE_PAIRS or first.mark == _DOUBLED
    return previous.close is None and first.open == para_start and double


def _keep_unclosed(q: Quoted, following: list[Quoted], text: str) -> bool:
    """An unclosed mark is a quotation only when it opens a paragraph or one follows it.

    A stray mark in the middle of a paragraph is far more often a typo or a
    measurement (5'11") than the start of a quotation that runs on.
    """
    if q.close is not None:
        return True
    if following and following[0].continues:
        return True
    para_start = text.rfind("\n", 0, q.open) + 1
    return not text[para_start : q.open].strip()
