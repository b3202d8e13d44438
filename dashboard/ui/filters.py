"""The sidebar filters: dates (slider + presets), event type, source, victims, search."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from dashboard.ui import state as S
from dashboard.ui.data import AtlasData, option_counts
from dashboard.views import preset_range

PRESETS = {"7d": "7 days", "30d": "30 days", "all": "All"}


def _apply_preset(preset: str, bounds: tuple[date, date]) -> None:
    # A callback: runs before the next script run, so it may set the slider's state.
    start, end = preset_range(preset, bounds[1])
    start = max(start or bounds[0], bounds[0])
    end = min(end or bounds[1], bounds[1])
    st.session_state[S.DATES] = (start, end)


def reset_filters(bounds: tuple[date, date] | None) -> None:
    if bounds is not None:
        st.session_state[S.DATES] = bounds
    st.session_state[S.TYPES] = []
    st.session_state[S.SOURCES] = []
    st.session_state[S.CATEGORIES] = []
    st.session_state[S.SEARCH] = ""


def _keep_known(key: str, options: Sequence[str]) -> None:
    """A multiselect's state may only hold current options (a link may name a source
    that is not in this store): drop the others, with a notice."""
    chosen = st.session_state.get(key, [])
    unknown = [c for c in chosen if c not in options]
    if unknown:
        st.session_state[key] = [c for c in chosen if c in options]
        S.add_notice(f"Ignored {', '.join(repr(u) for u in unknown)}: not found in the stored reports.")


def sidebar_filters(data: AtlasData) -> None:
    """Draw the filters; their values live in session state under the keys of ``state``."""
    bounds = data.bounds
    sb = st.sidebar
    sb.header("Filters")
    if bounds is None:
        sb.caption("No dated events yet: the date filter appears when reports are added.")
    elif bounds[0] == bounds[1]:
        sb.caption(f"All events are on {bounds[0]:%d %b %Y}.")
    else:
        sb.slider(
            "Dates",
            min_value=bounds[0],
            max_value=bounds[1],
            key=S.DATES,
            format="D MMM YYYY",
            help="Events whose dates overlap this range are shown.",
        )
        row = sb.container(horizontal=True, gap="small")
        for preset, label in PRESETS.items():
            row.button(
                label,
                key=f"preset_{preset}",
                on_click=_apply_preset,
                args=(preset, bounds),
                help=f"The last {label} up to the newest event." if preset != "all" else "Every date.",
                width="content",
            )

    # Counts beside each option are over the events in the chosen date range.
    counts = option_counts(data, *S.current_dates(bounds))
    _keep_known(S.TYPES, data.types)
    sb.multiselect(
        "Event type",
        options=data.types,
        key=S.TYPES,
        format_func=lambda t: f"{t.replace('_', ' ')} ({counts.types.get(t, 0)})",
        placeholder="All types",
    )
    _keep_known(S.SOURCES, data.sources)
    sb.multiselect(
        "Source / outlet",
        options=data.sources,
        key=S.SOURCES,
        format_func=lambda s: f"{s} ({counts.sources.get(s, 0)})",
        placeholder="All sources",
        help="Who a figure is attributed to in the text, or the outlet that published the report.",
    )
    _keep_known(S.CATEGORIES, data.categories)
    sb.multiselect(
        "Victims",
        options=data.categories,
        key=S.CATEGORIES,
        format_func=lambda c: f"{c.replace('_', ' ')} ({counts.categories.get(c, 0)})",
        placeholder="All victims",
        help="Events with a casualty figure for this group.",
    )
    sb.text_input(
        "Search",
        key=S.SEARCH,
        placeholder="place, words of the summary, source…",
        help="Every word must appear in the event's summary, its places or its sources.",
    )
    sb.button("Reset filters", on_click=reset_filters, args=(bounds,), key="reset_filters")
