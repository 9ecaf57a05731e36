"""Markdown reports, as PDF and OCR converters (MinerU, marker, docling) emit them: GitHub pipe
tables and HTML tables become tab-separated rows, headings become plain lines, page footers
(— 7 —, - 3 -) are dropped as the PDF reader drops them."""

from __future__ import annotations

import re

from .layout import is_page_number, table_lines
from .text import decode

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HTML_TABLE = re.compile(r"<table\b.*?</table>", re.IGNORECASE | re.DOTALL)
_ESCAPED_PIPE = "\x00"


def _pipe_cells(line: str) -> list[str]:
    body = line.strip().replace("\\|", _ESCAPED_PIPE)
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [c.replace(_ESCAPED_PIPE, "|").strip() for c in body.split("|")]


def _html_tables(text: str) -> str:
    """HTML tables inside markdown (MinerU writes its tables so) as tab rows."""
    if "<table" not in text.lower():
        return text
    from bs4 import BeautifulSoup

    from .webpage import table_rows

    def rows(match: re.Match) -> str:
        table = BeautifulSoup(match.group(0), "lxml").find("table")
        return "\n" + "\n".join(table_rows(table)) + "\n" if table else ""

    return _HTML_TABLE.sub(rows, text)


def markdown_text(path, data: bytes) -> str:
    """The report's text in the layout of index/formats/layout.py."""
    lines: list[str] = []
    for line in _html_tables(decode(path, data)).split("\n"):
        if _SEPARATOR.match(line) or is_page_number(line):
            continue
        if line.lstrip().startswith("|"):
            lines.extend(table_lines([_pipe_cells(line)]))
            continue
        line = _LINK.sub(r"\1", _IMAGE.sub("", _HEADING.sub("", line)))
        lines.append(line.rstrip())
    return "\n".join(lines)
