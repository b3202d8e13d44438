"""Arbitrary store contents (dangling ids, undated and reversed-date events, figures without
numbers, odd geometry, hostile and empty text) under arbitrary valid view states: every
view function and the map builder answer without raising, and the filters keep exactly
what they promise. This is what the app runs on each page view."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_share_links_fuzz import valid_states

from dashboard.mapview import build_map
from dashboard.model import (
    CATEGORIES,
    DATE_PRECISIONS,
    EVENT_TYPES,
    OUTCOMES,
    PLACE_KINDS,
    PRECISIONS,
    QUALIFIERS,
    Event,
    Figure,
    Place,
    Report,
)
from dashboard.views import (
    ViewState,
    category_counts,
    date_bounds,
    event_rows,
    event_views,
    events_per_day,
    filter_events,
    find_event,
    headline,
    source_comparison,
    source_counts,
    type_counts,
)

_ids = st.sampled_from([f"id{i}" for i in range(8)])
_text = st.text(max_size=40)
_dates = st.one_of(st.none(), st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 1, 1)))
_geometry = st.one_of(
    st.none(),
    st.just({"type": "Polygon", "coordinates": [[[35.7, 34.6], [36.3, 34.6], [36.3, 35.9], [35.7, 34.6]]]}),
    st.just({"type": "Polygon", "coordinates": []}),  # broken shapes an overlay file could hold
    st.just({"type": "Point", "coordinates": [35.9, 35.3]}),
    st.just({"type": "Nonsense"}),
)


@st.composite
def places(draw: st.DrawFn) -> Place:
    return Place(
        id=draw(_ids),
        name=draw(_text),
        kind=draw(st.sampled_from(PLACE_KINDS)),
        lat=draw(st.floats(-90, 90)),
        lon=draw(st.floats(-180, 180)),
        precision=draw(st.sampled_from(PRECISIONS)),
        country=draw(st.one_of(st.none(), st.just("SY"))),
        source=draw(st.one_of(st.none(), _text)),
        geometry=draw(_geometry),
    )


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    low = draw(st.one_of(st.none(), st.integers(0, 10**7)))
    high = draw(st.one_of(st.none(), st.integers(low or 0, 10**7)))
    return Figure(
        id=draw(_ids),
        report_id=draw(_ids),
        low=low,
        high=high,
        qualifier=draw(st.sampled_from(QUALIFIERS)),
        category=draw(st.sampled_from(CATEGORIES)),
        outcome=draw(st.sampled_from(OUTCOMES)),
        attributed_to=draw(st.one_of(st.none(), _text)),
        verified=draw(st.booleans()),
        start=0,
        end=draw(st.integers(0, 50)),
        surface=draw(_text),
    )


@st.composite
def events(draw: st.DrawFn) -> Event:
    start = draw(_dates)
    return Event(
        id=draw(_ids),
        report_ids=tuple(draw(st.lists(_ids, max_size=3))),
        date_start=start,
        date_end=draw(_dates),  # may be before the start, or set without a start
        date_precision=draw(st.sampled_from(DATE_PRECISIONS)),
        place_ids=tuple(draw(st.lists(_ids, max_size=3))),
        type=draw(st.sampled_from(EVENT_TYPES)),
        summary=draw(_text),
        summary_start=0,
        summary_end=0,
        figure_ids=tuple(draw(st.lists(_ids, max_size=4))),
    )


@st.composite
def reports(draw: st.DrawFn) -> Report:
    return Report(
        id=draw(_ids),
        title=draw(_text),
        source=draw(st.one_of(st.none(), _text)),
        url=None,
        published=draw(_dates),
        language="en",
        text=draw(_text),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    place_list=st.lists(places(), max_size=6),
    figure_list=st.lists(figures(), max_size=6),
    event_list=st.lists(events(), max_size=8),
    report_list=st.lists(reports(), max_size=4),
    state=valid_states(),
)
def test_views_and_map_never_raise_on_odd_store_contents(
    place_list: list[Place],
    figure_list: list[Figure],
    event_list: list[Event],
    report_list: list[Report],
    state: ViewState,
) -> None:
    views = event_views(
        event_list,
        {p.id: p for p in place_list},
        {f.id: f for f in figure_list},
        {r.id: r for r in report_list},
    )
    assert filter_events(views, ViewState()) == views
    shown = filter_events(views, state)
    assert all(v in views for v in shown)
    for v in shown:
        assert not state.types or v.type in state.types
        assert not state.cats or set(v.categories) & set(state.cats)
        if state.date_from or state.date_to:
            assert v.date_start is not None
    head = headline(shown)
    assert head is not None
    for function in (events_per_day, source_counts, type_counts, category_counts, event_rows, date_bounds):
        function(shown)
    for v in shown:
        source_comparison(v)
        assert v.deaths_low is None or v.deaths_low >= 0
    assert find_event(views, state.event) in (None, *views)
    build_map(shown, state, selected=shown[0].id if shown else None).get_root().render()
