"""The 2019 format's 表二 whole: its (九) row 政府集中采购 printed with one value is read where the print
says it stands (a grid's position; in text, a decimal is the amount, never the count of items)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from index import normalize, parse_text
from tests.conftest import SEEDS


def _with_procurement(row: str):
    text = normalize((SEEDS / "reports" / "jinan-lixia-2020.txt").read_text(encoding="utf-8"))
    at = text.index("\n", text.index("信息内容\t采购项目数量\t采购总金额")) + 1
    report = parse_text(text[:at] + row + "\n" + text[at:], year=2020)
    return report, {f.column: f for f in report.facts if f.row == "procurement"}


def test_the_2019_format_reads_its_three_column_rows_and_decisions():
    report, _ = _with_procurement("政府集中采购\t7\t1234.5")
    cells = {(f.row, f.column): f.value for f in report.facts if f.table == "proactive"}
    assert cells[("rules", "made")] == 0 and ("normative_docs", "total_published") in cells
    assert cells[("licensing", "decisions")] == 67556 and cells[("licensing", "change")] == 43
    assert cells[("procurement", "items")] == 7 and cells[("procurement", "amount")] == Decimal("1234.5")


def test_one_value_on_the_grid_takes_its_column_and_the_blank_is_read_as_zero():
    report, cells = _with_procurement("政府集中采购\t\t1234.5")
    assert cells["amount"].value == Decimal("1234.5") and not cells["amount"].derived
    assert cells["items"].value == 0 and cells["items"].derived and "空白" in cells["items"].note
    assert report.status == "ok"


def test_a_lone_decimal_in_text_is_the_amount_and_the_count_is_not_made_up():
    report, cells = _with_procurement("政府集中采购 1234.5")
    assert cells["amount"].value == Decimal("1234.5") and "items" not in cells
    assert any("采购项目数量”一格没有印出" in w for w in report.warnings)


@pytest.mark.parametrize("row", ["政府集中采购 12", "政府集中采购 3 4 5"])
def test_a_lone_count_in_text_is_not_placed_by_a_guess(row):
    report, cells = _with_procurement(row)
    assert cells == {} and report.status == "flagged"
