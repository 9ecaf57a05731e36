"""The answers' sentences in both languages, from qa/data/messages.tsv: one table, looked up by key."""

from __future__ import annotations

from functools import lru_cache

from ..datafile import DATA, rows

MESSAGES = DATA / "messages.tsv"
LANGUAGES = ("zh", "en")


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    out = {}
    for _, parts in rows(MESSAGES, ("key", "Chinese", "English")):
        key, zh, en = (p.replace("\\n", "\n") for p in parts)
        out[key] = {"zh": zh, "en": en}
    return out


def say(key: str, language: str, **values) -> str:
    """The message `key` in the language ('zh' or 'en'), filled in."""
    return table()[key]["en" if language == "en" else "zh"].format(**values)


def joined(items: list[str], language: str) -> str:
    """A list in the language's way: 、 or ；in Chinese, ; in English."""
    return ("; " if language == "en" else "；").join(items)
