"""Answers a citizen and a clerk can trust (issue 23): a question whose words no cell explains never
falls back to a default cell; summaries, totals, averages, shares and comparisons are computed over
cited cells with their working; what reports do not hold is said plainly; a cell of an identity that
fails is answered with the conflict, never as a bare figure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index import Settings, build
from qa import Answerer, Conversation
from qa.understanding.understand import understand
from tests.conftest import seed_text, zibo_failing_review

AGENCIES = {"济南市政府办公厅": 2024, "淄博市政府办公室": 2024, "济宁市行政审批服务局": 2024, "聊城市": 2024,
            "历下区": 2020}
# Things annual reports count nowhere in their tables (a text sentence may still state one).
UNCOUNTED = ["专职工作人员", "办公经费", "网站改版的花费", "微信公众号的粉丝", "会议室", "来访群众",
             "申请人的平均年龄", "律师的咨询", "工作人员的加班", "电子邮件"]
TEMPLATES = ["{a}{y}年{t}有多少？", "{a}{y}年的{t}是多少", "{y}年{a}{t}一共有几个？"]


def cited_rows(answer) -> set[str]:
    return {c.row for c in answer.citations if c.table}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agency=st.sampled_from(sorted(AGENCIES)), thing=st.sampled_from(UNCOUNTED),
       template=st.sampled_from(TEMPLATES))
def test_words_no_cell_explains_never_get_a_default_cell(answerer, agency, thing, template):
    question = template.format(a=agency, y=AGENCIES[agency], t=thing)
    answer = answerer.ask(question)
    assert answer.mode != "lookup", (question, answer.answer)
    assert "new_received" not in cited_rows(answer), (question, answer.answer)


@pytest.mark.parametrize("followup", ["那济宁呢？", "那济宁市行政审批服务局呢"])
def test_not_disclosed_reaches_withheld_and_says_its_other_readings(answerer, followup):
    conversation = Conversation(answerer)
    first = conversation.ask("济南市政府办公厅2024年有多少申请没有公开")
    assert first.mode == "lookup" and "537" not in first.answer
    assert "不予公开（总计）86件" in first.answer and "部分公开" in first.answer and "无法提供" in first.answer
    assert cited_rows(first) == {"withheld", "partially_disclosed", "unavailable"}
    second = conversation.ask(followup)
    assert "27件" not in second.answer and cited_rows(second) == {"withheld", "partially_disclosed", "unavailable"}
    assert {c.report_id for c in second.citations} == {"jining-approval-bureau-2024"}


def test_a_question_back_offers_its_cells_as_questions_that_answer(answerer):
    answer = answerer.ask("淄博市政府办公室2024年办理结果里，那种既不算公开、也不算拒绝或给不了，只能算别的情况处理掉的有几件？")
    assert answer.mode == "clarify" and 2 <= len(answer.options) <= 3
    for option in answer.options:
        assert option["label"] in answer.answer
        chosen = answerer.ask(option["value"])
        assert chosen.mode == "lookup" and chosen.citations, option


def test_an_ambiguous_name_offers_each_agency():
    from qa.answering.refusal import which
    from qa.understanding.understand import Query

    query = Query(text="淮安2024年新收多少件申请", language="zh", ambiguous=[("淮安", ["淮安市人民政府", "淮安市淮安区人民政府"])])
    answer = which(None, query)
    assert answer.mode == "clarify"
    assert [o["label"] for o in answer.options] == ["淮安市人民政府", "淮安市淮安区人民政府"]
    assert answer.options[1]["value"] == "淮安市淮安区人民政府2024年新收多少件申请"


def test_a_negated_row_is_not_the_one_asked(answerer):
    query = understand("淄博市2024年既不算公开、也不算拒绝的有几件", answerer.gazetteer)
    assert not [a for a in query.asks if a.row in ("withheld", "unavailable")]


@pytest.mark.parametrize("question,language", [
    ("总结一下聊城市2024年政府信息公开工作", "zh"), ("概括一下聊城市政府的年度报告", "zh"),
    ("聊城市2024年这一年做了什么？", "zh"), ("Summarize Liaocheng's 2024 report", "en"),
])
def test_a_summary_quotes_each_point_and_gives_the_key_figures(answerer, question, language):
    answer = answerer.ask(question)
    assert answer.mode == "lookup", answer.answer
    quotes = [c for c in answer.citations if not c.table]
    assert len(quotes) == 5 and all(c.section == "一、总体情况" for c in quotes)
    assert quotes[0].quote.startswith("2024 年，主动公开市政府和市政府办公室政策文件 34 件")  # wrapped lines joined
    assert {c.row for c in answer.citations if c.table} >= {"new_received", "processed_total", "carried_forward",
                                                            "review"}
    for figure in ("1951", "1950", "30", "126", "57"):
        assert figure in answer.answer
    assert ("in brief" in answer.answer) == (language == "en")


def test_a_topic_is_not_a_summary(answerer):
    assert not understand("介绍一下聊城市的政策解读工作", answerer.gazetteer).summary
    assert understand("总结一下聊城市2024年政府信息公开工作", answerer.gazetteer).summary


def test_a_summary_without_an_agency_asks_which(answerer):
    assert answerer.ask("总结一下2024年的政府信息公开工作").mode == "clarify"


def test_a_total_over_every_agency_is_computed_and_names_what_is_left_out(answerer):
    answer = answerer.ask("2024年所有机关一共收到多少件申请？")
    assert answer.mode == "lookup"
    assert "合计2760件（计算所得：537 + 27 + 245 + 1951 = 2760）" in answer.answer
    assert "历下区人民政府没有2024年度的报告" in answer.answer
    assert {c.report_id for c in answer.citations} == {"jinan-gov-office-2024", "zibo-gov-office-2024",
                                                       "jining-approval-bureau-2024", "liaocheng-gov-2024"}


def test_every_agency_after_a_two_agency_question_is_every_agency(answerer):
    conversation = Conversation(answerer)
    conversation.ask("2024年聊城和淄博各收到多少申请")
    answer = conversation.ask("2024年所有机关一共收到多少件申请？")
    assert "2760" in answer.answer


def test_an_average_and_shares_show_their_working(answerer):
    mean = answerer.ask("2024年济南市政府办公厅、淄博市政府办公室、济宁市行政审批服务局和聊城市政府平均每家新收多少件申请？")
    assert "平均每个机关690件（计算所得：(537 + 27 + 245 + 1951) ÷ 4 = 690）" in mean.answer
    shares = answerer.ask("2024年各机关新收申请各占多少比例？")
    assert "聊城市人民政府 70.7%" in shares.answer and "济南市人民政府办公厅 19.5%" in shares.answer
    assert "计算所得" in shares.answer


def test_a_comparison_says_which_is_larger_by_how_much_and_how_many_times(answerer):
    answer = answerer.ask("2024年聊城和淄博哪个收到的申请多？多多少？")
    assert answer.mode == "lookup"
    assert "聊城市人民政府较多" in answer.answer
    assert "多1706件（计算所得：1951 − 245 = 1706）" in answer.answer
    assert "7.96倍（1951 ÷ 245 ≈ 7.96）" in answer.answer
    english = answerer.ask("Which received more applications in 2024, Liaocheng or Zibo? By how much?")
    assert "1706 more" in english.answer and "1951 − 245 = 1706" in english.answer


def test_a_place_with_no_reports_of_its_districts_is_refused_not_answered_with_its_own(answerer):
    answer = answerer.ask("济南市2024年全市各区县、各部门一共收到多少件信息公开申请？")
    assert answer.mode == "refusal" and "537" not in answer.answer


@pytest.mark.parametrize("question,kind", [
    ("我要怎么申请政府信息公开？", "procedure"),
    ("What is the legal deadline for an agency to reply to my information request?", "procedure"),
    ("济宁市行政审批服务局的局长是谁？", "person"),
    ("聊城市政府的信息公开做得好不好？", "opinion"),
    ("我的申请被济南市政府办公厅拒了，你能帮我写一份行政复议申请书吗？", "help"),
])
def test_what_reports_do_not_hold_is_said_plainly(answerer, question, kind):
    answer = answerer.ask(question)
    assert answer.query.outside == kind
    assert answer.mode == "refusal"
    assert not re.search(r"\d{2,}件", answer.answer)  # no figure of anything
    # a quote only when it is about applying (the guide, the channels), never an unrelated one
    assert all(re.search("指南|渠道|申请", c.quote) for c in answer.citations)


def test_a_rate_of_another_subject_is_no_answer_but_answers_its_own_subject(answerer):
    # the Jining report's 满意率 of 100% is the deputies' proposals', not the applicants'
    asked = answerer.ask("济宁市行政审批服务局2024年信息公开申请人的满意率是多少？")
    assert asked.mode == "refusal" and "并非答案" in asked.answer
    own = answerer.ask("济宁市行政审批服务局2024年人大代表建议和政协提案的满意率是多少？")
    assert own.mode == "retrieval" and "满意率均达100%" in own.answer


def test_figures_of_reports_still_answer_beside_the_new_kinds(answerer):
    assert "1951" in answerer.ask("聊城市2024年新收多少件申请").answer
    assert answerer.ask("聊城市2024年新收申请一共多少").answer.count("1951") == 1


# -- a table whose identity fails; a report naming its channels ------------------------------------

GUIDE = "申请人可通过在线申请、信函申请、当面申请等渠道提出申请，详见本局政府信息公开指南。"


def test_the_application_channel_sentence_is_quoted_when_a_report_names_one(damaged):
    answer = damaged.ask("我要怎么向济宁市行政审批服务局申请政府信息公开？")
    assert answer.mode == "refusal" and f"“{GUIDE}”" in answer.answer
    assert [c.quote for c in answer.citations] == [GUIDE]


# -- (the fixture) --------------------------------------------------------------------

@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """Zibo's report with its 行政复议 row printed 10 维持, 1 纠正, 0, 0 and 总计 0; Jining's naming its
    application channels (the seeds name none)."""
    root = tmp_path_factory.mktemp("damaged")
    text = zibo_failing_review()
    (root / "corpus" / "reports").mkdir(parents=True)
    (root / "corpus" / "reports" / "zibo.txt").write_text(text, encoding="utf-8")
    jining = seed_text("jining-approval-bureau-2024")
    at = jining.index("\n", jining.index("一、总体情况")) + 1
    (root / "corpus" / "reports" / "jining.txt").write_text(jining[:at] + GUIDE + "\n" + jining[at:], encoding="utf-8")
    settings = Settings(data_dir=Path(root / "data"), corpus_dir=root / "corpus", embedder="fake")
    assert not build(settings, progress=False).errors
    return Answerer(settings, llm=None)


@pytest.mark.parametrize("question", ["淄博市政府办公室2024年行政复议多少件", "淄博市政府办公室2024年行政复议维持了多少件"])
def test_a_cell_of_a_failed_identity_is_answered_with_the_conflict(damaged, question):
    answer = damaged.ask(question)
    assert "该行各项（结果维持、结果纠正、其他结果、尚未审结）为10、1、0、0，合计11，但“总计”印为0" in answer.answer
    assert not re.search(r"行政复议（(总计|结果维持)）\d", answer.answer)  # no bare figure
    assert answer.citations and answer.citations[0].row == "review"


def test_the_conflict_in_english(damaged):
    answer = damaged.ask("How many administrative reviews did Zibo have in 2024?")
    assert "the row's items" in answer.answer and "are 10, 1, 0, 0, 11 in all" in answer.answer
    assert "“总计” is 0 as printed" in answer.answer


def test_a_total_leaves_out_a_cell_of_a_failed_identity(damaged):
    answer = damaged.ask("2024年淄博和济宁的行政复议一共多少件")
    assert "计算所得" not in answer.answer  # one report left: nothing to add up
    fine = damaged.ask("2024年淄博和济宁一共新收多少件申请")
    assert "合计272件（计算所得：" in fine.answer


# -- smaller readings ----------------------------------------------------------------------------------

def test_a_column_follow_up_keeps_the_row_and_agency(answerer):
    conversation = Conversation(answerer)
    first = conversation.ask("济南市政府2024年新立了几部市政府自己的“法”（就是以市政府令发布的那种）？")
    assert "规章（本年制发件数）4件" in first.answer
    assert "规章（现行有效件数）66件" in conversation.ask("那到年底还有效的一共有几部？").answer


def test_refused_is_read_both_ways_in_either_language(answerer):
    for question in ("济宁市行政审批服务局2024年有多少件信息公开申请被拒了？", "How many requests did Jining's approval bureau refuse in 2024?"):
        answer = answerer.ask(question)
        assert cited_rows(answer) == {"withheld", "unavailable"}, answer.answer


def test_an_english_word_no_glossary_has_is_not_checked_against_a_chinese_sentence(answerer):
    answer = answerer.ask("How many requests did Liaocheng misplace in 2024?")
    assert answer.mode != "retrieval" or "1980" not in answer.answer


def test_a_clause_is_checked_with_the_sentence_it_stands_in(answerer):
    # 政策法规类信息308条 is a clause of a 其中… sentence about the portal's 18396 items
    answer = answerer.ask("历下区2020年政府门户网站公开的政策法规类信息有多少条？")
    assert answer.mode == "retrieval" and "308条" in answer.answer


def test_carried_on_into_a_year_names_the_year_before():
    from qa.understanding.years import find_years

    assert find_years("2023年没办完、拖到2024年才接着办的申请") == [2023]


def test_a_place_alone_after_a_two_year_question_keeps_both_years():
    from qa.understanding.gazetteer import Gazetteer

    gazetteer = Gazetteer([{"agency": "淮安市人民政府", "region": "淮安市", "year": 2024},
                           {"agency": "淮安市洪泽区人民政府", "region": "淮安市洪泽区", "year": 2023},
                           {"agency": "淮安市洪泽区人民政府", "region": "淮安市洪泽区", "year": 2024}])
    first = understand("洪泽区2023年和2024年新收了多少件申请？", gazetteer)
    then = understand("那淮安市呢？", gazetteer, first)
    assert then.followup and then.agencies == ["淮安市人民政府"] and then.years == [2023, 2024]
    assert [a.row for a in then.asks] == ["new_received"]


@pytest.mark.parametrize("question,shown", [
    ("聊城市政府2024年办完的申请里，全部公开的占百分之多少？", "占办理结果总计（总计）1950件[2]的44.5%（计算所得：867 ÷ 1950 ≈ 44.5%）"),
    ("聊城市2024年予以公开的申请占办理结果总计的比例是多少", "的44.5%（计算所得：867 ÷ 1950 ≈ 44.5%）"),
    ("What share of the new requests Liaocheng received in 2024 came from individuals?",
     "which is 97.8% of newly received applications"),
])
def test_a_part_of_its_whole_is_computed_with_its_working(answerer, question, shown):
    answer = answerer.ask(question)
    assert answer.mode == "lookup" and shown in answer.answer, answer.answer
    assert len([c for c in answer.citations if c.table]) == 2


def test_a_summary_is_asked_in_many_ways(answerer):
    for question in ("简单说说济宁市行政审批服务局2024年政府信息公开的情况",
                     "Give me an overview of what the Jinan municipal government general office did in 2024.",
                     "Brief summary of the Jining administrative approval bureau's 2024 disclosure report, please."):
        assert understand(question, answerer.gazetteer).summary, question


def test_a_figure_its_text_states_otherwise_is_answered_with_the_conflict():
    """A failed check between a cell and the report's own text (the key `narrative`), as the scale
    benchmark's perturbed reports have them: the cell's name and both figures, no crash."""
    from decimal import Decimal

    from qa.answering.conflict import conflict
    from qa.retrieval.lookup import Cell

    check = {"name": "narrative.办结", "table": "applications", "status": "fail",
             "detail": "正文“依法办结 548 件”所述的办结，与表中总计列：550 ≠ 548（正文）",
             "numbers": {"processed_total.total": 550, "narrative": 548}}
    report = {"id": "r", "agency": "东湖市人民政府", "year": 2023, "checks": [check]}
    fact = {"derived": False}
    cell = Cell(report, "applications", "processed_total", "total", Decimal(550), "件", (fact,))
    said = conflict(cell, "zh")
    assert "“办理结果总计 × 总计”为550" in said and said.endswith("但正文写为548")
    assert "548" in conflict(cell, "en") and "the report's text" in conflict(cell, "en")
