"""Word (.docx) reports: paragraphs and tables in document order."""

from __future__ import annotations

import io

from .layout import cell_text, table_lines


def _rows(table) -> list[list[str]]:
    """Each row's cells; a merged cell (across columns or down rows) gives its text once."""
    seen: dict[int, object] = {}  # holds the elements too, so that an id is never reused meanwhile
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            key = id(cell._tc)
            cells.append("" if key in seen else cell_text(cell.text))
            seen[key] = cell._tc
        rows.append(cells)
    return rows


def docx_text(path, data: bytes) -> str:
    """The document's text in the layout of index/formats/layout.py."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(data))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            lines.extend(table_lines(_rows(Table(child, document))))
    return "\n".join(lines)
