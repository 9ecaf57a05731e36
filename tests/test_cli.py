"""The command line as a user runs it."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, REPORT_IDS
from tests.test_seed_tables import expected_cells


def run(*args, settings=None, check=True):
    env = dict(os.environ)
    if settings is not None:
        env["GONGKAI_DATA_DIR"] = str(settings.data_dir)
        env["GONGKAI_CORPUS_DIR"] = str(settings.corpus_dir)
    proc = subprocess.run([sys.executable, "-m", "index", *args], cwd=REPO, env=env, capture_output=True, text=True)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    class S:
        data_dir = tmp_path_factory.mktemp("cli-data")
        corpus_dir = REPO / "corpus"
    out = run("build", "--no-vectors", settings=S)
    assert "5 added" in out.stdout
    return S


def test_build_is_incremental(built):
    assert "5 unchanged" in run("build", "--no-vectors", settings=built).stdout


def test_facts_json_every_cell(built):
    facts = json.loads(run("facts", "--json", settings=built).stdout)
    assert all(list(f) == ["report_id", "agency", "year", "table", "row", "column", "value", "unit", "derived", "source"]
               for f in facts)
    printed = {(f["report_id"], f["table"], f["row"], f["column"]): f["value"] for f in facts if not f["derived"]}
    for report_id in REPORT_IDS:
        for (table, row, column), value in expected_cells(report_id).items():
            got = printed[(report_id, table, row, column)]
            assert (type(got) is int and got == value) or got == str(value)
    assert len(printed) == 995
    fee = next(f for f in facts if f["report_id"] == "liaocheng-gov-2024" and f["row"] == "fees")
    assert fee["value"] == "126661.053152" and fee["unit"] == "万元" and fee["source"] == "行政事业性收费 126661.053152"
    carried = next(f for f in facts if f["report_id"] == "liaocheng-gov-2024" and f["row"] == "carried_forward"
                   and f["column"] == "total")
    assert carried == {"report_id": "liaocheng-gov-2024", "agency": "聊城市人民政府", "year": 2024,
                       "table": "applications", "row": "carried_forward", "column": "total", "value": 30,
                       "unit": "件", "derived": False, "source": "四、结转下年度继续办理 29 1 0 0 0 30"}


def test_facts_filters(built):
    facts = json.loads(run("facts", "--json", "--report", "jinan-lixia-2020", "--table", "review_litigation",
                           settings=built).stdout)
    assert len(facts) == 15 and {f["report_id"] for f in facts} == {"jinan-lixia-2020"}
    assert {f["table"] for f in facts} == {"review_litigation"}
    text = run("facts", "--report", "zibo-gov-office-2024", "--table", "proactive", settings=built).stdout
    assert "zibo-gov-office-2024\tproactive\trules\tin_force\t32 件" in text


def test_reports_show_checks(built):
    out = run("reports", settings=built).stdout.strip().split("\n")
    assert len(out) == 5
    line = next(line for line in out if line.startswith("liaocheng-gov-2024"))
    assert "聊城市人民政府" in line and "2024" in line and "checks 51/51 pass" in line
    verbose = run("reports", "--checks", settings=built).stdout
    assert ("pass  applications.balance.total: “总计”列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度："
            "1951 + 29 = 1950 + 30 = 1980") in verbose
    data = json.loads(run("reports", "--json", settings=built).stdout)
    assert {r["id"] for r in data} == set(REPORT_IDS)
    assert all(c["status"] == "pass" for r in data for c in r["checks"])


def test_unknown_report_is_a_clear_error(built):
    proc = run("facts", "--report", "nowhere-1999", settings=built, check=False)
    assert proc.returncode == 2 and "error: no facts for report 'nowhere-1999'" in proc.stderr


def test_corrupted_store_names_the_rebuild_command(tmp_path):
    class S:
        data_dir = tmp_path / "data"
        corpus_dir = REPO / "corpus"
    S.data_dir.mkdir()
    (S.data_dir / "facts.sqlite").write_bytes(b"garbage" * 1000)
    proc = run("reports", settings=S, check=False)
    assert proc.returncode == 2
    assert "python -m index build --rebuild" in proc.stderr and "Traceback" not in proc.stderr
    assert "5 added" in run("build", "--rebuild", "--no-vectors", settings=S).stdout


def test_broken_file_exit_code_and_message(tmp_path, corpus):
    class S:
        data_dir = tmp_path / "data"
        corpus_dir = tmp_path / "elsewhere"  # --corpus overrides the environment
    (corpus / "reports" / "broken.txt").write_bytes(b"\x00" * 64)
    proc = run("build", "--no-vectors", "--corpus", str(corpus), settings=S, check=False)
    assert proc.returncode == 1
    assert "broken.txt: binary content" in proc.stderr and "5 added" in proc.stdout


def test_a_reader_that_stops_early_is_not_an_error(built):
    env = {**os.environ, "GONGKAI_DATA_DIR": str(built.data_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "index", "facts"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "Traceback" not in err, err
