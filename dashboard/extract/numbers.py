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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dashboard.extract.sentences import stem_occurrences

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
# (South Asian copy counts in lakhs and crores: "1.5 lakh people displaced", "two lakh")
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "million": 1_000_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}

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
    # "twenty-two", "one hundred and five"; not "five - two" (a dash between two counts)
    rf"(?:(?:{_UNIT_WORDS})(?:(?:-|\s+)(?:and[\s]+)?(?:{_UNIT_WORDS}|hundred|thousand|lakhs?|million|crores?|dozen))*"
    # "a hundred and thirty-three", "a thousand"; "half a dozen" (six)
    rf"|a\s+(?:hundred|thousand)(?:(?:-|\s+)(?:and[\s]+)?(?:{_UNIT_WORDS}))*|a\s+dozen|half\s+a\s+dozen|dozen)"
)
_VAGUE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(VAGUE_COUNTS, key=len, reverse=True))
# A numeral: "1,400" (groups of three), "13", "1.5" (then a scale word). Not part of a
# longer token ("2nd", "10:30", "$5", "A320", "1.2.3"); "put the toll at 11: eight ..." is a count.
# Thousands grouped as much of the world writes them are read too: "6 270" (a space, also
# no-break or thin), "18.000" (dots, exactly three digits a group; "1.5" stays a decimal),
# "1,50,000" (Indian grouping: lakhs and crores in pairs of digits before the last three).
_NUMERAL = (
    r"(?<![\w$€£¥.,:/])(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]|\s\d)"
    r"|\d{1,3}(?:\.\d{3})+(?!\s*(?:million|thousand)\b)|\d+(?:\.\d+)?)"
    r"(?:\s*(?:million|thousand|lakhs?|crores?)\b|k\b)?(?![\w/]|[.,:]\d)"  # ("12k": thousands, as posts write them)
)
_GROUPED_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+")
# Numerals first (most counts are numerals); "dozens"/"tens of thousands" fall through the
# word-number branch (its \b fails inside "dozens", "tens") to the vague plurals.
COUNT = rf"(?:{_NUMERAL}|\b{_WORD_NUMBER}\b|{_VAGUE})"

_QUALIFIERS = {
    "more_than": r"over|more\s+than|upwards\s+of|in\s+excess\s+of|above|exceeding",
    "at_least": r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|not\s+fewer\s+than|a\s+minimum\s+of",
    "about": r"about|around|nearly|almost|some|roughly|approximately|close\s+to|an\s+estimated|estimated",
    "up_to": r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than",
    "below": r"fewer\s+than|less\s+than|under",
}
_QUALIFIER_RE_PART = r"(?P<qualifier>\b(?:" + "|".join(_QUALIFIERS.values()) + r")\s+)"
# The qualifier's words (lower case, single spaces) -> its name.
_QUALIFIER_OF = {
    " ".join(words.replace("\\s+", " ").split()): name
    for name, alternatives in _QUALIFIERS.items()
    for words in alternatives.split("|")
}

# A qualifier written after the number ("killing 12 at least", "70 or more"), not before
# another count ("12 at least 3 of them children" reads no further).
_QUALIFIER_AFTER_RE = re.compile(r" (?:(?P<at_least>at least|or more)|(?P<up_to>at most|or fewer|or less))(?![\w-]| \d)")
_RANGE_SEPARATOR = r"(?:(?<=\d)\s*[-–—]\s*|\s+(?:to|or)\s+)"
# One pass over the count: an optional qualifier, the count, an optional second count
# making a range. ("at least 30 to 40" is read as the range 30-40.)
QUANTITY_RE = re.compile(
    rf"""
    (?:
        \bbetween\s+(?P<b_low>{COUNT})\s+and\s+(?P<b_high>{COUNT})
      | \bfrom\s+(?P<f_low>{COUNT}){_RANGE_SEPARATOR}(?P<f_high>{COUNT})
      | (?:{_QUALIFIER_RE_PART})?(?P<single>{COUNT})(?:{_RANGE_SEPARATOR}(?P<r_high>{COUNT}))?
    )
    """,
    re.VERBOSE,  # matched against lower-cased text (see lower_same_length): much faster than IGNORECASE
)


# Not frozen (~20 per report; a frozen dataclass's __init__ costs three times as much), but
# hashable like one: treat it as immutable.
@dataclass(unsafe_hash=True)
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
    value = _numeral_value(words) if words and words[0].isdigit() else _words_value(words)
    return None if value is None else (value, False)


def _numeral_value(words: str) -> int | None:
    scale = 1
    if words.endswith("k"):
        scale, words = 1000, words[:-1]
    for name, factor in (("million", 1_000_000), ("thousand", 1000), ("lakhs", 100_000), ("lakh", 100_000), ("crores", 10_000_000), ("crore", 10_000_000)):
        if words.endswith(name):
            scale = factor
            words = words[: -len(name)].strip()
    if _GROUPED_RE.fullmatch(words):
        words = words.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(".", "")
    try:
        return round(float(words.replace(",", "")) * scale)
    except ValueError:  # pragma: no cover - the regex only lets numerals through
        return None


def _words_value(words: str) -> int | None:
    if words == "half a dozen":
        return 6
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


def read_quantity(match: re.Match[str], text: str) -> Quantity | None:
    """Turn one ``QUANTITY_RE`` match (on the lower-cased ``text``) into a Quantity.

    None if the numbers do not parse. ``surface`` is taken from ``text`` as written.
    """
    surface = text[match.start() : match.end()]
    single = match.group("single")
    pairs = (
        ((single, match.group("r_high"), "single"),)
        if single
        else (
            (match.group("b_low"), match.group("b_high"), "b_low"),
            (match.group("f_low"), match.group("f_high"), "f_low"),
        )
    )
    for low_text, high_text, low_key in pairs:
        if low_text and high_text:
            low_v, high_v = count_value(low_text), count_value(high_text)
            if low_v is None or high_v is None:
                return None
            first, second = sorted((low_v[0], high_v[0]))
            return Quantity(match.start(), match.end(), surface, first, second, "range", match.start(low_key))
    value = count_value(single or "")
    if value is None:
        return None
    qualifier_words = match.group("qualifier")
    qualifier = _QUALIFIER_OF.get(" ".join(qualifier_words.split())) if qualifier_words else None
    end = match.end()
    if qualifier is None and not value[1] and text[end : end + 1] == "+" and single[:1].isdigit():
        # "40+ wounded", "27+": more than the number, as tables and live pages write it.
        qualifier, end, surface = "more_than", end + 1, text[match.start() : end + 1]
    elif not value[1] and text.startswith(" or so", end) and not text[end + 6 : end + 7].isalnum():
        # "another 300 or so wounded", "some 40 or so people": about the number.
        qualifier, end, surface = qualifier or "about", end + 6, text[match.start() : end + 6]
    elif qualifier is None and not value[1] and (after := _QUALIFIER_AFTER_RE.match(text, end)) is not None:
        # "12 at least", "70 or more": the qualifier after the number
        qualifier, end = after.lastgroup, after.end()
        surface = text[match.start() : end]
    low, high, qualifier_name = _bounds(value[0], value[1], qualifier)
    return Quantity(match.start(), end, surface, low, high, qualifier_name, match.start("single"))


# --- finding counts fast ----------------------------------------------------------------
#
# Running QUANTITY_RE over a whole report tries its big alternation at every character
# (~1 microsecond each: milliseconds per report). Instead, a cheap scan finds the
# *anchors* every count must contain (a digit or a number word), and the full pattern is
# only tried at the anchor and at the few word starts before it that can open a count
# ("more than", "at least", "between", "a", "tens of").


_OPENING_MARKS = "\"“‘'(["


def words_before(text: str, position: int, count: int) -> list[tuple[int, str]]:
    """Up to ``count`` words right before ``position`` as (start, word), nearest first.

    Words are separated by spaces or hyphens; punctuation or a line break ends the
    search, because expressions such as "more than 30" never span a comma.
    """
    if position < 2 or text[position - 1] not in " \t-":
        return []
    low = max(0, position - 16 * count - 16)  # room for ``count`` ordinary words
    parts = text[low:position].replace("-", " ").replace("\t", " ").split(" ")
    found: list[tuple[int, str]] = []
    end = position
    for index in range(len(parts) - 1, -1, -1):
        part = parts[index]
        start = end - len(part)
        if part:
            line_break = part.rfind("\n")
            if line_break >= 0:  # the word after a line break counts; nothing before it does
                part, start = part[line_break + 1 :], start + line_break + 1
            if not part or (index == 0 and low > 0 and line_break < 0):
                break  # a line break right before, or a word cut at the window's edge
            # The word after an opening quote or bracket counts ("“At least 30 ..."); nothing before it.
            # (Plain words, nearly all of them, skip the lstrip and replace calls: same answer.)
            opening = len(part) - len(part.lstrip(_OPENING_MARKS)) if part[0] in _OPENING_MARKS else 0
            if opening:
                part, start = part[opening:], start + opening
            if not part or not (part.isalnum() or part.replace("'", "").replace("’", "").isalnum()):
                break  # punctuation
            found.append((start, part))
            if len(found) == count or line_break >= 0 or opening:
                break
        end = start - 1  # the separator before this part
    return found


@lru_cache(maxsize=8)  # figures, dates and events each lower the same report
def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer ("İ") stay as they are,
    so that offsets into the result are offsets into ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# An escape ("\W", "\b"), a group name ("(?P<o_killed>", "(?P=name)") or an upper-case letter.
_PATTERN_PIECE = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|[A-Z]")


def caseless(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (compiled with IGNORECASE) for lower-cased ASCII text: its letters in lower
    case, without the flag. For an ASCII ``s``, ``caseless(p).match(s.lower(), i)`` succeeds
    exactly where ``p.match(s, i)`` does, with the same spans; it is about twice as fast on
    long alternations, because the case-blind engine cannot skip an alternative on its first
    letter. (Non-ASCII text keeps ``pattern``: case folding there is more than ``lower()``.)"""
    source = _PATTERN_PIECE.sub(
        lambda m: m.group(0).lower() if len(m.group(0)) == 1 else m.group(0), pattern.pattern
    )
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


def anchor_positions(lowered: str, roots: tuple[str, ...], words: frozenset[str]) -> list[int]:
    """Sorted start offsets of digit runs and of the words in ``words`` within ``lowered``.

    Every word of ``words`` must begin with one of ``roots``: every occurrence of every root
    is found in one Aho-Corasick pass (shared with the other stem finders of the report, see
    ``sentences.stem_occurrences``), and only those that open a word of ``words`` count.
    """
    found = set(_digit_run_starts(lowered))
    isalpha, match = str.isalpha, _LETTERS_RE.match
    for i, _ in stem_occurrences(lowered, roots):
        if i == 0 or not isalpha(lowered[i - 1]):
            word = match(lowered, i)
            if word is not None and word.group(0) in words:
                found.add(i)
    return sorted(found)


@lru_cache(maxsize=8)  # figures and dates both look for counts in the same report
def _digit_run_starts(lowered: str) -> tuple[int, ...]:
    r"""Start offsets of the ``_DIGITS_RE`` matches in ``lowered``, found faster (~10x for ASCII).

    ``\d+`` is written ``\d\d*`` (the same matches): a pattern that opens with a single
    class or literal lets the regex engine skip ahead to it, where ``\d+`` is tried at
    every offset. ASCII text is searched as bytes with digits coded "d" and "." / "," coded
    "p" (one byte per character, so offsets hold), where the opening literal is found by a
    memchr-like scan.
    """
    if lowered.isascii():
        coded = lowered.encode("ascii").translate(_DIGIT_CODES)
        return tuple([m.start() for m in _CODED_DIGITS_RE.finditer(coded)])
    return tuple([m.start() for m in _DIGITS_FAST_RE.finditer(lowered)])


_DIGITS_FAST_RE = re.compile(r"\d\d*(?:[.,]\d+)*")  # _DIGITS_RE, same matches
# ASCII 0-9 -> "d", "." and "," -> "p", any other byte -> " ".
_DIGIT_CODES = bytes(
    ord("d") if 48 <= b <= 57 else ord("p") if b in (44, 46) else ord(" ") for b in range(256)
)
_CODED_DIGITS_RE = re.compile(rb"dd*(?:pd+)*")


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def anchored_matches(
    pattern: re.Pattern[str],
    text: str,
    lowered: str,
    anchors: list[int],
    openers: frozenset[str],
    back: int,
) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` that contain an anchor, in order.

    ``pattern`` (written in lower case, compiled without IGNORECASE) is matched against
    ``lowered`` = ``lower_same_length(text)``, so match offsets are offsets into ``text``.
    It is tried at up to ``back`` words before each anchor whose word is one of
    ``openers`` (farthest first), then at the anchor itself.
    """
    end = len(text)
    found: list[re.Match[str]] = []
    covered = 0
    for position in anchors:
        if position < covered:
            continue
        candidates = [
            s
            for s, word in reversed(words_before(lowered, position, back))
            if s >= covered and word in openers
        ]
        candidates.append(position)
        for candidate in candidates:
            match = pattern.match(lowered, candidate, min(end, position + 120))
            if match is not None and match.end() > position:
                found.append(match)
                covered = match.end()
                break
    return found


_COUNT_WORDS = frozenset(
    set(_UNITS) | set(_SCALES) | {"dozen", "dozens", "scores", "tens", "hundreds", "thousands", "millions"}
)
# Every count word begins with one of these.
_COUNT_ROOTS = tuple(
    (
        "one two three thirt four fift five six seven eight nine ten eleven twelve twenty forty hundred"
        " thousand million dozen score lakh crore"
    ).split()
)
assert all(word.startswith(_COUNT_ROOTS) for word in _COUNT_WORDS)
# First words of the phrases that can open a count before its number.
_COUNT_OPENERS = frozenset(
    """over more upwards in above exceeding at no not a an about around nearly almost some roughly
    approximately close estimated up as fewer less under between from several few tens hundreds half""".split()  # ("half a dozen")
)


def find_quantities(
    text: str, lowered: str | None = None, keep: Callable[[int], bool] | None = None
) -> list[Quantity]:
    """Every count in ``text``, left to right, non-overlapping.

    ``lowered`` (``lower_same_length(text)``) may be passed in when the caller has it;
    ``keep(offset)`` may skip counts by where their number is (e.g. sentences that cannot
    hold a casualty figure), which saves the costly pattern match for them.
    """
    if lowered is None:
        lowered = lower_same_length(text)
    anchors = anchor_positions(lowered, _COUNT_ROOTS, _COUNT_WORDS)
    if keep is not None:
        anchors = [a for a in anchors if keep(a)]
    found: list[Quantity] = []
    for match in anchored_matches(QUANTITY_RE, text, lowered, anchors, _COUNT_OPENERS, 3):
        if match.group("r_high") and (_year_before_to(match, lowered) or _dateline_before_dash(match, lowered)):
            # "since October 2023 to 44,000": a year, then the count "to" reaches -- two counts.
            parts = (
                QUANTITY_RE.match(lowered, match.start(), match.end("single")),
                QUANTITY_RE.match(lowered, match.start("r_high"), match.end()),
            )
        elif match.group("f_high") and _CHANGE_BEFORE_RE.search(lowered, max(0, match.start() - 24), match.start()):
            # "the toll climbed from 45 to at least 100": the earlier count and the new one,
            # not a range of one count.
            parts = (
                QUANTITY_RE.match(lowered, match.start("f_low"), match.end("f_low")),
                QUANTITY_RE.match(lowered, match.start("f_high"), match.end()),
            )
        else:
            parts = (match, None)
        for part in parts:
            quantity = read_quantity(part, text) if part is not None else None
            if quantity is None:
                continue
            if (
                found
                and text.startswith(")", quantity.end)
                and text[found[-1].end : quantity.start] == " ("
                and _restates(found[-1], quantity)
            ):
                # "forty-four (44) civilians", "12 (twelve) people" (communiques write counts
                # twice): one count, so that what follows ("civilians") is what it counts.
                previous = found[-1]
                found[-1] = Quantity(
                    previous.start,
                    quantity.end + 1,
                    text[previous.start : quantity.end + 1],
                    previous.low,
                    previous.high,
                    previous.qualifier,
                    previous.number_start,
                )
                continue
            found.append(quantity)
    return found


def _restates(previous: Quantity, bracketed: Quantity) -> bool:
    """Whether the count in brackets writes ``previous``'s number again in digits or words:
    "four (4)", "at least fifty (50)", "more than 20 (twenty)" (the qualifier stays outside)."""
    if (previous.low, previous.high) == (bracketed.low, bracketed.high):
        return True
    if bracketed.qualifier != "exact" or bracketed.low is None:
        return False
    n = bracketed.low
    return n in (previous.low, previous.high) or (previous.qualifier == "more_than" and previous.low == n + 1)


# A count that changed: "rose from 12 to 19", "was revised up from 45 to 100".
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|climbs|increased|increasing|jumped|grew|grown|went\s+up"
    r"|gone\s+up|soared|fell|dropped|revised(?:\s+(?:up|upwards|down|downwards))?)\s+$"
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# Month names and their abbreviations, lower case (also the figure reader's dates).
MONTH_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Words after which a four-digit number is a year: "in 2023", "since October 2023".
_YEAR_CUES = MONTH_WORDS | frozenset("in since of until till from year during by".split())


def _year_before_to(match: re.Match[str], lowered: str) -> bool:
    """Whether a range match "A to B" starts with a year named as a date ("since October 2023 to")."""
    single = match.group("single")
    if not _YEAR_RE.fullmatch(single) or match.group("qualifier"):
        return False
    before = words_before(lowered, match.start("single"), 1)
    if bool(before) and before[0][1] in _YEAR_CUES:
        return True
    # "* August 15, 2023 - Seventeen soldiers were killed": a dated line, then its count.
    return _spaced_dash(match, lowered)


def _spaced_dash(match: re.Match[str], lowered: str) -> bool:
    between = lowered[match.end("single") : match.start("r_high")]
    return between.strip() in ("-", "–", "—") and between.startswith(" ")


def _dateline_before_dash(match: re.Match[str], lowered: str) -> bool:
    """ "BAMAKO, Sept 18 - Dozens of people were killed": a wire dateline's day, then the
    story's first count (a spaced dash after a day of the month or before a number word)."""
    if match.group("qualifier") or not _spaced_dash(match, lowered):
        return False
    if match.group("r_high")[:1].isalpha():
        return True
    before = words_before(lowered, match.start("single"), 1)
    return bool(before) and before[0][1].rstrip(".") in MONTH_WORDS  # ("Sept. 18")
