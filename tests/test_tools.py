"""The project as tools: the four functions, the MCP endpoint of `python ui.py` (called with the mcp
SDK's client), and the llama-index retriever, tools and README example (with a scripted LLM)."""

import asyncio
import json
import os
import re
import subprocess
import sys

import pytest

from index import Settings, build
from qa import Answerer
from qa.tools import ToolError, list_reports, lookup_figures, search_reports
from tests.conftest import REPO, REPORT_IDS
from tests.openai_server import FakeOpenAI
from tests.servers import start_ui, wait_up

QUESTION = "聊城市2024年结转下年度的申请有多少件？"


@pytest.fixture(scope="module")
def fake_index(tmp_path_factory):
    """The seeds with the fake embedder: the tools are about plumbing, not ranking."""
    from tests.conftest import SEEDS

    settings = Settings(data_dir=tmp_path_factory.mktemp("tools-data"), corpus_dir=SEEDS, embedder="fake")
    build(settings, progress=False)
    return settings


@pytest.fixture(scope="module")
def tools_answerer(fake_index):
    return Answerer(fake_index, llm=None)


def test_lookup_by_keys_or_chinese_labels(tools_answerer):
    by_key = lookup_figures(tools_answerer, ["聊城"], "applications", ["carried_forward"], ["total"], [2024])
    by_label = lookup_figures(tools_answerer, ["聊城市人民政府"], "收到和处理政府信息公开申请情况", ["结转下年度继续办理"],
                              ["总计"], [2024])
    assert by_key == by_label
    [cell] = by_key["cells"]
    assert (cell["value"], cell["unit"], cell["check"], cell["derived"]) == (30, "件", "通过", False)
    report = tools_answerer.searcher.store.text("liaocheng-gov-2024")
    cite = cell["citation"]
    assert cite["quote"].endswith("30") and report[cite["start"]:cite["end"]] == "30"
    assert cite["section"].startswith("三、")


def test_lookup_over_years_notes_what_is_missing(tools_answerer):
    out = lookup_figures(tools_answerer, ["济南市人民政府办公厅"], "applications", ["new_received"], ["total"], [2023, 2024])
    assert [c["year"] for c in out["cells"]] == [2024]
    assert out["notes"] and "2023" in out["notes"][0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((["聊城"], "nosuch", ["carried_forward"], ["total"]), "unknown table 'nosuch'; valid: proactive"),
        ((["聊城"], "applications", ["申请"], ["total"]), "fits several"),
        ((["聊城"], "applications", ["carried_forward"], ["nope"]), "unknown column 'nope'"),
        ((["青岛"], "applications", ["carried_forward"], ["total"]), "no indexed agency matches '青岛'"),
        (([], "applications", ["carried_forward"], ["total"]), "at least one agency"),
    ],
)
def test_a_bad_argument_is_a_clear_error(tools_answerer, args, message):
    with pytest.raises(ToolError, match=re.escape(message)):
        lookup_figures(tools_answerer, *args)


def test_list_and_search(tools_answerer):
    reports = list_reports(tools_answerer)
    assert sorted(r["report_id"] for r in reports) == sorted(REPORT_IDS)
    assert all(r["status"] == "ok" and r["checks_failed"] == 0 for r in reports)
    assert [r["year"] for r in list_reports(tools_answerer, agency="历下")] == [2020]
    hits = search_reports(tools_answerer, "政策解读", agency="济宁", k=2)
    assert len(hits) == 2 and {h["agency"] for h in hits} == {"济宁市行政审批服务局"}
    text = tools_answerer.searcher.store.text(hits[0]["report_id"])
    assert text[hits[0]["start"]:hits[0]["end"]] == hits[0]["text"]
    with pytest.raises(ToolError, match="between 1 and 20"):
        search_reports(tools_answerer, "政策解读", k=0)


def test_the_retriever_gives_facts_then_chunks_with_citations(tools_answerer):
    from qa.tools.llama import GongkaiRetriever

    nodes = GongkaiRetriever(tools_answerer, k=3).retrieve(QUESTION)
    fact, *chunks = nodes
    assert fact.node.metadata["kind"] == "fact" and fact.node.metadata["value"] == 30
    assert fact.node.metadata["quote"].endswith("30") and "结转下年度" in fact.node.text
    assert len(chunks) == 3 and all(n.node.metadata["kind"] == "chunk" for n in chunks)
    assert all(n.node.metadata["start"] is not None for n in chunks)
    refused = GongkaiRetriever(tools_answerer, k=2).retrieve("青岛市2024年收到多少申请？")
    assert all(n.node.metadata["kind"] == "chunk" for n in refused)  # no figure for what is not indexed


def test_the_mcp_endpoint_of_ui_lists_and_calls_the_four_tools(fake_index, tmp_path):
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    env = {**os.environ, "GONGKAI_DATA_DIR": str(fake_index.data_dir), "GONGKAI_CORPUS_DIR": str(fake_index.corpus_dir)}
    process, url = start_ui(env)

    async def session():
        async with (streamable_http_client(url + "gradio_api/mcp/") as (read, write, _),
                    ClientSession(read, write) as client):
            await client.initialize()
            tools = {t.name: t for t in (await client.list_tools()).tools}
            calls = {
                "ask": await client.call_tool("ask", {"question": QUESTION}),
                "lookup": await client.call_tool("lookup_figures", {
                    "agencies": ["聊城"], "table": "applications", "rows": ["结转下年度继续办理"],
                    "columns": ["总计"], "years": [2024]}),
                "list": await client.call_tool("list_reports", {}),
                "search": await client.call_tool("search_reports", {"query": "政策解读", "agency": "济宁", "k": 2}),
                "bad": await client.call_tool("lookup_figures", {
                    "agencies": ["聊城"], "table": "nosuch", "rows": ["x"], "columns": ["总计"]}),
            }
            return tools, calls

    try:
        wait_up(process, url)
        tools, calls = asyncio.run(session())
    finally:
        process.terminate()
        process.wait(30)
    assert set(tools) == {"list_reports", "lookup_figures", "search_reports", "ask"}
    assert "结转" not in tools["ask"].description and "Ask a question" in tools["ask"].description
    assert "查表" in tools["lookup_figures"].description and "exact table cells" in tools["lookup_figures"].description
    assert set(tools["lookup_figures"].inputSchema["properties"]) == {"agencies", "table", "rows", "columns", "years"}
    for name in ("ask", "lookup", "list", "search"):
        assert not calls[name].isError, calls[name].content
    answer = json.loads(calls["ask"].content[0].text)
    assert answer["mode"] == "lookup" and "30件" in answer["answer"] and answer["citations"][0]["quote"]
    [cell] = json.loads(calls["lookup"].content[0].text)["cells"]
    assert cell["value"] == 30 and cell["citation"]["quote"].endswith("30")
    assert len(json.loads(calls["list"].content[0].text)) == len(REPORT_IDS)
    assert len(json.loads(calls["search"].content[0].text)) == 2
    assert calls["bad"].isError and "unknown table 'nosuch'; valid:" in calls["bad"].content[0].text


def _readme_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.search(r"<!-- example: llama-index -->\n```python\n(.*?)```", readme, re.S).group(1)


def test_the_readme_llama_index_example_runs_with_a_scripted_llm(fake_index):
    """A llama-index FunctionAgent over gongkai_tools: the scripted model calls lookup_figures, then
    answers with the figure the tool returned."""

    def script(request):
        tool_results = [m for m in request["messages"] if m["role"] == "tool"]
        if not tool_results:
            assert {t["function"]["name"] for t in request["tools"]} == {"lookup_figures", "list_reports", "ask"}
            call = {"id": "call_1", "type": "function", "function": {"name": "lookup_figures", "arguments": json.dumps(
                {"agencies": ["聊城"], "table": "applications", "rows": ["carried_forward"], "columns": ["total"],
                 "years": [2024]})}}
            return {"json": {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": [
                {"index": 0, "finish_reason": "tool_calls",
                 "message": {"role": "assistant", "content": None, "tool_calls": [call]}}]}}
        value = json.loads(tool_results[-1]["content"])["cells"][0]["value"]
        return f"聊城市人民政府2024年结转下年度继续办理{value}件（三、收到和处理政府信息公开申请情况）。"

    with FakeOpenAI(script) as server:
        env = {**os.environ, "GONGKAI_DATA_DIR": str(fake_index.data_dir),
               "GONGKAI_CORPUS_DIR": str(fake_index.corpus_dir), "GONGKAI_LLM_BASE_URL": server.base_url,
               "GONGKAI_LLM_MODEL": "scripted"}
        done = subprocess.run([sys.executable, "-c", _readme_example()], cwd=REPO, env=env, capture_output=True,
                              text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("fact 聊城市人民政府2024年度报告") and lines[0].endswith("30")
    assert lines[-1] == "聊城市人民政府2024年结转下年度继续办理30件（三、收到和处理政府信息公开申请情况）。"
    assert len(server.requests) == 2  # the tool call, then the answer from its result
    assert '"value": 30' in server.requests[1]["json"]["messages"][-1]["content"]
