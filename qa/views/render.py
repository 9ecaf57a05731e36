"""HTML views of report text and tables: a citation in its context, and a whole report.

Report text is escaped before it is shown; highlighting uses inline styles because the
chat sanitises class names away but keeps styles.
"""

from __future__ import annotations

import re
from html import escape

from index import format_value
from index.report.sections import heading
from index.tables.schema import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    APPLICATIONS,
    PROACTIVE,
    PROACTIVE_COLUMNS,
    REVIEW,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    TABLE_LABELS,
    application_row_label,
    cell_label,
)

from ..answering.compose import Citation
from ..retrieval.lookup import ORGANISATIONS
from .provenance import place_chain, provenance

WINDOW = 400  # characters of the section shown on each side of a quote
ROLE_TABLES = {"proactive": PROACTIVE, "applications": APPLICATIONS, "review": REVIEW}
# Plain cells carry no style of their own: a table is sent with every chat turn, so it is kept small.
# On a phone the table scrolls sideways in its box: numbers never break (the table's nowrap), a row's
# label wraps onto a line or two of its own width.
_TABLE = 'border="1" cellpadding="3" style="border-collapse:collapse;font-size:13px;margin:6px 0;white-space:nowrap"'
_SCROLL = '<div style="overflow-x:auto;max-width:100%">'
_LABEL = "white-space:normal;min-width:11em;"
_CELL = ""
_LINE = "#fef3c7"  # the cited row and column
_HIT = "background:#fde047;font-weight:bold;outline:2px solid #ca8a04;"  # the cited cell
_FAILED = "outline:2px solid #dc2626;color:#b91c1c;font-weight:bold;"  # a cell in an identity that fails
_MARK = '<mark style="background:#fde047">'
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_MARKDOWN_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]*")  # a converter's ### before a heading


def _text(text: str) -> str:
    return _BLANK_LINES.sub("\n\n", escape(_MARKDOWN_HEADING.sub("", text))).replace("\n", "<br>")


def failed_cells(checks: list[dict], table: str) -> dict[tuple[str, str], str]:
    """{(row, column): what fails} for the cells of a table that take part in an identity that fails."""
    out: dict[tuple[str, str], str] = {}
    for c in checks:
        if c["status"] == "fail" and c["table"] == table:
            for key in c["numbers"]:
                row, _, column = key.rpartition(".")
                if row and not row[:1].isdigit():  # 2023.carried_forward.total is another year's cell
                    out.setdefault((row, column), c["detail"])
    return out


def _body_start(text: str, section: dict) -> int:
    """Where a section's text begins after its heading line."""
    cut = text.find("\n", section["start"], section["end"])
    return section["end"] if cut == -1 else cut + 1


def _value(fact: dict | None) -> str:
    if fact is None:
        return "—"
    mark = '<sup title="报告未印出或为合计，由表内关系推得">*</sup>' if fact["derived"] else ""
    return f"{escape(format_value(fact['value']))}{mark}"


def _td(content: str, hit: bool, line: bool, tag: str = "td", failed: str = "", label: bool = False) -> str:
    style = (_CELL + (_LABEL if label else "") + (_HIT if hit else f"background:{_LINE};" if line else "")
             + (_FAILED if failed else ""))
    title = f' title="未通过核对：{escape(failed)}"' if failed else ""
    return f'<{tag}{title} style="{style}">{content}</{tag}>' if style else f"<{tag}>{content}</{tag}>"


def table_html(table: str, cells: dict, fmt: str = "2021", row: str | None = None, column: str | None = None,
               failed: dict[tuple[str, str], str] | None = None) -> str:
    """One standard table of one report from its facts; the cited row and column highlighted, the cells
    of an identity that fails outlined in red (their title says which)."""
    failed = failed or {}
    def row_hit(key: str) -> bool:
        return row is not None and (key == row or key.startswith(f"{row}."))

    def col_hit(key: str) -> bool:
        return column is not None and (key == column or (column == "organisations" and key in ORGANISATIONS))

    if table == PROACTIVE:
        head = "<tr>" + "".join(_td(h, False, False, "th") for h in ("信息内容", "指标", "数值")) + "</tr>"
        lines = []
        for key, columns in PROACTIVE_COLUMNS.get(fmt, PROACTIVE_COLUMNS["2021"]).items():
            for col in columns:
                fact = cells.get((table, key, col))
                unit = escape(fact["unit"]) if fact else ""
                line, hit = row_hit(key), row_hit(key) and col_hit(col)
                labels = cell_label(table, key, col)
                lines.append("<tr>" + _td(escape(labels[0]), False, line, label=True) + _td(escape(labels[1]), False, line)
                             + _td(_value(fact) + unit, hit, line, failed=failed.get((key, col), "")) + "</tr>")
    else:
        if table == APPLICATIONS:
            columns = APPLICATION_COLUMNS
            rows = [(r.key, application_row_label(r.key)) for r in APPLICATION_ROWS.get(fmt, APPLICATION_ROWS["2021"])]
        else:
            columns, rows = REVIEW_COLUMNS, list(REVIEW_GROUPS.items())
        head = _head(columns, col_hit)
        lines = []
        for key, label in rows:
            tds = [_td(escape(label), False, row_hit(key), label=True)]
            tds += [_td(_value(cells.get((table, key, col))), row_hit(key) and col_hit(col), row_hit(key) or col_hit(col),
                        failed=failed.get((key, col), "")) for col in columns]
            lines.append("<tr>" + "".join(tds) + "</tr>")
    return f"{_SCROLL}<table {_TABLE}><thead>{head}</thead><tbody>{''.join(lines)}</tbody></table></div>"


def _head(columns: dict[str, str], col_hit) -> str:
    """Header rows; the applicant columns grouped under 法人或其他组织 as printed."""
    if columns is not APPLICATION_COLUMNS:
        return "<tr>" + _td("", False, False, "th") + "".join(
            _td(escape(label), False, col_hit(key), "th") for key, label in columns.items()) + "</tr>"

    def th(key: str, label: str, span: str = "") -> str:
        style = _CELL + (f"background:{_LINE};" if col_hit(key) else "")
        return f'<th {span} style="{style}">{escape(label)}</th>' if style else f"<th {span}>{escape(label)}</th>"

    top = th("", "", 'rowspan="2"') + th("natural_person", "自然人", 'rowspan="2"')
    top += th("", "法人或其他组织", f'colspan="{len(ORGANISATIONS)}"') + th("total", "总计", 'rowspan="2"')
    bottom = "".join(th(key, APPLICATION_COLUMNS[key].split(" · ")[-1]) for key in ORGANISATIONS)
    return f"<tr>{top}</tr><tr>{bottom}</tr>"


def excerpt_html(text: str, section: dict | None, start: int, end: int, window: int = WINDOW) -> str:
    """The part of the section around text[start:end], with that span marked."""
    lo, hi = (min(_body_start(text, section), start), section["end"]) if section else (0, len(text))
    left = max(lo, start - window)
    right = min(hi, end + window)
    if left > lo:
        left = text.find("\n", left, start) + 1 or left
    if right < hi:
        cut = text.rfind("\n", end, right)
        right = cut if cut > end else right
    body = (_text(text[left:start]) + _MARK + _text(text[start:end]) + "</mark>" + _text(text[end:right]))
    before = "……" if left > lo else ""
    after = "……" if right < hi else ""
    title = f"<b>{escape(heading(section['number'], section['title']))}</b><br>" if section else ""
    return f'<div style="font-size:13px;line-height:1.6">{title}{before}{body}{after}</div>'


def section_at(sections: list[dict], offset: int | None) -> dict | None:
    if offset is None:
        return None
    return next((s for s in sections if s["start"] <= offset < s["end"]), None)


def citation_html(citation: Citation, text: str, sections: list[dict], cells: dict, formats: dict,
                  checks: list[dict] = ()) -> str:
    """A citation opened in context: the table with its row and column highlighted (and the cells of an
    identity that fails outlined), or the quoted sentence marked in its section."""
    if citation.table:
        table = citation.table
        parts = [f"<b>{escape(citation.section or TABLE_LABELS[table])}</b>",
                 table_html(table, cells, formats.get(table, "2021"), citation.row, citation.column,
                            failed_cells(list(checks), table))]
        if citation.quote:
            parts.append(f"原文行：<code>{_text(citation.quote)}</code>")
        return '<div style="font-size:13px">' + "".join(parts) + "</div>"
    start, end = citation.start, citation.end
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return f"<blockquote>{_text(citation.quote or '')}</blockquote>"
    return excerpt_html(text, section_at(sections, start), start, end)


def _report_head(report: dict) -> str:
    """Title, place, the check results (failures first) and the parser's warnings."""
    checks = report["checks"]
    failed = [c for c in checks if c["status"] != "pass"]
    marks = {"pass": "✓ 通过", "fail": "✗ 未通过", "skip": "– 未核对"}
    items = "".join(f"<li title=\"{escape(c['name'])}\">{marks.get(c['status'], '–')}：{escape(c['detail'])}</li>"
                    for c in failed + [c for c in checks if c["status"] == "pass"])
    warnings = "".join(f"<li>{escape(w)}</li>" for w in report["warnings"])
    found = provenance(report)
    return (f"<h3>{escape(report['title'])}</h3><p>{escape(place_chain(report))} · "
            f"{escape(report['level'] or '')} · 核对 {len(checks) - len(failed)}/{len(checks)} 通过"
            + (f"，<b style='color:#b91c1c'>{len(failed)} 项未通过或未核对</b>" if failed else "")
            + (f" · 来源：{escape(report['source_url'])}" if report.get("source_url") else "")
            + (f" · 识别依据：{escape(found)}" if found else "") + "</p>"
            f"<details><summary>核对记录</summary><ul>{items}</ul></details>"
            + (f"<details><summary>解析提示</summary><ul>{warnings}</ul></details>" if warnings else ""))


def report_html(report: dict, text: str, sections: list[dict], cells: dict) -> str:
    """A whole report: its head with check results, then its sections; the sections holding the
    standard tables show them rendered."""
    formats = report.get("formats") or {}
    shown: set[str] = set()
    parts = [_report_head(report)]
    for section in sections:
        body = _text(text[_body_start(text, section):section["end"]].strip())
        table = ROLE_TABLES.get(section["role"])
        if table and any(k[0] == table for k in cells) and table not in shown:
            shown.add(table)
            body = (table_html(table, cells, formats.get(table, "2021"), failed=failed_cells(report["checks"], table))
                    + f"<details><summary>提取的原文</summary>{body}</details>")
        title = escape(heading(section["number"], section["title"]))
        parts.append(f'<details open><summary style="font-weight:bold;cursor:pointer">{title}'
                     f'</summary><div style="font-size:13px;line-height:1.6;margin:4px 0 12px">{body}</div></details>')
    for table in (PROACTIVE, APPLICATIONS, REVIEW):
        if table not in shown and any(k[0] == table for k in cells):
            parts.append(f"<h4>{escape(TABLE_LABELS[table])}</h4>"
                         + table_html(table, cells, formats.get(table, "2021"), failed=failed_cells(report["checks"], table)))
    if not sections:
        parts.append(f'<div style="font-size:13px;line-height:1.6">{_text(text)}</div>')
    return "".join(parts)
