"""The store: facts in SQLite or PostgreSQL (facts, sqlite, postgres), chunk vectors in Chroma (vectors),
and the embedders that make them (embed). `open_store` picks the facts backend from the settings."""

from __future__ import annotations

import os
from contextlib import contextmanager

from ..errors import UserError
from ..settings import Settings
from .embed import Embedder, make_embedder
from .facts import ACROSS_REPORTS, REBUILD, FactsStore, StoreVersionError
from .sqlite import SQLiteStore
from .vectors import VectorStore

BACKENDS = ("sqlite", "postgresql")


def backend(settings: Settings) -> str:
    """The facts backend the settings name: sqlite (no database URL) or postgresql; the error lists both."""
    url = settings.database_url
    if not url:
        return "sqlite"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql"
    raise UserError(f"unknown facts store {url.split(':', 1)[0]!r} in the database URL; valid: {', '.join(BACKENDS)}"
                    " (postgresql://user:password@host:port/database, or none for SQLite in the data directory)")


def location(settings: Settings) -> str:
    """Where the facts are, for messages (a URL without its password)."""
    if backend(settings) == "postgresql":
        from .postgres import redacted

        return redacted(settings.database_url)
    return str(settings.facts_db)


def open_store(settings: Settings) -> FactsStore:
    """A connection to the facts store the settings name."""
    if backend(settings) == "postgresql":
        from .postgres import PostgresStore

        return PostgresStore(settings.database_url, connect_timeout=settings.connect_timeout,
                             statement_timeout=settings.statement_timeout)
    return SQLiteStore(settings.facts_db)


def store_exists(settings: Settings) -> bool:
    """Whether a facts store may hold something (a server is asked when opened)."""
    return backend(settings) != "sqlite" or settings.facts_db.exists()


@contextmanager
def rebuilding(settings: Settings):
    """An empty store that replaces the current one only when the block completes: SQLite builds a new
    file and moves it into place; PostgreSQL empties and refills its tables in one transaction."""
    if backend(settings) == "postgresql":
        from .postgres import PostgresStore

        try:
            store = PostgresStore(settings.database_url, connect_timeout=settings.connect_timeout)
        except StoreVersionError:
            store = PostgresStore(settings.database_url, reset=True, connect_timeout=settings.connect_timeout)
        with store, store.transaction():
            store.lock(ACROSS_REPORTS)
            store.clear()
            yield store
        return
    target = settings.facts_db
    path = target.with_name(target.name + ".rebuild")
    path.unlink(missing_ok=True)
    with SQLiteStore(path) as store:
        yield store
    os.replace(path, target)


__all__ = ["ACROSS_REPORTS", "BACKENDS", "REBUILD", "Embedder", "FactsStore", "SQLiteStore", "StoreVersionError",
           "VectorStore", "backend", "location", "make_embedder", "open_store", "rebuilding", "store_exists"]
