"""Answering a question: understand it, route it, and run its executors: exact lookups for table
cells, extractive (or LLM-written, guarded) answers for text, refusals when the reports do not
hold the answer."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace

from index import Settings, UserError, open_store

from ..llm.assist import Assistant
from ..llm.client import make_llm
from ..retrieval.lookup import Facts
from ..retrieval.meaning import Meanings
from ..retrieval.search import Searcher
from ..understanding.understand import COMPARISON, FIGURE, RANKING, Query, understand
from . import aggregate, cells, change, meaning, outside, ranking, refusal, summary, text
from .messages import say
from .result import CLARIFY, LOOKUP, REFUSAL, RETRIEVAL, Answer
from .route import route

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 500
EXECUTORS = {
    "figure": cells.figure, "ranking": ranking.ranking, "years_ranking": ranking.years_ranking,
    "change": change.change, "text": text.text, "unknown_agency": refusal.unknown_agency, "which": refusal.which,
    "unexplained": refusal.unexplained, "reports": refusal.reports, "which_cell": meaning.which_cell,
    "aggregate": aggregate.aggregate, "part_of": aggregate.part_of, "outside": outside.outside,
    "summary": summary.summary,
}

__all__ = ["CLARIFY", "LOOKUP", "REFUSAL", "RETRIEVAL", "Answer", "Answerer", "Conversation", "check_question"]


class Answerer:
    """Loads the facts, the gazetteer and the searcher once; ask() is then cheap. Another process's
    writes to the stores are seen within settings.reload_seconds plus one load (refresh)."""

    def __init__(self, settings: Settings, searcher: Searcher | None = None, llm="settings"):
        self.settings = settings
        self._meanings: Meanings | None = None
        self._embedding_meanings = threading.Lock()
        self._use(searcher or Searcher(settings))
        self.assistant = Assistant(make_llm(settings) if llm == "settings" else llm)
        self.gazetteer.find("这个机关")  # loads jieba's tagger now rather than on the first question
        self._checked = time.monotonic()
        self._reloading = threading.Lock()

    def _use(self, searcher: Searcher) -> None:
        facts = Facts(searcher.store)  # loaded before the switch, which is then three assignments
        self.searcher, self.facts, self.gazetteer = searcher, facts, searcher.gazetteer

    @property
    def meanings(self) -> Meanings | None:
        """The template's rows by meaning, embedded on first use (about 2 s); None without an embedder."""
        if self._meanings is None and self.searcher.embedder is not None:
            # One thread embeds; questions arriving meanwhile wait for it rather than each embedding again.
            with self._embedding_meanings:
                if self._meanings is None:
                    self._meanings = Meanings(self.searcher.embedder)
        return self._meanings

    def close(self) -> None:
        self.searcher.close()

    def refresh(self, wait: bool = False) -> bool:
        """If the stores changed since they were loaded (their generation), load them again and switch
        to them when loaded; questions meanwhile use what was loaded. Looks at most every
        settings.reload_seconds, in the background: a question never waits for the look (a store that
        is down would keep it for connect_timeout). wait=True looks now and returns True once reloaded."""
        now = time.monotonic()
        if not wait and now - self._checked < self.settings.reload_seconds:
            return False
        if not self._reloading.acquire(blocking=wait):
            return False  # another question is already looking or reloading
        self._checked = now
        if not wait:
            threading.Thread(target=self._look, daemon=True, name="reload").start()
            return False
        return self._look()

    def _look(self) -> bool:
        """Reload if the generation moved on; releases the reloading lock."""
        try:
            with open_store(self.settings) as store:
                changed = store.generation() != self.searcher.generation
        except UserError as error:  # the store is unreachable for now: answer from what was loaded
            log.warning("cannot look whether the stores changed: %s", error)
            changed = False
        if not changed:
            self._reloading.release()
            return False
        self._reload()
        return True

    def _reload(self) -> None:
        try:
            old = self.searcher
            self._use(Searcher(self.settings, embedder=old.embedder, reload=True))
            old.close()
        except Exception:
            log.exception("reloading the stores failed; answering from what was loaded")
        finally:
            self._checked = time.monotonic()
            self._reloading.release()

    def ask(self, question: str, previous: Query | None = None) -> Answer:
        """The answer; StoreUnavailable when a store's server is down or too slow for it."""
        self.refresh()
        query = self.understand(check_question(question), previous)
        searcher = self.searcher
        searcher.begin_question()
        answer = self._answer(query)
        if searcher.without_vectors() and answer.mode in (RETRIEVAL, REFUSAL):
            answer.answer += say("vectors_unavailable", query.language)
        return answer

    def _answer(self, query: Query) -> Answer:
        steps = route(query, self.searcher.idf, self.searcher.max_idf)
        held = None  # a step's refusal, which stands when no later step does better
        for step in steps:
            answer = EXECUTORS[step.executor](self, query, **dict(step.options))
            if answer is not None and (step.last or answer.mode in (RETRIEVAL, LOOKUP, CLARIFY)):
                return answer
            held = answer or held
        if held is not None:
            return held
        raise AssertionError(f"the steps {steps} gave no answer")  # route() ends with an executor that answers

    def understand(self, question: str, previous: Query | None = None) -> Query:
        """The rules' reading of a question; a how-many they map to no cell is offered to the LLM, if any."""
        query = understand(question, self.gazetteer, previous)
        if not query.asks and query.quantity and self.assistant.llm is not None:
            query = replace(query, asks=self.assistant.parse(question))
            if query.asks:
                query = replace(query, intent=RANKING if query.order else COMPARISON if len(query.agencies) > 1
                                else FIGURE)
        return query


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


def check_question(question: str) -> str:
    question = (question or "").strip()
    if not question:
        raise UserError("请输入问题。(The question is empty.)")
    if len(question) > MAX_QUESTION_CHARS:
        raise UserError(f"问题太长：{len(question)} 个字符，上限 {MAX_QUESTION_CHARS}。"
                        f"(The question has {len(question)} characters; the limit is {MAX_QUESTION_CHARS}.)")
    return question
