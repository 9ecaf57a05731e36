"""The facts store in PostgreSQL (psycopg 3): one database shared by app processes and ingest workers.

Each report is written in its own transaction under an advisory lock on its id and
file, so workers ingesting different reports never wait for each other, and two
writing the same report take turns: the later one's version is what remains.
"""

from __future__ import annotations

import threading
import zlib
from contextlib import contextmanager, nullcontext

from ..errors import StoreUnavailable, UserError
from .facts import SCHEMA, TABLE_NAMES, FactsStore

# The chunks' terms as a tsvector of exactly those lexemes (no parser, no configuration) with a GIN index.
SEARCH = """
ALTER TABLE chunks ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (array_to_tsvector(string_to_array(terms, ' '))) STORED;
CREATE INDEX chunks_tsv ON chunks USING GIN (tsv);
"""

# Schema creation and a rebuild hold this lock (advisory lock keys are 64-bit integers).
SCHEMA_LOCK = 0x6F6E676B6169  # "ongkai"
# Connections per process: the app answers ui_concurrency (4) questions at once.
POOL_SIZE = 4


def _key(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


class PostgresStore(FactsStore):
    """A pool of connections to the facts store at a postgresql:// URL. Each is checked before use and
    replaced when the server has dropped it, so a restarted server is used again without a restart here.
    App threads read through the pool side by side; a transaction holds one connection in its thread.
    Reads are cancelled after statement_timeout seconds (0: never); a write waits its turn."""

    def __init__(self, url: str, reset: bool = False, connect_timeout: float = 10.0, statement_timeout: float = 0.0):
        super().__init__()
        try:
            import psycopg
            from psycopg.rows import dict_row
            from psycopg_pool import ConnectionPool
        except ImportError as exc:
            raise UserError("a postgresql:// facts store needs psycopg and psycopg-pool:"
                            " pip install 'psycopg[binary]' psycopg-pool") from exc
        self.errors = (psycopg.Error,)
        self._lost = (psycopg.OperationalError, psycopg.InterfaceError)  # the server, not the statement
        self.where = redacted(url)
        self._reading = nullcontext()  # each read takes its own connection from the pool
        self._held = threading.local()  # the connection of this thread's transaction
        # a search sorts up to tens of thousands of candidates: in memory, not on disk
        options = f"-c work_mem=64MB -c statement_timeout={int(statement_timeout * 1000)}"
        self.pool = ConnectionPool(
            url, min_size=1, max_size=POOL_SIZE, open=False, num_workers=1, timeout=connect_timeout,
            # a connection is tried when a question needs one, never after a growing wait: the first
            # question after the server is back is answered (the pool would otherwise back off for minutes)
            reconnect_timeout=0,
            check=ConnectionPool.check_connection, name="facts",
            kwargs={"autocommit": True, "row_factory": dict_row, "connect_timeout": max(1, round(connect_timeout)),
                    "options": options})
        try:
            self.pool.open(wait=True, timeout=connect_timeout)
        except psycopg.Error as exc:
            self.pool.close()
            raise UserError(f"cannot connect to the facts store at {self.where} ({exc})") from exc
        try:
            with self.transaction(change=reset):
                self._execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
                if reset:
                    self._execute("DROP TABLE IF EXISTS " + ", ".join(TABLE_NAMES) + " CASCADE")
                # Only when missing: CREATE ... IF NOT EXISTS would still wait for every open write.
                if self._query("SELECT to_regclass('changes') IS NULL AS missing")[0]["missing"]:
                    self._held.conn.execute(SCHEMA)
                    self._held.conn.execute(SEARCH)
                self._check_schema()
        except psycopg.Error as exc:
            self.pool.close()
            raise self._unreadable(exc) from exc
        except UserError:  # an older schema (StoreVersionError), or the server gone meanwhile
            self.pool.close()
            raise

    def compact_terms(self) -> None:
        # One statement: the rows it folds are those committed when it starts; rows other writers add
        # meanwhile are left as they are.
        with self.transaction(change=False):
            self._execute("WITH gone AS (DELETE FROM term_deltas RETURNING term, chunks) INSERT INTO term_deltas"
                          " SELECT term, sum(chunks) FROM gone GROUP BY term HAVING sum(chunks) <> 0")
        if not self._depth:  # the planner's statistics after a build's writes (a search by report id, not a scan)
            with self.transaction(change=False):  # (without a statement timeout)
                self._execute("ANALYZE reports, chunks, term_deltas")

    def _candidates(self, terms, where, params, limit):
        query = " | ".join(map(_lexeme, terms))
        return self._query(
            "SELECT c.report_id, c.ord, c.terms, c.length FROM chunks c JOIN reports r ON r.id = c.report_id"
            " WHERE c.tsv @@ ?::tsquery" + where + " ORDER BY ts_rank(c.tsv, ?::tsquery) DESC LIMIT ?",
            [query, *params, query, limit])

    def close(self) -> None:
        self.pool.close()

    def _unavailable(self, exc: Exception) -> StoreUnavailable:
        return StoreUnavailable("facts", self.where, exc)

    @contextmanager
    def _connection(self):
        """This thread's transaction's connection, else one from the pool for one statement; the server's
        failures (down, restarted, a statement cancelled after its timeout) become StoreUnavailable."""
        held = getattr(self._held, "conn", None)
        try:
            if held is not None:
                yield held
            else:
                with self.pool.connection() as conn:
                    yield conn
        except self._lost as exc:
            raise self._unavailable(exc) from exc

    def _execute(self, sql: str, params=()) -> list[dict]:
        with self._connection() as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self._connection() as conn, conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)

    def _begin(self) -> None:
        try:
            conn = self.pool.getconn()
        except self._lost as exc:
            raise self._unavailable(exc) from exc
        self._held.conn = conn
        try:
            conn.execute("BEGIN")
            conn.execute("SET LOCAL statement_timeout = 0")  # a writer waits its turn (another writer's lock)
        except self._lost as exc:
            self._release()
            raise self._unavailable(exc) from exc
        except BaseException:
            self._release()
            raise

    def _end(self, commit: bool) -> None:
        try:
            self._held.conn.execute("COMMIT" if commit else "ROLLBACK")
        except self._lost as exc:
            if commit:  # not committed: the server has dropped the transaction with its connection
                raise self._unavailable(exc) from exc
        finally:
            self._release()

    def _release(self) -> None:
        conn, self._held.conn = self._held.conn, None
        self.pool.putconn(conn)  # a broken connection is discarded, and replaced in the background

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
