"""The evaluation harness: loading and checking gold, judging answers, and the llama-index baseline."""

import json

import pytest

from eval.gold import Locations, Question, key, load, locate
from eval.run import gate_failures, report
from eval.score import judge, summarise
from index import UserError

CELL = {"report": "r1", "table": "applications", "row": "carried_forward", "column": "total"}
SENTENCE = {"report": "r1", "section": "一、总体情况", "quote": "培训1000余人"}
WHERE = Locations({key(CELL): [(100, 102)], key(SENTENCE): [(50, 58)]})


def q(**kw) -> Question:
    base = {"id": "q1", "category": "table_figure", "question": "结转多少？", "expect": "answer",
            "numbers": ("30",), "citations": (CELL,)}
    return Question(**{**base, **kw})


def cell_cite(**kw) -> dict:
    return {"report_id": "r1", "table": "applications", "row": "carried_forward", "column": "total",
            "start": 100, "end": 102, **kw}


def fact(value, **kw) -> dict:
    return {"report_id": "r1", "table": "applications", "row": "carried_forward", "column": "total", "value": value, **kw}


def answer(text, mode="lookup", citations=(), facts=()) -> dict:
    return {"answer": text, "mode": mode, "citations": list(citations), "facts": list(facts)}


def test_a_right_figure_with_its_cell_scores_plus_one():
    j = judge(q(), answer("结转下年度继续办理30件[1]。", citations=[cell_cite()], facts=[fact(30)]), 5.0, WHERE, None)
    assert (j.numbers_ok, j.citations_ok, j.refusal_ok, j.crag) == (True, True, True, 1)


def test_a_missing_number_or_another_value_for_the_cell_is_wrong():
    assert judge(q(), answer("29件[1]", citations=[cell_cite()]), 1, WHERE, None).crag == -1
    # 30 is in the text, but the answer claims 29 for the cell asked.
    j = judge(q(), answer("30件，29件", citations=[cell_cite()], facts=[fact(29)]), 1, WHERE, None)
    assert j.numbers_ok is False
    # Numbers are compared as numbers: 1,951 is 1951, 30.0 is 30.
    assert judge(q(numbers=("1951",)), answer("1,951件", citations=[cell_cite()]), 1, WHERE, None).numbers_ok


def test_a_citation_must_point_at_the_gold_place():
    other_cell = cell_cite(row="carried_in", start=10, end=12)
    assert judge(q(), answer("30件", citations=[other_cell]), 1, WHERE, None).citations_ok is False
    # A quote whose span covers the printed cell counts (the baseline quotes, it has no cell keys).
    quote = {"report_id": "r1", "quote": "四、结转下年度继续办理 30", "start": 90, "end": 103}
    assert judge(q(), answer("30", citations=[quote]), 1, WHERE, None).citations_ok
    assert not judge(q(), answer("30", citations=[{**quote, "report_id": "r2"}]), 1, WHERE, None).citations_ok


def test_group_and_organisation_keys_accept_their_items():
    group = q(citations=({**CELL, "row": "withheld"},), numbers=("82",))
    item = cell_cite(row="withheld.state_secret", start=0, end=1)
    assert judge(group, answer("82件", citations=[item]), 1, WHERE, None).citations_ok
    orgs = q(citations=({**CELL, "row": "new_received", "column": "organisations"},), numbers=("42",))
    commercial = cell_cite(row="new_received", column="commercial", start=0, end=1)
    assert judge(orgs, answer("42件", citations=[commercial]), 1, WHERE, None).citations_ok


def test_any_accepts_either_place_and_sentences_match_by_span():
    either = q(citations=({"any": [CELL, SENTENCE]},), numbers=("1000",))
    sentence = {"report_id": "r1", "quote": "培训人数达1000余人", "start": 48, "end": 60}
    assert judge(either, answer("1000余人", "retrieval", [sentence]), 1, WHERE, None).citations_ok
    text = q(category="text_fact", citations=(SENTENCE,), numbers=())
    assert judge(text, answer("…", "retrieval", [sentence]), 1, WHERE, None).crag == 1
    elsewhere = {**sentence, "start": 200, "end": 210}
    assert judge(text, answer("…", "retrieval", [elsewhere]), 1, WHERE, None).crag == -1


def test_refusals_and_clarifications_score_as_crag_says():
    refuse = q(category="refusal", expect="refuse", numbers=(), citations=())
    assert judge(refuse, answer("无法回答", "refusal"), 1, WHERE, None).crag == 1
    assert judge(refuse, answer("30件", "lookup"), 1, WHERE, None).crag == -1
    # Refusing an answerable question is an abstention: 0, and a refusal error.
    j = judge(q(), answer("无法回答", "refusal"), 1, WHERE, None)
    assert (j.crag, j.refusal_ok, j.numbers_ok) == (0, False, False)
    clarify = q(category="ambiguity", expect="clarify", numbers=(), citations=())
    assert judge(clarify, answer("请问哪个单位？", "clarify"), 1, WHERE, None).crag == 1
    assert judge(clarify, answer("30件", "lookup"), 1, WHERE, None).crag == -1


def test_hit_at_3_looks_for_the_gold_sentence_in_the_top_three_chunks():
    text = q(category="text_fact", citations=(SENTENCE,), numbers=())
    chunk = {"report_id": "r1", "start": 40, "end": 70}
    far = {"report_id": "r1", "start": 300, "end": 400}
    assert judge(text, answer("…", "retrieval"), 1, WHERE, [far, chunk]).hit_at_3 is True
    assert judge(text, answer("…", "retrieval"), 1, WHERE, [far, far, far, chunk]).hit_at_3 is False
    assert judge(q(), answer("30"), 1, WHERE, [chunk]).hit_at_3 is None  # not a text question


def test_summary_by_category_and_gates():
    right = judge(q(), answer("30件", citations=[cell_cite()], facts=[fact(30)]), 10.0, WHERE, None)
    wrong = judge(q(id="q2", category="derived_figure"), answer("31件"), 30.0, WHERE, None)
    figures = report([right, wrong])
    assert figures["questions"] == 2 and figures["numeric_accuracy"] == 0.5 and figures["crag_score"] == 0.0
    assert figures["by_category"]["table_figure"]["numeric_accuracy"] == 1.0
    assert figures["latency_p50_ms"] == 30.0 and figures["hit_at_3"] is None
    assert gate_failures(figures) == ["numeric_accuracy 0.5 < 0.98", "citation_accuracy 0.5 < 0.98"]
    assert summarise([])["crag_score"] is None


def test_load_rejects_malformed_duplicate_and_unknown_category(tmp_path):
    path = tmp_path / "q.jsonl"
    good = {"id": "a", "category": "refusal", "question": "?", "expect": "refuse"}
    path.write_text(json.dumps(good) + "\n\n" + json.dumps({**good, "id": "b"}) + "\n", encoding="utf-8")
    assert [x.id for x in load(path)] == ["a", "b"]
    for bad, message in ((good, "duplicate id"), ({**good, "id": "c", "category": "trivia"}, "category"),
                         ("{not json", "line 2")):
        path.write_text(json.dumps(good) + "\n" + (bad if isinstance(bad, str) else json.dumps(bad)) + "\n")
        with pytest.raises(UserError, match=message):
            load(path)


def test_the_bundled_set_is_large_varied_and_matches_the_corpus(seed_store):
    from index import SQLiteStore

    questions = load()
    assert len(questions) >= 150
    categories = {x.category for x in questions}
    assert categories == {"table_figure", "derived_figure", "comparison_ranking", "text_fact", "ambiguity",
                          "refusal", "english", "followup"}
    with SQLiteStore(seed_store.facts_db) as store:
        where = locate(questions, store)
        reports = {r["id"] for r in store.reports()}
    cited = [p for x in questions for c in x.citations for p in c.get("any", [c])]
    assert {p["report"] for p in cited} == reports
    assert {p["table"] for p in cited if "table" in p} == {"applications", "review_litigation", "proactive"}
    assert all(where.of(p) for p in cited)


def test_locate_names_quotes_and_cells_the_corpus_lacks(seed_store):
    from index import SQLiteStore

    bad = [q(id="x1", citations=({"report": "liaocheng-gov-2024", "section": "一", "quote": "这句话报告里没有"},)),
           q(id="x2", citations=({**CELL, "report": "liaocheng-gov-2024", "row": "no_such_row"},)),
           q(id="x3", citations=({**CELL, "report": "qingdao-2024"},))]
    with SQLiteStore(seed_store.facts_db) as store, pytest.raises(UserError) as error:
        locate(bad, store)
    assert all(i in str(error.value) for i in ("x1", "x2", "x3"))


def test_the_baseline_is_a_llama_index_pipeline_with_spans_into_the_report(seed_store):
    from eval.baseline import Baseline
    from index import SQLiteStore
    from index.store.embed import FakeEmbedder

    with SQLiteStore(seed_store.facts_db) as store:
        baseline = Baseline(store, FakeEmbedder())
        got = baseline.ask("聊城市2024年新收到及上年结转信息公开申请多少件？")
        top = baseline.retrieve("聊城市依申请公开")
        assert len(top) == 3 and baseline.chunks >= 5
        cite = got["citations"][0]
        assert store.text(cite["report_id"])[cite["start"]:cite["end"]] == cite["quote"]
        assert got["mode"] == "retrieval" and got["facts"] == []


def test_a_suite_over_the_real_reports_links_both_corpora(tmp_path):
    from eval.suites import SUITES, suite_settings
    from index import Settings

    seeds, real = tmp_path / "corpus", tmp_path / "real"
    (seeds / "reports").mkdir(parents=True)
    real.mkdir()
    (seeds / "manifest.csv").write_text("id,agency,region,level,year,file,source_url\n", encoding="utf-8")
    (seeds / "reports" / "a.txt").write_text("a", encoding="utf-8")
    (real / "b.pdf").write_bytes(b"%PDF")
    (real / "README.md").write_text("about the files", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=seeds)
    assert suite_settings(settings, SUITES[0], real) == settings  # the seeds' questions: the app's own index
    linked = suite_settings(settings, SUITES[1], real)
    files = sorted(p.relative_to(linked.corpus_dir).as_posix() for p in linked.corpus_dir.rglob("*") if p.is_file())
    assert files == ["manifest.csv", "realreports/b.pdf", "reports/a.txt"]
    assert linked.data_dir != settings.data_dir and (linked.corpus_dir / "reports" / "a.txt").is_symlink()
    assert suite_settings(settings, SUITES[1], real).corpus_dir == linked.corpus_dir  # again: the same links


def test_the_naming_suite_is_asked_over_its_own_corpus_without_a_manifest(tmp_path):
    from eval.suites import SUITES, suite_settings
    from index import Settings

    names = next(s for s in SUITES if s.name == "names")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    got = suite_settings(settings, names)
    assert got.corpus_dir == names.corpus and got.data_dir == tmp_path / "data" / "eval-names"
    assert not (names.corpus / "manifest.csv").exists() and len(list(names.corpus.glob("*.txt"))) == 11
    assert names.gates  # its own floors


def test_each_suite_has_its_own_gates():
    figures = {"numeric_accuracy": 0.96, "citation_accuracy": 0.99, "refusal_accuracy": 1.0}
    assert gate_failures(figures) == ["numeric_accuracy 0.96 < 0.98"]
    assert gate_failures(figures, {"numeric_accuracy": 0.95}, "real: ") == []


def test_the_real_suite_needs_its_folder_only_when_named(tmp_path):
    from eval.__main__ import runnable

    notes = []
    assert [s.name for s in runnable(None, tmp_path / "absent", notes.append)] == ["seeds", "negative", "names"]
    assert notes and "skipped the suite 'real'" in notes[0]
    assert [s.name for s in runnable(None, tmp_path, notes.append)] == ["seeds", "real", "negative", "names"]
    with pytest.raises(UserError, match="the suite 'real' needs it"):
        runnable(["real"], tmp_path / "absent", notes.append)
