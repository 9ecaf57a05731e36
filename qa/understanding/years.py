"""Years in questions: 2024年, 二〇二四年, 24年, in 2024; and 去年/今年/latest, resolved later
against the newest report of the agency asked about."""

from __future__ import annotations

import re

LATEST = "latest"  # 今年/去年/最新: the newest report
PREVIOUS = "previous"  # 前年: the report before the newest
EVERY = "every"  # 历年/每年/哪一年: every report of the agency
RECENT = "recent:"  # 近三年 → "recent:3": the agency's newest three reports
NEXT = "next"  # 下一年/次年: the year after the one asked before (a follow-up); alone, the newest

_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
           "六": "6", "七": "7", "八": "8", "九": "9"}
# A bare 2000-2099 unless it counts something (2024件); 19xx only as 19xx年.
_FULL = re.compile(r"(?<![\d.])(20\d{2}(?![\d.])(?!\s*[件个人条项次万元份%])|19\d{2}(?=\s*年))")
_HAN = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年")
_SHORT = re.compile(r"(?<![\d.])(\d{2})\s*年(?!代)")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
          "two": 2, "three": 3, "four": 4, "five": 5}
# 2022年到2024年, 2022-2024年, 2022至2024, from 2022 to 2024
_RANGE = re.compile(r"(20\d{2})\s*年?(?:度)?\s*(?:到|至|—|-|~|～|－|–|to|through)\s*(20\d{2})\s*年?", re.IGNORECASE)
_RECENT = re.compile(r"(?:近|最近|过去)\s*(\d+|[两二三四五六七八九十])\s*年|(?:last|past|recent)\s+(\d+|two|three|four|five)\s+years",
                     re.IGNORECASE)
_EVERY = re.compile(r"历年|每年|每一年|各年|逐年|哪一年|哪年|哪个年度|哪一年度|近几年|这几年|几年来|历年来|各年度"
                    r"|every year|each year|which year|over the years|all years|year by year", re.IGNORECASE)
_RELATIVE = [
    (re.compile(r"下一年度?|下一个年度|次年|第二年|后一年|(?:the )?(?:next|following) year|a year later", re.IGNORECASE), NEXT),
    (re.compile(r"前年|the year before last|two years ago", re.IGNORECASE), PREVIOUS),
    (re.compile(r"去年|今年|本年度|上一年度|上年度|最近|最新|近一年|last year|this year|latest|most recent|recent",
                re.IGNORECASE), LATEST),
]


# A year an application was carried into (结转到2025年, 拖到2025年, carried forward into 2025) is the year after the
# report's; one it was carried over from (从2023年结转, carried over from 2023) the year before it.
_INTO = re.compile(r"(?:结转|转入|转到|[拖留延推]|carr(?:y|ies|ied|ying)\b[a-z\s-]{0,20}?)(?:到|至|入|进|into|to)\s*(20\d{2})\s*年?",
                   re.IGNORECASE)
_FROM = re.compile(r"(?:从|由|from)\s*(20\d{2})\s*年?度?\s*(?:结转|转入|carried|carry)", re.IGNORECASE)


def find_years(text: str, words: str | None = None) -> list[int | str]:
    """Years named in the text in order of appearance (ints; a range gives each year of it), or a
    marker: LATEST, PREVIOUS, NEXT, EVERY, or RECENT with a count ("recent:3"). `words`: the text before
    its cell phrases were blanked out, where 结转到2025年 still says what 2025 is."""
    found: list[tuple[int, int | str]] = []
    for pattern, shift in ((_INTO, -1), (_FROM, 1)):
        for m in pattern.finditer(words if words is not None else text):
            found.append((m.start(), int(m.group(1)) + shift))
            text = text[:m.start(1)] + " " * (m.end(1) - m.start(1)) + text[m.end(1):]
    for m in _RANGE.finditer(text):
        first, last = sorted((int(m.group(1)), int(m.group(2))))
        found += [(m.start() + n, year) for n, year in enumerate(range(first, last + 1))]
    text = _RANGE.sub(lambda m: " " * len(m.group(0)), text)
    for m in _RECENT.finditer(text):
        count = m.group(1) or m.group(2)
        found.append((m.start(), f"{RECENT}{int(count) if count.isdigit() else _COUNT[count.lower()]}"))
    text = _RECENT.sub(lambda m: " " * len(m.group(0)), text)
    m = _EVERY.search(text)
    if m:
        found.append((m.start(), EVERY))
        text = _EVERY.sub(lambda m: " " * len(m.group(0)), text)
    for m in _FULL.finditer(text):
        found.append((m.start(), int(m.group(1))))
    for m in _HAN.finditer(text):
        year = int("".join(_DIGITS[c] for c in m.group(1)))
        if 1990 <= year <= 2099:
            found.append((m.start(), year))
    for m in _SHORT.finditer(text):
        found.append((m.start(), 2000 + int(m.group(1))))
    if not any(isinstance(y, int) or y.startswith(RECENT) or y == EVERY for _, y in found):
        for pattern, marker in _RELATIVE:
            m = pattern.search(text)
            if m:
                found.append((m.start(), marker))
                break
    out: list[int | str] = []
    for _, year in sorted(found, key=lambda item: item[0]):
        if year not in out:
            out.append(year)
    if any(isinstance(y, int) for y in out):  # 2022年到2024年每年: each of those years
        out = [y for y in out if y != EVERY]
    return out


def resolve(years: list[int | str], have: list[int]) -> list[int]:
    """The report years a question's years mean for an agency with reports of the years `have`
    (sorted): none named means the newest; 近三年 the three years up to the newest."""
    wanted: list[int] = []
    for year in years or [LATEST]:
        if year in (LATEST, NEXT):
            wanted.append(have[-1])
        elif year == PREVIOUS:
            wanted.append(have[-1] - 1)
        elif year == EVERY:
            wanted.extend(have)
        elif isinstance(year, str) and year.startswith(RECENT):
            wanted.extend(range(have[-1] - int(year[len(RECENT):]) + 1, have[-1] + 1))
        else:
            wanted.append(year)
    return list(dict.fromkeys(wanted))



def strip_years(text: str) -> str:
    """The text with its year expressions blanked out."""
    for pattern in (_RANGE, _RECENT, _EVERY, _FULL, _HAN, _SHORT, *(p for p, _ in _RELATIVE)):
        text = pattern.sub(" ", text)
    return re.sub(r"(?<=\s)年度?", " ", text)
