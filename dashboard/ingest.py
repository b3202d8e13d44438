"""Batch ingest: files and folders -> extraction -> store, with failures named, not fatal.

Extraction is the expensive part and each report is independent, so a big batch is read
by worker processes (one per core, forked from this one), each holding its own gazetteer;
the results come back in file order to this process, the one writer, which saves them a
batch per transaction (the store links each batch's events in memory). A small batch, or
one started where forking is unsafe (other threads running), is read here. Files whose
report is already stored are counted, not extracted again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Generator, Iterable, Iterator, Set
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from dashboard.model import Extraction, Place, report_id_for
from dashboard.reading import BadInput, read_report_file, report_files
from dashboard.store import StoreError

BATCH = 200  # reports per write transaction: amortises commits without holding the lock long
# Below this many files the reports are read in this process: a worker pool's start-up
# (and each worker's first report) is not worth it.
PARALLEL_FROM = 64
CHUNK = 8  # files a worker takes at a time: few round trips, still an even share of work


class WritableStore(Protocol):
    def save(self, extraction: Extraction) -> bool: ...

    def save_many(self, extractions: Iterable[Extraction]) -> tuple[int, int]: ...


@dataclass
class IngestSummary:
    added: int = 0
    already: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1  # processes that extracted the reports (1: the ingesting one)

    @property
    def per_second(self) -> float:
        done = self.added + self.already
        return done / self.seconds if self.seconds > 0 else 0.0


def _chunks(items: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    batch: list[Extraction] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_file(
    path: Path,
    published: date | None = None,
    source: str | None = None,
    known: Set[str] = frozenset(),
) -> Extraction | str | None:
    """One report file read and extracted, or the one-line reason it could not be, or
    None when its report is among ``known`` (already stored: not worth extracting)."""
    from dashboard.pipeline import extract_report

    try:
        found = read_report_file(path)
        if known and report_id_for(found.text) in known:
            return None
        return extract_report(found.text, published=published, source=source, title=found.title)
    except BadInput as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one odd report must not stop the batch
        return f"{path}: extraction failed ({type(exc).__name__}: {exc})"


def default_workers() -> int:
    """Worker processes for extraction: one per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- worker processes ---------------------------------------------------------------------

# Places this worker has sent in full: later reports send only their ids. Most reports of
# a batch name the same few dozen places, and an area's outline is most of a report's bytes.
_SENT: set[str] = set()
_KNOWN: Set[str] = frozenset()  # ids of the reports stored when the ingest began

# (what a worker sends) report, mentions, places (a Place, or the id of one sent before),
# figures, events; or the reason the file failed; or None: the report is already stored.
_Packed = tuple[int, Any, Any, tuple["Place | str", ...], Any, Any] | str | None


def _start_worker(known: Set[str]) -> None:
    """Worker set-up: die with the parent (an ingest killed with SIGKILL leaves no workers
    behind), and load the gazetteer now rather than in the first report."""
    import signal

    global _KNOWN
    _KNOWN = known
    # Ctrl-C reaches the whole process group: the ingesting process stops the pool, the
    # workers need not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: no such guard here
    from dashboard.geocode.gazetteer import load_gazetteer

    load_gazetteer()


def _extract_packed(path: Path, published: date | None, source: str | None) -> _Packed:
    result = extract_file(path, published, source, _KNOWN)
    if result is None or isinstance(result, str):
        return result
    places: list[Place | str] = []
    for place in result.places:
        if place.id in _SENT:
            places.append(place.id)
        else:
            _SENT.add(place.id)
            places.append(place)
    return (os.getpid(), result.report, result.mentions, tuple(places), result.figures, result.events)


def _unpack(packed: _Packed, seen: dict[tuple[int, str], Place]) -> Extraction | str | None:
    if packed is None or isinstance(packed, str):
        return packed
    worker, report, mentions, sent, figures, events = packed
    places = []
    for item in sent:
        if isinstance(item, str):
            places.append(seen[(worker, item)])
        else:
            # One object per place and worker: the store's linking then compares by identity.
            places.append(seen.setdefault((worker, item.id), item))
    return Extraction(report, mentions, tuple(places), figures, events)


def _warm_up() -> None:
    from importlib import resources

    from dashboard.pipeline import extract_report

    folder = resources.files("dashboard") / "demo_reports"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name) if folder.is_dir() else []:
        if entry.name.endswith(".txt"):
            extract_report(entry.read_text(encoding="utf-8"))


def _pool_context() -> Any:
    """A fork context when forking is safe here, else None (read in this process).

    fork shares this process's loaded gazetteer and compiled patterns with the workers at
    no cost. It is only safe while no other thread runs (a Streamlit server has many), and
    spawned workers would each import and load everything again: seconds before their
    first report, measured slower than one process for a few hundred reports."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return None


def extraction_workers(files: int, workers: int | None = None) -> int:
    """How many processes will extract ``files`` files: ``workers`` (default one per core)
    when there are enough files to be worth it and this process can fork, else 1."""
    workers = default_workers() if workers is None else workers
    if workers > 1 and files >= PARALLEL_FROM and _pool_context() is not None:
        return workers
    return 1


def extract_files(
    files: list[Path],
    *,
    published: date | None = None,
    source: str | None = None,
    workers: int | None = None,
    known: Set[str] = frozenset(),
) -> Iterator[tuple[Path, Extraction | str | None]]:
    """(file, its extraction or why it failed) for each file, in order, extracted by
    ``extraction_workers(len(files), workers)`` processes -- decided now, before the first
    item is asked for (a thread started meanwhile, as a progress bar's, makes no difference).
    Files whose report is among ``known`` (ids) are not extracted: (file, None)."""
    count = extraction_workers(len(files), workers)
    context = _pool_context() if count > 1 else None
    if context is None:
        return (_here(path, published, source, known) for path in files)
    return _with_workers(files, count, context, published, source, known)


def _here(
    path: Path, published: date | None, source: str | None, known: Set[str]
) -> tuple[Path, Extraction | str | None]:
    return path, extract_file(path, published, source, known)


def _with_workers(
    files: list[Path],
    workers: int,
    context: Any,
    published: date | None,
    source: str | None,
    known: Set[str],
) -> Generator[tuple[Path, Extraction | str | None], None, None]:
    # Load what extraction needs here, once, before the fork: every worker starts warm.
    # A first report loads most of it (gazetteer tables, date and number patterns) but
    # not all, so the bundled demo reports go through first.
    _warm_up()
    yield files[0], extract_file(files[0], published, source, known)
    rest = files[1:]
    seen: dict[tuple[int, str], Place] = {}
    done = 0
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(known,))
    try:
        work = partial(_extract_packed, published=published, source=source)
        for packed in pool.map(work, rest, chunksize=CHUNK):
            yield rest[done], _unpack(packed, seen)
            done += 1
    except BrokenProcessPool:
        # A worker died (out of memory, killed): read what is left here instead.
        for path in rest[done:]:
            yield path, extract_file(path, published, source, known)
    finally:
        # All read: the idle workers end at once. Otherwise (the store gave up, the
        # caller stopped) nobody waits for work nobody will read.
        pool.shutdown(wait=done == len(rest), cancel_futures=True)


def ingest_paths(
    store: WritableStore,
    paths: list[Path],
    *,
    published: date | None = None,
    source: str | None = None,
    progress: bool = False,
    workers: int | None = None,
) -> IngestSummary:
    """Extract and store every report under ``paths``; a bad file is recorded and skipped.

    ``workers``: extraction processes (default: one per core; 1 reads in this process).
    """
    summary = IngestSummary()
    started = time.perf_counter()
    files = report_files(paths)
    missing = [p for p in paths if not p.exists()]
    summary.failures.extend(f"{p}: no such file or folder" for p in missing)
    files = [f for f in files if f not in missing]

    origin: dict[str, Path] = {}  # report id -> the file it came from, to name failures
    # Reports stored before are counted without being extracted again (a folder ingested
    # anew after a few files were added, an ingest resumed after a crash).
    known = store.report_ids() if hasattr(store, "report_ids") else frozenset()
    summary.workers = extraction_workers(len(files), workers)
    found = extract_files(files, published=published, source=source, workers=summary.workers, known=known)

    bar = None
    if progress:
        from tqdm import tqdm

        class Bar(tqdm):  # type: ignore[type-arg]
            monitor_interval = 0  # no monitor thread: the workers are forked from this process

        bar = Bar(total=len(files), unit="report", desc="ingest", smoothing=0.1)

    def extractions() -> Iterator[Extraction]:
        for path, result in found:
            if bar is not None:
                bar.update(1)
            if result is None:
                summary.already += 1
                continue
            if isinstance(result, str):
                summary.failures.append(result)
                continue
            origin.setdefault(result.report.id, path)
            yield result

    # An ingest allocates millions of small objects that live until their batch is saved;
    # with the default threshold the cycle collector runs every 700 of them and walks the
    # growing heap (a tenth of the writer's time). Fewer, larger collections here.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], 50_000), *thresholds[1:])
    try:
        for batch in _chunks(extractions(), BATCH):
            _save_batch(store, batch, summary, origin)
            if bar is not None:
                bar.set_postfix(added=summary.added, already=summary.already, failed=len(summary.failures))
    finally:
        gc.set_threshold(*thresholds)
        if isinstance(found, Generator):
            found.close()  # stops the workers if the store gave up
        if bar is not None:
            bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _save_batch(
    store: WritableStore, batch: list[Extraction], summary: IngestSummary, origin: dict[str, Path]
) -> None:
    try:
        added, already = store.save_many(batch)
    except StoreError:
        raise  # the store itself is unusable (locked for good, newer schema): say so
    except Exception:  # noqa: BLE001
        # One report the store refused rolled the whole batch back: save them one by
        # one so the good ones are kept and the bad one is named.
        added = already = 0
        for extraction in batch:
            try:
                if store.save(extraction):
                    added += 1
                else:
                    already += 1
            except StoreError:
                raise
            except Exception as exc:  # noqa: BLE001
                where = origin.get(extraction.report.id, extraction.report.title)
                summary.failures.append(f"{where}: could not be stored ({type(exc).__name__}: {exc})")
    summary.added += added
    summary.already += already
