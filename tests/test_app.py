"""The Streamlit app without a browser (streamlit.testing AppTest): state, filters, share links,
adding reports. Each test runs on its own copy of a real SQLite store of the demo reports.
(The map itself needs a browser: tests/browser/.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")

# Written for these tests: one new report, with a place and a figure a reader can check.
NEW_REPORT = (
    "Gunmen killed 9 civilians in the village of Qardaha on Friday, the Syrian Observatory "
    "for Human Rights said. Residents said the attackers came from the nearby hills."
)


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _listed(at: AppTest) -> list[str]:
    """Event ids in the event list (the first dataframe on the page)."""
    return list(at.dataframe[0].value["id"])


def _stored(db: Path, date_from: date | None = None, date_to: date | None = None) -> set[str]:
    """What the store itself returns for a date range (its own SQL), placed events only."""
    from dashboard.store import open_store

    store = open_store(str(db))
    try:
        places = {p.id for p in store.places()}
        return {e.id for e in store.events(date_from, date_to) if any(p in places for p in e.place_ids)}
    finally:
        store.close()


def _notices(at: AppTest) -> str:
    """The link notices as the user reads them (the Markdown escapes removed)."""
    return "\n".join(w.value for w in at.warning).replace("\\", "")


def test_first_start_loads_the_demo_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_ATLAS_DB", str(tmp_path / "fresh.db"))
    monkeypatch.setenv("REPORT_ATLAS_DEMO", "1")
    at = _app()
    assert not at.exception
    assert len(_listed(at)) > 0
    assert len(_listed(at)) == len(_stored(tmp_path / "fresh.db"))


def test_empty_store_explains_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_ATLAS_DB", str(tmp_path / "empty.db"))
    monkeypatch.setenv("REPORT_ATLAS_DEMO", "0")
    at = _app()
    assert not at.exception
    assert any("Add reports" in i.value for i in at.info)


def test_date_filter_changes_the_list(atlas_db: Path) -> None:
    at = _app()
    everything = _listed(at)
    assert set(everything) == _stored(atlas_db)
    window = (date(2025, 3, 8), date(2025, 3, 8))
    at.slider(key="f_dates").set_value(window).run()
    assert not at.exception
    shown = _listed(at)
    assert set(shown) == _stored(atlas_db, *window)
    assert 0 < len(shown) < len(everything)
    assert at.query_params["from"] == "2025-03-08" and at.query_params["to"] == "2025-03-08"


def test_query_params_restore_the_view(atlas_db: Path) -> None:
    first = _app(**{"from": "2025-03-06", "to": "2025-03-10", "types": "killings"})
    assert not first.exception
    ids = _listed(first)
    assert ids, "the demo reports hold killings between 6 and 10 March 2025"
    types = set(first.dataframe[0].value["Type"])
    assert types == {"killings"}
    chosen = ids[-1]

    at = _app(**{"from": "2025-03-06", "to": "2025-03-10", "types": "killings", "event": chosen})
    assert not at.exception
    assert at.slider(key="f_dates").value == (date(2025, 3, 6), date(2025, 3, 10))
    assert at.multiselect(key="f_types").value == ["killings"]
    assert _listed(at) == ids
    assert at.session_state["sel_event"] == chosen
    assert any(chosen in c.value for c in at.caption)  # the card of the chosen event is shown
    # The link is written back unchanged: reopening it gives the same view.
    assert {k: at.query_params[k] for k in ("from", "to", "types", "event")} == {
        "from": "2025-03-06",
        "to": "2025-03-10",
        "types": "killings",
        "event": chosen,
    }
    assert _notices(at) == ""


def test_bad_params_give_a_notice_and_no_exception(atlas_db: Path) -> None:
    at = _app(**{"from": "2025-02-31", "lat": "999", "lon": "35.9", "z": "1e9", "types": "bombing,killings"})
    assert not at.exception
    notice = _notices(at)
    for named in ("from=", "lat=", "z=", "bombing"):
        assert named in notice
    assert at.multiselect(key="f_types").value == ["killings"]  # the good part of the link is kept
    assert "lat" not in at.query_params and "from" not in at.query_params


def test_unknown_event_and_source_give_notices(atlas_db: Path) -> None:
    at = _app(event="evt-does-not-exist", src="No Such Outlet")
    assert not at.exception
    notice = _notices(at)
    assert "evt-does-not-exist" in notice and "No Such Outlet" in notice
    assert "event" not in at.query_params


def test_search_and_type_filters_apply_together(atlas_db: Path) -> None:
    at = _app()
    everything = at.dataframe[0].value
    at.text_input(key="f_q").input("Baniyas").run()
    by_search = at.dataframe[0].value
    assert 0 < len(by_search) < len(everything)
    at.multiselect(key="f_types").set_value(["killings"]).run()
    both = at.dataframe[0].value
    assert set(both["Type"]) <= {"killings"}
    assert set(both["id"]) <= set(by_search["id"])
    assert at.query_params["q"] == "Baniyas" and at.query_params["types"] == "killings"


def test_add_a_report_review_then_save_and_again_is_a_no_op(atlas_db: Path) -> None:
    from dashboard.store import open_store

    before = open_store(str(atlas_db)).stats()
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["mode"] = "Add reports"
    at.run()
    at.text_area[0].input(NEW_REPORT)
    next(t for t in at.text_input if t.label.startswith("Source")).input("Test wire")
    at.button[[b.label for b in at.button].index("Read reports")].click().run()
    assert not at.exception
    review = "\n".join(m.value for m in at.markdown)
    assert "Places" in review and "Casualty figures" in review and "Events" in review
    places = at.dataframe[0].value
    assert "Qardaha" in " ".join(places["As written"])
    figures = at.dataframe[1].value
    assert "9" in list(figures["Figure"])
    assert open_store(str(atlas_db)).stats() == before  # nothing saved before the review

    at.button(key="save_reports").click().run()
    assert any("Saved 1 new report" in s.value for s in at.success)
    after = open_store(str(atlas_db)).stats()
    assert after["reports"] == before["reports"] + 1

    # The same text again: the review says so, and saving changes nothing.
    at.text_area[0].input(NEW_REPORT + "\n")
    at.button[[b.label for b in at.button].index("Read reports")].click().run()
    assert any("Already in the store" in i.value for i in at.info)
    at.button(key="save_reports").click().run()
    assert any("already stored" in s.value for s in at.success)
    assert open_store(str(atlas_db)).stats() == after


def test_timeline_selections_become_a_date_range() -> None:
    from dashboard.ui.timeline import selected_days

    # The two shapes Streamlit hands over (seen from Chromium): a clicked bar, a brushed range.
    clicked = {"selection": {"pick": [{"yearmonthdate_day": "2025-03-08T00:00:00.000Z"}]}}
    brushed = {"selection": {"brush": {"yearmonthdate_day": [1740799525925, 1741287822222]}}}
    assert selected_days(clicked) == (date(2025, 3, 8), date(2025, 3, 8))
    # 1740799525925 ms = 2025-03-01 03:25 UTC; 1741287822222 ms = 2025-03-06 19:03 UTC
    assert selected_days(brushed) == (date(2025, 3, 1), date(2025, 3, 6))
    assert selected_days({"selection": {}}) is None


def test_closing_the_card_clears_the_selection(atlas_db: Path) -> None:
    chosen = sorted(_stored(atlas_db))[0]
    at = _app(event=chosen)
    assert at.query_params["event"] == chosen
    at.button(key="close_card").click().run()
    assert not at.exception
    assert "event" not in at.query_params
    assert at.session_state["sel_event"] is None
