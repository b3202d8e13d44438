"""Casualty figures in the phrasings of wire reports that the first rules missed.

Every sentence was written for these tests (real kinds of places and sources, invented
wording); the expected values come from reading it with DESIGN.md's Figure semantics and
the annotation rules in tests/data/README.md, not from running the extractor.
"""

from __future__ import annotations

import pytest

from dashboard.extract.figures import casualty_figures


def read(text: str) -> list[tuple[int | None, int | None, str, str, str]]:
    return [(f.low, f.high, f.qualifier, f.category, f.outcome) for f in casualty_figures(text, "r1")]


def sources(text: str) -> list[str | None]:
    return [f.attributed_to for f in casualty_figures(text, "r1")]


# --- who was counted -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "category", "outcome"),
    [
        # Members of a family are persons; "families" alone are units (see test_figures).
        ("An air strike killed nine members of one family in Rafah.", "people", "killed"),
        ("Shelling killed six members of two families near the river.", "people", "killed"),
        ("Four family members were among the dead.", "people", "killed"),
        ("Seven relatives of the village head were abducted.", "people", "abducted"),
        ("Three aid workers were killed when their convoy was hit.", "people", "killed"),
        ("Gunmen abducted 12 drivers on the highway near Zamfara.", "people", "abducted"),
        ("Five first responders were wounded in the second strike.", "people", "injured"),
        ("Eleven fishermen are missing after the boat came under fire.", "people", "missing"),
        ("Two Israeli soldiers were killed in southern Lebanon.", "security_forces", "killed"),
        ("Six Interior Ministry personnel died in the ambush.", "security_forces", "killed"),
        # An outcome used as an adjective still leaves the noun to name who was counted.
        ("Forty injured people were still in hospital on Sunday.", "people", "injured"),
        ("About 30 wounded soldiers were flown to the capital.", "security_forces", "injured"),
        # "taken to hospital", "hospitalised": injured.
        ("Nine people were hospitalised with burns after the drone attack.", "people", "injured"),
    ],
)
def test_who_was_counted(sentence: str, category: str, outcome: str) -> None:
    found = casualty_figures(sentence, "r1")
    assert [(f.category, f.outcome) for f in found] == [(category, outcome)]


def test_men_and_women_together_are_people() -> None:
    assert read("Fourteen people, 10 of them elderly men and women, were shot dead.") == [
        (14, 14, "exact", "people", "killed"),
        (10, 10, "exact", "people", "killed"),
    ]


def test_breakdown_aside_between_count_and_verb() -> None:
    # ", five of them children," sits between the count and "were killed".
    assert read("At least 11 civilians, five of them children, were killed in the raids.") == [
        (11, None, "at_least", "civilians", "killed"),
        (5, 5, "exact", "children", "killed"),
    ]


def test_others_taken_to_hospital_are_injured() -> None:
    assert read("Three people were killed and 17 others taken to hospital after the blast.") == [
        (3, 3, "exact", "people", "killed"),
        (17, 17, "exact", "people", "injured"),
    ]


def test_others_with_no_noun_before_are_people() -> None:
    assert read("Police said the gang had also detained 20 others in the raid.") == [
        (20, 20, "exact", "people", "detained")
    ]


def test_the_dead_were_lists_the_victims() -> None:
    text = (
        "A shell hit the house on Monday. Neighbours said the dead were a man, four women and five children."
    )
    assert read(text) == [
        (4, 4, "exact", "women", "killed"),
        (5, 5, "exact", "children", "killed"),
    ]


def test_breakdown_in_the_next_sentence_keeps_the_category() -> None:
    text = "A drone strike wounded six fishermen off the coast, the navy said. Two of them later died in hospital."
    assert read(text) == [
        (6, 6, "exact", "people", "injured"),
        (2, 2, "exact", "people", "killed"),
    ]


# --- who said so ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The speaker of "told" is before it; what follows is who was told.
        ("Six people were killed, a medical source told AFP.", "a medical source"),
        ("Twelve people died, a police officer told Reuters on Monday.", "a police officer"),
        ("Forty people were wounded, the regional administration said.", "regional administration"),
        ("Eight people were killed overnight, residents said.", "residents"),
        ("Two children were among the dead, local officials said.", "local officials"),
        # Name, role, said: the fullest form the text gives.
        (
            "Maria Lopez, spokeswoman for the provincial government, said 19 miners were missing.",
            "Maria Lopez, spokeswoman for the provincial government",
        ),
        (
            "Omar Haidari, head of the Kandahar Red Crescent (ARCS), said 31 people had been injured.",
            "Omar Haidari, head of the Kandahar Red Crescent",
        ),
        # A proper name given between commas after a description.
        (
            "A rights group, the Kurdistan Human Rights Network, said 12 protesters had been arrested.",
            "Kurdistan Human Rights Network",
        ),
        (
            "The local network, the Collectif des Familles du Nord, said 40 bodies had been buried.",
            "Collectif des Familles du Nord",
        ),
        # "and" inside a name does not end it.
        (
            "The Ministry of Health and Population said 14 people were killed.",
            "Ministry of Health and Population",
        ),
        # ", known as ...," is another name for the subject, not the subject.
        (
            "Myanmar's National Unity Government, known as the NUG, said 40 villagers were killed.",
            "Myanmar National Unity Government",
        ),
        # A clause after "said" is what was said, not who said it.
        (
            "The provincial governor, Ali Khan, said no fewer than eight people had been killed near the hospital.",
            "Ali Khan",
        ),
        # "according to" something that is not a source (testimony, estimates) names nobody.
        (
            "The rights group said at least 30 people were killed, according to testimonies it had gathered.",
            "rights group",
        ),
    ],
)
def test_source_forms(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]


def test_clause_after_said_with_a_second_count() -> None:
    text = (
        "The district governor, Ali Khan, said eight people had been killed and 12 others taken to hospital."
    )
    assert sources(text) == ["Ali Khan", "Ali Khan"]
    assert read(text) == [(8, 8, "exact", "people", "killed"), (12, 12, "exact", "people", "injured")]


def test_the_war_monitor_is_the_monitor_named_before() -> None:
    text = (
        "The Syrian Observatory for Human Rights said 20 fighters were killed in Deir ez-Zor.\n"
        "The Britain-based war monitor later said 25 civilians had also died."
    )
    assert sources(text) == ["Syrian Observatory for Human Rights"] * 2


def test_it_said_after_a_breakdown_takes_the_earlier_source() -> None:
    text = (
        "Shelling killed four civilians in the town, the Syrian Civil Defence, known as the White Helmets, "
        "said. Two of them were children, it said."
    )
    found = casualty_figures(text, "r1")
    assert [(f.low, f.category) for f in found] == [(4, "civilians"), (2, "children")]
    assert {f.attributed_to for f in found} <= {"Syrian Civil Defence", "White Helmets"}
    assert None not in {f.attributed_to for f in found}


def test_a_ministry_giving_a_toll_is_its_source() -> None:
    text = "The health ministry said 30 people were killed on Sunday. The ministry had earlier given a toll of 18 dead."
    assert sources(text) == ["health ministry", "health ministry"]


# --- numbers that are not casualty figures --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A population with its displaced share is background, not a count of the displaced.
        ("The province is home to about four million people, many of them displaced.", []),
        ("The town of 20,000 people was shelled for three days and 14 residents were killed.", [14]),
        ("The army sent some 5,000 troops to the area, where three villagers were killed.", [3]),
        ("Parliament voted 87 to 12 to extend the state of emergency after 9 people were killed.", [9]),
        ("The blast at 4 pm killed two people about 9 km from the border.", [2]),
        ("A force of about 100,000 fighters had been built up before the clashes in which 6 died.", [6]),
    ],
)
def test_number_traps(text: str, expected: list[int]) -> None:
    assert [f.low for f in casualty_figures(text, "r1")] == expected


def test_a_cumulative_toll_after_a_year() -> None:
    text = "Twelve people were killed on Monday, bringing the death toll since October 2023 to 44,000."
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [(12, "killed"), (44000, "killed")]


def test_years_as_a_range_are_not_a_count() -> None:
    # "Thousands" is the count (vague, 2,000 and up); "between 2011 and 2014" is when.
    found = casualty_figures("Thousands were killed between 2011 and 2014 in the city.", "r1")
    assert [(f.surface, f.low, f.qualifier) for f in found] == [("Thousands", 2000, "vague")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The battalion lost 40 soldiers in the assault on the bridge.", [(40, "security_forces", "killed")]),
        ("Farmers lost 200 homes and 30 cars in the floods.", []),
        ("The ruling party lost 12 seats in the vote.", []),
    ],
)
def test_lost_counts_persons_only(sentence: str, expected: list[tuple[int, str, str]]) -> None:
    assert [(f.low, f.category, f.outcome) for f in casualty_figures(sentence, "r1")] == expected


def test_a_denial_names_no_source() -> None:
    f = casualty_figures("Reuters could not immediately verify the figure of 30 dead.", "r1")
    assert [(x.low, x.attributed_to, x.verified) for x in f] == [(30, None, False)]


def test_a_breakdown_of_a_count_that_is_no_casualty_is_none() -> None:
    # "them" are the 25 rescued people, not the 41 dead of the sentence before.
    text = (
        "The strike killed at least 41 people, officials said. "
        "Twenty-five people were rescued, 11 of them from under the rubble."
    )
    assert [f.low for f in casualty_figures(text, "r1")] == [41]


def test_an_aside_names_no_one_for_the_count_before_it() -> None:
    # "including five children" is a part; the eight are members of a family (people).
    text = (
        "Eight members of the same family, including five children, died when the strike hit their home, "
        "the civil defence agency said."
    )
    assert read(text) == [(8, 8, "exact", "people", "killed"), (5, 5, "exact", "children", "killed")]
    assert sources(text) == ["civil defence agency"] * 2


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Two journalists were among the dead, the Committee to Protect Journalists said.",
            "Committee to Protect Journalists",
        ),
        (
            "A hospital director, Dr Ahmed al-Farra, said 12 people were wounded in the strike.",
            "Dr Ahmed al-Farra",
        ),
        (
            "Security forces killed 12 militants in a raid, the military's media wing said.",
            "military media wing",
        ),
        # "the ministry" is the capitalised ministry the sentence itself names.
        (
            "Four Interior Ministry personnel were killed in the ambush, the ministry said.",
            "Interior Ministry",
        ),
        # A name at a sentence start keeps its capitals; a common description does not.
        ("The Health Ministry in Gaza said 30 people were killed.", "Health Ministry in Gaza"),
        ("Health officials said nine people died.", "health officials"),
    ],
)
def test_more_source_forms(sentence: str, source: str) -> None:
    assert sources(sentence)[:1] == [source]


def test_of_the_dead_were_men_women_and_children() -> None:
    # Men are no category of their own: the 90 keep the toll's (civilians), as tests/data/README.md says.
    text = (
        "The UN rights office said it had documented the killing of 111 civilians. "
        "Its spokesperson told reporters that 90 of the dead were men, 18 were women and three were children."
    )
    assert read(text) == [
        (111, 111, "exact", "civilians", "killed"),
        (90, 90, "exact", "civilians", "killed"),
        (18, 18, "exact", "women", "killed"),
        (3, 3, "exact", "children", "killed"),
    ]


def test_of_the_wounded_is_a_part_of_the_wounded() -> None:
    text = "The blast wounded 40 people, medics said. Twelve of the wounded were children."
    assert read(text) == [(40, 40, "exact", "people", "injured"), (12, 12, "exact", "children", "injured")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The speaker after a quotation.
        ("“At least 30 people were killed,” said Ali Hassan, a local councillor.", "Ali Hassan"),
        ('"Nine people died," the mayor said.', "mayor"),
        # The counter of a tally is the source.
        (
            "At least 1,200 people have been killed, according to an AFP tally based on official figures.",
            "AFP",
        ),
        ("More than 40 people were killed, according to a count by Reuters.", "Reuters"),
    ],
)
def test_quotations_and_tallies(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]


def test_among_the_victims() -> None:
    assert read("Three civilians were among the victims, the army said.") == [
        (3, 3, "exact", "civilians", "killed")
    ]
    assert read("The 150 victims of torture were released.") == []


def test_along_with_adds_victims_of_the_same_verb() -> None:
    text = (
        "A drone strike killed a Hamas commander, Ali Nasser, along with his wife and their three sons, "
        "the group said."
    )
    found = casualty_figures(text, "r1")
    assert [(f.low, f.category, f.outcome) for f in found] == [(3, "children", "killed")]
    # "the group" is the armed group the text named through its commander.
    assert [f.attributed_to for f in found] == ["Hamas"]


def test_the_group_is_not_a_nationality() -> None:
    text = "An Israeli military commander visited the area. Four fighters were killed, the group said."
    assert sources(text) == ["group"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the monitor" alone goes back to the monitor named earlier in the report.
        (
            "The Syrian Observatory for Human Rights said 745 civilians had been killed since Friday. "
            "By Sunday the monitor's overall toll had passed 1,000 people.\n",
            ["Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"],
        ),
        (
            "The Syrian Network for Human Rights documented 40 deaths in Homs. "
            "The monitor said 12 more people were killed on Monday.\n",
            ["Syrian Network for Human Rights", "Syrian Network for Human Rights"],
        ),
        # With no monitor named before, the word stays as written.
        ("Shelling killed 12 people in Idlib, the monitor said.\n", ["monitor"]),
    ],
)
def test_the_bare_monitor_means_the_monitor_named_before(text: str, expected: list[str]) -> None:
    assert sources(text) == expected
