"""Chinese word tokens for lexical search: jieba with the reports' own vocabulary."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import jieba

USERDICT = Path(__file__).parent / "data" / "userdict.txt"
_KEEP = re.compile(r"[\w\u4e00-\u9fff]")
STOPWORDS = frozenset(
    ["件", "条", "次", "几", "的", "了", "和", "与", "及", "等", "是", "在", "对", "为", "将", "中", "有", "共", "个", "我", "本", "其", "并", "于", "以", "这", "也", "把", "被", "之", "从", "而", "或", "上", "下", "均", "已", "向", "由", "按", "所", "各", "该", "进行", "开展", "通过", "加强", "进一步", "持续", "全面", "工作", "情况", "方面", "相关", "有关", "多少", "什么", "哪些", "哪个", "怎么", "如何", "吗", "呢", "么", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "一是", "二是", "三是", "四是", "五是"]
)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.load_userdict(str(USERDICT))
    return tok


def add_words(words) -> None:
    """Teach the tokenizer agency and region names, so they stay one token."""
    tok = tokenizer()
    for word in words:
        if word:
            tok.add_word(word, freq=2000)


def tokenize(text: str) -> list[str]:
    """Search tokens: jieba's search mode (words and their sub-words), stopwords and punctuation dropped."""
    return [t.lower() for t in tokenizer().lcut_for_search(text)
            if t.strip() and _KEEP.search(t) and t not in STOPWORDS]
