"""Articles and their analyses: adding, replacing text, deleting, and re-analysing when stale.

An analysis is recomputed only when the article's text or the analyser version changes;
corrections are kept apart and laid over the new analysis when its rows are written
(`analysis.store.rows`). Adding an article is one transaction: a failure leaves no half article
behind. A write that raced another session's write to the same article leaves that one standing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from analysis import serialization
from analysis.records import Analysis
from analysis.store import rows

if TYPE_CHECKING:
    from collections.abc import Callable

    from analysis.store.corpus import Store

# A news article is tens of kilobytes; HTML pages a few megabytes at most.
MAX_INPUT_CHARS = 5_000_000
ALREADY_THERE = "This article is already in the corpus."


@dataclass(frozen=True)
class AddResult:
    """What happened to one article given to the store."""

    status: Literal["added", "duplicate", "updated", "unchanged"]
    article_id: str
    title: str | None
    message: str


def text_hash(text: str) -> str:
    """SHA-256 of the text exactly as analysed (offsets depend on every character)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def input_hash(text: str) -> str:
    """SHA-256 of an input with line endings, Unicode form and outer whitespace normalised.

    Used to spot the same article pasted twice even when the browser changed its newlines.
    """
    norm = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _slug(title: str | None) -> str:
    base = unicodedata.normalize("NFKD", title or "article").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")
    return slug[:40].rstrip("-") or "article"


def _first_line(text: str, limit: int = 80) -> str | None:
    line = next((ln.strip() for ln in text.splitlines() if len(ln.strip()) > 20), "")
    if not line:
        return None
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"


def _iso(value: dt.date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)[:10]).isoformat()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _analysed_at() -> str:
    # Microseconds: `analysed_at` is part of the corpus's data version, and an edit followed by a
    # re-analysis within one second must not bring back the version (and the cached pages) of before.
    return dt.datetime.now(dt.UTC).isoformat()


def article_row(store: Store, article_id: str) -> sqlite3.Row | None:
    """The article's row (text and metadata), or None."""
    with store.connect() as conn:
        row: sqlite3.Row | None = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row


def title_of(store: Store, article_id: str) -> str | None:
    """The article's title, or None."""
    row = article_row(store, article_id)
    return row["title"] if row else None


def find_duplicate(store: Store, text: str) -> str | None:
    """The id of an article with this text already in the store, or None."""
    with store.connect() as conn:
        row = conn.execute(
            "SELECT id FROM articles WHERE input_hash = ? OR content_hash = ?",
            (input_hash(text), text_hash(text)),
        ).fetchone()
    return str(row[0]) if row else None


def _check_input(text: object) -> None:
    if not isinstance(text, str):
        raise ValueError("Expected text; decode uploaded bytes first.")
    if len(text) > MAX_INPUT_CHARS:
        raise ValueError(
            f"The text is {len(text):,} characters long; up to {MAX_INPUT_CHARS:,} can be added."
            " Split it into separate articles."
        )


def _duplicate(store: Store, article_id: str) -> AddResult:
    return AddResult("duplicate", article_id, title_of(store, article_id), ALREADY_THERE)


def add(
    store: Store,
    text: str,
    *,
    title: str | None = None,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    analysis: Analysis | None = None,
    filename: str | None = None,
) -> AddResult:
    """Analyse `text` (plain text or HTML) and add it, unless the same text is stored.

    Raises the analyser's `InputError` (a ValueError) for empty or unusable input,
    leaving the store unchanged. Pass `analysis` to store a precomputed analysis.
    """
    _check_input(text)
    dup = find_duplicate(store, text)
    if dup is not None:
        return _duplicate(store, dup)
    if analysis is None:
        analysis, version = store.analyse_text(text, published=published, title=title, source=source)
    else:
        version = analysis.analyser_version or store.current_version()
    art = analysis.article
    content = text_hash(art.text)
    with store.connect() as conn:
        row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content,)).fetchone()
    if row is not None:
        return _duplicate(store, row[0])
    title = title or art.title or _first_line(art.text)
    published_iso = _iso(published) or _iso(art.published)
    source = source or art.source
    article_id = f"{_slug(title)}-{content[:8]}"
    with store.transaction() as conn:
        # Checked again inside the write lock: another session may have added it meanwhile.
        raced = conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? OR id = ?", (content, article_id)
        ).fetchone()
        if raced is None:
            conn.execute(
                "INSERT INTO articles (id, title, published, source, url, text, content_hash,"
                " input_hash, added_at, filename) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, title, published_iso, source, url, art.text, content, input_hash(text), _now(), filename),
            )
            write_analysis(conn, article_id, analysis, version, title, published_iso, source)
    if raced is not None:
        return _duplicate(store, raced[0])
    return AddResult("added", article_id, title, "Added and analysed.")


def write_analysis(
    conn: sqlite3.Connection,
    article_id: str,
    analysis: Analysis,
    version: str,
    title: str | None,
    published_iso: str | None,
    source: str | None,
) -> None:
    """Keep the machine analysis (with the article's stored metadata) and write its rows."""
    art = replace(
        analysis.article,
        id=article_id,
        title=title,
        published=dt.date.fromisoformat(published_iso) if published_iso else None,
        source=source,
        content_hash=text_hash(analysis.article.text),
    )
    analysis = replace(analysis, article=art, analyser_version=version)
    conn.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
    conn.execute(
        "INSERT INTO analyses (article_id, analyser_version, text_hash, analysed_at, json) VALUES (?, ?, ?, ?, ?)",
        (article_id, version, art.content_hash, _analysed_at(), serialization.analysis_to_json(analysis)),
    )
    rows.write_rows(conn, article_id, analysis)


def _unchanged_since(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    """Inside a write transaction: the article still has the text it had when `row` was read."""
    now = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (row["id"],)).fetchone()
    return now is not None and bool(now[0] == row["content_hash"])


def _reanalysed(store: Store, row: sqlite3.Row, text: str, *, new_input: bool) -> bool:
    """Analyse `text` for the article in `row` and store it; False if another session changed it meanwhile."""
    analysis, version = store.analyse_text(text, published=row["published"], title=row["title"], source=row["source"])
    # Offsets point into the text the analyser returns, so that is the text we keep.
    content = text_hash(analysis.article.text)
    with store.transaction() as conn:
        if not _unchanged_since(conn, row):
            return False
        conn.execute(
            "UPDATE articles SET text = ?, content_hash = ? WHERE id = ?", (analysis.article.text, content, row["id"])
        )
        if new_input:
            conn.execute("UPDATE articles SET input_hash = ? WHERE id = ?", (input_hash(text), row["id"]))
        write_analysis(conn, row["id"], analysis, version, row["title"], row["published"], row["source"])
    return True


def update_text(store: Store, article_id: str, text: str) -> AddResult:
    """Replace an article's text (e.g. a corrected copy); re-analysed only if it changed."""
    row = article_row(store, article_id)
    if row is None:
        raise KeyError(article_id)
    if text_hash(text) == row["content_hash"]:
        return AddResult("unchanged", article_id, row["title"], "Text unchanged; kept the analysis.")
    if not _reanalysed(store, row, text, new_input=True):
        raise ValueError("The article was changed or deleted in another session meanwhile; try again.")
    return AddResult("updated", article_id, row["title"], "Text updated and re-analysed.")


def delete(store: Store, article_id: str) -> bool:
    """Remove an article and everything derived from it. True if it existed."""
    with store.transaction() as conn:
        cur = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    return cur.rowcount > 0


def is_stale(store: Store, article_id: str) -> bool:
    """True when the stored analysis was made from other text or by another analyser."""
    with store.connect() as conn:
        row = conn.execute(
            "SELECT a.content_hash, n.text_hash, n.analyser_version FROM articles a"
            " LEFT JOIN analyses n ON n.article_id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
    if row is None:
        raise KeyError(article_id)
    return bool(row[1] != row[0] or row[2] != store.current_version())


def stale_ids(store: Store) -> list[str]:
    """Articles whose analysis must be recomputed (text or analyser version changed)."""
    with store.connect() as conn:
        found = conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
            " WHERE n.article_id IS NULL OR n.text_hash != a.content_hash"
            " OR n.analyser_version != ? ORDER BY a.published, a.id",
            (store.current_version(),),
        ).fetchall()
    return [r[0] for r in found]


def reanalyse(store: Store, article_id: str, *, force: bool = False) -> bool:
    """Recompute one article's analysis if stale (or if `force`). True if it ran.

    False also when another session changed or deleted the article meanwhile: its write stands.
    """
    if not force and not is_stale(store, article_id):
        return False
    row = article_row(store, article_id)
    if row is None:
        raise KeyError(article_id)
    return _reanalysed(store, row, row["text"], new_input=False)


def refresh_stale(
    store: Store, *, limit: int | None = None, progress: Callable[[int, int, str], None] | None = None
) -> int:
    """Re-analyse stale articles (at most `limit`). Returns how many were recomputed."""
    ids = stale_ids(store)[:limit] if limit is not None else stale_ids(store)
    for i, article_id in enumerate(ids):
        if progress:
            progress(i, len(ids), article_id)
        reanalyse(store, article_id, force=True)
    return len(ids)


def load_seeds(store: Store, seeds_dir: Path) -> list[AddResult]:
    """Add bundled seeds/*.txt (with seeds/manifest.json metadata) once per database."""
    if store.meta("seeded") == "1":
        return []
    manifest_path = seeds_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    results = []
    for path in sorted(seeds_dir.glob("*.txt")):
        info = manifest.get(path.name, {})
        results.append(
            add(
                store,
                path.read_text("utf-8"),
                title=info.get("title") or path.stem.replace("_", " "),
                published=info.get("published"),
                source=info.get("source"),
            )
        )
    store.set_meta("seeded", "1")
    return results


def analysis_json(store: Store, article_id: str) -> str | None:
    """The stored JSON of an article's analysis."""
    with store.connect() as conn:
        row = conn.execute("SELECT json FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None


def stored_version(store: Store, article_id: str) -> str | None:
    """The analyser version of the article's stored analysis."""
    with store.connect() as conn:
        row = conn.execute("SELECT analyser_version FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None
