"""Row labels as the template knows them, however a converter cut or merged the printed rows:

- a label cut inside a word, its tail on a row of its own with blank cells (4.保护第三 / 方合法权益), is
  joined back when the whole names a template row better than its head alone;
- two rows merged into one (2.重复申请 3.要求提供公开出版物, each cell holding both values: 11 0) are
  parted again, the label at its second item number, each cell's values dealt to the rows in turn.

The template's fragments are the one source of what a label names (schema.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..formats.normalize import compact
from .align import fragment_score
from .cells import Cell, PrintedRow
from .schema import Row

# where a printed label starts an item or a group: 3.其他, （五）, 四、
_ORDINAL = re.compile(r"(?:\d{1,2}[.．]|[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)")


def _names(label: str, template: tuple[Row, ...]) -> int:
    return max((fragment_score(label, t) for t in template), default=0)


def rejoin_cut_labels(rows: list[PrintedRow], template: tuple[Row, ...]) -> list[PrintedRow]:
    """Rows whose leading label line is the tail of the label above, cut inside a word, given back."""
    for previous, row in zip(rows, rows[1:]):
        if not previous.values or not row.labels or row.values[0].line == row.labels[0].line \
                or row.labels[0].line != previous.values[-1].line + 1:
            continue
        tail = [c for c in row.labels if c.line == row.labels[0].line]
        own, _ = previous.label_lines()
        text = "".join(c.text for c in tail)
        if (any(c.col < 0 or c.width != previous.values[0].width for c in tail) or _ORDINAL.match(compact(text))
                or _names(own + text, template) <= _names(own, template)):
            continue
        line = previous.values[0].line
        previous.labels += [replace(c, line=line) for c in tail]
        row.labels = [c for c in row.labels if c not in tail]
    return rows


def unmerge_rows(rows: list[PrintedRow], template: tuple[Row, ...], width: int) -> list[PrintedRow]:
    """Rows that hold the labels and values of several printed rows, parted into those rows."""
    out: list[PrintedRow] = []
    for row in rows:
        parts = _parts(row, template, width)
        out.extend(parts or [row])
    return out


def _parts(row: PrintedRow, template: tuple[Row, ...], width: int) -> list[PrintedRow]:
    own = [c for c in row.labels if row.values and c.line == row.values[0].line]
    if not own or not row.values or len(row.values) % width or len(row.values) == width:
        return []
    count = len(row.values) // width
    label = own[-1]
    starts = [m.start() for m in _ORDINAL.finditer(label.text)]
    if len(starts) != count or starts[0] != 0:
        return []
    texts = [label.text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(label.text)])]
    named = [max(range(len(template)), key=lambda j: fragment_score(t, template[j])) for t in texts]
    if any(not fragment_score(t, template[j]) for t, j in zip(texts, named)) or named != sorted(set(named)):
        return []
    cols = [c.col for c in row.values]
    if min(cols) >= 0 and all(cols[i] == cols[i - i % count] for i in range(len(cols))):
        values = [row.values[j::count] for j in range(count)]  # each cell holds one value of each row
    else:
        values = [row.values[j * width:(j + 1) * width] for j in range(count)]
    offsets = [label.start + a for a in starts] + [label.end]
    above = row.labels[:row.labels.index(label)]  # a group's label above stays with the first row
    return [PrintedRow(labels=(above if j == 0 else []) + [Cell(text, offsets[j], offsets[j + 1], label.line,
                                                                label.col, label.width)], values=vals)
            for j, (text, vals) in enumerate(zip(texts, values))]
