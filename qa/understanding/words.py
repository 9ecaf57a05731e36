"""The words that route questions, read from qa/data/words.tsv: one loader, each word one role."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafile import DATA, items, rows

WORDS = DATA / "words.tsv"


@lru_cache(maxsize=4)
def roles(path: Path = WORDS) -> dict[str, tuple[str, ...]]:
    """Each role's words; a word listed under two roles is an error naming both."""
    out: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for n, (role, listed) in rows(path, ("role", "words")):
        words = items(listed)
        for word in words:
            if word.lower() in seen:
                raise ValueError(f"{path}:{n}: {word!r} is listed under {seen[word.lower()]!r} and {role!r}")
            seen[word.lower()] = role
        out[role] = out.get(role, ()) + words
    return out


def words(*names: str) -> frozenset[str]:
    """The words of the roles named."""
    table = roles()
    unknown = [n for n in names if n not in table]
    if unknown:
        raise KeyError(f"no role {unknown} in {WORDS.name}; roles: {sorted(table)}")
    return frozenset(w for n in names for w in table[n])


def pattern(*names: str, extra: str = "") -> re.Pattern:
    """A case-insensitive pattern of the roles' words, longest first, English ones as words with their
    endings (increase, increased); `extra` adds a structural alternative (比…多) no word list can say."""
    alternatives = [rf"\b{re.escape(w)}(?:s|es|d|ed|ing)?\b" if w.isascii() else re.escape(w)
                    for w in sorted(words(*names), key=len, reverse=True)]
    return re.compile("|".join(([extra] if extra else []) + alternatives), re.IGNORECASE)
