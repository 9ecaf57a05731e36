"""What a report file holds, read from its bytes rather than its name: a PDF, a Word file, a web page
(also saved as .txt), markdown (pipe tables inside any text file), or plain text."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReportError

PDF, DOCX, HTML, MARKDOWN, TEXT = "pdf", "docx", "html", "markdown", "text"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls: the old binary Office formats
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta\s|div[\s>]|p[\s>]|table[\s>])", re.IGNORECASE)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$", re.MULTILINE)
_MARKDOWN_SUFFIXES = (".md", ".markdown")


def sniff(path: Path, data: bytes) -> str:
    """The kind of content a report file holds (pdf, docx, html, markdown or text), whatever its name."""
    head = data[:4096].lstrip()
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):  # a .docx is a ZIP archive; the Word reader says when it is not one
        return DOCX
    if head.startswith(_OLE):
        raise ReportError(path, "an old binary Office file (.doc or .xls): save it as .docx, PDF or text")
    if head[:1] == b"<" and _HTML.search(head) or _HTML.search(head[:512]) and b"</" in head:
        return HTML
    if Path(path).suffix.lower() in _MARKDOWN_SUFFIXES:
        return MARKDOWN
    sample = data[:2_000_000].decode("utf-8", errors="ignore")
    if _PIPE_SEPARATOR.search(sample) or len(_PIPE_ROW.findall(sample)) >= 3:
        return MARKDOWN  # an OCR tool's or converter's pipe tables, saved as .txt
    return TEXT
