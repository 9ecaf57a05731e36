"""Report metadata: detected from the title, overridden by corpus/manifest.csv."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..errors import UserError

MANIFEST_COLUMNS = ("id", "agency", "region", "level", "year", "file", "source_url")
_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_SUBJECT = re.compile(r"政府信息公开(?:工作)?(?:年度)?报告|年度报告")
_NAME = re.compile(r"[\u4e00-\u9fff()（）]{2,40}")
# A title line: short, and no sentence punctuation.
_TITLE_LINE = re.compile(r"^[^。，；：:,;]{1,40}$")
_REGION = re.compile(
    r"^(?P<region>(?P<province>[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?P<city>[\u4e00-\u9fff]{1,7}?(?:市|自治州|地区|盟))?"
    r"(?P<county>[\u4e00-\u9fff]{1,12}?(?:新区|开发区|高新区|园区|区|县|旗|市))?"
    r"(?P<town>[\u4e00-\u9fff]{1,8}?(?:街道|镇|乡))?)")
_LEVELS = {"province": "省级", "city": "市级", "county": "区县级", "town": "乡镇级"}


def _places() -> dict[str, str]:
    path = Path(__file__).parent / "data" / "places.tsv"
    lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return {place.strip(): level.strip() for place, level in lines}


PLACE_LEVELS = _places()
# How the name of a government body ends.
BODY_ENDINGS = ("政府", "办公厅", "办公室", "委员会", "管委会", "局", "厅", "委", "署", "院", "办", "中心", "处", "所",
                "站", "馆", "队", "部", "会", "街道办事处", "街道", "镇", "乡")
@dataclass(frozen=True)
class Metadata:
    id: str
    agency: str = ""
    region: str = ""
    level: str = ""
    year: int | None = None
    file: str = ""
    source_url: str = ""


def _title(text: str) -> str:
    """The title: the short lines at the top that end with the one naming the report, joined."""
    lines = [line.strip(" #\t") for line in text.strip().split("\n")[:12]]
    lines = [_DIGIT_GAP.sub("", line).replace(" ", "") for line in lines if line.strip(" #\t")]
    for end, line in enumerate(lines):
        if _SUBJECT.search(line):
            start = end
            while start > 0 and _TITLE_LINE.match(lines[start - 1]) and not _SUBJECT.search(lines[start - 1]):
                start -= 1
            return "".join(lines[start:end + 1])
    return ""


def is_place(text: str) -> bool:
    """Whether text is a run of place names only (淮安市, 山东省济南市)."""
    match = _REGION.match(text)
    return bool(text) and match is not None and match.group("region") == text


def region_of(agency: str) -> dict:
    """Region and level read from the places an agency's name starts with (淮安市洪泽区人民政府:
    淮安市洪泽区, 区县级); empty when it names no place."""
    match = _REGION.match(agency)
    if not match or not match.group("region") or match.group("region") == agency:
        return {}
    region = match.group("region")
    lowest = next(k for k in ("town", "county", "city", "province") if match.group(k))
    level = PLACE_LEVELS.get(match.group(lowest)) or _LEVELS[lowest]
    return {"region": region, "level": level}


def detect(text: str) -> dict:
    """Agency, year, region and level read from the title at the top of the report: a title broken
    over lines, with spaces inside its numbers, with the year before or after the agency."""
    title = _title(text)
    year = _YEAR.search(title)
    subject = _SUBJECT.search(title)
    if not year or not subject:
        return {}
    before = _NAME.findall(title[:year.start()])
    between = _NAME.findall(title[year.end():subject.start()])
    # The agency stands before the year (洪泽区人民政府2023年…) or after it (2025年上海市人民政府办公厅…);
    # before the year, a title's running head (正文) may stand too: a name that ends as a body does wins.
    candidates = [n for n in (before[-1:] + between[:1]) if n]
    agency = next((n for n in candidates if region_of(n) or n.endswith(BODY_ENDINGS)), None)
    if agency is None:
        return {}
    found = {"agency": agency, "year": int(year.group(1))}
    found.update(region_of(agency))
    return found


def read_manifest(path: Path) -> dict[str, Metadata]:
    """Manifest rows keyed by file name (relative to the corpus directory)."""
    if not path.exists():
        return {}
    rows: dict[str, Metadata] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"id", "file"} - set(reader.fieldnames or ())
        if missing:
            raise UserError(f"{path}: manifest lacks the column(s) {', '.join(sorted(missing))}; "
                            f"expected {', '.join(MANIFEST_COLUMNS)}")
        for n, row in enumerate(reader, start=2):
            if not (row.get("id") or "").strip() or not (row.get("file") or "").strip():
                raise UserError(f"{path}, line {n}: every row needs an id and a file")
            year = (row.get("year") or "").strip()
            if year and not year.isdigit():
                raise UserError(f"{path}, line {n}: year {year!r} is not a number")
            values = {f.name: (row.get(f.name) or "").strip() for f in fields(Metadata)}
            values["year"] = int(year) if year else None
            rows[values["file"]] = Metadata(**values)
    return rows


def resolve(file: str, text: str, manifest: dict[str, Metadata]) -> tuple[Metadata, list[str]]:
    """Detected metadata, with every non-empty manifest field taking precedence."""
    warnings = []
    detected = detect(text)
    row = manifest.get(file)
    if row is None:
        warnings.append(f"{file}: no manifest row; using the metadata detected from its title")
        meta = Metadata(id=Path(file).stem, file=file)
    else:
        meta = row
    filled = {k: v for k, v in detected.items() if not getattr(meta, k)}
    meta = replace(meta, **filled)
    if not meta.agency or meta.year is None:
        missing = " and ".join(n for n, v in (("agency", meta.agency), ("year", meta.year)) if not v)
        warnings.append(f"{file}: its {missing} could not be detected from the title; set them with: "
                        f"python -m index add --agency NAME --year YEAR {file} (or in the manifest)")
    return meta, warnings
