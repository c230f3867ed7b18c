"""Fuzz target: the whole per-document stage. Fuzzed text is spliced between English
news sentences (so the language check passes and every stage runs); annotate must not
raise, and every span of the report must verify against its text."""

from __future__ import annotations

import sys

import atheris

# Only sitrep's own code is instrumented: instrumenting spaCy and its dependencies as
# well makes the start take most of a minute and guides the fuzzer into the model.
with atheris.instrument_imports(include=["sitrep"]):
    from sitrep.ingest.document import RawDocument
    from sitrep.records import bad_spans
    from sitrep.resources import load_resources
    from sitrep.settings import Settings
    from sitrep.stages.pipeline import annotate

from _common import spliced

RESOURCES = load_resources(Settings())  # the model and gazetteer, once per process


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    count = fdp.ConsumeIntInRange(1, 12)
    picks = [fdp.ConsumeIntInRange(0, 255) for _ in range(count)]
    pieces = [fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 60)) for _ in range(count)]
    report = annotate(RawDocument(text=spliced(pieces, picks), origin="<fuzz>"), RESOURCES)
    assert bad_spans(report) == [], bad_spans(report)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
