"""The text layout every reader produces: one line per paragraph, one line per table row with its
cells separated by tabs. A cell spanning rows or columns is written once, at its top-left position,
and leaves empty cells elsewhere, as text extracted from a printed table does."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# A line that is only a page number: - 3 -, — 7 —, 第3页, 第3页 共12页, 3/12
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")


def is_page_number(line: str, bare: bool = False) -> bool:
    """A page's number or footer line, which no report text means to say. A bare number ("3") counts
    only where bare is set: outside a PDF's ruled tables it is a page number; in a converter's text it
    may be a table cell."""
    return _PAGE_NUMBER.match(line) is not None or (bare and line.strip().isdigit())


def cell_text(text: str | None) -> str:
    """A cell's text on one line: a label wrapped inside its cell is one label."""
    return _SPACE.sub(" ", text or "").strip()


def table_lines(rows: list[list[str | None]]) -> list[str]:
    """Tab-separated rows, every cell kept (an empty last cell too: it may be a blank value); rows with
    no text are left out."""
    lines = []
    for row in rows:
        cells = [cell_text(c) for c in row]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def grid(cells: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Rows of (text, rowspan, colspan) cells, as HTML and Word give them, placed on a grid."""
    taken: dict[tuple[int, int], str] = {}
    for r, row in enumerate(cells):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = text if dr == dc == 0 else ""
            c += colspan
    if not taken:
        return []
    height = max(r for r, _ in taken) + 1
    width = max(c for _, c in taken) + 1
    return [[taken.get((r, c), "") for c in range(width)] for r in range(height)]
