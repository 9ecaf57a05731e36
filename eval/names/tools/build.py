"""Build /work/blind-names/reports/r*.txt."""
import os, re
import render_000, render_001, render_002, render_003, render_004
from data import REPORTS

OUT = "/work/blind-names/reports"
MODS = [render_000, render_001, render_002, render_003, render_004]
FORBIDDEN = ["济南", "历下", "淄博", "济宁", "聊城", "山东", "鲁政", "泉诚", "泉方位", "张店", "解放东路",
             "甸柳", "李国强", "续 明", "曹长征", "罗茜", "大汉", "北湖", "圣贤路", "3512000", "liaocheng",
             "jining", "shandong", "爱济南", "3183622", "3239633", "88150105", "51707772"]

os.makedirs(OUT, exist_ok=True)
done = set()
for m in MODS:
    for rid, v in m.VARS.items():
        text = m.render(rid, v)
        text = re.sub(r"\n{4,}", "\n\n\n", text)
        for f in FORBIDDEN:
            assert f not in text, (rid, f)
        open(f"{OUT}/{rid}.txt", "w", encoding="utf-8").write(text)
        done.add(rid)
assert done == set(REPORTS), (done ^ set(REPORTS))
print("built", sorted(done))
