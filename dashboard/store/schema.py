"""Versioned schema. Each migration is (version, statements); never edit a released one,
add the next. Tests apply them from version 1 on an old file to prove upgrades work."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
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
            # report_ids/place_ids/figure_ids are JSON lists in their model order (primary
            # place first); lat/lon copy the primary place so bbox queries need no join.
            """CREATE TABLE events (
                id TEXT PRIMARY KEY, date_start TEXT, date_end TEXT, date_precision TEXT NOT NULL,
                type TEXT NOT NULL, summary TEXT NOT NULL, summary_start INTEGER NOT NULL,
                summary_end INTEGER NOT NULL, report_ids TEXT NOT NULL, place_ids TEXT NOT NULL,
                figure_ids TEXT NOT NULL, lat REAL, lon REAL)""",
            "CREATE INDEX events_by_date ON events (date_start, date_end)",
            "CREATE INDEX events_by_position ON events (lat, lon)",
            "CREATE INDEX figures_by_report ON figures (report_id)",
            "CREATE INDEX reports_by_published ON reports (published)",
        ),
    ),
)

SCHEMA_VERSION: int = MIGRATIONS[-1][0]
