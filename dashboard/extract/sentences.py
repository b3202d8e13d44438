"""Sentence boundaries for news text, as character spans.

Figures and events keep the offsets of the sentence they came from, so the splitter
returns ``(start, end)`` spans into the original text rather than strings. Wire copy
has a few habits a naive ``split(".")`` gets wrong:

- abbreviations and initials ("Gen. Smith", "the U.N. said", "Mr. al-Haik") do not end
  a sentence;
- a full stop inside a closing quote (``...home." He said``) ends the sentence after
  the quote;
- headlines and datelines have no final full stop, so every line break is a boundary;
- a quote ending in "," or "?" followed by a lower-case word (``"... here," he said``)
  continues the same sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable
from functools import lru_cache
from operator import itemgetter
from typing import Any

import ahocorasick

# Words that end with a full stop without ending the sentence. Lower-case, without the dot.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr st sr jr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr gov sen rep pres
    rev fr hon amb dept est approx vs fig al inc ltd co corp bros
    jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri
    u.s u.n u.k e.g i.e a.m p.m
    """.split()
)

# A candidate end: terminal punctuation, any closing quotes/brackets, then whitespace.
# (The first mark written out, not "+": a pattern that opens with one character class lets
# the regex engine skip to the next mark instead of trying the pattern at every offset.)
_END_RE = re.compile(r"""[.!?…][.!?…]*["'”’»)\]]*(?=\s)""")
# Text that may start a sentence: optional opening quote/bracket, then an upper-case
# letter or a digit. Lower-case after a full stop almost always means an abbreviation.
_START_RE = re.compile(r"""\s+["'“‘«(\[]*[\w]""")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``text[dot]`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE_RE.search(text, max(0, dot - 20), dot)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # Single letters ("J. Smith") and dotted acronyms ("U.S.") are initials.
    return len(word) == 1 and word.isalpha() or ("." in word and len(word) <= 6)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    sentence_start = start
    for match in _END_RE.finditer(text, start, end):
        stop = match.end()
        follow = _START_RE.match(text, stop, end)
        if not follow:
            continue
        first = text[follow.end() - 1]
        if not (first.isupper() or first.isdigit()):
            continue
        punct = match.group(0)
        if punct[0] == "." and len(punct.rstrip("\"'”’»)]")) == 1 and _is_abbreviation(text, match.start()):
            continue
        span = _trimmed(text, sentence_start, stop)
        if span:
            out.append(span)
        sentence_start = stop
    span = _trimmed(text, sentence_start, end)
    if span:
        out.append(span)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence in ``text``, in order, whitespace trimmed.

    Every line break is a boundary (headlines and datelines carry no full stop);
    within a line, a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing
    quotes) followed by a capital letter or digit, unless the full stop closes an
    abbreviation or initial.
    """
    # Figures and events both split the same report: the cache saves the second pass.
    return list(_cached_spans(text))


@lru_cache(maxsize=8)
def _cached_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split(text))


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line_start = 0
    length = len(text)
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = length
        _split_line(text, line_start, line_end, spans)
        line_start = line_end + 1
    return spans


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the span containing ``offset`` (or the last span starting before it); -1 if none."""
    # bisect in C: figures, dates and events ask this for every count, mention and date.
    return bisect_right(spans, offset, key=_span_start) - 1


_span_start = itemgetter(0)


def sentences_containing(lowered: str, spans: list[tuple[int, int]], stems: tuple[str, ...]) -> set[int]:
    """Indexes of the spans in which any of ``stems`` occurs in ``lowered`` (the lower-cased text).

    One pass of a multi-pattern automaton over the text finds every occurrence of every
    stem (a ``str.find`` loop per stem costs a pass over the text per stem).
    """
    return sentences_containing_each(lowered, spans, tuple((stem, 0) for stem in stems)).get(0, set())


def sentences_containing_each(
    lowered: str, spans: list[tuple[int, int]], stems: tuple[tuple[str, Hashable], ...]
) -> dict[Hashable, set[int]]:
    """``sentences_containing`` for several groups of stems at once: ``stems`` pairs each
    stem with its group (a stem may be in several); the answer maps each group with a hit
    to the indexes of the spans holding one of its stems."""
    found: dict[Hashable, set[int]] = {}
    automaton = _stem_automaton(stems)
    if automaton is None:
        return found
    starts = [start for start, _ in spans]
    for last, (length, groups) in automaton.iter(lowered):
        index = bisect_right(starts, last - length + 1) - 1
        for group in groups:
            found.setdefault(group, set()).add(index)
    return found


@lru_cache(maxsize=64)
def _stem_automaton(stems: tuple[tuple[str, Hashable], ...]) -> Any:
    """Aho-Corasick automaton over the stems; each key's value: (its length, its groups)."""
    groups: dict[str, list[Hashable]] = {}
    for stem, group in stems:
        if stem:
            groups.setdefault(stem, []).append(group)
    if not groups:
        return None
    automaton = ahocorasick.Automaton()
    for stem, of in groups.items():
        automaton.add_word(stem, (len(stem), tuple(dict.fromkeys(of))))
    automaton.make_automaton()
    return automaton


def title_end(text: str, spans: list[tuple[int, int]]) -> int:
    """End offset of the report's title line, or 0 when it has none.

    A title is a first line with no final punctuation followed by more text; it repeats
    what the body says, so figures and events are read from the body only.
    """
    if len(spans) < 2:
        return 0
    start, end = spans[0]
    newline = text.find("\n", start)
    if newline < 0 or newline < end or text[end - 1] in '.!?"”’':
        return 0
    return end
