"""Casualty figures: counts of people killed, injured, missing, abducted, displaced or
detained, with who they were, who reported them and whether the text says verified.

How a count becomes a figure (all rules are general; nothing is tuned to one report):

1. ``numbers.find_quantities`` finds every count in the text ("over 1,400", "thirteen",
   "dozens", "between 30 and 40").
2. Counts that are plainly something else are dropped: ages ("25 years old", "aged 7",
   "a 7-year-old"), dates ("6 March", "March 6"), years, times, money, percentages,
   distances and counts of things (houses, vehicles, villages, rockets ...).
3. A count is a casualty figure only when an outcome is tied to it grammatically:
   *after* it ("13 soldiers were killed", "1,400 civilian deaths", "20 wounded",
   "30 bodies") or *before* it ("killed 13 security personnel", "claimed the lives of
   13", "the death toll rose to 745", "the killing of 13"); or when it continues a
   figure: coordinated ("28 gunmen and four civilians were killed", "683 in Latakia,
   433 in Tartus"), a breakdown ("34 killed, two of them children", "including 15
   children", "Of those, 90 were men ..."), or "It also counted 342 soldiers" in the
   same paragraph. A count that merely introduces a person ("One soldier, Mahmoud
   al-Haik, claims ...") has no outcome and is not a figure. "Three mass killings" counts
   incidents, not people. The title line (sentences.title_end) is skipped. Wire forms:
   "40 injured people", "17 others taken to hospital", "the dead were a man, three
   women ...", "90 of the dead were men, 18 were women", "lost 40 soldiers" (persons
   only), "killed X along with his two daughters", a breakdown opening the next sentence
   ("Two of them later died") unless that sentence counted something else first.
4. The category comes from the noun phrase after the count ("security personnel" ->
   security_forces, "gunmen" -> fighters ...). "civilians" only when the text says
   civilians; any other noun for persons (residents, journalists, men ...) is "people";
   families/households are "unknown" (not persons) but "members of two families" are
   people; "women and children", "men and women" together are "people". An aside
   (", including five children,") names no one for the count before it. A bare count
   ("and 20 wounded", "10 others") takes the noun of its clause; "53 others" with none is
   people.
5. The source is what the sentence names: "according to X", the speaker of a reporting
   verb ("news reports confirm", "the UN's human rights office has verified", "...,
   said Anees al-Asbahi", "the mayor, Ihor Terekhov, said", "Nazir Ahmad, president of
   the union, said", "a group, the Civil Peace Group, said", "“...,” said X"), "X's
   toll", else "citing X". Not a source: what follows "told" (the listener), a clause
   after "said", "according to testimonies", a denial ("could not verify"). "it/he said"
   and references ("the Observatory", "the Britain-based war monitor", "the ministry",
   "the group") resolve to a source named earlier in the report. Normalised for display: no leading "the", no possessive ("UN
   human rights office"), common words lower-cased at a sentence start ("news reports").
6. ``verified`` is true when the sentence says verified/confirmed/documented, and not
   "unverified", "unconfirmed" or "could not be independently verified".

Speed: counts are found from cheap anchors (see numbers.anchored_matches); sentences
without any outcome word are skipped before any pattern runs on their numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick

from dashboard.extract.layout import SPEAKER_LABEL, SPEAKER_LABEL_END
from dashboard.extract.numbers import (
    COUNT,
    MONTH_WORDS,
    Quantity,
    caseless,
    count_value,
    find_quantities,
    lower_same_length,
)
from dashboard.extract.sentences import sentence_index, sentence_spans, sentences_containing, title_end
from dashboard.model import Figure, stable_id

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)

# Right after the count: it measures time, age, money, distance, share or a date.
# Persons found alive are no casualty, whatever count came before (lower-cased text).
_ALIVE_AFTER_RE = re.compile(
    r"\s*(?:[a-z-]+\s+){0,3}?(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?"
    r"(?:pulled|rescued|brought|taken|found|got|dug|recovered)\s+(?:out\s+)?alive\b"
    r"|\s*(?:[a-z-]+\s+)?alive\b"  # "found 3 people alive under the rubble"
)
_NOT_PEOPLE_AFTER_RE = re.compile(
    rf"""\s*(?:
        -?\s*(?:year|month|week|day)s?[\s-]*old\b
      | (?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centuries)\b
      | (?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|hectares?|acres?|kg|kilos?|kilograms?|tons?|tonnes?|litres?|liters?|barrels?)\b
      | (?:%|percent\b|per\s*cent\b|percentage\b)
      | (?:in|out\s+of)\s+(?:every\s+)?(?:ten|10|five|5|four|4|three|3|a\s+hundred|100)\b(?!\s+(?:people|civilians|soldiers))
      | (?:dollars?|euros?|pounds|lira|liras|riyals?|dinars?|shekels?|usd|eur|bn|billion)\b
      | (?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|o'clock\b|h\b)
      | (?:{_MONTHS})\b
      | (?:st|nd|rd|th)\b
      | (?:and|to|or)\s+\d{{1,2}}\s+(?:{_MONTHS})\b  # "on 1 and 2 April"
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_NOT_PEOPLE_CASELESS = caseless(_NOT_PEOPLE_AFTER_RE)
# The word right before the count says it is an age, a date, a year, an address or a unit.
_NOT_PEOPLE_WORD_BEFORE = MONTH_WORDS | frozenset(
    """aged age ages ageing number page article resolution route highway road flight room platform
    chapter section paragraph verse gate unit brigade division battalion in since until till by from
    year usd us eur gbp syp no rescue""".split()  # ("no one was killed"; "Rescue 1122", Pakistan's emergency service)
)
_SINCE_CLAUSE_RE = re.compile(
    r"\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:were|was|had|have)\s+(?:been\s+)?"
    r"(?:killed|taken|abducted|kidnapped|wounded|injured|displaced|detained|arrested|murdered|executed)\b"
)
_PROVISION_FOR_RE = re.compile(r"\b(?:food|aid|assistance|supplies|rations|meals|water|medicines?|kits|enough)\s+for\s+$")
# A time phrase after a toll: "to 84 on Thursday, from 103" (lower-cased text).
_WHEN_AFTER_TOLL = r"(?:\s+(?:on\s+[a-z]+|late\s+on\s+[a-z]+|earlier|yesterday|today|overnight))?"
_TIME_THEN_FROM_RE = re.compile(_WHEN_AFTER_TOLL + r",\s+from\s")
_TO_N_FROM_RE = re.compile(
    r"\bto\s+(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|some\s+)?[\w,]+"
    # "revised down the death toll ... to 84 on Thursday, from 103 announced a day earlier"
    + _WHEN_AFTER_TOLL
    + r",?\s+from\s+(?:about\s+|some\s+|around\s+)?$"
)
_HURT_NOUN_RE = re.compile(r"\b(?:wounded|injured|patients|casualties|bodies|dead)\b", re.I)
_IN_OUTCOME_NOUN_RE = re.compile(r"\s+(?:martyrs?|deaths|dead|fatalities|killings|injuries|wounded|casualties)\b")
_SYMBOL_BEFORE_RE = re.compile(r"(?:[$€£¥#]|\bno\.|\bnr\.)\s*$", re.IGNORECASE)
_SYMBOL_CHARS = frozenset("$€£¥#.")

# Nouns that are counted but are not people.
_THINGS = frozenset(
    """
    house houses home homes building buildings vehicle vehicles car cars truck trucks lorry lorries
    bus buses village villages town towns city cities district districts neighbourhood neighbourhoods
    neighborhood neighborhoods tank tanks rocket rockets missile missiles shell shells drone drones
    bomb bombs mosque mosques church churches school schools hospital hospitals clinic clinics
    shop shops dollar dollars euro euros pound pounds km kilometres kilometers mile miles metre
    metres meter meters year years month months week weeks day days hour hours minute minutes
    percent times rounds attacks incidents strikes airstrikes raids checkpoints positions sites
    tonnes tons kilograms kilos litres liters barrels acres hectares points votes seats pages kilometre kilometer times
    books documents files manuscripts artworks
    firearms weapons guns rifles pistols grenades explosives ammunition rounds bullets mines shells
    coaches carriages wagons trains ambulances boats ships aircraft planes jets helicopters
    camp camps shelters centres centers tents
    motorcycles motorbikes bicycles belts vests devices
    sides parties countries nations delegations meetings talks sessions
    locations targets blasts explosions bombings
    companies battalions brigades platoons regiments squadrons contingents
    goats cattle cows sheep camels donkeys horses animals livestock dogs
    states provinces governorates regions counties municipalities posts
    """.split()
)

# Nouns for persons that are "people" (tests/data/README.md: "any other noun for persons").
# Wire reports name victims by role ("drivers", "first responders", "aid workers"), by bond
# ("relatives", "family members", "members of one family") or by community.
_PERSON_WORDS = frozenset(
    """
    people person persons individuals men man others victims bodies suspects residents resident villagers
    fugitives escapees convicts
    seafarers mariners congregants filipinos vietnamese muslims britons thais faithful parishioners churchgoers
    worshippers worshipers farmers shepherds herders students pupils workers staff employees volunteers
    journalists reporters medics paramedics doctors nurses surgeons patients companions refugees migrants
    passengers pilgrims detainees prisoners inmates hostages captives teachers relatives members member
    drivers truckers responders rescuers firefighters miners traders merchants shopkeepers vendors
    shoppers customers guests mourners protesters protestors demonstrators bystanders passers-by
    pedestrians commuters labourers laborers porters citizens locals inhabitants nationals tourists
    visitors spectators fans crew crewmen sailors adults elderly youths teenagers officials leaders
    activists lawyers judges politicians survivors ministers mayors governors councillors
    brothers sisters siblings cousins parents fathers mothers husbands wives uncles aunts nephews nieces
    couples grandparents lives colleagues comrades signatories
    gatherers hunters pickers collectors smugglers traffickers builders sellers supporters voters believers
    followers settlers swimmers hikers bathers campers diners churchgoers concertgoers festivalgoers
    partygoers footballers players athletes
    fishermen tribesmen herdsmen clansmen firemen tradesmen
    bedouin bedouins alawites druze christians kurds sunnis shias shiites yazidis palestinians israelis
    ukrainians sudanese syrians lebanese
    iranians iraqis afghans pakistanis indians russians americans turks egyptians jordanians yemenis
    saudis somalis ethiopians eritreans nigerians malians congolese rwandans burmese rohingya haitians
    colombians venezuelans mexicans chinese nepalis bangladeshis libyans tunisians algerians moroccans
    burkinabe burkinabes mozambicans malawians chadians cameroonians nigeriens kenyans ugandans burundians
    tanzanians zimbabweans armenians azerbaijanis georgians belarusians hondurans ecuadorians salvadorans
    guatemalans peruvians brazilians cambodians indonesians malaysians tamils baloch pashtuns hazaras uyghurs
    senegalese gambians guineans ivorians ghanaians togolese beninese liberians mauritanians djiboutians
    masalit fur zaghawa nuba tigrayans amharas oromos hutus tutsis banyamulenge fulani fulanis meiteis kukis
    nagas hindus sikhs copts ahmadis assyrians turkmen ismailis
    foreigners expatriates bodyguards escorts
    collaborators informants suppliers perpetrators accomplices worker official neighbours neighbors friends
    grandsons granddaughters grandchildren nephews martyrs criminals arrivals trainees recruits practitioners
    writers authors novelists poets artists musicians photographers filmmakers chiefs elders travellers travelers
    """.split()
)

# Categories follow DESIGN.md and the evaluation notes (tests/data/README.md): "civilians"
# only when the text says civilians; any other noun for persons (residents, journalists,
# patients, staff, men ...) is "people"; none at all is "unknown".
_CATEGORY_RE = re.compile(
    r"""\b(?:
        (?P<security_forces>(?:members?|officers?|personnel)\s+of\s+(?:the\s+)?(?:defen[cs]e|interior)(?:\s+and\s+(?:defen[cs]e|interior))?\s+ministr(?:y|ies)
          |(?:members?|officers?|personnel|ranks)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?
            (?:security|(?<!liberation\s)army|police|military|armed\s+forces|forces?|directorate|guards?|gendarmerie)
          |gendarmerie\s+\w+|(?:police|military|army)\s+cadets|cadets|jawans?
          |security\s+(?:personnel|forces|force\s+members|members|officers|agents|guards)
          |soldiers?|troops|servicem[ae]n|servicewom[ae]n|service\s+members?|policem[ae]n|police(?:\s+officers?)?|officers?|gendarmes|border\s+guards|constables?
          |guards|peacekeepers|(?<!park\s)rangers|(?<!medical\s)(?<!health\s)(?<!aid\s)(?<!humanitarian\s)(?<!media\s)personnel|army\s+(?:officers|personnel)|military\s+personnel
          |(?:government|regime|state|pro-government)\s+forces|conscripts|occupiers|sons\s+of\s+(?:the\s+)?soil)
      | (?P<fighters>(?:members?|fighters?)\s+of\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:militias?|armed\s+groups?
            |(?<!aid\s)(?<!rights\s)(?<!relief\s)(?<!medical\s)(?<!support\s)(?<!civil\s)groups?|(?:terrorist\s+)?cells?|gangs?|cartels?)
          # armed groups known by name ("eleven members of the Dawlah Islamiyah-Philippines")
          |members?\s+of\s+(?:the\s+)?(?:boko\s+haram|al-shabaab|al-shabab|iswap|jnim|islamic\s+state|isis|isil|daesh
            |al-qaeda|al-qaida|taliban|ttp|dawlah\s+islamiyah|abu\s+sayyaf|hamas|hezbollah|hizbollah|m23|adf
            |eln|farc|codeco|fano|al-houthi|houthis?|rsf|bla|baloch\s+liberation\s+army|wagner
            # ("18 members of the West Papua National Liberation Army")
            |(?:[\w-]+\s+){0,3}?(?:national\s+)?liberation\s+(?:army|front|movement))(?!-run|-led)\b
          |fighters?|gunm[ae]n|militants?|insurgents?|rebels?|jihadists?|combatants?|attackers?
          |assailants?|militiam[ae]n|militia\s+members|extremists?|terrorists?|mercenaries|khwarij|khawarij|kharijis
          |maoists?|naxal(?:ite)?s|aggressors|armed\s+m[ae]n|bandits?
          # Burkina Faso's armed civilian auxiliaries (a militia)
          |volunteers\s+for\s+the\s+defen[cs]e\s+of\s+the\s+homeland
          |(?:cartel|gang)\s+members|gangsters)
      | (?P<children>children|child|kids|boys|girls|daughters|sons|minors|infants|babies|toddlers|schoolchildren|schoolgirls|schoolboys)
      | (?P<women>women|woman)
      | (?P<civilians>civilians?)
      | (?P<unknown>households|families)
      | (?P<people>(?:medical|health|aid|humanitarian|media)\s+personnel|"""
    + "|".join(sorted(_PERSON_WORDS, key=len, reverse=True))
    + r""")
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_CATEGORY_CASELESS = caseless(_CATEGORY_RE)

# Outcome words, grouped by the outcome they report.
_OUTCOME_WORDS = {
    "killed": r"killed|killing|killings|kills|kill|dead|died|die|deaths?|executed|executing|executions?|martyred|martyrs?"
    r"|in\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}?morgues?"
    r"|murdered|murders|homicides?|slain|massacred|slaughtered|butchered|perished|fatalities|lost\s+their\s+lives|lives|shot\s+dead|bodies|toll|among\s+the\s+victims"
    r"|lynched|lynchings"  # ("at least 315 lynchings": killings, like "148 killings")
    r"|(?:beaten|stabbed|hacked|clubbed|bludgeoned)\s+to\s+death"  # ("13 of its members were beaten to death")
    r"|(?:declared|pronounced)\s+dead"  # ("Twenty-one people were declared dead on arrival")
    r"|succumbed"  # "succumbed to his injuries" (South Asian and African copy)
    r"|(?:brought|carried)\s+in\s+dead|dead\s+on\s+arrival|hanged|laid\s+down\s+(?:his|her|their)\s+li(?:fe|ves)"
    r"|paid\s+the\s+(?:supreme|ultimate)\s+(?:price|sacrifice)|sent\s+to\s+hell|embraced\s+(?:shahadat|martyrdom)"  # army communiques
    # "fell on the field of honour", "Thirty-seven of our soldiers have fallen in the fighting"
    r"|(?:fell|fallen)\s+(?:on\s+the\s+field\s+of\s+honou?r|in\s+(?:battle|combat|action|the\s+fighting)|as\s+martyrs)"
    r"|drowned|eliminated|neutrali[sz]ed|burn[te]d?\s+to\s+death"  # ("eliminated", "neutralised": persons only, see _figure)
    r"|(?<=to\s)hell\b"  # "our troops sent 19 khwarij to hell" (ISPR's wording; "to" is read as an auxiliary)
    # "15 people were buried in a mass grave"; not those trapped ("buried under the rubble")
    r"|buried(?!\s+(?:under|beneath|alive|in\s+(?:the\s+)?(?:rubble|debris|ruins)))",
    "injured": r"injured|injuring|injuries|wounded|wounding|hurt|hospitali[sz]ed"
    # "seven people nearby had minor injuries"
    r"|(?:minor|light|slight|serious|severe|critical|superficial|(?:non-)?life-threatening)\s+(?:injuries|wounds|burns)"
    r"|sustained\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:injuries|injury|wounds|wound|burns)"  # ("Eleven other persons who sustained gunshot injuries")
    # "Two of her officers were hit by gunfire" (not "hit by an airstrike": that says nothing of harm)
    r"|(?:hit|struck)\s+by\s+(?:(?:stray|sniper|rubber)\s+)?(?:gunfire|bullets?|shrapnel|shots|sniper\s+fire)(?!\s+and\s+(?:were\s+|was\s+)?killed)"
    r"|(?:brought|carried)\s+in\s+(?:injured|wounded)"  # "27 others were brought in injured"
    # ("Four people were evacuated in a critical condition to the hospital in Boulogne")
    r"|(?:taken|rushed|admitted|sent|brought|evacuated)\s+(?:in\s+(?:a\s+)?(?:critical|serious|grave|stable)\s+condition\s+)?"
    r"to\s+(?:a\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:hospitals?|clinics?)\b"
    r"|in\s+(?:a\s+)?(?:critical|serious|grave|life-threatening|(?:very\s+)?serious)\s+condition"  # "Two men are in a critical condition"
    r"|treated(?=\s*[,.;])"  # "Hospital officials said 30 survivors had been treated, most of them for hypothermia"
    r"|in\s+(?:a\s+|the\s+)?hospitals?|(?:treated|cared\s+for)\s+(?:in|at)\s+(?:a\s+|the\s+)?hospitals?"
    r"|(?:flown|airlifted|evacuated|taken|sent)\s+(?:[\w-]+\s+){0,4}?for\s+treatment"
    r"|in\s+(?:intensive|critical)\s+care|being\s+treated(?=\s*[,.;]|\s+for\s+(?:their\s+|his\s+|her\s+)?(?:wounds|injuries|burns))|(?:receiving|received|under(?:going)?)\s+(?:medical\s+)?treatment"
    r"|(?:sought|seeking|needed|needing|required|requiring)\s+(?:medical\s+|hospital\s+)?(?:treatment|help|care|attention)"
    r"|(?:needed|needing|required|requiring|underwent|undergoing)\s+(?:urgent\s+|emergency\s+)?(?:surgery|operations|amputations?)"
    r"|(?:with|treated\s+(?:there\s+|here\s+)?for)\s+(?:[\w-]+\s+){0,3}?(?:burns|injuries|wounds)"
    # "its teams have treated some 200 people for gunshot and shrapnel wounds"
    r"|for\s+(?:[\w-]+\s+){0,3}?(?:burns|injuries|wounds)"
    r"|(?:brought|taken|rushed|admitted|arrived)\s+(?:in\s+)?with\s+(?:[\w-]+\s+){0,3}?(?:burns|injuries|wounds)",
    "missing": r"missing|unaccounted\s+for|disappeared|disappearances?|went\s+missing|vanished"
    r"|(?:enforced\s+(?:or\s+involuntary\s+)?|involuntary\s+)disappearances?"  # "32 cases of enforced or involuntary disappearance"
    r"|(?:have\s+|has\s+|had\s+)?not\s+been\s+(?:seen|heard\s+from)"
    # "about 30 people were still believed to be under the rubble" (not the dead pulled "from under")
    r"|(?:be|are|were|is|remain|remained|remains|lie|lying|trapped)\s+(?:still\s+)?(?:under|beneath)\s+(?:the\s+)?(?:rubble|debris|ruins|concrete)"
    r"|(?<=\s)(?<!from\s)(?:still\s+)?under\s+the\s+(?:rubble|debris|ruins)",  # "looking for at least one person under the rubble"
    "abducted": r"abducted|abducting|abductions?|kidnapped|kidnappings?|taken\s+hostage|seized"
    r"|deprived\s+of\s+(?:their|his|her)\s+liberty"
    r"|taken\s+(?:[\w-]+\s+){0,3}?as\s+(?:hostages?|captives?)|(?:held|taken)\s+captive|held\s+hostage"
    # "one teacher was also taken", "more than 300 pupils were taken from a school", "nine
    # workers were also taken away" (not "taken to hospital", "taken into custody")
    # ("dozens of people had been taken away by the attackers towards the forest")
    r"|taken\s+away\s+by\s+(?:the\s+)?(?:attackers|assailants|gunmen|armed\s+men|fighters|militants|rebels|kidnappers|jihadists|militias?)\b"
    r"|(?:also\s+)?taken(?:\s+away)?(?=\s*[,.;]|\s*$|\s+from\s+(?:a|the|their|his|her)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:schools?|hostels?|dormitor(?:y|ies)|villages?|homes?|houses?|church|mosque|farms?|buses|bus|vehicles?|cars?)\b)"
    # "287 pupils remain with the abductors", "still in captivity"
    r"|(?:remain|remained|remains|are\s+still|were\s+still|still)\s+(?:with|held\s+by|in\s+the\s+hands\s+of)\s+"
    r"(?:the|their)\s+(?:abductors|kidnappers|captors)|in\s+captivity",
    # (not an escape: "39 persons deprived of liberty fled the facility", "the gunmen fled the scene")
    "displaced": r"displaced|displacing|displacement"
    r"|(?:fled|flee|fleeing)(?!\s+(?:the\s+|a\s+)?(?:prisons?|jails?|facility|detention|penitentiary|custody|scene)\b)"
    r"|uprooted|evacuated|homeless"
    r"|(?:forced|driven)\s+(?:from|out\s+of)\s+their\s+(?:homes|villages|towns)|forced\s+to\s+(?:flee|leave)"
    r"|(?:left|abandoned)\s+(?:(?:their|the|neighbouring|neighboring|nearby|surrounding)\s+)?(?:[\w-]+\s+)?"
    r"(?:homes|houses|villages?|hamlets?|towns?|city|areas?|districts?|neighbou?rhoods?|camps?|region|communities)\b"
    # "Dozens of families have left Beit Jinn for the nearby towns"
    r"|left\s+(?:[\w'’-]+\s+){1,3}?for\s+(?:the\s+)?(?:nearby|neighbouring|neighboring|safer|other|relatives|camps?|towns?|villages?|areas?|cities)\b"
    r"|(?:moved|gone|went|fled)\s+(?:in\s+)?(?:to|with)\s+(?:stay\s+with\s+)?relatives|(?:staying|living)\s+with\s+relatives"
    r"|crossed\s+(?:the\s+border\s+|from\s+(?:[\w'’-]+\s+){1,3}?)?into|slipped\s+across\b|crossed\s+the\s+border\b"
    # "hundreds of families had crossed the river by boat into areas held by the government"
    r"|crossed\s+the\s+(?:river|frontier|front\s+line|lines?)\s+(?:by\s+[a-z]+\s+|on\s+foot\s+)?into"
    r"|(?:had|have|has)\s+left\s+for\b"  # "dozens of families had left for Baalbek"
    # "some 9,000 people crossed at the Gatumba border point"
    r"|crossed\s+at\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:border|crossing)\b"
    r"|(?:registered|housed|accommodated|placed|sheltered)\s+(?:in|at)\s+(?:[\w-]+\s+){0,2}?(?:shelters|camps|sites|schools)"
    r"|(?:registered|recorded|counted|listed)\s+as\s+refugees|moved\s+to\s+safety|(?:have|has|had)\s+arrived\s+in\b"
    # "hundreds of people had crossed from Colombia to escape the fighting"
    r"|crossed\s+from\s+[^.;,]{0,40}?(?:\s+to\s+(?:escape|flee)|,?\s+fleeing)\b"
    r"|(?:found|sought|taken|took|taking|seeking)\s+(?:shelter|refuge)|sheltering"
    # "1,000 people have arrived in Tera over the past day, fearing further attacks"
    r"|arrived\s+(?:in|at)\s+[^.;]{0,60}?,\s*(?:fleeing|fearing|having\s+fled|after\s+fleeing)"
    r"|(?:reached|arrived\s+(?:in|at))\s+[^.;,]{0,60}?\s+after\s+(?:fleeing|escaping)"
    r"|new(?:ly\s+arrived)?\s+arrivals|newly\s+arrived"  # humanitarian reports: people newly displaced
    r"|arrived\s+in\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}?\s+(?:from|since)\s+"  # "have arrived in Kaya from Barsalogho"
    r"|arrived\s+from\s+(?=[A-Z])"  # "97,000 people had arrived from Nagorno-Karabakh"
    # "16,000 people arrived in Tawila on Saturday alone", "15,000 people arriving in four days":
    # in a report of violence, people who arrive are people who fled (not troops, see _read_figure)
    r"|arrived\s+(?:in|at)\b|arriving(?:\s+(?:in|at)\b)?"
    r"|left\s+(?=since\b|over\s+the\s+past\b|in\s+recent\b)"  # "300 families had left since Friday"
    # "dozens of families had left Koya for the neighbouring town", "... left Adan Yabaal on foot"
    r"|left\s+(?:[\w'’-]+\s+){1,6}?(?:for|towards?|on\s+foot|since)\b",
    "detained": r"detained|detaining|detentions?|in\s+detention|arrested|arresting|arrests|rounded\s+up|captured|recaptured"
    r"|taken\s+into\s+(?:police\s+)?custody|placed\s+under\s+arrest|taken\s+prisoners?"
    r"|(?<!be\s)held(?!\s+(?:tomorrow|today|on|at|in\s+the|next|later))|apprehended",  # (not "funerals will be held")
}
_OUTCOME_RE_PART = "|".join(f"(?P<o_{name}>{words})" for name, words in _OUTCOME_WORDS.items())

_AUX = (
    r"(?:were|was|are|is|have|has|had|been|being|got|get|reportedly|also|all|later|subsequently|allegedly"
    r"|confirmed|believed|feared|thought|said|reported|found|left|now|since|so\s+far|already|either"
    r"|seriously|critically|severely|badly|gravely|slightly|lightly|moderately|fatally|mortally|internally"
    r"|newly|recently|forcibly|temporarily|briefly|initially|apparently|reported\s+as|listed\s+as|registered\s+as|then"
    # how they were killed or held: "27 of whom had been summarily executed"
    r"|summarily|extrajudicially|arbitrarily|unlawfully|illegally|deliberately|brutally|indiscriminately"
    r"|still|remain|remains|remained|nonetheless|however|probably|likely|estimated|understood"
    r"|be(?=\s+(?:missing|dead|unaccounted))"  # "believed to be missing"
    r"|known(?=\s+to\s+be\s+(?:missing|dead))"  # "are now known to be dead"
    r"|considered"  # "16 people are considered missing"
    # ("were among the 16 people injured": the part's outcome is that of the count it is among)
    r"|shot\s+and|found\s+and|to|among\s+(?:(?:the\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+(?:people|persons))?|those|the\s+(?:people|persons|civilians)|the|people))"  # ("among the people wounded")
)
_SECURITY_WORDS = frozenset(
    """soldier soldiers troops serviceman servicemen policeman policemen police officer officers gendarmes cadets
    guards peacekeepers personnel conscripts occupiers jawan jawans constable constables guardsmen rangers""".split()
)
_FIGHTER_WORDS = frozenset(
    """fighter fighters gunman gunmen militant militants insurgent insurgents rebel rebels jihadist
    jihadists combatant combatants attacker attackers assailant assailants militiaman militiamen
    extremist extremists terrorist terrorists gangsters mercenaries khwarij khawarij kharijis
    maoist maoists naxals naxalites aggressors bandit bandits""".split()
)
# "Nineteen soldiers and national guardsmen", "guards and administrative staff": "and" inside
# the noun phrase when a noun for persons follows within two words.
_AND_PERSONS = "|".join(sorted(_PERSON_WORDS | _SECURITY_WORDS | _FIGHTER_WORDS, key=len, reverse=True))
# (not "two Syrians and one fighter": a count of its own)
_COUNT_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|another|several|many|some|dozens"
    r"|hundreds|scores|thousands|more|other)"
)
_NP_WORD = (
    r"(?:(?!(?:were|was|are|is|have|has|had|been|and|or|but|who|whom|that|which|while|when|after|before"
    r"|during|as|if|than|with|by|on|into|to|for|he|she|it|they|we|claims?|says?|said)\b)"
    r"[^\W\d][\w'’-]*"
    r"|\d{1,2}-year-olds?"  # "two 14-year-old girls"
    r"|on\s+(?:guard\s+)?duty(?:\s+at\s+the\s+[a-z]+)?"  # "five policemen on duty at the venue were among the injured"
    # "five signatories of the 2016 peace agreement were among those killed"
    r"|(?:19|20)\d\d(?=\s+(?:peace|ceasefire|election|elections|war|accord|agreement|coup|uprising|revolution|protests?)\b)"
    r"|aged\s+(?:between\s+)?\d{1,2}\s+(?:and|to)\s+\d{1,2}"  # "12 children and teenagers aged between 10 and 16"
    r"|volunteers\s+for\s+the\s+defen[cs]e\s+of\s+the\s+homeland(?:\s+\(vdp\))?"  # Burkina Faso's VDP
    r"|\d{1,3}(?:st|nd|rd|th)(?=\s+[A-Z])"  # "two soldiers of the 103rd Infantry Brigade"
    # "148 fighters loyal to the former government had been killed"
    r"|loyal\s+to"
    r"|(?:and|or)(?=\s+(?:women|children|men|boys|girls|elderly|civilians|soldiers|teenagers|adolescents|youths|infants|babies|their|other|his|her"
    r"|terrorists|militants|insurgents|rebels|gunmen|fighters"
    r"|neighbouring|neighboring|nearby|surrounding)\b)"
    r"|(?:and|or)(?=\s+(?:a|an)\s+(?:civilian|child|woman|man|boy|girl|soldier|fighter|policeman|journalist"
    r"|driver|guard|officer|nurse|doctor|teacher|student|farmer|worker|medic|paramedic|resident|villager|passenger"
    r"|relative|baby|infant|teenager|commander|gendarme|jawan)\b)"
    # "members of the defence and interior ministries", "the army and security forces"
    # (not a count of its own: "10 inmates and three police personnel")
    r"|(?:and|or)(?=\s+(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens|hundreds"
    r"|scores|thousands)\b)[^\W\d][\w'’-]*\s+){0,3}?(?:ministries|forces|services|agencies|units|brigades|militias|police|guard|personnel)\b)"
    rf"|(?:and|or)(?=\s+(?:(?!{_COUNT_WORDS}\b)[a-z][\w'’-]*\s+){{0,2}}?(?:{_AND_PERSONS})\b))"
)
# After the count: a short noun phrase (maybe coordinated with more counts: "28 gunmen and
# four civilians"), an optional aside (", including four children,"), auxiliaries, then
# the outcome ("were killed", "deaths", "dead", "had fled").
_AFTER_RE = re.compile(
    rf"""\s*(?:["”]\s*)?(?:-\s*)?
    (?P<np>(?:{_NP_WORD}(?:\s+|(?=[,"”]))){{0,8}}?)(?:["”]\s+)?
    # "Eight jawans of the District Reserve Guard (DRG) and the civilian driver of their vehicle
    # were killed": an acronym in brackets, and one more person named without a count
    (?:\([A-Z]{{2,6}}\)\s+)?
    (?:and\s+(?:the|a|an|their|his|her)\s+[^,.;:\d()"“”]{{3,60}}?\s+(?=(?:were|was|have|had)\s))?
    # "13 foreign soldiers serving with the U.N. mission and a regional force were killed"
    # "11 suspects linked to the bombings had been arrested"
    (?:(?:(?:serving|deployed|stationed|posted)\s+(?:with|in|alongside|at|to)|(?:linked|connected|tied)\s+to)\s+
        # (asides in commas too: "serving with the UN mission, MONUSCO, and with the Southern
        # African force deployed alongside it have been killed")
        # (not a clause of its own: "arrested six suspects linked to the cell, and had seized")
        (?:(?!,\s*(?:and|but|while)\s+(?:have|has|had|were|was|are|is)\b)[^.;:"“”\d]|(?<=[A-Z])\.){{3,110}}?\s+
        (?=(?:have|has|had|were|was|are|is|killed)\b))?
    (?:(?:,\s*|\s*)(?:and|or)\s+(?:all\s+)?{COUNT}\s+(?:{_NP_WORD}(?:\s+|(?=,\s*went\b))){{0,6}}?)*
    (?:,\s*(?:including|comprising|consisting\s+of|among\s+them|most\s+of\s+them|mostly|mainly|many\s+of\s+them|all|both|or|aged
        |(?:[\w.,-]+\s+){{1,2}}of\s+(?:them|whom)
        # "About 1.9 million people, nine in ten of the territory's residents, have been displaced"
        |(?:[\w-]+\s+){{1,2}}in\s+(?:every\s+)?(?:ten|10|five|four|three|a\s+hundred)\s+of)\b
        (?:[^.;]|(?<=\d)\.(?=\d)){{0,80}}?,\s*
      # any short aside before an auxiliary: "1.7 million people, most of the population, have
      # been displaced", "300,000 people, Syrians and Lebanese alike, have crossed into Syria"
      # ("one Israeli soldier, a 23-year-old staff sergeant, was killed": an age inside)
      |,\s*(?!(?:and|but|while|who|whom|which|that|after|before|when|as)\b)(?:[^.;:\d,()"“”]|\d{{1,3}}-year-){{3,60}},\s*
        (?=(?:have|has|had|were|was|are|is|embraced|remains?|remained|died)\s)
      # the same count in other units: "Between 60,000 and 80,000 households, as many as
      # 400,000 people, have fled"
      |,\s*(?:as\s+many\s+as|up\s+to|about|around|some|nearly|roughly|or|more\s+than)\s+\d[\d,.]*(?:\s+million)?\s+
        (?:people|persons|individuals|residents)\s*,\s*(?=(?:have|has|had|were|was|are|is)\s)
      # "six of her relatives, all of whom had been killed": what befell every one of them
      |,\s*(?:all|both)\s+of\s+whom\s+(?=(?:had|have|has|were|was|are|is)\s)
      # a relative clause between commas: "Nine staff members of Relief International, who
      # were running one of the last health posts in Zamzam, were among the dead"
      |,\s*who\s+(?:were|was|had|have|are|is|worked|ran|lived)\s[^.;:\d,()"“”]{{3,100}},\s*
        (?=(?:have|has|had|were|was|are|is)\s)
      # a breakdown in commas: "Six people from one family, three women and three children,
      # have been missing"
      # (or dashes: "six residents of a relief camp — three women and three children — were missing")
      |(?:,|\s?[—–])\s*{COUNT}\s+(?:{_NP_WORD}\s*){{1,3}}(?:(?:,\s*|\s+and\s+){COUNT}\s+(?:{_NP_WORD}\s*){{1,3}})+(?:,|\s?[—–])\s*)?
    # "The victims, three women and three children, went missing": the last part before the verb
    (?:(?:(?<=[^\W\d]),|(?<=\s)[—–])\s*(?=(?:had|have|has|were|was|went)\b))?
    # "four FC personnel who were guarding the train embraced shahadat": what they were doing
    # ("Two soldiers ... who were securing the area were also slightly hurt")
    (?:who\s+(?:were|was)\s+[a-z]+ing\b[^.;:,\d"“”]{{0,40}}?\s+(?=(?:embraced|died|perished|succumbed|lost\s+their\s+lives|laid\s+down
        |(?:were|was)\s+(?:also\s+)?(?:[a-z]+ly\s+)?(?:killed|injured|wounded|hurt|abducted|kidnapped))\b))?
    (?:who\s+(?:had\s+been\s+|had\s+|have\s+|were\s+|are\s+|remain\s+|remained\s+)?(?=fled|displaced|sheltering|been\s+displaced|missing|unaccounted|crossed\s+(?:into|the\s+border)|sustained
        |left\s+their\s+homes|abandoned\s+their\s+homes))?
    (?:{_AUX}\s+)*
    (?:{_OUTCOME_RE_PART})\b""",
    re.IGNORECASE | re.VERBOSE,
)
_AFTER_CASELESS = caseless(_AFTER_RE)
# A count whose own noun is "bodies" needs no verb: "30 bodies were recovered".
_BODIES_RE = re.compile(r"\s*(?:[^\W\d][\w'’-]*\s+){0,2}?bodies\b", re.IGNORECASE)
# "three new mass killings", "30 separate massacres": counts of incidents, not of people.
_INCIDENT_COUNT_RE = re.compile(
    r"\b(?:mass|separate|new)\s+(?:killings|executions|massacres|attacks)\b", re.I
)


def _incident_count(after: str, after_lower: str) -> bool:
    # The search only when a first word of the pattern occurs (for ASCII, where case-blind
    # means lower(); case-blind matching also takes "ſ" for "s").
    if (
        after.isascii()
        and "mass" not in after_lower
        and "separate" not in after_lower
        and "new" not in after_lower
    ):
        return False
    return _INCIDENT_COUNT_RE.search(after) is not None


# A sentence that breaks down an earlier figure: "Of those the office documented, 90 were
# men, 18 were women and three were children."
# The clause's own passive verb after "N displaced people, ...": "had been abducted" (lower-cased text).
_LATER_PASSIVE_RE = re.compile(
    r"[^.;:]{0,80}?\b(?:have|has|had|were|was)\s+(?:been\s+)?(?:later\s+|also\s+)?"
    r"(?P<o>killed|abducted|kidnapped|executed|murdered|detained|arrested)\b"
)
_LATER_PASSIVE_OUTCOMES = {
    "killed": "killed", "abducted": "abducted", "kidnapped": "abducted", "executed": "killed",
    "murdered": "killed", "detained": "detained", "arrested": "detained",
}
# Held or seized by armed men or a named armed group (lower-cased text).
_HELD_BY_ARMED_RE = re.compile(
    r"\b(?:held|seized|taken|holding)\s+(?:[a-z0-9]+\s+){0,4}?by\s+(?:the\s+)?(?:[a-z'’-]+\s+){0,2}?"
    r"(?:armed\s+men|gunmen|kidnappers|abductors|captors|militants|rebels|insurgents|pirates|bandits|gangs?"
    r"|houthis?|houthi\s+movement|hamas|al-shabaab|boko\s+haram|iswap|jnim|m23|isis|islamic\s+state|taliban)\b"
)
# An outcome word right after the count used as an adjective, and a killing right before it
# (lower-cased text).
_ADJECTIVE_OUTCOME_RE = re.compile(r"\s+(?:captured|detained|abducted|kidnapped|wounded|injured|displaced|arrested)\s+[a-z]")
_KILLING_OF_BEFORE_RE = re.compile(
    r"(?:\b(?:killing|killings|execution|executions|deaths?|murders?)\s+of\s+(?:the\s+|at\s+least\s+)?"
    r"|\b(?:killed|killing|executed|executing|murdered)\s+(?:at\s+least\s+)?)$"
)
# "Of the survivors, 11 ...": a part of persons the text named (lower-cased text).
_PERSONS_OPENING_RE = re.compile(
    r"\W*(?:of|among)\s+the\s+(?:survivors|passengers|migrants|detainees|hostages|residents|rescued|evacuees|people|refugees)\s*,"
)
# "Of those taken a year ago, 97 are still held": hostages (lower-cased text).
_OF_THOSE_TAKEN_RE = re.compile(r"\W*(?:\d{1,2}[:.]\d{2}\W*)?(?:of|among)\s+(?:those|the\s+people|the\s+hostages)\s+(?:taken|abducted|kidnapped|seized)\b")
# ("Out of the martyrs, 97 are our police personnel")
_BREAKDOWN_OPENING_RE = re.compile(r"^\W*(?:of|among|out\s+of)\s+(?:those|them|these|the\s+(?:dead|victims|killed|wounded|injured|martyrs))\b")
_OF_THOSE_HARMED_OPENING_RE = re.compile(
    r"^\W*(?:of|among|out\s+of)\s+(?:those|the\s+people|the\s+dead|the\s+victims|the\s+martyrs)(?:\s+(?:killed|wounded|injured|who\s+died))?\s*,"
)
_WERE_NOUN_RE = re.compile(
    # "were Alawite civilians", "were young Kurdish men": two words may come before the noun
    # (the pattern is case-blind), but no negation.
    # ("were army and Frontier Corps personnel": the units before the noun, joined by "and")
    r"\s+(?:were|was|are|is)\s+(?P<mods>(?:(?!not\b|no\b|never\b)(?:[A-Z][\w'’-]+|and)\s+){0,4}?)"
    r"(?P<noun>men|women|children|boys|girls|civilians|soldiers|fighters|people|persons|police\s+officers|policemen"
    r"|officers|troops|militants|gunmen|personnel)\b"
    r"(?=\s*(?:,|;|\.|and\b|$))",
    re.IGNORECASE,
)
# "It also counted 342 members of the government forces and 21 Bedouin."
_ALSO_COUNTED_RE = re.compile(r"\balso\s+(?:counted|recorded|documented|reported|listed|registered)\b")
# Any count (a digit or a number word) before a breakdown in its own sentence.
_PRIOR_COUNT_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
    r"|dozens?|scores|hundreds|thousands)\b"
)
# "34 people were killed, two of them children": a breakdown of the figure before it.
_BREAKDOWN_RE = re.compile(r"\s+of\s+(?:them|whom|those)\b(?:\s+(?:were|was|are|being))?", re.IGNORECASE)
_BREAKDOWN_CASELESS = caseless(_BREAKDOWN_RE)

# Before the count: a verb or noun of outcome that takes the count as its object. Two
# patterns, because both are anchored at the count ($) and an end-anchored search costs
# time for every character it is given: short cues need the last 60 characters only; the
# long toll phrases ("the death toll from the attack on the market rose to") only run when
# "toll" or "number" is near.
# "killing a senior commander and six other officers": the count is the verb's second object.
_BEFORE_TAIL = (
    r"(?:\s+(?:a|an|his|her|their|its)\s+[^\d.;:,()]{1,50}?\s+(?:and|as\s+well\s+as)"
    # "killing the mayor, Ahmad Kahil, and at least 15 other people"
    r"|\s+the\s+[^\d.;:()]{1,40}?,\s+[A-Z][^\d.;:,()]{1,40}?,\s+(?:and|as\s+well\s+as))?"
    r"\s+(?:(?:the|another|an\s+additional|a\s+further|some|at\s+least|all|both|(?:a|an\s+entire|a\s+whole)\s+family\s+of)\s+)?"
    r"[\"“‘']?$"
)
_BEFORE_RE = re.compile(
    r"""(?:
        (?P<b_killed>\b(?:killed|killing|kills|kill|executed|executing|massacred|murdered|lynched|shot\s+dead|lost|losing
            # "mourns eight of its paramedics", "were killed together with six members of the Civil Defence"
            |mourns|mourned|mourning|(?:killed|died)\s+(?:together|along)\s+with
            |(?:lost|losing)\s+(?:my|his|her|their|our)|martyred|eliminated["”]?|eliminating
            |neutrali[sz]ed["”]?|neutrali[sz]ing
            |buried|burying|bury
            # "They killed my father and my two brothers", "killed my wife and our three children"
            |(?:killed|murdered|executed|shot\s+dead|buried)\s+(?:my|his|her|their|our)\s+(?:[a-z-]+\s+){1,2}?and\s+(?:my|his|her|their|our)
            |claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|claims\s+the\s+lives\s+of|the\s+lives\s+of
            |(?:deaths?|killings?|killing|executions?|murders?|bodies|(?:human\s+)?remains|massacre|funerals?|martyrdom)\s+(?:of|for)
            # "funerals were held on Wednesday morning for about 50 student gendarmes"
            |funerals?\s+(?:were|was|had\s+been|have\s+been|will\s+be)\s+held(?:\s+(?:on\s+)?[a-z]+(?:\s+(?:morning|afternoon|evening))?)?\s+for
            |among\s+(?:the\s+(?:verified\s+|identified\s+|confirmed\s+|documented\s+|registered\s+)?(?:dead|victims|martyrs)
              |those\s+killed|the\s+people\s+killed|[\w-]+['’]s\s+(?:dead|victims))
                (?:,\s*(?:it|he|she|they|officials|the\s+[\w-]+)\s+(?:said|says|added),)?
                # ("Among the victims we documented are 19 children")
                (?:\s+(?:we|it|they)\s+(?:have\s+)?(?:documented|recorded|identified|verified|counted|registered))?
                (?:\s+(?:were|was|are|is))?))
      # ("The man who stabbed four young children and two adults": not "stabbed ... to death", see below)
      | (?P<b_injured>\b(?:wounded|wounding|injured|injuring|injuries\s+to|(?:injury|injuries|injuring|wounding)\s+of|treated|treating|stabbed|stabbing
              |among\s+the\s+(?:wounded|injured)(?:\s+(?:were|was|are|is))?))
      | (?P<b_abducted>\b(?:abducted|abducting|kidnapped|kidnapping|(?:abduction|kidnapping|kidnap)\s+of|seized|seizing
              |(?:took|taken|taking)\s+away|holding|held|taking|took|taken))
      | (?P<b_displaced>\b(?:displaced|displacing|displacement\s+of|uprooted|uprooting|forced|forcing
          |driven|drove|driving
          # "had evacuated 234 families", "was sheltering over 2,000 people" (checked against the tail)
          |evacuated|evacuating|sheltering|sheltered|housing|houses|hosting|hosts|hosted))
      | (?P<b_detained>\b(?:detained|detaining|arrested|arresting|(?:arrest|detention)\s+of|rounded\s+up|captured|capturing
              |recaptured|recapturing|apprehended))
      # "the whereabouts of at least 30 of them were still unknown" (checked against the tail)
      | (?P<b_missing>\b(?:whereabouts|fate)\s+of)
      | (?P<b_including>\b(?:including|included|includes|comprising|consisting\s+of|among\s+them(?:\s+(?:were|was|are|is))?|of\s+whom
              |along\s+with(?:\s+[^.;,\d]{0,40}?)?))
    )"""
    + _BEFORE_TAIL,
    re.IGNORECASE | re.VERBOSE,
)
_BEFORE_TOLL_RE = re.compile(
    r"""(?:
        # ("put Ukrainian losses in the Kursk area over the past day at up to 340 servicemen")
        (?P<b_killed>\b(?:death\s+tolls?|tolls?|(?:reported\s+)?fatalities|(?:personnel\s+)?losses|(?:number|count|tally)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:dead|deaths|killed|victims|fatalities|martyred|martyrs)
              |(?:put|puts|putting|placed|places)\s+(?:the|its|their)\s+figure
              # "revised the toll to 84, after the government had earlier put it at 101"
              |(?:put|puts|putting|placed|places)(?=\s+it\s+at\b))
              # ("... in the attack of Oct. 7 to about 1,200": an abbreviated month)
              # ("the number killed on 7 October is now around 1,200")
              (?:\s+(?:[\w'’()-]+|(?:jan|feb|aug|sept?|oct|nov|dec)\.)){0,18}?\s+(?:to|at|of|from|reached|hit|passed|exceeded|topped|surpassed
                # ("the number of people killed was now believed to be close to 3,000")
                |(?:is|was)(?:\s+now)?(?:\s+(?:believed|thought|estimated|feared|understood|known|said|reported)\s+to\s+be)?
                |stands\s+at|stood\s+at
                # "Rights groups say the true toll could be as many as 30,000"
                |(?:could|may|might|would)\s+(?:well\s+)?(?:be|reach|exceed|top))
            # "gave the number of civilians martyred in the attack as 12"
            |gave\s+(?:the|its|their|a)\s+(?:(?:death\s+)?toll|(?:number|count)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?
              (?:dead|deaths|killed|victims|fatalities|martyred|martyrs))(?:\s+[\w'’()-]+){0,12}?\s+as
            # asides between commas, when a verb of the toll ends it: "the number of people killed in
            # the attack on Pont-Sonde, a farming town in the Artibonite, has risen to 115"
            |(?:death\s+tolls?|tolls?|(?:number|count|tally)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:dead|deaths|killed|victims|fatalities|martyrs))
              # ("..., the capital of Khyber Pakhtunkhwa province, rose to 100": the aside's closing comma)
              (?:,?\s+[\w'’()-]+){0,30}?,?\s+(?:(?:has|had|have)\s+)?(?:(?:risen|rose|climbed|jumped|increased|grown)\s+(?:from\s+\d[\d,]*\s+)?to
              |(?:risen|rose|climbed|jumped|increased|grown)\s+from
              |reached|hit|passed|exceeded|topped|surpassed|stands\s+at|stood\s+at))
      # ("The number of people injured in Sunday's missile attack on Sevastopol has risen to 151")
      # ("puts the number of wounded across the region higher than the SDF does, at more than 30")
      | (?P<b_injured>\bnumber\s+of\s+(?:people\s+|persons\s+|civilians\s+)?(?:wounded|injured)(?:\s+[\w'’-]+){0,10}?(?:\s+|,\s+(?=at\s))(?:to|at|of|reached|is|was)
              # "gives an updated count of the wounded: 61 people"
              |\b(?:count|tally|number)\s+of\s+the\s+(?:wounded|injured):)
      # "put the number of people unaccounted for at about 40"
      | (?P<b_missing>\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?:missing|unaccounted\s+for|disappeared)
              (?:\s+[\w'’-]+){0,6}?\s+(?:to|at|of|reached|is|was))
      | (?P<b_displaced>\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?:displaced|arrivals|forced\s+(?:from|out\s+of)\s+their\s+homes|who\s+(?:have\s+|had\s+)?fled)
              (?:\s+[\w'’-]+){0,6}?\s+(?:to|at|of|reached|(?:is|was)(?:\s+now)?))
    )"""
    + _BEFORE_TAIL,
    re.IGNORECASE | re.VERBOSE,
)
_AMONG_THEM_RE = re.compile(
    # (also without a verb: "34 people were killed, two children among them")
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:(?:were|was|are|is)\s+(?:also\s+)?)?among\s+(?:them|those|these)\b"
    # (not "among those killed in Zamzam": the outcome is said there)
    r"(?!\s+(?:who|killed|wounded|injured|hurt|dead|missing|abducted|kidnapped|displaced|detained|arrested)\b)",
    re.IGNORECASE,
)
_PART_OPENING_RE = re.compile(
    r"\s*(?:among\s+them|among\s+those|of\s+those|including"
    # "He said that includes 50 children and 94 women": the toll just given, told again
    r"|(?:(?:he|she|they|it|officials?|the\s+\w+)\s+(?:said|says|added)\s+)?(?:that|this|the\s+(?:toll|figure|total))"
    r"\s+(?:includes|included|include))\b",
    re.IGNORECASE,
)
_THE_DEAD_NAMED_RE = re.compile(r"\b(?:the\s+(?:dead|victims|bodies)|those\s+killed)\b")  # (lower-cased)
_TOLL_OCCASION_RE = re.compile(r"\s(?:from|at|in|on|after|during|near|across)\s", re.IGNORECASE)
_WORD_START_RE = re.compile(r"\b\w")


def _search_from_word_starts(pattern: re.Pattern[str], window: str) -> re.Match[str] | None:
    """``pattern.search(window)`` for the patterns above, whose every alternative opens with
    ``\b`` and a word: a match can only start where a word starts, so only those offsets
    (~10 in a window) are tried, in order, instead of every character's (60 or 160). The
    first match found is the leftmost one, the one ``search`` returns."""
    match = pattern.match
    if window.isascii():
        # Most offsets fail: test them with the faster case-sensitive pattern on the lower-cased
        # window (numbers.caseless), and match for real only where it succeeds.
        probe, lowered = _CASELESS[pattern.pattern].match, window.lower()
        for word in _WORD_START_RE.finditer(window):
            if probe(lowered, word.start()) is not None:
                return match(window, word.start())
        return None
    for word in _WORD_START_RE.finditer(window):
        found = match(window, word.start())
        if found is not None:
            return found
    return None


# "Residents said the dead were a man, three women and six children": a list of the victims.
# Its own pattern, tried only when "dead"/"victims" is near and the short cues found nothing.
_THE_DEAD_WERE_RE = re.compile(
    r"(?P<b_killed>\b(?:the\s+(?:dead|victims|fatalities|people\s+killed|those\s+killed)"
    # ("Those who died that evening were five women")
    r"|those\s+who\s+(?:died|were\s+killed)(?:\s+[^,.;:\d]{0,30}?)?)\s+"
    r"(?:were|included|include|are|numbered|number|totalled|totaled)(?:\s+also)?(?:\s+[^.;:\d]{0,40}?,)?"
    # "Estimates gathered by the UN put the dead at several hundred"
    r"|\b(?:put|puts|putting|placed|places)\s+the\s+(?:dead|victims|fatalities|people\s+killed|those\s+killed)"
    r"(?:\s+[^.;:\d]{0,40}?)?\s+at)" + _BEFORE_TAIL,
    re.IGNORECASE,
)
_THE_DEAD_CUES = ("the dead ", "the victims ", "the fatalities ", "people killed ", "those killed ", "who died ", "who were killed ")
# By source text: hashing a compiled pattern hashes its whole program, every time.
_CASELESS = {p.pattern: caseless(p) for p in (_BEFORE_RE, _BEFORE_TOLL_RE, _THE_DEAD_WERE_RE)}
# The last outcome word of a clause: "people still missing, including two children".
_OUTCOME_WORD_RE = re.compile(rf"\b(?:{_OUTCOME_RE_PART})\b", re.IGNORECASE)
_OUTCOME_WORD_CASELESS = caseless(_OUTCOME_WORD_RE)
# Cheap substring checks that must pass before the two regexes above are tried.
_BEFORE_STEMS = (
    "neutrali",  # "the army had "neutralised" around 50 of the assailants"
    "martyred",  # "the terrorists had martyred 21 innocent passengers"
    "martyrdom of",  # "led to the martyrdom of two citizens"
    "funeral",  # "funerals for at least 20 trainees"
    "mourn",  # "mourns eight of its paramedics"
    "together with",  # "killed together with six members of the Civil Defence"
    "eliminat",  # "forces eliminated 12 terrorists" (military statements)
    "apprehend",
    "whereabouts",
    "fate of",  # "the fate of 20 people remains unknown" (checked against the tail)
    "holding",  # "holding 214 people hostage" (checked against a hostage tail)
    "buri",  # "we have buried 21 people"
    "remains of",  # "collected the remains of at least 100 people"
    "bury",  # "helped to bury 18 members of two families"
    "treat",  # "treated 16 people with gunshot wounds" (checked against a wounds tail)
    "stabb",  # "stabbed four young children" (not "to death": checked against the tail)
    "held",
    "taking",
    "took",
    "taken",
    "kill",
    "execut",
    "massacr",
    "murder",
    "lynch",
    "shot",
    "lives",
    "death",
    "killing",
    "bodies",
    "toll",
    "number",
    "wound",
    "injur",
    "abduct",
    "kidnap",
    "seiz",
    "displac",
    "uproot",
    "forc",
    "driv",  # "had driven about 10 million people from their homes" (checked against the tail)
    "drov",
    "evacuat",  # "had evacuated 234 families" (not the wounded: see _HURT_NOUN_RE)
    "shelter",  # "was sheltering over 2,000 people"
    "housing",
    "houses",
    "detain",
    "detention of",  # "verified the detention of 1,303 people"
    "arrest",
    "rounded",
    "captur",
    "includ",
    "compris",  # "17 personnel, comprising four officers and 13 soldiers, were killed"
    "consisting of",
    "among",
    "whom",
    "along",
    "lost",
    "losing",
)
# (Specific enough not to hit common words: "died" not "die" (soldiers), "forced" not
# "forc" (forces), "fled"/"flee" not "fle" (reflect).)
_OUTCOME_STEMS = (
    "whereabouts",
    "fate of",
    "left since",
    "left over the past",
    "forced",
    "forcing",
    "driven",  # "had driven some 700,000 people towards the city" (checked against the tail)
    "drove",
    "shot",
    "kill",
    "martyr",
    "neutrali",  # army communiques: "neutralised 50 terrorists"
    "took away",  # "the gunmen took away 287 pupils" (persons only, see _read_figure)
    "stabb",  # "stabbed four young children and two adults"
    "eliminated",  # "forces eliminated 12 terrorists"
    "apprehended",
    "left neighbo",  # "dozens of families had left neighbouring villages"
    "left nearby",
    "left surrounding",
    "left their",
    "left the",  # "About 200 families have left the village"
    "left ",  # "dozens of families had left Koya for the neighbouring town" (checked against the tail)
    "left villages",
    " for the nearby",  # "have left Beit Jinn for the nearby towns"
    " for nearby",
    " for safer",
    " for relatives",
    "relatives",  # "had moved to relatives in Afrin"
    "supreme price",  # "two gallant soldiers paid the supreme price"
    "fell on",  # "about forty of our soldiers fell on the field of honour"
    "fell in",
    "fell as",
    "fallen in",
    "fallen as",
    "drowned",
    "funeral",
    "deprived of",
    "not been seen",
    "not been heard",
    "to hell",  # "All 33 terrorists ... have been sent to hell"
    "embraced",  # "four FC personnel ... embraced shahadat"
    "succumbed",
    "ultimate price",
    "ultimate sacrifice",
    "brought in with",
    "arrived ",  # "have arrived in Tera ..., fearing further attacks" (checked by the pattern)
    "arriving",
    "arrivals",
    "treatment",  # "66 people were receiving treatment in hospitals"
    "treated at",  # "27 were still being treated at the hospital"
    "being treated",  # "62 people were still being treated"
    "treated in",
    "treated there",  # "1,200 people had been treated there for injuries"
    "treated,",  # "30 survivors had been treated, most of them for hypothermia"
    "treated.",
    "critical condition",  # "Two men are in a critical condition"
    "serious condition",
    "grave condition",
    "life-threatening condition",
    "medical help",  # "182 people had sought medical help"
    "surgery",  # "more than 100 needed surgery"
    "medical care",
    "medical attention",
    "to death",  # "two elderly men were found burnt to death"
    "remains of",  # "collected the remains of at least 100 people"
    "morgue",  # "900 more were still in the city's morgues"
    "crossed",  # "Hundreds of families crossed into Venezuela" (not troops: see _figure)
    "slipped across",  # "8,000 Rohingya had slipped across in recent weeks"
    "detention",  # "17,000 people remain in detention"
    "to safety",  # "35,655 people had been moved to safety"
    "hospital",  # "Twelve people were taken to the district hospital"
    "hit by",  # "Two of her officers were hit by gunfire"
    "struck by",
    "clinic",
    "under the rubble",  # "30 people were still believed to be under the rubble"
    "under the concrete",
    "hanged",
    "laid down his life",  # "one jawan laid down his life" (not "laid down their weapons")
    "laid down her life",
    "laid down their lives",
    "vanished",
    "under the debris",
    "under the ruins",
    "losses",  # "Russian losses had reached about 680,000 soldiers" (_BEFORE_TOLL_RE)
    "figure",  # "put the figure at up to 600", "the figure had climbed to 100", "a new figure of 18"
    "tally",
    "raised it",  # "had raised it to 34": a toll told before (_ANAPHORIC_TOLL_RE)
    "revised it",
    "lowered it",
    "updated it",
    "brought it to",
    "pushed it to",
    "put it at",
    "puts it at",
    "putting it at",
    "placed it at",
    "dead",
    "died",
    " die",
    "death",
    "execut",
    "murder",
    "homicide",
    "slain",
    "slaughter",
    "lynch",
    "butcher",
    "massacr",
    "perish",
    "fatal",
    "lives",
    "bodies",
    "toll",
    "injur",
    "wound",
    "hurt",
    "missing",
    "unaccounted",
    "disappear",
    "abduct",
    "kidnap",
    "hostage",
    "taken",  # "one teacher was also taken" (checked by the pattern)
    "seiz",
    "displac",
    "fled",
    "flee",
    "uproot",
    "evacu",
    "homeless",
    "shelter",
    "refuge",
    "detain",
    "arrest",
    "held",
    "rounded",
    "captur",
    "hospitali",  # "hospitalised"
    "to hospital",  # "taken to hospital(s)"
    "to a hospital",
    "to the hospital",
    "in hospital",  # "140 people remain in hospital"
    "in a hospital",
    "in the hospital",
    "intensive care",  # "14 people in intensive care"
    "critical care",
    "lost",  # "lost 40 soldiers"
    "losing",
    "among the victims",
    "victims",  # 'put the number of victims at "more than 100"'
    "buried",
    "bury",
    "with burns",
    "their homes",  # "had left their homes"
    "their villages",
    "their houses",
)


# Sentences that continue an earlier figure without an outcome word of their own.
def _stem_automaton(stems: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for stem in stems:
        automaton.add_word(stem)
    automaton.make_automaton()
    return automaton


def _holds_any(automaton: ahocorasick.Automaton, text: str) -> bool:
    """``any(stem in text for stem in stems)`` in one C-level pass (it runs for every count)."""
    return next(automaton.iter(text), None) is not None


_OUTCOME_STEMS_AUTOMATON = _stem_automaton(_OUTCOME_STEMS)
_BEFORE_STEMS_AUTOMATON = _stem_automaton(_BEFORE_STEMS)
_THE_DEAD_CUES_AUTOMATON = _stem_automaton(_THE_DEAD_CUES)
_CONTINUATION_STEMS = ("of those", "of them", "of these", "among them", "among those", "among the", "also ", "includes", "included")
# "forced 3,000 families to flee": only displacement when the count is followed by a flight phrase.
# What a part after "including" belongs to, said after it: "64 children and 57 women among the dead".
_AMONG_WHICH_RE = re.compile(
    r"(?:\s+[a-z-]+){0,2}?(?:\s+and\s+(?:[\w,-]+\s+){1,3}?[a-z-]+)?\s+among\s+(?:the|those)\s+"
    r"(dead|killed|victims|fatalities|wounded|injured)\b"
)
_HARM_RIGHT_BEFORE_RE = re.compile(
    r"\b(killed|killing|kills|wounded|wounding|injured|injuring|shot\s+dead)\s+"
    r"(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+|nearly\s+|around\s+)?$"
)
_BRINGING_RE = re.compile(r"\bbring(?:ing|s)?\s+(?:the\s+|its\s+|their\s+)?(?P<what>[^.;:\d]{0,60}?)\s+to\s+$")
_SHARE_OF_RE = re.compile(r"\bin\s+(?:every\s+)?(?:ten|10|five|four|three|a\s+hundred)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$")
_UNKNOWN_TAIL_RE = re.compile(r"\b(?:unknown|not\s+(?:been\s+)?known|unclear|undetermined)\b")
_FORCED_TAIL_RE = re.compile(
    r"\s*(?:[^\W\d][\w'’-]*\s+){0,3}?(?:to\s+(?:flee|leave|abandon)|from\s+their\s+homes|out\s+of\s+their\s+homes"
    r"|towards?\s|into\s+(?:neighbouring|neighboring|the\s+hills|the\s+bush|camps)|across\s+the\s+border)",
    re.IGNORECASE,
)

# "treated 16 people with gunshot wounds", "treating 40 for burns"
_TREATED_TAIL_RE = re.compile(
    r"\s*(?:[^\W\d][\w'’-]*\s+){0,3}?(?:with|for)\s+(?:[\w-]+\s+){0,2}?(?:wounds|injuries|burns|fractures)\b"
    # "treated 10 people, most with light wounds from shrapnel"
    # ("our teams treated 158 others, most of them for gunshot or shrapnel wounds")
    r"|\s*(?:[^\W\d][\w'’-]*\s+){0,2}?[^\W\d][\w'’-]*,\s*(?:most|many|some|several|all)(?:\s+of\s+them)?\s+(?:with|for)\s+(?:[\w-]+\s+){0,3}?(?:wounds|injuries|burns)\b"
    # "treated more than 60 people, several of them seriously hurt"
    r"|\s*(?:[^\W\d][\w'’-]*\s+){0,2}?[^\W\d][\w'’-]*,\s*(?:[\w-]+\s+){1,2}of\s+them\s+(?:[a-z]+ly\s+)?"
    r"(?:hurt|injured|wounded|burned|burnt)\b",
    re.IGNORECASE,
)
# "holding 214 people hostage": only abduction when the count is followed by "hostage".
_HOSTAGE_TAIL_RE = re.compile(r"\s*(?:[^\W\d][\w'’-]*\s+){0,3}?(?:hostages?|captives?)\b", re.IGNORECASE)

_VERIFIED_RE = re.compile(
    r"\b(?:verif(?:y|ied|ies|ying)|confirm(?:s|ed|ing)?|document(?:s|ed|ing|ation))\b", re.IGNORECASE
)


@lru_cache(maxsize=1024)
def _says_verified(lower_sentence: str, at: int) -> bool:
    """Whether the sentence says the count at ``at`` was verified, confirmed or documented.

    A verifying verb before the count governs it ("the UN has verified 111 deaths"); one after
    it only when it looks back at the count: passive or perfect ("have been confirmed"), "by",
    "that", "it", "the toll", or ending its clause ("…, the hospital confirmed."). Not when it
    has an object of its own: "21 people were killed after the court confirmed Chapo as the
    winner"."""
    if not any(stem in lower_sentence for stem in ("verif", "confirm", "document")):
        return False
    if _UNVERIFIED_RE.search(lower_sentence):
        return False
    for match in _VERIFIED_RE.finditer(lower_sentence):
        if lower_sentence.startswith(_VERIFIED_RECORDS, match.end()):
            return True  # "killing 35 civilians ..., according to the mission's verified data"
        own_object = _OWN_OBJECT_RE.match(lower_sentence, match.end()) is not None
        if own_object and _EVENT_OBJECT_RE.match(lower_sentence, match.end()):
            continue  # "police confirmed the attack but gave no figure": the attack, not a count
        if match.start() < at:
            # "a volunteer group that documents abuses in Gezira, said more than 100": the
            # verb describes the source, whose own reporting verb then gives the count.
            if _THEN_SAID_RE.search(lower_sentence, match.end(), at) and not lower_sentence.startswith(
                (" each ", " every "), match.end()
            ):
                continue  # (but "AAPP, which documents each case, says": every count it gives)
            return True
        if not own_object:
            return True
    return False


_EVENT_OBJECT_RE = re.compile(
    r"\s+(?:the|an?|that)\s+(?:[\w-]+\s+)?(?:attack|incident|raid|strike|shooting|explosion|bombing|ambush|assault"
    r"|clashes|fighting|operation)s?\b"
)
_THEN_SAID_RE = re.compile(r",\s*(?:\w+\s+){0,3}?(?:said|says|told|reported|added|stated)\b")


# After a verifying verb, an object of its own that is not the count: "confirmed chapo as",
# "confirmed his victory" (the sentence is lower-cased: a name is any word but the few below).
_OWN_OBJECT_RE = re.compile(
    r"\s+(?!(?:on|in|at|to|by|that|it|them|this|these|those|late|early|earlier|later|yesterday|today|on|with|from"
    r"|after|before|during|when|while|and|but|as|so|since|over|across|throughout|until"
    r"|the\s+(?:toll|figures?|numbers?|counts?|deaths?|dead|killings?)"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d)\b)[a-z]"
)


_VERIFIED_RECORDS = (" data", " figures", " toll", " count", " numbers", " tally")
_UNVERIFIED_RE = re.compile(
    # ("which the Office has not yet been able to verify")
    r"\b(?:unverified|unconfirmed|undocumented|(?:not|n't|never|cannot|unable\s+to|no\s+way\s+to)\s+(?:\w+\s+){0,4}?"
    r"(?:verif(?:y|ied)|confirm(?:ed)?|document(?:ed)?))\b",
)

_ACCORDING_RE = re.compile(
    r"\b(?:according\s+to|as\s+reported\s+by|reported\s+by|verified\s+by|confirmed\s+by|as\s+given\s+by"
    r"|per(?=\s+(?:the\s+)?[A-Z])"
    r"|documented\s+by|figures\s+from|data\s+from|a\s+tally\s+by|a\s+count\s+by|(?:tally|count)\s+from"
    r"|by\s+the\s+(?:count|tally|reckoning|estimate)\s+of"  # "By the count of a local newspaper, ..."
    r"|(?:compiled|gathered|collected|recorded)\s+by|selon"
    # "Based on the initial report of the Marawi City Police Station, four (4) persons were killed"
    r"|based\s+on\s+(?:the\s+|an?\s+)?(?:initial\s+|preliminary\s+|latest\s+|first\s+|official\s+)?reports?\s+(?:of|from|by))\s+"
    # (dotted acronyms stay whole: "according to the U.N. Many of the bodies ...")
    r"(?P<src>(?:[^,.;:()\"“”]|\.(?=(?-i:[A-Z])\.))+?)(?=\s*(?:[,;:()\"“”]|\.(?!(?-i:[A-Z])\.))|\s+(?:which|(?-i:who)|that|on|as|and|but|while|said|says|based|we|they"
    r"|had|has|have|will|would"  # ("according to OCHA had driven"; not "figures RNDDH was able to document")
    r"|put|puts|gave|gives|show|shows|showed"  # ("Estimates gathered by the UN put the dead at")
    r"|consulted|cited|seen|obtained|quoted|reviewed"
    # ("recorded by Frontier Security Watch from police, hospital and ISPR reports")
    r"|from(?=\s+[^.;:()]{0,60}?\b(?:reports|sources)\b)"
    r"|in\s+(?!human\b))\b|$)",
    re.IGNORECASE,
)
# "local and UN sources", "medical and security sources": what "according to" names when
# its first word alone is no source (an adjective shared by two sources).
_JOINED_SOURCES_RE = re.compile(r"(?P<src>[a-z]+\s+and\s+[^,.;:()\"“”\s]+(?:\s+[^,.;:()\"“”\s]+)?)(?=\s*(?:[,.;:()\"“”]|$))")
# "an AFP tally", "a count by Reuters": the counter is the source.
_TALLY_RE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:tally|count)\s+(?:(?:kept|compiled|maintained)\s+)?(?:by|from)\s+(?P<by>.+)|(?P<own>\S+(?:\s+\S+)?)\s+(?:tally|count))$",
    re.IGNORECASE,
)


def _tally_counter(src: str) -> str | None:
    """Who keeps the tally in "an AFP tally", "a count by Reuters"; None for anything else."""
    if "tally" not in src and "count" not in src:
        return None
    tally = _TALLY_RE.match(src)
    return (tally.group("by") or tally.group("own")) if tally else None


# "X said, citing residents": X is the source; the cited party only when nobody else is named.
_CITING_RE = re.compile(
    r"\b(?:citing|cited\s+by|quoting|quoted\s+by)\s+(?P<src>[^,.;:()\"“”]+?)(?=\s*[,.;:()\"“”]|\s+(?:which|who|that|on|as|and|but|while|said|says)\b|$)",
    re.IGNORECASE,
)
# "the monitor's overall toll", "the ministry's latest count"
_POSSESSIVE_TOLL_RE = re.compile(
    r"(?P<src>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)['’]s\s+(?:[\w-]+\s+){0,2}?(?:death\s+)?(?:toll|count|tally|figures?|records?)\b",
    re.IGNORECASE,
)
_SUBJECT_SKIP = frozenset(
    "has have had also previously now separately later earlier yesterday today tonight has' just already since once so far thus"
    " can could will would may must received there here first initially".split()  # ("The Command can confirm that", "The Office has received reports that")
)
# "The General Staff deeply regrets to announce that ...": the verb's subject is before these.
_REGRETS_TO = ("regrets to ", "regret to ", "is saddened to ", "is sad to ", "is devastated to ")
_SUBJECT_STOP = frozenset(
    """that which who whom as while when after before but because since although though and or if
    where whereas than with by were was are is been be to at on into from killed""".split()
)
_PRONOUNS = frozenset("he she it they we i you one someone somebody this these those who".split())
# A document as a source, and who saw it: "a confidential document seen by AFP".
_DOCUMENT_HEADS = frozenset(("document", "documents", "memo", "memorandum", "dossier", "report", "assessment"))
_SEEN_BY_RE = re.compile(r"\s+(?:seen|obtained|reviewed|consulted)\s+by\s+[^,.;:()\"“”]{2,60}?(?=\s*(?:[,.;:()\"“”]|$))")
# A named subject counts as a source when its head is one of these (or it is a proper name).
_SOURCE_HEADS = frozenset(
    """
    office offices ministry ministries monitor monitors observatory report reports assessment media agency agencies
    cluster clusters document documents memo memorandum dossier
    official officials source sources group groups network organisation organization organisations database tracker registry chiefs elders
    organizations activists witnesses spokesman spokesperson spokeswoman commission committee council
    authorities authority government governments army military police hospital hospitals doctors medics rescuers
    defence defense crescent cross mission envoy un unicef unhcr ocha who icrc watch international
    outlet outlets television tv channel newspaper daily broadcaster correspondent journalists team
    inquiry investigation investigators panel court tribunal prosecutor prosecutors study survey
    administration officer officers governor mayor commissioner director chief minister councillor
    councilor department directorate service services union charity residents villagers survivors
    relatives neighbours neighbors locals paramedics wing volunteers workers staff teams crews elders collective collectives
    leaders representatives spokesmen spokespeople nurses neighbour neighbor witness resident
    centre center foundation institute society association coalition alliance bureau board command
    clinic doctor nurse medic volunteer elder official partners unhcr unmiss iom wfp msf
    rescuer survivor relative activist paramedic journalist reporter surgeon surgeons physician
    physicians coroner pathologist commander commanders forces militia militias rebels insurgents junta
    watchdog presidency municipality prefecture ombudsman cabinet opposition president chairman
    chairwoman head church diocese parish patriarchate committees commissions councils associations coalitions departments directorates
    missions unions headquarters management coordinators coordinator
    administrator administrators prefect prefects lawmaker lawmakers legislator senator deputy mukhtar headman
    imam priest pastor bishop warden superintendent inspector chairperson guard guards coastguard coastguards
    brigade province posts
    """.split()
)
_COMMON_FIRST_WORDS = frozenset(
    """news local medical state health hospital security government rights aid rescue civil activists
    officials witnesses residents sources monitors reports a an initial preliminary official police army
    military medics doctors rescuers paramedics villagers survivors relatives neighbours locals district regional
    """.split()
)


# More people than live on Earth is not a casualty count but a typo or noise; it would not
# fit a 64-bit store column either (found by tests/test_reliability_fuzz.py).
MAX_PLAUSIBLE_COUNT = 10_000_000_000


def _plausible(quantity: Quantity) -> bool:
    return all(v is None or v <= MAX_PLAUSIBLE_COUNT for v in (quantity.low, quantity.high))


def casualty_figures(text: str, report_id: str) -> list[Figure]:
    """Every casualty figure in ``text``, in order of appearance.

    ``start``/``end`` of each Figure are the offsets of its sentence; ``surface`` is the
    number phrase as written ("over 1,400"); ids are stable for a given report and offset.
    A title line (first line, no final punctuation, more text after it) is skipped: it
    repeats a figure of the body.
    """
    spans = sentence_spans(text)
    lowered = lower_same_length(text)
    sources = _SourceMemory(text)
    body_start = title_end(text, spans)
    # Only sentences that use an outcome word can hold a figure: skip counts elsewhere
    # (dates, years, distances in other sentences) before any pattern is tried on them.
    with_outcome = sentences_containing(lowered, spans, _OUTCOME_STEMS + _CONTINUATION_STEMS)

    # Tables and lists: a cell's or an item's outcome may be in its heading only.
    tables = "|" in text
    spaced = "   " in text  # (tables laid out with spaces, as PDF text gives them)
    lists = any(f"\n{mark} " in text for mark in _LIST_MARKS)

    def keep(offset: int) -> bool:
        if offset < body_start:
            return False
        return (
            sentence_index(spans, offset) in with_outcome
            or (tables and _table_column(text, offset) is not None)
            or (spaced and _spaced_table_column(text, offset) is not None)
            or (lists and _list_line_kind(text, offset) is not None)
        )

    figures: list[Figure] = []
    context: _SentenceContext | None = None
    for quantity in find_quantities(text, lowered, keep):
        if quantity.start < body_start or not _plausible(quantity):
            continue
        index = sentence_index(spans, quantity.start)
        if index < 0 or quantity.end > spans[index][1]:
            continue
        if context is None or context.start != spans[index][0]:
            # The last main figure of the same paragraph, for sentences that go on with it
            # ("Of those, 90 were men ...", "It also counted 342 soldiers ...").
            parent = context.main or context.parent if context is not None else None
            if parent is not None and "\n" in text[parent.end : spans[index][0]]:
                parent = None
            context = _SentenceContext(spans[index][0], parent=parent, previous=figures[-1] if figures else None)
        figure = _read_figure(text, lowered, spans[index], quantity, report_id, context, sources)
        if figure is not None:
            figures.append(figure)
    return _verified_by_next_sentence(figures, text, lowered, spans)


# "... at least 1,617 people were killed. The office said it had documented every case.":
# a sentence that says the figures just given were verified, about them all.
_VERIFIED_NEXT_RE = re.compile(
    r"\W*(?:[\w'’-]+\s+){0,6}?(?:had\s+|has\s+|have\s+)?(?:documented|verified|confirmed)\s+"
    r"(?:every\s+(?:case|death|one)|each\s+(?:case|death|one)|all\s+(?:of\s+)?(?:the\s+|these\s+)?(?:cases|deaths)"
    r"|(?:the|these|this|those)\s+(?:figures?|numbers?|tolls?))\b"
)


def _verified_by_next_sentence(
    figures: list[Figure], text: str, lowered: str, spans: list[tuple[int, int]]
) -> list[Figure]:
    if not figures or ("documented" not in lowered and "verified" not in lowered and "confirmed" not in lowered):
        return figures
    out = []
    for figure in figures:
        if not figure.verified:
            index = sentence_index(spans, figure.start)
            if 0 <= index < len(spans) - 1:
                next_start, next_end = spans[index + 1]
                same_paragraph = "\n" not in text[figure.end : next_start]
                if same_paragraph and _VERIFIED_NEXT_RE.match(lowered, next_start, next_end) and not _UNVERIFIED_RE.search(
                    lowered, next_start, next_end
                ):
                    figure = replace(figure, verified=True)
        out.append(figure)
    return out


@dataclass
class _SentenceContext:
    """What the figures read so far in one sentence say about the next one."""

    start: int
    last: Figure | None = None  # the previous figure
    last_end: int = -1  # where its count ended
    main: Figure | None = None  # the last figure that is not a breakdown of another
    parent: Figure | None = None  # the main figure of an earlier sentence of the paragraph
    previous: Figure | None = None  # the last figure read before this sentence, anywhere


# Between the previous figure's count and this one: a coordination or list
# ("10 women and five children", "683 civilians in Latakia, 433 in Tartus").
_COORDINATION_RE = re.compile(
    r"^[^.;:]{0,90}?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as|plus)\s+)(?:then\s+)?(?:another\s+)?$", re.I
)  # ("stood at 19 and then 37": a count told again, later)
_SUBORDINATE_RE = re.compile(
    r"\b(?:after|before|when|while|since(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday"
    r"|last\s+\w+|the\s+(?:start|beginning)\b|\d|(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b))|earlier|later|than|until|whereas)\b",
    re.I,
)
_COORDINATION_CASELESS, _SUBORDINATE_CASELESS = caseless(_COORDINATION_RE), caseless(_SUBORDINATE_RE)
# "more than half of them": a qualifier, not a comparison that opens a clause.
_QUALIFIER_THAN_RE = re.compile(r"\b(?:more|less|fewer|rather)\s+than\b", re.I)
# ", and that 562 were wounded", "... overnight, and about 90 were treated": back in a clause
# coordinated with the one before the subordinate one.
_BACK_TO_MAIN_RE = re.compile(r",\s*and\b|\band\s+that\b|\sand\s*$", re.I)


def _subordinate_between(gap: str) -> bool:
    """Whether a count after `gap` stands in a clause subordinate to the count before it.

    "two soldiers were killed after 30 ..." is; "413 people had been killed, more than half of
    them women and children, and that 562 were wounded" and "a further 10 people were missing
    after the attack and at least 15 were being treated" are not: the last clause boundary is
    a coordination, so the bare count shares the noun of the count before.
    """
    gap = _QUALIFIER_THAN_RE.sub(" ", gap)
    ends = [m.end() for m in _SUBORDINATE_RE.finditer(gap)]
    return bool(ends) and _BACK_TO_MAIN_RE.search(gap, ends[-1]) is None

_OTHERS_RE = re.compile(
    r"^\s*(?:others|more|other\s+members)\b(?!\s+(?:people|persons?|civilians|soldiers|children|women)\b)", re.I
)


def _read_figure(
    text: str,
    lowered: str,
    sentence: tuple[int, int],
    quantity: Quantity,
    report_id: str,
    context: _SentenceContext,
    sources: _SourceMemory,
) -> Figure | None:
    s_start, s_end = sentence
    if quantity.qualifier == "about" and lowered.startswith("about ", quantity.start):
        spoken = lowered[max(s_start, quantity.start - 16) : quantity.start].split()
        if spoken and spoken[-1] in _TALKED_ABOUT:
            # "officials were talking about three people killed": a preposition, not "roughly"
            quantity = _without_qualifier(quantity, text)
    elif (
        quantity.qualifier == "up_to"
        and lowered.startswith("up", quantity.start)
        and _WENT_UP_RE.search(lowered, max(s_start, quantity.start - 60), quantity.start)
    ):
        # "revised the toll up to 79", "the count went up to 40": the toll rose to 79, no ceiling.
        quantity = _without_qualifier(quantity, text)
    after = text[quantity.end : min(s_end, quantity.end + 160)]
    after_lower = lowered[quantity.end : min(s_end, quantity.end + 160)]
    # On ASCII, the faster case-sensitive test over the lower-cased text (numbers.caseless).
    if _NOT_PEOPLE_CASELESS.match(after_lower) if after.isascii() else _NOT_PEOPLE_AFTER_RE.match(after):
        return None
    if (
        after_lower[:1] == " "
        and _NAME_NUMBER_RE.fullmatch(quantity.surface)
        and _SPEAKS_AFTER_RE.match(after_lower) is not None
        and _names_before_number(text[max(s_start, quantity.start - 30) : quantity.start])
    ):
        return None  # "Channel 12 reported that ...": the number ends the outlet's name
    if " alive" in after_lower[:60] and _ALIVE_AFTER_RE.match(after_lower) is not None:
        return None  # "78 bodies had been recovered and 104 people pulled alive from the water": the living
    if (
        quantity.qualifier == "exact"
        and quantity.low is not None
        and quantity.low <= 120
        and text[max(0, quantity.start - 2) : quantity.start].rstrip().endswith(",")
        and _AGE_AFTER_NAME_RE.search(text, max(s_start, quantity.start - 40), quantity.start)
        and _AGE_END_RE.match(after)
    ):
        return None  # "Noa Argamani, 26, Almog Meir Jan, 22": ages after names
    # The word right before (str operations only: this runs for every count).
    tail = lowered[quantity.start - 16 if quantity.start > 16 else 0 : quantity.start]
    if tail[-1:] in (" ", "-", "\t"):
        word = tail[:-1].replace("-", " ").replace("\t", " ").rsplit(" ", 1)[-1].rsplit("\n", 1)[-1]
        if word[-1:] == "." and word[:-1] in MONTH_WORDS:
            word = word[:-1]  # "Sept. 18": an abbreviated month
        if "age" in lowered[max(0, quantity.start - 40) : quantity.start] and _AGES_BEFORE_RE.search(
            lowered, max(0, quantity.start - 40), quantity.start
        ):
            return None  # "his two sons, aged 9 and 12": the second age
        if word == "of" and tail.endswith(_PARENT_OF):
            return None  # "a mother of five who had fled Rafah": her children, not a count of victims
        if word == "of" and tail.endswith(("age of ", "ages of ")):
            return None  # "children under the age of five": an age
        if word == "for" and _PROVISION_FOR_RE.search(lowered, max(0, quantity.start - 30), quantity.start):
            return None  # "a convoy carrying food for 60,000 people": who it would feed
        if (
            word in _NOT_PEOPLE_WORD_BEFORE
            and not (word == "from" and _REVISED_FROM_RE.search(tail))
            # "has risen to at least 165 from about 100": the toll's earlier count
            and not (word == "from" and _TO_N_FROM_RE.search(lowered, max(0, quantity.start - 40), quantity.start))
            # "In April dozens of people were killed": a month before a number word is no date.
            and not (word in MONTH_WORDS and not quantity.surface[:1].isdigit())
            # "Since the start of the year more than 400,000 people": a qualified count is no date
            and not ((word in MONTH_WORDS or word == "year") and quantity.number_start > quantity.start)
            and not (word == "us" and "us" in text[quantity.start - 4 : quantity.start])  # "tell us 16"
            # "the largest since 276 students were taken from a school": "since" opens a clause
            and not (word == "since" and _SINCE_CLAUSE_RE.match(after_lower) is not None)
            # "the ward had taken in 23 wounded people": "in" ends a phrasal verb
            and not (word == "in" and tail.rstrip().endswith((" taken in", " took in", " take in", " taking in", " brought in")))
            # "has resulted, in a cumulative toll, in 492 martyrs": "in" before a count of the dead
            and not (word == "in" and _IN_OUTCOME_NOUN_RE.match(after_lower) is not None)
        ):
            return None
    if " in " in lowered[max(s_start, quantity.start - 40) : quantity.start] and _SHARE_OF_RE.search(
        lowered, max(s_start, quantity.start - 40), quantity.start
    ):
        return None  # "nine in ten of Gaza's 2.2 million residents": the whole population
    if _not_a_count(lowered, quantity, after_lower):
        return None
    symbol_from = max(s_start, quantity.start - 5)
    # Every match of the pattern holds one of these characters: skip the search without one.
    if not _SYMBOL_CHARS.isdisjoint(text[symbol_from : quantity.start]) and _SYMBOL_BEFORE_RE.search(
        text, symbol_from, quantity.start
    ):
        return None
    if quantity.low is not None and 1900 <= quantity.low <= 2100 and "," not in quantity.surface:
        if quantity.qualifier == "exact":
            return None  # a year ("in 2024"), never a bare casualty count
        if quantity.qualifier == "range" and quantity.high is not None and quantity.high <= 2100:
            return None  # years ("killed between 2011 and 2014", "in 2023-2024")

    gap = text[context.last_end : quantity.start] if context.last is not None else ""
    # (On ASCII, the same tests run case-sensitive over the lower-cased text: numbers.caseless.)
    ascii_gap = gap.isascii()
    gap_lower = lowered[context.last_end : quantity.start] if gap and ascii_gap else gap
    coordinated = (
        bool(gap)
        and bool(_COORDINATION_CASELESS.match(gap_lower) if ascii_gap else _COORDINATION_RE.match(gap))
        and not (_SUBORDINATE_CASELESS.search(gap_lower) if ascii_gap else _SUBORDINATE_RE.search(gap))
    )
    # "put the toll at 11: eight Iranians, two Syrians and one fighter": the list after the
    # colon breaks the count before it down.
    listed = bool(gap) and gap.strip() == ":"
    # "... rose to 80 on Monday, the governor said, up from 60 the day before": the earlier
    # count of the same toll.
    revised = bool(gap) and (
        bool(_REVISED_FROM_CASELESS.search(gap_lower) if ascii_gap else _REVISED_FROM_RE.search(gap))
        or gap.strip() == "from"  # "has risen to at least 165 from about 100 a day earlier"
        # "revised down the toll to 84 on Thursday, from 103 announced a day earlier"
        or (gap.endswith("from ") and _TIME_THEN_FROM_RE.fullmatch(gap_lower) is not None)
        # "5,601 people were killed in 2024, against 4,789 in 2023": the same count a year before
        or (
            gap_lower.endswith(_COMPARED_ENDS)
            and _COMPARED_TIME_RE.match(lowered, quantity.end) is not None
            and _COMPARED_GAP_RE.search(gap_lower) is not None
        )
    )
    breakdown = False
    inherited: Figure | None = None  # the figure whose category a bare count takes

    outcome: str | None = None
    noun_phrase = ""
    ascii_after = after.isascii()
    split = _BREAKDOWN_CASELESS.match(after_lower) if ascii_after else _BREAKDOWN_RE.match(after)
    whole = context.main
    if whole is None and split and not _PRIOR_COUNT_RE.search(lowered, s_start, quantity.start):
        # A sentence that opens with the breakdown goes on with the paragraph's figure; not
        # "Twenty-five people were rescued, 11 of them from the rubble" (a count of its own).
        whole = context.parent
    if split and whole is not None:
        # "two of them children", "194 of whom ... were executed": part of the figure before,
        # maybe told in the next sentence ("Two of them later died in hospital").
        outcome, breakdown, inherited = whole.outcome, True, whole
        rest = after[split.end() :]
        noun_phrase = _leading_noun_phrase(rest)
        own, _ = _outcome_after(rest.split(",", 1)[0], rest.split(",", 1)[0].lower())
        verb_before = _PART_VERB_BEFORE_RE.search(lowered, max(s_start, quantity.start - 28), quantity.start)
        if own is not None:
            outcome = own  # its own outcome, in its own clause: "later died"
        elif verb_before is not None:
            # "abducted 30 residents, killing five of them": the verb before the part is its own.
            outcome = _PART_VERBS.get(verb_before.group(1), "killed")  # (every other verb kills)
        elif "whereabouts of" in lowered[max(s_start, quantity.start - 40) : quantity.start] and _UNKNOWN_TAIL_RE.search(
            after_lower, 0, 90
        ):
            outcome = "missing"  # "51 people abducted ... the whereabouts of 30 of them are unknown"
    of_the = (
        None
        if outcome is not None
        else _OF_THE_DEAD_CASELESS.match(after_lower)
        if ascii_after
        else _OF_THE_DEAD_RE.match(after)
    )
    if of_the is not None:
        # "90 of the dead were men": a part of the toll told before; its noun, if any, after
        # "were" (men are no category of their own: they keep the toll's).
        # ("32 of these deaths", "15,000 of the displaced": parts of a count too)
        outcome = _OF_THE_OUTCOMES.get(of_the.group("o").lower(), "killed")
        breakdown, inherited = True, context.main or context.parent
        if inherited is not None and inherited.outcome != outcome:
            inherited = None  # "seven women and three children [dead] ... 11 of the wounded"
        rest = after[of_the.end() :]
        # "Three of the wounded children died": the part's own noun
        noun_phrase = of_the.group("n") or _were_noun(rest, inherited)
        if not noun_phrase and (inherited is None or inherited.category == "unknown"):
            noun_phrase = "people"  # "five of the wounded were in critical condition": persons
        clause = rest.split(",", 1)[0]
        own, _ = _outcome_after(clause, clause.lower())
        if own == "killed":
            outcome = own  # "two of the injured had died in hospital": now counted as dead
    if outcome is None and coordinated and context.main is not None and context.last is not context.main:
        listing = _LIST_CUE_RE.search(lowered, max(s_start, quantity.start - 80), quantity.start)
        if listing is not None:
            # "274 killed, among them 21 children and 39 women, and 1,024 wounded": the second
            # part of the list is a part of the toll too, not of the count after it.
            outcome, breakdown, inherited = context.main.outcome, True, context.main
            if " among " in after_lower[:40] and (among := _AMONG_WHICH_RE.match(after_lower)) is not None:
                # "... including 64 children and 57 women among the dead": the part it names.
                outcome = "killed" if among.group(1) in ("dead", "killed", "victims", "fatalities") else "injured"
                inherited = context.last if context.last is not None and context.last.outcome == outcome else None
            noun_phrase = _leading_noun_phrase(after)
    if (
        outcome is None
        and " among " in after_lower[:40]
        and (whole := context.main or context.parent) is not None
        and _AMONG_THEM_RE.match(after)
    ):
        # "34 people were killed, two children among them, and 117 were injured": a part of
        # the count before, whatever verb comes later.
        outcome, breakdown, inherited = whole.outcome, True, whole
        noun_phrase = _leading_noun_phrase(after[: after_lower.find(" among ")])
    if outcome is None:
        outcome, noun_phrase = _outcome_after(after, after_lower)
        if (
            outcome in ("detained", "abducted", "injured", "displaced")
            and _ADJECTIVE_OUTCOME_RE.match(after_lower) is not None
            and _KILLING_OF_BEFORE_RE.search(lowered, max(s_start, quantity.start - 40), quantity.start) is not None
        ):
            # "the killing of 93 captured Ukrainian soldiers", "executed 12 kidnapped workers":
            # the adjective says what they had been; the noun or verb before what befell them.
            outcome = "killed"
        if outcome is not None and " of " in noun_phrase.lower():
            held = _HELD_BEFORE_RE.search(lowered, max(s_start, quantity.start - 30), quantity.start)
            if held is not None:
                # "arrested 12 suspected perpetrators of the recent killings": the outcome word
                # after is what they are suspected of; the verb before is what befell them.
                outcome = "abducted" if held.group(1) in ("abducted", "kidnapped") else "detained"
        if outcome is not None:
            near_before = lowered[max(s_start, quantity.start - 24) : quantity.start]
            among = _AMONG_WHICH_RE.match(after_lower) if " among " in after_lower[:60] else None
            if among is not None and context.main is not None and _INCLUDING_TAIL_RE.search(near_before):
                # "274 killed and 698 wounded, including 64 children and 57 women among the
                # dead": the part says which count it is a part of.
                outcome = "killed" if among.group(1) in ("dead", "killed", "victims", "fatalities") else "injured"
                breakdown = True
                inherited = context.main if context.main.outcome == outcome else None
            elif context.main is not None and _INCLUDING_TAIL_RE.search(near_before):
                # "at least 47 people, including four children, were killed": a part of the
                # figure before, though the verb comes after it.
                breakdown, inherited = True, context.main
                if _PRIOR_COUNT_RE.search(after_lower, 0, _first_outcome_at(after)):
                    # "12 were killed, including three children, and 40 wounded": the
                    # outcome after is the next count's; the part keeps the whole's.
                    outcome = context.main.outcome
            elif _PRIOR_COUNT_RE.search(after_lower, 0, _first_outcome_at(after)):
                # "the abduction of 32 people and 627 arrests": the outcome after belongs to the
                # next count; a cue right before this one wins.
                cue_start = max(s_start, quantity.start - 60)
                cue = _BEFORE_RE.search(text[cue_start : quantity.start])
                if (
                    cue is not None
                    and cue.lastgroup not in (None, "b_including")
                    and cue.lastgroup != "b_displaced"
                ):
                    outcome = cue.lastgroup[2:]
                elif cue is not None and cue.lastgroup == "b_including":
                    # "34 dead, including two children, and 117 injured": a part of the
                    # count before "including", with that count's outcome.
                    words = list(_OUTCOME_WORD_RE.finditer(text, s_start, cue_start + cue.start()))
                    if words:
                        outcome = next(k for k, v in words[-1].groupdict().items() if v)[2:]
                        breakdown = True
    earlier = context.main or context.parent
    if outcome is None and earlier is not None:
        sentence_lower = lowered[s_start : quantity.start]
        were = _WERE_NOUN_RE.match(after)
        if were and _BREAKDOWN_OPENING_RE.match(sentence_lower):
            # "Of those the office documented, 90 were men, 18 were women": a breakdown; men
            # are no category of their own, so they keep the figure's ("90 civilians").
            outcome, breakdown, inherited = earlier.outcome, True, earlier
            noun = were.group("noun").lower()
            noun_phrase = "" if noun in ("men", "people", "persons") else noun
        elif _AMONG_THEM_RE.match(after):
            # "111 people had been injured, and 17 children were among them": a part of the
            # count before, with its outcome.
            outcome, breakdown, inherited = earlier.outcome, True, earlier
            noun_phrase = _leading_noun_phrase(after)
        elif _ALSO_COUNTED_RE.search(sentence_lower) and not _own_cue_before(text, s_start, quantity.start):
            # "It also counted 342 members of the government forces": more of the same toll.
            outcome, inherited = earlier.outcome, earlier
            noun_phrase = _leading_noun_phrase(after)
        elif (
            (opening := _OF_THOSE_HARMED_OPENING_RE.match(sentence_lower)) is not None
            and _category(_leading_noun_phrase(after)) is not None
        ):
            # "Of those killed, our report identifies 134 men and 73 women": a breakdown of the
            # toll before, by the persons the part names (men keep the toll's kind); the
            # opening says which toll ("Among the dead, it said, were ...": the dead).
            opened = opening.group(0)
            outcome = (
                "killed"
                if any(w in opened for w in ("dead", "victims", "killed", "died"))
                else "injured"
                if any(w in opened for w in ("wounded", "injured"))
                else earlier.outcome
            )
            breakdown, inherited = True, earlier if earlier.outcome == outcome else None
            noun_phrase = _leading_noun_phrase(after)
            if noun_phrase.split()[:1] in (["men"], ["persons"]):
                noun_phrase = ""
    if (
        outcome is None
        and earlier is None
        and _AMONG_THEM_RE.match(after)
        and _THE_DEAD_NAMED_RE.search(lowered, s_start, quantity.start)
    ):
        # "the dead are all from the village, and two brothers were among them"
        outcome, noun_phrase = "killed", _leading_noun_phrase(after)
    before_match = None
    caption_verified = False  # (a table's caption: "Civilian casualties verified by HRMMU:")
    before_start = max(s_start, quantity.start - 60)
    if outcome is None:
        # End-anchored searches are the costliest step: only run them when a cue word is near.
        near = lowered[before_start : quantity.start]
        if _holds_any(_BEFORE_STEMS_AUTOMATON, near):
            before_match = _search_from_word_starts(_BEFORE_RE, text[before_start : quantity.start])
        if before_match is None and _holds_any(_THE_DEAD_CUES_AUTOMATON, near):
            before_match = _search_from_word_starts(_THE_DEAD_WERE_RE, text[before_start : quantity.start])
        if before_match is None:
            far_start = max(s_start, quantity.start - 220)
            far = lowered[far_start : quantity.start]
            if "toll" in far or "number" in far or "count of" in far or "tally of" in far or "figure" in far or "fatalities" in far or "losses" in far:
                before_start = far_start
                before_match = _search_from_word_starts(_BEFORE_TOLL_RE, text[far_start : quantity.start])
    if outcome is None and before_match is None:
        mark = lowered[max(s_start, quantity.start - 3) : quantity.start].rstrip()[-1:]
        if mark == "+" and lowered[max(s_start, quantity.start - 4) : quantity.start - 1].rstrip().endswith("|"):
            mark = "|"  # "| Killed | 6,649 | +24 |": a change column's count, as many more
        if not mark and lowered.endswith("   ", 0, quantity.start):
            mark = " "  # a column laid out with spaces, as PDF text gives tables and key-figure boxes
        column = (
            _table_column(text, quantity.start)
            if mark == "|"
            else _spaced_table_column(text, quantity.start)
            if mark == " "
            else None
        )
        label = (
            _LABEL_BEFORE_RE.search(lowered, max(s_start, quantity.start - 100), quantity.number_start)
            if mark in _LABEL_MARKS and column is None
            else None
        )
        if label is not None:
            # "Killed: 2,166; Injured: more than 2,950" (situation-report tables)
            outcome = _LABEL_OUTCOMES[label.group("label")]
            noun_phrase = _leading_noun_phrase(after)
            line_start = text.rfind("\n", 0, label.start()) + 1
            if (
                _category(noun_phrase) is None
                and not text[line_start : label.start()].strip(" -•*–")
                and _category(label.group(0)) is not None
            ):
                noun_phrase = label.group(0)  # a line that opens with its label: "Displaced individuals: 67,321"
            elif _category(noun_phrase) is None:
                # "UN crew members killed - 1": who was counted is named before the label.
                noun_phrase = " ".join(lowered[max(s_start, label.start() - 40) : label.start()].split()[-3:])
        elif mark == ":" and (listed_kind := _list_line_kind(text, quantity.start)) is not None:
            # "- Children: 270" under "Breakdown of the new deaths (Ministry of Health):"
            outcome, noun_phrase = listed_kind
        if mark == ":" and (heading := _list_heading_line(text, quantity.start, _LIST_MARKS)) is not None:
            # "- Deaths: 39" under "the commission said it had documented the following ...:"
            caption_verified = _says_verified(heading[1].lower(), len(heading[1]))
        elif column is not None:
            # "| Kryvyi Rih, 4 April | 20 | 72 |" under "| Attack | Killed | Injured |": the
            # column's heading (or the row's label) says the outcome; the heading or the table's
            # caption says who.
            outcome, noun_phrase, caption = column
            caption_verified = _says_verified(caption.lower(), len(caption))
    if before_match is not None:
        name = before_match.lastgroup or ""
        noun_phrase = _leading_noun_phrase(after)
        if name == "b_including":
            breakdown = True
            cue_at = before_start + before_match.start()
            # An outcome said after the whole figure is of an uncounted group: "12 people were
            # killed, and several people were abducted, among them five children".
            since = context.last_end if context.main is not None and context.last_end > s_start else s_start
            words = list(_OUTCOME_WORD_RE.finditer(text, since, cue_at))
            said = next(k for k, v in words[-1].groupdict().items() if v)[2:] if words else None
            whole = context.main
            if whole is None and context.parent is not None and not words and _PART_OPENING_RE.match(text, s_start):
                whole = context.parent  # "400 people have been killed. Among them were nine aid workers"
            if whole is not None and said in (None, whole.outcome):
                outcome, inherited = whole.outcome, whole
            elif said is None:  # "people still missing, including two children"
                return None
            else:
                outcome = said
        elif (
            name == "b_missing"
            and before_match.group(name).lower().startswith(("whereabouts", "fate"))
            and not _UNKNOWN_TAIL_RE.search(after_lower, 0, 90)
        ):
            return None  # "the whereabouts of the 12 men are known", "decide the fate of 40 detainees": no one missing
        elif name == "b_displaced" and before_match.group(name).lower().startswith(("forc", "driv", "drov")):
            if not _FORCED_TAIL_RE.match(after):
                return None
            outcome = "displaced"
        elif name == "b_displaced" and before_match.group(name).lower().startswith(("evac", "shelt", "hous", "host")):
            if _category(noun_phrase) in (None, "fighters", "security_forces") or _HURT_NOUN_RE.search(noun_phrase):
                # "evacuated 12 wounded soldiers", "evacuated 40 soldiers from the base", "housing
                # 300 tents": not people made to flee
                before_match, noun_phrase = None, ""
            else:
                outcome = "displaced"
        elif name == "b_injured" and before_match.group(name).lower().startswith("treat"):
            if not _TREATED_TAIL_RE.match(after):
                return None  # "treated 300 patients" says nothing about how they were hurt
            outcome = "injured"
        elif name == "b_abducted" and before_match.group(name).lower().startswith(
            ("hold", "held", "tak", "took")
        ):
            # ("the gunmen also took away about 15 women": persons taken away are abducted)
            taken_away = lowered.endswith(("took away ", "taken away ", "taking away "), max(s_start, quantity.start - 40), before_start + before_match.end())
            if not _HOSTAGE_TAIL_RE.match(after) and not (taken_away and _category(_leading_noun_phrase(after)) is not None):
                return None  # "held 5 meetings", "took 3 days"
            outcome = "abducted"
        elif before_match.group(name).lower().startswith(("lost", "losing", "eliminat")):
            # "lost 40 soldiers": killed, when persons are counted (not "lost 200 homes").
            if _category(noun_phrase) is None:
                return None
            outcome = "killed"
        else:
            outcome = name[2:]
    if (
        outcome == "displaced"
        and after_lower.startswith((" displaced ", " internally displaced "))
        and (harm := _HARM_RIGHT_BEFORE_RE.search(lowered, max(s_start, quantity.start - 40), quantity.start)) is not None
    ):
        # "a strike killed five displaced people sheltering in the building": what befell them
        # is the verb before; "displaced" says who they were.
        outcome = "injured" if harm.group(1).startswith(("wound", "injur")) else "killed"
    total_kind: str | None = None  # who a running total counts, when it says ("the number killed": none)
    if outcome is None and before_match is None and "bring" in lowered[max(s_start, quantity.start - 100) : quantity.start]:
        bringing = _BRINGING_RE.search(lowered, max(s_start, quantity.start - 100), quantity.start)
        if bringing is not None:
            # "..., bringing the number killed to 35", "400,000 displaced ..., bringing the
            # total in eastern Congo to more than 6.5 million": the running total.
            what = bringing.group("what")
            said_in_total = _OUTCOME_WORD_RE.search(what)
            if said_in_total is not None:
                outcome = next(k for k, v in said_in_total.groupdict().items() if v)[2:]
                total_kind = _category(what) or "unknown"  # (a toll's own noun, or none)
            elif "toll" in what or "death" in what:
                outcome, total_kind = "killed", "unknown"
            elif context.last is not None:
                outcome, inherited, breakdown = context.last.outcome, context.last, True
                noun_phrase = ""
    if outcome is None and (listed or revised) and context.last is not None:
        # (an earlier count of the toll is of the toll, not of its last part: "rose to 11,
        # including three children, ..., up from eight")
        whole = context.main if revised and context.main is not None else context.last
        outcome, inherited, breakdown = whole.outcome, whole, True
        noun_phrase = _leading_noun_phrase(after)
        if revised and _category(noun_phrase) is None:
            noun_phrase = ""  # "up from 60 the day before": no noun of its own
    if outcome is None and before_match is None and (earlier := context.last or context.parent or context.previous):
        if _ANAPHORIC_TOLL_CASELESS.search(lowered, max(s_start, quantity.start - 90), quantity.start) is not None:
            # "By Tuesday the figure had climbed to 100", "had raised it to 34", "gave a new
            # figure of 18": the toll told before, counted again; a toll names no one.
            outcome = earlier.outcome
            noun_phrase = _leading_noun_phrase(after)
            total_kind = _category(noun_phrase) or "unknown"
    elif (
        outcome is None
        and before_match is None
        and "toll" in lowered[max(0, s_start - 160) : s_start]
        and _ANAPHORIC_TOLL_CASELESS.search(lowered, max(s_start, quantity.start - 90), quantity.start) is not None
        and _TOLL_BEFORE_RE.search(lowered, max(0, s_start - 160), s_start) is not None
    ):
        # "The death toll rose again on Saturday. The Investigative Committee put it at 133":
        # the toll the sentence before named without a count.
        outcome, noun_phrase = "killed", _leading_noun_phrase(after)
        total_kind = _category(noun_phrase) or "unknown"
    if outcome is None:
        outcome, noun_phrase = _outcome_after_relative(after)
    if (
        outcome is None
        and coordinated
        and context.last is not None
        and _has_own_verb(after)
        # (not a verb of the whole: "The bodies of three women and three children were recovered")
        and not any(
            cue in lowered[max(s_start, context.last_end - 45) : context.last_end] for cue in ("bodies of ", "remains of ")
        )
    ):
        coordinated = (
            False  # "16 militants have been killed and dozens of passengers have been allowed to leave"
        )
    if outcome is None and coordinated and context.last is not None:
        # "killed 10 women and five children": the second count shares the first one's outcome.
        outcome, inherited = context.last.outcome, context.main or context.last
        breakdown = context.last is not context.main
        noun_phrase = _leading_noun_phrase(after)
        if not noun_phrase.strip() and after.lstrip().startswith(("were ", "was ")):
            # "90 of the dead were men, 18 were women and three were children"
            noun_phrase = _were_noun(after, inherited)
    if (
        outcome is None
        and ("hostage" in after_lower[:40] or "captive" in after_lower[:40])
        and _HOSTAGES_RE.match(after_lower)
        and not _FREED_RE.search(after_lower[:80])
        and not _FREED_RE.search(lowered, max(s_start, quantity.start - 30), quantity.start)
    ):
        # "About 120 hostages are believed to remain in Gaza": hostages are held, whatever
        # the verb (not when they are freed or rescued).
        outcome, noun_phrase = "abducted", _leading_noun_phrase(after)
    if (
        outcome == "killed"
        and ("eliminat" in noun_phrase.lower() or "neutrali" in noun_phrase.lower())
        and _category(noun_phrase) in (None, "unknown")
    ):
        return None  # "12 posts were eliminated": not persons
    if outcome == "detained" and "hostage" in after_lower[:40] and _HOSTAGES_RE.match(after_lower):
        outcome = "abducted"  # "the remaining 59 hostages held in Gaza"
    if outcome == "detained" and " by " in lowered[s_start:s_end] and _HELD_BY_ARMED_RE.search(lowered, s_start, s_end):
        # "held for three days by armed men", "held by Yemen's Houthi movement", "seized by the
        # Houthis ... still being held": taken by an armed group, not arrested by a state
        outcome = "abducted"
    if outcome is not None and "alive" in after_lower[:50] and _ALIVE_RE.match(after_lower):
        return None  # "of whom 24 are believed to be alive": the living are no casualty figure
    if outcome is None:
        return None
    if _is_thing(noun_phrase):
        return None
    if outcome == "injured" and "died" in after_lower[:120] and _DIED_LATER_RE.search(after_lower, 0, 120):
        outcome = "killed"  # "was severely wounded and later died of his wounds"
    if (
        outcome in ("displaced", "injured", "abducted")
        and after_lower.lstrip().startswith(("displaced", "wounded", "injured", "abducted", "kidnapped", "more ", "other "))
        and (later := _ADJECTIVE_THEN_VERB_RE.match(after_lower))
    ):
        # "three displaced persons were killed": the adjective says who, the verb what befell them.
        outcome = next(k for k, v in later.groupdict().items() if v)
        outcome = "killed" if outcome == "died" else outcome
    if outcome == "killed" and _incident_count(after[:60], after_lower[:60]):
        return None
    if outcome == "displaced" and ("return" in after_lower or " back" in after_lower or " home" in after_lower) and _RETURNED_RE.match(after_lower):
        return None  # "1.2 million displaced Syrians have gone back": returnees, no casualty

    # "10 others wounded" is the noun of the clause again; "one more person" is a person.
    category = None if _OTHERS_RE.match(noun_phrase) else _category(noun_phrase)
    if category is None and noun_phrase.split()[:1] and noun_phrase.split()[0].lower() in _EVENT_NOUNS:
        category = "unknown"  # "32 cases of enforced disappearance", "627 arrests": counts of events (rulebook)
    if (
        breakdown
        and inherited is not None
        and category == "people"
        and inherited.category not in ("people", "unknown")
        and _leading_noun_phrase(after).split()[:1] in (["men"], ["people"], ["persons"], ["adults"])
    ):
        # "111 civilians, among them 90 men": men are no category of their own; they keep
        # the whole's (tests/data/README.md).
        category = inherited.category
    if (
        before_match is not None
        and before_match.re is _BEFORE_TOLL_RE
        and "losses" in before_match.group(0).lower()
        and _category(_leading_noun_phrase(after)) in (None, "unknown")
    ):
        return None  # "reported losses of 40 million": money; "losses at 340 servicemen" are persons
    if category is None and before_match is not None and before_match.re is not _THE_DEAD_WERE_RE:
        phrase = before_match.group(0)
        if before_match.re is _BEFORE_TOLL_RE:
            # "the death toll from Sunday's bombing at a workers' convention rose to 54": who
            # was counted is named before a place or an occasion, not inside it.
            phrase = _TOLL_OCCASION_RE.split(phrase, 1)[0]
        category = _category(phrase)
        if category is None and " family of" in before_match.group(0).lower():
            category = "people"  # "killed a family of five"
        if category is None and before_match.re is _BEFORE_TOLL_RE and _category(_leading_noun_phrase(after)) is None:
            category = "unknown"  # "bringing the death toll to 40": a toll names no one, whatever came before
    if category is None and lowered.endswith("family of ", max(s_start, quantity.start - 12), quantity.start):
        category = "people"  # "a family of four ... is still unaccounted for"
    if category is None and after.startswith((" were ", " was ", " are ", " is ")):
        # "..., 18 were women and three were children": the noun after "were".
        category = _category(_were_noun(after, inherited or context.main or context.last))
    if category is None:
        # A bare count takes the noun of its clause: "killing 54 people and wounding 158".
        others = _OTHERS_RE.match(noun_phrase) is not None
        if inherited is None and context.last is not None and (others or not _subordinate_between(gap)):
            # ("two soldiers were killed while four others were wounded": "others" are more of
            # the same kind, whatever the clause)
            inherited = context.main or context.last
        if (
            inherited is None
            and context.main is None
            and context.parent is not None
            and _BREAKDOWN_OPENING_RE.match(lowered[s_start : quantity.start]) is not None
        ):
            # "Our Office had recorded 798 people killed. Of these, 615 were killed near the
            # sites": a part of the count before, of its kind.
            inherited, breakdown = context.parent, True
        if (
            inherited is None
            and context.parent is not None
            and (
                lowered.endswith(("another ", "a further "), max(s_start, quantity.start - 10), quantity.start)
                or _OTHERS_RE.match(noun_phrase) is not None  # "Eleven more were wounded"
            )
        ):
            inherited = context.parent  # "14 people were killed ... Another 20 were wounded"
        if inherited is not None:
            category = inherited.category
            if category == "unknown" and others and noun_phrase.lstrip()[:5].lower() == "other":
                category = "people"  # "We have counted 20 dead. Ten others are in hospital": persons
            elif category == "unknown" and (
                (split and breakdown)
                # "put the number of injured at 50, of whom 12 remained in hospital"
                or lowered.endswith(("of whom ", "among whom ", "among them ", "including "), max(s_start, quantity.start - 12), quantity.start)
            ):
                # "We have documented 22 deaths, 19 of them in Nairobi": a part of the dead is
                # persons, whatever the toll called them (tests/data/README.md)
                category = "people"
        else:  # "detained 53 others", "40 of them died": persons, even with no noun before to take
            # ("Of the dead, 17 were killed here": a part of the dead, told in another paragraph)
            # (not "Of those, the network attributed 383 deaths to ...": a count of deaths, rulebook)
            part = _IN_OUTCOME_NOUN_RE.match(after_lower) is None and (
                _BREAKDOWN_OPENING_RE.match(lowered[s_start : quantity.start]) is not None
                # "Of the survivors, 11 were taken to hospital": a part of persons named before
                or _PERSONS_OPENING_RE.match(lowered, s_start, quantity.start) is not None
            )
            category = "people" if _OTHERS_RE.match(noun_phrase) or split or part else "unknown"

    if category in ("unknown", "people") and ", all" in after_lower[:30] and (whole_kind := _ALL_OF_THEM_RE.match(after_lower)):
        # "put the toll at 13, all of them civilians": the whole count is of that kind.
        category = _category(whole_kind.group(1)) or category
    if category in ("unknown", "people") and after_lower.startswith(" of them") and _OF_THEM_RE.match(after_lower):
        # "ambushed a bus carrying Syrian soldiers, killing 23 of them": whom "them" names,
        # the last persons named before the count in the sentence.
        named = [m.lastgroup for m in _CATEGORY_CASELESS.finditer(lowered, s_start, quantity.start)]
        if named and named[-1] not in ("unknown", None):
            category = named[-1]
    if (
        outcome == "displaced"
        and category in ("fighters", "security_forces")
        and (
            "crossed" in after_lower[:90]
            or " left " in after_lower[:60]
            or " toward" in after_lower[:40]
            or " arrived " in after_lower[:60]
            or " arriving" in after_lower[:60]
        )
    ):
        # "200 soldiers crossed into Kursk", "troops left the town": not people fleeing; but
        # "had lost more than 57,000 troops in Kursk since its forces crossed the border": the
        # verb before the count says what befell them.
        cue = _search_from_word_starts(_BEFORE_RE, text[max(s_start, quantity.start - 60) : quantity.start])
        if cue is None or cue.lastgroup != "b_killed":
            return None
        outcome = "killed"
    if outcome == "displaced" and " arriv" in after_lower[:80] and _TRAVELLERS_RE.match(after_lower):
        return None  # "an estimated 60,000 migrants ... arrived in Yemen last year": a journey, not flight
    if total_kind is not None:
        category = total_kind
    if outcome == "detained" and _OF_THOSE_TAKEN_RE.match(lowered, s_start, quantity.start) is not None:
        # "Of those taken a year ago, 97 are still held in Gaza": hostages still held, persons
        outcome, category = "abducted", "people" if category == "unknown" else category
    sentence_text = text[s_start:s_end]
    figure = Figure(
        id=stable_id("fig-", report_id, quantity.number_start, outcome),
        report_id=report_id,
        low=quantity.low,
        high=quantity.high,
        qualifier=quantity.qualifier,
        category=category,
        outcome=outcome,
        attributed_to=_own_according(sentence_text, quantity.end - s_start, sources, s_start)
        or _own_speaker(sentence_text, quantity.start - s_start, sources, s_start)
        or _speaker_before_later_according(sentence_text, quantity.start - s_start, sources, s_start)
        or _speaker_after_before_according(sentence_text, quantity.end - s_start, sources, s_start)
        or sources.for_sentence(s_start, sentence_text)
        or _list_line_source(text, s_start, quantity.start)
        or _footnote_source(text, quantity.end, s_end),
        verified=caption_verified or _says_verified(lowered[s_start:s_end], quantity.start - s_start),
        start=s_start,
        end=s_end,
        surface=quantity.surface,
    )
    if breakdown and inherited is not None and inherited.start == s_start and inherited.attributed_to:
        # A part of a count in the same sentence has that count's source ("..., an assault that
        # the United Nations said had killed more than 100 people, among them 20 children").
        # (After the sentence's own source was looked up: that lookup remembers it for later.)
        figure = replace(figure, attributed_to=inherited.attributed_to)
    # (and in a body's own statement: "Two of our members were killed while on duty")
    if category == "people" and figure.attributed_to and after_lower.startswith((" of its", " of their", " of our")) and _ITS_MEMBERS_RE.match(after_lower):
        # "The Internal Security Forces said two of its members were killed": the source's own
        # members, of the source's kind.
        own_kind = _category(figure.attributed_to)
        if own_kind is None and _FORCES_MINISTRY_RE.search(figure.attributed_to):
            own_kind = "security_forces"  # an interior or defence ministry's members are its forces
        if own_kind in ("security_forces", "fighters"):
            figure = replace(figure, category=own_kind)
    context.last, context.last_end = figure, quantity.end
    if not breakdown:
        context.main = figure
    return figure


# A reporting verb right after a number ("Channel 12 reported that"), not a passive toll
# ("12 reported killed").
_SPEAKS_AFTER_RE = re.compile(
    r" (?:said|says|reported|reports|told|tells|quoted|cited|aired|broadcast|gave|gives|put|puts)\b"
    r"(?! (?:killed|dead|missing|injured|wounded|kidnapped|abducted|hurt)\b)"
    # "according to Suwayda 24, a local news network": the name, then what it is
    r"|, (?:a|an) (?:[a-z-]+ ){0,3}(?:network|outlet|channel|station|site|website|agency|monitor|group|service|page)\b"
)
# A note's mark after a count ("have been killed[2],") and the note it points to, on a line of
# its own further down ("[2] Figure from the Ombudsman's Office, 21 January 2025.").
_FOOTNOTE_MARK_RE = re.compile(r"\[(\d{1,2})\]")
_FOOTNOTE_SOURCE_RE = re.compile(
    r"(?:(?:preliminary|provisional|official|latest)\s+)?"
    r"(?:(?:figures?|data|estimates?|numbers?|tolls?|counts?)\s+(?:from|by|of|provided\s+by|compiled\s+by)\s+"
    r"|source:\s*|according\s+to\s+)?"
    r"(?P<src>[^,;(.\n]{3,80}?)(?:\s+(?:estimates?|figures?|data|count|tally|report))?\s*(?:[,;(.]|$)",
    re.IGNORECASE,
)


def _footnote_source(text: str, at: int, sentence_end: int) -> str | None:
    """The source a footnote names for a count whose sentence carries the note's mark."""
    window_end = min(len(text), sentence_end + 4)
    if "[" not in text[at:window_end]:
        return None  # (cheap: most sentences have no note)
    mark = _FOOTNOTE_MARK_RE.search(text, at, window_end)
    if mark is None:
        return None
    note = re.search(rf"(?m)^[ \t]*\[{mark.group(1)}\][ \t]*(?P<note>\S[^\n]*)", text[mark.end() :])
    if note is None:
        return None
    found = _FOOTNOTE_SOURCE_RE.match(note.group("note"))
    if found is None or not _names_a_source(found.group("src")):
        return None
    return _normalise_source(found.group("src").strip(), at_sentence_start=False)


_PARENT_OF = ("mother of ", "father of ", "parent of ", "parents of ", "grandmother of ", "grandfather of ")
def _own_cue_before(text: str, s_start: int, at: int) -> bool:
    """Whether words right before a count say what befell it ("also documented the abduction
    of 32 people": abducted, not more of the toll told before)."""
    cue = _BEFORE_RE.search(text, max(s_start, at - 60), at)
    return cue is not None and cue.lastgroup not in (None, "b_including")


def _not_a_count(lowered: str, quantity: Quantity, after_lower: str) -> bool:
    """Numbers that count no victims, told by the words right after them: "one of the deadliest
    attacks", "a relative of one of the dead", "one woman told us", "displaced five, six, seven
    times", "one in six of its people", "4 out of every 10 displaced persons"."""
    if " times" in after_lower[:30] and _TIMES_AFTER_RE.match(after_lower):
        return True
    if (" in " in after_lower[:12] or " out of " in after_lower[:12]) and _RATIO_AFTER_RE.match(after_lower):
        return True
    if lowered.endswith("out of every ", 0, quantity.start):
        return True
    if quantity.low != 1 or quantity.high != 1:
        return False
    if lowered.endswith(("every ", "each "), 0, quantity.start):
        return True  # "Every one of them has a name": all of them, no count
    if after_lower.startswith(" of the ") and (
        lowered.endswith(" of ", 0, quantity.start) or _SUPERLATIVE_AFTER_RE.match(after_lower)
    ):
        return True  # "a relative of one of the victims", "one of the deadliest attacks"
    return _ONE_SPEAKER_AFTER_RE.match(after_lower) is not None  # "one woman told reporters"


_SMALL_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_TIMES_AFTER_RE = re.compile(rf"(?:\s*,\s*{_SMALL_NUMBER})*\s*,?\s+times\b")
_RATIO_AFTER_RE = re.compile(
    rf"\s+(?:in|out\s+of)\s+(?:every\s+)?{_SMALL_NUMBER}\b"
    # (not "12 in 10 days", "3 in 20 villages": a count, then where or when)
    r"(?!\s*(?:people|civilians|children|cases|days?|weeks?|months?|years?|hours?|minutes?|separate|different"
    r"|attacks?|incidents?|villages?|towns?)\b)"
)
_SUPERLATIVE_AFTER_RE = re.compile(r" of the (?:[a-z]+est|most|worst|largest|biggest|best)\b")
_ONE_SPEAKER_AFTER_RE = re.compile(
    r"\s+(?:woman|man|resident|survivor|witness|mother|father|nurse|doctor|official|volunteer|villager)\s+"
    r"(?:told|said|says|tells|recalled|recalls|described|added)\b"
)
_AGES_BEFORE_RE = re.compile(r"\baged?\s+(?:\d+\s*(?:,|and|or|to|-)\s*)+$")
# Not after "the": "relatives searching for the missing: 1545" is a phone line, not a label.
_LABEL_BEFORE_RE = re.compile(
    r"(?<!\bthe\s)\b(?P<label>killed|dead|died|deaths|fatalities|injured|wounded|injuries|missing|displaced|abducted|kidnapped"
    r"|neutralised|neutralized"  # a communique's list: "Terrorists neutralised: around fifty"
    # (dates in brackets may sit in the label: "People killed in the attacks on Zamzam (11–13 April): 400";
    # or a day of a month: "Killed since 7 October: 35,709")
    r"|detained|arrested|abductions|kidnappings|arrests|detentions|disappearances)\b"
    r"(?:[^:.;\d|(]|\b\d{1,2}\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\([^():;|]{0,30}\)){0,90}"
    # ("Injured still in hospital              96": a label and its count laid out with spaces)
    r"(?::|\||\s[-–—]|[ \t]{3,})\s*"
    r"(?:at\s+least\s+|about\s+|more\s+than\s+|an\s+estimated\s+|some\s+|around\s+|nearly\s+|over\s+|between\s+)?$"
)
_LABEL_MARKS = frozenset(":|-–— ")
def _heading_outcome(heading: str) -> str | None:
    """The outcome a table heading or a list's heading names ("Killed", "new deaths"): the
    words of the situation-report labels (_LABEL_OUTCOMES)."""
    match = _HEADING_OUTCOME_RE.search(heading)
    return _LABEL_OUTCOMES[match.group(1).lower()] if match is not None else None


def _list_heading_line(text: str, start: int, marks: tuple[str, ...]) -> tuple[int, str] | None:
    """For a line of a list or a table (opening with one of ``marks``), the line that
    introduces it, if it ends with a colon ("Breakdown of the new deaths (Ministry of Health):");
    blank lines and the list's other lines are passed over."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text.startswith(marks, line_start):
        return None
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous : line_start - 1].strip()
        if not line or line.startswith(marks):
            line_start = previous
            continue
        # ("KEY FIGURES (Gaza health ministry, as of 21:40)": a heading in capitals says it too)
        return (previous, line) if line.endswith(":") or _CAPS_HEADING_RE.match(line) else None
    return None


_CAPS_HEADING_RE = re.compile(r"[A-Z][A-Z0-9 ,'’&/-]{3,60}(?:\([^()]{3,80}\))?$")


def _list_line_kind(text: str, at: int) -> tuple[str, str] | None:
    """For "- Children: 270" in a list, the outcome its heading line names and the label."""
    line_start = text.rfind("\n", 0, at) + 1
    if not text.startswith(_LIST_MARKS, line_start):
        return None
    label = text[line_start:at].strip(" -•*–:").strip()
    if not label or _category(label) is None:
        return None
    heading = _list_heading_line(text, at, _LIST_MARKS)
    outcome = _heading_outcome(heading[1]) if heading is not None else None
    return (outcome, label.lower()) if outcome is not None else None


def _is_table_row(text: str, line_start: int) -> bool:
    """Whether the line at ``line_start`` is a row of a table drawn with bars: Markdown's
    "| a | b |", or, as tables come out of PDFs, "a | b | c" (two bars at least)."""
    if text.startswith("|", line_start):
        return True
    line_end = text.find("\n", line_start)
    return text.count("|", line_start, len(text) if line_end < 0 else line_end) >= 2


def _table_column(text: str, at: int) -> tuple[str, str, str] | None:
    """For a count in a cell of a table drawn with bars, the outcome its column's heading
    names and the words that say who was counted (the heading, else the table's caption line)."""
    line_start = text.rfind("\n", 0, at) + 1
    if not _is_table_row(text, line_start):
        return None
    column = text.count("|", line_start, at)
    heading_start = _table_start(text, line_start)
    if heading_start == line_start:
        return None  # the count is in the heading row itself
    heading = text[heading_start : text.find("\n", heading_start)].split("|")
    if column >= len(heading):
        return None
    cell = heading[column]
    outcome = _heading_outcome(cell)
    if outcome is None:
        # "| Killed | 792 | 50,021 |": the row's own label says it, for every count in the row.
        line_end = text.find("\n", line_start)
        row = text[line_start : len(text) if line_end < 0 else line_end].split("|")
        label = 1 if text.startswith("|", line_start) else 0  # (the cell before a leading bar is empty)
        if len(row) < label + 2 or column < label + 1 or any(c.isdigit() for c in row[label]):
            return None
        outcome = _heading_outcome(row[label])
        if outcome is None:
            return None
        cell = row[label]
    caption = _table_caption(text, heading_start)
    who = cell if _category(cell) is not None else caption
    return outcome, who.lower(), caption


_COUNTED_BY_RE = re.compile(r"\s(?:by|from|according\s+to)\s", re.IGNORECASE)
_SPACED_CELL_RE = re.compile(r"\S+(?: \S+)*")  # a cell: words with single spaces between


def _spaced_table_column(text: str, at: int) -> tuple[str, str, str] | None:
    """For a count in a column of a table laid out with spaces (PDF text: "Province    Killed
    Injured" above "Balochistan    6    14    22"), the outcome its column's heading names, the
    words that say who was counted, and the table's caption. The heading is the block's first
    lines without a digit ("Terrorists" over "neutralised"); the column is the heading cell
    nearest the count's position on its line."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if "|" in line or len(_SPACED_ROW_RE.findall(line)) < 2:
        return None  # (a row has two columns at least after its label)
    # The block: the lines above up to a blank line.
    block_start = line_start
    while block_start > 0:
        previous = text.rfind("\n", 0, block_start - 1) + 1
        if not text[previous : block_start - 1].strip():
            break
        block_start = previous
    block = text[block_start:line_start].split("\n")[:-1]
    heading_lines: list[str] = []
    own_caption: list[str] = []
    for above in block:
        if not heading_lines and "  " not in above.strip():
            own_caption = [above]  # a caption right above the heading ("Table 1: People killed ...")
            continue
        if any(c.isdigit() for c in above):
            break
        heading_lines.append(above)
    if not heading_lines:
        return None
    column = (at - line_start) + 1
    cells: list[str] = []
    for heading in heading_lines:
        nearest = min(
            _SPACED_CELL_RE.finditer(heading),
            key=lambda m: 0 if m.start() <= column < m.end() + 2 else min(abs(m.start() - column), abs(m.end() - column)),
            default=None,
        )
        if nearest is not None and (nearest.start() - 6 <= column <= nearest.end() + 6):
            cells.append(nearest.group(0))
    cell = " ".join(cells)
    outcome = _heading_outcome(cell) if cell else None
    if outcome is None:
        return None
    caption = (block_start, " ".join(own_caption)) if own_caption else _spaced_block_caption(text, block_start)
    # Who was counted, from the caption's words before who counted them ("Deaths and injuries
    # recorded by Frontier Security Watch from police ... reports": no kind; "CIVILIAN
    # CASUALTIES VERIFIED BY HRMMU": civilians).
    counted = _COUNTED_BY_RE.split(caption[1], 1)[0] if caption else ""
    who = cell if _category(cell) is not None else counted
    return outcome, who.lower(), caption[1] if caption else ""


def _spaced_block_caption(text: str, block_start: int) -> tuple[int, str] | None:
    """The paragraph right above a block laid out with spaces (maybe past one blank line):
    its caption ("Deaths and injuries recorded by Frontier Security Watch from police, hospital
    and ISPR reports", "KEY FIGURES (IOM Displacement Tracking Matrix, as of 13 April)"), its
    lines joined; (start, text)."""
    end = block_start - 1
    if end > 0 and text[text.rfind("\n", 0, end - 1) + 1 : end].strip() == "":
        end = text.rfind("\n", 0, end - 1)  # one blank line between
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1  # the caption's last line, then up to two more
    for _ in range(2):
        if start == 0:
            break
        previous = text.rfind("\n", 0, start - 1) + 1
        if not text[previous : start - 1].strip():
            break
        start = previous
    caption = " ".join(text[start:end].split())
    return (start, caption) if caption else None


def _spaced_line(text: str, at: int) -> int | None:
    """The start of the line at ``at`` if it is laid out with spaces (a row of a table or a
    key-figure box: a run of three spaces or more between its words and its count)."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line_start if "|" not in line and _SPACED_ROW_RE.search(line) else None


_SPACED_ROW_RE = re.compile(r"\S   +\S")


def _table_start(text: str, line_start: int) -> int:
    """The start of the first row of the table whose row starts at ``line_start``."""
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if not _is_table_row(text, previous):
            break
        line_start = previous
    return line_start


def _table_caption(text: str, heading_start: int) -> str:
    """The line right before a table: a caption ("Civilian casualties verified by HRMMU:"),
    or of a paragraph, its first sentence, which introduces the table ("AAPP has verified the
    following numbers of people killed ..."); the rest is aside."""
    caption_end = heading_start - 1
    if caption_end <= 0:
        return ""
    caption = text[text.rfind("\n", 0, max(0, caption_end - 1)) + 1 : caption_end]
    if not caption.rstrip().endswith(":"):
        first_end = caption.find(". ")
        caption = caption[: first_end + 1] if first_end >= 0 else caption
    return caption
_LABEL_OUTCOMES = {
    "killed": "killed",
    "died": "killed",  # ("five people died: four women ... and a boy")
    "neutralised": "killed",
    "neutralized": "killed",
    "dead": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "missing": "missing",
    "displaced": "displaced",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "detained": "detained",
    "arrested": "detained",
    # (counts of events: "Abductions: 32", "Arrests: 627")
    "abductions": "abducted",
    "kidnappings": "abducted",
    "arrests": "detained",
    "detentions": "detained",
    "disappearances": "missing",
}
_HEADING_OUTCOME_RE = re.compile(r"\b(" + "|".join(_LABEL_OUTCOMES) + r")\b", re.IGNORECASE)
_REVISED_FROM_RE = re.compile(
    r"\b(?:up|down|revised|raised|lowered|rose|risen|rising|climbed|climbing|increased|jumped|grew|soared"
    r"|fell|dropped)\s+from\s+(?:(?:an?|the)\s+(?:earlier|previous|initial)\s+"
    r"(?:toll|count|figure|tally)\s+of\s+|the\s+)?$",  # ("up from the 16 that the army first reported")
    re.IGNORECASE,
)
_REVISED_FROM_CASELESS = caseless(_REVISED_FROM_RE)
_COMPARED_ENDS = ("against ", "compared with ", "compared to ", "versus ", "vs ", "vs. ")
_COMPARED_GAP_RE = re.compile(r"(?:^|[,;(]\s*|\s)(?:against|compared\s+(?:with|to)|versus|vs\.?)\s+$")
# ("against 4,789 in 2023": only with a time after it; "fought against 40 gunmen" is no count of the toll)
_COMPARED_TIME_RE = re.compile(
    r"\s+(?:in\s+(?:19|20)\d\d|a\s+year\s+(?:earlier|before|ago)|the\s+(?:year|month|week)\s+before"
    r"|(?:in\s+the\s+)?(?:last|previous|same)\s+(?:year|month|week|period))\b"
)
# A toll referred back to: "the figure had climbed to", "that figure was raised to", "a new
# figure of", "the tally it gave on Monday had been", "had raised it to", "put it at".
_ANAPHORIC_TOLL_RE = re.compile(
    r"(?:\b(?:the|that|this|its|their|his|her|a|an)\s+(?:(?:new|revised|updated|latest|earlier|previous|initial"
    r"|first|official|final|last)\s+)?(?:figure|tally)(?:\s+[\w'’-]+){0,6}?\s+(?:to|at|of|been|was|is|reached)"
    r"|\b(?:raised|revised|lowered|updated|brought|pushed|put|puts|putting|placed)\s+it\s+(?:up\s+|down\s+)?(?:to|at)"
    # "The toll stood at 20 on Monday. It has since risen to 35"
    r"|\bit\s+(?:(?:has|had)\s+(?:since\s+|now\s+|then\s+|also\s+)?(?:risen|climbed|increased|grown|jumped|fallen|dropped)\s+to"
    r"|(?:since\s+|then\s+|later\s+)?(?:rose|climbed|increased|jumped|fell|dropped)\s+to|(?:now\s+)?(?:stands|stood)\s+at))"
    r"\s+$",
    re.IGNORECASE,
)
_ANAPHORIC_TOLL_CASELESS = caseless(_ANAPHORIC_TOLL_RE)
# A toll named in the sentence before, with no count of its own (lower-cased text).
_TOLL_BEFORE_RE = re.compile(r"\b(?:death\s+)?toll\b[^.!?\d]*[.!?][\"”]?\s*$")
# "Five former FARC fighters who had laid down their weapons ... were also killed": a
# relative clause between the count's noun and its verb. The verb must be passive ("were
# killed"), so "three gunmen who killed a woman and wounded two" gives the gunmen nothing.
_RELATIVE_AFTER_RE = re.compile(
    rf"""\s*(?P<np>(?:{_NP_WORD}\s+){{1,5}}?)(?:,\s*)?(?:who|whom|that)\s+[^,.;:]{{1,120}}?,?\s+
    (?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:{_AUX}\s+)*(?:{_OUTCOME_RE_PART})\b""",
    re.IGNORECASE | re.VERBOSE,
)

# A clause in commas after the persons counted: "two of our volunteers, who were killed".
# (With no noun too: "180 wounded people and 28 who were already dead", "and 28 who died".)
_WHO_WERE_RE = re.compile(
    rf"""\s*(?P<np>(?:(?:{_NP_WORD}\s+){{0,8}}?{_NP_WORD})?),?\s*who\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been
    |remain|remained|are\s+still|were\s+still)\s+(?:{_AUX}\s+)*
    |(?:later\s+|subsequently\s+|also\s+)?(?=(?:died|perished|succumbed|drowned)\b))
    (?:{_OUTCOME_RE_PART})\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _outcome_after_relative(after: str) -> tuple[str | None, str]:
    if " who " not in after and " that " not in after and " whom " not in after:
        return None, ""
    told = _WHO_WERE_RE.match(after)
    if told is not None:
        # "mourns two of our volunteers, who were killed on Saturday": the clause tells what
        # befell the persons counted.
        name = next(k for k, v in told.groupdict().items() if k.startswith("o_") and v)
        return name[2:], told.group("np")
    match = _RELATIVE_AFTER_RE.match(after)
    if match is None:
        return None, ""
    relative = after[match.end("np") : match.start(match.lastgroup or "np")].lower()
    if _holds_any(_OUTCOME_STEMS_AUTOMATON, relative.rsplit(" were ", 1)[0].rsplit(" was ", 1)[0]):
        return None, ""  # the clause has an outcome of its own: not this count's
    name = next(k for k, v in match.groupdict().items() if k.startswith("o_") and v)
    return name[2:], match.group("np")


# "90 of the dead were men": a part of a toll named by its outcome.
_OF_THE_DEAD_RE = re.compile(
    r"\s+(?:more\s+)?of\s+(?:the|those|these)\s+(?:most\s+(?:critically|seriously|severely|badly)\s+)?"
    r"(?P<o>dead|victims|killed|wounded|injured|displaced|deaths|killings)\b(?!\s+(?:people|civilians))(?:\s+(?P<n>children|women|girls|boys|soldiers|fighters|officers|policemen)\b)?",
    re.IGNORECASE,
)
_OF_THE_DEAD_CASELESS = caseless(_OF_THE_DEAD_RE)
_OF_THE_OUTCOMES = {"wounded": "injured", "injured": "injured", "displaced": "displaced"}
_PART_VERB_BEFORE_RE = re.compile(
    r"\b(killing|killed|shot\s+dead|executing|executed|deaths\s+of|wounding|wounded|injuring|injured)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+)?$"
)
_PART_VERBS = {"wounding": "injured", "wounded": "injured", "injuring": "injured", "injured": "injured"}
_ALL_OF_THEM_RE = re.compile(r"(?:\s+[a-z]+)?\s*,\s*all\s+(?:of\s+them\s+|of\s+whom\s+were\s+|were\s+)?([a-z]+)\b")
_HELD_BEFORE_RE = re.compile(
    r"\b(arrested|detained|captured|abducted|kidnapped|apprehended)\s+(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+)?$"
)
_RETURNED_RE = re.compile(
    r"\s+(?:[a-z'’-]+\s+){0,3}?(?:have|has|had)\s+(?:since\s+|now\s+|already\s+)?(?:returned|gone\s+back|come\s+back"
    r"|gone\s+home|come\s+home)\b"
)
_TRAVELLERS_RE = re.compile(r"\s+(?:[a-z'’-]+\s+){0,2}?(?:migrants|pilgrims|tourists|visitors|workers|delegates)\b")
_HOSTAGES_RE = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:hostages|captives)\b")
_ADJECTIVE_THEN_VERB_RE = re.compile(
    r"\s+(?:more\s+|other\s+)?(?:displaced|wounded|injured|abducted|kidnapped)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:people|persons|civilians|men|women|children|migrants|residents|villagers|soldiers|patients)\s+"
    r"(?:(?:were|was|have\s+been|had\s+been|are)\s+(?:[a-z]+ly\s+)?"
    r"(?:(?P<killed>killed|shot\s+dead|executed)|(?P<injured>wounded|injured)|(?P<abducted>abducted|kidnapped)"
    r"|(?P<missing>missing))"
    # "Two more injured persons succumbed to their injuries": died of them
    r"|(?:later\s+|since\s+|also\s+)?(?P<died>died|succumbed))\b"
)
_ALIVE_RE = re.compile(r"\s+(?:are|were|is|was)\s+(?:believed\s+to\s+be\s+|thought\s+to\s+be\s+|still\s+|found\s+)?alive\b")
_FREED_RE = re.compile(r"\b(?:rescued|freed|released|liberated|returned|exchanged|handed\s+over|recovered)\b")
_DIED_LATER_RE = re.compile(
    # (not when another count comes between: "40 injured residents and 3 who later died")
    r"^[^.;]*?\b(?:wounded|injured|hurt)\b(?:(?!\band\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|several|some|others?)\b)[^.;\d]){0,40}?"
    r"\b(?:and\s+)?(?:later|subsequently|since|then)\s+died\b"
    r"|^[^.;]*?\b(?:wounded|injured|hurt)\b[^.;]{0,40}?\band\s+died\s+(?:of|from)\s+(?:his|her|their)\s+(?:wounds|injuries)"
)
# (lower-cased text; "two of them were children" names its own kind, "four of them were killed" not)
_OF_THEM_RE = re.compile(
    r"\s+of\s+them\b(?!\s+(?:were|was)\s+(?!(?:later\s+|also\s+)?(?:killed|wounded|injured|shot|executed|abducted"
    r"|kidnapped|arrested|detained|captured|missing)\b))"
)
_ITS_MEMBERS_RE = re.compile(r"\s+of\s+(?:its|their|our)\s+(?:own\s+)?(?:members|personnel|men|fighters|officers)\b")


# A clause of the count's own: "dozens of passengers, mostly women, have been allowed to walk away".
_OWN_VERB_RE = re.compile(
    # (no noun before only with "have": "600,000 have returned", not "three were children")
    r"^\s*(?:(?:[^\W\d][\w'’-]*,?\s+){1,10}?(?:have|has|had|were|was|are|is)|have|has|had)\s+(?:been\s+|being\s+|also\s+|now\s+)*"
    r"(?P<verb>[a-z]+)\b"
)


def _has_own_verb(after: str) -> bool:
    match = _OWN_VERB_RE.match(after)
    return match is not None and not _holds_any(_OUTCOME_STEMS_AUTOMATON, match.group("verb"))


# What opens a line of a list, and of a list or a Markdown table.
_LIST_MARKS = ("-", "•", "*", "–")
_LABEL_LINE_RE = re.compile(r"[A-Z][\w ]{2,30}:\s")
_ROW_MARKS = ("|", *_LIST_MARKS)
_HEADING_SOURCE_RE = re.compile(r"\((?P<src>[A-Z][^(),]{2,60})(?:,[^()]*)?\)\s*:?\s*$")
_BRACKETED_SOURCE_RE = re.compile(r"\((?P<src>[^(),;:]{3,60})(?:,[^()]*)?\)")
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z]{1,7}")


_SOURCE_COLUMN_HEADS = frozenset(("source", "sources", "reported by", "according to", "figures from", "by"))


def _source_column_cell(text: str, line_start: int, line: str) -> str | None:
    """A table row's cell under a column headed "Source" or "Reported by"."""
    header_start = _table_start(text, line_start)
    if header_start == line_start:
        return None
    header_end = text.find("\n", header_start)
    header = [cell.strip().lower() for cell in text[header_start : header_end if header_end >= 0 else len(text)].strip().strip("|").split("|")]
    column = next((i for i, cell in enumerate(header) if cell in _SOURCE_COLUMN_HEADS), None)
    if column is None:
        return None
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if column >= len(cells) or not cells[column][:1].isalpha() or not _names_a_source(cells[column]):
        return None
    return _normalise_source(cells[column], at_sentence_start=False)


def _list_line_source(text: str, s_start: int, at: int) -> str | None:
    """A list line's source in brackets before its count: "- Helicopter attack, 7 March (UN
    Mission in South Sudan, UNMISS): crew members killed - 1"."""
    line_start = text.rfind("\n", 0, s_start + 1) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].rstrip(" .;")
    if line.endswith(")") and (text.startswith(_LIST_MARKS, line_start) or _LABEL_LINE_RE.match(line)):
        # A situation report's key figures, sourced at the end of the line: "- 2,900 bodies
        # buried in and around Goma (Ministry of Health, 12 February)", "Killed: at least
        # 1,000 people (Syrian Observatory for Human Rights)".
        last = _BRACKETED_SOURCE_RE.search(line, line.rfind("(", 0, len(line) - 1))
        if last is not None and last.end() == len(line) and line_start + last.start() > at:
            src = last.group("src").strip()
            if (src[:1].isupper() or src.split()[-1].lower() in _SOURCE_HEADS) and not src[:1].isdigit() and _names_a_source(src):
                return _normalise_source(src, at_sentence_start=False)
    if _is_table_row(text, line_start):
        column = _source_column_cell(text, line_start, line)
        if column is not None:
            return column  # "| Kyiv | 33 | 121 | Kyiv City Military Administration |" under "| Reported by |"
        # "| Israel (Prime Minister's Office) | 28 | more than 3,000 |": the row label's brackets
        label = line.split("|")[1 if line.startswith("|") else 0] if line.count("|") >= 2 else ""
        bracket = _BRACKETED_SOURCE_RE.search(label)
        if bracket is not None and _names_a_source(bracket.group("src")):
            return _normalise_source(bracket.group("src").strip(), at_sentence_start=False)
        return None
    if not text.startswith(_LIST_MARKS, line_start):
        return None
    found = None
    for match in _BRACKETED_SOURCE_RE.finditer(text, line_start, at):
        src = match.group("src").strip()
        if _ACRONYM_RE.fullmatch(src) and not text.startswith(":", match.end()):
            continue  # "attacks by the Rapid Support Forces (RSF) ...": the name's acronym
        if _names_a_source(src) and not src[:1].isdigit():
            found = src
    return _normalise_source(found, at_sentence_start=False) if found else None


def _own_speaker(sentence: str, offset: int, sources: _SourceMemory, start: int) -> str | None:
    """With two speakers in one sentence, a count right after the second one's verb is
    theirs: "Local groups said residents had fled, and a relief worker estimated that
    around 1,500 people had left their homes"."""
    if sentence.count(" ") < 8:
        return None  # (a short sentence has one speaker: skip the verb search)
    lower = sentence.lower()
    verbs = [v for v in _reporting_verbs(sentence, lower) if v < offset]
    if not verbs:
        return None
    according = lower.find("according to", 0, verbs[0])
    if len(verbs) < 2 and according < 0:
        return None
    verb = verbs[-1]
    word = _WORD_RE.match(lower, verb)
    between = lower[word.end() if word else verb : offset]
    if not (len(between) <= 40 and _VERB_TO_COUNT_RE.fullmatch(between)) and not (
        # "the regional governor says four passengers drowned and 11 are missing": the second
        # count of what the verb's speaker says
        len(between) <= 60
        and _SECOND_COUNT_BETWEEN_RE.fullmatch(between)
        and any(w in _NUMBER_WORDS or w[:1].isdigit() for w in between.split())
    ):
        return None
    if len(verbs) < 2:
        # "According to the ministry, 21 officers were killed, and the army says its troops
        # have arrested 96 suspects": the second clause's own speaker (not its "according to").
        if not any(mark in lower[according:verb] for mark in (", and", "; ", ", while", ", but")):
            return None
        first_end = according
    else:
        first_end = verbs[-2] + len(_WORD_RE.match(lower, verbs[-2]).group(0))  # type: ignore[union-attr]
    counting = word is not None and word.group(0).startswith(("regist", "record", "document", "count", "verif", "confirm"))
    if counting and not any(mark in lower[first_end:verb] for mark in (", and", "; ", ", while", ", but")):
        # "The Interior Ministry said the province had registered 1,000 deaths": the second
        # verb is what the first speaker said, not a speaker of its own.
        return None
    speaker = _speaker(sentence, verb)
    if speaker is None or speaker in (_PRONOUN, _FIRST_PERSON):
        return None
    return sources.expand(start, speaker, sentence)


_SECOND_COUNT_BETWEEN_RE = re.compile(r"\s+(?:that\s+)?(?:[^\s,;:.]+\s+){1,6}?and\s+(?:that\s+)?")
# What may stand between a reporting verb and the count it gives: "estimated that around".
_VERB_TO_COUNT_RE = re.compile(
    # ("in which, the armed forces said, 11 members ... were killed": a speaker in an aside)
    r",?\s+(?:that\s+)?"
    # "the drone attack, which the US military says killed three soldiers"
    # "the army says its troops have arrested 96 suspects"
    r"(?:(?:its|their)\s+[a-z]+\s+)?"
    # "the Red Crescent said it had lost 34 volunteers"
    r"(?:(?:it|they|we)\s+)?"
    r"(?:(?:had\s+|has\s+|have\s+)?(?:killed|wounded|injured|displaced|detained|arrested|abducted|kidnapped|lost)\s+)?"
    # "while a local official put the toll at around 200"
    r"(?:(?:the|its|their)\s+(?:death\s+)?(?:toll|figure|count|tally|number\s+of\s+(?:dead|deaths|victims))\s+at\s+)?"
    r"(?:(?:the|some|about|around|nearly|at\s+least|more\s+than|over)\s+)?"
)


def _own_according(sentence: str, offset: int, sources: _SourceMemory, start: int) -> str | None:
    """With two "according to" in one sentence, each count takes the first one after it
    ("killed 23 civilians, according to an Israeli tally, and 450 people in Lebanon,
    according to an AFP count")."""
    lower = sentence.lower()
    if lower.count("according to") < 2:
        return None
    for match in _ACCORDING_RE.finditer(sentence, offset):
        if _names_a_source(match.group("src")):
            src = match.group("src")
            counter = _tally_counter(src)
            if counter is not None:
                return _normalise_source(counter, at_sentence_start=False)  # "an Israeli tally"
            name = _normalise_source(src, at_sentence_start=False)
            if name is not None:  # _names_a_source has ruled out an empty phrase; mypy can't see it
                return sources.expand(start, name, sentence)
    return None


def _speaker_before_later_according(sentence: str, offset: int, sources: _SourceMemory, start: int) -> str | None:
    """"Gaza's health ministry says at least 34,183 Palestinians have been killed ..., when
    Hamas-led fighters killed about 1,200 people in Israel, according to Israeli tallies":
    the "according to" of a later clause is not the source of a count its own verb gives."""
    lower = sentence.lower()
    according = lower.find("according to", offset)
    earlier = lower.rfind("according to", 0, offset)
    if earlier >= 0 and according < 0 and ", and " in lower[earlier:offset]:
        # "About 9,000 people took refuge at the base, according to residents, and more than
        # 21,000 crossed into Lebanon, UNHCR told the Commission": the second count is the
        # speaker's who ends the sentence.
        later = [v for v in _reporting_verbs(sentence, lower) if v > offset]
        if later:
            speaker = _speaker(sentence, later[0])
            if speaker is not None and speaker not in (_PRONOUN, _FIRST_PERSON):
                return sources.expand(start, speaker, sentence)
        return None
    if according < 0 or not any(mark in lower[offset:according] for mark in _LATER_CLAUSE_MARKS):
        return None
    verbs = [v for v in _reporting_verbs(sentence, lower) if v < offset]
    if not verbs:
        return None
    between = lower[verbs[-1] : offset]
    if len(between) > 120 or any(mark in between for mark in _LATER_CLAUSE_MARKS):
        return None  # the verb's clause must still be running at the count
    speaker = _speaker(sentence, verbs[-1])
    if speaker is None or speaker in (_PRONOUN, _FIRST_PERSON):
        return None
    return sources.expand(start, speaker, sentence)


def _speaker_after_before_according(sentence: str, offset: int, sources: _SourceMemory, start: int) -> str | None:
    """"The toll has risen to more than 350, the Observatory said on Thursday, up from 248
    reported by the monitor on Wednesday": a speaker right after the count is its source;
    the "reported by" of the later phrase belongs to the later count."""
    lower = sentence.lower()
    if not (" by " in lower or "according" in lower or " from " in lower or "per " in lower or "selon" in lower):
        return None  # (a cheap test first: every opener holds one of these)
    if not any(opener in lower for opener in _ACCORDING_OPENERS):
        return None
    verbs = [v for v in _reporting_verbs(sentence, lower) if v > offset]
    if not verbs:
        return None
    verb = verbs[0]
    between = lower[offset:verb]
    if not between.startswith(",") or len(between) > 80 or any(c.isdigit() for c in between):
        return None  # the speaker must close the count's own clause: ", the monitor said"
    if not any(lower.find(opener, verb) > verb for opener in _ACCORDING_OPENERS):
        return None
    speaker = _speaker(sentence, verb)
    if speaker is None or speaker in (_PRONOUN, _FIRST_PERSON):
        return None
    return sources.expand(start, speaker, sentence)


_FORCES_MINISTRY_RE = re.compile(r"\b(?:interior|defen[cs]e)\s+ministry|\bministry\s+of\s+(?:the\s+)?(?:interior|defen[cs]e)\b", re.I)
_LATER_CLAUSE_MARKS = (", when ", ", after ", ", while ", ", whereas ", "; ", ", in which ", ", during which ")
_AGE_AFTER_NAME_RE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_AGE_END_RE = re.compile(r"\s*(?:[,;.)–—-]|and\b|$)")
_INCLUDING_TAIL_RE = re.compile(r"\b(?:including|among\s+them|of\s+whom)\s+$")


def _first_outcome_at(after: str) -> int:
    # The same search, faster on ASCII (see numbers.caseless).
    match = (
        _OUTCOME_WORD_CASELESS.search(after.lower()) if after.isascii() else _OUTCOME_WORD_RE.search(after)
    )
    return match.start() if match else 0


_TALKED_ABOUT = frozenset(
    "talking talked talk talks spoke speaking speak spoken heard hear learned know knew asked ask "
    "worried concerned wrote writing read reading thinking thought".split()
)


def _without_qualifier(quantity: Quantity, text: str) -> Quantity:
    surface = text[quantity.number_start : quantity.end]
    value = count_value(surface)
    if value is None or value[1]:
        return quantity
    return replace(
        quantity, start=quantity.number_start, surface=surface, low=value[0], high=value[0], qualifier="exact"
    )


def _were_noun(after: str, whole: Figure | None) -> str:
    """The noun of "were women" right after a count; "" for men/people when a toll gives the category."""
    were = _WERE_NOUN_RE.match(after)
    if were is None:
        return ""
    noun = were.group("noun").lower()
    if noun == "personnel":
        return f"{were.group('mods')}{noun}".lower()  # "army personnel", not "medical personnel"
    return "" if noun in ("men", "people", "persons") and whole is not None else noun


_TIME_PHRASE_OPENERS = ("last ", "this ", "next ", "past ", "previous ", "each ", "every ", "per ", "that ")


def _outcome_after(after: str, after_lower: str) -> tuple[str | None, str]:
    if not _holds_any(_OUTCOME_STEMS_AUTOMATON, after_lower):
        return None, ""
    # On ASCII text, the faster case-sensitive pattern over the lower-cased text (same spans;
    # see numbers.caseless): the words are then taken from ``after`` by offset.
    match = _AFTER_CASELESS.match(after_lower) if after.isascii() else _AFTER_RE.match(after)
    if match:
        name = next(k for k, v in match.groupdict().items() if k.startswith("o_") and v)
        # Who was counted is the count's own noun phrase and the outcome word ("bodies"), not
        # an aside ("Eight members of one family, including five children, died").
        np = after[match.start("np") : match.end("np")]
        said = after[match.start(name) : match.end(name)]
        # ("admitted to hospitals": the hospitals are where, not what was counted)
        # (nor "taken away by the attackers": who took them, not who they were)
        own = np if "hospital" in said or " by " in said else f"{np} {said}"
        if said.endswith("condition"):
            # "27 are still in critical condition": persons, a part of the wounded (people,
            # tests/data/README.md), unless the count names its own kind
            own += " persons"
        rest = after[match.end() : match.end() + 2]
        if (
            rest[:1] == " "
            and rest[1:].isalpha()
            # "600 deaths last year": a time phrase after the outcome, not the noun it modifies.
            and not after.startswith(_TIME_PHRASE_OPENERS, match.end() + 1)
            and _is_thing(_leading_noun_phrase(after[match.end() :])[:30])
        ):
            if not np.strip():
                return None, ""  # "the 3 displacement camps": a count of things
        adverb = np.strip()
        if (
            rest[:1] == " "
            and rest[1:].isalpha()
            # "40 injured people", "2,300 newly displaced people", "hundreds of wounded people"
            # ("Dozens of other wounded soldiers", "Twelve other injured policemen")
            and (
                not adverb
                or " ".join(adverb.lower().split()) in ("of", "other", "of other", "more")
                or (adverb.endswith("ly") and " " not in adverb)
            )
        ):
            # The outcome used as an adjective: "40 injured people", "2,300 newly displaced people".
            noun = _leading_noun_phrase(after[match.end() :])
            if _category(noun) is not None:
                later = _LATER_PASSIVE_RE.match(after_lower, match.end())
                if later is not None and later.group("o") != name[2:]:
                    # "more than 200 displaced people, mostly women and children, had been abducted":
                    # what befell them is the clause's own verb, not the adjective
                    return _LATER_PASSIVE_OUTCOMES[later.group("o")], own + noun
                return name[2:], own + noun
        if name == "o_abducted" and _HOSTAGES_KILLED_RE.match(after_lower, match.end()):
            return "killed", own  # "26 people held hostage had been killed": what became of them
        if (
            name == "o_displaced"
            and said.lower().startswith("sheltering")
            and (later := _LATER_PASSIVE_RE.match(after_lower, match.end())) is not None
        ):
            # "Dozens of people sheltering in our schools have been killed": where they
            # sheltered, then what befell them (the clause's own verb)
            return _LATER_PASSIVE_OUTCOMES[later.group("o")], np
        if name == "o_displaced" and "arrival" not in own.lower():
            # "families have left villages near the front": where they left is no noun of the
            # count (a place, not what was counted); "16,000 new arrivals" are persons.
            return name[2:], np
        return name[2:], own
    bodies = _BODIES_RE.match(after)
    if bodies:
        return "killed", bodies.group(0)
    return None, ""


_WENT_UP_RE = re.compile(
    r"(?:\b(?:revised|raised|went|gone|going|pushed|moved|bumped|climbed|rose|risen|shot|jumped)"
    r"|\b(?:toll|count|tally|figure)(?:\s+(?:was|has\s+been|had\s+been|is))?)\s+$"
)
_HOSTAGES_KILLED_RE = re.compile(
    r"\s+(?:had\s+been|have\s+been|has\s+been|were|was)\s+(?:killed|executed|shot\s+dead|murdered)\b|\s+(?:died|were\s+found\s+dead)\b"
)


# Six words: "members of the Mozambican armed forces".
_LEADING_NP_RE = re.compile(rf"\s*[\"“]?(?:of\s+[\"“]?)?(?:{_NP_WORD}[\"”]?\s*){{0,8}}", re.IGNORECASE)
_LEADING_NP_CASELESS = caseless(_LEADING_NP_RE)


def _leading_noun_phrase(after: str) -> str:
    if after.isascii():  # the same match, faster (see numbers.caseless)
        match = _LEADING_NP_CASELESS.match(after.lower())
        return after[: match.end()] if match else ""
    match = _LEADING_NP_RE.match(after)
    return match.group(0) if match else ""


def _is_thing(noun_phrase: str) -> bool:
    """True when the counted noun (first word after the count) is an object, not people."""
    words = noun_phrase.lower().split()
    if words and words[0] == "of":
        words = words[1:]
        # "one of the last functioning health posts": past the determiner and adjectives
        while words[:1] and words[0] in _OF_THE_SKIP:
            words = words[1:]
    for word in words[:3]:
        if word in _THINGS:
            return True
        if word in _THING_PHRASE_ENDS:
            break  # "60 bodies within two hours": what follows a preposition is no noun of the count
    return False


_OF_THE_SKIP = frozenset("the its their his her these those last first few remaining only".split())
_THING_PHRASE_ENDS = frozenset(
    "of in from near within over during after before for at on by since across inside this last past previous".split()
)


# Armed groups known by one word, and the words for their cadres: "two senior Hamas commanders".
_ARMED_GROUP_NAMES = frozenset(
    "hamas hezbollah hizbollah iswap jnim isis isil daesh taliban ttp m23 adf eln farc codeco fano houthi houthis"
    " rsf bla wagner al-shabaab al-shabab al-qaeda al-qaida pkk".split()
)
_CADRE_WORDS = frozenset("commander commanders operative operatives leader leaders".split())
_HARM_NOUNS = frozenset("injuries injury wounds wound burns cuts bruises fractures damage".split())
def _mentions_an_actor(phrase: str) -> bool:
    """Cheap test before _ACTOR_BEFORE_EVENT_RE (the category of every count's phrase is read)."""
    lowered = phrase.lower()
    return any(w in lowered for w in _ACTOR_STEMS)


_ACTOR_STEMS = ("terror", "militant", "rebel", "insurg", "jihad", "army", "police", "military", "militia")
_ACTOR_BEFORE_EVENT_RE = re.compile(
    # ("militant and sectarian violence": two kinds of violence)
    r"\b(?:terrorist|militant|rebel|insurgent|jihadist|army|police|military|militia)\s+(?:and\s+[a-z]+\s+)?"
    r"(?=(?:attacks?|bombings?|blasts?|explosions?|acts?|incidents?|strikes?|raids?|ambush(?:es)?|assaults?"
    r"|offensives?|violence|shelling|operations?|fire)\b)",
    re.IGNORECASE,
)
_SINGULAR_TAIL_RE = re.compile(r"\s+(?:and|or)\s+(?:a|an)\s+\w+.*$", re.IGNORECASE | re.DOTALL)


def _category(phrase: str) -> str | None:
    """The category a noun phrase names: the first specific one, else "people", else None.

    "298 Druze civilians" -> civilians (a specific word beats a generic one);
    "women and children", "men and women" together -> people (neither alone describes the count).
    Single words are looked up in a table; the pattern only runs for phrases that may
    hold a multi-word category ("members of the security forces").
    """
    # "4 children and a woman": the count is of the children; the singular after "and a" is not.
    phrase = _SINGULAR_TAIL_RE.sub("", phrase)
    if " " in phrase and _mentions_an_actor(phrase) and _ACTOR_BEFORE_EVENT_RE.search(phrase) is not None:
        # "the martyrs of Wednesday's terrorist bombings", "victims of a police raid": who did it
        # describes the event, not the persons counted.
        phrase = _ACTOR_BEFORE_EVENT_RE.sub(" ", phrase)
    if " and " in phrase and _ARMED_AND_UNARMED_RE.search(phrase) is not None:
        return "people"  # "guards and administrative staff": persons of two kinds

    hands = phrase.find(" at the hands of ")
    if hands >= 0:
        phrase = phrase[:hands]  # "deaths at the hands of the security forces": the killers
    words = [w.strip(".,;:!?\"“”()'’") for w in phrase.lower().split()]
    for k in range(1, len(words)):
        if words[k] in ("families", "households") and words[k - 1] in _PERSON_WORDS:
            return "unknown"  # "4,000 Bedouin families": units, whoever is in them
        if words[k - 1] in ("former", "ex-") and _CATEGORY_OF_WORD.get(words[k]) in ("fighters", "security_forces"):
            return "people"  # "five former combatants who had signed the peace agreement": no longer fighters
    for k in range(1, len(words)):
        if words[k] in _CADRE_WORDS and not _ARMED_GROUP_NAMES.isdisjoint(words[:k]):
            return "fighters"  # "two senior Hamas commanders", "three Hezbollah operatives"
    if _MULTIWORD_HINTS.isdisjoint(words):
        # (a singular person noun counts as its plural: "One volunteer is still missing")
        found = [
            _CATEGORY_OF_WORD.get(w) or _CATEGORY_OF_WORD[f"{w}s"]
            for k, w in enumerate(words)
            if w in _CATEGORY_OF_WORD
            or (
                f"{w}s" in _CATEGORY_OF_WORD
                and w not in ("i", "u")
                # "seven people suffered minor injuries": an adjective, not a child
                and not (w == "minor" and words[k + 1 : k + 2] and words[k + 1] in _HARM_NOUNS)
            )
        ]
    else:
        # (On ASCII, the faster case-sensitive pattern over the lower-cased phrase: numbers.caseless.)
        matches = (
            _CATEGORY_CASELESS.finditer(phrase.lower()) if phrase.isascii() else _CATEGORY_RE.finditer(phrase)
        )
        found = [m.lastgroup or "" for m in matches]
    if not found:
        return None
    if found[0] == "people" and "-year-old" in phrase and (age := _AGE_WORD_RE.search(phrase)) and int(age.group(1)) < 18:
        return "children"  # "two 14-year-old twin sisters"
    if "women" in found and ("children" in found or "men" in words or "man" in words):
        return "people"  # "women and children", "elderly men and women": neither alone
    # "members of two families": persons (people) of a unit (unknown); the first noun counts.
    specific = [c for c in found if c not in ("people", "unknown")]
    return specific[0] if specific else found[0]


# Nouns that count events, not persons: their counts name no category ("148 killings").
_EVENT_NOUNS = frozenset(
    "cases arrests killings abductions kidnappings disappearances detentions executions incidents".split()
)
_AGE_WORD_RE = re.compile(r"\b(\d{1,2})-year-olds?\b")
_ARMED_AND_UNARMED_RE = re.compile(
    r"\b(?:guards|soldiers|policemen|police\s+officers|officers|troops|fighters|militants)\s+and\s+(?:[a-z]+\s+)?"
    r"(?:staff|employees|workers|civilians|residents|passengers|villagers|inmates|prisoners)\b",
    re.IGNORECASE,
)


# One-word categories (the same words as _CATEGORY_RE's one-word alternatives).
_CATEGORY_OF_WORD: dict[str, str] = {
    **dict.fromkeys(_SECURITY_WORDS, "security_forces"),
    **dict.fromkeys(_FIGHTER_WORDS, "fighters"),
    **dict.fromkeys(
        # ("schoolgirls", not "pupils": tests/data annotations count pupils as people)
        "children child kids boys girls daughters sons minors infants babies toddlers schoolchildren schoolgirls schoolboys".split(),
        "children",
    ),
    **dict.fromkeys(["women", "woman"], "women"),
    **dict.fromkeys(["civilian", "civilians"], "civilians"),
    **dict.fromkeys(["households", "families"], "unknown"),
    **dict.fromkeys(_PERSON_WORDS, "people"),
}
# Words that may start a multi-word category: the full pattern runs when one is present.
_MULTIWORD_HINTS = frozenset(
    "of security police army military government regime state pro-government border militia gendarmerie cartel gang service"
    " medical health aid humanitarian media armed".split()  # (these make "personnel" persons, not forces;
    # "armed men" are fighters)
)


_PRONOUN = "\x00pronoun"  # marker: the sentence's source is "it", "he", "they" ...
_FIRST_PERSON = "\x00first-person"  # marker: only a quotation's own "I"/"we" reports it


_REPORTING_VERBS = frozenset(
    """said says say reported verified verifies verify confirmed confirms confirm documented documents
    recorded records estimated estimates counted announced announces stated states told put puts
    registered tallied added noted gave given gives raised revised updated lowered reports count counts claims claimed claim tells tell adds notes
    announce saying telling reporting warned warns talking talk talks report estimate wrote writes spoke speaks speak believes
    informed lists raises revises updates lowers identified acknowledged found remind reminds reminded attributed attributes
    documenting recording showed shows show listed named reads issued informs condemned condemns mourned mourns
    recalls recalled regrets regretted placed places posted posts written cited cites established alleged alleges""".split()
)
_OWN_PEOPLE = frozenset("teams team volunteers crews staff members workers rescuers medics doctors".split())
# (also participles ending a label: "Displaced individuals identified: 51,458")
_NOUN_LIKE_VERBS = frozenset(
    """notes note reports report records record counts count claims claim estimates estimate documents identified
    recorded registered documented confirmed verified reported found""".split()
)
_ACCORDING_OPENERS = (
    "according to",
    "given by",
    "per ",
    "reported by",
    "verified by",
    "confirmed by",
    "documented by",
    "figures from",
    "data from",
    "tally by",
    "tally from",
    "count from",
    "count by",
    "by the count of",
    "by the tally of",
    "by the reckoning of",
    "by the estimate of",
    "compiled by",
    "selon ",
    "gathered by",
    "collected by",
    "based on",  # ("based on the initial report of X")
    "recorded by",  # ("Deaths and injuries recorded by Frontier Security Watch from police ... reports")
)
_CITING_OPENERS = ("citing", "cited by", "quoting", "quoted by")
_WORD_RE = re.compile(r"[a-z]+")


def _in_capitals(sentence: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands in a stretch written all in capitals (wire copy
    set in capitals: "..., THE PALESTINIAN HEALTH MINISTRY SAID.")."""
    around = sentence[max(0, start - 40) : end + 20]
    return sentence[start:end].isupper() and around.isupper() and sum(c.isalpha() for c in around) > 20


@lru_cache(maxsize=1024)
def _reporting_verbs(sentence: str, lower: str) -> tuple[int, ...]:
    """Offsets of reporting verbs in a sentence (str.find on a few roots: fast).

    A capitalised word inside the sentence is a name, not a verb ("the United States", "Said").
    """
    found = []
    for root in _VERB_ROOTS + _TOLL_VERB_ROOTS if _names_a_count(lower) else _VERB_ROOTS:
        i = lower.find(root)
        while i >= 0:
            if i == 0 or not lower[i - 1].isalpha():
                word = _WORD_RE.match(lower, i)
                if (
                    word
                    and word.group(0) in _REPORTING_VERBS
                    # (but in wire copy set in capitals, "THE MINISTRY SAID" has its verb)
                    and not (i > 0 and sentence[i].isupper() and not _in_capitals(sentence, i, word.end()))
                    # "the attack claimed the lives of 8", "claimed responsibility": no report.
                    and not (root == "claim" and lower.startswith(_CLAIM_NOT_REPORTING, word.end()))
                    # "News reports say", "Reports reaching Quetta say": the noun, not the verb.
                    # ("Local estimates suggest ...")
                    and not (word.group(0) in ("reports", "report", "estimates") and _noun_report(lower, i))
                    # "Partners report that", "officials estimate"; not "a UN report said".
                    # ("The Ministry regrets to report that": the ministry reports)
                    and not (
                        word.group(0) in _BASE_FORM_VERBS
                        and not _plural_subject_before(lower, i)
                        and not lower.endswith(_REGRETS_TO, 0, i)
                    )
                    # "Our notes: ...": a label, not a verb (but "X said: ..." is one).
                    and not (lower.startswith(":", word.end()) and word.group(0) in _NOUN_LIKE_VERBS)
                    # "talking about three people killed", not "talking to his wife".
                    # ("Local sources and aid workers talk of hundreds of dead")
                    and not (root == "talk" and not lower.startswith((" about", " of"), word.end()))
                    # "The same source spoke of more than 200 wounded"; not "spoke to reporters".
                    and not (root in ("spoke", "speak") and not lower.startswith(" of ", word.end()))
                    # "he has been told he is unlikely ever to be freed": he was told, he tells nothing
                    and not (root == "told" and lower.endswith(("been ", "was ", "were ", "being "), 0, i))
                    # "The court found that troops killed 135 people"; not "found 12 bodies".
                    # ("..., an official inquiry later found.": a finding told at the end)
                    and not (
                        root == "found"
                        and not lower.startswith(" that ", word.end())
                        and not (lower[word.end() : word.end() + 2].rstrip() in (".", "") and ", " in lower[max(0, i - 60) : i])
                    )
                    # "The DHQ recalls that on 14 March ...": a reminder; not "recalled the day"
                    # "the Health Office placed the number of wounded at fifty"; not "placed under arrest"
                    and not (root in ("placed", "places") and not lower.startswith(_PLACED_TOLL, word.end()))
                    # "Klymenko has posted that 31 people ...", "has written on his channel that ...";
                    # not "posted a video of 12 bodies"
                    and not (root in ("posted", "posts", "written") and _POSTED_THAT_RE.match(lower, word.end()) is None)
                    # "Prosecutors cited the killings of at least 19 people"; not "cited by"
                    and not (root in ("cited", "cites") and _CITED_TOLL_RE.match(lower, word.end()) is None)
                    # ("The DHQ regrets that one staff member died")
                    # ("the Command has established that 24 female students ... were abducted")
                    # ("Some foreign-based media outlets ... alleged that an air strike had killed")
                    and not (root in ("recall", "regret", "established", "alleg") and not lower.startswith(" that ", word.end()))
                    # "MSF issued a statement ...": a body speaking; not "issued 20 rifles"
                    and not (root == "issued" and _ISSUED_DOCUMENT_RE.match(lower, word.end()) is None)
                    # "An estimated 8,000 fled": an adjective, not a verb.
                    and not (root == "estimat" and _article_before(lower, i))
                    # "Civilians reported killed: 68": a participle before an outcome, no report
                    and not (root == "report" and _REPORTED_OUTCOME_RE.match(lower, word.end()) is not None)
                    # "In its claim, JNIM said ...": a noun after a determiner.
                    and not lower.endswith(_DETERMINER_ENDS, 0, i)
                    # "the heaviest loss the group has acknowledged": a relative clause
                    # describing a noun, not the sentence's report.
                    and not (lower[i - 5 : i] in (" has ", " had ", "have ") and _CONTACT_CLAUSE_RE.search(lower, 0, i) is not None)
                ):
                    # "Reuters could not verify the figure": a denial names no source.
                    window = lower[i - 24 if i > 24 else 0 : i]
                    if not (
                        ("not" in window or "n't" in window or "never" in window or "unable" in window)
                        and _NEGATED_RE.search(window)
                    ):
                        found.append(i)
            i = lower.find(root, i + 1)
    return tuple(sorted(found))  # (a tuple: cached, per sentence, for the source and each count)


# The issuer naming itself: "according to the records of this office".
_THIS_BODY = r"this\s+(?:office|command|directorate|ministry|department|agency|commission|headquarters|mission)"
_THIS_BODY_RE = re.compile(rf"^(?:the\s+)?(?:(?:records|figures|data|count|tally)\s+of\s+)?{_THIS_BODY}$", re.IGNORECASE)
_THIS_BODY_WORD_RE = re.compile(rf"\b(?:according\s+to|records\s+of|by)\s+(?:the\s+records\s+of\s+)?{_THIS_BODY}\b")
_CITED_TOLL_RE = re.compile(r" (?:the\s+)?(?:killings?|deaths?|murders?|figures?|toll|number|cases)\b")
_POSTED_THAT_RE = re.compile(r"(?:\s+on(?:\s+[\w'’@.-]+){1,4}?)?(?:\s+that\b|\s*:)")
_PLACED_TOLL = (" the toll", " the death toll", " the number", " the figure", " the count", " the tally", " it at", " its toll")
# (or a table row's label: "People reported missing          about 1,200")
_REPORTED_OUTCOME_RE = re.compile(r" (?:killed|dead|injured|wounded|missing|abducted|kidnapped|detained|displaced)(?:\s*:|[ \t]{3,}|\t)")
# Each reporting verb starts with one of these; specific enough that common words ("state",
# "country", "not", "Hasakah") rarely make a false hit that needs a closer look.
_VERB_ROOTS = tuple(
    "said say report verif confirm document record estimat count announc stated states told put regist"
    " tallied added adds noted notes claim tell warn talk wrote writes spoke speak believes informed lists"
    " identified acknowledged found remind attribut showed shows show listed named reads issued informs condemn mourn"
    " recall regret placed places posted posts written cited cites established alleg".split()
)


_ISSUED_DOCUMENT_RE = re.compile(
    r"\s+(?:a|an|its|the|their|his|her)\s+(?:[a-z-]+\s+)?(?:statement|communiqu|press\s+release|report|bulletin|update|toll)"
)


def _article_before(lower: str, i: int) -> bool:
    """Whether the word before ``i`` is an article itself ("an estimated"), not a word that
    ends like one ("UNRWA estimates")."""
    return lower[max(0, i - 8) : i].split()[-1:] in (["a"], ["an"], ["the"])


def _names_a_count(lower: str) -> bool:
    """Whether "gave", "revised" … can report a figure here: the sentence speaks of a toll or
    an account ("gives a far higher count", "gave a different account")."""
    return any(noun in lower for noun in _COUNT_NOUNS)


_COUNT_NOUNS = ("toll", "count", "tally", "figure", "account", "estimate", "number")


# Verbs whose base form is also a noun: a verb only after a plural subject or a pronoun.
_BASE_FORM_VERBS = frozenset(("report", "estimate", "count"))
_PLURAL_SUBJECT_WORDS = frozenset("we they i you also now still often may might could would".split())


def _plural_subject_before(lower: str, i: int) -> bool:
    before = lower[max(0, i - 40) : i].split()
    if not before:
        return False
    word = before[-1]
    if len(before) >= 3 and before[-2] in ("in", "at", "from", "on"):
        word = before[-3]  # "Health partners in Sa'ada report"
    return word in _PLURAL_SUBJECT_WORDS or (word.endswith("s") and not word.endswith(("'s", "’s", "ss")) and word != "its")


def _noun_report(lower: str, i: int) -> bool:
    before = lower[max(0, i - 20) : i].split()
    return not before or before[-1] in _REPORT_NOUN_BEFORE


_REPORT_NOUN_BEFORE = frozenset(
    """news media press local initial early unconfirmed preliminary several other some earlier latest
    these those the medical official credible multiple conflicting first two three many""".split()
)
_FIRST_PERSON_RE = re.compile(
    # ("We have so far confirmed the names of 30 of the dead")
    r"\b(?:i|we)(?:\s+(?:myself|ourselves|have|had|also|just|can|could|must|may|will|would|should|received|so\s+far|now"
    r"|already|independently|since|recently|today|yesterday)){0,3}\s+$"
)
_PROGRESSIVE_RE = re.compile(r"\s+(?:is|are|was|were)(?:\s+(?:now|also|still|again))?\s+$")
_CLAIM_NOT_REPORTING = (
    " the lives",
    " the life",
    " lives",
    " more lives",
    " responsibility",
    " credit",
    " victory",
    " by",  # "A bombing claimed by Islamic State killed 13": the claim's author, no report
)
_REPORT_THEN_COUNTER_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]his)\s+(?:[a-z]+\s+)?report(?:\s+(?:states|says|said|adds|added|notes|noted|shows|showed|finds|found))?"
    r"(?:\s+that)?\s*,?\s+(?:the\s+)?(?P<src>[A-Z][\w'’&-]*(?:\s+(?:for|of|on|[A-Z][\w'’&-]*)){0,6})\s+(?:also\s+|had\s+|has\s+)?"
    r"(?:documented|recorded|verified|counted|registered|confirmed)\b"
)
_CITED_BASIS_ENDS = ("based on ", "citing ", "drawing on ", "quoting ", "using ")
_BASIS_RE = re.compile(r"\b(?:based\s+on|on\s+the\s+basis\s+of|drawing\s+on)\b[^.;]*$")
_DETERMINER_ENDS = (" its ", " their ", " his ", " her ", " our ", " your ", " this ", " that ")
_CONTACT_CLAUSE_RE = re.compile(
    r"(?:^|[,;(]\s*)(?:the|a|an)\s+(?:[a-z-]+\s+){1,3}(?:the|its|their|a|an)\s+(?:[a-z-]+\s+){1,3}(?:has|had|have)\s+$"
    # "the largest single displacement Colombia has recorded": a superlative's noun, then a name
    r"|\bthe\s+(?:[a-z]+est|most\s+[a-z-]+|worst|first|only)\s+(?:[a-z-]+\s+){0,3}[a-z-]+\s+(?:has|had|have)\s+(?:ever\s+)?$"
)
_NEGATED_RE = re.compile(r"\b(?:not|n't|never|unable\s+to)\s+(?:\w+\s+){0,2}$")
_TOLL_VERB_ROOTS = (
    "gave",
    "given",
    "gives",
    "raised",
    "raises",
    "revised",
    "revises",
    "updated",
    "updates",
    "lowered",
    "lowers",
)  # only looked for when the sentence speaks of a toll or an account (_names_a_count)
assert all(verb.startswith(_VERB_ROOTS + _TOLL_VERB_ROOTS) for verb in _REPORTING_VERBS)
# ", said Anees al-Asbahi, a spokesman ..." / ", said the health ministry.": source after the verb.
_INVERTED_RE = re.compile(
    r"\s+(?P<src>(?:the\s+|a\s+|an\s+)?[^\W\d][^,.;:()\"“”]{0,80}?)"
    r"(?=\s*[,.;:()\"“”]|\s+(?:on|in|at|that|who|which|late|early|after|before)\b|$"
    # "said a volunteer helping to recover remains": the speaker ends where a participle starts.
    r"|\s+[a-z]+ing\b)"
)
# "the mayor, Ihor Terekhov, said", "A local group, the Civil Peace Group in Homs, said": the
# proper name between the commas is the speaker (small words inside, a capital at the end).
# An acronym in brackets may follow: "The army's media wing, Inter-Services Public Relations (ISPR), says".
_APPOSITIVE_NAME_RE = re.compile(
    r",\s*(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[a-z][\w'’-]*\s+){0,2}?(?:[a-z]{1,3}-)?[A-Z][\w'’.-]*){0,5})"
    # ("A railway porter, Abdul Ghani, 41, said": the age after the name)
    r"(?:\s+\([A-Z][\w.-]*\))?(?:,\s*\d{1,3})?,\s*$"
)
_LIST_CUE_RE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+[^,.;:]*?\s+and\s+$")
_REPORTS_FROM_RE = re.compile(
    r"\breports?\s+from\s+(?:the\s+)?(?P<src>[A-Z][\w'’.-]*(?:\s+(?:of|for|and|[A-Z][\w'’.-]*)){0,6})"
    r"(?:\s+\([A-Z]{2,}\))?\s+(?:indicate|indicated|show|showed|shows|suggest|suggested|say|said)\b"
)
_BY_OUR_COUNT_RE = re.compile(
    r"\b(?:by|according\s+to)\s+our\s+(?:own\s+|latest\s+|most\s+recent\s+|new\s+|updated\s+|preliminary\s+)?"
    r"(?:count|tally|records|figures|data|documentation|estimates?)\b"
)
# A pronoun as the source: "according to him", "by their count", "by its own tally".
_OWN_COUNT_NOUNS = r"(?:own\s+)?(?:count|tally|reckoning|estimate|account)"
_PRONOUN_ATTRIBUTION_RE = re.compile(
    rf"\b(?:according\s+to\s+(?:him|her|them)|by\s+(?:his|her|their|its)\s+{_OWN_COUNT_NOUNS})\b"
)
# A sentence opening on the previous subject's own toll: "Its earlier death tolls", "Their count".
_OWN_TOLL_OPENING_RE = re.compile(
    r"(?:its|their|his|her)\s+(?:[a-z-]+\s+){0,2}?(?:death\s+)?(?:tolls?|counts?|tally|tallies|figures?|estimates?)\b"
)
_TRAILING_SPEAKER_RE = re.compile(
    r",\s*(?P<src>(?:the|a|an)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,6}"
    r"(?:\s+(?:named|called)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"  # "..., a farmer named Issa said"
    # "..., UN figures show.": whose figures
    r"|[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’-]*){0,3}\s+(?:figures|data|statistics|records|estimates|tallies))$"
)
_CLAUSE_END_RE = re.compile(r"(?:\s+(?:on|in|late|early|last|this|yesterday|today|on\s+\w+day)\b[^,;]{0,30})?\s*[.;]?\s*$")
_SPEAKING_ASIDE = r",\s+(?:speaking|talking|writing)\b[^,]{0,60},$"
_WHERE_ASIDE_RE = re.compile(
    r",\s+(?:in|via|on)\s+(?:a|an|its|their|his|her|the)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:post|posts|statement|message|video|briefing|report|conference|interview|channel|account|update)\b[^,]{0,40},$"
    # "A senior police officer in Sibi, where the wounded were first treated, said"
    r"|,\s+where\s+[^,]{3,80},$"
    # "Two army officers, speaking on condition of anonymity, said": how they spoke
    + r"|"
    + _SPEAKING_ASIDE
    # "The Collectif ..., formed by relatives of victims, said": what the speaker is
    + r"|,\s+(?:formed|founded|set\s+up|created|run|led|made\s+up)\s+(?:by|of)\s+[^,]{3,60},$"
    # "Our producer in Khan Younis, whom we are not naming for her safety, reports"
    + r"|,\s+whom\s+[^,]{3,80},$"
    # "OCHA, citing local sources, said": who says it, on whose word (the word is no speaker)
    + r"|,\s+(?:citing|quoting)\s+[^,]{3,60},$"
    # "Residents of Githurai, on the capital's north-eastern edge, told this newspaper": where they are
    + r"|,\s+(?:on|at|near|outside)\s+the\s+[^,]{0,40}?\b(?:edge|outskirts|border|side|coast|front|frontline|shore)\b[^,]{0,20},$"
)
_OWN_COPY_RE = re.compile(r"\bversion\s+of\s+th(?:is|e)\s+(?:story|article|report|item|post)\b", re.IGNORECASE)
_SPEAKING_ASIDE_RE = re.compile(_SPEAKING_ASIDE)
_NAME_ROLE_RE = re.compile(
    r"(?:^|,\s+)(?P<name>[A-Z][\w'’.-]+(?:\s+(?:al-|el-|bin\s+|abu\s+)?[A-Z][\w'’.-]+){1,3}),\s+(?:its|his|her|their)\s+[a-z][\w -]{1,40},$"
    # "Rajiv Ghai, India's director general of military operations, said": whose role it is
    r"|(?:^|,\s+)(?P<full>[A-Z][\w'’.-]+(?:\s+(?:al-|el-|bin\s+|abu\s+)?[A-Z][\w'’.-]+){1,3},\s+[A-Z][\w.-]*['’]s\s+[a-z][\w -]{1,50}),$"
    # "Gunmen killed 14 villagers, Issa Diallo, a farmer, said": after the clause, a name and
    # what the person is
    r"|,\s+(?P<named>[A-Z][\w'’.-]+(?:\s+(?:al-|el-|bin\s+|abu\s+)?[A-Z][\w'’.-]+){0,3}),\s+(?:a|an|the)\s+[a-z][\w'’ -]{1,50},$"
)
_WHO_BEFORE_VERB_RE = re.compile(r",\s+who(?:\s+(?:also|had|has|earlier|later))?$")
# The noun phrase a text ends with: "President William Ruto", "the regional governor".
_NOUN_PHRASE_END_RE = re.compile(
    r"(?:\b(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){0,3})?(?:(?:\b(?:al|el|ad|ash|as)-)?[A-Z][\w'’.-]*\s+){0,4}"
    r"(?:\b(?:al|el|ad|ash|as)-)?[A-Z][\w'’.-]*$"
    r"|\b(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+$"
)
def _quoted_before(before: str) -> bool:
    """Whether a quotation closes in ``before`` ("…," then the speaker)."""
    return '",' in before or "”," in before or ',"' in before or ",”" in before


def _last_quote_end(before: str) -> int:
    """Just past the last closing quotation mark in ``before``."""
    return max(before.rfind('"'), before.rfind("”")) + 1


_CALLED_RE = re.compile(r"\b(?:called|named)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_NAME_AGE_RE = re.compile(
    r"\s*(?P<name>[A-Z][\w'’-]+(?:\s+(?:al-|el-|bin\s+|abu\s+|de\s+)?[A-Z][\w'’-]+){1,3}),\s+\d{1,3},"
    # (one name when a description follows: "Samer, 34, a former schoolteacher, reached ...")
    r"|\s*(?P<single>[A-Z][a-z'’-]+),\s+\d{1,3},\s+(?=(?:a|an)\s)"
)
# ", said on Sunday that ...": what follows the verb is when, not who.
_NOT_A_SPEAKER_START = frozenset(
    """on in at late early last this after before that yesterday today tonight overnight earlier later
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_QUOTE_ENDS = frozenset('"”’')
# Words that make the text after "said" a clause (what was said) rather than a speaker.
_CLAUSE_WORDS = frozenset("had have has were was been is are will would could killed died".split())
# "A national committee investigating ... said": the sentence's own subject.
_SAYING_SUBJECT_RE = re.compile(
    r"(?P<np>(?:[\w'’-]+\s+){0,7}?[\w'’-]+(?:\s+\([A-Z][\w-]*\))?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:[a-z]+ed|went|gave|put|made|took|sent|wrote|spoke|came|held|told|rose|said)\b"
)
_INITIAL_NP_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?P<head>[\w'’-]+)(?=\s+\w+ing\b|\s*,)", re.I
)


# What a statement's writer knows as its own ("according to our information").
_OWN_INFORMATION = frozenset("information records data figures documentation monitoring findings sources teams".split())
_ALARMED_BY_REPORTS_RE = re.compile(
    r"\s*(?P<src>[A-Z][\w'’.-]*(?:\s+(?:of|for|the|[A-Z][\w'’.-]*)){0,6})\s+(?:is|are|was|were|remains?)\s+"
    r"(?:deeply\s+|gravely\s+|extremely\s+|very\s+)?(?:alarmed|concerned|saddened|shocked|appalled|horrified|dismayed|troubled)"
    r"\s+(?:by|at|about)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?reports\s+(?:that|of)"
    # ("The United Nations is appalled by the killing of at least 207 people")
    r"|(?:killings?|deaths?|massacre|murders?)\s+of)\b"
)
# A credit after a dash at the end of a snap: a few words, no digits, no verb of its own.
_DASH_CREDIT_RE = re.compile(
    r"\s[-–—]\s+(?P<src>(?:the\s+)?[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,7}?)\.?\s*$"
)


# Words that make the end of a snap a clause or a place, not a credit ("- a market in Kabul was hit").
_NOT_IN_CREDIT = frozenset("in at to from near with by was were is are has have had been be as after while who which that where".split())


def _is_credit(phrase: str) -> bool:
    """Whether the words after a snap's closing dash credit someone ("Lady Reading Hospital
    spokesman Mohammad Asim", "provincial officials", "the interior ministry"): they end in a
    name or a source noun and hold no verb or place phrase; one word only as a source noun or
    an acronym (not "Kabul - Jalalabad")."""
    words = [w.strip(".'’") for w in phrase.split()]
    last = words[-1]
    if len(words) == 1:
        return last.lower() in _SOURCE_HEADS or (len(last) > 1 and last.isupper())
    if not (last[:1].isupper() or last.lower() in _SOURCE_HEADS or _is_person_noun(last.lower())):
        return False
    return not any(w in _NOT_IN_CREDIT for w in words) and _names_a_source(phrase)


@lru_cache(maxsize=1024)
def _sentence_source(sentence: str) -> str | None:
    """The source a sentence names (normalised), ``_PRONOUN``, or None.

    Tried in order: "according to X"; the speaker of a reporting verb ("X said",
    "..., said X", "the mayor, X, said"); "X's toll"; "citing X". Each is found by
    cheap substring checks before any regex runs.
    """
    lower = sentence.lower()
    if (
        "according to " in lower or "by his " in lower or "by her " in lower or "by their " in lower or "by its " in lower
    ) and _PRONOUN_ATTRIBUTION_RE.search(lower) is not None:
        return _PRONOUN  # "According to him, ...", "By their count, ...": the source named before
    if lower.startswith(("its ", "their ", "his ", "her ")) and _OWN_TOLL_OPENING_RE.match(lower) is not None:
        # "Its earlier death tolls, released through the day, stood at 232 in the morning": the
        # body of the sentence before gave them.
        return _PRONOUN
    if " our " in lower and _BY_OUR_COUNT_RE.search(lower) is not None:
        return _FIRST_PERSON  # "..., by our count": the statement's issuer (none in a news story)
    if "reports from " in lower and (reports := _REPORTS_FROM_RE.search(sentence)) is not None:
        src = reports.group("src")
        if _ISSUER_HEAD_RE.search(src) or _ACRONYM_WORD_RE.fullmatch(src):
            # "Initial reports from the Philippine National Police (PNP) indicate that four (4)
            # civilians were killed": the body whose reports they are
            return _normalise_source(src, at_sentence_start=False)
    if " report" in lower and (counter := _REPORT_THEN_COUNTER_RE.search(sentence)) is not None:
        # "The report states that SNHR documented ...", "According to the report, SNHR also
        # documented ...": the body that counted, not its document.
        return _normalise_source(counter.group("src"), at_sentence_start=False)
    for opener in _ACCORDING_OPENERS:
        at = lower.find(opener)
        if at >= 0:
            if (
                ("based on" in lower or "basis of" in lower or "drawing on" in lower)
                and _BASIS_RE.search(lower, 0, at) is not None
                and any(v > at for v in _reporting_verbs(sentence, lower))
            ):
                # "Based on ... lists compiled by village volunteers, our researchers documented
                # ...": what the count rests on; the verb after names who counted.
                continue
            if (
                lower.endswith(_CITED_BASIS_ENDS, max(0, at - 14), at)
                and any(v < at for v in _reporting_verbs(sentence, lower))
            ):
                # "OCHA says 17 people have been killed, based on figures from hospitals", "...,
                # the WHO said, citing figures from the government": who says it is the source.
                continue
            match = _ACCORDING_RE.search(sentence, max(0, at - 3))
            if opener == "based on" and (match is None or match.start() != at):
                continue  # "based on figures from hospitals": what the count rests on (below)
            if match is not None and sentence.startswith(":", match.end("src")) and _speaks_after_colon(
                sentence, lower, match.end("src")
            ):
                continue  # "The figures from Gaza tonight: the health ministry there says ...": a lead-in
            if (
                match
                and match.group("src").split()[0].lower() in ("his", "her")
                and match.group("src").split()[-1].lower() in _PERSONAL_RECORDS
            ):
                return _PRONOUN  # "according to his notebook": the person named before
            if (
                match
                and match.group("src").split()[0].lower() in ("its", "their", "his", "her")
                # ("according to their governments": a source of its own)
                and match.group("src").split()[-1].lower() not in _OWN_SOURCES
            ):
                continue  # "according to its monthly report": the subject's own report, below
            if match and not _names_a_source(match.group("src")):
                # "according to local and UN sources": two sources joined by "and".
                joined = _JOINED_SOURCES_RE.match(sentence, match.start("src"))
                if joined is not None and _names_a_source(joined.group("src")):
                    return _normalise_source(joined.group("src"), at_sentence_start=False)
            if (
                match
                and match.group("src").lower() in ("information", "the information", "figures", "data", "reports")
                and sentence.startswith((" we ", " our "), match.end("src"))
            ):
                return _FIRST_PERSON  # "According to information we have gathered, at least 70 ..."
            if (
                match
                and " from our " in f" {match.group('src').lower()} "
                and _OUTLET_VOICE_RE.search(match.group("src")) is None
            ):
                if any(v > match.end() for v in _reporting_verbs(sentence, lower)):
                    continue  # '"According to reports from our partners, ...," Ms. Nkweta-Salami said': hers
                return _FIRST_PERSON  # "According to initial reports from our partners, ...": the speaker's own
            if (
                match
                and match.group("src").lower().startswith("our ")
                and match.group("src").lower().split()[-1] in _OWN_INFORMATION
                and _OUTLET_VOICE_RE.search(match.group("src")) is None
            ):
                return _FIRST_PERSON  # "According to our information, four of the wounded ...": the issuer's
            if (
                match
                and " by our " in f" {match.group('src').lower()} "
                # (not "figures compiled by our agency": an outlet's own tally is named as such)
                and _OUTLET_VOICE_RE.search(match.group("src")) is None
            ):
                # "according to testimonies received by our officials": the statement's own voice
                return _FIRST_PERSON
            if match and _THIS_BODY_RE.search(match.group("src")) is not None:
                return _FIRST_PERSON  # "according to the records of this office": the issuer's own
            if match and _names_a_source(match.group("src")):
                src = match.group("src")
                if (seen := _SEEN_BY_RE.match(sentence, match.end("src"))) is not None and (
                    src.split()[-1].lower() in _DOCUMENT_HEADS
                ):
                    # "according to a confidential security document seen by the agency":
                    # whose eyes vouch for the document is part of naming it.
                    return _normalise_source(src + seen.group(0), at_sentence_start=False)
                if src.islower():
                    # "according to the regional governor, Oleh Syniehubov."
                    src = _with_name_after(sentence, src, match.end("src"))
                elif src[-2:-1] == "." and sentence.startswith(".", match.end("src")):
                    src += "."  # "the U.N." (the pattern stops before an acronym's last dot)
                if (
                    (owner := _LOWER_OWNER_RE.match(src)) is not None
                    and owner.group("head").lower() in _SOURCE_HEADS
                    # (not "the state prosecutor's office": the office is the body)
                    and src.split()[-1].lower() not in _SOURCE_HEADS
                ):
                    # "according to the mission's verified data", "the court's filing": the body
                    # whose data it is (named in full earlier, if at all: see _SourceMemory.expand)
                    src = owner.group("owner")
                return _normalise_source(_tally_counter(src) or src, at_sentence_start=False)
    if " by " in lower and _names_a_count(lower) and (giver := _toll_giver(sentence)) is not None:
        return giver
    if (" by reports" in lower or " by the killing" in lower or " by the death" in lower) and (
        alarmed := _ALARMED_BY_REPORTS_RE.match(sentence)
    ) is not None:
        # "UNHCR is deeply alarmed by reports that as many as 70 Rohingya refugees may have died":
        # the body relays the reports as its own statement
        return _normalise_source(alarmed.group("src"), at_sentence_start=True)
    if " as saying" in lower and (quoted := _QUOTED_AS_SAYING_RE.search(sentence)) is not None:
        # "State television quoted the health ministry as saying 224 people were killed": the
        # one quoted speaks; the outlet relays.
        return _normalise_source(quoted.group("src"), at_sentence_start=False)
    first_person = False
    for verb in _reporting_verbs(sentence, lower):
        speaker = _speaker(sentence, verb)
        if speaker == _PRONOUN and _FIRST_PERSON_RE.search(lower, max(0, verb - 24), verb) is not None:
            # '"I myself counted 17 bodies," said a shopkeeper': the quote's own "I" is
            # whoever the quote is attributed to, named later in the sentence, if at all.
            first_person = True
            continue
        if speaker is not None:
            return speaker
    if first_person:
        return _FIRST_PERSON
    if " - " in sentence or " – " in sentence or " — " in sentence:
        # A wire snap's credit after a dash at its end: "death toll climbs to 46, more than 150
        # wounded - Lady Reading Hospital spokesman Mohammad Asim".
        credit = _DASH_CREDIT_RE.search(sentence)
        if credit is not None and _is_credit(credit.group("src")):
            return _normalise_source(credit.group("src"), at_sentence_start=False)
    if ("'s " in lower or "’s " in lower) and any(
        k in lower for k in ("toll", "count", "tally", "figure", "record")
    ):
        for possessive in _POSSESSIVE_TOLL_RE.finditer(sentence, _possessive_floor(sentence)):
            subject = _source_phrase(_words_of(sentence, possessive.start("src"), possessive.end("src")))
            if subject is not None and subject != _PRONOUN:
                return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
    if any(opener in lower for opener in _CITING_OPENERS):
        match = _CITING_RE.search(sentence)
        if match:
            return _normalise_source(match.group("src"), at_sentence_start=False)
    if "treated" in lower or "registered" in lower or "admitted" in lower or "received" in lower:
        # "MSF medical teams in Cox's Bazar treated 39 people": who treated or registered
        # the people counted them, when no one else is said to.
        for match in _COUNTED_BY_CARE_RE.finditer(sentence):
            if " our " in f" {lower[: match.start()]}":
                break  # "Our medical team ... treated 17": the writer's own count
            subject = _subject_before(sentence, match.start())
            if (
                isinstance(subject, tuple)
                and subject[0].split()[0].lower() not in _REPORTING_VERBS
                and subject[0].lstrip("-•*–| ").split()[0].lower() not in _OUTCOME_LABEL_WORDS  # "- Wounded treated in ...: 2,800"
            ):
                return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
    if "arrest" in lower or "recovered" in lower or "retrieved" in lower or "detained" in lower:
        # "Manipur Police have arrested 7 persons", "Libyan authorities recovered 19 bodies": the
        # body that made the arrests or recovered the dead counted them, when no one else is said to.
        for match in _COUNTED_BY_HANDLING_RE.finditer(sentence):
            subject = _subject_before(sentence, match.start())
            if (
                isinstance(subject, tuple)
                and _POSSESSIVE_S_RE.sub("", subject[0].split()[-1]).lower() in _HANDLING_BODIES
            ):
                return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
    if ":" in sentence:
        match = _LEAD_IN_RE.match(sentence)
        if match and match.group("src").split()[-1].lower() in _LEAD_IN_TAILS and len(match.group("src").split()) > 1:
            # "18:20 — Health ministry update: 274 dead": the source before the word for its message
            match = _LEAD_IN_RE.match(sentence.replace(f" {match.group('src').split()[-1]}:", ":", 1))
        if (
            match
            and _POSSESSIVE_S_RE.sub("", match.group("src").split()[-1]).lower() in _SOURCE_HEADS
            # ("- Wounded treated in Goma hospitals: more than 2,800": a key figure's label)
            and match.group("src").split()[0].lower() not in _OUTCOME_LABEL_WORDS
            # "REPORTER: The governor told the families ...": a transcript's speaker label; the
            # reporter relays a source, or none.
            and match.group("src").strip().lower() not in _TRANSCRIPT_LABELS
        ):
            return _normalise_source(match.group("src"), at_sentence_start=False)
    return None


# ("quoted Hossein Kermanpour, a health ministry spokesman, as saying": the name and what he is)
_QUOTED_AS_SAYING_RE = re.compile(
    r"\bquot(?:ed|ing|es)\s+(?P<src>[^,.;:()\"“”]{2,80}?(?:,\s+[^,.;:()\"“”]{2,80}?)?),?\s+as\s+saying\b"
)
# ", who gave his name as Gul Rahman,", ", who asked to be identified only as Dr Nasser,"
_GIVEN_NAME_RE = re.compile(
    r",\s+who\s+(?:gave\s+(?:his|her|their)\s+(?:first\s+)?name(?:\s+only)?\s+as"
    r"|asked\s+(?:us\s+)?to\s+be\s+(?:identified|called|named)(?:\s+only)?(?:\s+as)?"
    r"|asked\s+us\s+to\s+call\s+(?:him|her|them)|identified\s+(?:himself|herself)(?:\s+only)?\s+as"
    r"|(?:is|was|goes)\s+(?:known|called)(?:\s+only)?(?:\s+as)?)"
    r"\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:al-|el-|abu\s+)?[A-Z][\w'’-]*){0,3})(?:,\s+\d{1,3})?(?=\s*(?:[,.;]|$))"
)
_TOLL_HEADS = frozenset("toll tolls figure figures count counts tally tallies estimate estimates number".split())
# Who keeps a count, named by the word before it: "media tallies", "hospital figures".
# (not a keeper: "Our records show" is the writer's own, "The figures show" no one's)
_DETERMINERS = frozenset("the a an our their its his her my your these those this that".split())
_COUNT_KEEPERS = frozenset(
    "media hospital hospitals government ministry police army military monitor activists press federal official".split()
)
# "The previous toll announced by the Minister of Health, ...": who gave a count.
_TOLL_BY_RE = re.compile(
    # ("The first official toll, published by the FSB late that night, was 40 dead")
    r"\b(?:toll|figure|count|tally|estimate)s?,?\s+(?:[a-z]+\s+){0,2}?(?:issued|announced|released|published|given|put\s+out)"
    r"\s+by\s+(?P<src>[^,.;:()\"“”]+?)(?=\s*[,.;:()\"“”]|\s+(?:on|in|at|was|were|is|had|has|put|stood|a\s+day|the\s+day"
    r"|earlier|last|yesterday|late|early|overnight|that|this)\b|$)",
    re.IGNORECASE,
)
# "39 people had been killed, twice the figure given by the president": a count compared with
# another's; the sentence's speaker gave it.
_COMPARED_RE = re.compile(r"\b(?:twice|double|half|times|than|compared\s+with|up\s+from|down\s+from)\s+(?:the\s+|a\s+)?(?:\w+\s+)?$")


def _speaks_after_colon(sentence: str, lower: str, colon: int) -> bool:
    """Whether the clause after a lead-in's colon opens on its own speaker and verb ("...
    tonight: the health ministry there says 44,056 ...")."""
    for verb in _reporting_verbs(sentence, lower):
        if verb > colon:
            subject = _subject_before(sentence, verb)
            return isinstance(subject, tuple) and subject[1] <= colon + 3
    return False


def _toll_giver(sentence: str) -> str | None:
    """Who gave the toll a sentence is about ("the last toll issued by the health ministry was
    56"), with the person's name after a role ("by the Minister of Health, Dr Firass Abiad")."""
    by = _TOLL_BY_RE.search(sentence)
    if by is None or not _names_a_source(by.group("src")):
        return None
    if _COMPARED_RE.search(sentence, max(0, by.start() - 30), by.start()) is not None:
        return None
    return _normalise_source(_with_name_after(sentence, by.group("src"), by.end("src")), at_sentence_start=False)


def _with_name_after(sentence: str, role: str, end: int) -> str:
    """``role`` and the person's name that follows it at ``sentence[end:]`` between commas
    ("the regional governor, Oleh Syniehubov"): the fullest form the text gives."""
    if not sentence.startswith(",", end):
        return role
    person = _TRAILING_PERSON_RE.match(sentence, end)
    if person is None or any(w in _NOT_PERSON_WORDS for w in person.group("name").lower().split()):
        return role  # "according to the police, Reuters reported": not the role's name
    return f"{role}, {person.group('name').rstrip('.')}"


_TRAILING_PERSON_RE = re.compile(
    r",\s+(?P<name>[A-Z][\w'’.-]+(?:\s+(?:al-|el-|bin\s+|abu\s+|de\s+)?[A-Z][\w'’.-]+){1,3})\s*(?:[.;,]|$)"
)
_LEAD_IN_TAILS = frozenset("update updates statement figures toll count report says".split())
# A transcript's speaker label in capitals at a paragraph's start: "HAGARI: ...", "JEAN-ROBERT PIERRE: ...".
def _own_voice(found: str) -> bool:
    """"Our Office", "our teams", "my office", "Our" (of "Our records show"): the speaker's own."""
    head = found[:4].lower()
    return head in ("our ", "my o", "my t") or found.lower() in ("our", "my", "we")


_SPEAKING_FOR_ONESELF_RE = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
# (maybe with a role or place in brackets: "TANVIR RAHMAN (DHAKA):", "MAJ GEN EDWARD BUBA
# (Director, Defence Media Operations):")
_SPEAKER_LABEL_RE = re.compile(rf"[ \t]*({SPEAKER_LABEL}){SPEAKER_LABEL_END}")
_SPEAKER_LABEL_LINE_RE = re.compile(rf"(?m)^[ \t]*{SPEAKER_LABEL}{SPEAKER_LABEL_END}")
_FLASH_TAGS = frozenset(
    "urgent breaking update correction background note editor's note flash alert latest live".split()
)
_TRANSCRIPT_LABELS = frozenset(
    "reporter correspondent presenter anchor host interviewer narrator announcer".split()
)
# A live page's or bulletin's lead-in, maybe after its time: "Latest from the State
# Emergency Service: 34 dead", "12:45 - Police: 3 dead". Only a source noun ends the name
# ("Reports from Sumy:" names a place, "Killed:" a label).
_OUTCOME_LABEL_WORDS = frozenset("wounded injured killed dead deaths displaced missing detained abducted".split())
_LEAD_IN_RE = re.compile(
    r"\s*(?:-\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:[-–—]\s*)?)?(?:(?:[A-Za-z’']+\s+){0,2}from\s+)?"
    r"(?P<src>[^:,;.\d]{3,80}?)\s*:(?!\d)"
)


def _names_a_source(phrase: str) -> bool:
    """Whether "according to <phrase>" names a source, not what it rests on ("testimonies it
    had gathered", "preliminary estimates"): a proper name or a source noun, and no pronoun."""
    words = [w.strip("'’") for w in phrase.split()]
    if any(w.lower() in _PRONOUNS and not (len(w) > 1 and w.isupper()) for w in words[1:]):
        return False
    if len(words) >= 2 and words[-1].lower() in _TOLL_HEADS and words[-2].lower() in _COUNT_KEEPERS:
        return True  # "according to federal figures", "according to hospital figures"
    # ("according to the court's filing": whose document it is names the source)
    # (a name may open in lower case: "i24NEWS", "eNCA")
    return any(w[:1].isupper() or sum(c.isupper() for c in w) >= 2 or w.lower() in _SOURCE_HEADS or _POSSESSIVE_S_RE.sub("", w).lower() in _SOURCE_HEADS for w in words) or (
        # "according to a humanitarian worker": a person described by a noun
        len(words) <= 4 and words[0].lower() in ("a", "an", "one") and _is_person_noun(words[-1].lower())
    )


# A body named by a common noun owning what is cited: "the mission's verified data".
_LOWER_OWNER_RE = re.compile(r"(?P<owner>(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z-]+))['’]s\s+[a-z]")
# A speaker described by the writer's contact with them: "Local officials we spoke to this afternoon".
_SPOKE_TO_RE = re.compile(
    r"(?:^|[,;:]\s*|^\d{1,2}[:.]\d{2}\s*[-–—]\s*)(?P<src>(?:(?:the|a|an)\s+)?[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3}?)"
    r"\s+(?:(?:whom|who|that)\s+)?(?:we|I|our\s+\w+)\s+(?:have\s+|had\s+)?(?:spoke|spoken|talked)\s+(?:to|with)"
    r"(?:\s+(?:this|on|late|earlier|yesterday|today|last)\b[^,]{0,25})?$"
)
# The phrase a ", which"/", who" clause describes: after the last comma, "by" or the start.
_ANTECEDENT_RE = re.compile(r"(?:^|[,;:]\s*|\bby\s+)(?P<src>(?:(?:the|a|an)\s+)?[A-Za-z][^,;:()\"“”]{1,80}?)\s*$")


def _speaker(sentence: str, verb: int) -> str | None:
    """Who the reporting verb at ``sentence[verb]`` quotes: a normalised name, _PRONOUN or None."""
    before = sentence[:verb].rstrip()
    if before.endswith((", which", ", who")) and (antecedent := _ANTECEDENT_RE.search(before, 0, before.rfind(","))):
        # "given by a coalition of rights groups, the Police Reforms Working Group, which put
        # the toll at 23": the body the clause describes (the last phrase before the comma).
        src = antecedent.group("src")
        if _names_a_source(src) and _speaker_head([(w, 0) for w in src.split()]):
            return _normalise_source(src, at_sentence_start=antecedent.start("src") == 0)
    if " spoke " in before or " talked " in before or " spoken " in before:
        contact = _SPOKE_TO_RE.search(before)
        if contact is not None and _names_a_source(contact.group("src")):
            # "Local officials we spoke to this afternoon put the number ... at": the people spoken to
            return _normalise_source(contact.group("src"), at_sentence_start=contact.start("src") == 0)
    # A quotation before the verb: "“At least 30 people were killed,” said Ali Hassan".
    quoted = before[-1:] in _QUOTE_ENDS
    # "..., a medical source told AFP": after "told" comes who was told, not the speaker.
    if (before.endswith(",") or quoted) and " who " in sentence[verb:]:
        # '"We buried eleven ...," said a man in Shahba, 20 km north of the city, who gave his
        # name as Nizar.': everything from the verb to the name describes the speaker.
        given = _GIVEN_NAME_RE.search(sentence, verb)
        if given is not None and not any(c in sentence[verb : given.start()] for c in '.;"“”'):
            speaker_start = _WORD_RE.match(sentence.lower(), verb).end()  # type: ignore[union-attr]
            return _normalise_source(sentence[speaker_start : given.end("name")].strip(), at_sentence_start=False)
    if (before.endswith(",") or quoted or not before) and not sentence.startswith(("told", "informed"), verb):
        inverted = _INVERTED_RE.match(sentence, _WORD_RE.match(sentence.lower(), verb).end())  # type: ignore[union-attr]
        if inverted:
            name = inverted.group("src")
            words = name.split()
            head = _POSSESSIVE_S_RE.sub("", words[-1]).lower()
            # "said no fewer than six people had been killed": a clause (what was said); also
            # past a participle ("said Russian shelling of villages had killed").
            rest = sentence[inverted.end() : inverted.end() + 80]
            cut = min((i for i in (rest.find(c) for c in ",.;") if i >= 0), default=len(rest))
            clause = any(w.lower() in _CLAUSE_WORDS for w in words + rest[:cut].split())
            if not clause and rest.startswith(",") and 0 < (aside_end := rest.find(",", 1)) < 70:
                # "..., Volker Türk, says the M23 rebels, backed by Rwanda, killed at least 319":
                # after an aside, a verb: what was said, not who said it
                next_word = rest[aside_end + 1 :].split()[:1]
                clause = bool(next_word) and next_word[0].lower() in _CLAUSE_WORDS
            if (
                not clause
                and words[0].lower() not in _PRONOUNS
                and words[0].lower() not in _NOT_A_SPEAKER_START
                and (head in _SOURCE_HEADS or any(w[:1].isupper() for w in words))
                # (checked last: a regex search per verb) not "Ivan Fedorov, the governor, says X"
                and not (before.endswith(",") and _named_subject_with_aside(sentence, verb))
                # nor "Officials, speaking on condition of anonymity, said the raids on Kunar ...":
                # what they said follows
                and not (before.endswith(",") and _SPEAKING_ASIDE_RE.search(before, max(0, len(before) - 64)))
            ):
                return _normalise_source(name, at_sentence_start=False)
    if before.endswith(",") and sentence.startswith(("saying", "documenting", "recording", "reporting"), verb):
        # "French military intelligence went further, saying the toll was ...": the one saying
        # is the sentence's subject.
        opening = _SAYING_SUBJECT_RE.match(sentence)
        if opening is not None and opening.end("np") < verb:
            subject = _source_phrase(_words_of(sentence, 0, opening.end("np")))
            if isinstance(subject, tuple):
                return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
    if before.endswith(",") and " who " in before:
        # "One man, who gave his name as Gul Rahman, said": the person and the name they gave.
        given = _GIVEN_NAME_RE.search(before, max(0, len(before) - 120))
        if given is not None and given.end() == len(before) - 1:
            subject = _subject_before(sentence, given.start())
            if isinstance(subject, tuple):
                phrase = sentence[subject[1] : given.end("name")]
                return _normalise_source(phrase, at_sentence_start=subject[1] == 0)
            return given.group("name")
    if before.endswith(","):
        # "Ahmad Fahmawi, 34, a taxi driver from the camp, said ...": a person named with
        # their age, then what they are, then the verb (also after the quotation they spoke:
        # '"...," Malam Ibrahim Bukar, 58, a grain trader, told our reporter').
        person = _NAME_AGE_RE.match(sentence)
        if person is None and _quoted_before(before):
            person = _NAME_AGE_RE.match(sentence, _last_quote_end(before))
        if person is not None and person.end() <= verb:
            return person.group("name") or person.group("single")
        # "Hussam Abu Safiya, its director, said ...": a name, then its role in lower case.
        role = _NAME_ROLE_RE.search(before)
        if role is not None:
            if role.group("full"):
                return _normalise_source(role.group("full"), at_sentence_start=False)
            return role.group("name") or role.group("named")
        # "The RSF, in a post on its Telegram channel, said ...": the subject before the aside.
        aside = _WHERE_ASIDE_RE.search(before)
        if aside is not None:
            subject = _subject_before(sentence, aside.start())
            if isinstance(subject, tuple):
                return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
    if before.endswith((" who", " who also", " who had", " who has", " who earlier", " who later")):
        relative = _WHO_BEFORE_VERB_RE.search(before, max(0, len(before) - 24))
        if relative is not None:
            # "The new figures contradict President William Ruto, who said on Sunday that 19
            # people had died": who said it is the name the relative clause hangs on.
            named = _NOUN_PHRASE_END_RE.search(sentence, max(0, relative.start() - 80), relative.start())
            if named is not None and _names_a_source(named.group(0)):
                return _normalise_source(named.group(0), at_sentence_start=named.start() == 0)
    trailing = _TRAILING_SPEAKER_RE.search(before)
    if trailing is not None and _CLAUSE_END_RE.match(sentence, verb + len(_WORD_RE.match(sentence.lower(), verb).group(0))):  # type: ignore[union-attr]
        # "Hospitals in Cucuta have treated 19 wounded, the departmental health secretary said."
        src = trailing.group("src")
        while " " in src and src.rsplit(None, 1)[-1].lower() in _SUBJECT_SKIP:
            src = src.rsplit(None, 1)[0]  # "..., an official inquiry later found."
        return _normalise_source(src, at_sentence_start=False)
    core = before
    while core and core.rsplit(None, 1)[-1].lower() in _SUBJECT_SKIP:
        core = core[: len(core) - len(core.rsplit(None, 1)[-1])].rstrip()  # "..., had earlier put"
    if core.endswith(","):
        appositive = _APPOSITIVE_NAME_RE.search(sentence, max(0, len(core) - 100), len(core))
        if appositive and not (
            # the end of a list inside an aside: "JNIM, an affiliate whose fighters operate
            # across Mali, Burkina Faso and Niger, said"
            (aside := _RELATIVE_CLAUSE_RE.search(sentence, max(0, len(core) - 120), len(core))) is not None
            and aside.start() < appositive.start()
        ):
            return appositive.group("name")
    progressive = _PROGRESSIVE_RE.search(sentence, max(0, verb - 30), verb)
    if progressive is not None and not _WORD_RE.match(sentence.lower(), verb).group(0).endswith("ing"):  # type: ignore[union-attr]
        # "The toll was revised to 79", "Three soldiers were reported missing": a passive;
        # what was revised or reported is no speaker ("is now saying" is one).
        return None
    # "Magen David Adom, the ambulance service, is now saying": the subject is before "is now".
    subject = _subject_before(sentence, progressive.start() if progressive else verb)
    if subject == _PRONOUN:
        return _PRONOUN
    if subject is None:
        return None
    assert not isinstance(subject, str)
    if subject[0].split()[0].lower() in _REPORTING_VERBS:
        return None  # "..., said his group had counted 86": the verb before, not a name
    owner, *owned = subject[0].lower().split()
    if owner in ("its", "their") and owned and (owned[-1] in _OWN_PEOPLE or owned[-1] in _OWN_DOCUMENTS):
        # ("Its report on Saturday had said 11,300": the body named before, whose report it was)
        # "Its teams have recorded ...": the body named before (not "Its health authority
        # said": a source of its own)
        return _PRONOUN
    head = _POSSESSIVE_S_RE.sub("", subject[0].split()[-1]).lower()
    if sentence.startswith("show", verb):
        # "the AFP tally showed": whose tally; "Images showed 12 bodies" names no source
        counter = _tally_counter(subject[0]) if head in _TOLL_HEADS else None
        if counter:
            return _normalise_source(counter, at_sentence_start=False)
        keeper = subject[0].split()
        if (
            (head in _TOLL_HEADS or head in ("data", "statistics", "records"))
            and len(keeper) >= 2
            and (keeper[-2].lower() in _COUNT_KEEPERS or (keeper[-2][:1].isupper() and keeper[-2].lower() not in _DETERMINERS))
        ):
            # "Police figures show more than 6,200 drug suspects were killed": whose figures
            return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
        return None
    if " version of th" in subject[0].lower() and _OWN_COPY_RE.search(subject[0]) is not None:
        return None  # "An earlier version of this story said": the outlet correcting itself
    if head in _TOLL_HEADS:
        # "An earlier toll given on Thursday had put the dead at 60": a count is no speaker
        # (who gave it may be: see _toll_giver); "Media tallies put the number ... at more than
        # 200": the count of whoever the word before it names.
        keeper = subject[0].split()
        if len(keeper) >= 2 and (keeper[-2].lower() in _COUNT_KEEPERS or (keeper[-2][:1].isupper() and keeper[-2] not in ("The", "A", "An"))):
            return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
        return None
    if head not in _SOURCE_HEADS and subject[1] > 0:
        # Only a capitalised word made it a source: prefer the sentence's own subject when it
        # is a source noun ("A national committee investigating the violence on Syria's coast said").
        initial = _INITIAL_NP_RE.match(sentence)
        if (
            initial
            and initial.group("head").lower() in _SOURCE_HEADS
            and initial.end() <= verb
            and not sentence.startswith(_PLACE_PREPOSITIONS)  # "In Jenin's hospital, Dr Bakr said": where
        ):
            return _normalise_source(initial.group(0), at_sentence_start=True)
    return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)


def _named_subject_with_aside(sentence: str, verb: int) -> bool:
    """ "Ivan Fedorov, the head of the regional administration, says Russian aircraft ...":
    the comma before the verb closes an aside about a name, so the verb's subject comes
    before it (not an inverted "..., says X")."""
    clause = _RELATIVE_CLAUSE_RE.search(sentence, max(0, verb - 120), verb) or _ROLE_CLAUSE_RE.search(
        sentence, max(0, verb - 140), verb
    )
    if clause is None:
        return False
    words = sentence[: clause.start()].split()
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in _PRONOUNS


_TOKEN_RE = re.compile(r"[^\s][^\s]*")  # not "+": a single class first lets the engine skip ahead


def _possessive_floor(sentence: str) -> int:
    """Where a ``_POSSESSIVE_TOLL_RE`` match can start at the earliest, so that its scan (a
    lazy run of up to five words tried at every offset: the costliest search of a sentence)
    skips what comes before. The match's name is at most five runs of word characters,
    apostrophes and hyphens, separated by blanks, the last one ending at an apostrophe; from
    the sentence's first apostrophe, walking back over what is left of its run and then four
    more blanks-and-runs bounds every match (a later apostrophe's walk crosses the same runs)."""
    firsts = [i for i in (sentence.find("'"), sentence.find("’")) if i >= 0]
    if not firsts:
        return len(sentence)  # no apostrophe: no match
    i = _run_start(sentence, min(firsts))
    for _ in range(4):
        k = i
        while k > 0 and sentence[k - 1].isspace():
            k -= 1
        if k == i:
            break
        i = _run_start(sentence, k)
        if i == k:
            break
    return i


def _run_start(sentence: str, i: int) -> int:
    """Start of the run of ``[\\w’'-]`` characters that ends at ``i``."""
    while i > 0 and (sentence[i - 1].isalnum() or sentence[i - 1] in "_’'-"):
        i -= 1
    return i


# "A security official, who asked not to be named, said" / "X, a Britain-based monitor, said" /
# "An army officer in Palmyra, some 70 kilometres to the west, told AFP"
_RELATIVE_CLAUSE_RE = re.compile(
    # ("Tom Perriello, then the US special envoy for Sudan, said")
    # (", issued on Monday night,", ", relying only on information from the AA,")
    r",\s*(?:who|which|(?:then\s+|now\s+|formerly\s+)?(?:a|an|the)|speaking|based|headquartered|(?:contacted|reached|interviewed|seen|quoted|cited)\s+by"
    # (not "published": "An earlier version, published on 12 March, said" is the outlet's own text)
    r"|(?:issued|released|dated)\s+(?:on|in|late|early|last|this)|relying\s+(?:only\s+|solely\s+|mainly\s+)?on"
    r"|(?:also\s+|better\s+)?known\s+as|formerly"
    r"|(?:(?:some|about|around|roughly|nearly)\s+)?\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)(?=\s))\b"
    # (a count's thousands comma stays inside: "of 3,200 people"; and a list of names: "an al
    # Qaeda affiliate whose fighters operate across Mali, Burkina Faso and Niger,")
    r"(?:[^,]|(?<=\d),(?=\d)|,(?=(?:\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,)*\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+and\s))*,\s*$",
    re.IGNORECASE,
)
# How the speaker was reached, between the speaker and the verb: "Residents reached by
# telephone said", "A security official speaking on condition of anonymity said".
_HOW_REACHED_RE = re.compile(
    r"\s+(?:(?:reached|contacted|interviewed|quoted|cited)\s+(?:by|on|over|via)\s+(?:the\s+|a\s+)?[\w-]+"
    r"(?:\s+(?:phone|message|messages|app))?"
    r"|speaking\s+(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+declined\s+to\s+be\s+named"
    # "Local sources speaking to partners put the toll at": the sources, not whom they spoke to.
    r"|(?:speaking|talking)\s+(?:to|with)\s+(?:the\s+|our\s+|a\s+)?[\w'’-]+(?:\s+[\w'’-]+)?"
    # ("A Bedouin tribal leader speaking to us from Daraa province says": where they spoke from)
    r"(?:\s+(?:from|in)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2})?"
    # "A US intelligence assessment released on 18 October said", "... seen by journalists put"
    r"|(?:released|published|issued|dated)\s+(?:on|in|last|this)\s+(?:\d{1,2}\s+)?[\w]+(?:\s+\d{1,4})?"
    r"|seen\s+by\s+(?:the\s+|a\s+)?[\w'’-]+(?:\s+[\w'’-]+)?"
    r"|(?:whom\s+|who\s+|that\s+)?(?:we|I)\s+(?:spoke|talked)\s+(?:to|with)|(?:whom\s+|who\s+)?(?:we|I)\s+interviewed"
    r"|who\s+(?:asked|spoke|declined|requested|refused)\s+[^,.;]{0,40}?(?:named|identified|anonymity))\s*$",
    re.IGNORECASE,
)
# Every match of _HOW_REACHED_RE holds one of these (case as in the pattern's usual text).
_HOW_REACHED_KEYS = (
    "reached", "released", "published", "issued", "dated", "seen by", "contacted", "interviewed", "quoted", "cited",
    "speaking", "talking", "who ", "we ", "I "
)
# "Nazir Ahmad, president of the traders' union, said": the speaker's role, kept with the name
# (the fullest form the text gives); an acronym in brackets after it is left out.
# A possessive "'s" ending a word (compiled once: re.sub with a pattern string looks it up per call).
_POSSESSIVE_S_RE = re.compile(r"['’]s$")
_ROLE_CLAUSE_RE = re.compile(
    r",\s*(?P<role>(?!based\s|headquartered\s|located\s)[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:of|for|at|in|to)\s+[^,()]*?"
    # "Hassan al-Ghabbash, Syria's health minister, told"
    # (and "al-Qaeda's affiliate in the region")
    # (and "al Qaeda's affiliate", with a space after the article)
    r"|(?:[a-z]{1,3}[-\s])?[A-Z][\w-]*['’]s\s+(?:[a-z][\w-]*\s+){0,3}[\w-]+)(?:\s*\([^(),]*\))?,\s*$"
)


_UNIT_NUMBER_RE = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")


# A number that ends a name: "Rescue 1122", "Suwayda 24", "Channel 12" (outlets and services).
_NAME_NUMBER_RE = re.compile(r"\d{1,4}")


def _numbered_name(tokens: list[tuple[str, int]], index: int, words: list[tuple[str, int]]) -> bool:
    """Whether the number at ``tokens[index]`` closes a name such as "Rescue 1122" (the speaker
    right before a verb, or before more of the name), not a date ("March 12") or a count."""
    if index == 0 or not _NAME_NUMBER_RE.fullmatch(tokens[index][0]) or (words and not words[0][0][:1].isupper()):
        return False
    # (not a place and a count: "In Gaza 12 reported killed")
    return _name_word(tokens[index - 1][0]) and not (index > 1 and tokens[index - 2][0].lower() in _PLACE_WORDS_BEFORE)


_PLACE_WORDS_BEFORE = frozenset(("in", "at", "from", "near", "across", "outside", "inside", "around", "to"))


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word[-1].isalpha() and word.lower() not in MONTH_WORDS


def _names_before_number(before: str) -> bool:
    """Whether the text before a number ends in a capitalised word, with one space between
    ("Channel 12", "Suwayda 24"), so the number may end a name."""
    if not before.endswith(" ") or before.endswith("  "):
        return False
    words = before.split()
    # (not a place and a count: "In Gaza 12 were killed")
    return bool(words) and _name_word(words[-1]) and not (len(words) > 1 and words[-2].lower() in _PLACE_WORDS_BEFORE)


def _words_of(sentence: str, start: int, stop: int) -> list[tuple[str, int]]:
    tokens = [(m.group(0), m.start()) for m in _TOKEN_RE.finditer(sentence, start, stop)]
    words: list[tuple[str, int]] = []
    for index in range(len(tokens) - 1, -1, -1):
        token, position = tokens[index]
        bare = token.strip("\"“”'‘’()")
        if (
            bare
            and token[0] == "("
            and token[-1] == ")"
            and index > 0
            and all(w.lower() in _SUBJECT_SKIP for w, _ in words)
        ):
            continue  # "the International Organization for Migration (IOM) reports"
        if not bare or token[-1] in ',;:"“”)(—–' or (
            bare[0].isdigit()
            and not bare.endswith("-old")  # (an age is part of the phrase: "a 23-year-old farmer")
            # a unit's number is part of its name: "the 444 Brigade", "the 25th Division"
            and not (
                words
                and words[0][0][:1].isupper()
                and index > 0
                and tokens[index - 1][0].lower() == "the"
                and _UNIT_NUMBER_RE.fullmatch(bare)
            )
            and not _numbered_name(tokens, index, words)
            # a date inside the phrase: "Our statement of 26 June reported"
            and not (words and words[0][0].lower() in MONTH_WORDS and bare.isdigit() and len(bare) <= 2)
        ):
            break
        if bare.lower() in _SUBJECT_STOP and not (len(bare) > 1 and bare.isupper()):  # "WHO" is a name
            # "and", "to", "on" between two capitalised words are inside a name ("Ministry of Health
            # and Population", "Committee to Protect Journalists").
            inside_name = (
                bare in ("and", "to", "on")
                and words
                and words[0][0][:1].isupper()
                and index > 0
                and tokens[index - 1][0][:1].isupper()
                and tokens[index - 1][0][-1] not in ",;:"
            )
            if not inside_name:
                break
        words.insert(0, (bare, position))
        if len(words) == 10:  # "The Displacement Tracking Matrix of the International Organization for Migration"
            break
    return words


_INQUIRY_INTO_RE = re.compile(
    r"\b(?:commission|inquiry|committee|panel|investigation|mission|probe|tribunal)(?P<into>\s+into\s)", re.IGNORECASE
)
_REDUCED_RELATIVE_RE = re.compile(
    r"\s(?:set\s+up|formed|founded|created|run|led|made\s+up)\s+by\s|\s(?:living|based|working)\s+in\s"
)


def _subject_before(sentence: str, stop: int) -> tuple[str, int] | str | None:
    """The noun phrase right before a reporting verb, if it names a source: (text, start)."""
    head_of = _HEAD_OF_RE.match(sentence, 0, stop) if " of " in sentence[:stop] else None
    if head_of is not None and _is_person_noun(head_of.group("head").lower()) and head_of.group("head").lower() not in _NOT_HEAD_OF:
        # "Survivors of Saturday's attack on the town of Barsalogho say": the survivors, not
        # the town (the phrase after the last article).
        return head_of.group("head"), head_of.start("head")
    role = None
    window = sentence[max(0, stop - 60) : stop]
    if any(key in window for key in _HOW_REACHED_KEYS):  # a cheap test first: runs per verb
        how = _HOW_REACHED_RE.search(sentence, max(0, stop - 60), stop)
        if how:
            stop = how.start()  # "Residents of Wadi al-Dhahab reached by telephone said"
    near = sentence[max(0, stop - 24) : stop].lower()  # (this runs per verb: lower a window, not the sentence)
    if near.endswith(_REGRETS_TO):
        # "The Ministry of the Interior regrets to report": the subject before "regrets to"
        stop -= len(next(phrase for phrase in _REGRETS_TO if near.endswith(phrase)))
        if sentence[max(0, stop - 7) : stop].lower() == "deeply ":
            stop -= len("deeply ")
    while True:
        # "A local rights group, the National ... Network (RNDDH), had earlier put": the
        # auxiliaries and adverbs are not the subject; the comma before them is its end.
        head = sentence[:stop].rstrip()
        last = head.rsplit(None, 1)[-1] if head else ""
        if not last or last.lower() not in _SUBJECT_SKIP:
            break
        stop = len(head) - len(last)
    if " by " in sentence[max(0, stop - 80) : stop] or " in " in sentence[max(0, stop - 80) : stop]:
        reduced = _REDUCED_RELATIVE_RE.search(sentence, max(0, stop - 80), stop)
        if reduced is not None and not any(c in sentence[reduced.start() : stop] for c in ',;"“”'):
            # "A collective set up by victims' families puts the number at ...", "a collective
            # of residents living in the capital put ...": the speaker is before the participle.
            stop = reduced.start()
    if " into " in sentence[max(0, stop - 120) : stop] and (
        inquiry := _INQUIRY_INTO_RE.search(sentence, max(0, stop - 120), stop)
    ) is not None and not any(c in sentence[inquiry.end() : stop] for c in ',;"“”'):
        # "Syria's national fact-finding commission into the March violence on Syria's coast
        # said": the commission, not what it looks into.
        stop = inquiry.start("into")
    who = sentence.rfind(" who ", max(0, stop - 120), stop)
    if who > 0 and not any(c in sentence[who:stop] for c in ',;"“”'):
        # "a 23-year-old farmer who survived by lying still told us": the speaker is before
        # the relative clause (one with no commas round it).
        stop = who
    tail = sentence[max(0, stop - 4) : stop].rstrip()
    if tail.endswith(")"):
        # "the Syria Civil Defence (White Helmets) said": the name before its bracketed aside.
        opening = sentence.rfind("(", max(0, stop - 50), stop)
        if opening > 0:
            stop = opening
    if sentence[max(0, stop - 4) : stop].rstrip().endswith(","):
        clause = _RELATIVE_CLAUSE_RE.search(sentence, max(0, stop - 120), stop)
        if clause:
            stop = clause.start()  # "A security official, who asked not to be named, said"
        else:
            described = _ROLE_CLAUSE_RE.search(sentence, max(0, stop - 140), stop)
            if described:
                stop, role = described.start(), described.group("role")
    if sentence[max(0, stop - 5) : stop].rstrip().endswith(" and"):
        # "The government called the killings a massacre and put the toll at 104": the
        # second of two verbs has the sentence's subject (past an aside in commas).
        first = _SENTENCE_SUBJECT_RE.match(sentence)
        if first is not None and first.end("np") < stop:
            subject = _source_phrase(_words_of(sentence, 0, first.end("np")))
            if isinstance(subject, tuple):
                return subject
    start = max(0, stop - 90)
    if start > 0:
        start = sentence.find(" ", start, stop) + 1  # do not start inside a word
    if sentence.startswith(_PLACE_PREPOSITIONS, start) and (comma := sentence.rfind(", ", start, stop)) > start:
        start = comma + 2  # "In Jenin's hospital, Dr Wisam Bakr said": the speaker after where
    tokens = _words_of(sentence, start, stop)
    while tokens and tokens[-1][0].lower() in _SUBJECT_SKIP:
        tokens.pop()
    if tokens and sentence.endswith(" and ", 0, tokens[0][1]):
        tokens = _coordinated_speakers(sentence, start, tokens)
    subject = _source_phrase(tokens)
    if isinstance(subject, tuple) and (where := _WHERE_BEFORE_RE.search(sentence, start, subject[1])):
        # "A nurse at the clinic told us": the person, not the place they were at.
        person = _source_phrase(_words_of(sentence, start, where.start()))
        if isinstance(person, tuple) and (
            _is_person_noun(person[0].split()[-1].lower())
            # "our teams at Kyeshero hospital received 57 wounded": the statement's own people
            or (_own_voice(person[0]) and person[0].split()[-1].lower() in _OWN_PEOPLE)
        ):
            subject = person
    if subject is None and (where := _WHERE_AFTER_RE.search(sentence, start, stop)) is not None:
        # "A police officer at the scene told reporters": the speaker before where they were.
        before_where = _source_phrase(_words_of(sentence, start, where.start()))
        if isinstance(before_where, tuple):
            head = _POSSESSIVE_S_RE.sub("", before_where[0].split()[-1]).lower()
            if head in _SOURCE_HEADS or _is_person_noun(head):
                subject = before_where
    if role is not None and isinstance(subject, tuple):
        return f"{subject[0]}, {role}", subject[1]
    return subject


_PLACE_PREPOSITIONS = ("In ", "At ", "Inside ", "Outside ", "Near ", "From ")


def _speaker_head(words: list[tuple[str, int]]) -> bool:
    head = _POSSESSIVE_S_RE.sub("", words[-1][0]).lower()
    return head in _SOURCE_HEADS or _is_person_noun(head)


def _coordinated_speakers(sentence: str, start: int, tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """"Local resistance groups and teachers said": both speakers, when the words before
    "and" open the clause and name speakers too (not "Troops shelled the town and residents
    said": a verb, so the first part is no subject)."""
    joint = tokens[0][1] - len(" and ")
    first = _words_of(sentence, start, joint)
    if not first or len(first) > 5 or not _speaker_head(first) or not _speaker_head(tokens):
        return tokens
    if any(w.lower().endswith("ed") and w.lower() not in _ADJECTIVES_IN_ED for w, _ in first):
        return tokens
    opening = sentence[: first[0][1]].rstrip()
    if opening and opening[-1] not in ',;:"“':
        return tokens
    return [*first, ("and", joint + 1), *tokens]


# Words in "-ed" that describe a speaker rather than say what one did.
_ADJECTIVES_IN_ED = frozenset({"armed", "displaced", "wounded", "injured", "detained", "retired", "united"})


_HEAD_OF_RE = re.compile(r"(?:[A-Z]{2,}:\s+)?(?P<head>[A-Z][a-z]+)\s+of\s+[^,;:.\"“”]{3,100}?\s*$")
_NOT_HEAD_OF = frozenset({"members", "member", "thousands", "hundreds", "dozens", "tens", "families", "people"})
_WHERE_BEFORE_RE = re.compile(r"\s(?:at|in|from|near)\s+$", re.IGNORECASE)
_WHERE_AFTER_RE = re.compile(
    r"\s(?:at|in|on|near|from|outside|inside)\s+(?:the\s+|a\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s*$", re.IGNORECASE
)


# A sentence's subject before its first past-tense verb, past an aside in commas:
# "Sudan's army-aligned government, which has moved to Port Sudan, called".
_SENTENCE_SUBJECT_RE = re.compile(
    r"\s*(?P<np>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)(?:,\s[^,;]{0,160},)?\s+(?:has\s+|have\s+|had\s+)?[a-z]+ed\b"
)


_PUBLISHED_WORDS = frozenset("released published issued presented circulated leaked seen obtained".split())
_PERIOD_WORDS = frozenset("week weeks month months year years days hours period fortnight".split())


def _source_phrase(words: list[tuple[str, int]]) -> tuple[str, int] | str | None:
    while words and words[-1][0].lower() in _SUBJECT_SKIP:
        words = words[:-1]
    if len(words) >= 3 and words[-2][0].lower() == "on" and words[-1][0].lower() in _TIME_WORDS:
        words = words[:-2]  # "Police in Khyber Pakhtunkhwa on Thursday lowered the toll": the police
    own = next((i for i, w in enumerate(words) if i > 0 and w[0].lower() in ("our", "my") and i + 1 < len(words)), None)
    if own is not None and words[own - 1][0].lower() in _TIME_WORDS | _PERIOD_WORDS:
        words = words[own:]  # "Over the past week our teams at the border have registered": our teams
    for i in range(1, len(words)):
        if words[i][0].lower() in _PUBLISHED_WORDS and _POSSESSIVE_S_RE.sub("", words[i - 1][0]).lower() in _SOURCE_HEADS:
            # "A US intelligence assessment released the same day put the number": the assessment
            words = words[:i]
            break

    # Start at the last determiner, if any ("In a grim revelation the UN office" -> "the UN office").
    for i in range(len(words) - 1, -1, -1):
        if words[i][0].lower() in ("the", "a", "an") and not _inside_name(words, i):
            words = words[i:]
            break
    else:
        words = _after_time_phrase(words)
    if not words:
        return None
    head = _POSSESSIVE_S_RE.sub("", words[-1][0]).lower()
    if head in _TIME_WORDS:
        return None  # "An earlier count released on Sunday had put": when, not who
    if len(words) >= 3 and words[-2][0] == "of" and words[-1][0].lower() in ("them", "those", "us"):
        return _PRONOUN  # "One of them said": one of those named before
    # "one rescuer said": "one" counts the speaker here, it is not the pronoun "one".
    counted = len(words) > 1 and words[0][0].lower() == "one"
    if (_is_pronoun(words[0][0]) and not counted) or _is_pronoun(words[-1][0]):
        return _PRONOUN
    # A capitalised word makes a name ("Reuters", "Al-Asbahi", "the Syrian Observatory ...").
    named = any(w[0][:1].isupper() for w in words)
    if (
        head not in _SOURCE_HEADS
        # "a farmer said", "Farmers said"; not "120,000 people are estimated" (the count's own noun)
        and not (_is_person_noun(head) and (words[0][1] == 0 or words[0][0].lower() in ("a", "an", "the", "one")))
        and not named
        and not any(_source_before_of(words, i) for i in range(len(words)))
    ):
        return None  # "residents of the old quarter": the head is the noun before "of"
    return " ".join(w[0] for w in words), words[0][1]


def _is_person_noun(word: str) -> bool:
    return word in _PERSON_WORDS or f"{word}s" in _PERSON_WORDS


def _inside_name(words: list[tuple[str, int]], i: int) -> bool:
    """Whether the article at ``words[i]`` is inside a name: "Committee of the Red Cross",
    "Office of the High Commissioner", "Group for the Support of Islam" (a capitalised word,
    "of" or "for", then the article)."""
    return i >= 2 and words[i - 1][0] in ("of", "for") and (words[i - 2][0][:1].isupper() or _source_before_of(words, i - 1))


def _source_before_of(words: list[tuple[str, int]], i: int) -> bool:
    """Whether ``words[i]`` is "of" after a source noun: "residents of the old quarter"."""
    return i >= 1 and words[i][0] == "of" and words[i - 1][0].lower() in _SOURCE_HEADS


# Words that end a time phrase before a subject ("By early afternoon civil defence teams said").
_TIME_WORDS = frozenset(
    """morning afternoon evening night midday noon dawn dusk midnight weekend today yesterday tonight
    overnight monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _after_time_phrase(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The subject after a leading time phrase: "early afternoon civil defence teams" -> "civil
    defence teams", "Sunday police" -> "police". A capitalised word after a weekday keeps the
    two together: "Sunday Times" is a name."""
    for i in range(len(words) - 2, -1, -1):
        word = words[i][0]
        if word.lower() in _TIME_WORDS and (word.islower() or words[i + 1][0].islower()):
            return words[i + 1 :]
    if len(words) > 2 and words[0][0].lower() in _TIME_WORDS and words[2][0][:1].isupper():
        # "On Sunday Serhiy Lysak, the governor, said": a weekday before a person's two names
        return words[1:]
    return words


def _is_pronoun(word: str) -> bool:
    # "WHO" (the World Health Organization) is not "who"; "It" at a sentence start is "it".
    return word.lower() in _PRONOUNS and not (len(word) > 1 and word.isupper())


_DATA_OF_RE = re.compile(
    r"^(?:the\s+)?(?:latest\s+|last\s+|official\s+|preliminary\s+)?(?:figures|data|numbers|records|statistics|information"
    r"|estimates|count|tally)"
    r"\s+(?:of|from|by|compiled\s+by|published\s+by|released\s+by|gathered\s+by|collected\s+by|provided\s+by)\s+(?=\S)"
    r"|^(?:the\s+)?reports\s+received\s+by\s+(?=\S)",  # "according to reports received by WHO"
    re.IGNORECASE,
)


_DATA_BY_NAME_RE = re.compile(
    r"(?:the\s+)?(?:figures|data|numbers|records)\s+(?P<name>[A-Z][\w()’'-]*(?:\s+[A-Z][\w()’'-]*)*)\s+"
    r"(?:was|were|has|had|could|is|have)\b"
)


# A body's own work named for the body: "the Commission's investigation", "the ministry's
# latest report" (the body that counted, not its document; cf. _REPORT_THEN_COUNTER_RE).
_OWNERS_WORK_RE = re.compile(
    r"^(?:the\s+)?(?P<owner>[\w'’ .()-]+?)['’]s\s+(?:own\s+)?(?:latest\s+|new\s+|initial\s+|preliminary\s+|final\s+|first\s+|earlier\s+)?"
    r"(?:investigation|inquiry|findings|documentation|monitoring|statement|update|bulletin)$"
)
_TIME_TAIL_RE = re.compile(
    r"\s+(?:on\s+(?:\w+day|\d{1,2}\s+[A-Z]\w+|[A-Z]\w+\s+\d{1,2})|yesterday|today|overnight|earlier"
    r"|(?:last|this)\s+(?:week|month|year|\w+day))$"
)


def _normalise_source(phrase: str, *, at_sentence_start: bool) -> str | None:
    phrase = _DATA_OF_RE.sub("", phrase.lstrip("-•*–| "))  # "figures of the State Prosecutor's Office": the office
    counted = _DATA_BY_NAME_RE.match(phrase)
    if counted is not None:
        phrase = counted.group("name")  # "figures RNDDH was able to document": RNDDH
    phrase = _TIME_TAIL_RE.sub("", phrase)  # "Police in Kano on Thursday": the police in Kano
    owner = _OWNERS_WORK_RE.match(phrase)
    if owner is not None:
        phrase = owner.group("owner")  # "The Commission's investigation has confirmed": the Commission
    words = phrase.split()
    if words and (words[0].lower() == "the" or (len(words) > 1 and words[0].lower() in ("its", "their"))):
        words = words[1:]  # ("Its health authority said": the authority is the source's name)
    # "the camp's president" -> "camp president", "Myanmar's National Unity Government" ->
    # "Myanmar National Unity Government" (one name for the source however it is introduced);
    # inside a name the "'s" stays: "Kachin Women's Association", "Prime Minister's Office".
    words = [
        w if 0 < i < len(words) - 1 and w[:1].isupper() and words[i + 1][:1].isupper() else _POSSESSIVE_S_RE.sub("", w)
        for i, w in enumerate(words)
    ]
    if not words:
        return None
    # "News reports say ..." -> "news reports"; names and acronyms ("UN", "Reuters") keep their case.
    first = words[0]
    if (
        at_sentence_start
        and (
            first.lower() in _COMMON_FIRST_WORDS
            # "Surgeons said", not "Ministry of Health and Population"
            or (first.lower() in _SOURCE_HEADS and not any(w[:1].isupper() for w in words[1:]))
        )
        and not (len(first) > 1 and first.isupper())
        and not (len(words) > 1 and words[1][:1].isupper())  # "Health Ministry" is a name
        and not (len(words) == 2 and _NAME_NUMBER_RE.fullmatch(words[1]))  # "Rescue 1122" too
    ):
        words[0] = words[0].lower()
    return " ".join(words)


# "The Syrian Observatory for Human Rights, a Britain-based war monitor, ..." at sentence start.
_QUANTIFIER_WORDS = frozenset(
    "more most some many several about around nearly over up at almost fewer less all both another other".split()
)
_LEADING_NAME_RE = re.compile(
    r"^(?:The\s+)?(?!(?:On|In|At|By|For|From|After|Before|During|Since|Last|This|But|And|As|When|While|Earlier"
    r"|Later|Meanwhile|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:for|of|on|and|[A-Z][\w’'-]*))+)\s*[,:]"
)
_NAME_PART = r"[A-Z][\w’'-]*"
_LEADING_SUBJECT_RE = re.compile(
    r"^(?:The\s+)?(?!(?:On|In|At|By|For|From|After|Before|During|Since|Last|This|But|And|As|When|While|Earlier"
    r"|Later|Meanwhile|It|He|She|They|We|There|Among|Of|With|Without|Despite|Amid|Following|Under|Across"
    r"|Throughout|Near|Inside|Outside|Within|Once|If|Although|Though|Because|Yet|So|Still|Also|Only|Even|Then"
    r"|Now|Here|Over|Around|Along|Against|Beyond|Between|Elsewhere|Overnight|Separately|Until|Through"
    r"|Today|Yesterday|Tonight|Both|Some|Many|Most|All|Several|Other|Another|Each|Every|Such"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The)\b)"
    # (a sentence may open on a preposition or a quantifier: "Over the same period, it said")
    # (nor "The" alone: "The ministry's count ... reached 3,478, it said")
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:for|of|[A-Z][\w’'-]*))*)(?:\s+\([A-Z]{2,}\))?\s+(?=[a-z])"
)
# A sentence opening on a body's thing: "The ministry's count", "The agency's latest update".
_OWNERS_OPENING_RE = re.compile(r"The\s+(?P<head>[a-z]+)['’]s\s")
_IT_SAID_RE = re.compile(r"[:;,]\s+it\s+(?:said|says|reported|stated|added|claimed|claims)\b")
_IT_SPEAKS_RE = re.compile(r"(?:^|[:;,]\s+)[Ii]t\s+(?:said|says|reported|stated|added|noted|claimed|claims|told)\b")


_QUOTED_RE = re.compile(r'"[^"]*"|“[^”]*”')
_FIRST_PERSON_WORD_RE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
# An outlet speaking of itself is no source of the figures it reports.
_OUTLET_VOICE_RE = re.compile(
    r"(?:our\s+(?:own\s+)?(?:correspondents?|reporters?|producers?|stringers?|newsroom|station|notes|readers|listeners|viewers|team\s+in\s+[A-Z]"
    r"|agency|newspaper|tally|count|data\s+desk|journalists|colleagues?\s+(?-i:[A-Z]))"
    r"|we\s+(?:begin|turn|go|start|end|return|bring)\b|us\s+(?:now|live)\b)",
    re.IGNORECASE,
)
# Header lines of a statement that name who issues it.
_MARK = (
    r"(?:press\s+release|news\s+release|press\s+statement|media\s+statement|media\s+release|joint\s+statement|statement"
    r"|press\s+briefing\s+notes?|press\s+note"
    r"|briefing\s+notes?|flash\s+update|report\s+excerpt|communiqu[eé]|for\s+immediate\s+release)"
)
_ISSUER_LINE_RES = (
    # "PRESS RELEASE - Amnesty International Nigeria, Abuja"
    re.compile(rf"^{_MARK}\s*[-–—:]\s*(?P<src>[^\n]{{3,120}}?)\s*$", re.IGNORECASE),
    # "Syria Civil Defence (The White Helmets) – STATEMENT – 9 October 2023"
    re.compile(rf"^(?P<src>[^\n]{{3,100}}?)\s+[-–—]\s+(?:(?:weekly|daily|monthly|official|public|joint)\s+)?{_MARK}\b", re.IGNORECASE),
    # "GUAYAQUIL, 11 November 2025 - Statement of the Permanent Committee ...", "Bogotá, 22
    # January 2025. Statement by the Ombudsman's Office of Colombia."
    re.compile(rf"^[^\n]{{0,60}}?\d{{4}}\s*[-–—.:]\s+{_MARK}\s+(?:of|by|from)\s+(?:the\s+)?(?P<src>[^\n]{{3,120}}?)\.?\s*$", re.IGNORECASE),
    # "Statement attributed to the UNICEF Representative in Haiti"
    re.compile(
        r"^Statement\s+(?:attributed\s+to|(?:issued\s+|released\s+)?(?:by|of|from))\s+(?:the\s+)?(?P<src>[^\n]{3,100}?)"
        r"(?:\s+\([a-z][^()]*\))?\s*$"  # "Statement issued by the Ministry of Health (unofficial translation)"
    ),
)
# A title that is the statement's own: "Statement by the Madani Resistance Committees on the
# massacre of Wad al-Nourah" (the body, not what the statement is about).
_STATEMENT_BY_TITLE_RE = re.compile(
    r"^(?:(?:joint|press|official)\s+)?(?:statement|communiqu[eé]|press\s+release)\s+(?:by|of|from)\s+(?:the\s+)?"
    r"(?P<src>[A-Z][^\n]{2,120}?)(?:\s+(?:on|regarding|concerning|about|following|after)\s+[^\n]*)?\s*$",
    re.IGNORECASE,
)
# "This is a summary of what was said by a UNHCR spokesperson at today's press briefing"
_BRIEFING_SUMMARY_RE = re.compile(
    r"\bsummary\s+of\s+what\s+was\s+said\s+by\s+(?:a|an|the)\s+(?P<src>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+spokes"
)
_TRAILING_BRACKETS_RE = re.compile(r"\s*\([^()]*\)\s*$")
# (the one header line that needs no mark word)
_SPOKESPERSON_LINE_RE = re.compile(r"^Spokesperson\s+for\s+(?:the\s+)?(?P<src>[^:\n]{3,100}):")
_ISSUER_HEADS = (
    r"(?:groups?|organi[sz]ations?|agency|agencies|office|ministry|directorate|committee|defen[cs]e|council"
    r"|authority|army|police|forces|network|observatory|mission|society|crescent|cross|commission|unicef|unhcr|who|iom|msf|icrc"
    r"|charity|charities|ngos?|association|foundation|federation|union|service"
    # "INTER SERVICES PUBLIC RELATIONS", "DEFENCE HEADQUARTERS" above "PRESS RELEASE"
    r"|public\s+relations|headquarters|command|department|bureau|secretariat|presidency)"
)
_MARK_ONLY_RE = re.compile(rf"^(?:(?:joint|official|public)\s+)?{_MARK}\b", re.IGNORECASE)
_SUBUNIT_RE = re.compile(
    # ("Division Public Affairs Office" under "1ST INFANTRY (TABAK) DIVISION")
    r"(?:the\s+)?(?:(?:Division|Brigade|Army|Command|Regional|Provincial|District|Military|Police)\s+)?"
    r"(?:spokes(?:person|man|woman)['’]?s?|press|media|public\s+affairs|public\s+relations|communications?|information)"
    # ("Police Public Relations Department, Gusau": and where it sits)
    r"\s+(?:unit|office|desk|department|division|section|services?|directorate|centre|center)(?:,\s*[A-Z][\w'’ -]{1,30})?"
    # ("Headquarters – Al-Bireh" under "PALESTINE RED CRESCENT SOCIETY": where its office is)
    r"|(?:headquarters|head\s+office|secretariat)\s*[-–—,]\s*[\w'’ -]{2,40}",
    re.IGNORECASE,
)
_PRESS_OFFICE_TAIL_RE = re.compile(r"\s+[-–—|]\s+(?:press|media)\s+(?:office|service|desk|unit)$", re.IGNORECASE)
_MARK_FULL_RE = re.compile(rf"(?:(?:official|joint|public)\s+)?{_MARK}", re.IGNORECASE)
# A body's name standing alone on a header line: capitalised words (and the small words of
# names: "Médecins Sans Frontières", "Office of the High Commissioner for Human Rights").
_BODY_NAME_RE = re.compile(
    # ("Office of the United Nations High Commissioner for Human Rights (OHCHR)": ten words)
    r"(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|for|the|and|de|du|des|la|[A-Z][\w'’&.-]*)){1,11}(?:\s+\([A-Z]{2,}\))?"
)
# A military unit's name on a header line: "1ST INFANTRY (TABAK) DIVISION", "103rd Infantry Brigade".
_UNIT_NAME_RE = re.compile(
    r"\d{1,3}(?:ST|ND|RD|TH|st|nd|rd|th)(?:\s+(?:[A-Z][\w'’-]*|\([A-Z][\w'’-]*\))){1,5}"
)
_ISSUED_BY_RE = re.compile(
    rf"\b(?:text|transcript)\s+of\s+(?:a|an|the)\s+{_MARK}\s+(?:issued|released|published|read\s+out)\s+by\s+"
    r"(?P<src>[A-Z][^,\n]{2,60}?(?:,\s+(?:the\s+)?(?:spokes\w+|head|chief|director|minister)\s+(?:of|for)\s+[^,\n]{3,80}?)?)"
    r"(?=,\s+on\b|,\s+after\b|\s+on\s|\.|:|$)",
    re.IGNORECASE,
)
# An introduction to what a body put out, in order: "the posts the Maine State Police published".
_POSTS_PUBLISHED_RE = re.compile(
    r"\b(?:posts|updates|statements|messages|alerts|bulletins|tweets)\s+(?:that\s+|which\s+)?(?:the\s+)?"
    r"(?P<src>[A-Z][\w'’-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’-]*)){0,6})"
    # ("the State Emergency Service of Ukraine (DSNS) in the Kharkiv region posted"; the acronym
    # and where the body sits are no part of its name)
    r"(?:\s+\([A-Z]{2,8}\))?(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[a-z]+)?)?\s+(?:published|posted|issued)\b"
)
# "Excerpt from a field report by a Myanmar human rights group, published in Bangkok"
_EXCERPT_BY_RE = re.compile(
    r"(?:Excerpts?|Extracts?)\s+from\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:report|statement|briefing|submission)\s+"
    r"(?:issued\s+|published\s+|released\s+)?by\s+(?P<src>[^,.\n]{3,80}?)\s*(?:,|\.|$)"
)
# A statement's opening sentence with its issuer speaking: "The Syrian Network for Human Rights
# (SNHR) condemns ...", "The Government of the Republic of Chad informs ...".
_ISSUER_OPENING_RE = re.compile(
    r"(?:The\s+)?(?P<src>[A-Z][\w'’-]*(?:\s+(?:for|of|on|and|the|[A-Z][\w'’-]*)){1,8})(?:\s+\([A-Z]{2,}\))?\s+"
    r"(?:condemns|calls|expresses|welcomes|deplores|denounces|mourns|informs|is\s+alarmed|is\s+deeply|strongly|warns|urges"
    # "The Syrian Network for Human Rights (SNHR) issues this statement on", "today releases its annual report"
    r"|(?:today\s+)?(?:issues|releases|publishes)\s+(?:this|its|the)"
    r"|is\s+(?:devastated|saddened|horrified|shocked|appalled|outraged)|(?:deeply\s+)?regrets)\b"
)
# A body's own report named in its title: "MSF situation report No. 4", "OCHA Flash Update: ...".
_REPORT_TITLE_RE = re.compile(
    r"(?P<src>[A-Z][\w'’&.-]*(?:\s+(?:for|of|and|[A-Z][\w'’&.-]*)){0,6})\s+"
    r"(?:[Ss]ituation\s+[Rr]eport|[Ss]itrep|SITREP|[Ff]ield\s+[Uu]pdate|[Ff]lash\s+[Uu]pdate|[Hh]umanitarian\s+[Uu]pdate)\b"
)
_ISSUER_HEAD_RE = re.compile(rf"\b{_ISSUER_HEADS}\b", re.IGNORECASE)
# A header line saying who made the document (not a byline: "Written by" names a reporter).
_PREPARED_BY_RE = re.compile(
    r"(?:^|\|\s*)(?:Prepared|Compiled|Produced|Issued)\s+by\s+(?P<src>[^.\n|(]{3,100}?)"
    r"(?=\s+(?:working|based|active|operating)\b|\s*\(|\s*\.|\s*\||\s*$)"
)
# "Eastern Congo security tracker: weekly summary by province"
_PERIODIC_TITLE_RE = re.compile(
    r"(?P<src>[A-Z][^:\n]{2,60}?)\s*:\s+(?:weekly|daily|monthly|quarterly|annual)\s+"
    r"(?:summary|update|report|bulletin|brief|briefing|digest|round-?up)\b",
    re.IGNORECASE,
)
_PLACES_PAIR_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:\s*/\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+")
_MONITOR_HEADS = frozenset("monitor tracker watch project observatory".split())
_DATED_ISSUER_RE = re.compile(
    r"(?P<src>[A-Z][\w'’&-]*(?:\s+(?:for|of|and|the|[A-Z][\w'’&-]*)){1,6}),\s+(?:\d{1,2}\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b"
)
# A title that names who speaks: "Sudan: aid group says staff killed", "Civil Defence statement on ...".
_ISSUER_TITLE_RE = re.compile(
    rf"(?:^|:\s+|\s[-–—]\s+)(?P<src>(?:[\w'’-]+\s+){{0,5}}?{_ISSUER_HEADS}(?:\s+in\s+[A-Z][\w-]*)?)"
    r"(?:\s+(?:says?|said|calls?|warns?|statement|reports?|condemns?|announces?|urges?|alarmed|appalled|mourns?"
    r"|deplores?|welcomes?|shocked|concerned|outraged)\b|\s*:)",
    re.IGNORECASE,
)


_ISSUER_PLACE_TAIL_RE = re.compile(r",\s*[A-Z][\w'’-]+(?:,?\s+\d[^,]*)?$|,\s*\d[^,]*$")
# A line that says the text is a statement: a mark line (_MARK_ONLY_RE), "X statement on ...",
# "X – STATEMENT – date".
_STATEMENT_MARK_RE = re.compile(rf"\b{_MARK}\s+on\b|[-–—]\s+{_MARK}\b", re.IGNORECASE)


def _names_a_statement(line: str) -> bool:
    """Whether a header line marks a statement (the search only when a mark's word is there:
    a case-blind alternation tried at every offset is slow)."""
    if not _has_mark_word(line):
        return False
    return _MARK_ONLY_RE.match(line) is not None or _STATEMENT_MARK_RE.search(line) is not None


def _has_mark_word(line: str) -> bool:
    """Whether a line holds a word every statement mark (``_MARK``) contains."""
    lower = line.lower()
    return any(key in lower for key in _MARK_KEYS)


_MARK_KEYS = ("release", "statement", "briefing", "update", "excerpt", "communiq", "note")


# A release's dateline before its first words: "GENEVA (4 October 2024) – ", "Geneva / Sanaa,
# 29 April 2025 – ", "Ramallah, 5 July 2023 - " (what follows is a header or the opening).
_HEADER_DATELINE_RE = re.compile(
    r"^[A-Z][\w'’.]*(?:[ /-]+[A-Z][\w'’.]*){0,3}\s*(?:,\s*|\(\s*)"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})\)?\s*[-–—:]\s+"
)
# A title that opens on who issues the statement: "UNRWA statement on the strike on ...",
# "MSF press release: ..." (an acronym or a capitalised name of up to four words).
_NAME_STATEMENT_TITLE_RE = re.compile(
    r"^(?P<src>[A-Z][\w'’&.-]*(?:\s+(?:of|for|the|[A-Z][\w'’&.-]*)){0,4})\s+"
    r"(?:statement|press\s+release|press\s+statement|communiqu[eé])\s*(?:on|about|regarding|following|after|:|[-–—])\s"
)


def _header_segments(line: str) -> list[str]:
    """A header line as its parts: without a leading dateline, and split at "|" (a release
    header such as "Press release | Médecins Sans Frontières | Pemba, 14 May 2024")."""
    line = line.lstrip("\"“")  # (a statement printed inside a news item opens a quotation)
    if line[:1].isupper() and (dateline := _HEADER_DATELINE_RE.match(line)) is not None:
        line = line[dateline.end() :]
    if "|" not in line:
        return [line]
    return [part.strip() for part in line.split("|") if part.strip()]


@lru_cache(maxsize=64)
def statement_issuer(text: str) -> str | None:
    """Who issues a statement, as its header or title names it (None for other texts)."""
    issuer = _named_issuer(text)
    if issuer is not None and (fuller := _fuller_body_name(text[:800], issuer)) is not None:
        return fuller  # "Defence ministry statement on ..." then "... by the Ministry of National Defence"
    return issuer


def _named_issuer(text: str) -> str | None:
    raw = [line.strip() for line in text.split("\n")[:8] if line.strip()]
    lines = raw[:1] + [part for line in raw[1:] for part in _header_segments(line)]
    extra = len(lines) - len(raw)  # (header lines split at bars: the windows below widen by as much)
    if lines and lines[0][:1] in "SsCcJjPpOo" and (titled := _STATEMENT_BY_TITLE_RE.match(lines[0])) is not None:
        src = _ISSUER_PLACE_TAIL_RE.sub("", titled.group("src").strip().rstrip(".,"))
        if not any(c.isdigit() for c in src):
            return src
    if (
        len(lines) > 1
        and _MARK_ONLY_RE.match(lines[0])
        and len(lines[1]) <= 100
        and not lines[1].endswith(".")  # (a header line, not the opening sentence)
        and _ISSUER_HEAD_RE.search(lines[1])
    ):
        # "Press note: encounter in ..." then "Office of the Inspector General of Police, Bastar
        # Range, Jagdalpur (Chhattisgarh)": the line under the title is who issues it.
        src = _ISSUER_PLACE_TAIL_RE.sub("", _TRAILING_BRACKETS_RE.sub("", lines[1]).rstrip(".,"))
        if not any(c.isdigit() for c in src) and ":" not in src:
            return src
    if len(lines) > 1 and "summary of what was said" in text[:400] and (
        briefing := _BRIEFING_SUMMARY_RE.search(text, 0, 400)
    ) is not None:
        return briefing.group("src")
    for i, line in enumerate(lines[2 : 6 + extra], start=2):
        if " / " in lines[i - 1] and _MARK_ONLY_RE.match(line):
            # "MÉDECINS SANS FRONTIÈRES / DOCTORS WITHOUT BORDERS" above "PRESS RELEASE": one body
            # named in two languages (both kept: the text may use either).
            names = [part.strip() for part in lines[i - 1].split(" / ")]
            if all(_BODY_NAME_RE.fullmatch(n) and not _MARK_ONLY_RE.match(n) for n in names):
                return lines[i - 1].strip()
        if (
            _MARK_ONLY_RE.match(line)
            # (not a mark above a mark: "PRESS RELEASE" above "For immediate release")
            and not _MARK_ONLY_RE.match(lines[i - 1])
            # ("Human Rights Watch" above "For Immediate Release": a name, no body word)
            and (_ISSUER_HEAD_RE.search(lines[i - 1]) or _BODY_NAME_RE.fullmatch(lines[i - 1]))
            and len(lines[i - 1]) <= 80
        ):
            # "Sudanese Red Crescent Society" above "Press statement – Port Sudan" (not its press office:
            # "Wuppertal Police Headquarters - Press Office"; "ISRAEL DEFENSE FORCES" above
            # "Spokesperson's Unit" above the mark: the body, not its unit)
            if _SUBUNIT_RE.fullmatch(lines[i - 1]) and i >= 3 and (
                # ("SOUTH AFRICAN POLICE SERVICE (SAPS), WESTERN CAPE": a body and where)
                _BODY_NAME_RE.fullmatch(lines[i - 2].split(", ")[0]) or _UNIT_NAME_RE.fullmatch(lines[i - 2])
            ):
                return lines[i - 2]
            return _PRESS_OFFICE_TAIL_RE.sub("", lines[i - 1])
        if (
            i >= 3
            and _MARK_ONLY_RE.match(line)
            and _PRESS_OFFICE_TAIL_RE.search(lines[i - 2])
            and len(lines[i - 2]) <= 80
            and _ISSUER_HEAD_RE.search(lines[i - 2])
        ):
            # "Wuppertal Police Headquarters – Press Office", then the release's subject line
            # ("POL-W: SG-Solingen – Knife attack ..."), then "Press release ...": the body.
            return _PRESS_OFFICE_TAIL_RE.sub("", lines[i - 2])
    for i, line in enumerate(lines[1 : 5 + extra], start=1):
        # "Press release | Médecins Sans Frontières | Pemba, 14 May 2024": the name under the mark
        if _MARK_FULL_RE.fullmatch(line) and i + 1 < len(lines) and _BODY_NAME_RE.fullmatch(lines[i + 1]):
            return lines[i + 1]
        # "PRESS RELEASE" above "101st Infantry Brigade, Philippine Army": a unit and its service
        if (
            _MARK_FULL_RE.fullmatch(line)
            and i + 1 < len(lines)
            and len(lines[i + 1]) <= 80
            and _UNIT_NAME_RE.fullmatch(lines[i + 1].split(", ")[0])
        ):
            return lines[i + 1]
        # "UNRWA | STATEMENT": an acronym right before the mark
        if i > 1 and _MARK_FULL_RE.fullmatch(line) and _ACRONYM_WORD_RE.fullmatch(lines[i - 1]):
            return lines[i - 1]
    for line in lines[1:6]:
        marked = _has_mark_word(line)
        for pattern in (*_ISSUER_LINE_RES, _SPOKESPERSON_LINE_RE) if marked else (_SPOKESPERSON_LINE_RE,):
            match = pattern.match(line)
            if match:
                # "PRESS RELEASE - Amnesty International Nigeria, Abuja": the body, not where;
                # "Statement – Damascus, 14 May 2025" names only where and when.
                src = _ISSUER_PLACE_TAIL_RE.sub("", match.group("src").strip().rstrip(".,"))
                # (a body: a word like "ministry" or a name of three words or more, not
                # "Port Sudan", the place the statement was issued from)
                if (
                    src[:1].isupper()
                    and ":" not in src  # "Syrian Arab Republic: Earthquake - Flash Update"
                    and not _PLACES_PAIR_RE.fullmatch(src)  # "Press release - Port Sudan / Nairobi, 15 April": where from
                    and not any(c.isdigit() for c in src)
                    and (len(src.split()) >= 3 or _ISSUER_HEAD_RE.search(src))
                ):
                    return src
    for line in lines[1:3]:
        if " by " not in line:
            continue
        issued = _ISSUED_BY_RE.search(line) or _EXCERPT_BY_RE.match(line)
        if issued is not None:
            return issued.group("src")  # "the text of a statement issued by Zabihullah Mujahid, spokesman of ..."
    for line in lines[1:3]:
        if (" published" in line or " posted" in line or " issued" in line) and (
            posted := _POSTS_PUBLISHED_RE.search(line)
        ) is not None:
            # "Below are the posts the Maine State Police published on social media, in order"
            return posted.group("src")
    for line in lines[1:4]:
        if "by " in line and (prepared := _PREPARED_BY_RE.search(line)) is not None:
            # "Prepared by the Myanmar Conflict Monitoring Network (MCMN). Figures are ..."
            return _normalise_source(prepared.group("src"), at_sentence_start=False)
    if lines and (report := _REPORT_TITLE_RE.match(lines[0])) is not None:
        return report.group("src")  # "Frontline Health Sudan situation report: North Darfur"
    if (
        lines
        and (periodic := _PERIODIC_TITLE_RE.match(lines[0])) is not None
        and (_ISSUER_HEAD_RE.search(periodic.group("src")) or periodic.group("src").split()[-1].lower() in _MONITOR_HEADS)
    ):
        return periodic.group("src")  # "Nigeria conflict monitor: weekly summary by state"
    if len(lines) > 1 and "excerpt" in lines[0].lower() and (dated := _DATED_ISSUER_RE.match(lines[1])) is not None:
        return dated.group("src")  # "... (report excerpt)" then "Care Across Borders, November 2024. Section 2"

    if (
        lines
        and (named := _NAME_STATEMENT_TITLE_RE.match(lines[0])) is not None
        and not any(c.isdigit() for c in named.group("src"))
        # (one word only when it is an acronym: "Government statement on ..." names nobody)
        and (" " in named.group("src") or named.group("src").isupper())
    ):
        return named.group("src")  # "UNRWA statement on the strike on a school shelter in Nuseirat"
    # A title names the issuer only of a text that says it is a statement (not of a news story
    # about one: there "we" and "our" are the outlet's).
    if lines and any(_names_a_statement(line) for line in lines[:6]):
        match = _ISSUER_TITLE_RE.search(lines[0])
        if match:
            return _normalise_source(match.group("src"), at_sentence_start=match.start("src") == 0)
        # "Statement on the killings ..." then "The Syrian Network for Human Rights (SNHR)
        # condemns ...": the body that opens the statement speaking.
        for line in lines[1:6]:
            opening = _ISSUER_OPENING_RE.match(line)
            if opening is not None:
                return opening.group("src")
    return None


_ACRONYM_TAIL_RE = re.compile(r"\s*\([A-Z]{2,}\)\s*$")
# "The Ministry ...", "The Command ...": a body's statement naming itself as the subject.
_ISSUER_SUBJECT_RE = re.compile(
    r"The\s+(Ministry|Directorate|Office|Command|Commission|Committee|Council|Agency|Society|Network|Observatory"
    r"|Mission|Authority|Department|Army|Police|Service|Organi[sz]ation|Movement|Group|Government)\s+(?:[a-z]+s\b|has\b|had\b|is\b|was\b|also\b|can\b|will\b|would\b)"
)
_GAVE_NAME_RE = re.compile(
    r"\b(?:gave|gives|giving)\s+(?:his|her|only\s+(?:his|her))\s+(?:first\s+)?name\s+as\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
)
_PERSONAL_RECORDS = frozenset("notebook notes diary records list lists count tally figures estimate".split())
_OWN_SOURCES = frozenset("government governments authorities".split())
_OWN_DOCUMENTS = frozenset("report reports statement update bulletin figures count tally toll data".split())
_DOCUMENT_WORDS = frozenset("statement communique communiqué report release bulletin".split())
_ACRONYM_WORD_RE = re.compile(r"[A-Z][A-Z]{2,7}")


def _spelled_out(text: str, acronym: str) -> str | None:
    """The name an acronym was introduced with: "The United Nations Integrated Office in Haiti
    (BINUH)" -> "United Nations Integrated Office in Haiti"."""
    at = text.find(f"({acronym})")
    if at < 0:
        return None
    name = _SPELLED_NAME_RE.search(text, max(0, at - 120), at)
    if name is None:
        return None
    # (not the end of the sentence or the line before)
    spelled = name.group("name").rsplit(". ", 1)[-1].rsplit("\n", 1)[-1]
    return spelled[4:] if spelled.startswith("The ") else spelled


# (Arabic names keep their lower-case articles: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)")
_SPELLED_WORD = r"(?:[A-Z][\w'’.-]*|(?:al|wal|el|ad|an|ar|as|ash|at|az|ul)-[A-Z][\w'’.-]*)"
_SPELLED_NAME_RE = re.compile(
    rf"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of|for|in|on|and|the|{_SPELLED_WORD}))*\s+{_SPELLED_WORD})\s*$"
)


# A post quoted on a live page or in a ticker: a time (maybe after a day), a dash, the author
# (maybe with a role, a platform or a handle), a colon and the opening quotation mark.
_POST_HEADER_RE = re.compile(
    r"[ \t]*(?:[^\n\"“:]{0,30}?\b)?\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4}\b)?\s*(?:[-–—|]\s*)?"
    r"(?P<src>[A-Z@][^\n:\"“]{1,160}?)\s*:\s*[\"“]"
)
# What follows a post's author in its header: "(X)", "(@handle)", ", on Telegram", "posts on X".
_POST_TAIL_RE = re.compile(
    r"(?:\s*\((?:X|Telegram|Facebook|Twitter|@[\w.]+)\)"
    r"|,?\s+(?:on|via|in\s+a\s+post\s+on)\s+(?:Telegram|X|Twitter|Facebook|its\s+\w+\s+channel)"
    r"|\s+(?:posts|posted|wrote|writes)(?:\s+on\s+(?:X|Telegram|Facebook|Twitter))?"
    r"|,\s*in\s+[A-Z][\w' -]+)+$"
)
_INTRODUCES_TABLE_RE = re.compile(r"\b(?:following|below|table)\b", re.IGNORECASE)


# A record's label line ("Killed: 4 protesters", "Civilians reported injured: 47") and its
# "Source:" line (one name: "Sources: UN Panel of Experts; MSF" lists several).
_RECORD_LABEL_RE = re.compile(r"[A-Z][A-Za-z ]{1,40}:[ \t]")
_SOURCE_LINE_RE = re.compile(r"(?m)^(?:Source|Reported\s+by|Figures\s+from)\s*:\s*(?P<src>[^\n.]{3,80}?)\.?\s*$")
_SOURCE_LINE_LEAD_RE = re.compile(r"^(?:(?:a|the)\s+)?(?:statement|report|post|communiqu[eé]|figures|data|update)s?\s+(?:of|by|from)\s+", re.I)


class _SourceMemory:
    """Sources named so far in one report, to resolve "it said", "the Observatory said"."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.named: list[tuple[int, str]] = []  # (sentence start, resolved name), in order
        self.cache: dict[int, str | None] = {}
        self.labels: int | None = None  # paragraphs that open with a speaker's label, once counted
        self.reporters: dict[str, bool] = {}  # labelled speakers -> introduced as the outlet's reporter

    def for_sentence(self, start: int, sentence: str) -> str | None:
        if start not in self.cache:
            # '16:51 - Oleh Syniehubov, on Telegram: "As of now, 2 people killed ..."': a quoted
            # post's sentences are its author's, unless one says whose count it gives.
            post = self._post_author(start, sentence)
            found = post if post is not None and "according to" not in sentence.lower() else self._resolve(start, sentence)
            if found is None and "\n" in self.text[max(0, start - 300) : start] and (
                credit := self._record_source(start)
            ) is not None:
                found = credit  # a record's entry: "Killed: 4 protesters" above "Source: Kirkuk health directorate"
            if found is None or (_own_voice(found) and not _OUTLET_VOICE_RE.match(found)):
                # "HAGARI: One officer ... was killed": a transcript's named speaker (a
                # reporter's turn relates the news: only what they themselves saw is theirs).
                speaker = self._labelled_speaker(start)
                if speaker is not None and (
                    found is not None or not self._reporter(speaker) or _SPEAKING_FOR_ONESELF_RE.search(sentence)
                ):
                    found = speaker
            if found is not None and _own_voice(found) and not _OUTLET_VOICE_RE.match(found):
                # "our Office has documented", "our teams registered": the body whose statement
                # this is, if the text says ("our correspondent in Bol reports" stays: a reporter).
                found = statement_issuer(self.text)
                if found is None and (citing := _CITING_RE.search(sentence)) is not None:
                    # "Our earlier edition had put the toll at 54, citing hospital sources"
                    found = _normalise_source(citing.group("src"), at_sentence_start=False)
            if found is not None and len(found) > 3 and (issuer := statement_issuer(self.text)) is not None:
                if len(issuer) > len(found) and found.lower() in issuer.lower():
                    # "The Andean Commission for Human Rights condemns ..." under "Statement of the
                    # Andean Commission for Human Rights (ACHR)": the fullest form the text gives
                    found = issuer
            self.cache[start] = found
            if self.cache[start]:
                self.named.append((start, self.cache[start] or ""))
        return self.cache[start]

    def _record_source(self, start: int) -> str | None:
        """The "Source:" line of the block of label lines a sentence stands in (a database
        entry, an incident log: "Killed: 4 protesters" ... "Source: Kirkuk health directorate"),
        when the sentence is one of those lines and the line names one source."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if not _RECORD_LABEL_RE.match(self.text, line_start):
            return None
        block_start = self.text.rfind("\n\n", 0, start)
        block_start = 0 if block_start < 0 else block_start + 2
        block_end = self.text.find("\n\n", start)
        block = self.text[block_start : len(self.text) if block_end < 0 else block_end]
        credit = _SOURCE_LINE_RE.search(block)
        if credit is None or ";" in credit.group("src"):
            return None
        return _normalise_source(_SOURCE_LINE_LEAD_RE.sub("", credit.group("src")), at_sentence_start=False)

    def _labelled_speaker(self, start: int) -> str | None:
        """The speaker whose label opens the paragraph in a transcript ("PIERRE: What I see
        ..."), not a presenter's or reporter's role label, nor a wire flash's tag."""
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        label = _SPEAKER_LABEL_RE.match(self.text, paragraph_start)
        if label is None or label.group(1).lower() in _TRANSCRIPT_LABELS | _FLASH_TAGS:
            return None
        if self.labels is None:
            # A transcript has turns: two labelled paragraphs at least ("KHAR: The death toll
            # ..." alone is a Pakistani dateline).
            self.labels = sum(1 for _ in _SPEAKER_LABEL_LINE_RE.finditer(self.text))
        if self.labels < 2:
            return None
        name = label.group(1).split(",")[0].title()  # (the name, not the role after it)
        return self.expand(start, name) if name else None

    def _reporter(self, name: str) -> bool:
        """Whether the text introduces a labelled speaker as the outlet's own reporter: "Our
        correspondent Tanvir Rahman is in Dhaka", "TANVIR RAHMAN (CORRESPONDENT):"."""
        if name not in self.reporters:
            words = re.escape(name).replace(r"\ ", r"\s+")
            self.reporters[name] = (
                re.search(
                    rf"(?i:correspondent|reporter|producer|stringer)\s+(?:[A-Z][\w'’-]+\s+)?{words}\b"
                    rf"|\b{words}\s*\((?i:correspondent|reporter)",
                    self.text,
                    re.IGNORECASE,
                )
                is not None
            )
        return self.reporters[name]

    def _post_author(self, start: int, sentence: str) -> str | None:
        """Who wrote the quoted post a sentence is part of, when its paragraph opens with a
        time and the author: '19:02 - Syniehubov: "The number of dead has risen to six."',
        'Sat 12 April, 21:40 - Sudan's foreign ministry (X): "..."'."""
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        if start - paragraph_start > 600 or ('"' not in sentence and "“" not in sentence and start == paragraph_start):
            return None
        header = _POST_HEADER_RE.match(self.text, paragraph_start, start + len(sentence))
        if header is None:
            return None
        close = min(
            (i for i in (self.text.find(q, header.end()) for q in '"”') if i >= 0),
            default=len(self.text),
        )
        if start >= close:
            return None  # the sentence comes after the quoted post
        author = _POST_TAIL_RE.sub("", header.group("src")).strip(" ,")
        name = _normalise_source(author, at_sentence_start=False) if author else None
        return self.expand(start, name) if name else None

    def _document_issuer(self, start: int, document: str) -> str | None:
        """Who issued "the statement" (or report) an earlier sentence mentions with its source:
        "The Sixth Infantry Division said in a statement ... The statement said ..."."""
        looked = 0
        for s_start, s_end in reversed(sentence_spans(self.text)):
            if s_start >= start:
                continue
            looked += 1
            if looked > 6:
                break
            earlier = self.text[s_start:s_end]
            if document in earlier.lower():
                named = _sentence_source(earlier)
                if named is not None and named not in (_PRONOUN, _FIRST_PERSON) and named.lower() != document:
                    return self.expand(s_start, named, earlier)
        return None

    def _issuer_voice(self, sentence: str) -> str | None:
        """In a body's own statement, "we" and "our" are that body (tests/data/README.md):
        "Two members of our forces were injured" under "STATEMENT - Ministry of Interior"."""
        lower = sentence.lower()
        if sentence[:1].isupper() and (issuer := statement_issuer(self.text)) is not None:
            bare = _ACRONYM_TAIL_RE.sub("", issuer)
            if len(bare) > 8 and sentence.startswith((bare, f"The {bare}")):
                return issuer  # "The Permanent Committee for ... condemns the deaths of at least 31"
            acronym = _ACRONYM_TAIL_RE.search(issuer)
            if acronym is not None and re.search(rf"\b{re.escape(acronym.group(0).strip(' ()'))}\b", sentence):
                # "Between 26 and 31 January, the two hospitals MSF supports received more than 600
                # wounded people", in MSF's own release: the body names itself by its acronym.
                return issuer
        if sentence.startswith("The ") and (subject := _ISSUER_SUBJECT_RE.match(sentence)) is not None:
            # "The Ministry mourns one member ... killed", in the Ministry's own statement: the
            # body speaks of itself by its head word.
            issuer = statement_issuer(self.text)
            if issuer is not None and subject.group(1).lower() in issuer.lower():
                return issuer
        if " this " in lower and _THIS_BODY_WORD_RE.search(lower) is not None:
            return statement_issuer(self.text)  # "according to the records of this office"
        if "we" not in lower and "our" not in lower and "us" not in lower:
            return None  # (cheap: most sentences have none of the letters in a row)
        unquoted = _QUOTED_RE.sub(" ", sentence)
        voices = [m for m in _FIRST_PERSON_WORD_RE.finditer(unquoted) if not _OUTLET_VOICE_RE.match(unquoted, m.start())]
        if not voices and _BY_OUR_COUNT_RE.search(lower) is None:
            # ("by our count" in a statement is the issuer's count; in a news story, with no
            # issuer, the outlet's)
            return None
        return statement_issuer(self.text)

    def _list_heading(self, start: int) -> tuple[int, str] | None:
        """For a line of a table or list ("| Killed | 26 |", "- deaths - 21"), the line that
        introduces it ("The toll, as given by the provincial government ...:")."""
        return _list_heading_line(self.text, start, _ROW_MARKS)

    def _spaced_caption(self, start: int) -> tuple[int, str] | None:
        """For a row of a table or key-figure box laid out with spaces, the caption above its
        block ("TABLE 1. ... CIVILIAN CASUALTIES VERIFIED BY HRMMU")."""
        line_start = _spaced_line(self.text, start)
        if line_start is None:
            return None
        block_start = line_start  # up over the block's other rows and its heading rows
        while block_start > 0:
            previous = self.text.rfind("\n", 0, block_start - 1) + 1
            if _SPACED_ROW_RE.search(self.text, previous, block_start - 1) is None:
                break
            block_start = previous
        return _spaced_block_caption(self.text, block_start)

    def _caption(self, start: int) -> tuple[int, str] | None:
        """For a row of a Markdown table under a paragraph rather than a heading, the
        paragraph's first sentence when it introduces the table ("AAPP has verified the
        following numbers ...")."""
        if not _is_table_row(self.text, start):
            return None
        heading_start = _table_start(self.text, start)
        caption = _table_caption(self.text, heading_start)
        if not _INTRODUCES_TABLE_RE.search(caption):
            return None
        return self.text.rfind("\n", 0, max(0, heading_start - 2)) + 1, caption

    def _quote_closing_sentence(self, start: int, sentence: str) -> tuple[int, str] | None:
        """The later sentence of the same paragraph where a quotation open at ``sentence`` closes."""
        recent = self.text[max(0, start - 400) : start]
        if not any(q in sentence for q in '"“”') and '"' not in recent and "“" not in recent:
            return None
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[paragraph_start:start] + sentence
        straight = before.count('"')
        curly_open, curly_close = before.count("“"), before.count("”")
        if straight % 2 == 0 and curly_open <= curly_close:
            return None  # no quotation open at the end of this sentence
        paragraph_end = self.text.find("\n", start)
        if paragraph_end < 0:
            paragraph_end = len(self.text)
        close = min(
            (
                i
                for i in (
                    self.text.find('"', start + len(sentence), paragraph_end),
                    self.text.find("”", start + len(sentence), paragraph_end),
                )
                if i >= 0
            ),
            default=-1,
        )
        if close < 0:
            return None
        spans = sentence_spans(self.text)
        index = sentence_index(spans, close)
        if index < 0 or spans[index][0] <= start or close >= spans[index][1]:
            return None
        s_start, s_end = spans[index]
        return s_start, self.text[s_start:s_end]

    def _previous_quotation(self, start: int) -> tuple[int, str] | None:
        """The sentence before ``start`` in the same paragraph, if it quotes someone and names them."""
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        spans = sentence_spans(self.text)
        index = sentence_index(spans, start)
        if index <= 0 or spans[index - 1][0] < paragraph_start:
            return None
        s_start, s_end = spans[index - 1]
        previous = self.text[s_start:s_end]
        if not any(q in previous for q in '"”'):
            return None
        return s_start, previous

    def _open_quote_sentence(self, start: int, *, after_speaker: bool = False) -> tuple[int, str] | None:
        """The earlier sentence of the paragraph that opens the quotation still open at
        ``start``. ``after_speaker``: only when the quotation mark follows a colon or a comma,
        so that a speaker comes before it ('the SDF General Command said: "Our forces ...').
        """
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[paragraph_start:start]
        if '"' not in before and "“" not in before:
            return None
        if before.count('"') % 2 == 1:
            opening = before.rfind('"')
        elif before.count("“") > before.count("”"):
            opening = before.rfind("“")
        else:
            return None
        if after_speaker and not before[:opening].rstrip().endswith((":", ",")):
            return None  # a paragraph that opens quoting (a quotation running on from before): no speaker here
        spans = sentence_spans(self.text)
        index = sentence_index(spans, paragraph_start + opening)
        if index < 0 or spans[index][0] >= start:
            return None
        s_start, s_end = spans[index]
        return s_start, self.text[s_start:s_end]

    def _quote_opening_sentence(self, start: int) -> tuple[int, str] | None:
        """The earlier sentence of the same paragraph where a quotation still open at ``start``
        opened after its speaker: 'the SDF General Command said: "Our forces ... During the
        operation 25 of our fighters were martyred."'."""
        return self._open_quote_sentence(start, after_speaker=True)

    def _resolve(self, start: int, sentence: str) -> str | None:
        found = _sentence_source(sentence)
        first_person = found == _FIRST_PERSON
        if first_person:
            found = None  # the quotation's speaker, named where it closes, if anywhere
        if found is None:
            # '"We have received 26 bodies since Sunday. Most were young men," the official
            # said': a quotation's sentences take the speaker named where it closes.
            closing = (
                self._quote_closing_sentence(start, sentence)
                or self._quote_opening_sentence(start)
                or self._list_heading(start)
                or self._caption(start)
                or self._spaced_caption(start)
            )
            if closing is None and sentence.startswith(('"', "“")):
                # '"As of now, 18 people have been killed," he writes. "Another 86 people have
                # been injured."': a quotation right after one with its speaker is theirs too.
                closing = self._previous_quotation(start)
            if closing is None and not first_person and sentence.endswith(('"', "”")):
                # the last sentence of a quotation that opened sentences before
                closing = self._open_quote_sentence(start)
            if closing is None:
                if self.text.startswith(('"', "“"), self.text.rfind("\n", 0, start) + 1) and _ISSUED_BY_RE.search(self.text[:600]):
                    # a quoted paragraph of "the text of a statement issued by X": X's words
                    return statement_issuer(self.text)
                return self._issuer_voice(sentence)
            found = _sentence_source(closing[1])
            if found is None and (closing[0] >= start or sentence.endswith(('"', "”"))):
                # The quotation's end names no one: its speaker may be named where it opened
                # ('It said: "At around 10:30 ... Our teams received 27 wounded people ..."'),
                # or where it paused ('"Our rescuers worked ...," the SES statement reads. "As
                # of 11:00, 45 people have been found dead ..."').
                opened = self._quote_opening_sentence(start)
                if opened is not None and (said := _sentence_source(opened[1])) is not None:
                    closing, found = opened, said
                else:
                    opening = (start, sentence) if sentence.startswith(('"', "“")) else self._open_quote_sentence(start)
                    if (
                        opening is not None
                        and opening[1].startswith(('"', "“"))
                        and (previous := self._previous_quotation(opening[0])) is not None
                        and (said := _sentence_source(previous[1])) is not None
                    ):
                        closing, found = previous, said
            if found is None and (bracketed := _HEADING_SOURCE_RE.search(closing[1])) is not None:
                found = bracketed.group("src")  # "Breakdown of the new deaths (Ministry of Health):"
            if found is None and closing[0] > start and (issuer := statement_issuer(self.text)) is not None:
                # "The following is the text of a statement issued by X ...": the quoted text
                # is the issuer's own words.
                return issuer
            if found is None or found == _FIRST_PERSON:
                if closing[0] < start and _FIRST_PERSON_WORD_RE.match(sentence.lstrip("-•*– ")):
                    # "The toll in numbers:" then "- We also documented the injury of 230
                    # civilians": a line of the issuer's own list, in its voice.
                    return self._issuer_voice(sentence)
                return None
            start, sentence = closing
        if found is None:
            return None
        if found == _PRONOUN:
            leading = _LEADING_NAME_RE.match(sentence)
            if leading:
                return leading.group("name")
            subject = _LEADING_SUBJECT_RE.match(sentence)
            if (
                subject
                and not _PRIOR_COUNT_RE.match(subject.group("name").lower())  # "Two of them ..., it said"
                # "More than 60 people were injured, it said": a count's qualifier, no subject
                and subject.group("name").lower() not in _QUANTIFIER_WORDS
                and _IT_SAID_RE.search(sentence, subject.end())
            ):
                # "The SDF gave its own account of the fighting: it said ...": "it" is the
                # sentence's own subject.
                return self.expand(start, subject.group("name"), sentence)
            owner = _OWNERS_OPENING_RE.match(sentence)
            # "The ministry's count for the whole war reached 3,478 ..., it said": the owner,
            # named in full before ("the Gaza health ministry"), not whoever spoke last
            head = (
                owner.group("head").lower()
                if owner is not None and owner.group("head").lower() in _SOURCE_HEADS and _IT_SAID_RE.search(sentence, owner.end())
                else None
            )
            # "it said", "he said": the last source named before, in this paragraph if possible,
            # also in a sentence without a figure ("..., the spokesman, X, told a news
            # conference. All 33 attackers were killed, he said.").
            paragraph_start = self.text.rfind("\n", 0, start)
            # "he"/"she" is a person: the person the paragraph named last even without a
            # reporting verb ("The UN's coordinator, Clementine Nkweta-Salami, called for an
            # inquiry. She said ..."), never a ministry or a government.
            person = _GENDERED_SAID_RE.search(sentence) is not None
            # "it" is one body: "Residents who spoke to the Commission said ... It said at least 12
            # people were wounded" is the Commission's, not the residents'.
            singular = not person and _IT_SPEAKS_RE.search(sentence.lstrip(" \"“")) is not None
            for s_start, s_end in reversed(sentence_spans(self.text)):
                if s_start >= start:
                    continue
                if s_start <= paragraph_start:
                    break
                if self.cache.get(s_start):
                    if singular and _plural_persons(self.cache[s_start] or ""):
                        continue
                    if head is not None and head not in (self.cache[s_start] or "").lower():
                        continue
                    return self.cache[s_start]
                named = _sentence_source(self.text[s_start:s_end])
                if named is not None and named not in (_PRONOUN, _FIRST_PERSON):
                    if singular and _plural_persons(named):
                        continue
                    if head is not None and head not in named.lower():
                        continue
                    return self.expand(s_start, named, self.text[s_start:s_end])
                if person and (appositive := _PERSON_APPOSITIVE_RE.search(self.text, s_start, s_end)):
                    return appositive.group("name")
                if person and (aged := _NAME_AGE_RE.match(self.text, s_start, s_end)):
                    # "Jean-Paul Mumbere, 63, a retired teacher, fled ... he says" (in full if the
                    # text gave it in full before: "Dr Abu Salim, 38," after "Dr Yousef Abu Salim")
                    return self.expand(s_start, aged.group("name") or aged.group("single"))
                if person and (gave := _GAVE_NAME_RE.search(self.text, s_start, s_end)):
                    return gave.group("name")  # "said a trader who gave his name as Abdul, 38. He said"
                if person and (called := _CALLED_RE.search(self.text, s_start, s_end)):
                    return called.group("name")  # "a woman called Hawa, 34, ... She told me"
                if person and (introduced := _NAME_THEN_PERSON_RE.match(self.text, s_start, s_end)):
                    after_name = self.text[introduced.end() : s_end]
                    if (described := _person_described(after_name)) is not None and after_name.startswith(described):
                        return introduced.group("name")  # "Samah, a 34-year-old mother of five, ... she said"
                if person and (described := _person_described(self.text[s_start:s_end])):
                    return described  # "At a clinic, a nurse showed us the corridors. ... she said"
                if person and (
                    lead := _LEADING_PERSON_RE.match(
                        self.text, (stamp.end() if (stamp := _TIMESTAMP_PREFIX_RE.match(self.text, s_start, s_end)) else s_start), s_end
                    )
                ):
                    words = lead.group("name").split()
                    if not {w.lower() for w in words} & _NOT_PERSON_WORDS:
                        return lead.group("name")  # "Governor Claudio Castro called ... He said"
            if head is not None:
                return self.expand(start, head, sentence)
            earlier = [name for at, name in self.named if at > paragraph_start] or [n for _, n in self.named]
            if person:
                earlier = [n for n in earlier if n.split()[-1].lower() not in _ORGANISATION_HEADS | {"government"}]
            return earlier[-1] if earlier else None
        return self.expand(start, found, sentence)

    def expand(self, start: int, name: str, sentence: str = "") -> str:
        """A short reference ("Observatory", "monitor", "office") -> the full name used earlier."""
        words = name.split()
        if len(words) > 2 and words[0].lower() == "same" and self.named:
            # "according to the same civil society", "the same people said": named before
            shown = self.expand(start, " ".join(words[1:]), sentence)
            return shown if shown != " ".join(words[1:]) else self.named[-1][1]
        if len(words) == 2 and words[0].lower() in ("same", "this", "that"):
            # "The same office reported ...": the office named before; "the same source":
            # whichever source was named last.
            if words[1].lower() in ("source", "sources") and self.named:
                return self.named[-1][1]
            shown = self.expand(start, words[1], sentence)
            if shown == words[1] and words[0].lower() == "same" and self.named:
                # "another attack killed 52 people, the same official said": whoever the text
                # named last ("the Bokkos local government chairman"), not a name of its own
                return self.named[-1][1]
            return shown if shown != words[1] else name
        described = _described_source(words)
        if described is not None:
            # ("Indonesia's national search and rescue agency" is not "UNHCR, the UN Refugee
            # Agency": a modifier that says which agency must be in the earlier name too)
            telling = [w.lower() for w in words[:-1] if w.lower() not in _GENERIC_MODIFIERS and not w.endswith("-based")]
            for _, earlier in reversed(self.named):
                if (
                    any(w in earlier.lower() for w in described)
                    and any(c.isupper() for c in earlier[:1])
                    # (a bare acronym the head's list knows stands for its own words: "UNHCR" then
                    # "the UN refugee agency")
                    and (all(w in earlier.lower() for w in telling) or _acronym_described(earlier, telling))
                ):
                    return earlier
            # "... the Syrian Observatory for Human Rights said, up from 248 reported by the
            # monitor": the name given earlier in this very sentence.
            for word in described:
                for title in {word.capitalize(), word.upper()}:
                    for at, end in _whole_word_spans(sentence, title):
                        named_here = _name_around(sentence, at, end)
                        if len(named_here.split()) > 1 or title.isupper():
                            return named_here
            # Also a source named in a sentence of the paragraph that gave no figure ("UNHCR says
            # more than 1 million refugees have returned. ... 4.5 million are still refugees
            # abroad, the agency said.").
            paragraph_start = self.text.rfind("\n", 0, start)
            for s_start, s_end in reversed(sentence_spans(self.text)):
                if s_start >= start:
                    continue
                if s_start <= paragraph_start:
                    break
                earlier_name = _sentence_source(self.text[s_start:s_end])
                if (
                    earlier_name not in (None, _PRONOUN, _FIRST_PERSON)
                    and any(w in earlier_name.lower() for w in described)  # type: ignore[union-attr]
                    and earlier_name[:1].isupper()  # type: ignore[index]
                    and (
                        all(w in earlier_name.lower() for w in telling)  # type: ignore[union-attr]
                        or _acronym_described(earlier_name, telling)  # type: ignore[arg-type]
                    )
                ):
                    return earlier_name  # type: ignore[return-value]
            return name
        if len(words) > 1 and words[-1].lower() in _DOCUMENT_WORDS and _ACRONYM_WORD_RE.fullmatch(words[-2]):
            # "the SES statement reads": the body whose statement it is
            return self.expand(start, words[-2], sentence)
        if len(words) == 1 and words[0].lower() in _DOCUMENT_WORDS:
            # "The statement said": whoever an earlier sentence said issued it.
            issuer = self._document_issuer(start, words[0].lower())
            if issuer is not None:
                return issuer
        key = words[-1].lower()
        before = self.text[:start]
        described_body = (
            key in _BODY_NOUNS
            and all(w.islower() for w in words)
            and "armed" not in words
            # "the group said", not "a monitoring group reported": a body named before
            and re.search(rf"\b(?:the|this|that)\s+{re.escape(name)}\b", sentence, re.IGNORECASE) is not None
        )
        if described_body:
            # "Nine staff members of the aid group Relief International were among the dead,
            # the organisation said": the body the text introduced by that noun.
            introduced = [m.group("name") for m in _INTRODUCED_BODY_RE.finditer(before[-400:] + sentence)]
            if introduced:
                return introduced[-1]
            if len(words) > 1:
                # "the resistance committee": the name it shortens ("Madani Resistance Committee")
                title = " ".join(w.capitalize() for w in words)
                upto = before + sentence
                spans = _whole_word_spans(upto, title)
                if spans:
                    return max((_name_around(upto, a, b) for a, b in spans), key=len)
                if key != "committee":
                    # "The medical group said": the last body named as a source
                    return self._last_body_named() or name
        if len(words) > 2 and words[0].lower() in _OWN_PEOPLE and words[1] == "of":
            # "Teams of the Office have confirmed 32 of these deaths": the office's own people
            body = " ".join(words[3:] if words[2].lower() == "the" else words[2:])
            return self.expand(start, body, sentence)
        if len(words) > 1 and words[0].rstrip(".") in _PERSON_TITLES and all(w[:1].isupper() for w in words[1:]):
            # "Dr Abu Salim said" after "Dr Yousef Abu Salim ...": the fullest form the text gave.
            return _fuller_person_name(self.text[:start], words[0], words[1:]) or name
        if len(words) > 1 and (fuller := _fuller_body_name(self.text[: start + len(sentence)], name)) is not None:
            return fuller  # "the health ministry" after "the Ministry of Health"
        if len(words) > 1:
            return name  # "hospital officials" is its own source, not "Palestinian health officials"
        if _ACRONYM_WORD_RE.fullmatch(name) and (spelled := _spelled_out(self.text[: start + len(sentence)], name)):
            return spelled  # "BINUH" after "The United Nations Integrated Office in Haiti (BINUH)"
        for _, earlier in reversed(self.named):
            if len(earlier) > len(name) and key in earlier.lower().split():
                return earlier
        if words[-1][:1].isupper():
            longest = max(
                (_name_around(before, start, end) for start, end in _whole_word_spans(before, words[-1])),
                key=len,
                default=name,
            )
            if len(longest.split()) > len(words):
                return longest
        elif key in ("group", "movement") and (member := _last_group_named(before + sentence)):
            return member  # "killed a Hamas military commander ..., the group said"
        elif key in _ORGANISATION_HEADS:
            # "Four Interior Ministry personnel were killed, the ministry said": the capitalised
            # name with that head, earlier or in this very sentence.
            upto = before + sentence
            title = key.capitalize()
            longest = max(
                (_name_around(upto, start, end) for start, end in _whole_word_spans(upto, title)),
                key=len,
                default=name,
            )
            if len(longest.split()) > 1:
                return longest
        # "The Syrian Observatory for Human Rights, a Britain-based war monitor, ..."
        for hit in _word_then_comma_starts(before, key):
            appositive = _APPOSITIVE_RE.search(before, max(0, hit - 120), hit)
            if appositive:
                return appositive.group("name")
        if described_body:
            # "The Emergency Lawyers, a rights group that has tracked abuses since 2023, said
            # ... more than 200 were killed, the group said": the body named before that the
            # text described by this noun (not any body: "the group" may be an armed group).
            last = self._last_body_named()
            if last is not None and re.search(
                rf"{re.escape(last)}\)?,\s+(?:a|an|the)\s+[^,.;]{{0,40}}\b{key}\b", before
            ):
                return last
            if last is not None and self.named and self.named[-1][1] == last and "\n" not in self.text[self.named[-1][0] : start]:
                # "MSF says its teams treated 858 wounded people ... Of the wounded, 387 needed
                # surgery, the group said": the body that gave the paragraph's last figure.
                return last
        return name

    def _last_body_named(self) -> str | None:
        for _, earlier in reversed(self.named):
            if earlier[:1].isupper() and (len(earlier.split()) > 1 or earlier.isupper()):
                return earlier
        return None


def _plural_persons(name: str) -> bool:
    """Whether a source names several persons ("Residents", "local officials"), which "it" cannot mean."""
    words = name.split()
    return bool(words) and words[-1].lower() in _PERSON_WORDS and words[-1].lower().endswith("s")


_BODY_NOUNS = frozenset(("group", "organisation", "organization", "charity", "ngo", "committee"))
# "the aid group Relief International", "the rights organisation Amnesty International"
_INTRODUCED_BODY_RE = re.compile(
    r"\b(?:group|organi[sz]ation|charity|NGO)\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:for|of|[A-Z][\w'’-]*)){0,5})"
)


def _whole_word_spans(text: str, word: str) -> list[tuple[int, int]]:
    """The spans of ``re.finditer(rf"\\b{re.escape(word)}\\b", text)``, found with ``str.find``:
    a pattern that opens with ``\\b`` is tried at every offset of the text before the one
    sought (this runs over all the text before a sentence)."""
    if not word:
        return [m.span() for m in re.finditer(r"\b\b", text)]
    out: list[tuple[int, int]] = []
    after = 0  # matches do not overlap: the search goes on after each one
    at = text.find(word)
    while at >= 0:
        if at >= after and _word_boundary(text, at) and _word_boundary(text, at + len(word)):
            out.append((at, at + len(word)))
            after = at + len(word)
        at = text.find(word, at + 1)
    return out


def _word_then_comma_starts(text: str, word: str) -> list[int]:
    """The starts of ``re.finditer(rf"\\b{re.escape(word)}\\s*,", text)``, found with ``str.find``
    (see ``_whole_word_spans``)."""
    if not word:
        return [m.start() for m in re.finditer(r"\b\s*,", text)]
    out: list[int] = []
    after = 0
    at = text.find(word)
    while at >= 0:
        if at >= after and _word_boundary(text, at):
            end = at + len(word)
            while end < len(text) and text[end].isspace():
                end += 1
            if end < len(text) and text[end] == ",":
                out.append(at)
                after = end + 1
        at = text.find(word, at + 1)
    return out


def _word_boundary(text: str, i: int) -> bool:
    """``\\b`` at ``text[i]``: a word character (alphanumeric or "_") on one side only."""
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


# "a Hamas military commander", "two Hezbollah members": the armed group a person belongs to.
_GROUP_MEMBER_RE = re.compile(
    r"\b(?:a|an|the|two|three|several|senior|top)\s+(?:senior\s+|top\s+)?(?P<name>[A-Z][\w'’-]+)"
    r"\s+(?:(?:military|political|field|senior|local|armed)\s+)?"
    r"(?:commanders?|leaders?|officials?|members?|operatives?|militants?|fighters?)\b"
)
# Nationality adjectives and state bodies are no armed group ("an Israeli military commander").
_NOT_GROUPS = frozenset(
    """israeli palestinian syrian lebanese iraqi iranian turkish kurdish russian ukrainian american british
    french german sudanese yemeni saudi egyptian jordanian afghan pakistani indian nigerian somali malian
    burkinabe congolese rwandan ethiopian libyan chinese european western arab emirati qatari un us eu
    government army police security""".split()
)


def _last_group_named(text: str) -> str | None:
    """The last armed group named through one of its members in ``text``, if any."""
    if "ommander" not in text and "member" not in text and "leader" not in text and "official" not in text:
        return None
    names = [m.group("name") for m in _GROUP_MEMBER_RE.finditer(text)]
    names = [n for n in names if n.lower() not in _NOT_GROUPS]
    return names[-1] if names else None


# Heads of organisation names that a report shortens to "the ministry", "the office" ...
_GENDERED_SAID_RE = re.compile(
    # ("In a televised address he put the number of dead at 19": a person giving a count)
    r"\b(?:he|she)\s+(?:\w+\s+)?(?:said|says|told|added|stated|writes|wrote|posted|put|puts|gave|gives|estimated|counted)\b"
    rf"|\baccording\s+to\s+(?:him|her)\b|\bby\s+(?:his|her)\s+{_OWN_COUNT_NOUNS}\b",
    re.IGNORECASE,
)
_COUNTED_BY_HANDLING_RE = re.compile(
    r"(?<=\s)(?:have\s+|has\s+|had\s+)?(?:arrested|recovered|retrieved|detained|carried\s+out\s+the\s+arrest\s+of)\s+(?=\S*\d|\w+\s)"
)
# Bodies whose arrests or recoveries are their own count (not "troops", "gunmen": actors, no reporters).
_HANDLING_BODIES = frozenset(
    "police authorities ministry agency service services gendarmerie directorate department command defence"
    " defense crescent cross guard cabinet".split()
)
_COUNTED_BY_CARE_RE = re.compile(
    # (not "has also received reports that ...": word of a count, not care)
    r"(?<=\s)(?:have\s+|has\s+|had\s+)?(?:treated|registered|admitted|received)\s+(?!(?:reports?|information|word|news|calls|by)\b)(?=\S*\d|\w+\s)"
)
# A sentence opening with a person's name (maybe after a title) and a verb.
# "SAT 19:45 | ", "14:02 - ": a live page's time stamp before a post's first word.
_TIMESTAMP_PREFIX_RE = re.compile(r"(?:[A-Za-z]{3,9}\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|local\s+time))?\s*[|–—-]\s*")
_LEADING_PERSON_RE = re.compile(
    r"(?:(?:President|Governor|Mayor|Minister|General|Gen\.|Colonel|Col\.|Commander|Chief|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s+[a-z]"
)
# A sentence opening with a name, then what the person is: "Samah, a 34-year-old mother of five, ..."
_NAME_THEN_PERSON_RE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:al-|el-|abu\s+|bin\s+)?[A-Z][\w'’-]+){0,3}),\s+")
_PERSON_NP_RE = re.compile(r"\b(?P<det>a|an|one)\s+(?P<w1>[a-z0-9][\w-]*)(?:\s+(?P<w2>[a-z]+))?")


def _person_described(sentence: str) -> str | None:
    """The first person a sentence introduces by a noun ("a nurse", "an elderly farmer")."""
    for match in _PERSON_NP_RE.finditer(sentence):
        if _is_person_noun(match.group("w1")):
            return f"{match.group('det')} {match.group('w1')}"
        if match.group("w2") and _is_person_noun(match.group("w2")):
            return match.group(0)
    return None


# Titles a report puts before a surname it has given in full before ("Dr Abu Salim", "Mr Syniehubov").
_PERSON_TITLES = frozenset(
    """Dr Mr Mrs Ms Miss Prof Professor Gen General Col Colonel Maj Major Capt Captain Lt Sgt Governor Gov
    Mayor President Minister Judge Father Sheikh Imam Bishop""".split()
)


def _fuller_person_name(before: str, title: str, surname: list[str]) -> str | None:
    """The longest name ending in ``surname`` that ``before`` gives ("Dr Yousef Abu Salim" for
    "Abu Salim"), if it has more words than the surname; not a name the surname only starts
    ("Abu Salim Hospital")."""
    tail = " ".join(surname)
    if tail not in before:
        return None
    best: str | None = None
    for start, end in _whole_word_spans(before, tail):
        if re.match(r"\s+[A-Z]", before[end : end + 2]):
            continue  # "Abu Salim Hospital": part of a longer name
        named = _name_around(before, start, end)
        words = named.split()
        if len(words) > len(surname) and not any(w in _NOT_PERSON_WORDS or w.lower() in _NOT_PERSON_WORDS for w in words):
            if best is None or len(named) > len(best):
                best = named
    if best is not None and title and best.split()[0].rstrip(".") not in _PERSON_TITLES:
        best = f"{title} {best}"  # "Dr" + "Yousef Abu Salim"
    return best


# A person named between commas: ", Clementine Nkweta-Salami," (two to four capitalised words).
_PERSON_APPOSITIVE_RE = re.compile(r",\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),")
_ORGANISATION_HEADS = frozenset(
    """ministry office agency army police committee commission council service directorate network
    observatory organisation organization authority department mission""".split()
)
# Capitalised words that make a name an institution or a place, not a person.
_NOT_PERSON_WORDS = _ORGANISATION_HEADS | frozenset(
    """nations united forces government council union republic state states islamic national army
    police health red cross crescent court party front movement group international""".split()
)
# "the war monitor", "the Britain-based monitor", "the rescue group": a description, not a
# name, of a source the report named before (the Syrian Observatory for Human Rights, the
# White Helmets). Head -> words one of the earlier names must contain.
_DESCRIBED_HEADS: dict[str, tuple[str, ...]] = {
    "monitor": ("observatory", "monitor", "watch", "network"),
    "watchdog": ("observatory", "monitor", "watch", "network"),
    "observatory": ("observatory",),
    # "the agency said" after "UNHCR says": a UN agency named before
    "agency": ("agency", "unhcr", "unrwa", "unicef", "iom", "wfp", "ocha", "programme", "high commissioner", "for migration"),
    # "The think tank said" after "The Pakistan Institute for Conflict and Security Studies (PICSS) said"
    "tank": ("institute", "centre", "center", "studies", "council", "foundation"),
    "institute": ("institute",),
}
_RESCUE_WORDS: tuple[str, ...] = ("defence", "defense", "rescue", "helmets", "crescent")


# What the agencies' acronyms stand for, as reports describe them ("the UN refugee agency").
_ACRONYM_MEANS: dict[str, frozenset[str]] = {
    "unhcr": frozenset(("refugee", "refugees")),
    "iom": frozenset(("migration", "migrant", "migrants")),
    "unicef": frozenset(("children", "children's", "child")),
    "wfp": frozenset(("food",)),
    "unrwa": frozenset(("refugee", "refugees", "relief", "palestinian", "palestine")),
    "ocha": frozenset(("humanitarian", "aid", "relief", "coordination")),
}


def _acronym_described(earlier: str, telling: list[str]) -> bool:
    """Whether a bare acronym named earlier ("UNHCR") is what a description's modifiers say
    ("the UN refugee agency"; not "the search and rescue agency")."""
    means = _ACRONYM_MEANS.get(earlier.lower())
    return means is not None and all(w in means for w in telling)


# Modifiers that do not say which body a reference means ("the local monitor", "the UN agency").
_GENERIC_MODIFIERS = frozenset(
    "the a an same this that local national international regional provincial federal state official war independent"
    " un u.n. monitoring main global humanitarian think".split()  # ("the think tank")
)


def _described_source(words: list[str]) -> tuple[str, ...] | None:
    """What an earlier name must contain for ``words`` ("Britain-based war monitor", or the bare
    "monitor" of "the monitor's toll") to mean it."""
    if not words:
        return None
    head = words[-1].lower()
    if len(words) >= 2 and head in ("group", "service") and words[-2].lower() == "rescue":
        wanted = _RESCUE_WORDS
    elif head in _DESCRIBED_HEADS:
        wanted = _DESCRIBED_HEADS[head]
    else:
        return None
    return wanted if all(w.islower() or w.endswith("-based") for w in words[:-1]) else None


_CONNECTORS = frozenset({"for", "of", "on", "and"})
_NAME_TAIL_RE = re.compile(rf"(?:\s+(?:for|of|on)(?:\s+{_NAME_PART})+)?")
_APPOSITIVE_RE = re.compile(
    rf"(?:The\s+)?(?P<name>{_NAME_PART}(?:\s+(?:for|of|on|and|{_NAME_PART}))*),\s+(?:a|an|the)\s+[^,.]{{0,40}}?$"
)


_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundreds dozens""".split()
)


def _name_around(text: str, start: int, end: int) -> str:
    """The capitalised name containing the word at ``text[start:end]`` ("Syrian Observatory for Human Rights")."""
    tokens = text[max(0, start - 80) : start].split(" ")
    name: list[str] = []
    if tokens and tokens[-1] == "":
        for token in reversed(tokens[:-1]):
            line_start = "\n" in token  # a name does not run across lines, but it may open one
            if line_start:
                token = token.rsplit("\n", 1)[1]
            bare = token.replace("-", "").replace("'", "").replace("’", "")
            if token[:1].isupper() and bare.isalpha():
                name.insert(0, token)
            elif token in _CONNECTORS and name:
                name.insert(0, token)
            else:
                break
            if line_start:
                break
    # Not the name: connectors, "The", or a count opening the sentence ("Four Interior Ministry ...").
    while name and (name[0] in _CONNECTORS or name[0] == "The" or name[0].lower() in _NUMBER_WORDS):
        name.pop(0)
    tail = _NAME_TAIL_RE.match(text, end)
    return " ".join(name + [text[start : tail.end() if tail else end]])


_REFERENCE_SKIP = frozenset("the its their a an this that same".split())


def _fuller_body_name(text: str, reference: str) -> str | None:
    """The capitalised name of a body that a lower-case reference describes by its own words:
    "the health ministry" -> "Ministry of Health", "Defence ministry" -> "Ministry of National
    Defence" (every word of the reference in the name; None when the text gives no such name)."""
    words = [w.lower() for w in reference.split() if w.lower() not in _REFERENCE_SKIP]
    if len(words) < 2 or words[-1] not in _ORGANISATION_HEADS or not reference.split()[-1].islower():
        return None
    best: str | None = None
    for at, end in _whole_word_spans(text, words[-1].capitalize()):
        name = _name_around(text, at, end)
        have = {w.lower() for w in name.split()}
        if len(name.split()) > 1 and all(w in have for w in words) and (best is None or len(name) > len(best)):
            best = name
    return best
