"""Download the filtered view: CSV, GeoJSON or a standalone HTML map (dashboard.interop.export)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import streamlit as st

from dashboard.interop.export import EXPORT_FORMATS, export_file, export_name
from dashboard.views import EventView, ViewState

_FORMATS = (
    ("csv", "CSV", "One row per event; figures as low/high/source columns."),
    ("geojson", "GeoJSON", "RFC 7946 features; areas as polygons."),
    ("html", "HTML map", "A standalone map that opens offline, with the same markers, popups and legend."),
)


def _content(events: Sequence[EventView], fmt: str, view: ViewState) -> bytes:
    return export_file(events, fmt, view)[0]


def render_downloads(events: Sequence[EventView], state: ViewState) -> None:
    if not events:
        return
    view = state.without_map_view()
    st.caption(f"Download these {len(events):,} event(s):")
    columns = st.columns(len(_FORMATS))
    for column, (fmt, label, help_text) in zip(columns, _FORMATS, strict=True):
        # The file name is known now; the content is built only when the button is clicked
        # (a callable), so reruns do not pay for three exports nobody asked for.
        column.download_button(
            label,
            data=partial(_content, events, fmt, view),
            file_name=export_name(fmt, view),
            mime=EXPORT_FORMATS[fmt][0],
            help=help_text,
            key=f"download_{fmt}",
            on_click="ignore",
            width="stretch",
        )
