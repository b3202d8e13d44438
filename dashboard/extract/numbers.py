"""Counts as news reports write them: "1,400", "1.5 million", "thirteen", "dozens",
"between 30 and 40", "more than 100", "at least a dozen".

This module only reads *how many* and *how sure*; whether a count is a casualty figure
(and of whom) is decided by ``figures.py`` from the words around it.

Qualifiers map to ``low``/``high`` as DESIGN.md's Figure semantics say:

============  =====================================  ==================
qualifier     examples                               low / high
============  =====================================  ==================
exact         "13"                                   13 / 13
more_than     "over 1,400", "more than 100"          1401 / None
at_least      "at least 111", "no fewer than 20"     111 / None
about         "about 50", "nearly 100", "some 300"   50 / 50
up_to         "up to 10", "as many as 70"            None / 10
              "fewer than 10", "less than 10"        None / 9
range         "between 30 and 40", "30 to 40"        30 / 40
vague         "dozens", "hundreds", "scores"         24, 200, 40 / None
============  =====================================  ==================

"about" keeps the approximate value as both bounds (the text commits to neither side);
"up to" has no floor, so ``low`` is None and ``Figure.best()`` falls back to ``high``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague plurals: the floor the phrase commits to ("dozens" = at least two dozen).
VAGUE_COUNTS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
    "several dozen": 24,
    "a few dozen": 24,
    "several hundred": 200,
    "a few hundred": 200,
    "several thousand": 2000,
    "a few thousand": 2000,
}

_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORD_NUMBER = (
    rf"(?:(?:{_UNIT_WORDS})(?:[\s-]+(?:and[\s]+)?(?:{_UNIT_WORDS}|hundred|thousand|million))*"
    r"|a\s+(?:dozen|hundred|thousand)|dozen)"
)
_VAGUE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(VAGUE_COUNTS, key=len, reverse=True))
# A numeral: "1,400" (groups of three), "13", "1.5" (then a scale word). Not part of a
# longer token ("2nd", "10:30", "$5", "A320", "1.2.3").
_NUMERAL = (
    r"(?<![\w$€£¥.,:/])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:million|thousand)\b)?(?![\w:/]|[.,]\d)"
)
COUNT = rf"(?:{_VAGUE}|{_NUMERAL}|\b{_WORD_NUMBER}\b)"

_QUALIFIERS = {
    "more_than": r"over|more\s+than|upwards\s+of|in\s+excess\s+of|above|exceeding",
    "at_least": r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of",
    "about": r"about|around|nearly|almost|some|roughly|approximately|close\s+to|an\s+estimated|estimated",
    "up_to": r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than",
    "below": r"fewer\s+than|less\s+than|under",
}
_QUALIFIER_RE_PART = "|".join(rf"(?P<q_{name}>\b(?:{words})\s+)" for name, words in _QUALIFIERS.items())

QUANTITY_RE = re.compile(
    rf"""
    (?:
        \bbetween\s+(?P<b_low>{COUNT})\s+and\s+(?P<b_high>{COUNT})
      | (?:\bfrom\s+)?(?P<r_low>{COUNT})(?:(?<=\d)\s*[-–—]\s*|\s+(?:to|or)\s+)(?P<r_high>{COUNT})
      | (?:{_QUALIFIER_RE_PART})?(?P<single>{COUNT})
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Quantity:
    """A count found in text: ``text[start:end] == surface``; bounds as in the table above."""

    start: int
    end: int
    surface: str
    low: int | None
    high: int | None
    qualifier: str
    number_start: int  # where the (first) number itself starts, after any qualifier


def count_value(phrase: str) -> tuple[int, bool] | None:
    """The value of one count phrase and whether it is vague ("dozens" -> (24, True))."""
    words = " ".join(phrase.lower().replace("-", " ").split())
    if words in VAGUE_COUNTS:
        return VAGUE_COUNTS[words], True
    if words and words[0].isdigit():
        return _numeral_value(words), False
    return _words_value(words), False


def _numeral_value(words: str) -> int | None:
    scale = 1
    for name, factor in (("million", 1_000_000), ("thousand", 1000)):
        if words.endswith(name):
            scale = factor
            words = words[: -len(name)].strip()
    try:
        return round(float(words.replace(",", "")) * scale)
    except ValueError:  # pragma: no cover - the regex only lets numerals through
        return None


def _words_value(words: str) -> int | None:
    total = current = 0
    seen = False
    for word in words.split():
        if word in ("and",):
            continue
        if word == "a":
            current = 1
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _bounds(value: int, vague: bool, qualifier: str | None) -> tuple[int | None, int | None, str]:
    if qualifier == "more_than":
        return value + 1, None, "more_than"
    if qualifier == "at_least":
        return value, None, "at_least"
    if qualifier == "up_to":
        return None, value, "up_to"
    if qualifier == "below":
        return None, max(value - 1, 0), "up_to"
    if vague:
        return value, None, "vague"
    if qualifier == "about":
        return value, value, "about"
    return value, value, "exact"


def read_quantity(match: re.Match[str]) -> Quantity | None:
    """Turn one ``QUANTITY_RE`` match into a Quantity (None if the numbers do not parse)."""
    groups = match.groupdict()
    low_key, high_key = ("b_low", "b_high") if groups["b_low"] else ("r_low", "r_high")
    if groups[low_key]:
        low_v, high_v = count_value(groups[low_key]), count_value(groups[high_key])
        if low_v is None or high_v is None or low_v[0] is None or high_v[0] is None:
            return None
        low, high = sorted((low_v[0], high_v[0]))
        return Quantity(match.start(), match.end(), match.group(0), low, high, "range", match.start(low_key))
    value = count_value(groups["single"])
    if value is None or value[0] is None:
        return None
    qualifier = next((name[2:] for name, text in groups.items() if name.startswith("q_") and text), None)
    low, high, qualifier_name = _bounds(value[0], value[1], qualifier)
    return Quantity(
        match.start(), match.end(), match.group(0), low, high, qualifier_name, match.start("single")
    )


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every count in ``text[start:end]``, left to right, non-overlapping."""
    found = []
    for match in QUANTITY_RE.finditer(text, start, len(text) if end is None else end):
        quantity = read_quantity(match)
        if quantity is not None:
            found.append(quantity)
    return found
