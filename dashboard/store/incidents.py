"""Which stored event is the same incident as a new one: the part of saving that both
backends (SQLite, PostgreSQL) share, so they link reports identically.

Each backend only fetches the candidates (events dated near the new one) and the places
it is missing; the choice itself is ``dashboard.extract.linking.same_incident``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

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
    from dashboard.extract.linking import compatible_types
    from dashboard.model import EVENT_TYPES

    window = candidate_window(event)
    if window is None:
        return None
    types = tuple(t for t in EVENT_TYPES if compatible_types(t, event.type))
    primary = places.get(event.place_ids[0]) if event.place_ids else None
    box = None
    if primary is not None and primary.precision != "country":
        d = LINK_BOX_DEGREES
        box = (primary.lat - d, primary.lon - d, primary.lat + d, primary.lon + d)
    return CandidateQuery(window[0], window[1], types, box)


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
