"""A question's search tokens: the terms of index/report/terms.py, by a tokenizer that knows every
indexed agency's name."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache

import jieba

from index.report.terms import NAME_FREQ, new_tokenizer, search_tokens, stopwords

# Words that say nothing about what is asked: function words, and how a question asks.
STOPWORDS = stopwords()
# A question's words are tokenised many times while it is answered (its parts, its rest, the lexicon's
# checks): the tokens of the last CACHED short texts are kept, until the tokenizer learns a word.
CACHED, SHORT = 4096, 200
_cache: OrderedDict[str, tuple[str, ...]] = OrderedDict()
_lock = threading.Lock()


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The app's tokenizer: the reports' dictionary and every indexed agency's and region's name."""
    return new_tokenizer()


def add_words(words) -> None:
    """Teach the tokenizer agency and region names, so they stay one token."""
    tok = tokenizer()
    new = [w for w in dict.fromkeys(words) if w and tok.FREQ.get(w) != NAME_FREQ]
    for word in new:
        tok.add_word(word, freq=NAME_FREQ)
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
    return search_tokens(tokenizer(), text)
