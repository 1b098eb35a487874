"""Batch analysis into the store: resumable, a bad file skipped with its reason, same results in processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.batch import Failure, find_files, iter_results, read_item, run_batch
from analysis.serialization import analysis_to_json
from analysis.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from generate_corpus import article  # noqa: E402


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        text, _meta = article(i)
        path = folder / f"a{i:02d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def as_json(analysis) -> dict:
    return json.loads(analysis_to_json(analysis))


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "corpus.db")


def test_find_files_takes_folders_globs_and_files(tmp_path):
    paths = write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "notes.md").write_text("not an article")
    (tmp_path / "in" / "sub").mkdir()
    (tmp_path / "in" / "sub" / "page.html").write_text("<html></html>")
    assert find_files([tmp_path / "in"]) == [*paths, tmp_path / "in" / "sub" / "page.html"]
    assert find_files([str(tmp_path / "in" / "a0*.txt"), paths[0]]) == paths


@pytest.mark.model
def test_resume_skips_what_the_store_already_holds(tmp_path, store, nlp):
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    first = run_batch([folder], store, nlp=nlp)
    assert (first.files, first.added, first.skipped, first.failed) == (2, 2, 0, [])
    write_corpus(folder, 1, start=2)  # one new article arrives
    second = run_batch([folder], store, nlp=nlp)
    assert (second.files, second.added, second.skipped) == (3, 1, 2)
    assert store.count() == 3


@pytest.mark.model
def test_a_bad_file_in_the_middle_is_skipped_with_its_reason(tmp_path, store, nlp):
    folder = tmp_path / "in"
    write_corpus(folder, 1, start=0)
    (folder / "a01.txt").write_bytes(b"%PDF-1.4\x00\x01binary")  # fails when read
    (folder / "a02.txt").write_text("1234 5678 91011 121314 151617", "utf-8")  # read, but the analyser refuses it
    write_corpus(folder, 1, start=3)
    failures = []
    report = run_batch([folder], store, nlp=nlp, chunk_size=4, on_failure=failures.append)
    assert (report.added, report.skipped) == (2, 0)
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert set(reasons) == {"a01.txt", "a02.txt"}
    assert "PDF" in reasons["a01.txt"] and "no words" in reasons["a02.txt"]
    titles = {row.title for row in store.articles()}
    assert titles == {"a00", "a03"}


@pytest.mark.model
def test_one_and_two_processes_give_the_same_analyses(tmp_path, nlp):
    items = [read_item(p) for p in write_corpus(tmp_path / "in", 4)]
    assert not any(isinstance(i, Failure) for i in items)
    single = [as_json(a) for _, a in iter_results(items, processes=1, chunk_size=4, nlp=nlp)]
    multi = [as_json(a) for _, a in iter_results(items, processes=2, chunk_size=2)]
    assert [d["article"]["content_hash"] for d in single] == [d["article"]["content_hash"] for d in multi]
    assert single == multi
    assert all(d["quotes"] for d in single)


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)], cwd=ROOT, capture_output=True, timeout=180, text=True
    )


@pytest.mark.model
def test_cli_file_form_and_batch_subcommand(tmp_path):
    (path,) = write_corpus(tmp_path / "in", 1)
    one = run_cli(path, "--indent", "0")
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout)["quotes"]
    db = tmp_path / "corpus.db"
    batch = run_cli("batch", tmp_path / "in", "--db", db)
    assert batch.returncode == 0, batch.stderr
    assert "1 added" in batch.stderr
    assert Store(db).count() == 1
    again = run_cli("batch", tmp_path / "in", "--db", db)
    assert "1 already in the store" in again.stderr
