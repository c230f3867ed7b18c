"""The default gazetteer's hand table of oceans, seas and macro-regions (macro_regions)."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer, normalize_key
from sitrep.gazetteer.index import MEMO_LIMIT
from sitrep.gazetteer.macro_regions import MACRO_ENTRIES, MacroEntry
from sitrep.stages.places_given import resolve_mentions


def _resolved(text: str, name: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    start = text.index(name)
    (r,) = resolve_mentions(text, [(start, start + len(name))], gazetteer)
    return (r.candidate.name, r.candidate.kind) if r.candidate else (None, None)


def test_hand_table_ids_and_names_are_unique() -> None:
    ids = [e.gazetteer_id for e in MACRO_ENTRIES]
    keys = [normalize_key(n) for e in MACRO_ENTRIES for n in (e.name, *e.aliases)]
    assert len(set(ids)) == len(ids)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("entry", MACRO_ENTRIES, ids=lambda e: e.name)
def test_every_hand_table_name_finds_its_entry(gazetteer: Gazetteer, entry: MacroEntry) -> None:
    for name in (entry.name, *entry.aliases):
        assert entry.gazetteer_id in {c.gazetteer_id for c in gazetteer.lookup(name)}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # Namesake towns exist (Atlantic, Iowa; Middle East, Maryland; Pacific, Missouri).
        ("Storms formed over the tropical Atlantic.", "Atlantic", ("Atlantic Ocean", "water")),
        ("El Nino warms the eastern Pacific.", "Pacific", ("Pacific Ocean", "water")),
        ("Tensions rose across the Middle East.", "Middle East", ("Middle East", "region")),
        (
            "Talks on the Korean Peninsula resumed.",
            "Korean Peninsula",
            ("Korean Peninsula", "region"),
        ),
        ("Ships crossed the Mediterranean.", "Mediterranean", ("Mediterranean Sea", "water")),
        ("Fighting in the Donbas went on.", "Donbas", ("Donbas", "region")),
        ("Migrants from Latin America arrived.", "Latin America", ("South America", "region")),
        # The sea, not the Sudanese state of that name, unless the text says "state".
        ("Pirates attacked a ship in the Red Sea.", "Red Sea", ("Red Sea", "water")),
    ],
)
def test_oceans_seas_and_macro_regions_resolve(
    gazetteer: Gazetteer, text: str, name: str, expected: tuple[str, str]
) -> None:
    assert _resolved(text, name, gazetteer) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Fighting broke out in Nagorno-Karabakh in September 2023.", "Nagorno-Karabakh",
         ("Nagorno-Karabakh", "region", "AZ")),
        ("Families fled Karabakh for Goris.", "Karabakh", ("Nagorno-Karabakh", "region", "AZ")),
        ("Militias attacked villages across Darfur.", "Darfur", ("Darfur", "region", "SD")),
        # The island, not the towns called Luzon in the Philippines and Spain.
        ("A typhoon made landfall on Luzon on Sunday.", "Luzon", ("Luzon", "region", "PH")),
        ("Clashes were reported in Somaliland.", "Somaliland", ("Somaliland", "region", "SO")),
    ],
)  # fmt: skip
def test_regions_inside_one_country_resolve_with_that_country(
    gazetteer: Gazetteer, text: str, name: str, expected: tuple[str, str, str]
) -> None:
    start = text.index(name)
    (r,) = resolve_mentions(text, [(start, start + len(name))], gazetteer)
    assert r.candidate is not None
    assert (r.candidate.name, r.candidate.kind, r.candidate.country) == expected


def test_a_town_without_article_in_its_state_stays_the_town(gazetteer: Gazetteer) -> None:
    text = "Atlantic, Iowa, and Des Moines, Iowa, voted on the levy."
    starts = [text.index("Atlantic"), text.index("Des Moines")]
    spans = [(starts[0], starts[0] + 8), (starts[1], starts[1] + 10)]
    first = resolve_mentions(text, spans, gazetteer)[0].candidate
    assert first is not None and (first.name, first.admin1) == ("Atlantic", "Iowa")


@pytest.mark.parametrize(("word", "region"), [("English", "England"), ("Welsh", "Wales")])
def test_a_nations_demonym_names_that_nation(gazetteer: Gazetteer, word: str, region: str) -> None:
    found = gazetteer.country_of_demonym(word)
    assert found is not None and (found.name, found.kind) == (region, "region")


def test_lookups_stay_right_after_the_memo_is_cleared(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitrep.gazetteer.index as index

    names = ("Izyum", "Kharkiv", "Atlantic", "Izyum")
    expected = [gazetteer.lookup(n) for n in names]
    monkeypatch.setattr(index, "MEMO_LIMIT", 2)
    fresh = Gazetteer(gazetteer.path)
    assert [fresh.lookup(n) for n in names] == expected
    assert len(fresh._memo_by_text) <= 2 < MEMO_LIMIT
