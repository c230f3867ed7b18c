"""API latency on a large store (issue 8 target: p95 under 50 ms for a timeline query on
100k events). A real uvicorn server on 127.0.0.1, one keep-alive HTTP connection; each
query is asked ``--repeat`` times after a warm-up. Besides wall-clock p50/p95, ``cpu_ms``
is the CPU time of this process (server and client) per request: on a shared machine it
moves less with the other users' load than the wall clock. Before the queries it prints
how long reading the events into memory took (web/index.py, once per data version) and
the process's resident memory before and after. ``--sql`` answers without them (the
SQL path), to compare within one session. The last line is one JSON object:

    python bench/web_api.py --events 100000 --repeat 100 [--sql]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import uvicorn  # noqa: E402
from fastapi import FastAPI  # noqa: E402

import web_store  # noqa: E402
from sitrep.web import create_app  # noqa: E402

TARGET_P95_MS = 50.0
# A path with "{i}" asks about another place each time: what the answers kept per place
# (web/readers.py: SharedStore.memo) do not help, the cost of a first question.
QUERIES = {
    "timeline (one place)": "/api/timeline?place=Town%2017",
    "timeline (a new place)": "/api/timeline?place=Town%20{i}",
    "timeline (place + 50 km)": "/api/timeline?place=Town%2017&radius_km=50",
    "timeline (a new place + 50 km)": "/api/timeline?place=Town%20{i}&radius_km=50",
    "histogram by day": "/api/events/histogram?bucket=day",
    "histogram, one month": "/api/events/histogram?date_from=2023-03-01&date_to=2023-03-31",
    "histogram (a new place)": "/api/events/histogram?place=Town%20{i}",
    "events page, filtered": "/api/events?type=shelling&date_from=2023-01-01&limit=50",
    "events page, a new offset": "/api/events?type=shelling&date_from=2023-01-01&limit=50"
    "&offset={i}",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(app: FastAPI, port: int) -> uvicorn.Server:
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return server


def timings_ms(con: http.client.HTTPConnection, path: str, repeat: int) -> list[float]:
    found = []
    for i in range(repeat + 3):
        start = time.perf_counter()
        con.request("GET", path.format(i=(i * 7) % web_store.PLACES))
        response = con.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status} {body[:200]!r}")
        if i >= 3:  # the first answers warm DuckDB's caches
            found.append(elapsed)
    return found


def rss_mb() -> float:
    """This process's resident memory (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def read_events(app: FastAPI) -> dict[str, float]:
    """Wait for the events in memory (started in the background at open) and say what
    reading them cost."""
    store = app.state.store
    before = rss_mb()
    started = time.perf_counter()
    index = store.event_index(wait=True)
    if index is None:
        return {"rss_mb": round(before, 1)}
    figures = {"build_ms": round(index.build_s * 1000, 1),
               "build_cpu_ms": round(index.build_cpu_s * 1000, 1),
               "waited_ms": round((time.perf_counter() - started) * 1000, 1),
               "rss_before_mb": round(before, 1), "rss_mb": round(rss_mb(), 1)}  # fmt: skip
    print(f"events read into memory in {figures['build_ms']:.1f} ms, "
          f"{figures['build_cpu_ms']:.1f} ms CPU in Python (waited {figures['waited_ms']:.1f} ms);"
          f" RSS {before:.0f} -> {figures['rss_mb']:.0f} MB")  # fmt: skip
    return figures


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--sql", action="store_true", help="answer without the events in memory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        db = web_store.build(Path(tmp) / "web.duckdb", args.events)
        print(f"store of {args.events} events built in {time.perf_counter() - started:.1f} s")
        port = free_port()
        app = create_app(db)
        app.state.store.use_index = not args.sql
        server = serve(app, port)
        memory = read_events(app) if not args.sql else {"rss_mb": round(rss_mb(), 1)}
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        results = {}
        for name, path in QUERIES.items():
            cpu = time.process_time()
            found = timings_ms(con, path, args.repeat)
            cpu_ms = (time.process_time() - cpu) * 1000 / len(found)  # warm-up included
            results[name] = {"p50_ms": round(statistics.median(found), 1),
                             "p95_ms": round(p95(found), 1),
                             "cpu_ms": round(cpu_ms, 1)}  # fmt: skip
            print(f"{name:28s} p50 {results[name]['p50_ms']:7.1f} ms   "
                  f"p95 {results[name]['p95_ms']:7.1f} ms   cpu {cpu_ms:6.1f} ms")  # fmt: skip
        memory["rss_end_mb"] = round(rss_mb(), 1)
        server.should_exit = True
    timeline = results["timeline (one place)"]["p95_ms"]
    load = round(os.getloadavg()[0], 1)  # the others' load on a shared machine
    print(json.dumps({"events": args.events, "repeat": args.repeat, "load": load,
                      "sql_only": args.sql, "memory": memory, "queries": results,
                      "timeline_p95_ms": timeline, "target_p95_ms": TARGET_P95_MS,
                      "meets_target": timeline < TARGET_P95_MS}))  # fmt: skip


if __name__ == "__main__":
    main()
