"""View state and the event rows the map and the list show (pure; no Streamlit).

``ViewState`` is everything a share link carries (DESIGN.md "Share links"); ``EventView``
is one event denormalised for display: its primary place, its figures as text with their
sources, and the rule used for its casualty range.

Data flows one way: store records -> ``event_views`` -> ``filter_events`` -> the map, the
list, the headline metrics and the timeline. The query string is parsed by ``parse_query``
(never raises: every value it cannot use is dropped with a notice) and written by
``write_query``; ``parse_query(write_query(s)) == (s, [])`` for every valid state.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Protocol

from dashboard.model import CATEGORIES, EVENT_TYPES, Event, Figure, Place


@dataclass(frozen=True)
class ViewState:
    """What the URL query string carries: ``from``, ``to``, ``types``, ``q``, ``src``,
    ``cat``, ``event``, ``lat``, ``lon``, ``z``. ``None``/empty means "not set".

    ``cat`` (victim categories) is an addition to DESIGN.md's list: the sidebar filters on
    it, and every filter must survive a shared link.
    """

    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = ()
    q: str = ""
    src: tuple[str, ...] = ()
    event: str | None = None
    lat: float | None = None
    lon: float | None = None
    z: int | None = None
    cats: tuple[str, ...] = ()

    def without_map_view(self) -> ViewState:
        """The same filters and selection, letting the map fit itself to the events."""
        return replace(self, lat=None, lon=None, z=None)

    def filters(self) -> ViewState:
        """Only what decides which events are shown (used as a cache key)."""
        return replace(self, event=None, lat=None, lon=None, z=None)


@dataclass(frozen=True)
class FigureView:
    """One casualty figure as shown: ">1,400 civilians killed — news reports (verified)"."""

    text: str  # e.g. ">1,400"
    low: int | None
    high: int | None
    category: str
    outcome: str
    source: str  # attributed_to, else the report's outlet
    verified: bool
    report_id: str

    def label(self) -> str:
        """ ">1,400 civilians killed" (without the source)."""
        category = self.category.replace("_", " ")
        if category in {"unknown", ""}:
            category = "people"
        return f"{self.text} {category} {self.outcome}"


@dataclass(frozen=True)
class EventView:
    """One event ready for the map and the list."""

    id: str
    type: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    summary: str
    place_id: str | None
    place_name: str
    lat: float
    lon: float
    precision: str
    geometry: dict[str, Any] | None = field(default=None, hash=False)
    figures: tuple[FigureView, ...] = ()
    outlets: tuple[str, ...] = ()  # the reports' sources (outlets)
    report_ids: tuple[str, ...] = ()
    deaths_low: int | None = None  # range over this event's killed figures (never summed)
    deaths_high: int | None = None
    place_names: tuple[str, ...] = ()  # every place of the event, primary first

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source behind this event: who a figure is attributed to, and the outlets."""
        return tuple(dict.fromkeys([f.source for f in self.figures] + list(self.outlets)))

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.category for f in self.figures))

    @property
    def last_day(self) -> date | None:
        return self.date_end or self.date_start

    def deaths_text(self) -> str:
        return deaths_range_text(self.deaths_low, self.deaths_high)


# --- Query string <-> ViewState --------------------------------------------------------------

QUERY_KEYS: tuple[str, ...] = ("from", "to", "types", "q", "src", "cat", "event", "lat", "lon", "z")
# Keys Streamlit itself puts in the URL; they are not ours to complain about.
_STREAMLIT_KEYS = frozenset({"embed", "embed_options"})
MAX_Q_LENGTH = 200
MAX_LIST_ITEMS = 50
MAX_ZOOM = 18
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EVENT_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
_LIST_FIELDS = frozenset({"types", "src", "cat"})


def _short(value: str, limit: int = 40) -> str:
    """A value quoted in a notice: printable, bounded (the notice is shown to the user)."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in value)
    return repr(clean if len(clean) <= limit else clean[: limit - 1] + "…")


def clean_text(value: str) -> str:
    """Search text as it is kept: control characters dropped, spaces collapsed, bounded."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(ch for ch in value if ch.isprintable() or ch == " ")
    return " ".join(value.split())[:MAX_Q_LENGTH].strip()


def _split_list(value: str) -> list[str]:
    """Split a comma list where ``\\,`` is a literal comma and ``\\\\`` a backslash."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            current.append(nxt if nxt in {",", "\\"} else "\\" + nxt)
        elif ch == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return items


def _join_list(items: Iterable[str]) -> str:
    return ",".join(item.replace("\\", "\\\\").replace(",", "\\,") for item in items)


def _parse_date(key: str, raw: str, notices: list[str]) -> date | None:
    raw = raw.strip()
    if not raw:
        return None
    if _ISO_DATE_RE.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    notices.append(f"Ignored {key}={_short(raw)}: not a date written as YYYY-MM-DD.")
    return None


def _parse_float(key: str, raw: str, lowest: float, highest: float, notices: list[str]) -> float | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        notices.append(f"Ignored {key}={_short(raw)}: not a number.")
        return None
    if not math.isfinite(value) or not lowest <= value <= highest:
        notices.append(f"Ignored {key}={_short(raw)}: must be between {lowest:g} and {highest:g}.")
        return None
    return value


def _parse_zoom(raw: str, notices: list[str]) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if not re.fullmatch(r"[+-]?\d{1,3}", raw):
        notices.append(f"Ignored z={_short(raw)}: the zoom must be a whole number from 0 to {MAX_ZOOM}.")
        return None
    value = int(raw)
    if not 0 <= value <= MAX_ZOOM:
        notices.append(f"Ignored z={_short(raw)}: the zoom must be a whole number from 0 to {MAX_ZOOM}.")
        return None
    return value


def _parse_choices(
    key: str, raws: Sequence[str], allowed: Sequence[str], notices: list[str]
) -> tuple[str, ...]:
    chosen: list[str] = []
    unknown: list[str] = []
    for raw in raws:
        for item in raw.split(","):
            item = item.strip().lower()
            if not item:
                continue
            if item in allowed:
                if item not in chosen:
                    chosen.append(item)
            else:
                unknown.append(item)
    if unknown:
        notices.append(
            f"Ignored unknown {key} {', '.join(_short(u) for u in unknown[:5])}"
            f"{' …' if len(unknown) > 5 else ''}; known: {', '.join(allowed)}."
        )
    return tuple(chosen)


def _parse_sources(raws: Sequence[str], notices: list[str]) -> tuple[str, ...]:
    chosen: list[str] = []
    for raw in raws:
        for item in _split_list(raw):
            item = clean_text(item)
            if item and item not in chosen:
                chosen.append(item)
    if len(chosen) > MAX_LIST_ITEMS:
        notices.append(f"Kept the first {MAX_LIST_ITEMS} of {len(chosen)} sources in src.")
        chosen = chosen[:MAX_LIST_ITEMS]
    return tuple(chosen)


def parse_query(params: Mapping[str, str | list[str]]) -> tuple[ViewState, list[str]]:
    """Read a ViewState from query parameters; never raises.

    Every value that cannot be used is dropped (that field falls back to "not set") and
    explained in one notice for the user. A key given several times: list keys (``types``,
    ``src``, ``cat``) take all values, the others the last one, with a notice.
    """
    notices: list[str] = []
    values: dict[str, list[str]] = {}
    for key, raw in params.items():
        raws = [raw] if isinstance(raw, str) else [str(r) for r in raw]
        if key in _STREAMLIT_KEYS:
            continue
        if key not in QUERY_KEYS:
            notices.append(f"Ignored unknown parameter {_short(str(key))}.")
            continue
        if not raws:
            continue
        if len(raws) > 1 and key not in _LIST_FIELDS:
            notices.append(f"Parameter {key} was given {len(raws)} times; used the last one.")
            raws = raws[-1:]
        values[key] = raws

    def last(key: str) -> str:
        return values.get(key, [""])[-1]

    date_from = _parse_date("from", last("from"), notices)
    date_to = _parse_date("to", last("to"), notices)
    if date_from and date_to and date_from > date_to:
        notices.append(f"Ignored from={date_from} and to={date_to}: the start is after the end.")
        date_from = date_to = None

    types = _parse_choices("types", values.get("types", []), EVENT_TYPES, notices)
    cats = _parse_choices("cat", values.get("cat", []), CATEGORIES, notices)
    src = _parse_sources(values.get("src", []), notices)

    raw_q = last("q")
    q = clean_text(raw_q)
    if len(" ".join(raw_q.split())) > MAX_Q_LENGTH:
        notices.append(f"Shortened the search text q to {MAX_Q_LENGTH} characters.")

    event: str | None = last("event").strip() or None
    if event is not None and not _EVENT_ID_RE.match(event):
        notices.append(f"Ignored event={_short(event)}: not an event id.")
        event = None

    lat = _parse_float("lat", last("lat"), -90.0, 90.0, notices)
    lon = _parse_float("lon", last("lon"), -180.0, 180.0, notices)
    if (lat is None) != (lon is None):
        # When both were given, the bad one already has its notice.
        if not (last("lat").strip() and last("lon").strip()):
            notices.append("Ignored the map centre: lat and lon must be given together.")
        lat = lon = None
    z = _parse_zoom(last("z"), notices)

    state = ViewState(
        date_from=date_from,
        date_to=date_to,
        types=types,
        q=q,
        src=src,
        event=event,
        lat=lat,
        lon=lon,
        z=z,
        cats=cats,
    )
    return state, notices


def _float_text(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def write_query(state: ViewState) -> dict[str, str]:
    """The query parameters of a state; unset fields are left out (short links)."""
    out: dict[str, str] = {}
    if state.date_from:
        out["from"] = state.date_from.isoformat()
    if state.date_to:
        out["to"] = state.date_to.isoformat()
    if state.types:
        out["types"] = ",".join(state.types)
    if state.q:
        out["q"] = state.q
    if state.src:
        out["src"] = _join_list(state.src)
    if state.cats:
        out["cat"] = ",".join(state.cats)
    if state.event:
        out["event"] = state.event
    if state.lat is not None and state.lon is not None:
        out["lat"] = _float_text(state.lat)
        out["lon"] = _float_text(state.lon)
    if state.z is not None:
        out["z"] = str(state.z)
    return out


def is_valid_state(state: ViewState) -> bool:
    """True when ``parse_query(write_query(state))`` gives the state back unchanged."""
    parsed, notices = parse_query(write_query(state))
    return parsed == state and not notices


# --- Store records -> EventView -----------------------------------------------------------


class HasSource(Protocol):
    """What the event views read of a report: a ``Report``, or the store's lighter
    ``ReportSource`` (id and source only)."""

    @property
    def source(self) -> str | None: ...


def figure_source(figure: Figure, report: HasSource | None) -> str:
    """Who a figure comes from: the source the text names, else the outlet."""
    if figure.attributed_to and figure.attributed_to.strip():
        return figure.attributed_to.strip()
    if report is not None and report.source:
        return report.source
    return "unnamed source"


def figure_view(figure: Figure, report: HasSource | None) -> FigureView:
    return FigureView(
        text=figure.as_text(),
        low=figure.low,
        high=figure.high,
        category=figure.category,
        outcome=figure.outcome,
        source=figure_source(figure, report),
        verified=figure.verified,
        report_id=figure.report_id,
    )


def deaths_range(figures: Iterable[FigureView]) -> tuple[int | None, int | None]:
    """Range of one event's death figures across its sources. Never a sum.

    Each source's count is the largest death figure it gives for the event: the smaller
    ones it gives are almost always parts of it ("1,426 killed, including 90 women"), not
    rival counts. The range then runs from the lowest source's count to the highest's.
    An open-ended figure (">1,400") has no ceiling; its floor stands in for it so the
    range stays a pair of numbers the text supports.
    """
    per_source: dict[str, tuple[int, int]] = {}
    for f in figures:
        if f.outcome != "killed":
            continue
        floor = f.low if f.low is not None else f.high
        ceiling = f.high if f.high is not None else f.low
        if floor is None or ceiling is None:
            continue
        known = per_source.get(f.source)
        if known is None or (floor, ceiling) > known:
            per_source[f.source] = (floor, ceiling)
    if not per_source:
        return (None, None)
    return (min(low for low, _ in per_source.values()), max(high for _, high in per_source.values()))


def deaths_range_text(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "–"
    if low is None or high is None or low == high:
        return f"{(low if low is not None else high):,}"
    return f"{low:,}–{high:,}"


def event_views(
    events: Iterable[Event],
    places_by_id: Mapping[str, Place],
    figures_by_id: Mapping[str, Figure],
    reports_by_id: Mapping[str, HasSource],
) -> list[EventView]:
    """Denormalise events for display. Events with no resolved place cannot be drawn and
    are left out (``unplaced_events`` counts them)."""
    views: list[EventView] = []
    for event in events:
        places = [places_by_id[p] for p in event.place_ids if p in places_by_id]
        if not places:
            continue
        primary = places[0]
        figures = tuple(
            figure_view(figures_by_id[f], reports_by_id.get(figures_by_id[f].report_id))
            for f in event.figure_ids
            if f in figures_by_id
        )
        outlets = tuple(
            dict.fromkeys(
                reports_by_id[r].source
                for r in event.report_ids
                if r in reports_by_id and reports_by_id[r].source
            )
        )
        low, high = deaths_range(figures)
        views.append(
            EventView(
                id=event.id,
                type=event.type,
                date_start=event.date_start,
                date_end=event.date_end,
                date_precision=event.date_precision,
                summary=event.summary,
                place_id=primary.id,
                place_name=primary.name,
                lat=primary.lat,
                lon=primary.lon,
                precision=primary.precision,
                geometry=primary.geometry,
                figures=figures,
                outlets=outlets,  # type: ignore[arg-type]
                report_ids=event.report_ids,
                deaths_low=low,
                deaths_high=high,
                place_names=tuple(dict.fromkeys(p.name for p in places)),
            )
        )
    views.sort(key=lambda v: (v.date_start or date.min, v.id), reverse=True)
    return views


def unplaced_events(events: Iterable[Event], places_by_id: Mapping[str, Place]) -> int:
    return sum(1 for e in events if not any(p in places_by_id for p in e.place_ids))


# --- Filtering ------------------------------------------------------------------------------


class _CombiningMarks(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks (``unicodedata.combining``) and
    keeps every other character; each character is looked up once, when first met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_COMBINING = _CombiningMarks()


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for search ("Bāniyās" matches "baniyas").

    ASCII text is its own NFKD form and has no combining marks: it is only case-folded.
    Other text loses its marks through one ``str.translate`` (C) rather than a Python test
    per character: the search texts of 100,000 events are folded when the events load."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return unicodedata.normalize("NFKD", folded).translate(_DROP_COMBINING)


def search_text(view: EventView) -> str:
    """What the free-text search looks in, folded: summary, place names and sources."""
    return _fold(" \n".join([view.summary, view.place_name, *view.place_names, *view.sources]))


def search_texts(views: Iterable[EventView]) -> dict[str, str]:
    """``search_text`` of every event by id: built once per store revision, so a search over
    100,000 events does not fold 100,000 summaries on every keystroke."""
    return {v.id: search_text(v) for v in views}


def matches_text(view: EventView, q: str, folded: str | None = None) -> bool:
    """Every word of ``q`` appears in the summary, a place name or a source."""
    words = _fold(q).split()
    if not words:
        return True
    haystack = folded if folded is not None else search_text(view)
    return all(word in haystack for word in words)


def filter_events(
    views: Iterable[EventView], state: ViewState, texts: Mapping[str, str] | None = None
) -> list[EventView]:
    """The events a state shows; all filters apply together.

    Dates: an event is kept when its span [date_start, date_end] overlaps [from, to];
    undated events are kept only while no date filter is set. ``texts`` (from
    ``search_texts``) saves folding each event's text again for ``q``.
    """
    words = _fold(state.q).split()
    types = set(state.types)
    sources = set(state.src)
    cats = set(state.cats)
    date_from, date_to = state.date_from, state.date_to
    by_date = bool(date_from or date_to)
    if not (by_date or types or sources or cats or words):
        return list(views)  # no filter set: every event
    # The state's fields are read once, outside the loop, and each event's date fields once
    # (not through the ``last_day`` property): ~1 us per event at 100,000 events.
    kept: list[EventView] = []
    for v in views:
        if by_date:
            start = v.date_start
            if start is None:
                continue
            if date_from and (v.date_end or start) < date_from:  # the last day (``last_day``)
                continue
            if date_to and start > date_to:
                continue
        if types and v.type not in types:
            continue
        if sources and not sources.intersection(v.sources):
            continue
        if cats and not cats.intersection(v.categories):
            continue
        if words:
            haystack = texts.get(v.id) if texts is not None else None
            if haystack is None:
                haystack = search_text(v)
            if not all(word in haystack for word in words):
                continue
        kept.append(v)
    return kept


def find_event(views: Iterable[EventView], event_id: str | None) -> EventView | None:
    if not event_id:
        return None
    return next((v for v in views if v.id == event_id), None)


# --- Options for the filters ------------------------------------------------------------------


def date_bounds(views: Iterable[EventView]) -> tuple[date, date] | None:
    days = [d for v in views for d in (v.date_start, v.last_day) if d is not None]
    return (min(days), max(days)) if days else None


def preset_range(preset: str, newest: date) -> tuple[date | None, date | None]:
    """Date range of a preset, counted back from the newest event (so "last 7 days" of an
    archive of March 2025 is not empty): ``"7d"``, ``"30d"`` or ``"all"``."""
    if preset == "7d":
        return newest - timedelta(days=6), newest
    if preset == "30d":
        return newest - timedelta(days=29), newest
    return None, None


def source_counts(views: Iterable[EventView]) -> list[tuple[str, int]]:
    """Every source with the number of events it speaks to, most first."""
    counts: Counter[str] = Counter()
    for v in views:
        counts.update(v.sources)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))


def type_counts(views: Iterable[EventView]) -> dict[str, int]:
    counts = Counter(v.type for v in views)
    return {t: counts[t] for t in EVENT_TYPES if counts[t]}


def category_counts(views: Iterable[EventView]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for v in views:
        counts.update(v.categories)
    return {c: counts[c] for c in CATEGORIES if counts[c]}


# --- Headline metrics and comparisons ----------------------------------------------------------

DEATHS_RULE = (
    "Deaths: the range from the counts that cannot overlap to the sum of every event's count. "
    "An event's count is its sources' range (a source's count is the largest death figure it "
    "gives for the event; its smaller ones are parts), never added across sources. The high end "
    "adds every event's highest count. The low end adds the lowest counts too, except for events "
    "at the same place whose dates overlap: they may report the same deaths, so only the largest "
    "of them counts."
)


@dataclass(frozen=True)
class Headline:
    events: int
    places: int
    sources: int
    deaths_low: int | None
    deaths_high: int | None
    events_with_deaths: int
    overlapping: int = 0  # events with deaths that share a place and dates with another
    rule: str = DEATHS_RULE

    def deaths_text(self) -> str:
        return deaths_range_text(self.deaths_low, self.deaths_high)


def headline(views: Sequence[EventView]) -> Headline:
    """Counts for the metric row (see DEATHS_RULE for how deaths add up)."""
    with_deaths = [v for v in views if v.deaths_low is not None or v.deaths_high is not None]
    lows = [(v.deaths_low if v.deaths_low is not None else v.deaths_high) or 0 for v in with_deaths]
    high = sum((v.deaths_high if v.deaths_high is not None else v.deaths_low) or 0 for v in with_deaths)
    groups, overlapping = _overlap_groups(with_deaths)
    # Each group of overlapping events adds its largest low only: they may tell the same deaths.
    largest: dict[int, int] = {}
    for g, low in zip(groups, lows, strict=True):
        if low > largest.get(g, -1):
            largest[g] = low
    return Headline(
        events=len(views),
        places=len({v.place_id for v in views}),
        sources=len({s for v in views for s in v.sources}),
        deaths_low=sum(largest.values()) if with_deaths else None,
        deaths_high=high if with_deaths else None,
        events_with_deaths=len(with_deaths),
        overlapping=overlapping,
    )


def _overlap_groups(views: Sequence[EventView]) -> tuple[list[int], int]:
    """A group number per event: events at the same primary place whose date ranges overlap
    (directly or through a chain) share one. Also how many events share a group with another.

    One sort and one sweep per place: cheap at 100,000 events. Undated or placeless events
    stand alone (nothing says they overlap).
    """
    group = list(range(len(views)))
    by_place: dict[str, list[tuple[date, date, int]]] = {}
    for i, v in enumerate(views):
        if v.place_id is not None and v.date_start is not None:
            by_place.setdefault(v.place_id, []).append((v.date_start, v.last_day or v.date_start, i))
    shared = 0
    for spans in by_place.values():
        if len(spans) < 2:
            continue
        spans.sort()
        run_end, run_group, run_size = spans[0][1], spans[0][2], 1
        for start, end, i in spans[1:]:
            if start <= run_end:
                group[i] = run_group
                run_end = max(run_end, end)
                run_size += 1
            else:
                shared += run_size if run_size > 1 else 0
                run_end, run_group, run_size = end, i, 1
        shared += run_size if run_size > 1 else 0
    return group, shared


@dataclass(frozen=True)
class SourceFigures:
    """What one source says about one event: "UN human rights office: ≥111 civilians killed (verified)"."""

    source: str
    figures: tuple[FigureView, ...]

    @property
    def verified(self) -> bool:
        return any(f.verified for f in self.figures)

    def text(self) -> str:
        parts = [f.label() + (" (verified)" if f.verified else "") for f in self.figures]
        return "; ".join(parts)


def source_comparison(view: EventView) -> list[SourceFigures]:
    """The figures of one event grouped by who gives them, highest death floor first."""
    grouped: dict[str, list[FigureView]] = {}
    for f in view.figures:
        grouped.setdefault(f.source, []).append(f)

    def floor(item: tuple[str, list[FigureView]]) -> int:
        killed = [f.low if f.low is not None else (f.high or 0) for f in item[1] if f.outcome == "killed"]
        return max(killed, default=-1)

    ordered = sorted(grouped.items(), key=lambda item: (-floor(item), item[0].casefold()))
    return [SourceFigures(source=s, figures=tuple(fs)) for s, fs in ordered]


# --- Timeline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    day: date
    type: str
    events: int


def events_per_day(views: Iterable[EventView]) -> list[DayCount]:
    """Events per start day and type (for the stacked timeline), in day then type order."""
    counts: Counter[tuple[date, str]] = Counter(
        (v.date_start, v.type) for v in views if v.date_start is not None
    )
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    return [
        DayCount(day=d, type=t, events=n)
        for (d, t), n in sorted(counts.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99)))
    ]


# --- The event list -------------------------------------------------------------------------


def event_rows(views: Iterable[EventView]) -> list[dict[str, Any]]:
    """One plain row per event for the table (column names as the user reads them)."""
    rows = []
    for v in views:
        rows.append(
            {
                "id": v.id,
                "Date": v.date_start,
                "Type": v.type.replace("_", " "),
                "Place": v.place_name,
                "Deaths": v.deaths_text() if v.deaths_low is not None or v.deaths_high is not None else "",
                "Sources": ", ".join(v.sources),
                "Summary": v.summary,
            }
        )
    return rows
