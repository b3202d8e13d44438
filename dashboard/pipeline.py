"""Report text -> Extraction: the one path every entry point (CLI, app, demo, evaluate) uses.

extract (sentences, figures, dates, events) and geocode (place mentions) are pure; this
module only wires them in DESIGN.md's order: text -> places -> figures/dates -> events.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from dashboard.extract.dates import date_mentions, publication_date
from dashboard.extract.events import build_events
from dashboard.extract.figures import casualty_figures
from dashboard.extract.layout import unwrap_margin_breaks
from dashboard.geocode.gazetteer import Gazetteer, load_gazetteer
from dashboard.geocode.resolve import resolve_places
from dashboard.model import Extraction, Report


def extract_report(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str = "en",
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Read one report: its places, casualty figures, dates and events, with offsets."""
    report = Report.from_text(
        text,
        title=title,
        source=source,
        url=url,
        published=published,
        language=language,
        ingested_at=datetime.now(UTC),
    )
    # Offsets below refer to report.text (the normalised text), which is what is stored.
    body = report.text
    if report.published is None:
        found = publication_date(body)
        if found is not None:
            report = Report.from_dict({**report.to_dict(), "published": found})
    # Text copied from a PDF breaks its lines at the margin; the readers see it unwrapped.
    # (Same length, so every offset holds in report.text.)
    reading = unwrap_margin_breaks(body)
    mentions, places = resolve_places(reading, report.id, gazetteer or load_gazetteer())
    figures = casualty_figures(reading, report.id)
    dates = date_mentions(reading, report.published)
    events = build_events(
        report if reading is body else replace(report, text=reading), mentions, places, figures, dates
    )
    return Extraction(
        report=report,
        mentions=tuple(mentions),
        places=tuple(places),
        figures=tuple(figures),
        events=tuple(events),
    )
