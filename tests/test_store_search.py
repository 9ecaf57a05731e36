"""BM25 served by the store: the same scores bm25s gave when every process held the index, on SQLite
(FTS5) and PostgreSQL (tsvector), filtered in the same query; the index follows every write."""

from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np
import pytest

from index import build, open_store
from qa.understanding.tokens import tokenize
from tests.test_stores import _without

QUESTIONS = Path(__file__).parents[1] / "eval" / "questions.jsonl"


@pytest.fixture
def searcher(backend_settings):
    from qa import Searcher

    assert not build(backend_settings, progress=False, vectors=False).errors
    searcher = Searcher(backend_settings)
    yield searcher
    searcher.close()


def _bm25s(store):
    """bm25s over the stored terms, in report and reading order, as the app built it before."""
    rows = store._query("SELECT c.report_id, c.ord, c.terms, r.agency, r.year FROM chunks c"
                        " JOIN reports r ON r.id = c.report_id ORDER BY c.report_id, c.ord")
    index = bm25s.BM25()
    index.index([r["terms"].split(" ") if r["terms"] else ["<empty>"] for r in rows], show_progress=False)
    return index, rows


def test_scores_are_bm25s_scores_with_and_without_filters(searcher):
    index, rows = _bm25s(searcher.store)
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text(encoding="utf-8").splitlines()][:120]
    agency, year = rows[0]["agency"], rows[0]["year"]
    compared = 0
    for question in questions:
        query = searcher.mentions(question)[1] or question
        tokens = tokenize(query)
        if not tokens:
            continue
        expected = index.get_scores(tokens)
        for agencies, in_year in ((None, None), ([agency], None), (None, year)):
            mask = [(agencies is None or r["agency"] in agencies) and (in_year is None or r["year"] == in_year)
                    for r in rows]
            want = {(r["report_id"], r["ord"]): float(s) for r, s, m in zip(rows, expected, mask) if m and s > 0}
            got = dict(searcher.lexical_scores(query, agencies, in_year))
            assert got == want, question
            compared += len(got)
    assert compared > 1000


def test_ties_are_in_report_and_reading_order(searcher):
    ranked = searcher.lexical_scores("不予公开")
    assert ranked and all(a[1] > b[1] or (a[1] == b[1] and a[0] < b[0]) for a, b in zip(ranked, ranked[1:]))


def test_the_index_follows_a_report_replaced_and_removed(backend_settings, searcher):
    from qa import Searcher

    report = backend_settings.corpus_dir / "reports" / "liaocheng-gov-2024.txt"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("政府常务会议", "碧水蓝天专题会议"), encoding="utf-8")
    assert not build(backend_settings, progress=False, vectors=False).errors
    with Searcher(backend_settings) as after:
        assert "碧水蓝天" in after.idf or "碧水" in after.idf
        hit = after.search("碧水蓝天专题会议", k=1, scope=False)[0]
        assert hit.chunk["report_id"] == "liaocheng-gov-2024" and "碧水蓝天专题会议" in hit.chunk["text"]
    _without(backend_settings.corpus_dir, "liaocheng-gov-2024")
    assert not build(backend_settings, progress=False, vectors=False).errors
    with open_store(backend_settings) as store:
        assert not store.doc_freqs(["碧水"])  # its terms left the index with it
        n, _ = store.term_stats()
    assert n < searcher.n
    assert np.isfinite(searcher.max_idf)


def test_term_counts_are_the_chunks_holding_each_term_through_writes_and_compaction(backend_settings):
    from index.store.facts import term_counts

    def exact(store):
        return term_counts(r["terms"] for r in store._query("SELECT terms FROM chunks"))

    assert not build(backend_settings, progress=False, vectors=False).errors
    report = backend_settings.corpus_dir / "reports" / "zibo-gov-office-2024.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n碧水蓝天专项行动。", encoding="utf-8")
    with open_store(backend_settings) as store:
        from index.report import read_manifest  # a report written again, outside a build: not compacted
        from index.report.reader import read_report

        before = store._query("SELECT count(*) AS n FROM term_deltas")[0]["n"]
        store.put(read_report(report, "reports/zibo-gov-office-2024.txt", read_manifest(backend_settings.manifest)))
        assert store._query("SELECT count(*) AS n FROM term_deltas")[0]["n"] > before
        want = exact(store)
        assert store.doc_freqs(sorted(want)) == want
        store.remove("jinan-lixia-2020")
        want = exact(store)
        assert store.doc_freqs(sorted(want) + ["碧水蓝天专项行动"]) == want
        store.compact_terms()
        assert store._query("SELECT count(*) AS n FROM term_deltas")[0]["n"] == len(want)
        assert store.doc_freqs(sorted(want)) == want


def test_a_search_over_common_words_asks_the_index_for_its_rarest_terms_only(searcher, monkeypatch):
    """In a large store the commonest terms are in most chunks: the index is asked for as many of the
    rarest terms as fit in POSTINGS entries (always one), and the candidates are scored on every term."""
    from index.store import facts

    terms = tokenize("政务公开平台建设存在的主要问题")
    df = searcher.idf.df(terms)
    rarest = min((t for t in terms if df[t]), key=lambda t: df[t])
    monkeypatch.setattr(facts, "POSTINGS", df[rarest])
    found = searcher.store.match([t for t in terms if df[t]], df=df)
    assert found and all(rarest in c["terms"].split(" ") for c in found)
    monkeypatch.setattr(facts, "POSTINGS", 10 ** 9)
    assert len(searcher.store.match([t for t in terms if df[t]], df=df)) > len(found)


def test_a_search_within_an_agency_scores_its_every_chunk(searcher, monkeypatch):
    monkeypatch.setattr(type(searcher.store), "match", lambda *a, **k: pytest.fail("asked the index"))
    agency = next(r["agency"] for r in searcher.store.catalogue())
    assert searcher.lexical_scores("政务公开平台建设", [agency])
