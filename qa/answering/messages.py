"""The answers' sentences in both languages, from qa/data/messages.tsv: one table, looked up by key."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MESSAGES = Path(__file__).parents[1] / "data" / "messages.tsv"
LANGUAGES = ("zh", "en")


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    out = {}
    for n, line in enumerate(MESSAGES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{MESSAGES}:{n}: expected key<TAB>Chinese<TAB>English")
        key, zh, en = (p.replace("\\n", "\n") for p in parts)
        out[key] = {"zh": zh, "en": en}
    return out


def say(key: str, language: str, **values) -> str:
    """The message `key` in the language ('zh' or 'en'), filled in."""
    return table()[key]["en" if language == "en" else "zh"].format(**values)


def joined(items: list[str], language: str) -> str:
    """A list in the language's way: 、 or ；in Chinese, ; in English."""
    return ("; " if language == "en" else "；").join(items)
