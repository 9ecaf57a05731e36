"""The store: facts in SQLite (sqlite), chunk vectors in Chroma (vectors), and the embedders that make
them (embed)."""

from .embed import Embedder, make_embedder
from .sqlite import REBUILD, Store, StoreVersionError
from .vectors import VectorStore

__all__ = ["REBUILD", "Embedder", "Store", "StoreVersionError", "VectorStore", "make_embedder"]
