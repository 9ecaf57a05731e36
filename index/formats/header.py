"""The header block a web crawler writes above a page's text (标题: …, 发布时间: …, 原文链接: …): the
page's metadata, given as the file's properties and kept out of the report's text. The fields it
knows are data (data/header_fields.tsv)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafile import items, rows

FIELDS = Path(__file__).parent / "data" / "header_fields.tsv"
MAX_FIELDS = 30  # a header is a page's few fields, not its text
_RULE = re.compile(r"^\s*[-=_*#]{3,}\s*$")


@lru_cache(maxsize=1)
def _fields() -> dict[str, str]:
    return {name.lower(): prop for _, (prop, names) in rows(FIELDS, ("property", "field names")) for name in items(names)}


def _field(line: str) -> tuple[str, str] | None:
    match = re.match(r"^\s*([^:：]{1,12}?)\s*[:：]\s*(.*?)\s*$", line)
    if match and match.group(1).lower() in _fields():
        return _fields()[match.group(1).lower()], match.group(2)
    return None


def split_header(text: str) -> tuple[dict[str, str], str]:
    """({property: value} of a leading header block, the text after it); ({}, text) when it has none."""
    lines = text.split("\n")
    found: dict[str, str] = {}
    end = 0
    for n, line in enumerate(lines[:MAX_FIELDS * 2]):
        if not line.strip() or (found and _RULE.match(line)):
            continue
        field = _field(line)
        if field is None:
            break
        if field[0] != "-" and field[1]:
            found.setdefault(field[0], field[1])
        end = n + 1
    if not end:
        return {}, text
    while end < len(lines) and (not lines[end].strip() or _RULE.match(lines[end])):
        end += 1
    return found, "\n".join(lines[end:])
