"""Exact lookups in the facts store: the cells a question asks for, and where each was printed."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal

from index import FactsStore
from index.report.continuity import PREFIX as CROSS_YEAR
from index.report.sections import heading
from index.tables.checks import checks_of_cell
from index.tables.facts import NOTE_GROUP_SUM
from index.tables.schema import (
    APPLICANT_COLUMNS,
    APPLICATIONS,
    PROACTIVE,
    REVIEW,
    TABLE_LABELS,
)

from ..understanding.understand import Ask

ORGANISATIONS = APPLICANT_COLUMNS[1:]  # the five 法人或其他组织 columns
SUIT_ROWS = ("suit_direct", "suit_after_review")
# Reports whose cells, checks and sections a process keeps (a figure question reads one or two; a comparison
# over years a handful): about 0.3 MB each.
CACHED = 256
_ROLE = {PROACTIVE: "proactive", APPLICATIONS: "applications", REVIEW: "review"}


@dataclass(frozen=True)
class Cell:
    """A value for a question: one stored fact, or a sum computed here from several
    (the five organisation columns; both kinds of lawsuit)."""

    report: dict
    table: str
    row: str
    column: str
    value: Decimal
    unit: str
    facts: tuple[dict, ...]
    computed: bool = False
    ambiguous: str = ""

    @property
    def derived(self) -> bool:
        return self.computed or any(f["derived"] for f in self.facts)


class Facts:
    """The store's facts as a process sees them: each report's own row (the catalogue, small) kept; its
    cells, checks and sections looked up when a question needs them, the last CACHED reports' kept."""

    def __init__(self, store: FactsStore, cached: int = CACHED):
        self.store = store
        self._cache: OrderedDict[str, dict] = OrderedDict()
        self._cached = cached
        self._lock = threading.Lock()
        reports = [Report(self, r) for r in store.catalogue()]
        # A report whose agency or year is unknown cannot be asked about by either; it is named by its file.
        self.reports = {r["id"]: r for r in reports if r["agency"] and r["year"]}
        self.unnamed = {r["id"]: r for r in reports if r["id"] not in self.reports}
        for r in self.unnamed.values():
            r["title"] = r["file"]
        for r in self.reports.values():
            r["title"] = f"{r['agency']}{r['year']}年政府信息公开工作年度报告"
        self.cells = _PerReport(self, "cells")
        self.sections = _PerReport(self, "sections")

    def held(self, report_id: str) -> dict:
        """One report's cells, checks, sections and fact counts, from the cache or the store."""
        with self._lock:
            found = self._cache.get(report_id)
            if found is not None:
                self._cache.move_to_end(report_id)
                return found
        cells = {(f["table"], f["row"], f["column"]): f for f in self.store.facts(report_id)}
        derived = sum(1 for f in cells.values() if f["derived"])
        found = {"cells": cells, "checks": self.store.checks(report_id), "sections": self.store.sections(report_id),
                 "printed_facts": len(cells) - derived, "derived_facts": derived}
        with self._lock:
            self._cache[report_id] = found
            if len(self._cache) > self._cached:
                self._cache.popitem(last=False)
        return found

    def lookup(self, report_id: str, ask: Ask) -> list[Cell]:
        """The cells of one report a question asks for ([] when the report has none of them)."""
        cells = self.cells.get(report_id, {})
        report = self.reports[report_id]
        rows = SUIT_ROWS if ask.table == REVIEW and ask.row == "suit" else (ask.row,)
        out: list[Cell] = []
        for column in self._columns(cells, ask, rows[0]):
            parts = [self._cell(report, cells, ask.table, row, column, ask.ambiguous) for row in rows]
            parts = [p for p in parts if p is not None]
            if len(rows) > 1 and len(parts) == len(rows):
                out.append(_sum(report, ask.table, ask.row, column, parts, ask.ambiguous))
            out.extend(parts)
        return out

    def _columns(self, cells: dict, ask: Ask, row: str) -> list[str]:
        if ask.columns:
            chosen = []
            for alternatives in ask.columns:
                found = [k for k in alternatives if k == "organisations" or (ask.table, row, k) in cells]
                if found:
                    chosen.append(found[0])
            return chosen
        if ask.table == PROACTIVE:
            return [k[2] for k in cells if k[:2] == (ask.table, row)]
        return ["total"]

    def _cell(self, report, cells, table, row, column, ambiguous) -> Cell | None:
        if column == "organisations":
            parts = [cells.get((table, row, c)) for c in ORGANISATIONS]
            if any(p is None for p in parts):
                return None
            return Cell(report, table, row, column, sum((p["value"] for p in parts), Decimal(0)), parts[0]["unit"],
                        tuple(parts), True, ambiguous)
        fact = cells.get((table, row, column))
        if fact is None:
            return None
        return Cell(report, table, row, column, fact["value"], fact["unit"], (fact,), False, ambiguous)

    def flagged(self, cell: Cell) -> bool:
        """Whether the cell's table failed one of its own checks (a failed check across years concerns two
        cells only: cross_year_notes)."""
        return any(c["table"] == cell.table and c["status"] == "fail" and not c["name"].startswith(CROSS_YEAR)
                   for c in cell.report["checks"])

    def cross_year_notes(self, cell: Cell) -> list[tuple[int, str]]:
        """(year, row) of each cell of the agency's adjacent report that this cell disagrees with
        (上年结转 = 上年的结转下年度): the failed cross-year checks it takes part in."""
        checks = checks_of_cell(cell.report["checks"], cell.table, cell.row, cell.column)
        out = []
        for c in checks:
            if c["name"].startswith(CROSS_YEAR) and c["status"] == "fail":
                other = next(k for k in c["numbers"] if k[:4].isdigit())
                year, row, _ = other.split(".")
                out.append((int(year), row))
        return out

    def section(self, report_id: str, table: str) -> str:
        for s in self.sections.get(report_id, []):
            if s["role"] == _ROLE[table]:
                return heading(s["number"], s["title"])
        return TABLE_LABELS[table]

    def sources(self, cell: Cell) -> list[dict]:
        """The printed lines a cell's value stands on: its own row, or for a group sum
        (不予公开 = its eight items) the rows of its items."""
        out = []
        cells = self.cells.get(cell.report["id"], {})
        for fact in cell.facts:
            if fact["derived"] and fact["note"].startswith(NOTE_GROUP_SUM):
                group = fact["row"] + "."
                items = [f for k, f in cells.items() if k[0] == fact["table"] and k[1].startswith(group)
                         and k[2] == fact["column"]]
                out.extend(items)
            else:
                out.append(fact)
        return list({(f["source"], f["row"]): f for f in out}.values())


class Report(dict):
    """A report's catalogue row; its checks and fact counts are looked up when first read (report["checks"])."""

    def __init__(self, facts: Facts, row: dict):
        super().__init__(row)
        self._facts = facts

    def __missing__(self, key: str):
        if key in _HELD:
            return self._facts.held(self["id"])[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self or key in _HELD else default

    def keys(self):  # a copy (dict(report), {**report}) holds the looked-up parts too
        return [*super().keys(), *(k for k in _HELD if not dict.__contains__(self, k))]

    def __iter__(self):
        return iter(self.keys())

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def values(self):
        return [self[k] for k in self.keys()]


class _PerReport:
    """facts.cells[report_id], facts.sections.get(report_id, []): looked up per report."""

    def __init__(self, facts: Facts, part: str):
        self._facts, self._part = facts, part

    def __getitem__(self, report_id: str):
        if report_id not in self._facts.reports and report_id not in self._facts.unnamed:
            raise KeyError(report_id)
        return self._facts.held(report_id)[self._part]

    def get(self, report_id: str, default=None):
        try:
            return self[report_id]
        except KeyError:
            return default


_HELD = ("checks", "printed_facts", "derived_facts")


def _sum(report, table, row, column, parts: list[Cell], ambiguous: str) -> Cell:
    facts = tuple(f for p in parts for f in p.facts)
    return Cell(report, table, row, column, sum((p.value for p in parts), Decimal(0)), parts[0].unit, facts, True,
                ambiguous)
