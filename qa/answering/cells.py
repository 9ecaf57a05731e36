"""The figure executor: the cells asked, for each report named (one year, a series, or several
agencies side by side), each cited; what is missing is said."""

from __future__ import annotations

from dataclasses import replace

from index.tables.schema import APPLICATIONS

from ..retrieval.lookup import Cell
from ..understanding.measures import PERSON, answers, asked, kind_of
from ..understanding.understand import Ask, Query
from ..understanding.years import EVERY
from .common import fact_record, reports_of, scope_note
from .compose import READINGS, Citations, availability, cell_phrase, report_name
from .messages import joined, say
from .result import CLARIFY, LOOKUP, REFUSAL, Answer, Context


def figure(ctx: Context, query: Query) -> Answer:
    lang = query.language
    if not query.agencies:
        if len(ctx.gazetteer.agencies) != 1:
            return Answer(query.text, say("which_agency", lang, available=availability(ctx.facts, lang)), CLARIFY,
                          query=query)
        query = replace(query, agencies=list(ctx.gazetteer.agencies))
    # no year named: every year the agency reported (both readings of an agency's two reports, not a guess)
    reports, missing = reports_of(ctx.facts, replace(query, years=query.years or [EVERY]))
    cites = Citations()
    sentences, used = [], []
    kind = asked(query.text)
    for report in reports:
        parts = []
        for ask in query.asks:
            # a count does not answer a question about days, people or money (平均答复天数)
            cells = [c for c in ctx.facts.lookup(report["id"], ask) if answers(kind, _kinds(c))]
            used.extend(cells)
            parts.extend(_phrases(ctx, cells, ask, cites, lang))
        if parts:
            name = report_name(report, lang)
            sentences.append(f"{name}: {joined(parts, lang)}." if lang == "en" else f"{name}：{joined(parts, lang)}。")
        else:
            missing.append(say("no_cell", lang, agency=report["agency"], year=report["year"]))
    if not sentences:
        return Answer(query.text, say("cannot_answer", lang, missing=joined(missing, lang)), REFUSAL, query=query)
    text = _lead(query) + (" " if lang == "en" else "").join(sentences) + scope_note(query, reports)
    if missing:
        text += say("not_available", lang, missing=joined(missing, lang))
    return Answer(query.text, text, LOOKUP, cites.items, [fact_record(ctx.facts, c) for c in used], query)


def _kinds(cell: Cell) -> set[str]:
    """What a cell counts: applications also count their applicants (去年有多少人申请)."""
    return {kind_of(cell.unit)} | ({PERSON} if cell.table == APPLICATIONS else set())


def _lead(query: Query) -> str:
    phrases = {a.ambiguous for a in query.asks if a.ambiguous}
    return say("two_readings", query.language, phrase="、".join(phrases)) if phrases else ""


def _phrases(ctx: Context, cells: list[Cell], ask: Ask, cites: Citations, language: str) -> list[str]:
    out = []
    for cell in cells:
        phrase = cell_phrase(cell, ctx.facts, cites, language)
        reading = READINGS.get(cell.row) if ask.ambiguous else None
        if reading:
            phrase = say("read_as", language, reading=reading[1 if language == "en" else 0], phrase=phrase)
        out.append(phrase)
    return out
