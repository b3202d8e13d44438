"""views.py: share-link parsing/writing, denormalising, filtering and the honest totals."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.model import CATEGORIES, EVENT_TYPES, Event, Figure, Place, Report
from dashboard.views import (
    FigureView,
    ViewState,
    deaths_range,
    event_rows,
    event_views,
    events_per_day,
    filter_events,
    headline,
    is_valid_state,
    parse_query,
    preset_range,
    source_comparison,
    write_query,
)

# --- parse_query / write_query -----------------------------------------------------------------


def test_parse_full_query():
    state, notices = parse_query(
        {
            "from": "2025-03-06",
            "to": "2025-03-10",
            "types": "killings,ambush",
            "q": "  Jableh  ",
            "src": "UN human rights office,news reports",
            "cat": "civilians",
            "event": "ev0123abcd",
            "lat": "35.36",
            "lon": "35.92",
            "z": "9",
        }
    )
    assert notices == []
    assert state == ViewState(
        date_from=date(2025, 3, 6),
        date_to=date(2025, 3, 10),
        types=("killings", "ambush"),
        q="Jableh",
        src=("UN human rights office", "news reports"),
        cats=("civilians",),
        event="ev0123abcd",
        lat=35.36,
        lon=35.92,
        z=9,
    )


def test_empty_query_is_default_state():
    assert parse_query({}) == (ViewState(), [])
    assert write_query(ViewState()) == {}


@pytest.mark.parametrize(
    ("params", "field", "needle"),
    [
        ({"from": "2025-13-01"}, "date_from", "from"),
        ({"from": "yesterday"}, "date_from", "from"),
        ({"to": "2025-02-30"}, "date_to", "to"),
        ({"to": "20250301"}, "date_to", "to"),
        ({"lat": "999", "lon": "35"}, "lat", "lat"),
        ({"lat": "nan", "lon": "35"}, "lat", "lat"),
        ({"lat": "35", "lon": "inf"}, "lon", "lon"),
        ({"lat": "35.5"}, "lat", "together"),
        ({"z": "99"}, "z", "zoom"),
        ({"z": "1e9"}, "z", "zoom"),
        ({"z": "4.5"}, "z", "zoom"),
        ({"event": "<script>alert(1)</script>"}, "event", "event"),
    ],
)
def test_bad_values_fall_back_with_a_notice(params, field, needle):
    state, notices = parse_query(params)
    assert getattr(state, field) == getattr(ViewState(), field)
    assert len(notices) == 1
    assert needle in notices[0]


def test_from_after_to_drops_both_dates():
    state, notices = parse_query({"from": "2025-03-10", "to": "2025-03-01", "q": "Latakia"})
    assert (state.date_from, state.date_to) == (None, None)
    assert state.q == "Latakia"  # other fields are unaffected
    assert "after" in notices[0]


def test_unknown_types_are_dropped_known_ones_kept():
    state, notices = parse_query({"types": "killings,bombing,AMBUSH,killings"})
    assert state.types == ("killings", "ambush")
    assert len(notices) == 1 and "bombing" in notices[0]


def test_unknown_parameter_gives_notice_streamlit_keys_do_not():
    state, notices = parse_query({"foo": "1", "embed": "true"})
    assert state == ViewState()
    assert len(notices) == 1 and "foo" in notices[0]


def test_repeated_keys():
    state, notices = parse_query({"from": ["2025-03-01", "2025-03-05"], "types": ["killings", "ambush"]})
    assert state.date_from == date(2025, 3, 5)
    assert state.types == ("killings", "ambush")
    assert len(notices) == 1 and "from" in notices[0]


def test_unicode_and_control_characters_in_search():
    state, notices = parse_query({"q": "اللاذقية\x00 \u202e Bāniyās\n"})
    assert state.q == "اللاذقية Bāniyās"
    assert notices == []


def test_long_search_is_shortened_with_notice():
    state, notices = parse_query({"q": "x" * 5000})
    assert len(state.q) == 200
    assert "200" in notices[0]


def test_source_with_comma_round_trips():
    state = ViewState(src=("Reuters, Beirut", "a\\b"))
    query = write_query(state)
    assert parse_query(query) == (state, [])


def test_floats_round_trip_exactly():
    state = ViewState(lat=35.123456789012345, lon=-0.1, z=0)
    assert parse_query(write_query(state)) == (state, [])


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf", "Co", "Cn")),
    max_size=30,
).map(lambda s: " ".join(unicodedata.normalize("NFC", s).split()))  # valid text is NFC
_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def valid_states(draw):
    d1, d2 = draw(st.one_of(st.none(), _dates)), draw(st.one_of(st.none(), _dates))
    if d1 and d2 and d1 > d2:
        d1, d2 = d2, d1
    has_centre = draw(st.booleans())
    return ViewState(
        date_from=d1,
        date_to=d2,
        types=tuple(draw(st.lists(st.sampled_from(EVENT_TYPES), unique=True, max_size=4))),
        q=draw(_text),
        src=tuple(draw(st.lists(_text.filter(bool), unique=True, max_size=4))),
        event=draw(st.one_of(st.none(), st.from_regex(r"[a-z0-9_:-]{1,20}", fullmatch=True))),
        lat=draw(st.floats(-90, 90)) if has_centre else None,
        lon=draw(st.floats(-180, 180)) if has_centre else None,
        z=draw(st.one_of(st.none(), st.integers(0, 18))),
        cats=tuple(draw(st.lists(st.sampled_from(CATEGORIES), unique=True, max_size=3))),
    )


@settings(max_examples=300, deadline=None)
@given(valid_states())
def test_round_trip_every_valid_state(state):
    assert parse_query(write_query(state)) == (state, [])
    assert is_valid_state(state)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["from", "to", "types", "q", "src", "event", "lat", "lon", "z", "x"]),
        st.one_of(st.text(max_size=40), st.lists(st.text(max_size=10), max_size=3)),
    )
)
def test_parse_never_raises_and_result_is_stable(params):
    state, notices = parse_query(params)
    assert isinstance(notices, list)
    # whatever came in, what we write back reads back identically
    assert parse_query(write_query(state)) == (state, [])


# --- event_views and the honest figures ---------------------------------------------------------

SEED_DAY = date(2025, 3, 10)


def _report(rid: str, source: str | None, published: date) -> Report:
    return Report(id=rid, title=rid, source=source, url=None, published=published, language="en", text="")


def _fig(fid, rid, low, high, qualifier, category, attributed_to, verified=False, outcome="killed"):
    return Figure(
        id=fid,
        report_id=rid,
        low=low,
        high=high,
        qualifier=qualifier,
        category=category,
        outcome=outcome,
        attributed_to=attributed_to,
        verified=verified,
        start=0,
        end=1,
    )


PLACES = {
    "geonames:173576": Place("geonames:173576", "Latakia", "city", 35.5312, 35.7909, "city", "SY"),
    "overlay:hmeimim-air-base": Place(
        "overlay:hmeimim-air-base", "Hmeimim Air Base", "landmark", 35.4108, 35.9486, "exact", "SY"
    ),
    "geonames:169304": Place("geonames:169304", "Jablah", "city", 35.3621, 35.9256, "city", "SY"),
}
REPORTS = {
    "r1": _report("r1", "Seed Wire", SEED_DAY),
    "r2": _report("r2", "Coast Monitor", date(2025, 3, 7)),
}
FIGURES = {
    "f1": _fig("f1", "r1", 1401, None, "more_than", "civilians", "news reports"),
    "f2": _fig("f2", "r1", 111, None, "at_least", "civilians", "UN human rights office", verified=True),
    "f3": _fig("f3", "r1", 13, 13, "exact", "security_forces", None),
    "f4": _fig("f4", "r2", 40, 60, "range", "civilians", None, outcome="injured"),
}
EVENTS = [
    Event(
        "e-kill",
        ("r1",),
        date(2025, 3, 6),
        date(2025, 3, 9),
        "week",
        ("geonames:173576",),
        "killings",
        "Over 1,400 civilians were killed in Latakia.",
        0,
        10,
        ("f1", "f2"),
    ),
    Event(
        "e-ambush",
        ("r1",),
        date(2025, 3, 6),
        date(2025, 3, 6),
        "day",
        ("geonames:169304",),
        "ambush",
        "An ambush killed 13 security personnel.",
        0,
        10,
        ("f3",),
    ),
    Event(
        "e-shelter",
        ("r1", "r2"),
        date(2025, 3, 9),
        None,
        "day",
        ("overlay:hmeimim-air-base",),
        "shelter",
        "Families sheltered at a Russian military airbase.",
        0,
        10,
        ("f4",),
    ),
    Event(
        "e-nowhere", ("r2",), date(2025, 3, 8), None, "day", ("geonames:0",), "other", "Unplaced.", 0, 1, ()
    ),
]


@pytest.fixture
def views():
    return event_views(EVENTS, PLACES, FIGURES, REPORTS)


def test_event_views_denormalise(views):
    by_id = {v.id: v for v in views}
    assert set(by_id) == {"e-kill", "e-ambush", "e-shelter"}  # the unplaced one cannot be drawn
    kill = by_id["e-kill"]
    assert (kill.place_name, kill.lat, kill.lon) == ("Latakia", 35.5312, 35.7909)
    # range over sources, never summed: 111 (UN) .. 1,401 (news reports)
    assert (kill.deaths_low, kill.deaths_high) == (111, 1401)
    assert kill.deaths_text() == "111–1,401"
    assert [f.source for f in kill.figures] == ["news reports", "UN human rights office"]
    # no attribution in the text: the outlet is the source
    assert by_id["e-ambush"].figures[0].source == "Seed Wire"
    assert by_id["e-shelter"].outlets == ("Seed Wire", "Coast Monitor")
    # injured figures are not deaths
    assert (by_id["e-shelter"].deaths_low, by_id["e-shelter"].deaths_high) == (None, None)


def _fig(text: str, low: int | None, high: int | None, category: str, source: str) -> FigureView:
    return FigureView(text, low, high, category, "killed", source, False, "r1")


def test_a_sources_smaller_figures_are_parts_not_rival_counts():
    # "investigators confirmed 1,426 killed, including 90 women" (one source), and a monitor
    # that counted 1,383: the range is 1,383..1,426, not 90..1,426.
    figures = [
        _fig("1,426", 1426, 1426, "people", "fact-finding committee"),
        _fig("90", 90, 90, "women", "fact-finding committee"),
        _fig("1,383", 1383, 1383, "civilians", "Syrian Observatory for Human Rights"),
    ]
    assert deaths_range(figures) == (1383, 1426)
    # An open-ended count keeps its floor as its ceiling; injured figures never count.
    open_ended = [
        _fig(">1,400", 1401, None, "civilians", "news reports"),
        _fig("≥111", 111, None, "civilians", "UN"),
    ]
    assert deaths_range(open_ended) == (111, 1401)
    assert deaths_range([FigureView("5", 5, 5, "people", "injured", "x", False, "r1")]) == (None, None)


def test_headline_sums_each_events_range(views):
    h = headline(views)
    assert (h.events, h.places) == (3, 3)
    # events with deaths: e-kill (111..1401) and e-ambush (13..13)
    assert (h.deaths_low, h.deaths_high) == (124, 1414)
    assert h.events_with_deaths == 2
    assert "never added" in h.rule


def test_source_comparison(views):
    kill = next(v for v in views if v.id == "e-kill")
    rows = source_comparison(kill)
    assert [r.source for r in rows] == ["news reports", "UN human rights office"]
    assert rows[0].text() == ">1,400 civilians killed"
    assert rows[1].text() == "≥111 civilians killed (verified)"


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (ViewState(), {"e-kill", "e-ambush", "e-shelter"}),
        # overlap: e-kill spans Mar 6..9, so it stays for Mar 8..8
        (ViewState(date_from=date(2025, 3, 8), date_to=date(2025, 3, 8)), {"e-kill"}),
        (ViewState(date_from=date(2025, 3, 9)), {"e-kill", "e-shelter"}),
        (ViewState(date_to=date(2025, 3, 5)), set()),
        (ViewState(types=("ambush", "shelter")), {"e-ambush", "e-shelter"}),
        (ViewState(q="airbase"), {"e-shelter"}),
        (ViewState(q="LATAKIA"), {"e-kill"}),
        (ViewState(q="jablah ambush"), {"e-ambush"}),
        (ViewState(q="un human"), {"e-kill"}),  # matches a source
        (ViewState(src=("Coast Monitor",)), {"e-shelter"}),
        (ViewState(src=("UN human rights office",)), {"e-kill"}),
        (ViewState(cats=("security_forces",)), {"e-ambush"}),
        (ViewState(types=("killings",), date_to=date(2025, 3, 5)), set()),
    ],
)
def test_filter_events(views, state, expected):
    assert {v.id for v in filter_events(views, state)} == expected


def test_accent_insensitive_search():
    place = Place("geonames:171830", "Bāniyās", "city", 35.18, 35.95, "city", "SY")
    event = Event("e1", ("r1",), SEED_DAY, None, "day", (place.id,), "killings", "Killings.", 0, 1, ())
    views = event_views([event], {place.id: place}, {}, REPORTS)
    assert len(filter_events(views, ViewState(q="baniyas"))) == 1


def test_events_per_day(views):
    rows = [(r.day, r.type, r.events) for r in events_per_day(views)]
    assert rows == [
        (date(2025, 3, 6), "killings", 1),
        (date(2025, 3, 6), "ambush", 1),
        (date(2025, 3, 9), "shelter", 1),
    ]


def test_presets_count_back_from_the_newest_event():
    assert preset_range("7d", date(2025, 3, 10)) == (date(2025, 3, 4), date(2025, 3, 10))
    assert preset_range("30d", date(2025, 3, 10)) == (date(2025, 2, 9), date(2025, 3, 10))
    assert preset_range("all", date(2025, 3, 10)) == (None, None)


def test_event_rows(views):
    rows = {r["id"]: r for r in event_rows(views)}
    assert rows["e-kill"]["Deaths"] == "111–1,401"
    assert rows["e-shelter"]["Deaths"] == ""
    assert rows["e-ambush"]["Place"] == "Jablah"


def test_prefolded_search_texts_give_the_same_result(views):
    from dashboard.views import search_texts

    texts = search_texts(views)
    for q in ("latakia", "UN human", "airbase", "nothing-like-this", ""):
        state = ViewState(q=q)
        assert filter_events(views, state, texts) == filter_events(views, state)


def _toll(eid: str, place: str | None, start: date | None, end: date | None, low: int, high: int):
    from dashboard.views import EventView

    return EventView(
        id=eid,
        type="killings",
        date_start=start,
        date_end=end,
        date_precision="day",
        summary=eid,
        place_id=place,
        place_name=place or "?",
        lat=35.0,
        lon=36.0,
        precision="city",
        deaths_low=low,
        deaths_high=high,
    )


def test_headline_low_counts_overlapping_events_at_one_place_once():
    march = lambda d: date(2025, 3, d)  # noqa: E731
    events = [
        # Latakia, 6-9 March, and the UN's count for Latakia on 7 March: may be the same dead.
        _toll("lat-killings", "latakia", march(6), march(9), 745, 1500),
        _toll("lat-un", "latakia", march(7), None, 111, 803),
        # The same town a week and a half later: a different incident.
        _toll("lat-later", "latakia", march(20), None, 5, 5),
        # An undated toll at Latakia: nothing says it overlaps.
        _toll("lat-undated", "latakia", None, None, 7, 7),
        # Another place on the same days: its own deaths.
        _toll("baniyas", "baniyas", march(8), None, 60, 60),
        # A chain at Jableh: 1-3 overlaps 3-5, which overlaps 5-6 (1-3 and 5-6 do not touch).
        _toll("jab-a", "jableh", march(1), march(3), 10, 10),
        _toll("jab-b", "jableh", march(3), march(5), 20, 20),
        _toll("jab-c", "jableh", march(5), march(6), 30, 30),
    ]
    h = headline(events)
    # Low: 745 (largest of the Latakia pair) + 5 + 7 + 60 + 30 (largest of the Jableh chain).
    assert h.deaths_low == 745 + 5 + 7 + 60 + 30
    # High: every event's highest count, overlapping or not.
    assert h.deaths_high == 1500 + 803 + 5 + 7 + 60 + 10 + 20 + 30
    assert h.overlapping == 2 + 3
    assert h.events_with_deaths == 8
    assert "same place whose dates overlap" in h.rule


def test_headline_order_of_events_does_not_change_the_totals():
    march = lambda d: date(2025, 3, d)  # noqa: E731
    events = [
        _toll("a", "homs", march(2), march(4), 40, 50),
        _toll("b", "homs", march(4), None, 12, 12),
        _toll("c", "hama", march(4), None, 3, 9),
    ]
    forward, backward = headline(events), headline(list(reversed(events)))
    assert (forward.deaths_low, forward.deaths_high) == (40 + 3, 50 + 12 + 9)
    assert (backward.deaths_low, backward.deaths_high) == (forward.deaths_low, forward.deaths_high)
