"""The routing words: one data file, one loader, each word with exactly one role."""

import re
from pathlib import Path

import pytest

from qa.understanding import words

QA = Path(__file__).resolve().parents[1] / "qa"


def test_each_word_has_exactly_one_role():
    table = words.roles()
    listed = [w.lower() for ws in table.values() for w in ws]
    assert len(listed) == len(set(listed))
    assert "多少" in table["quantity"] and not any("多少" in ws for r, ws in table.items() if r != "quantity")


def test_a_word_under_two_roles_is_an_error(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("quantity\t多少|几\nfiller\t那|多少\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'多少' is listed under 'quantity' and 'filler'"):
        words.roles(path)


def test_every_role_is_used_and_no_unknown_role_is_asked_for():
    code = " ".join(p.read_text(encoding="utf-8") for p in QA.rglob("*.py"))
    calls = re.findall(r"""\b(?:pattern|words)\(((?:"\w+",?\s*)+)""", code)
    named = {n for args in calls for n in re.findall(r'"(\w+)"', args)}
    assert named == set(words.roles())
    with pytest.raises(KeyError, match="roles:"):
        words.words("nonsense")


def test_patterns_match_words_and_their_english_endings():
    assert words.pattern("diff", "change_amount").search("requests increased")
    assert not words.pattern("most").search("stop")  # 'top' as a word, not inside another
    assert words.pattern("every_report", extra=r"[几两]份").search("这几份报告")


def test_a_data_line_with_the_wrong_fields_names_its_line(tmp_path):
    from qa.datafile import rows

    path = tmp_path / "x.tsv"
    path.write_text("# comment\n\na\tb\tc\nd\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x.tsv:4: expected one<TAB>two<TAB>three, got 1 fields"):
        list(rows(path, ("one", "two", "three"), optional=1))
    path.write_text("a\tb\n", encoding="utf-8")
    assert list(rows(path, ("one", "two", "three"), optional=1)) == [(1, ["a", "b", ""])]
