"""The chat's example questions, made from the reports the app serves (any corpus, not one we know)."""

from __future__ import annotations

from index.places import divisions

from ..datafile import DATA, rows
from ..understanding.aliases import seat_of, spellings, strip_suffix


def example_questions(reports: list[dict]) -> list[str]:
    """The templates of qa/data/examples.tsv filled with the indexed agencies: governments first (of
    places before zones), each with its newest year; [] when nothing is indexed."""
    newest: dict[str, dict] = {}
    for r in reports:
        if r.get("agency") and r.get("year") and r["year"] >= newest.get(r["agency"], {}).get("year", 0):
            newest[r["agency"]] = r
    if not newest:
        return []
    seats = {a: seat_of(a, r["region"] or "", r.get("division") or "") for a, r in newest.items()}
    # a zone's name in pinyin is a mouthful (Wulumuqigaoxinjishu…): places of their own first
    zone = {a: bool(s.division) and divisions().by_code[s.division].zone or bool(s.below) for a, s in seats.items()}
    ordered = sorted(newest.values(), key=lambda r: (seats[r["agency"]].rank, zone[r["agency"]], -r["year"], r["agency"]))
    out = []
    for _, (which, template) in rows(DATA / "examples.tsv", ("which", "template")):
        r = ordered[int(which) % len(ordered)]
        place = r["region"] or r["agency"]
        seat = seats[r["agency"]]
        own = divisions().by_code[seat.division].name if seat.division else place
        pinyin = min(spellings(strip_suffix(own)), key=len).capitalize()
        out.append(template.format(place=place, agency=r["agency"].replace("人民政府", "政府"), year=r["year"],
                                   pinyin=pinyin))
    return list(dict.fromkeys(out))
