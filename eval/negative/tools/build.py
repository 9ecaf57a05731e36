import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from data import cell, FILES
SEEDS = "/work/shared/seeds/"
TEXT = {k: open(SEEDS+v, encoding="utf-8").read() for k, v in FILES.items()}
JN, LX, ZB, NG, LC = "jinan-gov-office-2024", "jinan-lixia-2020", "zibo-gov-office-2024", "jining-approval-bureau-2024", "liaocheng-gov-2024"
A, RL, P = "applications", "review_litigation", "proactive"

def C(rep, table, row, col):
    cell(rep, table, row, col)  # raises if unknown
    return {"report": rep, "table": table, "row": row, "column": col}
def S(rep, section, quote):
    assert quote in TEXT[rep], (rep, quote)
    assert TEXT[rep].count(quote) == 1, ("not unique", rep, quote)
    assert section in TEXT[rep], (rep, section)
    return {"report": rep, "section": section, "quote": quote}
def ANY(*c): return {"any": list(c)}
def V(c): return cell(c["report"], c["table"], c["row"], c["column"])

QS = []
def q(cat, question, expect="answer", numbers=(), cites=(), note="", context=(), check=None):
    numbers = [str(n) for n in numbers]
    cites = list(cites)
    if check is not None:   # check: expected value(s) against typed table
        got = check() if callable(check) else check
        assert [str(x) for x in (got if isinstance(got, list) else [got])] == numbers[:len(got) if isinstance(got, list) else 1], (question, got, numbers)
    elif expect == "answer" and len(cites) == 1 and "table" in cites[0]:
        assert str(V(cites[0])) == numbers[0], (question, V(cites[0]), numbers)
    if expect != "answer":
        assert not (expect == "refuse" and (numbers or cites))
    QS.append({"id": f"neg-{len(QS)+1:03d}", "category": cat, "question": question, "context": list(context),
               "expect": expect, "numbers": numbers, "citations": cites, "note": note})

exec(open(os.path.join(os.path.dirname(__file__), "questions_spec.py"), encoding="utf-8").read())

from collections import Counter
print(len(QS), Counter(x["category"] for x in QS), Counter(x["expect"] for x in QS))
out = "/work/blind-negative/questions.jsonl"
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w", encoding="utf-8") as f:
    for x in QS:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
