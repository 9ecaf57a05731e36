"""Text normalisation applied to every report before parsing.

Spans stored with facts and sections point into the normalised text, so this
is the one place that decides what the text looks like.
"""

from __future__ import annotations

import re
import unicodedata

# Full-width forms that carry structure (digits, letters, brackets, signs) map to
# ASCII. Chinese sentence punctuation (，；：！？) stays as readers expect it.
_KEEP_FULLWIDTH = set("，；：！？")
_FULLWIDTH = {
    cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH
}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
                   0x202F: 0x20, 0x200B: None, 0xFEFF: None, 0x2212: ord("-")})

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff0c\uff1a\uff1b\uff01\uff1f\u201c\u201d\u2018\u2019"
# Spaces between two CJK characters ("商 业 企 业", "三 、 本 年 度") or after a
# list bracket ("(一) 予以公开") are extraction artefacts. Spaces next to digits
# stay: they may separate a label from its value. Tabs separate cells and are
# never touched.
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")
_LABEL_GAP = re.compile(rf"(?<=[{_CJK}]) +(?=\()|(?<=\)) +(?=[{_CJK}])")
_BOLD = re.compile(r"\*\*")


def normalize(text: str) -> str:
    """Return the canonical form of a report's text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.translate(_FULLWIDTH)
    text = unicodedata.normalize("NFC", text)
    text = _BOLD.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = _CJK_GAP.sub("", line)
        line = _LABEL_GAP.sub("", line)
        lines.append(line.rstrip(" "))
    return "\n".join(lines)


def halfwidth(text: str) -> str:
    """Full-width digits, letters and signs as ASCII (２０２４ → 2024); Chinese sentence punctuation kept."""
    return text.translate(_FULLWIDTH)


def compact(text: str) -> str:
    """A label with every kind of white space removed, for fragment matching."""
    return re.sub(r"\s+", "", text)
