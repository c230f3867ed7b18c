"""``sitrep eval corpus``: story grouping on real news texts and their perturbed copies.

The corpus is built from the PolNeAR articles in ``../shared/eval/quotes/PolNeAR`` (1,008
US political news texts, 2015-16, with publisher and publication date): every original
of the split gets ``copies`` copies, each made by one documented perturbation
(``corpus_perturb``) and dated a day later. Originals are distinct reports; many share a
topic (the same candidates, the same week), which is what makes them hard negatives.

Everything is written through ``Store.write_batch`` in shuffled batches, exactly as the
ingest engine writes, so the linking measured is the linking shipped. Reports are built
without the per-document stage (text, source and date are all that copy detection
reads), which keeps the harness fast; the time measured is the store's per-report cost
(write + link).

Scores: pairwise precision, recall and F1 of "same story" over all pairs of reports;
recall per perturbation; false merges among distinct originals, and among those
published in the same week.

PolNeAR itself holds republications (the same article filed twice, a day apart, under a
new headline; a live blog and its update). Two originals the system puts in one story
are **adjudicated** by an exact measure independent of the system: when more than half
of their word sequences align (``difflib``, ``REPUBLICATION_RATIO``) they are one
article, and the gold is corrected. Raw scores (``raw_*``) are reported too.
"""

from __future__ import annotations

import csv
import difflib
import itertools
import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.engine import DEFAULT_BATCH_SIZE
from sitrep.evaluation.corpus_perturb import PERTURBATIONS, other_facts
from sitrep.evaluation.scoring import PRF
from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id

POLNEAR = Path("quotes") / "PolNeAR"
# Texts shorter than this are headlines or stubs, not reports.
MIN_CHARS = 400
# Share of aligned words above which two source articles are one republished article.
REPUBLICATION_RATIO = 0.5
# An other-facts twin's name: its original's and this suffix.
TWIN_MARK = "#other-facts"


@dataclass(frozen=True, slots=True)
class Item:
    """One report of the evaluation corpus and the story it truly belongs to."""

    name: str
    text: str
    published: str | None
    gold_story: str
    perturbation: str | None  # None for an original


@dataclass(slots=True)
class CorpusResult:
    pairs: PRF = field(default_factory=PRF)
    recall_by_perturbation: dict[str, tuple[int, int]] = field(default_factory=dict)
    false_merges: list[tuple[str, str]] = field(default_factory=list)
    same_week_pairs: int = 0
    same_week_false_merges: int = 0
    twins: int = 0  # originals with an other-facts twin (same words, other names and numbers)
    twin_false_merges: int = 0
    raw: PRF = field(default_factory=PRF)
    republications: list[tuple[str, str]] = field(default_factory=list)
    reports: int = 0
    originals: int = 0
    ms_per_report: float = 0.0
    skipped: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "reports": self.reports,
            "originals": self.originals,
            "precision": _round(self.pairs.precision),
            "recall": _round(self.pairs.recall),
            "f1": _round(self.pairs.f1),
            "raw_precision": _round(self.raw.precision),
            "raw_f1": _round(self.raw.f1),
            "republications_in_source": len(self.republications),
            "false_merges": len(self.false_merges),
            "same_week_distinct_pairs": self.same_week_pairs,
            "same_week_false_merges": self.same_week_false_merges,
            **(
                {"other_facts_twins": self.twins, "twin_false_merges": self.twin_false_merges}
                if self.twins
                else {}
            ),
            "ms_per_report": round(self.ms_per_report, 2),
        }
        for name, (found, total) in sorted(self.recall_by_perturbation.items()):
            data[f"recall_{name}"] = _round(found / total if total else None)
        return data

    def to_json(self) -> str:
        return json.dumps(self.metrics(), sort_keys=False)


def load_polnear(data: Path, split: str) -> list[tuple[str, str, str | None]]:
    """(name, text, publication date) of the split's articles, by name."""
    root = data / POLNEAR
    folder = root / split / "text"
    if not folder.is_dir():
        raise FileNotFoundError(f"no PolNeAR {split} texts at {folder}")
    dates = _polnear_dates(root / "metadata.tsv")
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        if len(text) >= MIN_CHARS:
            out.append((path.stem, text, dates.get(path.stem)))
    return out


def build_corpus(
    originals: Sequence[tuple[str, str, str | None]], *, copies: int, seed: int,
    twins: bool = False,
) -> list[Item]:
    """Originals plus ``copies`` perturbed copies of each, in a reproducible shuffle;
    with ``twins``, also each original's other-facts twin, a story of its own."""
    rng = random.Random(seed)
    names = sorted(PERTURBATIONS)
    items: list[Item] = []
    for i, (name, text, published) in enumerate(originals):
        items.append(Item(name, text, published, name, None))
        # Perturbations rotate so that each is used equally often.
        for k in range(copies):
            kind = names[(i * copies + k) % len(names)]
            copy = PERTURBATIONS[kind](text, rng)
            items.append(Item(f"{name}~{kind}", copy, _day_after(published), name, kind))
        if twins:
            twin = f"{name}{TWIN_MARK}"
            items.append(Item(twin, other_facts(text, rng), published, twin, "other_facts"))
    rng.shuffle(items)
    return items


def evaluate(items: Sequence[Item], db: Path | None = None) -> CorpusResult:
    """Write the items in batches to a fresh store and score the stories it forms."""
    from sitrep.store import Store

    with tempfile.TemporaryDirectory(prefix="sitrep-eval-corpus-") as tmp:
        store = Store(db or Path(tmp) / "corpus.duckdb")
        run = store.begin_run({"eval": "corpus"})
        unique = _drop_identical(items)
        started = time.perf_counter()
        for batch in _batches(unique, DEFAULT_BATCH_SIZE):  # as the ingest engine writes
            store.write_batch([_as_report(item) for item in batch], [], run)
        elapsed = time.perf_counter() - started
        predicted = {m.doc_id: s.id for s in store.stories() for m in s.members}
    by_name = {item.name: predicted[content_id(item.text)] for item in unique}
    raw = score(unique, by_name)
    republished = sorted({*adjudicate(unique, by_name), *_identical_originals(items)})
    result = score(_with_gold_merged(unique, republished), by_name)
    result.raw, result.republications = raw.pairs, republished
    result.ms_per_report = 1000 * elapsed / max(1, len(unique))
    result.skipped = [i.name for i in items if i not in set(unique)]
    return result


def score(items: Sequence[Item], predicted: dict[str, str]) -> CorpusResult:
    """Pairwise scores of predicted stories (by item name) against the gold stories."""
    result = CorpusResult(reports=len(items), originals=sum(i.perturbation is None for i in items))
    by_name = {item.name: item for item in items}
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for a, b in itertools.combinations(sorted(by_name), 2):
        gold = by_name[a].gold_story == by_name[b].gold_story
        same = predicted[a] == predicted[b]
        result.pairs.tp += gold and same
        result.pairs.fp += same and not gold
        result.pairs.fn += gold and not same
        if gold:
            # Recall per perturbation counts (original, copy) pairs only.
            kinds = {by_name[a].perturbation, by_name[b].perturbation}
            if None in kinds and len(kinds) == 2:
                kind = next(k for k in kinds if k is not None)
                total[kind] += 1
                found[kind] += same
        elif same:
            result.false_merges.append((a, b))
    originals = [i for i in items if i.perturbation is None]
    for x, y in itertools.combinations(originals, 2):
        if x.gold_story != y.gold_story and _same_week(x.published, y.published):
            result.same_week_pairs += 1
            result.same_week_false_merges += predicted[x.name] == predicted[y.name]
    for item in items:
        original = item.name.removesuffix(TWIN_MARK)
        if item.name.endswith(TWIN_MARK) and original in by_name:
            result.twins += 1
            result.twin_false_merges += predicted[item.name] == predicted[original]
    result.recall_by_perturbation = {k: (found[k], total[k]) for k in sorted(total)}
    return result


def adjudicate(items: Sequence[Item], predicted: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of originals put in one story that are, by exact word alignment, one article."""
    originals = [i for i in items if i.perturbation is None]
    by_story: dict[str, list[Item]] = {}
    for item in originals:
        by_story.setdefault(predicted[item.name], []).append(item)
    found = []
    for group in by_story.values():
        for a, b in itertools.combinations(sorted(group, key=lambda i: i.name), 2):
            if _aligned_share(a.text, b.text) > REPUBLICATION_RATIO:
                found.append((a.name, b.name))
    return sorted(found)


# ---------------------------------------------------------------------- helpers


def _identical_originals(items: Sequence[Item]) -> list[tuple[str, str]]:
    """Source articles with the very same text (one is stored; both are one article)."""
    first: dict[str, str] = {}
    pairs = []
    for item in sorted((i for i in items if i.perturbation is None), key=lambda i: i.name):
        key = content_id(item.text)
        if key in first:
            pairs.append((first[key], item.name))
        else:
            first[key] = item.name
    return pairs


def _aligned_share(a: str, b: str) -> float:
    """Share of the shorter text's words that align with the other's, in order."""
    words_a, words_b = a.lower().split(), b.lower().split()
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    aligned = sum(block.size for block in matcher.get_matching_blocks())
    return aligned / max(1, min(len(words_a), len(words_b)))


def _with_gold_merged(items: Sequence[Item], pairs: list[tuple[str, str]]) -> list[Item]:
    """The items with the gold stories of republished originals united."""
    parent: dict[str, str] = {}

    def root(story: str) -> str:
        while parent.get(story, story) != story:
            story = parent[story]
        return story

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [replace(item, gold_story=root(item.gold_story)) for item in items]



def _polnear_dates(metadata: Path) -> dict[str, str]:
    if not metadata.is_file():
        return {}
    with metadata.open(encoding="utf-8", newline="") as handle:
        return {
            row["filename"]: row["publication_date"]
            for row in csv.DictReader(handle, delimiter="\t")
            if row.get("publication_date") not in (None, "", "None")
        }


def _day_after(published: str | None) -> str | None:
    if not published:
        return None
    try:
        return (date.fromisoformat(published) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def _same_week(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) < 7
    except ValueError:
        return False


def _drop_identical(items: Sequence[Item]) -> list[Item]:
    """One item per text: a perturbation that changed nothing is the same report (the
    engine would skip it as already stored)."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = content_id(item.text)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _as_report(item: Item) -> tuple[RawDocument, Report]:
    doc_id = content_id(item.text)
    published = Published(date=item.published, basis="metadata") if item.published else Published()
    report = Report(
        id=doc_id, source=Source(path=item.name), language="en", published=published,
        text=item.text,
    )  # fmt: skip
    return RawDocument(text=item.text, origin=item.name, path=item.name), report


def _batches(items: Sequence[Item], size: int) -> Iterable[Sequence[Item]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)

