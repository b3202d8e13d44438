"""Where the app gets its data: one store per database, everything derived cached per revision.

Two kinds of cache, chosen by what a hit costs:

- ``st.cache_resource`` (one shared object, no copy) for what is big and read-only: the open
  store (and the demo load) per ``REPORT_ATLAS_DB``; the event views until the store changes
  (its counts are the revision key); the events each filter state keeps. A copy of those
  would cost more than building them: ``cache_data`` unpickles a new copy on every run,
  ~4 s for 100,000 event views. (The gazetteer, needed only to add reports, is a
  ``cache_resource`` of ``add_reports``.)
- ``st.cache_data`` keyed on the view state (its filters + the store revision) for what is
  expensive to build and cheap to copy: the map (~0.35 s to build at 100,000 events, ~0.02 s
  to unpickle), the table (~0.6 s / ~0.03 s), the headline, the timeline counts and the
  filter option counts. The map must be a copy: st_folium adds to the map it renders, so a
  shared map would come out different on the second run.

So a rerun that changes no input repeats no work (tests/test_app_caching.py counts the
calls), a filter change redoes only what depends on it, and a saved report (new revision)
invalidates everything derived from the store. Every run still asks the store for its
counts (``revision``): that one cheap query is how a report saved elsewhere is noticed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import folium
import pandas as pd
import streamlit as st

from dashboard import settings
from dashboard.map_payload import prepare_rows
from dashboard.mapview import build_map
from dashboard.model import Figure, Mention, Report
from dashboard.store import open_store
from dashboard.views import (
    DayCount,
    EventView,
    Headline,
    ViewState,
    category_counts,
    date_bounds,
    event_rows,
    event_views,
    events_per_day,
    filter_events,
    headline,
    search_texts,
    source_counts,
    type_counts,
    unplaced_events,
)

Store = Any  # open_store's result: SQLiteStore or PostgresStore, one interface
TABLE_COLUMNS = ["id", "Date", "Type", "Place", "Deaths", "Sources", "Summary"]


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
    """Every event of the store, ready to show, and what the filters offer."""

    target: str
    rev: tuple[int, ...]
    views: tuple[EventView, ...]
    texts: Mapping[str, str] = field(compare=False, repr=False)  # views.search_texts
    unplaced: int = 0
    reports: int = 0
    bounds: tuple[date, date] | None = None
    types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # most events first
    categories: tuple[str, ...] = ()


@st.cache_resource(show_spinner="Loading events…", max_entries=4)
def _load(target: str, rev: tuple[int, ...]) -> AtlasData:
    store = _store_for(target)
    events = store.events()
    places = {p.id: p for p in store.places()}
    figures = {f.id: f for f in store.figures()}
    reports = {r.id: r for r in store.report_sources()}  # (the texts are not needed here)
    views = tuple(event_views(events, places, figures, reports))
    # Every map of this revision draws a subset of these views: their map rows are made
    # with them (~0.3 s CPU at 100,000 events, ~5 % of this load), so the first map after a
    # load costs what any later map does: 100k stored events, all shown, 0.07-0.08 s CPU
    # against 0.33-0.48 s when the first map made the rows (7 Dec 2026, loaded machine).
    prepare_rows(views)
    return AtlasData(
        target=target,
        rev=rev,
        views=views,
        texts=search_texts(views),
        unplaced=unplaced_events(events, places),
        reports=len(reports),
        bounds=date_bounds(views),
        types=tuple(type_counts(views)),
        sources=tuple(s for s, _ in source_counts(views)),
        categories=tuple(category_counts(views)),
    )


def load_data() -> AtlasData:
    store = get_store()
    return _load(settings.get("REPORT_ATLAS_DB"), revision(store))


# --- What one view state shows ----------------------------------------------------------------
# Keyed on (store, revision, filters): ``ViewState.filters()`` leaves out the selected event
# and the map view, so selecting an event or moving the map rebuilds nothing.


@st.cache_resource(max_entries=64, show_spinner=False)
def _filtered(target: str, rev: tuple[int, ...], filters: ViewState) -> tuple[EventView, ...]:
    # Shared, not copied: the events of a state are also what the timeline (the same filters
    # without dates) and the option counts (dates only) start from, often the same key.
    data = _load(target, rev)
    return tuple(filter_events(data.views, filters, data.texts))


def shown(data: AtlasData, state: ViewState) -> tuple[EventView, ...]:
    """The events a view state shows (newest first)."""
    return _filtered(data.target, data.rev, state.filters())


@st.cache_data(max_entries=64, show_spinner=False)
def _headline(target: str, rev: tuple[int, ...], filters: ViewState) -> Headline:
    return headline(_filtered(target, rev, filters))


def shown_headline(data: AtlasData, state: ViewState) -> Headline:
    """The metric row of a view state."""
    return _headline(data.target, data.rev, state.filters())


@st.cache_data(max_entries=8, show_spinner=False)
def _table(target: str, rev: tuple[int, ...], filters: ViewState) -> pd.DataFrame:
    return pd.DataFrame(event_rows(_filtered(target, rev, filters)), columns=TABLE_COLUMNS)


def shown_table(data: AtlasData, state: ViewState) -> pd.DataFrame:
    """The event list of a view state: ``views.event_rows`` as a DataFrame, same order."""
    return _table(data.target, data.rev, state.filters())


@st.cache_data(max_entries=8, show_spinner=False)
def _map(target: str, rev: tuple[int, ...], view: ViewState, offline: bool) -> folium.Map:
    return build_map(_filtered(target, rev, view.filters()), view, offline=offline)


def shown_map(data: AtlasData, view: ViewState, *, offline: bool) -> folium.Map:
    """``mapview.build_map`` of the events of ``view``'s filters, opening on ``view``'s map
    view when it has one. A fresh copy on every call (see the module doc)."""
    return _map(data.target, data.rev, replace(view, event=None), offline)


@dataclass(frozen=True)
class OptionCounts:
    """How many events in the chosen dates each filter option would show."""

    types: dict[str, int]
    sources: dict[str, int]
    categories: dict[str, int]


@st.cache_data(max_entries=64, show_spinner=False)
def _option_counts(
    target: str, rev: tuple[int, ...], date_from: date | None, date_to: date | None
) -> OptionCounts:
    in_range = _filtered(target, rev, ViewState(date_from=date_from, date_to=date_to))
    return OptionCounts(
        types=type_counts(in_range),
        sources=dict(source_counts(in_range)),
        categories=category_counts(in_range),
    )


def option_counts(data: AtlasData, date_from: date | None, date_to: date | None) -> OptionCounts:
    return _option_counts(data.target, data.rev, date_from, date_to)


@st.cache_data(max_entries=64, show_spinner=False)
def _per_day(target: str, rev: tuple[int, ...], undated: ViewState) -> tuple[DayCount, ...]:
    return tuple(events_per_day(_filtered(target, rev, undated)))


def per_day(data: AtlasData, state: ViewState) -> tuple[DayCount, ...]:
    """Events per day and type for every filter but the dates (the timeline shows where the
    chosen window sits in the whole)."""
    undated = ViewState(types=state.types, q=state.q, src=state.src, cats=state.cats)
    return _per_day(data.target, data.rev, undated)


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
