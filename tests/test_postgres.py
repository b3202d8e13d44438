"""The PostgreSQL store on a real throwaway server (tests/pg.py): the same interface and the
same answers as the SQLite store, and exact counts with several writer processes."""

from __future__ import annotations

import multiprocessing
import random
import socket
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_store import JABLAH, TARTUS, extraction

from dashboard.interop.acled import read_acled
from dashboard.interop.ucdp import read_ucdp
from dashboard.model import Extraction, Mention, Place
from dashboard.store import StoreError, open_store
from dashboard.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from pg import PgServer  # imported by pytest_plugins below, so pytest can rewrite its asserts

DATA = Path(__file__).parent / "data" / "interop"


@pytest.fixture()
def pg_store(pg_url: str):  # type: ignore[no-untyped-def]
    """A PostgresStore on a fresh database."""
    s = open_store(pg_url)
    yield s
    s.close()


def test_open_store_picks_postgres_for_a_postgresql_url(pg_store) -> None:  # type: ignore[no-untyped-def]
    from dashboard.store.postgres import PostgresStore

    assert isinstance(pg_store, PostgresStore)
    assert pg_store.stats() == {"reports": 0, "events": 0, "figures": 0, "places": 0}


def test_schema_versions_match_sqlite(pg_store) -> None:  # type: ignore[no-untyped-def]
    """A migration added to one backend and not the other fails here."""
    from dashboard.store.postgres import MIGRATIONS

    assert [v for v, _ in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    assert pg_store.schema_version() == SCHEMA_VERSION


def test_refuses_a_newer_schema(pg_url: str) -> None:
    import psycopg

    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url)


def test_unreachable_server_is_a_clear_error_without_the_password() -> None:
    with socket.socket() as sock:  # a localhost port with nothing listening on it
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    url = f"postgresql://atlas:s3cret@127.0.0.1:{port}/atlas"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert f"127.0.0.1:{port}/atlas" in message and "cannot connect" in message
    assert "s3cret" not in message


def test_a_failed_save_leaves_nothing_half_written(pg_store) -> None:  # type: ignore[no-untyped-def]
    good = extraction("Ambush near Jablah kills 13.", JABLAH, date(2025, 3, 6))
    broken_mention = Mention("0000000000000000", 0, 6, "Jablah", JABLAH.id, 0.9)
    bad = Extraction(good.report, (broken_mention,), good.places, good.figures, good.events)
    with pytest.raises(pg_store.IntegrityError):
        pg_store.save(bad)
    assert pg_store.stats() == {"reports": 0, "events": 0, "figures": 0, "places": 0}
    assert pg_store.save(good) is True


def test_indexes_exist_and_serve_date_and_position_queries(pg_store, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        names = {
            row[0] for row in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'events'")
        }
        assert {"events_by_date", "events_by_position"} <= names
        # An empty table is scanned whole whatever the indexes; forbid that to see the plan
        # the server uses once the table is large.
        conn.execute("SET enable_seqscan = off")
        plan = " ".join(
            r[0] for r in conn.execute("EXPLAIN SELECT * FROM events WHERE date_start <= '2025-03-10'")
        )
        assert "events_by_date" in plan
        plan = " ".join(
            r[0] for r in conn.execute("EXPLAIN SELECT * FROM events WHERE lat BETWEEN 34 AND 36")
        )
        assert "events_by_position" in plan


def test_area_shapes_and_dates_round_trip(pg_store) -> None:  # type: ignore[no-untyped-def]
    coast = Place(
        "overlay:syrian-coast",
        "Syrian coast",
        "region",
        35.2,
        35.95,
        "region",
        "SY",
        None,
        "overlay",
        {
            "type": "Polygon",
            "coordinates": [[[35.7, 34.6], [36.2, 34.6], [36.2, 35.9], [35.7, 35.9], [35.7, 34.6]]],
        },
    )
    ex = extraction(
        "Killings across the Syrian coast, monitors said.", coast, date(2025, 3, 8), "killings", 745
    )
    assert pg_store.save(ex)
    assert pg_store.places([coast.id]) == [coast]
    stored = pg_store.report(ex.report.id)
    assert stored is not None and stored.published == date(2025, 3, 8)
    # The store stamps the ingest time when the extraction has none, as SQLite does.
    assert stored.ingested_at is not None and stored.ingested_at.tzinfo is not None
    assert replace(stored, ingested_at=None) == ex.report
    assert pg_store.events(bbox=(34.0, 35.0, 36.0, 37.0)) == list(ex.events)


def test_a_number_too_large_for_either_backend_is_an_overflow_error(pg_store) -> None:  # type: ignore[no-untyped-def]
    ex = extraction("Clashes in Tartus leave 4 dead.", TARTUS, date(2025, 3, 9), "armed_clash", 2**70)
    with pytest.raises(OverflowError):
        pg_store.save(ex)
    assert pg_store.stats()["reports"] == 0


def test_figures_as_large_as_sqlite_integers_fit(pg_store) -> None:  # type: ignore[no-untyped-def]
    ex = extraction(
        "Over 3,000,000,000 people were affected across the region.",
        TARTUS,
        date(2025, 3, 9),
        "other",
        3_000_000_000,
    )
    assert pg_store.save(ex)
    assert [(f.low, f.high) for f in pg_store.figures()] == [(3_000_000_000, 3_000_000_000)]


# --- the same answers as SQLite ------------------------------------------------------------


def _realistic_extractions() -> list[Extraction]:
    """The demo reports through the real pipeline, then ACLED and UCDP GED imports: reports
    that link across outlets and datasets, areas and points, ranges and open figures."""
    from dashboard.demo import demo_reports
    from dashboard.pipeline import extract_report
    from dashboard.reading import read_report_file

    found = []
    for demo in demo_reports():
        text = read_report_file(demo.path)
        found.append(
            extract_report(
                text.text, published=demo.published, source=demo.source, title=demo.title, url=demo.url
            )
        )
    found.extend(read_acled(DATA / "acled_syria_2025.csv").extractions)
    found.extend(read_ucdp(DATA / "ucdp_ged_syria_2025.csv").extractions)
    return found


def _everything(s):  # type: ignore[no-untyped-def]
    # Reports tied on (published, ingested_at) -- a whole imported file shares one ingest
    # time -- have no defined order in either backend; compare them by id.
    reports = sorted(s.reports(), key=lambda r: r.id)
    return {
        "stats": s.stats(),
        "reports": reports,
        "events": s.events(),
        "figures": sorted(s.figures(), key=lambda f: f.id),
        "places": sorted(s.places(), key=lambda p: p.id),
        "mentions": [s.mentions(r.id) for r in reports],
        "march": s.events(date_from=date(2025, 3, 7), date_to=date(2025, 3, 8)),
        "coast": s.events(bbox=(34.8, 35.7, 35.7, 36.2)),
    }


def test_same_saves_give_the_same_store_as_sqlite(pg_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = _realistic_extractions()
    sqlite = open_store(str(tmp_path / "same.db"))
    for target in (sqlite, pg_store):
        for ex in batch[:3]:
            assert target.save(ex) is True
        assert target.save_many(batch) == (len(batch) - 3, 3)
    expected, got = _everything(sqlite), _everything(pg_store)
    sqlite.close()
    for key in expected:
        assert got[key] == expected[key], key
    # Linking happened (fewer events than were saved), so the comparison covered it.
    assert got["stats"]["events"] < sum(len(ex.events) for ex in batch)


def test_tables_go_to_the_schema_named_in_the_url(pg_url: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA atlas")
    s = open_store(pg_url + "?options=-csearch_path%3Datlas")
    s.save(extraction("Clashes in Tartus leave 4 dead.", TARTUS, date(2025, 3, 9), "armed_clash", 4))
    s.close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name = 'reports'"
        )
        assert tables.fetchall() == [("atlas", "reports")]
        assert conn.execute("SELECT COUNT(*) FROM atlas.reports").fetchone() == (1,)


def test_two_replicas_see_each_others_writes(pg_url: str) -> None:
    a, b = open_store(pg_url), open_store(pg_url)
    ex = extraction("Clashes in Tartus leave 4 dead.", TARTUS, date(2025, 3, 9), "armed_clash", 4)
    assert a.save(ex) is True
    assert b.save(ex) is False
    assert b.event(ex.events[0].id) == ex.events[0]
    a.close()
    b.close()


# --- several writer processes ----------------------------------------------------------------

WRITERS = 4


def _incident_report(n: int) -> Extraction:
    """Report ``n`` of one ambush near Jablah, each from a different outlet and wording."""
    return extraction(
        f"Outlet {n}: gunmen ambushed a patrol near Jablah, killing {10 + n}.", JABLAH, date(2025, 3, 6)
    )


def _separate_report(n: int) -> Extraction:
    """Report ``n`` of clashes in Tartus on its own day (two weeks apart: never linked)."""
    day = date(2024, 1, 1) + timedelta(days=14 * n)
    return extraction(f"Clashes in Tartus on {day} leave {n} dead.", TARTUS, day, "armed_clash", n + 1)


def _writer(url: str, worker: int, start: object) -> None:
    start.wait(30)  # type: ignore[attr-defined]  # all writers begin together
    s = open_store(url)  # the first opens race to create the schema too
    # Every writer saves the same shared reports and the same incident reports (in its
    # own order), plus reports only it has.
    shared = [_separate_report(n) for n in range(10)]
    incident = [_incident_report(n) for n in range(WRITERS * 2)]
    own = [_separate_report(100 + worker * 10 + n) for n in range(5)]
    mixed = shared + incident + own
    random.Random(worker).shuffle(mixed)
    for i in range(0, len(mixed), 3):
        s.save_many(mixed[i : i + 3])
    for ex in shared[:3]:
        s.save(ex)
    s.close()


def test_concurrent_writers_store_each_report_once_and_link_one_incident(pg_server: PgServer) -> None:
    url = pg_server.url(pg_server.create_database())  # fresh: the writers also race to migrate
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [context.Process(target=_writer, args=(url, w, start)) for w in range(WRITERS)]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0] * WRITERS

    s = open_store(url)
    shared, incident, own = 10, WRITERS * 2, WRITERS * 5
    stats = s.stats()
    assert stats["reports"] == shared + incident + own
    assert stats["figures"] == shared + incident + own
    assert stats["places"] == 2  # Jablah and Tartus
    # The incident reports became one event holding all of them; the others one each.
    assert stats["events"] == shared + own + 1
    jablah = [e for e in s.events() if e.place_ids[0] == JABLAH.id]
    assert len(jablah) == 1
    assert sorted(jablah[0].report_ids) == sorted(_incident_report(n).report.id for n in range(incident))
    assert len(jablah[0].figure_ids) == incident
    assert s.schema_version() == SCHEMA_VERSION
    s.close()


def test_analysts_importing_the_same_files_at_once_store_them_once(
    pg_server: PgServer, tmp_path: Path
) -> None:
    """Four processes each run `report-atlas import` for the ACLED file, then the UCDP file,
    on one database at the same time: the same store as one import after the other.

    (Each process imports ACLED first, and a whole ACLED file is one transaction, so some
    ACLED import always commits before any UCDP row: linking sees the same order as the
    sequential run. Which event a report joins can depend on that order, by design.)
    """
    import os
    import subprocess
    import sys

    url = pg_server.url(pg_server.create_database())
    script = (
        "import sys; from dashboard.cli import main; "
        "a = main(['import', '--format', 'acled', sys.argv[1]]); "
        "u = main(['import', '--format', 'ucdp', sys.argv[2]]); sys.exit(a or u)"
    )
    files = [str(DATA / "acled_syria_2025.csv"), str(DATA / "ucdp_ged_syria_2025.csv")]
    env = dict(os.environ, REPORT_ATLAS_DB=url)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, *files],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(4)
    ]
    assert [p.wait(120) for p in processes] == [0] * 4

    sequential = open_store(str(tmp_path / "one-after-the-other.db"))
    sequential.save_many(read_acled(DATA / "acled_syria_2025.csv").extractions)
    sequential.save_many(read_ucdp(DATA / "ucdp_ged_syria_2025.csv").extractions)
    together = open_store(url)
    # 6 ACLED + 4 UCDP rows; 3 UCDP rows are incidents ACLED also coded (Jablah, Baniyas, Sweida).
    assert together.stats() == sequential.stats() == {"reports": 10, "events": 7, "figures": 9, "places": 10}
    assert together.events() == sequential.events()
    together.close()
    sequential.close()
