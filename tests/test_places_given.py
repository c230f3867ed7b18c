"""Resolving given place spans (`resolve_mentions`): what `--gold-spans` measures."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.stages.places_given import resolve_mentions


def _resolve(text: str, names: list[str], gazetteer: Gazetteer) -> list[str | None]:
    spans = []
    at = 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    return [
        r.candidate.name if r.candidate else None for r in resolve_mentions(text, spans, gazetteer)
    ]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Shelling hit Izyum, in the Kharkiv region.",
            ["Izyum", "Kharkiv"],
            ["Izyum", "Kharkiv Oblast"],
        ),
        ("Turkish troops crossed the border.", ["Turkish"], ["Turkey"]),
        ("Fighting near Hatay Province.", ["Hatay Province"], ["Hatay"]),
        ("Crowds gathered in Kyiv Oblast.", ["Kyiv Oblast"], ["Kyiv Oblast"]),
        ("He lives in Lexington, Ky.", ["Lexington", "Ky."], ["Lexington", "Kentucky"]),
    ],
)
def test_given_spans_resolve_with_their_context(
    gazetteer: Gazetteer, text: str, names: list[str], expected: list[str]
) -> None:
    assert _resolve(text, names, gazetteer) == expected


def test_neighbours_choose_between_namesakes(gazetteer: Gazetteer) -> None:
    text = "Protests spread from Tbilisi to Batumi across Georgia."
    assert _resolve(text, ["Tbilisi", "Batumi", "Georgia"], gazetteer)[2] == "Georgia"
    georgia = resolve_mentions(text, [(text.index("Georgia"), len(text) - 1)], gazetteer)
    assert georgia[0].candidate is not None


def test_an_unknown_name_stays_unresolved(gazetteer: Gazetteer) -> None:
    text = "They met in Qwzxplk."
    (r,) = resolve_mentions(text, [(12, 19)], gazetteer)
    assert r.candidate is None
