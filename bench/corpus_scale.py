"""Per-report cost of storing and linking as the corpus grows (issue 7: flat from 1k to 100k).

Synthetic reports (no model: the per-document stage does not depend on the corpus) with
what linking reads: a distinct text of news-like words, 1-3 places drawn from 2,000 places
with coordinates, 1-3 people from a pool of common names with ages, 1-2 events with dates,
and one report in ten a perturbed copy of an earlier one. The store is filled with large
batches up to each checkpoint; there ``--measure`` reports are written in batches of 32,
as the ingest engine writes them, and timed: the cross-document (store + link) cost, the
strict view of "flat per report". The whole-ingest view adds the per-document stage (model
and stages, a pure function of the document, whatever the corpus size) measured once on
``--stage-sample`` synthetic reports (0: skip it). The last line printed is one JSON object:

    python bench/corpus_scale.py --sizes 1000,10000,100000
    python bench/corpus_scale.py --to-dict     # records.to_dict on a large timeline

``--hot-story F`` makes a share F of the reports near-copies of one growing story (an
edited copy of one of its last members), the shape that made linking quadratic in story
size before session 5 (docs/SCALE.md, "Session 5: linking at volume"); ``--undated F``
gives a share F of the reports no publication date, so the corpus dates them.

The writer alone on a real corpus: ``--annotate`` runs the model once over a JSONL corpus
(``bench/synthetic.py``) and pickles the reports; ``--replay`` writes them into a new
store in the engine's batches and prints the writer's rate and CPU per 1,000 reports:

    python bench/corpus_scale.py --annotate corpus.jsonl --annotated corpus.pkl --workers 2
    python bench/corpus_scale.py --replay corpus.pkl
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pickle
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep.engine import DEFAULT_BATCH_SIZE  # noqa: E402
from sitrep.evaluation.corpus_perturb import PERTURBATIONS  # noqa: E402
from sitrep.ingest.document import RawDocument  # noqa: E402
from sitrep.records import (  # noqa: E402
    Event,
    Person,
    Place,
    Published,
    Report,
    Source,
    Span,
    content_id,
)
from sitrep.store import Store  # noqa: E402

ENGINE_BATCH = DEFAULT_BATCH_SIZE
FILL_BATCH = 1000
EVENT_TYPES = ("shelling", "airstrike", "attack", "displacement", "aid", "evacuation", "capture")
FIRST = ("Olena", "Serhiy", "Anastasia", "Mykola", "Ahmed", "Fatima", "Khaled", "Amina", "Ivan",
         "Maria", "Omar", "Sana", "Yusuf", "Nadiia", "Andriy", "Hassan")  # fmt: skip
SYLLABLES = ("ko", "val", "en", "bon", "dar", "shev", "chen", "ha", "san", "de", "mir", "ba",
             "loch", "mar", "tka", "mel", "nyk", "had", "nas", "ser")  # fmt: skip
# Names follow news: a few public figures recur in many reports (and merge: same full
# name, same role, no age), private people are mostly named once or twice.
PUBLIC_FIGURES = tuple(
    (f"{first} {a.capitalize()}{b}", "official")
    for first, a, b in zip(FIRST * 4, SYLLABLES * 3, SYLLABLES[::-1] * 3, strict=False)
)[:50]
PUBLIC_SHARE = 0.3


class Generator:
    def __init__(self, seed: int, hot_story: float = 0.0, undated: float = 0.0) -> None:
        self.rng = random.Random(seed)
        self.hot_story = hot_story
        self.undated = undated
        self.hot: list[str] = []  # the hot story's first text
        vocabulary = REPO / "examples" / "articles"
        words = {w.strip('.,"“”’\'()').lower() for p in sorted(vocabulary.glob("*.txt"))
                 for w in p.read_text(encoding="utf-8").split()}  # fmt: skip
        self.words = sorted(w for w in words if w.isalpha())
        self.places = [(f"Town{i}", 30 + self.rng.random() * 25, 20 + self.rng.random() * 30)
                       for i in range(2000)]  # fmt: skip
        self.recent: list[str] = []
        self.count = 0

    def reports(self, n: int) -> Iterator[tuple[RawDocument, Report]]:
        for _ in range(n):
            yield self.report()

    def report(self) -> tuple[RawDocument, Report]:
        rng = self.rng
        self.count += 1
        places = rng.sample(self.places, rng.randint(1, 3))
        people = [self.person_name() for _ in range(rng.randint(1, 3))]
        if self.hot_story and rng.random() < self.hot_story:
            text = self.hot_member(places, people)
        elif self.recent and rng.random() < 0.1:
            text = PERTURBATIONS[rng.choice(sorted(PERTURBATIONS))](rng.choice(self.recent), rng)
        else:
            text = self.text(places, people)
            self.recent = [*self.recent[-200:], text]
        return self.build(text, places, people)

    def hot_member(self, places: list[tuple[str, float, float]], people: list[str]) -> str:
        """A near-copy of the hot story's first text: a few of its words replaced."""
        rng = self.rng
        if not self.hot:
            self.hot = [self.text(places, people)]
        words = self.hot[0].split()
        for at in rng.sample(range(len(words)), 3):
            words[at] = f"{rng.choice(self.words)}{rng.randint(2, 10**6)}"
        return " ".join(words)

    def person_name(self) -> str:
        rng = self.rng
        if rng.random() < PUBLIC_SHARE:
            return rng.choice(PUBLIC_FIGURES)[0]
        last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        return f"{rng.choice(FIRST)} {last}"

    def text(self, places: list[tuple[str, float, float]], people: list[str]) -> str:
        rng = self.rng
        sentences = []
        for _ in range(rng.randint(8, 16)):
            words = rng.sample(self.words, rng.randint(10, 20))
            if rng.random() < 0.4:
                words.insert(rng.randrange(len(words)), rng.choice(places)[0])
            if rng.random() < 0.3:
                words.insert(rng.randrange(len(words)), rng.choice(people))
            if rng.random() < 0.3:
                words.insert(rng.randrange(len(words)), str(rng.randint(2, 5000)))
            sentences.append(" ".join(words).capitalize() + ".")
        return " ".join([*(p[0] for p in places), *people, ".", *sentences])

    def build(
        self, text: str, places: list[tuple[str, float, float]], people: list[str]
    ) -> tuple[RawDocument, Report]:
        rng = self.rng
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

        def at(needle: str) -> tuple[Span, ...]:
            start = text.find(needle)
            return () if start < 0 else (Span.of(text, start, start + len(needle)),)

        place_records = tuple(
            Place(f"P{i + 1}", name, at(name), gazetteer_id=f"synthetic:{name}", lat=lat,
                  lon=lon, kind="town", confidence=0.9)
            for i, (name, lat, lon) in enumerate(places)
        )  # fmt: skip
        public = dict(PUBLIC_FIGURES)
        person_records = tuple(
            Person(f"H{i + 1}", name, at(name), role=public.get(name),
                   age=None if name in public else rng.randint(18, 80))
            for i, name in enumerate(people)
        )  # fmt: skip
        events = tuple(
            Event(f"E{i + 1}", rng.choice(EVENT_TYPES), date=day, date_precision="day",
                  place=f"P{rng.randint(1, len(places))}", killed=rng.choice((None, 2, 5, 12)))
            for i in range(rng.randint(1, 2))
        )  # fmt: skip
        published = (
            Published(date=None, window=(day, day), estimated=True, basis="content")
            if self.undated and rng.random() < self.undated
            else Published(date=day, basis="metadata")
        )
        report = Report(
            id=content_id(text), source=Source(path=f"synthetic/{self.count}.txt"),
            language="en", published=published, text=text,
            places=place_records, people=person_records, events=events,
        )  # fmt: skip
        return RawDocument(text=text, origin=report.source.path or ""), report


def write(store: Store, run: str, items: list[tuple[RawDocument, Report]], batch: int) -> float:
    started = time.perf_counter()
    for start in range(0, len(items), batch):
        store.write_batch(items[start : start + batch], [], run)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--measure", type=int, default=640, help="reports timed per size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None, help="store file (default: temporary)")
    parser.add_argument(
        "--hold", action=argparse.BooleanOptionalAction, default=True,
        help="hold one writer connection for the run, as the engine does (--no-hold: one "
        "connection per batch, the behaviour before)",
    )
    parser.add_argument(
        "--key-index", action=argparse.BooleanOptionalAction, default=True,
        help="look candidates up in the writer's in-memory key index (--no-key-index: one "
        "scan of link_keys per batch, the behaviour before)",
    )
    parser.add_argument(
        "--stage-sample", type=int, default=20,
        help="synthetic reports annotated by the per-document stage (the model) to add its "
        "cost per report to the store's at each size; 0 skips it",
    )
    parser.add_argument(
        "--to-dict", action="store_true",
        help="only time records.to_dict on a 1000-entry timeline against the field-by-field "
        "form it replaced (same output), and exit",
    )
    parser.add_argument(
        "--hot-story", type=float, default=0.0,
        help="share of reports that are near-copies of one growing story (0: none)",
    )
    parser.add_argument(
        "--undated", type=float, default=0.0, help="share of reports with no publication date"
    )
    parser.add_argument(
        "--drop-pages-every", type=int, default=None,
        help="lookups between two unmappings of the key index's spilled pages "
        "(default: keyindex.DROP_PAGES_EVERY)",
    )
    parser.add_argument(
        "--writer-memory-limit", default=None,
        help="DuckDB memory of the writer connection (default: the store's)",
    )
    parser.add_argument(
        "--sketch-lookups", type=int, default=0, metavar="ROWS",
        help="only time the writer's sketch table on ROWS random stored sketches (its "
        "catch-up, and one get per candidate), and exit",
    )
    parser.add_argument(
        "--lookup-pages", type=int, default=0, metavar="ROWS",
        help="only time key lookups (1,800 keys) in ROWS spilled index rows, with and "
        "without unmapping the touched pages after each, and exit",
    )
    parser.add_argument("--annotate", type=Path, help="JSONL corpus to annotate once, and exit")
    parser.add_argument("--annotated", type=Path, help="pickle file --annotate writes")
    parser.add_argument("--workers", type=int, default=2, help="processes for --annotate")
    parser.add_argument("--replay", type=Path, help="write a pickle of --annotate, timed")
    args = parser.parse_args()
    if args.drop_pages_every:
        from sitrep.corpus import keyindex

        keyindex.DROP_PAGES_EVERY = args.drop_pages_every
    if args.annotate:
        if args.annotated is None:
            parser.error("--annotate needs --annotated FILE")
        print(json.dumps({"annotated": annotate_to(args.annotate, args.annotated, args.workers)}))
        return
    if args.lookup_pages:
        print(json.dumps(time_lookup_pages(args.lookup_pages)))
        return
    if args.sketch_lookups:
        print(json.dumps(time_sketch_lookups(args.sketch_lookups, args.db)))
        return
    if args.replay:
        print(json.dumps(replay(args.replay, args.db)))
        return
    if args.to_dict:
        print(json.dumps(time_to_dict()))
        return
    sizes = sorted(int(s) for s in args.sizes.split(","))
    stage = stage_cost(Generator(args.seed + 1), args.stage_sample) if args.stage_sample else None
    gen = Generator(args.seed, args.hot_story, args.undated)
    results: dict[str, float] = {}
    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="sitrep-corpus-scale-") as tmp:
        cap = args.writer_memory_limit
        limit = {"writer_memory_limit": cap} if cap else {}
        store = Store(args.db or Path(tmp) / "scale.duckdb", key_index=args.key_index, **limit)
        held = store.holding() if args.hold else contextlib.nullcontext(store)
        with held:
            run = store.begin_run({"bench": "corpus_scale"})
            measure_sizes(store, run, gen, sizes, args.measure, results, cpu)
        counts = store.counts()
        largest = largest_story(store)
        file_mb = (store.path.stat().st_size / 2**20) if store.path.exists() else 0.0
    first, last = results[str(sizes[0])], results[str(sizes[-1])]
    cpu_first = cpu[str(sizes[0])]
    summary = {
        "ms_per_report": results,
        "ratio_largest_to_smallest": round(last / first, 3) if first else None,
        "cpu_ms_per_report": cpu,
        "cpu_ratio": round(cpu[str(sizes[-1])] / cpu_first, 3) if cpu_first else None,
        "held_connection": args.hold,
        "key_index": args.key_index,
        "hot_story": args.hot_story,
        "undated": args.undated,
        "largest_story": largest,
        "documents": counts["documents"],
        "store_mb": round(file_mb, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_by_size": MEMORY,
    }
    if stage is not None:
        summary |= whole_ingest(stage, cpu, sizes)
    print(json.dumps(summary))


_RESOURCES: Any = None


def annotate_to(corpus: Path, out: Path, workers: int) -> int:
    """Annotate ``corpus`` once (the model in ``workers`` processes) and pickle its
    (raw, report) pairs to ``out``, in corpus order; returns how many."""
    from multiprocessing import get_context

    from sitrep.ingest import read_paths
    from sitrep.settings import Settings

    raws = (r for r in read_paths([corpus], Settings()) if isinstance(r, RawDocument))
    count = 0
    with get_context("fork").Pool(workers, _load_model) as pool, out.open("wb") as sink:
        for outcome in pool.imap(_annotated, raws, chunksize=8):
            if isinstance(outcome, tuple):
                pickle.dump(outcome, sink)
                count += 1
    return count


def _load_model() -> None:
    from sitrep.resources import load_resources

    global _RESOURCES
    _RESOURCES = load_resources()


def _annotated(raw: RawDocument) -> object:
    from sitrep.engine import annotate_safely

    return annotate_safely(raw, _RESOURCES, None)


def _pickled(path: Path) -> Iterator[tuple[RawDocument, Report]]:
    with path.open("rb") as source:
        while True:
            try:
                yield pickle.load(source)
            except EOFError:
                return


def replay(annotated: Path, db: Path | None, every: int = 1000) -> dict[str, object]:
    """Write the pickled reports into a new store in the engine's batches; the writer's
    reports/s (wall) and CPU ms per report for every ``every`` reports."""
    rates: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="sitrep-replay-") as tmp:
        store = Store(db or Path(tmp) / "replay.duckdb")
        with store.holding():
            run = store.begin_run({"bench": "corpus_scale replay"})
            batch: list[tuple[RawDocument, Report]] = []
            done, last, started, cpu_started = 0, 0, time.perf_counter(), _cpu_s()
            for item in _pickled(annotated):
                batch.append(item)
                if len(batch) == ENGINE_BATCH:
                    store.write_batch(batch, [], run)
                    done, batch = done + len(batch), []
                    if done - last >= every:
                        wall, cpu = time.perf_counter() - started, _cpu_s() - cpu_started
                        rate, ms = (done - last) / wall, 1000 * cpu / (done - last)
                        anon, _ = rss_mb()
                        rates[str(done)] = (round(rate, 2), round(ms, 2), anon)
                        print(f"{done:>7} reports: {rate:.1f} reports/s, {ms:.2f} ms CPU "
                              f"per report (the writer), RSS anonymous {anon:.0f} MB",
                              flush=True)  # fmt: skip
                        last, started, cpu_started = done, time.perf_counter(), _cpu_s()
            if batch:
                store.write_batch(batch, [], run)
                done += len(batch)
        largest = largest_story(store)
        stories = store._rows("SELECT count(DISTINCT story_id) FROM story_members")[0][0]
    return {"reports": done, "per_1000": rates, "largest_story": largest, "stories": stories}


def time_sketch_lookups(rows: int, db: Path | None, gets: int = 20_000) -> dict[str, float]:
    """CPU seconds of the sketch table's first catch-up of ``rows`` random sketches, and
    CPU microseconds per ``get`` of a random stored doc id (story verification's call)."""
    import duckdb
    import numpy as np

    from sitrep.corpus import sql
    from sitrep.corpus.sketch_table import SketchTable
    from sitrep.store import schema

    with tempfile.TemporaryDirectory(prefix="sitrep-sketches-") as tmp:
        path = db or Path(tmp) / "sketches.duckdb"
        con = duckdb.connect(str(path))
        if not con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'doc_sketches'"
        ).fetchone()[0]:  # type: ignore[index]
            con.execute(schema.DOC_SKETCHES.ddl())
            fill = np.random.default_rng(1)
            for start in range(0, rows, 10_000):
                sql.insert(con, schema.DOC_SKETCHES, [
                    (f"{i:016x}", f"{i:064x}", 50, fill.integers(0, 2**32, 64).tolist(), 20,
                     fill.integers(0, 2**32, 64).tolist(), 10,
                     fill.integers(0, 2**32, 64).tolist())
                    for i in range(start, min(rows, start + 10_000))
                ])  # fmt: skip
        try:
            table = SketchTable(path.parent)  # type: ignore[call-arg]
        except TypeError:  # the in-memory table of session 6 takes no folder
            table = SketchTable()
        started = time.process_time()
        table.catch_up(con)
        catch_up_s = time.process_time() - started
        rng = random.Random(1)
        docs = [f"{rng.randrange(rows):016x}" for _ in range(gets)]
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            for doc in docs:
                table.get(doc)
            best = min(best, time.process_time() - started)
        con.close()
    return {"rows": rows, "catch_up_cpu_s": round(catch_up_s, 2),
            "get_cpu_us": round(1e6 * best / gets, 2)}  # fmt: skip


def time_lookup_pages(rows: int, lookups: int = 100) -> dict[str, object]:
    """CPU ms per lookup of 1,800 keys (half stored) in ``rows`` spilled index rows: pages
    left mapped, and unmapped after every lookup (``SortedRuns.drop_pages``)."""
    import numpy as np

    from sitrep.corpus.spill import SortedRuns

    fill = np.random.default_rng(1)
    stored = fill.integers(0, 2**62, rows)
    with tempfile.TemporaryDirectory(prefix="sitrep-lookups-") as tmp:
        runs = SortedRuns(("key", "seq"), spill_rows=65_536, folder=Path(tmp))
        for start in range(0, rows, 20_000):
            keys = stored[start : start + 20_000]
            ids = np.full(len(keys), b"0123456789abcdef:H1", dtype="S20")
            runs.add({"key": keys, "seq": np.arange(start, start + len(keys)), "rec": ids})

        def per_lookup_ms(drop: bool) -> float:
            pick, best = np.random.default_rng(2), float("inf")
            for _ in range(3):
                started = time.process_time()
                for _ in range(lookups):
                    wanted = np.unique(np.concatenate(
                        (pick.choice(stored, 900), pick.integers(0, 2**62, 900))))  # fmt: skip
                    for run, found in runs.search(wanted):
                        run.columns["rec"][found].tolist()
                        run.columns["seq"][found].tolist()
                    if drop:
                        runs.drop_pages()
                best = min(best, time.process_time() - started)
            return round(1000 * best / lookups, 2)

        mapped, unmapped = per_lookup_ms(False), per_lookup_ms(True)
        return {"rows": rows, "runs": [len(run) for run in runs.runs],
                "mapped_ms": mapped, "unmapped_each_time_ms": unmapped}  # fmt: skip


def largest_story(store: Store) -> int:
    rows = store._rows(
        "SELECT count(*) AS n FROM story_members GROUP BY story_id ORDER BY n DESC LIMIT 1"
    )
    return int(rows[0][0]) if rows else 0


def stage_cost(gen: Generator, sample: int) -> dict[str, float]:
    """CPU and wall ms per synthetic report of the per-document stage (model loaded
    first, one warm-up document not counted)."""
    from sitrep.resources import load_resources
    from sitrep.stages.pipeline import annotate

    resources = load_resources()
    raws = [raw for raw, _ in gen.reports(sample + 1)]
    annotate(raws[0], resources)
    cpu_started, started = _cpu_s(), time.perf_counter()
    for raw in raws[1:]:
        annotate(raw, resources)
    cost = {
        "cpu_ms": round(1000 * (_cpu_s() - cpu_started) / sample, 3),
        "wall_ms": round(1000 * (time.perf_counter() - started) / sample, 3),
        "words": round(sum(len(r.text.split()) for r in raws[1:]) / sample, 1),
    }
    print(
        f"per-document stage: {cost['wall_ms']:.1f} ms per report, {cost['cpu_ms']:.1f} ms "
        f"CPU ({sample} synthetic reports of {cost['words']:.0f} words)",
        flush=True,
    )
    return cost


def whole_ingest(
    stage: dict[str, float], store_cpu: dict[str, float], sizes: list[int]
) -> dict[str, object]:
    """Whole-ingest CPU ms per report at each size: the stage's (flat) plus the store's."""
    total = {size: round(stage["cpu_ms"] + ms, 3) for size, ms in store_cpu.items()}
    ratio = round(total[str(sizes[-1])] / total[str(sizes[0])], 3)
    for size in sizes:
        print(f"{size:>7} reports: whole ingest {total[str(size)]:.2f} ms CPU per report "
              f"(stage {stage['cpu_ms']:.2f} + store {store_cpu[str(size)]:.2f})")  # fmt: skip
    print(f"whole-ingest ratio {sizes[-1]}/{sizes[0]}: {ratio} (store alone: "
          f"{store_cpu[str(sizes[-1])] / store_cpu[str(sizes[0])]:.3f})")  # fmt: skip
    return {"stage_ms_per_report": stage, "whole_cpu_ms_per_report": total,
            "whole_cpu_ratio": ratio}  # fmt: skip


def measure_sizes(
    store: Store,
    run: str,
    gen: Generator,
    sizes: list[int],
    measure: int,
    results: dict[str, float],
    cpu: dict[str, float],
) -> int:
    """Fill the store up to each size and time ``measure`` reports written there."""
    stored = 0
    for size in sizes:
        fill_started = time.perf_counter()
        while stored < size - measure:
            n = min(FILL_BATCH, size - measure - stored)
            write(store, run, list(gen.reports(n)), FILL_BATCH)
            stored += n
        fill_s = time.perf_counter() - fill_started
        items = list(gen.reports(measure))
        cpu_started = _cpu_s()
        elapsed = write(store, run, items, ENGINE_BATCH)
        cpu[str(size)] = round(1000 * (_cpu_s() - cpu_started) / len(items), 3)
        stored += len(items)
        results[str(size)] = round(1000 * elapsed / len(items), 3)
        anon, file_backed = rss_mb()
        MEMORY[str(size)] = {"anon_mb": anon, "file_mb": file_backed}
        print(
            f"{size:>7} reports: {results[str(size)]:.2f} ms per report, "
            f"{cpu[str(size)]:.2f} ms CPU (batches of {ENGINE_BATCH}; filling took {fill_s:.0f} s)"
            f"; RSS anonymous {anon:.0f} MB, file-backed {file_backed:.0f} MB",
            flush=True,
        )
    return stored


# The writer's resident memory after each size: {size: {"anon_mb", "file_mb"}}.
MEMORY: dict[str, dict[str, float]] = {}


def rss_mb() -> tuple[float, float]:
    """This process's (anonymous, file-backed) resident MB: what it needs, and page cache
    it maps (code, memory-mapped cache files) that the kernel may drop and reread."""
    fields = {"RssAnon": 0.0, "RssFile": 0.0, "RssShmem": 0.0}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in fields:
                fields[name] = int(value.split()[0]) / 1024
    return round(fields["RssAnon"], 1), round(fields["RssFile"] + fields["RssShmem"], 1)


def time_to_dict(entries: int = 1000, repeats: int = 7) -> dict[str, float]:
    """Best-of-``repeats`` ms of ``to_dict`` on a timeline (3 sources per entry), cached
    field names against ``dataclasses.fields`` for every record, in one sitting."""
    import dataclasses

    from sitrep.records import to_dict
    from sitrep.store.rows import QuantityRow, SourceRow, Timeline, TimelineEntry

    def by_fields(value: object) -> object:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: by_fields(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, (tuple, list)):
            return [by_fields(x) for x in value]
        return value

    def source(i: int) -> SourceRow:
        return SourceRow(f"d{i}", f"s/{i}.txt", f"d{i}:E1", f"s{i % 7}", None, 3, 4, None, "x")

    rows = tuple(
        TimelineEntry("event", f"e{i}", "2024-01-01", "2024-01-01", "day", "event", "shelling",
                      "Town", None, None, (3, 4), (1,), True,
                      tuple(source(3 * i + j) for j in range(3)), 2)
        for i in range(entries)
    )  # fmt: skip
    quantity = QuantityRow("population", None, 1.0, "2024-01", (("2024-01", 1.0, "d1"),) * 5)
    timeline = Timeline("Town", ("g:1",), None, rows, (quantity,) * 20)
    assert to_dict(timeline) == by_fields(timeline)

    def best_ms(convert: Callable[[object], object]) -> float:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            convert(timeline)
            times.append(time.perf_counter() - started)
        return round(1000 * min(times), 2)

    before, after = best_ms(by_fields), best_ms(to_dict)
    return {"fields_each_time_ms": before, "cached_fields_ms": after,
            "speedup": round(before / after, 2)}  # fmt: skip


def _cpu_s() -> float:
    # CPU time of every thread of this process: less disturbed than wall time by the
    # other processes of a shared machine (wall time also counts waits for the disk).
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
