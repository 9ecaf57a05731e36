"""Cut a report into retrievable chunks that carry their section path and span.

Text chunks follow sections, subsections and paragraphs and end at Chinese
sentence ends; their text is exactly text[start:end], so a citation can quote
it. Each standard table becomes chunks of its own, rendered row by row with
the official labels, so that a text search still finds table rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..tables.facts import Fact, format_value
from ..tables.schema import TABLE_LABELS, cell_label
from .sections import Section

TARGET_CHARS = 300
MAX_CHARS = 450
OVERLAP_CHARS = 80
TABLE_ROWS_PER_CHUNK = 4
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’）)]*|\n|$)")
_SUBHEADING = re.compile(r"^[#\s]*\(([一二三四五六七八九十]{1,2})\)\s*([^。：:，,]{1,32}?)(?:[。：:]|$)")


@dataclass(frozen=True)
class Chunk:
    report_id: str
    ord: int
    kind: str  # "text" or "table"
    section: str
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.report_id}:{self.ord}"

    @property
    def embed_text(self) -> str:
        return embed_text(self.section, self.text)


def embed_text(section: str, text: str) -> str:
    """What is embedded and searched: the section path gives the chunk its context."""
    return f"{section}\n{text}" if section else text


def _sentences(text: str, start: int, end: int):
    """(start, end) of each sentence in text[start:end], white space trimmed."""
    for match in _SENTENCE.finditer(text, start, end):
        s, e = match.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            # an over-long sentence is cut at commas, then hard
            while e - s > MAX_CHARS:
                cut = text.rfind("，", s, s + MAX_CHARS)
                cut = cut + 1 if cut > s + MAX_CHARS // 3 else s + MAX_CHARS
                yield s, cut
                s = cut
            yield s, e


def _paragraph_units(text: str, start: int, end: int, heading: bool, skip: list[tuple[int, int]]):
    """(subsection title, sentence start, sentence end) in reading order, table regions left out."""
    sub = ""
    pos = start
    for line in text[start:end].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if heading:  # the heading line names the section itself
            heading = False
            continue
        if not line.strip() or any(a <= line_start < b for a, b in skip):
            continue
        match = _SUBHEADING.match(line)
        if match:
            sub = f"({match.group(1)}){match.group(2).strip()}"
            if len(line.strip()) <= len(match.group(0).strip()) + 1:
                continue  # a heading line only
        for s, e in _sentences(text, line_start, line_start + len(line)):
            yield sub, s, e


def _parts(text: str, sections: list[Section]):
    """(section heading, start, end, starts with a heading line) for the preamble and each section."""
    first = sections[0].start if sections else len(text)
    yield "", 0, first, False
    for section in sections:
        yield section.heading, section.start, section.end, True


def text_chunks(text: str, sections: list[Section], skip: list[tuple[int, int]],
                target: int | None = None) -> list[tuple[str, int, int]]:
    """(section path, start, end) of each text chunk: sentences packed up to `target`
    characters, never across a (sub)section, the last short sentence repeated as overlap."""
    target = target or TARGET_CHARS
    groups: list[tuple[str, list[tuple[int, int]]]] = []
    for heading, start, end, has_heading in _parts(text, sections):
        for sub, s, e in _paragraph_units(text, start, end, has_heading, skip):
            path = f"{heading} / {sub}" if sub and heading else heading or sub
            if not groups or groups[-1][0] != path:
                groups.append((path, []))
            current = groups[-1][1]
            if current and e - current[0][0] > target:
                last = current[-1]
                keep = last[1] - last[0] <= OVERLAP_CHARS and e - last[0] <= MAX_CHARS
                groups.append((path, [last] if keep else []))
            groups[-1][1].append((s, e))
    return [(path, spans[0][0], spans[-1][1]) for path, spans in groups if spans]


def table_chunks(facts: list[Fact], sections: list[Section]) -> list[tuple[str, int, int, str]]:
    """(section path, start, end, rendered rows) for each group of table rows."""
    out = []
    by_table: dict[str, dict[str, list[Fact]]] = {}
    for fact in facts:
        by_table.setdefault(fact.table, {}).setdefault(fact.row, []).append(fact)
    for table, rows in by_table.items():
        spans = [f.start for r in rows.values() for f in r if f.start is not None]
        at = min(spans) if spans else 0
        section = next((s for s in sections if s.start <= at < s.end), None)
        path = f"{section.heading} / 表" if section else TABLE_LABELS[table]
        items = list(rows.items())
        for i in range(0, len(items), TABLE_ROWS_PER_CHUNK):
            lines, starts, ends = [], [], []
            for row, cells in items[i:i + TABLE_ROWS_PER_CHUNK]:
                row_label = cell_label(table, row, cells[0].column)[0]
                values = "，".join(f"{cell_label(table, row, f.column)[1].split(' · ')[-1]} "
                                  f"{format_value(f.value)}{f.unit}" for f in cells)
                lines.append(f"{row_label}：{values}")
                starts += [f.start for f in cells if f.start is not None]
                ends += [f.end for f in cells if f.end is not None]
            if starts:
                out.append((path, min(starts), max(ends), "\n".join(lines)))
    return out


def chunk_report(report_id: str, text: str, sections: list[Section], facts: list[Fact],
                 regions: list[tuple[int, int]], target: int | None = None) -> list[Chunk]:
    chunks = [Chunk(report_id, 0, "text", path, s, e, text[s:e])
              for path, s, e in text_chunks(text, sections, regions, target)]
    chunks += [Chunk(report_id, 0, "table", path, s, e, rendered)
               for path, s, e, rendered in table_chunks(facts, sections)]
    return [Chunk(c.report_id, i, c.kind, c.section, c.start, c.end, c.text) for i, c in enumerate(chunks)]
