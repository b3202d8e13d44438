"""The event map: ``build_map(events, view) -> folium.Map`` (pure; assert on its HTML).

Why the markers are made in the browser
---------------------------------------
The obvious folium code (one ``CircleMarker`` + ``Popup`` object per event inside a
``MarkerCluster``) renders a Jinja template per object: ~0.9 s and 1.3 MB of HTML per 1,000
events, ~49 s and 64 MB for 50,000 (NOTES.md). So the events travel ONCE, as compact
column arrays in one JSON payload inside a single folium element (``EventLayer``), and a
short script builds the ``L.circleMarker``s in the browser, adds them to one
``L.markerClusterGroup({chunkedLoading: true})`` and builds tooltips and popups only when
a marker is hovered or clicked. Places are sent once (events point to them by index), ids
lose their common prefix, integer columns travel packed as base-64 digits (one character
per event for types, ``map_payload.int_column``), rare values (date ranges, open-ended
death counts) go in sparse columns. Text (summaries, figures with their sources) is
included while it fits a byte budget (``PAYLOAD_BUDGET``): in full for ordinary archives,
shortened, then left to the event card for very large selections (the popup then says
so). The few folium objects left are the map, two base layers, the layer switch and the
fit-bounds call. The payload is made by ``map_payload.encode_payload``, which keeps each
event's share (numbers, encoded text) per ``EventView`` object, so the map of another
filter state of the same events only gathers and joins them; it is added to the page as
raw text (branca would otherwise compile megabytes as a template).

In the browser the cost is MarkerCluster's, which grows with the number of markers. A
town with ``STACK_MIN`` or more events is therefore one "stack" marker (a numbered square in
its commonest type's colour) whose popup lists the events -- easier to read than hundreds
of circles spiderfied from one spot. Cluster numbers count events, stacks included.

Drawing rules
-------------
- Point events (precision in ``model.POINT_PRECISIONS``): a circle marker, radius growing
  with the log of the best death figure (``deaths_low``, else ``deaths_high``), colour by
  event type (``TYPE_COLOURS``), clustered.
- Area events (adm2/adm1/region/country): never a pin. One shape per area place: its
  GeoJSON polygon when ``EventView.geometry`` is given, else a dashed uncertainty circle
  (``AREA_RADIUS_M`` by precision). Its popup lists the events known only at that level.
- The selected event (``selected`` or ``view.event``) gets a thick dark ring / outline
  (CSS class ``ra-selected``) drawn outside the clusters, so it shows at every zoom.
- Towns with ``STACK_MIN``+ events: one numbered stack marker listing them (see above).
- A legend (types present, circle sizes, stacks, areas) as a Leaflet control, folded on
  maps narrower than 560 px (phones).
- Base layers: a plain background that needs no network (default when ``offline``) and
  OpenStreetMap tiles (default otherwise), switchable with the layer control. Offline, the
  plain background draws the countries (see "Background" below).

Background
----------
With no tiles the events would float on grey. So with ``offline=True`` the plain
background draws country outlines (light land, thin grey borders, country names from
Natural Earth's label zoom on) from ``basemap.ensure_basemap``'s GeoJSON: the browser
fetches it from ``BASEMAP_URL`` the first time the layer is shown (1.4 MB once, cached by
the browser) -- it is NOT embedded in the map HTML, which stays within its byte budget.
The outlines sit in their own pane under every event (``BASEMAP_PANE_Z``), are not
interactive (clicks reach the markers) and leave with the layer when tiles are chosen.
Without the file (package not installed, fetch failing) the background stays plain.
``build_standalone_html`` has no server to fetch from: it embeds the countries near the
events instead (``standalone_countries``): ~22 KB around the Syrian coast, coarser
outlines when the events span continents (~240 KB for Peru + Syria, not ~1 MB).
When drawn, the map container gets ``data-ra-basemap="<countries>"``.

How the app knows which event was clicked
-----------------------------------------
Every clickable event shape (circle, stack, area shape, selection ring) carries a tooltip
whose text STARTS WITH THE EVENT ID followed by ``" · "`` (``TOOLTIP_SEPARATOR``), and a
popup whose root element has ``data-event-id``. The tooltip is bound before
streamlit-folium's own click listener runs, so
``st_folium(...)["last_object_clicked_tooltip"]`` reads e.g.
``"ev-3f2a… · 2025-03-07 · Jablah · ambush · 13 killed"`` and ``event_id_from_tooltip``
gives the id. A stack or an area names its first listed event (events come newest first
from ``views.event_views``); each line of its popup list (``li.ra-pick[data-event-id]``) is
a select link: clicking it fires a click through the cluster group on a stand-in marker
carrying that event's tooltip, so streamlit-folium reports exactly that event (checked in
a real browser with ``st_folium``). ``event_at(events, lat, lng)`` is the fallback that
maps ``last_object_clicked`` (a position) back to the nearest event.
When every marker is placed, the map container gets ``data-ra-loaded="<point events>"``
(browser tests wait for it).

Escaping
--------
Report text is hostile. The payload is JSON with ``<``, ``>``, ``&`` and the JS line
separators escaped, so it cannot close the ``<script>``; the browser script puts text into
the page only with ``textContent`` or through ``esc()`` (tooltips are HTML strings because
streamlit-folium parses them); the legend is built here with ``html.escape``. folium's own
``Tooltip``/``Popup`` are not used: they paste text into a JS template literal.

Offline
-------
With ``offline=True`` (default) every script and stylesheet comes from ``STATIC_URL``
(``/app/static/...``, served by Streamlit from ``dashboard/static/``), filled from the
XStatic packages by ``ensure_static_assets``. ``build_standalone_html`` inlines them all so
one HTML file works from disk with no network.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import folium
import xyzservices
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from jinja2 import Template

from dashboard.basemap import (
    BASEMAP_PATH,
    coarser,
    copy_basemap,
    countries_near,
    ensure_basemap,
    events_box,
    load_basemap,
)
from dashboard.geo import haversine_km
from dashboard.map_payload import (
    AREA_RADIUS_M,
    DIGITS,
    SUMMARY_MAX,  # noqa: F401  (re-exported: tests and callers read mapview.SUMMARY_MAX)
    EncodedPayload,
    encode_payload,
    json_for_script,
)
from dashboard.model import EVENT_TYPES, POINT_PRECISIONS
from dashboard.views import EventView, ViewState

_OSM_TILES = xyzservices.providers.OpenStreetMap.Mapnik
STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_URL = "/app/static"
BASEMAP_URL = f"{STATIC_URL}/{BASEMAP_PATH}"
# Leaflet's panes: tiles 200, overlays (event areas) 400, markers 600. Countries go just
# above where tiles would be, their names just above them: under every event.
BASEMAP_PANE_Z = 250
# A standalone page's outlines are simplified to (box span / this) degrees when that is
# coarser than the built file: 0.6 deg for the whole world (~3 px at zoom 3).
STANDALONE_DEG_PER_TOLERANCE = 600
MAX_ZOOM = 18
TOOLTIP_SEPARATOR = " · "

# One hue per type: reds and browns for killing, purple for fighting, blues and greens for
# people on the move or sheltering, greys for words; "other" and unknown types are grey.
TYPE_COLOURS: dict[str, str] = {
    "killings": "#c0392b",
    "ambush": "#8d4004",
    "armed_clash": "#8e44ad",
    "attack": "#e67e22",
    "displacement": "#2980b9",
    "shelter": "#16a085",
    "security_operation": "#2c3e50",
    "statement": "#7f8c8d",
    "other": "#95a5a6",
}
FALLBACK_COLOUR = TYPE_COLOURS["other"]

# AREA_RADIUS_M (uncertainty circle of an area event without a polygon) and SUMMARY_MAX
# live with the payload (map_payload) and are imported above.

# Marker radius in pixels: BASE + SCALE * log10(1 + deaths).
RADIUS_BASE = 4.0
RADIUS_SCALE = 4.0

# Bytes of event payload we allow before shortening popup text (issue 7: <= 4 MB to the
# browser for 100k events, with room for the page around it).
PAYLOAD_BUDGET = 3_400_000
AREA_POPUP_EVENTS = 25  # events listed in one area or stack popup
# A town with at least this many events is drawn as one "stack" marker that lists them
# (see the module doc); fewer are drawn one circle each.
STACK_MIN = 12

# XStatic package -> files copied into STATIC_DIR (sub folder, files).
_VENDOR_FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "leaflet": ("leaflet", ("leaflet.js", "leaflet.css", "images")),
    "leaflet_markercluster": (
        "markercluster",
        ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"),
    ),
    "jquery": ("jquery", ("jquery.min.js",)),
}


def _asset_lists(offline: bool) -> dict[str, list[tuple[str, str]]]:
    """folium ``default_js``/``default_css`` lists for the map and the cluster plugin."""
    if offline:
        base = STATIC_URL
        leaflet_js = f"{base}/leaflet/leaflet.js"
        leaflet_css = f"{base}/leaflet/leaflet.css"
        jquery_js = f"{base}/jquery/jquery.min.js"
        cluster_js = f"{base}/markercluster/leaflet.markercluster.js"
        cluster_css = f"{base}/markercluster/MarkerCluster.css"
        cluster_default_css = f"{base}/markercluster/MarkerCluster.Default.css"
    else:
        leaflet_js = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
        leaflet_css = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
        jquery_js = "https://code.jquery.com/jquery-3.7.1.min.js"
        cdn = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.4.1"
        cluster_js = f"{cdn}/leaflet.markercluster.js"
        cluster_css = f"{cdn}/MarkerCluster.css"
        cluster_default_css = f"{cdn}/MarkerCluster.Default.css"
    # jQuery is not needed by our layer; it stays because folium objects other code may add
    # to the map (popups of GeoJson, for example) expect it.
    return {
        "map_js": [("leaflet", leaflet_js), ("jquery", jquery_js)],
        "map_css": [("leaflet_css", leaflet_css)],
        "cluster_js": [("markerclusterjs", cluster_js)],
        "cluster_css": [
            ("markerclustercss", cluster_css),
            ("markerclusterdefaultcss", cluster_default_css),
        ],
    }


def ensure_static_assets(dest: Path = STATIC_DIR) -> None:
    """Copy Leaflet, MarkerCluster and jQuery from their XStatic packages into ``dest``,
    and put the country outlines there (``basemap/countries.geojson``, see below).

    Layout: ``leaflet/{leaflet.js,leaflet.css,images/}``, ``markercluster/...``,
    ``jquery/jquery.min.js`` -- the paths ``build_map(offline=True)`` links to under
    ``STATIC_URL``. Files already present with the same size are left alone, so calling
    this at every app start is cheap. The outlines are built once (a few seconds) into
    ``STATIC_DIR`` and copied to any other ``dest``; without their source package the map
    keeps a plain background (a logged note, no error).
    """
    import importlib

    for package, (folder, names) in _VENDOR_FILES.items():
        base = Path(importlib.import_module(f"xstatic.pkg.{package}").BASE_DIR)
        target = dest / folder
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            source = base / name
            if source.is_dir():
                for item in source.iterdir():
                    _copy_if_changed(item, target / name / item.name)
            else:
                _copy_if_changed(source, target / name)
    ensure_static_basemap(dest)


def ensure_static_basemap(dest: Path = STATIC_DIR) -> Path | None:
    """``dest/basemap/countries.geojson`` (``BASEMAP_URL``), built or copied if missing;
    None when it cannot be had (see ``basemap.ensure_basemap``)."""
    if dest.resolve() != STATIC_DIR.resolve():
        try:  # build once next to the package, copy to other folders (tests, scripts)
            built = ensure_basemap(STATIC_DIR)
        except OSError:  # the package folder is read-only: build in place below
            built = None
        if built is not None:
            return copy_basemap(built, dest)
    return ensure_basemap(dest)


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size == source.stat().st_size:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(target)  # atomic: a browser never gets half a file


# --- The payload ------------------------------------------------------------------------------


def marker_radius(deaths: int) -> float:
    """Pixel radius of a point event's circle for a death figure (0 = none known)."""
    return RADIUS_BASE + RADIUS_SCALE * math.log10(1 + max(0, deaths))


def build_payload(events: Sequence[EventView], selected: str | None = None) -> dict[str, Any]:
    """The compact column form of ``events`` that the browser script draws (decoded from the
    JSON ``map_payload.encode_payload`` makes; the map itself never decodes it).

    Keys: ``types``/``colours`` (type table), ``precisions``, ``places`` ([name, lat, lon,
    precision index, geometry|null, area circle radius in m (0 for points)]), ``day0``
    (epoch day of the earliest date), ``idp`` (id prefix), ``sel`` (selected event index,
    -1 none), and ``ev`` columns: ``id`` (ids without the prefix; one string of fixed
    width ``idw`` when they are all as long, else a list), ``pl`` (place index), ``ty``
    (type index), ``dy`` (days after day0, -1 undated), ``lo`` (deaths_low, -1 unknown);
    sparse columns ``{"k": positions, "v": values}``: ``hi`` (deaths_high where it differs
    from low, -1 none), ``de`` (days from start to end), ``dp`` (date precision index where
    not "day"). Integer columns (``pl``, ``ty``, ``dy``, ``lo``, the sparse ``k``/``v``,
    ``fn``, ``fc``, ``fo``, ``fs``, ``fv``) are packed strings or lists: see
    ``map_payload.int_column``; ``digits`` (in the map's payload) is their alphabet.
    Text, as far as ``PAYLOAD_BUDGET`` allows: the figures as flat columns (``fn`` per
    event, then ``ft``/``fc``/``fo``/``fs``/``fv``, see ``map_payload._text_columns``) and
    ``su`` (summaries, maybe shortened); ``text`` says what was kept: "full", "short",
    "figures" or "none".
    """
    return json.loads(_encode(events, selected).json)


def _encode(
    events: Sequence[EventView], selected: str | None, extra: dict[str, Any] | None = None
) -> EncodedPayload:
    return encode_payload(
        events,
        selected,
        PAYLOAD_BUDGET,
        extra,
        type_colours=TYPE_COLOURS,
        fallback_colour=FALLBACK_COLOUR,
        radius=(RADIUS_BASE, RADIUS_SCALE),
    )


# --- Legend -------------------------------------------------------------------------------------


def legend_html(counts: Mapping[str, int], areas: int, text_level: str = "full") -> str:
    """The legend as escaped HTML: the types present (with counts), circle sizes, areas."""
    total = sum(counts.values())
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    rows = []
    for t in sorted(counts, key=lambda t: (order.get(t, 99), t)):
        colour = TYPE_COLOURS.get(t, FALLBACK_COLOUR)
        rows.append(
            f'<div class="ra-legend-row"><span class="ra-swatch" style="background:{colour}"></span>'
            f'{html.escape(t.replace("_", " "))} <span class="ra-count">{counts[t]:,}</span></div>'
        )
    sizes = []
    for deaths in (1, 10, 100, 1000):
        d = 2 * marker_radius(deaths)
        sizes.append(
            f'<span class="ra-size"><span class="ra-dot" style="width:{d:.0f}px;height:{d:.0f}px"></span>'
            f"{deaths:,}</span>"
        )
    parts = [
        '<div class="ra-legend-title">Events by type</div>',
        *rows,
        '<div class="ra-legend-title">Deaths (best figure)</div>',
        '<div class="ra-sizes">' + "".join(sizes) + "</div>",
        '<div class="ra-legend-row ra-legend-wrap"><span class="ra-swatch ra-swatch-stack"></span>'
        f"numbered square: {STACK_MIN}+ events at one town, in its commonest type's colour"
        " (click for the list); grey circles: clusters</div>",
        '<div class="ra-legend-row ra-legend-wrap"><span class="ra-swatch ra-swatch-area"></span>'
        f"area only (governorate, region): {areas:,}</div>",
    ]
    note = _TEXT_LEVEL_NOTES.get(text_level)
    if note:
        parts.append('<div class="ra-legend-note">' + html.escape(f"{total:,} events: {note}") + "</div>")
    if not total:
        parts = ['<div class="ra-legend-title">No events match the filters</div>']
    # <details>: the legend folds away (the script folds it on narrow maps, e.g. phones).
    return '<details class="ra-legend-body" open><summary>Legend</summary>' + "".join(parts) + "</details>"


_TEXT_LEVEL_NOTES = {
    "short": "popup summaries are shortened; select an event for its card.",
    "figures": "popups show figures and sources; select an event for its summary.",
    "none": "popups show date, place, type and deaths; select an event for its summary and sources.",
}


# --- folium elements ---------------------------------------------------------------------------

_LAYER_JS = r"""
(function (group, map, D) {
  // Integer columns may come packed as base-64 digits (map_payload.int_column): "<width><digits>",
  // each value plus one; lists come as they are.
  var DIGIT = new Int8Array(128);
  for (var d = 0; d < 64; d++) { DIGIT[D.digits.charCodeAt(d)] = d; }
  function ints(c) {
    if (typeof c !== 'string') { return c; }
    var w = c.charCodeAt(0) - 48, n = (c.length - 1) / w, out = new Array(n), at = 1;
    for (var i = 0; i < n; i++) {
      var v = 0;
      for (var k = 0; k < w; k++) { v = v * 64 + DIGIT[c.charCodeAt(at++)]; }
      out[i] = v - 1;
    }
    return out;
  }
  ['pl', 'ty', 'dy', 'lo'].forEach(function (k) { D.ev[k] = ints(D.ev[k]); });
  // Sparse columns: {k: positions, v: values} -> an object position -> value.
  ['hi', 'de', 'dp'].forEach(function (k) {
    var c = D.ev[k], keys = ints(c.k), values = ints(c.v), o = {};
    for (var j = 0; j < keys.length; j++) { o[keys[j]] = values[j]; }
    D.ev[k] = o;
  });
  ['fn', 'fc', 'fo', 'fs', 'fv'].forEach(function (k) { if (D[k] !== undefined) { D[k] = ints(D[k]); } });
  var E = D.ev, P = D.places, SU = D.su, FN = D.fn, FIRST = null;
  if (FN) {  // where each event's figures start in the flat figure columns
    FIRST = new Array(FN.length + 1); FIRST[0] = 0;
    for (var q = 0; q < FN.length; q++) { FIRST[q + 1] = FIRST[q] + FN[q]; }
  }
  function figureLines(i) {  // as FigureView.label, with the source
    var lines = [];
    for (var j = FIRST[i]; j < FIRST[i + 1]; j++) {
      var cat = String(D.categories[D.fc[j]]).replace(/_/g, ' ');
      if (cat === 'unknown' || cat === '') { cat = 'people'; }
      lines.push(D.ft[j] + ' ' + cat + ' ' + D.outcomes[D.fo[j]] + ' \u2014 ' + D.sources[D.fs[j]]
                 + (D.fv[j] ? ' (verified)' : ''));
    }
    return lines;
  }
  var NBSP = ' \u00b7 ';
  function esc(s) {
    return String(s).replace(/[&<>"'`]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function num(n) { return Number(n).toLocaleString('en-US'); }
  function eventId(i) {  // ids of one width come packed in one string (see _packed_ids)
    return D.idp + (typeof E.id === 'string' ? E.id.substr(i * E.idw, E.idw) : E.id[i]);
  }
  function sparse(col, i, dflt) { var v = col[i]; return v === undefined ? dflt : v; }
  function day(d) { return new Date((D.day0 + d) * 86400000).toISOString().slice(0, 10); }
  function dateText(i) {
    var d = E.dy[i];
    if (d < 0) { return 'date unknown'; }
    var s = day(d), span = sparse(E.de, i, 0), prec = D.datePrecisions[sparse(E.dp, i, 0)];
    if (span) { s += ' \u2013 ' + day(d + span); }
    if (prec && prec !== 'day') { s += ' (' + prec + ')'; }
    return s;
  }
  function deathsText(i) {
    var lo = E.lo[i], hi = sparse(E.hi, i, lo);
    if (lo < 0 && hi < 0) { return ''; }
    if (lo < 0) { return num(hi) + ' killed'; }
    if (hi < 0 || hi === lo) { return num(lo) + ' killed'; }
    return num(lo) + '\u2013' + num(hi) + ' killed';
  }
  function best(i) { var lo = E.lo[i]; return lo >= 0 ? lo : Math.max(0, sparse(E.hi, i, 0)); }
  function radius(i) { return D.radius[0] + D.radius[1] * Math.log10(1 + best(i)); }
  function typeName(i) { return String(D.types[E.ty[i]]).replace(/_/g, ' '); }
  function isArea(p) { return P[p][5] > 0; }
  function placeText(i) {
    var p = P[E.pl[i]], prec = D.precisions[p[3]];
    return isArea(E.pl[i]) ? p[0] + ' (' + prec + ', area)' : p[0];
  }
  // Tooltip: an HTML string (streamlit-folium parses it to text); the id comes first.
  function tooltipHtml(i) {
    var parts = [dateText(i), placeText(i), typeName(i)], d = deathsText(i);
    if (d) { parts.push(d); }
    return '<span class="ra-tip-id">' + esc(eventId(i)) + '</span>' + NBSP + parts.map(esc).join(NBSP);
  }
  function popupNode(i) {
    var root = el('div', 'ra-popup');
    root.setAttribute('data-event-id', eventId(i));
    var head = el('div', 'ra-popup-type', typeName(i));
    head.style.borderColor = D.colours[E.ty[i]];
    root.appendChild(head);
    root.appendChild(el('div', 'ra-popup-when', dateText(i) + NBSP + placeText(i)));
    if (isArea(E.pl[i])) {
      root.appendChild(el('div', 'ra-popup-note', 'Location known only to this area; not a precise point.'));
    }
    var d = deathsText(i);
    if (d) { root.appendChild(el('div', 'ra-popup-deaths', d)); }
    if (SU) { root.appendChild(el('p', 'ra-popup-summary', SU[i])); }
    if (FN && FN[i]) {
      var list = el('ul', 'ra-popup-figures');
      figureLines(i).forEach(function (line) { list.appendChild(el('li', null, line)); });
      root.appendChild(list);
    }
    if (!SU || !FN) {
      root.appendChild(el('div', 'ra-popup-note', 'Select the event to see its summary and every source.'));
    }
    root.appendChild(el('div', 'ra-popup-id', 'event ' + eventId(i)));
    return root;
  }
  // A group = the events drawn as one shape: an area (never a point), or a "stack" of the
  // many events at one town (one marker listing them instead of hundreds of circles on one
  // spot: MarkerCluster's cost grows with markers, and a list reads better than a spiderfy).
  function groupPopupNode(k) {
    var g = groups[k], p = P[g.place];
    var root = el('div', 'ra-popup ' + (g.area ? 'ra-popup-area' : 'ra-popup-stack'));
    root.setAttribute('data-event-id', eventId(g.members[0]));
    root.appendChild(el('div', 'ra-popup-type', p[0]));
    root.appendChild(el('div', 'ra-popup-note', g.area
      ? g.members.length + ' event(s) known only to this ' + D.precisions[p[3]]
        + (p[4] ? ' (outline approximate)' : ' (circle: uncertainty)')
      : g.members.length + ' events here, newest first'));
    var list = el('ul', 'ra-popup-events');
    g.members.slice(0, D.areaListMax).forEach(function (i) {
      var item = el('li', 'ra-pick', dateText(i) + NBSP + typeName(i)
        + (deathsText(i) ? NBSP + deathsText(i) : '') + (SU ? ': ' + SU[i] : ''));
      item.setAttribute('data-event-id', eventId(i));
      item.title = 'Select event ' + eventId(i);
      L.DomEvent.on(item, 'click', function () {
        list.querySelectorAll('.ra-picked').forEach(function (n) { n.classList.remove('ra-picked'); });
        item.classList.add('ra-picked');
        pick(i);
      });
      list.appendChild(item);
    });
    root.appendChild(list);
    if (g.members.length > D.areaListMax) {
      root.appendChild(el('div', 'ra-popup-note', '\u2026 and ' + (g.members.length - D.areaListMax)
        + ' more: narrow the filters or use the event list'));
    }
    return root;
  }
  function groupTooltipHtml(k) {
    var g = groups[k], p = P[g.place];
    var where = g.area ? p[0] + ' (' + D.precisions[p[3]] + ', area)' : p[0];
    return '<span class="ra-tip-id">' + esc(eventId(g.members[0])) + '</span>' + NBSP
      + [where, g.members.length + ' event(s)'].map(esc).join(NBSP);
  }
  // Picking an event from a list: a click on a stand-in marker carrying that event's
  // tooltip, fired through the cluster group, so streamlit-folium reports it like a marker
  // click (last_object_clicked_tooltip starts with the id).
  function pick(i) {
    var place = P[E.pl[i]], at = L.latLng(place[1], place[2]);
    var proxy = L.circleMarker(at, {radius: 1});
    proxy._raEvent = i;
    proxy._raBound = true;
    proxy.bindTooltip(tooltipHtml(i));
    group.fire('click', {latlng: at, layer: proxy, sourceTarget: proxy, propagatedFrom: proxy});
  }
  // Bind tooltip and popup the first time a shape is hovered or clicked. Registered before
  // streamlit-folium's listener, so its last_object_clicked_tooltip sees the id.
  function bindLazily(e) {
    var layer = e.sourceTarget || e.layer;
    if (!layer || layer._raBound) { return; }
    if (layer._raEvent !== undefined) {
      layer.bindTooltip(tooltipHtml(layer._raEvent), {sticky: true});
      layer.bindPopup(popupNode(layer._raEvent), {maxWidth: 320, minWidth: 200});
    } else if (layer._raGroup !== undefined) {
      layer.bindTooltip(groupTooltipHtml(layer._raGroup), {sticky: true});
      layer.bindPopup(groupPopupNode(layer._raGroup), {maxWidth: 340, minWidth: 220});
    } else {
      return;
    }
    layer._raBound = true;
    if (e.type === 'click') { layer.openPopup(e.latlng); } else { layer.openTooltip(e.latlng); }
  }
  var perPlace = {};
  for (var c = 0; c < E.pl.length; c++) { perPlace[E.pl[c]] = (perPlace[E.pl[c]] || 0) + 1; }
  var markers = [], groups = [], groupOf = {}, points = 0;
  for (var i = 0; i < E.pl.length; i++) {
    var p = E.pl[i];
    if (!isArea(p)) { points++; }
    if (isArea(p) || perPlace[p] >= D.stackMin) {
      var k = groupOf[p];
      if (k === undefined) {
        k = groupOf[p] = groups.length;
        groups.push({place: p, members: [], area: isArea(p), best: 0, types: {}});
      }
      groups[k].members.push(i);
      groups[k].best = Math.max(groups[k].best, best(i));
      groups[k].types[E.ty[i]] = (groups[k].types[E.ty[i]] || 0) + 1;
      continue;
    }
    var colour = D.colours[E.ty[i]];
    var m = L.circleMarker([P[p][1], P[p][2]], {
      radius: radius(i), color: colour, weight: 1, fillColor: colour, fillOpacity: 0.75,
      className: 'ra-event'
    });
    m._raEvent = i;
    markers.push(m);
  }
  function mainType(g) {
    var top = -1, n = -1;
    for (var t in g.types) { if (g.types[t] > n) { n = g.types[t]; top = t; } }
    return top;
  }
  groups.forEach(function (g, k) {
    if (g.area) { return; }
    var size = Math.round(2 * (D.radius[0] + D.radius[1] * Math.log10(1 + g.best))) + 12;
    var stack = L.marker([P[g.place][1], P[g.place][2]], {icon: L.divIcon({
      className: 'ra-stack', iconSize: [size, size],
      html: '<div style="background:' + D.colours[mainType(g)] + ';width:' + size + 'px;height:'
        + size + 'px;line-height:' + size + 'px">' + g.members.length + '</div>'})});
    stack._raGroup = k;
    stack._raCount = g.members.length;
    markers.push(stack);
  });
  // Cluster numbers count events, not markers (a stack holds many).
  group.options.iconCreateFunction = function (cluster) {
    var n = 0;
    cluster.getAllChildMarkers().forEach(function (m) { n += m._raCount || 1; });
    var size = n < 10 ? 'small' : (n < 100 ? 'medium' : 'large');
    return L.divIcon({html: '<div><span>' + n + '</span></div>', iconSize: L.point(40, 40),
                      className: 'marker-cluster marker-cluster-' + size});
  };
  function areaShape(p, style, pane) {
    var place = P[p], opts = pane ? {pane: pane} : {};
    if (place[4]) {
      return L.geoJSON(place[4], L.extend({style: function () { return style; }}, opts));
    }
    return L.circle([place[1], place[2]], L.extend({radius: place[5], dashArray: '6 4'}, style, opts));
  }
  // Areas get a pane (z 350) under the point markers (overlay pane 400): a governorate over a
  // town must not swallow the clicks meant for that town's markers.
  if (!map.getPane('raAreas')) { map.createPane('raAreas').style.zIndex = '350'; }
  function tag(shape, key, value) {
    if (shape.eachLayer) { shape.eachLayer(function (l) { l[key] = value; }); }
    shape[key] = value;
    return shape;
  }
  var areas = [];
  groups.forEach(function (g, k) {
    if (!g.area) { return; }
    var ac = D.colours[E.ty[g.members[0]]];
    areas.push(tag(areaShape(g.place, {color: ac, weight: 2, fillColor: ac, fillOpacity: 0.12,
                                       className: 'ra-area'}, 'raAreas'), '_raGroup', k));
  });
  // Areas stay out of the cluster group (it would cluster a circle like a point); they
  // come and go with it in the layer switch.
  var areaGroup = L.featureGroup(areas);
  [group, areaGroup].forEach(function (g) { g.on('click', bindLazily); g.on('mouseover', bindLazily); });
  group.on('add', function () { areaGroup.addTo(map); });
  group.on('remove', function () { areaGroup.remove(); });
  group.options.chunkProgress = function (done, total) {
    // Tests (and anyone waiting for the map) look for this: every point event is placed.
    if (done === total) { map.getContainer().setAttribute('data-ra-loaded', String(points)); }
  };
  group.addLayers(markers);
  // The selected event: a ring (point) or a thick outline (area) outside the clusters.
  if (D.sel >= 0) {
    var s = D.sel, sp = E.pl[s], ring;
    if (isArea(sp)) {
      ring = areaShape(sp, {color: '#111', weight: 4, fill: false, className: 'ra-selected'});
    } else {
      ring = L.circleMarker([P[sp][1], P[sp][2]], {radius: radius(s) + 6, color: '#111', weight: 3,
                                                   fill: false, className: 'ra-selected'});
    }
    var selGroup = L.featureGroup([tag(ring, '_raEvent', s)]);
    selGroup.on('click', bindLazily);
    selGroup.on('mouseover', bindLazily);
    selGroup.addTo(map);
  }
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'ra-legend');
    div.innerHTML = D.legend;  // built and escaped on the server (mapview.legend_html)
    if (map.getSize().x < 560) { div.firstChild.removeAttribute('open'); }
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  legend.addTo(map);
})
"""

_CSS = """
.leaflet-container { background: #eef0ec; }
/* With country outlines drawn (basemap), the background is the sea. */
.leaflet-container.ra-has-basemap { background: #dce6ec; }
.ra-country-label { position: absolute; }  /* placed by Leaflet; its span centred on the point */
.ra-country-label span { position: absolute; white-space: nowrap; transform: translate(-50%, -50%);
  font: 600 10px/1 system-ui, sans-serif; letter-spacing: 0.06em; text-transform: uppercase;
  color: #868c92; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.ra-legend { background: rgba(255,255,255,0.92); padding: 4px 7px; border-radius: 4px;
  font: 11px/1.3 system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 220px; }
.ra-legend-title { font-weight: 600; margin: 2px 0; }
.ra-legend-row { white-space: nowrap; }
.ra-legend-wrap { white-space: normal; }
.ra-legend summary { cursor: pointer; font-weight: 600; }
.ra-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; }
.ra-swatch-area { border-radius: 2px; border: 2px dashed #555; background: rgba(85,85,85,0.15);
  width: 8px; height: 8px; }
.ra-swatch-stack { background: #777; border-radius: 2px; box-shadow: 0 0 2px #333; }
/* Clusters in neutral slate: only event shapes carry the type colours. */
/* (.leaflet-container raises specificity over MarkerCluster.Default.css, whatever the order.) */
.leaflet-container .marker-cluster-small, .leaflet-container .marker-cluster-medium,
.leaflet-container .marker-cluster-large { background-color: rgba(93, 109, 126, 0.35); }
.leaflet-container .marker-cluster-small div, .leaflet-container .marker-cluster-medium div,
.leaflet-container .marker-cluster-large div { background-color: rgba(52, 73, 94, 0.85); color: #fff; }
.ra-count { color: #666; }
.ra-sizes { display: flex; align-items: flex-end; gap: 6px; }
.ra-size { display: inline-flex; flex-direction: column; align-items: center; font-size: 11px; }
.ra-dot { display: inline-block; border-radius: 50%; background: #999; }
.ra-legend-note { color: #555; font-style: italic; margin-top: 3px; white-space: normal; }
.ra-popup { font: 13px/1.4 system-ui, sans-serif; }
.ra-tip-id { color: #777; font-size: 10px; }
.ra-popup-type { font-weight: 600; text-transform: capitalize; border-left: 4px solid #999; padding-left: 5px; }
.ra-popup-when, .ra-popup-id, .ra-popup-note { color: #555; font-size: 12px; }
.ra-popup-deaths { font-weight: 600; margin-top: 2px; }
.ra-popup-summary { margin: 4px 0; }
.ra-popup-figures, .ra-popup-events { margin: 4px 0; padding-left: 16px; }
.ra-popup-events { max-height: 180px; overflow-y: auto; }
.ra-pick { cursor: pointer; }
.ra-pick:hover { text-decoration: underline; }
.ra-picked { font-weight: 600; }
.ra-stack div { border-radius: 5px; color: #fff; text-align: center; font: 600 11px system-ui, sans-serif;
  border: 2px solid rgba(255,255,255,0.9); box-shadow: 0 0 3px rgba(0,0,0,0.4); opacity: 0.9; box-sizing: border-box; }
"""


class _RawText(Element):
    """Text put into the page as it is. branca's ``Element(text)`` would compile the text
    as a Jinja template: slow for megabytes of payload, and it would evaluate ``{{ }}``."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class _RawMacro(MacroElement):
    """``MacroElement.render`` with each macro's output added as ``_RawText``.

    branca wraps every rendered macro in ``Element(output)``, compiling it once more as a
    Jinja template: ~0.4 ms per element and map, and the megabytes of the event payload.
    Mixed in after the folium class (``class X(folium.Thing, _RawMacro)``), it sits below
    folium's own ``render`` steps (links, "addTo" children) in the method order.
    """

    # branca's MacroElement.render returns None as well, despite Element's annotation.
    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        figure = self.get_root()
        assert isinstance(figure, Figure), "render a map element inside a Figure"
        module = self._template.module
        for part in ("header", "html", "script"):
            macro = getattr(module, part, None)
            if macro is not None:
                getattr(figure, part).add_child(_RawText(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class AtlasMap(folium.Map, _RawMacro):
    """A ``folium.Map`` that renders without re-compiling its own output (see _RawMacro)."""


class _TileLayer(folium.TileLayer, _RawMacro):
    pass


class _LayerControl(folium.LayerControl, _RawMacro):
    pass


class _FitBounds(folium.FitBounds, _RawMacro):
    pass


class EventLayer(JSCSSMixin, Layer, _RawMacro):
    """All events as one clustered overlay, created in the browser from one JSON payload."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.markerClusterGroup({
                chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50
            });
            {{ this.layer_js }}({{ this.get_name() }}, {{ this._parent.get_name() }},
                {{ this.payload_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        payload_json: str,
        bounds: list[list[float]] | None,
        *,
        offline: bool,
        name: str = "Events",
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "EventLayer"
        self.payload_json = payload_json
        self.layer_js = _LAYER_JS.strip()
        self.css = _CSS
        self._bounds = bounds
        assets = _asset_lists(offline)
        self.default_js = assets["cluster_js"]
        self.default_css = assets["cluster_css"]

    def _get_self_bounds(self) -> list[list[float | None]]:
        if self._bounds is None:
            return [[None, None], [None, None]]
        return [[self._bounds[0][0], self._bounds[0][1]], [self._bounds[1][0], self._bounds[1][1]]]


class PlainBackground(Layer, _RawMacro):
    """A base layer with no tiles: the map's plain background, which needs no network.

    ``countries``: where its country outlines come from -- a URL the browser fetches the
    first time the layer is shown (``BASEMAP_URL``), a FeatureCollection to embed
    (standalone pages), or None (plain grey, as without the basemap package).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.layerGroup();
            {% if this.countries_json %}
            {{ this.basemap_js }}({{ this.get_name() }}, {{ this.countries_json }}, {{ this.pane_z }});
            {% endif %}
        {% endmacro %}
        """
    )

    def __init__(
        self,
        name: str = "Plain background (offline)",
        show: bool = True,
        countries: str | Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(name=name, overlay=False, control=True, show=show)
        self._name = "PlainBackground"
        # A URL or the outlines, as script-safe JSON (country names are data: escaped the
        # same way as report text, and put into the page with textContent only).
        self.countries_json = json_for_script(countries) if countries else ""
        self.basemap_js = _BASEMAP_JS.strip()
        self.pane_z = BASEMAP_PANE_Z


# Draws the country outlines into the plain background's layer group (see module doc).
_BASEMAP_JS = r"""
(function (group, source, paneZ) {
  // Country names: plain divs in their own pane (not L.marker: that would add
  // .leaflet-marker-icon elements, which count as event markers elsewhere), each shown
  // from its Natural Earth label zoom on.
  var Labels = L.Layer.extend({
    initialize: function (features) { this._features = features; },
    onAdd: function (map) {
      var pane = map.getPane('raBasemapLabels');
      this._items = [];
      this._features.forEach(function (f) {
        var pr = f.properties || {};
        if (!pr.label || !pr.name) { return; }
        var div = L.DomUtil.create('div', 'ra-country-label leaflet-zoom-hide', pane);
        L.DomUtil.create('span', '', div).textContent = pr.name;  // data, never HTML
        this._items.push([div, L.latLng(pr.label[1], pr.label[0]), pr.label_zoom || 5]);
      }, this);
      map.on('zoomend viewreset', this._update, this);
      this._update();
    },
    onRemove: function (map) {
      this._items.forEach(function (item) { L.DomUtil.remove(item[0]); });
      map.off('zoomend viewreset', this._update, this);
    },
    _update: function () {
      var map = this._map, z = map.getZoom();
      this._items.forEach(function (item) {
        var on = z >= item[2];
        item[0].style.display = on ? '' : 'none';
        if (on) { L.DomUtil.setPosition(item[0], map.latLngToLayerPoint(item[1])); }
      });
    }
  });
  var drawn = null, requested = false;
  function panes(map) {
    if (map.getPane('raBasemap')) { return; }
    [['raBasemap', paneZ], ['raBasemapLabels', paneZ + 10]].forEach(function (p) {
      var pane = map.createPane(p[0]);
      pane.style.zIndex = String(p[1]);
      pane.style.pointerEvents = 'none';  // clicks go through to the events
    });
  }
  function mark(map, count) {
    map.getContainer().classList.toggle('ra-has-basemap', count > 0);
    map.getContainer().setAttribute('data-ra-basemap', String(count));
  }
  function draw(map, data) {
    panes(map);
    var shapes = L.geoJSON(data, {
      pane: 'raBasemap', interactive: false,
      style: function () {
        return {color: '#9aa0a6', weight: 0.8, opacity: 1, fillColor: '#f8f7f2', fillOpacity: 1,
                className: 'ra-country'};
      }
    });
    drawn = shapes.getLayers().length;
    group.addLayer(shapes);
    group.addLayer(new Labels(data.features || []));
    if (group._map) { mark(map, drawn); }
  }
  function load() {
    var map = group._map;
    if (!map) { return; }
    if (drawn !== null) { mark(map, drawn); return; }
    if (requested) { return; }
    requested = true;
    if (typeof source !== 'string') { draw(map, source); return; }
    fetch(source).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    }).then(function (data) { draw(map, data); }).catch(function () {
      mark(map, 0);  // no outlines (file not built, no server): the background stays plain
    });
  }
  group.on('add', load);
  group.on('remove', function () { if (group._map) { mark(group._map, 0); } });
  if (group._map) { load(); }
})
"""


# --- The map ------------------------------------------------------------------------------------


def build_map(
    events: Sequence[EventView],
    view: ViewState,
    *,
    offline: bool = True,
    selected: str | None = None,
    countries: Mapping[str, Any] | None = None,
) -> folium.Map:
    """The map of ``events`` (already filtered) for ``view``.

    ``selected`` (else ``view.event``) is highlighted. The view centre/zoom (``view.lat``,
    ``view.lon``, ``view.z``) is used when set; otherwise the map fits the events.
    ``offline`` links every asset under ``STATIC_URL`` instead of public CDNs, and makes
    the plain background draw the country outlines fetched from ``BASEMAP_URL`` -- or
    ``countries`` (a GeoJSON FeatureCollection) embedded in the page when given.
    """
    selected = selected if selected is not None else view.event
    extra = {"areaListMax": AREA_POPUP_EVENTS, "stackMin": STACK_MIN, "digits": DIGITS}
    encoded = _encode(events, selected, extra)
    # The legend notes when popups lost text, which is known only now: splice it in.
    payload_json = encoded.with_legend(legend_html(encoded.type_counts, encoded.areas, encoded.text))
    bounds = encoded.bounds

    if view.lat is not None and view.lon is not None:
        location: list[float] = [view.lat, view.lon]
        zoom = view.z if view.z is not None else 9
    elif bounds is not None:
        location = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
        zoom = view.z if view.z is not None else 7
    else:
        location, zoom = [30.0, 30.0], view.z if view.z is not None else 3
    m = AtlasMap(location=location, zoom_start=zoom, tiles=None, control_scale=True)
    # Without tiles Leaflet has no maxZoom and MarkerCluster throws (NOTES.md).
    m.options["maxZoom"] = MAX_ZOOM
    assets = _asset_lists(offline)
    m.default_js = assets["map_js"]
    m.default_css = assets["map_css"]

    outlines: str | Mapping[str, Any] | None = None
    if offline:
        outlines = countries if countries is not None else BASEMAP_URL
    PlainBackground(show=offline, countries=outlines).add_to(m)
    # The provider object, not its name: a name lookup scans all of xyzservices (~4 ms a map).
    _TileLayer(_OSM_TILES, name="OpenStreetMap", max_zoom=MAX_ZOOM, show=not offline).add_to(m)
    EventLayer(payload_json, bounds, offline=offline).add_to(m)
    _LayerControl(collapsed=True).add_to(m)
    if view.lat is None and bounds is not None:
        fit = _FitBounds(bounds, padding=(20, 20), max_zoom=10)
        # Straight to the fitted view: an animated zoom from the opening zoom makes
        # MarkerCluster hold its markers back until the animation ends (~0.15 s later on
        # screen, measured in Chromium), for a move nobody asked to watch.
        fit.options["animate"] = False
        fit.add_to(m)
    return m


# --- Clicks back to events ----------------------------------------------------------------------


def event_id_from_tooltip(text: str | None) -> str | None:
    """The event id at the start of a map tooltip text (see module doc), else None."""
    if not text:
        return None
    head = text.strip().split(TOOLTIP_SEPARATOR.strip(), 1)[0].strip()
    return head or None


def event_at(
    events: Sequence[EventView], lat: float, lng: float, *, tolerance_km: float = 25.0
) -> str | None:
    """The event drawn at a clicked position (``st_folium``'s ``last_object_clicked``).

    The nearest point event within ``tolerance_km``; else the smallest area event whose
    polygon (or uncertainty circle) contains the position; else None. Events sharing one
    place are indistinguishable by position: the first in ``events`` wins -- prefer the
    tooltip (``event_id_from_tooltip``), which names the exact event.
    """
    best_id, best_km = None, tolerance_km
    for e in events:
        if e.precision in POINT_PRECISIONS:
            d = haversine_km(lat, lng, e.lat, e.lon)
            if d < best_km:
                best_id, best_km = e.id, d
    if best_id is not None:
        return best_id
    from shapely.geometry import Point, shape

    here = Point(lng, lat)
    best_area: tuple[float, str] | None = None
    for e in events:
        if e.precision in POINT_PRECISIONS:
            continue
        if e.geometry:
            try:
                geom = shape(e.geometry)
            except (ValueError, TypeError, AttributeError):
                continue
            if geom.contains(here):
                size = geom.area
                if best_area is None or size < best_area[0]:
                    best_area = (size, e.id)
        else:
            radius_km = AREA_RADIUS_M.get(e.precision, AREA_RADIUS_M["adm1"]) / 1000
            if haversine_km(lat, lng, e.lat, e.lon) <= radius_km:
                size = radius_km**2 / 111.0**2 * math.pi  # degrees², comparable with polygons
                if best_area is None or size < best_area[0]:
                    best_area = (size, e.id)
    return best_area[1] if best_area else None


# --- Standalone HTML ----------------------------------------------------------------------------

_SCRIPT_TAG_RE = re.compile(r'<script src="(/app/static/[^"]+)"></script>')
_CSS_TAG_RE = re.compile(r'<link rel="stylesheet" href="(/app/static/[^"]+)"\s*/>')
_CSS_URL_RE = re.compile(r"url\((images/[^)]+\.png)\)")


def _vendor_file(url: str) -> Path:
    """The XStatic package file behind an ``/app/static/<folder>/<name>`` URL."""
    import importlib

    folder, _, name = url.removeprefix(STATIC_URL + "/").partition("/")
    for package, (target_folder, _names) in _VENDOR_FILES.items():
        if target_folder == folder:
            return Path(importlib.import_module(f"xstatic.pkg.{package}").BASE_DIR) / name
    raise ValueError(f"not a vendored asset: {url}")


def standalone_countries(events: Sequence[EventView], view: ViewState) -> dict[str, Any]:
    """The country outlines a standalone page embeds: those meeting the box around the
    events (and the view centre, when set) widened by ``basemap.events_box``'s margin --
    not the whole world; simplified further when that box is large (``basemap.coarser``:
    a page of events all over the world draws them at world scale). An empty collection
    without events or without the basemap."""
    points = [(e.lat, e.lon) for e in events]
    if view.lat is not None and view.lon is not None:
        points.append((view.lat, view.lon))
    box = events_box(points)
    built = ensure_static_basemap(STATIC_DIR) if box is not None else None
    if box is None or built is None:
        return {"type": "FeatureCollection", "features": []}
    near = countries_near(load_basemap(built), box)
    return coarser(near, max(box[2] - box[0], box[3] - box[1]) / STANDALONE_DEG_PER_TOLERANCE)


def build_standalone_html(
    events: Sequence[EventView], view: ViewState, *, selected: str | None = None
) -> str:
    """One self-contained HTML page of the map: every script, style and image inlined
    (read straight from the XStatic packages), so the file opens from disk with no network
    (tiles aside: the plain background is the default base layer), with the outlines of
    the countries around the events embedded (``standalone_countries``)."""
    countries = standalone_countries(events, view)
    atlas_map = build_map(events, view, offline=True, selected=selected, countries=countries)
    page = atlas_map.get_root().render()

    def inline_js(match: re.Match[str]) -> str:
        code = _vendor_file(match.group(1)).read_text(encoding="utf-8")
        code = re.sub(r"//# sourceMappingURL=\S+", "", code).replace("</script", "<\\/script")
        return f"<script>{code}</script>"

    def inline_css(match: re.Match[str]) -> str:
        path = _vendor_file(match.group(1))
        css = path.read_text(encoding="utf-8")

        def data_uri(m: re.Match[str]) -> str:
            data = base64.b64encode((path.parent / m.group(1)).read_bytes()).decode("ascii")
            return f"url(data:image/png;base64,{data})"

        css = _CSS_URL_RE.sub(data_uri, css).replace("</style", "<\\/style")
        return f"<style>{css}</style>"

    page = _SCRIPT_TAG_RE.sub(inline_js, page)
    return _CSS_TAG_RE.sub(inline_css, page)


if __name__ == "__main__":  # `python -m dashboard.mapview` (make data): fill dashboard/static/
    import logging

    logging.basicConfig(level=logging.INFO, format="%(message)s")  # basemap's note, if any
    ensure_static_assets(STATIC_DIR)
    outlines = STATIC_DIR / BASEMAP_PATH
    print(f"map assets ready in {STATIC_DIR}")
    if outlines.is_file():
        print(f"country outlines: {outlines} ({outlines.stat().st_size:,} bytes)")
    else:
        print("country outlines: not available (the offline map has a plain background)")
