"""Questions about one agency over its years (series, 哪一年最多, a change computed from two cited cells)
and about agencies under their short, structural and English names, a name that fits several asked back."""

from __future__ import annotations

import re

import pytest

from index import Settings, build
from qa import Answerer
from qa.answering.answer import CLARIFY, LOOKUP, Conversation
from qa.understanding.gazetteer import Gazetteer
from qa.understanding.years import EVERY, find_years, resolve
from tests.conftest import seed_text

NEW_2024 = "\t\t1909\t18\t0\t0\t19\t5\t1951"
NEW = {2023: "\t\t1500\t10\t0\t0\t10\t0\t1520", 2025: "\t\t1700\t20\t0\t0\t10\t0\t1730"}


@pytest.mark.parametrize("text, years", [
    ("2022年到2024年每年新收多少", [2022, 2023, 2024]),
    ("2023-2025年", [2023, 2024, 2025]),
    ("from 2022 to 2024", [2022, 2023, 2024]),
    ("近三年新收申请数量", ["recent:3"]),
    ("最近两年", ["recent:2"]),
    ("over the last three years", ["recent:3"]),
    ("哪一年新收的申请最多", [EVERY]),
    ("历年结转", [EVERY]),
    ("2025年比2024年少收了多少件", [2025, 2024]),
    ("近一年", ["latest"]),
    ("2024年", [2024]),
])
def test_years(text, years):
    assert find_years(text) == years


def test_years_resolved_against_an_agencys_reports():
    have = [2021, 2024, 2025]
    assert resolve([EVERY], have) == have
    assert resolve(["recent:3"], have) == [2023, 2024, 2025]  # 2023 is then reported missing
    assert resolve([], have) == [2025]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    """聊城 with reports for 2023, 2024 (the seed) and 2025 (the seed with other 本年新收 figures)."""
    root = tmp_path_factory.mktemp("years")
    reports = root / "corpus" / "reports"
    reports.mkdir(parents=True)
    text = seed_text("liaocheng-gov-2024")
    (reports / "lc-2024.txt").write_text(text, encoding="utf-8")
    for year, row in NEW.items():
        other = text.replace("2024 年政府信息", f"{year} 年政府信息").replace(NEW_2024, row)
        assert other.count(row) == 1
        (reports / f"lc-{year}.txt").write_text(other, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=root / "corpus", embedder="fake")
    assert not build(settings, progress=False).errors
    answerer = Answerer(settings, llm=None)
    yield answerer
    answerer.close()


def _figures(answer: str) -> list[str]:
    return re.findall(r"(?<![\d.])(\d+)件", answer)


def test_a_series_answers_every_year_asked(answerer):
    answer = answerer.ask("聊城市2023年到2025年每年新收多少件申请？")
    assert answer.mode == LOOKUP
    assert _figures(answer.answer) == ["1520", "1951", "1730"]
    assert [c.year for c in answer.citations] == [2023, 2024, 2025]


def test_recent_years(answerer):
    answer = answerer.ask("聊城市近三年新收申请数量")
    assert _figures(answer.answer) == ["1520", "1951", "1730"] and "近3年" in answer.answer


def test_the_year_with_the_most(answerer):
    most = answerer.ask("聊城市哪一年新收的申请最多？").answer
    assert "最多的是2024年度" in most and _figures(most) == ["1951", "1730", "1520"]
    assert "最少的是2023年度" in answerer.ask("聊城市哪一年新收的申请最少？").answer


def test_a_change_is_computed_from_the_two_cited_cells_and_labelled(answerer):
    answer = answerer.ask("聊城市2025年比2024年少收了多少件申请？")
    text = answer.answer
    assert "2025年度比2024年度减少221件" in text and "计算所得：1730 − 1951 = -221" in text
    assert "下降11.3%" in text
    assert {(c.year, c.row, c.column) for c in answer.citations} == {
        (2024, "new_received", "total"), (2025, "new_received", "total")}
    # every number: a cited cell, the difference, its share, a year, a citation mark
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    assert numbers <= {"1951", "1730", "221", "11.3", "2024", "2025", "1", "2"}
    previous = answerer.ask("聊城市2025年新收申请比上年增长了多少？").answer
    assert "计算所得：1730 − 1951 = -221" in previous


def test_a_change_with_a_year_missing_falls_back_to_the_text(answerer):
    answer = answerer.ask("聊城市2020年比2019年多收了多少件申请？")
    assert "计算所得" not in answer.answer


def test_agency_names_from_their_structure():
    g = Gazetteer([{"agency": "济宁高新技术产业开发区管理委员会", "region": "济宁高新技术产业开发区", "year": 2024},
                   {"agency": "淮安市洪泽区人民政府", "region": "淮安市洪泽区", "year": 2024},
                   {"agency": "菏泽市生态环境局", "region": "菏泽市", "year": 2024},
                   {"agency": "菏泽市发展和改革委员会", "region": "菏泽市", "year": 2024}])
    for name in ("济宁高新区", "济宁高新区管委会", "济宁高新技术产业开发区管委会", "Jining High-tech Zone"):
        assert g.find(f"{name}2024年新收多少件申请？").agencies == ["济宁高新技术产业开发区管理委员会"], name
    for name in ("洪泽", "洪泽区", "淮安洪泽区", "Hongze"):
        assert g.find(f"{name}2024年新收多少件申请？").agencies == ["淮安市洪泽区人民政府"], name
    assert g.find("菏泽市环保局新收多少件申请").agencies == ["菏泽市生态环境局"]
    assert g.find("菏泽发改委新收多少件申请").agencies == ["菏泽市发展和改革委员会"]
    # 菏泽 alone fits both bodies of the city
    assert g.find("菏泽2024年新收多少件申请").ambiguous == [("菏泽", ["菏泽市发展和改革委员会", "菏泽市生态环境局"])]


def test_a_name_that_fits_several_agencies_is_asked_back(tmp_path):
    reports = tmp_path / "corpus" / "reports"
    reports.mkdir(parents=True)
    text = seed_text("liaocheng-gov-2024")
    for name, file in (("淮安市人民政府", "city"), ("淮安市淮安区人民政府", "district")):
        (reports / f"{file}.txt").write_text(text.replace("聊城市人民政府 2024", f"{name} 2024", 1), encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=reports.parent, embedder="fake")
    assert not build(settings, progress=False).errors
    answerer = Answerer(settings, llm=None)
    try:
        chat = Conversation(answerer)
        asked = chat.ask("淮安2024年新收了多少件申请？")
        assert asked.mode == CLARIFY and "淮安市人民政府" in asked.answer and "淮安市淮安区人民政府" in asked.answer
        reply = chat.ask("淮安区")
        assert reply.mode == LOOKUP and "1951件" in reply.answer
        assert [c.agency for c in reply.citations] == ["淮安市淮安区人民政府"]
        assert answerer.ask("淮安市2024年新收了多少件申请？").citations[0].agency == "淮安市人民政府"
    finally:
        answerer.close()
