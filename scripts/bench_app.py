"""Benchmark the web app on a generated corpus.

    python scripts/bench_app.py [--n 1000]

Reports
- cold start: from launching `streamlit run app.py` to the article page's first quote
  highlight being visible in Chromium (server start, model load, store open, first render);
- filter change: server time of one script run after a sidebar filter changes, per page,
  measured with Streamlit's AppTest in this process (each change uses a new value, so the
  frame caches miss).

The corpus (n generated articles plus the seeds, analysed by the real pipeline) is built
once into data/bench/ and reused while the analyser version is unchanged.
Targets on the 2-core development machine: cold start < 5 s, filter change < 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

COLD_TARGET_S = 5.0
FILTER_TARGET_MS = 300.0


def corpus_db(n: int) -> Path:
    """A store with n generated articles, built on first use."""
    from generate_corpus import build_store

    from analysis.pipeline import ANALYSER_VERSION
    from analysis.store import Store

    db = ROOT / "data" / "bench" / f"corpus_{n}_{ANALYSER_VERSION}.db"
    if db.exists() and Store(db).count() >= n:
        return db
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    print(f"building a {n}-article corpus (once) …", file=sys.stderr)
    seconds = build_store(db, n)
    print(f"built in {seconds:.0f} s", file=sys.stderr)
    return db


def cold_start(db: Path) -> tuple[float, float]:
    """Seconds from launch to /_stcore/health, and to the first highlighted quote on screen."""
    from playwright.sync_api import sync_playwright
    from screenshots import CHROMIUM, CHROMIUM_ARGS, free_port, start_server

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        port = free_port()
        t0 = time.perf_counter()
        proc = start_server(db, port, Path(tempfile.mkdtemp()) / "server.log")
        healthy = time.perf_counter() - t0
        try:
            page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
            page.locator("mark.se-quote").first.wait_for(state="visible", timeout=120_000)
            first = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(timeout=15)
            browser.close()
    return healthy, first


def filter_changes(db: Path, rounds: int = 5) -> dict[str, list[float]]:
    """Milliseconds per script run after a filter change, per page."""
    from streamlit.testing.v1 import AppTest

    from analysis.store import Store

    os.environ["STANCE_EXPLORER_DB"] = str(db)
    speakers = [s[0] for s in Store(db).options()["speakers"]][: rounds * 4]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    results: dict[str, list[float]] = {}
    pages = ["pages/speakers.py", "pages/stance.py", "pages/numbers.py", "pages/article.py"]
    k = 0
    for page in pages:
        at.switch_page(page).run()
        times = []
        for _ in range(rounds):
            choice = [speakers[k % len(speakers)]]
            k += 1
            at.sidebar.multiselect(key="f_speaker").set_value(choice)
            t0 = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - t0) * 1000)
            assert not at.exception, [e.value for e in at.exception]
        at.sidebar.multiselect(key="f_speaker").set_value([])
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)  # back to the whole corpus
        results[page.split("/")[-1]] = times
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=3)
    args = parser.parse_args()
    from analysis.store import Store

    db = corpus_db(args.n)
    store = Store(db)
    with store.connect() as conn:
        nq = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        nn = conn.execute("SELECT count(*) FROM numbers").fetchone()[0]
    print(
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)"
    )
    print(
        f"corpus: {store.count()} articles, {nq} quotes, {nn} figures, "
        f"{db.stat().st_size / 1e6:.1f} MB ({db.relative_to(ROOT)})"
    )
    runs = [cold_start(db) for _ in range(args.cold_runs)]
    firsts = sorted(r[1] for r in runs)
    first = statistics.median(firsts)
    print(
        f"cold start ({args.cold_runs} runs): server healthy median {statistics.median(r[0] for r in runs):.2f} s, "
        f"first page rendered median {first:.2f} s (min {firsts[0]:.2f}, max {firsts[-1]:.2f}) "
        f"(target < {COLD_TARGET_S:.0f} s) {'OK' if first < COLD_TARGET_S else 'SLOW'}"
    )
    worst = 0.0
    for page, times in filter_changes(db, args.rounds).items():
        changes, unfiltered = times[:-1], times[-1]
        worst = max(worst, max(changes), unfiltered)
        print(
            f"filter change on {page:<16} median {statistics.median(changes):6.0f} ms, "
            f"max {max(changes):6.0f} ms; back to all articles {unfiltered:6.0f} ms"
        )
    print(
        f"worst filter change {worst:.0f} ms (target < {FILTER_TARGET_MS:.0f} ms) "
        f"{'OK' if worst < FILTER_TARGET_MS else 'SLOW'}"
    )


if __name__ == "__main__":
    main()
