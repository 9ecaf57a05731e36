"""Hand transcription of shanghai-gov-office-2025.md, made by reading the file, not from any parser."""
META = {"agency": "上海市人民政府办公厅", "year": 2025, "level": "province", "region": "上海市", "format": "2021"}
APPLICATIONS = {  # row key -> 7 values in column order natural_person, commercial, research, nonprofit, legal_service, other_org, total
    "new_received":                (1259, 36, 0, 0, 0, 0, 1295),
    "carried_in":                  (170, 15, 0, 0, 4, 0, 189),
    "disclosed":                   (201, 5, 0, 0, 0, 0, 206),
    "partially_disclosed":         (2, 0, 0, 0, 0, 0, 2),
    "withheld.state_secret":       (4, 0, 0, 0, 0, 0, 4),
    "withheld.prohibited_by_law":  (0, 0, 0, 0, 0, 0, 0),
    "withheld.security_stability": (1, 0, 0, 0, 0, 0, 1),
    "withheld.third_party":        (0, 0, 0, 0, 0, 0, 0),
    "withheld.internal_affairs":   (8, 0, 0, 0, 1, 0, 9),
    "withheld.process_info":       (1, 0, 0, 0, 0, 0, 1),
    "withheld.enforcement_file":   (0, 0, 0, 0, 0, 0, 0),
    "withheld.query_matter":       (5, 0, 0, 0, 0, 0, 5),
    "unavailable.not_held":        (484, 28, 0, 0, 1, 0, 513),
    "unavailable.needs_creation":  (47, 1, 0, 0, 0, 0, 48),
    "unavailable.still_unclear":   (3, 0, 0, 0, 0, 0, 3),
    "not_processed.petition":      (61, 1, 0, 0, 0, 0, 62),
    "not_processed.duplicate":     (16, 0, 0, 0, 0, 0, 16),
    "not_processed.publication":   (1, 0, 0, 0, 0, 0, 1),
    "not_processed.excessive":     (1, 0, 0, 0, 0, 0, 1),
    "not_processed.confirmation":  (0, 0, 0, 0, 0, 0, 0),
    "other.no_correction":         (40, 1, 0, 0, 2, 0, 43),
    "other.unpaid_fee":            (0, 0, 0, 0, 0, 0, 0),
    "other.other":                 (264, 12, 0, 0, 0, 0, 276),
    "processed_total":             (1139, 48, 0, 0, 4, 0, 1191),
    "carried_forward":             (290, 3, 0, 0, 0, 0, 293),
}
REVIEW = {
    "review":            (40, 0, 10, 5, 55),
    "suit_direct":       (2, 0, 4, 6, 12),
    "suit_after_review": (6, 0, 9, 7, 22),
}
PROACTIVE = {
    ("rules", "issued"): 22,
    ("rules", "repealed"): None,
    ("rules", "in_force"): 235,
    ("normative_docs", "issued"): 34,
    ("normative_docs", "repealed"): 55,
    ("normative_docs", "in_force"): 189,
    ("licensing", "decisions"): 0,
    ("penalty", "decisions"): 0,
    ("coercion", "decisions"): 0,
    ("fees", "amount"): 0,  # 万元; printed as "0"
}
UNCERTAIN = {
    ("proactive", "rules", "repealed"): (
        "The 规章 row is printed by the converter as '| 规章 | 22 | 235 |' (two values under a four-column header), "
        "and the multi-line cell '22（其中修订 16 件）' was pulled out above the table (md lines 79-80). "
        "235 is 现行有效件数 and 22（其中修订16件） is 本年制发件数 (the narrative: 主动公开市政府规章 22 件; "
        "revisions count as 制发, not 废止). The '22' left inside the row is then either (a) the 本年废止件数 cell, "
        "by the same pattern as the 行政规范性文件 row (multi-line cell pulled out, single-line cells kept), or "
        "(b) the 制发 value again, with the 废止 cell lost. Because the two numbers are equal, nothing in the file "
        "tells them apart: the proactive table has no identity, and the narrative gives no repeal count. "
        "Reading (a), repealed = 22, is more likely but is not certain."
    ),
}
NOTES = """
Applications table (表三, md lines 103-169). The converter kept most labels in their value rows. The hard rows:
- （二）部分公开: its two-line label (md lines 120-121) is outside the table; the next unlabelled row
  '| 2 | 0 | 0 | 0 | 0 | 0 | 2 |' (line 122) follows 予以公开 (line 118) and comes before 1.属于国家秘密 (line 124),
  so it is partially_disclosed. The narrative gives 予以公开及部分公开 208 = 206 + 2.
- 5.要求行政机关确认或重新出具已获取信息: its label is detached (lines 142-143). The unlabelled row of seven
  zeros (line 154) sits between 4.无正当理由大量反复申请 (line 153) and the 其他处理 item 1 (line 156), so it is
  not_processed.confirmation. The narrative 不予处理 80 = 62+16+1+1+0 confirms it.
- （六）其他处理 1: the row '| 行政机关不再处理其政府信息公 | 40 | 1 | 0 | 0 | 2 | 0 | 43 |' (line 156) holds the
  middle line of the label '1.申请人无正当理由逾期不补正、/行政机关不再处理其政府信息公/开申请' (the first and last lines
  are at lines 144-145), so it is other.no_correction.
- （六）其他处理 2: the row '| 缴纳费用、 | 行政机关不再处理其政 | 0 ... 0 |' (line 164) holds the middle lines of
  '2.申请人逾期未按收费通知要求/缴纳费用、行政机关不再处理其政/府信息公开申请' (lines 160, 162), so it is other.unpaid_fee
  (all zeros; the page footer — 5 — falls inside this label). The narrative 其他处理 319 = 43 + 0 + 276 confirms
  other.no_correction and other.other.
- The vertical group labels （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理 and 三、本年度办理结果 are split into
  fragments ('（三）不 | 予公开', '（四）无 / 三、本法提供 / 年度办 / 理结果', ...). Each such fragment is the group label,
  not a value. The numbered item labels on the rows themselves place every row.
- Column headers: the converter kept only 自然人 | 商业 | 科研 | 总计. The seven numbers per row follow the
  national order 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 (the header fragments
  '社会法律 / 公益服务其他 / 企业机构 / 组织机构' are those column heads printed down the page). Every row has
  7 numbers, and each row's total equals the sum of its six applicant columns.
Checks: all 25 rows satisfy total = sum of the six columns. All 7 columns satisfy new_received + carried_in =
processed_total + carried_forward (e.g. 1295+189 = 1191+293) and processed_total = the sum of the 23 result rows.
Narrative: 受理 1295, 办结 1191 (含上年结转 189), 公开及部分公开 208, 不予公开 20, 无法提供 564, 不予处理 80,
其他处理 319: every figure matches.

Review table (表四, md lines 171-181): the fifteen numbers on one row are read in the national order: 行政复议,
then 行政诉讼·未经复议直接起诉, then 行政诉讼·复议后起诉, each 维持, 纠正, 其他, 尚未审结, 总计. The flattened header
lines 172-176 give that order. Identities: 40+0+10+5 = 55; 2+0+4+6 = 12; 6+0+9+7 = 22, so each group's total
falls in the fifth position. The narrative states there was no 行政复议纠错 or 行政诉讼败诉, consistent with
corrected = 0 in all three groups.

Proactive table (表二, md lines 77-101):
- 规章: issued = 22 (the pulled-out multi-line cell '22（其中修订 16 件）'; the narrative gives 主动公开市政府规章 22 件);
  in_force = 235 (last value of the row '| 规章 | 22 | 235 |'). For repealed, see UNCERTAIN.
- 行政规范性文件: row '| 行政规范性文件 | 34 | 189 |'. issued = 34 (narrative: 行政规范性文件 34 件), in_force = 189.
  The missing middle cell is the pulled-out multi-line cell '55（含自然失效 29 件）' (lines 81-82). '自然失效' (expiry of
  the validity period) is a feature of normative documents. If 55 belonged to the 规章 row instead, that row would
  have four printed values for three cells and the normative 废止 cell would have no value. So repealed = 55.
- 行政许可 0, 行政处罚 0, 行政强制 0 (本年处理决定数量); 行政事业性收费 本年收费金额 0 (万元). Each is printed on its own
  labelled line (md lines 85, 88, 89, 92).
- The number 55 in 表二 (normative repealed) and 55 in 表四 (行政复议总计) are different cells and happen to be equal.
"""
