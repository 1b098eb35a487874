"""Command line for the analyser.

    python -m analysis FILE [--published YYYY-MM-DD|YYYY-MM] [--title T]     print one article's JSON analysis
    python -m analysis batch PATH... --db DB [--processes N]         analyse files into the store
    python -m analysis distributed PATH... --out DIR [--scheduler A] analyse on Dask into Parquet
    python -m analysis import-parquet DIR --db DB                    add Parquet results to the store

A first argument that is not a subcommand is the FILE of the first form (write `./batch` for
a file called batch).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.ingest import InputError, decode_bytes, parse_date
from analysis.version import analyser_version

if TYPE_CHECKING:
    from analysis.batch import Failure
    from analysis.store import Store

SUBCOMMANDS = ("batch", "distributed", "import-parquet")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        return _subcommand(argv)
    return _one_file(argv)


def _one_file(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", help="article as .txt or .html ('-' for standard input)")
    parser.add_argument(
        "--version",
        action="version",
        version=f"Stance Explorer analyser {analyser_version()}",
        help="print the analyser version (release + digest of the rules and data) and exit",
    )
    parser.add_argument("--published", help="publication date YYYY-MM-DD, or YYYY-MM (else read from the page)")
    parser.add_argument("--title", help="article title")
    parser.add_argument("--indent", type=int, default=1, help="JSON indent (0 for one line)")
    args = parser.parse_args(argv)
    published = args.published or None  # the text itself, so a month alone is reported as such
    if published and parse_date(published) is None:
        print(f"error: --published must be YYYY-MM-DD or YYYY-MM, got {args.published!r}", file=sys.stderr)
        return 2
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        text = decode_bytes(data, filename=None if args.file == "-" else Path(args.file).name)
        from analysis.pipeline import analyze

        result = analyze(text, published=published, title=args.title, source=args.file)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from analysis.serialization import analysis_to_json

    sys.stdout.write(analysis_to_json(result, indent=args.indent or None))
    sys.stdout.write("\n")
    return 0


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("batch", help="analyse .txt/.html files into the store (resumable)")
    b.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or globs")
    b.add_argument("--db", type=Path, help="corpus store (default: $STANCE_EXPLORER_DB or data/corpus.db)")
    b.add_argument("--processes", type=int, default=1, help="worker processes, each with its own model")
    b.add_argument("--chunk", type=int, help="articles per nlp.pipe stream (default: up to 16)")
    d = sub.add_parser("distributed", help="analyse files on a Dask cluster into Parquet partitions")
    d.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or globs")
    d.add_argument("--out", type=Path, required=True, help="folder for the Parquet partitions")
    d.add_argument("--scheduler", help="address of a running dask scheduler (else a LocalCluster)")
    d.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    d.add_argument("--chunk", type=int, help="articles per task (default: up to 16)")
    d.add_argument("--db", type=Path, help="also skip articles already in this store, and import the results")
    i = sub.add_parser("import-parquet", help="add the Parquet results of `distributed` to the store")
    i.add_argument("folder", type=Path, metavar="DIR")
    i.add_argument("--db", type=Path, help="corpus store (default: $STANCE_EXPLORER_DB or data/corpus.db)")
    return parser


class _CommandError(Exception):
    """A message for standard error and exit code 2."""


class _Progress:
    """The progress bar on standard error, with the callbacks the runners take."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self.bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)
        self.update = self.bar.update

    def total(self, n: int) -> None:
        self.bar.total = n
        self.bar.refresh()

    def failed(self, f: Failure) -> None:
        self.bar.write(f"skipped {f.path}: {f.reason}", file=sys.stderr)


def _subcommand(argv: list[str]) -> int:
    args = _subcommand_parser().parse_args(argv)

    import logging

    from analysis.store import Store, db_path_from_env

    logging.basicConfig(format="%(levelname)s %(message)s", level=logging.WARNING)
    # `distributed` needs a store only to skip and import; the other commands write to one
    store = Store(args.db or db_path_from_env()) if args.command != "distributed" or args.db else None
    progress = _Progress()
    try:
        try:
            if args.command == "batch":
                assert store is not None
                summary, failures = _batch(args, store, progress)
            elif args.command == "distributed":
                summary, failures = _distributed(args, store, progress)
            else:
                assert store is not None
                summary, failures = _import_parquet(args, store, progress)
        finally:
            progress.bar.close()
    except _CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary, file=sys.stderr)
    return 1 if failures else 0


def _batch(args: argparse.Namespace, store: Store, progress: _Progress) -> tuple[str, list[Failure]]:
    from analysis.batch import run_batch

    r = run_batch(
        args.paths,
        store,
        processes=args.processes,
        chunk_size=args.chunk,
        progress=progress.update,
        on_failure=progress.failed,
        on_total=progress.total,
    )
    summary = (
        f"{r.files} files: {r.added} added, {r.skipped} already in the store, "
        f"{len(r.failed)} failed; {r.seconds:.1f} s, {r.words_per_second:,.0f} words/s"
    )
    return summary, r.failed


def _distributed(args: argparse.Namespace, store: Store | None, progress: _Progress) -> tuple[str, list[Failure]]:
    from analysis.distributed import import_parquet, run

    try:
        r = run(
            args.paths,
            args.out,
            scheduler=args.scheduler,
            workers=args.workers,
            chunk_size=args.chunk,
            store=store,
            progress=progress.update,
            on_failure=progress.failed,
            on_total=progress.total,
        )
    except (OSError, TimeoutError) as exc:  # scheduler unreachable, or the cluster could not start
        raise _CommandError(f"Dask: {exc}") from exc
    summary = (
        f"{r.files} files: {r.written} written to {len(r.partitions)} partitions in {args.out}, "
        f"{r.skipped} skipped, {len(r.failed)} failed; {r.seconds:.1f} s on {r.workers} workers, "
        f"{r.words_per_second:,.0f} words/s"
    )
    if store is not None:
        imp = import_parquet(args.out, store)
        summary += f"; imported {imp.added} into {store.path} ({imp.skipped} already there)"
    return summary, r.failed


def _import_parquet(args: argparse.Namespace, store: Store, progress: _Progress) -> tuple[str, list[Failure]]:
    from analysis.distributed import import_parquet, read_rows

    if not args.folder.is_dir():
        raise _CommandError(f"{args.folder} is not a folder")
    progress.total(sum(1 for _ in read_rows(args.folder, ["id"])))
    r = import_parquet(args.folder, store, progress=progress.update)
    for f in r.failed:
        progress.failed(f)
    summary = f"{r.added} added, {r.skipped} already in the store, {len(r.failed)} failed; {r.seconds:.1f} s"
    return summary, r.failed


if __name__ == "__main__":
    sys.exit(main())
