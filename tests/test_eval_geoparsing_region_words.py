"""The geoparsing harness scores "X region" / "X state" mentions on the name alone, as the
corpora annotate them (the stage records them whole, as the report gold does)."""

from __future__ import annotations

import pytest

from sitrep.commands.geoparsing import _REGION_WORD, _SETTLEMENT_WORD


@pytest.mark.parametrize(
    ("recorded", "scored"),
    [
        ("Kharkiv region", "Kharkiv"),
        ("Odesa Oblast", "Odesa"),
        ("White Nile state", "White Nile"),
        ("Washington State", "Washington"),
        ("Statesboro", "Statesboro"),
        ("Regionville", "Regionville"),
    ],
)
def test_the_region_word_is_not_part_of_the_toponym(recorded: str, scored: str) -> None:
    assert _REGION_WORD.sub("", recorded) == scored


@pytest.mark.parametrize(
    ("recorded", "scored"),
    [
        ("Makurdi town", "Makurdi"),
        ("Idlib city", "Idlib"),
        ("Mexico City", "Mexico City"),
        ("Cape Town", "Cape Town"),
        ("Georgetown", "Georgetown"),
    ],
)
def test_a_lower_case_settlement_word_is_not_part_of_the_toponym(
    recorded: str, scored: str
) -> None:
    assert _SETTLEMENT_WORD.sub("", recorded) == scored
