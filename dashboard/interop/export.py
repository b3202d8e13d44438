"""The filtered view as files a colleague can open without the app.

``export_csv`` (one row per event, its figures as low/high/source columns),
``export_geojson`` (an RFC 7946 FeatureCollection, areas as polygons) and ``export_html``
(the standalone offline map of ``mapview``) are pure functions of the ``EventView`` list
the map shows, so the app's download buttons and the CLI write the same files.
``view_events`` reads the store and applies a share link's filters (``views.filter_events``).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from typing import Any, Protocol

from dashboard.model import Event, Figure, Place, Report
from dashboard.views import EventView, ViewState, event_views, filter_events

CIRCLE_VERTICES = 32
EARTH_RADIUS_KM = 6371.0088


class EventSource(Protocol):
    """What export needs from a store (SQLiteStore and PostgresStore both fit)."""

    def events(self, date_from: Any = None, date_to: Any = None, bbox: Any = None) -> list[Event]: ...
    def places(self, ids: Any = None) -> list[Place]: ...
    def figures(self, ids: Any = None) -> list[Figure]: ...
    def reports(self) -> list[Report]: ...


def view_events(store: EventSource, state: ViewState) -> list[EventView]:
    """The events a share-link state shows, newest first, as the app's map shows them."""
    events = store.events(date_from=state.date_from, date_to=state.date_to)
    place_ids = {p for e in events for p in e.place_ids}
    figure_ids = {f for e in events for f in e.figure_ids}
    places = {p.id: p for p in store.places(place_ids)} if place_ids else {}
    figures = {f.id: f for f in store.figures(figure_ids)} if figure_ids else {}
    wanted = {r for e in events for r in e.report_ids}
    reports = {r.id: r for r in store.reports() if r.id in wanted}
    return filter_events(event_views(events, places, figures, reports), state)


# --- CSV -------------------------------------------------------------------------------------

_BASE_COLUMNS = (
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "type",
    "place",
    "place_id",
    "lat",
    "lon",
    "precision",
    "places",
    "deaths_low",
    "deaths_high",
    "sources",
    "report_ids",
    "summary",
)
_FIGURE_COLUMNS = ("low", "high", "text", "category", "outcome", "source", "verified")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A text cell a spreadsheet will not run: text starting like a formula gets a quote
    (OWASP's advice against CSV injection); numbers are written as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_csv(events: Sequence[EventView]) -> str:
    """One row per event; its figures side by side as figure_N_low/high/text/... columns.

    ``deaths_low``/``deaths_high`` are the event's range over its sources (never a sum).
    """
    widest = max((len(e.figures) for e in events), default=0)
    header = list(_BASE_COLUMNS)
    for n in range(1, widest + 1):
        header.extend(f"figure_{n}_{col}" for col in _FIGURE_COLUMNS)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(header)
    for e in events:
        row: list[object] = [
            e.id,
            e.date_start.isoformat() if e.date_start else None,
            e.date_end.isoformat() if e.date_end else None,
            e.date_precision,
            e.type,
            e.place_name,
            e.place_id,
            e.lat,
            e.lon,
            e.precision,
            "; ".join(e.place_names),
            e.deaths_low,
            e.deaths_high,
            "; ".join(e.sources),
            "; ".join(e.report_ids),
            e.summary,
        ]
        for f in e.figures:
            row.extend([f.low, f.high, f.text, f.category, f.outcome, f.source, f.verified])
        row.extend([None] * (len(header) - len(row)))
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


# --- GeoJSON -----------------------------------------------------------------------------------


def _round(value: float) -> float:
    # RFC 7946 section 11.2: six decimals (~10 cm) is more than any report supports.
    return round(value, 6)


def circle_polygon(
    lat: float, lon: float, radius_km: float, vertices: int = CIRCLE_VERTICES
) -> dict[str, Any]:
    """A GeoJSON Polygon approximating a circle, counterclockwise as RFC 7946 asks."""
    ring: list[list[float]] = []
    angular = radius_km / EARTH_RADIUS_KM
    phi1, lam1 = math.radians(lat), math.radians(lon)
    for i in range(vertices):
        # Counterclockwise: bearings from east going north (decreasing compass bearing).
        bearing = math.radians(90 - i * 360 / vertices)
        phi2 = math.asin(
            math.sin(phi1) * math.cos(angular) + math.cos(phi1) * math.sin(angular) * math.cos(bearing)
        )
        lam2 = lam1 + math.atan2(
            math.sin(bearing) * math.sin(angular) * math.cos(phi1),
            math.cos(angular) - math.sin(phi1) * math.sin(phi2),
        )
        lon2 = (math.degrees(lam2) + 540) % 360 - 180
        ring.append([_round(lon2), _round(math.degrees(phi2))])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def event_geometry(event: EventView) -> tuple[dict[str, Any], bool]:
    """(geometry, approximate): the place's own shape for areas, a circle when it has none,
    a Point (longitude, latitude) for exact and city events."""
    if event.precision in {"exact", "city"}:
        return {"type": "Point", "coordinates": [_round(event.lon), _round(event.lat)]}, False
    if event.geometry and event.geometry.get("type") in {"Polygon", "MultiPolygon"}:
        return dict(event.geometry), False
    # An area without a shape of its own: the same uncertainty circle the map draws
    # (mapview.AREA_RADIUS_M), so nobody reads it as a precise point.
    from dashboard.mapview import AREA_RADIUS_M

    radius_m = AREA_RADIUS_M.get(event.precision, AREA_RADIUS_M["adm1"])
    return circle_polygon(event.lat, event.lon, radius_m / 1000), True


def export_geojson(events: Sequence[EventView]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: one Feature per event, figures and sources in properties."""
    features = []
    for e in events:
        geometry, approximate = event_geometry(e)
        features.append(
            {
                "type": "Feature",
                "id": e.id,
                "geometry": geometry,
                "properties": {
                    "type": e.type,
                    "date_start": e.date_start.isoformat() if e.date_start else None,
                    "date_end": e.date_end.isoformat() if e.date_end else None,
                    "date_precision": e.date_precision,
                    "place": e.place_name,
                    "place_id": e.place_id,
                    "places": list(e.place_names),
                    "precision": e.precision,
                    "area_approximate": approximate,
                    "center": [_round(e.lon), _round(e.lat)],
                    "summary": e.summary,
                    "deaths_low": e.deaths_low,
                    "deaths_high": e.deaths_high,
                    "sources": list(e.sources),
                    "report_ids": list(e.report_ids),
                    "figures": [
                        {
                            "text": f.text,
                            "low": f.low,
                            "high": f.high,
                            "category": f.category,
                            "outcome": f.outcome,
                            "source": f.source,
                            "verified": f.verified,
                            "report_id": f.report_id,
                        }
                        for f in e.figures
                    ],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --- HTML ------------------------------------------------------------------------------------


def export_html(events: Sequence[EventView], view: ViewState) -> str:
    """The standalone offline HTML map (``mapview.build_standalone_html``): same markers,
    popups and legend as the app, Leaflet inlined; the link's selected event stays selected."""
    from dashboard.mapview import build_standalone_html

    return build_standalone_html(list(events), view, selected=view.event)


# --- one call for download buttons -------------------------------------------------------------

EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "csv": ("text/csv", "csv"),
    "geojson": ("application/geo+json", "geojson"),  # RFC 7946's media type
    "html": ("text/html", "html"),
}


def export_file(events: Sequence[EventView], fmt: str, view: ViewState) -> tuple[bytes, str, str]:
    """(content, media type, file name) of the view in ``fmt`` (csv, geojson or html), for
    the app's download buttons; the name says the date range, e.g.
    ``report-atlas_2025-03-06_to_2025-03-09.geojson``."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
    if fmt == "csv":
        text = export_csv(events)
    elif fmt == "geojson":
        text = json.dumps(export_geojson(events), ensure_ascii=False, separators=(",", ":")) + "\n"
    else:
        text = export_html(events, view)
    media, _ = EXPORT_FORMATS[fmt]
    return text.encode("utf-8"), media, export_name(fmt, view)


def export_name(fmt: str, view: ViewState) -> str:
    """The download's file name, saying the date range: ``report-atlas_2025-03-06_to_2025-03-09.csv``."""
    span = "all-dates"
    if view.date_from or view.date_to:
        start = view.date_from.isoformat() if view.date_from else "start"
        end = view.date_to.isoformat() if view.date_to else "now"
        span = f"{start}_to_{end}"
    return f"report-atlas_{span}.{EXPORT_FORMATS[fmt][1]}"
