"""Align printed rows to a template whose row order is fixed.

Like aligning two sequences: a label fragment that names a template row pulls
the printed row there, a missing label lets position decide, and a label
that names another row pushes it away. Template rows may be missing from the
print, and stray printed rows may be left out, each at a cost.
"""

from __future__ import annotations

from .cells import PrintedRow
from .normalize import compact
from .schema import Row

SKIP, DROP = 3, 3


def fragment_score(label: str, row: Row) -> int:
    text = compact(label)
    return max((len(f) for f in row.fragments if f in text), default=0)


def _match(label: str, row: Row, template: tuple[Row, ...]) -> int:
    own = fragment_score(label, row)
    if own:
        return 3 + own
    other = max(fragment_score(label, t) for t in template)
    return -4 - other if other else 1


def align(rows: list[PrintedRow], template: tuple[Row, ...]) -> tuple[int, dict[int, int]]:
    """Best monotone assignment of printed rows to template rows: (score, {row: template index})."""
    m, n = len(rows), len(template)
    neg = float("-inf")
    score = [[neg] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    score[0][0] = 0
    for i in range(m + 1):
        for j in range(n + 1):
            if i == j == 0:
                continue
            options = []
            if i and j:
                options.append((score[i - 1][j - 1] + _match(rows[i - 1].label, template[j - 1], template), (i - 1, j - 1)))
            if j:
                options.append((score[i][j - 1] - SKIP, (i, j - 1)))
            if i:
                options.append((score[i - 1][j] - DROP, (i - 1, j)))
            score[i][j], back[i][j] = max(options, key=lambda o: o[0])
    assignment: dict[int, int] = {}
    i, j = m, n
    while back[i][j] is not None:
        pi, pj = back[i][j]
        if pi == i - 1 and pj == j - 1:
            assignment[pi] = pj
        i, j = pi, pj
    return int(score[m][n]), assignment
