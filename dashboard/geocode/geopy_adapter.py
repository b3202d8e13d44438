"""geopy-compatible geocoders: the offline gazetteer as a geopy ``Geocoder``, and the chain.

``OfflineGazetteer().geocode("Jableh")`` returns a ``geopy.location.Location`` like any
geopy geocoder, with our ``Place`` (``to_dict()`` plus ``score``) in ``.raw``, so it can
sit in front of geopy's own geocoders. ``GeocodingChain`` asks it first and, when the
settings allow, Nominatim after it; online failures come back as ``problems``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from dashboard.geocode.gazetteer import Gazetteer, ResolutionContext, load_gazetteer
from dashboard.geocode.online import OnlineGeocoder, online_geocoder_from_settings, place_from_nominatim
from dashboard.model import Place


def location_of(place: Place, score: float, gazetteer: Gazetteer | None = None) -> Location:
    country = gazetteer.country_name(place.country) if gazetteer and place.country else None
    address = place.name if not country or place.kind == "country" else f"{place.name}, {country}"
    raw: dict[str, Any] = {**place.to_dict(), "score": score}
    return Location(address, (place.lat, place.lon), raw)


class OfflineGazetteer(Geocoder):
    """The offline gazetteer behind geopy's ``Geocoder`` interface (no network at all)."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, country: str | None = None, **kwargs: Any):
        kwargs.setdefault("user_agent", "report-atlas-offline")
        super().__init__(**kwargs)
        self._gazetteer = gazetteer
        self.country = country

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | None = None,
        limit: int | None = None,
        context: ResolutionContext | None = None,
        timeout: Any = None,
    ) -> Location | list[Location] | None:
        """Like geopy's ``geocode``: one Location, a list (``exactly_one=False``), or None."""
        country = country_codes or self.country
        found = self.gazetteer.candidates(
            str(query), country=country, context=context, limit=1 if exactly_one else (limit or 10)
        )
        locations = [location_of(place, score, self.gazetteer) for place, score in found]
        if exactly_one:
            return locations[0] if locations else None
        return locations or None


@dataclass
class ChainAnswer:
    """The chain's answer: a Location (or None), where it came from, and what went wrong."""

    location: Location | None
    source: str | None  # "offline" | "nominatim" | "nominatim-cache" | None
    problems: list[str] = field(default_factory=list)

    @property
    def place(self) -> Place | None:
        if self.location is None:
            return None
        raw = self.location.raw
        if self.source == "offline":
            return Place.from_dict(raw)
        return place_from_nominatim(raw)


class GeocodingChain:
    """Offline first; Nominatim only for names the gazetteer does not know, if enabled."""

    def __init__(self, offline: OfflineGazetteer | None = None, online: OnlineGeocoder | None = None):
        self.offline = offline or OfflineGazetteer()
        self.online = online
        self.problems: list[str] = []
        if online is None:
            self.online, problem = online_geocoder_from_settings()
            if problem:
                self.problems.append(problem)

    def geocode(self, query: str, country: str | None = None) -> ChainAnswer:
        location = self.offline.geocode(query, exactly_one=True, country_codes=country)
        if isinstance(location, Location):
            return ChainAnswer(location, "offline", list(self.problems))
        if self.online is None:
            return ChainAnswer(None, None, list(self.problems))
        answer = self.online.geocode(query, country=country)
        problems = list(self.problems) + ([answer.error] if answer.error else [])
        if answer.location is None:
            return ChainAnswer(None, None, problems)
        return ChainAnswer(answer.location, "nominatim-cache" if answer.from_cache else "nominatim", problems)
