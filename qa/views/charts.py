"""Bar charts for staff, as HTML: every value printed at its bar's end (2 beside 3,119 stays visible),
labels that wrap rather than cut (cells by their short names), and a logarithmic scale on request."""

from __future__ import annotations

import math
from html import escape

from index import format_value
from index.tables.schema import short_cell_name

_BAR = "#f97316"


def bar_label(figure, items: list) -> str:
    """The report, after the cell's short name when several cells are compared."""
    if len({f.cell for f in items}) == 1:
        return figure.report
    return f"{short_cell_name(figure.table, figure.row, figure.column)}｜{figure.report}"


def bars_html(items: list, log: bool = False) -> str:
    """One bar per value read, in the table's order; its width linear in the value (or in its
    logarithm), the value written beside it."""
    shown = [f for f in items if f.value is not None]
    if not shown:
        return "<p>没有可以画出的数值。</p>"
    top = max(float(f.value) for f in shown)

    def width(value: float) -> float:
        if top <= 0 or value <= 0:
            return 0.0
        # the longest bar takes 80% of the line: its value is written beside it, inside the box on a phone
        return 80 * (math.log10(value + 1) / math.log10(top + 1) if log else value / top)

    lines = []
    for f in shown:
        unit = f.unit if f.unit not in ("件", "") else ""
        lines.append(
            '<div style="margin:6px 0">'
            f'<div style="font-size:12px;line-height:1.3">{escape(bar_label(f, items))}</div>'
            '<div style="display:flex;align-items:center;gap:6px">'
            f'<div style="background:{_BAR};height:14px;width:{width(float(f.value)):.2f}%;'
            f'min-width:{2 if f.value > 0 else 0}px;flex:none"></div>'
            f'<span style="font-size:12px;white-space:nowrap">{escape(format_value(f.value))}{escape(unit)}</span>'
            "</div></div>")
    scale = "（对数刻度：长度按数值的对数）" if log else ""
    return f'<div style="max-width:100%">{"".join(lines)}<div style="font-size:11px;color:#666">{scale}</div></div>'
