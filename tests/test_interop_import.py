"""ACLED and UCDP GED imports from CSV files written for these tests (the datasets' real
column headers; rows describe real 2025 events in Syria in our own words). Expected values
come from reading the CSV rows and the datasets' codebooks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.interop.acled import read_acled
from dashboard.interop.export import view_events
from dashboard.interop.ucdp import read_ucdp
from dashboard.model import Extraction
from dashboard.reading import BadInput
from dashboard.store import open_store
from dashboard.views import ViewState

DATA = Path(__file__).parent / "data" / "interop"
ACLED = DATA / "acled_syria_2025.csv"
UCDP = DATA / "ucdp_ged_syria_2025.csv"


def by_title(extractions: tuple[Extraction, ...], key: str) -> Extraction:
    (found,) = [ex for ex in extractions if key in ex.report.title]
    return found


# --- ACLED -------------------------------------------------------------------------------------


def test_acled_rows_imported_and_bad_rows_named() -> None:
    result = read_acled(ACLED)
    assert result.rows == 9
    assert len(result.extractions) == 6
    assert [str(p) for p in result.problems] == [
        "row 8: event_date '31 Febtember 2025' is not a date",
        "row 9: latitude/longitude 'north', '36.7000' are not numbers",
        "row 10: geo_precision '4' is not one of [1, 2, 3]",
    ]


def test_acled_battle_at_a_named_town() -> None:
    ex = by_title(read_acled(ACLED).extractions, "SYR90001")
    (place,) = ex.places
    assert (place.name, place.lat, place.lon, place.precision, place.country) == (
        "Jablah",
        35.3621,
        35.9276,
        "city",
        "SY",
    )
    assert place.source == "ACLED"
    (event,) = ex.events
    assert (event.type, event.date_start, event.date_end, event.date_precision) == (
        "armed_clash",
        date(2025, 3, 6),
        date(2025, 3, 6),
        "day",
    )
    assert event.summary.startswith("On 6 March 2025, gunmen loyal to the former government ambushed")
    (figure,) = ex.figures
    # ACLED fatalities are conservative estimates: "at least 13".
    assert (figure.low, figure.high, figure.qualifier, figure.outcome) == (13, None, "at_least", "killed")
    assert figure.attributed_to == "ACLED"
    assert ex.report.text[figure.start : figure.end].startswith("Fatalities: 13")
    assert ex.report.source == "ACLED"
    assert (
        "Sources cited by ACLED: Syrian Arab News Agency; Syrian Observatory for Human Rights."
        in ex.report.text
    )
    (mention,) = ex.mentions
    assert ex.report.text[mention.start : mention.end] == "Jablah" and mention.place_id == place.id


def test_acled_codes_map_to_our_precision_types_and_dates() -> None:
    found = read_acled(ACLED).extractions
    banyas = by_title(found, "SYR90002")  # "07 March 2025", as ACLED's export tool writes dates
    assert banyas.events[0].date_start == date(2025, 3, 7)
    assert banyas.events[0].type == "killings"  # violence against civilians with deaths
    assert banyas.figures[0].category == "civilians"

    latakia = by_title(found, "SYR90003")  # geo_precision 3, time_precision 2
    assert (latakia.places[0].name, latakia.places[0].kind, latakia.places[0].precision) == (
        "Lattakia",
        "adm1",
        "adm1",
    )
    assert latakia.places[0].is_area
    event = latakia.events[0]
    assert (event.date_start, event.date_end, event.date_precision) == (
        date(2025, 3, 5),
        date(2025, 3, 11),
        "week",
    )

    arrests = by_title(found, "SYR90004")
    assert arrests.events[0].type == "security_operation"
    assert arrests.figures == () and arrests.events[0].figure_ids == ()  # 0 fatalities: no figure

    church = by_title(found, "SYR90005")
    assert church.events[0].type == "attack"  # explosions/remote violence

    sweida = by_title(found, "SYR90006")  # geo_precision 2: near the town
    assert sweida.places[0].precision == "adm2" and sweida.places[0].is_area


def test_acled_without_a_required_column_is_refused_whole(tmp_path: Path) -> None:
    lines = ACLED.read_text(encoding="utf-8").splitlines()
    header = lines[0].replace("geo_precision,", "")
    (tmp_path / "cut.csv").write_text(header + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match="missing column.*geo_precision"):
        read_acled(tmp_path / "cut.csv")


def test_semicolon_separated_spreadsheet_export(tmp_path: Path) -> None:
    import csv

    with ACLED.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with (tmp_path / "semi.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows[:3])
    result = read_acled(tmp_path / "semi.csv")
    assert [ex.places[0].name for ex in result.extractions] == ["Jablah", "Banyas"]


# --- UCDP GED ----------------------------------------------------------------------------------


def test_ucdp_rows_imported_and_bad_rows_named() -> None:
    result = read_ucdp(UCDP)
    assert (result.rows, len(result.extractions)) == (7, 4)
    assert [str(p) for p in result.problems] == [
        "row 6: deaths low 6, best 7, high 5 are not in order low <= best <= high",
        "row 7: where_prec '9' is not one of [1, 2, 3, 4, 5, 6, 7]",
        "row 8: date_end is empty",
    ]


def test_ucdp_best_low_high_civilians_and_precision() -> None:
    found = read_ucdp(UCDP).extractions
    baniyas = by_title(found, "900001")
    (figure,) = baniyas.figures
    assert (figure.low, figure.high, figure.qualifier) == (60, 110, "range")
    assert figure.category == "civilians"  # deaths_civilians 72 == best 72
    assert figure.surface == "best 72 (low 60, high 110)"
    assert (baniyas.places[0].precision, baniyas.places[0].lat, baniyas.places[0].lon) == (
        "exact",
        35.1819,
        35.9487,
    )
    assert (baniyas.places[0].name, baniyas.places[0].kind) == ("Baniyas town", "city")  # where_coordinates
    event = baniyas.events[0]
    assert (event.type, event.date_start, event.date_end, event.date_precision) == (
        "killings",  # type_of_violence 3: one-sided violence
        date(2025, 3, 7),
        date(2025, 3, 8),
        "week",  # date_prec 2
    )
    assert baniyas.report.source == "UCDP GED" and baniyas.report.published == date(2025, 3, 8)
    assert (
        "Original sources cited by UCDP: Syrian Observatory for Human Rights; residents."
        in baniyas.report.text
    )

    jablah = by_title(found, "900002")
    assert jablah.places[0].precision == "city"  # where_prec 2: within ~25 km
    assert jablah.figures[0].category == "people" and jablah.events[0].type == "armed_clash"

    governorate = by_title(found, "900003")
    assert governorate.places[0].precision == "adm1" and governorate.places[0].is_area

    sweida = by_title(found, "900004")
    # 5 of the 40 were civilians: the figure counts everyone, the split stays in the text.
    assert sweida.figures[0].category == "people"
    assert "of them civilians: 5" in sweida.report.text
    assert sweida.places[0].precision == "adm2"


# --- into the store and the views ------------------------------------------------------------------


def test_import_is_idempotent_and_rows_of_one_dataset_stay_separate(store) -> None:  # type: ignore[no-untyped-def]
    acled = read_acled(ACLED).extractions
    assert store.save_many(acled) == (6, 0)
    assert store.save_many(read_acled(ACLED).extractions) == (0, 6)
    # Six ACLED rows are six incidents even where they overlap (Latakia governorate
    # contains Jablah, same week): their deaths must add up, never become a range.
    assert store.stats() == {"reports": 6, "events": 6, "figures": 5, "places": 6}


def test_imported_events_link_with_other_sources_and_filter_by_origin(store) -> None:  # type: ignore[no-untyped-def]
    store.save_many(read_acled(ACLED).extractions)
    store.save_many(read_ucdp(UCDP).extractions)
    views = view_events(store, ViewState())
    jablah = [v for v in views if v.place_name == "Jablah"]
    # ACLED's "at least 13" and UCDP's 13-20 for the same ambush: one event, a range.
    assert len(jablah) == 1
    assert set(jablah[0].sources) == {"ACLED", "UCDP GED"}
    assert (jablah[0].deaths_low, jablah[0].deaths_high) == (13, 20)
    only_ucdp = view_events(store, ViewState(src=("UCDP GED",)))
    assert {v.place_name for v in only_ucdp} == {"Banyas", "Jablah", "Latakia governorate", "As-Sweida"}
    only_acled = view_events(store, ViewState(src=("ACLED",)))
    assert len(only_acled) == 6


def test_cli_import(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--format", "acled", str(ACLED)]) == 0
    out, err = capsys.readouterr()
    assert "ACLED: 9 row(s) read, 6 imported, 0 already stored, 3 skipped" in out
    assert f"{ACLED}: skipped row 8: event_date '31 Febtember 2025' is not a date" in err
    assert main(["import", "--format", "acled", str(ACLED)]) == 0
    assert "0 imported, 6 already stored" in capsys.readouterr().out
    # The wrong --format names the missing columns instead of importing nonsense.
    assert main(["import", "--format", "acled", str(UCDP)]) == 2
    assert "missing column(s) event_date" in capsys.readouterr().err
    assert main(["import", "--format", "ucdp", str(DATA / "nope.csv")]) == 2
    assert open_store(str(db_path)).stats()["reports"] == 6


def test_a_broken_quote_is_named_not_a_crash(tmp_path: Path) -> None:
    lines = ACLED.read_text(encoding="utf-8").splitlines()
    # Row 3 opens a quote that never closes: the rest of the file runs into one field.
    broken = lines[:2] + [
        lines[2]
        .replace('"On 7 March', '"On 7 March' + " and more" * 20_000, 1)
        .replace('dead that day."', "dead that day.")
    ]
    (tmp_path / "broken.csv").write_text("\n".join(broken) + "\n", encoding="utf-8")
    with pytest.raises(
        BadInput, match=r"broken.csv: row 3 cannot be read as CSV \(field larger than field limit"
    ):
        read_acled(tmp_path / "broken.csv")


def test_cli_import_check_stores_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--check", "--format", "ucdp", str(UCDP)]) == 0
    out, err = capsys.readouterr()
    assert "UCDP GED: 7 row(s) read, 4 importable, 3 would be skipped; nothing stored" in out
    assert f"{UCDP}: would skip row 8: date_end is empty" in err
    assert open_store(str(db_path)).stats()["reports"] == 0
