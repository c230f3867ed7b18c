"""Parquet: one row per report, the whole output contract as nested columns.

DuckDB (already the store's engine) writes it: the reports go to a JSON Lines file
beside the output, and DuckDB reads that with every row sampled (so a field null in
one report and set in another gets one type) and copies it to Parquet. Lists of places,
events, figures … stay lists of structs: ``SELECT unnest(events) FROM 'out.parquet'``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from sitrep.records import to_dict

FORMAT = "parquet"
SUFFIX = ".parquet"


def write(store: Any, out_path: Path) -> int:
    staging = out_path.with_name(out_path.name + ".jsonl")
    try:
        count = 0
        with staging.open("w", encoding="utf-8") as handle:
            for report in store.iter_reports():
                handle.write(json.dumps(to_dict(report), ensure_ascii=False) + "\n")
                count += 1
        if count == 0:
            _write_empty(out_path)
            return 0
        con = duckdb.connect(":memory:")
        try:
            source = _sql_string(str(staging))
            target = _sql_string(str(out_path))
            con.execute(
                f"COPY (SELECT * FROM read_json({source}, format='newline_delimited', "
                f"sample_size=-1, maximum_object_size=268435456)) "
                f"TO {target} (FORMAT parquet)"
            )
        finally:
            con.close()
        return count
    finally:
        staging.unlink(missing_ok=True)


def _write_empty(out_path: Path) -> None:
    con = duckdb.connect(":memory:")
    try:
        con.execute(
            f"COPY (SELECT NULL::VARCHAR AS id WHERE false) TO {_sql_string(str(out_path))} "
            "(FORMAT parquet)"
        )
    finally:
        con.close()


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
