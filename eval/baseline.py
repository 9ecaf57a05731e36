"""The naive baseline: plain llama-index RAG over the same report text, no table parsing.

Default sentence splitting (SentenceSplitter()), the system's own embedder wrapped
for llama-index, top-k vector retrieval from an in-memory VectorStoreIndex, and as
the answer the sentence of the top chunk that shares the most words with the question.
It never refuses: that is what a plain pipeline does.
"""

from __future__ import annotations

import re

from llama_index.core import Document, VectorStoreIndex
from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.node_parser import SentenceSplitter
from pydantic import PrivateAttr

from index import FactsStore
from index.store.embed import Embedder
from qa import tokenize

TOP_K = 3
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


class LlamaEmbedding(BaseEmbedding):
    """The system's embedder behind llama-index's embedding interface."""

    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs):
        super().__init__(model_name=embedder.name, embed_batch_size=32, **kwargs)
        self._embedder = embedder

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed_batch([query], "query")[0].tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.embed_batch([text], "passage")[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_batch(texts, "passage").tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class Baseline:
    """Indexes every report's text once; ask() returns the answer in the system's Answer shape."""

    def __init__(self, store: FactsStore, embedder: Embedder):
        documents = [Document(text=store.text(r["id"]), id_=r["id"], metadata={"report_id": r["id"]})
                     for r in store.reports()]
        nodes = SentenceSplitter().get_nodes_from_documents(documents)
        self.chunks = len(nodes)
        self.index = VectorStoreIndex(nodes, embed_model=LlamaEmbedding(embedder))
        self.retriever = self.index.as_retriever(similarity_top_k=TOP_K)

    def retrieve(self, question: str) -> list[dict]:
        """The top-k chunks as {report_id, start, end, text}."""
        return [{"report_id": n.node.metadata["report_id"], "start": n.node.start_char_idx,
                 "end": n.node.end_char_idx, "text": n.node.get_content()}
                for n in self.retriever.retrieve(question)]

    def ask(self, question: str) -> dict:
        """The top chunk's best sentence, cited by its span."""
        return self.answer(question, self.retrieve(question))

    def answer(self, question: str, top: list[dict]) -> dict:
        """The answer from chunks already retrieved for the question."""
        if not top:
            return {"answer": "", "mode": "retrieval", "citations": [], "facts": []}
        chunk = top[0]
        words = set(tokenize(question))
        best, best_score = None, -1
        for m in _SENTENCE.finditer(chunk["text"]):
            score = len(words & set(tokenize(m.group())))
            if m.group().strip() and score > best_score:
                best, best_score = m, score
        if best is None:
            return {"answer": chunk["text"], "mode": "retrieval", "citations": [], "facts": []}
        start = (chunk["start"] or 0) + best.start()
        cite = {"report_id": chunk["report_id"], "quote": best.group(), "start": start, "end": start + len(best.group())}
        return {"answer": best.group().strip(), "mode": "retrieval", "citations": [cite], "facts": []}
