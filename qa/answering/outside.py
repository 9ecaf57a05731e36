"""The outside executor: a question annual reports cannot answer (how to apply, an opinion, who holds an
office, writing a letter for the asker) is told so plainly, with what the reports do hold; for how to
apply, a report's own sentence on its 政府信息公开指南 or application channels, when one names them, and
never an unrelated quote."""

from __future__ import annotations

import re

from ..understanding.understand import Query
from .compose import Citations, availability, report_name
from .messages import say
from .result import REFUSAL, Answer, Context

# A sentence on how to apply: the guide, or the channels an application may come by.
GUIDE_WORDS = ["政府信息公开指南", "依申请公开指南", "申请渠道", "受理渠道", "在线申请", "网上申请", "信函申请", "当面申请"]
_GUIDE = re.compile("|".join(GUIDE_WORDS))
_SENTENCE = re.compile(r"[^。！？\n]*(?:[。！？]|$)")


def outside(ctx: Context, query: Query) -> Answer:
    lang = query.language
    text = say(f"outside_{query.outside}", lang)
    cites = Citations()
    if query.outside == "procedure":
        found = guide_sentence(ctx, query.agencies)
        if found:
            chunk, sentence, start, end = found
            report = ctx.facts.reports[chunk["report_id"]]
            mark = cites.quote(chunk, sentence, start, end, report["title"])
            text += say("outside_guide", lang, report=report_name(report, lang), quote=sentence, mark=mark)
    text += say("outside_held", lang, available=availability(ctx.facts, lang, query.agencies or None))
    return Answer(query.text, text, REFUSAL, cites.items, query=query)


def guide_sentence(ctx: Context, agencies: list[str]) -> tuple[dict, str, int, int] | None:
    """The first sentence naming the guide or an application channel in the agencies' reports (newest
    first; every report's when none is named): (chunk, sentence, start, end)."""
    chunks = ctx.searcher.store.text_chunks_saying(GUIDE_WORDS, agencies or None)
    for chunk in chunks:
        for m in _SENTENCE.finditer(chunk["text"]):
            sentence = m.group(0).strip()
            if _GUIDE.search(sentence) and len(sentence) < 300:
                offset = chunk["start"] + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                return chunk, sentence, offset, offset + len(sentence)
    return None
