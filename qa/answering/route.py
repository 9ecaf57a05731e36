"""Routing: from an understood question to the executors that answer it, in order. Pure: it reads
the query and the reports' word weights, and touches no store.

A step that is not the last stands only when it answers (a quote, or a computed change);
otherwise the next step answers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from index.tables.schema import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    PROACTIVE_COLUMN_LABELS,
    PROACTIVE_ROWS,
    RESULT_GROUPS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)

from ..retrieval.extract import is_noun, query_tokens
from ..understanding.tokens import tokenize
from ..understanding.understand import CHANGE, LIST, RANKING, Query
from ..understanding.words import pattern

MIN_RESIDUE = 3.0  # idf-weighted words of two or more characters: one rare word or two common ones
_EXPLAIN = pattern("explain", "yesno", extra=r"([\u4e00-\u9fff])[没不]\1")


@dataclass(frozen=True)
class Step:
    executor: str  # a name in answer.EXECUTORS
    options: tuple[tuple[str, object], ...] = ()
    last: bool = True


def route(query: Query, idf: dict[str, float], max_idf: float) -> list[Step]:
    """The executors for a question, in order."""
    if query.unknown and not query.agencies:
        return [Step("unknown_agency")]
    if query.ambiguous and query.intent != RANKING:
        return [Step("which")]
    if query.intent == LIST:
        return [Step("reports")]
    if query.outside:
        return [Step("outside")]
    if query.summary:
        return [Step("summary")]
    if query.asks and query.combine == "share" and not _several_reports(query):
        # 办完的申请里全部公开的占多少: a part of its whole, computed; else the text may state the rate
        return [Step("part_of", last=False), Step("text", (("drop_asks", True),))]
    if query.asks and _several_reports(query) and (query.combine or (query.intent == RANKING
                                                                    and len(query.agencies) == 2)):
        # 一共, 平均每家, 各占多少, 哪个多、多多少: combined over the cited cells, with the working
        fallback = [Step("years_ranking" if _one_agency_years(query) else "ranking")] \
            if query.intent == RANKING else [Step("figure")]
        return [Step("aggregate", (("how", query.combine or "diff"),), last=False), *fallback]
    if query.intent == RANKING:
        return [Step("years_ranking" if _one_agency_years(query) else "ranking")]
    if query.intent == CHANGE:
        # computed from the two years' cells; without both reports the text may state the change
        return [Step("change", last=False), Step("text", (("drop_asks", True),))]
    steps = []
    if query.asks and not query.quantity and _EXPLAIN.search(query.text) and len(query.asks) < 2:
        # 那7件是什么情况, 收没收费: the text explains; a cell only counts. (Two cells asked about,
        # 上年结转和结转下年度对得上吗: their figures answer.)
        steps.append(Step("text", last=False))
    residue = residue_words(query)
    if not query.asks:
        if query.quantity and residue:
            # a how-many no cell phrase names: a sentence stating it, else the cells it may mean (never a quote
            # of something else, never a default cell)
            return steps + [Step("text", (("strict", True),), last=False), Step("which_cell", last=False), Step("text")]
        return steps + [Step("text")]
    # Words no cell explains (协助, 增长) mean the report's text may answer better than its tables;
    # here any word no report uses counts fully, verbs too (被退回).
    if sum(idf.get(t, max_idf) for t in residue if len(t) > 1) >= MIN_RESIDUE:
        # A qualifier no report uses (来自外省市申请人) is one no cell breaks down: the cell without it
        # would answer another question. (Chinese words only: an English word is in no report.)
        unknown = tuple(t for t in residue if len(t) > 1 and not t.isascii() and t not in idf and is_noun(t))
        if query.weak and not unknown:
            # a row guessed from 申请 or 答复 alone, or named as the scope of what is asked (办完的申请里), does
            # not stand against words it cannot explain (被驳回, 一点信息都没拿到)
            return steps + [Step("text", (("residue", None), ("strict", True)), last=False), Step("which_cell")]
        steps.append(Step("text", (("residue", tuple(residue)),), last=False))
        if unknown:
            return steps + [Step("unexplained", (("words", unknown),))]
    return steps + [Step("figure")]


def _several_reports(query: Query) -> bool:
    """Whether the question is about more than one report: agencies, years, or every agency."""
    years = [y for y in query.years if isinstance(y, int)]
    return (len(query.agencies) > 1 or len(years) > 1 or (query.every and not query.agencies)
            or (len(query.agencies) == 1 and any(isinstance(y, str) for y in query.years) and query.combine != ""))


def residue_words(query: Query) -> list[str]:
    """Words of the question that no agency, year or cell explains. Only words of the whole
    question count, so that masking 不掌握 out of 因本机关不掌握 does not invent the word 因本."""
    words = set(query.tokens)
    return [t for t in query_tokens(query.residue) if t in words and t not in template_words()]


def _one_agency_years(query: Query) -> bool:
    """A ranking of one agency's years (哪一年最多), not of agencies."""
    return len(query.agencies) == 1 and (len([y for y in query.years if isinstance(y, int)]) != 1)


@lru_cache(maxsize=1)
def template_words() -> frozenset[str]:
    """Words of the national template's row and column labels: a table explains them."""
    labels = [row.label for rows in APPLICATION_ROWS.values() for row in rows]
    labels += [*APPLICATION_COLUMNS.values(), *RESULT_GROUPS.values(), *REVIEW_GROUPS.values(), *REVIEW_COLUMNS.values(),
               *PROACTIVE_COLUMN_LABELS.values(), *(row.label for row in PROACTIVE_ROWS.values()), "情形 情况 其他"]
    return frozenset(tokenize(" ".join(labels)))
