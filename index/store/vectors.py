"""The vector store: Chroma, embedded on disk by default or a server when a host is set.

Embeddings are always passed in; Chroma is never given bare documents (it
would download an ONNX model to embed them).
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import numpy as np

from ..errors import StoreUnavailable, UserError
from ..settings import Settings

REBUILD = "python -m index build --rebuild"


def collection_name(embedder_name: str, dim: int) -> str:
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", embedder_name).strip("-").lower()
    return f"chunks-{slug}-{dim}"[:60].strip("-")


class VectorStore:
    """One Chroma collection per embedder; ids are chunk ids, metadata carries the filters."""

    def __init__(self, settings: Settings, embedder_name: str, dim: int, reopen: bool = False):
        """reopen: read an embedded store from disk again, for another process may have written it
        (Chroma otherwise shares one in-memory instance per path within a process)."""
        self._connect(settings, reopen)
        with self._guard():
            self.collection = self.client.get_or_create_collection(
                collection_name(embedder_name, dim), metadata={"hnsw:space": "cosine"}, embedding_function=None)

    def _connect(self, settings: Settings, reopen: bool) -> None:
        import chromadb
        from chromadb.api.client import SharedSystemClient

        self.where = settings.chroma_host or str(settings.chroma_dir)
        self.server = bool(settings.chroma_host)
        with self._guard():
            chroma_settings = chromadb.Settings(anonymized_telemetry=False)
            if settings.chroma_host:
                host, _, port = settings.chroma_host.partition(":")
                _heartbeat(host, int(port or 8000), settings)
                self.client = chromadb.HttpClient(host=host, port=int(port or 8000), settings=chroma_settings)
                _bound(self.client, settings)
            else:
                if reopen:
                    SharedSystemClient.clear_system_cache()
                settings.chroma_dir.mkdir(parents=True, exist_ok=True)
                self.client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)

    @classmethod
    def stored(cls, settings: Settings, embedder_name: str) -> int:
        """How many vectors the embedder's collections hold (whatever their dimension), creating none;
        StoreUnavailable when the server cannot be reached."""
        store = cls.__new__(cls)
        store._connect(settings, reopen=False)
        prefix = collection_name(embedder_name, 0)[:-1]  # chunks-<embedder>-
        with store._guard():
            return sum(c.count() for c in store.client.list_collections() if c.name.startswith(prefix))

    def _error(self, exc: Exception) -> UserError:
        if self.server and _unreachable(exc):
            return StoreUnavailable("vectors", self.where, exc)
        return UserError(f"the vector store at {self.where} is unusable ({type(exc).__name__}: {exc}); "
                         f"rebuild it with: {REBUILD}")

    @contextmanager
    def _guard(self):
        """A server that cannot be reached becomes StoreUnavailable; any other Chroma failure the
        user-facing error naming the rebuild command."""
        try:
            yield
        except Exception as exc:  # chromadb raises its own error types, ValueError and OSError
            raise self._error(exc) from exc

    def add(self, ids: list[str], vectors: np.ndarray, metadatas: list[dict]) -> None:
        with self._guard():
            for i in range(0, len(ids), 1000):
                self.collection.upsert(ids=ids[i:i + 1000], embeddings=vectors[i:i + 1000].tolist(),
                                       metadatas=metadatas[i:i + 1000])

    def delete_report(self, report_id: str) -> None:
        with self._guard():
            self.collection.delete(where={"report_id": report_id})

    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks that pass the filter."""
        with self._guard():
            result = self.collection.query(query_embeddings=[vector.tolist()], n_results=k, where=where or None,
                                           include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(result["ids"][0], result["distances"][0])]

    def count(self) -> int:
        with self._guard():
            return self.collection.count()


def _timeout(settings: Settings):
    import httpx

    return httpx.Timeout(settings.statement_timeout, connect=settings.connect_timeout)


def _bound(client, settings: Settings) -> None:
    """A request to the server gives up after the settings' timeouts (chromadb waits forever by default);
    its HTTP session is not public, so a chromadb without one keeps its default."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = _timeout(settings)


def _heartbeat(host: str, port: int, settings: Settings) -> None:
    """Within the timeouts, whether the server answers at all: chromadb's client makes its first requests
    while it is constructed, before a timeout can be set, and would wait forever on a stalled server."""
    import httpx

    httpx.get(f"http://{host}:{port}/api/v2/heartbeat", timeout=_timeout(settings)).raise_for_status()


def _unreachable(exc: Exception) -> bool:
    import httpx

    # chromadb's client says "Could not connect to a Chroma server" (a ValueError) when its first request fails
    return isinstance(exc, httpx.TransportError) or "Could not connect" in str(exc)
