"""The shared stores failing under the app and under ingest: PostgreSQL and the Chroma server stopped,
restarted, paused (every process SIGSTOPped: nothing answers) and held up by a lock, against servers of
this module's own (tests.servers), so that the session's servers are never touched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import replace

import pytest

from index import Settings, StoreUnavailable, build, open_store
from index.health import health
from qa import Answerer, Conversation
from qa.answering.messages import say
from qa.retrieval import search
from qa.views.chat import literal
from tests.conftest import SEEDS, _server
from tests.servers import REPO

FIGURE = "济南市政府办公厅2024年新收了多少件政府信息公开申请？"
FIGURE_EN = "How many new requests did the Jinan municipal government general office receive in 2024?"
TEXT = "济宁市行政审批服务局在政策解读方面做了什么？"
QUESTIONS = [FIGURE, "淄博市2024年行政复议和行政诉讼各有多少件？", TEXT]
UNAVAILABLE = literal(say("store_unavailable", "zh"))  # as the chat shows it
SLOW = literal(say("store_slow", "zh"))
NO_VECTORS = say("vectors_unavailable", "zh")


@pytest.fixture(scope="module")
def servers():
    pg, chroma = _server("Postgres"), _server("Chroma")
    yield pg, chroma
    chroma.stop()
    pg.stop()


def _settings(tmp_path, pg, chroma, corpus=SEEDS) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dir=corpus, database_url=pg.database(),
                    chroma_host=chroma.host if chroma else "", embedder="fake", connect_timeout=2, statement_timeout=2,
                    answer_timeout=6, reload_seconds=3600)


@pytest.fixture(scope="module")
def built(servers, tmp_path_factory):
    """The seeds in this module's PostgreSQL and Chroma, and every question's answer before any fault."""
    pg, chroma = servers
    settings = _settings(tmp_path_factory.mktemp("faults"), pg, chroma)
    assert not build(settings, progress=False).errors
    answerer = Answerer(settings, llm=None)
    expected = {q: _seen(answerer.ask(q)) for q in [*QUESTIONS, FIGURE_EN]}
    answerer.close()
    return settings, expected


def _seen(answer) -> tuple:
    return answer.answer, [c.as_dict() for c in answer.citations], answer.mode


@contextmanager
def _down(server):
    server.stop_server()
    try:
        yield
    finally:
        server.start_server()


@contextmanager
def _paused(server):
    server.pause()
    try:
        yield
    finally:
        server.resume()


def _chat(app, question: str) -> str:
    """What the chat shows last for a question (ui.App.respond, as the browser gets it)."""
    *_, (_, history, _) = app.respond(question, [], None)
    reply = next(m for m in history if m["role"] == "assistant")
    return reply["content"] if isinstance(reply["content"], str) else json.dumps(reply["content"], ensure_ascii=False)


@contextmanager
def _users(app, n: int):
    """n users asking QUESTIONS in turn through the chat until the block ends; yields what they were shown."""
    seen, stop = [], threading.Event()

    def user(k):
        while not stop.is_set():
            seen.append(_chat(app, QUESTIONS[k % len(QUESTIONS)]))

    users = [threading.Thread(target=user, args=(k,)) for k in range(n)]
    for u in users:
        u.start()
    try:
        yield seen
    finally:
        stop.set()
        for u in users:
            u.join(60)


def _app(settings):
    import ui

    return ui.App(settings, Answerer(settings, llm=None))


def test_postgres_down_a_question_is_told_to_retry_and_the_next_after_it_is_back_answers(built, servers):
    settings, expected = built
    pg, _ = servers
    app = _app(settings)  # nothing asked yet: every figure is read from the store
    try:
        with _down(pg):
            went = time.monotonic()
            for question, message in ((FIGURE, UNAVAILABLE), (FIGURE_EN, literal(say("store_unavailable", "en"))),
                                      (TEXT, UNAVAILABLE)):
                start = time.monotonic()
                assert _chat(app, question) == message
                assert time.monotonic() - start < settings.answer_timeout
            with pytest.raises(StoreUnavailable):
                app.answerer.ask(FIGURE)
            assert not app.answerer.refresh(wait=True)  # looked, could not tell: answers from what it has
            report = health(settings)
            assert not report["healthy"] and not report["facts"]["reachable"] and report["vectors"]["reachable"]
            while time.monotonic() - went < 10:  # long enough for a pool that backs off to wait seconds more
                with pytest.raises(StoreUnavailable):
                    app.answerer.ask(FIGURE)
        for question in [*QUESTIONS, FIGURE_EN]:  # the first question after: no restart of the app
            assert _seen(app.answerer.ask(question)) == expected[question]
        assert health(settings)["healthy"]
    finally:
        app.answerer.close()


def test_a_statement_held_up_by_a_lock_is_given_up_after_the_statement_timeout(built, servers):
    import psycopg

    settings, expected = built
    answerer = Answerer(settings, llm=None)
    try:
        with psycopg.connect(settings.database_url) as holder:
            holder.execute("LOCK TABLE facts, chunks IN ACCESS EXCLUSIVE MODE")  # held until the block ends
            start = time.monotonic()
            with pytest.raises(StoreUnavailable, match="statement timeout"):
                answerer.ask(FIGURE)
            assert time.monotonic() - start < settings.statement_timeout + settings.connect_timeout + 2
            holder.rollback()
        assert _seen(answerer.ask(FIGURE)) == expected[FIGURE]
    finally:
        answerer.close()


def test_postgres_paused_the_chat_answers_within_its_timeout(built, servers):
    """A stalled server answers nothing, not even a cancel: the chat gives up on the question."""
    settings, expected = built
    pg, _ = servers
    app = _app(settings)
    try:
        with _paused(pg):
            start = time.monotonic()
            assert _chat(app, FIGURE) == SLOW
            assert time.monotonic() - start < settings.answer_timeout + 2
        deadline = time.monotonic() + 30
        while (seen := _seen(app.answerer.ask(FIGURE))) != expected[FIGURE] and time.monotonic() < deadline:
            time.sleep(0.5)
        assert seen == expected[FIGURE]
    finally:
        app.answerer.close()


def test_chroma_down_figures_still_answer_and_text_falls_back_to_full_text(built, servers, monkeypatch):
    settings, expected = built
    _, chroma = servers
    monkeypatch.setattr(search, "RETRY_SECONDS", 0.5)
    with _down(chroma):
        answerer = Answerer(settings, llm=None)  # an app started while the vector store is down
    try:
        with _down(chroma):
            assert _seen(answerer.ask(FIGURE)) == expected[FIGURE]
            text = answerer.ask(TEXT)
            assert text.mode == "retrieval" and text.citations and text.answer.endswith(NO_VECTORS)
            assert health(settings)["vectors"]["reachable"] is False
        time.sleep(0.6)
        for question in QUESTIONS:  # connected once back, without a restart: the hybrid answer, no note
            assert _seen(answerer.ask(question)) == expected[question]
    finally:
        answerer.close()


def test_chroma_paused_text_is_answered_by_full_text_within_the_timeout(built, servers):
    from index.store.vectors import VectorStore

    settings, expected = built
    _, chroma = servers
    answerer = Answerer(settings, llm=None)
    try:
        with _paused(chroma):
            start = time.monotonic()
            with pytest.raises(StoreUnavailable):  # a process starting or reloading now
                VectorStore(settings, "fake", 64)
            assert time.monotonic() - start < settings.statement_timeout + 2
            start = time.monotonic()
            text = answerer.ask(TEXT)
            assert time.monotonic() - start < settings.statement_timeout + 2
            assert text.answer.endswith(NO_VECTORS)
            start = time.monotonic()
            again = answerer.ask(TEXT)  # not waited for again while it was just found down
            assert time.monotonic() - start < 1 and again.answer == text.answer
    finally:
        answerer.close()


def test_questions_from_several_users_while_postgres_restarts(built, servers):
    """Four users asking while the server restarts get the answer or the message to retry, nothing else;
    once it is back every answer is as before."""
    settings, expected = built
    pg, _ = servers
    app = _app(settings)
    try:
        before = {q: _chat(app, q) for q in QUESTIONS}
        with _users(app, 4) as seen:
            time.sleep(1)
            with _down(pg):
                time.sleep(3)
            time.sleep(1)
        assert {q: _chat(app, q) for q in QUESTIONS} == before
        assert set(seen) <= {*before.values(), UNAVAILABLE, SLOW}
        assert UNAVAILABLE in seen
        assert set(seen) - {UNAVAILABLE, SLOW}
    finally:
        app.answerer.close()


def test_users_asking_while_an_ingest_is_cut_off_by_a_restart(servers, corpus, tmp_path, monkeypatch):
    """One process ingests a report when the server goes down under users who keep asking: they get
    answers or the message to retry; the report is not written, and is named; once the server is back
    the next build writes it, and the app answers about it after its reload."""
    from index.store.facts import FactsStore
    from tests.test_stores import QUESTION, _without

    pg, chroma = servers
    settings = replace(_settings(tmp_path, pg, chroma, corpus=corpus), chroma_host="")
    restore = _without(corpus, "liaocheng-gov-2024")
    assert not build(settings, progress=False).errors
    app = _app(settings)
    before = {q: _chat(app, q) for q in QUESTIONS}
    restore()
    put = FactsStore.put

    def failing_put(store, report):
        pg.stop_server()
        return put(store, report)

    monkeypatch.setattr(FactsStore, "put", failing_put)
    with _users(app, 3) as seen:
        try:
            time.sleep(1)
            result = build(settings, progress=False)
            time.sleep(2)
        finally:
            pg.start_server()
            monkeypatch.setattr(FactsStore, "put", put)
        time.sleep(1)
    try:
        assert result.errors == [e for e in result.errors if "liaocheng-gov-2024" in e and "not written" in e]
        assert result.errors and not result.added
        assert set(seen) <= {*before.values(), UNAVAILABLE, SLOW} and UNAVAILABLE in seen
        again = build(settings, progress=False)
        assert not again.errors and again.added == ["liaocheng-gov-2024"]
        assert app.answerer.refresh(wait=True)
        assert app.answerer.ask(QUESTION).mode == "lookup"
        assert {q: _chat(app, q) for q in QUESTIONS} == before
    finally:
        app.answerer.close()


def _stored(settings) -> dict[str, int]:
    with open_store(settings) as store:
        return {rid: len(store.facts(rid)) for rid in store.report_digests()}


def test_a_build_interrupted_by_postgres_leaves_each_report_whole_or_absent(servers, tmp_path, monkeypatch):
    from index.store.facts import FactsStore

    pg, _ = servers
    settings = replace(_settings(tmp_path, pg, None), chroma_host="")  # vectors on disk here
    reference = replace(settings, database_url="", data_dir=tmp_path / "reference")
    assert not build(reference, progress=False, vectors=False).errors
    whole = _stored(reference)
    put, calls = FactsStore.put, []

    def failing_put(store, report):
        calls.append(report.meta.id)
        if len(calls) == 3:
            pg.stop_server()  # the third report is being written when the server goes
        return put(store, report)

    monkeypatch.setattr(FactsStore, "put", failing_put)
    try:
        result = build(settings, progress=False)
    finally:
        pg.start_server()
    monkeypatch.setattr(FactsStore, "put", put)
    assert len(result.errors) == 1 and "3 changed report files were not written" in result.errors[0]
    assert not result.embedded
    written = _stored(settings)
    assert set(written) == set(calls[:2]) and all(written[r] == whole[r] for r in written)

    again = build(settings, progress=False)
    assert not again.errors and sorted(again.added) == sorted(set(whole) - set(calls[:2]))
    assert _stored(settings) == whole
    assert health(settings)["facts"]["reports_without_vectors"] == 0


def test_vectors_interrupted_by_chroma_are_embedded_by_the_next_build(servers, tmp_path, monkeypatch):
    from index.store.vectors import VectorStore

    pg, _ = servers
    chroma = _server("Chroma")  # a server of its own: the module's holds the other tests' vectors
    settings = _settings(tmp_path, pg, chroma)
    add, calls = VectorStore.add, []

    def failing_add(store, ids, vectors, metadatas):
        calls.append(ids)
        if len(calls) == 3:
            chroma.stop_server()
        return add(store, ids, vectors, metadatas)

    monkeypatch.setattr(VectorStore, "add", failing_add)
    try:
        result = build(settings, progress=False)
    finally:
        chroma.start_server()
    monkeypatch.setattr(VectorStore, "add", add)
    assert len(result.embedded) == 2
    assert [e for e in result.errors if "the vectors of 3 of 5 reports were not stored" in e]
    report = health(settings)
    assert report["healthy"] and report["facts"]["reports_without_vectors"] == 3

    try:
        again = build(settings, progress=False)
        assert not again.errors and len(again.embedded) == 3
        assert health(settings)["facts"]["reports_without_vectors"] == 0
    finally:
        chroma.stop()


def test_health_command_and_route_say_which_store_is_down(built, servers):
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    import ui

    settings, _ = built
    pg, chroma = servers
    env = {**os.environ, "GONGKAI_DATABASE_URL": settings.database_url, "GONGKAI_CHROMA_HOST": settings.chroma_host,
           "GONGKAI_DATA_DIR": str(settings.data_dir)}

    def command():
        done = subprocess.run([sys.executable, "-m", "index", "health"], cwd=REPO, env=env, capture_output=True,
                              text=True, timeout=120)
        return done.returncode, done.stdout

    client = TestClient(Starlette(routes=[ui.health_route(settings)]))
    code, out = command()
    assert code == 0 and "5 reports, 0 without vectors" in out and out.strip().endswith("healthy")
    assert client.get("/health").status_code == 200
    with _down(chroma):
        code, out = command()
        assert code == 1 and "vector store" in out and "DOWN" in out
        response = client.get("/health")
        assert response.status_code == 503 and response.json()["vectors"]["reachable"] is False
    with _down(pg):
        code, out = command()
        assert code == 1 and "facts store" in out.splitlines()[0] and "DOWN" in out.splitlines()[0]
        assert client.get("/health").json()["facts"]["reachable"] is False


def test_a_conversation_goes_on_after_an_outage(built, servers):
    """The chat stays usable: a question lost to the outage leaves the conversation as it was."""
    settings, expected = built
    pg, _ = servers
    answerer = Answerer(settings, llm=None)
    chat = Conversation(answerer)
    try:
        assert _seen(chat.ask(FIGURE)) == expected[FIGURE]
        before = chat.previous
        with _down(pg), pytest.raises(StoreUnavailable):
            chat.ask(QUESTIONS[1])
        assert chat.previous == before
        assert _seen(chat.ask(QUESTIONS[1])) == expected[QUESTIONS[1]]
    finally:
        answerer.close()
