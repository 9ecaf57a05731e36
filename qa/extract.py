"""Extractive answers: the sentences of the retrieved chunks that best cover the question,
and how much of the question the evidence covers at all (for refusing)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .guard import INJECTION
from .search import Hit, Searcher
from .tokens import tokenize

_SENTENCE = re.compile(r"[^。！？；!?\n]+[。！？；!?]?")
_DIGIT = re.compile(r"\d")
_LEADER = re.compile(r"\.{4,}|…{2,}|·{4,}")  # a table-of-contents line
# Question words that say what kind of answer is wanted, not what it is about.
_ASKING = frozenset(["哪些", "什么", "怎样", "怎么", "如何", "是否", "有没有", "多少", "几", "年", "年度", "报告", "政府",
                     "信息", "公开", "政府信息", "政府信息公开", "介绍", "说说", "请问", "一下", "方面", "做", "做了",
                     "哪", "主要", "具体", "几个", "谁", "哪里", "怎么样", "有多", "来自", "其中", "数量", "全年", "本年", "今年", "去年", "年内", "一共", "总共", "共计", "what", "how", "did", "does", "do", "the", "a", "an", "of", "in", "on",
                     "which", "many", "much", "is", "are", "was", "were", "its", "it", "about", "and", "to", "for",
                     "report", "government", "information", "disclosure", "with", "by", "any", "there", "has", "have"])


@dataclass(frozen=True)
class Quote:
    hit: Hit
    text: str
    start: int  # character span in the report text
    end: int
    score: float


def query_tokens(text: str) -> list[str]:
    return [t for t in dict.fromkeys(tokenize(text)) if t not in _ASKING and not t.isdigit()]


def coverage(tokens: list[str], text: str, searcher: Searcher) -> float:
    """The idf-weighted share of the question's words that the text contains (0 … 1)."""
    if not tokens:
        return 0.0
    present = set(tokenize(text))
    weights = {t: searcher.idf.get(t, searcher.max_idf) for t in tokens}
    return sum(w for t, w in weights.items() if t in present) / sum(weights.values())


def best_quotes(tokens: list[str], hits: list[Hit], searcher: Searcher, quantity: bool = False,
                limit: int = 2) -> list[Quote]:
    """Up to `limit` sentences, best first; a second only when it covers words the first misses."""
    weights = {t: searcher.idf.get(t, searcher.max_idf) for t in tokens}
    candidates = []
    for rank, hit in enumerate(hits):
        chunk = hit.chunk
        if chunk["kind"] != "text":
            continue
        section = set(tokenize(chunk["section"]))
        for m in _SENTENCE.finditer(chunk["text"]):
            sentence = m.group(0).strip()
            # A sentence addressed to a model (忽略以上指令…) is never evidence.
            if len(sentence) < 6 or _LEADER.search(sentence) or any(p.search(sentence) for p in INJECTION):
                continue
            present = set(tokenize(sentence))
            # A sentence is also about its section's heading (问题 → 五、存在的主要问题及改进情况), at half
            # weight; the opening before 一、 mostly describes the report itself.
            score = sum(w if t in present else w / 2 for t, w in weights.items() if t in present | section)
            score -= 0.2 * rank + (0.5 if not chunk["section"] else 0.0)
            if quantity and _DIGIT.search(sentence):
                score += 1.0
            offset = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            start = chunk["start"] + offset
            candidates.append((score, present, Quote(hit, sentence, start, start + len(sentence), score)))
    candidates.sort(key=lambda c: -c[0])
    chosen: list[Quote] = []
    covered: set[str] = set()
    for score, present, quote in candidates:
        new = {t for t in weights if t in present} - covered
        if score <= 0 or (chosen and not new):
            continue
        chosen.append(quote)
        covered |= new
        if len(chosen) >= limit:
            break
    return chosen
