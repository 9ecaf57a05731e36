"""Every standard-table cell of the five seed reports, transcribed by hand from the seed texts."""

APPLICATION_COLUMNS = ("natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")

EXPECTED = {
    "jinan-gov-office-2024": {           # 000 济南市人民政府办公厅
        "applications": {
            "new_received": (516, 20, 1, 0, 0, 0, 537),
            "carried_in": (6, 0, 0, 0, 0, 0, 6),
            "disclosed": (186, 15, 1, 0, 0, 0, 202),
            "partially_disclosed": (172, 4, 0, 0, 0, 0, 176),
            "withheld.state_secret": (11, 1, 0, 0, 0, 0, 12),
            "withheld.prohibited_by_law": (0, 0, 0, 0, 0, 0, 0),
            "withheld.security_stability": (0, 0, 0, 0, 0, 0, 0),
            "withheld.third_party": (9, 0, 0, 0, 0, 0, 9),
            "withheld.internal_affairs": (19, 0, 0, 0, 0, 0, 19),
            "withheld.process_info": (25, 0, 0, 0, 0, 0, 25),
            # Printed "\t(四) 无\t7. 属于行政执法案卷\t3 ..." -- the fragment "(四) 无" of the
            # group label （四）无法提供 sits on the 7.行政执法案卷 line; the row is still
            # withheld.enforcement_file.
            "withheld.enforcement_file": (3, 0, 0, 0, 0, 0, 3),
            # Printed "8. 属于行政查询事项\t\t18 ..." with the item label shifted into the
            # first (row-group) column.
            "withheld.query_matter": (18, 0, 0, 0, 0, 0, 18),
            # Printed "\t1. 本机关不掌握相关政府信息\t51 ..." with an empty group column
            # (the group label is split over the neighbouring lines).
            "unavailable.not_held": (51, 0, 0, 0, 0, 0, 51),
            # Printed "法提供\t2. 没有现成信息需要另行制作\t11 ..." (after a blank line): "法提供"
            # is the tail of （四）无法提供, landing on the 2.另行制作 line.
            "unavailable.needs_creation": (11, 0, 0, 0, 0, 0, 11),
            "unavailable.still_unclear": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.petition": (4, 0, 0, 0, 0, 0, 4),
            "not_processed.duplicate": (2, 0, 0, 0, 0, 0, 2),
            "not_processed.publication": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.excessive": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.confirmation": (0, 0, 0, 0, 0, 0, 0),
            "other.no_correction": (2, 0, 0, 0, 0, 0, 2),
            "other.unpaid_fee": (0, 0, 0, 0, 0, 0, 0),
            # Section 六（五） of the report says these 7 are 申请人自愿撤回申请.
            "other.other": (7, 0, 0, 0, 0, 0, 7),
            "processed_total": (520, 20, 1, 0, 0, 0, 541),
            "carried_forward": (2, 0, 0, 0, 0, 0, 2),
        },
        "review_litigation": {
            "review": (0, 0, 0, 0, 0),
            "suit_direct": (0, 0, 0, 0, 0),
            "suit_after_review": (0, 0, 0, 0, 0),
        },
        "proactive": {
            # Column header printed with a typo: "本年度止件数" (= 本年废止件数, key repealed).
            ("rules", "issued"): 4,
            ("rules", "repealed"): 0,
            ("rules", "in_force"): 66,
            ("normative_docs", "issued"): 10,
            ("normative_docs", "repealed"): 2,
            ("normative_docs", "in_force"): 79,
            ("licensing", "decisions"): 0,
            ("penalty", "decisions"): 0,
            ("coercion", "decisions"): 0,
            ("fees", "amount"): 0,
        },
    },
    "jinan-lixia-2020": {                  # 001 济南市历下区人民政府 (2019 format)
        "applications": {
            "new_received": (152, 22, 0, 0, 2, 0, 176),
            "carried_in": (2, 0, 0, 0, 0, 0, 2),
            "disclosed": (75, 13, 0, 0, 2, 0, 90),
            "partially_disclosed": (20, 0, 0, 0, 0, 0, 20),
            "withheld.state_secret": (0, 0, 0, 0, 0, 0, 0),
            "withheld.prohibited_by_law": (0, 0, 0, 0, 0, 0, 0),
            "withheld.security_stability": (0, 0, 0, 0, 0, 0, 0),
            # Printed "4. 保护第三方合法权益\t\t2 ..." with the item label shifted into the
            # first (row-group) column and followed by a blank line.
            "withheld.third_party": (2, 0, 0, 0, 0, 0, 2),
            "withheld.internal_affairs": (4, 0, 0, 0, 0, 0, 4),
            "withheld.process_info": (6, 0, 0, 0, 0, 0, 6),
            "withheld.enforcement_file": (0, 1, 0, 0, 0, 0, 1),
            "withheld.query_matter": (0, 0, 0, 0, 0, 0, 0),
            "unavailable.not_held": (38, 8, 0, 0, 0, 0, 46),
            "unavailable.needs_creation": (4, 0, 0, 0, 0, 0, 4),
            "unavailable.still_unclear": (1, 0, 0, 0, 0, 0, 1),
            "not_processed.petition": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.duplicate": (2, 0, 0, 0, 0, 0, 2),
            "not_processed.publication": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.excessive": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.confirmation": (0, 0, 0, 0, 0, 0, 0),
            # 2019 format: （六）其他处理 is a single row with no items.
            "other": (0, 0, 0, 0, 0, 0, 0),
            "processed_total": (152, 22, 0, 0, 2, 0, 176),
            "carried_forward": (2, 0, 0, 0, 0, 0, 2),
        },
        "review_litigation": {
            "review": (4, 1, 0, 0, 5),
            "suit_direct": (1, 1, 0, 1, 3),
            "suit_after_review": (0, 0, 0, 0, 0),
        },
        "proactive": {
            # 规范性文件 is printed without the 行政 prefix; key normative_docs.
            ("rules", "made"): 0,
            ("rules", "published"): 0,
            ("rules", "total_published"): 0,
            ("normative_docs", "made"): 0,
            ("normative_docs", "published"): 0,
            ("normative_docs", "total_published"): 0,
            ("licensing", "prior_items"): 185,
            ("licensing", "change"): 43,           # printed "+43"
            ("licensing", "decisions"): 67556,
            ("other_services", "prior_items"): 877,
            ("other_services", "change"): 228,     # printed "+228"
            ("other_services", "decisions"): 36300,
            ("penalty", "prior_items"): 2110,
            ("penalty", "change"): 30,             # printed "+30"
            ("penalty", "decisions"): 1620,
            ("coercion", "prior_items"): 51,
            ("coercion", "change"): -13,           # printed "-13"
            ("coercion", "decisions"): 10,
            ("fees", "prior_items"): 11,
            ("fees", "change"): 0,
            # procurement (第二十条第（九）项): only the header line "信息内容 采购项目数量
            # 采购总金额" is printed; no data row and no numbers, so no cells here.
        },
    },
    "zibo-gov-office-2024": {              # 002 淄博市人民政府办公室 (one cell per line)
        "applications": {
            "new_received": (243, 2, 0, 0, 0, 0, 245),
            "carried_in": (16, 0, 0, 0, 0, 0, 16),
            "disclosed": (43, 1, 0, 0, 0, 0, 44),
            "partially_disclosed": (0, 0, 0, 0, 0, 0, 0),
            "withheld.state_secret": (0, 0, 0, 0, 0, 0, 0),
            "withheld.prohibited_by_law": (0, 0, 0, 0, 0, 0, 0),
            "withheld.security_stability": (2, 0, 0, 0, 0, 0, 2),
            "withheld.third_party": (0, 0, 0, 0, 0, 0, 0),
            "withheld.internal_affairs": (0, 0, 0, 0, 0, 0, 0),
            "withheld.process_info": (0, 0, 0, 0, 0, 0, 0),
            "withheld.enforcement_file": (1, 0, 0, 0, 0, 0, 1),
            "withheld.query_matter": (0, 0, 0, 0, 0, 0, 0),
            "unavailable.not_held": (188, 1, 0, 0, 0, 0, 189),
            "unavailable.needs_creation": (15, 0, 0, 0, 0, 0, 15),
            "unavailable.still_unclear": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.petition": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.duplicate": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.publication": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.excessive": (0, 0, 0, 0, 0, 0, 0),
            # Label printed split over two lines: "5.要求行政机关确认或重新" / blank line /
            # "出具已获取信息", then the 7 numbers.
            "not_processed.confirmation": (0, 0, 0, 0, 0, 0, 0),
            "other.no_correction": (0, 0, 0, 0, 0, 0, 0),
            "other.unpaid_fee": (0, 0, 0, 0, 0, 0, 0),
            "other.other": (10, 0, 0, 0, 0, 0, 10),
            "processed_total": (259, 2, 0, 0, 0, 0, 261),
            "carried_forward": (0, 0, 0, 0, 0, 0, 0),
        },
        "review_litigation": {
            # Header labels printed split over lines (结果/维持, 尚未/审结, 总/计 ...);
            # the 15 values are all printed 0.
            "review": (0, 0, 0, 0, 0),
            "suit_direct": (0, 0, 0, 0, 0),
            "suit_after_review": (0, 0, 0, 0, 0),
        },
        "proactive": {
            ("rules", "issued"): 2,
            ("rules", "repealed"): 4,
            ("rules", "in_force"): 32,
            ("normative_docs", "issued"): 6,
            ("normative_docs", "repealed"): 1,
            ("normative_docs", "in_force"): 49,
            ("licensing", "decisions"): 0,
            ("penalty", "decisions"): 0,
            ("coercion", "decisions"): 0,
            ("fees", "amount"): 0,
        },
    },
    "jining-approval-bureau-2024": {       # 003 济宁市行政审批服务局 (one cell per line)
        "applications": {
            "new_received": (25, 2, 0, 0, 0, 0, 27),
            "carried_in": (0, 0, 0, 0, 0, 0, 0),
            "disclosed": (17, 1, 0, 0, 0, 0, 18),
            "partially_disclosed": (5, 0, 0, 0, 0, 0, 5),
            "withheld.state_secret": (0, 0, 0, 0, 0, 0, 0),
            "withheld.prohibited_by_law": (0, 0, 0, 0, 0, 0, 0),
            "withheld.security_stability": (0, 0, 0, 0, 0, 0, 0),
            "withheld.third_party": (0, 0, 0, 0, 0, 0, 0),
            "withheld.internal_affairs": (0, 0, 0, 0, 0, 0, 0),
            "withheld.process_info": (0, 0, 0, 0, 0, 0, 0),
            "withheld.enforcement_file": (0, 0, 0, 0, 0, 0, 0),
            "withheld.query_matter": (0, 0, 0, 0, 0, 0, 0),
            "unavailable.not_held": (3, 1, 0, 0, 0, 0, 4),
            "unavailable.needs_creation": (0, 0, 0, 0, 0, 0, 0),
            "unavailable.still_unclear": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.petition": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.duplicate": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.publication": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.excessive": (0, 0, 0, 0, 0, 0, 0),
            "not_processed.confirmation": (0, 0, 0, 0, 0, 0, 0),
            "other.no_correction": (0, 0, 0, 0, 0, 0, 0),
            "other.unpaid_fee": (0, 0, 0, 0, 0, 0, 0),
            "other.other": (0, 0, 0, 0, 0, 0, 0),
            "processed_total": (25, 2, 0, 0, 0, 0, 27),
            "carried_forward": (0, 0, 0, 0, 0, 0, 0),
        },
        "review_litigation": {
            "review": (0, 0, 0, 0, 0),
            "suit_direct": (0, 0, 0, 0, 0),
            "suit_after_review": (0, 0, 0, 0, 0),
        },
        "proactive": {
            # The six 规章/行政规范性文件 zeros are printed with leading padding:
            # U+3000 U+3000 "0", U+00A0 U+3000 "0", U+00A0 "0"; 行政处罚/行政强制 "0"
            # has a leading U+3000. Values are still 0.
            ("rules", "issued"): 0,
            ("rules", "repealed"): 0,
            ("rules", "in_force"): 0,
            ("normative_docs", "issued"): 0,
            ("normative_docs", "repealed"): 0,
            ("normative_docs", "in_force"): 0,
            ("licensing", "decisions"): 84881,
            ("penalty", "decisions"): 0,
            ("coercion", "decisions"): 0,
            ("fees", "amount"): 0,
        },
    },
    "liaocheng-gov-2024": {                # 004 聊城市人民政府 (broken rows)
        "applications": {
            # Printed "\t\t\t1909\t18\t0\t0\t19\t5\t1951" with NO label: the first data row
            # after the header is 一、本年新收政府信息公开申请数量.
            "new_received": (1909, 18, 0, 0, 19, 5, 1951),
            "carried_in": (23, 0, 0, 0, 6, 0, 29),
            "disclosed": (835, 5, 0, 0, 23, 4, 867),
            "partially_disclosed": (309, 1, 0, 0, 0, 0, 310),
            # The group label （三）不予公开 is not printed anywhere; items 1-8 follow （二）.
            "withheld.state_secret": (10, 0, 0, 0, 0, 0, 10),
            # Label truncated: "2.其他法律行政法规禁止" (no 公开).
            "withheld.prohibited_by_law": (9, 0, 0, 0, 0, 0, 9),
            "withheld.security_stability": (2, 0, 0, 0, 0, 0, 2),
            "withheld.third_party": (13, 3, 0, 0, 1, 0, 17),
            "withheld.internal_affairs": (7, 0, 0, 0, 0, 0, 7),
            "withheld.process_info": (14, 0, 0, 0, 0, 0, 14),
            "withheld.enforcement_file": (18, 0, 0, 0, 0, 0, 18),
            "withheld.query_matter": (5, 0, 0, 0, 0, 0, 5),
            # Label truncated: "1.本机关不掌握相关政府" (no 信息).
            "unavailable.not_held": (545, 7, 0, 0, 1, 0, 553),
            # Label truncated: "2.没有现成信息需要另行" (no 制作).
            "unavailable.needs_creation": (13, 0, 0, 0, 0, 0, 13),
            # Label truncated: "3.补正后申请内容仍不明" (no 确).
            "unavailable.still_unclear": (2, 0, 0, 0, 0, 0, 2),
            "not_processed.petition": (12, 0, 0, 0, 0, 0, 12),
            "not_processed.duplicate": (11, 0, 0, 0, 0, 0, 11),
            "not_processed.publication": (0, 0, 0, 0, 0, 0, 0),
            # Printed after a blank line, with an extra leading tab, label truncated:
            # "4.无正当理由大量反复申" (no 请).
            "not_processed.excessive": (2, 0, 0, 0, 0, 0, 2),
            # Printed with an extra leading tab (shifted one column right).
            "not_processed.confirmation": (0, 0, 0, 0, 0, 0, 0),
            "other.no_correction": (30, 0, 0, 0, 0, 0, 30),
            # Printed "\t\t0\t0\t0\t0\t0\t0\t0" with NO label: 2.申请人逾期未按收费通知要求缴纳费用.
            "other.unpaid_fee": (0, 0, 0, 0, 0, 0, 0),
            # Printed "\t\t66\t1\t0\t0\t0\t1\t68" with NO label: 3.其他.
            "other.other": (66, 1, 0, 0, 0, 1, 68),
            # Label printed in the second column: "\t(七)总计\t1903 ...".
            "processed_total": (1903, 17, 0, 0, 25, 5, 1950),
            # carried_forward is NOT here: it prints only 6 numbers, see PRINTED_SHORT_ROWS.
        },
        "review_litigation": {
            "review": (88, 24, 5, 9, 126),
            "suit_direct": (22, 4, 9, 0, 35),
            "suit_after_review": (11, 2, 2, 7, 22),
        },
        "proactive": {
            ("rules", "issued"): 0,
            ("rules", "repealed"): 1,
            ("rules", "in_force"): 14,
            ("normative_docs", "issued"): 30,
            ("normative_docs", "repealed"): 56,
            ("normative_docs", "in_force"): 258,
            ("licensing", "decisions"): 1672944,
            ("penalty", "decisions"): 3270192,
            ("coercion", "decisions"): 33169,
            ("fees", "amount"): "126661.053152",  # 万元, kept exactly as printed
        },
    },
}

# 聊城 四、结转下年度继续办理 is printed "四、结转下年度继续办理\t\t\t\t29\t1\t0\t0\t0\t30":
# only 6 numbers for the 7 columns. The identity new_received + carried_in =
# processed_total + carried_forward implies, per column:
#   natural_person 1909+23-1903 = 29, commercial 18+0-17 = 1, research 0+0-0 = 0,
#   nonprofit 0+0-0 = 0, legal_service 19+6-25 = 0, other_org 5+0-5 = 0, total 1951+29-1950 = 30,
# i.e. (29, 1, 0, 0, 0, 0, 30). So one of the four zero cells (research, nonprofit,
# legal_service, other_org) was dropped; which one cannot be told from the text, but its value
# is 0 in any case. The report text confirms the total: 结转下一年度 30 件.
PRINTED_SHORT_ROWS = {
    ("liaocheng-gov-2024", "carried_forward"): (29, 1, 0, 0, 0, 30),
}
