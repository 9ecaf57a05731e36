"""Corpus reading, report parsing and the exact facts store. Data flows through the subpackages in
order: formats (a file of any format to normalised text) → tables (the template's tables read into
exact facts, and their checks) → report (metadata, sections, chunks: one report read whole) → store
(facts in SQLite or PostgreSQL, vectors in Chroma); build and add drive it over a corpus."""

from .build import BuildResult, build
from .errors import ReportError, StoreUnavailable, UserError
from .formats.normalize import normalize
from .report.metadata import Metadata, detect, read_manifest
from .report.reader import ParsedReport, parse_text, read_report
from .report.sections import Section, split_sections
from .settings import Settings
from .store import FactsStore, SQLiteStore, open_store
from .tables.facts import Check, Fact, format_value, json_value

__all__ = [
    "BuildResult", "Check", "Fact", "FactsStore", "Metadata", "ParsedReport", "ReportError", "SQLiteStore", "Section",
    "Settings", "StoreUnavailable", "UserError", "build", "detect", "format_value", "json_value", "normalize", "open_store", "parse_text",
    "read_manifest", "read_report", "split_sections",
]
