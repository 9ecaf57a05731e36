"""Incremental embedding into a real Chroma (with the fake embedder: this is about bookkeeping)."""

import pytest

from index import SQLiteStore, build
from index.store.embed import FakeEmbedder
from index.store.vectors import VectorStore
from qa import Searcher
from tests.conftest import REPORT_IDS


class CountingEmbedder(FakeEmbedder):
    def __init__(self):
        super().__init__()
        self.passages = 0

    def embed_batch(self, texts, kind):
        if kind == "passage":
            self.passages += len(texts)
        return super().embed_batch(texts, kind)


def chunk_count(settings, report_id=None):
    with SQLiteStore(settings.facts_db) as store:
        return len(store.chunks([report_id] if report_id else None))


def test_rebuild_reembeds_only_the_changed_report(settings):
    embedder = CountingEmbedder()
    first = build(settings, progress=False, embedder=embedder)
    assert sorted(first.embedded) == sorted(REPORT_IDS)
    assert embedder.passages == chunk_count(settings) == first.chunks_embedded
    vectors = VectorStore(settings, embedder.name, embedder.dim)
    assert vectors.count() == chunk_count(settings)

    embedder.passages = 0
    again = build(settings, progress=False, embedder=embedder)
    assert again.embedded == [] and embedder.passages == 0

    path = settings.corpus_dir / "reports/liaocheng-gov-2024.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n（五）补充说明\n\n本年度新增一段说明文字。\n", encoding="utf-8")
    third = build(settings, progress=False, embedder=embedder)
    assert third.embedded == ["liaocheng-gov-2024"]
    assert embedder.passages == chunk_count(settings, "liaocheng-gov-2024")
    assert vectors.count() == chunk_count(settings)

    (settings.corpus_dir / "reports/zibo-gov-office-2024.txt").unlink()
    fourth = build(settings, progress=False, embedder=embedder)
    assert fourth.removed == ["zibo-gov-office-2024"] and fourth.embedded == []
    assert vectors.count() == chunk_count(settings)


def test_interrupted_embedding_resumes(settings, monkeypatch):
    embedder = CountingEmbedder()
    calls = []
    original = VectorStore.add

    def failing_add(self, ids, matrix, metadatas):
        calls.append(ids[0])
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(self, ids, matrix, metadatas)

    monkeypatch.setattr(VectorStore, "add", failing_add)
    with pytest.raises(KeyboardInterrupt):
        build(settings, progress=False, embedder=embedder)
    monkeypatch.setattr(VectorStore, "add", original)
    with SQLiteStore(settings.facts_db) as store:
        assert len(store.embedded(embedder.name)) == 2
    resumed = build(settings, progress=False, embedder=embedder)
    assert len(resumed.embedded) == 3
    assert VectorStore(settings, embedder.name, embedder.dim).count() == chunk_count(settings)


def test_stale_vectors_are_not_used(settings):
    embedder = FakeEmbedder()
    build(settings, progress=False, embedder=embedder)
    path = settings.corpus_dir / "reports/jining-approval-bureau-2024.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("708条", "709条"), encoding="utf-8")
    build(settings, progress=False, vectors=False)  # facts and chunks updated, vectors not yet
    searcher = Searcher(settings, embedder=embedder)
    try:
        assert "jining-approval-bureau-2024" not in searcher.fresh
        hits = searcher.search("济宁市行政审批服务局门户网站发布信息", k=5)
        assert hits and all(h.dense_rank is None for h in hits)  # lexical still answers, from the new text
        assert any("709条" in h.chunk["text"] for h in hits)
    finally:
        searcher.close()


def test_chroma_server_when_a_host_is_configured(settings, chroma_server):
    from dataclasses import replace

    remote = replace(settings, chroma_host=chroma_server.host)
    embedder = FakeEmbedder()
    result = build(remote, progress=False, embedder=embedder)
    assert sorted(result.embedded) == sorted(REPORT_IDS)
    assert not (settings.data_dir / "chroma").exists()  # nothing embedded on disk locally
    searcher = Searcher(remote, embedder=embedder)
    try:
        hits = searcher.search("聊城市公开了多少次市政府常务会议", k=3)
        assert any(h.dense_rank for h in hits)
    finally:
        searcher.close()


def test_small_reports_share_an_embedding_call(settings, monkeypatch):
    """Chunks are embedded in batches across reports; each report's vectors are still its own."""
    import importlib

    calls = []

    class Recording(FakeEmbedder):
        def embed_passages(self, texts, batch_size=32):
            calls.append(len(texts))
            return super().embed_passages(texts, batch_size)

    monkeypatch.setattr(importlib.import_module("index.build"), "EMBED_BATCH", 60)
    embedder = Recording()
    result = build(settings, progress=False, embedder=embedder)
    assert sorted(result.embedded) == sorted(REPORT_IDS)
    assert sum(calls) == chunk_count(settings) and len(calls) < len(REPORT_IDS)
    vectors = VectorStore(settings, embedder.name, embedder.dim)
    with SQLiteStore(settings.facts_db) as store:
        chunk = store.chunks(["zibo-gov-office-2024"])[3]
    from index.report.chunks import embed_text

    hit = vectors.query(embedder.embed_query(embed_text(chunk["section"], chunk["text"])), 1)
    assert hit[0][0] == chunk["id"]
