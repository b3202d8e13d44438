"""The view state of one browser session, kept in ``st.session_state`` and mirrored in the URL.

On the first run of a session the query string is parsed (``views.parse_query``) and seeds
the filter widgets, the selected event and the map view; after that the widgets are the
truth and every run writes the state back to the URL (``views.write_query``), so the
address bar is always a share link for what is on screen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from dashboard.views import ViewState, parse_query, write_query

# Session keys (widget keys are the filter names, so AppTest and callbacks can set them).
DATES = "f_dates"
TYPES = "f_types"
SOURCES = "f_src"
CATEGORIES = "f_cats"
SEARCH = "f_q"
EVENT = "sel_event"
MAP_CENTER = "map_center"
MAP_ZOOM = "map_zoom"
MAP_OPENING = "map_opening"  # the view a new map opens at (a link's), else it fits the events
MAP_SETTLING = "map_settling"  # a new map is opening: its first reported view is not a choice
NOTICES = "notices"
INITIAL = "initial_state"
_READY = "state_ready"
_LAST_FILTERS = "last_filters"


def _query_params() -> dict[str, list[str]]:
    """Every query parameter with all its values (a repeated key keeps each one)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def init_from_url() -> None:
    """Seed the session from the URL once per session; later runs keep the widgets' state."""
    if st.session_state.get(_READY):
        return
    state, notices = parse_query(_query_params())
    st.session_state[INITIAL] = state
    st.session_state[NOTICES] = notices
    st.session_state[TYPES] = list(state.types)
    st.session_state[SOURCES] = list(state.src)
    st.session_state[CATEGORIES] = list(state.cats)
    st.session_state[SEARCH] = state.q
    st.session_state[EVENT] = state.event
    st.session_state[MAP_CENTER] = (state.lat, state.lon) if state.lat is not None else None
    st.session_state[MAP_ZOOM] = state.z
    st.session_state[MAP_OPENING] = (state.lat, state.lon, state.z) if state.lat is not None else None
    st.session_state[_READY] = True


def init_dates(bounds: tuple[date, date] | None) -> None:
    """Seed the date slider from the URL (clamped to the data), once the data's range is known."""
    if DATES in st.session_state or bounds is None:
        return
    initial: ViewState = st.session_state.get(INITIAL, ViewState())
    lo, hi = bounds
    start = min(max(initial.date_from or lo, lo), hi)
    end = max(min(initial.date_to or hi, hi), lo)
    st.session_state[DATES] = (start, end) if start <= end else (lo, hi)


def add_notice(text: str) -> None:
    notices = st.session_state.setdefault(NOTICES, [])
    if text not in notices:
        notices.append(text)


def current_dates(bounds: tuple[date, date] | None) -> tuple[date | None, date | None]:
    """The date filter: ``None`` at the ends that sit on the data's own bounds (so a link
    stays open-ended and keeps showing reports added later)."""
    if bounds is None:
        initial: ViewState = st.session_state.get(INITIAL, ViewState())
        return initial.date_from, initial.date_to
    value = st.session_state.get(DATES, bounds)
    start, end = value if isinstance(value, (tuple, list)) and len(value) == 2 else bounds
    return (None if start <= bounds[0] else start), (None if end >= bounds[1] else end)


def current_state(bounds: tuple[date, date] | None) -> ViewState:
    date_from, date_to = current_dates(bounds)
    center = st.session_state.get(MAP_CENTER)
    return ViewState(
        date_from=date_from,
        date_to=date_to,
        types=tuple(st.session_state.get(TYPES, ())),
        q=st.session_state.get(SEARCH, "").strip(),
        src=tuple(st.session_state.get(SOURCES, ())),
        event=st.session_state.get(EVENT),
        lat=center[0] if center else None,
        lon=center[1] if center else None,
        z=st.session_state.get(MAP_ZOOM),
        cats=tuple(st.session_state.get(CATEGORIES, ())),
    )


def forget_map_view_if_filters_changed(state: ViewState) -> ViewState:
    """New filters mean new events: let the map fit them instead of keeping the old view."""
    previous = st.session_state.get(_LAST_FILTERS)
    st.session_state[_LAST_FILTERS] = state.filters()
    if previous is None:
        st.session_state[MAP_SETTLING] = True
    elif previous != state.filters():
        st.session_state[MAP_CENTER] = None
        st.session_state[MAP_ZOOM] = None
        st.session_state[MAP_OPENING] = None
        st.session_state[MAP_SETTLING] = True
        return state.without_map_view()
    return state


def select_event(
    event_id: str | None, center: tuple[float, float] | None = None, zoom: int | None = None
) -> None:
    st.session_state[EVENT] = event_id
    if center is not None:
        st.session_state[MAP_CENTER] = (round(center[0], 5), round(center[1], 5))
        st.session_state[MAP_ZOOM] = zoom


def set_map_view(center: tuple[float, float] | None, zoom: int | None) -> None:
    if center is not None:
        st.session_state[MAP_CENTER] = (round(center[0], 5), round(center[1], 5))
    if zoom is not None:
        st.session_state[MAP_ZOOM] = int(zoom)


def write_url(state: ViewState) -> dict[str, str]:
    """Put the state in the address bar (only when it changed, to keep history quiet)."""
    wanted = write_query(state)
    current: dict[str, Any] = {key: st.query_params.get(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
    return wanted
