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
from collections.abc import Iterator
from typing import Any, TextIO

from dashboard.model import Event, Figure, Mention, Place, Report
from dashboard.store.schema import SCHEMA_VERSION
from dashboard.store.sqlite import SQLiteStore, StoreError

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


def _records(store: SQLiteStore) -> Iterator[tuple[str, dict[str, Any]]]:
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


def dump_store(store: SQLiteStore, out: TextIO) -> int:
    """Write every record of ``store`` to ``out`` as JSON Lines; returns the record count."""
    # One read transaction: the header's counts and the records come from the same
    # snapshot even while other processes keep ingesting (WAL readers do not block them).
    conn = store._connect()
    conn.execute("BEGIN")
    try:
        header = {
            "format": DUMP_FORMAT,
            "version": DUMP_VERSION,
            "schema": SCHEMA_VERSION,
            "counts": store.stats(),
        }
        out.write(json.dumps(header, separators=(",", ":")) + "\n")
        written = 0
        for kind, data in _records(store):
            out.write(_line(kind, data))
            written += 1
    finally:
        conn.execute("ROLLBACK")
    return written


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
    model = {"report": Report, "place": Place, "mention": Mention, "figure": Figure, "event": Event}.get(
        str(kind)
    )
    if model is None:
        raise DumpError(f"line {number}: unknown record kind {kind!r}")
    try:
        return str(kind), model.from_dict(data)
    except (TypeError, ValueError) as exc:
        raise DumpError(f"line {number}: bad {kind} record ({exc})") from None


def _insert(conn: sqlite3.Connection, store: SQLiteStore, kind: str, record: Any) -> int:
    """Write one record as it was dumped (no re-linking of events); 1 if it was new."""
    if kind == "report":
        assert isinstance(record, Report)
        cur = conn.execute(
            "INSERT OR IGNORE INTO reports (id, title, source, url, published, language, text,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.title,
                record.source,
                record.url,
                record.published.isoformat() if record.published else None,
                record.language,
                record.text,
                record.ingested_at.isoformat() if record.ingested_at else None,
            ),
        )
        return cur.rowcount
    if kind == "place":
        assert isinstance(record, Place)
        new = conn.execute("SELECT 1 FROM places WHERE id = ?", (record.id,)).fetchone() is None
        store._upsert_place(conn, record)
        return int(new)
    if kind == "mention":
        assert isinstance(record, Mention)
        cur = conn.execute(
            "INSERT OR IGNORE INTO mentions (report_id, start, end_, surface, place_id, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (record.report_id, record.start, record.end, record.surface, record.place_id, record.confidence),
        )
        return cur.rowcount
    if kind == "figure":
        assert isinstance(record, Figure)
        cur = conn.execute(
            "INSERT OR IGNORE INTO figures (id, report_id, low, high, qualifier, category, outcome,"
            " attributed_to, verified, start, end_, surface) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                record.id,
                record.report_id,
                record.low,
                record.high,
                record.qualifier,
                record.category,
                record.outcome,
                record.attributed_to,
                int(record.verified),
                record.start,
                record.end,
                record.surface,
            ),
        )
        return cur.rowcount
    assert isinstance(record, Event)
    if conn.execute("SELECT 1 FROM events WHERE id = ?", (record.id,)).fetchone():
        return 0
    # The store's own insert: it copies the primary place's position for bbox queries.
    places = {p.id: p for p in store._places_by_ids(conn, record.place_ids[:1])}
    store._insert_event(conn, record, places)
    return 1


def load_dump(store: SQLiteStore, inp: TextIO) -> int:
    """Load a dump written by ``dump_store`` into ``store`` in one transaction.

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

    def work(conn: sqlite3.Connection) -> int:
        added = 0
        for number, kind, record in records:
            try:
                added += _insert(conn, store, kind, record)
            except sqlite3.IntegrityError as exc:
                # e.g. a figure whose report is neither in the dump nor in the store
                raise DumpError(f"line {number}: {kind} record does not fit the store ({exc})") from None
        return added

    return store._write(work)
