"""Deciding place-hood: a mention is a place on strong evidence (a place cue, a region
or river word, a list of places, a place label), weakly when tagged and sizeable in the
document's countries, and not when a person cue stands unexplained by metonymy ("Moscow
said" is the government; "said Kharkiv" of no capital is a person). One string, one
verdict per document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.gazetteer import Candidate
from sitrep.gazetteer.macro_regions import VOLCANO_CODE
from sitrep.stages import places_fragments as fragments
from sitrep.stages.places_mention import Mention, is_large_capital
from sitrep.stages.places_resolve import focus_from

# A name the model tagged but no cue supports is accepted only if it is a sizeable
# place in a country the document is about ("Mariupol" tagged ORG in a Ukraine story).
WEAK_MIN_POPULATION = 10_000
# Actors that speak through their capitals: "Moscow said" is metonymy, not a person.
SPEAKING_KINDS = frozenset({"country"})
# A city this large, read as a place by the model too, speaks through its authorities.
SPEAKING_CITY_POPULATION = 100_000
ACTING_LABELS = frozenset({"GPE", "LOC", "ORG"})
# Shorter names are codes ("ITA" of "Itâ s", mangled "It's"), never a state named alone.
MIN_STATE_NAME = 4
# Tags of a word that is no proper name however it is written ("Male voters": the
# Maldives' capital as an adjective opening a sentence). Not the common noun's: the model
# tags unfamiliar names so ("Dushanbe has asked" as NN).
COMMON_WORD_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN"})


def _explained_by_metonymy(m: Mention) -> bool:
    """ "Moscow said", "Washington's forces": a country or capital as actor, not a person."""
    if m.metonymy is not True and not (m.person_cue or "").startswith("speech verb"):
        return False
    # Not a small capital: "Lewis said" is no government speaking through St George's.
    return any(c.kind in SPEAKING_KINDS or is_large_capital(c) for c in m.candidates)


def _a_city_speaking(group: Sequence[Mention], focus: set[str]) -> bool:
    """ "Peshawar said", "Morelia said" in a report about Pakistan or Mexico: a large city
    of a country the report is about, which the model reads as a place or an organisation,
    speaks through its authorities. Not a name the model reads as a person's, nor a city
    abroad ("Speaking to reporters, Regina said": no report about Canada) (round 21)."""
    speaking = [m for m in group if (m.person_cue or "").startswith("speech verb")]
    if not speaking or any(has_person_cue(m) for m in group if m not in speaking):
        return False
    return all(m.label in ACTING_LABELS for m in speaking) and any(
        c.kind == "city" and c.population >= SPEAKING_CITY_POPULATION and c.country in focus
        for c in group[0].candidates
    )


def has_person_cue(m: Mention) -> bool:
    return m.person_cue is not None and not _explained_by_metonymy(m)


def strong_evidence(m: Mention) -> bool:
    """Evidence that this mention is a place even if its string were seen nowhere else."""
    if has_person_cue(m):
        return False
    if m.place_cue or m.region_form or m.listed or m.water:
        return True  # "the Oskil river": a name the text calls a river is a place
    if m.label in {"GPE", "LOC"}:
        return True
    if m.label == "FAC" and m.candidates:
        return True
    return m.metonymy is True and _explained_by_metonymy(m)


def decide(mentions: Sequence[Mention]) -> tuple[list[Mention], list[dict[str, object]]]:
    """Keep the mentions that are places; return the rest with the reason they were not."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    accepted: list[Mention] = []
    rejected: list[dict[str, object]] = []
    weak: list[list[Mention]] = []
    speaking: list[list[Mention]] = []
    for group in by_key.values():
        verdict = _group_verdict(group)
        if verdict.startswith("person: speech verb"):
            speaking.append(group)  # decided once the report's countries are known
        elif verdict == "place":
            accepted.extend(m for m in group if not has_person_cue(m))
            rejected.extend(rejection(m, m.person_cue or "") for m in group if has_person_cue(m))
        elif verdict == "state alone":
            # Only where the name stands alone: "America" of "the Accessible America
            # Competition" is no second mention of "America's" in the headline.
            accepted.extend(m for m in group if names_a_state_alone(m))
            rejected.extend(
                rejection(m, "part of a longer name") for m in group if not names_a_state_alone(m)
            )
        elif verdict == "weak":
            weak.append(group)
        else:
            rejected.extend(rejection(m, verdict) for m in group)
    focus = focus_from(m.candidates[0] for m in accepted if len(m.candidates) == 1)
    for group in speaking:
        if _a_city_speaking(group, set(focus)):
            for m in group:
                m.person_cue, m.metonymy = None, True
            accepted.extend(group)
        else:
            reason = f"person: {next(m.person_cue for m in group if has_person_cue(m))}"
            rejected.extend(rejection(m, reason) for m in group)
    for group in weak:
        if _sizeable_in_focus(group[0].candidates, set(focus)):
            accepted.extend(group)
        else:
            rejected.extend(rejection(m, "no place evidence") for m in group)
    return sorted(accepted, key=lambda m: m.name.start), rejected


def _group_verdict(group: Sequence[Mention]) -> str:
    """ "place", "state alone" (a country or capital named alone, ``names_a_state_alone``),
    "weak" (tagged, unsupported), or the reason it is not a place."""
    person = [m for m in group if has_person_cue(m)]
    explicit_place = any(m.place_cue and not has_person_cue(m) for m in group)
    if person and not explicit_place:
        return f"person: {person[0].person_cue}"
    if any(strong_evidence(m) for m in group):
        return "place"
    if any(names_a_state_alone(m) for m in group):
        return "state alone"
    if any(m.label for m in group) and group[0].candidates:
        return "weak"
    return "no place evidence"


def names_a_state_alone(m: Mention) -> bool:
    """A country's or a large national capital's name standing as a whole name ("talks
    with Uzbekistan", "Bangui routinely uses the term", "INDONESIA: ..."): a place even
    untagged and with no cue. Not a piece of a longer name ("Michael Jordan", "Kaduna-
    Abuja") nor a word used as a common one ("Male voters"); a person cue was ruled out
    before this is asked."""
    if len(m.name.text) < MIN_STATE_NAME or not any(_state_or_capital(c) for c in m.candidates):
        return False
    if not m.name.text.isupper() and any(t.tag_ in COMMON_WORD_TAGS for t in m.name):
        return False  # (a name in capitals is tagged at random: "MALAWI" as NN)
    run = fragments.capitalised_run(m.name)
    if (run.start, run.end) != (m.name.start, m.name.end):
        return False
    return not _capitalised_neighbour(m.name)


def _capitalised_neighbour(name: SpacySpan) -> bool:
    """A capitalised word right before or after the name, even one ``capitalised_run``
    does not count as a name's ("My Soul", a song's title; "Accessible America
    Competition"), except the function word opening a sentence ("In Uzbekistan, ...")."""
    doc = name.doc
    if name.end < len(doc) and _capitalised_word(doc[name.end]):
        return True
    if name.start == 0:
        return False
    before = doc[name.start - 1]
    return _capitalised_word(before) and not (before.is_sent_start and before.is_stop)


def _capitalised_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _state_or_capital(c: Candidate) -> bool:
    return c.kind == "country" or is_large_capital(c)


def _sizeable_in_focus(candidates: Sequence[Candidate], countries: set[str]) -> bool:
    """A large place, or a volcano of the hand table ("Kanlaon erupted"), in a country the
    report is about."""
    return any(
        c.country in countries
        and (
            (c.kind in {"city", "region", "country"} and c.population >= WEAK_MIN_POPULATION)
            or c.feature_code == VOLCANO_CODE
        )
        for c in candidates
    )


def rejection(m: Mention, reason: str) -> dict[str, object]:
    return {"text": m.out.text, "start": m.out.start, "end": m.out.end, "reason": reason}
