"""A how-many question that no cell explains: its cell by meaning when one clearly wins, else a
question back naming the nearest cells, each a button that asks for it. Never a default cell."""

from __future__ import annotations

from dataclasses import replace

from index.tables.schema import row_label

from ..retrieval.extract import is_noun
from ..understanding.understand import FIGURE, Ask, Query
from .messages import say
from .result import CLARIFY, REFUSAL, Answer, Context
from .route import residue_words

OPTIONS = 3
# How close (cosine) the nearest row must come for the question to be asked back about rows; below it the
# question speaks of something no table counts (staff, budgets), and the reports' refusal stands.
NEAR = 0.895


def which_cell(ctx: Context, query: Query) -> Answer | None:
    """None when no cell is near enough to ask about: the step before (the text's refusal) stands."""
    meanings = ctx.meanings
    ranked = meanings.rank(query.rest or query.text, k=OPTIONS) if meanings is not None else []
    if not ranked or ranked[0].score < NEAR:
        return None
    columns = next((a.columns for a in query.asks if a.columns), ())
    clear = meanings.clear(ranked) if meanings is not None else None
    if clear is not None:
        from .cells import figure

        asked = replace(query, asks=[Ask(clear.table, clear.row, columns)], intent=FIGURE, weak=False)
        answer = figure(ctx, asked)
        if answer.mode != CLARIFY:
            answer.answer = say("read_row_as", query.language, label=row_label(clear.table, clear.row)) + answer.answer
        return answer
    candidates = [(r.table, r.row) for r in ranked]
    lang = query.language
    # words no report uses at all (电子邮件, 网站改版): no cell holds it; say so, naming the nearest ones
    unknown = [t for t in residue_words(query) if len(t) > 1 and not t.isascii() and t not in ctx.searcher.idf
               and is_noun(t)]
    if unknown:
        names = "；".join(f"“{row_label(t, r)}”" for t, r in candidates)
        return Answer(query.text, say("no_such_cell", lang, words="、".join(unknown), words_en=" ".join(unknown),
                                      names=names), REFUSAL, query=query)
    who = "和".join(query.agencies)
    years = "、".join(f"{y}年" for y in query.years if isinstance(y, int))
    options = [{"label": row_label(t, r), "value": f"{who}{years}{row_label(t, r).replace(' · ', '中的')}有多少？"}
               for t, r in candidates]
    names = "；".join(f"“{o['label']}”" for o in options)
    return Answer(query.text, say("which_cell", lang, names=names), CLARIFY, query=query, options=options)
