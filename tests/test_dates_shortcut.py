"""The day/month/year shortcut in dates.py must read phrases exactly as dateparser does.

dates.py builds "6 March 2025" and "March 2025" directly instead of asking dateparser (it
costs about a millisecond per new phrase). That is only right while dateparser, configured as
dates.py configures it, reads those phrases the same way; this test asks dateparser itself on
a sample of every month spelling, with and without a year, so an upgrade that changes its
reading fails here instead of silently moving dates.
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from dashboard.extract.dates import _BASE, _MONTH_NUMBER, _parse_absolute


@pytest.mark.parametrize("key", sorted(_MONTH_NUMBER))
@pytest.mark.parametrize("year", [None, 2024, 2025])
def test_dateparser_reads_day_month_year_as_the_shortcut_builds_it(key: str, year: int | None) -> None:
    number = _MONTH_NUMBER[key]
    built_year = year if year is not None else _BASE.year
    last = calendar.monthrange(built_year, number)[1]
    # dates.py asks (and now builds) the month's first three letters, whatever the spelling.
    for day in (1, 9, 15, last):
        phrase = f"{day} {key}" + (f" {year}" if year else "")
        parsed = _parse_absolute(phrase)
        assert parsed is not None and parsed[0] == date(built_year, number, day), phrase
    phrase = f"{key} {year}" if year else key
    parsed = _parse_absolute(phrase)
    assert parsed is not None and (parsed[0].year, parsed[0].month) == (built_year, number), phrase
