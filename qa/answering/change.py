"""The change executor: a cell's change between two years, computed from the two cited cells and
labelled as computed, with its working."""

from __future__ import annotations

from decimal import Decimal

from index import format_value

from ..retrieval.lookup import Cell, Facts
from ..understanding.understand import Query
from .common import fact_record
from .compose import Citations, cell_phrase
from .result import LOOKUP, Answer, Context


def change(ctx: Context, query: Query) -> Answer | None:
    """None when a report or cell of either year is missing (the text may then state the change)."""
    agencies = query.agencies or (list(ctx.gazetteer.agencies) if len(ctx.gazetteer.agencies) == 1 else [])
    if not agencies:
        return None
    first, last = query.years
    cites, sentences, used = Citations(), [], []
    for agency in agencies:
        pair = [next((r for r in ctx.facts.reports.values() if r["agency"] == agency and r["year"] == y), None)
                for y in (first, last)]
        if None in pair:
            return None
        for ask in query.asks:
            before = {(c.row, c.column): c for c in ctx.facts.lookup(pair[0]["id"], ask)}
            after = {(c.row, c.column): c for c in ctx.facts.lookup(pair[1]["id"], ask)}
            for key in [k for k in after if k in before]:
                a, b = before[key], after[key]
                used += [a, b]
                sentences.append(change_phrase(agency, a, b, ctx.facts, cites, query.language))
    if not sentences:
        return None
    text = (" " if query.language == "en" else "").join(sentences)
    return Answer(query.text, text, LOOKUP, cites.items, [fact_record(ctx.facts, c) for c in used], query)


def change_phrase(agency: str, a: Cell, b: Cell, facts: Facts, cites: Citations, language: str) -> str:
    """'X：2024年度…21件[1]，2025年度…95件[2]；2025年度比2024年度增加74件（计算所得：95 − 21 = 74，增长352.4%）。'"""
    ya, yb = a.report["year"], b.report["year"]
    first = cell_phrase(a, facts, cites, language)
    second = cell_phrase(b, facts, cites, language, with_row=False)
    d = b.value - a.value
    shown = f"{format_value(b.value)} − {format_value(a.value)} = {format_value(d)}"
    pct = (d / a.value * 100).quantize(Decimal("0.1")) if a.value else None
    unit = b.unit
    if language == "en":
        way = "up" if d > 0 else "down" if d < 0 else "unchanged"
        rate = f", {abs(pct)}%" if pct is not None and d else ""
        return (f"{agency}: {ya}: {first}; {yb}: {second}. From {ya} to {yb} it went {way}"
                + (f" by {format_value(abs(d))}" if d else "") + f" (computed: {shown}{rate}).")
    way = "增加" if d > 0 else "减少" if d < 0 else "持平"
    rate = f"，{'增长' if d > 0 else '下降'}{abs(pct)}%" if pct is not None and d else ""
    amount = f"{format_value(abs(d))}{unit}" if d else ""
    return (f"{agency}：{ya}年度{first}，{yb}年度{second}；{yb}年度比{ya}年度{way}{amount}"
            f"（计算所得：{shown}{rate}）。")
