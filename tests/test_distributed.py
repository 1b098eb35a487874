"""The Dask path on a LocalCluster: Parquet partitions, the same analyses as the batch, import, resume."""

from __future__ import annotations

import json

import pytest

from analysis.batch import iter_results, read_item
from analysis.distributed import COLUMNS, analysis_of, import_parquet, read_rows, run
from analysis.store import Store
from tests.test_batch import as_json, write_corpus

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client():
    """One in-process worker with one thread: fast to start and robust on 2 cores."""
    from dask import distributed

    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_run_writes_partitions_equal_to_the_batch_and_imports_them(tmp_path, client, nlp):
    folder = tmp_path / "in"
    paths = write_corpus(folder, 3)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    out = tmp_path / "parquet"
    report = run([folder], out, client=client, chunk_size=2)
    assert (report.files, report.written, report.skipped) == (4, 3, 0)
    assert [f.path.endswith("broken.txt") for f in report.failed] == [True]
    assert len(report.partitions) == 2  # 3 articles in chunks of 2

    rows = sorted(read_rows(out), key=lambda r: r["path"])
    assert set(rows[0]) == set(COLUMNS)
    assert [r["path"] for r in rows] == [str(p) for p in paths]
    batch = [a for _, a in iter_results([read_item(p) for p in paths], nlp=nlp)]
    for row, analysis in zip(rows, batch):
        assert json.loads(row["analysis"]) == as_json(analysis)
        assert as_json(analysis_of(row)) == as_json(analysis)  # rebuilt from its dict, unchanged
        assert row["content_hash"] == analysis.article.content_hash

    store = Store(tmp_path / "corpus.db")
    imported = import_parquet(out, store)
    assert (imported.added, imported.skipped, imported.failed) == (3, 0, [])
    for row in store.articles():
        stored = store.get_analysis(row.id, refresh=False)
        assert row.stale is False and stored.quotes
    assert import_parquet(out, store).skipped == 3  # importing twice adds nothing


def test_dask_run_resumes(tmp_path, client):
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    out = tmp_path / "parquet"
    assert run([folder], out, client=client).written == 2
    write_corpus(folder, 1, start=2)
    again = run([folder], out, client=client)
    assert (again.written, again.skipped) == (1, 2)
    assert len(list(read_rows(out))) == 3
