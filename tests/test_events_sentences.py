"""Sentence spans: the units figures and event summaries are cut from."""

from __future__ import annotations

from dashboard.extract.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_plain_sentences() -> None:
    assert sentences("Gunmen attacked a patrol. Three soldiers died! Was it planned? Nobody knows.") == [
        "Gunmen attacked a patrol.",
        "Three soldiers died!",
        "Was it planned?",
        "Nobody knows.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Gen. Ali Mahmoud met Mr. J. Smith at 10 a.m. on Monday. The U.N. envoy was there too."
    assert sentences(text) == [
        "Gen. Ali Mahmoud met Mr. J. Smith at 10 a.m. on Monday.",
        "The U.N. envoy was there too.",
    ]


def test_headlines_and_datelines_end_at_the_line_break() -> None:
    text = "Sectarian violence forces families to flee\n\nBEIRUT, Lebanon\nThe fighting spread on Friday."
    assert sentences(text) == [
        "Sectarian violence forces families to flee",
        "BEIRUT, Lebanon",
        "The fighting spread on Friday.",
    ]


def test_quotes() -> None:
    text = '"We left everything," a woman said. "Nothing is left." He nodded. “Go home,” they urged.'
    assert sentences(text) == [
        '"We left everything," a woman said.',
        '"Nothing is left."',
        "He nodded.",
        "“Go home,” they urged.",
    ]


def test_numbers_with_points_stay_whole() -> None:
    assert sentences("Some 1.5 million people fled. Another 2.3 million stayed.") == [
        "Some 1.5 million people fled.",
        "Another 2.3 million stayed.",
    ]


def test_spans_are_trimmed_and_inside_the_text() -> None:
    text = "  First one.   Second one.  \n\n  Third  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one.", "Third"]
    assert all(0 <= a < b <= len(text) for a, b in spans)


def test_empty_text() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n \n") == []
