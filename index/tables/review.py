"""Parse 四、政府信息公开行政复议、行政诉讼情况: fifteen values in a fixed order."""

from __future__ import annotations

from decimal import Decimal

from .checks import table_checks, zero_blanks
from .facts import NOTE_BLANK_CHECKED, Fact, TableResult
from .schema import REVIEW, REVIEW_COLUMNS, REVIEW_GROUPS, TABLE_NAMES, cell_name

CELLS = [(group, column) for group in REVIEW_GROUPS for column in REVIEW_COLUMNS]


def parse_review(lines) -> TableResult:
    result = TableResult()
    values = [c for cells in lines for c in cells if c.is_value]
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
