"""The event list: one row per filtered event; selecting a row selects the event on the map.

Streamlit only applies a table's ``selection_default`` when the widget is new, so the
table's key carries the selected event id: a selection made elsewhere (a map click, a
shared link) gives a fresh table with that row already selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.ui import state as S
from dashboard.views import EventView

# Zoom for a selected row, by how precisely its place is known: close enough to see a town
# and its neighbours; a governorate or the coast whole.
ROW_ZOOM = {"exact": 12, "city": 11, "adm2": 9, "adm1": 8, "region": 7, "country": 6}


def _on_select(key: str, ids: list[str], events: Sequence[EventView]) -> None:
    selection = st.session_state.get(key)
    rows = list(getattr(getattr(selection, "selection", None), "rows", None) or [])
    if not rows and isinstance(selection, dict):
        rows = list(selection.get("selection", {}).get("rows", []))
    if not rows:
        S.select_event(None)
        return
    event = events[rows[0]]  # the table lists the events in this order
    S.select_event(event.id, center=(event.lat, event.lon), zoom=ROW_ZOOM.get(event.precision, 8))


def render_table(events: Sequence[EventView], frame: pd.DataFrame, selected_id: str | None) -> None:
    """``frame``: ``views.event_rows(events)`` as a DataFrame (built once per view state)."""
    ids = list(frame["id"])
    key = f"event_table_{selected_id or 'none'}"
    default: Any = (
        {"selection": {"rows": [ids.index(selected_id)], "columns": []}} if selected_id in ids else None
    )
    st.dataframe(
        frame,
        key=key,
        hide_index=True,
        height=min(38 + 35 * max(len(ids), 1), 420),
        on_select=lambda: _on_select(key, ids, events),
        selection_mode="single-row",
        selection_default=default,
        column_order=["Date", "Type", "Place", "Deaths", "Sources", "Summary"],
        column_config={
            "Date": st.column_config.DateColumn("Date", format="D MMM YYYY", width="small"),
            "Type": st.column_config.TextColumn("Type", width="small"),
            "Place": st.column_config.TextColumn("Place", width="small"),
            "Deaths": st.column_config.TextColumn(
                "Deaths", width="small", help="Range over the sources for this event (never added up)."
            ),
            "Sources": st.column_config.TextColumn("Sources", width="medium"),
            "Summary": st.column_config.TextColumn("Summary", width="large"),
        },
        width="stretch",
    )
