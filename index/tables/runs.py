"""Run-together cells: a row whose values come as one digit string stuck to its label, as a web
crawler flattens a table (一、本年新收政府信息公开申请数量350 000136 is 35 | 0 | 0 | 0 | 0 | 1 | 36). Spaces
inside the string are padding, not separators. Every split of the digits into the row's cells is
enumerated (no cell printed with a leading zero), and the tables' identities choose: a split is
kept only when exactly one survives, and rows left ambiguous are named with their candidates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import product

from .cells import Cell
from .facts import NOTE_ONLY_SPLIT, NOTE_SPLIT

__all__ = ["NOTE_ONLY_SPLIT", "NOTE_SPLIT", "choose", "has_run", "shown", "split_label_runs", "splits"]

MAX_SPLITS = 200_000  # splits of one row tried; beyond, the row is left unsplit
MAX_COMBINATIONS = 20000  # choices across ambiguous rows tried together
# a digit string stuck to the label before it; a following "2." is the next row's item number
_RUN = re.compile(r"\d[\d ]*(?:\.\d[\d ]*)?")
_ITEM_MARK = re.compile(r"[.．、]\D")

Part = tuple[str, int, int]  # digits, start, end in the report's text


def split_label_runs(lines: list[list[Cell]]) -> list[list[Cell]]:
    """Each label cell of a line without tabs that carries a digit string after its words, split into the
    label and a run cell (and any label after it, such as the next row's label on the same line)."""
    return [[part for cell in cells for part in _unrun(cell)] for cells in lines]


def _unrun(cell: Cell) -> list[Cell]:
    # (a cell of a tab row is a cell: 数据1 is a converter's header, not a label and a value)
    if cell.col >= 0 or cell.is_value or not re.search(r"\D\d", cell.text):
        return [cell]
    out: list[Cell] = []
    text, done = cell.text, 0
    for match in _RUN.finditer(text):
        digits, start, end = match.group().rstrip(), match.start(), match.start() + len(match.group().rstrip())
        if _ITEM_MARK.match(text, end):  # 2.没有…: the last digit numbers the next row's item
            end -= 1
            digits = text[start:end].rstrip()
            end = start + len(digits)
        if not digits.strip() or start == 0 or text[start - 1] in "(（":
            continue  # an item number at the label's start, （1）
        out.append(replace(cell, text=text[done:start].strip(), end=cell.start + start))
        out.append(replace(cell, text=digits, start=cell.start + start, end=cell.start + end, run=True))
        done = end
    if not out:
        return [cell]
    if text[done:].strip():
        rest = text[done:]
        out.append(replace(cell, text=rest.strip(), start=cell.start + done + (len(rest) - len(rest.lstrip()))))
    return [c for c in out if c.text]


def has_run(cells: list[Cell]) -> bool:
    """Whether a row's values are run together: a digit string stuck to a label, or a number printed
    with a leading zero (0000, 00), which no cell is."""
    return any(c.run or re.fullmatch(r"0\d+", c.text) for c in cells) and not any("." in c.text for c in cells)


def digit_positions(cells: list[Cell]) -> list[tuple[str, int]]:
    """Each printed digit of the cells, in order, with its offset in the report's text."""
    return [(ch, c.start + i) for c in cells for i, ch in enumerate(c.text) if ch.isdigit()]


def splits(cells: list[Cell], width: int, keep: Callable[[list[int]], bool] = lambda _: True,
           totalled: bool = False) -> list[list[Part]] | None:
    """Every split of the cells' digits into `width` numbers, none with a leading zero, that `keep`
    accepts (totalled: the last number is the sum of the others, as a row's 总计); None when there are
    too many to try all (a split list cut short could make a wrong split look like the only one)."""
    digits = digit_positions(cells)
    out: list[list[Part]] = []
    if not width or len(digits) < width:
        return out
    found = _totalled(digits, width) if totalled else _compositions(digits, 0, width)
    for tried, bounds in enumerate(found, start=1):
        if tried > MAX_SPLITS:
            return None
        parts = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
        values = [int("".join(ch for ch, _ in p)) for p in parts]
        if keep(values) and (not totalled or values[-1] == sum(values[:-1])):
            out.append([("".join(ch for ch, _ in p), p[0][1], p[-1][1] + 1) for p in parts])
    return out


def _number(digits: list[tuple[str, int]], a: int, b: int) -> int | None:
    """The number digits[a:b] print, or None for one with a leading zero."""
    if b - a > 1 and digits[a][0] == "0":
        return None
    return int("".join(ch for ch, _ in digits[a:b]))


def _compositions(digits: list[tuple[str, int]], start: int, width: int) -> Iterator[tuple[int, ...]]:
    """Cut points (start, …, len) splitting digits[start:] into `width` numbers without leading zeros."""
    n = len(digits)
    if width == 1:
        if n - start == 1 or digits[start][0] != "0":
            yield (start, n)
        return
    for end in range(start + 1, n - width + 2):
        for rest in _compositions(digits, end, width - 1):
            yield (start, *rest)
        if digits[start][0] == "0":
            break  # a part starting with 0 is 0 itself


def _totalled(digits: list[tuple[str, int]], width: int) -> Iterator[tuple[int, ...]]:
    """Cut points of the splits whose last number is the sum of the others: the total is a suffix, and
    the parts before it are cut only while their sum stays within it."""
    n = len(digits)

    def parts(start: int, end: int, count: int, room: int) -> Iterator[tuple[int, ...]]:
        if count == 1:
            value = _number(digits, start, end)
            if value is not None and value == room:
                yield (start,)
            return
        for cut in range(start + 1, end - count + 2):
            value = _number(digits, start, cut)
            if value is None or value > room:
                break  # a longer part is larger still
            for rest in parts(cut, end, count - 1, room - value):
                yield (start, *rest)

    for total_start in range(width - 1, n):
        total = _number(digits, total_start, n)
        if total is None:
            continue
        for cuts in parts(0, total_start, width - 1, total):
            yield (*cuts, total_start, n)


def choose(candidates: dict[str, list[list[Part]]], holds: Callable[[dict[str, list[Part]]], bool]
           ) -> tuple[dict[str, list[Part]], dict[str, list[list[Part]]]]:
    """(the rows whose split the identities decide, the rows left ambiguous with their candidates). A
    row with one candidate is decided; the others are tried together and kept where `holds` accepts
    exactly one choice, or where every accepted choice agrees on them."""
    decided = {k: c[0] for k, c in candidates.items() if len(c) == 1}
    open_ = {k: c for k, c in candidates.items() if len(c) > 1}
    if not open_:
        return decided, {}
    total = 1
    for c in open_.values():
        total *= len(c)
    if total > MAX_COMBINATIONS:
        return decided, open_
    keys = list(open_)
    accepted = []
    for choice in product(*(open_[k] for k in keys)):
        trial = {**decided, **dict(zip(keys, choice))}
        if holds(trial):
            accepted.append(dict(zip(keys, choice)))
    agreed = {k: accepted[0][k] for k in keys if accepted and all(a[k] == accepted[0][k] for a in accepted)}
    return {**decided, **agreed}, {k: open_[k] for k in keys if k not in agreed}


def shown(parts: list[Part]) -> str:
    return "|".join(p[0] for p in parts)
