"""Whole-pipeline fuzz: ``extract_report`` on arbitrary text never raises; every offset it
returns lies inside the text (and mentions point at their surface); every figure has
low <= high; every record fits the model's vocabularies; and the result can be saved.

Text is drawn two ways: arbitrary unicode, and "wire-ish" text glued from fragments that
steer into the extractors' paths (numbers in several scripts and sizes, casualty words,
Syrian place names, dates, markup) with arbitrary unicode between them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.model import CATEGORIES, DATE_PRECISIONS, EVENT_TYPES, OUTCOMES, QUALIFIERS, Extraction
from dashboard.pipeline import extract_report
from dashboard.store import open_store

FRAGMENTS = st.sampled_from(
    [
        " killed ", " were killed in ", " civilians ", " security personnel ", " fighters ", " injured ",
        " at least ", " more than ", " over ", " up to ", " about ", " between ", " and ", " dozens of ",
        " hundreds ", "1,400", "13", "111", "340", "٣٥", "١٤٠٠", "1.5 million", "0", "-5", "10^6",
        "99999999999999999999999", "1" + "0" * 40, "12,34,567", "1,", ",000", "one", "thirteen",
        " Latakia", " Jableh", "Jablah", " Baniyas", " Tartus", " Hmeimim Air Base", " the coastal region",
        " Homs", " Hama", " Qardaha", " al-Haffah", "اللاذقية", " جبلة", " Syria", " Aleppo",
        " on 6 March 2025", " on 31 February 2025", " last week", " yesterday", " in 1999", " 2025-03-07",
        " on Friday", " 6-8 March", " the UN human rights office said", " verified", " according to ",
        ".", ". ", "\n\n", "\r\n", "\u2028", "\t", "\u200f", "\ufeff", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "&amp;", '"', "'", "(", ")", "%", "–", "—", "…",
    ]
)  # fmt: skip
WIREISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), min_size=1, max_size=40).map("".join)
ANY_TEXT = st.text(max_size=400)


def check_extraction(ex: Extraction) -> None:
    text = ex.report.text
    n = len(text)
    place_ids = {p.id for p in ex.places}
    for m in ex.mentions:
        assert 0 <= m.start < m.end <= n, m
        assert text[m.start : m.end] == m.surface, m
        assert m.place_id is None or m.place_id in place_ids, m
        assert 0.0 <= m.confidence <= 1.0, m
        assert m.report_id == ex.report.id
    for p in ex.places:
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, p
    figure_ids = {f.id for f in ex.figures}
    assert len(figure_ids) == len(ex.figures)
    for f in ex.figures:
        assert 0 <= f.start <= f.end <= n, f
        if f.low is not None and f.high is not None:
            assert f.low <= f.high, f
        assert f.low is None or f.low >= 0, f
        assert f.qualifier in QUALIFIERS and f.category in CATEGORIES and f.outcome in OUTCOMES, f
        assert f.report_id == ex.report.id
    for e in ex.events:
        assert 0 <= e.summary_start <= e.summary_end <= n, e
        assert e.type in EVENT_TYPES and e.date_precision in DATE_PRECISIONS, e
        assert set(e.place_ids) <= place_ids and set(e.figure_ids) <= figure_ids, e
        assert e.report_ids == (ex.report.id,)
        if e.date_start and e.date_end:
            assert e.date_start <= e.date_end, e
    json.dumps(ex.to_contract(), ensure_ascii=False)  # the `extract` contract always serialises


FUZZ = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(text=ANY_TEXT)
def test_arbitrary_unicode(text: str) -> None:
    check_extraction(extract_report(text))


@FUZZ
@given(
    text=WIREISH,
    published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))),
)
def test_wireish_text(text: str, published: date | None) -> None:
    check_extraction(extract_report(text, published=published))


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = open_store(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"))
    yield store
    store.close()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=WIREISH)
def test_whatever_is_extracted_can_be_saved_and_read_back(fuzz_store, text: str) -> None:  # type: ignore[no-untyped-def]
    ex = extract_report(text, published=date(2025, 3, 10))
    fuzz_store.save(ex)
    stored = fuzz_store.report(ex.report.id)
    assert stored is not None and stored.text == ex.report.text
    assert fuzz_store.mentions(ex.report.id) == sorted(set(ex.mentions), key=lambda m: (m.start, m.end))


# --- cases found by the fuzz, kept as plain examples ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 99999999999999999999999 people in Homs.",
        "Gunmen killed 1" + "0" * 400 + " people in Homs.",
        "Between 99999999999999999999 and 5 people were killed near Hama.",
    ],
)
def test_implausible_numbers_do_not_break_saving(tmp_path: Path, text: str) -> None:
    # Found here: a count beyond SQLite's 64-bit INTEGER made store.save raise OverflowError,
    # which aborted a whole `report-atlas ingest` batch. A casualty count that large is not a
    # figure at all; whatever the extractor keeps must be storable.
    ex = extract_report(text)
    check_extraction(ex)
    assert all(f.low is None or f.low < 2**63 for f in ex.figures)
    assert all(f.high is None or f.high < 2**63 for f in ex.figures)
    store = open_store(str(tmp_path / "a.db"))
    assert store.save(ex) is True
    store.close()
