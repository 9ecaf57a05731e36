"""Draw the places for the blind-names eval set from jionlp's gazetteer.
Run: python3 draw_places.py   (deterministic: SEED below)."""
import random, re
from jionlp.dictionary.dictionary_loader import china_location_loader

SEED = 20250611
AVOID = {("山东省", "济南市"), ("山东省", "聊城市"), ("山东省", "淄博市"),
         ("山东省", "济宁市"), ("江苏省", "淮安市")}
AVOID_PROV = {"上海市", "北京市", "天津市", "重庆市"}  # 上海 excluded by brief; other 直辖市 excluded (no city level)
ZONE_RE = re.compile("开发区|高新|新区|工业园区|试验区")

d = china_location_loader()
counties, zones, cities = [], [], []
for p, pv in d.items():
    if p.startswith("_") or p in AVOID_PROV:
        continue
    for c, cv in pv.items():
        if c.startswith("_") or (p, c) in AVOID:
            continue
        if c.endswith("市") or c.endswith("自治州"):
            cities.append((p, c))
        for x, xv in cv.items():
            if x.startswith("_"):
                continue
            row = (p, c, x, xv.get("_alias"), xv.get("_admin_code"))
            if ZONE_RE.search(x):
                # a zone: named 开发区/高新区/工业园区/试验区/产业园区, or named 新区 with a
                # functional-zone code (…71–…74); other 新区 names (清新区, 沈北新区) are ordinary districts
                if re.search("开发区|高新区|新区|工业园区|试验区|产业园区", x) and not x.endswith("新区") or "新区" in x and xv.get("_admin_code", "").endswith(("71", "72", "73", "74")):
                    zones.append(row)
            elif re.search("(县|区|市|旗)$", x):
                counties.append(row)

rng = random.Random(SEED)
print("pools:", len(counties), "counties;", len(zones), "zones;", len(cities), "cities")
cand_counties = rng.sample(counties, 12)
cand_zones = rng.sample(zones, 3)
cand_cities = rng.sample(cities, 4)
print("\ncounty-level draws (in order):")
for r in cand_counties: print("  ", r)
print("\nzone draws (in order):")
for r in cand_zones: print("  ", r)
print("\ncity-level draws (in order):")
for r in cand_cities: print("  ", r, d[r[0]][r[1]].get("_alias"))
