"""Cells by meaning, a second signal beside the lexicon: each row of the template by its official label,
its short name and the lexicon's phrases for it, embedded once per process; a question's own words
ranked against them. It names the candidates of a question the lexicon cannot place; it answers by
itself only when one row clearly wins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.store.embed import Embedder
from index.tables.schema import (
    APPLICATION_ROWS,
    APPLICATIONS,
    PROACTIVE,
    PROACTIVE_ROWS,
    RESULT_GROUPS,
    REVIEW,
    REVIEW_GROUPS,
    row_label,
    short_cell_name,
)

from ..understanding.lexicon import load
from ..understanding.words import pattern

# Words that say nothing of which cell is meant: asking, counting, the subject itself.
_NOISE = pattern("quantity", "question", "filler", "stop", "asking", "yesno", "total",
                 extra=r"[\s,.?!，。？！、：:;；“”\"'（）()《》]|政府信息公开|信息公开|政府信息")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年?度?|\d{2}年")
# A row wins alone only this far ahead of the next (cosine), and this close to the question.
MARGIN = 0.05
FLOOR = 0.88


@dataclass(frozen=True)
class Ranked:
    table: str
    row: str
    score: float


def _rows() -> dict[tuple[str, str], list[str]]:
    """Each row's texts: its official label, its short name, and the lexicon's own phrases for it (not the
    generic words, 申请 or 答复, that name a row only when nothing else does)."""
    rows: dict[tuple[str, str], list[str]] = {}
    for template in APPLICATION_ROWS.values():
        for r in template:
            rows[(APPLICATIONS, r.key)] = [row_label(APPLICATIONS, r.key)]
    for group in RESULT_GROUPS:
        rows[(APPLICATIONS, group)] = [row_label(APPLICATIONS, group)]
    for group in REVIEW_GROUPS:
        rows[(REVIEW, group)] = [row_label(REVIEW, group)]
    for key, r in PROACTIVE_ROWS.items():
        rows[(PROACTIVE, key)] = [r.label]
    for (table, row), texts in rows.items():
        texts.append(short_cell_name(table, row, "total" if table != PROACTIVE else "decisions").split("·")[0])
    for entry in load():
        if entry.kind == "row":
            for table, key in entry.keys:
                if (table, key) in rows:
                    rows[(table, key)] += [entry.label, *entry.phrases]
    return {k: list(dict.fromkeys(v)) for k, v in rows.items()}


def content_words(text: str) -> str:
    """What of a question can name a cell: its words less years, counting, asking and the subject."""
    return " ".join(_NOISE.sub(" ", _YEAR.sub(" ", text)).split())


class Meanings:
    def __init__(self, embedder: Embedder):
        self.embedder = embedder
        texts, self.owners = [], []
        for key, phrases in _rows().items():
            texts += phrases
            self.owners += [key] * len(phrases)
        self.vectors = embedder.embed_passages(texts)

    def rank(self, text: str, k: int = 3) -> list[Ranked]:
        """The k rows nearest the text's content words, best first."""
        content = content_words(text)
        if not content:
            return []
        sims = self.vectors @ self.embedder.embed_query(content)
        best: dict[tuple[str, str], float] = {}
        for score, key in zip(sims.tolist(), self.owners):
            best[key] = max(best.get(key, -1.0), score)
        ranked = sorted(best.items(), key=lambda item: -item[1])[:k]
        return [Ranked(table, row, round(score, 4)) for (table, row), score in ranked]

    @staticmethod
    def clear(ranked: list[Ranked]) -> Ranked | None:
        """The one row that clearly wins, if one does."""
        if len(ranked) >= 2 and ranked[0].score >= FLOOR and ranked[0].score - ranked[1].score >= MARGIN:
            return ranked[0]
        return None

