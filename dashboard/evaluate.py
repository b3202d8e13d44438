"""Score an extractor against hand-annotated reports (issue 5, item 6).

A folder of annotated reports holds ``NAME.txt`` (the report) and ``NAME.json`` (what a
careful reader found in it; format in tests/data/README.md). ``evaluate_dir`` runs an
extractor over every report and counts, per report and over the whole set:

* **places**: a predicted place (a place some mention resolved to) is right when it lies
  within 25 km of an annotated place; a country also counts when both sides are
  country-level and name the same ISO code, because country "points" are centroids that
  differ by hundreds of km between gazetteers, and an admin-1 unit when both sides are
  admin-1 and the annotated point lies inside the predicted unit's shape (a unit's point is
  a mean of places, which moves with the list of places averaged). Matching is one-to-one by distinct place,
  so one annotated place cannot absorb two predictions (Hmeimim and Jableh are ~7 km
  apart: both must be found).
* **figures**: right only when low, high, qualifier, category, outcome and verified are all
  equal and the sources agree (one name's words inside the other's, case-insensitively, so
  "Syrian Observatory for Human Rights" matches "the Britain-based Syrian Observatory for
  Human Rights"; an acronym matches its expansion; an annotation may list several names for
  one source). Also one-to-one.

Pure functions, no Streamlit and no store: the CLI (``report-atlas evaluate DIR``) wires
the real pipeline in as ``extract``.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.geo import haversine_km
from dashboard.model import CATEGORIES, OUTCOMES, PRECISIONS, QUALIFIERS, Extraction, Figure, Place

# Issue 5: "places (correct within 25 km)".
PLACE_TOLERANCE_KM = 25.0

Extractor = Callable[[str, date | None, str | None], Extraction]


class AnnotationError(ValueError):
    """An annotation file is missing or does not follow tests/data/README.md."""


# --- Annotations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AnnotatedPlace:
    """One distinct place a reader found in the report (not one per occurrence)."""

    surface: str
    name: str
    lat: float
    lon: float
    precision: str
    country: str | None = None


@dataclass(frozen=True)
class AnnotatedFigure:
    """One casualty figure as written, read by hand with DESIGN.md's Figure semantics."""

    surface: str
    low: int | None
    high: int | None
    qualifier: str
    category: str
    outcome: str
    attributed_to: str | None
    verified: bool
    # Other names the same sentence gives the source by ("the war monitor" for the Syrian
    # Observatory, a spokesperson for the office): each is a right answer too.
    also_attributed_to: tuple[str, ...] = ()

    def sources(self) -> tuple[str, ...]:
        return ((self.attributed_to,) if self.attributed_to else ()) + self.also_attributed_to


@dataclass(frozen=True)
class Annotation:
    name: str
    text: str
    published: date | None
    source: str | None
    places: tuple[AnnotatedPlace, ...]
    figures: tuple[AnnotatedFigure, ...]


def _optional_int(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnnotationError(f"{where}: expected an integer or null, got {value!r}")
    return value


def _choice(value: Any, allowed: Sequence[str], where: str) -> str:
    if value not in allowed:
        raise AnnotationError(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _place_from_json(data: dict[str, Any], where: str) -> AnnotatedPlace:
    try:
        lat, lon = float(data["lat"]), float(data["lon"])
        surface, name = str(data["surface"]), str(data["name"])
    except (KeyError, TypeError, ValueError) as exc:
        raise AnnotationError(f"{where}: place needs surface, name, lat, lon ({exc})") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise AnnotationError(f"{where}: coordinates out of range: {lat}, {lon}")
    country = data.get("country")
    return AnnotatedPlace(
        surface=surface,
        name=name,
        lat=lat,
        lon=lon,
        precision=_choice(data.get("precision"), PRECISIONS, f"{where} precision"),
        country=str(country).upper() if country else None,
    )


def _figure_from_json(data: dict[str, Any], where: str) -> AnnotatedFigure:
    verified = data.get("verified", False)
    if not isinstance(verified, bool):
        raise AnnotationError(f"{where}: verified must be true or false")
    # A string, null, or a list of names for the same source (the first is the main one).
    attributed = data.get("attributed_to")
    names = [str(a) for a in attributed if a] if isinstance(attributed, list) else []
    if isinstance(attributed, list):
        attributed = names[0] if names else None
    return AnnotatedFigure(
        surface=str(data.get("surface", "")),
        low=_optional_int(data.get("low"), f"{where} low"),
        high=_optional_int(data.get("high"), f"{where} high"),
        qualifier=_choice(data.get("qualifier"), QUALIFIERS, f"{where} qualifier"),
        category=_choice(data.get("category"), CATEGORIES, f"{where} category"),
        outcome=_choice(data.get("outcome"), OUTCOMES, f"{where} outcome"),
        attributed_to=str(attributed) if attributed else None,
        verified=verified,
        also_attributed_to=tuple(names[1:]),
    )


def load_annotation(text_path: Path) -> Annotation:
    """Read ``NAME.txt`` and its ``NAME.json`` annotation next to it."""
    json_path = text_path.with_suffix(".json")
    if not json_path.exists():
        raise AnnotationError(f"{text_path.name}: no annotation file {json_path.name}")
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise AnnotationError(f"{json_path.name}: not valid JSON ({exc})") from exc
    name = text_path.stem
    published = data.get("published")
    try:
        published_date = date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise AnnotationError(f"{json_path.name}: published must be YYYY-MM-DD") from exc
    places = tuple(
        _place_from_json(p, f"{json_path.name} places[{i}]") for i, p in enumerate(data.get("places", []))
    )
    figures = tuple(
        _figure_from_json(f, f"{json_path.name} figures[{i}]") for i, f in enumerate(data.get("figures", []))
    )
    return Annotation(
        name=name,
        text=text_path.read_text(encoding="utf-8"),
        published=published_date,
        source=data.get("source") or None,
        places=places,
        figures=figures,
    )


def load_annotated_dir(path: Path) -> list[Annotation]:
    """Every annotated report in ``path`` (sorted by name). Fails loudly on a missing .json."""
    texts = sorted(path.glob("*.txt"))
    if not texts:
        raise AnnotationError(f"{path}: no .txt reports found")
    return [load_annotation(t) for t in texts]


# --- Scores ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """Counts of one kind of item; precision/recall/F1 derived from them.

    With nothing predicted, precision is 1.0 (nothing claimed was wrong); with nothing
    annotated, recall is 1.0 (nothing was missed). A report with no figures and no
    predicted figures therefore scores 1.0 on figures, which is what it deserves.
    """

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        claimed = self.true_positives + self.false_positives
        return self.true_positives / claimed if claimed else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class PlaceMatch:
    annotated: AnnotatedPlace
    predicted: Place
    distance_km: float


@dataclass(frozen=True)
class FigureMatch:
    annotated: AnnotatedFigure
    predicted: Figure


@dataclass(frozen=True)
class ReportEvaluation:
    """One report's result, with what was matched, missed and wrongly added."""

    name: str
    places: Score
    figures: Score
    matched_places: tuple[PlaceMatch, ...] = ()
    missed_places: tuple[AnnotatedPlace, ...] = ()
    spurious_places: tuple[Place, ...] = ()
    matched_figures: tuple[FigureMatch, ...] = ()
    missed_figures: tuple[AnnotatedFigure, ...] = ()
    spurious_figures: tuple[Figure, ...] = ()
    # The same figures matched on their numbers alone (low and high), and, for the pairs
    # that agree on numbers but not on everything, which fields differ.
    figure_counts: Score = field(default_factory=Score)
    field_errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvaluationResult:
    reports: tuple[ReportEvaluation, ...] = field(default=())

    @property
    def places(self) -> Score:
        """Micro-averaged over all reports (counts summed, then the ratios)."""
        return sum((r.places for r in self.reports), Score())

    @property
    def figures(self) -> Score:
        return sum((r.figures for r in self.reports), Score())

    @property
    def figure_counts(self) -> Score:
        """Figures right on their numbers (low and high), whatever the other fields say."""
        return sum((r.figure_counts for r in self.reports), Score())

    def field_errors(self) -> dict[str, int]:
        """Among figures right on their numbers: how often each other field is wrong."""
        counts = Counter(name for r in self.reports for name in r.field_errors)
        return {name: counts[name] for name in FIGURE_FIELDS if counts[name]}

    def to_dict(self) -> dict[str, Any]:
        return {
            "reports": len(self.reports),
            "places": self.places.to_dict(),
            "figures": self.figures.to_dict(),
            "figure_counts": self.figure_counts.to_dict(),
            "field_errors": self.field_errors(),
            "per_report": [
                {
                    "name": r.name,
                    "places": r.places.to_dict(),
                    "figures": r.figures.to_dict(),
                    "missed_places": [p.name for p in r.missed_places],
                    "spurious_places": [p.name for p in r.spurious_places],
                    "missed_figures": [_describe_annotated_figure(f) for f in r.missed_figures],
                    "spurious_figures": [_describe_figure(f) for f in r.spurious_figures],
                }
                for r in self.reports
            ],
        }


# --- Matching -------------------------------------------------------------------------------


def predicted_places(extraction: Extraction) -> list[Place]:
    """The distinct places that the extraction's mentions resolved to, in text order."""
    by_id = extraction.place_by_id()
    seen: dict[str, Place] = {}
    for mention in extraction.mentions:
        if mention.place_id and mention.place_id in by_id and mention.place_id not in seen:
            seen[mention.place_id] = by_id[mention.place_id]
    return list(seen.values())


def _is_country_level(precision: str | None, kind: str | None = None) -> bool:
    return precision == "country" or kind == "country"


def place_agrees(annotated: AnnotatedPlace, predicted: Place) -> bool:
    """Within PLACE_TOLERANCE_KM, the same country named at country level, or the same
    admin-1 unit (the annotated point inside the predicted unit's shape)."""
    if haversine_km(annotated.lat, annotated.lon, predicted.lat, predicted.lon) <= PLACE_TOLERANCE_KM:
        return True
    if (
        annotated.precision == "adm1"
        and predicted.precision == "adm1"
        and predicted.geometry is not None
        and annotated.country is not None
        and (predicted.country or "").upper() == annotated.country
    ):
        # A unit's "point" is a mean of the places filed under it, and which places (GeoNames
        # cities500 or cities15000) moves it by 30-40 km in a large province (North Darfur,
        # Balochistan), as country centroids move between gazetteers: the unit is what is named.
        from shapely.geometry import Point, shape  # (only scoring needs shapely here)

        return bool(shape(predicted.geometry).covers(Point(annotated.lon, annotated.lat)))
    return (
        _is_country_level(annotated.precision)
        and _is_country_level(predicted.precision, predicted.kind)
        and annotated.country is not None
        and (predicted.country or "").upper() == annotated.country
    )


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_NON_WORD = re.compile(r"[^\w\s]+")
_ARTICLES = {"the", "a", "an"}
# Small words left out of acronyms: "Syrian Observatory for Human Rights" -> SOHR.
# (and the Arabic articles: "Jama'at Nusrat al-Islam wal-Muslimin" -> JNIM)
_ACRONYM_SKIP = {"for", "of", "the", "and", "on", "in", "to", "a", "an", "al", "wal", "el", "de", "du", "des", "la", "le"}  # ("Committee to Protect Journalists": CPJ)
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_IN_WORD_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def _source_words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).lower()
    text = text.replace("'s ", " ").replace(".", "")  # "the UN's office", "U.N." -> "un"
    text = _IN_WORD_APOSTROPHE.sub("", text)  # "Jama'at" is one word
    words = _NON_WORD.sub(" ", text).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return words


def _contains_words(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _is_acronym_of(short: list[str], long: list[str]) -> bool:
    """ "WHO" / "World Health Organization"; also the initials of a run of the longer name's
    words: "HRMMU" / "UN Human Rights Monitoring Mission in Ukraine"."""
    if len(short) != 1 or len(long) < 2:
        return False
    initials = "".join(w[0] for w in long if w not in _ACRONYM_SKIP)
    if short[0] == initials:
        return True
    return len(short[0]) >= 3 and short[0] in initials


def attribution_agrees(annotated: str | None, predicted: str | None) -> bool:
    """Both missing, or one name's words appear, in order, inside the other's.

    Word-level, so "UN" matches "a senior UN official" but not "unknown"; an acronym
    also matches its expansion ("WHO" / "World Health Organization").
    """
    if not annotated or not predicted:
        return not annotated and not predicted
    if "(" in annotated or "(" in predicted:
        # "The Group for the Support of Islam and Muslims (JNIM)": the bracket gives the same
        # body another name, so the name without it is the same source.
        plain_a, plain_p = _BRACKETED.sub(" ", annotated), _BRACKETED.sub(" ", predicted)
        if (plain_a, plain_p) != (annotated, predicted) and plain_a.strip() and plain_p.strip():
            if attribution_agrees(plain_a, plain_p):
                return True
    a, p = _source_words(annotated), _source_words(predicted)
    return (
        _contains_words(a, p)
        or _contains_words(p, a)
        or _is_acronym_of(a, p)
        or _is_acronym_of(p, a)
        or any(_is_acronym_of([w], p) for w in a if len(w) > 1)
        or any(_is_acronym_of([w], a) for w in p if len(w) > 1)
    )


def figure_agrees(annotated: AnnotatedFigure, predicted: Figure) -> bool:
    """Every field right: numbers, qualifier, category, outcome, source, verified."""
    return (
        annotated.low == predicted.low
        and annotated.high == predicted.high
        and annotated.qualifier == predicted.qualifier
        and annotated.category == predicted.category
        and annotated.outcome == predicted.outcome
        and annotated.verified == bool(predicted.verified)
        and (
            any(attribution_agrees(name, predicted.attributed_to) for name in annotated.sources())
            if annotated.attributed_to
            else attribution_agrees(None, predicted.attributed_to)
        )
    )


FIGURE_FIELDS = ("qualifier", "category", "outcome", "source", "verified")


def figure_counts_agree(annotated: AnnotatedFigure, predicted: Figure) -> bool:
    """The numbers alone: the figure a reader would copy is right, whatever else is."""
    return annotated.low == predicted.low and annotated.high == predicted.high


def figure_field_errors(annotated: AnnotatedFigure, predicted: Figure) -> list[str]:
    """The fields besides the numbers on which a prediction differs from its annotation."""
    if annotated.attributed_to:
        source_ok = any(attribution_agrees(name, predicted.attributed_to) for name in annotated.sources())
    else:
        source_ok = attribution_agrees(None, predicted.attributed_to)
    wrong = {
        "qualifier": annotated.qualifier != predicted.qualifier,
        "category": annotated.category != predicted.category,
        "outcome": annotated.outcome != predicted.outcome,
        "source": not source_ok,
        "verified": annotated.verified != bool(predicted.verified),
    }
    return [name for name in FIGURE_FIELDS if wrong[name]]


def _max_matching(
    candidates: list[list[int]], n_right: int, order: Sequence[int] | None = None
) -> dict[int, int]:
    """Maximum one-to-one matching (Kuhn's augmenting paths); left index -> right index.

    ``candidates[i]`` lists the right items left item ``i`` may pair with, best first, so
    ties go to the closest pair. ``order``: the left items in the order they choose (the
    closest pairs first, so that a miss is reported under the place that was really
    missed, not under a namesake of its neighbour). Sizes are tens of items per report:
    simple is enough.
    """
    owner: list[int | None] = [None] * n_right

    def augment(left: int, visited: set[int]) -> bool:
        for right in candidates[left]:
            if right in visited:
                continue
            visited.add(right)
            current = owner[right]
            if current is None or augment(current, visited):
                owner[right] = left
                return True
        return False

    for left in order if order is not None else range(len(candidates)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


def evaluate_report(annotation: Annotation, extraction: Extraction) -> ReportEvaluation:
    """Compare one extraction with its annotation."""
    predicted = predicted_places(extraction)
    place_candidates = []
    nearest: list[float] = []
    for gold in annotation.places:
        fits = sorted((haversine_km(gold.lat, gold.lon, p.lat, p.lon), j) for j, p in enumerate(predicted))
        agreeing = [(d, j) for d, j in fits if place_agrees(gold, predicted[j])]
        place_candidates.append([j for _, j in agreeing])
        nearest.append(agreeing[0][0] if agreeing else math.inf)
    order = sorted(range(len(nearest)), key=nearest.__getitem__)
    place_pairs = _max_matching(place_candidates, len(predicted), order)
    matched_places = tuple(
        PlaceMatch(
            annotation.places[i],
            predicted[j],
            haversine_km(
                annotation.places[i].lat, annotation.places[i].lon, predicted[j].lat, predicted[j].lon
            ),
        )
        for i, j in sorted(place_pairs.items())
    )
    used_places = set(place_pairs.values())

    figures = list(extraction.figures)
    figure_candidates = [
        [j for j, f in enumerate(figures) if figure_agrees(gold, f)] for gold in annotation.figures
    ]
    figure_pairs = _max_matching(figure_candidates, len(figures))
    used_figures = set(figure_pairs.values())
    # Numbers only: the full matches stand; the rest are paired on their numbers alone, and
    # those pairs say which other fields were wrong.
    rest = [i for i in range(len(annotation.figures)) if i not in figure_pairs]
    count_candidates = [
        [
            j
            for j, f in enumerate(figures)
            if j not in used_figures and figure_counts_agree(annotation.figures[i], f)
        ]
        for i in rest
    ]
    near_pairs = {rest[k]: j for k, j in _max_matching(count_candidates, len(figures)).items()}
    count_pairs = {**figure_pairs, **near_pairs}
    field_errors = tuple(
        name
        for i, j in sorted(near_pairs.items())
        for name in figure_field_errors(annotation.figures[i], figures[j])
    )

    return ReportEvaluation(
        name=annotation.name,
        places=Score(
            true_positives=len(place_pairs),
            false_positives=len(predicted) - len(place_pairs),
            false_negatives=len(annotation.places) - len(place_pairs),
        ),
        figures=Score(
            true_positives=len(figure_pairs),
            false_positives=len(figures) - len(figure_pairs),
            false_negatives=len(annotation.figures) - len(figure_pairs),
        ),
        matched_places=matched_places,
        missed_places=tuple(p for i, p in enumerate(annotation.places) if i not in place_pairs),
        spurious_places=tuple(p for j, p in enumerate(predicted) if j not in used_places),
        matched_figures=tuple(
            FigureMatch(annotation.figures[i], figures[j]) for i, j in sorted(figure_pairs.items())
        ),
        missed_figures=tuple(f for i, f in enumerate(annotation.figures) if i not in figure_pairs),
        spurious_figures=tuple(f for j, f in enumerate(figures) if j not in used_figures),
        figure_counts=Score(
            true_positives=len(count_pairs),
            false_positives=len(figures) - len(count_pairs),
            false_negatives=len(annotation.figures) - len(count_pairs),
        ),
        field_errors=field_errors,
    )


def evaluate_dir(path: Path, extract: Extractor) -> EvaluationResult:
    """Run ``extract(text, published, source)`` on every annotated report in ``path``."""
    reports = []
    for annotation in load_annotated_dir(Path(path)):
        try:
            extraction = extract(annotation.text, annotation.published, annotation.source)
        except Exception as exc:  # say which report broke, then let it propagate
            exc.add_note(f"while extracting annotated report {annotation.name}")
            raise
        reports.append(evaluate_report(annotation, extraction))
    return EvaluationResult(reports=tuple(reports))


# --- Text output ----------------------------------------------------------------------------


def _describe_numbers(low: int | None, high: int | None, qualifier: str) -> str:
    return f"{qualifier} {low if low is not None else '-'}..{high if high is not None else '-'}"


def _describe_annotated_figure(f: AnnotatedFigure) -> str:
    source = f" [{f.attributed_to}]" if f.attributed_to else ""
    check = " verified" if f.verified else ""
    return (
        f"{f.surface!r}: {_describe_numbers(f.low, f.high, f.qualifier)} "
        f"{f.category} {f.outcome}{source}{check}"
    )


def _describe_figure(f: Figure) -> str:
    source = f" [{f.attributed_to}]" if f.attributed_to else ""
    check = " verified" if f.verified else ""
    return (
        f"{f.surface!r}: {_describe_numbers(f.low, f.high, f.qualifier)} "
        f"{f.category} {f.outcome}{source}{check}"
    )


def _score_line(label: str, score: Score) -> str:
    return (
        f"{label:<8} precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}"
        f"  (tp {score.true_positives}, fp {score.false_positives}, fn {score.false_negatives})"
    )


def format_result(result: EvaluationResult, *, details: bool = True) -> str:
    """Plain-text report for the CLI: totals first, then what each report got wrong."""
    errors = result.field_errors()
    lines = [
        f"Annotated reports: {len(result.reports)}",
        _score_line("Places", result.places),
        _score_line("Figures", result.figures),
        _score_line("Numbers", result.figure_counts) + "  (figures right on low/high alone)",
        "Among figures right on their numbers, wrong fields: "
        + (", ".join(f"{name} {n}" for name, n in errors.items()) if errors else "none"),
    ]
    if not details:
        return "\n".join(lines)
    for report in result.reports:
        problems = (
            [f"  missed place: {p.name} ({p.surface!r})" for p in report.missed_places]
            + [
                f"  extra place:  {p.name} ({p.lat:.4f}, {p.lon:.4f}, {p.precision})"
                for p in report.spurious_places
            ]
            + [f"  missed figure: {_describe_annotated_figure(f)}" for f in report.missed_figures]
            + [f"  extra figure:  {_describe_figure(f)}" for f in report.spurious_figures]
        )
        if problems:
            lines.append("")
            lines.append(
                f"{report.name}: places F1 {report.places.f1:.2f}, figures F1 {report.figures.f1:.2f}"
            )
            lines.extend(problems)
    return "\n".join(lines)
