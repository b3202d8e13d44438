"""Report Atlas in the browser: `streamlit run dashboard/app.py` (or `report-atlas serve`).

Only this file and dashboard/ui/ import Streamlit. The page is built in dashboard/ui/page.py;
this script sets the page up (title, icon, layout) and hands over.
"""

from __future__ import annotations

import streamlit as st

from dashboard.ui.favicon import favicon

st.set_page_config(
    page_title="Report Atlas",
    page_icon=favicon(),
    layout="wide",
    initial_sidebar_state="auto",
    menu_items={"About": "Report Atlas: places, events and casualty figures read from news reports."},
)

from dashboard.ui.page import main  # noqa: E402 - set_page_config must come first

main()
