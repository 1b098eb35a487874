"""Uploaded files into the corpus: decoded and added one by one, one result per file.

The server's own cap is .streamlit/config.toml's server.maxUploadSize; this one gives a message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.store.corpus import Store

MAX_UPLOAD_BYTES = 5_000_000
Decode = Callable[..., str]


@dataclass(frozen=True)
class FileResult:
    """The outcome for one uploaded file: added, duplicate or an error message."""

    filename: str
    ok: bool
    message: str
    article_id: str | None = None


def _title_for(name: str) -> str | None:
    """An HTML page brings its own title; a text file is named after its file."""
    return None if name.lower().endswith((".html", ".htm")) else Path(name).stem.replace("_", " ")


def _add_one(store: Store, name: str, data: bytes, decode: Decode) -> FileResult:
    try:
        if len(data) > MAX_UPLOAD_BYTES:
            raise ValueError(
                f"the file is {len(data) / 1e6:.1f} MB; files up to {MAX_UPLOAD_BYTES // 1_000_000} MB"
                " can be added. Split it into separate articles."
            )
        res = store.add(decode(data, filename=name), title=_title_for(name), filename=name)
    except ValueError as exc:
        return FileResult(name, False, f"{name}: {exc}")
    if res.status == "duplicate":
        return FileResult(name, False, f"{name}: already in the corpus ({res.title}).", res.article_id)
    return FileResult(name, True, f"{name}: added as “{res.title}”.", res.article_id)


def add_files(
    store: Store,
    files: Iterable[tuple[str, bytes]],
    *,
    decode: Decode | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[FileResult]:
    """Decode and add uploaded files one by one; a bad file gives an error, not an exception.

    Each file is its own transaction: one bad file does not stop the others.
    """
    if decode is None:
        from analysis.ingest import decode_bytes

        decode = decode_bytes
    items = list(files)
    results: list[FileResult] = []
    for i, (name, data) in enumerate(items):
        if progress:
            progress(i, len(items), name)
        results.append(_add_one(store, name, data, decode))
    if progress:
        progress(len(items), len(items), "")
    return results
