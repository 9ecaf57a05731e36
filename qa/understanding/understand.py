"""Question understanding: agencies, years, table cells and intent, by rules over the
gazetteer, the year patterns and the cell lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from index.tables.schema import APPLICATION_ROWS, APPLICATIONS

from ..datafile import DATA, items, rows
from .gazetteer import Gazetteer, Mentions
from .lexicon import Term, find_terms
from .normalize import normalize_question
from .places import ALL_BODIES, BELOW
from .tokens import tokenize
from .words import pattern, words
from .years import EVERY, NEXT, RECENT, find_years, strip_years

FIGURE, COMPARISON, RANKING, TEXT, CHANGE, LIST = "figure", "comparison", "ranking", "text", "change", "list"
APPLICATION_FORMAT = "2021"  # the items' order: the 2019 format's are the same, less （六）'s
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX = pattern("most")
_MIN = pattern("least")
_RANK = pattern("rank")
# Every report, whatever its year (这五份年报里…哪家最多), not only the newest year's.
_EVERY = pattern("every_report", extra=r"[几两三四五六七八九十]个(?:机关|单位|部门|市|区|县)|[几两三四五六七八九十][家份]")
_THESE = re.compile(r"这[几两三四五六七八九十些]|these|those|them", re.IGNORECASE)  # the agencies just named
_COMPARE = pattern("compare", "difference")
# Change over the previous year is told in the text; the tables print one year (but the 2019 proactive table's 增/减).
# So are rates and shares (答复率, 满意率): the tables print counts.
_CHANGE = pattern("change", "change_amount", "rate")
_RATE = pattern("rate")
# A change between two years asked for (2025年比2024年少收了多少件): computed from the two cells.
_DIFF = pattern("diff", "difference", "change_amount", extra=r"比.{0,15}?(?:多(?!少)|少|增|减|高|低|涨|降)")
_PRIOR = re.compile(r"比(?:上一?年度?|去年|前一年)|than (?:the year before|last year|the previous year)", re.IGNORECASE)
_QUANTITY = pattern("quantity")
# Which reports there are (山东省的报告, 淮安市下面有哪些报告): a list, not a figure.
_LIST = pattern("list")
# What may stand beside it in such a question (有哪些报告, 所有的报告, which reports are there).
_LIST_WORDS = pattern("list", "filler", "stop", "quantity", "question", "asking", "every_report", "below",
                      extra=r"[\s,.?!，。？！、：:;；]")
# Words that ask about several agencies at once: a place over indexed agencies is then their scope.
_MANY = pattern("rank", "compare", "most", "least", "every_report", "list")
_ADVERB_TOTAL = words("total")
# What may remain of a follow-up question once its agency or year is taken out.
_FILLER = pattern("filler", "stop", "quantity", "question", "compare", "total", extra=r"[\s,.?!，。？！、：:;；]")
# A row named as the scope of what is asked (办完的申请里，…; 新收的申请中，…).
_SCOPE = re.compile(r"[的之]?(?:政府信息公开|信息公开)?(?:申请|件)?(?:里面|里|当中|之中|中)[，,、]?")
# Figures over several reports (所有机关一共, 平均每家, 各占多少, 多多少): combined, with the working.
_SUM, _MEAN, _DIFFERENCE = pattern("total"), pattern("mean"), pattern("difference")
# A summary of a report (总结一下…工作): its words, with nothing left that names a topic.
_SUMMARY = pattern("summary")
_SUMMARY_WORDS = pattern("summary", "generic", "filler", "stop", "asking", "question", "yesno", "body_en",
                         extra=r"[\s,.?!，。？！、：:;；'’\"“”]")
# What annual reports do not hold: how to apply, opinions, who holds an office, writing for the asker.
_OUTSIDE = {"help": pattern("help"), "procedure": pattern("procedure"), "opinion": pattern("opinion")}
_OFFICIAL, _WHO = pattern("official"), pattern("who")


@dataclass(frozen=True)
class Ask:
    """One table row asked about; columns are alternatives per column asked
    (empty: the row's default); reading names one side of an ambiguous phrase."""

    table: str
    row: str
    columns: tuple[tuple[str, ...], ...] = ()
    ambiguous: str = ""


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    agencies: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    years: list = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    intent: str = TEXT
    order: str = ""  # "max" or "min" for a ranking
    rest: str = ""  # the question without agency names, for retrieval
    residue: str = ""  # what no agency, year or cell phrase explains (协助 in 协助办理了多少件申请)
    quantity: bool = False  # asks for a number (多少, how many)
    weak: bool = False  # the row was only inferred from a generic word: 申请 / application, 答复 / answered
    tokens: tuple[str, ...] = ()  # search tokens of the question without its agencies and years, made once
    followup: bool = False
    every: bool = False  # a ranking over every report, each agency's newest, not one year's
    ambiguous: list = field(default_factory=list)  # (name, agencies) for a name that fits several
    combine: str = ""  # over several reports: "sum", "mean", "share" or "diff" (所有机关一共, 平均每家…)
    summary: bool = False  # 总结一下…工作: the report's own account and its key figures
    outside: str = ""  # what reports do not hold: "procedure", "opinion", "person" or "help"
    unglossed: tuple[str, ...] = ()  # an English question's words the glossary has no Chinese for
    nearby: list = field(default_factory=list)  # indexed agencies near an unknown place, nearest first


GLOSSARY = DATA / "glossary.tsv"


@lru_cache(maxsize=1)
def _glossary() -> list[tuple[re.Pattern, str]]:
    out = []
    for _, (english, chinese) in rows(GLOSSARY, ("English", "Chinese")):
        words = "|".join(re.escape(w) for w in sorted(items(english), key=len, reverse=True))
        out.append((re.compile(rf"\b(?:{words})\b", re.IGNORECASE), chinese))
    return out


def chinese_terms(text: str) -> str:
    """The reports' Chinese words for the English words of a text question (problems → 问题 不足)."""
    return " ".join(chinese for pattern, chinese in _glossary() if pattern.search(text))


def glossed(text: str) -> list[tuple[str, ...]]:
    """The reports' Chinese words for each English phrase of a question, a longer phrase taking its words
    from a shorter one (information processing fees, not also fees): alternatives, any of which says it."""
    found = sorted(((m.start(), m.end(), chinese) for p, chinese in _glossary() for m in p.finditer(text)),
                   key=lambda f: f[0] - f[1])
    kept: list[tuple[int, int, str]] = []
    for start, end, chinese in found:
        if not any(a < end and start < b for a, b, _ in kept):
            kept.append((start, end, chinese))
    return list(dict.fromkeys(tuple(chinese.split()) for _, _, chinese in sorted(kept)))


_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_PLAIN_ENGLISH = pattern("quantity", "question", "filler", "stop", "asking", "yesno", "total", "compare",
                         "difference", "most", "least", "rank", "every_report", "list", "below", "body_en")


def unglossed(text: str) -> list[str]:
    """An English question's words that neither say how it asks nor have the reports' Chinese for them in
    the glossary: what a Chinese sentence cannot be checked against (an agency's words, which the
    gazetteer reads, are not among them)."""
    known = [m.span() for p, _ in _glossary() for m in p.finditer(text)]
    known += [m.span() for m in _PLAIN_ENGLISH.finditer(text)]
    return [m.group(0) for m in _ENGLISH_WORD.finditer(text)
            if len(m.group(0)) > 2 and not any(a <= m.start() < b for a, b in known)]


def language(text: str) -> str:
    return "zh" if _CJK.search(text) else "en"


def understand(text: str, gazetteer: Gazetteer, previous: Query | None = None) -> Query:
    """Read a question; with `previous`, a follow-up (那济南呢？, 2020年呢？) reuses its slots."""
    text = normalize_question(text)
    mentions = gazetteer.find(text)
    terms = find_terms(mentions.rest)
    masked = _mask(mentions.rest, terms)
    agencies, unknown, nearby = _scoped(mentions, masked)
    years = find_years(masked, mentions.rest)
    asks = _numbered(_asks(terms), masked)
    # on the words as asked: a cell's phrase may hold the change word (增加, change)
    change = _change_years(mentions.rest, years)
    if change:
        years = change
    combine = _combine(masked, mentions.rest, agencies, asks)
    if change:
        combine = ""
    elif _CHANGE.search(masked) and all(a.table != "proactive" for a in asks) and combine != "share":
        asks = []
    if len(_QUANTITY.findall(mentions.rest)) >= 2:
        # 复议有多少件，其中维持了几件: the total as well as the column named.
        asks = [replace(a, columns=(*a.columns, ("total",))) if a.columns and a.table != "proactive"
                and ("total",) not in a.columns else a for a in asks]
    lang = language(text)
    rest = mentions.rest.strip()
    if lang == "en":
        rest = (rest + " " + chinese_terms(rest)).strip()
    query = Query(text=text, language=lang, agencies=agencies, unknown=unknown, nearby=nearby,
                  unglossed=tuple(unglossed(masked)) if lang == "en" else (),
                  tokens=tuple(tokenize(strip_years(rest))),
                  ambiguous=mentions.ambiguous, combine=combine, outside=_outside(mentions.rest),
                  summary=not asks and _is_summary(masked),
                  years=years, asks=asks, rest=rest, quantity=bool(_QUANTITY.search(mentions.rest)),
                  residue=strip_years(ALL_BODIES.sub(" ", BELOW.sub(" ", masked))),
                  # (an English question leaves many words unexplained: there 答复's answered stays a row)
                  # (办完的申请里，…的有多少: a row named as the scope of another is not itself asked)
                  weak=bool(asks) and not any((t.kind in ("row", "ambiguous") or t.kind == "ctxrow" and lang == "en")
                                              and not (combine != "share" and _SCOPE.match(mentions.rest, t.end))
                                              for t in terms))
    query = replace(query, **({"intent": CHANGE} if change and asks else _intent(query, masked)))
    if combine and not query.every:
        query = replace(query, every=bool(_EVERY.search(masked)))  # 所有机关一共: every agency's report
    if previous is not None:
        query = _follow(query, previous, masked, [t for t in terms if t.kind == "col"])
    return query


def _scoped(mentions: Mentions, masked: str) -> tuple[list[str], list[str], list[str]]:
    """The agencies, unknown places and agencies near them, once each place over indexed agencies is
    read: their scope when the question asks about several (江苏省各地, 山东省哪个城市最多, 淮安市下面),
    else a place whose own report is not indexed (江苏省2024年新收多少: no such report), whose
    agencies are named first instead."""
    agencies, unknown, nearby = list(mentions.agencies), list(mentions.unknown), list(mentions.nearby)
    many = bool(_MANY.search(masked))
    for scope in mentions.scopes:
        if scope.below or many:
            agencies += [a for a in scope.agencies if a not in agencies]
        else:
            unknown.append(scope.name)
            nearby = [*scope.agencies, *(a for a in nearby if a not in scope.agencies)]
    return sorted(agencies), unknown, nearby


def _change_years(masked: str, years: list) -> list[int]:
    """The two years whose difference is asked for, earlier first (2025年比2024年少收了多少: 2024, 2025;
    2024年比上年: 2023, 2024); [] when the question asks for no change between two years. Rates and
    shares (增长率, 占比) are not differences."""
    if not _DIFF.search(masked) or _RATE.search(masked):
        return []
    ints = [y for y in years if isinstance(y, int)]
    if len(ints) == 1 and _PRIOR.search(masked):
        ints = [ints[0] - 1, ints[0]]
    return sorted(ints) if len(ints) == 2 else []


def _mask(text: str, terms: list[Term]) -> str:
    for t in terms:
        text = text[:t.start] + " " * (t.end - t.start) + text[t.end:]
    return text


def _asks(terms: list[Term]) -> list[Ask]:
    weak = [t for t in terms if t.kind == "weakrow"]
    rows = ([t for t in terms if t.kind in ("row", "ambiguous")]
            or [t for t in terms if t.kind == "ctxrow" and weak] or weak[:1])
    keys = {k for t in rows for k in t.keys}
    # A named item (重复申请) makes its group (不予处理) redundant.
    rows = [t for t in rows if not any(k[0] == t2[0] and k[1].startswith(t2[1] + ".") for k in keys for t2 in t.keys)]
    asks: list[Ask] = []
    for t in rows:
        for table, row in t.keys:
            # A named kind of lawsuit (直接起诉) makes the general 行政诉讼 redundant.
            if row == "suit" and keys & {(table, "suit_direct"), (table, "suit_after_review")}:
                continue
            columns = tuple(tuple(k for tb, k in c.keys if tb == table) for c in terms if c.kind == "col"
                            and any(tb in (table, "*") for tb, _ in c.keys))
            # 一共 with a column named (法人一共多少) sums that column; alone it is the total column.
            columns += tuple(("total",) for c in terms if c.kind == "col" and c.keys == (("*", "total"),)
                             and table != "proactive" and not (columns and c.phrase in _ADVERB_TOTAL))
            columns = tuple(dict.fromkeys(c for c in columns if c))
            ask = Ask(table, row, columns, t.phrase if t.kind == "ambiguous" else "")
            if ask not in asks:
                asks.append(ask)
    return asks


# An item named by its number inside its group (“其他处理”中的“3.其他”, 不予公开的第2项).
_ITEM = re.compile(r"第\s*([一二三四五六七八九1-9])\s*(?:项|类|种)|(?<![\d.])([1-9])\s*[.．、](?!\d)")
_CN_DIGITS = "一二三四五六七八九"


# An item named by its label inside its group (“其他处理”中的“其他”): the label, quoted, after 中的/的.
_QUOTED_ITEM = re.compile(r"(?:中|里|当中|之中)?的\s*[“\"‘']([^”\"’']{1,24})[”\"’']")


def _item_label(label: str) -> str:
    """An item's own words: 3.其他 of （六）其他处理 · 3.其他 is 其他."""
    return re.sub(r"^\d+\.", "", label.split("·")[-1].strip())


def _numbered(asks: list[Ask], masked: str) -> list[Ask]:
    quoted = _QUOTED_ITEM.search(masked)
    if quoted:
        out = []
        for ask in asks:
            items = {_item_label(r.label): r.key for r in APPLICATION_ROWS[APPLICATION_FORMAT]
                     if r.key.startswith(ask.row + ".")} if ask.table == APPLICATIONS else {}
            key = items.get(quoted.group(1).strip())
            out.append(replace(ask, row=key) if key else ask)
        asks = out
    m = _ITEM.search(masked)
    if not m:
        return asks
    number = m.group(1) or m.group(2)
    n = _CN_DIGITS.index(number) + 1 if number in _CN_DIGITS else int(number)
    out = []
    for ask in asks:
        items = [r.key for r in APPLICATION_ROWS[APPLICATION_FORMAT] if r.key.startswith(ask.row + ".")]
        out.append(replace(ask, row=items[n - 1]) if ask.table == APPLICATIONS and 0 < n <= len(items) else ask)
    return out


def _intent(query: Query, masked: str) -> dict:
    if not query.asks:
        lists = _LIST.search(masked) and not _LIST_WORDS.sub("", strip_years(masked)).strip()
        return {"intent": LIST if lists else TEXT}
    order = "min" if _MIN.search(masked) else "max" if _MAX.search(masked) else ""
    if order and (len(query.agencies) != 1 or _RANK.search(masked) or _years_of_one(query)):
        return {"intent": RANKING, "order": order, "every": bool(_EVERY.search(masked))}
    if len(query.agencies) > 1 or _years_of_one(query) or _COMPARE.search(masked):
        return {"intent": COMPARISON}
    return {"intent": FIGURE}


def _combine(masked: str, words: str, agencies: list[str], asks: list[Ask]) -> str:
    """How figures of several reports, or a part and its whole, are to be combined, when the question
    says so (read in `words`, the question before its cell phrases were blanked: 一共 or how much may
    also be a cell's phrase). A share is of several reports' total, or of a part in its whole (办完的申请里
    全部公开的占多少: two cells; 新收的申请中自然人占多少: a column of its row's total)."""
    several = len(agencies) > 1 or bool(_EVERY.search(masked))
    part_of_whole = len(asks) == 2 or (len(asks) == 1 and any(c != ("total",) for c in asks[0].columns))
    if _MEAN.search(words):
        return "mean"
    if _RATE.search(words) and (several or part_of_whole):
        return "share"
    if _DIFFERENCE.search(words):
        return "diff"
    return "sum" if _SUM.search(words) else ""


def _is_summary(masked: str) -> bool:
    """总结一下聊城市2024年政府信息公开工作, summarize the report: a summary word and no topic of its own."""
    if not _SUMMARY.search(masked):
        return False
    left = _SUMMARY_WORDS.sub(" ", re.sub(r"\b(?:19|20)\d{2}\b", " ", strip_years(masked)))
    return not [w for w in left.split() if len(w) > (2 if w.isascii() else 1)]


def _outside(text: str) -> str:
    """What the question asks that no annual report holds ('' when it asks what reports hold)."""
    for role, found in _OUTSIDE.items():
        if found.search(text):
            return role
    return "person" if _OFFICIAL.search(text) and _WHO.search(text) else ""


def _years_of_one(query: Query) -> bool:
    """Several years asked about: a range or set, 历年, 近三年."""
    return (len([y for y in query.years if isinstance(y, int)]) > 1
            or any(y == EVERY or (isinstance(y, str) and y.startswith(RECENT)) for y in query.years))


def _follow(query: Query, previous: Query, masked: str, columns: list[Term]) -> Query:
    """Fill what a follow-up leaves out from the previous question."""
    if NEXT in query.years:  # 那下一年呢？ the year after the one asked before
        before = [y for y in previous.years if isinstance(y, int)]
        query = replace(query, years=[y for y in query.years if y != NEXT] + ([max(before) + 1] if before else [NEXT]))
    residue = _FILLER.sub("", re.sub(r"\d+", "", strip_years(masked)))
    if not query.asks and columns and previous.asks and not residue.strip("被了有件多少几部项个条篇份次家"):
        # 被纠正的呢？ after a question on 行政复议: the previous rows, this column.
        asks = [replace(a, columns=tuple(tuple(k for tb, k in c.keys if tb in (a.table, "*")) for c in columns))
                for a in previous.asks]
        asks = [replace(a, columns=tuple(c for c in a.columns if c)) for a in asks]
        if any(a.columns for a in asks):
            return replace(previous, text=query.text, language=query.language, asks=[a for a in asks if a.columns],
                           agencies=query.agencies or previous.agencies, years=query.years or previous.years,
                           followup=True)
    only_slots = not query.asks and not residue and (query.agencies or query.years or query.unknown)
    if only_slots:
        agencies = query.agencies or ([] if query.unknown else previous.agencies)
        intent = previous.intent
        if query.agencies and previous.intent in (RANKING, COMPARISON, FIGURE):
            intent = COMPARISON if len(agencies) > 1 else FIGURE
        return replace(previous, text=query.text, language=query.language, agencies=agencies,
                       unknown=query.unknown, years=query.years or previous.years, intent=intent, followup=True,
                       order=previous.order if intent == RANKING else "")
    if (query.asks and not query.agencies and not query.unknown and query.intent != RANKING and previous.agencies
            and (not _EVERY.search(masked) or _THESE.search(masked))):  # (所有机关: every agency, 这几个市: those)
        return replace(query, agencies=previous.agencies, years=query.years or previous.years, followup=True,
                       intent=query.intent if len(previous.agencies) == 1 else COMPARISON)
    return query
