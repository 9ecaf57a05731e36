"""The one reader of the tab-separated knowledge files (index/*/data, qa/data): knowledge lives
there, not in code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def rows(path: Path, fields: tuple[str, ...], optional: int = 0) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each line that is not blank or a # comment; the last `optional`
    fields may be missing (read as ''). Any other count is an error naming the line and the fields."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if not len(fields) - optional <= len(parts) <= len(fields):
            raise ValueError(f"{path}:{n}: expected {'<TAB>'.join(fields)}, got {len(parts)} fields")
        yield n, parts + [""] * (len(fields) - len(parts))


def items(field: str, sep: str = "|") -> tuple[str, ...]:
    """A field's list (a|b|c), blanks dropped."""
    return tuple(w.strip() for w in field.split(sep) if w.strip())
