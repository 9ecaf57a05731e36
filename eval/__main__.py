"""python -m eval [--json] [--markdown] [--no-baseline] [--suite seeds|real] [--questions FILE]

Scores the system (and the naive llama-index baseline) on the evaluation set: the seeds'
questions over the bundled corpus, and the real reports' questions over the seeds and
../shared/realreports; exits 1 when a CI gate fails (numeric or citation accuracy below
0.98, refusal accuracy below 0.95 on the seeds' questions; the real reports' floors are in
eval/suites.py). Without ../shared/realreports the real suite is skipped with a note, unless
asked for by --suite real, which is then an error."""

from __future__ import annotations

import argparse
import json
import platform
import sys
from datetime import date
from pathlib import Path

from index import Settings, UserError
from index.cli import run

from .gold import load
from .run import evaluate
from .suites import REAL_REPORTS, SUITES, suite_settings

METRICS = ("numeric_accuracy", "citation_accuracy", "refusal_accuracy", "crag_score", "wrong", "hit_at_3",
           "latency_p50_ms", "latency_p95_ms")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[1])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--markdown", action="store_true", help="print the README's table: system beside baseline")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (faster)")
    parser.add_argument("--suite", choices=[s.name for s in SUITES], action="append",
                        help="run only this suite (repeatable; default: all)")
    parser.add_argument("--real", type=Path, default=REAL_REPORTS, help="the real reports' folder")
    parser.add_argument("--questions", type=Path,
                        help="instead of the suites: one questions file over the bundled corpus")
    return parser


def _cell(value) -> str:
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def table(figures: dict) -> str:
    """System beside baseline, overall and by category, as a Markdown table."""
    base = figures.get("baseline") or {}
    lines = ["| metric | this system | baseline |", "|---|---|---|"]
    lines += [f"| {m} | {_cell(figures[m])} | {_cell(base.get(m))} |" for m in ("questions", *METRICS)]
    lines += ["", "| category | questions | numeric | citation | refusal | CRAG | wrong | baseline CRAG |",
              "|---|---|---|---|---|---|---|---|"]
    for name, f in [*figures["by_category"].items(), *(("suite: " + n, f) for n, f in figures.get("suites", {}).items())]:
        b = base.get("by_category", {}).get(name, {}) if not name.startswith("suite: ") else {
            "crag_score": f.get("baseline_crag_score")}
        lines.append(f"| {name} | {f['questions']} | {_cell(f['numeric_accuracy'])} | {_cell(f['citation_accuracy'])} "
                     f"| {_cell(f['refusal_accuracy'])} | {_cell(f['crag_score'])} | {f['wrong']} "
                     f"| {_cell(b.get('crag_score'))} |")
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
    floors = "; ".join(f"{suite}: " + ", ".join(f"{k} {'≤' if k == 'wrong' else '≥'} {v}" for k, v in gates.items())
                       for suite, gates in figures["gates"]["floors"].items())
    lines.append("gates: " + ("FAILED: " + "; ".join(failed) if failed else f"passed ({floors})"))
    return "\n".join(lines)


def runnable(names: list[str] | None, real: Path, progress) -> list:
    """The suites to run: those named (all by default). Without the real reports' folder a named
    real suite is an error; by default it is skipped with a note, as the tests over those reports are
    (a clone without ../shared beside it; CI has it)."""
    chosen = [s for s in SUITES if not names or s.name in names]
    if any(s.with_real for s in chosen) and not real.is_dir():
        if names:
            raise UserError(f"{real}: the real reports' folder does not exist; the suite 'real' needs it "
                            "(--suite seeds runs without it)")
        progress(f"skipped the suite 'real': {real} does not exist")
        chosen = [s for s in chosen if not s.with_real]
    return chosen


def main(argv=None) -> int:
    args = _parser().parse_args(argv)

    def command() -> int:
        settings = Settings.from_env()
        progress = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
        if args.questions:
            figures = evaluate(settings, load(args.questions), baseline=not args.no_baseline, progress=progress)
        else:
            chosen = runnable(args.suite, args.real, progress)
            suites = [(s.name, suite_settings(settings, s, args.real), load(s.questions), s.gates) for s in chosen]
            figures = evaluate(settings, baseline=not args.no_baseline, progress=progress, suites=suites)
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
