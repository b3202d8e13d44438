"""The detail card of the selected event: what, where, when, every source and its figures,
and the report text with place mentions and figures highlighted (escaped; see highlight)."""

from __future__ import annotations

import html

import streamlit as st

from dashboard.ui.data import event_reports
from dashboard.ui.highlight import STYLES, md_escape, report_html
from dashboard.ui.state import select_event
from dashboard.views import EventView, source_comparison


def _when(event: EventView) -> str:
    if event.date_start is None:
        return "date unknown"
    if event.date_end and event.date_end != event.date_start:
        return f"{event.date_start:%d %b %Y} – {event.date_end:%d %b %Y}"
    return f"{event.date_start:%d %b %Y}"


def _legend() -> str:
    items = [("place", "place (geocoded)"), ("unresolved", "place not found"), ("figure", "casualty figure")]
    return " ".join(
        f'<span style="{STYLES[kind]}padding:0 4px;font-size:0.8rem;">{html.escape(label)}</span>'
        for kind, label in items
    )


def render_card(event: EventView | None, *, hidden_by_filters: bool = False) -> None:
    if event is None:
        st.info(
            "Click a marker on the map or a row in the list to see the event: its report with "
            "places and figures highlighted, and what each source says.",
            icon=":material/touch_app:",
        )
        return
    with st.container(border=True, key="event_card"):
        # A row that stays a row on a phone (columns would stack the button under the title).
        row = st.container(horizontal=True, vertical_alignment="center", horizontal_alignment="distribute")
        row.subheader(
            f"{event.type.replace('_', ' ').capitalize()} · {md_escape(event.place_name)}", width="content"
        )
        row.button(
            "",
            icon=":material/close:",
            key="close_card",
            help="Clear the selection",
            on_click=select_event,
            args=(None,),
        )
        precision = "an area" if event.precision not in {"exact", "city"} else f"{event.precision} level"
        st.caption(
            f"{_when(event)} (precision: {event.date_precision}) · located at {precision} · event id `{event.id}`"
        )
        if hidden_by_filters:
            st.warning(
                "This event is hidden by the current filters; it is shown here because it is selected."
            )
        st.html(
            f'<p class="ra-summary" style="font-size:1.05rem;margin:0.2rem 0;">{html.escape(event.summary)}</p>'
        )
        if len(event.place_names) > 1:
            st.markdown("**Places:** " + md_escape(", ".join(event.place_names)))

        comparison = source_comparison(event)
        if comparison:
            st.markdown("**What each source says**")
            st.dataframe(
                [
                    {"Source": row.source, "Figures": row.text(), "Verified": "yes" if row.verified else ""}
                    for row in comparison
                ],
                hide_index=True,
                width="stretch",
            )
            if event.deaths_low is not None:
                st.caption(
                    f"Deaths for this event: {event.deaths_text()} — the range from the lowest to the highest "
                    "source; figures from different sources are never added."
                )
        else:
            st.caption("No casualty figure was read for this event.")
        if event.outlets:
            st.markdown("**Reported by:** " + md_escape(", ".join(event.outlets)))

        for detail in event_reports(event.id):
            report = detail.report
            label = md_escape(report.title or report.id)
            meta = " · ".join(
                part
                for part in (
                    report.source,
                    f"{report.published:%d %b %Y}" if report.published else None,
                    f"report {report.id}",
                )
                if part
            )
            with st.expander(f"Report: {label}", expanded=detail.summary_span is not None):
                st.caption(md_escape(meta))
                if report.url and report.url.startswith(("http://", "https://")):
                    st.link_button("Open the original", report.url)
                st.html(f'<div style="margin-bottom:0.4rem">{_legend()}</div>')
                st.html(
                    report_html(
                        report.text, detail.mentions, detail.figures, detail.place_names, detail.summary_span
                    )
                )
