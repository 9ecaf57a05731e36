"""Read one report file into text, sections, facts, checks and warnings."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .checks import narrative_checks, table_checks
from .errors import ReportError
from .facts import Check, Fact
from .metadata import Metadata, resolve
from .normalize import normalize
from .schema import APPLICATIONS, TABLES
from .sections import Section, split_sections
from .tables import parse_tables

# Bump when parsing changes, so that an incremental build re-reads every report.
PARSER_VERSION = "1"
MAX_BYTES = 20_000_000
_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


@dataclass
class ParsedReport:
    meta: Metadata
    digest: str
    text: str
    sections: list[Section]
    facts: list[Fact]
    checks: list[Check]
    warnings: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> str:
        """ok, or flagged when a check failed or a standard table yielded nothing."""
        tables = {f.table for f in self.facts}
        if any(c.status == "fail" for c in self.checks) or len(tables) < len(TABLES):
            return "flagged"
        return "ok"


def decode(path: Path, data: bytes) -> str:
    """The report's text, or a ReportError saying why it is not a readable text report."""
    if not data.strip():
        raise ReportError(path, "the file is empty")
    if len(data) > MAX_BYTES:
        raise ReportError(path, f"the file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for one report")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ReportError(path, "binary content (NUL bytes), not a text report")
    for encoding in _ENCODINGS[:2]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportError(path, "not valid UTF-8 or GB18030 text")


def digest(data: bytes, manifest_row: Metadata | None) -> str:
    """Content hash of the file, its manifest row and the parser version."""
    h = hashlib.sha256(data)
    h.update(repr(manifest_row).encode())
    h.update(PARSER_VERSION.encode())
    return h.hexdigest()


def parse_text(text: str) -> tuple[list[Section], list[Fact], list[Check], list[str], dict[str, str]]:
    """Sections, facts, checks, warnings and table formats of a normalised report text."""
    sections = split_sections(text)
    warnings = [] if sections else ["no numbered sections (一、…) found"]
    results = parse_tables(text, sections)
    facts = [f for r in results.values() for f in r.facts]
    warnings += [w for r in results.values() for w in r.warnings]
    if not facts:
        warnings.append("no standard tables found: the report yields no facts")
    table_spans = []
    for result in results.values():
        starts = [f.start for f in result.facts if f.start is not None]
        if starts:
            table_spans.append((min(starts), max(f.end for f in result.facts if f.end is not None)))
    fmt = results[APPLICATIONS].format or "2021"
    checks = table_checks(facts, fmt) + narrative_checks(text, facts, table_spans)
    formats = {t: r.format for t, r in results.items() if r.format}
    return sections, facts, checks, warnings, formats


def read_report(path: Path, file: str, manifest: dict[str, Metadata]) -> ParsedReport:
    """Parse a report file; raises ReportError when the file cannot be read at all."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror})") from exc
    text = normalize(decode(path, data))
    meta, meta_warnings = resolve(file, text, manifest)
    sections, facts, checks, warnings, formats = parse_text(text)
    return ParsedReport(meta, digest(data, manifest.get(file)), text, sections, facts, checks,
                        meta_warnings + [f"{file}: {w}" for w in warnings], formats)
