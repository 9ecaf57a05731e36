"""Hand transcription of huaian-gov-2024.pdf from the rendered pages (pdftoppm), not from any parser."""
META = {"agency": "淮安市人民政府", "year": 2024, "level": "city", "region": "淮安市", "format": "2021"}

APPLICATIONS = {  # natural_person, commercial, research, nonprofit, legal_service, other_org, total
    "new_received":                (3001, 53, 0, 0, 61, 4, 3119),
    "carried_in":                  (34, 0, 0, 0, 0, 0, 34),
    "disclosed":                   (1288, 21, 0, 0, 50, 3, 1362),
    "partially_disclosed":         (447, 7, 0, 0, 0, 0, 454),
    "withheld.state_secret":       (2, 0, 0, 0, 0, 0, 2),
    "withheld.prohibited_by_law":  (30, 1, 0, 0, 0, 0, 31),
    "withheld.security_stability": (5, 0, 0, 0, 0, 0, 5),
    "withheld.third_party":        (6, 0, 0, 0, 0, 0, 6),
    "withheld.internal_affairs":   (7, 1, 0, 0, 0, 0, 8),
    "withheld.process_info":       (12, 0, 0, 0, 0, 0, 12),
    "withheld.enforcement_file":   (9, 0, 0, 0, 0, 0, 9),
    "withheld.query_matter":       (105, 0, 0, 0, 0, 0, 105),
    "unavailable.not_held":        (746, 12, 0, 0, 10, 1, 769),
    "unavailable.needs_creation":  (11, 0, 0, 0, 0, 0, 11),
    "unavailable.still_unclear":   (1, 0, 0, 0, 0, 0, 1),
    "not_processed.petition":      (56, 6, 0, 0, 0, 0, 62),
    "not_processed.duplicate":     (25, 0, 0, 0, 0, 0, 25),
    "not_processed.publication":   (0, 0, 0, 0, 0, 0, 0),
    "not_processed.excessive":     (0, 0, 0, 0, 0, 0, 0),
    "not_processed.confirmation":  (1, 0, 0, 0, 0, 0, 1),
    "other.no_correction":         (67, 3, 0, 0, 1, 0, 71),
    "other.unpaid_fee":            (6, 0, 0, 0, 0, 0, 6),
    "other.other":                 (108, 2, 0, 0, 0, 0, 110),
    "processed_total":             (2932, 53, 0, 0, 61, 4, 3050),
    "carried_forward":             (103, 0, 0, 0, 0, 0, 103),
}

REVIEW = {  # upheld, corrected, other, pending, total
    "review":            (72, 64, 178, 37, 351),
    "suit_direct":       (13, 4, 8, 1, 26),
    "suit_after_review": (12, 1, 1, 6, 20),
}

PROACTIVE = {
    ("rules", "issued"): 1,
    ("rules", "repealed"): 0,
    ("rules", "in_force"): 11,
    ("normative_docs", "issued"): 8,
    ("normative_docs", "repealed"): 26,
    ("normative_docs", "in_force"): 66,
    ("licensing", "decisions"): 447228,
    ("penalty", "decisions"): 3985758,
    ("coercion", "decisions"): 88283,
    ("fees", "amount"): "96171.6",
}

BLANK = []

NOTES = """Table 二 spans pages 3-4 (break after 行政许可; the 第二十条第（六）项 header is on p.3, the
行政处罚/行政强制 rows on p.4). Table 三 spans pages 4-5: the page break falls inside （四）无法提供
(the label is split 「（四）无」 / 「法提供」); item 1 (本机关不掌握相关政府信息) is on p.4, items 2-3 on p.5.
The （六）其他处理 items are numbered 「1、」「2、」「3、」 rather than 「1.」. Headers 商业企业/科研机构/
社会公益组织/法律服务机构 wrap inside their cells. All digits were read at 200 dpi and are clear;
no uncertain cells. All identities hold as printed."""
