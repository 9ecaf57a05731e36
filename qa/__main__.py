"""python -m qa search [--k N] [--agency A] [--year Y] [--json] "query"
python -m qa ask [--json] ["question"]   (no question: one per line from stdin, one JSON object per line out)"""

from __future__ import annotations

import argparse
import json
import sys

from index import Settings, UserError
from index.cli import run

from .answering.answer import Answer, Answerer
from .retrieval.search import Searcher


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m qa", description="Search and ask the indexed reports.")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("search", help="ranked report chunks for a query (hybrid dense + BM25)")
    s.add_argument("query")
    s.add_argument("--k", type=int, default=5, help="how many chunks (default 5)")
    s.add_argument("--agency", help="only this agency (a name, short name or region: 济南, 聊城市人民政府)")
    s.add_argument("--year", type=int, help="only reports of this year")
    s.add_argument("--json", action="store_true")
    a = sub.add_parser("ask", help="answer a question with citations (no question: read one per line from stdin)")
    a.add_argument("question", nargs="?")
    a.add_argument("--json", action="store_true", help="print the answer as JSON (always so for stdin)")
    return parser


def cmd_ask(args, settings: Settings) -> int:
    answerer = Answerer(settings)
    try:
        if args.question is not None:
            answer = answerer.ask(args.question)
            print(json.dumps(answer.as_dict(), ensure_ascii=False, indent=1) if args.json else render(answer))
            return 0
        # Lines are independent questions: no follow-ups, and a bad one gets its error without stopping the rest.
        for line in sys.stdin:
            question = line.rstrip("\n")
            if not question.strip():
                continue
            try:
                out = answerer.ask(question).as_dict()
            except UserError as exc:
                out = {"question": question, "error": str(exc)}
            print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    finally:
        answerer.close()


def render(answer: Answer) -> str:
    lines = [answer.answer]
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.title} · {c.place}")
        lines.append("    " + c.quote.replace("\n", "\n    "))
    for o in answer.options:  # a question back's choices: each a question to ask next
        lines.append(f"→ {o['label']}：{o['value']}")
    return "\n".join(lines)


def cmd_search(args, settings: Settings) -> int:
    if args.k < 1:
        raise UserError("--k must be at least 1")
    searcher = Searcher(settings)
    try:
        hits = searcher.search(args.query, k=args.k, agency=args.agency, year=args.year)
    finally:
        searcher.close()
    if args.json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print("no matching report text")
    for n, hit in enumerate(hits, start=1):
        c = hit.chunk
        print(f"[{n}] {hit.score:.4f}  {c['agency']} {c['year']}  {c['section'] or '(开头)'}  ({c['id']})")
        print("    " + c["text"].replace("\n", "\n    "))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return run(lambda: {"search": cmd_search, "ask": cmd_ask}[args.command](args, Settings.from_env()))


if __name__ == "__main__":
    sys.exit(main())
