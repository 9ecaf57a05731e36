"""The per-process caches of the answering path: bounded, and never stale."""

from __future__ import annotations

import numpy as np

from index.store import embed
from index.store.embed import FakeEmbedder
from qa.understanding import tokens


class Counting(FakeEmbedder):
    def __init__(self):
        super().__init__()
        self.embedded: list[str] = []

    def embed_batch(self, texts, kind):
        self.embedded += list(texts)
        return super().embed_batch(texts, kind)


def test_a_query_is_embedded_once_and_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(embed, "QUERY_CACHE", 3)
    model = Counting()
    first = model.embed_query("聊城市结转了多少件")
    again = model.embed_query("聊城市结转了多少件")
    assert model.embedded == ["聊城市结转了多少件"]
    assert np.array_equal(first, again) and not again.flags.writeable  # a caller cannot alter the cached vector
    for n in range(5):
        model.embed_query(f"问题{n}")
    assert len(model._queries) == 3
    model.embed_query("聊城市结转了多少件")  # pushed out by the five since: embedded again
    assert model.embedded.count("聊城市结转了多少件") == 2


def test_the_tokens_cache_forgets_when_the_tokenizer_learns_a_word():
    text = "碧水蓝天镇人民政府的申请"
    before = tokens.tokenize(text)
    assert "碧水蓝天镇人民政府" not in before
    tokens.add_words(["碧水蓝天镇人民政府"])
    assert "碧水蓝天镇人民政府" in tokens.tokenize(text)
    assert tokens.tokenize(text) == tokens.tokenize(text)


def test_long_texts_are_not_cached():
    long = "政府信息公开" * 50
    tokens.tokenize(long)
    assert long not in tokens._cache
