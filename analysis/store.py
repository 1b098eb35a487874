"""The corpus: an embedded SQLite database of articles and their analyses.

Map of the module:
- `Store`: open (and create) the database, add / update / delete articles, fetch an
  `Analysis`, and query the normalised `quotes`, `speakers` and `numbers` tables.
- `Filters`: what the pages filter on, with a round trip to URL query parameters.
- `analysis_from_dict`: rebuild an `Analysis` from the JSON kept in `analyses.json`.
- `add_files`: decode and add several uploaded files, one result per file.

Each article's analysis is kept twice: the full `Analysis.to_dict()` JSON (what the
article and "How it works" pages render) and normalised rows with indexes (what the list
pages query with SQL). An analysis is recomputed only when the article text or the
analyser version changes. Adding an article is one transaction: a failure leaves no half
article behind.

The database runs in WAL mode so readers (Streamlit sessions) never wait for a writer.
Every operation opens its own short-lived connection, so the store is safe to share
between Streamlit's threads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from analysis import corrections as corrections_mod
from analysis.corrections import Correction
from analysis.records import (
    Analysis,
)
from analysis.serialization import analysis_from_dict, analysis_to_json

DEFAULT_DB = Path("data/corpus.db")
# App-level input caps (the server's own is .streamlit/config.toml server.maxUploadSize):
# a news article is tens of kilobytes; HTML pages a few megabytes at most.
MAX_UPLOAD_BYTES = 5_000_000
MAX_INPUT_CHARS = 5_000_000
DB_ENV = "STANCE_EXPLORER_DB"
SCHEMA_VERSION = "1"


class Analyser(Protocol):
    """The shape of `analysis.pipeline.analyze`."""

    def __call__(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        title: str | None = None,
        source: str | None = None,
    ) -> Analysis: ...


def db_path_from_env() -> Path:
    """The database path: $STANCE_EXPLORER_DB if set, else data/corpus.db."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


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


def _where_in(where: list[str], args: list[Any], column: str, values: tuple[str, ...]) -> None:
    """Add `column IN (?, ...)` for the chosen values; no condition when nothing is chosen."""
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        args.extend(values)


def _iso(value: dt.date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)[:10]).isoformat()


# ---------------------------------------------------------------------------------------
# Filters

Direction = Literal["restrictive", "open", "mixed", "neutral", "unclear", "n/a"]
DIRECTIONS: tuple[str, ...] = ("restrictive", "open", "mixed", "neutral", "unclear", "n/a")
GOVERNMENT: tuple[str, ...] = ("supports", "opposes", "neutral", "n/a")


@dataclass(frozen=True)
class Filters:
    """What the pages filter on. Empty tuples and None mean "no filter"."""

    articles: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    parties: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    search: str = ""

    _KEYS = {
        "articles": "article",
        "parties": "party",
        "speakers": "speaker",
        "stances": "stance",
        "frames": "frame",
    }

    def to_query(self) -> dict[str, str]:
        """URL query parameters for these filters (comma-joined lists; empty ones left out)."""
        out: dict[str, str] = {}
        for attr, key in self._KEYS.items():
            values = getattr(self, attr)
            if values:
                out[key] = ",".join(values)
        if self.date_from:
            out["from"] = self.date_from.isoformat()
        if self.date_to:
            out["to"] = self.date_to.isoformat()
        if self.search:
            out["q"] = self.search
        return out

    @classmethod
    def from_query(cls, params: dict[str, Any]) -> Filters:
        """Filters from URL query parameters; malformed values are ignored, never raised."""

        def values(key: str) -> tuple[str, ...]:
            raw = params.get(key)
            if raw is None:
                return ()
            items = raw if isinstance(raw, list | tuple) else [raw]
            out: list[str] = []
            for item in items:
                out.extend(v.strip() for v in str(item).split(",") if v.strip())
            return tuple(dict.fromkeys(out))

        def day(key: str) -> dt.date | None:
            raw = params.get(key)
            if isinstance(raw, list):
                raw = raw[0] if raw else None
            try:
                return dt.date.fromisoformat(str(raw)) if raw else None
            except ValueError:
                return None

        q = params.get("q") or ""
        if isinstance(q, list):
            q = q[0] if q else ""
        return cls(
            articles=values("article"),
            date_from=day("from"),
            date_to=day("to"),
            parties=values("party"),
            speakers=values("speaker"),
            stances=tuple(v for v in values("stance") if v in DIRECTIONS),
            frames=values("frame"),
            search=str(q)[:200],
        )


NO_FILTERS = Filters()


# ---------------------------------------------------------------------------------------
# The store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    published TEXT,
    source TEXT,
    url TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    input_hash TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS articles_input_hash ON articles (input_hash);
CREATE TABLE IF NOT EXISTS analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analyser_version TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    analysed_at TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS speakers (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT,
    role TEXT,
    party TEXT,
    country TEXT,
    quoted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, speaker_id)
);
CREATE INDEX IF NOT EXISTS speakers_party ON speakers (party);
CREATE INDEX IF NOT EXISTS speakers_id ON speakers (speaker_id);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker_id TEXT,
    speaker_name TEXT,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    rule TEXT,
    mention_text TEXT,
    mention_rule TEXT,
    about_migration INTEGER NOT NULL,
    migration TEXT NOT NULL,
    government TEXT NOT NULL,
    targets TEXT NOT NULL,
    frames TEXT NOT NULL,
    evidence TEXT NOT NULL,
    stance_rule TEXT,
    confidence REAL,
    PRIMARY KEY (article_id, quote_id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id);
CREATE INDEX IF NOT EXISTS quotes_migration ON quotes (migration);
CREATE INDEX IF NOT EXISTS quotes_government ON quotes (government);
CREATE TABLE IF NOT EXISTS numbers (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value REAL,
    kind TEXT,
    unit TEXT,
    qualifier TEXT,
    value_low REAL,
    value_high REAL,
    metric TEXT,
    metric_group TEXT,
    period TEXT,
    cited_by TEXT,
    cited_by_name TEXT,
    quote_id TEXT,
    sentence TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    disagrees INTEGER NOT NULL DEFAULT 0,
    rule TEXT,
    PRIMARY KEY (article_id, number_id)
);
CREATE INDEX IF NOT EXISTS numbers_group ON numbers (metric_group);
CREATE INDEX IF NOT EXISTS numbers_cited_by ON numbers (cited_by);
-- For large corpora (docs/scale.md): a filter's join from speakers to quotes/numbers finds
-- each (speaker, article) directly; the corpus's change marker and the article list are read
-- from indexes, never from rows that carry the article text or the analysis JSON.
CREATE INDEX IF NOT EXISTS quotes_speaker_article ON quotes (speaker_id, article_id);
CREATE INDEX IF NOT EXISTS numbers_cited_by_article ON numbers (cited_by, article_id);
CREATE INDEX IF NOT EXISTS speakers_party_article ON speakers (party, article_id, speaker_id);
CREATE INDEX IF NOT EXISTS analyses_changed ON analyses (analysed_at, article_id);
CREATE INDEX IF NOT EXISTS articles_listing ON articles (published, added_at, id, title);
"""

# Human corrections live apart from machine output and are never deleted by re-analysis
# (no foreign key to articles: an article deleted and added again gets them back).
# `correction_status` is derived: rewritten for an article each time its rows are rebuilt.
_CORRECTIONS_SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    article_id TEXT,
    start INTEGER,
    "end" INTEGER,
    text TEXT,
    speaker_id TEXT,
    value TEXT NOT NULL,
    quote_id TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    analyser_version TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS corrections_article ON corrections (article_id);
CREATE TABLE IF NOT EXISTS correction_status (
    correction_id INTEGER NOT NULL REFERENCES corrections (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    quote_id TEXT,
    PRIMARY KEY (correction_id, article_id)
);
CREATE INDEX IF NOT EXISTS correction_status_article ON correction_status (article_id);
"""
# Columns added after the first release: (table, column, declaration).
_ADDED_COLUMNS = (
    ("articles", "filename", "TEXT"),
    ("speakers", "corrected", "TEXT"),
    ("quotes", "corrected", "TEXT"),
    ("numbers", "corrected", "TEXT"),
)


@dataclass(frozen=True)
class AddResult:
    """What happened to one article given to the store."""

    status: Literal["added", "duplicate", "updated", "unchanged"]
    article_id: str
    title: str | None
    message: str


@dataclass(frozen=True)
class FileResult:
    """The outcome for one uploaded file: added, duplicate or an error message."""

    filename: str
    ok: bool
    message: str
    article_id: str | None = None


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


@dataclass(frozen=True)
class CorrectionRow:
    """A stored correction with its status: "applied", or "review" when it no longer fits."""

    correction: Correction
    status: str
    detail: str
    articles: int  # how many articles it applies to now
    quote_id: str | None = None
    article_title: str | None = None


@dataclass
class Store:
    """The corpus database at `path` (created on first use)."""

    path: Path
    analyser: Analyser | None = None
    version: str | None = None
    _ready: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            conn.executescript(_CORRECTIONS_SCHEMA)
            for table, column, decl in _ADDED_COLUMNS:
                have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if column not in have:
                    try:
                        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
                    except sqlite3.OperationalError as exc:  # another process added it first
                        if "duplicate column" not in str(exc):
                            raise
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )

    # -- plumbing ------------------------------------------------------------------------

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection (autocommit; use `transaction()` to group writes)."""
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any exception."""
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _analyser(self) -> tuple[Analyser, str]:
        if self.analyser is None or self.version is None:
            from analysis import pipeline  # late: the model loads only when needed

            self.analyser = self.analyser or pipeline.analyze
            self.version = self.version or pipeline.ANALYSER_VERSION
        return self.analyser, self.version

    def _analyse(self, text: str, **kw: Any) -> tuple[Analysis, str]:
        """Run the analyser, with the registry extended by the speakers users added."""
        analyse, version = self._analyser()
        additions = self.registry_additions()
        if additions["people"] or additions["parties"]:
            try:
                accepts = "registry" in inspect.signature(analyse).parameters
            except (TypeError, ValueError):
                accepts = False
            if accepts:
                from analysis.registry import load_registry

                kw["registry"] = load_registry().extended(**additions)
        return analyse(text, **kw), version

    def current_version(self) -> str:
        """The analyser version new analyses are made with."""
        return self._analyser()[1]

    def journal_mode(self) -> str:
        """SQLite's journal mode for this database ('wal')."""
        with self.connect() as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])

    def meta(self, key: str) -> str | None:
        """A value from the meta table."""
        with self.connect() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Set a value in the meta table."""
        with self.connect() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- writing -------------------------------------------------------------------------

    def find_duplicate(self, text: str) -> str | None:
        """The id of an article with this text already in the store, or None."""
        with self.connect() as conn:
            row = conn.execute(
                "SELECT id FROM articles WHERE input_hash = ? OR content_hash = ?",
                (input_hash(text), text_hash(text)),
            ).fetchone()
        return row[0] if row else None

    def add(
        self,
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
        if not isinstance(text, str):
            raise ValueError("Expected text; decode uploaded bytes first.")
        if len(text) > MAX_INPUT_CHARS:
            raise ValueError(
                f"The text is {len(text):,} characters long; up to {MAX_INPUT_CHARS:,} can be added."
                " Split it into separate articles."
            )
        dup = self.find_duplicate(text)
        if dup is not None:
            return AddResult("duplicate", dup, self._title(dup), "This article is already in the corpus.")
        if analysis is None:
            analysis, version = self._analyse(text, published=published, title=title, source=source)
        else:
            version = analysis.analyser_version or self.current_version()
        art = analysis.article
        content = text_hash(art.text)
        with self.connect() as conn:
            row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content,)).fetchone()
        if row is not None:
            return AddResult("duplicate", row[0], self._title(row[0]), "This article is already in the corpus.")
        title = title or art.title or _first_line(art.text)
        published_iso = _iso(published) or _iso(art.published)
        source = source or art.source
        article_id = f"{_slug(title)}-{content[:8]}"
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as conn:
            # Checked again inside the write lock: another session may have added it meanwhile.
            raced = conn.execute(
                "SELECT id FROM articles WHERE content_hash = ? OR id = ?", (content, article_id)
            ).fetchone()
            if raced is None:
                conn.execute(
                    "INSERT INTO articles (id, title, published, source, url, text, content_hash,"
                    " input_hash, added_at, filename) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article_id, title, published_iso, source, url, art.text, content, input_hash(text), now, filename),
                )
                self._write_analysis(conn, article_id, analysis, version, content, title, published_iso, source)
        if raced is not None:
            return AddResult("duplicate", raced[0], self._title(raced[0]), "This article is already in the corpus.")
        return AddResult("added", article_id, title, "Added and analysed.")

    def _title(self, article_id: str) -> str | None:
        with self.connect() as conn:
            row = conn.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def _write_analysis(
        self,
        conn: sqlite3.Connection,
        article_id: str,
        analysis: Analysis,
        version: str,
        content: str,
        title: str | None,
        published_iso: str | None,
        source: str | None,
    ) -> None:
        art = replace(
            analysis.article,
            id=article_id,
            title=title,
            published=dt.date.fromisoformat(published_iso) if published_iso else None,
            source=source,
            content_hash=content,
        )
        analysis = replace(analysis, article=art, analyser_version=version)
        for table in ("analyses", "speakers", "quotes", "numbers"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # noqa: S608
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn.execute(
            "INSERT INTO analyses (article_id, analyser_version, text_hash, analysed_at, json) VALUES (?, ?, ?, ?, ?)",
            (article_id, version, content, now, analysis_to_json(analysis)),
        )
        self._write_rows(conn, article_id, analysis)

    def _write_rows(self, conn: sqlite3.Connection, article_id: str, analysis: Analysis) -> None:
        """The normalised rows: the machine analysis with the article's corrections laid over it."""
        applied = corrections_mod.apply(analysis, self._corrections_for(conn, article_id))
        self._write_speakers(conn, article_id, applied.analysis, applied.speaker_marks)
        self._write_quotes(conn, article_id, applied.analysis, applied.quote_marks)
        self._write_numbers(conn, article_id, applied.analysis, applied.number_marks)
        conn.execute("DELETE FROM correction_status WHERE article_id = ?", (article_id,))
        conn.executemany(
            "INSERT INTO correction_status (correction_id, article_id, status, detail, quote_id)"
            " VALUES (?, ?, ?, ?, ?)",
            [(cid, article_id, o.status, o.detail, o.quote_id) for cid, o in applied.outcomes.items()],
        )

    @staticmethod
    def _write_speakers(
        conn: sqlite3.Connection,
        article_id: str,
        analysis: Analysis,
        marks: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        marks = marks or {}
        conn.executemany(
            "INSERT INTO speakers (article_id, speaker_id, name, kind, role, party, country, quoted, corrected)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    s.id,
                    s.name,
                    s.kind,
                    s.role,
                    s.party,
                    s.country,
                    int(s.quoted),
                    "; ".join(marks[s.id]) if s.id in marks else None,
                )
                for s in analysis.speakers
            ],
        )

    @staticmethod
    def _write_quotes(
        conn: sqlite3.Connection,
        article_id: str,
        analysis: Analysis,
        marks: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        marks = marks or {}
        rows = []
        for seq, q in enumerate(analysis.quotes):
            st = q.stance
            m = q.speaker_mention
            rows.append(
                (
                    article_id,
                    q.id,
                    seq,
                    q.kind,
                    q.text,
                    q.start,
                    q.end,
                    q.speaker_id,
                    q.speaker_name,
                    q.cue,
                    q.cue_start,
                    q.cue_end,
                    q.rule,
                    m.text if m else None,
                    m.rule if m else None,
                    int(st.about_migration),
                    st.migration,
                    st.government,
                    json.dumps(list(st.targets)),
                    json.dumps(list(st.frames)),
                    json.dumps([[e.label, e.text, e.start, e.end] for e in st.evidence]),
                    st.rule,
                    st.confidence,
                    "; ".join(marks[q.id]) if q.id in marks else None,
                )
            )
        conn.executemany(
            'INSERT INTO quotes (article_id, quote_id, seq, kind, text, start, "end", speaker_id,'
            " speaker_name, cue, cue_start, cue_end, rule, mention_text, mention_rule,"
            " about_migration, migration, government, targets, frames, evidence, stance_rule,"
            " confidence, corrected) VALUES (" + ", ".join("?" * 24) + ")",
            rows,
        )

    @staticmethod
    def _write_numbers(
        conn: sqlite3.Connection,
        article_id: str,
        analysis: Analysis,
        marks: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        marks = marks or {}
        rows = []
        for seq, n in enumerate(analysis.numbers):
            s = n.sentence
            rows.append(
                (
                    article_id,
                    n.id,
                    seq,
                    n.text,
                    n.start,
                    n.end,
                    n.value,
                    n.kind,
                    n.unit,
                    n.qualifier,
                    n.value_low,
                    n.value_high,
                    n.metric,
                    n.metric_group,
                    n.period,
                    n.cited_by,
                    n.cited_by_name,
                    n.quote_id,
                    s.text if s else None,
                    s.start if s else None,
                    s.end if s else None,
                    int(n.disagrees),
                    n.rule,
                    "; ".join(marks[n.id]) if n.id in marks else None,
                )
            )
        conn.executemany(
            'INSERT INTO numbers (article_id, number_id, seq, text, start, "end", value, kind,'
            " unit, qualifier, value_low, value_high, metric, metric_group, period, cited_by,"
            " cited_by_name, quote_id, sentence, sentence_start, sentence_end, disagrees, rule,"
            " corrected) VALUES (" + ", ".join("?" * 24) + ")",
            rows,
        )

    def update_text(self, article_id: str, text: str) -> AddResult:
        """Replace an article's text (e.g. a corrected copy); re-analysed only if it changed."""
        row = self._article_row(article_id)
        if row is None:
            raise KeyError(article_id)
        if text_hash(text) == row["content_hash"]:
            return AddResult("unchanged", article_id, row["title"], "Text unchanged; kept the analysis.")
        analysis, version = self._analyse(text, published=row["published"], title=row["title"], source=row["source"])
        content = text_hash(analysis.article.text)
        with self.transaction() as conn:
            if not self._unchanged_since(conn, row):
                raise ValueError("The article was changed or deleted in another session meanwhile; try again.")
            conn.execute(
                "UPDATE articles SET text = ?, content_hash = ?, input_hash = ? WHERE id = ?",
                (analysis.article.text, content, input_hash(text), article_id),
            )
            self._write_analysis(
                conn, article_id, analysis, version, content, row["title"], row["published"], row["source"]
            )
        return AddResult("updated", article_id, row["title"], "Text updated and re-analysed.")

    def delete(self, article_id: str) -> bool:
        """Remove an article and everything derived from it. True if it existed."""
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cur.rowcount > 0

    def is_stale(self, article_id: str) -> bool:
        """True when the stored analysis was made from other text or by another analyser."""
        with self.connect() as conn:
            row = conn.execute(
                "SELECT a.content_hash, n.text_hash, n.analyser_version FROM articles a"
                " LEFT JOIN analyses n ON n.article_id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise KeyError(article_id)
        return row[1] != row[0] or row[2] != self.current_version()

    def stale_ids(self) -> list[str]:
        """Articles whose analysis must be recomputed (text or analyser version changed)."""
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
                " WHERE n.article_id IS NULL OR n.text_hash != a.content_hash"
                " OR n.analyser_version != ? ORDER BY a.published, a.id",
                (self.current_version(),),
            ).fetchall()
        return [r[0] for r in rows]

    def reanalyse(self, article_id: str, *, force: bool = False) -> bool:
        """Recompute one article's analysis if stale (or if `force`). True if it ran."""
        if not force and not self.is_stale(article_id):
            return False
        row = self._article_row(article_id)
        if row is None:
            raise KeyError(article_id)
        analysis, version = self._analyse(
            row["text"], published=row["published"], title=row["title"], source=row["source"]
        )
        # Offsets point into the text the analyser returns, so that is the text we keep.
        content = text_hash(analysis.article.text)
        with self.transaction() as conn:
            if not self._unchanged_since(conn, row):
                return False  # changed or deleted by another session meanwhile: its write stands
            conn.execute(
                "UPDATE articles SET text = ?, content_hash = ? WHERE id = ?",
                (analysis.article.text, content, article_id),
            )
            self._write_analysis(
                conn, article_id, analysis, version, content, row["title"], row["published"], row["source"]
            )
        return True

    @staticmethod
    def _unchanged_since(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
        """Inside a write transaction: the article still has the text it had when `row` was read."""
        now = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (row["id"],)).fetchone()
        return now is not None and now[0] == row["content_hash"]

    def refresh_stale(
        self, *, limit: int | None = None, progress: Callable[[int, int, str], None] | None = None
    ) -> int:
        """Re-analyse stale articles (at most `limit`). Returns how many were recomputed."""
        ids = self.stale_ids()[:limit] if limit is not None else self.stale_ids()
        for i, article_id in enumerate(ids):
            if progress:
                progress(i, len(ids), article_id)
            self.reanalyse(article_id, force=True)
        return len(ids)

    def load_seeds(self, seeds_dir: Path) -> list[AddResult]:
        """Add bundled seeds/*.txt (with seeds/manifest.json metadata) once per database."""
        if self.meta("seeded") == "1":
            return []
        manifest_path = seeds_dir / "manifest.json"
        manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
        results = []
        for path in sorted(seeds_dir.glob("*.txt")):
            info = manifest.get(path.name, {})
            results.append(
                self.add(
                    path.read_text("utf-8"),
                    title=info.get("title") or path.stem.replace("_", " "),
                    published=info.get("published"),
                    source=info.get("source"),
                )
            )
        self.set_meta("seeded", "1")
        return results

    # -- corrections ---------------------------------------------------------------------

    @staticmethod
    def _correction(r: sqlite3.Row) -> Correction:
        return Correction(
            kind=r["kind"],
            article_id=r["article_id"],
            start=r["start"],
            end=r["end"],
            text=r["text"],
            speaker_id=r["speaker_id"],
            value=json.loads(r["value"]),
            quote_id=r["quote_id"],
            note=r["note"],
            id=r["id"],
            created_at=r["created_at"],
            analyser_version=r["analyser_version"],
        )

    def _corrections_for(self, conn: sqlite3.Connection, article_id: str) -> list[Correction]:
        rows = conn.execute(
            "SELECT * FROM corrections WHERE article_id = ? OR article_id IS NULL ORDER BY id", (article_id,)
        ).fetchall()
        return [self._correction(r) for r in rows]

    def _affected(self, conn: sqlite3.Connection, c: Correction) -> list[str]:
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

    def _rebuild(self, conn: sqlite3.Connection, article_ids: Iterable[str]) -> None:
        """Rewrite the normalised rows of these articles from their stored machine JSON."""
        for article_id in article_ids:
            row = conn.execute(
                "SELECT a.text, n.json FROM articles a JOIN analyses n ON n.article_id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
            if row is None:
                continue
            for table in ("speakers", "quotes", "numbers"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # noqa: S608
            self._write_rows(conn, article_id, analysis_from_dict(json.loads(row["json"]), row["text"]))

    def add_correction(self, correction: Correction) -> Correction:
        """Store a correction and apply it at once, in one transaction. Returns it with its id.

        Raises ValueError (with a message for the user) when it does not fit the article now.
        """
        c = correction
        if c.kind not in corrections_mod.KINDS:
            raise ValueError(f"Unknown kind of correction: {c.kind!r}.")
        if c.kind in corrections_mod.QUOTE_KINDS:
            if not c.article_id or not c.text or c.start is None or c.end is None:
                raise ValueError("A correction to a quote needs the article, the offsets and the quoted words.")
            row = self._article_row(c.article_id)
            if row is None:
                raise ValueError("That article is not in the corpus.")
            if row["text"][c.start : c.end] != c.text:
                raise ValueError("Those words are not at those offsets in the article.")
        elif not c.speaker_id:
            raise ValueError("A speaker correction needs the speaker.")
        if c.kind == "merge_speakers" and (not c.value.get("into_id") or c.value["into_id"] == c.speaker_id):
            raise ValueError("Choose two different speakers to merge.")
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        version = (
            c.analyser_version
            or (self._stored_version(c.article_id) if c.article_id else None)
            or self.current_version()
        )
        with self.transaction() as conn:
            cur = conn.execute(
                'INSERT INTO corrections (kind, article_id, start, "end", text, speaker_id, value, quote_id,'
                " note, created_at, analyser_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    c.kind,
                    c.article_id,
                    c.start,
                    c.end,
                    c.text,
                    c.speaker_id,
                    c.value_json(),
                    c.quote_id,
                    c.note,
                    c.created_at or now,
                    version,
                ),
            )
            saved = replace(c, id=int(cur.lastrowid or 0), created_at=c.created_at or now, analyser_version=version)
            self._rebuild(conn, self._affected(conn, saved))
        return saved

    def delete_correction(self, correction_id: int) -> bool:
        """Undo a correction: the machine's output shows again. True if it existed."""
        with self.transaction() as conn:
            row = conn.execute("SELECT * FROM corrections WHERE id = ?", (correction_id,)).fetchone()
            if row is None:
                return False
            c = self._correction(row)
            affected = self._affected(conn, c)
            conn.execute("DELETE FROM correction_status WHERE correction_id = ?", (correction_id,))
            conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
            self._rebuild(conn, affected)
        return True

    def _stored_version(self, article_id: str) -> str | None:
        with self.connect() as conn:
            row = conn.execute("SELECT analyser_version FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def corrections(self, article_id: str | None = None) -> list[CorrectionRow]:
        """Corrections (those of one article and the corpus-wide ones, or all), with their status.

        An article correction is "review" when it no longer fits its article, or the article
        is gone; a speaker-wide one when no article has that speaker.
        """
        with self.connect() as conn:
            if article_id is None:
                rows = conn.execute("SELECT * FROM corrections ORDER BY id").fetchall()
            else:
                rows = conn.execute(
                    "SELECT * FROM corrections WHERE article_id = ? OR article_id IS NULL ORDER BY id",
                    (article_id,),
                ).fetchall()
            status = conn.execute(
                "SELECT correction_id, article_id, status, detail, quote_id FROM correction_status"
            ).fetchall()
            titles = dict(conn.execute("SELECT id, title FROM articles").fetchall())
        by_id: dict[int, list[sqlite3.Row]] = {}
        for s in status:
            by_id.setdefault(s["correction_id"], []).append(s)
        out = []
        for r in rows:
            c = self._correction(r)
            hits = by_id.get(int(r["id"]), [])
            if article_id is not None and c.article_id is None:
                hits = [h for h in hits if h["article_id"] == article_id]
            applied = [h for h in hits if h["status"] == "applied"]
            if c.article_id is not None and c.article_id not in titles:
                state, detail = "review", "the article is no longer in the corpus"
            elif applied:
                state, detail = "applied", applied[0]["detail"]
            elif hits:
                state, detail = "review", hits[0]["detail"]
            else:
                state, detail = "review", "no article has this speaker" if c.article_id is None else "not applied yet"
            out.append(
                CorrectionRow(
                    correction=c,
                    status=state,
                    detail=detail,
                    articles=len(applied),
                    quote_id=applied[0]["quote_id"] if applied else None,
                    article_title=titles.get(c.article_id or ""),
                )
            )
        return out

    def review(self) -> list[CorrectionRow]:
        """Corrections that no longer fit and need a person to look at them."""
        return [r for r in self.corrections() if r.status == "review"]

    def applied(self, article_id: str, *, refresh: bool = False) -> corrections_mod.Applied | None:
        """The article's machine analysis with its corrections laid over it, and what they did."""
        if refresh:
            try:
                self.reanalyse(article_id)
            except KeyError:
                return None
        with self.connect() as conn:
            row = conn.execute(
                "SELECT a.text, n.json FROM articles a JOIN analyses n ON n.article_id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
            if row is None:
                return None
            fixes = self._corrections_for(conn, article_id)
        return corrections_mod.apply(analysis_from_dict(json.loads(row["json"]), row["text"]), fixes)

    def registry_additions(self) -> dict[str, Any]:
        """Speakers and parties users added, as `Registry.extended(**...)` arguments."""
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT * FROM corrections WHERE kind IN ('reassign_speaker', 'add_quote', 'edit_speaker') ORDER BY id"
            ).fetchall()
        if not rows:
            return {"people": [], "organisations": [], "parties": {}}
        from analysis.registry import REGISTRY_PATH

        bundled = json.loads(Path(REGISTRY_PATH).read_text("utf-8"))
        return corrections_mod.registry_additions([self._correction(r) for r in rows], bundled)

    # -- reading -------------------------------------------------------------------------

    def _article_row(self, article_id: str) -> sqlite3.Row | None:
        with self.connect() as conn:
            return conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()

    def count(self) -> int:
        """Number of articles."""
        with self.connect() as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self, limit: int | None = None) -> list[ArticleRow]:
        """Every article (or the `limit` newest), newest first, with counts and whether its analysis is stale."""
        version = self.current_version()
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT a.id, a.title, a.published, a.source, a.url, a.added_at, length(a.text) AS len,"
                " n.analyser_version, n.text_hash = a.content_hash AS same_text,"
                " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS nq,"
                " (SELECT count(*) FROM numbers m WHERE m.article_id = a.id) AS nn,"
                " a.filename, a.content_hash,"
                " (SELECT count(*) FROM corrections c WHERE c.article_id = a.id) AS nc"
                " FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
                " ORDER BY a.published DESC, a.added_at DESC, a.id" + (" LIMIT ?" if limit is not None else ""),
                (limit,) if limit is not None else (),
            ).fetchall()
        return [
            ArticleRow(
                id=r["id"],
                title=r["title"],
                published=dt.date.fromisoformat(r["published"]) if r["published"] else None,
                source=r["source"],
                url=r["url"],
                added_at=r["added_at"],
                length=r["len"],
                analyser_version=r["analyser_version"],
                quotes=r["nq"],
                numbers=r["nn"],
                stale=not r["same_text"] or r["analyser_version"] != version,
                filename=r["filename"],
                content_hash=r["content_hash"],
                corrections=r["nc"],
            )
            for r in rows
        ]

    def get_analysis(self, article_id: str, *, refresh: bool = True, corrected: bool = True) -> Analysis | None:
        """The article's analysis, recomputed first if stale and `refresh`; None if unknown.

        With `corrected` (the default) users' corrections are laid over the machine's output;
        `corrected=False` gives the machine's output exactly as stored."""
        if corrected:
            applied = self.applied(article_id, refresh=refresh)
            return applied.analysis if applied else None
        if refresh:
            try:
                self.reanalyse(article_id)
            except KeyError:
                return None
        with self.connect() as conn:
            row = conn.execute(
                "SELECT a.text, n.json FROM articles a JOIN analyses n ON n.article_id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        return analysis_from_dict(json.loads(row["json"]), row["text"])

    def analysis_json(self, article_id: str) -> str | None:
        """The stored JSON of an article's analysis."""
        with self.connect() as conn:
            row = conn.execute("SELECT json FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def data_version(self) -> str:
        """Changes whenever the corpus changes: a cache key for everything read from it."""
        with self.connect() as conn:
            row = conn.execute(
                "SELECT count(*), coalesce(max(analysed_at), ''), coalesce(sum(length(article_id)), 0) FROM analyses"
            ).fetchone()
            n_articles = conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM articles").fetchone()
            fixes = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM corrections").fetchone()
        return f"{row[0]}:{row[1]}:{row[2]}:{n_articles[0]}:{n_articles[1]}:{fixes[0]}:{fixes[1]}"

    # -- queries for the list pages --------------------------------------------------------

    @staticmethod
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

    def query_quotes(self, f: Filters = NO_FILTERS, *, limit: int | None = None) -> list[sqlite3.Row]:
        """Quotes matching the filters, joined with their speaker and article."""
        where, args = self._article_where(f)
        _where_in(where, args, "s.party", f.parties)
        _where_in(where, args, "q.speaker_id", f.speakers)
        _where_in(where, args, "q.migration", f.stances)
        if f.frames:
            where.append(
                f"EXISTS (SELECT 1 FROM json_each(q.frames) j WHERE j.value IN ({', '.join('?' * len(f.frames))}))"
            )
            args.extend(f.frames)
        if f.search:
            like = "%" + f.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(q.text LIKE ? ESCAPE '\\' OR q.speaker_name LIKE ? ESCAPE '\\' OR s.name LIKE ? ESCAPE '\\')"
            )
            args.extend([like, like, like])
        sql = (
            "SELECT q.*, a.title AS article_title, a.published AS published, a.source AS source,"
            " substr(a.text, max(q.start - 120, 0) + 1, q.start - max(q.start - 120, 0)) AS before,"
            ' substr(a.text, q."end" + 1, 120) AS after,'
            " s.name AS name, s.role AS role, s.party AS party, s.kind AS speaker_kind,"
            " a.url AS url, a.content_hash AS content_hash, n.analyser_version AS analyser_version"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN analyses n ON n.article_id = q.article_id"
            " LEFT JOIN speakers s ON s.article_id = q.article_id AND s.speaker_id = q.speaker_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published DESC, a.id, q.seq"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
        with self.connect() as conn:
            return conn.execute(sql, args).fetchall()

    def query_numbers(self, f: Filters = NO_FILTERS) -> list[sqlite3.Row]:
        """Figures matching the article, date, party, speaker and search filters."""
        where, args = self._article_where(f)
        _where_in(where, args, "s.party", f.parties)
        _where_in(where, args, "m.cited_by", f.speakers)
        if f.search:
            like = "%" + f.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(m.sentence LIKE ? ESCAPE '\\' OR m.metric LIKE ? ESCAPE '\\' OR m.cited_by_name LIKE ? ESCAPE '\\')"
            )
            args.extend([like, like, like])
        sql = (
            "SELECT m.*, a.title AS article_title, a.published AS published, a.source AS source,"
            " s.name AS name, s.role AS role, s.party AS party,"
            " a.url AS url, a.content_hash AS content_hash, n.analyser_version AS analyser_version"
            " FROM numbers m JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN analyses n ON n.article_id = m.article_id"
            " LEFT JOIN speakers s ON s.article_id = m.article_id AND s.speaker_id = m.cited_by"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY m.metric_group, a.published, a.id, m.seq"
        )
        with self.connect() as conn:
            return conn.execute(sql, args).fetchall()

    def query_speakers(self, f: Filters = NO_FILTERS) -> list[sqlite3.Row]:
        """Speakers of the filtered articles, one row per speaker id across the corpus."""
        where, args = self._article_where(f)
        _where_in(where, args, "s.party", f.parties)
        _where_in(where, args, "s.speaker_id", f.speakers)
        sql = (
            "SELECT s.speaker_id, max(s.name) AS name, max(s.kind) AS kind, max(s.role) AS role,"
            " max(s.party) AS party, max(s.country) AS country, count(DISTINCT s.article_id) AS articles"
            " FROM speakers s JOIN articles a ON a.id = s.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " GROUP BY s.speaker_id ORDER BY name"
        )
        with self.connect() as conn:
            return conn.execute(sql, args).fetchall()

    def options(self) -> dict[str, list[Any]]:
        """Values the sidebar can offer: articles, parties, speakers, frames, date range."""
        with self.connect() as conn:
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
                    "SELECT j.value FROM quotes q, json_each(q.frames) j GROUP BY j.value"
                    " ORDER BY count(*) DESC, j.value"
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


# ---------------------------------------------------------------------------------------
# Uploads


def add_files(
    store: Store,
    files: Iterable[tuple[str, bytes]],
    *,
    decode: Callable[..., str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[FileResult]:
    """Decode and add uploaded files one by one; a bad file gives an error, not an exception.

    Each file is its own transaction: one bad file does not stop the others.
    """
    if decode is None:
        from analysis.ingest import decode_bytes

        decode = decode_bytes
    items: Sequence[tuple[str, bytes]] = list(files)
    results: list[FileResult] = []
    for i, (name, data) in enumerate(items):
        if progress:
            progress(i, len(items), name)
        try:
            if len(data) > MAX_UPLOAD_BYTES:
                raise ValueError(
                    f"the file is {len(data) / 1e6:.1f} MB; files up to {MAX_UPLOAD_BYTES // 1_000_000} MB"
                    " can be added. Split it into separate articles."
                )
            text = decode(data, filename=name)
            title = None if name.lower().endswith((".html", ".htm")) else Path(name).stem.replace("_", " ")
            res = store.add(text, title=title, filename=name)
        except ValueError as exc:
            results.append(FileResult(name, False, f"{name}: {exc}"))
            continue
        if res.status == "duplicate":
            results.append(FileResult(name, False, f"{name}: already in the corpus ({res.title}).", res.article_id))
        else:
            results.append(FileResult(name, True, f"{name}: added as “{res.title}”.", res.article_id))
    if progress:
        progress(len(items), len(items), "")
    return results
