"""People counted by their care are the injured (round 16).

A report often counts the hurt by what was done for them: "Nine people were treated at the
regional hospital", "Some 60 residents were treated for smoke inhalation after the
warehouse fire", "A further 15 people were rushed to hospital". The figures stage types
the first two `patients` (what a hospital counts) and the third `people`, and that typing
stays; the writers of outside sets d, k and l code such counts as the event's injured, so
the events stage reads them as its toll:

* people (not "patients", a hospital's own count) who are the object or the passive subject
  of *treat*, *hospitalise* or *admit*, or of a verb of carrying (*take*, *rush*, *bring*,
  *send*, *fly*, *airlift*, *evacuate*, *transfer*) "to hospital";
* told as done (a past or perfect verb), not a hospital's routine ("the clinic treats some
  500 patients a month");
* not treated for a disease or for want ("treated for cholera", "for dehydration"): the
  sick of an outbreak or a heatwave are no one's wounded.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages.events_rules import NON_VIOLENT_DEATHS
from sitrep.stages.figures import PEOPLE_NOUNS

_TREATING = frozenset({"treat", "hospitalise", "hospitalize", "admit"})
_CARRYING = frozenset(
    {"take", "rush", "bring", "send", "fly", "airlift", "evacuate", "transfer", "carry"}
)  # fmt: skip
_CARE_PLACES = frozenset({"hospital", "hospitals", "clinic", "clinics", "infirmary"})
# Illness that is no one's wound: want and disease (events_rules), and the words reports
# use for an outbreak's sick.
_ILLNESS = NON_VIOLENT_DEATHS | frozenset(
    {"diarrhoea", "diarrhea", "fever", "infection", "outbreak", "case", "symptom",
     "exhaustion", "heatstroke", "poisoning"}
)  # fmt: skip


def counted_by_care(noun: Token) -> bool:
    """Whether ``noun`` (the noun a number counts) names people treated or taken to
    hospital: a count of the injured (see the module docstring)."""
    if noun.lemma_.lower() not in PEOPLE_NOUNS or noun.lemma_.lower() == "patient":
        return False
    if noun.dep_ not in ("nsubjpass", "dobj"):
        return False
    verb = noun.head
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return False  # "the clinic treats some 500 patients a month": its routine
    lemma = verb.lemma_.lower()
    cared = _to_care(verb) if lemma in _CARRYING else lemma in _TREATING
    return cared and not _for_illness(verb)


def _to_care(verb: Token) -> bool:
    """ "taken to hospital", "rushed to the district hospital", "sent to hospitals"."""
    return any(
        child.dep_ == "prep" and child.lower_ in ("to", "into")
        and any(o.lower_ in _CARE_PLACES for o in child.children if o.dep_ == "pobj")
        for child in verb.children
    )  # fmt: skip


def _for_illness(verb: Token) -> bool:
    """ "treated for cholera", "had treated more than 260 people for heat exhaustion" (the
    parser may hang "for" on the verb or on the people)."""
    return any(t.lemma_.lower() in _ILLNESS or t.lower_ in _ILLNESS for t in verb.subtree)
