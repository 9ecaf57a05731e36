"""Parse 三、收到和处理政府信息公开申请情况 by aligning printed rows to the template.

The template's row order is fixed, so printed rows are aligned to it like two
sequences: a label fragment that names a template row pulls the row there, a
missing label is placed by position, and a label that names another row
pushes it away. Both formats (2021 and 2019) are tried; the better alignment
wins.
"""

from __future__ import annotations

from decimal import Decimal

from .cells import Cell, PrintedRow, printed_rows
from .facts import Fact, TableResult
from .normalize import compact
from .schema import APPLICATION_COLUMNS, APPLICATION_ROWS, APPLICATIONS, RESULT_GROUPS, Row

COLUMNS = tuple(APPLICATION_COLUMNS)
_HEADER_TEXT = "申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"
_HEADER_MARKS = ("勾稽", "第一项", "第三项", "申请人情况")
SKIP, DROP = 3, 3


def _is_header(cell: Cell) -> bool:
    text = compact(cell.text)
    return text in _HEADER_TEXT or any(mark in text for mark in _HEADER_MARKS)


def fragment_score(label: str, row: Row) -> int:
    text = compact(label)
    return max((len(f) for f in row.fragments if f in text), default=0)


def _match(label: str, row: Row, template: tuple[Row, ...]) -> int:
    own = fragment_score(label, row)
    if own:
        return 3 + own
    other = max(fragment_score(label, t) for t in template)
    return -4 - other if other else 1


def align(rows: list[PrintedRow], template: tuple[Row, ...]) -> tuple[int, dict[int, int]]:
    """Best monotone assignment of printed rows to template rows: (score, {row: template index})."""
    m, n = len(rows), len(template)
    neg = float("-inf")
    score = [[neg] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    score[0][0] = 0
    for i in range(m + 1):
        for j in range(n + 1):
            if i == j == 0:
                continue
            options = []
            if i and j:
                options.append((score[i - 1][j - 1] + _match(rows[i - 1].label, template[j - 1], template), (i - 1, j - 1)))
            if j:
                options.append((score[i][j - 1] - SKIP, (i, j - 1)))
            if i:
                options.append((score[i - 1][j] - DROP, (i - 1, j)))
            score[i][j], back[i][j] = max(options, key=lambda o: o[0])
    assignment: dict[int, int] = {}
    i, j = m, n
    while back[i][j] is not None:
        pi, pj = back[i][j]
        if pi == i - 1 and pj == j - 1:
            assignment[pi] = pj
        i, j = pi, pj
    return int(score[m][n]), assignment


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
    fmt, (score, assignment) = max(
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
