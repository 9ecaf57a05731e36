"""Clues to a report's agency and year, each with its source: the title in any form, the file's own
properties (a page's <title> and meta tags, a PDF's document title), the text's own words
(现将…向社会公布), the publisher line (来源：…), the statistics period, the signature and date at
the end, the site's name, and last the file name."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..formats.normalize import compact
from ..places import OTHER, Place, find, government_of, is_body, locate, longer, role, variants

# Sources from the strongest to the weakest, per field.
AGENCY_SOURCES = ("title", "page title", "own words", "publisher", "signature", "document title", "site", "file name")
YEAR_SOURCES = ("title", "page title", "statistics period", "own words", "document title", "signature", "file name")

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_SUBJECT = re.compile(r"政府信息公开(?:工作)?(?:年度)?(?:工作)?报告|信息公开(?:工作)?年度报告|信息公开年报|年度报告")
_NAME = re.compile(r"[\u4e00-\u9fff()（）]{2,40}")
_LEADING = re.compile(r"^(?:关于|转发|印发)")
_SENTENCE = re.compile(r"[。，；]")
# A title line: short, and no sentence punctuation.
_TITLE_LINE = re.compile(r"^[^。，；：:,;]{1,40}$")
_YEAR_LINE = re.compile(r"^[(（]?\s*(?:19|20)\d{2}\s*年度?\s*[)）]?$")
_OWN_WORDS = re.compile(r"现将([^，。；\n]{2,60}?(?:报告|年报))")
_SELF = re.compile(r"我(省|自治区|市|州|盟|区|县|旗|镇|乡|街道|局|委|厅|办|署|院|中心)")
_PUBLISHER = re.compile(r"(?:信息来源|来源|发布机构|发布单位|发布部门|发文机关|发布者)\s*[:：]\s*([\u4e00-\u9fff()（）]{2,40})")
_PERIOD = re.compile(r"统计[^。\n]{0,24}?((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日[^。\n]{0,12}?"
                     r"(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日")
_DATE_LINE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class Clue:
    field: str  # agency or year
    value: object
    source: str
    quote: str  # what it was read from


def agency_of(name: str) -> str | None:
    """The agency a name in a title stands for: the name itself when it is a body (淮安市洪泽区人民政府,
    济宁市行政审批服务局), a place's government for a place alone (聊城市 → 聊城市人民政府); None for words
    that name no agency."""
    name = _LEADING.sub("", name.strip("()（）"))
    if name.endswith("人民"):  # 聊城市人民|政府信息公开…: the title's 政府 is the agency's too
        name += "政府"
    place, body = locate(name)
    if place is not None and not body:
        return government_of(_zone_in_full(place))
    if place is not None and (role(body) != OTHER or is_body(body)):
        full = _zone_in_full(place)
        return name if full is place else full.named + longer(body)
    return name if place is None and is_body(name) and len(name) >= 4 else None


def _zone_in_full(place: Place) -> Place:
    """A zone written short (乌鲁木齐高新区) under the gazetteer's full name (乌鲁木齐高新技术产业开发区)."""
    d = place.division
    if d is None or not d.zone or place.below or place.named == d.name or place.named not in variants(d.name):
        return place
    return replace(place, named=d.name)


def leading_agency(run: str) -> str | None:
    """The agency at the front of a run of characters that goes on into other words (来宾市行政审批局成文日期,
    as a page's header line reads once its spaces are gone): the longest front that ends as a body does."""
    for end in range(min(len(run), 40), 3, -1):
        if is_body(run[:end]):
            agency = agency_of(run[:end])
            if agency:
                return agency
    return None


def read_title(title: str) -> dict:
    """{agency, year} in a title: the agency before the year (洪泽区人民政府2023年…) or after it
    (2025年上海市人民政府办公厅…), or a place alone (聊城市2024年…); either may be missing."""
    title = compact(title)
    subject = _SUBJECT.search(title)
    if not subject:
        return {}
    year = _YEAR.search(title)
    found: dict = {"year": int(year.group(1))} if year else {}
    head = title[:subject.start()]
    if year and year.start() < subject.start():
        before = _NAME.findall(head[:year.start()])
        after = _NAME.findall(head[year.end():])
        candidates = before[-1:] + after[:1]
    else:
        candidates = _NAME.findall(head)[-1:]
    # a web page's title names its site after the report's (…年度报告_宝应县人民政府): the last resort
    after = re.split(r"[_|｜—–-]", title[subject.end():], maxsplit=1)
    candidates += _NAME.findall(after[1])[:1] if len(after) > 1 else []
    for name in candidates:
        agency = agency_of(name)
        if agency:
            found["agency"] = agency
            break
    return found


def titles(text: str) -> list[str]:
    """Candidate titles at the top: each line naming the report, with the short lines just above it
    (a title broken over lines) and a line of its year alone after it, joined; a running head or a
    site's path (首页>政务公开>政府信息公开年报) is a candidate too, which read_title finds empty."""
    lines = [compact(line.strip(" #\t")) for line in text.strip().split("\n")[:15]]
    lines = [line for line in lines if line]
    out = []
    for end, line in enumerate(lines):
        if _SUBJECT.search(line) and not _SENTENCE.search(line):
            start = end
            while start > 0 and _TITLE_LINE.match(lines[start - 1]) and not _SUBJECT.search(lines[start - 1]) \
                    and _names_or_dates(lines[start - 1]):
                start -= 1
            after = lines[end + 1] if end + 1 < len(lines) and _YEAR_LINE.match(lines[end + 1]) else ""
            out.append("".join(lines[start:end + 1]) + after)
    return out


def _names_or_dates(line: str) -> bool:
    """Whether a line above a title's last line is part of it: it names a place or a body, or a year
    (a running head, 正文 or a site's name, does not)."""
    return bool(_YEAR.search(line) or is_body(line) or any(m.full and m.start == 0 for m in find(line)))


def _from_title(text: str, source: str, quote: str | None = None) -> list[Clue]:
    found = read_title(text)
    return [Clue(k, v, source, quote or text) for k, v in found.items()]


def read_clues(text: str, file: str, properties: dict[str, str] | None = None) -> list[Clue]:
    """Every clue to the agency and year that the report's text, properties and file name give."""
    properties = properties or {}
    clues = next((found for found in (_from_title(t, "title") for t in titles(text)) if found), [])
    for key in ("page title", "document title"):
        if properties.get(key):
            clues += _from_title(properties[key], key)
    own = _OWN_WORDS.search(text)
    if own:
        clues += _from_title(own.group(1), "own words", own.group(0))
    publisher = _PUBLISHER.search(text)
    if publisher:
        agency = leading_agency(publisher.group(1))
        clues += [Clue("agency", agency, "publisher", publisher.group(0))] if agency else []
    if properties.get("source"):
        agency = leading_agency(compact(properties["source"]))
        clues += [Clue("agency", agency, "publisher", properties["source"])] if agency else []
    period = _PERIOD.search(text)
    if period and (not period.group(2) or period.group(1) == period.group(2)):
        clues.append(Clue("year", int(period.group(1)), "statistics period", period.group(0)))
    clues += _signature(text)
    if properties.get("site"):
        agency = leading_agency(compact(properties["site"]))
        clues += [Clue("agency", agency, "site", properties["site"])] if agency else []
    stem = Path(file).stem
    clues += [c for c in _from_title(stem, "file name") if c.field == "agency"]
    year = _FILE_YEAR.search(stem)
    if year:
        clues.append(Clue("year", int(year.group(1)), "file name", Path(file).name))
    return clues


def _signature(text: str) -> list[Clue]:
    """The signature at the end: an agency's name beside the date it was published (a report of year
    Y comes out in Y+1)."""
    lines = [compact(line) for line in text.strip().split("\n")[-12:] if line.strip()]
    for i in range(len(lines) - 1, -1, -1):
        date = _DATE_LINE.match(lines[i])
        if not date:
            continue
        out = [Clue("year", int(date.group(1)) - 1, "signature", lines[i])]
        for line in (lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else ""):
            agency = agency_of(line) if _TITLE_LINE.match(line or "-") and line else None
            if agency:
                out.append(Clue("agency", agency, "signature", line))
                break
        return out
    return []


def self_reference(text: str) -> str:
    """What the report calls itself most (我县, 我局): the kind of body whose report it is."""
    words = _SELF.findall(text)
    return max(set(words), key=words.count) if words else ""

