"""Scanned PDF pages (no text layer), read by Tesseract with its Simplified Chinese model.

A page is rendered at 200 dpi. Its ruling lines are found in the image (long runs of dark pixels),
whitened before recognition (Tesseract reads them as 1, | and I) and handed to pdfplumber as the
table's explicit lines, over the text layer that Tesseract writes: so a scanned table comes out in
cells as a printed one does. Cells that hold neither words nor a number are read a second time, side by side in one
strip, by Tesseract's English model restricted to digits (the Chinese model takes a lone 0 for E or 攻).
The identities check what OCR read, as for any report."""

from __future__ import annotations

import io
import re

DPI = 200  # a body character is about 30 pixels high, as Tesseract reads best; a title's is not too large
LANG = "chi_sim"
DARK = 160  # grey level under which a pixel is ink
MIN_RULE = 60  # pixels: a horizontal run this long is a ruling line (a character's stroke is about 30)
MIN_VRULE = 40
MAX_THICK = 5  # pixels: a rule at 200 dpi is 1 to 3 thick
TOUCH = 6  # pixels: rules that meet within this distance form a grid
_NUMERIC = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")
_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")


def available() -> bool:
    """Whether Tesseract and its Chinese model are installed (`make ocr`)."""
    try:
        import pytesseract

        return LANG in pytesseract.get_languages(config="")
    except Exception:  # not installed, or not on PATH
        return False


def _runs(dark, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of each run of ink at least min_len long in each row of the array."""
    import numpy as np

    out = []
    padded = np.pad(dark.astype(np.int8), ((0, 0), (1, 1)))
    steps = np.diff(padded, axis=1)
    for row in np.where((steps != 0).any(axis=1))[0]:
        starts, ends = np.where(steps[row] == 1)[0], np.where(steps[row] == -1)[0]
        out += [(int(row), int(s), int(e)) for s, e in zip(starts, ends) if e - s >= min_len]
    return out


def _rules(runs: list[tuple[int, int, int]]) -> list[tuple[float, int, int]]:
    """The runs of adjacent pixel rows that make one ruling line, as (centre, start, end); a band thicker
    than a rule is a stroke of a large bold character (a title's 一), not a line."""
    out: list[list[int]] = []
    for row, start, end in sorted(runs):
        last = out[-1] if out else None
        if last and row - last[3] <= 3 and abs(start - last[1]) < 25 and abs(end - last[2]) < 25:
            last[1], last[2], last[3] = min(last[1], start), max(last[2], end), row
        else:
            out.append([row, start, end, row])
    return [((first + last) / 2, start, end) for first, start, end, last in out if last - first < MAX_THICK]


def _grid_lines(across: list[tuple[float, int, int]], down: list[tuple[float, int, int]]):
    """The rules that meet a rule of the other direction: a table's grid. (A long stroke of a title's
    character, 一 or 丨, meets none.)"""
    def meets(y: float, x0: int, x1: int, x: float, y0: int, y1: int) -> bool:
        return x0 - TOUCH <= x <= x1 + TOUCH and y0 - TOUCH <= y <= y1 + TOUCH

    kept_across = [a for a in across if any(meets(*a, *d) for d in down)]
    kept_down = [d for d in down if any(meets(*a, *d) for a in across)]
    return kept_across, kept_down


def _line(x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "object_type": "line"}


def _digits(clean, boxes: list[tuple[int, int, int, int]]) -> list[str | None]:
    """Each box of the image read for a number alone: its digits, '' when it holds no ink, None when
    Tesseract reads no number in ink."""
    import numpy as np
    import pytesseract
    from PIL import Image

    crops, out = [], [None] * len(boxes)
    for n, (x0, top, x1, bottom) in enumerate(boxes):
        crop = clean[top + 3:bottom - 2, x0 + 3:x1 - 2]
        if crop.size == 0 or (crop < DARK).sum() < 8:
            out[n] = ""
            continue
        crops.append((n, crop))
    if not crops:
        return out
    gap = 30
    height = sum(c.shape[0] + gap for _, c in crops) + gap
    width = max(c.shape[1] for _, c in crops) + 2 * gap
    strip = np.full((height, width), 255, dtype=np.uint8)
    bands, y = [], gap
    for n, crop in crops:
        strip[y:y + crop.shape[0], gap:gap + crop.shape[1]] = crop
        bands.append((n, y - gap // 2, y + crop.shape[0] + gap // 2))
        y += crop.shape[0] + gap
    data = pytesseract.image_to_data(Image.fromarray(strip), lang="eng", output_type=pytesseract.Output.DICT,
                                     config="--psm 6 -c tessedit_char_whitelist=0123456789.,+-")
    words: dict[int, list[tuple[int, str]]] = {}
    for text, left, top, h in zip(data["text"], data["left"], data["top"], data["height"]):
        if text.strip():
            centre = top + h / 2
            for n, lo, hi in bands:
                if lo <= centre < hi:
                    words.setdefault(n, []).append((left, text.strip()))
    for n, _, _ in bands:
        text = "".join(t for _, t in sorted(words.get(n, [])))
        out[n] = text if _NUMERIC.fullmatch(text) else None
    return out


def ocr_page(page) -> list[tuple[float, str, object]]:
    """(top, kind, content) of a scanned page's text lines and tables, top to bottom, as pdf.py reads a
    page with a text layer; `page` is a pypdfium2 page."""
    import numpy as np
    import pdfplumber
    import pytesseract
    from PIL import Image

    from .pdf import page_items

    image = np.asarray(page.render(scale=DPI / 72).to_pil().convert("L")).copy()
    dark = image < DARK
    across, down = _runs(dark, MIN_RULE), _runs(dark.T, MIN_VRULE)
    rules_across, rules_down = _grid_lines(_rules(across), _rules(down))
    clean = image.copy()
    for centre, start, end in rules_across:
        clean[max(int(centre) - 3, 0):int(centre) + 4, start:end] = 255
    for centre, start, end in rules_down:
        clean[start:end, max(int(centre) - 3, 0):int(centre) + 4] = 255
    layer = pytesseract.image_to_pdf_or_hocr(Image.fromarray(clean), lang=LANG, extension="pdf", config="--psm 6")
    with pdfplumber.open(io.BytesIO(layer)) as pdf:
        scanned = pdf.pages[0]
        scale = float(scanned.width) / image.shape[1]  # pixels to the text layer's points
        settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                    "explicit_horizontal_lines": [_line(s * scale, e * scale, y * scale, y * scale)
                                                  for y, s, e in rules_across],
                    "explicit_vertical_lines": [_line(x * scale, x * scale, s * scale, e * scale)
                                                for x, s, e in rules_down]}
        ruled = len(settings["explicit_horizontal_lines"]) > 1 and len(settings["explicit_vertical_lines"]) > 1
        tables = scanned.find_tables(settings) if ruled else []
        contents = [t.extract() for t in tables]
        for rows, table in zip(contents, tables):
            _reread(rows, table, clean, scale)
            rows[:] = _rejoin([[_tidy(c) for c in row] for row in rows])
        return page_items(scanned, tables, contents)


def _tidy(cell: str | None) -> str | None:
    """A table cell's OCR text without the marks Tesseract makes of a rule's remains or a speck (| 。
    “ at its edges); a template cell never holds a 。."""
    if cell is None:
        return None
    cell = re.sub(r"^(\d)\s*[,，、.．]\s*", r"\1.", re.sub(r"[|。]", "", cell).strip(" \n“”\"'‘’,，、"))
    return cell  # (3 ,其他 and 7, 属于 are the items 3.其他 and 7.属于)


def _rejoin(rows: list[list[str | None]]) -> list[list[str | None]]:
    """A row of words alone under a row with values is the rest of that row's label, cut off by a stroke
    taken for a rule: its words join the label above."""
    out: list[list[str | None]] = []
    for row in rows:
        texts = [c for c in row if c]
        previous = out[-1] if out else None
        if previous and texts and all(not _NUMERIC.fullmatch(c) for c in texts) \
                and any(c and _NUMERIC.fullmatch(c) for c in previous) and len(texts) == 1:
            at = max(i for i, c in enumerate(previous) if c and not _NUMERIC.fullmatch(c))
            previous[at] = f"{previous[at]}{texts[0]}"
            continue
        out.append(row)
    return out


def _reread(rows: list[list], table, clean, scale: float) -> None:
    """Cells with neither words nor a number read again for their digits (in place)."""
    targets = []
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            text = rows[r][c] if c < len(rows[r]) else None
            plain = re.sub(r"\s", "", text or "")
            if box is None or text is None or _WORDS.search(plain) or _NUMERIC.fullmatch(plain):
                continue
            x0, top, x1, bottom = (int(v / scale) for v in box)
            targets.append((r, c, (x0, top, x1, bottom)))
    for (r, c, _), digits in zip(targets, _digits(clean, [b for _, _, b in targets])):
        if digits is not None:
            rows[r][c] = digits
