"""Export of the filtered view: CSV (figures as columns), GeoJSON (RFC 7946) and the
standalone HTML map, from a real store filled by the ACLED/UCDP test imports."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.interop.acled import read_acled
from dashboard.interop.export import (
    circle_polygon,
    export_csv,
    export_file,
    export_geojson,
    export_html,
    view_events,
)
from dashboard.interop.ucdp import read_ucdp
from dashboard.mapview import AREA_RADIUS_M
from dashboard.views import EventView, FigureView, ViewState, parse_query

DATA = Path(__file__).parent / "data" / "interop"


@pytest.fixture()
def filled(store, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    # The CLI opens REPORT_ATLAS_DB: point it at this store, whichever backend it is.
    monkeypatch.setenv("REPORT_ATLAS_DB", getattr(store, "url", None) or str(store.path))
    store.save_many(read_acled(DATA / "acled_syria_2025.csv").extractions)
    store.save_many(read_ucdp(DATA / "ucdp_ged_syria_2025.csv").extractions)
    return store


def hostile_event(**changes: object) -> EventView:
    fields: dict[str, object] = dict(
        id="evt-hostile",
        type="attack",
        date_start=date(2025, 3, 8),
        date_end=date(2025, 3, 8),
        date_precision="day",
        summary='=HYPERLINK("http://evil.example","click") <script>alert(\'x\')</script>',
        place_id="overlay:test",
        place_name="<img src=x onerror=alert(1)>",
        lat=35.0,
        lon=-3.5,
        precision="city",
        figures=(FigureView("@SUM(1)", 3, 3, "people", "killed", "+cmd|' /C calc'!A0", False, "r1"),),
        outlets=("-2+3",),
        report_ids=("r1",),
        deaths_low=3,
        deaths_high=3,
        place_names=("<img src=x onerror=alert(1)>",),
    )
    fields.update(changes)
    return EventView(**fields)  # type: ignore[arg-type]


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_one_row_per_event_with_figures_side_by_side(filled) -> None:  # type: ignore[no-untyped-def]
    events = view_events(filled, ViewState())
    text = export_csv(events)
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(events) == 7  # 6 ACLED + 4 UCDP, 3 of them the same incidents
    (jablah,) = [r for r in rows if r["place"] == "Jablah"]
    assert (jablah["lat"], jablah["lon"], jablah["precision"]) == ("35.3621", "35.9276", "city")
    assert (jablah["deaths_low"], jablah["deaths_high"]) == ("13", "20")
    assert jablah["sources"] == "ACLED; UCDP GED"
    # ACLED imported first: its "at least 13" is figure 1, UCDP's 13-20 figure 2.
    assert (jablah["figure_1_low"], jablah["figure_1_high"], jablah["figure_1_source"]) == ("13", "", "ACLED")
    assert (jablah["figure_2_low"], jablah["figure_2_high"], jablah["figure_2_source"]) == (
        "13",
        "20",
        "UCDP GED",
    )
    (arrests,) = [r for r in rows if r["type"] == "security_operation"]
    assert arrests["figure_1_low"] == "" and arrests["deaths_low"] == ""


def test_csv_cells_never_start_a_spreadsheet_formula() -> None:
    (row,) = list(csv.DictReader(io.StringIO(export_csv([hostile_event()]))))
    assert row["summary"].startswith("'=HYPERLINK")
    assert row["figure_1_text"] == "'@SUM(1)"
    assert row["figure_1_source"].startswith("'+cmd")
    assert row["sources"].startswith("'+cmd")
    assert row["lon"] == "-3.5"  # numbers stay numbers


def test_csv_of_nothing_is_a_header() -> None:
    assert export_csv([]).splitlines() == [
        "id,date_start,date_end,date_precision,type,place,place_id,lat,lon,precision,places,"
        "deaths_low,deaths_high,sources,report_ids,summary"
    ]


# --- GeoJSON ------------------------------------------------------------------------------------


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def test_geojson_points_are_lon_lat_and_areas_are_polygons(filled) -> None:  # type: ignore[no-untyped-def]
    collection = export_geojson(view_events(filled, ViewState()))
    json.dumps(collection, allow_nan=False)  # strict JSON, as RFC 7946 requires
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["place"]: f for f in collection["features"]}
    jablah = features["Jablah"]
    assert jablah["geometry"] == {"type": "Point", "coordinates": [35.9276, 35.3621]}  # lon, lat
    assert [f["source"] for f in jablah["properties"]["figures"]] == ["ACLED", "UCDP GED"]
    assert jablah["properties"]["sources"] == ["ACLED", "UCDP GED"]

    latakia = features["Lattakia"]  # ACLED geo_precision 3: the governorate, no shape known
    assert latakia["properties"]["precision"] == "adm1" and latakia["properties"]["area_approximate"]
    ring = latakia["geometry"]["coordinates"][0]
    assert latakia["geometry"]["type"] == "Polygon" and ring[0] == ring[-1]
    assert _signed_area(ring) > 0  # counterclockwise exterior ring (RFC 7946 section 3.1.6)
    radius_km = AREA_RADIUS_M["adm1"] / 1000  # the same circle the map draws
    for lon, lat in ring:
        assert _km(35.7909, 35.5312, lon, lat) == pytest.approx(radius_km, rel=0.005)


def test_geojson_uses_an_areas_own_shape() -> None:
    square = {
        "type": "Polygon",
        "coordinates": [[[35.7, 34.6], [36.2, 34.6], [36.2, 35.9], [35.7, 35.9], [35.7, 34.6]]],
    }
    event = hostile_event(precision="region", geometry=square)
    (feature,) = export_geojson([event])["features"]
    assert feature["geometry"] == square and feature["properties"]["area_approximate"] is False


def test_circle_crossing_the_antimeridian_keeps_longitudes_in_range() -> None:
    ring = circle_polygon(0.0, 179.9, 50.0)["coordinates"][0]
    assert all(-180 <= lon <= 180 for lon, _ in ring)
    assert any(lon < 0 for lon, _ in ring) and any(lon > 0 for lon, _ in ring)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_map_is_self_contained_and_escapes_hostile_text(filled) -> None:  # type: ignore[no-untyped-def]
    page = export_html([*view_events(filled, ViewState()), hostile_event()], ViewState())
    assert "<script src=" not in page and 'rel="stylesheet" href=' not in page  # all inlined
    assert "Jablah" in page
    assert "<script>alert(" not in page and "<img src=x" not in page


@pytest.mark.browser
def test_exported_html_draws_events_offline(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is missing")
        pytest.skip("Debian chromium is not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "map.html"
    assert main(["export", "--format", "html", "--out", str(out)]) == 0
    blocked: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        page = browser.new_page()

        def route(r):  # type: ignore[no-untyped-def]
            if r.request.url.startswith("file://"):
                return r.continue_()
            blocked.append(r.request.url)
            return r.abort()

        page.route("**/*", route)
        page.goto(out.as_uri())
        page.wait_for_selector(".leaflet-container", timeout=20_000)
        page.wait_for_timeout(1000)  # let the layer draw
        drawn = page.locator("path.leaflet-interactive, .leaflet-marker-icon, .marker-cluster").count()
        browser.close()
    assert drawn >= 1
    assert not [u for u in blocked if not u.startswith("data:")], blocked


# --- the CLI: the same filters as share links -----------------------------------------------------


def test_cli_export_filters_like_a_share_link(filled, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    link = "http://localhost:8501/?from=2025-03-06&to=2025-03-07&types=killings,armed_clash"
    assert main(["export", "--format", "geojson", "--link", link]) == 0
    from_link = json.loads(capsys.readouterr().out)
    args = [
        "export",
        "--format",
        "geojson",
        "--from",
        "2025-03-06",
        "--to",
        "2025-03-07",
        "--types",
        "killings,armed_clash",
    ]
    assert main(args) == 0
    from_flags = json.loads(capsys.readouterr().out)
    assert from_link == from_flags
    state, _ = parse_query({"from": "2025-03-06", "to": "2025-03-07", "types": "killings,armed_clash"})
    expected = {v.id for v in view_events(filled, state)}
    assert {f["id"] for f in from_link["features"]} == expected
    # 6-7 March: Jablah (6th), Banyas (7th, with UCDP's 7-8), Latakia (ACLED's week, UCDP's 7-9).
    assert sorted(f["properties"]["place"] for f in from_link["features"]) == [
        "Banyas",
        "Jablah",
        "Latakia governorate",
        "Lattakia",
    ]


def test_cli_export_to_file_and_bad_filters_are_notices(filled, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "acled.csv"
    assert (
        main(["export", "--format", "csv", "--src", "ACLED", "--from", "2025-13-40", "--out", str(out)]) == 0
    )
    err = capsys.readouterr().err
    assert "Ignored from='2025-13-40'" in err and f"6 event(s) written to {out}" in err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == 6 and all("ACLED" in r["sources"] for r in rows)


def test_export_file_for_download_buttons(filled) -> None:  # type: ignore[no-untyped-def]
    state = ViewState(date_from=date(2025, 3, 6), date_to=date(2025, 3, 9), src=("ACLED",))
    events = view_events(filled, state)
    data, media, name = export_file(events, "geojson", state)
    assert (media, name) == ("application/geo+json", "report-atlas_2025-03-06_to_2025-03-09.geojson")
    assert json.loads(data) == export_geojson(events)
    data, media, name = export_file(events, "csv", ViewState())
    assert (media, name) == ("text/csv", "report-atlas_all-dates.csv")
    assert data.decode("utf-8") == export_csv(events)
    assert export_file(events, "html", state)[1:] == (
        "text/html",
        "report-atlas_2025-03-06_to_2025-03-09.html",
    )
    with pytest.raises(ValueError, match="unknown export format 'kml'"):
        export_file(events, "kml", state)
