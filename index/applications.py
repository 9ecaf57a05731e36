"""Parse 三、收到和处理政府信息公开申请情况 by aligning printed rows to the template.

Both formats (2021, and 2019 with （六）其他处理 as one row) are aligned; the
better alignment wins.
"""

from __future__ import annotations

from decimal import Decimal

from .align import align
from .cells import Cell, PrintedRow, printed_rows
from .facts import Fact, TableResult
from .normalize import compact
from .schema import APPLICATION_COLUMNS, APPLICATION_ROWS, APPLICATIONS, RESULT_GROUPS, Row

COLUMNS = tuple(APPLICATION_COLUMNS)
_HEADER_TEXT = "申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"
_HEADER_MARKS = ("勾稽", "第一项", "第三项", "申请人情况")


def _is_header(cell: Cell) -> bool:
    text = compact(cell.text)
    return text in _HEADER_TEXT or any(mark in text for mark in _HEADER_MARKS)


def _source(row: PrintedRow) -> str:
    return " ".join(c.text for c in row.labels + row.values)


def _fact(key: str, column: str, cell: Cell, row: PrintedRow) -> Fact:
    return Fact(APPLICATIONS, key, column, cell.value, "件", _source(row), cell.start, cell.end)


def parse_applications(lines) -> TableResult:
    """Facts of the applications table, from its cell lines."""
    result = TableResult()
    rows = printed_rows(lines)
    if rows:
        rows[0].labels = [c for c in rows[0].labels if not _is_header(c)]
    if not rows:
        result.warnings.append("applications table: no rows with values found")
        return result
    fmt, (_, assignment) = max(
        ((f, align(rows, tpl)) for f, tpl in APPLICATION_ROWS.items()), key=lambda x: x[1][0]
    )
    template = APPLICATION_ROWS[fmt]
    result.format = fmt
    short: list[tuple[str, PrintedRow]] = []
    for i, row in enumerate(rows):
        if i not in assignment:
            result.warnings.append(f"applications table: row not in the template, ignored: {_source(row)!r}")
            continue
        key = template[assignment[i]].key
        if len(row.values) > len(COLUMNS):
            result.warnings.append(
                f"applications table: row {key} has {len(row.values)} values for {len(COLUMNS)} columns: {_source(row)!r}")
        elif len(row.values) < len(COLUMNS):
            short.append((key, row))
        else:
            for column, cell in zip(COLUMNS, row.values):
                if cell.is_placeholder:
                    result.warnings.append(f"applications table: non-numeric cell {cell.text!r} at {key}/{column}")
                else:
                    result.facts.append(_fact(key, column, cell, row))
    assigned = {template[j].key for j in assignment.values()}
    for row in template:
        if row.key not in assigned:
            result.warnings.append(f"applications table: row {row.key} ({row.label}) not found")
    for key, row in short:
        result.facts.extend(_fill_short_row(key, row, template, result))
    result.facts.extend(group_sums(result.facts, template))
    return result


def _values(facts: list[Fact], key: str) -> dict[str, Decimal]:
    return {f.column: f.value for f in facts if f.row == key and not f.derived}


def _expected(key: str, template: tuple[Row, ...], facts: list[Fact]) -> tuple[dict[str, Decimal], str]:
    """What the column identities say a row must hold, from the other rows."""
    keys = [r.key for r in template]
    results = keys[keys.index("disclosed"):keys.index("processed_total")]
    lhs, rhs = ("new_received", "carried_in"), ("processed_total", "carried_forward")
    if key in lhs + rhs:
        same, other = (lhs, rhs) if key in lhs else (rhs, lhs)
        needed = other + tuple(k for k in same if k != key)
        v = {k: _values(facts, k) for k in needed}
        out = {col: sum(v[k][col] for k in other) - sum(v[k][col] for k in needed if k in same)
               for col in COLUMNS if all(col in v[k] for k in needed)}
        return out, "一+二 = 三(七)+四"
    if key in results:
        others = [_values(facts, k) for k in results if k != key]
        total = _values(facts, "processed_total")
        out = {col: total[col] - sum(o[col] for o in others)
               for col in COLUMNS if col in total and all(col in o for o in others)}
        return out, "(七)总计 = sum of results"
    return {}, ""


def _fill_short_row(key: str, row: PrintedRow, template, result: TableResult) -> list[Fact]:
    """A row printed with fewer values than columns: place the printed values
    where the identities allow exactly one reading, and mark the lost ones derived."""
    printed = [c for c in row.values if not c.is_placeholder]
    expected, identity = _expected(key, template, result.facts)
    problem = f"applications table: row {key} prints {len(row.values)} values for {len(COLUMNS)} columns"
    if len(expected) != len(COLUMNS) or len(printed) != len(row.values):
        result.warnings.append(f"{problem}; the identities cannot place them: {_source(row)!r}")
        return []
    facts, k = [], 0
    for column in COLUMNS:
        if k < len(printed) and printed[k].value == expected[column]:
            facts.append(_fact(key, column, printed[k], row))
            k += 1
        else:
            note = f"not printed (the row prints {len(printed)} values); inferred from {identity}"
            facts.append(Fact(APPLICATIONS, key, column, expected[column], "件", _source(row),
                              None, None, derived=True, note=note))
    if k != len(printed):
        result.warnings.append(f"{problem}; they disagree with {identity}: {_source(row)!r}")
        return []
    result.warnings.append(f"{problem}; the missing cell was inferred from {identity}")
    return facts


def group_sums(facts: list[Fact], template: tuple[Row, ...]) -> list[Fact]:
    """Derived facts for withheld, unavailable, not_processed and other (2021 items)."""
    out = []
    for group in RESULT_GROUPS:
        items = [r.key for r in template if r.key.startswith(group + ".")]
        if not items:
            continue
        for column in COLUMNS:
            cells = [f for item in items for f in facts if f.row == item and f.column == column]
            if len(cells) != len(items):
                continue
            spans = [f.start for f in cells if f.start is not None] + [f.end for f in cells if f.end is not None]
            out.append(Fact(
                APPLICATIONS, group, column, sum((f.value for f in cells), Decimal(0)), "件",
                f"sum of {items[0]} … {items[-1]}", min(spans, default=None), max(spans, default=None),
                derived=True, note="group sum",
            ))
    return out
