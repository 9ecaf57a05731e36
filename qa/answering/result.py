"""What an executor returns: an answer in one of four modes, with its citations and the cells used."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..llm.assist import Assistant
from ..retrieval.lookup import Facts
from ..retrieval.meaning import Meanings
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
    options: list[dict] = field(default_factory=list)  # a question back's choices: {label, value (a question)}

    def as_dict(self) -> dict:
        out = {"question": self.question, "answer": self.answer, "mode": self.mode,
               "citations": [c.as_dict() for c in self.citations], "facts": self.facts}
        return out | ({"options": self.options} if self.options else {})


class Context(Protocol):
    """What executors read: the facts, the searcher, the gazetteer and the optional LLM's assistant."""

    facts: Facts
    searcher: Searcher
    gazetteer: Gazetteer
    assistant: Assistant
    meanings: Meanings | None
