"""The seed reports as agencies publish them: an HTML page, a DOCX file and its PDF.

blocks() turns a seed's text into paragraphs and clean national-template tables
built from the text version's facts; the writers render those blocks, so tests
can check that each format's reader yields the same facts as the text.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from index.formats.normalize import normalize
from index.report.reader import parse_text
from index.tables.checks import printed_template
from index.tables.facts import Fact, format_value
from index.tables.schema import (
    APPLICATION_COLUMNS,
    APPLICATIONS,
    PROACTIVE,
    PROACTIVE_COLUMNS,
    PROACTIVE_ROWS,
    RESULT_GROUPS,
    REVIEW,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    cell_label,
)

REPORTS = Path(__file__).resolve().parent.parent / "corpus" / "reports"
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ARTICLES = {"rules": "一", "normative_docs": "一", "licensing": "五", "other_services": "五",
            "penalty": "六", "coercion": "六", "fees": "八", "procurement": "九"}


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    """A printed table: rows of cells, a spanning cell given once (as in HTML).
    header is the number of header rows; name is the schema table key."""

    rows: list[list[Cell]]
    header: int = 0
    name: str = ""


Block = str | Table
Facts = dict[tuple[str, str, str], Fact]


def blocks(report_id: str) -> list[Block]:
    """The seed as a document: the text outside its table regions as paragraphs, and
    each table region replaced by a clean national-template table, in the same place."""
    return blocks_of(normalize((REPORTS / f"{report_id}.txt").read_text("utf-8")), report_id)


def blocks_of(text: str, report_id: str = "report", year: int | None = None) -> list[Block]:
    """Any report's normalised text as blocks (see blocks)."""
    report = parse_text(text, report_id, year)
    facts = {f.key: f for f in report.facts}
    out: list[Block] = []
    done = 0
    for start, end in sorted(report.regions):
        out += _paragraphs(report.text[done:start])
        name = next(f.table for f in report.facts if f.start is not None and start <= f.start < end)
        out.append(_TABLES[name](facts, report.formats.get(name, "2021")))
        done = end
    return out + _paragraphs(report.text[done:])


def _paragraphs(text: str) -> list[str]:
    return [p for line in text.split("\n") if (p := line.strip().lstrip("#").strip())]


def _values(facts: Facts, table: str, row: str, columns: Iterable[str]) -> list[Cell]:
    return [Cell(format_value(f.value) if (f := facts.get((table, row, c))) else "") for c in columns]


def _applications(facts: Facts, fmt: str) -> Table:
    rows = printed_template(list(facts.values()))
    results = [r.key for r in rows[2:-1]]  # 三、本年度办理结果: （一）予以公开 … （七）总计
    table = [
        [Cell(BALANCE_NOTE, rowspan=3, colspan=3), Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell(label.split(" · ")[1]) for label in APPLICATION_COLUMNS.values() if " · " in label],
    ]
    for row in rows:
        group = row.key.split(".")[0] if "." in row.key else ""
        parts = [p.strip() for p in row.label.split("·")]
        cells = []
        if row.key == results[0]:
            cells.append(Cell(parts[0], rowspan=len(results)))
        if group and len(parts) > 1:
            cells.append(Cell(RESULT_GROUPS[group], rowspan=sum(k.startswith(group + ".") for k in results)))
        cells.append(Cell(parts[-1], colspan=3 - (row.key in results) - bool(group)))
        table.append(cells + _values(facts, APPLICATIONS, row.key, APPLICATION_COLUMNS))
    return Table(table, header=3, name=APPLICATIONS)


def _review(facts: Facts, fmt: str) -> Table:
    labels = [Cell(label) for label in REVIEW_COLUMNS.values()]
    return Table([
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [Cell(c.text, rowspan=2) for c in labels] + [Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)],
        labels * 2,
        [v for group in REVIEW_GROUPS for v in _values(facts, REVIEW, group, REVIEW_COLUMNS)],
    ], header=3, name=REVIEW)


def _proactive(facts: Facts, fmt: str) -> Table:
    """One 4-column table of sub-tables (第二十条第（X）项); a sub-table's last column spans the rest."""
    def widen(cells: list[Cell]) -> list[Cell]:
        cells[-1].colspan = 5 - len(cells)
        return cells

    table, article = [], ""
    for key, columns in PROACTIVE_COLUMNS[fmt].items():
        if ARTICLES[key] != article:
            article = ARTICLES[key]
            table.append([Cell(f"第二十条第（{article}）项", colspan=4)])
            table.append(widen([Cell("信息内容")] + [Cell(cell_label(PROACTIVE, key, c)[1]) for c in columns]))
        table.append(widen([Cell(PROACTIVE_ROWS[key].label)] + _values(facts, PROACTIVE, key, columns)))
    return Table(table, header=2, name=PROACTIVE)


_TABLES = {APPLICATIONS: _applications, REVIEW: _review, PROACTIVE: _proactive}


def _positions(table: Table) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) of every cell on the grid, skipping positions taken by spans above."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            taken |= {(r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
            c += cell.colspan
    return out


def title_lines(blocks: list[Block]) -> list[str]:
    """The title lines: the leading paragraphs up to the one naming the 年度报告."""
    n = next((i + 1 for i, b in enumerate(blocks[:3]) if isinstance(b, str) and "报告" in b), 1)
    return [b for b in blocks[:n] if isinstance(b, str)]


def _target(path: Path) -> Path:
    """The path, its folder created."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return Path(path)


def _spans(cell: Cell) -> str:
    return "".join(f' {name}="{n}"' for name, n in (("rowspan", cell.rowspan), ("colspan", cell.colspan)) if n > 1)


def write_html(blocks: list[Block], path: Path) -> Path:
    """A saved government web page: menu, breadcrumb, the article, footer."""
    title = title_lines(blocks)
    agency = re.sub(r"\s*\d{4}\s*年.*", "", title[0])
    body = [f"<h1>{'<br/>'.join(map(html.escape, title))}</h1>"]
    for block in blocks[len(title):]:
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block)}</p>")
            continue
        body.append('<table border="1" cellspacing="0">')
        for r, row in enumerate(block.rows):
            tag = "th" if r < block.header else "td"
            body.append("<tr>" + "".join(f"<{tag}{_spans(c)}>{html.escape(c.text)}</{tag}>" for c in row) + "</tr>")
        body.append("</table>")
    menu = " | ".join(f'<a href="/{i}.html">{m}</a>' for i, m in enumerate(("首页", "政务公开", "政务服务", "互动交流")))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape("".join(title))}_{html.escape(agency)}</title></head>
<body>
<div class="nav"><nav>{menu}</nav></div>
<div class="breadcrumb">当前位置：<a href="/0.html">首页</a> &gt; <a href="/1.html">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article">
{chr(10).join(body)}
</div>
<footer><p>版权所有：{html.escape(agency)}　主办单位：{html.escape(agency)}</p><p>网站标识码：3701000034　鲁ICP备05012345号-2</p></footer>
</body></html>
"""
    path = _target(path)
    path.write_text(page, encoding="utf-8")
    return path


def _document(blocks: list[Block], split: str = "") -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(25)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "宋体", Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    title = title_lines(blocks)
    for line in title:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold, run.font.size = True, Pt(16)
    for block in blocks[len(title):]:
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        if block.name == split:  # a new page and a tall spacer before the table's heading: it starts near the bottom
            spacer = doc.paragraphs[-1].insert_paragraph_before()
            spacer.paragraph_format.page_break_before = True
            spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            spacer.paragraph_format.line_spacing = Mm(190)
        _add_table(doc, block, split=block.name == split)
    return doc


def _add_table(doc: Document, table: Table, split: bool) -> None:
    positions = _positions(table)
    width = max(c + cell.colspan for _, c, cell in positions)
    out = doc.add_table(rows=len(table.rows), cols=width)
    out.style = "Table Grid"
    weights = [max([5] + [min(len(cell.text), 10) for _, c, cell in positions if c == j and cell.colspan == 1])
               for j in range(width)]  # column widths follow their longest unspanned label
    for column, weight in zip(out.columns, weights):
        column.width = Mm(160) * weight // sum(weights)
    for r, c, cell in positions:
        target = out.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(out.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.text = cell.text
        for run in target.paragraphs[0].runs:
            run.font.size = Pt(9)
    if split:  # rows stay whole across the page break; the header rows repeat on the next page
        for r, row in enumerate(out.rows):
            tags = ("w:cantSplit", "w:tblHeader") if r < table.header else ("w:cantSplit",)
            row._tr.get_or_add_trPr().extend(OxmlElement(tag) for tag in tags)


def write_docx(blocks: list[Block], path: Path) -> Path:
    """A Word document: title, paragraphs and ruled tables (spans as merged cells) in order."""
    path = _target(path)
    _document(blocks).save(path)
    return path


def split_table_docx(blocks: list[Block], path: Path) -> Path:
    """Like write_docx, but the applications table starts near the bottom of a page and
    continues on the next, its header rows repeated there (w:tblHeader)."""
    path = _target(path)
    _document(blocks, split=APPLICATIONS).save(path)
    return path


def write_pdf(docx_paths: list[Path], outdir: Path) -> list[Path]:
    """Convert DOCX files to PDF with one headless LibreOffice call (own throwaway profile)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("LibreOffice (soffice) is not installed: cannot convert DOCX to PDF")
    outdir.mkdir(parents=True, exist_ok=True)
    pdfs = [outdir / f"{Path(p).stem}.pdf" for p in docx_paths]
    for pdf in pdfs:
        pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_paths)],
            capture_output=True, text=True, timeout=600,
        )
    if missing := [p.name for p in pdfs if not p.exists()]:
        raise RuntimeError(f"soffice did not write {missing} (exit {done.returncode}): {done.stderr.strip()}")
    return pdfs


def write_scan(pdf: Path, path: Path, dpi: int = 300) -> Path:
    """An image-only PDF of a PDF's pages, as a scanner makes it: each page a greyscale image, no text."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        images = [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()
    images[0].save(_target(path), save_all=True, append_images=images[1:], resolution=dpi)
    return Path(path)
