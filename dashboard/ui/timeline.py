"""The timeline: events per day stacked by type; clicking a day or brushing a range narrows
the date filter (through a selection callback, which may set the slider's state)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.mapview import FALLBACK_COLOUR, TYPE_COLOURS
from dashboard.model import EVENT_TYPES
from dashboard.ui import state as S
from dashboard.views import DayCount

CHART_KEY = "timeline"


def _as_day(value: Any) -> date | None:
    """A day from a Vega selection value: epoch milliseconds (UTC) or an ISO string."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def selected_days(selection: Any) -> tuple[date, date] | None:
    """The day range a chart selection names (a clicked bar or a brushed interval)."""
    params: dict[str, Any] = {}
    if isinstance(selection, dict):
        params = selection.get("selection", {}) or {}
    else:
        params = getattr(selection, "selection", {}) or {}
    # Vega names the selected field after the x encoding ("day", or "yearmonthdate_day"
    # with a time unit), so take whichever field it sent.
    days: list[date] = []
    brush = params.get("brush") or {}
    if isinstance(brush, dict):
        for values in brush.values():
            if isinstance(values, list):
                days = [d for d in (_as_day(v) for v in values) if d]
                break
    picked = params.get("pick") or []
    if not days and isinstance(picked, list):
        for point in picked:
            if isinstance(point, dict):
                days.extend(d for d in (_as_day(v) for v in point.values()) if d)
    return (min(days), max(days)) if days else None


def _on_select(bounds: tuple[date, date]) -> None:
    chosen = selected_days(st.session_state.get(CHART_KEY))
    if chosen is None:
        return
    start, end = max(chosen[0], bounds[0]), min(chosen[1], bounds[1])
    if start <= end:
        st.session_state[S.DATES] = (start, end)


def render_timeline(
    counts: Sequence[DayCount], window: tuple[date | None, date | None], bounds: tuple[date, date] | None
) -> None:
    """``counts``: events per day of every event matching the filters but the dates; days
    outside ``window`` (the chosen dates) are faded."""
    if not counts or bounds is None:
        st.caption("The timeline appears when there are dated events.")
        return
    start = window[0] or bounds[0]
    end = window[1] or bounds[1]
    frame = pd.DataFrame(
        [
            {
                "day": pd.Timestamp(c.day),
                "type": c.type.replace("_", " "),
                "events": c.events,
                "in_range": start <= c.day <= end,
            }
            for c in counts
        ]
    )
    types = [t.replace("_", " ") for t in EVENT_TYPES]
    pick = alt.selection_point(name="pick", encodings=["x"], on="click", clear="dblclick")
    brush = alt.selection_interval(name="brush", encodings=["x"])
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            # A day time unit gives each bar the width of its day.
            x=alt.X("yearmonthdate(day):T", title=None, axis=alt.Axis(format="%d %b", labelAngle=0)),
            y=alt.Y("events:Q", stack="zero", title="events", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "type:N",
                title="Type",
                scale=alt.Scale(
                    domain=types, range=[TYPE_COLOURS.get(t, FALLBACK_COLOUR) for t in EVENT_TYPES]
                ),
                legend=alt.Legend(orient="right", title=None),
            ),
            opacity=alt.condition(alt.datum.in_range, alt.value(1.0), alt.value(0.25)),
            tooltip=[
                alt.Tooltip("yearmonthdate(day):T", title="day", format="%d %b %Y"),
                "type:N",
                "events:Q",
            ],
        )
        .add_params(pick, brush)
    )
    st.altair_chart(
        chart,
        height=190,
        key=CHART_KEY,
        on_select=lambda: _on_select(bounds),
        selection_mode=["pick", "brush"],
        width="stretch",
    )
    st.caption(
        "Click a day or drag across days to narrow the dates; “All dates” in the sidebar widens again."
    )
