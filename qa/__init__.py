"""Answering questions: exact lookups in the facts store, retrieval over report text,
refusals, and an optional guarded LLM."""

from .answering.answer import Answer, Answerer, Conversation, check_question
from .llm.client import LLM, LLMError, make_llm
from .retrieval.search import Hit, Searcher
from .understanding.gazetteer import Gazetteer
from .understanding.tokens import tokenize
from .understanding.understand import Ask, Query, understand

__all__ = [
    "LLM", "Answer", "Answerer", "Ask", "Conversation", "Gazetteer", "Hit", "LLMError", "Query", "Searcher",
    "check_question", "make_llm", "tokenize", "understand",
]
