"""qa/data's knowledge files, read by the one reader of index/datafile.py."""

from __future__ import annotations

from pathlib import Path

from index.datafile import items, rows

DATA = Path(__file__).parent / "data"

__all__ = ["DATA", "items", "rows"]
