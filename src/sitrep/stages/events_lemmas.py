"""The lemma the events stage reads a word by, mended where the small model misreads it.

The model tags a capitalised common noun that opens a sentence or a bullet as a proper
noun and leaves its lemma as written ("- Airstrikes on A and B killed 60": "Airstrikes",
NNP), and lemmatises some plurals wrongly ("marches" -> "marche"). Either hides the
trigger (round 20).
"""

from __future__ import annotations

from spacy.tokens import Token

# Lemmas the model's lemmatiser gets wrong for trigger words.
_MISLEMMATISED = {"marche": "march"}


def opens_sentence(token: Token) -> bool:
    """The token is its sentence's first word, after any bullet or punctuation."""
    before = token.doc[token.sent.start : token.i]
    return all(t.is_punct or t.is_space for t in before)


def trigger_lemma(token: Token) -> str:
    """The word's lemma, lower-cased; a capitalised noun opening a sentence that the model
    took for a name ("Airstrikes", no entity) by its lower-cased singular."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and not token.ent_type_ and token.is_title and opens_sentence(token):
        lemma = singular(token.lower_)
    return _MISLEMMATISED.get(lemma, lemma)


def singular(word: str) -> str:
    """An English plural's singular, by its ending ("strikes" -> "strike", "casualties"
    -> "casualty", "crashes" -> "crash"); a word that is none is returned as is."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
