# ---------------- Part 1: 80 cell questions in words a lexicon is unlikely to hold ----------------
# --- 济南市政府办公厅 2024 ---
q("table_figure", "济南市政府办公厅2024年有多少件信息公开申请被明确拒绝、不让看的？", numbers=[86],
  cites=[C(JN, A, "withheld", "total")],
  note="被明确拒绝/不让看 = （三）不予公开 (sum of its 8 items: 12+9+19+25+3+18). Broader reading '没拿到信息' would add 无法提供 62, 不予处理 6, 其他处理 9 (=163); a citizen saying 拒绝 means the refusal row. Must not fall back to 本年新收 537.")
q("table_figure", "2024年有没有大学或研究所这类单位向济南市政府办公厅申请过信息？有几件？", numbers=[1],
  cites=[C(JN, A, "new_received", "research")], note="大学/研究所 = 科研机构 column, row 本年新收.")
q("table_figure", "济南市政府办公厅2024年有多少件申请是申请人自己撤回了的？", numbers=[7],
  cites=[C(JN, A, "other.other", "total"),
         S(JN, "六、其他需要报告的事项", "第3项“其他”的7件依申请公开属于“申请人自愿撤回申请”")],
  note="The table has no 撤回 row; the report's note in 六（五） says the 7 in （六）其他处理·3.其他 are voluntary withdrawals. Needs both the cell and the sentence.")
q("table_figure", "济南市政府办公厅2024年让申请人补充材料、对方过了期限也没补，最后就不办了的，有几件？", numbers=[2],
  cites=[C(JN, A, "other.no_correction", "total")], note="逾期不补正 without the word 补正. Not 不予处理·重复申请 (also 2) — same number, different cell: citation decides.")
q("english", "How many requests did the Jinan municipal government general office refuse in 2024 because disclosure would harm a third party's lawful rights?", numbers=[9],
  cites=[C(JN, A, "withheld.third_party", "total")], note="保护第三方合法权益.")
q("english", "In 2024, how many requests to the Jinan general office got only some of the information, with the rest blacked out?", numbers=[176],
  cites=[C(JN, A, "partially_disclosed", "total")], note="部分公开 described, not named.")
q("table_figure", "济南市政府2024年新立了几部市政府自己的“法”（就是以市政府令发布的那种）？", numbers=[4],
  cites=[C(JN, P, "rules", "issued")],
  note="规章 described as 以政府令发布的'法'; 本年制发件数. The report text also says 新制发政府规章 4 件. A reader could think of 地方性法规 (人大) which the report does not count; gold is the 规章 row.")
q("table_figure", "到2024年底，济南市政府办公厅这边还在管用、对老百姓有约束力的红头文件有多少件？", numbers=[79],
  cites=[C(JN, P, "normative_docs", "in_force")],
  note="红头文件 with 约束力 = 行政规范性文件; 还在管用 = 现行有效. 红头文件 is looser than 规范性文件 (the text also mentions 其他文件 51 件 issued), so a clarifying question is also acceptable-ish, but never the 规章 row 66.")
q("table_figure", "2024年有人因为信息公开的事把济南市政府办公厅告上法庭吗？几起？", numbers=[0],
  cites=[C(JN, RL, "suit_direct", "total"), C(JN, RL, "suit_after_review", "total")],
  note="告上法庭 = 行政诉讼 = 未经复议直接起诉 + 复议后起诉 = 0 + 0.")
q("table_figure", "济南市政府办公厅2024年有多少申请要的是内部讨论、还没定下来的过程材料，结果没给？", numbers=[25],
  cites=[C(JN, A, "withheld.process_info", "total")], note="四类过程性信息, described.")
q("table_figure", "济南市政府办公厅2023年没办完、拖到2024年才接着办的申请有几件？", numbers=[6],
  cites=[ANY(C(JN, A, "carried_in", "total"), S(JN, "一、总体情况", "含上年度结转 6 件"))],
  note="Trap: 没办完/拖到下一年 are the words of 结转下年度 (2), but the year 2023→2024 makes it 上年结转 in the 2024 report (6).")
q("derived_figure", "济南市政府办公厅2024年，申请人至少拿到了一部分信息的申请一共有多少件？", numbers=[378],
  cites=[C(JN, A, "disclosed", "total"), C(JN, A, "partially_disclosed", "total")],
  note="予以公开 202 + 部分公开 176.", check=lambda: [202 + 176])
q("derived_figure", "济南市政府办公厅2024年收到的申请里，以单位名义（公司、机构之类）提的一共多少件？", numbers=[21],
  cites=[C(JN, A, "new_received", "organisations")], note="法人或其他组织 = 20 商业企业 + 1 科研机构; the complement of 自然人 516.")
q("followup", "那到年底还有效的一共有几部？", context=["济南市政府2024年新立了几部市政府自己的“法”（就是以市政府令发布的那种）？"],
  numbers=[66], cites=[C(JN, P, "rules", "in_force")],
  note="Follow-up keeps row 规章, changes column to 现行有效件数. Not the 规范性文件 79.")
q("english", "For the Jinan general office in 2024, how many requests were turned away because the applicant already had the document and only wanted it confirmed or issued again?", numbers=[0],
  cites=[C(JN, A, "not_processed.confirmation", "total")], note="要求行政机关确认或重新出具已获取信息; zero cell.")
q("followup", "那淄博市政府办公室呢？", context=["济南市政府办公厅2024年有多少件信息公开申请被明确拒绝、不让看的？"],
  numbers=[3], cites=[C(ZB, A, "withheld", "total")],
  note="Carries the row 不予公开 over to Zibo: 危及三安全一稳定 2 + 行政执法案卷 1. Not Zibo's 本年新收 245.")

# --- 济南市历下区 2020 (2019 format) ---
q("table_figure", "历下区政府2020年收到的信息公开申请里，有多少被区里直接驳回、不给公开？", numbers=[13],
  cites=[ANY(C(LX, A, "withheld", "total"), S(LX, "五、政府信息公开申请办理情况", "不同意公开13件"))],
  note="不予公开 (2+4+6+1). The report's own text calls it 不同意公开.")
q("table_figure", "2020年向历下区要信息，区里说“这事不归我们、我们手里没有”的有多少件？", numbers=[46],
  cites=[ANY(C(LX, A, "unavailable.not_held", "total"), S(LX, "五、政府信息公开申请办理情况", "不属于本行政机关46件"))],
  note="本机关不掌握相关政府信息; the text calls it 不属于本行政机关. Alternative reading 无法提供 total 51 (adds 另行制作 4, 仍不明确 1).")
q("table_figure", "历下区2020年有几件信息公开申请是律师或律所提的？", numbers=[2],
  cites=[C(LX, A, "new_received", "legal_service")], note="法律服务机构 column; 律所 is a subset of 法律服务机构 but the only reasonable cell.")
q("table_figure", "2020年有多少人对历下区政府的信息公开答复不服，找上级机关讨说法？", numbers=[5],
  cites=[C(LX, RL, "review", "total")], note="找上级讨说法 = 行政复议 total. Not 行政诉讼 3.")
q("followup", "上级认定区里做错了、让改过来的有几起？", context=["2020年有多少人对历下区政府的信息公开答复不服，找上级机关讨说法？"],
  numbers=[1], cites=[C(LX, RL, "review", "corrected")], note="Row group review carried over; column 结果纠正.")
q("table_figure", "历下区2020年因为信息公开，被人没经过上级、直接起诉到法院的有几起？", numbers=[3],
  cites=[C(LX, RL, "suit_direct", "total")], note="未经复议直接起诉 total; 复议后起诉 is 0 so '打官司总数' is also 3.")
q("table_figure", "历下区2020年办证、审批这类事一共作出了多少个决定？", numbers=[67556],
  cites=[C(LX, P, "licensing", "decisions")], note="2019 format: 行政许可 处理决定数量 (not 上一年项目数量 185).")
q("followup", "那这类审批事项的数目比上一年多了几项？", context=["历下区2020年办证、审批这类事一共作出了多少个决定？"],
  numbers=[43], cites=[C(LX, P, "licensing", "change")], check=lambda: [int(cell(LX, P, "licensing", "change"))], note="本年增/减 printed +43. Answer may print +43 or 增加43.")
q("table_figure", "历下区2020年查封、扣押这类强制措施的事项，比上一年少了几项？", numbers=[13],
  cites=[C(LX, P, "coercion", "change")], check=lambda: [abs(int(cell(LX, P, "coercion", "change")))],
  note="行政强制 本年增/减 printed -13; the answer says 减少13项 (or -13). Not 处理决定数量 10.")
q("english", "How many disclosure requests did businesses file with the Lixia District government in 2020?", numbers=[22],
  cites=[C(LX, A, "new_received", "commercial")], note="商业企业 column.")
q("english", "In 2020, how many Lixia District requests were set aside because the same person had already asked the same thing before?", numbers=[2],
  cites=[C(LX, A, "not_processed.duplicate", "total")], note="重复申请. (Carried-in and carried-forward are also 2 — the citation decides.)")
q("table_figure", "历下区2020年有几件申请，让申请人改了说明，可还是搞不清他到底要什么？", numbers=[1],
  cites=[ANY(C(LX, A, "unavailable.still_unclear", "total"), S(LX, "五、政府信息公开申请办理情况", "告知作出更改补充1件"))],
  note="补正后申请内容仍不明确. The text's 告知作出更改补充1件 is the same 1.")
q("table_figure", "历下区2020年有没有公司因为要的是执法卷宗被拒？有几件？", numbers=[1],
  cites=[C(LX, A, "withheld.enforcement_file", "commercial")],
  note="Cell in the 商业企业 column (the natural-person cell is 0); the total is also 1.")
q("table_figure", "历下区2020年，除了审批许可以外，其它面向群众和企业的管理服务事情一共作出了多少个决定？", numbers=[36300],
  cites=[C(LX, P, "other_services", "decisions")], note="2019 format row 其他对外管理服务事项, 处理决定数量.")
q("english", "How many penalty decisions (fines and the like) did Lixia District issue in 2020?", numbers=[1620],
  cites=[C(LX, P, "penalty", "decisions")], note="行政处罚 处理决定数量, not 上一年项目数量 2110.")
q("ambiguity", "历下区2020年结转的申请有几件？", numbers=[2],
  cites=[ANY(C(LX, A, "carried_in", "total"), C(LX, A, "carried_forward", "total"))],
  note="结转 could be 上年结转 or 结转下年度; both are 2 here, so a direct answer is fine (ideally saying both). Clarifying is also acceptable.")

# --- 淄博市政府办公室 2024 ---
q("table_figure", "淄博市政府办公室2024年有多少件申请，对方答复说没有这个信息、给不了？", numbers=[189],
  cites=[C(ZB, A, "unavailable.not_held", "total")],
  note="本机关不掌握. Alternative reading: all of 无法提供 = 204 (adds 另行制作 15). Gold is the narrower 'we don't have it'.")
q("table_figure", "淄博市政府办公室2024年有几件申请因为可能危害国家安全、社会稳定没公开？", numbers=[2],
  cites=[C(ZB, A, "withheld.security_stability", "total")], note="危及“三安全一稳定”.")
q("table_figure", "淄博市政府办公室2024年有没有只给了一部分、另一部分遮掉的申请？", numbers=[0],
  cites=[C(ZB, A, "partially_disclosed", "total")], note="部分公开; zero cell.")
q("followup", "那年底又有多少要拖到明年？", context=["淄博市政府办公室2024年从2023年接过来还没办完的老申请有多少？"],
  numbers=[0], cites=[C(ZB, A, "carried_forward", "total")],
  note="Context asked 上年结转 (16); the follow-up switches to 结转下年度 = 0. Must not repeat 16.")
q("table_figure", "淄博市政府2024年把几部以市政府令发布的地方立法给作废了？", numbers=[4],
  cites=[C(ZB, P, "rules", "repealed")], note="以市政府令发布的地方立法 = 规章; 作废 = 废止. Not 规范性文件 废止 1. (地方性法规 by the 人大 is not in the table.)")
q("english", "How many of Zibo's binding normative policy documents were still in force at the end of 2024?", numbers=[49],
  cites=[C(ZB, P, "normative_docs", "in_force")], note="行政规范性文件 现行有效件数; the table note says it includes 市政府 and 市政府办公室 documents.")
q("table_figure", "淄博市政府办公室2024年有多少申请是因为得另外统计汇总才能给，所以没提供？", numbers=[15],
  cites=[C(ZB, A, "unavailable.needs_creation", "total")], note="没有现成信息需要另行制作.")
q("english", "How many of the requests the Zibo government office received in 2024 came from ordinary individuals?", numbers=[243],
  cites=[C(ZB, A, "new_received", "natural_person")], note="自然人 × 本年新收. Processed 自然人 is 259; 'received' points at 新收.")
q("table_figure", "淄博市政府办公室2024年办理结果里，那种既不算公开、也不算拒绝或给不了，只能算别的情况处理掉的有几件？", numbers=[10],
  cites=[ANY(C(ZB, A, "other", "total"), C(ZB, A, "other.other", "total"))],
  note="（六）其他处理 group = 3.其他 = 10 (the other two items are 0). 不予处理 is 0, so a reader who counts 不予处理 as 'other' still gets 10.")
q("english", "Did anyone sue the Zibo municipal government office over a disclosure decision in 2024? How many cases?", numbers=[0],
  cites=[ANY(C(ZB, RL, "suit_direct", "total"), S(ZB, "一、总体情况", "无因政府信息公开申请被提起行政复议或行政诉讼事件发生")),
         C(ZB, RL, "suit_after_review", "total")],
  note="行政诉讼 direct + after review, both 0; the text states it in words.")
q("table_figure", "淄博市政府办公室的报告里，2024年政府向老百姓和企业收的各种行政费用一共多少万元？", numbers=[0],
  cites=[C(ZB, P, "fees", "amount")], note="行政事业性收费 本年收费金额 0 万元. Not to be confused with 信息处理费 (also none).")
q("derived_figure", "淄博市政府办公室2024年，答复说给不出来（手里没有或者得另外做）的申请总共多少件？", numbers=[204],
  cites=[C(ZB, A, "unavailable", "total")], note="无法提供 group = 189 + 15 + 0.")

# --- 济宁市行政审批服务局 2024 ---
q("naming", "济宁审批局2024年一年作出的审批决定有多少件？", numbers=[84881],
  cites=[C(NG, P, "licensing", "decisions")], note="Agency named by its short form 济宁审批局; 行政许可 本年处理决定数量.")
q("ambiguity", "济宁市行政审批服务局2024年有多少件信息公开申请被拒了？", numbers=[0, 4],
  cites=[C(NG, A, "withheld", "total"), ANY(C(NG, A, "unavailable.not_held", "total"), S(NG, "一、总体情况", "其中4件因本单位不掌握公开信息无法提供"))],
  note="Strictly 不予公开 = 0, but 4 were 无法提供 (本机关不掌握); a good answer says 0 refused and 4 not provided. Clarify also acceptable. Wrong: 27.")
q("table_figure", "济宁审批局2024年有几件申请是因为局里手上没有这些信息才没提供的？", numbers=[4],
  cites=[ANY(C(NG, A, "unavailable.not_held", "total"), S(NG, "一、总体情况", "其中4件因本单位不掌握公开信息无法提供"))],
  note="本机关不掌握.")
q("english", "How many disclosure requests did companies send to the Jining administrative approval bureau in 2024?", numbers=[2],
  cites=[C(NG, A, "new_received", "commercial")], note="商业企业 × 本年新收.")
q("english", "How many of the Jining approval bureau's 2024 requests were answered in full?", numbers=[18],
  cites=[C(NG, A, "disclosed", "total")], note="予以公开. 'answered in full' ≠ 办结 27; arguable but full = not partial.")
q("table_figure", "济宁审批局2024年开了多少张罚单、做了几个处罚决定？", numbers=[0],
  cites=[C(NG, P, "penalty", "decisions")], note="行政处罚 本年处理决定数量 0. Must not answer 行政许可 84881.")
q("table_figure", "2024年有没有人不服济宁审批局的信息公开答复，去找上级机关复查？", numbers=[0],
  cites=[C(NG, RL, "review", "total")], note="复查 = 行政复议.")
q("english", "Were any of the Jining approval bureau's 2024 requests dropped because the applicant didn't pay the required fee in time?", numbers=[0],
  cites=[C(NG, A, "other.unpaid_fee", "total")], note="逾期未按收费通知要求缴纳费用.")
q("table_figure", "济宁审批局2024年，个人提的申请最后办完了多少件？", numbers=[25],
  cites=[C(NG, A, "processed_total", "natural_person")], note="（七）总计 × 自然人. Same as 新收 自然人 25 since nothing was carried.")
q("english", "How many requests were left over from 2023 for the Jining approval bureau to handle in 2024?", numbers=[0],
  cites=[C(NG, A, "carried_in", "total")], note="上年结转.")
q("followup", "And for Liaocheng?", context=["How many of the Jining approval bureau's 2024 requests were answered in full?"],
  numbers=[867], cites=[C(LC, A, "disclosed", "total")], note="Row 予以公开 carried to Liaocheng.")
q("followup", "OK, and that one for the Jining approval bureau?", context=["淄博市政府办公室2024年有多少件申请，对方答复说没有这个信息、给不了？"],
  numbers=[4], cites=[C(NG, A, "unavailable.not_held", "total")], note="Language switch inside a conversation; row 本机关不掌握 carried to Jining.")

# --- 聊城市人民政府 2024 ---
q("table_figure", "聊城市政府2024年有多少件信息公开申请被政府拒绝了？", numbers=[82],
  cites=[ANY(C(LC, A, "withheld", "total"), S(LC, "一、总体情况", "不予公开 82 件"))],
  note="不予公开 (10+9+2+17+7+14+18+5). Broader reading (incl. 无法提供 568, 不予处理 25) is possible; 拒绝 points at 不予公开.")
q("table_figure", "聊城2024年有多少申请是为了保护别人的隐私、商业秘密而没公开的？", numbers=[17],
  cites=[C(LC, A, "withheld.third_party", "total")], note="保护第三方合法权益.")
q("table_figure", "聊城2024年律师事务所递交了多少份信息公开申请？", numbers=[19],
  cites=[C(LC, A, "new_received", "legal_service")], note="法律服务机构 column (律所 is its main member).")
q("followup", "那科研单位呢？", context=["聊城2024年律师事务所递交了多少份信息公开申请？"],
  numbers=[0], cites=[C(LC, A, "new_received", "research")], note="Column switch, row 本年新收 kept.")
q("table_figure", "2024年有多少人对聊城市政府的信息公开答复不服，去找上级机关要求重新审查？", numbers=[126],
  cites=[C(LC, RL, "review", "total")], note="行政复议 total.")
q("followup", "其中上级认为政府做错了、给纠正过来的有多少？", context=["2024年有多少人对聊城市政府的信息公开答复不服，去找上级机关要求重新审查？"],
  numbers=[24], cites=[C(LC, RL, "review", "corrected")], note="review × 结果纠正. Not suit 纠正 4 or 2.")
q("table_figure", "聊城2024年没先找上级，直接到法院起诉市政府信息公开的官司有几件？", numbers=[35],
  cites=[C(LC, RL, "suit_direct", "total")], note="未经复议直接起诉.")
q("derived_figure", "聊城市政府2024年因为信息公开一共吃了多少场官司？", numbers=[57],
  cites=[C(LC, RL, "suit_direct", "total"), C(LC, RL, "suit_after_review", "total")],
  note="行政诉讼 = 35 直接起诉 + 22 复议后起诉. 复议 126 is not a lawsuit; an answer adding it (183) is wrong.", check=lambda: [35 + 22])
q("table_figure", "聊城2024年有多少件“申请”其实是来反映问题、告状的，被当成上访那类处理了？", numbers=[12],
  cites=[C(LC, A, "not_processed.petition", "total")], note="信访举报投诉类申请.")
q("table_figure", "聊城2024年有没有人没完没了地大批量提申请、被不予理会的？有几件？", numbers=[2],
  cites=[C(LC, A, "not_processed.excessive", "total")],
  note="无正当理由大量反复申请 = 2. Arguable: 重复申请 = 11 is the nearby reading of '反复提'; 大批量/没完没了 point at 'excessive'.")
q("table_figure", "聊城2024年有多少件申请，政府让申请人补充说明，结果人家过了期限也没回音，就不办了？", numbers=[30],
  cites=[C(LC, A, "other.no_correction", "total")], note="逾期不补正. Same number as 结转下年度 30 — the citation decides.")
q("english", "How much money did Liaocheng collect in administrative fees in 2024?", numbers=["126661.053152"],
  cites=[C(LC, P, "fees", "amount")], note="行政事业性收费, unit 万元, full precision.")
q("english", "How many administrative penalty decisions did Liaocheng make in 2024?", numbers=[3270192],
  cites=[C(LC, P, "penalty", "decisions")], note="行政处罚 本年处理决定数量.")
q("table_figure", "聊城2024年有多少件申请年底还没办完，要拖到2025年？", numbers=[30],
  cites=[ANY(C(LC, A, "carried_forward", "total"), S(LC, "一、总体情况", "结转下一年度 30 件"))], note="结转下年度继续办理.")
q("followup", "其中个人提的有几件？", context=["聊城2024年有多少件申请年底还没办完，要拖到2025年？"],
  numbers=[29], cites=[C(LC, A, "carried_forward", "natural_person")],
  note="结转下年度 × 自然人. The extracted row lost one 0 cell (prints 29 1 0 0 0 30); 29 is the 自然人 value by column identity (1909+23-1903). Not 上年结转 自然人 23.")
q("table_figure", "聊城市政府2024年一共清理作废了多少件管老百姓的红头文件？", numbers=[56],
  cites=[ANY(C(LC, P, "normative_docs", "repealed"), S(LC, "一、总体情况", "废止56件"))], note="红头文件 = 行政规范性文件; 本年废止件数 (规章 废止 1). 红头文件 is looser than 规范性文件, see README.")
q("english", "How many Liaocheng requests in 2024 were refused because the information was classified as a state secret?", numbers=[10],
  cites=[C(LC, A, "withheld.state_secret", "total")], note="属于国家秘密.")
q("english", "How many Liaocheng requests in 2024 were turned away because the person really just wanted to look up records such as registrations or files?", numbers=[5],
  cites=[C(LC, A, "withheld.query_matter", "total")], note="属于行政查询事项 (a 不予公开 item in the 2021 format).")
q("english", "How many requests did Liaocheng's government finish dealing with in 2024?", numbers=[1950],
  cites=[C(LC, A, "processed_total", "total")], note="（七）总计 1950 (text: 已答复 1950 件). Near-miss: 新收 1951, 新收+结转 1980.")
q("ambiguity", "聊城2024年结转的申请有多少件？", numbers=[29, 30],
  cites=[C(LC, A, "carried_in", "total"), C(LC, A, "carried_forward", "total")],
  note="结转 is either 上年结转 29 or 结转下年度 30; answer with both (labelled) or ask back. Answering one without saying which is a fail.")
q("ambiguity", "淄博市政府办公室2024年有多少申请没有公开？", expect="clarify",
  note="Readings: 不予公开 3; or all that got no information at all = 261-44-0 = 217 (不予公开 3 + 无法提供 204 + 其他处理 10); or 'not (fully) disclosed' 217. Gold: ask back; an answer stating 3 as 不予公开 AND 217 as 未获公开 would also be acceptable. Never 245.")
q("ambiguity", "How many requests did the Jinan general office carry over?", expect="clarify",
  note="carried over = 上年结转 6 (into 2024) or 结转下年度 2 (into 2025). Ask back, or give both labelled.")
q("derived_figure", "济南市政府办公厅2024年办完的申请里，最后一点信息都没拿到的有多少件？", numbers=[163],
  cites=[C(JN, A, "withheld", "total"), C(JN, A, "unavailable", "total"), C(JN, A, "not_processed", "total"), C(JN, A, "other", "total")],
  note="办结 541 − 予以公开 202 − 部分公开 176 = 163 = 86 + 62 + 6 + 9. Alternatively cite processed_total, disclosed, partially_disclosed. 'Other 7 withdrawn' still got nothing.", check=lambda: [86 + 62 + 6 + 9])
q("ambiguity", "历下区2020年因为信息公开被人告了几次？", numbers=[3, 5],
  cites=[C(LX, RL, "suit_direct", "total"), C(LX, RL, "review", "total")],
  note="告 in the narrow sense = 行政诉讼 3 (直接起诉 3 + 复议后 0); colloquially also 行政复议 5. A good answer gives 3 lawsuits and mentions 5 复议; answering only 3 is acceptable, 5 alone or 8 without breakdown is not.")

# ---------------- Part 2: 20 out-of-scope questions ----------------
R = lambda question, note: q("refusal", question, expect="refuse", note=note)
R("我要怎么申请政府信息公开？",
  "Procedure; no report explains how to apply and none names a 政府信息公开指南. Pointer: 济宁 六（二）1 says 申请人可通过网上、邮寄、当面等多种渠道提交信息公开申请 (channels of one bureau, not a how-to).")
R("申请政府信息公开要交钱吗？",
  "General rule not stated. Pointers: every 2024 report says no 信息处理费 was charged (济南 六（一）'无'; 淄博 六（一）未发生收取信息处理费情形; 济宁 六（一）未向公民、法人收取信息处理费用; 聊城 六（四）2024年全市未收取信息公开处理费). A good refusal may cite these as 'none charged in 2024' without claiming a rule.")
R("聊城市政府的信息公开工作做得好不好？",
  "Opinion. Pointer: 五、存在的主要问题及改进情况 lists the report's own shortcomings (公开内容不够全面, 办理流程有待规范…), and 人大建议 满意率 99.6% is about proposals, not disclosure.")
R("济宁市行政审批服务局的局长是谁？",
  "Not in the report (it mentions 局长办公会议 and 主要负责人解读 but no name).")
R("聊城市2025年的财政预算是多少？", "Future/budget figure; no annual disclosure report states it.")
R("2024年聊城收到多少封电子邮件形式的信息公开申请？",
  "The format has no channel breakdown; total 本年新收 1951 is not the answer and must not be given as one.")
R("淄博市政府办公室2024年有多少件申请是在网上提交的？",
  "No channel breakdown. Pointer: 淄博 only gives an email address for questions about the report (zwgkb@zb.shandong.cn).")
R("济宁市行政审批服务局2024年答复一件信息公开申请平均要几天？",
  "Not stated. Pointer: 一、总体情况（二）均按照申请人要求的形式在规定时间内答复 (on time, no duration).")
R("济南市政府办公厅2024年信息公开申请人的满意率是多少？",
  "Trap: the only 满意率100% in the report is for 人大代表建议和政协提案 (六（三）), not for disclosure applicants.")
R("历下区2020年政府采购一共花了多少钱？",
  "The 2019-format table has a 第二十条第（九）项 采购项目数量/采购总金额 header but the report prints no figures under it. Say it is not reported; do not borrow another number.")
R("历下区2020年行政事业性收费一共收了多少钱？",
  "2019 format prints only 上一年项目数量 11 and 本年增/减 0 for 行政事业性收费 — item counts, no amount. Answering 11 or 0 as money is wrong.")
R("聊城2024年行政处罚一共罚没了多少钱？",
  "Trap: the table gives 行政处罚 decisions (3270192), not amounts; 126661.053152 万元 is 行政事业性收费, not fines.")
R("Who is the mayor of Liaocheng?", "Not in any report.")
R("淄博市政府办公室2023年收到了多少件信息公开申请？",
  "Other year. Pointer: 一、总体情况（二）共办理政府信息公开申请261件，较上年增长97.72% — implies ≈132 办理 in 2023, but that is 办理 not 收到 and is not printed; 上年结转 16 is not the answer either.")
R("济南市2024年全市各区县、各部门一共收到多少件信息公开申请？",
  "Scope: the report covers only 市政府（市政府办公厅） (受理 543 件 incl. 6 carried). City-wide totals are not in it; 537/543 must not be offered as the city total.")
R("历下区2020年有多少工作人员因为政府信息公开工作被追责？",
  "Pointer: 一、总体情况（六）在责任追究方面，全年未收到与政府信息公开工作有关的举报、投诉 — relevant but does not state a count of people held accountable.")
R("我的申请被济南市政府办公厅拒了，你能帮我写一份行政复议申请书吗？", "Out of scope task (drafting legal documents).")
R("What is the legal deadline for an agency to reply to my information disclosure request?",
  "Procedure from the 条例, not stated in the reports.")
R("Which of these five agencies is the most transparent?", "Opinion/ranking on an undefined criterion.")
R("聊城2024年的信息公开申请人里有多少是女性？", "Format has no gender breakdown; 自然人 1909 is not the answer.")

# ---------------- Part 3: 10 summaries ----------------
def SUM(question, rep, note):
    nr, pt, cf = (str(cell(rep, A, r_, "total")) for r_ in ("new_received", "processed_total", "carried_forward"))
    q("summary", question, numbers=[nr, pt, cf],
      cites=[C(rep, A, "new_received", "total"), C(rep, A, "processed_total", "total"), C(rep, A, "carried_forward", "total")],
      note=note, check=[int(nr), int(pt), int(cf)])
SUM("总结一下聊城市2024年政府信息公开工作", LC,
    "新收 1951, 办结 1950, 结转下年度 30; also 行政复议 126, 行政诉讼 57 (35+22). Lead: 2024 年，聊城市人民政府坚持以习近平新时代中国特色社会主义思想为指导…持续擦亮“公开聊亮”品牌。")
SUM("概括一下济南市政府办公厅2024年的政府信息公开工作年度报告", JN,
    "新收 537, 办结 541, 结转 2; 复议 0, 诉讼 0. 一、总体情况 has no general lead sentence; it opens with （一）主动公开情况 (信息 428 条, 解读材料 188 个).")
SUM("介绍一下淄博市政府办公室2024年在信息公开上这一年做了什么", ZB,
    "新收 245, 办结 261, 结转 0; 复议 0, 诉讼 0. Lead: 2024年，淄博市人民政府办公室紧紧围绕市委、市政府中心工作…着力推进政务公开工作有序高效开展。")
SUM("简单说说济宁市行政审批服务局2024年政府信息公开的情况", NG,
    "新收 27, 办结 27, 结转 0; 复议 0, 诉讼 0. Lead: 2024年，济宁市行政审批服务局深入贯彻落实省政务公开工作要点…")
SUM("历下区2020年的政府信息公开工作总体怎么样？给我个概述。", LX,
    "2019 format. 新收 176, 办结 176, 结转 2; 复议 5, 诉讼 3 (3+0). Lead: 2020 年,历下区按照济南市政府办公厅关于信息公开工作的总体部署,坚持“以公开为常态、不公开为例外”… '怎么样' invites an opinion — the summary should stay factual.")
SUM("Summarize Liaocheng's 2024 government information disclosure annual report.", LC,
    "As the Chinese Liaocheng summary: 1951 / 1950 / 30; review 126, litigation 57.")
SUM("Give me an overview of what the Jinan municipal government general office did on information disclosure in 2024.", JN,
    "537 / 541 / 2; review 0, litigation 0.")
SUM("In a few sentences, what happened with information disclosure at the Zibo municipal government office in 2024?", ZB,
    "245 / 261 / 0; review 0, litigation 0. Text: 共办理…261件，较上年增长97.72%.")
SUM("Brief summary of the Jining administrative approval bureau's 2024 disclosure report, please.", NG,
    "27 / 27 / 0; review 0, litigation 0.")
SUM("Summarize the Lixia District government's 2020 information disclosure report in English.", LX,
    "176 / 176 / 2; review 5, litigation 3.")

# ---------------- Part 4: 10 aggregates and comparisons ----------------
four = [JN, ZB, NG, LC]
nr = [cell(x, A, "new_received", "total") for x in four]
q("aggregate", "2024年济南市政府办公厅、淄博市政府办公室、济宁市行政审批服务局和聊城市政府这四个机关一共新收了多少件申请？",
  numbers=[sum(nr)] + nr, cites=[C(x, A, "new_received", "total") for x in four],
  note="537 + 245 + 27 + 1951 = 2760.", check=[2760, 537, 245, 27, 1951])
q("comparison_ranking", "2024年济南市政府办公厅和淄博市政府办公室，谁收到的新申请多？多多少？",
  numbers=[537, 245, 292], cites=[C(JN, A, "new_received", "total"), C(ZB, A, "new_received", "total")],
  note="济南 537 > 淄博 245, difference 292. Zibo's text '办理261件' is 办结, not 新收.", check=[537, 245, 537 - 245])
q("aggregate", "聊城市政府2024年办完的申请里，全部公开的占百分之多少？",
  numbers=[867, 1950, "44.5%"],
  cites=[ANY(C(LC, A, "disclosed", "total"), S(LC, "一、总体情况", "予以公开 867 件，占 44.5%")), C(LC, A, "processed_total", "total")],
  note="867 / 1950 = 44.46% → 44.5% (the report prints the same share).", check=[867, 1950])
q("aggregate", "2024年这四个机关（济南市政府办公厅、淄博市政府办公室、济宁市行政审批服务局、聊城市政府）平均每家新收多少件申请？",
  numbers=[690] + nr, cites=[C(x, A, "new_received", "total") for x in four],
  note="2760 / 4 = 690 exactly. A median (391) is not what 平均 means.", check=[sum(nr) // 4] + nr)
wh = [cell(x, A, "withheld", "total") for x in four]
q("comparison_ranking", "2024年济南市政府办公厅、淄博市政府办公室、济宁市行政审批服务局、聊城市政府里，哪家拒绝公开的申请最多？",
  numbers=[86, 82, 3, 0], cites=[C(x, A, "withheld", "total") for x in [JN, LC, ZB, NG]],
  note="不予公开: 济南 86 > 聊城 82 > 淄博 3 > 济宁 0. Counter-intuitive: the big city (聊城, 1951 new) is second. Under a broad '没给' reading 聊城 wins (82+568+25+98) — note the reading.",
  check=[wh[0], wh[3], wh[1], wh[2]])
q("aggregate", "济南市政府办公厅2024年办结的申请里，答复“本机关没有这个信息”的占多大比例？",
  numbers=[51, 541, "9.4%"], cites=[C(JN, A, "unavailable.not_held", "total"), C(JN, A, "processed_total", "total")],
  note="51 / 541 = 9.43% → 9.4%.", check=[51, 541])
cf = [cell(x, A, "carried_forward", "total") for x in four]
q("aggregate", "Across the 2024 reports of the Jinan general office, the Zibo government office, the Jining approval bureau and Liaocheng, how many requests were carried forward into 2025 in total?",
  numbers=[32, 2, 0, 30], cites=[C(x, A, "carried_forward", "total") for x in four],
  note="2 + 0 + 0 + 30 = 32. Not 上年结转 (6+16+0+29 = 51).", check=[sum(cf), cf[0], cf[1], cf[3]])
rv = [cell(x, RL, "review", "total") for x in four]
q("aggregate", "2024年济南市政府办公厅、淄博市政府办公室、济宁市行政审批服务局和聊城市政府，因为信息公开被人找上级复查的一共多少件？",
  numbers=[126, 0], cites=[C(x, RL, "review", "total") for x in four],
  note="行政复议: 0 + 0 + 0 + 126 = 126. Lawsuits (57) not included.", check=[sum(rv), rv[0]])
q("comparison_ranking", "济南市政府办公厅2024年和历下区2020年，哪个完整公开的申请更多？多多少？",
  numbers=[202, 90, 112], cites=[C(JN, A, "disclosed", "total"), C(LX, A, "disclosed", "total")],
  note="予以公开 202 vs 90, difference 112 (different years and agency levels; the answer may say so).", check=[202, 90, 112])
q("aggregate", "What share of the new requests Liaocheng received in 2024 came from individuals?",
  numbers=[1909, 1951, "97.8%"], cites=[C(LC, A, "new_received", "natural_person"), C(LC, A, "new_received", "total")],
  note="1909 / 1951 = 97.85% → 97.8%. (Organisations 42.)", check=[1909, 1951])
