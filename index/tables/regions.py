"""Find the three standard tables in a report and parse each into facts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..formats.normalize import compact
from .applications import parse_applications
from .cells import cell_lines
from .facts import TableResult
from .proactive import parse_proactive
from .review import CELLS as REVIEW_CELLS
from .review import parse_review
from .schema import APPLICATIONS, PROACTIVE, REVIEW

if TYPE_CHECKING:  # sections belong to the report, which reads its tables through this module
    from ..report.sections import Section

# Where each table starts: a line with a cell that contains (or, for the
# review table, starts with) one of these.
_MARKERS = {
    PROACTIVE: ("第二十条第", "信息内容", "本年制发", "本年新制作", "规章", "规范性文件"),
    APPLICATIONS: ("勾稽关系", "申请人情况", "本年新收"),
    REVIEW: ("行政复议", "结果维持", "尚未审结", "复议后起诉"),
}
_ROLES = {PROACTIVE: "proactive", APPLICATIONS: "applications", REVIEW: "review"}


_NUMBER = r"[+-]?\d[\d,]*(?:\.\d+)?"
_VALUE = re.compile(_NUMBER)
_ROW_TAIL = re.compile(rf"(?:\s+{_NUMBER}){{2,}}\s*$")  # a line ending in two or more values
# a line ending in digits stuck to its words: a row whose cells run together (…申请数量350 000136)
_RUN_TAIL = re.compile(r"[^\W\d_”）)]\d[\d ]*$")


def _is_prose(line: str) -> bool:
    """A sentence of the narrative: it ends a table. A long line that ends in values is a table row
    laid out with spaces (text of a PDF without ruling lines)."""
    if "。" in line:
        return True
    return "\t" not in line and not _ROW_TAIL.search(line) and not _RUN_TAIL.search(line.rstrip()) \
        and len(compact(line)) > 60


def _values(line: str) -> int:
    """How many values a line prints."""
    return sum(1 for c in line.split("\t") for part in c.split() if _VALUE.fullmatch(part))


def _lines_with_offsets(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, line
        pos += len(line) + 1


def find_region(text: str, sections: list[Section], table: str, after: int = 0,
                start_at: int | None = None) -> tuple[int, int] | None:
    """(start, end) of a table: from its marker line to the first prose line after its values (a
    note such as 注：… before them is part of the table), or to the section's end. The review table
    ends once its fifteen values are read."""
    section = next((s for s in sections if s.role == _ROLES[table]), None)
    lo, hi = (section.start, section.end) if section else (after, len(text))
    if section is not None:
        # the heading line itself names the table ("…行政复议、行政诉讼情况")
        lo = text.find("\n", lo) + 1 or hi
    markers = _MARKERS[table]
    start = fallback = None
    values = 0
    previous = None
    for pos, line in _lines_with_offsets(text, lo, hi):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        found = _values(line)
        if start is None:
            if _is_prose(line):
                continue
            hit = any(c.startswith(markers) for c in cells) if table == REVIEW else any(m in line for m in markers)
            if hit or pos == start_at:
                start = pos
                if previous is not None and "\t" in previous[1] and _values(previous[1]) >= 2 and not found:
                    # the marker is the tail of a label cut from the row above (一、 / 本年新收…): that row
                    # is the table's first
                    start, values = previous[0], _values(previous[1])
            elif section is not None and fallback is None and cells:
                fallback = pos
        elif (values and _is_prose(line)) or (table == REVIEW and values >= len(REVIEW_CELLS) and not found):
            return start, pos
        if start is not None:
            values += found
        previous = (pos, line)
    if start is None and fallback is not None:
        # no marker in the table's own section (a converter's generic header): its first line that is
        # not prose starts the table
        return find_region(text, sections, table, after, fallback)
    return (start, hi) if start is not None else None


def parse_tables(text: str, sections: list[Section], year: int | None = None) -> dict[str, TableResult]:
    """Parse every standard table found; a missing table gives an empty result with a warning."""
    results: dict[str, TableResult] = {}
    after = 0
    for table, parse in ((PROACTIVE, parse_proactive), (APPLICATIONS, parse_applications), (REVIEW, parse_review)):
        region = find_region(text, sections, table, after)
        if region is None:
            results[table] = TableResult(warnings=[f"{table} table not found"])
            continue
        start, end = region
        after = end
        lines = cell_lines(text, start, end)
        results[table] = parse(lines) if table == REVIEW else parse(lines, year)
        results[table].region = region
    return results
