"""The SQLite store on real temporary files: idempotent saves, WAL, schema versions, indexes."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from dashboard.model import Event, Extraction, Figure, Mention, Place, Report
from dashboard.store import StoreError, open_store
from dashboard.store.schema import SCHEMA_VERSION

JABLAH = Place("geonames:169304", "Jablah", "city", 35.36211, 35.92759, "city", "SY", "02", "geonames")
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "city", "SY", "10", "geonames")


def extraction(text: str, place: Place, when: date, etype: str = "ambush", n: int = 13) -> Extraction:
    report = Report.from_text(text, source="Test wire", published=when)
    figure = Figure(
        id=f"fig-{report.id}",
        report_id=report.id,
        low=n,
        high=n,
        qualifier="exact",
        category="security_forces",
        outcome="killed",
        attributed_to=None,
        verified=False,
        start=0,
        end=len(report.text),
        surface=str(n),
    )
    event = Event(
        id=f"evt-{report.id}",
        report_ids=(report.id,),
        date_start=when,
        date_end=when,
        date_precision="day",
        place_ids=(place.id,),
        type=etype,
        summary=report.text,
        summary_start=0,
        summary_end=len(report.text),
        figure_ids=(figure.id,),
    )
    start = text.index(place.name) if place.name in text else 0
    mention = Mention(report.id, start, start + len(place.name), place.name, place.id, 0.9)
    return Extraction(report, (mention,), (place,), (figure,), (event,))


def test_save_is_idempotent_and_counts(store) -> None:  # type: ignore[no-untyped-def]
    ex = extraction("Gunmen killed 13 in Jablah.", JABLAH, date(2025, 3, 6))
    assert store.save(ex) is True
    assert store.save(ex) is False
    assert store.stats() == {"reports": 1, "events": 1, "figures": 1, "places": 1}
    stored = store.report(ex.report.id)
    assert stored is not None and stored.text == ex.report.text and stored.published == date(2025, 3, 6)
    assert store.mentions(ex.report.id) == list(ex.mentions)
    assert store.figures() == list(ex.figures)
    assert store.places([JABLAH.id]) == [JABLAH]
    assert store.event(ex.events[0].id) == ex.events[0]


@pytest.mark.sqlite_only
def test_wal_mode_and_schema_version(store, db_path) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert store.schema_version() == SCHEMA_VERSION


def test_refuses_a_newer_schema(db_path) -> None:  # type: ignore[no-untyped-def]
    open_store(str(db_path)).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(str(db_path))


def test_not_a_database_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(str(bogus))


def test_events_filtered_by_overlapping_dates(store) -> None:  # type: ignore[no-untyped-def]
    store.save(extraction("Ambush near Jablah kills 13.", JABLAH, date(2025, 3, 6)))
    store.save(extraction("Clashes in Tartus leave 4 dead.", TARTUS, date(2025, 3, 9), "armed_clash", 4))
    assert len(store.events()) == 2
    assert [e.type for e in store.events(date_from=date(2025, 3, 7))] == ["armed_clash"]
    assert [e.type for e in store.events(date_to=date(2025, 3, 6))] == ["ambush"]
    assert store.events(date_from=date(2025, 3, 7), date_to=date(2025, 3, 8)) == []
    # Tartus lies south of 35.0 N, Jablah north of it.
    assert [e.type for e in store.events(bbox=(34.5, 35.5, 35.0, 36.5))] == ["armed_clash"]


@pytest.mark.sqlite_only
def test_date_and_bbox_queries_use_indexes(store) -> None:  # type: ignore[no-untyped-def]
    plan = " ".join(store.explain("SELECT * FROM events WHERE date_start <= ?", ["2025-03-10"]))
    assert "USING INDEX events_by_date" in plan
    plan = " ".join(store.explain("SELECT * FROM events WHERE lat BETWEEN ? AND ?", [34.0, 36.0]))
    assert "USING INDEX events_by_position" in plan


def test_a_failed_save_leaves_nothing_half_written(store) -> None:  # type: ignore[no-untyped-def]
    good = extraction("Ambush near Jablah kills 13.", JABLAH, date(2025, 3, 6))
    # Two figures with the same id but different reports would be fine; a mention that
    # points at a report that is not this one breaks the foreign key mid-transaction.
    broken_mention = Mention("0000000000000000", 0, 6, "Jablah", JABLAH.id, 0.9)
    bad = Extraction(good.report, (broken_mention,), good.places, good.figures, good.events)
    with pytest.raises(store.IntegrityError):
        store.save(bad)
    assert store.stats() == {"reports": 0, "events": 0, "figures": 0, "places": 0}
    assert store.save(good) is True


def test_save_many_counts_new_and_known(store) -> None:  # type: ignore[no-untyped-def]
    a = extraction("Ambush near Jablah kills 13.", JABLAH, date(2025, 3, 6))
    b = extraction("Clashes in Tartus leave 4 dead.", TARTUS, date(2025, 3, 9), "armed_clash", 4)
    assert store.save_many([a]) == (1, 0)
    assert store.save_many([a, b]) == (1, 1)
    assert store.stats()["reports"] == 2
