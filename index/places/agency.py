"""An agency's name read as place + body: 江苏省淮安市洪泽区人民政府 is the 人民政府 of 洪泽区 in 淮安市,
江苏省; 济宁高新区管委会 governs a zone; 聊城市 alone is 聊城市人民政府."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..datafile import rows
from .divisions import DATA, LEVEL_NAMES, Division, divisions, kind_of, variants
from .find import Mention, find

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{1,12}")
GOVERNMENT, OFFICE, OTHER = "government", "office", "other"


@lru_cache(maxsize=1)
def bodies() -> dict[str, str]:
    """{body name: government or office}, from bodies.tsv."""
    return {name.strip(): role.strip() for _, (name, role) in rows(DATA / "bodies.tsv", ("name", "role"))}


def role(body: str) -> str:
    """government, office or other: what the body after an agency's place is (人民政府, 办公室, 审批局)."""
    if not body:
        return GOVERNMENT
    known = bodies()
    return next((known[v] for v in variants(body) if known.get(v, OTHER) != OTHER), OTHER)


def is_body(name: str) -> bool:
    """Whether a name ends as a government body's does (人民政府, 审批服务局, 发展和改革委员会)."""
    return any(name.endswith(b) for b in bodies())


@dataclass(frozen=True)
class Place:
    """Where an agency sits: its lowest division in the gazetteer, and a town or zone below it that
    the gazetteer does not list (姚家街道, 某某经济开发区)."""

    named: str  # the place as the name writes it: 淮安市洪泽区
    division: Division | None = None
    below: str = ""  # a town or zone below the division, by its kind alone
    ambiguous: tuple[str, ...] = ()  # codes of divisions it may be, when the name alone does not say

    @property
    def kind(self) -> str:
        if self.below:
            found = kind_of(self.below)
            return found[1] if found else "town"
        if self.division:
            return "zone" if self.division.zone else self.division.level
        found = kind_of(self.named)
        return found[1] if found else ""

    @property
    def level(self) -> str:
        return LEVEL_NAMES.get(self.kind, "")


def _below(rest: str) -> str:
    """A town or zone the gazetteer does not list, at the front of what follows a place: its name ends
    as such a place does, and a government body, or nothing, follows it (姚家街道办事处, 经济开发区管委会;
    not 住房和城乡 of 住房和城乡建设局)."""
    run = _CJK_RUN.match(rest)
    for end in range(len(run.group(0)) if run else 0, 1, -1):
        found = kind_of(rest[:end])
        if found and found[1] in ("town", "zone") and role(rest[end:]) == GOVERNMENT:
            return rest[:end]
    return ""


def locate(name: str, context: str = "") -> tuple[Place | None, str]:
    """The place an agency's name starts with, and the body after it (人民政府, 行政审批服务局, or ''
    for a name that is a place alone). A place the name alone leaves open (朝阳区: of 北京市 or 长春市?)
    is settled by the context text when its parents are named there more often, else left ambiguous."""
    name = name.strip()
    mentions = [m for m in find(name) if m.start == 0]
    if mentions and _stands(mentions[0], name):
        m = mentions[0]
        below = _below(name[m.end:])
        division, ambiguous = _settle(m, context)
        end = m.end + len(below)
        return Place(name[:end], division, below, ambiguous), name[end:]
    below = _below(name) or _unlisted(name)  # a place the gazetteer does not know (雄安新区管理委员会, 清溪县)
    if below:
        return Place(below, None, ""), name[len(below):]
    return None, name


def _unlisted(name: str) -> str:
    """A place at the front of a name that the gazetteer does not list (a new or renamed county, a test's
    invented one): a name of two or more characters and its kind (清溪县), naming no listed place, before
    a body (人民政府, 生态环境局) or nothing; not 城市 of 城市管理局, nor 住房和城乡 of 住房和城乡建设局."""
    for end in range(3, min(len(name), 9) + 1):
        front, rest = name[:end], name[end:]
        found = kind_of(front)
        if not found or end - len(found[0]) < 2 or any(m.full for m in find(front)):
            continue
        if role(rest) == GOVERNMENT or found[1] not in ("town", "zone") and is_body(rest):
            return front
    return ""


def _stands(m: Mention, name: str) -> bool:
    """A short name (洪泽) stands for its place only before a body or at the end, not inside a word
    (安新 in 雄安新区)."""
    rest = name[m.end:]
    if m.full:
        return not kind_of(m.text + rest[:1]) or not rest
    return not rest or role(rest) != OTHER or not kind_of(m.text + rest[:1])


def _settle(m: Mention, context: str) -> tuple[Division | None, tuple[str, ...]]:
    g = divisions()
    if len(m.codes) == 1:
        return g.by_code[m.codes[0]], ()
    # the candidate whose parents the text names most (朝阳区 in a report that says 北京市 throughout)
    counts = Counter({c: sum(context.count(p.name) for p in g.chain(c)[:-1]) for c in m.codes})
    best = counts.most_common(2)
    if best and best[0][1] > 0 and (len(best) == 1 or best[0][1] > best[1][1]):
        return g.by_code[best[0][0]], ()
    return None, m.codes


def government_of(place: Place) -> str:
    """The agency a report titled by its place alone is: 聊城市 → 聊城市人民政府, 某某经济开发区 →
    某某经济开发区管理委员会, 姚家街道 → 姚家街道办事处."""
    if is_body(place.named):  # a unit named as a body (某某行政委员会): its own agency
        return place.named
    kind = place.kind
    found = kind_of(place.named, kind)
    return place.named + (found[2] if found else "管理委员会" if kind == "zone" else "人民政府")
