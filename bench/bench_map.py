"""Map building at 1k / 10k / 100k events: ours vs the naive folium map, in the same run.

    python bench/bench_map.py                  # the table for 1k, 10k, 100k
    python bench/bench_map.py --sizes 1000 5000
    python bench/bench_map.py --events 10000 --json   # one JSON object, as `report-atlas bench map`

Timed for both: filter the synthetic events by date -> build the map -> render its HTML.
The naive baseline (one folium CircleMarker + Popup per event) runs up to 10k events only:
it grows by ~1 ms per event (~49 s at 50k on this machine type, NOTES.md).
"""

from __future__ import annotations

import argparse
import json
import os

from dashboard.benchmarks import BASELINE_LIMIT, map_benchmark, map_benchmark_detail


def _mb(n: int | None) -> str:
    return "-" if n is None else f"{n / 1e6:.2f} MB"


def _s(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f} s"


def print_table(sizes: list[int], baseline: bool) -> None:
    header = (
        f"{'events':>8} | {'ours':>9} {'cpu':>9} {'bytes':>9} {'1st map':>9} {'cpu':>9} | {'baseline':>9} {'cpu':>9}"
        f" {'bytes':>9} | {'faster':>7} {'cpu':>7} {'1st':>5} {'smaller':>7}"
    )
    print(header)
    print("-" * len(header))
    for n in sizes:
        r = map_benchmark_detail(n, baseline=baseline)
        faster = faster_cpu = first = smaller = "-"
        if r["baseline_s"] is not None:
            faster = f"{r['baseline_s'] / r['ours_s']:.0f}x"
            faster_cpu = f"{r['baseline_cpu_s'] / r['ours_cpu_s']:.0f}x"
            first = f"{r['baseline_s'] / r['ours_first_s']:.0f}x"
            smaller = f"{r['baseline_bytes'] / r['ours_bytes']:.1f}x"
        print(
            f"{n:>8,} | {_s(r['ours_s']):>9} {_s(r['ours_cpu_s']):>9} {_mb(r['ours_bytes']):>9}"
            f" {_s(r['ours_first_s']):>9} {_s(r['ours_first_cpu_s']):>9} | "
            f"{_s(r['baseline_s']):>9} {_s(r['baseline_cpu_s']):>9} {_mb(r['baseline_bytes']):>9} | "
            f"{faster:>7} {faster_cpu:>7} {first:>5} {smaller:>7}",
            flush=True,
        )
    print(
        "\nours/baseline: wall-clock median of 5 runs / 1 run; cpu: process CPU time (fair on a busy"
        " machine).\n1st map (one run; wall, cpu): ours the first time these events are drawn (each event's payload row is made"
        " then;\nlater filter states of the same events reuse it, as reruns of the app do)."
        f"\nbaseline = MarkerCluster of folium CircleMarkers with popups (run up to {BASELINE_LIMIT:,}"
        " events)."
    )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--events", type=int, help="one size only (with --json: one JSON object)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    sizes = [args.events] if args.events else args.sizes
    if args.json:
        for n in sizes:
            print(json.dumps(map_benchmark(n, baseline=not args.no_baseline)))
    else:
        print_table(sizes, baseline=not args.no_baseline)
