"""Quotation marks and speaker phrases on the conventions of real newswire text
(regressions found by ``sitrep eval quotes`` on PolNeAR's train/dev articles)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.records import Person, Span
from sitrep.stages.quotes import find_quotes
from sitrep.stages.quotes_cues import QuoteParse
from sitrep.stages.quotes_marks import find_quoted

ARCHIVE = (
    "''Hopefully,'' the president said, ''this museum can help us listen to each other.''\n"
    "He spoke for an hour.\n"
    "''We have work to do,'' said Senator Ann Lee. ''But it can be done.''\n"
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("''Hopefully,'' he said.", ["Hopefully,"]),
        ("She said: ''It is over.'' Then she left.", ["It is over."]),
        ("''One paragraph\n''and the next.''", ["One paragraph", "and the next."]),
        ("Kyiv's ''comeback'' isn't over.", ["comeback"]),
    ],
)
def test_two_apostrophes_are_one_double_quotation_mark(text: str, words: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quoted(text)] == words


def test_archive_quotes_get_their_speakers(nlp: Any) -> None:
    name = ARCHIVE.index("Ann Lee")
    lee = Person("H1", "Ann Lee", (Span.of(ARCHIVE, name, name + len("Ann Lee")),))
    quotes = find_quotes(nlp(ARCHIVE), [lee])
    direct = [(q.span.text, q.speaker_text) for q in quotes if q.direct]
    assert direct[0] == ("Hopefully", "the president")
    assert direct[1][0] == "this museum can help us listen to each other."
    assert [q.speaker for q in quotes if q.span.text.startswith(("We have", "But it"))] == [
        "H1",
        "H1",
    ]


def test_a_speaker_head_inside_quotation_marks_gives_the_head_alone(nlp: Any) -> None:
    text = "“Fox and Friends” said the show was over."
    doc = nlp(text)
    parse = QuoteParse(doc, [(0, len(text))])
    for token in doc:
        phrase = parse.phrase(token)
        assert phrase.verify(text)
        assert phrase.start <= token.idx < phrase.end
