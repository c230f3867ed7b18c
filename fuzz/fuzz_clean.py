"""Fuzz target: the boilerplate cleaner. Removed lines sit at their raw offsets; every
cleaned character maps back to the same raw character; nothing raises."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from sitrep.clean import clean


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    count = fdp.ConsumeIntInRange(0, 30)
    lines = [fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 80)) for _ in range(count)]
    raw = "\n".join(lines) + fdp.ConsumeUnicode(fdp.remaining_bytes())
    cleaned = clean(raw)
    for r in cleaned.removed:
        assert raw[r.start : r.end] == r.text, (r, raw)
        assert r.start == 0 or raw[r.start - 1] == "\n"
    for offset, char in enumerate(cleaned.text):
        assert raw[cleaned.to_raw(offset)] == char


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
