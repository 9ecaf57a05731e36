"""Where a report's metadata came from, and its place in the country's divisions, as staff read them."""

from __future__ import annotations

from index.places import divisions
from index.report.metadata import source_names

FIELDS = (("agency", "机关"), ("year", "年度"))


def provenance(report: dict) -> str:
    """机关：标题；年度：统计期限 (a name the agency's other reports give is said so)."""
    labels = source_names()
    sources = report.get("sources") or {}
    parts = []
    for key, name in FIELDS:
        source = sources.get(key, "")
        base = source.split(" (")[0]
        if base:
            parts.append(f"{name}：{labels.get(base, base)}" + ("（名称与该机关其他报告统一）" if base != source else ""))
    return "；".join(parts)


def place_chain(report: dict) -> str:
    """The report's place from its province down (江苏省淮安市洪泽区), or its region as named."""
    code = report.get("division") or ""
    if not code or code not in divisions().by_code:
        return report.get("region") or ""
    chain = divisions().chain(code)
    region = report.get("region") or ""
    below = region.split(chain[-1].name, 1)[1] if chain[-1].name in region else ""
    return "".join(d.name for d in chain) + below
