"""Read one report file into text, sections, facts, checks and warnings."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ReportError
from ..formats import extract_document, normalize
from ..formats.properties import properties
from ..tables.checks import narrative_checks, table_checks
from ..tables.facts import NOTE_OCR, Check, Fact
from ..tables.regions import parse_tables
from ..tables.schema import TABLES
from .chunks import Chunk, chunk_report
from .metadata import Metadata, resolve
from .sections import Section, split_sections
from .terms import fingerprint as terms_fingerprint

# Bump when parsing changes, so that an incremental build re-reads every report.
PARSER_VERSION = "8"


@dataclass
class ParsedReport:
    """Everything read from one report; meta and digest are set when it came from a file."""

    text: str
    sections: list[Section]
    facts: list[Fact]
    checks: list[Check]
    warnings: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    regions: list[tuple[int, int]] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    meta: Metadata | None = None
    digest: str = ""
    placed_by_identities: int = 0  # printed rows that only the tables' identities could place

    @property
    def status(self) -> str:
        """ok, or flagged when a check failed, a standard table yielded nothing, or the report's agency
        or year is unknown."""
        tables = {f.table for f in self.facts}
        unnamed = self.meta is not None and (not self.meta.agency or self.meta.year is None)
        if any(c.status == "fail" for c in self.checks) or len(tables) < len(TABLES) or unnamed:
            return "flagged"
        return "ok"


def digest(data: bytes, manifest_row: Metadata | None) -> str:
    """Content hash of the file, its manifest row, the parser version and the search terms' (a changed
    dictionary or stopword list writes every report's terms again)."""
    h = hashlib.sha256(data)
    h.update(repr(manifest_row).encode())
    h.update(PARSER_VERSION.encode())
    h.update(terms_fingerprint().encode())
    return h.hexdigest()


def parse_text(text: str, report_id: str = "report", year: int | None = None) -> ParsedReport:
    """Sections, facts, checks, warnings and chunks of a normalised report text; the report's year,
    when known, decides the table format."""
    sections = split_sections(text)
    warnings = [] if sections else ["没有找到编号的章节（一、…）"]
    results = parse_tables(text, sections, year)
    facts = [f for r in results.values() for f in r.facts]
    warnings += [w for r in results.values() for w in r.warnings]
    if not facts:
        warnings.append("没有找到国家格式的统计表：这份报告没有读出任何数字")
    regions = [r.region for r in results.values() if r.region]
    checks = [c for r in results.values() for c in r.checks]
    checks += table_checks(facts) + narrative_checks(text, facts, regions, year)
    formats = {t: r.format for t, r in results.items() if r.format}
    chunks = chunk_report(report_id, text, sections, facts, regions)
    return ParsedReport(text, sections, facts, checks, warnings, formats, regions, chunks,
                        placed_by_identities=sum(r.placed_by_identities for r in results.values()))


def read_by_ocr(facts: list[Fact], text: str, lines: set[int]) -> list[Fact]:
    """The facts, those printed on lines that OCR read noted so (their citations say it)."""
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1

    def scanned(offset: int | None) -> bool:
        return offset is not None and bisect.bisect_right(starts, offset) - 1 in lines

    return [replace(f, note=f"{f.note}；{NOTE_OCR}" if f.note else NOTE_OCR) if scanned(f.start) else f for f in facts]


def read_report(path: Path, file: str, manifest: dict[str, Metadata]) -> ParsedReport:
    """Parse a report file; raises ReportError when the file cannot be read at all."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror})") from exc
    raw, scanned = extract_document(path, data)
    text = normalize(raw)
    meta, meta_warnings = resolve(file, text, manifest, properties(path, data))
    report = parse_text(text, meta.id, meta.year)
    if scanned:
        report.facts = read_by_ocr(report.facts, text, scanned)
        report.warnings.append(f"{len(scanned)}行文字由扫描页经OCR识别，其中的数字以表内勾稽关系核对")
    report.meta = meta
    report.digest = digest(data, manifest.get(file))
    report.warnings = meta_warnings + [f"{file}：{w}" for w in report.warnings]
    return report
