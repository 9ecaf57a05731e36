"""Format readers on small hand-made inputs: spans on a grid, page furniture, link lists."""

from pathlib import Path

import pytest

from index.errors import ReportError
from index.formats import extract
from index.formats.layout import grid, table_lines
from index.formats.webpage import html_text

PAGE = """<html><head><meta charset="gbk"><title>x</title></head><body>
<div class="top-head"><a href="/">首页</a> <a href="/a">机构</a></div>
<div id="breadcrumb">当前位置：<a href="/">首页</a> &gt; 政务公开</div>
<div class="content"><h1>某市人民政府2024年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>全年共收到申请<b>12</b>件。</p>
<table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr></table>
<ul class="related"><li><a href="/1">相关链接一</a></li><li><a href="/2">相关链接二</a></li></ul>
<p>二、其他</p></div>
<div class="foot-copyright">版权所有 网站标识码 3701000001</div></body></html>"""


def test_spans_are_expanded_onto_a_grid_with_the_text_once():
    rows = grid([[("a", 2, 1), ("b", 1, 2), ("5", 1, 1)], [("c", 1, 1), ("d", 1, 1), ("0", 1, 1)]])
    assert rows == [["a", "b", "", "5"], ["", "c", "d", "0"]]
    assert table_lines(rows + [["", "", "", ""]]) == ["a\tb\t\t5", "\tc\td\t0"]


def test_a_page_keeps_the_article_and_drops_its_furniture():
    text = html_text(Path("page.html"), PAGE.encode("gbk"))
    assert text.split("\n") == [
        "某市人民政府2024年政府信息公开工作年度报告", "一、总体情况", "全年共收到申请12件。",
        "三、本年度办理结果\t（一）予以公开\t\t5", "\t（三）不予公开\t1.属于国家秘密\t0", "二、其他"]


def test_unreadable_documents_give_a_reason(tmp_path):
    with pytest.raises(ReportError, match="empty"):
        extract(tmp_path / "a.pdf", b"  ")
    with pytest.raises(ReportError, match="not a readable DOCX"):
        extract(tmp_path / "a.docx", b"PK\x03\x04garbage")
    with pytest.raises(ReportError, match="no text found"):
        extract(tmp_path / "a.html", b"<html><body><nav><a href='/'>x</a></nav></body></html>")
