"""Crisis nouns that open a paragraph are common nouns (sitrep/initial_nouns.py): the
small model tags them proper nouns and keeps their plural as the lemma."""

from __future__ import annotations

from typing import Any

import pytest


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
