"""The terms written at ingest depend on a report alone, not on the reports written before it."""

from __future__ import annotations

from index.report.terms import new_tokenizer, report_terms, search_tokens
from qa.understanding.tokens import tokenize

TEXT = "东湖市人民政府办公室和西山区人民政府2024年政府信息公开工作年度报告：依申请公开12.5%"


def test_a_reports_own_names_stay_whole_and_are_forgotten_after_it():
    fresh = search_tokens(new_tokenizer(), TEXT)
    own = report_terms([TEXT], ["东湖市人民政府办公室", "东湖市"])[0]
    assert "东湖市人民政府办公室" in own and "东湖市人民政府办公室" not in fresh
    for names in (["西山区人民政府"], ["东湖市人民政府办公室"], []):
        report_terms([TEXT], names)
    assert report_terms([TEXT], [])[0] == fresh  # as if no report had been written before


def test_a_query_gets_the_terms_a_report_gets():
    assert tokenize("政府信息公开工作年度报告") == report_terms(["政府信息公开工作年度报告"], [])[0]
