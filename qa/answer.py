"""Answering a question: exact lookups for table cells, extractive (or LLM-written,
guarded) answers for text, refusals when the reports do not hold the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from index import Settings, UserError, format_value, json_value
from index.tables.schema import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    APPLICATIONS,
    PROACTIVE_COLUMN_LABELS,
    PROACTIVE_ROWS,
    RESULT_GROUPS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)

from .assist import Assistant
from .compose import READINGS, Citations, availability, cell_phrase, report_name
from .extract import (
    asking_tokens,
    aspect_of,
    best_quotes,
    coverage,
    is_noun,
    query_tokens,
    question_parts,
    section_role,
    states_none,
    topic_roles,
    weight,
)
from .lexicon import english_label
from .llm import make_llm
from .lookup import Cell, Facts, column_label, row_label
from .measures import PERSON, answers, asked, figure_kinds, kind_of
from .search import Searcher
from .tokens import tokenize
from .understand import CHANGE, COMPARISON, FIGURE, RANKING, Ask, Query, chinese_terms, understand
from .years import EVERY, LATEST, PREVIOUS, RECENT, resolve, strip_years

LOOKUP, RETRIEVAL, REFUSAL, CLARIFY = "lookup", "retrieval", "refusal", "clarify"
MAX_QUESTION_CHARS = 500
# Share of a text question's (idf-weighted) words that the best chunk must contain;
# below it the reports are taken not to cover the question (calibrated in tests/test_answer.py).
MIN_COVERAGE = 0.5
# A figure question goes to the text instead when one quoted sentence covers this much of what no cell explains.
STRICT_COVERAGE = 0.75
# A question word this rare (or a noun in no report at all, 专职) names what the figure must be about.
RARE = 0.8
MIN_RESIDUE = 3.0  # idf-weighted words of two or more characters: one rare word or two common ones
_EXPLAIN = re.compile(r"什么情况|怎么回事|为什么|为何|原因|是什么|吗|是否|([\u4e00-\u9fff])[没不]\1|\bwhy\b|\bexplain|\breason",
                      re.IGNORECASE)


@dataclass
class Answer:
    question: str
    answer: str
    mode: str
    citations: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    query: Query | None = None

    def as_dict(self) -> dict:
        return {"question": self.question, "answer": self.answer, "mode": self.mode,
                "citations": self.citations, "facts": self.facts}


class Answerer:
    """Loads the facts, the gazetteer and the searcher once; ask() is then cheap."""

    def __init__(self, settings: Settings, searcher: Searcher | None = None, llm="settings"):
        self.searcher = searcher or Searcher(settings)
        self.facts = Facts(self.searcher.store)
        self.gazetteer = self.searcher.gazetteer
        self.assistant = Assistant(make_llm(settings) if llm == "settings" else llm)
        self.gazetteer.find("聊城")  # loads jieba's tagger now rather than on the first question

    def close(self) -> None:
        self.searcher.close()

    def ask(self, question: str, previous: Query | None = None) -> Answer:
        question = check_question(question)
        query = understand(question, self.gazetteer, previous)
        if not query.asks and query.quantity and self.assistant.llm is not None:
            query = replace(query, asks=self.assistant.parse(question))
            if query.asks:
                query = replace(query, intent=RANKING if query.order else COMPARISON if len(query.agencies) > 1
                                else FIGURE)
        en = query.language == "en"
        if query.unknown and not query.agencies:
            names = "、".join(query.unknown)
            text = (f"The indexed reports do not include {', '.join(query.unknown)}, so I cannot answer. "
                    f"Available: {availability(self.facts, 'en')}." if en else
                    f"现有报告中没有{names}的年度报告，无法回答。现有报告：{availability(self.facts, 'zh')}。")
            return Answer(question, text, REFUSAL, query=query)
        if query.ambiguous and query.intent != RANKING:
            return self._which(query)
        if query.intent == RANKING:
            return self._years_ranking(query) if _one_agency_years(query) else self._ranking(query)
        if query.intent == CHANGE:
            # computed from the two years' cells; without both reports the text may state the change
            return self._change(query) or self._retrieve(replace(query, asks=[]))
        if query.asks and not query.quantity and _EXPLAIN.search(question) and len(query.asks) < 2:
            # 那7件是什么情况, 收没收费: the text explains; a cell only counts. (Two cells asked about,
            # 上年结转和结转下年度对得上吗: their figures answer.)
            text = self._retrieve(query)
            if text.mode == RETRIEVAL:
                return text
        if query.asks:
            # Words no cell explains (协助, 增长) mean the report's text may answer better than its tables.
            residue = self._residue(query)
            # Here any word no report uses counts fully, verbs too (被退回).
            if sum(self.searcher.idf.get(t, self.searcher.max_idf) for t in residue if len(t) > 1) >= MIN_RESIDUE:
                # A row guessed from 申请 alone does not stand against words it cannot explain (被驳回).
                text = self._retrieve(query, residue=None if query.weak else residue)
                if text.mode == RETRIEVAL or query.weak:
                    return text
                # A qualifier no report uses (来自外省市申请人) is one no cell breaks down: the cell
                # without it would answer another question.
                # (Chinese words only: an English word is in no report whatever it means.)
                unknown = [t for t in residue if len(t) > 1 and not t.isascii() and t not in self.searcher.idf
                           and is_noun(t)]
                if unknown:
                    return self._unexplained(query, unknown)
            return self._lookup(query)
        return self._retrieve(query)

    def _unexplained(self, query: Query, words: list[str]) -> Answer:
        """A refusal naming the words no table breaks down by, and the nearest cell as a pointer."""
        ask = query.asks[0]
        label = row_label(ask.table, ask.row)
        if query.language == "en":
            text = (f"The reports' tables do not break figures down by \"{' '.join(words)}\", and their text says "
                    f"nothing about it. The nearest table row, which does not answer this, is {label}.")
        else:
            text = (f"报告的表格没有按“{'、'.join(words)}”区分的数字，正文也没有相关内容。"
                    f"最接近的表格行（并非答案）是“{label}”。")
        return Answer(query.text, text, REFUSAL, query=query)

    def _which(self, query: Query) -> Answer:
        """A name that fits several indexed agencies (淮安: the city or its district?): ask back."""
        en = query.language == "en"
        parts = [(f"\"{name}\" may mean {' or '.join(agencies)}" if en else
                  f"“{name}”可以指{'、'.join(agencies)}") for name, agencies in query.ambiguous]
        text = ("; ".join(parts) + ". Which one do you mean?" if en else "；".join(parts) + "。请问您指的是哪一个？")
        return Answer(query.text, text, CLARIFY, query=query)

    # -- reports ------------------------------------------------------------------------------
    def _reports(self, query: Query) -> tuple[list[dict], list[str]]:
        """The reports a question names (agency × year), and notes on what is missing."""
        out, missing = [], []
        en = query.language == "en"
        for agency in query.agencies:
            have = sorted(r["year"] for r in self.facts.reports.values() if r["agency"] == agency)
            for year in resolve(query.years, have):
                reports = [r for r in self.facts.reports.values() if r["agency"] == agency and r["year"] == year]
                if reports:
                    out.extend(reports)
                else:
                    have_text = ", ".join(map(str, have)) if en else "、".join(f"{y}年度" for y in have)
                    missing.append(f"{agency} has no {year} report (it has: {have_text})" if en else
                                   f"{agency}没有{year}年度的报告（现有：{have_text}）")
        for name in query.unknown:
            missing.append(f"no report of {name} is indexed" if en else f"现有报告中没有{name}的报告")
        return out, missing

    def _scope_note(self, query: Query, reports: list[dict]) -> str:
        en = query.language == "en"
        recent = next((y for y in query.years if isinstance(y, str) and y.startswith(RECENT)), None)
        if recent and reports:
            n = recent[len(RECENT):]
            years = "、".join(sorted({str(r["year"]) for r in reports}))
            return (f" (\"the last {n} years\" is taken as the {n} years up to the newest report: {years})" if en else
                    f"（“近{n}年”按截至该单位最新报告的{n}个年度理解，现有：{years}年度）")
        if any(y in (LATEST, PREVIOUS) for y in query.years) and reports:
            years = "、".join(sorted({str(r["year"]) for r in reports}))
            return (f" (\"{'last year' if LATEST in query.years else 'the year before last'}\" is taken as the "
                    f"newest report: {years})" if query.language == "en" else
                    f"（“{'去年/今年' if LATEST in query.years else '前年'}”按该单位最新报告理解，即{years}年度）")
        return ""

    # -- lookups ------------------------------------------------------------------------------
    def _lookup(self, query: Query) -> Answer:
        en = query.language == "en"
        if not query.agencies:
            if len(self.gazetteer.agencies) != 1:
                text = (f"Which agency do you mean? Available: {availability(self.facts, 'en')}." if en else
                        f"请问您想查询哪个单位？现有报告：{availability(self.facts, 'zh')}。")
                return Answer(query.text, text, CLARIFY, query=query)
            query = replace(query, agencies=list(self.gazetteer.agencies))
        reports, missing = self._reports(query)
        cites = Citations()
        sentences, used = [], []
        kind = asked(query.text)
        for report in reports:
            parts = []
            for ask in query.asks:
                # a count does not answer a question about days, people or money (平均答复天数)
                cells = [c for c in self.facts.lookup(report["id"], ask) if answers(kind, _kinds(c))]
                used.extend(cells)
                parts.extend(self._phrases(cells, ask, cites, query.language))
            if parts:
                sep = "; " if en else "；"
                sentences.append(f"{report_name(report, query.language)}: {sep.join(parts)}." if en else
                                 f"{report_name(report, query.language)}：{sep.join(parts)}。")
            else:
                missing.append(f"the {report['year']} report of {report['agency']} has no such cell" if en else
                               f"{report['agency']}{report['year']}年度报告中没有这一项")
        if not sentences:
            text = ("The reports cannot answer this: " + "; ".join(missing) + "." if en else
                    "报告中没有可以回答这个问题的数据：" + "；".join(missing) + "。")
            return Answer(query.text, text, REFUSAL, query=query)
        text = self._lead(query) + " ".join(sentences) if en else self._lead(query) + "".join(sentences)
        text += self._scope_note(query, reports)
        if missing:
            text += (" Not available: " + "; ".join(missing) + "." if en else "另：" + "；".join(missing) + "。")
        return Answer(query.text, text, LOOKUP, cites.items, [self._fact(c) for c in used], query)

    def _lead(self, query: Query) -> str:
        phrases = {a.ambiguous for a in query.asks if a.ambiguous}
        if not phrases:
            return ""
        phrase = "、".join(phrases)
        return (f"\"{phrase}\" can be read two ways, so both figures are given. " if query.language == "en" else
                f"“{phrase}”有两种理解，两种都给出：")

    def _phrases(self, cells: list[Cell], ask: Ask, cites: Citations, language: str) -> list[str]:
        out = []
        for cell in cells:
            phrase = cell_phrase(cell, self.facts, cites, language)
            reading = READINGS.get(cell.row) if ask.ambiguous else None
            if reading:
                phrase = (f"read as {reading[1]}, {phrase}" if language == "en" else f"按“{reading[0]}”理解，{phrase}")
            out.append(phrase)
        return out

    def _fact(self, cell: Cell) -> dict:
        return {"report_id": cell.report["id"], "agency": cell.report["agency"], "year": cell.report["year"],
                "table": cell.table, "row": cell.row, "column": cell.column, "value": json_value(cell.value),
                "unit": cell.unit, "derived": cell.derived, "computed": cell.computed,
                "check": "fail" if self.facts.flagged(cell) else "pass"}

    def _ranking(self, query: Query) -> Answer:
        en = query.language == "en"
        ask = query.asks[0]  # a ranking orders one cell
        candidates = [r for r in self.facts.reports.values() if not query.agencies or r["agency"] in query.agencies]
        years = [y for y in query.years if isinstance(y, int)]
        values = [(c, r) for r in candidates for c in self.facts.lookup(r["id"], ask)[:1]]
        if not values:
            return Answer(query.text, "The reports hold no such figure." if en else "报告中没有这项数据。", REFUSAL,
                          query=query)
        year = years[0] if years else max(r["year"] for _, r in values)
        ranked = [(c, r) for c, r in values if r["year"] == year]
        if query.every and not years:
            newest = {}
            for c, r in sorted(values, key=lambda cr: cr[1]["year"]):
                newest[r["agency"]] = (c, r)
            ranked, year = list(newest.values()), None
        left_out = sorted({r["agency"] for c, r in values if r["year"] != year} - {r["agency"] for _, r in ranked})
        if not ranked:
            text = (f"No report of {year} holds this figure. Available: {availability(self.facts, 'en')}." if en else
                    f"没有{year}年度的报告包含这项数据。现有报告：{availability(self.facts, 'zh')}。")
            return Answer(query.text, text, REFUSAL, query=query)
        ranked.sort(key=lambda cr: cr[0].value, reverse=query.order != "min")
        cites = Citations()
        dated = year is None  # reports of several years: each entry names its year
        entries = [f"{i}. {c.report['agency']}" + ((f" ({r['year']})" if en else f"（{r['year']}年度）") if dated else "")
                   + f" {cell_phrase(c, self.facts, cites, query.language, with_row=False)}"
                   for i, (c, r) in enumerate(ranked, start=1)]
        top = ranked[0][0]
        ties = [c.report["agency"] for c, _ in ranked if c.value == top.value]
        if en:
            label = (f"{english_label(top.table, top.row) or row_label(top.table, top.row)} "
                     f"({row_label(top.table, top.row)}, {column_label(top.table, top.row, top.column)})")
            word = "most" if query.order != "min" else "fewest"
            text = (f"In {'each agency’s newest report' if dated else f'the {year} reports'}, {' and '.join(ties)} "
                    f"had the {word} {label}. Ranking: " + "; ".join(entries) + ".")
            if left_out:
                text += f" Not ranked (no {year} report): {', '.join(left_out)}."
        else:
            label = f"{row_label(top.table, top.row)}（{column_label(top.table, top.row, top.column)}）"
            word = "最多" if query.order != "min" else "最少"
            scope = "各机关最新一年度的报告中" if dated else f"{year}年度各报告中"
            text = f"{scope}，{label}{word}的是{'、'.join(ties)}。排序：" + "；".join(entries) + "。"
            if left_out:
                text += f"未参与排序（没有{year}年度报告）：{'、'.join(left_out)}。"
        return Answer(query.text, text, LOOKUP, cites.items, [self._fact(c) for c, _ in ranked], query)

    def _years_ranking(self, query: Query) -> Answer:
        """One agency's years ordered by one cell (洪泽区哪一年新收的申请最多)."""
        en = query.language == "en"
        ask = query.asks[0]
        reports, missing = self._reports(replace(query, years=query.years or [EVERY]))
        ranked = [(c, r) for r in reports for c in self.facts.lookup(r["id"], ask)[:1]]
        if not ranked:
            text = ("The reports hold no such figure: " + "; ".join(missing) + "." if en else
                    "报告中没有这项数据" + ("：" + "；".join(missing) if missing else "") + "。")
            return Answer(query.text, text, REFUSAL, query=query)
        ranked.sort(key=lambda cr: (cr[0].value, cr[1]["year"]), reverse=query.order != "min")
        cites = Citations()
        agency = ranked[0][1]["agency"]
        entries = [(f"{i}. {r['year']}: " if en else f"{i}. {r['year']}年度 ")
                   + cell_phrase(c, self.facts, cites, query.language, with_row=False)
                   for i, (c, r) in enumerate(ranked, start=1)]
        top = ranked[0][0]
        years = [str(r["year"]) for c, r in ranked if c.value == top.value]
        label = f"{row_label(top.table, top.row)}（{column_label(top.table, top.row, top.column)}）"
        if en:
            word = "most" if query.order != "min" else "fewest"
            text = (f"Of the years of {agency}'s reports, {' and '.join(years)} had the {word} {label}. "
                    "By year: " + "; ".join(entries) + ".")
        else:
            word = "最多" if query.order != "min" else "最少"
            text = f"{agency}各年度报告中，{label}{word}的是{'、'.join(years)}年度。各年度：" + "；".join(entries) + "。"
        if missing:
            text += (" Not available: " + "; ".join(missing) + "." if en else "另：" + "；".join(missing) + "。")
        return Answer(query.text, text, LOOKUP, cites.items, [self._fact(c) for c, _ in ranked], query)

    def _change(self, query: Query) -> Answer | None:
        """The change of each cell asked between two years, computed from the two cited cells and
        labelled as computed; None when a report or cell of either year is missing."""
        en = query.language == "en"
        agencies = query.agencies or (list(self.gazetteer.agencies) if len(self.gazetteer.agencies) == 1 else [])
        if not agencies:
            return None
        first, last = query.years
        cites, sentences, used = Citations(), [], []
        for agency in agencies:
            pair = [next((r for r in self.facts.reports.values() if r["agency"] == agency and r["year"] == y), None)
                    for y in (first, last)]
            if None in pair:
                return None
            for ask in query.asks:
                before = {(c.row, c.column): c for c in self.facts.lookup(pair[0]["id"], ask)}
                after = {(c.row, c.column): c for c in self.facts.lookup(pair[1]["id"], ask)}
                for key in [k for k in after if k in before]:
                    a, b = before[key], after[key]
                    used += [a, b]
                    sentences.append(change_phrase(agency, a, b, self.facts, cites, query.language))
        if not sentences:
            return None
        text = " ".join(sentences) if en else "".join(sentences)
        return Answer(query.text, text, LOOKUP, cites.items, [self._fact(c) for c in used], query)

    def _hits(self, text: str, roles: set[str], scope: list[dict] | None, years: list[int],
              tokens: list[str]) -> tuple[list, float]:
        """The chunks to quote for a question, and how much of it the best of them cover (whether the
        reports cover it at all: the top three hits and the topic section's, below).
        A question about a topic of the national template (problems, fees, the year's innovations,
        its platforms) is quoted from the section that reports it, when that section's hits cover the
        question as well as the best hits do (a report may tell it under a heading of its own)."""
        hits = self.searcher.search(text, k=20 if roles else 5, scope=False,
                                    agencies=[scope[0]["agency"]] if scope else None,
                                    year=scope[0]["year"] if scope else (years[0] if years else None))
        within = [h for h in hits if h.chunk["kind"] == "text" and section_role(h.chunk["section"]) in roles][:3]

        def covered(chosen: list) -> float:
            return max((coverage(tokens, h.chunk["section"] + h.chunk["text"], self.searcher) for h in chosen),
                       default=0.0)

        best_within, best_top = covered(within), covered(hits[:3])
        return (within if within and best_within >= best_top else hits)[:5], max(best_within, best_top)

    def _says(self, chunk: dict, words: list[str]) -> bool:
        """Whether a passage says every one of the words, as a word or a synonym, or within its
        text (历马办 is written “历马办”微平台)."""
        text = chunk["section"] + chunk["text"]
        plain = re.sub(r"[^\w]", "", text)
        return all(t in plain or coverage([t], text, self.searcher) for t in words)

    def _residue(self, query: Query) -> list[str]:
        """Words of the question that no agency, year or cell explains. Only words of the whole
        question count, so that masking 不掌握 out of 因本机关不掌握 does not invent the word 因本."""
        words = set(tokenize(query.rest))
        return [t for t in query_tokens(query.residue) if t in words and t not in template_words()]

    # -- text ---------------------------------------------------------------------------------
    def _retrieve(self, query: Query, residue: list[str] | None = None) -> Answer:
        """A text answer; given the words no cell explains (`residue`), only a quoted sentence
        with a figure that covers them."""
        en = query.language == "en"
        reports, missing = self._reports(query) if query.agencies else ([], [])
        if query.agencies and not reports:
            text = ("The reports cannot answer this: " + "; ".join(missing) + "." if en else
                    "无法回答：" + "；".join(missing) + "。")
            return Answer(query.text, text, REFUSAL, query=query)
        years = [y for y in query.years if isinstance(y, int)]
        if not query.agencies and years and not any(r["year"] in years for r in self.facts.reports.values()):
            text = (f"No indexed report covers {', '.join(map(str, years))}. Available: "
                    f"{availability(self.facts, 'en')}." if en else
                    f"没有{'、'.join(map(str, years))}年度的报告。现有报告：{availability(self.facts, 'zh')}。")
            return Answer(query.text, text, REFUSAL, query=query)
        # An English question is matched by the reports' Chinese words for it (qa/data/glossary.tsv).
        basis = chinese_terms(query.text) if en else query.rest or query.text
        tokens = query_tokens(strip_years(basis))
        asking = asking_tokens(strip_years(basis))
        # A question that asks two things (存在什么问题？打算怎么改？) gets a quote for each.
        parts = [] if en else question_parts(basis)
        scopes = [[r] for r in reports] or [None]
        cites, parts_text, chunks, pointers = Citations(), [], [], []
        kind = asked(query.text)
        for scope in scopes:
            hits, best = self._hits(query.rest or query.text, topic_roles(basis), scope, years, tokens)
            if best < MIN_COVERAGE:
                continue
            quotes = []
            if len(parts) > 1 and residue is None:
                for part in parts:
                    # each part is also searched alone: its answer may lie in chunks the whole question ranks low
                    own, _ = self._hits(part, topic_roles(basis), scope, years, query_tokens(strip_years(part)))
                    ids = {h.chunk["id"] for h in own}
                    pool = own + [h for h in hits if h.chunk["id"] not in ids]
                    found = best_quotes(query_tokens(strip_years(part)), pool, self.searcher, query.quantity, limit=3,
                                        asking=asking_tokens(strip_years(part)), aspect=aspect_of(part))
                    quotes += [q for q in found if all((q.start, q.end) != (o.start, o.end) for o in quotes)][:1]
            quotes = quotes or best_quotes(tokens, hits, self.searcher, query.quantity, asking=asking,
                                           aspect=aspect_of(basis) if len(parts) < 2 else "")
            if residue is not None:
                quotes = [q for q in quotes[:1] if re.search(r"\d", q.text)
                          and coverage(residue, q.text, self.searcher) >= STRICT_COVERAGE]
            if query.quantity and len(parts) < 2:
                # A how-many question is answered only by a sentence whose figure is of the kind asked,
                # in a passage that says what was asked; else the nearest sentence is a pointer, not an answer.
                rare = [t for t in tokens if weight(t, self.searcher) >= RARE * self.searcher.max_idf]
                fit = [q for q in quotes if (answers(kind, figure_kinds(q.text)) or states_none(q.text))
                       and self._says(q.hit.chunk, rare)]
                pointers.extend(q for q in quotes[:1] if not fit)
                quotes = fit
            if not quotes:
                continue
            chunks.extend(h.chunk for h in hits[:4])
            report = self.facts.reports[quotes[0].hit.chunk["report_id"]]
            marks = [cites.quote(q.hit.chunk, q.text, q.start, q.end, report["title"]) for q in quotes]
            body = " ".join(f"“{q.text}”{m}" for q, m in zip(quotes, marks))
            parts_text.append(f"According to {report_name(report, 'en')}: {body}" if en else
                              f"据{report_name(report, 'zh')}：{body}")
        if not parts_text:
            where = availability(self.facts, query.language, query.agencies or None)
            if pointers:
                q = pointers[0]
                report = self.facts.reports[q.hit.chunk["report_id"]]
                mark = cites.quote(q.hit.chunk, q.text, q.start, q.end, report["title"])
                text = (f"The reports give no figure that answers this. The nearest passage, which does not answer "
                        f"it, is in {report_name(report, 'en')}: “{q.text}”{mark}" if en else
                        f"报告中没有回答这个问题的数字。最接近的内容（并非答案，仅供查阅）见{report_name(report, 'zh')}："
                        f"“{q.text}”{mark}")
                return Answer(query.text, text, REFUSAL, cites.items, query=query)
            text = (f"The reports do not say anything about this. Searched: {where}." if en else
                    f"报告中没有找到与这个问题相关的内容。已查：{where}。")
            return Answer(query.text, text, REFUSAL, query=query)
        text = "\n".join(parts_text)
        titles = {rid: r["title"] for rid, r in self.facts.reports.items()}
        written = self.assistant.write(query, list({c["id"]: c for c in chunks}.values()), titles)
        if written is not None:
            text, citations = written
            return Answer(query.text, text, RETRIEVAL, citations, [], query)
        if missing:
            text += ("\nNot available: " + "; ".join(missing) if en else "\n另：" + "；".join(missing) + "。")
        return Answer(query.text, text, RETRIEVAL, cites.items, [], query)


def _kinds(cell: Cell) -> set[str]:
    """What a cell counts: applications also count their applicants (去年有多少人申请)."""
    return {kind_of(cell.unit)} | ({PERSON} if cell.table == APPLICATIONS else set())


def _one_agency_years(query: Query) -> bool:
    """A ranking of one agency's years (哪一年最多), not of agencies."""
    return len(query.agencies) == 1 and (len([y for y in query.years if isinstance(y, int)]) != 1)


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


class Conversation:
    """A chat: follow-up questions reuse the previous question's agencies, years and cells."""

    def __init__(self, answerer: Answerer, previous: Query | None = None):
        self.answerer = answerer
        self.previous = previous

    def ask(self, question: str) -> Answer:
        answer = self.answerer.ask(question, self.previous)
        if answer.query is not None and answer.mode != CLARIFY:
            self.previous = answer.query
        elif answer.query is not None and answer.query.ambiguous:
            # the reply names the agency meant (淮安市人民政府): the question stands, its agency is open
            self.previous = replace(answer.query, agencies=[], ambiguous=[])
        return answer

    def clear(self) -> None:
        self.previous = None


@lru_cache(maxsize=1)
def template_words() -> frozenset[str]:
    """Words of the national template's row and column labels: a table explains them."""
    labels = [row.label for rows in APPLICATION_ROWS.values() for row in rows]
    labels += [*APPLICATION_COLUMNS.values(), *RESULT_GROUPS.values(), *REVIEW_GROUPS.values(), *REVIEW_COLUMNS.values(),
               *PROACTIVE_COLUMN_LABELS.values(), *(row.label for row in PROACTIVE_ROWS.values()), "情形 情况 其他"]
    return frozenset(tokenize(" ".join(labels)))


def check_question(question: str) -> str:
    question = (question or "").strip()
    if not question:
        raise UserError("请输入问题。(The question is empty.)")
    if len(question) > MAX_QUESTION_CHARS:
        raise UserError(f"问题太长：{len(question)} 个字符，上限 {MAX_QUESTION_CHARS}。"
                        f"(The question has {len(question)} characters; the limit is {MAX_QUESTION_CHARS}.)")
    return question

