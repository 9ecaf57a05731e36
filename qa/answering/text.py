"""The text executor: the sentences of the reports that answer a question, quoted with their
places (or written by the LLM from them, guarded); a refusal saying what was searched."""

from __future__ import annotations

import re
from dataclasses import replace

from ..retrieval.extract import (
    asking_tokens,
    aspect_of,
    best_quotes,
    content_tokens,
    coverage,
    question_parts,
    section_role,
    states_none,
    subjects_of,
    topic_roles,
    weight,
)
from ..understanding.measures import answers, asked, figure_kinds
from ..understanding.tokens import tokenize
from ..understanding.understand import Query, chinese_terms, glossed
from ..understanding.years import strip_years
from .common import reports_of
from .compose import Citations, availability, report_name
from .messages import joined, say
from .result import REFUSAL, RETRIEVAL, Answer, Context

# Share of a text question's (idf-weighted) words that the best chunk must contain;
# below it the reports are taken not to cover the question (calibrated in tests/test_answer.py).
MIN_COVERAGE = 0.5
# A figure question goes to the text instead when one quoted sentence covers this much of what no cell explains.
STRICT_COVERAGE = 0.75
# A question word this rare (or a noun in no report at all, 专职) names what the figure must be about.
RARE = 0.8


def text(ctx: Context, query: Query, residue: tuple[str, ...] | None = None, drop_asks: bool = False,
         strict: bool = False) -> Answer:
    """A text answer; given the words no cell explains (`residue`), only a quoted sentence with a
    figure that covers them. strict: a how-many's sentence must say most of the question itself."""
    if drop_asks:
        query = replace(query, asks=[])
    lang, en = query.language, query.language == "en"
    reports, missing = reports_of(ctx.facts, query) if query.agencies else ([], [])
    if query.agencies and not reports:
        return Answer(query.text, say("cannot_answer_text", lang, missing=joined(missing, lang)), REFUSAL,
                      query=query)
    years = [y for y in query.years if isinstance(y, int)]
    if not query.agencies and years and not any(r["year"] in years for r in ctx.facts.reports.values()):
        return Answer(query.text, say("no_year_text", lang, years="、".join(map(str, years)),
                                      years_en=", ".join(map(str, years)), available=availability(ctx.facts, lang)),
                      REFUSAL, query=query)
    # An English question is matched by the reports' Chinese words for it (qa/data/glossary.tsv).
    basis = chinese_terms(query.text) if en else query.rest or query.text
    every = query.tokens if not en and query.rest else tuple(tokenize(strip_years(basis)))
    tokens, asking = content_tokens(every), asking_tokens(every)
    # what a sentence must say: each content word, or for English each glossed phrase in any of its words
    groups = glossed(query.text) if en else [(t,) for t in tokens]
    # A question that asks two things (存在什么问题？打算怎么改？) gets a quote for each.
    parts = [] if en else question_parts(basis)
    part_tokens = {part: tuple(tokenize(strip_years(part))) for part in parts} if len(parts) > 1 else {}
    cites, found, chunks, pointers = Citations(), [], [], []
    kind = asked(query.text)
    for scope in [[r] for r in reports] or [None]:
        hits, best = _hits(ctx, query.rest or query.text, topic_roles(basis), scope, years, tokens)
        if best < MIN_COVERAGE:
            continue
        quotes = []
        if len(parts) > 1 and residue is None:
            for part, every_part in part_tokens.items():
                # each part is also searched alone: its answer may lie in chunks the whole question ranks low
                own, _ = _hits(ctx, part, topic_roles(basis), scope, years, content_tokens(every_part))
                ids = {h.chunk["id"] for h in own}
                pool = own + [h for h in hits if h.chunk["id"] not in ids]
                best_part = best_quotes(content_tokens(every_part), pool, ctx.searcher, query.quantity, limit=3,
                                        asking=asking_tokens(every_part), aspect=aspect_of(part))
                quotes += [q for q in best_part if all((q.start, q.end) != (o.start, o.end) for o in quotes)][:1]
        quotes = quotes or best_quotes(tokens, hits, ctx.searcher, query.quantity, asking=asking,
                                       aspect=aspect_of(basis) if len(parts) < 2 else "")
        if residue is not None:
            quotes = [q for q in quotes[:1] if re.search(r"\d", q.text)
                      and coverage(list(residue), q.text, ctx.searcher) >= STRICT_COVERAGE]
        if query.quantity and len(parts) < 2:
            # A how-many question is answered only by a sentence whose figure is of the kind asked, in a
            # passage that says what was asked, the sentence itself saying most of it (被拒绝 is not in
            # 新收到及上年结转1980件); else the nearest sentence is a pointer, not an answer.
            rare = [t for t in tokens if weight(t, ctx.searcher) >= RARE * ctx.searcher.max_idf]
            fit = [q for q in quotes if (answers(kind, figure_kinds(q.text)) or states_none(q.text))
                   and _says(ctx, q.hit.chunk, rare) and not _elsewhere(q.text, basis)
                   and _sentence_says(ctx, groups, _sentence(q)) >= (STRICT_COVERAGE if strict else MIN_COVERAGE)
                   # an English question whose words the glossary cannot turn to the reports' is not checked
                   and not (strict and query.unglossed)]
            pointers.extend(q for q in quotes[:1] if not fit)
            quotes = fit
        if not quotes:
            continue
        chunks.extend(h.chunk for h in hits[:4])
        report = ctx.facts.reports[quotes[0].hit.chunk["report_id"]]
        marks = [cites.quote(q.hit.chunk, q.text, q.start, q.end, report["title"]) for q in quotes]
        body = " ".join(f"“{q.text}”{m}" for q, m in zip(quotes, marks))
        found.append(say("according", lang, report=report_name(report, lang), body=body))
    if not found:
        if pointers:
            q = pointers[0]
            report = ctx.facts.reports[q.hit.chunk["report_id"]]
            mark = cites.quote(q.hit.chunk, q.text, q.start, q.end, report["title"])
            return Answer(query.text, say("pointer", lang, report=report_name(report, lang), quote=q.text, mark=mark),
                          REFUSAL, cites.items, query=query)
        searched = availability(ctx.facts, lang, query.agencies or None)
        return Answer(query.text, say("no_text", lang, searched=searched), REFUSAL, query=query)
    answer = "\n".join(found)
    titles = {rid: r["title"] for rid, r in ctx.facts.reports.items()}
    written = ctx.assistant.write(query, list({c["id"]: c for c in chunks}.values()), titles)
    if written is not None:
        answer, citations = written
        return Answer(query.text, answer, RETRIEVAL, citations, [], query)
    if missing:
        answer += say("text_not_available", lang, missing=joined(missing, lang))
    return Answer(query.text, answer, RETRIEVAL, cites.items, [], query)


def _hits(ctx: Context, question: str, roles: set[str], scope: list[dict] | None, years: list[int],
          tokens: list[str]) -> tuple[list, float]:
    """The chunks to quote for a question, and how much of it the best of them cover (whether the
    reports cover it at all: the top three hits and the topic section's, below).
    A question about a topic of the national template (problems, fees, the year's innovations,
    its platforms) is quoted from the section that reports it, when that section's hits cover the
    question as well as the best hits do (a report may tell it under a heading of its own)."""
    hits = ctx.searcher.search(question, k=20 if roles else 5, scope=False,
                               agencies=[scope[0]["agency"]] if scope else None,
                               year=scope[0]["year"] if scope else (years[0] if years else None))
    within = [h for h in hits if h.chunk["kind"] == "text" and section_role(h.chunk["section"]) in roles][:3]

    def covered(chosen: list) -> float:
        return max((coverage(tokens, h.chunk["section"] + h.chunk["text"], ctx.searcher) for h in chosen),
                   default=0.0)

    best_within, best_top = covered(within), covered(hits[:3])
    return (within if within and best_within >= best_top else hits)[:5], max(best_within, best_top)


def _sentence(quote) -> str:
    """The whole sentence a quoted clause stands in, with the one before it (其中…政策法规类信息308条 is
    said of the sentence before's 政府门户网站)."""
    text, offset = quote.hit.chunk["text"], quote.hit.chunk["start"]  # (a quote's span is in the report's text)
    start = max(text.rfind(end, 0, quote.start - offset) for end in "。！？\n") + 1
    if start > 1:  # and the sentence before it, which may name what it speaks of (其中…, 系统自…)
        start = max(text.rfind(end, 0, start - 1) for end in "。！？\n") + 1
    ends = [i for i in (text.find(end, quote.end - offset) for end in "。！？\n") if i >= 0]
    return text[start:min(ends, default=len(text))] or quote.text


def _sentence_says(ctx: Context, groups: list[tuple[str, ...]], sentence: str) -> float:
    """How much of a question's words one sentence says (idf-weighted, two characters or more, words the
    reports have), each group of alternatives said by any of its words; a compound (政府公报) is said when a
    word of the question inside it is (公报). 0 for a question with no such word."""
    # (a word no report has as a word, 历马 of 历马办微平台 cut by the tokenizer, is left to the passage's check)
    groups = [g for g in dict.fromkeys(tuple(w for w in g if len(w) > 1 and _indexed(ctx, w)) for g in groups) if g]
    words = {w for g in groups for w in g}
    said = {w for w in words if w in sentence or coverage([w], sentence, ctx.searcher) > 0}
    said |= {w for w in words if any(o != w and o in w and o in said for o in words)}
    weights = [max(_weight(ctx, w) for w in g) for g in groups]
    total = sum(weights)
    return sum(w for g, w in zip(groups, weights) if said & set(g)) / total if total else 0.0


def _elsewhere(sentence: str, question: str) -> bool:
    """Whether a sentence tells a figure of a subject the question does not name: the fees or the
    deputies' proposals of section 六 (满意率100% of 人大代表建议 is not an applicant's 满意率)."""
    return bool(subjects_of(sentence) - subjects_of(question))


def _indexed(ctx: Context, word: str) -> bool:
    """Whether reports have the word, or each of its parts, as words."""
    return word in ctx.searcher.idf or all(p in ctx.searcher.idf for p in tokenize(word) if p != word) \
        and len(tokenize(word)) > 1


def _weight(ctx: Context, word: str) -> float:
    """A word's weight, or for a word the reports never write as one token (信息公开 within 政府信息公开)
    its heaviest part's: no index word, it is not rare for that."""
    if word in ctx.searcher.idf:
        return weight(word, ctx.searcher)
    return max((weight(p, ctx.searcher) for p in tokenize(word) if p != word and p in ctx.searcher.idf),
               default=weight(word, ctx.searcher))


def _says(ctx: Context, chunk: dict, words: list[str]) -> bool:
    """Whether a passage says every one of the words, as a word or a synonym, or within its
    text (历马办 is written “历马办”微平台)."""
    passage = chunk["section"] + chunk["text"]
    plain = re.sub(r"[^\w]", "", passage)
    return all(t in plain or coverage([t], passage, ctx.searcher) for t in words)
