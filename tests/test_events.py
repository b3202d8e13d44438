"""Events built from a report's figures, places and dates.

Mentions and places are constructed here directly (they are plain values), so these tests
exercise event building alone; the lead's integration test runs the whole pipeline.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from dashboard.extract.dates import date_mentions
from dashboard.extract.events import build_events, sentence_event_type
from dashboard.extract.figures import casualty_figures
from dashboard.model import Event, Mention, Place, Report

LATAKIA = Place("geonames:173576", "Latakia", "city", 35.53125, 35.79088, "city", "SY", "02", "geonames")
HMEIMIM = Place(
    "overlay:hmeimim-air-base", "Hmeimim Air Base", "landmark", 35.401, 35.949, "exact", "SY", "02", "overlay"
)
COAST = Place("overlay:syrian-coast", "Syrian coast", "region", 35.2, 35.95, "region", "SY", None, "overlay")
SYRIA = Place("geonames:163843", "Syria", "country", 35.0, 38.0, "country", "SY", None, "geonames")
JABLEH = Place("geonames:169304", "Jablah", "city", 35.36, 35.92, "city", "SY", "02", "geonames")
BANIYAS = Place("geonames:171830", "Baniyas", "city", 35.18, 35.94, "city", "SY", "14", "geonames")


def mentions_for(report: Report, patterns: list[tuple[str, Place]]) -> list[Mention]:
    """What a place finder would report: every match of each pattern, resolved to its place."""
    found = [
        Mention(report.id, m.start(), m.end(), m.group(0), place.id, 0.9)
        for pattern, place in patterns
        for m in re.finditer(pattern, report.text)
    ]
    return sorted(found, key=lambda m: m.start)


def events_for(report: Report, patterns: list[tuple[str, Place]]) -> list[Event]:
    places = list({p.id: p for _, p in patterns}.values())
    return build_events(
        report,
        mentions_for(report, patterns),
        places,
        casualty_figures(report.text, report.id),
        date_mentions(report.text, report.published),
    )


# --- the seed report ---------------------------------------------------------------------

SEED_PLACES = [
    (r"(?:Russian (?:military )?)?[Aa]irbase", HMEIMIM),
    (r"Latakia", LATAKIA),
    (r"coastal area", COAST),
    (r"\bSyria\b", SYRIA),
]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> tuple[Report, list[Event]]:
    report = Report.from_text(seed_text, published=date(2025, 3, 14))
    return report, events_for(report, SEED_PLACES)


def _by_figure(report: Report, events: list[Event], surface: str) -> Event:
    figure = next(f for f in casualty_figures(report.text, report.id) if f.surface == surface)
    return next(e for e in events if figure.id in e.figure_ids)


def test_seed_ambush_carries_the_13(seed: tuple[Report, list[Event]]) -> None:
    report, events = seed
    ambush = _by_figure(report, events, "13")
    assert ambush.type == "ambush"
    assert ambush.summary.startswith("A recent ambush that claimed the lives of 13 security personnel")
    # No place in its paragraph: the report's main casualty place (Latakia) stands in.
    assert ambush.place_ids == (LATAKIA.id,)


def test_seed_killings_in_latakia_carry_the_1400(seed: tuple[Report, list[Event]]) -> None:
    report, events = seed
    killings = _by_figure(report, events, "over 1,400")
    assert killings.type == "killings"
    assert killings.place_ids[0] == LATAKIA.id
    # "As the violence surged last week" in a report of Friday 14 March 2025.
    assert (killings.date_start, killings.date_end, killings.date_precision) == (
        date(2025, 3, 3),
        date(2025, 3, 9),
        "week",
    )


def test_seed_un_verification_is_its_own_statement(seed: tuple[Report, list[Event]]) -> None:
    report, events = seed
    statement = _by_figure(report, events, "at least 111")
    assert statement.type == "statement"
    assert "verified at least 111 civilian killings" in statement.summary
    # Its paragraph says "over the past week": 7..14 March.
    assert (statement.date_start, statement.date_end) == (date(2025, 3, 7), date(2025, 3, 14))


def test_seed_families_sheltering_at_the_airbase_is_one_event(seed: tuple[Report, list[Event]]) -> None:
    _, events = seed
    shelter = [e for e in events if e.type == "shelter"]
    assert len(shelter) == 1
    assert shelter[0].place_ids[0] == HMEIMIM.id
    assert shelter[0].figure_ids == ()


def test_seed_security_operations(seed: tuple[Report, list[Event]]) -> None:
    _, events = seed
    operations = [e for e in events if e.type == "security_operation"]
    assert len(operations) == 1
    assert operations[0].place_ids == (COAST.id,)


def test_seed_event_basics(seed: tuple[Report, list[Event]]) -> None:
    report, events = seed
    assert {e.type for e in events} == {"shelter", "killings", "ambush", "statement", "security_operation"}
    for event in events:
        assert report.text[event.summary_start : event.summary_end] == event.summary
        assert event.report_ids == (report.id,)
        assert event.date_start is not None and event.date_end is not None
        assert event.date_start <= event.date_end <= date(2025, 3, 14)
    assert len({e.id for e in events}) == len(events)
    # Every figure belongs to exactly one event.
    figure_ids = [fid for e in events for fid in e.figure_ids]
    assert sorted(figure_ids) == sorted(f.id for f in casualty_figures(report.text, report.id))


def test_event_ids_are_stable(seed_text: str, seed: tuple[Report, list[Event]]) -> None:
    report, events = seed
    again = events_for(Report.from_text(seed_text, published=date(2025, 3, 14)), SEED_PLACES)
    assert [e.id for e in again] == [e.id for e in events]


# --- general rules on reports written for these tests ----------------------------------------------


def test_no_violence_no_events() -> None:
    text = (
        "Latakia port reopens to container ships\n"
        "The port of Latakia reopened on Tuesday after repairs to its cranes, officials said. "
        "Traders expect 40 ships to call there this month."
    )
    report = Report.from_text(text, published=date(2025, 5, 2))
    assert events_for(report, [(r"Latakia", LATAKIA)]) == []


def test_killings_in_two_towns_are_two_events() -> None:
    text = (
        "Gunmen killed 30 people in Baniyas on Saturday, residents said. "
        "In Jableh, 20 civilians were killed on Sunday, according to a local monitor."
    )
    report = Report.from_text(text, published=date(2025, 3, 10))  # a Monday
    events = events_for(report, [(r"Baniyas", BANIYAS), (r"Jableh", JABLEH)])
    assert [(e.type, e.place_ids[0], e.date_start) for e in events] == [
        ("killings", BANIYAS.id, date(2025, 3, 8)),
        ("killings", JABLEH.id, date(2025, 3, 9)),
    ]


def test_without_any_date_the_week_up_to_publication() -> None:
    text = "An airstrike hit a bakery in Baniyas, killing 11 people."
    report = Report.from_text(text, published=date(2025, 3, 10))
    (event,) = events_for(report, [(r"Baniyas", BANIYAS)])
    assert event.type == "attack"
    assert (event.date_start, event.date_end, event.date_precision) == (
        date(2025, 3, 4),
        date(2025, 3, 10),
        "week",
    )


def test_without_places_or_dates_an_event_still_stands() -> None:
    report = Report.from_text("Clashes between two armed groups killed 9 fighters.", published=None)
    (event,) = events_for(report, [])
    assert event.type == "armed_clash"
    assert event.place_ids == ()
    assert event.date_start is None


def test_most_precise_place_leads() -> None:
    text = "Families took shelter at the airbase near Latakia in western Syria."
    report = Report.from_text(text, published=date(2025, 3, 10))
    (event,) = events_for(report, [(r"airbase", HMEIMIM), (r"Latakia", LATAKIA), (r"Syria", SYRIA)])
    assert event.place_ids == (HMEIMIM.id, LATAKIA.id, SYRIA.id)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen ambushed a patrol near the town.", "ambush"),
        ("Clashes broke out between rival factions.", "armed_clash"),
        ("An airstrike hit the hospital.", "attack"),
        ("Hundreds of families sought refuge at the base.", "shelter"),
        ("Thousands fled their villages overnight.", "displacement"),
        ("Security forces launched a security operation in the countryside.", "security_operation"),
        ("Dozens of people were killed in the village.", "killings"),
        ("The UN office has documented the abuses.", "statement"),
        ("Sectarian violence continues to plague the region.", None),
        ("The assailants fled to the mountains, a soldier said.", None),
        ("The port reopened on Tuesday.", None),
    ],
)
def test_sentence_event_type(sentence: str, expected: str | None) -> None:
    assert sentence_event_type(sentence) == expected


DAMASCUS = Place("geonames:170654", "Damascus", "city", 33.5102, 36.29128, "city", "SY", "13", "geonames")
PALMYRA = Place("geonames:170017", "Tadmur", "city", 34.56, 38.28, "city", "SY", "12", "geonames")


def test_where_a_source_spoke_is_not_where_it_happened() -> None:
    text = "A police official in Damascus said 12 soldiers were killed in an ambush near Palmyra on Sunday."
    report = Report.from_text(text, published=date(2025, 1, 7))
    (event,) = events_for(report, [(r"Damascus", DAMASCUS), (r"Palmyra", PALMYRA)])
    assert (event.type, event.place_ids) == ("ambush", (PALMYRA.id,))
    assert event.date_start == date(2025, 1, 5)


def test_toll_told_later_belongs_to_the_ambush_and_its_lead_date() -> None:
    text = (
        "Gunmen ambushed an army convoy near Palmyra on Sunday.\n"
        "Officials later said 12 soldiers were killed and nine wounded."
    )
    report = Report.from_text(text, published=date(2025, 1, 7))  # a Tuesday
    (event,) = events_for(report, [(r"Palmyra", PALMYRA)])
    assert event.type == "ambush"
    assert event.summary == "Gunmen ambushed an army convoy near Palmyra on Sunday."
    assert len(event.figure_ids) == 2
    assert (event.date_start, event.date_precision) == (date(2025, 1, 5), "day")


def test_an_undated_event_takes_the_lead_date() -> None:
    text = (
        "Shelling killed eight civilians in Baniyas on Friday, medics said.\n"
        "Hundreds of families sought refuge in Jableh."
    )
    report = Report.from_text(text, published=date(2025, 3, 10))  # a Monday
    events = events_for(report, [(r"Baniyas", BANIYAS), (r"Jableh", JABLEH)])
    assert [(e.type, e.date_start) for e in events] == [
        ("attack", date(2025, 3, 7)),
        ("shelter", date(2025, 3, 7)),
    ]


def test_a_title_makes_no_event_of_its_own() -> None:
    text = "Ambush kills 12 soldiers near Palmyra\nGunmen killed 12 soldiers in an ambush near Palmyra on Sunday."
    report = Report.from_text(text, published=date(2025, 1, 7))
    (event,) = events_for(report, [(r"Palmyra", PALMYRA)])
    assert event.summary_start > 0


# --- background is no incident; one event per incident -------------------------------------------

PAHALGAM = Place("geonames:1260880", "Pahalgam", "village", 34.016, 75.319, "city", "IN", "12", "geonames")
SRINAGAR = Place("geonames:1255634", "Srinagar", "city", 34.086, 74.806, "city", "IN", "12", "geonames")
LEBANON = Place("geonames:272103", "Lebanon", "country", 33.83, 35.83, "country", "LB", None, "geonames")
ISRAEL = Place("geonames:294640", "Israel", "country", 31.5, 34.75, "country", "IL", None, "geonames")


@pytest.mark.parametrize(
    "sentence",
    [
        # Who is blamed for an attack already told, or who denies it, is no new incident.
        "Hezbollah blamed Israel for the blasts and vowed to retaliate.",
        "The group denied any role in the bombing.",
        # A population described, with its displaced share, is background.
        "The province is home to about three million people, nearly half of them displaced from elsewhere.",
    ],
)
def test_background_sentences_make_no_event(sentence: str) -> None:
    assert sentence_event_type(sentence) is None


def test_blaming_a_country_does_not_split_the_incident() -> None:
    text = (
        "Pagers exploded across Lebanon on Tuesday, killing 12 people, the health minister said. "
        "Hezbollah blamed Israel for the blasts."
    )
    report = Report.from_text(text, published=date(2024, 9, 18))
    (event,) = events_for(report, [(r"Lebanon", LEBANON), (r"Israel", ISRAEL)])
    assert event.type == "killings"
    assert ISRAEL.id not in event.place_ids


def test_where_the_wounded_were_taken_is_not_where_it_happened() -> None:
    text = (
        "Gunmen opened fire on visitors near Pahalgam on Tuesday, killing 26 people, police said. "
        "More than a dozen people were wounded and taken to hospitals in Srinagar."
    )
    report = Report.from_text(text, published=date(2025, 4, 23))
    (event,) = events_for(report, [(r"Pahalgam", PAHALGAM), (r"Srinagar", SRINAGAR)])
    assert (event.type, event.place_ids) == ("attack", (PAHALGAM.id,))
    assert len(event.figure_ids) == 2


def test_a_cumulative_toll_is_kept_apart_from_the_incident() -> None:
    text = (
        "Gunmen killed 12 people in Baniyas on Monday, medics said. "
        "The killings brought the number of people killed in the province this year to 900."
    )
    report = Report.from_text(text, published=date(2025, 3, 11))
    events = events_for(report, [(r"Baniyas", BANIYAS)])
    figures = {f.id: f.low for f in casualty_figures(report.text, report.id)}
    assert [[figures[i] for i in e.figure_ids] for e in events] == [[12], [900]]
    assert [e.type for e in events] == ["killings", "statement"]
    assert events[0].place_ids == (BANIYAS.id,)


def test_history_years_before_is_no_event_of_the_report() -> None:
    text = (
        "Rebels entered Damascus on Sunday and clashed with the last army units, residents said.\n"
        "The war, which began with a crackdown on protests in 2011, drove millions from their homes."
    )
    report = Report.from_text(text, published=date(2024, 12, 9))  # a Monday
    events = events_for(report, [])
    assert [e.type for e in events] == ["armed_clash"]
    assert events[0].date_start == date(2024, 12, 8)


def test_a_span_running_up_to_publication_dates_no_incident() -> None:
    # "this year" and "the past 12 years" run up to publication: they frame a comparison or
    # background, not the day of the strike (Sunday), and a sentence dated only by such a
    # span, with no figure, makes no event.
    text = (
        "A missile struck the city centre on Sunday, killing 20 people, officials said. "
        "It was the deadliest attack on the city this year.\n"
        "Many families had been displaced several times during the past 12 years."
    )
    report = Report.from_text(text, published=date(2025, 4, 15))  # a Tuesday
    events = events_for(report, [])
    assert [(e.date_start, e.date_end) for e in events] == [(date(2025, 4, 13), date(2025, 4, 13))]


KYIV = Place("geonames:703448", "Kyiv", "city", 50.455, 30.524, "city", "UA", "12", "geonames")
ODESA = Place("geonames:698740", "Odesa", "city", 46.477, 30.733, "city", "UA", "17", "geonames")


@pytest.mark.parametrize(
    "dateline",
    ["KYIV, March 16 - ", "KYIV, Ukraine, March 16 - ", "KYIV, 16 March 2024 - ", "KYIV (Agency) - "],
)
def test_a_dated_dateline_is_where_the_story_was_filed(dateline: str) -> None:
    text = f"{dateline}A Russian missile strike on Odesa on Friday killed 21 people, officials said."
    report = Report.from_text(text, published=date(2024, 3, 16))
    (event,) = events_for(report, [(r"KYIV", KYIV), (r"Odesa", ODESA)])
    assert event.place_ids == (ODESA.id,)


def test_a_killing_at_the_incident_place_is_part_of_the_incident() -> None:
    text = (
        "A Russian missile strike on Odesa on Friday killed 21 people, officials said. "
        "Odesa's former deputy mayor was also killed, a city councillor said."
    )
    report = Report.from_text(text, published=date(2024, 3, 16))
    (event,) = events_for(report, [(r"Odesa", ODESA)])
    assert event.type == "attack"


def test_killings_on_another_day_at_the_same_place_stay_apart() -> None:
    text = (
        "A Russian missile strike on Odesa on Friday killed 21 people, officials said. "
        "On 2 March, nine people were killed in Odesa when a drone hit a block of flats."
    )
    report = Report.from_text(text, published=date(2024, 3, 16))
    events = events_for(report, [(r"Odesa", ODESA)])
    assert len(events) == 2


def test_every_place_of_a_destination_list_is_a_destination() -> None:
    text = (
        "Gunmen opened fire on visitors near Pahalgam on Tuesday, killing 26 people, police said. "
        "More than a dozen people were wounded and taken to hospitals in Anantnag and Srinagar."
    )
    anantnag = Place("geonames:1278667", "Anantnag", "city", 33.731, 75.154, "city", "IN", "12", "geonames")
    report = Report.from_text(text, published=date(2025, 4, 23))
    (event,) = events_for(report, [(r"Pahalgam", PAHALGAM), (r"Anantnag", anantnag), (r"Srinagar", SRINAGAR)])
    assert event.place_ids == (PAHALGAM.id,)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Syrian rebels said on Sunday that they had taken Damascus.", "armed_clash"),
        ("Rebel fighters entered the capital before dawn, meeting little resistance.", "armed_clash"),
        # Troops entering a village is a raid or an operation, not a clash by itself.
        ("Security forces entered the village in a security operation.", "security_operation"),
    ],
)
def test_armed_groups_taking_ground(sentence: str, expected: str) -> None:
    assert sentence_event_type(sentence) == expected


HOULA = Place("geonames:276000", "Houla", "village", 33.2, 35.517, "exact", "LB", "07", "geonames")
MARKABA = Place("geonames:276001", "Markaba", "village", 33.217, 35.517, "exact", "LB", "07", "geonames")


def test_an_earlier_toll_told_next_stays_with_its_incident() -> None:
    text = (
        "Israeli troops opened fire on residents in Houla on Sunday, killing 22 people, the health ministry said. "
        "The ministry had earlier given a toll of 15 dead. Four people were killed in Markaba."
    )
    report = Report.from_text(text, published=date(2025, 1, 27))
    events = events_for(report, [(r"Houla", HOULA), (r"Markaba", MARKABA)])
    figures = {f.id: f.low for f in casualty_figures(report.text, report.id)}
    assert [(e.type, e.place_ids[0], [figures[i] for i in e.figure_ids]) for e in events] == [
        ("attack", HOULA.id, [22, 15]),
        ("killings", MARKABA.id, [4]),
    ]


SUWAYDA = Place("adm1:SY.05", "As-Suwayda", "adm1", 32.71, 36.63, "adm1", "SY", "05", "geonames")


def test_a_breakdown_after_a_clash_stays_with_the_toll_it_breaks_down() -> None:
    text = (
        "More than 1,000 people have been killed in a week of fighting in Suwayda, the monitor said. "
        "The violence began with clashes between Druze fighters and Bedouin tribes. "
        "The monitor counted among the dead 336 Druze fighters."
    )
    report = Report.from_text(text, published=date(2025, 7, 20))
    events = events_for(report, [(r"Suwayda", SUWAYDA)])
    figures = {f.id: f.low for f in casualty_figures(report.text, report.id)}
    assert [(e.type, [figures[i] for i in e.figure_ids]) for e in events] == [
        ("killings", [1001, 336]),
        ("armed_clash", []),
    ]


def test_calling_an_attack_a_massacre_is_no_new_incident() -> None:
    assert sentence_event_type("The governor of the province called it a massacre.") is None


# --- where an event happened, not where a journey began or the wounded were taken ------------


def test_the_ends_of_a_journey_do_not_place_the_attack() -> None:
    text = (
        "Gunmen stop a bus on the coast road\n"
        "A bus travelling from Latakia to Baniyas with 40 passengers was attacked near Jableh on "
        "Tuesday, and six passengers were killed. Doctors at a hospital in Latakia said they had "
        "received 12 injured passengers."
    )
    report = Report.from_text(text, published=date(2025, 3, 12))
    events = events_for(report, [(r"Latakia", LATAKIA), (r"Baniyas", BANIYAS), (r"Jableh", JABLEH)])
    assert len(events) == 1
    assert events[0].place_ids[0] == JABLEH.id
