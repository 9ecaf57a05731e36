"""Chunking: spans quote exactly, section paths, table rows as text, sizes."""

import pytest

from index import normalize, parse_text
from index.report.chunks import MAX_CHARS, TARGET_CHARS, text_chunks
from tests.conftest import REPORT_IDS, seed_text


@pytest.fixture(scope="module")
def parsed():
    return {r: parse_text(normalize(seed_text(r)), r) for r in REPORT_IDS}


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_text_chunks_quote_the_report_exactly(parsed, report_id):
    report = parsed[report_id]
    texts = [c for c in report.chunks if c.kind == "text"]
    assert texts
    for chunk in texts:
        assert chunk.text == report.text[chunk.start:chunk.end]
        assert len(chunk.text) <= MAX_CHARS + TARGET_CHARS
        assert chunk.report_id == report_id
        assert not any(a <= chunk.start < b for a, b in report.regions), "table text belongs to table chunks"
    assert [c.ord for c in report.chunks] == list(range(len(report.chunks)))
    assert len({c.id for c in report.chunks}) == len(report.chunks)


def test_section_paths(parsed):
    chunks = parsed["jinan-gov-office-2024"].chunks
    bulletin = next(c for c in chunks if "全年发布政府公报24期" in c.text)
    assert bulletin.section == "一、总体情况 / (四)平台建设情况"
    assert bulletin.embed_text.startswith("一、总体情况 / (四)平台建设情况\n")
    inline = next(c for c in parsed["liaocheng-gov-2024"].chunks if "编辑出版《聊城市人民政府公报》13 期" in c.text)
    assert inline.section == "一、总体情况 / (一)主动公开"
    lixia = next(c for c in parsed["jinan-lixia-2020"].chunks if "满意率99.68%" in c.text)
    assert lixia.section.startswith("一、总体情况 / (七)强化回应关切")


def test_most_chunks_end_at_a_sentence_end(parsed):
    chunks = [c for r in parsed.values() for c in r.chunks if c.kind == "text"]
    ends = sum(c.text.rstrip().endswith(("。", "！", "？", "；", "：", ";", ")")) for c in chunks)
    assert ends / len(chunks) > 0.8


def test_long_paragraphs_split_with_overlap(parsed):
    report = parsed["jinan-lixia-2020"]
    paths = [(p, s, e) for p, s, e in text_chunks(report.text, report.sections, report.regions, target=120)]
    assert len(paths) > len([c for c in report.chunks if c.kind == "text"])
    overlaps = sum(1 for a, b in zip(paths, paths[1:]) if a[0] == b[0] and b[1] < a[2])
    assert overlaps > 0


def test_table_chunks_render_rows_with_labels(parsed):
    chunks = [c for c in parsed["liaocheng-gov-2024"].chunks if c.kind == "table"]
    text = "\n".join(c.text for c in chunks)
    assert "四、结转下年度继续办理：自然人 29件，商业企业 1件" in text
    assert "行政事业性收费：本年收费金额(单位：万元) 126661.053152万元" in text or "126661.053152万元" in text
    assert "行政复议：结果维持 88件，结果纠正 24件" in text
    assert all(c.section.endswith("/ 表") for c in chunks)


def test_preamble_is_chunked(parsed):
    first = parsed["zibo-gov-office-2024"].chunks[0]
    assert first.section == "" and "淄博市人民政府办公室" in first.text
