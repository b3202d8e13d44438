"""Which stored event is the same incident as a new one: the part of saving that both
backends (SQLite, PostgreSQL) share, so they link reports identically.

Each backend only fetches the candidates (events dated near the new one) and the places
it is missing; the choice itself is ``dashboard.extract.linking.same_incident``.
"""

from __future__ import annotations

import bisect
import functools
import math
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dashboard.extract.linking import same_incident_in_time_and_kind, same_incident_places, same_place
from dashboard.model import Event, Place

# Stored events dated within this many days of a new event are candidates to be the
# same incident (the date test itself is stricter: see linking._dates_overlap).
LINK_WINDOW_DAYS = 7


# Only stored events whose reference point lies within this many degrees (~550 km) of the
# new event's are compared: far wider than the 25 km point rule or a governorate, so no
# link the rule would make is lost, while a big store is not scanned event by event.
LINK_BOX_DEGREES = 5.0


@dataclass(frozen=True)
class CandidateQuery:
    """What a backend filters stored events on before ``find_same_incident`` decides."""

    date_from: date
    date_to: date
    types: tuple[str, ...]
    box: tuple[float, float, float, float] | None  # south, west, north, east; None: anywhere

    def sql_where(self, mark: str) -> tuple[str, list[object]]:
        """A WHERE clause in the backend's placeholder style (``?`` or ``%s``)."""
        clauses = [
            f"date_start BETWEEN {mark} AND {mark}",
            f"type IN ({', '.join([mark] * len(self.types))})",
        ]
        params: list[object] = [self.date_from.isoformat(), self.date_to.isoformat(), *self.types]
        if self.box is not None:
            # Events without a position are kept: they can still match by place id.
            clauses.append(
                f"(lat IS NULL OR (lat BETWEEN {mark} AND {mark} AND lon BETWEEN {mark} AND {mark}))"
            )
            south, west, north, east = self.box
            params.extend([south, north, west, east])
        return " AND ".join(clauses), params


def candidate_query(event: Event, places: Mapping[str, Place]) -> CandidateQuery | None:
    """The filter for stored events worth comparing with ``event`` (None: it is undated)."""
    window = candidate_window(event)
    if window is None:
        return None
    types = _compatible_types(event.type)
    primary = places.get(event.place_ids[0]) if event.place_ids else None
    box = None
    if primary is not None and primary.precision != "country":
        d = LINK_BOX_DEGREES
        box = (primary.lat - d, primary.lon - d, primary.lat + d, primary.lon + d)
    return CandidateQuery(window[0], window[1], types, box)


@functools.lru_cache(maxsize=64)
def _compatible_types(kind: str) -> tuple[str, ...]:
    from dashboard.extract.linking import compatible_types
    from dashboard.model import EVENT_TYPES

    return tuple(t for t in EVENT_TYPES if compatible_types(t, kind))


def candidate_window(event: Event) -> tuple[date, date] | None:
    """The date_start range of stored events worth comparing with ``event`` (None: undated)."""
    if event.date_start is None:
        return None
    window = timedelta(days=LINK_WINDOW_DAYS)
    return event.date_start - window, (event.date_end or event.date_start) + window


def find_same_incident(
    event: Event,
    candidates: Sequence[Event],
    places: Mapping[str, Place],
    load_places: Callable[[set[str]], Iterable[Place]],
) -> Event | None:
    """The first candidate from other reports (by date, then id) that is the same incident
    as ``event``.

    ``places`` are the places the new extraction brings; ``load_places(ids)`` fetches the
    stored ones the candidates need.
    """
    from dashboard.extract.linking import same_incident

    others = [c for c in candidates if not set(c.report_ids) & set(event.report_ids)]
    if not others:
        return None
    # One order for every backend (SQL orders ties differently), so both link alike.
    others.sort(key=lambda c: (c.date_start or date.min, c.date_end or c.date_start or date.min, c.id))
    known = dict(places)
    needed = {pid for c in others for pid in c.place_ids} - known.keys()
    if needed:
        for place in load_places(needed):
            known[place.id] = place
    for candidate in others:
        if same_incident(candidate, event, known):
            return candidate
    return None


def merged_ids(stored: Event, new: Event) -> tuple[list[str], list[str], list[str]]:
    """(report_ids, place_ids, figure_ids) of a stored event that gains a new report: the
    union in order, the stored event's primary place staying first."""

    def union(a: Sequence[str], b: Sequence[str]) -> list[str]:
        return list(dict.fromkeys([*a, *b]))

    return (
        union(stored.report_ids, new.report_ids),
        union(stored.place_ids, new.place_ids),
        union(stored.figure_ids, new.figure_ids),
    )


# --- linking a whole batch in memory ------------------------------------------------------

_CELL_DEGREES = LINK_BOX_DEGREES  # a candidate box then touches at most 3 x 3 cells


def _cell(lat: float | None, lon: float | None) -> tuple[int, int] | None:
    if lat is None or lon is None:
        return None
    return math.floor(lat / _CELL_DEGREES), math.floor(lon / _CELL_DEGREES)


def _cells_of(box: tuple[float, float, float, float]) -> list[tuple[int, int]]:
    south, west, north, east = box
    rows = range(math.floor(south / _CELL_DEGREES), math.floor(north / _CELL_DEGREES) + 1)
    cols = range(math.floor(west / _CELL_DEGREES), math.floor(east / _CELL_DEGREES) + 1)
    return [(r, c) for r in rows for c in cols]


def _order(event: Event) -> tuple[date, date, str]:
    """The order candidates are tried in (as ``find_same_incident`` sorts them)."""
    first = event.date_start or date.min
    return first, event.date_end or event.date_start or date.min, event.id


_BY_ORDER = operator.attrgetter("order")


class _Held:
    """A stored (or just linked) event as the index holds it: the event and the position
    its row carries (the primary place's at insert time, what the SQL box filter reads)."""

    __slots__ = ("event", "lat", "lon", "order")

    def __init__(self, event: Event, lat: float | None, lon: float | None) -> None:
        self.event = event
        self.lat = lat
        self.lon = lon
        self.order = _order(event)  # dates and id never change when reports join it


# Loads stored events whose date_start lies in [first, last]: (event, lat, lon) each. The
# events may carry empty summaries: the index only reads ids, dates, type and places.
EventLoader = Callable[[date, date], Iterable[tuple[Event, float | None, float | None]]]
PlaceLoader = Callable[[set[str]], Iterable[Place]]


class IncidentIndex:
    """Links the events of a batch of reports to stored events (and to each other) in
    memory, with exactly the result of saving the reports one after another with
    ``candidate_query`` + ``find_same_incident``.

    Stored events are read from the backend once per date range (``load_events``), not
    once per new event; candidates are looked up by primary place, and which primary
    places can be "the same place" as another is worked out once per pair of places.
    A backend that knows no one else wrote since (SQLite's ``data_version``) may keep
    the index from one batch to the next.

    Use: ``note_places`` (the batch's places, as upserted), ``prepare`` (the batch's new
    extractions), then ``link`` per extraction in order, then ``take_writes``.
    """

    def __init__(self, load_events: EventLoader, load_places: PlaceLoader) -> None:
        self._load_events = load_events
        self._load_places = load_places
        self._loaded: list[tuple[date, date]] = []  # date_start ranges read, merged, sorted
        self._held: dict[str, _Held] = {}
        self._by_primary: dict[str, list[_Held]] = {}  # each sorted by date_start
        self._starts: dict[str, list[date]] = {}  # the date_start of each, for bisect
        # Primary place ids by the cell of their events' positions (None: no position), in
        # first-seen order: a new event only looks at the cells its candidate box touches.
        self._cells: dict[tuple[int, int] | None, list[str]] = {}
        self._in_cell: set[tuple[tuple[int, int] | None, str]] = set()
        self._cells_changed = 0  # bumped when a cell gains an id: cached matches are then stale
        self._places: dict[str, Place] = {}  # the store's version of each place read so far
        self._absent: set[str] = set()  # place ids the store does not have
        # primary place id -> (that place, {cell: (primary ids of the cell checked, matches)})
        self._matches: dict[str, tuple[Place, dict[tuple[int, int] | None, tuple[int, list[str]]]]] = {}
        # (place id, without a box) -> (that place, _cells_changed then, _matching's answer)
        self._answers: dict[tuple[str, bool], tuple[Place, int, list[str]]] = {}
        self._inserted: dict[str, _Held] = {}
        self._updated: dict[str, _Held] = {}

    def __len__(self) -> int:
        return len(self._held)

    # -- places --------------------------------------------------------------------------

    def note_places(self, places: Iterable[Place]) -> None:
        """The places a batch upserts (the last version of an id wins, as in the table)."""
        for place in places:
            old = self._places.get(place.id)
            if old is place:
                continue
            if old is not None and old == place:
                continue
            self._places[place.id] = place
            self._absent.discard(place.id)
            if old is not None or place.id in self._by_primary:
                self._matches.clear()  # a place changed: which places match must be redone
                self._answers.clear()

    def stored_place(self, place_id: str) -> Place | None:
        """The store's version of a place, or None (read from the store once)."""
        place = self._places.get(place_id)
        if place is None and place_id not in self._absent:
            self._fetch_places({place_id})
            place = self._places.get(place_id)
        return place

    def _fetch_places(self, ids: set[str]) -> None:
        wanted = {i for i in ids if i not in self._places and i not in self._absent}
        if not wanted:
            return
        for place in self._load_places(wanted):
            self._places[place.id] = place
        self._absent.update(wanted - self._places.keys())

    def unchanged(self, place: Place) -> Place | None:
        """The stored object equal to ``place`` (so later checks go by identity), or None."""
        stored = self._places.get(place.id)
        if stored is place or (stored is not None and stored == place):
            return stored
        return None

    # -- stored events -------------------------------------------------------------------

    def prepare(self, extractions: Iterable[Any]) -> None:
        """Read the stored events every event of these extractions may be compared with."""
        windows = sorted(w for ex in extractions for e in ex.events if (w := candidate_window(e)) is not None)
        merged: list[tuple[date, date]] = []
        for first, last in windows:
            if merged and first <= merged[-1][1] + timedelta(days=1):
                if last > merged[-1][1]:
                    merged[-1] = (merged[-1][0], last)
            else:
                merged.append((first, last))
        for first, last in merged:
            for gap_first, gap_last in self._gaps(first, last):
                self._read(gap_first, gap_last)

    def _gaps(self, first: date, last: date) -> list[tuple[date, date]]:
        gaps = []
        cursor = first
        for done_first, done_last in self._loaded:
            if done_last < cursor:
                continue
            if done_first > last:
                break
            if done_first > cursor:
                gaps.append((cursor, done_first - timedelta(days=1)))
            cursor = max(cursor, done_last + timedelta(days=1))
            if cursor > last:
                break
        if cursor <= last:
            gaps.append((cursor, last))
        return gaps

    def _read(self, first: date, last: date) -> None:
        fresh = [
            (event, lat, lon)
            for event, lat, lon in self._load_events(first, last)
            if event.id not in self._held  # held ones are newer than what is read
        ]
        self._fetch_places({e.place_ids[0] for e, _, _ in fresh if e.place_ids})
        for event, lat, lon in fresh:
            self._hold(_Held(event, lat, lon))
        spans = sorted([*self._loaded, (first, last)])
        self._loaded = []
        for span in spans:
            if self._loaded and span[0] <= self._loaded[-1][1] + timedelta(days=1):
                self._loaded[-1] = (self._loaded[-1][0], max(self._loaded[-1][1], span[1]))
            else:
                self._loaded.append(span)

    def _hold(self, held: _Held) -> None:
        self._held[held.event.id] = held
        event = held.event
        if event.date_start is None or not event.place_ids:
            return  # never a candidate: the date filter needs a date, a link needs a place
        primary = event.place_ids[0]
        cell = _cell(held.lat, held.lon)
        if (cell, primary) not in self._in_cell:
            self._in_cell.add((cell, primary))
            self._cells.setdefault(cell, []).append(primary)
            self._cells_changed += 1
        bucket = self._by_primary.get(primary)
        if bucket is None:
            bucket = self._by_primary[primary] = []
            self._starts[primary] = []
        starts = self._starts[primary]
        at = bisect.bisect_right(starts, event.date_start)
        starts.insert(at, event.date_start)
        bucket.insert(at, held)

    # -- linking -------------------------------------------------------------------------

    def link(self, extraction: Any) -> None:
        """Link or add every event of one new report, in order."""
        ex_places = extraction.place_by_id()
        canonical = {pid: self.unchanged(p) for pid, p in ex_places.items()}
        fast = all(p is not None for p in canonical.values())
        for event in extraction.events:
            if fast and event.place_ids and event.place_ids[0] in canonical:
                stored = self._find_fast(event, ex_places, canonical)  # type: ignore[arg-type]
            else:
                stored = self._find_exact(event, ex_places)
            if stored is None:
                primary = ex_places.get(event.place_ids[0]) if event.place_ids else None
                if event.id in self._held:
                    continue  # INSERT OR IGNORE: the stored event of that id stays
                held = _Held(event, primary.lat if primary else None, primary.lon if primary else None)
                self._hold(held)
                self._inserted[event.id] = held
            else:
                report_ids, place_ids, figure_ids = merged_ids(stored.event, event)
                old = stored.event
                stored.event = Event(
                    old.id,
                    tuple(report_ids),
                    old.date_start,
                    old.date_end,
                    old.date_precision,
                    tuple(place_ids),
                    old.type,
                    old.summary,
                    old.summary_start,
                    old.summary_end,
                    tuple(figure_ids),
                )
                if stored.event.id not in self._inserted:
                    self._updated[stored.event.id] = stored

    def _in_query(self, held: _Held, query: CandidateQuery, reports: set[str]) -> bool:
        event = held.event
        if event.type not in query.types:
            return False
        if query.box is not None and held.lat is not None:  # as SQL: no position passes
            south, west, north, east = query.box
            if not (south <= held.lat <= north and held.lon is not None and west <= held.lon <= east):
                return False
        return not reports.intersection(event.report_ids)

    def _matching(self, place: Place, box: tuple[float, float, float, float] | None) -> list[str]:
        """Primary place ids of held events that ``same_place`` ties to ``place``, among the
        events that can pass the candidate box (all of them when there is no box). Each pair
        of places is compared once; later calls only look at ids new to those cells."""
        key = (place.id, box is None)  # the box follows from the place
        answer = self._answers.get(key)
        if answer is not None and answer[0] is place and answer[1] == self._cells_changed:
            return answer[2]
        seen = self._matches.get(place.id)
        if seen is None or seen[0] is not place:
            seen = (place, {})
            self._matches[place.id] = seen
        done = seen[1]
        cells = list(self._cells) if box is None else [None, *_cells_of(box)]
        found: list[str] = []
        for cell in cells:
            ids = self._cells.get(cell)
            if not ids:
                continue
            checked, matches = done.get(cell, (0, []))
            for qid in ids[checked:]:
                other = self.stored_place(qid)
                if other is not None and same_place(place, other):
                    matches.append(qid)
            done[cell] = (len(ids), matches)
            found.extend(matches)
        found = list(dict.fromkeys(found))
        self._answers[key] = (place, self._cells_changed, found)
        return found

    def _find_fast(
        self, event: Event, ex_places: dict[str, Place], canonical: dict[str, Place]
    ) -> _Held | None:
        """Every place of the report is as stored: candidates come by matching primary place."""
        query = candidate_query(event, ex_places)
        if query is None:
            return None
        mine = canonical[event.place_ids[0]]
        reports = set(event.report_ids)
        (only,) = event.report_ids if len(event.report_ids) == 1 else (None,)
        types = query.types
        first, last = query.date_from, query.date_to
        if query.box is None:
            south = west = -math.inf
            north = east = math.inf
        else:
            south, west, north, east = query.box
        found: list[_Held] = []
        for qid in self._matching(mine, query.box):
            starts = self._starts[qid]
            low = bisect.bisect_left(starts, first)
            high = bisect.bisect_right(starts, last)
            for held in self._by_primary[qid][low:high]:
                other = held.event
                # candidate_query's SQL filter, then the cheap half of same_incident
                if other.type not in types:
                    continue
                lat, lon = held.lat, held.lon
                if lat is not None and not (
                    south <= lat <= north and lon is not None and west <= lon <= east
                ):
                    continue
                if (other_reports := other.report_ids) and (
                    only in other_reports if only is not None else reports.intersection(other_reports)
                ):
                    continue
                found.append(held)
        if len(found) > 1:
            found.sort(key=_BY_ORDER)
        for held in found:
            # same_incident, its place test known true from _matching (same_place)
            other = held.event
            if same_incident_in_time_and_kind(other, event) and same_incident_places(
                other, event, self._places[other.place_ids[0]], mine, near=True
            ):
                return held
        return None

    def _find_exact(self, event: Event, ex_places: dict[str, Place]) -> _Held | None:
        """The general case (a place of the report differs from the stored one, or the
        event's primary place is not among the report's): ``find_same_incident`` itself
        over every held candidate, places resolved as the one-by-one save does."""
        query = candidate_query(event, ex_places)
        if query is None:
            return None
        reports = set(event.report_ids)
        found = [
            h
            for h in self._held.values()
            if h.event.date_start is not None
            and query.date_from <= h.event.date_start <= query.date_to
            and self._in_query(h, query, reports)
        ]
        if not found:
            return None

        def load(ids: set[str]) -> list[Place]:
            return [p for i in ids if (p := self.stored_place(i)) is not None]

        chosen = find_same_incident(event, [h.event for h in found], ex_places, load)
        return None if chosen is None else self._held[chosen.id]

    # -- writing -------------------------------------------------------------------------

    def take_writes(self) -> tuple[list[tuple[Event, float | None, float | None]], list[Event]]:
        """(events to insert with their position, events whose id lists grew) since the last
        call; each event once, in its final state."""
        inserts = [(h.event, h.lat, h.lon) for h in self._inserted.values()]
        updates = [h.event for h in self._updated.values()]
        self._inserted = {}
        self._updated = {}
        return inserts, updates
