"""Every cell of every standard table of the five seeds, against the value as printed."""

from decimal import Decimal

import pytest

from index import read_manifest, read_report
from tests.conftest import REPORT_IDS, SEEDS
from tests.seed_expected import APPLICATION_COLUMNS, EXPECTED, PRINTED_SHORT_ROWS, REVIEW_COLUMNS


def expected_cells(report_id: str) -> dict[tuple[str, str, str], Decimal]:
    exp = EXPECTED[report_id]
    cells = {}
    for row, values in exp["applications"].items():
        cells.update({("applications", row, c): Decimal(str(v)) for c, v in zip(APPLICATION_COLUMNS, values, strict=True)})
    for row, values in exp["review_litigation"].items():
        cells.update({("review_litigation", row, c): Decimal(str(v)) for c, v in zip(REVIEW_COLUMNS, values, strict=True)})
    cells.update({("proactive", row, c): Decimal(str(v)) for (row, c), v in exp["proactive"].items()})
    return cells


def parse(report_id):
    manifest = read_manifest(SEEDS / "manifest.csv")
    file = f"reports/{report_id}.txt"
    return read_report(SEEDS / file, file, manifest)


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_every_printed_cell_exact(report_id):
    report = parse(report_id)
    printed = {f.key: f.value for f in report.facts if not f.derived}
    expected = expected_cells(report_id)
    short = {k: v for k, v in PRINTED_SHORT_ROWS.items() if k[0] == report_id}
    for (_, row), values in short.items():
        got = [f.value for f in report.facts if f.row == row and not f.derived]
        assert got == [Decimal(v) for v in values]
        printed = {k: v for k, v in printed.items() if k[1] != row}
    assert printed == expected


def test_seed_cell_count_is_close_to_a_thousand():
    total = sum(len([f for f in parse(r).facts if not f.derived]) for r in REPORT_IDS)
    assert total == 995


def test_liaocheng_short_row_missing_cell_is_inferred_and_marked():
    report = parse("liaocheng-gov-2024")
    row = {f.column: f for f in report.facts if f.row == "carried_forward"}
    assert [format(row[c].value) for c in APPLICATION_COLUMNS] == ["29", "1", "0", "0", "0", "0", "30"]
    inferred = [f for f in row.values() if f.derived]
    assert len(inferred) == 1 and "推得" in inferred[0].note and inferred[0].start is None
    assert any("“结转下年度继续办理”行印有6个数字，少于7列；缺的一格由一+二 = 三(七)+四推得" in w for w in report.warnings)


def test_amount_keeps_full_precision():
    fees = [f for f in parse("liaocheng-gov-2024").facts if f.row == "fees"][0]
    assert str(fees.value) == "126661.053152" and fees.unit == "万元"


def test_signed_changes_of_2019_format():
    facts = {f.key: f.value for f in parse("jinan-lixia-2020").facts}
    assert facts[("proactive", "licensing", "change")] == 43
    assert facts[("proactive", "coercion", "change")] == -13


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_spans_point_at_the_printed_value(report_id):
    report = parse(report_id)
    for fact in report.facts:
        if fact.start is None:
            continue
        printed = report.text[fact.start:fact.end].replace(",", "").replace(" ", "").lstrip("+")
        if fact.derived:
            continue
        assert Decimal(printed) == fact.value, fact
        assert report.text[fact.start:fact.end] in fact.source


def test_group_sums_are_derived():
    facts = {f.key: f for f in parse("liaocheng-gov-2024").facts}
    withheld = facts[("applications", "withheld", "total")]
    assert withheld.derived and withheld.value == 82
    assert facts[("applications", "unavailable", "total")].value == 568
    assert facts[("applications", "other", "total")].value == 98
    lixia = {f.key: f for f in parse("jinan-lixia-2020").facts}
    assert not lixia[("applications", "other", "total")].derived  # 2019 format prints （六） as one row


def test_formats_detected():
    assert parse("jinan-lixia-2020").formats == {"proactive": "2019", "applications": "2019"}
    assert parse("zibo-gov-office-2024").formats == {"proactive": "2021", "applications": "2021"}
