"""Start the app on a fresh database and save a 1600x1000 screenshot of each main page.

    python scripts/screenshots.py [--out docs/screenshots] [--db PATH]

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; the server is stopped after.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# (file name, URL path, what to wait for)
PAGES = [
    ("1_article", "/", 'mark.se-quote[data-speaker="keir-starmer"]'),
    ("2_who_said_what", "/speakers", "mark"),
    ("3_stance", "/stance", ".js-plotly-plot"),
    ("4_numbers", "/numbers", ".js-plotly-plot"),
    ("5_compare", "/compare?a=keir-starmer&b=chris-philp", ".js-plotly-plot"),
    ("6_how_it_works", "/how_it_works", "img.se-displacy"),
    ("7_corpus", "/corpus", "text=Articles"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    """`streamlit run app.py` on `port` with $STANCE_EXPLORER_DB=db; returns when healthy."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env={**os.environ, "STANCE_EXPLORER_DB": str(db)},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120  # a loaded machine (load tests, benchmarks) starts slowly
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.3)
        if proc.poll() is not None:
            break
    proc.terminate()
    raise SystemExit("streamlit did not start:\n" + log.read_text()[-3000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--db", type=Path, default=None, help="database to show (default: a fresh one)")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="stance-shots-"))
    port = free_port()
    proc = start_server(args.db or tmp / "corpus.db", port, tmp / "server.log")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            for name, path, ready in PAGES:
                page.goto(f"http://127.0.0.1:{port}{path}", wait_until="domcontentloaded")
                page.locator(ready).first.wait_for(state="visible", timeout=90_000)
                page.wait_for_timeout(1500)  # let charts finish their transitions
                target = args.out / f"{name}.png"
                page.screenshot(path=str(target))
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)


if __name__ == "__main__":
    main()
