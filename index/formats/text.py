"""Plain text reports: UTF-8 (with or without a byte-order mark), UTF-16 with one, or GB18030."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError

MAX_BYTES = 20_000_000
_ENCODINGS = ("utf-8-sig", "gb18030")


def decode(path: Path, data: bytes) -> str:
    """The report's text, or a ReportError saying why it is not a readable text report."""
    if not data.strip():
        raise ReportError(path, "the file is empty")
    if len(data) > MAX_BYTES:
        raise ReportError(path, f"the file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for one report")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ReportError(path, "binary content (NUL bytes), not a text report")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportError(path, "not valid UTF-8 or GB18030 text")
