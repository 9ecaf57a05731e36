"""Answers that are not figures: the agency is not indexed, the name fits several agencies, the
question qualifies a cell by something no table breaks down, or it asks which reports there are."""

from __future__ import annotations

from index.tables.schema import row_label

from ..understanding.understand import Query
from .compose import availability
from .messages import say
from .result import CLARIFY, LOOKUP, REFUSAL, Answer, Context


def unknown_agency(ctx: Context, query: Query) -> Answer:
    """No report of the place or agency asked about: say so, naming the indexed agencies near it first
    (in its city, then its province, or under the place asked about)."""
    lang = query.language
    names = {"names": "、".join(query.unknown), "names_en": ", ".join(query.unknown)}
    if not query.nearby:
        return Answer(query.text, say("unknown_agency", lang, **names, available=availability(ctx.facts, lang)),
                      REFUSAL, query=query)
    others = sorted({r["agency"] for r in ctx.facts.reports.values()} - set(query.nearby))
    text = say("unknown_agency_near", lang, **names, near=availability(ctx.facts, lang, query.nearby, order=True),
               others=say("other_reports", lang, available=availability(ctx.facts, lang, others)) if others else "")
    return Answer(query.text, text, REFUSAL, query=query)


def reports(ctx: Context, query: Query) -> Answer:
    """Which reports there are: of the agencies named, or under the place named (山东省的报告), or all."""
    lang = query.language
    text = say("reports_list", lang, available=availability(ctx.facts, lang, query.agencies or None))
    return Answer(query.text, text, LOOKUP, query=query)


def which(ctx: Context, query: Query) -> Answer:
    """A name that fits several indexed agencies (淮安: the city or its district?): ask back."""
    lang = query.language
    parts = [say("which_name", lang, name=name, agencies="、".join(agencies), agencies_en=" or ".join(agencies))
             for name, agencies in query.ambiguous]
    # each reading a button that asks the question again with the agency's full name (one name only:
    # with two, the readings multiply and are better typed)
    options = [{"label": agency, "value": query.text.replace(name, agency, 1)}
               for name, agencies in query.ambiguous[:1] if len(query.ambiguous) == 1 and name in query.text
               for agency in agencies]
    return Answer(query.text, ("; " if lang == "en" else "；").join(parts) + say("which_ask", lang), CLARIFY,
                  query=query, options=options)


def unexplained(ctx: Context, query: Query, words: tuple[str, ...]) -> Answer:
    """A refusal naming the words no table breaks down by, and the nearest row as a pointer."""
    ask = query.asks[0]
    text = say("unexplained", query.language, words="、".join(words), words_en=" ".join(words),
               label=row_label(ask.table, ask.row))
    return Answer(query.text, text, REFUSAL, query=query)
