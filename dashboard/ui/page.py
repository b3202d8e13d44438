"""The page: sidebar filters and share link; metrics, timeline, map + list, detail card.

Order of one run: read the URL once per session -> load events (cached) -> filters ->
filtered events (cached per view state) -> draw -> write the state back to the URL.

The map is sent to the browser before the timeline and the list, though it is drawn below
the timeline (an empty slot is kept for it): the map is what a visitor waits for, and its
frame loads its own scripts while the page draws the rest. The timeline (altair), the
list, the card and the Add reports form are imported when first drawn, so the first run
of a fresh server sends the map before paying for them.
"""

from __future__ import annotations

import streamlit as st

from dashboard.ui import state as S
from dashboard.ui.data import AtlasData, load_data, per_day, shown, shown_headline, shown_table
from dashboard.ui.filters import reset_filters, sidebar_filters
from dashboard.ui.highlight import md_escape
from dashboard.ui.map_panel import render_map
from dashboard.ui.metrics import render_metrics
from dashboard.ui.share import render_share
from dashboard.views import EventView, ViewState, find_event

EXPLORE, ADD = "Explore", "Add reports"

# Narrow screens (a 390-px phone): tighter padding, and the map/list columns stack.
_CSS = """
<style>
@media (max-width: 640px) {
  .block-container { padding-left: 0.6rem !important; padding-right: 0.6rem !important; padding-top: 2.2rem !important; }
  [data-testid="stMetricValue"] { font-size: 1.3rem !important; }
  /* the four metrics two by two instead of four stacked rows */
  .st-key-metrics [data-testid="stHorizontalBlock"] { flex-direction: row !important; flex-wrap: wrap !important; }
  .st-key-metrics [data-testid="stColumn"] { flex: 1 1 45% !important; min-width: 45% !important; }
}
</style>
"""


def _notices() -> None:
    notices = st.session_state.get(S.NOTICES) or []
    if notices:
        with st.container(key="link_notices"):
            st.warning(
                "Some parts of this link could not be used and were ignored:\n\n"
                + "\n".join(f"- {md_escape(n)}" for n in notices),
                icon=":material/link_off:",
            )
            if st.button("Dismiss", key="dismiss_notices"):
                st.session_state[S.NOTICES] = []
                st.rerun()


def main() -> None:
    st.html(_CSS)
    S.init_from_url()
    data = load_data()
    bounds = data.bounds
    S.init_dates(bounds)

    st.sidebar.title("Report Atlas")
    st.sidebar.caption(
        "News reports on violence, their places, events and casualty figures — with every source."
    )
    mode = st.sidebar.segmented_control(
        "Mode", [EXPLORE, ADD], default=EXPLORE, key="mode", label_visibility="collapsed"
    )
    sidebar_filters(data)

    state = S.current_state(bounds)
    state = S.forget_map_view_if_filters_changed(state)
    selected = find_event(data.views, state.event)
    if state.event and selected is None:
        S.add_notice(f"Ignored event={state.event!r}: no such event in the stored reports.")
        S.select_event(None)
        state = S.current_state(bounds)

    _notices()
    if mode == ADD:
        from dashboard.ui.add_reports import render_add_reports

        render_add_reports()
    elif not data.views:
        st.title("Report Atlas")
        st.info(
            "The atlas is empty. Open **Add reports** in the sidebar to paste or upload a report, "
            "or load files from a terminal with `report-atlas ingest FILE…`. "
            "(Demo reports load automatically on first start unless REPORT_ATLAS_DEMO=0.)",
            icon=":material/upload_file:",
        )
    else:
        _explore(data, state, selected)
        if data.unplaced:
            st.caption(
                f"{data.unplaced} event(s) have no place that could be located and are not on the map."
            )

    query = S.write_url(state)
    render_share(query)


def _explore(data: AtlasData, state: ViewState, selected: EventView | None) -> None:
    events = shown(data, state)
    st.markdown("## Report Atlas")
    render_metrics(shown_headline(data, state), len(data.views))
    timeline_slot = st.container()  # filled after the map is sent (see the module doc)

    if not events:
        st.info(
            "No event matches these filters. Widen the dates, clear a type, source or victims filter, "
            "or change the search words.",
            icon=":material/filter_alt_off:",
        )
        st.button("Reset filters", on_click=reset_filters, args=(data.bounds,), key="reset_empty")
    map_col, list_col = st.columns([3, 2], gap="medium")
    with map_col:
        render_map(data, events, state, selected)

    from dashboard.ui.downloads import render_downloads
    from dashboard.ui.event_card import render_card
    from dashboard.ui.event_table import render_table
    from dashboard.ui.timeline import render_timeline

    with timeline_slot:
        render_timeline(per_day(data, state), (state.date_from, state.date_to), data.bounds)
    with list_col:
        st.markdown(f"**Events** · {len(events):,} shown")
        render_table(events, shown_table(data, state), state.event)
        render_downloads(events, state)
    hidden = selected is not None and all(v.id != selected.id for v in events)
    render_card(selected, hidden_by_filters=hidden)
