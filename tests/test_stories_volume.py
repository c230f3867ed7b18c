"""Stories at volume (docs/CORPUS.md, seventh pass): once most names a report states are
common (a surname, a weekday, a template's fixed names), a report that shares only template
sentences with other stories, filled with its own values, is not a copy of them, even when
it states only one or two rare facts; a true republication still joins. Reports are built
by hand (no model)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus_support import report, story_of, write
from sitrep.corpus import stories as story_linking
from sitrep.corpus.fingerprint import facts_of, fingerprint
from sitrep.store import Store

# Template sentences: the same words in every story, with slots for its own values and
# fixed names ("the World Food Programme", "Darfur") that every story filled from them states.
TEMPLATES = (
    "Aid workers from the World Food Programme said on {day} that the convoy of {n} trucks "
    "had finally reached the camp outside {town} after waiting for days at the checkpoint.",
    "The agency warned that the roads into Darfur were still blocked by fighting between "
    "the army and the Rapid Support Forces, and that more families would arrive soon.",
    "{name}, a teacher who fled with her children, said they had walked for three days "
    "without food and slept in the open before they found the gates of the camp.",
    "Doctors at the only clinic in the camp said they had treated {m} children for "
    "malnutrition in the past week, and that supplies of medicine would run out soon.",
    "The United Nations said the number of people displaced by the war had passed the "
    "figure recorded last year, and appealed again for funding that has not arrived.",
    "Local officials in {town} said the water supply had been cut since the last attack, "
    "and that trucks brought drinking water only twice a week to the crowded shelters.",
)
# Names that every story's first report states: the fixed names above, a surname pool and
# the weekdays (the synthetic generator draws from 40 surnames; wire copy repeats weekdays).
COMMON = ("Musa", "Osman", "Ali", "Monday", "Friday", "12", "Nyala")


_FILLER_TEXT = (
    "harvest prices rainfall school fees fuel market season river bridge clinic bread power "
    "weather border field station office council week district blankets shelter driver "
    "farmer winter goats wells seeds radio road bus phone tea salt"
)
FILLER = tuple(_FILLER_TEXT.split())


def filled(templates: list[int], day: str, n: int, town: str, name: str, m: int) -> str:
    values = {"day": day, "n": n, "town": town, "name": name, "m": m}
    return " ".join(TEMPLATES[i].format(**values) for i in templates)


STORY_A = filled([0, 1, 2, 3, 4, 5], "Monday", 4217, "Kutum", "Amina Osman", 318)
STORY_B = filled([0, 1, 2, 3, 4, 5], "Friday", 7342, "Mellit", "Huda Ali", 529)


def background(i: int) -> str:
    """A report of its own (random words: a copy of nothing) stating the common names."""
    rng = random.Random(i)
    words = " ".join(rng.choice(FILLER) for _ in range(120))
    return (
        f"{words.capitalize()}. It quoted the World Food Programme, the United Nations, the "
        "Rapid Support Forces, Darfur, Nyala, Musa, Osman, Ali, Monday, Friday and 12 districts."
    )


def common_facts(text: str) -> set[str]:
    """The facts of ``text`` that the background makes common: all but the story's own."""
    stated = set().union(*(facts_of(background(i)) for i in range(2)))
    return facts_of(text) & (stated | {c.lower() for c in COMMON})


def test_formulaic_stories_share_words_and_most_facts() -> None:
    # The premise: on words and all facts alone, B is a copy of A.
    assert story_linking.verify(fingerprint(STORY_B), fingerprint(STORY_A)) is not None


@pytest.mark.parametrize(
    ("other", "rare_values"),
    [
        (filled([0, 1, 2, 3, 4, 5], "Monday", 6093, "Nyala", "Musa Ali", 12), 1),  # its toll
        (filled([0, 1, 2, 3, 4, 5], "Friday", 6093, "Kebkabiya", "Musa Ali", 12), 2),
    ],
)
def test_a_report_with_one_or_two_rare_facts_must_share_them(other: str, rare_values: int) -> None:
    # Another story told in A's words whose own facts are too few for session 7's rule (3),
    # which then judged it on all its facts, mostly common, and took it for a copy of A.
    common = common_facts(other)
    assert len(facts_of(other) - common) == rare_values
    assert story_linking.verify(fingerprint(other), fingerprint(STORY_A)) is not None
    assert story_linking.verify(fingerprint(other), fingerprint(STORY_A), common=common) is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text,  # republished word for word under another headline
        lambda text: "Updated: " + text.replace("318 children", "341 children"),
        lambda text: text[: len(text) * 2 // 3],  # cut at two thirds
    ],
)
def test_a_republication_keeps_its_rare_facts_and_is_a_copy(edit: object) -> None:
    copy = edit(STORY_A)  # type: ignore[operator]
    common = common_facts(copy)
    assert story_linking.verify(fingerprint(copy), fingerprint(STORY_A), common=common)


def test_a_report_sharing_only_template_sentences_with_two_stories_unites_neither(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "corpus.duckdb")
    others = [background(i) for i in range(story_linking.COMMON_FACT_STORIES)]
    write(store, [report(t, f"bg{i}.txt") for i, t in enumerate(others)])
    # The template sentences of both, filled with the bridge's own values: two rare facts
    # (its toll and town), the others common.
    bridge = filled([0, 1, 2, 3, 4, 5], "Monday", 1876, "Kebkabiya", "Musa Ali", 12)
    copy_of_a = "Updated: " + STORY_A.replace("318 children", "341 children")
    write(store, [report(STORY_A, "a.txt")], [report(STORY_B, "b.txt")],
          [report(bridge, "bridge.txt")], [report(copy_of_a, "a2.txt")])  # fmt: skip
    a, b = story_of(store, STORY_A), story_of(store, STORY_B)
    assert a != b
    assert story_of(store, bridge) not in (a, b)
    assert story_of(store, copy_of_a) == a


def test_union_needs_a_close_copy_of_the_second_storys_member() -> None:
    # A report supported by two stories joins one; it unites the other only as a close copy.
    a = story_linking._known("a0", "a", fingerprint(STORY_A))
    b = story_linking._known("b0", "b", fingerprint(STORY_B))
    loose = [(a, "near-duplicate", 0.95), (b, "near-duplicate", story_linking.UNITE_SCORE - 0.1)]
    close = [(a, "near-duplicate", 0.95), (b, "near-duplicate", story_linking.UNITE_SCORE)]
    assert story_linking._choice(loose, [a, b], {})[1] == set()
    assert story_linking._choice(close, [a, b], {})[1] == {"b"}
