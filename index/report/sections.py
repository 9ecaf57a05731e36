"""Split a report into its numbered top-level sections (一、… 六、 or 一、… 八、)."""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMERALS = "一二三四五六七八九十"
_HEADING = re.compile(rf"^[#\s]*([{NUMERALS}]{{1,2}})\s*[、.]\s*(\S.*?)\s*$")
# A table of contents line: dotted leaders, or a trailing page number (after a tab, or after leaders as
# OCR reads them: .…. 1, … 11).
_TOC = re.compile(r"(\.{3,}|…{2,}|·{3,})|\t\s*\d+\s*$|[.…·]\s*\d+\s*$")
# Row labels of the applications table also start with 一、二、三、四、.
_TABLE_LABELS = ("本年新收", "上年结转", "本年度办理结果", "结转下年度", "结转下一年度")

ROLES = {
    "overview": ("总体情况",),
    "proactive": ("主动公开",),
    "applications": ("收到和处理", "申请办理", "依申请"),
    "review": ("行政复议", "行政诉讼"),
    "problems": ("存在的主要问题", "主要问题", "改进情况"),
    "other": ("其他",),
}


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    start: int
    end: int
    role: str

    @property
    def heading(self) -> str:
        return heading(self.number, self.title)


def heading(number: int, title: str) -> str:
    """一、总体情况 (numbers past 十 as digits)."""
    return f"{NUMERALS[number - 1] if number <= 10 else number}、{title}"


def numeral_value(numeral: str) -> int:
    """一 → 1 … 十 → 10, 十一 → 11."""
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + NUMERALS.index(numeral[1]) + 1
    return NUMERALS.index(numeral[0]) + 1


def role_of(title: str) -> str:
    for role, keys in ROLES.items():
        if any(k in title for k in keys):
            return role
    return "other_topic"


def _candidates(text: str):
    offset = 0
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if (
            match
            and "\t" not in line.strip()
            and not _TOC.search(line)
            and len(match.group(2)) <= 40
            and not match.group(2).endswith(("：", ":", "。", "；"))
            and not any(label in match.group(2) for label in _TABLE_LABELS)
        ):
            yield numeral_value(match.group(1)), match.group(2).lstrip("#").strip(), offset
        offset += len(line) + 1


def split_sections(text: str) -> list[Section]:
    """Top-level sections in order; each runs to the start of the next.

    Headings must count up one by one from 一, so an embedded document's own
    "一、" or a table row label is not taken for a new section.
    """
    found: list[tuple[int, str, int]] = []
    for number, title, start in _candidates(text):
        if number == len(found) + 1:
            found.append((number, title, start))
    sections = []
    for i, (number, title, start) in enumerate(found):
        end = found[i + 1][2] if i + 1 < len(found) else len(text)
        sections.append(Section(number, title, start, end, role_of(title)))
    return sections
