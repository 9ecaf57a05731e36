"""Question understanding by rules: agencies (gazetteer), years, table cells (lexicon), intent and
follow-ups, in Chinese and English. Fast: a hand-written gazetteer, no index, embedder or Chroma."""

from __future__ import annotations

import pytest

from index.tables import schema
from qa.understanding import lexicon
from qa.understanding.gazetteer import Gazetteer
from qa.understanding.understand import CHANGE, COMPARISON, FIGURE, RANKING, TEXT, Ask, language, understand
from qa.understanding.years import LATEST, PREVIOUS, find_years

# The seed corpus, as the manifest describes it.
REPORTS = [
    {"agency": "聊城市人民政府", "region": "聊城市", "year": 2024},
    {"agency": "济南市人民政府办公厅", "region": "济南市", "year": 2024},
    {"agency": "济南市历下区人民政府", "region": "济南市历下区", "year": 2020},
    {"agency": "淄博市人民政府办公室", "region": "淄博市", "year": 2024},
    {"agency": "济宁市行政审批服务局", "region": "济宁市", "year": 2024},
]
LIAOCHENG, JINAN, LIXIA, ZIBO, JINING = (r["agency"] for r in REPORTS)

APP, REVIEW, PRO = schema.APPLICATIONS, schema.REVIEW, schema.PROACTIVE


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(REPORTS)


def asks(question: str, gazetteer: Gazetteer) -> list[Ask]:
    return understand(question, gazetteer).asks


# -- gazetteer -------------------------------------------------------------------------------------


def test_gazetteer_reads_agency_region_and_year(gazetteer):
    assert gazetteer.agencies == sorted(r["agency"] for r in REPORTS)
    assert gazetteer.regions[LIXIA] == "济南市历下区"
    assert gazetteer.years == {LIAOCHENG: [2024], JINAN: [2024], LIXIA: [2020], ZIBO: [2024], JINING: [2024]}


def test_gazetteer_skips_reports_without_agency():
    g = Gazetteer([*REPORTS, {"agency": "", "region": "青岛市", "year": 2024}])
    assert g.agencies == sorted(r["agency"] for r in REPORTS)


@pytest.mark.parametrize(
    ("question", "agency"),
    [
        # full names
        ("聊城市人民政府2024年收到多少申请？", LIAOCHENG),
        ("济南市人民政府办公厅收到多少申请？", JINAN),
        ("济南市历下区人民政府收到多少申请？", LIXIA),
        ("淄博市人民政府办公室收到多少申请？", ZIBO),
        ("济宁市行政审批服务局收到多少申请？", JINING),
        # short forms and regions
        ("聊城收到多少申请？", LIAOCHENG),
        ("聊城市收到多少申请？", LIAOCHENG),
        ("聊城市政府收到多少申请？", LIAOCHENG),
        ("山东省聊城市收到多少申请？", LIAOCHENG),
        ("济南收到多少申请？", JINAN),
        ("济南市政府办公厅收到多少申请？", JINAN),
        ("淄博收到多少申请？", ZIBO),
        ("济宁市收到多少申请？", JINING),
        # districts
        ("历下收到多少申请？", LIXIA),
        ("历下区收到多少申请？", LIXIA),
        ("济南市历下区收到多少申请？", LIXIA),
        ("济南市历下区政府收到多少申请？", LIXIA),
        # pinyin / English
        ("How many applications did Liaocheng receive in 2024?", LIAOCHENG),
        ("how many applications did liaocheng receive", LIAOCHENG),
        ("In Liaocheng, how many applications were received?", LIAOCHENG),
        ("Liaocheng received how many applications?", LIAOCHENG),
        ("How many applications did Jinan receive?", JINAN),
        ("How many applications did Jinan's government receive?", JINAN),
        ("JINAN received how many applications?", JINAN),
        ("How many applications did Lixia receive?", LIXIA),
        ("How many applications did Zibo receive?", ZIBO),
        ("How many applications did Jining receive?", JINING),
        ("jining received how many applications", JINING),
    ],
)
def test_agency_names(gazetteer, question, agency):
    mentions = gazetteer.find(question)
    assert mentions.agencies == [agency]
    assert mentions.unknown == []
    assert understand(question, gazetteer).agencies == [agency]


def test_names_are_taken_out_of_the_rest(gazetteer):
    mentions = gazetteer.find("聊城市人民政府收到多少申请")
    assert "聊城" not in mentions.rest
    assert "收到多少申请" in mentions.rest


@pytest.mark.parametrize(
    ("question", "agencies"),
    [
        ("Jinan", [JINAN]),
        ("Jining", [JINING]),
        ("济南", [JINAN]),
        ("济宁", [JINING]),
        ("Compare Jinan and Jining", sorted([JINAN, JINING])),
        ("济南和济宁分别收到多少申请", sorted([JINAN, JINING])),
    ],
)
def test_jinan_and_jining_are_not_confused(gazetteer, question, agencies):
    assert gazetteer.find(question).agencies == agencies


def test_alias_match(gazetteer):
    assert gazetteer.match("liaocheng") == [LIAOCHENG]
    assert gazetteer.match("历下") == [LIXIA]
    assert gazetteer.match("济南") == [JINAN]
    assert gazetteer.match("人民政府办公") == sorted([JINAN, ZIBO])


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("青岛市2024年收到多少申请？", "青岛市"),
        ("潍坊市收到多少申请？", "潍坊市"),
        ("山东省教育厅收到多少申请？", "山东省教育厅"),
        ("聊城市教育局收到多少申请？", "聊城市教育局"),  # another body of a known city
        ("How many applications did Qingdao receive?", "Qingdao"),
        ("In 2024, how many applications did Weifang receive?", "Weifang"),
        # county names jieba does not tag as places: split (洪泽 区) or mistagged (a person, an abbreviation)
        ("洪泽区2024年新收了多少件申请？", "洪泽区"),
        ("宝应县收到多少申请？", "宝应县"),
        ("高邮市受理了多少申请？", "高邮市"),
    ],
)
def test_unknown_places(gazetteer, question, unknown):
    query = understand(question, gazetteer)
    assert query.unknown == [unknown]
    assert query.agencies == []


@pytest.mark.parametrize("question, place", [("山东省收到多少申请？", "山东省"), ("山东收到多少申请？", "山东"),
                                             ("How many applications did Shandong receive?", "Shandong")])
def test_a_province_without_a_report_of_its_own_names_the_reports_under_it(gazetteer, question, place):
    query = understand(question, gazetteer)
    assert (query.agencies, query.unknown) == ([], [place])
    assert sorted(query.nearby) == sorted(r["agency"] for r in REPORTS)


@pytest.mark.parametrize("question", ["Which city in Shandong received the most applications?",
                                      "山东省各地收到多少申请？", "山东省哪个城市收到的申请最多？"])
def test_a_province_asked_about_its_places_is_their_scope(gazetteer, question):
    assert understand(question, gazetteer).agencies == sorted(r["agency"] for r in REPORTS)


def test_a_city_below_which_a_district_lies_is_its_scope(gazetteer):
    assert understand("济南市下面各区县2020年新收多少件申请？", gazetteer).agencies == [LIXIA]
    assert understand("济南市的各个单位收到多少申请？", gazetteer).agencies == sorted([JINAN, LIXIA])


@pytest.mark.parametrize(
    "question",
    [
        "全国哪个单位收到的申请最多？",
        "全区收到多少申请？",  # kinds of place, not names of one
        "开发区收到多少申请？",
        "市区的申请人有多少？",
    ],
)
def test_context_places_are_not_unknown(gazetteer, question):
    query = understand(question, gazetteer)
    assert query.unknown == []
    assert query.agencies == []


@pytest.mark.parametrize("question", ["哪个城市收到的申请最多？", "山东省哪个城市收到的申请最多？"])
def test_city_as_a_common_noun_is_not_unknown(gazetteer, question):
    query = understand(question, gazetteer)
    assert query.intent == RANKING
    assert query.unknown == []


def test_unknown_place_at_the_start_of_a_sentence(gazetteer):
    assert understand("Qingdao received how many applications?", gazetteer).unknown == ["Qingdao"]


# -- years -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2024年收到多少申请", [2024]),
        ("2024年度收到多少申请", [2024]),
        ("二〇二四年收到多少申请", [2024]),
        ("二零二零年收到多少申请", [2020]),
        ("24年收到多少申请", [2024]),
        ("2019年", [2019]),
        ("How many applications were received in 2024?", [2024]),
        ("2020年和2024年", [2020, 2024]),
        ("2024年和2020年", [2024, 2020]),
        ("between 2020 and 2024", [2020, 2024]),
        ("2024年和二〇二〇年", [2024, 2020]),
        ("2024年，2024年", [2024]),
        ("去年收到多少申请", [LATEST]),
        ("今年收到多少申请", [LATEST]),
        ("最新的报告", [LATEST]),
        ("last year", [LATEST]),
        ("前年收到多少申请", [PREVIOUS]),
        ("the year before last", [PREVIOUS]),
        ("2020年比去年", [2020]),  # a named year wins over a relative one
        # counts, not years
        ("收到1951件申请", []),
        ("收到2024件申请", []),
        ("2024 项", []),
        ("收到1951件", []),
        ("2024年收到1951件申请", [2024]),
        ("80年代", []),
        ("", []),
    ],
)
def test_find_years(text, years):
    assert find_years(text) == years


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("聊城市2024年收到多少申请？", [2024]),
        ("聊城市二〇二四年收到多少申请？", [2024]),
        ("聊城市24年收到多少申请？", [2024]),
        ("How many applications did Liaocheng receive in 2024?", [2024]),
        ("聊城市去年收到多少申请？", [LATEST]),
        ("聊城市今年收到多少申请？", [LATEST]),
        ("聊城市前年收到多少申请？", [PREVIOUS]),
        ("How many applications did Liaocheng receive last year?", [LATEST]),
        ("聊城市收到1951件申请吗？", []),
        ("聊城市收到2024件申请吗？", []),
        # 上年结转 / carried over from last year name a row, not a year
        ("聊城市上年结转多少申请？", []),
        ("How many applications were carried over from last year in Liaocheng?", []),
    ],
)
def test_years_in_questions(gazetteer, question, years):
    assert understand(question, gazetteer).years == years


# -- cells -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # received
        ("聊城市新收多少申请？", [Ask(APP, "new_received")]),
        ("聊城市收到多少申请？", [Ask(APP, "new_received")]),
        ("聊城市申请多少件？", [Ask(APP, "new_received")]),  # 申请 alone: the weak default
        ("How many applications did Liaocheng receive?", [Ask(APP, "new_received")]),
        ("How many requests were received by Liaocheng?", [Ask(APP, "new_received")]),
        # carried in / forward
        ("聊城市上年结转多少申请？", [Ask(APP, "carried_in")]),
        ("聊城市结转下年度多少申请？", [Ask(APP, "carried_forward")]),
        ("How many applications were carried forward in Liaocheng?", [Ask(APP, "carried_forward")]),
        ("How many applications did Liaocheng carry forward in 2024?", [Ask(APP, "carried_forward")]),
        ("How many applications were carried over from last year in Liaocheng?", [Ask(APP, "carried_in")]),
        # results
        ("聊城市予以公开多少件？", [Ask(APP, "disclosed")]),
        ("How many requests were disclosed in full by Liaocheng?", [Ask(APP, "disclosed")]),
        ("聊城市部分公开多少件？", [Ask(APP, "partially_disclosed")]),
        ("How many requests were partially disclosed by Liaocheng?", [Ask(APP, "partially_disclosed")]),
        ("聊城市不予公开多少件？", [Ask(APP, "withheld")]),
        ("How many were withheld in Liaocheng?", [Ask(APP, "withheld")]),
        ("聊城市涉及国家秘密的有多少件？", [Ask(APP, "withheld.state_secret")]),
        ("聊城市因国家秘密不予公开多少件？", [Ask(APP, "withheld.state_secret")]),
        ("How many were withheld as state secrets in Liaocheng?", [Ask(APP, "withheld.state_secret")]),
        ("聊城市第三方合法权益不予公开多少件？", [Ask(APP, "withheld.third_party")]),
        ("聊城市过程性信息多少件？", [Ask(APP, "withheld.process_info")]),
        ("聊城市无法提供多少件？", [Ask(APP, "unavailable")]),
        ("聊城市本机关不掌握的有多少件？", [Ask(APP, "unavailable.not_held")]),
        ("聊城市不予处理多少件？", [Ask(APP, "not_processed")]),
        ("聊城市重复申请多少件？", [Ask(APP, "not_processed.duplicate")]),
        ("聊城市不予处理中重复申请多少件？", [Ask(APP, "not_processed.duplicate")]),
        ("聊城市信访举报投诉类申请多少件？", [Ask(APP, "not_processed.petition")]),
        ("聊城市其他处理多少件？", [Ask(APP, "other")]),
        ("聊城市逾期不补正多少件？", [Ask(APP, "other.no_correction")]),
        # processed total; 答复 / 办理 only with 申请
        ("聊城市办理结果总计多少？", [Ask(APP, "processed_total")]),
        ("聊城市答复了多少件申请？", [Ask(APP, "processed_total")]),
        ("聊城市办理了多少件申请？", [Ask(APP, "processed_total")]),
        ("How many applications were answered by Liaocheng?", [Ask(APP, "processed_total")]),
        ("How many applications were handled by Liaocheng?", [Ask(APP, "processed_total")]),
        ("聊城市答复了多少件？", []),
        ("How many did Liaocheng answer?", []),
        # review and lawsuits
        ("聊城市行政复议多少件？", [Ask(REVIEW, "review")]),
        ("聊城市行政复议结果维持多少件？", [Ask(REVIEW, "review", (("upheld",),))]),
        ("聊城市行政复议结果纠正多少件？", [Ask(REVIEW, "review", (("corrected",),))]),
        ("聊城市行政复议尚未审结多少件？", [Ask(REVIEW, "review", (("pending",),))]),
        ("聊城市行政复议总计多少件？", [Ask(REVIEW, "review", (("total",),))]),
        ("How many administrative reviews were upheld in Liaocheng?", [Ask(REVIEW, "review", (("upheld",),))]),
        ("聊城市行政诉讼多少件？", [Ask(REVIEW, "suit")]),
        ("How many lawsuits did Liaocheng face?", [Ask(REVIEW, "suit")]),
        ("聊城市直接起诉多少件？", [Ask(REVIEW, "suit_direct")]),
        ("聊城市未经复议直接起诉多少件？", [Ask(REVIEW, "suit_direct")]),
        ("聊城市行政诉讼中直接起诉的有多少？", [Ask(REVIEW, "suit_direct")]),
        ("聊城市复议后起诉多少件？", [Ask(REVIEW, "suit_after_review")]),
        # proactive disclosure
        ("聊城市制发规章多少件？", [Ask(PRO, "rules", (("issued", "made"),))]),
        ("聊城市规章总计多少件？", [Ask(PRO, "rules")]),  # the proactive table has no total column
        ("聊城市废止规范性文件多少件？", [Ask(PRO, "normative_docs", (("repealed",),))]),
        ("聊城市现行有效规范性文件多少件？", [Ask(PRO, "normative_docs", (("in_force",),))]),
        ("How many rules are in force in Liaocheng?", [Ask(PRO, "rules", (("in_force",),))]),
        ("聊城市行政许可决定多少件？", [Ask(PRO, "licensing", (("decisions",),))]),
        ("聊城市行政处罚决定多少件？", [Ask(PRO, "penalty", (("decisions",),))]),
        ("聊城市行政强制决定多少件？", [Ask(PRO, "coercion", (("decisions",),))]),
        ("聊城市行政事业性收费金额多少？", [Ask(PRO, "fees", (("amount",),))]),
        ("聊城市收费多少钱？", [Ask(PRO, "fees", (("amount",),))]),
        ("聊城市行政许可比上年增加多少？", [Ask(PRO, "licensing", (("change",),))]),
        # applicant columns
        ("聊城市自然人申请多少件？", [Ask(APP, "new_received", (("natural_person",),))]),
        ("聊城市商业企业申请多少件？", [Ask(APP, "new_received", (("commercial",),))]),
        ("聊城市法律服务机构申请多少件？", [Ask(APP, "new_received", (("legal_service",),))]),
        ("聊城市法人或其他组织申请多少件？", [Ask(APP, "new_received", (("organisations",),))]),
        ("聊城市法律服务机构和商业企业各申请多少件？",
         [Ask(APP, "new_received", (("legal_service",), ("commercial",)))]),
        ("聊城市收到的申请总数？", [Ask(APP, "new_received", (("total",),))]),
        ("How many applications did law firms file in Liaocheng?", [Ask(APP, "new_received", (("legal_service",),))]),
        ("How many applications did individuals file in Liaocheng?",
         [Ask(APP, "new_received", (("natural_person",),))]),
        # no cell
        ("聊城市如何推进政务公开？", []),
    ],
)
def test_cells(gazetteer, question, expected):
    assert asks(question, gazetteer) == expected


@pytest.mark.parametrize(
    ("question", "phrase"),
    [("聊城市结转了多少申请？", "结转"), ("How many applications did Liaocheng carry over?", "carry over")],
)
def test_carried_over_is_ambiguous(gazetteer, question, phrase):
    assert asks(question, gazetteer) == [
        Ask(APP, "carried_forward", ambiguous=phrase),
        Ask(APP, "carried_in", ambiguous=phrase),
    ]


@pytest.mark.parametrize(
    "question",
    [
        "How many applications did Liaocheng handle?",
        "How many applications did Liaocheng process?",
        "How many applications did Liaocheng answer?",
    ],
)
def test_english_base_verbs_of_handling(gazetteer, question):
    assert asks(question, gazetteer) == [Ask(APP, "processed_total")]


def test_english_repeal(gazetteer):
    assert asks("How many normative documents did Liaocheng repeal?", gazetteer) == [
        Ask(PRO, "normative_docs", (("repealed",),))
    ]


# -- intent ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent", "order"),
    [
        ("聊城市2024年收到多少申请？", FIGURE, ""),
        ("How many applications did Liaocheng receive in 2024?", FIGURE, ""),
        ("聊城市行政复议纠正最多吗？", FIGURE, ""),  # one agency and no 哪个: not a ranking
        # comparisons: two agencies, two years, or the word
        ("聊城市和济南市分别收到多少申请？", COMPARISON, ""),
        ("聊城和济南哪个收到的申请多？", COMPARISON, ""),
        ("Compare applications received by Liaocheng and Zibo", COMPARISON, ""),
        ("聊城市2020年和2024年收到的申请", COMPARISON, ""),
        ("Liaocheng 2020 vs 2024 applications received", COMPARISON, ""),
        ("比较聊城市2020年和2024年收到的申请", COMPARISON, ""),
        ("比较一下聊城市的行政复议", COMPARISON, ""),
        ("Compare the administrative reviews of Liaocheng", COMPARISON, ""),
        # rankings
        ("哪个单位收到的申请最多？", RANKING, "max"),
        ("哪个单位行政复议最多？", RANKING, "max"),
        ("Which agency received the most applications?", RANKING, "max"),
        ("Which agency received the most applications in 2024?", RANKING, "max"),
        ("哪个单位收到的申请最少？", RANKING, "min"),
        ("Which agency received the fewest applications?", RANKING, "min"),
        ("Which agency had the fewest lawsuits?", RANKING, "min"),
        # text
        ("如何推进政务公开？", TEXT, ""),
        ("聊城市如何推进政务公开？", TEXT, ""),
        ("How does Liaocheng promote open government?", TEXT, ""),
        # change over the previous year is told in the text, unless two years are named: then it is computed
        # from the two years' cells (and told by the text when a year's report is missing)
        ("聊城市收到的申请比上年增长了多少？", TEXT, ""),
        ("聊城市2024年收到的申请比上年增长了多少？", CHANGE, ""),
        ("聊城市2024年比2020年多收了多少件申请？", CHANGE, ""),
        ("聊城市2024年申请的答复率比上年增长了多少？", TEXT, ""),
        ("How much did applications received by Liaocheng grow compared with last year?", TEXT, ""),
    ],
)
def test_intent(gazetteer, question, intent, order):
    query = understand(question, gazetteer)
    assert (query.intent, query.order) == (intent, order)
    if intent == TEXT:
        assert query.asks == []
    else:
        assert query.asks


def test_figure_query_slots(gazetteer):
    query = understand("聊城市2024年收到多少申请？", gazetteer)
    assert query.agencies == [LIAOCHENG]
    assert query.years == [2024]
    assert query.asks == [Ask(APP, "new_received")]
    assert query.quantity
    assert query.language == "zh"
    assert not query.followup
    assert "聊城" not in query.rest


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("聊城市收到多少申请？", "zh"),
        ("如何推进政务公开", "zh"),
        ("Liaocheng 聊城", "zh"),
        ("2024年", "zh"),
        ("How many applications did Liaocheng receive?", "en"),
        ("Liaocheng 2024", "en"),
        ("", "en"),
    ],
)
def test_language(gazetteer, text, lang):
    assert language(text) == lang
    if text:
        assert understand(text, gazetteer).language == lang


# -- follow-ups ------------------------------------------------------------------------------------


def follow(first: str, second: str, gazetteer: Gazetteer):
    previous = understand(first, gazetteer)
    return previous, understand(second, gazetteer, previous=previous)


@pytest.mark.parametrize("second", ["那济南呢？", "济南市呢", "那么济南的情况呢？"])
def test_followup_switches_agency(gazetteer, second):
    previous, query = follow("聊城市2024年收到多少申请？", second, gazetteer)
    assert query.followup
    assert query.agencies == [JINAN]
    assert query.asks == previous.asks == [Ask(APP, "new_received")]
    assert query.years == [2024]
    assert query.intent == FIGURE
    assert query.text == second


@pytest.mark.parametrize("second", ["2020年呢？", "那2020年的呢？"])
def test_followup_switches_year(gazetteer, second):
    previous, query = follow("聊城市2024年收到多少申请？", second, gazetteer)
    assert query.followup
    assert query.agencies == [LIAOCHENG]
    assert query.asks == previous.asks
    assert query.years == [2020]
    assert query.intent == FIGURE


def test_followup_in_english_switches_year(gazetteer):
    _, query = follow("How many applications did Liaocheng receive in 2020?", "What about 2024?", gazetteer)
    assert (query.followup, query.agencies, query.years) == (True, [LIAOCHENG], [2024])
    assert query.language == "en"


def test_followup_after_ranking_becomes_a_figure(gazetteer):
    previous, query = follow("Which agency received the most applications?", "what about Jinan?", gazetteer)
    assert previous.intent == RANKING
    assert query.followup
    assert query.agencies == [JINAN]
    assert query.asks == [Ask(APP, "new_received")]
    assert query.intent == FIGURE
    assert query.language == "en"


def test_followup_with_two_agencies_is_a_comparison(gazetteer):
    _, query = follow("聊城市2024年收到多少申请？", "那济南、淄博呢？", gazetteer)
    assert query.followup
    assert query.agencies == sorted([JINAN, ZIBO])
    assert query.intent == COMPARISON
    assert query.years == [2024]


def test_followup_with_a_new_cell_keeps_agency_and_year(gazetteer):
    _, query = follow("聊城市2024年收到多少申请？", "行政复议呢？", gazetteer)
    assert query.followup
    assert (query.agencies, query.years, query.asks) == ([LIAOCHENG], [2024], [Ask(REVIEW, "review")])


@pytest.mark.parametrize(
    ("second", "agencies", "years", "expected", "intent"),
    [
        ("济南市行政复议多少件？", [JINAN], [], [Ask(REVIEW, "review")], FIGURE),
        ("聊城市2024年行政复议多少件？", [LIAOCHENG], [2024], [Ask(REVIEW, "review")], FIGURE),
        ("如何推进政务公开？", [], [], [], TEXT),
        ("哪个单位收到的申请最少？", [], [], [Ask(APP, "new_received")], RANKING),
    ],
)
def test_full_question_is_not_a_followup(gazetteer, second, agencies, years, expected, intent):
    _, query = follow("聊城市2024年收到多少申请？", second, gazetteer)
    assert not query.followup
    assert (query.agencies, query.years, query.asks, query.intent) == (agencies, years, expected, intent)


def test_followup_about_an_unknown_place_keeps_it_unknown(gazetteer):
    _, query = follow("聊城市2024年收到多少申请？", "那青岛呢？", gazetteer)
    assert query.agencies == []
    assert query.unknown == ["青岛"]


@pytest.mark.parametrize(
    ("first", "second", "years"),
    [
        ("聊城市2020年收到多少申请？", "去年呢？", [LATEST]),
        ("聊城市去年收到多少申请？", "前年呢？", [PREVIOUS]),
        ("聊城市2020年收到多少申请？", "那二〇二四年呢？", [2024]),
        ("How many applications did Liaocheng receive in 2020?", "And last year?", [LATEST]),
    ],
)
def test_followup_with_a_year_word(gazetteer, first, second, years):
    previous, query = follow(first, second, gazetteer)
    assert query.followup
    assert (query.agencies, query.asks, query.years) == ([LIAOCHENG], previous.asks, years)


@pytest.mark.parametrize("second", ["济南和淄博呢？", "那济南与淄博呢？"])
def test_followup_with_two_agencies_joined_by_and(gazetteer, second):
    _, query = follow("聊城市2024年收到多少申请？", second, gazetteer)
    assert query.followup
    assert query.asks == [Ask(APP, "new_received")]
    assert query.intent == COMPARISON


# -- lexicon ---------------------------------------------------------------------------------------

ROW_KEYS = (
    {(APP, r.key) for rows in schema.APPLICATION_ROWS.values() for r in rows}
    | {(APP, k) for k in schema.RESULT_GROUPS}
    | {(REVIEW, k) for k in [*schema.REVIEW_GROUPS, "suit"]}
    | {(PRO, k) for k in schema.PROACTIVE_ROWS}
)
COLUMN_KEYS = (
    {(APP, k) for k in [*schema.APPLICATION_COLUMNS, "organisations"]}
    | {(REVIEW, k) for k in schema.REVIEW_COLUMNS}
    | {(PRO, k) for k in schema.PROACTIVE_COLUMN_LABELS}
    | {("*", "total")}
)


def test_lexicon_loads():
    entries = lexicon.load()
    assert len(entries) > 50
    assert {e.kind for e in entries} == set(lexicon.KINDS)
    for entry in entries:
        assert entry.phrases, entry
        assert entry.label, entry
        assert all(len(k) == 2 for k in entry.keys), entry


def test_lexicon_keys_exist_in_schema():
    bad = [(e.kind, k) for e in lexicon.load() if e.kind != "text" for k in e.keys
           if k not in (COLUMN_KEYS if e.kind == "col" else ROW_KEYS)]
    assert bad == []


def test_a_phrase_that_names_no_cell_leaves_the_question_to_the_text(gazetteer):
    assert understand("聊城市2024年收了多少信息处理费？", gazetteer).asks == []
    assert understand("聊城市2024年行政事业性收费多少？", gazetteer).asks[0].row == "fees"


def test_lexicon_phrases_are_unique_and_each_finds_its_entry():
    phrases = [p.lower() for e in lexicon.load() for p in e.phrases]
    assert len(phrases) == len(set(phrases))
    wrong = []
    for entry in lexicon.load():
        for phrase in entry.phrases:
            terms = lexicon.find_terms(phrase)
            if [(t.kind, t.keys, t.phrase) for t in terms] != [(entry.kind, entry.keys, phrase)]:
                wrong.append(phrase)
    assert wrong == []


def test_find_terms_longest_first_in_text_order():
    terms = lexicon.find_terms("未经复议直接起诉和不予公开")
    assert [(t.phrase, t.keys) for t in terms] == [
        ("未经复议直接起诉", ((REVIEW, "suit_direct"),)),
        ("不予公开", ((APP, "withheld"),)),
    ]
    assert (terms[0].start, terms[0].end) == (0, 8)
    # English phrases match whole words only
    assert lexicon.find_terms("unreceived") == []
    assert [t.phrase for t in lexicon.find_terms("Received?")] == ["received"]


@pytest.mark.parametrize(
    ("table", "key", "kind", "label"),
    [
        (APP, "new_received", "row", "newly received applications"),
        (APP, "processed_total", "row", "applications handled this year (total)"),
        (REVIEW, "upheld", "col", "upheld"),
        (REVIEW, "total", "col", "total"),  # through *:total
        (APP, "no_such_row", "row", ""),
    ],
)
def test_english_label(table, key, kind, label):
    assert lexicon.english_label(table, key, kind) == label


GOOD_LINE = "row\tapplications:new_received\treceived\t收到|received"


@pytest.mark.parametrize(
    "bad_line",
    [
        "row\tapplications:new_received\treceived",  # three fields
        "row\tapplications:new_received\treceived\t收到\textra",  # five fields
        "rows\tapplications:new_received\treceived\t收到",  # unknown kind
        "row applications:new_received received 收到",  # spaces, not tabs
    ],
)
@pytest.mark.parametrize("reader", [lexicon.load, lexicon.find_terms])
def test_malformed_lexicon_names_the_line(tmp_path, bad_line, reader):
    path = tmp_path / "lexicon.tsv"
    path.write_text(f"# a comment\n{GOOD_LINE}\n\n{bad_line}\n", encoding="utf-8")
    args = (path,) if reader is lexicon.load else ("收到", path)
    with pytest.raises(ValueError, match=r"lexicon\.tsv:4:"):
        reader(*args)


def test_custom_lexicon_file(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text(f"{GOOD_LINE}\ncol\t*:total\ttotal\t总计\n", encoding="utf-8")
    assert len(lexicon.load(path)) == 2
    assert [(t.kind, t.phrase) for t in lexicon.find_terms("收到总计", path)] == [("row", "收到"), ("col", "总计")]


def test_lexicon_key_without_table_is_rejected(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("row\tnew_received\treceived\t收到\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon\.tsv:1:"):
        lexicon.load(path)


# -- names as people type them ---------------------------------------------------------------------


@pytest.mark.parametrize("text, agency", [
    ("聊成市政府2024年新收多少件", LIAOCHENG),        # homophone of the place
    ("济南市政俯办公厅予以公开多少件", JINAN),          # homophone inside the name
    ("淄博市政付办公室商业企业几件", ZIBO),
    ("济宁市行政审批服物局2024年", JINING),
    ("济宁审批局24年部分公开", JINING),                # short forms of the agency's own name
    ("济宁市审批服务局", JINING),
    ("济宁行政审批局", JINING),
    ("淄博市政府办2024年行政处罚", ZIBO),
])
def test_agency_names_typed_by_sound_or_shortened(gazetteer, text, agency):
    m = gazetteer.find(text)
    assert (m.agencies, m.unknown) == ([agency], [])


@pytest.mark.parametrize("text", ["聊城市教育局2024年", "聊城市政府办公室2024年", "济宁市公安局"])
def test_another_body_of_a_known_place_stays_unknown(gazetteer, text):
    m = gazetteer.find(text)
    assert m.agencies == [] and m.unknown


def test_names_joined_by_a_conjunction_are_two_agencies(gazetteer):
    assert gazetteer.find("济南市政府办公厅和淄博市政府办公室2024年").agencies == sorted([JINAN, ZIBO])
    assert gazetteer.find("济宁市行政审批服务局承办了多少件建议").agencies == [JINING]


@pytest.mark.parametrize("text, agencies", [
    ("济南历下区20年商业企业", [LIXIA]),
    ("济南的历下区", [LIXIA]),
    ("the Lixia District government of Jinan, and how many were upheld", [LIXIA]),
    ("济南和历下区", sorted([JINAN, LIXIA])),
    ("Compare Jinan with Lixia", sorted([JINAN, LIXIA])),
    ("历下区和济南市政府办公厅", sorted([JINAN, LIXIA])),
])
def test_a_city_beside_its_district_only_locates_it(gazetteer, text, agencies):
    assert gazetteer.find(text).agencies == agencies


def test_cell_phrases_match_by_sound_from_three_characters():
    assert [t.keys for t in lexicon.find_terms("被提起行政复意")] == [((REVIEW, "review"),)]
    assert lexicon.find_terms("复意") == []  # two characters: too many words sound alike
    assert [t.keys for t in lexicon.find_terms("逾期没交费")] == [((APP, "other.unpaid_fee"),)]


def test_two_how_manys_with_a_column_ask_for_the_total_too(gazetteer):
    [ask] = asks("历下区2020年行政复议有多少件，其中维持了几件？", gazetteer)
    assert ask.columns == (("upheld",), ("total",))
    [ask] = asks("济南历下区2020年法人或者其他组织一共提交了多少件申请？", gazetteer)
    assert ask.columns == (("organisations",),)  # 一共 sums the column named, not 总计


def test_change_phrased_colloquially_goes_to_the_text(gazetteer):
    q = understand("淄博市政府办公室办理的申请比上一年增长了多少？", gazetteer)
    assert q.asks == [] and q.intent == TEXT


def test_ranking_orders_and_every_report(gazetteer):
    q = understand("五个机关因为本机关不掌握相关政府信息而无法提供的申请，从多到少排个序", gazetteer)
    assert (q.intent, q.order, q.every) == (RANKING, "max", True)
    q = understand("2024年哪个单位予以公开的申请最少？", gazetteer)
    assert (q.intent, q.order, q.every) == (RANKING, "min", False)


@pytest.mark.parametrize("question,row", [
    ("聊城市2024年“其他处理”中的“3.其他”有多少件？", "other.other"),
    ("聊城市2024年不予公开的第2项有多少件？", "withheld.prohibited_by_law"),
    ("聊城市2024年无法提供中的第一类有几件？", "unavailable.not_held"),
    ("聊城市2024年保护第三方合法权益不予公开的有几件？", "withheld.third_party"),  # 第三方 is no number
])
def test_an_item_named_by_its_number_in_its_group(gazetteer, question, row):
    assert [a.row for a in understand(question, gazetteer).asks] == [row]


# -- questions as people type them: characters, digits, generic names ------------------------------


def test_traditional_characters_and_full_width_digits_read_as_simplified(gazetteer):
    simplified = understand("聊城市2024年结转了多少件申请？", gazetteer)
    for text in ("聊城市2024年結轉了多少件申請？", "聊城市２０２４年结转了多少件申请？", "聊城市２０２４年結轉了多少件申請？"):
        q = understand(text, gazetteer)
        assert (q.agencies, q.years, q.asks) == (simplified.agencies, simplified.years, simplified.asks), text
    from qa.understanding.normalize import normalize_question

    assert normalize_question("乾安縣２０２４年") == "乾安县2024年"  # a place's own 乾 stays (no 干安县)


def test_a_government_named_by_its_kind_alone(gazetteer):
    assert understand("市政府2024年新收多少件申请？", gazetteer).agencies == [LIAOCHENG]  # the one city government
    two = Gazetteer([*REPORTS, {"agency": "淄博市人民政府", "region": "淄博市", "year": 2024}])
    q = understand("市政府2024年新收多少件申请？", two)
    assert q.agencies == [] and q.ambiguous == [("市政府", sorted([LIAOCHENG, "淄博市人民政府"]))]


def test_a_place_alone_means_its_government(gazetteer):
    g = Gazetteer([*REPORTS, {"agency": "聊城市教育局", "region": "聊城市", "year": 2024}])
    assert understand("聊城2024年新收多少件申请？", g).agencies == [LIAOCHENG]
    assert understand("聊城市教育局2024年新收多少件申请？", g).agencies == ["聊城市教育局"]


def test_which_reports_there_are_is_a_list():
    from qa.understanding.understand import LIST

    g = Gazetteer(REPORTS)
    for text in ("山东省的报告", "有哪些报告？", "济南市下面有哪些报告？", "Which reports are there for Shandong?"):
        assert understand(text, g).intent == LIST, text
    assert understand("济南市下面有哪些报告？", g).agencies == [LIXIA]
    assert understand("聊城市2024年的报告里说了哪些问题？", g).intent == TEXT


@pytest.mark.parametrize("text, years", [
    ("泉山区结转到2025年的申请有多少件？", [2024]),
    ("How many requests did Lixia carry forward into 2021?", [2020]),
    ("聊城市从2023年结转过来的申请有几件？", [2024]),
])
def test_the_year_carried_into_is_the_year_after_the_report(gazetteer, text, years):
    assert understand(text, gazetteer).years == years


def test_an_item_named_by_its_label_inside_its_group(gazetteer):
    [ask] = asks("聊城市2024年“其他处理”中的“其他”有几件？", gazetteer)
    assert ask.row == "other.other"
    [ask] = asks("聊城市2024年“无法提供”里的“补正后申请内容仍不明确”有几件？", gazetteer)
    assert ask.row == "unavailable.still_unclear"
