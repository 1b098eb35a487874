"""Users' corrections in the corpus: stored, applied at once, undone, and listed with whether they still fit.

A correction is written in the same transaction as the rows it changes, and the rows of every
article it can touch are rebuilt from their stored machine analysis (`analysis.store.rows`).
What a correction does to an analysis is `analysis.corrections`' job; this module keeps them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import corrections as corrections_mod
from analysis import serialization
from analysis.corrections import Correction
from analysis.store import articles, rows

if TYPE_CHECKING:
    from analysis.store.corpus import Store


@dataclass(frozen=True)
class CorrectionRow:
    """A stored correction with its status: "applied", or "review" when it no longer fits."""

    correction: Correction
    status: str
    detail: str
    articles: int  # how many articles it applies to now
    quote_id: str | None = None
    article_title: str | None = None


def _check(store: Store, c: Correction) -> None:
    """Raise ValueError, with a message for the user, when a correction does not fit the article now."""
    if c.kind not in corrections_mod.KINDS:
        raise ValueError(f"Unknown kind of correction: {c.kind!r}.")
    if c.kind in corrections_mod.QUOTE_KINDS:
        if not c.article_id or not c.text or c.start is None or c.end is None:
            raise ValueError("A correction to a quote needs the article, the offsets and the quoted words.")
        row = articles.article_row(store, c.article_id)
        if row is None:
            raise ValueError("That article is not in the corpus.")
        if row["text"][c.start : c.end] != c.text:
            raise ValueError("Those words are not at those offsets in the article.")
    elif not c.speaker_id:
        raise ValueError("A speaker correction needs the speaker.")
    if c.kind == "merge_speakers" and (not c.value.get("into_id") or c.value["into_id"] == c.speaker_id):
        raise ValueError("Choose two different speakers to merge.")


def affected(conn: sqlite3.Connection, c: Correction) -> list[str]:
    """Articles whose rows a correction can change."""
    if c.article_id is not None:
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (c.article_id,)).fetchone()
        return [row[0]] if row else []
    ids = {c.speaker_id or "", str(c.value.get("into_id") or "")} - {""}
    out: set[str] = set()
    for sid in ids:
        out.update(
            r[0]
            for r in conn.execute(
                "SELECT article_id FROM analyses WHERE instr(json, ?) > 0"
                " UNION SELECT article_id FROM speakers WHERE speaker_id = ?",
                (json.dumps(sid), sid),
            )
        )
    return sorted(out)


def add_correction(store: Store, correction: Correction) -> Correction:
    """Store a correction and apply it at once, in one transaction. Returns it with its id.

    Raises ValueError (with a message for the user) when it does not fit the article now.
    """
    _check(store, correction)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    version = (
        correction.analyser_version
        or (articles.stored_version(store, correction.article_id) if correction.article_id else None)
        or store.current_version()
    )
    c = replace(correction, created_at=correction.created_at or now, analyser_version=version)
    row = serialization.correction_row(c)
    with store.transaction() as conn:
        cur = conn.execute(serialization.insert_sql("corrections", list(row)), row)
        saved = replace(c, id=int(cur.lastrowid or 0))
        rows.rebuild(conn, affected(conn, saved))
    return saved


def delete_correction(store: Store, correction_id: int) -> bool:
    """Undo a correction: the machine's output shows again. True if it existed."""
    with store.transaction() as conn:
        row = conn.execute("SELECT * FROM corrections WHERE id = ?", (correction_id,)).fetchone()
        if row is None:
            return False
        touched = affected(conn, serialization.correction_from_row(row))
        conn.execute("DELETE FROM correction_status WHERE correction_id = ?", (correction_id,))
        conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
        rows.rebuild(conn, touched)
    return True


def _status(c: Correction, hits: list[sqlite3.Row], titles: dict[str, str | None]) -> CorrectionRow:
    """One correction's state from its `correction_status` rows (`hits`)."""
    applied = [h for h in hits if h["status"] == "applied"]
    if c.article_id is not None and c.article_id not in titles:
        state, detail = "review", "the article is no longer in the corpus"
    elif applied:
        state, detail = "applied", applied[0]["detail"]
    elif hits:
        state, detail = "review", hits[0]["detail"]
    else:
        state, detail = "review", "no article has this speaker" if c.article_id is None else "not applied yet"
    return CorrectionRow(
        correction=c,
        status=state,
        detail=detail,
        articles=len(applied),
        quote_id=applied[0]["quote_id"] if applied else None,
        article_title=titles.get(c.article_id or ""),
    )


def corrections(store: Store, article_id: str | None = None) -> list[CorrectionRow]:
    """Corrections (those of one article and the corpus-wide ones, or all), with their status.

    An article correction is "review" when it no longer fits its article, or the article
    is gone; a speaker-wide one when no article has that speaker.
    """
    with store.connect() as conn:
        if article_id is None:
            found = conn.execute("SELECT * FROM corrections ORDER BY id").fetchall()
        else:
            found = conn.execute(
                "SELECT * FROM corrections WHERE article_id = ? OR article_id IS NULL ORDER BY id", (article_id,)
            ).fetchall()
        status = conn.execute("SELECT correction_id, article_id, status, detail, quote_id FROM correction_status")
        by_id: dict[int, list[sqlite3.Row]] = {}
        for s in status:
            by_id.setdefault(s["correction_id"], []).append(s)
        titles = dict(conn.execute("SELECT id, title FROM articles").fetchall())
    out = []
    for r in found:
        c = serialization.correction_from_row(r)
        hits = by_id.get(int(r["id"]), [])
        if article_id is not None and c.article_id is None:
            hits = [h for h in hits if h["article_id"] == article_id]
        out.append(_status(c, hits, titles))
    return out


def review(store: Store) -> list[CorrectionRow]:
    """Corrections that no longer fit and need a person to look at them."""
    return [r for r in corrections(store) if r.status == "review"]


def applied(store: Store, article_id: str, *, refresh: bool = False) -> corrections_mod.Applied | None:
    """The article's machine analysis with its corrections laid over it, and what they did."""
    if refresh:
        try:
            articles.reanalyse(store, article_id)
        except KeyError:
            return None
    with store.connect() as conn:
        analysis = rows.stored_analysis(conn, article_id)
        if analysis is None:
            return None
        fixes = rows.corrections_for(conn, article_id)
    return corrections_mod.apply(analysis, fixes)


def registry_additions(store: Store) -> dict[str, Any]:
    """Speakers and parties users added, as `Registry.extended(**...)` arguments."""
    with store.connect() as conn:
        found = conn.execute(
            "SELECT * FROM corrections WHERE kind IN ('reassign_speaker', 'add_quote', 'edit_speaker') ORDER BY id"
        ).fetchall()
    if not found:
        return {"people": [], "organisations": [], "parties": {}}
    from analysis.registry import REGISTRY_PATH

    bundled = json.loads(Path(REGISTRY_PATH).read_text("utf-8"))
    additions: dict[str, Any] = corrections_mod.registry_additions(
        [serialization.correction_from_row(r) for r in found], bundled
    )
    return additions
