"""The scoring logic of dashboard/evaluate.py, on extractions built by hand.

These tests do not run the pipeline: they check that the scorer counts right, so that the
numbers ``report-atlas evaluate`` prints can be trusted. The last tests check that the
annotated set itself is well formed (tests/data/README.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from dashboard.evaluate import (
    AnnotatedFigure,
    AnnotatedPlace,
    Annotation,
    AnnotationError,
    EvaluationResult,
    Score,
    attribution_agrees,
    evaluate_dir,
    evaluate_report,
    format_result,
    haversine_km,
    load_annotated_dir,
)
from dashboard.model import Extraction, Figure, Mention, Place, Report

ANNOTATED = Path(__file__).parent / "data" / "annotated"

TEXT = "Gunmen killed 13 security personnel near Jableh, close to Hmeimim Air Base in Syria."

JABLEH = AnnotatedPlace("Jableh", "Jableh", 35.3621, 35.9276, "city", "SY")
HMEIMIM = AnnotatedPlace("Hmeimim Air Base", "Hmeimim Air Base", 35.4011, 35.9486, "exact", "SY")
SYRIA = AnnotatedPlace("Syria", "Syria", 35.0, 38.0, "country", "SY")

THIRTEEN = AnnotatedFigure(
    surface="13",
    low=13,
    high=13,
    qualifier="exact",
    category="security_forces",
    outcome="killed",
    attributed_to=None,
    verified=False,
)


def place(pid: str, lat: float, lon: float, precision: str = "city", kind: str = "city") -> Place:
    return Place(id=pid, name=pid, kind=kind, lat=lat, lon=lon, precision=precision, country="SY")


def figure(gold: AnnotatedFigure, **changes: object) -> Figure:
    """A predicted Figure equal to ``gold`` except for ``changes``."""
    values: dict[str, object] = {
        "low": gold.low,
        "high": gold.high,
        "qualifier": gold.qualifier,
        "category": gold.category,
        "outcome": gold.outcome,
        "attributed_to": gold.attributed_to,
        "verified": gold.verified,
    }
    values.update(changes)
    return Figure(
        id=f"f{len(changes)}-{values['low']}",
        report_id="r",
        start=0,
        end=10,
        surface=gold.surface,
        **values,  # type: ignore[arg-type]
    )


def extraction(places: Sequence[Place], figures: Sequence[Figure] = (), unresolved: int = 0) -> Extraction:
    report = Report.from_text(TEXT)
    mentions = [
        Mention(report_id=report.id, start=i, end=i + 1, surface=p.name, place_id=p.id, confidence=0.9)
        for i, p in enumerate(places)
    ] + [
        Mention(report_id=report.id, start=50 + i, end=51 + i, surface="?", place_id=None, confidence=0.1)
        for i in range(unresolved)
    ]
    return Extraction(
        report=report,
        mentions=tuple(mentions),
        places=tuple({p.id: p for p in places}.values()),
        figures=tuple(figures),
        events=(),
    )


def annotation(places: tuple[AnnotatedPlace, ...], figures: tuple[AnnotatedFigure, ...] = ()) -> Annotation:
    return Annotation(
        name="hand", text=TEXT, published=date(2025, 3, 7), source=None, places=places, figures=figures
    )


# --- Places -------------------------------------------------------------------------------


def test_a_perfect_prediction_scores_one() -> None:
    gold = annotation((JABLEH, HMEIMIM), (THIRTEEN,))
    predicted = extraction(
        [place("jableh", 35.3621, 35.9276), place("hmeimim", 35.4011, 35.9486, "exact", "landmark")],
        [figure(THIRTEEN)],
    )
    result = evaluate_report(gold, predicted)
    assert (result.places.precision, result.places.recall, result.places.f1) == (1.0, 1.0, 1.0)
    assert (result.figures.precision, result.figures.recall, result.figures.f1) == (1.0, 1.0, 1.0)
    assert not result.missed_places and not result.spurious_places


def test_haversine_matches_a_known_distance() -> None:
    # One degree of latitude is ~111.2 km on a 6,371 km sphere.
    assert haversine_km(35.0, 36.0, 36.0, 36.0) == pytest.approx(111.19, abs=0.05)
    # Jableh to Hmeimim Air Base is roughly 4-5 km.
    assert 3 < haversine_km(JABLEH.lat, JABLEH.lon, HMEIMIM.lat, HMEIMIM.lon) < 6


def test_a_place_30_km_off_is_wrong_and_20_km_off_is_right() -> None:
    # 0.27 degrees of latitude ~ 30 km, 0.18 ~ 20 km.
    far = evaluate_report(annotation((JABLEH,)), extraction([place("x", JABLEH.lat + 0.27, JABLEH.lon)]))
    assert (far.places.true_positives, far.places.false_positives, far.places.false_negatives) == (0, 1, 1)
    assert far.missed_places == (JABLEH,)
    near = evaluate_report(annotation((JABLEH,)), extraction([place("x", JABLEH.lat + 0.18, JABLEH.lon)]))
    assert near.places.true_positives == 1
    assert near.matched_places[0].distance_km == pytest.approx(20.0, abs=0.3)


def test_one_prediction_cannot_match_two_annotated_places() -> None:
    result = evaluate_report(annotation((JABLEH, HMEIMIM)), extraction([place("jableh", 35.3621, 35.9276)]))
    assert (result.places.true_positives, result.places.false_negatives) == (1, 1)
    assert result.places.recall == 0.5
    assert result.places.precision == 1.0


def test_two_predictions_cannot_both_match_one_annotated_place() -> None:
    result = evaluate_report(
        annotation((JABLEH,)),
        extraction([place("jableh", 35.3621, 35.9276), place("jableh-overlay", 35.37, 35.93)]),
    )
    assert (result.places.true_positives, result.places.false_positives) == (1, 1)
    assert result.places.precision == 0.5


def test_matching_finds_the_largest_one_to_one_assignment() -> None:
    # P1 lies between Jableh and Hmeimim (within 3 km of both); P2 is 22 km south of Jableh and
    # more than 25 km from Hmeimim. Pairing Jableh with its nearest prediction (P1) first would
    # strand Hmeimim; the largest assignment is Jableh-P2 and Hmeimim-P1.
    p1 = place("p1", 35.385, 35.94)
    p2 = place("p2", JABLEH.lat - 0.2, JABLEH.lon)
    assert haversine_km(JABLEH.lat, JABLEH.lon, p1.lat, p1.lon) < 3
    assert haversine_km(JABLEH.lat, JABLEH.lon, p2.lat, p2.lon) < 25
    assert haversine_km(HMEIMIM.lat, HMEIMIM.lon, p2.lat, p2.lon) > 25
    result = evaluate_report(annotation((JABLEH, HMEIMIM)), extraction([p1, p2]))
    assert result.places.true_positives == 2
    assert {(m.annotated.name, m.predicted.id) for m in result.matched_places} == {
        ("Jableh", "p2"),
        ("Hmeimim Air Base", "p1"),
    }


def test_a_miss_is_reported_under_the_place_that_was_missed_not_its_neighbour() -> None:
    # Jableh and Hmeimim are ~4.5 km apart: a prediction exactly on Hmeimim is within 25 km
    # of both. Listed first, Jableh must not take it and leave Hmeimim reported as missed.
    result = evaluate_report(
        annotation((JABLEH, HMEIMIM)), extraction([place("hmeimim", HMEIMIM.lat, HMEIMIM.lon, "exact", "landmark")])
    )
    assert result.places.true_positives == 1
    assert result.missed_places == (JABLEH,)


def test_unresolved_mentions_and_repeated_mentions_count_once_or_not_at_all() -> None:
    jableh = place("jableh", 35.3621, 35.9276)
    result = evaluate_report(annotation((JABLEH,)), extraction([jableh, jableh, jableh], unresolved=3))
    assert (result.places.true_positives, result.places.false_positives) == (1, 0)


def test_a_country_matches_by_iso_code_at_country_level_only() -> None:
    # Gazetteers put a country's point in different places; the country itself is what counts.
    other_centroid = place("syria", 34.8, 38.99, precision="country", kind="country")
    assert haversine_km(SYRIA.lat, SYRIA.lon, other_centroid.lat, other_centroid.lon) > 25
    assert evaluate_report(annotation((SYRIA,)), extraction([other_centroid])).places.true_positives == 1
    # A city in Syria far from the annotated point is not "Syria".
    deir = place("deir-ez-zor", 35.3359, 40.1408)
    assert evaluate_report(annotation((SYRIA,)), extraction([deir])).places.true_positives == 0


def test_an_area_annotation_does_not_match_a_country_by_code() -> None:
    latakia_province = AnnotatedPlace("Latakia province", "Latakia Governorate", 35.6, 36.0, "adm1", "SY")
    country = place("syria", 34.8, 38.99, precision="country", kind="country")
    assert evaluate_report(annotation((latakia_province,)), extraction([country])).places.true_positives == 0


def test_an_admin1_unit_matches_when_the_annotated_point_lies_inside_it() -> None:
    # North Darfur's point as the mean of cities15000 places lies ~40 km from the mean of
    # cities500 places; both name the same state.
    north_darfur = AnnotatedPlace("NORTH DARFUR", "North Darfur", 13.9028, 24.9123, "adm1", "SD")
    square = {"type": "Polygon", "coordinates": [[[22.0, 12.0], [27.5, 12.0], [27.5, 20.0], [22.0, 20.0], [22.0, 12.0]]]}
    ours = Place(
        id="adm1:SD.55", name="North Darfur", kind="adm1", lat=13.8426, lon=25.2674, precision="adm1",
        country="SD", geometry=square,
    )
    assert haversine_km(north_darfur.lat, north_darfur.lon, ours.lat, ours.lon) > 25
    assert evaluate_report(annotation((north_darfur,)), extraction([ours])).places.true_positives == 1
    # not a neighbouring state whose point lies outside the shape
    south_darfur = AnnotatedPlace("South Darfur", "South Darfur", 11.2, 24.9, "adm1", "SD")
    assert evaluate_report(annotation((south_darfur,)), extraction([ours])).places.true_positives == 0
    # not a town inside the unit: only unit against unit
    el_fasher = AnnotatedPlace("El Fasher", "El Fasher", 13.6279, 25.3494, "city", "SD")
    far_town = AnnotatedPlace("Kutum", "Kutum", 14.2, 24.67, "city", "SD")
    assert evaluate_report(annotation((far_town,)), extraction([ours])).places.true_positives == 0
    assert el_fasher.precision == "city"


# --- Figures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"qualifier": "at_least"},
        {"low": 14, "high": 14},
        {"high": None},
        {"category": "civilians"},
        {"outcome": "injured"},
        {"verified": True},
        {"attributed_to": "health ministry"},
    ],
    ids=lambda c: ",".join(c),
)
def test_a_figure_with_any_field_wrong_is_wrong(changes: dict[str, object]) -> None:
    result = evaluate_report(annotation((), (THIRTEEN,)), extraction([], [figure(THIRTEEN, **changes)]))
    assert (
        result.figures.true_positives,
        result.figures.false_positives,
        result.figures.false_negatives,
    ) == (
        0,
        1,
        1,
    )
    assert result.missed_figures == (THIRTEEN,)


def test_sources_match_by_containment_either_way_ignoring_case_and_articles() -> None:
    assert attribution_agrees(
        "Syrian Observatory for Human Rights", "the Britain-based Syrian Observatory for Human Rights"
    )
    assert attribution_agrees("the UN\u2019s human rights office", "UN human rights office")
    assert attribution_agrees("U.N. human rights office", "the UN human rights office")
    assert attribution_agrees("health ministry", "Health Ministry")
    assert attribution_agrees(None, None)
    assert not attribution_agrees("health ministry", None)
    assert not attribution_agrees(None, "a war monitor")
    assert not attribution_agrees("Syrian Observatory for Human Rights", "Syrian Network for Human Rights")


def test_sources_match_by_whole_words_and_acronyms() -> None:
    assert attribution_agrees("senior UN official", "the UN")
    assert not attribution_agrees("UN", "an unknown source")  # "un" inside a word is not "UN"
    assert attribution_agrees("WHO", "World Health Organization")
    assert attribution_agrees("Syrian Observatory for Human Rights", "SOHR")
    assert attribution_agrees("the SOHR monitor", "Syrian Observatory for Human Rights")
    assert not attribution_agrees("WHO", "World Food Programme")
    # An acronym of a run of the name's words: the text introduces "UN Human Rights Monitoring
    # Mission in Ukraine (HRMMU)"; two letters are too few to tell.
    assert attribution_agrees("HRMMU", "UN Human Rights Monitoring Mission in Ukraine")
    assert not attribution_agrees("UN", "Human Rights Monitoring Mission in Ukraine")
    assert not attribution_agrees("HRW", "UN Human Rights Monitoring Mission in Ukraine")
    # Arabic names: the articles al-/wal- give no letter, an in-word apostrophe splits nothing.
    assert attribution_agrees("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin")
    assert not attribution_agrees("JNIM", "Islamic State in the Greater Sahara")
    # small words give no letter in English or French names either
    assert attribution_agrees("Committee to Protect Journalists", "CPJ")
    assert attribution_agrees("CICR", "Comité international de la Croix-Rouge")
    assert not attribution_agrees("CPJ", "Reporters Without Borders")
    # A bracketed acronym is another name of the same body, not words the other side must have.
    assert attribution_agrees(
        "The Group for the Support of Islam and Muslims (JNIM)", "Group for the Support of Islam and Muslims, its fighters"
    )
    assert attribution_agrees("Syria Civil Defence (The White Helmets)", "Syria Civil Defence")
    assert not attribution_agrees("Syria Civil Defence (The White Helmets)", "Syrian Arab Red Crescent (SARC)")


def test_any_listed_name_of_the_source_is_right(tmp_path: Path) -> None:
    sohr = {
        "surface": "231",
        "low": 231,
        "high": 231,
        "qualifier": "exact",
        "category": "security_forces",
        "outcome": "killed",
        "attributed_to": ["Syrian Observatory for Human Rights", "war monitor"],
    }
    _write_report(
        tmp_path, "r", "The war monitor said 231 members of the security forces died.", {"figures": [sohr]}
    )
    gold = load_annotated_dir(tmp_path)[0].figures[0]
    assert gold.attributed_to == "Syrian Observatory for Human Rights"
    assert gold.also_attributed_to == ("war monitor",)
    for said_by, right in [
        ("the war monitor", True),
        ("SOHR", True),
        ("health ministry", False),
        (None, False),
    ]:
        result = evaluate_report(
            annotation((), (gold,)), extraction([], [figure(gold, attributed_to=said_by)])
        )
        assert result.figures.true_positives == int(right), said_by


def test_figures_match_one_to_one() -> None:
    # The same figure predicted twice (e.g. from a repeated sentence) is one hit and one extra.
    result = evaluate_report(
        annotation((), (THIRTEEN,)), extraction([], [figure(THIRTEEN), figure(THIRTEEN)])
    )
    assert (result.figures.true_positives, result.figures.false_positives) == (1, 1)


def test_open_ended_figures_compare_their_null_bounds() -> None:
    over = AnnotatedFigure("over 1,400", 1401, None, "more_than", "civilians", "killed", "news reports", True)
    right = figure(over, attributed_to="news reports")
    result = evaluate_report(annotation((), (over,)), extraction([], [right]))
    assert result.figures.true_positives == 1
    wrong = figure(over, low=1400)  # "over 1,400" is 1,401 or more, not 1,400
    assert evaluate_report(annotation((), (over,)), extraction([], [wrong])).figures.true_positives == 0


# --- Totals, directory, output -------------------------------------------------------------


def test_score_conventions_for_empty_sides() -> None:
    assert (Score().precision, Score().recall, Score().f1) == (1.0, 1.0, 1.0)
    nothing_found = Score(true_positives=0, false_positives=0, false_negatives=4)
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (1.0, 0.0, 0.0)
    assert Score(3, 1, 2).f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))


def test_totals_are_micro_averaged_over_reports() -> None:
    a = evaluate_report(annotation((JABLEH,)), extraction([place("j", JABLEH.lat, JABLEH.lon)]))
    b = evaluate_report(annotation((JABLEH, HMEIMIM, SYRIA)), extraction([]))
    total = EvaluationResult(reports=(a, b)).places
    assert (total.true_positives, total.false_positives, total.false_negatives) == (1, 0, 3)
    assert total.recall == 0.25  # not the mean of per-report recalls (0.5)


def _write_report(folder: Path, name: str, text: str, annotation_json: dict[str, object]) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(annotation_json), encoding="utf-8")


def test_evaluate_dir_passes_date_and_source_and_scores_each_report(tmp_path: Path) -> None:
    _write_report(
        tmp_path,
        "a",
        TEXT,
        {
            "published": "2025-03-07",
            "source": "Wire (test)",
            "places": [
                {"surface": "Jableh", "name": "Jableh", "lat": 35.3621, "lon": 35.9276, "precision": "city"}
            ],
            "figures": [
                {
                    "surface": "13",
                    "low": 13,
                    "high": 13,
                    "qualifier": "exact",
                    "category": "security_forces",
                    "outcome": "killed",
                    "attributed_to": None,
                    "verified": False,
                }
            ],
        },
    )
    _write_report(tmp_path, "b", "Quiet day in Tartus.", {"published": None, "places": [], "figures": []})
    calls: list[tuple[str, date | None, str | None]] = []

    def extract(text: str, published: date | None, source: str | None) -> Extraction:
        calls.append((text, published, source))
        if text == TEXT:
            return extraction([place("jableh", 35.3621, 35.9276)], [figure(THIRTEEN)])
        return extraction([place("tartus", 34.889, 35.8866)])

    result = evaluate_dir(tmp_path, extract)
    assert calls == [(TEXT, date(2025, 3, 7), "Wire (test)"), ("Quiet day in Tartus.", None, None)]
    assert [r.name for r in result.reports] == ["a", "b"]
    assert result.reports[0].places.f1 == 1.0 and result.reports[0].figures.f1 == 1.0
    assert result.reports[1].places.false_positives == 1
    assert result.reports[1].figures.f1 == 1.0  # no figures, none predicted
    assert (result.places.true_positives, result.places.false_positives) == (1, 1)
    text = format_result(result)
    assert "Annotated reports: 2" in text
    assert "precision 0.500" in text  # places: 1 of 2 predictions right
    assert "extra place:  tartus" in text
    assert result.to_dict()["figures"]["f1"] == 1.0


def test_a_report_without_annotation_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "lonely.txt").write_text("Homs", encoding="utf-8")
    with pytest.raises(AnnotationError, match="lonely"):
        load_annotated_dir(tmp_path)


def test_an_unknown_qualifier_is_an_error(tmp_path: Path) -> None:
    bad = {
        "surface": "13",
        "low": 13,
        "high": 13,
        "qualifier": "roughly",
        "category": "people",
        "outcome": "killed",
    }
    _write_report(tmp_path, "bad", "13 people were killed.", {"places": [], "figures": [bad]})
    with pytest.raises(AnnotationError, match="roughly"):
        load_annotated_dir(tmp_path)


# --- The annotated set itself -------------------------------------------------------------

_BOUNDS = {
    "exact": lambda f: f.low is not None and f.low == f.high,
    "at_least": lambda f: f.low is not None and f.high is None,
    "more_than": lambda f: f.low is not None and f.high is None,
    "about": lambda f: f.low is not None and f.low == f.high,
    "up_to": lambda f: f.low is None and f.high is not None,
    "range": lambda f: f.low is not None and f.high is not None and f.low < f.high,
    "vague": lambda f: f.low is not None and f.high is None,
}


def test_the_annotated_set_is_well_formed() -> None:
    annotations = load_annotated_dir(ANNOTATED)
    assert len(annotations) >= 22
    syrian = [a for a in annotations if any(p.country == "SY" for p in a.places)]
    elsewhere = [a for a in annotations if not any(p.country == "SY" for p in a.places)]
    assert len(syrian) >= 15 and len(elsewhere) >= 7
    assert sum(1 for a in annotations if not a.figures) >= 2
    _assert_well_formed(annotations)


# Every evaluation set next to the annotated one (interop holds dataset files, not reports).
OTHER_SETS = sorted(
    d.name
    for d in ANNOTATED.parent.iterdir()
    if d.is_dir() and d.name not in ("annotated", "interop") and any(d.glob("*.json"))
)


def test_the_helpers_sets_are_all_found() -> None:
    assert {"heldout", "dev2", "dev16", "dev20", "blind", "blind2"} <= set(OTHER_SETS)


@pytest.mark.parametrize("name", OTHER_SETS)
def test_every_other_set_is_well_formed(name: str) -> None:
    # The sets written by helpers follow the same rulebook (tests/data/README.md); this checks
    # form only (surfaces in the text, bounds, no place twice), never the extractor's output.
    annotations = load_annotated_dir(ANNOTATED.parent / name)
    assert len(annotations) >= 10
    _assert_well_formed(annotations)


def _assert_well_formed(annotations: list[Annotation]) -> None:
    for a in annotations:
        assert a.published is not None, a.name
        # One entry per distinct place: the same name at two levels ("Idlib province" and the
        # city of Idlib) is two places (tests/data/README.md).
        names = [(p.name, p.precision) for p in a.places]
        assert len(names) == len(set(names)), f"{a.name}: a place listed twice"
        for p in a.places:
            assert p.surface in a.text, f"{a.name}: place surface {p.surface!r} not in text"
            assert p.country, f"{a.name}: {p.name} has no country code"
        for f in a.figures:
            assert f.surface in a.text, f"{a.name}: figure surface {f.surface!r} not in text"
            assert _BOUNDS[f.qualifier](f), f"{a.name}: {f.surface!r} bounds disagree with {f.qualifier}"
            if f.verified:
                lowered = a.text.lower()
                assert any(w in lowered for w in ("verif", "confirm", "document")), a.name


# --- Numbers alone, and which fields are wrong ------------------------------------------------

ELEVEN = AnnotatedFigure(
    surface="11",
    low=11,
    high=11,
    qualifier="exact",
    category="civilians",
    outcome="killed",
    attributed_to="health ministry",
    verified=False,
)


def test_figures_right_on_their_numbers_count_apart_and_name_the_wrong_fields() -> None:
    gold = annotation((), (THIRTEEN, ELEVEN))
    predicted = extraction(
        [],
        [
            figure(THIRTEEN, category="civilians", attributed_to="Reuters"),  # numbers right, 2 fields wrong
            figure(ELEVEN, low=12, high=12),  # numbers wrong: not a numbers match at all
        ],
    )
    result = evaluate_report(gold, predicted)
    assert (
        result.figures.true_positives,
        result.figures.false_positives,
        result.figures.false_negatives,
    ) == (
        0,
        2,
        2,
    )
    counts = result.figure_counts
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (1, 1, 1)
    assert result.field_errors == ("category", "source")


def test_a_full_match_is_never_reused_as_a_numbers_pair() -> None:
    # Two annotated 13s; the prediction gets one fully right and the other with a wrong outcome.
    other = AnnotatedFigure(
        surface="13",
        low=13,
        high=13,
        qualifier="exact",
        category="security_forces",
        outcome="injured",
        attributed_to=None,
        verified=False,
    )
    gold = annotation((), (THIRTEEN, other))
    predicted = extraction([], [figure(THIRTEEN), figure(other, outcome="killed", verified=True)])
    result = evaluate_report(gold, predicted)
    assert result.figures.true_positives == 1
    assert result.figure_counts.true_positives == 2
    # THIRTEEN is matched in full; the second prediction pairs with ``other`` and is wrong on
    # its outcome and on "verified".
    assert result.field_errors == ("outcome", "verified")
    totals = EvaluationResult(reports=(result,))
    assert totals.field_errors() == {"outcome": 1, "verified": 1}
    assert "wrong fields: outcome 1, verified 1" in format_result(totals, details=False)


def test_cli_totals_print_scores_without_details_and_json_holds_the_numbers_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dashboard.cli import main

    # Written for this test: one place, one figure; the annotation is read off the sentence.
    _write_report(
        tmp_path,
        "one",
        "Shelling killed 7 civilians in Idlib on Tuesday, the civil defence said.",
        {
            "published": "2025-01-10",
            "places": [
                {"surface": "Idlib", "name": "Idlib", "lat": 35.9306, "lon": 36.6339, "precision": "city"}
            ],
            "figures": [
                {
                    "surface": "7",
                    "low": 7,
                    "high": 7,
                    "qualifier": "exact",
                    "category": "civilians",
                    "outcome": "killed",
                    "attributed_to": "civil defence",
                    "verified": False,
                },
                {  # a figure the text does not hold: always missed, so details would name it
                    "surface": "7",
                    "low": 70,
                    "high": 70,
                    "qualifier": "exact",
                    "category": "civilians",
                    "outcome": "injured",
                    "attributed_to": None,
                    "verified": False,
                },
            ],
        },
    )
    assert main(["evaluate", str(tmp_path), "--totals"]) == 0
    out = capsys.readouterr().out
    assert "Figures " in out and "Numbers " in out
    assert "missed figure" not in out and "one:" not in out
    assert main(["evaluate", str(tmp_path)]) == 0
    assert "missed figure" in capsys.readouterr().out
    assert main(["evaluate", str(tmp_path), "--totals", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "per_report" not in data
    assert data["figure_counts"]["fn"] >= 1  # the 70 injured is in no sentence


def test_cli_names_a_malformed_annotation_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dashboard.cli import main

    _write_report(
        tmp_path,
        "dam",
        "A drone struck the Tishrin Dam on Monday.",
        {
            "published": "2025-01-10",
            "places": [  # "landmark" is no DESIGN precision code (exact is)
                {"surface": "Tishrin Dam", "name": "Tishrin Dam", "lat": 36.38, "lon": 38.18, "precision": "landmark"}
            ],
            "figures": [],
        },
    )
    assert main(["evaluate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "dam.json places[0] precision: 'landmark' is not one of" in err
    assert "Traceback" not in err
