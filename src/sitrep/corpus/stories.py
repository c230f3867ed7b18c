"""Copies into stories: exact copies, near-duplicates and spun copies of one report.

A new report's candidates are the reports sharing one of its keys (its exact hash, one of
its LSH bands); each candidate is verified on the stored sketches (the words, then the
names and numbers, the rare ones counting: ``_same_facts``). The report joins the story of
which it copies the most members, provided it copies at least ``STORY_SUPPORT`` of that
story's members among its candidates, and unites another story with it only when it is a
close copy of one of its members (two partial copies linked before their original
arrived). Without these, one report sharing formulaic sentences with two stories chained
them (docs/CORPUS.md, sixth pass). A story's original is its earliest member (see
``queries``).

A fact is common when many *recent* stories stated it (``COMMON_FACT_WINDOW``), so that
what counts as rare, and therefore what a copy must share, does not drift as the corpus
grows; a report none of whose facts is rare is a copy only when it is a close copy
(``WITHOUT_RARE_FACTS``). Counted over the whole corpus, every name and number became
common by 100k reports and stories chained again (docs/CORPUS.md, eighth pass).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt

from sitrep.corpus import sql
from sitrep.corpus.fingerprint import (
    Fingerprint,
    containment,
    fingerprint,
    jaccard,
    signature_of_facts,
    stable_key,
)
from sitrep.corpus.sketch_table import SketchTable, StoredSketch
from sitrep.records import Report
from sitrep.store import schema

# Containment of word 3-shingles above which a candidate is a near-duplicate. Distinct
# reports, also on the same town and week, stay below 0.15 and edited copies above 0.6
# (docs/CORPUS.md, `sitrep eval corpus`).
NEAR_DUPLICATE = 0.5
# Below this Jaccard of 3-shingles nothing is a copy, whatever the containment: a short
# article and a long one sharing an outlet's standing footer (an editor's note of 60
# words) reach a containment of 0.5 with a Jaccard near 0.1. Copies measured 0.45 and
# more (spun), 0.6 and more (truncated to 60 %) on the examples; PolNeAR train with 6
# copies per original had no false merge left with it (docs/CORPUS.md).
MIN_JACCARD = 0.2
# A spun copy keeps fewer shingles but most of its names and numbers, in order: both
# must agree. Set on the perturbation set's train split (docs/CORPUS.md).
SPUN_TEXT = 0.25
SPUN_SKELETON = 0.4
# A copy keeps at least this share of the names and numbers of the shorter report (both
# having some): another event told in the same words does not. On the synthetic corpus's
# 10k reports (docs/CORPUS.md, session 6) 99.6 % of true copy links kept .5 or more, and
# 86.5 % of the false ones (distinct stories sharing template sentences) kept less.
SAME_FACTS = 0.5
# A report joins (or unites) a story only when it is a copy of at least this share of the
# story's members among its candidates (see ``_choice``).
STORY_SUPPORT = 0.5
# A report unites a second story with the one it joins only when it is this close a copy
# of one of its members (containment of word shingles): two partial copies linked apart
# before their original arrived score near 1 against it.
UNITE_SCORE = 0.8
# A fact (a name or number) stated by the first reports of this many stories is common:
# it is no evidence that two reports tell one story (see ``_rare_facts_shared``). At most
# ``sql.MAX_PER_KEY``, the most reports a key lookup returns.
COMMON_FACT_STORIES = 20
# ... among the stories begun in the last this many reports linked. Counted over the whole
# corpus, a count in absolute terms only grows: at 100k synthetic reports every town,
# surname and small number had been stated by 20 stories, 14 % of the reports had no rare
# fact left, and 581 of the 668 links to another story's report came from them
# (docs/CORPUS.md, eighth pass). Counted over a window, a fact's rarity is its rate, which
# does not depend on how much came before. 10,000: the corpus size at which the rule was
# set (sixth and seventh passes), so a store of up to 10k reports links as before.
COMMON_FACT_WINDOW = 10_000
# Below this many rare facts a report is judged on all its facts, as before rarity. It was
# 3 (session 7); at volume most names a report states are common (a surname, a weekday, a
# small number, a template's fixed names), so most reports fell below 3 and back to the
# plain check, which formulaic text passes: at 5k synthetic reports 20 of the 26 joins to
# another story's report came that way (docs/CORPUS.md, seventh pass). One rare fact is
# enough to test: the MinHash of a single fact matches a stored signature holding it in
# about 64 / (its facts) of the permutations, and in none when it is absent. It was 1
# (session 9): a report with no rare fact at all still fell back to the plain check; now
# such a report is judged by ``WITHOUT_RARE_FACTS`` (eighth pass).
MIN_RARE_FACTS = 0
# A report that states facts, all of them common, is a copy only when it is a near-duplicate
# this close (containment of word shingles, as ``UNITE_SCORE``): its facts cannot tell it
# from another story told in the same words, which template sentences make as close as
# .75 (95th percentile of the wrong links at 100k synthetic reports) while its copies
# measured .8 and more in 9 cases of 10 (docs/CORPUS.md, eighth pass).
WITHOUT_RARE_FACTS = 0.8
# A copy also keeps at least this share of the rare facts (of the side with fewer). Set on
# the synthetic corpus's first 3k reports (docs/CORPUS.md, sixth pass): among pairs that
# passed ``SAME_FACTS``, 99.2 % of same-story pairs kept .25 or more of their rare facts,
# and 3.7 % of the pairs of distinct stories did (the median kept none).
RARE_FACTS = 0.25
# The kind of ``link_keys`` row that records a story's first report under each of its facts.
FACT_KIND = "fact"
Signature = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class StoryLink:
    doc_id: str
    story_id: str
    reason: str  # first | exact | near-duplicate | spun
    score: float | None
    matched_doc: str | None


@dataclass(frozen=True, slots=True, eq=False)
class _Known:
    """A stored (or earlier in the batch) report as verification sees it."""

    doc_id: str
    story_id: str
    sketch: Fingerprint | StoredSketch
    # The sketch's text signature as an array, made once per batch: a report of a large
    # story has hundreds of candidates (up to sql.MAX_PER_KEY per key), compared at once.
    signature: Signature


def _known(doc_id: str, story_id: str, sketch: Fingerprint | StoredSketch) -> _Known:
    return _Known(doc_id, story_id, sketch, np.asarray(sketch.signature, dtype=np.int64))


def fingerprints(reports: Sequence[Report]) -> dict[str, Fingerprint]:
    return {report.id: fingerprint(report.text) for report in reports}


@dataclass(frozen=True, slots=True)
class Rarity:
    """A new report's rare facts (stated by fewer than ``COMMON_FACT_STORIES`` stories):
    how many, their MinHash, and their share of all its facts."""

    rare: int
    signature: tuple[int, ...]
    share: float

    @classmethod
    def of(cls, fp: Fingerprint, common: set[str]) -> Rarity | None:
        """None when nothing is common (the plain facts check says it all) or fewer than
        ``MIN_RARE_FACTS`` facts are rare. With none rare, ``rare`` is 0 (see
        ``WITHOUT_RARE_FACTS``)."""
        rare = fp.facts - common
        if len(rare) == len(fp.facts) or len(rare) < MIN_RARE_FACTS:
            return None
        signature = signature_of_facts(rare) if rare else ()
        return cls(len(rare), signature, len(rare) / len(fp.facts))


def lookup_keys(prints: Mapping[str, Fingerprint]) -> set[int]:
    """The keys whose stored records are the reports' candidates and the stories that
    stated their facts (see ``link.link_batch``)."""
    return {k for fp in prints.values() for k in (*_keys(fp), *_fact_keys(fp))}


def link_stories(
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[Report],
    stored: Mapping[int, Sequence[str]] | None = None,
    prints: Mapping[str, Fingerprint] | None = None,
    merged_out: dict[str, str] | None = None,
    sketches: SketchTable | None = None,
    stated: Mapping[int, Sequence[str]] | None = None,
) -> dict[str, StoryLink]:
    """Give every new report a story; returns the links by doc id. ``stored`` and
    ``prints``: the records under the reports' keys and the reports' fingerprints, when
    the caller has them already. ``merged_out`` receives the stories merged into others
    (old id -> new id; follow the chain for the final one), for the per-story summaries
    of ``dating``. ``sketches``: the writer's table of stored sketches, if any.
    ``stated``: the first reports of stories stored under the reports' fact keys (kind
    ``fact``), when the caller has them."""
    prints = dict(prints) if prints is not None else fingerprints(reports)
    keys_of = {doc: _keys(fp) for doc, fp in prints.items()}
    if stored is None:
        stored = sql.lookup_keys(con, (k for keys in keys_of.values() for k in keys))
    if stated is None:
        fact_keys = {k for fp in prints.values() for k in _fact_keys(fp)}
        stated = sql.lookup_keys_by_kind(con, fact_keys).get(FACT_KIND, {})
    known = _load_known(con, {doc for docs in stored.values() for doc in docs}, sketches)
    seq = _next_seq(con)
    links: dict[str, StoryLink] = {}
    batch_keys: dict[int, list[str]] = {}
    batch_stated: Counter[int] = Counter()
    merged_stories: dict[str, str] = {}
    for position, report in enumerate(reports):
        doc, fp = report.id, prints[report.id]
        found = {d for k in keys_of[doc] for d in (*stored.get(k, ()), *batch_keys.get(k, ()))}
        candidates = [known[d] for d in sorted(found) if d in known]
        rarity = _rarity(fp, stated, batch_stated, seq + position)
        verified = _verified(fp, candidates, rarity)
        # A report whose every fact is common may join a story as a close copy, but its
        # facts cannot say that two stories are one: it unites none (eighth pass).
        may_unite = rarity is None or rarity.rare > 0
        best, united = _choice(verified, candidates, merged_stories, may_unite)
        if best is None:
            link = StoryLink(doc, doc, "first", None, None)
        else:
            match, reason, score = best
            story = _final(match.story_id, merged_stories)
            link = StoryLink(doc, story, reason, round(score, 4), match.doc_id)
            for other in united:
                merged_stories[other] = story
        links[doc] = link
        if link.reason == "first":
            batch_stated.update(_fact_keys(fp))
        known[doc] = _known(doc, link.story_id, fp)
        for key in keys_of[doc]:
            batch_keys.setdefault(key, []).append(doc)
    _write(con, links, prints, keys_of, merged_stories, seq)
    if merged_out is not None:
        merged_out.update(merged_stories)
    return {doc: _followed(link, merged_stories) for doc, link in links.items()}


def verify(
    new: Fingerprint, old: Fingerprint, common: Iterable[str] = ()
) -> tuple[str, float] | None:
    """Whether ``new`` is a copy of ``old``: the reason and its score, or None.
    ``common``: facts of ``new`` that many stories state (no evidence of a copy)."""
    rarity = Rarity.of(new, set(common))
    return _verdict(new, old, jaccard(new.signature, old.signature), rarity)


def _verdict(
    new: Fingerprint,
    old: Fingerprint | StoredSketch,
    similarity: float,
    rarity: Rarity | None = None,
) -> tuple[str, float] | None:
    """``verify`` with the Jaccard of the two text signatures already computed."""
    if new.text_hash == old.text_hash:
        return "exact", 1.0
    if similarity < MIN_JACCARD:
        return None
    text = containment(similarity, new.shingles, old.shingles)
    if text < SPUN_TEXT or not _same_facts(new, old, rarity):
        return None
    if rarity is not None and rarity.rare == 0:
        # Every fact it states is common: only the words can say it is a copy, and only a
        # close copy's do (another story in the same template words is as close as .75).
        return ("near-duplicate", text) if text >= WITHOUT_RARE_FACTS else None
    if text >= NEAR_DUPLICATE:
        return "near-duplicate", text
    if new.skeleton_size and old.skeleton_size:
        skeleton = _skeleton_containment(new, old)
        if skeleton >= SPUN_SKELETON:
            return "spun", min(text, skeleton)
    return None


def _same_facts(
    new: Fingerprint, old: Fingerprint | StoredSketch, rarity: Rarity | None = None
) -> bool:
    """Whether the two state the same names and numbers; true when either has none to
    compare (no names or numbers, or a sketch stored before facts were). With ``rarity``
    (of ``new``'s facts), the rare ones must agree too."""
    if not (new.facts_size and old.facts_size):
        return True
    similarity = jaccard(new.facts_signature, old.facts_signature)
    if containment(similarity, new.facts_size, old.facts_size) < SAME_FACTS:
        return False
    if rarity is None or rarity.rare == 0:
        return True
    return _rare_facts_shared(rarity, old) >= RARE_FACTS


def _rare_facts_shared(rarity: Rarity, old: Fingerprint | StoredSketch) -> float:
    """Share of the new report's rare facts that ``old`` states too, over the fewer rare
    facts of the two. A fact that many stories state counts for nothing: formulaic
    sentences carry fixed names (an agency, a region, an armed group) that other stories
    told in the same words share. Only the new report's facts are known one by one (a
    stored report keeps a MinHash of all its facts), so the rare ones are estimated from
    the MinHash of its rare facts against the stored one's, and the stored report's facts
    are taken to be as rare as the new one's."""
    similarity = jaccard(rarity.signature, old.facts_signature)
    shared = similarity * (rarity.rare + old.facts_size) / (1.0 + similarity)
    fewer = min(rarity.rare, old.facts_size * rarity.share)
    return min(1.0, shared / fewer) if fewer > 0 else 0.0


def _skeleton_containment(new: Fingerprint, old: Fingerprint | StoredSketch) -> float:
    similarity = jaccard(new.skeleton_signature, old.skeleton_signature)
    return containment(similarity, new.skeleton_size, old.skeleton_size)


# ---------------------------------------------------------------------- helpers


def _keys(fp: Fingerprint) -> list[int]:
    return [stable_key("exact", fp.text_hash), *fp.band_keys()]


def _fact_keys(fp: Fingerprint) -> list[int]:
    """Keys of the report's facts: a story's first report is stored under them (kind
    ``fact``), so a lookup counts the stories that stated a fact, up to the cap."""
    return [_fact_key(fact) for fact in sorted(fp.facts)]


def _fact_key(fact: str) -> int:
    return stable_key(FACT_KIND, fact)


def _stated_record(seq: int) -> str:
    """The ``record_id`` of a ``fact`` row: the ``linked_seq`` of the story's first
    report, so that a lookup can tell how recently each story stated the fact."""
    return f"s{seq}"


def _stated_seq(record: str) -> int | None:
    """The ``linked_seq`` a ``fact`` row records; None for a row written before session
    11, whose record is the first report's id (a hex hash, never starting with "s")."""
    return int(record[1:]) if record.startswith("s") and record[1:].isdigit() else None


def _stated_recently(records: Sequence[str], now: int) -> int:
    """How many of the stories recorded under a fact began in the last
    ``COMMON_FACT_WINDOW`` reports before ``now``. A row of unknown age counts, as all
    rows did before the window."""
    since = now - COMMON_FACT_WINDOW
    return sum(1 for r in records if (seq := _stated_seq(r)) is None or seq >= since)


def _rarity(
    fp: Fingerprint, stated: Mapping[int, Sequence[str]], in_batch: Counter[int], now: int
) -> Rarity | None:
    """``fp``'s rare facts, for the report linked as number ``now``. ``in_batch``: the
    stories begun earlier in the batch (recent by definition) under each fact key."""
    common = {
        fact
        for fact in fp.facts
        if _stated_recently(stated.get(key := _fact_key(fact), ()), now) + in_batch[key]
        >= COMMON_FACT_STORIES
    }
    return Rarity.of(fp, common)


def _verified(
    fp: Fingerprint, candidates: list[_Known], rarity: Rarity | None = None
) -> list[tuple[_Known, str, float]]:
    """The candidates ``fp`` is a copy of, in the given order, with reason and score."""
    out: list[tuple[_Known, str, float]] = []
    for known, similarity in zip(candidates, _jaccards(fp, candidates), strict=True):
        verdict = _verdict(fp, known.sketch, similarity, rarity)
        if verdict:
            out.append((known, *verdict))
    return out


def _jaccards(fp: Fingerprint, candidates: list[_Known]) -> list[float]:
    """``jaccard(fp.signature, c.sketch.signature)`` for every candidate, in one array
    comparison: the same values (matches / permutations), at a fraction of the cost."""
    size = len(fp.signature)
    similarities = np.zeros(len(candidates))
    comparable = np.array([size > 0 and len(k.signature) == size for k in candidates], dtype=bool)
    if comparable.any():
        rows = np.stack([k.signature for k, ok in zip(candidates, comparable, strict=True) if ok])
        matches = np.count_nonzero(rows == np.asarray(fp.signature, dtype=np.int64), axis=1)
        similarities[comparable] = matches / size
    values: list[float] = similarities.tolist()
    return values


def _choice(
    verified: list[tuple[_Known, str, float]],
    candidates: list[_Known],
    merged: dict[str, str],
    may_unite: bool = True,
) -> tuple[tuple[_Known, str, float] | None, set[str]]:
    """The match whose story the report joins (None: it starts one) and the other
    stories it unites with it.

    A story is supported when the report copies at least ``STORY_SUPPORT`` of its members
    among the candidates: one copied member of a story whose other candidates it does not
    copy is a bridge (shared template sentences and names), not evidence (an exact copy
    of a member always supports its story). The report joins
    the supported story of which it copies the most members (then the best score), and
    unites another only when it is a close copy of one of its members (``UNITE_SCORE``):
    a report matching a dozen stories loosely must not make them one. Without
    ``may_unite`` (a report none of whose facts is rare) it unites none."""
    seen: Counter[str] = Counter(_final(k.story_id, merged) for k in candidates)
    copied: dict[str, list[tuple[_Known, str, float]]] = {}
    for found in verified:
        copied.setdefault(_final(found[0].story_id, merged), []).append(found)
    supported = {
        s: found
        for s, found in copied.items()
        # The same text as a member is that member's story, whatever the others say.
        if len(found) >= STORY_SUPPORT * seen[s] or any(f[1] == "exact" for f in found)
    }
    if not supported:
        return None, set()
    story = max(supported, key=lambda s: (len(supported[s]), max(f[2] for f in supported[s])))
    united = {
        other
        for other, found in supported.items()
        if may_unite and other != story and max(f[2] for f in found) >= UNITE_SCORE
    }
    return _best_match(supported[story]), united


def _final(story: str, merged: dict[str, str]) -> str:
    """The story a (possibly merged) story id now stands for."""
    while story in merged:
        story = merged[story]
    return story


def _best_match(
    verified: list[tuple[_Known, str, float]],
) -> tuple[_Known, str, float] | None:
    # The highest score; among equal scores the first (candidates come sorted by doc id).
    best: tuple[_Known, str, float] | None = None
    for found in verified:
        if best is None or found[2] > best[2]:
            best = found
    return best


def _followed(link: StoryLink, merged: dict[str, str]) -> StoryLink:
    story = link.story_id
    while story in merged:
        story = merged[story]
    if story == link.story_id:
        return link
    return StoryLink(link.doc_id, story, link.reason, link.score, link.matched_doc)


def _load_known(
    con: duckdb.DuckDBPyConnection, doc_ids: set[str], table: SketchTable | None = None
) -> dict[str, _Known]:
    """The candidates' sketches (from ``table`` when given, caught up first) and their
    current stories (always read: a merge changes them)."""
    held: dict[str, Fingerprint | StoredSketch] = {}
    if table is not None:
        table.catch_up(con)
        held = {doc: found for doc in doc_ids if (found := table.get(doc)) is not None}
    held.update(_read_sketches(con, doc_ids - held.keys()))
    stories = dict(sql.rows_by_id(con, "story_members", "doc_id", "doc_id, story_id", held))
    return {doc: _known(doc, str(stories.get(doc, doc)), held[doc]) for doc in sorted(held)}


def _read_sketches(
    con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]
) -> Iterable[tuple[str, Fingerprint]]:
    rows = sql.rows_by_id(
        con,
        "doc_sketches",
        "doc_id",
        "doc_id, text_hash, shingles, signature, skeleton_size, skeleton_signature, "
        "facts_size, facts_signature",
        doc_ids,
    )
    for doc, text_hash, shingles, sig, skeleton, skel, facts, fact_sig in rows:
        sketch = Fingerprint(
            text_hash, shingles, tuple(sig or ()), skeleton, tuple(skel or ()),
            facts or 0, tuple(fact_sig or ()),
        )  # fmt: skip
        yield str(doc), sketch


def _next_seq(con: duckdb.DuckDBPyConnection) -> int:
    # The max of a primary-keyed column with an index is cheap: DuckDB keeps zone maps.
    row = con.execute("SELECT coalesce(max(linked_seq), 0) FROM story_members").fetchone()
    return int(row[0]) + 1 if row else 1


def _write(
    con: duckdb.DuckDBPyConnection,
    links: dict[str, StoryLink],
    prints: dict[str, Fingerprint],
    keys_of: dict[str, list[int]],
    merged: dict[str, str],
    seq: int,
) -> None:
    sql.insert(
        con,
        schema.DOC_SKETCHES,
        [
            (
                doc,
                fp.text_hash,
                fp.shingles,
                list(fp.signature),
                fp.skeleton_size,
                list(fp.skeleton_signature),
                fp.facts_size,
                list(fp.facts_signature),
            )
            for doc, fp in prints.items()
        ],
    )
    sql.insert(
        con,
        schema.LINK_KEYS,
        [(key, "story", doc) for doc, keys in keys_of.items() for key in sorted(set(keys))]
        + [
            (key, FACT_KIND, _stated_record(seq + i))
            for i, (doc, link) in enumerate(links.items())
            if link.reason == "first"
            for key in _fact_keys(prints[doc])
        ],
    )
    sql.insert(
        con,
        schema.STORY_MEMBERS,
        [
            (
                link.doc_id,
                _followed(link, merged).story_id,
                link.reason,
                link.score,
                link.matched_doc,
                seq + i,
            )
            for i, link in enumerate(links.values())
        ],
    )
    for old, new in sorted(merged.items()):
        final = _followed(StoryLink("", new, "", None, None), merged).story_id
        con.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", [final, old])
