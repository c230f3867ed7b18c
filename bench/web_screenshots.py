"""Screenshots of the analyst's page over the seeds and the example reports, for
docs/WEB.md: the overview (map, timeline, lists), an area chosen by keyboard, the reader,
and a correction.

    python bench/web_screenshots.py [--seeds ../shared/seeds] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from playwright.sync_api import sync_playwright  # noqa: E402

import web_api  # noqa: E402
from sitrep.web import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1400, "height": 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "desk.duckdb"
        # Relative paths: the page shows them, and they should not name this machine.
        sources = [os.path.relpath(p, REPO) for p in (args.seeds, REPO / "examples" / "articles")
                   if p.exists()]  # fmt: skip
        sitrep = str(Path(sys.executable).parent / "sitrep")
        subprocess.run([sitrep, "ingest", *sources, "--db", str(db)], check=True,
                       capture_output=True, cwd=REPO)  # fmt: skip
        port = web_api.free_port()
        server = serve_with_token(db, port)
        base = f"http://127.0.0.1:{port}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(base)
            page.wait_for_selector("body[data-basemap='1']", timeout=60_000)
            page.screenshot(path=str(args.out / "desk.png"))
            select_area_by_keyboard(page, "Izyum")
            page.screenshot(path=str(args.out / "area.png"))
            page.keyboard.press("Escape")
            page.locator("#doc-list button", has_text="000_").first.click()
            page.wait_for_selector("#reader-text .hl-quote", timeout=30_000)
            page.locator("#reader").scroll_into_view_if_needed()
            page.locator("#reader-text .hl-place").first.click()
            page.screenshot(path=str(args.out / "reader.png"))
            page.locator("#reader-text .hl-place").first.evaluate(
                """node => { const range = document.createRange();
                             range.selectNodeContents(node);
                             window.getSelection().removeAllRanges();
                             window.getSelection().addRange(range); }"""
            )
            page.keyboard.press("Control+Enter")
            page.wait_for_selector("#correction-dialog[open]")
            page.screenshot(path=str(args.out / "correction.png"))
            browser.close()
        server.should_exit = True
    for name in ("desk.png", "area.png", "reader.png", "correction.png"):
        print(args.out / name)


def select_area_by_keyboard(page: object, place: str) -> None:
    """Focus the map, shrink the box, steer it onto ``place`` with the arrows, Enter."""
    page.focus("#map")  # type: ignore[attr-defined]
    for _ in range(3):
        page.keyboard.press("-")  # type: ignore[attr-defined]
    circle = page.locator("#map-places circle",  # type: ignore[attr-defined]
                          has=page.locator("title", has_text=place)).first  # type: ignore[attr-defined]
    target = (float(circle.get_attribute("cx")), float(circle.get_attribute("cy")))
    box = page.locator("#map-selection")  # type: ignore[attr-defined]
    for _ in range(100):
        x = float(box.get_attribute("x")) + float(box.get_attribute("width")) / 2
        y = float(box.get_attribute("y")) + float(box.get_attribute("height")) / 2
        dx, dy = target[0] - x, target[1] - y
        if abs(dx) > 12:
            page.keyboard.press("ArrowRight" if dx > 0 else "ArrowLeft")  # type: ignore[attr-defined]
        elif abs(dy) > 8:
            page.keyboard.press("ArrowDown" if dy > 0 else "ArrowUp")  # type: ignore[attr-defined]
        else:
            break
    page.keyboard.press("Enter")  # type: ignore[attr-defined]


def serve_with_token(db: Path, port: int) -> object:
    import threading
    import time

    import uvicorn

    app = create_app(db, token="screenshot")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server


if __name__ == "__main__":
    main()
