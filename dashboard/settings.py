"""Every setting declared once: name, default, help (used by the CLI, README and a test)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "REPORT_ATLAS_DB",
        str(Path.home() / ".local/share/report-atlas/atlas.db"),
        "Where the store lives: a SQLite file path (default) or a postgresql:// URL.",
    ),
    Setting(
        "REPORT_ATLAS_CACHE_DIR",
        str(Path.home() / ".cache/report-atlas"),
        "Where the compact gazetteer index and the online-geocoder cache are kept.",
    ),
    Setting(
        "REPORT_ATLAS_OFFLINE",
        "1",
        "1: serve Leaflet/MarkerCluster from the app itself and use no online service. 0: allow CDN assets.",
    ),
    Setting(
        "REPORT_ATLAS_NOMINATIM",
        "0",
        "1: ask OpenStreetMap Nominatim (through geopy) for places the offline gazetteer does not know.",
    ),
    Setting(
        "REPORT_ATLAS_USER_AGENT",
        "",
        "User agent sent to Nominatim (required by its usage policy when REPORT_ATLAS_NOMINATIM=1).",
    ),
    Setting(
        "REPORT_ATLAS_GEODATA",
        "",
        "Extra place files (CSV/GeoJSON) or folders for the gazetteer overlay, separated by ':'.",
    ),
    Setting(
        "REPORT_ATLAS_ALLOW_PRIVATE_URLS",
        "0",
        "1: let the app's Add reports form fetch from local or private network addresses (off: the "
        "server never fetches from its own network on a visitor's behalf).",
    ),
    Setting(
        "REPORT_ATLAS_DEMO",
        "1",
        "1: load the demo reports into an empty store when the app starts.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The current value of a declared setting (environment first, then the default)."""
    setting = _BY_NAME[name]  # KeyError for undeclared names is deliberate
    return os.environ.get(name, setting.default)


def flag(name: str) -> bool:
    return get(name).strip().lower() in {"1", "true", "yes", "on"}


def cache_dir() -> Path:
    path = Path(get("REPORT_ATLAS_CACHE_DIR")).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
