"""Analyse articles on a Dask cluster into Parquet partitions, and import those into the store.

Map of the module:
- `run`: read the files here, send chunks to Dask workers (a cluster at `scheduler`, or a
  `LocalCluster` started for the run), and write each finished chunk as one Parquet
  partition in `out_dir`. The task is `analysis.batch.analyse_items`, the same per-article
  function the single- and multi-process batch uses.
- `read_rows`: the rows of every partition in a folder.
- `import_parquet`: add the rows to the store through `Store.add(..., analysis=...)`.

One row per article: `id` (the analyser's article id), `content_hash` (of the analysed text),
`input_hash` (of the input, as the store keys duplicates), `analyser_version`, `analysis` (JSON
of `analysis.serialization.analysis_to_json`), `text` (the analysed text the offsets point into), `input` (the raw
input when it differs, e.g. HTML; else null), `path`, `title`, `published`, `source`.

Partitions are written by the client, so workers need no shared file system; they need the
`analysis` package and the spaCy model installed (see docs/scale.md).
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.batch import Failure, Item, analyse_items, chunk_size_for, chunks, find_files, read_item
from analysis.records import Analysis

if TYPE_CHECKING:
    import pyarrow as pa

    from analysis.store import Store

COLUMNS = (
    "id",
    "content_hash",
    "input_hash",
    "analyser_version",
    "analysis",
    "text",
    "input",
    "path",
    "title",
    "published",
    "source",
)


def _schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in COLUMNS])


@dataclass
class RunReport:
    """What a Dask run did."""

    files: int = 0
    written: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    partitions: list[Path] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    workers: int = 0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def to_row(item: Item, analysis: Analysis) -> dict[str, str | None]:
    """One Parquet row for an analysed article."""
    from analysis.serialization import analysis_to_json
    from analysis.store import input_hash

    art = analysis.article
    return {
        "id": art.id,
        "content_hash": art.content_hash,
        "input_hash": input_hash(item.text),
        "analyser_version": analysis.analyser_version,
        "analysis": analysis_to_json(analysis),
        "text": art.text,
        "input": None if item.text == art.text else item.text,
        "path": item.path,
        "title": item.title,
        "published": item.published,
        "source": item.source,
    }


def analyse_chunk(items: Sequence[Item]) -> tuple[list[dict[str, str | None]], list[Failure]]:
    """The Dask task: analyse a chunk on a worker (which loads the model once) into rows."""
    rows, failures = [], []
    for item, result in zip(items, analyse_items(items)):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            rows.append(to_row(item, result))
    return rows, failures


def write_partition(rows: list[dict[str, str | None]], path: Path) -> Path:
    """Write rows as one Parquet file (written aside, then renamed: a crash leaves no half file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_suffix(".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), tmp)
    os.replace(tmp, path)
    return path


def read_rows(folder: Path, columns: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every row of every `*.parquet` partition in `folder`, partition by partition."""
    import pyarrow.parquet as pq

    for path in sorted(Path(folder).glob("*.parquet")):
        yield from pq.read_table(path, columns=list(columns) if columns else None).to_pylist()


def _done_hashes(folder: Path) -> set[str]:
    if not Path(folder).is_dir():
        return set()
    return {r["input_hash"] for r in read_rows(folder, ["input_hash"])}


def start_client(scheduler: str | None = None, *, workers: int = 2, processes: bool = True) -> Any:
    """A Dask client: connected to `scheduler`, or to a new LocalCluster of single-threaded workers.

    One thread per worker: a spaCy pipeline is not meant to be shared between threads, and the
    parse holds the GIL anyway, so processes are what give parallelism.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    if processes:  # spawned workers must import `analysis` from this checkout
        root = str(Path(__file__).resolve().parent.parent)
        paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
        if root not in paths:
            os.environ["PYTHONPATH"] = os.pathsep.join([root, *filter(None, paths)])
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        silence_logs=logging.WARNING,
    )
    return Client(cluster)


def run(
    paths: Iterable[str | Path],
    out_dir: Path,
    *,
    scheduler: str | None = None,
    client: Any = None,
    workers: int = 2,
    processes: bool = True,
    chunk_size: int | None = None,
    store: Store | None = None,
    progress: Callable[[int], Any] | None = None,
    on_failure: Callable[[Failure], Any] | None = None,
    on_total: Callable[[int], Any] | None = None,
) -> RunReport:
    """Analyse the files under `paths` on Dask and write Parquet partitions into `out_dir`.

    Resumable: files already in `out_dir`'s partitions or in `store` (if given) are skipped.
    Pass `client` to reuse a running client; else one is started (and closed) for the run.
    """
    from dask.distributed import as_completed

    start = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = find_files(paths)
    report = RunReport(files=len(files))
    if on_total:
        on_total(len(files))
    done = _done_hashes(out_dir)

    def fail(f: Failure) -> None:
        report.failed.append(f)
        if on_failure:
            on_failure(f)

    todo = _still_to_do(files, done, store, report, fail, progress)
    if not todo:
        report.seconds = time.perf_counter() - start
        return report
    own = client is None
    client = client or start_client(scheduler, workers=workers, processes=processes)
    try:
        report.workers = len(client.scheduler_info().get("workers", {}))
        run_id = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
        parts = chunks(todo, chunk_size or chunk_size_for(len(todo), report.workers))
        futures = client.map(analyse_chunk, parts, pure=False)
        index = {f.key: k for k, f in enumerate(futures)}
        for future, (rows, failures) in as_completed(futures, with_results=True):
            for f in failures:
                fail(f)
            if rows:
                name = f"part-{run_id}-{index[future.key]:05d}.parquet"
                report.partitions.append(write_partition(rows, out_dir / name))
                report.written += len(rows)
                report.words += sum(len(r["text"].split()) for r in rows)
            if progress:
                progress(len(rows) + len(failures))
            future.release()
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    report.partitions.sort()
    report.seconds = time.perf_counter() - start
    return report


def _still_to_do(
    files: list[Path],
    done: set[str],
    store: Store | None,
    report: RunReport,
    fail: Callable[[Failure], None],
    progress: Callable[[int], Any] | None,
) -> list[Item]:
    """The files not yet in the partitions (`done`) or the store; unreadable ones are failures."""
    from analysis.store import input_hash

    manifests: dict[Path, dict[str, Any]] = {}
    todo: list[Item] = []
    for path in files:
        got = read_item(path, manifests)
        if isinstance(got, Failure):
            fail(got)
            if progress:
                progress(1)
            continue
        key = input_hash(got.text)
        if key in done or (store is not None and store.find_duplicate(got.text) is not None):
            report.skipped += 1
            if progress:
                progress(1)
            continue
        done.add(key)
        todo.append(got)
    return todo


def analysis_of(row: dict[str, Any]) -> Analysis:
    """The `Analysis` a Parquet row holds."""
    from analysis.serialization import analysis_from_json

    return analysis_from_json(row["analysis"], row["text"])


@dataclass
class ImportReport:
    """What an import did."""

    added: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


def import_parquet(folder: Path, store: Store, *, progress: Callable[[int], Any] | None = None) -> ImportReport:
    """Add every row of the partitions in `folder` to the store, without analysing again.

    A row made by another analyser version is stored as it is; the store marks it stale and
    re-analyses it on request, as for any article analysed by an older version.
    """
    start = time.perf_counter()
    report = ImportReport()
    for row in read_rows(folder):
        try:
            res = store.add(
                row["input"] or row["text"],
                title=row["title"],
                published=row["published"],
                source=row["source"],
                analysis=analysis_of(row),
            )
        except Exception as exc:  # one bad row must not stop the import
            report.failed.append(Failure(row.get("path") or row.get("id") or "?", f"{type(exc).__name__}: {exc}"))
        else:
            if res.status == "added":
                report.added += 1
            else:
                report.skipped += 1
        if progress:
            progress(1)
    report.seconds = time.perf_counter() - start
    return report
