"""Dates in news text, resolved against the article's publication date.

News copy dates events relative to the day it was written: "on Wednesday", "yesterday",
"last week". Each expression becomes a :class:`DateMention` with a calendar date and a
precision:

=================================  ==========================================  =========
text                               date (published Saturday 2024-11-30)        precision
=================================  ==========================================  =========
"on Wednesday", "since Wednesday"  2024-11-27 (the latest Wednesday on or      day
                                   before publication; publication day itself
                                   counts)
"will remain ... until Sunday"     2024-12-01 (a future tense looks ahead)     day
"yesterday", "last night"          2024-11-29                                  day
"today", "this morning"            2024-11-30                                  day
"last week"                        2024-11-23 (seven days before)              week
"last month", "earlier this month" 2024-10-01, 2024-11-01                      month
"on December 5", "5 March 1987"    that day (year of publication, or the year  day
                                   before when the day would be after it)
"in March 2018"                    2018-03-01                                  month
"in 2016", "since 2020"            2016-01-01, 2020-01-01                      year
"in March", "since December"       2024-03-01, 2023-12-01 (the latest such     month
                                   month on or before publication)
"for more than four years"         2020-01-01 (a state lasting up to           year
                                   publication began then; relation ``since``)
=================================  ==========================================  =========

Relative expressions need a publication date; without one they are skipped rather than
guessed. The word before a date gives its relation: ``since`` (control from then on),
``until`` (up to then), ``before`` or plain ``on``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text.

    Attributes
    ----------
    start, end
        Span of the expression (with its preposition) in the text searched.
    text
        The words, e.g. ``"on Wednesday"``.
    date
        The resolved date (first day of the month or year for coarser precisions).
    precision
        ``day``, ``week``, ``month`` or ``year``.
    relation
        ``on``, ``since``, ``until`` or ``before``.
    """

    start: int
    end: int
    text: str
    date: date
    precision: str
    relation: str = "on"


_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PREP = r"(?:(?P<prep>since|until|till|before|by|on|in|from|after|during|of|late|early|last|this)\s+)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

# Order matters: longer, more specific forms first; a later pattern never overlaps an earlier hit.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(rx, re.I)) for name, rx in (
    ("iso", _PREP + r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("month_day_year", _PREP + r"\b(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("day_month_year", _PREP + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + _MONTH + r"),?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("month_day", _PREP + r"\b(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:km|kms|miles|mi|per|%|,\s*\d))"),
    ("day_month", _PREP + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + _MONTH + r")\b"),
    ("month_year", _PREP + r"\b(?P<mon>" + _MONTH + r")\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"),
    # "in March": a month named in full, after a preposition, is the latest such month (capitals
    # required, so that "may" the verb is no month)
    ("month", r"\b(?P<prep>in|since|until|till|by|during|early|late|mid-?|from)\s+(?:(?:early|late|mid-?)\s*)?"
              r"(?P<mon>(?-i:January|February|March|April|May|June|July|August|September|October|November|"
              r"December))\b(?!\s*\d)"),
    ("weekday", _PREP + r"\b(?P<wd>" + _WEEKDAY + r")(?:'s)?" + _PART + r"\b"),
    ("yesterday", _PREP + r"\b(?P<w>yesterday|last\s+night|overnight)" + _PART + r"\b"),
    ("today", r"\b(?P<w>today|tonight|this\s+(?:morning|afternoon|evening))\b"),
    ("last_unit", r"\b(?P<w>last|past|this|earlier\s+this)\s+(?P<unit>week|month|year)\b"),
    ("duration", r"\b(?P<prep>for)\s+(?:(?:more|less|fewer)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+|"
                 r"the\s+(?:past|last)\s+)?(?P<n>\d{1,3}|a|an|" + "|".join(_NUMBER_WORDS) + r")\s+"
                 r"(?P<unit>years?|months?|weeks?|days?)\b"),
    ("year", r"\b(?P<prep>since|until|till|before|by|in|from|after|during|of|late|early|mid-?)\s+(?:(?:early|late|mid-?)\s*)?(?P<y>(?:19|20)\d\d)\b(?!\s*(?:km|kms|miles|people|dlrs?|troops|soldiers|men|-))"),
))


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``text``, in order.

    Parameters
    ----------
    text
        Any text (a sentence, an article).
    published
        The publication date that relative expressions are resolved against; ``None``
        skips relative expressions ("on Wednesday") and years missing from "March 5".
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            resolved = _resolve(name, m, published)
            if resolved is None:
                continue
            day, precision = resolved
            if name == "weekday" and _looks_ahead(m, text) and published is not None:
                day = day + timedelta(days=7) if day <= published else day
            prep = (m.groupdict().get("prep") or "").lower()
            relation = {"since": "since", "from": "since", "until": "until", "till": "until",
                        "before": "before", "by": "before", "for": "since"}.get(prep, "on")
            found.append(DateMention(m.start(), m.end(), " ".join(m.group(0).split()), day, precision, relation))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _looks_ahead(m: re.Match[str], text: str) -> bool:
    # "will remain in place until Sunday", "next Monday": the one exception to weekdays
    # pointing back, since a future tense cannot mean a past day.
    prep = (m.groupdict().get("prep") or "").lower()
    before = text[max(0, m.start() - 80):m.start()].lower()
    return prep in ("until", "till") and re.search(r"\b(?:will|would|to remain|is to)\b", before) is not None


def latest_weekday(name: str, published: date) -> date:
    """The latest day named ``name`` ("Wednesday") on or before ``published``."""
    wanted = WEEKDAYS.index(name.lower())
    return published - timedelta(days=(published.weekday() - wanted) % 7)


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "march")."""
    return _MONTH_ABBREVIATIONS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower()[:3]]


def _resolve(name: str, m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    g = m.groupdict()
    try:
        if name == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"])), "day"
        if name in ("month_day_year", "day_month_year"):
            return date(int(g["y"]), month_number(g["mon"]), int(g["d"])), "day"
        if name in ("month_day", "day_month"):
            if published is None:
                return None
            day = date(published.year, month_number(g["mon"]), int(g["d"]))
            # "January 2" in a March article is this year's; "December 28" in a January one is last year's.
            if day > published + timedelta(days=1):
                day = day.replace(year=day.year - 1)
            return day, "day"
        if name == "month_year":
            return date(int(g["y"]), month_number(g["mon"]), 1), "month"
        if name == "month":
            if published is None:
                return None
            first = date(published.year, month_number(g["mon"]), 1)
            # "in December" in a March article is last year's December
            return (first if first <= published else first.replace(year=first.year - 1)), "month"
        if name == "year":
            return date(int(g["y"]), 1, 1), "year"
    except (ValueError, KeyError):
        return None
    if published is None:
        return None
    if name == "duration":
        return _duration_start(g["n"], g["unit"], published)
    if name == "weekday":
        day = latest_weekday(g["wd"], published)
        if (g.get("prep") or "").lower() == "last" and day == published:
            day -= timedelta(days=7)
        return day, "day"
    if name == "yesterday":
        return published - timedelta(days=1), "day"
    if name == "today":
        return published, "day"
    if name == "last_unit":
        which, unit = " ".join(g["w"].lower().split()), g["unit"].lower()
        this = which in ("this", "earlier this")
        if unit == "week":
            return (published if this else published - timedelta(days=7)), "week"
        if unit == "month":
            first = published.replace(day=1)
            return (first if this else (first - timedelta(days=1)).replace(day=1)), "month"
        return date(published.year - (0 if this else 1), 1, 1), "year"
    return None


def _duration_start(count: str, unit: str, published: date) -> tuple[date, str]:
    """When a state that has lasted ``count`` ``unit`` up to ``published`` began, at that unit's precision.

    "held onto half of Aleppo for more than four years" (published 2016-12-14) began in 2012;
    "more than" and "nearly" are not told apart, the precision covers them.
    """
    n = 1 if count.lower() in ("a", "an") else (
        int(count) if count.isdigit() else _NUMBER_WORDS.index(count.lower()) + 1)
    unit = unit.lower().rstrip("s")
    if unit == "year":
        return date(published.year - n, 1, 1), "year"
    if unit == "month":
        months = published.year * 12 + published.month - 1 - n
        return date(months // 12, months % 12 + 1, 1), "month"
    return published - timedelta(days=n * (7 if unit == "week" else 1)), "week" if unit == "week" else "day"
