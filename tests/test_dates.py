"""Date mentions resolved against a publication date.

Published 2025-03-14 is a Friday. Expected ranges are worked out by hand from the calendar
(weeks run Monday..Sunday), as dashboard/extract/dates.py documents.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.dates import DateMention, date_mentions, publication_date

PUBLISHED = date(2025, 3, 14)  # a Friday


def only(text: str, published: date | None = PUBLISHED) -> DateMention:
    found = date_mentions(text, published)
    assert len(found) == 1, [m.surface for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "start", "end", "precision"),
    [
        ("As the violence surged last week, towns emptied.", "last week", "2025-03-03", "2025-03-09", "week"),
        ("Gunmen attacked the patrol on Thursday.", "on Thursday", "2025-03-13", "2025-03-13", "day"),
        ("Fighting has continued since Thursday.", "since Thursday", "2025-03-13", "2025-03-14", "day"),
        ("Violence surged over the past week.", "over the past week", "2025-03-07", "2025-03-14", "week"),
        ("The bodies were found yesterday.", "yesterday", "2025-03-13", "2025-03-13", "day"),
        ("The offensive began last month.", "last month", "2025-02-01", "2025-02-28", "month"),
        ("The ambush happened on 6 March near Jableh.", "6 March", "2025-03-06", "2025-03-06", "day"),
        ("It was signed on March 7, 2025 in Damascus.", "March 7, 2025", "2025-03-07", "2025-03-07", "day"),
        ("It was signed on 7 March 2025 in Damascus.", "7 March 2025", "2025-03-07", "2025-03-07", "day"),
        ("Protests spread in March 2024.", "in March 2024", "2024-03-01", "2024-03-31", "month"),
        ("The clashes started three days ago.", "three days ago", "2025-03-11", "2025-03-11", "day"),
        ("Curfews were imposed this week.", "this week", "2025-03-10", "2025-03-14", "week"),
        ("Shelling resumed over the weekend.", "over the weekend", "2025-03-08", "2025-03-09", "day"),
        ("The talks collapsed last Friday.", "last Friday", "2025-03-07", "2025-03-07", "day"),
        ("The talks collapsed on Friday.", "on Friday", "2025-03-14", "2025-03-14", "day"),
        ("Killings were reported between 6 and 9 March.", "6 and 9 March", "2025-03-06", "2025-03-09", "day"),
        ("The town was retaken in 2023.", "in 2023", "2023-01-01", "2023-12-31", "year"),
        ("Aid arrived in recent days.", "in recent days", "2025-03-11", "2025-03-14", "week"),
        ("Thousands have fled since 6 March.", "since 6 March", "2025-03-06", "2025-03-14", "day"),
    ],
)
def test_resolved_against_publication(text: str, surface: str, start: str, end: str, precision: str) -> None:
    mention = only(text)
    assert mention.surface == surface
    assert text[mention.start : mention.end] == surface
    assert (mention.date_start.isoformat(), mention.date_end.isoformat(), mention.precision) == (
        start,
        end,
        precision,
    )


def test_day_and_month_after_publication_is_last_year() -> None:
    # A report of 14 March 2025 that says "20 March" without a year means the one already past.
    assert only("The massacre of 20 March is still remembered.").date_start == date(2024, 3, 20)


def test_weekday_and_date_together() -> None:
    found = date_mentions("Gunmen ambushed a patrol on Thursday, 6 March 2025, near Jableh.", PUBLISHED)
    assert [(m.surface, m.date_start) for m in found] == [
        ("on Thursday", date(2025, 3, 13)),
        ("6 March 2025", date(2025, 3, 6)),
    ]


def test_without_publication_only_dates_with_a_year() -> None:
    text = "Last week gunmen attacked; on 7 March 2025 the army said 6 March was the worst day."
    found = date_mentions(text, None)
    assert [(m.surface, m.date_start) for m in found] == [("7 March 2025", date(2025, 3, 7))]


@pytest.mark.parametrize(
    "text",
    [
        "Thirteen people were killed in 2 villages.",
        "Officials may release the names of the dead.",
        "The 25-year-old was shot at a checkpoint.",
        "A march through the city ended peacefully.",
    ],
)
def test_no_date(text: str) -> None:
    assert date_mentions(text, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syria coast violence\nPublished: 14 March 2025 10:02 GMT\nBody text.", date(2025, 3, 14)),
        ("Updated March 10, 2025\nGunmen attacked a patrol on 6 March.", date(2025, 3, 10)),
        ("DAMASCUS, 2025-03-09 -- Fighting continued.", date(2025, 3, 9)),
        ("Gunmen attacked a patrol on Thursday near Jableh.", None),
    ],
)
def test_publication_date(text: str, expected: date | None) -> None:
    assert publication_date(text) == expected


def test_seed_dates(seed_text: str) -> None:
    found = date_mentions(seed_text, PUBLISHED)
    assert [(m.surface, m.date_start, m.date_end, m.precision) for m in found] == [
        ("last week", date(2025, 3, 3), date(2025, 3, 9), "week"),
        ("over the past week", date(2025, 3, 7), date(2025, 3, 14), "week"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No such day: not a date (and dateparser is never asked).
        ("Unit 45 March was disbanded.", []),
        ("The count for 30 February was lost.", []),
        ("The deal was dated 29 February 2023.", []),
        # 2024 is a leap year; without a year, 29 February is the last one before publication.
        ("The deal was dated 29 February 2024.", [("2024-02-29", "2024-02-29")]),
        ("The deal was dated 29 February.", [("2024-02-29", "2024-02-29")]),
        ("It ended on 31 January.", [("2025-01-31", "2025-01-31")]),
    ],
)
def test_impossible_days_are_not_dates(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.date_start.isoformat(), m.date_end.isoformat()) for m in date_mentions(text, PUBLISHED)]
    assert found == expected
