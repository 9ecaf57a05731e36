"""A layout zoo: one report's blocks (tests/documents.py: paragraphs and clean template tables) written
in each layout that reports come in as text, so that tests can check every one yields the same facts.

- tab_rows: a table row per line, cells separated by tabs (text pasted from a page or a PDF)
- cell_lines: one cell per line, a blank line between rows (text copied out of a PDF viewer)
- markdown_tables: a pipe table per table, with its header (a converter's markdown)
- markdown_sections: tables cut per section with a generic header (| 类别 | 数据1 | … | 总计 |); a
  result group's label as a one-row table of its own; the last rows under a stray header; 表四 as one
  row of fifteen numbers
- detached_labels: the label column printed apart from the value rows, header cells split over lines,
  page footers among the rows, 表四 as one row of fifteen numbers
- crawler_flat: a web crawler's flat text: every row's cells run together into one digit string stuck
  to its label, with stray padding spaces inside it; a row whose next row starts with an item number
  (2.没有…) shares its line, the number sticking to the digits; 表四 one digit string of fifteen cells
- converter_merged: a PDF converter's markdown: long row labels cut inside a word, their tail on a row
  of their own; two rows merged into one, their labels on one line and each cell holding both values
  (11 0); 表四's header cells run together into one line and its fifteen values on one line
- crawler_pipes: a .txt as a crawler or an OCR tool saves it: a header block (标题:, 发布时间:,
  原文链接:) holding the title, then markdown_sections' pipe tables with generic headers
"""

from __future__ import annotations

import random

from index.formats.layout import grid
from index.tables.schema import APPLICATION_COLUMNS, APPLICATIONS, PROACTIVE, REVIEW
from tests.documents import Block, Table, title_lines

_RESULT_START = "disclosed"


def _grid(table: Table) -> list[list[str]]:
    return grid([[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows])


def _body(table: Table) -> list[tuple[list[str], list[str]]]:
    """(label cells, values) of each body row: the non-empty label cells, the value cells after them."""
    out = []
    for row in _grid(table)[table.header:]:
        if table.name == REVIEW:
            out.append(([], row))
            continue
        width = len(APPLICATION_COLUMNS) if table.name == APPLICATIONS else len(row) - 1
        labels, values = row[:-width], row[-width:]
        if table.name == PROACTIVE:
            values = [v for v in values if v] or values[:1]
        out.append(([c for c in labels if c], values))
    return out


def _text(blocks: list[Block], table_lines) -> str:
    lines: list[str] = []
    for block in blocks:
        lines.extend([block] if isinstance(block, str) else table_lines(block))
    return "\n".join(lines) + "\n"


def tab_rows(blocks: list[Block]) -> str:
    return _text(blocks, lambda t: ["\t".join(row).rstrip("\t") for row in _grid(t)])


def cell_lines(blocks: list[Block]) -> str:
    def lines(table: Table) -> list[str]:
        out = []
        for row in _grid(table):
            out += [c for c in row if c] + [""]
        return out
    return _text(blocks, lines)


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _markdown(rows: list[list[str]], header: list[str] | None = None) -> list[str]:
    head = header or rows[0]
    body = rows if header else rows[1:]
    return ["", _pipe(head), _pipe(["---"] * len(head)), *map(_pipe, body), ""]


def markdown_tables(blocks: list[Block]) -> str:
    def lines(table: Table) -> list[str]:
        rows = _grid(table)
        header = [" ".join(dict.fromkeys(c for r in rows[:table.header] for c in [r[i]] if c)) or "-"
                  for i in range(len(rows[0]))]
        return _markdown(rows[table.header:], header)
    return _text(blocks, lines)


def _generic(width: int) -> list[str]:
    return ["类别"] + [f"数据{i}" for i in range(1, width - 1)] + ["总计"]


def markdown_sections(blocks: list[Block]) -> str:
    def lines(table: Table) -> list[str]:
        body = _body(table)
        if table.name == REVIEW:
            return ["## 表四：政府信息公开行政复议、行政诉讼情况", *_markdown([body[0][1]], _generic(15))]
        if table.name == PROACTIVE:
            return [line for labels, values in body
                    for line in (["", f"## {''.join(labels)}"] if not any(values) else
                                 _markdown([["".join(labels), *values]], _generic(len(values) + 1)))]
        header = _generic(len(APPLICATION_COLUMNS) + 1)
        out = ["## 表三：收到和处理政府信息公开申请情况"]
        for n, (labels, values) in enumerate(body):
            if n == len(body) - 2:  # the last rows under a stray header
                out += ["## 表三（续）", *_markdown([["".join(labels), *values]], header)]
            elif len(labels) > 1:  # a group's label as a one-row table of its own, then the row under it
                out += _markdown([["".join(labels[:-1])]], ["类别"])
                out += _markdown([[labels[-1], *values]], header)
            else:
                out += _markdown([["".join(labels), *values]], header)
        return out
    return _text(blocks, lines)


def detached_labels(blocks: list[Block]) -> str:
    def lines(table: Table) -> list[str]:
        body = _body(table)
        if table.name == REVIEW:
            return ["行政复议", "行政诉讼", *_markdown([body[0][1]], ["维持", "纠正", "结果", "审结", "总计"])]
        if table.name == PROACTIVE:
            return [line for labels, values in body
                    for line in (["".join(labels), "\t".join(values)] if any(values) else ["".join(labels)])]
        header = ["申请人情况", "自然人", "法人或其他组织", "商业企", "业", "科研机", "构", "社会公", "益组织", "法律服", "务机构",
                  "其他", "总计"]
        labels = ["".join(labels) for labels, _ in body]
        rows = [values for _, values in body]
        middle = len(rows) // 2
        return [*header, *labels, *_markdown(rows[:middle], [""] * len(rows[0])), "— 7 —",
                *_markdown(rows[middle:], [""] * len(rows[0]))]
    return _text(blocks, lines)


def _padded(values: list[str], rng: random.Random) -> str:
    """The values' digits run together, a padding space put in here and there (never a separator)."""
    digits = "".join(values)
    return "".join(ch + (" " if rng.random() < 0.2 and i < len(digits) - 1 else "") for i, ch in enumerate(digits))


def crawler_flat(blocks: list[Block]) -> str:
    rng = random.Random(7)

    def lines(table: Table) -> list[str]:
        header = ["".join(dict.fromkeys(c for r in _grid(table)[:table.header] for c in r if c))]
        body = _body(table)
        if table.name == REVIEW:
            return header + [_padded(body[0][1], rng)]
        rows = ["".join(labels) + _padded(values, rng) for labels, values in body]
        out: list[str] = []
        joined = False
        for row in rows:
            if out and not joined and row[:1].isdigit() and out[-1][-1:].isdigit():
                out[-1] += row  # 1800002202.没有…: the next item's number sticks to the digits
                joined = True
            else:
                out.append(row)
                joined = False
        return header + out
    return _text(blocks, lines)


def converter_merged(blocks: list[Block], rng: random.Random | None = None) -> str:
    """(rng: where labels are cut and which rows are merged, drawn; else every sixth pair merged and every
    third long label cut in its middle.)"""
    def merge(n: int) -> bool:
        return rng.random() < 0.25 if rng else n % 6 == 5

    def cut(n: int, label: str) -> int | None:
        if len(label) <= 4 or not (rng.random() < 0.5 if rng else len(label) > 10 and n % 3 == 1):
            return None
        return rng.randint(2, len(label) - 2) if rng else len(label) // 2 + 1

    def lines(table: Table) -> list[str]:
        body = _body(table)
        if table.name == REVIEW:
            header = "".join(dict.fromkeys(c for r in _grid(table)[:table.header] for c in r if c))
            return ["", header, " ".join(body[0][1]), ""]
        if table.name == PROACTIVE:
            return markdown_tables([table]).split("\n")
        width = len(APPLICATION_COLUMNS)
        out = ["", _pipe(_generic(width + 2)), _pipe(["---"] * (width + 2))]
        n = 0
        while n < len(body):
            labels, values = body[n]
            label = labels[-1]
            group = "".join(labels[:-1])
            after = body[n + 1] if n + 1 < len(body) else None
            if after and merge(n) and len(after[0]) == 1 and label[:1].isdigit() and after[0][0][:1].isdigit():
                # two rows merged: both labels on one line, each cell holding both values
                out.append(_pipe([group, f"{label} {after[0][0]}", *(f"{a} {b}" for a, b in zip(values, after[1]))]))
                n += 2
                continue
            at = cut(n, label)
            if at:  # a label cut inside a word, its tail on a row of its own
                out += [_pipe([group, label[:at], *values]), _pipe(["", label[at:], *[""] * width])]
            else:
                out.append(_pipe([group, label, *values]))
            n += 1
        return out + [""]
    return _text(blocks, lines)


def crawler_pipes(blocks: list[Block]) -> str:
    title = title_lines(blocks)
    header = [f"标题: {''.join(title)}", "发布时间: 2025-01-20 10:00", "原文链接: https://www.example.gov.cn/art/1.html",
              "-" * 20, ""]
    return "\n".join(header) + markdown_sections(blocks[len(title):])


TEXT_LAYOUTS = {"tab_rows": (tab_rows, ".txt"), "cell_lines": (cell_lines, ".txt"),
                "markdown_tables": (markdown_tables, ".md"), "markdown_sections": (markdown_sections, ".md"),
                "detached_labels": (detached_labels, ".md"), "converter_merged": (converter_merged, ".md"), "crawler_pipes": (crawler_pipes, ".txt"),
                "crawler_flat": (crawler_flat, ".txt")}
# layouts whose run-together rows only the identities split: every row they can split is read, the rest flagged
FLAT_LAYOUTS = ("crawler_flat",)
