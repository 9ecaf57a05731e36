"""Answering questions: retrieval over report text (and, later, exact lookups)."""

from .search import Hit, Searcher
from .tokens import tokenize

__all__ = ["Hit", "Searcher", "tokenize"]
