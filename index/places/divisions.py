"""China's administrative divisions, as jionlp keeps them: province → city → county, with the
functional zones (开发区, 高新区, 工业园区…) it lists among the counties, their short names, and
the renames it records (襄樊市 → 襄阳市). Nothing here names a place: every name comes from the
library's data."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafile import items, rows

DATA = Path(__file__).parent / "data"
PROVINCE, CITY, COUNTY = "province", "city", "county"
LEVEL_NAMES = {PROVINCE: "省级", CITY: "市级", COUNTY: "区县级", "zone": "区县级", "town": "乡镇级"}


@dataclass(frozen=True)
class Division:
    code: str
    name: str  # the full name: 淮安市, 洪泽区, 宁夏回族自治区
    shorts: tuple[str, ...]  # the names people shorten it to: 淮安, 洪泽, 宁夏
    level: str  # province, city or county
    parent: str  # the code of the division it lies in; "" for a province
    zone: bool = False  # a functional zone, governed by a 管理委员会 (the county part of its code is 7x)


@lru_cache(maxsize=1)
def short_forms() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(long form, its short forms, its English forms) of the parts of names (高新技术产业开发区:
    高新区…; 管理委员会: 管委会), longest long form first."""
    forms = [(long, items(short), items(english))
             for _, (long, short, english) in rows(DATA / "short_forms.tsv", ("long", "short forms", "English forms"),
                                                   optional=2)]
    return tuple(sorted(forms, key=lambda row: len(row[0]), reverse=True))


def variants(name: str) -> set[str]:
    """The name with each long part that has short forms (高新技术产业开发区, 管理委员会) shortened,
    one part at a time and all of them together."""
    out = {name}
    for long, shorts, _ in short_forms():
        out |= {v.replace(long, s) for v in list(out) for s in shorts if long in v}
    return out


def longer(name: str) -> str:
    """A name with its body's short form written out (某区管委会 → 某区管理委员会, 管委会 → 管理委员会)."""
    for long, shorts, _ in short_forms():
        for short in shorts:
            if name.endswith(short) and not name.endswith(long):
                return name[:-len(short)] + long
    return name


@lru_cache(maxsize=1)
def kinds() -> tuple[tuple[str, str, str], ...]:
    """(ending, kind, governing body) of place names, longest ending first."""
    found = [tuple(f.strip() for f in fields) for _, fields in
             rows(DATA / "kinds.tsv", ("ending", "kind", "governing body"))]
    return tuple(sorted(found, key=lambda k: len(k[0]), reverse=True))


def kind_of(name: str, kind: str = "") -> tuple[str, str, str] | None:
    """(ending, kind, governing body) of the kind of place a name ends as (only of that kind, when
    given: 浦东新区 is a district, though 新区 ends many a zone); None for no place name."""
    return next((k for k in kinds() if name.endswith(k[0]) and len(name) > len(k[0]) and (not kind or k[1] == kind)),
                None)


def _load_tree() -> tuple[dict, list]:
    # jionlp prints a banner when imported; it is no part of any output here
    with contextlib.redirect_stdout(io.StringIO()):
        from jionlp.dictionary.dictionary_loader import china_location_change_loader, china_location_loader

        return china_location_loader(detail=False), china_location_change_loader()


def _children(node: dict) -> list[tuple[str, dict]]:
    return [(k, v) for k, v in node.items() if not k.startswith("_")]


def _aliases(node: dict) -> tuple[str, ...]:
    alias = node.get("_alias") or ()
    return tuple(a for a in ([alias] if isinstance(alias, str) else alias) if a)


class Divisions:
    """Every division by code, each name form by what it may stand for, and the hierarchy."""

    def __init__(self, tree: dict, changes: list):
        self.by_code: dict[str, Division] = {}
        for province_name, province in tree.items():
            p = self._add(province, province_name, PROVINCE, "")
            for city_name, city in _children(province):
                # A municipality's one city (上海市 in 上海市), a province's directly administered counties
                # (省直辖行政区划): not a level of their own; their counties lie in the province.
                transparent = city["_admin_code"] == p.code or city_name == province_name or \
                    set(_aliases(city)) & (set(p.shorts) | {"省直辖", "市直辖"})
                parent = p if transparent else self._add(city, city_name, CITY, p.code)
                for county_name, county in _children(city):
                    self._add(county, county_name, COUNTY, parent.code)
        self.children: dict[str, list[str]] = {}
        for d in self.by_code.values():
            self.children.setdefault(d.parent, []).append(d.code)
        self.forms: dict[str, set[str]] = {}  # a name as written → the codes it may stand for
        self.own: dict[str, dict[str, set[str]]] = {}  # parent code → a child's name after the parent's → codes
        self._index_names()
        self._index_renames(changes)

    def _add(self, node: dict, name: str, level: str, parent: str) -> Division:
        code = str(node["_admin_code"])
        zone = level == COUNTY and code[4:5] == "7"
        d = Division(code, name, tuple(a for a in _aliases(node) if a != name), level, parent, zone)
        self.by_code.setdefault(code, d)
        return self.by_code[code]

    def _note(self, form: str, code: str, table: dict | None = None) -> None:
        if len(form) >= 2:
            (self.forms if table is None else table).setdefault(form, set()).add(code)

    def _index_names(self) -> None:
        shorts: dict[str, set[str]] = {}
        for d in self.by_code.values():
            for s in d.shorts:
                shorts.setdefault(s, set()).add(d.code)
        for d in self.by_code.values():
            self._note(d.name, d.code)
            for s in d.shorts:
                # A zone's short name is often its kind alone (经开区, 高新区): only one that no other
                # division shares names it.
                if not d.zone or len(shorts[s]) == 1 and s not in self.forms:
                    self._note(s, d.code)
            if d.zone:
                for v in variants(d.name):
                    self._note(v, d.code)
            # The name after its parents' (济宁高新技术产业开发区 → 高新技术产业开发区, 洪泽区 itself):
            # matched only right after a parent's name (济宁市高新区, 淮安洪泽).
            own = self.own_name(d)
            for parent in self.chain(d.parent):
                table = self.own.setdefault(parent.code, {})
                for v in {own, *variants(own), d.name, *d.shorts}:
                    self._note(v, d.code, table)

    def _index_renames(self, changes: list) -> None:
        """A place's former name (襄樊市, 玉环县) stands for the division it became."""
        for change in changes:
            old, new = change.get("old_loc") or [], change.get("new_loc") or []
            new_names = [n for n in new if n]
            if not old or not new_names:
                continue
            target = self.find_chain(new_names)
            old_name = next((pair[0] for pair in reversed(old) if pair and pair[0]), None)
            if target and old_name and old_name not in self.forms:
                self._note(old_name, target.code)

    def find_chain(self, names: list[str]) -> Division | None:
        """The division a chain of full names (江苏省, 淮安市, 洪泽区) ends at."""
        parent = ""
        found = None
        for name in names:
            found = next((self.by_code[c] for c in self.children.get(parent, ()) if self.by_code[c].name == name), None)
            if found is None:
                return None
            parent = found.code
        return found

    def own_name(self, d: Division) -> str:
        """A division's name with its parents' names taken off its front (安徽芜湖长江大桥经济开发区 →
        长江大桥经济开发区); most names keep themselves whole."""
        name = d.name
        parents = self.chain(d.parent)
        changed = True
        while changed:
            changed = False
            for p in parents:
                for form in sorted({p.name, *p.shorts}, key=len, reverse=True):
                    if name.startswith(form) and len(name) - len(form) >= 2 and kind_of(name[len(form):]):
                        name, changed = name[len(form):], True
                        break
        return name

    def chain(self, code: str) -> list[Division]:
        """The division and those it lies in, province first."""
        out = []
        while code:
            d = self.by_code[code]
            out.append(d)
            code = d.parent
        return out[::-1]

    def within(self, code: str, ancestor: str) -> bool:
        """Whether a division lies in (or is) another."""
        return any(d.code == ancestor for d in self.chain(code))


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The national gazetteer, loaded once per process (about half a second)."""
    return Divisions(*_load_tree())
