"""Stored rows back into model records: the conversions both backends share.

The tables differ only in how list and shape columns come back (SQLite: JSON text;
PostgreSQL: decoded jsonb), which each backend handles before calling these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from dashboard.model import Extraction, Figure, Mention, Place


def mention_from_row(row: Mapping[str, Any] | sqlite3.Row) -> Mention:
    # ``end`` is a reserved word in SQL, hence the column ``end_``.
    return Mention(
        report_id=row["report_id"],
        start=row["start"],
        end=row["end_"],
        surface=row["surface"],
        place_id=row["place_id"],
        confidence=row["confidence"],
    )


def figure_from_row(row: Mapping[str, Any] | sqlite3.Row) -> Figure:
    # Built field by field rather than through Figure.from_dict (a dict copy, a set of the
    # field names and a coercion pass per row): the app reads every figure when it loads,
    # 130,000 of them for 100,000 events.
    return Figure(
        id=row["id"],
        report_id=row["report_id"],
        low=row["low"],
        high=row["high"],
        qualifier=row["qualifier"],
        category=row["category"],
        outcome=row["outcome"],
        attributed_to=row["attributed_to"],
        verified=bool(row["verified"]),  # SQLite keeps booleans as 0/1
        start=row["start"],
        end=row["end_"],  # ``end`` is a reserved word in SQL
        surface=row["surface"],
    )


class ReportSource(NamedTuple):
    """What the event views need of a report: its id and its source (outlet)."""

    id: str
    source: str | None


def new_reports(batch: Sequence[Extraction], known: set[str]) -> tuple[list[bool], list[Extraction]]:
    """Which reports of a batch are new (in batch order), and the new ones to write.

    ``known`` holds the ids already stored; it is extended with this batch's, so a report
    repeated within the batch is new the first time only, as when saved one by one.
    """
    saved: list[bool] = []
    new: list[Extraction] = []
    for ex in batch:
        is_new = ex.report.id not in known
        saved.append(is_new)
        if is_new:
            known.add(ex.report.id)
            new.append(ex)
    return saved, new


def place_row(place: Place, geometry: Any) -> tuple[Any, ...]:
    """The places table's columns in insert order; ``geometry`` comes already encoded the
    backend's way (SQLite: JSON text; PostgreSQL: Jsonb)."""
    return (
        place.id,
        place.name,
        place.kind,
        place.lat,
        place.lon,
        place.precision,
        place.country,
        place.admin1,
        place.source,
        geometry,
    )
