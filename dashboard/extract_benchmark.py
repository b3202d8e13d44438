"""Extraction throughput: our whole pipeline vs geotext, measured in the same process.

geotext (regex city/country lookup) is the speed baseline named in NOTES.md: it finds far
less (no landmarks, areas, figures, dates or events), so the ratio says what our extra
understanding costs. Reports are ~500 words, assembled from the shipped demo reports'
paragraphs in varying orders so that every text (and report id) is distinct.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from typing import Any


def synthetic_reports(count: int, words: int = 500, seed: int = 7) -> list[str]:
    """``count`` distinct ~``words``-word reports built from the demo reports' paragraphs.

    Every number is redrawn (days stay days, years stay years, counts stay counts of the
    same length), so that no two reports share a sentence: the per-sentence caches of the
    extractors (sources, verification) cannot flatter the result.
    """
    from dashboard.demo import demo_reports

    paragraphs = [
        para.strip()
        for demo in demo_reports()
        for para in demo.path.read_text(encoding="utf-8").split("\n")
        if len(para.split()) >= 12
    ]
    rng = random.Random(seed)

    def redraw(match: re.Match[str]) -> str:
        digits = match.group(0)
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2100:
            return digits  # a year
        if value <= 31:
            return str(rng.randint(1, 28))  # a day of the month, or a small count
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    reports = []
    for i in range(count):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(_NUMBER.sub(redraw, rng.choice(paragraphs)))
        reports.append(f"Report {i}.\n" + "\n".join(chosen))
    return reports


_NUMBER = re.compile(r"\d+")


def _timed(step: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) to run ``step`` over ``texts``.

    CPU time is the fair measure on a shared machine: time spent waiting for a core is not
    ours. Wall-clock is kept next to it because that is what a user waits for.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        step(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def extract_benchmark(reports: int = 500, rounds: int = 3) -> dict[str, Any]:
    """Reports per second for ``dashboard.pipeline.extract_report`` and for geotext.

    Both run over the same texts in the same process, ``rounds`` times, interleaved (ours,
    geotext, ours, ...), so that a burst of load from elsewhere hits both; the best round
    of each counts (the least disturbed run). ``geotext_over_ours`` compares CPU times.
    """
    from dashboard.geocode.gazetteer import load_gazetteer
    from dashboard.pipeline import extract_report

    texts = synthetic_reports(reports)
    gazetteer = load_gazetteer()
    extract_report(texts[0], gazetteer=gazetteer)  # warm caches (dateparser, regexes, automaton)

    try:
        from geotext import GeoText
    except ImportError:  # geotext is a test extra; the bench still reports our own figure
        GeoText = None  # noqa: N806

    counts = {"figures": 0, "events": 0}

    def ours_step(text: str) -> None:
        result = extract_report(text, gazetteer=gazetteer)
        counts["figures"] += len(result.figures)
        counts["events"] += len(result.events)

    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    if GeoText is not None:
        GeoText(texts[0])
    for _ in range(max(1, rounds)):
        counts.update(figures=0, events=0)
        ours.append(_timed(ours_step, texts))
        if GeoText is not None:
            theirs.append(_timed(GeoText, texts))

    n = len(texts)
    ours_wall, ours_cpu = min(w for w, _ in ours), min(c for _, c in ours)
    result: dict[str, Any] = {
        "reports": n,
        "words_per_report": round(sum(len(t.split()) for t in texts) / n),
        "rounds": len(ours),
        "ours_reports_per_s": round(n / ours_wall, 1),
        "ours_cpu_ms_per_report": round(1000 * ours_cpu / n, 3),
        "ours_cpu_reports_per_s": round(n / ours_cpu, 1),
        "geotext_reports_per_s": None,
        "geotext_cpu_ms_per_report": None,
        "geotext_over_ours": None,
        "figures_found": counts["figures"],
        "events_found": counts["events"],
    }
    if theirs:
        geo_wall, geo_cpu = min(w for w, _ in theirs), min(c for _, c in theirs)
        result["geotext_reports_per_s"] = round(n / geo_wall, 1)
        result["geotext_cpu_ms_per_report"] = round(1000 * geo_cpu / n, 4)
        # How many times slower than geotext, by CPU time (see _timed).
        result["geotext_over_ours"] = round(ours_cpu / geo_cpu, 2)
    return result
