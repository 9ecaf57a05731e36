"""Independent check of the built reports and questions: parse every table back from the
report text, verify the identities, the carry-over, and every gold citation/number."""
import json, re, glob
from decimal import Decimal

NUM = re.compile(r'(?:(?<=^)|(?<=[\s\u3000]))([+-]?\d+(?:\.\d+)?)(?=[\s\u3000]|$)', re.M)
R21 = ["new_received", "carried_in", "disclosed", "partially_disclosed", "withheld.state_secret",
       "withheld.prohibited_by_law", "withheld.security_stability", "withheld.third_party",
       "withheld.internal_affairs", "withheld.process_info", "withheld.enforcement_file",
       "withheld.query_matter", "unavailable.not_held", "unavailable.needs_creation",
       "unavailable.still_unclear", "not_processed.petition", "not_processed.duplicate",
       "not_processed.publication", "not_processed.excessive", "not_processed.confirmation",
       "other.no_correction", "other.unpaid_fee", "other.other", "processed_total", "carried_forward"]
R19 = R21[:20] + ["other", "processed_total", "carried_forward"]
COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total"]


def section(text, start_re, end_re):
    m = re.search(start_re, text, re.M)
    e = re.search(end_re, text[m.end():], re.M)
    return text[m.end(): m.end() + e.start()]


def parse(text):
    app_blk = section(text, r"^(?:#+ )?[三五]、(?:收到和处理政府信息公开申请情况|政府信息公开申请办理情况)\s*$",
                      r"^(?:#+ )?[四六]、政府信息公开行政复议、行政诉讼情况\s*$")
    # the 2019-format report has narrative before the table: start at the table header
    if "(本列数据的勾稽" in app_blk:
        app_blk = app_blk[app_blk.index("(本列数据的勾稽"):]
    vals = [int(x) for x in NUM.findall(app_blk)]
    rows = R21 if len(vals) == 175 else R19
    assert len(vals) == len(rows) * 7, len(vals)
    app = {r: dict(zip(COLS, vals[i * 7:(i + 1) * 7])) for i, r in enumerate(rows)}
    rv_blk = section(text, r"^(?:#+ )?[四六]、政府信息公开行政复议、行政诉讼情况\s*$",
                     r"^(?:#+ )?[五七]、")
    v = [int(x) for x in NUM.findall(rv_blk)]
    assert len(v) == 15
    rev = {g: dict(zip(["upheld", "corrected", "other", "pending", "total"], v[i * 5:(i + 1) * 5]))
           for i, g in enumerate(["review", "suit_direct", "suit_after_review"])}
    pr_blk = section(text, r"^(?:#+ )?[二四]、主动公开政府信息情况\s*$", r"^(?:#+ )?[三]、|^注：1\.|^1\. 行政权力")
    pv = NUM.findall(pr_blk)
    if len(pv) == 10:
        keys = [("rules", "issued"), ("rules", "repealed"), ("rules", "in_force"),
                ("normative_docs", "issued"), ("normative_docs", "repealed"), ("normative_docs", "in_force"),
                ("licensing", "decisions"), ("penalty", "decisions"), ("coercion", "decisions"), ("fees", "amount")]
    else:
        assert len(pv) == 20, len(pv)
        keys = [("rules", c) for c in ["made", "published", "total_published"]] + \
               [("normative_docs", c) for c in ["made", "published", "total_published"]] + \
               [(r, c) for r in ["licensing", "other_services", "penalty", "coercion"]
                for c in ["prior_items", "change", "decisions"]] + [("fees", "prior_items"), ("fees", "change")]
    pro = {}
    for (r, c), x in zip(keys, pv):
        pro.setdefault(r, {})[c] = x
    return app, rows, rev, pro


def check_identities(rid, app, rows, rev):
    results = rows[2:-2]
    for c in COLS:
        assert app["new_received"][c] + app["carried_in"][c] == app["processed_total"][c] + app["carried_forward"][c], (rid, c)
        assert app["processed_total"][c] == sum(app[r][c] for r in results), (rid, c)
    for r in rows:
        assert app[r]["total"] == sum(app[r][c] for c in COLS[:6]), (rid, r)
    for g, d in rev.items():
        assert d["total"] == d["upheld"] + d["corrected"] + d["other"] + d["pending"], (rid, g)


texts, parsed = {}, {}
for fn in sorted(glob.glob("/work/blind-names/reports/r*.txt")):
    rid = fn.split("/")[-1][:-4]
    texts[rid] = open(fn, encoding="utf-8").read()
    parsed[rid] = parse(texts[rid])
    check_identities(rid, *parsed[rid][:3])
for early, late in [("r02", "r07"), ("r09", "r01")]:
    assert parsed[early][0]["carried_forward"] == parsed[late][0]["carried_in"], (early, late)
print("tables OK:", ", ".join(f"{r}: new {p[0]['new_received']['total']}" for r, p in parsed.items()))


def cell(c):
    app, rows, rev, pro = parsed[c["report"]]
    t, r, col = c["table"], c["row"], c["column"]
    if t == "applications":
        if r in app:
            return app[r][col]
        return sum(v[col] for k, v in app.items() if k.startswith(r + "."))
    if t == "review_litigation":
        return rev[r][col]
    return pro[r][col]


n = 0
for line in open("/work/blind-names/questions.jsonl", encoding="utf-8"):
    q = json.loads(line)
    n += 1
    assert q["expect"] in ("answer", "refuse", "clarify")
    if q["expect"] != "answer":
        assert not q["numbers"] and not q["citations"], q["id"]
        continue
    assert q["numbers"], q["id"]
    for c in q["citations"]:
        alts = c["any"] if "any" in c else [c]
        for a in alts:
            if "table" in a:
                v = str(cell(a))
                assert v in q["numbers"], (q["id"], a, v)
            else:
                assert a["quote"] in texts[a["report"]], (q["id"], a["quote"])
                assert any(x.rstrip("%") in a["quote"] for x in q["numbers"]), (q["id"], a["quote"])
print(n, "questions OK")
