"""Finding the evidence: cells in the facts store (lookup), chunks by hybrid search, and the
sentences of the chunks that answer (extract)."""

from .lookup import Cell, Facts
from .search import Hit, Searcher

__all__ = ["Cell", "Facts", "Hit", "Searcher"]
