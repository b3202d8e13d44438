"""The map payload's per-event cache and packed integer columns (dashboard/map_payload.py).

The cache must never change what a map shows: a map built from rows made earlier (a filter
change in the app) is the same page as one built from scratch, whatever happened in between
(other objects, freed objects whose memory is reused, a place redrawn in a later store
revision).
"""

from __future__ import annotations

import dataclasses
import gc
import re

import pytest
from test_mapview import (  # noqa: I001  (sibling test module)
    AMBUSH,
    BANIYAS_NO_SHAPE,
    COAST,
    COAST_AREA,
    EVENTS,
    LATAKIA_KILLINGS,
    event,
    event_ids,
    payload_of,
    render,
    unpack,
)

from dashboard import map_payload
from dashboard.map_payload import int_column
from dashboard.views import ViewState


def same_page(a: str, b: str) -> bool:
    """Two renders of one map differ only in folium's random element names."""
    name = re.compile(r"_[0-9a-f]{32}")
    return name.sub("_", a) == name.sub("_", b)


def test_packed_columns_read_back_to_the_same_integers():
    # 63 is the largest one-digit value (+1 = 64 would need two), 4094 the largest two-digit one
    for values in ([], [0], [-1, 0, 1, 62], [63], [-1, 4094], [4095, 0, 7], [262_142, 5], [10**9]):
        assert unpack_json(int_column(values)) == values
    assert int_column([1, 2, 3]) == '"1234"'  # one digit each, value + 1
    assert int_column([63, 64]) == '"21011"'  # values + 1: 64 = "10", 65 = "11" in base 64
    # out of range: a list, as JSON
    assert int_column([-2, 5]) == "[-2,5]"
    assert int_column([10**20]) == "[100000000000000000000]"


def unpack_json(text: str) -> list[int]:
    import json

    return unpack(json.loads(text))


def test_a_second_map_of_the_same_events_is_the_same_page():
    map_payload.clear_cache()
    first = render(EVENTS, selected="ev-latakia")  # rows made now
    second = render(EVENTS, selected="ev-latakia")  # rows from the cache
    assert same_page(first, second)
    copies = [dataclasses.replace(e) for e in EVENTS]  # equal events, new objects
    assert same_page(render(copies, selected="ev-latakia"), first)


def test_a_subset_after_the_whole_set_equals_the_subset_alone():
    map_payload.clear_cache()
    render(EVENTS)
    cached = render([COAST_AREA, AMBUSH])
    map_payload.clear_cache()
    assert same_page(cached, render([COAST_AREA, AMBUSH]))
    payload = payload_of(cached)
    assert event_ids(payload) == ["ev-coast", "ev-ambush"]
    # places and types are numbered for what this map shows, not for all seen before
    assert [p[0] for p in payload["places"]] == ["the coastal region", "Jablah"]
    assert payload["types"] == ["killings", "ambush"]
    assert payload["ev"]["pl"] == [0, 1] and payload["ev"]["ty"] == [0, 1]


def test_a_freed_event_does_not_lend_its_row_to_a_new_one():
    # CPython gives new objects the memory (and so the id()) of freed ones: the cache keys
    # rows by id(), so it must forget a freed event's id before that happens.
    map_payload.clear_cache()
    template = event("ev-second", "Latakia", (35.5312, 35.7909), low=111, high=None)
    reused = []
    for attempt in range(20):
        first = event(f"ev-first{attempt}", "Jablah", (35.3614, 35.9256), low=13, high=13)
        address = id(first)
        render([first])
        del first  # freed now (reference counting), its id forgotten by the cache
        assert address not in map_payload.event_rows()._row_of
        # Among new events of the same size, one often lands where the freed one was.
        candidates = [dataclasses.replace(template, id=f"ev-second{k}") for k in range(200)]
        reused = [e for e in candidates if id(e) == address]
        if reused:
            break
    assert reused, "no new object reused a freed one's memory (the case this test needs)"
    payload = payload_of(render(reused))
    assert event_ids(payload) == [reused[0].id]
    assert payload["places"][0][0] == "Latakia" and payload["ev"]["lo"] == [111]


def test_a_place_redrawn_in_a_later_revision_is_drawn_anew():
    map_payload.clear_cache()
    before = render([COAST_AREA])
    assert payload_of(before)["places"][0][4] == COAST
    # the same place id with a better outline and a new name (another store revision)
    outline = {"type": "Polygon", "coordinates": [[[35.8, 34.9], [36.2, 34.9], [36.2, 35.8], [35.8, 34.9]]]}
    redrawn = dataclasses.replace(COAST_AREA, geometry=outline, place_name="the Syrian coast")
    place = payload_of(render([redrawn]))["places"][0]
    assert place[0] == "the Syrian coast" and place[4] == outline
    # and the old view still draws the old outline
    assert payload_of(render([COAST_AREA]))["places"][0][4] == COAST


def test_a_place_is_drawn_as_its_first_event_in_the_map_whatever_the_memory_order():
    # Rows are made in the order of the events' addresses (map_payload.EventRows._add), but
    # which event of a place decides how the place is drawn must not depend on that: the
    # first one in the map's order does, as when each map was built from scratch. Two
    # events of one place id, one with the outline and one without (inconsistent data),
    # drawn in both orders: one of the two orders is against the order in memory.
    shaped = dataclasses.replace(COAST_AREA, id="ev-shaped")
    plain = dataclasses.replace(COAST_AREA, id="ev-plain", geometry=None)
    for events, outline in (([shaped, plain], COAST), ([plain, shaped], None)):
        map_payload.clear_cache()
        payload = payload_of(render(events))
        assert len(payload["places"]) == 1  # one place id: one place, listing both events
        assert payload["places"][0][4] == outline
        assert event_ids(payload) == [e.id for e in events]


def test_one_event_listed_twice_is_drawn_twice():
    map_payload.clear_cache()
    payload = payload_of(render([AMBUSH, LATAKIA_KILLINGS, AMBUSH]))
    assert event_ids(payload) == ["ev-ambush", "ev-latakia", "ev-ambush"]
    assert payload["ev"]["lo"] == [13, 111, 13]


def test_the_cache_starts_afresh_when_most_rows_are_of_freed_events(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(map_payload, "STALE_MIN", 3)
    map_payload.clear_cache()
    old = map_payload.event_rows()
    gone = [dataclasses.replace(e, id=f"ev-gone{k}") for k, e in enumerate(EVENTS)]
    render(gone)
    del gone
    gc.collect()
    assert old.dead == len(EVENTS)
    render([BANIYAS_NO_SHAPE])
    assert map_payload.event_rows() is not old  # 4 dead rows > 3 and > 1 live one


def test_figures_too_large_for_64_bits_still_reach_the_page():
    huge = dataclasses.replace(AMBUSH, deaths_low=10**20, deaths_high=10**21)
    payload = payload_of(render([huge], ViewState()))
    assert payload["ev"]["lo"] == [10**20]
    assert payload["ev"]["hi"] == {"0": 10**21}


def test_text_left_out_of_one_map_is_there_in_the_next(monkeypatch: pytest.MonkeyPatch):
    # A map too big for text reads no summaries; a later, smaller map of the same events
    # must still carry them (the text's share of a row is made when first needed).
    from dashboard import mapview

    map_payload.clear_cache()
    monkeypatch.setattr(mapview, "PAYLOAD_BUDGET", 100)  # less than the page without text
    assert payload_of(render(EVENTS))["text"] == "none"
    monkeypatch.undo()
    later = payload_of(render(EVENTS))
    assert later["text"] == "full"
    assert later["su"] == [e.summary for e in EVENTS]
    assert later["ft"] == ["13", ">1,400", "≥111"]  # the ambush's, then Latakia's two
    map_payload.clear_cache()
    assert same_page(render(EVENTS), render(EVENTS))


def test_maps_built_at_once_in_several_threads_are_each_right():
    # Streamlit serves each session in its own thread: maps of different selections may be
    # built at the same moment, on rows some of them are still making.
    import threading

    from dashboard.benchmarks import synthetic_events

    events = synthetic_events(600, seed=5)
    selections = [events[k::4] for k in range(4)] + [events[:300], events[250:]]
    map_payload.clear_cache()
    alone = [payload_of(render(s)) for s in selections]  # one at a time
    map_payload.clear_cache()
    together: list[dict | None] = [None] * len(selections)

    def build(k: int) -> None:
        together[k] = payload_of(render(selections[k]))

    threads = [threading.Thread(target=build, args=(k,)) for k in range(len(selections))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k, selection in enumerate(selections):
        assert together[k] == alone[k]
        assert event_ids(together[k]) == [e.id for e in selection]


def test_rows_made_at_load_serve_the_first_map_unchanged():
    # The app makes the rows of a revision's events as it loads them (ui/data.py): the
    # first map then makes none, and shows what a map that made its own rows shows.
    map_payload.clear_cache()
    fresh = render(EVENTS, selected="ev-latakia")
    map_payload.clear_cache()
    map_payload.prepare_rows(EVENTS)
    made = len(map_payload.event_rows().ids)
    assert made == len(EVENTS)
    assert same_page(render(EVENTS, selected="ev-latakia"), fresh)
    assert same_page(render([AMBUSH, COAST_AREA]), render([AMBUSH, COAST_AREA]))
    assert len(map_payload.event_rows().ids) == made  # no row made by the maps
