"""Share links are untrusted input: generated and mangled query strings never make
``views.parse_query`` raise; every field it cannot use falls back to "not set" with a notice
that names it; every state it returns is valid and survives write -> URL -> parse unchanged.

The app-level half (AppTest with mangled links) is at the end of this file.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.model import CATEGORIES, EVENT_TYPES
from dashboard.views import (
    MAX_LIST_ITEMS,
    MAX_Q_LENGTH,
    MAX_ZOOM,
    QUERY_KEYS,
    ViewState,
    parse_query,
    write_query,
)

ROOT = Path(__file__).resolve().parent.parent
SCALAR_KEYS = ("from", "to", "event", "lat", "lon", "z")

# --- generated, mangled values ---------------------------------------------------------------

_valid_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)
_bad_dates = st.sampled_from(
    ["2025-13-01", "2025-02-30", "2025-00-10", "0000-01-01", "20250306", "06/03/2025", "2025-3-6",
     "yesterday", "2025-03-06T10:00", " 2025-03-06x", "٢٠٢٥-٠٣-٠٦", "2025‐03‐06", "9999999-01-01", "NaN"]
)  # fmt: skip
_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["NaN", "nan", "-nan", "inf", "-Infinity", "1e309", "-1e309", "999", "-999", "90.0000001",
                     "1_000", "0x10", "٣٥", "35,5", "35.5.5", "+", "-", ".", "e", "1e", "", "  "]),
)  # fmt: skip
_junk = st.text(max_size=60)  # arbitrary unicode, control characters included
_lists = st.lists(
    st.one_of(st.sampled_from(EVENT_TYPES + CATEGORIES), st.sampled_from(["KILLINGS", " ambush ", "bombing", ""]), _junk),
    max_size=8,
).map(",".join)  # fmt: skip


def _truncate(value: str, data: st.DataObject) -> str:
    return value[: data.draw(st.integers(min_value=0, max_value=len(value)))]


_value = st.one_of(
    _valid_dates, _bad_dates, _numbers, _junk, _lists, st.text(alphabet="%&=#,\\+ ", max_size=10)
)
_key = st.one_of(
    st.sampled_from(QUERY_KEYS),
    st.sampled_from(QUERY_KEYS).map(str.upper),
    st.sampled_from(["embed", "utm_source", "fbclid", "from ", "lat\x00", "", "z[]"]),
    st.text(max_size=10),
)
_params = st.dictionaries(_key, st.one_of(_value, st.lists(_value, min_size=0, max_size=4)), max_size=12)


def _check_state_is_usable(state: ViewState) -> None:
    if state.date_from and state.date_to:
        assert state.date_from <= state.date_to
    assert set(state.types) <= set(EVENT_TYPES) and len(set(state.types)) == len(state.types)
    assert set(state.cats) <= set(CATEGORIES) and len(set(state.cats)) == len(state.cats)
    assert (state.lat is None) == (state.lon is None)
    if state.lat is not None and state.lon is not None:
        assert math.isfinite(state.lat) and -90 <= state.lat <= 90
        assert math.isfinite(state.lon) and -180 <= state.lon <= 180
    assert state.z is None or 0 <= state.z <= MAX_ZOOM
    assert len(state.q) <= MAX_Q_LENGTH and all(ch.isprintable() for ch in state.q)
    assert len(state.src) <= MAX_LIST_ITEMS
    assert all(s and all(ch.isprintable() for ch in s) for s in state.src)
    assert state.event is None or re.fullmatch(r"[A-Za-z0-9_.:-]{1,80}", state.event)


def _given(params: dict[str, str | list[str]], key: str) -> str:
    raw = params.get(key)
    if isinstance(raw, list):
        raw = raw[-1] if raw else ""
    return (raw or "").strip()


@settings(max_examples=500, deadline=None)
@given(params=_params)
def test_mangled_params_never_raise_and_fall_back_with_a_notice(params: dict[str, str | list[str]]) -> None:
    state, notices = parse_query(params)
    _check_state_is_usable(state)
    assert all(isinstance(n, str) and n for n in notices)
    # a scalar value that was given but not used is explained, naming its key
    used = {
        "from": state.date_from,
        "to": state.date_to,
        "event": state.event,
        "lat": state.lat,
        "lon": state.lon,
        "z": state.z,
    }
    for key in SCALAR_KEYS:
        if _given(params, key) and used[key] is None:
            # lat and lon are one field, the map centre: a bad lat also drops lon
            names = ("lat", "lon") if key in {"lat", "lon"} else (key,)
            assert any(name in notice for notice in notices for name in names), (key, params, notices)
    for key in params:
        if key not in QUERY_KEYS and key not in {"embed", "embed_options"}:
            assert any("unknown parameter" in n for n in notices), (key, notices)
    # whatever came out is a valid state: it writes and reads back unchanged
    assert parse_query(write_query(state)) == (state, [])


# what a person can type and see: no control, format, private or unassigned characters
_url_safe_text = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("C", "Z")), st.just(" ")), max_size=40
)


@settings(max_examples=500, deadline=None)
@given(base=_params, data=st.data())
def test_links_cut_short_or_doubled_in_chat_apps(
    base: dict[str, str | list[str]], data: st.DataObject
) -> None:
    """A real URL, mangled as text: truncated anywhere, pieces repeated, then parsed back."""
    query = urlencode({k: v for k, v in base.items()}, doseq=True)
    query = _truncate(query, data) + data.draw(
        st.sampled_from(["", "&", "&&", "&from=", "%", "%E2%80", "&lat=35.5&lat=999"])
    )
    if query and data.draw(st.booleans()):
        query += "&" + query  # pasted twice
    params = parse_qs(query, keep_blank_values=True)
    state, _ = parse_query(params)
    _check_state_is_usable(state)
    assert parse_query(write_query(state)) == (state, [])


# --- valid states round-trip ----------------------------------------------------------------

_clean = _url_safe_text.map(lambda t: " ".join(unicodedata.normalize("NFC", t).split())).filter(bool)


@st.composite
def valid_states(draw: st.DrawFn) -> ViewState:
    dates = sorted(
        draw(st.lists(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), max_size=2))
    )
    date_from = dates[0] if dates and draw(st.booleans()) else None
    date_to = dates[-1] if dates and draw(st.booleans()) else None
    has_centre = draw(st.booleans())
    return ViewState(
        date_from=date_from,
        date_to=date_to,
        types=tuple(draw(st.lists(st.sampled_from(EVENT_TYPES), unique=True))),
        q=draw(st.one_of(st.just(""), _clean.map(lambda t: t[:MAX_Q_LENGTH].strip()))),
        # sources with commas and backslashes exercise the list escaping
        src=tuple(draw(st.lists(st.one_of(_clean, st.sampled_from(["a,b", "a\\,b", "\\", "x\\"])), unique=True, max_size=5))),
        event=draw(st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9_.:-]{1,80}", fullmatch=True))),
        lat=draw(st.floats(min_value=-90, max_value=90)) if has_centre else None,
        lon=draw(st.floats(min_value=-180, max_value=180)) if has_centre else None,
        z=draw(st.one_of(st.none(), st.integers(min_value=0, max_value=MAX_ZOOM))),
        cats=tuple(draw(st.lists(st.sampled_from(CATEGORIES), unique=True))),
    )  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(state=valid_states())
def test_every_valid_state_round_trips_through_a_real_url(state: ViewState) -> None:
    assert parse_query(write_query(state)) == (state, [])
    # as a browser carries it: encoded into a URL and decoded again
    url_query = urlencode(write_query(state))
    assert parse_query(parse_qs(url_query, keep_blank_values=True)) == (state, [])


# --- the app itself, with mangled links (Streamlit AppTest, no browser) -----------------------

APP_REPORTS = (
    "Gunmen ambushed a security patrol near Jableh on 6 March 2025, killing 13 security personnel.",
    "The UN human rights office said on 11 March 2025 it had verified at least 111 civilian killings "
    "in Baniyas and the Latakia countryside.",
)

MANGLED_LINKS = [
    ({"from": "2025-13-45", "to": "yesterday"}, ["from=", "to="]),
    ({"from": "2025-03-10", "to": "2025-03-01"}, ["start is after the end"]),
    ({"lat": "999", "lon": "NaN", "z": "1e9"}, ["lat=", "lon=", "z="]),
    ({"types": "bombing,<script>alert(1)</script>", "cat": "aliens"}, ["types", "cat"]),
    ({"event": "evt-does-not-exist"}, ["no such event"]),
    ({"event": "<img src=x onerror=alert(1)>"}, ["event="]),
    ({"z": ["3", "4"], "from": ["2025-03-01", "2025-03-0"]}, ["given 2 times"]),
    ({"q": "Jableh " * 800}, ["Shortened"]),
    ({"utm_source": "chat", "lat": "35.5"}, ["unknown parameter", "together"]),
    ({"src": "\x00\u202e\ufeff", "types": "%2C%2C", "lon": "35.9"}, ["types", "together"]),
]


@pytest.fixture(scope="module")
def app_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from dashboard.pipeline import extract_report
    from dashboard.store import open_store

    path = str(tmp_path_factory.mktemp("app") / "atlas.db")
    store = open_store(path)
    for text in APP_REPORTS:
        store.save(extract_report(text, source="Test wire"))
    store.close()
    return path


@pytest.mark.parametrize(
    ("params", "expected"), MANGLED_LINKS, ids=[str(i) for i in range(len(MANGLED_LINKS))]
)
def test_app_opens_mangled_links_with_a_visible_notice(
    app_db: str, monkeypatch: pytest.MonkeyPatch, params: dict[str, str | list[str]], expected: list[str]
) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("REPORT_ATLAS_DB", app_db)
    monkeypatch.setenv("REPORT_ATLAS_DEMO", "0")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    warnings = " ".join(w.value for w in at.warning)
    assert "could not be used" in warnings
    for needle in expected:
        assert needle in warnings, (needle, warnings)
    # the page still works: the events of the store are listed
    assert at.markdown and any("shown" in m.value for m in at.markdown)
