"""Place reading that the reliability suites depend on (found while generating the
concurrency and fuzz reports): month names are dates, not towns; Syrian places named in
a Syrian report resolve in Syria; the primary place of an event is one the text names
for it."""

from __future__ import annotations

import pytest

from dashboard.geo import haversine_km
from dashboard.pipeline import extract_report

_km = haversine_km


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@pytest.mark.parametrize("month", MONTHS)
def test_month_names_in_dates_are_not_places(month: str) -> None:
    # "March" resolved to March, Cambridgeshire and "August" to August, California, and
    # the latter became the event's primary place, so reports on neighbouring days from
    # Homs and Latakia were linked as one incident "in August".
    ex = extract_report(f"Shelling killed 5 civilians in Homs on 3 {month} 2024, a local monitor said.")
    resolved = {m.surface for m in ex.mentions if m.place_id is not None}
    assert month not in resolved
    places = ex.place_by_id()
    assert len(ex.events) == 1
    primary = places[ex.events[0].place_ids[0]]
    assert primary.country == "SY" and _km(primary.lat, primary.lon, 34.73, 36.71) < 15  # Homs


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Palmyra", 34.56, 38.27),  # Tadmur; was resolved to Palmyra, Pennsylvania
        ("Qardaha", 35.45, 36.06),  # Al Qardahah, named in DESIGN.md; was not found
    ],
)
def test_syrian_places_in_a_syrian_report(name: str, lat: float, lon: float) -> None:
    ex = extract_report(
        f"Shelling killed 7 civilians in {name} in Syria on 14 November 2023, a monitor said."
    )
    places = ex.place_by_id()
    found = [places[m.place_id] for m in ex.mentions if m.surface == name and m.place_id in places]
    assert found, [(m.surface, m.place_id) for m in ex.mentions]
    assert found[0].country == "SY" and _km(found[0].lat, found[0].lon, lat, lon) < 15, found[0]


def test_qardaha_is_found_without_a_country_named() -> None:
    # DESIGN.md lists Qardaha among the places reports of that week name; cities500 has it
    # as Al Qardāḩah. Found with "in Syria" in the sentence, not without.
    ex = extract_report("Gunmen attacked a checkpoint in Qardaha on 7 March 2025, killing 4 people.")
    places = ex.place_by_id()
    found = [places[m.place_id] for m in ex.mentions if m.surface == "Qardaha" and m.place_id in places]
    assert found and found[0].country == "SY", [(m.surface, m.place_id) for m in ex.mentions]


def test_a_dateline_is_not_the_place_of_the_incident() -> None:
    # Wire stories open with the city they were filed from; the incident is where the
    # sentence says it happened.
    ex = extract_report(
        "DAMASCUS (Wire) - Shelling killed 3 civilians in Aleppo on 6 March 2025, a monitor said."
    )
    places = ex.place_by_id()
    assert len(ex.events) == 1
    assert places[ex.events[0].place_ids[0]].name == "Aleppo", [
        places[p].name for p in ex.events[0].place_ids
    ]


def test_the_conflict_prior_gives_way_to_the_country_a_report_names() -> None:
    # Palmyra alone is Syria's Tadmur (geodata/conflict_countries.csv), but this report is
    # about Palmyra, Pennsylvania (40.31 N 76.59 W) in the United States.
    ex = extract_report(
        "A tornado killed 2 people in Palmyra, Pennsylvania, on 3 June 2024, "
        "the United States weather service said."
    )
    places = ex.place_by_id()
    found = [places[m.place_id] for m in ex.mentions if m.surface == "Palmyra" and m.place_id in places]
    assert found and found[0].country == "US" and _km(found[0].lat, found[0].lon, 40.31, -76.59) < 15


def test_a_wire_dateline_is_a_mention_but_not_the_scene() -> None:
    # "KYIV, ..." says where the story was filed: a place mention (Kyiv), while the strike's
    # place is Odesa (46.48 N 30.73 E).
    ex = extract_report(
        "KYIV, March 16 - A Russian missile strike killed 21 people in Odesa on 15 March 2024, "
        "Ukraine's interior minister said."
    )
    places = ex.place_by_id()
    assert any(m.surface == "KYIV" and m.place_id for m in ex.mentions)
    assert ex.events
    primary = places[ex.events[0].place_ids[0]]
    assert _km(primary.lat, primary.lon, 46.48, 30.73) < 15


def test_a_village_geonames_lacks_is_not_its_namesake_abroad() -> None:
    # GeoNames' only "Koya" is a village in Japan; this report is about Daraa, so "in Koya"
    # names a Syrian village the gazetteer lacks, and must stay unresolved rather than jump
    # 9,000 km east. Daraa itself still resolves in Syria.
    ex = extract_report(
        "Israeli troops shelled the village of Koya in Syria's Daraa province on Tuesday. "
        "Two men were killed in Koya, residents said."
    )
    places = ex.place_by_id()
    resolved = [places[m.place_id] for m in ex.mentions if m.place_id is not None]
    assert all(p.country == "SY" for p in resolved)
    assert any(m.surface.startswith("Daraa") and m.place_id is not None for m in ex.mentions)
