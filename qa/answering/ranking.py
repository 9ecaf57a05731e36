"""The ranking executors: agencies ordered by one cell (in one year's reports, or each agency's
newest), and one agency's years ordered by one cell (洪泽区哪一年新收的申请最多)."""

from __future__ import annotations

from dataclasses import replace

from index.tables.schema import column_label, row_label

from ..understanding.lexicon import english_label
from ..understanding.understand import Query
from ..understanding.years import EVERY
from .common import fact_record, reports_of
from .compose import Citations, availability, cell_phrase
from .messages import joined, say
from .result import LOOKUP, REFUSAL, Answer, Context


def ranking(ctx: Context, query: Query) -> Answer:
    lang, en = query.language, query.language == "en"
    ask = query.asks[0]  # a ranking orders one cell
    candidates = [r for r in ctx.facts.reports.values() if not query.agencies or r["agency"] in query.agencies]
    years = [y for y in query.years if isinstance(y, int)]
    values = [(c, r) for r in candidates for c in ctx.facts.lookup(r["id"], ask)[:1]]
    if not values:
        return Answer(query.text, say("no_such_figure", lang), REFUSAL, query=query)
    year = years[0] if years else max(r["year"] for _, r in values)
    ranked = [(c, r) for c, r in values if r["year"] == year]
    if query.every and not years:
        newest = {}
        for c, r in sorted(values, key=lambda cr: cr[1]["year"]):
            newest[r["agency"]] = (c, r)
        ranked, year = list(newest.values()), None
    left_out = sorted({r["agency"] for c, r in values if r["year"] != year} - {r["agency"] for _, r in ranked})
    if not ranked:
        return Answer(query.text, say("no_year_figure", lang, year=year, available=availability(ctx.facts, lang)),
                      REFUSAL, query=query)
    ranked.sort(key=lambda cr: cr[0].value, reverse=query.order != "min")
    cites = Citations()
    dated = year is None  # reports of several years: each entry names its year
    entries = [f"{i}. {c.report['agency']}" + ((f" ({r['year']})" if en else f"（{r['year']}年度）") if dated else "")
               + f" {cell_phrase(c, ctx.facts, cites, lang, with_row=False)}"
               for i, (c, r) in enumerate(ranked, start=1)]
    top = ranked[0][0]
    ties = [c.report["agency"] for c, _ in ranked if c.value == top.value]
    if en:
        label = (f"{english_label(top.table, top.row) or row_label(top.table, top.row)} "
                 f"({row_label(top.table, top.row)}, {column_label(top.table, top.row, top.column)})")
        word = "most" if query.order != "min" else "fewest"
        text = (f"In {'each agency’s newest report' if dated else f'the {year} reports'}, {' and '.join(ties)} "
                f"had the {word} {label}. Ranking: " + joined(entries, lang) + ".")
        if left_out:
            text += f" Not ranked (no {year} report): {', '.join(left_out)}."
    else:
        label = f"{row_label(top.table, top.row)}（{column_label(top.table, top.row, top.column)}）"
        word = "最多" if query.order != "min" else "最少"
        scope = "各机关最新一年度的报告中" if dated else f"{year}年度各报告中"
        text = f"{scope}，{label}{word}的是{'、'.join(ties)}。排序：" + joined(entries, lang) + "。"
        if left_out:
            text += f"未参与排序（没有{year}年度报告）：{'、'.join(left_out)}。"
    return Answer(query.text, text, LOOKUP, cites.items, [fact_record(ctx.facts, c) for c, _ in ranked], query)


def years_ranking(ctx: Context, query: Query) -> Answer:
    """One agency's years ordered by one cell."""
    lang, en = query.language, query.language == "en"
    ask = query.asks[0]
    reports, missing = reports_of(ctx.facts, replace(query, years=query.years or [EVERY]))
    ranked = [(c, r) for r in reports for c in ctx.facts.lookup(r["id"], ask)[:1]]
    if not ranked:
        text = (say("no_figure_missing", lang, missing=joined(missing, lang)) if missing else
                say("no_such_figure", lang))
        return Answer(query.text, text, REFUSAL, query=query)
    ranked.sort(key=lambda cr: (cr[0].value, cr[1]["year"]), reverse=query.order != "min")
    cites = Citations()
    agency = ranked[0][1]["agency"]
    entries = [(f"{i}. {r['year']}: " if en else f"{i}. {r['year']}年度 ")
               + cell_phrase(c, ctx.facts, cites, lang, with_row=False)
               for i, (c, r) in enumerate(ranked, start=1)]
    top = ranked[0][0]
    years = [str(r["year"]) for c, r in ranked if c.value == top.value]
    label = f"{row_label(top.table, top.row)}（{column_label(top.table, top.row, top.column)}）"
    if en:
        word = "most" if query.order != "min" else "fewest"
        text = (f"Of the years of {agency}'s reports, {' and '.join(years)} had the {word} {label}. "
                "By year: " + joined(entries, lang) + ".")
    else:
        word = "最多" if query.order != "min" else "最少"
        text = f"{agency}各年度报告中，{label}{word}的是{'、'.join(years)}年度。各年度：" + joined(entries, lang) + "。"
    if missing:
        text += say("not_available", lang, missing=joined(missing, lang))
    return Answer(query.text, text, LOOKUP, cites.items, [fact_record(ctx.facts, c) for c, _ in ranked], query)
