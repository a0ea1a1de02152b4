"""Timeline: merge control events from many articles into who held each place, and when.

Each place (keyed by its gazetteer id, else by its words) gets a sequence of
:class:`ControlInterval`. The rules, applied to the place's events in date order:

- ``captured``/``retook``/``entered`` by X on D: X's interval opens at D and the interval of
  the previous controller (a different side) closes at D.
- ``holds`` by X since D (or as of D): X's interval opens at D unless X already holds the
  place; a holding that the text says ended (``until``) closes at that date.
- ``withdrew``/``lost`` by X on D: X's interval closes at D.
- ``besieged`` changes nothing but is kept as a supporting event of the interval it falls in.

Sources that disagree (two sides said to hold or take the same place on the same date, or
events contradicting an interval) are kept: both intervals stay, flagged ``disputed`` with
a note naming the sources. Intervals still open end at ``None`` (ongoing).

Then, per place: intervals of one side that overlap or meet (two reports of one withdrawal,
"on Wednesday" and a headline dated by the publication) are one, with every supporting
event; each bound is the more precise reading where one is the other told vaguely
("2024-04-10" over "by 2024-04-11", "2016-03-05" over "in 2016"), else the earlier start and
the later end. An ongoing and an ended interval of one side stay apart. Intervals of two
sides that overlap are a handover told vaguely when one bound fits in the other ("the army
withdrew", by the publication day, and "the RSF took it on Sunday": the army's ends on
Sunday), and otherwise a disagreement: both are flagged ``disputed``, with a note saying who
says what ("sources disagree: SAF held it until 2025-10-27 (elfasher.txt: withdrew, army
chief ... said) but RSF holds it from 2025-10-26 on (elfasher.txt: captured, ...)").

An unnamed place is known only by its words and the town it is told from (its ``anchor``):
"the presidential palace in Khartoum" and, a paragraph later, "the palace". Two such places
with the same anchor and the same head noun, one of them definite and neither plural, are
read as one place (keyed by the fuller words), so that the army's recapture closes the
RSF's holding. Places that only may be the same ("several villages near Kupiansk", "the
villages") stay apart, but where two sides are said to hold them at once, both intervals
are flagged ``disputed``.

A denial (:mod:`controlmap.denials`: "Ukraine denied that Russian troops had taken
Ocheretyne") opens and closes nothing; it flags, as ``disputed``, the intervals of the
place it denies: a rival's interval in force on the day of the denial (its gain is denied),
and, for a denied loss ("denied withdrawing from"), the speaker's own interval that a loss
ended on or before that day. The denial joins the interval's ``denials`` and its note. A
denial with no date (an article without a publication date) is read only against the
intervals its own article supports.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .dates import date_label, precision_end
from .denials import DENIED_LOSS, Denial
from .event_records import CHANGE_CLASS, PART_OF_PLACE, ControlEvent
from .gazetteer import GazetteerEntry
from .records import place_doubt


@dataclass
class ControlInterval:
    """One side's control of one place over a period.

    Attributes
    ----------
    place_key
        The gazetteer id (``geonames:170063``) or ``text:<place words>`` for an unresolved place.
    place
        The gazetteer entry, ``None`` for an unresolved place.
    place_name
        Display name: the entry's name, else the place words.
    side, actor
        Who held it: the side and the canonical actor (of the event that opened the interval).
    start, start_precision
        When control began (a :data:`~controlmap.events.PRECISIONS` value); ``None`` when unknown.
    end, end_precision
        When it ended; ``None`` while ongoing.
    events
        The events that support the interval, in date order.
    contested
        True when it was opened by an ``entered`` event (fighting inside the place), the
        place was besieged during it, or two sides held parts of it at once.
    disputed
        True when sources disagree about this interval; ``note`` says how.
    denials
        Denials of the change that opened or closed it (:class:`controlmap.denials.Denial`).
    anchor
        For an unnamed place (``place`` ``None``), the gazetteer entry of the town it is
        told from ("the palace" in Khartoum: Khartoum), where its events name one; the
        interval is drawn there. ``None`` otherwise.
    """

    place_key: str
    place: GazetteerEntry | None
    place_name: str
    side: str
    actor: str
    start: date | None
    start_precision: str
    end: date | None = None
    end_precision: str | None = None
    events: list[ControlEvent] = field(default_factory=list)
    contested: bool = False
    disputed: bool = False
    note: str = ""
    anchor: GazetteerEntry | None = None
    denials: list = field(default_factory=list)

    def covers(self, day: date) -> bool:
        """True when the interval includes ``day`` (an open end is ongoing)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Timeline:
    """Control intervals of every place, ordered by place then start date.

    Attributes
    ----------
    intervals
        All intervals.
    events
        The events it was built from (including ones that opened no interval, such as sieges).
    denials
        The denials it was given, whether or not they disputed an interval.
    """

    intervals: list[ControlInterval] = field(default_factory=list)
    events: list[ControlEvent] = field(default_factory=list)
    denials: list = field(default_factory=list)

    def dates(self) -> list[date]:
        """Sorted distinct dates on which control changed (interval starts and ends)."""
        days = {d for i in self.intervals for d in (i.start, i.end) if d is not None}
        return sorted(days)

    def places(self) -> list[str]:
        """Place keys in the order they first appear in :attr:`intervals`."""
        return list(dict.fromkeys(i.place_key for i in self.intervals))

    def for_place(self, key: str) -> list[ControlInterval]:
        """Intervals of one place (by key), in start order."""
        return [i for i in self.intervals if i.place_key == key]

    def at(self, day: date) -> list[ControlInterval]:
        """Intervals in force on ``day`` (several per place when disputed or contested)."""
        return [i for i in self.intervals if i.covers(day)]


#: Order of changes dated the same day: a withdrawal closes before an entry opens, and
#: observations ("holds") come after the changes they may confirm.
_RANK = {"loss": 0, "gain": 1, "enter": 1, "hold": 2, "siege": 3}


def build_timeline(events: list[ControlEvent], denials: Sequence[Denial] = ()) -> Timeline:
    """Merge events (from any number of articles) into control intervals per place.

    Parameters
    ----------
    events
        Control events, in any order.
    denials
        Denials of changes (:func:`controlmap.denials.find_denials`) from the same articles:
        they flag the intervals they deny as ``disputed``.

    Returns
    -------
    Timeline
        Intervals ordered by place (first appearance) then start date; see the module
        docstring for the rules. Events with no date at all support intervals but open none
        of their own unless nothing else is known about the place.
    """
    intervals: list[ControlInterval] = []
    for key, group in _by_place(events).items():
        intervals.extend(_place_intervals(key, group))
    _flag_rivals_nearby(intervals)
    for denial in denials:
        _apply_denial(intervals, denial)
    return Timeline(intervals=intervals, events=list(events), denials=list(denials))


def _apply_denial(intervals: list[ControlInterval], denial: Denial) -> None:
    """Flag the intervals of the denial's place that it says are wrong (module docstring)."""
    key = denial.place.entry.id
    day = denial.date
    for interval in intervals:
        if interval.place_key != key:
            continue
        if day is None and not any(e.source == denial.source for e in interval.events):
            continue  # an undated denial can only be read against what its own article tells
        rival = interval.side != denial.side and denial.denied_side in (None, interval.side)
        if rival and (day is None or interval.covers(day)):
            what = f"{interval.side} did not take it"
        elif (denial.denied == DENIED_LOSS and interval.side == denial.side and interval.end is not None
              and (day is None or interval.end <= day)):
            what = f"{interval.side} did not give it up"
        else:
            continue
        if denial in interval.denials:
            continue
        interval.disputed = True
        interval.denials.append(denial)
        note = f"denied: {denial.actor_text} ({denial.source}) says {what}"
        interval.note = note if not interval.note else interval.note + "; " + note


# --- unnamed places: which words name the same place -------------------------------------

#: Where an unnamed place's own words end and the words locating it begin ("the presidential
#: palace | in Khartoum", "defence posts | east of Basra").
_LOCATING = re.compile(r"\s+(?:in|of|at|near|outside|around|inside|on|by|from|off|between|along|"
                       r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?)\b.*",
                       re.I | re.S)
#: Head nouns that end in "s" and yet name one place.
_ONE_PLACE_PLURALS = frozenset({"barracks", "headquarters", "works", "premises"})


def _head_noun(place_text: str) -> str | None:
    """The noun an unnamed place's words are about: "the presidential palace in Khartoum" ->
    "palace", "defence posts east of Basra" -> "posts"; ``None`` when there is no word."""
    own = _LOCATING.sub("", " ".join(place_text.split()))
    words = re.findall(r"[A-Za-z][\w'’-]*", own)
    return words[-1].lower() if words else None


def _is_plural(noun: str) -> bool:
    # a set of places ("villages", "positions") is not one place, and two sets need not match
    return noun not in _ONE_PLACE_PLURALS and noun.endswith("s") and not noun.endswith(("ss", "us", "is"))


def _definite(place_text: str) -> bool:
    """Whether the words point to one known place ("the palace", "its headquarters")."""
    return re.match(r"(?:the|its|their|this|that)\b", place_text.strip(), re.I) is not None


def _unnamed_key(event: ControlEvent) -> tuple[str, str] | None:
    """``(anchor id, head noun)`` of an event's unnamed place, ``None`` for a named one."""
    if event.place is None or not event.anchor:
        return None
    head = _head_noun(event.place_text)
    return (event.place.entry.id, head) if head else None


def _by_place(events: list[ControlEvent]) -> dict[str, list[ControlEvent]]:
    """Events grouped by place key; unnamed places that name the same place share one.

    "the presidential palace in Khartoum" (the army retook it) and "the palace" (the RSF had
    held it since 2023), both told from Khartoum, are one place: same anchor, same head
    noun, at least one of them definite, neither plural. The fuller words give the key.
    """
    by_place: dict[str, list[ControlEvent]] = {}
    for event in events:
        by_place.setdefault(event.place_key, []).append(event)
    merged: dict[tuple[str, str], list[str]] = {}
    for key, group in by_place.items():
        unnamed = next((k for k in map(_unnamed_key, group) if k is not None), None)
        if unnamed is not None and not _is_plural(unnamed[1]):
            merged.setdefault(unnamed, []).append(key)
    for keys in merged.values():
        if len(keys) < 2 or not any(_definite(by_place[k][0].place_text) for k in keys):
            continue
        keep = max(keys, key=lambda k: (len(by_place[k][0].place_text.split()), -keys.index(k)))
        for key in keys:
            if key != keep:
                by_place[keep].extend(by_place.pop(key))
    return by_place


def _flag_rivals_nearby(intervals: list[ControlInterval]) -> None:
    """Flag, as ``disputed``, still-open intervals of different sides over unnamed places
    that may be one place (same anchor, same head noun) but were not merged into one."""
    open_by: dict[tuple[str, str], list[ControlInterval]] = {}
    for interval in intervals:
        if interval.end is None and interval.place is None and interval.anchor is not None:
            head = _head_noun(interval.place_name)
            if head:
                open_by.setdefault((interval.anchor.id, head), []).append(interval)
    for group in open_by.values():
        for a in group:
            for b in group:
                if a.place_key < b.place_key and a.side != b.side:
                    note = (f"{a.place_name!r} and {b.place_name!r}, both near {a.anchor.name}, may be one place: "
                            f"{a.side} and {b.side} are both said to hold it")
                    for interval in (a, b):
                        interval.disputed = True
                        interval.note = note if not interval.note else interval.note + "; " + note


def _order(event: ControlEvent) -> tuple:
    return (event.date or date.max, _RANK.get(CHANGE_CLASS.get(event.change, ""), 9), event.source, event.start)


def _in_text_order_within_a_sentence(ordered: list[ControlEvent]) -> list[ControlEvent]:
    """``ordered`` with each side's changes of one sentence and date in the order the sentence
    tells them: "M23 seized Goma in 2012 but withdrew days later" is a gain, then a loss
    (losses otherwise come first on a day, as one side leaves before the other comes in)."""
    groups: dict[tuple, list[int]] = {}
    for i, e in enumerate(ordered):
        groups.setdefault((e.date, e.source, e.start, e.side), []).append(i)
    out = list(ordered)
    for indices in groups.values():
        if len(indices) > 1:
            for i, e in zip(indices, sorted((ordered[i] for i in indices), key=lambda e: e.trigger_start)):
                out[i] = e
    return out


def _place_intervals(key: str, events: list[ControlEvent]) -> list[ControlInterval]:
    ordered = _in_text_order_within_a_sentence(sorted(events, key=_order))
    first = ordered[0]
    entry = first.place.entry if first.place is not None and not first.anchor else None
    # an unnamed place is named by its key's words (the fuller ones of a merged place)
    named = next((e for e in ordered if e.place_key == key), first)
    name = entry.name if entry is not None else named.place_text
    anchor = None if entry is not None else next(
        (e.place.entry for e in ordered if e.place is not None and e.anchor), None)
    out: list[ControlInterval] = []

    def open_of(side: str) -> ControlInterval | None:
        return next((i for i in reversed(out) if i.side == side and i.end is None), None)

    def start(event: ControlEvent, day: date | None, precision: str, contested: bool = False) -> ControlInterval:
        interval = ControlInterval(key, entry, name, event.side, event.actor, day, precision,
                                   events=[event], contested=contested, anchor=anchor)
        out.append(interval)
        return interval

    for event in ordered:
        day = event.date
        kind = CHANGE_CLASS.get(event.change)
        if kind == "loss":
            held = open_of(event.side)
            if held is None:
                # Withdrawing from a place means having held it: an interval with an unknown start.
                held = start(event, None, "unknown")
            else:
                held.events.append(event)
            # ("his forces had withdrawn, Burhan said on Monday": on or before that Monday, which
            # a capture told on Sunday fits)
            held.end, held.end_precision = day, (_BY_THEN if event.date_relation == "before" else event.date_precision)
        elif kind in ("gain", "enter"):
            for other in out:
                if other.side != event.side and other.end is None and (other.start is None or day is None
                                                                       or other.start <= day):
                    if other.start == day and day is not None and _claims(other) and kind != "enter":
                        _dispute(other, event)
                        continue
                    other.end, other.end_precision = day, event.date_precision
            held = open_of(event.side)
            if held is not None:
                held.events.append(event)
                held.contested = held.contested or kind == "enter"
            else:
                interval = start(event, day, event.date_precision, contested=kind == "enter")
                rivals = [o for o in out if o is not interval and o.side != event.side and o.end is None]
                for rival in rivals:
                    _dispute(rival, event)
                    interval.disputed = True
                    interval.note = rival.note
        elif kind == "hold":
            if event.until is not None:
                covering = next((i for i in out if i.side == event.side and i.covers(event.until)), None)
                if covering is None:
                    # ("had held the palace since April 2023", closed by its recapture: from then)
                    since = event.date_relation == "since" and day is not None
                    interval = start(event, day if since else None, event.date_precision if since else "unknown")
                    interval.end, interval.end_precision = event.until, event.until_precision
                else:
                    covering.events.append(event)
                continue
            held = open_of(event.side) or next((i for i in out if i.side == event.side and day is not None
                                                 and i.covers(day)), None)
            if held is not None:
                held.events.append(event)
                if event.date_relation == "since" and day is not None and held.start is not None and day < held.start:
                    held.start, held.start_precision = day, event.date_precision
                continue
            rivals = [o for o in out if o.side != event.side and o.end is None and _claims(o)]
            whole = [o for o in rivals if not _partial(o) and (o.start is None or day is None or o.start <= day)]
            if _is_part(event) and whole:
                # "the city stayed in government hands even as rebels held much of the
                # countryside around it": part of the place, held against the side that holds
                # it, contests that side's holding and opens none of its own
                whole[-1].events.append(event)
                whole[-1].contested = True
                continue
            interval = start(event, day, event.date_precision)
            for rival in rivals:
                if rival.start is not None and day is not None and rival.start < day and event.source == rival.events[-1].source:
                    # The same report tells of a later holder: control changed in between.
                    rival.end, rival.end_precision = day, event.date_precision
                    continue
                if _is_part(event) or _partial(rival):
                    # two sides holding parts of a place ("northeastern Syria", "much of the
                    # country"): a divided place, not sources that disagree
                    rival.contested = interval.contested = True
                    continue
                _dispute(rival, event)
                interval.disputed = True
                interval.note = rival.note
        else:  # besieged: kept with whatever interval it falls in; control is unchanged
            around = [i for i in out if day is not None and i.covers(day) and i.side != event.side]
            for interval in around or out[-1:]:
                interval.events.append(event)
                interval.contested = True
    out = _merge_duplicates(out)
    _reconcile_overlaps(out)
    out.sort(key=lambda i: (i.start or date.min, i.side))
    return out


# --- duplicates and overlaps ---------------------------------------------------------------


#: The precision of a date that bounds from above only: "on or before" it.
_BY_THEN = "on-or-before-publication"


def _span(day: date, precision: str | None) -> tuple[date, date]:
    """The first and last day a date of that precision can be ("on or before" D: up to D)."""
    if precision == "on-or-before-publication":
        return date.min, day
    return day, precision_end(day, precision)


def _within(inner: tuple[date, str | None], outer: tuple[date, str | None]) -> bool:
    """Whether the date ``inner`` (day, precision) can be the date ``outer`` is vague about."""
    (a, b), (c, d) = _span(*inner), _span(*outer)
    return c <= a and b <= d


def _compatible(a: tuple[date, str | None], b: tuple[date, str | None]) -> bool:
    """Whether two vague dates can be one day: their spans share one (a week that contains
    the day another report's "on or before" ends on)."""
    (lo_a, hi_a), (lo_b, hi_b) = _span(*a), _span(*b)
    return max(lo_a, lo_b) <= min(hi_a, hi_b)


def _width(d: tuple[date, str | None]) -> int:
    """How many days a date of that precision can be (the narrower is the finer reading)."""
    lo, hi = _span(*d)
    return (hi - lo).days


def _finer(a: tuple[date, str | None], b: tuple[date, str | None]) -> tuple[date, str | None] | None:
    """Of two readings of one date (one inside the other's span), the more precise; ``None``
    when they are two different dates."""
    if _within(a, b):
        return a
    if _within(b, a):
        return b
    return None


def _lo(interval: ControlInterval) -> date:
    return interval.start or date.min


def _hi(interval: ControlInterval) -> date:
    return interval.end or date.max


def _join(a: ControlInterval, b: ControlInterval) -> ControlInterval:
    """One interval of what two same-side intervals of one place say (``b`` into ``a``).

    Each bound is the more precise of the two when one is the other told vaguely ("on
    Wednesday" and "by the publication day"; "2016-03-05" and "in 2016"); else the start is
    the earlier and the end the later. A bound one of them does not know (an unknown start)
    is the other's. Every supporting event is kept.
    """
    if a.start is None or b.start is None:
        a.start, a.start_precision = (a.start, a.start_precision) if b.start is None else (b.start, b.start_precision)
    else:
        finer = _finer((a.start, a.start_precision), (b.start, b.start_precision))
        a.start, a.start_precision = finer or min((a.start, a.start_precision), (b.start, b.start_precision),
                                                  key=lambda d: d[0])
    if a.end is not None and b.end is not None:
        finer = _finer((a.end, a.end_precision), (b.end, b.end_precision))
        a.end, a.end_precision = finer or max((a.end, a.end_precision), (b.end, b.end_precision),
                                              key=lambda d: d[0])
    for event in b.events:
        if not any(event is e for e in a.events):
            a.events.append(event)
    a.events.sort(key=_order)
    a.contested = a.contested or b.contested
    a.disputed = a.disputed or b.disputed
    a.note = "; ".join(dict.fromkeys(n for n in (a.note, b.note) if n))
    return a


def _merge_duplicates(intervals: list[ControlInterval]) -> list[ControlInterval]:
    """Same-side intervals of one place that overlap or meet, merged into one.

    Two reports of one withdrawal ("withdrew on Wednesday"; a headline, dated by the
    publication day) open two intervals that both end it: they are one holding. Both must
    be ended, or both ongoing: an ongoing holding that a report says ended is a
    contradiction, not a duplicate, and stays as two.
    """
    out = list(intervals)
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(out):
            for b in out[i + 1:]:
                if (a.side == b.side and (a.end is None) == (b.end is None)
                        and max(_lo(a), _lo(b)) <= min(_hi(a), _hi(b))):
                    _join(a, b)
                    out.remove(b)
                    merged = True
                    break
            if merged:
                break
    return out


def _reconcile_overlaps(intervals: list[ControlInterval]) -> None:
    """Intervals of different sides over one place that overlap: one handover told vaguely
    is tightened, and two reports that disagree are flagged ``disputed``.

    "The army withdrew by the publication day" and "the RSF took it on Sunday" agree: the
    army's holding ends on Sunday. "The RSF seized it on Sunday" and "the army withdrew on
    Monday" do not: both intervals are flagged, with a note naming who says what.
    """
    ordered = sorted(intervals, key=_lo)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if a.side == b.side or not (_lo(b) < _hi(a) and _lo(a) < _hi(b)):
                continue
            if a.end is not None and b.start is not None and _lo(a) <= b.start:
                if _within((b.start, b.start_precision), (a.end, a.end_precision)):
                    a.end, a.end_precision = b.start, b.start_precision
                    continue
                if _within((a.end, a.end_precision), (b.start, b.start_precision)):
                    b.start, b.start_precision = a.end, a.end_precision
                    continue
                if _compatible((a.end, a.end_precision), (b.start, b.start_precision)):
                    # "held it on or before 30 Nov" and "seized it last week" (the week of
                    # 25 Nov): one handover in the days both allow, told at the finer precision
                    finer = min((a.end, a.end_precision), (b.start, b.start_precision), key=_width)
                    (a.end, a.end_precision), (b.start, b.start_precision) = finer, finer
                    continue
            if a.disputed and b.disputed:
                continue  # already told apart, with their note
            if b.events[0].change == "entered" and a.end is not None and b.start is not None and b.start <= a.end:
                # "Russian troops entered the town last week" and "Ukrainian forces have withdrawn":
                # one fight for the place, told in order, not two reports that disagree
                a.contested = b.contested = True
                continue
            if _partial(a) or _partial(b):
                # one side holds part of the place ("northeastern Syria") while the other holds
                # it or another part ("much of the country"): contested ground, no disagreement
                a.contested = b.contested = True
                continue
            note = (f"sources disagree: {a.side} {_range(a)} ({_who(a, ending=True)}) "
                    f"but {b.side} {_range(b)} ({_who(b)})")
            for interval in (a, b):
                interval.disputed = True
                interval.note = note if not interval.note else interval.note + "; " + note


def _who(interval: ControlInterval, *, ending: bool = False) -> str:
    """Who says so: the article, change and attribution of the event that ended (else
    opened) an interval: "13-elfasher.txt: withdrew, army chief Abdel Fattah al-Burhan said"."""
    events = interval.events
    event = next((e for e in reversed(events) if CHANGE_CLASS.get(e.change) == "loss"), None) if ending else None
    event = event or events[0]
    return f"{event.source}: {event.change}" + (f", {event.attributed_to}" if event.attributed_to else "")


def _range(interval: ControlInterval) -> str:
    start = date_label(interval.start, interval.start_precision) if interval.start else None
    end = date_label(interval.end, interval.end_precision) if interval.end else None
    if start and end:
        return f"held it from {start} to {end}"
    if end:
        return f"held it until {end}"
    return f"holds it from {start} on" if start else "held it (dates unknown)"


def _is_part(event: ControlEvent) -> bool:
    """Whether an event is about part of its place ("much of the countryside around it")."""
    return PART_OF_PLACE in event.notes


def _partial(interval: ControlInterval) -> bool:
    """Whether every event of an interval tells only of part of its place."""
    return bool(interval.events) and all(_is_part(e) for e in interval.events)


def _claims(interval: ControlInterval) -> bool:
    return any(CHANGE_CLASS.get(e.change) in ("gain", "hold") for e in interval.events)


def _told_by(event: ControlEvent) -> str:
    """The article of an event, with who it quotes: "ua2.txt (Ukraine's General Staff said)"."""
    return f"{event.source} ({event.attributed_to})" if event.attributed_to else event.source


def _dispute(interval: ControlInterval, event: ControlEvent) -> None:
    """Flag ``interval`` as contradicted by ``event``, naming both sources."""
    interval.disputed = True
    note = (f"sources disagree: {_told_by(interval.events[0])} puts it under {interval.side}; "
            f"{_told_by(event)} says {event.side} {event.change} it")
    interval.note = note if not interval.note else interval.note + "; " + note


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _evidence(event: ControlEvent) -> dict:
    """One supporting event of an interval, as its row quotes it: the sentence and its span,
    the place words and their span, the change and its date, and how sure the place is."""
    entry = event.place.entry if event.place is not None else None
    return {
        "source": event.source, "sentence": event.sentence, "start": event.start, "end": event.end,
        "place_text": event.place_text, "place_start": event.place_start, "place_end": event.place_end,
        "id": entry.id if entry else None, "change": event.change, "actor": event.actor, "side": event.side,
        "event_date": _iso(event.date), "date_precision": event.date_precision,
        "attributed_to": event.attributed_to, **place_doubt(event.place),
    }


def interval_to_dict(interval: ControlInterval) -> dict:
    """A JSON-ready dict of one control interval: the one serialisation the CLI, the exports
    (GeoJSON properties, GeoPackage ``control`` layer, CSV) and a notebook all use.

    ``start_date``/``end_date`` are ISO dates (the names QGIS's temporal controller and
    kepler.gl look for), ``ongoing`` is true while the end is open. ``evidence`` lists the
    supporting events (source, sentence and its span, place words and their span, change,
    date), then the denials that dispute it (change ``denied``, the denier as actor and
    side); ``sources`` the articles, ``|``-joined. An unnamed place has its anchor town's
    ``id`` and ``country`` (``anchor`` true) and no ``kind``: the town's kind is not the
    palace's. ``contested``: fighting inside the place (an entry, a siege) or parts of it
    held by two sides; ``disputed``: sources disagree, ``note`` says who says what.
    """
    entry = interval.place
    anchor = interval.anchor if entry is None else None
    at = entry or anchor
    return {
        "place_key": interval.place_key,
        "id": at.id if at else None,
        "name": interval.place_name,
        "kind": entry.kind if entry else None,
        "country": at.country if at else None,
        "anchor": anchor is not None,
        "side": interval.side,
        "actor": interval.actor,
        "start_date": _iso(interval.start),
        "start_precision": interval.start_precision,
        "end_date": _iso(interval.end),
        "end_precision": interval.end_precision,
        "ongoing": interval.end is None,
        "disputed": bool(interval.disputed),
        "contested": bool(interval.contested),
        "note": interval.note or "",
        "sources": "|".join(dict.fromkeys(e.source for e in (*interval.events, *interval.denials))),
        "evidence": [_evidence(e) for e in (*interval.events, *interval.denials)],
    }
