"""Figures for staff: chosen cells of chosen reports, each with its check status and the
line it was printed on, side by side and as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from index import format_value
from index.tables.checks import checks_of_cell
from index.tables.facts import NOTE_OCR, NOTE_RUN
from index.tables.schema import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    APPLICATIONS,
    PROACTIVE,
    PROACTIVE_COLUMN_LABELS,
    PROACTIVE_COLUMNS,
    PROACTIVE_ROWS,
    RESULT_GROUPS,
    REVIEW,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_row_label,
    cell_label,
    short_cell_name,
)

from ..retrieval.lookup import Facts

STATUS = {"pass": "通过", "fail": "未通过", "skip": "未核对（缺格）"}
NO_CHECK = "无勾稽关系"
# Said beside the status wherever it shows: it is no finding about the cell, only that no identity covers it.
NO_CHECK_NOTE = "该格不在表内任何等式（勾稽关系）中，无法核对；这不表示有错"
NOT_READ = "报告中未读出此格"
CSV_FIELDS = ("report_id", "agency", "year", "table", "row", "column", "row_label", "column_label", "value", "unit",
              "derived", "check", "check_detail", "source")
# The CSV's first header line, for people; the keys above are its second, for programs.
CSV_HEADERS = ("报告编号", "机关", "年度", "表", "行", "列", "行名称", "列名称", "数值", "单位", "是否推得", "核对", "核对说明",
               "原文行")


@dataclass(frozen=True)
class Figure:
    """One cell of one report; value None when the report's table has the cell but it was not read."""

    report_id: str
    agency: str
    year: int
    table: str
    row: str
    column: str
    row_label: str
    column_label: str
    value: Decimal | None
    unit: str
    derived: bool
    check: str
    check_detail: str
    source: str

    @property
    def value_text(self) -> str:
        return "" if self.value is None else format_value(self.value)

    @property
    def report(self) -> str:
        return f"{self.agency} {self.year}"

    @property
    def cell(self) -> str:
        return f"{self.row_label} × {self.column_label}"


def _application_row(key: str) -> str:
    label = application_row_label(key)
    if key in RESULT_GROUPS and key != "other":
        return f"{label}（各项合计）"
    group = key.split(".")[0]
    if "." in key and not label.startswith(RESULT_GROUPS[group]):
        return f"{RESULT_GROUPS[group]} · {label}"
    return label


def _application_keys() -> list[str]:
    keys: list[str] = []
    for row in APPLICATION_ROWS["2021"] + APPLICATION_ROWS["2019"]:
        group = row.key.split(".")[0]
        if group in RESULT_GROUPS and group not in keys:
            keys.append(group)
        if row.key not in keys:
            keys.append(row.key)
    return keys


def row_choices(table: str) -> list[tuple[str, str]]:
    """(Chinese label, key) of every row a report of either format may have."""
    if table == APPLICATIONS:
        return [(_application_row(k), k) for k in _application_keys()]
    if table == REVIEW:
        return [(label, key) for key, label in REVIEW_GROUPS.items()]
    if table == PROACTIVE:
        return [(row.label, key) for key, row in PROACTIVE_ROWS.items()]
    raise KeyError(table)


def column_choices(table: str) -> list[tuple[str, str]]:
    if table == APPLICATIONS:
        return [(label, key) for key, label in APPLICATION_COLUMNS.items()]
    if table == REVIEW:
        return [(label, key) for key, label in REVIEW_COLUMNS.items()]
    if table == PROACTIVE:
        labels = dict(PROACTIVE_COLUMN_LABELS, amount="金额（收费金额或采购总金额，万元）")
        keys = dict.fromkeys(k for fmt in PROACTIVE_COLUMNS.values() for cols in fmt.values() for k in cols)
        return [(labels[k], k) for k in keys]
    raise KeyError(table)


def _in_template(report: dict, table: str, row: str, column: str) -> bool:
    """Whether the report's format of the table has this cell at all."""
    fmt = report["formats"].get(table, "2021")
    if table == PROACTIVE:
        return column in PROACTIVE_COLUMNS.get(fmt, {}).get(row, ())
    if table == APPLICATIONS:
        return row in RESULT_GROUPS or any(r.key == row for r in APPLICATION_ROWS[fmt])
    return True


def select_reports(facts: Facts, agencies: list[str], years: list[int]) -> tuple[list[str], list[str]]:
    """Report ids for agencies × years (no years: every year), and notes on pairs with no report."""
    ids, notes = [], []
    for agency in agencies:
        have = {r["year"]: rid for rid, r in facts.reports.items() if r["agency"] == agency}
        for year in years or sorted(have):
            if year in have:
                ids.append(have[year])
            else:
                notes.append(f"{agency}没有{year}年度报告（现有：{'、'.join(map(str, sorted(have))) or '无'}）")
    return ids, notes


def figures(facts: Facts, report_ids: list[str], table: str, rows: list[str], columns: list[str]) -> list[Figure]:
    """Every chosen cell of every chosen report, in report, row and column order."""
    out = []
    for rid in report_ids:
        report = facts.reports[rid]
        cells = facts.cells.get(rid, {})
        for row in rows:
            for column in columns:
                if not _in_template(report, table, row, column):
                    continue
                fact = cells.get((table, row, column))
                row_label, column_label = cell_label(table, row, column)
                if table == APPLICATIONS:
                    row_label = _application_row(row)
                if fact is None:
                    out.append(Figure(rid, report["agency"], report["year"], table, row, column, row_label,
                                      column_label, None, "", False, NOT_READ, "", ""))
                    continue
                checks = _checks(report, table, row, column)
                statuses = [c["status"] for c in checks]
                status = next((STATUS[s] for s in ("fail", "skip", "pass") if s in statuses), NO_CHECK)
                detail = "；".join(f"{STATUS[c['status']]}：{c['detail']}" for c in checks if c["status"] != "pass")
                if checks and not detail:
                    detail = f"参与{len(checks)}项核对，均通过" if len(checks) > 1 else "参与1项核对，通过"
                if not checks:
                    detail = NO_CHECK_NOTE
                out.append(Figure(rid, report["agency"], report["year"], table, row, column, row_label, column_label,
                                  fact["value"], fact["unit"], fact["derived"], status, detail,
                                  fact["source"] + (f"（{fact['note']}）" if _noted(fact) else "")))
    return out


def _noted(fact: dict) -> bool:
    """Whether a cell's source line shows its note: a derived cell's, how run-together digits were split,
    or that OCR read it."""
    return bool(fact["note"]) and (bool(fact["derived"]) or fact["note"].startswith(NOTE_RUN)
                                   or NOTE_OCR in fact["note"])


def _checks(report: dict, table: str, row: str, column: str) -> list[dict]:
    """The checks a cell takes part in; a group's sum (不予公开) is checked through its items."""
    items = [r.key for rows in APPLICATION_ROWS.values() for r in rows if r.key.startswith(row + ".")]
    if table == APPLICATIONS and row in RESULT_GROUPS and items and not checks_of_cell(report["checks"], table, row, column):
        found = [c for item in dict.fromkeys(items) for c in checks_of_cell(report["checks"], table, item, column)]
        return list({c["name"]: c for c in found}.values())
    return checks_of_cell(report["checks"], table, row, column)


def to_csv(items: list[Figure]) -> str:
    """CSV with a byte-order mark, so that spreadsheet programs read the Chinese as UTF-8; its first
    header line in Chinese, its second the keys."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADERS)
    writer.writerow(CSV_FIELDS)
    for f in items:
        writer.writerow([f.report_id, f.agency, f.year, f.table, f.row, f.column, f.row_label, f.column_label,
                         f.value_text, f.unit, "是" if f.derived else "否", f.check, f.check_detail, f.source])
    return "\ufeff" + buffer.getvalue()


def side_by_side(items: list[Figure]) -> tuple[list[str], list[list[str]]]:
    """A comparison table: one line per cell, one column per report."""
    reports = list(dict.fromkeys(f.report for f in items))
    cells: dict[str, dict[str, str]] = {}
    for f in items:
        text = f.value_text + (f.unit if f.value is not None and f.unit not in ("件", "") else "")
        cells.setdefault(f.cell, {})[f.report] = text or "—"
    return ["指标", *reports], [[cell, *(values.get(r, "") for r in reports)] for cell, values in cells.items()]


def trend(items: list[Figure]) -> list[dict]:
    """Points of one line per agency and cell over its years, for the agencies with two or more years
    among the chosen reports; values not read are left out (a gap, not a zero)."""
    years: dict[tuple[str, str], set[int]] = {}
    for f in items:
        years.setdefault((f.agency, f.cell), set()).add(f.year)
    series = {key for key, ys in years.items() if len(ys) > 1}
    # a series by its cell's short name: a legend cuts long names to the part they share
    return [{"年度": str(f.year), "数值": float(f.value),
             "系列": f"{f.agency}｜{short_cell_name(f.table, f.row, f.column)}"}
            for f in sorted(items, key=lambda f: f.year) if (f.agency, f.cell) in series and f.value is not None]


def agency_years(reports: list[dict]) -> dict[str, list[int]]:
    """Each agency's report years, in order."""
    out: dict[str, list[int]] = {}
    for r in reports:
        if r["agency"] and r["year"]:
            out.setdefault(r["agency"], []).append(r["year"])
    return {agency: sorted(set(years)) for agency, years in out.items()}
