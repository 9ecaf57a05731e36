"""Answer text in the question's language, and the numbered citations it points to.

Every number written here is a cell's value (or a sum of cells, labelled as such)
with its citation; nothing else puts a number into an answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from pypinyin import lazy_pinyin

from index import format_value
from index.tables.facts import NOTE_BLANK, NOTE_GROUP_SUM, NOTE_OCR, NOTE_RUN, NOTE_SPLIT
from index.tables.schema import column_label, row_label

from ..datafile import DATA, rows
from ..retrieval.lookup import Cell, Facts
from ..understanding.lexicon import english_label
from .conflict import conflict

# Each reading of a phrase with several, as an answer that gives them all says it.
READINGS = {row: (zh, en) for _, (row, zh, en) in rows(DATA / "readings.tsv", ("row", "Chinese", "English"))}


@dataclass(frozen=True)
class Citation:
    """A numbered place an answer cites: a table cell (table, row, column and their labels, quote =
    the printed lines) or a sentence (quote = the sentence); start and end are its span in the
    report's text, when known."""

    n: int
    report_id: str
    agency: str
    year: int
    title: str
    section: str
    quote: str
    start: int | None = None
    end: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    row_label: str | None = None
    column_label: str | None = None

    @property
    def place(self) -> str:
        """Where it is: the section, and a cell's row × column."""
        return self.section + (f" · {self.row_label} × {self.column_label}" if self.table else "")

    def as_dict(self) -> dict:
        return asdict(self)


class Citations:
    """Numbered citations, one per distinct cell or quoted sentence."""

    def __init__(self):
        self.items: list[Citation] = []
        self._index: dict[tuple, int] = {}

    def add(self, key: tuple, **fields) -> int:
        if key not in self._index:
            self.items.append(Citation(n=len(self.items) + 1, **fields))
            self._index[key] = len(self.items)
        return self._index[key]

    def cell(self, facts: Facts, cell: Cell) -> str:
        """Cite a cell (the printed lines it stands on); returns its markers, e.g. [1]."""
        report = cell.report
        # A sum across rows (both kinds of lawsuit) cites each row; other cells cite their own lines.
        parts = list(cell.facts) if cell.computed and cell.column != "organisations" else [None]
        marks = []
        for fact in parts:
            row = fact["row"] if fact else cell.row
            column = fact["column"] if fact else cell.column
            lines = facts.sources(cell) if fact is None else [fact]
            spans = [(f["start"], f["end"]) for f in lines if f["start"] is not None]
            marks.append(self.add(
                ("cell", report["id"], cell.table, row, column), report_id=report["id"], agency=report["agency"],
                year=report["year"], title=report["title"], section=facts.section(report["id"], cell.table),
                table=cell.table, row=row, column=column, row_label=row_label(cell.table, row),
                column_label=column_label(cell.table, row, column),
                quote="\n".join(dict.fromkeys(f["source"] for f in lines)),
                start=min(s for s, _ in spans) if spans else None, end=max(e for _, e in spans) if spans else None))
        return "".join(f"[{n}]" for n in dict.fromkeys(marks))

    def quote(self, hit_chunk: dict, text: str, start: int, end: int, title: str) -> str:
        n = self.add(("quote", hit_chunk["report_id"], start, end), report_id=hit_chunk["report_id"],
                     agency=hit_chunk["agency"], year=hit_chunk["year"], title=title,
                     section=hit_chunk["section"] or "（报告开头）", quote=text, start=start, end=end)
        return f"[{n}]"


def place_en(agency: str, region: str = "") -> str:
    """A reader's English name for an agency: the pinyin of its place, then the Chinese name."""
    place = region or agency
    for suffix in ("市", "区", "县"):
        place = place.replace(suffix, " ")
    words = [w for w in place.split() if w]
    name = " ".join("".join(lazy_pinyin(w)).capitalize() for w in words[-1:] or [agency])
    return f"{name} ({agency})"


def value_text(cell: Cell, language: str) -> str:
    value = format_value(cell.value)
    if language == "en":
        return f"{value} 万元 (10,000 yuan)" if cell.unit == "万元" else value
    return f"{value}{cell.unit}"


def cell_phrase(cell: Cell, facts: Facts, cites: Citations, language: str, with_row: bool = True) -> str:
    """'结转下年度继续办理（总计）30件[1]', or its English form."""
    marks = cites.cell(facts, cell)
    row, col = row_label(cell.table, cell.row), column_label(cell.table, cell.row, cell.column)
    i = 1 if language == "en" else 0
    notes = []
    if cell.computed:
        notes.append(("由所引各格相加", "sum of the cells cited")[i])
    elif cell.derived and cell.facts[0]["note"].startswith(NOTE_GROUP_SUM):
        notes.append(("各项合计", "sum of its items")[i])
    elif cell.derived and cell.facts[0]["note"].startswith(NOTE_BLANK):
        notes.append(("报告此格空白，按国家格式计为0（表内勾稽关系在计为0时成立）",
                      "printed blank; read as 0, as the national format asks (the identities hold with 0)")[i])
    elif cell.derived:
        notes.append(("报告未印出此格，由表内勾稽关系推得", "not printed; derived from the table's identities")[i])
    elif cell.facts and cell.facts[0]["note"].startswith(NOTE_RUN):
        notes.append((f"报告中该行{cell.facts[0]['note']}",
                      "printed run together with its row's other cells; " + (
                          "split by the table's identities" if cell.facts[0]["note"].startswith(NOTE_SPLIT)
                          else "only one split is possible"))[i])
    if cell.facts and NOTE_OCR in cell.facts[0]["note"]:
        notes.append(("此格由扫描页经OCR识别", "read by OCR from a scanned page")[i])
    if facts.flagged(cell):
        notes.append(("注意：该表未通过核对", "note: this table failed a consistency check")[i])
    for year, other in facts.cross_year_notes(cell):
        notes.append((f"注意：与{year}年度报告的“{row_label(cell.table, other)}”不一致",
                      f"note: it disagrees with {english_label(cell.table, other) or other} in the {year} report")[i])
    if language == "en":
        en_row = english_label(cell.table, cell.row) or row
        en_col = english_label(cell.table, cell.column, "col") or col
        label = f"{en_row} ({row}), {en_col}" if with_row else f"{en_col} ({col})"
        if said := conflict(cell, language):
            return f"{label}: {said}{marks}"
        return f"{label}: {value_text(cell, language)}{marks}" + (f" ({'; '.join(notes)})" if notes else "")
    label = f"{row}（{col}）" if with_row else col
    if said := conflict(cell, language):  # no bare figure from an identity that fails
        return f"{label}：{said}{marks}"
    return f"{label}{value_text(cell, language)}{marks}" + (f"（{'；'.join(notes)}）" if notes else "")


def report_name(report: dict, language: str) -> str:
    if language == "en":
        return f"{place_en(report['agency'], report.get('region') or '')}, {report['year']} report"
    return f"{report['agency']}{report['year']}年度报告"


def availability(facts: Facts, language: str, agencies: list[str] | None = None, order: bool = False) -> str:
    """What the corpus holds: agencies with the years of their reports (in the order given, with order)."""
    years: dict[str, list[int]] = {}
    for r in facts.reports.values():
        if agencies is None or r["agency"] in agencies:
            years.setdefault(r["agency"], []).append(r["year"])
    files = sorted(r["file"] for r in facts.unnamed.values()) if agencies is None else []
    items = [(a, years[a]) for a in agencies if a in years] if order and agencies else sorted(years.items())
    if language == "en":
        text = "; ".join(f"{a} ({', '.join(map(str, sorted(y)))})" for a, y in items)
        return text + (f"; and {len(files)} report(s) whose agency or year is unknown: {', '.join(files)}"
                       if files else "")
    text = "、".join(f"{a}（{'、'.join(f'{y}年度' for y in sorted(y))}）" for a, y in items)
    return text + (f"；另有{len(files)}份报告的单位或年度未能识别：{'、'.join(files)}" if files else "")
