"""Metadata from every clue a report gives, each recorded with its source; evidence that disagrees is a
warning naming both, and the strongest source wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.formats import normalize
from index.formats.properties import properties
from index.report.clues import read_clues
from index.report.metadata import Metadata, detect, resolve

REAL = Path(__file__).resolve().parents[2] / "shared" / "realreports"
BODY = "\n一、总体情况\n本年度工作平稳。\n二、主动公开政府信息情况\n"


def meta(text: str, file: str = "report.txt", manifest: dict | None = None, props: dict | None = None):
    return resolve(file, normalize(text), manifest or {}, props)


@pytest.mark.parametrize("text, agency, year, sources", [
    # the title names nothing but the report: the publisher line names the agency, the period the year
    ("发布机构：来宾市行政审批局　　成文日期：2025-01-20\n\n政府信息公开工作年度报告\n"
     "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。" + BODY,
     "来宾市行政审批局", 2024, {"agency": "publisher", "year": "statistics period"}),
    # the text's own words
    ("政府信息公开工作年度报告\n现将宝应县2025年政府信息公开工作年度报告向社会公布。" + BODY,
     "宝应县人民政府", 2025, {"agency": "own words", "year": "own words"}),
    # the signature and date at the end: a report of 2024 comes out in 2025
    ("政府信息公开工作年度报告" + BODY + "\n济宁市行政审批服务局\n2025年1月20日\n",
     "济宁市行政审批服务局", 2024, {"agency": "signature", "year": "signature"}),
    # signed by a place's office, calling itself 我县: the county's government
    ("政府信息公开工作年度报告" + BODY + "我县持续推进政务公开。我县……\n珙县人民政府办公室\n2025年1月22日\n",
     "珙县人民政府", 2024, {"agency": "signature", "year": "signature"}),
])
def test_agency_and_year_from_other_clues_than_the_title(text, agency, year, sources):
    found, warnings = meta(text)
    assert (found.agency, found.year) == (agency, year)
    assert {k: found.sources[k] for k in ("agency", "year")} == sources
    assert not [w for w in warnings if "给出的" in w]


def test_the_file_name_is_the_last_clue():
    found, _ = meta("政府信息公开工作年度报告" + BODY, file="reports/聊城市2023年政府信息公开工作年度报告.txt")
    assert (found.agency, found.year, found.sources["agency"], found.sources["year"]) == (
        "聊城市人民政府", 2023, "file name", "file name")
    found, _ = meta("宝应县政府信息公开工作年度报告" + BODY, file="byx-2022.txt")
    assert (found.agency, found.year, found.sources["agency"], found.sources["year"]) == (
        "宝应县人民政府", 2022, "title", "file name")


def test_evidence_that_disagrees_is_a_warning_naming_both_and_the_title_wins():
    text = ("淄博市人民政府办公室2024年政府信息公开工作年度报告\n来源：聊城市人民政府\n"
            "本报告统计期限自2023年1月1日起至2023年12月31日止。" + BODY)
    found, warnings = meta(text)
    assert (found.agency, found.year) == ("淄博市人民政府办公室", 2024)
    assert any("标题给出的机关是淄博市人民政府办公室，发布机构行给出的是聊城市人民政府" in w for w in warnings)
    assert any("标题给出的年度是2024，统计期限给出的是2023" in w and w.endswith("采用标题") for w in warnings)


def test_a_government_published_by_its_office_is_no_disagreement():
    found, warnings = meta("聊城市2024年政府信息公开工作年度报告\n来源：聊城市人民政府办公室" + BODY)
    assert found.agency == "聊城市人民政府" and not [w for w in warnings if "给出的" in w]


def test_the_manifest_overrides_and_says_where_it_disagrees():
    row = Metadata(id="x", agency="聊城市政府（手工）", year=2024, file="report.txt")
    found, warnings = meta("淄博市2024年政府信息公开工作年度报告" + BODY, manifest={"report.txt": row})
    assert (found.agency, found.sources["agency"], found.sources["year"]) == ("聊城市政府（手工）", "manifest", "manifest")
    assert any("清单给出的机关是聊城市政府（手工），标题给出的是淄博市人民政府；采用清单" in w for w in warnings)


def test_a_web_pages_title_and_meta_tags():
    page = ("<html><head><title>2023年度政府信息公开工作年度报告_宝应县人民政府</title>"
            "<meta name='SiteName' content='宝应县人民政府'><meta name='ContentSource' content='宝应县人民政府办公室'>"
            "</head><body><p>一、总体情况</p><p>本年度工作平稳。</p></body></html>").encode()
    props = properties(Path("page.html"), page)
    assert props == {"page title": "2023年度政府信息公开工作年度报告_宝应县人民政府", "site": "宝应县人民政府",
                     "source": "宝应县人民政府办公室"}
    found, _ = meta("一、总体情况\n本年度工作平稳。", props=props)
    assert (found.agency, found.year, found.sources["year"]) == ("宝应县人民政府", 2023, "page title")


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realreports is not beside the clone")
def test_a_pdfs_document_title_written_in_utf16():
    path = REAL / "hongze-gov-2023.pdf"
    assert properties(path, path.read_bytes())["document title"] == "洪泽区人民政府2023年政府信息公开工作年度报告"


def test_every_clue_is_recorded_with_what_it_was_read_from():
    text = normalize("聊城市2024年政府信息公开工作年度报告\n来源：聊城市人民政府办公室\n"
                     "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。" + BODY
                     + "\n聊城市人民政府办公室\n2025年1月20日")
    clues = {(c.field, c.source): (c.value, c.quote) for c in read_clues(text, "lc-2024.txt")}
    assert clues[("agency", "title")][0] == "聊城市人民政府"
    assert clues[("agency", "publisher")] == ("聊城市人民政府办公室", "来源：聊城市人民政府办公室")
    assert clues[("year", "statistics period")][0] == 2024
    assert clues[("year", "signature")] == (2024, "2025年1月20日")
    assert clues[("year", "file name")] == (2024, "lc-2024.txt")


def test_a_title_alone_without_a_place_or_year_detects_no_agency():
    assert detect("工作总结\n本单位……") == {}
