"""The event map's payload: the compact JSON the browser script draws (see ``mapview``).

``encode_payload(events, selected, budget, extra)`` returns that JSON (safe inside
``<script>``) plus what the page around it needs (bounds, legend counts, text level).

Why there is a cache
--------------------
A filter change in the app shows a subset of the SAME ``EventView`` objects: the app
loads the store's events once per revision (``st.cache_resource``) and every filter state
is a selection of them. So whatever can be worked out for one event alone is worked out
once per ``EventView`` object and kept (``EventRows``): its place and type as numbers in
tables, its dates as day numbers, its id, and -- once a map first sends text -- its
figures' categories/outcomes/sources as numbers and its summary and figure texts already
encoded as script-safe JSON strings. A map of any selection then only gathers those rows
(numpy fancy indexing, ``str.join`` of the encoded pieces) and renumbers places, types and
sources for the selection: 10,000 events in ~10 ms instead of ~55 ms, the same content
out. Events the cache has not seen (the first map after a load, objects rebuilt by a
copy) get their rows in a few C-speed column passes, reading the events in the order of
their addresses (see ``EventRows._add``): at 100k synthetic events that first map (filter
-> HTML) took 0.40 s CPU against 0.50 s with the code before (which read them in the
map's order and cut each id), a later map
0.13 s (same run, best of 7, machine shared with other work, 7 Dec 2026).

Rows are found by the object's ``id()``. Each event has a weak reference whose callback
forgets its ``id()`` when it is freed -- before a new object can be given the same
address -- so a row is never handed to the wrong object, and the cache never keeps events
alive. Rows of freed events are dropped by starting a new generation when they outnumber
the live ones (a store reload leaves the old views behind). Rows cost ~0.5 kB per event
(50 MB at 100k events, tracemalloc) before any text.
"""

from __future__ import annotations

import gc
import json
import math
import re
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import chain, compress, repeat
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C encoder
from operator import attrgetter, is_not, itemgetter, ne
from typing import Any, cast

import numpy as np

from dashboard.model import DATE_PRECISIONS, POINT_PRECISIONS
from dashboard.views import EventView

# Radius of the uncertainty circle drawn for an area event without a polygon (metres):
# roughly the size of such a unit in Syria (a district, a governorate, the coast, a country).
AREA_RADIUS_M: dict[str, int] = {"adm2": 15_000, "adm1": 45_000, "region": 70_000, "country": 250_000}
SUMMARY_MAX = 280  # characters of summary shown in a popup at most
_MIN_USEFUL_SUMMARY = 24  # below this a shortened summary says nothing; leave it to the card
# Rough JSON bytes of one figure entry beyond its text and source, and per event.
_FIGURE_OVERHEAD = 12
_EVENT_TEXT_OVERHEAD = 6

# A new cache generation starts when more than this many rows belong to freed events and
# they outnumber the live ones (see the module doc).
STALE_MIN = 50_000

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
PRECISION_ORDER = ("exact", "city", "adm2", "adm1", "region", "country")
_DATE_PREC_INDEX = {p: i for i, p in enumerate(DATE_PRECISIONS)}
# "{{", "{%", "{#" can only occur inside JSON strings; escaping their brace keeps any
# template engine that sees the page (folium renders through Jinja) from reading them.
_TEMPLATE_OPENER_RE = re.compile(r"\{(?=[{%#])")
# The usual shape of ids ("ev-3f2a…"): a short word and a separator, sent once as ``idp``.
_ID_PREFIX_RE = re.compile(r"^[A-Za-z]{1,12}[-:_.]")


def script_safe(json_text: str) -> str:
    """JSON text made safe inside ``<script>``: it cannot close the element, open an HTML
    comment, or look like template syntax. Every replaced character only occurs inside
    JSON strings, where the ``\\uXXXX`` form means the same character."""
    text = (
        json_text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return _TEMPLATE_OPENER_RE.sub(r"\\u007b", text)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_for_script(value: Any) -> str:
    """``value`` as compact JSON that is safe inside ``<script>`` (``script_safe``)."""
    return script_safe(_ENCODER.encode(value))


def _strings_for_script(texts: Sequence[str]) -> list[str]:
    """Each text as a script-safe JSON string literal, escaped in one pass over all of them:
    encoded JSON strings never hold a raw newline, so one can separate them."""
    if not texts:
        return []
    return script_safe("\n".join(map(encode_basestring, texts))).split("\n")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while rows are built.

    The loops allocate hundreds of thousands of small objects, which triggers full
    collections that walk every live EventView (~0.3 s at 100k events, measured); nothing
    built here forms reference cycles, so there is nothing for the collector to find.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _coordinates(nested: Any) -> Iterator[tuple[float, float]]:
    """Every (x, y) position in a GeoJSON coordinates array, however deeply nested."""
    if isinstance(nested, (list, tuple)) and nested and isinstance(nested[0], (int, float)):
        yield float(nested[0]), float(nested[1])
    elif isinstance(nested, (list, tuple)):
        for item in nested:
            yield from _coordinates(item)


def _place_box(lat: float, lon: float, geometry: Any, radius_m: int) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a place as drawn: its outline or circle whole."""
    lats, lons = [lat], [lon]
    if geometry:
        for x, y in _coordinates(geometry.get("coordinates", [])):
            lons.append(x)
            lats.append(y)
    elif radius_m:
        dlat = radius_m / 111_000
        dlon = dlat / max(0.1, math.cos(math.radians(lat)))
        lats += [lat - dlat, lat + dlat]
        lons += [lon - dlon, lon + dlon]
    return min(lats), min(lons), max(lats), max(lons)


def _first_seen(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct codes (small non-negative ints) in order of first appearance, each code's
    rank in that order, and where each distinct code first appears. Linear: the codes
    index an array as long as the largest code, no sort of the whole column."""
    n = len(codes)
    if not n:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, empty
    first = np.full(int(codes.max()) + 1, n, dtype=np.intp)
    np.minimum.at(first, codes, np.arange(n, dtype=np.intp))
    present = np.flatnonzero(first < n)
    order = np.argsort(first[present], kind="stable")
    distinct = present[order]
    rank = np.empty(len(first), dtype=np.intp)
    rank[distinct] = np.arange(len(distinct))
    return distinct, rank[codes], first[distinct]


def _gather(items: Sequence[Any], rows: list[int]) -> list[Any]:
    """``[items[r] for r in rows]`` in C."""
    if not rows:
        return []
    got = itemgetter(*rows)(items)
    return [got] if len(rows) == 1 else list(got)


def _epoch_days(days: Sequence[date | None], known: np.ndarray) -> np.ndarray:
    """Each date as days since 1970-01-01; 0 where ``known`` is False (no date).
    ``date.toordinal`` over the whole column in C: ~3x cheaper than looking each date up in a
    table of the distinct days, which hashes every date object (measured at 100k events)."""
    n = len(days)
    if known.all():
        every = cast("Sequence[date]", days)  # no None where every date is known
        ordinals = np.fromiter(map(date.toordinal, every), dtype=np.int64, count=n)
        return ordinals - _EPOCH_ORDINAL
    out = np.zeros(n, dtype=np.int64)
    dated = cast("Iterator[date]", compress(days, known.tolist()))  # the known ones are dates
    out[known] = np.fromiter(map(date.toordinal, dated), dtype=np.int64)
    out[known] -= _EPOCH_ORDINAL
    return out


# Columns of EventRows.ints (one row per event). The last four are the text's share
# (figures: how many, where they start in figure_ints, their text's length; the summary's),
# filled only when a map first needs the event's text (_HAS_TEXT): a 100k-event map sends
# none, and reading every summary and figure costs more than the rest of a row.
(_PK, _PR, _TY, _DATED, _DAY, _SPAN, _DP, _HAS_HI, _HAS_TEXT, _FN, _F0, _FTLEN, _SULEN) = range(13)
_INT_COLUMNS = 13
# Columns of EventRows.figure_ints (one row per figure).
(_FC, _FO, _FS, _FV) = range(4)

# What a row reads of every event: touching an attribute is a memory access per event
# (~0.1 us each at 100k events, the bulk of a first map), so the place is read from one
# event per place and the text only when needed.
_EVENT_FIELDS = attrgetter(
    "id",
    "place_id",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "deaths_low",
    "deaths_high",
)
_PLACE_FIELDS = attrgetter("place_name", "lat", "lon", "precision", "geometry")
_FIGURE_FIELDS = attrgetter("text", "category", "outcome", "source", "verified")


class _Table:
    """Distinct values numbered in order of arrival."""

    def __init__(self, initial: Sequence[Any] = ()) -> None:
        self.values: list[Any] = list(initial)
        self.index: dict[Any, int] = {v: i for i, v in enumerate(self.values)}

    def number(self, value: Any) -> int:
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.values)
            self.values.append(value)
        return i

    def numbers(self, values: Sequence[Any]) -> list[int]:
        for value in dict.fromkeys(values):  # new ones first, in order; then a C-speed lookup
            self.number(value)
        return list(map(self.index.__getitem__, values))


class EventRows:
    """Per-event payload pieces for every ``EventView`` object seen (see module doc).

    ``rows(events)`` gives each event's row, adding the missing ones; the arrays and lists
    below are indexed by row. Places, types, precisions, categories, outcomes and sources
    are numbered in tables that only grow; a map renumbers what it shows.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._row_of: dict[int, int] = {}  # id(EventView) -> row
        # Rows are found by id(); a weak reference per event forgets the id when the event
        # is freed (its callback runs before the memory, and so the id, can be reused).
        self._refs: list[weakref.ref[EventView]] = []
        self._key_of_ref: dict[int, int] = {}  # id(reference) -> id(event)
        self.dead = 0
        self.ids: list[str] = []
        self.lows: list[int] = []  # -1: unknown (Python ints: a figure may exceed 64 bits)
        self.highs: list[int] = []  # deaths_high where it differs from low (-1: none)
        # The text's share (None until a map needs it, see _HAS_TEXT):
        self.summaries: list[str | None] = []
        self.summary_json: list[str | None] = []  # script-safe JSON string literals
        self.figure_json: list[str | None] = []  # the figure texts, JSON literals joined by ","
        self._int_chunks: list[np.ndarray] = []
        self._ints: np.ndarray = np.zeros((0, _INT_COLUMNS), dtype=np.int64)
        self._figure_chunks: list[np.ndarray] = []
        self._figure_ints: np.ndarray = np.zeros((0, 4), dtype=np.int64)
        self.figures = 0
        # Place groups (what the map stacks and lists together: one per place id) and place
        # rows (what is drawn: name, position, precision, outline) are numbered apart, so a
        # place id whose name or outline changed in a later store revision gets a new row.
        self.place_groups = _Table()
        self.place_keys = _Table()
        self.place_rows: list[list[Any]] = []
        self.place_json: list[str] = []
        self._boxes: list[tuple[float, float, float, float]] = []
        self.place_box: np.ndarray = np.zeros((0, 4))
        self.place_is_area: np.ndarray = np.zeros(0, dtype=bool)
        self.types = _Table()
        self.precisions = _Table(PRECISION_ORDER)
        self.categories = _Table()
        self.outcomes = _Table()
        self.sources = _Table()

    def stale(self) -> bool:
        """True when rows of dead events outnumber the live ones (time for a new generation)."""
        return self.dead > STALE_MIN and self.dead > len(self.ids) - self.dead

    @property
    def ints(self) -> np.ndarray:
        if self._int_chunks:
            self._ints = np.concatenate([self._ints, *self._int_chunks])
            self._int_chunks = []
        return self._ints

    @property
    def figure_ints(self) -> np.ndarray:
        if self._figure_chunks:
            self._figure_ints = np.concatenate([self._figure_ints, *self._figure_chunks])
            self._figure_chunks = []
        return self._figure_ints

    def rows(self, events: Sequence[EventView]) -> list[int]:
        """Each event's row, in order; rows of events not seen yet are made now."""
        keys = list(map(id, events))
        rows = list(map(self._row_of.get, keys, repeat(-1)))
        if -1 not in rows:
            return rows  # the common case: every event seen before (a C-speed check)
        # The collector stays off until _add's temporaries are gone: a collection as it
        # resumes then walks only the rows kept, not every tuple made on the way.
        if rows.count(-1) == len(rows) and len(set(keys)) == len(keys):
            # None seen, none twice (the first map of a loaded set): all rows are new.
            with _collector_paused():
                return self._add(list(events), keys)
        missing = [i for i, r in enumerate(rows) if r < 0]
        # One object may be listed twice; it gets one row.
        new = {keys[i]: events[i] for i in missing}
        with _collector_paused():
            self._add(list(new.values()), list(new))
        row_of = self._row_of
        for i in missing:
            rows[i] = row_of[keys[i]]
        return rows

    def _died(self, ref: weakref.ref[EventView]) -> None:
        """An event object was freed: forget its id() before a new object can reuse it."""
        key = self._key_of_ref.pop(id(ref), None)
        if key is not None:
            self._row_of.pop(key, None)
        self.dead += 1

    def _add(self, events: list[EventView], keys: list[int]) -> list[int]:
        """Rows for ``events`` (distinct objects not seen yet; ``keys`` their ``id()``s),
        built column by column in C-speed passes (map, zip, numpy) rather than one Python
        loop per event; no text yet. Returns each event's row (consecutive, in the order
        given).

        The events are read in the order of their addresses, not in the order given.
        Reading a field is a memory access per event (and one more per object it touches:
        a date, a string); events sorted by date after they were made (as the benchmark's
        synthetic ones are) lie scattered over ~50 MB at 100k events, and read in that order
        nearly every access misses the CPU caches. In address order the accesses run
        forwards through memory (objects made one after another lie one after another),
        which the CPU prefetches: reading the 8 fields of 100k synthetic events took 0.037 s
        against 0.18 s in date order (best of 5, quiet machine). The columns are then put
        back in the order given, so that the rows of a map's events stay in that order and
        later maps gather them forwards too (rows in address order made those ~10 ms
        slower at 100k: the id lookups and gathers jumped about).
        """
        if not events:
            return []
        first = len(self.ids)
        n = len(events)
        order = np.argsort(np.fromiter(keys, dtype=np.uintp, count=n), kind="stable")
        back = np.empty(n, dtype=np.intp)  # given position -> position read
        back[order] = np.arange(n, dtype=np.intp)
        back_list = back.tolist()
        read = _gather(events, order.tolist())
        refs = list(map(weakref.ref, read, repeat(self._died)))
        self._refs.extend(refs)  # kept: a reference's callback runs only while it lives
        self._key_of_ref.update(zip(map(id, refs), map(id, read), strict=True))
        (ids, place_ids, kinds, starts, ends, date_precs, lows, highs) = zip(
            *map(_EVENT_FIELDS, read), strict=True
        )
        groups, place_rows = self._places(read, place_ids, order)

        # Dates as days since 1970 (undated: not "dated", day 0).
        dated = np.fromiter(map(is_not, starts, repeat(None)), dtype=bool, count=n)
        has_end = np.fromiter(map(is_not, ends, repeat(None)), dtype=bool, count=n)
        day = _epoch_days(starts, dated)
        end_day = _epoch_days(ends, has_end)
        date_prec_of = {p: -1 if p == "day" else _DATE_PREC_INDEX.get(p, 0) for p in set(date_precs)}

        ints = np.zeros((n, _INT_COLUMNS), dtype=np.int64)
        ints[:, _PK] = groups
        ints[:, _PR] = place_rows
        ints[:, _TY] = self.types.numbers(kinds)
        ints[:, _DATED] = dated
        ints[:, _DAY] = day
        ints[:, _SPAN] = np.where(dated & has_end, end_day - day, 0)
        ints[:, _DP] = list(map(date_prec_of.__getitem__, date_precs))
        ints[:, _HAS_HI] = list(map(ne, highs, lows))
        self._int_chunks.append(ints[back])

        self.lows.extend(-1 if low is None else low for low in _gather(lows, back_list))
        self.highs.extend(-1 if high is None else high for high in _gather(highs, back_list))
        # Ids are kept whole: a map cuts off their shared prefix in one numpy pass over
        # the bytes of all of them (``_id_column``), cheaper than a new string per event here.
        self.ids.extend(_gather(ids, back_list))
        for text_column in (self.summaries, self.summary_json, self.figure_json):
            text_column.extend(repeat(None, n))
        rows = range(first, first + n)
        self._row_of.update(zip(keys, rows, strict=True))
        return list(rows)

    def add_text(self, events: Sequence[EventView], rows: Sequence[int]) -> None:
        """The text's share of these rows (``events[k]`` is row ``rows[k]``'s event):
        summaries and figures, encoded once."""
        n = len(events)
        summaries = list(map(attrgetter("summary"), events))
        figures = list(map(attrgetter("figures"), events))
        n_figs = np.fromiter(map(len, figures), dtype=np.int64, count=n)
        # Every figure of the batch in one flat run, each event's a slice of it.
        figure_rows = list(map(_FIGURE_FIELDS, chain.from_iterable(figures)))
        texts, cats, outs, srcs, verified = zip(*figure_rows, strict=True) if figure_rows else ((),) * 5
        ends_at = np.cumsum(n_figs)
        starts_at = ends_at - n_figs
        text_lens = np.concatenate([[0], np.cumsum(np.fromiter(map(len, texts), dtype=np.int64))])
        text_json = _strings_for_script(texts)
        figure_json = map(
            ",".join, map(text_json.__getitem__, map(slice, starts_at.tolist(), ends_at.tolist()))
        )
        if figure_rows:
            columns = (
                self.categories.numbers(cats),
                self.outcomes.numbers(outs),
                self.sources.numbers(srcs),
                list(map(int, map(bool, verified))),
            )
            self._figure_chunks.append(np.array(columns, dtype=np.int64).T.reshape(-1, 4))
        ints = self.ints
        at = np.asarray(rows, dtype=np.intp)
        ints[at, _FN] = n_figs
        ints[at, _F0] = starts_at + self.figures
        ints[at, _FTLEN] = text_lens[ends_at] - text_lens[starts_at]
        ints[at, _SULEN] = list(map(len, summaries))
        ints[at, _HAS_TEXT] = 1
        self.figures += len(figure_rows)
        for row, summary, encoded, figure_text in zip(
            rows, summaries, _strings_for_script(summaries), figure_json, strict=True
        ):
            self.summaries[row] = summary
            self.summary_json[row] = encoded
            self.figure_json[row] = figure_text

    def _places(
        self, events: list[EventView], place_ids: Sequence[str | None], given_at: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each event's place group and place row number, adding new places.
        ``given_at[k]``: where ``events[k]`` was in the order the caller gave."""
        # A group is a place id, else (name, lat, lon).
        group_keys: list[Any] = list(place_ids)
        if None in group_keys:
            group_keys = [
                g if g is not None else (e.place_name, e.lat, e.lon)
                for g, e in zip(place_ids, events, strict=True)
            ]
        groups = np.array(self.place_groups.numbers(group_keys), dtype=np.intp)
        # What is drawn (name, position, precision, outline -- by object: one Place's outline
        # is one dict shared by its events) is read from each group's first event in the
        # order given (not the address order ``_add`` reads in, so that a map's places do
        # not depend on where its events lie in memory): events of one place id drawn
        # differently in one batch would be inconsistent data, but a later store revision
        # may redraw a place, which gives it a new row.
        n = len(events)
        first_given = np.full(len(self.place_groups.values), n, dtype=np.intp)
        np.minimum.at(first_given, groups, given_at)
        at = np.empty(n, dtype=np.intp)
        at[given_at] = np.arange(n, dtype=np.intp)
        distinct = np.flatnonzero(first_given < n)
        row_of_group = np.zeros(len(self.place_groups.values), dtype=np.intp)
        new_rows = []
        for g, k in zip(distinct.tolist(), at[first_given[distinct]].tolist(), strict=True):
            name, lat, lon, precision, geometry = _PLACE_FIELDS(events[k])
            key = (g, name, lat, lon, precision, id(geometry))
            row = self.place_keys.index.get(key)
            if row is None:
                row = self.place_keys.number(key)
                new_rows.append(self._place_row(name, lat, lon, precision, geometry))
            row_of_group[g] = row
        if new_rows:
            self.place_rows.extend(new_rows)
            self.place_json.extend(_place_json(new_rows))
            self._boxes.extend(_place_box(r[1], r[2], r[4], r[5]) for r in new_rows)
            self.place_box = np.array(self._boxes, dtype=float).reshape(-1, 4)
            self.place_is_area = np.array([row[5] > 0 for row in self.place_rows], dtype=bool)
        return groups, row_of_group[groups]

    def _place_row(self, name: str, lat: float, lon: float, precision: str, geometry: Any) -> list[Any]:
        """[name, lat, lon, precision index, geometry (areas), circle radius m (areas; 0 points)]."""
        area = precision not in POINT_PRECISIONS
        return [
            name,
            round(lat, 5),
            round(lon, 5),
            self.precisions.number(precision),
            geometry if area else None,
            AREA_RADIUS_M.get(precision, AREA_RADIUS_M["adm1"]) if area else 0,
        ]


def _number(x: float) -> str:
    """A finite number as JSON writes it (``float.__repr__`` also for float subclasses
    such as numpy's, whose own repr is not JSON)."""
    return float.__repr__(x) if isinstance(x, float) else _ENCODER.encode(x)


def _place_json(rows: list[list[Any]]) -> list[str]:
    """Each place row as script-safe JSON, written by hand (one ``json.dumps`` per row
    costs ~10 us of set-up; thousands of places are new on a first map): the name through
    the C string encoder, numbers as ``repr`` (what JSON writes for finite numbers), an
    outline through the encoder."""
    out = []
    for name, lat, lon, prec, geometry, radius in rows:
        if not (math.isfinite(lat) and math.isfinite(lon)):  # JSON's NaN, not Python's nan
            out.append(_ENCODER.encode([name, lat, lon, prec, geometry, radius]))
            continue
        shape = "null" if geometry is None else _ENCODER.encode(geometry)
        out.append(f"[{encode_basestring(name)},{_number(lat)},{_number(lon)},{prec},{shape},{radius}]")
    # Compact JSON never holds a raw newline: one escaping pass for all.
    return script_safe("\n".join(out)).split("\n") if out else []


_rows = EventRows()
_rows_lock = threading.Lock()


def event_rows() -> EventRows:
    """The current generation of the per-event cache (a new one when the old is mostly dead)."""
    global _rows
    with _rows_lock:
        if _rows.stale():
            _rows = EventRows()
        return _rows


def prepare_rows(events: Sequence[EventView]) -> None:
    """Make the rows of ``events`` now (the app calls this as it loads a store revision's
    events: every map of that revision draws a subset of them, so none of its maps has to
    make rows, the first one after a load included)."""
    cache = event_rows()
    with cache.lock:
        cache.rows(events)


def clear_cache() -> None:
    """Forget every cached row (tests; a deliberate cold start)."""
    global _rows
    with _rows_lock:
        _rows = EventRows()


@dataclass(frozen=True)
class EncodedPayload:
    """The payload JSON and what the page around it is built from."""

    parts: tuple[str, ...]  # the JSON object in pieces, without its closing brace
    bounds: list[list[float]] | None  # [[south, west], [north, east]] of the drawn places
    type_counts: dict[str, int]  # events per type
    areas: int  # events known only to an area
    text: str  # "full" | "short" | "figures" | "none": what the popups keep

    @property
    def json(self) -> str:
        return "".join(self.parts) + "}"

    def with_legend(self, legend_html: str) -> str:
        """The JSON with ``legend`` (HTML built and escaped by the caller) added: one copy
        of the megabytes, not one per piece."""
        return "".join((*self.parts, ',"legend":', json_for_script(legend_html), "}"))


def _dumps(value: Any) -> str:
    """Compact JSON of numbers and containers of numbers (no text: nothing to escape)."""
    return json.dumps(value, separators=(",", ":"))


# Packed integer columns: base-64 digits, most significant first, in this alphabet (no
# character that JSON or HTML would escape). The browser reads them with ``ints()``.
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_DIGIT_BYTES = np.frombuffer(DIGITS.encode("ascii"), dtype=np.uint8)
_MAX_WIDTH = 5  # 64**5 - 2 is the largest value packed; beyond, the column stays a list


def int_column(values: np.ndarray | Sequence[int]) -> str:
    """JSON for a column of integers >= -1: a string ``"<w><digits>"`` holding each value
    plus one as ``w`` base-64 digits (``DIGITS``), the fewest that fit the largest value;
    or a JSON list when a value is out of that range.

    A list of 10,000 small integers costs ~0.5 ms of ``json.dumps`` and 2-5 bytes each;
    packed, ~0.05 ms and 1-3 bytes (e.g. types: one character per event).
    """
    try:
        column = np.asarray(values, dtype=np.int64)
    except OverflowError:  # a figure too large for 64 bits: no packing for it
        return _dumps(list(values))
    if not len(column):
        return "[]"
    low, high = int(column.min()), int(column.max())
    if low < -1 or high + 1 >= 64**_MAX_WIDTH:
        return _dumps(column.tolist())
    width = 1
    while 64**width <= high + 1:
        width += 1
    shifts = 6 * np.arange(width - 1, -1, -1, dtype=np.int64)
    digits = ((column + 1)[:, None] >> shifts) & 63
    return '"' + str(width) + _DIGIT_BYTES[digits].tobytes().decode("ascii") + '"'


def _packed_ids(ids: list[str]) -> str | list[str]:
    """Ids of one width (generated ids usually are) as one string: no quotes or commas,
    3 bytes less per event; the width travels as ``ev.idw``. Otherwise the list."""
    widths = set(map(len, ids))
    packed = "".join(ids)
    # ASCII only: the browser cuts the string by UTF-16 units, Python counts code points.
    if len(widths) == 1 and min(widths) > 0 and packed.isascii():
        return packed
    return ids


def _sparse(positions: np.ndarray, values: Sequence[int]) -> str:
    """A sparse column (the few events whose value is not the usual one) as a JSON object:
    ``k`` the event positions, ``v`` their values, both ``int_column``s (values may be
    lists: a span can be negative, a death figure huge)."""
    return '{"k":' + int_column(positions) + ',"v":' + int_column(values) + "}"


def encode_payload(
    events: Sequence[EventView],
    selected: str | None,
    budget: int,
    extra: dict[str, Any] | None = None,
    *,
    type_colours: dict[str, str],
    fallback_colour: str,
    radius: tuple[float, float],
) -> EncodedPayload:
    """The compact column form of ``events`` (see ``mapview.build_payload`` for its keys),
    as script-safe JSON, with the popup text sized to ``budget`` bytes in all."""
    cache = event_rows()
    with cache.lock:
        return _encode(cache, events, selected, budget, extra or {}, type_colours, fallback_colour, radius)


@dataclass(frozen=True)
class _IdColumn:
    prefix: str  # sent once as ``idp``
    ids: str | list[str]  # without the prefix: one string when all are as long (ASCII), else a list
    width: int  # the first id's length without the prefix (``idw``)
    selected: int  # position of the selected event, -1 none


def _id_column(cache: EventRows, rowlist: list[int], selected: str | None) -> _IdColumn:
    """The ids of a map: the first id's prefix (``_ID_PREFIX_RE``) sent once when every id
    has it and something after it, else "" and the ids whole; packed into one string
    when they are all as long (generated ids are), see ``_packed_ids``.

    Ids of one width and ASCII (the usual case) are cut as one byte matrix (numpy: one
    row per id), so no string per id is made, here or when the rows were made."""
    ids = _gather(cache.ids, rowlist)
    if not ids:
        return _IdColumn("", [], 0, -1)
    match = _ID_PREFIX_RE.match(ids[0])
    prefix = match.group(0) if match else ""
    # (Where the whole id is, is where its part after a prefix shared by all ids is.)
    sel = _position(ids, selected)
    widths = set(map(len, ids))
    width = len(ids[0])
    joined = "".join(ids)
    if len(widths) == 1 and width > 0 and joined.isascii():
        table = np.frombuffer(joined.encode("ascii"), dtype=np.uint8).reshape(len(ids), width)
        k = len(prefix)
        head = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
        if k and width > k and bool((table[:, :k] == head).all()):
            return _IdColumn(prefix, table[:, k:].tobytes().decode("ascii"), width - k, sel)
        return _IdColumn("", joined, width, sel)
    if prefix and all(map(str.startswith, ids, repeat(prefix))):
        tails = list(map(itemgetter(slice(len(prefix), None)), ids))
        if all(tails):  # (an id equal to its prefix would leave "")
            return _IdColumn(prefix, _packed_ids(tails), len(tails[0]), sel)
    return _IdColumn("", _packed_ids(ids), width, sel)


def _position(ids: list[str], selected: str | None) -> int:
    """Where the selected id is (-1: not shown)."""
    try:
        return ids.index(selected) if selected is not None else -1
    except ValueError:
        return -1


def _encode(
    cache: EventRows,
    events: Sequence[EventView],
    selected: str | None,
    budget: int,
    extra: dict[str, Any],
    type_colours: dict[str, str],
    fallback_colour: str,
    radius: tuple[float, float],
) -> EncodedPayload:
    rowlist = cache.rows(events)
    n = len(rowlist)
    rows = np.array(rowlist, dtype=np.intp)
    m = cache.ints[rows] if n else np.zeros((0, _INT_COLUMNS), dtype=np.int64)

    # Places: one per place group, drawn as the group's first event's place row.
    _groups, pl, first_at = _first_seen(m[:, _PK])
    place_rows = m[first_at, _PR]
    types_global, ty, _ = _first_seen(m[:, _TY])
    types = [cache.types.values[t] for t in types_global.tolist()]

    dated = m[:, _DATED].astype(bool)
    day = m[:, _DAY]
    day0 = int(day[dated].min()) if dated.any() else 0
    dy = np.where(dated, day - day0, -1)
    span = m[:, _SPAN]
    de = np.flatnonzero(span)
    dp = np.flatnonzero(m[:, _DP] >= 0)
    hi = np.flatnonzero(m[:, _HAS_HI])

    id_column = _id_column(cache, rowlist, selected)

    core = [
        '{"types":',
        json_for_script(types),
        ',"colours":',
        json_for_script([type_colours.get(t, fallback_colour) for t in types]),
        ',"precisions":',
        json_for_script(cache.precisions.values),
        ',"datePrecisions":',
        json_for_script(list(DATE_PRECISIONS)),
        ',"places":[',
        ",".join(_gather(cache.place_json, place_rows.tolist())),
        '],"day0":',
        str(day0),
        ',"idp":',
        json_for_script(id_column.prefix),
        ',"radius":',
        _dumps(list(radius)),
        ',"sel":',
        str(id_column.selected),
        ',"ev":{"id":',
        json_for_script(id_column.ids),
        ',"idw":',
        str(id_column.width),
        ',"pl":',
        int_column(pl),
        ',"ty":',
        int_column(ty),
        ',"dy":',
        int_column(dy),
        ',"lo":',
        int_column(_gather(cache.lows, rowlist)),
        ',"hi":',
        _sparse(hi, _gather(cache.highs, rows[hi].tolist())),
        ',"de":',
        _sparse(de, span[de].tolist()),
        ',"dp":',
        _sparse(dp, m[dp, _DP].tolist()),
        "}",
        *(f",{json_for_script(k)}:{json_for_script(v)}" for k, v in extra.items()),
    ]
    core_bytes = sum(len(part.encode("utf-8")) if not part.isascii() else len(part) for part in core) + 1
    text_level, text = _text_columns(cache, events, m, rowlist, budget - core_bytes)

    counts = np.bincount(ty, minlength=len(types)).tolist() if n else []
    areas = int(cache.place_is_area[place_rows][pl].sum()) if n else 0
    bounds = None
    if len(place_rows):
        box = cache.place_box[place_rows]
        south, west = box[:, 0].min(), box[:, 1].min()
        north, east = box[:, 2].max(), box[:, 3].max()
        bounds = [[float(south), float(west)], [float(north), float(east)]]
    return EncodedPayload(
        parts=(*core, *text),
        bounds=bounds,
        type_counts=dict(zip(types, counts, strict=True)),
        areas=areas,
        text=text_level,
    )


def _text_columns(
    cache: EventRows, events: Sequence[EventView], m: np.ndarray, rowlist: list[int], budget: int
) -> tuple[str, list[str]]:
    """Figures (they carry the sources) first, then summaries in what is left.

    Figures travel flat: ``fn`` (figures per event) and ``ft`` (text), ``fc`` (category
    index into ``categories``), ``fo`` (outcome index into ``outcomes``), ``fs`` (source
    index into ``sources``), ``fv`` (1 verified); the browser builds
    ">1,400 civilians killed — news reports (verified)" like ``FigureView.label``.
    Returns the text level and these columns as JSON members (each starting with ",").
    """
    n = len(rowlist)
    if n == 0:
        return "full", [',"text":"full"']
    none = "none", [',"text":"none"']
    # Cheap checks first, so a 100k-event map does not build text it cannot send.
    if budget < n * (_EVENT_TEXT_OVERHEAD + 20):
        return none
    lacking = np.flatnonzero(m[:, _HAS_TEXT] == 0)
    if len(lacking):
        # First map of these events with text: read it once (one object may be listed twice).
        _rows, first = np.unique(np.asarray(rowlist)[lacking], return_index=True)
        positions = lacking[first].tolist()
        cache.add_text([events[i] for i in positions], _rows.tolist())
        m = cache.ints[np.asarray(rowlist, dtype=np.intp)]
    counts = m[:, _FN]
    total = int(counts.sum())
    if total * _FIGURE_OVERHEAD + n * _EVENT_TEXT_OVERHEAD > budget:
        return none
    # The selection's figure rows: each event's run of figures, in event order.
    starts = m[:, _F0]
    offsets = np.cumsum(counts) - counts
    figure_rows = np.repeat(starts - offsets, counts) + np.arange(total)
    f = cache.figure_ints[figure_rows] if total else np.zeros((0, 4), dtype=np.int64)
    sources_global, fs, _ = _first_seen(f[:, _FS])
    sources = [cache.sources.values[s] for s in sources_global.tolist()]
    used = int(m[:, _FTLEN].sum()) + total * _FIGURE_OVERHEAD + sum(len(s) + 3 for s in sources)
    used += n * _EVENT_TEXT_OVERHEAD
    if used > budget:
        return none
    cats_global, fc, _ = _first_seen(f[:, _FC])
    outs_global, fo, _ = _first_seen(f[:, _FO])
    parts = [
        ',"sources":',
        json_for_script(sources),
        ',"categories":',
        json_for_script([cache.categories.values[c] for c in cats_global.tolist()]),
        ',"outcomes":',
        json_for_script([cache.outcomes.values[o] for o in outs_global.tolist()]),
        ',"fn":',
        int_column(counts),
        ',"ft":[',
        ",".join(filter(None, _gather(cache.figure_json, rowlist))),
        '],"fc":',
        int_column(fc),
        ',"fo":',
        int_column(fo),
        ',"fs":',
        int_column(fs),
        ',"fv":',
        int_column(f[:, _FV]),
    ]
    summary_cap = min(SUMMARY_MAX, (budget - used) // n - 3)
    if summary_cap < _MIN_USEFUL_SUMMARY:
        level = "figures"
    elif int(m[:, _SULEN].max()) <= summary_cap:
        level = "full"
        parts += [',"su":[', ",".join(_gather(cache.summary_json, rowlist)), "]"]
    else:
        level = "short"
        summaries = _gather(cache.summaries, rowlist)
        short = [s if len(s) <= summary_cap else _shorten(s, summary_cap) for s in summaries]
        parts += [',"su":', json_for_script(short)]
    parts.append(',"text":' + json.dumps(level))
    return level, parts


def _shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut + "…"


__all__ = [
    "AREA_RADIUS_M",
    "SUMMARY_MAX",
    "EncodedPayload",
    "EventRows",
    "clear_cache",
    "encode_payload",
    "event_rows",
    "json_for_script",
    "prepare_rows",
    "script_safe",
]
