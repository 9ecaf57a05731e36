"""The layout zoo: every report (the five seeds, and the four real reports where ../shared is present)
rendered in every layout family (tests/zoo.py for text and markdown; HTML, Word and PDF from
tests/documents.py) yields the facts of the report as first read."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import normalize, parse_text
from index.report.reader import extract
from tests.conftest import REPORT_IDS, SEEDS
from tests.documents import blocks_of, write_docx, write_html, write_pdf
from tests.zoo import TEXT_LAYOUTS

REAL = Path(__file__).resolve().parents[2] / "shared" / "realreports"
REAL_FILES = ("huaian-gov-2024.pdf", "hongze-gov-2024.pdf", "hongze-gov-2023.pdf", "shanghai-gov-office-2025.md")
SOURCES = [*REPORT_IDS, *(pytest.param(f, marks=pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} is absent"))
                          for f in REAL_FILES)]
FILE_LAYOUTS = ("html", "docx", "pdf")


def _source(name: str) -> tuple[str, int]:
    """The report's normalised text as first read, and its year."""
    path = SEEDS / "reports" / f"{name}.txt" if name in REPORT_IDS else REAL / name
    return normalize(extract(path, path.read_bytes())), int(Path(name).stem[-4:])


def _facts(text: str, year: int) -> dict:
    return {f.key: f.value for f in parse_text(text, year=year).facts}


@pytest.fixture(scope="module")
def zoo(tmp_path_factory) -> dict[str, dict]:
    """{source: {"facts": facts as first read, layout: path}} for every source present."""
    out = tmp_path_factory.mktemp("zoo")
    names = [*REPORT_IDS, *(REAL_FILES if REAL.is_dir() else ())]
    entries, docx = {}, []
    for n, name in enumerate(names):
        text, year = _source(name)
        document = blocks_of(text, year=year)
        entry = entries[name] = {"facts": _facts(text, year), "year": year}
        for layout, (render, suffix) in TEXT_LAYOUTS.items():
            entry[layout] = out / f"{n}-{layout}{suffix}"
            entry[layout].write_text(render(document), encoding="utf-8")
        entry["html"] = write_html(document, out / f"{n}.html")
        entry["docx"] = write_docx(document, out / f"{n}.docx")
        docx.append(entry["docx"])
    for name, pdf in zip(names, write_pdf(docx, out / "pdf")):
        entries[name]["pdf"] = pdf
    return entries


@pytest.mark.parametrize("layout", [*TEXT_LAYOUTS, *FILE_LAYOUTS])
@pytest.mark.parametrize("source", SOURCES)
def test_every_layout_yields_the_same_facts(zoo, source, layout):
    entry = zoo[source]
    path = entry[layout]
    got = _facts(normalize(extract(path, path.read_bytes())), entry["year"])
    assert got == entry["facts"]
    assert len(got) > 150


def test_the_zoo_really_differs():
    text, year = _source("liaocheng-gov-2024")
    document = blocks_of(text, year=year)
    rendered = {layout: render(document) for layout, (render, _) in TEXT_LAYOUTS.items()}
    assert len(set(rendered.values())) == len(rendered)
    assert "| 类别 | 数据1 |" in rendered["markdown_sections"]
    fifteen = [line for line in rendered["detached_labels"].split("\n") if line.count("|") == 16]
    assert len(fifteen) == 1  # 表四 as one row of fifteen numbers
    assert "商业企\n业" in rendered["detached_labels"] and "— 7 —" in rendered["detached_labels"]
