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
"last week", "two weeks ago"       2024-11-18, 2024-11-11 (the Monday of that  week
                                   ISO week: a week date covers seven days)
"last month", "earlier this month" 2024-10-01, 2024-11-01                      month
"three days ago", "a year ago"     2024-11-27, 2023-01-01                      day, year
"at the weekend"                   2024-11-25 (the week of Saturday 11-30)     week
"on December 5", "5 March 1987"    that day (year of publication, or the year  day
                                   before when the day would be after it)
"in March 2018"                    2018-03-01                                  month
"in 2016", "since 2020"            2016-01-01, 2020-01-01                      year
"in March", "since December"       2024-03-01, 2023-12-01 (the latest such     month
                                   month on or before publication)
"last August", "last November"     2024-08-01, 2023-11-01 (the latest such     month
                                   month before the month of publication)
"for more than four years"         2020-01-01 (a state lasting up to           year
                                   publication began then; relation ``since``)
=================================  ==========================================  =========

Relative expressions need a publication date; without one they are skipped rather than
guessed. The word before a date gives its relation: ``since`` (control from then on),
``until`` (up to then), ``before``, ``after`` or plain ``on``.

Not read as dates: a weekday in the possessive after a word that puts the event before it
("ahead of Sunday's talks": Sunday is the talks' day, not the capture's, and the talks may
be still to come); after one that puts it after ("after Friday's vote"), the weekday is
read with relation ``after`` (on or after that day). Nor is a date no calendar has ("on 30
February", "2024-13-01"), which :func:`invalid_dates` reports with the reason. A date that would fall outside
:data:`CALENDAR` is not resolved either (see :data:`EARLIEST_PUBLISHED`).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator

from .errors import DateError

#: Date precisions, finest first. A ``week`` date is the Monday of its ISO week, a ``month``
#: date the 1st, a ``year`` date January 1. ``on-or-before-publication``: the text gives no
#: date, so the event happened on or before the article's publication date (the date then
#: held). ``unknown``: neither the text nor the article gives a date.
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "on-or-before-publication", "unknown")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}

#: The publication dates relative dates are counted from. The counts the patterns read are
#: at most 999 years, months, weeks or days, so every date counted from one of these stays
#: inside :data:`CALENDAR`; a publication date outside is refused where it is read
#: (:func:`controlmap.article.parse_date`): year 1 or 9999 is a typing slip, not a report.
EARLIEST_PUBLISHED = date(1000, 1, 1)
LATEST_PUBLISHED = date(8999, 12, 31)
#: The dates this module gives: a year inside ``date``'s own range at each end, so that the
#: arithmetic later stages do on them (a period's last day, the day before a map's first
#: step) cannot overflow. A date that would fall outside is not resolved.
CALENDAR = (date(2, 1, 1), date(9998, 12, 31))


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
        The resolved date (the first day of the week, month or year for coarser precisions).
    precision
        ``day``, ``week``, ``month`` or ``year``.
    relation
        ``on``, ``since``, ``until``, ``before`` or ``after``.
    """

    start: int
    end: int
    text: str
    date: date
    precision: str
    relation: str = "on"


@dataclass(frozen=True)
class InvalidDate:
    """Words written as a date that no calendar has ("on 30 February", "2024-13-01"), or as a
    month of the publication's year that has not begun by it ("in April this year" in a
    February article, in no future tense).

    Attributes
    ----------
    start, end
        Span of the words (with their preposition) in the text searched.
    text
        The words, e.g. ``"on 30 February"``.
    reason
        Why it is no date, e.g. ``"February 2025 has 28 days"``.
    after_publication
        Whether the words name a date of the calendar, but one after the publication.
    """

    start: int
    end: int
    text: str
    reason: str
    after_publication: bool = False


_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PREP = r"(?:(?P<prep>since|until|till|before|by|on|in|from|after|during|of|late|early|last|this)\s+)?"
#: The optional preposition of :data:`_PREP`, looked for right before a date found without it:
#: a pattern that opens with an optional group is tried at every character of the text, one
#: that opens with ``\b`` and a word list is several times faster.
_PREP_BEFORE = re.compile(r"(?:since|until|till|before|by|on|in|from|after|during|of|late|early|last|this)\s+$", re.I)
#: How far back a preposition and the white space after it may start.
_PREP_REACH = 60
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
#: A month named in full and capitalised (so that "may" the verb is no month).
_FULL_MONTH = "(?-i:" + "|".join(m.capitalize() for m in MONTHS) + ")"
#: The prepositions before a month named alone ("in March", "since May last year").
_MONTH_PREP = r"in|since|until|till|by|during|early|late|mid-?|from"

#: Counts written out, "one" to "twelve" (a word's index is its value less one).
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

# Order matters: longer, more specific forms first; a later pattern never overlaps an earlier hit.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(rx, re.I)) for name, rx in (
    ("iso", _PREP + r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("month_day_year", _PREP + r"\b(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("day_month_year", _PREP + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + _MONTH + r"),?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("month_day", _PREP + r"\b(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:km|kms|miles|mi|per|%|,\s*\d))"),
    ("day_month", _PREP + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + _MONTH + r")\b"),
    ("month_year", _PREP + r"\b(?P<mon>" + _MONTH + r")\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"),
    # "in April this year", "since May last year": the month of the year named, not the latest
    # such month, and one date, not a month and a year that compete for the verb
    ("month_of_year", rf"\b(?:(?P<prep>{_MONTH_PREP})\s+)?(?P<mon>{_FULL_MONTH})\s+(?P<w>this|last)\s+year\b"),
    # "in March", "last March": a month named in full, after a preposition, is the latest such
    # month (capitals required, see _FULL_MONTH)
    ("month", rf"\b(?P<prep>{_MONTH_PREP}|last|"
              # "at the end of May", "by the middle of March", "in the first days of August"
              r"(?:at|by|in|since|until|from|around|towards?)\s+the\s+(?:end|start|beginning|middle|close|turn|"
              r"first\s+(?:days|weeks)|last\s+(?:days|weeks))\s+of)\s+(?:(?:early|late|mid-?)\s*)?"
              rf"(?P<mon>{_FULL_MONTH})\b(?!\s*\d)"),
    ("weekday", _PREP + r"\b(?P<wd>" + _WEEKDAY + r")(?P<poss>['’]s)?" + _PART + r"\b"),
    ("weekend", r"\b(?P<w>at|over|during|this|last)\s+(?:the\s+)?weekend\b"),
    ("yesterday", _PREP + r"\b(?P<w>yesterday|last\s+night|overnight)" + _PART + r"\b"),
    ("today", r"\b(?P<w>today|tonight|this\s+(?:morning|afternoon|evening))\b"),
    ("last_unit", r"\b(?P<w>last|past|this|earlier\s+this)\s+(?P<unit>week|month|year)\b"),
    ("duration", r"\b(?P<prep>for)\s+(?:(?:more|less|fewer)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+|"
                 r"the\s+(?:past|last)\s+)?(?P<n>\d{1,3}|a|an|" + "|".join(NUMBER_WORDS) + r")\s+"
                 r"(?P<unit>years?|months?|weeks?|days?)\b"),
    ("ago", r"(?<![\d,.])\b(?P<n>\d{1,3}|a|an|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>years?|months?|weeks?|days?)\s+ago\b"),
    ("year", r"\b(?P<prep>since|until|till|before|by|in|from|after|during|of|late|early|mid-?)\s+(?:(?:early|late|mid-?)\s*)?(?P<y>(?:19|20)\d\d)\b(?!\s*(?:km|kms|miles|people|dlrs?|troops|soldiers|men|-))"),
))


#: The patterns that open with :data:`_PREP`, without it (see :func:`_matches`).
_CORES: dict[str, re.Pattern[str]] = {name: re.compile(p.pattern[len(_PREP):], re.I)
                                      for name, p in _PATTERNS if p.pattern.startswith(_PREP)}
#: What a text must contain for each of those patterns to match: a digit, a month, a weekday.
_DIGIT = re.compile(r"\d")
_CUES: dict[str, re.Pattern[str]] = {
    "iso": _DIGIT, "month_day_year": _DIGIT, "day_month_year": _DIGIT, "month_day": _DIGIT, "day_month": _DIGIT,
    "month_year": _DIGIT, "weekday": re.compile(r"day", re.I),
    "yesterday": re.compile(r"yesterday|night", re.I),
}


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
    return _scan(text, published)[0]


def invalid_dates(text: str, published: date | None) -> list[InvalidDate]:
    """The words of ``text`` written as a date that no calendar has, in order.

    "Ukrainian troops recaptured Andriivka on 30 February": :func:`find_dates` gives no date
    for it (nor "February" alone: the writer meant a day, and which one is unknown). A
    caller that dates an event by the publication instead can say why with these.

    Parameters
    ----------
    text
        Any text (a sentence, an article).
    published
        The publication date, whose year a date without one ("30 February") is read in;
        with ``None`` only dates impossible in every year are reported.
    """
    return _scan(text, published)[1]


def _scan(text: str, published: date | None) -> tuple[list[DateMention], list[InvalidDate]]:
    """The dates of ``text`` and the words written as dates that are none (see :func:`find_dates`)."""
    found: list[DateMention] = []
    invalid: list[InvalidDate] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        if name in _CORES and not _CUES[name].search(text):
            continue
        for start, end, g in _matches(name, pattern, text):
            if any(start < e and s < end for s, e in taken):
                continue
            later_than = False
            if name == "weekday" and g.get("poss") and _ANOTHER_EVENTS_DAY.search(text[max(0, start - 40):end]):
                # "ahead of Sunday's talks": Sunday is the talks' day, not this event's (and the
                # talks may be still to come); "after Friday's vote": on or after Friday
                if not _AFTER_ANOTHER_EVENT.search(text[max(0, start - 40):end]):
                    continue
                later_than = True
            resolved = _resolve(name, g, published)
            if resolved is None:
                reason = _impossible(name, g, published)
                if reason is not None:
                    # the span is taken: "30 February 2025" must not be read as "February 2025"
                    invalid.append(InvalidDate(start, end, " ".join(text[start:end].split()), reason))
                    taken.append((start, end))
                continue
            day, precision = resolved
            prep = ((g.get("prep") or "").lower().split() or [""])[0]  # ("since the beginning of": since)
            if name == "month_of_year" and published is not None and day > published \
                    and not _looks_ahead(prep, start, text):
                # "in April this year" in a February article: the text names this year's April,
                # which has not come ("in April" alone would be last year's, the words say not)
                invalid.append(InvalidDate(start, end, " ".join(text[start:end].split()),
                                           f"{MONTHS[day.month - 1].title()} {day.year} had not begun on "
                                           f"{published.isoformat()}", after_publication=True))
                taken.append((start, end))
                continue
            if name == "weekday" and _looks_ahead(prep, start, text) and published is not None and day <= published:
                day = _within_calendar(lambda day=day: day + timedelta(days=7))
                if day is None:
                    continue
            relation = "after" if later_than else {"since": "since", "from": "since", "until": "until", "till": "until",
                                                   "before": "before", "by": "before", "for": "since"}.get(prep, "on")
            found.append(DateMention(start, end, " ".join(text[start:end].split()), day, precision, relation))
            taken.append((start, end))
    found.sort(key=lambda d: d.start)
    invalid.sort(key=lambda d: d.start)
    return found, invalid


#: A possessive weekday that names another event the one told happened before or after:
#: "ahead of Sunday's talks", "after Friday's vote", "on the eve of Sunday's election".
#: ("In Sunday's attack, rebels took X" and "since Sunday's assault" still date it.)
_ANOTHER_EVENTS_DAY = re.compile(
    r"\b(?:ahead\s+of|before|prior\s+to|after|following|in\s+advance\s+of|(?:run|lead)[\s-]+up\s+to|eve\s+of)\s+"
    r"(?:(?:last|this|next)\s+)?" + _WEEKDAY + r"['’]s" + _PART + r"\Z", re.I)


#: The words of :data:`_ANOTHER_EVENTS_DAY` that put the event told after the other one.
_AFTER_ANOTHER_EVENT = re.compile(r"\b(?:after|following)\s+(?:(?:last|this)\s+)?" + _WEEKDAY + r"['’]s" + _PART + r"\Z",
                                  re.I)


def _within_calendar(compute) -> date | None:
    """``compute()``, or ``None`` when the date it gives would fall outside :data:`CALENDAR`."""
    try:
        day = compute()
    except (OverflowError, ValueError):
        return None
    return day if CALENDAR[0] <= day <= CALENDAR[1] else None


def relative_dates(text: str) -> list[str]:
    """The date expressions of ``text`` that only a publication date can resolve, as written.

    "on Thursday", "yesterday", "on March 5" (no year): what :func:`find_dates` skips when it
    is given no publication date. Used to say why an event stays undated.
    """
    absolute = {(d.start, d.end) for d in find_dates(text, None)}
    return [d.text for d in find_dates(text, _ANY_DAY) if (d.start, d.end) not in absolute]


def date_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every date expression of ``text``, whatever the publication date.

    The spans :func:`find_dates` would give with some publication date, and those of the
    impossible dates :func:`invalid_dates` reports: for a caller that must know which words
    are a date before it reads them as something else ("JERUSALEM, May 7 (Reuters)": "May"
    is a month there, not the modal verb).
    """
    found, invalid = _scan(text, _ANY_DAY)
    return sorted((d.start, d.end) for d in [*found, *invalid])


#: Any publication date: only whether an expression resolves matters to :func:`relative_dates`
#: and :func:`date_spans`.
_ANY_DAY = date(2000, 6, 15)


def _matches(name: str, pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int, dict[str, str | None]]]:
    """``(start, end, groups)`` of each match of pattern ``name``, as ``pattern`` would give them.

    Patterns that open with :data:`_PREP` are searched without it, and the preposition is
    then looked for right before the date (same matches, found several times faster).
    """
    core = _CORES.get(name)
    if core is None:
        for m in pattern.finditer(text):
            yield m.start(), m.end(), m.groupdict()
        return
    for m in core.finditer(text):
        start, groups = m.start(), m.groupdict()
        prep = _PREP_BEFORE.search(text, max(0, start - _PREP_REACH), start)
        if prep is not None:
            start, groups["prep"] = prep.start(), text[prep.start():prep.end()].split()[0]
        yield start, m.end(), groups


def _looks_ahead(prep: str, start: int, text: str) -> bool:
    # "will remain in place until Sunday", "next Monday": the one exception to weekdays
    # pointing back, since a future tense cannot mean a past day.
    before = text[max(0, start - 80):start].lower()
    return prep in ("until", "till") and re.search(r"\b(?:will|would|to remain|is to)\b", before) is not None


def latest_weekday(name: str, published: date) -> date:
    """The latest day named ``name`` ("Wednesday") on or before ``published``."""
    wanted = WEEKDAYS.index(name.lower())
    return published - timedelta(days=(published.weekday() - wanted) % 7)


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "march")."""
    return _MONTH_ABBREVIATIONS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower()[:3]]


def _resolve(name: str, g: dict[str, str | None], published: date | None) -> tuple[date, str] | None:
    """The date and precision of one match, ``None`` when it gives no date: relative without a
    publication date, impossible ("30 February"), or outside :data:`CALENDAR`."""
    try:
        resolved = _resolve_unchecked(name, g, published)
    except (ValueError, OverflowError, KeyError):
        return None  # an impossible day, or a count that leaves the calendar
    if resolved is None or not CALENDAR[0] <= resolved[0] <= CALENDAR[1]:
        return None
    return resolved


def _year_of(month: int, day: int, published: date) -> int:
    """The year of a day written without one: "January 2" in a March article is this year's,
    "December 28" (or "February 29") in a January one last year's; a day after publication
    counts as this year's only when it is the day after (a time zone ahead)."""
    limit = published + timedelta(days=1) if published < date.max else published
    if limit.year > published.year or (month, day) <= (limit.month, limit.day):
        return published.year
    return published.year - 1


def _impossible(name: str, g: dict[str, str | None], published: date | None) -> str | None:
    """Why a match of a day-and-month pattern is no calendar date ("February 2025 has 28 days"),
    ``None`` when it is one, or is not such a match.

    Written-out days above 31 are no dates at all ("the 45 May protesters" is a count), so
    they are not reported; an ISO form always means a date.
    """
    if name not in ("iso", "month_day_year", "day_month_year", "month_day", "day_month"):
        return None
    month = int(g["m"]) if name == "iso" else month_number(g["mon"])
    day = int(g["d"])
    if name == "iso" and not 1 <= month <= 12:
        return f"there is no month {month}"
    if name != "iso" and not 1 <= day <= 31:
        return None
    if day < 1:
        return f"there is no day {day}"
    most = calendar.monthrange(2000, month)[1]  # (a leap year: the most any year has)
    if day > most:
        return f"{MONTHS[month - 1].title()} has at most {most} days"
    year = int(g["y"]) if g.get("y") else _year_of(month, day, published) if published is not None else None
    if year is None:
        return None  # "29 February" is a day in some years
    most = calendar.monthrange(year, month)[1]
    if 1 <= day <= most:
        return None
    return f"{MONTHS[month - 1].title()} {year} has {most} days"


def _resolve_unchecked(name: str, g: dict[str, str | None], published: date | None) -> tuple[date, str] | None:
    try:
        if name == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"])), "day"
        if name in ("month_day_year", "day_month_year"):
            return date(int(g["y"]), month_number(g["mon"]), int(g["d"])), "day"
        if name in ("month_day", "day_month"):
            if published is None:
                return None
            month, day = month_number(g["mon"]), int(g["d"])
            return date(_year_of(month, day, published), month, day), "day"
        if name == "month_year":
            return date(int(g["y"]), month_number(g["mon"]), 1), "month"
        if name == "month":
            if published is None:
                return None
            first = date(published.year, month_number(g["mon"]), 1)
            # "in December" in a March article is last year's December; "last April" in an
            # April article is the April of a year ago, not this one
            this_month = first.month == published.month and (g.get("prep") or "").lower() == "last"
            return (first if first <= published and not this_month else first.replace(year=first.year - 1)), "month"
        if name == "year":
            return date(int(g["y"]), 1, 1), "year"
        if name == "month_of_year" and published is not None:
            year = published.year - (0 if g["w"].lower() == "this" else 1)
            return date(year, month_number(g["mon"]), 1), "month"
    except (ValueError, KeyError):
        return None
    if published is None:
        return None
    if name in ("duration", "ago"):
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
    if name == "weekend":
        # the latest weekend on or before publication ("last weekend" in a Sunday paper: the one before)
        saturday = latest_weekday("saturday", published)
        if g["w"].lower() == "last" and published.weekday() >= 5:
            saturday -= timedelta(days=7)
        elif g["w"].lower() == "this" and published.weekday() < 5:
            saturday += timedelta(days=7)  # "talks will be held this weekend", written on a Wednesday
        return week_start(saturday), "week"
    if name == "last_unit":
        which, unit = " ".join(g["w"].lower().split()), g["unit"].lower()
        this = which in ("this", "earlier this")
        if unit == "week":
            return week_start(published if this else published - timedelta(days=7)), "week"
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
    return shifted(published, -count_value(count), unit)


def count_value(word: str) -> int:
    """The number a count word stands for: "a" 1, "eight" 8, "12" 12."""
    word = word.lower()
    return 1 if word in ("a", "an") else int(word) if word.isdigit() else NUMBER_WORDS.index(word) + 1


def period_start(day: date, precision: str) -> date:
    """The first day of the week, month or year ``day`` falls in, as a date of that precision holds."""
    if precision == "year":
        return date(day.year, 1, 1)
    if precision == "month":
        return day.replace(day=1)
    if precision == "week":
        return week_start(day)
    return day


def shifted(day: date, n: int, unit: str) -> tuple[date, str]:
    """``day`` moved by ``n`` (negative: back) units of ``unit``, at that unit's precision:
    a year back from 2016-12-14 is 2015 (Jan 1), a week back is the Monday of that week."""
    unit = unit.lower().rstrip("s")
    moved = _within_calendar(lambda: _shift(day, n, unit))
    if moved is None:
        # Only a publication date :data:`EARLIEST_PUBLISHED` refuses, or counts chained from
        # counts, get here: a one-line error, not an overflow traceback.
        raise DateError(f"{abs(n)} {unit}s {'after' if n >= 0 else 'before'} {day.isoformat()} is outside "
                        f"the calendar controlmap counts in ({CALENDAR[0].isoformat()} to {CALENDAR[1].isoformat()})")
    return moved, unit


def _shift(day: date, n: int, unit: str) -> date:
    if unit == "year":
        return date(day.year + n, 1, 1)
    if unit == "month":
        months = day.year * 12 + day.month - 1 + n
        return date(months // 12, months % 12 + 1, 1)
    if unit == "week":
        return week_start(day + timedelta(days=7 * n))
    return day + timedelta(days=n)


#: "eight months after", "two weeks before", "a year later": a date told from another one.
OFFSET = re.compile(r"(?<![\d,.])\b(?P<n>\d{1,3}|a|an|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>years?|months?|weeks?|days?)"
                    r"\s+(?P<way>after|before|later|earlier)\b", re.I)


def offset_sign(way: str) -> int:
    """How an event told "N units <way>" relates to the date it is told from: "two weeks
    after the fall of Goma" puts the fall of Goma two weeks *before* the date in play (-1)."""
    return -1 if way.lower() in ("after", "earlier") else 1


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week: what a ``week`` date holds."""
    return day - timedelta(days=day.weekday())


def precision_end(day: date, precision: str | None) -> date:
    """The last day a date of that precision covers (a ``year`` date is Jan 1 of the year)."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if precision == "week":
        # (the last week of the calendar ends with it)
        return min(day, date.max - timedelta(days=6)) + timedelta(days=6)
    return day


def date_label(day: date | None, precision: str | None) -> str:
    """Write a date only as precisely as the text gave it ("2016", "2024-11", "week of 2024-11-18")."""
    if day is None:
        return "date unknown"
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.year}-{day.month:02d}"
    if precision == "week":
        return f"week of {day.isoformat()}"
    if precision == "on-or-before-publication":
        return f"on or before {day.isoformat()}"
    return day.isoformat()
