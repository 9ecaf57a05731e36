"""Across the years of one agency: this year's 上年结转 is last year's 结转下年度, column by column.

Each pair of consecutive reports gets the check on both sides, so that either cell shows it: the
later report as cross_year.carried_in.<column>, the earlier as cross_year.carried_forward.<column>.
A report whose previous year is missing while an earlier one exists gets cross_year.carried_in as
not applicable (skip). An agency with a single report gets none.
"""

from __future__ import annotations

from decimal import Decimal

from ..tables.checks import check
from ..tables.facts import Check
from ..tables.schema import APPLICATION_COLUMNS, APPLICATIONS

PREFIX = "cross_year."


def cross_year_checks(reports: list[dict], cells: dict[tuple[str, str, str], Decimal]) -> dict[str, list[Check]]:
    """{report id: its cross-year checks}, from the reports (id, agency, year) and their applications
    cells {(report id, row, column): value} for the rows carried_in and carried_forward."""
    by_agency: dict[str, dict[int, str]] = {}
    for r in reports:
        if r["agency"] and r["year"]:
            by_agency.setdefault(r["agency"], {})[int(r["year"])] = r["id"]
    out: dict[str, list[Check]] = {}
    for agency, years in by_agency.items():
        for year, rid in sorted(years.items()):
            previous = years.get(year - 1)
            if previous is None:
                if any(y < year for y in years):
                    out.setdefault(rid, []).append(Check(
                        f"{PREFIX}carried_in", APPLICATIONS, "skip",
                        f"没有{agency}{year - 1}年度的报告：本年“上年结转”无法与上一年度的“结转下年度继续办理”核对", {}))
                continue
            for column in APPLICATION_COLUMNS:
                now, before = cells.get((rid, "carried_in", column)), cells.get((previous, "carried_forward", column))
                name = APPLICATION_COLUMNS[column].split(" · ")[-1]
                later = check(f"{PREFIX}carried_in.{column}", APPLICATIONS, [(f"carried_in.{column}", now)],
                              [(f"{year - 1}.carried_forward.{column}", before)],
                              f"“{name}”列：{year}年度的上年结转 = {year - 1}年度报告的结转下年度继续办理")
                earlier = check(f"{PREFIX}carried_forward.{column}", APPLICATIONS,
                                [(f"carried_forward.{column}", before)], [(f"{year}.carried_in.{column}", now)],
                                f"“{name}”列：{year - 1}年度的结转下年度继续办理 = {year}年度报告的上年结转")
                out.setdefault(rid, []).append(later)
                out.setdefault(previous, []).append(earlier)
    return out


def record(store) -> list[str]:
    """Recompute every report's cross-year checks in the store; the reports with a failed one, named."""
    reports = store.reports()
    cells = {(f["report_id"], f["row"], f["column"]): f["value"] for f in store.facts(table=APPLICATIONS)
             if f["row"] in ("carried_in", "carried_forward")}
    checks = cross_year_checks(reports, cells)
    failed = []
    for r in reports:
        mine = checks.get(r["id"], [])
        store.replace_checks(r["id"], PREFIX, mine)
        if any(c.status == "fail" for c in mine):
            failed.append(f"{r['file']}：上年结转与相邻年度报告的结转下年度继续办理不一致（"
                          f"{'；'.join(c.detail for c in mine if c.status == 'fail')}）")
    return failed
