"""Batch ingest, end to end, against the naive way measured in the same run.

python bench/bench_ingest.py [--reports 2000] [--words 500] [--workers N] [--rounds 3] [--json]

Writes N synthetic ~500-word report files (bench_extract_parts.synthetic_reports: wire
sentences about Syrian places over four weeks, numbers randomised, a "Published:" line
each) into a temporary folder, then into fresh SQLite files:

- baseline: what a first implementation does -- one process, for each file read it,
  ``extract_report``, ``store.save`` (one transaction and commit per report);
- ours: ``dashboard.ingest.ingest_paths`` (what ``report-atlas ingest DIR`` runs): worker
  processes extracting, one writer saving a batch per transaction;
- store only: the baseline's extractions saved again with ``save_many`` into a fresh file,
  so the storage share of the cost is visible apart from extraction;
- the command: ``report-atlas ingest --quiet DIR`` in a new process (cold: imports and the
  gazetteer load included), its printed rate and its whole run time.

Prints one JSON object. Seconds and reports/s are wall clock; ``*_cpu_ms_per_report`` are
CPU time (``ours_total_cpu_ms_per_report`` adds the workers'): on a machine shared with
other work the wall clock says what was available, the CPU time what the work costs.
All three runs must end with the same store (``same_store``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _synthetic_reports() -> Any:
    # bench/ is not a package: load the generator next to this file by path.
    spec = importlib.util.spec_from_file_location(
        "bench_extract_parts", ROOT / "bench" / "bench_extract_parts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_reports


def write_reports(folder: Path, count: int, words: int, seed: int = 17) -> list[Path]:
    """``count`` report files of about ``words`` words, each with its publication date."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, report in enumerate(_synthetic_reports()(count, words, seed=seed)):
        title, _, body = report.text.partition("\n")
        published = f"{report.published.day} {report.published:%B %Y}"
        path = folder / f"report-{i:06d}.txt"
        path.write_text(f"{title}\nPublished: {published}\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _warm_up() -> None:
    """Imports, the gazetteer and the patterns loaded before any clock starts."""
    from dashboard.pipeline import extract_report

    for report in _synthetic_reports()(3, 200, seed=1):
        extract_report(report.text, published=report.published)


def _snapshot(store: Any) -> dict[str, Any]:
    return {
        "stats": store.stats(),
        "events": {e.id: (e.report_ids, e.place_ids, e.figure_ids) for e in store.events()},
    }


def _baseline(files: list[Path], db: Path) -> tuple[float, float, float, list[Any], Any]:
    """The naive way: read, extract, save, commit -- one report at a time, one process.
    (wall seconds, extraction CPU, saving CPU, the extractions, the store)"""
    from dashboard.pipeline import extract_report
    from dashboard.reading import read_report_file
    from dashboard.store import SQLiteStore

    store = SQLiteStore(db)
    extractions = []
    extract_cpu = save_cpu = 0.0
    started = time.perf_counter()
    for path in files:
        cpu = time.process_time()
        found = read_report_file(path)
        extraction = extract_report(found.text, title=found.title)
        between = time.process_time()
        store.save(extraction)
        save_cpu += time.process_time() - between
        extract_cpu += between - cpu
        extractions.append(extraction)
    return time.perf_counter() - started, extract_cpu, save_cpu, extractions, store


def _cli(folder: Path, db: Path) -> tuple[float, float]:
    """(the reports/s the command prints, the whole command's wall seconds: interpreter
    start, imports and the first report's loading included). It has its default workers."""
    env = {**os.environ, "REPORT_ATLAS_DB": str(db)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "ingest", "--quiet", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    printed = re.search(r"\(([\d,.]+) reports/s", done.stdout)
    assert printed, done.stdout
    return float(printed[1].replace(",", "")), elapsed


def run(count: int = 2000, words: int = 500, workers: int | None = None, rounds: int = 3) -> dict[str, Any]:
    """Each way ``rounds`` times, interleaved, into fresh files; the best round of each is
    kept (on a shared machine the least disturbed one says most about the code)."""
    from dashboard.ingest import BATCH, default_workers, ingest_paths
    from dashboard.store import SQLiteStore

    workers = default_workers() if workers is None else workers
    _warm_up()
    best: dict[str, float] = {}

    def keep(key: str, value: float) -> None:
        best[key] = min(best.get(key, value), value)

    same = True
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        root = Path(tmp)
        files = write_reports(root / "inbox", count, words)
        for number in range(rounds):
            # (1) the naive way
            baseline_s, extract_cpu, save_cpu, extractions, baseline = _baseline(
                files, root / f"baseline-{number}.db"
            )
            keep("baseline_s", baseline_s)
            keep("extract_cpu", extract_cpu)
            keep("save_cpu", save_cpu)

            # (2) ours, end to end
            ours = SQLiteStore(root / f"ours-{number}.db")
            cpu = time.process_time()
            children = _children_cpu()
            summary = ingest_paths(ours, [root / "inbox"], workers=workers)
            keep("ours_cpu", time.process_time() - cpu)
            keep("ours_total_cpu", time.process_time() - cpu + _children_cpu() - children)
            keep("ours_s", summary.seconds)
            assert summary.added == count and not summary.failures, summary

            # (3) the store alone: extractions already made, saved a batch per transaction
            alone = SQLiteStore(root / f"store-only-{number}.db")
            cpu = time.process_time()
            started = time.perf_counter()
            for i in range(0, len(extractions), BATCH):
                alone.save_many(extractions[i : i + BATCH])
            keep("store_s", time.perf_counter() - started)
            keep("store_cpu", time.process_time() - cpu)

            # (4) the command itself in a new process: `report-atlas ingest --quiet DIR`
            cli_rate, cli_s = _cli(root / "inbox", root / f"cli-{number}.db")
            keep("cli_s", cli_s)
            best["cli_rate"] = max(best.get("cli_rate", 0.0), cli_rate)

            stats = ours.stats()
            same = same and _snapshot(ours) == _snapshot(baseline) == _snapshot(alone)
            for store in (baseline, ours, alone):
                store.close()

    ms = 1000 / count
    return {
        "reports": count,
        "words_per_report": words,
        "workers": workers,
        "rounds": rounds,
        "baseline_reports_per_s": round(count / best["baseline_s"], 1),
        "ours_reports_per_s": round(count / best["ours_s"], 1),
        "ours_over_baseline": round(best["baseline_s"] / best["ours_s"], 2),
        "store_only_reports_per_s": round(count / best["store_s"], 1),
        "baseline_extract_cpu_ms_per_report": round(best["extract_cpu"] * ms, 3),
        "baseline_save_cpu_ms_per_report": round(best["save_cpu"] * ms, 3),
        "store_only_cpu_ms_per_report": round(best["store_cpu"] * ms, 3),
        # ours: the writer process (reading results, saving), and with its workers
        "ours_writer_cpu_ms_per_report": round(best["ours_cpu"] * ms, 3),
        "ours_total_cpu_ms_per_report": round(best["ours_total_cpu"] * ms, 3),
        # what ours costs beyond extracting (storing, linking, passing results between
        # processes): with C idle cores, ours runs at about C / (extraction + this) reports/s
        "ours_beyond_extraction_cpu_ms_per_report": round(
            (best["ours_total_cpu"] - best["extract_cpu"]) * ms, 3
        ),
        # `report-atlas ingest --quiet DIR` run as a command: the rate it prints (from the
        # start of the ingest, the first report's loading included) and its whole run
        "cli_reports_per_s": round(best["cli_rate"], 1),
        "cli_process_s": round(best["cli_s"], 3),
        "baseline_s": round(best["baseline_s"], 3),
        "ours_s": round(best["ours_s"], 3),
        "store_only_s": round(best["store_s"], 3),
        "events": stats["events"],
        "figures": stats["figures"],
        "same_store": same,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument(
        "--workers", type=int, default=None, help="extraction processes (default: one per core)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="runs of each way; the best is kept")
    parser.add_argument("--json", action="store_true", help="one line of JSON (default: indented)")
    args = parser.parse_args()
    result = run(args.reports, args.words, args.workers, args.rounds)
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))
    sys.exit(0 if result["same_store"] else 1)
