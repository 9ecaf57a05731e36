"""Whether the stores answer: `python -m index health` and the app's /health route.

Each store is asked within the settings' timeouts; a store that cannot be reached is reported with its
error, and the whole is unhealthy. Reports without vectors are those whose chunks are not (or not at
their current text) in the vector store: their text is found by full-text search only until a build
embeds them."""

from __future__ import annotations

import time

from .errors import UserError
from .settings import Settings
from .store import VectorStore, backend, location, open_store


def _timed(probe):
    start = time.perf_counter()
    try:
        found = probe()
        return {"reachable": True, **found, "ms": round((time.perf_counter() - start) * 1000, 1)}
    except UserError as error:
        return {"reachable": False, "error": str(error), "ms": round((time.perf_counter() - start) * 1000, 1)}


def health(settings: Settings) -> dict:
    """{"healthy", "facts": {...}, "vectors": {...}}: each store's reachability, its answer time, the
    store's generation and its reports, how many of them have no vectors, and the vectors stored."""
    embedder = settings.embedder

    def facts() -> dict:
        nonlocal embedder
        with open_store(settings) as store:
            generation = store.generation()
            digests = store.report_digests()
            embedder = store.get_meta("embedder") or embedder
            embedded = store.embedded(embedder)
        return {"generation": generation, "reports": len(digests),
                "reports_without_vectors": sum(embedded.get(r) != d for r, d in digests.items())}

    out = {"facts": {"backend": backend(settings), "where": location(settings), **_timed(facts)}}
    out["vectors"] = {"backend": "chroma server" if settings.chroma_host else "chroma on disk",
                      "where": settings.chroma_host or str(settings.chroma_dir), "embedder": embedder,
                      **_timed(lambda: {"vectors": VectorStore.stored(settings, embedder)})}
    out["healthy"] = out["facts"]["reachable"] and out["vectors"]["reachable"]
    return out


def lines(report: dict) -> list[str]:
    """The report for a terminal, a line per store."""
    f, v = report["facts"], report["vectors"]
    first = (f"facts store ({f['backend']}, {f['where']}): " +
             (f"reachable in {f['ms']} ms; generation {f['generation']}; {f['reports']} reports, "
              f"{f['reports_without_vectors']} without vectors" if f["reachable"] else f"DOWN: {f['error']}"))
    second = (f"vector store ({v['backend']}, {v['where']}): " +
              (f"reachable in {v['ms']} ms; {v['vectors']} vectors of {v['embedder']}" if v["reachable"]
               else f"DOWN: {v['error']}"))
    return [first, second, "healthy" if report["healthy"] else "unhealthy"]
