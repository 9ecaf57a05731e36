"""The staff figures lookup over the seed store: cells, check status, source lines, CSV."""

import csv
import io
import re
from decimal import Decimal

import pytest

from index.tables.checks import checks_of_cell
from index.tables.schema import APPLICATION_ROWS, APPLICATIONS, PROACTIVE, PROACTIVE_COLUMNS, REVIEW, TABLES
from qa.views.figures import (
    NO_CHECK,
    NOT_READ,
    Figure,
    agency_years,
    column_choices,
    figures,
    row_choices,
    select_reports,
    side_by_side,
    to_csv,
    trend,
)


@pytest.fixture(scope="module")
def facts(answerer):
    return answerer.facts


def test_choices_cover_every_schema_key_with_chinese_labels():
    rows = {k for _, k in row_choices(APPLICATIONS)}
    assert {r.key for fmt in APPLICATION_ROWS.values() for r in fmt} <= rows
    assert {"withheld", "unavailable", "not_processed", "other"} <= rows
    proactive_columns = {k for _, k in column_choices(PROACTIVE)}
    assert proactive_columns == {c for fmt in PROACTIVE_COLUMNS.values() for cols in fmt.values() for c in cols}
    for table in TABLES:
        for label, key in row_choices(table) + column_choices(table):
            assert label and not label.isascii(), (table, key, label)
    labels = dict(row_choices(APPLICATIONS))
    assert "（五）不予处理 · 2.重复申请" in labels
    assert labels["（三）不予公开（各项合计）"] == "withheld"


def test_figures_give_value_check_status_and_printed_line(facts):
    ids, notes = select_reports(facts, ["聊城市人民政府", "济南市人民政府办公厅"], [2024])
    assert notes == []
    items = figures(facts, ids, APPLICATIONS, ["carried_forward", "new_received"], ["total"])
    found = {(f.agency, f.row): f for f in items}
    liaocheng = found["聊城市人民政府", "carried_forward"]
    assert liaocheng.value == Decimal(30) and liaocheng.unit == "件"
    assert liaocheng.check == "通过"
    assert liaocheng.source.startswith("四、结转下年度继续办理") and "30" in liaocheng.source
    assert liaocheng.row_label == "四、结转下年度继续办理" and liaocheng.column_label == "总计"
    assert found["济南市人民政府办公厅", "new_received"].value == 537
    assert [f.agency for f in items] == ["聊城市人民政府"] * 2 + ["济南市人民政府办公厅"] * 2


def test_a_derived_cell_is_marked(facts):
    ids, _ = select_reports(facts, ["聊城市人民政府"], [])
    (cell,) = figures(facts, ids, APPLICATIONS, ["carried_forward"], ["other_org"])
    assert cell.derived and cell.value == 0


def test_check_status_follows_the_checks_the_cell_takes_part_in(facts):
    report = facts.reports["zibo-gov-office-2024"]
    checks = checks_of_cell(report["checks"], APPLICATIONS, "new_received", "total")
    assert {c["name"] for c in checks} >= {"applications.balance.total", "applications.row_total.new_received"}
    assert checks_of_cell(report["checks"], PROACTIVE, "licensing", "decisions") == []
    (licensing,) = figures(facts, ["zibo-gov-office-2024"], PROACTIVE, ["licensing"], ["decisions"])
    assert licensing.check == NO_CHECK and "无法核对" in licensing.check_detail  # said, not left to guess


def test_a_group_sum_is_checked_through_its_items_in_either_format(facts):
    for rid in ("liaocheng-gov-2024", "jinan-lixia-2020"):  # 2021 format, and the 2019 format
        (withheld,) = figures(facts, [rid], APPLICATIONS, ["withheld"], ["total"])
        assert withheld.derived and withheld.check == "通过", rid
        assert withheld.check_detail.startswith("参与") and "通过" in withheld.check_detail


def test_a_failed_check_shows_as_failed(facts, monkeypatch):
    report = dict(facts.reports["zibo-gov-office-2024"])
    report["checks"] = [dict(c, status="fail") if c["name"] == "applications.balance.total" else c
                        for c in report["checks"]]
    monkeypatch.setitem(facts.reports, "zibo-gov-office-2024", report)
    (cell,) = figures(facts, ["zibo-gov-office-2024"], APPLICATIONS, ["carried_forward"], ["total"])
    assert cell.check == "未通过"
    assert cell.check_detail.startswith("未通过：“总计”列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度：")


def test_cells_outside_a_format_are_left_out_and_unread_cells_reported(facts):
    # The 2020 report uses the 2019 format: no 2021-only rows, one 其他处理 row.
    ids, _ = select_reports(facts, ["济南市历下区人民政府"], [])
    items = figures(facts, ids, APPLICATIONS, ["other", "other.unpaid_fee"], ["total"])
    assert [f.row for f in items] == ["other"]
    # Its 政府集中采购 row printed no values: the cell exists in its format but was not read.
    (procurement,) = figures(facts, ids, PROACTIVE, ["procurement"], ["items"])
    assert procurement.value is None and procurement.check == NOT_READ
    assert figures(facts, ids, PROACTIVE, ["procurement"], ["in_force"]) == []


def test_missing_reports_are_noted(facts):
    ids, notes = select_reports(facts, ["济南市历下区人民政府"], [2024])
    assert ids == [] and notes == ["济南市历下区人民政府没有2024年度报告（现有：2020）"]


def test_csv_keeps_exact_values_and_opens_as_utf8(facts):
    ids, _ = select_reports(facts, ["聊城市人民政府"], [])
    items = figures(facts, ids, PROACTIVE, ["fees"], ["amount"]) + figures(facts, ids, REVIEW, ["review"], ["total"])
    text = to_csv(items)
    assert text.startswith("\ufeff")
    assert text[1:].splitlines()[0].startswith("报告编号,机关,年度,表,行,列,行名称")  # for people; then the keys
    rows = list(csv.DictReader(io.StringIO(text[1:].split("\n", 1)[1])))
    assert rows[0]["value"] == "126661.053152" and rows[0]["unit"] == "万元"
    assert rows[1]["row_label"] == "行政复议" and rows[1]["value"] == "126"
    assert set(rows[0]) >= {"report_id", "agency", "year", "table", "row", "column", "check", "source"}


def test_side_by_side_puts_reports_in_columns(facts):
    ids, _ = select_reports(facts, ["聊城市人民政府", "淄博市人民政府办公室"], [2024])
    header, lines = side_by_side(figures(facts, ids, APPLICATIONS, ["new_received"], ["total"]))
    assert header == ["指标", "聊城市人民政府 2024", "淄博市人民政府办公室 2024"]
    assert lines == [["一、本年新收政府信息公开申请数量 × 总计", "1951", "245"]]


def _figure(agency, year, row, value):
    return Figure(f"{agency}-{year}", agency, year, APPLICATIONS, row, "total", row, "总计",
                  None if value is None else Decimal(value), "件", False, "通过", "", "")


def test_a_trend_has_one_line_per_agency_and_cell_over_its_years():
    new, kept = "new_received", "carried_forward"
    items = [_figure("洪泽", 2024, new, 95), _figure("洪泽", 2023, new, 21), _figure("洪泽", 2023, kept, None),
             _figure("洪泽", 2024, kept, 3), _figure("聊城", 2024, new, 1951)]
    points = trend(items)
    # series by their cells' short names: a legend that cuts long names still tells them apart
    assert [(p["年度"], p["数值"], p["系列"]) for p in points] == [
        ("2023", 21.0, "洪泽｜新收·总计"), ("2024", 95.0, "洪泽｜新收·总计"), ("2024", 3.0, "洪泽｜结转下年度·总计")]


def test_a_small_value_beside_a_large_one_stays_visible_and_a_log_scale_draws_it_longer():
    from qa.views.charts import bars_html

    items = [_figure("洪泽", 2024, "new_received", 2), _figure("淮安", 2024, "new_received", 3119)]
    linear, log = bars_html(items), bars_html(items, log=True)
    widths = [float(w) for w in re.findall(r"14px;width:([\d.]+)%", linear)]
    assert widths[1] == 80 and 0 < widths[0] < 1 and "min-width:2px" in linear  # (room for its value)
    assert ">2</span>" in linear and ">3119</span>" in linear  # each value written beside its bar
    assert float(re.findall(r"14px;width:([\d.]+)%", log)[0]) > 10 and "对数刻度" in log
    assert trend(items[-1:]) == []  # one year: nothing to draw


def test_each_agency_lists_its_years():
    reports = [{"agency": "洪泽", "year": 2024}, {"agency": "洪泽", "year": 2023}, {"agency": "", "year": None},
               {"agency": "聊城", "year": 2024}]
    assert agency_years(reports) == {"洪泽": [2023, 2024], "聊城": [2024]}
