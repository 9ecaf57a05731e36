"""The facts store in PostgreSQL (psycopg 3): one database shared by app processes and ingest workers.

Each report is written in its own transaction under an advisory lock on its id and
file, so workers ingesting different reports never wait for each other, and two
writing the same report take turns: the later one's version is what remains.
"""

from __future__ import annotations

import zlib

from ..errors import UserError
from .facts import SCHEMA, TABLE_NAMES, FactsStore, StoreVersionError

# The chunks' terms as a tsvector of exactly those lexemes (no parser, no configuration) with a GIN index.
SEARCH = """
ALTER TABLE chunks ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (array_to_tsvector(string_to_array(terms, ' '))) STORED;
CREATE INDEX chunks_tsv ON chunks USING GIN (tsv);
"""

# Schema creation and a rebuild hold this lock (advisory lock keys are 64-bit integers).
SCHEMA_LOCK = 0x6F6E676B6169  # "ongkai"


def _key(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


class PostgresStore(FactsStore):
    """A connection to the facts store at a postgresql:// URL."""

    def __init__(self, url: str, reset: bool = False):
        super().__init__()
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise UserError("a postgresql:// facts store needs psycopg: pip install 'psycopg[binary]'") from exc
        self.errors = (psycopg.Error,)
        self.where = redacted(url)
        try:
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
            # a search sorts up to tens of thousands of candidates: in memory, not on disk
            self.db.execute("SET work_mem = '64MB'")
        except psycopg.Error as exc:
            raise UserError(f"cannot connect to the facts store at {self.where} ({exc})") from exc
        try:
            with self.transaction(change=reset):
                self._execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
                if reset:
                    self._execute("DROP TABLE IF EXISTS " + ", ".join(TABLE_NAMES) + " CASCADE")
                # Only when missing: CREATE ... IF NOT EXISTS would still wait for every open write.
                if self._query("SELECT to_regclass('changes') IS NULL AS missing")[0]["missing"]:
                    self.db.execute(SCHEMA)
                    self.db.execute(SEARCH)
                self._check_schema()
        except StoreVersionError:
            self.db.close()
            raise
        except psycopg.Error as exc:
            self.db.close()
            raise self._unreadable(exc) from exc

    def compact_terms(self) -> None:
        # One statement: the rows it folds are those committed when it starts; rows other writers add
        # meanwhile are left as they are.
        with self.transaction(change=False):
            self._execute("WITH gone AS (DELETE FROM term_deltas RETURNING term, chunks) INSERT INTO term_deltas"
                          " SELECT term, sum(chunks) FROM gone GROUP BY term HAVING sum(chunks) <> 0")
        if not self._depth:  # the planner's statistics after a build's writes (a search by report id, not a scan)
            self._execute("ANALYZE reports, chunks, term_deltas")

    def _candidates(self, terms, where, params, limit):
        query = " | ".join(map(_lexeme, terms))
        return self._query(
            "SELECT c.report_id, c.ord, c.terms, c.length FROM chunks c JOIN reports r ON r.id = c.report_id"
            " WHERE c.tsv @@ ?::tsquery" + where + " ORDER BY ts_rank(c.tsv, ?::tsquery) DESC LIMIT ?",
            [query, *params, query, limit])

    def close(self) -> None:
        self.db.close()

    def _execute(self, sql: str, params=()) -> list[dict]:
        cursor = self.db.execute(sql.replace("?", "%s"), params)
        return cursor.fetchall() if cursor.description else []

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.db.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)

    def _begin(self) -> None:
        self.db.execute("BEGIN")

    def _end(self, commit: bool) -> None:
        self.db.execute("COMMIT" if commit else "ROLLBACK")

    def lock(self, *keys: str) -> None:
        for key in sorted(set(map(_key, keys))):  # one order everywhere: no deadlock between two writers
            self._execute("SELECT pg_advisory_xact_lock(?)", (key,))


def _lexeme(term: str) -> str:
    """A term as a tsquery lexeme, quoted: taken as written."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or "://" not in head:
        return url
    scheme, _, credentials = head.partition("://")
    return f"{scheme}://{credentials.split(':', 1)[0]}@{tail}"
