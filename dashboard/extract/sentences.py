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
import threading
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


def _word_before(text: str, floor: int, stop: int) -> str | None:
    """``_WORD_BEFORE_RE.search(text, floor, stop).group(1)``, found by walking back from
    ``stop`` (the leftmost match of an end-anchored run is the whole run before the end)."""
    end = stop
    if end > floor and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a newline that ends the searched text
    start = end
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1  # [\w.]: a word character (alphanumeric or "_") or a full stop
    return text[start:end] if start < end else None


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``text[dot]`` closes an abbreviation or an initial."""
    found = _word_before(text, max(0, dot - 20), dot)
    if found is None:
        return False
    word = found.lower().rstrip(".")
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
    groups_of = _groups_of(stems)
    if not groups_of:
        return found
    starts = [start for start, _ in spans]
    for at, stem in stem_occurrences(lowered, tuple(groups_of)):
        index = bisect_right(starts, at) - 1
        for group in groups_of[stem]:
            found.setdefault(group, set()).add(index)
    return found


@lru_cache(maxsize=64)
def _groups_of(stems: tuple[tuple[str, Hashable], ...]) -> dict[str, tuple[Hashable, ...]]:
    """Each (non-empty) stem's groups, in order, without repeats."""
    groups: dict[str, list[Hashable]] = {}
    for stem, group in stems:
        if stem:
            groups.setdefault(stem, []).append(group)
    return {stem: tuple(dict.fromkeys(of)) for stem, of in groups.items()}


# --- every stem occurrence of a text, for all callers in one pass ---------------------------
#
# Figures (outcome stems), events (trigger stems) and the count and date finders (number and
# date word roots) each look for a few dozen stems in the same lower-cased report. One
# automaton over all the stem sets asked for so far finds them all in one pass over the
# text, remembered for the next caller: each pass over a report costs about as much as
# another, whatever the number of stems.

_STEM_SETS: dict[tuple[str, ...], int] = {}  # stem set -> its number, in order of first use
_MAX_STEM_SETS = 16  # further sets (tests with made-up stems) get an automaton of their own
_STEM_SETS_LOCK = threading.Lock()


def stem_occurrences(lowered: str, stems: tuple[str, ...]) -> list[tuple[int, str]]:
    """``(start, stem)`` of every occurrence of every stem of ``stems`` in ``lowered``
    (overlapping ones too), in the order an Aho-Corasick pass meets their ends."""
    number = _STEM_SETS.get(stems)
    if number is None:
        with _STEM_SETS_LOCK:
            number = _STEM_SETS.get(stems)
            if number is None and len(_STEM_SETS) < _MAX_STEM_SETS:
                number = _STEM_SETS[stems] = len(_STEM_SETS)
    if number is None:
        automaton = _own_automaton(stems)
        return (
            [
                (last - length + 1, lowered[last - length + 1 : last + 1])
                for last, length in automaton.iter(lowered)
            ]
            if automaton
            else []
        )
    return _all_occurrences(lowered, tuple(_STEM_SETS))[number]


@lru_cache(maxsize=8)  # the callers of one report follow each other
def _all_occurrences(lowered: str, stem_sets: tuple[tuple[str, ...], ...]) -> list[list[tuple[int, str]]]:
    found: list[list[tuple[int, str]]] = [[] for _ in stem_sets]
    automaton = _union_automaton(stem_sets)
    if automaton is None:
        return found
    for last, (stem, numbers) in automaton.iter(lowered):
        occurrence = (last - len(stem) + 1, stem)
        for number in numbers:
            found[number].append(occurrence)
    return found


@lru_cache(maxsize=4)
def _union_automaton(stem_sets: tuple[tuple[str, ...], ...]) -> Any:
    """Automaton over the stems of every set; each key's value: (the stem, its sets' numbers)."""
    sets_of: dict[str, list[int]] = {}
    for number, stems in enumerate(stem_sets):
        for stem in dict.fromkeys(stems):
            if stem:
                sets_of.setdefault(stem, []).append(number)
    if not sets_of:
        return None
    automaton = ahocorasick.Automaton()
    for stem, numbers in sets_of.items():
        automaton.add_word(stem, (stem, tuple(numbers)))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=64)
def _own_automaton(stems: tuple[str, ...]) -> Any:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for stem in stems:
        if stem:
            automaton.add_word(stem)
    if not len(automaton):
        return None
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
