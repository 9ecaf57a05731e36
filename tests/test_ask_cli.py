"""python -m qa ask, as a user runs it, over the session's seed index."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

KEYS = ["question", "answer", "mode", "citations", "facts"]


def ask(seed_store, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "GONGKAI_DATA_DIR": str(seed_store.data_dir), "GONGKAI_CORPUS_DIR": str(seed_store.corpus_dir)}
    return subprocess.run([sys.executable, "-m", "qa", "ask", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_ask_json(seed_store):
    proc = ask(seed_store, "--json", "聊城市2024年结转了多少件申请？")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert list(out) == KEYS and out["mode"] == "lookup"
    assert [f["value"] for f in out["facts"]] == [30, 29]
    citation = out["citations"][0]
    assert {"n", "report_id", "agency", "year", "section", "table", "row", "column", "quote"} <= set(citation)
    assert (citation["n"], citation["report_id"], citation["row"], citation["column"]) == (
        1, "liaocheng-gov-2024", "carried_forward", "total")


def test_ask_plain_text_shows_citations(seed_store):
    proc = ask(seed_store, "济南市政府公报发布了多少期")
    assert proc.returncode == 0, proc.stderr
    assert "24期" in proc.stdout and "[1] 济南市人民政府办公厅2024年政府信息公开工作年度报告" in proc.stdout


def test_ask_reads_stdin_one_json_object_per_line(seed_store):
    questions = ["聊城2024年予以公开多少件？", "", "青岛市2024年收到多少件申请？", "问" * 600, "How many lawsuits did Zibo have?"]
    proc = ask(seed_store, stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["question"] for line in lines] == [q for q in questions if q]  # blank lines are not questions
    assert [line.get("mode") for line in lines] == ["lookup", "refusal", None, "lookup"]
    assert "500" in lines[2]["error"]
    assert lines[0]["facts"][0]["value"] == 867


@pytest.mark.parametrize("question", ["", "   "])
def test_ask_an_empty_question_is_a_clear_error(seed_store, question):
    proc = ask(seed_store, question)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "empty" in proc.stderr


def test_a_question_back_lists_its_choices_as_questions(seed_store):
    proc = ask(seed_store, "淄博市政府办公室2024年办理结果里，那种既不算公开、也不算拒绝或给不了，只能算别的情况处理掉的有几件？")
    assert proc.returncode == 0, proc.stderr
    choices = [line for line in proc.stdout.splitlines() if line.startswith("→ ")]
    assert 2 <= len(choices) <= 3 and all("淄博市人民政府办公室2024年" in line for line in choices)
