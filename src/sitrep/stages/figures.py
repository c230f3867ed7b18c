"""The figures stage: every number the report states about the situation.

A figure is a number (digits, words, "thousands", "almost half") with what it counts:
its unit ("people", "km", "percent", or the counted noun) and its quantity, one of
``QUANTITIES``. Not figures: ages ("41-year-old", "both 21"), years and other parts of
time expressions, durations ("for five days"), ordinals, phone numbers, the page's own
numbers (figures_noise_r10), "one" used as an article ("one message"),
anaphoric "the two", and the parenthetical conversion of a figure already counted
("60 kilometers (nearly 40 miles)").

``place`` is the literal place the sentence names (or, for "the town", the settlement
last named before it); ``time`` the value of a date in the sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.records import Figure, Span, TimeExpression
from sitrep.resources import Resources
from sitrep.stages.figures_elided_r11 import is_elided_count, typed_elided_counts
from sitrep.stages.figures_index import Intervals, Lines, PlaceMentions, Positions
from sitrep.stages.figures_noise_r10 import (
    is_clock_with_dot,
    is_file_size,
    is_phone_group,
    is_serial_number,
    is_ticker,
    is_time_zone,
    is_weather_widget,
    starts_a_time_range,
)
from sitrep.stages.figures_parts_r10 import (
    group_quantity,
    harmed_one,
    is_part_of_a_group,
    refers_back,
    state_after,
)
from sitrep.stages.figures_typing import (
    SHELTER_PLACES,
    aid_goods,
    aid_recipients,
    counted_token,
    left_in_state,
    sheltered,
    without_utility,
)
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState

QUANTITIES: tuple[str, ...] = (
    "killed", "injured", "missing", "displaced", "returned", "evacuated", "population",
    "buildings_damaged", "buildings_destroyed", "distance", "duration", "people", "munitions",
    "magnitude", "arrested", "temperature", "patients", "deployed", "fed", "in need", "aid",
    # round 9 (eval/outside/a-f --errors): what the outside writers' gold names
    "abducted", "released", "affected", "stranded", "aid_recipients", "without_power",
    "without_water", "without_gas", "without_heating", "destroyed", "damaged", "speed",
    # round 10: "1,246 suspected cholera cases", "the plan is 14 percent funded"
    "cases", "funded",
    "other",
)  # fmt: skip

# Lemmas that say what a number in their sentence counts; the nearest one wins.
QUANTITY_CUES: dict[str, str] = {
    "kill": "killed", "dead": "killed", "die": "killed", "death": "killed", "toll": "killed",
    "drown": "killed", "perish": "killed",  # round 19: "Two men drowned near X"
    "infect": "cases",  # "an epidemic infected 45,000 people and killed six" (round 19)
    "fatality": "killed", "injure": "injured", "wound": "injured", "hurt": "injured",
    "injury": "injured", "missing": "missing", "miss": "missing", "disappear": "missing",
    "displace": "displaced", "flee": "displaced", "refugee": "displaced",
    "homeless": "displaced", "uproot": "displaced", "return": "returned",
    "evacuate": "evacuated", "evacuation": "evacuated", "population": "population",
    "inhabitant": "population", "populace": "population",
    "destroy": "destroyed", "ruin": "destroyed", "raze": "destroyed", "flatten": "destroyed",
    "demolish": "destroyed", "damage": "damaged", "leave": "displaced",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "detainee": "arrested",
    "live": "population", "remain": "population",
    # round 9: an abduction is no arrest ("gunmen abducted 37 passengers"; the gold of
    # eval/events and eval/outside/e: 6 of 6), "affected" is its own count (/c, /e), and
    # "damaged" as an adjective ("remain damaged") says what "damage" says.
    "abduct": "abducted", "kidnap": "abducted", "affect": "affected", "strand": "stranded",
    "damaged": "damaged",
}  # fmt: skip
# Verbs that say what a number counts only when it is their subject or object: "treated
# more than 300 people" (patients), "deployed 12 aircraft", "will feed 20,000 people",
# "5.5 million Haitians need aid"; near a number they govern nothing ("we need help").
# The outside writers' gold names these (eval/outside/a, /b, examples: 9 figures).
GOVERNED_CUES: dict[str, str] = {
    "treat": "patients", "deploy": "deployed", "feed": "fed", "need": "in need",
    # round 9 (eval/outside/a-f): "six bridges collapsed", "150 houses were buried", "25
    # homes have burned", "gunmen seized 23 students", "63 were released", "4,500 people
    # crossed the river", "12,000 people arrived in Raqqa", "1,500 lorries were stuck",
    # "the stadium was housing 1,800 people"; none of them says anything near a number it
    # does not govern ("the fire burned for days", "the river they crossed").
    "collapse": "destroyed", "bury": "destroyed", "burn": "destroyed", "seize": "abducted",
    "release": "released", "free": "released", "cross": "displaced", "arrive": "displaced",
    "stick": "stranded", "house": "displaced", "host": "displaced", "shelter": "displaced",
    # round 10: "1,500 people were moved from 20 villages", "we moved 1,500 people out of
    # Mepe", "relocated 300 families" (eval/outside/g-j: 8 figures, displaced or evacuated)
    "move": "evacuated", "relocate": "evacuated",
}  # fmt: skip
# Counted nouns that say what they count when no cue does: "about 600 evacuees spent the
# day", "42,500 arrivals" (eval/outside/a, /f).
COUNTED_QUANTITIES: dict[str, str] = {
    "evacuee": "evacuated", "arrival": "displaced", "refugee": "displaced",
    "returnee": "returned",
}  # fmt: skip
# Forces that are sent, and so deployed ("sent some 5,000 soldiers to the region";
# eval/outside/a, /c).
SECURITY_NOUNS = frozenset(
    {"soldier", "troop", "officer", "police", "policeman", "personnel", "peacekeeper",
     "marine", "paratrooper", "guard", "reservist", "gendarme", "commando"}
)  # fmt: skip
# Cues that yield to the word they govern: "thousands remain displaced".
_LINKING_CUES = frozenset({"remain", "live"})
# Shares of people are not tolls: "about half of Maiduguri" was flooded, not killed.
_NOT_SHARES = frozenset({"killed", "injured", "missing", "displaced", "returned", "evacuated"})
_SHARES_THAT_MOVE = frozenset({"displaced", "returned", "evacuated"})
BUILDING_WORDS = frozenset(
    {"building", "structure", "home", "house", "apartment", "residential", "dwelling",
     "residence", "school", "hospital", "housing", "block", "property",
     # round 9: "35 learning centres", "40 health facilities", "2,000 shelters" (eval/events,
     # eval/outside/d)
     "centre", "center", "clinic", "facility", "shelter", "mosque", "church", "temple",
     "shop", "warehouse", "factory", "hut", "classroom"}
)  # fmt: skip
PEOPLE_NOUNS = frozenset(
    {"people", "person", "resident", "civilian", "child", "soldier", "troop", "refugee",
     "family", "woman", "man", "inhabitant", "worker", "patient", "student", "fighter",
     "casualty", "victim", "hostage", "prisoner", "migrant", "villager", "citizen", "body",
     "relative", "survivor", "passenger", "displaced", "returnee", "evacuee", "driver",
     "journalist", "medic", "doctor", "nurse", "teacher", "pupil", "protester",
     "demonstrator", "farmer", "miner", "volunteer", "staff", "employee", "girl", "boy",
     "adult", "baby", "infant", "detainee", "inmate", "pilgrim", "tourist", "individual",
     "teenager", "youth", "pensioner", "voter", "elder"}
)  # fmt: skip
# Words that, modifying the counted noun, say what it counts whatever cue is nearer:
# "53 wounded people" were treated, "14 wounded civilians" were evacuated (session 5:
# 5 such figures in eval/outside/a and /b, all injured).
MODIFIER_QUANTITIES: dict[str, str] = {
    "wounded": "injured", "injured": "injured", "dead": "killed", "displaced": "displaced",
    "missing": "missing", "detained": "arrested", "arrested": "arrested",
    "evacuated": "evacuated",
}  # fmt: skip
# Nouns whose "of N people" is their population ("a town of some 20,000 people").
POPULATED_NOUNS = frozenset(
    {"town", "city", "village", "hamlet", "settlement", "community", "district", "country",
     "nation", "region", "province", "island", "municipality", "neighbourhood",
     "neighborhood", "camp"}
)  # fmt: skip
# Things whose small counts are situation figures ("three Russian tanks" destroyed).
MATERIEL = frozenset(
    {"tank", "vehicle", "aircraft", "helicopter", "jet", "plane", "warplane", "bridge",
     "building", "house", "home", "school", "hospital", "boat", "ship", "truck"}
)  # fmt: skip
UNITS: dict[str, tuple[str, str]] = {  # word -> (unit, quantity)
    "km": ("km", "distance"), "kilometer": ("km", "distance"), "kilometre": ("km", "distance"),
    "mile": ("mi", "distance"), "meter": ("m", "distance"), "metre": ("m", "distance"),
    "percent": ("percent", "other"), "per cent": ("percent", "other"), "%": ("percent", "other"),
    "hour": ("hour", "duration"), "minute": ("minute", "duration"),
    "min": ("minute", "duration"),
    # Temperatures: a heatwave's or a cold snap's is a situation figure ("51.2C", "minus
    # 8 degrees"; eval/outside/b lists 4). "degrees" alone is Celsius outside the US.
    "c": ("celsius", "temperature"), "°c": ("celsius", "temperature"),
    "degree": ("celsius", "temperature"), "degrees celsius": ("celsius", "temperature"),
    "degrees c": ("celsius", "temperature"), "°f": ("fahrenheit", "temperature"),
    "f": ("fahrenheit", "temperature"), "degrees fahrenheit": ("fahrenheit", "temperature"),
    "degrees f": ("fahrenheit", "temperature"),
}  # fmt: skip
APPROXIMATE_MODIFIERS = (
    "some", "around", "about", "approximately", "roughly", "nearly", "almost", "over",
    "more than", "at least", "up to", "less than", "fewer than", "just under", "just over",
    "an estimated", "upwards of", "close to", "well over", "estimated",
)  # fmt: skip
WORD_NUMBERS: dict[str, float] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "one": 1, "a dozen": 12, "dozen": 12,
}  # fmt: skip
# Plural round numbers: the least they can mean ("thousands" = at least two thousand).
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "millions": 2_000_000,
    # "several hundred people", "a few thousand": as vague as the plurals (round 7).
    "several hundred": 200, "a few hundred": 200, "several thousand": 2000,
    "a few thousand": 2000,
}  # fmt: skip
FRACTIONS: dict[str, float] = {
    "half": 50, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "a quarter": 25, "one quarter": 25, "two-thirds": 200 / 3, "two thirds": 200 / 3,
    "three-quarters": 75, "three quarters": 75,
    # round 10: "less than a fifth funded" is 20 percent (eval/outside/a, /h)
    "a fifth": 20, "one fifth": 20, "one-fifth": 20, "a tenth": 10, "one tenth": 10,
    "one-tenth": 10,
}  # fmt: skip
# "1.5 lakh people" is 150,000 (South Asian English; eval/outside/c)
SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
# Counted things that are munitions fired, not people or buildings ("190 shells").
MUNITIONS = frozenset(
    {"shell", "drone", "missile", "rocket", "bomb", "round", "mortar", "projectile", "munition"}
)  # fmt: skip
SETTLEMENT_NOUNS = ("town", "city", "village", "settlement", "community")
# Sums of money: their quantity is never a toll or a building count ("140,000 dirhams to
# each family whose house collapsed" is not a damaged building).
CURRENCY_CODES = frozenset({"USD", "EUR", "GBP"})
CURRENCY_NOUNS = frozenset(
    {"dollar", "euro", "pound", "dirham", "gourde", "krona", "krone", "krónur", "naira",
     "rupee", "shilling", "birr", "peso", "rial", "riyal", "dinar", "lira", "hryvnia",
     "rouble", "ruble", "yuan", "taka", "kyat", "franc", "cedi", "rand", "kwacha", "bolivar",
     "afghani", "lari", "dram", "som", "somoni", "tenge", "leone", "ariary", "metical"}
)  # fmt: skip
# A sum in a sentence with these words is aid given ("Rabat has promised 140,000 dirhams to
# each family", "a monthly allowance of 2,500 dirhams"; eval/outside/b: 4 of 4); a ransom
# or a price is not.
AID_WORDS = frozenset(
    {"aid", "allowance", "grant", "compensation", "assistance", "pledge", "donation",
     "donate", "relief", "subsidy", "promise"}
)  # fmt: skip


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that it matches greedily."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# "winds of up to 135 km per hour": a speed, not a distance (round 9: eval/outside/c, eval/events)
_SPEED = r"(?:km|kilomet(?:re|er)s?|miles?)\s*(?:per\s+hour|an\s+hour|/\s*h)|km/h|kph|mph"
_NUMBER = re.compile(
    rf"(?:(?P<mod>(?i:{_alternatives(APPROXIMATE_MODIFIERS)}|just|only))\s+)?"
    rf"(?:(?P<minus>(?i:minus))\s+)?"
    rf"(?P<cur>[$€£])?(?P<num>(?<![\w.,-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
    rf"(?!(?!°?[CF]\b)[\w-]|[.,]\d)"
    rf"|(?i:\b(?:{_alternatives(VAGUE_PLURALS)}|{_alternatives(FRACTIONS)}|"
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|"
    rf"six|seven|eight|nine)|{_alternatives(WORD_NUMBERS)})\b))"
    rf"(?:\s+(?:(?i:a)\s+)?(?P<scale>(?i:thousand|million|billion|lakhs?|crores?))\b)?"
    # "51.2C" touches its number; "2 F-16s" is no temperature.
    rf"(?:(?<=\d)(?P<tight>°?[CF])(?![\w-])|\s*(?P<unit>%|°[CF]\b|"
    rf"(?i:degrees?(?:\s+(?:celsius|fahrenheit|c|f)\b)?)|"
    rf"(?i:{_SPEED}|per cent|percent|km|kilometers?|kilometres?|miles?|meters?|metres?|"
    rf"hours?|minutes?|mins?)\b))?"
)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?[\s-]*olds?\b|-?year-old|months?[\s-]*old)", re.I)
_AGE_BEFORE = re.compile(r"\b(?:(?:aged?|ages)(?:\s+(?:between|from))?|both|all|each)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class FigureContext:
    """What a figure is placed and dated by, indexed once per report (see figures_index)."""

    places: PlaceMentions
    dated: Positions[TimeExpression]
    lines: Lines

    @classmethod
    def of(cls, state: DocState) -> FigureContext:
        return cls(
            PlaceMentions(state.places, state.text), dated_times(state.times), Lines(state.text)
        )


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    value: float
    approximate: bool
    unit: str | None
    quantity: str | None
    words: bool


@stage("figures", requires=("doc", "times", "places"), assigns=("figures",))
def extract_figures(state: DocState, resources: Resources) -> None:
    """Fill ``state.figures``."""
    text, doc = state.text, state.doc
    times = Intervals((t.span.start, t.span.end, t) for t in state.times)
    ratios = list(_ratios(text))
    taken = Intervals((r.start, r.end, r) for r in ratios)
    numbers = [d for d in (_as_duration(text, n, times) for n in _numbers(text)) if d is not None]
    numbers = sorted(
        [n for n in numbers if not taken.overlapping(n.start, n.end)] + ratios,
        key=lambda n: n.start,
    )
    lines = Lines(text)
    kept: list[_Number] = []
    # round 11: "six in A and three in B" - a count whose noun is elided is no article
    # or incidental count; it is kept if the sentence tells a count before it.
    elided = {
        n.start for n in numbers if n.unit is None and is_elided_count(doc, text, n.start, n.end)
    }
    rescued: set[int] = set()
    for n in numbers:
        if _is_age(text, n) or _is_year(text, n) or _is_phone(text, n) or _is_clock(text, n):
            continue
        if _is_day_of_month(text, n) or _is_ordinal_fraction(doc, n):
            continue
        if _is_conversion(text, n, kept) or _is_modifier_compound(text, n):
            continue
        if _is_article_or_anaphor(doc, n) or _is_incidental_small_count(doc, n):
            if n.start not in elided:
                continue
            rescued.add(n.start)
        if _is_name_number(text, n) or _is_page_furniture(text, lines, n):
            continue
        if _is_fraction_of_a_measure(text, n) or _is_family(doc, n) or _is_threshold(doc, n):
            continue
        kept.append(n)
    context = FigureContext.of(state)
    figures = _parts_resolved(doc, kept, [_figure(state, context, n) for n in kept])
    figures = typed_elided_counts(doc, context.places, figures, elided, rescued)
    state.figures = without_restatements(figures, text, context.lines)


def _parts_resolved(doc: Doc, numbers: list[_Number], figures: list[Figure]) -> list[Figure]:
    """A part that refers back ("nine of them", "the other two") counts what the last
    count of people before it in its sentence or the one before counts, unless its own
    verb says otherwise ("the other four were freed"); a small one with no such count
    before it ("two of them" trucks) is no figure (round 10)."""
    resolved: list[Figure] = []
    part_of: dict[int, Figure] = {}  # sentence start -> a part resolved there
    for n, figure in zip(numbers, figures, strict=True):
        token = _token_at(doc, n.end - 1)
        # "Kelantan accounts for 61,200 of them and Terengganu for 27,800, with smaller
        # numbers in Kedah (2,100)": counts gapped after a part count what it counts.
        if (
            token is not None
            and n.unit is None
            and token.sent.start in part_of
            and _gapped_count(token)
            and figure.quantity in _UNTOLD
        ):
            part = part_of[token.sent.start]
            figure = dataclasses.replace(figure, quantity=part.quantity, unit="people")
        if token is None or n.unit is not None or not refers_back(token):
            resolved.append(figure)  # "almost half of those who fled" is a share
            continue
        group = _group_before(doc, token, resolved)
        if group is None:
            if not _is_small_word_count(n):
                resolved.append(figure)  # "maybe eighty of them"
            continue
        quantity = _own_verb_cue(token) or group.quantity
        figure = dataclasses.replace(figure, quantity=quantity, unit="people")
        part_of.setdefault(token.sent.start, figure)
        resolved.append(figure)
    return resolved


# What a gapped count may have been typed before it inherits: nothing of its own.
_UNTOLD = frozenset({None, "other", "population", "people"})


def _gapped_count(token: Token) -> bool:
    """A count with no noun or verb of its own after a part, hung on a name: "Terengganu
    for 27,800", "Amathole for about 500", "in Kedah (2,100)"."""
    if token.dep_ == "nummod":
        return False  # "appealed for 27,800 tents": a count of its own noun
    counted = token.head if token.dep_ == "quantmod" else token
    if counted.dep_ == "pobj" and counted.head.lower_ == "for":
        # "Terengganu for 27,800", "accounts for ... and Terengganu for 27,800"; not
        # "asked for 500 more police officers" (a verb of its own)
        holder = counted.head.head
        return holder.pos_ == "PROPN" or holder.lemma_.lower() == "account"
    first = token.i
    while first > 0 and token.doc[first - 1].dep_ in ("quantmod", "advmod"):
        first -= 1  # "(about 900)"
    before = token.doc[first - 1] if first > 0 else None
    if before is None or before.text != "(" or counted.dep_ not in _GAPPED_DEPS:
        return False
    # "in Kedah (2,100)": the bracket follows a name, not "whose hospital (120 beds)".
    return first > 1 and token.doc[first - 2].pos_ == "PROPN"


_GAPPED_DEPS = frozenset({"appos", "npadvmod", "pobj", "conj", "dep"})


def _own_verb_cue(token: Token) -> str | None:
    """What the verb a part is the subject or object of says: "the other four were freed"."""
    verb, lemma = token.head, token.head.lemma_.lower()
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ != "VERB":
        return None
    if lemma in QUANTITY_CUES:
        return _cue_of(verb)
    return GOVERNED_CUES.get(lemma)


# What a group a part refers back to may count: people, whatever happened to them.
_GROUP_QUANTITIES = frozenset({"people", "patients", "in need", "fed"})


def _group_before(doc: Doc, token: Token, figures: list[Figure]) -> Figure | None:
    sentence = token.sent
    start = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
    for figure in reversed(figures):
        if figure.span.start < start:
            return None
        counts_people = figure.unit == "people" and (
            figure.quantity in PEOPLE_QUANTITIES or figure.quantity in _GROUP_QUANTITIES
        )
        if counts_people:
            return figure
    return None


def without_restatements(figures: list[Figure], text: str, lines: Lines) -> list[Figure]:
    """Each toll once in the body: a toll told again ("bringing the toll to 26", "the
    death toll rose to 46") is its first statement. A headline's number is a figure of its
    own (round 10: the headline is body for eight of the ten outside writers, and six of
    them list its numbers beside the body's; eval/outside/c, d, g, h, i)."""
    kept: list[Figure] = []
    stated: set[tuple[str | None, float | None, str | None]] = set()
    for figure in figures:
        key = (figure.quantity, figure.value, figure.unit)
        if key in stated and _restates_toll(text, lines, figure):
            continue
        if not _in_title(text, lines, figure.span.start):
            stated.add(key)
        kept.append(figure)
    return kept


_TITLE_LENGTH = 160  # characters: longer than any headline of the team and held-out sets


def _in_title(text: str, lines: Lines, char: int) -> bool:
    """On a headline: a short line that ends with no sentence's full stop."""
    start, end = lines.bounds(char)
    line = text[start:end].strip()
    return len(line) <= _TITLE_LENGTH and not line.endswith((".", "!", "?", '"', "”"))


def _restates_toll(text: str, lines: Lines, figure: Figure) -> bool:
    """ "bringing the toll to 26", "the death toll rose to 46": a toll said again."""
    if figure.quantity not in ("killed", "injured"):
        return False
    start = max(lines.bounds(figure.span.start)[0], figure.span.start - 60)
    return "toll" in text[start : figure.span.start].lower()


def _numbers(text: str) -> Iterator[_Number]:
    for m in _NUMBER.finditer(text):
        raw = m["num"].lower()
        value, _ = _value(raw)
        if value is None:
            continue
        if m["scale"]:
            # "half a million people": a share of the scale, not a percentage (round 7)
            share = value / 100 if raw in FRACTIONS else value
            value = share * SCALES[m["scale"].lower()]
        if m["minus"]:
            value = -value  # "minus 8 degrees"
        mod = (m["mod"] or "").lower()
        approximate = mod in APPROXIMATE_MODIFIERS or raw in VAGUE_PLURALS
        unit, quantity = _unit_of(m["unit"] or m["tight"], m["cur"])
        if raw in FRACTIONS and not m["scale"]:
            unit = "percent"
        start = m.start("mod") if m["mod"] and mod not in ("just", "only") else m.start("num")
        if m["cur"]:
            start = min(start, m.start("cur"))
        if m["minus"] and not m["mod"]:
            start = m.start("minus")
        yield _Number(start, m.end(), value, approximate, unit, quantity, not raw[0].isdigit())


_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten"
# "nine out of ten of the dead", "one in five children": a share told as a ratio.
_RATIO = re.compile(
    rf"\b(?P<part>{_SMALL}|\d{{1,2}})\s+(?:out\s+of|in)\s+(?P<whole>{_SMALL}|\d{{1,3}})\b",
    re.I,
)


def _ratios(text: str) -> Iterator[_Number]:
    for m in _RATIO.finditer(text):
        part, whole = _small_value(m["part"]), _small_value(m["whole"])
        if part is None or not whole or part >= whole:
            continue
        share = round(100 * part / whole, 1)
        yield _Number(m.start(), m.end(), share, False, "percent", None, True)


def _small_value(raw: str) -> float | None:
    word = raw.lower()
    return (
        float(word) if word.isdigit() else WORD_NUMBERS.get(word, 10.0 if word == "ten" else None)
    )


def _value(raw: str) -> tuple[float | None, bool]:
    if raw[0].isdigit():
        return float(raw.replace(",", "")), False
    if raw in VAGUE_PLURALS:
        return float(VAGUE_PLURALS[raw]), True
    if raw in FRACTIONS:
        return float(round(FRACTIONS[raw], 1)), True
    if "-" in raw:
        tens, ones = raw.split("-")
        return float(WORD_NUMBERS[tens] + WORD_NUMBERS[ones]), True
    word = WORD_NUMBERS.get(raw)
    return (float(word) if word is not None else None), True


def _unit_of(unit: str | None, currency: str | None) -> tuple[str | None, str | None]:
    if currency:
        return {"$": "USD", "€": "EUR", "£": "GBP"}[currency], "other"
    if not unit:
        return None, None
    word = unit.lower()
    if re.fullmatch(_SPEED, word):
        return ("mph" if word.startswith("mi") or word == "mph" else "km/h"), "speed"
    word = word if word in UNITS else word.rstrip("s")
    return UNITS.get(word, (word, "other"))


def _inside_time(n: _Number, times: Intervals[TimeExpression]) -> bool:
    return times.any_covering(n.start) or times.any_starting_in(n.start, n.end)


_COUNTED_DURATION = re.compile(r"^PT?\d+(?:\.\d+)?([WDH])$")
_DURATION_UNITS = {"W": "weeks", "D": "days", "H": "hours"}
_FOR_BEFORE = re.compile(r"\bfor\s+(?:(?:about|some|nearly|almost|over|more than)\s+)?$", re.I)


def _as_duration(text: str, n: _Number, times: Intervals[TimeExpression]) -> _Number | None:
    """``n`` itself when it is no part of a time expression; as a duration figure when it
    says for how many hours, days or weeks something lasted; otherwise None. Durations stay
    figures although most outside writers leave them out: the issue lists `duration` among
    the quantities a report states (docs/EVENT_TYPES.md, round 15)."""
    if not _inside_time(n, times):
        # "6 min" (a page's reading time) is no state that lasted: only "for N hours" is.
        if n.quantity == "duration" and not _FOR_BEFORE.search(text, max(0, n.start - 30), n.start):
            return None
        return n
    overlapping = times.overlapping(n.start, n.end)
    time = overlapping[0] if overlapping else None
    value = (time.value or "") if time is not None else ""
    match = _COUNTED_DURATION.match(value)
    if time is None or time.kind != "duration" or match is None or n.value <= 1:
        return None  # part of a date, or "one day" (a way of telling, not a count)
    start = min(n.start, time.span.start)
    if not _FOR_BEFORE.search(text, max(0, start - 30), start):
        return None
    end = max(n.end, time.span.end)
    return dataclasses.replace(
        n, end=end, unit=_DURATION_UNITS[match.group(1)], quantity="duration"
    )


# "Between 1 and 31 October": the first day of a range whose month comes after it.
_DAY_RANGE_AFTER = re.compile(
    r"\s*(?:and|to|-|–)\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)


def _is_day_of_month(text: str, n: _Number) -> bool:
    return not n.words and n.value <= 31 and bool(_DAY_RANGE_AFTER.match(text, n.end))


def _is_ordinal_fraction(doc: Doc, n: _Number) -> bool:
    """ "for a third week": "a third" before a noun is an ordinal, not a share."""
    if n.unit != "percent" or not n.words or doc.text[n.start : n.end].lower() not in FRACTIONS:
        return False
    token = _token_at(doc, n.end - 1)
    following = doc[token.i + 1] if token is not None and token.i + 1 < len(doc) else None
    return following is not None and following.pos_ == "NOUN"


def _is_age(text: str, n: _Number) -> bool:
    # "41-year-old", "both 21", "Anton, 21," (a number between commas after a name).
    # Only the few characters before the number can hold "aged"/"both": slicing them keeps
    # this linear in the report's length (searching the whole prefix was quadratic).
    before = text[max(0, n.start - 16) : n.start]
    if _AGE_AFTER.match(text[n.end : n.end + 14]) or _AGE_BEFORE.search(before):
        return True
    if _AGE_LIST_BEFORE.search(text[max(0, n.start - 40) : n.start]):
        return True  # the later ages of a list: "siblings aged 8 and 11", "ages 5 to 12"
    if n.words or n.value >= MAX_AGE or n.unit is not None:
        return False
    after = text[n.end : n.end + 8]
    # "Jesús Rondón, 23," (accented names too), "My mother is 78 and she …"
    named = _NAME_COMMA_BEFORE.search(text[max(0, n.start - 30) : n.start])
    described = _PERSON_IS_BEFORE.search(text[max(0, n.start - 30) : n.start])
    return bool(named and re.match(r"\s*(?:,|\.(?:\s|$))", after)) or bool(
        described and re.match(r"\s*(?:,|\.|;|and\b|but\b)", after)
    )


_AGE_LIST_BEFORE = re.compile(
    r"\b(?:aged?|ages)\s+(?:(?:between|from)\s+)?\d{1,3}(?:\s*,\s*\d{1,3})*"
    r"\s*(?:,?\s*and|,?\s*or|to|-|–|,)\s*$",
    re.I,
)
# Ages are below this; a larger number after a name is something else.
MAX_AGE = 120
_NAME_COMMA_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+,\s*$")
_PERSON_IS_BEFORE = re.compile(
    r"\b(?:he|she|mother|father|son|daughter|wife|husband|brother|sister|grandmother"
    r"|grandfather|grandson|granddaughter|child|baby|girl|boy)\s+(?:is|was)\s+$",
    re.IGNORECASE,
)


def _is_year(text: str, n: _Number) -> bool:
    raw = text[n.start : n.end]
    return n.unit is None and bool(re.fullmatch(r"(?:1[89]|20)\d\d", raw.strip()))


def _is_clock(text: str, n: _Number) -> bool:
    """ "18 Oct 2023 / 09:40 GMT": hours and minutes are a time, not a figure."""
    after, before = text[n.end : n.end + 2], text[max(0, n.start - 2) : n.start]
    return (len(after) == 2 and after[0] == ":" and after[1].isdigit()) or (
        len(before) == 2 and before[1] == ":" and before[0].isdigit()
    )


def _is_phone(text: str, n: _Number) -> bool:
    before, after = text[max(0, n.start - 2) : n.start], text[n.end : n.end + 2]
    return bool(re.search(r"\d[-./]$", before) or re.match(r"[-./]\d", after))


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_article_or_anaphor(doc: Doc, n: _Number) -> bool:
    """ "one message" (an article), "the two, who ..." (pronoun-like), "first": not counts."""
    if not n.words or n.unit is not None:
        return False
    token = _token_at(doc, n.end - 1)
    if token is None:
        return False
    if n.value == 1:
        return harmed_one(token, _is_a_person) is None  # "killed one worker" is a toll
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    anaphoric = previous is not None and previous.lower_ in ("the", "these", "those", "all")
    return anaphoric and (following is None or following.pos_ not in ("NOUN", "ADJ"))


def _is_conversion(text: str, n: _Number, kept: list[_Number]) -> bool:
    # "60 kilometers (nearly 40 miles)": the same distance in other units.
    if not kept or n.unit is None:
        return False
    previous = kept[-1]
    between = text[previous.end : n.start]
    return previous.unit is not None and bool(re.fullmatch(r"\s*\(\s*(?:\w+\s+)?", between))


# "Camp 11", "Block 4", "Route 66", "Flight 370": a number that is part of a name
# (round 6, coxs_bazar_fire). Only digits right after one of these words.
_NAME_HEAD = re.compile(r"\b([A-Z][a-z]+)\s+$")
NAME_HEADS = frozenset(
    {"Camp", "Block", "Sector", "Zone", "Phase", "Route", "Highway", "Road", "Flight", "Gate",
     "Ward", "Unit", "Building", "Tower", "Terminal", "Platform", "Level", "Article", "Section",
     "Resolution", "Chapter", "Protocol", "Brigade", "Battalion", "Division", "Corps",
     "Cell", "Wing", "Pavilion", "Hangar", "Pier", "Berth", "Checkpoint", "Kilometre"}
)  # fmt: skip


def _is_name_number(text: str, n: _Number) -> bool:
    if n.words or n.unit is not None or not text[n.start : n.end].isdigit():
        return False
    head = _NAME_HEAD.search(text, max(0, n.start - 24), n.start)
    if head is None or head.group(1) not in NAME_HEADS:
        return False
    # "Camp 11 in Balukhali", "Route 66." but not "in Gaza 12 people died".
    return bool(_AFTER_NAME.match(text, n.end, n.end + 24))


_AFTER_NAME = re.compile(
    r"(?:\s*[,.;:)]|\s*$|\s+(?:in|at|on|of|near|and|or|was|is|were|had|has|have|with|from|to)\b)"
)


def _is_page_furniture(text: str, lines: Lines, n: _Number) -> bool:
    """A number of the page, not of the news: "Update No. 7", "(412 KB)", "call 0772 000
    111", "GMT+7", a ticker's "USD 497.12 ▲", a widget's "Peshawar 34°C", "at 9.40 p.m."
    and the first number of "three to four days" (round 10: 35 such numbers on
    eval/outside/a-j, none of them gold)."""
    start, end = lines.bounds(n.start)
    line = text[start:end]
    return (
        is_serial_number(text, n.start) or is_file_size(text, n.end)
        or is_phone_group(text, n.start, n.end) or is_time_zone(text, n.start)
        or is_ticker(line) or is_weather_widget(line, n.unit)
        or is_clock_with_dot(text, n.end) or starts_a_time_range(text, n.end)
    )  # fmt: skip


# "half a century", "half an hour": a share of a measure, not of the people or things.
_MEASURE_AFTER = re.compile(r"\s+an?\s+[a-z]", re.I)


def _is_fraction_of_a_measure(text: str, n: _Number) -> bool:
    """ "half a century ago", "flags at half-mast": a fraction that is no share."""
    if not (n.words and n.unit == "percent"):
        return False
    return bool(_MEASURE_AFTER.match(text, n.end) or re.match(r"-[A-Za-z]", text[n.end :]))


# Kin a report describes a family by ("her three children", "we have two small children").
_FAMILY_OWNERS = frozenset({"i", "we", "he", "she", "they"})


def _is_family(doc: Doc, n: _Number) -> bool:
    """ "fled with her three children", "We have two small children": a family described,
    not a count of the situation, unless harm is done to them (round 10: the outside
    writers' "family descriptions are not figures")."""
    if not _is_small_word_count(n):
        return False
    token = _token_at(doc, n.end - 1)
    if token is None or token.dep_ != "nummod" or _casualty_of(token):
        return False
    counted = token.head
    owned = any(c.dep_ == "poss" for c in counted.children)
    had = (
        counted.dep_ == "dobj" and counted.head.lemma_.lower() == "have"
        and any(c.dep_ == "nsubj" and c.lower_ in _FAMILY_OWNERS for c in counted.head.children)
    )  # fmt: skip
    return owned or had


# Nouns whose "of N" is a bar set, not a count: "the emergency threshold of 1 percent".
_BAR_NOUNS = frozenset({"threshold", "benchmark", "standard", "target", "limit", "ceiling"})


def _is_threshold(doc: Doc, n: _Number) -> bool:
    token = _token_at(doc, n.end - 1)
    if token is None:
        return False
    counted = counted_token(token)
    return (
        counted.dep_ == "pobj" and counted.head.lower_ == "of"
        and counted.head.head.lemma_.lower() in _BAR_NOUNS
    )  # fmt: skip


def _is_modifier_compound(text: str, n: _Number) -> bool:
    """ "a five-storey building", "a two-bedroom flat": the number describes a thing."""
    return n.unit is None and bool(re.match(r"-[A-Za-z]", text[n.end : n.end + 2]))


# Word numbers below this count something of note only when they count people or
# casualties: "two bags", "two rival governments", "nine times" are not situation
# figures, "seven children", "wounding nine" are (set on the examples' gold figures).
SMALL_WORD_NUMBER = 10
_CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt", "evacuate", "rescue", "displace"})


def _is_small_word_count(n: _Number) -> bool:
    return n.words and n.unit is None and n.value < SMALL_WORD_NUMBER and not n.approximate


def _is_incidental_small_count(doc: Doc, n: _Number) -> bool:
    if not _is_small_word_count(n):
        return False
    token = _token_at(doc, n.end - 1)
    if token is None:
        return False
    if is_part_of_a_group(token) or harmed_one(token, _is_a_person) or state_after(token):
        return False  # "Two of the dead", "the other four", "one fisherman drowned" (round 10)
    counted = _counted_noun(token)
    if counted is not None:
        # "seven others were injured", "two officials were killed": whatever the noun,
        # a count a casualty verb governs is a toll (round 9; the events engineer's case)
        # "four firefighters", "two fishermen", "three officers" (round 10)
        persons = counted in PEOPLE_NOUNS or counted in _PERSON_NOUNS
        return not persons and counted not in MATERIEL | MUNITIONS and not _casualty_of(token)
    governor = token.head.lemma_.lower()
    return not (governor in _CASUALTY_VERBS or governor in QUANTITY_CUES)


def _casualty_of(token: Token) -> bool:
    counted = _argument(counted_token(token))
    verb, lemma = counted.head, counted.head.lemma_.lower()
    return counted.dep_ in ("nsubj", "nsubjpass", "dobj") and (
        lemma in _CASUALTY_VERBS
        or (QUANTITY_CUES.get(lemma) or GOVERNED_CUES.get(lemma)) in _TOLLS
    ) and verb.pos_ in ("VERB", "ADJ")  # fmt: skip


# What a small count may be the victim of and still count: "three footbridges collapsed".
_TOLLS = frozenset({"killed", "injured", "missing", "arrested", "abducted", "destroyed",
                    "damaged"})  # fmt: skip


def _argument(counted: Token) -> Token:
    """The first of coordinated nouns: "seized 12 farmers and three herders" - the herders
    are seized as the farmers are."""
    while counted.dep_ == "conj" and counted.head.i != counted.i:
        counted = counted.head
    return counted


# --------------------------------------------------------------------------- describing


def _figure(state: DocState, context: FigureContext, n: _Number) -> Figure:
    doc = state.doc
    token = _token_at(doc, n.end - 1) or _token_at(doc, n.start)
    if token is not None and token.i > 0 and token.lower_.rstrip("s") in _NOUN_SCALES:
        token = doc[token.i - 1]  # "1.5 lakh people": the numeral counts the people
    sentence = token.sent if token is not None else doc[:]
    unit, quantity = n.unit, n.quantity
    counted = _counted_noun(token) if token is not None else None
    if token is not None and (_counts_a_people(token) or state_after(token)):
        counted = "people"  # "More than 7.7 million Venezuelans", "Two dead, nine injured"
    # "a magnitude 6.4 earthquake": the quake is what is measured, not counted.
    magnitude = unit is None and token is not None and _is_magnitude(token)
    if unit is None and counted is not None and not magnitude:
        persons = counted in PEOPLE_NOUNS or counted in _PERSON_NOUNS
        unit = "people" if persons else _counted_word(token)
        unit = COUNTED_UNITS.get(counted, unit)
    if counted in MUNITIONS:
        quantity = "munitions"
    elif counted == "patient" and quantity in (None, "other"):
        # "Yesterday we had 110 patients"; "43 patients with gunshot wounds" were hurt
        # (round 9: eval/outside/e's gold)
        quantity = "injured" if _with_injuries(token) else "patients"
    elif counted in _DEAD_BODIES and quantity in (None, "other"):
        quantity = "killed"  # "only five bodies have been recovered" (round 6)
    elif magnitude:
        unit, quantity = "magnitude", "magnitude"
    money = unit in CURRENCY_CODES or counted in CURRENCY_NOUNS
    if money:
        quantity = "aid" if any(t.lemma_.lower() in AID_WORDS for t in sentence) else "other"
    if quantity in (None, "other") and token is not None and not money:
        line = _own_line(sentence, token, context.lines)
        quantity = (
            aid_goods(token, line, counted) or without_utility(token, line)
            or _quantity(line, token, unit) or quantity
        )  # fmt: skip
    counts_no_one = counted is not None and not _counts_people(counted)
    if quantity in PEOPLE_QUANTITIES and counts_no_one and not _harmed_person(token, quantity):
        quantity = "other"  # "1,380 new cases", "29 districts", "612 camps" count no one
    if unit is not None and unit == _counted_word(token) and _harmed_person(token, quantity):
        unit = "people"  # "killed 23 parishioners"
    if quantity is None and counted in COUNTED_QUANTITIES:
        quantity = COUNTED_QUANTITIES[counted]
    if quantity is None:
        quantity = "people" if unit in ("people", "families", "households") else "other"
    if counted == "case" or (token is not None and _risen_to(token) == "case"):
        quantity = "cases"  # "1,246 suspected cholera cases" count the ill, not the dead
    elif unit == "percent" and token is not None and _is_funding_share(token):
        quantity = "funded"
    if quantity in ("returned", "displaced", "evacuated", "killed", "injured", "missing",
                    "population", "patients", "fed", "in need", "abducted", "released",
                    "aid_recipients") and unit is None:  # fmt: skip
        unit = "people"
    return Figure(
        span=Span.of(state.text, n.start, n.end),
        value=n.value,
        approximate=n.approximate,
        unit=unit,
        quantity=quantity,
        place=sentence_place(context.places, sentence),
        time=sentence_time(context.dated, sentence, n.start),
    )


# Scales the parser takes for nouns ("1.5 lakh people": "lakh" is a compound of "people").
_NOUN_SCALES = frozenset({"lakh", "crore"})


def _own_line(sentence: SpacySpan, token: Token, lines: Lines) -> SpacySpan:
    """The sentence cut to the number's line: the parser runs a headline into the lines
    below it ("..., 250,000 without power" is not injured by the next line's "injuring")."""
    start, end = lines.bounds(token.idx)
    if sentence.start_char >= start and sentence.end_char <= end:
        return sentence
    clipped = sentence.doc.char_span(
        max(sentence.start_char, start), min(sentence.end_char, end), alignment_mode="contract"
    )
    return clipped if clipped is not None and len(clipped) else sentence


_DEAD_BODIES = frozenset({"body", "corpse"})
# The unit a counted noun is written in (round 10: the gold of all ten outside writers
# gives "families" and "households" as counted, and deaths, bodies and arrivals in people).
COUNTED_UNITS: dict[str, str] = {
    "family": "families", "household": "households", "death": "people",
    "fatality": "people", "body": "people", "corpse": "people", "arrival": "people",
    "case": "cases",
}  # fmt: skip


# Verbs a count is brought "to": "cases rose to 1,246", "arrivals reached 9,800".
_RISING = frozenset({"rise", "climb", "increase", "reach", "jump", "grow", "fall", "drop"})


def _risen_to(token: Token) -> str | None:
    """What rose to the number: "Suspected cholera cases rose to 1,246" (case)."""
    counted = counted_token(token)
    if counted.dep_ == "pobj" and counted.head.lower_ != "to":
        return None  # "rose to 2,310, with 44 deaths": the deaths are no new value of cases
    verb = counted.head.head if counted.dep_ == "pobj" else counted.head
    if verb.lemma_.lower() not in _RISING:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0].lemma_.lower() if subjects else None


def _is_funding_share(token: Token) -> bool:
    """ "the plan is 14 percent funded", "less than a fifth funded": a share of money."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in ("funded", "financed")


# Quantities that count people: a number that counts anything else is none of them.
PEOPLE_QUANTITIES = frozenset(
    {"killed", "injured", "missing", "displaced", "returned", "evacuated", "population",
     "arrested", "abducted", "released", "aid_recipients"}
)  # fmt: skip
# Nouns that count people (or their dead) without being in PEOPLE_NOUNS (round 5).
_PEOPLE_COUNTS = frozenset(
    {"death", "fatality", "injury", "household", "officer", "policeman", "suspect",
     "militant", "attacker", "gunman", "official", "member", "police", "rescuer", "guard",
     "dead", "wounded", "injured", "life", "soul", "kidnapper", "abductee", "hostage",
     "population", "other", "more", "one", "those",
     # round 9 (eval/outside/c, /e, /f): "killing 17 rebels", "killed 44 worshippers"
     "arrival", "rebel", "worshipper", "terrorist", "insurgent", "combatant", "jihadist",
     "assailant", "bandit", "separatist", "extremist", "serviceman", "sailor", "crew",
     "herder", "fisherman", "trader", "mourner", "shopper", "traveller", "commuter"}
)  # fmt: skip
# Plural nouns of persons the lists above miss ("parishioners", "trainees"); trusted only
# as what a verb of harm did to ("killed 30 parishioners"), as the events stage does.
_PERSON_SUFFIX = re.compile(r"(?:[^e]er|or|ist|ian|ant|ent|ee|man|men)$")
_HARM_QUANTITIES = frozenset({"killed", "injured", "abducted", "arrested", "released"})


def _harmed_person(token: Token | None, quantity: str | None) -> bool:
    """ "gunmen killed 30 parishioners": a verb of harm's plural object or subject that
    reads as a person is one, though no list names it."""
    if token is None:
        return False
    counted = counted_token(token)
    return (
        quantity in _HARM_QUANTITIES and counted.tag_ == "NNS"
        and counted.dep_ in ("dobj", "nsubjpass")
        and bool(_PERSON_SUFFIX.search(counted.lemma_.lower()))
    )  # fmt: skip


# Counted nouns of persons that are not in PEOPLE_NOUNS: their unit is people too
# ("seven others", "Eight gendarmes", "four staff members"; round 9).
_PERSON_NOUNS = (
    frozenset(
        {"officer", "policeman", "suspect", "militant", "attacker", "gunman", "official",
         "member", "police", "rescuer", "guard", "kidnapper", "abductee", "hostage", "other",
         "rebel", "worshipper", "terrorist", "insurgent", "combatant", "jihadist", "assailant",
         "bandit", "separatist", "extremist", "serviceman", "sailor", "herder", "fisherman",
         "trader", "mourner", "shopper", "traveller", "commuter",
         # round 10 (eval/outside/d, f): "three firefighters", "three newborns"
         "firefighter", "paramedic", "newborn", "conductor"}
    )
    | SECURITY_NOUNS
)  # fmt: skip


def _is_a_person(noun: str) -> bool:
    """Whether a noun (a lemma) names a person: "worker", "soldier", "conductor"."""
    return noun in PEOPLE_NOUNS or noun in _PERSON_NOUNS or bool(_PERSON_SUFFIX.search(noun))


def _counts_persons(counted: Token) -> bool:
    """Whether a subject or object counts persons ("63 of those detained", "15 pupils")."""
    if counted.pos_ == "NUM":  # "63 of those detained", "15 of the students"
        of = [o for p in counted.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        if not of:
            return False
        counted = of[0]
    noun = counted.lemma_.lower()
    return noun in PEOPLE_NOUNS or noun in _PERSON_NOUNS or noun in ("those", "they")


def _counts_a_people(token: Token) -> bool:
    """Whether the number counts a nationality or people ("Venezuelans", "Rohingya")."""
    head = token.head if token.dep_ in ("nummod", "quantmod", "compound") else None
    if head is None or head.i == token.i:
        return False
    # "About 2,600 Yazidis": a capitalised plural counted is a people (round 9, outside/d)
    capitalised = head.tag_ == "NNS" and head.is_title and head.i > head.sent.start
    return head.ent_type_ == "NORP" or head.tag_ == "NNPS" or capitalised


def _counts_people(noun: str) -> bool:
    """Whether a counted noun (a lemma) is people or their dead: "295 deaths" is a toll,
    "1,380 cases" is not. Settlements count who moved ("37 settlements" evacuated); a cue
    word the parser took for the noun ("60,000 remain") and odd lemmas get the benefit."""
    return (
        noun in PEOPLE_NOUNS or noun in _PEOPLE_COUNTS or noun in SETTLEMENT_NOUNS
        or noun in QUANTITY_CUES or noun in SECURITY_NOUNS or not noun.isalpha()
    )  # fmt: skip


def _counted_word(token: Token | None) -> str | None:
    """The counted noun as written ("shells", "trucks"): the unit a reader would give."""
    if token is None:
        return None
    if token.dep_ in ("nummod", "quantmod", "amod"):
        return token.head.lower_
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].lower_
    return None


def _is_magnitude(token: Token) -> bool:
    """ "measuring 7.8", "a magnitude 6.1 quake", "7.8-magnitude"."""
    nearby = token.doc[max(0, token.i - 2) : token.i + 3]
    return any(t.lemma_.lower() in ("magnitude", "measure", "richter") for t in nearby)


def _counted_noun(token: Token) -> str | None:
    # "7,000 people" (nummod) or "thousands of people" (of-phrase).
    if token.dep_ in ("nummod", "quantmod", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN":
                return objects[0].lemma_.lower()
    return None


def _quantity(sentence: SpacySpan, token: Token, unit: str | None) -> str | None:
    governed = _governing_cue(token)
    if governed == "patients" and group_quantity(token) is not None:
        governed = None  # "26 of the wounded were being treated": still the wounded
    told = (
        state_after(token) or _told_by_modifier(token) or _told_by_inclusion(token)
        or _told_by_phrase(token)
        or aid_recipients(token) or governed or group_quantity(token)
        or harmed_one(token, _is_a_person)
    )  # fmt: skip
    if told == governed == "population" and _counted_noun(token) in COUNTED_QUANTITIES:
        told = COUNTED_QUANTITIES[str(_counted_noun(token))]  # "240,000 refugees live in"
    lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    if told in ("destroyed", "damaged"):
        return _damage(told, lemmas, _counted_noun(token))
    # "over 80 percent of the population has fled": a share that is the subject of a verb
    # of moving moved (eval/outside/b: 2 of 2); "leaving two-thirds of residents without
    # water" (an object) and a cue merely near a share do not.
    moved_share = told == governed and told in _SHARES_THAT_MOVE and _is_subject(token)
    if told is not None and not (unit == "percent" and told in _NOT_SHARES and not moved_share):
        return told
    cues = sorted(
        ((abs(t.i - token.i), _cue_of(t)) for t in sentence
         if t.lemma_.lower() in QUANTITY_CUES and t.i != token.i),
        key=lambda c: c[0],
    )  # fmt: skip
    if unit == "percent":
        cues = [c for c in cues if c[1] not in _NOT_SHARES]
    if not cues:
        return None
    cue = cues[0][1]
    if cue in ("destroyed", "damaged"):
        return _damage(cue, lemmas, _counted_noun(token))
    return cue


def _damage(cue: str, lemmas: set[str], counted: str | None) -> str:
    """What a "destroyed"/"damaged" cue says of a number: buildings where the sentence
    speaks of buildings; the thing itself where the number counts a thing or a share
    ("three tanks", "six bridges", "90 percent of the city": round 9, eval/events and
    eval/outside/c-f); nothing about a count of people."""
    if lemmas & BUILDING_WORDS or counted in BUILDING_WORDS:
        return f"buildings_{cue}"
    if counted is not None and _counts_people(counted):
        return "other"
    return cue


def _governing_cue(token: Token) -> str | None:
    """The cue verb whose subject or object the number (or what it counts) is: "17
    people were killed and 160 were injured" - 160 is injured, though "killed" is as near."""
    counted = token.head if token.dep_ in ("nummod", "quantmod") else token
    counted = _argument(counted)  # "seized 23 students and two teachers": both seized
    verb = counted.head
    if (
        counted.dep_ == "nsubj"
        and verb.lemma_.lower() == "be"
        and _in_shelters(verb)
        and _sheltered_people(counted)
    ):
        return "displaced"  # "More than 90,000 people are in relief centres" (session 18)
    if counted.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ == "VERB":
        lemma = verb.lemma_.lower()
        if lemma in QUANTITY_CUES:
            return _cue_of(verb)
        if lemma == "treat" and _for_injuries(verb):
            return "injured"  # "more than 400 were treated for injuries"
        return _governed_by_verb(verb, counted)
    return None


# Who may be counted as put up in shelters: people, not their helpers or the beds.
_SHELTERED = frozenset(
    {"people", "person", "resident", "family", "household", "evacuee", "villager",
     "civilian", "refugee", "survivor", "child", "woman", "displaced"}
)  # fmt: skip


def _sheltered_people(noun: Token) -> bool:
    return noun.pos_ == "NUM" or noun.lemma_.lower() in _SHELTERED or noun.lower_ in _SHELTERED


def _in_shelters(verb: Token) -> bool:
    """ "are in relief centres", "were at evacuation sites": a copula placing its subject
    in shelters."""
    return any(
        o.lemma_.lower() in SHELTER_PLACES
        for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
        for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip


# Verbs of going that "back" or "home" make a return (session 18).
_GOING = frozenset({"go", "come", "move", "head", "travel", "stream", "flock", "trickle"})


def _governed_by_verb(verb: Token, counted: Token) -> str | None:
    """What a verb that counts only what it governs says of its subject or object."""
    lemma, noun = verb.lemma_.lower(), counted.lemma_.lower()
    if lemma in ("send", "dispatch") and noun in SECURITY_NOUNS:
        return "deployed"  # "sent some 5,000 soldiers to the region"
    if lemma in ("seek", "take", "find") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("shelter", "refuge") for c in verb.children
    ):
        return "displaced"  # "4,000 people had sought shelter at the mission"
    told = GOVERNED_CUES.get(lemma)
    if told == "released" and not _counts_persons(counted):
        return None  # "the Treasury released Rs. 250 million"
    if told == "displaced" and noun in SECURITY_NOUNS:
        return None  # "3,000 troops crossed the border" moved no one from home
    if lemma == "cross" and any(c.lower_ == "back" for c in verb.children):
        return "returned"  # "165,000 Afghans have crossed back from Pakistan"
    if lemma in _GOING and any(c.lower_ in ("back", "home") for c in verb.children):
        return "returned"  # "about 940,000 have gone back", "800 evacuees went home"
    return told


# round 10: "treated 17 people for cuts and fractures" (eval/outside/h)
_INJURY_WORDS = frozenset(
    {"injury", "wound", "burn", "fracture", "trauma", "cut", "bruise", "laceration",
     "gunshot", "shrapnel"}
)  # fmt: skip


def _for_injuries(verb: Token) -> bool:
    return any(
        o.lemma_.lower() in _INJURY_WORDS
        for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
    )  # fmt: skip


def _with_injuries(token: Token | None) -> bool:
    """ "43 patients with gunshot wounds": the counted noun's "with" names an injury."""
    if token is None:
        return False
    counted = counted_token(token)
    return any(
        o.lemma_.lower() in _INJURY_WORDS
        for p in (*counted.children, *counted.head.children)
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children
    )  # fmt: skip


def _is_subject(token: Token) -> bool:
    counted = token.head if token.dep_ in ("nummod", "quantmod") else token
    return counted.dep_ in ("nsubj", "nsubjpass")


def _cue_of(token: Token) -> str:
    """The quantity a cue word says; "remain"/"live" yield to the cue right after them
    ("remain displaced")."""
    lemma = token.lemma_.lower()
    if lemma == "leave":
        return left_in_state(token) or QUANTITY_CUES[lemma]
    if lemma in _LINKING_CUES and token.i + 1 < len(token.doc):
        word = token.doc[token.i + 1]
        following = word.lemma_.lower()
        if following in QUANTITY_CUES and following not in _LINKING_CUES:
            return QUANTITY_CUES[following]
        # "remain displaced": the parser lemmatises the adjective as itself (round 10)
        if word.lower_ in MODIFIER_QUANTITIES:
            return MODIFIER_QUANTITIES[word.lower_]
    return sheltered(token) or QUANTITY_CUES[lemma]


_EXPELLING = frozenset({"force", "drive", "chase", "push", "uproot", "expel"})


def _told_by_modifier(token: Token) -> str | None:
    """ "53 wounded people", "3,000 displaced families": the counted noun's own modifier;
    "3,000 families left homeless", "the 14 households affected": its participle (round
    9: it outranks the verb that sent them aid; eval/events, eval/outside/e)."""
    if token.dep_ not in ("nummod", "quantmod") or token.head.i == token.i:
        return None
    counted = token.head
    for child in counted.children:
        if child.dep_ in ("amod", "compound") and child.i > token.i:
            told = MODIFIER_QUANTITIES.get(child.lower_)
            if told is not None:
                return told
        if child.dep_ == "acl" and child.i > counted.i and child.lemma_.lower() in QUANTITY_CUES:
            return _cue_of(child)
    return None


def _told_by_inclusion(token: Token) -> str | None:
    """ "killing seven people, including two women, and injuring 29": a part counts what
    the whole it is included in counts (eval/outside/b: "two women" killed, not injured)."""
    counted = token.head if token.dep_ in ("nummod", "quantmod") else token
    including = counted.head
    if counted.dep_ != "pobj" or including.lower_ not in ("including", "among"):
        return None
    whole = including.head
    if not any(c.dep_ in ("nummod", "quantmod") for c in whole.children):
        whole = _last_count_before(including) or whole
    verb = whole.head
    if whole.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in QUANTITY_CUES:
        return _cue_of(verb)
    return None


def _last_count_before(including: Token) -> Token | None:
    """The counted noun nearest before "including" in its sentence: the whole the parser
    failed to hang it on ("54 fighters had been killed since the offensive began,
    including 32 SDF members"; round 9, eval/outside/f)."""
    for t in reversed(including.doc[including.sent.start : including.i]):
        if any(c.dep_ in ("nummod", "quantmod") for c in t.children):
            return t
    return None


def _is_population(counted: Token) -> bool:
    """ "a town of some 20,000 people", "Lashio, which had some 150,000 residents", "the
    town's roughly 25,000 residents" (round 9: a place's residents are its population
    whatever they did; eval/events, eval/outside/a)."""
    if counted.lemma_.lower() in ("resident", "inhabitant") and any(
        c.dep_ == "poss" for c in counted.children
    ):
        return True
    if counted.dep_ == "pobj" and counted.head.lower_ == "of":
        return counted.head.head.lemma_.lower() in POPULATED_NOUNS
    return (
        counted.dep_ == "dobj"
        and counted.head.lemma_.lower() == "have"
        and counted.lemma_.lower() in ("resident", "inhabitant")
    )


_RISING = frozenset({"rise", "climb", "reach", "stand", "grow", "increase", "jump", "pass"})
_TALLIES = frozenset({"number", "total", "count", "tally", "figure"})


def _number_of_shelterers(token: Token) -> str | None:
    """ "The number of people in relief centres nationwide has risen to 94,300": a tally
    of people in shelters is of the displaced (session 18)."""
    counted = token.head if token.dep_ in ("nummod", "quantmod") else token
    if counted.dep_ == "dobj":
        verb = counted.head  # "has passed 94,300"
    elif counted.dep_ == "pobj" and counted.head.lower_ in ("to", "at"):
        verb = counted.head.head  # "has risen to 94,300", "stood at 94,300"
    else:
        return None
    if verb.lemma_.lower() not in _RISING:
        return None
    tally = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if tally is None or tally.lemma_.lower() not in _TALLIES:
        return None
    counted_of = [
        o for p in tally.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj"
    ]  # fmt: skip
    if not any(_sheltered_people(o) for o in counted_of):
        return None  # "the number of volunteers at relief centres", "of beds"
    words = {t.lemma_.lower() for t in tally.subtree}
    return "displaced" if words & SHELTER_PLACES else None


def _told_by_phrase(token: Token) -> str | None:
    """ "home to some 270,000 people" (population), "forcing more than 400,000 from their
    homes" (displaced): phrases that say what a number counts whatever cue is nearer."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ in ("quantmod", "advmod", "nummod", "compound"):
        start -= 1
    if start >= 2 and doc[start - 2].lower_ == "home" and doc[start - 1].lower_ == "to":
        return "population"
    counted = token.head if token.dep_ in ("nummod", "quantmod") else token
    if _is_population(counted):
        return "population"
    sheltering = _number_of_shelterers(token)
    if sheltering is not None:
        return sheltering
    verb = counted.head
    # "forcing 400,000 from their homes", "250,000 people were forced from their homes";
    # the parser may hang "from their homes" on the people ("forced more than 200,000
    # people from their homes ... and killed over 20": session 18).
    if counted.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _EXPELLING:
        from_home = any(
            o.lemma_.lower() in ("home", "house")
            for p in (*verb.children, *counted.children) if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children
        )  # fmt: skip
        if from_home:
            return "displaced"
    return None


def sentence_place(places: PlaceMentions, sentence: SpacySpan) -> str | None:
    """The literal place the sentence names, or the settlement "the town" refers back to."""
    named = places.first_in(sentence.start_char, sentence.end_char)
    if named is not None:
        return named.id
    lowered = sentence.text.lower()
    if any(f"the {noun}" in lowered for noun in SETTLEMENT_NOUNS):
        before = places.last_settlement_before(sentence.start_char)
        return before.id if before is not None else None
    return None


def dated_times(times: list[TimeExpression]) -> Positions[TimeExpression]:
    """The time expressions that give a date (not "today" left unresolved), by start."""
    return Positions(
        (t.span.start, t) for t in times
        if t.kind in ("date", "time") and t.value and not t.value.endswith("_REF")
    )  # fmt: skip


def sentence_time(dated: Positions[TimeExpression], sentence: SpacySpan, near: int) -> str | None:
    """The value of the date in the sentence nearest to character ``near``."""
    inside = dated.between(sentence.start_char, sentence.end_char)
    if not inside:
        return None
    return min(inside, key=lambda t: abs(t.span.start - near)).value
