"""Agency names in questions: a gazetteer of the indexed agencies, each tied to its place in the
national gazetteer (index.places), and the places of the country that no indexed agency has.

Each agency answers to the names aliases.py makes from its place (in full, shortened, after its
city, in pinyin) and to its own names; places further up are read from the national gazetteer and only
locate it. A place alone means its government when it has
several indexed agencies; a place whose own agency is not indexed is found through the national
gazetteer: below it may lie indexed agencies (a province over its cities: the question's scope), or
none (a place to refuse, naming the indexed agencies near it).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import jieba.posseg

from index.places import divisions, kind_of
from index.places import find as find_places

from .aliases import Seat, agency_aliases, seat_of, strip_suffix
from .places import ALL_BODIES, BELOW, GENERIC_PLACE, Places, Scope, meant
from .sounds import MIN_CHARS, abbreviates, occurrences, sound, syllable
from .words import words

# Places that frame a question without naming an agency (全国, 外省市…).
_BETWEEN = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:全[省市区县])?")
_CONTEXT_PLACES = words("context_place")
# Another body of a known place (聊城市教育局 is not 聊城市人民政府).
# Its name does not run across a conjunction (聊城市和济南市政府办公厅).
# 政府办 is short for 政府办公室 (not 办理 or 办结).
_BODY = r"(?:(?![和与及或跟、])[\u4e00-\u9fff]){0,6}?(?:厅|局|委员会|办公室|中心|委|府办(?![理结公件事]))"
_CONJUNCTION = re.compile(r"[和与及、,，跟同比对]|\b(?:and|or|vs|versus|compared?|with|to|against)\b", re.I)
# Chinese after a place written in pinyin (Huai'an市政府): part of its name.
_CHINESE_SUFFIX = r"(?:(?:市|区|县)?(?:人民)?政府(?:办公厅|办公室)?|市|区|县)?"
_PLACE_BODY = re.compile(r"[\u4e00-\u9fff]{2,4}(?:省|市|区|县)" + _BODY)
# 市政府, 区政府, 管委会 standing alone (no place before them): a place's government, which is not named.
_GENERIC_GOVERNMENT = re.compile(r"(?<![\u4e00-\u9fff])(?:(省|自治区|市|州|区|县|旗|盟)(?:人民)?政府|管委会|管理委员会)"
                                 r"(?!办公|办)")


@dataclass(frozen=True)
class Mentions:
    agencies: list[str]  # indexed agencies named
    unknown: list[str]  # place or agency names that match no indexed agency
    rest: str  # the question without the names found
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # a name that fits several agencies
    scopes: list[Scope] = field(default_factory=list)  # places over indexed agencies (山东省, 淮安市下面)
    nearby: list[str] = field(default_factory=list)  # indexed agencies near an unknown place, nearest first


_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")


def _ascii_key(word: str) -> str:
    """huai'an, Huai-an → huaian; Jinan's → jinan."""
    return re.sub(r"['’\-]", "", re.sub(r"['’]s$", "", word.lower()))


def _start(alias: str) -> tuple[str, str]:
    """What an alias's first two characters are matched by: their syllables where occurrences() hears
    it, else themselves."""
    if len(alias) >= MIN_CHARS and re.search(r"[\u4e00-\u9fff]", alias):
        return syllable(alias[0]), syllable(alias[1])
    return alias[0], alias[1]


class Gazetteer:
    """Finds indexed agencies (and unknown places) named in a question."""

    def __init__(self, reports: list[dict]):
        regions = {r["agency"]: r["region"] or "" for r in reports if r["agency"]}
        self.agencies = sorted(regions)
        self.regions = regions
        self.years: dict[str, list[int]] = {}
        names: dict[str, set[str]] = {}
        codes: dict[str, str] = {}
        for r in reports:
            if r["agency"] and r["year"]:
                self.years.setdefault(r["agency"], []).append(int(r["year"]))
            if r["agency"]:
                names.setdefault(r["agency"], set()).add(r.get("named") or r["agency"])
                codes[r["agency"]] = codes.get(r["agency"]) or r.get("division") or ""
        for years in self.years.values():
            years.sort()
        self.seats: dict[str, Seat] = {a: seat_of(a, regions[a], codes.get(a, "")) for a in self.agencies}
        self.aliases: dict[str, set[str]] = {}
        self._places: set[str] = set()  # aliases that name a place rather than the agency: a body may follow
        for agency, seat in self.seats.items():
            aliases, places = agency_aliases(agency, seat, names[agency])
            for alias in aliases:
                self.aliases.setdefault(alias.lower() if alias.isascii() else alias, set()).add(agency)
            self._places |= places
        self._places -= {n for a in self.agencies for n in names[a]}
        self.places = Places(self.seats)
        self._known = {strip_suffix(p) for p in regions.values() if p} | set(self.aliases)
        # Each alias under the first two characters or syllables it can start with, so that a question is
        # matched against the few aliases that could occur in it, not all of them (thousands of agencies);
        # a pinyin or English one under its words, apostrophes and hyphens aside (huai'an, huai-an: huaian).
        self._by_start: dict[tuple[str, str], set[str]] = {}
        self._ascii: dict[str, str] = {}
        for alias in sorted(self.aliases):
            if alias.isascii():
                key = " ".join(_ascii_key(w) for w in alias.split())
                if key in self._ascii:  # huai'an and huai-an: one name, whose agencies the first alias holds
                    self.aliases[self._ascii[key]] |= self.aliases[alias]
                else:
                    self._ascii[key] = alias
            else:
                self._by_start.setdefault(_start(alias), set()).add(alias)
        self._ascii_words = max((len(k.split()) for k in self._ascii), default=1)

    def meant(self, agencies: set[str]) -> set[str]:
        return meant(agencies, self.seats)

    def match(self, name: str) -> list[str]:
        """Agencies a name stands for: an alias, else every agency whose name or region contains it."""
        name = name.strip()
        if name.lower() in self.aliases:
            return sorted(self.aliases[name.lower()])
        return [a for a in self.agencies if name in a or (self.regions[a] and name in self.regions[a])]

    def names(self, text: str, bodies: list[str] | None = None,
              ambiguous: list[tuple[str, list[str]]] | None = None,
              spans_out: dict[str, list[tuple[int, int]]] | None = None,
              every_span: dict[str, list[tuple[int, int]]] | None = None) -> tuple[list[str], str]:
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

        for start, end, alias in self._ascii_names(rest):
            note(self.meant(self.aliases[alias]) if alias in self._places else self.aliases[alias], (start, end))
            blank(start, end)
        places = find_places(text)  # the places' names, for _inside_another_place
        starts = {*zip(text, text[1:]), *zip(heard, heard[1:])}
        candidates = {a for key in starts for a in self._by_start.get(key, ())}
        for alias in sorted(candidates, key=lambda a: (-len(a), a)):
            for start, end in occurrences(alias, rest, heard):
                if alias in self._places and self._inside_another_place(start, end, places):
                    continue
                # Only a place, or a government (聊城市政府办公室), is followed by another body's name.
                body = re.match(_BODY, rest[end:]) if alias in self._places or alias.endswith("政府") else None
                if body and any(end <= a < end + body.end() for m in places for a, _ in m.atoms):
                    body = None  # a place's own name (的大柴旦行政委员会), not another body of this one
                if body:
                    own = self._body_agencies(alias, body.group(0))
                    end += body.end()
                    if own or bodies is None:
                        note(own or self.aliases[alias], (start, end))
                        by_name |= own
                    else:
                        bodies.append(rest[start:end])
                elif alias in self._places:
                    note(self.meant(self.aliases[alias]), (start, end))
                else:
                    note(self.aliases[alias], (start, end))
                    by_name |= self.aliases[alias]
                blank(start, end)
        # 济南的历下区, "Lixia District of Jinan": a city named next to its district only locates it
        # (but 济南和历下区 names both).
        found -= {a for a in found - by_name for d in found
                  if d != a and self._lies_in(d, a)
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
        if every_span is not None:
            every_span.update({a: spans[a] for a in found})
        return sorted(found), rest

    def _ascii_names(self, text: str) -> list[tuple[int, int, str]]:
        """Names written in pinyin or English (Huai'an, Jining High-tech Zone, Huai'an市政府), longest first
        at each word: (start, end, alias)."""
        words = list(_ASCII_WORD.finditer(text))
        out, i = [], 0
        while i < len(words):
            for j in range(min(len(words), i + self._ascii_words) - 1, i - 1, -1):
                if any(text[words[k].end():words[k + 1].start()].strip() for k in range(i, j)):
                    continue
                alias = self._ascii.get(" ".join(_ascii_key(w.group(0)) for w in words[i:j + 1]))
                if alias:
                    end = words[j].end() + re.match(_CHINESE_SUFFIX, text[words[j].end():]).end()
                    out.append((words[i].start(), end, alias))
                    i = j
                    break
            i += 1
        return out

    @staticmethod
    def _inside_another_place(start: int, end: int, places: list) -> bool:
        """Whether an agency's place name ends or starts inside another place's name (井陉 of 井陉县 in 井陉矿区,
        文山 of 文山州 in 文山市, 济宁 in 济宁高新区, 和田地区和田 in 和田地区和田市); one that is a whole name
        beside another (淮安市 of 淮安市洪泽区) is not."""
        return any(a < start < b or a < end < b for m in places for a, b in m.atoms)

    def _lies_in(self, inner: str, outer: str) -> bool:
        """Whether one agency's place lies in another's (历下区 in 济南市)."""
        a, b = self.seats[inner], self.seats[outer]
        if a.division and b.at:
            return a.division != b.at and divisions().within(a.division, b.at) or a.division == b.at and bool(a.below)
        return bool(b.region) and a.region != b.region and a.region.startswith(b.region)

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
        every_span: dict[str, list[tuple[int, int]]] = {}
        agencies, rest = self.names(text, bodies, ambiguous, by_place, every_span)
        # 淮安市下面各区县: the places under a named one, not its own agency
        # 广西来宾的各个机构: every agency of the place
        scopes = []
        for agency, spans in by_place.items():
            # (济南市2024年全市各区县: a year and 全市 may stand between the place and 各区县)
            after = [_BETWEEN.sub("", text[end:]).lstrip("的之") for _, end in spans]
            below = any(BELOW.match(a) for a in after)
            if below or any(ALL_BODIES.match(a) for a in after):
                scope = self.places.scope_at(text[spans[0][0]:spans[0][1]], self.seats[agency].division, below)
                if scope:
                    scopes.append(scope)
                    agencies = [a for a in agencies if a != agency]
                    ambiguous = [(n, a) for n, a in ambiguous if agency not in a]
        # another body of a place (山东省教育厅): its place is no question of its own
        bodies += [m.group(0) for m in _PLACE_BODY.finditer(rest)]
        rest = _PLACE_BODY.sub(lambda m: " " * len(m.group(0)), rest)
        # 江苏省 before 淮安市洪泽区: the province only locates the district named after it
        located = {start: self.seats[a].division for a in agencies for start, _ in every_span.get(a, ())}
        national = self.places.read(rest, located)
        agencies = sorted(set(agencies) | national.agencies)
        ambiguous += national.ambiguous
        if not agencies and not ambiguous and not national.unknown and not national.scopes and not scopes:
            agencies, ambiguous = self._generic(rest, agencies, ambiguous)
        unread = rest
        for start, end in national.spans:  # the places read are no organisation's name
            unread = unread[:start] + " " * (end - start) + unread[end:]
        unknown = list(dict.fromkeys(bodies + national.unknown + self._organisations(unread)))
        # 淮安市清江浦区, 上海浦东新区: a known place followed by an unknown one only locates it
        inside = {a for a, spans in by_place.items() for u in unknown for _, end in spans
                  if re.match(r"[的之]?\s*" + re.escape(u), rest[end:])}
        if inside:
            agencies = [a for a in agencies if a not in inside]
            ambiguous = [(n, a) for n, a in ambiguous if not set(a) & inside]
        return Mentions(agencies, unknown, unread, ambiguous, scopes + national.scopes, national.nearby)

    def _generic(self, rest: str, agencies: list[str], ambiguous: list) -> tuple[list[str], list]:
        """市政府, 区政府, 管委会 without a place: the indexed government of that kind of place, or, when
        there are several, a question back naming them."""
        m = _GENERIC_GOVERNMENT.search(rest)
        if not m:
            return agencies, ambiguous
        kind = m.group(1)
        fits = sorted(a for a, seat in self.seats.items() if seat.rank == 0 and (
            (kind_of(seat.region) or ("",))[0] == kind if kind else (kind_of(seat.region) or ("", ""))[1] == "zone"))
        if len(fits) > 1:
            return agencies, [*ambiguous, (m.group(0), fits)]
        return fits, ambiguous

    def _organisations(self, rest: str) -> list[str]:
        """Organisations jieba knows (国家税务总局) and places beyond the national gazetteer (东京): names
        of no indexed agency."""
        jieba.setLogLevel(logging.WARNING)
        names = []
        for word, flag in jieba.posseg.cut(rest):
            word = word.strip()
            if flag not in ("ns", "nt") or len(word) < 2:
                continue
            if word not in _CONTEXT_PLACES and not self._known_part(word) and not GENERIC_PLACE.match(word):
                names.append(word)
        return names

    def _known_part(self, word: str) -> bool:
        # 人民政府 or 政府办公厅 left over from a matched name is not a new place.
        return word in ("人民政府", "政府", "办公厅", "办公室") or strip_suffix(word) in self._known
