"""`python -m index add FILE…`: copy report files into the corpus, each with a manifest row (its id,
file, and what the caller sets by hand); the caller then builds incrementally, which reads the rest
from the report's own clues."""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pypinyin import lazy_pinyin

from .errors import ReportError
from .formats import SUFFIXES, extract
from .formats.normalize import normalize
from .report.metadata import MANIFEST_COLUMNS, detect, read_manifest
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


def add_files(settings: Settings, paths: list[Path], given: dict | None = None) -> Added:
    """Copy each readable report into corpus/reports/ and give it a manifest row.

    given (agency, year, region, level) overrides what the report's clues yield, for a name that
    detection misses or misreads; for a file already in the corpus it corrects the manifest row. The
    manifest keeps only what is given, so that `index reports` tells a field set by hand from one read
    from the report. A file that cannot be read is reported and not copied; the others are added.
    """
    given = {k: v for k, v in (given or {}).items() if v not in (None, "")}
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
            found = {**detect(normalize(extract(path, data)), path.name), **given}
        except OSError as exc:
            result.errors.append(f"{path}: cannot be read ({exc.strerror})")
            continue
        except ReportError as exc:
            result.errors.append(str(exc))
            continue
        target = corpus / REPORTS_DIR / path.name
        if target.exists() and target.read_bytes() == data:
            file = target.relative_to(corpus).as_posix()
            if given and file in manifest:
                _update(settings.manifest, file, given)
            elif given:
                _append(settings.manifest, {"id": report_id(path, found, taken), "file": file, **given})
            result.present.append(file)
            continue
        rid = report_id(path, found, taken)
        if target.exists():
            target = target.with_name(f"{rid}{path.suffix.lower()}")
        file = target.relative_to(corpus).as_posix()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        if file not in manifest:
            _append(settings.manifest, {"id": rid, "file": file, **given})
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


def _update(manifest: Path, file: str, values: dict) -> None:
    """Set fields of the manifest row of one file, keeping every other row as it is."""
    with manifest.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or MANIFEST_COLUMNS)
        rows = list(reader)
    for row in rows:
        if row.get("file") == file:
            row.update({k: str(v) for k, v in values.items() if k in columns})
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
