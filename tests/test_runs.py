"""Run-together cells (index/tables/runs.py): a crawler's flat text prints each row's cells as one digit
string stuck to its label, with padding spaces inside it. Tables drawn at random, consistent with the
national template's identities, are flattened and read back: a cell is read right or not at all, the
report is flagged exactly when a cell is lost, and a misprinted total is never split away."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import Settings, build, parse_text
from index.tables.cells import Cell
from index.tables.facts import NOTE_SPLIT
from index.tables.runs import choose, split_label_runs, splits
from index.tables.schema import APPLICATION_COLUMNS, APPLICATION_ROWS, APPLICATIONS, REVIEW_COLUMNS, REVIEW_GROUPS
from qa import Answerer

TEMPLATE = APPLICATION_ROWS["2021"]
RESULTS = [r.key for r in TEMPLATE[2:-2]]
HEADER = "申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"


def _row(rng: random.Random, busy: bool) -> list[int]:
    values = [rng.choice([0, 0, 0, rng.randint(1, 9), rng.randint(10, 400)]) if busy else rng.choice([0, 0, 1])
              for _ in range(6)]
    return values + [sum(values)]


def draw_table(rng: random.Random) -> dict[str, list[int]]:
    """An applications table (2021 format) whose every identity holds."""
    table = {key: _row(rng, key in ("disclosed", "partially_disclosed") or rng.random() < 0.3) for key in RESULTS}
    table["processed_total"] = [sum(table[k][c] for k in RESULTS) for c in range(7)]
    table["carried_forward"] = _row(rng, False)
    carried_in = [min(v, t + f) for v, t, f in zip(_row(rng, False), table["processed_total"], table["carried_forward"])]
    carried_in[6] = sum(carried_in[:6])
    table["carried_in"] = carried_in
    table["new_received"] = [t + f - i for t, f, i in zip(table["processed_total"], table["carried_forward"], carried_in)]
    return table


def _label(key: str) -> str:
    return next(r.label for r in TEMPLATE if r.key == key).replace(" · ", "")


def _digits(values: list[int], rng: random.Random) -> str:
    text = "".join(map(str, values))
    return "".join(ch + (" " if rng.random() < 0.25 and i < len(text) - 1 else "") for i, ch in enumerate(text))


def flat_report(table: dict[str, list[int]], rng: random.Random, review: list[int] | None = None) -> str:
    """A report whose table 三 (and 四) a crawler flattened; two rows share a line where the second's item
    number sticks to the first's digits."""
    lines, joined = [], False
    for row in TEMPLATE:
        text = _label(row.key) + _digits(table[row.key], rng)
        if lines and not joined and text[:1].isdigit() and rng.random() < 0.5:
            lines[-1] += text
            joined = True
        else:
            lines.append(text)
            joined = False
    out = ["某市人民政府2024年政府信息公开工作年度报告", "一、总体情况", "本年度工作情况如下。",
           "二、主动公开政府信息情况", "本年度主动公开情况如下。", "三、收到和处理政府信息公开申请情况", HEADER, *lines]
    if review is not None:
        out += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计", _digits(review, rng)]
    return "\n".join(out + ["五、存在的主要问题及改进情况", "下一步将继续改进。"]) + "\n"


def _truth(table: dict[str, list[int]]) -> dict[tuple[str, str], int]:
    return {(key, column): values[c] for key, values in table.items() for c, column in enumerate(APPLICATION_COLUMNS)}


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**9))
def test_a_drawn_table_flattened_is_read_right_or_flagged(seed):
    rng = random.Random(seed)
    table = draw_table(rng)
    report = parse_text(flat_report(table, rng), year=2024)
    got = {(f.row, f.column): f.value for f in report.facts if f.table == APPLICATIONS and not f.derived}
    truth = _truth(table)
    assert {k: v for k, v in got.items() if truth.get(k) != v} == {}  # none wrong
    lost = [k for k in truth if k not in got]
    split_failed = any(c.name == "applications.split" and c.status == "fail" for c in report.checks)
    assert split_failed == bool(lost)
    assert all(f.note == NOTE_SPLIT for f in report.facts if f.table == APPLICATIONS and not f.derived)


def test_most_drawn_rows_are_split_by_the_identities():
    """Over 200 drawn tables (a fixed seed), the share of cells the identities recover: all 35,000 when
    written. A row whose every split keeps its 总计 is decided by the column identities of the others;
    rows where two choices keep every identity (1|10 in one row and 10|1 in another) would be flagged."""
    rng = random.Random(2026)
    read = total = 0
    for _ in range(200):
        table = draw_table(rng)
        report = parse_text(flat_report(table, rng), year=2024)
        read += len([f for f in report.facts if f.table == APPLICATIONS and not f.derived])
        total += len(_truth(table))
    assert read / total > 0.99, (read, total)


def test_a_misprinted_total_is_flagged_never_split_away():
    rng = random.Random(5)
    table = draw_table(rng)
    table["disclosed"] = table["disclosed"][:6] + [table["disclosed"][6] + 1]  # its 总计 printed one too many
    report = parse_text(flat_report(table, rng), year=2024)
    assert not [f for f in report.facts if f.row == "disclosed"]
    assert report.status == "flagged"
    failed = [c for c in report.checks if c.status == "fail"]
    assert any(c.name == "applications.split" and "予以公开" in c.detail for c in failed)


@pytest.mark.parametrize("seed", range(12))
def test_table_four_as_one_digit_string_is_split_by_its_groups_totals(seed):
    rng = random.Random(seed)
    review = []
    for _ in REVIEW_GROUPS:
        values = [rng.choice([0, 0, 1, 2, 12]) for _ in range(4)]
        review += values + [sum(values)]
    report = parse_text(flat_report(draw_table(rng), rng, review), year=2024)
    got = [f for f in report.facts if f.table == "review_litigation"]
    expected = {(g, c): review[i * 5 + j] for i, g in enumerate(REVIEW_GROUPS) for j, c in enumerate(REVIEW_COLUMNS)}
    if got:
        assert {(f.row, f.column): f.value for f in got} == expected
    else:  # several splits make every group add up: flagged with them
        assert any(c.name == "review_litigation.split" and "可拆为" in c.detail for c in report.checks)


def test_splits_never_print_a_leading_zero_and_choose_needs_one_survivor():
    cell = Cell("35 0 00 0 136", 0, 13, 0, run=True)
    found = [[p[0] for p in s] for s in splits([cell], 7, lambda v: v[-1] == sum(v[:-1]))]
    assert found == [["35", "0", "0", "0", "0", "1", "36"]]
    assert list(splits([Cell("105", 0, 3, 0, run=True)], 2)) == [[("10", 0, 2), ("5", 2, 3)]]  # never 1|05
    decided, ambiguous = choose({"a": [[("1", 0, 1)], [("2", 0, 1)]]}, lambda choice: True)
    assert decided == {} and list(ambiguous) == ["a"]


def test_a_label_keeps_its_item_number_and_the_next_row_gets_its_own():
    line = [Cell("1.本机关不掌握相关政府信息1800002202.没有现成信息需要另行制作1300000 13", 0, 46, 0)]
    cells = split_label_runs([line])[0]
    assert [(c.text, c.run) for c in cells] == [
        ("1.本机关不掌握相关政府信息", False), ("180000220", True), ("2.没有现成信息需要另行制作", False), ("1300000 13", True)]


def test_a_split_cell_is_answered_saying_how_it_was_read(tmp_path):
    rng = random.Random(3)
    table = draw_table(rng)
    corpus = tmp_path / "corpus" / "reports"
    corpus.mkdir(parents=True)
    text = flat_report(table, rng).replace("某市人民政府", "聊城市人民政府")
    (corpus / "page.txt").write_text("标题: 聊城市人民政府2024年政府信息公开工作年度报告\n来源: 聊城市人民政府\n\n" + text,
                                     encoding="utf-8")
    settings = Settings(data_dir=Path(tmp_path / "data"), corpus_dir=tmp_path / "corpus", embedder="fake")
    assert not build(settings, progress=False).errors
    answer = Answerer(settings, llm=None).ask("聊城市2024年新收了多少件申请？")
    assert re.search(rf"{table['new_received'][6]}件", answer.answer)
    assert "数字连在一起印出，按表内勾稽关系拆分" in answer.answer
