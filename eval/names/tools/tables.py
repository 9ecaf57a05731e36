"""Table data for the blind-names reports, identity checks, and seed-layout rendering.
Each table keeps its seed's printed layout: the seed's table block is copied and its
numeric cells are replaced, in printed order, by this report's figures."""
import re

SEEDS = "/work/shared/seeds/"
SEED_FILES = {
    "000": "000_038c4bf3dec24e5b.txt", "001": "001_cf13eb81c073527c.txt",
    "002": "002_521dd7cc156fe419.txt", "003": "003_fac3aa8f181fedbf.txt",
    "004": "004_def4f50e650d16ba.txt",
}
# (start marker, end marker) of each table body (the heading line itself is excluded)
BLOCKS = {
    "000": {"proactive": ("## 二、主动公开政府信息情况\n", "## 三、收到"),
            "applications": ("## 三、收到和处理政府信息公开申请情况\n", "#### 四、政府"),
            "review_litigation": ("#### 四、政府信息公开行政复议、行政诉讼情况\n", "#### 五、")},
    "001": {"proactive": ("四、主动公开政府信息情况\n", "1. 行政权力运行公开"),
            "applications": ("(本列数据的勾稽", "六、政府信息公开行政复议"),
            "review_litigation": ("六、政府信息公开行政复议、行政诉讼情况\n", "七、政府信息公开工作存在")},
    "002": {"proactive": ("二、主动公开政府信息情况\n", "注：1."),
            "applications": ("三、收到和处理政府信息公开申请情况\n", "四、政府信息公开行政复议"),
            "review_litigation": ("四、政府信息公开行政复议、行政诉讼情况\n", "五、存在")},
    "003": {"proactive": ("二、主动公开政府信息情况\n", "三、收到"),
            "applications": ("三、收到和处理政府信息公开申请情况\n", "四、政府信息公开行政复议"),
            "review_litigation": ("四、政府信息公开行政复议、行政诉讼情况\n", "五、存在")},
    "004": {"proactive": ("二、主动公开政府信息情况\n", "三、收到"),
            "applications": ("三、收到和处理政府信息公开申请情况\n", "四、政府信息公开行政复议"),
            "review_litigation": ("四、政府信息公开行政复议、行政诉讼情况\n", "五、存在")},
}
NUM = re.compile(r'(?:(?<=^)|(?<=[\s\u3000]))([+-]?\d+(?:\.\d+)?)(?=[\s\u3000]|$)', re.M)

COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total"]
RESULTS_21 = ["disclosed", "partially_disclosed",
              "withheld.state_secret", "withheld.prohibited_by_law", "withheld.security_stability",
              "withheld.third_party", "withheld.internal_affairs", "withheld.process_info",
              "withheld.enforcement_file", "withheld.query_matter",
              "unavailable.not_held", "unavailable.needs_creation", "unavailable.still_unclear",
              "not_processed.petition", "not_processed.duplicate", "not_processed.publication",
              "not_processed.excessive", "not_processed.confirmation",
              "other.no_correction", "other.unpaid_fee", "other.other"]
RESULTS_19 = RESULTS_21[:18] + ["other"]
ROWS_21 = ["new_received", "carried_in"] + RESULTS_21 + ["processed_total", "carried_forward"]
ROWS_19 = ["new_received", "carried_in"] + RESULTS_19 + ["processed_total", "carried_forward"]
GROUPS = ["review", "suit_direct", "suit_after_review"]
GCOLS = ["upheld", "corrected", "other", "pending", "total"]


def seed_block(seed, table):
    t = open(SEEDS + SEED_FILES[seed], encoding="utf-8").read()
    a, b = BLOCKS[seed][table]
    i = t.index(a)
    j = t.index(b, i + len(a))
    if a.endswith("\n"):
        i += len(a)
    blk = t[i:j]
    if seed == "004" and table == "applications":
        # extraction glitches of the seed that would leave a cell unreadable are repaired:
        # the first row's label and the sixth cell of the carried-forward row.
        blk = blk.replace("\n\t\t1909\t", "\n一、本年新收政府信息公开申请数量\t\t1909\t", 1)
        blk = blk.replace("四、结转下年度继续办理\t\t\t\t29\t1\t0\t0\t0\t30",
                          "四、结转下年度继续办理\t\t\t29\t1\t0\t0\t0\t0\t30", 1)
    return blk.rstrip("\n") + "\n"


def fill(seed, table, values):
    blk = seed_block(seed, table)
    slots = NUM.findall(blk)
    assert len(slots) == len(values), (seed, table, len(slots), len(values))
    it = iter(values)
    return NUM.sub(lambda m: str(next(it)), blk)


def build_applications(spec, fmt="2021"):
    """spec: dict row -> 6 applicant values (missing rows = zeros), with new_received,
    carried_in, carried_forward given; 'disclosed' is the balancing row."""
    rows = ROWS_21 if fmt == "2021" else ROWS_19
    results = RESULTS_21 if fmt == "2021" else RESULTS_19
    z = [0] * 6
    app = {r: list(spec.get(r, z)) for r in rows}
    for r in spec:
        assert r in rows, r
    for c in range(6):
        other = sum(app[r][c] for r in results if r != "disclosed")
        app["disclosed"][c] = app["new_received"][c] + app["carried_in"][c] - app["carried_forward"][c] - other
        assert app["disclosed"][c] >= 0, (c, app["disclosed"][c])
        app["processed_total"][c] = sum(app[r][c] for r in results)
    for r in rows:
        app[r] = app[r] + [sum(app[r])]
    # identities
    for c in range(7):
        assert app["new_received"][c] + app["carried_in"][c] == app["processed_total"][c] + app["carried_forward"][c]
        assert app["processed_total"][c] == sum(app[r][c] for r in results)
    return {r: dict(zip(COLS, v)) for r, v in app.items()}, rows


def build_review(spec):
    out = {}
    for g in GROUPS:
        v = list(spec.get(g, [0, 0, 0, 0]))
        out[g] = dict(zip(GCOLS, v + [sum(v)]))
        assert out[g]["total"] == sum(out[g][k] for k in GCOLS[:4])
    return out


def group_sum(app, group, col="total"):
    return sum(v[col] for r, v in app.items() if r.startswith(group + "."))
