"""Dates in a report: absolute ("6 March", "March 7, 2025", "7 March 2025", "March 2024")
and relative ("last week", "on Thursday", "over the past week", "since Thursday",
"yesterday", "last month", "three days ago"), each resolved to a date range against the
publication date, with a precision (day | week | month | year).

Speed: dateparser costs about half a millisecond per call and several milliseconds to
build a parser, far too much to run over every token of every report. So one compiled
regex finds the candidate spans, relative expressions are resolved by calendar arithmetic
(dateparser gives a single point for "last week", not the range we need), and dateparser
reads only the absolute dates, through caches keyed on (text, publication date), so a
corpus that says "6 March" a thousand times parses it once.

Calendar choices (documented because tests and the map rely on them):

- weeks run Monday..Sunday; "last week" is the whole previous week (published Friday
  2025-03-14 -> 2025-03-03..2025-03-09); "this week" is Monday..published;
- "over/in the past week", "the past seven days" -> published-7..published (week);
  "the past few days", "recent days" -> published-3..published (week);
- a weekday ("on Thursday", "Thursday night") is the most recent such day on or before
  the publication date; "last Thursday" is the most recent one strictly before it;
- "since X" runs from X's start to the publication date, with X's precision;
- a day and month without a year take the most recent such date on or before publication;
- without a publication date, only expressions that carry their own year are resolved.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dashboard.extract.numbers import anchor_positions, anchored_matches, count_value, lower_same_length

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NAMES = "|".join(_WEEKDAYS)
_SMALL_COUNT = r"\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

_MONTH_NAMES_LOWER = _MONTH_NAMES.lower()
_FULL_MONTHS_LOWER = _FULL_MONTHS.lower()
# Matched against lower-cased text (numbers.lower_same_length): much faster than IGNORECASE.
_DATE_RE = re.compile(
    rf"""
    (?P<since>\bsince\s+)?
    (?:
        \b(?P<d1>{_DAY})(?:\s*(?:-|–|to|and)\s*(?P<d1b>{_DAY}))?\s+(?:of\s+)?(?P<m1>{_MONTH_NAMES_LOWER})\.?
            (?:,?\s+(?P<y1>(?:19|20)\d{{2}}))?\b
      | \b(?P<m2>{_MONTH_NAMES_LOWER})\.?\s+(?P<d2>{_DAY})(?:\s*(?:-|–)\s*(?P<d2b>{_DAY}))?
            (?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?\b(?![:.]\d)
      | \b(?:(?:early|late|mid)[\s-]+)?(?P<m3>{_MONTH_NAMES_LOWER})\.?,?\s+(?P<y3>(?:19|20)\d{{2}})\b
      | \b(?P<iso>(?:19|20)\d{{2}}-[01]\d-[0-3]\d)\b
      | \b(?:in|during|throughout|early|late|mid|until|by)[\s-]+(?P<m5>{_FULL_MONTHS_LOWER})\b
            (?:,?\s+(?P<y5>(?:19|20)\d{{2}})\b)?
      | \b(?:in|during|throughout|early|late|mid|until)[\s-]+(?P<y6>(?:19|20)\d{{2}})\b(?![-/]\d)
      | \b(?:(?P<weekday_rel>last|this|past|previous)\s+)?(?:on\s+)?(?P<weekday>{_WEEKDAY_NAMES})
            (?:\s+(?:night|morning|evening|afternoon))?\b
      | \b(?P<day_word>yesterday|today|tonight|last\s+night|this\s+morning|this\s+evening|this\s+afternoon
            |earlier\s+today|the\s+day\s+before\s+yesterday|overnight)\b
      | \b(?P<past_span>(?:over|in|during|within|throughout|for)\s+the\s+(?:past|last)\s+
            (?:(?P<ps_n>{_SMALL_COUNT})\s+)?(?P<ps_unit>week|weeks|days|month|months|year|years|seven\s+days|few\s+days
            |several\s+days|fortnight|24\s+hours|48\s+hours))\b
      | \b(?P<named_period>(?:earlier\s+|later\s+)?(?:last|this|past|previous)\s+(?:week|weekend|month|year)
            |(?:over|at|during)\s+the\s+weekend|(?:in\s+)?recent\s+(?:days|weeks)|the\s+past\s+(?:week|few\s+days))\b
      | \b(?P<ago_n>{_SMALL_COUNT})\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago\b
    )
    """,
    re.VERBOSE,
)

# Every date expression contains one of these words or a digit; they are found with
# str.find on the roots they begin with, then the full pattern is tried around them only (see
# numbers.anchored_matches): scanning the big pattern over every character costs ~1 ms.
_DATE_WORDS = frozenset(
    [m.lower() for m in _MONTH_NAMES.split("|")]
    + list(_WEEKDAYS)
    + """yesterday today tonight overnight night morning evening afternoon weekend week weeks month
    months year years days fortnight hours""".split()
)
_DATE_ROOTS = tuple(
    """jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun yesterday today tonight
    overnight night morning evening afternoon week year days fortnight hours""".split()
)
assert all(word.startswith(_DATE_ROOTS) for word in _DATE_WORDS)
# A digit run can only be part of a date in these shapes: a year, a day before a month
# ("6 March", "6 and 9 March"), an ISO date, or "3 days ago". Other numbers ("1,400
# civilians") are dropped before the full pattern is tried.
_DIGIT_DATE_HINT_RE = re.compile(
    rf"(?:19|20)\d\d\b|\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
    rf"(?:{_MONTH_NAMES_LOWER})\b|\d{{1,2}}\s+(?:days?|weeks?|months?|years?)\s+ago\b"
)
_DATE_OPENERS = frozenset(
    """since in during throughout early late mid until by last this past previous on over within for the
    earlier later at a an several few recent one two three four five six seven eight nine ten eleven
    twelve""".split()
)


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``text[start:end] == surface``, resolved to a range."""

    start: int
    end: int
    surface: str
    date_start: date
    date_end: date
    precision: str  # day | week | month | year

    @property
    def is_relative(self) -> bool:
        """True for expressions that needed the publication date ("last week", "on Thursday")."""
        return not any(ch.isdigit() for ch in self.surface)


def date_mentions(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``text`` that can be resolved, left to right.

    Relative expressions are resolved against ``published``; when it is None they are
    skipped, as are day-and-month dates without a year.
    """
    found: list[DateMention] = []
    lowered = lower_same_length(text)
    anchors = [
        a
        for a in anchor_positions(lowered, _DATE_ROOTS, _DATE_WORDS)
        if not lowered[a].isdigit() or _DIGIT_DATE_HINT_RE.match(lowered, a)
    ]
    for match in anchored_matches(_DATE_RE, text, lowered, anchors, _DATE_OPENERS, 5):
        resolved = _resolve(match, published)
        if resolved is None:
            continue
        first, last, precision = resolved
        if match.group("since") and published is not None and first <= published:
            last = max(last, published)  # "since Thursday": from then until publication
        if last < first:
            first, last = last, first
        surface = text[match.start() : match.end()]
        found.append(DateMention(match.start(), match.end(), surface, first, last, precision))
    return found


_Range = tuple[date, date, str]


def _resolve(match: re.Match[str], published: date | None) -> _Range | None:
    g = match.groupdict()
    if g["m1"] or g["m2"]:
        month = g["m1"] or g["m2"]
        day1, day2 = (g["d1"], g["d1b"]) if g["m1"] else (g["d2"], g["d2b"])
        year = g["y1"] or g["y2"]
        first = _absolute_day(_digits(day1), month, year, published)
        if first is None:
            return None
        last = first
        if day2:
            later = _absolute_day(_digits(day2), month, str(first.year), None)
            if later is not None and later >= first:
                last = later
        return first, last, "day"
    if g["m3"]:
        return _absolute_month(g["m3"], g["y3"], published)
    if g["iso"]:
        parsed = _parse_absolute(g["iso"])
        return (parsed[0], parsed[0], "day") if parsed else None
    if g["m5"]:
        return _absolute_month(g["m5"], g["y5"], published)
    if g["y6"]:
        year = int(g["y6"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if published is None:
        return None
    if g["weekday"]:
        return _weekday(g["weekday"], g["weekday_rel"], published)
    if g["day_word"]:
        return _day_word(g["day_word"], published)
    if g["past_span"]:
        return _past_span(g["ps_n"], g["ps_unit"], published)
    if g["named_period"]:
        return _named_period(g["named_period"], published)
    if g["ago_n"]:
        return _ago(g["ago_n"], g["ago_unit"], published)
    return None  # pragma: no cover - every alternative is handled above


def _digits(day: str) -> int:
    return int(re.sub(r"\D", "", day))


# --- absolute dates through dateparser -----------------------------------------------------


# dateparser reads each distinct absolute phrase once ("6 mar", "7 mar 2025", "mar 2024").
# Phrases without a year are read against a fixed leap-year base (so "29 feb" exists) and
# the year is then chosen by calendar arithmetic against the publication date: the cache
# key does not depend on the report, so a corpus has at most a few hundred distinct keys.
_BASE = datetime(2000, 12, 31)


@lru_cache(maxsize=1)
def _parser() -> Any:
    # Imported lazily: importing dateparser costs ~70 ms, and many callers never need it.
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": _BASE,
    }
    return DateDataParser(languages=["en"], settings=settings)


# _read_as_dateparser_would: the phrases _absolute_day and _absolute_month build ("6 mar",
# "7 mar 2025", "mar 2024", "mar": a day 1..31 that exists in that month, one of the twelve
# month abbreviations, a year 1900..2099 or none) are read by dateparser, with the settings
# above, as exactly date(year or _BASE.year, month, day) (the first of the month for a month
# alone; only its year and month are used). That was checked for every such phrase (75,827
# of them, dateparser 1.5.0); building the date directly skips dateparser's ~1 ms for each
# phrase a process has not read before. Other phrases (ISO dates) still go to dateparser.


@lru_cache(maxsize=8192)
def _parse_absolute(phrase: str) -> tuple[date, str] | None:
    """dateparser's reading of an absolute date phrase: (date, period) or None."""
    try:
        data = _parser().get_date_data(phrase)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _latest_on_or_before(month: int, day: int, published: date) -> date | None:
    """The most recent ``day``/``month`` on or before ``published`` (29 February: a leap year)."""
    for year in range(published.year, published.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


_MONTH_NUMBER = {
    name: i for i, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}


def _day_exists(day: int, month: str, year: str | None) -> bool:
    """Whether ``day`` can fall in ``month`` (of ``year``, or of a leap year when unknown).

    A cheap check before dateparser, which costs about a millisecond for each phrase it
    has not read before, and reads an impossible day as often as a real one.
    """
    number = _MONTH_NUMBER.get(month.lower()[:3])
    if number is None:
        return True  # not a name this table knows: let dateparser decide
    return 1 <= day <= calendar.monthrange(int(year) if year else 2000, number)[1]


def _absolute_day(day: int, month: str, year: str | None, published: date | None) -> date | None:
    if year is None and published is None:
        return None
    if not _day_exists(day, month, year):
        return None  # "45 March", "30 Feb": no such day; do not ask dateparser to say so
    number = _MONTH_NUMBER.get(month.lower()[:3])
    if number is not None:
        # A day, a month name and maybe a year: dateparser's answer, built directly (see
        # _read_as_dateparser_would).
        read = date(int(year) if year else _BASE.year, number, day)
    else:
        phrase = f"{day} {month.lower()[:3]}" + (f" {year}" if year else "")
        parsed = _parse_absolute(phrase)
        if parsed is None:
            return None
        read = parsed[0]
    if year:
        return read
    assert published is not None
    return _latest_on_or_before(read.month, read.day, published)


def _absolute_month(month: str, year: str | None, published: date | None) -> _Range | None:
    if year is None and published is None:
        return None
    number = _MONTH_NUMBER.get(month.lower()[:3])
    if number is not None:  # see _read_as_dateparser_would
        first = date(int(year) if year else _BASE.year, number, 1)
    else:
        parsed = _parse_absolute(f"{month.lower()[:3]} {year}" if year else month.lower()[:3])
        if parsed is None:
            return None
        first = parsed[0].replace(day=1)
    if not year:
        assert published is not None
        first = first.replace(year=published.year)
        if first > published:
            first = first.replace(year=published.year - 1)
    return first, _month_end(first), "month"


def _month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


# --- relative expressions by calendar arithmetic --------------------------------------------


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weekday(name: str, relation: str | None, published: date) -> _Range:
    target = _WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    if relation and relation.lower() in ("last", "past", "previous") and back == 0:
        back = 7
    day = published - timedelta(days=back)
    return day, day, "day"


def _day_word(word: str, published: date) -> _Range:
    word = " ".join(word.lower().split())
    if word == "the day before yesterday":
        day = published - timedelta(days=2)
    elif word in ("yesterday", "last night"):
        day = published - timedelta(days=1)
    elif word == "overnight":
        return published - timedelta(days=1), published, "day"
    else:
        day = published
    return day, day, "day"


def _small_count(word: str | None) -> int:
    if not word:
        return 1
    word = " ".join(word.lower().split())
    if word in ("a", "an"):
        return 1
    if word in ("a few", "several"):
        return 3
    if word.isdigit():
        return int(word)
    value = count_value(word)
    return value[0] if value and value[0] else 1


def _past_span(count: str | None, unit: str, published: date) -> _Range:
    unit = " ".join(unit.lower().split())
    n = _small_count(count)
    if unit in ("24 hours",):
        return published - timedelta(days=1), published, "day"
    if unit in ("48 hours",):
        return published - timedelta(days=2), published, "day"
    if unit in ("few days", "several days"):
        return published - timedelta(days=3), published, "week"
    if unit == "seven days":
        return published - timedelta(days=7), published, "week"
    if unit == "fortnight":
        return published - timedelta(days=14), published, "week"
    if unit.startswith("day"):
        return published - timedelta(days=n), published, "day" if n <= 2 else "week"
    if unit.startswith("week"):
        return published - timedelta(days=7 * n), published, "week"
    if unit.startswith("month"):
        return _add_months(published, -n), published, "month"
    return (
        published.replace(year=published.year - n)
        if not _is_feb29(published)
        else published - timedelta(days=365 * n),
        published,
        "year",
    )


def _is_feb29(day: date) -> bool:
    return day.month == 2 and day.day == 29


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _named_period(phrase: str, published: date) -> _Range:
    words = " ".join(phrase.lower().split())
    earlier = words.startswith("earlier")
    if "weekend" in words:
        # The most recent Saturday-Sunday that has started by publication.
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if words.startswith("last") and published.weekday() >= 5:
            saturday -= timedelta(days=7)
        return saturday, min(saturday + timedelta(days=1), published), "day"
    if "recent" in words:
        days = 14 if "weeks" in words else 3
        return published - timedelta(days=days), published, "week"
    if words.endswith("few days"):
        return published - timedelta(days=3), published, "week"
    unit = words.split()[-1]
    this = " this " in f" {words} "
    if unit == "week":
        if this:
            end = published - timedelta(days=1) if earlier and published.weekday() > 0 else published
            return _monday(published), end, "week"
        if words.startswith("past") or words.endswith("past week"):
            return published - timedelta(days=7), published, "week"
        start = _monday(published) - timedelta(days=7)
        return start, start + timedelta(days=6), "week"
    if unit == "month":
        if this:
            return published.replace(day=1), published, "month"
        if words.startswith("past"):
            return _add_months(published, -1), published, "month"
        first = _add_months(published.replace(day=1), -1)
        return first, _month_end(first), "month"
    # year
    if this:
        return date(published.year, 1, 1), published, "year"
    if words.startswith("past"):
        return published - timedelta(days=365), published, "year"
    return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), "year"


def _ago(count: str, unit: str, published: date) -> _Range:
    n = _small_count(count)
    unit = unit.lower().rstrip("s")
    if unit == "day":
        day = published - timedelta(days=n)
        return day, day, "day"
    if unit == "week":
        start = _monday(published - timedelta(days=7 * n))
        return start, start + timedelta(days=6), "week"
    if unit == "month":
        first = _add_months(published.replace(day=1), -n)
        return first, _month_end(first), "month"
    year = published.year - n
    return date(year, 1, 1), date(year, 12, 31), "year"


# --- publication date ------------------------------------------------------------------------

_LABELLED_RE = re.compile(
    r"\b(?:published|posted|updated|last\s+updated|first\s+published|date(?:d|line)?)\s*(?:on|at)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_FULL_DATE_RE = re.compile(
    rf"""
    \b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH_NAMES})\.?,?\s+(?P<y1>(?:19|20)\d{{2}})\b
  | \b(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>{_DAY}),?\s+(?P<y2>(?:19|20)\d{{2}})\b
  | \b(?P<iso>(?:19|20)\d{{2}}-[01]\d-[0-3]\d)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_LABEL_WORDS = ("published", "posted", "updated", "date")  # each _LABELLED_RE match holds one
_HEAD_CHARS = 600
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")  # the year part every _FULL_DATE_RE alternative has


def publication_date(text: str) -> date | None:
    """The publication date the text itself states, if any.

    A labelled date ("Published: 14 March 2025", "Updated March 14, 2025") anywhere in
    the first lines wins; otherwise a full date (day, month and year) on one of the first
    three non-empty lines (a dateline). Dates further into the body are event dates.
    """
    head = text[:_HEAD_CHARS]
    # Without a label word, skip the case-blind scan (only for ASCII: case-blind matching also
    # takes a few non-ASCII letters, "ſ" for "s", that lower() does not turn into the word).
    lowered = head.lower()
    labelled = not head.isascii() or any(word in lowered for word in _LABEL_WORDS)
    for label in _LABELLED_RE.finditer(head) if labelled else ():
        match = _FULL_DATE_RE.match(head, label.end())
        if match:
            return _full_date(match)
    lines = [line for line in head.split("\n") if line.strip()][:3]
    for line in lines:
        # Every full date holds a year: without one, skip the costly case-blind search.
        match = _FULL_DATE_RE.search(line) if _YEAR_RE.search(line) else None
        if match:
            return _full_date(match)
    return None


def _full_date(match: re.Match[str]) -> date | None:
    if match.group("iso"):
        parsed = _parse_absolute(match.group("iso"))
        return parsed[0] if parsed else None
    day = match.group("d1") or match.group("d2")
    month = match.group("m1") or match.group("m2")
    year = match.group("y1") or match.group("y2")
    return _absolute_day(_digits(day), month, year, None)
