"""An event's actors, normalised to sides ("Ukrainian forces" -> "Ukraine: military",
"Moscow" -> "Russia: government")."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages import events_rules as rules
from sitrep.stages.events_document import outside
from sitrep.stages.events_sentence import in_group_name


def event_actors(trigger: Token, *, dateline: tuple[int, int] = (0, 0)) -> tuple[str, ...]:
    """The sides of the event's actors; words of the dateline, which the parser sometimes
    hangs on the subject ("PORT SUDAN, 14 May — The convoy"), are no actor."""
    actors: list[str] = []
    for head, tokens in _actor_phrases(trigger):
        side = normalise_actor(head, [t for t in tokens if outside(dateline, t.idx)])
        if side and side not in actors:
            actors.append(side)
    return tuple(actors)


def _actor_phrases(trigger: Token) -> list[tuple[Token, list[Token]]]:
    """(head, tokens) of each actor phrase: the agent or subject; for a noun trigger its
    modifiers ("Russian attacks"), else the subject of the verb it hangs from."""
    own: list[Token] = []
    for child in trigger.children:
        if child.dep_ == "agent":
            own += [c for c in child.children if c.dep_ == "pobj"]
        elif (child.dep_ == "nsubj" and trigger.pos_ == "VERB") or (
            child.dep_ in ("poss", "amod", "compound") and trigger.pos_ == "NOUN"
        ):
            own.append(child)
    governing: list[Token] = []
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj"):
        # "troops stepping up attacks", "forces pushed them back in an offensive"
        verb = trigger.head if trigger.dep_ == "dobj" else trigger.head.head
        governing = [c for c in verb.children if c.dep_ == "nsubj"]
    # "Strikes also hit A", "Debris fell in B": a bare weapon is no actor ("Russian
    # drones hit B" still names Russia; round 10).
    own = [h for h in own if not (_names_a_weapon(h) and len(list(h.subtree)) == 1)]
    own = [_speaker_for_pronoun(h) or h for h in own]
    phrases = []
    for heads in (own, governing):
        for head in heads:
            for member in (head, *head.conjuncts):
                others = {t.i for c in member.conjuncts for t in c.subtree if c.i > member.i}
                tokens = [t for t in member.subtree if t.i not in others]
                phrases.append((member, tokens))
        if any(normalise_actor(h, t) for h, t in phrases):
            break
    return phrases


def _names_a_weapon(head: Token) -> bool:
    lemma = head.lemma_.lower()
    return lemma in rules.WEAPONS or lemma in rules.FALLING_REMAINS or lemma == "strike"


def _speaker_for_pronoun(subject: Token) -> Token | None:
    """ "Mali's army said it had taken control of Kidal": "it" (or "they") is who says
    so, the subject of the reporting verb above."""
    if subject.lower_ not in ("it", "they"):
        return None
    for node in subject.head.ancestors:
        if node.pos_ == "VERB" and node.lemma_.lower() in rules.SPEECH_VERBS:
            return next((c for c in node.children if c.dep_ == "nsubj"), None)
    return None


def normalise_actor(head: Token, tokens: list[Token]) -> str | None:
    """ "Ukrainian forces" -> "Ukraine: military"; "Moscow" -> "Russia: government"."""
    lemmas = [t.lemma_.lower() for t in tokens]
    # The side word nearest the head: "Russian troops", not "Ukraine's" further off.
    by_distance = sorted(tokens, key=lambda t: abs(t.i - head.i))
    side = next(
        (rules.SIDES[t.lower_] for t in by_distance
         if t.lower_ in rules.SIDES and not in_group_name(t)),
        None,
    )  # fmt: skip
    capital = next(
        (rules.CAPITALS[t.lower_] for t in by_distance if t.lower_ in rules.CAPITALS), None
    )
    country = side or capital or _antecedent_side(tokens)
    if country is not None and not _non_state(tokens):
        if any(lemma in rules.MILITARY_NOUNS for lemma in lemmas):
            return f"{country}: military"
        if any(lemma in rules.POLICE_NOUNS for lemma in lemmas):
            return f"{country}: police"
        if capital is not None or any(lemma in rules.GOVERNMENT_NOUNS for lemma in lemmas):
            return f"{country}: government"
        return country
    named = [t for t in tokens if t.ent_type_ in ("ORG", "NORP", "PERSON")]
    if named:
        return " ".join(t.text for t in named)
    return None


def _non_state(tokens: list[Token]) -> bool:
    """ "Myanmar resistance fighters", "Turkish-backed Syrian fighters": the country named
    is where the group fights or who backs it, not whose forces they are (round 13)."""
    return any(
        t.lemma_.lower() in rules.NON_STATE_WORDS
        or t.lower_.endswith(rules.NON_STATE_SUFFIXES)
        or (f"-{t.lower_}" in rules.NON_STATE_SUFFIXES and t.i > 0 and t.nbor(-1).text == "-")
        for t in tokens
    )


def _antecedent_side(tokens: list[Token]) -> str | None:
    """ "its troops", "their forces": the side named last before the pronoun, in its
    sentence or the one before ("Russia's defence ministry said its troops had taken")."""
    pronoun = next((t for t in tokens if t.lower_ in ("its", "their") and t.dep_ == "poss"), None)
    if pronoun is None:
        return None
    sentence = pronoun.sent
    start = sentence.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    for token in reversed(pronoun.doc[start : pronoun.i]):
        word = token.lower_
        if word in rules.SIDES or word in rules.CAPITALS:
            if in_group_name(token):
                return None  # "The Myanmar National Democratic Alliance Army ... its"
            return rules.SIDES.get(word) or rules.CAPITALS[word]
    return None
