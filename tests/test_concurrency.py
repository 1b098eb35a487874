"""Crash safety and concurrency on one SQLite file: threads, and separate processes.

Every writer opens its own connection and takes SQLite's write lock with BEGIN IMMEDIATE, so
concurrent sessions queue rather than lose each other's work. Uses the hand-built analyser
(no model), so these tests are quick.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from analysis import serialization
from analysis.corrections import Correction
from analysis.store import Store
from tests.app_fixtures import FAKE_VERSION, fake_analyze, seed_text

TABLES = ("articles", "analyses", "speakers", "quotes", "numbers")


def article(tag: str) -> str:
    return (
        f"Asylum report {tag}\nJane Doe, the home secretary, said: “We will cut the backlog {tag}.”\n"
        f"Asylum claims rose to {len(tag) * 1000} in 2024.\n"
    )


def slow_analyze(text, **kw):
    time.sleep(0.01)  # widen the window between reading and writing
    return fake_analyze(text, **kw)


def open_store(path) -> Store:
    return Store(Path(path), analyser=slow_analyze, version=FAKE_VERSION)


def counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def integrity(path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def stance_fixes(store: Store, article_id: str, worker: str, n: int) -> list[Correction]:
    """n set_stance corrections on distinct quotes, each tagged with the worker in its note."""
    quotes = store.get_analysis(article_id, refresh=False, corrected=False).quotes
    return [
        Correction(
            kind="set_stance",
            article_id=article_id,
            start=q.start,
            end=q.end,
            text=q.text,
            value={"migration": "open"},
            note=f"{worker}-{i}",
        )
        for i, q in enumerate(quotes[:n])
    ]


def rows_match_a_fresh_rebuild(store: Store, article_id: str) -> bool:
    """The normalised rows equal what the stored machine output plus every correction gives."""
    applied = store.applied(article_id)
    with sqlite3.connect(store.path) as conn:
        rows = conn.execute(
            "SELECT quote_id, migration, speaker_id FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,)
        ).fetchall()
    return rows == [(q.id, q.stance.migration, q.speaker_id) for q in applied.analysis.quotes]


# -- threads -------------------------------------------------------------------------------


def test_threads_adding_correcting_and_reanalysing_lose_nothing(tmp_path):
    path = tmp_path / "c.db"
    store = open_store(path)
    seed = store.add(seed_text()).article_id
    errors: list[BaseException] = []

    def run(fn, *args):
        try:
            fn(*args)
        except BaseException as exc:  # reported below
            errors.append(exc)

    def adder(worker: int) -> None:
        s = open_store(path)
        for i in range(8):
            assert s.add(article(f"t{worker}-{i}")).status == "added"
            assert s.add(article(f"shared-{i}")).status in ("added", "duplicate")  # same text, racing

    def corrector(worker: int) -> None:
        s = open_store(path)
        for c in stance_fixes(s, seed, f"w{worker}", 8)[worker * 4 : worker * 4 + 4]:
            s.add_correction(c)

    def reanalyser() -> None:
        s = open_store(path)
        for _ in range(6):
            s.reanalyse(seed, force=True)

    threads = [threading.Thread(target=run, args=(adder, w)) for w in range(4)]
    threads += [threading.Thread(target=run, args=(corrector, w)) for w in range(2)]
    threads += [threading.Thread(target=run, args=(reanalyser,))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert store.count() == 1 + 4 * 8 + 8
    assert len(store.corrections()) == 8 and all(r.status == "applied" for r in store.corrections())
    assert rows_match_a_fresh_rebuild(store, seed)
    assert integrity(path) == "ok"


# -- processes -----------------------------------------------------------------------------


def _process_worker(path: str, worker: int, seed: str, n: int, barrier) -> None:
    store = open_store(path)
    barrier.wait(timeout=60)
    fixes = stance_fixes(store, seed, f"p{worker}", 16)[worker * 8 : worker * 8 + 8]
    for i in range(n):
        store.add(article(f"p{worker}-{i}"))
        store.add(article(f"both-{i}"))  # both processes add this text: exactly one copy stays
        if i < len(fixes):
            store.add_correction(fixes[i])
        if worker == 0 and i % 3 == 0:
            store.reanalyse(seed, force=True)


def test_two_processes_on_one_database_lose_nothing(tmp_path):
    path = tmp_path / "c.db"
    store = open_store(path)
    seed = store.add(seed_text()).article_id
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_process_worker, args=(str(path), w, seed, 10, barrier)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=180)
    assert [p.exitcode for p in procs] == [0, 0]
    assert store.count() == 1 + 2 * 10 + 10
    notes = sorted(r.correction.note for r in store.corrections())
    assert notes == sorted([f"p0-{i}" for i in range(8)] + [f"p1-{i}" for i in range(8, 16)])
    assert all(r.status == "applied" for r in store.corrections())
    assert rows_match_a_fresh_rebuild(store, seed)
    assert integrity(path) == "ok"


# -- crashes -------------------------------------------------------------------------------


def test_analyser_failure_mid_analysis_leaves_nothing(tmp_path):
    def broken(text, **kw):
        raise RuntimeError("model crashed")

    store = Store(tmp_path / "c.db", analyser=broken, version=FAKE_VERSION)
    with pytest.raises(RuntimeError):
        store.add(article("x"))
    assert counts(store.path) == dict.fromkeys(TABLES, 0)


def test_failure_while_applying_a_correction_rolls_it_back(tmp_path, monkeypatch):
    store = open_store(tmp_path / "c.db")
    seed = store.add(seed_text()).article_id
    before = counts(store.path)
    (fix,) = stance_fixes(store, seed, "x", 1)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(serialization, "quote_rows", boom)
    with pytest.raises(RuntimeError):
        store.add_correction(fix)
    monkeypatch.undo()
    assert store.corrections() == [] and counts(store.path) == before
    assert rows_match_a_fresh_rebuild(store, seed)


def _die_mid_write(path: str) -> None:
    def die(*args, **kwargs):
        os._exit(17)  # the process vanishes inside the transaction, as on a power cut or kill -9

    serialization.number_rows = die
    open_store(path).add(article("killed"))


def test_process_killed_inside_the_transaction_leaves_no_half_article(tmp_path):
    path = tmp_path / "c.db"
    store = open_store(path)
    store.add(seed_text())
    before = counts(path)
    proc = mp.get_context("spawn").Process(target=_die_mid_write, args=(str(path),))
    proc.start()
    proc.join(timeout=60)
    assert proc.exitcode == 17
    assert counts(path) == before and integrity(path) == "ok"
    assert store.add(article("killed")).status == "added"  # the lock was released; the next write works
