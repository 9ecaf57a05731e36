"""The summary executor (总结一下…工作, summarize the report): extractive, from the report's own account,
the lead sentence of each numbered point of 一、总体情况, and the year's key table figures (新收, 办结,
结转, 行政复议, 行政诉讼), all cited. With an LLM, a fluent summary written from exactly those sentences
and figures, kept only when it passes the number guard."""

from __future__ import annotations

import re
from dataclasses import replace

from index.tables.schema import APPLICATIONS, REVIEW

from ..understanding.understand import Ask, Query
from ..understanding.years import LATEST
from .common import fact_record, reports_of, scope_note
from .compose import Citations, availability, cell_phrase, report_name
from .messages import joined, say
from .result import CLARIFY, LOOKUP, REFUSAL, Answer, Context

KEY_FIGURES = (Ask(APPLICATIONS, "new_received"), Ask(APPLICATIONS, "processed_total"),
               Ask(APPLICATIONS, "carried_forward"), Ask(REVIEW, "review"), Ask(REVIEW, "suit"))
MAX_REPORTS = 3  # a summary of more reports is a wall of text: the first three, and a note
# A numbered point of 总体情况: (一)主动公开。…, ### （二）依申请公开情况
_POINT = re.compile(r"^[#\s]*[（(]([一二三四五六七八九十]{1,2})[)）]\s*(.*)$")
_SENTENCE = re.compile(r"[^。！？]*[。！？]")


def summary(ctx: Context, query: Query) -> Answer:
    lang = query.language
    agencies = query.agencies or (list(ctx.gazetteer.agencies) if len(ctx.gazetteer.agencies) == 1 else [])
    if not agencies:
        return Answer(query.text, say("which_agency", lang, available=availability(ctx.facts, lang)), CLARIFY,
                      query=query)
    reports, missing = reports_of(ctx.facts, replace(query, agencies=agencies, years=query.years or [LATEST]))
    if not reports:
        return Answer(query.text, say("cannot_answer", lang, missing=joined(missing, lang)), REFUSAL, query=query)
    cites, parts, used = Citations(), [], []
    for report in reports[:MAX_REPORTS]:
        points = [f"“{text}”{cites.quote(chunk, text, start, end, report['title'])}"
                  for chunk, text, start, end in lead_sentences(ctx, report)]
        cells = [c for ask in KEY_FIGURES for c in ctx.facts.lookup(report["id"], ask)[:1]]
        used += cells
        figures = joined([cell_phrase(c, ctx.facts, cites, lang) for c in cells], lang)
        parts.append(say("summary", lang, report=report_name(report, lang),
                         points="\n".join(f"- {p}" for p in points) or say("summary_no_points", lang),
                         figures=figures or say("summary_no_figures", lang)))
    text = "\n\n".join(parts) + scope_note(query, reports)
    if len(reports) > MAX_REPORTS:
        text += say("summary_more", lang, n=len(reports) - MAX_REPORTS)
    if missing:
        text += say("not_available", lang, missing=joined(missing, lang))
    written = ctx.assistant.summarize(query, text, cites.items)
    return Answer(query.text, written or text, LOOKUP, cites.items, [fact_record(ctx.facts, c) for c in used], query)


def lead_sentences(ctx: Context, report: dict) -> list[tuple[dict, str, int, int]]:
    """(chunk-like source, sentence, start, end) of the first sentence of each numbered point of the
    report's 总体情况, in order; the sentence with its wrapped lines joined."""
    overview = next((s for s in ctx.facts.sections.get(report["id"], []) if s["role"] == "overview"), None)
    if overview is None:
        return []
    text = ctx.searcher.store.text(report["id"])
    source = {"report_id": report["id"], "agency": report["agency"], "year": report["year"],
              "section": f"一、{overview['title']}"}
    out, pos = [], overview["start"]
    lines = text[overview["start"]:overview["end"]].splitlines(keepends=True)
    for i, line in enumerate(lines):
        m = _POINT.match(line)
        if m:
            # a heading line of its own (### （一）主动公开情况), or the point's title and its text on one line
            own_line = not re.search(r"[。！？]", m.group(2))
            body = "".join(lines[i + 1:]) if own_line else line[m.start(2):] + "".join(lines[i + 1:])
            found = _first_sentence(body, title=not own_line)
            if found:
                raw, sentence = found
                at = text.find(raw, pos + (len(line) if own_line else m.start(2)))
                if at >= 0:
                    out.append((source, sentence, at, at + len(raw)))
        pos += len(line)
    return out


def _first_sentence(body: str, title: bool) -> tuple[str, str] | None:
    """The point's first sentence (raw, and joined): after a short title ending in 。 (主动公开。), the
    sentence that follows it."""
    found = [m.group(0).lstrip() for m in _SENTENCE.finditer(body)][:2]
    if not found:
        return None
    joined_ = [re.sub(r"\s*\n\s*", "", s).strip().lstrip("#").strip() for s in found]
    if title and len(joined_[0]) <= 12 and len(found) > 1:  # (一)主动公开。 is the point's title
        return found[1], joined_[1]
    return found[0], joined_[0]
