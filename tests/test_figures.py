"""Casualty figures: the seed's three, plus general wire-news sentences written for these tests.

Expected values come from reading each sentence and DESIGN.md's Figure semantics.
"""

from __future__ import annotations

import pytest

from dashboard.extract.figures import casualty_figures
from dashboard.model import Figure, report_id_for


def one(sentence: str) -> Figure:
    found = casualty_figures(sentence, "r1")
    assert len(found) == 1, [(f.surface, f.outcome) for f in found]
    return found[0]


# --- the seed report --------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_figures(seed_text: str) -> list[Figure]:
    return casualty_figures(seed_text, report_id_for(seed_text))


def test_seed_has_exactly_three_figures(seed_figures: list[Figure]) -> None:
    assert [f.surface for f in seed_figures] == ["over 1,400", "13", "at least 111"]


def test_seed_civilian_deaths_over_1400(seed_figures: list[Figure], seed_text: str) -> None:
    f = seed_figures[0]
    assert (f.low, f.high, f.qualifier) == (1401, None, "more_than")
    assert (f.category, f.outcome) == ("civilians", "killed")
    assert f.attributed_to == "news reports"
    assert f.verified is True  # "news reports confirm"
    assert seed_text[f.start : f.end].startswith("As the violence surged last week")
    assert seed_text[f.start : f.end].endswith("in Latakia and its surrounding areas.")


def test_seed_ambush_13_security_personnel(seed_figures: list[Figure], seed_text: str) -> None:
    f = seed_figures[1]
    assert (f.low, f.high, f.qualifier) == (13, 13, "exact")
    assert (f.category, f.outcome) == ("security_forces", "killed")
    assert f.attributed_to is None
    assert f.verified is False
    assert seed_text[f.start : f.end].startswith("A recent ambush that claimed the lives of 13")


def test_seed_un_verified_at_least_111(seed_figures: list[Figure]) -> None:
    f = seed_figures[2]
    assert (f.low, f.high, f.qualifier) == (111, None, "at_least")
    assert (f.category, f.outcome) == ("civilians", "killed")
    assert f.attributed_to == "UN human rights office"
    assert f.verified is True


def test_seed_ids_are_stable_and_distinct(seed_text: str, seed_figures: list[Figure]) -> None:
    again = casualty_figures(seed_text, report_id_for(seed_text))
    assert [f.id for f in again] == [f.id for f in seed_figures]
    assert len({f.id for f in seed_figures}) == 3
    assert all(f.id.startswith("fig-") for f in seed_figures)


def test_figure_offsets_are_the_sentence() -> None:
    text = "Shelling hit the market at noon. Nine people were killed, medics said. Rescue work went on."
    f = one(text)
    assert text[f.start : f.end] == "Nine people were killed, medics said."
    assert f.surface == "Nine"


# --- not casualty figures ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "My only son, just 25 years old, was killed at the checkpoint.",
        "A 19-year-old student was shot dead near the university.",
        "The victims, aged 7 and 12, were killed when the roof collapsed.",
        "Gunmen killed a shepherd on 6 March near the village.",
        "The attack on March 9 left the town in mourning, and residents were killed in the street.",
        "In 2011, protesters were killed by security forces in Deraa.",
        "The curfew starts at 10:30 and anyone found outside may be detained.",
        "The fund pledged $5 million for families of those killed.",
        "Nearly 40 percent of the wounded were treated in field clinics.",
        "The strike destroyed 13 houses and four vehicles, but nobody was killed.",
        "Fighters displaced from 12 villages regrouped in the hills.",
        "One soldier, Mahmoud al-Haik, claims that most assailants have fled to nearby mountains.",
        "One resident, Samira Haddad, said she saw gunmen on the road.",
        "Rescuers worked for 48 hours to reach people trapped under the rubble.",
        "The convoy travelled 30 km before it was attacked and two drivers were wounded.",
    ],
)
def test_not_a_casualty_count(sentence: str) -> None:
    found = casualty_figures(sentence, "r1")
    numbers = {"25", "19", "7", "12", "6", "9", "2011", "10", "5", "40", "13", "four", "One", "48", "30"}
    assert not [f.surface for f in found if f.surface.split()[-1] in numbers]


def test_counts_of_things_next_to_real_casualties() -> None:
    found = casualty_figures("Airstrikes destroyed 20 homes and killed 11 civilians in Idlib.", "r1")
    assert [(f.surface, f.low, f.category) for f in found] == [("11", 11, "civilians")]


# --- numbers, ranges, qualifiers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "low", "high", "qualifier"),
    [
        ("Thirteen soldiers were killed in the raid.", "Thirteen", 13, 13, "exact"),
        ("Twenty-one people died in the fire at the camp.", "Twenty-one", 21, 21, "exact"),
        ("Dozens of civilians were killed in the market attack.", "Dozens", 24, None, "vague"),
        ("Hundreds of families were displaced by the fighting.", "Hundreds", 200, None, "vague"),
        ("Tens of thousands of people have fled the city.", "Tens of thousands", 20000, None, "vague"),
        ("Between 30 and 40 people were abducted from the bus.", "Between 30 and 40", 30, 40, "range"),
        ("Witnesses said 20-25 fighters were killed.", "20-25", 20, 25, "range"),
        (
            "More than 300 people have been detained since the protests.",
            "More than 300",
            301,
            None,
            "more_than",
        ),
        ("Over 1,000 people were killed in the first week.", "Over 1,000", 1001, None, "more_than"),
        ("At least 16 security personnel died in the ambush.", "At least 16", 16, None, "at_least"),
        ("Nearly 100 people were injured in the blast.", "Nearly 100", 100, 100, "about"),
        ("Some 1.5 million people have been displaced.", "Some 1.5 million", 1500000, 1500000, "about"),
        ("About a dozen gunmen were killed in the clashes.", "About a dozen", 12, 12, "about"),
        ("Up to 70 fishermen are missing after the boat sank under fire.", "Up to 70", None, 70, "up_to"),
        ("Fewer than 10 people were wounded, the army said.", "Fewer than 10", None, 9, "up_to"),
        ("Gunmen killed at least two dozen men in the village.", "at least two dozen", 24, None, "at_least"),
    ],
)
def test_numbers_and_qualifiers(
    sentence: str, surface: str, low: int | None, high: int | None, qualifier: str
) -> None:
    f = one(sentence)
    assert (f.surface, f.low, f.high, f.qualifier) == (surface, low, high, qualifier)
    assert f.low is None or f.high is None or f.low <= f.high


# --- who and what happened -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "category", "outcome"),
    [
        ("Twelve policemen were killed when their checkpoint was overrun.", "security_forces", "killed"),
        ("The attack killed 13 members of the General Security service.", "security_forces", "killed"),
        ("Troops killed 28 gunmen loyal to the former government.", "fighters", "killed"),
        ("Five militants were arrested at the border crossing.", "fighters", "detained"),
        ("Seven children were among those wounded by the shell.", "children", "injured"),
        ("Eighteen women were abducted from the camp overnight.", "women", "abducted"),
        ("At least 60 civilians died in Baniyas.", "civilians", "killed"),
        # "civilians" only when the text says civilians; other nouns for persons are "people".
        ("Thirty residents remain missing after the raid.", "people", "missing"),
        # Families and households are units, not persons: the count is of unknown people.
        ("The fighting forced 3,000 families to flee their homes.", "unknown", "displaced"),
        ("Three other health workers were wounded in the shelling.", "people", "injured"),
        ("Shelling killed 298 Druze civilians in the province.", "civilians", "killed"),
        ("Rescuers recovered 30 bodies from the rubble.", "people", "killed"),
        ("Police arrested 17 suspects after the riot.", "people", "detained"),
        ("The death toll rose to 745 on Sunday.", "unknown", "killed"),
        ("Some 8,000 people had found shelter at the base.", "people", "displaced"),
        ("The UN said 111 civilian killings had been recorded.", "civilians", "killed"),
        ("Four people were executed in the square.", "people", "killed"),
    ],
)
def test_category_and_outcome(sentence: str, category: str, outcome: str) -> None:
    f = one(sentence)
    assert (f.category, f.outcome) == (category, outcome)


def test_coordinated_counts_share_the_outcome() -> None:
    found = casualty_figures("The monitor said 28 gunmen and four civilians were also killed.", "r1")
    assert [(f.low, f.category, f.outcome) for f in found] == [
        (28, "fighters", "killed"),
        (4, "civilians", "killed"),
    ]


def test_breakdown_after_among_them_inherits_outcome() -> None:
    found = casualty_figures("Medics counted 60 civilians dead, among them 10 women and five children.", "r1")
    assert [(f.low, f.category, f.outcome) for f in found] == [
        (60, "civilians", "killed"),
        (10, "women", "killed"),
        (5, "children", "killed"),
    ]


def test_elliptical_second_count_takes_the_first_category() -> None:
    found = casualty_figures("Thirteen soldiers were killed and 20 wounded near Deir ez-Zor.", "r1")
    assert [(f.low, f.category, f.outcome) for f in found] == [
        (13, "security_forces", "killed"),
        (20, "security_forces", "injured"),
    ]


# --- sources and verification -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Thirteen soldiers were killed, according to the Syrian Observatory for Human Rights.",
            "Syrian Observatory for Human Rights",
        ),
        ("The death toll rose to 745, the health ministry said on Friday.", "health ministry"),
        ("News reports say over 200 people were killed in the town.", "news reports"),
        ("More than 300 people have been detained, a war monitor said.", "a war monitor"),
        ("The UN's human rights office has verified 40 civilian deaths.", "UN human rights office"),
        (
            "A security official, who asked not to be named, said 13 guards were killed.",
            "a security official",
        ),
        ("Fifty people were killed in the strike.", None),
        ("He said 12 people were killed.", None),
    ],
)
def test_source(sentence: str, source: str | None) -> None:
    assert one(sentence).attributed_to == source


def test_short_name_resolves_to_the_full_name_used_earlier() -> None:
    text = (
        "The Syrian Observatory for Human Rights said 745 civilians had been killed.\n"
        "In Baniyas alone the Observatory counted 60 civilians dead."
    )
    assert [f.attributed_to for f in casualty_figures(text, "r1")] == [
        "Syrian Observatory for Human Rights"
    ] * 2


def test_pronoun_source_resolves_within_the_paragraph() -> None:
    text = (
        "Amnesty International said 20 people were killed on Monday. On Tuesday it said 31 people had died."
    )
    assert [f.attributed_to for f in casualty_figures(text, "r1")] == ["Amnesty International"] * 2


@pytest.mark.parametrize(
    ("sentence", "verified"),
    [
        ("The office has verified at least 111 civilian killings.", True),
        ("Hospital records confirm 40 people were killed.", True),
        ("The group documented 803 killings in five days.", True),
        ("More than 300 people were detained, but the figure could not be independently verified.", False),
        ("Unconfirmed reports said 50 people were killed.", False),
        ("Fifty people were killed in the strike.", False),
    ],
)
def test_verified(sentence: str, verified: bool) -> None:
    assert one(sentence).verified is verified


# --- breakdowns, lists and titles -------------------------------------------------------------


def test_of_them_breakdown() -> None:
    found = casualty_figures(
        "Officials said 34 people were killed, two of them children, and 117 injured.", "r1"
    )
    assert [(f.low, f.category, f.outcome) for f in found] == [
        (34, "people", "killed"),
        (2, "children", "killed"),
        (117, "people", "injured"),  # the clause's noun, not the breakdown's
    ]


def test_list_of_counts_by_place() -> None:
    found = casualty_figures(
        "The monitor counted 683 civilians killed in Latakia, 433 in Tartus and 12 in Homs.", "r1"
    )
    assert [(f.low, f.category, f.outcome) for f in found] == [
        (683, "civilians", "killed"),
        (433, "civilians", "killed"),
        (12, "civilians", "killed"),
    ]


def test_including_after_an_outcome_without_a_count() -> None:
    found = casualty_figures("Rescuers searched for people still missing, including two children.", "r1")
    assert [(f.low, f.category, f.outcome) for f in found] == [(2, "children", "missing")]


def test_mass_killings_are_incidents_not_people() -> None:
    found = casualty_figures(
        "It recorded three new mass killings on Wednesday, which left 158 civilians dead.", "r1"
    )
    assert [f.low for f in found] == [158]


def test_a_title_line_is_not_counted_twice() -> None:
    text = "Strike kills 12 in market\nAn airstrike killed 12 people in a market on Monday, medics said."
    found = casualty_figures(text, "r1")
    assert [(f.low, text[f.start : f.end][:13]) for f in found] == [(12, "An airstrike ")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The strike killed at least 74 people, said Ahmed Saleh, a spokesman for the ministry.",
            "Ahmed Saleh",
        ),
        ("Nine people were wounded, said the civil defence.", "civil defence"),
        ("In Kharkiv, the mayor, Ihor Terekhov, said one person had been injured.", "Ihor Terekhov"),
        ("The WHO said three health workers were wounded.", "WHO"),
        (
            "A national committee investigating the violence in Hama said 40 people were killed.",
            "a national committee",
        ),
        ("Air strikes by the United States killed 20 people.", None),
    ],
)
def test_speaker_forms(sentence: str, source: str | None) -> None:
    assert one(sentence).attributed_to == source


def test_breakdown_sentence_after_the_figure() -> None:
    text = (
        "The monitor documented the killing of 52 civilians in Hama. "
        "Of those, 30 were men, 15 were women and seven were children."
    )
    found = casualty_figures(text, "r1")
    # Men are no category of their own: they stay civilians, as the figure they break down.
    assert [(f.low, f.category, f.outcome) for f in found] == [
        (52, "civilians", "killed"),
        (30, "civilians", "killed"),
        (15, "women", "killed"),
        (7, "children", "killed"),
    ]


def test_also_counted_goes_on_with_the_toll() -> None:
    text = (
        "The Observatory counted 300 civilians among the dead in Sweida. "
        "It also counted 120 members of the security forces and 21 Bedouin."
    )
    found = casualty_figures(text, "r1")
    assert [(f.low, f.category, f.outcome) for f in found] == [
        (300, "civilians", "killed"),
        (120, "security_forces", "killed"),
        (21, "people", "killed"),
    ]


def test_a_new_paragraph_does_not_go_on_with_the_last_one() -> None:
    text = (
        "The Observatory counted 300 civilians among the dead.\nIt also counted 120 soldiers at the border."
    )
    assert [f.low for f in casualty_figures(text, "r1")] == [300]
