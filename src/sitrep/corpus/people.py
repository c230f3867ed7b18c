"""People across reports: one person only when the evidence says so, and always why.

A new person record's candidates are the stored persons with its full name, or with its
first name and a compatible birth year (indexed keys). Each candidate is judged on its descriptors:

* a **contradiction** keeps them apart whatever the name: ages that differ by more than
  the time between the reports allows, roles that share no word, different home places;
* a **full name** (two words or more) that agrees, with no contradiction, merges;
* a **single name** ("Anastasia") or a first name against a full name merges only with
  two agreeing descriptors, one of them the age (role, place), since first names are
  shared by thousands; so first names are looked up with the birth years an age allows;
* inside one story (copies of one report) the same name is the same person.

Every merge records its reason; contradictions are recorded too (``person_apart``), so
``sitrep person NAME`` can say why two namesakes are two people. A user's ``unmerge``
blocks the pair for good.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import duckdb

from sitrep.corpus import dates, sql
from sitrep.corpus.fingerprint import stable_key
from sitrep.records import Person, Report
from sitrep.store import schema

# Years an age may drift beyond the time between the reports: a birthday between them,
# and ages reported loosely ("in her early twenties" read as 21).
AGE_SLACK_YEARS = 1
# Agreeing descriptors a merge on a first name alone needs; one of them must be the age.
FIRST_NAME_SUPPORT = 2
# Birth years (reference year - age), and ages, either side of one's own looked up for
# first names: ages are rounded and reference dates are often estimated windows.
BIRTH_YEAR_SLACK = 2

_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "gen", "col", "lt", "sgt"})
_ROLE_STOP = frozenset({"of", "the", "a", "an", "and", "in", "at", "for", "to", "s"})
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What a person record offers for comparison."""

    person_id: str
    entity_id: str
    doc_id: str
    name: str
    name_key: str | None  # None: a description ("the mayor"), never merged across reports
    age: int | None
    role: str | None
    place_gid: str | None
    ref_date: str | None
    story_id: str | None = None

    @property
    def first(self) -> str | None:
        return self.name_key.split()[0] if self.name_key else None

    @property
    def is_full_name(self) -> bool:
        return bool(self.name_key) and len(self.name_key.split()) >= 2  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Verdict:
    merge: bool
    reason: str


def lookup_keys(reports: Sequence[Report]) -> set[int]:
    """The keys whose stored records are the reports' candidates (see ``link.link_batch``)."""
    return {k for report in reports for f in _facts_of(report, None) for k in _lookup_keys(f)}


def link_people(
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[Report],
    stories: Mapping[str, str],
    stored: Mapping[int, Sequence[str]] | None = None,
) -> None:
    """Link every person of the new reports to a cross-report person, inside the batch's
    transaction. ``stored``: the records under the keys, when looked up already."""
    new = [facts for report in reports for facts in _facts_of(report, stories.get(report.id))]
    lookups = {f.person_id: _lookup_keys(f) for f in new}
    stored_ids = stored if stored is not None else sql.lookup_keys(
        con, (k for keys in lookups.values() for k in keys)
    )
    known = _load(con, {pid for ids in stored_ids.values() for pid in ids}, stories)
    blocks = _blocks(con, [f.person_id for f in new])
    links: list[PersonFacts] = []
    reasons: dict[str, tuple[str, str | None]] = {}
    apart: list[tuple[str, str, str]] = []
    batch_keys: dict[int, list[str]] = {}
    homes: dict[str, list[int]] = {}
    for facts in new:
        ids = {i for k in lookups[facts.person_id]
               for i in (*stored_ids.get(k, ()), *batch_keys.get(k, ()))}  # fmt: skip
        candidates = [
            known[i] for i in sorted(ids) if i in known and known[i].doc_id != facts.doc_id
        ]
        linked, reason, matched, kept_apart = _decide_all(facts, candidates, blocks)
        links.append(linked)
        reasons[facts.person_id] = (reason, matched)
        apart += kept_apart
        known[facts.person_id] = linked
        homes[facts.person_id] = _home_keys(facts, started_entity=matched is None)
        for key in homes[facts.person_id]:
            batch_keys.setdefault(key, []).append(facts.person_id)
    _write(con, links, reasons, apart, homes)


def judge(new: PersonFacts, old: PersonFacts) -> Verdict | None:
    """Merge, keep apart (with the contradiction), or None when the names do not match."""
    if not new.name_key or not old.name_key:
        return None
    same_name = new.name_key == old.name_key
    if not same_name and new.first != old.first:
        return None
    if not same_name and new.is_full_name and old.is_full_name:
        return None  # "Olena Kovalchuk" and "Olena Bondar" share only a first name
    contradiction = _contradiction(new, old)
    if contradiction:
        return Verdict(False, contradiction)
    support = _support(new, old)
    if new.story_id is not None and new.story_id == old.story_id:
        return Verdict(True, "same name in a copy of the same story")
    if same_name and new.is_full_name:
        return Verdict(True, "; ".join(["same full name", *support]))
    if len(support) >= FIRST_NAME_SUPPORT and new.age is not None and old.age is not None:
        return Verdict(True, "; ".join(["same first name", *support]))
    return Verdict(False, f"only the name {new.name_key!r} in common: not enough evidence")


def name_key(name: str) -> str | None:
    """The comparable form of a name; None for descriptions ("the head of the …")."""
    words = _NAME_WORD.findall(name)
    # Particles may be lower-case ("Salem al-Obeidi", "Ursula von der Leyen"); a name
    # opens and closes with a capital, a description ("the head of …") does not.
    if not words or not (words[0][0].isupper() and any(c.isupper() for c in words[-1])):
        return None
    folded = [_fold(w) for w in words]
    folded = [w for w in folded if w not in _TITLES]
    return " ".join(folded) or None


def reference_date(report: Report) -> str | None:
    """When the report speaks from: its publication date, or the middle of its window."""
    published = report.published
    if published.date and dates.interval(published.date):
        return published.date[:10]
    if published.window:
        span = dates.window(*published.window)
        if span:
            return (span[0] + (span[1] - span[0]) / 2).isoformat()
    return None


# ---------------------------------------------------------------------- deciding


def _decide_all(
    facts: PersonFacts, candidates: list[PersonFacts], blocks: set[tuple[str, str]]
) -> tuple[PersonFacts, str, str | None, list[tuple[str, str, str]]]:
    best: tuple[PersonFacts, Verdict] | None = None
    apart: list[tuple[str, str, str]] = []
    for old in candidates:
        if (facts.person_id, old.entity_id) in blocks:
            continue
        verdict = judge(facts, old)
        if verdict is None:
            continue
        if not verdict.merge:
            apart.append((facts.person_id, old.person_id, verdict.reason))
        elif best is None:
            best = (old, verdict)
    if best is None:
        return facts, "first mention", None, apart
    old, verdict = best
    return replace(facts, entity_id=old.entity_id), verdict.reason, old.person_id, apart


def _contradiction(new: PersonFacts, old: PersonFacts) -> str | None:
    if new.age is not None and old.age is not None:
        allowed = _years_between(new.ref_date, old.ref_date) + AGE_SLACK_YEARS
        if abs(new.age - old.age) > allowed:
            gap = allowed - AGE_SLACK_YEARS
            return (
                f"ages {old.age} and {new.age} are {abs(new.age - old.age)} years apart, "
                f"reports {gap:.1f} years apart"
            )
    if new.role and old.role and not _role_words(new.role) & _role_words(old.role):
        return f"roles differ: {old.role!r} vs {new.role!r}"
    if new.place_gid and old.place_gid and new.place_gid != old.place_gid:
        return f"places differ: {old.place_gid} vs {new.place_gid}"
    return None


def _support(new: PersonFacts, old: PersonFacts) -> list[str]:
    found = []
    if new.age is not None and old.age is not None:
        found.append(f"ages {old.age} and {new.age} agree")
    if new.role and old.role:
        found.append(f"role {new.role!r} agrees")
    if new.place_gid and new.place_gid == old.place_gid:
        found.append(f"same place {new.place_gid}")
    return found


def _years_between(a: str | None, b: str | None) -> float:
    """Years between two reference dates; 1 when either is unknown (a guess: most reports
    that are compared at all are recent)."""
    first, second = dates.interval(a), dates.interval(b)
    if first is None or second is None:
        return 1.0
    return abs((first[0] - second[0]).days) / 365.25


def _role_words(role: str) -> set[str]:
    words = {_fold(w).rstrip("s") for w in _NAME_WORD.findall(role)}
    return words - _ROLE_STOP


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ---------------------------------------------------------------------- storage


def _facts_of(report: Report, story_id: str | None) -> list[PersonFacts]:
    places = {p.id: p.gazetteer_id for p in report.places}
    ref = reference_date(report)
    return [_facts(report.id, person, places, ref, story_id) for person in report.people]


def _facts(
    doc: str, person: Person, places: dict[str, str | None], ref: str | None, story: str | None
) -> PersonFacts:
    gid = f"{doc}:{person.id}"
    return PersonFacts(
        person_id=gid, entity_id=gid, doc_id=doc, name=person.name,
        name_key=name_key(person.name), age=person.age, role=person.role,
        place_gid=places.get(person.place) if person.place else None, ref_date=ref,
        story_id=story,
    )  # fmt: skip


def _lookup_keys(facts: PersonFacts) -> list[int]:
    """The full name, and the first name with each birth year and age the age allows:
    among single names only, unless this record is a single name itself (two different
    full names never merge, so they need not meet)."""
    if not facts.name_key:
        return []
    kinds = ("single",) if facts.is_full_name else ("single", "full")
    keys = [stable_key("person-name", facts.name_key)]
    for kind in kinds:
        keys += _first_keys(facts, kind, BIRTH_YEAR_SLACK)
    return keys


def _home_keys(facts: PersonFacts, started_entity: bool) -> list[int]:
    """What the record registers: its full name only when it starts a person (the person
    is found by its first record), its first name with its birth year and its age when
    it has an age (a first name alone merges only with an agreeing age)."""
    if not facts.name_key:
        return []
    keys = [stable_key("person-name", facts.name_key)] if started_entity else []
    return keys + _first_keys(facts, "full" if facts.is_full_name else "single", 0)


def _first_keys(facts: PersonFacts, kind: str, slack: int) -> list[int]:
    """First name + birth year (for dated reports) and first name + age as stated (which
    also finds reports without a date), among single names or among full names."""
    if facts.age is None or not facts.first:
        return []
    keys = [stable_key("person-age", kind, facts.first, str(facts.age + d))
            for d in range(-slack, slack + 1)]  # fmt: skip
    ref = dates.interval(facts.ref_date)
    if ref is not None:
        born = ref[0].year - facts.age
        keys += [stable_key("person-born", kind, facts.first, str(born + d))
                 for d in range(-slack, slack + 1)]  # fmt: skip
    return keys


def _load(
    con: duckdb.DuckDBPyConnection, ids: set[str], stories: Mapping[str, str]
) -> dict[str, PersonFacts]:
    rows = sql.rows_by_id(
        con,
        "person_links",
        "person_id",
        "person_id, entity_id, doc_id, name, name_key, age, role, place_gid, ref_date",
        ids,
    )
    story_of = dict(
        sql.rows_by_id(
            con, "story_members", "doc_id", "doc_id, story_id", {r[2] for r in rows}
        )
    )
    return {
        r[0]: PersonFacts(
            person_id=r[0], entity_id=r[1], doc_id=r[2], name=r[3], name_key=r[4], age=r[5],
            role=r[6], place_gid=r[7], ref_date=r[8],
            story_id=stories.get(r[2], story_of.get(r[2])),
        )
        for r in rows
    }


def _blocks(con: duckdb.DuckDBPyConnection, person_ids: list[str]) -> set[tuple[str, str]]:
    rows = sql.rows_by_id(con, "person_blocks", "person_id", "person_id, entity_id", person_ids)
    return {(str(a), str(b)) for a, b in rows}


def _write(
    con: duckdb.DuckDBPyConnection,
    links: list[PersonFacts],
    reasons: dict[str, tuple[str, str | None]],
    apart: list[tuple[str, str, str]],
    keys_of: dict[str, list[int]],
) -> None:
    sql.insert(
        con,
        schema.PERSON_LINKS,
        [
            (f.person_id, f.entity_id, f.doc_id, f.name, f.name_key, f.age, f.role, f.place_gid,
             f.ref_date, *reasons[f.person_id])
            for f in links
        ],
    )
    sql.insert(con, schema.PERSON_APART, apart)
    sql.insert(
        con,
        schema.LINK_KEYS,
        [(key, "person", pid) for pid, keys in keys_of.items() for key in sorted(set(keys))],
    )
