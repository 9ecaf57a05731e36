"""Chinese word tokens for lexical search: jieba with the reports' own vocabulary."""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import jieba

from .words import words

USERDICT = Path(__file__).parents[1] / "data" / "userdict.txt"
_KEEP = re.compile(r"[\w\u4e00-\u9fff]")
# Words that say nothing about what is asked: function words, and how a question asks.
STOPWORDS = words("stop", "quantity", "question", "yesno", "rank")
# A question's words are tokenised many times while it is answered (its parts, its rest, the lexicon's
# checks): the tokens of the last CACHED short texts are kept, until the tokenizer learns a word.
CACHED, SHORT = 4096, 200
_cache: OrderedDict[str, tuple[str, ...]] = OrderedDict()
_lock = threading.Lock()


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.load_userdict(str(USERDICT))
    return tok


def add_words(words) -> None:
    """Teach the tokenizer agency and region names, so they stay one token."""
    tok = tokenizer()
    new = [w for w in dict.fromkeys(words) if w and tok.FREQ.get(w) != 2000]
    for word in new:
        tok.add_word(word, freq=2000)
    if new:
        with _lock:
            _cache.clear()


def tokenize(text: str) -> list[str]:
    """Search tokens: jieba's search mode (words and their sub-words), stopwords and punctuation dropped."""
    if len(text) > SHORT:
        return _tokens(text)
    with _lock:
        found = _cache.get(text)
        if found is not None:
            _cache.move_to_end(text)
            return list(found)
    found = tuple(_tokens(text))
    with _lock:
        _cache[text] = found
        if len(_cache) > CACHED:
            _cache.popitem(last=False)
    return list(found)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in tokenizer().lcut_for_search(text)
            if t.strip() and _KEEP.search(t) and t not in STOPWORDS]
