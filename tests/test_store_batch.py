"""Batch saves link reports exactly as saving them one by one does.

``save_many`` links a whole batch in memory (store/incidents.py ``IncidentIndex``) and, on
SQLite, keeps what it read for the next batch while no one else writes. The reference
here is the one-by-one rule written out plainly: for each report in order, each event is
compared (``find_same_incident``) with every stored event that ``candidate_query``'s SQL
filter would return, and joins the first one that is the same incident.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dashboard.demo import demo_reports
from dashboard.interop.acled import read_acled
from dashboard.interop.ucdp import read_ucdp
from dashboard.model import Event, Extraction, Figure, Place
from dashboard.pipeline import extract_report
from dashboard.reading import read_report_file
from dashboard.store import open_store
from dashboard.store.incidents import candidate_query, find_same_incident, merged_ids

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def _synthetic(count: int) -> list[Extraction]:
    """Wire-style reports built from the demo and annotated sentences (bench generator):
    Syrian places over four weeks, so many events are the same incident."""
    spec = importlib.util.spec_from_file_location(
        "bench_extract_parts", ROOT / "bench" / "bench_extract_parts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [
        extract_report(r.text, published=r.published, source=f"Outlet {i % 5}")
        for i, r in enumerate(module.synthetic_reports(count, 300, seed=5))
    ]


@pytest.fixture(scope="module")
def corpus() -> list[Extraction]:
    found = []
    for demo in demo_reports():
        text = read_report_file(demo.path)
        found.append(
            extract_report(text.text, published=demo.published, source=demo.source, title=demo.title)
        )
    for path in sorted((DATA / "annotated").glob("*.txt"))[:12]:
        found.append(extract_report(path.read_text(encoding="utf-8"), published=date(2025, 3, 10)))
    found.extend(read_acled(DATA / "interop" / "acled_syria_2025.csv").extractions)
    found.extend(read_ucdp(DATA / "interop" / "ucdp_ged_syria_2025.csv").extractions)
    found.extend(_synthetic(160))
    return found


def reference(batches: list[list[Extraction]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Events (id -> report ids, place ids, figure ids) after saving ``batches`` with the
    one-by-one rule. A batch's places are written before its events are linked."""
    reports: set[str] = set()
    places: dict[str, Place] = {}
    events: dict[str, tuple[Event, float | None, float | None]] = {}
    for batch in batches:
        new = []
        for ex in batch:
            if ex.report.id not in reports:
                reports.add(ex.report.id)
                new.append(ex)
        for ex in new:
            places.update((p.id, p) for p in ex.places)
        for ex in new:
            own = ex.place_by_id()
            for event in ex.events:
                query = candidate_query(event, own)
                linked = None
                if query is not None:
                    candidates = []
                    for stored, lat, lon in events.values():
                        if stored.date_start is None or stored.type not in query.types:
                            continue
                        if not query.date_from <= stored.date_start <= query.date_to:
                            continue
                        if query.box is not None and lat is not None and lon is not None:
                            south, west, north, east = query.box
                            if not (south <= lat <= north and west <= lon <= east):
                                continue
                        candidates.append(stored)
                    linked = find_same_incident(
                        event, candidates, own, lambda ids: [places[i] for i in ids if i in places]
                    )
                if linked is None:
                    if event.id not in events:
                        primary = own.get(event.place_ids[0]) if event.place_ids else None
                        events[event.id] = (event, primary and primary.lat, primary and primary.lon)
                else:
                    report_ids, place_ids, figure_ids = merged_ids(linked, event)
                    _, lat, lon = events[linked.id]
                    joined = replace(
                        linked,
                        report_ids=tuple(report_ids),
                        place_ids=tuple(place_ids),
                        figure_ids=tuple(figure_ids),
                    )
                    events[linked.id] = (joined, lat, lon)
    return {e.id: (e.report_ids, e.place_ids, e.figure_ids) for e, _, _ in events.values()}


def stored(store) -> dict[str, tuple[tuple[str, ...], ...]]:  # type: ignore[no-untyped-def]
    return {e.id: (e.report_ids, e.place_ids, e.figure_ids) for e in store.events()}


def in_batches(items: list[Extraction], size: int) -> list[list[Extraction]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@pytest.mark.parametrize("size", [1, 7, 50, 10_000])
def test_batches_link_as_one_by_one(store, corpus: list[Extraction], size: int) -> None:  # type: ignore[no-untyped-def]
    expected = reference([[ex] for ex in corpus])
    # the corpus exercises linking: many events joined, some by three reports or more
    assert len(expected) < sum(len(ex.events) for ex in corpus) / 2
    assert max(len(ids[0]) for ids in expected.values()) >= 3
    for batch in in_batches(corpus, size):
        store.save_many(batch)
    assert stored(store) == expected
    # saving everything again changes nothing and counts every report as already stored
    assert store.save_many(corpus) == (0, len({ex.report.id for ex in corpus}))
    assert stored(store) == expected


def test_a_place_stored_in_another_version_is_linked_by_the_general_rule(
    store, corpus: list[Extraction]
) -> None:  # type: ignore[no-untyped-def]
    """A report whose place differs from the stored one (renamed in a newer gazetteer):
    candidates are then resolved as one-by-one saving does, not through the shortcut."""
    synthetic = corpus[-160:]
    target = next(ex for ex in synthetic[40:] if ex.events and ex.events[0].place_ids)
    primary = target.events[0].place_ids[0]
    renamed = tuple(replace(p, name=p.name + " (renamed)") if p.id == primary else p for p in target.places)
    changed = replace(target, places=renamed)
    # Last, so the renamed version is what stays stored; the other reports of its batch
    # then hold a place that differs from the stored one.
    items = [ex for ex in synthetic if ex is not target] + [changed]
    batches = in_batches(items, 30)
    for batch in batches:
        store.save_many(batch)
    assert stored(store) == reference(batches)
    assert any(p.name.endswith("(renamed)") for p in store.places())


def _ambush(outlet: str, toll: int) -> Extraction:
    return extract_report(
        f"Gunmen ambushed a security patrol near Jableh on 6 March 2025, killing {toll} personnel, "
        f"{outlet} reported.",
        source=outlet,
    )


@pytest.mark.sqlite_only
def test_linking_after_another_writer_sees_its_events(db_path: Path) -> None:
    """Two store objects (two connections, as two processes would have) on one file: what
    one of them holds in memory between batches must not hide the other's writes."""
    first, second = open_store(str(db_path)), open_store(str(db_path))
    reports = [_ambush("Wire A", 13), _ambush("Wire B", 14), _ambush("Wire C", 15)]
    assert first.save_many([reports[0]]) == (1, 0)
    assert second.save_many([reports[1]]) == (1, 0)  # joins the ambush first stored
    assert first.save_many([reports[2]]) == (1, 0)  # must see the report second added
    ambushes = [e for e in first.events() if e.type == "ambush"]
    assert len(ambushes) == 1
    assert set(ambushes[0].report_ids) == {r.report.id for r in reports}
    assert len(ambushes[0].figure_ids) == 3  # side by side, not summed
    first.close()
    second.close()


def test_a_refused_batch_leaves_no_link_behind(store) -> None:  # type: ignore[no-untyped-def]
    """A batch that fails (a count no column can hold) is rolled back, and what linking
    did in memory for it is forgotten: the next report joins the stored event alone."""
    a, b, c = _ambush("Wire A", 13), _ambush("Wire B", 14), _ambush("Wire C", 15)
    assert store.save_many([a]) == (1, 0)
    poison = Extraction(
        replace(b.report, id="0" * 16),
        (),
        (),
        (Figure("f-big", "0" * 16, 2**70, None, "more_than", "people", "killed", None, False, 0, 5, "x"),),
        (),
    )
    with pytest.raises((OverflowError, store.IntegrityError)):
        store.save_many([b, poison])
    assert store.save_many([c]) == (1, 0)
    ambushes = [e for e in store.events() if e.type == "ambush"]
    assert len(ambushes) == 1
    assert set(ambushes[0].report_ids) == {a.report.id, c.report.id}
    assert {r.id for r in store.reports()} == {a.report.id, c.report.id}


@pytest.mark.sqlite_only
def test_a_dump_load_between_batches_is_seen(db_path: Path) -> None:
    """Writes that bypass save_many on the same connection (here a raw UPDATE through the
    store's write path) make the next batch read events afresh."""
    store = open_store(str(db_path))
    a, b = _ambush("Wire A", 13), _ambush("Wire B", 14)
    store.save_many([a])
    (event,) = [e for e in store.events() if e.type == "ambush"]

    def drop_link(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE events SET type = 'shelter' WHERE id = ?", (event.id,))

    store._write(drop_link)  # an ambush is never the same incident as a shelter
    store.save_many([b])
    kinds = sorted(
        e.type for e in store.events() if a.report.id in e.report_ids or b.report.id in e.report_ids
    )
    assert kinds == ["ambush", "shelter"]
    store.close()


def test_report_ids_lists_every_stored_report(store) -> None:  # type: ignore[no-untyped-def]
    a, b = _ambush("Wire A", 13), _ambush("Wire B", 14)
    assert store.report_ids() == set()
    store.save_many([a, b])
    assert store.report_ids() == {a.report.id, b.report.id}


def test_report_sources_give_each_report_its_outlet_without_the_text(store) -> None:  # type: ignore[no-untyped-def]
    a, b = _ambush("Wire A", 13), _ambush("Wire B", 14)
    unnamed = extract_report("Gunmen ambushed a patrol near Jableh on 6 March 2025, killing 9.")
    assert store.report_sources() == []
    store.save_many([a, b, unnamed])
    sources = {r.id: r.source for r in store.report_sources()}
    assert sources == {a.report.id: "Wire A", b.report.id: "Wire B", unnamed.report.id: None}
    assert all(not hasattr(r, "text") for r in store.report_sources())
