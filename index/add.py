"""`python -m index add FILE…`: copy report files into the corpus with manifest rows read from
their titles; the caller then builds incrementally."""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pypinyin import lazy_pinyin

from .errors import ReportError
from .metadata import MANIFEST_COLUMNS, detect, read_manifest
from .normalize import normalize
from .reader import SUFFIXES, extract
from .settings import Settings

REPORTS_DIR = "reports"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Added:
    added: list[tuple[str, str]] = field(default_factory=list)  # (report id, file in the corpus)
    present: list[str] = field(default_factory=list)  # files already in the corpus, unchanged
    errors: list[str] = field(default_factory=list)


def report_id(path: Path, found: dict, taken: set[str]) -> str:
    """The file's name when it is a slug (liaocheng-gov-2024.pdf), else the agency in pinyin and the year."""
    base = path.stem.lower()
    if not _SLUG.match(base) and found.get("agency"):
        base = "-".join(w for w in lazy_pinyin(found["agency"]) if w.isascii() and w.isalnum())
        base += f"-{found['year']}" if found.get("year") else ""
    base = base if _SLUG.match(base) else "report"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def add_files(settings: Settings, paths: list[Path]) -> Added:
    """Copy each readable report into corpus/reports/ and give it a manifest row.

    A file that cannot be read is reported and not copied; the others are added.
    """
    corpus = Path(settings.corpus_dir)
    manifest = read_manifest(settings.manifest)
    taken = {m.id for m in manifest.values()}
    result = Added()
    for path in map(Path, paths):
        if path.suffix.lower() not in SUFFIXES:
            result.errors.append(f"{path}: not a report file this program reads ({', '.join(SUFFIXES)})")
            continue
        try:
            data = path.read_bytes()
            found = detect(normalize(extract(path, data)))
        except OSError as exc:
            result.errors.append(f"{path}: cannot be read ({exc.strerror})")
            continue
        except ReportError as exc:
            result.errors.append(str(exc))
            continue
        target = corpus / REPORTS_DIR / path.name
        if target.exists() and target.read_bytes() == data:
            result.present.append(target.relative_to(corpus).as_posix())
            continue
        rid = report_id(path, found, taken)
        if target.exists():
            target = target.with_name(f"{rid}{path.suffix.lower()}")
        file = target.relative_to(corpus).as_posix()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        if file not in manifest:
            _append(settings.manifest, {"id": rid, "file": file, **found})
            taken.add(rid)
        result.added.append((rid, file))
    return result


def _append(manifest: Path, row: dict) -> None:
    new = not manifest.exists() or not manifest.read_text(encoding="utf-8-sig").strip()
    if not new and not manifest.read_bytes().endswith(b"\n"):
        with manifest.open("a", encoding="utf-8") as handle:
            handle.write("\n")
    with manifest.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, MANIFEST_COLUMNS, extrasaction="ignore", lineterminator="\n")
        if new:
            writer.writeheader()
        writer.writerow({k: row.get(k, "") for k in MANIFEST_COLUMNS})
