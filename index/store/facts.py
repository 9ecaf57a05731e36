"""The facts store's interface and its SQL, shared by the SQLite and PostgreSQL backends.

Values are stored as text so that 126661.053152 stays exactly that. Every write
happens inside `transaction()`: an exception or a killed process leaves the
store as it was. The SQL is written once, with `?` placeholders, in the subset
both databases speak; a backend supplies the connection, its placeholder and
its locks.
"""

from __future__ import annotations

import json
import threading
import uuid
from contextlib import contextmanager
from decimal import Decimal

from ..errors import UserError
from ..report.chunks import embed_text
from ..report.reader import ParsedReport
from ..report.terms import report_terms
from ..tables.facts import format_value
from ..tables.schema import TABLES

SCHEMA_VERSION = "6"
REBUILD = "python -m index build --rebuild"
TABLE_NAMES = ("meta", "reports", "sections", "facts", "checks", "chunks", "vectors", "changes", "term_deltas")
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY, file TEXT NOT NULL UNIQUE, digest TEXT NOT NULL,
    agency TEXT, region TEXT, level TEXT, year INTEGER, source_url TEXT,
    status TEXT NOT NULL, formats TEXT NOT NULL, warnings TEXT NOT NULL, text TEXT NOT NULL,
    named TEXT, division TEXT NOT NULL, sources TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sections (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    number INTEGER NOT NULL, title TEXT NOT NULL, role TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    tbl TEXT NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL, value TEXT NOT NULL,
    unit TEXT NOT NULL, source TEXT NOT NULL, start INTEGER, "end" INTEGER,
    derived INTEGER NOT NULL, note TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (report_id, tbl, row, col));
CREATE TABLE IF NOT EXISTS checks (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    name TEXT NOT NULL, tbl TEXT NOT NULL, status TEXT NOT NULL,
    detail TEXT NOT NULL, numbers TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, kind TEXT NOT NULL, section TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    terms TEXT NOT NULL, length INTEGER NOT NULL,
    PRIMARY KEY (report_id, ord));
CREATE TABLE IF NOT EXISTS vectors (
    report_id TEXT NOT NULL, embedder TEXT NOT NULL, digest TEXT NOT NULL,
    PRIMARY KEY (report_id, embedder));
CREATE TABLE IF NOT EXISTS changes (token TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS term_deltas (term TEXT NOT NULL, chunks INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS term_deltas_term ON term_deltas (term);
CREATE INDEX IF NOT EXISTS facts_cell ON facts (tbl, row, col);
CREATE INDEX IF NOT EXISTS checks_report ON checks (report_id);
CREATE INDEX IF NOT EXISTS sections_report ON sections (report_id);
CREATE INDEX IF NOT EXISTS reports_agency ON reports (agency, year);
"""
# BM25 (bm25s's Lucene variant, as the app ranked before the store served it): candidates are read through
# the store's full-text index, then scored exactly from their stored terms and the corpus's statistics.
K1, B = 1.5, 0.75
CANDIDATES = 1000  # read per search, best first by the index's own ranking, then scored
POSTINGS = 30000  # index entries a search's candidates are read from at most (its rarest terms')
# The lock a build holds while it recomputes what spans reports (agencies.unify, continuity).
ACROSS_REPORTS = "across reports"


def term_counts(joined_terms) -> dict[str, int]:
    """{term: chunks holding it} of chunks given as their space-joined terms."""
    counts: dict[str, int] = {}
    for joined in joined_terms:
        for t in set(joined.split(" ")) - {""}:
            counts[t] = counts.get(t, 0) + 1
    return counts


class StoreVersionError(UserError):
    """The store was written by another version of this program; a rebuild replaces it."""


class FactsStore:
    """Reports, sections, facts, checks and chunks; one connection. Subclasses connect."""

    where = ""  # the store's location, for messages
    errors: tuple[type[Exception], ...] = ()  # the driver's errors that mean an unusable store

    def __init__(self):
        self._depth = 0
        self._reading = threading.RLock()  # app threads share one connection; one statement at a time

    # -- what a backend supplies ---------------------------------------------------------------
    def _execute(self, sql: str, params=()) -> list[dict]:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def _end(self, commit: bool) -> None:
        raise NotImplementedError

    def lock(self, *keys: str) -> None:
        """Hold these named locks until the transaction ends (two writers of one report wait in turn)."""

    def close(self) -> None:
        raise NotImplementedError

    # -- common --------------------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self, change: bool = True):
        """All or nothing; a transaction inside another joins it. Each adds a row to `changes`, so the
        store's generation moves on when it commits (a row of its own, not one row that every writer
        would update and so wait for). change=False: one that alters no contents (the schema's check)."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield self
            if change:
                self._execute("INSERT INTO changes VALUES (?)", (uuid.uuid4().hex,))
        except BaseException:
            self._depth = 0
            self._end(commit=False)
            raise
        self._depth = 0
        self._end(commit=True)

    def _check_schema(self) -> None:
        version = self._query("SELECT value FROM meta WHERE key = 'schema'")
        if not version:
            self._execute("INSERT INTO meta VALUES ('schema', ?) ON CONFLICT (key) DO NOTHING", (SCHEMA_VERSION,))
            self._execute("INSERT INTO meta VALUES ('store', ?) ON CONFLICT (key) DO NOTHING", (uuid.uuid4().hex,))
        elif version[0]["value"] != SCHEMA_VERSION:
            raise StoreVersionError(
                f"the facts store at {self.where} was written by another version; rebuild it with: {REBUILD}")

    def _unreadable(self, exc: Exception) -> UserError:
        return UserError(f"the facts store at {self.where} is unreadable ({exc}); rebuild it with: {REBUILD}")

    def _query(self, sql: str, params=()) -> list[dict]:
        try:
            with self._reading:
                return self._execute(sql, params)
        except self.errors as exc:
            raise self._unreadable(exc) from exc

    def clear(self) -> None:
        """Empty the store but for its version, id and changes (a rebuild, inside its transaction)."""
        for name in ("vectors", "reports", "term_deltas"):
            self._execute(f"DELETE FROM {name}")  # sections, facts, checks and chunks cascade
        self._execute("DELETE FROM meta WHERE key NOT IN ('schema', 'store')")

    def generation(self) -> str:
        """Changes with every committed write: equal generations mean the same contents. The store's
        own id tells a rebuilt SQLite file from the one it replaced."""
        n = self._query("SELECT count(*) AS n FROM changes")[0]["n"]
        return f"{self.get_meta('store')}:{n}"

    def digests(self) -> dict[str, tuple[str, str]]:
        """{file: (report id, digest)} of every stored report."""
        return {r["file"]: (r["id"], r["digest"]) for r in self._query("SELECT id, file, digest FROM reports")}

    def remove(self, report_id: str) -> None:
        with self.transaction():
            self._count_terms("report_id = ?", (report_id,), -1)
            self._execute("DELETE FROM reports WHERE id = ?", (report_id,))

    def _count_terms(self, where: str, params, sign: int) -> None:
        """Add (sign 1) or take away (-1) the stored chunks' terms from each term's count of chunks."""
        counts = term_counts(r["terms"] for r in self._execute(f"SELECT terms FROM chunks WHERE {where}", params))
        self.add_term_counts({t: sign * n for t, n in counts.items()})

    def add_term_counts(self, counts: dict[str, int]) -> None:
        """Each term's count of chunks moved by this much: rows added, never a shared row updated, so that
        writers of different reports never wait for each other (compact_terms folds them)."""
        self._executemany("INSERT INTO term_deltas VALUES (?, ?)", [(t, n) for t, n in counts.items() if n])

    def compact_terms(self) -> None:
        """One row per term for the rows committed so far (a build's end)."""
        raise NotImplementedError

    def put(self, report: ParsedReport) -> None:
        """Store a parsed report, replacing any earlier version of the same id or file."""
        m = report.meta
        with self.transaction():
            self.lock(m.id, m.file)
            self._count_terms("report_id IN (SELECT id FROM reports WHERE id = ? OR file = ?)", (m.id, m.file), -1)
            self._execute("DELETE FROM reports WHERE id = ? OR file = ?", (m.id, m.file))
            self._execute(
                "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (m.id, m.file, report.digest, m.agency, m.region, m.level, m.year, m.source_url, report.status,
                 json.dumps(report.formats), json.dumps(report.warnings, ensure_ascii=False), report.text,
                 m.agency, m.division, json.dumps(m.sources, ensure_ascii=False)),
            )
            self._executemany(
                "INSERT INTO sections VALUES (?,?,?,?,?,?)",
                [(m.id, s.number, s.title, s.role, s.start, s.end) for s in report.sections],
            )
            self._executemany(
                "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(m.id, f.table, f.row, f.column, format_value(f.value), f.unit, f.source, f.start, f.end,
                  int(f.derived), f.note, i) for i, f in enumerate(report.facts)],
            )
            terms = report_terms([embed_text(c.section, c.text) for c in report.chunks], [m.agency, m.region])
            self._executemany(
                'INSERT INTO chunks (report_id, ord, kind, section, start, "end", text, terms, length)'
                " VALUES (?,?,?,?,?,?,?,?,?)",
                # an empty chunk counts one term, as it did in bm25s ("<empty>"), and matches none
                [(m.id, c.ord, c.kind, c.section, c.start, c.end, c.text, " ".join(t), max(1, len(t)))
                 for c, t in zip(report.chunks, terms)],
            )
            self.add_term_counts(term_counts(" ".join(t) for t in terms))
            self._insert_checks(m.id, report.checks, 0)

    def _insert_checks(self, report_id: str, checks, first: int) -> None:
        self._executemany("INSERT INTO checks VALUES (?,?,?,?,?,?,?)",
                          [(report_id, c.name, c.table, c.status, c.detail,
                            json.dumps(c.numbers, ensure_ascii=False), first + i) for i, c in enumerate(checks)])

    def rename(self, report_id: str, agency: str, region: str, level: str, warning: str) -> None:
        """Record a report's agency under another name (agencies.unify), noting it among its warnings;
        the name the report gives itself stays, as `named`."""
        row = self._query("SELECT warnings, sources FROM reports WHERE id = ?", (report_id,))
        warnings = json.loads(row[0]["warnings"]) if row else []
        sources = json.loads(row[0]["sources"]) if row else {}
        if warning not in warnings:
            warnings.append(warning)
        sources["agency"] = sources.get("agency", "") + " (named as the agency's other reports name it)"
        self._execute("UPDATE reports SET agency = ?, region = ?, level = ?, warnings = ?, sources = ? WHERE id = ?",
                      (agency, region, level, json.dumps(warnings, ensure_ascii=False),
                       json.dumps(sources, ensure_ascii=False), report_id))
        self._execute("DELETE FROM vectors WHERE report_id = ?", (report_id,))

    def replace_checks(self, report_id: str, prefix: str, checks) -> None:
        """Replace a report's checks whose names start with prefix (checks recomputed across reports),
        and its status with what all its checks and tables now say."""
        self._execute("DELETE FROM checks WHERE report_id = ? AND substr(name, 1, ?) = ?",
                      (report_id, len(prefix), prefix))
        last = self._query("SELECT max(seq) AS seq FROM checks WHERE report_id = ?", (report_id,))
        self._insert_checks(report_id, checks, (last[0]["seq"] if last and last[0]["seq"] is not None else -1) + 1)
        self._execute(
            "UPDATE reports SET status = CASE WHEN agency IS NULL OR agency = '' OR year IS NULL"
            " OR EXISTS (SELECT 1 FROM checks c WHERE c.report_id = reports.id AND c.status = 'fail')"
            " OR (SELECT count(DISTINCT tbl) FROM facts f WHERE f.report_id = reports.id) < ?"
            " THEN 'flagged' ELSE 'ok' END WHERE id = ?", (len(TABLES), report_id))

    def catalogue(self) -> list[dict]:
        """Every report's own row, without its text, checks or counts: what a process keeps of each."""
        rows = self._query(
            "SELECT id, file, agency, named, region, level, year, source_url, division, sources, status, formats,"
            " warnings FROM reports ORDER BY agency, year, id")
        return [{**r, "formats": json.loads(r["formats"]), "warnings": json.loads(r["warnings"]),
                 "sources": json.loads(r["sources"])} for r in rows]

    def reports(self) -> list[dict]:
        rows = self._query(
            "SELECT r.id, r.file, r.agency, r.named, r.region, r.level, r.year, r.source_url, r.division, r.sources,"
            " r.status, r.formats, r.warnings,"
            " (SELECT count(*) FROM facts f WHERE f.report_id = r.id AND f.derived = 0) AS printed_facts,"
            " (SELECT count(*) FROM facts f WHERE f.report_id = r.id AND f.derived <> 0) AS derived_facts"
            " FROM reports r ORDER BY r.agency, r.year, r.id")
        checks: dict[str, list[dict]] = {}
        for c in self._checks():
            checks.setdefault(c.pop("report_id"), []).append(c)
        return [{**r, "printed_facts": int(r["printed_facts"]), "derived_facts": int(r["derived_facts"]),
                 "formats": json.loads(r["formats"]), "warnings": json.loads(r["warnings"]),
                 "sources": json.loads(r["sources"]),
                 "checks": checks.get(r["id"], [])} for r in rows]

    def check_counts(self) -> dict[str, dict[str, int]]:
        """{report id: {status: checks}}, in one query (the reports' list)."""
        out: dict[str, dict[str, int]] = {}
        for r in self._query("SELECT report_id, status, count(*) AS n FROM checks GROUP BY report_id, status"):
            out.setdefault(r["report_id"], {})[r["status"]] = int(r["n"])
        return out

    def checks(self, report_id: str) -> list[dict]:
        return [{k: v for k, v in c.items() if k != "report_id"} for c in self._checks(report_id)]

    def _checks(self, report_id: str | None = None) -> list[dict]:
        """Checks (of one report, or all) in report and recorded order, numbers decoded."""
        where, params = (" WHERE report_id = ?", (report_id,)) if report_id else ("", ())
        rows = self._query('SELECT report_id, name, tbl AS "table", status, detail, numbers FROM checks'
                           + where + " ORDER BY report_id, seq", params)
        return [{**r, "numbers": json.loads(r["numbers"])} for r in rows]

    def sections(self, report_id: str) -> list[dict]:
        return self._query('SELECT number, title, role, start, "end" FROM sections WHERE report_id = ?'
                           " ORDER BY number", (report_id,))

    def facts(self, report_id: str | None = None, table: str | None = None) -> list[dict]:
        """Facts with their report's agency and year; values as Decimal."""
        sql = ("SELECT f.report_id, r.agency, r.year, f.tbl AS \"table\", f.row, f.col AS \"column\", f.value,"
               " f.unit, f.derived, f.source, f.start, f.\"end\", f.note"
               " FROM facts f JOIN reports r ON r.id = f.report_id WHERE 1=1")
        params: list = []
        if report_id:
            sql += " AND f.report_id = ?"
            params.append(report_id)
        if table:
            sql += " AND f.tbl = ?"
            params.append(table)
        sql += " ORDER BY r.agency, r.year, f.report_id, f.seq"
        return [{**r, "value": Decimal(r["value"]), "derived": bool(r["derived"])} for r in self._query(sql, params)]

    def chunks(self, report_ids: list[str] | None = None) -> list[dict]:
        """Chunks with their report's agency and year, in report and reading order."""
        if report_ids is not None and not report_ids:
            return []
        sql = ("SELECT c.report_id, c.ord, c.kind, c.section, c.start, c.\"end\", c.text, r.agency, r.year"
               " FROM chunks c JOIN reports r ON r.id = c.report_id")
        params: list = []
        if report_ids is not None:
            sql += f" WHERE c.report_id IN ({','.join('?' * len(report_ids))})"
            params = list(report_ids)
        rows = self._query(sql + " ORDER BY c.report_id, c.ord", params)
        return [{**r, "id": f"{r['report_id']}:{r['ord']}"} for r in rows]

    # -- search ------------------------------------------------------------------------------
    def term_stats(self) -> tuple[int, float]:
        """(chunks, their mean length in terms): BM25's N and average length."""
        row = self._query("SELECT count(*) AS n, sum(length) AS total FROM chunks")[0]
        n = int(row["n"])
        return n, (float(row["total"]) / n if n else 0.0)

    def doc_freqs(self, terms: list[str]) -> dict[str, int]:
        """{term: chunks holding it} of the terms any chunk holds (kept with every write: term_deltas)."""
        out: dict[str, int] = {}
        for at in range(0, len(terms), 500):
            part = terms[at:at + 500]
            rows = self._query(f"SELECT term, sum(chunks) AS n FROM term_deltas WHERE term IN"
                               f" ({','.join('?' * len(part))}) GROUP BY term", part)
            out.update({r["term"]: int(r["n"]) for r in rows if r["n"] and int(r["n"]) > 0})
        return out

    def _candidates(self, terms: list[str], where: str, params: list, limit: int) -> list[dict]:
        """(rowid or key, terms, length) of chunks holding any term, within `where`, best first."""
        raise NotImplementedError

    def match(self, terms: list[str], agencies: list[str] | None = None, year: int | None = None,
              limit: int = CANDIDATES, df: dict[str, int] | None = None) -> list[dict]:
        """Chunks holding any of the terms (of these agencies, of this year), at most `limit`, best first by
        the index's own ranking: each with report_id, ord, terms and length. Given the terms' document
        frequencies, the index is asked for the rarest terms only, as many as read at most POSTINGS
        entries (the commonest terms, in most chunks of a large store, would make it rank them all; the
        candidates are then scored on every term)."""
        terms = list(dict.fromkeys(terms))
        if df:
            terms.sort(key=lambda t: df.get(t, 0))
            read = 0
            for n, t in enumerate(terms):
                read += df.get(t, 0)
                if read > POSTINGS and n:
                    terms = terms[:n]
                    break
        if not terms:
            return []
        where, params = self._filters(agencies, year)
        return self._candidates(terms, where, params, limit)

    def chunk_terms(self, report_ids: list[str]) -> list[dict]:
        """Every chunk of these reports: report_id, ord, terms and length (a search within a few reports
        scores them all rather than ask the index)."""
        out: list[dict] = []
        for at in range(0, len(report_ids), 500):
            part = report_ids[at:at + 500]
            out += self._query(f"SELECT report_id, ord, terms, length FROM chunks WHERE report_id IN"
                               f" ({','.join('?' * len(part))})", part)
        return out

    def _filters(self, agencies: list[str] | None, year: int | None) -> tuple[str, list]:
        where, params = "", []
        if agencies is not None:
            where += f" AND r.agency IN ({','.join('?' * len(agencies))})" if agencies else " AND 1=0"
            params += list(agencies)
        if year is not None:
            where += " AND r.year = ?"
            params.append(year)
        return where, params

    def chunks_of(self, keys: list[tuple[str, int]]) -> list[dict]:
        """The chunks (report id, ord) with their report's agency and year, in the order asked."""
        if not keys:
            return []
        found: dict[tuple[str, int], dict] = {}
        for at in range(0, len(keys), 200):
            part = keys[at:at + 200]
            pairs = " OR ".join("(c.report_id = ? AND c.ord = ?)" for _ in part)
            rows = self._query('SELECT c.report_id, c.ord, c.kind, c.section, c.start, c."end", c.text, r.agency,'
                               f" r.year FROM chunks c JOIN reports r ON r.id = c.report_id WHERE {pairs}",
                               [v for k in part for v in k])
            found.update({(r["report_id"], r["ord"]): {**r, "id": f"{r['report_id']}:{r['ord']}"} for r in rows})
        return [found[k] for k in keys if k in found]

    def text_chunks_saying(self, phrases: list[str], agencies: list[str] | None = None,
                           limit: int = 50) -> list[dict]:
        """Text chunks that contain any of the phrases, newest report first."""
        where, params = self._filters(agencies, None)
        said = " OR ".join("c.text LIKE ?" for _ in phrases)
        rows = self._query('SELECT c.report_id, c.ord, c.kind, c.section, c.start, c."end", c.text, r.agency, r.year'
                           f" FROM chunks c JOIN reports r ON r.id = c.report_id WHERE c.kind = 'text' AND ({said})"
                           + where + " ORDER BY r.year DESC, r.agency, c.start LIMIT ?",
                           [f"%{p}%" for p in phrases] + params + [limit])
        return [{**r, "id": f"{r['report_id']}:{r['ord']}"} for r in rows]

    def embedded(self, embedder: str) -> dict[str, str]:
        """{report id: digest} of the reports whose chunks are in the vector store for this embedder."""
        rows = self._query("SELECT report_id, digest FROM vectors WHERE embedder = ?", (embedder,))
        return {r["report_id"]: r["digest"] for r in rows}

    def mark_embedded(self, report_id: str, embedder: str, digest: str | None) -> None:
        """Record (or, with digest None, forget) that a report's chunks are in the vector store."""
        with self.transaction():
            if digest is None:
                self._execute("DELETE FROM vectors WHERE report_id = ? AND embedder = ?", (report_id, embedder))
            else:
                self._execute("INSERT INTO vectors VALUES (?,?,?) ON CONFLICT (report_id, embedder)"
                              " DO UPDATE SET digest = excluded.digest", (report_id, embedder, digest))

    def report_digests(self) -> dict[str, str]:
        """{report id: digest}"""
        return dict(self.digests().values())

    def get_meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self._execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                      (key, value))

    def text(self, report_id: str) -> str:
        rows = self._query("SELECT text FROM reports WHERE id = ?", (report_id,))
        if not rows:
            raise UserError(f"no report with id {report_id!r}")
        return rows[0]["text"]
