"""View state and the event rows the map and the list show (pure; no Streamlit).

``ViewState`` is everything a share link carries (DESIGN.md "Share links"); ``EventView``
is one event denormalised for display: its primary place, its figures as text with their
sources, and the rule used for its casualty range.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ViewState:
    """What the URL query string carries: ``from``, ``to``, ``types``, ``q``, ``src``,
    ``event``, ``lat``, ``lon``, ``z``. ``None``/empty means "not set"."""

    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = ()
    q: str = ""
    src: tuple[str, ...] = ()
    event: str | None = None
    lat: float | None = None
    lon: float | None = None
    z: int | None = None


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
