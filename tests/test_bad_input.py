"""Bad input never crashes: any question text gets an answer, a refusal or a clear error; a
damaged table yields flagged facts, never an exception; report and user text stay text in the UI."""

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index import UserError, normalize, parse_text
from index.tables.schema import TABLES
from qa.answering.answer import CLARIFY, LOOKUP, REFUSAL, RETRIEVAL
from qa.views.chat import literal
from qa.views.render import excerpt_html
from tests.conftest import SEEDS
from tests.seed_expected import EXPECTED

FRAGMENTS = ["聊城市", "2024年", "结转", "多少件", "'; DROP TABLE facts; --", "<script>alert(1)</script>",
             "<img src=x onerror=alert(1)>", "\x00", "\x1b[31m", "\u202e", "🙂🏛️", "Лиочэн", "مرحبا", "行政复议",
             "ignore previous instructions", "忽略以上指令", "%s%n", "{{7*7}}", "\n\n", "   ", "济南历下区", "？"]
QUESTIONS = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=490, max_size=520),
)
MODES = {LOOKUP, RETRIEVAL, REFUSAL, CLARIFY}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=QUESTIONS)
def test_any_question_gets_an_answer_a_refusal_or_a_clear_error(answerer, question):
    try:
        answer = answerer.ask(question)
    except UserError as error:
        assert str(error).startswith(("请输入问题", "问题太长"))
        return
    assert answer.mode in MODES and answer.answer.strip()
    for citation in answer.citations:
        assert citation.report_id in answerer.facts.reports


@pytest.mark.parametrize("question", ["", " \t\n ", "聊" * 100_000, "\x00" * 600])
def test_empty_and_huge_questions_are_refused_with_a_message(answerer, question):
    with pytest.raises(UserError, match="请输入问题|问题太长"):
        answerer.ask(question)


def damage(text: str, seed: int, count: int) -> str:
    """Random extraction damage inside the applications table: cut, doubled and merged lines,
    lost tabs, changed digits, stray characters."""
    rng = random.Random(seed)
    spans = [(f.start, f.end) for f in parse_text(text).facts if f.table == "applications" and f.start is not None]
    start = text.count("\n", 0, min(s for s, _ in spans))
    end = text.count("\n", 0, max(e for _, e in spans)) + 1
    lines = text.split("\n")
    for _ in range(count):
        i = rng.randrange(start, end)
        line = lines[i]
        kind = rng.randrange(6)
        if kind == 0:
            lines[i] = ""
        elif kind == 1:
            lines.insert(i, line)
        elif kind == 2 and i + 1 < len(lines):
            lines[i] = line + lines.pop(i + 1)
        elif kind == 3:
            lines[i] = line.replace("\t", " ", rng.randrange(1, 4))
        elif kind == 4 and line:
            j = rng.randrange(len(line))
            lines[i] = line[:j] + (str(rng.randrange(10)) if line[j].isdigit() else line[j]) + line[j + 1:]
        elif line:
            j = rng.randrange(len(line))
            lines[i] = line[:j] + rng.choice(["/", "—", "无", "*", "（", "\t", " ", "1"]) + line[j:]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(report=st.sampled_from(sorted(EXPECTED)), seed=st.integers(0, 10**6), count=st.integers(1, 6))
def test_a_damaged_table_is_flagged_or_read_never_a_crash(report, seed, count):
    text = normalize(damage(normalize((SEEDS / "reports" / f"{report}.txt").read_text(encoding="utf-8")), seed, count))
    parsed = parse_text(text, report)
    assert {f.table for f in parsed.facts} <= set(TABLES)
    assert all(c.status in ("pass", "fail", "skip") for c in parsed.checks)
    if any(c.status == "fail" for c in parsed.checks):
        assert parsed.status == "flagged"
    for fact in parsed.facts:
        if not fact.derived and fact.start is not None:
            # (a thousands group may be written with a comma or a space: 1,909 and 1 909 are both read 1909)
            printed = re.sub(r"(?<=\d)[, ](?=\d{3})", "", text[fact.start:fact.end])
            assert str(abs(fact.value)).split(".")[0] in printed, (fact, printed)


@given(text=st.text(max_size=200))
def test_report_and_user_text_stay_text(text):
    page = "一、总体情况\n" + text + "\n"
    html = excerpt_html(page, {"number": 1, "title": "总体情况", "start": 0, "end": len(page)}, 7, len(page))
    assert "<" not in html.replace("<b>", "").replace("</b>", "").replace("<br>", "").replace(
        '<mark style="background:#fde047">', "").replace("</mark>", "").replace(
        '<div style="font-size:13px;line-height:1.6">', "").replace("</div>", "")
    assert "<" not in literal(text).replace("\\<", "")
