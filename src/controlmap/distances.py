"""Distance claims: what an article says about how far apart places are, checked on the map.

A *claim* is a stated distance found in the text ("Idlib sits just 55km (34 miles) from
Aleppo", "Saraqib, 20km south-east of Idlib", "a strip exceeding 100km"). Each claim keeps
its words (the number as written, its unit, its qualifier, any compass point) and is
attributed, where the sentence allows, to a *reference* place (``from``: "of Idlib", "from
Aleppo") and a *located* place (``to``: "Saraqib, ..." or the subject of "X sits ...").

The model
---------
Distances on the map are geodesics on the WGS-84 ellipsoid, computed after Karney (2013)
by :class:`geopy.distance.geodesic` (accurate to nanometres; a great circle on a sphere
would be off by up to ~0.5 %). Bearings are the forward azimuth of the same geodesic
(``geographiclib``, which geopy itself uses), measured clockwise from true north at the
reference place.

A stated figure is not a measurement, so every verdict has an explicit tolerance in km,
the largest of:

* the looseness of news figures: 15 % of the geodesic, and never less than 5 km (writers
  measure from different points of a town and round freely);
* the rounding of the stated number: half its rounding step ("55" is 55 +/- 2.5, "120" is
  +/- 5), capped at 10 % of the value. A bare "100" could in principle mean 50-150, but a
  writer who meant 70 would say 70, so the cap keeps round numbers checkable;
* the extent of the places: a gazetteer point is a town's centre, and a city of two million
  is ~10 km across. Each endpoint contributes a radius of ``5 km * sqrt(population / 2e6)``
  (at most 10 km).

The qualifier moves the test: plain, "about" and "just/only" figures must lie within the
tolerance of the geodesic; "more than/exceeding/over X" holds when the geodesic is at least
``X - max(10 % of X, extent)``; "less than/within/up to X" when it is at most
``X + max(10 % of X, extent)``. Road and route lengths ("the 120km road from X to Y", "a
912km pipeline from X to Y", "by road") are not geodesics: a road is rarely shorter than
the straight line and rarely more than 1.4 times it (the usual detour index is 1.2-1.4), so
they hold when ``g - tolerance <= X <= max(1.4 g, g + 5 km) + extent``. A plain figure
that is too long as a straight line but within that road band is reported as
``overstated`` with the reason "overstated as a straight line; plausible by road".

Compass points (8 or 16 of them) are checked against the bearing only when the distance
holds: a direction off by more than 67.5 degrees (three sixteenths of a turn: a named point
covers +/-11.25 degrees, and writers use the eight main points loosely) plus the angle
the places' extent subtends at that distance gives ``direction-wrong``.

A parenthesised conversion ("55km (34 miles)") is one claim stated twice; the two
statements are checked against each other on their own (``units_verdict``): they agree
when they differ by at most 5 % plus half a unit of each figure's last digit (55 km =
34.2 mi; 100 km = 62.1 mi, so "60 miles" is a rounding; 90 km is not 50 miles).

Verdicts: ``consistent``, ``overstated``, ``understated``, ``direction-wrong`` and
``unverifiable`` (no endpoints, a place not resolved, an area rather than a point, a border
without geometry, a race course). ``verdict`` is always one clean word; the nuance is in
``reason``.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from .article import Article
from .gazetteer import GazetteerEntry
from .geoparse import Place
from .text import Sentence, split_sentences

__all__ = [
    "CSV_FIELDS",
    "DistanceClaim",
    "Statement",
    "VERDICTS",
    "claim_to_dict",
    "claims_to_geojson",
    "exit_code_for",
    "find_claims",
    "parse_quantities",
    "verify_distances",
]

VERDICTS = ("consistent", "overstated", "understated", "direction-wrong", "unverifiable")
#: Verdicts that ``--fail-on inconsistent`` treats as findings worth a non-zero exit.
INCONSISTENT = frozenset({"overstated", "understated", "direction-wrong"})

#: Kilometres per unit. "nm" is left out on purpose: in news it is as often nanometres.
UNIT_KM: dict[str, float] = {"km": 1.0, "mi": 1.609344, "m": 0.001, "nmi": 1.852}

# Tolerance constants, named so the docstring above and the code cannot drift apart.
RELATIVE_TOLERANCE = 0.15  # share of the geodesic a plain news figure may be off
MIN_TOLERANCE_KM = 5.0  # below this, "off" is within town size and measuring habits
ROUNDING_CAP = 0.10  # rounding tolerance never exceeds this share of the stated value
BOUND_SLACK = 0.10  # "more than X" holds from 0.9 X; "less than X" up to 1.1 X
ROAD_FACTOR = 1.4  # a road is rarely longer than this times the straight line
CITY_RADIUS_KM_AT_2M = 5.0  # a city of two million is ~10 km across
MAX_RADIUS_KM = 10.0
DIRECTION_TOLERANCE_DEG = 67.5
UNITS_TOLERANCE = 0.05  # two statements of one value may differ by 5 %

_AREA_KINDS = frozenset({"country", "admin1", "admin2", "region"})

# --------------------------------------------------------------------------- numbers

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90}
_WORD_NUMBER = (
    r"(?:(?:%s)(?:[- ](?:%s))?|%s|a\s+hundred|a\s+thousand|a\s+dozen|half\s+a)"
    % ("|".join(_TENS_WORDS), "|".join(list(_UNITS_WORDS)[:9]), "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)))
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_RANGE = rf"(?P<low>{_NUMBER})(?:\s*(?:-|–|—|to|or)\s*(?P<high>{_NUMBER}))?"
_UNIT = (r"(?P<unit>nautical\s+miles?|nmi\b|kilomet(?:re|er)s?\b|klms?\b|kms?\b|miles?\b|mi\b"
         r"|metres?\b|meters?\b|m\b)")
_QUANTITY = re.compile(rf"(?<![\w$£€.,]){_RANGE}(?:\s*|-)(?:{_UNIT})", re.I)

_QUALIFIER_WORDS = {
    # words -> sense. "approx" and "just" are judged like plain figures; the two bounds move
    # the test to one side.
    "just": "just", "only": "just", "barely": "just", "a mere": "just", "merely": "just",
    "about": "approx", "some": "approx", "roughly": "approx", "nearly": "approx", "almost": "approx",
    "approximately": "approx", "around": "approx", "approx.": "approx", "an estimated": "approx",
    "estimated": "approx", "close to": "approx", "circa": "approx",
    "more than": "lower", "over": "lower", "exceeding": "lower", "at least": "lower",
    "upwards of": "lower", "well over": "lower", "in excess of": "lower", "beyond": "lower",
    "less than": "upper", "under": "upper", "within": "upper", "up to": "upper",
    "no more than": "upper", "fewer than": "upper", "as far as": "upper", "a range of": "upper",
    "range of": "upper",
}
_QUALIFIER = re.compile(
    r"(?:\b(?:%s)\s+(?:(?:a|an|the)\s+)?)+$" % "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_QUALIFIER_WORDS, key=len, reverse=True)),
    re.I)
_QUALIFIER_PART = re.compile(
    r"\b(%s)\b" % "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_QUALIFIER_WORDS, key=len, reverse=True)),
    re.I)

# Quantities that are not distances: speeds, areas, money ("$5m").
_NOT_DISTANCE_AFTER = re.compile(r"^(?:\s*(?:/|per\b|an?\s+hour|a\s+day)|2\b|²|\s*sq\b)", re.I)
_NOT_DISTANCE_BEFORE = re.compile(r"(?:square|sq\.?|cubic)\s*$|[$£€]\s*$", re.I)
# A bare "m" is a distance only where the words around say so ("100m away", "(300m)").
_METRES_CONTEXT = re.compile(r"^\s*(?:\)|away|from|long|wide|deep|high|tall|north|south|east|west|of\s+the|inland|offshore)", re.I)


@dataclass(frozen=True)
class Statement:
    """One statement of a distance as written: ``55km`` or ``34 miles`` or ``10-15km``.

    ``value`` is the number (``low``; ``high`` differs for ranges), ``unit`` is ``km``,
    ``mi``, ``m`` or ``nmi``; ``km_low``/``km_high`` are the same in kilometres.
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str

    @property
    def km_low(self) -> float:
        return self.low * UNIT_KM[self.unit]

    @property
    def km_high(self) -> float:
        return self.high * UNIT_KM[self.unit]

    @property
    def is_range(self) -> bool:
        return self.high != self.low


def number_value(text: str) -> float:
    """Value of a number as written: ``"1,200"``, ``"2.5"``, ``"five"``, ``"twenty-five"``."""
    word = re.sub(r"\s+", " ", text.strip().lower())
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", word):
        return float(word.replace(",", ""))
    special = {"a hundred": 100, "a thousand": 1000, "a dozen": 12, "half a": 0.5}
    if word in special:
        return float(special[word])
    parts = re.split(r"[- ]", word)
    total = 0
    for part in parts:
        total += _TENS_WORDS.get(part, 0) + _UNITS_WORDS.get(part, 0)
    if total == 0:
        raise ValueError(f"not a number: {text!r}")
    return float(total)


def _unit_code(word: str) -> str:
    word = word.lower()
    if word.startswith("nautical") or word == "nmi":
        return "nmi"
    if word.startswith(("kilomet", "km", "klm")):
        return "km"
    if word.startswith("mi"):
        return "mi"
    return "m"


def parse_quantities(text: str, offset: int = 0) -> list[Statement]:
    """Every distance quantity in ``text`` (speeds, areas and money left out), in order.

    ``offset`` is added to the spans so that a sentence's quantities index the article.
    """
    out: list[Statement] = []
    for match in _QUANTITY.finditer(text):
        before, after = text[max(0, match.start() - 12):match.start()], text[match.end():match.end() + 20]
        if _NOT_DISTANCE_AFTER.match(after) or _NOT_DISTANCE_BEFORE.search(before):
            continue
        unit = _unit_code(match.group("unit"))
        if unit == "m" and (match.group("unit").lower() == "m") and (
                not re.fullmatch(_DIGITS, match.group("low")) or not _METRES_CONTEXT.match(after)):
            continue
        low = number_value(match.group("low"))
        high = number_value(match.group("high")) if match.group("high") else low
        if high < low:  # "10 or 5 km" is not a range we understand
            high = low
        out.append(Statement(offset + match.start(), offset + match.end(), match.group(0), low, high, unit))
    return out


def rounding_km(statement: Statement) -> float:
    """Half the rounding step of the stated figure, in km ("55" -> 2.5, "120" -> 5, "100" -> 50)."""
    return 0.5 * _rounding_step(statement.low) * UNIT_KM[statement.unit]


def _rounding_step(value: float) -> float:
    if value != int(value):
        decimals = len(repr(value).split(".")[1])
        return 10.0 ** -decimals
    number = int(value)
    if number == 0:
        return 1.0
    step = 1
    while number % (step * 10) == 0:
        step *= 10
    if step == 1 and number % 5 == 0:
        return 5.0
    return float(step)


def _last_digit_km(statement: Statement) -> float:
    """Size of one unit of the figure's last written digit, in km (34 mi -> 1 mi, 1.9 mi -> 0.1 mi)."""
    value = statement.low
    step = 10.0 ** -len(repr(value).split(".")[1]) if value != int(value) else 1.0
    return step * UNIT_KM[statement.unit]


# --------------------------------------------------------------------------- compass

_COMPASS_16 = ["north", "north-north-east", "north-east", "east-north-east", "east", "east-south-east",
               "south-east", "south-south-east", "south", "south-south-west", "south-west",
               "west-south-west", "west", "west-north-west", "north-west", "north-north-west"]
COMPASS_DEG: dict[str, float] = {name.replace("-", ""): i * 22.5 for i, name in enumerate(_COMPASS_16)}
_DIRECTION = (r"(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2}")
_DIRECTION_AFTER = re.compile(
    rf"^\s*(?:(?!north|south|east|west)\w+\s+)?(?:to\s+the\s+|due\s+)?(?P<dir>{_DIRECTION})(?:ward|erly)?(?:\s+(?P<rel>of|from))?\b", re.I)


def compass_degrees(direction: str) -> float | None:
    """Bearing in degrees of a compass point as written ("south-east", "north east", "NNE" no)."""
    key = re.sub(r"[\s-]+", "", direction.lower())
    return COMPASS_DEG.get(key)


def angle_difference(a: float, b: float) -> float:
    """Smallest absolute difference between two bearings, in degrees (0-180)."""
    return abs((a - b + 180.0) % 360.0 - 180.0)


# --------------------------------------------------------------------------- records


@dataclass
class DistanceClaim:
    """One distance claim and its check.

    Attributes
    ----------
    source
        ``article.source``.
    sentence
        The sentence holding the claim (text and span).
    start, end, text
        Span of the claim's words in the article (qualifier, figures, compass point and the
        places they relate, where adjacent).
    kind
        ``between``, ``offset`` (distance and compass point from a place), ``road``,
        ``route`` (pipeline, line), ``course`` (a race), ``range_limit`` ("a range of X
        ... from A to B", "within X of the border") or ``lone`` (no endpoints).
    stated
        Every statement of the value; a second one is the parenthesised conversion.
    qualifier
        The qualifier words as written ("just", "more than"), or ``None``.
    qualifier_sense
        ``plain``, ``just``, ``approx``, ``lower`` (more than) or ``upper`` (less than).
    interval_km
        What the claim asserts, in km: ``(low, high)``; ``high`` is ``None`` for "more than".
    direction, direction_deg
        The compass point as written and its bearing, or ``None``.
    from_place, to_place
        Reference place ("of Idlib") and located place ("Saraqib"), or ``None``.
    geodesic_km, bearing_deg
        WGS-84 geodesic and forward azimuth from ``from_place`` to ``to_place``.
    tolerance_km, direction_tolerance_deg
        Tolerances the verdict used.
    verdict, reason
        One of :data:`VERDICTS` and why.
    units_verdict, units_reason
        ``units-consistent`` / ``units-inconsistent`` for a parenthesised conversion, else ``None``.
    """

    source: str
    sentence: Sentence
    start: int
    end: int
    text: str
    kind: str
    stated: list[Statement]
    qualifier: str | None = None
    qualifier_sense: str = "plain"
    interval_km: tuple[float, float | None] = (0.0, None)
    direction: str | None = None
    direction_deg: float | None = None
    from_place: Place | None = None
    to_place: Place | None = None
    reference_text: str | None = None
    geodesic_km: float | None = None
    bearing_deg: float | None = None
    tolerance_km: float | None = None
    direction_tolerance_deg: float | None = None
    verdict: str = "unverifiable"
    reason: str = ""
    units_verdict: str | None = None
    units_reason: str | None = None
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- finding claims

_ROAD_NOUNS = r"road|highway|motorway|drive|journey|trip|railway|rail\s+line|train\s+ride|ride|trek|march|walk|flight"
_ROUTE_NOUNS = r"pipeline|line|link|linkup|canal|cable|tunnel|corridor|route|border|frontier|front|front\s*line|stretch|strip"
_COURSE_WORDS = re.compile(r"\b(?:covered|race|stage|marathon|course|lap|ran|cycled|swam)\b", re.I)
_NOUN_AFTER = re.compile(rf"^(?:[\s-]*long)?[\s-]*(?:(?:\w+)\s+)?(?P<noun>{_ROAD_NOUNS}|{_ROUTE_NOUNS})\b", re.I)
_BY_ROAD = re.compile(r"\b(?:by\s+road|by\s+car|by\s+rail|drive|driving|drove|road\s+distance)\b", re.I)
_CONVERSION = re.compile(r"^\s*[(\[]\s*(?P<qual>(?:[a-z]+\s+){0,2}?)(?=[\d\w])", re.I)
_FROM_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:away\s+)?(?P<rel>from|of)\b", re.I)
_APART_AFTER = re.compile(r"^\s*apart\b", re.I)
_AWAY_AFTER = re.compile(r"^\s*away\b", re.I)
_CAPITAL = re.compile(r"^\s*the\s+(?:\w+\s+)?capital\b(?:\s+city)?", re.I)
_BORDER = re.compile(r"^\s*(?:the\s+)?(?:[\w-]+\s+){0,2}(?:border|frontier|front\s*line|coast(?:line)?)\b", re.I)
_HERE = re.compile(r"^\s*here\b", re.I)
# Between a located place and its figure: ", ", " sits ", " is located ", ", which lies ".
_SUBJECT_GAP = re.compile(
    r"^\s*(?:,\s*)?(?:(?:which|that|who)\s+)?(?:(?:is|are|was|lies|lie|sits|sit|stands|located|situated|lying|"
    r"being|just|only|some|about|roughly|nearly|almost|approximately|around|the|a|an)\s*,?\s*)*$", re.I)
_OFFSET_REFERENCE_BEFORE = re.compile(rf"\b{_DIRECTION}(?:ward|erly)?\s+of\s+(?:the\s+(?:\w+\s+)?(?:of\s+)?)?$", re.I)
_ROAD_BEFORE = re.compile(rf"\b(?:{_ROAD_NOUNS})\s+(?:to|from|between)\s+$", re.I)


def _sense_of(qualifier: str | None) -> str:
    if not qualifier:
        return "plain"
    senses = [_QUALIFIER_WORDS.get(re.sub(r"\s+", " ", p.lower())) for p in _QUALIFIER_PART.findall(qualifier)]
    for wanted in ("lower", "upper", "approx", "just"):
        if wanted in senses:
            return wanted
    return "plain"


def _interval(statement: Statement, sense: str) -> tuple[float, float | None]:
    low, high = statement.km_low, statement.km_high
    if sense == "lower":
        return (low, None)
    if sense == "upper":
        return (0.0, high)
    if statement.is_range:
        return (low, high)
    half = min(rounding_km(statement), ROUNDING_CAP * low)
    return (max(0.0, low - half), high + half)


def _place_after(places: list[Place], position: int, limit: int, stop: int) -> Place | None:
    """First place starting in ``[position, position + limit)`` and before ``stop``."""
    for place in places:
        if position <= place.start < min(position + limit, stop):
            return place
    return None


def _located_before(text: str, places: list[Place], position: int, sentence: Sentence,
                    exclude: Iterable[Place]) -> Place | None:
    """The place a figure at ``position`` locates: the subject or appositive just before it.

    Prefers a place separated from the figure only by ", ", "is", "sits"... ("Bouira, about
    100 km"); else the nearest earlier place in the sentence that is not itself the reference
    of another offset ("Tarutung, south of the city of Medan and about 560 km west of ...").
    """
    excluded = {id(p) for p in exclude}
    before = [p for p in places if sentence.start <= p.start and p.end <= position and id(p) not in excluded]
    for place in reversed(before):
        if _SUBJECT_GAP.match(text[place.end:position]):
            return place
    for place in reversed(before):
        if position - place.end > 160:
            break
        if _OFFSET_REFERENCE_BEFORE.search(text[max(sentence.start, place.start - 40):place.start]):
            continue
        if _ROAD_BEFORE.search(text[max(sentence.start, place.start - 30):place.start]):
            continue
        return place
    return None


def _from_to_after(text: str, places: list[Place], position: int, stop: int) -> tuple[Place | None, Place | None]:
    """Endpoints of "from A to B" (or "between A and B", "connecting A and B") after ``position``."""
    window = text[position:stop]
    match = re.search(r"\b(?:from|between|connecting|linking)\b", window[:200], re.I)
    if not match:
        return None, None
    start = position + match.end()
    first = _place_after(places, start, 120, stop)
    if first is None:
        return None, None
    link = re.search(r"\b(?:to|and|with)\b", text[first.end:stop], re.I)
    if not link:
        return first, None
    second = _place_after(places, first.end + link.end(), 120, stop)
    return first, second


def _country_in_play(places: list[Place]) -> str | None:
    counts = Counter(p.entry.country for p in places if p.entry.country)
    return counts.most_common(1)[0][0] if counts else None


def _capital_place(gazetteer: Any, places: list[Place], start: int, end: int, text: str,
                   sentence: Sentence, source: str) -> Place | None:
    country = _country_in_play(places)
    if gazetteer is None or country is None or not hasattr(gazetteer, "capital"):
        return None
    entry = gazetteer.capital(country)
    if entry is None:
        return None
    return Place(start=start, end=end, text=text, entry=entry, sentence=sentence, source=source, confidence=0.5)


def _merge_conversions(text: str, quantities: list[Statement]) -> list[list[Statement]]:
    """Group each figure with its parenthesised conversion ("55km (34 miles)")."""
    groups: list[list[Statement]] = []
    i = 0
    while i < len(quantities):
        first = quantities[i]
        group = [first]
        if i + 1 < len(quantities):
            second = quantities[i + 1]
            gap = text[first.end:second.start]
            conv = _CONVERSION.match(gap + "X")
            if conv and len(gap) <= 20 and re.match(r"^\s*[)\]]", text[second.end:second.end + 3]) \
                    and not re.search(r"\d", gap):
                group.append(second)
                i += 1
        groups.append(group)
        i += 1
    return groups


def find_claims(article: Article, places: list[Place], *, gazetteer: Any = None) -> list[DistanceClaim]:
    """Find every distance claim in ``article`` and attribute its endpoints among ``places``.

    Parameters
    ----------
    article
        The article; spans in the claims index ``article.text``.
    places
        Resolved place mentions (from :func:`controlmap.geoparse.geoparse`), in any order.
    gazetteer
        Optional; when it has ``capital(country_code)``, "the capital" resolves to the
        capital of the country in play (the country most of ``places`` lie in).

    Returns
    -------
    list of DistanceClaim
        In text order, not yet checked (``verdict`` is ``unverifiable`` with no reason);
        :func:`check_claim` or :func:`verify_distances` fill in the verdicts.
    """
    text = article.text
    places = sorted(places, key=lambda p: (p.start, -p.end))
    sentences = split_sentences(text)
    claims: list[DistanceClaim] = []
    for sentence in sentences:
        quantities = parse_quantities(sentence.text, sentence.start)
        if not quantities:
            continue
        in_sentence = [p for p in places if sentence.start <= p.start and p.end <= sentence.end]
        for statements in _merge_conversions(text, quantities):
            claims.append(_claim(article, sentence, statements, in_sentence, places, gazetteer))
    return claims


def _claim(article: Article, sentence: Sentence, statements: list[Statement], in_sentence: list[Place],
           all_places: list[Place], gazetteer: Any) -> DistanceClaim:
    text = article.text
    first = statements[0]
    end_of_figures = statements[-1].end
    if len(statements) > 1:  # include the closing bracket of the conversion
        close = re.match(r"\s*[)\]]", text[end_of_figures:])
        end_of_figures += close.end() if close else 0
    # Qualifier: the words just before the figure ("only less than", "at least a").
    head = text[max(sentence.start, first.start - 40):first.start]
    qmatch = _QUALIFIER.search(head)
    qualifier = re.sub(r"\s+(?:a|an|the)$", "", re.sub(r"\s+", " ", qmatch.group(0).strip()), flags=re.I) if qmatch else None
    claim_start = first.start - len(qmatch.group(0)) if qmatch else first.start
    sense = _sense_of(qualifier)
    if len(statements) > 1 and sense == "plain":  # "(about 34 miles)"
        inner = text[statements[0].end:statements[1].start]
        inner_q = _QUALIFIER_PART.search(inner)
        if inner_q:
            qualifier, sense = inner_q.group(1), _sense_of(inner_q.group(1))

    after = text[end_of_figures:sentence.end]
    before_text = text[sentence.start:claim_start]
    kind = "lone"
    direction = None
    from_place: Place | None = None
    to_place: Place | None = None
    reference_text: str | None = None
    claim_end = end_of_figures
    notes: list[str] = []
    located_from = claim_start

    if re.search(r"\brange\s+of\s+(?:up\s+to\s+)?$", before_text, re.I) or (qualifier and "range" in qualifier.lower()):
        kind = "range_limit"
        if sense in ("plain", "just", "approx"):
            sense = "upper"
            qualifier = qualifier or "range of"

    dmatch = _DIRECTION_AFTER.match(after)
    noun = _NOUN_AFTER.match(after)
    if dmatch and compass_degrees(dmatch.group("dir")) is not None:
        kind = "offset"
        direction = re.sub(r"\s+", " ", dmatch.group("dir"))
        claim_end = end_of_figures + dmatch.end()
        if dmatch.group("rel"):
            from_place, reference_text, claim_end = _reference(
                text, in_sentence, claim_end, sentence, all_places, gazetteer, article.source, notes)
        to_place = _located_before(text, in_sentence, located_from, sentence, [from_place] if from_place else [])
    elif noun and not re.search(r"\b(?:of|from)\s*$", before_text[-8:] if before_text else "", re.I):
        word = noun.group("noun").lower()
        kind = "road" if re.fullmatch(_ROAD_NOUNS, word, re.I) else "route"
        if word in ("border", "frontier", "front", "front line", "frontline", "stretch", "strip"):
            kind = "lone"
        a, b = _from_to_after(text, in_sentence, end_of_figures, sentence.end)
        if kind != "lone" and a is not None:
            from_place, to_place = a, b
            claim_end = (b or a).end
            if _COURSE_WORDS.search(before_text[-40:]):
                kind = "course"
        elif kind != "lone":
            notes.append(f"a {word} length with no named endpoints")
            kind = "lone"
    elif _APART_AFTER.match(after):
        kind = "between"
        claim_end = end_of_figures + _APART_AFTER.match(after).end()
        earlier = [p for p in in_sentence if p.end <= claim_start]
        if len(earlier) >= 2:
            from_place, to_place = earlier[-2], earlier[-1]
    elif _FROM_AFTER.match(after) and (kind != "range_limit"):
        rel = _FROM_AFTER.match(after)
        rest = text[end_of_figures + rel.end():sentence.end]
        if rel.group("rel").lower() == "of" and not _BORDER.match(rest) and not _CAPITAL.match(rest):
            # "10 km of roads", "the 180 miles of the trail": a length, not a distance from a place.
            nxt = _place_after(in_sentence, end_of_figures + rel.end(), 6, sentence.end)
            if sense != "upper" or nxt is None:
                kind = "lone"
            else:
                kind = "between"
        else:
            kind = "between"
        if kind == "between":
            from_place, reference_text, claim_end = _reference(
                text, in_sentence, end_of_figures + rel.end(), sentence, all_places, gazetteer, article.source, notes)
            if reference_text and reference_text.startswith("border"):
                kind = "range_limit"
            to_place = _located_before(text, in_sentence, located_from, sentence, [from_place] if from_place else [])
    elif kind == "range_limit":
        a, b = _from_to_after(text, in_sentence, end_of_figures, sentence.end)
        if a is not None and b is not None:
            from_place, to_place = a, b
            claim_end = b.end
    elif _AWAY_AFTER.match(after):
        kind = "between"
        claim_end = end_of_figures + _AWAY_AFTER.match(after).end()
        to_place = _located_before(text, in_sentence, located_from, sentence, [])
        reference_text = "unnamed"
    else:
        # "the 250 km to X from Y", "the 120km road from X to Y" after an intervening word
        a, b = (None, None)
        if re.match(r"^[\s-]*(?:long\s+)?(?:\w+\s+){0,2}(?:from|between)\b", after, re.I):
            a, b = _from_to_after(text, in_sentence, end_of_figures, sentence.end)
        if a is not None and b is not None:
            kind = "between"
            from_place, to_place = a, b
            claim_end = b.end

    if kind in ("between", "offset", "lone") and _BY_ROAD.search(text[max(sentence.start, claim_start - 30):min(sentence.end, claim_end + 30)]):
        notes.append("stated as a road or travel distance")
        if kind != "lone":
            kind = "road"
    if kind in ("offset", "between") and to_place is not None and to_place.start < claim_start:
        # Cover the located place when it is the subject or appositive of the figure.
        if claim_start - to_place.end <= 25:
            claim_start = to_place.start

    claim = DistanceClaim(
        source=article.source, sentence=sentence, start=claim_start, end=claim_end,
        text=text[claim_start:claim_end], kind=kind, stated=list(statements), qualifier=qualifier,
        qualifier_sense=sense, interval_km=_interval(first, sense), direction=direction,
        direction_deg=compass_degrees(direction) if direction else None, from_place=from_place,
        to_place=to_place, reference_text=reference_text, notes=notes)
    return claim


def _reference(text: str, in_sentence: list[Place], position: int, sentence: Sentence, all_places: list[Place],
               gazetteer: Any, source: str, notes: list[str]) -> tuple[Place | None, str | None, int]:
    """Resolve what follows "of"/"from": a place, "the capital", "the border", "here"."""
    rest = text[position:sentence.end]
    if _HERE.match(rest):
        return None, "here", position + _HERE.match(rest).end()
    border = _BORDER.match(rest)
    if border:
        place = _place_after(in_sentence, position, border.end() + 2, sentence.end)
        if place is None or place.start >= position + border.end():
            return None, "border", position + border.end()
    capital = _CAPITAL.match(rest)
    named = _place_after(in_sentence, position, 100, sentence.end)
    if capital:
        if named is not None and named.start - (position + capital.end()) <= 3:
            return named, named.text, named.end  # "the capital Algiers", "the capital, Lima"
        span_start = position + len(rest) - len(rest.lstrip())
        place = _capital_place(gazetteer, all_places, span_start, position + capital.end(),
                               text[span_start:position + capital.end()], sentence, source)
        return place, "the capital", position + capital.end()
    if named is not None:
        between = text[position:named.start]
        if re.search(r"[;:]|\d", between) or len(between.split()) > 12:
            return None, between.strip() or None, position
        return named, named.text, named.end
    words = re.match(r"^\s*((?:the\s+)?(?!and\b|or\b)[^\W\d]+(?:\s+(?!and\b|or\b|in\b|at\b|near\b)[^\W\d][\w'’-]*){0,2})", rest)
    return None, words.group(1) if words else None, position + (words.end() if words else 0)


# --------------------------------------------------------------------------- checking


def radius_km(entry: GazetteerEntry) -> float:
    """Rough radius of a place from its population: 5 km for two million, at most 10 km."""
    if entry.population <= 0 or entry.kind in ("airport", "feature"):
        return 0.0
    return min(MAX_RADIUS_KM, CITY_RADIUS_KM_AT_2M * math.sqrt(entry.population / 2e6))


def geodesic_and_bearing(a: GazetteerEntry, b: GazetteerEntry) -> tuple[float, float]:
    """WGS-84 geodesic distance (km) and forward azimuth (degrees, 0-360) from ``a`` to ``b``."""
    km = geodesic((a.lat, a.lon), (b.lat, b.lon)).km
    azimuth = Geodesic.WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)["azi1"] % 360.0
    return km, azimuth


def check_units(stated: list[Statement]) -> tuple[str | None, str | None]:
    """Check a parenthesised conversion: do the two statements give the same distance?"""
    if len(stated) < 2:
        return None, None
    a, b = stated[0], stated[1]
    worst = 0.0
    pairs = [(a.km_low, b.km_low), (a.km_high, b.km_high)]
    allowed = UNITS_TOLERANCE * max(a.km_high, b.km_high) + 0.5 * (_last_digit_km(a) + _last_digit_km(b))
    for x, y in pairs:
        worst = max(worst, abs(x - y))
    described = f"{_fmt(a)} = {_convert(a, b.unit)}; stated {_fmt(b)}"
    if worst <= allowed:
        return "units-consistent", f"{described} (within {UNITS_TOLERANCE:.0%} and rounding)"
    pct = 100.0 * worst / max(a.km_high, b.km_high)
    return "units-inconsistent", f"{described}: the two statements differ by {pct:.1f}%"


def _fmt(s: Statement) -> str:
    name = {"km": "km", "mi": "mi", "m": "m", "nmi": "nmi"}[s.unit]
    value = f"{s.low:g}" if not s.is_range else f"{s.low:g}-{s.high:g}"
    return f"{value} {name}"


def _convert(s: Statement, unit: str) -> str:
    factor = UNIT_KM[s.unit] / UNIT_KM[unit]
    if s.is_range:
        return f"{s.low * factor:.1f}-{s.high * factor:.1f} {unit}"
    return f"{s.low * factor:.1f} {unit}"


def _unverifiable_reason(claim: DistanceClaim) -> str | None:
    if claim.kind == "course":
        return "a race course length, not a point-to-point distance"
    if claim.reference_text == "border" and claim.from_place is None:
        return "a border without geometry"
    if claim.from_place is None and claim.to_place is None:
        if claim.reference_text == "here":
            return "reference is 'here' (the dateline), not resolved"
        if claim.reference_text and claim.reference_text != "unnamed":
            return f"no endpoints: reference '{claim.reference_text}' not resolved"
        extra = f" ({claim.notes[0]})" if claim.notes else ""
        return "no endpoints" + extra
    if claim.from_place is None:
        what = f"'{claim.reference_text}'" if claim.reference_text and claim.reference_text != "unnamed" else "the reference place"
        return f"a place not resolved: {what}"
    if claim.to_place is None:
        return "a place not resolved: the located place is not named or not in the gazetteer"
    for place in (claim.from_place, claim.to_place):
        if place.entry.kind in _AREA_KINDS:
            return f"a place is an area, not a point: {place.entry.name} ({place.entry.kind})"
    if claim.from_place.entry.id == claim.to_place.entry.id:
        return "both endpoints resolve to the same place"
    return None


def check_claim(claim: DistanceClaim) -> DistanceClaim:
    """Fill in the geodesic, tolerances and verdict of ``claim`` (in place; also returned)."""
    claim.units_verdict, claim.units_reason = check_units(claim.stated)
    reason = _unverifiable_reason(claim)
    if reason is not None:
        claim.verdict, claim.reason = "unverifiable", reason
        return claim
    assert claim.from_place is not None and claim.to_place is not None
    a, b = claim.from_place.entry, claim.to_place.entry
    g, bearing = geodesic_and_bearing(a, b)
    claim.geodesic_km, claim.bearing_deg = round(g, 2), round(bearing, 1)
    extent = radius_km(a) + radius_km(b)
    stated = claim.stated[0]
    low, high = stated.km_low, stated.km_high
    rounding = min(rounding_km(stated), ROUNDING_CAP * low)
    tolerance = max(RELATIVE_TOLERANCE * g, MIN_TOLERANCE_KM, rounding, extent)
    said = f"{claim.qualifier + ' ' if claim.qualifier else ''}{_fmt(stated)}"

    if claim.kind in ("road", "route"):
        upper = max(ROAD_FACTOR * g, g + MIN_TOLERANCE_KM) + extent
        claim.tolerance_km = round(tolerance, 2)
        if claim.qualifier_sense == "upper":
            verdict = "consistent" if g <= high + max(BOUND_SLACK * high, extent) else "understated"
        elif claim.qualifier_sense == "lower":
            verdict = "consistent" if low <= upper else "overstated"
        elif high < g - tolerance:
            verdict = "understated"
        elif low > upper:
            verdict = "overstated"
        else:
            verdict = "consistent"
        kind_word = "road/travel" if claim.kind == "road" else "route"
        reason = (f"{said} as a {kind_word} length against a {g:.1f} km straight line: "
                  f"a {kind_word} is rarely shorter, or longer than {ROAD_FACTOR:g}x ({g - tolerance:.0f}-{upper:.0f} km)")
        claim.verdict, claim.reason = verdict, reason
        return _check_direction(claim, g, bearing, extent)

    if claim.qualifier_sense == "lower":
        slack = max(BOUND_SLACK * low, extent)
        claim.tolerance_km = round(slack, 2)
        if g >= low - slack:
            verdict, reason = "consistent", f"{said}: the straight line is {g:.1f} km (at least {low - slack:.1f} km needed)"
        else:
            verdict, reason = "overstated", f"{said}, but the straight line is only {g:.1f} km"
    elif claim.qualifier_sense == "upper":
        slack = max(BOUND_SLACK * high, extent)
        claim.tolerance_km = round(slack, 2)
        if g <= high + slack:
            verdict, reason = "consistent", f"{said}: the straight line is {g:.1f} km (at most {high + slack:.1f} km allowed)"
        else:
            verdict, reason = "understated", f"{said}, but the straight line is {g:.1f} km"
    else:
        claim.tolerance_km = round(tolerance, 2)
        if low - g > tolerance:
            verdict = "overstated"
            road_upper = max(ROAD_FACTOR * g, g + MIN_TOLERANCE_KM) + extent
            if low <= road_upper:
                reason = (f"overstated as a straight line; plausible by road ({said} vs {g:.1f} km geodesic, "
                          f"tolerance {tolerance:.1f} km; roads run up to {ROAD_FACTOR:g}x)")
            else:
                reason = f"{said} vs {g:.1f} km geodesic: longer than any tolerance ({tolerance:.1f} km) or road detour"
        elif g - high > tolerance:
            verdict, reason = "understated", f"{said} vs {g:.1f} km geodesic (tolerance {tolerance:.1f} km)"
        else:
            verdict, reason = "consistent", f"{said} vs {g:.1f} km geodesic, within {tolerance:.1f} km"
    claim.verdict, claim.reason = verdict, reason
    return _check_direction(claim, g, bearing, extent)


def _check_direction(claim: DistanceClaim, g: float, bearing: float, extent: float) -> DistanceClaim:
    if claim.direction_deg is None:
        return claim
    # Extent blurs direction at short range: a 10 km-wide city seen from 5 km away spans ~90 degrees.
    blur = math.degrees(math.atan2(extent, g)) if g > 0 else 90.0
    claim.direction_tolerance_deg = round(min(180.0, DIRECTION_TOLERANCE_DEG + blur), 1)
    off = angle_difference(bearing, claim.direction_deg)
    detail = f"bearing {bearing:.0f} deg vs {claim.direction} ({claim.direction_deg:g} deg): off by {off:.0f} deg"
    if off > claim.direction_tolerance_deg:
        if claim.verdict == "consistent":
            claim.verdict = "direction-wrong"
            claim.reason = f"distance holds but {detail}, more than {claim.direction_tolerance_deg:g} allowed"
        else:
            claim.reason += f"; direction also off ({detail})"
    else:
        claim.reason += f"; {detail}, within {claim.direction_tolerance_deg:g}"
    return claim


def verify_distances(article: Article, places: list[Place] | None = None, *, gazetteer: Any = None) -> list[DistanceClaim]:
    """Find and check every distance claim in ``article``.

    Parameters
    ----------
    article
        The article to check.
    places
        Resolved places; when ``None``, :func:`controlmap.geoparse.geoparse` is run.
    gazetteer
        Passed to the geoparser and used for "the capital".

    Returns
    -------
    list of DistanceClaim
        Checked claims in text order. A wrong claim is a finding, not an error: nothing is raised.
    """
    if places is None:
        from .geoparse import geoparse  # imported here so the parser is usable without the index

        if gazetteer is None:
            from .gazetteer import open_gazetteer

            gazetteer = open_gazetteer()
        places = geoparse(article, gazetteer=gazetteer)
    return [check_claim(c) for c in find_claims(article, places, gazetteer=gazetteer)]


# --------------------------------------------------------------------------- output


def _place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    e = place.entry
    return {"id": e.id, "name": e.name, "text": place.text, "start": place.start, "end": place.end,
            "lat": round(e.lat, 5), "lon": round(e.lon, 5), "kind": e.kind, "country": e.country}


def claim_to_dict(claim: DistanceClaim) -> dict[str, Any]:
    """A JSON-ready dict of ``claim`` (sorted-key friendly; ``None`` where not known)."""
    low, high = claim.interval_km
    return {
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "sentence": {"start": claim.sentence.start, "end": claim.sentence.end, "text": claim.sentence.text},
        "kind": claim.kind,
        "stated": [{"value": s.low if not s.is_range else [s.low, s.high], "unit": s.unit, "text": s.text,
                    "start": s.start, "end": s.end, "km": round(s.km_low, 3) if not s.is_range
                    else [round(s.km_low, 3), round(s.km_high, 3)]} for s in claim.stated],
        "qualifier": claim.qualifier,
        "qualifier_sense": claim.qualifier_sense,
        "interval_km": [round(low, 3), None if high is None else round(high, 3)],
        "direction": claim.direction,
        "direction_deg": claim.direction_deg,
        "from": claim.from_place.entry.id if claim.from_place else None,
        "to": claim.to_place.entry.id if claim.to_place else None,
        "from_place": _place_dict(claim.from_place),
        "to_place": _place_dict(claim.to_place),
        "reference_text": claim.reference_text,
        "geodesic_km": claim.geodesic_km,
        "bearing_deg": claim.bearing_deg,
        "tolerance_km": claim.tolerance_km,
        "direction_tolerance_deg": claim.direction_tolerance_deg,
        "verdict": claim.verdict,
        "reason": claim.reason,
        "units_verdict": claim.units_verdict,
        "units_reason": claim.units_reason,
    }


#: Columns of the CSV output: one row per claim, scalars only.
CSV_FIELDS: list[str] = [
    "source", "start", "end", "text", "sentence_start", "sentence_end", "kind", "stated", "stated_km",
    "qualifier", "interval_low_km", "interval_high_km", "direction", "from", "from_name", "from_lat",
    "from_lon", "to", "to_name", "to_lat", "to_lon", "geodesic_km", "bearing_deg", "tolerance_km",
    "direction_tolerance_deg", "verdict", "reason", "units_verdict", "units_reason",
]


def claim_to_row(claim: DistanceClaim) -> dict[str, Any]:
    """One CSV row (keys are :data:`CSV_FIELDS`) for ``claim``."""
    d = claim_to_dict(claim)
    f, t = claim.from_place, claim.to_place
    return {
        "source": d["source"], "start": d["start"], "end": d["end"], "text": d["text"],
        "sentence_start": claim.sentence.start, "sentence_end": claim.sentence.end, "kind": d["kind"],
        "stated": "; ".join(s.text for s in claim.stated),
        "stated_km": "; ".join(f"{s.km_low:.3g}" if not s.is_range else f"{s.km_low:.3g}-{s.km_high:.3g}" for s in claim.stated),
        "qualifier": d["qualifier"], "interval_low_km": d["interval_km"][0], "interval_high_km": d["interval_km"][1],
        "direction": d["direction"],
        "from": d["from"], "from_name": f.entry.name if f else None, "from_lat": f.entry.lat if f else None,
        "from_lon": f.entry.lon if f else None,
        "to": d["to"], "to_name": t.entry.name if t else None, "to_lat": t.entry.lat if t else None,
        "to_lon": t.entry.lon if t else None,
        "geodesic_km": d["geodesic_km"], "bearing_deg": d["bearing_deg"], "tolerance_km": d["tolerance_km"],
        "direction_tolerance_deg": d["direction_tolerance_deg"], "verdict": d["verdict"], "reason": d["reason"],
        "units_verdict": d["units_verdict"], "units_reason": d["units_reason"],
    }


def claims_to_geojson(claims: Iterable[DistanceClaim]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection: one LineString (lon, lat) from reference to located place per claim.

    Claims without both endpoints have no line and are left out.
    """
    features = []
    for claim in claims:
        if claim.from_place is None or claim.to_place is None:
            continue
        a, b = claim.from_place.entry, claim.to_place.entry
        props = claim_to_dict(claim)
        props.pop("from_place"), props.pop("to_place")
        props["from_name"], props["to_name"] = a.name, b.name
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[round(a.lon, 6), round(a.lat, 6)],
                                                               [round(b.lon, 6), round(b.lat, 6)]]},
            "properties": props,
        })
    return {"type": "FeatureCollection", "features": features}


def exit_code_for(claims: Iterable[DistanceClaim], fail_on: str | None) -> int:
    """Exit status for ``--fail-on``: 0 unless ``fail_on == "inconsistent"`` and a claim is wrong.

    A wrong claim is a finding, not an error, so the default (``None``) is always 0. With
    ``"inconsistent"`` the status is 1 when any claim is overstated, understated,
    direction-wrong or has a units-inconsistent conversion.
    """
    if fail_on is None:
        return 0
    if fail_on != "inconsistent":
        raise ValueError(f"--fail-on takes 'inconsistent', not {fail_on!r}")
    for claim in claims:
        if claim.verdict in INCONSISTENT or claim.units_verdict == "units-inconsistent":
            return 1
    return 0
