"""Find the three standard tables in a report and parse each into facts."""

from __future__ import annotations

from .applications import parse_applications
from .cells import cell_lines
from .facts import TableResult
from .proactive import parse_proactive
from .review import parse_review
from .schema import APPLICATIONS, PROACTIVE, REVIEW
from .sections import Section

# Where each table starts: a line with a cell that contains (or, for the
# review table, starts with) one of these.
_MARKERS = {
    PROACTIVE: ("第二十条第",),
    APPLICATIONS: ("勾稽关系", "申请人情况", "本年新收"),
    REVIEW: ("行政复议",),
}
_ROLES = {PROACTIVE: "proactive", APPLICATIONS: "applications", REVIEW: "review"}


def _is_prose(line: str) -> bool:
    return "。" in line or ("\t" not in line and len(line.strip()) > 60)


def _lines_with_offsets(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, line
        pos += len(line) + 1


def find_region(text: str, sections: list[Section], table: str, after: int = 0) -> tuple[int, int] | None:
    """(start, end) of a table: from its marker line to the first prose line or the section's end."""
    section = next((s for s in sections if s.role == _ROLES[table]), None)
    lo, hi = (section.start, section.end) if section else (after, len(text))
    if section is not None:
        # the heading line itself names the table ("…行政复议、行政诉讼情况")
        lo = text.find("\n", lo) + 1 or hi
    markers = _MARKERS[table]
    start = None
    for pos, line in _lines_with_offsets(text, lo, hi):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if start is None:
            if _is_prose(line):
                continue
            hit = any(c.startswith(markers) for c in cells) if table == REVIEW else any(m in line for m in markers)
            if hit:
                start = pos
        elif _is_prose(line):
            return start, pos
    return (start, hi) if start is not None else None


def parse_tables(text: str, sections: list[Section]) -> dict[str, TableResult]:
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
        results[table] = parse(cell_lines(text, start, end))
        results[table].region = region
    return results
