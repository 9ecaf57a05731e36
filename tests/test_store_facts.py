"""Facts served by the store: a process keeps each report's own row and a bounded cache of cells."""

from __future__ import annotations

import pytest

from index import build, open_store
from qa.retrieval.lookup import Facts


@pytest.fixture
def built(backend_settings):
    result = build(backend_settings, progress=False, vectors=False)
    assert not result.errors, result.errors
    return backend_settings


def test_cells_checks_and_sections_are_the_stores_and_the_cache_is_bounded(built):
    with open_store(built) as store:
        facts = Facts(store, cached=2)
        ids = sorted(facts.reports)
        assert len(ids) >= 4
        for rid in ids:
            stored = {(f["table"], f["row"], f["column"]): f["value"] for f in store.facts(rid)}
            assert {k: f["value"] for k, f in facts.cells[rid].items()} == stored
            assert facts.reports[rid]["checks"] == store.checks(rid)
            assert facts.sections.get(rid) == store.sections(rid)
            assert len(facts._cache) <= 2
        printed = sum(1 for f in store.facts(ids[0]) if not f["derived"])
        assert facts.reports[ids[0]]["printed_facts"] == printed
        assert dict(facts.reports[ids[0]])["checks"] == store.checks(ids[0])  # a copy holds them too
        assert facts.cells.get("no-such-report", {}) == {}
        assert facts.reports[ids[0]].get("no-such-key", "none") == "none"


def test_a_process_keeps_no_cells_until_asked(built):
    with open_store(built) as store:
        facts = Facts(store)
        assert not facts._cache
        assert all("checks" not in dict.keys(r) for r in facts.reports.values())
