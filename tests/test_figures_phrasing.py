"""Casualty figures in phrasings the rules missed on the second development set (tests/data/dev2).

Every sentence here was written for these tests, not copied from that set: same kinds of
constructions, other places, numbers and sources. Expected values come from reading each
sentence with DESIGN.md's Figure semantics and tests/data/README.md's annotation rules.
"""

from __future__ import annotations

import pytest

from dashboard.extract.figures import casualty_figures

Row = tuple[int | None, int | None, str, str, str]


def read(text: str) -> list[Row]:
    return [(f.low, f.high, f.qualifier, f.category, f.outcome) for f in casualty_figures(text, "r1")]


def read_with_sources(text: str) -> list[tuple[int | None, str, str | None]]:
    return [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")]


# --- counts that were not found at all ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list after a colon breaks the toll down (and "13:" is no clock time).
        (
            "The monitor put the toll at 13: nine Afghans, three Iraqis and one soldier.",
            [
                (13, 13, "exact", "unknown", "killed"),
                (9, 9, "exact", "people", "killed"),
                (3, 3, "exact", "people", "killed"),
                (1, 1, "exact", "security_forces", "killed"),
            ],
        ),
        # The earlier count of an updated toll.
        (
            "The death toll rose to 41 on Friday, the governor said, up from 35 a day earlier.",
            [(41, 41, "exact", "unknown", "killed"), (35, 35, "exact", "unknown", "killed")],
        ),
        # A long phrase between "toll" and the count, with a name in brackets.
        (
            "The death toll from Tuesday's drone attack on the eastern Ukrainian city of Sloviansk "
            "(Слов'янськ) has climbed to 9.",
            [(9, 9, "exact", "unknown", "killed")],
        ),
        # A relative clause between the noun and its passive verb.
        (
            "Three nurses who had stayed behind to care for patients were killed in the shelling.",
            [(3, 3, "exact", "people", "killed")],
        ),
        # The verb's second object.
        (
            "The strike on the convoy killed a local commander and four of his relatives.",
            [(4, 4, "exact", "people", "killed")],
        ),
        (
            "A drone hit the house, killing a schoolteacher and five other villagers.",
            [(5, 5, "exact", "people", "killed")],
        ),
        ("Gunmen killed a family of six in their home near Bunia.", [(6, 6, "exact", "people", "killed")]),
        # Displacement, hostages and treatment for wounds.
        (
            "About 9,000 people have been forced from their homes.",
            [(9000, 9000, "about", "people", "displaced")],
        ),
        (
            "The kidnappers are holding 37 villagers hostage in the forest.",
            [(37, 37, "exact", "people", "abducted")],
        ),
        (
            "Doctors at the clinic treated 22 people for shrapnel wounds.",
            [(22, 22, "exact", "people", "injured")],
        ),
        # Adverbs between the auxiliary and the outcome.
        ("Nineteen people were critically injured.", [(19, 19, "exact", "people", "injured")]),
        (
            "About 50,000 people are now internally displaced.",
            [(50000, 50000, "about", "people", "displaced")],
        ),
        # A quoted count after a toll phrase.
        (
            'Officials put the number of victims at "at least 70".',
            [(70, None, "at_least", "people", "killed")],
        ),
        # "us" before a count is a pronoun here, not the US dollar.
        ("Medics tell us 12 people were wounded.", [(12, 12, "exact", "people", "injured")]),
        # Kinship words are persons.
        ("Among the dead were three brothers.", [(3, 3, "exact", "people", "killed")]),
        # Situation-report tables: the outcome is a label before the count.
        (
            "- Idlib governorate: Killed: 412; Injured: more than 900.",
            [(412, 412, "exact", "unknown", "killed"), (901, None, "more_than", "unknown", "injured")],
        ),
        # "about" after a verb of talking is a preposition.
        ("On Monday, medics were talking about six people killed.", [(6, 6, "exact", "people", "killed")]),
        # A dash between two counts does not join them into one number.
        (
            "The toll rose to nine - four of them women.",
            [(9, 9, "exact", "unknown", "killed"), (4, 4, "exact", "women", "killed")],
        ),
        (
            "Some 80 people were taken across the border as hostages.",
            [(80, 80, "about", "people", "abducted")],
        ),
        # A part named before the verb is still a part of the figure before it.
        (
            "At least 30 people, including six children, were killed, and more than 70 were wounded.",
            [
                (30, None, "at_least", "people", "killed"),
                (6, 6, "exact", "children", "killed"),
                (71, None, "more_than", "people", "injured"),
            ],
        ),
        # An interjected "it said" inside "among the dead were".
        (
            "Among the dead, it said, were 11 women.",
            [(11, 11, "exact", "women", "killed")],
        ),
        # "claimed N lives" counts persons.
        ("The blasts claimed 27 lives.", [(27, 27, "exact", "people", "killed")]),
        ("Around 60 people remain in hospital.", [(60, 60, "about", "people", "injured")]),
        ("Some 300 families had left their homes by dusk.", [(300, 300, "about", "unknown", "displaced")]),
        (
            "A neighbour said a family of five is still unaccounted for.",
            [(5, 5, "exact", "people", "missing")],
        ),
        # A singular after "and a" is not what the count counts.
        (
            "Shelling killed 3 children and a woman in the village.",
            [(3, 3, "exact", "children", "killed")],
        ),
        # Tables and lists: the outcome is a label before the count.
        ("| Killed | 31 |", [(31, 31, "exact", "unknown", "killed")]),
        (
            "- Shelling of the market, 2 May: aid workers killed - 3; others injured - 9",
            [(3, 3, "exact", "people", "killed"), (9, 9, "exact", "people", "injured")],
        ),
        # "N+" is more than N.
        ("Medics said 30+ people were wounded.", [(31, None, "more_than", "people", "injured")]),
        # Burying the dead counts them; being treated in hospital, or burns, are injuries.
        (
            'The mayor said: "We buried 12 people today, and 20 are being treated in hospital."',
            [(12, 12, "exact", "people", "killed"), (20, 20, "exact", "people", "injured")],
        ),
        ("Another 5 patients with burns were flown to Nairobi.", [(5, 5, "exact", "people", "injured")]),
        # The cue right before the count beats an outcome that belongs to the next count.
        (
            "The group documented the kidnapping of 14 people and 200 arrests of students.",
            [(14, 14, "exact", "people", "abducted"), (200, 200, "exact", "people", "detained")],
        ),
    ],
)
def test_counts_now_found(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


# --- numbers that are still not casualty figures ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A count of things named after an outcome word used as an adjective.
        "Aid reached the 4 displacement camps outside the town.",
        # Weapons seized are not people seized.
        "Police said more than 300 rifles were seized in the raids.",
        # Ages after names: "Name, 26,".
        "Soldiers freed three hostages - Dana Levi, 31, and Omar Haddad, 45 - in the raid.",
        # Treating patients says nothing of how they were hurt.
        "The hospital treated 300 patients last month.",
        # Held meetings, took days; the sides that held them are not persons counted.
        "The two sides held 5 meetings and took 3 weeks to agree.",
    ],
)
def test_not_casualties(text: str) -> None:
    assert read(text) == []


def test_ages_after_a_count_leave_only_the_count() -> None:
    # Ages listed after a count: none of them is a second count of the dead.
    assert read("A man and his three daughters, aged 4, 7 and 11, were killed.") == [
        (3, 3, "exact", "children", "killed")
    ]


def test_a_coordinated_count_with_its_own_verb_is_not_a_casualty() -> None:
    text = "Ten gunmen were killed and dozens of passengers have been allowed to leave the train."
    assert read(text) == [(10, 10, "exact", "fighters", "killed")]


def test_hostages_who_died_are_killed_not_abducted() -> None:
    assert read("Officials said 9 hostages lost their lives.") == [(9, 9, "exact", "people", "killed")]


# --- who reported it -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Present tense, as in live pages and broadcasts.
        ("Police in Kaduna say 14 people were killed.", [(14, "killed", "police in Kaduna")]),
        ("Hospital staff tell us 8 people were wounded.", [(8, "injured", "hospital staff")]),
        (
            "More than 4,000 people fled, the World Food Programme (WFP) reports.",
            [(4001, "displaced", "World Food Programme")],
        ),
        # "X claimed the lives of": X is the cause, not a source.
        ("The blast claimed the lives of 6 workers.", [(6, "killed", None)]),
        # Who raised the toll reported it.
        ("The health ministry raised the toll to 25.", [(25, "killed", "health ministry")]),
        # What follows "said" is when, not who.
        (
            "The UN refugee agency, UNHCR, said on Monday that 12,000 people had fled.",
            [(12000, "displaced", "UNHCR")],
        ),
        # Each count takes the "according to" that follows it.
        (
            "Fighting has killed 40 soldiers, according to the army, and 310 civilians, according to "
            "the Sudan Doctors Network.",
            [(40, "killed", "army"), (310, "killed", "Sudan Doctors Network")],
        ),
        # "per X" names a source.
        ("Killed: 52, per the Gaza civil defence agency.", [(52, "killed", "Gaza civil defence agency")]),
        # A quotation's own "I" is whoever the quote is attributed to.
        (
            '"I saw nine bodies on the road," said a driver from the Kassala bus station.',
            [(9, "killed", "a driver from the Kassala bus station")],
        ),
        (
            "The Red Crescent, the rescue service, is now saying 8 people died.",
            [(8, "killed", "Red Crescent")],
        ),
        # A list line's source in brackets before its count.
        (
            "- Drone strike on Kadugli, 4 June (World Food Programme, by phone): children killed - 5",
            [(5, "killed", "World Food Programme")],
        ),
        # Local volunteers are a source.
        (
            "About 700 families fled the village, local volunteers said.",
            [(700, "displaced", "local volunteers")],
        ),
    ],
)
def test_sources(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_he_said_goes_back_to_a_speaker_named_in_a_sentence_without_a_figure() -> None:
    text = (
        "The army spokesman, Colonel Amadou Diallo, told reporters in Niamey that the operation was over. "
        "Twelve soldiers were killed, he said."
    )
    assert read_with_sources(text) == [(12, "killed", "Colonel Amadou Diallo")]


def test_a_quotation_takes_the_speaker_named_where_it_closes() -> None:
    text = (
        '"We have counted 40 dead since the morning. Most of them were farmers," the hospital director said.'
    )
    assert read_with_sources(text) == [(40, "killed", "hospital director")]


def test_a_table_row_takes_the_source_of_the_line_that_introduces_it() -> None:
    text = "The toll, as given by the regional health bureau:\n\n| Killed | 18 |\n| Injured | 40 |\n"
    assert read_with_sources(text) == [
        (18, "killed", "regional health bureau"),
        (40, "injured", "regional health bureau"),
    ]


def test_it_said_is_the_sentence_subject() -> None:
    text = (
        "The Syrian Observatory for Human Rights counted 20 dead. "
        "The Kurdistan Workers' Party (PKK) gave its own figures: it said it had lost 5 fighters."
    )
    found = read_with_sources(text)
    assert found[0] == (20, "killed", "Syrian Observatory for Human Rights")
    assert found[1][:2] == (5, "killed")
    assert found[1][2] is not None and "Kurdistan Workers" in found[1][2]


# --- sources missed on the fourth development set (tests/data/dev4), 7 December 2026 -------


def test_a_source_that_gives_a_count_is_the_source_of_its_breakdown() -> None:
    text = (
        "Airwars, a monitoring group in London, gives a much lower count: 9 civilians killed "
        "(4 of them children)."
    )
    assert read_with_sources(text) == [(9, "killed", "Airwars"), (4, "killed", "Airwars")]


def test_it_at_a_sentence_start_is_the_source_that_gave_an_account_just_before() -> None:
    text = (
        "The district administration said two guards died. "
        "The International Committee of the Red Cross, which runs a clinic nearby, gave another account. "
        "It said eleven people were killed."
    )
    assert read_with_sources(text) == [
        (2, "killed", "district administration"),
        (11, "killed", "International Committee of the Red Cross"),
    ]


def test_one_before_a_noun_counts_the_speaker_and_is_no_pronoun() -> None:
    text = '"We carried out three wounded boys," one paramedic said.'
    assert read_with_sources(text) == [(3, "injured", "one paramedic")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("By late evening rescue workers said four people had died.", "rescue workers"),
        ("Early on Tuesday police said four people had died.", "police"),
        # A weekday before a capitalised word is part of a name.
        ("The Sunday Telegraph reported that four people had died.", "Sunday Telegraph"),
    ],
)
def test_a_time_phrase_before_the_subject_is_not_part_of_the_source(text: str, source: str) -> None:
    assert read_with_sources(text) == [(4, "killed", source)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adverb between the count and its verb.
        (
            "Some 2,500 villagers were nonetheless believed to have fled, aid workers said.",
            [(2500, "displaced", "aid workers")],
        ),
        # "warned" reports the figure of its clause.
        (
            "The governor warned that the floods of 2022 had displaced 30,000 people.",
            [(30000, "displaced", "governor")],
        ),
        # "An estimated" is an adjective: the speaker is the one who said it.
        (
            "An estimated 600 families fled the district, local officials said.",
            [(600, "displaced", "local officials")],
        ),
        ("Nine patients remain in intensive care, the surgeon said.", [(9, "injured", "surgeon")]),
    ],
)
def test_sources_and_outcomes_of_dev4_kinds(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # How the speaker was reached sits between the speaker and the verb.
        (
            "On Sunday, residents of the old quarter reached by telephone said 15 men were detained.",
            [(15, "detained", "residents of the old quarter")],
        ),
        (
            "A police officer speaking on condition of anonymity said 6 guards died.",
            [(6, "killed", "a police officer")],
        ),
        # A distance between commas is an aside about the speaker.
        (
            "A nurse in Bentiu, about 40 km to the north, told Reuters that 8 children were wounded.",
            [(8, "injured", "a nurse in Bentiu")],
        ),
        # "talking about" reports a figure; "talking to" does not.
        ("By noon, medics were talking about 30 people injured.", [(30, "injured", "medics")]),
        ("A boy was talking to his mother when 2 people were killed.", [(2, "killed", None)]),
        # A count in quotation marks still reaches its noun and outcome.
        ('The army said "more than 50" militants were killed.', [(51, "killed", "army")]),
    ],
)
def test_more_sources_of_dev3_kinds(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_a_phone_line_after_the_missing_is_no_figure() -> None:
    assert read("Relatives looking for the missing can call the hotline: 1522.") == []


# --- phrasings missed on the seventh development set (tests/data/dev7), 7 December 2026 ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A farmer said he had helped to bury 9 neighbours that night.", [(9, "killed", "a farmer")]),
        (
            "There were more than 600 homicides last year, the governor said.",
            [(601, "killed", "governor")],
        ),
        ("Surgeons said 31 people were treated for injuries at the clinic.", [(31, "injured", "surgeons")]),
        # The count's own noun before a passive verb is not a speaker.
        ("Since Monday 9,000 people are estimated to have fled the valley.", [(9000, "displaced", None)]),
        ("There were 75 deaths last week in the camps.", [(75, "killed", None)]),
        ("Among the injured are 4 nurses, the hospital said.", [(4, "injured", "hospital")]),
        # Things seized are not people taken.
        ("Troops arrested 6 suspects and seized three motorcycles and two explosive vests.", [(6, "detained", None)]),
        # A source introduced by a relative clause of the reporter's own.
        (
            "Aid workers we spoke to put the number of dead at between 40 and 60.",
            [(40, "killed", "aid workers")],
        ),
    ],
)
def test_dev7_kinds(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_it_goes_back_to_a_speaker_whose_acronym_follows_in_brackets() -> None:
    text = (
        "Police sources said the road was closed. The national disaster agency, Civil Protection (CP), "
        "says the search is over. It says 14 people were killed."
    )
    assert read_with_sources(text) == [(14, "killed", "Civil Protection")]


@pytest.mark.parametrize(
    ("text", "verified"),
    [
        ("The monitor has documented 57 deaths.", True),
        ("At least 8 people died, the coroner confirmed.", True),
        ("Twelve deaths have since been confirmed by the ministry.", True),
        # "confirmed" with an object of its own says nothing about the count.
        ("Riots killed 19 people after the court confirmed the governor as winner of the vote.", False),
        ("Officials said 3 people died but could not confirm the figure.", False),
        # A verifying verb at the end of its clause, with when or to whom after it.
        ("Four people were killed, the ministry confirmed on Monday.", True),
        ("Twelve people died, police confirmed to reporters.", True),
    ],
)
def test_verified_only_when_the_verb_bears_on_the_count(text: str, verified: bool) -> None:
    assert [f.verified for f in casualty_figures(text, "r1")] == [verified]


# --- phrasings missed on the sixth development set (tests/data/dev6), 7 December 2026 ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month before a number word is no date.
        ("In March dozens of herders were killed near the river.", [(24, None, "vague", "people", "killed")]),
        (
            "Six people died, among them two members of the Malian armed forces.",
            [(6, 6, "exact", "people", "killed"), (2, 2, "exact", "security_forces", "killed")],
        ),
        ("The agency counted about 900 newly displaced people.", [(900, 900, "about", "people", "displaced")]),
        ("Four of our colleagues were killed in the raid.", [(4, 4, "exact", "people", "killed")]),
    ],
)
def test_dev6_kinds(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "A police commander who asked not to be identified said 11 recruits were killed.",
            "a police commander",
        ),
        ("Aid agencies report that 3,000 people have fled.", "aid agencies"),
        (
            "The Protection Monitoring Network of the Danish Refugee Council recorded 70 people abducted.",
            "Protection Monitoring Network of the Danish Refugee Council",
        ),
    ],
)
def test_dev6_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)] == [source]


@pytest.mark.parametrize("subject", ["The security forces", "The junta", "the rebels", "the watchdog"])
def test_an_article_and_a_noun_of_authority_name_a_source(subject: str) -> None:
    text = f"On Sunday {subject} said 5 people died." if subject.islower() else f"{subject} said 5 people died."
    assert [s for _, _, s in read_with_sources(text)] == [subject.split(" ", 1)[1]]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "report" and "estimate" are verbs after a plural subject, nouns after anything else.
        ("On Monday a UN report said 40 people died.", "a UN report"),
        ("On Monday an early estimate put the toll at 40 dead.", None),
        ("Aid groups report that 40 people died.", "aid groups"),
        ("Officials estimate that 40 people died.", "officials"),
    ],
)
def test_report_and_estimate_as_verb_or_noun(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)] == [source]


# --- phrasings of the ninth development set (tests/data/dev9), in sentences of our own ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part named with "including" keeps the outcome of the count it is part of, when the
        # outcome after it belongs to the next count.
        (
            "Rescuers said 19 were killed, including four children, and 61 wounded.",
            [(19, 19, "exact", "unknown", "killed"), (4, 4, "exact", "children", "killed"),
             (61, 61, "exact", "unknown", "injured")],
        ),
        # A breakdown in commas between the count and its verb.
        (
            "Five people from one village, two women and three men, have been missing since Friday.",
            [(5, 5, "exact", "people", "missing"), (2, 2, "exact", "women", "missing"),
             (3, 3, "exact", "people", "missing")],
        ),
        # Treated for wounds named with more than one word.
        (
            "Doctors said 14 people were treated for shrapnel and bullet wounds.",
            [(14, 14, "exact", "people", "injured")],
        ),
        # "driven N from their homes" is displacement; driving a distance is not.
        (
            "The floods of violence have driven some 40,000 people from their homes. Driving 20 km took hours.",
            [(40000, 40000, "about", "people", "displaced")],
        ),
    ],
)
def test_dev9_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A bulletin's lead-in names the source; a place after "from" does not.
        ("Latest from the regional health department: 9 dead and 30 injured.", "regional health department"),
        ("Reports from Kherson: 9 dead.", None),
        # Two sources joined by "and" after "according to".
        ("Eleven people died, according to medical and police sources.", "medical and police sources"),
        # The name before its bracketed acronym.
        ("Shelling killed 6 civilians, the Palestine Red Crescent Society (Gaza branch) said.",
         "Palestine Red Crescent Society"),
        # The second of two verbs has the sentence's subject, past an aside in commas.
        ("The provincial government, which moved to Kassala last year, condemned the raid and put the toll at 27.",
         "provincial government"),
    ],
)
def test_dev9_sources(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


def test_the_same_office_is_the_office_named_before() -> None:
    text = (
        "According to the UN refugee agency, 3,000 people fled. The same agency said 40 people were "
        "injured. Police said 2 died. The same source said 5 were missing."
    )
    assert [s for _, _, s in read_with_sources(text)] == [
        "UN refugee agency",
        "UN refugee agency",
        "police",
        "police",
    ]


def test_a_verb_describing_the_source_verifies_nothing() -> None:
    # "documents" describes what the group does; the count comes from its own "said".
    text = "The Darfur Bar Association, a lawyers' group that documents abuses, said 30 people were killed."
    assert [f.verified for f in casualty_figures(text, "r1")] == [False]
    assert [f.verified for f in casualty_figures("The UN has documented 30 killings.", "r1")] == [True]


# --- phrasings of the tenth development set (tests/data/dev10), in sentences of our own -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A toll that changed: the earlier count and the new one, not a range.
        (
            "The death toll from the fire at the market rose from 17 to 23, officials said.",
            [(17, 17, "exact", "unknown", "killed"), (23, 23, "exact", "unknown", "killed")],
        ),
        ("Temperatures rose from 12 to 19 degrees.", []),
        # "martyred", "officer", militia members, a noun phrase with "loyal to" or "at the site".
        (
            "- 14 policemen were martyred in the ambush.\n- All 9 attackers present at the scene were killed.",
            [(14, 14, "exact", "security_forces", "killed"), (9, 9, "exact", "fighters", "killed")],
        ),
        ("The army said one officer was killed.", [(1, 1, "exact", "security_forces", "killed")]),
        (
            "The group said it had killed about 70 members of a local militia.",
            [(70, 70, "about", "fighters", "killed")],
        ),
        (
            "It said 40 soldiers and 65 fighters loyal to the old regime had also been killed.",
            [(40, 40, "exact", "security_forces", "killed"), (65, 65, "exact", "fighters", "killed")],
        ),
        # "N of the dead were <community> civilians"; no category from a negation.
        (
            "The monitor counted 300 dead. It said 210 of the dead were Druze civilians.",
            [(300, 300, "exact", "unknown", "killed"), (210, 210, "exact", "civilians", "killed")],
        ),
        # "put the figure at"; "remain in detention"; "people from X and neighbouring villages".
        (
            "A UN assessment put the figure at up to 900.",
            [(None, 900, "up_to", "unknown", "killed")],
        ),
        ("Lawyers say 2,300 people remain in detention.", [(2300, 2300, "exact", "people", "detained")]),
        (
            "Elders said about 600 people from Kalma and neighbouring villages had fled.",
            [(600, 600, "about", "people", "displaced")],
        ),
    ],
)
def test_dev10_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A live page's "<time> - <source>:" lead-in; a label is no source.
        ("16:20 - Regional police: 4 dead, 11 injured.", "Regional police"),
        ("16:20 - Killed: 4", None),
        # A relative clause with no commas between the speaker and the verb; an age in the phrase.
        ('"I counted 30 bodies," a 61-year-old shepherd who hid in a ravine told us.', "a 61-year-old shepherd"),
        # A participle after an inverted speaker; not when a clause follows it.
        ('"We found 12 bodies," said a nurse working at the clinic.', "a nurse"),
        ("The mayor, Olena Hrytsenko, said Russian shelling of the port had killed 3 people.", "Olena Hrytsenko"),
        # A relative clause holding a count with a thousands comma, before the source's verb.
        (
            "The Kurdistan Human Rights Network, which has recorded 1,400 arrests since May, says 60 people "
            "remain in detention.",
            "Kurdistan Human Rights Network",
        ),
    ],
)
def test_dev10_sources(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_he_or_she_is_the_person_the_paragraph_named_not_an_earlier_ministry() -> None:
    text = (
        "The health ministry put the toll at 52.\n"
        "The UN's humanitarian chief in the country, Tom Fletcher, called for a ceasefire. "
        "He said 2 million people had been displaced."
    )
    assert [s for _, _, s in read_with_sources(text)] == ["health ministry", "Tom Fletcher"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bodies in a morgue are dead; families crossing a border flee; soldiers crossing advance.
        ("Another 40 lay in the hospital's morgue.", [(40, 40, "exact", "unknown", "killed")]),
        ("About 3,000 families crossed into Chad.", [(3000, 3000, "about", "unknown", "displaced")]),
        ("Some 300 soldiers crossed into Kursk.", []),
    ],
)
def test_morgues_and_border_crossings(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


# --- phrasings of the eleventh and twelfth development sets, in sentences of our own -------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "Name, <country>'s <role>, told": the name and its role.
        ("Shelling killed 14 people, Amina Yusuf, Somalia's deputy health minister, told reporters.",
         "Amina Yusuf, Somalia deputy health minister"),
        # An aside "speaking on condition of anonymity" between commas.
        ("Two army officers, speaking on condition of anonymity, said 9 soldiers died.", "Two army officers"),
        # "<group>, the <Name> (<ACR>), had earlier put the toll at": the appositive name.
        ("A monitoring group, the Darfur Network for Human Rights (DNHR), had earlier put the toll at 60.",
         "Darfur Network for Human Rights"),
        # A name with an aside before "says": not an inverted "..., says X".
        ("Oleh Syniehubov, the governor of the Kharkiv region, says Russian drones hit a depot. "
         "He says two people have been killed.", "Oleh Syniehubov"),
        # "he/she said" after a sentence introducing a person by a noun.
        ("Police said 3 died.\nIn the ward, a surgeon showed us the beds. \"We received 40 wounded overnight,\" she said.",
         "a surgeon"),
        # Who treated or registered the people counted, when no one else is said to.
        ("Red Cross teams in Mopti treated 25 people with gunshot wounds.", "Red Cross teams in Mopti"),
        # An acronym after a name in a list line is no bracketed source.
        ("- Attacks by the Allied Democratic Forces (ADF) have killed 40 civilians.", None),
    ],
)
def test_dev11_dev12_sources(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 30 gendarmerie recruits were among the dead.", [(30, 30, "about", "security_forces", "killed")]),
        ("Officials said 44 people were receiving treatment.", [(44, 44, "exact", "people", "injured")]),
        ("All six of the dead were young Yazidi men.", [(6, 6, "exact", "people", "killed")]),
        (
            "Soldiers killed 12 suspected gang members and arrested three others.",
            [(12, 12, "exact", "fighters", "killed"), (3, 3, "exact", "fighters", "detained")],
        ),
        ("The monitor said 17 members of the force were killed.", [(17, 17, "exact", "security_forces", "killed")]),
        # "killing the mayor, <name>, and N other people"
        (
            "A drone hit the council building, killing the governor, Musa Ali, and at least 8 other people.",
            [(8, None, "at_least", "people", "killed")],
        ),
        # The toll's occasion names no victims: "at a workers' rally".
        ("The death toll from the bombing at a workers' rally rose to 31.", [(31, 31, "exact", "unknown", "killed")]),
        # "N were among them": a part of the count before.
        (
            "The ministry said 90 people were injured and that 12 children were among them.",
            [(90, 90, "exact", "people", "injured"), (12, 12, "exact", "children", "injured")],
        ),
    ],
)
def test_dev11_dev12_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


# --- phrasings of the thirteenth development set (tests/data/dev13), in sentences of our own --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quoted count with its noun; the bare counts after it take that noun.
        (
            'The ministry said "27 civilians" were killed and 9 others wounded.',
            [(27, 27, "exact", "civilians", "killed"), (9, 9, "exact", "civilians", "injured")],
        ),
        ("Many families had left nearby villages; dozens of families had left neighbouring hamlets.",
         [(24, None, "vague", "unknown", "displaced")]),
        ("Some 40 aid workers were being held hostage.", [(40, 40, "about", "people", "abducted")]),
        ('The army said it had killed seven "terrorists".', [(7, 7, "exact", "fighters", "killed")]),
        ('The army said it had "neutralised" about 30 of the attackers.', [(30, 30, "about", "fighters", "killed")]),
        ("He said 12 were still being treated at the hospital.", [(12, 12, "exact", "unknown", "injured")]),
        ("At least 9 soldiers were flown to the capital for treatment.",
         [(9, None, "at_least", "security_forces", "injured")]),
        (
            "The toll reached 90. Of the dead, 41 were police officers.",
            [(90, 90, "exact", "unknown", "killed"), (41, 41, "exact", "security_forces", "killed")],
        ),
        ("Troops killed 6 members of the Abu Sayyaf group.", [(6, 6, "exact", "fighters", "killed")]),
        ("Gunmen killed 4 members of a local aid group.", [(4, 4, "exact", "people", "killed")]),
    ],
)
def test_dev13_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A nurse at the clinic told us that 14 people had died.", "a nurse"),
        ("Mayor Ana Lucia Paz visited the ward. She said 7 people had died.", "Ana Lucia Paz"),
        (
            "Elders said families had fled to the hills, and a health worker estimated that about 600 "
            "people had left their homes.",
            "a health worker",
        ),
    ],
)
def test_dev13_sources(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


# --- phrasings of the fifteenth development set (tests/data/dev15), in sentences of our own --


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Key figures sourced in brackets at the end of the line.
        ("KEY FIGURES\n- 1,200 bodies buried in and around Kherson (Regional Health Department, 3 May)",
         "Regional Health Department"),
        ("Killed: at least 300 people (Sudan Doctors Network)", "Sudan Doctors Network"),
        ("Displaced: an estimated 12,000 people (IOM)", "IOM"),
        # A humanitarian cluster is a source; so is "X estimates that" after a name ending in -a.
        ("According to the health cluster, at least 31 people were killed.", "health cluster"),
        ("In April, UNRWA estimates that about 90,000 people have fled.", "UNRWA"),
        # "according to its report" is the subject's own report.
        ("The Kurdistan Human Rights Network documented the deaths of 40 civilians, according to its annual report.",
         "Kurdistan Human Rights Network"),
        # Who received the people counted, when no one else is said to.
        ("The MSF clinic in Adre received 51 wounded on Sunday.", "MSF clinic in Adre"),
    ],
)
def test_dev15_sources(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Bunia, 9,000 people were registered in displacement sites.", [(9000, 9000, "exact", "people", "displaced")]),
        ("Reported fatalities rose to 310 across the country.", [(310, 310, "exact", "unknown", "killed")]),
        ("Teams have received dozens of wounded people.", [(24, None, "vague", "people", "injured")]),
        ("About 700 Druze families fled the town.", [(700, 700, "about", "unknown", "displaced")]),
    ],
)
def test_dev15_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


# --- phrasings of the fourteenth development set (tests/data/dev14), in sentences of our own --


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        (
            "Officials condemned the attack on the convoy, which the army says killed 6 soldiers.",
            [(6, 6, "exact", "security_forces", "killed")],
            "army",
        ),
        ("The port authority said 2,000 people had been placed in shelters.",
         [(2000, 2000, "exact", "people", "displaced")], "port authority"),
        ("The ministry says more than 90 people sought treatment for burns.",
         [(91, None, "more_than", "people", "injured")], "ministry"),
        ("The drone wounded 12 service members, the Pentagon said.",
         [(12, 12, "exact", "security_forces", "injured")], "Pentagon"),
        ("Our surgical team in Marib treated 23 wounded people on Monday.",
         [(23, 23, "exact", "people", "injured")], None),
    ],
)
def test_dev14_counts_and_sources(text: str, expected: list[Row], source: str | None) -> None:
    assert read(text) == expected
    assert [s for _, _, s in read_with_sources(text)] == [source]


def test_cannot_verify_is_no_verification() -> None:
    text = "The ministry says more than 250 people have been killed; we cannot verify these figures."
    assert [f.verified for f in casualty_figures(text, "r1")] == [False]


# --- phrasings of the sixteenth development set (tests/data/dev16), in sentences of our own --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part of the wounded or the dead, with no noun of its own, counts persons; a verb
        # of its own after it ("later died") is its outcome.
        ("A surgeon in Kherson said four of the wounded were on ventilators.",
         [(4, 4, "exact", "people", "injured")]),
        ("The ministry raised the toll to 17, saying three of the injured had died overnight.",
         [(17, 17, "exact", "unknown", "killed"), (3, 3, "exact", "people", "killed")]),
        # ... but it keeps the category of a whole counted just before.
        ("The shelling wounded 40 civilians. Six of the wounded were in a critical state.",
         [(40, 40, "exact", "civilians", "injured"), (6, 6, "exact", "civilians", "injured")]),
        # "them" names the last persons of the sentence.
        ("Gunmen fired on a minibus carrying police officers near Bannu, killing seven of them.",
         [(7, 7, "exact", "security_forces", "killed")]),
        # A verb right before a part of an earlier count is the part's own.
        ("The militia seized 25 farmers near Kalehe and shot dead six of them.",
         [(25, 25, "exact", "people", "abducted"), (6, 6, "exact", "people", "killed")]),
        ("Rebels kidnapped 18 villagers on Friday, killing three of them.",
         [(18, 18, "exact", "people", "abducted"), (3, 3, "exact", "people", "killed")]),
        # "all of them civilians" says what the whole count was.
        ("The monitor later put the toll at 21, all of them civilians.",
         [(21, 21, "exact", "civilians", "killed")]),
        ("The blast killed 9 people, all of them soldiers, the army said.",
         [(9, 9, "exact", "security_forces", "killed")]),
        # Members of armed groups are fighters, also in the plural.
        ("Fourteen members of the armed groups were killed and 30 others arrested, the ministry said.",
         [(14, 14, "exact", "fighters", "killed"), (30, 30, "exact", "fighters", "detained")]),
        # Families leaving a place, or moving in with relatives, are displaced ...
        ("About 350 families have left the town since the shelling began, the mayor said.",
         [(350, 350, "about", "unknown", "displaced")]),
        ("Hundreds of families have left Kupiansk for the nearby villages, officials said.",
         [(200, None, "vague", "unknown", "displaced")]),
        ("Aid workers say some 900 families have left villages along the river since May.",
         [(900, 900, "about", "unknown", "displaced")]),
        ("Residents said about 120 families had moved to relatives in Kobani.",
         [(120, 120, "about", "unknown", "displaced")]),
        # ... soldiers leaving a town are not.
        ("About 300 soldiers left the town on Monday.", []),
        # "the dead ... N were among them": killed, though the dead were not counted.
        ("Neighbours said the dead all came from one street and that three sisters were among them.",
         [(3, 3, "exact", "people", "killed")]),
    ],
)
def test_dev16_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_sentence_opening_on_a_preposition_names_no_source() -> None:
    # "Over the same period, it said": "it" is the monitor of the sentence before, not "Over".
    text = (
        "Title\nThe Observatory said 12 soldiers were killed in the desert this month. "
        "Over the same period, it said, air strikes had killed more than 40 militants."
    )
    assert [(f.attributed_to or "").lower() for f in casualty_figures(text, "r1")] == ["observatory"] * 2


def test_its_members_are_of_the_sources_kind() -> None:
    text = (
        "Title\nThe Internal Security Forces said the attack on the plant was repelled. "
        "It said two of its members were wounded."
    )
    assert [(f.category, f.outcome) for f in casualty_figures(text, "r1")] == [("security_forces", "injured")]


# --- phrasings of the seventeenth development set (tests/data/dev17), in sentences of our own -


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Army communiques: "paid the supreme price"; "others" are more of the same kind
        # even in a clause of their own.
        ("Three gallant soldiers paid the supreme price while five others were wounded in action.",
         [(3, 3, "exact", "security_forces", "killed"), (5, 5, "exact", "security_forces", "injured")]),
        # Suspects, collaborators, suppliers are persons; what they are suspected of is no outcome.
        ("Troops arrested 14 suspected collaborators and arms suppliers in Gusau.",
         [(14, 14, "exact", "people", "detained")]),
        ("Police arrested 7 suspected perpetrators of the recent killings in Mangu.",
         [(7, 7, "exact", "people", "detained")]),
        # Brought in with wounds; arrived somewhere, fleeing.
        ("A nurse in Maiduguri said nine people were brought in with gunshot wounds.",
         [(9, 9, "exact", "people", "injured")]),
        ("About 800 people from villages near Ayorou have arrived in Tillaberi since Sunday, fearing new attacks.",
         [(800, 800, "about", "people", "displaced")]),
        # "the deaths of N of them" are deaths, though the count before was of the wounded.
        ("The strike killed 30 people and wounded 70 others. We confirmed the deaths of at least 19 of them.",
         [(30, 30, "exact", "people", "killed"), (70, 70, "exact", "people", "injured"),
          (19, None, "at_least", "people", "killed")]),
        # "among them" after an uncounted group takes that group's outcome.
        ("Elders said 9 people were killed and that several people were kidnapped, among them four children.",
         [(9, 9, "exact", "people", "killed"), (4, 4, "exact", "children", "abducted")]),
        # Returning home is no casualty figure.
        ("Nearly 900,000 people have been displaced, and some 200,000 have returned to Mueda.",
         [(900000, 900000, "about", "people", "displaced")]),
        # "Another N" in a new sentence: more of the kind counted just before.
        ("Shelling killed 11 people in the camp on Monday, volunteers said. Another 25 were wounded.",
         [(11, 11, "exact", "people", "killed"), (25, 25, "exact", "people", "injured")]),
    ],
)
def test_dev17_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("At least 60 people were killed, according to a health worker who asked not to be named.",
         "a health worker"),
        # A transcript's speaker label is no source.
        ("Title\nPRESENTER: What do we know?\n\nREPORTER: At least 14 people are still missing here.", None),
    ],
)
def test_dev17_sources(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


def test_confirming_the_attack_does_not_verify_a_count() -> None:
    text = "The state police confirmed the attack but gave no toll, saying only that dozens had died."
    assert [f.verified for f in casualty_figures(text, "r1")] == [False]


def test_a_person_described_with_an_age_is_who_he_refers_to() -> None:
    text = (
        'Title\n"We ran for the trees," said a 41-year-old farmer who was shot in the arm. '
        "He said he lost two sons."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (2, "killed", "a 41-year-old farmer")
    ]


# --- phrasings of the eighteenth development set (tests/data/dev18), in sentences of our own --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll rose to 9 after two more of the wounded died in hospital, the mayor said.",
         [(9, 9, "exact", "unknown", "killed"), (2, 2, "exact", "people", "killed")]),
        ("All 12 terrorists holed up in the compound were sent to hell.",
         [(12, 12, "exact", "fighters", "killed")]),
        ("The attackers had martyred 6 innocent villagers before troops arrived.",
         [(6, 6, "exact", "people", "killed")]),
        ('"I lost my three cousins in the blast," she said.',
         [(3, 3, "exact", "people", "killed")]),
        ("He lost his shop and 2 cars.", []),
    ],
)
def test_dev18_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "wrote" reports, and "he said" after it is the writer.
        ('Title\n"Forty people were injured," Governor Ivan Fedorov wrote on Telegram. '
         "He said 11 of the injured were in a serious condition.", "Governor Ivan Fedorov"),
        # A label "Our notes:" is no speaker; the sentence's own speaker is.
        ("Our notes: The rebel group said on Monday that its fighters had killed 30 soldiers.", "rebel group"),
    ],
)
def test_dev18_sources(text: str, source: str | None) -> None:
    found = [s for _, _, s in read_with_sources(text)]
    assert found and all(s == source for s in found)


def test_a_name_with_an_age_and_an_aside_is_the_speaker() -> None:
    # Not "said his team" (the verb before "counted" taken for a name).
    text = "Maung Aye, 41, a rescuer who dug through the rubble, said his team had counted 52 bodies."
    assert read_with_sources(text) == [(52, "killed", "Maung Aye")]
    text = (
        "Title\nNang Seng, 63, who sells rice by the road, said the jets came at dawn. "
        '"I lost my two grandsons," she said.'
    )
    assert read_with_sources(text) == [(2, "killed", "Nang Seng")]


# --- phrasings of the nineteenth development set (tests/data/dev19), in sentences of our own --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What follows a preposition is no noun of the count.
        ("The morgue in Deir al-Balah received 45 bodies within three hours.",
         [(45, 45, "exact", "people", "killed")]),
        # Military statements: eliminated, apprehended.
        ("During the raid, troops eliminated 8 terrorists and apprehended about 20 wanted suspects.",
         [(8, 8, "exact", "fighters", "killed"), (20, 20, "about", "people", "detained")]),
        ("The reform eliminated 40 posts.", []),
        ('"Three of my neighbours were arrested at dawn," she said.',
         [(3, 3, "exact", "people", "detained")]),
        # "since Friday" is when, not a clause of its own: the bare count keeps the noun.
        ("Officials said 17 people had been killed by rockets since Friday and more than 300 wounded.",
         [(17, 17, "exact", "people", "killed"), (301, None, "more_than", "people", "injured")]),
    ],
)
def test_dev19_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_according_to_a_source_we_met_is_that_source() -> None:
    text = "At least six of the wounded were children, according to nurses we spoke to at the clinic."
    assert [s for _, _, s in read_with_sources(text)] == ["nurses"]


# --- phrasings of the twentieth development set (tests/data/dev20), in sentences of our own ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clinic had taken in 31 wounded people by midnight.",
         [(31, 31, "exact", "people", "injured")]),
        ("Among Friday's victims were 6 children, according to local sources.",
         [(6, 6, "exact", "children", "killed")]),
        ("The toll among members of the interior ministry rose to 41 this week.",
         [(41, 41, "exact", "security_forces", "killed")]),
        ("Among the dead were three medical personnel.", [(3, 3, "exact", "people", "killed")]),
        ("Two security personnel were wounded.", [(2, 2, "exact", "security_forces", "injured")]),
        ("The group said it had killed 15 mercenaries near the dam.",
         [(15, 15, "exact", "fighters", "killed")]),
        ("The toll rose to seven martyrs, all of them civilians.", [(7, 7, "exact", "civilians", "killed")]),
        # Men in a breakdown keep the whole's category.
        ("The office documented the killing of 64 civilians, among them 40 men and 9 women.",
         [(64, 64, "exact", "civilians", "killed"), (40, 40, "exact", "civilians", "killed"),
          (9, 9, "exact", "women", "killed")]),
        # Returnees are no casualty figure.
        ("About 300,000 displaced Iraqis have since returned to Mosul.", []),
    ],
)
def test_dev20_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_or_so_is_about_and_its_teams_are_the_body_named_before() -> None:
    text = (
        "Title\nThe Civil Defence says mines have killed at least 60 people since May. "
        "Its teams have recorded another 150 or so wounded."
    )
    assert [(f.low, f.high, f.qualifier, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (60, None, "at_least", "killed", "Civil Defence"),
        (150, 150, "about", "injured", "Civil Defence"),
    ]
    # "Its health authority" is a source of its own.
    text = "Title\nThe council ran the camp. Its health authority said four civilians were killed."
    assert [f.attributed_to for f in casualty_figures(text, "r1")] == ["health authority"]


# --- "we" and "our" in a body's own statement (tests/data/README.md) ----------------------------


def test_we_in_a_press_release_is_the_body_that_issues_it() -> None:
    text = (
        "Rescuers pull survivors from rubble in Sarmada\n\n"
        "PRESS RELEASE - Syria Civil Defence, Idlib\n\n"
        "Our teams recovered 7 bodies from a collapsed building in Sarmada on Tuesday. "
        "Shelling wounded three of our volunteers near Ariha."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (7, "killed", "Syria Civil Defence"),
        (3, "injured", "Syria Civil Defence"),
    ]


def test_a_statement_named_in_its_title_speaks_for_its_body() -> None:
    text = (
        "Sudan: medical charity says staff killed in Nyala\n\nPress release\n\n"
        "It is with great sorrow that we report that four of our colleagues were killed in Nyala on Sunday."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [(4, "medical charity")]


def test_a_news_story_speaking_of_itself_names_no_source() -> None:
    # No statement header: "our" is the outlet's, and what its correspondent saw names no
    # source; a quotation keeps its speaker.
    text = (
        "Aid group says clinics overwhelmed in Tawila\n\n"
        "Our correspondent in Tawila saw 30 wounded people waiting outside the clinic. "
        '"Twelve of our patients died overnight," said a nurse at the clinic.'
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [(30, None), (12, "a nurse")]


def test_a_list_of_parts_ends_before_the_next_count() -> None:
    # The second part of "among them A and B" is a part of the toll, and the count after the
    # list is a whole of its own (people, not women).
    text = "The minister said 120 people were killed, among them 14 children and 9 women, and 610 wounded."
    assert read(text) == [
        (120, 120, "exact", "people", "killed"),
        (14, 14, "exact", "children", "killed"),
        (9, 9, "exact", "women", "killed"),
        (610, 610, "exact", "people", "injured"),
    ]


def test_a_name_then_its_role_is_the_speaker() -> None:
    text = "At the hospital, Munir al-Bursh, its director, said four nurses had been wounded."
    assert read_with_sources(text) == [(4, "injured", "Munir al-Bursh")]


# --- phrasings of the twenty-second development set (tests/data/dev22), in sentences of our own


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said 31 martyrs and 140 injured had arrived at hospitals overnight.",
         [(31, 31, "exact", "people", "killed"), (140, 140, "exact", "people", "injured")]),
        ("Security forces killed 9 khwarij in the operation.", [(9, 9, "exact", "fighters", "killed")]),
        ("Units eliminated 230 occupiers and wounded about 150 more.",
         [(230, 230, "exact", "security_forces", "killed"), (150, 150, "about", "security_forces", "injured")]),
        ("Police arrested four members of the cell, and two other members were killed.",
         [(4, 4, "exact", "fighters", "detained"), (2, 2, "exact", "fighters", "killed")]),
        ("Some 40 presumed criminals were killed in clashes with troops.",
         [(40, 40, "about", "people", "killed")]),
        ("Shelling killed three civilians in Kupiansk. Seven more were wounded.",
         [(3, 3, "exact", "civilians", "killed"), (7, 7, "exact", "civilians", "injured")]),
        ("About 60 hostages are believed to remain in the tunnels.", [(60, 60, "about", "people", "abducted")]),
        ("Troops freed 12 hostages from a house in Kuriga.", []),
    ],
)
def test_dev22_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_where_aside_keeps_the_subject_before_it() -> None:
    text = "The army, in a statement on its website, said its troops had killed 40 rebels."
    assert read_with_sources(text) == [(40, "killed", "army")]


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Floods of displaced reach Kosti\n\nSudanese Red Crescent Society\nPress statement – Port Sudan, 3 May 2025\n\n"
         "Our volunteers registered 900 displaced people.", "Sudanese Red Crescent Society"),
        ("Five days of shelling in Idlib\n\nSyria Civil Defence (The White Helmets) – STATEMENT – 2 May 2024\n\n"
         "Our teams documented the deaths of 17 civilians.", "Syria Civil Defence (The White Helmets)"),
        ("IOM alarmed as fighting drives thousands from Wad Madani\n\nPRESS RELEASE\n\n"
         "Our teams recorded 4,000 people displaced since Friday.", "IOM"),
        # The place a statement comes from is not who issues it.
        ("Clashes near the port\n\nPress statement – Port Sudan, 3 May 2025\n\nOur staff counted 6 bodies.", None),
    ],
)
def test_our_is_the_issuer_a_statement_header_names(text: str, issuer: str | None) -> None:
    assert [f.attributed_to for f in casualty_figures(text, "r1")] == [issuer]


# --- phrasings of the twenty-first development set (tests/data/dev21), in sentences of our own -


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The society mourns three of its paramedics, who were killed near Kadugli.",
         [(3, 3, "exact", "people", "killed")]),
        ("At least 90 people were killed on Sunday. Among them were six aid workers.",
         [(90, None, "at_least", "people", "killed"), (6, 6, "exact", "people", "killed")]),
        ("Our teams documented the injury of 140 civilians, including 31 children.",
         [(140, 140, "exact", "civilians", "injured"), (31, 31, "exact", "children", "injured")]),
        ("The branch in Kosti had registered more than 9,000 new arrivals by Friday.",
         [(9001, None, "more_than", "people", "displaced")]),
        ("One volunteer is still missing.", [(1, 1, "exact", "people", "missing")]),
    ],
)
def test_dev21_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_subject_with_a_place_after_it_still_reports() -> None:
    text = "Health partners in Marib report that at least 12 of the wounded need surgery."
    assert read_with_sources(text) == [(12, "injured", "health partners in Marib")]


# --- phrasings of the twenty-third development set (tests/data/dev23), in sentences of our own -


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relatives say funerals for 14 recruits will be held on Friday.",
         [(14, 14, "exact", "people", "killed")]),
        ("The governor says six fishermen drowned and 3 are missing.",
         [(6, 6, "exact", "people", "killed"), (3, 3, "exact", "people", "missing")]),
        ("Talks are about the 41 hostages held in the tunnels, of whom 20 are believed to be alive.",
         [(41, 41, "exact", "people", "abducted")]),
        ("Officials say about 3,000 people have arrived in Kosti from Sennar since Monday.",
         [(3000, 3000, "about", "people", "displaced")]),
    ],
)
def test_dev23_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Title\n09:10 — Health ministry update: 51 dead and 230 wounded.", "Health ministry"),
        ("Clinics in Mopti have treated at least 9 wounded, the regional health director said.",
         "regional health director"),
        ("A police officer in Kati, where the bus was attacked, said doctors had received 11 bodies.",
         "a police officer in Kati"),
        ('Title\nAmadou Diallo, 58, a herder, fled to Sevare. "Two of my brothers are missing," he says.',
         "Amadou Diallo"),
        ("Title\nI met a woman called Mariam, 29, at the camp. She told me four of her cousins were killed.",
         "Mariam"),
    ],
)
def test_dev23_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since Tuesday up to 300 enemy servicemen have been eliminated, the ministry said.",
         [(None, 300, "up_to", "security_forces", "killed")]),
        ('Units had "eliminated" 90 occupiers near Toretsk.', [(90, 90, "exact", "security_forces", "killed")]),
        ("About 40 jobs were eliminated.", []),
        ("Troops arrested 51 people and seized 1,800 kilos of cocaine.", [(51, 51, "exact", "people", "detained")]),
    ],
)
def test_dev22_military_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A strike on the archive killed two guards, and some 8,000 books were lost.",
         [(2, 2, "exact", "security_forces", "killed")]),
        ("A herder says three of his sons have not been seen since Sunday.",
         [(3, 3, "exact", "children", "missing")]),
    ],
)
def test_dev23_more_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


# --- phrasings of the twenty-sixth development set (tests/data/dev26), in sentences of our own -


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three CRPF jawans were injured in the firing, police said.",
         [(3, 3, "exact", "security_forces", "injured")]),
        ("Police said 31 Maoists had been killed in the forest this year.",
         [(31, 31, "exact", "fighters", "killed")]),
        ("Rescuers are searching for around 12 villagers who were missing after the landslide.",
         [(12, 12, "about", "people", "missing")]),
        # A part of the wounded takes no category from a count of the dead before it.
        ('"Among the dead are four women," the doctor said. He said 9 of the wounded were flown out.',
         [(4, 4, "exact", "women", "killed"), (9, 9, "exact", "people", "injured")]),
    ],
)
def test_dev26_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_counting_verb_in_what_was_said_is_no_second_speaker() -> None:
    text = "The ministry said the province had registered more than 800 violent deaths this year."
    assert read_with_sources(text) == [(801, "killed", "ministry")]
    text = "The rebels took the town after an assault that the UN said had killed 60 people."
    assert read_with_sources(text) == [(60, "killed", "UN")]


# --- tables, lists and verification (tests/data/dev24), in reports of our own -----------------


def test_a_table_cell_takes_its_columns_outcome_and_its_captions_source() -> None:
    text = (
        "Monthly update\n\nThe mission reported on Monday.\n\n"
        "Civilian casualties verified by the mission in two attacks:\n\n"
        "| Attack | Killed | Injured |\n| --- | --- | --- |\n"
        "| Odesa, 2 May | 14 | 61 |\n| Kherson, 9 May | 5 | 22 |\n"
    )
    assert [(f.low, f.category, f.outcome, f.verified) for f in casualty_figures(text, "r1")] == [
        (14, "civilians", "killed", True),
        (61, "civilians", "injured", True),
        (5, "civilians", "killed", True),
        (22, "civilians", "injured", True),
    ]


def test_every_count_of_a_labelled_table_row_and_a_list_under_a_heading() -> None:
    text = (
        "Weekly dashboard\n\nFigures of the ministry.\n\n"
        "| Indicator | This week | Since October |\n| --- | --- | --- |\n"
        "| Killed | 310 | 41,200 |\n\n"
        "Breakdown of this week's deaths (Ministry of Health):\n- Children: 95\n- Women: 60\n"
    )
    assert [(f.low, f.category, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (310, "unknown", "killed", None),
        (41200, "unknown", "killed", None),
        (95, "children", "killed", "Ministry of Health"),
        (60, "women", "killed", "Ministry of Health"),
    ]


def test_a_next_sentence_that_vouches_for_every_case_verifies_the_figures() -> None:
    text = (
        "Title\nThe office said at least 300 people were killed in March. "
        "It said it had documented every case through two independent sources."
    )
    assert [f.verified for f in casualty_figures(text, "r1")] == [True]
    text = "Title\nThe office said 30 civilians were killed. It had documented the deaths of 8 children by name."
    assert [f.verified for f in casualty_figures(text, "r1")][:1] == [False]


# --- phrasings of the twenty-fifth development set (tests/data/dev25), in sentences of our own -


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dated list line: the year is no range with the count after it.
        ("* March 3, 2024 - Nine soldiers were killed near Tillia.", [(9, 9, "exact", "security_forces", "killed")]),
        ("Since May, 64 people have been reported as deprived of their liberty in Culiacan.",
         [(64, 64, "exact", "people", "abducted")]),
        ("He said four assailants were neutralised during the pursuit.", [(4, 4, "exact", "fighters", "killed")]),
        ("Selon the camp's president, two displaced persons were killed.", [(2, 2, "exact", "people", "killed")]),
        ("The 9 armed men who stormed the radio station in the early hours of Monday were arrested.",
         [(9, 9, "exact", "fighters", "detained")]),
    ],
)
def test_dev25_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("At least 70 people were murdered, according to figures of the State Prosecutor's Office consulted by this paper.",
         "State Prosecutor's Office"),
        ("Selon the camp's president, two displaced persons were killed.", "camp president"),
        ("At least 60 people were killed, according to figures RNDDH was able to document.", "RNDDH"),
        ("Attacks killed 12 civilians, according to figures compiled by our agency from hospital records.",
         "our agency from hospital records"),
    ],
)
def test_dev25_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


def test_table_and_list_sources_and_an_acronym_spelled_out_earlier() -> None:
    text = (
        "War tally\n\nThe United Nations Integrated Office in Haiti (BINUH) said on Friday that it had "
        "documented every case.\n\n"
        "IRAN\n- Injured: 3,100 (health ministry)\n\n"
        "ISRAEL\n| | Killed | Injured |\n| --- | --- | --- |\n| Israel (Prime Minister's Office) | 24 | 900 |\n\n"
        "BINUH said gangs killed 230 people in March. A missile hit a hospital; no one was killed there."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (3100, "injured", "health ministry"),
        (24, "killed", "Prime Minister's Office"),
        (900, "injured", "Prime Minister's Office"),
        (230, "killed", "United Nations Integrated Office in Haiti"),
    ]


def test_the_statement_is_whoever_issued_it_and_arrivals_since_a_day_are_displaced() -> None:
    text = (
        "Title\nThe Sixteenth Infantry Division said in a statement that it had repelled an attack on Nyala. "
        "The statement said the army killed 35 militiamen. "
        "According to local officials, more than 2,500 people have arrived in the city since Friday."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (35, "killed", "Sixteenth Infantry Division"),
        (2501, "displaced", "local officials"),
    ]


# --- seventh session: tables with change columns, speakers joined by "and" -------------------


def test_a_change_column_counts_as_many_more_and_a_paragraph_that_introduces_a_table_is_its_source() -> None:
    text = (
        "Weekly count\n\nThe Kachin Women's Association has documented the following numbers of people "
        "killed in Kachin State since January. More may be found.\n\n"
        "| Category | Since January | This week |\n| --- | --- | --- |\n"
        "| Killed | 412 | +9 |\n| Injured | 1,030 | +31 |\n"
    )
    assert [(f.low, f.high, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (412, 412, "killed", "Kachin Women's Association"),
        (9, 9, "killed", "Kachin Women's Association"),
        (1030, 1030, "injured", "Kachin Women's Association"),
        (31, 31, "injured", "Kachin Women's Association"),
    ]


def test_a_paragraph_before_a_table_that_does_not_introduce_it_gives_no_source() -> None:
    text = (
        "Weekly count\n\nThe governor of Ituri said on Monday that talks would resume.\n\n"
        "| Town | Killed |\n| --- | --- |\n| Djugu | 14 |\n"
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [(14, "killed", None)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Farmers and herders said 19 people were killed in the clashes near Bokkos.", "Farmers and herders"),
        ("The police and local officials said 11 people were abducted on the Abuja road.",
         "police and local officials"),
        # Whom the speakers talked to is not who spoke.
        ("Residents speaking to aid workers put the toll at 40 dead.", "residents"),
        # A verb before "and": the first part is no speaker.
        ("Gunmen stormed the market and witnesses said eight people were shot dead.", "witnesses"),
    ],
)
def test_speakers_joined_by_and_or_speaking_to_someone(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hostages who were killed are dead, not held.
        ("The army said 14 passengers held hostage had been killed before the siege ended.",
         [(14, 14, "exact", "people", "killed")]),
        # "up to" after a toll that went up is where it went, not a ceiling.
        ("On Sunday the interior ministry revised the toll up to 37.", [(37, 37, "exact", "unknown", "killed")]),
        ("Officials said up to 37 people were killed.", [(None, 37, "up_to", "people", "killed")]),
        # "the dead numbered N"
        ("A nurse said the dead numbered between 60 and 70.", [(60, 70, "range", "unknown", "killed")]),
        # Admitted to hospitals: the hospitals are no count of things.
        ("In all, 23 were admitted to hospitals in Maiduguri.", [(23, 23, "exact", "unknown", "injured")]),
    ],
)
def test_dev24_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_passive_revision_has_no_speaker() -> None:
    assert read_with_sources("The toll was revised to 52 on Tuesday.") == [(52, "killed", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An earlier count of a toll is of the toll, not of its last part.
        ("The toll rose to 15 on Friday, including four children, the mayor said, up from nine on Thursday.",
         [(15, 15, "exact", "unknown", "killed"), (4, 4, "exact", "children", "killed"),
          (9, 9, "exact", "unknown", "killed")]),
        # An age under 18 makes children; "writers" are persons.
        ("A drone strike killed two 15-year-old boys near the school.", [(2, 2, "exact", "children", "killed")]),
        ("Three 30-year-old miners were killed.", [(3, 3, "exact", "people", "killed")]),
        ("Among the wounded were two poets from Kharkiv.", [(2, 2, "exact", "people", "injured")]),
        # "put it at" after a toll.
        ("The army revised the toll to 30, after the governor had put it at 45.",
         [(30, 30, "exact", "unknown", "killed"), (45, 45, "exact", "unknown", "killed")]),
    ],
)
def test_dev27_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A UN assessment released on 4 March said the shelling killed about 60 people.", "A UN assessment"),
        ("A police report seen by reporters put the toll at 19.", "a police report"),
        ("The Red Crescent went further, saying at least 70 people had died.", "Red Crescent"),
        ("The Health Ministry on Monday said 40 people were killed.", "Health Ministry"),
    ],
)
def test_dev27_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of the dead are ...": the part's noun after "are" as after "were".
        ("The ministry says 31 of the dead are children and 12 are women.",
         [(31, 31, "exact", "children", "killed"), (12, 12, "exact", "women", "killed")]),
        # Treated for wounds: injured.
        ("Its surgeons have treated about 90 people for blast and burn wounds.",
         [(90, 90, "about", "people", "injured")]),
    ],
)
def test_dev30_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Hospital sources in Kaya speak of more than 90 dead.", "hospital sources in Kaya"),
        ("Title\nA police officer said six people were killed. The same officer spoke of 30 wounded.",
         "a police officer"),
    ],
)
def test_speaking_of_a_count_reports_it(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_speaking_to_someone_reports_nothing() -> None:
    assert read_with_sources("The governor spoke to reporters after 40 people were killed.") == [(40, "killed", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A key-figures line that opens with its label says who was counted.
        ("Alert\n\nKEY FIGURES\nDisplaced individuals: 8,412\n", [(8412, 8412, "exact", "people", "displaced")]),
        # "N of them" with no whole before: persons.
        ("Title\nDoctors described the patients. At least 12 of them died of their wounds.",
         [(12, None, "at_least", "people", "killed")]),
        # Driven towards a place; reached a town after fleeing.
        ("The offensive has driven about 90,000 people towards Bunia.", [(90000, 90000, "about", "people", "displaced")]),
        ("Officials say 6,000 people have reached Kaga Bandoro after fleeing the fighting.",
         [(6000, 6000, "exact", "people", "displaced")]),
        # Fighters driven somewhere are no displaced persons.
        ("The army drove 40 fighters towards the river.", []),
        # The number of people missing or displaced, as with a toll.
        ("The governor put the number of people unaccounted for at 23.", [(23, 23, "exact", "people", "missing")]),
        ("The number of displaced people in the camps rose to 4,500.", [(4500, 4500, "exact", "people", "displaced")]),
        # A colon inside running prose is no label line: a breakdown by place is no new figure.
        ("The governor said strikes had killed four civilians over the past day: three in Izium and one in Balakliia.",
         [(4, 4, "exact", "civilians", "killed")]),
    ],
)
def test_dev28_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_the_same_database_is_the_database_named_before() -> None:
    text = (
        "Title\nAccording to the Aid Worker Security Database, 40 aid workers were killed in Sudan. "
        "Worldwide, more than 300 aid workers were killed, according to the same database."
    )
    assert [s for _, _, s in read_with_sources(text)] == ["Aid Worker Security Database"] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The "according to" of a later clause is not the source of the count the verb gives.
        ("Sudan's health ministry says 210 people have been killed and 340 wounded since Friday, when the RSF "
         "shelled the market and killed 30 soldiers, according to army officers.",
         [(210, "killed", "Sudan health ministry"), (340, "injured", "Sudan health ministry"),
          (30, "killed", "army officers")]),
        # A second count after "according to X, and ..." is the speaker's who ends the sentence.
        ("About 2,000 people fled to Abyei, according to local chiefs, and more than 5,000 crossed into "
         "Uganda, UNHCR told reporters.",
         [(2000, "displaced", "local chiefs"), (5001, "displaced", "UNHCR")]),
        ("According to the national registry, more than 3,000 people are missing in Zacatecas.",
         [(3001, "missing", "national registry")]),
        ("The ICMP, based in The Hague, believes more than 20,000 people are missing in Iraq.",
         [(20001, "missing", "ICMP")]),
        ("The network says it has documented 9,000 people who remain forcibly disappeared.",
         [(9000, "missing", "network")]),
    ],
)
def test_dev29_sources(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not fewer than 60 persons lost their lives, the governor said.", [(60, None, "at_least", "people", "killed")]),
        # Whose kind "them" is when the part's verb follows: the persons named before.
        ("Six gunmen took part: five of them were killed and one was captured.",
         [(5, 5, "exact", "fighters", "killed"), (1, 1, "exact", "fighters", "detained")]),
        # Whereabouts unknown: missing, also of a part of an earlier count.
        ("The whereabouts of 14 fishermen remain unknown.", [(14, 14, "exact", "people", "missing")]),
        ("Gunmen abducted 40 travellers, and the whereabouts of 25 of them are still unknown.",
         [(40, 40, "exact", "people", "abducted"), (25, 25, "exact", "people", "missing")]),
        ("The whereabouts of the 9 men are now known.", []),
    ],
)
def test_dev31_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Security agencies have informed the Government that 14 suspects have been arrested.", "security agencies"),
        ("Several residents, contacted by our newsroom, speak of at least 50 dead.", "Several residents"),
        ("A morgue register, seen by our reporter, lists 31 deaths.", "a morgue register"),
    ],
)
def test_dev31_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


def test_a_quoted_post_is_its_authors() -> None:
    text = (
        "Posts through the night\n\n"
        "We collect the officials' posts here.\n\n"
        '21:05 — Vadym Filashkin, head of the Donetsk regional administration, on Telegram: "As of now, '
        '4 people killed and 19 injured in Kramatorsk."\n\n'
        '23:40 — Filashkin: "The toll has risen to seven. Rescuers keep working."\n\n'
        'Sat 3 May, 08:15 - Kramatorsk city council (X): "Our teams counted 12 buildings damaged."\n\n'
        "Officials in Kyiv said 2 people were killed there overnight."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (4, "killed", "Vadym Filashkin, head of the Donetsk regional administration"),
        (19, "injured", "Vadym Filashkin, head of the Donetsk regional administration"),
        (7, "killed", "Vadym Filashkin"),
        (2, "killed", "officials in Kyiv"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "raises/revises/updates the toll" reports it; a part "among the dead" is of the dead.
        ("UPDATE - The health ministry raises the toll to 90 killed and 210 wounded, including 20 children "
         "and 11 women among the dead.",
         [(90, "killed", "health ministry"), (210, "injured", "health ministry"),
          (20, "killed", "health ministry"), (11, "killed", "health ministry")]),
        ("14:05 The army spokesman revises the toll to 12 dead.", [(12, "killed", "army spokesman")]),
    ],
)
def test_dev34_counts(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Asides before the auxiliary; a share of a population is no count.
        ("The UN says about 1.4 million people, most of the population, have been displaced.",
         [(1400000, "displaced", "UN")]),
        ("The UN says about 700,000 people, seven in ten of the district's 1.0 million residents, have fled.",
         [(700000, "displaced", "UN")]),
        ("Officials said more than 50,000 people had arrived from Nagorno-Karabakh.", [(50001, "displaced", "officials")]),
        ("A local chief said at least 120 families had left since Sunday.", [(120, "displaced", "a local chief")]),
        # Troops who arrive are no displaced persons.
        ("Another 300 soldiers arrived from Bamako on Friday.", []),
        # Returnees are no figure.
        ("UNHCR says about 900,000 displaced people have gone home.", []),
        # A running total takes the outcome of the count before it; a toll's own words name no one.
        ("Some 80,000 people were displaced in Ituri, the agency said, bringing the total in the province "
         "to more than 1.2 million.",
         [(80000, "displaced", "agency"), (1200001, "displaced", "agency")]),
        ("Two more people died on Friday, bringing the number killed to 19.", [(2, "killed", None), (19, "killed", None)]),
        # "the agency" after a UN agency named in the paragraph.
        ("UNHCR says 200,000 refugees have returned. Some 3 million people remain displaced, the agency said.",
         [(3000000, "displaced", "UNHCR")]),
        # A group that documents each case verifies what it says.
        ("The network, which documents each case, says 812 people have been killed.", [(812, "killed", "network")]),
    ],
)
def test_dev35_and_dev36_counts(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_a_toll_names_no_one_and_a_group_documenting_each_case_verifies() -> None:
    assert read("Rescuers found 12 more bodies, bringing the death toll to 40.") == [
        (12, 12, "exact", "people", "killed"),
        (40, 40, "exact", "unknown", "killed"),
    ]
    figures = casualty_figures("Title\nThe network, which documents each case, says 812 people have been killed.", "r1")
    assert [f.verified for f in figures] == [True]


def test_a_transcript_s_named_speaker_but_not_a_dateline() -> None:
    text = (
        "Briefing transcript\n\nREPORTER: What happened at the camp?\n\n"
        "ADRAEE: The operation lasted an hour. One officer of the police unit was killed.\n\n"
        "PRESENTER: The ministry says 40 people died.\n"
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [(1, "Adraee"), (40, "ministry")]
    dateline = "Toll rises\n\nKHAR: The death toll from Sunday's bombing rose to at least 54 on Monday."
    assert [(f.low, f.attributed_to) for f in casualty_figures(dateline, "r1")] == [(54, None)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A passive "were reported" has no speaker.
        ("Four soldiers were reported missing.", None),
        ("Survivors of the attack on the village of Tera say dozens of people were killed.", "survivors"),
        ("By the count of a regional newspaper, more than 500 people have been killed this year.",
         "a regional newspaper"),
        ("Airwars, a group that checks each incident, has so far identified at least 90 civilians killed.", "Airwars"),
        ("The tribunal found that soldiers killed 72 people between 2002 and 2008.", "tribunal"),
        ("Police detained 14 men, the prosecutor's office acknowledged on Friday.", "prosecutor office"),
        # A clause that describes a noun ("the worst loss the army has acknowledged") reports nothing.
        ("About 30 soldiers died there, the worst loss the army has acknowledged since 2020.", None),
    ],
)
def test_dev33_to_dev36_sources(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][:1] == [source]


def test_a_label_that_ends_with_a_participle_is_no_speaker() -> None:
    text = "DTM snapshot\n\nKEY FIGURES\n- Displaced individuals identified: 12,040\n"
    assert read_with_sources(text) == [(12040, "displaced", None)]
    assert read("Rescuers found 12 bodies in the rubble.") == [(12, 12, "exact", "people", "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army said troops killed 23 armed men near the border.", [(23, 23, "exact", "fighters", "killed")]),
        # Displaced people who were killed: the verb before says what befell them.
        ("The society said a strike on the school killed seven displaced people sheltering there.",
         [(7, 7, "exact", "people", "killed")]),
        ("The school hosts 3,000 displaced people.", [(3000, 3000, "exact", "people", "displaced")]),
    ],
)
def test_dev36_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_speaker_right_after_a_count_beats_a_later_reported_by() -> None:
    text = (
        "The number of dead in the clashes has climbed to more than 90, the Syrian Network for Human "
        "Rights said on Friday, up from 61 reported by the monitor on Thursday."
    )
    assert read_with_sources(text) == [
        (91, "killed", "Syrian Network for Human Rights"),
        (61, "killed", "Syrian Network for Human Rights"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It said 45 members of the defence and interior ministries had also been killed.",
         [(45, 45, "exact", "security_forces", "killed")]),
        ("The dead included 30 civilians, 12 of whom it said had been summarily executed.",
         [(30, 30, "exact", "civilians", "killed"), (12, 12, "exact", "civilians", "killed")]),
        ("Police said one member of the border guard was killed.",
         [(1, 1, "exact", "security_forces", "killed")]),
        # a part named after the count, without a verb, takes the count's outcome
        ("The governor says 21 people were killed, three children among them, and 64 were wounded.",
         [(21, 21, "exact", "people", "killed"), (3, 3, "exact", "children", "killed"),
          (64, 64, "exact", "people", "injured")]),
    ],
)
def test_dev37_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to local resistance committees, the shelling killed at least 20 people.",
         "local resistance committees"),
        ("In its claim, ISWAP said it had killed 40 soldiers.", "ISWAP"),
        ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM) is active in Mali. In a post, JNIM said it killed 50 soldiers.",
         "Jama'at Nusrat al-Islam wal-Muslimin"),
    ],
)
def test_dev37_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_a_body_s_own_statement_and_report_name_it() -> None:
    statement = (
        "Statement on the Karrada attack\n\nMinistry of Interior of Iraq\nStatement No. 4, Baghdad, 2 May 2025\n\n"
        "The Ministry mourns one member of the police who was killed in the raid and wishes a speedy "
        "recovery to three of its members who were wounded."
    )
    assert [(f.low, f.category, f.outcome, f.attributed_to) for f in casualty_figures(statement, "r1")] == [
        (1, "security_forces", "killed", "Ministry of Interior of Iraq"),
        (3, "security_forces", "injured", "Ministry of Interior of Iraq"),
    ]
    sitrep = (
        "Medics Without Walls situation report: Khartoum\n\nSituation report No. 3\n\n"
        "Our teams have confirmed the deaths of six volunteers in Omdurman."
    )
    assert [(f.low, f.attributed_to, f.verified) for f in casualty_figures(sitrep, "r1")] == [
        (6, "Medics Without Walls", True)
    ]
    weekly = (
        "Monitor statement on Kutum\n\nDarfur Conflict Monitor - Weekly statement, 3 May 2024\n\n"
        "Based on testimonies, we estimate that between 50 and 70 people were killed."
    )
    assert read_with_sources(weekly) == [(50, "killed", "Darfur Conflict Monitor")]


def test_dev41_bodies_described_after_their_name() -> None:
    statement = (
        "Statement on the killings in Homs\n\nThe Syrian Network for Human Rights (SNHR) condemns the killings "
        "in the strongest terms.\n\nOur teams have documented the killing of at least 30 civilians."
    )
    assert [(f.low, f.attributed_to, f.verified) for f in casualty_figures(statement, "r1")] == [
        (30, "Syrian Network for Human Rights", True)
    ]
    assert read_with_sources(
        "Six volunteers of the aid group Hope Without Borders were among the dead, the organisation said."
    ) == [(6, "killed", "Hope Without Borders")]
    assert read_with_sources(
        "The Darfur Bar Association, a lawyers' group that tracks abuses, said 80 people were killed on Monday. "
        "In the next village, more than 40 people were killed, the group said."
    ) == [(80, "killed", "Darfur Bar Association"), (41, "killed", "Darfur Bar Association")]
    assert read_with_sources(
        "The Sudan Doctors Network said on Friday that 50 people were killed. "
        "The medical group said more than 90 people had been wounded."
    ) == [(50, "killed", "Sudan Doctors Network"), (91, "injured", "Sudan Doctors Network")]
    # "the group" that was never described as a source is not the last source named.
    assert read_with_sources(
        "Police said 12 officers died. The group, which had threatened more attacks, said in a statement "
        "that it had killed 20 soldiers."
    ) == [(12, "killed", "police"), (20, "killed", "group")]
    # "a monitoring group" is a new source, not one named before.
    assert [s for _, _, s in read_with_sources(
        "The ministry reported 100 deaths. A monitoring group reported over 300 deaths."
    )] == ["ministry", "a monitoring group"]


def test_a_part_of_a_count_keeps_the_count_s_source() -> None:
    text = (
        "The RSF said on Sunday they had taken the camp, after an assault that the United Nations said "
        "had killed more than 100 people, among them 20 children."
    )
    assert read_with_sources(text) == [(101, "killed", "United Nations"), (20, "killed", "United Nations")]


def test_dev42_communique_and_counts() -> None:
    communique = (
        "Government communique on the attack near Bol\n\nN'Djamena, 3 May 2024\n\n"
        "The Government of the Republic of Chad informs the public that its forces were attacked at dawn.\n\n"
        "Sadly, 12 of our soldiers fell on the field of honour."
    )
    assert [(f.low, f.category, f.outcome, f.attributed_to) for f in casualty_figures(communique, "r1")] == [
        (12, "security_forces", "killed", "Government of the Republic of Chad")
    ]
    assert read_with_sources("The number of people martyred in the firing has risen to 35, police said.") == [
        (35, "killed", "police")
    ]
    assert read("The siege ended on Wednesday, with 14 passengers and all 20 attackers killed.") == [
        (14, 14, "exact", "people", "killed"),
        (20, 20, "exact", "fighters", "killed"),
    ]
    assert read_with_sources(
        '"They burned the market," said a farmer who gave his name as Musa, 51. He said two of his sons were missing.'
    ) == [(2, "missing", "Musa")]


def test_dev39_statements_quoted_and_excerpted() -> None:
    quoted = (
        "Spokesman condemns attack\n\nKABUL, 3 May 2024 - The following is the text of a statement issued by "
        "Ahmad Wali, spokesman of the provincial police, on the attack.\n\n"
        '"Last night gunmen attacked a checkpoint. According to initial information, 12 people were killed.\n\n'
        'We will pursue the attackers."'
    )
    assert read_with_sources(quoted) == [(12, "killed", "Ahmad Wali, spokesman of the provincial police")]
    excerpt = (
        "The raid on the village\n\nExcerpt from a field report by a Sudanese rights group, published in Kampala\n\n"
        "Based on interviews and on lists compiled by local volunteers, our researchers documented the deaths "
        "of at least 60 people."
    )
    assert [(f.low, f.attributed_to, f.verified) for f in casualty_figures(excerpt, "r1")] == [
        (60, "a Sudanese rights group", True)
    ]
    dated = (
        "Prison deaths\n\nLIMA, 4 May 2024 - Statement of the Andean Commission for Human Rights (ACHR)\n\n"
        "The Andean Commission for Human Rights condemns the deaths of at least 14 detainees in the prison."
    )
    assert read_with_sources(dated) == [(14, "killed", "Andean Commission for Human Rights (ACHR)")]
    office = (
        "Ombudsman warns of crisis\n\nLima, 2 June 2024. Statement by the Ombudsman's Office of Peru.\n\n"
        "Our regional office has received reports of at least 20 people killed. "
        "Teams of the Office have confirmed 12 of these deaths."
    )
    assert [(f.low, f.attributed_to, f.verified) for f in casualty_figures(office, "r1")] == [
        (20, "Ombudsman's Office of Peru", False),
        (12, "Ombudsman's Office of Peru", True),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Our earlier edition had put the toll at 31, citing police sources in Kandahar.", "police sources in Kandahar"),
        ("Officials remind us that five soldiers were killed in an ambush last year.", "officials"),
        ("The Madani Resistance Committee said the attack had lasted hours. According to the resistance "
         "committee, at least 70 people were still unaccounted for.", "Madani Resistance Committee"),
    ],
)
def test_dev39_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_dev39_counts() -> None:
    assert read_with_sources("It was a new tally from the state prosecutor's office: 97 people killed and 120 reported missing.") == [
        (97, "killed", "state prosecutor office"),
        (120, "missing", "state prosecutor office"),
    ]
    assert read("Police said the dead included two officers and 40 suspected members of the Red Command gang.") == [
        (2, 2, "exact", "security_forces", "killed"),
        (40, 40, "exact", "fighters", "killed"),
    ]
    # who killed them is not who was counted
    assert read("The group says it has documented more than 900 deaths at the hands of the security forces.") == [
        (901, None, "more_than", "unknown", "killed")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three seafarers were killed and at least four others injured when a missile struck the ship.",
         [(3, 3, "exact", "people", "killed"), (4, None, "at_least", "people", "injured")]),
        ("The office recorded 400 people killed near the sites. Of these, 250 were killed at the gates.",
         [(400, 400, "exact", "people", "killed"), (250, 250, "exact", "people", "killed")]),
        ("Twelve children and teenagers, aged between 10 and 16, were killed.",
         [(12, 12, "exact", "children", "killed")]),
        ("Among the martyrs are three paramedics.", [(3, 3, "exact", "people", "killed")]),
    ],
)
def test_dev40_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("In Kherson's main hospital, Dr Olena Koval said staff had treated 45 wounded.", "Dr Olena Koval"),
        ("The Syrian Network for Human Rights said it had documented 500 killings. Of those, the network "
         "attributed 120 deaths to militias.", "Syrian Network for Human Rights"),
        ("Among the dead, the church says, were two children.", "church"),
    ],
)
def test_dev40_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


# --- ninth session: sources in the fullest form the text gives ------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a title and surname after the full name: the full name
        ("Dr Mariam Haddad runs the burns unit in Idlib. Four of the unit's nurses have been killed "
         "since May, Dr Haddad said.", "Dr Mariam Haddad"),
        ("Ihor Terekhov visited the market on Sunday. Nine people were wounded, Mayor Terekhov said.",
         "Mayor Ihor Terekhov"),
        # a name the surname only starts is not the person ("Al Shifa Hospital")
        ("Staff at the Haddad Clinic worked all night. Four nurses were killed, Dr Haddad said.", "Dr Haddad"),
        # the role after "according to", then the person's name
        ("Eleven people were injured, according to the city's mayor, Ihor Terekhov.",
         "city mayor, Ihor Terekhov"),
        # an institution after the comma is not the role's name
        ("Eleven people were injured, according to the regional police, Reuters reported.", "regional police"),
        # the name a witness gave
        ("A farmer, who gave his name as Abdul Wahid, said he had buried six of his neighbours.",
         "a farmer, who gave his name as Abdul Wahid"),
        ("One nurse, who asked to be identified only as Amina, said 14 patients had died overnight.",
         "One nurse, who asked to be identified only as Amina"),
        ('"We counted 23 bodies on the road," said a driver from Kadugli, who asked us to call him Musa.',
         "a driver from Kadugli, who asked us to call him Musa"),
        # a toll is no speaker; who gave it is
        ("An earlier toll released on Sunday had put the dead at 31.", None),
        ("The last toll issued by the health ministry on Friday was 56 dead.", "health ministry"),
        ("The first toll given by the Minister of Health, Dr Rania Khoury, stood at 18 dead.",
         "Minister of Health, Dr Rania Khoury"),
        # "raised the number of ... to N": the one who raised it said it
        ("Kenya's police on Friday raised the number of protesters killed in Nairobi to 16.", "Kenya police"),
    ],
)
def test_source_fullest_form(text: str, source: str | None) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # who prepared the document speaks as "we"
        ("Monthly protection update: Ituri, May 2024\n\nPrepared by the Ituri Protection Cluster (IPC). "
         "Figures are provisional.\n\nIn May we recorded 41 civilians killed in Djugu territory.",
         "Ituri Protection Cluster"),
        ("Situation brief: Kordofan\n\nUpdated 3 March 2025 | Prepared by the field team of a Sudanese "
         "medical charity working in El Obeid since 2019\n\nOur clinic treated 37 wounded people last week.",
         "field team of a Sudanese medical charity"),
        # a byline is the reporter, not the voice of "our"
        ("Bandits kill villagers in Zamfara\n\nWritten by Aisha Bello\n\nOur correspondent says 12 villagers "
         "were killed.", "Our correspondent"),
        # a periodic summary titled by its monitor
        ("Sahel conflict tracker: weekly summary by country\n\nReporting period: 1 to 7 June 2024.\n\n"
         "Our researchers confirmed 19 civilian deaths near Djibo.", "Sahel conflict tracker"),
        # a report excerpt headed by its body and date
        ("Under fire: clinics in Ouham (report excerpt)\n\nHealth Without Frontiers Network, March 2024. "
         "Chapter 3\n\nIn February our mobile team treated 58 patients for gunshot wounds.",
         "Health Without Frontiers Network"),
        # a line of the issuer's own list opening with "We"
        ("Shelling of El Fasher\n\nSudan Doctors Union – STATEMENT – 2 May 2024\n\nThe week in numbers:\n\n"
         "- We recorded the deaths of 27 civilians in El Fasher.", "Sudan Doctors Union"),
    ],
)
def test_document_voice(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a name, then what it is ("al-Qaeda's branch in the Sahel"), then the verb
        ("Katiba Macina, al-Qaeda's branch in central Mali, claimed the ambush, saying its men had killed "
         "about 40 soldiers.", "Katiba Macina, al-Qaeda branch in central Mali"),
        # "for the" inside a name is not where the subject starts
        ("The Office for the Coordination of Humanitarian Affairs said 2,300 people had fled.",
         "Office for the Coordination of Humanitarian Affairs"),
    ],
)
def test_named_subject_with_description(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_dev44_counts() -> None:
    # a part of the wounded with its own noun keeps that noun
    assert read("Eleven people were hurt in the blast. Two of the injured women died in hospital.") == [
        (11, 11, "exact", "people", "injured"),
        (2, 2, "exact", "women", "killed"),
    ]
    # buried: dead; buried under rubble: trapped, no outcome
    assert read("Villagers said 23 people were buried in a common grave near Mangu.") == [
        (23, 23, "exact", "people", "killed")
    ]
    assert read("Rescuers said 23 people were buried under the rubble of the market.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a release's dateline of two cities is where, not who; the opening sentence's body is who
        ("Clinic staff killed in Tawila\n\nPress release - Port Sudan / Kampala, 2 May 2025\n\n"
         "Sahel Health Alliance is devastated to confirm that four of our nurses were killed.",
         "Sahel Health Alliance"),
        # "One of them said": one of those the text named before
        ("Two former militia commanders told the court in May that the quarry was used. One of them said that at least "
         "40 people had been buried at the quarry.", "Two former militia commanders"),
    ],
)
def test_dev44_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the speaker before a quotation speaks its later sentences too
        ('In a statement, the Kurdish Red Crescent said: "Our teams worked through the night. In all, '
         '14 of our volunteers were wounded."', "Kurdish Red Crescent"),
        # a unit's number is part of its name
        ("A source in the 166th Brigade, who asked not to be named, said nine of its soldiers were killed.",
         "166th Brigade"),
        # "its report": the body named before
        ("The World Food Programme said on Friday that 40 trucks had been looted. Its report on Tuesday had "
         "said 23 drivers were missing.", "World Food Programme"),
        # "she" after a sentence opening with a name and what the person is
        ("Mariam, a 41-year-old nurse from Kadugli, waited at the gate. Three of her colleagues were killed, "
         "she said.", "Mariam"),
    ],
)
def test_dev43_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_dev43_counts() -> None:
    # a mother's children are no count of victims
    assert read("Leila, a mother of four who fled Khiam in October, lost her husband in the strike.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "count" as a verb after a plural subject
        ("Search collectives count more than 300 people missing in Guerrero this year.", "Search collectives"),
        # a second clause with its own speaker after an "according to"
        ("According to the police, 14 officers were killed in May, and the interior ministry says its "
         "agents have detained 35 suspects.", "interior ministry"),
        # a list of places inside an aside about the speaker
        ("Islamic State Sahel Province, a group whose fighters roam Niger, Mali and Burkina Faso, said it "
         "had killed 22 soldiers.", "Islamic State Sahel Province"),
        # (but a name between commas is the speaker)
        ("Fourteen people were hurt, the mayor, Ihor Terekhov, said.", "Ihor Terekhov"),
    ],
)
def test_dev44_more_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_session9_counts() -> None:
    # a participle phrase between the noun and the verb
    assert read("Eleven Kenyan police officers serving with the U.N.-backed mission in Haiti were killed.") == [
        (11, 11, "exact", "security_forces", "killed")
    ]
    # leaving a named place for another: displaced
    assert read("By nightfall hundreds of families had left Tabqa for the villages to the east.") == [
        (200, None, "vague", "unknown", "displaced")
    ]
    # (leaving for duty is no flight)
    assert read("Ten soldiers left the base for a patrol on Monday.") == []


def test_according_to_their_governments() -> None:
    assert read_with_sources(
        "At least nine peacekeepers serving with the mission have been killed, according to their governments."
    ) == [(9, "killed", "governments")]


@pytest.mark.parametrize(
    "text",
    [
        "The village had 400 residents before the raid, so roughly one in six of its people was killed.",
        "A cousin of one of the victims spoke to reporters outside the morgue.",
        "One woman told reporters her family had been displaced by the drones.",
        "Families in the camp have been displaced four, five, six times since the war began.",
        "3 out of every 10 of the displaced are children under five.",
    ],
)
def test_numbers_that_count_no_victims(text: str) -> None:
    assert read(text) == []


def test_one_of_the_deadliest() -> None:
    assert read("Officials said 17 people were killed in the raid on Friday, one of the deadliest in the valley.") == [
        (17, 17, "exact", "people", "killed")
    ]


def test_a_count_before_in_still_counts() -> None:
    assert read("Officials recorded more than 9,000 homicides in 2023.") == [(9001, None, "more_than", "unknown", "killed")]
    assert read("Two policemen were wounded, one of them seriously.") == [
        (2, 2, "exact", "security_forces", "injured"),
        (1, 1, "exact", "security_forces", "injured"),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "he" after "Dr Haddad, 41," when the text gave the full name before
        ("Dr Samir Haddad runs the only burns unit in the north.\n\nDr Haddad, 41, trained in Aleppo. His "
         "brother and two nephews were killed in March, he said.", "Dr Samir Haddad"),
        # "according to his notebook": the person the text named
        ("Amal Darwish, a nurse, said the ward had run out of beds. On Monday it received 37 wounded, according "
         "to her notebook.", "Amal Darwish"),
        # the second count of what a speaker says
        ("Our correspondent reports that a ferry sank near Mopti; the district chief says three fishermen drowned "
         "and 14 are missing.",
         "district chief"),
    ],
)
def test_session9_person_sources(text: str, source: str) -> None:
    assert [s for _, _, s in read_with_sources(text)][-1:] == [source]


def test_reported_by_his_office_is_not_the_person_before() -> None:
    # "his office" is no record of the person's own: the sentence's speaker keeps the count
    assert read_with_sources(
        "The governor, Rafael Ortiz, said on Monday that 900 people had now fled their homes, up from the 400 "
        "reported by his office on Friday."
    )[:1] == [(900, "displaced", "Rafael Ortiz")]


def test_dev45_counts() -> None:
    assert read("Doctors said 64 people had sought medical help after the blast.") == [(64, 64, "exact", "people", "injured")]
    assert read("Three farmers were found burnt to death in their huts.") == [(3, 3, "exact", "people", "killed")]
    assert read("One jawan was killed in the ambush.") == [(1, 1, "exact", "security_forces", "killed")]
    assert read("Rescuers have recovered the remains of at least 45 people from the site.") == [
        (45, None, "at_least", "people", "killed")
    ]
    assert read("In the ensuing exchange, five brave sons of soil, having fought gallantly, embraced shahadat.") == [
        (5, 5, "exact", "security_forces", "killed")
    ]
    assert read("Since January, 310 khwarij and terrorists have been sent to hell.") == [(310, 310, "exact", "fighters", "killed")]
    assert read("More than 900 people had been treated there for injuries by Friday.") == [
        (901, None, "more_than", "people", "injured")
    ]


def test_dev45_sources() -> None:
    # a quotation right after one whose speaker is named is the same speaker's
    text = (
        'Governor Ivan Petrenko posted an update on Telegram. "So far 11 people have been killed," he writes. '
        '"Another 30 people have been injured."'
    )
    assert read_with_sources(text) == [(11, "killed", "Ivan Petrenko"), (30, "injured", "Ivan Petrenko")]


def test_dev46_counts() -> None:
    assert read("Police detained at least three ministers overnight.") == [(3, None, "at_least", "people", "detained")]
    assert read("Four former rebels who had handed in their weapons were shot dead.") == [(4, 4, "exact", "people", "killed")]
    assert read(
        "Eight soldiers serving with the African Union mission (AUSSOM) and the national army of Somalia "
        "were killed near Baidoa."
    ) == [(8, 8, "exact", "security_forces", "killed")]


def test_session9_displacement_and_bodies() -> None:
    assert read("The bodies of two men and four children were recovered from the river on Sunday.") == [
        (2, 2, "exact", "people", "killed"),
        (4, 4, "exact", "children", "killed"),
    ]
    assert read("Some 1,800 households have left Djugu and nearby villages since the raid.") == [
        (1800, 1800, "about", "unknown", "displaced")
    ]
    assert read("Around 400 families have left mountain communities above Badiraguato.") == [
        (400, 400, "about", "unknown", "displaced")
    ]
    assert read("At least 5,000 Rohingya have slipped across the river this month.") == [
        (5000, None, "at_least", "people", "displaced")
    ]


def test_needed_surgery_is_injured() -> None:
    assert read("Doctors said 35 of the patients needed surgery.") == [(35, 35, "exact", "people", "injured")]


def test_release_names_itself_by_acronym() -> None:
    text = (
        "Sudan: clinics overwhelmed in Tawila\n\nPress release - Médecins Sans Frontières (MSF)\n\n"
        "Since Friday, the two clinics MSF runs in the town have received more than 300 wounded people."
    )
    assert read_with_sources(text) == [(301, "injured", "Médecins Sans Frontières (MSF)")]


def test_according_to_ends_before_a_verb() -> None:
    assert read_with_sources(
        "Clashes on the road, which according to OCHA had driven some 90,000 people from their homes, went on."
    ) == [(90000, "displaced", "OCHA")]


def test_dev22_follow_ups() -> None:
    assert read("Since March, 12 members of the army and the National Guard have been wounded.") == [
        (12, 12, "exact", "security_forces", "injured")
    ]
    assert read_with_sources(
        "Prosecutors say 300 people were killed this year, and the search collectives say about 450 people are missing."
    )[-1:] == [(450, "missing", "search collectives")]


# --- tenth session: a bare count shares the noun across a subordinate clause that has ended ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "more than" is a qualifier, not the comparison "than" that opens a clause.
        (
            "Officials said at least 58 people had died, more than a third of them children, and that 140 were wounded.",
            [(58, None, "at_least", "people", "killed"), (140, 140, "exact", "people", "injured")],
        ),
        # The clause opened by "when" ends at ", and": the bare count is coordinated again.
        (
            "At least nine people were killed when a rocket hit a market in Nahariya, and about 40 were hurt.",
            [(9, None, "at_least", "people", "killed"), (40, 40, "about", "people", "injured")],
        ),
        (
            "Twelve people are missing after the attack on Mutarule and at least 30 are in hospital.",
            [(12, 12, "exact", "people", "missing"), (30, None, "at_least", "people", "injured")],
        ),
    ],
)
def test_bare_count_after_a_closed_subordinate_clause(text: str, expected: list[Row]) -> None:
    assert read(text) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the displaced, of the deaths, of the most badly wounded: persons
        (
            "The governor said the town was housing about 4,000 of the displaced in two schools.",
            [(4000, 4000, "about", "people", "displaced")],
        ),
        (
            "Investigators have so far confirmed 17 of these deaths.",
            [(17, 17, "exact", "people", "killed")],
        ),
        (
            "Army helicopters flew 14 of the most seriously injured to the capital.",
            [(14, 14, "exact", "people", "injured")],
        ),
        # "others" after a count with no noun are still persons
        (
            "Rescuers counted 31 dead by noon. Nine others were treated for injuries.",
            [(31, 31, "exact", "unknown", "killed"), (9, 9, "exact", "people", "injured")],
        ),
    ],
)
def test_parts_and_others_are_persons(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll told before and counted again: the later figure is of the same toll, no noun
        (
            "A car bomb killed 27 people at the market on Sunday. By Monday evening the figure had climbed to 41.",
            [(27, 27, "exact", "people", "killed"), (41, 41, "exact", "unknown", "killed")],
        ),
        (
            "Officials said 19 people had died in the flooding of the camp. On Friday the governor gave a new figure of 23.",
            [(19, 19, "exact", "people", "killed"), (23, 23, "exact", "unknown", "killed")],
        ),
        (
            "The shelling killed nine people in Kherson. Overnight the regional administration raised it to 11.",
            [(9, 9, "exact", "people", "killed"), (11, 11, "exact", "unknown", "killed")],
        ),
        (
            "The monitor first counted 60 deaths. Residents put it at more than 150 people.",
            [(60, 60, "exact", "unknown", "killed"), (151, None, "more_than", "people", "killed")],
        ),
        # "up from the 16 that ..." is the earlier count of the same toll
        (
            "The toll rose to 52 on Tuesday, up from the 30 reported on Monday.",
            [(52, 52, "exact", "unknown", "killed"), (30, 30, "exact", "unknown", "killed")],
        ),
    ],
)
def test_a_toll_referred_back_to(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_figure_of_something_else_is_no_toll() -> None:
    # "the figure" with no count before it in the text, and a count of money
    assert read("The figure had climbed to 400 by June, the central bank said.") == []
    assert read("Five people were killed in the raid. The budget figure was raised to 90 million dollars.") == [
        (5, 5, "exact", "people", "killed")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "resulted in" a count of the dead: "in" here is no "in 2024" or "in 10 days"
        ("The shelling of the market resulted in 23 deaths.", [(23, 23, "exact", "unknown", "killed")]),
        # a part "among" a count: the count's outcome
        (
            "Three children were among the 19 people wounded in the blast.",
            [(3, 3, "exact", "children", "injured"), (19, 19, "exact", "people", "injured")],
        ),
        (
            "A nurse was among seven people killed when the clinic was shelled.",
            [(7, 7, "exact", "people", "killed")],
        ),
        (
            "Two soldiers were among four people killed at the checkpoint.",
            [(2, 2, "exact", "security_forces", "killed"), (4, 4, "exact", "people", "killed")],
        ),
    ],
)
def test_resulted_in_and_among_a_count(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_in_before_a_count_of_days_is_still_no_figure() -> None:
    assert read("Eleven people were killed in 3 days of shelling.") == [(11, 11, "exact", "people", "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who says it, not what they cite
        (
            "The health ministry says at least 31 people have been killed in Kherson, based on figures from hospitals.",
            [(31, "killed", "health ministry")],
        ),
        (
            "At least 90 people were killed in the fighting for Bukavu, the UN refugee agency said, citing figures "
            "from local authorities.",
            [(90, "killed", "UN refugee agency")],
        ),
        # with no one saying it, the figures' origin is the source
        ("Based on figures from hospitals, 40 people were killed.", [(40, "killed", "hospitals")]),
        # "the group said" after a body that gave the figure before it, in the same paragraph
        (
            "The International Rescue Committee says its clinics treated 212 wounded people last week. "
            "Of the wounded, 64 needed surgery, the group said.",
            [(212, "injured", "International Rescue Committee"), (64, "injured", "International Rescue Committee")],
        ),
    ],
)
def test_who_cites_and_the_group_said(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_a_part_of_the_wounded_is_persons() -> None:
    assert read("Doctors treated 300 wounded people. Of the wounded, 41 needed surgery.") == [
        (300, 300, "exact", "people", "injured"),
        (41, 41, "exact", "people", "injured"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll phrase with an aside between commas, ended by the toll's verb
        (
            "The number of people killed in Monday's raid on Kaura Namoda, a market town in Zamfara State, "
            "has risen to 48, officials said.",
            [(48, 48, "exact", "people", "killed")],
        ),
        # "the number killed", with no "of"
        ("A diplomatic cable put the number killed at up to 300.", [(None, 300, "up_to", "unknown", "killed")]),
        # "to N from M": the earlier count of the same toll
        (
            "The toll of the shelling of the camp has risen to 61 from 40.",
            [(61, 61, "exact", "unknown", "killed"), (40, 40, "exact", "unknown", "killed")],
        ),
        # missing: "believed to be missing", "still under the rubble"
        (
            "Rescuers were searching for about 12 people believed to be missing after the blast.",
            [(12, 12, "about", "people", "missing")],
        ),
        (
            "The civil defence said 25 people were still under the rubble of the building.",
            [(25, 25, "exact", "people", "missing")],
        ),
    ],
)
def test_long_tolls_and_missing_under_rubble(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_a_toll_aside_ending_in_of_is_no_toll() -> None:
    # "a factor of six" after a toll phrase and a comma is no count of the dead
    assert read("The number of dead remains a matter of guesswork, with estimates that differ by a factor of six.") == []
    # the dead pulled from under the rubble are dead, not missing
    assert read("Rescuers pulled 14 bodies from under the rubble.") == [(14, 14, "exact", "people", "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "State television quoted the interior ministry as saying 17 police officers were killed.",
            [(17, "killed", "interior ministry")],
        ),
        (
            "IRNA quoted Hossein Kermanpour, a health ministry spokesman, as saying 30 people were killed.",
            [(30, "killed", "Hossein Kermanpour, a health ministry spokesman")],
        ),
    ],
)
def test_quoted_as_saying(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # communiques write a count twice: one count, with what follows the brackets
        (
            "The gunmen killed twenty-one (21) civilians and wounded nine (09) others.",
            [(21, 21, "exact", "civilians", "killed"), (9, 9, "exact", "civilians", "injured")],
        ),
        ("Our forces neutralised 15 (fifteen) terrorists near Tillaberi.", [(15, 15, "exact", "fighters", "killed")]),
        # demonyms and bodyguards are persons
        (
            "More than 3,000 Chadians have fled into Cameroon, and two of the mayor's bodyguards were killed.",
            [(3001, None, "more_than", "people", "displaced"), (2, 2, "exact", "people", "killed")],
        ),
    ],
)
def test_counts_written_twice_and_more_person_nouns(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "brought in dead"; "under the age of five" is an age
        (
            "A nurse said nine children under the age of five had been brought in dead.",
            [(9, 9, "exact", "children", "killed")],
        ),
        # taken to a clinic or to "the district hospital": wounded
        ("Fourteen people were taken to the district hospital.", [(14, 14, "exact", "people", "injured")]),
        ("About 40 people had been taken to clinics in nearby villages.", [(40, 40, "about", "people", "injured")]),
        # a unit's ordinal inside the noun phrase; constables are police
        ("Two soldiers of the 41st Infantry Battalion were wounded.", [(2, 2, "exact", "security_forces", "injured")]),
        ("One head constable was killed in the ambush.", [(1, 1, "exact", "security_forces", "killed")]),
    ],
)
def test_dev50_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 300 remain in the city's crowded morgues.", [(300, 300, "about", "unknown", "killed")]),
        ("Police said 80 of the escaped inmates had been recaptured.", [(80, 80, "exact", "people", "detained")]),
        (
            "More than 4,000 Burundians had arrived in the east of the country since Monday.",
            [(4001, None, "more_than", "people", "displaced")],
        ),
    ],
)
def test_dev49_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_locations_and_blasts_are_no_victims() -> None:
    assert read("Missile strikes on nine locations overnight killed 31 civilians.") == [
        (31, 31, "exact", "civilians", "killed")
    ]
    assert read("Three blasts tore through the market, killing 14 people.") == [(14, 14, "exact", "people", "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a qualified count after "the year" or a month is no date
        (
            "Since the start of the year more than 90,000 people have been displaced in Ituri.",
            [(90001, None, "more_than", "people", "displaced")],
        ),
        # displacement said by who moved or sheltered them
        ("Its crews had evacuated 150 families from the old city.", [(150, 150, "exact", "unknown", "displaced")]),
        ("The county was sheltering over 3,000 people in schools.", [(3001, None, "more_than", "people", "displaced")]),
        ("Officials said 12,400 people had been moved to safety.", [(12400, 12400, "exact", "people", "displaced")]),
        ("Some 9,000 have registered as refugees in Uganda.", [(9000, 9000, "about", "unknown", "displaced")]),
        ("About 7,000 people have arrived in Cabo Delgado province.", [(7000, 7000, "about", "people", "displaced")]),
        ("By noon 2,100 people had registered at 40 shelters.", [(2100, 2100, "exact", "people", "displaced")]),
        # hanged, vanished, considered missing, trapped under concrete
        ("Up to 900 prisoners were hanged at the jail.", [(None, 900, "up_to", "people", "killed")]),
        ("Three students vanished in Iguala.", [(3, 3, "exact", "people", "missing")]),
        ("Eleven people are considered missing.", [(11, 11, "exact", "people", "missing")]),
        ("Four people were believed trapped under the concrete.", [(4, 4, "exact", "people", "missing")]),
    ],
)
def test_displaced_and_missing_phrasings(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_evacuating_the_wounded_or_troops_is_no_displacement() -> None:
    assert read("Helicopters evacuated 12 wounded soldiers to Kabul.") == [(12, 12, "exact", "security_forces", "injured")]
    assert read("The army evacuated 40 soldiers from the base.") == []


def test_it_is_one_body_not_the_residents() -> None:
    text = (
        "The National Human Rights Commission said its monitors had confirmed 19 civilian deaths in Kassala. "
        "Residents who spoke to the Commission said more than 40 people died. "
        "It said at least 12 people were wounded."
    )
    # (the middle figure is the residents'; how much of that phrase the source keeps is not at issue)
    found = read_with_sources(text)
    assert [found[0], found[2]] == [
        (19, "killed", "National Human Rights Commission"),
        (12, "injured", "National Human Rights Commission"),
    ]
    assert found[1][:2] == (41, "killed") and str(found[1][2]).lower().startswith("residents")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle phrase between the speaker and the verb
        (
            "A committee set up by the families puts the number at around 300 dead.",
            [(300, "killed", "a committee")],
        ),
        # "the same official": the one named last
        (
            "The district commissioner said 41 people were killed in Bokkos. Another attack killed 17 people, "
            "the same official said.",
            [(41, "killed", "district commissioner"), (17, "killed", "district commissioner")],
        ),
        # a live page's time stamp before a person's name; "he" is that person
        (
            "SAT 14:02 | Amnesty International says at least 30 people were killed.\n\n"
            'SAT 19:45 | Governor Bala Mohammed on X: "We will rebuild." He says 56 of the injured are in Bauchi.',
            # (the name without its title, as for "Mayor Ana Lucia Paz" in test_dev13_sources)
            [(30, "killed", "Amnesty International"), (56, "injured", "Bala Mohammed")],
        ),
    ],
)
def test_more_speakers(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "other" before an outcome used as an adjective
        ("Dozens of other wounded soldiers are being treated in Bol.", [(24, None, "vague", "security_forces", "injured")]),
        ("Nine other injured policemen were flown to Peshawar.", [(9, 9, "exact", "security_forces", "injured")]),
        # a quoted noun
        ('The army says it has killed dozens of "terrorists".', [(24, None, "vague", "fighters", "killed")]),
        # "were army and Frontier Corps personnel" (and medical personnel are no forces)
        (
            "The number of hostages killed has risen to 31, of whom 20 were army and Frontier Corps personnel.",
            [(31, 31, "exact", "people", "killed"), (20, 20, "exact", "security_forces", "killed")],
        ),
        (
            "The number of people killed has risen to 31, of whom 6 were medical personnel.",
            [(31, 31, "exact", "people", "killed"), (6, 6, "exact", "people", "killed")],
        ),
    ],
)
def test_more_nouns_of_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # key-figure lines whose label holds dates in brackets, or a range
        (
            "Key figures\n\n- People killed in the attacks on Kadugli (2–4 May): more than 120, according to OCHA",
            [(121, None, "more_than", "people", "killed")],
        ),
        (
            "Key figures\n\n- People displaced from Kadugli: between 30,000 and 35,000 (IOM)",
            [(30000, 35000, "range", "people", "displaced")],
        ),
    ],
)
def test_key_figure_labels(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "regrets to report/announce": the body that regrets
        (
            "The Ministry of Defence regrets to report that three soldiers were killed on Monday.",
            [(3, "killed", "Ministry of Defence")],
        ),
        (
            "The General Staff deeply regrets to announce that some 20 of our soldiers were killed.",
            [(20, "killed", "General Staff")],
        ),
        # a report's counter, not the report
        (
            "The report states that the Syrian Network for Human Rights documented the killing of 412 civilians.",
            [(412, "killed", "Syrian Network for Human Rights")],
        ),
        (
            "According to the report, SNHR also recorded 37 deaths under torture.",
            [(37, "killed", "SNHR")],
        ),
        # information gathered by X: X
        (
            "According to information gathered by the Kivu Security Tracker, 52 people were killed.",
            [(52, "killed", "Kivu Security Tracker")],
        ),
    ],
)
def test_regrets_and_reports(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group said it had verified the detention of 412 people since the vote.", [(412, 412, "exact", "people", "detained")]),
        ("Four people died and 19 others were brought in injured.", [(4, 4, "exact", "people", "killed"), (19, 19, "exact", "people", "injured")]),
        # an escape is no displacement
        ("During the riot, 44 inmates fled the prison.", []),
        ("About 2,000 villagers fled the fighting.", [(2000, 2000, "about", "people", "displaced")]),
    ],
)
def test_detention_of_brought_in_injured_and_escapes(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_more_demonyms_are_persons() -> None:
    assert read("Gambia reported that hundreds of Senegalese had fled across the border.") == [
        (200, None, "vague", "people", "displaced")
    ]


def test_a_role_clause_with_a_spaced_article() -> None:
    assert read_with_sources(
        "JNIM, al Qaeda's affiliate in the Sahel, said in a claim that it had killed about 60 soldiers."
    ) == [(60, "killed", "JNIM, al Qaeda affiliate in the Sahel")]


def test_a_neutralised_label_in_a_communique_list() -> None:
    assert read("The provisional toll is as follows:\n\n- Terrorists neutralised: around thirty") == [
        (30, 30, "about", "fighters", "killed")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how they spoke, between commas, is no speaker after the verb
        (
            "Two army officers, speaking on condition of anonymity, said the raids struck camps of the "
            "Lashkar group, or LeT, and killed at least 15 militants.",
            [(15, "killed", "Two army officers")],
        ),
        # the second speaker's toll after "while"
        (
            "The Syrian Observatory said 60 people were killed, while a district official put the toll at about 90.",
            [(60, "killed", "Syrian Observatory"), (90, "killed", "a district official")],
        ),
        # a count compared with another body's figure is the speaker's own
        (
            "The national human rights commission said on Tuesday that 27 people had died in the unrest, "
            "double the figure given by the interior minister a day earlier.",
            [(27, "killed", "national human rights commission")],
        ),
        # an outlet correcting itself names no source
        ("CORRECTION: An earlier version of this story said nine people had been injured.", [(9, "injured", None)]),
    ],
)
def test_asides_second_speakers_comparisons_and_corrections(
    text: str, expected: list[tuple[int | None, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the earlier toll after a time phrase and a comma
        (
            "The death toll from the bombing near the stadium in Quetta was revised to 31 overnight, from 26 announced earlier.",
            [(31, 31, "exact", "unknown", "killed"), (26, 26, "exact", "unknown", "killed")],
        ),
        # an abbreviated month inside a long toll phrase
        (
            "Israel lowered the number of people killed in the attack of Oct. 7 to about 1,200.",
            [(1200, 1200, "about", "people", "killed")],
        ),
        # an ethnic group is persons; "slaughtered" is killed
        ("Some 4,000 Masalit were slaughtered in the town, the panel said.", [(4000, 4000, "about", "people", "killed")]),
        # crossing a border from one country into another, or at a border point, is flight
        (
            "More than 30,000 people have crossed from Sudan into South Sudan since May.",
            [(30001, None, "more_than", "people", "displaced")],
        ),
        ("About 6,000 people crossed at the Rusizi border point on Monday.", [(6000, 6000, "about", "people", "displaced")]),
    ],
)
def test_revised_tolls_ethnic_groups_and_border_crossings(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dotted acronym is kept whole
        ("Eleven civilians were killed, according to the U.N. Most of them were farmers.", [(11, "killed", "U.N.")]),
        ("Nine guards were wounded when inmates rioted, according to the prison's management.", [(9, "injured", "prison management")]),
        ("Six of those officers were killed when the post was overrun, police headquarters said.", [(6, "killed", "police headquarters")]),
        # ", saying" after a long subject with places in it
        (
            "Civil liberties groups in Lahore and Karachi have called for an inquiry, saying at least three of the dead were students.",
            [(3, "killed", "civil liberties groups in Lahore and Karachi")],
        ),
        # the second speaker's own loss
        (
            "The ministry said 40 soldiers had been killed, while the Red Crescent said it had lost five volunteers.",
            [(40, "killed", "ministry"), (5, "killed", "Red Crescent")],
        ),
    ],
)
def test_acronyms_headquarters_and_second_speakers(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" inside the noun phrase, before another noun for persons
        ("Nineteen soldiers and policemen have been killed.", [(19, 19, "exact", "security_forces", "killed")]),
        # armed and unarmed persons together are people
        ("Some 80 guards and prison employees have been taken hostage.", [(80, 80, "about", "people", "abducted")]),
        ("Since January, 11,200 victims of homicide have been registered in the state.", [(11200, 11200, "exact", "people", "killed")]),
        ("One jawan laid down his life in the encounter.", [(1, 1, "exact", "security_forces", "killed")]),
        (
            "The authorities raised the number of people forced from their homes to more than 40,000.",
            [(40001, None, "more_than", "people", "displaced")],
        ),
        # a day of the month before "and" + a month is a date, even when persons follow
        ("Clashes reached the town on 1 and 2 April and residents of both communes fled.", []),
    ],
)
def test_coordinated_persons_homicide_victims_and_dates_with_and(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "WHO" in capitals is the organisation, not a relative pronoun
        (
            "The agency condemns the strike on the clinic, which killed 31 patients, according to reports received by WHO.",
            [(31, "killed", "WHO")],
        ),
        ("Shelling of the camp killed six people, camp coordinators said on Sept. 9.", [(6, "killed", "camp coordinators")]),
        # a noun, not a verb: nobody named
        ("Local estimates suggest that more than 900 families have fled the villages.", [(901, "displaced", None)]),
        # "claimed by" names who claimed the attack, not who reports the toll
        ("A bombing claimed by Islamic State at a market in 2019 killed 22 people.", [(22, "killed", None)]),
        # a participle aside about the speaker
        (
            "The Association of Victims' Families, formed by relatives of the dead, said it had counted 87 people killed.",
            [(87, "killed", "Association of Victims Families")],
        ),
    ],
)
def test_capital_who_coordinators_noun_estimates_claimed_by_and_formed_by(
    text: str, expected: list[tuple[int | None, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # units of territory are things
        "Five states concentrate nearly half of all homicides.",
        # who the food is for is no casualty
        "A convoy carrying food for 40,000 people has been held in Kosti since mid-October.",
    ],
)
def test_states_and_people_fed_are_no_casualties(text: str) -> None:
    assert read(text) == []


def test_one_of_the_last_clinics_is_a_thing() -> None:
    assert read("Nine doctors of the charity, which ran one of the last working clinics in the town, were killed.") == [
        (9, 9, "exact", "people", "killed")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name with its age between commas
        (
            "A shopkeeper from the market, Nur Hassan, 47, said five of his neighbours were among those killed.",
            [(5, "killed", "Nur Hassan")],
        ),
        # whose tally showed it
        ("At least 19 of the deaths were in the capital, the AFP tally showed.", [(19, "killed", "AFP")]),
        ("Drone footage showed 40 bodies in the street.", [(40, "killed", None)]),
        # ", documenting" after a subject with its acronym in brackets
        (
            "The Syrian Network for Human Rights (SNHR) issued its report on Monday, documenting the deaths of 140 civilians in March.",
            [(140, "killed", "Syrian Network for Human Rights")],
        ),
    ],
)
def test_names_with_ages_tallies_that_show_and_documenting(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire dateline's day is no range with the story's first count
        ("MOPTI, Sept 18 - Dozens of people were killed when gunmen attacked a market.", [(24, None, "vague", "people", "killed")]),
        ("MOPTI, Sept. 18 - Dozens of people were killed when gunmen attacked a market.", [(24, None, "vague", "people", "killed")]),
        # Lebanese ministry wording
        (
            "A drone strike on a car near Nabatieh led to the martyrdom of two citizens and the injury of four others.",
            [(2, 2, "exact", "people", "killed"), (4, 4, "exact", "people", "injured")],
        ),
        ("A strike on a house resulted in one martyr and five injured.", [(1, 1, "exact", "people", "killed"), (5, 5, "exact", "people", "injured")]),
        # "and a driver" inside the noun phrase
        ("Last year, six constables and a driver were killed in a similar blast.", [(6, 6, "exact", "security_forces", "killed")]),
        ("Rescuers were still searching for at least two people under the rubble.", [(2, None, "at_least", "people", "missing")]),
        ("Rescuers pulled 12 people from under the rubble.", []),
        ("Residents said about 40 families had left for Tripoli.", [(40, 40, "about", "unknown", "displaced")]),
        ("Officials said about 900 Afghans had crossed the border since Friday.", [(900, 900, "about", "people", "displaced")]),
        ("The spokesman said 37 people were still being treated.", [(37, 37, "exact", "people", "injured")]),
        # patients, not the wounded
        ("About 300 children were being treated for malnutrition at the clinic.", []),
    ],
)
def test_datelines_ministry_wording_rubble_and_flight(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # a title that is the statement's own
        (
            "Statement by the Ministry of Defence and Veterans' Affairs on the attack at Diapaga\n\n"
            "We deplore a provisional toll of 12 soldiers killed.",
            "Ministry of Defence and Veterans' Affairs",
        ),
        # the body opening the statement by issuing it
        (
            "Statement: our findings on the Maarat al-Numan strikes\n\n"
            "The Syrian Network for Human Rights (SNHR) issues this statement on the strikes of 3 May.\n\n"
            "Our team documented the deaths of 14 civilians.",
            "Syrian Network for Human Rights",
        ),
        # a press note with its issuing office on the line below the title
        (
            "Press note: encounter near Kanker\n\nOffice of the Superintendent of Police, Kanker (Chhattisgarh)\n\n"
            "Our teams recovered the bodies of 6 Maoists.",
            "Office of the Superintendent of Police",
        ),
        # a briefing summary
        (
            "Chad: arrivals from Darfur rise\n\nThis is a summary of what was said by a UNHCR spokesperson at today's "
            "press briefing in Geneva.\n\nWe have registered 2,300 new arrivals.",
            "UNHCR",
        ),
    ],
)
def test_more_statement_headers_name_the_issuer(text: str, issuer: str | None) -> None:
    assert [f.attributed_to for f in casualty_figures(text, "r1")] == [issuer]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "taken" with no destination, in an abduction
        ("Gunmen stormed the school; 14 pupils were abducted and one teacher was also taken.",
         [(14, 14, "exact", "people", "abducted"), (1, 1, "exact", "people", "abducted")]),
        ("In 2021 more than 300 pupils were taken from a school in Jangebe.", [(301, None, "more_than", "people", "abducted")]),
        ("Twelve people were taken to hospital.", [(12, 12, "exact", "people", "injured")]),
        # (custody is detention, not an abduction)
        ("Five men were taken into custody.", [(5, 5, "exact", "people", "detained")]),
    ],
)
def test_taken_in_an_abduction(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal after the subject is not part of it
        ("The Command can confirm that 17 students were abducted.", [(17, "abducted", "command")]),
        # the statement's own officials: its issuer
        (
            "Statement by the Ombudsman's Office on Tibu\n\nAt least four social leaders were killed, according to "
            "testimonies received by our officials.",
            [(4, "killed", "Ombudsman's Office")],
        ),
        # an outlet's own tally keeps its name
        ("Attacks have killed 21 civilians, according to figures compiled by our agency.", [(21, "killed", "our agency")]),
    ],
)
def test_modals_and_our_officials(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the statement's own voice: "information we have gathered", "reports received by our teams"
        (
            "Statement by the UN Human Rights Office on Gressier\n\nAccording to information we have gathered, "
            "at least 28 people were killed.",
            [(28, "killed", "UN Human Rights Office")],
        ),
        (
            "Statement by UNRWA on Khan Younis\n\nInitial reports received by our teams indicate that 16 people were killed.",
            [(16, "killed", "UNRWA")],
        ),
        # "has received reports that": who received them
        (
            "Statement by the Ombudsman's Office\n\nThe Office has also received reports that 9 people have been kidnapped.",
            [(9, "abducted", "Ombudsman's Office")],
        ),
        # a key figure's label is no source
        ("Key figures\n\n- Wounded treated in Bunia hospitals: more than 400", [(401, "injured", None)]),
        # a weekday before a person's two names
        (
            "On Sunday Ivan Fedorov, the governor of Zaporizhzhia region, said 9 people were injured.",
            [(9, "injured", "Ivan Fedorov")],
        ),
    ],
)
def test_own_voice_received_reports_labels_and_weekdays(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # the title opens on the issuer's name, an acronym no list of body words holds
        (
            "UNFPA statement on the shelling of the Kalma camp\n\nOur staff counted at least nine people killed.",
            "UNFPA",
        ),
        # a dateline before the spokesperson's header line
        (
            "Sudan: UN rights office appalled by killings in Tawila\n\nGENEVA (12 May 2025) – Spokesperson for the UN "
            "High Commissioner for Human Rights: Ravina Shamdasani\n\nWe have documented the killing of 31 civilians.",
            "UN High Commissioner for Human Rights",
        ),
        # a dateline before the opening sentence of a release
        (
            "WFP alarmed by attack on convoy in Darfur\n\nPress release\n\nRome / Port Sudan, 3 June 2024 – The World Food "
            "Programme (WFP) is deeply alarmed by an attack on one of its convoys.\n\nTwo of our drivers were wounded.",
            "World Food Programme",
        ),
        # a header split by bars, the issuer's name after the mark
        (
            "Chad: clinic looted in Adre\n\nPress release | Médecins Sans Frontières | N'Djamena, 2 May 2024\n\n"
            "Three of our staff were injured.",
            "Médecins Sans Frontières",
        ),
        # "Statement issued by", with a dateline and a translator's note
        (
            "Health ministry: toll of the raid on Tulkarm\n\nRamallah, 9 March 2024 - Statement issued by the Ministry of "
            "Health (unofficial translation)\n\nOur teams received 14 injured citizens.",
            "Ministry of Health",
        ),
        # a news story that only mentions a statement keeps its own voice
        (
            "Gunmen kill villagers in Zamfara\n\nGUSAU, 4 May 2024 - Gunmen killed 12 villagers, police said in a statement.",
            "police",
        ),
    ],
)
def test_release_headers_with_datelines_bars_and_names_name_the_issuer(text: str, issuer: str | None) -> None:
    assert [f.attributed_to for f in casualty_figures(text, "r1")] == [issuer]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the clause, a person named and described, then the verb
        ("Raid in Kutum\n\nGunmen killed 14 villagers, Ahmad Fahmawi, the village head, said.", [(14, "killed", "Ahmad Fahmawi")]),
        ("Raid in Kutum\n\nGunmen killed 14 villagers, Issa, a farmer, said on Sunday.", [(14, "killed", "Issa")]),
        ("Raid in Kutum\n\nGunmen killed 14 villagers, a farmer called Issa said.", [(14, "killed", "a farmer called Issa")]),
        # a body that lists or names the dead gives the count
        (
            "Kenya protests\n\nThe Kenya National Commission on Human Rights also listed 32 people reported missing.",
            [(32, "missing", "Kenya National Commission on Human Rights")],
        ),
        (
            "Israel's dead\n\nThe National Insurance Institute has so far named more than 800 civilians among the dead.",
            [(801, "killed", "National Insurance Institute")],
        ),
        # "named as" who they were: no source
        ("Victims named\n\nThree of the 12 people killed were named as local teachers.", [(12, "killed", None)]),
    ],
)
def test_named_persons_after_the_clause_and_bodies_that_list_the_dead(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun inside "by ... count" or "according to": the person or body named before
        (
            "Wad al-Noura\n\nMohamed, a teacher, buried his brothers. By his count, 62 of the wounded were carried on donkey carts.",
            [(62, "injured", "Mohamed")],
        ),
        (
            "Kaya\n\nAmina Ouedraogo, a nurse, worked through the night. According to her, more than 140 wounded were brought in.",
            [(141, "injured", "Amina Ouedraogo")],
        ),
        (
            "Barsalogho\n\nThe Collectif Justice pour Barsalogho said the army's figure was far too low. By its count, about 400 people were killed.",
            [(400, "killed", "Collectif Justice pour Barsalogho")],
        ),
    ],
)
def test_pronoun_counts_and_according_to_a_pronoun(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description of a body named before, by the body's own words
        (
            "Gaza\n\nThe Ministry of Health said 40 people were killed overnight. The health ministry said 12 of them were children.",
            [(40, "killed", "Ministry of Health"), (12, "killed", "Ministry of Health")],
        ),
        (
            "Pakistan's year\n\nThe Pakistan Institute for Conflict and Security Studies said 685 soldiers were killed.\n\n"
            "The think tank said security forces had killed 934 militants.",
            [
                (685, "killed", "Pakistan Institute for Conflict and Security Studies"),
                (934, "killed", "Pakistan Institute for Conflict and Security Studies"),
            ],
        ),
        (
            "Defence ministry statement on the strikes in Barmal\n\nKabul, 25 December 2024. The following statement was "
            "issued by the Ministry of National Defence on Wednesday.\n\nOur forces killed 20 fighters in the operation.",
            [(20, "killed", "Ministry of National Defence")],
        ),
        # no such name given: the description stays
        ("Gaza\n\nThe health ministry said 40 people were killed overnight.", [(40, "killed", "health ministry")]),
    ],
)
def test_a_body_described_by_its_own_words_takes_its_name(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "among the people wounded": the part takes the outcome of the people it is among
        ("Tibu\n\nFive children were among the people wounded by gunfire in rural areas.", [(5, 5, "exact", "children", "injured")]),
        ("Kharkiv\n\nThree women were among the people killed in the strike.", [(3, 3, "exact", "women", "killed")]),
    ],
)
def test_among_the_people_wounded(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause between commas before the verb
        (
            "Zamzam\n\nNine staff members of Relief International, who were running one of the last functioning "
            "health posts in the camp, were among the dead.",
            [(9, 9, "exact", "people", "killed")],
        ),
        (
            "Kursk\n\nFour volunteers, who had driven into the frontline town to evacuate elderly residents, were wounded by a drone.",
            [(4, 4, "exact", "people", "injured")],
        ),
        # an adverb of time before the outcome
        ("Zemio\n\nTwo aid workers were briefly abducted on the road to Mboki last week.", [(2, 2, "exact", "people", "abducted")]),
        # the relative clause says what happened to no one counted
        ("Camp\n\nThe 40 families, who had sheltered in the school for a month, were moved to a camp.", []),
    ],
)
def test_relative_clauses_and_adverbs_before_the_outcome(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym before the mark on a header line split by bars
        (
            "UN agency says shelter hit in Rafah\n\nUNICEF | STATEMENT\nRafah / Amman, 3 March 2024\n\n"
            "Our staff report that 11 children were killed.",
            [(11, "killed", "UNICEF")],
        ),
        # a police statement printed inside a news item, its header inside the quotation
        (
            "Police confirm toll of the stabbing\n\nCITY NEWS | Local | 2 May 2024\n\nPolice published their statement. "
            'We print it as issued:\n\n"REGIONAL POLICE DIRECTORATE OF SOUTH MORAVIA\nStatement, 1 May 2024, 22:10\n\n'
            'We can confirm that three people were killed in the attack."',
            [(3, "killed", "REGIONAL POLICE DIRECTORATE OF SOUTH MORAVIA")],
        ),
        # a quotation that resumes after its attribution, and one whose speaker is named where it opens
        (
            "Rescue ends in Odesa\n\nThe State Emergency Service of Ukraine (SES) ended its search on Sunday.\n\n"
            '"Our rescuers worked through the night," the SES statement reads. "As of 10:00, 21 people have been '
            'found dead. 12 people were injured. Work at the site is over."',
            [
                (21, "killed", "State Emergency Service of Ukraine"),
                (12, "injured", "State Emergency Service of Ukraine"),
            ],
        ),
        (
            "Shells hit camps near Goma\n\nThe medical charity Medecins Sans Frontieres (MSF) issued a statement on "
            'Friday. It said: "Shells landed in Bulengo camp in the morning. Our teams received 31 wounded people. '
            'Our staff describe panic in the camp."',
            [(31, "injured", "medical charity Medecins Sans Frontieres")],
        ),
    ],
)
def test_statements_quoted_in_news_and_quotations_that_resume(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_a_qualified_count_written_again_in_brackets() -> None:
    text = "Bombing in Marawi\n\nFour (4) civilians were killed and at least fifty (50) others were wounded."
    assert read(text) == [(4, 4, "exact", "civilians", "killed"), (50, None, "at_least", "civilians", "injured")]


def test_among_those_killed_says_its_own_outcome() -> None:
    text = (
        "Zamzam\n\nMore than 400,000 people have fled the camp. UNICEF said at least 23 children were among "
        "those killed in the attack."
    )
    assert read(text) == [(400001, None, "more_than", "people", "displaced"), (23, None, "at_least", "children", "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bauchi\n\nTroops killed 11 members of Boko Haram near the border.", [(11, 11, "exact", "fighters", "killed")]),
        (
            "Marawi\n\nSoldiers killed eleven (11) members of the Dawlah Islamiyah-Philippines, a local group.",
            [(11, 11, "exact", "fighters", "killed")],
        ),
        # a body run by the group is not the group
        ("Gaza\n\nThe strike killed 11 members of the Hamas-run police.", [(11, 11, "exact", "security_forces", "killed")]),
    ],
)
def test_members_of_armed_groups_known_by_name_are_fighters(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dnipro\n\nThe fate of 20 people remains unknown.", [(20, 20, "exact", "people", "missing")]),
        ("Storm\n\nThe fate of at least 12 fishermen is still unclear.", [(12, None, "at_least", "people", "missing")]),
        # a fate to be decided is no one missing
        ("Court\n\nA court will decide the fate of 40 detainees next week.", []),
    ],
)
def test_the_fate_of_people_unknown(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_the_last_sentence_of_a_resumed_quotation_keeps_its_speaker() -> None:
    text = (
        "Rescue ends in Odesa\n\nThe State Emergency Service of Ukraine (SES) ended its search on Sunday.\n\n"
        '"Our rescuers worked through the night," the SES statement reads. "As of 10:00, 21 people have been '
        'found dead. The fate of 4 people remains unknown."'
    )
    assert read_with_sources(text) == [
        (21, "killed", "State Emergency Service of Ukraine"),
        (4, "missing", "State Emergency Service of Ukraine"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "according to reports from our partners": the statement's own voice
        (
            "Statement by the UN Resident Coordinator for Sudan on Zamzam\n\nAccording to initial reports from our "
            "partners, more than 400 people have been killed.",
            [(401, "killed", "UN Resident Coordinator for Sudan")],
        ),
        # inside a quotation, the one quoted
        (
            "Zamzam\n\n\"According to initial reports from our partners, more than 400 people have been killed,\" "
            "Ms. Nkweta-Salami said.",
            [(401, "killed", "Ms. Nkweta-Salami")],
        ),
    ],
)
def test_according_to_reports_from_our_partners(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "now known to be dead", and the bare count after it takes its noun
        (
            "Kramatorsk\n\nEight people, including three children, are now known to be dead and 56 were wounded.",
            [
                (8, 8, "exact", "people", "killed"),
                (3, 3, "exact", "children", "killed"),
                (56, 56, "exact", "people", "injured"),
            ],
        ),
        # a part of a toll that names no one is persons (tests/data/README.md)
        ("Kenya\n\nThe commission said it had documented 22 deaths, 19 of them in Nairobi.", [(22, 22, "exact", "unknown", "killed"), (19, 19, "exact", "people", "killed")]),
        ("Crocus\n\nAll four gunmen have been found and detained.", [(4, 4, "exact", "fighters", "detained")]),
    ],
)
def test_known_to_be_dead_parts_of_a_toll_and_found_and_detained(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "More" opens a count, not a name, before "it said"
        (
            "Kramatorsk\n\nThe emergency service now puts the toll at 11 dead. More than 60 people were injured, it said.",
            [(11, "killed", "emergency service"), (61, "injured", "emergency service")],
        ),
        # reports from a body
        (
            "Marawi\n\nInitial reports from the Philippine National Police (PNP) indicate that four (4) civilians were killed.",
            [(4, "killed", "Philippine National Police")],
        ),
        # a relative clause with its own count and its own "according to"
        (
            "Gaza\n\nThe ministry had counted close to 3,000 dead since the 7 October attack, in which about 1,400 "
            "people were killed in Israel, according to Israeli officials.",
            [(3000, "killed", "ministry"), (1400, "killed", "Israeli officials")],
        ),
    ],
)
def test_more_than_it_said_reports_from_and_in_which(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whose tally: the word before it
        ("Dhaka\n\nMedia tallies put the number of people killed in July at more than 200.", [(201, "killed", "media tallies")]),
        ("Guanajuato\n\nThe state recorded more than 3,000 homicide victims in 2023, according to federal figures.", [(3001, "killed", "federal figures")]),
        # no keeper named
        ("Lido\n\nAn earlier toll given on Thursday had put the dead at 60.", [(60, "killed", None)]),
        # "people who are missing"
        (
            "Catatumbo\n\nThe Ombudsman's Office said it had received reports of at least 20 people who are missing.",
            [(20, "missing", "Ombudsman Office")],
        ),
        # an outlet's colleague reports it
        (
            "Kenya protests\n\nOur colleague Peter Kiprono in Eldoret reports that two protesters were shot dead.",
            [(2, "killed", "Our colleague Peter Kiprono in Eldoret")],
        ),
    ],
)
def test_tallies_figures_who_are_missing_and_colleagues(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    "who", ["a local administrator", "the village mukhtar", "the prison warden", "a police superintendent", "the parish priest"]
)
def test_more_roles_that_give_counts(who: str) -> None:
    text = f"Garissa\n\nTwo police reservists were killed, according to {who}."
    assert read_with_sources(text) == [(2, "killed", who.removeprefix("the "))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ecuador\n\nThe Government of the Republic of Ecuador informs the public that all 178 prison guards held "
            "hostage have been released.",
            [(178, "abducted", "government of the Republic of Ecuador")],  # (a common first word is lower-cased)
        ),
        ("Sudan\n\nThe African Union condemned the killing of at least 40 civilians in Kutum.", [(40, "killed", "African Union")]),
        ("Lebanon\n\nThe Civil Defence mourned 13 of its members killed in the strikes.", [(13, "killed", "Civil Defence")]),
    ],
)
def test_bodies_that_inform_condemn_and_mourn_give_the_count(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_we_have_received_reports_is_the_briefing_s_voice() -> None:
    text = (
        "Burundi: arrivals from South Kivu\n\nThis is a summary of what was said by a UNHCR spokesperson at today's "
        "press briefing.\n\nWe have received reports that at least three people drowned while trying to cross."
    )
    assert read_with_sources(text) == [(3, "killed", "UNHCR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya\n\nThe commission recorded 32 cases of enforced disappearance.", [(32, "missing", "commission")]),
        # a statement's "by our count" is its issuer's
        (
            "UN rights office horrified\n\nUN Human Rights Office (OHCHR)\nPress briefing notes\n\nBetween January and "
            "June, at least 3,661 people were killed in gang violence across the country, by our count.",
            [(3661, "killed", "UN Human Rights Office (OHCHR)")],
        ),
        # a joint press release under its issuer's press office
        (
            "Police update\n\nWuppertal Police Headquarters - Press Office\nJoint press release with the prosecutor\n\n"
            "We can confirm that three people were killed.",
            [(3, "killed", "Wuppertal Police Headquarters")],
        ),
    ],
)
def test_cases_of_disappearance_by_our_count_and_press_offices(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_a_key_figures_heading_names_its_source_in_brackets() -> None:
    text = (
        "Gaza live\n\nKEY FIGURES (Gaza health ministry, as of 21:40)\n- Killed: 274\n- Injured: 698\n\n"
        "The day began quietly."
    )
    assert read_with_sources(text) == [(274, "killed", "Gaza health ministry"), (698, "injured", "Gaza health ministry")]


def test_a_table_column_names_each_row_s_source() -> None:
    text = (
        "Ukraine\n\nCASUALTIES\n\n| Place | Killed | Injured | Reported by |\n| --- | --- | --- | --- |\n"
        "| Kyiv | 33 | 121 | Kyiv City Military Administration |\n| Dnipro | 10 | 47 | Serhiy Lysak |"
    )
    assert read_with_sources(text) == [
        (33, "killed", "Kyiv City Military Administration"),
        (121, "injured", "Kyiv City Military Administration"),
        (10, "killed", "Serhiy Lysak"),
        (47, "injured", "Serhiy Lysak"),
    ]


def test_a_list_under_a_heading_that_documents_is_verified() -> None:
    text = (
        "Kenya\n\nIn a statement, the commission said it had documented the following since June 18:\n"
        "- Deaths: 39\n- Injuries: 361\n\nPolice did not comment."
    )
    assert [(f.low, f.outcome, f.verified) for f in casualty_figures(text, "r1")] == [(39, "killed", True), (361, "injured", True)]
    plain = "Sudan\n\nThe ministry gave these figures:\n- Deaths: 39\n\nPolice did not comment."
    assert [(f.low, f.verified) for f in casualty_figures(plain, "r1")] == [(39, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police put the number of injured at 50, of whom 12 remained in hospital.",
        "The ministry said 50 were wounded, among them 12 in serious condition.",
        "The ministry said 50 were wounded, including 12 in serious condition.",
    ],
)
def test_a_part_of_an_unnamed_toll_told_after_of_whom_is_persons(sentence: str) -> None:
    # tests/data/README.md: a part of the dead or the wounded is `people` unless the whole
    # has a category of its own; the whole here has none.
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(sentence, "r1")] == [
        (50, "injured", "unknown"),
        (12, "injured", "people"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document is a source, with whoever saw it
        (
            "Bamako\n\nMore than 70 people were killed, according to a confidential security document seen by the agency.",
            [(71, "killed", "a confidential security document seen by the agency")],
        ),
        (
            "Bamako\n\nMore than 70 people were killed, according to documents reviewed by The Associated Press.",
            [(71, "killed", "documents reviewed by The Associated Press")],
        ),
        ("Bamako\n\nMore than 70 people were killed, according to a security document.", [(71, "killed", "a security document")]),
        # "yesterday" between the subject and its verb
        ("Nairobi\n\nThe commission yesterday said 39 people have been killed.", [(39, "killed", "commission")]),
    ],
)
def test_documents_as_sources_and_a_subject_that_spoke_yesterday(
    text: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


def test_a_table_drawn_with_inner_bars_only_as_it_comes_out_of_a_pdf() -> None:
    text = (
        "Weekly monitor\n\nTABLE A. INCIDENTS, 9-15 NOVEMBER\n"
        "Date   | Location                | Killed | Injured | Source\n"
        "09 Nov | Quetta, Balochistan     | 26     | 62      | Provincial government\n"
        "10 Nov | Jbeil district, Lebanon | 23     | 6       | Ministry of Public Health\n"
    )
    assert read_with_sources(text) == [
        (26, "killed", "Provincial government"),
        (62, "injured", "Provincial government"),
        (23, "killed", "Ministry of Public Health"),
        (6, "injured", "Ministry of Public Health"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nairobi\n\nThe new figures contradict President William Ruto, who said on Sunday that 19 people had died.",
            [(19, "killed", "President William Ruto")],
        ),
        (
            "Gaza\n\nReporters reached the health ministry spokesman Ashraf al-Qudra, who said 19 people had died.",
            [(19, "killed", "health ministry spokesman Ashraf al-Qudra")],
        ),
        # a relative clause on someone who is no source
        ("Kutum\n\nThey met a farmer from the village, who said 19 people had died.", [(19, "killed", None)]),
    ],
)
def test_the_name_a_who_said_clause_hangs_on_is_the_source(
    text: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow\n\nPutin said that 11 people in total had been taken into custody.", [(11, 11, "exact", "people", "detained")]),
        ("Maputo\n\nOur forces have so far recaptured 150 of the fugitives.", [(150, 150, "exact", "people", "detained")]),
        ("Kerman\n\nThe ministry said 11 suspects linked to the bombings had been arrested.", [(11, 11, "exact", "people", "detained")]),
        ("Kano\n\nSix men were placed under arrest after the riot.", [(6, 6, "exact", "people", "detained")]),
    ],
)
def test_custody_recapture_and_suspects_linked_to_an_attack(
    text: str, expected: list[tuple[int, int | None, str, str, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name, then whose role it is
        (
            "Delhi\n\nAt a briefing, Lieutenant General Rajiv Ghai, India's director general of military operations, "
            "said more than 100 militants had been killed.",
            [(101, "killed", "Lieutenant General Rajiv Ghai, India director general of military operations")],
        ),
        # who says it, on whose word
        (
            "Darfur\n\nOCHA, citing local sources, said more than 400 people were killed.",
            [(401, "killed", "OCHA")],
        ),
        # when, between the subject and its verb
        (
            "Peshawar\n\nPolice in Khyber Pakhtunkhwa on Thursday lowered the death toll to 84, saying some of the "
            "dead had been counted twice.",
            [(84, "killed", "police in Khyber Pakhtunkhwa")],
        ),
        # a body's own investigation is the body
        (
            "Merawi\n\nThe Commission's investigation has confirmed that at least 45 civilians were killed.",
            [(45, "killed", "commission")],
        ),
    ],
)
def test_whose_role_citing_asides_weekdays_and_a_body_s_investigation(
    text: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


def test_a_reporter_s_turn_relates_the_news_an_official_s_turn_is_theirs() -> None:
    reporter = (
        "Curfew in Bangladesh\n\n"
        "PRESENTER (HELEN MARSH): Our correspondent Tanvir Rahman is in Dhaka. Tanvir, what are you seeing?\n\n"
        "TANVIR RAHMAN (DHAKA): On Tuesday six people were killed in Rangpur. We saw 40 wounded people at one clinic.\n\n"
        "PRESENTER: Tanvir Rahman in Dhaka, thank you."
    )
    assert read_with_sources(reporter) == [(6, "killed", None), (40, "injured", "Tanvir Rahman")]
    official = (
        "Briefing\n\n"
        "HAGARI: Good evening. One officer was severely wounded and later died of his wounds.\n\n"
        "REPORTER: How many Palestinians were killed?\n\n"
        "HAGARI: We struck 12 gunmen who fired at our forces; all 12 were killed."
    )
    assert read_with_sources(official) == [(1, "killed", "Hagari"), (12, "killed", "Hagari")]


def test_sources_that_talk_of_a_toll() -> None:
    text = "Barsalogho\n\nLocal sources and aid workers talk of hundreds of dead, mostly civilians."
    assert read_with_sources(text) == [(200, "killed", "local sources and aid workers")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll told again with "it"
        (
            "Sumy\n\nThe toll stood at 20 on Monday. It has since risen to 35, among them two children, the "
            "administration says.",
            [(20, "killed", None), (35, "killed", "administration"), (2, "killed", "administration")],
        ),
        # "gave the number ... as N"
        ("Kerman\n\nThe ministry gave the death toll as 40.", [(40, "killed", "ministry")]),
        # an issuer's header in capitals above the release mark, and "our earlier release"
        (
            "Attack repulsed\nINTER SERVICES PUBLIC RELATIONS\nPRESS RELEASE\n\n"
            "Our earlier release gave the number of civilians martyred in the attack as 12.",
            [(12, "killed", "INTER SERVICES PUBLIC RELATIONS")],
        ),
    ],
)
def test_tolls_told_again_and_given_as_a_number(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_a_number_of_civilians_given_as_a_count_keeps_its_category() -> None:
    text = "Bannu\n\nThe military gave the number of civilians martyred in the attack as 12."
    assert read(text) == [(12, 12, "exact", "civilians", "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tawila\n\nOCHA said 16,000 people arrived in Tawila on Saturday alone.", [(16000, 16000, "exact", "people", "displaced")]),
        (
            "Cucuta\n\nWe have counted more than 15,000 people arriving in four days.",
            [(15001, None, "more_than", "people", "displaced")],
        ),
        # a journey, not a flight; troops are not displaced
        ("Yemen\n\nAn estimated 60,000 migrants arrived in Yemen last year on their way to Saudi Arabia.", []),
        ("Kursk\n\nAbout 300 soldiers arrived in the town on Monday.", []),
    ],
)
def test_people_who_arrive_in_a_report_of_violence_fled(
    text: str, expected: list[tuple[int, int | None, str, str, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a breakdown between commas before "went missing", or between dashes
        (
            "Jiribam\n\nThe victims, three women and three children, went missing on November 11.",
            [(3, 3, "exact", "women", "missing"), (3, 3, "exact", "children", "missing")],
        ),
        (
            "Jiribam\n\nSix residents of a relief camp — three women and three children — were missing after the attack.",
            [(6, 6, "exact", "people", "missing"), (3, 3, "exact", "women", "missing"), (3, 3, "exact", "children", "missing")],
        ),
        # the toll just given, told again: "that includes"
        (
            "Beirut\n\nThe ministry said 558 people were killed. He said that includes 50 children and 94 women.",
            [(558, 558, "exact", "people", "killed"), (50, 50, "exact", "children", "killed"), (94, 94, "exact", "women", "killed")],
        ),
    ],
)
def test_breakdowns_between_commas_or_dashes_and_a_toll_that_includes(
    text: str, expected: list[tuple[int, int | None, str, str, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside after "says X": X did the killing, the name before said it
        (
            "Rutshuru\n\nThe UN High Commissioner for Human Rights, Volker Türk, says the M23 rebels, backed by "
            "Rwanda, killed at least 319 civilians in July.",
            [(319, "killed", "Volker Türk")],
        ),
        # "my office", "Our records show": the speaker's or the issuer's own
        (
            "Rutshuru\n\nHOST: The UN rights chief spoke in Geneva.\n\n"
            "TÜRK (recording): My office documented the killing of 319 civilians in four villages.\n\n"
            "HOST: The rebels deny it.",
            [(319, "killed", "Türk")],
        ),
        (
            "Police statement on the protests\n\nNATIONAL POLICE SERVICE\nPRESS STATEMENT\n\n"
            "Our records show that 58 police officers were injured while on duty.",
            [(58, "injured", "NATIONAL POLICE SERVICE")],
        ),
        # "For Immediate Release" marks a release under its issuer's name
        (
            "Burkina Faso: soldiers executed villagers\n\nHuman Rights Watch\nFor Immediate Release\n\n"
            "We documented the killing of 44 people in Nondin.",
            [(44, "killed", "Human Rights Watch")],
        ),
        ("Gaza\n\nAmong the verified dead were 3,588 children.", [(3588, "killed", None)]),
    ],
)
def test_asides_after_says_own_voices_and_release_marks(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same count a year before
        (
            "Haiti\n\nAt least 5,601 people were killed in 2024, against 4,789 in 2023, the office said.",
            [(5601, "killed", "office"), (4789, "killed", "office")],
        ),
        # "against" a number that is no earlier count
        ("Kutum\n\nTroops killed 12 gunmen who fought against 40 soldiers in 2023.", [(12, "killed", None)]),
        # a document named with when it came out
        (
            "Gaza\n\nA US intelligence assessment released the same day put the number of dead at between 100 and 300.",
            [(100, "killed", "A US intelligence assessment")],
        ),
    ],
)
def test_a_count_against_last_year_s_and_a_document_released_that_day(
    text: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


def test_a_toll_published_by_a_body_between_commas() -> None:
    text = "Crocus\n\nThe first official toll, published by the FSB late that night, was 40 dead and more than 100 injured."
    assert read_with_sources(text) == [(40, "killed", "FSB"), (101, "injured", "FSB")]


def test_labels_that_count_events_abductions_and_arrests() -> None:
    text = "Nairobi\n\nThe commission's tally as of Monday:\n• Killed: 39\n• Abductions: 32\n• Arrests: 627\n"
    assert read(text) == [
        (39, 39, "exact", "unknown", "killed"),
        (32, 32, "exact", "unknown", "abducted"),
        (627, 627, "exact", "unknown", "detained"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurram\n\nFour people succumbed on Sunday.", [(4, 4, "exact", "people", "killed")]),
        ("Kurram\n\nTwo more injured persons succumbed to their injuries on Sunday.", [(2, 2, "exact", "people", "killed")]),
        (
            "Kurram\n\nThree of the injured succumbed in hospital, taking the toll to 20.",
            [(3, 3, "exact", "people", "killed"), (20, 20, "exact", "unknown", "killed")],
        ),
    ],
)
def test_the_injured_who_succumbed(text: str, expected: list[tuple[int, int | None, str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outlet's producer, with an aside on why she is not named
        (
            "Khan Younis\n\nOur producer in Khan Younis, whom we are not naming for her safety, reports that at "
            "least 13 people were killed overnight.",
            [(13, "killed", "Our producer in Khan Younis")],
        ),
        # after the quotation: the speaker's name, age and what they are, then "told"
        (
            'Gwoza\n\n"Five people died in our street," Malam Ibrahim Bukar, 58, a grain trader, told our reporter.',
            [(5, "killed", "Malam Ibrahim Bukar")],
        ),
    ],
)
def test_a_producer_not_named_and_a_speaker_with_age_after_the_quotation(
    text: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "UNHCR briefing\n\nUNHCR, the UN Refugee Agency\nBriefing notes\n\nOver the past week our teams at the border "
            "have registered more than 15,000 new arrivals in Adré.",
            [(15001, "displaced", "UNHCR, the UN Refugee Agency")],
        ),
        (
            "IOM statement\n\nInternational Organization for Migration\nPress release\n\nThe attack has forced more "
            "than 700,000 people from their homes across Haiti, according to our latest figures.",
            [(700001, "displaced", "International Organization for Migration")],
        ),
    ],
)
def test_our_teams_after_a_time_phrase_and_our_latest_figures(
    text: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert read_with_sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label with the day it counts from
        (
            "Gaza\n\nKEY FIGURES\nKilled since 7 October: 35,709\nInjured since 7 October: 79,990\n",
            [(35709, 35709, "exact", "unknown", "killed"), (79990, 79990, "exact", "unknown", "injured")],
        ),
        # shelters hosting people who fled
        (
            "Beirut\n\nOur collective shelters were still hosting close to 190,000 people last week.",
            [(190000, 190000, "about", "people", "displaced")],
        ),
    ],
)
def test_labels_with_a_date_and_shelters_hosting_people(
    text: str, expected: list[tuple[int, int | None, str, str, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sudan\n\nMore than 12 million people have been forced from their homes, UN figures show.", [(12_000_001, "displaced", "UN figures")]),
        # told, not telling
        (
            "Southport\n\nThe teenager who murdered three young girls at a dance class has been told he is unlikely ever to be freed.",
            [(3, "killed", None)],
        ),
    ],
)
def test_figures_that_show_and_a_passive_told(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_presumed_members_of_a_named_armed_group_are_fighters() -> None:
    assert read("Tibu\n\nTroops had captured 12 presumed members of the ELN near Tibu.") == [(12, 12, "exact", "fighters", "detained")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv\n\nClose to 6.5 million Ukrainians are recorded as refugees abroad.", [(6_500_000, 6_500_000, "about", "people", "displaced")]),
        (
            "Metula\n\nAbout 60,000 residents of the north who left their homes a year ago will not be asked to return.",
            [(60_000, 60_000, "about", "people", "displaced")],
        ),
        (
            "Cucuta\n\nHundreds of people had crossed from Colombia to escape the fighting.",
            [(200, None, "vague", "people", "displaced")],
        ),
    ],
)
def test_refugees_recorded_people_who_left_their_homes_and_crossed_to_escape(
    text: str, expected: list[tuple[int, int | None, str, str, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bijapur\n\nEight jawans of the District Reserve Guard (DRG) and the civilian driver of their vehicle were killed on Monday.",
            [(8, 8, "exact", "security_forces", "killed")],
        ),
        ("Kuriga\n\nThe state government says 287 pupils remain with the abductors.", [(287, 287, "exact", "people", "abducted")]),
        ("Gaza\n\nSeven hostages are still in captivity.", [(7, 7, "exact", "people", "abducted")]),
        (
            "Chibok\n\nIn April 2014, 276 students were taken from the Government Girls Secondary School in Chibok.",
            [(276, 276, "exact", "people", "abducted")],
        ),
        ("Gada\n\nIt was followed by the kidnap of 15 pupils from an Islamiyya school.", [(15, 15, "exact", "people", "abducted")]),
        ("Khyber\n\nOur troops sent 19 khwarij to hell.", [(19, 19, "exact", "fighters", "killed")]),
    ],
)
def test_regional_wordings_of_deaths_and_abductions(text: str, expected: list[tuple[int, int | None, str, str, str]]) -> None:
    assert read(text) == expected


def test_a_part_of_the_dead_told_in_another_paragraph_is_persons() -> None:
    text = (
        "Kathmandu\n\nNepal Police say at least 19 people have been killed.\n\n"
        "Of the dead, 17 were killed here in Kathmandu, and two died in Itahari."
    )
    assert read(text) == [
        (19, None, "at_least", "people", "killed"),
        (17, 17, "exact", "people", "killed"),
        (2, 2, "exact", "people", "killed"),
    ]


def test_since_opening_a_clause_is_no_date() -> None:
    text = "Kuriga\n\nThe abduction is one of the largest since 276 students were taken from the Government Girls Secondary School in Chibok."
    assert read(text) == [(276, 276, "exact", "people", "abducted")]
    assert read("Kuriga\n\nNo one has been killed in the town since 2014.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel Aviv\n\nLior Haiat said the number killed on 7 October is now around 1,200.", [(1200, "killed", "Lior Haiat")]),
        (
            "Tawila\n\nPartners say the number of new arrivals in the town since Friday is now more than 120,000.",
            [(120_001, "displaced", "partners")],
        ),
    ],
)
def test_a_number_that_is_now(text: str, expected: list[tuple[int, str, str | None]]) -> None:
    assert read_with_sources(text) == expected


def test_a_body_above_its_spokesperson_s_unit_issues_the_release() -> None:
    text = (
        "Army concludes operation\n\nISRAEL DEFENSE FORCES\nSpokesperson's Unit\nPress release, 5 July 2023\n\n"
        "Our forces eliminated 12 terrorists during the operation."
    )
    assert read_with_sources(text) == [(12, "killed", "ISRAEL DEFENSE FORCES")]


def test_a_correspondent_s_own_count_in_the_first_person_singular() -> None:
    text = (
        "Nuseirat raid\n\nPRESENTER: Our correspondent Samir Awad is in Deir al-Balah.\n\n"
        "AWAD: The raid began at eleven. Residents say 40 people were killed. When I arrived I counted at least 15 bodies.\n\n"
        "PRESENTER: Thank you."
    )
    assert read_with_sources(text) == [(40, "killed", "residents"), (15, "killed", "Samir Awad")]


def test_the_number_of_people_injured_risen_to() -> None:
    text = "Sevastopol\n\nThe number of people injured in Sunday's missile attack on Sevastopol has risen to 151, the governor said."
    assert read(text) == [(151, 151, "exact", "people", "injured")]


def test_a_count_of_deaths_after_of_those_keeps_its_own_noun() -> None:
    text = "Latakia\n\nThe network documented 803 killings.\n\nOf those, the network attributed 383 deaths to armed groups."
    assert read(text)[1] == (383, 383, "exact", "unknown", "killed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cité Soleil\n\nThe office documented the killing of at least 207 people. Of those killed, our report "
            "identifies 134 men and 73 women, many of them over 60.",
            [(207, None, "at_least", "people", "killed"), (134, 134, "exact", "people", "killed"), (73, 73, "exact", "women", "killed")],
        ),
        # the opening says which toll, not the count just before
        (
            "Nuseirat\n\nThe ministry said 274 people were killed and 698 wounded. Among the dead, it said, were at least 64 children.",
            [
                (274, 274, "exact", "people", "killed"),
                (698, 698, "exact", "people", "injured"),
                (64, None, "at_least", "children", "killed"),
            ],
        ),
    ],
)
def test_of_those_killed_a_breakdown_without_were(text: str, expected: list[tuple[int, int | None, str, str, str]]) -> None:
    assert read(text) == expected


def test_a_table_laid_out_with_spaces_as_pdf_text_gives_it() -> None:
    text = (
        "Military briefing\n\n"
        "OPERATIONAL RESULTS BY THEATRE, 9-15 AUGUST 2024 (compiled by Defence Headquarters)\n\n"
        "Theatre                        Terrorists        Suspects        Kidnapped hostages\n"
        "                               neutralised       arrested        rescued\n"
        "North East (Op HADIN KAI)          57               41                  38\n"
        "North West (Op FANSAN YAMMA)       64               29                  71\n"
    )
    assert [(f.low, f.outcome, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (57, "killed", "fighters", "Defence Headquarters"),
        (41, "detained", "people", "Defence Headquarters"),
        (38, "abducted", "people", "Defence Headquarters"),
        (64, "killed", "fighters", "Defence Headquarters"),
        (29, "detained", "people", "Defence Headquarters"),
        (71, "abducted", "people", "Defence Headquarters"),
    ]


def test_a_caption_says_who_verified_and_who_was_counted() -> None:
    text = (
        "Ukraine\n\nTABLE 1. TWO DEADLIEST ATTACKS: CIVILIAN CASUALTIES VERIFIED BY HRMMU\n\n"
        "Date       Location                     Weapon used                Killed   Injured\n"
        "13 April   Sumy, city centre            two ballistic missiles        35       117\n"
    )
    assert [(f.low, f.outcome, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (35, "killed", "civilians", "HRMMU"),
        (117, "injured", "civilians", "HRMMU"),
    ]


def test_key_figure_lines_laid_out_with_spaces() -> None:
    text = (
        "Kerman\n\nKEY FIGURES (Kerman University of Medical Sciences, 5 January)\n"
        "Injured still in hospital                      96\n"
        "   about 400,000        people displaced from the region since Friday\n"
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (96, "injured", "Kerman University of Medical Sciences"),
        (400000, "displaced", "Kerman University of Medical Sciences"),
    ]


def test_a_toll_whose_subject_ends_on_an_aside_comma() -> None:
    text = (
        "Peshawar\n\nThe death toll from Monday's suicide bombing at a mosque in Quetta, the capital of "
        "Balochistan province, rose to 31 on Tuesday, the provincial health secretary said."
    )
    assert [(f.low, f.outcome, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (31, "killed", "unknown", "provincial health secretary"),
    ]


def test_a_wire_snap_credits_its_source_after_a_closing_dash() -> None:
    text = (
        "Snaps\n\nKARACHI, May 3 (Wire) - Market blast: toll rises to 12, more than 40 wounded - "
        "Civil Hospital spokeswoman Sana Mirza\n\n"
        "KARACHI, May 3 (Wire) - Two more bodies found in the rubble of the market - rescue officials\n\n"
        "Three people were killed on the road between Karachi - Hyderabad\n\n"
        "Four people were wounded near the port - a second device was found."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (12, "killed", "Civil Hospital spokeswoman Sana Mirza"),
        (41, "injured", "Civil Hospital spokeswoman Sana Mirza"),
        (2, "killed", "rescue officials"),
        (3, "killed", None),
        (4, "injured", None),
    ]


def test_a_sentence_opening_on_its_subjects_own_earlier_tolls() -> None:
    text = (
        "Gaza\n\nThe civil defence agency said on Sunday that 58 people had been killed. Its earlier "
        "tolls, given through the morning, stood at 19 and then 37."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (58, "civil defence agency"),
        (19, "civil defence agency"),
        (37, "civil defence agency"),
    ]


def test_minor_injuries_and_people_hit_by_gunfire() -> None:
    text = (
        "Alerts\n\nA car exploded outside the hotel. Four passers-by had minor injuries, the sheriff said. "
        "Three officers were hit by gunfire during the arrest. Two girls were struck by shrapnel."
    )
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (4, "injured", "people"),
        (3, "injured", "security_forces"),
        (2, "injured", "children"),
    ]


def test_a_count_described_by_where_it_served_with_asides_in_commas() -> None:
    text = (
        "Goma\n\nAt least nine peacekeepers serving with the UN mission, MONUSCO, and with a regional "
        "force deployed beside it have been killed. Police arrested four suspects linked to the cell, "
        "and had seized two rifles."
    )
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (9, "killed", "security_forces"),
        (4, "detained", "people"),
    ]


def test_cadres_of_a_named_armed_group_are_fighters() -> None:
    text = "Rafah\n\nThe army said it had killed three Hezbollah commanders and two Hamas operatives."
    assert [(f.low, f.category) for f in casualty_figures(text, "r1")] == [(3, "fighters"), (2, "fighters")]


def test_a_bare_count_told_by_a_who_clause() -> None:
    text = (
        "Rafah\n\nThe field hospital received more than 90 wounded people and 14 who were already dead. "
        "The clinic treated 40 injured residents and 3 who later died."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [
        (91, "injured"),
        (14, "killed"),
        (40, "injured"),
        (3, "killed"),
    ]


def test_an_introduction_names_who_published_the_posts() -> None:
    text = (
        "Police posts during the manhunt\n\n"
        "Below are the updates the Vermont State Police posted on social media, in order.\n\n"
        "Oct 26 · 10:45 a.m.\nWe can confirm that 4 people were killed in the shooting."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [(4, "Vermont State Police")]


def test_a_record_entry_takes_the_source_line_of_its_block() -> None:
    text = (
        "Casualty record\n\nEntry IQ-2024-0031\nDate: 15 January 2024\nLocation: Erbil\n"
        "Killed: 4 civilians\nInjured: 6 civilians\nSource: statement of the Kurdistan Region Security Council\n\n"
        "Entry IQ-2024-0102\nLocation: Baghdad\nKilled: 3\nGrade: firm\n\n"
        "Civilian Harm Register\nCivilians reported killed: 68\nSources: UN Panel of Experts; MSF\n"
    )
    assert [(f.low, f.outcome, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (4, "killed", "civilians", "Kurdistan Region Security Council"),
        (6, "injured", "civilians", "Kurdistan Region Security Council"),
        (3, "killed", "unknown", None),
        (68, "killed", "civilians", None),
    ]


def test_a_body_described_by_a_which_clause_gives_the_toll() -> None:
    text = (
        "Kenya\n\nThe figures are higher than those given last week by a coalition of rights groups, "
        "the Police Reforms Working Group, which put the toll at 23. The commission also listed "
        "32 cases of enforced or involuntary disappearance."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (23, "killed", "Police Reforms Working Group"),
        (32, "missing", "commission"),
    ]


def test_who_carried_out_the_attack_is_no_category_of_its_victims() -> None:
    text = (
        "Kerman\n\nThe number of martyrs of Wednesday's terrorist bombings stands at 84, the health "
        "minister said. Three victims of a police raid were buried on Friday."
    )
    assert [(f.low, f.category) for f in casualty_figures(text, "r1")] == [(84, "people"), (3, "people")]


def test_a_press_release_under_a_long_body_name() -> None:
    text = (
        "Haiti: mass killing documented\n\nPRESS RELEASE\n"
        "Office of the United Nations High Commissioner for Human Rights (OHCHR)\nGENEVA, 23 December 2024\n\n"
        "At least 207 people were killed in Cité Soleil, our offices have documented."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (207, "Office of the United Nations High Commissioner for Human Rights (OHCHR)"),
    ]


def test_persons_found_alive_are_no_casualties() -> None:
    text = (
        "Shipwreck\n\nThe coast guard said 41 bodies had been recovered and 86 people pulled alive from "
        "the water. Rescuers found 3 people alive under the rubble of the quay."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [(41, "killed")]


def test_persons_in_critical_condition_and_treated_survivors_are_injured() -> None:
    text = (
        "Shipwreck\n\nHospital officials said 30 survivors had been treated, most of them for hypothermia. "
        "Four people were evacuated in a critical condition to the hospital in Calais. "
        "The wounded were taken to two clinics; 12 are still in serious condition."
    )
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (30, "injured", "people"),
        (4, "injured", "people"),
        (12, "injured", "people"),
    ]


def test_whose_figures_show_and_a_toll_that_could_be_higher() -> None:
    text = (
        "Philippines\n\nPolice figures show more than 6,200 drug suspects were killed. Rights groups say "
        "the true toll could be as many as 30,000. Our records show that 58 officers were injured."
    )
    assert [(f.low, f.high, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (6201, None, "police figures"),
        (None, 30000, "rights groups"),
        (58, 58, None),
    ]


def test_according_to_a_bodys_document() -> None:
    text = "The Hague\n\nAccording to the court's filing, the warrant covers 43 killings."
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [(43, "court")]


def test_wire_copy_set_in_capitals_keeps_its_sources() -> None:
    text = (
        "RAID ENDS\n\nJENIN, JULY 4 (WIRE) - A RAID KILLED 12 PALESTINIANS, THE PALESTINIAN HEALTH MINISTRY SAID.\n\n"
        "THE ISRAELI MILITARY SAID ONE ISRAELI SOLDIER, A 23-YEAR-OLD STAFF SERGEANT, WAS KILLED BY GUNFIRE."
    )
    assert [(f.low, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (12, "people", "PALESTINIAN HEALTH MINISTRY"),
        (1, "security_forces", "ISRAELI MILITARY"),
    ]


def test_out_of_the_martyrs_a_part_and_an_emergency_service_number() -> None:
    text = (
        "Peshawar\n\nThe toll has risen to 100, the police chief said. Out of the martyrs, 97 are our police "
        "personnel. Rescue 1122 says at least nine people are still unaccounted for."
    )
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (100, "killed", "unknown"),
        (97, "killed", "security_forces"),
        (9, "missing", "people"),
    ]


def test_schoolchildren_are_children_and_hostages_still_held() -> None:
    text = (
        "Anniversary\n\nThe attack killed 147 people, 132 of them schoolchildren.\n\n"
        "11:05 — Of those taken a year ago, 97 are still held in Gaza, the prime minister's office says."
    )
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (147, "killed", "people"),
        (132, "killed", "children"),
        (97, "abducted", "people"),
    ]


def test_a_units_press_office_line_gives_the_unit() -> None:
    text = (
        "Army reports gains\n\nPHILIPPINE ARMY\n1ST INFANTRY (TABAK) DIVISION\nDivision Public Affairs Office\n"
        "PRESS RELEASE No. 2024-117\n3 December 2024\n\nOur troops neutralised 22 terrorists, and six of our "
        "soldiers were killed."
    )
    assert [(f.low, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (22, "fighters", "1ST INFANTRY (TABAK) DIVISION"),
        (6, "security_forces", "1ST INFANTRY (TABAK) DIVISION"),
    ]


def test_put_the_dead_at_and_estimates_gathered_by() -> None:
    text = (
        "Sudan\n\nEstimates gathered by the UN put the dead at several hundred. Local officials put the "
        "victims at 40."
    )
    assert [(f.low, f.qualifier, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (200, "vague", "UN"),
        (40, "exact", "local officials"),
    ]


def test_a_body_alarmed_by_reports_and_an_agency_told_apart() -> None:
    text = (
        "Rohingya boat\n\nUNHCR, the UN Refugee Agency — Briefing Notes\n\n"
        "UNHCR is deeply alarmed by reports that as many as 70 Rohingya refugees may have died. "
        "The bodies of 11 people have been recovered, Indonesia's national search and rescue agency said. "
        "At least eight survivors needed hospital treatment."
    )
    assert [(f.low, f.high, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (None, 70, "killed", "UNHCR, the UN Refugee Agency"),  # (the fullest form the text gives)
        (11, 11, "killed", "rescue agency"),
        (8, None, "injured", None),
    ]


def test_sources_by_contact_finding_and_handling() -> None:
    text = (
        "Haiti\n\nLocal officials we spoke to this afternoon put the number of people killed at 70. "
        "By dawn, 78 of the detainees had died, an official inquiry later found. "
        "Manipur Police have arrested 7 persons. Libyan authorities recovered 19 bodies from a grave. "
        "Rescuers found 12 bodies."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (70, "local officials"),
        (78, "an official inquiry"),
        (7, "Manipur Police"),
        (19, "Libyan authorities"),
        (12, None),
    ]


def test_a_service_member_and_a_part_of_the_survivors() -> None:
    text = (
        "Shipwreck\n\nAt least one Iraqi service member was wounded. The boat carried 150 people. "
        "Of the survivors, 11 were taken to hospital in Crotone."
    )
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (1, "injured", "security_forces"),
        (11, "injured", "people"),
    ]


def test_verified_data_and_a_figure_not_yet_verified() -> None:
    text = (
        "Ukraine\n\nTwo missiles hit Sumy, killing 35 civilians, according to the mission's verified data. "
        "The governor's office reports more than 48,000 displaced people, which the Office has not yet "
        "been able to verify."
    )
    assert [(f.low, f.verified) for f in casualty_figures(text, "r1")] == [(35, True), (48001, False)]


def test_held_by_armed_men_and_displaced_people_later_abducted() -> None:
    text = (
        "Abductions\n\nTwo of our drivers were held for three days by armed men. The 25 crew members, "
        "seized by the Houthis in November, are still being held near Hodeidah. Police arrested 12 suspects. "
        "More than 200 displaced people, mostly women, had been abducted near Gamboru. "
        "The service also documented 315 kidnappings for ransom."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [
        (2, "abducted"),
        (25, "abducted"),
        (12, "detained"),
        (201, "abducted"),
        (315, "abducted"),
    ]


def test_among_the_victims_we_documented() -> None:
    text = "Solenzo\n\nAmong the victims we documented are 19 children and 12 women, the youngest a baby."
    assert [(f.low, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (19, "killed", "children"),
        (12, "killed", "women"),
    ]


def test_claimed_losses_of_soldiers_and_killings_of_captured_soldiers() -> None:
    text = (
        "Tallies\n\nThe ministry put Ukrainian losses in the Kursk area over the past day at up to 340 servicemen. "
        "Ukraine had lost more than 57,000 troops in Kursk since its forces crossed the border, it said. "
        "The company reported losses of 40 million. Prosecutors are investigating the killing of 93 captured soldiers."
    )
    assert [(f.low, f.high, f.outcome, f.category) for f in casualty_figures(text, "r1")] == [
        (None, 340, "killed", "security_forces"),
        (57001, None, "killed", "security_forces"),
        (93, 93, "killed", "security_forces"),
    ]


def test_a_society_mourns_its_medics_killed_together_with_others() -> None:
    text = (
        "Medics mourned\n\nThe society mourns eight of its paramedics, whose bodies were recovered on Sunday. "
        "They were killed together with six members of the Civil Defence. "
        "One of our paramedics, Asaad al-Nasasra, remains missing."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [(8, "killed"), (6, "killed"), (1, "missing")]


def test_he_put_the_number_of_dead_is_the_person_named_before() -> None:
    text = (
        "Kenya\n\nThe commission said 39 people had died. President William Ruto withdrew the bill on "
        "June 26. In a televised address on Sunday he put the number of dead at 19."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (39, "commission"),
        (19, "William Ruto"),
    ]


def test_a_second_speaker_in_an_aside_right_before_the_count() -> None:
    text = (
        "Marawi\n\nThe defence secretary said the military was looking into a link to an operation in "
        "which, the armed forces said, 11 members of the group were killed."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [(11, "armed forces")]


def test_a_location_aside_and_our_information_in_a_statement() -> None:
    text = (
        "Shooting\n\nPRESS RELEASE - Ministry of Interior\n\nAccording to our information, four of the "
        "wounded are in a life-threatening condition. Residents of Githurai, on the capital's north-eastern "
        "edge, told this newspaper that 30 people were wounded."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (4, "Ministry of Interior"),
        (30, "residents"),
    ]


def test_a_source_whose_name_ends_in_a_number() -> None:
    text = (
        "Blast\n\nRescue 1122 said 12 people were injured. The local news network Suwayda 24 says at least "
        "20 of them were killed. On March 12 police said four people were killed."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (12, "Rescue 1122"),
        (20, "local news network Suwayda 24"),
        (4, "police"),
    ]


def test_the_number_in_an_outlets_name_is_no_count() -> None:
    text = "Raid\n\nChannel 12 reported that three soldiers were killed. In Gaza 12 reported killed."
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (3, "Channel 12"),
        (12, None),
    ]


def test_a_body_that_recalls_a_toll_is_its_source() -> None:
    text = (
        "Okuama\n\nThe Defence Headquarters recalls that on 14 March seventeen soldiers were murdered at "
        "Okuama. She recalled the day 12 villagers were killed."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (17, "Defence Headquarters"),
        (12, None),
    ]


def test_the_coast_guard_is_a_source() -> None:
    text = (
        "Shipwreck\n\nRescuers from the Guardia di Finanza and the coast guard said dozens of people were "
        "still missing. The Libyan coastguard said 61 migrants drowned."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (24, "coast guard"),
        (61, "Libyan coastguard"),
    ]


def test_a_whole_comprising_its_parts_and_a_named_victim_who_died() -> None:
    text = (
        "Okuama\n\nPolice said seventeen (17) personnel of the Nigerian Army, comprising four (4) officers "
        "and thirteen (13) soldiers, were murdered at Okuama. The DHQ regrets that one staff member of the "
        "school, Mallam Abubakar Isah, died in captivity."
    )
    assert [(f.low, f.outcome, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (17, "killed", "security_forces", "police"),
        (4, "killed", "security_forces", "police"),
        (13, "killed", "security_forces", "police"),
        (1, "killed", "people", "DHQ"),
    ]


def test_a_toll_believed_to_be_and_a_toll_named_the_sentence_before() -> None:
    text = (
        "Crocus\n\nThe UN envoy said the number of people killed was now believed to be close to 3,000. "
        "The death toll at the concert hall rose again on Saturday. The Investigative Committee put it at a "
        "hundred and thirty-three. The toll road was closed. They put it at 4 kilometres."
    )
    assert [(f.low, f.qualifier, f.outcome) for f in casualty_figures(text, "r1")] == [
        (3000, "about", "killed"),
        (133, "exact", "killed"),
    ]


def test_the_same_count_in_other_units_in_an_aside() -> None:
    text = (
        "Zamzam\n\nBetween 60,000 and 80,000 households, as many as 400,000 people, have fled Zamzam camp, "
        "the IOM said."
    )
    assert [(f.low, f.high, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [
        (60000, 80000, "unknown", "displaced"),
        (None, 400000, "people", "displaced"),
    ]


def test_verified_since_and_according_to_our_documentation() -> None:
    text = (
        "Tolls\n\nRussian attacks killed at least 209 civilians in April, the UN monitoring mission said on "
        "Friday, the highest monthly toll it has verified since September. Gang members killed at least 115 "
        "people in Pont-Sonde, according to our documentation."
    )
    assert [(f.low, f.verified) for f in casualty_figures(text, "r1")] == [(209, True), (115, True)]


def test_then_before_the_outcome_and_companies_of_police_are_no_persons() -> None:
    text = (
        "Tak Bai\n\nAbout 1,300 men were then arrested, their hands tied. Five additional companies of "
        "Central Armed Police Forces have arrived in Manipur."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [(1300, "detained")]


def test_we_have_so_far_confirmed_in_a_release_is_the_issuer() -> None:
    text = (
        "Saada\n\nMIGRANT RIGHTS WATCH YEMEN\nPRESS RELEASE\n\nThe Houthi-run health ministry said 68 migrants "
        "were killed. Our field team reached Saada on Monday. We have so far confirmed the names of 30 of the dead."
    )
    assert [(f.low, f.attributed_to, f.verified) for f in casualty_figures(text, "r1")] == [
        (68, "Houthi-run health ministry", False),
        (30, "MIGRANT RIGHTS WATCH YEMEN", True),
    ]


def test_volunteers_for_the_defence_of_the_homeland_are_fighters() -> None:
    text = (
        "Ouahigouya\n\nSix soldiers and 34 Volunteers for the Defence of the Homeland (VDP) were killed near "
        "Ouahigouya, according to the authorities."
    )
    assert [(f.low, f.category) for f in casualty_figures(text, "r1")] == [(6, "security_forces"), (34, "fighters")]


def test_funerals_were_held_for_a_count() -> None:
    text = "Bamako\n\nThe daily paper reports that funerals were held on Wednesday morning for about 50 student gendarmes."
    assert [(f.low, f.qualifier, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [
        (50, "about", "security_forces", "killed")
    ]


def test_fallen_in_the_fighting_taken_prisoner_and_treated_with_the_hurt_after() -> None:
    text = (
        "Front\n\nThirty-seven of our soldiers have fallen in the fighting in Lebanon. Every one of them has a "
        "name. The ministry said 11 Ukrainian servicemen had been taken prisoner. Magen David Adom said its crews "
        "treated more than 60 people, several of them seriously hurt. Doctors treated 300 patients, many of them "
        "children. Prices have fallen in the fighting season. Our teams treated 158 others, most of them for "
        "gunshot or shrapnel wounds."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [
        (37, "killed"),
        (11, "detained"),
        (61, "injured"),
        (158, "injured"),
    ]


def test_a_table_caption_recorded_by_a_monitor_from_others_reports() -> None:
    text = (
        "Roundup\n\nTABLE 1. MILITANT AND SECTARIAN VIOLENCE BY PROVINCE, 18-24 NOVEMBER\n"
        "Deaths and injuries recorded by Frontier Security Watch from police, hospital\nand ISPR reports\n\n"
        "Province                  Incidents          Killed          Injured\n"
        "Khyber Pakhtunkhwa            19               118              171\n"
    )
    assert [(f.low, f.category, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (118, "unknown", "killed", "Frontier Security Watch"),
        (171, "unknown", "injured", "Frontier Security Watch"),
    ]


def test_a_bilingual_issuer_above_two_marks_and_our_teams_at_a_hospital() -> None:
    text = (
        "DR Congo: bombs hit camps\nMÉDECINS SANS FRONTIÈRES / DOCTORS WITHOUT BORDERS\nPRESS RELEASE\n"
        "GOMA/GENEVA, 4 May 2024 - For immediate release\n\nWithin hours, our teams at Kyeshero hospital "
        "received 57 wounded people, 20 of them children."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (57, "MÉDECINS SANS FRONTIÈRES / DOCTORS WITHOUT BORDERS"),
        (20, "MÉDECINS SANS FRONTIÈRES / DOCTORS WITHOUT BORDERS"),
    ]


def test_based_on_the_initial_report_of_and_placed_the_number_at() -> None:
    text = (
        "Marawi\n\nBased on the initial report of the Marawi City Police Station, four (4) persons were killed. "
        "The same report listed forty-two (42) persons wounded. The Integrated Provincial Health Office placed "
        "the number of wounded at fifty (50). Police placed 12 people under arrest. Based on lists compiled by "
        "village volunteers, our researchers documented 12 deaths."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (4, "Marawi City Police Station"),
        (42, "Marawi City Police Station"),
        (50, "Integrated Provincial Health Office"),
        (12, None),
    ]


def test_a_police_press_office_above_the_subject_line_issues_the_release() -> None:
    text = (
        "Knife attack in Solingen\nWuppertal Police Headquarters – Press Office\n"
        "POL-W: SG-Solingen – Knife attack at the festival – follow-up report\n"
        "Press release (translated from German) – 25.08.2024 – 10:30\n\n"
        "According to our current information, three people were killed and eight people were injured."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (3, "Wuppertal Police Headquarters"),
        (8, "Wuppertal Police Headquarters"),
    ]


def test_the_body_above_its_headquarters_line_and_all_of_whom_had_been_killed() -> None:
    text = (
        "Crew mourned\nPALESTINE RED CRESCENT SOCIETY\nHeadquarters – Al-Bireh\nSTATEMENT\n\n"
        "Hind was alone with six of her relatives, all of whom had been killed. Since October, 14 members of "
        "our staff and volunteers have been killed."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (6, "killed", None),
        (14, "killed", "PALESTINE RED CRESCENT SOCIETY"),
    ]


def test_a_labelled_speaker_with_a_role_and_also_documented_the_abduction_of() -> None:
    text = (
        "Kenya\n\nANCHOR: Good evening.\n\nROSELINE ODEDE, CHAIRPERSON, KNCHR (clip): As of today, we have "
        "documented 39 deaths. We have also documented the abduction of 32 people by persons we believe to be "
        "state agents.\n\nANCHOR: Thank you."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (39, "killed", "Roseline Odede"),
        (32, "abducted", "Roseline Odede"),
    ]


def test_also_documented_keeps_the_toll_for_counts_without_a_cue_of_their_own() -> None:
    text = (
        "Coast\n\nThe Observatory also documented the deaths of 231 members of the security forces, and of 250 "
        "gunmen loyal to the former regime. SNHR also documented 210 arbitrary arrests, of which the network "
        "said 150 were carried out by government forces."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [
        (231, "killed"),
        (250, "killed"),
        (210, "detained"),
        (150, "detained"),
    ]


def test_outlets_named_with_digits_in_asides_tallies_kept_by_and_lower_case_names() -> None:
    text = (
        "Sweida\n\nThe violence began on Sunday, according to Suwayda 24, a local news network. Suwayda 24 gave "
        "a higher toll, saying 37 people had been killed. According to a tally kept by i24NEWS, 23 civilians "
        "and 17 soldiers have been killed. Magen David Adom said 12 children and teenagers aged between 10 and "
        "16 were killed. It said hundreds of families had crossed the river by boat into areas held by the army."
    )
    assert [(f.low, f.category, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (37, "people", "killed", "Suwayda 24"),
        (23, "civilians", "killed", "i24NEWS"),
        (17, "security_forces", "killed", "i24NEWS"),
        (12, "children", "killed", "Magen David Adom"),
        (200, "unknown", "displaced", "Magen David Adom"),
    ]


def test_a_media_statement_under_a_communication_services_line_and_our_members() -> None:
    text = (
        "Police vow to act\n\nSOUTH AFRICAN POLICE SERVICE (SAPS), WESTERN CAPE\nProvincial Communication Services\n"
        "MEDIA STATEMENT\n16 February 2024\n\nTwo of our members were killed while on duty in the province."
    )
    assert [(f.low, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (2, "security_forces", "SOUTH AFRICAN POLICE SERVICE (SAPS), WESTERN CAPE")
    ]


def test_lynchings_and_people_who_crossed_into_a_country() -> None:
    text = (
        "Haiti\n\nA mob lynched three men. The office documented at least 315 lynchings. Our teams at the border "
        "have registered some 1,800 people who crossed into Venezuela."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [
        (3, "killed"),
        (315, "killed"),
        (1800, "displaced"),
    ]


def test_a_space_laid_table_with_its_caption_right_above_its_heading() -> None:
    text = (
        "Quarterly report\n\n1. At least 1,554 people were killed, according to cases documented by the Service.\n"
        "Table 1: People killed and injured by department, January-March 2024\n"
        "Department          People killed       People injured      Kidnapped\n"
        "Ouest               1,216               604                 ..\n"
        "Artibonite          183                 97                  ..\n"
    )
    assert [(f.low, f.category, f.outcome, f.verified) for f in casualty_figures(text, "r1")] == [
        (1554, "people", "killed", True),
        (1216, "people", "killed", False),
        (604, "people", "injured", False),
        (183, "people", "killed", False),
        (97, "people", "injured", False),
    ]


def test_a_footnote_mark_names_the_source_in_its_note() -> None:
    text = (
        "Catatumbo\n\nMore than 36,000 people have been forced from their homes since 16 January[1], in what "
        "aid groups describe as the largest single displacement Colombia has recorded in decades. At least 80 "
        "people have been killed[2], among them community leaders.\n\nNotes to editors\n"
        "[1] Figure from the Norte de Santander Governor's Office, 21 January 2025.\n"
        "[2] Figure from the Ombudsman's Office (Defensoria del Pueblo), 21 January 2025.\n"
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (36001, "Norte de Santander Governor's Office"),
        (80, "Ombudsman Office"),
    ]


def test_a_lead_in_before_a_speaker_there_and_a_part_coordinated_with_police() -> None:
    text = (
        "Gaza\n\nPRESENTER: The figures from Gaza tonight: the health ministry there says 44,056 Palestinians "
        "have been killed. A new tally from the state prosecutor's office: 312 people killed and 352 reported "
        "missing. According to the ministry, 72 people lost their lives, among them 59 protesters, 10 inmates "
        "and three police personnel."
    )
    assert [(f.low, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (44056, "people", "health ministry"),
        (312, "people", "state prosecutor office"),
        (352, "people", "state prosecutor office"),
        (72, "people", "health ministry"),
        (59, "people", "health ministry"),
        (10, "people", "health ministry"),
        (3, "security_forces", "health ministry"),
    ]


def test_a_post_that_gives_a_toll() -> None:
    text = (
        "Sumy\n\nInterior Minister Ihor Klymenko has posted that 31 people were killed. The mayor posted on "
        "Telegram that 12 people died. The governor posted a video of 12 bodies."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (31, "Interior Minister Ihor Klymenko"),
        (12, "mayor"),
        (12, None),
    ]


def test_updates_a_body_posted_and_a_label_with_a_role_in_lower_case() -> None:
    text = (
        "Kharkiv\n\nBelow are the numbered updates that the State Emergency Service of Ukraine (DSNS) in the "
        "Kharkiv region posted on its Telegram channel.\n\n4 / 21:05. Our rescuers have recovered the bodies of "
        "six people from under the collapsed roof.\n\nANCHOR: And in Pakistan?\n\nAHMED SHARIF CHAUDHRY, "
        "Pakistan army spokesman (recorded): Twenty-six civilians have been martyred.\n\nANCHOR: Thank you."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (6, "State Emergency Service of Ukraine"),
        (26, "Ahmed Sharif Chaudhry"),
    ]


def test_a_commission_into_an_event_a_dated_statement_of_ours_and_cited_killings() -> None:
    text = (
        "Findings\n\nKENYA NATIONAL COMMISSION ON HUMAN RIGHTS\nPRESS STATEMENT\n\nOur statement of 26 June "
        "reported 22 deaths on 25 June alone. Syria's national fact-finding commission into the March violence "
        "on Syria's coast said it had documented the deaths of 1,426 people. Prosecutors cited the killings of "
        "at least 19 people by the squad."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (22, "KENYA NATIONAL COMMISSION ON HUMAN RIGHTS"),
        (1426, "Syria national fact-finding commission"),
        (19, "prosecutors"),
    ]


def test_the_faithful_and_parishioners_are_persons() -> None:
    text = "Komanda\n\nThe priest said they buried 31 of our faithful and 14 parishioners on Sunday."
    assert [(f.low, f.category) for f in casualty_figures(text, "r1")] == [(31, "people"), (14, "people")]


def test_it_said_after_the_bodys_count_and_the_same_source_of_three_words() -> None:
    text = (
        "Toll\n\nThe Gaza health ministry revised its figure. The ministry's count for the whole war reached "
        "3,478 people killed on Wednesday, it said. Civil society leaders said 12 were killed. Hundreds of "
        "families have fled, according to the same civil society."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (3478, "Gaza health ministry"),
        (12, "civil society leaders"),
        (200, "civil society leaders"),
    ]


def test_a_table_row_label_people_reported_missing_is_no_speaker() -> None:
    text = "Culiacan\n\nPeople killed                                     more than 1,000\nPeople reported missing                             about 1,200\n"
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (1001, "killed", None),
        (1200, "missing", None),
    ]


def test_a_bodys_own_detentions_are_its_count() -> None:
    text = (
        "Arrests\n\nPolice have detained more than 50 people for questioning. During the period, the Security "
        "Cabinet carried out the arrest of 21,311 persons. Gunmen detained 12 villagers."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (51, "detained", "police"),
        (21311, "detained", "Security Cabinet"),
        (12, "detained", None),
    ]


def test_according_to_the_records_of_this_office_is_the_issuers() -> None:
    text = (
        "Press note: encounter in Bijapur\nOffice of the Inspector General of Police, Bastar Range, Jagdalpur\n\n"
        "Since January 2025, 197 Maoists have been killed in encounters in the seven districts of this range, "
        "according to the records of this office."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (197, "Office of the Inspector General of Police, Bastar Range")
    ]


def test_people_sheltering_somewhere_then_killed() -> None:
    text = (
        "Schools\n\nDozens of people sheltering in our schools have been killed since the start of the war. "
        "Some 500 people were sheltering in the church."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [(24, "killed"), (500, "displaced")]


def test_more_outcome_forms_beaten_to_death_sustained_injuries_taken_away_by_attackers() -> None:
    text = (
        "Attacks\n\nDistrict police said five policemen on duty at the venue were among the injured. Eleven other "
        "persons who sustained gunshot injuries are receiving treatment. Lysak gives an updated count of the "
        "wounded: 61 people. Police headquarters says 13 of its members were beaten to death. Fourteen (14) "
        "soldiers and law enforcement agency personnel embraced shahadat. He said dozens of people had been "
        "taken away by the attackers towards the forest."
    )
    assert [(f.low, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [
        (5, "security_forces", "injured"),
        (11, "people", "injured"),
        (61, "people", "injured"),
        (13, "security_forces", "killed"),
        (14, "security_forces", "killed"),
        (24, "people", "abducted"),
    ]


def test_a_year_in_the_noun_among_the_victims_were_also_climbed_from_and_who_were_doing() -> None:
    text = (
        "Tolls\n\nThe ombudsman said at least five signatories of the 2016 peace agreement were among those "
        "killed. Among the victims were also two members of the Red Crescent's rescue teams, the society said. "
        "The number of people killed in the attack on Yelwata, a farming community in Benue State, climbed from "
        "45 to at least 100 on Saturday. In addition, four FC personnel who were guarding the train embraced "
        "shahadat. Ten people who were waiting for aid were shot."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [
        (5, "killed"),
        (2, "killed"),
        (45, "killed"),
        (100, "killed"),
        (4, "killed"),
    ]


def test_wounded_put_higher_at_treated_most_with_wounds_who_were_securing_and_taken_by_militia() -> None:
    text = (
        "Region\n\nThe Kurdish Red Crescent puts the number of wounded across the region higher than the SDF does, "
        "at more than 30. Magen David Adom said its medics treated 10 people, most with light wounds from "
        "shrapnel. Two soldiers of the brigade who were securing the area were also slightly hurt. Witnesses "
        "said dozens of young men were taken away by the militia in pickup trucks."
    )
    assert [(f.low, f.outcome) for f in casualty_figures(text, "r1")] == [
        (31, "injured"),
        (10, "injured"),
        (2, "injured"),
        (24, "abducted"),
    ]


def test_a_speaker_speaking_to_us_from_a_place_and_declared_dead() -> None:
    text = (
        "Sweida\n\n16:30 – A Bedouin tribal leader speaking to us from Daraa province says at least 12 members of "
        "his clan were killed on Monday. Twenty-one people were declared dead on arrival at the hospital."
    )
    assert [(f.low, f.outcome, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (12, "killed", "A Bedouin tribal leader"),
        (21, "killed", None),
    ]


def test_the_fire_brigade_the_province_and_first_before_the_verb() -> None:
    text = (
        "Fire\n\nAccording to the fire brigade, eight other people were injured. On Monday the province said 13 "
        "people were still in hospital. Lieutenant Jules Ngongo, the army spokesman in Ituri, first spoke of "
        "around 10 dead."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (8, "fire brigade"),
        (13, "province"),
        (10, "Lieutenant Jules Ngongo"),
    ]


def test_a_public_statement_under_the_bodys_name() -> None:
    text = (
        "Iran: strike on Evin prison\n\nAMNESTY INTERNATIONAL\nPUBLIC STATEMENT\n1 July 2025\n\nWe have confirmed "
        "the identities of at least 16 of the dead."
    )
    assert [(f.low, f.attributed_to, f.verified) for f in casualty_figures(text, "r1")] == [(16, "AMNESTY INTERNATIONAL", True)]


def test_a_breakdown_after_died_and_a_colon() -> None:
    text = "Magdeburg\n\nHaseloff now says five people died: four women aged between 45 and 75, and a nine-year-old boy."
    assert [(f.low, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [
        (5, "people", "killed"),
        (4, "women", "killed"),
    ]


def test_stabbed_and_a_life_threatening_condition() -> None:
    text = (
        "Annecy\n\nHe stabbed four young children and two adults in a playground. Two of the children were still "
        "in a life-threatening condition on Friday. Another man stabbed three people to death."
    )
    assert [(f.low, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [
        (4, "children", "injured"),
        (2, "people", "injured"),
        (2, "children", "injured"),
        (3, "people", "killed"),
    ]


def test_it_said_after_a_bodys_count_names_the_owner_not_the_last_speaker() -> None:
    text = (
        "Toll\n\nThe health ministry revised its figure to 471. A US intelligence assessment put the toll at "
        "between 100 and 300. The ministry's count for the whole war reached 3,478 people killed, it said."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")][-1] == (3478, "health ministry")


def test_a_police_public_relations_department_line_and_has_established_that() -> None:
    text = (
        "Students abducted\n\nZAMFARA STATE POLICE COMMAND\nPolice Public Relations Department, Gusau\nPRESS RELEASE\n"
        "23 September 2023\n\nAfter a headcount, the Command has established that 24 female students and three "
        "construction workers were abducted from the hostels. Elsewhere, 3 soldiers were killed at a checkpoint "
        "the Command has established on the road."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")][:2] == [
        (24, "ZAMFARA STATE POLICE COMMAND"),
        (3, "ZAMFARA STATE POLICE COMMAND"),
    ]


def test_bandits_are_fighters_and_a_gunshot_wound_sustained() -> None:
    text = (
        "Zamfara\n\nTwo of the bandits were neutralised. Police arrested three suspected bandits. One of our "
        "officers sustained a gunshot wound during the operation."
    )
    assert [(f.low, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [
        (2, "fighters", "killed"),
        (3, "fighters", "detained"),
        (1, "security_forces", "injured"),
    ]


def test_a_liberation_army_is_fighters_and_a_unit_under_press_release_issues_it() -> None:
    text = (
        "Ambush\n\nPRESS RELEASE\n101st Infantry Brigade, Philippine Army\nIsabela City, Basilan\n23 January 2025\n\n"
        "Two of our soldiers were killed. Separately, troops killed 18 members of the West Papua National "
        "Liberation Army, the military said."
    )
    assert [(f.low, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (2, "security_forces", "101st Infantry Brigade, Philippine Army"),
        (18, "fighters", "military"),
    ]


def test_rangers_are_security_forces() -> None:
    text = "Yala\n\nA roadside bomb wounded four rangers in Yala."
    assert [(f.low, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [(4, "security_forces", "injured")]


def test_persons_taken_away_are_abducted_not_things() -> None:
    text = (
        "Kuriga\n\nThe attackers stormed the school and took away 287 pupils, the head teacher said. The gunmen "
        "also took away about 15 women as they fled. They took away 3 cars."
    )
    assert [(f.low, f.category, f.outcome) for f in casualty_figures(text, "r1")] == [
        (287, "people", "abducted"),
        (15, "women", "abducted"),
    ]


def test_killed_my_brother_and_his_sons_in_a_quote_of_a_person_named_once_with_age() -> None:
    text = (
        "Akkar\n\nAccording to UNHCR, nearly 10,000 people have crossed from Syria into northern Lebanon.\n\n"
        "Samer, 34, a former schoolteacher, reached the Lebanese side after walking for most of a night. \"They "
        "came into our village on Friday morning,\" he said. \"They killed my brother and his two teenage sons in "
        "front of their house. We left with what we were wearing.\"\n\nThose who died that evening were five "
        "women and a boy. He killed my dog and my 3 goats."
    )
    assert [(f.low, f.category, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (10000, "people", "UNHCR"),
        (2, "children", "Samer"),
        (5, "women", None),
    ]


def test_a_body_appalled_by_the_killing_of_and_a_role_with_then() -> None:
    text = (
        "Haiti\n\nThe United Nations is appalled by the killing of at least 207 people by members of the gang. "
        "Tom Perriello, then the US special envoy for Sudan, said last year that 150,000 people had been killed."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (207, "United Nations"),
        (150000, "Tom Perriello"),
    ]


def test_a_bodys_first_statement_with_an_aside_and_outlets_that_alleged() -> None:
    text = (
        "Toll\n\nThe Ministry of Public Health said 300 people died. The ministry's first statement, issued on "
        "Monday night, had put the toll at 492 dead. Some foreign-based media outlets, relying only on "
        "information from the AA, alleged that an air strike had killed more than 40 villagers. He was alleged "
        "to have killed 12 people."
    )
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [
        (300, "Ministry of Public Health"),
        (492, "Ministry of Public Health"),
        (41, "Some foreign-based media outlets"),
        (12, None),
    ]


def test_an_abbreviated_month_and_a_day_is_no_numbered_name() -> None:
    text = "Blast\n\nOn Sept 12 Reuters said four people were killed."
    assert [(f.low, f.attributed_to) for f in casualty_figures(text, "r1")] == [(4, "Reuters")]
