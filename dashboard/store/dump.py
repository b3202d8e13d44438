"""Whole-store export and import in Report Atlas's own lossless format (JSON Lines).

``report-atlas export --format atlas`` / ``import --format atlas`` use these. Unlike the
CSV/GeoJSON exports (made for other tools, and lossy: one row per event), a dump holds
every record the store keeps -- reports with their full text, places with geometry,
mentions, figures and events -- so a store can be moved, backed up or upgraded and come
back identical, field by field.

Format: one JSON object per line. The first line is a header::

    {"format": "report-atlas", "version": 1, "schema": 1, "counts": {...}}

then one line per record, ``{"record": "<kind>", ...the model's to_dict()...}`` in the
order reports, places, mentions, figures, events (figures and mentions refer to reports,
so that order lets a dump be loaded as it is read).

Loading is all or nothing: the whole dump goes in one transaction, and any bad line (not
JSON, unknown record kind, a field the model refuses) aborts it with the line number, so
a truncated or edited file never leaves half a store behind. Records already in the store
are kept as they are (loading the same dump twice is a no-op); places are updated to the
dumped version, as a fresh ingest would.
"""

from __future__ import annotations

import json
import sqlite3
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TextIO, Union, get_args, get_origin, get_type_hints

from dashboard.model import Event, Extraction, Figure, Mention, Place, Report
from dashboard.store.schema import SCHEMA_VERSION
from dashboard.store.sqlite import SQLiteStore, StoreError

if TYPE_CHECKING:
    from dashboard.store.postgres import PostgresStore

Store = Union[SQLiteStore, "PostgresStore"]

DUMP_FORMAT = "report-atlas"
DUMP_VERSION = 1

# Record kinds in the order they are written (and must be loadable in).
RECORD_KINDS: tuple[str, ...] = ("report", "place", "mention", "figure", "event")


class DumpError(StoreError, ValueError):
    """A dump that cannot be loaded; the message gives the line and the reason."""


# Characters that str.splitlines() (and many editors and tools) treat as line breaks but
# json.dumps(ensure_ascii=False) leaves raw; escaped, one record stays one line everywhere.
_LINE_BREAKS = {ord(ch): f"\\u{ord(ch):04x}" for ch in "\x85\u2028\u2029"}


def _line(kind: str, data: dict[str, Any]) -> str:
    # ensure_ascii=False keeps Arabic names readable in the file.
    text = json.dumps({"record": kind, **data}, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_LINE_BREAKS) + "\n"


def _records(store: Store) -> Iterator[tuple[str, dict[str, Any]]]:
    reports = store.reports()
    for report in reports:
        yield "report", report.to_dict()
    for place in store.places():
        yield "place", place.to_dict()
    for report in reports:
        for mention in store.mentions(report.id):
            yield "mention", mention.to_dict()
    for figure in store.figures():
        yield "figure", figure.to_dict()
    for event in store.events():
        yield "event", event.to_dict()


@contextmanager
def _snapshot(store: Store) -> Iterator[None]:
    """SQLite: one read transaction, so the records come from one snapshot even while other
    processes keep ingesting (WAL readers do not block writers). PostgreSQL reads each
    query on its own; the counts are then taken from the records themselves."""
    if not isinstance(store, SQLiteStore):
        yield
        return
    conn = store._connect()
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")


def dump_store(store: Store, out: TextIO) -> int:
    """Write every record of ``store`` to ``out`` as JSON Lines; returns the record count."""
    with _snapshot(store):
        records = [_line(kind, data) for kind, data in _records(store)]
    counts = {
        table: sum(1 for line in records if line.startswith(f'{{"record":"{table[:-1]}"'))
        for table in ("reports", "events", "figures", "places")
    }
    header = {"format": DUMP_FORMAT, "version": DUMP_VERSION, "schema": SCHEMA_VERSION, "counts": counts}
    out.write(json.dumps(header, separators=(",", ":")) + "\n")
    out.writelines(records)
    return len(records)


def _parse_header(first: str) -> dict[str, Any]:
    try:
        header = json.loads(first)
    except json.JSONDecodeError as exc:
        raise DumpError(f"line 1: not a Report Atlas dump (not JSON: {exc.msg})") from None
    if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
        raise DumpError("line 1: not a Report Atlas dump (no report-atlas header)")
    version = header.get("version")
    if not isinstance(version, int) or version > DUMP_VERSION:
        raise DumpError(
            f"line 1: dump format version {version!r} is newer than this Report Atlas "
            f"reads ({DUMP_VERSION}); upgrade report-atlas"
        )
    counts = header.get("counts")
    return counts if isinstance(counts, dict) else {}


def _parse_record(number: int, line: str) -> tuple[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DumpError(f"line {number}: not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise DumpError(f"line {number}: a record must be a JSON object")
    kind = data.pop("record", None)
    model: Any = {"report": Report, "place": Place, "mention": Mention, "figure": Figure, "event": Event}.get(
        str(kind)
    )
    if model is None:
        raise DumpError(f"line {number}: unknown record kind {kind!r}")
    try:
        record = model.from_dict(data)
    except (TypeError, ValueError, AttributeError) as exc:
        raise DumpError(f"line {number}: bad {kind} record ({exc})") from None
    problem = _wrong_type(record)
    if problem:
        raise DumpError(f"line {number}: bad {kind} record ({problem})")
    return str(kind), record


def _accepts(hint: Any, value: Any) -> bool:
    """Does ``value`` fit the type annotation ``hint`` of a model field (as JSON gives it)?"""
    if hint is Any:
        return True
    args = get_args(hint)
    if get_origin(hint) in (Union, types.UnionType):
        return any(_accepts(a, value) for a in args)
    if get_origin(hint) is tuple:
        return isinstance(value, tuple) and all(isinstance(v, str) for v in value)
    if get_origin(hint) is dict:
        return isinstance(value, dict)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _wrong_type(record: Any) -> str | None:
    """The first field whose value has the wrong type: a hand-edited dump must not put a
    string where the store keeps a number (SQLite would take it silently)."""
    hints = get_type_hints(type(record))
    for f in fields(record):
        value = getattr(record, f.name)
        if not _accepts(hints[f.name], value):
            return f"{f.name}={value!r:.60} is not a {hints[f.name]}"
    return None


@dataclass
class _ReportRecords:
    report: Report
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


def _group(records: list[tuple[int, str, Any]]) -> tuple[list[Place], list[_ReportRecords], list[Event]]:
    """Places, each report with its mentions and figures, and events -- or a DumpError
    naming the line of a mention or figure whose report is not in the dump."""
    places: list[Place] = []
    reports: dict[str, _ReportRecords] = {}
    events: list[Event] = []
    for number, kind, record in records:
        if kind == "place":
            places.append(record)
        elif kind == "report":
            reports.setdefault(record.id, _ReportRecords(record))
        elif kind == "event":
            events.append(record)
        else:
            owner = reports.get(record.report_id)
            if owner is None:
                raise DumpError(
                    f"line {number}: {kind} of report {record.report_id!r}, which is not in the dump"
                )
            (owner.mentions if kind == "mention" else owner.figures).append(record)
    return places, list(reports.values()), events


def load_dump(store: Store, inp: TextIO) -> int:
    """Load a dump written by ``dump_store`` into ``store`` in one transaction.

    Works on either backend (SQLite or PostgreSQL): the records go in through the store's
    own write path, report by report, and events exactly as dumped (not re-linked).
    Returns the number of records that were new to the store. Raises ``DumpError``
    (naming the line) on a malformed dump; the store is then unchanged.
    """
    first = inp.readline()
    if not first.strip():
        raise DumpError("line 1: the dump is empty")
    expected = _parse_header(first)

    # Parse everything before writing: a bad line is refused before the store is touched,
    # and a retried transaction (busy database) replays the same records, not the rest.
    records: list[tuple[int, str, Any]] = []
    for number, line in enumerate(inp, start=2):
        if line.strip():
            records.append((number, *_parse_record(number, line)))
    # The header's counts catch a dump cut short at a line boundary (a full disk, a
    # partial copy), which would otherwise load "successfully" with records missing.
    for kind in ("report", "place", "figure", "event"):
        want = expected.get(kind + "s")
        found = sum(1 for _, k, _ in records if k == kind)
        if isinstance(want, int) and want != found:
            raise DumpError(f"the dump is incomplete: its header lists {want} {kind}s, it holds {found}")
    places, reports, events = _group(records)
    integrity_error = getattr(store, "IntegrityError", sqlite3.IntegrityError)

    def work(conn: Any) -> int:
        known = {p.id for p in store._places_by_ids(conn, [p.id for p in places])}
        added = sum(1 for p in places if p.id not in known)
        for place in places:
            store._upsert_place(conn, place)
        for item in reports:
            # The store's own save, without events: they are written below as dumped,
            # since re-linking them could merge what the dump keeps apart.
            extraction = Extraction(item.report, tuple(item.mentions), (), tuple(item.figures), ())
            if store._save(conn, extraction):
                added += 1 + len(item.mentions) + len(item.figures)
        by_id = {p.id: p for p in places}
        for event in events:
            if store.event(event.id) is None:
                primary = event.place_ids[:1]
                found = {p.id: p for p in store._places_by_ids(conn, primary)} if primary else {}
                # _insert_event copies the primary place's position (bbox queries need it)
                store._insert_event(conn, event, {**{k: by_id[k] for k in primary if k in by_id}, **found})
                added += 1
        return added

    try:
        return int(store._write(work))
    except integrity_error as exc:  # e.g. a record that breaks a constraint of the store
        raise DumpError(f"the dump does not fit the store ({exc})") from None
