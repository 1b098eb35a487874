"""The normalised rows the list pages query: an article's machine analysis with its corrections laid over.

`analyses.json` keeps the machine's output exactly; the `speakers`, `quotes` and `numbers` rows
and `correction_status` are derived from it and the article's corrections, and rewritten
whenever either changes. The rows' layout is `analysis.serialization`'s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from analysis import corrections as corrections_mod
from analysis import serialization
from analysis.corrections import Correction
from analysis.records import Analysis

ROW_TABLES = ("speakers", "quotes", "numbers")


def corrections_for(conn: sqlite3.Connection, article_id: str) -> list[Correction]:
    """The article's corrections and the corpus-wide ones, oldest first (the order they apply in)."""
    rows = conn.execute(
        "SELECT * FROM corrections WHERE article_id = ? OR article_id IS NULL ORDER BY id", (article_id,)
    ).fetchall()
    return [serialization.correction_from_row(r) for r in rows]


def stored_analysis(conn: sqlite3.Connection, article_id: str) -> Analysis | None:
    """The machine analysis kept for the article, exactly as stored; None if it has none."""
    row = conn.execute(
        "SELECT a.text, n.json FROM articles a JOIN analyses n ON n.article_id = a.id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    return serialization.analysis_from_json(row["json"], row["text"]) if row else None


def _insert(conn: sqlite3.Connection, table: str, rows: list[serialization.Row]) -> None:
    if rows:
        conn.executemany(serialization.insert_sql(table, list(rows[0])), rows)


def write_rows(conn: sqlite3.Connection, article_id: str, analysis: Analysis) -> None:
    """Replace the article's rows: the machine analysis with the article's corrections laid over it."""
    for table in ROW_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # fixed names
    applied = corrections_mod.apply(analysis, corrections_for(conn, article_id))
    shown = applied.analysis
    _insert(conn, "speakers", serialization.speaker_rows(article_id, shown.speakers, applied.speaker_marks))
    _insert(conn, "quotes", serialization.quote_rows(article_id, shown.quotes, applied.quote_marks))
    _insert(conn, "numbers", serialization.number_rows(article_id, shown.numbers, applied.number_marks))
    conn.execute("DELETE FROM correction_status WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO correction_status (correction_id, article_id, status, detail, quote_id) VALUES (?, ?, ?, ?, ?)",
        [(cid, article_id, o.status, o.detail, o.quote_id) for cid, o in applied.outcomes.items()],
    )


def rebuild(conn: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    """Rewrite the rows of these articles from their stored machine analysis (after a correction changed)."""
    for article_id in article_ids:
        analysis = stored_analysis(conn, article_id)
        if analysis is not None:
            write_rows(conn, article_id, analysis)
