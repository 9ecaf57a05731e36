"""Naming by construction: report titles and questions over places drawn from the national gazetteer
(jionlp's divisions), not from a list written here. CI runs them with a fixed seed (the hypothesis
profile `ci`, derandomized); locally every run draws anew."""

from __future__ import annotations

import re

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from index.places import divisions, find, locate
from index.report.metadata import resolve
from qa.understanding.gazetteer import Gazetteer
from qa.understanding.places import GENERIC_PLACE
from qa.understanding.understand import understand

G = divisions()
COUNTIES = sorted(c for c, d in G.by_code.items() if d.level == "county" and not d.zone)
CITIES = sorted(c for c, d in G.by_code.items() if d.level == "city")
ZONES = sorted(c for c, d in G.by_code.items() if d.zone)
SUBJECT = "政府信息公开工作年度报告"
BODY = "\n本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n本年度工作平稳。\n"
TRADITIONAL = opencc.OpenCC("s2t")


def government(place: str, zone: bool) -> str:
    """The body that governs a place: a zone's administrative committee, a league's or prefecture's
    administrative office (盟, 地区), else the people's government."""
    if place.endswith(("委员会", "管委会")):  # a unit named as a body (大柴旦行政委员会, 乌拉盖管委会)
        return place
    if zone:
        return place + "管理委员会"
    return place + ("行政公署" if place.endswith(("盟", "地区")) else "人民政府")


def unique(name: str) -> bool:
    return len(G.forms.get(name, ())) == 1


def titles(place: str, agency: str) -> list[tuple[str, int]]:
    """A report's title in each of its forms, with the year it names."""
    return [(f"{place}2024年{SUBJECT}", 2024),  # the place alone: its government's report
            (f"{agency}2023年{SUBJECT}", 2023),
            (f"2022年{agency}{SUBJECT}", 2022),  # year first
            (f"{agency}\n2 0 2 1 年政府信息公开\n工作年度报告", 2021),  # broken over lines, spaced digits
            (f"首页>政务公开>政府信息公开年报\n{agency}2020年度{SUBJECT}", 2020),  # after a site's path
            (f"正文\n{agency}\n{SUBJECT}\n（2019年度）", 2019)]  # a running head; the year on a line of its own


def check_titles(code: str, prefixed: bool) -> None:
    d = G.by_code[code]
    parent = G.chain(code)[-2] if len(G.chain(code)) > 1 else None
    place = (parent.name if prefixed and parent else "") + d.name
    agency = government(place, d.zone)
    for title, year in titles(place, agency):
        meta, _ = resolve("report.txt", title + BODY, {})
        assert (meta.agency, meta.year, meta.region) == (agency, year, place), title
        assert meta.level == ("区县级" if d.level == "county" else "市级"), title
        assert meta.division == code or not unique(d.name) and not prefixed, (title, meta.division)
        assert meta.sources["agency"] == "title" and meta.sources["year"] == "title"


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.sampled_from(COUNTIES), min_size=500, max_size=500, unique=True),
       st.lists(st.sampled_from(CITIES), min_size=100, max_size=100, unique=True),
       st.lists(st.sampled_from(ZONES), min_size=40, max_size=40, unique=True))
def test_titles_name_agency_region_and_year_for_any_division(counties, cities, zones):
    for code in counties:
        check_titles(code, prefixed=False)
        check_titles(code, prefixed=True)  # with its city (or its province, for a municipality's district)
    for code in cities + zones:
        check_titles(code, prefixed=False)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(COUNTIES), st.sampled_from(["经济开发区", "高新技术产业开发区", "工业园区", "临港新区", "综合试验区"]),
       st.sampled_from(["管理委员会", "管委会"]))
def test_a_zone_inside_a_county_that_the_gazetteer_does_not_list(code, zone, committee):
    county = G.by_code[code]
    city = G.chain(code)[-2]
    place = city.name + county.name + zone
    meta, _ = resolve("report.txt", f"{place}{committee}2024年{SUBJECT}" + BODY, {})
    assert (meta.agency, meta.region, meta.level, meta.year) == (place + committee, place, "区县级", 2024)
    assert meta.division == code


# -- questions over an index of such reports --------------------------------------------------------

def _cities_with_siblings() -> list[str]:
    """Cities with two or more counties whose names are names (not 城区, 郊区, 新区: words too)."""
    out = []
    for code in CITIES:
        counties = [c for c in G.children.get(code, ()) if not G.by_code[c].zone
                    and not GENERIC_PLACE.match(G.by_code[c].name)]
        if len(counties) >= 2:
            out.append(code)
    return out


CITIES_WITH_SIBLINGS = _cities_with_siblings()


def _report(title: str, file: str, body: str = BODY) -> dict:
    meta, _ = resolve(file, title + body, {})
    return {"agency": meta.agency, "named": meta.agency, "region": meta.region, "division": meta.division,
            "year": meta.year, "level": meta.level}


def _asked(gazetteer: Gazetteer, question: str):
    return understand(question, gazetteer)


def _spelled(name: str) -> str:
    return "".join(lazy_pinyin(name)).capitalize()


def _strip(name: str) -> str:
    return re.sub(r"(?:市|区|县|旗)$", "", name) if len(name) > 2 else name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_place_named_in_any_form_resolves_to_its_report(data):
    city = G.by_code[data.draw(st.sampled_from(CITIES_WITH_SIBLINGS), label="city")]
    province = G.chain(city.code)[0]
    counties = [c for c in G.children[city.code] if not G.by_code[c].zone and not GENERIC_PLACE.match(G.by_code[c].name)]
    county, sibling = (G.by_code[c] for c in data.draw(st.permutations(counties), label="counties")[:2])
    zone = G.by_code[data.draw(st.sampled_from([z for z in ZONES if G.by_code[z].parent != city.code]), label="zone")]
    reports = [_report(f"{city.name}2024年{SUBJECT}", "a.txt"),  # the city alone: its government
               _report(f"{city.name}行政审批服务局2024年{SUBJECT}", "b.txt"),  # another body of the city
               _report(f"{government(city.name + county.name, False)}2023年{SUBJECT}", "c.txt"),
               # the same county, titled by its name alone; its text says where it is (朝阳区: of which city?)
               _report(f"{county.name}2024年{SUBJECT}", "d.txt", f"\n{city.name}{county.name}人民政府办公室负责编制本报告。{BODY}"),
               _report(f"{zone.name}管委会2024年{SUBJECT}", "e.txt")]
    city_gov, bureau, county_gov = (r["agency"] for r in reports[:3])
    zone_gov = reports[4]["agency"]
    assert reports[3]["division"] == county.code
    reports[3]["agency"] = county_gov  # one agency across its names, as the build joins them
    gazetteer = Gazetteer(reports)
    tail = "2024年新收了多少件政府信息公开申请？"

    # the county, in every form people write it
    forms = [county.name, city.name + county.name, city.name + "的" + county.name, province.name + city.name + county.name]
    forms += [s + county.name for s in city.shorts if unique(s)]
    short = _strip(county.name)
    if len(short) >= 2 and short not in {city.name, *city.shorts, _strip(city.name)}:
        forms += [short, (city.shorts[0] if city.shorts else city.name) + short]
    for form in forms:
        q = _asked(gazetteer, form + tail)
        assert (q.agencies, q.unknown, q.years) == ([county_gov], [], [2024]), form
    q = _asked(gazetteer, TRADITIONAL.convert(city.name + county.name) + "２０２４年新收了多少件政府信息公開申請？")
    assert (q.agencies, q.years) == ([county_gov], [2024])
    others = {_spelled(n) for n in (_strip(city.name), *city.shorts, _strip(zone.name), *zone.shorts)}
    if len(short) >= 2 and _spelled(short) not in others:  # Wenshan: 文山州 or 文山市 alike, asked back
        q = _asked(gazetteer, f"How many applications did {_spelled(short)} receive in 2024?")
        assert q.agencies == [county_gov], _spelled(short)
    assert _asked(gazetteer, county.name + "历年新收了多少件申请？").agencies == [county_gov]

    # the city alone is its government, not its bureau or its county; the bureau by its function
    assert _asked(gazetteer, city.name + tail).agencies == [city_gov]
    assert _asked(gazetteer, city.name + "行政审批服务局" + tail).agencies == [bureau]
    assert _asked(gazetteer, city.name + "审批局" + tail).agencies == [bureau]

    # a sibling county of the same city is not indexed: refused, naming the city's reports first
    q = _asked(gazetteer, sibling.name + tail)
    assert q.agencies == [] and q.unknown == [sibling.name], sibling.name
    if unique(sibling.name):
        assert set(q.nearby[:3]) == {city_gov, bureau, county_gov}
    else:  # 长安区: of 西安市 or 石家庄市, the reports in either city come first
        assert {city_gov, bureau, county_gov} <= set(q.nearby)
    q = _asked(gazetteer, city.name + sibling.name + tail)
    assert q.agencies == [] and q.unknown, sibling.name

    # the zone by its name and its committee, never its city; the city is not the zone
    zone_forms = [zone.name, zone.name + "管委会", zone.name + "管理委员会"]
    for form in zone_forms:
        assert _asked(gazetteer, form + tail).agencies == [zone_gov], form
    zone_city = G.by_code[zone.parent]
    q = _asked(gazetteer, zone_city.name + "人民政府" + tail)
    assert q.agencies == [] and zone_gov in q.nearby[:1], zone_city.name

    # the hierarchy: a province's reports, a city's places below it
    q = _asked(gazetteer, province.name + "各地2024年新收申请分别是多少？")
    under_province = {city_gov, bureau, county_gov} | ({zone_gov} if G.within(zone.code, province.code) else set())
    assert set(q.agencies) == under_province
    assert _asked(gazetteer, city.name + "下面各区县2024年新收申请分别是多少？").agencies == [county_gov]


@pytest.mark.parametrize("text", ["依据中华人民共和国的条例", "政务公开平台建设", "惠民政策落实情况", "加强合作交流",
                                  "人民政府和政务公开工作"])
def test_words_that_hold_a_place_name_are_no_place(text):
    """A place's short name inside another word (共和 of 共和国, 开平 of 公开平台) is not a place."""
    gazetteer = Gazetteer([{"agency": "淮安市人民政府", "region": "淮安市", "year": 2024}])
    q = understand(text + "有哪些内容？", gazetteer)
    assert (q.agencies, q.unknown) == ([], [])


def test_a_short_name_inside_a_longer_place_is_not_that_place():
    """安新 (安新县) inside 雄安新区, which the gazetteer does not list: a zone of its own, not 安新县."""
    place, body = locate("雄安新区管理委员会")
    assert (place.named, place.division, place.level, body) == ("雄安新区", None, "区县级", "管理委员会")
    assert [G.by_code[c].name for m in find("安新县2024年") for c in m.codes] == ["安新县"]


def test_a_corpus_titled_by_place_alone_is_named_without_a_manifest(tmp_path, capsys):
    """`index build` over reports titled by their place alone, with no manifest: every agency and year
    found, and `index reports` says where each came from."""
    import os
    import random

    from index.__main__ import main as index_main
    from tests.conftest import seed_text

    seed = 22 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else random.randrange(10**6)
    rng = random.Random(seed)
    picks = rng.sample(COUNTIES, 3) + rng.sample(CITIES, 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = seed_text("liaocheng-gov-2024")
    title = text.strip().split("\n")[0]
    expected = {}
    for n, code in enumerate(picks):
        d = G.by_code[code]
        place = (G.chain(code)[-2].name if d.level == "county" else "") + d.name
        year = 2023 if n == 0 else 2024
        report = text.replace(title, f"{place}{year}年政府信息公开工作年度报告").replace("聊城市", place)
        (corpus / f"r{n}.txt").write_text(report.replace("2024", str(year)), encoding="utf-8")
        expected[f"r{n}"] = (government(place, d.zone), str(year))
    assert index_main(["build", "--corpus", str(corpus), "--no-vectors", "--quiet"]) == 0
    capsys.readouterr()
    assert index_main(["reports"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    got = {f[0]: (f[1], f[4]) for f in lines}
    assert got == expected, seed
    assert all(f[-1] == "agency from title; year from title" and f[5] == "ok" for f in lines), (seed, lines)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from([c for c in COUNTIES if not GENERIC_PLACE.match(G.by_code[c].name)]),
       st.sampled_from(["经济开发区", "高新技术产业开发区", "工业园区"]))
def test_a_zone_inside_a_county_and_the_county_are_not_confused(code, zone):
    county, city = G.by_code[code], G.chain(code)[-2]
    reports = [_report(f"{city.name}{county.name}{zone}管理委员会2024年{SUBJECT}", "z.txt"),
               _report(f"{city.name}{county.name}2024年{SUBJECT}", "c.txt")]
    zone_gov, county_gov = (r["agency"] for r in reports)
    gazetteer = Gazetteer(reports)
    tail = "2024年新收了多少件政府信息公开申请？"
    for form in (county.name + zone, city.name + county.name + zone, county.name + zone + "管委会"):
        assert _asked(gazetteer, form + tail).agencies == [zone_gov], form
    for form in (county.name, city.name + county.name):
        assert _asked(gazetteer, form + tail).agencies == [county_gov], form
    assert set(_asked(gazetteer, county.name + "的各个机构" + tail).agencies) == {zone_gov, county_gov}
