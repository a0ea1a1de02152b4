"""Distance claims: what an article says about how far apart places are, checked on the map.

A *claim* is a stated distance found in the text ("Idlib sits just 55km (34 miles) from
Aleppo", "Saraqib, 20km south-east of Idlib", "a strip exceeding 100km"). Each claim keeps
its words (the number as written, its unit, its qualifier, any compass point) and is
attributed, where the sentence allows, to a *reference* place (``from``: "of Idlib", "from
Aleppo") and a *located* place (``to``: "Saraqib, ..." or the subject of "X sits ...").

The model
---------
Distances on the map are geodesics on the WGS-84 ellipsoid, computed after Karney (2013)
by ``geographiclib`` (the library behind :class:`geopy.distance.geodesic`; accurate to
nanometres, where a great circle on a sphere would be off by up to ~0.5 %). One inverse
solution gives the distance and the bearing: the forward azimuth at the reference place,
clockwise from true north.

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

Nearness said in words is a claim too when it relates two named towns: "A, near B", "A
close to B" hold when the geodesic is at most ``NEAR_KM`` (80 km: news says "near" of
neighbouring towns up to about an hour's drive), "A on the outskirts of B", "a suburb of",
"just outside" at most ``OUTSKIRTS_KM`` (15 km), each plus the places' extent; up to 1.5
times that is ``understated``, further a likelier resolution error (``unverifiable``). These
``proximity`` claims have no stated figure.

Compass points (8 or 16 of them) are checked against the bearing only when the distance
holds: a direction off by more than 67.5 degrees (three sixteenths of a turn: a named point
covers +/-11.25 degrees, and writers use the eight main points loosely) plus the angle
the places' extent subtends at that distance gives ``direction-wrong``.

A parenthesised conversion ("55km (34 miles)") is one claim stated twice; the two
statements are checked against each other on their own (``units_verdict``): they agree
when they differ by at most 5 % plus half a unit of each figure's last digit (55 km =
34.2 mi; 100 km = 62.1 mi, so "60 miles" is a rounding; 90 km is not 50 miles).

Feet and yards count only where the words after them make a distance from something ("300
yards from the embassy", "500 feet north of"); otherwise they are depths, heights and lengths.
"The 16th parallel" is a line: the distance to it runs along the meridian to its nearest point.

Verdicts: ``consistent``, ``overstated``, ``understated``, ``direction-wrong`` and
``unverifiable`` (no endpoints, a place not resolved, an area rather than a point, a border
without geometry, a race course). ``verdict`` is always one clean word; the nuance is in
``reason``. When the map distance and the figure differ more than fourfold, a wrong namesake
is likelier than a wrong report (a "Paris" resolved to Texas): the geoparser's runner-up is
tried, then the namesake in the other endpoint's country ("Vernon, 80 km northwest of Paris"
is the Vernon in France), and if that does not fit either the claim is ``unverifiable`` and the
reason says why. Unless no namesake can be blamed: when both endpoints lie in one country and
each is the likelier reading with no runner-up further than ``SAME_PLACE_KM`` away (a city's
own governorate is no namesake), the figure is wrong, and the verdict says so ("Idlib lies
300km from Aleppo" is ``overstated``). An endpoint resolved to a country or province is read as its namesake town
where there is one ("600 miles west of Buenos Aires"), unless the text calls it the area ("in
the province of Chalatenango"); "here" is the wire dateline's town. A name in the frame of a
claim that the geoparser skipped here but resolved elsewhere in the article ("Swanton is about
20 miles west of Toledo") is read as that place. "X sits across the lake from Burundi's main city
Y, about 25 km away" measures from Y to X (a compass point there, "just north of the Russian-held
city of Y", makes it an offset), and "the city" ("30 km north of the city") is the last town the
sentence named before, other than the place the figure locates. "Khan Younis, some 8km to the
north-east" (no "of") measures from the town the text named just before, and "the regional
(state, provincial) capital" is the town the article calls so or the division's namesake
town ("Sudzha, ... of the regional capital" is Kursk), never the national capital. An offset that
opens a sentence ("Some 20km to the south, the town of Tokmak ...") locates the town after its
comma, from the town named just before. "N km from A to B" measures A to B, not from the subject.

What a town's name only qualifies is not the town: a facility after it ("from the Zaporizhzhia
nuclear plant", which is in Enerhodar) leaves the reference unresolved, a possessive passes to
what follows ("of Iraq's second city of Basra", "of Syria's capital"), and a name in an
apposition's noun phrase ("Alvin, Texas, a Houston suburb some 1,200 miles from") is not the
located place. A valley or oasis the gazetteer lacks is the town of its name in the reference's
country ("the Huaral Valley, 80 kilometres north of the capital Lima" is Huaral), said in the
reason. In lower-case wire copy the ends of a line ("a 267-klm pipeline connecting nuevo teapa
... and salina cruz") are looked up as towns, kept only when both are towns of one country.
Borders, front lines and coasts ("50 nautical miles off the coast of Yemen") have no geometry:
the reason names which. So do the fences, boundaries and ceasefire lines that mark them ("the
line of contact", "the Blue Line"); a place named inside such words only names the line ("1km
from the Gaza border" is not 1 km from the town of Gaza), and a line that "runs for 1,000km from
Kharkiv to Kherson" is a length, its ends no measure. "Some 600km separate A from B" and "A and
B are separated by 60km" relate two places as "apart" does; "25km outside Kyiv" measures from
Kyiv. A range may carry its unit twice ("15km to 20km"), and "a mile and a half" is 1.5 miles. A race course stays ``unverifiable`` but gives the geodesic between its
ends, which the course can never be shorter than.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from geographiclib.geodesic import Geodesic

from .article import Article
from .gazetteer import GazetteerEntry, name_key
from .geoparse import Place
from .text import Sentence, split_sentences

__all__ = [
    "CSV_FIELDS",
    "INCONSISTENT",
    "DistanceClaim",
    "Statement",
    "VERDICTS",
    "check_claim",
    "claim_to_dict",
    "claim_to_row",
    "claims_to_geojson",
    "exit_code_for",
    "find_claims",
    "parse_quantities",
    "verify_distances",
]

VERDICTS = ("consistent", "overstated", "understated", "direction-wrong", "unverifiable")
#: Verdicts that ``--fail-on inconsistent`` treats as findings worth a non-zero exit.
INCONSISTENT = frozenset({"overstated", "understated", "direction-wrong"})

#: Kilometres per unit. "nm" is left out on purpose (in news it is as often nanometres). Feet
#: and yards mostly measure depths, heights and rooms, so they count only where the words
#: after them make a distance from something ("300 yards from the embassy", see ``_SHORT_UNIT_CONTEXT``).
UNIT_KM: dict[str, float] = {"km": 1.0, "mi": 1.609344, "m": 0.001, "nmi": 1.852, "ft": 0.0003048,
                             "yd": 0.0009144}

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
FROM_TO_REACH = 45  # characters from a road/route figure to its "from A to B"
IMPLAUSIBLE_RATIO = 4.0  # beyond this, suspect the resolution before the reporter
# "near", "close to", "outside": news says it of neighbouring towns up to about an hour's drive
# (Reuters: "Huancayo, near Chacapalca", 70 km); further off, writers name the region instead.
NEAR_KM = 80.0
OUTSKIRTS_KM = 15.0  # "on the outskirts of", "a suburb of": at the edge of the town's built-up area
PROXIMITY_IMPLAUSIBLE = 1.5  # "near" a town this many times its reach away: suspect the resolution

_AREA_KINDS = frozenset({"country", "admin1", "admin2", "region"})

# --------------------------------------------------------------------------- numbers

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90}
# "two dozen", "half a dozen": dozens are counted in small numbers ("a few dozen" is no figure)
_DOZENS = r"(?:half\s+a|a|two|three|four|five|six)\s+dozen"
# "a mile", "less than a kilometre": the article is the figure one, but only right before a
# unit written out ("a m" or "a ft" would be letters, not a distance), and not before a unit
# joined to an adjective: in "a mile-long convoy" the article is the convoy's, no figure ("a
# 40-mile-long convoy" keeps its written figure, 40).
_ONE_UNIT = r"an?(?=\s+(?:nautical\s+mile|mile|kilomet(?:re|er))\b(?![-‑]))"
_WORD_NUMBER = (
    r"(?:%s|(?:%s)(?:[- ](?:%s))?|%s|a\s+hundred|a\s+thousand|half\s+a|%s)"
    % (_DOZENS, "|".join(_TENS_WORDS), "|".join(list(_UNITS_WORDS)[:9]),
       "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)), _ONE_UNIT)
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# "two and a half miles"; "a mile and a half" puts the half after the unit (see parse_quantities)
_NUMBER = rf"(?:(?:{_DIGITS}|{_WORD_NUMBER}\b)(?:\s+and\s+a\s+half\b)?)"
_HALF_AFTER_UNIT = re.compile(r"\s+and\s+a\s+half\b", re.I)
# "10-15km", "80 to 120 km", and "between 80 and 120 km": "and" joins the bounds only after
# "between" ("20 and 30 km" alone is two figures), and "between" is taken only with both.
_RANGE = (rf"(?:(?P<between>between)\s+(?={_NUMBER}\s+and\s+{_NUMBER}))?(?P<low>{_NUMBER})"
          rf"(?:\s*(?:-|–|—|to|or|(?(between)and|(?!)))\s*(?P<high>{_NUMBER}))?")
_UNIT = (r"(?P<unit>nautical\s+miles?|nmi\b|kilomet(?:re|er)s?\b|klms?\b|kms?\b|miles?\b|mi\b"
         r"|metres?\b|meters?\b|m\b|feet\b|foot\b|ft\b|yards?\b|yds?\b)")
_QUANTITY = re.compile(rf"(?<![\w$£€.,]){_RANGE}(?:\s*|-)(?:{_UNIT})", re.I)
# The same pattern for a lower-case copy of the text: an ignore-case search compares every
# character both ways and is twice as slow, and most articles state no distance at all.
_QUANTITY_LOWER = re.compile(_QUANTITY.pattern)

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

# Quantities that are not distances between places: speeds, areas, money ("$5m", "dollars
# 900m"), depths and heights ("three km underground", "an altitude of 30,000 metres").
_NOT_DISTANCE_AFTER = re.compile(
    r"^(?:\s*(?:/|per\b|an?\s+hour|a\s+day)|2\b|²|\s*sq\b"
    r"|\)?[\s-]+(?:underground|deep(?!\s+(?:into|inside|in|behind|within|and\s+(?:\w+\s+)?\d[\d.,]*\s*\w+\s+wide)\b)"
    r"|high|tall|above|below|in\s+diameter"
    r"|of\s+altitude|up\b|down\b)"
    # the length of a column of vehicles or people, not of ground: "a 2km-long convoy", "a 40-mile queue"
    r"|\)?(?:[\s-]+long)?[\s-]+(?:\w+\s+)?(?:convoy|column|queue|tailback|traffic\s+jam|line\s+of\s+"
    r"(?:vehicles|trucks|lorries|cars|tanks|people|refugees))s?\b)", re.I)
_NOT_DISTANCE_BEFORE = re.compile(
    r"(?:square|sq\.?|cubic)\s*$|[$£€]\s*$|\b(?:dollars?|euros?|pounds?|yen|francs?|marks?|dlrs|stg|usd|eur|gbp|us\$)\s*$"
    r"|\b(?:altitude|depth|height|elevation|depths|heights)\s+of\s+(?:(?:up\s+to|about|some|over|around)\s+)?$", re.I)
# A bare "m" is a distance only where the words around say so ("100m away", "(300m)").
_METRES_CONTEXT = re.compile(r"^\s*(?:\)|away|from|long|wide|deep|high|tall|north|south|east|west|of\s+the|inland|offshore)", re.I)
# Feet and yards are a distance only when a place or a point follows: "away", "from", "of the
# embassy", "north of", "short of", or a closing bracket (a conversion). "739 feet of water",
# "a 10-foot-long island" and "30,000 feet" stay out.
_SHORT_UNIT_CONTEXT = re.compile(
    r"^\s*(?:[)\]]|away\b|from\b|of\s+(?:the\s+)?[A-Z]|of\s+the\b|short\s+of\b|(?:to\s+the\s+|due\s+)?"
    r"(?:north|south|east|west)|inside\b|outside\b|behind\b|beyond\b|offshore\b)")


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
    if word.endswith(" and a half"):  # "two and a half"
        return number_value(word[:-len(" and a half")]) + 0.5
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", word):
        return float(word.replace(",", ""))
    special = {"a hundred": 100, "a thousand": 1000, "a dozen": 12, "half a dozen": 6, "half a": 0.5, "a": 1, "an": 1}
    if word in special:
        return float(special[word])
    dozens = re.fullmatch(r"(\w+) dozen", word)
    if dozens and dozens.group(1) in _UNITS_WORDS:  # "two dozen"
        return 12.0 * _UNITS_WORDS[dozens.group(1)]
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
    if word.startswith("f"):
        return "ft"
    if word.startswith("y"):
        return "yd"
    return "m"


def _after_conversion(after: str) -> str:
    """The words after a figure, past its parenthesised conversion ("100 yards (91 metres) from")."""
    return re.sub(r"^\s*[(\[][^)\]]{0,30}[)\]]", "", after)


def parse_quantities(text: str, offset: int = 0) -> list[Statement]:
    """Every distance quantity in ``text`` (speeds, areas and money left out), in order.

    ``offset`` is added to the spans so that a sentence's quantities index the article.
    """
    out: list[Statement] = []
    for match in _QUANTITY.finditer(text):
        before, after = text[max(0, match.start() - 40):match.start()], text[match.end():match.end() + 20]
        if _NOT_DISTANCE_AFTER.match(after) or _NOT_DISTANCE_BEFORE.search(before):
            continue
        if match.group("low")[0].isupper() and match.group("unit")[0].isupper():
            continue  # "Ten Mile", "Seven Mile Beach": a name, not a distance
        unit = _unit_code(match.group("unit"))
        if unit == "m" and (match.group("unit").lower() == "m") and (
                not re.fullmatch(_DIGITS, match.group("low")) or not _METRES_CONTEXT.match(after)):
            continue
        if unit in ("ft", "yd") and not _SHORT_UNIT_CONTEXT.match(
                _after_conversion(text[match.end():match.end() + 60])):
            continue
        low = number_value(match.group("low"))
        high = number_value(match.group("high")) if match.group("high") else low
        end = match.end()
        half = _HALF_AFTER_UNIT.match(text, end)
        if half is not None and low == high and low == int(low):  # "a mile and a half"
            low = high = low + 0.5
            end = half.end()
        if high < low:  # "10 or 5 km" is not a range we understand
            high = low
        out.append(Statement(offset + match.start(), offset + end, text[match.start():end], low, high, unit))
    return _join_ranges(text, out, offset)


# Between two figures that each carry their unit, the words that make them one range: "15km to
# 20km", "15km-20km", "between 10km and 15km" ("and" only after "between").
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to)\s*$", re.I)


def _join_ranges(text: str, statements: list[Statement], offset: int) -> list[Statement]:
    """Merge "15km to 20km" (two figures, one unit each) into the one range it states."""
    out: list[Statement] = []
    for statement in statements:
        last = out[-1] if out else None
        if last is not None and not last.is_range and not statement.is_range and last.unit == statement.unit \
                and statement.low > last.low:
            gap = text[last.end - offset:statement.start - offset]
            between = re.search(r"\bbetween\s+$", text[max(0, last.start - offset - 9):last.start - offset], re.I)
            if _RANGE_JOIN.fullmatch(gap) or (between and re.fullmatch(r"\s+and\s+", gap)):
                out[-1] = Statement(last.start, statement.end, text[last.start - offset:statement.end - offset],
                                    last.low, statement.high, last.unit)
                continue
        out.append(statement)
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
    rf"^\s*(?:(?!north|south|east|west)\w+\s+)?(?:(?P<to>to\s+the\s+)|due\s+)?(?P<dir>{_DIRECTION})(?:ward|erly)?(?:\s+(?P<rel>of|from))?\b", re.I)


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
        ... from A to B", "within X of the border"), ``proximity`` ("A, near B", no figure)
        or ``lone`` (no endpoints).
    stated
        Every statement of the value; a second one is the parenthesised conversion. Empty for
        a ``proximity`` claim, whose bound comes from its words (``interval_km``).
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
_ROUTE_NOUNS = r"pipeline|line|link|linkup|canal|cable|tunnel|corridor|route|border|frontier|front[\s-]*line|front|stretch|strip"
_COURSE_WORDS = re.compile(r"\b(?:covered|race|stage|marathon|course|lap|ran|cycled|swam)\b", re.I)
# One word may stand before the noun ("the 120km coastal road"), but not the first half of
# "front line": "a 1,200km front line" is a front's length, not a "line" from A to B.
_NOUN_AFTER = re.compile(
    rf"^(?:[\s-]*long)?[\s-]*(?:(?!front[\s-]+line\b)\w+\s+)?(?P<noun>{_ROAD_NOUNS}|{_ROUTE_NOUNS})\b", re.I)
#: Lines whose length is no distance between the places they run past: a border or a front
#: "from Kharkiv to Kherson" winds along the ground, and its ends are not its measure.
_LONE_LINE_NOUNS = ("border", "frontier", "front", "front line", "stretch", "strip")
# A line as the subject of a verb of extent: "the front line runs for", "the border stretches".
_LINE_SUBJECT = re.compile(
    r"\b(?P<line>front[\s-]*line|front|border|frontier|coastline|strip|corridor)\s+(?:now\s+|still\s+)?"
    r"(?:runs?|ran|stretch(?:es|ed)?|extends?|extended|snakes?|snaked|winds?|wound)\s+(?:for\s+|some\s+)?$", re.I)
_BY_ROAD = re.compile(r"\b(?:by\s+road|by\s+car|by\s+rail|drive|driving|drove|road\s+distance)\b", re.I)
_CONVERSION = re.compile(r"^\s*[(\[]\s*(?P<qual>(?:[a-z]+\s+){0,2}?)(?=[\d\w])", re.I)
# "off" as sailors use it: "50 nautical miles off the coast of Yemen", "20 miles off Odesa"
# "25km outside Kyiv" measures from Kyiv as "from" does ("outside of" too: not the "of" of a length)
_FROM_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:away\s+)?(?P<rel>from|outside(?:\s+of)?|of|off)\b", re.I)
# "20 km further south": like "to the south", from the town the text was about
_FURTHER = re.compile(r"^\s*(?:further|farther)\s", re.I)
_APART_AFTER = re.compile(r"^\s*apart\b", re.I)
_AWAY_AFTER = re.compile(r"^\s*away\b", re.I)
_CAPITAL = re.compile(r"^\s*the\s+(?:\w+\s+)?capital\b(?:\s+city)?", re.I)
# The capital of a division, never the national one: "the regional capital", "the state capital".
_DIVISION_CAPITAL_WORDS = (r"regional|provincial|state|district|county|oblast|governorate|departmental|prefectural"
                           r"|territorial|cantonal")
_DIVISION_CAPITAL = re.compile(rf"^\s*(?P<words>the\s+(?P<adj>{_DIVISION_CAPITAL_WORDS})\s+capital\b)", re.I)
# Lines news measures from: borders and the fences and boundaries that mark them ("the Gaza
# perimeter fence"), front and ceasefire lines ("the line of contact", "the Blue Line"), coasts.
_LINE_WORDS = (r"border|frontier|boundary|front[\s-]*line|line\s+of\s+(?:contact|control)|contact\s+line"
               r"|(?:ceasefire|cease-fire|demarcation|armistice|blue|green)\s+line|(?:perimeter\s+|border\s+)?fence"
               r"|perimeter|barrier|coast(?:line)?|shore(?:line)?")
_BORDER = re.compile(rf"^\s*(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}(?P<line>{_LINE_WORDS})\b", re.I)
#: The lines a figure may measure from, as a reason names them: the gazetteer has points only.
_LINE_REFERENCES = {"border": "border", "frontier": "border", "boundary": "border", "front line": "front line",
                    "frontline": "front line", "line of contact": "front line", "contact line": "front line",
                    "line of control": "ceasefire line", "ceasefire line": "ceasefire line",
                    "cease-fire line": "ceasefire line", "demarcation line": "ceasefire line",
                    "armistice line": "ceasefire line", "blue line": "ceasefire line", "green line": "ceasefire line",
                    "fence": "border fence", "perimeter fence": "border fence", "border fence": "border fence",
                    "perimeter": "border fence", "barrier": "border fence",
                    "coast": "coast", "coastline": "coast", "shore": "coast", "shoreline": "coast"}
# "the Israeli border town of Metula", "the frontline city of Pokrovsk": "border" describes a
# settlement named next, which is the reference, not the border itself.
_BORDER_SETTLEMENT = re.compile(
    r"^[\s-]*(?:town|city|village|hamlet|settlement|community|kibbutz|port|district)\b(?:\s+of)?\s*,?\s*$", re.I)
_HERE = re.compile(r"^\s*here\b", re.I)
# Between a located place and its figure: ", ", " sits ", " is located ", ", which lies ".
_SUBJECT_GAP = re.compile(
    r"^\s*(?:,\s*)?(?:(?:which|that|who)\s+)?(?:(?:is|are|was|lies|lie|sits|sit|stands|located|situated|lying|"
    r"being|just|only|some|about|roughly|nearly|almost|approximately|around|the|a|an)\s*,?\s*)*$", re.I)
#: What stands before a place named only to measure from: a bearing ("210km north of") or a
#: figure ("90km from Sudzha", "20 miles away from"). The event extractor uses it too: "it"
#: does not point back to such a place.
MEASURED_FROM_BEFORE = re.compile(
    rf"(?:\b{_DIRECTION}(?:ward|erly)?\s+of|(?<![a-z])(?:km|kms|kilomet(?:re|er)s?|miles?|mi|metres?|meters?)\s+"
    r"(?:away\s+)?(?:from|of))\s+(?:the\s+(?:\w+\s+)?(?:of\s+)?)?$", re.I)
#: What stands before the place a trailing "N km away" measures from: "from", or a compass
#: point and "of", then up to four words of description ("from Burundi's main city", "just
#: north of the Russian-held city of"), none a preposition or conjunction that opens another phrase.
_REFERENCE_BEFORE_AWAY = re.compile(
    rf"\b(?:from|(?P<dir>{_DIRECTION})(?:ward|erly)?\s+of)\s+"
    r"(?:(?!(?:from|to|into|in|on|at|near|and|or|but|while|as|after|before|with|by)\b)[\w'’-]+\s+){0,4}$", re.I)
# The subject of "X sits across the Nile from Y, N km away" is followed by its verb or an
# apposition; a name followed by a noun qualifies it ("the Orange line is available from
# Centreville, 12 miles away": the figure locates Centreville from where the article is).
_SUBJECT_THEN_VERB = re.compile(
    r"\s*(?:,|(?:which\s+|that\s+)?(?:is|are|was|were|lies|lie|lay|sits|sit|sat|stands|stand|stood|"
    r"located|situated|remains?)\b)", re.I)
_ROAD_BEFORE = re.compile(rf"\b(?:{_ROAD_NOUNS})\s+(?:to|from|between)\s+$", re.I)
# "the Murchison goldfield 540 km north of Perth": the place names a feature the gazetteer
# lacks, so it must not stand in for it. So does a name with a block or well code after it
# ("Lufeng 13-1-1, 250 km south-east of Shenzhen" is an offshore well, not the town Lufeng).
_FEATURE_AFTER = re.compile(
    r"^\s+(?:(?:[a-z]+\s+)?(?:goldfield|oilfield|oil\s+field|gas\s+field|field|mine|base|basin|platform|well|"
    r"camp|rigs?|terminal|epicent(?:re|er))\b|[A-Z]?\d+(?:-[A-Z]?\d+)+\b)")
_DATELINE_CHARS = 80  # a wire dateline ("LIMA, March 3 -") opens the text


_PART_OF_TOWN = re.compile(r"\s*the\s+(?:centre|center|heart|edge|outskirts|suburbs)\s+of\b", re.I)


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


# What opens an aside between commas after a name: an apposition (", an industrial city near
# Kramatorsk,", ", home to the Black Sea Fleet,"), a relative clause (", which links the
# peninsula to Russia's Krasnodar region,") or where the name lies (", in North Kivu,").
_ASIDE_OPENER = re.compile(
    rf"^\s*(?:a|an|the|which|who|whose|that|where|home\s+to|once|now|long|itself|one\s+of|in|near|close\s+to|"
    rf"outside|not\s+far\s+from|just|{_DIRECTION}(?:ward|erly)?\s+of)\b", re.I)
# The verb after the aside's closing comma: the aside stood between the subject and its verb.
_VERB_AFTER_ASIDE = re.compile(r"\b(?:is|are|was|were|lies|lie|lay|sits|sit|stands|stand|located|situated)\b", re.I)
# Words of the head's noun phrase after its place name: "The Kerch bridge, which ...".
_HEAD_TAIL = re.compile(r"^(?:\s+[\w'’-]+){0,2}\s*$")


@dataclass(frozen=True)
class _Aside:
    """An aside between commas that parts a subject from its verb: ``X, <aside>, lies ...``."""

    start: int  # its opening comma
    end: int  # its closing comma
    head: Place | None  # the place it describes, when the subject is one


def _aside_before(text: str, places: list[Place], position: int, sentence: Sentence) -> _Aside | None:
    """The aside whose closing comma is followed by the verb before the figure at ``position``.

    In "Kostiantynivka, an industrial city near Kramatorsk, lies 18km north-west of Toretsk",
    the figure locates Kostiantynivka: Kramatorsk only describes it. An aside right before
    the figure ("Kavumu, about 30 km north of the city") is the figure's own apposition, so
    a verb must follow the closing comma.
    """
    head_text = text[sentence.start:position]
    close = head_text.rfind(",")
    if close < 0:
        return None
    gap = head_text[close + 1:]
    if not _SUBJECT_GAP.match(gap) or not _VERB_AFTER_ASIDE.search(gap):
        return None
    open_ = head_text.rfind(",", 0, close)
    if open_ < 0 or not _ASIDE_OPENER.match(head_text[open_ + 1:close]) or re.search(r"[;:()]", head_text[open_:close]):
        return None
    start, end = sentence.start + open_, sentence.start + close
    head = None
    for place in places:
        if sentence.start <= place.start and place.end <= start and _HEAD_TAIL.match(text[place.end:start]):
            head = place
    return _Aside(start, end, head)


def _in_aside(place: Place, aside: _Aside | None) -> bool:
    return aside is not None and aside.start < place.start and place.end <= aside.end


def _located_before(text: str, places: list[Place], position: int, sentence: Sentence,
                    exclude: Iterable[Place]) -> Place | None:
    """The place a figure at ``position`` locates: the subject or appositive just before it.

    Prefers a place separated from the figure only by ", ", "is", "sits"... ("Bouira, about
    100 km"); else the nearest earlier place in the sentence that is not itself the reference
    of another offset ("Tarutung, south of the city of Medan and about 560 km west of ...").
    The places in an aside between the subject and its verb describe the subject and are
    never the located place ("Sevastopol, home to the Black Sea Fleet, lies ...").
    """
    excluded = {id(p) for p in exclude}
    aside = _aside_before(text, places, position, sentence)
    if aside is not None and aside.head is not None and id(aside.head) not in excluded \
            and not _places_the_subject(text, aside.head, sentence):
        return aside.head
    before = [p for p in places if sentence.start <= p.start and p.end <= position and id(p) not in excluded
              and not _in_aside(p, aside)]
    for place in reversed(before):
        if _SUBJECT_GAP.match(text[place.end:position]) and not _places_the_subject(text, place, sentence) \
                and not _modifies_a_noun(text, place, sentence):
            return place
    for place in reversed(before):
        if position - place.end > 160:
            break
        if _FEATURE_AFTER.match(text[place.end:position]):
            return None
        if place.entry.kind == "country":  # "Peru has found gold ... 1,000 km north of here"
            continue
        if _places_the_subject(text, place, sentence):
            continue
        if MEASURED_FROM_BEFORE.search(text, max(sentence.start, place.start - 40), place.start):
            continue  # "Kursk is 90km from Sudzha and 500km south-west of Moscow": Sudzha is a reference
        if _ROAD_BEFORE.search(text[max(sentence.start, place.start - 30):place.start]):
            continue
        if _modifies_a_noun(text, place, sentence):
            continue
        if place.entry.kind in _AREA_KINDS and any(
                re.fullmatch(r",\s*", text[p.end:place.start]) and p.entry.kind not in _AREA_KINDS for p in before):
            continue  # the state or country of the town before it ("Alvin, Texas")
        return place
    return None


# A name in an apposition's noun phrase is a modifier ("Alvin, a Houston suburb"); "the Trail
# smelter" is in Trail and stands for it.
_NAME_AS_MODIFIER = re.compile(r",\s*an?\s+$", re.I)
_NOUN_AFTER_MODIFIER = re.compile(r"\s+[a-z][\w-]*\b(?!\s+of\b)")


def _modifies_a_noun(text: str, place: Place, sentence: Sentence) -> bool:
    """Whether ``place`` only qualifies the noun of an apposition ("Alvin, Texas, a Houston suburb
    some 1,200 miles from ..."): that noun phrase describes the subject before it, which the
    figure locates. The geoparser may take the noun into the span ("Houston suburb")."""
    return _NAME_AS_MODIFIER.search(text, max(sentence.start, place.start - 8), place.start) is not None and (
        _NOUN_AFTER_MODIFIER.match(text, place.end) is not None or re.search(r"\s[a-z]+$", place.text) is not None)


#: A preposition before an area that says where the subject lies ("on the shore of Lake Kivu",
#: "near the border with Chad", "in Russia's Kursk region": a country's possessive may stand between).
_AREA_OBJECT_BEFORE = re.compile(
    r"\b(?i:of|in|on|at|along|near|across|with)\s+(?i:the\s+)?(?:[A-Z][\w-]*['’]s?\s+)?$")

def _places_the_subject(text: str, place: Place, sentence: Sentence) -> bool:
    """Whether ``place`` is an area after a preposition, saying where the subject lies: "Goma
    sits on the shore of Lake Kivu, 100 miles north of ..." locates Goma, not the lake."""
    return place.entry.kind in _AREA_KINDS and _AREA_OBJECT_BEFORE.search(
        text, max(sentence.start, place.start - 30), place.start) is not None


# What may stand between "from"/"to" and the place: "the Bulgarian port of", "the city of".
_SHORT_LEAD = re.compile(r"^\s*(?:[\w.'’-]+\s+){0,5}$")


def _from_to_after(text: str, places: list[Place], position: int, stop: int) -> tuple[Place | None, Place | None]:
    """Endpoints of "from A to B" (or "between A and B", "connecting A and B") after ``position``."""
    window = text[position:stop]
    # The endpoints must follow the figure closely ("the 912km pipeline will run from"); further
    # on, "from" belongs to another clause ("closure will affect people travelling from").
    match = re.search(r"\b(?:from|between|connecting|linking)\b", window[:FROM_TO_REACH], re.I)
    if not match or re.search(r"\d", window[:match.start()]):
        return None, None
    start = position + match.end()
    first = _place_after(places, start, 60, stop)
    if first is None or not _SHORT_LEAD.match(text[start:first.start]):
        return None, None
    link = re.search(r"\b(?:to|and|with)\b", text[first.end:stop], re.I)
    if not link:
        return first, None
    second = _place_after(places, first.end + link.end(), 60, stop)
    if second is None or not _SHORT_LEAD.match(text[first.end + link.end():second.start]):
        return first, None
    return first, second


# "connecting nuevo teapa in the oil-rich state of veracruz and salina cruz": the ends of a line
# in lower-case wire copy, each up to three words before the phrase that follows it.
_LOWER_ENDS = re.compile(
    r"\s*(?:from|between|connecting|linking)\s+(?P<a>[a-z]+(?:\s+[a-z]+){0,2}?)(?=\s*(?:,|\bin\b|\bto\b|\band\b|\bwith\b))"
    r"(?:[^,.;]{0,60}?)\b(?:to|and|with)\s+(?P<b>[a-z]+(?:\s+[a-z]+){0,2}?)(?=\s*(?:$|[,.;]|\bin\b|\bon\b|\bat\b))")
_NOT_A_NAME = frozenset({"the", "a", "an", "its", "their", "north", "south", "east", "west", "oil", "gas", "field",
                         "fields", "port", "ports", "city", "town", "coast", "border", "here", "there"})


def _lower_case_ends(scope: _Scope, position: int) -> tuple[Place | None, Place | None]:
    """Both ends of a line the geoparser could not see because the copy is in lower case.

    Reuters sent some 1987 stories in lower case ("a 267-klm pipeline connecting nuevo teapa
    ... and salina cruz"); names there are looked up as towns, and kept only when both are
    towns of one country. A sentence with capitals after its first word is left to the geoparser.
    """
    sentence, gazetteer = scope.sentence, scope.gazetteer
    if gazetteer is None or not hasattr(gazetteer, "lookup") or re.search(r"[A-Z]", sentence.text[1:]):
        return None, None
    window = scope.text[position:sentence.end]
    lead = re.search(r"\b(?:from|between|connecting|linking)\b", window[:FROM_TO_REACH])
    match = _LOWER_ENDS.match(scope.text, position + lead.start() - 1, sentence.end) if lead else None
    if match is None or any(w in _NOT_A_NAME for w in (match.group("a") + " " + match.group("b")).split()):
        return None, None
    found = {}
    for role in ("a", "b"):
        found[role] = {e.country: e for e in sorted(gazetteer.lookup(match.group(role), kind="city"),
                                                    key=lambda e: e.population)}
    common = set(found["a"]) & set(found["b"])
    if len(common) != 1:
        return None, None
    country = common.pop()
    a, b = (Place(start=match.start(role), end=match.end(role), text=match.group(role), entry=found[role][country],
                  sentence=sentence, source=scope.source, confidence=0.5) for role in ("a", "b"))
    return a, b


def _country_in_play(places: list[Place]) -> str | None:
    counts = Counter(p.entry.country for p in places if p.entry.country)
    return counts.most_common(1)[0][0] if counts else None


def _demonym_country(gazetteer: Any, words: str) -> str | None:
    """The country a demonym in ``words`` names ("the Syrian capital": SY), or ``None``."""
    if gazetteer is None or not hasattr(gazetteer, "demonyms"):
        return None
    found = gazetteer.demonyms({name_key(w) for w in re.findall(r"[A-Z][a-z]+", words)})
    return next(iter(found.values()), None)


def _capital_place(gazetteer: Any, places: list[Place], start: int, end: int, text: str,
                   sentence: Sentence, source: str, country: str | None = None) -> Place | None:
    country = country or _country_in_play(places)
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
    starts = [p.start for p in places]
    sentences = split_sentences(text)
    claims: list[DistanceClaim] = []
    # Most articles state no distance: one search of the whole text spares a scan per sentence.
    lower = text.lower()
    any_quantity = (_QUANTITY_LOWER.search(lower) if len(lower) == len(text) else _QUANTITY.search(text)) is not None
    for sentence in sentences:
        # the sentence's places by bisection: a long document has thousands
        first, last = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        if last - first < 2 and not any_quantity:
            continue  # (no figure, and a claim in words needs two places: most sentences)
        in_sentence = [p for p in places[first:last] if p.end <= sentence.end]
        quantities = parse_quantities(sentence.text, sentence.start) if any_quantity else []
        found = [_claim(article, sentence, statements, in_sentence, places, gazetteer)
                 for statements in _merge_conversions(text, quantities)]
        found += [shared for claim in found for shared in _shared_figure(text, claim, in_sentence)]
        found += [c for c in _proximity_claims(article, sentence, in_sentence)
                  if not any(c.start < f.end and f.start < c.end for f in found)]
        claims.extend(sorted(found, key=lambda c: c.start))
    return claims


#: A second town sharing a figure "to" the first: "20-25 km to Druzhkivka and Kramatorsk".
_AND_NEXT = re.compile(r"\s+and\s+(?:the\s+(?:town|city|village)\s+of\s+)?")


def _shared_figure(text: str, claim: DistanceClaim, in_sentence: list[Place]) -> list[DistanceClaim]:
    """The claim a figure makes of a second town joined to its own by "and", when the figure
    measures to its town from a subject told apart ("It is 20-25 km to Druzhkivka and
    Kramatorsk": Kramatorsk is 20-25 km away too). Its words are "and Kramatorsk"."""
    to = claim.to_place
    if claim.kind != "between" or to is None or claim.from_place is None or claim.end != to.end \
            or not _TO_PLACE_AFTER.fullmatch(text, claim.stated[-1].end, to.start):
        return []
    joined = _AND_NEXT.match(text, to.end)
    other = _place_after(in_sentence, joined.end(), 1, claim.sentence.end) if joined else None
    if other is None or other.entry.kind in _AREA_KINDS or other.entry.id in (to.entry.id, claim.from_place.entry.id):
        return []
    start = to.end + len(joined.group(0)) - len(joined.group(0).lstrip())
    return [replace(claim, start=start, end=other.end, text=text[start:other.end], to_place=other,
                    notes=[*claim.notes, f"the figure before {to.text} measures to {other.text} too"])]


# "Saraqib, on the outskirts of Idlib", "Huancayo, near Chacapalca": a distance said in words.
_PROXIMITY_PHRASES: dict[str, float] = {
    "on the outskirts of": OUTSKIRTS_KM, "in the outskirts of": OUTSKIRTS_KM, "on the edge of": OUTSKIRTS_KM,
    "a suburb of": OUTSKIRTS_KM, "in the suburbs of": OUTSKIRTS_KM, "just outside": OUTSKIRTS_KM,
    "near": NEAR_KM, "close to": NEAR_KM, "not far from": NEAR_KM,
}  # a bare "outside" is left out: "in Aleppo outside Damascus's embassy" is no distance
_PROXIMITY_BEFORE = re.compile(
    r"(?:^|[\s,])(?P<phrase>%s)\s+(?:the\s+(?:\w+\s+)?(?:town|city|village|capital|port)(?:\s+of)?\s*,?\s*)?$"
    % "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PROXIMITY_PHRASES, key=len, reverse=True)),
    re.I)
_POINT_KINDS = frozenset({"city", "airport", "feature"})


def _proximity_claims(article: Article, sentence: Sentence, in_sentence: list[Place]) -> list[DistanceClaim]:
    """Claims of nearness between two named towns: "A, near B", "A on the outskirts of B".

    Only a place right before the phrase (its subject or head, as for figures) with a town
    right after it makes a claim: "fighting near Idlib" names one place, and "a village near
    the Turkish border" relates a town to an area, which a point distance cannot check.
    """
    text = article.text
    claims: list[DistanceClaim] = []
    for i, reference in enumerate(in_sentence):
        if i == 0:
            continue  # (no place before it to be near it: spare the search)
        window_start = max(sentence.start, reference.start - 60)
        match = _PROXIMITY_BEFORE.search(text[window_start:reference.start])
        if match is None:
            continue
        phrase_start = window_start + match.start("phrase")
        located = in_sentence[i - 1]
        if located.end > phrase_start or not _SUBJECT_GAP.match(text[located.end:phrase_start]):
            continue
        if located.entry.kind not in _POINT_KINDS or reference.entry.kind not in _POINT_KINDS:
            continue
        phrase = re.sub(r"\s+", " ", match.group("phrase").lower())
        claims.append(DistanceClaim(
            source=article.source, sentence=sentence, start=located.start, end=reference.end,
            text=text[located.start:reference.end], kind="proximity", stated=[], qualifier=phrase,
            qualifier_sense="upper", interval_km=(0.0, _PROXIMITY_PHRASES[phrase]), from_place=reference,
            to_place=located, reference_text=reference.text))
    return claims


@dataclass
class _Scope:
    """What attribution looks at: the article text, one sentence and the places in it."""

    text: str
    source: str
    sentence: Sentence
    in_sentence: list[Place]
    all_places: list[Place]
    gazetteer: Any


@dataclass
class _Attribution:
    """Kind and endpoints of one claim as read from the words around its figures."""

    kind: str
    end: int
    direction: str | None = None
    from_place: Place | None = None
    to_place: Place | None = None
    reference_text: str | None = None
    notes: list[str] = field(default_factory=list)
    start: int | None = None  # where the claim's words begin, when before its figures


def _qualifier(scope: _Scope, statements: list[Statement]) -> tuple[str | None, str, int]:
    """Qualifier words before the figure (or inside its conversion), their sense, and where they start."""
    text, first = scope.text, statements[0]
    head = text[max(scope.sentence.start, first.start - 40):first.start]
    match = _QUALIFIER.search(head)
    if match is None:
        qualifier, start = None, first.start
    else:
        qualifier = re.sub(r"\s+(?:a|an|the)$", "", re.sub(r"\s+", " ", match.group(0).strip()), flags=re.I)
        start = first.start - len(match.group(0))
    sense = _sense_of(qualifier)
    if len(statements) > 1 and sense == "plain":  # "55km (about 34 miles)"
        inner = _QUALIFIER_PART.search(text[statements[0].end:statements[1].start])
        if inner:
            qualifier, sense = inner.group(1), _sense_of(inner.group(1))
    return qualifier, sense, start


def _claim(article: Article, sentence: Sentence, statements: list[Statement], in_sentence: list[Place],
           all_places: list[Place], gazetteer: Any) -> DistanceClaim:
    """Read one claim: its qualifier, kind and endpoints, from the words around ``statements``."""
    scope = _Scope(article.text, article.source, sentence, in_sentence, all_places, gazetteer)
    text = article.text
    end_of_figures = statements[-1].end
    if len(statements) > 1:  # include the closing bracket of the conversion
        close = re.match(r"\s*[)\]]", text[end_of_figures:])
        end_of_figures += close.end() if close else 0
    qualifier, sense, claim_start = _qualifier(scope, statements)
    before = text[sentence.start:claim_start]
    is_range_limit = bool(re.search(r"\brange\s+of\s+(?:up\s+to\s+)?$", before, re.I)
                          or (qualifier and "range" in qualifier.lower()))
    if is_range_limit and sense in ("plain", "just", "approx"):  # "a range of 180 miles" is an upper bound
        sense, qualifier = "upper", qualifier or "range of"

    found = _attribute(scope, claim_start, end_of_figures, sense, is_range_limit)
    if _EPICENTRE_BEFORE.search(text, max(sentence.start, claim_start - _EPICENTRE_REACH), claim_start):
        # "The quake was centred about 32km from Gaziantep, ..., and about 26km from Nurdagi": the
        # figures locate the epicentre, which has no name; Gaziantep is no endpoint of the second
        found.to_place = None
        found.notes.append(EPICENTRE_NOTE)
    window = text[max(sentence.start, claim_start - 30):min(sentence.end, found.end + 30)]
    if found.kind in ("between", "road", "route") and _COURSE_WORDS.search(before[-40:]):
        found.kind = "course"
    if found.kind in ("between", "offset", "lone") and _BY_ROAD.search(window):
        found.notes.append("stated as a road or travel distance")
        if found.kind != "lone":
            found.kind = "road"
    to_place = found.to_place
    if found.start is not None:
        claim_start = found.start
    if found.kind in ("offset", "between", "road") and to_place is not None and to_place.start >= sentence.start \
            and 0 <= claim_start - to_place.end <= 25:
        claim_start = to_place.start  # cover the located place when it is the subject or appositive
    if found.from_place is not None and found.from_place.start >= sentence.start and (
            found.kind == "between" and 0 <= claim_start - found.from_place.end <= 60
            # "... north of the Russian-held city of Donetsk, about 15 km away"
            or found.kind == "offset" and 0 <= claim_start - found.from_place.end
            and not text[found.from_place.end:claim_start].strip(" ,")):
        claim_start = min(claim_start, found.from_place.start)  # "Homs and Hama, some 30 miles apart"

    notes = found.notes
    from_place = _as_point(found.from_place, gazetteer, notes, text)
    to_place = _as_point(to_place, gazetteer, notes, text)
    if to_place is not None and _NAMED_FOR_TOWN.match(to_place.text) and not _NAMED_FOR_TOWN.match(to_place.entry.name):
        notes.append(f"'{to_place.text}' read as the town {to_place.entry.name} ({to_place.entry.id}) it is named after")
    if from_place is not None and from_place.entry.kind == PARALLEL_KIND and to_place is not None:
        from_place = _nearest_point_of_parallel(from_place, to_place)
        notes.append(f"distance to {from_place.entry.name}: measured along the meridian to its nearest point")
    direction = found.direction
    return DistanceClaim(
        source=article.source, sentence=sentence, start=claim_start, end=found.end,
        text=text[claim_start:found.end], kind=found.kind, stated=list(statements), qualifier=qualifier,
        qualifier_sense=sense, interval_km=_interval(statements[0], sense), direction=direction,
        direction_deg=compass_degrees(direction) if direction else None, from_place=from_place,
        to_place=to_place, reference_text=found.reference_text, notes=notes)


#: An earthquake's epicentre as what a figure locates: "The quake was centred about 32km from
#: X", "the epicentre was 10 km north of Y", and a second figure joined to such a first by "and".
_QUAKE = r"\b(?:earthquakes?|quakes?|tremors?|temblors?|aftershocks?|epicent(?:re|er)s?)\b"
_EPICENTRE_VERB = (r"(?:\s+(?:was|were|is|had\s+been|has\s+been))?\s+(?:(?:centred|centered|located|struck|hit|"
                   r"occurred|recorded|measured|struck\s+at|located\s+at)\s+)?")
_EPICENTRE_BEFORE = re.compile(
    rf"{_QUAKE}{_EPICENTRE_VERB}(?:(?:at|about|some|roughly|approximately|around|just|only|nearly)\s+)*$"
    rf"|{_QUAKE}{_EPICENTRE_VERB}[^.;]{{0,160}}\band\s+(?:(?:about|some|roughly|approximately|around|just|only|nearly)\s+)*$",
    re.I)
EPICENTRE_NOTE = "the figure locates an earthquake's epicentre"
#: How far before a figure its earthquake is looked for (a bounded window: searching the whole
#: sentence before every figure is quadratic in a long one).
_EPICENTRE_REACH = 240


# A located place named after its offset: "225 km east of Lima at Chacapalca". Not "in": "60
# miles southwest of Raleigh in North Carolina" says where the reference is.
_AT_AFTER = re.compile(r"^\s*,?\s*at\s+(?:the\s+(?:town|city|village|port)\s+of\s+)?$", re.I)
# A run of capitalised words ("Ridge Farm", "Alliance"), the shape of a place name in prose.
_NAME_RUN = r"[A-Z][\w'’.-]*(?:\s+(?:de|del|la|le|al|el|on|upon|[A-Z][\w'’.-]*))*"
_NAME_AT_START = re.compile(rf"^\s*(?P<name>{_NAME_RUN})")
_NAMES = re.compile(rf"(?<![\w'’.-]){_NAME_RUN}")


#: A town the text refers back to: "about 30 km north of the city", "20 km from the town".
_THE_TOWN = re.compile(r"the\s+(?:city|town|village)", re.I)

def _the_town_named_before(scope: _Scope, found: _Attribution, claim_start: int) -> None:
    """Read "the city" ("the town", "the village") as the reference: the last town named before
    the claim, other than the place it locates. "M23 rebels entered the center of Bukavu ...,
    a day after seizing its airport at Kavumu, about 30 km north of the city" is Kavumu from
    Bukavu. The town must be named in the sentence: one named before it may not be the town
    meant ("Sudzha is 10 km from the town" says nothing of the last town named)."""
    if found.from_place is not None or not found.reference_text or not _THE_TOWN.fullmatch(found.reference_text):
        return
    located = found.to_place
    for place in reversed(scope.in_sentence):
        if place.start >= claim_start or (located is not None and place.start >= located.start):
            continue
        if place.entry.kind != "city" or (located is not None and place.entry.id == located.entry.id):
            continue
        found.from_place = place
        found.notes.append(f"'{found.reference_text}' read as {place.text}, named before")
        return


def _division_capital(scope: _Scope, found: _Attribution) -> None:
    """Read "the regional capital" ("the state capital", "the provincial capital") as a place.

    It is never the national capital. It is the town the article calls so ("Sittwe, the state
    capital, ..."), else the capital of the division holding the located place (or of the one
    the sentence names), when the gazetteer has a town of the division's own name in it
    ("Sudzha, in Kursk Oblast": Kursk). Otherwise the reference stays unresolved, with a note.
    """
    if found.from_place is not None or not found.reference_text:
        return
    division = _DIVISION_CAPITAL.match(found.reference_text)
    if division is None:
        return
    located = found.to_place
    gazetteer = scope.gazetteer
    region = gazetteer.admin1_of(located.entry) if located is not None and hasattr(gazetteer, "admin1_of") else None
    if region is None:
        region = next((p.entry for p in scope.in_sentence if p.entry.kind == "admin1"), None)
    # the town the article calls so: "X, the state capital" or "the state capital, X"
    called = re.compile(rf"\s*,\s*(?:the|its)\s+{division.group('adj')}\s+capital\b", re.I)
    calling = re.compile(rf"\bthe\s+{division.group('adj')}\s+capital\s*,?\s*$", re.I)
    for place in scope.all_places:
        if place.entry.kind != "city" or (located is not None and place.entry.id == located.entry.id):
            continue
        if region is not None and place.entry.admin1 not in (None, region.name):
            continue  # another division's capital
        if called.match(scope.text, place.end) or calling.search(scope.text, max(0, place.start - 40), place.start):
            found.from_place = replace(place, sentence=scope.sentence)
            found.notes.append(f"'{found.reference_text}' read as {place.text}, called so in the article")
            return
    if region is None:
        found.notes.append(f"'{found.reference_text}': no division named to take the capital of")
        return
    stem = _DIVISION_SUFFIX.sub("", region.name)
    towns = [e for e in gazetteer.lookup(stem, country=region.country, kind="city") if e.admin1 == region.name] \
        if hasattr(gazetteer, "lookup") else []
    if not towns:
        found.notes.append(f"'{found.reference_text}': the capital of {region.name} is not known to the gazetteer")
        return
    town = max(towns, key=lambda e: e.population)
    found.from_place = Place(start=found.end - len(found.reference_text), end=found.end, text=found.reference_text,
                             entry=town, sentence=scope.sentence, source=scope.source, confidence=0.5)
    found.notes.append(f"'{found.reference_text}' read as {town.name}, the town {region.name} is named after")


def _located_after(scope: _Scope, position: int) -> tuple[Place | None, int]:
    """The located place written after its reference ("... east of Lima at Chacapalca"), and the new end."""
    for place in scope.in_sentence:
        if place.start >= position and _AT_AFTER.match(scope.text[position:place.start]) \
                and place.entry.kind not in _AREA_KINDS:
            return place, place.end
        if place.start > position + 40:
            break
    return None, position


#: A back-reference as the subject of a distance: "the town, which lies", "The city lies".
# "the city lies ...", "the town, which is ...", and the appositive "the recapture of the city,
# about 135km south-east of Khartoum".
_BACK_REFERENCE_SUBJECT = re.compile(r"\b(?:the|this)\s+(?:[a-z]+\s+)?(?:town|city|village)\b"
                                     r"(?:(?:\s*,\s*which)?\s+(?:lies|sits|is|was|stands|lay)\s+|\s*,\s*)"
                                     r"(?:[a-z]+\s+){0,2}$", re.I)


def _same_name_elsewhere(scope: _Scope, name: str, start: int) -> Place | None:
    """``name`` at ``start`` read as the place the geoparser resolved for it elsewhere in the article.

    The geoparser keeps one sense per name but may skip a mention (sentence-initial "Swanton
    is about 20 miles west of Toledo", a second "Alliance"); a name in the frame of a distance
    claim is a place, and the article has already said which one.
    """
    same = [p for p in scope.all_places if p.text == name]
    if not same:
        return None
    best = max(same, key=lambda p: p.confidence)
    return replace(best, start=start, end=start + len(name), sentence=scope.sentence)


def _measured_from(text: str, place: Place) -> bool:
    """Whether ``place`` is named only to measure from ("45km north of Homs", "20 miles from Sumy")."""
    return MEASURED_FROM_BEFORE.search(text, max(place.sentence.start, place.start - 40), place.start) is not None


def _may_be_town(text: str, place: Place) -> bool:
    """Whether "the town" can point back to ``place``: a town, or a province's name whose
    runner-up reading is the town ("Sennar" read as Sennar State; :func:`_as_point` reads it
    as the town), unless the text calls it the province."""
    if place.entry.kind == "city":
        return True
    return (place.entry.kind in ("admin1", "admin2") and place.runner_up is not None
            and place.runner_up.kind == "city" and not _named_as_area(text, place))


_IMPLIED_REFERENCE_KINDS = frozenset({"city", "airport"})


# After a fronted offset, what may stand before the place it locates: "Some 20km to the south,
# the town of Tokmak ...", "About 30km to the east, in Kupiansk, ...".
# An inverted sentence puts the verb first: "About 25 miles south of Beirut lies the coastal city of Sidon".
_FRONTED_LEAD = re.compile(r"\s*(?:,\s*(?:in\s+|at\s+)?|,?\s*(?:lies|lie|sits|stands|is|was)\s+)"
                           r"(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|port)\s+of\s+)?$", re.I)
# A participle may open the sentence before a fronted figure: "Located some 40km from the border, Sumy ..."
_FRONTED_HEAD = re.compile(r"\s*(?:(?:located|situated|lying|sitting|based)\s+(?:just\s+|only\s+)?)?", re.I)


def _fronted_located(scope: _Scope, claim_start: int, end: int) -> Place | None:
    """The place a sentence-opening offset locates: the town right after its comma.

    "Ukrainian forces retook Robotyne. Some 20km to the south, the town of Tokmak is heavily
    fortified": Tokmak, measured (by :func:`_implied_reference`) from Robotyne. With a named
    reference too: "Nearly 200km north of Ouagadougou, the town of Djibo ...", "Located 40km
    from the border, Sumy ...", and inverted, "About 25 miles south of Beirut lies Sidon".
    """
    if not _FRONTED_HEAD.fullmatch(scope.text, scope.sentence.start, claim_start):
        return None
    for place in scope.in_sentence:
        if place.start >= end:
            if _FRONTED_LEAD.fullmatch(scope.text, end, place.start) and place.entry.kind not in _AREA_KINDS:
                return place
            return None
    return None


def _implied_reference(scope: _Scope, located: Place) -> Place | None:
    """The place "N km to the north" measures from when no "of" names it: the town the text was
    about just before the located place.

    That is the last town the sentence names before it ("Israeli tanks entered Rafah as air
    strikes hit Khan Younis, some 8km to the north-east" is from Rafah), else the last one of
    the sentence right before ("... entered Hama. Morek, 30km to the north, fell too"). Towns
    named only to measure from ("Pokrovsk, 60km north-west of Donetsk, ...") and areas are not
    what a writer points back to.
    """
    def fits(place: Place) -> bool:
        return (place.entry.kind in _IMPLIED_REFERENCE_KINDS and place.entry.id != located.entry.id
                and not _measured_from(scope.text, place))

    sentence = scope.sentence
    here = [p for p in scope.in_sentence if p.end <= located.start and fits(p)]
    if here:
        return here[-1]
    before = [p for p in scope.all_places if p.end <= sentence.start]
    if not before or scope.text[before[-1].sentence.end:sentence.start].strip():
        return None  # the sentence before names no place
    previous = [p for p in before if p.sentence.start == before[-1].sentence.start and fits(p)]
    return replace(previous[-1], sentence=sentence) if previous else None


def _locate(scope: _Scope, position: int, exclude: Iterable[Place]) -> Place | None:
    """The located place of a figure at ``position``: a resolved place before it, else its subject by name.

    The fallback takes the capitalised words right before the figure ("Swanton is about",
    "Ridge Farm, ") when the same name was resolved elsewhere in the article.
    """
    found = _located_before(scope.text, scope.in_sentence, position, scope.sentence, exclude)
    if found is not None:
        return found
    head = scope.text[scope.sentence.start:position]
    back = _BACK_REFERENCE_SUBJECT.search(head)
    if back is not None and not any(p.start < position for p in scope.in_sentence
                                    if p.start >= scope.sentence.start + back.end()):
        # "... the capture of the town, which lies about 15 km north of Donetsk", "The city lies
        # about 136 km south-east of Khartoum": the last town named before this sentence
        # ("Rebels entered Hama, about 45km north of Homs. The city lies ..." is Hama: Homs was
        # named only to measure from)
        earlier = _town_told_before(scope, scope.sentence.start + back.start(), exclude)
        if earlier is not None:
            return replace(earlier, sentence=scope.sentence)
    names = list(_NAMES.finditer(head))
    if not names or not _SUBJECT_GAP.match(head[names[-1].end():]):
        return None
    name = names[-1].group(0).rstrip(".")
    place = _same_name_elsewhere(scope, name, scope.sentence.start + names[-1].start())
    if place is None:
        country = next((p.entry.country for p in exclude), None) or _country_in_play(scope.all_places)
        place = _town_named_for(scope, name, scope.sentence.start + names[-1].start(), country)
    if place is not None and any(place.entry.id == p.entry.id for p in exclude):
        return None
    return place


def _town_told_before(scope: _Scope, position: int, exclude: Iterable[Place]) -> Place | None:
    """The last town named before ``position`` that a back-reference ("the town", "it") can
    point to: not one named only to measure from, nor one of ``exclude``."""
    exclude = list(exclude)
    earlier = [p for p in scope.all_places if p.end <= position and _may_be_town(scope.text, p)
               and not any(p.entry.id == q.entry.id for q in exclude) and not _measured_from(scope.text, p)]
    return earlier[-1] if earlier else None


# Features named after the town in them: "the Huaral Valley" holds Huaral, "the Kufra oasis" Kufra.
_NAMED_FOR_TOWN = re.compile(r"^(?:The\s+)?(?P<town>.+?)\s+(?:Valley|Oasis)$")


def _town_named_for(scope: _Scope, name: str, start: int, country: str | None) -> Place | None:
    """A valley or oasis the gazetteer lacks, read as the town of its name in ``country``.

    Only a town of that country counts (the reference's, else the article's): "the Huaral Valley,
    80 kilometres north of the capital Lima" is Huaral, Peru; with no such town the claim stays
    unresolved. The reason says the claim was read so.
    """
    stem = _NAMED_FOR_TOWN.match(name)
    gazetteer = scope.gazetteer
    if stem is None or country is None or gazetteer is None or not hasattr(gazetteer, "lookup"):
        return None
    towns = gazetteer.lookup(stem.group("town"), country=country, kind="city")
    if not towns:
        return None
    town = max(towns, key=lambda e: e.population)
    return Place(start=start, end=start + len(name), text=name, entry=town, sentence=scope.sentence,
                 source=scope.source, confidence=0.5)


def _apart_pair(scope: _Scope, claim_start: int) -> tuple[Place | None, Place | None]:
    """The two places "N km apart" relates: the last two towns named before it.

    Areas named alongside say where the towns lie ("Goma, in North Kivu, and Bukavu are about
    100km apart"), and so do the places of an aside before the verb ("Kramatorsk and
    Sloviansk, the last big cities Ukraine holds in the Donetsk region, are 12 miles apart"):
    both are skipped. Two areas are paired only when the sentence names no two points.
    """
    aside = _aside_before(scope.text, scope.in_sentence, claim_start, scope.sentence)
    earlier = [p for p in scope.in_sentence if p.end <= claim_start and not _in_aside(p, aside)]
    points = [p for p in earlier if p.entry.kind not in _AREA_KINDS]
    pair = points if len(points) >= 2 else earlier
    return (pair[-2], pair[-1]) if len(pair) >= 2 else (None, None)


# "Some 600km separate El Obeid from Nyala", "60km of farmland separates A and B"
_SEPARATES_AFTER = re.compile(r"\s*(?:of\s+[a-z]+(?:\s+[a-z]+)?\s+)?separates?\s+", re.I)
# "A and B are separated by some 60km", "A is separated from B by 60km"
_SEPARATED_BEFORE = re.compile(r"\bseparated\s+(?:from\s+[^,;:.]{1,60}?\s+)?by\s+$", re.I)


def _separated(scope: _Scope, claim_start: int, figures_end: int) -> _Attribution | None:
    """A distance told by "separate": "Some 600km separate El Obeid from Nyala" (the two places
    after the verb) or "Kherson and Mykolaiv are separated by 60km" (the two before, as "apart")."""
    text, sentence = scope.text, scope.sentence
    verb = _SEPARATES_AFTER.match(text, figures_end, sentence.end)
    if verb is not None:
        first = _place_after(scope.in_sentence, verb.end(), 40, sentence.end)
        if first is None or not _SHORT_LEAD.match(text[verb.end():first.start]):
            return None
        link = re.match(r"\s*(?:,\s*)?(?:from|and)\s+", text[first.end:sentence.end], re.I)
        second = _place_after(scope.in_sentence, first.end + link.end(), 40, sentence.end) if link else None
        if second is None or not _SHORT_LEAD.match(text[first.end + link.end():second.start]):
            return None
        return _Attribution("between", second.end, from_place=first, to_place=second, reference_text=first.text)
    if _SEPARATED_BEFORE.search(text, sentence.start, claim_start):
        found = _Attribution("between", figures_end)
        found.from_place, found.to_place = _apart_pair(scope, claim_start)
        return found
    return None


def _attribute(scope: _Scope, claim_start: int, figures_end: int, sense: str, is_range_limit: bool) -> _Attribution:
    """Decide the kind of claim and its endpoints from the words after the figures.

    Tried in order: a compass point ("20km south-east of Idlib"), a road or route noun ("the
    120km road from X to Y"), "apart", "from"/"of" a place, a range ("a range of X ... from
    A to B"), "away"; anything else is a lone quantity.
    """
    text, sentence = scope.text, scope.sentence
    after = text[figures_end:sentence.end]
    before = text[sentence.start:claim_start]
    exclude_none: list[Place] = []

    direction = _DIRECTION_AFTER.match(after)
    if direction and compass_degrees(direction.group("dir")) is not None:
        found = _Attribution("offset", figures_end + direction.end(), re.sub(r"\s+", " ", direction.group("dir")))
        if direction.group("rel"):
            found.from_place, found.reference_text, found.end = _reference(scope, found.end, found.notes)
        found.to_place = _locate(scope, claim_start, [found.from_place] if found.from_place else exclude_none)
        if found.to_place is None and found.from_place is not None:
            found.to_place, found.end = _located_after(scope, found.end)
        # "8km to the north-east", "20 km further south": measured from a town named before
        # (and a bare point closing its clause: "... the capital Khartoum, 200 kilometres north.")
        implied = not direction.group("rel") and bool(direction.group("to") or _FURTHER.match(after)
                                                      or _CLAUSE_ENDS.match(after, direction.end()))
        if found.to_place is None and (implied or found.from_place is not None):
            # a fronted offset: "Some 20km to the south, the town of Tokmak ...", "Nearly 200km
            # north of Ouagadougou, the town of Djibo ...", "About 25 miles south of Beirut lies Sidon"
            found.to_place = _fronted_located(scope, claim_start, found.end)
            found.end = found.to_place.end if found.to_place is not None else found.end
        if implied and found.to_place is not None:
            # "Khan Younis, some 8km to the north-east": of the town named just before; "It is
            # ... the capital Khartoum, 200 kilometres north": of the town "it" is
            found.from_place = _it_subject(scope, [found.to_place]) or _implied_reference(scope, found.to_place)
            if found.from_place is not None:
                found.reference_text = found.from_place.text
                found.notes.append(f"'to the {found.direction}' read as from {found.from_place.text}, named before")
        _the_town_named_before(scope, found, claim_start)
        _division_capital(scope, found)
        return found

    line = _LINE_SUBJECT.search(before)
    if line is not None:  # "The front line runs for some 1,000km from Kharkiv to Kherson": its ends are no measure
        word = re.sub(r"[\s-]+", " ", line.group("line").lower())
        return _Attribution("lone", figures_end, notes=[f"the length of a {word}, not a distance between places"])

    noun = _NOUN_AFTER.match(after)
    if noun and not re.search(r"\b(?:of|from)\s*$", before[-8:], re.I):
        word = re.sub(r"\s+", " ", noun.group("noun").lower())
        word = re.sub(r"^front[\s-]*line$", "front line", word)
        if word in _LONE_LINE_NOUNS:
            return _Attribution("lone", figures_end, notes=[f"the length of a {word}, not a distance between places"])
        kind = "road" if re.fullmatch(_ROAD_NOUNS, word, re.I) else "route"
        a, b = _from_to_after(text, scope.in_sentence, figures_end, sentence.end)
        if a is None:
            a, b = _lower_case_ends(scope, figures_end)
        if a is None:
            # "The journey from Port Sudan to Khartoum is 800 km by road": the ends came first
            first = _endpoints_before(scope, claim_start, figures_end)
            if first is not None:
                return first
            return _Attribution("lone", figures_end, notes=[f"a {word} length with no named endpoints"])
        end = (b or a).end
        if b is None and kind == "road":
            # "Kherson is 60km by road from Mykolaiv", "a 60km drive from X": the subject is the other end
            b = _locate(scope, claim_start, [a])
        return _Attribution(kind, end, from_place=a, to_place=b)

    apart = _APART_AFTER.match(after)
    if apart:
        found = _Attribution("between", figures_end + apart.end())
        found.from_place, found.to_place = _apart_pair(scope, claim_start)
        return found
    separated = _separated(scope, claim_start, figures_end)
    if separated is not None:
        return separated

    to_place = _TO_PLACE_AFTER.match(after)
    if to_place and not is_range_limit:
        found = _distance_to(scope, figures_end + to_place.end())
        if found is not None:
            return found

    relation = _FROM_AFTER.match(after)
    if relation and not is_range_limit:
        position = figures_end + relation.end()
        rest = text[position:sentence.end]
        if relation.group("rel").lower() == "of" and not _BORDER.match(rest) and not _CAPITAL.match(rest):
            # "1,800 km of roads", "the 180 miles of the trail": a length, not a distance from a
            # place; only "within 5km of Idlib" (an upper bound right before a place) is one.
            # ("within two kilometres of the centre of Rafah": a part of the town is the town)
            part = _PART_OF_TOWN.match(rest)
            reach = 6 + (part.end() if part else 0)
            if sense != "upper" or _place_after(scope.in_sentence, position, reach, sentence.end) is None:
                return _Attribution("lone", figures_end)
        if relation.group("rel").lower() == "from":
            # "covered 109 miles from Paredes de Nava to Baltanas", "drove 300 km from Kyiv to
            # Lviv": the place after "to" is the other end, not the subject before the figure
            a, b = _from_to_after(text, scope.in_sentence, figures_end, sentence.end)
            if a is not None and b is not None and re.match(r"\s*to\b\D*$", text[a.end:b.start], re.I):
                return _Attribution("between", b.end, from_place=a, to_place=b, reference_text=a.text)
        found = _Attribution("between", position)
        found.from_place, found.reference_text, found.end = _reference(scope, position, found.notes)
        if found.reference_text in _LINE_REFERENCES.values():
            found.kind = "range_limit"
        found.to_place = _locate(scope, claim_start, [found.from_place] if found.from_place else exclude_none)
        if found.to_place is None:  # "Some 30km from Kherson, the village of ...", "Located 40km from X, Sumy ..."
            found.to_place = _fronted_located(scope, claim_start, found.end)
            found.end = found.to_place.end if found.to_place is not None else found.end
        _the_town_named_before(scope, found, claim_start)
        _division_capital(scope, found)
        return found

    if is_range_limit:
        found = _Attribution("range_limit", figures_end)
        a, b = _from_to_after(text, scope.in_sentence, figures_end, sentence.end)
        if a is not None and b is not None:
            found.from_place, found.to_place, found.end = a, b, b.end
        return found

    away = _AWAY_AFTER.match(after)
    if away:
        found = _Attribution("between", figures_end + away.end(), reference_text="unnamed")
        found.to_place = _locate(scope, claim_start, exclude_none)
        reference = found.to_place
        lead = reference is not None and _REFERENCE_BEFORE_AWAY.search(
            text, max(sentence.start, reference.start - 60), reference.start)
        if lead:
            # "Omdurman sits across the Nile from Khartoum, less than 5km away": the place after
            # "from" is what the figure measures from; the subject before it is the other end.
            # A description may stand before it ("from Burundi's main city Bujumbura"), and a
            # compass point makes the claim an offset ("Avdiivka lies just north of the
            # Russian-held city of Donetsk, about 15 km away").
            subject = _locate(scope, reference.start, [reference])
            if subject is not None and subject.entry.id != reference.entry.id \
                    and _SUBJECT_THEN_VERB.match(text, subject.end):
                found.from_place, found.reference_text, found.to_place = reference, reference.text, subject
                if lead.group("dir") and compass_degrees(lead.group("dir")) is not None:
                    found.kind, found.direction = "offset", re.sub(r"\s+", " ", lead.group("dir").lower())
        return found

    if re.match(r"^[\s-]*(?:long\s+)?(?:\w+\s+){0,2}(?:from|between)\b", after, re.I):
        a, b = _from_to_after(text, scope.in_sentence, figures_end, sentence.end)  # "the 250 km from X to Y"
        if a is not None and b is not None:
            return _Attribution("between", b.end, from_place=a, to_place=b)
    found = _endpoints_before(scope, claim_start, figures_end)
    if found is not None:
        return found
    return _Attribution("lone", figures_end)


#: What ends a clause right after a compass point with no "of": "..., 200 kilometres north."
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:)\]]|$)")
#: "to" and a place after a figure: "It is approximately 10 km to Kostiantynivka".
_TO_PLACE_AFTER = re.compile(r"\s*(?:away\s+)?to\s+(?:the\s+(?:town|city|village)\s+of\s+)?")
#: A sentence that opens with its subject and a verb of being, the frame of "N km to X":
#: "It is ...", "Chasiv Yar lies ...", "The town is ...". A verb of motion ("advanced 10 km
#: to Robotyne") leaves the start of the move unsaid.
_BEING_SUBJECT = re.compile(r"\s*(?P<it>It|The\s+(?:town|city|village))?\s*[,]?\s*(?:which\s+)?"
                            r"(?:is|lies|sits|was|stands|lay)\s", re.I)


def _it_subject(scope: _Scope, exclude: list[Place]) -> Place | None:
    """The town a sentence opening "It is", "The town lies" points back to, else ``None``."""
    frame = _BEING_SUBJECT.match(scope.text, scope.sentence.start)
    if frame is None or frame.group("it") is None:
        return None
    told = _town_told_before(scope, scope.sentence.start, exclude)
    return replace(told, sentence=scope.sentence) if told is not None else None


def _distance_to(scope: _Scope, position: int) -> _Attribution | None:
    """"N km to X" in a sentence whose subject is a town: the distance from the subject to X.

    "Russian troops are advancing on Chasiv Yar. It is approximately 10 km to Kostiantynivka,
    20-25 km to Druzhkivka ..., 30-35 km to Sloviansk": every figure measures from the subject
    (a town named at the start, or "it", "the town": the town told of in the sentence before).
    """
    target = _place_after(scope.in_sentence, position, 1, scope.sentence.end)
    if target is None or target.entry.kind in _AREA_KINDS:
        return None
    text, sentence = scope.text, scope.sentence
    opening = next((p for p in scope.in_sentence if p.start == sentence.start), None)
    frame = _BEING_SUBJECT.match(text, opening.end if opening is not None else sentence.start)
    if frame is None or (opening is None) == (frame.group("it") is None):
        return None
    subject = opening or _it_subject(scope, [target])
    if subject is None or subject.entry.id == target.entry.id:
        return None
    return _Attribution("between", target.end, from_place=subject, to_place=target, reference_text=subject.text,
                        notes=[] if opening is not None else [f"'{frame.group('it')}' read as {subject.text}, told before"])


#: A road or a distance whose endpoints come before its figure: "The drive from Kherson to
#: Mykolaiv is 60km", "the distance between A and B is about 30 miles".
_ENDPOINTS_FIRST = re.compile(rf"\b(?P<noun>{_ROAD_NOUNS}|distance)\s+(?=(?:from|between)\b)"
                              # a sentence that opens with its endpoints: "From London to Oxford, 90 kilometres"
                              r"|^\s*(?P<bare>)(?=from\b)", re.I)
_FIGURE_FOLLOWS = re.compile(r"[\s,]*(?:(?:is|was|are|were|of|takes|took|covers|covered|about|some|roughly|around|"
                             r"nearly|almost|just|only|a|an|the)\s+){0,3}", re.I)


def _endpoints_before(scope: _Scope, claim_start: int, figures_end: int) -> _Attribution | None:
    """Endpoints named before the figure, by a road noun or "distance" ("The drive from A to B is 60km")."""
    before = scope.text[scope.sentence.start:claim_start]
    leads = list(_ENDPOINTS_FIRST.finditer(before))
    if not leads:
        return None
    lead = leads[-1]
    a, b = _from_to_after(scope.text, scope.in_sentence, scope.sentence.start + lead.end(), claim_start)
    if a is None or b is None or not _FIGURE_FOLLOWS.fullmatch(scope.text[b.end:claim_start]):
        return None
    kind = "between" if lead.group("bare") is not None or lead.group("noun").lower() == "distance" else "road"
    return _Attribution(kind, figures_end, from_place=a, to_place=b, start=scope.sentence.start + lead.start())


# Words that make a name an area on purpose: "the province of Chalatenango", "Idlib province".
_AREA_WORD = (r"province|provinces|state|region|department|county|district|governorate|prefecture|oblast"
              r"|municipality|canton|territory")
_AREA_BEFORE = re.compile(rf"\b(?:{_AREA_WORD})\s+of\s+(?:the\s+)?$", re.I)
_AREA_AFTER = re.compile(rf"^\s+(?:{_AREA_WORD})\b", re.I)
# A division's name without its type word: "Kursk Oblast" -> "Kursk", the town it is named after.
_DIVISION_SUFFIX = re.compile(rf"\s+(?:{_AREA_WORD}|krai|republic)$", re.I)


def _named_as_area(text: str, place: Place) -> bool:
    """True when the words around ``place`` say it is the division, not its namesake town."""
    return bool(_AREA_BEFORE.search(text[max(0, place.start - 30):place.start])
                or _AREA_AFTER.match(text[place.end:place.end + 20]))


def _as_point(place: Place | None, gazetteer: Any, notes: list[str], text: str = "") -> Place | None:
    """A distance is measured to a town, not a province: read an area name as its namesake town.

    "600 miles west of Buenos Aires" means the city even when the geoparser chose the
    province; Singapore the city, not the country. The geoparser's runner-up is used when it
    is a point, else the gazetteer's most populous town of that name in the same country.
    An area the text names as such ("in the province of Chalatenango, about 35 miles north of
    San Salvador") stays an area: the writer located something somewhere in it, not at its town.
    """
    if place is None or place.entry.kind not in _AREA_KINDS:
        return place
    if text and _named_as_area(text, place):
        return place
    runner_up = place.runner_up
    candidate = runner_up if (runner_up is not None and runner_up.kind not in _AREA_KINDS
                              and runner_up.country == place.entry.country) else None
    if candidate is None and gazetteer is not None and hasattr(gazetteer, "lookup"):
        towns = gazetteer.lookup(place.text, country=place.entry.country, kind="city")
        candidate = max(towns, key=lambda e: e.population) if towns else None
    if candidate is None:
        return place
    notes.append(f"'{place.text}' read as the town {candidate.name} ({candidate.id}), not the {place.entry.kind}")
    return replace(place, entry=candidate)


_DATELINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Z .'’-]{2,}?)\s*,\s+(?:[A-Z][\w. ]*,\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.M)


def _dateline_place(text: str, places: list[Place], gazetteer: Any) -> Place | None:
    """The place of a wire dateline ("LIMA, March 3 - ..."), which "here" refers to.

    Taken from the geoparser's places when it found the dateline, else looked up as a town.
    """
    match = _DATELINE.search(text[:_DATELINE_CHARS * 4])
    if match is None:
        return None
    start, end = match.span("name")
    for place in places:
        if start <= place.start < end:
            return place
    if gazetteer is None or not hasattr(gazetteer, "lookup"):
        return None
    towns = [e for e in gazetteer.lookup(match.group("name").title()) if e.kind == "city"]
    if not towns:
        return None
    sentence = split_sentences(text[:end + 1])[0]
    return Place(start=start, end=end, text=match.group("name"), entry=towns[0], sentence=sentence,
                 source="dateline", confidence=0.5)


# What may follow a complete name: punctuation, the end, or a word that opens another phrase.
_PHRASE_BREAK = re.compile(
    r"^\s*(?:$|[,.;:)\]]|(?:near|in|on|at|and|or|to|from|along|by|for|with|where|which|that|after|before|"
    r"since|when|while|was|is|were|are|has|have|had|said)\b)", re.I)
# "north of the so-called 'red line' along the 16th parallel": a line of latitude as reference.
_PARALLEL = re.compile(r"\b(?P<deg>\d{1,2})(?:st|nd|rd|th)\s+parallel\b(?:\s+(?P<hemi>north|south)\b)?", re.I)
_PARALLEL_REACH = 80  # characters from "of" to "the Nth parallel"
PARALLEL_KIND = "parallel"


def _parallel_place(scope: _Scope, start: int, end: int, match: re.Match[str]) -> Place:
    """A parallel of latitude as a reference place; :func:`_nearest_point_of_parallel` places it.

    The id carries the hemisphere only when the text writes it ("parallel:38" for "the 38th
    parallel", "parallel:22S" for "the 22nd parallel south").
    """
    hemisphere = (match.group("hemi") or "")[:1].upper()
    degrees = float(match.group("deg"))
    entry = GazetteerEntry(id=f"parallel:{match.group('deg')}{hemisphere}", name=match.group(0), kind=PARALLEL_KIND,
                           country=None, admin1=None, lat=-degrees if hemisphere == "S" else degrees, lon=0.0)
    return Place(start=start, end=end, text=scope.text[start:end], entry=entry, sentence=scope.sentence,
                 source=scope.source, confidence=1.0)


def _nearest_point_of_parallel(parallel: Place, located: Place) -> Place:
    """The point of ``parallel`` nearest ``located``: on its meridian, in its hemisphere unless written.

    The distance from a town to a line of latitude runs along the meridian, so this point
    makes the claim an ordinary point-to-point check (bearing 0 or 180 degrees).
    """
    entry = parallel.entry
    written = entry.id[-1] in "NS"
    lat = entry.lat if written else math.copysign(entry.lat, located.entry.lat)
    point = replace(entry, id=f"parallel:{abs(lat):g}{'S' if lat < 0 else 'N'}", lat=lat, lon=located.entry.lon)
    return replace(parallel, entry=point)


def _reference(scope: _Scope, position: int, notes: list[str]) -> tuple[Place | None, str | None, int]:
    """Resolve what follows "of"/"from": a place, "the capital", "the border", "here"."""
    text, sentence, in_sentence = scope.text, scope.sentence, scope.in_sentence
    rest = text[position:sentence.end]
    if _HERE.match(rest):
        end = position + _HERE.match(rest).end()
        dateline = _dateline_place(text, scope.all_places, scope.gazetteer)
        if dateline is not None:
            notes.append(f"'here' is the dateline, {dateline.text}")
            return dateline, "here", end
        return None, "here", end
    border = _BORDER.match(rest)
    if border:
        border_end = position + border.end()
        # A settlement the words describe ("the border town of Metula") is the reference; else
        # it is the line itself. A place inside the words only names the line ("the Gaza
        # border", "the Syria-Turkey border", "the Gaza perimeter fence"): measuring from the
        # town of Gaza would turn a figure from the fence into a wrong one.
        place = _place_after(in_sentence, position, border.end() + 30, sentence.end)
        if place is None or place.start < border_end or not _BORDER_SETTLEMENT.match(text[border_end:place.start]):
            line = re.sub(r"[\s-]+", " ", border.group("line").lower())
            return None, _LINE_REFERENCES.get(line, line), border_end
    capital = _CAPITAL.match(rest)
    named = _place_after(in_sentence, position, 100, sentence.end)
    if capital:
        if named is not None and named.start - (position + capital.end()) <= 3:
            return named, named.text, named.end  # "the capital Algiers", "the capital, Lima"
        division = _DIVISION_CAPITAL.match(rest)
        if division:  # resolved once the located place is known: see _division_capital
            return None, re.sub(r"\s+", " ", division.group("words").lower()), position + division.end()
        span_start = position + len(rest) - len(rest.lstrip())
        # whose capital: the country its adjective names ("the Syrian capital"), else that of
        # the sentence's places ("Homs, some 160km north of the capital"), else the article's
        country = _demonym_country(scope.gazetteer, capital.group(0)) or _country_in_play(
            [p for p in in_sentence if p.start < span_start or p.start >= position + capital.end()])
        place = _capital_place(scope.gazetteer, scope.all_places, span_start, position + capital.end(),
                               text[span_start:position + capital.end()], sentence, scope.source, country)
        return place, "the capital", position + capital.end()
    first_name = _NAME_AT_START.match(rest)
    if first_name is not None and (named is None or named.start > position + first_name.end()) \
            and not re.search(r"['’]s?$", first_name.group("name")):  # "of Iraq's second city of Basra"
        name = first_name.group("name").rstrip(".")
        again = _same_name_elsewhere(scope, name, position + first_name.start("name"))
        if again is not None:
            notes.append(f"'{name}' read as {again.entry.name} ({again.entry.id}), as resolved elsewhere in the article")
            return again, name, again.end
        # An unresolved name right after "of" is the reference when a new phrase follows it; a
        # place further on ("... of Champaign near the Indiana border") is not. A name that runs
        # into its head ("of President Bashar al-Assad's hometown Qardaha") is not a reference.
        if _PHRASE_BREAK.match(rest[first_name.end("name"):]):
            return None, name, position + first_name.end("name")
    parallel = _PARALLEL.search(rest[:_PARALLEL_REACH])
    if parallel is not None and (named is None or named.start > position + parallel.start()):
        return _parallel_place(scope, position + parallel.start(), position + parallel.end(), parallel), \
            parallel.group(0), position + parallel.end()
    if named is not None:
        between = text[position:named.start]
        if re.search(r"[;:]|\d", between) or len(between.split()) > 12:
            return None, between.strip() or None, position
        return _reference_at(scope, position, named)
    words = re.match(r"^\s*((?:the\s+)?(?!and\b|or\b)[^\W\d]+(?:\s+(?!and\b|or\b|in\b|at\b|near\b)[^\W\d][\w'’-]*){0,2})", rest)
    return None, words.group(1) if words else None, position + (words.end() if words else 0)


# What a town's name may only qualify after "from"/"of": a facility ("the Zaporizhzhia nuclear
# plant" is in Enerhodar, 50 km from the city) or, after a possessive, anything it owns ("North
# Yemen's Alif oilfield"). The words between may not open another phrase ("east of Donetsk in the mine").
_FEATURE_NOUNS = (r"(?:nuclear\s+|power\s+)*(?:plant|station)|dam|reactor|refinery|goldfield|oilfield|oil\s+field|"
                  r"gas\s+field|field|mine|air\s*base|base|platform|well|rigs?|terminal")
_QUALIFIER_WORD = r"(?!(?:in|on|at|near|and|or|to|from|with|by|the|a|an|of|is|was|where|which)\b)[\w-]+\s+"
_FEATURE_OF = re.compile(rf"(?:['’]s)?\s+(?:{_QUALIFIER_WORD}){{0,2}}?(?:{_FEATURE_NOUNS})\b", re.I)
_POSSESSIVE = re.compile(r"['’]s\s+(?P<capital>capital\b(?:\s+city\b)?)?")


def _reference_at(scope: _Scope, position: int, named: Place) -> tuple[Place | None, str | None, int]:
    """The reference a place named after "from"/"of" stands for: itself, a facility named after
    it (unresolved: the gazetteer has no point for it), its country's capital ("of Syria's
    capital"), or the next place when it only owns it ("of Iraq's second city of Basra")."""
    text = scope.text
    feature = _FEATURE_OF.match(text, named.end)
    if feature is not None:
        start = named.start - 4 if text[max(0, named.start - 4):named.start].lower() == "the " else named.start
        return None, text[start:feature.end()], feature.end()
    owner = _POSSESSIVE.match(text, named.end)
    if owner is None:
        return named, named.text, named.end
    if owner.group("capital") and named.entry.kind == "country":
        capital = _capital_place(scope.gazetteer, scope.all_places, named.start, owner.end(),
                                 text[named.start:owner.end()], scope.sentence, scope.source, named.entry.country)
        return capital, "the capital", owner.end()
    owned = _place_after(scope.in_sentence, owner.end(), 30, scope.sentence.end)
    if owned is not None:
        return owned, owned.text, owned.end
    return named, named.text, named.end  # "from Syria's centre": the area, which the check says


# --------------------------------------------------------------------------- checking


def radius_km(entry: GazetteerEntry) -> float:
    """Rough radius of a place from its population: 5 km for two million, at most 10 km."""
    if entry.population <= 0 or entry.kind in ("airport", "feature"):
        return 0.0
    return min(MAX_RADIUS_KM, CITY_RADIUS_KM_AT_2M * math.sqrt(entry.population / 2e6))


def geodesic_and_bearing(a: GazetteerEntry, b: GazetteerEntry) -> tuple[float, float]:
    """WGS-84 geodesic distance (km) and forward azimuth (degrees, 0-360) from ``a`` to ``b``."""
    # One inverse solution gives both (geopy's geodesic solves the same problem with the same library)
    solution = Geodesic.WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)
    return solution["s12"] / 1000.0, solution["azi1"] % 360.0


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
    name = s.unit
    value = f"{s.low:g}" if not s.is_range else f"{s.low:g}-{s.high:g}"
    return f"{value} {name}"


def _convert(s: Statement, unit: str) -> str:
    factor = UNIT_KM[s.unit] / UNIT_KM[unit]
    if s.is_range:
        return f"{s.low * factor:.1f}-{s.high * factor:.1f} {unit}"
    return f"{s.low * factor:.1f} {unit}"


#: A capitalised name just before a claim, set off as news sets off the place it locates:
#: "in Qwertabad, 30 km north of Aleppo", "Qwertabad (30 km from Aleppo)".
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]+(?:[ -](?:al-|el-)?[A-Z][\w'’-]+){0,3})\s*[,(–—-]?\s*"
                          r"(?:(?:which|that)\s+(?:is|lies|sits)\s+|(?:is|lies|sits)\s+)?"
                          r"(?:(?:about|some|around|roughly|nearly|almost|just|only)\s+)?\Z")


def _located_words(claim: DistanceClaim) -> str | None:
    """The name a claim locates that the gazetteer lacks ("Qwertabad" in "in Qwertabad, 30
    km north of Aleppo"), ``None`` when the words before the figure name no place."""
    sentence = claim.sentence
    before = sentence.text[:max(0, claim.start - sentence.start)]
    found = _NAME_BEFORE.search(before[-80:])
    if found is None or found.group(1) == claim.reference_text:
        return None
    # (a sentence's first word is capitalised whatever it is: "Troops advanced 10km")
    at = len(before) - len(before[-80:]) + found.start(1)
    return found.group(1) if before[:at].strip() else None


def _unverifiable_reason(claim: DistanceClaim) -> str | None:
    if EPICENTRE_NOTE in claim.notes:
        return "the figure locates an earthquake's epicentre, not a named place"
    if claim.kind == "course":
        return "a race course length, not a point-to-point distance"
    if claim.reference_text in _LINE_REFERENCES.values() and claim.from_place is None:
        return f"a {claim.reference_text} without geometry"
    if claim.from_place is None and claim.to_place is None:
        if claim.reference_text == "here":
            return "reference is 'here' (the dateline), not resolved"
        if claim.reference_text and claim.reference_text != "unnamed":
            return f"no endpoints: reference '{claim.reference_text}' not resolved"
        extra = f" ({claim.notes[0]})" if claim.notes else ""
        return "no endpoints" + extra
    if claim.from_place is None:
        what = f"'{claim.reference_text}'" if claim.reference_text and claim.reference_text != "unnamed" else "the reference place"
        why = next((n.split(": ", 1)[1] for n in claim.notes if n.startswith(f"{what}: ")), None)
        return f"a place not resolved: {what}" + (f" ({why})" if why else "")
    if claim.to_place is None:
        unknown = _located_words(claim)
        if unknown:
            return f"a place not resolved: '{unknown}' is not in the gazetteer"
        return "a place not resolved: the located place is not named"
    for place in (claim.from_place, claim.to_place):
        if place.entry.kind in _AREA_KINDS:
            return f"a place is an area, not a point: {place.entry.name} ({place.entry.kind})"
    if claim.from_place.entry.id == claim.to_place.entry.id:
        return "both endpoints resolve to the same place"
    return None


def check_claim(claim: DistanceClaim, *, gazetteer: Any = None) -> DistanceClaim:
    """Fill in the geodesic, tolerances and verdict of ``claim`` (in place; also returned).

    ``gazetteer`` (optional, with ``lookup(name, country=, kind=)``) supplies namesakes when
    the resolved places are implausibly far apart for the figure (named in the reason, never
    used for the verdict). An endpoint the claim reads otherwise than the places layer (a
    province's name as its town) says so in the reason too.
    """
    _check_claim(claim, gazetteer)
    readings = [note for note in claim.notes if " read as the town " in note]
    if readings and claim.from_place is not None and claim.to_place is not None and "read as the town" not in claim.reason:
        claim.reason += "; " + "; ".join(readings)
    return claim


def _check_claim(claim: DistanceClaim, gazetteer: Any) -> DistanceClaim:
    claim.units_verdict, claim.units_reason = check_units(claim.stated)
    reason = _unverifiable_reason(claim)
    if reason is not None:
        claim.verdict, claim.reason = "unverifiable", reason
        if claim.kind == "course" and claim.from_place is not None and claim.to_place is not None:
            # a stage's ends are still worth a reader's eye: the course is never shorter than them
            g, bearing = geodesic_and_bearing(claim.from_place.entry, claim.to_place.entry)
            claim.geodesic_km, claim.bearing_deg = round(g, 2), round(bearing, 1)
            claim.reason += f" (its ends are {g:.1f} km apart in a straight line)"
        return claim
    assert claim.from_place is not None and claim.to_place is not None
    a, b = claim.from_place.entry, claim.to_place.entry
    g, bearing = geodesic_and_bearing(a, b)
    claim.geodesic_km, claim.bearing_deg = round(g, 2), round(bearing, 1)
    if claim.kind == "proximity":
        return _check_proximity(claim, g, bearing, gazetteer)
    stated = claim.stated[0]
    far_off = ""
    if _implausible(g, stated):
        if _trusted(claim):
            far_off = (f"; {_ratio(g, stated.km_low):.0f}x off, and both places are sure readings in one country: "
                       f"the figure is wrong, not the map")
        else:
            other = _other_reading(claim, g, lambda km: _ratio(km, stated.km_low), gazetteer)
            claim.verdict = "unverifiable"
            claim.reason = (f"a place probably resolved to the wrong namesake: {a.name} ({a.country}) and "
                            f"{b.name} ({b.country}) are {g:.0f} km apart, {_ratio(g, stated.km_low):.0f}x the stated "
                            f"{_fmt(stated)}{other}")
            return claim
    extent = radius_km(a) + radius_km(b)
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
        claim.verdict, claim.reason = verdict, reason + (far_off if verdict != "consistent" else "")
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
        if verdict != "consistent" and len(claim.stated) == 1:
            reason += _unit_mixup(stated, g, tolerance)
    claim.verdict, claim.reason = verdict, reason + (far_off if verdict != "consistent" else "")
    return _check_direction(claim, g, bearing, extent)


_OTHER_UNIT = {"km": "mi", "mi": "km"}


def _unit_mixup(stated: Statement, g: float, tolerance: float) -> str:
    """A hint when the figure fits in the other unit: "100 miles" between towns 100 km apart."""
    other = _OTHER_UNIT.get(stated.unit)
    if other is None or abs(stated.low * UNIT_KM[other] - g) > tolerance:
        return ""
    return f"; {stated.low:g} {other} would fit: kilometres and miles mixed up?"


def _check_proximity(claim: DistanceClaim, g: float, bearing: float, gazetteer: Any) -> DistanceClaim:
    """Check "A near B" / "A on the outskirts of B": the geodesic must be at most the phrase's reach.

    The reach (:data:`NEAR_KM`, :data:`OUTSKIRTS_KM`) grows by the places' extent: the
    outskirts of a city of millions lie further from its centre than a village's. Words are
    vaguer than figures, and the villages they name often have namesakes the gazetteer lacks,
    so a pair beyond the reach is first read again (runner-up, namesake), and beyond
    ``PROXIMITY_IMPLAUSIBLE`` times the reach the claim is ``unverifiable``, not a finding.
    """
    assert claim.from_place is not None and claim.to_place is not None
    reach = claim.interval_km[1] or NEAR_KM

    def allowed_for(a: GazetteerEntry, b: GazetteerEntry) -> float:
        return reach + radius_km(a) + radius_km(b)

    a, b = claim.from_place.entry, claim.to_place.entry
    allowed = allowed_for(a, b)
    claim.tolerance_km = round(allowed, 2)
    said = f"'{claim.qualifier} {claim.reference_text}'"
    if g <= allowed:
        claim.verdict, claim.reason = "consistent", f"{said}: {g:.1f} km apart (at most {allowed:.0f} km fits)"
    elif g <= PROXIMITY_IMPLAUSIBLE * allowed:
        claim.verdict, claim.reason = "understated", f"{said}, but {g:.1f} km apart (at most {allowed:.0f} km fits)"
    else:
        claim.verdict = "unverifiable"
        other = _other_reading(claim, g, lambda km: max(km / reach, 1.0), gazetteer)
        claim.reason = (f"a place probably resolved to the wrong namesake or missing from the gazetteer: "
                        f"{a.name} ({a.country}) and {b.name} ({b.country}) are {g:.0f} km apart, said to be "
                        f"{said}{other}")
    return claim


def _ratio(g: float, km: float) -> float:
    """How many times apart the map distance ``g`` and a stated ``km`` are (1 = equal)."""
    return max(g, km) / max(min(g, km), 1.0)


def _implausible(g: float, stated: Statement) -> bool:
    """True when stated and map distance differ so much (over 4x) that a resolution error is likelier.

    Real misstatements in news are tens of percent, occasionally 2-3x (a road figure, a
    wrong unit); a 20 mi claim resolving to 6,000 km means "Paris" became Paris, Texas.
    """
    return max(g, stated.km_high) > 20.0 and _ratio(g, stated.km_low) > IMPLAUSIBLE_RATIO


#: A runner-up this close to the reading (a city's own governorate) is no namesake to blame.
SAME_PLACE_KM = 100.0
#: Cities this large are sure readings of their names across borders too.
WELL_KNOWN_POPULATION = 500_000


def _trusted(claim: DistanceClaim) -> bool:
    """Whether a misfit cannot be blamed on the readings: both endpoints in one country, each
    the likelier reading with no far-away runner-up ("Idlib lies 300km from Aleppo": the figure is off)."""
    ends = [p for p in (claim.from_place, claim.to_place) if p is not None]
    if len(ends) != 2 or ends[0].entry.country is None:
        return False
    if ends[0].entry.country != ends[1].entry.country and not all(
            p.entry.capital or p.entry.population >= WELL_KNOWN_POPULATION for p in ends):
        return False  # across a border only capitals and large cities are sure ("Beirut ... Damascus")
    return all(p.confidence >= 0.5 and (p.runner_up is None or geodesic_and_bearing(p.entry, p.runner_up)[0] < SAME_PLACE_KM)
               for p in ends)


def _namesake_in(place: Place, country: str | None, gazetteer: Any) -> GazetteerEntry | None:
    """The most populous town called like ``place`` in ``country`` (another one than resolved), or ``None``."""
    if gazetteer is None or country is None or not hasattr(gazetteer, "lookup") or place.entry.country == country:
        return None
    towns = [e for e in gazetteer.lookup(place.text, country=country, kind="city") if e.id != place.entry.id]
    return max(towns, key=lambda e: e.population) if towns else None


def _other_reading(claim: DistanceClaim, g: float, misfit: Callable[[float], float], gazetteer: Any = None) -> str:
    """Another reading of either endpoint that would fit the claim better, said in words for
    the reason ("; read as Vernon (geonames:2969766, FR), Vernon would be 80 km away"), or "".

    The readings are the geoparser's runner-up and, with a gazetteer, the namesake in the
    other endpoint's country: a writer who puts "Vernon, 80 km northwest of Paris" means the
    Vernon near Paris, so a Vernon in Texas is likely the geoparser's slip. The claim keeps the
    places the geoparser chose (the verdict is ``unverifiable``, never ``consistent`` on a
    place the places layer did not pick): the other reading is only named, as a lead.
    """
    assert claim.from_place is not None and claim.to_place is not None
    a, b = claim.from_place.entry, claim.to_place.entry
    best = (misfit(g), g, a, b)
    options = [(claim.from_place.runner_up, b), (a, claim.to_place.runner_up),
               (_namesake_in(claim.from_place, b.country, gazetteer), b),
               (a, _namesake_in(claim.to_place, a.country, gazetteer))]
    for x, y in options:
        if x is None or y is None or x.kind in _AREA_KINDS or y.kind in _AREA_KINDS:
            continue
        g2, _ = geodesic_and_bearing(x, y)
        if misfit(g2) < best[0]:
            best = (misfit(g2), g2, x, y)
    _, g2, x, y = best
    if x is a and y is b:
        return ""
    moved, other, place = (x, y, claim.from_place) if x is not a else (y, x, claim.to_place)
    return (f"; with '{place.text}' read as {moved.name} ({moved.id}, {moved.country}) instead of "
            f"{place.entry.name} ({place.entry.id}) they would be {g2:.0f} km apart")


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
    return [check_claim(c, gazetteer=gazetteer) for c in find_claims(article, places, gazetteer=gazetteer)]


# --------------------------------------------------------------------------- output


def _place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    e = place.entry
    return {"id": e.id, "name": e.name, "text": place.text, "start": place.start, "end": place.end,
            "lat": round(e.lat, 5), "lon": round(e.lon, 5), "kind": e.kind, "country": e.country,
            "gazetteer_source": e.source}


def claim_to_dict(claim: DistanceClaim) -> dict[str, Any]:
    """A JSON-ready dict of ``claim`` (sorted-key friendly; ``None`` where not known)."""
    low, high = claim.interval_km
    return {
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        # (as places and events have it: the sentence's text, and its span in two fields)
        "sentence": claim.sentence.text,
        "sentence_start": claim.sentence.start,
        "sentence_end": claim.sentence.end,
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
        "notes": list(claim.notes),
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
    """RFC 7946 FeatureCollection: one Feature per claim, in claim order.

    A claim with both endpoints is a LineString (lon, lat) from the reference to the located
    place; one without (a lone "strip exceeding 100km", an unresolved town) keeps its
    verdict and reason with a ``null`` geometry, as RFC 7946 allows: no finding is dropped.
    """
    features = []
    for claim in claims:
        props = claim_to_dict(claim)
        ends = props.pop("from_place"), props.pop("to_place")
        props["from_name"], props["to_name"] = (end["name"] if end else None for end in ends)
        geometry = None
        if claim.from_place is not None and claim.to_place is not None:
            a, b = claim.from_place.entry, claim.to_place.entry
            geometry = {"type": "LineString", "coordinates": [[round(a.lon, 6), round(a.lat, 6)],
                                                              [round(b.lon, 6), round(b.lat, 6)]]}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
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
