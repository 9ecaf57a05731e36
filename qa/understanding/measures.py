"""What a how-many question counts (件, 人, 元, 天, %), and whether a figure or a cell is of that
kind: a figure in another unit does not answer it (花了多少钱 is not answered by 18396条)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafile import DATA, items, rows

MEASURES = DATA / "measures.tsv"
COUNT, PERSON = "count", "person"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(unit → kind, [(question word, kind)] longest word first)."""
    units: dict[str, str] = {}
    words: list[tuple[str, str]] = []
    for _, (kind, unit_list, word_list) in rows(MEASURES, ("kind", "units", "question words")):
        units.update({u: kind for u in items(unit_list) if u != "-"})
        words += [(w, kind) for w in items(word_list)]
    return units, sorted(words, key=lambda item: -len(item[0]))


def asked(question: str) -> str:
    """The kind of figure a question asks for ('' when it names none)."""
    text = question.lower()
    for word, kind in _table()[1]:
        if (re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) if word.isascii() else word in text):
            return kind
    return ""


def kind_of(unit: str) -> str:
    return _table()[0].get(unit.strip(), COUNT if unit.strip() in ("", "件") else "")


@lru_cache(maxsize=1)
def _figure() -> re.Pattern:
    units = sorted(_table()[0], key=len, reverse=True)
    return re.compile(r"(?:\d[\d,.]*|[一二两三四五六七八九十百千万]+)\s*(?:余|多)?\s*(" + "|".join(map(re.escape, units)) + ")")


def figure_kinds(sentence: str) -> set[str]:
    """The kinds of the figures a sentence gives (1000余人 → person, 6期 → count)."""
    return {_table()[0][m.group(1)] for m in _figure().finditer(sentence)}


def answers(kind: str, kinds: set[str]) -> bool:
    """Whether figures of `kinds` can answer a question asking for `kind` ('' asks for any)."""
    return not kind or kind in kinds
