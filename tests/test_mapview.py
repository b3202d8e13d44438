"""build_map on its rendered HTML: markers, areas, offline assets, escaping, selection, legend.

The events are written by hand from the March 2025 coast reports (real towns, their
gazetteer coordinates); expected values come from reading them, not from running the code.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import folium
import pytest

from dashboard import mapview
from dashboard.mapview import (
    build_map,
    build_standalone_html,
    ensure_static_assets,
    event_at,
    event_id_from_tooltip,
)
from dashboard.views import EventView, FigureView, ViewState

# Latakia, Jablah and Baniyas as cities500 has them (NOTES.md / geonames).
LATAKIA = (35.5312, 35.7909)
JABLAH = (35.3614, 35.9256)
BANIYAS = (35.1821, 35.9401)
# A rough outline of the coast (Latakia + Tartus governorates), lon/lat as GeoJSON wants.
COAST = {
    "type": "Polygon",
    "coordinates": [[[35.7, 34.6], [36.4, 34.6], [36.4, 35.95], [35.7, 35.95], [35.7, 34.6]]],
}


def figure(text: str, low: int | None, high: int | None, category: str, source: str, verified: bool = False):
    return FigureView(
        text=text,
        low=low,
        high=high,
        category=category,
        outcome="killed",
        source=source,
        verified=verified,
        report_id="r1",
    )


def event(
    id: str,
    place: str,
    at: tuple[float, float],
    *,
    kind: str = "killings",
    day: date = date(2025, 3, 7),
    precision: str = "city",
    summary: str = "",
    figures: tuple[FigureView, ...] = (),
    low: int | None = None,
    high: int | None = None,
    geometry: dict | None = None,
) -> EventView:
    return EventView(
        id=id,
        type=kind,
        date_start=day,
        date_end=day,
        date_precision="day",
        summary=summary or f"Something happened in {place}.",
        place_id=f"test:{place}",
        place_name=place,
        lat=at[0],
        lon=at[1],
        precision=precision,
        geometry=geometry,
        figures=figures,
        deaths_low=low,
        deaths_high=high,
    )


AMBUSH = event(
    "ev-ambush",
    "Jablah",
    JABLAH,
    kind="ambush",
    day=date(2025, 3, 6),
    summary="Gunmen ambushed a security patrol near Jablah.",
    figures=(figure("13", 13, 13, "security_forces", "news reports"),),
    low=13,
    high=13,
)
LATAKIA_KILLINGS = event(
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
COAST_AREA = event(
    "ev-coast",
    "the coastal region",
    (35.3, 36.0),
    precision="region",
    summary="Violence spread across the coastal region.",
    geometry=COAST,
)
BANIYAS_NO_SHAPE = event(
    "ev-baniyas-district", "Baniyas District", BANIYAS, kind="displacement", precision="adm2"
)
EVENTS = [AMBUSH, LATAKIA_KILLINGS, COAST_AREA, BANIYAS_NO_SHAPE]


def render(events, view: ViewState | None = None, **kwargs) -> str:
    return build_map(events, view or ViewState(), **kwargs).get_root().render()


def payload_of(page: str) -> dict:
    """The JSON the browser script receives (the last argument of the layer call), with
    its packed columns read back into lists and dicts (``unpack``)."""
    match = re.search(r"^\s*(\{\"types\":.*\})\);$", page, flags=re.MULTILINE)
    assert match, "event payload not found in the page"
    payload = json.loads(match.group(1))
    for key in ("pl", "ty", "dy", "lo"):
        payload["ev"][key] = unpack(payload["ev"][key])
    for key in ("hi", "de", "dp"):  # sparse: {"k": positions, "v": values}
        sparse = payload["ev"][key]
        payload["ev"][key] = {
            str(k): v for k, v in zip(unpack(sparse["k"]), unpack(sparse["v"]), strict=True)
        }
    for key in ("fn", "fc", "fo", "fs", "fv"):
        if key in payload:
            payload[key] = unpack(payload[key])
    return payload


BASE64_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def unpack(column: str | list[int]) -> list[int]:
    """A packed integer column as the browser reads it: "<width><digits>", each value plus
    one written with ``width`` base-64 digits (0-9, A-Z, a-z, -, _), most significant
    first; a list stays a list."""
    if isinstance(column, list):
        return column
    width, digits = int(column[0]), column[1:]
    assert len(digits) % width == 0
    values = []
    for at in range(0, len(digits), width):
        value = 0
        for char in digits[at : at + width]:
            value = value * 64 + BASE64_DIGITS.index(char)
        values.append(value - 1)
    return values


def event_ids(payload: dict) -> list[str]:
    ids, width = payload["ev"]["id"], payload["ev"]["idw"]
    if isinstance(ids, str):  # ids of one width are packed into one string
        ids = [ids[i : i + width] for i in range(0, len(ids), width)]
    return [payload["idp"] + short for short in ids]


def test_every_event_is_in_the_page_with_its_place_type_and_deaths():
    payload = payload_of(render(EVENTS))
    assert event_ids(payload) == ["ev-ambush", "ev-latakia", "ev-coast", "ev-baniyas-district"]
    places = [payload["places"][p] for p in payload["ev"]["pl"]]
    assert [(p[0], p[1], p[2]) for p in places] == [
        ("Jablah", 35.3614, 35.9256),
        ("Latakia", 35.5312, 35.7909),
        ("the coastal region", 35.3, 36.0),
        ("Baniyas District", 35.1821, 35.9401),
    ]
    types = [payload["types"][t] for t in payload["ev"]["ty"]]
    assert types == ["ambush", "killings", "killings", "displacement"]
    # deaths_low column; deaths_high only where it differs (Latakia: open-ended -> -1)
    assert payload["ev"]["lo"] == [13, 111, -1, -1]
    assert payload["ev"]["hi"] == {"1": -1}
    # 2025-03-06 is the earliest day; the other events are one day later
    assert payload["ev"]["dy"] == [0, 1, 1, 1]
    assert date(1970, 1, 1).toordinal() + payload["day0"] == date(2025, 3, 6).toordinal()


def test_circles_are_clustered_and_coloured_by_type():
    page = render(EVENTS)
    assert "L.markerClusterGroup(" in page
    assert "chunkedLoading: true" in page
    assert "L.circleMarker(" in page
    payload = payload_of(page)
    colours = dict(zip(payload["types"], payload["colours"], strict=True))
    assert colours["ambush"] == mapview.TYPE_COLOURS["ambush"]
    assert colours["killings"] != colours["displacement"]


def test_marker_size_grows_with_deaths():
    assert mapview.marker_radius(0) < mapview.marker_radius(13) < mapview.marker_radius(1401)


def test_area_events_are_a_polygon_or_a_circle_never_a_point():
    payload = payload_of(render(EVENTS))
    by_name = {p[0]: p for p in payload["places"]}
    coast = by_name["the coastal region"]
    assert coast[4] == COAST  # its own outline
    assert coast[5] > 0  # drawn as an area
    baniyas = by_name["Baniyas District"]
    assert baniyas[4] is None and baniyas[5] == mapview.AREA_RADIUS_M["adm2"]  # uncertainty circle
    assert by_name["Jablah"][5] == 0 and by_name["Jablah"][4] is None  # a point
    page = render(EVENTS)
    assert "L.geoJSON(" in page and "L.circle(" in page


def test_offline_page_loads_nothing_from_the_internet():
    page = render(EVENTS)
    sources = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<link[^>]+href="([^"]+)"', page)
    assert sources, "the page should link Leaflet"
    assert all(s.startswith("/app/static/") for s in sources), sources
    assert "cdn." not in page and "cdnjs" not in page and "bootstrap" not in page.lower()
    assert any(s.endswith("leaflet.markercluster.js") for s in sources)


def test_online_mode_uses_the_public_cdns():
    page = render(EVENTS, offline=False)
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in page
    assert "/app/static/" not in page


HOSTILE_SUMMARY = '</script><script>alert("x")</script> {{ 7*7 }} {% raw %}'
HOSTILE_PLACE = "<img src=x onerror=alert(1)>"
HOSTILE_SOURCE = "javascript:alert(document.cookie)"


def hostile_events() -> list[EventView]:
    return [
        event(
            "ev-hostile",
            HOSTILE_PLACE,
            LATAKIA,
            kind="<b>bold</b>",
            summary=HOSTILE_SUMMARY,
            figures=(figure("5", 5, 5, "civilians", HOSTILE_SOURCE),),
            low=5,
            high=5,
        )
    ]


def test_hostile_text_never_reaches_the_page_as_markup():
    page = render(hostile_events())
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>bold</b>" not in page
    # Only folium's own </script> closers: the summary's cannot end the element early.
    assert page.count("</script>") == page.count("<script")
    # Jinja did not evaluate the text ({{ 7*7 }} would become 49)
    assert "{{ 7*7 }}" not in page


def test_hostile_text_arrives_in_the_browser_unchanged_as_data():
    payload = payload_of(render(hostile_events()))
    assert payload["su"] == [HOSTILE_SUMMARY]
    assert payload["places"][0][0] == HOSTILE_PLACE
    assert payload["sources"] == [HOSTILE_SOURCE]
    assert payload["types"] == ["<b>bold</b>"]


def test_legend_escapes_type_names_and_counts_events():
    legend = payload_of(render(hostile_events()))["legend"]
    assert "&lt;b&gt;bold&lt;/b&gt;" in legend and "<b>" not in legend
    legend = payload_of(render(EVENTS))["legend"]
    assert "ra-legend-body" in legend
    # two killings events (Latakia, the coast), one ambush, one displacement; two area events
    assert re.search(r"killings <span class=\"ra-count\">2</span>", legend)
    assert re.search(r"ambush <span class=\"ra-count\">1</span>", legend)
    assert "area only (governorate, region): 2" in legend


def test_the_script_builds_popup_text_with_text_content_only():
    page = render(EVENTS)
    # The only innerHTML assignment is the legend, which the server escaped.
    assert page.count(".innerHTML") == 1 and "div.innerHTML = D.legend" in page
    assert "textContent" in page


def test_selected_event_is_highlighted():
    payload = payload_of(render(EVENTS, selected="ev-latakia"))
    assert payload["sel"] == 1
    assert "ra-selected" in render(EVENTS, selected="ev-latakia")
    # the view's event is the default selection
    assert payload_of(render(EVENTS, ViewState(event="ev-coast")))["sel"] == 2
    # an id that is not shown selects nothing
    assert payload_of(render(EVENTS, selected="ev-gone"))["sel"] == -1


def test_map_fits_the_events_unless_the_view_sets_a_centre():
    page = render(EVENTS)
    fit = re.search(r"fitBounds\(\s*\[\[([\d.]+),\s*([\d.]+)\],\s*\[([\d.]+),\s*([\d.]+)\]\]", page)
    assert fit, "no fitBounds call"
    south, west, north, east = map(float, fit.groups())
    # The coast outline (34.6-35.95 N, 35.7-36.4 E) holds Jablah, Latakia and Baniyas
    # District's 15 km circle: the map fits the whole outline, not just its centre.
    assert (south, west, north, east) == (34.6, 35.7, 35.95, 36.4)
    # straight to that view, no zoom animation (MarkerCluster waits for one to end)
    assert re.search(r'fitBounds\([^;]*"animate": false', page)
    points_only = render([AMBUSH, LATAKIA_KILLINGS])
    fit = re.search(r"fitBounds\(\s*\[\[([\d.]+),\s*([\d.]+)\],\s*\[([\d.]+),\s*([\d.]+)\]\]", points_only)
    assert fit and tuple(map(float, fit.groups())) == (35.3614, 35.7909, 35.5312, 35.9256)
    page = render(EVENTS, ViewState(lat=35.36, lon=35.93, z=11))
    assert "fitBounds" not in page
    assert re.search(r"center:\s*\[35\.36,\s*35\.93\]", page)
    assert '"zoom": 11' in page


def test_plain_offline_background_and_osm_switch_with_max_zoom():
    page = render(EVENTS)
    assert '"maxZoom": 18' in page
    assert "L.control.layers(" in page
    assert '"Plain background (offline)"' in page and '"OpenStreetMap"' in page
    assert "tile.openstreetmap.org" in page  # available in the switch, not shown by default
    m = build_map(EVENTS, ViewState())
    tile_layers = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert [t.show for t in tile_layers] == [False]


def test_empty_selection_still_renders_a_map_that_says_so():
    page = render([])
    payload = payload_of(page)
    assert event_ids(payload) == []
    assert "No events match the filters" in payload["legend"]


def test_popup_text_shrinks_to_the_byte_budget(monkeypatch: pytest.MonkeyPatch):
    long_summary = "word " * 100  # 500 characters
    events = [
        event(f"ev-{i}", "Latakia", LATAKIA, summary=long_summary, figures=LATAKIA_KILLINGS.figures)
        for i in range(50)
    ]
    full = payload_of(render(events))
    assert full["text"] == "short"  # SUMMARY_MAX (280) < 500
    assert all(len(s) <= mapview.SUMMARY_MAX for s in full["su"])
    monkeypatch.setattr(mapview, "PAYLOAD_BUDGET", 6_000)
    tight = payload_of(render(events))
    assert tight["text"] in {"figures", "short"}
    assert "su" not in tight or all(len(s) < 100 for s in tight["su"])
    monkeypatch.setattr(mapview, "PAYLOAD_BUDGET", 2_000)
    none = payload_of(render(events))
    assert none["text"] == "none" and "su" not in none and "fn" not in none
    assert "select an event" in none["legend"]


def test_tooltip_text_gives_back_the_event_id():
    assert event_id_from_tooltip("ev-ambush · 2025-03-06 · Jablah · ambush · 13 killed") == "ev-ambush"
    assert event_id_from_tooltip(None) is None
    assert event_id_from_tooltip("") is None


def test_event_at_finds_the_nearest_point_then_the_area():
    # a click a few hundred metres from Jablah's marker
    assert event_at(EVENTS, 35.363, 35.93) == "ev-ambush"
    # inland in the coast outline, 30+ km from every point event
    assert event_at(EVENTS, 34.8, 36.3) == "ev-coast"
    # Damascus: nothing drawn there
    assert event_at(EVENTS, 33.51, 36.29) is None


def test_static_assets_are_copied_from_xstatic(tmp_path: Path):
    import xstatic.pkg.leaflet as leaflet

    ensure_static_assets(tmp_path)
    copied = tmp_path / "leaflet" / "leaflet.js"
    assert copied.read_bytes() == (Path(leaflet.BASE_DIR) / "leaflet.js").read_bytes()
    assert (tmp_path / "leaflet" / "images" / "layers.png").is_file()
    assert (tmp_path / "markercluster" / "leaflet.markercluster.js").is_file()
    assert (tmp_path / "jquery" / "jquery.min.js").is_file()
    # every asset the offline page links is among the copied files
    for url in re.findall(r'(?:src|href)="(/app/static/[^"]+)"', render(EVENTS)):
        assert (tmp_path / url.removeprefix("/app/static/")).is_file(), url


def test_standalone_html_inlines_every_asset():
    page = build_standalone_html(EVENTS, ViewState())
    assert "/app/static/" not in page
    assert not re.search(r'<script[^>]+src="http', page)
    assert not re.search(r'<link[^>]+href="http', page)
    assert "L.MarkerClusterGroup" in page  # the plugin's own code, inlined
    assert "data:image/png;base64," in page  # leaflet.css images
    assert event_ids(payload_of(page)) == [e.id for e in EVENTS]


def test_ids_keep_their_full_form_whatever_their_shape():
    mixed = [
        event("ev-ambush", "Jablah", JABLAH),
        event("import:acled:SYR123", "Latakia", LATAKIA),
        event("ev-", "Baniyas", BANIYAS),  # the prefix alone: stripping it would leave ""
    ]
    assert event_ids(payload_of(render(mixed))) == ["ev-ambush", "import:acled:SYR123", "ev-"]
    same = [event("ev-a1", "Jablah", JABLAH), event("ev-b2", "Latakia", LATAKIA)]
    payload = payload_of(render(same))
    assert payload["idp"] == "ev-" and payload["ev"]["id"] == "a1b2" and payload["ev"]["idw"] == 2
    assert event_ids(payload) == ["ev-a1", "ev-b2"]


def test_towns_with_many_events_are_drawn_as_one_listing_marker():
    page = render(EVENTS)
    assert payload_of(page)["stackMin"] == mapview.STACK_MIN
    assert "L.divIcon(" in page and "ra-stack" in page
    assert f"{mapview.STACK_MIN}+ events at one town" in payload_of(page)["legend"]


def test_dates_before_1970_and_undated_events_keep_their_meaning():
    old = event("ev-old", "Hama", (35.1318, 36.7578), day=date(1982, 2, 2))
    older = event("ev-older", "Latakia", LATAKIA, day=date(1958, 1, 1))
    undated = EventView(
        **{**LATAKIA_KILLINGS.__dict__, "id": "ev-undated", "date_start": None, "date_end": None}
    )
    payload = payload_of(render([old, older, undated]))
    epoch = date(1970, 1, 1).toordinal()
    assert payload["day0"] == date(1958, 1, 1).toordinal() - epoch  # negative: before 1970
    assert payload["ev"]["dy"] == [(date(1982, 2, 2) - date(1958, 1, 1)).days, 0, -1]


def test_ids_with_characters_outside_ascii_are_not_packed():
    events = [event("ev-ḥama1", "Hama", (35.1318, 36.7578)), event("ev-ḥoms2", "Homs", (34.7308, 36.7094))]
    payload = payload_of(render(events))
    assert isinstance(payload["ev"]["id"], list)
    assert event_ids(payload) == ["ev-ḥama1", "ev-ḥoms2"]
