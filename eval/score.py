"""Judging one answer against its gold, and summing judgements into the harness's figures.

Pure functions over answers in the shape of qa.Answer.as_dict() (the baseline answers in
the same shape), so the system and the baseline are judged by the same code.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.llm.guard import numbers

from .gold import ORGANISATIONS, Locations, Question, places

REFUSAL, CLARIFY = "refusal", "clarify"


@dataclass(frozen=True)
class Judgement:
    question: Question
    answer: dict
    latency_ms: float
    numbers_ok: bool | None  # None: the gold has no numbers (or expects no answer)
    citations_ok: bool | None
    refusal_ok: bool
    crag: int  # +1 right, 0 abstained, -1 wrong
    hit_at_3: bool | None  # None: not a text question


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


def _same_cell(place: dict, cite: dict) -> bool:
    if cite.get("report_id") != place["report"] or cite.get("table") != place.get("table"):
        return False
    row, col = cite.get("row") or "", cite.get("column") or ""
    row_ok = row == place["row"] or row.startswith(place["row"] + ".")
    col_ok = col == place["column"] or (place["column"] == "organisations" and col in ORGANISATIONS)
    return row_ok and col_ok


def cites(place: dict, cite: dict, where: Locations) -> bool:
    """Whether an answer's citation points at a gold place: the same cell by its keys, or a
    quote of the same report whose span overlaps where the place is printed."""
    if "quote" not in place and _same_cell(place, cite):
        return True
    if cite.get("report_id") != place["report"] or cite.get("start") is None or cite.get("end") is None:
        return False
    span = (cite["start"], cite["end"])
    return any(_overlap(span, s) for s in where.of(place))


def numbers_right(q: Question, answer: dict) -> bool:
    """Every gold number is stated, and no other value is given for a gold cell."""
    stated = numbers(answer.get("answer", ""))
    if not all(numbers(n) <= stated for n in q.numbers):
        return False
    gold = set().union(*map(numbers, q.numbers)) if q.numbers else set()
    cells = {(c["report"], c["table"], c["row"], c["column"]) for c in q.citations if "table" in c}
    if len(cells) > len(q.numbers):
        cells = set()  # a sum of the cited cells: their own values are not claims about the cell asked
    return not any((f["report_id"], f["table"], f["row"], f["column"]) in cells and not numbers(str(f["value"])) <= gold
                   for f in answer.get("facts", []))


def citations_right(q: Question, answer: dict, where: Locations) -> bool:
    """Every gold citation (or one of its alternatives) is cited."""
    given = answer.get("citations", [])
    return all(any(cites(p, c, where) for p in places(g) for c in given) for g in q.citations)


def judge(q: Question, answer: dict, latency_ms: float, where: Locations, retrieved: list[dict] | None) -> Judgement:
    mode = answer.get("mode", "")
    refused, clarified = mode == REFUSAL, mode == CLARIFY
    answered = not refused and not clarified
    numbers_ok = citations_ok = None
    if q.expect == "answer":
        numbers_ok = answered and numbers_right(q, answer) if q.numbers else None
        citations_ok = answered and citations_right(q, answer, where) if q.citations else None
        right = answered and numbers_ok is not False and citations_ok is not False
        crag = 1 if right else 0 if not answered else -1
    else:
        right = refused if q.expect == "refuse" else clarified
        crag = 1 if right else -1 if answered else 0
    hit = None
    if q.expect == "answer" and q.sentences and retrieved is not None:
        hit = any(c["report_id"] == s["report"] and c.get("start") is not None
                  and any(_overlap((c["start"], c["end"]), span) for span in where.of(s))
                  for c in retrieved[:3] for s in q.sentences)
    return Judgement(q, answer, latency_ms, numbers_ok, citations_ok, refused == (q.expect == "refuse"), crag, hit)


def _share(values: list[bool | None]) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def _percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)


def summarise(judgements: list[Judgement]) -> dict:
    """The harness's figures over a list of judgements."""
    latencies = [j.latency_ms for j in judgements]
    return {
        "questions": len(judgements),
        "numeric_accuracy": _share([j.numbers_ok for j in judgements]),
        "citation_accuracy": _share([j.citations_ok for j in judgements]),
        "refusal_accuracy": _share([j.refusal_ok for j in judgements]),
        "crag_score": round(sum(j.crag for j in judgements) / len(judgements), 4) if judgements else None,
        "wrong": sum(j.crag == -1 for j in judgements),  # answers that state what is not the answer
        "hit_at_3": _share([j.hit_at_3 for j in judgements]),
        "latency_p50_ms": _percentile(latencies, 0.5),
        "latency_p95_ms": _percentile(latencies, 0.95),
    }


def failure(j: Judgement) -> dict:
    """A wrong or abstained judgement, as the report lists it."""
    got = {"mode": j.answer.get("mode"), "answer": j.answer.get("answer", ""),
           "citations": [{k: c.get(k) for k in ("report_id", "table", "row", "column", "quote") if c.get(k) is not None}
                         for c in j.answer.get("citations", [])]}
    expected = {"expect": j.question.expect, "numbers": list(j.question.numbers),
                "citations": list(j.question.citations)}
    return {"id": j.question.id, "category": j.question.category, "question": j.question.question,
            "context": list(j.question.context), "expected": expected, "got": got,
            "numbers_ok": j.numbers_ok, "citations_ok": j.citations_ok}
