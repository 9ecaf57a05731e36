"""HTML report pages as saved from a government site: the article's paragraphs and tables in
document order; navigation, headers, footers and link lists dropped."""

from __future__ import annotations

import re

from .layout import cell_text, grid, table_lines

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "button",
         "select", "svg")
# class or id of page furniture on government sites
_FURNITURE = re.compile(r"(^|[-_ ])(nav|menu|footer|foot|header|head|top|breadcrumb|crumb|position|location|share|"
                        r"sidebar|side|copyright|banner|toolbar|search|login|links?)($|[-_ ])", re.IGNORECASE)
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
           "h6", "blockquote", "pre", "center", "br", "hr", "tr", "body"}
MAX_SPAN = 200  # a rowspan or colspan beyond this is a broken page, not a table


def _span(value) -> int:
    text = str(value or "1").strip()
    return min(int(text), MAX_SPAN) if text.isdigit() and int(text) > 0 else 1


def table_rows(table) -> list[str]:
    """An HTML table's rows in the layout of index/formats/layout.py."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    cells = [[(cell_text(" ".join(td.stripped_strings)), _span(td.get("rowspan")), _span(td.get("colspan")))
              for td in tr.find_all(["td", "th"], recursive=False)] for tr in rows]
    return table_lines(grid(cells))


def _furniture(tag) -> bool:
    names = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    return bool(_FURNITURE.search(names)) and tag.find("table") is None


class _Lines:
    """Collects text into lines, remembering how much of each line is link text."""

    def __init__(self):
        self.lines: list[str] = []
        self.parts: list[tuple[str, bool]] = []

    def add(self, text: str, link: bool) -> None:
        self.parts.append((text, link))

    def flush(self) -> None:
        text = cell_text("".join(t for t, _ in self.parts))
        linked = len(cell_text("".join(t for t, link in self.parts if link)))
        self.parts = []
        # A line that is mostly links is a menu or a list of related pages, not the report.
        if text and linked < len(text) / 2:
            self.lines.append(text)


def _walk(node, out: _Lines, link: bool = False) -> None:
    for child in node.children:
        name = getattr(child, "name", None)
        if name is None:
            if type(child).__name__ == "NavigableString":
                out.add(str(child), link)
        elif name == "table":
            out.flush()
            out.lines.extend(table_rows(child))
        elif name in _BLOCKS:
            out.flush()
            _walk(child, out, link)
            out.flush()
        else:
            _walk(child, out, link or name == "a")


def html_text(path, data: bytes) -> str:
    """The page's report text in the layout of index/formats/layout.py."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(_furniture):
        tag.decompose()
    out = _Lines()
    _walk(soup.body or soup, out)
    out.flush()
    return "\n".join(out.lines)
