"""Extractive answers: the sentences of the retrieved chunks that best cover the question,
and how much of the question the evidence covers at all (for refusing)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jieba.posseg

from ..datafile import DATA, items, rows
from ..llm.guard import INJECTION
from ..understanding.tokens import tokenize
from ..understanding.words import pattern, words
from .search import Hit, Searcher

_SENTENCE = re.compile(r"[^。！？；!?]+[。！？；!?]?")
# A line break ends a sentence after closing punctuation, at a heading, or before an enumerated
# line; otherwise it is a wrap (PDF text breaks lines at the page width, mid-sentence).
_LINE_END = re.compile(r"[。！？；：:!?]\s*$")
_LINE_START = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十]+[)）、]|[(（]?\d{1,2}[)）、.．](?!\d)|[一二三四五六七八九十]是|注[：:])")
_HEADING = re.compile(r"^[(（]?[一二三四五六七八九十]+[)）、][^，,。；]{0,14}[。：:]?$")  # (二)依申请公开。
# Sentences about the report itself (全文内容包括…), never an answer about the work.
_ABOUT_REPORT = re.compile(r"全文内容包括|全文包括|本报告(?:由|是根据|根据|中所列|所列|的电子版)|报告全文分为")
# A figure: a number that is not a year or a list's enumerator, or a Chinese numeral with a measure word.
_YEAR_OR_ENUMERATOR = re.compile(r"\d{4}\s*年|^\s*(?:注[：:])?\s*[(（]?\d{1,2}[)）、.](?!\d)")
# (一 alone is too often an article: 一件事, 一次性.)
# None at all (未发生…情形, 无…任务) answers 多少 as well.
_NONE = r"未发生|没有发生|为零|无[^，。；]{0,20}?(?:任务|情形)"  # a figure of nothing: it answers any how-many
_FIGURE = re.compile(r"\d|[二两三四五六七八九十百千万][一二两三四五六七八九十百千万]*(?:件|个|次|期|条|家|人|名|项|所|篇|场|份|余|多)"
                     r"|" + _NONE)
_LEADER = re.compile(r"\.{4,}|…{2,}|·{4,}")  # a table-of-contents line
# Question words that say what kind of answer is wanted, not what it is about.
# (counted: what a how-many counts, said colloquially: 案子, 件数; a cell says it in its own unit)
_ASKING = words("asking", "stop", "quantity", "question", "yesno", "rank", "filler", "total", "counted")
# 几件, 多少个, 几次: how many, in any measure word.
_HOW_MANY = re.compile(r"^(?:几|多少)[件个次期条家人名项所篇场份起宗回]?$")


SYNONYMS = DATA / "synonyms.tsv"
TOPICS = DATA / "topics.tsv"
SUBJECTS = DATA / "subjects.tsv"
ASPECTS = DATA / "aspects.tsv"
ASPECT_WEIGHT = 2.0  # about one well-chosen question word
# Parts of a two-part question (存在什么问题？打算怎么改？): answered one by one.
_PARTS = re.compile(r"[^？?；;。!！]+")
FILLER_WEIGHT = 0.5
TIE_BREAK = 0.05
_NOUN = re.compile(r"^(?:n|vn|eng|j)")  # jieba's tags for nouns, verbal nouns, foreign words, abbreviations


@dataclass(frozen=True)
class Quote:
    hit: Hit
    text: str
    start: int  # character span in the report text
    end: int
    score: float


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the text's paragraphs: its lines, with wrapped lines joined."""
    out: list[tuple[int, int]] = []
    pos, joined = 0, False
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body and joined and out and not _LINE_START.match(line):
            out[-1] = (out[-1][0], pos + len(line.rstrip("\r\n")))
        elif body:
            out.append((pos, pos + len(line.rstrip("\r\n"))))
        joined = bool(body) and not _LINE_END.search(body) and not _HEADING.match(body)
        pos += len(line)
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a text, a wrapped sentence whole."""
    return [(a + m.start(), a + m.end()) for a, b in paragraphs(text) for m in _SENTENCE.finditer(text[a:b])]


def _unwrap(text: str) -> str:
    """A wrapped sentence on one line: CJK lines join without a space, Latin ones with one."""
    return re.sub(r"(?<=[\x21-\x7e])\s*\n\s*(?=[\x21-\x7e])", " ", re.sub(r"(?<![\x21-\x7e])\s*\n\s*|\s*\n\s*(?![\x21-\x7e])", "", text))


def states_none(sentence: str) -> bool:
    return bool(re.search(_NONE, sentence))


def has_figure(sentence: str) -> bool:
    return bool(_FIGURE.search(_YEAR_OR_ENUMERATOR.sub(" ", sentence)))


def asking_tokens(tokens: list[str] | tuple[str, ...]) -> list[str]:
    """The question's words that content_tokens() leaves out as too common to decide (公开, 政府)."""
    return [t for t in dict.fromkeys(tokens) if t in _ASKING]


def content_tokens(tokens: list[str] | tuple[str, ...]) -> list[str]:
    """The question's words that say what it is about: not how it asks, not numbers."""
    return [t for t in dict.fromkeys(tokens) if t not in _ASKING and not t.isdigit() and not _HOW_MANY.match(t)]


def query_tokens(text: str) -> list[str]:
    return content_tokens(tokenize(text))


def weight(token: str, searcher: Searcher) -> float:
    """How much a question word counts: its idf in the reports; a word no report uses counts fully
    when it is a noun (人口, 房价: a topic the reports lack) and little otherwise (搞, 打算, 每天:
    a colloquial way of asking)."""
    if token in searcher.idf:
        # One character is a weak sign of a topic (区, 人): half weight.
        return searcher.idf[token] / (2 if len(token) == 1 else 1)
    return searcher.max_idf if len(token) > 1 and is_noun(token) else FILLER_WEIGHT


@lru_cache(maxsize=8192)
def is_noun(token: str) -> bool:
    return any(_NOUN.match(w.flag) for w in jieba.posseg.lcut(token))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    return {word: frozenset([word, *others.split()]) for _, (word, others) in rows(SYNONYMS, ("word", "report words"))}


def says(token: str, present: set[str]) -> bool:
    """Whether a text with these tokens says the question's word, in its own words or the reports' (上一年 → 上年)."""
    return token in present or not present.isdisjoint(synonyms().get(token, ()))


def coverage(tokens: list[str], text: str, searcher: Searcher) -> float:
    """The idf-weighted share of the question's words that the text contains (0 … 1)."""
    if not tokens:
        return 0.0
    present = set(tokenize(text))
    weights = {t: weight(t, searcher) for t in tokens}
    return sum(w for t, w in weights.items() if says(t, present)) / sum(weights.values())


@lru_cache(maxsize=1)
def topics() -> list[tuple[str, tuple[str, ...]]]:
    return [(role, items(words)) for _, (role, words) in rows(TOPICS, ("role", "words"))]


@lru_cache(maxsize=1)
def subjects() -> list[tuple[str, tuple[str, ...]]]:
    return [(name, items(words)) for _, (name, words) in rows(SUBJECTS, ("subject", "words"))]


def subjects_of(text: str) -> set[str]:
    """The subjects counted apart from disclosure work (proposals, fees) that a text names."""
    return {name for name, words in subjects() if any(w in text for w in words)}


@lru_cache(maxsize=1)
def aspects() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(name, items(asked), items(told))
            for _, (name, asked, told) in rows(ASPECTS, ("aspect", "words of questions", "words of sentences"))]


def aspect_of(question: str) -> str:
    """The side of problems-and-improvements a question asks about ('' for neither), the first in
    aspects.tsv winning (打算怎么解决这些问题: the plan)."""
    return next((name for name, asked, _ in aspects() if any(w in question for w in asked)), "")


def _aspect_score(aspect: str, sentence: str) -> float:
    """A sentence that tells the side asked gains; one that tells only the other side loses."""
    if not aspect:
        return 0.0
    told = {name for name, _, words in aspects() if any(w in sentence for w in words)}
    return ASPECT_WEIGHT if aspect in told else -ASPECT_WEIGHT if told else 0.0


def topic_roles(text: str) -> set[str]:
    """The template sections (roles) that report what the text asks about: problems and improvements
    (五), fees and proposals (六), the year's work (一)."""
    return {role for role, words in topics() if any(w in text for w in words)}


def section_role(path: str) -> str:
    """The role of the top-level section of a chunk's section path (五、存在的主要问题及改进情况 / …)."""
    from index.report.sections import role_of

    top = path.split(" / ")[0]
    return role_of(re.sub(r"^[一二三四五六七八九十]+、", "", top)) if top else ""


_QUESTION_WORD = pattern("question", "yesno", "quantity", "rank")


def question_parts(text: str) -> list[str]:
    """The parts of a question that asks two things (存在什么问题？打算怎么改？, or 存在什么问题，准备怎么改进？),
    each with two or more characters of its own; the whole question when it asks one."""
    parts = []
    for part in _PARTS.findall(text):
        pieces = [p for p in re.split(r"[，,]", part) if p.strip()]
        # a comma parts two questions only when each side asks one
        parts += pieces if len(pieces) > 1 and all(_QUESTION_WORD.search(p) for p in pieces) else [part]
    parts = [p.strip() for p in parts if len(p.strip()) >= 2]
    return parts if len(parts) > 1 else [text]


def best_quotes(tokens: list[str], hits: list[Hit], searcher: Searcher, quantity: bool = False,
                limit: int = 2, asking: list[str] = (), aspect: str = "") -> list[Quote]:
    """Up to `limit` sentences, best first; a second only when it covers words the first misses.
    The question's common words (`asking`: 公开, 政府) only break ties; in section 五, the side asked
    (`aspect`: problems or plans) counts as much as a question word."""
    weights = {t: weight(t, searcher) for t in tokens}
    candidates = []
    for rank, hit in enumerate(hits):
        chunk = hit.chunk
        if chunk["kind"] != "text":
            continue
        section = set(tokenize(chunk["section"]))
        for begin, end in sentence_spans(chunk["text"]):
            raw = chunk["text"][begin:end]
            sentence = _unwrap(raw).strip()
            # A sentence addressed to a model (忽略以上指令…) is never evidence.
            if len(sentence) < 6 or _LEADER.search(sentence) or _HEADING.match(sentence) or _ABOUT_REPORT.search(sentence) \
                    or any(p.search(sentence) for p in INJECTION):
                continue
            present = set(tokenize(sentence))
            # A sentence is also about its section's heading (问题 → 五、存在的主要问题及改进情况), at half
            # weight; the opening before 一、 mostly describes the report itself.
            score = sum(w if says(t, present) else w / 2 for t, w in weights.items() if says(t, present | section))
            score -= 0.2 * rank + (0.5 if not chunk["section"] else 0.0)
            score += TIE_BREAK * sum(t in present for t in asking)
            if section_role(chunk["section"]) == "problems":
                score += _aspect_score(aspect, sentence)
            if quantity and not has_figure(sentence):
                continue  # a sentence without a figure does not answer 多少 (改版花了多少钱 → 进行了改版)
            start = chunk["start"] + begin + len(raw) - len(raw.lstrip())
            candidates.append((score, present, Quote(hit, sentence, start, chunk["start"] + begin + len(raw.rstrip()),
                                                     score)))
    candidates.sort(key=lambda c: -c[0])
    chosen: list[Quote] = []
    covered: set[str] = set()
    for score, present, quote in candidates:
        new = {t for t in weights if says(t, present)} - covered
        if score <= 0 or (chosen and not new):
            continue
        chosen.append(quote)
        covered |= new
        if len(chosen) >= limit:
            break
    return chosen
