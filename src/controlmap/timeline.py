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
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .events import ControlEvent
from .gazetteer import GazetteerEntry


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
        True when it was opened by an ``entered`` event (fighting inside the place) or the
        place was besieged during it.
    disputed
        True when sources disagree about this interval; ``note`` says how.
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
    """

    intervals: list[ControlInterval] = field(default_factory=list)
    events: list[ControlEvent] = field(default_factory=list)

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
