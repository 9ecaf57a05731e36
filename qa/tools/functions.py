"""The project as four tools for assistants and agents: list the reports, look up table cells,
search the report text, ask a question. Each returns JSON-ready data with citations; figures come
from parsed cells, never from a model. A bad argument raises ToolError with what is valid."""

from index import UserError
from index.tables.facts import json_value
from index.tables.schema import TABLE_LABELS, TABLES

from ..answering.answer import Answerer
from ..views.figures import column_choices, figures, row_choices, select_reports

MAX_K = 20


class ToolError(UserError):
    """A tool's argument is not one it can use; the message says what is valid."""


def list_reports(answerer: Answerer, agency: str = "", year: int | None = None) -> list[dict]:
    """Every indexed report (optionally of one agency or year): agency, year, check status and counts."""
    facts = answerer.facts
    names = _agencies(answerer, [agency]) if agency else None
    out = []
    for rid, r in sorted(facts.reports.items(), key=lambda item: (item[1]["agency"], item[1]["year"])):
        if (names is None or r["agency"] in names) and (year is None or r["year"] == year):
            statuses = [c["status"] for c in r["checks"]]
            out.append({"report_id": rid, "agency": r["agency"], "region": r["region"], "year": r["year"],
                        "title": r["title"], "status": r["status"], "checks_passed": statuses.count("pass"),
                        "checks_failed": statuses.count("fail"), "checks_skipped": statuses.count("skip"),
                        "failed_checks": [c["name"] for c in r["checks"] if c["status"] == "fail"],
                        "cells": r["printed_facts"], "source_url": r["source_url"] or ""})
    return out


def lookup_figures(answerer: Answerer, agencies: list[str], table: str, rows: list[str], columns: list[str],
                   years: list[int] | None = None) -> dict:
    """Table cells of agencies × years: table, rows and columns by schema key or Chinese label."""
    facts = answerer.facts
    table_key = _table(table)
    row_keys = [_key(r, row_choices(table_key), "row", table_key) for r in rows or []]
    column_keys = [_key(c, column_choices(table_key), "column", table_key) for c in columns or []]
    if not agencies or not row_keys or not column_keys:
        raise ToolError("give at least one agency, one row and one column")
    ids, notes = select_reports(facts, _agencies(answerer, agencies), [int(y) for y in years or []])
    cells = []
    for f in figures(facts, ids, table_key, row_keys, column_keys):
        report = facts.reports[f.report_id]
        fact = facts.cells.get(f.report_id, {}).get((table_key, f.row, f.column))
        cells.append({
            "report_id": f.report_id, "agency": f.agency, "year": f.year, "table": table_key, "row": f.row,
            "column": f.column, "row_label": f.row_label, "column_label": f.column_label,
            "value": None if f.value is None else json_value(f.value), "unit": f.unit, "derived": f.derived,
            "computed": False, "check": f.check, "check_detail": f.check_detail, "report_status": report["status"],
            "citation": None if fact is None else {
                "title": report["title"], "section": facts.section(f.report_id, table_key), "quote": fact["source"],
                "start": fact["start"], "end": fact["end"]}})
    return {"cells": cells, "notes": notes}


def search_reports(answerer: Answerer, query: str, agency: str = "", year: int | None = None, k: int = 5) -> list[dict]:
    """Report passages for a query (hybrid dense + BM25), each quoted with its span in the report text."""
    if not 1 <= k <= MAX_K:
        raise ToolError(f"k must be between 1 and {MAX_K}, not {k}")
    hits = answerer.searcher.search(query, k=k, agency=agency or None, year=year)
    return [{**h.as_dict(), "title": answerer.facts.reports.get(h.chunk["report_id"], {}).get("title", "")}
            for h in hits]


def ask(answerer: Answerer, question: str) -> dict:
    """The chat's answer to a question: answer, mode (lookup, retrieval, refusal, clarify) and citations."""
    return answerer.ask(question).as_dict()


def _agencies(answerer: Answerer, names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        found = answerer.gazetteer.match(name) if name.strip() else []
        if not found:
            raise ToolError(f"no indexed agency matches {name!r}; indexed: {', '.join(answerer.gazetteer.agencies)}")
        out += [a for a in found if a not in out]
    return out


def _table(name: str) -> str:
    name = (name or "").strip()
    for key in TABLES:
        label = TABLE_LABELS[key]
        if name == key or (name and (name in label or label.split("、", 1)[-1].startswith(name))):
            return key
    raise ToolError(f"unknown table {name!r}; valid: " + ", ".join(f"{k} ({TABLE_LABELS[k]})" for k in TABLES))


def _key(name: str, choices: list[tuple[str, str]], what: str, table: str) -> str:
    """A row or column key given as a key, a label, or part of exactly one label."""
    name = (name or "").strip()
    keys = {key for _, key in choices}
    if name in keys:
        return name
    exact = [key for label, key in choices if label == name]
    partial = [key for label, key in choices if name and name in label]
    if exact or len(partial) == 1:
        return (exact or partial)[0]
    valid = "; ".join(f"{key} ({label})" for label, key in choices)
    hint = f"{name!r} fits several" if partial else f"unknown {what} {name!r}"
    raise ToolError(f"{hint} of table {table}; valid: {valid}")
