"""Figures of every report. 'disclosed' is computed as the balancing row of each column."""
from tables import build_applications, build_review

Z = [0] * 6
def c0(n):  # natural person only
    return [n, 0, 0, 0, 0, 0]

REPORTS = {}

def add(rid, fmt, apps, review, proactive):
    app, rows = build_applications(apps, fmt)
    REPORTS[rid] = {"fmt": fmt, "app": app, "rows": rows, "review": build_review(review),
                    "proactive": proactive}

# r02 徐州市人民政府 2023 (seed 004)
add("r02", "2021", {
    "new_received": [1388, 15, 0, 1, 9, 2], "carried_in": [12, 0, 0, 0, 2, 0],
    "carried_forward": [17, 2, 0, 0, 1, 0],
    "partially_disclosed": [263, 1, 0, 0, 0, 0],
    "withheld.state_secret": c0(6), "withheld.prohibited_by_law": c0(4), "withheld.security_stability": c0(1),
    "withheld.third_party": [11, 1, 0, 0, 0, 0], "withheld.internal_affairs": c0(5),
    "withheld.process_info": c0(9), "withheld.enforcement_file": c0(13), "withheld.query_matter": c0(3),
    "unavailable.not_held": [402, 4, 0, 0, 2, 0], "unavailable.needs_creation": c0(10),
    "unavailable.still_unclear": c0(3),
    "not_processed.petition": c0(9), "not_processed.duplicate": c0(7), "not_processed.excessive": c0(1),
    "other.no_correction": c0(21), "other.other": [47, 0, 0, 0, 1, 0],
}, {"review": [61, 17, 4, 6], "suit_direct": [15, 3, 6, 2], "suit_after_review": [8, 1, 1, 3]},
    {"rules": [2, 1, 61], "normative_docs": [18, 9, 203], "licensing": 1408322, "penalty": 2851076,
     "coercion": 27514, "fees": "98213.406271"})

# r07 徐州市人民政府 2024 (seed 004); carried_in = r02 carried_forward
add("r07", "2021", {
    "new_received": [1604, 22, 1, 0, 12, 3], "carried_in": [17, 2, 0, 0, 1, 0],
    "carried_forward": [24, 1, 0, 0, 0, 1],
    "partially_disclosed": [297, 2, 0, 0, 1, 0],
    "withheld.state_secret": c0(8), "withheld.prohibited_by_law": c0(6), "withheld.security_stability": c0(2),
    "withheld.third_party": [15, 2, 0, 0, 0, 0], "withheld.internal_affairs": c0(6),
    "withheld.process_info": c0(12), "withheld.enforcement_file": c0(16), "withheld.query_matter": c0(4),
    "unavailable.not_held": [455, 5, 0, 0, 3, 0], "unavailable.needs_creation": c0(12),
    "unavailable.still_unclear": c0(2),
    "not_processed.petition": c0(11), "not_processed.duplicate": c0(9), "not_processed.publication": c0(1),
    "not_processed.excessive": c0(2),
    "other.no_correction": c0(26), "other.other": [58, 1, 0, 0, 0, 0],
}, {"review": [72, 20, 6, 8], "suit_direct": [19, 5, 7, 1], "suit_after_review": [10, 2, 2, 5]},
    {"rules": [3, 2, 62], "normative_docs": [21, 14, 210], "licensing": 1526807, "penalty": 3014552,
     "coercion": 29806, "fees": "104577.218903"})

# r11 来宾市人民政府 2024 (seed 004)
add("r11", "2021", {
    "new_received": [402, 9, 0, 0, 4, 1], "carried_in": c0(6), "carried_forward": [8, 0, 0, 0, 1, 0],
    "partially_disclosed": [71, 1, 0, 0, 0, 0],
    "withheld.state_secret": c0(1), "withheld.prohibited_by_law": c0(2), "withheld.third_party": c0(4),
    "withheld.internal_affairs": c0(3), "withheld.process_info": c0(5), "withheld.enforcement_file": c0(6),
    "withheld.query_matter": c0(2),
    "unavailable.not_held": [118, 2, 0, 0, 1, 0], "unavailable.needs_creation": c0(5),
    "unavailable.still_unclear": c0(1),
    "not_processed.petition": c0(4), "not_processed.duplicate": c0(3), "not_processed.confirmation": c0(1),
    "other.no_correction": c0(7), "other.other": c0(12),
}, {"review": [14, 3, 1, 2], "suit_direct": [4, 1, 0, 1], "suit_after_review": [2, 0, 1, 0]},
    {"rules": [1, 0, 23], "normative_docs": [12, 7, 96], "licensing": 386145, "penalty": 412377,
     "coercion": 5216, "fees": "21408.77"})

# r10 徐州市泉山区人民政府 2024 (seed 000)
add("r10", "2021", {
    "new_received": [286, 11, 0, 1, 2, 0], "carried_in": c0(4), "carried_forward": [2, 1, 0, 0, 0, 0],
    "partially_disclosed": [58, 2, 0, 0, 0, 0],
    "withheld.prohibited_by_law": c0(1), "withheld.third_party": c0(5), "withheld.internal_affairs": c0(7),
    "withheld.process_info": c0(9), "withheld.enforcement_file": c0(2), "withheld.query_matter": c0(6),
    "unavailable.not_held": [64, 3, 0, 0, 1, 0], "unavailable.needs_creation": c0(8),
    "unavailable.still_unclear": c0(2),
    "not_processed.petition": c0(5), "not_processed.duplicate": c0(3),
    "other.no_correction": c0(4), "other.other": c0(9),
}, {"review": [9, 2, 0, 1], "suit_direct": [2, 1, 0, 0], "suit_after_review": [1, 0, 0, 0]},
    {"rules": [0, 0, 0], "normative_docs": [3, 1, 27], "licensing": 5237, "penalty": 1864,
     "coercion": 23, "fees": "312.5"})

# r04 景德镇市昌江区人民政府 2024 (seed 000)
add("r04", "2021", {
    "new_received": [97, 6, 0, 0, 1, 0], "carried_in": c0(2), "carried_forward": Z,
    "partially_disclosed": [19, 1, 0, 0, 0, 0],
    "withheld.third_party": c0(2), "withheld.internal_affairs": c0(1), "withheld.process_info": c0(3),
    "unavailable.not_held": [21, 1, 0, 0, 0, 0], "unavailable.needs_creation": c0(4),
    "unavailable.still_unclear": c0(1),
    "not_processed.petition": c0(2), "not_processed.duplicate": c0(1),
    "other.no_correction": c0(1), "other.other": c0(3),
}, {"review": [3, 1, 0, 0], "suit_direct": [1, 0, 0, 1]},
    {"rules": [0, 0, 0], "normative_docs": [2, 0, 15], "licensing": 2961, "penalty": 733,
     "coercion": 12, "fees": "86.4"})

# r03 乌鲁木齐高新技术产业开发区管理委员会 2024 (seed 000)
add("r03", "2021", {
    "new_received": [19, 7, 0, 0, 0, 2], "carried_in": [0, 1, 0, 0, 0, 0], "carried_forward": c0(2),
    "partially_disclosed": [3, 1, 0, 0, 0, 0],
    "withheld.third_party": [0, 1, 0, 0, 0, 0], "withheld.process_info": c0(1),
    "unavailable.not_held": [4, 1, 0, 0, 0, 1], "unavailable.needs_creation": c0(1),
    "not_processed.petition": c0(1), "other.other": c0(1),
}, {"review": [1, 0, 0, 1]},
    {"rules": [0, 0, 0], "normative_docs": [4, 2, 11], "licensing": 1583, "penalty": 96,
     "coercion": 0, "fees": "0"})

# r09 珙县人民政府 2023 (seed 002)
add("r09", "2021", {
    "new_received": [41, 3, 0, 0, 0, 1], "carried_in": c0(2), "carried_forward": [3, 1, 0, 0, 0, 0],
    "partially_disclosed": c0(6), "withheld.internal_affairs": c0(1), "withheld.process_info": c0(2),
    "unavailable.not_held": [9, 1, 0, 0, 0, 0], "unavailable.needs_creation": c0(2),
    "not_processed.petition": c0(3), "not_processed.duplicate": c0(1), "other.other": c0(2),
}, {"review": [2, 1, 0, 0], "suit_direct": [1, 0, 0, 0]},
    {"rules": [0, 0, 0], "normative_docs": [3, 1, 18], "licensing": 4127, "penalty": 958,
     "coercion": 31, "fees": "0"})

# r01 珙县人民政府 2024 (seed 002); carried_in = r09 carried_forward
add("r01", "2021", {
    "new_received": [58, 2, 0, 0, 1, 0], "carried_in": [3, 1, 0, 0, 0, 0], "carried_forward": c0(2),
    "partially_disclosed": c0(9), "withheld.security_stability": c0(1), "withheld.third_party": c0(2),
    "withheld.process_info": c0(3), "withheld.enforcement_file": c0(1),
    "unavailable.not_held": [12, 1, 0, 0, 0, 0], "unavailable.needs_creation": c0(3),
    "unavailable.still_unclear": c0(1),
    "not_processed.petition": c0(4), "not_processed.duplicate": c0(2),
    "other.no_correction": c0(1), "other.other": c0(3),
}, {"review": [3, 0, 1, 1], "suit_direct": [0, 1, 0, 1], "suit_after_review": [1, 0, 0, 0]},
    {"rules": [0, 0, 0], "normative_docs": [5, 2, 21], "licensing": 4486, "penalty": 1102,
     "coercion": 27, "fees": "0"})

# r08 灯塔市人民政府 2022 (seed 002)
add("r08", "2021", {
    "new_received": [73, 4, 0, 0, 0, 0], "carried_in": c0(1), "carried_forward": c0(5),
    "partially_disclosed": c0(11), "withheld.third_party": c0(2), "withheld.internal_affairs": c0(2),
    "withheld.process_info": c0(4),
    "unavailable.not_held": [19, 1, 0, 0, 0, 0], "unavailable.needs_creation": c0(3),
    "not_processed.petition": c0(2), "not_processed.duplicate": c0(1),
    "other.no_correction": c0(2), "other.other": c0(4),
}, {"review": [4, 1, 0, 0], "suit_direct": [2, 0, 1, 0]},
    {"rules": [0, 0, 0], "normative_docs": [2, 3, 34], "licensing": 3390, "penalty": 615,
     "coercion": 8, "fees": "56.2"})

# r06 来宾市行政审批局 2024 (seed 003)
add("r06", "2021", {
    "new_received": [31, 4, 0, 0, 0, 0], "carried_in": Z, "carried_forward": c0(1),
    "partially_disclosed": c0(6), "unavailable.not_held": [2, 1, 0, 0, 0, 0], "other.other": c0(1),
}, {},
    {"rules": [0, 0, 0], "normative_docs": [0, 0, 0], "licensing": 91764, "penalty": 0,
     "coercion": 0, "fees": "0"})

# r05 驻马店市驿城区人民政府 2020 (seed 001, 2019 format)
add("r05", "2019", {
    "new_received": [203, 17, 0, 0, 3, 1], "carried_in": c0(3), "carried_forward": c0(4),
    "partially_disclosed": [24, 1, 0, 0, 0, 0], "withheld.third_party": c0(3),
    "withheld.internal_affairs": c0(2), "withheld.process_info": c0(5),
    "withheld.enforcement_file": [0, 1, 0, 0, 0, 0],
    "unavailable.not_held": [51, 4, 0, 0, 1, 0], "unavailable.needs_creation": c0(6),
    "unavailable.still_unclear": c0(2),
    "not_processed.petition": c0(1), "not_processed.duplicate": c0(3), "other": c0(2),
}, {"review": [5, 2, 0, 1], "suit_direct": [2, 1, 0, 1], "suit_after_review": [1, 0, 0, 0]},
    # 2019 format: rules/normative (made, published, total_published); licensing, other_services,
    # penalty, coercion (prior_items, change, decisions); fees (prior_items, change)
    {"rules": [0, 0, 0], "normative_docs": [4, 4, 36], "licensing": [192, "+17", 58231],
     "other_services": [640, "+85", 21457], "penalty": [1876, "-42", 1390], "coercion": [47, "+6", 15],
     "fees": [9, 0]})


def proactive_values(rep):
    p = rep["proactive"]
    if rep["fmt"] == "2021":
        return p["rules"] + p["normative_docs"] + [p["licensing"], p["penalty"], p["coercion"], p["fees"]]
    return (p["rules"] + p["normative_docs"] + p["licensing"] + p["other_services"] + p["penalty"]
            + p["coercion"] + p["fees"])


def app_values(rep):
    out = []
    for r in rep["rows"]:
        out += [rep["app"][r][c] for c in
                ["natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total"]]
    return out


def review_values(rep):
    out = []
    for g in ["review", "suit_direct", "suit_after_review"]:
        out += [rep["review"][g][c] for c in ["upheld", "corrected", "other", "pending", "total"]]
    return out


if __name__ == "__main__":
    for rid in sorted(REPORTS):
        a = REPORTS[rid]["app"]
        print(rid, "new", a["new_received"]["total"], "ci", a["carried_in"]["total"],
              "done", a["processed_total"]["total"], "cf", a["carried_forward"]["total"],
              "disc", a["disclosed"]["total"], "rev", REPORTS[rid]["review"]["review"]["total"])
    # carry-over checks
    for early, late in [("r02", "r07"), ("r09", "r01")]:
        assert REPORTS[early]["app"]["carried_forward"] == REPORTS[late]["app"]["carried_in"], (early, late)
    print("carry-over OK")
