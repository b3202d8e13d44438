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
   13", "the death toll rose to 745", "the killing of 13"). A count that merely
   introduces a person ("One soldier, Mahmoud al-Haik, claims ...") has no outcome and
   is not a figure.
4. The category comes from the noun phrase after the count ("security personnel" ->
   security_forces, "gunmen" -> fighters ...); a bare count ("and 20 wounded",
   "dozens more") inherits the category of the previous figure in the same sentence.
5. The source is what the sentence names: "according to X", "citing X", or the subject
   of a reporting verb ("news reports confirm", "the UN's human rights office has
   verified", "..., the health ministry said"); pronouns and unnamed speakers give None.
6. ``verified`` is true when the sentence says verified/confirmed/documented, and not
   "unverified", "unconfirmed" or "could not be independently verified".
"""

from __future__ import annotations

import re

from dashboard.extract.numbers import Quantity, find_quantities
from dashboard.extract.sentences import sentence_index, sentence_spans
from dashboard.model import Figure, stable_id

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)

# Right after the count: it measures time, age, money, distance, share or a date.
_NOT_PEOPLE_AFTER_RE = re.compile(
    rf"""\s*(?:
        -?\s*(?:year|month|week|day)s?[\s-]*old\b
      | (?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centuries)\b
      | (?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|hectares?|acres?|kg|tons?|tonnes?)\b
      | (?:%|percent\b|per\s*cent\b|percentage\b)
      | (?:dollars?|euros?|pounds|lira|liras|riyals?|dinars?|shekels?|usd|eur|bn|billion)\b
      | (?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|o'clock\b|h\b)
      | (?:{_MONTHS})\b
      | (?:st|nd|rd|th)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Right before the count.
_NOT_PEOPLE_BEFORE_RE = re.compile(
    rf"""(?:
        \b(?:aged|age|ages|ageing|no\.|number|page|article|resolution|route|highway|road|flight|
            room|platform|chapter|section|paragraph|verse|gate|unit|brigade|division|battalion|
            in|since|until|till|by|from|of\s+the\s+year|year|the\s+year|january|february|march|
            april|may|june|july|august|september|october|november|december|(?:{_MONTHS}))
      | [$€£¥#]
      | \b(?:us|usd|eur|gbp|syp)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

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
    tonnes tons kilograms acres hectares points votes seats pages kilometre kilometer times
    """.split()
)

_CATEGORY_RE = re.compile(
    r"""\b(?:
        (?P<security_forces>security\s+(?:personnel|forces|force\s+members|members|officers|agents|guards)
          |members\s+of\s+the\s+(?:security|armed)\s+forces|soldiers?|troops|servicem[ae]n|policem[ae]n
          |police(?:\s+officers?)?|officers|gendarmes|border\s+guards|guards|peacekeepers|personnel
          |army\s+(?:officers|personnel)|military\s+personnel|(?:government|regime|state)\s+forces|conscripts)
      | (?P<fighters>fighters?|gunm[ae]n|militants?|insurgents?|rebels?|jihadists?|combatants?|attackers?
          |assailants?|militiam[ae]n|militia\s+members|extremists?|terrorists?)
      | (?P<children>children|child|kids|boys|girls|minors|infants|babies|toddlers|teenagers)
      | (?P<women>women|woman)
      | (?P<civilians>civilians?|residents|villagers|worshippers|farmers|shepherds|students|pupils
          |aid\s+workers|humanitarian\s+workers|journalists|reporters|medics|paramedics|doctors|nurses
          |refugees|migrants|families|family\s+members|passengers|pilgrims|worshipers|detainees|prisoners)
      | (?P<people>people|persons|individuals|men|others|victims|bodies|alawites|druze|christians
          |kurds|sunnis|shias|shiites|yazidis|palestinians|israelis|ukrainians|sudanese|syrians|lebanese)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Outcome words, grouped by the outcome they report.
_OUTCOME_WORDS = {
    "killed": r"killed|killing|killings|kills|kill|dead|died|die|deaths?|executed|executing|executions?"
    r"|murdered|slain|massacred|perished|fatalities|lost\s+their\s+lives|lives|shot\s+dead|bodies|toll",
    "injured": r"injured|injuring|injuries|wounded|wounding|hurt",
    "missing": r"missing|unaccounted\s+for|disappeared",
    "abducted": r"abducted|abducting|abductions?|kidnapped|kidnapping|taken\s+hostage|seized",
    "displaced": r"displaced|displacing|displacement|fled|flee|fleeing|uprooted|evacuated|homeless",
    "detained": r"detained|detaining|detentions?|arrested|arresting|arrests|rounded\s+up|captured|held",
}
_OUTCOME_RE_PART = "|".join(f"(?P<o_{name}>{words})" for name, words in _OUTCOME_WORDS.items())

_AUX = (
    r"(?:were|was|are|is|have|has|had|been|being|got|get|reportedly|also|all|later|subsequently|allegedly"
    r"|confirmed|believed|feared|thought|said|reported|found|left|now|since|so\s+far|already|either"
    r"|shot\s+and|to)"
)
_NP_WORD = (
    r"(?:(?!(?:were|was|are|is|have|has|had|been|and|or|but|who|whom|that|which|while|when|after|before"
    r"|during|as|if|than|with|by|at|on|into|to|for|he|she|it|they|we|claims?|says?|said)\b)"
    r"[^\W\d][\w'’-]*|(?:and|or)(?=\s+(?:women|children|men|boys|girls|elderly|civilians|soldiers)\b))"
)
# After the count: a short noun phrase, an optional aside, auxiliaries, then the outcome.
_AFTER_RE = re.compile(
    rf"""\s*(?:-\s*)?
    (?P<np>(?:{_NP_WORD}\s+){{0,6}}?)
    (?:,\s*(?:including|among\s+them|most\s+of\s+them|mostly|mainly|many\s+of\s+them|all|both)\b[^,.;]{{0,80}},\s*)?
    (?:{_AUX}\s+)*
    (?:{_OUTCOME_RE_PART})\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A count whose own noun is "bodies" needs no verb: "30 bodies were recovered".
_BODIES_RE = re.compile(r"\s*(?:[^\W\d][\w'’-]*\s+){0,2}?bodies\b", re.IGNORECASE)

# Before the count: a verb or noun of outcome that takes the count as its object.
_BEFORE_RE = re.compile(
    r"""(?:
        (?P<b_killed>\b(?:killed|killing|kills|kill|executed|executing|massacred|murdered|shot\s+dead
            |claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|claims\s+the\s+lives\s+of|the\s+lives\s+of
            |(?:deaths?|killings?|killing|executions?|murders?|bodies|massacre)\s+of
            |(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|victims|fatalities))
              (?:\s+[\w'’-]+){0,6}?\s+(?:to|at|of|reached|hit|passed|exceeded|topped|surpassed|is|was|stands\s+at|stood\s+at)))
      | (?P<b_injured>\b(?:wounded|wounding|injured|injuring|injuries\s+to|number\s+of\s+(?:wounded|injured)
              (?:\s+[\w'’-]+){0,6}?\s+(?:to|at|of|reached|is|was)))
      | (?P<b_abducted>\b(?:abducted|abducting|kidnapped|kidnapping|(?:abduction|kidnapping)\s+of|seized|seizing))
      | (?P<b_displaced>\b(?:displaced|displacing|displacement\s+of|uprooted|uprooting|forced|forcing))
      | (?P<b_detained>\b(?:detained|detaining|arrested|arresting|(?:arrest|detention)\s+of|rounded\s+up|captured|capturing))
      | (?P<b_including>\b(?:including|among\s+them|among\s+the\s+(?:dead|victims|killed|wounded)|of\s+whom))
    )\s+(?:(?:the|another|an\s+additional|a\s+further|some|at\s+least)\s+)?$""",
    re.IGNORECASE | re.VERBOSE,
)
# "forced 3,000 families to flee": only displacement when the count is followed by a flight phrase.
_FORCED_TAIL_RE = re.compile(
    r"\s*(?:[^\W\d][\w'’-]*\s+){0,3}?(?:to\s+(?:flee|leave|abandon)|from\s+their\s+homes|out\s+of\s+their\s+homes)",
    re.IGNORECASE,
)

_VERIFIED_RE = re.compile(
    r"\b(?:verif(?:y|ied|ies|ying)|confirm(?:s|ed|ing)?|document(?:s|ed|ing))\b", re.IGNORECASE
)
_UNVERIFIED_RE = re.compile(
    r"\b(?:unverified|unconfirmed|undocumented|(?:not|n't|never|unable\s+to|no\s+way\s+to)\s+(?:\w+\s+){0,3}?"
    r"(?:verif(?:y|ied)|confirm(?:ed)?|document(?:ed)?))\b",
    re.IGNORECASE,
)

_ACCORDING_RE = re.compile(
    r"\b(?:according\s+to|citing|cited\s+by|as\s+reported\s+by|reported\s+by|verified\s+by|confirmed\s+by"
    r"|documented\s+by|figures\s+from|data\s+from|a\s+tally\s+by|a\s+count\s+by)\s+"
    r"(?P<src>[^,.;:()\"“”]+?)(?=\s*[,.;:()\"“”]|\s+(?:which|who|that|on|as|and|but|while|said|says|in\s+(?!human\b))\b|$)",
    re.IGNORECASE,
)
_REPORTING_VERB_RE = re.compile(
    r"\b(?:said|says|say|reported|verified|verifies|verify|confirmed|confirms|confirm|documented|documents"
    r"|recorded|records|estimated|estimates|counted|announced|announces|stated|states|told|put|puts|registered"
    r"|tallied|added|noted)\b",
    re.IGNORECASE,
)
_SUBJECT_SKIP = frozenset("has have had also previously now separately later earlier has'".split())
_SUBJECT_STOP = frozenset(
    """that which who whom as while when after before but because since although though and or if
    where whereas than with by were was are is been be to at on into from killed""".split()
)
_PRONOUNS = frozenset("he she it they we i you one someone somebody this these those who".split())
# A named subject counts as a source when its head is one of these (or it is a proper name).
_SOURCE_HEADS = frozenset(
    """
    office offices ministry ministries monitor monitors observatory report reports media agency agencies
    official officials source sources group groups network organisation organization organisations
    organizations activists witnesses spokesman spokesperson spokeswoman commission committee council
    authorities authority government army military police hospital hospitals doctors medics rescuers
    defence defense crescent cross mission envoy un unicef unhcr ocha who icrc watch international
    outlet outlets television tv channel newspaper daily broadcaster correspondent journalists team
    """.split()
)
_COMMON_FIRST_WORDS = frozenset(
    """news local medical state health hospital security government rights aid rescue civil activists
    officials witnesses residents sources monitors reports a an initial preliminary official
    """.split()
)


def casualty_figures(text: str, report_id: str) -> list[Figure]:
    """Every casualty figure in ``text``, in order of appearance.

    ``start``/``end`` of each Figure are the offsets of its sentence; ``surface`` is the
    number phrase as written ("over 1,400"); ids are stable for a given report and offset.
    """
    spans = sentence_spans(text)
    figures: list[Figure] = []
    for quantity in find_quantities(text):
        index = sentence_index(spans, quantity.start)
        if index < 0 or quantity.end > spans[index][1]:
            continue
        figure = _read_figure(text, spans[index], quantity, report_id, figures)
        if figure is not None:
            figures.append(figure)
    return figures


def _read_figure(
    text: str, sentence: tuple[int, int], quantity: Quantity, report_id: str, earlier: list[Figure]
) -> Figure | None:
    s_start, s_end = sentence
    after = text[quantity.end : min(s_end, quantity.end + 160)]
    before = text[max(s_start, quantity.start - 120) : quantity.start]
    if _NOT_PEOPLE_AFTER_RE.match(after) or _NOT_PEOPLE_BEFORE_RE.search(before):
        return None
    if quantity.qualifier == "exact" and quantity.low is not None and 1900 <= quantity.low <= 2100:
        if "," not in quantity.surface:
            return None  # a year ("in 2024"), never a bare casualty count

    outcome, noun_phrase = _outcome_after(after)
    before_match = _BEFORE_RE.search(before)
    previous = earlier[-1] if earlier and earlier[-1].start == s_start else None
    if outcome is None and before_match is not None:
        name = before_match.lastgroup or ""
        if name == "b_including":
            if previous is None:
                return None
            outcome = previous.outcome
        elif name == "b_displaced" and before_match.group(name).lower().startswith("forc"):
            if not _FORCED_TAIL_RE.match(after):
                return None
            outcome = "displaced"
        else:
            outcome = name[2:]
        noun_phrase = _leading_noun_phrase(after)
    if outcome is None:
        return None
    if _is_thing(noun_phrase):
        return None

    category = _category(noun_phrase)
    if category is None and before_match is not None:
        category = _category(before_match.group(0))
    if category is None:
        category = previous.category if previous is not None else "unknown"

    sentence_text = text[s_start:s_end]
    verified = bool(_VERIFIED_RE.search(sentence_text)) and not _UNVERIFIED_RE.search(sentence_text)
    return Figure(
        id=stable_id("fig-", report_id, quantity.number_start, outcome),
        report_id=report_id,
        low=quantity.low,
        high=quantity.high,
        qualifier=quantity.qualifier,
        category=category,
        outcome=outcome,
        attributed_to=_source(sentence_text),
        verified=verified,
        start=s_start,
        end=s_end,
        surface=quantity.surface,
    )


def _outcome_after(after: str) -> tuple[str | None, str]:
    match = _AFTER_RE.match(after)
    if match:
        name = next(k for k, v in match.groupdict().items() if k.startswith("o_") and v)
        return name[2:], match.group(0)
    bodies = _BODIES_RE.match(after)
    if bodies:
        return "killed", bodies.group(0)
    return None, ""


_LEADING_NP_RE = re.compile(rf"\s*(?:of\s+)?(?:{_NP_WORD}\s*){{0,5}}", re.IGNORECASE)


def _leading_noun_phrase(after: str) -> str:
    match = _LEADING_NP_RE.match(after)
    return match.group(0) if match else ""


def _is_thing(noun_phrase: str) -> bool:
    """True when the counted noun (first word after the count) is an object, not people."""
    words = noun_phrase.lower().split()
    if words and words[0] == "of":
        words = words[1:]
    for word in words[:3]:
        if word in _THINGS:
            return True
        if word in ("of", "in", "from", "near"):
            break
    return False


def _category(phrase: str) -> str | None:
    found = [m.lastgroup for m in _CATEGORY_RE.finditer(phrase)]
    if not found:
        return None
    # "women and children" together are the civilians a report singles out.
    if set(found) == {"women", "children"}:
        return "civilians"
    return found[0]


def _source(sentence: str) -> str | None:
    """The source the sentence names for its facts, normalised for display, or None."""
    match = _ACCORDING_RE.search(sentence)
    if match:
        return _normalise_source(match.group("src"), at_sentence_start=False)
    for verb in _REPORTING_VERB_RE.finditer(sentence):
        subject = _subject_before(sentence, verb.start())
        if subject is not None:
            return _normalise_source(subject[0], at_sentence_start=subject[1] == 0)
    return None


_TOKEN_RE = re.compile(r"[^\s]+")


def _subject_before(sentence: str, stop: int) -> tuple[str, int] | None:
    """The noun phrase right before a reporting verb, if it names a source: (text, start)."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN_RE.finditer(sentence, max(0, stop - 90), stop)]
    if stop - 90 > 0 and tokens:
        tokens = tokens[1:]  # the first token may be cut in half
    while tokens and tokens[-1][0].lower() in _SUBJECT_SKIP:
        tokens.pop()
    words: list[tuple[str, int]] = []
    for token, start in reversed(tokens):
        bare = token.strip("\"“”'‘’()")
        if token[-1] in ',;:"“”)(—–' or bare.lower() in _SUBJECT_STOP or not bare or bare[0].isdigit():
            break
        words.insert(0, (bare, start))
        if len(words) == 7:
            break
    # Start at the last determiner, if any ("In a grim revelation the UN office" -> "the UN office").
    for i in range(len(words) - 1, -1, -1):
        if words[i][0].lower() in ("the", "a", "an"):
            words = words[i:]
            break
    if not words:
        return None
    head = re.sub(r"['’]s$", "", words[-1][0]).lower()
    first = words[0][0].lower()
    if first in _PRONOUNS or head in _PRONOUNS:
        return None
    named = any(w[0][:1].isupper() for w in words[1:]) or (words[0][0][:1].isupper() and words[0][1] > 0)
    if head not in _SOURCE_HEADS and not named:
        return None
    text = " ".join(w[0] for w in words)
    return text, words[0][1]


def _normalise_source(phrase: str, *, at_sentence_start: bool) -> str | None:
    words = phrase.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    if not words:
        return None
    # "News reports say ..." -> "news reports"; names and acronyms ("UN", "Reuters") keep their case.
    if at_sentence_start and words[0].lower() in _COMMON_FIRST_WORDS and not words[0].isupper():
        words[0] = words[0].lower()
    return " ".join(words)
