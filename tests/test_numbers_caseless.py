"""numbers.caseless: a case-blind pattern run case-sensitive over lower-cased ASCII text finds
the same spans, which is what lets figures.py take the faster pattern on ASCII text."""

from __future__ import annotations

import re

import pytest

from dashboard.extract import figures
from dashboard.extract.numbers import caseless


def test_caseless_lowers_letters_but_not_escapes_or_group_names() -> None:
    fast = caseless(re.compile(r"(?P<Town>Deir\W+EZ)\s(?P=Town)?\D[A-Z]", re.IGNORECASE))
    assert fast.pattern == r"(?P<Town>deir\W+ez)\s(?P=Town)?\D[a-z]"
    assert not fast.flags & re.IGNORECASE
    assert fast.match("Deir ez 1x".lower()) is None  # "\D[a-z]" needs a non-digit, then a letter
    assert fast.match("Deir-EZ deir-ez Xy".lower()).span() == (0, 17)


_SENTENCES = (
    "At least 30 People were KILLED and dozens wounded in Aleppo on Monday, officials said.",
    "The death toll from the attack rose to 54, up from 40 the day before, the Ministry said.",
    "Eight members of one family, including five children, died; two of them were women.",
    "Killed: 2,166; Injured: more than 2,950 (figures of the Health Ministry).",
    "THE BODIES OF 12 MEN WERE RECOVERED, AMONG THEM 3 Soldiers AND 4 others, and 90 of the Dead.",
    "Gunmen Abducted 14 Aid Workers, Holding them Hostage near the 3 Displacement Camps.",
)
_CASE_BLIND = sorted(
    name
    for name, value in vars(figures).items()
    if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE
)


@pytest.mark.parametrize("name", _CASE_BLIND)
def test_caseless_matches_where_the_case_blind_pattern_does(name: str) -> None:
    pattern = getattr(figures, name)
    fast = caseless(pattern)
    for sentence in _SENTENCES:
        lowered = sentence.lower()
        for i in range(len(sentence)):
            slow_match, fast_match = pattern.match(sentence, i), fast.match(lowered, i)
            assert (slow_match and slow_match.regs) == (fast_match and fast_match.regs), (name, sentence[i:])
        found, fast_found = pattern.search(sentence), fast.search(lowered)
        assert (found and found.regs) == (fast_found and fast_found.regs), (name, sentence)
