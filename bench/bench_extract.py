"""Whole-pipeline extraction throughput vs geotext, in the same run.

python bench/bench_extract.py [--reports 500]
"""

from __future__ import annotations

import argparse
import json

from dashboard.extract_benchmark import extract_benchmark

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=500)
    args = parser.parse_args()
    print(json.dumps(extract_benchmark(args.reports), indent=2))
