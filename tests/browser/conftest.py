"""A real ``streamlit run dashboard/app.py`` with the demo reports, driven by Debian Chromium.

One server per test session (starting Streamlit and reading the demo reports takes a few
seconds). Every test gets a fresh browser context in which every request that does not go
to 127.0.0.1 is aborted, so a drawn map proves the app works offline. A failing test leaves
a screenshot in ``artifacts/``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from atlas_browser import CHROMIUM_ARGS, new_context, running_atlas

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")

# A report written to attack the page: if any of this ran, window.__pwned would be set.
HOSTILE_REPORT = (
    "Gunmen killed 7 civilians in Tartus on Sunday, a local monitor said. "
    '<script>window.__pwned = "script"</script> '
    "<img src=x onerror=\"window.__pwned = 'img'\"> "
    "[link](javascript:window.__pwned='md') $x^2$ :skull: **bold** "
    "The monitor said the attackers fled toward Baniyas."
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(reason="Debian chromium (/usr/bin/chromium) is not installed")
                )


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"rep_{report.when}", report)


@dataclass
class Atlas:
    """The running app and what the test data holds."""

    url: str
    hostile_event: str
    log: Path
    blocked: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    from dashboard.demo import ensure_demo_data
    from dashboard.mapview import ensure_static_assets
    from dashboard.pipeline import extract_report
    from dashboard.store import open_store

    # Streamlit only serves dashboard/static/ if the folder exists when it starts.
    ensure_static_assets()
    tmp = tmp_path_factory.mktemp("atlas")
    db = tmp / "atlas.db"
    old = {k: os.environ.get(k) for k in ("REPORT_ATLAS_DB", "REPORT_ATLAS_DEMO")}
    os.environ.update({"REPORT_ATLAS_DB": str(db), "REPORT_ATLAS_DEMO": "1"})
    try:
        store = open_store(str(db))
        assert ensure_demo_data(store) > 0
        hostile = extract_report(HOSTILE_REPORT, published=date(2025, 3, 16), source="<b>Hostile</b> wire")
        store.save(hostile)
        assert hostile.events, "the hostile report should give an event (7 civilians killed in Tartus)"
        hostile_event = hostile.events[0].id
        stored = {e.id for e in store.events()}
        if hostile_event not in stored:  # linked into an existing incident: find where it went
            hostile_event = next(e.id for e in store.events() if hostile.report.id in e.report_ids)
        store.close()
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    with running_atlas(db, tmp / "streamlit.log") as url:
        yield Atlas(url=url, hostile_event=hostile_event, log=tmp / "streamlit.log")


# Module scope, not session: a live sync Playwright keeps its event loop on the main thread,
# and every later sync_playwright()/asyncio.run() in other test modules would then fail.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, atlas: Atlas, request: pytest.FixtureRequest) -> Iterator[Any]:
    blocked: list[str] = []
    context = new_context(browser, blocked)
    pg = context.new_page()
    pg.blocked = blocked  # type: ignore[attr-defined]  # outside requests this test's page made
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.page_errors = errors  # type: ignore[attr-defined]
    yield pg
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        for i, open_page in enumerate(context.pages):
            open_page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{i}.png"), full_page=True)
    context.close()
