"""The facts store in one SQLite file: the default, embedded, for one machine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .facts import SCHEMA, FactsStore, StoreVersionError

# A second writer (another build) waits this long for the first to commit before giving up.
BUSY_SECONDS = 60


class SQLiteStore(FactsStore):
    """A connection to the facts store at `path`; a writer holds the whole file until it commits."""

    errors = (sqlite3.DatabaseError,)

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        self.where = str(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_SECONDS,
                                      check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.executescript(SCHEMA)
            self._check_schema()
        except sqlite3.DatabaseError as exc:
            if hasattr(self, "db"):
                self.db.close()
            raise self._unreadable(exc) from exc
        except StoreVersionError:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def _execute(self, sql: str, params=()) -> list[dict]:
        return [dict(r) for r in self.db.execute(sql, params).fetchall()]

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        self.db.executemany(sql, rows)

    def _begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def _end(self, commit: bool) -> None:
        self.db.execute("COMMIT" if commit else "ROLLBACK")
