"""Start the app and save a screenshot of every page at each window width (1,024 and 1,400 px).

    python scripts/screenshots.py [--out docs/screenshots] [--db PATH] [--widths 1024,1400] [--height 900]

Without --db, the app runs on a fresh copy of the demonstration corpus (scripts/demo_corpus.py:
the seed and ten synthetic articles), so Stance, Trends and Compare have something to compare.
Writes OUT/<width>/<n>_<page>.png. Uses Debian's Chromium (/usr/bin/chromium) through
Playwright; the server is stopped after.
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
# (file name, URL path, what to wait for); {seed} is the seed article's id.
PAGES = [
    ("1_article", "/?id={seed}", 'mark.se-quote[data-speaker="keir-starmer"]'),
    ("2_who_said_what", "/speakers", ".se-facts"),
    ("3_stance", "/stance", ".js-plotly-plot .main-svg"),
    ("4_numbers", "/numbers", ".js-plotly-plot .main-svg"),
    ("5_trends", "/trends?by=party&period=month", ".js-plotly-plot .main-svg"),
    ("6_compare", "/compare?mode=parties&a=Labour&b=Conservative", ".se-figures"),
    ("7_how_it_works", "/how_it_works?id={seed}&quote=q6", ".se-link"),
    ("8_corrections", "/corrections", "h1"),
    ("9_corpus", "/corpus", '[data-testid="stDataFrame"]'),
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


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
    parser.add_argument("--db", type=Path, default=None, help="database to show (default: a fresh demo corpus)")
    parser.add_argument("--widths", default="1024,1400", help="window widths, comma-separated")
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="stance-shots-"))
    db = args.db
    if db is None:
        sys.path.insert(0, str(ROOT / "scripts"))
        from demo_corpus import build_demo_corpus

        db = tmp / "corpus.db"
        build_demo_corpus(db)
    seed = _seed_id(db)
    port = free_port()
    proc = start_server(db, port, tmp / "server.log")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for width in (int(w) for w in args.widths.split(",")):
                out = args.out / str(width)
                out.mkdir(parents=True, exist_ok=True)
                page = browser.new_page(viewport={"width": width, "height": args.height})
                for name, path, ready in PAGES:
                    page.goto(f"http://127.0.0.1:{port}{path.format(seed=seed)}", wait_until="domcontentloaded")
                    page.locator(ready).first.wait_for(state="attached", timeout=90_000)
                    page.locator(IDLE).wait_for(timeout=90_000)
                    page.wait_for_timeout(1500)  # let charts finish their transitions
                    target = out / f"{name}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def _seed_id(db: Path) -> str:
    import sqlite3

    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT id FROM articles WHERE id LIKE 'starmer-visits-albania%'").fetchone()
    return row[0] if row else ""


if __name__ == "__main__":
    main()
