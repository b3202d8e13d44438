"""Events: one per distinct incident a report describes, with where, when, what and the
figures reported for it.

How a report becomes events (general rules, in order):

1. Each sentence gets at most one event type from the words that describe an incident
   ("ambush", "clashes", "airstrike", "were killed", "sought refuge", "security
   operations", "has verified"), or, failing that, from the outcome of a casualty figure
   in it. Background words ("sectarian violence", "attacks" as a plural noun) do not make
   an event on their own; neither do anecdotes with no incident verb, sentences without
   a figure that blame or deny ("Hezbollah blamed Israel for the blasts") or describe a
   population ("home to three million people, many of them displaced"), nor history
   (a sentence dated only more than a year before publication: "a crackdown in 2011").
   Armed groups taking ground ("rebels had taken Damascus") are an armed clash.
2. Sentences of the same type are one incident unless they name different places:
   five sentences about families sheltering at the airbase are one shelter event, while
   "30 killed in Baniyas" and "20 killed in Jableh" stay two killings events. Killings
   with no place of their own, or at the incident's place with no date of their own,
   after an ambush, attack or clash are its toll. A cumulative toll ("the number killed
   this year to 5,000", "since the war began") is an event apart, of type statement, so
   that it never becomes an incident's count nor is drawn as a one-day massacre.
3. The summary is one sentence of the report, verbatim with its offsets: one that itself
   tells this kind of incident, a full sentence over a headline, naming its place, the
   earliest (news leads sum up). A title line (see sentences.title_end) makes no event.
4. Places: those named in the event's sentences, most precise first (a landmark before
   its city, a city before the governorate or country); failing that, the places named
   in the same paragraph; failing that, the report's main place (where its main
   casualty event happened, else its most-named place). Not incident places: a wire
   dateline ("KYIV, March 16 -"), where a speaker was ("officials in Damascus said"),
   where the wounded were taken ("hospitals in Anantnag and Srinagar").
5. Dates: a date named in the event's sentences, else in its paragraph, else the report's
   period ("last week"), else the week up to publication.

A report that describes no violence (no figures, no violent incident words) has no events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dashboard.extract.dates import DateMention
from dashboard.extract.numbers import lower_same_length
from dashboard.extract.sentences import sentence_index, sentence_spans, sentences_containing_each, title_end
from dashboard.model import Event, Figure, Mention, Place, Report, stable_id

# Incident words by event type, each with substrings that must be present before its
# pattern is tried (cheap str checks; the patterns run on lower-cased text only).
# Each pattern describes an incident, not a background.
_TRIGGERS: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {
    "ambush": (("ambush",), re.compile(r"\bambush(?:ed|es|ing)?\b")),
    "armed_clash": (
        ("clash", "battle", "fire", "fight", "fought"),
        re.compile(
            r"\b(?:clash(?:es|ed)?|gun\s*battles?|fire\s*fights?|firefights?|exchanges?\s+of\s+fire"
            r"|exchanged\s+fire|fighting\s+(?:between|broke\s+out|erupted)|fierce\s+fighting|heavy\s+fighting"
            r"|battles?\s+(?:between|for|with)|fought)\b"
        ),
    ),
    # Armed groups taking ground ("rebels had taken Damascus", "fighters entered the capital"):
    # an armed_clash. Gated by the actor, which is rarer than the verbs.
    "taking_ground": (
        ("rebel", "insurgent", "militant", "jihadist", "fighters", "militia", "opposition"),
        re.compile(
            r"\b(?:rebels?|insurgents|militants|jihadists|fighters|militias?|opposition\s+forces)\b[^.;]{0,60}?"
            r"\b(?:took|taken|captured|seized|overran|overrun|entered)\b"
        ),
    ),
    "attack": (
        (
            "strike",
            "raid",
            "drone",
            "missile",
            "shell",
            "bomb",
            "explos",
            "blast",
            "suicide",
            "rocket",
            "fire",
            "storm",
            "attack",
            "assault",
            "ablaze",
            "torch",
            "loot",
            "burned",
        ),
        re.compile(
            r"\b(?:air\s*strikes?|air\s+raids?|drone\s+(?:strikes?|attacks?)|missile\s+(?:strikes?|attacks?)"
            r"|shelling|shelled|bombings?|bombed|explosions?|blasts?|car\s+bombs?|suicide\s+(?:bomb\w*|attack\w*)"
            r"|rocket\s+(?:fire|attacks?)|opened\s+fire|stormed|attacked|(?:an|the)\s+attack\s+on|attacks?\s+on"
            r"|assault\s+on|set\s+(?:fire\s+to|ablaze)|torched|looted|burned\s+down)\b"
        ),
    ),
    "statement_strong": (
        ("verified", "documented", "statement"),
        re.compile(r"\b(?:has|have|had)?\s*(?:verified|documented)\b|\bsaid\s+in\s+a\s+statement\b"),
    ),
    "shelter": (
        ("shelter", "refuge", "sanctuary", "camped"),
        re.compile(
            r"\b(?:shelter(?:ing|ed)|(?:take|took|taking|taken|sought|seek|seeking|find|found|finding)\s+"
            r"(?:shelter|refuge|sanctuary)|refuge\s+(?:at|in)|camped\s+(?:at|in|outside))\b"
        ),
    ),
    "security_operation": (
        (
            "security",
            "military",
            "crackdown",
            "combing",
            "insurgen",
            "secured",
            "raid",
            "arrest",
            "curfew",
            "reinforcement",
        ),
        re.compile(
            r"\b(?:security\s+(?:operations?|campaign|sweeps?|crackdown)|military\s+(?:operations?|campaign"
            r"|offensive|activity)|crackdown|combing\s+operations?|counter-?insurgency|(?:was|were|been)\s+secured"
            r"|raids?\s+on|raided|arrest\s+campaign|curfews?|reinforcements)\b"
        ),
    ),
    "killings": (
        ("kill", "execut", "massacr", "murder", "slain", "shot", "toll", "lynch", "behead"),
        re.compile(
            r"\b(?:killed|killings?|executions?|executed|massacres?|massacred|murdered|murders?|slain|shot\s+dead"
            r"|shot\s+and\s+killed|death\s+toll|lynched|beheaded)\b"
        ),
    ),
    "displacement": (
        ("displac", "forced", "fled", "flee", "exodus", "uproot", "evacu"),
        re.compile(
            r"\b(?:displaced|displacement|forced\s+(?:to\s+flee|from\s+their\s+homes|out)|fled|fleeing|flee"
            r"|exodus|uprooted|evacuated|evacuation)\b"
        ),
    ),
    "statement_weak": (
        ("condemn", "called for", "urged", "statement"),
        re.compile(
            r"\b(?:condemned|called\s+for\s+(?:an?\s+)?(?:independent\s+)?investigation|urged|issued\s+a\s+statement)\b"
        ),
    ),
}
# "the assailants fled to the mountains" is not displacement of people.
_FIGHTERS_FLED_RE = re.compile(
    r"\b(?:assailants|gunmen|attackers|militants|fighters|insurgents|rebels|perpetrators|suspects)\b"
    r"[^.]{0,40}\b(?:fled|escaped|withdrew)\b"
)
# Sentences with no figure that tell no incident of their own: who is blamed for (or denies)
# one already told ("Hezbollah blamed Israel for the blasts"), a population described ("the
# province is home to three million people, many of them displaced"). Stems gate the pattern.
_BACKGROUND_STEMS = (
    "blam",
    "accus",
    "denied",
    "denies",
    "responsib",
    "vow",
    "home to",
    "hosts",
    "called",
    "calling",
    "describ",
)
_BACKGROUND_RE = re.compile(
    r"\b(?:blamed|blames|blaming|accused|accuses|accusing|denied|denies|denying"
    r"|(?:claimed|claims|claiming|took|takes)\s+responsibility|held\s+\w+\s+responsible|vowed|vows"
    r"|(?:is|are|was|were|remains?)\s+home\s+to|hosts|hosting"
    r"|(?:called|calling|described|describing)\s+(?:it|this|that|the\s+\w+)\s+(?:as\s+)?(?:a|an)\s+\w+)\b"
)
# A toll for a whole war, year or campaign, not one incident: "brought the number of people
# killed in Haiti this year to 5,000", "since the war began in October". Such a sentence (of
# killings) is an event apart, so that its toll never becomes an incident's count.
_CUMULATIVE_STEMS = ("since", "this year", "so far", "in total", "throughout")
_CUMULATIVE_RE = re.compile(
    r"\b(?:since\s+the\s+(?:start|beginning|outbreak)\s+of"
    r"|since\s+the\s+(?:war|conflict|fighting|offensive|invasion|uprising)\b"
    r"|(?:so\s+far\s+)?this\s+year|so\s+far\s+in\s+(?:the\s+war|(?:19|20)\d\d)|in\s+total\s+since"
    r"|throughout\s+the\s+(?:war|conflict)"
    r"|since\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?!\s+\d)|since\s+(?:19|20)\d\d)\b"
)
# Types strong enough to mean a report describes violence at all.
_VIOLENT_TYPES = frozenset(
    {"ambush", "armed_clash", "attack", "killings", "displacement", "shelter", "security_operation"}
)
# Incidents whose toll may be told in later sentences without repeating the place.
_INCIDENT_TYPES = frozenset({"ambush", "attack", "armed_clash"})
_OUTCOME_TYPES = {
    "killed": "killings",
    "injured": "attack",
    "abducted": "attack",
    "displaced": "displacement",
    "detained": "security_operation",
    "missing": "other",
}
# A place named for where a source spoke, not where the incident happened: "a security
# official in Damascus said", "told reporters in Geneva".
_SPEAKER_PLACE_RE = re.compile(
    r"\b(?:reporters|journalists|a\s+briefing|a\s+news\s+conference|a\s+press\s+conference|speaking"
    r"|official|officials|spokes(?:man|woman|person)|statement|headquarters|based|embassy)\s+(?:in|from)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# Most precise first: the primary place of an event is the most specific one named.
_PRECISION_RANK = {"exact": 0, "city": 1, "adm2": 2, "adm1": 3, "region": 4, "country": 5}


@dataclass
class _Group:
    """Sentences describing one incident, while events are being assembled."""

    type: str
    sentences: list[int] = field(default_factory=list)
    apart: bool = False  # a cumulative toll: joins no incident, and none joins it


# The verbs of "taking_ground": its pattern runs only when one is there too.
_GROUND_VERBS = ("took", "taken", "captured", "seized", "overr", "entered")
# Every trigger stem with its trigger type, for one pass over a report.
_TRIGGER_STEMS = (
    tuple((stem, name) for name, (stems, _) in _TRIGGERS.items() for stem in stems)
    + tuple((stem, "background") for stem in _BACKGROUND_STEMS)
    + tuple((stem, "cumulative") for stem in _CUMULATIVE_STEMS)
)


# A place the wounded were taken to, not where the incident happened: "taken to hospitals in
# Srinagar", "died on the way to a hospital in Hasakah". Tried only after "hospital(s) in/at".
_DESTINATION_TAIL_RE = re.compile(
    r"(?:hospitals?|clinics?|medical\s+(?:centres?|centers?|facilities)|health\s+(?:centres?|centers?|facilities))"
    r"\s+(?:in|at)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_DESTINATION_VERB_RE = re.compile(
    r"\b(?:taken|rushed|evacuated|transferred|transported|flown|airlifted|brought|admitted|referred|treated"
    r"|way|route|died|dying)\b(?:\s+[\w'’-]+){0,6}?\s+(?:to|in|at)\s+(?:(?:a|the|several|two|three)\s+)?"
    r"(?:[\w-]+\s+)?(?:hospitals?|clinics?|medical|health)\b",
    re.IGNORECASE,
)


# Between two places of one list: "X and Y", "X, Y", "X, Y and Z".
_LIST_GAP_RE = re.compile(r"\s*(?:,\s*|\s+)(?:and\s+|or\s+)?(?:the\s+)?")


_DESTINATION_NOUNS = ("ospital", "linic", "entre", "enter", "facilit")


def _destination_place(text: str, start: int, sentence_end: int) -> bool:
    """Whether the place at ``start`` (in a sentence ending at ``sentence_end``) is where
    casualties were taken ("taken to hospitals in X")."""
    if text[start - 4 if start > 4 else 0 : start] not in (" in ", " at ", "the "):
        return False  # every destination ends "hospital(s) in|at (the) "
    near = text[start - 40 if start > 40 else 0 : start]
    if not any(noun in near for noun in _DESTINATION_NOUNS):
        return False
    before = text[start - 80 if start > 80 else 0 : start]
    tail = _DESTINATION_TAIL_RE.search(before)
    if tail is None:
        return False
    if _DESTINATION_VERB_RE.search(before, 0, tail.end()) is not None:
        return True
    # "Doctors at a hospital in Quetta said they had received 37 injured passengers".
    return (
        _AT_HOSPITAL_RE.search(before) is not None
        and _RECEIVED_RE.match(text, start, sentence_end) is not None
    )


_AT_HOSPITAL_RE = re.compile(r"\bat\s+(?:a|the|one)\s+(?:[\w-]+\s+)?(?:hospital|clinic)\s+in\s+(?:the\s+)?\Z", re.I)
_RECEIVED_RE = re.compile(r".*?\b(?:received|admitted|treated|treating|brought\s+in)\b", re.I | re.S)


# Added to the sort key of a journey's end: larger than any offset in a report.
_ROUTE_RANK_OFFSET = 1 << 40
_ROUTE_ORIGIN_BEFORE = ("from ", "from the ")
_ROUTE_ONWARD_RE = re.compile(r"\s+(?:to|for)\s+(?:the\s+)?[A-Z]")
_ROUTE_END_BEFORE_RE = re.compile(
    r"(?:\bfrom\s+[A-Z][^,.;:]{0,40}?\s+(?:to|for)|\bbound\s+for|\bheading\s+(?:to|for)|\bon\s+(?:its|their|his|her)\s+way\s+to"
    r"|\ben\s+route\s+to|\b(?:left|leaving|departed|departing)\s+[A-Z][^,.;:]{0,30}?\s+for)\s+(?:the\s+)?$"
)


def _route_place(text: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is an end of a journey: "from Quetta to Peshawar",
    "bound for Kyiv", "left Sibi for Quetta", not where something happened."""
    before = text[start - 80 if start > 80 else 0 : start]
    if before.endswith(_ROUTE_ORIGIN_BEFORE) and _ROUTE_ONWARD_RE.match(text, end):
        return True
    return ("to " in before[-25:] or "for " in before[-25:]) and _ROUTE_END_BEFORE_RE.search(before) is not None


def _speaker_place(text: str, start: int) -> bool:
    """Whether the place at ``start`` is where a speaker is ("officials in Damascus said")."""
    # _SPEAKER_PLACE_RE ends with "in|from" (+ "the") and blanks: a str test first (an
    # end-anchored regex search would scan the whole window).
    if (
        not text[start - 12 if start > 12 else 0 : start]
        .rstrip()[-4:]
        .lower()
        .endswith(("in", "from", "the"))
    ):
        return False
    return _SPEAKER_PLACE_RE.search(text, max(0, start - 40), start) is not None


def sentence_event_type(sentence: str, outcomes: Sequence[str] = ()) -> str | None:
    """The event type a sentence describes, or None for background sentences.

    ``outcomes`` are the outcomes of the casualty figures read from the sentence.
    """
    lower = sentence.lower()
    candidates = [name for name, (stems, _) in _TRIGGERS.items() if any(stem in lower for stem in stems)]
    background = any(stem in lower for stem in _BACKGROUND_STEMS)
    return _event_type(lower, candidates, outcomes, background)


def _event_type(
    lower: str, candidates: Sequence[str], outcomes: Sequence[str], background: bool = False
) -> str | None:
    """``candidates``: the trigger types whose stems occur in the (lower-cased) sentence;
    ``background``: whether a background cue's stem does.

    A type's pattern is only tried when the answer depends on it, in order of precedence
    (ambush, armed clash, attack, strong statement; then the figures' outcome; then shelter,
    security operation, killings, displacement, weak statement): most sentences with a
    figure are settled by the first few.
    """
    if background and not outcomes and _BACKGROUND_RE.search(lower):
        return None
    found: dict[str, bool] = {}

    def hit(name: str) -> bool:
        if name not in found:
            found[name] = (
                name in candidates
                and (name != "taking_ground" or any(verb in lower for verb in _GROUND_VERBS))
                and _TRIGGERS[name][1].search(lower) is not None
            )
        return found[name]

    if hit("ambush"):
        return "ambush"
    if hit("armed_clash") or hit("taking_ground"):  # taking ground is an armed clash
        return "armed_clash"
    if hit("attack"):
        return "attack"
    if hit("statement_strong"):
        return "statement"
    if outcomes:
        if outcomes[0] == "displaced" and hit("shelter"):
            return "shelter"  # "8,000 people found shelter at the base": where they are now
        return _OUTCOME_TYPES.get(outcomes[0], "other")
    for kind in ("shelter", "security_operation", "killings"):
        if hit(kind):
            return kind
    if hit("displacement") and not _FIGHTERS_FLED_RE.search(lower):
        return "displacement"
    if hit("statement_weak"):
        return "statement"
    return None


def build_events(
    report: Report,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    figures: Sequence[Figure],
    dates: Sequence[DateMention],
) -> list[Event]:
    """One Event per distinct incident in ``report``, in order of first appearance."""
    text = report.text
    spans = sentence_spans(text)
    if not spans:
        return []
    places_by_id = {p.id: p for p in places}

    figures_at: dict[int, list[Figure]] = {}
    for figure in figures:
        figures_at.setdefault(sentence_index(spans, figure.start), []).append(figure)
    places_at: dict[int, list[tuple[int, Place]]] = {}
    destination_end = -1  # where the last "taken to hospitals in X" place ended
    for mention in mentions:  # in reading order
        place = places_by_id.get(mention.place_id or "")
        if place is None:
            continue
        index = sentence_index(spans, mention.start)
        # Where the wounded were taken ("hospitals in Anantnag and Srinagar") is not where
        # the incident happened.
        if _destination_place(text, mention.start, spans[index][1] if index >= 0 else len(text)) or (
            destination_end >= 0 and _LIST_GAP_RE.fullmatch(text, destination_end, mention.start)
        ):
            destination_end = mention.end
            continue
        # A wire dateline says where the story was filed, not where it happened: it stays a
        # mention (and the report-wide fallback place) but never leads a sentence's places.
        if not _speaker_place(text, mention.start) and not _is_dateline(text, mention):
            # The ends of a journey ("the train, travelling from Quetta to Peshawar, was stopped
            # near Mach") rank after the sentence's other places (see _ranked).
            key = mention.start + (_ROUTE_RANK_OFFSET if _route_place(text, mention.start, mention.end) else 0)
            places_at.setdefault(index, []).append((key, place))
    dates_at: dict[int, list[DateMention]] = {}
    for mention_date in dates:
        dates_at.setdefault(sentence_index(spans, mention_date.start), []).append(mention_date)

    # Which sentences may hold which trigger: one str.find pass per stem over the whole text.
    # (Rare characters that change length when lower-cased are kept as they are.)
    lowered = lower_same_length(text)
    holding = sentences_containing_each(lowered, spans, _TRIGGER_STEMS)
    triggers_at: dict[int, list[str]] = {}
    for name in _TRIGGERS:  # in _TRIGGERS order, as _event_type expects
        for index in holding.get(name, ()):
            triggers_at.setdefault(index, []).append(name)
    background = holding.get("background", set())
    cumulative = holding.get("cumulative", set())
    typed: list[tuple[int, str]] = []
    apart: set[int] = set()
    body_start = title_end(text, spans)
    history_before = report.published - timedelta(days=365) if report.published is not None else None
    # Only sentences with a trigger stem or a figure can be typed (in reading order).
    for index in sorted(i for i in triggers_at.keys() | figures_at.keys() if 0 <= i < len(spans)):
        start, end = spans[index]
        if start < body_start:
            continue  # the title repeats the body
        outcomes = [f.outcome for f in figures_at.get(index, ())]
        candidates = triggers_at.get(index, [])
        if not candidates and not outcomes:
            continue
        lower = lowered[start:end]
        kind = _event_type(lower, candidates, outcomes, index in background)
        if kind is None:
            continue
        if history_before is not None and _only_dated_before(dates_at.get(index), history_before):
            # "the war, which began with a crackdown in 2011, drove millions from their
            # homes": history, not this report's news (its figures stay in the report).
            continue
        found = dates_at.get(index)
        if not outcomes and found and all(_running_span(d, report.published) for d in found):
            continue  # "families displaced several times during the past 12 years": background
        if kind == "killings" and outcomes and index in cumulative and _CUMULATIVE_RE.search(lower):
            apart.add(index)
        typed.append((index, kind))
    if not figures and not any(kind in _VIOLENT_TYPES for _, kind in typed):
        return []

    type_of = dict(typed)
    groups = _group_sentences(typed, places_at, apart, set(dates_at))
    paragraph_of = _paragraphs(text, spans)
    main_place = _main_place(groups, places_at, figures_at, mentions, places_by_id)
    report_period = _report_period(dates)

    events: list[Event] = []
    undated: list[int] = []  # events whose sentences and paragraphs name no date
    lead_dates: tuple[date | None, date | None, str] | None = None
    for group in groups:
        # The summary: a sentence that itself tells this kind of incident, a full sentence
        # rather than a headline, naming its place, the earliest (news leads sum up).
        summary_index = max(
            group.sentences,
            key=lambda i: (
                type_of.get(i) == group.type,
                text[spans[i][1] - 1] in '.!?"”’',
                bool(places_at.get(i)),
                -i,
            ),
        )
        s_start, s_end = spans[summary_index]
        place_ids = _event_places(group, summary_index, places_at, paragraph_of, main_place)
        own = _event_dates(group, summary_index, dates_at, paragraph_of, report.published)
        if own is None:
            undated.append(len(events))
            first, last, precision = None, None, "week"
        else:
            first, last, precision = own
            if lead_dates is None:
                lead_dates = own
        figure_ids = tuple(f.id for i in sorted(group.sentences) for f in figures_at.get(i, ()))
        events.append(
            Event(
                id=stable_id("evt-", report.id, s_start),
                report_ids=(report.id,),
                date_start=first,
                date_end=last,
                date_precision=precision,
                place_ids=place_ids,
                type=group.type,
                summary=text[s_start:s_end],
                summary_start=s_start,
                summary_end=s_end,
                figure_ids=figure_ids,
            )
        )
    # An event with no date of its own takes the report's lead date: the first event that
    # has one (a report's time frame is set by its lead), else the report's period ("last
    # week"), else the week up to publication.
    fallback = lead_dates or _report_fallback(report_period, report)
    for position in undated:
        first, last, precision = fallback
        events[position] = replace(
            events[position], date_start=first, date_end=last, date_precision=precision
        )
    return events


def _report_fallback(
    report_period: DateMention | None, report: Report
) -> tuple[date | None, date | None, str]:
    if report_period is not None:
        return report_period.date_start, report_period.date_end, report_period.precision
    if report.published is not None:
        return report.published - timedelta(days=6), report.published, "week"
    return None, None, "week"


_DATELINE_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# After a dateline place: an optional ", Country", an optional date (", Jan 31", " 3 March"),
# an optional "(Agency)", then a dash: "KYIV, March 16 - ", "IDLIB, Syria, Dec 2 - ".
_DATELINE_TAIL = re.compile(
    rf"(?:,\s*(?!{_DATELINE_MONTH}\s+\d)[A-Z][A-Za-z .'-]{{1,30}}?)?"
    rf"(?:,?\s*(?:{_DATELINE_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_DATELINE_MONTH})(?:,?\s*\d{{4}})?)?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[-\u2013\u2014])\s"
)


def _is_dateline(text: str, mention: Mention) -> bool:
    """True for a place opening the text or a paragraph in wire style: "DAMASCUS (Agency) - ..."."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start : mention.start].strip():
        return False
    return _DATELINE_TAIL.match(text, mention.end) is not None


def _ranked(located: Sequence[tuple[int, Place]]) -> list[Place]:
    """Places of a sentence, most precise first, then in reading order, without repeats; the
    ends of a journey (their key is offset by _ROUTE_RANK_OFFSET) after all the others."""
    if len(located) < 2:  # most sentences name one place or none: nothing to sort
        return [place for _, place in located]
    ordered = sorted(
        located,
        key=lambda item: (item[0] >= _ROUTE_RANK_OFFSET, _PRECISION_RANK.get(item[1].precision, 6), item[0]),
    )
    seen: set[str] = set()
    result = []
    for _, place in ordered:
        if place.id not in seen:
            seen.add(place.id)
            result.append(place)
    return result


def _primary(index: int, places_at: dict[int, list[tuple[int, Place]]]) -> str | None:
    ranked = _ranked(places_at.get(index, ()))
    return ranked[0].id if ranked else None


def _only_dated_before(found: Sequence[DateMention] | None, limit: date) -> bool:
    """Whether a sentence names dates and all of them end before ``limit``."""
    return bool(found) and all(d.date_end is not None and d.date_end < limit for d in found or ())


def _group_sentences(
    typed: list[tuple[int, str]],
    places_at: dict[int, list[tuple[int, Place]]],
    apart: AbstractSet[int] = frozenset(),
    dated: AbstractSet[int] = frozenset(),
) -> list[_Group]:
    """Sentences of one type and place are one incident; ``apart`` sentences (cumulative
    tolls) stand alone; ``dated`` are the sentences that name a date of their own."""
    groups: list[_Group] = []
    group_place: list[str | None] = []
    last: _Group | None = None  # the group of the previous typed sentence
    for index, kind in typed:
        # A country names no particular place: such a sentence joins any group of its type.
        ranked = _ranked(places_at.get(index, ()))
        primary = ranked[0].id if ranked and ranked[0].precision != "country" else None
        if index in apart:
            # A running total ("killed in the province this year", "since the war began") is
            # a source's statement, not an incident of one day: mapped as such, it does not
            # paint a war's toll as a massacre on the day of the report.
            groups.append(_Group("statement", [index], apart=True))
            group_place.append(primary)
            last = groups[-1]
            continue
        if (
            kind == "killings"
            and primary is None
            and last is not None
            and last.type in _INCIDENT_TYPES
            and not any(g.type == "killings" and not g.apart for g in groups)
        ):
            # A toll told right after the incident, naming no place, before any toll of its
            # own: "The ministry had earlier given a toll of 15 dead" stays with the shooting.
            last.sentences.append(index)
            continue
        for g, group in enumerate(groups):
            if group.type != kind or group.apart:
                continue
            if primary is None or group_place[g] is None or group_place[g] == primary:
                group.sentences.append(index)
                if group_place[g] is None:
                    group_place[g] = primary
                last = group
                break
        else:
            groups.append(_Group(kind, [index]))
            group_place.append(primary)
            last = groups[-1]
    # Killings that name no place of their own, told after an ambush, attack or clash, are
    # that incident's toll ("13 members of the security forces were killed"); so are killings
    # at the incident's own place with no date of their own ("Odesa's deputy mayor was also
    # killed").
    merged: list[_Group] = []
    merged_place: list[str | None] = []
    for g, group in enumerate(groups):
        if group.type == "killings" and not group.apart:
            first = min(group.sentences)
            incidents = [
                m
                for m, place in zip(merged, merged_place, strict=True)
                if m.type in _INCIDENT_TYPES
                and min(m.sentences) < first
                and (
                    group_place[g] is None
                    or (place == group_place[g] and not any(i in dated for i in group.sentences))
                )
            ]
            if incidents:
                incidents[-1].sentences.extend(group.sentences)
                continue
        merged.append(group)
        merged_place.append(group_place[g])
    return merged


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Paragraph (line) number of each sentence."""
    result = []
    line = 0
    position = 0
    for start, _ in spans:
        line += text.count("\n", position, start)
        position = start
        result.append(line)
    return result


def _main_place(
    groups: list[_Group],
    places_at: dict[int, list[tuple[int, Place]]],
    figures_at: dict[int, list[Figure]],
    mentions: Sequence[Mention],
    places_by_id: dict[str, Place],
) -> str | None:
    """Where the report's main casualty event happened, else its most-named non-country place."""
    best: tuple[int, str] | None = None
    for group in groups:
        total = sum((f.best() or 0) for i in group.sentences for f in figures_at.get(i, ()))
        located = [item for i in group.sentences for item in places_at.get(i, ())]
        ranked = _ranked(located)
        if total and ranked and (best is None or total > best[0]):
            best = (total, ranked[0].id)
    if best is not None:
        return best[1]
    counts = Counter(
        m.place_id
        for m in mentions
        if m.place_id in places_by_id and places_by_id[m.place_id].precision != "country"
    )
    if counts:
        return counts.most_common(1)[0][0]
    countries = [m.place_id for m in mentions if m.place_id in places_by_id]
    return countries[0] if countries else None


def _event_places(
    group: _Group,
    summary_index: int,
    places_at: dict[int, list[tuple[int, Place]]],
    paragraph_of: list[int],
    main_place: str | None,
) -> tuple[str, ...]:
    ordered = [summary_index] + [i for i in group.sentences if i != summary_index]
    located = [item for i in ordered for item in places_at.get(i, ())]
    if located:
        # The summary sentence's most precise place leads; the rest follow by precision.
        lead = _ranked(places_at.get(summary_index, ()))[:1]
        rest = [p for p in _ranked(located) if p not in lead]
        return tuple(p.id for p in lead + rest)
    paragraphs = {paragraph_of[i] for i in group.sentences}
    nearby = [
        item
        for i, items in places_at.items()
        if i >= 0 and paragraph_of[i] in paragraphs
        for item in items
        if item[1].precision != "country"
    ]
    if nearby:
        return tuple(p.id for p in _ranked(nearby))
    return (main_place,) if main_place else ()


def _most_precise(candidates: Sequence[DateMention]) -> DateMention:
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    return min(candidates, key=lambda d: (rank.get(d.precision, 4), d.start))


def _report_period(dates: Sequence[DateMention]) -> DateMention | None:
    """The report's own time frame: its first period expression ("last week"), else its first date."""
    periods = [d for d in dates if d.precision in ("week", "month")]
    if periods:
        return periods[0]
    return dates[0] if dates else None


# A span this long that runs up to publication ("this year", "during the past 12 years",
# "since the war began") frames a running total or background: it dates no incident.
RUNNING_SPAN_DAYS = 62


def _running_span(d: DateMention, published: date | None) -> bool:
    if published is None or d.date_start is None or d.date_end is None:
        return False
    return (d.date_end - d.date_start).days > RUNNING_SPAN_DAYS and d.date_end >= published - timedelta(days=7)


def _event_dates(
    group: _Group,
    summary_index: int,
    dates_at: dict[int, list[DateMention]],
    paragraph_of: list[int],
    published: date | None = None,
) -> tuple[date | None, date | None, str] | None:
    """The dates named in the event's sentences, else in their paragraphs; None if neither
    (running spans aside: "the deadliest attack this year" does not date the attack)."""
    for indexes in ([summary_index], group.sentences):
        found = [d for i in indexes for d in dates_at.get(i, ()) if not _running_span(d, published)]
        if found:
            chosen = _most_precise(found)
            return chosen.date_start, chosen.date_end, chosen.precision
    paragraphs = {paragraph_of[i] for i in group.sentences}
    nearby = [
        d
        for i, items in dates_at.items()
        if i >= 0 and paragraph_of[i] in paragraphs
        for d in items
        if not _running_span(d, published)
    ]
    if nearby:
        chosen = _most_precise(nearby)
        return chosen.date_start, chosen.date_end, chosen.precision
    return None
