"""The chat's messages, in Gradio's messages format: an answer growing piece by piece as it
streams, then its citations, each also as a collapsed message that opens to its context."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..answering.compose import Citation, report_name
from ..retrieval.lookup import Facts
from .render import citation_html

_PIECE = re.compile(r".+?(?:[。；！？!?\n]|$)", re.S)
_MARKDOWN = re.compile(r"([\\`*_#|<>])")
QUOTE_CHARS = 120  # of a citation's quoted line shown under the answer; the context shows all of it


def literal(text: str) -> str:
    """Text shown as typed: the chat renders markdown (and HTML), report text and questions must not."""
    return _MARKDOWN.sub(r"\\\1", text)


STEPS = 3  # updates per streamed answer: each one re-sends the chat, so a long ranking is not sent 20 times


def growing(text: str, steps: int = STEPS) -> Iterator[str]:
    """The answer in up to `steps` growing parts, cut at sentence ends, each time from its start."""
    pieces = _PIECE.findall(text)
    size = -(-len(pieces) // steps) if pieces else 1
    for end in range(size, len(pieces) + size, size):
        yield literal("".join(pieces[:end]))


def citation_line(c: Citation) -> str:
    """[1] report · section · row × column：「quoted line」"""
    place = [report_name({"agency": c.agency, "year": c.year}, "zh"), c.place]
    quote = " ".join((c.quote or "").split())
    quote = quote if len(quote) <= QUOTE_CHARS else _shortened(quote)
    return f"[{c.n}] {' · '.join(p for p in place if p)}：「{literal(quote)}」"


def _shortened(quote: str) -> str:
    """A long quoted line cut where a sentence or clause ends (not in mid-phrase), then ……; the context
    message shows it whole."""
    head = quote[:QUOTE_CHARS]
    cut = max(head.rfind(p) for p in "。；！？")
    cut = cut if cut >= QUOTE_CHARS // 3 else max(head.rfind(p) for p in "，、：")
    return (head[:cut + 1] if cut >= QUOTE_CHARS // 3 else head[:QUOTE_CHARS - 2]) + "……"


def answer_message(text: str, citations: list[Citation], options: list[dict] | None = None) -> dict:
    """The answer with its citations; a question back's choices as buttons (each asks its question)."""
    content = literal(text)
    if citations:
        content += "\n\n**引用**\n\n" + "\n".join(f"- {citation_line(c)}" for c in citations)
    message = {"role": "assistant", "content": content}
    if options:
        message["options"] = [{"label": o["label"], "value": o["value"]} for o in options]
    return message


def context_messages(citations: list[Citation], facts: Facts, texts: dict[str, str]) -> list[dict]:
    """One collapsed message per citation; `texts` holds each cited report's text by id."""
    out = []
    for c in citations:
        rid = c.report_id
        body = citation_html(c, texts[rid], facts.sections.get(rid, []), facts.cells.get(rid, {}),
                             facts.reports[rid].get("formats") or {}, facts.reports[rid].get("checks") or [])
        where = f"{c.row_label} × {c.column_label}" if c.table else c.section or ""
        out.append({"role": "assistant", "content": body,
                    "metadata": {"title": f"[{c.n}] 查看原文：{c.agency}{c.year} · {where}", "status": "done"}})
    return out
