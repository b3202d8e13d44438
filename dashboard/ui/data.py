"""Where the app gets its data: one store per database, event views cached per store revision.

``st.cache_resource`` keeps one open store (and the demo load) per ``REPORT_ATLAS_DB``;
``st.cache_data`` keeps the denormalised event views until the store changes (its counts
are the revision key) and the filtered views per view state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard import settings
from dashboard.model import Figure, Mention, Report
from dashboard.store import open_store
from dashboard.views import EventView, ViewState, event_views, filter_events, unplaced_events

Store = Any  # open_store's result: SQLiteStore or PostgresStore, one interface


@st.cache_resource(show_spinner="Opening the store…")
def _store_for(target: str) -> Store:
    store = open_store(target)
    # First start: an empty store gets the demo reports (unless REPORT_ATLAS_DEMO=0). The
    # import is here so a filled store never loads the extraction pipeline (gazetteer) at all.
    if settings.flag("REPORT_ATLAS_DEMO") and store.stats()["reports"] == 0:
        from dashboard.demo import ensure_demo_data

        ensure_demo_data(store)
    return store


def get_store() -> Store:
    return _store_for(settings.get("REPORT_ATLAS_DB"))


def revision(store: Store) -> tuple[int, ...]:
    """Changes whenever a report is saved: the key that invalidates the cached views."""
    stats = store.stats()
    return (stats["reports"], stats["events"], stats["figures"], stats["places"])


@dataclass(frozen=True)
class AtlasData:
    views: tuple[EventView, ...]
    unplaced: int
    reports: int


@st.cache_data(show_spinner="Loading events…", max_entries=8)
def _load(target: str, rev: tuple[int, ...]) -> AtlasData:
    store = _store_for(target)
    events = store.events()
    places = {p.id: p for p in store.places()}
    figures = {f.id: f for f in store.figures()}
    reports = {r.id: r for r in store.reports()}
    views = event_views(events, places, figures, reports)
    return AtlasData(views=tuple(views), unplaced=unplaced_events(events, places), reports=len(reports))


def load_data() -> AtlasData:
    store = get_store()
    return _load(settings.get("REPORT_ATLAS_DB"), revision(store))


@st.cache_data(max_entries=64)
def _filtered(target: str, rev: tuple[int, ...], filters: ViewState) -> tuple[EventView, ...]:
    return tuple(filter_events(_load(target, rev).views, filters))


def filtered_views(filters: ViewState) -> tuple[EventView, ...]:
    """The events a view state shows (cached on the state's filters and the store revision)."""
    store = get_store()
    return _filtered(settings.get("REPORT_ATLAS_DB"), revision(store), filters.filters())


@dataclass(frozen=True)
class ReportDetail:
    """One report of the selected event, with what to highlight in its text."""

    report: Report
    mentions: tuple[Mention, ...]
    figures: tuple[Figure, ...]  # the selected event's figures read from this report
    place_names: dict[str, str]
    summary_span: tuple[int, int] | None  # the event's summary sentence, in its first report


@st.cache_data(max_entries=256)
def _event_reports(target: str, rev: tuple[int, ...], event_id: str) -> tuple[ReportDetail, ...]:
    store = _store_for(target)
    event = store.event(event_id)
    if event is None:
        return ()
    figures = store.figures(event.figure_ids) if event.figure_ids else []
    details = []
    for index, report_id in enumerate(event.report_ids):
        report = store.report(report_id)
        if report is None:
            continue
        mentions = tuple(store.mentions(report_id))
        place_ids = {m.place_id for m in mentions if m.place_id}
        names = {p.id: p.name for p in store.places(place_ids)} if place_ids else {}
        details.append(
            ReportDetail(
                report=report,
                mentions=mentions,
                figures=tuple(f for f in figures if f.report_id == report_id),
                place_names=names,
                summary_span=(event.summary_start, event.summary_end) if index == 0 else None,
            )
        )
    return tuple(details)


def event_reports(event_id: str) -> tuple[ReportDetail, ...]:
    """The reports behind an event (first = the one its summary was read from)."""
    store = get_store()
    return _event_reports(settings.get("REPORT_ATLAS_DB"), revision(store), event_id)
