"""Analyse folders of articles into the store: `nlp.pipe` batches, worker processes, resumable.

Map of the module:
- `find_files`: folders, globs and files -> the .txt/.html files to read, sorted.
- `read_item`: one file -> an `Item` (decoded text plus title, date and outlet from a
  `manifest.json` beside it, as `scripts/generate_corpus.py --out` writes), or a `Failure`.
- `analyse_items`: the per-article function every path shares (this module's processes and
  `analysis.distributed`'s Dask tasks): one `analyze_many` stream per chunk, falling back to
  one article at a time when the chunk fails, so a bad article costs only itself.
- `iter_results`: chunks analysed in this process or in a pool of worker processes.
- `run_batch`: the command line's `batch`: skip what the store already holds (by content
  hash), analyse the rest, add each result, report failures with their reason.

Workers load the spaCy model themselves (once per process, `analysis.nlp.load_nlp`).
"""

from __future__ import annotations

import glob
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.ingest import InputError, decode_bytes
from analysis.records import Analysis

if TYPE_CHECKING:
    from spacy.language import Language

    from analysis.store import Store

SUFFIXES = (".txt", ".html", ".htm")
MANIFEST = "manifest.json"
DEFAULT_CHUNK = 16


@dataclass(frozen=True)
class Item:
    """One article to analyse: its decoded input and what is known about it."""

    path: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Failure:
    """An article that could not be read or analysed, and why."""

    path: str
    reason: str


@dataclass
class BatchReport:
    """What a batch did."""

    files: int = 0
    added: int = 0
    skipped: int = 0  # already in the store (same content hash) or repeated in the batch
    failed: list[Failure] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """The .txt/.html files named by `paths` (files, folders searched recursively, or globs)."""
    found: dict[Path, None] = {}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            candidates = sorted(q for q in p.rglob("*") if q.is_file())
        elif p.exists():
            candidates = [p]
        else:
            candidates = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
        for q in candidates:
            if q.is_file() and (q.suffix.lower() in SUFFIXES or q == p):
                found[q] = None
    return list(found)


def _manifest(folder: Path, cache: dict[Path, dict[str, Any]]) -> dict[str, Any]:
    if folder not in cache:
        path = folder / MANIFEST
        try:
            cache[folder] = json.loads(path.read_text("utf-8")) if path.exists() else {}
        except (OSError, ValueError):
            cache[folder] = {}
    return cache[folder]


def read_item(path: Path, manifests: dict[Path, dict[str, Any]] | None = None) -> Item | Failure:
    """Read and decode one file; a file that cannot be read is a `Failure`, never an exception."""
    try:
        text = decode_bytes(path.read_bytes(), filename=path.name)
    except InputError as exc:
        return Failure(str(path), str(exc))
    except OSError as exc:
        return Failure(str(path), f"cannot read: {exc.strerror or exc}")
    info = _manifest(path.parent, manifests if manifests is not None else {}).get(path.name, {})
    is_html = path.suffix.lower() in (".html", ".htm")
    title = info.get("title") or (None if is_html else path.stem.replace("_", " "))
    return Item(str(path), text, title, info.get("published"), info.get("source"))


def _reason(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"


def analyse_items(items: Sequence[Item], *, nlp: Language | None = None) -> list[Analysis | Failure]:
    """Analyse a chunk in one `nlp.pipe` stream; on any error, each article on its own.

    `analyze_many` rejects the whole list when one text is bad, so a failed chunk is
    retried one article at a time and only the bad ones become `Failure`s.
    """
    from analysis.nlp import load_nlp
    from analysis.pipeline import analyze, analyze_many

    nlp = nlp or load_nlp()
    try:
        return list(
            analyze_many(
                [i.text for i in items],
                published=[i.published for i in items],
                titles=[i.title for i in items],
                sources=[i.source for i in items],
                nlp=nlp,
            )
        )
    except Exception:  # which article failed is found below, one at a time
        pass
    out: list[Analysis | Failure] = []
    for item in items:
        try:
            out.append(analyze(item.text, published=item.published, title=item.title, source=item.source, nlp=nlp))
        except Exception as exc:  # a bad article is reported and skipped
            out.append(Failure(item.path, _reason(exc)))
    return out


def _chunk_in_worker(items: Sequence[Item]) -> list[Analysis | Failure]:
    return analyse_items(items)


def chunks(items: Sequence[Item], size: int) -> list[list[Item]]:
    """`items` cut into lists of at most `size`."""
    return [list(items[i : i + size]) for i in range(0, len(items), max(1, size))]


def chunk_size_for(n: int, workers: int, largest: int = DEFAULT_CHUNK) -> int:
    """Chunks small enough that every worker gets several (the last ones do not idle), at most `largest`."""
    return max(1, min(largest, -(-n // (max(1, workers) * 4))))


def iter_results(
    items: Sequence[Item], *, processes: int = 1, chunk_size: int | None = None, nlp: Language | None = None
) -> Iterator[tuple[Item, Analysis | Failure]]:
    """(item, result) in input order, analysed here (`processes=1`) or in worker processes.

    `chunk_size` is the number of articles per `nlp.pipe` stream (default: up to 16, fewer
    when that gives every worker several chunks)."""
    size = chunk_size or (DEFAULT_CHUNK if processes <= 1 else chunk_size_for(len(items), processes))
    parts = chunks(items, size)
    if processes <= 1:
        for part in parts:
            yield from zip(part, analyse_items(part, nlp=nlp))
        return
    with ProcessPoolExecutor(max_workers=processes) as pool:
        for part, results in zip(parts, pool.map(_chunk_in_worker, parts)):
            yield from zip(part, results)


def run_batch(
    paths: Iterable[str | Path],
    store: Store,
    *,
    processes: int = 1,
    chunk_size: int | None = None,
    nlp: Language | None = None,
    progress: Callable[[int], Any] | None = None,
    on_failure: Callable[[Failure], Any] | None = None,
    on_total: Callable[[int], Any] | None = None,
) -> BatchReport:
    """Analyse every file under `paths` that the store does not hold yet, and add it.

    `progress(n)` is called as n more files are done, `on_failure` for each file skipped
    with a reason, `on_total` once with the number of files found.
    """
    from analysis.store import input_hash

    start = time.perf_counter()
    files = find_files(paths)
    report = BatchReport(files=len(files))
    if on_total:
        on_total(len(files))
    manifests: dict[Path, dict[str, Any]] = {}
    todo: list[Item] = []
    seen: set[str] = set()

    def fail(f: Failure) -> None:
        report.failed.append(f)
        if on_failure:
            on_failure(f)
        if progress:
            progress(1)

    for path in files:
        got = read_item(path, manifests)
        if isinstance(got, Failure):
            fail(got)
            continue
        key = input_hash(got.text)
        if key in seen or store.find_duplicate(got.text) is not None:
            report.skipped += 1
            if progress:
                progress(1)
            continue
        seen.add(key)
        todo.append(got)
    for item, result in iter_results(todo, processes=processes, chunk_size=chunk_size, nlp=nlp):
        if isinstance(result, Failure):
            fail(result)
            continue
        try:
            res = store.add(item.text, title=item.title, published=item.published, source=item.source, analysis=result)
        except Exception as exc:  # one unstorable article must not stop the batch
            fail(Failure(item.path, f"not stored: {_reason(exc)}"))
            continue
        if res.status == "added":
            report.added += 1
            report.words += len(result.article.text.split())
        else:
            report.skipped += 1
        if progress:
            progress(1)
    report.seconds = time.perf_counter() - start
    return report
