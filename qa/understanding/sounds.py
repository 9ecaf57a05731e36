"""Matching by sound: a pinyin keyboard's usual slip is a homophone (聊成 for 聊城, 复意 for 复议)."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

MIN_CHARS = 3  # shorter phrases match by characters only: two syllables collide too often


@lru_cache(maxsize=16384)
def syllable(ch: str) -> str:
    return lazy_pinyin(ch)[0] if "\u4e00" <= ch <= "\u9fff" else ch.lower()


def sound(text: str) -> list[str]:
    return [syllable(c) for c in text]


def occurrences(phrase: str, text: str, text_sound: list[str] | None = None) -> list[tuple[int, int]]:
    """Non-overlapping spans of the phrase in the text, by characters or (MIN_CHARS or more) by sound."""
    n = len(phrase)
    if n < MIN_CHARS or not re.search(r"[\u4e00-\u9fff]", phrase):
        out, i = [], text.find(phrase)
        while i >= 0:
            out.append((i, i + n))
            i = text.find(phrase, i + n)
        return out
    target = sound(phrase)
    heard = text_sound if text_sound is not None else sound(text)
    out, i = [], 0
    while i + n <= len(text):
        if heard[i] == target[0] and heard[i:i + n] == target:
            out.append((i, i + n))
            i += n
        else:
            i += 1
    return out


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` keeps characters of `name` in order, by sound (审批局, 审批服物局 → 行政审批服务局)."""
    sounds = iter(sound(name))
    return bool(short) and all(any(s == syllable(c) for s in sounds) for c in short)
