"""Parse 二、主动公开政府信息情况 (2021 format, or the 2019 format's 表二)."""

from __future__ import annotations

from .align import align
from .cells import printed_rows
from .facts import Fact, TableResult
from .normalize import compact
from .schema import PROACTIVE, PROACTIVE_COLUMNS, PROACTIVE_ROWS, PROACTIVE_UNITS

_FORMAT_2019_MARKS = ("上一年项目数量", "本年新制作数量", "对外公开总数量", "采购项目数量")


def parse_proactive(lines) -> TableResult:
    result = TableResult()
    rows = printed_rows(lines)
    labels = "".join(compact(c.text) for cells in lines for c in cells)
    fmt = "2019" if any(m in labels for m in _FORMAT_2019_MARKS) else "2021"
    result.format = fmt
    template = tuple(PROACTIVE_ROWS[k] for k in PROACTIVE_COLUMNS[fmt])
    _, assignment = align(rows, template)
    for i, row in enumerate(rows):
        source = " ".join(c.text for c in row.labels[-1:] + row.values)
        if i not in assignment:
            result.warnings.append(f"proactive table: row not in the template, ignored: {source!r}")
            continue
        key = template[assignment[i]].key
        columns = PROACTIVE_COLUMNS[fmt][key]
        if len(row.values) != len(columns):
            result.warnings.append(
                f"proactive table: row {key} has {len(row.values)} values for {len(columns)} columns: {source!r}")
            continue
        for column, cell in zip(columns, row.values):
            if cell.is_placeholder:
                result.warnings.append(f"proactive table: non-numeric cell {cell.text!r} at {key}/{column}")
                continue
            unit = PROACTIVE_UNITS.get(column, "件")
            result.facts.append(Fact(PROACTIVE, key, column, cell.value, unit, source, cell.start, cell.end))
    found = {template[j].key for j in assignment.values()}
    for key in PROACTIVE_COLUMNS[fmt]:
        if key not in found:
            result.warnings.append(f"proactive table: row {key} ({PROACTIVE_ROWS[key].label}) prints no values")
    return result
