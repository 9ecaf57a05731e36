# Values typed from /work/shared/seeds/*.txt, checked by identities below.
COLS = ["natural_person","commercial","research","nonprofit","legal_service","other_org","total"]
Z = [0]*7
def r(*v): return list(v)

APPS = {
 "jinan-gov-office-2024": {
  "new_received": r(516,20,1,0,0,0,537), "carried_in": r(6,0,0,0,0,0,6),
  "disclosed": r(186,15,1,0,0,0,202), "partially_disclosed": r(172,4,0,0,0,0,176),
  "withheld.state_secret": r(11,1,0,0,0,0,12), "withheld.prohibited_by_law": Z, "withheld.security_stability": Z,
  "withheld.third_party": r(9,0,0,0,0,0,9), "withheld.internal_affairs": r(19,0,0,0,0,0,19),
  "withheld.process_info": r(25,0,0,0,0,0,25), "withheld.enforcement_file": r(3,0,0,0,0,0,3),
  "withheld.query_matter": r(18,0,0,0,0,0,18),
  "unavailable.not_held": r(51,0,0,0,0,0,51), "unavailable.needs_creation": r(11,0,0,0,0,0,11), "unavailable.still_unclear": Z,
  "not_processed.petition": r(4,0,0,0,0,0,4), "not_processed.duplicate": r(2,0,0,0,0,0,2),
  "not_processed.publication": Z, "not_processed.excessive": Z, "not_processed.confirmation": Z,
  "other.no_correction": r(2,0,0,0,0,0,2), "other.unpaid_fee": Z, "other.other": r(7,0,0,0,0,0,7),
  "processed_total": r(520,20,1,0,0,0,541), "carried_forward": r(2,0,0,0,0,0,2)},
 "jinan-lixia-2020": {
  "new_received": r(152,22,0,0,2,0,176), "carried_in": r(2,0,0,0,0,0,2),
  "disclosed": r(75,13,0,0,2,0,90), "partially_disclosed": r(20,0,0,0,0,0,20),
  "withheld.state_secret": Z, "withheld.prohibited_by_law": Z, "withheld.security_stability": Z,
  "withheld.third_party": r(2,0,0,0,0,0,2), "withheld.internal_affairs": r(4,0,0,0,0,0,4),
  "withheld.process_info": r(6,0,0,0,0,0,6), "withheld.enforcement_file": r(0,1,0,0,0,0,1),
  "withheld.query_matter": Z,
  "unavailable.not_held": r(38,8,0,0,0,0,46), "unavailable.needs_creation": r(4,0,0,0,0,0,4), "unavailable.still_unclear": r(1,0,0,0,0,0,1),
  "not_processed.petition": Z, "not_processed.duplicate": r(2,0,0,0,0,0,2),
  "not_processed.publication": Z, "not_processed.excessive": Z, "not_processed.confirmation": Z,
  "other": Z,
  "processed_total": r(152,22,0,0,2,0,176), "carried_forward": r(2,0,0,0,0,0,2)},
 "zibo-gov-office-2024": {
  "new_received": r(243,2,0,0,0,0,245), "carried_in": r(16,0,0,0,0,0,16),
  "disclosed": r(43,1,0,0,0,0,44), "partially_disclosed": Z,
  "withheld.state_secret": Z, "withheld.prohibited_by_law": Z, "withheld.security_stability": r(2,0,0,0,0,0,2),
  "withheld.third_party": Z, "withheld.internal_affairs": Z, "withheld.process_info": Z,
  "withheld.enforcement_file": r(1,0,0,0,0,0,1), "withheld.query_matter": Z,
  "unavailable.not_held": r(188,1,0,0,0,0,189), "unavailable.needs_creation": r(15,0,0,0,0,0,15), "unavailable.still_unclear": Z,
  "not_processed.petition": Z, "not_processed.duplicate": Z, "not_processed.publication": Z,
  "not_processed.excessive": Z, "not_processed.confirmation": Z,
  "other.no_correction": Z, "other.unpaid_fee": Z, "other.other": r(10,0,0,0,0,0,10),
  "processed_total": r(259,2,0,0,0,0,261), "carried_forward": Z},
 "jining-approval-bureau-2024": {
  "new_received": r(25,2,0,0,0,0,27), "carried_in": Z,
  "disclosed": r(17,1,0,0,0,0,18), "partially_disclosed": r(5,0,0,0,0,0,5),
  "withheld.state_secret": Z, "withheld.prohibited_by_law": Z, "withheld.security_stability": Z,
  "withheld.third_party": Z, "withheld.internal_affairs": Z, "withheld.process_info": Z,
  "withheld.enforcement_file": Z, "withheld.query_matter": Z,
  "unavailable.not_held": r(3,1,0,0,0,0,4), "unavailable.needs_creation": Z, "unavailable.still_unclear": Z,
  "not_processed.petition": Z, "not_processed.duplicate": Z, "not_processed.publication": Z,
  "not_processed.excessive": Z, "not_processed.confirmation": Z,
  "other.no_correction": Z, "other.unpaid_fee": Z, "other.other": Z,
  "processed_total": r(25,2,0,0,0,0,27), "carried_forward": Z},
 "liaocheng-gov-2024": {
  # new_received line lost its label in extraction; carried_forward line lost one 0 (other_org), restored by column identity
  "new_received": r(1909,18,0,0,19,5,1951), "carried_in": r(23,0,0,0,6,0,29),
  "disclosed": r(835,5,0,0,23,4,867), "partially_disclosed": r(309,1,0,0,0,0,310),
  "withheld.state_secret": r(10,0,0,0,0,0,10), "withheld.prohibited_by_law": r(9,0,0,0,0,0,9),
  "withheld.security_stability": r(2,0,0,0,0,0,2), "withheld.third_party": r(13,3,0,0,1,0,17),
  "withheld.internal_affairs": r(7,0,0,0,0,0,7), "withheld.process_info": r(14,0,0,0,0,0,14),
  "withheld.enforcement_file": r(18,0,0,0,0,0,18), "withheld.query_matter": r(5,0,0,0,0,0,5),
  "unavailable.not_held": r(545,7,0,0,1,0,553), "unavailable.needs_creation": r(13,0,0,0,0,0,13),
  "unavailable.still_unclear": r(2,0,0,0,0,0,2),
  "not_processed.petition": r(12,0,0,0,0,0,12), "not_processed.duplicate": r(11,0,0,0,0,0,11),
  "not_processed.publication": Z, "not_processed.excessive": r(2,0,0,0,0,0,2), "not_processed.confirmation": Z,
  "other.no_correction": r(30,0,0,0,0,0,30), "other.unpaid_fee": Z, "other.other": r(66,1,0,0,0,1,68),
  "processed_total": r(1903,17,0,0,25,5,1950), "carried_forward": r(29,1,0,0,0,0,30)},
}
# review_litigation: group -> [upheld, corrected, other, pending, total]
RL = {
 "jinan-gov-office-2024": {"review": [0]*5, "suit_direct": [0]*5, "suit_after_review": [0]*5},
 "jinan-lixia-2020": {"review": [4,1,0,0,5], "suit_direct": [1,1,0,1,3], "suit_after_review": [0]*5},
 "zibo-gov-office-2024": {"review": [0]*5, "suit_direct": [0]*5, "suit_after_review": [0]*5},
 "jining-approval-bureau-2024": {"review": [0]*5, "suit_direct": [0]*5, "suit_after_review": [0]*5},
 "liaocheng-gov-2024": {"review": [88,24,5,9,126], "suit_direct": [22,4,9,0,35], "suit_after_review": [11,2,2,7,22]},
}
RLC = ["upheld","corrected","other","pending","total"]
PRO = {
 "jinan-gov-office-2024": {("rules","issued"):"4",("rules","repealed"):"0",("rules","in_force"):"66",
   ("normative_docs","issued"):"10",("normative_docs","repealed"):"2",("normative_docs","in_force"):"79",
   ("licensing","decisions"):"0",("penalty","decisions"):"0",("coercion","decisions"):"0",("fees","amount"):"0"},
 "jinan-lixia-2020": {("rules","made"):"0",("rules","published"):"0",("rules","total_published"):"0",
   ("normative_docs","made"):"0",("normative_docs","published"):"0",("normative_docs","total_published"):"0",
   ("licensing","prior_items"):"185",("licensing","change"):"+43",("licensing","decisions"):"67556",
   ("other_services","prior_items"):"877",("other_services","change"):"+228",("other_services","decisions"):"36300",
   ("penalty","prior_items"):"2110",("penalty","change"):"+30",("penalty","decisions"):"1620",
   ("coercion","prior_items"):"51",("coercion","change"):"-13",("coercion","decisions"):"10",
   ("fees","prior_items"):"11",("fees","change"):"0"},
 "zibo-gov-office-2024": {("rules","issued"):"2",("rules","repealed"):"4",("rules","in_force"):"32",
   ("normative_docs","issued"):"6",("normative_docs","repealed"):"1",("normative_docs","in_force"):"49",
   ("licensing","decisions"):"0",("penalty","decisions"):"0",("coercion","decisions"):"0",("fees","amount"):"0"},
 "jining-approval-bureau-2024": {("rules","issued"):"0",("rules","repealed"):"0",("rules","in_force"):"0",
   ("normative_docs","issued"):"0",("normative_docs","repealed"):"0",("normative_docs","in_force"):"0",
   ("licensing","decisions"):"84881",("penalty","decisions"):"0",("coercion","decisions"):"0",("fees","amount"):"0"},
 "liaocheng-gov-2024": {("rules","issued"):"0",("rules","repealed"):"1",("rules","in_force"):"14",
   ("normative_docs","issued"):"30",("normative_docs","repealed"):"56",("normative_docs","in_force"):"258",
   ("licensing","decisions"):"1672944",("penalty","decisions"):"3270192",("coercion","decisions"):"33169",
   ("fees","amount"):"126661.053152"},
}
FILES = {"jinan-gov-office-2024":"000_038c4bf3dec24e5b.txt","jinan-lixia-2020":"001_cf13eb81c073527c.txt",
 "zibo-gov-office-2024":"002_521dd7cc156fe419.txt","jining-approval-bureau-2024":"003_fac3aa8f181fedbf.txt",
 "liaocheng-gov-2024":"004_def4f50e650d16ba.txt"}

RESULT_ROWS = None
def check():
    for rep, t in APPS.items():
        for row, v in t.items():
            assert sum(v[:6]) == v[6], (rep,row)
        res = [k for k in t if k not in ("new_received","carried_in","processed_total","carried_forward")]
        for c in range(7):
            assert t["new_received"][c]+t["carried_in"][c] == t["processed_total"][c]+t["carried_forward"][c], (rep,c)
            assert sum(t[k][c] for k in res) == t["processed_total"][c], (rep,c,sum(t[k][c] for k in res))
    for rep, g in RL.items():
        for k, v in g.items():
            assert sum(v[:4]) == v[4], (rep,k)

def cell(rep, table, row, col):
    if table == "applications":
        t = APPS[rep]
        ci = COLS.index(col) if col != "organisations" else None
        rows = [k for k in t if k == row or k.startswith(row + ".")]
        assert rows, (rep,row)
        if ci is None:
            return sum(sum(t[k][1:6]) for k in rows)
        return sum(t[k][ci] for k in rows)
    if table == "review_litigation":
        return RL[rep][row][RLC.index(col)]
    if table == "proactive":
        return PRO[rep][(row,col)]
    raise KeyError(table)
check()
