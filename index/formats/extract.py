"""Any report file to text in the one layout of layout.py: the reader of what the file holds (sniff.py),
whatever its name; a crawler's header block (header.py) is left out of the text."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError
from .header import split_header
from .layout import is_page_number
from .markdown import markdown_text
from .pdf import pdf_document
from .sniff import DOCX, HTML, MARKDOWN, PDF, TEXT, sniff
from .text import decode
from .webpage import html_text
from .word import docx_text


def _plain_text(path: Path, data: bytes) -> str:
    """Text as a PDF's text layer gives it: its page footers (- 3 -) are not report text."""
    return "\n".join(line for line in decode(path, data).split("\n") if not is_page_number(line))


def _pdf_text(path: Path, data: bytes) -> str:
    return pdf_document(path, data)[0]


READERS = {PDF: _pdf_text, HTML: html_text, DOCX: docx_text, MARKDOWN: markdown_text, TEXT: _plain_text}
SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".docx", ".md", ".markdown")
MAX_DOCUMENT_BYTES = 200_000_000  # PDFs carry images and fonts


def extract(path: Path, data: bytes) -> str:
    """The text of a report file of any supported format, in the layout of index/formats/layout.py."""
    return extract_document(path, data)[0]


def extract_document(path: Path, data: bytes) -> tuple[str, set[int]]:
    """The text of a report file, and the numbers of its lines that OCR read (a PDF's scanned pages)."""
    if not data.strip():
        raise ReportError(path, "the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ReportError(path, f"the file is {len(data):,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte limit")
    kind = sniff(path, data)
    scanned: set[int] = set()
    try:
        if kind == PDF:
            text, scanned = pdf_document(path, data)
        else:
            text = READERS[kind](path, data)
    except ReportError:
        raise
    except Exception as exc:  # each library raises its own types for a damaged file
        raise ReportError(path, f"not a readable {kind.upper()} file ({type(exc).__name__}: {exc})") from exc
    if kind in (TEXT, MARKDOWN):
        text = split_header(text)[1]
    if not text.strip():
        raise ReportError(path, "no text found in the file")
    return text, scanned
