"""The app's "Add reports" path (Streamlit AppTest, no browser) with text that attacks or
strains it: hostile markup, a casualty count no store can hold, an empty paste. Reading and
saving never surface an exception; whatever can be saved is saved, and said."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.store import open_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def app(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("REPORT_ATLAS_DEMO", "0")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    at.sidebar.button_group(key="mode").set_value("Add reports").run()
    assert not at.exception
    return at


def _read_and_save(at: AppTest, text: str) -> AppTest:
    at.text_area[0].input(text)
    next(b for b in at.button if b.label == "Read reports").click().run()
    assert not at.exception, [e.value for e in at.exception]
    save = [b for b in at.button if b.label == "Save to the atlas"]
    if save:
        save[0].click().run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def test_hostile_report_is_read_and_saved_as_text(app: AppTest, db_path: Path) -> None:
    text = (
        "<script>alert('RAXSS')</script> Gunmen killed 13 security personnel near Jableh on "
        "6 March 2025. <img src=x onerror=alert('RAXSS')> [click](javascript:alert('RAXSS'))"
    )
    at = _read_and_save(app, text)
    assert any("Saved 1 new report" in s.value for s in at.success), [s.value for s in at.success]
    store = open_store(str(db_path))
    (report,) = store.reports()
    assert "<script>alert('RAXSS')</script>" in report.text
    store.close()


def test_a_count_no_store_can_hold_does_not_break_the_app(app: AppTest, db_path: Path) -> None:
    # "99999999999999999999999 people" was read as a figure too large for SQLite's INTEGER;
    # saving it raised OverflowError inside the Save button's callback.
    at = _read_and_save(app, "Gunmen killed 99999999999999999999999 people in Homs on 7 March 2025.")
    messages = [m.value for m in (*at.success, *at.error, *at.warning)]
    assert messages, "the user is told what happened"


def test_empty_paste_asks_for_text(app: AppTest) -> None:
    app.text_area[0].input("   \n  ")
    next(b for b in app.button if b.label == "Read reports").click().run()
    assert not app.exception
    assert any("Paste some text" in w.value for w in app.warning)
