"""Resolve every place a report names, using the whole report as context.

1. ``dashboard.extract.places`` finds the spans (names, indirect cue phrases).
2. Context, first pass: countries the report names outright or through unambiguous big
   places, plus demonyms ("Syrian" -> SY).
3. Each name is ranked with that context (a "Tripoli" in a Syria report is Lebanon's);
   the admin-1 areas of the accepted places sharpen a second ranking (a Latakia report's
   small villages win over namesakes elsewhere).
4. Cue phrases apply when the report has established what they need ("a Russian military
   airbase" needs Syria; "nearby mountains" needs Latakia/Tartus or the coast).

Weak matches (sentence start, headline, glued to another capitalised word) and small
places in countries the report never mentions are dropped: a false place on a map is
worse than a missing one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from dashboard.extract.places import PlaceSpan, find_place_spans, plain
from dashboard.geo import haversine_km
from dashboard.geocode.gazetteer import Gazetteer, ResolutionContext
from dashboard.geocode.normalise import normalise_name
from dashboard.model import POINT_PRECISIONS, Mention, Place

# Score a match needs, by how much the report supports it (see Gazetteer._score):
# a mid-sentence capitalised name in a country the report is about is accepted readily;
# elsewhere it must be a sizeable place; a weak match (sentence start, headline) must be
# in the report's countries or be a major city.
ACCEPT_IN_CONTEXT = 0.4
ACCEPT_ANYWHERE = 0.5
ACCEPT_WEAK_IN_CONTEXT = 0.5
ACCEPT_WEAK_ANYWHERE = 0.62
# A name glued to another capitalised word is kept only for places of about 100,000 people
# or more (prominence is log10(population) / 6.3).
GLUED_PROMINENCE = 0.79
# A weak match (sentence start, headline, common word) on a place of fewer than ~6,000
# people needs the report to name its admin-1 area too.
WEAK_PROMINENCE = 0.6
# A place that is the only one in the whole gazetteer by its name ("Qardaha") needs no
# country cue: with nothing else it could mean, a fair name match is enough, even for a
# village without a recorded population (whose prior, and so score, is near zero).
ACCEPT_ONLY_CANDIDATE = 0.2
# ...but only where the sentence uses it as a place: right after a locative preposition
# ("in Qardaha"), so that an adjective with a stray alias ("Western" instructors) is not.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|around|from|into|to|towards?)\s+$", re.IGNORECASE)
# A country counts as "the report's country" for cue phrases from this weight up.
CUE_COUNTRY_WEIGHT = 0.3

_AREA_KINDS = frozenset({"country", "adm1", "adm2", "region", "landmark", "feature"})


@dataclass
class _Resolved:
    span: PlaceSpan
    place: Place | None
    confidence: float


def _weights(counts: Counter[str]) -> dict[str, float]:
    if not counts:
        return {}
    top = max(counts.values())
    return {k: v / top for k, v in counts.items()}


def _in_context(place: Place, countries: dict[str, float], gazetteer: Gazetteer) -> bool:
    if not place.country:
        return False
    if countries.get(place.country, 0.0) > 0:
        return True
    return any(countries.get(n, 0.0) > 0 for n in gazetteer.neighbours(place.country))


def _admin1_of(place: Place, gazetteer: Gazetteer) -> list[str]:
    if place.kind == "adm1":
        return [place.id[5:]]
    if place.admin1:
        return [place.admin1]
    if place.id.startswith("overlay:"):
        row = gazetteer.overlay.places.get(place.id)
        if row is not None:
            return [m[5:] for m in row.members if m.startswith("adm1:")]
    return []


def _accept(
    span: PlaceSpan,
    place: Place,
    score: float,
    countries: dict[str, float],
    admin1: dict[str, float],
    gazetteer: Gazetteer,
) -> bool:
    assert span.name is not None
    if span.glued and (
        place.kind == "country"
        or (
            place.kind not in _AREA_KINDS
            and (
                gazetteer.prominence(place) < GLUED_PROMINENCE
                # "Rafa Salama": a given name that is only another spelling of a big city
                or normalise_name(place.name) != normalise_name(span.name)
            )
        )
    ):
        return False  # "Amjad Sultan", "Jordan Bardella": a person, unless a big city by its name
    if place.kind == "country":
        return True
    common = plain(span.name) in gazetteer.rules.common_words
    if common and normalise_name(place.name) != normalise_name(span.name):
        return False  # "Jan" is January, not Jackson (which GeoNames also calls "Jan")
    if span.weak:
        # Only the report's own countries count here, not their neighbours; a small place
        # must also lie in an admin-1 area the report names ("Council" in a US story: no).
        own = bool(place.country) and countries.get(place.country or "", 0.0) > 0
        # A common word ("several Arab governments") needs a big town to be one: Arab,
        # Alabama (8,000 people) does not make the word a place; a sentence start needs less.
        if span.building and not own:
            return False  # "Madina hospital" in Mogadishu: a building's name, not Al Madinah in Iraq
        floor = GLUED_PROMINENCE if common else WEAK_PROMINENCE
        if gazetteer.prominence(place) < floor and not (place.admin1 and admin1.get(place.admin1, 0.0) > 0):
            return False
        return score >= (ACCEPT_WEAK_IN_CONTEXT if own else ACCEPT_WEAK_ANYWHERE)
    in_context = _in_context(place, countries, gazetteer)
    if _far_from_the_report(place, countries, gazetteer):
        # A village far from the countries the report is about ("North Central", "Haven",
        # "Homeland" in a Nigerian army communique: villages in Canada and the US, which
        # only these false hits brought into the report's countries) is a word or a name.
        return False
    return score >= (ACCEPT_IN_CONTEXT if in_context else ACCEPT_ANYWHERE)


# A place less known than this, in no country the report is about (nor a neighbour), is taken
# for a word or a namesake (see _accept).
FAR_PROMINENCE = 0.65


def _far_from_the_report(place: Place, countries: dict[str, float], gazetteer: Gazetteer) -> bool:
    """A small place in a country that only this name's own vote brought into the report."""
    if not countries or max(countries.values()) < CUE_COUNTRY_WEIGHT or place.kind in _AREA_KINDS:
        return False  # (a province or a region is named on purpose: "a camp in Kachin")
    if gazetteer.prominence(place) >= FAR_PROMINENCE:
        return False
    strong = {c: w for c, w in countries.items() if w >= CUE_COUNTRY_WEIGHT}
    return not _in_context(place, strong, gazetteer)


def _locative_spans(text: str, named: list[PlaceSpan]) -> set[int]:
    """Starts of the names a sentence uses as places: right after a locative preposition ("in
    Qardaha"), or listed after such a name ("in Markaba, Aitaroun and Mays al-Jabal")."""
    out: set[int] = set()
    previous: PlaceSpan | None = None
    for span in named:
        if _LOCATIVE_BEFORE.search(text, max(0, span.start - 12), span.start) is not None or (
            previous is not None
            and previous.start in out
            and _LIST_GAP.match(text[previous.end : span.start]) is not None
        ):
            out.add(span.start)
        previous = span
    return out


class _LazyLocative:
    """``_locative_spans`` worked out on first use: most reports never need it."""

    def __init__(self, text: str, named: list[PlaceSpan]):
        self.text, self.named = text, named
        self.starts: set[int] | None = None

    def __contains__(self, start: int) -> bool:
        if self.starts is None:
            self.starts = _locative_spans(self.text, self.named)
        return start in self.starts


def _one_of_a_kind(
    span: PlaceSpan,
    cands: list[tuple[Place, float]],
    countries: dict[str, float],
    locative: _LazyLocative | set[int],
    gazetteer: Gazetteer,
) -> bool:
    """A name that only one place carries, where the report is, needs no other support.

    * used as a place ("in Qardaha", or listed after such a name) and the only place by that
      name in the whole gazetteer, or the only one in a country the report is about;
    * opening a sentence ("Markaba was hit again ...") and the only place by that name in a
      country the report is about, with nothing bigger by that name elsewhere.

    Headlines, names glued to a capitalised word, common words and countries never qualify:
    those are where persons ("al-Sharaa"), organisations and English words hide.
    """
    assert span.name is not None
    place, score = cands[0]
    if span.glued or place.kind == "country" or plain(span.name) in gazetteer.rules.common_words:
        return False
    if span.weak and not span.opens_sentence:
        return False
    home = bool(place.country) and countries.get(place.country or "", 0.0) >= CUE_COUNTRY_WEIGHT
    alone_at_home = home and all(p.country != place.country for p, _ in cands[1:])
    if span.opens_sentence:
        if not alone_at_home or len(normalise_name(span.name)) < 4:
            return False
        prominence = gazetteer.prominence(place)
        if any(gazetteer.prominence(p) > prominence for p, _ in cands[1:]):
            return False
        return score >= ACCEPT_IN_CONTEXT
    if span.start not in locative:
        return False
    if not home and (
        (countries and max(countries.values()) >= CUE_COUNTRY_WEIGHT and not _in_context(place, countries, gazetteer))
        or _far_from_the_report(place, countries, gazetteer)
    ):
        # The only "Koya" in the gazetteer is in Japan; a report about Daraa that names a
        # village Koya means one GeoNames lacks, not that one.
        return False
    return (len(cands) == 1 or alone_at_home) and score >= ACCEPT_ONLY_CANDIDATE


# How far a named neighbourhood may lie from a town the report names (a big city's edge).
NEIGHBOURHOOD_REACH_KM = 40.0


def _neighbourhoods_near_their_town(resolved: dict[int, _Resolved]) -> None:
    """"the Barrio Nuevo neighbourhood" is part of a town the report is about. The gazetteer
    rarely knows neighbourhoods: a place of that name far from every town the report names
    (a village 350 km away) is a namesake, so the mention is left unresolved."""
    towns = [
        r.place
        for r in resolved.values()
        if r.place is not None and r.span.kind_hint != "neighbourhood" and r.place.precision in POINT_PRECISIONS
    ]
    for start, r in list(resolved.items()):
        if r.span.kind_hint != "neighbourhood" or r.place is None:
            continue
        here = r.place
        if not any(haversine_km(here.lat, here.lon, t.lat, t.lon) <= NEIGHBOURHOOD_REACH_KM for t in towns):
            resolved[start] = _Resolved(r.span, None, 0.0)


# Words that make a unit of a town's name: "Bokkos Local Government Area", "Kanbalu Township".
_UNIT_WORDS_RE = re.compile(
    r"\s+(?:district|township|territory|local\s+government\s+area|lga|regency|division|zone|province"
    r"|department|cercle|county|locality)$",
    re.IGNORECASE,
)
SAME_NAME_SEAT_KM = 40.0


def _districts_named_like_their_town(resolved: dict[int, _Resolved]) -> None:
    """A report that names both a town and the district named after it ("Kanbalu" and "Kanbalu
    township") mostly means one place, the town; the district's point is the town's anyway
    (geodata/districts.csv places units at their seats). Its mentions go to the town. (Merging
    every unit whose seat is a town the report names cost more places than it saved.)"""
    units = [
        (start, r) for start, r in resolved.items() if r.place is not None and r.place.kind == "adm2"
    ]
    if not units:
        return
    towns: dict[str, Place] = {}
    for r in resolved.values():
        if r.place is not None and r.place.precision in POINT_PRECISIONS:
            towns.setdefault(plain(r.place.name), r.place)
            towns.setdefault(plain(r.span.surface), r.place)
    for start, r in units:
        assert r.place is not None
        here = r.place
        town = towns.get(plain(_UNIT_WORDS_RE.sub("", here.name)))
        if town is not None and haversine_km(town.lat, town.lon, here.lat, here.lon) <= SAME_NAME_SEAT_KM:
            resolved[start] = _Resolved(r.span, town, r.confidence)


_ADMIN1_KIND_WORDS_RE = re.compile(
    r"\s+(?:region|state|province|governorate|division|oblast|krai|prefecture|department|county)$", re.IGNORECASE
)


def _towns_named_like_their_unit(resolved: dict[int, _Resolved], gazetteer: Gazetteer) -> None:
    """A report that names an admin-1 unit ("Sagaing Region") and, bare, a town of the same
    name inside it that is not the unit's seat ("air strikes in Sagaing": the town is small and
    Sagaing Region's seat is Monywa) uses the bare name for the unit. A seat keeps its name
    ("Aleppo" and "Aleppo Governorate" are two places: the city is the seat)."""
    units: dict[str, Place] = {}
    for r in resolved.values():
        if r.place is not None and r.place.kind == "adm1" and r.place.admin1:
            units.setdefault(plain(_ADMIN1_KIND_WORDS_RE.sub("", r.place.name)), r.place)
    if not units:
        return
    for start, r in list(resolved.items()):
        town = r.place
        if town is None or town.precision not in POINT_PRECISIONS or not town.admin1:
            continue
        unit = units.get(plain(r.span.surface))
        if (
            unit is not None
            and unit.admin1 == town.admin1
            and (seat := gazetteer.admin1_capital_id(unit.admin1)) is not None
            and seat != town.id
        ):
            resolved[start] = _Resolved(r.span, unit, r.confidence)


def _requirement_met(
    requirement: str, countries: dict[str, float], admin1: set[str], place_ids: set[str]
) -> bool:
    kind, _, value = requirement.partition(":")
    if kind == "country":
        return countries.get(value.upper(), 0.0) >= CUE_COUNTRY_WEIGHT
    if kind == "admin1":
        return value in admin1
    if kind == "place":
        return value in place_ids
    return False


# "X, Y", "X and Y", "X, and Y", "X & Y": names listed together.
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s*,?\s+and\s+|\s*&\s*)$")
# "Daraa governorate", "Borno State": the name with the area word the gazetteer also knows.
_AREA_SUFFIX = re.compile(r"[\s-]+(?:governorate|province|region|state|oblast)$", re.IGNORECASE)
_AREA_WORDS = ("governorate", "province", "region", "state", "oblast")


def _has_area_word(name: str) -> bool:
    return name.lower().endswith(_AREA_WORDS) and bool(_AREA_SUFFIX.search(name))


@lru_cache(maxsize=65536)  # a name's key does not depend on the report
def _area_key(name: str) -> str:
    return normalise_name(_AREA_SUFFIX.sub("", name))


# "western Daraa", "rural Idlib": a part of an area, so the area.
_COMPASS_BEFORE = re.compile(
    r"\b(?:western|eastern|northern|southern|central|north-western|north-eastern|south-western|south-eastern"
    r"|northwestern|northeastern|southwestern|southeastern|rural|the\s+countryside\s+of)\s+$",
    re.IGNORECASE,
)


def _town_comma_region(
    text: str, named: list[PlaceSpan], resolved: dict[int, _Resolved], gazetteer: Gazetteer
) -> None:
    """ "El Paso, Texas", "Kharkiv, Ukraine": a name right after a town and a comma is that
    town's province or country, so it is taken in the town's country when that country has an
    admin-1 unit by the name (not a Mexican village called Texas in a report on Mexico), also
    when a town there has the name too ("IRAPUATO, Guanajuato —": the state), unless the two
    start a list of towns ("Hama, Homs and Tartus")."""
    for i, (previous, span) in enumerate(zip(named, named[1:], strict=False)):
        town = resolved.get(previous.start)
        if town is None or town.place is None or town.place.kind in _AREA_KINDS or not town.place.country:
            continue
        if text[previous.end : span.start] != ", " or span.name is None:
            continue
        current = resolved.get(span.start)
        if current is not None and current.place is not None and current.place.country == town.place.country:
            if current.place.kind in _AREA_KINDS or _starts_a_list(text, named, i + 1):
                continue
        units = [c for c in gazetteer.candidates(span.name, country=town.place.country, limit=5) if c[0].kind == "adm1"]
        if units and units[0][1] >= ACCEPT_IN_CONTEXT:
            resolved[span.start] = _Resolved(span, units[0][0], round(min(1.0, units[0][1]), 3))


def _town_comma_country(
    text: str, named: list[PlaceSpan], resolved: dict[int, _Resolved], gazetteer: Gazetteer
) -> None:
    """ "In Nice, France, a truck driver ...": a name right before a comma and a country is a
    town of that country, whatever namesake the rest of the report would favour (a US story
    made "Nice" the town in California). Only when the country has a place by that name."""
    for previous, span in zip(named, named[1:], strict=False):
        country = resolved.get(span.start)
        town = resolved.get(previous.start)
        if country is None or country.place is None or country.place.kind != "country" or previous.name is None:
            continue
        if text[previous.end : span.start] != ", " or not country.place.country:
            continue
        if town is not None and town.place is not None and town.place.country == country.place.country:
            continue
        cands = gazetteer.candidates(previous.name, country=country.place.country, limit=3)
        cands = [c for c in cands if c[0].kind != "country"]
        if cands and cands[0][1] >= ACCEPT_IN_CONTEXT:
            resolved[previous.start] = _Resolved(previous, cands[0][0], round(min(1.0, cands[0][1]), 3))


_GOVERNMENT_AFTER = re.compile(
    r"['’]s\s+(?:own\s+|new\s+|interim\s+)?(?:government|foreign\s+ministry|ministry|army|armed\s+forces|military|president"
    r"|prime\s+minister|authorities|embassy|parliament|navy|air\s+force|national\s+police|foreign\s+minister)\b"
)


def _countries_by_their_governments(
    text: str, named: list[PlaceSpan], resolved: dict[int, _Resolved], gazetteer: Gazetteer
) -> None:
    """ "El Salvador's government says ...": a name whose government, army or ministry acts is
    the country of that name, not a village namesake the report's other places favour (a
    story set in Mexico made it a Mexican hamlet)."""
    for span in named:
        current = resolved.get(span.start)
        if span.name is None or (current is not None and current.place is not None and current.place.kind == "country"):
            continue
        if not _GOVERNMENT_AFTER.match(text, span.end):
            continue
        countries = [c for c in gazetteer.candidates(span.name, limit=5) if c[0].kind == "country"]
        if countries:
            resolved[span.start] = _Resolved(span, countries[0][0], round(min(1.0, countries[0][1]), 3))


def _starts_a_list(text: str, named: list[PlaceSpan], i: int) -> bool:
    """Whether the name ``named[i]`` is followed by another in a list ("Homs and Tartus", "Homs, Tartus")."""
    return i + 1 < len(named) and _LIST_GAP.match(text[named[i].end : named[i + 1].start]) is not None


def _same_name_same_kind(text: str, spans: list[PlaceSpan]) -> list[PlaceSpan]:
    """A name the report calls a province once ("Latakia and Tartus provinces", "the Daraa
    governorate") is the province where it stands alone too when the words there make it an
    area: listed with another such name (the headline's "operation in Latakia and Tartus") or
    after a compass word ("western Daraa"). Elsewhere the bare name stays the city ("a news
    site in Belgorod", "Belgorod, which lies 40 km from the border" in a report that also
    names "the Belgorod region"), and so does a dateline and a name listed with a town ("the
    streets of Qamishli and Raqqa": names listed together are places of one level)."""
    areas = {_area_key(s.name) for s in spans if s.name and (s.kind_hint == "adm1" or _has_area_word(s.name))}
    if not areas:
        return spans
    named = [s for s in spans if s.name]

    def listed_with(i: int, area: bool) -> bool:
        """Whether a neighbour in a list ("X and Y", "X, Y") is an area (or a town)."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(named):
                a, b = (named[j], named[i]) if j < i else (named[i], named[j])
                other = named[j]
                if _LIST_GAP.match(text[a.end : b.start]) and (area or other.kind_hint is None):
                    if (_area_key(other.name or "") in areas) == area:
                        return True
        return False

    promoted = {
        s.start
        for i, s in enumerate(named)
        if s.kind_hint is None
        and _area_key(s.name or "") in areas
        and not listed_with(i, area=False)
        and (
            listed_with(i, area=True)
            or _COMPASS_BEFORE.search(text, max(0, s.start - 20), s.start) is not None
        )
    }
    return [replace(s, kind_hint="adm1") if s.start in promoted else s for s in spans]


def resolve_places(text: str, report_id: str, gazetteer: Gazetteer) -> tuple[list[Mention], list[Place]]:
    """Every place mention in ``text`` (exact offsets) and the distinct places they name.

    Mentions whose place could not be settled (a cue phrase whose context is missing)
    have ``place_id=None``. Places are listed in order of first mention.
    """
    spans = _same_name_same_kind(text, find_place_spans(text, gazetteer.matcher(), gazetteer.rules))
    named = [s for s in spans if s.name is not None]
    # A report repeats its names ("Syria" three times): rank each (name, context) once.
    # Within one stage the context differs between spans only by the kind hint.
    memo: dict[tuple[str, str | None, int], list[tuple[Place, float]]] = {}
    stage_weights: dict[int, tuple[dict[str, float], dict[str, float]]] = {1: ({}, {})}
    contexts: dict[tuple[str | None, int], ResolutionContext] = {}

    def ranked(name: str, kind: str | None, stage: int) -> list[tuple[Place, float]]:
        key = (name, kind, stage)
        found = memo.get(key)
        if found is None:
            # The context is built on a miss only (most spans repeat a name already ranked),
            # and once per stage and kind (it is immutable).
            context = contexts.get((kind, stage))
            if context is None:
                countries_now, admin1_now = stage_weights[stage]
                context = ResolutionContext(countries=countries_now, admin1=admin1_now, kind=kind)
                contexts[kind, stage] = context
            found = memo[key] = gazetteer.candidates(name, context=context, limit=5)
        return found

    first: dict[int, list[tuple[Place, float]]] = {}
    counts: Counter[str] = Counter()
    for span in named:
        assert span.name is not None
        cands = ranked(span.name, span.kind_hint, 1)
        first[span.start] = cands
        if not cands:
            continue
        top, score = cands[0]
        if top.kind == "country":
            counts[top.country or ""] += 2
            continue
        if span.weak or span.glued:
            continue
        unambiguous = len(cands) == 1 or cands[1][0].country == top.country or score - cands[1][1] >= 0.05
        if unambiguous and len(cands) > 1:
            # A bigger namesake in another country ("Odessa": Texas by its primary name,
            # Ukraine's Odesa by an alternate) leaves the name's country open.
            prominence = gazetteer.prominence(top)
            unambiguous = not any(
                p.country != top.country and gazetteer.prominence(p) > prominence for p, _ in cands[1:]
            )
        if unambiguous and (score >= ACCEPT_ANYWHERE or top.kind in _AREA_KINDS) and top.country:
            counts[top.country] += 1
    counts.update(gazetteer.demonym_countries(text))
    countries = _weights(counts)
    stage_weights[2] = (countries, {})

    # Second ranking with the report's countries; third with its admin-1 areas too.
    resolved: dict[int, _Resolved] = {}
    admin1_counts: Counter[str] = Counter()
    for span in named:
        if not first.get(span.start):
            continue
        assert span.name is not None
        cands = ranked(span.name, span.kind_hint, 2)
        if cands and _accept(span, cands[0][0], cands[0][1], countries, {}, gazetteer):
            for code in _admin1_of(cands[0][0], gazetteer):
                admin1_counts[code] += 1
    admin1_weights = _weights(admin1_counts)
    stage_weights[3] = (countries, admin1_weights)
    # Without admin-1 areas the third context is the second one: reuse its rankings.
    third = 3 if admin1_weights else 2
    locative = _LazyLocative(text, named)
    for span in named:
        if not first.get(span.start):
            continue
        assert span.name is not None
        cands = ranked(span.name, span.kind_hint, third)
        if not cands:
            continue
        place, score = cands[0]
        if _accept(span, place, score, countries, admin1_weights, gazetteer) or _one_of_a_kind(
            span, cands, countries, locative, gazetteer
        ):
            # Confidence drops when a runner-up elsewhere is nearly as good.
            margin = score - cands[1][1] if len(cands) > 1 and cands[1][0].country != place.country else 1.0
            confidence = score * (0.75 + 0.25 * min(1.0, margin / 0.1))
            resolved[span.start] = _Resolved(span, place, round(min(1.0, confidence), 3))

    _town_comma_region(text, named, resolved, gazetteer)
    _town_comma_country(text, named, resolved, gazetteer)
    _countries_by_their_governments(text, named, resolved, gazetteer)
    _neighbourhoods_near_their_town(resolved)
    _districts_named_like_their_town(resolved)
    _towns_named_like_their_unit(resolved, gazetteer)

    # Cue phrases, in text order, so that "the airbase" can refer back to an airbase.
    admin1 = {code for r in resolved.values() if r.place for code in _admin1_of(r.place, gazetteer)}
    place_ids = {r.place.id for r in resolved.values() if r.place}
    cue_spans = [s for s in spans if s.cue_place_id is not None]
    for _ in range(2):  # a second sweep lets a later specific phrase license an earlier vague one
        for span in cue_spans:
            if span.start in resolved and resolved[span.start].place is not None:
                continue
            assert span.cue_place_id is not None
            ok = not span.requires or any(
                _requirement_met(r, countries, admin1, place_ids) for r in span.requires
            )
            meant = gazetteer.place(span.cue_place_id) if ok else None
            confidence = (0.9 if not span.requires else 0.8) if meant else 0.0
            resolved[span.start] = _Resolved(span, meant, confidence)
            if meant is not None:
                place_ids.add(meant.id)
                admin1.update(_admin1_of(meant, gazetteer))

    mentions: list[Mention] = []
    places: dict[str, Place] = {}
    for start in sorted(resolved):
        r = resolved[start]
        mentions.append(
            Mention(
                report_id=report_id,
                start=r.span.start,
                end=r.span.end,
                surface=r.span.surface,
                place_id=r.place.id if r.place else None,
                confidence=r.confidence,
            )
        )
        if r.place is not None:
            places.setdefault(r.place.id, r.place)
    return mentions, list(places.values())


def resolve_place(name: str, gazetteer: Gazetteer, context: ResolutionContext | None = None) -> Place | None:
    """The best place for one name, or None (convenience for callers with a bare name)."""
    cands = gazetteer.candidates(name, context=context, limit=1)
    return cands[0][0] if cands else None


__all__: Sequence[str] = ("resolve_places", "resolve_place")
