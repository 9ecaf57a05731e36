"""Hybrid retrieval over the seed reports with the real bundled model and a real Chroma."""

import os
import shutil
import subprocess
import sys

import pytest

from index import Settings, UserError
from qa import Searcher
from tests.conftest import REPO
from tests.retrieval_questions import QUESTIONS


def holds_gold(hit, report_id, gold):
    return hit.chunk["report_id"] == report_id and gold in hit.chunk["text"]


@pytest.mark.parametrize("question, report_id, gold", QUESTIONS)
def test_gold_chunk_top3_with_agency_filter(searcher, question, report_id, gold):
    agency = next(r["agency"] for r in searcher.store.catalogue() if r["id"] == report_id)
    hits = searcher.search(question, k=3, agency=agency)
    assert any(holds_gold(h, report_id, gold) for h in hits), [h.chunk["id"] for h in hits]


@pytest.mark.parametrize("question, report_id, gold", QUESTIONS)
def test_gold_chunk_top5_without_filter(searcher, question, report_id, gold):
    hits = searcher.search(question, k=5, scope=False)
    assert any(holds_gold(h, report_id, gold) for h in hits), [h.chunk["id"] for h in hits]


def test_at_least_twenty_questions_over_every_report():
    assert len(QUESTIONS) >= 20
    assert len({r for _, r, _ in QUESTIONS}) == 5


def test_both_rankings_contribute(searcher):
    hits = searcher.search("历下区12345热线满意率是多少", k=5)
    assert any(h.dense_rank for h in hits) and any(h.lexical_rank for h in hits)


def test_filters_apply(searcher):
    hits = searcher.search("政务公开专题培训", k=10, agency="济南")
    assert hits and {h.chunk["agency"] for h in hits} == {"济南市人民政府办公厅"}
    hits = searcher.search("政务公开专题培训", k=10, year=2020)
    assert hits and {h.chunk["year"] for h in hits} == {2020}
    assert searcher.search("政务公开", k=5, agency="聊城", year=2020) == []


def test_agency_named_in_query_scopes_the_search(searcher):
    hits = searcher.search("聊城政府公报出了多少期", k=5)
    assert {h.chunk["agency"] for h in hits} == {"聊城市人民政府"}
    assert searcher.mentions("历下区热线满意率") == (["济南市历下区人民政府"], "热线满意率")


def test_table_rows_are_searchable(searcher):
    hits = searcher.search("聊城 结转下年度继续办理", k=5)
    table = [h for h in hits if h.chunk["kind"] == "table"]
    assert table and "四、结转下年度继续办理：自然人 29件" in table[0].chunk["text"]


@pytest.mark.parametrize("query, message", [("", "empty"), ("   ", "empty"), ("问" * 501, "limit is 500")])
def test_bad_queries(searcher, query, message):
    with pytest.raises(UserError, match=message):
        searcher.search(query)


def test_unknown_agency_lists_the_indexed_ones(searcher):
    with pytest.raises(UserError, match="no indexed agency matches '北京'.*聊城市人民政府"):
        searcher.search("政府公报", agency="北京")


def test_cli_search_done_when(seed_store):
    env = {**os.environ, "GONGKAI_DATA_DIR": str(seed_store.data_dir)}
    proc = subprocess.run([sys.executable, "-m", "qa", "search", "济南市政府公报发布了多少期"], cwd=REPO, env=env,
                          capture_output=True, text=True, check=True)
    first = proc.stdout.split("\n[2]")[0]
    assert first.startswith("[1]") and "济南市人民政府办公厅 2024" in first and "全年发布政府公报24期" in first
    proc = subprocess.run([sys.executable, "-m", "qa", "search", "--json", "--k", "2", "--year", "2020", "满意率"],
                          cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert '"year": 2020' in proc.stdout and '"section"' in proc.stdout


def test_corrupted_chroma_names_the_rebuild_command(seed_store, tmp_path):
    data = tmp_path / "copy"
    shutil.copytree(seed_store.data_dir, data)
    (data / "chroma" / "chroma.sqlite3").write_bytes(b"not a database" * 100)
    with pytest.raises(UserError, match=r"vector store .* unusable.*python -m index build --rebuild"):
        Searcher(Settings(data_dir=data, corpus_dir=seed_store.corpus_dir))
    env = {**os.environ, "GONGKAI_DATA_DIR": str(data)}
    proc = subprocess.run([sys.executable, "-m", "qa", "search", "公报"], cwd=REPO, env=env, capture_output=True,
                          text=True)
    assert proc.returncode == 2 and "python -m index build --rebuild" in proc.stderr and "Traceback" not in proc.stderr
