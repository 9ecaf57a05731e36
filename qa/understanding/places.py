"""Places of the country named in a question, read against the indexed agencies' seats: a place with
an indexed agency of its own names it; a place over indexed agencies (山东省, 淮安市下面) may be the
question's scope; any other place is not indexed, and the agencies nearest it are named instead."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import jieba.posseg

from index.places import Mention, divisions, find, find_pinyin

from .aliases import Seat
from .words import pattern

# 下面各区县, 所辖, 各地: the places under one, not the place itself.
BELOW = pattern("below")
# 的各个机构, 所有单位: every agency of the place, at it or under it.
ALL_BODIES = re.compile(rf"(?:{pattern('every_report').pattern})的?(?:机构|机关|单位|部门|agenc)", re.IGNORECASE)
_AFTER_PLACE = re.compile(r"[\d和与及或、的之呢，,。？?！!；;：:\s]|$")
_BEFORE_PLACE = ("", *"和与及或、，, ")
_SENTENCE_START = re.compile(r"(?:^|[.?!]\s+)([A-Z][a-z]+)")
# 开发区, 高新区, 城区, 全市: kinds of place, not names of one (though a few places bear such names).
GENERIC_PLACE = re.compile(r"^(?:全|本|我|该|各|此|辖|城|市|社|小|园|地|郊|景|外|省|(?:经济|技术|高新)?开发|高新|经开|示范|保护|"
                           r"自治|新)?(?:市|区|县|州|盟|旗|省|镇|乡|街道)$")


@dataclass(frozen=True)
class Scope:
    """A place over indexed agencies: `agencies` lie in it (strictly under it when `below`)."""

    name: str
    codes: tuple[str, ...]
    agencies: tuple[str, ...]
    below: bool = False


@dataclass
class Reading:
    agencies: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)  # of every place read
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    scopes: list[Scope] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    nearby: list[str] = field(default_factory=list)


def meant(agencies: set[str], seats: dict[str, Seat]) -> set[str]:
    """Of the agencies a place alone names, those it means: its government before its office, and
    either before its other bodies (来宾 is 来宾市人民政府, not 来宾市行政审批局)."""
    best = min(seats[a].rank for a in agencies)
    return {a for a in agencies if seats[a].rank == best}


class Places:
    """The indexed agencies by the divisions they sit at and lie in."""

    def __init__(self, seats: dict[str, Seat]):
        g = divisions()
        self.seats = seats
        self.at: dict[str, set[str]] = {}  # code → agencies governing or serving that division as a whole
        self.within: dict[str, set[str]] = {}  # code → agencies at it or anywhere under it
        for agency, seat in seats.items():
            if not seat.division:
                continue
            if seat.at:
                self.at.setdefault(seat.at, set()).add(agency)
            for d in g.chain(seat.division):
                self.within.setdefault(d.code, set()).add(agency)

    def under(self, code: str, below: bool) -> set[str]:
        """The agencies in a division; with `below`, only those under it, not at it."""
        return self.within.get(code, set()) - (self.at.get(code, set()) if below else set())

    def scope_at(self, name: str, code: str, below: bool) -> Scope | None:
        agencies = self.under(code, below)
        return Scope(name, (code,), tuple(sorted(agencies)), below) if agencies else None

    def nearby(self, codes: tuple[str, ...]) -> list[str]:
        """Indexed agencies near a place: in its city first, then in its province."""
        g = divisions()
        out: list[str] = []
        for depth in (2, 1):
            for code in codes:
                chain = g.chain(code)
                if len(chain) > depth:
                    out += sorted(self.within.get(chain[depth - 1].code, set()) - set(out))
        return out

    def read(self, text: str, located: dict[int, str] | None = None) -> Reading:
        """The places in a text whose indexed agencies were not matched by name (the text has those
        blanked out; `located`: where each of them starts, and its division). A place right before one
        of them that lies in it only locates it (江苏省 before 淮安市洪泽区)."""
        g = divisions()
        found = Reading()
        for m in _mentions(text):
            found.spans.append((m.start, m.end))
            after = text[m.end:]
            nxt = m.end + len(after) - len(after.lstrip(" 的之"))  # a name after it, blanked out, starts here
            if located and any(g.within(code, c) for at, code in located.items() if m.end <= at <= nxt and code
                               for c in m.codes):
                continue
            below = bool(BELOW.match(after.lstrip("的之")))
            at = set().union(*(self.at.get(c, set()) for c in m.codes))
            if at and not below:
                chosen = meant(at, self.seats)
                if len(chosen) > 1:
                    found.ambiguous.append((m.text, sorted(chosen)))
                found.agencies |= chosen
                continue
            agencies = set().union(*(self.under(c, below) for c in m.codes))
            if agencies:
                found.scopes.append(Scope(m.text, m.codes, tuple(sorted(agencies)), below))
            else:
                found.unknown.append(m.text)
                found.nearby += [a for a in self.nearby(m.codes) if a not in found.nearby]
        return found


def _mentions(text: str) -> list[Mention]:
    """Places written whole (洪泽区), or short (洪泽) where the text's words agree it is a place name; and
    capitalised pinyin (Hongze, Qingdao)."""
    jieba.setLogLevel(logging.WARNING)
    out = []
    words = None
    for m in find(text):
        if GENERIC_PLACE.match(m.text):
            continue
        if m.full:
            out.append(m)
            continue
        if words is None:
            words, at = {}, 0
            for word, flag in jieba.posseg.cut(text):
                words[at] = (at + len(word), flag)
                at += len(word)
        end, flag = words.get(m.start, (None, ""))
        # a word of its own, that jieba takes for a place or that stands where a place name does
        # (before a year, a conjunction or 的): not 共和 in 共和国, not 惠民 in 惠民政策
        before = text[m.start - 1] if m.start else ""
        if end == m.end and (flag == "ns" or _AFTER_PLACE.match(text[m.end:])
                             and (flag[:1] in ("n", "j", "s") or before in _BEFORE_PLACE)):
            out.append(m)
    starts = {s.start(1) for s in _SENTENCE_START.finditer(text)}
    for m in find_pinyin(text):
        # A capitalised first word is only a place when long enough not to be English (Made, Can).
        if text[m.start].isupper() and (m.start not in starts or m.end - m.start >= 5):
            out.append(m)
    return out
