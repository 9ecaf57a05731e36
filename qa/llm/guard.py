"""Checks on LLM output against its evidence, and on report text before it reaches a prompt.

Pure functions. An answer passes when its numbers and its sentences come from the
evidence; report text is stripped of sentences addressed to a model and wrapped as data.
"""

from __future__ import annotations

import re

# Full-width digits, point and brackets as ASCII (report text is normalised already, LLM output may not be).
# The full-width comma is not a thousands separator: "分别为120，350件" lists two numbers.
_ASCII = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "．": ".", "［": "[", "］": "]", "【": "[", "】": "]"})
MARKER = re.compile(r"\[(\d+(?:\s*[,，、]\s*\d+)*)\]")  # [1], [12], [1, 2]
# A list enumerator at the start of a line ("1. ", "2、", "(3)") is layout, not a figure.
_ENUMERATOR = re.compile(r"^[ \t]*(?:\(\d{1,2}\)|\d{1,2}(?:、|\.(?!\d)|\)))", re.M)
_NUMBER = re.compile(r"(?<!\d)(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?")

# A sentence ends at Chinese or English end punctuation (with closing quotes and the line break after it)
# or at a line break; a point inside "1.5" or "e.g." followed by a letter is not an end.
_SENTENCE_END = re.compile(r"(?:[。！？!?]+|\.(?=\s|$))[”’」』\"')）]*[ \t]*\n?|\n")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_MEANINGFUL = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]")
MIN_SENTENCE_CHARS = 6

# Sentences that address a model rather than a reader of the report.
INJECTION = [
    re.compile(p, re.I)
    for p in (
        r"(?:忽略|无视|忽视|不要理会|忘记|忘掉)(?:掉)?(?:以上|上述|上面|之前|此前|先前|前面|你的|所有|全部)",
        r"你现在(?:是|扮演|的(?:身份|角色))|从现在(?:开始|起)[，,]?你",
        r"系统提示|提示词",
        r"\b(?:ignore|forget)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|preceding|earlier)\b",
        r"\bdisregard\b",
        r"\bsystem\s+prompt\b",
        r"\byou\s+are\s+now\b",
        r"<\|im_(?:start|end)\|>",
    )
]


def _ascii(text: str) -> str:
    return text.translate(_ASCII)


def numbers(text: str) -> set[str]:
    """The numbers in a text, canonical: "1,950" → "1950", "30.0" → "30", "05" → "5"; citation markers left out."""
    text = _ENUMERATOR.sub(" ", MARKER.sub(" ", _ascii(text)))
    found = set()
    for match in _NUMBER.finditer(text):
        whole = match.group(1).replace(",", "").lstrip("0") or "0"
        fraction = (match.group(2) or "").rstrip("0")
        found.add(f"{whole}.{fraction}" if fraction else whole)
    return found


def unsupported_numbers(answer: str, evidence_texts: list[str]) -> set[str]:
    """The numbers of the answer that appear in none of the evidence texts."""
    return numbers(answer) - set().union(*map(numbers, evidence_texts))


def markers(answer: str) -> list[int]:
    """The citation markers [n] of the answer, in order of first use."""
    found = (int(n) for group in MARKER.findall(_ascii(answer)) for n in re.findall(r"\d+", group))
    return list(dict.fromkeys(found))


def _units(text: str) -> set[str]:
    """CJK character bigrams and lowercase words: what a sentence shares with its source."""
    text = _ascii(text).lower()
    units = {run[i : i + 2] for run in _CJK.findall(text) for i in range(len(run) - 1)}
    return units | set(_WORD.findall(_CJK.sub(" ", text)))


def _sentences(text: str) -> list[str]:
    """The text cut into sentences, each with its end; joined they are the text again."""
    cuts = [0, *(match.end() for match in _SENTENCE_END.finditer(text)), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def grounded(answer: str, evidence_texts: list[str], min_overlap: float = 0.5) -> bool:
    """Whether every sentence of the answer shares at least `min_overlap` of its bigrams/words with the evidence.

    Sentences under MIN_SENTENCE_CHARS letters, digits or CJK characters ("是。", "[1]") are not judged,
    so an answer with none is vacuously grounded; the caller rejects empty answers itself.
    """
    source = set().union(*map(_units, evidence_texts))
    for sentence in _sentences(MARKER.sub(" ", _ascii(answer))):
        if len(_MEANINGFUL.findall(sentence)) < MIN_SENTENCE_CHARS:
            continue
        units = _units(sentence)
        if units and len(units & source) < min_overlap * len(units):
            return False
    return True


def sanitize(text: str) -> str:
    """The text without its sentences that address a model (INJECTION); everything else verbatim."""
    return "".join(s for s in _sentences(text) if not any(p.search(s) for p in INJECTION))


_DELIMITER = re.compile(r"[<＜](?=\s*/?\s*data\b)", re.I)


def delimit(n: int, text: str) -> str:
    """One evidence chunk wrapped as data for a prompt; a `<data` or `</data` inside cannot close it."""
    return f'<data id="{n}">\n{_DELIMITER.sub("&lt;", text)}\n</data>'
