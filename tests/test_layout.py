"""Text copied out of PDFs and e-papers: line breaks at the print margin are read as spaces."""

from __future__ import annotations

from dashboard.extract.layout import unwrap_margin_breaks
from dashboard.pipeline import extract_report

# Written for this test: an e-paper column broken at a 40-character margin, with a list.
EPAPER = """Commission raises protest death toll
NATIONAL NEWS                         TUESDAY, JULY 2, 2024
BY OUR REPORTER
The Kenya National Commission on
Human Rights yesterday said that 39
people have been killed in connection
with the protests since June 18, and
that the police had arrested 627.
The commission's tally as of Monday:
• Killed: 39
• Injured: 361
KEY FACTS
Police spokesperson Resila Onyango said
officers had shown restraint and that 41
police officers had been injured in
Nairobi."""


def test_a_column_broken_at_the_margin_is_read_as_running_text() -> None:
    unwrapped = unwrap_margin_breaks(EPAPER)
    assert len(unwrapped) == len(EPAPER)  # offsets found in the copy hold in the original
    assert "Commission on Human Rights yesterday said that 39 people have been killed" in unwrapped
    assert "had been injured in Nairobi." in unwrapped
    # The title, the page furniture, the byline, the list and the heading keep their lines.
    assert unwrapped.split("\n")[:3] == EPAPER.split("\n")[:3]
    assert "Monday:\n• Killed: 39\n• Injured: 361\nKEY FACTS\nPolice" in unwrapped


def test_figures_of_a_wrapped_column_keep_their_sources() -> None:
    extraction = extract_report(EPAPER)
    read = [(f.low, f.outcome, f.category, f.attributed_to) for f in extraction.figures]
    assert (39, "killed", "people", "Kenya National Commission on Human Rights") in read
    assert (41, "injured", "security_forces", "police spokesperson Resila Onyango") in read
    # Offsets are into the text as given: the sentence of the 39 starts with the commission.
    first = next(f for f in extraction.figures if f.low == 39 and f.outcome == "killed")
    assert extraction.report.text[first.start :].startswith("The Kenya National Commission on\nHuman Rights")


def test_news_copy_with_a_paragraph_per_line_is_left_alone() -> None:
    text = (
        "Strike on Kharkiv\n\nKHARKIV, Ukraine - A glide bomb struck a hardware store on Saturday, killing "
        "at least 12 people and wounding 43, the regional governor said.\n\nRescuers searched the rubble "
        "through the night.\nThe store was full of shoppers."
    )
    assert unwrap_margin_breaks(text) == text


def test_a_hyphen_at_the_margin_and_short_lines_stay() -> None:
    # Lines that leave room before the margin are the writer's breaks (an address block).
    text = "Statement\nOffice of the Spokesperson\nGeneva\n14 April 2025\nContact: press@example.org"
    assert unwrap_margin_breaks(text) == text


def test_words_broken_at_the_margin_are_mended_and_nothing_after_them_moves() -> None:
    text = (
        "Military operations\n"
        "In the North East, troops of Operation Hadin Kai neutral-\n"
        "ised 46 terrorists and arrested 29 suspects near the town of\n"
        "Damboa, and in the evening of the same day twenty-\n"
        "five families fled on foot along the national road to Saint-\n"
        "Marc and the camps of the interior of the country. More\n"
        "families arrived in the evening from the villages nearby.\n"
        "The army said the operation would go on until the end of the week."
    )
    unwrapped = unwrap_margin_breaks(text)
    assert len(unwrapped) == len(text)
    assert "neutralised   46 terrorists" in unwrapped  # the two characters saved follow the word
    assert "twenty-five" in unwrapped and "Saint-Marc" in unwrapped
    assert unwrapped.index("Damboa") == text.index("Damboa")
    read = [(f.low, f.outcome, f.category) for f in extract_report(text).figures]
    assert (46, "killed", "fighters") in read


def test_entries_and_turns_that_end_a_sentence_keep_their_lines() -> None:
    # A live page without blank lines: each entry ends a sentence, so no entry runs into the next.
    text = (
        "Kharkiv live\n"
        "12:40 - The regional governor says three people were killed when a glide bomb hit a shop.\n"
        "12:55 - Rescuers are still searching the rubble of the shop for people who may be trapped.\n"
        "13:10 - HAGARI: The army says it struck launch sites in the south of Lebanon this morning.\n"
        "13:25 - The mayor says the number of wounded has risen to 23, among them four children.\n"
        "13:40 - Power has been cut in two districts of the city after the strike on the substation."
    )
    assert unwrap_margin_breaks(text) == text
