"""Places named in a text: every run of division names (江苏省淮安市洪泽区, 淮安洪泽, 济宁高新区), each
narrowed by the places written before it, and places written in pinyin (Huai'an, Hongze District)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin

from .divisions import CITY, COUNTY, PROVINCE, Divisions, divisions

_JOINERS = "的之"  # 济南的历下区
_LONGEST = 24
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
# English words after a pinyin name that say which level it is (Huai'an District).
_LEVEL_WORDS = {"province": (PROVINCE,), "city": (CITY, COUNTY), "prefecture": (CITY,), "district": (COUNTY,),
                "county": (COUNTY,), "banner": (COUNTY,)}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    codes: tuple[str, ...]  # the divisions it may stand for, narrowed by the places before it
    text: str
    full: bool  # its last name was written whole (洪泽区, not 洪泽): a place beyond doubt
    atoms: tuple[tuple[int, int], ...] = ()  # the span of each name in the run (淮安市|洪泽区)


def _longest(text: str, at: int, table: dict[str, set[str]]) -> tuple[str, set[str]] | None:
    for end in range(min(len(text), at + _LONGEST), at + 1, -1):
        codes = table.get(text[at:end])
        if codes:
            return text[at:end], codes
    return None


def find(text: str, gazetteer: Divisions | None = None) -> list[Mention]:
    """Every run of place names in the text, left to right; a name right after another's (or after
    的) that lies in it is narrowed to the divisions there and joins its run."""
    g = gazetteer or divisions()
    out: list[Mention] = []
    i = 0
    while i < len(text):
        prev = out[-1] if out else None
        gap = 0 if prev and prev.end == i else 1 if prev and prev.end == i - 1 and text[i - 1] in _JOINERS else -1
        if prev and gap >= 0:
            own = {}
            for code in prev.codes:
                for form, codes in g.own.get(code, {}).items():
                    own.setdefault(form, set()).update(codes)
            hit = _longest(text, i, own)
            if hit:
                form, codes = hit
                inside = tuple(sorted(c for c in codes if any(g.within(c, p) and c != p for p in prev.codes)))
                if inside:
                    out[-1] = Mention(prev.start, i + len(form), inside, text[prev.start:i + len(form)],
                                      _is_full(g, form, inside), prev.atoms + ((i, i + len(form)),))
                    i += len(form)
                    continue
        hit = _longest(text, i, g.forms)
        if hit:
            form, codes = hit
            out.append(Mention(i, i + len(form), tuple(sorted(codes)), form, _is_full(g, form, codes),
                               atoms=((i, i + len(form)),)))
            i += len(form)
        else:
            i += 1
    return out


def _is_full(g: Divisions, form: str, codes) -> bool:
    return any(form == g.by_code[c].name or form not in g.by_code[c].shorts for c in codes)


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, set[str]]:
    """The pinyin of each division's name without its kind (huaian, hongze), to its codes."""
    g = divisions()
    table: dict[str, set[str]] = {}
    for d in g.by_code.values():
        if d.zone:
            continue
        for name in {*d.shorts, d.name}:
            stem = name[:-1] if name == d.name and len(name) > 2 and name[-1] in "省市区县州旗盟" else name
            key = "".join(lazy_pinyin(stem)).lower()
            if key.isalpha() and key.isascii():
                table.setdefault(key, set()).add(d.code)
    return table


def find_pinyin(text: str) -> list[Mention]:
    """Places written in pinyin (Liaocheng, Huai'an, Hongze District), each with the divisions whose
    name sounds so; a level word after it (District, City) narrows them."""
    g = divisions()
    table = _pinyin_table()
    out = []
    for m in _ASCII_WORD.finditer(text):
        key = re.sub(r"['’\-]", "", m.group(0)).lower()
        codes = table.get(key)
        if not codes or len(key) < 4:
            continue
        end = m.end()
        level = re.match(r"\s+([A-Za-z]+)", text[end:])
        levels = _LEVEL_WORDS.get(level.group(1).lower()) if level else None
        if levels:
            narrowed = {c for c in codes if g.by_code[c].level in levels}
            if narrowed:
                codes, end = narrowed, end + level.end()
        out.append(Mention(m.start(), end, tuple(sorted(codes)), text[m.start():end], bool(levels)))
    return out
