"""Batch ingest: files and folders -> extraction -> store, with failures named, not fatal."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from dashboard.model import Extraction
from dashboard.pipeline import extract_report
from dashboard.reading import BadInput, read_report_file, report_files
from dashboard.store import StoreError

BATCH = 200  # reports per write transaction: amortises commits without holding the lock long


class WritableStore(Protocol):
    def save(self, extraction: Extraction) -> bool: ...

    def save_many(self, extractions: Iterable[Extraction]) -> tuple[int, int]: ...


@dataclass
class IngestSummary:
    added: int = 0
    already: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

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


def ingest_paths(
    store: WritableStore,
    paths: list[Path],
    *,
    published: date | None = None,
    source: str | None = None,
    progress: bool = False,
) -> IngestSummary:
    """Extract and store every report under ``paths``; a bad file is recorded and skipped."""
    summary = IngestSummary()
    started = time.perf_counter()
    files = report_files(paths)
    missing = [p for p in paths if not p.exists()]
    summary.failures.extend(f"{p}: no such file or folder" for p in missing)
    files = [f for f in files if f not in missing]

    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="report", desc="ingest")

    origin: dict[str, Path] = {}  # report id -> the file it came from, to name failures

    def extractions() -> Iterator[Extraction]:
        for path in files:
            try:
                found = read_report_file(path)
                extraction = extract_report(found.text, published=published, source=source, title=found.title)
                origin.setdefault(extraction.report.id, path)
                yield extraction
            except BadInput as exc:
                summary.failures.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - one odd report must not stop the batch
                summary.failures.append(f"{path}: extraction failed ({type(exc).__name__}: {exc})")
            finally:
                if bar is not None:
                    bar.update(1)

    for batch in _chunks(extractions(), BATCH):
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
    if bar is not None:
        bar.close()
    summary.seconds = time.perf_counter() - started
    return summary
