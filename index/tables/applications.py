"""Parse 三、收到和处理政府信息公开申请情况 by aligning printed rows to the template.

The format comes from the report's year when it is known (2021 and later: the 2021 format, whose
（六）其他处理 may still be printed as one row; 2020 and earlier: the 2019 format), else from the
better alignment. Rows placed by position alone are checked against every other placement the
labels allow: the identities decide, and rows they cannot decide are left out and flagged.
"""

from __future__ import annotations

from decimal import Decimal

from .align import align, alternatives
from .cells import Cell, PrintedRow, printed_rows
from .checks import application_checks, zero_blanks
from .facts import NOTE_BLANK_CHECKED, NOTE_GROUP_SUM, Check, Fact, TableResult
from .headers import drop_headers, is_header
from .labels import rejoin_cut_labels, unmerge_rows
from .runs import NOTE_SPLIT, choose, has_run, shown, split_label_runs, splits
from .schema import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    APPLICATIONS,
    RESULT_GROUPS,
    TABLE_NAMES,
    Row,
    cell_name,
    row_label,
)

COLUMNS = tuple(APPLICATION_COLUMNS)
# every row either format prints, in the order printed: what a cut or merged label may name
LABELLED = APPLICATION_ROWS["2021"][:-2] + tuple(r for r in APPLICATION_ROWS["2019"] if r.key == "other") \
    + APPLICATION_ROWS["2021"][-2:]
COLLAPSED = "2021 (（六）其他处理 as one row)"
TEMPLATES = {"2021": APPLICATION_ROWS["2021"], COLLAPSED: APPLICATION_ROWS["2019"], "2019": APPLICATION_ROWS["2019"]}


def candidate_formats(year: int | None) -> tuple[str, ...]:
    """The formats a report of this year can be in: the year is the evidence when it is known."""
    if year is None:
        return ("2021", "2019")
    return ("2021", COLLAPSED) if year >= 2021 else ("2019",)


def _source(row: PrintedRow) -> str:
    return " ".join(c.text for c in row.labels + row.values if c.text)


def _fact(key: str, column: str, cell: Cell, row: PrintedRow) -> Fact:
    return Fact(APPLICATIONS, key, column, cell.value, "件", _source(row), cell.start, cell.end)


def parse_applications(lines, year: int | None = None) -> TableResult:
    """Facts of the applications table, from its cell lines."""
    result = TableResult()
    rows = printed_rows(split_label_runs(drop_headers(lines)))
    rows = unmerge_rows(rejoin_cut_labels(rows, LABELLED), LABELLED, len(COLUMNS))
    if rows:
        rows[0].labels = [c for c in rows[0].labels if not is_header(c)]
    if not rows:
        result.warnings.append(f"{TABLE_NAMES[APPLICATIONS]}：没有找到带数字的行")
        return result
    fmt, (_, assignment) = max(
        ((f, align(rows, TEMPLATES[f])) for f in candidate_formats(year)), key=lambda x: x[1][0])
    template = TEMPLATES[fmt]
    result.format = "2019" if fmt == "2019" else "2021"
    if fmt == COLLAPSED:
        result.warnings.append(f"{TABLE_NAMES[APPLICATIONS]}：（六）其他处理印为一行，没有分列三项（2021年格式分项列出），"
                               "按“其他处理”一行读入")
    assignment = _decide(rows, template, assignment, result)
    _place(rows, template, assignment, result)
    result.facts.extend(group_sums(result.facts, template))
    return result


def _place(rows: list[PrintedRow], template: tuple[Row, ...], assignment: dict[int, int],
           result: TableResult) -> None:
    short: list[tuple[str, PrintedRow]] = []
    runs: list[tuple[str, PrintedRow]] = []
    blanks: list[Fact] = []
    grid = _grid(rows)
    for i, row in enumerate(rows):
        if i not in assignment:
            if i not in result.unplaced:
                result.warnings.append(f"{TABLE_NAMES[APPLICATIONS]}：国家格式中没有的行，未读入：「{_source(row)}」")
            continue
        key = template[assignment[i]].key
        if has_run(row.values):
            runs.append((key, row))
            continue
        if len(row.values) > len(COLUMNS):
            result.warnings.append(f"{TABLE_NAMES[APPLICATIONS]}：“{row_label(APPLICATIONS, key)}”行印有"
                                   f"{len(row.values)}个数字，多于{len(COLUMNS)}列，未读入：「{_source(row)}」")
            continue
        cells = _on_grid(row, grid)
        if cells is None:
            short.append((key, row))
            continue
        for column, cell in cells.items():
            if cell is None or cell.is_blank:
                blanks.append(_blank(key, column, cell, row))
            elif cell.is_placeholder:
                result.warnings.append(f"{TABLE_NAMES[APPLICATIONS]}：{cell_name(APPLICATIONS, key, column)}一格"
                                       f"不是数字（{cell.text}），未读入")
            else:
                result.facts.append(_fact(key, column, cell, row))
    assigned = {template[j].key for j in assignment.values()}
    for row in template:
        if row.key not in assigned:
            result.warnings.append(f"{TABLE_NAMES[APPLICATIONS]}：没有找到“{row_label(APPLICATIONS, row.key)}”一行")
    for key, row in short:
        result.facts.extend(_fill_short_row(key, row, template, result))
    if runs:
        result.facts.extend(_split_runs(runs, template, result))
    if blanks:
        result.facts.extend(zero_blanks(blanks, application_checks(result.facts + blanks, template), result))


def _grid(rows: list[PrintedRow]) -> tuple[int, dict[int, str]] | None:
    """(line width, tab position -> column) of a table laid on a grid (HTML, Word, PDF, pipe tables):
    the layout shared by most rows that print all seven values on one tab line."""
    layouts: dict[tuple[int, tuple[int, ...]], int] = {}
    for row in rows:
        cols = tuple(c.col for c in row.values)
        if len(cols) == len(COLUMNS) and min(cols) >= 0 and len({c.line for c in row.values}) == 1:
            key = (row.values[0].width, cols)
            layouts[key] = layouts.get(key, 0) + 1
    if not layouts:
        return None
    width, cols = max(layouts, key=layouts.get)
    return width, dict(zip(cols, COLUMNS))


def _on_grid(row: PrintedRow, grid) -> dict[str, Cell | None] | None:
    """The row's cells by column: its seven values; or, on a grid, the cells at the grid's positions
    of a row as wide as the grid's (a position left empty is a blank cell, None); else None."""
    if len(row.values) == len(COLUMNS):
        return dict(zip(COLUMNS, row.values))
    if grid is None or len(row.values) > len(COLUMNS) or len({c.line for c in row.values}) != 1:
        return None
    width, columns = grid
    if row.values[0].width != width or not all(c.col in columns for c in row.values):
        return None
    cells: dict[str, Cell | None] = dict.fromkeys(COLUMNS)
    cells.update({columns[c.col]: c for c in row.values})
    return cells


def _blank(key: str, column: str, cell: Cell | None, row: PrintedRow) -> Fact:
    start, end = (cell.start, cell.end) if cell is not None else (None, None)
    return Fact(APPLICATIONS, key, column, Decimal(0), "件", _source(row), start, end, derived=True,
                note=NOTE_BLANK_CHECKED)


def _decide(rows: list[PrintedRow], template: tuple[Row, ...], assignment: dict[int, int],
            result: TableResult) -> dict[int, int]:
    """Let the identities choose among the placements the labels allow; rows that no identity
    places are left out, and the table is flagged naming them."""
    options = alternatives(rows, template, assignment)
    if len(options) < 2:
        return assignment
    scored = []
    for option in options:
        trial = TableResult()
        _place(rows, template, option, trial)
        checks = application_checks(trial.facts, template)
        # fewest identities broken, then most identities shown to hold
        scored.append(((sum(c.status == "fail" for c in checks), -sum(c.status == "pass" for c in checks)), option))
    best = min(f for f, _ in scored)
    kept = [o for f, o in scored if f == best]
    agreed = {i: j for i, j in kept[0].items() if all(o.get(i) == j for o in kept)}
    result.placed_by_identities += len([i for i in agreed if any(o.get(i) != agreed[i] for _, o in scored)])
    unsure = sorted(set().union(*kept) - set(agreed))
    if unsure:
        result.unplaced.update(unsure)
        where = "；".join(f"「{_source(rows[i])}」可能是" + "或".join(
            f"“{row_label(APPLICATIONS, k)}”" for k in sorted({template[o[i]].key for o in kept if i in o}))
            for i in unsure)
        result.checks.append(Check("applications.placement", APPLICATIONS, "fail",
                                   f"{TABLE_NAMES[APPLICATIONS]}中没有行名的行，勾稽关系也无法确定其位置，未读入：{where}",
                                   {}))
    return agreed
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
        return out, "（七）总计 = 各项办理结果之和"
    return {}, ""


def _fill_short_row(key: str, row: PrintedRow, template, result: TableResult) -> list[Fact]:
    """A row printed with fewer values than columns: place the printed values
    where the identities allow exactly one reading, and mark the lost ones derived."""
    printed = [c for c in row.values if not (c.is_placeholder or c.is_blank)]
    expected, identity = _expected(key, template, result.facts)
    problem = (f"{TABLE_NAMES[APPLICATIONS]}：“{row_label(APPLICATIONS, key)}”行印有{len(row.values)}个数字，"
               f"少于{len(COLUMNS)}列")
    if len(expected) != len(COLUMNS) or len(printed) != len(row.values):
        result.warnings.append(f"{problem}；勾稽关系无法确定它们各在哪一列，未读入：「{_source(row)}」")
        return []
    facts, k = [], 0
    for column in COLUMNS:
        if k < len(printed) and printed[k].value == expected[column]:
            facts.append(_fact(key, column, printed[k], row))
            k += 1
        else:
            note = f"未印出（该行只印了{len(printed)}个数字），由{identity}推得"
            facts.append(Fact(APPLICATIONS, key, column, expected[column], "件", _source(row),
                              None, None, derived=True, note=note))
    if k != len(printed):
        result.warnings.append(f"{problem}；它们与{identity}不符，未读入：「{_source(row)}」")
        return []
    result.warnings.append(f"{problem}；缺的一格由{identity}推得")
    return facts


def _split_runs(runs: list[tuple[str, PrintedRow]], template, result: TableResult) -> list[Fact]:
    """Rows whose seven values are run together, split where the identities allow one split: each row's
    总计 first, then the column identities over the whole table."""
    rows = dict(runs)
    candidates = {key: splits(row.values, len(COLUMNS), totalled=True) for key, row in runs}

    def facts(choice) -> list[Fact]:
        return [Fact(APPLICATIONS, key, column, Decimal(digits), "件", _source(rows[key]), start, end, note=NOTE_SPLIT)
                for key, parts in choice.items() for column, (digits, start, end) in zip(COLUMNS, parts)]

    def holds(choice) -> bool:
        return not any(c.status == "fail" for c in application_checks(result.facts + facts(choice), template))

    decided, ambiguous = choose({k: c for k, c in candidates.items() if c}, holds)
    unsplit = [f"“{row_label(APPLICATIONS, k)}”「{_source(rows[k])}」" + ("位数太多，无法逐一试拆" if c is None else
                                                                     "没有一种拆法满足该行总计")
               for k, c in candidates.items() if not c]
    unsplit += [f"“{row_label(APPLICATIONS, k)}”「{_source(rows[k])}」可拆为" + "或".join(shown(p) for p in c[:3])
                + ("等" if len(c) > 3 else "") for k, c in ambiguous.items()]
    if unsplit:
        result.checks.append(Check("applications.split", APPLICATIONS, "fail",
                                   f"{TABLE_NAMES[APPLICATIONS]}中这些行的数字连在一起印出，勾稽关系无法确定拆法，未读入："
                                   + "；".join(unsplit), {}))
    if decided:
        result.warnings.append(f"{TABLE_NAMES[APPLICATIONS]}：{len(decided)}行的数字连在一起印出，按表内勾稽关系拆分")
    return facts(decided)


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
                f"{NOTE_GROUP_SUM}：{row_label(APPLICATIONS, items[0])} … {row_label(APPLICATIONS, items[-1])}",
                min(spans, default=None), max(spans, default=None), derived=True, note=NOTE_GROUP_SUM,
            ))
    return out
