"""Chinese word tokens for lexical search: jieba with the reports' own vocabulary."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import jieba

from .words import words

USERDICT = Path(__file__).parents[1] / "data" / "userdict.txt"
_KEEP = re.compile(r"[\w\u4e00-\u9fff]")
# Words that say nothing about what is asked: function words, and how a question asks.
STOPWORDS = words("stop", "quantity", "question", "yesno", "rank")


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
