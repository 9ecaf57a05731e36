"""Build the facts store from a corpus directory, incrementally and atomically."""

from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .errors import ReportError, StoreUnavailable
from .formats import SUFFIXES
from .report import continuity
from .report.agencies import unify
from .report.chunks import embed_text
from .report.metadata import Metadata, read_manifest
from .report.reader import ParsedReport, digest, read_report
from .settings import Settings
from .store import (
    ACROSS_REPORTS,
    Embedder,
    FactsStore,
    StoreVersionError,
    VectorStore,
    make_embedder,
    open_store,
    rebuilding,
    store_exists,
)


@dataclass
class BuildResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    embedded: list[str] = field(default_factory=list)
    chunks_embedded: int = 0

    def summary(self) -> str:
        text = (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed, {len(self.errors)} failed")
        return text + f"; {self.chunks_embedded} chunks of {len(self.embedded)} reports embedded"


def _bar(items, desc: str, progress: bool | None, total: int | None = None):
    """A progress bar; progress None shows it only on a terminal."""
    return tqdm(items, desc=desc, unit="report", total=total, disable=None if progress is None else not progress,
                leave=False)


EMBED_BATCH = 128  # chunks per embedding call, across reports

# A folder's own documentation, not a report, though written in markdown or text.
FOLDER_DOCS = {"README", "LICENSE", "CHANGELOG", "CONTRIBUTING", "NOTICE"}


def report_files(corpus: Path, manifest: dict[str, Metadata]) -> tuple[list[str], list[str]]:
    """Report files (relative to the corpus) and errors for manifest rows whose file is missing."""
    found = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*")
             if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
             and p.stem.upper() not in FOLDER_DOCS}
    errors = [f"{corpus / f}: listed in {corpus / 'manifest.csv'} but the file does not exist"
              for f in manifest if f not in found]
    return sorted(found), errors


def build(settings: Settings, rebuild: bool = False, progress: bool | None = None, vectors: bool = True,
          embedder: Embedder | None = None, workers: int = 1) -> BuildResult:
    """Parse every report of the corpus into the store; unchanged files are skipped.

    A file that cannot be read is reported and, if an earlier version of it was
    indexed, that version is kept. With `workers` > 1 the changed files are parsed and
    checked in that many processes; this process alone writes the store.
    """
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    corpus = Path(settings.corpus_dir)
    if not corpus.is_dir():
        raise ReportError(corpus, "the corpus directory does not exist")
    manifest = read_manifest(settings.manifest)
    files, errors = report_files(corpus, manifest)
    result = BuildResult(errors=errors)
    if not rebuild and store_exists(settings):
        try:
            open_store(settings).close()
        except StoreVersionError:
            rebuild = True  # the store is derived data: an outdated one is rebuilt, not an error
    with rebuilding(settings) if rebuild else open_store(settings) as store:
        stored = store.digests()
        seen_ids: dict[str, str] = {}
        current = _digests(corpus, files, manifest)
        changed = [f for f in files if isinstance(current[f], str) and stored.get(f, ("", ""))[1] != current[f]]
        with ExitStack() as stack:
            # Workers parse ahead while this process writes, in file order (so that which of two files
            # claiming one id is refused does not depend on which was parsed first).
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers)) if workers > 1 else None
            parsing = {f: pool.submit(_parse, corpus, f, manifest) for f in changed} if pool else {}
            # Each report is stored in its own transaction (a rebuild's all join one): a build that dies
            # keeps the reports stored before it, and leaves the one it was writing as it was.
            unwritten = set(changed)
            for at, file in enumerate(_bar(files, "indexing", progress)):
                future = parsing.pop(file, None)
                try:
                    _index_file(store, corpus, file, manifest, current[file], stored, files, seen_ids, result,
                                future.result() if future else None)
                except StoreUnavailable as error:
                    if rebuild:
                        raise  # one transaction: nothing of the rebuild is kept, the store is as it was
                    for rest in parsing.values():
                        rest.cancel()
                    left = [f for f in files[at:] if f in unwritten]
                    result.errors.append(f"{len(left)} changed report files were not written, the store being"
                                         f" unavailable ({error}): {', '.join(left)}; the next build writes them")
                    return result
        try:
            with store.transaction():
                store.lock(ACROSS_REPORTS)  # one build at a time recomputes what spans reports
                for file, (report_id, _) in stored.items():
                    if file not in files:
                        store.remove(report_id)
                        result.removed.append(report_id)
                result.warnings.extend(unify(store))
                result.warnings.extend(continuity.record(store))
            store.compact_terms()
        except StoreUnavailable as error:
            if rebuild:
                raise
            result.removed.clear()
            result.errors.append(f"the reports were written, but removing deleted ones and what spans reports"
                                 f" (agency names, last year's figures) were not ({error}); the next build does it")
            return result
    if rebuild and not settings.chroma_host:
        shutil.rmtree(settings.chroma_dir, ignore_errors=True)
    if vectors:
        try:
            with open_store(settings) as store:
                sync_vectors(settings, store, embedder or make_embedder(settings.embedder), result, progress)
        except StoreUnavailable as error:
            # each report's vectors are recorded once stored: the next build embeds the rest
            result.errors.append(f"the vectors of some reports were not stored ({error}); the next build embeds them")
    return result


def sync_vectors(settings: Settings, store: FactsStore, embedder: Embedder, result: BuildResult,
                 progress: bool | None = None) -> None:
    """Embed the chunks of every report not yet in the vector store at its current digest;
    drop those of removed reports. Each report is recorded once its vectors are stored,
    so an interrupted run resumes where it stopped."""
    vectors = VectorStore(settings, embedder.name, embedder.dim)
    have = store.embedded(embedder.name)
    digests = store.report_digests()
    for report_id in [r for r in have if r not in digests]:
        vectors.delete_report(report_id)
        store.mark_embedded(report_id, embedder.name, None)
    todo = [r for r, d in digests.items() if have.get(r) != d]
    bar = _bar(None, "embedding", progress, total=len(todo))
    done = 0
    try:
        for group in _groups(store, todo):
            texts = [embed_text(c["section"], c["text"]) for chunks in group.values() for c in chunks]
            matrix = embedder.embed_passages(texts)
            at = 0
            for report_id, chunks in group.items():
                vectors.delete_report(report_id)
                vectors.add([c["id"] for c in chunks], matrix[at:at + len(chunks)], [
                    {"report_id": report_id, "agency": c["agency"] or "", "year": c["year"] or 0, "kind": c["kind"]}
                    for c in chunks])
                at += len(chunks)
                store.mark_embedded(report_id, embedder.name, digests[report_id])
                result.embedded.append(report_id)
                result.chunks_embedded += len(chunks)
                done += 1
                bar.update()
    except StoreUnavailable as error:
        # a report's vectors count once recorded: its half-stored ones are never used, and are replaced
        result.errors.append(f"the vectors of {len(todo) - done} of {len(todo)} reports were not stored ({error});"
                             " the next build embeds them")
        return
    finally:
        bar.close()
    store.set_meta("embedder", embedder.name)


def _groups(store: FactsStore, report_ids: list[str]):
    """Reports with their chunks, gathered until a group has EMBED_BATCH chunks: one embedding call
    serves several small reports."""
    group: dict[str, list[dict]] = {}
    for report_id in report_ids:
        group[report_id] = store.chunks([report_id])
        if sum(map(len, group.values())) >= EMBED_BATCH:
            yield group
            group = {}
    if group:
        yield group


def _digests(corpus: Path, files: list[str], manifest: dict[str, Metadata]) -> dict[str, str | OSError]:
    """Each file's digest (with its manifest row), or the error reading it: read once, to find the changed."""
    out: dict[str, str | OSError] = {}
    for file in files:
        try:
            out[file] = digest((corpus / file).read_bytes(), manifest.get(file))
        except OSError as exc:
            out[file] = exc
    return out


def _parse(corpus: Path, file: str, manifest: dict[str, Metadata]) -> ParsedReport | str:
    try:
        return read_report(corpus / file, file, manifest)
    except ReportError as exc:  # its message crosses the process boundary, not the exception
        return str(exc)


def _index_file(store, corpus, file, manifest, current, stored, files, seen_ids, result, parsed=None) -> None:
    if isinstance(current, OSError):
        result.errors.append(f"{corpus / file}: cannot be read ({current.strerror})")
        return
    previous = stored.get(file)
    if previous and previous[1] == current:
        seen_ids[previous[0]] = file
        result.unchanged.append(previous[0])
        return
    try:
        report = parsed or read_report(corpus / file, file, manifest)
    except ReportError as exc:
        report = str(exc)
    if isinstance(report, str):
        kept = f"; kept its previously indexed version {previous[0]}" if previous else ""
        result.errors.append(f"{report}{kept}")
        return
    owner = seen_ids.get(report.meta.id) or next(
        (f for f, (rid, _) in stored.items() if rid == report.meta.id and f != file and f in files), None)
    if owner:
        result.errors.append(f"{corpus / file}: report id {report.meta.id!r} is already used by "
                             f"{owner}; give it its own id in the manifest")
        return
    seen_ids[report.meta.id] = file
    store.put(report)
    (result.updated if previous else result.added).append(report.meta.id)
    result.warnings.extend(report.warnings)
