"""The evaluation questions: loading, checking against the corpus, and where each gold citation sits."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from index import FactsStore, UserError, normalize
from index.tables.schema import (
    APPLICATION_ROWS,
    PROACTIVE_COLUMN_LABELS,
    PROACTIVE_ROWS,
    RESULT_GROUPS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"
CATEGORIES = ("table_figure", "derived_figure", "comparison_ranking", "text_fact", "ambiguity", "refusal",
              "english", "followup", "naming", "over_years", "summary", "aggregate")
EXPECTS = ("answer", "refuse", "clarify")
ORGANISATIONS = ("commercial", "research", "nonprofit", "legal_service", "other_org")


@dataclass(frozen=True)
class Question:
    id: str
    category: str
    question: str
    expect: str
    numbers: tuple[str, ...] = ()
    citations: tuple[dict, ...] = ()  # a place, or {"any": [place, place]}
    context: tuple[str, ...] = ()
    note: str = ""

    @property
    def sentences(self) -> list[dict]:
        """The gold sentence citations that must be cited (not alternatives)."""
        return [c for c in self.citations if "quote" in c]


@dataclass
class Locations:
    """Character spans of gold places in the report texts, for matching quotes by position."""

    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def of(self, place: dict) -> list[tuple[int, int]]:
        return self.spans.get(key(place), [])


def key(place: dict) -> str:
    if "quote" in place:
        return f"{place['report']}|quote|{place['quote']}"
    return f"{place['report']}|{place['table']}|{place['row']}|{place['column']}"


def places(citation: dict) -> list[dict]:
    return citation.get("any", [citation])


def load(path: Path = QUESTIONS) -> list[Question]:
    """The questions of a JSON-lines file; a malformed line is an error naming its line."""
    out, seen = [], set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            q = Question(raw["id"], raw["category"], raw["question"], raw["expect"], tuple(raw.get("numbers", ())),
                         tuple(raw.get("citations", ())), tuple(raw.get("context", ())), raw.get("note", ""))
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(f"{path.name} line {n}: not a question ({exc})") from exc
        if q.id in seen:
            raise UserError(f"{path.name} line {n}: duplicate id {q.id!r}")
        if q.category not in CATEGORIES or q.expect not in EXPECTS:
            raise UserError(f"{path.name} line {n}: category must be one of {CATEGORIES}, expect one of {EXPECTS}")
        seen.add(q.id)
        out.append(q)
    return out


def _cell_keys(table: str) -> tuple[set[str], set[str]]:
    if table == "applications":
        rows = {r.key for rows in APPLICATION_ROWS.values() for r in rows} | set(RESULT_GROUPS)
        return rows, {"natural_person", *ORGANISATIONS, "organisations", "total"}
    if table == "review_litigation":
        return set(REVIEW_GROUPS), set(REVIEW_COLUMNS)
    if table == "proactive":
        return set(PROACTIVE_ROWS), set(PROACTIVE_COLUMN_LABELS)
    return set(), set()


def _quote_pattern(quote: str) -> re.Pattern:
    """The quote, normalised as report text is, with any whitespace allowed between its characters
    (extraction spaces text oddly)."""
    chars = [re.escape(ch) for ch in normalize(quote) if not ch.isspace()]
    return re.compile(r"\s*".join(chars))


def locate(questions: list[Question], store: FactsStore) -> Locations:
    """Spans of every gold place; raises UserError listing the places that do not exist in the corpus."""
    reports = {r["id"] for r in store.reports()}
    facts: dict[str, list[tuple[int, int]]] = {}
    for f in store.facts():
        if f["start"] is None:
            continue
        span = (f["start"], f["end"])
        row, col = f["row"], f["column"]
        names = [row, row.split(".")[0]] if "." in row else [row]
        cols = [col, "organisations"] if col in ORGANISATIONS else [col]
        for r in names:
            for c in cols:
                facts.setdefault(f"{f['report_id']}|{f['table']}|{r}|{c}", []).append(span)
    texts: dict[str, str] = {}
    found, errors = Locations(), []
    for q in questions:
        for place in (p for c in q.citations for p in places(c)):
            if place.get("report") not in reports:
                errors.append(f"{q.id}: report {place.get('report')!r} is not indexed")
                continue
            if "quote" in place:
                text = texts.setdefault(place["report"], store.text(place["report"]))
                m = _quote_pattern(place["quote"]).search(text)
                if m is None:
                    errors.append(f"{q.id}: quote not in {place['report']}: {place['quote']!r}")
                else:
                    found.spans[key(place)] = [(m.start(), m.end())]
                continue
            rows, cols = _cell_keys(place.get("table", ""))
            if place.get("row") not in rows or place.get("column") not in cols:
                errors.append(f"{q.id}: no such cell {place}")
            found.spans[key(place)] = facts.get(key(place), [])
    if errors:
        raise UserError("the evaluation set does not match the corpus:\n" + "\n".join(errors))
    return found
