"""Line breaks end sentences before the parser runs (``sitrep.line_breaks``).

A scraped report keeps a paragraph, heading or list row per line; the model alone reads a
heading into the sentence below it and a list into one sentence. What goes in: texts laid
out as reports are; what must come out: each heading, paragraph and row its own sentence,
and a sentence broken across lines (a wrapped text, a line cut mid-clause) still whole."""

from __future__ import annotations

from typing import Any

from sitrep.line_breaks import COMPONENT, is_wrapped


def _sentences(nlp: Any, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_the_model_runs_the_component_before_its_parser(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(COMPONENT) < names.index("parser")


def test_a_section_heading_is_a_sentence_of_its_own(nlp: Any) -> None:
    text = "SITUATION OVERVIEW\nHeavy rain flooded the lower town on Sunday night."
    assert _sentences(nlp, text)[0] == "SITUATION OVERVIEW"


def test_each_row_of_a_list_is_its_own_sentence(nlp: Any) -> None:
    text = "Deaths by district:\nHarlow: 31 deaths, 305 injured\nKestrel: 27 deaths\n"
    text += "Moravo: 10 deaths\n"
    sentences = _sentences(nlp, text)
    assert "Kestrel: 27 deaths" in sentences
    assert "Moravo: 10 deaths" in sentences


def test_a_line_cut_mid_clause_continues_the_sentence(nlp: Any) -> None:
    text = "Rescue teams reached the village of Harlow\nlate on Sunday, the governor said."
    assert len(_sentences(nlp, text)) == 1


_WRAPPED = (
    "Rescue teams reached the flooded village late on Sunday and began to\n"
    "move families to the school in Kestrel, where the regional office set up\n"
    "a kitchen. Officials said the water was still rising in the lower town of\n"
    "Harlow and that the main road to Moravo had been cut by a landslide near\n"
    "the bridge on the river, leaving about 2,000 people without supplies.\n"
)


def test_a_text_wrapped_at_a_fixed_width_is_recognised(nlp: Any) -> None:
    assert is_wrapped(_WRAPPED.split("\n"))
    reports = "Heavy rain flooded the lower town on Sunday night, officials said.\n" * 5
    assert not is_wrapped(reports.split("\n"))


def test_in_a_wrapped_text_a_capitalised_line_continues_the_sentence(nlp: Any) -> None:
    sentences = _sentences(nlp, _WRAPPED)
    assert any("lower town of\nHarlow and that" in s for s in sentences)
