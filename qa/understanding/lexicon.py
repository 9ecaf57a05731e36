"""Question phrases mapped to table cells, read from qa/data/lexicon.tsv (data, not code)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafile import DATA, rows
from .sounds import occurrences, sound

LEXICON = DATA / "lexicon.tsv"
KINDS = ("row", "weakrow", "ctxrow", "ambiguous", "col", "text")


@dataclass(frozen=True)
class Term:
    """One phrase found in a question: its kind, the (table, key) readings it stands
    for, the English label, and where it was found."""

    kind: str
    keys: tuple[tuple[str, str], ...]
    label: str
    phrase: str
    start: int
    end: int


@dataclass(frozen=True)
class _Entry:
    kind: str
    keys: tuple[tuple[str, str], ...]
    label: str
    phrases: tuple[str, ...]


@lru_cache(maxsize=4)
def load(path: Path = LEXICON) -> tuple[_Entry, ...]:
    entries = []
    for n, parts in rows(path, ("kind", "keys", "label", "phrases")):
        if parts[0] not in KINDS:
            raise ValueError(f"{path}:{n}: the kind must be one of {KINDS}, not {parts[0]!r}")
        keys = tuple(tuple(k.split(":", 1)) for k in parts[1].split(","))
        if any(len(k) != 2 or not all(k) for k in keys):
            raise ValueError(f"{path}:{n}: keys must read table:key (comma-separated), not {parts[1]!r}")
        entries.append(_Entry(parts[0], keys, parts[2], tuple(p.strip() for p in parts[3].split("|") if p.strip())))
    return tuple(entries)


@lru_cache(maxsize=4)
def _patterns(path: Path = LEXICON) -> list[tuple[re.Pattern | None, _Entry, str]]:
    out = []
    for entry in load(path):
        for phrase in entry.phrases:
            # English phrases match whole words; Chinese ones go through sounds.occurrences (no pattern).
            pattern = re.compile(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", re.IGNORECASE) if phrase.isascii() else None
            out.append((pattern, entry, phrase))
    # Longest phrase first, so 不予公开 wins over 公开 and 未经复议直接起诉 over 复议.
    out.sort(key=lambda item: -len(item[2]))
    return out


_NEGATED = re.compile(r"(?:不算|不属于|不是|并非|除了|除去|other than|except|excluding|not counting)\s*$", re.IGNORECASE)


def find_terms(text: str, path: Path = LEXICON) -> list[Term]:
    """Non-overlapping terms of a question, longest phrase first, returned in text order."""
    taken = [False] * len(text)
    terms = []
    heard = sound(text)
    for pattern, entry, phrase in _patterns(path):
        # Chinese phrases also match by sound (行政复意 for 行政复议); English ones as whole words.
        spans = occurrences(phrase, text, heard) if pattern is None else [m.span() for m in pattern.finditer(text)]
        for start, end in spans:
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            if entry.kind != "col" and _NEGATED.search(text[max(0, start - 16):start]):
                continue  # 既不算公开、也不算拒绝: a row named to be excluded is not the one asked
            terms.append(Term(entry.kind, entry.keys, entry.label, phrase, start, end))
    return sorted(terms, key=lambda t: t.start)


def english_label(table: str, key: str, kind: str = "row") -> str:
    """The English label of a row or column key ('' when the lexicon has none)."""
    kinds = ("row", "weakrow", "ctxrow") if kind == "row" else ("col",)
    for entry in load():
        if entry.kind in kinds and any(k in ((table, key), ("*", key)) for k in entry.keys):
            return entry.label
    return ""
