"""One agency under several titles: 洪泽区人民政府 (its 2023 report) is 淮安市洪泽区人民政府 (2024).

A report titled with a name that another report of the corpus gives in full, with the places above
it prefixed (淮安市 + 洪泽区人民政府), is that agency's report. Only an unambiguous fuller name is taken.
"""

from __future__ import annotations

from .metadata import is_place, region_of


def fuller_names(agencies: set[str]) -> dict[str, str]:
    """{name: the one fuller name of the same agency} for the names that have one."""
    out = {}
    for name in agencies:
        longer = [n for n in agencies if n != name and n.endswith(name) and is_place(n[:-len(name)])]
        if len(longer) == 1:
            out[name] = longer[0]
    return out


def unify(store) -> list[str]:
    """Give every report titled with a shorter name its agency's fuller name, region and level; the
    reports changed lose their vectors' record, so that their chunks are embedded under the new name."""
    reports = store.reports()
    names = fuller_names({r["agency"] for r in reports if r["agency"]})
    notes = []
    for r in reports:
        full = names.get(r["agency"])
        if full:
            place = region_of(full)
            store.rename(r["id"], full, place.get("region", ""), place.get("level", ""),
                         f"{r['file']}: titled {r['agency']}; the same agency as {full} in other reports of the corpus")
            notes.append(f"{r['file']}: {r['agency']} is {full}")
    return notes
