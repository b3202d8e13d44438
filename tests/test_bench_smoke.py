"""The map benchmark runs at 1k events and prints the agreed shape (not its timing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dashboard.benchmarks import map_benchmark, synthetic_events
from dashboard.model import POINT_PRECISIONS

ROOT = Path(__file__).resolve().parent.parent


def test_map_benchmark_at_1k_has_the_json_contract_fields():
    result = map_benchmark(1_000, baseline=True, repeats=1)
    assert list(result) == ["events", "ours_s", "ours_bytes", "baseline_s", "baseline_bytes"]
    assert result["events"] == 1_000
    assert result["ours_s"] > 0 and result["baseline_s"] > 0
    assert result["ours_bytes"] > 0 and result["baseline_bytes"] > 0
    json.dumps(result)  # plain JSON values


def test_baseline_is_null_when_skipped():
    result = map_benchmark(1_000, baseline=False, repeats=1)
    assert result["baseline_s"] is None and result["baseline_bytes"] is None


def test_bench_script_prints_one_json_object_per_size():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_map.py"), "--events", "1000", "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert set(json.loads(lines[0])) == {"events", "ours_s", "ours_bytes", "baseline_s", "baseline_bytes"}


def test_synthetic_events_are_spread_over_a_year_of_real_places():
    events = synthetic_events(2_000, seed=3)
    assert len(events) == 2_000 and len({e.id for e in events}) == 2_000
    days = sorted(e.date_start for e in events)
    assert (days[-1] - days[0]).days > 300
    # real towns: geonames ids, coordinates of the Middle East / Africa / Europe / Asia
    assert sum(e.place_id.startswith("geonames:") for e in events) > 1_800
    assert all(-10 < e.lat < 60 and -20 < e.lon < 100 for e in events)
    assert any(e.place_name in {"Latakia", "Aleppo", "Damascus", "Homs", "Hama"} for e in events)
    areas = [e for e in events if e.precision not in POINT_PRECISIONS]
    assert areas and any(e.geometry for e in areas)
    assert len({e.type for e in events}) >= 8


def test_rerun_bench_stores_every_event_and_times_the_three_runs():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_rerun.py"), "--sizes", "1000", "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    result = json.loads(lines[0])
    assert set(result) == {"events", "first_run_s", "filter_change_s", "same_inputs_s", "baseline_map_s"}
    assert result["events"] == 1_000  # the dump loader stored every synthetic event, none merged
    assert all(result[k] > 0 for k in ("first_run_s", "filter_change_s", "same_inputs_s", "baseline_map_s"))
