"""Load on the web app: concurrent chat sessions for a bounded time; writes benchmarks/load.md.

    python benchmarks/load.py --url http://127.0.0.1:7860      # against a running app
    python benchmarks/load.py --start                          # starts `python ui.py` itself
    python benchmarks/load.py --start --duration 10 --check    # CI: exit 1 when the app degrades under load
    python benchmarks/load.py --fault                          # PostgreSQL restarted under load (faults.py)

Each session is its own Gradio client (its own session state, so follow-ups follow its own
previous question) asking the evaluation set's questions in a shuffled order, one after
another, through the chat's /ask endpoint. Target without an LLM: no errors, p95 under 1 s for 20
sessions asking back to back.

--check does not gate on that target, which depends on the machine (the same code measured p95
1.5 s and 3.5 s on the same kind of machine on different days). It gates on properties that hold
on a slow machine and a fast one alike, against one session asking back to back in the same run:
no errors; the sessions together are served at least SCALE_MIN times that one session's
throughput (concurrency does not collapse it); and p95 stays within FAIR_MARGIN times a fair
queue's wait, sessions / single-session throughput (no session is starved).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "load.md"
TARGET_P95_S = 1.0
SCALE_MIN = 0.8
FAIR_MARGIN = 1.5
HISTORY = int(os.environ.get("LOAD_HISTORY", "20"))  # messages of its chat a session sends back


def questions() -> list[str]:
    lines = (REPO / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


class ChatClient:
    """One browser tab's chat: Gradio's queue protocol (join, then the event's server-sent stream) over one
    HTTP connection. gradio_client costs about 45 ms of CPU a request on this machine, on the same two cores
    as the app; this costs a few, so the figures are the app's."""

    def __init__(self, url: str):
        import httpx

        self.http = httpx.Client(base_url=url.rstrip("/"), timeout=120)
        config = self.http.get("/config").json()
        self.prefix = config.get("api_prefix", "/gradio_api")
        self.fn = next(i for i, d in enumerate(config["dependencies"]) if d.get("api_name") == "chat")
        self.session = uuid.uuid4().hex[:12]

    def chat(self, question: str, history: list) -> list:
        """The chat after the question: the final output's history."""
        joined = self.http.post(f"{self.prefix}/queue/join", json={
            "data": [question, history, None], "fn_index": self.fn, "session_hash": self.session,
            "event_data": None, "trigger_id": None})
        joined.raise_for_status()
        event = joined.json()["event_id"]
        with self.http.stream("GET", f"{self.prefix}/queue/data", params={"session_hash": self.session}) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("event_id") not in (None, event) or message["msg"] != "process_completed":
                    continue
                if not message.get("success", True):
                    raise RuntimeError(str(message.get("output"))[:200])
                return message["output"]["data"][1]
        raise RuntimeError("the event stream ended without the answer")

    def close(self) -> None:
        self.http.close()


def session(url: str, asked: list[str], deadline: float, seed: int, latencies: list, errors: list,
            think: float) -> None:
    try:
        client = ChatClient(url)
    except Exception as error:  # a refused connection is a result to report, not a crash
        errors.append(f"connect: {type(error).__name__}: {error}")
        return
    rng = random.Random(seed)
    order = rng.sample(asked, len(asked))
    history: list = []
    n = 0
    time.sleep(rng.uniform(0, think))  # sessions arrive over the first moments, not all in one instant
    while time.monotonic() < deadline:
        question = order[n % len(order)]
        n += 1
        start = time.monotonic()
        try:
            history = client.chat(question, history[-HISTORY:] if HISTORY else [])
            if not history or history[-1].get("role") != "assistant":
                raise ValueError("no answer in the chat")
            latencies.append(time.monotonic() - start)
        except Exception as error:
            errors.append(f"{question[:30]}: {type(error).__name__}: {error}")
        if think:
            time.sleep(rng.uniform(0.5 * think, 1.5 * think))  # reading the answer before the next question
    client.close()


def run(url: str, sessions: int, duration: float, think: float = 0.0) -> dict:
    asked = questions()
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    deadline = started + duration
    threads = [threading.Thread(target=session, args=(url, asked, deadline, n, latencies, errors, think),
                                daemon=True)
               for n in range(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 120)
    elapsed = time.monotonic() - started
    return {"sessions": sessions, "think_s": think, "duration_s": round(elapsed, 1), "requests": len(latencies),
            "errors": len(errors), "throughput_per_s": round(len(latencies) / elapsed, 1),
            "p50_s": round(statistics.median(latencies), 3) if latencies else None,
            "p95_s": round(percentile(latencies, 95), 3), "max_s": round(max(latencies, default=0), 3),
            "first_errors": errors[:5]}


def start_app(env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`python ui.py` on a free port over the configured index (built first if missing)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(env or os.environ, GRADIO_SERVER_PORT=str(port), GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1")
    process = subprocess.Popen([sys.executable, "ui.py"], cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    import httpx

    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"ui.py exited with status {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("ui.py did not start within 5 minutes")


def write(results: list[dict]) -> None:
    rows = "".join(f"| {r['sessions']} | {r['think_s']:g} | {r['duration_s']} | {r['requests']} | {r['errors']} | "
                   f"{r['throughput_per_s']} | {r['p50_s']} | {r['p95_s']} | {r['max_s']} |\n" for r in results)
    OUT.write_text(
        "# Load on the web app (no LLM)\n\n"
        f"Measured {date.today()} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        "by `python benchmarks/load.py --start --think 2 0 --write`. Each session is one chat tab speaking "
        "Gradio's queue protocol over its own HTTP connection (its own session state) and asking the evaluation "
        "set's questions in a shuffled order through the chat's /ask endpoint, sending back the last 20 messages "
        "of its chat. With think time, a session waits on average that long between questions (reading the "
        "answer) and sessions arrive spread over the first interval; with 0 they ask back to back. The load "
        "generator runs on the same two cores as the app, whose queue answers 4 at a time "
        "(`Settings.ui_concurrency`). The sessions ask the same 274 questions, so after the first round their "
        "query vectors come from the app's cache of recent queries (index/store/embed.py).\n\n"
        "| sessions | think s | seconds | requests | errors | throughput /s | p50 s | p95 s | max s |\n"
        "|---|---|---|---|---|---|---|---|---|\n" + rows +
        f"\nTarget: no errors and p95 under {TARGET_P95_S:g} s. CI runs a 10-second back-to-back version "
        "(`make test`: `--duration 10 --think 0 --check`), gated on properties relative to one session asking "
        "back to back in the same run (see `benchmarks/load.py`), not on this machine-dependent target.\n\n"
        "Before issue 25 the sessions were gradio_client clients: about 45 ms of CPU per request in the load "
        "generator itself, on the same two cores, while the app spent about 17 ms. One session then measured "
        "12 answers a second (p50 74 ms) and 20 back to back 19.3 a second, p95 1.44 s; with this client, one "
        "session measures about 41 a second (p50 13 ms), and 20 back to back 46 a second, p95 0.56 s, before "
        "the query cache, and the figures above with it.\n",
        encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--start", action="store_true", help="start python ui.py on a free port and stop it after")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (at most 60)")
    parser.add_argument("--think", type=float, nargs="+", default=[2.0],
                        help="mean seconds a session waits between questions (0: back to back); several: one run each")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 on any error, or when the sessions are served under 0.8 x one session's "
                             "throughput, or p95 exceeds 1.5 x a fair queue's wait")
    parser.add_argument("--write", action="store_true", help=f"record the figures in {OUT.relative_to(REPO)}")
    parser.add_argument("--fault", action="store_true",
                        help="PostgreSQL restarted halfway through, the sessions asking back to back (faults.py)")
    parser.add_argument("--down", type=float, default=5.0, help="with --fault: seconds the server stays down")
    args = parser.parse_args(argv)
    duration = min(args.duration, 60.0)
    if args.fault:
        from faults import fault_run
        from faults import write as write_faults

        result = fault_run(start_app, ChatClient, questions(), args.sessions, duration, args.down)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        if args.write:
            write_faults(result, OUT.with_name("faults.md"))
        return 0 if result["all_after_recovery_as_before"] and "changed" not in result["by_kind"] else 1
    process, url = start_app() if args.start else (None, args.url)
    try:
        baseline = run(url, 1, min(duration, 5.0), 0.0) if args.check else None
        results = [run(url, args.sessions, duration, think) for think in args.think]
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
    print(json.dumps(([baseline] if baseline else []) + results, ensure_ascii=False, indent=1))
    if args.write:
        write(results)
    if args.check:
        problems = check(baseline, results)
        for problem in problems:
            print(f"load check failed: {problem}", file=sys.stderr)
        return 1 if problems else 0
    return 0


def check(baseline: dict, results: list[dict]) -> list[str]:
    """What breaks the load properties (see the module's docstring); [] when they hold."""
    single = baseline["throughput_per_s"]
    problems = [] if baseline["requests"] and not baseline["errors"] else [f"one session alone: {baseline}"]
    for r in results:
        fair = r["sessions"] / single if single else 0
        if r["errors"] or not r["requests"]:
            problems.append(f"{r['sessions']} sessions (think {r['think_s']:g} s): {r['errors']} errors, "
                            f"{r['requests']} answers: {r['first_errors']}")
        if r["think_s"] == 0 and r["throughput_per_s"] < SCALE_MIN * single:
            problems.append(f"{r['sessions']} sessions were served {r['throughput_per_s']}/s, under {SCALE_MIN:g} x "
                            f"one session's {single}/s")
        if r["think_s"] == 0 and r["p95_s"] > FAIR_MARGIN * fair:
            problems.append(f"{r['sessions']} sessions: p95 {r['p95_s']} s, over {FAIR_MARGIN:g} x a fair queue's "
                            f"{fair:.2f} s ({r['sessions']} / {single}/s)")
    return problems


if __name__ == "__main__":
    sys.exit(main())
