"""The quotes stage: direct and indirect quotes, their cues and their speakers.

People are built by hand here (names located with ``text.find``) so these tests do not
depend on the people stage.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any, cast

import pytest

from sitrep.records import Organization, Person, Quote, Relation, Span
from sitrep.stages.quotes import extract_quotes, find_quotes
from sitrep.stages.registry import registered

if TYPE_CHECKING:
    from sitrep.resources import Resources


def mentions(text: str, *phrases: str) -> tuple[Span, ...]:
    """Every occurrence of each phrase, as spans of ``text``."""
    found = [
        Span.of(text, m.start(), m.end())
        for phrase in phrases
        for m in re.finditer(re.escape(phrase), text)
    ]
    assert found, f"none of {phrases} in text"
    return tuple(sorted(found, key=lambda s: s.start))


def person(text: str, pid: str, name: str, *phrases: str, **fields: Any) -> Person:
    return Person(id=pid, name=name, mentions=mentions(text, *(phrases or (name,))), **fields)


def quotes_of(make_state: Any, text: str, people: list[Person] | None = None) -> list[Quote]:
    state = make_state(text)
    state.people = people or []
    extract_quotes(state, cast("Resources", None))
    return list(state.quotes)


def starting(quotes: list[Quote], prefix: str) -> Quote:
    matches = [q for q in quotes if q.span.text.startswith(prefix)]
    assert len(matches) == 1, f"{prefix!r}: {[q.span.text[:40] for q in quotes]}"
    return matches[0]


# --------------------------------------------------------------------------- seed 000


@pytest.fixture(scope="module")
def seed_000_quotes(nlp: Any, seed_000: str) -> list[Quote]:
    people = [
        person(seed_000, "H1", "Volodymyr", age=41),
        person(seed_000, "H2", "Anastasia", age=26),
        person(seed_000, "H3", "Andriy", age=62),
    ]
    return find_quotes(nlp(seed_000), people)


@pytest.mark.parametrize(
    ("prefix", "speaker", "speaker_text", "cue"),
    [
        ("I believe that everyone shares the same hope for 2024", "H1", "the 41-year-old", "told"),
        ("This is our main hope: peace and tranquility.", "H1", "the 41-year-old", None),
        ("My brother, his wife, and my aunt, are all dead", "H1", "he", "said"),
        ("We lost the whole family", "H1", "Volodymyr", "said"),
        ("We are no longer alone on our walks in the park", "H2", "she", "said"),
        ("Despite the state of the city", "H2", "she", None),
        ("There is hope of course", "H3", "Andriy, a 62-year-old", "said"),
        ("But everything has become complicated", "H3", "Andriy, a 62-year-old", None),
    ],
)
def test_seed_000_direct_quotes_have_their_speaker_and_cue(
    seed_000_quotes: list[Quote], prefix: str, speaker: str, speaker_text: str, cue: str | None
) -> None:
    quote = starting(seed_000_quotes, prefix)
    assert quote.direct
    assert (quote.speaker, quote.speaker_text, quote.cue) == (speaker, speaker_text, cue)


def test_quote_span_is_the_words_inside_the_marks_without_the_attribution_comma(
    seed_000: str, seed_000_quotes: list[Quote]
) -> None:
    quote = starting(seed_000_quotes, "My brother")
    assert quote.span.text == "My brother, his wife, and my aunt, are all dead"
    assert seed_000[quote.span.start - 1] == '"'


def test_told_afp_cue_span_is_the_verb_and_agency_is_not_the_speaker(
    seed_000_quotes: list[Quote],
) -> None:
    quote = starting(seed_000_quotes, "I believe")
    assert quote.cue_span is not None and quote.cue_span.text == "told"
    assert quote.speaker_span is not None and quote.speaker_span.text == "the 41-year-old"


@pytest.mark.parametrize(
    ("prefix", "speaker", "cue"),
    [
        ("His mother has also died", "H1", "added"),
        ("she was happy to see more people again", "H2", "said"),
    ],
)
def test_seed_000_reported_speech_is_an_indirect_quote(
    seed_000_quotes: list[Quote], prefix: str, speaker: str, cue: str
) -> None:
    quote = starting(seed_000_quotes, prefix)
    assert not quote.direct
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_seed_000_scare_quoted_headline_is_not_a_quote(seed_000_quotes: list[Quote]) -> None:
    assert not [q for q in seed_000_quotes if "NATO" in q.span.text]


def test_quotes_come_in_document_order_and_their_spans_match_the_text(
    seed_000: str, seed_000_quotes: list[Quote]
) -> None:
    starts = [q.span.start for q in seed_000_quotes]
    assert starts == sorted(starts)
    for q in seed_000_quotes:
        for span in (q.span, q.speaker_span, q.cue_span):
            assert span is None or span.verify(seed_000)


# --------------------------------------------------------------------------- seed 003


@pytest.fixture(scope="module")
def seed_003_quotes(nlp: Any, seed_003: str) -> list[Quote]:
    text = seed_003
    people = [
        person(text, "H1", "Anastasia Onishchuk", "Anastasia Onishchuk", "Ms. Onishchuk", age=21),
        person(text, "H2", "Anton Glazunov", "Anton Glazunov", "Mr. Glazunov", age=21),
        person(text, "H3", "Nikita Onishchuk", relations=(Relation(type="brother", of="H1"),)),
        person(text, "H4", "Valery Marchenko", "Valery Marchenko", "Mr. Marchenko", role="mayor"),
    ]
    return find_quotes(nlp(text), people)


@pytest.mark.parametrize(
    ("prefix", "speaker", "speaker_text", "cue"),
    [
        ("There is basically no city, just ruins", "H1", "the lady, Anastasia Onishchuk", "said"),
        ("We are fortunate because we live", "H1", "she", "added"),
        ("There is no more city.", "H4", "the mayor of Izyum, Valery Marchenko", "declared"),
        ("Izyum is now Mariupol in miniature", "H4", "he", "added"),
        ("Now there is no water, power, gas, food, communication", "H3", "Mr. Onishchuk", "added"),
        ("They are incredibly fortunate", "H3", "Mr. Onishchuk", None),
    ],
)
def test_seed_003_direct_quotes_have_their_speaker_and_cue(
    seed_003_quotes: list[Quote], prefix: str, speaker: str, speaker_text: str, cue: str | None
) -> None:
    quote = starting(seed_003_quotes, prefix)
    assert quote.direct
    assert (quote.speaker, quote.speaker_text, quote.cue) == (speaker, speaker_text, cue)


@pytest.mark.parametrize(
    ("prefix", "speaker", "cue"),
    [
        ("There have been no humanitarian passages", "H4", "said"),
        ("In Izyum, hospitals, schools and residences have been destroyed", "H4", "continued"),
        ("Part of the city has been entirely captured", "H4", "added"),
    ],
)
def test_seed_003_clause_then_speaker_is_an_indirect_quote(
    seed_003_quotes: list[Quote], prefix: str, speaker: str, cue: str
) -> None:
    quote = starting(seed_003_quotes, prefix)
    assert not quote.direct
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_according_to_her_brother_relays_the_familys_fear(seed_003_quotes: list[Quote]) -> None:
    quote = starting(seed_003_quotes, "she may not make it out alive")
    assert not quote.direct
    assert quote.speaker_text == "Her family"
    assert quote.relayed_by == "H3"


def test_mr_with_a_shared_surname_picks_the_man(seed_003_quotes: list[Quote]) -> None:
    assert starting(seed_003_quotes, "Now there is no water").speaker == "H3"


# --------------------------------------------------------------------------- own texts

SPLIT = 'Oleh Bondar, a 50-year-old mechanic, stood by his car.\n\n"We stayed," he said, "because we had nowhere else to go."\n'  # noqa: E501
MULTI_PARAGRAPH = (
    "Iryna Kovalenko, a teacher, remembers the first night.\n\n"
    '"The windows shook all night and the children were crying in the corridor.\n\n'
    '"In the morning we went outside and the school was gone," she said.\n'
)
GUILLEMETS = "Pavlo Shevchuk said: «We will rebuild the bridge before the winter comes.»\n"
CURLY_SINGLE = "A soldier, Taras Melnyk, told reporters: ‘We have not slept for three days.’\n"
NEXT_SENTENCE = (
    "“We sleep in the corridor because the windows are gone.” That is how Olena Kovalenko, "
    "a nurse at the city hospital, describes her nights.\n"
)


def test_quote_split_by_its_attribution_gives_two_quotes_with_one_speaker(
    make_state: Any,
) -> None:
    people = [person(SPLIT, "H1", "Oleh Bondar")]
    quotes = quotes_of(make_state, SPLIT, people)
    assert [q.span.text for q in quotes] == ["We stayed", "because we had nowhere else to go."]
    assert {(q.speaker, q.cue) for q in quotes} == {("H1", "said")}


def test_quotation_over_two_paragraphs_is_one_quote_per_paragraph_with_one_speaker(
    make_state: Any,
) -> None:
    people = [person(MULTI_PARAGRAPH, "H1", "Iryna Kovalenko")]
    quotes = quotes_of(make_state, MULTI_PARAGRAPH, people)
    assert [q.span.text[:20] for q in quotes] == ["The windows shook al", "In the morning we we"]
    assert [q.speaker for q in quotes] == ["H1", "H1"]
    assert [q.cue for q in quotes] == [None, "said"]


@pytest.mark.parametrize(
    ("text", "name", "words", "cue"),
    [
        (
            GUILLEMETS,
            "Pavlo Shevchuk",
            "We will rebuild the bridge before the winter comes.",
            "said",
        ),
        (CURLY_SINGLE, "Taras Melnyk", "We have not slept for three days.", "told"),
    ],
)
def test_guillemets_and_curly_single_marks_quote_speech(
    make_state: Any, text: str, name: str, words: str, cue: str
) -> None:
    quotes = quotes_of(make_state, text, [person(text, "H1", name)])
    direct = [q for q in quotes if q.direct]
    assert [(q.span.text, q.speaker, q.cue) for q in direct] == [(words, "H1", cue)]


def test_speaker_named_only_in_the_next_sentence(make_state: Any) -> None:
    quotes = quotes_of(make_state, NEXT_SENTENCE, [person(NEXT_SENTENCE, "H1", "Olena Kovalenko")])
    quote = starting(quotes, "We sleep in the corridor")
    assert (quote.speaker, quote.cue) == ("H1", "describes")


@pytest.mark.parametrize(
    "text",
    [
        "Moscow keeps offering Kyiv so-called 'NATO surrogates' instead of membership.\n",
        "Kyiv Rejects ‘NATO Surrogates’, Calls for Full Membership as Security Guarantee\n",
        'Residents call the district "the red zone" because of the shelling.\n',
        "It's the soldiers' last stand, and they don't know it.\n",
    ],
)
def test_scare_quotes_titles_and_apostrophes_are_not_quotes(make_state: Any, text: str) -> None:
    assert [q for q in quotes_of(make_state, text) if q.direct] == []


def test_short_quote_opening_its_sentence_with_a_cue_is_speech(make_state: Any) -> None:
    text = 'Asked whether he would leave, Serhiy Tkachenko shook his head.\n"Never," he said.\n'
    quotes = quotes_of(make_state, text, [person(text, "H1", "Serhiy Tkachenko")])
    assert [(q.span.text, q.speaker) for q in quotes if q.direct] == [("Never", "H1")]


def test_pronoun_skips_a_later_person_of_the_other_gender(make_state: Any) -> None:
    text = (
        "Mrs. Hanna Lysenko left Bakhmut with her son, Mr. Ihor Lysenko, and a neighbour.\n"
        '"We took only our documents," she said.\n'
    )
    people = [
        person(text, "H1", "Hanna Lysenko", "Hanna Lysenko"),
        person(text, "H2", "Ihor Lysenko", "Ihor Lysenko"),
    ]
    assert starting(quotes_of(make_state, text, people), "We took").speaker == "H1"


def test_unattributed_quote_far_from_any_other_quote_has_no_speaker(make_state: Any) -> None:
    text = (
        "The shelling started at dawn.\n\n"
        "Nobody in the village had slept.\n\n"
        '"Everything is burning and nobody is coming to help us."\n'
    )
    quote = starting(quotes_of(make_state, text), "Everything is burning")
    assert (quote.speaker, quote.speaker_text, quote.cue) == (None, None, None)


def test_organization_speaker_is_resolved_by_its_mention(make_state: Any) -> None:
    text = "The State Emergency Service said that 12 people were rescued from the rubble.\n"
    state = make_state(text)
    org_span = mentions(text, "The State Emergency Service")
    state.organizations = [Organization(id="O1", name="State Emergency Service", mentions=org_span)]
    extract_quotes(state, cast("Resources", None))
    quote = starting(state.quotes, "12 people were rescued")
    assert (quote.speaker, quote.direct, quote.cue) == ("O1", False, "said")


@pytest.mark.parametrize(
    "text",
    [
        "The governor did not say that the town had fallen.\n",
        "It is said that the bridge was destroyed.\n",
        "Residents were told to leave the town by Friday.\n",
    ],
)
def test_negated_impersonal_and_non_clausal_cues_are_not_indirect_quotes(
    make_state: Any, text: str
) -> None:
    assert quotes_of(make_state, text) == []


def test_according_to_attributes_the_clause_to_its_object(make_state: Any) -> None:
    text = "This winter, some 7,000 people returned to the town, according to local authorities.\n"
    quote = quotes_of(make_state, text)[0]
    assert quote.span.text == "This winter, some 7,000 people returned to the town"
    assert (quote.speaker_text, quote.cue, quote.direct) == (
        "local authorities",
        "according to",
        False,
    )


def test_stage_is_registered_with_its_contract() -> None:
    stage = registered()["quotes"]
    assert stage.requires == ("doc", "people")
    assert stage.assigns == ("quotes",)


def test_find_quotes_works_without_people(nlp: Any) -> None:
    quotes = find_quotes(nlp('"We will stay here until the end," the mayor said.'))
    assert [(q.span.text, q.speaker, q.speaker_text) for q in quotes] == [
        ("We will stay here until the end", None, "the mayor")
    ]


def test_direct_quote_passed_on_by_someone_else_is_relayed(make_state: Any) -> None:
    text = (
        "Lida Hrytsenko, 70, stayed in her village near the front with her son, Yurii.\n"
        '"I will not leave my house," she said, according to her son.\n'
    )
    people = [
        person(text, "H1", "Lida Hrytsenko"),
        person(text, "H2", "Yurii", relations=(Relation(type="son", of="H1"),)),
    ]
    quote = starting(quotes_of(make_state, text, people), "I will not leave")
    assert (quote.speaker, quote.cue, quote.relayed_by) == ("H1", "said", "H2")


def test_text_without_quotes_gives_none(make_state: Any) -> None:
    assert quotes_of(make_state, "") == []
    assert quotes_of(make_state, "The bridge over the river was destroyed in March.\n") == []


def test_stray_marks_in_one_long_paragraph_stay_fast(nlp: Any) -> None:
    """Regression: scans per mark once grew with the paragraph (27 s for 20,000 chars)."""
    doc = nlp(('He said "a" and \'b\' “c ‘d’ «e» "' * 500)[:12_000])
    started = time.perf_counter()
    find_quotes(doc)
    assert time.perf_counter() - started < 5


def test_participle_after_a_noun_does_not_take_the_sentence_subject(make_state: Any) -> None:
    text = (
        "He woke up on Feb. 24 to calls from his sister telling that Kharkiv was being bombarded.\n"
    )
    assert [q.speaker_text for q in quotes_of(make_state, text)] in ([], ["his sister"])


def test_participle_after_a_comma_shares_the_subject(make_state: Any) -> None:
    text = "The governor said the town was calm, adding that the shelling had stopped overnight.\n"
    quote = starting(quotes_of(make_state, text), "the shelling had stopped")
    assert (quote.speaker_text, quote.cue) == ("The governor", "adding")
