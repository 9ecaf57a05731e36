"""Stable keys of the three standard tables (see shared/schema/tables.md).

Each template row carries the label fragments that identify it when a
report's extraction has split, truncated or scattered the printed label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafile import rows as data_rows

APPLICATIONS = "applications"
REVIEW = "review_litigation"
PROACTIVE = "proactive"
TABLES = (PROACTIVE, APPLICATIONS, REVIEW)

# The tables as a clerk names them in a message.
TABLE_NAMES = {PROACTIVE: "表二（主动公开）", APPLICATIONS: "表三（收到和处理申请）", REVIEW: "表四（行政复议、行政诉讼）"}
TABLE_LABELS = {
    PROACTIVE: "二、主动公开政府信息情况",
    APPLICATIONS: "三、收到和处理政府信息公开申请情况",
    REVIEW: "四、政府信息公开行政复议、行政诉讼情况",
}


_GROUP_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    fragments: tuple[str, ...] = ()

    @property
    def ordinal(self) -> str:
        """The group-level number its label starts with, as normalised text gives it: 四、 or (七); a
        label printed as that number alone (its words cut off) names the row."""
        found = _GROUP_ORDINAL.match(self.label)
        return found.group(0).replace("（", "(").replace("）", ")") if found else ""


APPLICATION_COLUMNS = {
    "natural_person": "自然人",
    "commercial": "法人或其他组织 · 商业企业",
    "research": "法人或其他组织 · 科研机构",
    "nonprofit": "法人或其他组织 · 社会公益组织",
    "legal_service": "法人或其他组织 · 法律服务机构",
    "other_org": "法人或其他组织 · 其他",
    "total": "总计",
}
APPLICANT_COLUMNS = tuple(APPLICATION_COLUMNS)[:-1]

_HEAD = (
    Row("new_received", "一、本年新收政府信息公开申请数量", ("本年新收", "新收")),
    Row("carried_in", "二、上年结转政府信息公开申请数量", ("上年结转",)),
    Row("disclosed", "三、本年度办理结果 ·（一）予以公开", ("予以公开",)),
    Row("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ("部分公开", "区分处理")),
    Row("withheld.state_secret", "（三）不予公开 · 1.属于国家秘密", ("国家秘密",)),
    Row("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开", ("法律行政法规禁止", "法规禁止")),
    Row("withheld.security_stability", "3.危及“三安全一稳定”", ("三安全一稳定", "危及")),
    Row("withheld.third_party", "4.保护第三方合法权益", ("第三方合法权益", "第三方")),
    Row("withheld.internal_affairs", "5.属于三类内部事务信息", ("内部事务",)),
    Row("withheld.process_info", "6.属于四类过程性信息", ("过程性信息", "过程性")),
    Row("withheld.enforcement_file", "7.属于行政执法案卷", ("行政执法案卷", "执法案卷")),
    Row("withheld.query_matter", "8.属于行政查询事项", ("行政查询事项", "行政查询")),
    Row("unavailable.not_held", "（四）无法提供 · 1.本机关不掌握相关政府信息", ("不掌握",)),
    Row("unavailable.needs_creation", "2.没有现成信息需要另行制作", ("没有现成", "另行制作")),
    Row("unavailable.still_unclear", "3.补正后申请内容仍不明确", ("补正后申请", "仍不明确", "仍不明")),
    Row("not_processed.petition", "（五）不予处理 · 1.信访举报投诉类申请", ("信访举报", "举报投诉", "信访")),
    Row("not_processed.duplicate", "2.重复申请", ("重复申请",)),
    Row("not_processed.publication", "3.要求提供公开出版物", ("公开出版物", "出版物")),
    Row("not_processed.excessive", "4.无正当理由大量反复申请", ("大量反复",)),
    Row("not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", ("重新出具", "确认或重新", "已获取信息", "确认或重")),
)
_OTHER_2021 = (
    Row("other.no_correction",
        "（六）其他处理 · 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ("逾期不补正", "不补正", "逾期不补")),
    Row("other.unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ("收费通知", "缴纳费用", "逾期未按收费")),
    Row("other.other", "3.其他", ("3.其他",)),
)
_OTHER_2019 = (Row("other", "（六）其他处理", ("其他处理",)),)
_TAIL = (
    Row("processed_total", "（七）总计", ("(七)总计", "总计")),
    Row("carried_forward", "四、结转下年度继续办理", ("结转下年度", "结转下一年度", "继续办理")),
)

APPLICATION_ROWS = {"2021": _HEAD + _OTHER_2021 + _TAIL, "2019": _HEAD + _OTHER_2019 + _TAIL}
RESULT_GROUPS = {
    "withheld": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}

REVIEW_GROUPS = {
    "review": "行政复议",
    "suit_direct": "行政诉讼 · 未经复议直接起诉",
    "suit_after_review": "行政诉讼 · 复议后起诉",
}
REVIEW_COLUMNS = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

PROACTIVE_ROWS = {
    "rules": Row("rules", "规章", ("规章",)),
    "normative_docs": Row("normative_docs", "行政规范性文件", ("规范性文件",)),
    "licensing": Row("licensing", "行政许可", ("行政许可",)),
    "other_services": Row("other_services", "其他对外管理服务事项", ("其他对外管理服务", "对外管理服务")),
    "penalty": Row("penalty", "行政处罚", ("行政处罚",)),
    "coercion": Row("coercion", "行政强制", ("行政强制",)),
    "fees": Row("fees", "行政事业性收费", ("行政事业性收费", "事业性收费")),
    "procurement": Row("procurement", "政府集中采购", ("采购项目", "政府集中采购", "采购")),
}
# Column keys per row, per format, in printed order.
PROACTIVE_COLUMNS = {
    "2021": {
        "rules": ("issued", "repealed", "in_force"),
        "normative_docs": ("issued", "repealed", "in_force"),
        "licensing": ("decisions",),
        "penalty": ("decisions",),
        "coercion": ("decisions",),
        "fees": ("amount",),
    },
    "2019": {
        "rules": ("made", "published", "total_published"),
        "normative_docs": ("made", "published", "total_published"),
        "licensing": ("prior_items", "change", "decisions"),
        "other_services": ("prior_items", "change", "decisions"),
        "penalty": ("prior_items", "change", "decisions"),
        "coercion": ("prior_items", "change", "decisions"),
        "fees": ("prior_items", "change"),
        "procurement": ("items", "amount"),
    },
}
PROACTIVE_COLUMN_LABELS = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
    "made": "本年新制作数量",
    "published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "prior_items": "上一年项目数量",
    "change": "本年增/减",
    "items": "采购项目数量",
}
PROACTIVE_UNITS = {"amount": "万元", "prior_items": "项", "change": "项", "items": "项"}


def application_row_label(key: str) -> str:
    """The official Chinese label of an applications row key (items and group sums)."""
    if key in RESULT_GROUPS:
        return RESULT_GROUPS[key]
    for rows in APPLICATION_ROWS.values():
        for row in rows:
            if row.key == key:
                return row.label
    raise KeyError(key)


def cell_label(table: str, row: str, column: str) -> tuple[str, str]:
    """Official (row label, column label) of a cell, for citations and the UI."""
    if table == APPLICATIONS:
        return application_row_label(row), APPLICATION_COLUMNS[column]
    if table == REVIEW:
        return REVIEW_GROUPS[row], REVIEW_COLUMNS[column]
    if table == PROACTIVE:
        label = PROACTIVE_COLUMN_LABELS.get(column, column)
        if row == "procurement" and column == "amount":
            label = "采购总金额"
        return PROACTIVE_ROWS[row].label, label
    raise KeyError(table)


_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


def row_label(table: str, row: str) -> str:
    """The official label of a row without its ordinal (三、 （一） 1.), items under their group."""
    if table == REVIEW:
        return "行政诉讼（两类合计）" if row == "suit" else REVIEW_GROUPS[row]
    if table == PROACTIVE:
        return PROACTIVE_ROWS[row].label
    if row == "processed_total":
        return "办理结果总计"
    if row == "partially_disclosed":
        return "部分公开"
    parts = [_ORDINAL.sub("", p.strip()) for p in application_row_label(row).split("·")]
    if "." in row and len(parts) == 1:
        parts.insert(0, _ORDINAL.sub("", application_row_label(row.split(".")[0])))
    return " · ".join(p for p in parts if p != "本年度办理结果")


def column_label(table: str, row: str, column: str) -> str:
    if column == "organisations":
        return "法人或其他组织（五类合计）"
    if table == REVIEW and row == "suit":
        row = "review"
    return cell_label(table, row, column)[1]


def cell_name(table: str, row: str, column: str) -> str:
    """A cell as a clerk names it: “不予公开 · 属于国家秘密 × 自然人”."""
    return f"“{row_label(table, row)} × {column_label(table, row, column)}”"


@lru_cache(maxsize=1)
def _short_labels() -> dict[tuple[str, str, str], str]:
    return {(table, kind, key): name for _, (table, kind, key, name) in
            data_rows(Path(__file__).parent / "data" / "short_labels.tsv", ("table", "kind", "key", "short name"))}


def short_cell_name(table: str, row: str, column: str) -> str:
    """A cell's short name for charts: 新收·总计, 行政复议·纠正, 行政许可·处理决定."""
    names = _short_labels()
    row_name = names.get((table, "row", row)) or row_label(table, row)
    column_name = names.get((table, "column", column)) or column_label(table, row, column)
    return f"{row_name}·{column_name}"
