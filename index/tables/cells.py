"""Cells of an extracted table region, and their grouping into printed rows.

Extraction gives tables as tab-separated rows, as one cell per line, or as a
mix of both. Both reduce to the same thing here: rows of label fragments
followed by values, each value with its span in the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

# "1,909", "1 909" (thousands groups), "+43", "-13", "126661.053152"
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?")
# What a clerk types into an empty or not-applicable cell.
PLACEHOLDERS = frozenset({"/", "\\", "-", "--", "—", "——", "–", "－", "无", "空", "N/A", "n/a", "×", "*"})


@dataclass(frozen=True)
class Cell:
    """A cell's text and span; col is its tab position on its line (-1 when the line has no tabs)."""

    text: str
    start: int
    end: int
    line: int
    col: int = -1
    width: int = 0  # cells on its line, when the line is a tab row
    run: bool = False  # a digit string holding several cells run together (runs.py)

    @property
    def is_number(self) -> bool:
        return _NUMBER.fullmatch(self.text) is not None

    @property
    def is_placeholder(self) -> bool:
        return self.text in PLACEHOLDERS

    @property
    def is_blank(self) -> bool:
        return self.text == ""

    @property
    def is_value(self) -> bool:
        """A cell of a row's values: a number, a placeholder (/, —) or a blank between values."""
        return self.is_blank or self.run or _is_value(self.text)

    @property
    def value(self) -> Decimal:
        return Decimal(re.sub(r"[, ]", "", self.text).lstrip("+"))


@dataclass
class PrintedRow:
    """One printed row: label fragments, then value cells (placeholders included)."""

    labels: list[Cell] = field(default_factory=list)
    values: list[Cell] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "".join(c.text for c in self.labels)

    def label_lines(self) -> tuple[str, list[str]]:
        """The label cells on the values' own line, and each line of labels gathered above it, the
        nearest first."""
        lines: dict[int, list[str]] = {}
        for cell in self.labels:
            lines.setdefault(cell.line, []).append(cell.text)
        own = self.values[0].line if self.values else None
        return "".join(lines.pop(own, [])), ["".join(lines[n]) for n in sorted(lines, reverse=True)]

    @property
    def start(self) -> int:
        return min(c.start for c in self.labels + self.values)

    @property
    def end(self) -> int:
        return max(c.end for c in self.labels + self.values)


def _is_value(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None or text in PLACEHOLDERS


def _split_cell(text: str, start: int, line: int, col: int) -> list[Cell]:
    """A cell may hold several space-separated values ("0 0 0"), or a label followed by its values
    ("行政许可 9487", as a table without ruling lines comes out of a PDF): split them."""
    stripped = text.strip()
    offset = start + text.index(stripped) if stripped else start
    if _is_value(stripped):
        return [Cell(stripped, offset, offset + len(stripped), line, col)]
    parts = list(re.finditer(r"\S+", stripped))
    n = len(parts)
    while n and _is_value(parts[n - 1].group()):
        n -= 1
    if n < len(parts) and (n == 0 or not re.search(r"\d$", parts[n - 1].group())):
        label = [Cell(stripped[:parts[n - 1].end()], offset, offset + parts[n - 1].end(), line, col)] if n else []
        return label + [Cell(p.group(), offset + p.start(), offset + p.end(), line, col) for p in parts[n:]]
    return [Cell(stripped, offset, offset + len(stripped), line, col)]


def cell_lines(text: str, start: int, end: int) -> list[list[Cell]]:
    """The non-empty cells of each line of text[start:end] (an empty list for a blank line).

    A blank cell between two values of a tab row is kept as a Cell with empty text: the national
    format asks for 0 there, and the row's reader decides whether that reading holds."""
    lines: list[list[Cell]] = []
    pos = start
    for number, line in enumerate(text[start:end].split("\n")):
        cells: list[Cell] = []
        blanks: list[Cell] = []
        offset = pos
        raws = line.split("\t")
        for index, raw in enumerate(raws):
            col = index if len(raws) > 1 else -1
            if raw.strip():
                split = [replace(c, width=len(raws) if len(raws) > 1 else 0) for c in _split_cell(raw, offset, number, col)]
                if blanks and cells and cells[-1].is_number and split[0].is_number:
                    cells.extend(blanks)
                blanks = []
                cells.extend(split)
            elif cells and cells[-1].is_number:
                blanks.append(Cell("", offset, offset, number, col))
            offset += len(raw) + 1
        lines.append(cells)
        pos += len(line) + 1
    return lines


def printed_rows(lines: list[list[Cell]]) -> list[PrintedRow]:
    """Group cells into printed rows.

    A line holding several values is a row of its own (tab layout). Single
    cells accumulate (one-cell-per-line layout): labels until values come,
    values until the next label or a blank line.
    """
    rows: list[PrintedRow] = []
    current = PrintedRow()

    def close():
        nonlocal current
        if current.values:
            rows.append(current)
            current = PrintedRow()

    for cells in lines:
        if not cells:
            close()
            continue
        is_value = [c.is_value for c in cells]
        if sum(is_value) >= 2 or (any(is_value) and not all(is_value)):
            close()
            for cell, value in zip(cells, is_value):
                if value:
                    current.values.append(cell)
                elif current.values:
                    close()
                    current.labels.append(cell)
                else:
                    current.labels.append(cell)
            close()
            continue
        for cell, value in zip(cells, is_value):
            if value:
                current.values.append(cell)
            else:
                close()
                current.labels.append(cell)
    close()
    return rows
