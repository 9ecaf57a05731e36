"""The tables' own identities, and the narrative's restatements of table figures."""

from __future__ import annotations

import re
from decimal import Decimal

from .facts import Check, Fact, TableResult, format_value
from .schema import (
    APPLICANT_COLUMNS,
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    APPLICATIONS,
    RESULT_GROUPS,
    REVIEW,
    REVIEW_GROUPS,
    TABLE_LABELS,
    Row,
    cell_name,
    column_label,
    row_label,
)


def check(name: str, table: str, left: list[tuple[str, Decimal | None]],
           right: list[tuple[str, Decimal | None]], what: str = "", printed: str = "印") -> Check:
    """Record sum(left) == sum(right); skip when a cell is missing. The detail says, in Chinese, what
    the identity is and its working: 10 + 1 + 0 + 0 = 11 ≠ 0（印）."""
    numbers = {k: ("?" if v is None else format_value(v)) for k, v in left + right}
    prefix = f"{what}：" if what else ""
    if any(v is None for _, v in left + right):
        shown = " + ".join(numbers[k] for k, _ in left) + " = " + " + ".join(numbers[k] for k, _ in right)
        return Check(name, table, "skip", f"{prefix}{shown}（有一格未读出，未核对）", numbers)
    ok = sum(v for _, v in left) == sum(v for _, v in right)
    return Check(name, table, "pass" if ok else "fail", prefix + working(left, right, ok, printed), numbers)


def working(left: list[tuple[str, Decimal]], right: list[tuple[str, Decimal]], ok: bool, printed: str = "印") -> str:
    """516 + 6 = 520 + 2 = 522, or, where the sides differ, 10 + 1 + 0 + 0 = 11 ≠ 0（印）: the total as
    the table prints it (or, for a figure of the text, as the text states it: 正文)."""
    def side(items):
        terms = " + ".join(format_value(v) for _, v in items)
        return terms + (f" = {format_value(sum(v for _, v in items))}" if len(items) > 1 else "")

    if ok:
        terms = [" + ".join(format_value(v) for _, v in items) for items in (left, right)]
        total = format_value(sum(v for _, v in left))
        return " = ".join(terms + ([total] if len(left) > 1 and len(right) > 1 else []))
    return f"{side(left)} ≠ {side(right)}" + (f"（{printed}）" if len(right) == 1 else "")


def application_checks(facts: list[Fact], template: tuple[Row, ...]) -> list[Check]:
    """The applications table's identities over its template's rows: balance and results per column,
    row totals per row."""
    cell = {f.key: f.value for f in facts if f.table == APPLICATIONS and not (f.derived and f.row in RESULT_GROUPS)}
    rows = [r.key for r in template]
    results = rows[rows.index("disclosed"):rows.index("processed_total")]

    def get(row, col):
        return (f"{row}.{col}", cell.get((APPLICATIONS, row, col)))

    checks: list[Check] = []
    for col in APPLICATION_COLUMNS:
        name = column_label(APPLICATIONS, "new_received", col)
        checks.append(check(f"applications.balance.{col}", APPLICATIONS,
                             [get("new_received", col), get("carried_in", col)],
                             [get("processed_total", col), get("carried_forward", col)],
                             f"“{name}”列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度"))
        checks.append(check(f"applications.results_sum.{col}", APPLICATIONS,
                             [get(r, col) for r in results], [get("processed_total", col)],
                             f"“{name}”列：各项办理结果之和 = 办理结果总计"))
    for row in rows:
        checks.append(check(f"applications.row_total.{row}", APPLICATIONS,
                             [get(row, c) for c in APPLICANT_COLUMNS], [get(row, "total")],
                             f"“{row_label(APPLICATIONS, row)}”行：各类申请人之和 = 总计"))
    return checks


def zero_blanks(blanks: list[Fact], checks: list[Check], result: TableResult) -> list[Fact]:
    """The blank cells (as 0-valued derived facts) to keep: those for which every identity they take part
    in holds with 0 (checks were computed with them as 0). Each other blank stays missing, and a
    failed check naming it flags the report."""
    kept = []
    for fact in blanks:
        name = f"{fact.row}.{fact.column}"
        involved = [c for c in checks if name in c.numbers]
        if involved and all(c.status == "pass" for c in involved):
            kept.append(fact)
            result.warnings.append(f"{TABLE_LABELS[fact.table]}：{cell_name(fact.table, fact.row, fact.column)}"
                                   "一格印为空白，按0计算勾稽关系成立，读作0")
        else:
            result.checks.append(Check(f"{fact.table}.blank.{name}", fact.table, "fail",
                                       f"{cell_name(fact.table, fact.row, fact.column)}一格印为空白，按0计算勾稽关系"
                                       f"不成立，未读入：「{fact.source}」", {name: "?"}))
    return kept


def printed_template(facts: list[Fact]) -> tuple[Row, ...]:
    """The template rows a parsed applications table was printed with: （六）其他处理 as one printed
    row (the 2019 format, or a 2021 report that prints it so), or as three items."""
    one_row = any(f.table == APPLICATIONS and f.row == "other" and not f.derived for f in facts)
    return APPLICATION_ROWS["2019" if one_row else "2021"]


def table_checks(facts: list[Fact]) -> list[Check]:
    """Every identity of tables.md, per column and per row, for the facts found."""
    checks: list[Check] = []
    if any(f.table == APPLICATIONS for f in facts):
        checks += application_checks(facts, printed_template(facts))
    cell = {f.key: f.value for f in facts if f.table == REVIEW}
    if cell:
        for group in REVIEW_GROUPS:
            parts = [(f"{group}.{c}", cell.get((REVIEW, group, c))) for c in ("upheld", "corrected", "other", "pending")]
            checks.append(check(f"review_litigation.total.{group}", REVIEW, parts,
                                 [(f"{group}.total", cell.get((REVIEW, group, "total")))],
                                 f"“{row_label(REVIEW, group)}”：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"))
    return checks


# Narrative sentences that restate a figure of the applications table's 总计 column.
# Each pattern's number must be the figure itself ("已答复 1950 件"), never a
# number that merely sits nearby.
_N = r"\s*(\d[\d,]*)\s*件"
NARRATIVE = (
    ("已答复", rf"已答复{_N}", ("processed_total",)),
    ("办结", rf"(?:依法)?办结{_N}", ("processed_total",)),
    ("结转下年度", rf"结转(?:至)?下一?年度(?:继续)?(?:办理)?{_N}", ("carried_forward",)),
    ("上年结转", rf"(?:含|其中)?上一?年度?结转{_N}", ("carried_in",)),
    ("新收及上年结转", rf"新收到?及上年结转[^\d，。；]{{0,12}}?{_N}", ("new_received", "carried_in")),
    ("予以公开", rf"予以公开{_N}", ("disclosed",)),
    ("部分公开", rf"部分公开{_N}", ("partially_disclosed",)),
    ("不予公开", rf"不予公开{_N}", ("withheld",)),
    ("无法提供", rf"无法提供{_N}", ("unavailable",)),
    ("不予处理", rf"不予处理{_N}", ("not_processed",)),
    ("其他处理", rf"其他处理{_N}", ("other",)),
)


# Where a narrative figure does not restate one cell of the table, and why: several results summed
# (予以公开及部分公开208件), a change or another year (同比增加, 2023年), or a scope wider than the
# agency's own table (全市, 各部门).
_SUM = re.compile(r"(?:[及和与、或]|以及|并)\s*$")  # just before the keyword: 予以公开及部分公开
_CHANGE = re.compile(r"同比|较上年|比上年|较去年|比去年|增长|增加|减少|下降|上升")
_WIDER = re.compile(r"全市|全区|全县|全省|全镇|全乡|各部门|各单位|各级|各地|全系统|系统内|所属|下属|部门")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _skip_reason(text: str, start: int, end: int, year: int | None) -> str:
    """Why the narrative figure of text[start:end] (its keyword at start) cannot be pinned to one
    cell, or "" when it can: several results summed, a change, a wider scope, another year."""
    clause = text[max(text.rfind(p, 0, start) for p in "。；;，,\n") + 1:end]
    sentence = text[max(text.rfind(p, 0, start) for p in "。；;\n") + 1:end]
    if _SUM.search(clause[:len(clause) - (end - start)]):
        return "该数字是几项办理结果之和"
    if _CHANGE.search(clause):
        return "该数字是增减量，不是件数"
    if _WIDER.search(clause):
        return "该数字的范围大于本机关的表格"
    if year is not None and {int(y) for y in _YEAR.findall(sentence)} - {year}:
        return "该句说的是另一年度"
    if _WIDER.search(sentence):
        return "该数字的范围大于本机关的表格"
    return ""


def narrative_checks(text: str, facts: list[Fact], table_spans: list[tuple[int, int]],
                     year: int | None = None) -> list[Check]:
    """Cross-check figures the narrative restates against the table's 总计 column. A figure that does
    not restate exactly one cell is recorded as skipped, with the reason, never as failed."""
    total = {f.row: f.value for f in facts if f.table == APPLICATIONS and f.column == "total"}
    checks = []
    for name, pattern, rows in NARRATIVE:
        for match in re.finditer(pattern, text):
            if any(a <= match.start() < b for a, b in table_spans):
                continue
            stated = Decimal(match.group(1).replace(",", ""))
            parts = [(f"{r}.total", total.get(r)) for r in rows]
            quote = _sentence(text, match.start(), match.end())
            found = check(f"narrative.{name}", APPLICATIONS, parts, [("narrative", stated)],
                          f"正文“{quote}”所述的{name}，与表中总计列", printed="正文")
            reason = _skip_reason(text, match.start(), match.end(), year)
            status, detail = (("skip", f"{found.detail}（未核对：{reason}）") if reason else
                              (found.status, found.detail))
            checks.append(Check(found.name, found.table, status, detail, found.numbers))
    return checks


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(p, 0, start) for p in "。；，\n") + 1
    right = min((i for i in (text.find(p, end) for p in "。；，\n") if i != -1), default=len(text))
    return text[left:right].strip()


def checks_of_cell(checks: list[dict], table: str, row: str, column: str) -> list[dict]:
    """The recorded checks (as stored: dicts with a numbers map) that one cell takes part in."""
    key = f"{row}.{column}"
    return [c for c in checks if c["table"] == table and key in c["numbers"]]
