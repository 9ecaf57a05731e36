"""The names people use for an indexed agency, made from its place in the national gazetteer: the
place in full and shortened (洪泽区, 洪泽), with or without the places above it (淮安洪泽区,
江苏省淮安市洪泽区), a zone by its kind shortened (济宁高新区), the agency's own name with 人民政府
shortened or dropped, the body after any of its places (洪泽区人民政府), every name its reports give,
and the places' pinyin (Hongze, Huai'an) and English names (Jining High-tech Zone)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin

from index.places import divisions, kind_of, locate, longer, role, short_forms, variants

_PLACE_SUFFIX = re.compile(r"(?:市|区|县|州|盟|旗|省|镇|乡|街道)$")
ROLE_RANK = {"government": 0, "office": 1, "other": 2}


def strip_suffix(place: str) -> str:
    """洪泽区 → 洪泽, 姚家街道 → 姚家; a zone keeps its kind (济宁高新区), a two-character name itself."""
    m = _PLACE_SUFFIX.search(place)
    found = kind_of(place)
    if not m or m.start() < 2 or (found and found[1] == "zone"):
        return place
    return place[:m.start()]


@dataclass(frozen=True)
class Seat:
    """Where an indexed agency sits: its division's code (or ''), a town or zone below it, the region
    as its name writes it, and what it is there (government, office, other)."""

    division: str
    below: str
    region: str
    rank: int  # ROLE_RANK of its body: a place's government is meant by the place alone

    @property
    def at(self) -> str:
        """The division it governs or serves as a whole ('' when it sits below one, or nowhere known)."""
        return self.division if not self.below else ""


@lru_cache(maxsize=4096)
def seat_of(agency: str, region: str = "", division: str = "") -> Seat:
    place, body = locate(agency)
    code = division or (place.division.code if place and place.division else "")
    below = place.below if place else ""
    return Seat(code, below, region or (place.named if place else ""), ROLE_RANK[role(body)])


def _forms(name: str) -> set[str]:
    return {name, strip_suffix(name)}


def _names(g, d) -> set[str]:
    """A division's name, without its suffix, and the short names the gazetteer gives it alone (not a
    zone's kind, 高新区, that many zones share)."""
    return _forms(d.name) | {s for s in d.shorts if g.forms.get(s) == {d.code}}


def place_forms(seat: Seat) -> tuple[set[str], set[str]]:
    """The place as people write it, alone or after the places above it; and the forms of its own name
    alone (洪泽区, 洪泽), whose pinyin and English names people use too."""
    forms = _forms(seat.region) if seat.region else set()
    if not seat.division:
        return forms, forms
    g = divisions()
    *parents, d = g.chain(seat.division)
    own = _names(g, d)
    # the place alone, or after its direct parent in any of its forms (红河 before 个旧 is the prefecture);
    # places further up (江苏省淮安市洪泽区) are read from the national gazetteer and only locate it
    prefixes = {""} | (_forms(parents[-1].name) | set(parents[-1].shorts) if parents else set())
    lowest = {p + f for p in prefixes for f in own}
    if d.zone:  # its name in full or shortened (济宁高新区), or its kind after a parent's (济宁市高新区)
        own_name = g.own_name(d)
        lowest |= variants(d.name) | {p + z for p in prefixes if p for z in variants(own_name)}
    if seat.below:
        below = _forms(seat.below)
        lowest = {f + b for f in lowest for b in below}
        found = kind_of(seat.below)
        if found and found[1] == "town":  # a town's own name is specific; a zone's kind alone is not
            lowest |= below
        own = below
    return forms | {f for f in lowest if len(f) >= 2}, own


def spellings(place: str) -> set[str]:
    """The pinyin of a place as people write it: huaian, huai'an, huai-an."""
    syllables = [s.lower() for s in lazy_pinyin(place)]
    return {sep.join(syllables) for sep in ("", "'", "’", "-")}


def english_names(place: str) -> set[str]:
    """'jining high-tech zone' for 济宁高新技术产业开发区: the pinyin of the place before its kind, and
    the kind's English forms."""
    for long, shorts, english in short_forms():  # the longest kind the place ends with
        form = next((f for f in (long, *shorts) if place.endswith(f) and len(place) > len(f)), None)
        if form:
            return {f"{stem} {e}" for stem in spellings(strip_suffix(place[:-len(form)])) for e in english}
    return set()


def agency_aliases(agency: str, seat: Seat, names: set[str] = frozenset()) -> tuple[set[str], set[str]]:
    """(every name of the agency, the subset that names its place rather than the agency itself)."""
    own_names = {agency, *names}
    own_names |= {longer(n) for n in own_names}
    out = {v for n in own_names for v in {n, n.replace("人民政府", "政府"), n.replace("人民政府", "")} | variants(n)}
    places, simple = place_forms(seat)
    out |= places
    # the body after any of its places (洪泽区人民政府 for 淮安市洪泽区人民政府)
    body = agency[len(seat.region):] if seat.region and agency.startswith(seat.region) else ""
    if body:
        out |= {p + b for p in places for b in {body, body.replace("人民政府", "政府")} if len(p) >= 2}
    sounds = {s for p in simple if len(p) >= 2 for s in spellings(strip_suffix(p))}
    out |= sounds | {e for p in simple for e in english_names(p)}
    # the place in pinyin before the body's English name (Laibin Administrative Approval Bureau)
    out |= {f"{s} {e}" for s in sounds for e in body_english(body)}
    return {n for n in out if len(n) >= 2}, places | sounds


def body_english(body: str) -> set[str]:
    """The English names of a body (行政审批局: administrative approval bureau, approval bureau)."""
    return {e for long, shorts, english in short_forms() if body == long or body in shorts for e in english}
