"""The same seed table laid out differently gives identical facts."""

import re

import pytest

from index import normalize, parse_text
from tests.conftest import REPORT_IDS, seed_text

ONE_CELL_PER_LINE = ("zibo-gov-office-2024", "jining-approval-bureau-2024")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def table_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the three table blocks of a seed, found with plain string search."""
    proactive = _line_start(text, text.index("第二十条第"))
    end = proactive
    for line in text[proactive:].split("\n"):
        if line.strip() and "\t" not in line:
            break
        end += len(line) + 1
    applications = _line_start(text, text.index("勾稽关系"))
    review_heading = _line_start(text, text.index("行政复议、行政诉讼情况", applications))
    review = text.index("\n", review_heading) + 1
    review_end = _line_start(text, text.index("存在的主要问题", review))
    return [(proactive, end), (applications, review_heading), (review, review_end)]


def transform(text: str, fn) -> str:
    """Apply fn to each table block, leaving the narrative as it is."""
    out, pos = [], 0
    for start, end in table_blocks(text):
        out += [text[pos:start], fn(text[start:end])]
        pos = end
    return "".join(out + [text[pos:]])


def to_one_cell_per_line(block: str) -> str:
    out = []
    for line in block.split("\n"):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        out += [f"\t{c}" for c in cells] + [""] if cells else [""]
    return "\n".join(out)


def to_tab_rows(block: str) -> str:
    """One cell per line back to one row per line: a row is a run of non-blank lines."""
    rows, current = [], []
    for line in block.split("\n") + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            rows.append("\t".join(current))
            current = []
    return "\n".join(rows) + "\n"


def drop_labels(block: str) -> str:
    """Blank the label cells of every third row that has values."""
    out, n = [], 0
    for line in block.split("\n"):
        cells = line.split("\t")
        if sum(bool(re.fullmatch(r"\s*[\d.,+-]+\s*", c)) for c in cells) >= 2:
            n += 1
            if n % 3 == 0:
                line = "\t".join("" if not re.fullmatch(r"\s*[\d.,+-]*\s*", c) else c for c in cells)
        out.append(line)
    return "\n".join(out)


def fullwidth_digits(block: str) -> str:
    return block.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})


def thousands(block: str) -> str:
    return re.sub(r"(?<![\d.])(\d{4,})(?=[\t\n.]|$)", lambda m: f"{int(m.group(1)):,}", block)


def extra_blank_lines(block: str) -> str:
    return "\n\n".join(block.split("\n")) + "\n\n"


def spaced_labels(block: str) -> str:
    """'商业企业' as '商 业 企 业': letters spaced out as some PDF extractions do."""
    return re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff])", r"\1 ", block)


def as_tab_rows(report_id: str, text: str) -> str:
    return transform(text, to_tab_rows) if report_id in ONE_CELL_PER_LINE else text


def facts_of(text: str) -> dict:
    return {f.key: f.value for f in parse_text(normalize(text)).facts}


@pytest.fixture(scope="module")
def originals():
    return {r: facts_of(seed_text(r)) for r in REPORT_IDS}


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_tabs_and_one_cell_per_line_round_trip(report_id, originals):
    tabs = as_tab_rows(report_id, seed_text(report_id))
    assert facts_of(tabs) == originals[report_id]
    lines = transform(tabs, to_one_cell_per_line)
    assert lines != tabs
    assert facts_of(lines) == originals[report_id]
    assert facts_of(transform(lines, to_tab_rows)) == originals[report_id]


@pytest.mark.parametrize("report_id", REPORT_IDS)
@pytest.mark.parametrize("change", [drop_labels, fullwidth_digits, thousands, extra_blank_lines, spaced_labels])
def test_damaged_layouts_give_identical_facts(report_id, change, originals):
    text = as_tab_rows(report_id, seed_text(report_id))
    damaged = transform(text, change)
    assert damaged != text or change is thousands
    assert facts_of(damaged) == originals[report_id]


def test_thousands_separators_are_exercised():
    text = seed_text("liaocheng-gov-2024")
    damaged = transform(text, thousands)
    assert "1,909" in damaged and "126,661.053152" in damaged and "1,672,944" in damaged
    facts = facts_of(damaged)
    assert facts[("proactive", "fees", "amount")] == facts_of(text)[("proactive", "fees", "amount")]


def test_everything_at_once(originals):
    report_id = "liaocheng-gov-2024"
    text = seed_text(report_id)

    def everything(block):
        for change in (drop_labels, thousands, fullwidth_digits, spaced_labels, to_one_cell_per_line):
            block = change(block)
        return block

    assert facts_of(transform(text, everything)) == originals[report_id]
