"""Vocabulary of the events stage: event types, their trigger words, and the words that
tell an actor's side.

The event types map onto ACLED and PLOVER (see docs); ``other`` is for what fits none.
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    "recapture", "capture", "occupation", "shelling", "airstrike", "attack", "armed_clash",
    "siege", "displacement", "return", "evacuation", "infrastructure_damage",
    "humanitarian_access_blocked", "aid", "protest", "disaster", "arrest", "other",
)  # fmt: skip

VERB_TRIGGERS: dict[str, str] = {
    "reclaim": "recapture", "retake": "recapture", "retook": "recapture", "recapture": "recapture",
    "liberate": "recapture", "regain": "recapture",
    "capture": "capture", "seize": "capture", "overrun": "capture", "conquer": "capture",
    "occupy": "occupation",
    "shell": "shelling", "bombard": "shelling", "pound": "shelling",
    "bomb": "airstrike", "airstrike": "airstrike",
    "attack": "attack", "assault": "attack", "raid": "attack", "storm": "attack",
    "ambush": "attack", "strike": "attack",
    "clash": "armed_clash", "fight": "armed_clash", "battle": "armed_clash",
    "besiege": "siege", "encircle": "siege", "blockade": "siege", "surround": "siege",
    "flee": "displacement", "displace": "displacement", "uproot": "displacement",
    "camp": "displacement",
    "return": "return",
    "evacuate": "evacuation",
    "protest": "protest", "demonstrate": "protest", "rally": "protest",
    "arrest": "arrest", "detain": "arrest",
    "destroy": "infrastructure_damage", "damage": "infrastructure_damage",
    "demolish": "infrastructure_damage", "raze": "infrastructure_damage",
    "cut": "infrastructure_damage", "sever": "infrastructure_damage",
    "deliver": "aid", "distribute": "aid", "release": "aid", "send": "aid", "airlift": "aid",
    "airdrop": "aid", "reach": "aid", "arrive": "aid", "provide": "aid", "take": "capture",
}  # fmt: skip
# "take" is a capture only when what is taken is ground ("had taken a village").
GROUND_VERBS = frozenset({"take"})
GROUND = frozenset(
    {"village", "town", "city", "settlement", "territory", "position", "hill", "district",
     "suburb", "outskirt", "area", "airport", "base", "bridgehead", "region"}
)  # fmt: skip
# Verbs that are an aid event only when what moves is aid ("the convoy reached the city").
AID_VERBS = frozenset(
    {"deliver", "distribute", "release", "send", "airlift", "airdrop", "reach", "arrive",
     "provide"}
)  # fmt: skip
AID_THINGS = frozenset(
    {"aid", "convoy", "truck", "food", "medicine", "supply", "fund", "assistance", "relief",
     "shipment", "ration", "tent", "package", "delivery", "consignment"}
)  # fmt: skip
NOUN_TRIGGERS: dict[str, str] = {
    "recapture": "recapture", "liberation": "recapture", "capture": "capture",
    "takeover": "capture", "seizure": "capture", "occupation": "occupation",
    "shelling": "shelling", "bombardment": "shelling", "airstrike": "airstrike",
    "bombing": "airstrike", "attack": "attack", "assault": "attack", "offensive": "attack",
    "counteroffensive": "attack", "raid": "attack", "fighting": "armed_clash",
    "clash": "armed_clash", "battle": "armed_clash", "combat": "armed_clash",
    "siege": "siege", "blockade": "siege", "exodus": "displacement",
    "displacement": "displacement", "evacuation": "evacuation", "return": "return",
    "protest": "protest", "demonstration": "protest", "arrest": "arrest",
    "earthquake": "disaster", "quake": "disaster", "flood": "disaster", "flooding": "disaster",
    "hurricane": "disaster", "cyclone": "disaster", "typhoon": "disaster",
    "wildfire": "disaster", "landslide": "disaster", "tsunami": "disaster",
    "drought": "disaster", "eruption": "disaster", "floodwater": "disaster",
    "storm": "disaster", "mudslide": "disaster", "aftershock": "disaster",
    "airdrop": "aid",
    "blackout": "infrastructure_damage", "outage": "infrastructure_damage",
}  # fmt: skip
# Airstrike when an attack noun has one of these as modifier ("drone strike").
AIR_MODIFIERS = frozenset({"air", "drone", "missile", "rocket", "aerial"})
# Objects that make "destroy"/"damage" infrastructure damage.
INFRASTRUCTURE = frozenset(
    {"bridge", "hospital", "school", "residence", "building", "home", "house", "road",
     "railway", "station", "plant", "dam", "power", "water", "gas", "electricity", "grid",
     "infrastructure", "pipeline", "port", "airport", "structure", "apartment", "church",
     "facility", "line", "substation", "tower", "network"}
)  # fmt: skip
UTILITIES = frozenset(
    {"water", "power", "electricity", "gas", "heating", "heat", "internet", "energy",
     "communication", "connection", "signal", "light"}
)  # fmt: skip
# "Power lines are down", "the water is off": a utility out of service.
OUT_OF_SERVICE = frozenset({"down", "out", "off", "cut", "offline"})
# "after weeks of fighting": a span of time, the setting of another event.
DURATION_NOUNS = frozenset({"day", "week", "month", "year", "decade"})
OUTAGE_NOUNS = frozenset({"cut", "outage", "blackout", "disruption", "shortage"})
AID_ACCESS_NOUNS = frozenset(
    {"passage", "corridor", "access", "aid", "assistance", "convoy", "delivery"}
)  # fmt: skip
BLOCKING_VERBS = frozenset({"block", "deny", "obstruct", "prevent", "halt", "stop", "bar"})
# "thousands remain displaced/homeless": displacement told as a state of its people.
DISPLACED_STATES = frozenset({"displaced", "homeless", "camped", "stranded"})
# Events of people moving need people as their subject ("life returns to normal" is not).
MOVEMENT_TYPES = frozenset({"return", "displacement"})

HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would"})
PLAN_VERBS = frozenset(
    {"plan", "threaten", "intend", "aim", "vow", "prepare", "seek", "pledge", "promise"}
)  # fmt: skip
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
SPEECH_VERBS = frozenset(
    {"say", "add", "tell", "claim", "report", "state", "continue", "declare", "announce",
     "allege", "accuse", "insist", "write", "confirm", "explain", "recount", "inform"}
)  # fmt: skip

MILITARY_NOUNS = frozenset(
    {"force", "troop", "soldier", "army", "military", "unit", "fighter", "paratrooper",
     "battalion", "brigade", "marine", "commander", "navy", "airforce", "militia"}
)  # fmt: skip
GOVERNMENT_NOUNS = frozenset(
    {"government", "authority", "ministry", "official", "president", "administration",
     "regime", "cabinet", "leadership"}
)  # fmt: skip
POLICE_NOUNS = frozenset({"police", "policeman", "officer", "guard"})
# Demonyms, countries and seats of government -> the country (the side).
SIDES: dict[str, str] = {
    "russia": "Russia", "russian": "Russia", "russians": "Russia",
    "ukraine": "Ukraine", "ukrainian": "Ukraine", "ukrainians": "Ukraine",
    "israel": "Israel", "israeli": "Israel", "israelis": "Israel",
    "syria": "Syria", "syrian": "Syria", "sudan": "Sudan", "sudanese": "Sudan",
    "iran": "Iran", "iranian": "Iran", "turkey": "Turkey", "turkish": "Turkey",
    "china": "China", "chinese": "China", "belarus": "Belarus", "belarusian": "Belarus",
    "us": "United States", "u.s.": "United States", "american": "United States",
    "americans": "United States", "britain": "United Kingdom", "british": "United Kingdom",
    "france": "France", "french": "France", "germany": "Germany", "german": "Germany",
    "myanmar": "Myanmar", "ethiopia": "Ethiopia", "ethiopian": "Ethiopia",
    "afghanistan": "Afghanistan", "afghan": "Afghanistan", "lebanon": "Lebanon",
    "lebanese": "Lebanon", "yemen": "Yemen", "yemeni": "Yemen", "iraq": "Iraq",
    "iraqi": "Iraq", "palestinian": "Palestine", "palestinians": "Palestine",
}  # fmt: skip
CAPITALS: dict[str, str] = {
    "moscow": "Russia", "kremlin": "Russia", "kyiv": "Ukraine", "kiev": "Ukraine",
    "washington": "United States", "beijing": "China", "tehran": "Iran",
    "damascus": "Syria", "khartoum": "Sudan", "minsk": "Belarus", "ankara": "Turkey",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany",
}  # fmt: skip
