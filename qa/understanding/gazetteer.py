"""Agency names in questions: a gazetteer built from the indexed reports (that is, the manifest).

Each agency answers to its full name, 人民政府 shortened to 政府 or dropped, its region
with and without the 市/区/县 suffix, a district's own name, and the pinyin of the
place (Liaocheng, Jinan, Lixia). Place names that match no indexed agency are
reported too, so that a question about 青岛市 is refused rather than answered
from another city.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

import jieba.posseg
from pypinyin import lazy_pinyin

from ..datafile import DATA, items, rows
from .sounds import MIN_CHARS, abbreviates, occurrences, sound, syllable
from .words import words

# Places that frame a question without naming an agency (山东省哪个城市…).
_CONTEXT_PLACES = words("context_place")
_SUFFIXES = r"(?:市|区|县|州|盟|旗|省|镇|乡|街道)"
_PLACE_SUFFIX = re.compile(_SUFFIXES + "$")
# 开发区, 示范区, 全市: kinds of place, not names of one.
_GENERIC_PLACE = re.compile(r"^(?:全|本|我|该|各|此|辖|城|市|社|小|园|地|郊|景|外|省|(?:经济|技术|高新)?开发|高新|示范|保护|自治)"
                            + _SUFFIXES + "$")
_WORD = re.compile(r"\b[A-Z][a-z]+")
_SENTENCE_START = re.compile(r"(?:^|[.?!]\s+)([A-Z][a-z]+)")
# Another body of a known place (聊城市教育局 is not 聊城市人民政府).
# Its name does not run across a conjunction (聊城市和济南市政府办公厅).
# 政府办 is short for 政府办公室 (not 办理 or 办结).
_BODY = r"(?:(?![和与及或跟、])[\u4e00-\u9fff]){0,6}?(?:厅|局|委员会|办公室|中心|委|府办(?![理结公件事]))"
_CONJUNCTION = re.compile(r"[和与及、,，跟同比对]|\b(?:and|or|vs|versus|compared?|with|to|against)\b", re.I)
# Chinese after a place written in pinyin (Huai'an市政府): part of its name.
_CHINESE_SUFFIX = r"(?:(?:市|区|县)?(?:人民)?政府(?:办公厅|办公室)?|市|区|县)?"
_PLACE_BODY = re.compile(r"[\u4e00-\u9fff]{2,4}(?:省|市|区|县)" + _BODY)


@dataclass(frozen=True)
class Mentions:
    agencies: list[str]  # indexed agencies named
    unknown: list[str]  # place or agency names that match no indexed agency
    rest: str  # the question without the names found
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # a name that fits several agencies


SHORT_FORMS = DATA / "short_forms.tsv"


@lru_cache(maxsize=1)
def short_forms() -> list[tuple[str, list[str], list[str]]]:
    """(long form, its short forms, its English forms), longest long form first."""
    forms = [(long, list(items(short)), list(items(english)))
             for _, (long, short, english) in rows(SHORT_FORMS, ("long", "short forms", "English forms"), optional=2)]
    return sorted(forms, key=lambda row: len(row[0]), reverse=True)


def variants(name: str) -> set[str]:
    """The name with each long part that has short forms (高新技术产业开发区, 管理委员会) shortened,
    one part at a time and all of them together."""
    out = {name}
    for long, shorts, _ in short_forms():
        out |= {v.replace(long, s) for v in list(out) for s in shorts if long in v}
    return out


def english_names(place: str) -> set[str]:
    """'jining high-tech zone' for 济宁高新技术产业开发区: the pinyin of the place before its kind, and
    the kind's English forms."""
    for long, shorts, english in short_forms():  # the longest kind the place ends with
        form = next((f for f in (long, *shorts) if place.endswith(f) and len(place) > len(f)), None)
        if form:
            return {f"{stem} {e}" for stem in spellings(_strip_suffix(place[:-len(form)])) for e in english}
    return set()


def agency_aliases(regions: dict[str, str]) -> dict[str, set[str]]:
    """Names people use for each agency (Chinese and pinyin), mapped to the agencies: the name and
    its shortened forms; its places (the region, the district alone, with or without its suffix and
    its city) and theirs; the pinyin and English names of the places."""
    aliases: dict[str, set[str]] = {}
    for agency, region in regions.items():
        names = {agency, agency.replace("人民政府", "政府"), agency.replace("人民政府", "")} | variants(agency)
        places = set()
        if region:
            places |= {region, _strip_suffix(region)}
            district = re.sub(r"^.+?(?:市|州|盟)", "", region)
            if district and district != region:
                city = _strip_suffix(region[: -len(district)])
                places |= {district, _strip_suffix(district), city + district, city + _strip_suffix(district)}
            places |= {v for p in list(places) for v in variants(p)}
        names |= places
        # the body after any of its places (洪泽区人民政府 for 淮安市洪泽区人民政府)
        body = agency[len(region):] if region and agency.startswith(region) else ""
        names |= {p + b for p in places for b in {body, body.replace("人民政府", "政府")} if body and len(p) >= 2}
        names |= {s for p in places if len(p) >= 2 and _strip_suffix(p) == p for s in spellings(p)}
        names |= {e for p in places for e in english_names(p)}
        for name in names:
            if len(name) >= 2:
                aliases.setdefault(name, set()).add(agency)
    return aliases


def spellings(place: str) -> set[str]:
    """The pinyin of a place as people write it: huaian, huai'an, huai-an."""
    syllables = [s.lower() for s in lazy_pinyin(place)]
    return {sep.join(syllables) for sep in ("", "'", "’", "-")}


def _start(alias: str) -> str:
    """What an alias's first character is matched by: its syllable where occurrences() hears it, else itself."""
    return syllable(alias[0]) if len(alias) >= MIN_CHARS and re.search(r"[\u4e00-\u9fff]", alias) else alias[0]


def _strip_suffix(place: str) -> str:
    return place[:-1] if len(place) > 2 and _PLACE_SUFFIX.search(place) else place


class Gazetteer:
    """Finds indexed agencies (and unknown places) named in a question."""

    def __init__(self, reports: list[dict]):
        regions = {r["agency"]: r["region"] or "" for r in reports if r["agency"]}
        self.agencies = sorted(regions)
        self.regions = regions
        self.years: dict[str, list[int]] = {}
        for r in reports:
            if r["agency"] and r["year"]:
                self.years.setdefault(r["agency"], []).append(int(r["year"]))
        for years in self.years.values():
            years.sort()
        self.aliases = agency_aliases(regions)
        self._known = {_strip_suffix(p) for p in regions.values() if p} | set(self.aliases)
        self._longest_first = sorted(self.aliases, key=len, reverse=True)
        # Each alias under the first character or syllable it can start with, so that a question is
        # matched against the few aliases that could occur in it, not all of them (thousands of agencies).
        self._by_start: dict[str, set[str]] = {}
        for alias in self.aliases:
            if not alias.isascii():
                self._by_start.setdefault(_start(alias), set()).add(alias)
        self._ascii = {alias: re.compile(rf"(?<![a-z]){re.escape(alias)}(?![a-z]){_CHINESE_SUFFIX}", re.IGNORECASE)
                       for alias in self.aliases if alias.isascii()}
        # Aliases that name a place rather than the agency itself: a body may follow them (济宁市审批局).
        regionish = {p for r in regions.values() if r for p in (r, _strip_suffix(r))}
        full = {v for a in self.agencies for v in (a, a.replace("人民政府", "政府"), a.replace("人民政府", ""))}
        self._places = set(self.aliases) - (full - regionish)

    def match(self, name: str) -> list[str]:
        """Agencies a name stands for: an alias, else every agency whose name or region contains it."""
        name = name.strip()
        if name.lower() in self.aliases:
            return sorted(self.aliases[name.lower()])
        return [a for a in self.agencies if name in a or (self.regions[a] and name in self.regions[a])]

    def names(self, text: str, bodies: list[str] | None = None,
              ambiguous: list[tuple[str, list[str]]] | None = None,
              spans_out: dict[str, list[tuple[int, int]]] | None = None) -> tuple[list[str], str]:
        """Indexed agencies named in the text, and the text with their names blanked out.

        Names of three or more characters also match when typed with a homophone (聊成市,
        济南市政俯办公厅), the usual slip of a pinyin keyboard. A place followed by a body is
        that place's agency when the body is a short form of its name (济宁审批局 for
        济宁市行政审批服务局); otherwise it is another body (聊城市教育局), collected in
        `bodies` when given."""
        found: set[str] = set()
        by_name: set[str] = set()  # found by a name of their own, not only by their place
        spans: dict[str, list[tuple[int, int]]] = {}

        several: list[tuple[tuple[int, int], set[str]]] = []

        def note(agencies: set[str], span: tuple[int, int]) -> None:
            if len(agencies) > 1:
                several.append((span, agencies))
            found.update(agencies)
            for agency in agencies:
                spans.setdefault(agency, []).append(span)

        rest = text
        heard = sound(text)  # the sound of `rest`, blanked with it

        def blank(start: int, end: int) -> None:
            nonlocal rest
            rest = rest[:start] + " " * (end - start) + rest[end:]
            heard[start:end] = [" "] * (end - start)

        lower = text.lower()
        candidates = {a for key in {*text, *heard} for a in self._by_start.get(key, ())}
        candidates |= {a for a in self._ascii if a.lower() in lower}
        for alias in self._longest_first:
            if alias not in candidates:
                continue
            if alias.isascii():
                for m in self._ascii[alias].finditer(rest):
                    note(self.aliases[alias], m.span())
                    blank(*m.span())
                continue
            for start, end in occurrences(alias, rest, heard):
                # Only a place, or a government (聊城市政府办公室), is followed by another body's name.
                body = re.match(_BODY, rest[end:]) if alias in self._places or alias.endswith("政府") else None
                if body:
                    own = self._body_agencies(alias, body.group(0))
                    end += body.end()
                    if own or bodies is None:
                        note(own or self.aliases[alias], (start, end))
                        by_name |= own
                    else:
                        bodies.append(rest[start:end])
                else:
                    note(self.aliases[alias], (start, end))
                    by_name |= set() if alias in self._places else self.aliases[alias]
                blank(start, end)
        # 济南的历下区, "Lixia District of Jinan": a city named next to its district only locates it
        # (but 济南和历下区 names both).
        found -= {a for a in found - by_name for d in found
                  if d != a and self.regions[a] and self.regions[d].startswith(self.regions[a])
                  and any(x != y and not _CONJUNCTION.search(text[min(x[1], y[1]):max(x[0], y[0])])
                          for x in spans.get(a, []) for y in spans.get(d, []))}
        for span, agencies in several:
            # 淮安和淮安区: an agency named on its own elsewhere is not what this name means;
            # 淮安的淮安区: the city only locates its district, nothing is left to ask
            meant = {a for a in agencies if not any(other != span for other in spans[a])} & found
            if len(meant) > 1 and ambiguous is not None:
                ambiguous.append((text[span[0]:span[1]], sorted(meant)))
        if spans_out is not None:
            spans_out.update({a: spans[a] for a in found if a not in by_name})
        return sorted(found), rest

    def _body_agencies(self, place: str, body: str) -> set[str]:
        """The agencies of `place` whose own name (less the region) the body abbreviates."""
        own = set()
        for agency in self.aliases[place]:
            region = self.regions[agency]
            suffix = agency[len(region):] if region and agency.startswith(region) else agency
            if any(abbreviates(body, s) for s in {suffix, suffix.replace("人民政府", "政府")}):
                own.add(agency)
        return own

    def find(self, text: str) -> Mentions:
        bodies: list[str] = []
        ambiguous: list[tuple[str, list[str]]] = []
        by_place: dict[str, list[tuple[int, int]]] = {}
        agencies, rest = self.names(text, bodies, ambiguous, by_place)
        unknown = list(dict.fromkeys(bodies + self._unknown(rest)))
        # 淮安市清江浦区, 上海浦东新区: a known place followed by an unknown one only locates it
        inside = {a for a, spans in by_place.items() for u in unknown for _, end in spans
                  if re.match(r"[的之]?" + re.escape(u), rest[end:])}
        if inside:
            agencies = [a for a in agencies if a not in inside]
            ambiguous = [(n, a) for n, a in ambiguous if not set(a) & inside]
        return Mentions(agencies, unknown, rest, ambiguous)

    def _unknown(self, rest: str) -> list[str]:
        jieba.setLogLevel(logging.WARNING)
        names = [m.group(0) for m in _PLACE_BODY.finditer(rest)]
        rest = _PLACE_BODY.sub(" ", rest)
        cut = [(w.strip(), f) for w, f in jieba.posseg.cut(rest)]
        for i, (word, flag) in enumerate(cut):
            # jieba tags few county names as places (洪泽 区, 宝应县 as a person, 高邮市 as an abbreviation):
            # a proper or common noun before or ending in a place suffix is a place all the same.
            after = cut[i + 1][0] if i + 1 < len(cut) else ""
            if len(word) >= 2 and flag[:1] in ("n", "j") and _PLACE_SUFFIX.fullmatch(after):
                word = word + after
            elif not (flag in ("ns", "nt") and len(word) >= 2
                      or len(word) >= 3 and flag[:1] in ("n", "j") and _PLACE_SUFFIX.search(word)):
                continue
            if word not in _CONTEXT_PLACES and not self._known_part(word) and not _GENERIC_PLACE.match(word):
                names.append(word)
        starts = {m.start(1) for m in _SENTENCE_START.finditer(rest)}
        for m in _WORD.finditer(rest):
            word, low = m.group(0), m.group(0).lower()
            # A capitalised first word is only a place when long enough not to be English (Made, Can).
            if low not in _CONTEXT_PLACES and _is_pinyin(low) and (m.start() not in starts or len(word) >= 5):
                names.append(word)
        return list(dict.fromkeys(names))

    def _known_part(self, word: str) -> bool:
        # 人民政府 or 政府办公厅 left over from a matched name is not a new place.
        return word in ("人民政府", "政府", "办公厅", "办公室") or _strip_suffix(word) in self._known


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    chars = (chr(c) for c in range(0x4E00, 0x9FA6))
    return frozenset(s for s in lazy_pinyin("".join(chars), errors="ignore") if s.isascii() and s.isalpha())


def _is_pinyin(word: str) -> bool:
    """Whether a word splits into two or more pinyin syllables (Qingdao, Weifang), as place names do."""
    syllables = _syllables()
    n = len(word)
    best = [None] * (n + 1)
    best[0] = 0
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            if word[i:j] in syllables and (best[j] is None or best[j] > best[i] + 1):
                best[j] = best[i] + 1
    return best[n] is not None and best[n] >= 2
