"""Hybrid retrieval over report chunks: dense (Chroma) and BM25 served by the facts store, fused by rank.

BM25 reads its candidates through the store's full-text index (SQLite FTS5, PostgreSQL tsvector with a
GIN index) over the terms written at ingest, and scores them exactly as bm25s's Lucene variant did when
every process held the index: the corpus's statistics come from the store too. Agency and year filters
apply to both rankings, in the same queries. A report's vectors are used only while they match its
current text (same digest), so a half-finished rebuild answers from the old chunks or the new, never a mix.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from index import Settings, StoreUnavailable, UserError, open_store
from index.store.embed import Embedder, make_embedder
from index.store.facts import K1, B
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
TERMS_CACHED = 20000  # document frequencies kept per process (a term and an integer each)
DIRECT_REPORTS = 200  # a search within this many reports scores their every chunk (an agency's: a few dozen)
# After the vector store failed to answer, searches go without it this long before it is tried again:
# a server that is down or stalled does not cost every question a timeout.
RETRY_SECONDS = 5.0
log = logging.getLogger(__name__)


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


class Idf:
    """Each term's inverse document frequency over the store's chunks (bm25s's Lucene formula), looked up
    when first asked and kept (bounded); `term in idf` when some chunk holds it."""

    def __init__(self, store, chunks: int):
        self.store, self.n = store, chunks
        self._df: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()

    def df(self, terms) -> dict[str, int]:
        terms = list(dict.fromkeys(terms))
        with self._lock:
            known = {t: self._df[t] for t in terms if t in self._df}
        missing = [t for t in terms if t not in known]
        if missing:
            found = self.store.doc_freqs(missing)
            with self._lock:
                for t in missing:
                    known[t] = self._df[t] = found.get(t, 0)
                while len(self._df) > TERMS_CACHED:
                    self._df.popitem(last=False)
        return known

    def __contains__(self, term: str) -> bool:
        return self.df([term])[term] > 0

    def __getitem__(self, term: str) -> float:
        d = self.df([term])[term]
        if not d:
            raise KeyError(term)
        return _idf(d, self.n)

    def get(self, term: str, default=None):
        d = self.df([term])[term]
        return _idf(d, self.n) if d else default


def _idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


class Searcher:
    """Holds the catalogue's names and the vector store's bookkeeping; chunks, terms and their
    statistics are read from the store per search."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None, reload: bool = False):
        """reload: the stores were changed by another process since this process last read them."""
        self.store = open_store(settings)
        self.generation = self.store.generation()  # read first: a write during the load is seen next time
        self.n, self.avgdl = self.store.term_stats()
        if not self.n:
            raise UserError("no report text is indexed; run: python -m index build")
        reports = self.store.catalogue()
        add_words([r["agency"] for r in reports] + [r["region"] for r in reports])
        self.idf = Idf(self.store, self.n)
        self.max_idf = math.log(1 + (self.n + 0.5) / 0.5)  # a word no report uses
        # {agency: {year: report ids}}: a search's filter is checked per agency named, not per report
        self._held: dict[str, dict[int, list[str]]] = {}
        for r in reports:
            self._held.setdefault(r["agency"], {}).setdefault(r["year"], []).append(r["id"])
        self._years = {r["year"] for r in reports}
        name = self.store.get_meta("embedder")
        self.settings = settings
        self.embedder = embedder
        self.vectors = None
        self._vectors_tried = -RETRY_SECONDS
        self._vectors_lock = threading.Lock()
        self._question = threading.local()  # whether this thread's searches went without the vector store
        if name is not None:
            self.embedder = embedder or make_embedder(name)
            embedded = self.store.embedded(self.embedder.name)
            current = self.store.report_digests()
            self.fresh = {r for r, d in embedded.items() if current.get(r) == d}
            self._reopen = reload
            self._vector_store()
        self.gazetteer = Gazetteer(reports)

    def _vector_store(self) -> VectorStore | None:
        """The vector store, connected when first reachable; None while its server is unavailable (tried
        again RETRY_SECONDS after it last failed)."""
        if self.vectors is not None or self.embedder is None:
            return self.vectors
        with self._vectors_lock:
            if self.vectors is None and time.monotonic() - self._vectors_tried >= RETRY_SECONDS:
                self._vectors_tried = time.monotonic()
                try:
                    self.vectors = VectorStore(self.settings, self.embedder.name, self.embedder.dim,
                                               reopen=self._reopen)
                except StoreUnavailable as error:
                    log.warning("searching without the vector store: %s", error)
        return self.vectors

    def begin_question(self) -> None:
        """Forget whether this thread's searches so far went without the vector store."""
        self._question.without_vectors = False

    def without_vectors(self) -> bool:
        """Whether a search of this thread since begin_question() went without the vector store
        (its server unavailable): its hits are full-text ones only."""
        return getattr(self._question, "without_vectors", False)

    def close(self) -> None:
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def mentions(self, query: str) -> tuple[list[str], str]:
        """Agencies named in the query, and the query without their names (names are
        in every chunk of a report, so they only add noise to the ranking)."""
        agencies, rest = self.gazetteer.names(query)
        return agencies, rest.strip()

    def _any(self, agencies: list[str] | None, year: int | None) -> bool:
        if agencies is None:
            return year is None or year in self._years
        return any(a in self._held and (year is None or year in self._held[a]) for a in agencies)

    def _reports(self, agencies: list[str] | None, year: int | None) -> list[str] | None:
        """The reports a search is filtered to, when they are few enough to score every chunk of."""
        if agencies is None:
            return None
        ids = [i for a in agencies for y, found in self._held.get(a, {}).items() if year is None or y == year
               for i in found]
        return ids if len(ids) <= DIRECT_REPORTS else None

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
        if not self._any(agencies, year):
            return []
        lexical = self._lexical(query, agencies, year)
        dense = self._dense(query, agencies, year)
        scores: dict[tuple[str, int], float] = {}
        for ranking, weight in ((lexical, LEXICAL_WEIGHT), (dense, DENSE_WEIGHT)):
            for rank, key in enumerate(ranking):
                scores[key] = scores.get(key, 0.0) + weight / (RRF_K + rank + 1)
        order = sorted(scores, key=lambda key: -scores[key])[:k]
        chunks = {(c["report_id"], c["ord"]): c for c in self.store.chunks_of(order)}
        return [Hit(chunks[key], scores[key], _rank(dense, key), _rank(lexical, key)) for key in order
                if key in chunks]

    def _lexical(self, query: str, agencies: list[str] | None, year: int | None) -> list[tuple[str, int]]:
        return [key for key, _ in self.lexical_scores(query, agencies, year)[:CANDIDATES]]

    def lexical_scores(self, query: str, agencies: list[str] | None = None,
                       year: int | None = None) -> list[tuple[tuple[str, int], float]]:
        """((report id, ord), BM25 score) of the candidates, best first, ties in report and reading order.
        Scored as bm25s scored them: each query term (repeats count again) adds idf x tf / (tf + k1 (1 - b +
        b len / avglen)), each term's part rounded to float32 and summed in float32."""
        tokens = tokenize(query)
        df = self.idf.df(tokens)
        tokens = [t for t in tokens if df[t]]
        if not tokens:
            return []
        idf = {t: float(np.float32(_idf(df[t], self.n))) for t in tokens}
        scored = []
        ids = self._reports(agencies, year)
        chunks = self.store.chunk_terms(ids) if ids is not None else self.store.match(tokens, agencies, year, df=df)
        for c in chunks:
            counts: dict[str, int] = {}
            for t in c["terms"].split(" "):
                if t in idf:
                    counts[t] = counts.get(t, 0) + 1
            norm = K1 * ((1 - B) + B * c["length"] / self.avgdl)
            score = np.float32(0)
            for t in tokens:
                tf = counts.get(t)
                if tf:
                    score += np.float32(idf[t] * (tf / (norm + tf)))
            if score > 0:
                scored.append((-float(score), c["report_id"], c["ord"]))
        scored.sort()
        return [((rid, ord_), -score) for score, rid, ord_ in scored]

    def _dense(self, query: str, agencies: list[str] | None, year: int | None) -> list[tuple[str, int]]:
        if self.embedder is None:
            return []  # a store built without vectors: full-text search is all there is
        vectors = self._vector_store()
        if vectors is None:
            self._question.without_vectors = True
            return []
        where = []
        if agencies is not None:
            where.append({"agency": {"$in": agencies}})
        if year is not None:
            where.append({"year": year})
        filt = where[0] if len(where) == 1 else ({"$and": where} if where else None)
        try:
            hits = vectors.query(self.embedder.embed_query(query), CANDIDATES, filt)
        except StoreUnavailable as error:
            log.warning("searching without the vector store: %s", error)
            with self._vectors_lock:  # connected again, when reachable, RETRY_SECONDS from now
                self.vectors, self._vectors_tried = None, time.monotonic()
            self._question.without_vectors = True
            return []
        out = []
        for i, _ in hits:
            report_id, _, ord_ = i.rpartition(":")
            if report_id in self.fresh and ord_.isdigit():
                out.append((report_id, int(ord_)))
        return out


def _rank(ranking: list, key) -> int | None:
    return ranking.index(key) + 1 if key in ranking else None
