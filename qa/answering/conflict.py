"""A cell that takes part in an identity its table fails is not stated as a figure: the answer says
which identity fails and the printed cells on both sides (该行各项为10、1、0、0，合计11，但“总计”印为0)."""

from __future__ import annotations

from index.report.continuity import PREFIX as CROSS_YEAR
from index.tables.checks import checks_of_cell
from index.tables.schema import column_label, row_label

from ..retrieval.lookup import Cell


def failed_identities(cell: Cell) -> list[dict]:
    """The checks of the cell's own table that fail and that it takes part in (a disagreement with
    another year's report is a note, not a conflict within the table)."""
    return [c for c in checks_of_cell(cell.report["checks"], cell.table, cell.row, cell.column)
            if c["status"] == "fail" and not c["name"].startswith(CROSS_YEAR)]


def conflict(cell: Cell, language: str) -> str:
    """The conflict of the cell's first failed identity, in words ('' when it takes part in none)."""
    failed = failed_identities(cell)
    return _said(failed[0], cell.table, language) if failed else ""


def _said(check: dict, table: str, language: str) -> str:
    what, _, working = check["detail"].rpartition("：")
    left, sep, right = working.partition(" ≠ ")
    if not sep:
        return check["detail"]
    source = "正文" if right.endswith("（正文）") else "印"
    right = right.removesuffix("（印）").removesuffix("（正文）")
    terms = [side.split(" = ")[0].split(" + ") for side in (left, right)]
    keys = list(check["numbers"])
    if len(keys) != len(terms[0]) + len(terms[1]):
        return check["detail"]  # a key on both sides: the recorded working says it best
    sides = [keys[:len(terms[0])], keys[len(terms[0]):]]
    totals = [left.split(" = ")[-1], right.split(" = ")[-1]]
    named = [_names(table, side, other, language) for side, other in (sides, sides[::-1])]
    values = ["、".join(t) if language != "en" else ", ".join(t) for t in terms]
    if language == "en":
        def part(i):
            many = len(terms[i]) > 1
            return f"{named[i]} {'are' if many else 'is'} {values[i]}" + (f", {totals[i]} in all" if many else "")
        return (f"this table fails a check ({what}), so no reliable figure can be given: {part(0)}, but "
                f"{part(1)} as {'the text states' if source == '正文' else 'printed'}")

    def part_zh(i, verb):
        return f"{named[i]}{verb}{values[i]}" + (f"，合计{totals[i]}" if len(terms[i]) > 1 else "")
    return (f"该表核对未通过（{what}），无法给出可靠的数字：{part_zh(0, '为')}，"
            f"但{part_zh(1, '正文写为' if source == '正文' else '印为')}")


def _names(table: str, keys: list[str], others: list[str], language: str) -> str:
    """What one side's cells are called: 该行各项（维持、纠正…）, 该列各项, or each cell's labels; the report's
    text, when that side is a figure its text states (the key `narrative`)."""
    if "." not in "".join(keys):
        return "the report's text" if language == "en" else ""
    others = [o for o in others if "." in o]
    cells = [(k.rsplit(".", 1)[0], k.rsplit(".", 1)[1]) for k in keys]
    rows, columns = {r for r, _ in cells}, {c for _, c in cells}
    shared_row = len(rows) == 1 and bool(others) and all(o.rsplit(".", 1)[0] in rows for o in others)
    shared_col = len(columns) == 1 and bool(others) and all(o.rsplit(".", 1)[1] in columns for o in others)
    if shared_row:
        labels = [column_label(table, r, c) for r, c in cells]
        if len(cells) == 1:
            return f"“{labels[0]}”"
        return f"the row's items ({', '.join(labels)})" if language == "en" else f"该行各项（{'、'.join(labels)}）"
    if shared_col:
        labels = [row_label(table, r) for r, _ in cells]
        if len(cells) == 1:
            return f"“{labels[0]}”"
        return f"the column's items ({', '.join(labels)})" if language == "en" else f"该列各项（{'、'.join(labels)}）"
    return "、".join(f"“{row_label(table, r)} × {column_label(table, r, c)}”" for r, c in cells)
