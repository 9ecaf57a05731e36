"""The web app's handlers over the seed index, its start-up, and a real server with queue and login."""

import re
import threading
import time
from pathlib import Path

import gradio as gr
import httpx
import pytest

import ui
from index import Settings, SQLiteStore, UserError
from tests.servers import free_port


@pytest.fixture(scope="module")
def app(seed_store, answerer):
    return ui.App(seed_store, answerer)


def run(app, message, history=None, previous=None):
    """Every state the chat handler yields."""
    return list(app.respond(message, history or [], previous))


def text_of(message) -> str:
    return message["content"]


def test_an_answer_streams_then_shows_its_citations(app):
    states = run(app, "聊城市2024年结转了多少件申请？")
    first = states[0][1]
    assert [m["role"] for m in first] == ["user", "assistant"] and "正在查找" in text_of(first[-1])
    answers = [text_of(state[1][1]) for state in states[1:]]
    assert len(answers) >= 3  # at least two pieces of the answer, then the answer with its citations
    assert all(b.startswith(a) for a, b in zip(answers, answers[1:]))
    final = states[-1][1]
    answer = text_of(final[1])
    assert "30件[1]" in answer and "29件[2]" in answer and "**引用**" in answer
    assert "[1] 聊城市人民政府2024年度报告 · 三、收到和处理政府信息公开申请情况 · 结转下年度继续办理 × 总计" in answer
    contexts = final[2:]
    assert [c["metadata"]["title"].split(" ")[0] for c in contexts] == ["[1]", "[2]"]
    assert contexts[0]["metadata"]["status"] == "done"
    assert "font-weight:bold" in text_of(contexts[0]) and ">30</td>" in text_of(contexts[0])
    assert states[-1][0] == ""  # the question box is cleared


def test_a_text_answer_opens_its_sentence_in_the_section(app):
    final = run(app, "济宁市行政审批服务局在政策解读方面做了什么？")[-1][1]
    assert final[1]["content"].startswith("据济宁市行政审批服务局2024年度报告")
    context = text_of(final[2])
    assert "<mark" in context and "解读" in context.split("<mark")[1]


def test_follow_up_questions_use_the_previous_question(app):
    *_, (box, history, previous) = run(app, "淄博市政府办公室2024年新收了多少件申请？")
    assert "245" in text_of(history[1])
    *_, (box, history, previous) = run(app, "那结转到下一年的呢？", history, previous)
    follow_up = [m for m in history if m["role"] == "assistant" and "metadata" not in m][-1]
    assert "淄博市人民政府办公室" in text_of(follow_up) and "结转下年度继续办理" in text_of(follow_up)


@pytest.mark.parametrize("question, expected", [("", "请输入问题"), ("   ", "请输入问题"),
                                                ("聊" * 501, "问题太长：501 个字符，上限 500")])
def test_empty_or_long_questions_get_a_friendly_message(app, question, expected):
    states = run(app, question)
    history = states[-1][1]
    assert expected in text_of(history[-1])
    assert [m["role"] for m in history] == (["assistant"] if not question.strip() else ["user", "assistant"])
    if question.strip():
        assert len(text_of(history[0])) < 250  # a long question is shown shortened


def test_a_failure_while_answering_is_a_message_not_a_traceback(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(app.answerer, "ask", broken)
    history = run(app, "聊城市2024年结转了多少件申请？")[-1][1]
    assert text_of(history[-1]) == ui.BUSY


def test_markup_in_a_question_is_shown_as_text(app):
    history = run(app, "<img src=x onerror=alert(1)> 聊城市新收多少件？")[-1][1]
    assert text_of(history[0]).startswith("\\<img src=x onerror=alert(1)\\>")


def test_figures_lookup_compares_agencies_and_exports_csv(app):
    note, compared, detail, chart, line, download = app.lookup(["聊城市人民政府", "淄博市人民政府办公室"], [2024],
                                                               "applications", ["new_received", "carried_forward"],
                                                               ["total"])
    assert not line.visible  # one year per agency: no line over the years
    assert note == "共 4 个单元格。"
    assert list(compared.columns) == ["指标", "聊城市人民政府 2024", "淄博市人民政府办公室 2024"]
    assert compared.iloc[0].tolist() == ["一、本年新收政府信息公开申请数量 × 总计", "1951", "245"]
    assert list(detail.columns) == ui.FIGURE_HEADERS and set(detail["核对"]) == {"通过"}
    assert "1951" in detail.iloc[0]["原文行"]  # the line as extracted (its label was split off)
    # grouped by cell, then report; each bar labelled by its cell's short name and report, its value written
    labels = re.findall(r'line-height:1.3">([^<]+)</div>', chart)
    assert labels == ["新收·总计｜聊城市人民政府 2024", "新收·总计｜淄博市人民政府办公室 2024",
                      "结转下年度·总计｜聊城市人民政府 2024", "结转下年度·总计｜淄博市人民政府办公室 2024"]
    assert re.findall(r'nowrap">([^<]+)</span>', chart) == ["1951", "245", "30", "0"]
    csv_text = Path(download.value["path"]).read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("报告编号,机关,年度,表,行,列")
    assert csv_text.splitlines()[1].startswith("report_id,agency,year,table,row,column")
    assert len(csv_text.splitlines()) == 6


def test_figures_lookup_explains_what_is_missing(app):
    note, compared, detail, chart, line, download = app.lookup(["济南市历下区人民政府"], [2024], "applications",
                                                               ["new_received"], ["total"])
    assert "济南市历下区人民政府没有2024年度报告" in note and "所选报告中没有这些单元格" in note
    assert detail.empty and not download.interactive
    with pytest.raises(gr.Error):
        app.lookup([], [], "applications", ["new_received"], ["total"])


def test_the_example_questions_are_made_from_the_reports_served(app):
    from qa.views.examples import example_questions

    asked = example_questions(list(app.facts.reports.values()))
    assert asked[0] == "聊城市2024年结转了多少件申请？"  # a government first, its newest year
    assert asked[-1] == "How many applications did Liaocheng carry forward in 2024?"
    assert all(app.answerer.ask(q).mode != "refusal" for q in asked)
    other = example_questions([{"agency": "宜宾市珙县人民政府", "region": "宜宾市珙县", "year": 2023, "division": "511526"}])
    assert other[0] == "宜宾市珙县2023年结转了多少件申请？" and other[-1] == "How many applications did Gongxian carry forward in 2023?"


def test_reports_tab_lists_and_opens_reports(app):
    listed = app.reports_table()
    assert len(listed) == 5 and "45/45 通过" in set(listed["核对"])
    row = listed.set_index("报告编号").loc["liaocheng-gov-2024"]
    assert (row["该机关各年度"], row["地区"]) == ("2024", "山东省聊城市")
    assert row["识别依据"] == "机关：清单（手工设定）；年度：清单（手工设定）"  # the bundled corpus's manifest names them
    html = app.open_report("liaocheng-gov-2024")
    assert "聊城市人民政府2024年政府信息公开工作年度报告" in html and "核对 51/51 通过" in html
    assert html.count("<table") == 3 and "一、总体情况" in html
    assert "没有这份报告" in app.open_report("nope")


def test_start_builds_a_missing_index_once(corpus, tmp_path, monkeypatch):
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embedder="fake")
    ui.ensure_index(settings)
    with SQLiteStore(settings.facts_db) as store:
        assert len(store.digests()) == 5 and store.get_meta("embedder") == "fake"

    def no_build(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(ui, "build", no_build)
    ui.ensure_index(settings)


def test_start_rebuilds_an_unreadable_index(corpus, tmp_path, capsys):
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embedder="fake")
    settings.data_dir.mkdir()
    settings.facts_db.write_bytes(b"this is not a database" * 100)
    ui.ensure_index(settings)
    with SQLiteStore(settings.facts_db) as store:
        assert len(store.digests()) == 5
    assert "unreadable" in capsys.readouterr().err


def test_login_and_port_settings_are_checked(monkeypatch):
    monkeypatch.setenv("GONGKAI_UI_USER", "staff")
    with pytest.raises(UserError, match="GONGKAI_UI_PASSWORD"):
        ui.auth_from_env()
    monkeypatch.setenv("GONGKAI_UI_PASSWORD", "secret")
    assert ui.auth_from_env() == ("staff", "secret")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "http")
    with pytest.raises(UserError, match="GRADIO_SERVER_PORT"):
        ui.port_from_env()
    monkeypatch.delenv("GRADIO_SERVER_PORT")
    assert ui.port_from_env() == 7860


def test_the_server_has_a_bounded_queue_and_an_optional_login(seed_store, answerer, monkeypatch):
    port = free_port()
    monkeypatch.setenv("GRADIO_SERVER_PORT", str(port))
    monkeypatch.setenv("GONGKAI_UI_USER", "staff")
    monkeypatch.setenv("GONGKAI_UI_PASSWORD", "secret")
    settings = Settings(data_dir=seed_store.data_dir, corpus_dir=seed_store.corpus_dir, ui_concurrency=3,
                        ui_queue_size=7)
    demo, (_, url, _) = ui.launch(settings, answerer, prevent_thread_lock=True, quiet=True)
    try:
        assert url.startswith(f"http://127.0.0.1:{port}")
        assert demo._queue.max_size == 7
        assert demo._queue.default_concurrency_limit == 3
        with httpx.Client(base_url=url) as client:
            assert client.get("/config").status_code == 401
            assert client.post("/login", data={"username": "staff", "password": "wrong"}).status_code == 400
            assert client.post("/login", data={"username": "staff", "password": "secret"}).status_code == 200
            assert client.get("/config").status_code == 200
    finally:
        demo.close()


def test_the_lookup_refuses_rows_of_another_table(app):
    with pytest.raises(gr.Error, match="不属于这张表格"):
        app.lookup(["聊城市人民政府"], [], "review_litigation", ["new_received"], ["total"])


def test_concurrent_questions_are_answered_and_the_queue_is_bounded(seed_store, answerer, monkeypatch):
    """Real clients against the real server: answers do not mix, and a full queue turns requests away."""
    from gradio_client import Client
    from gradio_client.utils import Status

    monkeypatch.setenv("GRADIO_SERVER_PORT", str(free_port()))
    settings = Settings(data_dir=seed_store.data_dir, corpus_dir=seed_store.corpus_dir, ui_concurrency=2,
                        ui_queue_size=2)
    demo, (_, url, _) = ui.launch(settings, answerer, prevent_thread_lock=True, quiet=True)
    try:
        client = Client(url, verbose=False)
        questions = {"聊城市2024年新收了多少件申请？": "1951", "淄博市2024年新收了多少件申请？": "245",
                     "济南市政府办公厅2024年新收了多少件申请？": "537", "济宁市行政审批服务局2024年新收了多少件申请？": "27"}
        jobs = {q: client.submit(q, [], api_name="/chat") for q in questions}
        for q, job in jobs.items():
            box, history = job.result(timeout=60)[:2]
            answer = " ".join(part["text"] for part in history[1]["content"])  # as the browser receives it
            assert f"{questions[q]}件" in answer, (q, answer)

        original = answerer.ask
        release = threading.Event()

        def held(*args, **kwargs):
            # The first answers hold the queue until all eight requests have reached the server, however
            # slow the machine is (a fixed sleep of 1.5 s, then 3 s, let requests arrive too late).
            release.wait(timeout=60)
            return original(*args, **kwargs)

        monkeypatch.setattr(answerer, "ask", held)
        jobs = [client.submit("聊城市2024年新收了多少件申请？", [], api_name="/chat") for _ in range(8)]
        arriving = {Status.STARTING, Status.JOINING_QUEUE}
        deadline = time.monotonic() + 60
        while any(job.status().code in arriving for job in jobs) and time.monotonic() < deadline:
            time.sleep(0.1)
        release.set()
        outcomes = []
        for job in jobs:
            try:
                job.result(timeout=60)
                outcomes.append("answered")
            except Exception as error:  # the client raises its own error type for a full queue
                outcomes.append(str(error))
        assert outcomes.count("answered") >= 2 and any("queue" in o.lower() for o in outcomes), outcomes
    finally:
        demo.close()


def test_a_choice_of_a_question_back_asks_its_question(app):
    states = run(app, "淄博市政府办公室2024年办理结果里，那种既不算公开、也不算拒绝或给不了，只能算别的情况处理掉的有几件？")
    back = states[-1][1][-1]
    assert back["options"] and all(o["value"] for o in back["options"])
    chosen = back["options"][0]
    event = gr.SelectData(None, {"index": 0, "value": chosen["value"]})
    after = list(app.choose(states[-1][1], states[-1][2], event))
    history = after[-1][1]
    assert history[len(states[-1][1])]["content"] == chosen["value"]  # asked as the user's message
    assert "[1]" in history[len(states[-1][1]) + 1]["content"]  # and answered with a cited figure
