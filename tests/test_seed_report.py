"""The first acceptance case: the seed report through the whole pipeline (real gazetteer).

Expected values come from reading the seed text and DESIGN.md, not from running the code.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.geo import haversine_km
from dashboard.model import Extraction
from dashboard.pipeline import extract_report

PUBLISHED = date(2025, 3, 14)


km = haversine_km


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Extraction:
    return extract_report(seed_text, published=PUBLISHED, source="Seed report")


def _place_of(seed: Extraction, surface_part: str):  # type: ignore[no-untyped-def]
    places = seed.place_by_id()
    for m in seed.mentions:
        if surface_part.lower() in m.surface.lower() and m.place_id in places:
            return places[m.place_id]
    raise AssertionError(
        f"no resolved mention containing {surface_part!r}: {[m.surface for m in seed.mentions]}"
    )


def test_offsets_point_at_the_text(seed: Extraction) -> None:
    text = seed.report.text
    for m in seed.mentions:
        assert text[m.start : m.end] == m.surface
    for f in seed.figures:
        assert 0 <= f.start < f.end <= len(text)
        assert f.surface in text[f.start : f.end]


def test_latakia_is_the_geonames_city(seed: Extraction) -> None:
    latakia = _place_of(seed, "Latakia")
    assert latakia.id == "geonames:173576"
    assert latakia.precision == "city" and latakia.country == "SY"


def test_russian_airbase_is_hmeimim_from_the_overlay(seed: Extraction) -> None:
    base = _place_of(seed, "airbase")
    assert base.id.startswith("overlay:") and "hmeimim" in base.id
    assert base.precision == "exact"
    assert base.source  # the overlay names where its coordinate comes from
    # Hmeimim Air Base lies south-east of Latakia, near Jableh (~35.41 N, 35.95 E).
    assert km(base.lat, base.lon, 35.41, 35.95) < 5


def test_the_coastal_area_is_an_area_not_a_point(seed: Extraction) -> None:
    coast = _place_of(seed, "coastal")
    assert coast.precision in {"region", "adm1"}
    assert coast.geometry is not None and coast.geometry["type"] in {"Polygon", "MultiPolygon"}


def test_person_names_are_not_places(seed: Extraction) -> None:
    surfaces = " ".join(m.surface for m in seed.mentions if m.place_id)
    for name in ("Sharaa", "Assad", "Haik", "Dalaal", "Mahna"):
        assert name not in surfaces


def test_the_three_casualty_figures(seed: Extraction) -> None:
    figures = {(f.low, f.high): f for f in seed.figures}
    deaths = figures[(1401, None)]
    assert (deaths.qualifier, deaths.category, deaths.outcome) == ("more_than", "civilians", "killed")
    assert deaths.attributed_to is not None and "news reports" in deaths.attributed_to.lower()

    ambush = figures[(13, 13)]
    assert (ambush.qualifier, ambush.category, ambush.outcome) == ("exact", "security_forces", "killed")

    un = figures[(111, None)]
    assert (un.qualifier, un.category, un.outcome) == ("at_least", "civilians", "killed")
    assert un.verified is True
    assert un.attributed_to is not None and "human rights office" in un.attributed_to.lower()


def test_no_casualty_figure_from_an_age(seed: Extraction) -> None:
    assert all(f.low != 25 and f.high != 25 for f in seed.figures)


def test_events_link_their_figures(seed: Extraction) -> None:
    by_figure = {fid: e for e in seed.events for fid in e.figure_ids}
    figures = {(f.low, f.high): f for f in seed.figures}
    assert by_figure[figures[(13, 13)].id].type == "ambush"
    assert by_figure[figures[(1401, None)].id].type == "killings"
    for event in seed.events:
        assert seed.report.text[event.summary_start : event.summary_end] == event.summary
        assert event.place_ids, f"event without a place: {event.summary}"
        # "last week" / "over the past week" before 14 March 2025: nothing after publication.
        assert event.date_start is not None and event.date_start <= PUBLISHED
    assert any(e.type == "shelter" for e in seed.events)
