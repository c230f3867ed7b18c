"""Documented perturbations that turn a report into a copy of it, for ``sitrep eval corpus``.

Each imitates something that happens to news text on its way through the web:

* ``synonyms``: a spinner swaps common words for synonyms ("killed" → "slain",
  "city" → "town"), about one eligible word in two;
* ``reorder``: clauses and sentences change places inside each paragraph, and
  paragraphs are shuffled beyond the first (rewritten copies reorder, keep the lede);
* ``boilerplate``: an outlet adds its own furniture (related headlines, share and
  subscribe lines) between paragraphs and at the end;
* ``truncate``: a syndicated copy keeps only the first part (60 % of the paragraphs);
* ``headline``: a new headline line on top;
* ``spun``: synonyms + reorder together, what seed 003 looks like.

All take a ``random.Random`` so that a corpus is reproducible from its seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

# Common news words and the synonyms spinners use; general, not taken from any eval text.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "killed": ("slain", "left dead"), "city": ("town", "municipality"),
    "town": ("city", "settlement"), "said": ("stated", "declared"),
    "people": ("individuals", "persons"), "residents": ("inhabitants", "locals"),
    "attack": ("assault", "strike"), "strike": ("attack", "hit"),
    "forces": ("troops", "units"), "troops": ("soldiers", "forces"),
    "destroyed": ("ruined", "wrecked"), "building": ("structure", "edifice"),
    "buildings": ("structures", "edifices"), "help": ("assist", "aid"),
    "hospital": ("clinic", "medical centre"), "children": ("kids", "youngsters"),
    "officials": ("authorities", "functionaries"), "government": ("administration", "authorities"),
    "war": ("conflict", "hostilities"), "fighting": ("combat", "clashes"),
    "home": ("house", "residence"), "homes": ("houses", "dwellings"),
    "large": ("big", "huge"), "small": ("little", "tiny"), "many": ("numerous", "lots of"),
    "began": ("started", "commenced"), "started": ("began", "commenced"),
    "told": ("informed", "advised"), "reported": ("stated", "announced"),
    "country": ("nation", "state"), "area": ("region", "zone"), "region": ("area", "zone"),
    "water": ("drinking water", "H2O"), "food": ("nourishment", "provisions"),
    "hope": ("wish", "expectation"), "difficult": ("hard", "tough"),
    "however": ("nevertheless", "but"), "also": ("likewise", "too"),
    "near": ("close to", "next to"), "around": ("about", "roughly"),
    "woman": ("lady", "female"), "man": ("gentleman", "male"),
    "boyfriend": ("lover", "partner"), "family": ("relatives", "household"),
    "corridors": ("passages", "routes"), "aid": ("assistance", "help"),
    "rescue": ("save", "recover"), "flood": ("deluge", "inundation"),
    "damaged": ("harmed", "impaired"), "injured": ("wounded", "hurt"),
    "wounded": ("injured", "hurt"), "dead": ("deceased", "lifeless"),
    "quickly": ("rapidly", "swiftly"), "recently": ("lately", "of late"),
    "week": ("seven days", "few days"), "after": ("following", "subsequent to"),
    "before": ("prior to", "ahead of"), "during": ("throughout", "amid"),
    "because": ("since", "as"), "important": ("vital", "crucial"),
    "announced": ("declared", "stated"), "statement": ("declaration", "remark"),
    "leader": ("chief", "head"), "president": ("head of state", "leader"),
    "police": ("law enforcement", "officers"), "army": ("military", "armed forces"),
    "military": ("army", "armed forces"), "election": ("vote", "poll"),
    "party": ("faction", "group"), "officer": ("official", "agent"),
    "meeting": ("gathering", "session"), "talks": ("negotiations", "discussions"),
    "agreement": ("deal", "accord"), "company": ("firm", "business"),
    "months": ("many weeks", "moons"), "years": ("yrs", "annums"),
    "big": ("large", "huge"), "new": ("fresh", "novel"), "old": ("aged", "former"),
    "first": ("initial", "earliest"), "last": ("final", "latest"),
}  # fmt: skip

BOILERPLATE = (
    "Advertisement",
    "Share this article",
    "Subscribe to our newsletter for daily updates",
    "Read more: Officials Weigh New Measures as Pressure Mounts",
    "Related: What We Know So Far",
    "To suggest a correction or clarification, write to us here",
)

HEADLINES = (
    "What happened and why it matters",
    "The latest: what we know",
    "Live updates from the region",
)

_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
# Swap one eligible word in two: seed 003's spinner changed about that share.
SWAP_SHARE = 0.5
# Share of paragraphs a truncated copy keeps.
TRUNCATE_KEEP = 0.6

Perturbation = Callable[[str, random.Random], str]


def synonyms(text: str, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        options = SYNONYMS.get(word.lower())
        if not options or rng.random() >= SWAP_SHARE:
            return word
        choice = rng.choice(options)
        return choice[0].upper() + choice[1:] if word[0].isupper() else choice

    return _WORD.sub(swap, text)


def reorder(text: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    shuffled = [_reorder_paragraph(p, rng) for p in paragraphs]
    if len(shuffled) > 2:
        tail = shuffled[1:]
        rng.shuffle(tail)
        shuffled = [shuffled[0], *tail]
    return "\n\n".join(shuffled)


def boilerplate(text: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    out: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        if i % 3 == 2:
            out.append(rng.choice(BOILERPLATE))
    out.extend(rng.sample(BOILERPLATE, 2))
    return "\n\n".join(out)


def truncate(text: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    if len(paragraphs) >= 3:
        keep = max(1, round(len(paragraphs) * TRUNCATE_KEEP))
        return "\n\n".join(paragraphs[:keep])
    sentences = _SENTENCE.split(text)
    keep = max(1, round(len(sentences) * TRUNCATE_KEEP))
    return " ".join(sentences[:keep])


def headline(text: str, rng: random.Random) -> str:
    return f"{rng.choice(HEADLINES)}\n\n{text}"


def spun(text: str, rng: random.Random) -> str:
    return reorder(synonyms(text, rng), rng)


PERTURBATIONS: dict[str, Perturbation] = {
    "synonyms": synonyms,
    "reorder": reorder,
    "boilerplate": boilerplate,
    "truncate": truncate,
    "headline": headline,
    "spun": spun,
}


# Names a twin's facts take in place of the original's: invented, so that no twin names a
# real person or place of another article.
TWIN_NAMES = (
    "Varenko", "Ostrava", "Miral", "Kesh", "Duvani", "Talbor", "Quenby", "Harlow",
    "Zemrin", "Abelo", "Corvath", "Lindqvist", "Marada", "Oyelu", "Petrak", "Sundby",
)  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![.!?\n]\s)(?<!^)\b[A-Z][a-z]+\b")


def other_facts(text: str, rng: random.Random) -> str:
    """Not a copy: another event told in the same words, every name (a capitalised word
    not opening a sentence) and number replaced ("At least 12 people were killed in
    Kharkiv, the ministry said" -> "... 47 people ... in Varenko ..."). Formulaic news
    (daily casualty statements, templated updates) reads like this, and such reports
    are distinct stories."""
    names: dict[str, str] = {}

    def name(match: re.Match[str]) -> str:
        word = match.group()
        if word not in names:
            names[word] = rng.choice(TWIN_NAMES)
        return names[word]

    def number(match: re.Match[str]) -> str:
        digits = len(re.sub(r"\D", "", match.group()))
        return str(rng.randint(10 ** (digits - 1), 10**digits - 1))

    return _NAME.sub(name, _NUMBER.sub(number, text))


def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", text)]
    return [p for p in parts if p]


def _reorder_paragraph(paragraph: str, rng: random.Random) -> str:
    """Swap two sentences, or the two halves of a sentence split at a comma clause."""
    sentences = _SENTENCE.split(paragraph)
    if len(sentences) >= 2:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        return " ".join(sentences)
    head, sep, tail = paragraph.partition(", ")
    if sep and tail.endswith(".") and len(head) > 20 and len(tail) > 20:
        # The head keeps its capital: it may open with a name.
        return f"{tail[0].upper()}{tail[1:-1]}, {head}."
    return paragraph
