"""Hostile and arbitrary text never breaks extraction: no exception, offsets inside the
text, low <= high, dates ordered."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.extract.dates import date_mentions, publication_date
from dashboard.extract.events import build_events
from dashboard.extract.figures import casualty_figures
from dashboard.extract.sentences import sentence_spans
from dashboard.model import Report

# Fragments that make the extractors do real work, mixed with arbitrary unicode.
FRAGMENTS = st.sampled_from(
    [
        " killed ",
        " at least 13 ",
        " over 1,400 civilian deaths",
        " between 30 and 40 ",
        " dozens of ",
        " said ",
        " according to the ",
        " on Thursday",
        " last week",
        " 6 March 2025",
        ". ",
        "\n",
        " ambush ",
        " Mr. ",
        '"',
        "’s ",
        " İstanbul ",
        " 10:30 ",
        " $5 ",
        " twenty-one ",
        " fled ",
        " sheltering at ",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=30), FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    published=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))),
)
def test_extractors_never_break(text: str, published: date | None) -> None:
    for start, end in sentence_spans(text):
        assert 0 <= start < end <= len(text)

    figures = casualty_figures(text, "r1")
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert f.surface and f.surface in text[f.start : f.end]
        assert f.low is not None or f.high is not None
        if f.low is not None and f.high is not None:
            assert f.low <= f.high

    dates = date_mentions(text, published)
    for d in dates:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.surface
        assert d.date_start <= d.date_end
    publication_date(text)

    report = Report("r1", "t", None, None, published, "en", text)
    for event in build_events(report, [], [], figures, dates):
        assert 0 <= event.summary_start < event.summary_end <= len(text)
        assert text[event.summary_start : event.summary_end] == event.summary
        if event.date_start is not None and event.date_end is not None:
            assert event.date_start <= event.date_end
