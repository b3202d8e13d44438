"""Whole-store dump/load (dashboard.store.dump) is lossless, field by field, on real SQLite.

The store is filled with hand-built records that exercise every field: full report text in
several scripts, hostile markup, None in every optional field, area places with GeoJSON
geometry, events spanning several reports. A hypothesis test then throws arbitrary unicode
and floats at the same round trip.
"""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.model import Event, Extraction, Figure, Mention, Place, Report
from dashboard.store import open_store
from dashboard.store.dump import DumpError, dump_store, load_dump
from dashboard.store.sqlite import SQLiteStore

TABLES = ("reports", "places", "mentions", "figures", "events")
pytest_plugins = ["pg"]  # pg_url: a database on a throwaway PostgreSQL server (tests/pg.py)

LATAKIA = Place("geonames:173576", "Latakia", "city", 35.5312, 35.7909, "city", "SY", "02", "geonames")
JABLAH = Place("geonames:169304", "Jablah", "city", 35.36211, 35.92759, "city", "SY", "02", "geonames")
COAST = Place(
    "overlay:syrian-coast",
    "the coastal region",
    "region",
    35.2,
    35.95,
    "region",
    "SY",
    None,
    "overlay (approximate hull of Latakia + Tartus governorates)",
    {
        "type": "Polygon",
        "coordinates": [[[35.7, 34.6], [36.3, 34.6], [36.3, 35.9], [35.7, 35.9], [35.7, 34.6]]],
    },
)
HMEIMIM = Place("overlay:hmeimim-air-base", "Hmeimim Air Base", "landmark", 35.4011, 35.9486, "exact")


def _extraction(
    text: str,
    places: tuple[Place, ...],
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
    language: str = "en",
    event_date: date | None = None,
) -> Extraction:
    report = Report.from_text(
        text,
        title=title,
        source=source,
        url=url,
        published=published,
        language=language,
        ingested_at=datetime(2025, 3, 11, 9, 30, 15, 123456, tzinfo=UTC),
    )
    mentions = []
    for place in places:
        start = report.text.find(place.name)
        if start >= 0:
            mentions.append(Mention(report.id, start, start + len(place.name), place.name, place.id, 0.75))
    mentions.append(Mention(report.id, 0, 1, report.text[0], None, 0.1))  # an unresolved mention
    figure = Figure(
        id=f"fig-{report.id}",
        report_id=report.id,
        low=1401,
        high=None,
        qualifier="more_than",
        category="civilians",
        outcome="killed",
        attributed_to="news reports",
        verified=True,
        start=0,
        end=len(report.text),
        surface="over 1,400",
    )
    vague = Figure(
        id=f"fig2-{report.id}",
        report_id=report.id,
        low=None,
        high=None,
        qualifier="vague",
        category="unknown",
        outcome="displaced",
        attributed_to=None,
        verified=False,
        start=1,
        end=2,
    )
    event = Event(
        id=f"evt-{report.id}",
        report_ids=(report.id,),
        date_start=event_date,
        date_end=event_date,
        date_precision="day" if event_date else "month",
        place_ids=tuple(p.id for p in places),
        type="killings",
        summary=report.text[:80],
        summary_start=0,
        summary_end=min(80, len(report.text)),
        figure_ids=(figure.id, vague.id),
    )
    return Extraction(report, tuple(mentions), places, (figure, vague), (event,))


def _fill(store) -> None:  # type: ignore[no-untyped-def]
    store.save(
        _extraction(
            "Security forces said gunmen killed over 1,400 civilians across the coastal region, "
            "with families sheltering near Hmeimim Air Base south of Latakia.",
            (COAST, HMEIMIM, LATAKIA),
            source="Wire <b>service</b>",
            url="https://example.org/news?id=1&lang=en",
            published=date(2025, 3, 10),
        )
    )
    store.save(
        _extraction(
            "قالت مصادر إن مسلحين قتلوا 13 عنصراً من قوات الأمن في جبلة.\n\nJablah\u2028next line",
            (JABLAH,),
            title="<script>alert('title')</script>",
            language="ar",
            event_date=date(2025, 3, 6),
        )
    )
    store.save(_extraction("A bare report with no metadata at all.", (), title=""))


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def _records(store) -> dict[str, list]:  # type: ignore[no-untyped-def]
    reports = store.reports()
    return {
        "reports": reports,
        "places": store.places(),
        "mentions": [m for r in reports for m in store.mentions(r.id)],
        "figures": store.figures(),
        "events": store.events(),
    }


def _round_trip(tmp_path: Path, source) -> tuple[Any, str, int]:  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    written = dump_store(source, buffer)
    target = open_store(str(tmp_path / "copy.db"))
    loaded = load_dump(target, io.StringIO(buffer.getvalue()))
    return target, buffer.getvalue(), written if written == loaded else -1


@pytest.mark.sqlite_only
def test_round_trip_is_lossless_field_by_field(tmp_path: Path, store, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    target, text, count = _round_trip(tmp_path, store)
    # 3 reports, 4 places, 3+2+1 mentions... every record written was loaded as new
    assert count == 3 + 4 + (4 + 2 + 1) + 6 + 3
    before, after = _records(store), _records(target)
    for kind in before:
        assert len(after[kind]) == len(before[kind]), kind
        for old, new in zip(before[kind], after[kind], strict=True):
            for name, value in vars(old).items():
                assert getattr(new, name) == value, (kind, name)
                assert type(getattr(new, name)) is type(value), (kind, name)
    # ...and the raw tables, including the columns the model does not carry (event lat/lon)
    assert _rows(tmp_path / "copy.db") == _rows(db_path)
    # dumping the copy gives the same file
    again = io.StringIO()
    dump_store(target, again)
    assert again.getvalue() == text
    target.close()


def test_demo_store_with_linked_events_round_trips(tmp_path: Path, store, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The real pipeline's output, events linked across reports; from either backend."""
    from dashboard.demo import ensure_demo_data

    assert ensure_demo_data(store) > 0
    assert any(len(e.report_ids) > 1 for e in store.events()), "the demo links reports"
    target, text, count = _round_trip(tmp_path, store)
    assert count == len(text.splitlines()) - 1
    assert _records(target) == _records(store)
    if isinstance(store, SQLiteStore):  # the PostgreSQL run compares records only
        assert _rows(tmp_path / "copy.db") == _rows(db_path)
    target.close()


def test_text_survives_exactly(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    target, text, _ = _round_trip(tmp_path, store)
    arabic = next(r for r in target.reports() if r.language == "ar")
    assert "جبلة" in arabic.text and "\u2028" in arabic.text and "\n\n" in arabic.text
    assert arabic.title == "<script>alert('title')</script>"
    # one record per line, even for readers that also break lines at U+2028 / U+0085
    assert len(text.splitlines()) == text.count("\n")
    assert len(text.splitlines()) == 1 + sum(len(v) for v in _records(target).values())
    coast = target.places(["overlay:syrian-coast"])[0]
    assert coast.geometry == COAST.geometry
    target.close()


def test_loading_twice_is_a_no_op(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    target, text, _ = _round_trip(tmp_path, store)
    stats = target.stats()
    assert load_dump(target, io.StringIO(text)) == 0
    assert target.stats() == stats
    target.close()


def test_empty_store_round_trips(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    target, text, count = _round_trip(tmp_path, store)
    assert count == 0 and len(text.splitlines()) == 1
    assert target.stats() == {"reports": 0, "events": 0, "figures": 0, "places": 0}
    target.close()


def _broken_variants(text: str) -> list[tuple[str, str]]:
    lines = text.splitlines(keepends=True)
    figure_line = next(i for i, line in enumerate(lines) if '"record":"figure"' in line)
    return [
        ("", "empty"),
        ("hello\n", "not a Report Atlas dump"),
        ('{"format": "report-atlas", "version": 99}\n', "newer"),
        ("".join(lines[:-1]), "incomplete"),  # cut short at a line boundary
        ("".join(lines) + "{not json\n", f"line {len(lines) + 1}"),
        ("".join(lines) + '{"record": "spaceship"}\n', "unknown record kind"),
        ("".join(lines) + "[1, 2]\n", "JSON object"),
        (
            "".join(lines[:figure_line])
            + lines[figure_line]
            .replace('"qualifier"', '"date_start":1,"qualifier"')
            .replace('"low":1401,', "")
            + "".join(lines[figure_line + 1 :]),
            f"line {figure_line + 1}",
        ),
        ("".join(lines).replace('"published":"2025-03-10"', '"published":"2025-13-45"'), "bad report"),
    ]


def test_broken_dumps_are_refused_and_change_nothing(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    buffer = io.StringIO()
    dump_store(store, buffer)
    target = open_store(str(tmp_path / "copy.db"))
    for broken, reason in _broken_variants(buffer.getvalue()):
        with pytest.raises(DumpError, match=reason):
            load_dump(target, io.StringIO(broken))
        assert target.stats() == {"reports": 0, "events": 0, "figures": 0, "places": 0}
    target.close()


def test_figure_without_its_report_is_refused_whole(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    buffer = io.StringIO()
    dump_store(store, buffer)
    lines = buffer.getvalue().splitlines(keepends=True)
    header = lines[0].replace('"reports":3', '"reports":2')
    first_report = next(i for i, line in enumerate(lines) if '"record":"report"' in line)
    orphaned = [header, *lines[1:first_report], *lines[first_report + 1 :]]
    target = open_store(str(tmp_path / "copy.db"))
    with pytest.raises(DumpError, match="which is not in the dump"):
        load_dump(target, io.StringIO("".join(orphaned)))
    assert target.stats()["reports"] == 0  # the two good reports were not kept either
    target.close()


def test_record_with_a_wrong_field_type_is_refused_whole(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    buffer = io.StringIO()
    dump_store(store, buffer)
    target = open_store(str(tmp_path / "copy.db"))
    for good, bad in [
        ('"lat":35.5312,', '"lat":null,'),  # Latakia without a position
        ('"lat":35.5312,', '"lat":"35.5312",'),  # a number as text: SQLite would keep it
        ('"verified":true', '"verified":"yes"'),
        ('"low":1401', '"low":1401.5'),
    ]:
        broken = buffer.getvalue().replace(good, bad, 1)
        assert broken != buffer.getvalue()
        with pytest.raises(DumpError, match=r"line \d+: bad (place|figure) record"):
            load_dump(target, io.StringIO(broken))
        assert target.stats() == {"reports": 0, "events": 0, "figures": 0, "places": 0}
    target.close()


# --- across backends: SQLite -> PostgreSQL -> SQLite -----------------------------------------


@pytest.mark.sqlite_only
def test_sqlite_to_postgres_and_back_is_lossless(tmp_path: Path, store, db_path: Path, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    first = io.StringIO()
    written = dump_store(store, first)
    pg = open_store(pg_url)
    try:
        assert load_dump(pg, io.StringIO(first.getvalue())) == written
        assert _records(pg) == _records(store)
        second = io.StringIO()
        assert dump_store(pg, second) == written
    finally:
        pg.close()
    back = open_store(str(tmp_path / "back.db"))
    assert load_dump(back, io.StringIO(second.getvalue())) == written
    assert _records(back) == _records(store)
    assert _rows(tmp_path / "back.db") == _rows(db_path)
    back.close()


# --- arbitrary content -------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=200).filter(
    lambda t: t.strip()
)
_coord = st.floats(min_value=-90, max_value=90, allow_nan=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=_text,
    title=st.one_of(st.none(), st.text(max_size=50)),
    source=st.one_of(st.none(), st.text(max_size=50)),
    name=st.text(min_size=1, max_size=30),
    lat=_coord,
    lon=_coord,
    low=st.one_of(st.none(), st.integers(min_value=0, max_value=2**62)),
    published=st.one_of(st.none(), st.dates()),
)
def test_arbitrary_records_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    text: str,
    title: str | None,
    source: str | None,
    name: str,
    lat: float,
    lon: float,
    low: int | None,
    published: date | None,
) -> None:
    folder = tmp_path_factory.mktemp("dump")
    store = open_store(str(folder / "a.db"))
    place = Place(f"overlay:{name}", name, "village", lat, lon, "exact", None, None, name)
    ex = _extraction(text, (place,), title=title, source=source, published=published)
    figure = Figure.from_dict({**ex.figures[0].to_dict(), "low": low, "high": low})
    store.save(Extraction(ex.report, ex.mentions, ex.places, (figure, ex.figures[1]), ex.events))
    target, _, count = _round_trip(folder, store)
    assert count > 0
    assert _records(target) == _records(store)
    assert _rows(folder / "copy.db") == _rows(folder / "a.db")
    store.close()
    target.close()


@pytest.fixture(scope="module")
def real_dump(tmp_path_factory: pytest.TempPathFactory) -> str:
    source = open_store(str(tmp_path_factory.mktemp("dump-src") / "a.db"))
    _fill(source)
    buffer = io.StringIO()
    dump_store(source, buffer)
    source.close()
    return buffer.getvalue()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mangled_dumps_load_whole_or_not_at_all(
    real_dump: str, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Edited, cut, shuffled dumps: load_dump refuses with a DumpError and changes nothing,
    or loads -- never another exception, never half a dump."""
    lines = real_dump.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        what = data.draw(st.sampled_from(["cut", "edit", "drop", "dup", "swap", "truncate"]))
        i = data.draw(st.integers(0, len(lines) - 1))
        if what == "cut":
            a = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:a] + lines[i][a + data.draw(st.integers(1, 20)) :]
        elif what == "edit":
            a = data.draw(st.integers(0, max(0, len(lines[i]) - 1)))
            lines[i] = lines[i][:a] + data.draw(st.characters()) + lines[i][a + 1 :]
        elif what == "drop" and len(lines) > 1:
            del lines[i]
        elif what == "dup":
            lines.insert(i, lines[i])
        elif what == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif what == "truncate":
            lines = lines[: i + 1]
    target = open_store(str(tmp_path_factory.mktemp("mangled") / "t.db"))
    try:
        load_dump(target, io.StringIO("".join(lines)))
    except DumpError:
        assert target.stats() == {"reports": 0, "events": 0, "figures": 0, "places": 0}
    finally:
        target.close()


@pytest.mark.sqlite_only
def test_cli_export_import_atlas_round_trip(tmp_path: Path, store, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`report-atlas export --format atlas` then `import --format atlas` into a new store
    (DESIGN.md: a whole-store export/import round-trip is lossless)."""
    import os
    import subprocess
    import sys

    _fill(store)
    dump = tmp_path / "store.atlas.jsonl"
    cli = [sys.executable, "-m", "dashboard.cli"]
    out = subprocess.run(
        [*cli, "export", "--format", "atlas", "--out", str(dump)],
        env={**os.environ, "REPORT_ATLAS_DB": str(db_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    copy = tmp_path / "copy.db"
    back = subprocess.run(
        [*cli, "import", "--format", "atlas", str(dump)],
        env={**os.environ, "REPORT_ATLAS_DB": str(copy)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert back.returncode == 0, back.stderr
    assert _rows(copy) == _rows(db_path)
