"""The parsed results of one report: facts (table cells), checks and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# What a derived fact is, as its note says (and the answers and the app read it).
NOTE_GROUP_SUM = "各项之和"
NOTE_BLANK = "印为空白，按国家格式读作0"
NOTE_BLANK_CHECKED = NOTE_BLANK + "（表内勾稽关系在读作0时成立）"
# A printed cell whose row's digits came run together (runs.py): how it was split.
NOTE_RUN = "数字连在一起印出"
NOTE_SPLIT = NOTE_RUN + "，按表内勾稽关系拆分"
NOTE_ONLY_SPLIT = NOTE_RUN + "，只有一种拆法"
# A cell read from a scanned page (index/formats/ocr.py), after any other note.
NOTE_OCR = "经OCR识别"


@dataclass(frozen=True)
class Fact:
    """One table cell. A derived fact was computed, not printed (a group sum,
    or a cell the extraction lost that the table's identities determine)."""

    table: str
    row: str
    column: str
    value: Decimal
    unit: str
    source: str
    start: int | None
    end: int | None
    derived: bool = False
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.table, self.row, self.column)


@dataclass(frozen=True)
class Check:
    """A recorded identity or cross-check: status is pass, fail or skip."""

    name: str
    table: str
    status: str
    detail: str
    numbers: dict[str, str] = field(default_factory=dict)


@dataclass
class TableResult:
    """What one table yielded. checks are the reader's own findings (cells it could not place);
    unplaced are the printed rows left out for that; placed_by_identities counts the rows that
    only the identities placed."""

    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format: str = ""
    region: tuple[int, int] | None = None
    checks: list[Check] = field(default_factory=list)
    unplaced: set[int] = field(default_factory=set)
    placed_by_identities: int = 0


def format_value(value: Decimal) -> str:
    """Exact text of a value: integers without a decimal point, decimals as printed."""
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:
        return str(int(value))
    return str(value)


def json_value(value: Decimal) -> int | str:
    """A JSON number for integers, a decimal string otherwise (never a float)."""
    text = format_value(value)
    return int(text) if "." not in text else text
