"""Is this the same incident another outlet reported? Used by the store to link events
across reports (figures are kept side by side, never summed).

Two events are the same incident when all three hold:

- **type** compatible: equal, or both describe the same violence seen from different
  angles (an ambush that killed 13 is also "killings" in another report; a verification
  statement about killings is about those killings; displacement and shelter go together);
- **place**: the same place, or an area that contains the other's place (shape if known,
  else same governorate code, else centre within 25 km), or points within 25 km;
  country-level places only link with the very same country and type;
- **dates** overlap, with one day of tolerance for day-precision dates (outlets date an
  overnight attack differently). Events without dates do not block a link on time.

Incidents 50 km apart, or on clearly different days, are different incidents.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from dashboard.geo import haversine_km
from dashboard.model import Event, Place

NEAR_KM = 25.0
# Curated event datasets (dashboard/interop): each codes one incident once, so two rows of
# the same dataset are two incidents. Linking them would show their sum as a range.
CODED_DATASETS: frozenset[str] = frozenset({"ACLED", "UCDP GED"})

_COMPATIBLE: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in [
        ("killings", "ambush"),
        ("killings", "armed_clash"),
        ("killings", "attack"),
        ("ambush", "attack"),
        ("ambush", "armed_clash"),
        ("armed_clash", "attack"),
        ("statement", "killings"),
        ("displacement", "shelter"),
        ("security_operation", "armed_clash"),
    ]
)


def compatible_types(a: str, b: str) -> bool:
    """True when two event types can describe the same incident."""
    return a == b or frozenset((a, b)) in _COMPATIBLE


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' reference points (haversine)."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _contains(area: Place, other: Place) -> bool:
    """True when ``area`` (not a point, not a whole country) contains ``other``'s point."""
    if not area.is_area or area.precision == "country":
        return False
    if area.geometry:
        try:
            from shapely.geometry import Point  # only needed for areas with a shape

            return bool(_shape(area.geometry).covers(Point(other.lon, other.lat)))
        except (ValueError, TypeError, AttributeError, KeyError):
            pass  # a malformed shape falls back to the checks below
    if area.kind == "adm1" and area.admin1 and area.country:
        return area.country == other.country and area.admin1 == other.admin1
    return distance_km(area, other) <= NEAR_KM


# Shapely shapes of the outlines last used, by the identity of their GeoJSON dict (kept in
# the entry, so the id cannot be reused while cached): linking a batch asks about the same
# governorate or region many times, and building the shape costs more than the test.
_SHAPES: dict[int, tuple[Any, Any]] = {}
_SHAPES_KEPT = 256


def _shape(geometry: Any) -> Any:
    hit = _SHAPES.get(id(geometry))
    if hit is not None and hit[0] is geometry:
        return hit[1]
    from shapely.geometry import shape

    made = shape(geometry)
    if len(_SHAPES) >= _SHAPES_KEPT:
        _SHAPES.clear()
    _SHAPES[id(geometry)] = (geometry, made)
    return made


def same_place(a: Place, b: Place) -> bool:
    """Same place, an area containing the other, or within ``NEAR_KM`` of each other."""
    if a.id == b.id:
        return True
    if a.precision == "country" or b.precision == "country":
        return False
    if _contains(a, b) or _contains(b, a):
        return True
    return not a.is_area and not b.is_area and distance_km(a, b) <= NEAR_KM


def _dates_overlap(a: Event, b: Event) -> bool:
    if a.date_start is None or b.date_start is None:
        return True
    a_end = a.date_end or a.date_start
    b_end = b.date_end or b.date_start
    slack = timedelta(days=1) if a.date_precision == "day" and b.date_precision == "day" else timedelta(0)
    return a.date_start <= b_end + slack and b.date_start <= a_end + slack


# An attack and killings are one incident when they are dated to the same day ("gunmen
# stormed the village and killed 30"). With a week-long date on either side they are most
# often an attack and the reprisal killings that followed it, which must stay apart or the
# attack's toll would absorb the whole week's (seen with the March 2025 coast reports).
_INCIDENT_TYPES = frozenset({"ambush", "attack", "armed_clash"})


def _too_vague_to_join(a: Event, b: Event) -> bool:
    kinds = {a.type, b.type}
    if "killings" not in kinds or not kinds & _INCIDENT_TYPES:
        return False
    return a.date_precision != "day" or b.date_precision != "day"


def same_incident_in_time_and_kind(a: Event, b: Event) -> bool:
    """The type and date half of ``same_incident`` (the cheap half: batch linking in the
    store asks it before the place half)."""
    return compatible_types(a.type, b.type) and not _too_vague_to_join(a, b) and _dates_overlap(a, b)


def same_incident(a: Event, b: Event, places_by_id: Mapping[str, Place]) -> bool:
    """True when events ``a`` and ``b`` (usually from different reports) are one incident."""
    if not same_incident_in_time_and_kind(a, b):
        return False
    place_a = places_by_id.get(a.place_ids[0]) if a.place_ids else None
    place_b = places_by_id.get(b.place_ids[0]) if b.place_ids else None
    if place_a is None or place_b is None:
        return False  # without a place there is nothing to tie two reports together
    return same_incident_places(a, b, place_a, place_b)


def same_incident_places(
    a: Event, b: Event, place_a: Place, place_b: Place, *, near: bool | None = None
) -> bool:
    """The place half of ``same_incident``, given each event's primary place. ``near`` is
    ``same_place(place_a, place_b)`` when the caller already knows it (the store's batch
    linking works it out once per pair of places, not once per pair of events)."""
    if place_a.source in CODED_DATASETS and place_a.source == place_b.source:
        return False
    if place_a.precision == "country" or place_b.precision == "country":
        return place_a.id == place_b.id and a.type == b.type
    return same_place(place_a, place_b) if near is None else near
