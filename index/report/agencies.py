"""One agency across its names: 洪泽区人民政府 (its 2023 report) is 淮安市洪泽区人民政府 (2024); a zone's
government is one agency whether a report says 人民政府, 管委会 or 管理委员会.

Reports are one agency when their names sit at the same division of the gazetteer (and the same
town or zone below it) and their bodies are the same: both the place's government, or one body in
other words (行政审批服务局, 审批局). The agency is then named as its report with the most places in
its name names it (the newest of those); every name stays searchable as the report's own."""

from __future__ import annotations

from ..places import GOVERNMENT, locate, role, variants
from .metadata import region_of


def _place_and_body(agency: str, division: str) -> tuple[str, str]:
    place, body = locate(agency)
    if place is None:
        return agency, ""
    key = (division or (place.division.code if place.division else place.named)) + "|" + place.below
    return key, body


def _places_length(agency: str) -> int:
    place, _ = locate(agency)
    return len(place.named) if place else 0


def _same_body(a: str, b: str) -> bool:
    return role(a) == role(b) == GOVERNMENT or bool(variants(a) & variants(b))


def names_of_one_agency(reports: list[dict]) -> dict[str, str]:
    """{name: the name the agency goes by} for every name that another report of the same agency
    gives otherwise."""
    groups: dict[str, list[dict]] = {}
    for r in reports:
        if r["named"] or r["agency"]:
            key, _ = _place_and_body(r["named"] or r["agency"], r.get("division") or "")
            groups.setdefault(key, []).append(r)
    out = {}
    for members in groups.values():
        bodies = {n: _place_and_body(n, "")[1] for n in {r["named"] or r["agency"] for r in members}}
        classes: list[list[str]] = []  # names whose bodies are one body
        for name in sorted(bodies):
            same = next((c for c in classes if any(_same_body(bodies[name], bodies[m]) for m in c)), None)
            if same is None:
                classes.append([name])
            else:
                same.append(name)
        for names in classes:
            reports = [r for r in members if (r["named"] or r["agency"]) in names]
            best = max(reports, key=lambda r: (_places_length(r["named"] or r["agency"]), r["year"] or 0,
                                               len(r["named"] or r["agency"])))
            out.update({n: best["named"] or best["agency"] for n in names if n != (best["named"] or best["agency"])})
    return out


def unify(store) -> list[str]:
    """Give every report its agency's one name, region and level; a report renamed loses its vectors'
    record, so that its chunks are embedded under the new name."""
    reports = store.reports()
    names = names_of_one_agency(reports)
    by_name = {r["named"] or r["agency"]: r for r in reports}
    notes = []
    for r in reports:
        own = r["named"] or r["agency"]
        full = names.get(own, own)
        if full == r["agency"]:
            continue
        if full == own:  # renamed by an earlier build, whose other report is gone: its own name again
            place = region_of(own)
            store.rename(r["id"], own, place.get("region", ""), place.get("level", ""), f"{r['file']}：标题中的机关名为{own}")
            continue
        model = by_name[full]
        store.rename(r["id"], full, model["region"] or "", model["level"] or "",
                     f"{r['file']}：标题中的机关名为{own}，与其他报告中的{full}是同一机关")
        notes.append(f"{r['file']}：{own}即{full}")
    return notes
