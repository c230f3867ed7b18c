"""Line breaks that end sentences, set before the parser runs.

A scraped report keeps one paragraph, heading or list row per line. spaCy's parser was
trained on running text and often reads across those breaks: a section head joins the
sentence below it ("SITUATION OVERVIEW\\nCyclone Chido made landfall ..."), and a list of
rows ("- Metuge: 10 deaths\\n- Pemba: 6 deaths ...") becomes one sentence whose every
row shares one clause, one verb and one place. Every stage that reads a sentence then
mixes lines: an event takes the next row's place, a toll the heading's.

The component below marks the first token of a line as a sentence start, which the parser
keeps (spaCy's parser never joins across a preset start). A text wrapped at a fixed width
("... killed in the town\\nof Kupiansk") is the exception: there only a blank line is a
boundary. A line that stops mid-clause and a next line that begins in lower case is
never split, in any text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d  # spaCy's own array type, for the checker only

COMPONENT = "sitrep_line_breaks"

# A line ends a sentence when it closes with one of these (quotes and brackets after the
# stop included); a heading or a list row needs none.
_CLOSED = re.compile(r"[.!?:;…]['\"’”)\]]*\s*$")
# Wrapped text: most long lines end without a stop and are about as long as each other.
WRAPPED_MIN_LINES = 4
WRAPPED_SHARE = 0.6
WRAPPED_MIN_WIDTH = 40
WRAPPED_MAX_WIDTH = 100


def is_wrapped(lines: Sequence[str]) -> bool:
    """Whether the text was wrapped at a fixed width: its long lines mostly stop without
    closing a sentence, and none is much longer than a terminal's width."""
    long_lines = [line.rstrip() for line in lines if len(line.strip()) >= WRAPPED_MIN_WIDTH]
    if len(long_lines) < WRAPPED_MIN_LINES:
        return False
    if max(len(line) for line in long_lines) > WRAPPED_MAX_WIDTH:
        return False
    open_ended = sum(1 for line in long_lines if not _CLOSED.search(line))
    return open_ended / len(long_lines) >= WRAPPED_SHARE


def _continues(previous_line: str, next_text: str) -> bool:
    """A line cut mid-clause: no stop at its end and a next line in lower case."""
    return not _CLOSED.search(previous_line) and next_text[:1].islower()


def mark_line_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token of each line that begins a new unit."""
    text = doc.text
    wrapped = is_wrapped(text.split("\n"))
    after_break = False
    blank_before = False
    previous_end = 0  # where the last word before the break ends: its line's end
    starts: list[int] = []
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
                blank_before = blank_before or token.text.count("\n") > 1
            continue
        if after_break and token.i > 0:
            # Only the previous line is read, never the text before it: linear in the doc.
            previous_line = text[text.rfind("\n", 0, previous_end) + 1 : previous_end]
            if blank_before or not (wrapped or _continues(previous_line, token.text)):
                starts.append(token.i)
        after_break = False
        blank_before = False
        previous_end = token.idx + len(token.text)
    if starts:
        # Set in one pass: ``Token.is_sent_start`` scans the whole doc at each assignment
        # (quadratic: 23 s for a 1 MB report of 20,000 lines).
        marks = doc.to_array([SENT_START]).reshape(-1, 1)
        marks[starts, 0] = 1
        doc.from_array([SENT_START], cast("Ints2d", marks))
    return doc


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    return mark_line_starts(doc)


def add_to(nlp: Language) -> None:
    """Put the component before the parser (once)."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
