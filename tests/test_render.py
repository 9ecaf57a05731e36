"""HTML views: a table with its cited cell highlighted, a quote marked in its section, a whole report."""

import re
from html.parser import HTMLParser

import pytest

from index import SQLiteStore
from index.tables.schema import APPLICATIONS, PROACTIVE, REVIEW
from qa.answering.compose import Citation
from qa.views.render import _HIT, _LINE, citation_html, excerpt_html, report_html, table_html


class Cells(HTMLParser):
    """The text of every td/th with its style."""

    def __init__(self):
        super().__init__()
        self.cells: list[tuple[str, str]] = []
        self._open: list = []

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._open = [dict(attrs).get("style", ""), ""]

    def handle_data(self, data):
        if self._open:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._open:
            self.cells.append((self._open[1].strip(), self._open[0]))
            self._open = []


def parse(html: str) -> list[tuple[str, str]]:
    parser = Cells()
    parser.feed(html)
    return parser.cells


@pytest.fixture(scope="module")
def seed(seed_store, answerer):
    with SQLiteStore(seed_store.facts_db) as store:
        texts = {rid: store.text(rid) for rid in answerer.facts.reports}
    return answerer.facts, texts


def test_the_cited_cell_is_the_one_highlighted(seed):
    facts, _ = seed
    cells = facts.cells["liaocheng-gov-2024"]
    html = table_html(APPLICATIONS, cells, "2021", "carried_forward", "total")
    hits = [text for text, style in parse(html) if _HIT in style]
    assert hits == ["30"]
    lined = [text for text, style in parse(html) if _LINE in style]
    assert "四、结转下年度继续办理" in lined and "总计" in lined and "1951" in lined  # its row label and column
    # The whole printed table is there: the 25 rows of the 2021 format under two header rows.
    assert html.count("<tr>") == 2 + 25


def test_a_group_and_the_organisations_column_highlight_their_parts(seed):
    facts, _ = seed
    cells = facts.cells["jinan-gov-office-2024"]
    html = table_html(APPLICATIONS, cells, "2021", "withheld", "organisations")
    hits = [text for text, style in parse(html) if _HIT in style]
    assert len(hits) == 8 * 5  # eight 不予公开 items × five organisation columns


def test_other_tables_render_with_their_labels(seed):
    facts, _ = seed
    review = parse(table_html(REVIEW, facts.cells["liaocheng-gov-2024"], "2021", "review", "total"))
    assert [t for t, style in review if _HIT in style] == ["126"]
    proactive = parse(table_html(PROACTIVE, facts.cells["jinan-lixia-2020"], "2019", "licensing", "decisions"))
    assert [t for t, style in proactive if _HIT in style] == ["67556件"]
    assert "政府集中采购" in [t for t, _ in proactive] and "—" in [t for t, _ in proactive]  # printed no values


def test_a_quote_is_marked_inside_its_section(seed):
    facts, texts = seed
    text = texts["liaocheng-gov-2024"]
    quote = "结转下一年度 30 件"
    start = text.index(quote)
    sections = facts.sections["liaocheng-gov-2024"]
    html = citation_html(Citation(1, "r", "a", 2024, "t", "s", quote, start, start + len(quote)),
                         text, sections, {}, {})
    marked = re.search(r"<mark[^>]*>(.*?)</mark>", html).group(1)
    assert marked == "结转下一年度 30 件"
    assert "一、总体情况" in html and "……" in html


def test_report_text_is_escaped():
    text = "一、总体情况\n<script>alert(1)</script> 共收到 3 件\n二、其他\n"
    section = {"number": 1, "title": "总体情况", "start": 0, "end": text.index("二、")}
    start = text.index("共收到")
    html = excerpt_html(text, section, start, start + 3)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_citation_without_a_usable_span_shows_its_quote():
    html = citation_html(Citation(1, "r", "a", 2024, "t", "s", "a <b> quote"), "text", [], {}, {})
    assert "a &lt;b&gt; quote" in html


def test_a_report_reads_by_section_with_its_tables(seed):
    facts, texts = seed
    rid = "zibo-gov-office-2024"
    html = report_html(facts.reports[rid], texts[rid], facts.sections[rid], facts.cells[rid])
    for section in facts.sections[rid]:
        assert f"{section['title']}</summary>" in html
    assert html.count("<table") == 3
    assert "提取的原文" in html
