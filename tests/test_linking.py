"""Linking the same incident across reports (dashboard.extract.linking.same_incident)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.linking import distance_km, same_incident, same_place
from dashboard.model import Event, Place

LATAKIA = Place("geonames:173576", "Latakia", "city", 35.53125, 35.79088, "city", "SY", "02", "geonames")
JABLEH = Place("geonames:169304", "Jablah", "city", 35.36107, 35.92557, "city", "SY", "02", "geonames")
BANIYAS = Place("geonames:171830", "Baniyas", "city", 35.18188, 35.94871, "city", "SY", "14", "geonames")
HMEIMIM = Place(
    "overlay:hmeimim-air-base", "Hmeimim Air Base", "landmark", 35.401, 35.949, "exact", "SY", "02", "overlay"
)
SNOBAR = Place("geonames:163806", "Snobar", "village", 35.4669, 35.9253, "exact", "SY", "02", "geonames")
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "city", "SY", "14", "geonames")
LATAKIA_GOV = Place("adm1:SY.02", "Latakia Governorate", "adm1", 35.6, 36.0, "adm1", "SY", "02", "geonames")
# A rough box around the coast between Latakia and Tartus (lon, lat).
COAST = Place(
    "overlay:syrian-coast",
    "Syrian coast",
    "region",
    35.2,
    35.95,
    "region",
    "SY",
    None,
    "overlay",
    geometry={
        "type": "Polygon",
        "coordinates": [[[35.7, 34.8], [36.3, 34.8], [36.3, 35.9], [35.7, 35.9], [35.7, 34.8]]],
    },
)
SYRIA = Place("geonames:163843", "Syria", "country", 35.0, 38.0, "country", "SY", None, "geonames")
PLACES = {p.id: p for p in (LATAKIA, JABLEH, BANIYAS, HMEIMIM, SNOBAR, TARTUS, LATAKIA_GOV, COAST, SYRIA)}


def event(
    place: Place | None,
    start: date | None,
    end: date | None = None,
    precision: str = "day",
    kind: str = "killings",
    report: str = "r1",
) -> Event:
    return Event(
        id=f"evt-{report}-{place.id if place else 'none'}",
        report_ids=(report,),
        date_start=start,
        date_end=end or start,
        date_precision=precision,
        place_ids=(place.id,) if place else (),
        type=kind,
        summary="",
        summary_start=0,
        summary_end=0,
        figure_ids=(),
    )


def test_distances_between_real_towns() -> None:
    # Latakia - Jableh is about 25 km along the coast; Latakia - Tartus about 75 km.
    assert 20 < distance_km(LATAKIA, JABLEH) < 28
    assert 65 < distance_km(LATAKIA, TARTUS) < 80


def test_same_town_same_day_from_two_outlets() -> None:
    a = event(JABLEH, date(2025, 3, 6), kind="ambush", report="wire")
    b = event(JABLEH, date(2025, 3, 6), kind="killings", report="broadcast")
    assert same_incident(a, b, PLACES)


def test_a_day_apart_is_tolerated_for_day_precision() -> None:
    a = event(JABLEH, date(2025, 3, 6))
    b = event(JABLEH, date(2025, 3, 7))
    assert same_incident(a, b, PLACES)


def test_clearly_different_days_are_different_incidents() -> None:
    a = event(JABLEH, date(2025, 3, 6))
    b = event(JABLEH, date(2025, 3, 12))
    assert not same_incident(a, b, PLACES)


def test_a_week_range_overlapping_a_day() -> None:
    a = event(LATAKIA, date(2025, 3, 3), date(2025, 3, 9), precision="week")
    b = event(LATAKIA, date(2025, 3, 7))
    assert same_incident(a, b, PLACES)


def test_nearby_points_link_but_50_km_apart_do_not() -> None:
    # Hmeimim is ~12 km from Jableh; Baniyas is ~40 km from Latakia; Tartus ~75 km.
    assert same_incident(event(HMEIMIM, date(2025, 3, 7)), event(JABLEH, date(2025, 3, 7)), PLACES)
    assert not same_incident(event(LATAKIA, date(2025, 3, 7)), event(BANIYAS, date(2025, 3, 7)), PLACES)
    assert not same_incident(event(LATAKIA, date(2025, 3, 7)), event(TARTUS, date(2025, 3, 7)), PLACES)


def test_area_containing_the_other_place() -> None:
    # The coast polygon contains Baniyas; the governorate of Latakia contains Jableh (admin1 02).
    week = (date(2025, 3, 3), date(2025, 3, 9))
    assert same_incident(event(COAST, *week, precision="week"), event(BANIYAS, date(2025, 3, 8)), PLACES)
    assert same_incident(event(LATAKIA_GOV, *week, precision="week"), event(JABLEH, date(2025, 3, 8)), PLACES)
    assert not same_incident(
        event(LATAKIA_GOV, *week, precision="week"), event(TARTUS, date(2025, 3, 8)), PLACES
    )


def test_country_level_events_do_not_swallow_towns() -> None:
    assert not same_place(SYRIA, LATAKIA)
    assert not same_incident(event(SYRIA, date(2025, 3, 7)), event(LATAKIA, date(2025, 3, 7)), PLACES)


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        ("ambush", "killings", True),
        ("attack", "armed_clash", True),
        ("statement", "killings", True),
        ("shelter", "displacement", True),
        ("shelter", "killings", False),
        ("displacement", "ambush", False),
        ("security_operation", "shelter", False),
    ],
)
def test_type_compatibility(a: str, b: str, linked: bool) -> None:
    assert (
        same_incident(
            event(JABLEH, date(2025, 3, 6), kind=a), event(JABLEH, date(2025, 3, 6), kind=b), PLACES
        )
        is linked
    )


def test_an_ambush_and_a_week_of_killings_stay_apart() -> None:
    # The ambush of 6 March and the killings reported "last week" around Latakia are not one
    # incident, though the types are compatible and the dates overlap; same-day ones are.
    ambush = event(JABLEH, date(2025, 3, 6), kind="ambush", report="r1")
    week = event(
        LATAKIA_GOV, date(2025, 3, 3), date(2025, 3, 9), precision="week", kind="killings", report="r2"
    )
    assert not same_incident(ambush, week, PLACES) and not same_incident(week, ambush, PLACES)
    same_day = event(JABLEH, date(2025, 3, 6), kind="killings", report="r2")
    assert same_incident(ambush, same_day, PLACES)
    # Two week-long reports of the same kind still link.
    week_ambush = event(LATAKIA_GOV, date(2025, 3, 3), date(2025, 3, 9), precision="week", kind="ambush")
    assert same_incident(week_ambush, ambush, PLACES)


def test_no_place_no_link() -> None:
    assert not same_incident(event(None, date(2025, 3, 6)), event(JABLEH, date(2025, 3, 6)), PLACES)


def test_link_is_symmetric() -> None:
    pairs = [
        (event(COAST, date(2025, 3, 3), date(2025, 3, 9), "week"), event(BANIYAS, date(2025, 3, 8))),
        (event(HMEIMIM, date(2025, 3, 7)), event(SNOBAR, date(2025, 3, 8), kind="attack")),
        (event(LATAKIA, date(2025, 3, 7)), event(TARTUS, date(2025, 3, 7))),
    ]
    for a, b in pairs:
        assert same_incident(a, b, PLACES) == same_incident(b, a, PLACES)
