"""Schema migrations keep data: a file written by the first released schema opens, upgrades
and reads back every record, on real SQLite files.

``FIRST_SCHEMA`` is a frozen copy of the version-1 DDL as released, not
``MIGRATIONS[0]``: if someone edits the released migration instead of adding a new one,
the old files people already have stop matching and these tests say so.
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dashboard.model import Event, Figure, Mention, Place, Report
from dashboard.store import StoreError, open_store
from dashboard.store.schema import MIGRATIONS, SCHEMA_VERSION

FIRST_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)",
    """CREATE TABLE reports (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT, url TEXT, published TEXT,
        language TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT)""",
    """CREATE TABLE places (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, lat REAL NOT NULL,
        lon REAL NOT NULL, precision TEXT NOT NULL, country TEXT, admin1 TEXT, source TEXT,
        geometry TEXT)""",
    """CREATE TABLE mentions (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end_ INTEGER NOT NULL, surface TEXT NOT NULL,
        place_id TEXT, confidence REAL NOT NULL, PRIMARY KEY (report_id, start, end_))""",
    """CREATE TABLE figures (
        id TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        low INTEGER, high INTEGER, qualifier TEXT NOT NULL, category TEXT NOT NULL,
        outcome TEXT NOT NULL, attributed_to TEXT, verified INTEGER NOT NULL,
        start INTEGER NOT NULL, end_ INTEGER NOT NULL, surface TEXT NOT NULL DEFAULT '')""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY, date_start TEXT, date_end TEXT, date_precision TEXT NOT NULL,
        type TEXT NOT NULL, summary TEXT NOT NULL, summary_start INTEGER NOT NULL,
        summary_end INTEGER NOT NULL, report_ids TEXT NOT NULL, place_ids TEXT NOT NULL,
        figure_ids TEXT NOT NULL, lat REAL, lon REAL)""",
    "CREATE INDEX events_by_date ON events (date_start, date_end)",
    "CREATE INDEX events_by_position ON events (lat, lon)",
    "CREATE INDEX figures_by_report ON figures (report_id)",
    "CREATE INDEX reports_by_published ON reports (published)",
)

TEXT = "Gunmen ambushed a patrol near Jablah on 6 March, killing 13 security personnel."
REPORT = Report(
    id="a1b2c3d4e5f60718",
    title="Ambush near Jablah",
    source="Wire",
    url="https://example.org/a",
    published=date(2025, 3, 7),
    language="en",
    text=TEXT,
    ingested_at=datetime(2025, 3, 7, 12, 0, tzinfo=UTC),
)
JABLAH = Place("geonames:169304", "Jablah", "city", 35.36211, 35.92759, "city", "SY", "02", "geonames")
COAST = Place(
    "overlay:syrian-coast",
    "the coastal region",
    "region",
    35.2,
    35.95,
    "region",
    "SY",
    source="overlay",
    geometry={"type": "Polygon", "coordinates": [[[35.7, 34.6], [36.3, 34.6], [36.3, 35.9], [35.7, 34.6]]]},
)
MENTION = Mention(REPORT.id, TEXT.index("Jablah"), TEXT.index("Jablah") + 6, "Jablah", JABLAH.id, 0.9)
FIGURE = Figure(
    "fig1", REPORT.id, 13, 13, "exact", "security_forces", "killed", None, False, 0, len(TEXT), "13"
)
EVENT = Event(
    "evt1",
    (REPORT.id,),
    date(2025, 3, 6),
    date(2025, 3, 6),
    "day",
    (JABLAH.id, COAST.id),
    "ambush",
    TEXT,
    0,
    len(TEXT),
    (FIGURE.id,),
)


def write_first_schema_file(path: Path) -> None:
    """A store as version 1 of Report Atlas wrote it (plain sqlite3, rollback journal)."""
    conn = sqlite3.connect(path)
    for statement in FIRST_SCHEMA:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, '2025-03-01T00:00:00+00:00')")
    conn.execute(
        "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?)",
        (
            REPORT.id,
            REPORT.title,
            REPORT.source,
            REPORT.url,
            "2025-03-07",
            "en",
            TEXT,
            "2025-03-07T12:00:00+00:00",
        ),
    )
    for p in (JABLAH, COAST):
        geometry = None if p.geometry is None else json.dumps(p.geometry)
        conn.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (p.id, p.name, p.kind, p.lat, p.lon, p.precision, p.country, p.admin1, p.source, geometry),
        )
    conn.execute(
        "INSERT INTO mentions VALUES (?,?,?,?,?,?)",
        (REPORT.id, MENTION.start, MENTION.end, "Jablah", JABLAH.id, 0.9),
    )
    conn.execute(
        "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        ("fig1", REPORT.id, 13, 13, "exact", "security_forces", "killed", None, 0, 0, len(TEXT), "13"),
    )
    conn.execute(
        "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            "evt1", "2025-03-06", "2025-03-06", "day", "ambush", TEXT, 0, len(TEXT),
            f'["{REPORT.id}"]', f'["{JABLAH.id}","{COAST.id}"]', '["fig1"]', JABLAH.lat, JABLAH.lon,
        ),
    )  # fmt: skip
    conn.commit()
    conn.close()


def test_first_migration_is_the_released_schema() -> None:
    # Never edit a released migration: add the next one (see schema.py).
    assert MIGRATIONS[0][0] == 1
    squash = lambda sql: " ".join(sql.split())  # noqa: E731
    assert [squash(s) for s in MIGRATIONS[0][1]] == [squash(s) for s in FIRST_SCHEMA]


def test_versions_are_increasing_and_contiguous() -> None:
    versions = [v for v, _ in MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert SCHEMA_VERSION == versions[-1]


def test_first_schema_file_upgrades_and_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    write_first_schema_file(path)
    store = open_store(str(path))
    assert store.schema_version() == SCHEMA_VERSION
    assert store.reports() == [REPORT]
    assert store.places() == sorted([JABLAH, COAST], key=lambda p: p.name)
    assert store.mentions(REPORT.id) == [MENTION]
    assert store.figures() == [FIGURE]
    assert store.events() == [EVENT]
    # the bbox filter works on the upgraded file (the lat/lon copy survived)
    assert store.events(bbox=(35.0, 35.5, 35.5, 36.0)) == [EVENT]
    assert store.events(bbox=(0.0, 0.0, 1.0, 1.0)) == []
    store.close()
    # opening again is a no-op: one row per version, nothing re-applied
    conn = sqlite3.connect(path)
    assert [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")] == list(
        range(1, SCHEMA_VERSION + 1)
    )
    conn.close()
    again = open_store(str(path))
    assert again.stats() == {"reports": 1, "events": 1, "figures": 1, "places": 2}
    again.close()


def test_upgraded_file_accepts_new_reports(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    write_first_schema_file(path)
    store = open_store(str(path))
    newer = Report.from_text("Families sheltered at Hmeimim Air Base near Jableh.", source="Wire")
    from dashboard.model import Extraction

    assert store.save(Extraction(newer, (), (), (), ())) is True
    assert {r.id for r in store.reports()} == {REPORT.id, newer.id}
    store.close()


@pytest.mark.parametrize("version", [v for v, _ in MIGRATIONS])
def test_every_intermediate_version_upgrades(tmp_path: Path, version: int) -> None:
    """A file left at any released version (by the code of that time) reaches the latest."""
    path = tmp_path / f"v{version}.db"
    conn = sqlite3.connect(path)
    for target, statements in MIGRATIONS:
        if target <= version:
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, 'then')", (target,))
    conn.execute(
        "INSERT INTO reports (id, title, language, text) VALUES ('r1', 'kept', 'en', 'Latakia text')"
    )
    conn.commit()
    conn.close()
    store = open_store(str(path))
    assert store.schema_version() == SCHEMA_VERSION
    kept = store.report("r1")
    assert kept is not None and kept.title == "kept" and kept.text == "Latakia text"
    store.close()


def test_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"These are my notes, not a database. " * 200)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(str(path))
    # and did not overwrite it
    assert path.read_bytes().startswith(b"These are my notes")


def _open_and_count(path: str) -> int:
    store = open_store(path)
    try:
        return store.schema_version()
    finally:
        store.close()


def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    """Eight processes opening a new file at the same moment: one schema, no error."""
    path = str(tmp_path / "fresh.db")
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        versions = pool.map(_open_and_count, [path] * 8)
    assert versions == [SCHEMA_VERSION] * 8
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
