"""Reports from URLs and feeds, served by a real HTTP server on 127.0.0.1 from saved pages
(tests/data/interop/web, written for these tests). Nothing goes to the internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pdf_writer import make_pdf

from dashboard.cli import main
from dashboard.interop.fetch import (
    FetchError,
    article_from_html,
    fetch_article,
    fetch_bytes,
    fetch_feed,
    ingest_feed,
    ingest_urls,
)
from dashboard.store import open_store

WEB = Path(__file__).parent / "data" / "interop" / "web"
SLOW_SECONDS = 3.0
ARABIC_TITLE = "كمين قرب جبلة"  # "Ambush near Jableh"
ARABIC_TEXT = "قتل 13 عنصرا من قوات الأمن في كمين قرب جبلة مساء الخميس."  # 13 security men killed ...


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        return None

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path.split("?", 1)[0]
        if path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/baniyas.html")
            self.end_headers()
            return
        if path == "/big.html":
            self._send(
                200, b"<html><body><p>" + b"x" * (6 * 1024 * 1024) + b"</p></body></html>", "text/html"
            )
            return
        if path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
            return
        if path == "/arabic.html":
            # An older Arabic site: windows-1256, declared only in a meta tag.
            page = (
                '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
                f"<title>{ARABIC_TITLE}</title></head><body><article><p>{ARABIC_TEXT}</p></article></body></html>"
            )
            self._send(200, page.encode("cp1256"), "text/html")
            return
        if path == "/report.pdf":
            self._send(200, b"%PDF-1.4 not a page", "application/pdf")
            return
        if path == "/flash.pdf":
            pages = [["Sudan: Zamzam flash update", "More than 400 people were reportedly killed in Zamzam camp."]]
            self._send(200, make_pdf(pages, title="Zamzam flash update"), "application/pdf")
            return
        file = WEB / path.lstrip("/")
        if not path.startswith("/") or ".." in path or not file.is_file():
            self._send(404, b"<html><body>not here</body></html>", "text/html")
            return
        body = file.read_bytes()
        if file.suffix == ".xml":
            body = body.replace(b"{base}", base.encode())
            kind = "application/atom+xml" if file.name.startswith("atom") else "application/rss+xml"
        else:
            kind = "text/html; charset=utf-8"
        self._send(200, body, kind)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that give up (timeout, size limit) break the pipe on purpose.
        return None


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- reading one page -------------------------------------------------------------------------


@pytest.mark.parametrize("use_trafilatura", [True, False], ids=["trafilatura", "html.parser"])
def test_article_text_title_date_and_outlet(use_trafilatura: bool) -> None:
    if use_trafilatura:
        pytest.importorskip("trafilatura")
    markup = (WEB / "baniyas.html").read_text(encoding="utf-8")
    article = article_from_html(markup, "https://levant.example/baniyas", use_trafilatura=use_trafilatura)
    assert article.title == "Baniyas counts its dead after two days of killings"  # og:title
    assert article.outlet == "Levant Wire"  # og:site_name
    assert article.published == date(2025, 3, 9)  # article:published_time
    assert "at least 60 civilians were killed in Baniyas alone" in article.text
    assert "checkpoints at the entrances of the city and in Tartus" in article.text
    for boilerplate in ("Subscribe", "recipes", "Copyright", "tracker", "color: red"):
        assert boilerplate not in article.text


def test_page_without_meta_tags_uses_time_element_and_application_name() -> None:
    markup = (WEB / "sweida.html").read_text(encoding="utf-8")
    article = article_from_html(markup, "https://south.example/sweida", use_trafilatura=False)
    assert article.title == "Fighting spreads around Sweida"  # the <h1>
    assert article.outlet == "South Desk"
    assert article.published == date(2025, 7, 14)  # <time datetime>
    assert "more than 30 people had been killed since Sunday" in article.text
    assert "Front page" not in article.text and "all rights reserved" not in article.text


def test_outlet_falls_back_to_the_host_name() -> None:
    article = article_from_html(
        "<html><body><p>Shelling hit Idlib.</p></body></html>", "https://www.idlib-news.example/a"
    )
    assert article.outlet == "idlib-news.example"


# --- fetching -----------------------------------------------------------------------------------


def test_charset_declared_only_in_the_page_is_used(site: str) -> None:
    article = fetch_article(f"{site}/arabic.html")
    assert ARABIC_TEXT in article.text
    assert article.title == ARABIC_TITLE


def test_fetch_follows_redirects_and_reads_the_page(site: str) -> None:
    article = fetch_article(f"{site}/moved")
    assert article.url == f"{site}/baniyas.html"
    assert article.outlet == "Levant Wire"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.html", "HTTP 404"),
        ("/big.html", "byte limit"),
        ("/report.pdf", "not a readable PDF"),
    ],
)
def test_fetch_failures_name_the_url_and_the_reason(site: str, path: str, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_article(site + path)
    assert str(caught.value).startswith(site + path)
    assert reason in str(caught.value)


def test_a_server_that_does_not_answer_in_time_is_a_timeout(site: str) -> None:
    with pytest.raises(FetchError, match="no answer within 0.5 s"):
        fetch_bytes(f"{site}/slow.html", timeout=0.5)


def test_nothing_listening_is_a_clear_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=f"127.0.0.1:{port}/a.html: cannot connect"):
        fetch_article(f"http://127.0.0.1:{port}/a.html")


def test_only_web_addresses_are_fetched_and_private_ones_can_be_refused(site: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        fetch_article("file:///etc/passwd")
    with pytest.raises(FetchError, match="local or private address"):
        fetch_article(f"{site}/baniyas.html", allow_private=False)


# --- feeds and the store --------------------------------------------------------------------------


def test_rss_entries_resolve_links_and_keep_their_own_text(site: str) -> None:
    title, entries = fetch_feed(f"{site}/feed.xml")
    assert title == "Levant Wire: Syria"
    assert [e.url for e in entries] == [
        f"{site}/baniyas.html",
        f"{site}/sweida.html",  # a relative link, resolved against the feed
        f"{site}/gone/jableh.html",
        f"{site}/gone/teaser.html",
    ]
    assert [e.published for e in entries] == [
        date(2025, 3, 9),
        date(2025, 7, 14),
        date(2025, 3, 7),
        date(2025, 3, 8),
    ]
    assert "Thirteen members of the security forces were killed" in entries[2].text


def test_atom_feed(site: str) -> None:
    title, entries = fetch_feed(f"{site}/atom.xml")
    assert title == "South Desk"
    assert [(e.url, e.title) for e in entries] == [(f"{site}/sweida.html", "Fighting spreads around Sweida")]


def test_ingest_url_runs_the_pipeline_and_is_idempotent(site: str, store) -> None:  # type: ignore[no-untyped-def]
    summary = ingest_urls(store, [f"{site}/baniyas.html"])
    assert (summary.added, summary.already, summary.failures) == (1, 0, [])
    (report,) = store.reports()
    assert report.url == f"{site}/baniyas.html"
    assert report.source == "Levant Wire" and report.published == date(2025, 3, 9)
    assert report.title == "Baniyas counts its dead after two days of killings"
    # The normal pipeline ran: "at least 60 civilians were killed in Baniyas".
    sixty = [f for f in store.figures() if f.low == 60]
    assert sixty and sixty[0].outcome == "killed" and sixty[0].category == "civilians"
    assert any("Baniyas" in m.surface for m in store.mentions(report.id))
    again = ingest_urls(store, [f"{site}/baniyas.html"])
    assert (again.added, again.already) == (0, 1)


def test_given_source_and_date_win_over_the_page(site: str, store) -> None:  # type: ignore[no-untyped-def]
    ingest_urls(store, [f"{site}/sweida.html"], source="Desk copy", published=date(2025, 7, 15))
    (report,) = store.reports()
    assert (report.source, report.published) == ("Desk copy", date(2025, 7, 15))


def test_ingest_feed_fetches_entries_and_falls_back_to_full_feed_text(site: str, store) -> None:  # type: ignore[no-untyped-def]
    summary = ingest_feed(store, f"{site}/feed.xml")
    # baniyas and sweida fetched; the Jableh page is gone but the feed carries its text
    # (a note, not a failure); the teaser's page is gone and the feed has only a line.
    assert summary.added == 3
    assert summary.failures == [f"{site}/gone/teaser.html: the server answered HTTP 404 Not Found"]
    assert summary.notes == [
        f"{site}/gone/jableh.html: the server answered HTTP 404 Not Found; used the feed's own text of the article instead"
    ]
    by_url = {r.url: r for r in store.reports()}
    jableh = by_url[f"{site}/gone/jableh.html"]
    assert jableh.title == "Ambush near Jableh: the interior ministry's account"
    assert jableh.published == date(2025, 3, 7) and jableh.source == "Levant Wire: Syria"
    assert by_url[f"{site}/sweida.html"].source == "South Desk"


def test_cli_ingest_routes_urls_and_feeds(
    site: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", "--quiet", f"{site}/baniyas.html", f"{site}/missing.html"]) == 0
    out, err = capsys.readouterr()
    assert "1 report(s) added" in out and "1 failed" in out
    assert f"{site}/missing.html: the server answered HTTP 404" in err
    assert main(["ingest", "--quiet", "--feed", f"{site}/atom.xml"]) == 0
    assert "1 report(s) added" in capsys.readouterr().out
    assert main(["ingest", "--quiet", "--feed", f"{site}/feed.xml"]) == 0
    out, err = capsys.readouterr()
    # New: only the Jableh article (from the feed's text); Baniyas came by URL above,
    # Sweida with the Atom feed; the teaser failed.
    assert "1 report(s) added, 2 already stored, 1 failed" in out
    assert f"note: {site}/gone/jableh.html: the server answered HTTP 404" in err
    assert f"skipped {site}/gone/teaser.html: the server answered HTTP 404" in err
    assert open_store(str(db_path)).stats()["reports"] == 3
    assert main(["ingest", "--feed", f"{site}/missing.xml"]) == 2
    assert f"{site}/missing.xml: the server answered HTTP 404" in capsys.readouterr().err


def test_a_pdf_report_is_read_from_its_address(site: str) -> None:
    article = fetch_article(site + "/flash.pdf")
    assert article.title == "Zamzam flash update"
    assert "More than 400 people were reportedly killed in Zamzam camp." in article.text
