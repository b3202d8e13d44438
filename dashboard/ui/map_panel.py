"""The map: ``mapview.build_map`` rendered with streamlit-folium, clicks turned into selections.

The map's HTML depends only on the filtered events, so selecting an event or moving the
map does not rebuild (and re-mount) it: the highlight ring of the selected event is added
as a dynamic feature group, and the view is moved through st_folium's ``center``/``zoom``.
The map itself comes from ``data.shown_map`` (built once per view state, a copy per run).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard import settings
from dashboard.mapview import AREA_RADIUS_M, ensure_static_assets, event_at, event_id_from_tooltip
from dashboard.model import POINT_PRECISIONS
from dashboard.ui import state as S
from dashboard.ui.data import AtlasData, shown_map
from dashboard.views import EventView, ViewState

MAP_HEIGHT = 520
_LAST_CLICK = "map_last_click"
_LAST_REPORTED = "map_last_reported_view"
_RETURNED = [
    "last_object_clicked",
    "last_object_clicked_count",
    "last_object_clicked_popup",
    "last_object_clicked_tooltip",
    "center",
    "zoom",
]


def _highlight(event: EventView) -> folium.FeatureGroup:
    """A dark outline around the selected event, drawn the way the event is drawn: a ring
    round a point, the outline of an area (never a point ring on an area's centre)."""
    group = folium.FeatureGroup(name="Selected event", control=False)
    style: dict[str, Any] = {
        "color": "#111827",
        "weight": 4,
        "fill": False,
        "dash_array": "6 4",
        "interactive": False,
    }
    if event.precision in POINT_PRECISIONS:
        folium.CircleMarker(
            location=(event.lat, event.lon), radius=22, class_name="ra-selected", **style
        ).add_to(group)
    elif event.geometry:
        folium.GeoJson(
            event.geometry,
            style_function=lambda _: {"color": "#111827", "weight": 4, "fill": False, "dashArray": "6 4"},
            interactive=False,
        ).add_to(group)
    else:
        radius = AREA_RADIUS_M.get(event.precision, AREA_RADIUS_M["adm1"])
        folium.Circle(
            location=(event.lat, event.lon), radius=radius, class_name="ra-selected", **style
        ).add_to(group)
    return group


def _new_click(result: dict[str, Any] | None) -> dict[str, Any] | None:
    """The click in ``result`` if it was not handled yet (the component repeats its last
    value on every run)."""
    if not result or not result.get("last_object_clicked"):
        return None
    click = {k: result.get(k) for k in _RETURNED if k.startswith("last_object")}
    if st.session_state.get(_LAST_CLICK) == click:
        return None
    st.session_state[_LAST_CLICK] = click
    return click


def _clicked_event(events: Sequence[EventView], click: dict[str, Any]) -> str | None:
    """The tooltip of every event shape starts with its event id (mapview's contract), which
    is exact when events share a place; the clicked position is the fallback."""
    ids = {e.id for e in events}
    from_tooltip = event_id_from_tooltip(click.get("last_object_clicked_tooltip"))
    if from_tooltip in ids:
        return from_tooltip
    point = click.get("last_object_clicked") or {}
    if isinstance(point.get("lat"), (int, float)) and isinstance(point.get("lng"), (int, float)):
        return event_at(events, float(point["lat"]), float(point["lng"]))
    return None


@st.cache_resource(show_spinner=False)
def _static_assets_ready() -> bool:
    # Leaflet/MarkerCluster from the XStatic packages into dashboard/static/ (served at
    # /app/static/...), once per server process.
    ensure_static_assets()
    return True


def render_map(
    data: AtlasData, events: Sequence[EventView], state: ViewState, selected: EventView | None
) -> None:
    """``events``: what ``data.shown(data, state)`` keeps (the map is drawn from the same)."""
    offline = settings.flag("REPORT_ATLAS_OFFLINE")
    _static_assets_ready()
    # A copy of the cached map on every run (st_folium adds to the map it renders; a shared
    # one would render differently the second time and re-mount the component, losing its
    # view). A link's view is built into the map itself (no fit to the events): an opening
    # fit is animated, and Leaflet ignores a second move made while one is animating.
    opening = st.session_state.get(S.MAP_OPENING)
    base = state.filters()
    if opening is not None:
        base = replace(base, lat=opening[0], lon=opening[1], z=opening[2])
    m = shown_map(data, base, offline=offline)
    shown_selected = selected if selected is not None and any(e.id == selected.id for e in events) else None
    center = (state.lat, state.lon) if state.lat is not None and state.lon is not None else None
    result = st_folium(
        m,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=_RETURNED,
        center=center,
        zoom=state.z,
        feature_group_to_add=_highlight(shown_selected) if shown_selected else None,
    )
    if not isinstance(result, dict):
        return
    click = _new_click(result)
    if click is not None:
        hit = _clicked_event(events, click)
        if hit is not None and hit != state.event:
            S.select_event(hit)
            st.rerun()
    # Remember where the map is, so the link reopens this view. The first view a new map
    # reports is taken before its own opening move (the fit to the events, or the view of
    # the link) has finished animating: it is skipped, or a link's view would be replaced
    # by that half-way view.
    moved_center = result.get("center")
    moved_zoom = result.get("zoom")
    if not (
        isinstance(moved_center, dict) and "lat" in moved_center and isinstance(moved_zoom, (int, float))
    ):
        return
    view = ((round(float(moved_center["lat"]), 5), round(float(moved_center["lng"]), 5)), int(moved_zoom))
    # The component repeats its last value on every run: only a new report is a move (else a
    # view just asked for, by a row selection, would be overwritten by the stale one).
    if view == st.session_state.get(_LAST_REPORTED):
        return
    st.session_state[_LAST_REPORTED] = view
    if st.session_state.get(S.MAP_SETTLING, True):
        st.session_state[S.MAP_SETTLING] = False
        return
    if not _same_view(view, st.session_state.get(S.MAP_CENTER), st.session_state.get(S.MAP_ZOOM)):
        S.set_map_view(*view)
        st.rerun()


def _same_view(
    view: tuple[tuple[float, float], int], center: tuple[float, float] | None, zoom: int | None
) -> bool:
    """Leaflet snaps a requested centre to whole pixels; a shift under two pixels is the
    same view (else every opened link would rewrite its own lat/lon)."""
    if center is None or zoom is None or view[1] != zoom:
        return False
    two_pixels = 2 * 360.0 / (256 * 2**zoom)
    return abs(view[0][0] - center[0]) < two_pixels and abs(view[0][1] - center[1]) < two_pixels
