"""Reading reports nobody here wrote: markdown in, titles broken over lines, format by evidence, blank
cells, rows the identities must place, narrative checks that never flag a correct report, and metadata
set by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index import Settings, SQLiteStore, build, normalize, parse_text
from index.__main__ import main as index_main
from index.formats.markdown import markdown_text
from index.report.agencies import names_of_one_agency
from index.report.metadata import detect, read_manifest
from index.tables.facts import NOTE_BLANK
from tests.conftest import REPORT_IDS, SEEDS, seed_text
from tests.documents import blocks_of
from tests.zoo import markdown_sections, tab_rows


def _md(text: str) -> str:
    return normalize(markdown_text(Path("r.md"), text.encode()))


def _facts(text: str, year: int | None = 2024) -> dict:
    return {f.key: f.value for f in parse_text(normalize(text), year=year).facts}


# -- markdown --------------------------------------------------------------------------------------
def test_markdown_pipe_tables_headings_and_footers():
    text = _md("# 标题\n\n正文一段。\n\n| a | b\\|c |   |\n|---|:---:|---|\n| 1 | 2 | |\n— 7 —\n- 3 -\n22\n"
               "![图](x.png)见[附件](http://x)\n<table><tr><td rowspan='2'>x</td><td>1</td></tr><tr><td>2</td></tr></table>")
    assert text.split("\n") == ["标题", "", "正文一段。", "", "a\tb|c\t", "1\t2\t", "22", "见附件", "", "x\t1", "\t2", ""]


def test_a_seed_in_markdown_reads_like_its_text():
    for rid in REPORT_IDS:
        text = normalize(seed_text(rid))
        year = int(rid[-4:])
        assert _facts(_md(markdown_sections(blocks_of(text, year=year))), year) == _facts(text, year)


# -- titles ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("head, agency, year, region, level", [
    ("淮安市洪泽区人民政府\n2024 年政府信息公开工作\n年度报告", "淮安市洪泽区人民政府", 2024, "淮安市洪泽区", "区县级"),
    ("正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告", "上海市人民政府办公厅", 2025, "上海市", "省级"),
    ("洪泽区人民政府\n2 0 2 3 年\n政府信息公开工作年度报告", "洪泽区人民政府", 2023, "洪泽区", "区县级"),
    ("济宁高新技术产业开发区管理委员会2024年政府信息公开工作年度报告", "济宁高新技术产业开发区管理委员会", 2024,
     "济宁高新技术产业开发区", "区县级"),
    ("山东省教育厅\n2022年度政府信息公开工作年度报告", "山东省教育厅", 2022, "山东省", "省级"),
    ("北京市东城区人民政府 2021 年政府信息公开工作年度报告", "北京市东城区人民政府", 2021, "北京市东城区", "区县级"),
    ("济南市历下区姚家街道办事处2023年政府信息公开工作年度报告", "济南市历下区姚家街道办事处", 2023,
     "济南市历下区姚家街道", "乡镇级"),
])
def test_titles_in_every_shape(head, agency, year, region, level):
    assert detect(normalize(head + "\n本报告根据《条例》编制。")) == {
        "agency": agency, "year": year, "region": region, "level": level}


def test_no_title_no_guess():
    assert detect("关于做好2024年政务公开工作的通知\n各区县：") == {}


def test_one_agency_across_its_names():
    def report(name, year, division=""):
        return {"named": name, "agency": name, "division": division, "year": year}

    reports = [report("洪泽区人民政府", 2023), report("淮安市洪泽区人民政府", 2024), report("淮安市人民政府", 2024),
               report("淮安市人民政府办公室", 2024), report("苏州工业园区管委会", 2023),
               report("苏州工业园区管理委员会", 2024), report("苏州工业园区人民政府", 2022)]
    assert names_of_one_agency(reports) == {"洪泽区人民政府": "淮安市洪泽区人民政府",
                                            "苏州工业园区管委会": "苏州工业园区管理委员会",
                                            "苏州工业园区人民政府": "苏州工业园区管理委员会"}
    # 朝阳区 alone is in 北京市 or 长春市: joined to neither, unless its report's text placed it
    chaoyang = [report("朝阳区人民政府", 2023), report("北京市朝阳区人民政府", 2024), report("长春市朝阳区人民政府", 2024)]
    assert names_of_one_agency(chaoyang) == {}
    chaoyang[0]["division"] = "110105"
    assert names_of_one_agency(chaoyang) == {"朝阳区人民政府": "北京市朝阳区人民政府"}


# -- format by evidence ------------------------------------------------------------------------------
def _other_collapsed(text: str) -> str:
    """The liaocheng seed with （六）其他处理 printed as one row, as hongze-gov-2024 prints it."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "逾期不补正" in line)
    rows = [[int(c) for c in line.split("\t") if c.strip().isdigit()] for line in lines[start:start + 3]]
    summed = "\t".join(str(sum(col)) for col in zip(*rows))
    return "\n".join(lines[:start] + [f"(六)其他处理\t{summed}"] + lines[start + 3:])


def test_a_2021_report_is_never_read_in_the_2019_format():
    text = _other_collapsed(normalize(seed_text("liaocheng-gov-2024")))
    report = parse_text(text, year=2024)
    assert report.formats["applications"] == "2021"
    assert any("（六）其他处理印为一行" in w for w in report.warnings)
    facts = {f.key: f for f in report.facts}
    assert facts[("applications", "other", "total")].value == 98 and not facts[("applications", "other", "total")].derived
    assert ("applications", "other.other", "total") not in facts
    assert all(c.status != "fail" for c in report.checks)
    # without a year, the labels decide; a 2020 report is read in the 2019 format
    assert parse_text(text).formats["applications"] == "2019"
    lixia = normalize(seed_text("jinan-lixia-2020"))
    assert parse_text(lixia, year=2020).formats == {"proactive": "2019", "applications": "2019"}


# -- blank cells -------------------------------------------------------------------------------------
def _with_cell(text: str, label: str, column: int, value: str) -> str:
    """The applications row whose label contains `label`, its column-th value replaced."""
    out = []
    for line in text.split("\n"):
        if label in line and "\t" in line:
            cells = line.split("\t")
            positions = [i for i, c in enumerate(cells) if re.fullmatch(r"\d+", c.strip())]
            cells[positions[column]] = value
            line = "\t".join(cells)
        out.append(line)
    return "\n".join(out)


def test_a_blank_cell_is_zero_when_the_identities_hold():
    text = normalize(seed_text("jinan-gov-office-2024"))
    blank = _with_cell(text, "重复申请", 2, "")  # research column, printed 0
    report = parse_text(blank, year=2024)
    fact = next(f for f in report.facts if f.key == ("applications", "not_processed.duplicate", "research"))
    assert fact.value == 0 and fact.derived and fact.note.startswith(NOTE_BLANK)
    assert all(c.status != "fail" for c in report.checks)
    assert _facts(blank) == _facts(text)


def test_a_blank_cell_that_breaks_an_identity_stays_missing_and_flags():
    text = normalize(seed_text("jinan-gov-office-2024"))
    blank = _with_cell(text, "本年新收", 2, "")  # research, printed 1
    report = parse_text(blank, year=2024)
    assert ("applications", "new_received", "research") not in {f.key for f in report.facts}
    failed = [c for c in report.checks if c.status == "fail"]
    assert [c.name for c in failed] == ["applications.blank.new_received.research"]
    assert report.status == "flagged"


# -- placement by the identities ---------------------------------------------------------------------
def _unlabelled(text: str, labels: tuple[str, ...], drop: str = "") -> str:
    """The seed's applications rows as tab rows; the rows naming `labels` lose their label, the row
    naming `drop` is left out."""
    out = []
    for line in text.split("\n"):
        if drop and drop in line and "\t" in line:
            continue
        if any(label in line for label in labels) and sum(c.strip().isdigit() for c in line.split("\t")) == 7:
            line = "\t".join("" if not re.fullmatch(r"\s*\d*\s*", c) else c for c in line.split("\t"))
        out.append(line)
    return "\n".join(out)


def test_the_identities_place_a_row_that_position_cannot():
    # （七）总计 without a label, 四、结转下年度继续办理 left out: by position the row could be either;
    # only as （七）总计 does it equal the sum of the results
    text = _unlabelled(normalize(seed_text("jinan-gov-office-2024")), ("总计",), drop="结转下年度")
    report = parse_text(text, year=2024)
    facts = {f.key: f.value for f in report.facts}
    assert facts[("applications", "processed_total", "total")] == 541
    assert ("applications", "carried_forward", "total") not in facts
    assert not any(c.name == "applications.placement" for c in report.checks)
    assert report.placed_by_identities == 1


def test_rows_the_identities_cannot_place_are_left_out_and_named():
    # 2.重复申请 without a label, 1.信访举报投诉类申请 left out: both result rows fit every identity
    text = _unlabelled(normalize(seed_text("jinan-gov-office-2024")), ("重复申请",), drop="信访举报")
    report = parse_text(text, year=2024)
    keys = {f.key for f in report.facts}
    assert ("applications", "not_processed.duplicate", "total") not in keys
    assert ("applications", "not_processed.petition", "total") not in keys
    placement = next(c for c in report.checks if c.name == "applications.placement")
    assert placement.status == "fail" and "“不予处理 · 重复申请”" in placement.detail
    assert "“不予处理 · 信访举报投诉类申请”" in placement.detail
    assert report.status == "flagged"


def test_proactive_rows_are_never_placed_by_a_guess():
    text = normalize(seed_text("jinan-gov-office-2024"))
    two_values = re.sub(r"规章\t4\t0\t66", "规章\t4\t66", text)
    assert two_values != text
    report = parse_text(two_values, year=2024)
    keys = {f.key for f in report.facts}
    assert not any(k[:2] == ("proactive", "rules") for k in keys)
    assert any(c.name == "proactive.placement" and "规章 4 66" in c.detail for c in report.checks)


def test_label_and_values_in_one_cell():
    text = normalize(seed_text("jinan-gov-office-2024"))
    spaced = tab_rows(blocks_of(text, year=2024)).replace("\t", " ")
    assert _facts(spaced) == _facts(text)


# -- narrative checks --------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, figure, reason", [
    ("其中，予以公开及部分公开208件。", "208", "几项办理结果之和"),
    ("全市共办理申请5000件，其中予以公开3000件。", "3000", "范围大于本机关"),
    ("比上年多予以公开12件。", "12", "增减量"),
    ("2023年予以公开40件。", "40", "另一年度"),
])
def test_narrative_figures_that_restate_no_single_cell_are_skipped(sentence, figure, reason):
    text = normalize(seed_text("jinan-gov-office-2024"))
    text = text.replace("一、总体情况\n", f"一、总体情况\n{sentence}\n", 1)
    report = parse_text(text, year=2024)
    added = [c for c in report.checks if c.name.startswith("narrative.") and f" {figure}（正文）" in c.detail]
    assert added and all(c.status == "skip" and reason in c.detail for c in added)
    assert report.status == "ok"


def test_a_narrative_figure_that_restates_a_cell_is_still_checked():
    text = normalize(seed_text("jinan-gov-office-2024"))
    wrong = text.replace("一、总体情况\n", "一、总体情况\n本年度予以公开999件。\n", 1)
    failed = [c for c in parse_text(wrong, year=2024).checks if c.status == "fail"]
    assert [c.name for c in failed] == ["narrative.予以公开"]


def test_no_narrative_check_fails_on_a_seed():
    for rid in REPORT_IDS:
        report = parse_text(normalize(seed_text(rid)), year=int(rid[-4:]))
        assert not [c for c in report.checks if c.name.startswith("narrative.") and c.status == "fail"], rid


# -- metadata set by hand ----------------------------------------------------------------------------
def test_add_sets_agency_year_and_region_and_the_manifest_keeps_them(tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    monkeypatch.setenv("GONGKAI_CORPUS_DIR", str(corpus))
    # an OCR'd title: 聊城 misread as 聊成, the year lost
    text = normalize(seed_text("liaocheng-gov-2024"))
    title_end = text.index("一、")
    report = tmp_path / "scan-ocr.md"
    report.write_text("聊成市人民政府\n政府信息公开工作年度报告\n" + text[title_end:], encoding="utf-8")
    assert index_main(["add", "--no-vectors", "--quiet", str(report)]) == 0
    with SQLiteStore(tmp_path / "data" / "facts.sqlite") as store:
        (row,) = store.reports()
    assert row["status"] == "flagged" and any("找不到年度" in w for w in row["warnings"])
    assert index_main(["add", "--no-vectors", "--quiet", "--agency", "聊城市人民政府", "--year", "2024",
                       str(report)]) == 0
    (meta,) = read_manifest(corpus / "manifest.csv").values()
    assert (meta.agency, meta.year, meta.region, meta.level) == ("聊城市人民政府", 2024, "", "")  # what was given
    with SQLiteStore(tmp_path / "data" / "facts.sqlite") as store:
        (row,) = store.reports()
    assert (row["agency"], row["year"], row["region"], row["level"], row["status"]) == (
        "聊城市人民政府", 2024, "聊城市", "市级", "ok")
    assert row["sources"] == {"agency": "manifest", "year": "manifest", "region": "agency name",
                              "level": "agency name", "division": "gazetteer"}
    assert "already in the corpus" in capsys.readouterr().out


def test_a_report_of_unknown_agency_is_named_by_its_file(tmp_path):
    from qa import Answerer

    corpus = tmp_path / "corpus"
    (corpus / "reports").mkdir(parents=True)
    text = normalize(seed_text("zibo-gov-office-2024"))
    (corpus / "reports" / "untitled.md").write_text(text[text.index("一、"):], encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embedder="fake")
    assert not build(settings, progress=False).errors
    answerer = Answerer(settings, llm=None)
    try:
        answer = answerer.ask("青岛市2024年新收了多少件申请？").answer
    finally:
        answerer.close()
    assert "None" not in answer and "reports/untitled.md" in answer


def test_the_app_answers_from_a_markdown_report(tmp_path):
    from qa import Answerer

    corpus = tmp_path / "corpus" / "reports"
    corpus.mkdir(parents=True)
    text = normalize(seed_text("liaocheng-gov-2024"))
    (corpus / "liaocheng.md").write_text(markdown_sections(blocks_of(text, year=2024)), encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus.parent, embedder="fake")
    result = build(settings, progress=False)
    assert not result.errors and result.added == ["liaocheng"]
    answerer = Answerer(settings, llm=None)
    try:
        assert "结转下年度继续办理（总计）30件" in answerer.ask("聊城市2024年结转了多少件申请？").answer
    finally:
        answerer.close()


def test_seeds_build_unchanged(seed_store):
    with SQLiteStore(seed_store.facts_db) as store:
        assert {r["id"]: r["status"] for r in store.reports()} == dict.fromkeys(REPORT_IDS, "ok")
    assert SEEDS.is_dir()
