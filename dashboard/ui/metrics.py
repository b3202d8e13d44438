"""The headline metrics over the filtered events, with the rule used for deaths stated."""

from __future__ import annotations

import streamlit as st

from dashboard.views import Headline


def render_metrics(h: Headline, total: int) -> None:
    cols = st.container(key="metrics").columns(4)
    cols[0].metric("Events", f"{h.events:,}", help=f"{h.events:,} of {total:,} events match the filters.")
    cols[1].metric("Places", f"{h.places:,}", help="Distinct primary places of the shown events.")
    cols[2].metric("Deaths (range)", h.deaths_text(), help=h.rule)
    cols[3].metric("Sources", f"{h.sources:,}", help="Named sources and outlets behind the shown events.")
    if h.events_with_deaths:
        st.caption(
            f"Deaths: sum over {h.events_with_deaths} event(s) of each event's lowest and highest source "
            "count (a source's count is the largest figure it gives; its smaller ones are parts). Different "
            "sources for the same event give a range and are never added together. The same overall toll "
            "reported for different places or days counts once per event: read it as an upper bound."
        )
