"""The real app in Debian Chromium: map offline, map <-> list <-> card, filters, share links,
hostile text, a phone-sized screen. (Fixtures: conftest.py; helpers: atlas_browser.py.)"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from atlas_browser import (
    HMEIMIM_AIR_BASE,
    LATAKIA,
    map_frame,
    markers,
    near,
    new_context,
    open_app,
    query,
    wait_for_query,
)

CARD = ".st-key-event_card"


def _url(atlas: Any, **params: Any) -> str:
    return atlas.url + ("?" + urlencode(params) if params else "")


def _card_text(page: Any, timeout_ms: int = 20000) -> str:
    page.locator(CARD).wait_for(state="visible", timeout=timeout_ms)
    return str(page.locator(CARD).inner_text())


def test_map_draws_latakia_and_the_airbase_offline(page: Any, atlas: Any) -> None:
    frame = open_app(page, atlas.url)
    drawn = [m for m in markers(frame) if m["drawn"]]
    assert any(near(m, *LATAKIA) for m in drawn), "no marker drawn at Latakia"
    assert any(near(m, *HMEIMIM_AIR_BASE) for m in drawn), "no marker drawn at Hmeimim Air Base"
    # Nothing was asked of the outside world (fonts, icons, map assets): all of it is served here.
    assert frame.locator("path.ra-event, .marker-cluster").count() > 0
    assert page.blocked == []
    assert page.title() == "Report Atlas"
    assert page.locator("link[rel*=icon]").first.get_attribute("href").startswith(atlas.url + "media/")
    assert page.page_errors == []

    # Close in, each is drawn at its own place (a marker, or a cluster of the events that
    # share that very place), not merged into one cluster.
    frame = open_app(page, _url(atlas, lat=35.46, lon=35.87, z=11))
    shown = [m for m in markers(frame) if m["drawn"]]
    assert any(
        near(m, *LATAKIA) and near({"lat": m["shownLat"], "lng": m["shownLng"]}, *LATAKIA) for m in shown
    )
    assert any(
        near(m, *HMEIMIM_AIR_BASE) and near({"lat": m["shownLat"], "lng": m["shownLng"]}, *HMEIMIM_AIR_BASE)
        for m in shown
    )


# The first event marker drawn on its own that a click at its centre would hit (nothing
# drawn over it, inside the visible map): where to click, in the frame's coordinates.
CLICKABLE_MARKER_JS = """
() => {
  const box = window.map.getContainer().getBoundingClientRect();
  for (const key in window.map._layers) {
    const l = window.map._layers[key];
    if (l._raEvent === undefined || !l.getLatLng || !l._path || l.options.className.includes('ra-selected')) {
      continue;
    }
    const p = window.map.latLngToContainerPoint(l.getLatLng());
    if (p.x < 10 || p.y < 10 || p.x > box.width - 10 || p.y > box.height - 60) { continue; }
    const x = box.left + p.x, y = box.top + p.y;
    if (document.elementFromPoint(x, y) === l._path) { return {x: x, y: y}; }
  }
  return null;
}
"""


def test_clicking_a_marker_selects_its_event_and_shows_the_card(page: Any, atlas: Any) -> None:
    point = None
    for view in ({"lat": 35.3, "lon": 35.9, "z": 10}, {}, {"lat": 35.0, "lon": 36.5, "z": 7}):
        frame = open_app(page, _url(atlas, **view))
        point = frame.evaluate(CLICKABLE_MARKER_JS)
        if point is not None:
            break
    assert point is not None, "every event marker in these views is covered by another shape"
    assert "event" not in query(page)
    iframe = page.locator('iframe[src*="streamlit_folium.st_folium"]')
    iframe.scroll_into_view_if_needed()
    point = frame.evaluate(CLICKABLE_MARKER_JS)
    box = iframe.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    # The clicked marker's tooltip (bound on the click) starts with its event id and names its place.
    tooltip = frame.evaluate(
        """() => { let t = null;
            window.map.eachLayer(l => { if (l._raEvent !== undefined && l.getTooltip && l.getTooltip()) {
              const span = document.createElement('span');
              span.innerHTML = String(l.getTooltip().getContent());
              t = span.textContent; } });
            return t; }"""
    )
    assert tooltip, "the click did not reach the marker"
    event_id, _, place = tooltip.split(" · ")[:3]
    q = wait_for_query(page, lambda q: "event" in q)
    assert q["event"] == event_id
    card = _card_text(page)
    assert event_id in card  # the card shows the event the marker stands for
    assert place.split(" (")[0] in card


def _select_first_row(page: Any) -> None:
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for(state="visible")
    box = table.bounding_box()
    # The grid is drawn on a canvas: click the row-selection cell of the first data row.
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)


def test_selecting_a_row_centres_the_map_on_its_marker(page: Any, atlas: Any) -> None:
    open_app(page, atlas.url)
    _select_first_row(page)
    q = wait_for_query(page, lambda q: "event" in q and "lat" in q)
    lat, lon, z = float(q["lat"]), float(q["lon"]), int(q["z"])
    card = _card_text(page)
    assert q["event"] in card
    frame = map_frame(page)
    page.wait_for_timeout(1000)  # the move to the event is animated
    centre = frame.evaluate(
        "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]"
    )
    assert abs(centre[0] - lat) < 0.01 and abs(centre[1] - lon) < 0.01 and centre[2] == z
    # ...and the centre is where the selected event is drawn: a marker, an area or the ring.
    at_centre = frame.evaluate(
        """([lat, lon]) => { let n = 0;
            window.map.eachLayer(l => { let c = null;
              try { c = l.getLatLng ? l.getLatLng() : (l.getBounds ? l.getBounds().getCenter() : null); }
              catch (e) { c = null; }  // an empty group has no bounds
              if (c && c.distanceTo([lat, lon]) < 3000) { n += 1; } });
            return n; }""",
        [lat, lon],
    )
    assert at_centre >= 1
    assert frame.locator(".ra-selected").count() >= 1


def test_date_preset_changes_the_markers(page: Any, atlas: Any) -> None:
    frame = open_app(page, atlas.url)
    before = len(markers(frame))
    listed_before = page.get_by_text(" shown").first.inner_text()
    page.get_by_role("button", name="7 days").click()
    q = wait_for_query(page, lambda q: "from" in q)
    frame = map_frame(page)
    after = len(markers(frame))
    assert "from" in q and "to" not in q  # the last 7 days up to the newest event
    assert 0 < after < before
    assert page.get_by_text(" shown").first.inner_text() != listed_before


def test_a_shared_link_restores_the_view_in_a_new_browser(page: Any, atlas: Any, browser: Any) -> None:
    open_app(page, atlas.url)
    page.get_by_role("button", name="7 days").click()
    wait_for_query(page, lambda q: "from" in q)
    map_frame(page)
    _select_first_row(page)
    shared = wait_for_query(page, lambda q: {"from", "event", "lat", "lon", "z"} <= q.keys())
    page.wait_for_timeout(1500)
    shared = query(page)
    link = page.url
    card = _card_text(page)
    frame = map_frame(page)
    view = frame.evaluate(
        "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]"
    )
    count = len(markers(frame))

    other = new_context(browser, atlas.blocked)  # no cookies, no session: only the link
    try:
        fresh = other.new_page()
        frame2 = open_app(fresh, link)
        fresh.wait_for_timeout(1500)
        assert query(fresh) == shared  # nothing in the link was dropped or rewritten
        assert _card_text(fresh) == card
        view2 = frame2.evaluate(
            "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]"
        )
        assert abs(view2[0] - view[0]) < 0.01 and abs(view2[1] - view[1]) < 0.01 and view2[2] == view[2]
        assert len(markers(frame2)) == count
    finally:
        other.close()


def test_bad_link_values_give_a_notice_not_an_error(page: Any, atlas: Any) -> None:
    open_app(
        page, _url(atlas, **{"from": "2025-13-45", "lat": "999", "lon": "35", "types": "bombing", "z": "99"})
    )
    notice = page.locator(".st-key-link_notices").inner_text()
    for word in ("from", "lat", "bombing", "z="):
        assert word in notice
    assert page.locator('[data-testid="stException"]').count() == 0


def test_hostile_report_text_is_shown_not_run(page: Any, atlas: Any) -> None:
    open_app(page, _url(atlas, event=atlas.hostile_event))
    card = page.locator(CARD)
    card.wait_for(state="visible")
    card.get_by_text("Report:", exact=False).first.wait_for()
    text = card.inner_text()
    assert "<script>" in text and "onerror" in text  # shown as text
    page.wait_for_timeout(500)
    for frame in page.frames:
        assert frame.evaluate("() => window.__pwned === undefined"), f"hostile text ran in {frame.url}"
    assert card.locator("script").count() == 0 and card.locator("img").count() == 0


def test_phone_screen_has_no_sideways_scroll(browser: Any, atlas: Any) -> None:
    context = new_context(browser, atlas.blocked, viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        phone = context.new_page()
        open_app(phone, atlas.url)
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390
        box = phone.locator('iframe[src*="streamlit_folium.st_folium"]').bounding_box()
        assert box["width"] <= 390 and box["height"] > 200
    finally:
        context.close()


def test_brushing_the_timeline_narrows_the_dates(page: Any, atlas: Any) -> None:
    frame = open_app(page, atlas.url)
    before = len(markers(frame))
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    # Drag across the left part of the plot (the legend is on the right).
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.5)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.5, steps=10)
    page.mouse.up()
    # An end that reaches the data's own first or last day stays open in the link.
    q = wait_for_query(page, lambda q: "from" in q or "to" in q)
    assert q.get("from", "0000") <= q.get("to", "9999")
    frame = map_frame(page)
    assert len(markers(frame)) < before
