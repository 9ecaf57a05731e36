"""Reports as agencies publish them: each seed as an HTML page, a Word file and a PDF (made
here from the seed's own text and table rows) yields exactly the facts of its text version."""

import shutil
from pathlib import Path

import pytest

from index import Settings, SQLiteStore, build, normalize, parse_text, read_report
from index.__main__ import main as index_main
from index.errors import ReportError
from index.formats import extract
from index.formats.header import split_header
from index.formats.sniff import sniff
from index.report.metadata import read_manifest
from tests.conftest import REPORT_IDS, SEEDS
from tests.documents import blocks, split_table_docx, write_docx, write_html, write_pdf

KINDS = ("html", "docx", "pdf")


@pytest.fixture(scope="session")
def documents(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """{report id: {kind: path}} for the five seeds, plus the split-table PDF under "split"."""
    out = tmp_path_factory.mktemp("documents")
    docs = {}
    for rid in REPORT_IDS:
        doc = blocks(rid)
        docs[rid] = {"html": write_html(doc, out / f"{rid}.html"), "docx": write_docx(doc, out / f"{rid}.docx")}
    split = split_table_docx(blocks("liaocheng-gov-2024"), out / "split" / "liaocheng-gov-2024-split.docx")
    pdfs = write_pdf([docs[rid]["docx"] for rid in REPORT_IDS] + [split], out / "pdf")
    for rid, pdf in zip(REPORT_IDS, pdfs):
        docs[rid]["pdf"] = pdf
    docs["split"] = {"pdf": pdfs[-1]}
    return docs


def text_version(rid: str):
    return parse_text(normalize((SEEDS / "reports" / f"{rid}.txt").read_text(encoding="utf-8")), rid)


def cells(report) -> dict[tuple[str, str, str], object]:
    return {f.key: f.value for f in report.facts}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("rid", REPORT_IDS)
def test_each_format_yields_the_facts_sections_and_checks_of_the_text(documents, rid, kind):
    path = documents[rid][kind]
    got = read_report(path, path.name, {})
    expected = text_version(rid)
    assert cells(got) == cells(expected)
    assert [(s.number, s.title) for s in got.sections] == [(s.number, s.title) for s in expected.sections]
    assert [(c.name, c.status) for c in got.checks] == [(c.name, c.status) for c in expected.checks]
    assert got.formats == expected.formats
    assert got.meta.agency == expected_agency(rid) and got.meta.year == expected_year(rid)
    # A clean document prints every cell: only group sums are derived.
    assert all(f.row in ("withheld", "unavailable", "not_processed", "other") for f in got.facts if f.derived)


def expected_agency(rid: str) -> str:
    return read_manifest(SEEDS / "manifest.csv")[f"reports/{rid}.txt"].agency


def expected_year(rid: str) -> int:
    return read_manifest(SEEDS / "manifest.csv")[f"reports/{rid}.txt"].year


def test_a_table_broken_across_pages_is_one_table(documents):
    import pdfplumber

    path = documents["split"]["pdf"]
    with pdfplumber.open(path) as pdf:
        pages = [n for n, page in enumerate(pdf.pages) if any("予以公开" in " ".join(filter(None, row))
                                                              for t in page.extract_tables() for row in t)
                 or any("结转下年度继续办理" in " ".join(filter(None, row)) for t in page.extract_tables() for row in t)]
    assert len(set(pages)) == 2 and pages[1] == pages[0] + 1, "the applications table should span two pages"
    got = read_report(path, path.name, {})
    assert cells(got) == cells(text_version("liaocheng-gov-2024"))
    assert not [w for w in got.warnings if "表三" in w]


def write_bad_files(folder: Path) -> dict[str, str]:
    """Files that cannot be read, with the words their error must contain."""
    from PIL import Image
    from pypdf import PdfWriter

    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (600, 800), "white").save(folder / "scan.pdf")
    writer = PdfWriter()
    writer.add_blank_page(width=600, height=800)
    writer.encrypt("secret")
    with open(folder / "locked.pdf", "wb") as handle:
        writer.write(handle)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip file")
    (folder / "empty.html").write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>", encoding="utf-8")
    return {"scan.pdf": "no text layer", "locked.pdf": "encrypted", "broken.pdf": "not a readable PDF",
            "broken.docx": "not a readable DOCX", "empty.html": "no text found"}


def test_unreadable_files_are_named_and_the_others_indexed(documents, tmp_path):
    corpus = tmp_path / "corpus"
    expected = write_bad_files(corpus / "reports")
    shutil.copy(documents["zibo-gov-office-2024"]["pdf"], corpus / "reports")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embedder="fake")
    result = build(settings, progress=False)
    assert result.added == ["zibo-gov-office-2024"]
    assert len(result.errors) == len(expected)
    for name, words in expected.items():
        assert any(name in e and words in e for e in result.errors), (name, result.errors)


def test_add_copies_files_writes_manifest_rows_and_indexes(documents, tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    monkeypatch.setenv("GONGKAI_CORPUS_DIR", str(corpus))
    files = [documents["liaocheng-gov-2024"]["pdf"], documents["zibo-gov-office-2024"]["html"],
             documents["jinan-gov-office-2024"]["docx"]]
    bad = write_bad_files(tmp_path / "bad")
    assert index_main(["add", "--no-vectors", "--quiet", *map(str, files), str(tmp_path / "bad" / "scan.pdf")]) == 1
    out = capsys.readouterr()
    assert "no text layer" in out.err
    manifest = read_manifest(corpus / "manifest.csv")  # ids and files; nothing was set by hand
    assert {m.id: (m.agency, m.year) for m in manifest.values()} == {
        "liaocheng-gov-2024": ("", None), "zibo-gov-office-2024": ("", None), "jinan-gov-office-2024": ("", None)}
    assert sorted(p.name for p in (corpus / "reports").iterdir()) == sorted(p.name for p in files)
    with SQLiteStore(tmp_path / "data" / "facts.sqlite") as store:
        reports = {r["id"]: r for r in store.reports()}
    assert {i: (r["agency"], r["year"], r["status"], r["sources"]["agency"]) for i, r in reports.items()} == {
        "liaocheng-gov-2024": ("聊城市人民政府", 2024, "ok", "title"),
        "zibo-gov-office-2024": ("淄博市人民政府办公室", 2024, "ok", "title"),
        "jinan-gov-office-2024": ("济南市人民政府办公厅", 2024, "ok", "title")}
    # Adding the same files again changes nothing.
    assert index_main(["add", "--no-vectors", "--quiet", *map(str, files)]) == 0
    assert "already in the corpus" in capsys.readouterr().out
    assert len(read_manifest(corpus / "manifest.csv")) == 3
    assert bad


def test_the_app_answers_from_published_formats(documents, tmp_path):
    from qa import Answerer

    corpus = tmp_path / "corpus" / "reports"
    corpus.mkdir(parents=True)
    for rid, kind in zip(REPORT_IDS, ("docx", "html", "pdf", "html", "pdf")):
        shutil.copy(documents[rid][kind], corpus)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus.parent, embedder="fake")
    assert not build(settings, progress=False).errors
    answerer = Answerer(settings, llm=None)
    try:
        assert "结转下年度继续办理（总计）30件" in answerer.ask("聊城市2024年结转了多少件申请？").answer
        assert "245件" in answerer.ask("淄博市2024年新收了多少件申请？").answer
        assert "537件" in answerer.ask("济南市政府办公厅2024年新收多少件申请？").answer
        text = answerer.ask("济宁市行政审批服务局在政策解读方面做了什么？")
        assert text.mode == "retrieval" and "解读" in text.answer
    finally:
        answerer.close()


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_a_file_is_read_by_what_it_holds_not_its_name(documents, tmp_path, kind):
    source = documents["zibo-gov-office-2024"][kind]
    for name in ("report.txt", "report.md", "report.html", "report.pdf"):
        renamed = tmp_path / name
        shutil.copy(source, renamed)
        assert sniff(renamed, renamed.read_bytes()) == kind
        assert extract(renamed, renamed.read_bytes()) == extract(source, source.read_bytes())


@pytest.mark.parametrize("text,kind", [
    ("济南市2024年报告\n| 类别 | 数据1 | 总计 |\n|---|---|---|\n| 新收 | 1 | 1 |\n", "markdown"),
    ("正文写到 <p> 标签和 | 竖线 | 的句子。\n第二段。\n", "text"),
    ("<!DOCTYPE html>\n<html><body><p>正文</p></body></html>", "html"),
    ("  \n<div class='article'><p>正文</p></div>", "html"),
])
def test_text_files_are_told_apart_by_content(tmp_path, text, kind):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert sniff(path, path.read_bytes()) == kind


def test_an_old_binary_word_file_is_named_as_such(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReportError, match="old binary Office"):
        extract(path, path.read_bytes())


def test_a_crawlers_header_is_metadata_not_text():
    fields, body = split_header("标题：聊城市人民政府2024年政府信息公开工作年度报告\n来源: 聊城市人民政府\n"
                                "发布时间：2025-01-20\n原文链接：https://www.liaocheng.gov.cn/a.html\n=====\n\n一、总体情况\n正文")
    assert fields == {"page title": "聊城市人民政府2024年政府信息公开工作年度报告", "source": "聊城市人民政府"}
    assert body == "一、总体情况\n正文"
    assert split_header("一、总体情况\n标题：不是页头") == ({}, "一、总体情况\n标题：不是页头")
