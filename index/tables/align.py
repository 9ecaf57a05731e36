"""Align printed rows to a template whose row order is fixed.

Like aligning two sequences: a label fragment that names a template row pulls
the printed row there, a missing label lets position decide, and a label
that names another row pushes it away. Template rows may be missing from the
print, and stray printed rows may be left out, each at a cost.
"""

from __future__ import annotations

from itertools import combinations, product

from ..formats.normalize import compact
from .cells import PrintedRow
from .schema import Row

SKIP, DROP = 3, 3


def fragment_score(label: str, row: Row) -> int:
    """How strongly a printed label names a template row: its longest fragment's length, or for a label
    that is the row's own group number alone (（七） with 总计 cut off), that number's."""
    text = compact(label)
    found = max((len(f) for f in row.fragments if f in text), default=0)
    return found or (len(text) if text and text.replace("（", "(").replace("）", ")") == row.ordinal else 0)


def evidence(printed: PrintedRow, template: tuple[Row, ...]) -> list[str]:
    """A printed row's label parts, strongest first. Its own line speaks first; then the lines of labels
    above it, the nearest first (a wrapped label's tail may stand above the next row, as pdftotext lays
    it out). Lines above that name three or more rows are a label column printed apart from its values
    (a converter's detached labels): its first label is the first row's."""
    own, above = printed.label_lines()
    named = {j for text in above for j, t in enumerate(template) if fragment_score(text, t)}
    return [own, *(reversed(above) if len(named) >= 3 else above)]


def _match(labels: list[str], row: Row, template: tuple[Row, ...]) -> int:
    """The first label part that names any template row decides: for this row, or against it."""
    for label in labels:
        own = fragment_score(label, row)
        if own:
            return 3 + own
        other = max(fragment_score(label, t) for t in template)
        if other:
            return -4 - other
    return 1


def align(rows: list[PrintedRow], template: tuple[Row, ...]) -> tuple[int, dict[int, int]]:
    """Best monotone assignment of printed rows to template rows: (score, {row: template index})."""
    m, n = len(rows), len(template)
    labels = [evidence(r, template) for r in rows]
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
                options.append((score[i - 1][j - 1] + _match(labels[i - 1], template[j - 1], template), (i - 1, j - 1)))
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


MAX_ALTERNATIVES = 2000


def alternatives(rows: list[PrintedRow], template: tuple[Row, ...], assignment: dict[int, int]) -> list[dict[int, int]]:
    """Every placement the labels allow besides the aligned one: rows that no label names (placed by
    position alone) may sit in any free template rows between the rows whose labels place them.
    Just the aligned placement when that is the only one, or when there are too many to try."""
    anchored = {i for i, j in assignment.items() if _match(evidence(rows[i], template), template[j], template) > 1}
    runs: list[list[int]] = []
    for i in sorted(assignment):
        if i in anchored:
            continue
        if runs and runs[-1][-1] == i - 1 and i - 1 not in anchored:
            runs[-1].append(i)
        else:
            runs.append([i])
    choices: list[list[tuple[int, ...]]] = []
    for run in runs:
        low = max((assignment[i] for i in anchored if i < run[0]), default=-1)
        high = min((assignment[i] for i in anchored if i > run[-1]), default=len(template))
        slots = range(low + 1, high)
        if len(slots) > len(run):
            choices.append([(run, c) for c in combinations(slots, len(run))])
    total = 1
    for c in choices:
        total *= len(c)
    if not choices or total > MAX_ALTERNATIVES:
        return [assignment]
    options = []
    for picked in product(*choices):
        option = dict(assignment)
        for run, slots in picked:
            option.update(zip(run, slots))
        options.append(option)
    return options
