"""What the pages read: the corpus list, the filtered quote, figure and speaker rows, and the filter options.

Filtering happens here, in SQL, and nowhere else: the pages and `analysis.tables` take the rows
these queries return as they are.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis import serialization
from analysis.store.filters import NO_FILTERS, Filters

if TYPE_CHECKING:
    from analysis.store.corpus import Store

CONTEXT_CHARS = 120  # article text kept before and after each quote


@dataclass(frozen=True)
class ArticleRow:
    """One row of the corpus list."""

    id: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    added_at: str
    length: int
    analyser_version: str | None
    quotes: int
    numbers: int
    stale: bool
    filename: str | None = None  # the uploaded file's name
    content_hash: str = ""
    corrections: int = 0


def _where_in(where: list[str], args: list[Any], column: str, values: tuple[str, ...]) -> None:
    """Add `column IN (?, ...)` for the chosen values; no condition when nothing is chosen."""
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        args.extend(values)


def _article_where(f: Filters, alias: str = "a") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    _where_in(where, args, f"{alias}.id", f.articles)
    if f.date_from:
        where.append(f"{alias}.published >= ?")
        args.append(f.date_from.isoformat())
    if f.date_to:
        where.append(f"{alias}.published <= ?")
        args.append(f.date_to.isoformat())
    return where, args


def _search(where: list[str], args: list[Any], columns: tuple[str, ...], search: str) -> None:
    """Any of `columns` contains the search words literally (% and _ are not wildcards)."""
    if search:
        like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        args.extend([like] * len(columns))


def _where_sql(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def count(store: Store) -> int:
    """Number of articles."""
    with store.connect() as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def article_rows(store: Store, limit: int | None = None) -> list[ArticleRow]:
    """Every article (or the `limit` newest), newest first, with counts and whether its analysis is stale."""
    version = store.current_version()
    with store.connect() as conn:
        found = conn.execute(
            "SELECT a.id, a.title, a.published, a.source, a.url, a.added_at, length(a.text) AS length,"
            " n.analyser_version, n.text_hash = a.content_hash AS same_text,"
            " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,"
            " (SELECT count(*) FROM numbers m WHERE m.article_id = a.id) AS numbers,"
            " a.filename, a.content_hash,"
            " (SELECT count(*) FROM corrections c WHERE c.article_id = a.id) AS corrections"
            " FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
            " ORDER BY a.published DESC, a.added_at DESC, a.id" + (" LIMIT ?" if limit is not None else ""),
            (limit,) if limit is not None else (),
        ).fetchall()
    return [
        serialization.from_fields(
            {**dict(r), "stale": not r["same_text"] or r["analyser_version"] != version}, ArticleRow
        )
        for r in found
    ]


def data_version(store: Store) -> str:
    """Changes whenever the corpus changes: a cache key for everything read from it."""
    with store.connect() as conn:
        row = conn.execute(
            "SELECT count(*), coalesce(max(analysed_at), ''), coalesce(sum(length(article_id)), 0) FROM analyses"
        ).fetchone()
        n_articles = conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM articles").fetchone()
        fixes = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM corrections").fetchone()
    return f"{row[0]}:{row[1]}:{row[2]}:{n_articles[0]}:{n_articles[1]}:{fixes[0]}:{fixes[1]}"


def query_quotes(store: Store, f: Filters = NO_FILTERS, *, limit: int | None = None) -> list[sqlite3.Row]:
    """Quotes matching the filters, joined with their speaker and article."""
    where, args = _article_where(f)
    _where_in(where, args, "s.party", f.parties)
    if f.speakers:  # a joint statement is each of its speakers' too
        marks = ", ".join("?" * len(f.speakers))
        where.append(
            f"(q.speaker_id IN ({marks}) OR EXISTS (SELECT 1 FROM json_each(coalesce(q.co_speaker_ids, '[]')) j"
            f" WHERE j.value IN ({marks})))"
        )
        args.extend(f.speakers * 2)
    _where_in(where, args, "q.migration", f.stances)
    if f.frames:
        marks = ", ".join("?" * len(f.frames))
        where.append(f"EXISTS (SELECT 1 FROM json_each(q.frames) j WHERE j.value IN ({marks}))")
        args.extend(f.frames)
    _search(where, args, ("q.text", "q.speaker_name", "s.name"), f.search)
    n = CONTEXT_CHARS
    sql = (
        "SELECT q.*, a.title AS article_title, a.published AS published, a.source AS source,"
        f" substr(a.text, max(q.start - {n}, 0) + 1, q.start - max(q.start - {n}, 0)) AS before,"
        f' substr(a.text, q."end" + 1, {n}) AS after,'
        " s.name AS name, s.role AS role, s.party AS party, s.kind AS speaker_kind,"
        " a.url AS url, a.content_hash AS content_hash, n.analyser_version AS analyser_version,"
        " (SELECT group_concat(c.name, '; ') FROM json_each(coalesce(q.co_speaker_ids, '[]')) j"
        "  JOIN speakers c ON c.article_id = q.article_id AND c.speaker_id = j.value) AS co_speakers"
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN analyses n ON n.article_id = q.article_id"
        " LEFT JOIN speakers s ON s.article_id = q.article_id AND s.speaker_id = q.speaker_id"
        + _where_sql(where)
        + " ORDER BY a.published DESC, a.id, q.seq"
        + (f" LIMIT {int(limit)}" if limit else "")
    )
    with store.connect() as conn:
        return conn.execute(sql, args).fetchall()


def query_numbers(store: Store, f: Filters = NO_FILTERS) -> list[sqlite3.Row]:
    """Figures matching the article, date, party, speaker and search filters."""
    where, args = _article_where(f)
    _where_in(where, args, "s.party", f.parties)
    _where_in(where, args, "m.cited_by", f.speakers)
    _search(where, args, ("m.sentence", "m.metric", "m.cited_by_name"), f.search)
    sql = (
        "SELECT m.*, a.title AS article_title, a.published AS published, a.source AS source,"
        " s.name AS name, s.role AS role, s.party AS party,"
        " a.url AS url, a.content_hash AS content_hash, n.analyser_version AS analyser_version"
        " FROM numbers m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN analyses n ON n.article_id = m.article_id"
        " LEFT JOIN speakers s ON s.article_id = m.article_id AND s.speaker_id = m.cited_by"
        + _where_sql(where)
        + " ORDER BY m.metric_group, a.published, a.id, m.seq"
    )
    with store.connect() as conn:
        return conn.execute(sql, args).fetchall()


def query_speakers(store: Store, f: Filters = NO_FILTERS) -> list[sqlite3.Row]:
    """Speakers of the filtered articles, one row per speaker id across the corpus."""
    where, args = _article_where(f)
    _where_in(where, args, "s.party", f.parties)
    _where_in(where, args, "s.speaker_id", f.speakers)
    sql = (
        "SELECT s.speaker_id, max(s.name) AS name, max(s.kind) AS kind, max(s.role) AS role,"
        " max(s.party) AS party, max(s.country) AS country, count(DISTINCT s.article_id) AS articles"
        " FROM speakers s JOIN articles a ON a.id = s.article_id"
        + _where_sql(where)
        + " GROUP BY s.speaker_id ORDER BY name"
    )
    with store.connect() as conn:
        return conn.execute(sql, args).fetchall()


def options(store: Store) -> dict[str, list[Any]]:
    """Values the sidebar can offer: articles, parties, speakers, frames, date range."""
    with store.connect() as conn:
        arts = conn.execute(
            "SELECT id, title, published FROM articles ORDER BY published DESC, added_at DESC"
        ).fetchall()
        parties = [
            r[0]
            for r in conn.execute(
                "SELECT party FROM speakers WHERE party IS NOT NULL AND party != ''"
                " GROUP BY party ORDER BY count(*) DESC, party"
            )
        ]
        speakers = conn.execute(
            "SELECT q.speaker_id, max(coalesce(s.name, q.speaker_name)) AS name, count(*) AS n"
            " FROM quotes q LEFT JOIN speakers s"
            " ON s.article_id = q.article_id AND s.speaker_id = q.speaker_id"
            " WHERE q.speaker_id IS NOT NULL GROUP BY q.speaker_id ORDER BY n DESC, name"
        ).fetchall()
        frames = [
            r[0]
            for r in conn.execute(
                "SELECT j.value FROM quotes q, json_each(q.frames) j GROUP BY j.value ORDER BY count(*) DESC, j.value"
            )
        ]
        dates = conn.execute(
            "SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL"
        ).fetchone()
    return {
        "articles": [(r["id"], r["title"], r["published"]) for r in arts],
        "parties": parties,
        "speakers": [(r["speaker_id"], r["name"], r["n"]) for r in speakers],
        "frames": frames,
        "dates": [d for d in dates if d],
    }
