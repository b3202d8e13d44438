"""The geopy adapter and the optional Nominatim fallback.

Nominatim is played by a small HTTP server on 127.0.0.1 (the one outside service, behind
geopy's real HTTP adapter); nothing here reaches the internet. The offline side is real.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from dashboard.geocode.geopy_adapter import GeocodingChain, OfflineGazetteer
from dashboard.geocode.online import OnlineGeocoder, online_geocoder_from_settings

GOOD_ANSWER = [
    {
        "place_id": 1,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0",
        "osm_type": "node",
        "osm_id": 42,
        "lat": "35.4700",
        "lon": "35.9300",
        "name": "Snobar",
        "display_name": "Snobar, Jableh District, Latakia Governorate, Syria",
        "addresstype": "village",
        "address": {"country_code": "sy"},
    }
]


class FakeNominatim(BaseHTTPRequestHandler):
    """Answers /search by the query text: each word picks a behaviour."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        FakeNominatim.hits.append(query)
        if query == "slow":
            time.sleep(1.5)
            self._send(200, json.dumps(GOOD_ANSWER))
        elif query == "limited":
            self._send(429, "Too Many Requests", {"Retry-After": "30"})
        elif query == "broken":
            self._send(503, "Service Unavailable")
        elif query == "garbage":
            self._send(200, "<html>not json{")
        elif query == "weird":
            self._send(200, json.dumps([{"lat": "north", "lon": "east"}]))
        elif query == "nothing":
            self._send(200, "[]")
        else:
            self._send(200, json.dumps(GOOD_ANSWER))

    def _send(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout case)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def online(server: str, tmp_path: Path) -> OnlineGeocoder:
    FakeNominatim.hits.clear()
    return OnlineGeocoder(
        "report-atlas-tests/0.1 (tests@example.org)",
        cache_path=tmp_path / "nominatim.sqlite3",
        timeout=0.5,
        min_delay_seconds=0,
        domain=server,
        scheme="http",
        clock=FakeClock(),
    )


# --- the offline geopy geocoder ------------------------------------------------------------


def test_offline_gazetteer_is_a_geopy_geocoder() -> None:
    geocoder = OfflineGazetteer()
    assert isinstance(geocoder, Geocoder)
    location = geocoder.geocode("Jebleh")
    assert isinstance(location, Location)
    assert location.raw["id"] == "geonames:169304"
    assert location.raw["precision"] == "city" and 0 < location.raw["score"] <= 1
    assert abs(location.latitude - 35.36) < 0.1 and abs(location.longitude - 35.93) < 0.1


def test_offline_gazetteer_lists_and_unknowns() -> None:
    geocoder = OfflineGazetteer()
    several = geocoder.geocode("Tripoli", exactly_one=False, limit=3)
    assert isinstance(several, list) and len(several) == 3
    assert geocoder.geocode("Xqzvbnmville") is None
    assert geocoder.geocode("Tripoli", country_codes="LB").raw["country"] == "LB"


# --- the online fallback ---------------------------------------------------------------------


def test_a_good_answer_is_cached(online: OnlineGeocoder) -> None:
    first = online.geocode("Snobar", country="SY")
    assert first.error is None and first.location is not None and not first.from_cache
    assert abs(first.location.latitude - 35.47) < 1e-6
    again = online.geocode("snobar ", country="sy")
    assert again.from_cache and again.location is not None
    assert FakeNominatim.hits == ["Snobar"]  # asked once
    assert len(online.cache) == 1


def test_not_found_is_an_answer_not_an_error(online: OnlineGeocoder) -> None:
    answer = online.geocode("nothing")
    assert answer.location is None and answer.error is None


@pytest.mark.parametrize("query", ["slow", "broken", "garbage", "weird"])
def test_faults_come_back_as_errors_and_are_not_cached(online: OnlineGeocoder, query: str) -> None:
    answer = online.geocode(query)
    assert answer.location is None
    assert answer.error
    assert len(online.cache) == 0
    online.geocode(query)  # not cached: asked again
    assert FakeNominatim.hits.count(query) == 2


def test_rate_limit_honours_retry_after(online: OnlineGeocoder) -> None:
    answer = online.geocode("limited")
    assert answer.location is None and "429" in (answer.error or "")
    assert "30" in (answer.error or "")
    # Within the Retry-After window nothing is sent.
    later = online.geocode("Snobar")
    assert later.location is None and later.error
    assert FakeNominatim.hits == ["limited"]
    online._clock.now += 31  # type: ignore[attr-defined]
    assert online.geocode("Snobar").location is not None
    assert len(online.cache) == 1


def test_user_agent_is_required(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="REPORT_ATLAS_USER_AGENT"):
        OnlineGeocoder("", cache_path=tmp_path / "c.sqlite3")


def test_online_is_off_by_default_and_needs_an_agent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_ATLAS_NOMINATIM", "0")
    assert online_geocoder_from_settings() == (None, None)
    monkeypatch.setenv("REPORT_ATLAS_NOMINATIM", "1")
    monkeypatch.setenv("REPORT_ATLAS_USER_AGENT", "")
    geocoder, problem = online_geocoder_from_settings()
    assert geocoder is None and problem and "REPORT_ATLAS_USER_AGENT" in problem


# --- the chain -------------------------------------------------------------------------------


def test_chain_asks_offline_first(online: OnlineGeocoder) -> None:
    chain = GeocodingChain(OfflineGazetteer(), online)
    answer = chain.geocode("Latakia")
    assert answer.source == "offline" and answer.place is not None
    assert answer.place.id == "geonames:173576"
    assert FakeNominatim.hits == []


def test_chain_falls_back_online_for_unknown_names(online: OnlineGeocoder) -> None:
    chain = GeocodingChain(OfflineGazetteer(), online)
    answer = chain.geocode("Snoubar village", country="SY")
    assert answer.source == "nominatim" and answer.place is not None
    assert answer.place.id == "osm:node/42" and answer.place.precision == "exact"
    assert chain.geocode("Snoubar village", country="SY").source == "nominatim-cache"


@pytest.mark.parametrize("query", ["slow", "limited", "broken", "garbage", "weird"])
def test_chain_never_raises_on_online_faults(online: OnlineGeocoder, query: str) -> None:
    answer = GeocodingChain(OfflineGazetteer(), online).geocode(query)
    assert answer.location is None and answer.source is None
    assert answer.problems


def test_chain_without_online(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_ATLAS_NOMINATIM", "0")
    answer = GeocodingChain().geocode("Xqzvbnmville")
    assert answer.location is None and answer.problems == []
