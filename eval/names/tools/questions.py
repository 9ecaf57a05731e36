"""Write /work/blind-names/questions.jsonl. Gold numbers are read from the report data
(the same figures printed in the tables), never typed by hand."""
import json, re
from decimal import Decimal
from data import REPORTS

REP = "/work/blind-names/reports/"
Q = []


def val(rid, table, row, col):
    r = REPORTS[rid]
    if table == "applications":
        if row in ("withheld", "unavailable", "not_processed", "other") and row not in r["app"]:
            return sum(v[col] for k, v in r["app"].items() if k.startswith(row + "."))
        return r["app"][row][col]
    if table == "review_litigation":
        return r["review"][row][col]
    if table == "proactive":
        p = r["proactive"]
        if r["fmt"] == "2021":
            if row in ("rules", "normative_docs"):
                return p[row][["issued", "repealed", "in_force"].index(col)]
            assert col in ("decisions", "amount")
            return p[row]
        if row in ("rules", "normative_docs"):
            return p[row][["made", "published", "total_published"].index(col)]
        return p[row][["prior_items", "change", "decisions"].index(col)]
    raise KeyError(table)


def C(rid, table, row, col):
    return {"report": rid, "table": table, "row": row, "column": col}


def S(rid, section, quote):
    text = open(REP + rid + ".txt", encoding="utf-8").read()
    assert quote in text, (rid, quote)
    # the quote must lie under its section heading
    i = text.index(quote)
    heads = [m for m in re.finditer(r"^(?:#+ )?([一二三四五六七八]、[^\n.]*)$", text, re.M) if m.start() < i]
    assert heads and heads[-1].group(1).strip() == section, (rid, section, heads[-1].group(1) if heads else None)
    return {"report": rid, "section": section, "quote": quote}


def ANY(*cs):
    return {"any": list(cs)}


def nums_of(cites):
    out = []
    for c in cites:
        if "any" in c:
            c = c["any"][0]
        if "table" in c:
            out.append(str(val(c["report"], c["table"], c["row"], c["column"])))
    return out


def q(cat, question, cites=(), expect="answer", extra=(), context=(), note="", numbers=None):
    cites = list(cites)
    if numbers is None:
        numbers = list(dict.fromkeys(nums_of(cites) + [str(x) for x in extra]))  # order kept, no repeats
    if expect != "answer":
        assert not cites and not numbers
    Q.append({"id": f"names-{len(Q) + 1:03d}", "category": cat, "question": question,
              "context": list(context), "expect": expect, "numbers": numbers,
              "citations": cites, "note": note})


A = "applications"; RL = "review_litigation"; P = "proactive"
NEW, CI, CF, DONE = "new_received", "carried_in", "carried_forward", "processed_total"
T = "total"

# ---------------- 徐州市人民政府 (r02 = 2023, r07 = 2024) ----------------
q("naming", "徐州市人民政府2024年新收政府信息公开申请多少件？", [C("r07", A, NEW, T)],
  note="Full official name + year. r07 = 徐州市人民政府 2024 (title split by spaces: '徐州市人民政府 2024 年政府信息 公开工作年度报告').")
q("naming", "徐州2023年结转下年度继续办理的政府信息公开申请有多少件？", [C("r02", A, CF, T)],
  note="City without 市 suffix. The 2023 report r02 opens with a site breadcrumb and a year-first title. 泉山区 (also under 徐州) is not meant: the place alone is the city government.")
q("naming", "江苏徐州2024年政府信息公开申请予以公开的有多少件？",
  [ANY(C("r07", A, "disclosed", T), S("r07", "一、总体情况", "予以公开 680 件"))],
  note="Province short form + city short form. The figure is printed in the table and in the narrative.")
q("english", "How many new government information disclosure requests did Xuzhou receive in 2024?",
  [C("r07", A, NEW, T)],
  note="Pinyin city name; Xuzhou alone = 徐州市人民政府 (not 泉山区). 'New requests' = 本年新收 (1642), not 新收+结转 (1662).")
q("naming", "xuzhou市2024年政府信息公开行政诉讼里未经复议直接起诉的总计多少件？", [C("r07", RL, "suit_direct", T)],
  note="Pinyin mixed into Chinese (xuzhou市).")
q("table_figure", "徐州市人民政府2024年行政处罚的本年处理决定数量是多少？", [C("r07", P, "penalty", "decisions")],
  note="Table 二 (主动公开), 2021 format.")
q("table_figure", "徐州市2023年行政事业性收费金额是多少万元？", [C("r02", P, "fees", "amount")],
  note="Amount kept at full precision as printed.")
q("naming", "徐州市２０２３年因本机关不掌握相关政府信息而无法提供的申请有多少件？",
  [C("r02", A, "unavailable.not_held", T)], note="Full-width digits in the year.")
q("over_years", "徐州市历年新收政府信息公开申请数量分别是多少？",
  [C("r02", A, NEW, T), C("r07", A, NEW, T)],
  note="No year: every indexed year of 徐州市人民政府 (2023 and 2024). 泉山区 is not included (the place alone is the city government).")
q("over_years", "徐州市2023到2024年新收政府信息公开申请增加了多少件？",
  [C("r02", A, NEW, T), C("r07", A, NEW, T)],
  extra=[val("r07", A, NEW, T) - val("r02", A, NEW, T)], note="1642 - 1415 = 227.")
q("over_years", "徐州市政府行政复议结果纠正的有几件？",
  [C("r02", RL, "review", "corrected"), C("r07", RL, "review", "corrected")],
  note="No year given: both years of 徐州市人民政府 (2023: 17, 2024: 20).")

# ---------------- 徐州市泉山区人民政府 (r10, 2024) ----------------
q("naming", "徐州市泉山区人民政府2024年新收政府信息公开申请数量是多少？", [C("r10", A, NEW, T)],
  note="Full official name with city.")
q("naming", "泉山区2024年结转下年度继续办理的申请有几件？", [C("r10", A, CF, T)],
  note="District without its city.")
q("naming", "泉山2024年政府信息公开申请予以公开了多少件？", [C("r10", A, "disclosed", T)],
  note="District name without 区 suffix.")
q("english", "How many disclosure requests did Quanshan District in Xuzhou carry forward into 2025?",
  [C("r10", A, CF, T)], note="Pinyin district + city; carried forward from the 2024 report = 结转下年度继续办理.")
q("naming", "江苏省徐州市泉山区2024年因属于四类过程性信息不予公开的有几件？",
  [C("r10", A, "withheld.process_info", T)], note="Province + city + district chain.")
q("text_fact", "泉山区2024年“其他处理”中的“其他”是什么情况，共几件？",
  [ANY(C("r10", A, "other.other", T),
       S("r10", "六、其他需要报告的事项", "第3项“其他”的9件依申请公开属于“申请人自愿撤回申请”"))],
  note="The explanation (申请人自愿撤回申请) is only in section 六（五）.")
q("followup", "那泉山区呢？", [C("r10", A, NEW, T)],
  context=["徐州市2024年新收政府信息公开申请多少件？"],
  note="Follow-up moves from the city government (r07) to its district (r10); same figure (new requests), same year.")
q("table_figure", "泉山区行政规范性文件现行有效件数是多少？", [C("r10", P, "normative_docs", "in_force")],
  note="No year: 泉山区 has only the 2024 report.")

# ---------------- 来宾市人民政府 (r11) and 来宾市行政审批局 (r06), 2024 ----------------
q("naming", "来宾市2024年新收政府信息公开申请多少件？", [C("r11", A, NEW, T)],
  note="The place alone = 来宾市人民政府 (r11, title '来宾市2024年政府信息公开工作年度报告'), not 来宾市行政审批局 (r06).")
q("naming", "來賓市政府2024年政府信息公開行政複議總計多少件？", [C("r11", RL, "review", T)],
  note="Traditional characters (來賓、公開、複議、總計).")
q("table_figure", "来宾2024年行政许可的本年处理决定数量是多少？", [C("r11", P, "licensing", "decisions")],
  note="来宾 alone = the city government (386145); the 行政审批局 report prints a different 行政许可 figure (91764), which is not meant.")
q("naming", "广西壮族自治区来宾市2024年部分公开的申请有多少件？", [C("r11", A, "partially_disclosed", T)],
  note="Full province name + city.")
q("naming", "来宾市行政审批局2024年新收政府信息公开申请多少件？", [C("r06", A, NEW, T)],
  note="r06's title has no agency ('2024年政府信息公开工作年度报告'); the agency is on the 发布机构 line and in the body.")
q("table_figure", "来宾市审批局2024年行政许可处理决定数量是多少？", [C("r06", P, "licensing", "decisions")],
  note="Short form 审批局 for 行政审批局; a function is named, so not the city government.")
q("english", "How many information disclosure requests did the Laibin Administrative Approval Bureau receive in 2024?",
  [C("r06", A, NEW, T)], note="English name of the bureau.")
q("followup", "那来宾市行政审批局呢？", [C("r06", A, NEW, T)],
  context=["来宾市2024年新收了多少政府信息公开申请？"],
  note="First turn = city government (416); follow-up switches to the bureau of the same city.")

# ---------------- 乌鲁木齐高新技术产业开发区管理委员会 (r03, 2024) ----------------
q("naming", "乌鲁木齐高新技术产业开发区管理委员会2024年新收政府信息公开申请多少件？", [C("r03", A, NEW, T)],
  note="Full official name of the zone's agency; the title uses the short form '乌鲁木齐高新区管委会'.")
q("naming", "乌鲁木齐高新区2024年结转下年度继续办理的有几件？", [C("r03", A, CF, T)],
  note="Zone short form without 管委会.")
q("naming", "新疆乌鲁木齐高新区2024年商业企业提出的新申请有几件？", [C("r03", A, NEW, "commercial")],
  note="Region short name + zone; a non-total column.")
q("naming", "烏魯木齊高新區管委會２０２４年上年結轉的申請有幾件？", [C("r03", A, CI, T)],
  note="Traditional characters + full-width digits.")
q("english", "How many new disclosure requests did the Urumqi High-tech Zone administrative committee receive in 2024?",
  [C("r03", A, NEW, T)], note="English/pinyin (Urumqi = 乌鲁木齐).")
q("table_figure", "乌市高新区2024年行政许可本年处理决定数量是多少？", [C("r03", P, "licensing", "decisions")],
  note="乌市 = colloquial short form of 乌鲁木齐市.")

# ---------------- 景德镇市昌江区人民政府 (r04, 2024) ----------------
q("naming", "景德镇市昌江区人民政府2024年新收政府信息公开申请多少件？", [C("r04", A, NEW, T)],
  note="Full name with city; the report title has no city ('昌江区人民政府2024年…'), the city is in the breadcrumb and the signature.")
q("naming", "景德镇昌江区2024年结转下年度继续办理多少件？", [C("r04", A, CF, T)],
  note="City short form + district; answer is 0.")
q("naming", "江西景德镇的昌江区2024年予以公开多少件？", [C("r04", A, "disclosed", T)],
  note="Province + city + 的 + district.")
q("english", "How many new requests for government information did Changjiang District of Jingdezhen receive in 2024?",
  [C("r04", A, NEW, T)], note="Pinyin; Changjiang District (景德镇) is not 昌江黎族自治县 (海南).")
q("naming", "昌江区政府2024年因本机关不掌握相关政府信息无法提供的申请有多少件？",
  [C("r04", A, "unavailable.not_held", T)], note="District without city, 政府 instead of 人民政府.")

# ---------------- 珙县人民政府 (r09 = 2023, r01 = 2024) ----------------
q("naming", "珙县2024年新收政府信息公开申请多少件？", [C("r01", A, NEW, T)],
  note="Place alone with suffix; r01's title is '珙县2024年政府信息公开工作年度报告' (place alone = 珙县人民政府).")
q("naming", "四川省宜宾市珙县人民政府2023年结转下年度继续办理几件？", [C("r09", A, CF, T)],
  note="Full chain province + city + county + 人民政府.")
q("naming", "宜宾珙县2023年新收的政府信息公开申请有多少件？", [C("r09", A, NEW, T)],
  note="City short form + county; r09's title is on two lines ('宜宾市珙县人民政府' / '2023年政府信息公开工作年度报告').")
q("naming", "珙縣２０２４年上年結轉的政府信息公開申請有幾件？", [C("r01", A, CI, T)],
  note="Traditional 縣/結轉/公開/申請 + full-width digits.")
q("english", "How many new information disclosure requests did Gong County (Gongxian) in Yibin receive in 2023?",
  [C("r09", A, NEW, T)], note="Pinyin (Gongxian = 珙县).")
q("naming", "gongxian 2024年政府信息公开行政复议总计多少件？", [C("r01", RL, "review", T)],
  note="Pinyin mixed into Chinese. The narrative also states it ('被申请行政复议5件').")
q("over_years", "珙县历年新收政府信息公开申请数量是多少？", [C("r09", A, NEW, T), C("r01", A, NEW, T)],
  note="No year: both indexed years (2023: 45, 2024: 61).")
q("over_years", "珙县2023到2024年新收申请增加了多少件？", [C("r09", A, NEW, T), C("r01", A, NEW, T)],
  extra=[val("r01", A, NEW, T) - val("r09", A, NEW, T)], note="61 - 45 = 16.")
q("over_years", "珙县2024年报告的上年结转数和2023年报告的结转下年度数对得上吗？",
  [C("r01", A, CI, T), C("r09", A, CF, T)], note="Both 4 (column by column too: 自然人 3, 商业企业 1).")
q("followup", "2024年呢？", [C("r01", RL, "review", T)],
  context=["珙县2023年政府信息公开行政复议总计是多少件？"],
  note="Same agency and figure, other year (2023: 3; the follow-up asks 2024: 5).")
q("text_fact", "珙县2024年办理的政府信息公开申请较上年增长了百分之多少？",
  [S("r01", "一、总体情况", "县政府共办理政府信息公开申请63件，较上年增长46.51%")],
  numbers=["46.51%"], note="Stated only in the narrative; consistent with (七)总计 43 (2023) → 63 (2024).")

# ---------------- 灯塔市人民政府 (r08, 2022) ----------------
q("naming", "灯塔市人民政府2022年新收政府信息公开申请多少件？", [C("r08", A, NEW, T)],
  note="County-level city, full name.")
q("naming", "辽宁灯塔2022年结转下年度继续办理的申请有几件？", [C("r08", A, CF, T)],
  note="Province short form + place without 市 (灯塔 is also a common word, 'lighthouse').")
q("naming", "辽阳市灯塔市2022年政府信息公开申请予以公开多少件？", [C("r08", A, "disclosed", T)],
  note="Prefecture-level city + county-level city (辽阳市灯塔市); the title gives '辽宁省灯塔市人民政府' without 辽阳.")
q("english", "How many new disclosure requests did Dengta, a county-level city of Liaoyang in Liaoning, receive in 2022?",
  [C("r08", A, NEW, T)], note="Pinyin (Dengta = 灯塔市).")
q("naming", "燈塔市2022年部分公開的申請有多少件？", [C("r08", A, "partially_disclosed", T)],
  note="Traditional characters (燈塔、公開、申請).")

# ---------------- 驻马店市驿城区人民政府 (r05, 2020, 2019 format) ----------------
q("naming", "驻马店市驿城区2020年新收政府信息公开申请多少件？", [C("r05", A, NEW, T)],
  note="City + district; r05's title is on two lines followed by a date and a table of contents.")
q("naming", "驿城区人民政府2020年结转下年度继续办理几件？", [C("r05", A, CF, T)],
  note="District + 人民政府 without city.")
q("table_figure", "河南驻马店驿城2020年其他对外管理服务事项的处理决定数量是多少？",
  [C("r05", P, "other_services", "decisions")], note="2019-format 主动公开 table (other_services row); district without 区.")
q("english", "How many new information disclosure requests did Yicheng District of Zhumadian receive in 2020?",
  [C("r05", A, NEW, T)], note="Pinyin; 'Yicheng' alone is ambiguous (宜城、翼城、驿城), the city disambiguates.")
q("text_fact", "驿城区2020年收到的政府信息公开申请同比去年增加了多少件？",
  [S("r05", "五、政府信息公开申请办理情况", "我区共计收到政府信息公开申请224件，同比去年增加48件")],
  numbers=["48"], note="Only in the narrative of section 五 (the 2019 report is not indexed).")

# ---------------- hierarchy, comparisons, derived ----------------
q("comparison_ranking", "江苏省各地2024年新收政府信息公开申请分别是多少？",
  [C("r07", A, NEW, T), C("r10", A, NEW, T)],
  note="Every indexed 2024 report under 江苏省: 徐州市人民政府 1642, 徐州市泉山区人民政府 300.")
q("comparison_ranking", "徐州市下面的区县2024年新收政府信息公开申请各是多少？",
  [C("r10", A, NEW, T)],
  note="Only one county-level unit under 徐州 is indexed (泉山区, 300); the city government itself is not a 区县.")
q("comparison_ranking", "广西来宾的各个机构2024年结转下年度继续办理的申请分别有多少？",
  [C("r11", A, CF, T), C("r06", A, CF, T)],
  note="Both indexed agencies of 来宾: 市人民政府 9, 市行政审批局 1.")
q("comparison_ranking", "泉山区、昌江区和珙县2024年新收申请谁最多？",
  [C("r10", A, NEW, T), C("r04", A, NEW, T), C("r01", A, NEW, T)],
  note="泉山区 300 > 昌江区 104 > 珙县 61.")
q("comparison_ranking", "四川省各地历年新收政府信息公开申请是多少？",
  [C("r09", A, NEW, T), C("r01", A, NEW, T)],
  note="Province level, no year: the only indexed agency in 四川 is 珙县人民政府 (2023: 45, 2024: 61).")
q("comparison_ranking", "来宾市政府和来宾市行政审批局2024年新收申请各多少，哪个多？",
  [C("r11", A, NEW, T), C("r06", A, NEW, T)], note="416 (government) > 35 (bureau).")
q("derived_figure", "徐州市2024年不予公开的政府信息公开申请共多少件？",
  [ANY(C("r07", A, "withheld", T), S("r07", "一、总体情况", "不予公开 71 件"))],
  note="Sum of the eight 不予公开 rows (8+6+2+17+6+12+16+4 = 71); also stated in the narrative.")
q("derived_figure", "珙县2024年无法提供的申请一共几件？", [C("r01", A, "unavailable", T)],
  note="Sum of the three 无法提供 rows of r01: 13 + 3 + 1 = 17.")
q("derived_figure", "昌江区2024年新收的申请里，法人或其他组织提出的共有多少件？",
  [C("r04", A, NEW, "natural_person"), C("r04", A, NEW, T)],
  extra=[val("r04", A, NEW, T) - val("r04", A, NEW, "natural_person")],
  note="104 total - 97 自然人 = 7 (equivalently 商业企业 6 + 法律服务机构 1).")

# ---------------- ambiguity ----------------
q("ambiguity", "市政府2024年新收政府信息公开申请多少件？", expect="clarify",
  note="Two city governments have 2024 reports (徐州市 1642, 来宾市 416); the system should ask which city (listing both is also acceptable).")
q("ambiguity", "区政府2024年结转下年度继续办理多少件？", expect="clarify",
  note="Two district governments have 2024 reports (徐州市泉山区 3, 景德镇市昌江区 0); ask which one.")

# ---------------- refusals ----------------
q("refusal", "宜宾市高县2024年新收政府信息公开申请多少件？", expect="refuse",
  note="高县 is a sibling county of 珙县 (same city 宜宾); not indexed. Trap: do not answer with 珙县.")
q("refusal", "筠连县2023年结转下年度继续办理多少件？", expect="refuse",
  note="Sibling county of 珙县 under 宜宾市; not indexed.")
q("refusal", "徐州市云龙区2024年新收政府信息公开申请多少件？", expect="refuse",
  note="Sibling district of 泉山区; neither it nor its report is indexed.")
q("refusal", "乌鲁木齐市人民政府2024年新收政府信息公开申请多少件？", expect="refuse",
  note="Parent city of the zone; only the zone's 管委会 is indexed.")
q("refusal", "徐州市2022年新收政府信息公开申请多少件？", expect="refuse",
  note="Year not indexed for 徐州市人民政府 (only 2023, 2024). The 2023 report does not print 2022 figures.")
q("refusal", "灯塔市2024年政府信息公开申请予以公开多少件？", expect="refuse",
  note="Year not indexed for 灯塔市 (only 2022).")
q("refusal", "海南昌江黎族自治县2024年新收政府信息公开申请多少件？", expect="refuse",
  note="Same-name trap: 昌江县 (海南) is not 昌江区 (景德镇, indexed).")
q("refusal", "来宾市发改委2024年新收政府信息公开申请多少件？", expect="refuse",
  note="A function is named: 来宾市发展和改革委员会 is not indexed (only the city government and its 行政审批局).")
q("refusal", "辽阳县2022年新收政府信息公开申请多少件？", expect="refuse",
  note="Neighbouring county of 灯塔市 under 辽阳市; not indexed.")
q("followup", "那珠山区呢？", expect="refuse", context=["景德镇昌江区2024年新收政府信息公开申请多少件？"],
  note="Follow-up to a sibling district (珠山区, 景德镇) that is not indexed.")

from collections import Counter as _C; print(len(Q), _C(x["category"] for x in Q)); assert len(Q) == 80, len(Q)
with open("/work/blind-names/questions.jsonl", "w", encoding="utf-8") as f:
    for x in Q:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
from collections import Counter
print(len(Q), Counter(x["category"] for x in Q), Counter(x["expect"] for x in Q))
