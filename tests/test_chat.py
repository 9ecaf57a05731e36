"""Chat messages: literal text, an answer growing sentence by sentence, citation lines."""

from qa.answering.compose import Citation
from qa.views.chat import QUOTE_CHARS, answer_message, citation_line, growing, literal


def test_markup_is_shown_literally():
    assert literal("<b>x</b> *y* `z` #1 a|b") == "\\<b\\>x\\</b\\> \\*y\\* \\`z\\` \\#1 a\\|b"
    assert literal("30件[1]。") == "30件[1]。"  # citation markers stay as they are


def test_an_answer_grows_by_sentences_to_the_whole():
    text = "甲有30件[1]；乙有29件[2]。另：丙没有报告。"
    shown = list(growing(text))
    assert shown == ["甲有30件[1]；", "甲有30件[1]；乙有29件[2]。", text]
    assert list(growing("no end mark")) == ["no end mark"]
    ranking = "".join(f"{n}. 某机关{n}件；" for n in range(1, 11))
    shown = list(growing(ranking))
    assert len(shown) == 3 and shown[-1] == ranking and all(b.startswith(a) for a, b in zip(shown, shown[1:]))


def test_a_citation_line_names_its_place_and_shortens_long_quotes():
    cell = Citation(n=1, report_id="r", agency="聊城市人民政府", year=2024, title="t",
                    section="三、收到和处理政府信息公开申请情况", table="applications", row="carried_forward",
                    column="total", row_label="结转下年度继续办理", column_label="总计",
                    quote="四、结转下年度继续办理\t29 1 0 0 0 30")
    assert citation_line(cell) == ("[1] 聊城市人民政府2024年度报告 · 三、收到和处理政府信息公开申请情况 · "
                                   "结转下年度继续办理 × 总计：「四、结转下年度继续办理 29 1 0 0 0 30」")
    quote = Citation(n=2, report_id="r", agency="淄博市人民政府办公室", year=2024, title="t", section="一、总体情况",
                     quote="很长" * 100)
    line = citation_line(quote)
    assert line.endswith("……」") and len(line.split("「")[1]) == QUOTE_CHARS + 1


def test_an_answer_without_citations_has_no_citation_list():
    assert answer_message("无法回答。", []) == {"role": "assistant", "content": "无法回答。"}
    assert "**引用**" in answer_message("x[1]", [Citation(1, "r", "a", 1, "t", "s", "q")])["content"]


def test_a_long_quote_is_cut_where_a_clause_ends():
    sentence = "针对存在问题，下一步将着重在政策解读、平台建设和依申请公开办理三个方面持续发力。"
    quote = Citation(n=3, report_id="r", agency="淮安市人民政府", year=2024, title="t", section="五、存在的主要问题",
                     quote=sentence * 4)
    shown = citation_line(quote).split("「")[1].removesuffix("」")
    assert shown.endswith("。……") and not shown.endswith("着重在……")
    assert len(shown) <= QUOTE_CHARS + 2


def test_a_question_back_carries_its_choices_as_buttons():
    options = [{"label": "不予处理", "value": "淄博2024年不予处理有多少？"}]
    message = answer_message("您问的可能是：“不予处理”。", [], options)
    assert message["options"] == options
    assert "options" not in answer_message("x", [])
