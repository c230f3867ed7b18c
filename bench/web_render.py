"""First render of the analyst's page in headless chromium (issue 8 target: under 1 s with
10k events). A real uvicorn server on 127.0.0.1 over a synthetic store; the page marks
``sitrep-render`` (script start to map, timeline and lists drawn) and
``sitrep-with-basemap`` (the country outlines drawn too). Each size is loaded ``--repeat``
times in a fresh browser context; the last line is one JSON object:

    python bench/web_render.py --events 100,10000 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from playwright.sync_api import sync_playwright  # noqa: E402

import web_api  # noqa: E402
import web_store  # noqa: E402
from sitrep.web import basemap  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TARGET_MS = 1000.0


def measure(browser: object, url: str, repeat: int) -> dict[str, float]:
    render, full = [], []
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-basemap='1']", timeout=60_000)
        render.append(page.evaluate("performance.getEntriesByName('sitrep-render')[0].duration"))
        full.append(
            page.evaluate("performance.getEntriesByName('sitrep-with-basemap')[0].duration")
        )
        context.close()
    return {"render_ms": round(statistics.median(render), 1),
            "render_max_ms": round(max(render), 1),
            "with_basemap_ms": round(statistics.median(full), 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", default="100,10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    basemap.countries_geojson()  # built once per machine: not part of a page's render
    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in (int(s) for s in args.events.split(",")):
            db = web_store.build(Path(tmp) / f"render-{size}.duckdb", size)
            port = web_api.free_port()
            server = web_api.serve(db, port)
            results[size] = measure(browser, f"http://127.0.0.1:{port}/", args.repeat)
            server.should_exit = True
            time.sleep(0.2)
            print(f"{size:7d} events: first render {results[size]['render_ms']:7.1f} ms "
                  f"(max {results[size]['render_max_ms']:.1f}), with basemap "
                  f"{results[size]['with_basemap_ms']:.1f} ms")  # fmt: skip
        browser.close()
    largest = results[max(results)]
    print(json.dumps({"repeat": args.repeat, "sizes": results, "target_ms": TARGET_MS,
                      "meets_target": largest["render_ms"] < TARGET_MS}))  # fmt: skip


if __name__ == "__main__":
    main()
