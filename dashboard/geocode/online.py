"""Optional online fallback: OpenStreetMap Nominatim through geopy, politely and safely.

Off unless ``REPORT_ATLAS_NOMINATIM=1``. Nominatim's usage policy asks for an identifying
user agent and at most one request per second, so this refuses to run without
``REPORT_ATLAS_USER_AGENT``, goes through geopy's ``RateLimiter``, and keeps every answer
in a SQLite cache in ``cache_dir()`` so a name is asked once. Failures (timeout, 429 with
Retry-After, 5xx, malformed JSON, no network) are returned as a message, never raised,
and never cached: the next call may succeed.

Tests point ``domain``/``scheme`` at a fake server on 127.0.0.1; nothing here is tested
against the internet.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geopy.adapters import URLLibAdapter
from geopy.exc import GeocoderRateLimited, GeocoderTimedOut, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location

from dashboard import settings
from dashboard.model import Place

NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"
CACHE_FILENAME = "nominatim-cache.sqlite3"
# geopy's sample agents, which Nominatim blocks; refusing them early gives a clear message.
_SAMPLE_AGENTS = {"", "my-application", "geopy", "specify_your_app_name_here"}

# Nominatim's addresstype -> our precision / kind.
_PRECISION = {
    "country": ("country", "country"),
    "state": ("adm1", "adm1"),
    "province": ("adm1", "adm1"),
    "region": ("region", "region"),
    "county": ("adm2", "adm2"),
    "state_district": ("adm2", "adm2"),
    "city": ("city", "city"),
    "town": ("city", "city"),
    "municipality": ("city", "city"),
    "village": ("exact", "village"),
    "hamlet": ("exact", "village"),
    "suburb": ("exact", "village"),
    "neighbourhood": ("exact", "village"),
}


@dataclass(frozen=True)
class OnlineAnswer:
    """What one online lookup gave: a Location (or None for "not found"), or an error."""

    location: Location | None
    from_cache: bool = False
    error: str | None = None


class AnswerCache:
    """Persistent cache of Nominatim answers (raw JSON) in SQLite. Only successes go in."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS answers ("
                " query TEXT PRIMARY KEY, raw TEXT, fetched_at REAL NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def get(self, key: str) -> tuple[bool, dict[str, Any] | None]:
        """(found, raw answer or None for a cached "not found")."""
        with self._lock, self._connect() as db:
            row = db.execute("SELECT raw FROM answers WHERE query = ?", (key,)).fetchone()
        if row is None:
            return False, None
        return True, (json.loads(row[0]) if row[0] is not None else None)

    def put(self, key: str, raw: dict[str, Any] | None) -> None:
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO answers (query, raw, fetched_at) VALUES (?, ?, ?)",
                (key, json.dumps(raw) if raw is not None else None, time.time()),
            )

    def __len__(self) -> int:
        with self._lock, self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM answers").fetchone()[0])


def place_from_nominatim(raw: dict[str, Any]) -> Place:
    """Our Place for one Nominatim result (id ``osm:<type>/<id>``)."""
    addresstype = str(raw.get("addresstype") or raw.get("type") or "")
    precision, kind = _PRECISION.get(addresstype, ("exact", "landmark"))
    address = raw.get("address") or {}
    country = address.get("country_code")
    name = str(raw.get("name") or str(raw.get("display_name", "")).split(",")[0] or "?")
    return Place(
        id=f"osm:{raw.get('osm_type', 'x')}/{raw.get('osm_id', raw.get('place_id', '0'))}",
        name=name,
        kind=kind,
        lat=round(float(raw["lat"]), 6),
        lon=round(float(raw["lon"]), 6),
        precision=precision,
        country=country.upper() if isinstance(country, str) else None,
        source=f"OpenStreetMap Nominatim ({raw.get('licence', 'ODbL')})",
    )


class OnlineGeocoder:
    """Nominatim behind a rate limiter and a persistent cache; never raises on lookups."""

    def __init__(
        self,
        user_agent: str,
        *,
        cache_path: Path | None = None,
        timeout: float = 5.0,
        min_delay_seconds: float = 1.0,
        domain: str = NOMINATIM_DOMAIN,
        scheme: str = "https",
        clock: Callable[[], float] = time.monotonic,
    ):
        if user_agent.strip().lower() in _SAMPLE_AGENTS:
            raise ValueError(
                "Nominatim needs an identifying user agent: set REPORT_ATLAS_USER_AGENT, "
                "e.g. 'report-atlas/0.1 (you@example.org)'"
            )
        self.user_agent = user_agent
        self.cache = AnswerCache(cache_path or settings.cache_dir() / CACHE_FILENAME)
        self.timeout = timeout
        self._clock = clock
        self._blocked_until = 0.0
        # geopy's requests adapter retries timeouts, 429s and 5xx inside urllib3 (three
        # requests for one lookup, ignoring Retry-After); the urllib adapter asks once.
        self._nominatim = Nominatim(
            user_agent=user_agent,
            timeout=timeout,
            domain=domain,
            scheme=scheme,
            adapter_factory=URLLibAdapter,
        )
        # No retries here: a failed lookup falls back to offline at once and is retried on
        # a later call; the limiter only spaces the requests out.
        self._limited = RateLimiter(
            self._nominatim.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )

    @staticmethod
    def _key(query: str, country: str | None) -> str:
        return f"{(country or '').lower()}|{' '.join(query.lower().split())}"

    def geocode(self, query: str, country: str | None = None) -> OnlineAnswer:
        key = self._key(query, country)
        found, raw = self.cache.get(key)
        if found:
            return OnlineAnswer(self._location(raw), from_cache=True)
        now = self._clock()
        if now < self._blocked_until:
            wait = self._blocked_until - now
            return OnlineAnswer(None, error=f"Nominatim asked us to wait; {wait:.0f} s left")
        try:
            location = self._limited(
                query,
                exactly_one=True,
                addressdetails=True,
                country_codes=country.lower() if country else None,
                timeout=self.timeout,
            )
        except GeocoderRateLimited as exc:
            retry = float(exc.retry_after) if exc.retry_after else 60.0
            self._blocked_until = self._clock() + retry
            return OnlineAnswer(None, error=f"Nominatim rate limit (429), retry after {retry:.0f} s")
        except GeocoderTimedOut:
            return OnlineAnswer(None, error=f"Nominatim timed out after {self.timeout:g} s")
        except GeopyError as exc:
            return OnlineAnswer(None, error=f"Nominatim failed: {type(exc).__name__}: {exc}")
        except Exception as exc:  # malformed answers surface as KeyError/ValueError from parsing
            return OnlineAnswer(None, error=f"Nominatim answer unusable: {type(exc).__name__}: {exc}")
        raw_answer = location.raw if location is not None else None
        if raw_answer is not None:
            try:
                place_from_nominatim(raw_answer)
            except (KeyError, TypeError, ValueError) as exc:
                return OnlineAnswer(None, error=f"Nominatim answer unusable: {type(exc).__name__}: {exc}")
        self.cache.put(key, raw_answer)
        return OnlineAnswer(self._location(raw_answer))

    @staticmethod
    def _location(raw: dict[str, Any] | None) -> Location | None:
        if raw is None:
            return None
        place = place_from_nominatim(raw)
        return Location(str(raw.get("display_name") or place.name), (place.lat, place.lon), raw)


def online_geocoder_from_settings() -> tuple[OnlineGeocoder | None, str | None]:
    """The online geocoder if settings enable it, else None; plus why not, when asked for."""
    if not settings.flag("REPORT_ATLAS_NOMINATIM"):
        return None, None
    try:
        return OnlineGeocoder(settings.get("REPORT_ATLAS_USER_AGENT")), None
    except ValueError as exc:
        return None, str(exc)
