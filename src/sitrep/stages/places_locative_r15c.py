"""Unknown names as the object of a locating preposition (round 15c).

"A boy drowned at Mepe", "moved 1,500 people out of Mepe", "the road near Benighat": the
model tags many small towns it has never seen as people, and the gazetteer lacks them, so
no step proposes them. A capitalised name that is the whole object of a preposition that
locates ("at", "in", "into", "near", "out of", ...) is proposed as a place when the text
locates it so twice, or when its sentence names another place: one locative use alone
is too weak ("in Smith's view" aside, "at Chatham House", "in Brazil's Lula" ...), and a
name located twice, or beside another place, is a place in news English.

Each located use of a name that qualifies becomes a mention (read by ``read_mention``,
whose place cue the preposition gives), and nothing else: a use as a subject or as a
modifier ("the Mepe school") stays unproposed, as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.gazetteer import Gazetteer, normalize_key
from sitrep.stages import places_cues as cues
from sitrep.stages import places_fragments as fragments
from sitrep.stages.places_mention import Mention, read_mention
from sitrep.stages.places_propose import plausible
from sitrep.stages.places_words import Words

# Prepositions that say where something is, goes or comes from ("drowned at X",
# "spilled into X", "out of X", "fled to X"). Not "across" or "throughout": they span an
# area ("across Al Haouz, Taroudant and three other provinces"), not a town's site.
LOCATING_PREPOSITIONS = frozenset(
    {"at", "in", "into", "near", "inside", "outside", "toward", "towards", "to", "from", "through"}
)
# How many located uses make a name a place without another place in its sentence.
MIN_LOCATED_USES = 2
# Labels of names that are no place whatever precedes them ("at Reuters", "in Islam").
_NOT_PLACE_LABELS = frozenset({"ORG", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})


def located_unknown_names(
    mentions: Sequence[Mention], words: Words, gazetteer: Gazetteer
) -> list[Mention]:
    """New mentions for unknown names located by a preposition (see module docstring)."""
    doc = words.doc
    covered = {i for m in mentions for i in range(m.name.start, m.name.end)}
    placed_sentences = {words.sentence[m.name.start] for m in mentions if _says_place(m)}
    uses: dict[str, list[SpacySpan]] = defaultdict(list)
    for token in doc:
        if token.i in covered or not _opens_name(token):
            continue
        span = fragments.capitalised_run(doc[token.i : token.i + 1])
        if span.start != token.i or any(i in covered for i in range(span.start, span.end)):
            continue
        if _located(span) and _may_name_place(span, gazetteer):
            uses[normalize_key(span.text)].append(span)
    found: list[Mention] = []
    for spans in uses.values():
        beside_place = any(words.sentence[s.start] in placed_sentences for s in spans)
        if len(spans) < MIN_LOCATED_USES and not beside_place:
            continue
        for span in spans:
            m = read_mention(span, "", words, gazetteer)
            if m.person_cue is None and m.place_cue and plausible(m, gazetteer):
                found.append(m)
    return found


def _says_place(m: Mention) -> bool:
    """A proposed mention the text or the gazetteer calls a place."""
    return bool(m.candidates) and (m.label in {"GPE", "LOC"} or m.place_cue)


def _opens_name(token: Token) -> bool:
    """A capitalised proper noun that may open a name (not a sentence's first word)."""
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and not token.is_sent_start
        and not token.is_stop
        and token.tag_ in {"NNP", "NNPS"}
    )


def _located(span: SpacySpan) -> bool:
    """The whole name is the object of a locating preposition ("at Mepe", "out of Mepe")."""
    before = cues.lower_at(span, span.start - 1)
    if before == "of":
        return cues.lower_at(span, span.start - 2) == "out"
    return before in LOCATING_PREPOSITIONS and (
        cues.lower_at(span, span.start - 2) not in cues.NOT_LOCATIVE_BEFORE
    )


def _may_name_place(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """No name the gazetteer knows (those are proposed elsewhere), no tagged organisation
    or people, no possessor ("in Smith's view"), no modifier of a noun ("at Mepe school"
    is the school's), and not a people's name."""
    if gazetteer.lookup(span.text) or fragments.names_peoples(span, gazetteer):
        return False
    if any(t.ent_type_ in _NOT_PLACE_LABELS for t in span):
        return False
    after = cues.lower_at(span, span.end)
    if after in {"'s", "\u2019s"}:
        return False
    return not fragments.modifies_other_noun(span)
