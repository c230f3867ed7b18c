"""Places round 13: known names a careful reader marks as places although the text gives
no cue: a country or a large national capital named on its own ("talks with Kazakhstan",
"Bamako describes"), the members of a list after "cities including", a name after "out
of". Sentences and places are our own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language
from spacy.tokens import Span as SpacySpan
from tests.places_support import MakeState, by_mention, run

from sitrep.gazetteer import Candidate, Gazetteer, normalize_key
from sitrep.resources import Resources
from sitrep.stages import places_lists as lists


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Herders crossed the river after the border post closed with Kazakhstan.",
         "Kazakhstan", "KZ"),
        ("Bamako routinely describes the fighters as terrorists.", "Bamako", "ML"),
        ("The rebels tried to seize Bamako in 2012, an offensive that failed.", "Bamako", "ML"),
        ("MALAWI: Floods cut the main road south", "MALAWI", "MW"),
    ],
)  # fmt: skip
def test_country_or_national_capital_named_alone_is_a_place(
    make_state: MakeState, resources: Resources, text: str, name: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A piece of a title or of a longer name, not the country or capital.
        ("The choir closed with It Is Well With My Soul before the crowd left.", "Soul"),
        ("The town won the Accessible America Competition last year.", "America"),
        # A capital's name used as a common word opening a sentence.
        ("Male voters outnumbered women at the polls.", "Male"),
        # A small territory's capital shares its name with people.
        ("Stanley arrived late and left early.", "Stanley"),
    ],
)
def test_name_of_a_state_that_does_not_stand_alone_is_no_place(
    make_state: MakeState, resources: Resources, text: str, word: str
) -> None:
    assert by_mention(run(make_state, resources, text), word) is None


@dataclass
class _Member:
    """What ``mark_listed`` reads of a mention."""

    name: SpacySpan
    candidates: tuple[Candidate, ...]
    listed: bool = False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unrest spread to cities including Guanare, Acarigua and Valera.", True),
        ("Aid reached towns like Mzuzu, Karonga and Rumphi by Friday.", True),
        ("Towns such as Mzuzu, Karonga and Rumphi were cut off.", True),
        # No kind of place before the list: nothing to lend its members.
        ("The band played songs including Guanare, Acarigua and Valera.", False),
    ],
)
def test_list_after_cities_including_lends_its_members_place_hood(
    nlp: Language, gazetteer: Gazetteer, text: str, expected: bool
) -> None:
    """Even when the model tags no member a place (the list of "Maracay, Barquisimeto and
    Valencia" was tagged ORG, PERSON and nothing), the words before it make it a list of
    places."""
    doc = nlp(text)
    members = [
        _Member(tok.doc[tok.i : tok.i + 1], tuple(gazetteer.lookup(tok.text)))
        for tok in doc
        if tok.text in {"Guanare", "Acarigua", "Valera", "Mzuzu", "Karonga", "Rumphi"}
    ]
    lists.mark_listed(members, lambda m: False)
    assert [m.listed for m in members] == [expected] * 3


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Drivers on the road out of Cochabamba say diesel has run out.", "Cochabamba"),
        ("Families streaming out of Tarija say the checkpoints are closed.", "Tarija"),
    ],
)
def test_name_after_out_of_is_a_place_not_a_speaker(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.country == "BO"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Survivors were flown to a hospital in Herat city on Sunday.", "Herat city", "Herat"),
        ("Residents fled to Bor town after the raid.", "Bor town", "Bor"),
    ],
)
def test_lower_case_city_or_town_after_a_name_is_part_of_the_mention(
    make_state: MakeState, resources: Resources, text: str, mention: str, name: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None and normalize_key(place.name) == normalize_key(name)
    assert place.kind in {"city", "town", "village"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A noun follows: the city's council, not the city.
        ("The Herat city council met on Sunday.", "Herat"),
        # A country before a common noun: "no U.S. city", not a town called "Us".
        ("No Kenyan town and no U.S. city has such a policy.", "U.S."),
    ],
)
def test_city_or_town_before_a_noun_or_after_a_country_stays_out(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None


@pytest.mark.parametrize(
    ("text", "name", "metonymy"),
    [
        ("Dushanbe has asked its neighbours for rescue teams.", "Dushanbe", True),
        ("Lusaka and Harare urged both sides to return to talks.", "Harare", True),
        ("Asunción suspended the talks on Friday.", "Asunción", True),
        # A place undergoing or hosting something is the place.
        ("Dushanbe has seen heavy rain this week.", "Dushanbe", False),
        ("Dushanbe was hit by an earthquake overnight.", "Dushanbe", False),
    ],
)
def test_national_capital_acting_as_subject_stands_for_its_government(
    make_state: MakeState, resources: Resources, text: str, name: str, metonymy: bool
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.metonymy is metonymy


@pytest.mark.parametrize(
    ("name", "country"),
    [("Bogotá", "CO"), ("Brasília", "BR"), ("Yaoundé", "CM"), ("Astana", "KZ"), ("Lomé", "TG")],
)
def test_capitals_spelt_otherwise_in_the_country_table_are_capitals(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    """The country table writes "Bogota", "Nur-Sultan"; the city is still the capital."""
    assert any(c.country == country and c.feature_code == "PPLC" for c in gazetteer.lookup(name))


def test_state_named_alone_lends_nothing_to_its_name_inside_a_longer_one(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Town Named One of America's Friendliest. The town entered the Friendly America "
        "Prize this spring."
    )
    place = by_mention(run(make_state, resources, text), "America")
    assert place is not None and [m.start for m in place.mentions] == [text.index("America")]


def test_person_named_like_a_small_capitals_alternate_name_is_no_actor(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Two aldermen were unaware of the hiring. Lewis admitted that he was questioned. "
        '"I talked to Roy today," Lewis said Monday night.'
    )
    assert by_mention(run(make_state, resources, text), "Lewis") is None
