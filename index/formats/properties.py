"""What a file says of itself beside its text: a web page's <title> and meta tags (ArticleTitle,
SiteName, ContentSource), a PDF's or Word file's document title and author, a crawler's header
block (标题: …) above a text. Clues to a report's agency and year, never report text."""

from __future__ import annotations

import io
from pathlib import Path

from .header import split_header
from .sniff import DOCX, HTML, MARKDOWN, PDF, TEXT, sniff
from .text import decode

# meta names government CMS pages use, by what they say
_META = {"articletitle": "page title", "og:title": "page title", "title": "page title",
         "sitename": "site", "og:site_name": "site", "contentsource": "source", "source": "source",
         "author": "source", "publisher": "source"}


def _html(data: bytes) -> dict[str, str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    out: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        name = str(meta.get("name") or meta.get("property") or "").strip().lower()
        content = " ".join(str(meta.get("content") or "").split())
        if name in _META and content:
            out.setdefault(_META[name], content)
    if soup.title and soup.title.string and soup.title.string.strip():
        out["page title"] = " ".join(soup.title.string.split())  # the <title> itself, over a meta's copy
    return out


def _pdf_string(value) -> str:
    """A PDF text string: UTF-16 after its byte-order mark (as Chinese office software writes it, and
    which a reader taking it for PDFDocEncoding garbles), else PDFDocEncoding."""
    from pdfminer.utils import decode_text

    if not isinstance(value, bytes):
        return ""
    return value.decode("utf-16", errors="replace") if value[:2] in (b"\xff\xfe", b"\xfe\xff") else decode_text(value)


def _pdf(data: bytes) -> dict[str, str]:
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        info = resolve1(pdf.doc.info[0]) if pdf.doc.info else {}
    values = {k: _pdf_string(resolve1(info.get(key))).strip() for key, k in (("Title", "document title"), ("Author", "source"))}
    return {k: v for k, v in values.items() if v}


def _docx(data: bytes) -> dict[str, str]:
    from docx import Document

    core = Document(io.BytesIO(data)).core_properties
    return {k: v.strip() for k, v in (("document title", core.title or ""), ("source", core.author or "")) if v.strip()}


def _header(data: bytes) -> dict[str, str]:
    return split_header(decode(Path("file"), data))[0]


READERS = {HTML: _html, PDF: _pdf, DOCX: _docx, TEXT: _header, MARKDOWN: _header}


def properties(path: Path, data: bytes) -> dict[str, str]:
    """{page title | document title | site | source: text} that the file carries; {} when none, or
    when the file's properties cannot be read (its text is what matters)."""
    try:
        return READERS[sniff(Path(path), data)](data)
    except Exception:  # a damaged file's properties are no reason to lose its text
        return {}
