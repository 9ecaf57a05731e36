"""Cut and merged rows (index/tables/labels.py), by construction: a seed's table 三 written as a PDF
converter's markdown with labels cut at drawn places and drawn pairs of rows merged into one reads
back as the seed's own facts, or loses rows only in a flagged report; never a value in the wrong cell."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import normalize, parse_text
from index.formats import extract
from tests.conftest import REPORT_IDS, SEEDS
from tests.documents import blocks_of
from tests.zoo import converter_merged


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[list, dict]]:
    out = {}
    for rid in REPORT_IDS:
        text = normalize((SEEDS / "reports" / f"{rid}.txt").read_text(encoding="utf-8"))
        year = int(rid[-4:])
        out[rid] = (blocks_of(text, year=year), {f.key: f.value for f in parse_text(text, year=year).facts})
    return out


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(REPORT_IDS), st.integers(0, 10**9))
def test_drawn_cuts_and_merges_read_back_the_same_cells(seeds, rid, seed):
    document, expected = seeds[rid]
    markdown = converter_merged(document, random.Random(seed))
    report = parse_text(normalize(extract(Path("report.md"), markdown.encode())), year=int(rid[-4:]))
    got = {f.key: f.value for f in report.facts}
    assert {k: v for k, v in got.items() if expected.get(k) != v} == {}  # none wrong
    if len(got) < len(expected):
        assert report.status == "flagged"


def test_most_drawn_layouts_are_read_whole(seeds):
    """Of 100 drawn layouts (a fixed seed), how many read every cell: 100 when written."""
    rng = random.Random(24)
    whole = 0
    for _ in range(100):
        rid = rng.choice(REPORT_IDS)
        document, expected = seeds[rid]
        markdown = converter_merged(document, random.Random(rng.random()))
        report = parse_text(normalize(extract(Path("report.md"), markdown.encode())), year=int(rid[-4:]))
        whole += {f.key: f.value for f in report.facts} == expected
    assert whole >= 98
