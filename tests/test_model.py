from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.model import (
    Event,
    Extraction,
    Figure,
    Mention,
    Place,
    Report,
    normalise_text,
    report_id_for,
)

LATAKIA = Place(
    id="geonames:173576",
    name="Latakia",
    kind="city",
    lat=35.53125,
    lon=35.79088,
    precision="city",
    country="SY",
    admin1="02",
    source="geonames",
)
COAST = Place(
    id="overlay:syrian-coast",
    name="Syrian coast",
    kind="region",
    lat=35.2,
    lon=35.95,
    precision="region",
    country="SY",
    source="test",
    geometry={"type": "Polygon", "coordinates": [[[35.7, 34.6], [36.3, 34.6], [36.3, 36.0], [35.7, 34.6]]]},
)


def test_report_id_is_hash_of_normalised_text() -> None:
    a = Report.from_text("Latakia, Syria.\r\nGunmen attacked.  \r\n")
    b = Report.from_text("\nLatakia, Syria.\nGunmen attacked.")
    assert a.id == b.id == report_id_for("Latakia, Syria.\nGunmen attacked.")
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    assert a.title == "Latakia, Syria."
    assert normalise_text("x \r\n y ") == "x\n y"


def test_every_record_round_trips_through_json() -> None:
    report = Report.from_text(
        "Text",
        source="Wire",
        url="https://example.org/a",
        published=date(2025, 3, 14),
        ingested_at=datetime(2025, 3, 15, 9, 30, tzinfo=UTC),
    )
    mention = Mention(report.id, 0, 7, "Latakia", LATAKIA.id, 0.9)
    figure = Figure(
        id="fig-1",
        report_id=report.id,
        low=1401,
        high=None,
        qualifier="more_than",
        category="civilians",
        outcome="killed",
        attributed_to="news reports",
        verified=True,
        start=0,
        end=40,
        surface="over 1,400",
    )
    event = Event(
        id="evt-1",
        report_ids=(report.id,),
        date_start=date(2025, 3, 6),
        date_end=date(2025, 3, 9),
        date_precision="week",
        place_ids=(LATAKIA.id, COAST.id),
        type="killings",
        summary="Over 1,400 civilians were killed.",
        summary_start=0,
        summary_end=33,
        figure_ids=("fig-1",),
    )
    import json

    for record in (report, mention, figure, event, LATAKIA, COAST):
        again = type(record).from_dict(json.loads(json.dumps(record.to_dict())))
        assert again == record


def test_contract_shape_has_place_or_null_per_mention() -> None:
    report = Report.from_text("Latakia and Atlantis")
    extraction = Extraction(
        report=report,
        mentions=(
            Mention(report.id, 0, 7, "Latakia", LATAKIA.id, 0.9),
            Mention(report.id, 12, 20, "Atlantis", None, 0.0),
        ),
        places=(LATAKIA,),
        figures=(),
        events=(),
    )
    contract = extraction.to_contract()
    assert "text" not in contract["report"]
    assert contract["mentions"][0]["place"]["id"] == "geonames:173576"
    assert contract["mentions"][0]["place"]["precision"] == "city"
    assert contract["mentions"][1]["place"] is None


def test_figure_text_forms() -> None:
    def fig(low, high, qualifier):  # type: ignore[no-untyped-def]
        return Figure("f", "r", low, high, qualifier, "civilians", "killed", None, False, 0, 1)

    assert fig(1401, None, "more_than").as_text() == ">1,400"
    assert fig(111, None, "at_least").as_text() == "≥111"
    assert fig(30, 40, "range").as_text() == "30–40"
    assert fig(13, 13, "exact").as_text() == "13"
    assert fig(None, 10, "up_to").as_text() == "≤10"
    assert fig(24, None, "vague").best() == 24
