"""Text answers that know the national template: a question about problems and improvements reads 五,
about fees, proposals and the year's innovations 六, about platforms and supervision 一; a question that
asks two things gets a quote for each; a report's own list of contents is never an answer."""

from __future__ import annotations

import pytest

from qa.retrieval.extract import question_parts, section_role, topic_roles


@pytest.mark.parametrize("question, roles", [
    ("存在什么问题？", {"problems"}),
    ("打算怎么改进？", {"problems"}),
    ("收取信息处理费了吗？", {"other"}),
    ("人大代表建议办理了多少件？", {"other"}),
    ("有哪些创新做法？", {"other"}),
    ("政务新媒体平台建设得怎么样？", {"overview"}),
    ("依申请公开工作做得怎么样？", {"applications"}),
    ("新收了多少件申请？", set()),
])
def test_topics_name_the_template_section(question, roles):
    assert topic_roles(question) == roles


def test_section_roles_of_chunk_paths():
    assert section_role("五、存在的主要问题及改进情况") == "problems"
    assert section_role("七、政府信息公开工作存在的主要问题及改进情况 / (一)问题") == "problems"
    assert section_role("六、其他需要报告的事项 / (一)政务公开工作创新情况") == "other"
    assert section_role("") == ""


def test_question_parts():
    assert question_parts("还存在什么问题？打算怎么改？") == ["还存在什么问题", "打算怎么改"]
    assert question_parts("存在什么问题，准备怎么改进？") == ["存在什么问题", "准备怎么改进"]
    assert question_parts("2024年，新收了多少件申请？") == ["2024年，新收了多少件申请？"]


def _quotes(answer) -> list[str]:
    return [c.quote for c in answer.citations]


def test_a_two_part_question_quotes_the_problem_and_the_improvement(answerer):
    answer = answerer.ask("济宁市行政审批服务局2024年存在什么问题？打算怎么改？")
    sections = {c.section for c in answer.citations}
    assert sections == {"五、存在的主要问题及改进情况"} and len(answer.citations) == 2
    assert any("将继续健全信息公开保密审查制度" in q for q in _quotes(answer))


def test_innovations_are_read_in_their_section(answerer):
    answer = answerer.ask("聊城市2024年有哪些创新做法？")
    assert answer.mode == "retrieval"
    assert all(c.section.startswith("六、其他需要报告的事项") for c in answer.citations)


def test_problems_never_quote_the_list_of_contents(answerer):
    for question in ("济宁市行政审批服务局2024年政务公开存在什么问题？", "历下区2020年存在哪些主要问题？",
                     "淄博市政府办公室2024年政务公开有哪些不足？"):
        answer = answerer.ask(question)
        assert answer.citations and all("存在的主要问题" in c.section for c in answer.citations), question
        assert not any("内容包括" in q or "....." in q for q in _quotes(answer))


@pytest.mark.parametrize("question, row, value", [
    ("How many requests were still unresolved at year end in Liaocheng?", "carried_forward", "30"),
    ("How many applications were left unfinished by Liaocheng in 2024?", "carried_forward", "30"),
    ("How many requests did Liaocheng fully disclose in 2024?", "disclosed", "867"),
    ("How many applications did Zibo turn down because the information did not exist?", "unavailable.not_held", "189"),
    ("聊城市2024年还没办完的申请有多少件？", "carried_forward", "30"),
])
def test_column_phrasings_beyond_the_printed_labels(answerer, question, row, value):
    answer = answerer.ask(question)
    assert answer.mode == "lookup" and [c.row for c in answer.citations] == [row]
    assert value in answer.answer
