"""Answering questions: exact lookups in the facts store, retrieval over report text,
refusals, and an optional guarded LLM."""

from .answer import Answer, Answerer, Conversation, check_question
from .gazetteer import Gazetteer
from .llm import LLM, LLMError, make_llm
from .search import Hit, Searcher
from .tokens import tokenize
from .understand import Ask, Query, understand

__all__ = [
    "LLM", "Answer", "Answerer", "Ask", "Conversation", "Gazetteer", "Hit", "LLMError", "Query", "Searcher",
    "check_question", "make_llm", "tokenize", "understand",
]
