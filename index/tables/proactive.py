"""Parse 二、主动公开政府信息情况 (2021 format, or the 2019 format's 表二).

Its rows are few and each has a label of its own (规章, 行政许可 …), and converters print them in
any order, so a labelled row is placed by its label wherever it stands. A row without a label is
placed only where the labelled rows around it leave exactly its place free. This table has no
identities, so nothing else may place a value.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..formats.normalize import compact
from .align import fragment_score
from .cells import Cell, PrintedRow, printed_rows
from .facts import NOTE_BLANK, Check, Fact, TableResult
from .headers import drop_headers
from .runs import NOTE_ONLY_SPLIT, has_run, shown, split_label_runs, splits
from .schema import (
    PROACTIVE,
    PROACTIVE_COLUMNS,
    PROACTIVE_ROWS,
    PROACTIVE_UNITS,
    TABLE_NAMES,
    Row,
    cell_name,
    row_label,
)

_FORMAT_2019_MARKS = ("上一年项目数量", "本年新制作数量", "对外公开总数量", "采购项目数量")


def _format(lines, year: int | None) -> str:
    if year is not None:
        return "2021" if year >= 2021 else "2019"
    labels = "".join(compact(c.text) for cells in lines for c in cells)
    return "2019" if any(m in labels for m in _FORMAT_2019_MARKS) else "2021"


def _labelled(rows: list[PrintedRow], template: tuple[Row, ...]) -> dict[int, int]:
    """Rows whose label names a template row, each template row once. The label on the values' own
    line speaks first, then the label lines gathered above it, the nearest first (a row printed
    without values, 规章 left empty, may stand above it); within a line the longest fragment wins."""
    placed: dict[int, int] = {}
    for i, row in enumerate(rows):
        own, above = row.label_lines()
        for label in [own, *above]:
            scores = [fragment_score(label, t) for t in template]
            best = max(scores, default=0)
            if best:
                if scores.count(best) == 1 and scores.index(best) not in placed.values():
                    placed[i] = scores.index(best)
                break
    return placed


def _by_position(rows: list[PrintedRow], template: tuple[Row, ...], placed: dict[int, int]) -> dict[int, int]:
    """Unlabelled rows between two labelled ones, where exactly as many template rows are free there."""
    out: dict[int, int] = {}
    i = 0
    while i < len(rows):
        if i in placed:
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(rows) and run[-1] + 1 not in placed:
            run.append(run[-1] + 1)
        low = placed.get(run[0] - 1, -1 if run[0] == 0 else None)
        high = placed.get(run[-1] + 1, len(template) if run[-1] + 1 == len(rows) else None)
        if low is not None and high is not None:
            free = [j for j in range(low + 1, high) if j not in placed.values()]
            if len(free) == len(run):
                out.update(zip(run, free))
        i = run[-1] + 1
    return out


def _run_split(values, width: int) -> list[tuple[str, int, int]] | None:
    """The one split of a row's run-together values into its cells, or None."""
    if width == 1:
        text = "".join(c.text for c in values)
        digits = text.replace(" ", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", digits) and not re.fullmatch(r"0\d+", digits):
            return [(digits, values[0].start, values[-1].end)]
        return None
    found = splits(values, width)
    return found[0] if found is not None and len(found) == 1 else None


def _short_row(row: PrintedRow, values: list[Cell], columns: tuple[str, ...]) -> list[Cell | None] | None:
    """A row printed with fewer values than its columns (政府集中采购 with its amount alone): on a grid whose
    row keeps all its cells, each value in the column its position gives and the others blank; in text, a lone decimal in the
    row's one money column (a count is never a decimal) and the others not printed (None)."""
    own = [c for c in row.labels if c.line == values[0].line and c.col >= 0]
    # (only a row as wide as the grid has its empty cells printed: a shorter one lost them)
    if own and all(v.col >= 0 and v.line == own[-1].line for v in values) \
            and values[0].width >= own[-1].col + 1 + len(columns):
        at = [v.col - own[-1].col - 1 for v in values]
        if all(0 <= a < len(columns) for a in at) and len(set(at)) == len(at):
            placed: list[Cell | None] = [Cell("", own[-1].end, own[-1].end, own[-1].line, own[-1].col + 1 + n)
                                         for n in range(len(columns))]
            for a, v in zip(at, values):
                placed[a] = v
            return placed
    money = [n for n, c in enumerate(columns) if PROACTIVE_UNITS.get(c) == "万元"]
    if len(values) == 1 and len(money) == 1 and "." in values[0].text and values[0].is_number:
        return [values[0] if n == money[0] else None for n in range(len(columns))]
    return None


def parse_proactive(lines, year: int | None = None) -> TableResult:
    result = TableResult()
    rows = printed_rows(split_label_runs(drop_headers(lines)))
    fmt = result.format = _format(lines, year)
    template = tuple(PROACTIVE_ROWS[k] for k in PROACTIVE_COLUMNS[fmt])
    placed = _labelled(rows, template)
    placed.update(_by_position(rows, template, placed))
    unplaced: list[str] = []
    for i, row in enumerate(rows):
        source = " ".join(c.text for c in row.labels[-1:] + row.values if c.text)
        if i not in placed:
            result.warnings.append(f"{TABLE_NAMES[PROACTIVE]}：行名和位置都无法确定是哪一行，未读入：「{source}」")
            unplaced.append(f"「{source}」")
            continue
        key = template[placed[i]].key
        columns = PROACTIVE_COLUMNS[fmt][key]
        values = row.values
        if any(c.run for c in values) or has_run(values):
            # run together: a lone cell is its digits (a decimal too); several, only where one split exists
            split = _run_split(values, len(columns))
            if split is None:
                found = splits(values, len(columns)) or []
                why = "可拆为" + "或".join(shown(p) for p in found[:3]) if found else "无法逐一试拆"
                result.warnings.append(f"{TABLE_NAMES[PROACTIVE]}：“{row_label(PROACTIVE, key)}”行的数字连在一起印出，"
                                       f"{why}，没有勾稽关系可以确定，未读入：「{source}」")
                unplaced.append(f"“{row_label(PROACTIVE, key)}”「{source}」（数字连在一起）")
                continue
            for column, (digits, start, end) in zip(columns, split):
                result.facts.append(Fact(PROACTIVE, key, column, Decimal(digits), PROACTIVE_UNITS.get(column, "件"),
                                         source, start, end, note=NOTE_ONLY_SPLIT))
            continue
        if len(columns) == 1 and len({c.text for c in values}) == 1:
            values = values[:1]  # a cell spanning the table's columns, its text repeated in each by a converter
        if len(values) < len(columns) and (spread := _short_row(row, values, columns)) is not None:
            values = spread
        if len(values) != len(columns):
            result.warnings.append(f"{TABLE_NAMES[PROACTIVE]}：“{row_label(PROACTIVE, key)}”行印有{len(row.values)}个数字，"
                                   f"应为{len(columns)}列，未读入：「{source}」")
            unplaced.append(f"“{row_label(PROACTIVE, key)}”「{source}」")
            continue
        for column, cell in zip(columns, values):
            if cell is None:  # not printed, and no grid to say the cell was there and blank
                result.warnings.append(f"{TABLE_NAMES[PROACTIVE]}：{cell_name(PROACTIVE, key, column)}一格没有印出，未读入")
                continue
            if cell.is_blank:  # no identity covers this table: a blank is the 0 the national format asks for
                result.facts.append(Fact(PROACTIVE, key, column, Decimal(0), PROACTIVE_UNITS.get(column, "件"), source,
                                         cell.start, cell.end, derived=True, note=NOTE_BLANK))
                result.warnings.append(f"{TABLE_NAMES[PROACTIVE]}：{cell_name(PROACTIVE, key, column)}一格印为空白，读作0")
                continue
            if cell.is_placeholder:
                result.warnings.append(f"{TABLE_NAMES[PROACTIVE]}：{cell_name(PROACTIVE, key, column)}一格不是数字"
                                       f"（{cell.text}），未读入")
                continue
            unit = PROACTIVE_UNITS.get(column, "件")
            result.facts.append(Fact(PROACTIVE, key, column, cell.value, unit, source, cell.start, cell.end))
    if unplaced:
        result.checks.append(Check("proactive.placement", PROACTIVE, "fail",
                                   f"{TABLE_NAMES[PROACTIVE]}中印出的这些数字无法确定所在的行列，未作猜测：" + "；".join(unplaced),
                                   {}))
    found = {template[j].key for j in placed.values()}
    for key in PROACTIVE_COLUMNS[fmt]:
        if key not in found:
            result.warnings.append(f"{TABLE_NAMES[PROACTIVE]}：“{PROACTIVE_ROWS[key].label}”一行没有印出数字")
    return result
