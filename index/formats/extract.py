"""Any report file to text in the one layout of layout.py: the reader of its format, by suffix."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError
from .layout import is_page_number
from .markdown import markdown_text
from .pdf import pdf_text
from .text import decode
from .webpage import html_text
from .word import docx_text

READERS = {".pdf": pdf_text, ".html": html_text, ".htm": html_text, ".docx": docx_text, ".md": markdown_text,
           ".markdown": markdown_text}
SUFFIXES = (".txt", *READERS)
MAX_DOCUMENT_BYTES = 200_000_000  # PDFs carry images and fonts


def extract(path: Path, data: bytes) -> str:
    """The text of a report file of any supported format, in the layout of index/formats/layout.py."""
    read = READERS.get(path.suffix.lower())
    if read is None:  # text as a PDF's text layer gives it: its page footers (- 3 -) are not report text
        return "\n".join(line for line in decode(path, data).split("\n") if not is_page_number(line))
    if not data.strip():
        raise ReportError(path, "the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ReportError(path, f"the file is {len(data):,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte limit")
    try:
        text = read(path, data)
    except ReportError:
        raise
    except Exception as exc:  # each library raises its own types for a damaged file
        kind = path.suffix.lower().lstrip(".").upper()
        raise ReportError(path, f"not a readable {kind} file ({type(exc).__name__}: {exc})") from exc
    if not text.strip():
        raise ReportError(path, "no text found in the file")
    return text
