"""Report metadata: detected from the title, overridden by corpus/manifest.csv."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import UserError

MANIFEST_COLUMNS = ("id", "agency", "region", "level", "year", "file", "source_url")
_TITLE = re.compile(r"(?P<agency>[\u4e00-\u9fff()（）]{2,40}?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*政府信息\s*公开\s*工作\s*年度\s*报告")
_REGION = re.compile(r"^(?P<region>(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?[\u4e00-\u9fff]{1,8}?(?:市|自治州|地区|盟)"
                     r"(?:[\u4e00-\u9fff]{1,8}?(?:区|县|旗))?)")


@dataclass(frozen=True)
class Metadata:
    id: str
    agency: str = ""
    region: str = ""
    level: str = ""
    year: int | None = None
    file: str = ""
    source_url: str = ""


def detect(text: str) -> dict:
    """Agency, year, region and level read from the title at the top of the report."""
    head = " ".join(line.strip(" #\t") for line in text.strip().split("\n")[:8] if line.strip())
    match = _TITLE.search(head)
    if not match:
        return {}
    agency = match.group("agency")
    found = {"agency": agency, "year": int(match.group("year"))}
    region = _REGION.match(agency)
    if region:
        found["region"] = region.group("region")
        found["level"] = "区县级" if found["region"].endswith(("区", "县", "旗")) else "市级"
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
        warnings.append(f"{file}: agency or year could not be detected from the title; add a manifest row")
    return meta, warnings
