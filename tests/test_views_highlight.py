"""The report text shown in the event card: highlights built from escaped pieces only."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from dashboard.model import Figure, Mention
from dashboard.ui.highlight import Span, highlight_html, md_escape, report_html

TEXT = "News reports confirm over 1,400 civilian deaths in Latakia. The UN verified at least 111."


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    return parser


def test_places_and_figures_are_wrapped_and_text_is_unchanged():
    start = TEXT.index("Latakia")
    figure_at = TEXT.index("over 1,400")
    markup = highlight_html(
        TEXT,
        [
            Span(start, start + 7, "place", "Latakia (geonames:173576)"),
            Span(figure_at, figure_at + 10, "figure"),
        ],
    )
    parsed = _parse(markup)
    assert "".join(parsed.text) == TEXT  # not a character lost or added
    kinds = [attrs.get("class") for tag, attrs in parsed.tags]
    assert kinds == ["ra-figure", "ra-place"]
    assert re.search(r'<span class="ra-place"[^>]*title="Latakia \(geonames:173576\)">Latakia</span>', markup)


def test_hostile_text_and_notes_are_escaped():
    text = 'Killed 5 <script>alert(1)</script> in "Homs" <img src=x onerror=alert(2)>'
    markup = highlight_html(
        text, [Span(0, 6, "figure", '"><script>alert(3)</script>'), Span(25, 40, "place")]
    )
    parsed = _parse(markup)
    assert {tag for tag, _ in parsed.tags} == {"span"}  # only our own markup
    assert "".join(parsed.text) == text
    assert "<script" not in markup and "<img" not in markup
    assert "&lt;script&gt;" in markup


def test_overlapping_spans_split_the_text_and_keep_every_note():
    markup = highlight_html("abcdef", [Span(0, 4, "summary", "s"), Span(2, 6, "place", "p")])
    parsed = _parse(markup)
    assert "".join(parsed.text) == "abcdef"
    classes = [attrs["class"] for _, attrs in parsed.tags]
    assert classes == ["ra-summary", "ra-summary ra-place", "ra-place"]
    assert [attrs.get("title") for _, attrs in parsed.tags] == ["s", "s · p", "p"]


def test_spans_outside_the_text_or_empty_are_ignored():
    assert highlight_html("abc", [Span(5, 9, "place"), Span(1, 1, "figure"), Span(0, 2, "nonsense")]) == "abc"
    assert highlight_html("abc", [Span(-3, 1, "place")]).startswith('<span class="ra-place"')


def test_report_html_highlights_mentions_and_the_figure_words():
    latakia = TEXT.index("Latakia")
    sentence_end = TEXT.index(".") + 1
    mentions = [Mention("r1", latakia, latakia + 7, "Latakia", "geonames:173576", 0.9)]
    figure = Figure(
        id="f1", report_id="r1", low=1401, high=None, qualifier="more_than", category="civilians",
        outcome="killed", attributed_to="news reports", verified=False, start=0, end=sentence_end,
        surface="over 1,400",
    )  # fmt: skip
    markup = report_html(TEXT, mentions, [figure], {"geonames:173576": "Latakia"})
    assert re.search(
        r'class="ra-figure"[^>]*title="&gt;1,400 civilians killed — news reports">over 1,400<', markup
    )
    assert re.search(r'class="ra-place"[^>]*>Latakia<', markup)
    assert "white-space:pre-wrap" in markup


def test_md_escape_shows_markdown_literally():
    assert md_escape("**bold** [x](javascript:y) $a$ :skull:") == (
        "\\*\\*bold\\*\\* \\[x\\]\\(javascript\\:y\\) \\$a\\$ \\:skull\\:"
    )
    assert md_escape("two\nlines") == "two lines"
