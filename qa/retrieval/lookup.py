"""Exact lookups in the facts store: the cells a question asks for, and where each was printed."""

from __future__ import annotations

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
    """Every fact of the store, loaded once and indexed by report and cell."""

    def __init__(self, store: FactsStore):
        reports = store.reports()
        # A report whose agency or year is unknown cannot be asked about by either; it is named by its file.
        self.reports = {r["id"]: r for r in reports if r["agency"] and r["year"]}
        self.unnamed = {r["id"]: {**r, "title": r["file"]} for r in reports if r["id"] not in self.reports}
        self.cells: dict[str, dict[tuple[str, str, str], dict]] = {}
        for f in store.facts():
            self.cells.setdefault(f["report_id"], {})[(f["table"], f["row"], f["column"])] = f
        # A table's own checks; a failed check across years concerns two cells only (cross_year_notes).
        self.failed = {(rid, c["table"]) for rid, r in self.reports.items() for c in r["checks"]
                       if c["status"] == "fail" and not c["name"].startswith(CROSS_YEAR)}
        self.sections = {rid: store.sections(rid) for rid in self.reports}
        for r in self.reports.values():
            r["title"] = f"{r['agency']}{r['year']}年政府信息公开工作年度报告" if r["agency"] and r["year"] else r["file"]

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
        """Whether the cell's table failed one of its checks."""
        return (cell.report["id"], cell.table) in self.failed

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


def _sum(report, table, row, column, parts: list[Cell], ambiguous: str) -> Cell:
    facts = tuple(f for p in parts for f in p.facts)
    return Cell(report, table, row, column, sum((p.value for p in parts), Decimal(0)), parts[0].unit, facts, True,
                ambiguous)
