"""The geoparsing harness scores "X region" / "X state" mentions on the name alone, as the
corpora annotate them (the stage records them whole, as the report gold does)."""

from __future__ import annotations

import pytest

from sitrep.commands.geoparsing import _REGION_WORD


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
