"""Context cues around a candidate place mention, read off spaCy's tokens and parse.

Each function looks at one mention (a token span) and answers one question: does
the context say "place", "person", "region", or "the name stands for a government
or army" (metonymy)? The word lists are small on purpose: each entry is a cue that
English news uses, not a guess about one text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (keeps long lists readable)."""
    return frozenset(text.split())


# "in Izyum", "near the Donbas area", "fled to Kharkiv".
LOCATIVE_PREPOSITIONS = _words(
    """
    across around at between from in inside into near nearby onto outside through
    throughout to toward towards via within
    """
)
# "according to X", "due to X", "thanks to the X": a preposition that locates nothing.
NOT_LOCATIVE_BEFORE = _words("according due owing thanks compared")
# Words joining names in a coordination ("in Labé and Kankan"), and how many tokens back
# from the last name its locative preposition may stand.
COORDINATORS = frozenset({"and", "or"})
COORDINATION_REACH = 10
# Nouns that name a kind of place: "the city of X", "their home city, X", "X, a town".
PLACE_NOUNS = _words(
    """
    area camp capital city country county dam district hamlet hometown hub island
    municipality oblast outpost port province region republic settlement state stronghold
    suburb territory town village
    """
)
# Nouns of events done to a place, before "of": "the shelling of Kherson" (round 23).
EVENT_NOUNS_OF_PLACES = _words(
    """
    shelling bombardment bombing capture recapture fall siege evacuation liberation
    occupation invasion blockade encirclement storming control
    """
)
# Verbs whose object is a place when it is a place name: "fled Rafah", "shelled Kherson".
PLACE_OBJECT_VERBS = _words(
    """
    flee shell bomb retake recapture capture seize storm overrun evacuate enter besiege
    encircle liberate raid strike hit pound lash batter swamp inundate ravage devastate
    engulf submerge
    """
)
# Attacks said to be "on" a place: "strikes on Rafah", "the assault on Bakhmut".
ATTACK_NOUNS_ON_PLACES = _words(
    """
    strike strikes airstrike airstrikes attack attacks assault assaults raid raids offensive
    bombardment shelling bombing march advance push
    """
)
# Sites a place owns, after "X's" and one adjective: "Kherson's central market".
_POSSESSED_SITES = _words("market hospital square station port airport bridge district")
# A place hit as the subject: "Kharkiv was hit by missiles", "X came under shelling".
_HIT_VERBS = _words("hit strike shell bomb attack pound target raid")
# Disasters named after where they struck: "the Wenchuan earthquake", "the Kerala floods"
# (storms are named after people: "Cyclone Idai" names no place).
_DISASTERS_NAMED_BY_PLACE = _words("earthquake quake floods flood landslide landslides mudslide")
_PLACE_WEAPONS = _words(
    "missile missiles drone drones rocket rockets shell shells artillery airstrike airstrikes "
    "strike strikes bomb bombs mortar mortars shelling"
)
# Irregular pasts the model may read as nouns ("The army retook Wad Madani").
_IRREGULAR_PLACE_VERBS = frozenset({"retook", "overran"})
# "the villages of Kok-Tash and Samarkandyk": kinds of place that head a coordination.
PLACE_NOUN_PLURALS = _words("villages towns cities hamlets districts provinces")
DIRECTION_ADJECTIVES = _words(
    """
    northern southern eastern western central northeastern northwestern southeastern
    southwestern
    """
)
# "X's mayor", "the outskirts of X": nouns that belong to places, not people.
PLACE_PARTS = _words(
    """
    airport border borders capital center centre city coast districts downtown east
    governor harbor harbour heart inhabitants mayor neighborhoods neighbourhoods north
    northeast northwest oblast outskirts population port province railway region regions
    residents south southeast southwest station streets suburbs territory west
    """
)
# "a Kyiv-based group", "Gaza-born": only a place is where something is based or born.
PLACE_ADJECTIVE_HEADS = frozenset({"based", "born", "bound", "headquartered"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Words after a name that make it a region: "Kharkiv region", "the Kharkiv regional ...".
REGION_WORDS = frozenset({"region", "oblast", "province", "governorate", "area"})
# Lower administrative units written after their name in lower case ("Nahrin district",
# "the Djugu territory", "Jablanica municipality"; ``places_units_r15``).
ADMIN_UNIT_WORDS = frozenset({"district", "department", "territory", "municipality", "county"})
REGION_PLURALS = frozenset({"regions", "oblasts", "provinces", "governorates", "areas"})
# "the Dnipro river": the word after a name that makes it a body of water.
WATER_WORDS = frozenset({"river"})
# "from Pibor town", "in Idlib city": written in lower case after a name, the word that
# names the settlement as against its district or governorate.
SETTLEMENT_WORDS = frozenset({"city", "town"})
# "the Fergana Valley": the word after a name that makes it a valley, an area.
VALLEY_WORDS = frozenset({"valley"})
REGION_ADJECTIVES = frozenset({"regional", "oblast"})

# Person cues.
TITLES = _words(
    """
    actor actress ambassador brother capt captain chancellor coach col colonel commander
    dr father gen general governor judge king lady lord lt madam mayor minister miss mr
    mrs ms officer pope premier president prince princess prof queen rep sen senator
    sergeant sgt sir sister spokesman spokeswoman
    """
)
SPEECH_VERBS = _words(
    """
    add admit answer ask continue cry describe explain insist laugh note recall recount
    remember reply say shout sigh smile tell whisper write
    """
)
# "Volodymyr's life", "Anastasia's hope": possessed nouns that belong to people.
PERSONAL_POSSESSIONS = _words(
    """
    account age apartment aunt birthday body boyfriend brother car career cat child
    children cousin daughter death dog eyes face family father fiance fiancee friend
    friends funeral girlfriend grandfather grandmother heart home hope hopes house
    husband lawyer life memories mind mother name nephew niece parents partner phone
    relatives sister son story uncle voice widow wife words
    """
)
# "X, a resident of the town", "X, a 62-year-old": apposed nouns that describe people.
PERSON_NOUNS = _words(
    """
    actor actress analyst artist athlete baker boy brother builder businessman
    businesswoman chef chief child cleaner commander cook dad daughter deputy director
    doctor driver electrician engineer expert farmer father father-of-two fighter
    firefighter founder friend girl grandfather grandmother guard head husband
    journalist lawmaker lawyer leader lecturer local man manager mechanic medic member
    miner mom mother mother-of-two mum musician neighbor neighbour nurse officer
    official owner paramedic pensioner pilot player politician priest professor refugee
    rescuer researcher resident retiree sailor scientist shopkeeper singer sister
    soldier son spokesman spokesperson spokeswoman student surgeon survivor teacher
    veteran volunteer widow wife woman worker writer
    """
)
_AGE = re.compile(r"^\d{1,3}(-year-old)?$|-year-old$")

# Metonymy: a place name standing for its government, army or people.
# Possessed nouns that make the possessor an actor: "Moscow's invasion", "Kyiv's forces".
ACTOR_POSSESSIONS = _words(
    """
    accusations advance advances aggression aid allies ally ambassador annexation army
    assault attack attacks authorities backing bid blockade bombardment budget campaign
    ceasefire claim claims counter-offensive counteroffensive decision defence defenders
    defense delegation demands diplomats drones economy efforts envoy fleet force forces
    foreign gains government intelligence invasion leader leaders leadership losses
    membership military ministry missile missiles navy negotiators occupation offensive
    officials parliament partners plan plans policy position president prime proposal
    regime response retreat sanctions shelling soldiers statement strike strikes support
    threat threats troops war warning withdrawal
    """
)
# Verbs whose subject acts like a government: "Moscow said", "Washington imposed sanctions".
ACTOR_VERBS = _words(
    """
    accuse advance agree aim annex announce approve attack ban believe blame bomb boost
    call capture claim condemn continue decide declare deliver demand deny deploy expel
    fight fire hit hope impose insist intend invade launch lose mobilise mobilize
    negotiate occupy offer order plan pledge promise propose protest provide push
    recapture reclaim recognise recognize refuse reject respond retake retaliate retreat
    sanction say seek seize send shell sign step strike summon supply target threaten
    try unite urge veto vow want warn win withdraw
    """
)
# Verbs whose subject a place is as a location, a host or a sufferer, not as an actor:
# "Kyiv has two airports", "Kabul saw heavy rain", "Bangui remains calm".
UNDERGOING_VERBS = _words(
    """
    appear be become border brace burn come endure experience face fall feel flood freeze
    get go have hear host lie look lose receive record remain rise see seem shake sit
    stand stay suffer swelter wake witness
    """
)
# Verbs whose object acts like a government: "sanctioned Russia", "enable Russia to ...".
ACTOR_OBJECT_VERBS = _words(
    """
    accuse allow arm ask back blame call condemn criticise criticize defeat enable fight
    force help invite isolate join persuade pressure punish push sanction support thank
    urge warn
    """
)
# "fighting with Russia", "talks with Kyiv", "sanctions against Moscow".
ACTOR_PARTNER_HEADS = _words(
    """
    agreement battle border ceasefire clash clashes conflict deal dialogue fight
    fighting negotiation negotiations relation relations sanction sanctions talk talks
    tension tensions ties treaty war
    """
)


# "the Atlantic", "the tropical Atlantic", "The eastern tropical Pacific": the article and
# up to two lower-case modifiers right before a name.
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}$")
# How much text before a name ``follows_article`` reads.
_ARTICLE_WINDOW = 40


def follows_article(text: str, start: int) -> bool:
    """The name starting at ``start`` has "the" before it ("the tropical Atlantic")."""
    return bool(_ARTICLE_BEFORE.search(text, max(0, start - _ARTICLE_WINDOW), start))


# Money written in one country's way: the text's locale, a weak prior for its namesakes.
# "$" alone is the US dollar unless another country's prefix stands before it ("C$", "A$",
# "NZ$", "HK$", "S$"; "US$" stays the US); "£" Britain; "₴"/"hryvnias" Ukraine. Each
# pattern runs only where one of its trigger strings occurs (a plain substring test: the
# patterns' scans of every text were a fifth of gold-span resolution's time).
_LOCALE_MONEY: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    (("$",), re.compile(r"(?<![A-Za-z])(?:US)?\$\s?\d"), "US"),
    (("£", "pence", "sterling"), re.compile(r"£\s?\d|\d\s?(?:pence|pounds sterling)\b"), "GB"),
    (("C$", "Canadian dollar"), re.compile(r"(?<![A-Za-z])C\$\s?\d|\bCanadian dollars?\b"), "CA"),
    (
        ("A$", "Australian dollar"),
        re.compile(r"(?<![A-Za-z])A\$\s?\d|\bAustralian dollars?\b"),
        "AU",
    ),
    (("NZ$",), re.compile(r"(?<![A-Za-z])NZ\$\s?\d"), "NZ"),
    (
        ("₹", "rupee", "crore", "lakh", "Rs"),
        re.compile(r"₹\s?\d|\d\s?(?:rupees|crore|lakh)\b|\bRs\.?\s?\d"),
        "IN",
    ),
    (("₴", "hryvnia"), re.compile(r"₴\s?\d|\d\s?hryvnias?\b"), "UA"),
    (("₦", "naira"), re.compile(r"₦\s?\d|\d\s?naira\b"), "NG"),
)


def locale_countries(text: str) -> frozenset[str]:
    """Countries whose money the text is written in ("$12,000" -> US)."""
    return frozenset(
        country
        for triggers, pattern, country in _LOCALE_MONEY
        if any(t in text for t in triggers) and pattern.search(text)
    )


# "DeKalb County", "Rapides Parish" when only the name is the toponym; "Baker, Charlton and
# Nassau counties": each name of a coordination ending in the plural.
_NAME = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*"
_COUNTY_AFTER = re.compile(
    rf"(?:\s*,\s*{_NAME})*(?:\s*,)?(?:\s+(?:and|or|&)\s+{_NAME})?\s+"
    r"(?i:(county|parish|counties|parishes))\b"
)
_COUNTY_SINGULAR = {
    "counties": "County",
    "parishes": "Parish",
    "county": "County",
    "parish": "Parish",
}


def county_word_after(after: str) -> str | None:
    """ "County" or "Parish" where the text right after a name (``after``) makes it a
    county's name: "DeKalb County", "Baker, Charlton and Nassau counties"."""
    found = _COUNTY_AFTER.match(after)
    return _COUNTY_SINGULAR[found.group(1).lower()] if found else None


def lower_at(doc_tokens: SpacySpan, i: int) -> str:
    """Lower-cased text of token ``i`` of the doc, or "" beyond its edges."""
    doc = doc_tokens.doc
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _token(span: SpacySpan, i: int) -> Token | None:
    doc = span.doc
    return doc[i] if 0 <= i < len(doc) else None


def same_sentence(doc: Doc, i: int, j: int) -> bool:
    """Tokens ``i`` and ``j`` lie in one sentence: no sentence starts after the first of
    them up to the second. Cheaper than comparing ``Token.sent``, which builds the whole
    sentence span on every call (a fifth of the stage's time when it was used)."""
    lo, hi = (i, j) if i <= j else (j, i)
    return not any(doc[k].is_sent_start for k in range(lo + 1, hi + 1))


def _strip_dot(word: str) -> str:
    return word.rstrip(".")


def preceded_by_place_word(span: SpacySpan) -> bool:
    """ "the city of X", "near X", "their home city, X", "the village X"."""
    before = _token(span, span.start - 1)
    if before is None or not same_sentence(span.doc, before.i, span.start):
        return False
    prev2 = lower_at(span, span.start - 2)
    if before.lower_ in LOCATIVE_PREPOSITIONS:
        return prev2 not in NOT_LOCATIVE_BEFORE
    if before.lower_ in COORDINATORS and _coordinated_with_located_name(span):
        return True
    if before.lower_ == "of" and prev2 in PLACE_NOUNS | PLACE_PARTS | PLACE_NOUN_PLURALS:
        return True
    if before.lower_ == "of" and prev2 == "out":
        return True  # "the road out of Oruro", "fled out of Kherson"
    if before.lower_ == "on" and prev2 in ATTACK_NOUNS_ON_PLACES:
        return True  # "Israeli strikes on Rafah", "the assault on Bakhmut" (round 23)
    if before.lower_ == "of" and prev2 in EVENT_NOUNS_OF_PLACES:
        return True  # "Russian shelling of Kherson", "the fall of Kidal" (round 23)
    if (before.pos_ == "VERB" and before.lemma_.lower() in PLACE_OBJECT_VERBS) or (
        before.lower_ in _IRREGULAR_PLACE_VERBS
    ):
        # "fled Rafah", "retook Wad Madani", "Russian missiles struck Kharkiv": the model
        # tags such names PERSON (round 23); a gazetteer place is still asked for.
        return True
    # "in central Mali", "across northern Mozambique": a direction between preposition and
    # name (the model tags such names PERSON or ORG more often than bare ones).
    if before.lower_ in DIRECTION_ADJECTIVES and prev2 in LOCATIVE_PREPOSITIONS:
        return lower_at(span, span.start - 3) not in NOT_LOCATIVE_BEFORE
    if before.lower_ == "," and prev2 in PLACE_NOUNS:
        return True
    # "in the Donbas area", "near the besieged town": a determiner after a preposition.
    if before.lower_ in {"the", "a"} and prev2 in LOCATIVE_PREPOSITIONS:
        return lower_at(span, span.start - 3) not in NOT_LOCATIVE_BEFORE
    # "the village Yahidne"; not "City" of "the Athens City Council" (a name's own word).
    return before.lower_ in PLACE_NOUNS and before.tag_.startswith("NN") and before.is_lower


def _coordinated_with_located_name(span: SpacySpan) -> bool:
    """ "in Labé and Kankan": the preposition before a coordination of names locates each
    of them (the model tags the second name a person). Only "and"/"or" join: after a comma
    a name may be the subject ("In Kyiv, Zelensky said")."""
    doc = span.doc
    j = span.start - 2  # the word before "and"
    names = 0
    while j >= 0 and j > span.start - COORDINATION_REACH and same_sentence(doc, j, span.start):
        word = doc[j]
        if word.lower_ in LOCATIVE_PREPOSITIONS:
            return names > 0 and lower_at(span, j - 1) not in NOT_LOCATIVE_BEFORE
        if word.lower_ == "of" and lower_at(span, j - 1) in PLACE_NOUN_PLURALS:
            return names > 0  # "the villages of Kok-Tash and Samarkandyk"
        if not (
            word.text[:1].isupper()
            or word.lower_ in COORDINATORS
            or word.text == ","
            or word.text in HYPHENS  # "Kok-Tash and Samarkandyk"
        ):
            return False
        names += word.text[:1].isupper()
        j -= 1
    return False


# Dashes that close a dateline ("MANSFIELD — The council...", "HUDSON -- Officials...").
DATELINE_DASHES = frozenset({"—", "–", "-", "--", "---"})
# How many tokens a dateline may hold between its place and its dash (", Conn.", ", Texas",
# " (AP)", ", Syria (Reuters)", ", Sudan, 3 June 2024 (Reuters)").
DATELINE_QUALIFIER = 11


def is_dateline(span: SpacySpan) -> bool:
    """ "MANSFIELD — ", "FAIRFIELD, Conn. -- ", "BEIRUT (AP) — ": a name in capitals opening
    a sentence and closed by a dash names where the report was filed."""
    if not all(t.text.isupper() and len(t.text) > 1 for t in span if t.is_alpha):
        return False
    if not span[0].is_sent_start and lower_at(span, span.start - 1) not in {".", "\n", "\n\n"}:
        return False
    doc = span.doc
    after = span.end
    if after < len(doc) and doc[after].text in {",", "("}:
        # ", Conn.", " (AP)": the state the place lies in or the agency, then the dash.
        limit = min(len(doc), after + DATELINE_QUALIFIER)
        after = next((j for j in range(after, limit) if doc[j].text in DATELINE_DASHES), limit)
    return after < len(doc) and doc[after].text in DATELINE_DASHES


def followed_by_place_word(span: SpacySpan) -> bool:
    """ "X region", "X's mayor", "X, the southern port city", "X city"."""
    after = _token(span, span.end)
    if after is None:
        return False
    if after.lower_ in PLACE_NOUNS or after.lower_ in REGION_ADJECTIVES | REGION_PLURALS:
        return True
    if after.tag_ == "POS" and lower_at(span, span.end + 1) in PLACE_PARTS:
        return True
    if after.tag_ == "POS" and lower_at(span, span.end + 2) in _POSSESSED_SITES:
        return True  # "Kherson's central market", "Gaza's main hospital" (round 23)
    if _hit_as_subject(span):
        return True  # "Kharkiv was hit by Russian missiles", "came under shelling" (round 23)
    named_after = after.lower_ in _DISASTERS_NAMED_BY_PLACE
    if named_after and follows_article(span.doc.text, span.start_char):
        return True  # "the Wenchuan earthquake of May 2008", "the Kerala floods" (session 18)
    if after.text in HYPHENS and lower_at(span, span.end + 1) in PLACE_ADJECTIVE_HEADS:
        return True
    return after.lower_ == "," and apposed_noun(span) in PLACE_NOUNS


def _hit_as_subject(span: SpacySpan) -> bool:
    """The name is the passive subject of a verb of attack ("Kharkiv was hit by Russian
    missiles") or the subject of "came under" ("Zaporizhzhia came under heavy fire")."""
    root = span.root
    verb = root.head
    if root.dep_ == "nsubjpass" and verb.lemma_.lower() in _HIT_VERBS:
        # By a weapon that strikes places ("hit by Russian missiles"), not "hit by a stray
        # bullet", said of people.
        return any(
            o.lemma_.lower() in _PLACE_WEAPONS
            for a in verb.children if a.dep_ == "agent"
            for o in a.children if o.dep_ == "pobj"
        )  # fmt: skip
    # "came under heavy artillery fire"; not "came under fire from lawmakers".
    return (
        root.dep_ == "nsubj"
        and verb.lemma_.lower() == "come"
        and any(
            o.lemma_.lower() in ("shelling", "bombardment", "attack")
            or any(c.lemma_.lower() in _PLACE_WEAPONS for c in o.children)
            for p in verb.children if p.dep_ == "prep" and p.lower_ == "under"
            for o in p.children if o.dep_ == "pobj"
        )
    )  # fmt: skip


def apposed_noun(span: SpacySpan) -> str:
    """The first noun of ", a/an/the ... NOUN" right after the span ("" if none)."""
    i = span.end
    if lower_at(span, i) != ",":
        return ""
    i += 1
    if lower_at(span, i) not in {"a", "an", "the"}:
        return ""
    doc = span.doc
    for j in range(i + 1, min(i + 6, len(doc))):
        tok = doc[j]
        if _AGE.search(tok.lower_):
            return "year-old"
        if tok.pos_ == "NOUN" and tok.dep_ == "compound" and j + 1 < len(doc):
            continue  # "a fishing village", "a hospital worker": the head comes next
        if tok.pos_ in {"NOUN", "PROPN"}:
            # "a 62-year-old" may be split into tokens; the noun after it names a person too.
            return tok.lemma_.lower()
        if tok.pos_ not in {"ADJ", "NUM", "ADV", "PUNCT"}:
            return ""
    return ""


def person_cue(span: SpacySpan) -> str | None:
    """Why the context says ``span`` names a person, or None."""
    before = _token(span, span.start - 1)
    if before is not None and _strip_dot(before.lower_) in TITLES:
        return f"title {before.text!r}"
    apposed = apposed_noun(span)
    # "in Omdurman, a medic said": after a locative preposition the noun that follows the
    # comma is the clause's subject, not an apposition to the name.
    located = before is not None and before.lower_ in LOCATIVE_PREPOSITIONS - {"from", "to"}
    if (apposed == "year-old" or apposed in PERSON_NOUNS) and not located:
        return f"apposition {apposed!r}"
    if _age_after(span):
        return "age after the name"
    after = _token(span, span.end)
    if after is not None and after.tag_ == "POS":
        possessed = lower_at(span, span.end + 1)
        if possessed in PERSONAL_POSSESSIONS:
            return f"possessive {possessed!r}"
    speech = _speech_verb_next_to(span)
    if speech:
        return f"speech verb {speech!r}"
    return None


def _age_after(span: SpacySpan) -> bool:
    """ "Andriy, 62," / "Andriy, 62, said"."""
    if lower_at(span, span.end) != ",":
        return False
    age = _token(span, span.end + 1)
    follow = lower_at(span, span.end + 2)
    return (
        age is not None
        and age.like_num
        and age.text.isdigit()
        and 0 < int(age.text) < 120
        and follow in {",", ".", "said", "told", "says", ")"}
    )


def _speech_verb_next_to(span: SpacySpan) -> str | None:
    """ "said Volodymyr" or "Volodymyr said" (the name right beside a speech verb). Not
    after a locative preposition: in "doctors at Nasser Hospital in Khan Younis said" the
    speaker is the doctors, and no person is "in Smith"; nor after "residents of"."""
    before = _token(span, span.start - 1)
    after = _token(span, span.end)
    if before is not None and before.lower_ in LOCATIVE_PREPOSITIONS - {"from"}:
        after = None
    # "residents of Warren Park said", "the governor of Kherson said": the speaker is the
    # place's residents or officer.
    if (
        before is not None
        and before.lower_ == "of"
        and lower_at(span, span.start - 2) in PLACE_PARTS | {"out"}
    ):
        after = None  # nor "drivers on the road out of Oruro say"
    if before is not None and before.lower_ == "from" and span.root.dep_ == "pobj":
        after = None  # "the exodus from Nagorno-Karabakh continued": the exodus goes on
    if _last_of_places_after_preposition(span):
        after = None  # "residents of Kirants, Voskepar and Baghanis say": the residents
    for tok in (before, after):
        if tok is not None and tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in SPEECH_VERBS:
            return tok.text
    return None


def _last_of_places_after_preposition(span: SpacySpan) -> bool:
    """The name closes a coordination whose first member a preposition governs ("of
    Kirants, Voskepar and Baghanis", "in Eldorado do Sul and São Leopoldo"): a member
    of a list of places, not the subject of the verb after the list."""
    node = span.root
    if node.dep_ != "conj":
        return False
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPOSITIONS | {"of"}


def is_region_form(span: SpacySpan) -> bool:
    """ "X region", "X Oblast", "the X regional ...", "X and Y regions"."""
    after = lower_at(span, span.end)
    if after in REGION_WORDS - {"area"} or after in REGION_ADJECTIVES:
        return True
    doc = span.doc
    # "Kharkiv and Donetsk regions": walk over a short coordination to the plural.
    for j in range(span.end, min(span.end + 5, len(doc))):
        word = doc[j]
        if word.lower_ in REGION_PLURALS:
            return True
        if not (word.lower_ in {",", "and"} or word.text[:1].isupper()):
            return False
    return False


def region_word_after(span: SpacySpan) -> Token | None:
    """The "region"/"oblast" word right after the span, to include in the mention."""
    after = _token(span, span.end)
    if after is not None and after.lower_ in REGION_WORDS - {"area"}:
        return after
    return None


def admin_unit_word_after(span: SpacySpan) -> Token | None:
    """The lower-case "district"/"territory" closing a name ("in Nahrin district", "the
    Djugu territory"), not a modifier of a noun after it ("the Kufra district hospital")."""
    after = _token(span, span.end)
    if after is None or after.text not in ADMIN_UNIT_WORDS:
        return None
    following = _token(span, span.end + 1)
    if following is not None and (following.tag_.startswith("NN") or following.text in HYPHENS):
        return None
    return after


def state_word_after(span: SpacySpan) -> Token | None:
    """The "state" right after the span ("White Nile state"), not a possessor's ("the
    Borno state's governor" still names the state)."""
    after = _token(span, span.end)
    return after if after is not None and after.lower_ == "state" else None


def water_word_after(span: SpacySpan) -> Token | None:
    """The "river" right after the span ("the Dnipro river"), to include in the mention."""
    after = _token(span, span.end)
    if after is not None and after.lower_ in WATER_WORDS:
        return after
    return None


def valley_word_after(span: SpacySpan) -> Token | None:
    """The "valley" right after the span ("the Swat valley", "the Fergana Valley")."""
    after = _token(span, span.end)
    return after if after is not None and after.lower_ in VALLEY_WORDS else None


def settlement_word_after(span: SpacySpan) -> Token | None:
    """The lower-case "city"/"town" closing a name ("from Pibor town", "in Idlib city"),
    to include in the mention: the settlement, as against the region of the same name.
    Not a noun's modifier ("the Kherson city council", "Bor town hall")."""
    after = _token(span, span.end)
    if after is None or after.text not in SETTLEMENT_WORDS:
        return None
    following = _token(span, span.end + 1)
    if following is not None and (following.tag_.startswith("NN") or following.text in HYPHENS):
        return None
    return after


def area_word_after(span: SpacySpan) -> bool:
    """ "the Donbas area": an unresolved name the text calls an area is a region."""
    return lower_at(span, span.end) in REGION_WORDS | REGION_PLURALS


def metonymy_cue(span: SpacySpan) -> bool | None:
    """True where the name stands for a government/army, False where it is plainly a
    location, None where the context does not say."""
    root = span.root
    head = root.head
    head_lemma = head.lemma_.lower()
    if root.dep_ == "poss":
        if head.lower_ in ACTOR_POSSESSIONS or head_lemma in ACTOR_POSSESSIONS:
            return True
        return False if head.lower_ in PLACE_PARTS or head.lower_ in PLACE_NOUNS else None
    if root.dep_ == "nsubj" and head_lemma in ACTOR_VERBS:
        return True
    if root.dep_ == "dobj" and head_lemma in ACTOR_OBJECT_VERBS:
        return True
    if root.dep_ == "pobj":
        return _prepositional_metonymy(head)
    return None


def acts_as_subject(span: SpacySpan) -> bool:
    """The name is the active subject of a verb that needs an agent ("Manila has asked
    neighbouring countries for boats", "Brasília and Mexico City urged", "Baku has
    welcomed the deal"), not of one a place undergoes or hosts ("Kabul has seen rain",
    "Bangui remains calm")."""
    root = span.root
    if root.dep_ == "conj" and root.head.dep_ == "nsubj":
        root = root.head  # "Brasília and Mexico City urged": the verb of the first subject
    verb = root.head
    return (
        root.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in UNDERGOING_VERBS
        and not any(child.dep_ == "auxpass" for child in verb.children)
    )


def _prepositional_metonymy(preposition: Token) -> bool | None:
    word = preposition.lower_
    governor = preposition.head
    if preposition.dep_ == "agent":  # "occupied by Russia"
        return True
    if word in {"with", "against"} and (
        governor.lower_ in ACTOR_PARTNER_HEADS or governor.lemma_.lower() in ACTOR_PARTNER_HEADS
    ):
        return True
    if word in {"on"} and governor.lemma_.lower() == "sanction":
        return True
    if word in LOCATIVE_PREPOSITIONS or word == "of":
        return False
    return None
