"""The facts store shared by several processes: both backends give the same facts, writers of
different reports do not interfere, writers of the same report take turns, and an app process
sees what another process ingested."""

import os
import subprocess
import sys
import threading
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from index import Settings, build, open_store, read_manifest, read_report
from tests.conftest import REPO, REPORT_IDS, SEEDS
from tests.servers import free_port, start_ui, wait_up

FAKE = "fake"


def _facts(settings) -> dict:
    with open_store(settings) as store:
        return {(f["report_id"], f["table"], f["row"], f["column"]): (f["value"], f["derived"], f["source"])
                for f in store.facts()}


def _seed(report_id: str):
    manifest = read_manifest(SEEDS / "manifest.csv")
    file = f"reports/{report_id}.txt"
    return read_report(SEEDS / file, file, manifest)


def _bumped(report, by: int):
    """The same report with every figure raised: another version of it."""
    return replace(report, digest=f"{report.digest}+{by}",
                   facts=[replace(f, value=f.value + by) for f in report.facts])


def _writers(settings, work: list[list]) -> None:
    """One thread per list, each with its own connection, storing its reports in order, all at once."""
    errors = []

    def write(reports):
        try:
            with open_store(settings) as store:
                for report in reports:
                    store.put(report)
        except Exception as exc:  # reported below; a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(reports,)) for reports in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_both_backends_store_the_same_facts(tmp_path, corpus, postgres):
    lite = Settings(data_dir=tmp_path / "lite", corpus_dir=corpus)
    pg = replace(lite, data_dir=tmp_path / "pg", database_url=postgres.database())
    build(lite, progress=False, vectors=False)
    build(pg, progress=False, vectors=False)
    assert _facts(pg) == _facts(lite)
    assert _facts(pg)[("liaocheng-gov-2024", "proactive", "fees", "amount")][0] == Decimal("126661.053152")
    with open_store(lite) as a, open_store(pg) as b:
        assert a.reports() == b.reports()
        assert [a.chunks([r]) for r in REPORT_IDS] == [b.chunks([r]) for r in REPORT_IDS]
        assert a.sections("zibo-gov-office-2024") == b.sections("zibo-gov-office-2024")


def test_two_writers_of_different_reports_both_land(backend_settings):
    reports = [_seed(rid) for rid in REPORT_IDS]
    _writers(backend_settings, [[*reports[i::2]] * 3 for i in range(2)])
    with open_store(backend_settings) as store:
        assert sorted(r["id"] for r in store.reports()) == sorted(REPORT_IDS)
        counts = {rid: len(store.facts(report_id=rid)) for rid in REPORT_IDS}
    assert counts == {r.meta.id: len(r.facts) for r in reports}


def test_one_report_written_by_two_writers_at_once_ends_in_one_version(backend_settings):
    report = _seed("liaocheng-gov-2024")
    versions = {by: _bumped(report, by) for by in (1000, 2000)}
    _writers(backend_settings, [[version] * 5 for version in versions.values()])
    with open_store(backend_settings) as store:
        stored = {(f["table"], f["row"], f["column"]): f["value"] for f in store.facts(report_id=report.meta.id)}
        digest = store.report_digests()[report.meta.id]
        checks = store.checks(report.meta.id)
    winner = next(by for by in versions if versions[by].digest == digest)
    assert stored == {(f.table, f.row, f.column): f.value for f in versions[winner].facts}
    assert len(checks) == len(report.checks)


def test_postgres_writers_of_different_reports_do_not_wait(postgres, tmp_path):
    """One writer holds its report's transaction open; another report is written meanwhile."""
    settings = Settings(data_dir=tmp_path / "d", corpus_dir=SEEDS, database_url=postgres.database())
    first, second = _seed("liaocheng-gov-2024"), _seed("zibo-gov-office-2024")
    holding, release = threading.Event(), threading.Event()

    def slow():
        with open_store(settings) as store, store.transaction():
            store.put(first)
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=slow)
    thread.start()
    try:
        assert holding.wait(30)
        start = time.monotonic()
        with open_store(settings) as store:
            store.put(second)
            assert [r["id"] for r in store.reports()] == ["zibo-gov-office-2024"]  # the other is not committed
        assert time.monotonic() - start < 5
    finally:
        release.set()
        thread.join()
    with open_store(settings) as store:
        assert sorted(r["id"] for r in store.reports()) == ["liaocheng-gov-2024", "zibo-gov-office-2024"]


def test_an_unreachable_database_is_a_clear_error(tmp_path):
    from index import UserError

    settings = Settings(data_dir=tmp_path, database_url=f"postgresql://nobody:secret@127.0.0.1:{free_port()}/x")
    with pytest.raises(UserError, match=r"cannot connect to the facts store at postgresql://nobody@127\.0\.0\.1") as e:
        open_store(settings)
    assert "secret" not in str(e.value)
    with pytest.raises(UserError, match="valid: sqlite, postgresql"):
        open_store(replace(settings, database_url="mysql://x/y"))


def _without(corpus: Path, report_id: str):
    """Takes one report (file and manifest row) out of the corpus; returns what puts it back."""
    file, manifest = corpus / "reports" / f"{report_id}.txt", corpus / "manifest.csv"
    text, listed = file.read_bytes(), manifest.read_text(encoding="utf-8")
    file.unlink()
    manifest.write_text("".join(line for line in listed.splitlines(keepends=True) if not line.startswith(report_id)),
                        encoding="utf-8")

    def restore():
        file.write_bytes(text)
        manifest.write_text(listed, encoding="utf-8")

    return restore


def _ingest(settings: Settings) -> None:
    """`python -m index build` in another process, as an ingest worker would run it."""
    env = {**os.environ, "GONGKAI_DATA_DIR": str(settings.data_dir), "GONGKAI_CORPUS_DIR": str(settings.corpus_dir),
           "GONGKAI_DATABASE_URL": settings.database_url, "GONGKAI_CHROMA_HOST": settings.chroma_host}
    done = subprocess.run([sys.executable, "-m", "index", "build", "--embedder", FAKE, "--quiet"], cwd=REPO, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


QUESTION = "聊城市2024年结转了多少件申请？"


def test_an_app_process_sees_what_another_process_ingested(backend_settings):
    from qa import Answerer

    settings = replace(backend_settings, embedder=FAKE, reload_seconds=0)
    restore = _without(settings.corpus_dir, "liaocheng-gov-2024")
    build(settings, progress=False)
    answerer = Answerer(settings, llm=None)
    assert answerer.ask(QUESTION).mode == "refusal"
    assert not answerer.refresh(wait=True)  # nothing changed
    restore()
    _ingest(settings)
    assert answerer.refresh(wait=True)
    answer = answerer.ask(QUESTION)
    assert answer.mode == "lookup" and "30" in answer.answer
    assert "liaocheng-gov-2024" in answerer.searcher.fresh  # its vectors are used too
    hits = answerer.searcher.search("聊城市政府常务会议", k=3)
    assert hits[0].chunk["report_id"] == "liaocheng-gov-2024"


def test_a_question_starts_the_reload_in_the_background(settings):
    from qa import Answerer

    settings = replace(settings, embedder=FAKE, reload_seconds=0)
    restore = _without(settings.corpus_dir, "liaocheng-gov-2024")
    build(settings, progress=False)
    answerer = Answerer(settings, llm=None)
    before = answerer.searcher
    restore()
    _ingest(settings)
    assert answerer.ask(QUESTION).mode in ("refusal", "lookup")  # answered at once, from either version
    deadline = time.monotonic() + 60
    while answerer.searcher is before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert answerer.ask(QUESTION).mode == "lookup"


FIGURE_QUESTIONS = ["淄博市2024年行政复议和行政诉讼各有多少件？", "济南市政府办公厅2024年新收了多少件政府信息公开申请？",
                    "济南市历下区2020年不予公开的有多少件？"]
TEXT_QUESTION = "济宁市行政审批服务局在政策解读方面做了什么？"


def _text(message: dict) -> str:
    content = message["content"]
    return content if isinstance(content, str) else "".join(part.get("text", "") for part in content)


def _chat(client, question: str) -> list:
    history = client.predict(question, [], api_name="/chat")[1]
    assert history and history[1]["role"] == "assistant"
    return history


def test_two_app_processes_answer_alike_while_a_third_ingests(tmp_path, corpus, postgres, chroma_server):
    """Two `python ui.py` over one PostgreSQL database and one Chroma server give the same answers,
    before, during and after a third process ingests a new report, and both come to answer about it."""
    from gradio_client import Client

    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, database_url=postgres.database(),
                        chroma_host=chroma_server.host, embedder=FAKE)
    restore = _without(corpus, "liaocheng-gov-2024")
    _ingest(settings)
    env = {**os.environ, "GONGKAI_DATA_DIR": str(tmp_path / "data"), "GONGKAI_CORPUS_DIR": str(corpus),
           "GONGKAI_DATABASE_URL": settings.database_url, "GONGKAI_CHROMA_HOST": settings.chroma_host}
    apps = [start_ui(env) for _ in range(2)]
    try:
        for process, url in apps:
            wait_up(process, url)
        clients = [Client(url, verbose=False) for _, url in apps]
        for question in [*FIGURE_QUESTIONS, TEXT_QUESTION, QUESTION]:
            first, second = (_chat(c, question) for c in clients)
            assert first == second, question
        assert "没有聊城市的年度报告" in _text(_chat(clients[0], QUESTION)[1])  # not indexed yet

        restore()
        ingest = subprocess.Popen([sys.executable, "-m", "index", "build", "--embedder", FAKE, "--quiet"], cwd=REPO,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        asked = 0
        while ingest.poll() is None or asked < len(FIGURE_QUESTIONS):
            question = FIGURE_QUESTIONS[asked % len(FIGURE_QUESTIONS)]
            first, second = (_chat(c, question) for c in clients)
            assert first == second, question
            asked += 1
        assert ingest.returncode == 0, ingest.stderr.read()

        deadline = time.monotonic() + 90  # reload_seconds (5 s) and one load, with room for a slow machine
        answers = []
        while time.monotonic() < deadline:
            answers = [_chat(c, QUESTION) for c in clients]
            if all("30" in _text(a[1]) for a in answers):
                break
            time.sleep(1)
        assert all("30" in _text(a[1]) for a in answers), answers
        assert answers[0] == answers[1]
        for question in [*FIGURE_QUESTIONS, TEXT_QUESTION]:
            first, second = (_chat(c, question) for c in clients)
            assert first == second, question
    finally:
        for process, _ in apps:
            process.terminate()
            process.wait(30)


def test_a_reload_reads_no_chunk_and_tokenises_nothing(settings, monkeypatch):
    """Another process's ingest is seen at the next look: a reload reads the store's statistics and the
    catalogue, never the chunks (BM25 is the store's), and tokenises no report text."""
    from qa import Answerer
    from qa.retrieval import search

    settings = replace(settings, embedder=FAKE, reload_seconds=0)
    restore = _without(settings.corpus_dir, "liaocheng-gov-2024")
    build(settings, progress=False)
    answerer = Answerer(settings, llm=None)
    before = answerer.searcher.n
    restore()
    _ingest(settings)
    calls = []
    original = search.tokenize
    monkeypatch.setattr(search, "tokenize", lambda text: calls.append(text) or original(text))
    monkeypatch.setattr(type(answerer.searcher.store), "chunks",
                        lambda *a, **k: pytest.fail("a reload read every chunk"))
    assert answerer.refresh(wait=True)
    assert answerer.searcher.n > before and not calls
    assert answerer.searcher.search("聊城市政府常务会议", k=1)[0].chunk["report_id"] == "liaocheng-gov-2024"
