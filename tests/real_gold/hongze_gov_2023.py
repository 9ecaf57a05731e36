"""Hand transcription of hongze-gov-2023.pdf from the rendered pages (pdftoppm), not from any parser."""
META = {"agency": "洪泽区人民政府", "year": 2023, "level": "district", "region": "淮安市洪泽区", "format": "2019"}

APPLICATIONS = {  # natural_person, commercial, research, nonprofit, legal_service, other_org, total
    "new_received":                (21, 0, 0, 0, 0, 0, 21),
    "carried_in":                  (0, 0, 0, 0, 0, 0, 0),
    "disclosed":                   (0, 0, 0, 0, 0, 0, 0),
    "partially_disclosed":         (4, 0, 0, 0, 0, 0, 4),
    "withheld.state_secret":       (1, 0, 0, 0, 0, 0, 1),
    "withheld.prohibited_by_law":  (0, 0, 0, 0, 0, 0, 0),
    "withheld.security_stability": (0, 0, 0, 0, 0, 0, 0),
    "withheld.third_party":        (0, 0, 0, 0, 0, 0, 0),
    "withheld.internal_affairs":   (0, 0, 0, 0, 0, 0, 0),
    "withheld.process_info":       (1, 0, 0, 0, 0, 0, 1),
    "withheld.enforcement_file":   (1, 0, 0, 0, 0, 0, 1),
    "withheld.query_matter":       (0, 0, 0, 0, 0, 0, 0),
    "unavailable.not_held":        (10, 0, 0, 0, 0, 0, 10),
    "unavailable.needs_creation":  (3, 0, 0, 0, 0, 0, 3),
    "unavailable.still_unclear":   (0, 0, 0, 0, 0, 0, 0),
    "not_processed.petition":      (1, 0, 0, 0, 0, 0, 1),
    "not_processed.duplicate":     (0, 0, 0, 0, 0, 0, 0),
    "not_processed.publication":   (0, 0, 0, 0, 0, 0, 0),
    "not_processed.excessive":     (0, 0, 0, 0, 0, 0, 0),
    "not_processed.confirmation":  (0, 0, 0, 0, 0, 0, 0),
    "other":                       (0, 0, 0, 0, 0, 0, 0),
    "processed_total":             (21, 0, 0, 0, 0, 0, 21),
    "carried_forward":             (0, 0, 0, 0, 0, 0, 0),
}

REVIEW = {  # upheld, corrected, other, pending, total  -- AS PRINTED (wrong totals, see NOTES)
    "review":            (10, 1, 0, 0, 0),
    "suit_direct":       (0, 0, 0, 0, 0),
    "suit_after_review": (5, 0, 0, 0, 0),
}

PROACTIVE = {
    ("rules", "issued"): 0,
    ("rules", "repealed"): 0,
    ("rules", "in_force"): 0,
    ("normative_docs", "issued"): 0,
    ("normative_docs", "repealed"): 5,
    ("normative_docs", "in_force"): 5,
    ("licensing", "decisions"): 550,
    ("penalty", "decisions"): 4119,
    ("coercion", "decisions"): 195,
    ("fees", "amount"): "7730.28",
}

BLANK = []

NOTES = """TABLE 四 IS WRONG AS PRINTED and is kept as printed: 行政复议 结果维持 10, 结果纠正 1, 其他 0, 尚未审结 0,
总计 0 (10+1+0+0 = 11 != 0); 复议后起诉 结果维持 5, others 0, 总计 0 (5 != 0). 未经复议直接起诉 is all 0 and
consistent. Re-read at 200 dpi: the digits are unambiguous (pdftotext gives the same 15 numbers).
FORMAT IS MIXED: table 二 uses the 2021 layout (本年制发件数/本年废止件数/现行有效件数, 处理决定数量,
收费金额); table 三 prints （六）其他处理 as ONE row with no items (label cell merged across the group and
item columns), so the applications table follows the 2019 layout: META format = "2019", row key "other".
It does carry the 8 不予公开 items incl. 三安全一稳定 and 行政查询事项, which the 2019 national template also has.
Title has no city: 「洪泽区人民政府 2023年政府信息公开工作年度报告」 (the body says 淮安市洪泽区人民政府办公室), so
region is given as 淮安市洪泽区.
Label typo as printed: 「2.其他法律行政止公开」 (for 其他法律行政法规禁止公开) -> withheld.prohibited_by_law.
Stray spaces in labels: 「只计这一情 形」, 「大量反复 申请」, 「确认或重 新出具」, 「总 计」.
Table 二 spans pages 2-3 (break after the 第二十条第（六）项 header). Table 三 spans pages 3-4 with the break
inside （四）无法提供 (items 1-2 on p.3, item 3 on p.4). Fees printed 「7730.28」 万元.
Table 三 identities all hold; only the table 四 totals fail."""
