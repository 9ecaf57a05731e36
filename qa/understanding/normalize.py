"""A question as the rules read it: traditional characters as simplified (OpenCC), full-width digits
and letters as ASCII, so that 聊城市２０２４年結轉了多少件申請 reads as 聊城市2024年结转了多少件申请.
Place names the gazetteer knows as written stay as written (乾安县 is no 干安县)."""

from __future__ import annotations

from functools import lru_cache

from index.formats import halfwidth
from index.places import find


@lru_cache(maxsize=1)
def _simplified():
    import opencc

    return opencc.OpenCC("t2s")


def normalize_question(text: str) -> str:
    text = halfwidth(text)
    converted = _simplified().convert(text)
    if converted == text or len(converted) != len(text):
        return converted
    for m in find(text):  # names of places, already as the gazetteer writes them
        converted = converted[:m.start] + text[m.start:m.end] + converted[m.end:]
    return converted
