"""A chunk's search terms, written at ingest and ranked by the store's full-text index (BM25): jieba's
search mode (words and their sub-words) with the reports' vocabulary (data/userdict.txt), lowercased,
punctuation and the words that only say how a question asks dropped. The app tokenises a query the
same way (qa/understanding/tokens.py).

Ingest uses a tokenizer of its own that knows the dictionary and, while one report is tokenised, that
report's agency and region: the terms of a report do not depend on which reports were written before
it, or in which process."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import jieba

from ..datafile import items, rows

USERDICT = Path(__file__).parent / "data" / "userdict.txt"
# The stop roles of the question words (one list for questions and reports: qa/data/words.tsv).
WORDS = Path(__file__).parents[2] / "qa" / "data" / "words.tsv"
STOP_ROLES = ("stop", "quantity", "question", "yesno", "rank")
NAME_FREQ = 2000  # a learned agency or region name: one token
_KEEP = re.compile(r"[\w\u4e00-\u9fff]")
_ingest = threading.Lock()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w for _, (role, listed) in rows(WORDS, ("role", "words")) if role in STOP_ROLES
                     for w in items(listed))


def new_tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.load_userdict(str(USERDICT))
    return tok


def search_tokens(tok: jieba.Tokenizer, text: str) -> list[str]:
    """The terms of a text, by one tokenizer."""
    stop = stopwords()
    return [t.lower() for t in tok.lcut_for_search(text) if t.strip() and _KEEP.search(t) and t not in stop]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Changes when the terms a text gets could: the dictionary, the stopwords, jieba's version."""
    h = hashlib.sha256(USERDICT.read_bytes())
    h.update("|".join(sorted(stopwords())).encode())
    h.update(getattr(jieba, "__version__", "").encode())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def _ingest_tokenizer() -> jieba.Tokenizer:
    return new_tokenizer()


@contextmanager
def _learning(tok: jieba.Tokenizer, names: list[str]):
    """The tokenizer knowing these names while the block runs, then exactly as before."""
    saved = {w: tok.FREQ.get(w) for w in names}
    total = tok.total
    try:
        for word in names:
            tok.add_word(word, freq=NAME_FREQ)
        yield tok
    finally:
        for word, freq in saved.items():
            if freq is None:
                tok.FREQ[word] = 0  # a prefix entry, as jieba keeps for every prefix: not a word
            else:
                tok.FREQ[word] = freq
            tok.user_word_tag_tab.pop(word, None)
        tok.total = total


def report_terms(texts: list[str], names: list[str]) -> list[list[str]]:
    """Each text's terms, the report's own agency and region names kept whole."""
    with _ingest:
        tok = _ingest_tokenizer()
        with _learning(tok, [n for n in dict.fromkeys(names) if n]):
            return [search_tokens(tok, text) for text in texts]
