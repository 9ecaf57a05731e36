"""Report metadata: agency and year from every clue the report gives (clues.py), the strongest source
winning; region, level and division from the agency's name through the national gazetteer; every
non-empty field of corpus/manifest.csv (or `index add --agency/--year`) overriding."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

from ..datafile import rows
from ..errors import UserError
from ..places import GOVERNMENT, OFFICE, locate, role, variants
from .clues import AGENCY_SOURCES, YEAR_SOURCES, Clue, read_clues, self_reference

MANIFEST_COLUMNS = ("id", "agency", "region", "level", "year", "file", "source_url")
MANIFEST = "manifest"
FIELD_NAMES = {"agency": "机关", "year": "年度"}


@lru_cache(maxsize=1)
def source_names() -> dict[str, str]:
    """Each source of a field (title, statistics period…) as a clerk reads it (标题, 统计期限…)."""
    return {source: label for _, (source, label) in rows(Path(__file__).parent / "data" / "sources.tsv",
                                                         ("source", "label"))}


def _said(source: str) -> str:
    return source_names().get(source, source)


@dataclass(frozen=True)
class Metadata:
    id: str
    agency: str = ""
    region: str = ""
    level: str = ""
    year: int | None = None
    file: str = ""
    source_url: str = ""
    division: str = ""  # the code of the agency's lowest division in the gazetteer
    sources: dict = field(default_factory=dict, compare=False)  # field → where it came from


def region_of(agency: str, context: str = "") -> dict:
    """{region, level, division} read from the places an agency's name starts with (淮安市洪泽区人民政府:
    淮安市洪泽区, 区县级, 洪泽区's code); {} when it names no place."""
    place, _ = locate(agency, context)
    if place is None:
        return {}
    return {"region": place.named, "level": place.level, "division": place.division.code if place.division else ""}


def _strongest(clues: list[Clue], name: str, order: tuple[str, ...]) -> list[Clue]:
    return sorted((c for c in clues if c.field == name), key=lambda c: order.index(c.source))


def same_agency(a: str, b: str, context: str = "") -> bool:
    """Whether two names stand for one agency: the same name in other words (管委会, 管理委员会), the same
    place with and without its city, or a place's government and its general office (the office
    publishes the government's report)."""
    if a == b or variants(a) & variants(b):
        return True
    (pa, ba), (pb, bb) = locate(a, context), locate(b, context)
    if pa is None or pb is None:
        return False
    place_a = pa.division.code + pa.below if pa.division else pa.named
    place_b = pb.division.code + pb.below if pb.division else pb.named
    if place_a != place_b:
        return False
    return bool(variants(ba) & variants(bb)) or {role(ba), role(bb)} <= {GOVERNMENT, OFFICE}


def detect(text: str, file: str = "", properties: dict | None = None) -> dict:
    """Agency, year, region and level read from the report's clues, each the strongest found."""
    meta, _ = _detected(text, file, properties)
    return {k: v for k, v in (("agency", meta.agency), ("year", meta.year), ("region", meta.region),
                              ("level", meta.level)) if v}


def _detected(text: str, file: str, properties: dict | None) -> tuple[Metadata, list[str]]:
    clues = read_clues(text, file, properties)
    agencies = _strongest(clues, "agency", AGENCY_SOURCES)
    years = _strongest(clues, "year", YEAR_SOURCES)
    warnings, sources, values = [], {}, {}
    if agencies:
        chosen = _government_if_self(agencies[0], text)
        values["agency"], sources["agency"] = chosen.value, chosen.source
        shown = set()
        for c in agencies[1:]:
            if c.value not in shown and not same_agency(chosen.value, c.value, text):
                shown.add(c.value)
                warnings.append(f"{_said(chosen.source)}给出的机关是{chosen.value}，{_said(c.source)}给出的是"
                                f"{c.value}（「{c.quote}」）；采用{_said(chosen.source)}")
    if years:
        values["year"], sources["year"] = years[0].value, years[0].source
        for c in {c.value: c for c in years[1:] if c.value != years[0].value}.values():
            warnings.append(f"{_said(years[0].source)}给出的年度是{years[0].value}，{_said(c.source)}给出的是"
                            f"{c.value}（「{c.quote}」）；采用{_said(years[0].source)}")
    meta = Metadata(id="", **values, sources=sources)
    return _placed(meta, text), warnings


def _government_if_self(clue: Clue, text: str) -> Clue:
    """A report that a place's general office signs or publishes, and that calls itself 我县 or 我区, is
    that place's government's."""
    place, body = locate(str(clue.value), text)
    if clue.source in ("title", "page title", "own words") or place is None or role(body) != OFFICE:
        return clue
    me = self_reference(text)
    if me and place.named.endswith(me):
        return Clue("agency", str(clue.value)[:len(place.named)] + "人民政府", clue.source, clue.quote)
    return clue


def _placed(meta: Metadata, text: str) -> Metadata:
    """The region, level and division of the agency's name, where the metadata does not set them."""
    if not meta.agency:
        return meta
    found = region_of(meta.agency, text)
    filled = {k: v for k, v in found.items() if not getattr(meta, k)}
    sources = {**meta.sources, **{k: "agency name" for k in filled if k != "division"}}
    if "division" in filled and filled["division"]:
        sources["division"] = "gazetteer"
    return replace(meta, **filled, sources=sources)


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
            values = {f.name: (row.get(f.name) or "").strip() for f in fields(Metadata) if f.name in MANIFEST_COLUMNS}
            values["year"] = int(year) if year else None
            rows[values["file"]] = Metadata(**values)
    return rows


def resolve(file: str, text: str, manifest: dict[str, Metadata],
            properties: dict | None = None) -> tuple[Metadata, list[str]]:
    """Metadata from the report's clues, with every non-empty manifest field taking precedence; each
    field's source recorded. Evidence that disagrees is a warning naming both."""
    detected, warnings = _detected(text, file, properties)
    warnings = [f"{file}: {w}" for w in warnings]
    row = manifest.get(file)
    if row is None:
        meta = Metadata(id=Path(file).stem, file=file)
    else:
        meta = row
        for name in ("agency", "year"):
            given, found = getattr(row, name), getattr(detected, name)
            if given and found and given != found and not (name == "agency" and same_agency(given, found, text)):
                warnings.append(f"{file}：清单给出的{FIELD_NAMES[name]}是{given}，{_said(detected.sources[name])}"
                                f"给出的是{found}；采用清单")
    given = {k for k in ("agency", "year", "region", "level") if getattr(meta, k)}
    if meta.agency and meta.agency != detected.agency:
        detected = _placed(Metadata(id="", agency=meta.agency, year=detected.year,
                                    sources={k: v for k, v in detected.sources.items() if k == "year"}), text)
    filled = {k: getattr(detected, k) for k in ("agency", "year", "region", "level", "division")
              if not getattr(meta, k) and getattr(detected, k)}
    sources = {**{k: v for k, v in detected.sources.items() if k in filled}, **{k: MANIFEST for k in given}}
    if meta.division or "division" in filled:
        sources.setdefault("division", "gazetteer")
    meta = replace(meta, **filled, sources=sources)
    if row is None and manifest:  # a corpus with a manifest, and a file it leaves out: said, in case it was missed
        found = "，".join(f"{FIELD_NAMES[k]}来自{_said(v)}" for k, v in sources.items() if k in FIELD_NAMES)
        warnings.append(f"{file}：清单中没有这份报告；{found or '标题、正文和文件名中都没有找到机关和年度'}")
    if not meta.agency or meta.year is None:
        missing = "和".join(FIELD_NAMES[n] for n, v in (("agency", meta.agency), ("year", meta.year)) if not v)
        warnings.append(f"{file}：标题、正文和文件名中都找不到{missing}；请用 python -m index add --agency 机关名称 "
                        f"--year 年度 {file} 设定（或写入清单 manifest.csv）")
    return meta, warnings
