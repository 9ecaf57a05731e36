"""Normalisation, sections and title metadata."""

import pytest

from index import detect, normalize, split_sections
from tests.conftest import REPORT_IDS, seed_text

SIX = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
       "存在的主要问题及改进情况", "其他需要报告的事项"]


def test_normalize_fullwidth_and_spacing():
    text = normalize("三 、 本 年 度 办 理 结 果\t(一) 予以公开\t１２３\u00a0\u3000商 业 企 业\t１，２３４\r\n（二）部分公开，共２件。")
    assert text.split("\t")[0] == "三、本年度办理结果"
    assert "(一)予以公开" in text and "\t123" in text and "商业企业" in text
    assert "(二)部分公开，共2件。" in text  # brackets and digits to ASCII, Chinese comma kept
    assert "\r" not in text and "\u00a0" not in text and "\u3000" not in text


def test_normalize_keeps_tabs_and_line_count():
    raw = seed_text("liaocheng-gov-2024")
    text = normalize(raw)
    assert text.count("\n") == raw.count("\n")
    assert text.count("\t") == raw.count("\t")


@pytest.mark.parametrize("report_id", [r for r in REPORT_IDS if r != "jinan-lixia-2020"])
def test_six_standard_sections(report_id):
    sections = split_sections(normalize(seed_text(report_id)))
    assert [s.title for s in sections] == SIX
    assert [s.role for s in sections] == ["overview", "proactive", "applications", "review", "problems", "other"]


def test_eight_section_variant_and_table_of_contents():
    text = normalize(seed_text("jinan-lixia-2020"))
    sections = split_sections(text)
    assert [s.number for s in sections] == list(range(1, 9))
    assert sections[0].title == "总体情况"
    assert sections[3].role == "proactive" and sections[4].role == "applications" and sections[5].role == "review"
    assert sections[7].title == "其他"
    # the table of contents (dotted leaders) lists every heading first; the sections start after it
    toc_end = text.index("八、其他.....")
    assert all(s.start > toc_end for s in sections)
    # an embedded notice's own "一、领导小组组成成员：" is not a section
    assert not any("领导小组" in s.title for s in sections)


def test_table_row_labels_are_not_sections():
    text = normalize(seed_text("zibo-gov-office-2024").replace("\t四、结转下年度继续办理", "四、结转下年度继续办理"))
    assert [s.title for s in split_sections(text)] == SIX


def test_sections_cover_their_text():
    text = normalize(seed_text("liaocheng-gov-2024"))
    sections = split_sections(text)
    for a, b in zip(sections, sections[1:]):
        assert a.end == b.start
    assert text[sections[2].start:].startswith("三、收到和处理")
    assert "1950" in text[sections[2].start:sections[2].end]


@pytest.mark.parametrize("report_id, agency, year, region, level", [
    ("jinan-gov-office-2024", "济南市人民政府办公厅", 2024, "济南市", "市级"),
    ("jinan-lixia-2020", "济南市历下区人民政府", 2020, "济南市历下区", "区县级"),
    ("zibo-gov-office-2024", "淄博市人民政府办公室", 2024, "淄博市", "市级"),
    ("jining-approval-bureau-2024", "济宁市行政审批服务局", 2024, "济宁市", "市级"),
    ("liaocheng-gov-2024", "聊城市人民政府", 2024, "聊城市", "市级"),
])
def test_metadata_detected_from_title(report_id, agency, year, region, level):
    found = detect(normalize(seed_text(report_id)))
    assert found == {"agency": agency, "year": year, "region": region, "level": level}


def test_title_without_year_detects_nothing():
    assert detect("某某单位工作总结\n\n正文") == {}
