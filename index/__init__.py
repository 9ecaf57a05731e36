"""Corpus reading, report parsing and the exact facts store."""

from .build import BuildResult, build
from .errors import ReportError, UserError
from .facts import Check, Fact, format_value, json_value
from .metadata import Metadata, detect, read_manifest
from .normalize import normalize
from .reader import ParsedReport, parse_text, read_report
from .sections import Section, split_sections
from .settings import Settings
from .store import Store

__all__ = [
    "BuildResult", "Check", "Fact", "Metadata", "ParsedReport", "ReportError", "Section", "Settings",
    "Store", "UserError", "build", "detect", "format_value", "json_value", "normalize", "parse_text",
    "read_manifest", "read_report", "split_sections",
]
