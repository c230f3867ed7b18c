"""Stage cost against the model's on long texts: no sentence ends, no line breaks, or a
sentence to a line.

A linear stage grows like the model does; a quadratic one overtakes it as the text grows.
For each length the CPU seconds of ``annotate`` (model plus stages) and of the model alone
are printed, then the stages' share; the last line printed is one JSON object:

    python bench/long_texts.py --kb 100,200,500
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from sitrep.ingest.document import RawDocument
from sitrep.resources import Resources, load_resources
from sitrep.settings import Settings
from sitrep.stages.pipeline import annotate

# One sentence of news prose on one line, and prose with no sentence end at all.
SHAPES: dict[str, Callable[[int], str]] = {
    "one line of prose": lambda n: (
        'Officials said "we will rebuild" in Kharkiv on 3 March 2022, after 12 people died. '
        * (n // 84)
    ).strip(),
    # A report laid out a sentence to a line: every line break is a sentence start
    # (``line_breaks``, set before the parser; once quadratic in the lines).
    "a sentence per line": lambda n: (
        "Shelling hit the town on Monday and 12 people died, officials said.\n" * (n // 68)
    ).strip(),
    "no sentence ends": lambda n: (
        "the army moved north and the people waited " * (n // 44)
    ).strip(),
}


def cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def measure(resources: Resources, text: str) -> tuple[float, float]:
    """(annotate CPU seconds, model-alone CPU seconds) for ``text``."""
    total = cpu_seconds(lambda: annotate(RawDocument(text=text, origin="bench"), resources))
    model = cpu_seconds(lambda: resources.nlp(text))
    return total, model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", default="50,100,200", help="text lengths in KB, comma-separated")
    args = parser.parse_args()
    resources = load_resources(Settings())
    resources.nlp.max_length = 10_000_000
    rows = []
    for shape, make in SHAPES.items():
        for kb in (int(k) for k in args.kb.split(",")):
            total, model = measure(resources, make(kb * 1000))
            stages = max(total - model, 0.0)
            rows.append(
                {
                    "shape": shape,
                    "kb": kb,
                    "annotate_s": round(total, 2),
                    "model_s": round(model, 2),
                    "stages_s": round(stages, 2),
                }
            )
            print(
                f"{shape:>18} {kb:>5} KB  annotate {total:6.2f} s  model {model:6.2f} s  "
                f"stages {stages:5.2f} s ({stages / model:.2f} of the model)",
                flush=True,
            )
    print(json.dumps({"long_texts": rows}))


if __name__ == "__main__":
    main()
