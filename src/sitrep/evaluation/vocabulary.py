"""The gold format's vocabularies and the words sitrep (or any extractor) may use for them."""

from __future__ import annotations

# sitrep's event vocabulary (and common synonyms) -> the gold vocabulary: attack, shelling,
# airstrike, battle, capture, recapture, displacement, return, protest, disaster, aid, other.
EVENT_TYPES: dict[str, str] = {
    "attack": "attack",
    "violence_against_civilians": "attack",
    "killing": "attack",
    "massacre": "attack",
    "bombing": "attack",
    "explosion": "attack",
    "shelling": "shelling",
    "artillery": "shelling",
    "rocket_attack": "shelling",
    "airstrike": "airstrike",
    "air_strike": "airstrike",
    "drone_strike": "airstrike",
    "missile_strike": "airstrike",
    "battle": "battle",
    "clash": "battle",
    "armed_clash": "battle",
    "fighting": "battle",
    "offensive": "battle",
    # A siege is sustained fighting around a place (ACLED codes its clashes as battles).
    "siege": "battle",
    "capture": "capture",
    "occupation": "capture",
    "seizure": "capture",
    "takeover": "capture",
    "recapture": "recapture",
    "liberation": "recapture",
    "displacement": "displacement",
    "evacuation": "displacement",
    "flight": "displacement",
    "return": "return",
    "protest": "protest",
    "demonstration": "protest",
    "riot": "protest",
    "disaster": "disaster",
    "flood": "disaster",
    "earthquake": "disaster",
    "storm": "disaster",
    "wildfire": "disaster",
    "landslide": "disaster",
    "drought": "disaster",
    "aid": "aid",
    "aid_delivery": "aid",
    "humanitarian_aid": "aid",
    # Kinds the gold vocabulary has no word for.
    "infrastructure_damage": "other",
    "humanitarian_access_blocked": "aid",
    "arrest": "other",
    "other": "other",
}

# The gold format's event types (shared/spec/GOLD_FORMAT.md).
GOLD_EVENT_TYPES = frozenset(
    {"attack", "shelling", "airstrike", "battle", "capture", "recapture", "displacement",
     "return", "protest", "disaster", "aid", "other"}
)  # fmt: skip

# "attack" is the umbrella of remote violence (ACLED's "Explosions/Remote violence"):
# a gold attack is matched by a predicted shelling or airstrike and the other way round.
ATTACK_KINDS = frozenset({"attack", "shelling", "airstrike"})

# Figure quantities written several ways; each word maps to the gold's "what".
QUANTITY_SYNONYMS: dict[str, str] = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "death": "killed",
    "died": "killed", "fatalities": "killed", "toll": "killed", "bodies": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "displaced": "displaced", "fled": "displaced", "evacuated": "displaced",
    "displacement": "displaced", "refugees": "displaced", "left": "displaced",
    "evacuation": "displaced", "returned": "returned", "return": "returned",
    "returnees": "returned", "population": "population", "residents": "population",
    "inhabitants": "population", "remain": "population", "missing": "missing",
    "distance": "distance", "destroyed": "destroyed", "damaged": "destroyed",
    "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "detentions": "arrested", "patients": "patients", "treated": "patients",
    "abducted": "abducted", "kidnapped": "abducted", "abductions": "abducted",
    "released": "released", "freed": "released",
    "cases": "cases", "infected": "cases", "infections": "cases",
}  # fmt: skip

UNIT_SYNONYMS: dict[str, str] = {
    "people": "people", "person": "people", "persons": "people", "civilians": "people",
    "residents": "people", "children": "people", "soldiers": "people",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "percent": "percent", "%": "percent", "per cent": "percent", "pct": "percent",
}  # fmt: skip
