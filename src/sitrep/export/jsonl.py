"""JSON Lines: one report per line, exactly the output contract of ``sitrep extract --json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitrep.records import to_dict

FORMAT = "jsonl"
SUFFIX = ".jsonl"


def write(store: Any, out_path: Path) -> int:
    count = 0
    with out_path.open("w", encoding="utf-8") as handle:
        for report in store.iter_reports():
            handle.write(json.dumps(to_dict(report), ensure_ascii=False) + "\n")
            count += 1
    return count
