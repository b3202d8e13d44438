"""Counts as written (dashboard.extract.numbers): values, qualifiers, and what is not a count."""

from __future__ import annotations

import pytest

from dashboard.extract.numbers import count_value, find_quantities, lower_same_length, words_before


@pytest.mark.parametrize(
    ("phrase", "value", "vague"),
    [
        ("1,400", 1400, False),
        ("13", 13, False),
        ("1.5 million", 1_500_000, False),
        ("thirteen", 13, False),
        ("twenty-one", 21, False),
        ("one hundred and twenty", 120, False),
        ("two dozen", 24, False),
        ("a dozen", 12, False),
        ("dozens", 24, True),
        ("hundreds", 200, True),
        ("tens of thousands", 20_000, True),
        ("scores", 40, True),
    ],
)
def test_count_value(phrase: str, value: int, vague: bool) -> None:
    assert count_value(phrase) == (value, vague)


@pytest.mark.parametrize(
    "text",
    ["10:30", "$5", "2nd", "A320", "someone", "Everyone", "often", "the 1.2.3 release"],
)
def test_not_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_several_counts_in_one_text() -> None:
    found = find_quantities("No fewer than 20, as many as 70 and between 5 and 9; twenty-one")
    assert [(q.surface, q.low, q.high, q.qualifier) for q in found] == [
        ("No fewer than 20", 20, None, "at_least"),
        ("as many as 70", None, 70, "up_to"),
        ("between 5 and 9", 5, 9, "range"),
        ("twenty-one", 21, 21, "exact"),
    ]


def test_offsets_point_at_the_original_text() -> None:
    text = "İstanbul: Over 300 people"  # "İ" lower-cases to two characters
    (quantity,) = find_quantities(text)
    assert text[quantity.start : quantity.end] == quantity.surface == "Over 300"
    assert len(lower_same_length(text)) == len(text)


def test_words_before() -> None:
    text = "the toll rose to more than-30, at least 5\nnearly 6"
    assert words_before(text, text.index("30"), 3) == [(22, "than"), (17, "more"), (14, "to")]
    assert words_before(text, text.index("5"), 3) == [(34, "least"), (31, "at")]
    assert words_before(text, text.index("6"), 3) == [(42, "nearly")]  # not across the line break
    assert words_before(text, 0, 2) == []


def test_a_year_before_to_is_not_the_start_of_a_range() -> None:
    # "since October 2023 to 44,000": the year is a date, 44,000 is the count "to" reaches.
    found = find_quantities("bringing the toll since October 2023 to 44,000")
    assert [(q.surface, q.low, q.high, q.qualifier) for q in found] == [
        ("2023", 2023, 2023, "exact"),
        ("44,000", 44000, 44000, "exact"),
    ]


def test_a_range_of_plain_numbers_stays_a_range() -> None:
    found = find_quantities("from 2000 to 3000 people")
    assert [(q.low, q.high, q.qualifier) for q in found] == [(2000, 3000, "range")]


def test_a_qualifier_after_an_opening_quote() -> None:
    found = find_quantities("“At least 30 people were killed,” said a local councillor.")
    assert [(q.surface, q.low, q.high, q.qualifier) for q in found] == [("At least 30", 30, None, "at_least")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # thousands grouped with spaces or dots, as French, Spanish or Portuguese copy writes them
        ("IOM counted more than 6 270 people who had fled.", [("more than 6 270", 6271, None)]),
        ("between 300 000 and 400 000 people fled", [("between 300 000 and 400 000", 300_000, 400_000)]),
        ("more than 18.000 people have been displaced", [("more than 18.000", 18_001, None)]),
        ("it has registered 3.600 people there", [("3.600", 3600, 3600)]),
        ("a no-break space: 6\u00a0270 people", [("6\u00a0270", 6270, 6270)]),
        # a decimal stays a decimal, a year stays apart, columns of single numbers stay apart
        ("1.5 million people", [("1.5 million", 1_500_000, 1_500_000)]),
        ("in 2023 150 people", [("2023", 2023, 2023), ("150", 150, 150)]),
        ("Kyiv 33 121 15", [("33", 33, 33), ("121", 121, 121), ("15", 15, 15)]),
    ],
)
def test_thousands_grouped_with_spaces_or_dots(text: str, expected: list[tuple[str, int, int | None]]) -> None:
    assert [(q.surface, q.low, q.high) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lakhs (100,000) and crores (10 million), as South Asian copy counts
        ("Over 1.5 lakh people have been displaced", [("Over 1.5 lakh", 150_001, None)]),
        ("two lakh people were affected", [("two lakh", 200_000, 200_000)]),
        ("one lakh fifty thousand people", [("one lakh fifty thousand", 150_000, 150_000)]),
        ("a compensation of 2 crore", [("2 crore", 20_000_000, 20_000_000)]),
        # Indian digit grouping
        ("over 1,50,000 people fled", [("over 1,50,000", 150_001, None)]),
        ("12,34,567 voters", [("12,34,567", 1_234_567, 1_234_567)]),
    ],
)
def test_lakhs_and_crores(text: str, expected: list[tuple[str, int, int | None]]) -> None:
    assert [(q.surface, q.low, q.high) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compound number words after "a", "half a dozen", thousands written "12k"
        ("put it at a hundred and thirty-three", [("a hundred and thirty-three", 133, 133)]),
        ("a hundred and three dead", [("a hundred and three", 103, 103)]),
        ("half a dozen people were hurt", [("half a dozen", 6, 6)]),
        ("12k displaced", [("12k", 12_000, 12_000)]),
        # a qualifier written after the number
        ("killing 12 at least.", [("12 at least", 12, None)]),
        ("70 or more were killed", [("70 or more", 70, None)]),
        ("up to 12 at most", [("up to 12", None, 12)]),
        # not when another count follows: "12, at least 3 of them children"
        ("killed 12 at least 3 of them children", [("12", 12, 12), ("at least 3", 3, None)]),
    ],
)
def test_number_words_and_qualifiers_after_the_number(text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    assert [(q.surface, q.low, q.high) for q in find_quantities(text)] == expected
