"""ACLED CSV downloads -> our records (one Report, Place, Figure and Event per row).

Column meanings follow ACLED's codebook:

- ``geo_precision`` 1: the town or village named is where it happened -> ``city`` (a point);
  2: "near" or "in part of a region around" that town -> ``adm2`` (an area);
  3: only a larger region is known and its capital's coordinates are used -> ``adm1``.
- ``time_precision`` 1: the actual day; 2: a known week (the middle day is coded) -> the
  week around it; 3: only the month (the middle is coded) -> that calendar month.
- ``fatalities``: ACLED calls these conservative estimates, so a figure "at least N"
  (0 means none reported, and gives no figure).

Origin stays visible: the report's source (outlet) is ``ACLED`` and every figure is
attributed to ACLED, so the app's source filter shows or hides ACLED events; the sources
ACLED itself cites are kept in the report text.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from dashboard.interop.datasets import (
    ImportResult,
    ReportText,
    RowError,
    RowProblem,
    country_code,
    parse_code,
    parse_count,
    parse_date,
    parse_position,
    read_file,
    stream_file,
)
from dashboard.model import Event, Extraction, Figure, Mention, Place, Report, slugify, stable_id

DATASET = "ACLED"
REQUIRED_COLUMNS = (
    "event_date",
    "time_precision",
    "event_type",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
)
GEO_PRECISION = {1: "city", 2: "adm2", 3: "adm1"}
GEO_PRECISION_MEANING = {
    1: "the place named",
    2: "near the place named",
    3: "somewhere in the region; its capital's coordinates",
}
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}


def event_type_for(acled_type: str, sub_event_type: str, fatalities: int) -> str:
    """Our event type for an ACLED event type / sub-event type."""
    kind = acled_type.strip().casefold()
    sub = sub_event_type.strip().casefold()
    if kind == "battles":
        return "armed_clash"
    if kind == "violence against civilians":
        if sub in {"abduction/forced disappearance", "sexual violence"}:
            return "other"
        # ACLED codes attacks on civilians with no deaths too; only deaths are "killings".
        return "killings" if fatalities > 0 else "attack"
    if kind == "explosions/remote violence":
        return "attack"
    if kind == "strategic developments" and sub == "arrests":
        return "security_operation"
    return "other"  # protests, riots, other strategic developments


def date_span(day: date, precision: str) -> tuple[date, date]:
    """The days an ACLED date can stand for, given its time precision."""
    if precision == "week":
        return day - timedelta(days=3), day + timedelta(days=3)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


def acled_extraction(row: Mapping[str, str], *, ingested_at: datetime | None = None) -> Extraction:
    """One ACLED row as an Extraction; raises RowError naming what is wrong with it."""
    day = parse_date(row["event_date"], "event_date")
    time_precision = parse_code(row["time_precision"], "time_precision", TIME_PRECISION)
    precision = parse_code(row["geo_precision"], "geo_precision", GEO_PRECISION)
    geo_code = int(float(row["geo_precision"]))
    lat, lon = parse_position(row["latitude"], row["longitude"])
    fatalities = parse_count(row["fatalities"], "fatalities")
    assert fatalities is not None
    acled_type = row["event_type"].strip()
    if not acled_type:
        raise RowError("event_type is empty")
    sub_type = row.get("sub_event_type", "")
    event_id = row.get("event_id_cnty", "")
    location = row["location"].strip()
    admin1 = row.get("admin1", "").strip()
    country_name = row.get("country", "").strip()
    country = country_code(row.get("iso", ""), country_name)

    # The place: with geo_precision 3 ACLED names the region, not the town it took coordinates from.
    if precision == "adm1" and admin1:
        name, kind = admin1, "adm1"
    else:
        name, kind = location or admin1 or f"{lat:.4f}, {lon:.4f}", "city"
    key = ".".join(slugify(part) for part in (country or country_name, admin1, name) if part)
    place_id = f"acled:{key}" + ("" if precision == "city" else f"~{precision}")
    place = Place(
        id=place_id,
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        precision=precision,
        country=country,
        admin1=admin1 or None,
        source=DATASET,
    )

    text = ReportText()
    notes = row.get("notes", "").strip()
    notes_span = text.add(notes) if notes else None
    kind_text = acled_type + (f" ({sub_type})" if sub_type else "")
    header_span = text.add(
        f"ACLED event {event_id or '(no id)'}: {kind_text} on {day.isoformat()}"
        f" (time_precision {row['time_precision'].strip()}: {time_precision})."
    )
    where = ", ".join(
        dict.fromkeys(
            p
            for p in (location, row.get("admin3", ""), row.get("admin2", ""), admin1, country_name)
            if p.strip()
        )
    )
    location_line = (
        f"Location: {where or name} (geo_precision {geo_code}: {GEO_PRECISION_MEANING[geo_code]})."
    )
    location_span = text.add(location_line)
    actors = [a for a in (row.get("actor1", ""), row.get("actor2", "")) if a.strip()]
    if actors:
        text.add(f"Actors: {'; '.join(actors)}.")
    fatalities_span = text.add(f"Fatalities: {fatalities} (ACLED's conservative estimate).")
    if row.get("source", "").strip():
        text.add(f"Sources cited by ACLED: {row['source'].strip()}.")

    label = f"ACLED {event_id}" if event_id else "ACLED"
    title = f"{label}: {sub_type or acled_type} in {name}, {day.isoformat()}"
    report = Report.from_text(
        text.text,
        title=title,
        source=DATASET,
        published=None,
        ingested_at=ingested_at or datetime.now(UTC),
    )
    body = report.text
    offset = location_span[0] + body[location_span[0] :].find(name)
    mention = Mention(report.id, offset, offset + len(name), name, place.id, 1.0)

    civilians = acled_type.casefold() == "violence against civilians" or bool(
        row.get("civilian_targeting", "").strip()
    )
    figures: tuple[Figure, ...] = ()
    if fatalities > 0:
        figures = (
            Figure(
                id=stable_id("fig-", report.id, "acled-fatalities"),
                report_id=report.id,
                low=fatalities,
                high=None,
                qualifier="at_least",
                category="civilians" if civilians else "unknown",
                outcome="killed",
                attributed_to=DATASET,
                verified=False,
                start=fatalities_span[0],
                end=fatalities_span[1],
                surface=f"{fatalities} fatalities",
            ),
        )
    summary_span = notes_span or header_span
    start, end = date_span(day, time_precision)
    event = Event(
        id=stable_id("evt-", report.id, "acled"),
        report_ids=(report.id,),
        date_start=start,
        date_end=end,
        date_precision=time_precision,
        place_ids=(place.id,),
        type=event_type_for(acled_type, sub_type, fatalities),
        summary=body[summary_span[0] : summary_span[1]],
        summary_start=summary_span[0],
        summary_end=summary_span[1],
        figure_ids=tuple(f.id for f in figures),
    )
    return Extraction(report, (mention,), (place,), figures, (event,))


def read_acled(path: Path) -> ImportResult:
    """Every row of an ACLED CSV download; bad rows are named with their row number."""
    return read_file(DATASET, path, REQUIRED_COLUMNS, acled_extraction)


def stream_acled(path: Path) -> Iterator[Extraction | RowProblem]:
    """Row by row (for large downloads): each row's Extraction, or the RowProblem naming it."""
    return stream_file(path, REQUIRED_COLUMNS, acled_extraction)
