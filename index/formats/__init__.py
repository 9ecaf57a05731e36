"""How a format is read: every report file (text, markdown, PDF, HTML, Word) becomes normalised text in
one layout, a line per paragraph and a line of tab-separated cells per table row."""

from .extract import READERS, SUFFIXES, extract, extract_document
from .layout import cell_text, grid, is_page_number, table_lines
from .normalize import compact, halfwidth, normalize
from .text import decode

__all__ = ["READERS", "SUFFIXES", "cell_text", "compact", "decode", "extract", "extract_document", "grid", "halfwidth",
           "is_page_number", "normalize", "table_lines"]
