"""The aggregate executor: one cell over several reports (agencies, or one agency's years), each
report's cell cited and the result labelled as computed, with its working: a total, an average, each
one's share, or for two reports which is larger, by how much and how many times. The reports included
and those without the cell are named."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from index import format_value
from index.tables.schema import column_label, row_label

from ..retrieval.lookup import Cell
from ..understanding.lexicon import english_label
from ..understanding.understand import Ask, Query
from ..understanding.years import EVERY
from .common import fact_record, reports_of
from .compose import READINGS, Citations, cell_phrase
from .conflict import failed_identities
from .messages import joined, say
from .result import LOOKUP, Answer, Context

SUM, MEAN, SHARE, DIFF = "sum", "mean", "share", "diff"


def aggregate(ctx: Context, query: Query, how: str = "") -> Answer | None:
    """None when fewer than two reports have the cell (the figure executor then answers)."""
    how = how or query.combine or SUM
    lang = query.language
    agencies = query.agencies or sorted({r["agency"] for r in ctx.facts.reports.values()})
    reports, missing = _reports(ctx, replace(query, agencies=agencies))
    cites, parts, used = Citations(), [], []
    for ask in query.asks:
        values, lacking = [], []
        for report in reports:
            cell = next(iter(ctx.facts.lookup(report["id"], ask)), None)
            if cell is None:
                lacking.append(say("no_cell", lang, agency=report["agency"], year=report["year"]))
            elif failed_identities(cell):
                lacking.append(say("failed_cell", lang, report=_name(report, reports, lang),
                                   phrase=cell_phrase(cell, ctx.facts, cites, lang)))
            else:
                values.append(cell)
        if len(values) < 2:
            return None
        used += values
        parts.append(_combined(ctx, values, ask, how, cites, lang, reports) + _left_out(lacking, lang))
    text = (" " if lang == "en" else "").join(parts)
    if missing:
        text += say("not_available", lang, missing=joined(missing, lang))
    return Answer(query.text, text, LOOKUP, cites.items, [fact_record(ctx.facts, c) for c in used], query)


def _reports(ctx: Context, query: Query) -> tuple[list[dict], list[str]]:
    """Several agencies: one year's reports (the one named, else the newest any of them has); one agency:
    the years named, else every year."""
    if len(query.agencies) == 1 or [y for y in query.years if isinstance(y, int)]:
        return reports_of(ctx.facts, replace(query, years=query.years or [EVERY]))
    held = [r for r in ctx.facts.reports.values() if r["agency"] in query.agencies]
    newest = max((r["year"] for r in held), default=None)
    return reports_of(ctx.facts, replace(query, years=[newest] if newest else []))


def _name(report: dict, reports: list[dict], lang: str) -> str:
    """A report as one of several: its agency, or its year when all are one agency's."""
    if len({r["agency"] for r in reports}) == 1:
        return f"{report['year']}" if lang == "en" else f"{report['year']}年度"
    return report["agency"]


def _combined(ctx: Context, cells: list[Cell], ask: Ask, how: str, cites: Citations, lang: str,
              reports: list[dict]) -> str:
    en = lang == "en"
    first = cells[0]
    label = _label(first, lang)
    reading = READINGS.get(first.row) if ask.ambiguous else None
    if reading:
        label = say("read_as", lang, reading=reading[1 if en else 0], phrase=label)
    years = sorted({c.report["year"] for c in cells})
    one_agency = len({c.report["agency"] for c in cells}) == 1
    scope = (f"{first.report['agency']} " if one_agency else "") if en else (first.report["agency"] if one_agency else "")
    if not one_agency:
        scope = f"the {years[0]} reports" if en else f"{years[0]}年度各报告"
    entries = [f"{_name(c.report, reports, lang)} {cell_phrase(c, ctx.facts, cites, lang, with_row=False)}"
               if en else f"{_name(c.report, reports, lang)}{cell_phrase(c, ctx.facts, cites, lang, with_row=False)}"
               for c in cells]
    unit = first.unit
    total = sum(c.value for c in cells)
    shown = " + ".join(format_value(c.value) for c in cells)
    head = (f"{scope}, {label}: " if en else f"{scope}的“{label}”：") + joined(entries, lang)
    if how == DIFF:
        return head + _difference(cells, reports, unit, lang)
    if how == MEAN:
        mean = _round(total / len(cells), 1)
        eq = "=" if mean == total / len(cells) else "≈"
        per = ("per year" if one_agency else "per agency") if en else ("平均每年" if one_agency else "平均每个机关")
        if en:
            return (f"{head}. On average {format_value(mean)} {per} (computed: ({shown}) ÷ {len(cells)} {eq} "
                    f"{format_value(mean)}).")
        return f"{head}；{per}{format_value(mean)}{unit}（计算所得：({shown}) ÷ {len(cells)} {eq} {format_value(mean)}）。"
    if how == SHARE and total:
        shares = [f"{_name(c.report, reports, lang)} {format_value(_round(c.value / total * 100, 1))}%"
                  for c in cells]
        if en:
            return (f"{head}. Together {format_value(total)} (computed: {shown} = {format_value(total)}); "
                    f"each one's share of it (computed, each value ÷ {format_value(total)}, to one decimal): "
                    f"{', '.join(shares)}.")
        return (f"{head}；合计{format_value(total)}{unit}（计算所得：{shown} = {format_value(total)}），"
                f"各占合计的比例（计算所得，各值 ÷ {format_value(total)}，保留一位小数）：{'、'.join(shares)}。")
    if en:
        return f"{head}. In total {format_value(total)} (computed: {shown} = {format_value(total)})."
    return f"{head}；合计{format_value(total)}{unit}（计算所得：{shown} = {format_value(total)}）。"


def _difference(cells: list[Cell], reports: list[dict], unit: str, lang: str) -> str:
    """The larger and the smaller of the first two (or the largest and smallest of more), the difference
    and the ratio, with the working."""
    ordered = sorted(cells, key=lambda c: c.value, reverse=True)
    big, small = ordered[0], ordered[-1]
    a, b = (_name(c.report, reports, lang) for c in (big, small))
    d = big.value - small.value
    shown = f"{format_value(big.value)} − {format_value(small.value)} = {format_value(d)}"
    ratio = _round(big.value / small.value, 2) if small.value else None
    eq = "=" if ratio is not None and ratio == big.value / small.value else "≈"
    if lang == "en":
        if not d:
            return f". They are equal ({format_value(big.value)})."
        text = f". {a} has more: {format_value(d)} more than {b} (computed: {shown})"
        if ratio is not None:
            text += (f", {format_value(ratio)} times as many ({format_value(big.value)} ÷ {format_value(small.value)} "
                     f"{eq} {format_value(ratio)})")
        return text + "."
    if not d:
        return f"；两者相同，都是{format_value(big.value)}{unit}。"
    most = "最多" if len(cells) > 2 else "较多"
    least = "最少" if len(cells) > 2 else "较少"
    text = f"；{a}{most}，{b}{least}，{a}比{b}多{format_value(d)}{unit}（计算所得：{shown}）"
    if ratio is not None:
        text += f"，是{b}的{format_value(ratio)}倍（{format_value(big.value)} ÷ {format_value(small.value)} {eq} {format_value(ratio)}）"
    return text + "。"


def _label(cell: Cell, lang: str) -> str:
    row, col = row_label(cell.table, cell.row), column_label(cell.table, cell.row, cell.column)
    if lang == "en":
        return f"{english_label(cell.table, cell.row) or row} ({row}, {col})"
    return f"{row}（{col}）"


def _left_out(lacking: list[str], lang: str) -> str:
    return say("left_out", lang, which=joined(lacking, lang)) if lacking else ""


def _round(value: Decimal, places: int) -> Decimal:
    """A computed value to `places` decimals, an integer when it is one (2760 ÷ 4 = 690)."""
    if value == value.to_integral_value():
        return value.to_integral_value()
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def part_of(ctx: Context, query: Query) -> Answer | None:
    """A part's share of its whole in each report named (the smaller of two cells in the larger, or a
    column in its row's total), computed and labelled; None when a report lacks either cell."""
    lang, en = query.language, query.language == "en"
    agencies = query.agencies or (list(ctx.gazetteer.agencies) if len(ctx.gazetteer.agencies) == 1 else [])
    if not agencies:
        return None
    asks = list(query.asks)
    if len(asks) == 1:
        asks = [Ask(asks[0].table, asks[0].row), asks[0]]  # the row's total, and the column asked
    reports, missing = reports_of(ctx.facts, replace(query, agencies=agencies, years=query.years or [EVERY]))
    cites, sentences, used = Citations(), [], []
    for report in reports:
        cells = [next(iter(ctx.facts.lookup(report["id"], ask)), None) for ask in asks]
        if None in cells or any(failed_identities(c) for c in cells):
            return None
        part, whole = sorted(cells, key=lambda c: c.value)
        if not whole.value:
            return None
        share = _round(part.value / whole.value * 100, 1)
        shown = f"{format_value(part.value)} ÷ {format_value(whole.value)} ≈ {format_value(share)}%"
        used += [part, whole]
        first, second = (cell_phrase(c, ctx.facts, cites, lang) for c in (part, whole))
        if en:
            sentences.append(f"{_report_label(report, lang)}: {first}, which is {format_value(share)}% of {second} "
                             f"(computed: {shown}).")
        else:
            sentences.append(f"{_report_label(report, lang)}：{first}，占{second}的{format_value(share)}%"
                             f"（计算所得：{shown}）。")
    if not sentences:
        return None
    text = (" " if en else "").join(sentences)
    if missing:
        text += say("not_available", lang, missing=joined(missing, lang))
    return Answer(query.text, text, LOOKUP, cites.items, [fact_record(ctx.facts, c) for c in used], query)


def _report_label(report: dict, lang: str) -> str:
    from .compose import report_name

    return report_name(report, lang)
