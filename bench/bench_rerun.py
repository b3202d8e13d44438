"""Streamlit rerun time of the real app (streamlit.testing AppTest) at 1k / 10k / 100k events.

    python bench/bench_rerun.py                       # the table for 1k, 10k, 100k
    python bench/bench_rerun.py --sizes 1000 --json   # one JSON object per size

For each size a real SQLite store is filled with the map benchmark's synthetic events (the
same generator as bench_map.py: real gazetteer towns, 365 days) through the lossless dump
loader, so the events are stored as generated rather than re-linked. Then the app runs
against it, and we time, in the same process:

- ``first_run_s``: the first script run of a fresh cache (open the store, build the views,
  filter, build the map and the page);
- ``filter_change_s``: a rerun after the user moves the start date by a month (the events
  must be filtered again and a new map built);
- ``same_inputs_s``: a rerun with no input changed (every step should come from the caches).

The baseline in the same run is the naive folium map for the same filtered events (what an app
built the obvious way would spend on the map alone on every rerun, before Streamlit renders
anything); it is skipped above bench_map's limit, where it takes minutes.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dashboard.benchmarks import BASELINE_LIMIT, naive_folium_map, synthetic_events
from dashboard.model import Event, Figure, Place, Report
from dashboard.store import open_store
from dashboard.store.dump import load_dump
from dashboard.views import EventView

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")


def _records(view: EventView) -> list[tuple[str, dict[str, Any]]]:
    """One report, its place, figures and event for a synthetic EventView (as the store keeps them)."""
    report_id = view.report_ids[0]
    text = view.summary
    report = Report(
        id=report_id,
        title=view.summary,
        source=view.outlets[0] if view.outlets else None,
        url=None,
        published=view.date_end,
        language="en",
        text=text,
    )
    place = Place(
        id=view.place_id,
        name=view.place_name,
        kind="adm1" if view.precision == "adm1" else "city",
        lat=view.lat,
        lon=view.lon,
        precision=view.precision,
        geometry=view.geometry,
    )
    figures = [
        Figure(
            id=f"fig-{report_id}-{k}",
            report_id=report_id,
            low=f.low,
            high=f.high,
            qualifier="exact" if f.high == f.low else "at_least",
            category=f.category,
            outcome=f.outcome,
            attributed_to=f.source,
            verified=f.verified,
            start=0,
            end=len(text),
            surface=f.text,
        )
        for k, f in enumerate(view.figures)
    ]
    event = Event(
        id=view.id,
        report_ids=(report_id,),
        date_start=view.date_start,
        date_end=view.date_end,
        date_precision=view.date_precision,
        place_ids=(view.place_id,),
        type=view.type,
        summary=view.summary,
        summary_start=0,
        summary_end=len(text),
        figure_ids=tuple(f.id for f in figures),
    )
    return (
        [("report", report.to_dict()), ("place", place.to_dict())]
        + [("figure", f.to_dict()) for f in figures]
        + [("event", event.to_dict())]
    )


def synthetic_store(path: Path, count: int) -> list[EventView]:
    """A SQLite store at ``path`` holding ``count`` synthetic events; returns their views."""
    views = synthetic_events(count)
    by_kind: dict[str, list[dict[str, Any]]] = {k: [] for k in ("report", "place", "figure", "event")}
    seen_places: set[str] = set()
    for view in views:
        for kind, data in _records(view):
            if kind == "place":
                if data["id"] in seen_places:
                    continue
                seen_places.add(data["id"])
            by_kind[kind].append(data)
    counts = {f"{k}s": len(v) for k, v in by_kind.items()}
    out = io.StringIO()
    header = {"format": "report-atlas", "version": 1, "schema": _schema(), "counts": counts}
    out.write(json.dumps(header) + "\n")
    for kind in ("report", "place", "figure", "event"):
        for data in by_kind[kind]:
            out.write(json.dumps({"record": kind, **data}, default=str) + "\n")
    store = open_store(str(path))
    try:
        load_dump(store, io.StringIO(out.getvalue()))
    finally:
        store.close()
    return views


def _schema() -> int:
    from dashboard.store.schema import SCHEMA_VERSION

    return SCHEMA_VERSION


def rerun_benchmark(count: int, baseline: bool = True) -> dict[str, Any]:
    import logging

    from streamlit.testing.v1 import AppTest

    # AppTest runs without a server: Streamlit warns about that on every run. Not news here.
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / f"bench_{count}.db"
        views = synthetic_store(db, count)
        os.environ["REPORT_ATLAS_DB"] = str(db)
        os.environ["REPORT_ATLAS_DEMO"] = "0"
        import streamlit as st

        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(APP, default_timeout=600)
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
        _fail_on_exception(at)

        slider = at.sidebar.slider[0] if at.sidebar.slider else None
        days = [v.date_start for v in views if v.date_start]
        later = min(days) + timedelta(days=30)
        new_range: tuple[date, date] = (later, max(days))
        if slider is None:
            raise SystemExit("the app shows no date slider: cannot time a filter change")
        slider.set_value(new_range)
        started = time.perf_counter()
        at.run()
        change = time.perf_counter() - started
        _fail_on_exception(at)

        started = time.perf_counter()
        at.run()
        same = time.perf_counter() - started
        _fail_on_exception(at)

        shown = [v for v in views if v.date_start and v.date_start >= later]
        baseline_s = None
        if baseline and count <= BASELINE_LIMIT:
            started = time.perf_counter()
            naive_folium_map(shown).get_root().render()
            baseline_s = time.perf_counter() - started
        store = open_store(str(db))
        try:
            stored = store.stats()["events"]
        finally:
            store.close()
    return {
        "events": stored,
        "first_run_s": round(first, 3),
        "filter_change_s": round(change, 3),
        "same_inputs_s": round(same, 3),
        "baseline_map_s": None if baseline_s is None else round(baseline_s, 3),
    }


def _fail_on_exception(at: Any) -> None:
    if at.exception:
        raise SystemExit(f"the app raised: {at.exception[0].message}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    if not args.json:
        print(f"{'events':>8} | {'first run':>9} {'filter':>9} {'same':>9} | {'naive map':>9}")
    for n in args.sizes:
        r = rerun_benchmark(n, baseline=not args.no_baseline)
        if args.json:
            print(json.dumps(r), flush=True)
        else:
            naive = "-" if r["baseline_map_s"] is None else f"{r['baseline_map_s']:.3f} s"
            print(
                f"{r['events']:>8,} | {r['first_run_s']:>7.3f} s {r['filter_change_s']:>7.3f} s"
                f" {r['same_inputs_s']:>7.3f} s | {naive:>9}",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main())
