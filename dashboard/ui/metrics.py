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
        overlap = (
            f" {h.overlapping} of them share a place and dates with another and may report the same "
            "deaths: the low end counts only the largest of each such group."
            if h.overlapping
            else ""
        )
        st.caption(
            f"Deaths over {h.events_with_deaths} event(s). Each event's count is the range of its sources "
            "(a source's count is the largest figure it gives; its smaller ones are parts); different "
            f"sources are never added together.{overlap} The high end adds every event's highest count: "
            "a toll retold for another place or day is counted again there, so read it as an upper bound."
        )
