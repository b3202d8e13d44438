"""The data model: the contract between extract, geocode, store, views and the UI.

Plain, immutable values (frozen dataclasses) that keep their provenance: character
offsets into the report text and the source each fact came from. Every class
round-trips through JSON-compatible dicts with ``to_dict`` / ``from_dict``.
See ../shared/DESIGN.md ("Data model").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal, TypeVar, get_args

PlaceKind = Literal["country", "adm1", "adm2", "region", "city", "village", "landmark", "feature"]
Precision = Literal["exact", "city", "adm2", "adm1", "region", "country"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "range", "vague"]
Category = Literal["civilians", "security_forces", "fighters", "people", "children", "women", "unknown"]
Outcome = Literal["killed", "injured", "missing", "abducted", "displaced", "detained"]
DatePrecision = Literal["day", "week", "month", "year"]
EventType = Literal[
    "killings",
    "ambush",
    "armed_clash",
    "attack",
    "displacement",
    "shelter",
    "security_operation",
    "statement",
    "other",
]

PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
PRECISIONS: tuple[str, ...] = get_args(Precision)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
CATEGORIES: tuple[str, ...] = get_args(Category)
OUTCOMES: tuple[str, ...] = get_args(Outcome)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

# Precisions drawn as a point on the map; the others are areas (polygon or circle).
POINT_PRECISIONS: frozenset[str] = frozenset({"exact", "city"})


def normalise_text(text: str) -> str:
    """The form of a report's text that its id is computed from.

    Unicode NFC, unified line endings, trailing spaces and surrounding blank lines
    dropped, so that the same article pasted twice (or saved on Windows) gets one id.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip()


def report_id_for(text: str) -> str:
    """First 16 hex digits of sha256 of the normalised text (re-ingesting is idempotent)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id for derived records (figures, events)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}{digest}"


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SLUG_RE.sub("-", ascii_name.lower()).strip("-")


# --- JSON helpers -----------------------------------------------------------------------

T = TypeVar("T")


def _to_json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _to_json_value(v) for k, v in value.items()}
    return value


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


class _Serialisable:
    """Mixin: ``to_dict`` gives JSON-ready values; ``from_dict`` ignores unknown keys."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _to_json_value(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {k: v for k, v in data.items() if k in names}
        return cls(**_coerce(cls, kwargs))  # type: ignore[call-arg]


_DATE_FIELDS = {"published", "date_start", "date_end"}
_TUPLE_FIELDS = {"report_ids", "place_ids", "figure_ids"}


def _coerce(cls: type, kwargs: dict[str, Any]) -> dict[str, Any]:
    out = dict(kwargs)
    for key in _DATE_FIELDS & out.keys():
        out[key] = _as_date(out[key])
    for key in _TUPLE_FIELDS & out.keys():
        out[key] = tuple(out[key] or ())
    if "ingested_at" in out:
        out["ingested_at"] = _as_datetime(out["ingested_at"])
    if "geometry" in out and out["geometry"] is not None:
        out["geometry"] = dict(out["geometry"])
    return out


# --- The records -------------------------------------------------------------------------


@dataclass(frozen=True)
class Report(_Serialisable):
    """One news report as ingested. ``id`` = ``report_id_for(text)``."""

    id: str
    title: str
    source: str | None
    url: str | None
    published: date | None
    language: str
    text: str
    ingested_at: datetime | None = None

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
        published: date | None = None,
        language: str = "en",
        ingested_at: datetime | None = None,
    ) -> Report:
        text = normalise_text(text)
        if title is None:
            first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
            title = first_line[:160]
        return cls(
            id=report_id_for(text),
            title=title,
            source=source,
            url=url,
            published=published,
            language=language,
            text=text,
            ingested_at=ingested_at,
        )

    def without_text(self) -> dict[str, Any]:
        data = self.to_dict()
        data.pop("text")
        return data


@dataclass(frozen=True)
class Place(_Serialisable):
    """A resolved place. ``geometry`` is a GeoJSON geometry for areas, else None."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    precision: str
    country: str | None = None
    admin1: str | None = None
    source: str | None = None
    # Dicts are unhashable; leave geometry out of the hash but keep it in equality.
    geometry: dict[str, Any] | None = field(default=None, hash=False)

    @property
    def is_area(self) -> bool:
        return self.precision not in POINT_PRECISIONS

    def brief(self) -> dict[str, Any]:
        """The place as the ``extract`` JSON contract shows it inside a mention."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "country": self.country,
        }


@dataclass(frozen=True)
class Mention(_Serialisable):
    """A place named in a report, at ``text[start:end] == surface``."""

    report_id: str
    start: int
    end: int
    surface: str
    place_id: str | None
    confidence: float


@dataclass(frozen=True)
class Figure(_Serialisable):
    """One casualty figure as written ("over 1,400" -> low 1401, high None, more_than).

    ``start``/``end`` are the offsets of the sentence it was read from; ``surface``
    is the number phrase itself as written.
    """

    id: str
    report_id: str
    low: int | None
    high: int | None
    qualifier: str
    category: str
    outcome: str
    attributed_to: str | None
    verified: bool
    start: int
    end: int
    surface: str = ""

    def best(self) -> int | None:
        """The number a careful reader would quote: the floor the text commits to."""
        return self.low if self.low is not None else self.high

    def as_text(self) -> str:
        """Short human form: ">1,400", "≥111", "30–40", "~50", "≤10", "13"."""
        low, high = self.low, self.high
        if self.qualifier == "more_than" and low is not None:
            return f">{low - 1:,}"
        if self.qualifier == "at_least" and low is not None:
            return f"≥{low:,}"
        if self.qualifier == "about" and low is not None:
            return f"~{low:,}"
        if self.qualifier == "up_to" and high is not None:
            return f"≤{high:,}"
        if low is not None and high is not None and low != high:
            return f"{low:,}–{high:,}"
        if low is not None and high is None:
            return f"{low:,}+"
        if low is not None:
            return f"{low:,}"
        return self.surface or "?"


@dataclass(frozen=True)
class Event(_Serialisable):
    """An incident: where, when, what, and the figures reported for it."""

    id: str
    report_ids: tuple[str, ...]
    date_start: date | None
    date_end: date | None
    date_precision: str
    place_ids: tuple[str, ...]
    type: str
    summary: str
    summary_start: int
    summary_end: int
    figure_ids: tuple[str, ...]


@dataclass(frozen=True)
class Extraction:
    """Everything read from one report: what ``extract`` prints and ``store`` saves."""

    report: Report
    mentions: tuple[Mention, ...]
    places: tuple[Place, ...]
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]

    def place_by_id(self) -> dict[str, Place]:
        return {p.id: p for p in self.places}

    def to_contract(self) -> dict[str, Any]:
        """The JSON object of DESIGN.md's ``report-atlas extract`` contract."""
        places = self.place_by_id()
        return {
            "report": self.report.without_text(),
            "mentions": [
                {
                    "surface": m.surface,
                    "start": m.start,
                    "end": m.end,
                    "confidence": m.confidence,
                    "place": places[m.place_id].brief() if m.place_id in places else None,
                }
                for m in self.mentions
            ],
            "places": [p.to_dict() for p in self.places],
            "figures": [f.to_dict() for f in self.figures],
            "events": [e.to_dict() for e in self.events],
        }
