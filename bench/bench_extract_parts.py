"""Cost of each report-understanding step (sentences, places, figures, dates, events) per report,
against geotext's city lookup measured in the same run.

python bench/bench_extract_parts.py [--reports 300] [--words 500]

Reports are ~500 words of wire-style sentences taken from the demo and evaluation reports,
shuffled and with every number replaced by a random one, so that no two reports (and
almost no two sentences) are alike and the per-sentence caches cannot flatter the result.
Prints one JSON object: milliseconds per report for each step (best of several rounds,
each on a fresh corpus, interleaved with geotext), reports per second for figures + dates
+ events together, and the ratio to geotext (how many times slower than that baseline).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.extract.dates import date_mentions
from dashboard.extract.events import build_events
from dashboard.extract.figures import casualty_figures
from dashboard.extract.sentences import sentence_spans
from dashboard.geocode.gazetteer import load_gazetteer
from dashboard.geocode.resolve import resolve_places
from dashboard.model import Report

ROOT = Path(__file__).resolve().parent.parent
_DIGITS = re.compile(r"\d+")


def _sentences() -> list[str]:
    paths = sorted((ROOT / "dashboard" / "demo_reports").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "annotated").glob("*.txt"))
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        found += [text[a:b] for a, b in sentence_spans(text) if len(text[a:b].split()) >= 6]
    return found


def synthetic_reports(count: int, words: int, seed: int = 11) -> list[Report]:
    rng = random.Random(seed)
    pool = _sentences()
    reports = []
    for i in range(count):
        chosen: list[str] = []
        while sum(len(s.split()) for s in chosen) < words:
            sentence = _DIGITS.sub(lambda m: str(rng.randint(1, 999)), rng.choice(pool))
            chosen.append(sentence)
        paragraphs = [" ".join(chosen[k : k + 3]) for k in range(0, len(chosen), 3)]
        text = f"Report {i} on the week's violence\n" + "\n".join(paragraphs)
        reports.append(Report.from_text(text, published=date(2025, 3, 1 + i % 28)))
    return reports


def _per_report(step: Callable[[Report], object], reports: list[Report]) -> float:
    # CPU time of this process: on a shared machine, time spent waiting for a core is not ours.
    started = time.process_time()
    for report in reports:
        step(report)
    return (time.process_time() - started) / len(reports)


def run(count: int, words: int, rounds: int = 5) -> dict[str, Any]:
    """Time every step over ``rounds`` fresh corpora, interleaved with geotext; keep the best
    round of each (the machine may be shared: the minimum is the least disturbed run)."""
    try:
        from geotext import GeoText
    except ImportError:
        GeoText = None  # noqa: N806 - the baseline is optional; our own figures still print
    gazetteer = load_gazetteer()
    for report in synthetic_reports(5, words, seed=99):  # import dateparser, compile regexes
        casualty_figures(report.text, report.id)
        date_mentions(report.text, report.published)
        resolve_places(report.text, report.id, gazetteer)  # loads the name automaton

    best: dict[str, float] = {}
    figures_found = dates_found = 0
    figures_of: dict[str, list[Any]] = {}
    dates_of: dict[str, list[Any]] = {}
    places_of: dict[str, tuple[Any, Any]] = {}

    def places_step(report: Report) -> None:
        places_of[report.id] = resolve_places(report.text, report.id, gazetteer)

    def figures_step(report: Report) -> None:
        figures_of[report.id] = casualty_figures(report.text, report.id)

    def dates_step(report: Report) -> None:
        dates_of[report.id] = date_mentions(report.text, report.published)

    def events_step(report: Report) -> None:
        mentions, places = places_of[report.id]
        build_events(report, mentions, places, figures_of[report.id], dates_of[report.id])

    for round_number in range(rounds):
        reports = synthetic_reports(count, words, seed=100 + round_number)
        figures_of.clear()
        dates_of.clear()
        places_of.clear()
        steps: list[tuple[str, Callable[[Report], object]]] = [
            ("sentences_ms", lambda r: sentence_spans(r.text)),
            ("places_ms", places_step),
            ("figures_ms", figures_step),
            ("dates_ms", dates_step),
            ("events_ms", events_step),
        ]
        if GeoText is not None:
            steps.append(("geotext_ms", lambda r: GeoText(r.text)))
        for name, step in steps:
            elapsed = _per_report(step, reports)
            best[name] = min(best.get(name, elapsed), elapsed)
        figures_found = sum(len(v) for v in figures_of.values())
        dates_found = sum(len(v) for v in dates_of.values())

    # sentence_spans is cached per text, so the figures step pays for it once per report.
    ours = best["figures_ms"] + best["dates_ms"] + best["events_ms"]
    steps_total = ours + best["places_ms"]
    result: dict[str, Any] = {
        "reports": count,
        "rounds": rounds,
        "words_per_report": words,
        **{k: round(v * 1000, 4) for k, v in best.items()},
        "figures_dates_events_ms": round(ours * 1000, 4),
        "figures_dates_events_reports_per_s": round(1 / ours, 1),
        # All four steps: the pipeline less Report construction (see bench_extract.py).
        "all_steps_ms": round(steps_total * 1000, 4),
        "all_steps_reports_per_s": round(1 / steps_total, 1),
        "figures_per_report": round(figures_found / count, 2),
        "dates_per_report": round(dates_found / count, 2),
    }
    if "geotext_ms" in best:
        result["ours_over_geotext"] = round(ours / best["geotext_ms"], 2)
        result["all_steps_over_geotext"] = round(steps_total / best["geotext_ms"], 2)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(run(args.reports, args.words, args.rounds), indent=2))
