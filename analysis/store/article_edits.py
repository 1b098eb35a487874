"""Headline, date and outlet edits, kept like corrections: they survive re-analysis and can be undone.

An edit is written to the `articles` row (which re-analysis reads its title, date and outlet
from, so the edit survives it) and to the stored analysis, and logged in `article_edits` with the
value it replaced, so it can be listed and undone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from analysis import serialization
from analysis.store import rows

if TYPE_CHECKING:
    from analysis.store.corpus import Store

Field = Literal["title", "published", "source"]
FIELDS: tuple[Field, ...] = ("title", "published", "source")
MAX_CHARS = 500


@dataclass(frozen=True)
class ArticleEdit:
    """One change to an article's metadata, with the value it replaced."""

    id: int
    article_id: str
    field: Field
    old_value: str | None
    new_value: str | None
    edited_at: str


@dataclass(frozen=True)
class ArticleMeta:
    """What can be edited about an article, and its URL."""

    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None


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
    if len(value) > MAX_CHARS:
        raise ValueError(f"Keep it under {MAX_CHARS} characters.")
    return value


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()  # microseconds: it must move the data version on


def edit_article(store: Store, article_id: str, **changes: str | dt.date | None) -> list[ArticleEdit]:
    """Set any of title, published, source; returns the edits made (unchanged values are skipped).

    Raises KeyError for an unknown article and ValueError for an empty headline or a bad date.
    """
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValueError(f"Only {', '.join(FIELDS)} can be edited, not {', '.join(sorted(unknown))}.")
    cleaned = {f: _clean(f, v) for f, v in changes.items() if f in FIELDS}
    now = _now()
    made: list[ArticleEdit] = []
    with store.transaction() as conn:
        row = conn.execute("SELECT title, published, source FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        for field, new in cleaned.items():
            old = row[field]
            if old == new:
                continue
            conn.execute(f"UPDATE articles SET {field} = ? WHERE id = ?", (new, article_id))  # fixed names
            cur = conn.execute(
                "INSERT INTO article_edits (article_id, field, old_value, new_value, edited_at) VALUES (?, ?, ?, ?, ?)",
                (article_id, field, old, new, now),
            )
            made.append(ArticleEdit(int(cur.lastrowid or 0), article_id, field, old, new, now))
        if made:
            _touch_analysis(conn, article_id, {e.field: e.new_value for e in made}, now)
    return made


def _touch_analysis(conn: sqlite3.Connection, article_id: str, values: dict[Field, str | None], now: str) -> None:
    """Carry the new metadata into the stored analysis and move the corpus's data version on."""
    analysis = rows.stored_analysis(conn, article_id)
    if analysis is None:
        return
    art = analysis.article
    if "title" in values:
        art = replace(art, title=values["title"])
    if "published" in values:
        day = values["published"]
        art = replace(art, published=dt.date.fromisoformat(day) if day else None)
    if "source" in values:
        art = replace(art, source=values["source"])
    conn.execute(
        "UPDATE analyses SET json = ?, analysed_at = ? WHERE article_id = ?",
        (serialization.analysis_to_json(replace(analysis, article=art)), now, article_id),
    )


def edits(store: Store, article_id: str | None = None) -> list[ArticleEdit]:
    """The metadata edits, newest first (of one article, or all)."""
    sql = "SELECT * FROM article_edits" + (" WHERE article_id = ?" if article_id else "") + " ORDER BY id DESC"
    with store.connect() as conn:
        found = conn.execute(sql, (article_id,) if article_id else ()).fetchall()
    return [serialization.from_fields(r, ArticleEdit) for r in found]


def undo_edit(store: Store, edit_id: int) -> None:
    """Put back the value an edit replaced, and forget the edit."""
    with store.transaction() as conn:
        row = conn.execute("SELECT * FROM article_edits WHERE id = ?", (edit_id,)).fetchone()
        if row is None:
            raise KeyError(edit_id)
        edit = serialization.from_fields(row, ArticleEdit)
        if edit.field not in FIELDS:
            raise ValueError(edit.field)
        sql = f"UPDATE articles SET {edit.field} = ? WHERE id = ?"  # a name from FIELDS
        conn.execute(sql, (edit.old_value, edit.article_id))
        conn.execute("DELETE FROM article_edits WHERE id = ?", (edit_id,))
        _touch_analysis(conn, edit.article_id, {edit.field: edit.old_value}, _now())


def article_meta(store: Store, article_id: str) -> ArticleMeta | None:
    """The article's headline, date, outlet and URL; None if unknown."""
    with store.connect() as conn:
        row = conn.execute("SELECT title, published, source, url FROM articles WHERE id = ?", (article_id,)).fetchone()
    return serialization.from_fields(row, ArticleMeta) if row else None
