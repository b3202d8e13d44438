"""The ingest benchmark runs on a few reports and prints the agreed JSON (not its timing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIELDS = {
    "reports",
    "words_per_report",
    "workers",
    "rounds",
    "baseline_reports_per_s",
    "ours_reports_per_s",
    "ours_over_baseline",
    "store_only_reports_per_s",
    "baseline_extract_cpu_ms_per_report",
    "baseline_save_cpu_ms_per_report",
    "store_only_cpu_ms_per_report",
    "ours_writer_cpu_ms_per_report",
    "ours_total_cpu_ms_per_report",
    "ours_beyond_extraction_cpu_ms_per_report",
    "cli_reports_per_s",
    "cli_process_s",
    "baseline_s",
    "ours_s",
    "store_only_s",
    "events",
    "figures",
    "same_store",
}


def test_bench_ingest_prints_one_json_object_and_both_ways_store_the_same() -> None:
    # 70 files: more than dashboard.ingest.PARALLEL_FROM, so the worker processes run too.
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench_ingest.py"),
            "--reports",
            "70",
            "--words",
            "200",
            "--workers",
            "2",
            "--rounds",
            "1",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    lines = out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result) == FIELDS
    assert result["reports"] == 70 and result["workers"] == 2
    assert result["same_store"] is True
    assert result["events"] > 0 and result["figures"] > 0
    # a difference of two measurements: may come out below zero on a tiny run
    for key in FIELDS - {"same_store", "ours_beyond_extraction_cpu_ms_per_report"}:
        assert isinstance(result[key], int | float) and result[key] > 0, key
