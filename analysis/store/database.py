"""Where the corpus file is, and short-lived connections and transactions on it.

Every operation opens its own connection, so one `Database` is safe to share between
Streamlit's threads; WAL mode lets readers (sessions) go on while one writer writes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from analysis.store.schema import migrate

DEFAULT_DB = Path("data/corpus.db")
DB_ENV = "STANCE_EXPLORER_DB"


def db_path_from_env() -> Path:
    """The database path: $STANCE_EXPLORER_DB if set, else data/corpus.db."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


@dataclass
class Database:
    """The SQLite file at `path`, created (or migrated) when opened."""

    path: Path

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect() as conn:
            migrate(conn)

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

    def journal_mode(self) -> str:
        """SQLite's journal mode for this database ('wal')."""
        with self.connect() as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])

    def meta(self, key: str) -> str | None:
        """A value from the meta table."""
        with self.connect() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Set a value in the meta table."""
        with self.connect() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
