"""Reports from web pages and RSS/Atom feeds: fetch (timeout, size limit), pull out the
article's text, title, date and outlet, then the normal pipeline and store.

Text comes from trafilatura when it is installed (it drops menus, footers and "read more"
boxes well); otherwise from a careful ``html.parser`` reader that keeps ``<article>``
paragraphs. Metadata comes from the page's own declarations first (``og:`` and
``article:published_time`` meta tags, ``<time datetime>``), which are what the outlet
says about itself. Feeds are read with feedparser.

Every failure is a ``FetchError`` (a ``BadInput``) whose message starts with the URL.
The network sits behind one seam, ``fetch_bytes``; tests serve pages from a local server.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from email.message import Message
from html.parser import HTMLParser
from typing import Any

from dashboard.ingest import BATCH, IngestSummary
from dashboard.model import Extraction
from dashboard.reading import MAX_PDF_BYTES, BadInput, text_of_html, text_of_pdf

TIMEOUT_SECONDS = 15.0
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_FEED_ENTRIES = 50
USER_AGENT = "report-atlas/0.1 (news report reader; +https://pypi.org/project/report-atlas/)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")
FEED_TYPES = ("xml", "rss", "atom")
MIN_FEED_TEXT = 200  # characters of a feed entry's own text worth reading when its page fails


class FetchError(BadInput):
    """A URL that could not be read as a report or feed; the message names the URL."""


@dataclass
class WebIngestSummary(IngestSummary):
    """An ingest summary with notes: things worth saying that are not failures (a feed
    entry whose page was gone but whose text the feed carried)."""

    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


@dataclass(frozen=True)
class Article:
    url: str
    title: str | None
    text: str
    published: date | None
    outlet: str | None


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None
    published: date | None
    text: str  # the entry's own content or summary, as plain text (may be short)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


# --- fetching --------------------------------------------------------------------------------


def _refuse_private(url: str) -> None:
    """Refuse hosts on this machine or a private network (for the app's URL form, where
    the person typing the URL is not the person running the server)."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError as exc:
        raise FetchError(f"{url}: cannot resolve host {host!r} ({exc})") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            raise FetchError(f"{url}: refusing to fetch from a local or private address ({address})")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not is_url(newurl):
            raise FetchError(f"{req.full_url}: redirected to a non-web address {newurl!r}")
        if not self.allow_private:
            _refuse_private(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_bytes(
    url: str,
    *,
    accept: tuple[str, ...] = PAGE_TYPES,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_PAGE_BYTES,
    allow_private: bool = True,
) -> Fetched:
    """GET ``url`` with a timeout (per read and overall) and a size limit."""
    if not is_url(url):
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    if not allow_private:
        _refuse_private(url)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(accept) + ", */*;q=0.1"}
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: {int(length):,} bytes is over the {max_bytes:,}-byte limit")
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = response.read(64 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: more than the {max_bytes:,}-byte limit")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: took longer than {timeout:g} s")
                chunks.append(chunk)
            content_type = headers.get_content_type()
            charset = headers.get_content_charset()
            final_url = response.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"{url}: no answer within {timeout:g} s") from exc
        raise FetchError(f"{url}: cannot connect ({reason})") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: cannot be fetched ({exc})") from exc
    if not any(kind in content_type for kind in accept):
        raise FetchError(f"{url}: is {content_type}, not one of {', '.join(accept)}")
    return Fetched(final_url, b"".join(chunks), content_type, charset)


def _decode(fetched: Fetched) -> str:
    head = fetched.data[:2048].decode("ascii", errors="ignore")
    declared = re.search(r"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", head, re.I)
    for charset in (fetched.charset, declared.group(1) if declared else None, "utf-8"):
        if not charset:
            continue
        try:
            return fetched.data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return fetched.data.decode("cp1252", errors="replace")


# --- reading a page ---------------------------------------------------------------------------


class _PageParser(HTMLParser):
    """Metadata every page declares about itself, and the paragraphs of its <article>."""

    _SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self.h1: str | None = None
        self.time_datetime: str | None = None
        self.article_paragraphs: list[str] = []
        self.paragraphs: list[str] = []
        self._stack_skip = 0
        self._in_article = 0
        self._in_title = False
        self._in_h1 = False
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            if key and "content" in attributes and key not in self.meta:
                self.meta[key] = attributes["content"].strip()
        elif tag == "time" and self.time_datetime is None and attributes.get("datetime"):
            self.time_datetime = attributes["datetime"]
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "article":
            self._in_article += 1
        if tag in self._SKIP:
            self._stack_skip += 1
        elif tag in {"p", "h2", "h3", "li", "blockquote"} and not self._stack_skip:
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        elif tag == "article" and self._in_article:
            self._in_article -= 1
        if tag in self._SKIP and self._stack_skip:
            self._stack_skip -= 1
        elif tag in {"p", "h2", "h3", "li", "blockquote"} and self._current is not None:
            text = " ".join("".join(self._current).split())
            if text:
                (self.article_paragraphs if self._in_article else self.paragraphs).append(text)
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = ((self.title or "") + data).strip()
        if self._in_h1 and not self._stack_skip:
            self.h1 = " ".join(((self.h1 or "") + " " + data).split())
        if self._current is not None and not self._stack_skip:
            self._current.append(data)


def _date_of(value: str | None) -> date | None:
    if not value:
        return None
    found = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not found:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def _outlet_from_url(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _trafilatura_text(markup: str, url: str) -> tuple[str | None, date | None]:
    """(text, date) from trafilatura, or (None, None) when it is not installed (or one of
    its optional parts, such as lxml_html_clean, is missing) or it finds nothing."""
    try:
        import trafilatura

        document: Any = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except ImportError:
        return None, None
    if document is None:
        return None, None
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return (data.get("text") or None), _date_of(data.get("date"))


def article_from_html(markup: str, url: str, *, use_trafilatura: bool = True) -> Article:
    """Text, title, date and outlet of one article page."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    meta = parser.meta
    title = meta.get("og:title") or parser.h1 or parser.title
    outlet = meta.get("og:site_name") or meta.get("application-name") or _outlet_from_url(url)
    published = (
        _date_of(meta.get("article:published_time"))
        or _date_of(meta.get("og:published_time"))
        or _date_of(meta.get("date"))
        or _date_of(meta.get("dc.date"))
        or _date_of(parser.time_datetime)
    )
    text, guessed_date = _trafilatura_text(markup, url) if use_trafilatura else (None, None)
    if not text:
        paragraphs = parser.article_paragraphs or parser.paragraphs
        text = "\n\n".join(paragraphs) if paragraphs else text_of_html(markup).text
    if not text or not text.strip():
        raise FetchError(f"{url}: no article text found on the page")
    return Article(
        url=url, title=title, text=text.strip(), published=published or guessed_date, outlet=outlet
    )


def fetch_article(url: str, *, timeout: float = TIMEOUT_SECONDS, allow_private: bool = True) -> Article:
    """Fetch one web page and read it as an article."""
    fetched = fetch_bytes(
        url, accept=PAGE_TYPES, timeout=timeout, allow_private=allow_private, max_bytes=MAX_PDF_BYTES
    )
    if fetched.content_type == "application/pdf" or fetched.data.startswith(b"%PDF-"):
        # A situation report or rights report linked as a PDF: its text layer.
        try:
            read = text_of_pdf(fetched.data, url)
        except BadInput as exc:
            raise FetchError(str(exc)) from None
        return Article(fetched.url, read.title, read.text, None, _outlet_from_url(fetched.url))
    if len(fetched.data) > MAX_PAGE_BYTES:
        raise FetchError(f"{url}: {len(fetched.data):,} bytes is over the {MAX_PAGE_BYTES:,}-byte limit")
    page = _decode(fetched)
    if fetched.content_type == "text/plain":
        return Article(fetched.url, None, page.strip(), None, _outlet_from_url(fetched.url))
    return article_from_html(page, fetched.url)


# --- feeds ------------------------------------------------------------------------------------


def feed_entries(data: bytes, feed_url: str) -> tuple[str | None, list[FeedEntry]]:
    """(feed title, entries) of an RSS or Atom document; links resolved against the feed URL."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.get("entries"):
        problem = parsed.get("bozo_exception")
        raise FetchError(f"{feed_url}: not an RSS or Atom feed ({problem})")
    entries: list[FeedEntry] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        content = entry.get("content") or []
        markup = content[0].get("value", "") if content else entry.get("summary", "")
        entries.append(
            FeedEntry(
                url=urllib.parse.urljoin(feed_url, link),
                title=entry.get("title"),
                published=date(when.tm_year, when.tm_mon, when.tm_mday) if when else None,
                text=text_of_html(f"<html><body>{markup}</body></html>").text if markup else "",
            )
        )
    return parsed.feed.get("title"), entries


def fetch_feed(
    url: str, *, timeout: float = TIMEOUT_SECONDS, allow_private: bool = True
) -> tuple[str | None, list[FeedEntry]]:
    fetched = fetch_bytes(
        url, accept=FEED_TYPES + ("text/html",), timeout=timeout, allow_private=allow_private
    )
    return feed_entries(fetched.data, fetched.url)


# --- into the store -----------------------------------------------------------------------------


def _save(store: Any, batch: list[Extraction], summary: IngestSummary) -> None:
    for start in range(0, len(batch), BATCH):
        added, already = store.save_many(batch[start : start + BATCH])
        summary.added += added
        summary.already += already


def ingest_urls(
    store: Any,
    urls: Iterable[str],
    *,
    published: date | None = None,
    source: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    allow_private: bool = True,
) -> IngestSummary:
    """Fetch each article URL, extract and store it; a failing URL is named and skipped.

    ``published``/``source`` given by the person win over what the page says about itself.
    """
    from dashboard.pipeline import extract_report

    summary = IngestSummary()
    started = time.perf_counter()
    batch: list[Extraction] = []
    for url in urls:
        try:
            article = fetch_article(url, timeout=timeout, allow_private=allow_private)
        except BadInput as exc:
            summary.failures.append(str(exc))
            continue
        batch.append(
            extract_report(
                article.text,
                published=published or article.published,
                source=source or article.outlet,
                title=article.title,
                url=article.url,
            )
        )
    _save(store, batch, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_feed(
    store: Any,
    feed_url: str,
    *,
    published: date | None = None,
    source: str | None = None,
    limit: int = MAX_FEED_ENTRIES,
    timeout: float = TIMEOUT_SECONDS,
    allow_private: bool = True,
) -> WebIngestSummary:
    """Every entry of an RSS/Atom feed (newest ``limit``): fetch its page, extract, store.

    When an entry's page cannot be fetched but the feed carries the article itself
    (``content:encoded`` / Atom ``content`` of some length), that text is used instead
    and a note (not a failure) says so.
    """
    from dashboard.pipeline import extract_report

    summary = WebIngestSummary()
    started = time.perf_counter()
    feed_title, entries = fetch_feed(feed_url, timeout=timeout, allow_private=allow_private)
    batch: list[Extraction] = []
    for entry in entries[:limit]:
        try:
            article = fetch_article(entry.url, timeout=timeout, allow_private=allow_private)
        except BadInput as exc:
            if len(entry.text) < MIN_FEED_TEXT:
                summary.failures.append(str(exc))
                continue
            summary.notes.append(f"{exc}; used the feed's own text of the article instead")
            article = Article(entry.url, entry.title, entry.text, entry.published, None)
        batch.append(
            extract_report(
                article.text,
                published=published or article.published or entry.published,
                source=source or article.outlet or feed_title,
                title=article.title or entry.title,
                url=article.url,
            )
        )
    _save(store, batch, summary)
    summary.seconds = time.perf_counter() - started
    return summary
