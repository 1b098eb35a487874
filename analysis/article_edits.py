"""Article metadata edits (headline, date, outlet) kept as corrections, and article columns for exports.

Works on a `Store` through its public `connect()` / `transaction()`; to be folded into the store
package. An edit is written to the `articles` row (which re-analysis reads its title, date and
outlet from, so the edit survives it) and to the stored analysis, and logged in `article_edits`
with the value it replaced, so it can be listed and undone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from analysis.store import Store

Field = Literal["title", "published", "source"]
FIELDS: tuple[Field, ...] = ("title", "published", "source")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    edited_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_edits_article ON article_edits(article_id);
"""


@dataclass(frozen=True)
class ArticleEdit:
    """One change to an article's metadata, with the value it replaced."""

    id: int
    article_id: str
    field: Field
    old_value: str | None
    new_value: str | None
    edited_at: str


def _ensure(store: Store) -> None:
    with store.connect() as conn:
        conn.executescript(_SCHEMA)


def _clean(field: Field, value: str | dt.date | None) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    value = (value or "").strip()
    if not value:
        if field == "title":
            raise ValueError("A headline cannot be empty.")
        return None
    if field == "published":
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError as exc:
            raise ValueError(f"“{value}” is not a date; write it as YYYY-MM-DD.") from exc
    if len(value) > 500:
        raise ValueError("Keep it under 500 characters.")
    return value


def edit_article(store: Store, article_id: str, **changes: str | dt.date | None) -> list[ArticleEdit]:
    """Set any of title, published, source; returns the edits made (unchanged values are skipped).

    Raises KeyError for an unknown article and ValueError for an empty headline or a bad date.
    """
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValueError(f"Only {', '.join(FIELDS)} can be edited, not {', '.join(sorted(unknown))}.")
    _ensure(store)
    cleaned = {f: _clean(f, v) for f, v in changes.items()}  # type: ignore[arg-type]
    now = dt.datetime.now(dt.UTC).isoformat()  # microseconds: it must move the data version on
    made: list[ArticleEdit] = []
    with store.transaction() as conn:
        row = conn.execute("SELECT title, published, source FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        for field, new in cleaned.items():
            old = row[field]
            if old == new:
                continue
            conn.execute(f"UPDATE articles SET {field} = ? WHERE id = ?", (new, article_id))  # noqa: S608 - fixed names
            cur = conn.execute(
                "INSERT INTO article_edits (article_id, field, old_value, new_value, edited_at) VALUES (?, ?, ?, ?, ?)",
                (article_id, field, old, new, now),
            )
            made.append(ArticleEdit(int(cur.lastrowid or 0), article_id, field, old, new, now))
        if made:
            _touch_analysis(conn, article_id, {e.field: e.new_value for e in made}, now)
    return made


def _touch_analysis(conn, article_id: str, values: dict[str, str | None], now: str) -> None:  # noqa: ANN001
    """Carry the new metadata into the stored analysis JSON and move the corpus's data version on."""
    row = conn.execute("SELECT json FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return
    data = json.loads(row[0])
    art = data.get("article")
    if isinstance(art, dict):
        art.update(values)
    conn.execute(
        "UPDATE analyses SET json = ?, analysed_at = ? WHERE article_id = ?",
        (json.dumps(data, ensure_ascii=False), now, article_id),
    )


def edits_marker(store: Store) -> str:
    """Changes with every edit and undo: part of the app's cache key beside `Store.data_version`.

    `data_version` follows the latest `analysed_at`, kept to the second by re-analysis: an edit and
    a re-analysis within the second the article was analysed could bring it back to a value it had.
    """
    with store.connect() as conn:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_edits'").fetchone()
        if not exists:
            return "0:0"
        n, top = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM article_edits").fetchone()
    return f"{n}:{top}"


def edits(store: Store, article_id: str | None = None) -> list[ArticleEdit]:
    """The metadata edits, newest first (of one article, or all)."""
    _ensure(store)
    sql = "SELECT * FROM article_edits" + (" WHERE article_id = ?" if article_id else "") + " ORDER BY id DESC"
    with store.connect() as conn:
        rows = conn.execute(sql, (article_id,) if article_id else ()).fetchall()
    return [
        ArticleEdit(r["id"], r["article_id"], r["field"], r["old_value"], r["new_value"], r["edited_at"]) for r in rows
    ]


def undo_edit(store: Store, edit_id: int) -> None:
    """Put back the value an edit replaced, and forget the edit."""
    _ensure(store)
    with store.connect() as conn:
        row = conn.execute("SELECT * FROM article_edits WHERE id = ?", (edit_id,)).fetchone()
    if row is None:
        raise KeyError(edit_id)
    now = dt.datetime.now(dt.UTC).isoformat()
    with store.transaction() as conn:
        field = row["field"]
        if field not in FIELDS:
            raise ValueError(field)
        conn.execute(f"UPDATE articles SET {field} = ? WHERE id = ?", (row["old_value"], row["article_id"]))  # noqa: S608
        conn.execute("DELETE FROM article_edits WHERE id = ?", (edit_id,))
        _touch_analysis(conn, row["article_id"], {field: row["old_value"]}, now)


def article_meta(store: Store, article_id: str) -> dict[str, object]:
    """{'title', 'published' (a date or None), 'source', 'url'} of one article; {} if unknown."""
    with store.connect() as conn:
        row = conn.execute("SELECT title, published, source, url FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return {}
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    return {"title": row["title"], "published": published, "source": row["source"], "url": row["url"]}


def article_columns(store: Store, article_ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """{article id: (url, content hash)} for the exports."""
    wanted = sorted(set(article_ids))
    out: dict[str, tuple[str | None, str | None]] = {}
    with store.connect() as conn:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for r in conn.execute(f"SELECT id, url, content_hash FROM articles WHERE id IN ({marks})", chunk):  # noqa: S608
                out[r["id"]] = (r["url"], r["content_hash"])
    return out


def export_with_article(store: Store, frame, kind: str):  # noqa: ANN001, ANN201 - pandas frames
    """`tables.export_frame` plus each row's article URL and content hash, after its title."""
    from analysis import tables

    out = tables.export_frame(frame, kind)
    meta = article_columns(store, list(out["article_id"].dropna().astype(str))) if len(out) else {}
    pos = list(out.columns).index("article_title") + 1
    out.insert(pos, "article_url", [meta.get(a, (None, None))[0] for a in out["article_id"]])
    out.insert(pos + 1, "content_hash", [meta.get(a, (None, None))[1] for a in out["article_id"]])
    return out
