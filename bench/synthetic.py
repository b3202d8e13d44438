"""The synthetic events the map benchmark draws (real gazetteer towns, one year).

    python bench/synthetic.py --events 10000     # what the set looks like

The generator lives in the package (``dashboard.benchmarks.synthetic_events``) so that
``report-atlas bench map`` can use it from an installed copy.
"""

from __future__ import annotations

import argparse
from collections import Counter

from dashboard.benchmarks import synthetic_events
from dashboard.model import POINT_PRECISIONS

__all__ = ["synthetic_events"]

if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    events = synthetic_events(args.events, seed=args.seed)
    days = [e.date_start for e in events if e.date_start]
    print(f"{len(events):,} events from {min(days)} to {max(days)}")
    print(
        f"places: {len({e.place_id for e in events}):,}; "
        f"area-level events: {sum(e.precision not in POINT_PRECISIONS for e in events):,}"
    )
    print("types:", dict(Counter(e.type for e in events).most_common()))
    print("with deaths:", sum(e.deaths_low is not None for e in events))
    for e in events[:3]:
        figures = "; ".join(f"{f.label()} — {f.source}" for f in e.figures)
        print(f"  {e.date_start} {e.place_name} [{e.type}] {e.summary} {figures}")
