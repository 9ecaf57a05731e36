"""Parse 四、政府信息公开行政复议、行政诉讼情况: fifteen values in a fixed order."""

from __future__ import annotations

from decimal import Decimal

from .checks import table_checks, zero_blanks
from .facts import NOTE_BLANK_CHECKED, Check, Fact, TableResult
from .runs import NOTE_SPLIT, has_run, shown, split_label_runs, splits
from .schema import REVIEW, REVIEW_COLUMNS, REVIEW_GROUPS, TABLE_NAMES, cell_name

CELLS = [(group, column) for group in REVIEW_GROUPS for column in REVIEW_COLUMNS]


def _groups_add_up(values: list[int]) -> bool:
    """Each group's 总计 is the sum of its four outcomes."""
    width = len(REVIEW_COLUMNS)
    return all(values[g + width - 1] == sum(values[g:g + width - 1]) for g in range(0, len(values), width))


def _split(values, result: TableResult) -> None:
    """Fifteen values run together into digit strings, split where only one split makes each group add up."""
    found = splits(values, len(CELLS), _groups_add_up) or []
    source = " ".join(c.text for c in values)
    if len(found) != 1:
        why = "没有一种拆法使各组总计成立" if not found else "可拆为" + "或".join(shown(p) for p in found[:3])
        result.checks.append(Check("review_litigation.split", REVIEW, "fail",
                                   f"{TABLE_NAMES[REVIEW]}的数字连在一起印出（「{source}」），{why}，未读入", {}))
        return
    for (group, column), (digits, start, end) in zip(CELLS, found[0]):
        result.facts.append(Fact(REVIEW, group, column, Decimal(digits), "件", source, start, end, note=NOTE_SPLIT))
    result.warnings.append(f"{TABLE_NAMES[REVIEW]}：数字连在一起印出，按各组总计拆分")


def _run_lines(lines) -> list:
    """The values of the lines of run-together digits: from the first such line, while lines hold values
    alone (a line of words after them is the narrative, not the table)."""
    runs = [i for i, cells in enumerate(lines) if has_run([c for c in cells if c.is_value])]
    start = runs[0] if runs else next(i for i, cells in enumerate(lines) if any(c.is_value for c in cells))
    values = []
    for cells in lines[start:]:
        if values and any(not c.is_value for c in cells):
            break
        values += [c for c in cells if c.is_value]
    return values


def parse_review(lines) -> TableResult:
    result = TableResult()
    lines = split_label_runs(lines)
    values = [c for cells in lines for c in cells if c.is_value]
    if values and len(values) < len(CELLS) and (has_run(values) or all(c.is_number for c in values)):
        # fewer numbers than cells, none of them blank: digit strings holding several cells each
        _split(_run_lines(lines), result)
        return result
    if len(values) != len(CELLS):
        result.warnings.append(
            f"{TABLE_NAMES[REVIEW]}：印有{len(values)}个数字，应为{len(CELLS)}格，未读入：「{' '.join(c.text for c in values)}」")
        return result
    source = " ".join(c.text or "（空）" for c in values)
    blanks = []
    for (group, column), cell in zip(CELLS, values):
        if cell.is_placeholder:
            result.warnings.append(f"{TABLE_NAMES[REVIEW]}：{cell_name(REVIEW, group, column)}一格不是数字（{cell.text}），"
                                   "未读入")
        elif cell.is_blank:
            blanks.append(Fact(REVIEW, group, column, Decimal(0), "件", source, cell.start, cell.end, derived=True,
                               note=NOTE_BLANK_CHECKED))
        else:
            result.facts.append(Fact(REVIEW, group, column, cell.value, "件", source, cell.start, cell.end))
    if blanks:
        result.facts.extend(zero_blanks(blanks, table_checks(result.facts + blanks), result))
    return result
