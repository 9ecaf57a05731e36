"""What several executors share: the reports a question names, the note on how a relative year was
read, and a cell as the answer's record of the facts used."""

from __future__ import annotations

from index import json_value

from ..retrieval.lookup import Cell, Facts
from ..understanding.understand import Query
from ..understanding.years import LATEST, PREVIOUS, RECENT, resolve
from .messages import say


def reports_of(facts: Facts, query: Query) -> tuple[list[dict], list[str]]:
    """The reports a question names (agency × year), and notes on what is missing."""
    out, missing = [], []
    lang = query.language
    for agency in query.agencies:
        have = sorted(r["year"] for r in facts.reports.values() if r["agency"] == agency)
        for year in resolve(query.years, have):
            reports = [r for r in facts.reports.values() if r["agency"] == agency and r["year"] == year]
            if reports:
                out.extend(reports)
            else:
                missing.append(say("no_year_report", lang, agency=agency, year=year,
                                   have="、".join(f"{y}年度" for y in have), have_en=", ".join(map(str, have))))
    missing += [say("no_report_of", lang, name=name) for name in query.unknown]
    return out, missing


def scope_note(query: Query, reports: list[dict]) -> str:
    """How 近三年 or 去年 was read, when it was."""
    if not reports:
        return ""
    years = "、".join(sorted({str(r["year"]) for r in reports}))
    recent = next((y for y in query.years if isinstance(y, str) and y.startswith(RECENT)), None)
    if recent:
        return say("recent_scope", query.language, n=recent[len(RECENT):], years=years)
    if LATEST in query.years:
        return say("latest_scope", query.language, years=years)
    if PREVIOUS in query.years:
        return say("previous_scope", query.language, years=years)
    return ""


def fact_record(facts: Facts, cell: Cell) -> dict:
    return {"report_id": cell.report["id"], "agency": cell.report["agency"], "year": cell.report["year"],
            "table": cell.table, "row": cell.row, "column": cell.column, "value": json_value(cell.value),
            "unit": cell.unit, "derived": cell.derived, "computed": cell.computed,
            "check": "fail" if facts.flagged(cell) else "pass"}
