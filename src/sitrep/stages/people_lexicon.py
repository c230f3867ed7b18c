"""Word lists the people and organisations stage reasons with.

Kept apart from the rules so that extending a list never touches the logic. All
entries are lower case; callers compare lower-cased words.
"""

from __future__ import annotations

import re
from typing import Literal

Gender = Literal["m", "f"]

# Titles before a name, with the gender they tell when they tell one.
TITLES: dict[str, Gender | None] = {
    "mr": "m",
    "mister": "m",
    "sir": "m",
    "ms": "f",
    "mrs": "f",
    "miss": "f",
    "madam": "f",
    "dr": None,
    "prof": None,
    "professor": None,
    "president": None,
    "prime minister": None,
    "minister": None,
    "governor": None,
    "mayor": None,
    "general": None,
    "gen": None,
    "colonel": None,
    "col": None,
    "lieutenant": None,
    "lt": None,
    "captain": None,
    "capt": None,
    "sergeant": None,
    "sgt": None,
    "major": None,
    "senator": None,
    "sen": None,
    "rep": None,
    "judge": None,
    "father": "m",
    "sister": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "pope": "m",
    "rabbi": None,
    "imam": None,
    "sheikh": "m",
}

# Titles that name an office or rank: before a name they are the person's role
# ("Prime Minister X" is a prime minister; "Mr X" and "Sister X" say nothing of one).
OFFICE_TITLES: frozenset[str] = frozenset(
    {"dr", "prof", "professor", "president", "prime minister", "minister", "governor", "mayor",
     "general", "gen", "colonel", "col", "lieutenant", "lt", "captain", "capt", "sergeant", "sgt",
     "major", "senator", "sen", "judge", "king", "queen", "prince", "princess", "pope", "rabbi",
     "imam"}
)  # fmt: skip

# Abbreviated titles and the role noun a later description uses ("Dr. X … the doctor").
TITLE_ROLES: dict[str, str] = {
    "dr": "doctor",
    "prof": "professor",
    "gen": "general",
    "col": "colonel",
    "lt": "lieutenant",
    "capt": "captain",
    "sgt": "sergeant",
    "sen": "senator",
}

# Family and partner nouns: the relation type they give and the gender of the
# person they name ("her brother, X": X is male).
FAMILY: dict[str, tuple[str, Gender | None]] = {
    "brother": ("brother", "m"),
    "sister": ("sister", "f"),
    "son": ("son", "m"),
    "daughter": ("daughter", "f"),
    "father": ("father", "m"),
    "mother": ("mother", "f"),
    "dad": ("father", "m"),
    "mom": ("mother", "f"),
    "mum": ("mother", "f"),
    "husband": ("spouse", "m"),
    "wife": ("spouse", "f"),
    "spouse": ("spouse", None),
    "widow": ("spouse", "f"),
    "widower": ("spouse", "m"),
    "uncle": ("uncle", "m"),
    "aunt": ("aunt", "f"),
    "nephew": ("nephew", "m"),
    "niece": ("niece", "f"),
    "cousin": ("cousin", None),
    "grandson": ("grandchild", "m"),
    "granddaughter": ("grandchild", "f"),
    "grandfather": ("grandparent", "m"),
    "grandmother": ("grandparent", "f"),
    "grandmother's": ("grandparent", "f"),
    "boyfriend": ("partner", "m"),
    "girlfriend": ("partner", "f"),
    "lover": ("partner", None),
    "partner": ("partner", None),
    "fiance": ("partner", "m"),
    "fiancé": ("partner", "m"),
    "fiancee": ("partner", "f"),
    "fiancée": ("partner", "f"),
    "friend": ("friend", None),
    "neighbour": ("neighbour", None),
    "neighbor": ("neighbour", None),
    "colleague": ("colleague", None),
}

# Relations that hold both ways: both people get one.
SYMMETRIC_RELATIONS: frozenset[str] = frozenset(
    {"partner", "spouse", "friend", "neighbour", "colleague", "cousin"}
)

# The other side of a kin relation, by the gender of the person it is given to: when
# Nikita is Anastasia's brother, Anastasia is Nikita's sister (male, female, unknown).
INVERSE_RELATIONS: dict[str, tuple[str, str, str]] = {
    "brother": ("brother", "sister", "sibling"),
    "sister": ("brother", "sister", "sibling"),
    "sibling": ("brother", "sister", "sibling"),
    "son": ("father", "mother", "parent"),
    "daughter": ("father", "mother", "parent"),
    "child": ("father", "mother", "parent"),
    "father": ("son", "daughter", "child"),
    "mother": ("son", "daughter", "child"),
    "parent": ("son", "daughter", "child"),
    "uncle": ("nephew", "niece", "nibling"),
    "aunt": ("nephew", "niece", "nibling"),
    "nephew": ("uncle", "aunt", "aunt or uncle"),
    "niece": ("uncle", "aunt", "aunt or uncle"),
    "grandchild": ("grandparent", "grandparent", "grandparent"),
    "grandparent": ("grandchild", "grandchild", "grandchild"),
}


def inverse_relation(relation_type: str, gender: Gender | None) -> str | None:
    """What the other person is to this one, given the other's gender."""
    forms = INVERSE_RELATIONS.get(relation_type)
    if forms is None:
        return None
    male, female, unknown = forms
    return male if gender == "m" else female if gender == "f" else unknown


# Nouns for a person that say nothing of their office but may say their gender.
PERSON_NOUNS: dict[str, Gender | None] = {
    "lady": "f",
    "woman": "f",
    "girl": "f",
    "man": "m",
    "boy": "m",
    "gentleman": "m",
    "person": None,
    "child": None,
    "teenager": None,
    "youth": None,
    "pensioner": None,
    "victim": None,
    "survivor": None,
}

# Roles a person can be described by. Offices keep their "of X" complement in the
# role ("mayor of Izyum"); residence nouns turn "of X" into the person's place.
OFFICES: frozenset[str] = frozenset(
    {
        "mayor",
        "governor",
        "president",
        "minister",
        "leader",
        "head",
        "chief",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commander",
        "chairman",
        "chairwoman",
        "secretary",
        "ambassador",
        "envoy",
        "representative",
        "official",
        "adviser",
        "advisor",
        "coordinator",
        "deputy",
        "member",
        "senator",
        "candidate",
        "general",
        "prosecutor",
        "founder",
        "manager",
        "editor",
        "correspondent",
    }
)
RESIDENCE_ROLES: frozenset[str] = frozenset(
    {"resident", "native", "inhabitant", "citizen", "villager", "local"}
)
OCCUPATIONS: frozenset[str] = frozenset(
    {
        "soldier",
        "actor",
        "actress",
        "doctor",
        "nurse",
        "surgeon",
        "medic",
        "paramedic",
        "teacher",
        "student",
        "farmer",
        "journalist",
        "reporter",
        "photographer",
        "volunteer",
        "engineer",
        "driver",
        "worker",
        "priest",
        "lawyer",
        "activist",
        "analyst",
        "expert",
        "researcher",
        "fighter",
        "officer",
        "policeman",
        "firefighter",
        "rescuer",
        "pilot",
        "sailor",
        "veteran",
        "shopkeeper",
        "businessman",
        "businesswoman",
        "retiree",
        "mother",
        "father",
        "refugee",
        "evacuee",
        "musician",
        "artist",
        "writer",
        "civilian",
        "miner",
        "fisherman",
        "shepherd",
        "mechanic",
        "electrician",
        "builder",
        "baker",
        "cook",
        "waiter",
        "accountant",
        "economist",
        "scientist",
        "professor",
        "politician",
        "lawmaker",
        "diplomat",
        "resident",
    }
)
ROLE_NOUNS: frozenset[str] = OFFICES | RESIDENCE_ROLES | OCCUPATIONS

# Verbs that introduce what a person said; a name next to one is almost surely a
# speaker (organisations speak too, so this cue alone does not make an ORG a person).
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "explained",
        "explains",
        "recalled",
        "recalls",
        "declared",
        "declares",
        "stated",
        "states",
        "continued",
        "continues",
        "noted",
        "notes",
        "wrote",
        "writes",
        "asked",
        "asks",
        "insisted",
        "insists",
        "warned",
        "warns",
        "claimed",
        "claims",
        "announced",
        "announces",
        "informed",
        "informs",
        "revealed",
        "reveals",
        "admitted",
        "admits",
        "remarked",
        "replied",
        "recounted",
        "shouted",
        "whispered",
        "cried",
        "sighed",
        "posted",
        "tweeted",
        "confirmed",
        "confirms",
        "urged",
        "urges",
        "stressed",
        "stresses",
    }
)

# Capitalised words that are never (part of) a person's name.
NOT_NAMES: frozenset[str] = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "ctrl",
        "alt",
        "enter",
        "shift",
        "advertisement",
        "god",
        "allah",
        "covid",
        "covid-19",
    }
)

# Peoples, ethnic groups and movements named as a group ("Kyrgyz and Tajik forces", "the
# Houthis") that the gazetteer's demonyms lack; never a person. Words that are also
# common personal names ("Karen", "Chin") are left out.
GROUP_NAMES: frozenset[str] = frozenset(
    {"kyrgyz", "tajik", "uzbek", "kazakh", "turkmen", "pashtun", "hazara", "baloch", "baluch",
     "kurd", "kurdish", "yazidi", "druze", "alawite", "houthi", "rohingya", "kachin",
     "rakhine", "bamar", "tigrayan", "amhara", "oromo", "afar", "hausa", "fulani", "igbo",
     "yoruba", "tuareg", "berber", "amazigh", "hutu", "tutsi", "uyghur", "uighur", "tatar",
     "chechen", "abkhaz", "ossetian", "icelandic", "sunni", "shia", "shiite", "palestinian",
     "masalit", "zaghawa", "nuer", "dinka", "rohingyas"}
)  # fmt: skip

# Organisations whose kind the stage knows by name.
KNOWN_ORGS: dict[str, str] = {
    "afp": "media",
    "agence france-presse": "media",
    "agence france presse": "media",
    "reuters": "media",
    "ap": "media",
    "associated press": "media",
    "the associated press": "media",
    "bbc": "media",
    "cnn": "media",
    "al jazeera": "media",
    "ukrinform": "media",
    "interfax": "media",
    "tass": "media",
    "ria novosti": "media",
    "xinhua": "media",
    "dpa": "media",
    "efe": "media",
    "anadolu": "media",
    "anadolu agency": "media",
    "the new york times": "media",
    "new york times": "media",
    "the guardian": "media",
    "the washington post": "media",
    "washington post": "media",
    "nato": "military alliance",
    "un": "un agency",
    "united nations": "un agency",
    "unhcr": "un agency",
    "unicef": "un agency",
    "ocha": "un agency",
    "wfp": "un agency",
    "world food programme": "un agency",
    "who": "un agency",
    "world health organization": "un agency",
    "iom": "un agency",
    "unrwa": "un agency",
    "undp": "un agency",
    "security council": "un agency",
    "un security council": "un agency",
    "red cross": "ngo",
    "icrc": "ngo",
    "international committee of the red cross": "ngo",
    "red crescent": "ngo",
    "msf": "ngo",
    "medecins sans frontieres": "ngo",
    "médecins sans frontières": "ngo",
    "doctors without borders": "ngo",
    "amnesty international": "ngo",
    "human rights watch": "ngo",
    "save the children": "ngo",
    "oxfam": "ngo",
    "care": "ngo",
    "norwegian refugee council": "ngo",
    "international rescue committee": "ngo",
    "eu": "intergovernmental",
    "european union": "intergovernmental",
    "european commission": "intergovernmental",
    "osce": "intergovernmental",
    "african union": "intergovernmental",
    "world bank": "intergovernmental",
    "imf": "intergovernmental",
    "kremlin": "government",
    "pentagon": "government",
    "white house": "government",
    "hamas": "armed group",
    "hezbollah": "armed group",
    "wagner": "armed group",
    "rsf": "armed group",
    "rapid support forces": "armed group",
    "islamic state": "armed group",
    "isis": "armed group",
    "taliban": "armed group",
    "idf": "military",
}

# The head word of an organisation's name and the kind it tells ("Ministry of
# Defence" -> government). Checked word by word, the last match wins.
ORG_HEADS: dict[str, str] = {
    "ministry": "government",
    "government": "government",
    "administration": "government",
    "council": "government",
    "parliament": "government",
    "police": "government",
    "authority": "government",
    "authorities": "government",
    "service": "government",
    "office": "government",
    "department": "government",
    "army": "military",
    "forces": "military",
    "military": "military",
    "navy": "military",
    "brigade": "military",
    "battalion": "military",
    "regiment": "military",
    "command": "military",
    "agency": "government",
    "news": "media",
    "press": "media",
    "times": "media",
    "post": "media",
    "tv": "media",
    "television": "media",
    "radio": "media",
    "newspaper": "media",
    "broadcaster": "media",
    "foundation": "ngo",
    "charity": "ngo",
    "committee": "ngo",
    "crescent": "ngo",
    "cross": "ngo",
    "bank": "company",
    "company": "company",
    "group": "company",
    "inc": "company",
    "ltd": "company",
    "university": "education",
    "school": "education",
    "hospital": "health",
    "clinic": "health",
}

# Nouns for the members of a fighting force; "Russian troops" is a collective actor.
FORCE_NOUNS: frozenset[str] = frozenset(
    {
        "troops",
        "forces",
        "soldiers",
        "army",
        "military",
        "servicemen",
        "units",
        "fighters",
        "militants",
        "paratroopers",
        "marines",
        "artillery",
    }
)
# Modifiers of "authorities"/"officials" that make a collective government actor.
AUTHORITY_MODIFIERS: frozenset[str] = frozenset(
    {"local", "regional", "city", "municipal", "military", "national", "federal", "state"}
)

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# An age as digits or words: "41", "twenty-six", "Sixty two", "one hundred and two".
AGE_WORDS = (
    r"(?:\d{1,3}|(?:one\s+hundred(?:\s+and)?[\s-]+)?"
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:" + "|".join(list(_UNITS)[1:10]) + r"))?"
    r"|" + "|".join(_UNITS) + r")|one\s+hundred)"
)
# Oldest age the stage believes; larger numbers next to "-year-old" are something else.
MAX_AGE = 120


def parse_age(words: str) -> int | None:
    """The number an age phrase spells ("Twenty-six" -> 26, "41" -> 41), or None."""
    words = words.strip().lower()
    if words.isdigit():
        value = int(words)
        return value if value <= MAX_AGE else None
    total = 0
    for word in re.split(r"[\s-]+", words):
        if word == "and":
            continue
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        else:
            return None
    return total if 0 < total <= MAX_AGE else None
