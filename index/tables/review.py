"""Parse 四、政府信息公开行政复议、行政诉讼情况: fifteen values in a fixed order."""

from __future__ import annotations

from decimal import Decimal

from .checks import table_checks, zero_blanks
from .facts import Fact, TableResult
from .schema import REVIEW, REVIEW_COLUMNS, REVIEW_GROUPS

CELLS = [(group, column) for group in REVIEW_GROUPS for column in REVIEW_COLUMNS]


def parse_review(lines) -> TableResult:
    result = TableResult()
    values = [c for cells in lines for c in cells if c.is_value]
    if len(values) != len(CELLS):
        result.warnings.append(
            f"review/litigation table: {len(values)} values for {len(CELLS)} cells: "
            f"{' '.join(c.text for c in values)!r}")
        return result
    source = " ".join(c.text or "（空）" for c in values)
    blanks = []
    for (group, column), cell in zip(CELLS, values):
        if cell.is_placeholder:
            result.warnings.append(f"review/litigation table: non-numeric cell {cell.text!r} at {group}/{column}")
        elif cell.is_blank:
            blanks.append(Fact(REVIEW, group, column, Decimal(0), "件", source, cell.start, cell.end, derived=True,
                               note="printed blank; read as 0, as the national format asks, because the identities "
                                    "hold with 0"))
        else:
            result.facts.append(Fact(REVIEW, group, column, cell.value, "件", source, cell.start, cell.end))
    if blanks:
        result.facts.extend(zero_blanks(blanks, table_checks(result.facts + blanks), result))
    return result
