"""Across the years of one agency: this year's 上年结转 equals last year's 结转下年度."""

from __future__ import annotations

from decimal import Decimal

from index import Settings, SQLiteStore, build
from index.report.continuity import cross_year_checks
from tests.conftest import seed_text

COLUMNS = ("natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total")


def _cells(rid: str, row: str, values: tuple[int, ...]) -> dict:
    return {(rid, row, c): Decimal(v) for c, v in zip(COLUMNS, values, strict=True)}


def test_pairs_gaps_and_single_reports():
    reports = [{"id": "a23", "agency": "甲", "year": 2023}, {"id": "a24", "agency": "甲", "year": 2024},
               {"id": "b22", "agency": "乙", "year": 2022}, {"id": "b24", "agency": "乙", "year": 2024},
               {"id": "c24", "agency": "丙", "year": 2024}]
    cells = {**_cells("a23", "carried_forward", (3, 1, 0, 0, 0, 0, 4)),
             **_cells("a24", "carried_in", (3, 0, 0, 0, 0, 0, 3))}
    checks = cross_year_checks(reports, cells)
    later = {c.name: c.status for c in checks["a24"]}
    earlier = {c.name: c.status for c in checks["a23"]}
    assert later["cross_year.carried_in.natural_person"] == "pass"
    assert later["cross_year.carried_in.commercial"] == later["cross_year.carried_in.total"] == "fail"
    assert earlier["cross_year.carried_forward.total"] == "fail"
    assert [(c.name, c.status) for c in checks["b24"]] == [("cross_year.carried_in", "skip")]
    assert "b22" not in checks and "c24" not in checks
    total = next(c for c in checks["a24"] if c.name == "cross_year.carried_in.total")
    assert total.detail == "“总计”列：2024年度的上年结转 = 2023年度报告的结转下年度继续办理：3 ≠ 4（印）"
    assert total.numbers == {"carried_in.total": "3", "2023.carried_forward.total": "4"}


def _corpus(tmp_path, carried_in: str):
    """聊城 2024 as printed, and a 2025 report of the same agency whose 上年结转 row prints carried_in."""
    text = seed_text("liaocheng-gov-2024")
    later = text.replace("2024 年政府信息", "2025 年政府信息").replace(
        "二、上年结转政府信息公开申请数量\t\t23\t0\t0\t0\t6\t0\t29", f"二、上年结转政府信息公开申请数量\t\t{carried_in}")
    assert later.count("2025 年政府信息") == 1 and carried_in in later
    reports = tmp_path / "corpus" / "reports"
    reports.mkdir(parents=True)
    (reports / "lc-2024.txt").write_text(text, encoding="utf-8")
    (reports / "lc-2025.txt").write_text(later, encoding="utf-8")
    return Settings(data_dir=tmp_path / "data", corpus_dir=reports.parent, embedder="fake")


def test_consecutive_reports_that_agree_pass(tmp_path):
    # 2024 carried forward 29 1 0 0 0 0 30; the 2025 report's 上年结转 is that row (its own identities
    # then fail, which is the 2025 table's matter, not this check's)
    settings = _corpus(tmp_path, "29\t1\t0\t0\t0\t0\t30")
    assert not build(settings, progress=False, vectors=False).errors
    with SQLiteStore(settings.facts_db) as store:
        checks = {r["id"]: {c["name"]: c["status"] for c in r["checks"]} for r in store.reports()}
    assert checks["lc-2025"]["cross_year.carried_in.total"] == "pass"
    assert checks["lc-2024"]["cross_year.carried_forward.commercial"] == "pass"


def test_a_pair_that_disagrees_is_flagged_and_the_answer_says_so(tmp_path):
    from qa import Answerer

    settings = _corpus(tmp_path, "23\t0\t0\t0\t6\t0\t29")  # 2024's own 上年结转 again: not 2024's 结转下年度
    result = build(settings, progress=False)
    assert any("上年结转与相邻年度报告的结转下年度继续办理不一致" in w for w in result.warnings)
    with SQLiteStore(settings.facts_db) as store:
        reports = {r["id"]: r for r in store.reports()}
    assert reports["lc-2025"]["status"] == reports["lc-2024"]["status"] == "flagged"
    failed = {c["name"] for c in reports["lc-2025"]["checks"] if c["status"] == "fail"}
    assert {"cross_year.carried_in.total", "cross_year.carried_in.natural_person"} <= failed
    assert not any(n.startswith("applications.") for n in failed)  # the table itself balances
    answerer = Answerer(settings, llm=None)
    try:
        later = answerer.ask("聊城市2025年上年结转了多少件申请？").answer
        earlier = answerer.ask("聊城市2024年结转下年度多少件申请？").answer
        other = answerer.ask("聊城市2025年新收了多少件申请？").answer
    finally:
        answerer.close()
    assert "29件" in later and "与2024年度报告的" in later and "不一致" in later
    assert "30件" in earlier and "与2025年度报告的" in earlier
    assert "不一致" not in other and "未通过核对" not in other
