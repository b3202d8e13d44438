"""Hostile report content never becomes markup: titles, text, sources, URLs and place names
carrying <script>, <img onerror>, javascript: links and Leaflet popup HTML end up in the map
HTML, the standalone export and the CSV only as escaped text.

The map HTML is checked structurally: parsed, it has exactly the elements and attributes of
the same map built from harmless text (hostile text cannot add a tag or an attribute), and
the hostile strings are still there, as JSON text, for the browser to show with textContent.
The browser half (nothing fires, the text is visible) is tests/browser/test_hostile*.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.interop.export import export_csv, export_html
from dashboard.mapview import build_map, build_standalone_html
from dashboard.model import Event, Extraction, Figure, Mention, Place, Report
from dashboard.pipeline import extract_report
from dashboard.store import open_store
from dashboard.ui.highlight import STYLES, Span, highlight_html, md_escape
from dashboard.views import EventView, ViewState, event_views

PAYLOADS = (
    "<script>alert('RAXSS-script')</script>",
    "<img src=x onerror=\"alert('RAXSS-img')\">",
    "<a href=\"javascript:alert('RAXSS-link')\">read more</a>",
    "</div><b onmouseover=alert('RAXSS-leaflet')>popup</b><div>",
    "\u2028</script><svg onload=alert('RAXSS-svg')>",
    "${alert('RAXSS-template')}`{{7*7}}",
)
HOSTILE = " ".join(PAYLOADS)
# Raw forms that would be live markup; inside the page data they only occur \u003c-escaped.
RAW_MARKERS = ("<script>alert(", "<img src=x", "<svg onload", "<b onmouseover", "</div><b", "</script><svg")


def hostile_extractions() -> list[Extraction]:
    """Hostile reports through the real pipeline, plus one whose place and figure source
    are hostile too (as a user overlay file or an import could bring)."""
    texts = [
        f"Gunmen killed 13 security personnel near Jableh on 6 March 2025. {PAYLOADS[0]} {PAYLOADS[1]}",
        f"{PAYLOADS[3]} The UN human rights office verified at least 111 civilian killings in Baniyas "
        f"on 8 March 2025. {PAYLOADS[4]} {PAYLOADS[5]}",
    ]
    found = [
        extract_report(
            text,
            title=f"{PAYLOADS[0]} Report {i}",
            source=PAYLOADS[1 + i],
            url="javascript:alert('RAXSS-url')",
            published=date(2025, 3, 10),
        )
        for i, text in enumerate(texts)
    ]
    report = Report.from_text(
        f"Shelling hit {PAYLOADS[3]} on 7 March 2025, killing 4. {PAYLOADS[2]}",
        title=HOSTILE,
        source=HOSTILE,
        url="javascript:alert('RAXSS-url2')",
        published=date(2025, 3, 9),
    )
    place = Place(
        "overlay:raxss", PAYLOADS[3] + PAYLOADS[1], "village", 34.9, 38.5, "exact", "SY", None, HOSTILE
    )
    area = Place(
        "overlay:raxss-area", PAYLOADS[0], "region", 35.0, 36.0, "region", "SY", None, HOSTILE,
        {"type": "Polygon", "coordinates": [[[35.7, 34.6], [36.3, 34.6], [36.3, 35.9], [35.7, 34.6]]]},
    )  # fmt: skip
    figure = Figure(
        "fig-raxss", report.id, 4, 4, "exact", "people", "killed", HOSTILE, True, 0, 10, PAYLOADS[1]
    )
    events = tuple(
        Event(
            f"evt-raxss-{n}", (report.id,), date(2025, 3, 7), date(2025, 3, 7), "day", (p.id,),
            "attack", HOSTILE, 0, 10, (figure.id,),
        )
        for n, p in enumerate((place, area))
    )  # fmt: skip
    mention = Mention(report.id, 13, 20, report.text[13:20], place.id, 0.9)
    return [*found, Extraction(report, (mention,), (place, area), (figure,), events)]


@pytest.fixture(scope="module")
def hostile_views(tmp_path_factory: pytest.TempPathFactory) -> list[EventView]:
    store = open_store(str(tmp_path_factory.mktemp("hostile") / "atlas.db"))
    for extraction in hostile_extractions():
        store.save(extraction)
    views = event_views(
        store.events(),
        {p.id: p for p in store.places()},
        {f.id: f for f in store.figures()},
        {r.id: r for r in store.reports()},
    )
    store.close()
    assert len(views) >= 3 and {"evt-raxss-0", "evt-raxss-1"} <= {v.id for v in views}
    return views


def _harmless(text: str) -> str:
    for payload in PAYLOADS:
        text = text.replace(payload, "x" * len(payload))
    return text


def benign_copy(views: list[EventView]) -> list[EventView]:
    out = []
    for v in views:
        figures = tuple(replace(f, source=_harmless(f.source), text=_harmless(f.text)) for f in v.figures)
        out.append(
            replace(
                v,
                summary=_harmless(v.summary),
                place_name=_harmless(v.place_name),
                place_names=tuple(_harmless(n) for n in v.place_names),
                outlets=tuple(_harmless(o) for o in v.outlets),
                figures=figures,
            )
        )
    return out


class _Structure(HTMLParser):
    """Every start tag with its attribute names, and the attribute values seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.values.extend(value or "" for _, value in attrs)


def structure(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser


def _same_ids(html: str) -> str:
    """folium names each element with a random id; compare structure, not names."""
    return re.sub(r"_[0-9a-f]{32}", "_id", html)


def _assert_inert(hostile_html: str, benign_html: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in hostile_html, marker
    hostile, benign = structure(hostile_html), structure(benign_html)
    assert hostile.tags == benign.tags  # no element or attribute came from the text
    assert not any("RAXSS" in value for value in hostile.values)
    # ...and the text is still there, escaped, for the browser to show as text
    assert "RAXSS-img" in hostile_html and "\\u003cimg src=x onerror=" in hostile_html


def test_map_html_has_no_live_injected_markup(hostile_views: list[EventView]) -> None:
    for selected in (None, hostile_views[0].id, "evt-raxss-1"):
        view = ViewState(event=selected)
        hostile_html = build_map(hostile_views, view).get_root().render()
        benign_html = build_map(benign_copy(hostile_views), view).get_root().render()
        _assert_inert(hostile_html, benign_html)


def test_standalone_export_has_no_live_injected_markup(
    hostile_views: list[EventView], tmp_path: Path
) -> None:
    view = ViewState()
    hostile_html = export_html(hostile_views, view)  # = mapview.build_standalone_html
    _assert_inert(_same_ids(hostile_html), _same_ids(build_standalone_html(benign_copy(hostile_views), view)))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_payload_carries_the_hostile_text_verbatim(hostile_views: list[EventView]) -> None:
    """Escaping must not eat the text: decoded, the page data holds exactly what was written."""
    html = build_map(hostile_views, ViewState(event="evt-raxss-0")).get_root().render()
    decoder = json.JSONDecoder()
    strings: list[str] = []
    position = 0
    while (position := html.find('{"', position)) >= 0:
        try:
            value, position = decoder.raw_decode(html, position)
        except json.JSONDecodeError:
            position += 2
            continue
        strings.extend(_strings(value))
    blob = "\n".join(strings)
    for payload in PAYLOADS:
        assert payload in blob, payload


def test_csv_export_cells_cannot_run_as_formulas(hostile_views: list[EventView]) -> None:
    views = [
        replace(
            hostile_views[0], place_name='=HYPERLINK("http://evil","click")', summary="+cmd|' /C calc'!A0"
        )
    ]
    text = export_csv(views)
    assert "'=HYPERLINK" in text and "'+cmd" in text
    assert ",=HYPERLINK" not in text and ",+cmd" not in text


# --- the app's own escaping helpers, on arbitrary text ---------------------------------------

_hostile_text = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=10)), max_size=6).map("".join),
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@settings(max_examples=500, deadline=None)
@given(
    text=_hostile_text,
    spans=st.lists(
        st.tuples(
            st.integers(-5, 130), st.integers(-5, 130), st.sampled_from([*STYLES, "bogus"]), _hostile_text
        ),
        max_size=6,
    ),
)
def test_highlighted_report_html_is_only_our_spans_around_the_exact_text(
    text: str, spans: list[tuple[int, int, str, str]]
) -> None:
    out = highlight_html(text, [Span(a, b, kind, note) for a, b, kind, note in spans])
    parsed = _Collect()
    parsed.feed(out)
    parsed.close()
    for tag, attrs in parsed.tags:
        assert tag == "span", out
        assert set(attrs) <= {"class", "style", "title"}, attrs
        assert all(c.removeprefix("ra-") in STYLES for c in (attrs.get("class") or "").split()), attrs
    # HTMLParser reports "\r\n" inside data as is; the visible text is the report, unchanged
    assert "".join(parsed.text) == text


_MD_SPECIALS = set("\\`*_{}[]()#+-.!|<>$~&:")


@settings(max_examples=500, deadline=None)
@given(text=_hostile_text)
def test_markdown_escaping_keeps_every_character_literal(text: str) -> None:
    out = md_escape(text)
    # read back: a backslash escapes the next character; no special character stands alone
    chars, i = [], 0
    while i < len(out):
        if out[i] == "\\":
            assert i + 1 < len(out) and out[i + 1] in _MD_SPECIALS, out
            chars.append(out[i + 1])
            i += 2
        else:
            assert out[i] not in _MD_SPECIALS, out
            chars.append(out[i])
            i += 1
    assert "".join(chars) == " ".join(text.split())
