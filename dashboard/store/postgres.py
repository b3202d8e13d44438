"""The PostgreSQL store, for teams: several app replicas and CLI users on one database.

Same interface and semantics as ``SQLiteStore`` (see sqlite.py): idempotent ``save``,
cross-report incident linking through the shared ``store.incidents`` helpers, a versioned
schema in ``schema_version``, the same indexes. What differs is how writers are kept in
line: every write transaction first takes one transaction-level advisory lock
(``pg_advisory_xact_lock``), so writers from any number of processes and machines run
one at a time exactly as SQLite's single writer does -- linking sees every event saved
before it, and no incident is stored twice. Reads never wait for it (MVCC).

Connections come from a small psycopg pool (threads of the Streamlit server share it);
they run in autocommit mode with the session time zone set to UTC, and each write opens
its own transaction.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import psycopg
from psycopg.rows import dict_row, tuple_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool, PoolTimeout

from dashboard.model import Event, Extraction, Figure, Mention, Place, Report
from dashboard.store.incidents import IncidentIndex
from dashboard.store.rows import ReportSource, figure_from_row, mention_from_row, new_reports, place_row
from dashboard.store.sqlite import StoreError

T = TypeVar("T")

# Keys of the two advisory locks (any fixed 64-bit numbers; scoped to the database).
WRITE_LOCK = 0x5241_7761_7269_7465  # "RAwarite": every write transaction
MIGRATE_LOCK = 0x5241_6D69_6772_6174  # "RAmigrat": schema upgrades at start-up
_RETRIES = 5
POOL_SIZE = 4

# The same tables, columns and indexes as schema.py, in PostgreSQL's own types: DATE,
# TIMESTAMPTZ, DOUBLE PRECISION, BOOLEAN, JSONB shapes, TEXT[] id lists (model order kept),
# BIGINT figures (SQLite integers are 64-bit: the same numbers must fit).
# Versions match schema.py's one for one; a test fails when one side gains a migration.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
            """CREATE TABLE reports (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT, url TEXT, published DATE,
                language TEXT NOT NULL, text TEXT NOT NULL, ingested_at TIMESTAMPTZ)""",
            """CREATE TABLE places (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
                lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL, precision TEXT NOT NULL,
                country TEXT, admin1 TEXT, source TEXT, geometry JSONB)""",
            """CREATE TABLE mentions (
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                start INTEGER NOT NULL, end_ INTEGER NOT NULL, surface TEXT NOT NULL,
                place_id TEXT, confidence DOUBLE PRECISION NOT NULL, PRIMARY KEY (report_id, start, end_))""",
            """CREATE TABLE figures (
                id TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                low BIGINT, high BIGINT, qualifier TEXT NOT NULL, category TEXT NOT NULL,
                outcome TEXT NOT NULL, attributed_to TEXT, verified BOOLEAN NOT NULL,
                start INTEGER NOT NULL, end_ INTEGER NOT NULL, surface TEXT NOT NULL DEFAULT '')""",
            """CREATE TABLE events (
                id TEXT PRIMARY KEY, date_start DATE, date_end DATE, date_precision TEXT NOT NULL,
                type TEXT NOT NULL, summary TEXT NOT NULL, summary_start INTEGER NOT NULL,
                summary_end INTEGER NOT NULL, report_ids TEXT[] NOT NULL, place_ids TEXT[] NOT NULL,
                figure_ids TEXT[] NOT NULL, lat DOUBLE PRECISION, lon DOUBLE PRECISION)""",
            "CREATE INDEX events_by_date ON events (date_start, date_end)",
            "CREATE INDEX events_by_position ON events (lat, lon)",
            "CREATE INDEX figures_by_report ON figures (report_id)",
            "CREATE INDEX reports_by_published ON reports (published)",
        ),
    ),
)
PG_SCHEMA_VERSION: int = MIGRATIONS[-1][0]


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password, for messages and ``store.path``."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


def _transient(exc: BaseException) -> bool:
    """Errors worth retrying the whole transaction for (a restarted server, a deadlock)."""
    return isinstance(
        exc,
        psycopg.errors.SerializationFailure
        | psycopg.errors.DeadlockDetected
        | psycopg.errors.AdminShutdown
        | psycopg.OperationalError,
    ) and not isinstance(exc, psycopg.errors.QueryCanceled)


class PostgresStore:
    """Report Atlas store on one PostgreSQL database (``postgresql://user@host:port/db``)."""

    IntegrityError = psycopg.IntegrityError  # what a save that breaks a constraint raises

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE, connect_timeout: int = 10) -> None:
        if not is_postgres_url(url):
            raise StoreError(f"{url}: not a postgresql:// URL")
        self.url = url
        self.path = redact(url)  # what the CLI prints as "store: ..."
        self._write_lock = threading.Lock()
        settings: dict[str, Any] = {
            "autocommit": True,
            "row_factory": dict_row,
            "connect_timeout": connect_timeout,
            "application_name": "report-atlas",
        }
        # One direct connection first: a wrong host, password or database name fails at
        # once with the server's own reason, instead of the pool retrying until its timeout.
        try:
            psycopg.connect(url, **settings).close()
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()).replace(url, self.path)
            raise StoreError(f"{self.path}: cannot connect to PostgreSQL ({reason})") from exc
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs=settings,
            check=ConnectionPool.check_connection,
            # Times come back in UTC whatever the server's zone. (Not as a connection
            # "options" argument: that would replace options given in the URL, such as
            # a search_path.)
            configure=_in_utc,
            open=False,
            name="report-atlas",
        )
        try:
            self._pool.open(wait=True, timeout=connect_timeout)
        except PoolTimeout as exc:
            self._pool.close()
            raise StoreError(f"{self.path}: cannot connect to PostgreSQL ({exc})") from exc
        try:
            self._migrate()
        except BaseException:
            self._pool.close()  # a store that refuses to open keeps no connections
            raise

    # -- connections ---------------------------------------------------------------------

    def close(self) -> None:
        self._pool.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._pool.connection() as conn:
            return conn.execute(sql, params).fetchall()  # type: ignore[return-value]

    def _write(self, work: Callable[[psycopg.Connection[Any]], T], lock: int = WRITE_LOCK) -> T:
        """The one write path: one transaction holding the store's advisory lock.

        The lock serialises writers across processes and machines (as SQLite's single
        writer does), so linking always sees every event committed before it. Transient
        failures (a server restart, a deadlock) retry the whole transaction.
        """
        with self._write_lock:
            for attempt in range(_RETRIES):
                try:
                    with self._pool.connection() as conn, conn.transaction():
                        conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock,))
                        return work(conn)
                except psycopg.errors.NumericValueOutOfRange as exc:
                    # SQLite's driver refuses such numbers with OverflowError before writing;
                    # callers see the same error from either backend.
                    raise OverflowError(f"{self.path}: a number is too large to store ({exc})") from exc
                except psycopg.Error as exc:
                    if not _transient(exc) or attempt == _RETRIES - 1:
                        raise
                    time.sleep(min(0.1 * (attempt + 1), 1.0))
            raise StoreError(f"{self.path}: could not write; try again")  # pragma: no cover

    # -- schema --------------------------------------------------------------------------

    def schema_version(self) -> int:
        return self._version(None)

    def _version(self, conn: psycopg.Connection[Any] | None) -> int:
        sql = "SELECT to_regclass('schema_version') IS NOT NULL AS present"
        present = conn.execute(sql).fetchone() if conn else self._query(sql)[0]
        if not present or not present["present"]:  # type: ignore[index]
            return 0
        sql = "SELECT COALESCE(MAX(version), 0) AS v FROM schema_version"
        row = conn.execute(sql).fetchone() if conn else self._query(sql)[0]
        return int(row["v"])  # type: ignore[index]

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > PG_SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this Report Atlas "
                f"({PG_SCHEMA_VERSION}); upgrade report-atlas"
            )
        if current == PG_SCHEMA_VERSION:
            return

        def apply(conn: psycopg.Connection[Any]) -> None:
            # Re-read under the lock: another replica may have migrated meanwhile. DDL is
            # transactional in PostgreSQL, so a failed upgrade leaves the old schema intact.
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ)"
            )
            version = self._version(conn)
            for target, statements in MIGRATIONS:
                if target > version:
                    for statement in statements:
                        conn.execute(statement)  # type: ignore[arg-type]
                    conn.execute(
                        "INSERT INTO schema_version (version, applied_at) VALUES (%s, %s)",
                        (target, datetime.now(UTC)),
                    )

        self._write(apply, lock=MIGRATE_LOCK)

    def explain(self, sql: str, params: Sequence[Any] = ()) -> list[str]:
        """PostgreSQL's query plan for ``sql`` (``?`` placeholders accepted, as for SQLite)."""
        rows = self._query("EXPLAIN " + sql.replace("?", "%s"), params)
        return [next(iter(row.values())) for row in rows]

    # -- writing -------------------------------------------------------------------------

    def save(self, extraction: Extraction) -> bool:
        """Store one report with everything read from it. False if it was already stored.

        Events that are the same incident as one already stored are linked to it (the
        stored event gains this report and its figures, side by side, never summed).
        """
        return self._write(lambda conn: self._save_batch(conn, [extraction]))[0]

    def save_many(self, extractions: Iterable[Extraction]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (new, already stored)."""
        batch = list(extractions)
        if not batch:
            return 0, 0
        saved = self._write(lambda conn: self._save_batch(conn, batch))
        new = sum(saved)
        return new, len(batch) - new

    def _save_batch(self, conn: psycopg.Connection[Any], batch: Sequence[Extraction]) -> list[bool]:
        """Save reports in order, with the result of saving them one by one, in a few round
        trips: the rows of every new report go in together (pipelined ``executemany``), the
        events are linked in memory (each sees every earlier one, this batch's included),
        then inserted and updated together."""
        wanted = list(dict.fromkeys(ex.report.id for ex in batch))
        known = {row["id"] for row in conn.execute("SELECT id FROM reports WHERE id = ANY(%s)", (wanted,))}
        saved, new = new_reports(batch, known)
        if not new:
            return saved
        now = datetime.now(UTC)
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO reports (id, title, source, url, published, language, text, ingested_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                [
                    (
                        r.id,
                        r.title,
                        r.source,
                        r.url,
                        r.published,
                        r.language,
                        r.text,
                        _aware(r.ingested_at) or now,
                    )
                    for r in (ex.report for ex in new)
                ],
            )
            places = [place for ex in new for place in ex.places]
            if places:
                cur.executemany(_UPSERT_PLACE, [_place_row(place) for place in places])
            mentions = [m for ex in new for m in ex.mentions]
            if mentions:
                cur.executemany(
                    "INSERT INTO mentions (report_id, start, end_, surface, place_id, confidence)"
                    " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    [(m.report_id, m.start, m.end, m.surface, m.place_id, m.confidence) for m in mentions],
                )
            figures = [f for ex in new for f in ex.figures]
            if figures:
                cur.executemany(
                    "INSERT INTO figures (id, report_id, low, high, qualifier, category, outcome,"
                    " attributed_to, verified, start, end_, surface)"
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
                    [
                        (
                            f.id,
                            f.report_id,
                            f.low,
                            f.high,
                            f.qualifier,
                            f.category,
                            f.outcome,
                            f.attributed_to,
                            f.verified,
                            f.start,
                            f.end,
                            f.surface,
                        )
                        for f in figures
                    ],
                )
        # Linking in memory over the stored events near in time, read once per date range
        # (as SQLiteStore does; see store/incidents.py). Places change within this
        # transaction only through the upserts above: the index starts from them.
        index = IncidentIndex(
            lambda first, last: [
                (_event_from_row(row), row["lat"], row["lon"])  # type: ignore[arg-type]
                for row in conn.execute(
                    "SELECT id, report_ids, date_start, date_end, date_precision, place_ids, type,"
                    " '' AS summary, 0 AS summary_start, 0 AS summary_end, figure_ids, lat, lon"
                    " FROM events WHERE date_start BETWEEN %s AND %s",
                    (first, last),
                ).fetchall()
            ],
            lambda ids: self._places_by_ids(conn, ids),
        )
        latest: dict[str, Place] = {}
        for ex in new:
            for place in ex.places:
                latest[place.id] = place
        index.note_places(latest.values())
        index.prepare(new)
        for ex in new:
            index.link(ex)
        inserts, updates = index.take_writes()
        with conn.cursor() as cur:
            if inserts:
                cur.executemany(_INSERT_EVENT, [_event_row(e, lat, lon) for e, lat, lon in inserts])
            if updates:
                cur.executemany(
                    "UPDATE events SET report_ids = %s, place_ids = %s, figure_ids = %s WHERE id = %s",
                    [(list(e.report_ids), list(e.place_ids), list(e.figure_ids), e.id) for e in updates],
                )
        return saved

    # Per-record writes inside a ``_write`` transaction, as SQLiteStore has them (store/dump.py
    # loads dumps through these on either backend).
    def _save(self, conn: psycopg.Connection[Any], ex: Extraction) -> bool:
        return self._save_batch(conn, [ex])[0]

    def _upsert_place(self, conn: psycopg.Connection[Any], place: Place) -> None:
        conn.execute(_UPSERT_PLACE, _place_row(place))

    def _insert_event(self, conn: psycopg.Connection[Any], event: Event, places: dict[str, Place]) -> None:
        primary = places.get(event.place_ids[0]) if event.place_ids else None
        conn.execute(
            _INSERT_EVENT,
            _event_row(event, primary.lat if primary else None, primary.lon if primary else None),
        )

    # -- reading -------------------------------------------------------------------------
    # Orders match SQLite's: NULLs first, ids and names compared byte by byte.

    def reports(self) -> list[Report]:
        rows = self._query(
            'SELECT * FROM reports ORDER BY published NULLS FIRST, ingested_at NULLS FIRST, id COLLATE "C"'
        )
        return [Report.from_dict(row) for row in rows]

    def report(self, report_id: str) -> Report | None:
        rows = self._query("SELECT * FROM reports WHERE id = %s", (report_id,))
        return Report.from_dict(rows[0]) if rows else None

    def events(
        self,
        date_from: date | None = None,
        date_to: date | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[Event]:
        """Events whose dates overlap [date_from, date_to]; bbox = (south, west, north, east)."""
        clauses: list[str] = []
        params: list[Any] = []
        if date_to is not None:
            clauses.append("date_start <= %s")
            params.append(date_to)
        if date_from is not None:
            clauses.append("COALESCE(date_end, date_start) >= %s")
            params.append(date_from)
        if bbox is not None:
            south, west, north, east = bbox
            clauses.append("lat BETWEEN %s AND %s AND lon BETWEEN %s AND %s")
            params.extend([south, north, west, east])
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._query(
            f'SELECT * FROM events{where} ORDER BY date_start NULLS FIRST, id COLLATE "C"', params
        )
        return [_event_from_row(row) for row in rows]

    def event(self, event_id: str) -> Event | None:
        rows = self._query("SELECT * FROM events WHERE id = %s", (event_id,))
        return _event_from_row(rows[0]) if rows else None

    def figures(self, ids: Iterable[str] | None = None) -> list[Figure]:
        if ids is None:
            rows = self._query('SELECT * FROM figures ORDER BY report_id COLLATE "C", start')
        else:
            rows = self._query(
                'SELECT * FROM figures WHERE id = ANY(%s) ORDER BY id COLLATE "C"',
                (list(dict.fromkeys(ids)),),
            )
        return [figure_from_row(row) for row in rows]

    def places(self, ids: Iterable[str] | None = None) -> list[Place]:
        if ids is None:
            return [
                _place_from_row(row) for row in self._query('SELECT * FROM places ORDER BY name COLLATE "C"')
            ]
        with self._pool.connection() as conn:
            return self._places_by_ids(conn, ids)

    def mentions(self, report_id: str) -> list[Mention]:
        rows = self._query("SELECT * FROM mentions WHERE report_id = %s ORDER BY start", (report_id,))
        return [mention_from_row(row) for row in rows]

    def report_sources(self) -> list[ReportSource]:
        """Every report's id and source, without its text (what the event views need)."""
        with self._pool.connection() as conn, conn.cursor(row_factory=tuple_row) as cur:
            rows = cur.execute(
                'SELECT id, source FROM reports ORDER BY published NULLS FIRST, ingested_at NULLS FIRST, id COLLATE "C"'
            )
            return [ReportSource(*row) for row in rows]

    def report_ids(self) -> set[str]:
        """The ids of every stored report (a batch ingest skips their files unread)."""
        with self._pool.connection() as conn, conn.cursor(row_factory=tuple_row) as cur:
            return {row[0] for row in cur.execute("SELECT id FROM reports")}

    def stats(self) -> dict[str, int]:
        row = self._query(
            "SELECT (SELECT COUNT(*) FROM reports) AS reports, (SELECT COUNT(*) FROM events) AS events,"
            " (SELECT COUNT(*) FROM figures) AS figures, (SELECT COUNT(*) FROM places) AS places"
        )[0]
        return {key: int(row[key]) for key in ("reports", "events", "figures", "places")}

    def _places_by_ids(self, conn: psycopg.Connection[Any], ids: Iterable[str]) -> list[Place]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        rows = conn.execute(
            'SELECT * FROM places WHERE id = ANY(%s) ORDER BY id COLLATE "C"', (wanted,)
        ).fetchall()
        return [_place_from_row(row) for row in rows]  # type: ignore[arg-type]


_UPSERT_PLACE = (
    "INSERT INTO places (id, name, kind, lat, lon, precision, country, admin1, source, geometry)"
    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (id) DO UPDATE SET name=excluded.name,"
    " kind=excluded.kind, lat=excluded.lat, lon=excluded.lon, precision=excluded.precision,"
    " country=excluded.country, admin1=excluded.admin1, source=excluded.source,"
    " geometry=excluded.geometry"
)


_INSERT_EVENT = (
    "INSERT INTO events (id, date_start, date_end, date_precision, type, summary,"
    " summary_start, summary_end, report_ids, place_ids, figure_ids, lat, lon)"
    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING"
)


def _event_row(event: Event, lat: float | None, lon: float | None) -> tuple[Any, ...]:
    return (
        event.id,
        event.date_start,
        event.date_end,
        event.date_precision,
        event.type,
        event.summary,
        event.summary_start,
        event.summary_end,
        list(event.report_ids),
        list(event.place_ids),
        list(event.figure_ids),
        lat,
        lon,
    )


def _place_row(place: Place) -> tuple[Any, ...]:
    return place_row(place, Jsonb(place.geometry) if place.geometry is not None else None)


def _in_utc(conn: psycopg.Connection[Any]) -> None:
    conn.execute("SET TIME ZONE 'UTC'")


def _aware(value: datetime | None) -> datetime | None:
    """Naive times are taken as UTC (what the pipeline writes), so TIMESTAMPTZ keeps them."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


# Rows come back typed (DATE, arrays, JSONB), so records are built directly: linking
# parses every candidate event and place, and from_dict's introspection was most of a save.
def _place_from_row(row: dict[str, Any]) -> Place:
    return Place(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        lat=row["lat"],
        lon=row["lon"],
        precision=row["precision"],
        country=row["country"],
        admin1=row["admin1"],
        source=row["source"],
        geometry=row["geometry"],
    )


def _event_from_row(row: dict[str, Any]) -> Event:
    return Event(
        id=row["id"],
        report_ids=tuple(row["report_ids"]),
        date_start=row["date_start"],
        date_end=row["date_end"],
        date_precision=row["date_precision"],
        place_ids=tuple(row["place_ids"]),
        type=row["type"],
        summary=row["summary"],
        summary_start=row["summary_start"],
        summary_end=row["summary_end"],
        figure_ids=tuple(row["figure_ids"]),
    )
