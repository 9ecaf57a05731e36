"""PDF reports with a text layer: text lines and ruled tables in reading order, a table that
continues on the next page joined to its first part (a repeated header row dropped)."""

from __future__ import annotations

import io

from ..errors import ReportError
from .layout import cell_text, is_page_number, table_lines

MIN_CHARS = 20  # fewer characters of text in the whole file: a scan


def _inside(obj: dict, boxes: list[tuple]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def page_items(page, tables=None, contents=None) -> list[tuple[float, str, object]]:
    """(top, kind, content) of the page's text lines and tables, top to bottom; the tables and their
    cells' text when found otherwise (a scanned page's, ocr.py)."""
    tables = page.find_tables() if tables is None else tables
    contents = [t.extract() for t in tables] if contents is None else contents
    boxes = [t.bbox for t in tables]
    items: list[tuple[float, str, object]] = [(t.bbox[1], "table", rows) for t, rows in zip(tables, contents)]
    text = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for line in text.extract_text_lines(keep_blank_chars=True):
        if not is_page_number(line["text"], bare=True):
            items.append((line["top"], "text", line["text"]))
    return sorted(items, key=lambda item: item[0])


def _width(rows: list[list]) -> int:
    return max((len(r) for r in rows), default=0)


def pdf_text(path, data: bytes) -> str:
    """The report's text in the layout of index/formats/layout.py; ReportError for encrypted files, and
    for scans when OCR is not installed."""
    return pdf_document(path, data)[0]


def _scanned(page) -> bool:
    """A page with no text layer: an image of a page."""
    return not page.chars and bool(page.images)


def pdf_document(path, data: bytes) -> tuple[str, set[int]]:
    """The report's text, and the numbers of its lines that OCR read (pages with no text layer)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from . import ocr

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page_items(page) for page in pdf.pages]
            scans = [n for n, page in enumerate(pdf.pages) if _scanned(page)]
    except Exception as exc:  # pdfplumber wraps pdfminer's many error types in its own
        if any(isinstance(e, PDFPasswordIncorrect) for e in (exc, exc.__context__, *exc.args)):
            raise ReportError(path, "the PDF is encrypted with a password; save an unprotected copy") from exc
        raise ReportError(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    if scans and not ocr.available():
        raise ReportError(path, f"{len(scans)} of its {len(pages)} pages have no text layer (a scan) and OCR is not "
                                "installed: `make ocr` installs Tesseract and its Chinese model")
    if scans:
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
        try:
            for n in scans:
                pages[n] = ocr.ocr_page(document[n])
        finally:
            document.close()
    chars = sum(len(content) if kind == "text" else sum(len(c or "") for row in content for c in row)
                for items in pages for _, kind, content in items)
    if chars < MIN_CHARS:
        raise ReportError(path, "the PDF has no text layer, and OCR found no text in its page images")
    blocks: list[tuple[str, object, bool]] = []
    for number, items in enumerate(pages):
        for n, (_, kind, content) in enumerate(items):
            previous = blocks[-1] if blocks else None
            if n == 0 and kind == "table" and previous and previous[0] == "table" and \
                    _width(previous[1]) == _width(content) and previous[2] == (number in scans):
                rows = content
                head = [[cell_text(c) for c in r] for r in previous[1][:len(rows)]]
                while rows and head and [cell_text(c) for c in rows[0]] == head[0]:
                    rows, head = rows[1:], head[1:]  # the header repeated on the new page
                previous[1].extend(rows)
            else:
                blocks.append((kind, content, number in scans))
    lines: list[str] = []
    read: set[int] = set()
    for kind, content, scanned in blocks:
        new = table_lines(content) if kind == "table" else [content]
        read |= set(range(len(lines), len(lines) + len(new))) if scanned else set()
        lines.extend(new)
    return "\n".join(lines), read
