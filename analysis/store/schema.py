"""The corpus database's tables and indexes, and the migrations that bring an older file up to date.

A database is migrated each time it is opened: every statement is idempotent (`IF NOT EXISTS`,
a column added only when missing), so a file written by any earlier release opens as it is.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = "1"

TABLES = """
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
    co_speaker_ids TEXT,
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
CORRECTIONS = """
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

# Headline, date and outlet edits, with the value each replaced, so they can be listed and undone.
ARTICLE_EDITS = """
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

# Columns added after the first release: (table, column, declaration).
ADDED_COLUMNS = (
    ("articles", "filename", "TEXT"),
    ("speakers", "corrected", "TEXT"),
    ("quotes", "corrected", "TEXT"),
    ("numbers", "corrected", "TEXT"),
    ("quotes", "co_speaker_ids", "TEXT"),  # a joint statement's other speakers, a JSON list of ids
)


def migrate(conn: sqlite3.Connection) -> None:
    """Create what is missing: tables, indexes and added columns; WAL so readers never wait."""
    conn.execute("PRAGMA journal_mode=WAL")
    for script in (TABLES, CORRECTIONS, ARTICLE_EDITS):
        conn.executescript(script)
    for table, column, decl in ADDED_COLUMNS:
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            try:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
            except sqlite3.OperationalError as exc:  # another process added it first
                if "duplicate column" not in str(exc):
                    raise
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
