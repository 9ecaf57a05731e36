"""python -m qa search [--k N] [--agency A] [--year Y] [--json] "query" """

from __future__ import annotations

import argparse
import json
import sys

from index import Settings, UserError

from .search import Searcher


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m qa", description="Search and ask the indexed reports.")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("search", help="ranked report chunks for a query (hybrid dense + BM25)")
    s.add_argument("query")
    s.add_argument("--k", type=int, default=5, help="how many chunks (default 5)")
    s.add_argument("--agency", help="only this agency (a name, short name or region: 济南, 聊城市人民政府)")
    s.add_argument("--year", type=int, help="only reports of this year")
    s.add_argument("--json", action="store_true")
    return parser


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
    try:
        return {"search": cmd_search}[args.command](args, Settings.from_env())
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
