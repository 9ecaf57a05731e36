"""What an executor returns: an answer in one of four modes, with its citations and the cells used."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..llm.assist import Assistant
from ..retrieval.lookup import Facts
from ..retrieval.search import Searcher
from ..understanding.gazetteer import Gazetteer
from ..understanding.understand import Query
from .compose import Citation

LOOKUP, RETRIEVAL, REFUSAL, CLARIFY = "lookup", "retrieval", "refusal", "clarify"


@dataclass
class Answer:
    question: str
    answer: str
    mode: str
    citations: list[Citation] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    query: Query | None = None

    def as_dict(self) -> dict:
        return {"question": self.question, "answer": self.answer, "mode": self.mode,
                "citations": [c.as_dict() for c in self.citations], "facts": self.facts}


class Context(Protocol):
    """What executors read: the facts, the searcher, the gazetteer and the optional LLM's assistant."""

    facts: Facts
    searcher: Searcher
    gazetteer: Gazetteer
    assistant: Assistant
