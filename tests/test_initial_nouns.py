"""Crisis nouns that open a paragraph are common nouns (sitrep/initial_nouns.py): the
small model tags them proper nouns and keeps their plural as the lemma."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.stages.events_triggers import trigger_type


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Officials said more would follow.\n\nGunmen killed five villagers on Monday.\n",
         "Gunmen", "gunman"),
        ("Wildfires swept through the hills on Tuesday, killing dozens.", "Wildfires",
         "wildfire"),
    ],
)  # fmt: skip
def test_a_crisis_noun_opening_a_paragraph_is_a_common_noun(
    resources: Any, text: str, word: str, lemma: str
) -> None:
    token = next(t for t in resources.nlp(text) if t.text == word)
    assert (token.pos_, token.lemma_) == ("NOUN", lemma)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Cyclone Idai hit Beira on Thursday.", "Cyclone"),  # a name follows
        ("March 2024 was the hottest month.", "March"),  # no crisis noun
    ],
)
def test_names_and_months_keep_their_tags(resources: Any, text: str, word: str) -> None:
    token = next(t for t in resources.nlp(text) if t.text == word)
    assert token.pos_ == "PROPN"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Shelling hit Harlow on Monday.", "shelling"),
        ("Bombing killed three people in Harlow.", "airstrike"),
    ],
)
def test_a_crisis_noun_in_ing_opening_a_sentence_tells_its_event(
    resources: Any, text: str, kind: str
) -> None:
    assert trigger_type(next(iter(resources.nlp(text)))) == kind


def test_a_participle_opening_a_clause_stays_a_verb(resources: Any) -> None:
    token = next(iter(resources.nlp("Fighting for their lives, doctors worked all night.")))
    assert token.tag_ == "VBG"
