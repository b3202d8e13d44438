"""Find where a report names places: gazetteer names and indirect phrases, with offsets.

Pure: the caller passes the name matcher (a multi-pattern automaton over every gazetteer
name, built by ``dashboard.geocode``) and the word lists (``MentionRules``, read from
``geodata/``). This module only decides which matches are place mentions:

* longest match wins where names overlap ("Deir ez-Zor" over "Zor");
* a place name is written with a capital letter (Latin script), so "along", "most", "of"
  in running text never match; at the start of a sentence or in a title-case headline the
  capital proves nothing, so common words are dropped there and other matches are *weak*
  (the resolver keeps them only when the report's context supports them);
* personal names are not places: "Mahmoud al-Haik", "Bashar al-Assad", "President Ahmad
  al-Sharaa", "Dalaal Mahna" (a capitalised word glued to the match makes it part of a
  longer proper name);
* indirect phrases ("a Russian military airbase", "the coastal area", "nearby mountains")
  come from cue patterns, each naming the place it means and what the report must
  already say for it to apply;
* words around a name say what kind of place is meant ("the province of Latakia",
  "Latakia city", "the Latakia countryside").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

import ahocorasick

from dashboard.extract.layout import SPEAKER_LABEL, SPEAKER_LABEL_END


class NameMatcher(Protocol):
    """Finds gazetteer names in a text, in any letter case.

    ``find(text)`` yields ``(start, end)`` character spans of ``text`` that spell a known
    name (after case/diacritic folding), on word boundaries. Overlaps are allowed.
    """

    def find(self, text: str) -> Iterable[tuple[int, int]]: ...


@dataclass(frozen=True)
class IndirectCue:
    """A phrase that names a place without its name ("a Russian military airbase").

    ``requires`` lists alternatives (any one suffices) that the rest of the report must
    establish first: ``country:SY``, ``admin1:SY.02``, ``place:overlay:syrian-coast``.
    Empty means the phrase is specific enough on its own.
    """

    pattern: re.Pattern[str]
    place_id: str
    requires: tuple[str, ...] = ()
    # Lower-case words one of which must occur for the pattern to be tried (speed only).
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class MentionRules:
    """Word lists that separate place names from everything else (all lower case, folded)."""

    common_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    family_names: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    cues: tuple[IndirectCue, ...] = ()
    # Multi-word organisation names as written ("Save the Children"): no place inside them.
    organisations: tuple[str, ...] = ()


# Not frozen (a report makes ~25 of them; a frozen dataclass's __init__ costs three times as
# much), but hashable like one: treat it as immutable and use ``replace``.
@dataclass(unsafe_hash=True)
class PlaceSpan:
    """A stretch of the report that names a place, before it is resolved.

    ``name`` is the part to look up in the gazetteer (None for indirect cues);
    ``kind_hint`` is ``adm1``, ``city``, ``village``, ``central`` or ``countryside`` when the words
    around the name say so; ``weak`` marks matches whose capital letter proves nothing
    (sentence start, headline, glued to another capitalised word).
    """

    start: int
    end: int
    surface: str
    name: str | None
    kind_hint: str | None = None
    weak: bool = False
    cue_place_id: str | None = None
    requires: tuple[str, ...] = ()
    # Glued to another capitalised word ("Amjad Sultan", "Aung San Suu Kyi"): most likely part
    # of a person's or organisation's name; only a major place survives that.
    glued: bool = False
    # Weak only because a sentence starts with it (not a headline, not a common word): the
    # resolver may still take a name that only one place in the report's country carries.
    opens_sentence: bool = False
    # Followed by a building's noun ("Madina hospital"): a place only if it lies in a country
    # the report is about (resolve._accept).
    building: bool = False


# Words after a name that make it part of a longer *place* name rather than a person's.
_PLACE_SUFFIXES = frozenset(
    "governorate province city town village district region countryside area port airport "
    "valley river mountains mountain plain plains desert coast camp prison crossing border "
    "countryside university hospital square".split()
)
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday "
    # feasts: "a Christmas party" (GeoNames has a Christmas in Florida), "since Easter"
    "christmas easter ramadan eid ashura nowruz".split()
)
# Words that open the names of other things, never a place on their own: "the Barrio de la
# Cuarta neighbourhood" (Spanish for a neighbourhood), "the University of Maiduguri Teaching
# Hospital" (GeoNames has a University in Florida).
# Languages too: "a statement in Dari" (GeoNames has a Dari in India).
_NOT_PLACE_WORDS = frozenset("barrio university dari pashto urdu hausa swahili farsi tigrinya amharic congress".split())
_DIRECTIONS = frozenset(
    "northern southern eastern western central north south east west upper lower greater old rural".split()
)
# Particles inside Arabic personal names: "Mahmoud al-Haik", "Hafez bin Ali".
_NAME_PARTICLES = frozenset("al el bin ibn bint ben abu abd abdel abdul umm".split())
# Particles before a name part, Arabic and European: "Mahmoud al-Haik", "Vivian van de Perre".
_PARTICLE_BEFORE = re.compile(
    r"\b(?:(?:al|el|bin|ibn|bint|abu|abd|abdel|abdul|van|von|de|der|den|du|da|di|del|dos|das|la|le)[-\s]+)+$",
    re.I,
)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|esh|et|ez|en)[-\s'’]", re.I)
_ARTICLE_AT = re.compile(_ARTICLE_PREFIX.pattern[1:], re.I)  # the same, at a given offset
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:al|el|Al|El|AL|EL)[-\s]$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)[ \t]+$")
# Matched at the name's end (``pattern.match(text, end, ...)``), hence no ``^``.
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
# The particles above spelled backwards: a quick test of the word that ends a window.
_PARTICLE_END = re.compile(
    r"(?:la|le|nib|nbi|tnib|uba|dba|ledba|ludba|nav|nov|ed|red|ned|ud|ad|id|led|sod|sad|al|el)",
    re.I,
)
# How far around a match the neighbour checks look (characters): a word and a particle.
_WINDOW = 60
_SENTENCE_END = set('.!?\n"“”«»:;()[]•|')

_BEFORE_KIND = [
    (re.compile(r"\b(?:province|governorate|region|district)\s+of\s+(?:the\s+)?$", re.I), "adm1"),
    (re.compile(r"\b(?:provinces|governorates|regions)\s+of\s+(?:the\s+)?$", re.I), "adm1"),
    (re.compile(r"\b(?:city|town|cities|towns)\s+of\s+$", re.I), "city"),
    (re.compile(r"\bvillage\s+of\s+$", re.I), "village"),
    (re.compile(r"\bdowntown\s+$", re.I), "city"),
    # "central Damascus" is the city, not the governorate; "central Mexico" is still the country
    (re.compile(r"\bcentral\s+$", re.I), "central"),
]
# Words after a name that say its kind ("Latakia province", "Gaza City", "the Idlib
# countryside", which also widens the span), tried in this order; matched at the name's end.
_AFTER_KIND_ONE = re.compile(
    r"(?P<adm1>[\s-]+(?:province|governorate|region|oblast|state)\b"
    # "Guanajuato, an industrial state that ...": an aside saying what the name is (not "the
    # state capital", not "the region's largest city")
    # (lower case: "In Washington, a State Department spokesman" says nothing of the kind)
    r"|(?-i:,\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?:province|governorate|region|oblast|state)"
    r"(?![\w'’-]|\s+capital|\s+[A-Z])))"
    r"|(?P<city>\s+city\b)"
    r"|(?P<countryside>\s+countryside\b)"
    # "the Barrio Nuevo neighbourhood": part of a town; the resolver keeps it only near one.
    r"|(?P<neighbourhood>\s+(?:neighbourhood|neighborhood|quarter)\b)",
    re.I,
)
# " city" written small and ending its phrase: "the Louisiana city as", "the Texas city of Uvalde".
_REGION_ADJECTIVE_CITY = re.compile(
    r"\s+city(?:\s*[,.;:]|\s+(?:as|of|on|in|at|where|which|that|after|when|and|to|was|is|has|had|since|late|early)\b)"
)
# A capitalised name right before the kind word: "North Kivu province of ..." (cased text).
_NAMED_KIND_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
_BEFORE_KIND_LAST_WORDS = frozenset({"of", "the", "central", "downtown", "rural"})
# Every _BEFORE_KIND match holds one of these words (lower case).
_BEFORE_KIND_WORDS = (
    "province",
    "governorate",
    "region",
    "district",
    "city",
    "cities",
    "town",
    "village",
    "central",
    "downtown",
)
_RURAL_BEFORE = re.compile(r"\b(rural|countryside\s+of)\s+$", re.I)
_WORDS = re.compile(r"[^\W\d_]+")
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)


@lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """Lower case without diacritics: how the rule word lists are written."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t'‘’\"“":
        i -= 1
    if i < 0 or text[i] in _SENTENCE_END:
        return True
    if text[i] not in "-–—":
        return False
    line_start = text.rfind("\n", 0, i) + 1
    # A live page's entry opens with its time: "09:00 - Welcome back", "13:45 — Reports reaching".
    if _TIMESTAMP_LEAD.match(text, line_start, i + 1) is not None:
        return True
    # A wire story opens after its dateline: "WASHINGTON, 3 May 2025 - The United States said".
    dateline = _DATELINE.match(text, line_start, i + 2)
    return dateline is not None and i - dateline.end(1) <= 60 and dateline.group(1).isupper()


_TIMESTAMP_LEAD = re.compile(r"[ \t]*\d{1,2}[:.h]\d{2}(?:[ \t]*(?:GMT|UTC|BST|CET|EET|local(?:[ \t]+time)?))?[ \t]*[-–—]$")


_NEXT_SENTENCE = re.compile(r"[a-z]{2}[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")


def _is_headline(line: str) -> bool:
    """A line written in title case ("Families Seek Refuge at Russian Airbase"): one sentence
    without a full stop, so a short paragraph that is merely full of names ("... Senator Lindsey Graham and Tom
    Barrack welcomed the move. President Donald Trump ...") is not one."""
    stripped = line.rstrip()
    if stripped.endswith(".") or _NEXT_SENTENCE.search(line):
        return False  # headlines carry no full stop
    words = [w for w in _WORDS.findall(line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


class _Headlines:
    """Memoised "is the line holding this offset a headline?" for one text."""

    def __init__(self, text: str):
        self.text = text
        # Line starts, found once: a search back from every match would be quadratic.
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.memo: dict[int, bool] = {}

    def __contains__(self, offset: int) -> bool:
        line = bisect.bisect_right(self.starts, offset) - 1
        if line not in self.memo:
            start = self.starts[line]
            end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
            # Headlines are short: a "line" of a whole article is body text.
            self.memo[line] = end - start <= 300 and _is_headline(self.text[start:end])
        return self.memo[line]


def _core(surface: str) -> str:
    """The name without a leading Arabic article: "al-Haffah" -> "Haffah"."""
    return _ARTICLE_PREFIX.sub("", surface, count=1)


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


@lru_cache(maxsize=65536)
def _person_keys(surface: str) -> tuple[str, str]:
    """(folded name without its article, folded name): the keys the name lists use."""
    return plain(_core(surface)), plain(surface)


@lru_cache(maxsize=65536)
def _opens_with_article(surface: str) -> bool:
    return _ARTICLE_PREFIX.match(surface) is not None


def _is_letter(char: str) -> bool:
    r"""``[^\W\d_]`` of ``re`` for one character: a word character that is not a digit."""
    return char.isalnum() and not char.isdecimal()


_WORD_CHARS_RUN = re.compile(r"[\w'’.-]*")


def _word_before(text: str, floor: int, stop: int) -> tuple[int, str] | None:
    """``_WORD_BEFORE.search(text[floor:stop])`` as (absolute start, word), scanning back
    from ``stop`` instead of trying every position of the window (same answer, ~10x less)."""
    end = stop
    if end > floor and text[end - 1] == "\n":
        end -= 1  # ``$`` also matches before a final newline
    q = end
    while q > floor and text[q - 1] in " \t":
        q -= 1
    if q == end:
        return None  # no blank between the word and the name
    # Back over the word's characters (``[\w'’.-]``, as ``\w`` is ``isalnum()`` or "_"): one
    # match on the reversed window rather than a Python step per character.
    run = _WORD_CHARS_RUN.match(text[floor:q][::-1])  # always matches (maybe empty)
    r = q - (run.end() if run else 0)
    for p in range(r, q):
        if _is_letter(text[p]):
            return p, text[p:q]
    return None


def _particle_before(head: str) -> re.Match[str] | None:
    """``_PARTICLE_BEFORE.search(head)``, skipped when the last word before the trailing
    separators cannot be a particle (nearly always: an unanchored search from every position
    of the window is what made person checks slow)."""
    stripped = head.rstrip()
    while stripped.endswith("-"):
        stripped = stripped[:-1].rstrip()
    if len(stripped) == len(head) or not _PARTICLE_END.match(stripped[-8:][::-1]):
        return None
    return _PARTICLE_BEFORE.search(head)


def _title_opens_the_run(before: str, rules: MentionRules) -> bool:
    """Whether the run of capitalised words right before a match (at most four) opens with
    a person's title: the match is then the last word of that person's name."""
    words = before.split()
    for word in reversed(words[-5:]):
        ends_a_phrase = word.endswith((",", ".", ";", ":")) and word.rstrip(".") not in ("Gen", "Col", "Dr", "Lt", "Maj")
        if not _capitalised(word) or ends_a_phrase:
            return False
        if plain(word.rstrip(".")) in rules.titles:
            return True
    return False


# After the match: an age ("said Guadalupe, 19, who ...": a person) or "Day" ("Independence
# Day": a holiday).
# ("Tyler Robinson, 22, ...": a given name, then the family name and the age)
_AGE_OR_DAY_AFTER_RE = re.compile(r"(?:[ \t]+[A-Z][a-z'’-]+){0,2},[ \t]*(?:aged[ \t]+)?\d{1,2}[ \t]*,|[ \t]+Day\b")


def _looks_like_person(
    text: str,
    start: int,
    end: int,
    surface: str,
    rules: MentionRules,
    near: tuple[tuple[int, str] | None, re.Match[str] | None],
) -> str | None:
    """Why the match is (part of) a person's name, or None. "surname": it follows a given
    name ("Daniel Chapo", "Mahmoud al-Haik"), so the same word met alone later in the report
    is that person too (see ``_drop_surnames``); "name": any other reason.
    ``near``: the words right before and after the match (see ``_near_words``)."""
    core, whole = _person_keys(surface)
    if core in rules.family_names or whole in rules.family_names:
        return "name"
    if core in rules.given_names and " " not in core:
        return "name"
    # Walk back over name particles ("al-", "bin"): "Mahmoud al-Haik", "Hafez bin Ali".
    floor = max(0, start - _WINDOW)
    particle = _particle_before(text[floor:start])
    # A name that starts with its article ("al-Sham" in "Hayat Tahrir al-Sham") counts too.
    has_particle = bool(particle) or _opens_with_article(surface)
    before = _word_before(text, floor, floor + particle.start()) if particle else near[0]
    if before:
        word = before[1]
        key = plain(word.rstrip("."))
        if key in rules.given_names:
            return "surname"
        # Not a surname after a title: "Defence Minister Israel Katz" is a given name.
        if key in rules.titles:
            return "name"
        if _capitalised(word) and _title_opens_the_run(text[floor:start], rules):
            return "name"  # "Governor Diego Sinhue Rodríguez Vallejo": the title opens the name
        # "X al-Y" with X a capitalised word that is not a direction: a personal name.
        if has_particle and _capitalised(word) and key not in _DIRECTIONS:
            return "name"
    # A first name the gazetteer also knows, followed by a family name: "Dalaal Mahna".
    after = near[1]
    if after and plain(after.group(1)) in rules.family_names:
        return "name"
    return None


# First letters of what the two patterns below look for (a cheap test before each match).
_PARTICLE_STARTS = frozenset({"al-", "el-", "bin", "ibn", "abu", "oul", "da ", "dos", "das", "van", "von", "del"})
_BUILDING_INITIALS = frozenset("hcmsupt")
_BUILDING_AFTER_RE = re.compile(
    # ("Madina and Erdogan hospitals": two buildings' names)
    r"[ \t]+(?:and[ \t]+(?-i:[A-Z])[\w'’-]*[ \t]+)?(?:hospitals?|clinic|mosque|church|school|university|stadium|prison|market|hotel)\b",
    re.IGNORECASE,
)
_PERSON_PARTICLE_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:al|el)-[A-Z]|(?:bin|ibn|abu|ould|da|dos|das|van|von|della)[ \t]+[A-Z])"
)
_INSIDE_WORD_AFTER_RE = re.compile(r"['’](?!s\b)[^\W\d_]")
# The head of an organisation's name a few capitalised words later.
_ORGANISATION_AFTER_RE = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:Organi[sz]ation|Army|Front|Party|Movement|Council|Union|Alliance"
    r"|Brigades?|Corps|Committee|Network|Institute)\b"
)
_PROSECUTOR_AFTER_RE = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+Prosecutor(?:['’]s[ \t]+Office|[ \t]+General)\b")
# A PDF page's footer after "Page": "Page 3 of 14" (Page is also a town in Arizona).
_PAGE_NUMBER_AFTER_RE = re.compile(r" \d{1,4}(?: of \d{1,4}|\s*$|\s*\n)")
# A street named after a place (tests/data/README.md: roads are no places).
_STREET_AFTER_RE = re.compile(r"[ \t]+(?:Street|St\.|Road|Avenue|Ave\.|Boulevard|Blvd\.?|Highway)(?![\w'’-])")
# Waters named after a place, and ships named after one (tests/data/README.md: no seas; the
# names the overlay gives whole, "Gaza Strip", "Bekaa Valley", match first as longer names).
_FEATURE_AFTER_RE = re.compile(r"[ \t]+(?:Sea|Canal|Gulf|Strait|Straits|Ocean|Bay|Lagoon)(?![\w'’-])")
_FEATURE_BEFORE_RE = re.compile(
    r"(?:\b(?:Gulf|Sea|Bay|Strait|Straits)\s+of|\b(?:INS|USS|HMS|USNS|HMCS|RFS|MV|MT|M/V|FS|TCG|ROKS|HNLMS))\s+$"
)
# A text named after the place it was signed or agreed in.
_DOCUMENT_AFTER_RE = re.compile(
    r"[ \t]+(?:Statute|Accords?|Conventions?|Protocols?|Declaration|Treaty|Charter|[Aa]greements?|[Aa]ccords?)\b"
)
# A transcript's turns: "ADLER: ...", "TANVIR RAHMAN (DHAKA): ...", and the name a turn opens
# by addressing ("OSEI: Anna, the three judges ...").
_SPEAKER_TURN_RE = re.compile(rf"(?m)^[ \t]*(?P<label>{SPEAKER_LABEL}){SPEAKER_LABEL_END}[ \t]*(?:(?P<addressed>[A-Z][a-z]+),)?")
_TRANSCRIPT_ROLES = frozenset("PRESENTER HOST ANCHOR REPORTER CORRESPONDENT INTERVIEWER Q A".split())


def _speaker_label_offsets(text: str) -> frozenset[int]:
    """Where a transcript's speaker labels and addressed names start (none unless the text has
    turns: a role label such as PRESENTER or Q and two labelled turns at least)."""
    if ":" not in text:
        return frozenset()
    turns = list(_SPEAKER_TURN_RE.finditer(text))
    if len(turns) < 3 or not any(t.group("label").split()[0] in _TRANSCRIPT_ROLES for t in turns):
        return frozenset()
    found: set[int] = set()
    for turn in turns:
        if turn.group("label").split()[0] not in _TRANSCRIPT_ROLES:
            found.add(turn.start("label"))
        elif (bracket := _ROLE_BRACKET_RE.match(text, turn.end("label"))) is not None and _PERSON_IN_CAPS.fullmatch(
            bracket.group(1)
        ):
            # "HOST (ANNA REYES):": a role's bracket names the person holding it, in capitals
            # (Reyes is a town in Mexico); "CORRESPONDENT (Tel Aviv):" says where they are, and
            # "TANVIR RAHMAN (DHAKA):" is a name's bracket.
            found.update(w.start() for w in _WORD_START_RE.finditer(text, bracket.start(1), bracket.end(1)))
        if turn.group("addressed"):
            found.add(turn.start("addressed"))
    return frozenset(found)


_PERSON_IN_CAPS = re.compile(r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){1,3}")
_ROLE_BRACKET_RE = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
_WORD_START_RE = re.compile(r"\b\w")


_CARTEL_AFTER_RE = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]+[Cc]artel\b")
_SAINT_NAME = re.compile(r"(?:St\.?|Saint|Mar|San|Santa|São|Sao)\s+\S+$")
_SAINT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:the\s+(?:Baptist|Evangelist|Apostle|Divine|Great|Martyr|Theologian)\b"
    r"|(?:Day|church|cathedral|monastery|basilica|chapel|convent|shrine)\b)",
    re.I,
)
_SAINT_BEFORE = re.compile(
    r"\b(?:feast|day|church|cathedral|monastery|basilica|chapel|convent|shrine)\s+of\s+(?:the\s+)?$", re.I
)


def _is_saint(text: str, start: int, end: int, surface: str) -> bool:
    """A saint, not a town named after one: "the feast of St John the Baptist", "St George's
    church", "the Mar Elias church" (a church is a building, not a place of the map)."""
    if not _SAINT_NAME.match(surface):
        return False
    return (
        _SAINT_AFTER.match(text, end, end + 24) is not None
        or _SAINT_BEFORE.search(text, max(0, start - 24), start) is not None
    )


# Words before a name that make it a place even where the report uses it as a surname
# elsewhere: "Chapo said" is the president, "in Chapo" would be a town.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|around|inside|into)\s+$", re.IGNORECASE)


def _drop_surnames(text: str, spans: list[PlaceSpan], surnames: set[str]) -> list[PlaceSpan]:
    """Spans whose name is a surname met in the report ("Daniel Chapo ... gave Chapo 65
    percent") are dropped: news writes a person's full name once, then the surname alone.
    Kept where the words around make it a place ("in Chapo", "Chapo province")."""
    return [
        s
        for s in spans
        if plain(s.name) not in surnames
        or s.kind_hint is not None
        or _LOCATIVE_BEFORE.search(text, max(0, s.start - 10), s.start) is not None
    ]


def _near_words(text: str, start: int, end: int) -> tuple[tuple[int, str] | None, re.Match[str] | None]:
    """The word right before a match (its offset and text) and the match of the word after:
    the person and glued checks both look at them, so they are found once."""
    return _word_before(text, max(0, start - _WINDOW), start), _WORD_AFTER.match(text, end, end + _WINDOW)


def _glued_to_capital(
    text: str,
    in_headline: bool,
    rules: MentionRules,
    near: tuple[tuple[int, str] | None, re.Match[str] | None],
) -> bool:
    """A capitalised word right before or after (no punctuation): part of a longer name.

    "Amjad Sultan", "Victoria Nuland", "Jordan Bardella". Not glued: directions ("Eastern
    Ghouta"), place words after ("Gaza City"), acronyms before ("UN Syria envoy"), and a
    sentence's first word when it is an ordinary word ("In Latakia").
    """
    if in_headline:
        return False
    before, after = near
    if before:
        at, word = before
        key = plain(word)
        if (
            _capitalised(word)
            and not word.endswith(".")  # "... to Baalbek. Israel's military": a new sentence
            and not word.isupper()
            and key not in _DIRECTIONS
            and not (_is_sentence_start(text, at) and key in rules.common_words)
        ):
            return True
    if after:
        word = after.group(1)
        if _capitalised(word) and plain(word) not in _PLACE_SUFFIXES:
            return True
    return False


def _inside_a_name(text: str, start: int, near: tuple[tuple[int, str] | None, re.Match[str] | None]) -> bool:
    """A capitalised word right before and right after, neither a sentence start, a direction nor a
    place word ("Abdifatah Aden Hassan"): the match is inside a person's name."""
    before, after = near
    if before is None or after is None:
        return False
    at, word = before
    following = after.group(1)
    return (
        _capitalised(word)
        and not word.isupper()
        and not word.endswith(".")
        and not _is_sentence_start(text, at)
        and plain(word) not in _DIRECTIONS
        and _capitalised(following)
        and not following.isupper()
        and plain(following) not in _PLACE_SUFFIXES
    )


def _organisation_offsets(text: str, rules: MentionRules) -> set[int]:
    """Characters covered by multi-word organisation names ("Save the Children")."""
    covered: set[int] = set()
    automaton = _organisation_automaton(rules.organisations)
    if automaton is None:
        return covered
    # Every occurrence of every name (overlaps too), in one pass rather than a find loop per name.
    for last, length in automaton.iter(text):
        covered.update(range(last - length + 1, last + 1))
    return covered


@lru_cache(maxsize=8)
def _organisation_automaton(names: tuple[str, ...]) -> Any:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for name in names:
        if name:  # an empty name covers nothing
            automaton.add_word(name)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def _kind_hint(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """Kind implied by the words around a name, and the span widened to include them."""
    before = text[max(0, start - 40) : start]
    last_word = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
    if last_word in _BEFORE_KIND_LAST_WORDS:  # every pattern ends with one of these
        # ...and holds one of _BEFORE_KIND_WORDS: without one, no end-anchored search (each
        # tries every offset of the window). Only for ASCII, where case-blind means lower().
        lowered = before.lower()
        if not before.isascii() or any(word in lowered for word in _BEFORE_KIND_WORDS):
            for pattern, kind in _BEFORE_KIND:
                found = pattern.search(before)
                if found:
                    if kind == "adm1" and _NAMED_KIND_BEFORE.search(before, 0, found.start()):
                        # "in North Kivu province of the Democratic Republic of Congo": the
                        # province is the name before it; what follows "of" is its country
                        break
                    return kind, start, end
        if last_word in ("rural", "of"):
            near = text[max(0, start - 30) : start]
            rural = (
                _RURAL_BEFORE.search(near)
                if not near.isascii() or "rural" in lowered or "countryside" in lowered
                else None
            )
            if rural:
                return "countryside", start - (len(rural.group(0))), end
    m = _AFTER_KIND_ONE.match(text, end, end + 30)
    if m:
        kind = m.lastgroup or ""
        if kind == "city" and last_word == "the" and _REGION_ADJECTIVE_CITY.match(text, m.start()):
            # "the attack in the Louisiana city as ...", "the Texas city of Uvalde": the name
            # says where the city lies, not that it is one ("Gaza City", "the Kharkiv city council").
            return None, start, end
        return kind, start, m.end() if kind == "countryside" else end
    return None, start, end


# First letters for which _written_as_name is always False: lower case, and not the "a"/"e"
# that open an Arabic article ("al-Haffah").
_PLAIN_WORD_START = frozenset("bcdfghijklmnopqrstuvwxyz")


def _written_as_name(text: str, start: int, end: int) -> bool:
    """Whether the match is written like a proper name (capital letter, not an acronym)."""
    first = text[start : start + 1]
    if (
        first.islower()
        and first.isalpha()
        and first.lower() != first.upper()
        and not _ARTICLE_AT.match(text, start, end)
    ):
        # Most matches are ordinary words ("along", "most"): the answer below, found early.
        return False
    surface = text[start:end]
    if first.isupper():  # the common case: "Latakia"
        return not (len(surface) <= 4 and surface.isupper()) and not (
            start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha()
        )
    letter = next((c for c in _core(surface) if c.isalpha()), "")
    if letter.lower() != letter.upper() and not letter.isupper():
        return False  # Latin/Cyrillic/Greek names are capitalised; "along", "most" are words
    if surface.isupper() and len(surface) <= 4:
        return False  # "UN", "ISIS": acronyms, not places
    if start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha():
        return False  # inside a word with an apostrophe ("O'Brien")
    return True


# A wire dateline: a place opening the text or a paragraph, then an optional ", Country, date"
# and/or "(Agency)", then a dash or a colon: "KYIV, March 16 - ", "BEIRUT, Lebanon — ",
# "KHARTOUM (AP) — ", "DAMASCUS: ". The place is capitalised word by word (all capitals in
# wire copy), so it is at most a few words long.
_DATELINE = re.compile(
    r"[ \t]*([^\W\d_][\w'’.]*(?:[ -][^\W\d_][\w'’.]*){0,3})"
    r"(?=(?:,[ \t]*[^\W_][^\n,.;:()]{0,30}){0,2}[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[-\u2013\u2014:])\s)"
)
# A statement's place-and-date line, alone on its line: "Geneva and Ramallah, 31 March 2025".
_PLACE_DATE_LINE = re.compile(
    r"[ \t]*([^\W\d_][\w'’.]*(?:[ -][^\W\d_][\w'’.]*){0,3}?)"
    r"(?:[ \t]+and[ \t]+([^\W\d_][\w'’.]*(?:[ -][^\W\d_][\w'’.]*){0,3}))?"
    r"(?:,[ \t]*(?:\d{1,2}[ \t]+[^\W\d_]+|[^\W\d_]+[ \t]+\d{1,2},?)[ \t]+\d{4}"
    # (a release's "GENEVA (12 February 2025)" on its own line)
    r"|[ \t]*\([ \t]*(?:\d{1,2}[ \t]+[^\W\d_]+|[^\W\d_]+[ \t]+\d{1,2},?)[ \t]+\d{4}[ \t]*\))[ \t]*(?=\n|$)"
)


_DASH_OR_COLON = re.compile("[-\u2013\u2014:]")
# Places a release files from, joined by slashes: "Geneva / Sanaa, 29 April 2025 - News
# release", "Geneva / Jerusalem (ICRC) – ...", "Port Sudan / Geneva, 15 April 2025".
_PLACE_RUN = r"[^\W\d_][\w'’.]*(?:[ -][^\W\d_][\w'’.]*){0,3}?"
_SLASHED_DATELINE = re.compile(
    rf"[ \t]*{_PLACE_RUN}(?:[ \t]*/[ \t]*{_PLACE_RUN})+"
    r"(?=(?:,[ \t]*[^\W_][^\n,.;:()|]{0,30}){0,2}[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[-\u2013\u2014:]\s|$))"
)
_SLASHED_PLACE = re.compile(r"[^/]+")
# A header's label for where: "Location: Geneva".
_LOCATION_LABEL = re.compile(r"[ \t]*(?:Location|Place|Dateline)[ \t]*:[ \t]*([^\W\d_][\w'’.]*(?:[ -][^\W\d_][\w'’.]*){0,3})[ \t]*$")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a place in a wire dateline (start and end of the place's name).

    A dateline says where the report was filed; the place is a mention like any other, and
    the capitals that wire copy writes it in ("KYIV") are not an acronym.
    """
    out: list[tuple[int, int]] = []
    at, n = 0, len(text)
    while at < n:
        stop = text.find("\n", at)
        line_end = n if stop < 0 else stop
        if text.find("|", at, line_end) >= 0:
            # "Press briefing notes | GENEVA, 8 October 2024": each part of a header line
            part = at
            while part <= line_end:
                bar = text.find("|", part, line_end)
                part_end = line_end if bar < 0 else bar
                _dateline_in_line(text, part, len(text[part:part_end].rstrip()) + part, out)
                part = part_end + 1
        else:
            _dateline_in_line(text, at, line_end, out)
        if stop < 0:
            break
        at = stop + 1
    return out


def _dateline_in_line(text: str, at: int, line_end: int, out: list[tuple[int, int]]) -> None:
    """The dateline places of the line (or header part) ``text[at:line_end]``, added to ``out``.

    Only line starts are tried (a multi-line "^" pattern would be tried at every offset), and
    only lines that open with a capital and hold a slash, a dash or a colon early on."""
    lead = at
    while lead < line_end and text[lead] in " \t":
        lead += 1
    if lead < line_end and text[lead].isupper() and "/" in text[lead : min(line_end, lead + 60)]:
        slashed = _SLASHED_DATELINE.match(text, at, line_end)
        if slashed is not None:
            for place in _SLASHED_PLACE.finditer(text, slashed.start(), slashed.end()):
                a, b = place.span()
                while a < b and text[a] in " \t":
                    a += 1
                while b > a and text[b - 1] in " \t":
                    b -= 1
                if all(word[:1].isupper() for word in re.split(r"[ -]", text[a:b])):
                    out.append((a, b))
            return
    if lead < line_end and text[lead] in "LPD" and (label := _LOCATION_LABEL.match(text, at, line_end)) is not None:
        out.append(label.span(1))
        return
    if (
        lead < line_end
        and text[lead].isupper()
        and _DASH_OR_COLON.search(text, lead, min(line_end, lead + 130))
    ):
        m = _DATELINE.match(text, at, line_end + 1)
        if m is not None and all(word[:1].isupper() for word in re.split(r"[ -]", m.group(1))):
            out.append(m.span(1))
    elif lead < line_end and text[lead].isupper() and line_end - lead < 70 and (text[line_end - 1].isdigit() or text[line_end - 1] == ")"):
        m = _PLACE_DATE_LINE.match(text, at, line_end)
        if m is not None:
            out.extend(
                m.span(g)
                for g in (1, 2)
                if m.group(g) and all(word[:1].isupper() for word in re.split(r"[ -]", m.group(g)))
            )


def _in_dateline(datelines: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in datelines)


def _longest_first(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, longer ones winning, in text order."""
    taken: list[tuple[int, int]] = []
    occupied = _Occupied()
    # Longest first, then leftmost (spans are distinct, so this order is total).
    for _, start, end in sorted([(s - e, s, e) for s, e in set(spans)]):
        if occupied.take(start, end):
            taken.append((start, end))
    return sorted(taken)


class _Occupied:
    """Character offsets already claimed by a chosen span (one byte per offset: checking a
    range is one C-level ``find`` rather than a set of every offset)."""

    def __init__(self) -> None:
        self.flags = bytearray()

    def take(self, start: int, end: int) -> bool:
        """Claim ``start:end`` if none of it is claimed yet; whether it was free."""
        if end > len(self.flags):
            self.flags.extend(bytes(end - len(self.flags)))
        if self.flags.find(1, start, end) >= 0:
            return False
        self.flags[start:end] = b"\x01" * (end - start)
        return True


def _name_spans(text: str, matcher: NameMatcher, rules: MentionRules) -> list[PlaceSpan]:
    # Longest match wins among names written as names; a rejected long match (a person)
    # still hides its parts ("Mahmoud al-Haik" does not leave "Haik").
    datelines = dateline_spans(text)
    reach = max((b for _, b in datelines), default=-1)  # most matches lie past every dateline
    chosen = _longest_first(
        [
            s
            for s in matcher.find(text)
            # Most hits are ordinary words ("said", "were"): rejected on their first letter,
            # before the call (a lower-case ASCII letter that cannot open an article).
            if (text[s[0]] not in _PLAIN_WORD_START and _written_as_name(text, *s))
            or (s[0] < reach and _in_dateline(datelines, *s))
        ]
    )
    headlines = _Headlines(text)
    organisations = _organisation_offsets(text, rules)
    labels = _speaker_label_offsets(text)
    spans: list[PlaceSpan] = []
    surnames: set[str] = set()
    for start, end in chosen:
        if start in organisations:
            continue  # "Save the Children", "Human Rights Watch"
        surface = text[start:end]
        in_headline = start in headlines
        sentence_start = _is_sentence_start(text, start)
        word = plain(surface)
        if (sentence_start or in_headline) and word in rules.common_words:
            continue
        if word in _CALENDAR_WORDS or word in _NOT_PLACE_WORDS:
            # "in March", "on Sunday", "a Christmas party": dates and feasts, even where a town
            # has the name; "Barrio", "University": the first word of something else's name
            continue
        near = _near_words(text, start, end)
        person = _looks_like_person(text, start, end, surface, rules, near)
        if person is not None:
            if person == "surname":
                surnames.add(word)
            continue
        if surface[:1] in "SM" and _is_saint(text, start, end, surface):
            continue  # "the feast of St John the Baptist", "St George's church"
        follows = text[end : end + 5]
        if follows[:1] in ", " and _AGE_OR_DAY_AFTER_RE.match(text, end) is not None:
            continue  # "said Guadalupe, 19, who asked ...", "the Independence Day celebration"
        if (follows[1:4].lower() in _PARTICLE_STARTS and _PERSON_PARTICLE_AFTER_RE.match(text, end)) or (
            follows[:1] in "'’" and _INSIDE_WORD_AFTER_RE.match(text, end)
        ):
            # "Khalil al-Daqran, a spokesman": a given name before its family name (the longer
            # name is no known place, or it would have matched whole). "Jama'at": a word
            # the match stops inside of, at an apostrophe.
            continue
        if (
            near[0] is not None
            and _capitalised(near[0][1])
            and near[0][1] not in ("The", "A", "An")
            and _ORGANISATION_AFTER_RE.match(text, end)
        ):
            continue  # "the Kachin Independence Organisation": inside an organisation's name
        if _CARTEL_AFTER_RE.match(text, end):
            continue  # "the Sinaloa cartel", "the Jalisco New Generation Cartel": a criminal group
        if follows[:1] == " " and _DOCUMENT_AFTER_RE.match(text, end):
            continue  # "the Rome Statute", "the Pretoria agreement", "the Geneva Conventions": a text
        if follows[:1] == " " and _PROSECUTOR_AFTER_RE.match(text, end):
            continue  # "the Düsseldorf Public Prosecutor's Office": an office named after its city
        if follows[:1] == " " and follows[1:2].isdigit() and text[start:end] == "Page" and _PAGE_NUMBER_AFTER_RE.match(text, end):
            continue  # "Page 3 of 14": a PDF page's footer (Page, Arizona)
        if follows[:1] == " " and _STREET_AFTER_RE.match(text, end):
            continue  # "Haifa Street" in Baghdad, "Palestine Street": a street named after a place
        if follows[:1] == " " and _FEATURE_AFTER_RE.match(text, end):
            continue  # "the Suez Canal", "the Red Sea": a named water (the rulebook lists no seas)
        if start > 3 and _FEATURE_BEFORE_RE.search(text, max(0, start - 12), start):
            continue  # "the Gulf of Aden", "the Sea of Azov", "INS Kolkata": a sea, a ship
        if labels and start in labels:
            continue  # "ADLER: Anna, the judges ...": a transcript's speaker, and whom they address
        if text.startswith("-based", end):
            continue  # "the Britain-based monitor": where an organisation sits, not a scene
        if near[0] is not None and near[0][1] in ("Operation", "Operations", "OPERATION"):
            continue  # "troops of Operation Delta Safe": a military operation's code name
        # A common word written with a capital mid-sentence ("Victory", "Union") is weak too.
        # "El Nao hospital": an article the match leaves out belongs to a longer, unknown name.
        lead = text[max(0, start - 4) : start]
        orphan_article = ("l" in lead or "L" in lead) and _ARTICLE_BEFORE.search(lead) is not None
        # "a source at Azadi hospital": a building's name; a big town keeps it, not a village.
        building = (follows[1:2].lower() in _BUILDING_INITIALS or follows[1:4] == "and") and _BUILDING_AFTER_RE.match(
            text, end
        ) is not None
        weak = sentence_start or in_headline or orphan_article or word in rules.common_words or building
        glued = orphan_article or _glued_to_capital(text, in_headline, rules, near)
        if glued and not in_headline and _inside_a_name(text, start, near):
            continue  # "Police spokesman Abdifatah Aden Hassan": a middle name, even of a big city
        if (sentence_start or in_headline) and _in_dateline(datelines, start, end):
            # The dateline's own form vouches for the name: it opens the line because it is
            # the place the report was filed from, not because a sentence starts there.
            weak = glued = word in rules.common_words

        kind, span_start, span_end = _kind_hint(text, start, end)
        spans.append(
            PlaceSpan(
                start=span_start,
                end=span_end,
                surface=text[span_start:span_end],
                name=surface,
                kind_hint=kind,
                weak=weak,
                glued=glued,
                building=building,
                opens_sentence=weak
                and sentence_start
                and not in_headline
                and not orphan_article
                and word not in rules.common_words,
            )
        )
    if surnames:
        spans = _drop_surnames(text, spans, surnames)
    return _spread_plural_kinds(text, spans)


_PLURAL_AREAS = re.compile(r"^\s+(?:governorates|provinces|regions|states|oblasts)\b", re.I)
# "the United States, Turkey and Arab states": a kind of country, not a list of provinces.
_NOT_AREA_NAMES = frozenset("arab gulf baltic balkan western european african asian nordic sahel member".split())
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s*,?\s+and\s+|\s*&\s*)$")


_PLURAL_BEFORE = re.compile(r"\b(?:cities|towns|provinces|governorates|regions)\s+of\s+(?:the\s+)?$", re.I)


def _spread_plural_kinds(text: str, spans: list[PlaceSpan]) -> list[PlaceSpan]:
    """A kind named once for a list applies to every name in it: "Tartus, Latakia and Hama
    governorates", "the cities of Lattakia, Tartus and Homs"."""
    out = list(spans)

    def in_list(a: int, b: int) -> bool:
        return _LIST_GAP.match(text[out[a].end : out[b].start]) is not None

    for i in range(len(out) - 1, -1, -1):
        if _PLURAL_AREAS.match(text[out[i].end : out[i].end + 20]) and (
            text[out[i].start : out[i].end].lower() not in _NOT_AREA_NAMES
        ):
            j = i
            while True:
                out[j] = replace(out[j], kind_hint="adm1")
                if j == 0 or not in_list(j - 1, j):
                    break
                j -= 1
    for i in range(len(out)):
        if out[i].kind_hint and _PLURAL_BEFORE.search(text[max(0, out[i].start - 40) : out[i].start]):
            j = i
            while j + 1 < len(out) and in_list(j, j + 1):
                out[j + 1] = replace(out[j + 1], kind_hint=out[i].kind_hint)
                j += 1
    return out


_CUE_REACH = 200


class _KeywordWindows:
    """Sentences around keyword occurrences in one text, found once for all cues."""

    def __init__(self, text: str):
        self.text = text
        self.lowered = text.lower()
        self.cache: dict[str, list[tuple[int, int]]] = {}

    def around(self, keyword: str) -> list[tuple[int, int]]:
        if keyword not in self.cache:
            text, windows = self.text, []
            at = self.lowered.find(keyword)
            while at >= 0:
                # The sentence around the keyword, looking at most _CUE_REACH characters away.
                floor, ceiling = max(0, at - _CUE_REACH), min(len(text), at + _CUE_REACH)
                lo = max(text.rfind(".", floor, at), text.rfind("\n", floor, at), floor - 1) + 1
                stops = [x for x in (text.find(".", at, ceiling), text.find("\n", at, ceiling)) if x >= 0]
                windows.append((lo, min(stops, default=ceiling)))
                at = self.lowered.find(keyword, at + len(keyword))
            self.cache[keyword] = windows
        return self.cache[keyword]


def _cue_matches(windows: _KeywordWindows, cue: IndirectCue) -> list[re.Match[str]]:
    """Matches of a cue pattern, tried only in the sentences that hold one of its keywords
    (running a dozen unanchored patterns over every report costs more than the rest)."""
    text = windows.text
    if not cue.keywords:
        return list(cue.pattern.finditer(text))
    spans = sorted({w for keyword in cue.keywords for w in windows.around(keyword)})
    found: dict[tuple[int, int], re.Match[str]] = {}
    for lo, hi in spans:
        for m in cue.pattern.finditer(text, lo, hi):
            found.setdefault(m.span(), m)
    return [found[k] for k in sorted(found)]


def _cue_spans(text: str, rules: MentionRules) -> list[PlaceSpan]:
    spans = []
    windows = _KeywordWindows(text)
    for cue in rules.cues:
        for m in _cue_matches(windows, cue):
            start, end = m.start(), m.end()
            lead = _LEADING_DETERMINER.match(text[start:end])
            if lead:
                start += lead.end()
            spans.append(
                PlaceSpan(
                    start=start,
                    end=end,
                    surface=text[start:end],
                    name=None,
                    cue_place_id=cue.place_id,
                    requires=cue.requires,
                )
            )
    return spans


def find_place_spans(text: str, matcher: NameMatcher, rules: MentionRules) -> list[PlaceSpan]:
    """Every stretch of ``text`` that names a place, in text order, without overlaps.

    ``text[s.start:s.end] == s.surface`` for every span. Indirect cue phrases win over the
    names inside them ("the naval base in Tartus" is the base, not the town); otherwise the
    longer stretch wins.
    """
    names = _name_spans(text, matcher, rules)
    cues = _cue_spans(text, rules)
    chosen: list[PlaceSpan] = []
    occupied = _Occupied()
    # Cues first (in the order the rules list them: specific before generic), then names.
    for span in cues + sorted(names, key=lambda s: -(s.end - s.start)):
        if occupied.take(span.start, span.end):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)
