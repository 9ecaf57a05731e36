"""Header rows and stray headings inside a table region.

A table's column header may be printed once at the top, split over lines (商业企 / 业), repeated on
a new page, replaced by a converter's generic header (类别 | 数据1 | … | 总计), or interrupted by a
heading (表三：收到和处理政府信息公开申请情况). None of it labels a row.
"""

from __future__ import annotations

import re

from ..formats.normalize import compact
from .cells import Cell

# Every character of the applications table's column header and of its 勾稽 note.
_HEADER_CHARS = set("申请人情况自然法人或其他组织商业企业科研机构社会公益组织法律服务机构总计")
_HEADER_MARKS = ("勾稽", "第一项", "第三项", "申请人情况")
# A converter's or an extraction's generic header cell: 类别, 数据1, 列3, Column 2, 序号 …
_GENERIC = re.compile(r"(?:类别|项目|序号|指标|名称|栏目|信息内容|数据\d*|列\d*|col(?:umn)?\s*\d*|[A-Z])", re.IGNORECASE)
# A table's own title repeated inside it: 表三：收到和处理政府信息公开申请情况, 三、收到和处理…情况
_TITLE = re.compile(r"^(?:表[一二三四五六七八九十\d]+|[一二三四五六七八九十]、).{0,30}(?:情况|统计)$|^表[一二三四五六七八九十\d]+[：:、.]")


def is_header(cell: Cell) -> bool:
    """A cell of the column header, or of the table's 勾稽 note (a stray quote mark OCR made aside)."""
    text = re.sub(r"[“”\"'‘’]", "", compact(cell.text))
    return bool(text) and (set(text) <= _HEADER_CHARS or any(mark in text for mark in _HEADER_MARKS)
                           or _GENERIC.fullmatch(text) is not None)


def _is_title(cell: Cell) -> bool:
    return _TITLE.search(compact(cell.text)) is not None and "结转" not in cell.text and "新收" not in cell.text


def drop_headers(lines: list[list[Cell]]) -> list[list[Cell]]:
    """The lines without header rows and titles: a line of label cells only, all of them header
    cells or titles of the table (a header repeated after a page break, one cell per line or not)."""
    return [cells for cells in lines
            if not cells or any(c.is_value for c in cells) or not all(is_header(c) or _is_title(c) for c in cells)]
