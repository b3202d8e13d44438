"""Extraction throughput: our whole pipeline vs geotext, measured in the same process.

geotext (regex city/country lookup) is the speed baseline named in NOTES.md: it finds far
less (no landmarks, areas, figures, dates or events), so the ratio says what our extra
understanding costs. Reports are ~500 words, assembled from the shipped demo reports'
paragraphs in varying orders so that every text (and report id) is distinct.
"""

from __future__ import annotations

import random
import time
from typing import Any


def synthetic_reports(count: int, words: int = 500, seed: int = 7) -> list[str]:
    """``count`` distinct ~``words``-word reports built from the demo reports' paragraphs."""
    from dashboard.demo import demo_reports

    paragraphs = [
        para.strip()
        for demo in demo_reports()
        for para in demo.path.read_text(encoding="utf-8").split("\n")
        if len(para.split()) >= 12
    ]
    rng = random.Random(seed)
    reports = []
    for i in range(count):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(rng.choice(paragraphs))
        reports.append(f"Report {i}.\n" + "\n".join(chosen))
    return reports


def extract_benchmark(reports: int = 500) -> dict[str, Any]:
    """Reports per second for ``dashboard.pipeline.extract_report`` and for geotext."""
    from dashboard.geocode.gazetteer import load_gazetteer
    from dashboard.pipeline import extract_report

    texts = synthetic_reports(reports)
    gazetteer = load_gazetteer()
    extract_report(texts[0], gazetteer=gazetteer)  # warm caches (dateparser, regexes)

    started = time.perf_counter()
    figures = events = 0
    for text in texts:
        result = extract_report(text, gazetteer=gazetteer)
        figures += len(result.figures)
        events += len(result.events)
    ours = time.perf_counter() - started

    geotext_rate: float | None
    try:
        from geotext import GeoText
    except ImportError:  # geotext is a test extra; the bench still reports our own figure
        geotext_rate = None
    else:
        GeoText(texts[0])
        started = time.perf_counter()
        for text in texts:
            GeoText(text)
        geotext_rate = len(texts) / (time.perf_counter() - started)

    ours_rate = len(texts) / ours
    return {
        "reports": len(texts),
        "words_per_report": round(sum(len(t.split()) for t in texts) / len(texts)),
        "ours_reports_per_s": round(ours_rate, 1),
        "geotext_reports_per_s": None if geotext_rate is None else round(geotext_rate, 1),
        "geotext_over_ours": None if geotext_rate is None else round(geotext_rate / ours_rate, 2),
        "figures_found": figures,
        "events_found": events,
    }
