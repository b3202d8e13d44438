"""UCDP Georeferenced Event Dataset (GED) CSV -> our records (one of each per row).

Column meanings follow the UCDP GED codebook:

- ``where_prec`` 1: exact location -> ``exact``; 2: within about 25 km of a known point
  -> ``city``; 3: only the second-order administrative unit -> ``adm2``; 4: only the
  first-order unit -> ``adm1``; 5: a part of the country larger than that, or a linear
  feature -> ``region``; 6: only the country -> ``country``; 7: international waters or
  airspace -> ``region``. Anything but 1-2 is drawn as an area, never as a precise point.
- ``date_prec`` 1: the day; 2: within 2-6 days; 3: the week; 4: the month; 5: longer
  -> ``day``, ``week``, ``week``, ``month``, ``year``. The span is UCDP's own
  ``date_start``..``date_end``.
- ``best``/``low``/``high``: one figure (low..high; ``best`` kept in its text). It counts
  everyone killed; its category is ``civilians`` only when ``deaths_civilians`` says all
  of them were civilians. The civilian count is written in the report text, not added as
  a second figure, because figures of one event are shown as a range, never summed.

Origin: the report's source is ``UCDP GED``; the articles and original sources UCDP cites
(``source_article``, ``source_original``) are kept in the report text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
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

DATASET = "UCDP GED"
REQUIRED_COLUMNS = (
    "date_start",
    "date_end",
    "date_prec",
    "where_prec",
    "latitude",
    "longitude",
    "best",
    "low",
    "high",
)
WHERE_PRECISION = {1: "exact", 2: "city", 3: "adm2", 4: "adm1", 5: "region", 6: "country", 7: "region"}
WHERE_MEANING = {
    1: "exact location",
    2: "within about 25 km of the point",
    3: "somewhere in the second-order administrative unit",
    4: "somewhere in the first-order administrative unit",
    5: "somewhere in a part of the country",
    6: "somewhere in the country",
    7: "international waters or airspace",
}
PLACE_KIND = {
    "exact": "city",  # unless UCDP's name says "... village" (see _place_kind)
    "city": "city",
    "adm2": "adm2",
    "adm1": "adm1",
    "region": "region",
    "country": "country",
}
DATE_PRECISION = {1: "day", 2: "week", 3: "week", 4: "month", 5: "year"}
VIOLENCE_TYPE = {"1": "armed_clash", "2": "armed_clash", "3": "killings"}
VIOLENCE_WORDS = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}


def _place_kind(name: str, precision: str) -> str:
    """UCDP names point locations "Jablah town", "Beit Ana village": keep what it says."""
    if precision in {"exact", "city"} and name.casefold().endswith(" village"):
        return "village"
    return PLACE_KIND[precision]


def _first_date(value: str) -> date | None:
    """The first readable date in UCDP's ``source_date`` (several may be listed)."""
    for part in value.replace(",", ";").split(";"):
        try:
            return parse_date(part, "source_date")
        except RowError:
            continue
    return None


def ucdp_extraction(row: Mapping[str, str], *, ingested_at: datetime | None = None) -> Extraction:
    """One UCDP GED row as an Extraction; raises RowError naming what is wrong with it."""
    start = parse_date(row["date_start"], "date_start")
    end = parse_date(row["date_end"], "date_end")
    if end < start:
        raise RowError(f"date_end {end} is before date_start {start}")
    date_precision = parse_code(row["date_prec"], "date_prec", DATE_PRECISION)
    precision = parse_code(row["where_prec"], "where_prec", WHERE_PRECISION)
    where_code = int(float(row["where_prec"]))
    lat, lon = parse_position(row["latitude"], row["longitude"])
    best = parse_count(row["best"], "best")
    low = parse_count(row["low"], "low")
    high = parse_count(row["high"], "high")
    assert best is not None and low is not None and high is not None
    if not low <= best <= high:
        raise RowError(f"deaths low {low}, best {best}, high {high} are not in order low <= best <= high")
    civilians = parse_count(row.get("deaths_civilians", ""), "deaths_civilians", required=False)
    if civilians is not None and civilians > high:
        raise RowError(f"deaths_civilians {civilians} is more than the high estimate {high}")

    ged_id = row.get("id", "").strip()
    country_name = row.get("country", "").strip()
    country = country_code(country_name)
    adm1 = row.get("adm_1", "").strip()
    where = row.get("where_coordinates", "").strip()
    name = where or adm1 or country_name or f"{lat:.4f}, {lon:.4f}"
    key = ".".join(slugify(part) for part in (country or country_name, name) if part)
    place = Place(
        id=f"ucdp:{key}" + ("" if precision in {"exact", "city"} else f"~{precision}"),
        name=name,
        kind=_place_kind(name, precision),
        lat=lat,
        lon=lon,
        precision=precision,
        country=country,
        admin1=adm1 or None,
        source=DATASET,
    )

    violence = row.get("type_of_violence", "").strip()
    conflict = row.get("conflict_name", "").strip() or row.get("dyad_name", "").strip()
    text = ReportText()
    what = VIOLENCE_WORDS.get(violence, "organised violence")
    when = start.isoformat() if start == end else f"between {start.isoformat()} and {end.isoformat()}"
    summary_span = text.add(
        f"UCDP GED event {ged_id or '(no id)'}: {what}"
        + (f" ({conflict})" if conflict else "")
        + f", {when} (date_prec {row['date_prec'].strip()}: {date_precision})."
    )
    where_all = ", ".join(
        dict.fromkeys(p for p in (where, row.get("adm_2", "").strip(), adm1, country_name) if p)
    )
    location_span = text.add(
        f"Location: {where_all or name} (where_prec {where_code}: {WHERE_MEANING[where_code]})."
    )
    if row.get("where_description", "").strip():
        text.add(f"Where, as UCDP describes it: {row['where_description'].strip()}.")
    deaths_line = f"Deaths: best {best}, low {low}, high {high}"
    if civilians is not None:
        deaths_line += f"; of them civilians: {civilians}"
    deaths_span = text.add(deaths_line + ".")
    if row.get("source_headline", "").strip():
        text.add(f"Headline of the source: {row['source_headline'].strip()}")
    if row.get("source_original", "").strip():
        text.add(f"Original sources cited by UCDP: {row['source_original'].strip()}.")
    if row.get("source_article", "").strip():
        text.add(f"Articles cited by UCDP: {row['source_article'].strip()}")

    label = f"UCDP GED {ged_id}" if ged_id else "UCDP GED"
    report = Report.from_text(
        text.text,
        title=f"{label}: {what} in {name}, {start.isoformat()}",
        source=DATASET,
        published=_first_date(row.get("source_date", "")),
        ingested_at=ingested_at or datetime.now(UTC),
    )
    body = report.text
    offset = location_span[0] + body[location_span[0] :].find(name)
    mention = Mention(report.id, offset, offset + len(name), name, place.id, 1.0)

    figures: tuple[Figure, ...] = ()
    if high > 0:
        all_civilians = civilians is not None and civilians == best and best > 0
        figures = (
            Figure(
                id=stable_id("fig-", report.id, "ucdp-deaths"),
                report_id=report.id,
                low=low,
                high=high,
                qualifier="exact" if low == high else "range",
                category="civilians" if all_civilians else "people",
                outcome="killed",
                attributed_to=DATASET,
                verified=False,
                start=deaths_span[0],
                end=deaths_span[1],
                surface=f"best {best} (low {low}, high {high})",
            ),
        )
    event = Event(
        id=stable_id("evt-", report.id, "ucdp"),
        report_ids=(report.id,),
        date_start=start,
        date_end=end,
        date_precision=date_precision,
        place_ids=(place.id,),
        type=VIOLENCE_TYPE.get(violence, "other"),
        summary=body[summary_span[0] : summary_span[1]],
        summary_start=summary_span[0],
        summary_end=summary_span[1],
        figure_ids=tuple(f.id for f in figures),
    )
    return Extraction(report, (mention,), (place,), figures, (event,))


def read_ucdp(path: Path) -> ImportResult:
    """Every row of a UCDP GED CSV; bad rows are named with their row number."""
    return read_file(DATASET, path, REQUIRED_COLUMNS, ucdp_extraction)


def stream_ucdp(path: Path) -> Iterator[Extraction | RowProblem]:
    """Row by row (for large downloads): each row's Extraction, or the RowProblem naming it."""
    return stream_file(path, REQUIRED_COLUMNS, ucdp_extraction)
