"""The four real reports of ../shared/realreports, built as a user would (python -m index build --corpus
../shared/realreports), against the hand transcription in tests/real_gold. The files are read where
they are and never copied into the repository; without ../shared these tests skip."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from index import Settings, SQLiteStore, build
from index.tables.facts import NOTE_GROUP_SUM
from tests.real_gold import REPORTS, cells, gold

REAL = Path(__file__).resolve().parents[2] / "shared" / "realreports"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} is absent (the real reports live beside the clone)")
LEVELS = {"city": "市级", "district": "区县级", "province": "省级"}
# Cells of the transcription that the reader does not place, and the reason it gives. shanghai's 表二:
# the converter printed 规章 and 行政规范性文件 with two values for three columns and pulled the multi-line
# cells "22（其中修订16件）" and "55（含自然失效29件）" out of the table; with no identity to decide, the
# reader places none of those rows' values and flags the table, naming them.
NOT_PLACED = {
    "shanghai-gov-office-2025.md": {("proactive", "rules", "issued"), ("proactive", "rules", "in_force"),
                                    ("proactive", "normative_docs", "issued"),
                                    ("proactive", "normative_docs", "repealed"),
                                    ("proactive", "normative_docs", "in_force")},
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    data = tmp_path_factory.mktemp("real")
    settings = Settings(corpus_dir=REAL, data_dir=data)
    result = build(settings, vectors=False, progress=False)
    assert not result.errors
    with SQLiteStore(settings.facts_db) as store:
        yield store


def _report(store, file):
    return next(r for r in store.reports() if r["file"] == file)


@pytest.mark.parametrize("file", REPORTS)
def test_every_transcribed_cell_is_read_exactly(store, file):
    report = _report(store, file)
    got = {(f["table"], f["row"], f["column"]): f for f in store.facts(report["id"])}
    expected = {k: v for k, v in cells(file).items() if v is not None}
    skipped = NOT_PLACED.get(file, set())
    wrong = {k: (v, got[k]["value"] if k in got else None) for k, v in expected.items()
             if k not in skipped and (k not in got or got[k]["value"] != v)}
    assert wrong == {}
    # nothing is stored that the transcription does not hold, except group sums
    extra = {k for k, f in got.items() if k not in expected and f["note"] != NOTE_GROUP_SUM}
    assert extra == set()
    for key in skipped:
        assert key not in got
    printed = [f for f in got.values() if f["note"] != NOTE_GROUP_SUM]
    assert all(not f["derived"] for f in printed), "every cell of these reports is printed"


@pytest.mark.parametrize("file", REPORTS)
def test_metadata_from_the_title(store, file):
    report, meta = _report(store, file), gold(file).META
    assert report["year"] == meta["year"]
    assert report["level"] == LEVELS[meta["level"]]
    assert report["region"] == meta["region"]
    # hongze-gov-2023 is titled 洪泽区人民政府: the same agency as the 2024 report's 淮安市洪泽区人民政府
    assert report["agency"] == ("淮安市洪泽区人民政府" if meta["agency"] == "洪泽区人民政府" else meta["agency"])


def test_one_agency_under_two_titles(store):
    old = _report(store, "hongze-gov-2023.pdf")
    assert any("标题中的机关名为洪泽区人民政府" in w for w in old["warnings"])
    assert {r["agency"] for r in store.reports() if r["file"].startswith("hongze")} == {"淮安市洪泽区人民政府"}


def test_checks_flag_only_what_the_reports_print_wrong(store):
    failed = {r["file"]: sorted(c["name"] for c in r["checks"] if c["status"] == "fail") for r in store.reports()}
    assert failed == {
        "huaian-gov-2024.pdf": [],
        "hongze-gov-2024.pdf": [],
        # as published: 行政复议 10/1/0/0 with 总计 0; 复议后起诉 5/0/0/0 with 总计 0
        "hongze-gov-2023.pdf": ["review_litigation.total.review", "review_litigation.total.suit_after_review"],
        "shanghai-gov-office-2025.md": ["proactive.placement"],
    }
    status = {r["file"]: r["status"] for r in store.reports()}
    assert status["huaian-gov-2024.pdf"] == status["hongze-gov-2024.pdf"] == "ok"
    review = [c for c in _report(store, "hongze-gov-2023.pdf")["checks"] if c["name"] == "review_litigation.total.review"]
    assert review[0]["detail"] == "“行政复议”：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计：10 + 1 + 0 + 0 = 11 ≠ 0（印）"


def test_the_unplaced_rows_are_named(store):
    placement = [c for c in _report(store, "shanghai-gov-office-2025.md")["checks"] if c["name"] == "proactive.placement"]
    assert "规章 22 235" in placement[0]["detail"] and "行政规范性文件 34 189" in placement[0]["detail"]


def test_formats_by_evidence(store):
    for r in store.reports():
        assert r["formats"] == {"proactive": "2021", "applications": "2021"}, r["file"]
    # hongze prints （六）其他处理 as one row: stored as printed, as the row other, not as three items
    facts = {(f["row"], f["column"]): f for f in store.facts(_report(store, "hongze-gov-2024.pdf")["id"])}
    assert not facts[("other", "total")]["derived"] and ("other.other", "total") not in facts
    assert any("（六）其他处理印为一行" in w for w in _report(store, "hongze-gov-2024.pdf")["warnings"])


def test_no_narrative_check_fails(store):
    for r in store.reports():
        narrative = [c for c in r["checks"] if c["name"].startswith("narrative.")]
        assert all(c["status"] != "fail" for c in narrative), r["file"]
    shanghai = _report(store, "shanghai-gov-office-2025.md")["checks"]
    assert {c["name"] for c in shanghai if c["status"] == "pass"} >= {"narrative.办结", "narrative.上年结转"}


def test_fee_amounts_keep_their_decimals(store):
    facts = store.facts(_report(store, "huaian-gov-2024.pdf")["id"], table="proactive")
    assert next(f for f in facts if f["row"] == "fees")["value"] == Decimal("96171.6")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    from qa import Answerer

    settings = Settings(corpus_dir=REAL, data_dir=tmp_path_factory.mktemp("real-qa"), embedder="fake")
    assert not build(settings, progress=False).errors
    answerer = Answerer(settings, llm=None)
    answerer.settings = settings  # for the web app's handlers below
    yield answerer
    answerer.close()


def test_staff_see_an_agency_over_its_years(answerer):
    import ui

    app = ui.App(answerer.settings, answerer)
    listed = app.reports_table().set_index("报告编号")
    assert listed.loc["hongze-gov-2023", "该机关各年度"] == listed.loc["hongze-gov-2024", "该机关各年度"] == "2023、2024"
    assert listed.loc["huaian-gov-2024", "该机关各年度"] == "2024"
    # no manifest row names them: found in their titles, and placed in the country's divisions
    assert listed.loc["hongze-gov-2023", "地区"] == listed.loc["hongze-gov-2024", "地区"] == "江苏省淮安市洪泽区"
    assert listed.loc["hongze-gov-2023", "识别依据"] == "机关：标题（名称与该机关其他报告统一）；年度：标题"
    assert listed.loc["huaian-gov-2024", "识别依据"] == "机关：标题；年度：标题"
    *_, chart, line, download = app.lookup(["淮安市洪泽区人民政府", "淮安市人民政府"], [], "applications",
                                           ["new_received"], ["total"])
    assert line.visible and chart.count("nowrap") == 3  # three bars, each with its value written
    points = [(p[0], p[1]) for p in line.value["data"]]
    assert points == [("2023", 21), ("2024", 95)]  # the city has one year: no line of its own


def test_one_agency_over_its_years(answerer):
    # hongze-gov-2023 is titled 洪泽区人民政府; asked by the 2024 title it is the same agency
    assert "21件" in answerer.ask("淮安市洪泽区人民政府2023年新收了多少件申请？").answer
    most = answerer.ask("洪泽区哪一年新收的申请最多？").answer
    assert "最多的是2024年度" in most and "95件" in most and "21件" in most
    change = answerer.ask("洪泽区2024年比2023年多收了多少件申请？").answer
    assert "2024年度比2023年度增加74件（计算所得：95 − 21 = 74" in change
    series = answerer.ask("洪泽区近两年结转下年度多少件？")
    assert [c.year for c in series.citations] == [2023, 2024]


def test_pdf_sentences_are_quoted_whole_across_line_wraps(answerer):
    answer = answerer.ask("淮安市政府2024年通过文字、图片等形式制作了多少个政策解读？")
    assert answer.mode == "retrieval" and "制作政策解读21 个" in answer.answer, answer.answer


def test_names_spelt_and_placed_as_people_write_them(answerer):
    assert "88283" in answerer.ask("Huai'an市政府2024年行政强制决定有多少？").answer
    assert "195" in answerer.ask("洪泽区人民政府2023年行政强制决定数是多少？").answer
    for question in ("淮安市清江浦区2024年收到多少件政府信息公开申请？", "上海浦东新区2025年新收政府信息公开申请多少件？"):
        assert answerer.ask(question).mode == "refusal", question


def test_changes_follow_ups_and_units_over_the_years(answerer):
    from qa import Conversation

    assert "增加5件" in answerer.ask("洪泽区2024年部分公开的申请比2023年增加了几件？").answer
    assert "74" in answerer.ask("By how much did Hongze's newly received requests change from 2023 to 2024?").answer
    chat = Conversation(answerer)
    chat.ask("洪泽区2023年行政许可处理决定有多少？")
    assert "9487" in chat.ask("那下一年呢？").answer
    days = answerer.ask("洪泽区2024年依申请公开的平均答复天数是多少？")
    assert days.mode == "refusal" and "95" not in days.answer


def test_problems_and_plans_are_told_apart(answerer):
    answer = answerer.ask("淮安市人民政府2024年报告里说政策解读方面存在什么问题？打算怎么改进？").answer
    assert answer.index("政策解读质量仍需提升") < answer.index("我市将着力加强政策解读质效"), answer


def test_no_year_named_answers_every_year_the_agency_reported(answerer):
    answer = answerer.ask("洪泽区新收了多少件政府信息公开申请？")
    assert "21件" in answer.answer and "95件" in answer.answer  # 2023 and 2024, both cited
    assert sorted(c.year for c in answer.citations) == [2023, 2024]


def test_a_province_names_the_reports_under_it(answerer):
    listed = answerer.ask("江苏省有哪些报告？")
    assert listed.mode == "lookup" and "淮安市人民政府" in listed.answer and "淮安市洪泽区人民政府" in listed.answer
    assert "上海" not in listed.answer
    each = answerer.ask("江苏省各地2024年新收了多少件申请？")
    assert "3119件" in each.answer and "95件" in each.answer and "上海" not in each.answer
    below = answerer.ask("淮安市下面各区县2024年新收了多少件申请？")
    assert "95件" in below.answer and "3119" not in below.answer
    refused = answerer.ask("淮安市清江浦区2024年新收了多少件申请？")
    assert refused.mode == "refusal" and refused.answer.index("淮安市人民政府") < refused.answer.index("上海")
