"""Hybrid retrieval over report chunks: dense (Chroma) and BM25 (jieba), fused by reciprocal rank.

Agency and year filters apply to both rankings. A report's vectors are used
only while they match its current text (same digest), so a half-finished
rebuild answers from the old chunks or the new, never a mix.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import bm25s
import numpy as np

from index import Settings, UserError, open_store
from index.report.chunks import embed_text
from index.store.embed import Embedder, make_embedder
from index.store.vectors import VectorStore

from ..understanding.gazetteer import Gazetteer
from ..understanding.tokens import add_words, tokenize

RRF_K = 60
# Weighted reciprocal rank fusion; BM25 over jieba tokens is the stronger ranker on
# these reports (benchmarks/retrieval.md), the dense ranking breaks its ties.
LEXICAL_WEIGHT = 1.0
DENSE_WEIGHT = 0.5
CANDIDATES = 50
MAX_QUERY_CHARS = 500
_SEP = "\x1f"  # between a chunk's tokens, kept as one string (a list of strings costs several times more)


@dataclass(frozen=True)
class Hit:
    chunk: dict
    score: float
    dense_rank: int | None
    lexical_rank: int | None

    def as_dict(self) -> dict:
        c = self.chunk
        return {"id": c["id"], "score": round(self.score, 6), "report_id": c["report_id"], "agency": c["agency"],
                "year": c["year"], "section": c["section"], "kind": c["kind"], "start": c["start"], "end": c["end"],
                "text": c["text"], "dense_rank": self.dense_rank, "lexical_rank": self.lexical_rank}


class Searcher:
    """Loads every chunk once; search() is then cheap."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None, reload: bool = False,
                 previous: Searcher | None = None):
        """reload: the stores were changed by another process since this process last read them;
        previous: the searcher this one replaces, whose tokens of unchanged reports are reused."""
        self.store = open_store(settings)
        self.generation = self.store.generation()  # read first: a write during the load is seen next time
        self.chunks = self.store.chunks()
        if not self.chunks:
            raise UserError("no report text is indexed; run: python -m index build")
        reports = self.store.catalogue()
        add_words([r["agency"] for r in reports] + [r["region"] for r in reports])
        self.by_id = {c["id"]: i for i, c in enumerate(self.chunks)}
        # Tokenising is most of the load (jieba: about 4 ms a chunk); a reload redoes changed reports only.
        digests = self.store.report_digests()
        cached = previous.token_cache if previous is not None else {}
        self.token_cache: dict[tuple[str, str | None], str] = {}
        tokens = []
        for c in self.chunks:
            key = (c["id"], digests.get(c["report_id"]))
            joined = cached.get(key)
            if joined is None:
                joined = _SEP.join(tokenize(embed_text(c["section"], c["text"])) or ["<empty>"])
            self.token_cache[key] = joined
            tokens.append(joined.split(_SEP))
        self.bm25 = bm25s.BM25()
        self.bm25.index(tokens, show_progress=False)
        df = Counter(t for toks in tokens for t in set(toks))
        n = len(tokens)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)  # a word no report uses
        name = self.store.get_meta("embedder")
        self.embedder = embedder
        self.vectors = None
        if name is not None:
            self.embedder = embedder or make_embedder(name)
            self.vectors = VectorStore(settings, self.embedder.name, self.embedder.dim, reopen=reload)
            embedded = self.store.embedded(self.embedder.name)
            self.fresh = {r for r, d in embedded.items() if digests.get(r) == d}
        self.gazetteer = Gazetteer(reports)

    def close(self) -> None:
        self.store.close()

    def mentions(self, query: str) -> tuple[list[str], str]:
        """Agencies named in the query, and the query without their names (names are
        in every chunk of a report, so they only add noise to the ranking)."""
        agencies, rest = self.gazetteer.names(query)
        return agencies, rest.strip()

    def _allowed(self, agencies: list[str] | None, year: int | None) -> np.ndarray:
        return np.array([(agencies is None or c["agency"] in agencies) and (year is None or c["year"] == year)
                         for c in self.chunks], dtype=bool)

    def search(self, query: str, k: int = 5, agency: str | None = None, year: int | None = None,
               scope: bool = True, agencies: list[str] | None = None) -> list[Hit]:
        """The k best chunks. An agency named in the query scopes the search to it unless
        `agency` (a name to match) or `agencies` (exact names) is given, or scope is False."""
        query = (query or "").strip()
        if not query:
            raise UserError("the query is empty")
        if len(query) > MAX_QUERY_CHARS:
            raise UserError(f"the query has {len(query)} characters; the limit is {MAX_QUERY_CHARS}")
        named, cleaned = self.mentions(query)
        query = cleaned or query
        if agencies is not None:
            pass
        elif agency:
            agencies = self.gazetteer.match(agency)
            if not agencies:
                raise UserError(f"no indexed agency matches {agency!r}; indexed: {', '.join(self.gazetteer.agencies)}")
        elif scope and named:
            agencies = named
        else:
            agencies = None
        allowed = self._allowed(agencies, year)
        if not allowed.any():
            return []
        lexical = self._lexical(query, allowed)
        dense = self._dense(query, agencies, year)
        scores: dict[int, float] = {}
        for ranking, weight in ((lexical, LEXICAL_WEIGHT), (dense, DENSE_WEIGHT)):
            for rank, i in enumerate(ranking):
                scores[i] = scores.get(i, 0.0) + weight / (RRF_K + rank + 1)
        order = sorted(scores, key=lambda i: -scores[i])[:k]
        return [Hit(self.chunks[i], scores[i], _rank(dense, i), _rank(lexical, i)) for i in order]

    def _lexical(self, query: str, allowed: np.ndarray) -> list[int]:
        tokens = tokenize(query)
        if not tokens:
            return []
        n = min(CANDIDATES, int(allowed.sum()))
        ids, scores = self.bm25.retrieve([tokens], k=n, show_progress=False, weight_mask=allowed.astype(float))
        return [int(i) for i, s in zip(ids[0], scores[0]) if s > 0]

    def _dense(self, query: str, agencies: list[str] | None, year: int | None) -> list[int]:
        if self.vectors is None:
            return []
        where = []
        if agencies is not None:
            where.append({"agency": {"$in": agencies}})
        if year is not None:
            where.append({"year": year})
        filt = where[0] if len(where) == 1 else ({"$and": where} if where else None)
        hits = self.vectors.query(self.embedder.embed_query(query), CANDIDATES, filt)
        return [self.by_id[i] for i, _ in hits if i in self.by_id and i.rsplit(":", 1)[0] in self.fresh]


def _rank(ranking: list[int], i: int) -> int | None:
    return ranking.index(i) + 1 if i in ranking else None
