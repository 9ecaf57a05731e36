"""Answers that are not figures: the agency is not indexed, the name fits several agencies, or the
question qualifies a cell by something no table breaks down."""

from __future__ import annotations

from ..retrieval.lookup import row_label
from ..understanding.understand import Query
from .compose import availability
from .messages import say
from .result import CLARIFY, REFUSAL, Answer, Context


def unknown_agency(ctx: Context, query: Query) -> Answer:
    lang = query.language
    text = say("unknown_agency", lang, names="、".join(query.unknown), names_en=", ".join(query.unknown),
               available=availability(ctx.facts, lang))
    return Answer(query.text, text, REFUSAL, query=query)


def which(ctx: Context, query: Query) -> Answer:
    """A name that fits several indexed agencies (淮安: the city or its district?): ask back."""
    lang = query.language
    parts = [say("which_name", lang, name=name, agencies="、".join(agencies), agencies_en=" or ".join(agencies))
             for name, agencies in query.ambiguous]
    return Answer(query.text, ("; " if lang == "en" else "；").join(parts) + say("which_ask", lang), CLARIFY,
                  query=query)


def unexplained(ctx: Context, query: Query, words: tuple[str, ...]) -> Answer:
    """A refusal naming the words no table breaks down by, and the nearest row as a pointer."""
    ask = query.asks[0]
    text = say("unexplained", query.language, words="、".join(words), words_en=" ".join(words),
               label=row_label(ask.table, ask.row))
    return Answer(query.text, text, REFUSAL, query=query)
