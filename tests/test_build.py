"""Building the facts store: bad input, incremental rebuilds, interruption and corruption."""

import os
import signal
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal

import pytest

from index import FactsStore, Settings, SQLiteStore, UserError, build, open_store
from tests.conftest import REPO, REPORT_IDS


@pytest.fixture
def settings(backend_settings):
    """Each build test runs on SQLite and on PostgreSQL."""
    return backend_settings


def _env(settings) -> dict:
    return {**os.environ, "GONGKAI_DATA_DIR": str(settings.data_dir), "GONGKAI_CORPUS_DIR": str(settings.corpus_dir),
            "GONGKAI_DATABASE_URL": settings.database_url}


def facts(settings) -> dict:
    with open_store(settings) as store:
        return {(f["report_id"], f["table"], f["row"], f["column"]): f["value"] for f in store.facts()}


def test_seed_build_all_checks_pass(seed_store):
    with SQLiteStore(seed_store.facts_db) as store:
        reports = store.reports()
    assert sorted(r["id"] for r in reports) == sorted(REPORT_IDS)
    for r in reports:
        assert r["status"] == "ok"
        assert r["checks"] and all(c["status"] == "pass" for c in r["checks"]), r["id"]
        names = {c["name"] for c in r["checks"]}
        assert {f"applications.balance.{c}" for c in ("natural_person", "total")} <= names
        assert "review_litigation.total.suit_after_review" in names


def test_narrative_cross_checks_recorded(seed_store):
    with SQLiteStore(seed_store.facts_db) as store:
        checks = {c["name"]: c for c in store.checks("liaocheng-gov-2024")}
    assert checks["narrative.已答复"]["status"] == "pass" and "1950" in checks["narrative.已答复"]["detail"]
    assert checks["narrative.结转下年度"]["numbers"] == {"carried_forward.total": "30", "narrative": "30"}
    assert checks["narrative.不予公开"]["numbers"]["withheld.total"] == "82"


def test_failed_identity_is_flagged_not_dropped(settings):
    path = settings.corpus_dir / "reports/jinan-gov-office-2024.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("(一) 予以公开\t186", "(一) 予以公开\t187"), encoding="utf-8")
    build(settings, progress=False, vectors=False)
    with open_store(settings) as store:
        report = next(r for r in store.reports() if r["id"] == "jinan-gov-office-2024")
        failed = {c["name"] for c in report["checks"] if c["status"] == "fail"}
    assert report["status"] == "flagged"
    assert failed == {"applications.results_sum.natural_person", "applications.row_total.disclosed"}
    assert facts(settings)[("jinan-gov-office-2024", "applications", "disclosed", "natural_person")] == 187


def test_bad_files_reported_and_the_rest_indexed(settings):
    reports = settings.corpus_dir / "reports"
    (reports / "empty.txt").write_text("")
    (reports / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (reports / "no-tables.txt").write_text("某县人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作平稳。\n", encoding="utf-8")
    result = build(settings, progress=False, vectors=False)
    assert sorted(result.added) == sorted([*REPORT_IDS, "no-tables"])
    errors = "\n".join(result.errors)
    assert "empty.txt: the file is empty" in errors
    assert "binary.txt: binary content" in errors
    warnings = "\n".join(result.warnings)
    assert "no-tables.txt：没有找到国家格式的统计表" in warnings
    assert "no-tables.txt：清单中没有这份报告；机关来自标题，年度来自标题" in warnings
    with open_store(settings) as store:
        row = next(r for r in store.reports() if r["id"] == "no-tables")
    assert row["status"] == "flagged" and row["agency"] == "某县人民政府" and row["year"] == 2023
    assert (row["sources"]["agency"], row["sources"]["year"]) == ("title", "title")


@pytest.mark.parametrize("placeholder", ["/", "—", "无"])
def test_non_numeric_cell_named_in_a_warning(settings, placeholder):
    path = settings.corpus_dir / "reports/jinan-gov-office-2024.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("一、本年新收政府信息公开申请数量\t\t516", f"一、本年新收政府信息公开申请数量\t\t{placeholder}"),
                    encoding="utf-8")
    result = build(settings, progress=False, vectors=False)
    assert not result.errors
    warning = next(w for w in result.warnings if "不是数字" in w)
    assert warning.startswith("reports/jinan-gov-office-2024.txt：")
    assert f"“本年新收政府信息公开申请数量 × 自然人”一格不是数字（{placeholder}）" in warning
    got = facts(settings)
    assert ("jinan-gov-office-2024", "applications", "new_received", "natural_person") not in got
    assert got[("jinan-gov-office-2024", "applications", "new_received", "total")] == 537
    with open_store(settings) as store:
        checks = {c["name"]: c["status"] for c in store.checks("jinan-gov-office-2024")}
    assert checks["applications.balance.natural_person"] == "skip"
    assert checks["applications.balance.total"] == "pass"


def test_manifest_overrides_detection_and_unlisted_file_warns(settings):
    manifest = settings.corpus_dir / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("聊城市人民政府,聊城市", "聊城市政府（手工）,聊城市"),
                        encoding="utf-8")
    extra = settings.corpus_dir / "reports/extra.txt"
    extra.write_text((settings.corpus_dir / "reports/zibo-gov-office-2024.txt").read_text(encoding="utf-8")
                     .replace("淄博市人民政府办公室", "淄博市张店区人民政府"), encoding="utf-8")
    result = build(settings, progress=False, vectors=False)
    assert any("extra.txt：清单中没有这份报告" in w for w in result.warnings)
    with open_store(settings) as store:
        by_id = {r["id"]: r for r in store.reports()}
    assert by_id["liaocheng-gov-2024"]["agency"] == "聊城市政府（手工）"
    assert by_id["extra"]["agency"] == "淄博市张店区人民政府"
    assert by_id["extra"]["region"] == "淄博市张店区" and by_id["extra"]["level"] == "区县级"


def test_incremental_build(settings):
    first = build(settings, progress=False, vectors=False)
    assert len(first.added) == 5
    again = build(settings, progress=False, vectors=False)
    assert sorted(again.unchanged) == sorted(REPORT_IDS) and not again.added and not again.updated
    path = settings.corpus_dir / "reports/zibo-gov-office-2024.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("→", "") + "\n", encoding="utf-8")
    (settings.corpus_dir / "reports/jining-approval-bureau-2024.txt").unlink()
    third = build(settings, progress=False, vectors=False)
    assert third.updated == ["zibo-gov-office-2024"]
    assert third.removed == ["jining-approval-bureau-2024"]
    assert any("jining-approval-bureau-2024.txt: listed in" in e for e in third.errors)
    assert len(third.unchanged) == 3
    assert not any(k[0] == "jining-approval-bureau-2024" for k in facts(settings))


def test_broken_file_keeps_its_previous_version(settings):
    build(settings, progress=False, vectors=False)
    before = facts(settings)
    (settings.corpus_dir / "reports/zibo-gov-office-2024.txt").write_bytes(b"")
    result = build(settings, progress=False, vectors=False)
    assert any("kept its previously indexed version zibo-gov-office-2024" in e for e in result.errors)
    assert facts(settings) == before


def _by_report(facts_: dict) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for key, value in facts_.items():
        out.setdefault(key[0], {})[key] = value
    return out


def test_exception_mid_build_keeps_each_report_whole(settings, monkeypatch):
    """Each report is stored in its own transaction: those stored before the failure are new, the one
    being written and those after it are as they were."""
    build(settings, progress=False, vectors=False)
    before = _by_report(facts(settings))
    for path in (settings.corpus_dir / "reports").glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8").replace("0", "9"), encoding="utf-8")
    calls = []

    def failing_put(self, report):
        calls.append(report.meta.id)
        with self.transaction():
            original(self, report)
            if len(calls) == 3:
                raise KeyboardInterrupt

    original = FactsStore.put
    monkeypatch.setattr(FactsStore, "put", failing_put)
    with pytest.raises(KeyboardInterrupt):
        build(settings, progress=False, vectors=False)
    after = _by_report(facts(settings))
    assert len(calls) == 3 and set(after) == set(before)
    for rid in calls[:2]:
        assert after[rid] != before[rid]
    for rid in set(before) - set(calls[:2]):
        assert after[rid] == before[rid]


KILL_SCRIPT = """
import os, signal, sys
from index import FactsStore, Settings, build
calls = []
original = FactsStore.put
def put(self, report):
    calls.append(1)
    with self.transaction():
        original(self, report)
        if len(calls) == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
FactsStore.put = put
build(Settings.from_env(), progress=False, vectors=False)
"""


@pytest.mark.parametrize("kill_at", [1, 3, 5])
def test_killed_build_leaves_a_usable_store(settings, kill_at):
    """Killed while writing a report, the build leaves that report and those after it as they were;
    the next build finishes the work."""
    build(settings, progress=False, vectors=False)
    before = _by_report(facts(settings))
    for path in (settings.corpus_dir / "reports").glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8").replace("\t0", "\t7"), encoding="utf-8")
    env = _env(settings)
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(kill_at)], cwd=REPO, env=env)
    assert proc.returncode == -signal.SIGKILL
    after = _by_report(facts(settings))
    assert set(after) == set(before)
    assert sum(after[rid] != before[rid] for rid in before) == kill_at - 1
    build(settings, progress=False, vectors=False)
    final = _by_report(facts(settings))
    assert all(final[rid] != before[rid] for rid in before)


def test_corrupted_store_gives_clear_error_and_rebuild_recovers(settings):
    if settings.database_url:
        pytest.skip("a corrupted file is SQLite's")
    settings.data_dir.mkdir(parents=True)
    settings.facts_db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(UserError, match=r"unreadable.*python -m index build --rebuild"):
        build(settings, progress=False, vectors=False)
    result = build(settings, rebuild=True, progress=False, vectors=False)
    assert len(result.added) == 5
    assert facts(settings)[("liaocheng-gov-2024", "proactive", "fees", "amount")] == Decimal("126661.053152")


def test_missing_corpus_directory(tmp_path):
    with pytest.raises(UserError, match="corpus directory does not exist"):
        build(Settings(data_dir=tmp_path / "d", corpus_dir=tmp_path / "nope"), progress=False, vectors=False)


def test_store_of_an_older_version_is_rebuilt_by_build(settings):
    build(settings, progress=False, vectors=False)
    with open_store(settings) as store:
        store.set_meta("schema", "0")
    with pytest.raises(UserError, match="another version"):
        open_store(settings)
    result = build(settings, progress=False, vectors=False)
    assert len(result.added) == 5
    with open_store(settings) as store:
        assert len(store.reports()) == 5


def test_gb18030_report_reads_like_utf8(settings):
    path = settings.corpus_dir / "reports/liaocheng-gov-2024.txt"
    build(settings, progress=False, vectors=False)
    before = {k: v for k, v in facts(settings).items() if k[0] == "liaocheng-gov-2024"}
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    result = build(settings, progress=False, vectors=False)
    assert result.updated == ["liaocheng-gov-2024"] and not result.errors
    assert {k: v for k, v in facts(settings).items() if k[0] == "liaocheng-gov-2024"} == before


def test_workers_parse_in_processes_and_store_the_same(settings, tmp_path, request):
    reports = settings.corpus_dir / "reports"
    (reports / "empty.txt").write_text("")
    one = build(settings, progress=False, vectors=False)
    two_settings = replace(settings, data_dir=tmp_path / "two",
                           database_url=settings.database_url and request.getfixturevalue("postgres").database())
    two = build(two_settings, progress=False, vectors=False, workers=2)
    assert sorted(two.added) == sorted(one.added) and two.errors == one.errors and two.warnings == one.warnings
    assert facts(two_settings) == facts(settings)
    assert build(two_settings, progress=False, vectors=False, workers=2).unchanged  # nothing to parse again
    with pytest.raises(ValueError, match="workers"):
        build(two_settings, workers=0)


def test_the_cli_takes_workers(settings):
    env = _env(settings)
    done = subprocess.run([sys.executable, "-m", "index", "build", "--workers", "2", "--no-vectors", "--quiet"],
                          cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(facts(settings)) > 900
    bad = subprocess.run([sys.executable, "-m", "index", "build", "--workers", "0"], cwd=REPO, env=env,
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "--workers must be 1 or more" in bad.stderr
