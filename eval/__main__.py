"""python -m eval [--json] [--markdown] [--no-baseline] [--questions FILE]

Scores the system (and the naive llama-index baseline) on the evaluation set; exits 1
when a CI gate fails (numeric or citation accuracy below 0.98, refusal accuracy below 0.95)."""

from __future__ import annotations

import argparse
import json
import platform
import sys
from datetime import date
from pathlib import Path

from index import Settings
from index.cli import run

from .gold import QUESTIONS, load
from .run import GATES, evaluate

METRICS = ("numeric_accuracy", "citation_accuracy", "refusal_accuracy", "crag_score", "hit_at_3",
           "latency_p50_ms", "latency_p95_ms")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[1])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--markdown", action="store_true", help="print the README's table: system beside baseline")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (faster)")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="a questions file (default eval/questions.jsonl)")
    return parser


def _cell(value) -> str:
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def table(figures: dict) -> str:
    """System beside baseline, overall and by category, as a Markdown table."""
    base = figures.get("baseline") or {}
    lines = ["| metric | this system | baseline |", "|---|---|---|"]
    lines += [f"| {m} | {_cell(figures[m])} | {_cell(base.get(m))} |" for m in ("questions", *METRICS)]
    lines += ["", "| category | questions | numeric | citation | refusal | CRAG | baseline CRAG |",
              "|---|---|---|---|---|---|---|"]
    for name, f in figures["by_category"].items():
        b = base.get("by_category", {}).get(name, {})
        lines.append(f"| {name} | {f['questions']} | {_cell(f['numeric_accuracy'])} | {_cell(f['citation_accuracy'])} "
                     f"| {_cell(f['refusal_accuracy'])} | {_cell(f['crag_score'])} | {_cell(b.get('crag_score'))} |")
    lines.append(f"\nMeasured {date.today().isoformat()} on {platform.machine()} {platform.system()}, "
                 f"Python {platform.python_version()}, without an LLM.")
    return "\n".join(lines)


def text(figures: dict) -> str:
    lines = [table(figures), ""]
    for f in figures["failures"]:
        lines.append(f"FAIL {f['id']} [{f['category']}] {' → '.join([*f['context'], f['question']])}")
        lines.append(f"  expected: {f['expected']['expect']} {f['expected']['numbers']}")
        lines.append(f"  got: {f['got']['mode']}: {f['got']['answer'][:200]}")
    failed = figures["gates"]["failed"]
    lines.append("gates: " + ("FAILED: " + "; ".join(failed) if failed else
                               "passed (" + ", ".join(f"{k} ≥ {v}" for k, v in GATES.items()) + ")"))
    return "\n".join(lines)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)

    def command() -> int:
        settings = Settings.from_env()
        figures = evaluate(settings, load(args.questions), baseline=not args.no_baseline,
                           progress=lambda m: print(m, file=sys.stderr, flush=True))
        if args.json:
            print(json.dumps(figures, ensure_ascii=False, indent=1))
        elif args.markdown:
            print(table(figures))
        else:
            print(text(figures))
        return 1 if figures["gates"]["failed"] else 0

    return run(command)


if __name__ == "__main__":
    sys.exit(main())
