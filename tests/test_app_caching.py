"""Caching, proved by counting: the app (streamlit.testing AppTest, a real SQLite store of the
demo reports) runs the real code, and counting spies around the expensive functions record
how often each one actually ran.

The spies wrap the names where dashboard/ui/data.py looks them up (``open_store`` -- whose
store's ``events`` is wrapped too --, ``event_views``, ``filter_events``, ``headline``,
``event_rows``, ``events_per_day``, ``type_counts``, ``build_map``) and call the real
function every time: nothing is replaced, only counted.

Expected counts are read off dashboard/ui/data.py:
- ``_load`` (per store revision) reads ``store.events`` once, builds the views once and
  counts the types once (the sidebar's options).
- ``_filtered`` (per filter state) is the only caller of ``filter_events``. The events shown
  (key: the filters), the timeline (key: the filters without dates) and the option counts
  (key: the dates only) all go through it, so with no filter set they share ONE key.
- headline / table rows / per-day counts / map are each built once per key of their own
  (the filters; the timeline's key has no dates); the option counts (``type_counts``) once
  per date range.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
SPIED = (
    "event_views",
    "filter_events",
    "headline",
    "event_rows",
    "events_per_day",
    "type_counts",
    "build_map",
)

# Written for this test: a new report whose event falls inside the demo reports' dates
# (3-13 March 2025), so saving it changes the store but not the date slider's range.
NEW_REPORT = (
    "Gunmen killed 9 civilians in the village of Qardaha on Friday, the Syrian Observatory "
    "for Human Rights said. Residents said the attackers came from the nearby hills."
)


def _counting(name: str, real: Callable[..., Any], calls: Counter[str]) -> Callable[..., Any]:
    def spy(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return real(*args, **kwargs)

    return spy


@pytest.fixture()
def calls(atlas_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """How often each spied function ran, from a cold cache (as a fresh server)."""
    from dashboard.ui import data

    st.cache_data.clear()
    st.cache_resource.clear()
    counts: Counter[str] = Counter()
    for name in SPIED:
        monkeypatch.setattr(data, name, _counting(name, getattr(data, name), counts))
    real_open = data.open_store

    def open_counted(target: str) -> Any:
        counts["open_store"] += 1
        store = real_open(target)
        # The spy on this one open store's method; the real method runs inside it.
        store.events = _counting("store.events", store.events, counts)  # type: ignore[method-assign]
        return store

    monkeypatch.setattr(data, "open_store", open_counted)
    yield counts
    st.cache_data.clear()
    st.cache_resource.clear()


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def _new_calls(calls: Counter[str], before: Counter[str]) -> dict[str, int]:
    return {name: n for name, n in (calls - before).items() if n}


def test_first_run_does_each_piece_of_work_once(calls: Counter[str]) -> None:
    _run(AppTest.from_file(APP, default_timeout=120))
    assert dict(calls) == {
        "open_store": 1,
        "store.events": 1,
        "event_views": 1,
        "type_counts": 2,  # the store's types (_load) + the option counts of all dates
        "filter_events": 1,  # shown, timeline and option counts share the empty filter
        "headline": 1,
        "event_rows": 1,
        "events_per_day": 1,
        "build_map": 1,
    }


def test_reruns_and_new_sessions_without_changes_repeat_nothing(calls: Counter[str]) -> None:
    at = _run(AppTest.from_file(APP, default_timeout=120))
    first = Counter(calls)
    assert first["build_map"] == 1 and first["event_views"] == 1  # the work was done once

    _run(at)  # a rerun with the same inputs
    _run(at)
    assert _new_calls(calls, first) == {}
    _run(AppTest.from_file(APP, default_timeout=120))  # a second visitor
    assert _new_calls(calls, first) == {}

    # Selecting an event changes neither the filters nor the store: the map, the table and
    # the counts are not rebuilt (the selection ring is added on top of the same map).
    event_id = str(at.dataframe[0].value["id"].iloc[0])
    at.session_state["sel_event"] = event_id
    _run(at)
    assert at.session_state["sel_event"] == event_id
    assert _new_calls(calls, first) == {}


def test_a_filter_change_redoes_only_what_depends_on_it(calls: Counter[str]) -> None:
    at = _run(AppTest.from_file(APP, default_timeout=120))
    all_dates = at.slider(key="f_dates").value  # the slider opens on every date

    # A type: new filters (shown events, headline, table, map) and a new undated key (the
    # timeline); the dates did not change, so the option counts are reused.
    before = Counter(calls)
    at.multiselect(key="f_types").set_value(["killings"])
    _run(at)
    assert set(at.dataframe[0].value["Type"]) == {"killings"}
    assert _new_calls(calls, before) == {
        "filter_events": 1,
        "headline": 1,
        "event_rows": 1,
        "events_per_day": 1,
        "build_map": 1,
    }

    # Dates: new filters, and a new date range for the option counts (its own filter key);
    # the timeline's key (types only, no dates) is unchanged.
    before = Counter(calls)
    at.slider(key="f_dates").set_value((date(2025, 3, 8), date(2025, 3, 8)))
    _run(at)
    assert _new_calls(calls, before) == {
        "filter_events": 2,  # (8 March, killings) for the page, (8 March) for the option counts
        "type_counts": 1,
        "headline": 1,
        "event_rows": 1,
        "build_map": 1,
    }

    # Back to a state seen before: everything comes from the caches.
    before = Counter(calls)
    at.slider(key="f_dates").set_value(all_dates)
    _run(at)
    assert set(at.dataframe[0].value["Type"]) == {"killings"}
    assert _new_calls(calls, before) == {}
    assert calls["store.events"] == 1 and calls["event_views"] == 1  # the store was read once


def test_saving_a_report_invalidates_what_came_from_the_store(calls: Counter[str], atlas_db: Path) -> None:
    from dashboard.pipeline import extract_report
    from dashboard.store import open_store

    at = _run(AppTest.from_file(APP, default_timeout=120))
    listed = set(at.dataframe[0].value["id"])
    before = Counter(calls)
    _run(at)
    assert _new_calls(calls, before) == {}

    # Another process (the CLI, another visitor's Add reports) saves a report.
    extraction = extract_report(NEW_REPORT, published=date(2025, 3, 10), source="Test wire")
    assert extraction.events, "the report names a killing in Qardaha"
    writer = open_store(str(atlas_db))
    try:
        assert writer.save(extraction)
    finally:
        writer.close()

    before = Counter(calls)
    _run(at)
    assert _new_calls(calls, before) == {
        "store.events": 1,  # the same open store, read again for the new revision
        "event_views": 1,
        "type_counts": 2,
        "filter_events": 1,
        "headline": 1,
        "event_rows": 1,
        "events_per_day": 1,
        "build_map": 1,
    }
    # And the list shows the new report: its event (new, or the stored one it was linked to).
    reader = open_store(str(atlas_db))
    try:
        holder = next(e for e in reader.events() if extraction.report.id in e.report_ids)
    finally:
        reader.close()
    table = at.dataframe[0].value
    assert holder.id in set(table["id"])
    if holder.id in listed:  # linked: the row now names the new report's outlet too
        assert "Test wire" in table.set_index("id").loc[holder.id, "Sources"]


def test_serve_runs_the_app_once_before_the_first_visitor(tmp_path: Path) -> None:
    """`report-atlas serve` warms the app itself (dashboard/warmup.py): on a new, empty store
    the demo reports are loaded and serve says it is ready before any browser has asked."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    from dashboard.store import open_store
    from dashboard.warmup import READY_LINE

    db = tmp_path / "fresh.db"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "REPORT_ATLAS_DB": str(db),
        "REPORT_ATLAS_DEMO": "1",
        "REPORT_ATLAS_OFFLINE": "1",
        "REPORT_ATLAS_NOMINATIM": "0",
    }
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "dashboard.cli", "serve", "--port", str(port), "--headless"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # serve and its Streamlit child are stopped together below
        )
    try:
        deadline = time.monotonic() + 240
        while READY_LINE not in log.read_text(errors="replace"):
            assert serve.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        store = open_store(str(db))
        try:
            assert store.stats()["reports"] > 0  # the first run happened, with no visitor
        finally:
            store.close()
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=30)
