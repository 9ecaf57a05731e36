"""Hand transcription of hongze-gov-2024.pdf from the rendered pages (pdftoppm), not from any parser."""
META = {"agency": "淮安市洪泽区人民政府", "year": 2024, "level": "district", "region": "淮安市洪泽区", "format": "2019"}

APPLICATIONS = {  # natural_person, commercial, research, nonprofit, legal_service, other_org, total
    "new_received":                (95, 0, 0, 0, 0, 0, 95),
    "carried_in":                  (0, 0, 0, 0, 0, 0, 0),
    "disclosed":                   (50, 0, 0, 0, 0, 0, 50),
    "partially_disclosed":         (9, 0, 0, 0, 0, 0, 9),
    "withheld.state_secret":       (0, 0, 0, 0, 0, 0, 0),
    "withheld.prohibited_by_law":  (0, 0, 0, 0, 0, 0, 0),
    "withheld.security_stability": (1, 0, 0, 0, 0, 0, 1),
    "withheld.third_party":        (0, 0, 0, 0, 0, 0, 0),
    "withheld.internal_affairs":   (0, 0, 0, 0, 0, 0, 0),
    "withheld.process_info":       (1, 0, 0, 0, 0, 0, 1),
    "withheld.enforcement_file":   (1, 0, 0, 0, 0, 0, 1),
    "withheld.query_matter":       (0, 0, 0, 0, 0, 0, 0),
    "unavailable.not_held":        (31, 0, 0, 0, 0, 0, 31),
    "unavailable.needs_creation":  (1, 0, 0, 0, 0, 0, 1),
    "unavailable.still_unclear":   (0, 0, 0, 0, 0, 0, 0),
    "not_processed.petition":      (1, 0, 0, 0, 0, 0, 1),
    "not_processed.duplicate":     (0, 0, 0, 0, 0, 0, 0),
    "not_processed.publication":   (0, 0, 0, 0, 0, 0, 0),
    "not_processed.excessive":     (0, 0, 0, 0, 0, 0, 0),
    "not_processed.confirmation":  (0, 0, 0, 0, 0, 0, 0),
    "other":                       (0, 0, 0, 0, 0, 0, 0),
    "processed_total":             (95, 0, 0, 0, 0, 0, 95),
    "carried_forward":             (0, 0, 0, 0, 0, 0, 0),
}

REVIEW = {  # upheld, corrected, other, pending, total
    "review":            (1, 1, 0, 0, 2),
    "suit_direct":       (1, 0, 0, 0, 1),
    "suit_after_review": (2, 0, 1, 0, 3),
}

PROACTIVE = {
    ("rules", "issued"): 0,
    ("rules", "repealed"): 0,
    ("rules", "in_force"): 0,
    ("normative_docs", "issued"): 3,
    ("normative_docs", "repealed"): 0,
    ("normative_docs", "in_force"): 8,
    ("licensing", "decisions"): 9487,
    ("penalty", "decisions"): 2776,
    ("coercion", "decisions"): 84,
    ("fees", "amount"): "7545",
}

BLANK = []

NOTES = """FORMAT IS MIXED. Table 二 is the 2021 layout (本年制发件数/本年废止件数/现行有效件数; 行政许可,
行政处罚, 行政强制 本年处理决定数量; 收费金额). Table 三 prints （六）其他处理 as ONE row with no items
(its item cell is empty, values 0 0 0 0 0 0 0), so by the brief's criterion the applications table
follows the 2019 layout: META format = "2019" and the row key is "other". It does print the 8
不予公开 items including 3.危及“三安全一稳定” and 8.属于行政查询事项 -- but those 8 items already exist
in the 2019 national template too (only the （六） split is new in 2021), so the brief's remark that
those rows mark the 2021 format is not a reliable discriminator; the （六） row is.
Label typo as printed: 「2.其他法律行政止公开」 (for 其他法律行政法规禁止公开), mapped to
withheld.prohibited_by_law. Other label oddities: stray spaces 「只计这一情 形」, 「大量反复 申请」,
「确认或重 新出具」; 总计 in 表四 printed 「总 计」. The vertical label 「三、本年度办理结果」 spans the rows.
Table 二 spans pages 2-3 (break after 行政许可). Table 三 spans pages 3-4; the break falls inside
（四）无法提供 (label only on p.3; items 2-3 on p.4 under an empty group cell).
Fees amount printed as the integer 「7545」 (万元). The empty cell next to （六）其他处理 and （七）总计 is the
unused item-label column, not a value cell. All digits clear at 200 dpi; no uncertain cells.
All identities hold as printed."""
