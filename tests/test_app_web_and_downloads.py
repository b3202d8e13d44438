"""The app's Add reports form reads a web address, and the filtered view downloads as
CSV / GeoJSON / HTML. A local HTTP server stands in for the outside web."""

from __future__ import annotations

import csv
import http.server
import io
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP

from dashboard.interop.export import export_file, export_name
from dashboard.store import open_store
from dashboard.views import ViewState, event_views, filter_events

# Written for this test: an article page as an outlet would publish it.
ARTICLE = """<!doctype html><html><head><title>Shelling kills 4 in Idlib</title>
<meta property="og:site_name" content="Test Gazette"></head><body>
<nav>Home | World | Sport</nav>
<article><h1>Shelling kills 4 in Idlib</h1>
<p>Shelling killed four civilians in the city of Idlib on Sunday, 9 March 2025, the civil
defence group known as the White Helmets said.</p>
<p>Rescuers said the strikes hit a market in the east of the city in the early afternoon.</p>
</article><footer>Copyright</footer></body></html>"""


@pytest.fixture()
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = ARTICLE.encode() if self.path == "/idlib.html" else b"gone"
            self.send_response(200 if self.path == "/idlib.html" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # The test server is on loopback, which the app refuses by default.
    monkeypatch.setenv("REPORT_ATLAS_ALLOW_PRIVATE_URLS", "1")
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _add_reports_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["mode"] = "Add reports"
    return at.run()


def _web_address(at: AppTest):  # type: ignore[no-untyped-def]
    return next(t for t in at.text_input if "web address" in t.label)


def _read(at: AppTest) -> AppTest:
    return at.button[[b.label for b in at.button].index("Read reports")].click().run()


def test_a_web_article_is_read_reviewed_and_saved(atlas_db: Path, site: str) -> None:  # noqa: F811
    before = open_store(str(atlas_db)).stats()
    at = _add_reports_page()
    _web_address(at).input(f"{site}/idlib.html")
    _read(at)
    assert not at.exception
    assert "Idlib" in " ".join(at.dataframe[0].value["As written"])
    figures = at.dataframe[1].value
    assert list(figures["Figure"]) == ["4"] and list(figures["Who"]) == ["civilians"]
    assert open_store(str(atlas_db)).stats() == before
    at.button(key="save_reports").click().run()
    assert any("Saved 1 new report" in s.value for s in at.success)
    stored = [r for r in open_store(str(atlas_db)).reports() if r.url and r.url.endswith("/idlib.html")]
    assert len(stored) == 1 and stored[0].title == "Shelling kills 4 in Idlib"
    assert stored[0].source == "Test Gazette"  # the outlet, read from the page
    assert "Copyright" not in stored[0].text and "Home | World" not in stored[0].text


def test_a_broken_address_is_named_and_nothing_is_saved(atlas_db: Path, site: str) -> None:  # noqa: F811
    before = open_store(str(atlas_db)).stats()
    at = _add_reports_page()
    _web_address(at).input(f"{site}/missing.html")
    _read(at)
    assert not at.exception
    assert any("missing" in e.value and "404" in e.value for e in at.error), [e.value for e in at.error]
    assert open_store(str(atlas_db)).stats() == before


def test_private_addresses_are_refused_by_default(atlas_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.delenv("REPORT_ATLAS_ALLOW_PRIVATE_URLS", raising=False)
    at = _add_reports_page()
    _web_address(at).input("http://127.0.0.1:9/secret")
    _read(at)
    assert not at.exception
    assert any("private" in e.value for e in at.error)


def test_the_filtered_view_offers_three_downloads(atlas_db: Path) -> None:  # noqa: F811
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["from"] = "2025-03-06"
    at.query_params["to"] = "2025-03-06"
    at.run()
    assert not at.exception
    assert [e.proto.label for e in at.get("download_button")] == ["CSV", "GeoJSON", "HTML map"]
    listed = set(at.dataframe[0].value["id"])
    assert listed

    # What the buttons hand over: the export of exactly the events the list shows.
    store = open_store(str(atlas_db))
    state = ViewState(date_from=date(2025, 3, 6), date_to=date(2025, 3, 6))
    views = filter_events(
        event_views(
            store.events(),
            {p.id: p for p in store.places()},
            {f.id: f for f in store.figures()},
            {r.id: r for r in store.reports()},
        ),
        state,
    )
    data, mime, name = export_file(views, "csv", state)
    assert (mime, name) == ("text/csv", export_name("csv", state))
    assert name == "report-atlas_2025-03-06_to_2025-03-06.csv"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert {row["id"] for row in rows} == listed
    geo = json.loads(export_file(views, "geojson", state)[0])
    assert {f["id"] for f in geo["features"]} == listed
