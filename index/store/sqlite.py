"""The facts store in one SQLite file: the default, embedded, for one machine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .facts import SCHEMA, FactsStore, StoreVersionError

# The chunks' terms in an FTS5 index kept by triggers; a term is one token as written (the ascii
# tokenizer keeps every non-ASCII character, and these ASCII ones that jieba keeps inside a word); each
# term's count of chunks is kept by every write (term_deltas).
SEARCH = """
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5(
    terms, content='chunks', content_rowid='rowid', tokenize="ascii tokenchars '+#&._%-'");
CREATE TRIGGER IF NOT EXISTS chunks_indexed AFTER INSERT ON chunks BEGIN
    INSERT INTO chunk_terms (rowid, terms) VALUES (new.rowid, new.terms); END;
CREATE TRIGGER IF NOT EXISTS chunks_unindexed AFTER DELETE ON chunks BEGIN
    INSERT INTO chunk_terms (chunk_terms, rowid, terms) VALUES ('delete', old.rowid, old.terms); END;
"""

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
            self.db.executescript(SCHEMA + SEARCH)
            self._check_schema()
        except sqlite3.DatabaseError as exc:
            if hasattr(self, "db"):
                self.db.close()
            raise self._unreadable(exc) from exc
        except StoreVersionError:
            self.db.close()
            raise

    def compact_terms(self) -> None:
        with self.transaction(change=False):  # one writer at a time: nothing else adds rows meanwhile
            self._execute("CREATE TEMP TABLE IF NOT EXISTS folded (term TEXT, chunks INTEGER)")
            self._execute("DELETE FROM folded")
            self._execute("INSERT INTO folded SELECT term, sum(chunks) FROM term_deltas GROUP BY term"
                          " HAVING sum(chunks) <> 0")
            self._execute("DELETE FROM term_deltas")
            self._execute("INSERT INTO term_deltas SELECT term, chunks FROM folded")

    def _candidates(self, terms, where, params, limit):
        query = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return self._query(
            "SELECT c.report_id, c.ord, c.terms, c.length FROM chunk_terms"
            " JOIN chunks c ON c.rowid = chunk_terms.rowid JOIN reports r ON r.id = c.report_id"
            " WHERE chunk_terms MATCH ?" + where + " ORDER BY bm25(chunk_terms) LIMIT ?", [query, *params, limit])

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
