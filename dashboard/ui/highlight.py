"""Report text as safe HTML with place mentions and casualty figures highlighted (pure).

Report text is hostile input: it may hold ``<script>``, event handlers or markup meant to
break out of an attribute. The HTML is therefore built only from escaped pieces: the text
is cut at span boundaries, every piece goes through ``html.escape``, and the only markup
added is ours (fixed tag, fixed styles, an escaped ``title``). No piece of the report is
ever interpreted as HTML or Markdown.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dashboard.model import Figure, Mention

# One style per kind (ours, constant). Later kinds in this order are drawn on top.
STYLES: dict[str, str] = {
    "summary": "background:#fff4d6;",
    "unresolved": "border-bottom:1px dashed #8a8f98;",
    "place": "background:#dbeafe;border-bottom:2px solid #2563eb;border-radius:2px;",
    "figure": "background:#fde2e1;border-bottom:2px solid #b42318;font-weight:600;border-radius:2px;",
}
_ORDER = {kind: i for i, kind in enumerate(STYLES)}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # a key of STYLES
    note: str = ""  # shown as a tooltip (escaped)


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """``text`` as escaped HTML, each span wrapped in a styled ``<span>``.

    Overlapping spans are allowed: the text is cut at every span boundary and each
    piece carries the styles and notes of all spans covering it. Spans outside the text
    or empty are ignored.
    """
    usable = [
        Span(max(0, s.start), min(len(text), s.end), s.kind, s.note)
        for s in spans
        if s.kind in STYLES and s.end > s.start and s.start < len(text) and s.end > 0
    ]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[a:b], quote=True)
        covering = sorted((s for s in usable if s.start <= a and s.end >= b), key=lambda s: _ORDER[s.kind])
        if not covering:
            out.append(piece)
            continue
        style = "".join(dict.fromkeys(STYLES[s.kind] for s in covering))
        kinds = " ".join(dict.fromkeys(f"ra-{s.kind}" for s in covering))
        notes = " · ".join(dict.fromkeys(s.note for s in covering if s.note))
        title = f' title="{html.escape(notes, quote=True)}"' if notes else ""
        out.append(f'<span class="{kinds}" style="{style}"{title}>{piece}</span>')
    return "".join(out)


def figure_span(text: str, figure: Figure) -> Span:
    """The figure's own words when they can be found in its sentence, else the sentence."""
    note = f"{figure.as_text()} {figure.category.replace('_', ' ')} {figure.outcome}"
    if figure.attributed_to:
        note += f" — {figure.attributed_to}"
    if figure.verified:
        note += " (verified)"
    if figure.surface:
        at = text.find(figure.surface, figure.start, max(figure.end, figure.start + len(figure.surface)))
        if at >= 0:
            return Span(at, at + len(figure.surface), "figure", note)
    return Span(figure.start, figure.end, "figure", note)


def report_spans(
    text: str,
    mentions: Iterable[Mention],
    figures: Iterable[Figure],
    place_names: Mapping[str, str],
    summary: tuple[int, int] | None = None,
) -> list[Span]:
    """What to highlight in one report: every place mention, the given figures, the summary."""
    spans: list[Span] = []
    if summary is not None:
        spans.append(Span(summary[0], summary[1], "summary", "the event's summary sentence"))
    for m in mentions:
        if m.place_id:
            name = place_names.get(m.place_id, m.place_id)
            spans.append(Span(m.start, m.end, "place", f"{name} ({m.place_id})"))
        else:
            spans.append(Span(m.start, m.end, "unresolved", "place not found in the gazetteer"))
    spans.extend(figure_span(text, f) for f in figures)
    return spans


def report_html(
    text: str,
    mentions: Iterable[Mention],
    figures: Iterable[Figure],
    place_names: Mapping[str, str],
    summary: tuple[int, int] | None = None,
) -> str:
    """The whole report as a readable block (line breaks kept) with its highlights."""
    body = highlight_html(text, report_spans(text, mentions, figures, place_names, summary))
    return (
        '<div class="ra-report" style="white-space:pre-wrap;line-height:1.6;font-size:0.95rem;'
        'max-height:28rem;overflow-y:auto;padding:0.75rem;border:1px solid #e3e5e8;border-radius:6px;">'
        f"{body}</div>"
    )


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>$~&:")


def md_escape(text: str) -> str:
    """Text for a Streamlit Markdown context (labels, captions) shown literally: every
    character Markdown or Streamlit's extensions (``$`` maths, ``:emoji:``) would read is
    backslash-escaped, and line breaks become spaces."""
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in flat)
