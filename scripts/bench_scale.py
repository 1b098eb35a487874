"""Benchmark the analyser and the app at scale: analysis speed, batch, Dask, pages at 10,000 articles.

    python scripts/bench_scale.py                 # everything (about 10 minutes on 2 cores)
    python scripts/bench_scale.py --only pages    # one section: analysis, batch, dask, pages, server

Sections
- analysis: words/s of `analyze_many` and of a bare `nlp.pipe` on the same texts, and their
  ratio (runs scripts/bench_analysis.py unchanged);
- batch: `python -m analysis batch`'s path (`run_batch`) on generated articles into a fresh
  store, with 1 and with 2 worker processes;
- dask: the same articles on a LocalCluster of 2 single-threaded worker processes, written as
  Parquet partitions, then imported into a store;
- pages: every page's first render in a new session and the time of sidebar filter changes,
  with Streamlit's AppTest (server time of one script run), on a store of --n synthetic
  articles (`generate_corpus.py --synthetic`: template-made analyses, no spaCy, about 11
  quotes per article). Runs in its own process, whose peak memory is reported;
- server: a real `streamlit run app.py` on the same store, each page opened in Chromium;
  the server process's peak memory (VmHWM) is reported.

Every figure depends on what else the machine is doing; the load average is printed first.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

SECTIONS = ("analysis", "batch", "dask", "pages", "server")
PAGE_TARGET_MS = 300.0
PAGES = ("article", "speakers", "stance", "numbers", "compare", "how_it_works", "corpus")
SLOW_PAGE_S = 20.0  # a page slower than this gets one filter change, not several


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_articles(folder: Path, n: int) -> int:
    """n generated articles as .txt files with a manifest; returns their word count."""
    from generate_corpus import articles

    folder.mkdir(parents=True, exist_ok=True)
    manifest, words = {}, 0
    for i, (text, meta) in enumerate(articles(n)):
        name = f"generated_{i:05d}.txt"
        (folder / name).write_text(text, "utf-8")
        manifest[name] = meta
        words += len(text.split())
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return words


def bench_analysis() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_analysis.py"), "--repeat", "2", "--rounds", "5"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in out.stdout.strip().splitlines():
        print(f"  {line}")


def bench_batch(n: int) -> None:
    from analysis.batch import run_batch
    from analysis.nlp import load_nlp
    from analysis.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        words = write_articles(folder, n)
        print(f"  {n} generated articles, {words:,} words; the model is loaded before timing")
        load_nlp()
        for processes in (1, 2):
            store = Store(Path(tmp) / f"batch_{processes}.db")
            report = run_batch([folder], store, processes=processes)
            assert report.added == n and not report.failed, report
            print(
                f"  batch, {processes} process{'es' if processes > 1 else ''}: {report.seconds:6.1f} s, "
                f"{n / report.seconds:5.2f} articles/s, {report.words_per_second:7,.0f} words/s "
                f"(analysis and store writes)"
            )


def bench_dask(n: int) -> None:
    from analysis.distributed import import_parquet, run, start_client
    from analysis.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        write_articles(folder, n)
        t0 = time.perf_counter()
        client = start_client(workers=2, processes=True)
        started = time.perf_counter() - t0
        try:
            report = run([folder], Path(tmp) / "parquet", client=client)
        finally:
            cluster = client.cluster
            client.close()
            cluster.close()
        assert report.written == n and not report.failed, report
        print(f"  LocalCluster of {report.workers} single-threaded worker processes: started in {started:.1f} s")
        print(
            f"  dask run: {report.seconds:6.1f} s, {n / report.seconds:5.2f} articles/s, "
            f"{report.words_per_second:7,.0f} words/s, {len(report.partitions)} Parquet partitions "
            f"(includes each worker loading the model)"
        )
        store = Store(Path(tmp) / "imported.db")
        imp = import_parquet(Path(tmp) / "parquet", store)
        print(
            f"  import-parquet: {imp.added} articles in {imp.seconds:.1f} s ({imp.added / imp.seconds:,.0f} articles/s)"
        )


def synthetic_db(n: int) -> Path:
    """A store of n synthetic articles, built once into data/bench/ and reused."""
    from generate_corpus import build_synthetic_store

    from analysis.pipeline import ANALYSER_VERSION
    from analysis.store import Store

    db = ROOT / "data" / "bench" / f"synthetic_{n}_{ANALYSER_VERSION}.db"
    if db.exists() and Store(db).count() >= n:
        return db
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    print(f"  building {n} synthetic articles into {db.relative_to(ROOT)} (once; no spaCy) …", flush=True)
    seconds = build_synthetic_store(db, n, quiet=True)
    print(f"  built in {seconds:.0f} s", flush=True)
    return db


def _timed_run(at) -> float:  # AppTest
    t0 = time.perf_counter()
    at.run()
    ms = (time.perf_counter() - t0) * 1000
    assert not at.exception, [e.value for e in at.exception]
    return ms


def bench_pages(db: Path, rounds: int) -> None:
    """Runs in its own process (see main): AppTest renders the app in this process."""
    os.environ["STANCE_EXPLORER_DB"] = str(db)
    from streamlit.testing.v1 import AppTest

    from analysis.store import Store
    from ui.caches import warm_caches

    pauses: list[float] = []  # garbage-collector pauses: a full collection can stall a page run
    started: list[float] = []

    def on_gc(phase: str, _info: dict) -> None:
        if phase == "start":
            started.append(time.perf_counter())
        elif started:
            pauses.append((time.perf_counter() - started.pop()) * 1000)

    store = Store(db)
    with store.connect() as conn:
        nq = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        nn = conn.execute("SELECT count(*) FROM numbers").fetchone()[0]
    print(f"  corpus: {store.count():,} articles, {nq:,} quotes, {nn:,} figures, {db.stat().st_size / 1e6:.0f} MB")
    t0 = time.perf_counter()
    warm_caches(store)
    print(
        f"  server warm-up (once per server and per corpus change, in the background): "
        f"{time.perf_counter() - t0:.1f} s; peak memory so far {peak_mb():.0f} MB"
    )
    # The server's background thread (started by the first page) loads the spaCy model once per
    # server and re-checks the warm caches: wait for it, so the figures below are steady state.
    warm_up = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    warm_up.run()
    for thread in threading.enumerate():
        if thread.name.startswith("stance-warm-up"):
            thread.join()
    gc.callbacks.append(on_gc)
    opts = store.options()
    speakers = [s[0] for s in opts["speakers"]]
    parties = opts["parties"]
    worst = 0.0
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        first = _timed_run(at.switch_page(f"pages/{page}.py"))
        rerun = _timed_run(at)
        changes: list[float] = []
        if page not in ("article", "how_it_works", "corpus"):
            plan = [("f_speaker", [speakers[k % len(speakers)]]) for k in range(rounds)]
            plan += [("f_party", [parties[k % len(parties)]]) for k in range(1, 3)]
            plan += [("f_stance", ["open"]), ("f_speaker", []), ("f_party", []), ("f_stance", [])]
            if first / 1000 > SLOW_PAGE_S:
                plan = plan[:1]
            slowest = ""
            for key, value in plan:
                at.sidebar.multiselect(key=key).set_value(value)
                changes.append(_timed_run(at))
                if changes[-1] == max(changes):
                    slowest = f"{key}={value or 'all'}"
        worst = max([worst, first, rerun, *changes])
        line = f"  {page:<13} first render {first:7.0f} ms, rerun {rerun:6.0f} ms"
        if changes:
            line += (
                f"; {len(changes)} filter changes median {statistics.median(changes):6.0f} ms, "
                f"max {max(changes):6.0f} ms ({slowest})"
            )
        print(line + f"; peak memory {peak_mb():.0f} MB", flush=True)
    print(f"  worst {worst:.0f} ms (target < {PAGE_TARGET_MS:.0f} ms) {'OK' if worst < PAGE_TARGET_MS else 'SLOW'}")
    gc.callbacks.remove(on_gc)
    if pauses:
        print(f"  garbage-collector pauses: {len(pauses)}, longest {max(pauses):.0f} ms, {sum(pauses):.0f} ms in all")
    print(f"  peak memory of this process (the app ran in it): {peak_mb():.0f} MB")


def bench_server(db: Path) -> None:
    from playwright.sync_api import sync_playwright
    from screenshots import CHROMIUM, CHROMIUM_ARGS, free_port, start_server

    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        proc = start_server(db, port, Path(tmp) / "server.log")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                for name in PAGES:
                    t0 = time.perf_counter()
                    page.goto(
                        f"http://127.0.0.1:{port}/{'' if name == 'article' else name}", wait_until="domcontentloaded"
                    )
                    page.locator("h1").first.wait_for(state="visible", timeout=300_000)
                    title = time.perf_counter() - t0
                    page.wait_for_timeout(500)  # the script run is still going while the status widget shows
                    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=600_000)
                    print(
                        f"  {name:<13} title visible after {title:5.1f} s, run finished after "
                        f"{time.perf_counter() - t0:5.1f} s (browser, includes the page load)",
                        flush=True,
                    )
                browser.close()
            status = Path(f"/proc/{proc.pid}/status").read_text()
            hwm = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
            print(f"  streamlit server peak memory (VmHWM): {int(hwm) / 1024:.0f} MB")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="synthetic articles for the page benchmark")
    parser.add_argument("--batch-n", type=int, default=40, help="generated articles for batch and Dask")
    parser.add_argument("--rounds", type=int, default=3, help="speaker filter changes per page")
    parser.add_argument("--only", help="comma-separated sections: " + ", ".join(SECTIONS))
    parser.add_argument("--in-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    only = args.only.split(",") if args.only else list(SECTIONS)
    if args.in_child:
        bench_pages(synthetic_db(args.n), args.rounds)
        return
    print(
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} "
        "(other work on the machine slows every figure)",
        flush=True,
    )
    if "analysis" in only:
        print("analysis speed (scripts/bench_analysis.py):", flush=True)
        bench_analysis()
    if "batch" in only:
        print("batch (python -m analysis batch):", flush=True)
        bench_batch(args.batch_n)
    if "dask" in only:
        print("dask (python -m analysis distributed, LocalCluster):", flush=True)
        bench_dask(args.batch_n)
    if "pages" in only or "server" in only:
        db = synthetic_db(args.n)
        if "pages" in only:
            print(f"pages at {args.n:,} articles (AppTest, server time per script run):", flush=True)
            # its own process, so that its peak memory is the app's alone
            subprocess.run(
                [sys.executable, __file__, "--n", str(args.n), "--rounds", str(args.rounds), "--in-child"], check=True
            )
        if "server" in only:
            print(f"streamlit server at {args.n:,} articles (Chromium):", flush=True)
            bench_server(db)
    print(f"peak memory of the benchmark process (batch, Dask client): {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
