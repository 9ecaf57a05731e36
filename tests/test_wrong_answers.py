"""Wrong is worse than silent: a figure answers a how-many question only when it is of the kind
asked (件, 人, 元, 天) and said of what was asked; otherwise the answer is a refusal that points."""

import pytest

from qa.understanding.measures import answers, asked, figure_kinds, kind_of


@pytest.mark.parametrize("question,kind", [
    ("有多少名专职的政务公开工作人员？", "person"), ("政府网站改版一共花了多少钱？", "money"),
    ("依申请公开的平均答复天数是多少？", "day"), ("新收了多少件申请？", "count"),
    ("How many people were trained?", "person"), ("How many applications did the People's Government receive?", ""),
    ("收费多少？", ""),
])
def test_what_a_question_counts(question, kind):
    assert asked(question) == kind


def test_what_a_sentence_counts():
    assert figure_kinds("培训人数达1000余人，覆盖全市") == {"person"}
    assert figure_kinds("主动公开政府信息18396条，同比增加804条，上升4.6%") == {"count", "percent"}
    assert figure_kinds("收取信息处理费 3940 元") == {"money"} and kind_of("万元") == "money" and kind_of("件") == "count"
    assert answers("", {"count"}) and answers("person", {"person", "count"}) and not answers("money", {"count"})


@pytest.mark.parametrize("question", [
    "聊城市人民政府有多少名专职的政务公开工作人员？",  # 培训人数1000余人 is people, but not its staff
    "历下区政府2020年政府网站改版一共花了多少钱？",  # 18396条 is no sum of money
])
def test_a_figure_that_does_not_answer_is_only_a_pointer(answerer, question):
    answer = answerer.ask(question)
    assert answer.mode == "refusal" and "并非答案" in answer.answer, answer.answer


def test_a_qualifier_no_cell_breaks_down_is_refused(answerer):
    answer = answerer.ask("聊城市2024年收到的申请中，来自外省申请人的有多少件？")
    assert answer.mode == "refusal" and "1951" not in answer.answer and "本年新收" in answer.answer


def test_applications_count_their_applicants(answerer):
    assert "1951" in answerer.ask("去年聊城有多少人申请公开信息？").answer


def test_a_sentence_of_nothing_answers_any_how_many(answerer):
    answer = answerer.ask("淄博市政府办公室2024年办了多少件人大建议和政协提案？")
    assert answer.mode == "retrieval" and "无人大代表建议" in answer.answer
