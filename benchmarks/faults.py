"""The load run with a fault: chat sessions while PostgreSQL restarts (`python benchmarks/load.py --fault`).

A throwaway PostgreSQL cluster (tests/servers.py) holds the bundled corpus's facts and chunks; the
vectors are on disk. `python ui.py` serves over them. One client first asks every question once: the
answers before the fault. Then the sessions ask back to back, and halfway through the server is stopped
(a fast shutdown: every connection dropped) and started again. Every answer is put in one of these
kinds (each question asked in a new chat, so
that a follow-up follows nothing): as before; changed (any other answer: none is allowed); the message to retry, because the data
service is unavailable or too slow; an error the chat showed; a failed request. Reported: the counts by
kind, how long the server was down, the longest stretch in which the users got no answer, and whether
every answer after it was as before.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.answering.messages import say  # noqa: E402
from qa.views.chat import literal  # noqa: E402
from tests.servers import Postgres  # noqa: E402

ANSWERED = ("as before", "as before, its citations' context not shown")
RETRY = {literal(say(key, lang)): key for key in ("store_unavailable", "store_slow") for lang in ("zh", "en")}


def _answer(client, question: str) -> tuple[str, int]:
    """The chat's answer message to a question asked alone, and how many messages follow it (a cited
    passage's context each)."""
    client.session = uuid.uuid4().hex[:12]  # a new chat: no earlier question for a follow-up to follow
    history = client.chat(question, [])
    content = history[1]["content"]
    return (content if isinstance(content, str) else "".join(part.get("text", "") for part in content),
            len(history) - 2)


def _kind(answer: tuple[str, int], before: tuple[str, int]) -> str:
    if answer == before:
        return "as before"
    if answer[0] == before[0]:
        return ANSWERED[1]
    return RETRY.get(answer[0], "changed")


def fault_run(start_app, chat_client, questions: list[str], sessions: int, duration: float,
              down: float = 5.0) -> dict:
    """Builds the corpus into a new PostgreSQL cluster, serves it, and runs the sessions over a restart."""
    pg = Postgres()
    data = Path(tempfile.mkdtemp(prefix="gongkai-fault-"))
    env = {**os.environ, "GONGKAI_DATABASE_URL": pg.database(), "GONGKAI_DATA_DIR": str(data)}
    process = None
    try:
        subprocess.run([sys.executable, "-m", "index", "build", "--quiet"], cwd=REPO, env=env, check=True)
        process, url = start_app(env)
        client = chat_client(url)
        asked = list(dict.fromkeys(questions))
        before = {q: _answer(client, q) for q in asked}
        client.close()
        results: list[tuple[float, float, str]] = []  # (asked at, answered at, kind)
        outage: dict[str, float] = {}
        examples: list[dict] = []
        started = time.monotonic()
        deadline = started + duration

        def session(n: int) -> None:
            c = chat_client(url)
            i = n * 7
            while time.monotonic() < deadline:
                question = asked[i % len(asked)]
                i += 1
                t = time.monotonic()
                try:
                    answer = _answer(c, question)
                    kind = _kind(answer, before[question])
                except Exception as error:  # a request the app did not answer at all
                    answer, kind = (repr(error), 0), "failed request"
                if kind in ("changed", "failed request") and len(examples) < 5:
                    examples.append({"question": question, "before": before[question][0][:300],
                                     "now": answer[0][:300]})
                results.append((t - started, time.monotonic() - started, kind))
            c.close()

        threads = [threading.Thread(target=session, args=(n,), daemon=True) for n in range(sessions)]
        for thread in threads:
            thread.start()
        time.sleep(duration / 2)
        outage["stopped"] = time.monotonic() - started
        pg.stop_server()
        time.sleep(down)  # a restart that takes a while (crash recovery, a machine rebooting)
        pg.start_server()
        outage["started"] = time.monotonic() - started
        for thread in threads:
            thread.join(duration + 120)
    finally:
        if process is not None:
            process.terminate()
            process.wait(30)
        pg.stop()
    return {**summary(results, outage, sessions, duration, len(asked)), "examples": examples}


def summary(results: list[tuple[float, float, str]], outage: dict[str, float], sessions: int, duration: float,
            questions: int) -> dict:
    kinds: dict[str, int] = {}
    for _, _, kind in results:
        kinds[kind] = kinds.get(kind, 0) + 1
    missed = [(t, done) for t, done, kind in results if kind not in ANSWERED]
    last_miss = max((done for _, done in missed), default=None)
    recovered = outage["started"] if last_miss is None else max(last_miss, outage["started"])
    after = [kind for t, _, kind in results if t > recovered]
    return {"sessions": sessions, "duration_s": duration, "questions": questions, "answers": len(results),
            "by_kind": kinds, "server_down_s": round(outage["started"] - outage["stopped"], 2),
            "server_stopped_at_s": round(outage["stopped"], 1),
            # from the first request that got no answer to the last one's reply
            "users_without_answers_s": round(last_miss - min(t for t, _ in missed), 2) if missed else 0.0,
            "answers_after_recovery": len(after),
            "all_after_recovery_as_before": all(k == "as before" for k in after)}


def write(result: dict, out: Path) -> None:
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(result["by_kind"].items()))
    out.write_text(
        "# Load with a fault: PostgreSQL restarted under 20 sessions\n\n"
        f"Measured {date.today()} on {os.cpu_count()} cores. By `python benchmarks/load.py --fault --write` (benchmarks/faults.py): the bundled corpus in a new "
        "PostgreSQL cluster, vectors on disk, `python ui.py` over them, "
        f"{result['sessions']} sessions asking the evaluation set's {result['questions']} questions back to back "
        f"for {result['duration_s']:g} s; at {result['server_stopped_at_s']} s the server is stopped (fast "
        f"shutdown) and started again {result['server_down_s']} s later. Each answer is compared with the same "
        "question's answer before the run, each question asked in a new chat. \"Users told to retry over\" runs from "
        "the first question that got no answer to the last such reply.\n\n"
        "| answers | by kind | server down s | users told to retry over s | answers after recovery | all as before |\n"
        "|---|---|---|---|---|---|\n"
        f"| {result['answers']} | {kinds} | {result['server_down_s']} | {result['users_without_answers_s']} | "
        f"{result['answers_after_recovery']} | {'yes' if result['all_after_recovery_as_before'] else 'NO'} |\n",
        encoding="utf-8")
