"""Years in questions: 2024年, 二〇二四年, 24年, in 2024; and 去年/今年/latest, resolved later
against the newest report of the agency asked about."""

from __future__ import annotations

import re

LATEST = "latest"  # 今年/去年/最新: the newest report
PREVIOUS = "previous"  # 前年: the report before the newest

_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
           "六": "6", "七": "7", "八": "8", "九": "9"}
# A bare 2000-2099 unless it counts something (2024件); 19xx only as 19xx年.
_FULL = re.compile(r"(?<![\d.])(20\d{2}(?![\d.])(?!\s*[件个人条项次万元份%])|19\d{2}(?=\s*年))")
_HAN = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年")
_SHORT = re.compile(r"(?<![\d.])(\d{2})\s*年(?!代)")
_RELATIVE = [
    (re.compile(r"前年|the year before last|two years ago", re.IGNORECASE), PREVIOUS),
    (re.compile(r"去年|今年|本年度|上一年度|上年度|最近|最新|近一年|last year|this year|latest|most recent|recent",
                re.IGNORECASE), LATEST),
]


def find_years(text: str) -> list[int | str]:
    """Years named in the text in order of appearance (ints), or LATEST / PREVIOUS markers."""
    found: list[tuple[int, int | str]] = []
    for m in _FULL.finditer(text):
        found.append((m.start(), int(m.group(1))))
    for m in _HAN.finditer(text):
        year = int("".join(_DIGITS[c] for c in m.group(1)))
        if 1990 <= year <= 2099:
            found.append((m.start(), year))
    for m in _SHORT.finditer(text):
        found.append((m.start(), 2000 + int(m.group(1))))
    if not found:
        for pattern, marker in _RELATIVE:
            m = pattern.search(text)
            if m:
                found.append((m.start(), marker))
                break
    out: list[int | str] = []
    for _, year in sorted(found, key=lambda item: item[0]):
        if year not in out:
            out.append(year)
    return out



def strip_years(text: str) -> str:
    """The text with its year expressions blanked out."""
    for pattern in (_FULL, _HAN, _SHORT, *(p for p, _ in _RELATIVE)):
        text = pattern.sub(" ", text)
    return re.sub(r"(?<=\s)年度?", " ", text)
