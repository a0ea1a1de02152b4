"""The map: one self-contained HTML file that steps through the dates of a timeline.

Design
------
Time is shown as **one layer per date, switched by a stepping slider** (a range input with
previous/next buttons, written here as a small Leaflet control), not with the
``Timeline``/``TimelineSlider`` plugin. The dates of a control timeline are few and
irregular (2016, 2020, then two days in November 2024): a continuous time slider spreads
them over eight years, so the last week is a sliver that a reader cannot hit, and it places
the reader *between* reports rather than on them. A year-precision date ("in 2016") is also
not an instant. One snapshot per date shows exactly what the timeline says on that date
(:meth:`controlmap.timeline.Timeline.at`), every place gets a marker in every snapshot (its
controller's colour, or white when no control is reported yet), the places whose events
happened on that date get a heavy black ring, and the panel lists those events. The
snapshot of the latest date is shown when the page opens.

Colour means a side and nothing else. A side is one war's: "government" is the Syrian
government in Syria and the Yemeni one in Yemen, so colours are keyed on (war, side)
(:class:`SidePalette`). Each side keeps its registry colour unless another war's side on the
map has it (or one that reads as it); then it gets a spare colour no other side on the map
is near. The legend names every actor drawn in a side's colour (a generic row by its words
as written, "rebels"); on a map of several wars each side, in the legend, popups and panel,
names its war ("government (Syria)"); a map of one war names sides alone.

Distance claims are neutral dark lines whose dash pattern is the verdict
(:data:`VERDICT_DASHES`, explained in the legend), drawn over a white casing that takes the
clicks; a claim's end that no date layer marks gets a small dark dot. Actors are shown as the registry names them, except its ``generic`` rows, whose
names are bookkeeping: there the side is shown, with the words as written when they add
to it (:func:`shown_actor`). Permanent labels of places a few km apart go on opposite
sides (:func:`place_labels`); in the page, a label that would still print over another
is hidden until a zoom makes room (``controlmap.declutter``), and popups open clear of the
map's controls.

Escaping
--------
Article text never becomes HTML or template source. Every string from an article reaches
the page as JSON written by :func:`page_json` (``<``, ``>``, ``&``, ``'`` and the ``{`` of
``{{``/``{%``/``{#`` as ``\\u`` escapes, so neither ``</script>`` nor branca's second
Jinja pass over the rendered script can act on it) and is put into popups, tooltips and the
panel with ``textContent`` by the functions in :data:`_HELPERS_JS`. folium's own
``Popup`` is not used: it pastes HTML into a JavaScript template literal, where backticks
and ``${`` are live.

Offline
-------
folium links leaflet from a CDN and has no offline mode. :func:`save_map` renders the page
and replaces each link with the file's text read from the installed ``folium-offline``
package (``offlinefolium.elements``), so the saved page needs no network. The map uses
leaflet alone (circle markers, no icon fonts, no jQuery, no bootstrap), which keeps the
file small. Tiles still come from OpenStreetMap when the network is there; without it the
page still draws its layers over a light basemap of country outlines taken from the
``countryinfo`` package.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement

try:  # folium >= 0.18 moved Template; older releases use jinja2's.
    from folium.template import Template
except ImportError:  # pragma: no cover
    from jinja2 import Template

from .actors import AS_WRITTEN, UNKNOWN_COLOUR, load_actors
from .dates import PRECISIONS, date_label
from ._files import replacing
from .errors import ExportError
from .records import place_doubt

#: The only CDN assets the map uses: leaflet itself. Everything else is written here.
_LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
_LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"

#: The one colour of distance-claim lines. Colour on this map means a side; a verdict drawn
#: in green or red read as "opposition" or "government" (the palettes overlapped), so every
#: claim is the same neutral dark line on a white casing, and its verdict is its pattern.
CLAIM_COLOUR = "#303030"
#: SVG ``stroke-dasharray`` of each verdict (see :mod:`controlmap.distances`): solid when the
#: figure fits, dashed when it is off (long dashes over, short dashes under), dotted when
#: the direction is wrong, dash-dot when nothing could be checked.
VERDICT_DASHES: dict[str, str | None] = {
    "consistent": None,
    "overstated": "12 7",
    "understated": "5 6",
    "direction-wrong": "1 7",
    "unverifiable": "12 6 1 6",
}
_UNKNOWN_DASH = "2 4"
_GREY = UNKNOWN_COLOUR
#: Places closer than this put their permanent labels on opposite sides. At the map's
#: closest fitted zoom (9) 15 km is ~55 px: a marker and a label that close overlap.
_LABEL_CLASH_KM = 15.0
#: Widest the date panel and the legend may be (their CSS ``max-width``), and the room kept
#: clear on the right when fitting the view: the panel and its margins.
_PANEL_MAX_WIDTH_PX = 340
_PANEL_WIDTH_PX = _PANEL_MAX_WIDTH_PX + 20
#: Up to this many places per date get a permanent name label; past it labels hide the map.
_MAX_LABELS = 30
_FALLBACK_PALETTE = ("#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf")



# ---------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateStep:
    """One position of the time slider.

    Attributes
    ----------
    day
        The date of the snapshot; ``None`` for the single snapshot of an undated timeline.
    precision
        The finest precision any report gives for that date.
    label
        What the slider shows ("2016", "2024-11", "2024-11-30", "on or before 2024-11-30").
    """

    day: date | None
    precision: str
    label: str


def _finest(precisions: Iterable[str | None]) -> str:
    ranked = [p for p in precisions if p in PRECISIONS]
    return min(ranked, key=PRECISIONS.index) if ranked else "day"


def date_steps(timeline: Any, events: Sequence[Any]) -> list[DateStep]:
    """The slider's positions: every date on which control changed or an event is dated.

    Parameters
    ----------
    timeline
        A :class:`controlmap.timeline.Timeline` (``intervals`` of ``ControlInterval``).
    events
        Control events; their dates become steps too, so that a siege or an observed
        holding that changed nothing still gets a date a reader can land on.
    """
    precisions: dict[date, list[str | None]] = {}
    for interval in _intervals(timeline):
        if interval.start is not None:
            precisions.setdefault(interval.start, []).append(interval.start_precision)
        if interval.end is not None:
            precisions.setdefault(interval.end, []).append(interval.end_precision)
    for event in events:
        if getattr(event, "date", None) is not None:
            precisions.setdefault(event.date, []).append(event.date_precision)
    steps = []
    for day in sorted(precisions):
        precision = _finest(precisions[day])
        steps.append(DateStep(day, precision, date_label(day, precision)))
    if steps and any(i.start is None and i.end is not None for i in _intervals(timeline)):
        # "A rebel stronghold until it fell in 2016": a holding with no known start is only
        # visible before the first date, so give the reader a step there.
        first = steps[0]
        steps.insert(0, DateStep(first.day - timedelta(days=1), "unknown", f"before {first.label}"))
    return steps


# ---------------------------------------------------------------------------- records


def _intervals(timeline: Any) -> list[Any]:
    return list(getattr(timeline, "intervals", None) or []) if timeline is not None else []


def _all_events(events: Sequence[Any], timeline: Any) -> list[Any]:
    """The events given plus those the timeline was built from, each once, in order."""
    seen: dict[int, Any] = {}
    for event in list(events or []) + list(getattr(timeline, "events", None) or []):
        seen.setdefault(id(event), event)
    return list(seen.values())


def _event_entry(event: Any) -> Any | None:
    """The gazetteer entry an event is drawn at (the reference town of an unnamed place)."""
    place = getattr(event, "place", None)
    return getattr(place, "entry", None)


def _event_key(event: Any) -> str:
    key = getattr(event, "place_key", None)
    if key:
        return key
    entry = _event_entry(event)
    return entry.id if entry is not None else "text:" + str(getattr(event, "place_text", "")).lower()


@lru_cache(maxsize=1)
def _generic_actors() -> frozenset[str]:
    """Canonical names of the registry's ``generic`` rows ("government (generic)")."""
    return frozenset(a.canonical for a in load_actors().actors if a.conflict == "generic")


def shown_actor(actor: str | None, written: str | None, side: str) -> str | None:
    """The actor a reader is shown next to the side, or ``None`` when the side says it all.

    A generic row's name ("government (generic)") is the registry's bookkeeping, not what
    the article said: it is replaced by the words as written ("rebels"), and dropped when
    those words only repeat the side ("government forces" on the ``government`` side) or
    point back ("it", "its forces").
    """
    if actor not in _generic_actors():
        return actor
    if not written or side.lower() in written.lower() or _PRONOUN.match(written):
        return None
    return written


#: Words that name an actor only by pointing back ("it", "they", "its forces"): the side says more.
_PRONOUN = re.compile(r"(?:it|its|they|them|their|he|his|she|her|we|our)\b", re.I)


def _relation_label(relation: str, label: str) -> str:
    """The date label with how the event relates to it: "since 2016", "on or after 2023-10"."""
    if label.startswith(("on or before", "date unknown")):
        return label
    return {"since": f"since {label}", "before": f"on or before {label}", "after": f"on or after {label}"}.get(
        relation, label)


#: Gazetteer id -> the name the map shows for it (:func:`written_names`); absent ids keep
#: their gazetteer name.
Names = dict[str, str]


def _shown_name(entry: Any, names: Names | None) -> str:
    return (names or {}).get(entry.id, entry.name)


def _evidence_name(event: Any, names: Names | None = None) -> str:
    """The place an event is about, as the panel lists it: an unnamed place ("much of the
    north-east") with the town it is told from, not as if it were the town."""
    entry = _event_entry(event)
    if entry is None:
        return event.place_text
    shown = _shown_name(entry, names)
    return f"{event.place_text} (near {shown})" if getattr(event, "anchor", False) else shown


def _evidence(event: Any, colours: SidePalette | dict[str, str] | None = None,
              names: Names | None = None) -> dict[str, Any]:
    """What a popup quotes for one event: the sentence, its article and span, the date, and
    (on a map of several wars) the war of its side."""
    return {
        "sentence": event.sentence,
        "source": event.source,
        "span": [event.start, event.end],
        "date": _relation_label(getattr(event, "date_relation", "on"), date_label(event.date, event.date_precision)),
        "precision": event.date_precision,
        "change": event.change,
        "actor": shown_actor(event.actor, getattr(event, "actor_text", None), event.side),
        "side": event.side,
        "place": event.place_text,
        "name": _evidence_name(event, names),
        "id": _event_entry(event).id if _event_entry(event) is not None else None,
        "attributed_to": getattr(event, "attributed_to", None),
        "anchor": bool(getattr(event, "anchor", False)),
        "war": _war_of(colours, event),
        **place_doubt(getattr(event, "place", None)),
    }


def _interval_summary(interval: Any, colours: SidePalette | dict[str, str]) -> dict[str, Any]:
    # The words of the events that gave the interval its actor, for a generic actor.
    written = next((e.actor_text for e in interval.events
                    if e.actor == interval.actor and getattr(e, "actor_text", None)), None)
    return {
        "side": interval.side,
        "actor": shown_actor(interval.actor, written, interval.side),
        "war": _war_of(colours, interval),
        "colour": _colour_of(colours, interval),
        "since": date_label(interval.start, interval.start_precision),
        "until": "ongoing" if interval.end is None else date_label(interval.end, interval.end_precision),
        "disputed": bool(interval.disputed),
        "contested": bool(getattr(interval, "contested", False)),
        "note": getattr(interval, "note", "") or "",
    }


def side_colours(sides: Iterable[str]) -> dict[str, str]:
    """Colour of each side of one war, from the actor registry (:func:`controlmap.actors.load_actors`).

    Sides the registry does not know get colours from a fixed palette, in the order given,
    so that two unknown sides are never drawn in the same grey; ``unknown`` stays grey. A
    map of several wars uses :class:`SidePalette`, which keys colours on (war, side).
    """
    registry = load_actors()
    spare = iter(_FALLBACK_PALETTE)
    colours: dict[str, str] = {}
    for side in dict.fromkeys(sides):
        colour = registry.colour_for(side)
        if colour == UNKNOWN_COLOUR and side.lower() != "unknown":
            colour = next(spare, UNKNOWN_COLOUR)
        colours[side] = colour
    return colours


#: How the legend names each war of the registry (``conflict`` keys of ``geo/actors.csv``);
#: a key not listed is shown with its hyphens as spaces and a capital.
WAR_NAMES: dict[str, str] = {
    "syria": "Syria", "ukraine": "Russia-Ukraine", "sudan": "Sudan", "drc": "eastern DR Congo",
    "myanmar": "Myanmar", "israel": "Israel-Hamas-Hezbollah", "yemen": "Yemen", "sahel": "Sahel",
    "libya": "Libya", "ethiopia": "Ethiopia", "somalia": "Somalia", "mozambique": "Cabo Delgado",
    "iran-iraq": "Iran-Iraq war", "chad-libya": "Chad-Libya war", "angola": "Angola", "lebanon": "Lebanon",
    "georgia": "Georgia 2008", "philippines": "Philippines", "iraq-2004": "Iraq 2004",
}
#: The war of records whose actors and places tell none.
UNKNOWN_WAR = "war not identified"
#: Colours given to a side whose registry colour another war's side already has on the map,
#: and to sides the registry lacks (after :data:`_FALLBACK_PALETTE`): Kelly's colours of
#: maximum contrast, less white, greys and those the registry's sides use most.
_SPARE_PALETTE = ("#875692", "#f38400", "#a1caf1", "#be0032", "#c2b280", "#008856", "#e68fac", "#0067a5",
                  "#f99379", "#604e97", "#f6a600", "#b3446c", "#dcd300", "#882d17", "#8db600", "#654522",
                  "#e25822", "#2b3d26", "#6a5acd", "#00ced1", "#ff1493", "#9acd32", "#ff6347", "#4682b4")
#: Two colours closer than this (the "redmean" RGB distance, 0-765) read as one on the map.
_CLASH = 50.0
#: How far a spare colour should be from every colour on the map (two greens 80 apart are
#: told apart side by side, not across a map).
_SPARE_APART = 120.0
#: Colours the map uses for other things: grey (unknown side), the claims' dark line, the
#: light grey of passing mentions, white (no control reported).
_RESERVED = (UNKNOWN_COLOUR, CLAIM_COLOUR, "#bbbbbb", "#ffffff")


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def colour_distance(a: str, b: str) -> float:
    """How far apart two ``#rrggbb`` colours look (the "redmean" weighted RGB distance)."""
    (r1, g1, b1), (r2, g2, b2) = _rgb(a), _rgb(b)
    mean = (r1 + r2) / 2
    return math.sqrt((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - mean) / 256) * (b1 - b2) ** 2)


def _nearest(colour: str, taken: list[str]) -> float:
    """How close ``colour`` comes to the nearest of ``taken`` (see :func:`colour_distance`)."""
    return min(colour_distance(colour, t) for t in taken)


SideKey = tuple[str | None, str]


class SidePalette:
    """The sides drawn on one map, each keyed on (war, side), with its colour and legend name.

    A side's name is the registry's word for it in one war: "government" is the Syrian
    government in Syria and the Yemeni one in Yemen. So a side is keyed on its war and
    its name. The war of a record is its actor's registry row's ``conflict``; for an actor
    the registry keeps only as a generic row ("rebels") or as written ("The group"), it is
    the war of the other events of the same article (the one most of its registry actors
    are in, else the one its places are in, by ``geo/conflicts.csv``), else
    :data:`UNKNOWN_WAR`.

    Each side keeps its registry colour unless a side of *another* war on the map already
    has that colour or one that reads as it (:data:`_CLASH`); then, like sides the registry
    lacks, it gets the first spare colour (:data:`_FALLBACK_PALETTE`, then
    :data:`_SPARE_PALETTE`) that reads as none of the map's colours. Within one war the
    registry's colours are kept as they are. When the map holds more than one war, sides are
    named with their war ("government (Syria)"); a map of one war names the side alone.

    Parameters
    ----------
    intervals, events
        What the map draws (timeline intervals and control events), in map order: the first
        side named keeps its colour.
    """

    def __init__(self, intervals: Iterable[Any], events: Iterable[Any]):
        registry = load_actors()
        self._rows = {}
        for actor in registry.actors:
            self._rows.setdefault(actor.canonical, actor)
        self._registry = registry
        intervals, events = list(intervals), list(events)
        everything = list(events) + [e for i in intervals for e in getattr(i, "events", [])]
        self._article_wars = self._wars_of_articles(everything)
        keys = [self.key(r) for r in intervals + events]
        self.colours: dict[SideKey, str] = self._assign(list(dict.fromkeys(keys)))
        #: The wars on the map, in order of first appearance.
        self.wars: list[str | None] = list(dict.fromkeys(war for war, _ in self.colours))

    # --- which war -------------------------------------------------------------------

    def _row_war(self, actor: str | None) -> str | None:
        row = self._rows.get(actor or "")
        return row.conflict if row is not None and row.conflict not in ("generic", AS_WRITTEN) else None

    def _wars_of_articles(self, events: list[Any]) -> dict[str, str | None]:
        votes: dict[str, Counter[str]] = {}
        countries: dict[str, list[str]] = {}
        for event in events:
            source = str(getattr(event, "source", ""))
            war = self._row_war(getattr(event, "actor", None))
            votes.setdefault(source, Counter())
            if war is not None:
                votes[source][war] += 1
            entry = _event_entry(event)
            if entry is not None and getattr(entry, "country", None):
                countries.setdefault(source, []).append(entry.country)
        wars: dict[str, str | None] = {}
        for source, counter in votes.items():
            ranked = counter.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                wars[source] = ranked[0][0]
            else:
                wars[source] = self._registry.conflict_in(countries.get(source, []))
        return wars

    def war_of(self, record: Any) -> str | None:
        """The registry ``conflict`` of an interval's or event's side (``None`` when none is told)."""
        war = self._row_war(getattr(record, "actor", None))
        if war is not None:
            return war
        sources = [getattr(e, "source", None) for e in getattr(record, "events", None) or []]
        sources = sources or [getattr(record, "source", None)]
        return next((self._article_wars.get(str(s)) for s in sources if self._article_wars.get(str(s))), None)

    def key(self, record: Any) -> SideKey:
        """``(war, side)`` of an interval or event."""
        return self.war_of(record), record.side

    # --- colours and names ------------------------------------------------------------

    def _registry_colour(self, key: SideKey) -> str | None:
        war, side = key
        if side.lower() == "unknown":
            return UNKNOWN_COLOUR
        row = next((a for a in self._registry.actors if a.conflict == war and a.side.lower() == side.lower()), None)
        colour = row.colour if row is not None else self._registry.colour_for(side)
        return None if colour == UNKNOWN_COLOUR else colour.lower()

    def _assign(self, keys: list[SideKey]) -> dict[SideKey, str]:
        colours: dict[SideKey, str] = {}
        # registry colours first, so that a side the registry lacks never takes one from a side it has
        for key in keys:
            colour = self._registry_colour(key)
            if colour is None:
                continue
            if colour != UNKNOWN_COLOUR and any(
                    war != key[0] and colour_distance(colour, other) < _CLASH for (war, _), other in colours.items()):
                continue
            colours[key] = colour
        spares = list(dict.fromkeys(c.lower() for c in _FALLBACK_PALETTE + _SPARE_PALETTE))
        for key in keys:
            if key in colours:
                continue
            taken = list(colours.values()) + list(_RESERVED)
            # the first spare well apart from every colour on the map, else the one farthest from them
            colours[key] = next((c for c in spares if _nearest(c, taken) >= _SPARE_APART), None) or max(
                spares, key=lambda c, taken=taken: _nearest(c, taken))
        return {key: colours[key] for key in keys}

    @property
    def several_wars(self) -> bool:
        """True when the map holds sides of more than one war (their names then say which)."""
        return len(self.wars) > 1

    def war_name(self, war: str | None) -> str:
        """How the legend names a war ("Syria", "Russia-Ukraine")."""
        if war is None:
            return UNKNOWN_WAR
        return WAR_NAMES.get(war, war.replace("-", " ").capitalize())

    def shown_war(self, record: Any) -> str | None:
        """The war's name to show next to a record's side, ``None`` on a map of one war."""
        return self.war_name(self.war_of(record)) if self.several_wars else None

    def label(self, key: SideKey) -> str:
        """A side as the legend names it: "government", or "government (Syria)" among several wars."""
        war, side = key
        return f"{side} ({self.war_name(war)})" if self.several_wars else side

    def colour(self, record: Any) -> str:
        """The colour an interval or event is drawn in."""
        return self.colours.get(self.key(record), _GREY)


def _colour_of(colours: SidePalette | dict[str, str], record: Any) -> str:
    if isinstance(colours, SidePalette):
        return colours.colour(record)
    return colours.get(record.side, _GREY)


def _war_of(colours: SidePalette | dict[str, str] | None, record: Any) -> str | None:
    return colours.shown_war(record) if isinstance(colours, SidePalette) else None


def _point(entry: Any, properties: dict[str, Any]) -> dict[str, Any]:
    # GeoJSON and so L.geoJSON want lon, lat.
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [entry.lon, entry.lat]},
            "properties": properties}


def _entry_props(entry: Any, names: Names | None = None) -> dict[str, Any]:
    props = {"name": _shown_name(entry, names), "id": entry.id, "kind": entry.kind, "country": entry.country}
    if props["name"] != entry.name:  # the popup names the entry as the gazetteer does, beside its id
        props["gazetteer_name"] = entry.name
    return props


#: Lower-case words a town's written name may hold ("Deir ez-Zor", "Stratford-upon-Avon",
#: "Bandar-e Abbas"); any other lower-case word makes the words a description, not a name.
_NAME_PARTICLES = frozenset("al el ad ar as az ash ez e es de du da di des la le les sur am an on upon of".split())


def _is_written_name(text: str) -> bool:
    """Whether ``text`` is a town's name as written, not a description ("the city", "Aleppo's")."""
    if "'s" in text or "\u2019s" in text or not text[:1].isupper():
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_PARTICLES
               for word in re.split(r"[\s-]+", text) if word)


def written_names(places: Sequence[Any]) -> dict[str, str]:
    """The spelling the articles use for each town whose gazetteer name differs from it.

    GeoNames names a town in its own transliteration ("\u1e24am\u0101h", "Ar Raqqah"); a
    reader of an article about "Hama" and "Raqqa" looks for those words on the map. Only
    towns (kind ``city``) are renamed: a country's or province's written form is often an
    abbreviation or shared with its capital ("UK", "Idlib"), and an airport's a description.
    The commonest spelling wins; one that two entries would share keeps both gazetteer names.

    Returns
    -------
    dict
        Gazetteer id -> the written name, for the towns renamed.
    """
    spellings: dict[str, Counter[str]] = {}
    entries: dict[str, Any] = {}
    for place in places:
        entry = place.entry
        entries[entry.id] = entry
        if entry.kind == "city" and _is_written_name(place.text):
            spellings.setdefault(entry.id, Counter())[place.text] += 1
    chosen = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    taken = Counter(name.casefold() for name in chosen.values())
    taken.update(entry.name.casefold() for key, entry in entries.items() if key not in chosen)
    return {key: name for key, name in chosen.items()
            if name.casefold() != entries[key].name.casefold() and taken[name.casefold()] == 1}


# ---------------------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class PlaceHistory:
    """One place's intervals with what every snapshot quotes of them, built once per map.

    Attributes
    ----------
    entry
        The gazetteer entry the place is drawn at.
    intervals
        Its control intervals, in timeline order.
    summaries
        :func:`_interval_summary` of each interval (shared by every snapshot: copy before
        changing one).
    evidence
        The evidence of each interval's events.
    """

    entry: Any
    intervals: list[Any]
    summaries: list[dict[str, Any]]
    evidence: list[list[dict[str, Any]]]


def place_histories(timeline: Any, colours: SidePalette | dict[str, str],
                    names: Names | None = None) -> dict[str, PlaceHistory]:
    """Every located place of ``timeline`` with its history, keyed by place key."""
    by_place: dict[str, list[Any]] = {}
    for interval in _intervals(timeline):
        if getattr(interval, "place", None) is not None:
            by_place.setdefault(interval.place_key, []).append(interval)
    # (an interval's denials are quoted after its events: change "denied", the denier as actor)
    return {key: PlaceHistory(history[0].place, history, [_interval_summary(i, colours) for i in history],
                              [[_evidence(e, colours, names) for e in (*i.events, *getattr(i, "denials", ()))]
                               for i in history])
            for key, history in by_place.items()}


def snapshot(
    timeline: Any, events: Sequence[Any], step: DateStep, colours: SidePalette | dict[str, str],
    *, histories: dict[str, PlaceHistory] | None = None, names: Names | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The features of one date: every located place of the timeline, and that day's events.

    Parameters
    ----------
    timeline, events
        The timeline and every event (those dated ``step.day`` are that day's).
    step
        The date to draw.
    colours
        The map's :class:`SidePalette` (or, for one war, :func:`side_colours`' colour of each side).
    histories
        :func:`place_histories` of ``timeline``; pass it when drawing many dates, so that
        each place's history is summarised once rather than once per date.
    names
        :func:`written_names`: the towns to show as the articles spell them.

    Returns
    -------
    tuple
        A GeoJSON FeatureCollection (one point per place), the evidence of the events dated
        that day (for the panel), and the evidence of that day's events whose place could not
        be located (listed in the panel, not drawn).
    """
    if histories is None:
        histories = place_histories(timeline, colours, names)
    today = [e for e in events if step.day is not None and e.date == step.day]
    today_by_place: dict[str, list[Any]] = {}
    for event in today:
        today_by_place.setdefault(_event_key(event), []).append(event)

    features = []
    for key, place in histories.items():
        history = place.intervals
        if step.day is None:  # undated timeline: show what is still held
            active = [k for k, i in enumerate(history) if i.end is None] or list(range(len(history)))
        else:
            active = [k for k, i in enumerate(history) if i.covers(step.day)]
        props = _entry_props(place.entry, names) | {
            "history": place.summaries,
            "today": [_evidence(e, colours, names) for e in today_by_place.pop(key, [])],
        }
        if active:
            # Several intervals at once: sources disagree, or fighting inside the place.
            # The one opened last is drawn; the popup lists all of them.
            shown = max(active, key=lambda k: history[k].start or date.min)
            current = dict(place.summaries[shown])  # a copy: "disputed" is this date's
            current["disputed"] = (any(history[k].disputed for k in active)
                                   or len({history[k].side for k in active}) > 1)
            props |= {"status": "control", "current": current,
                      "also": [place.summaries[k] for k in active if k != shown],
                      "evidence": place.evidence[shown]}
        else:
            props |= {"status": "none", "current": None, "also": [],
                      "evidence": [ev for evidence in place.evidence for ev in evidence]}
        features.append(_point(place.entry, props))

    unlocated = []
    for day_events in today_by_place.values():
        entry = next((_event_entry(e) for e in day_events if _event_entry(e) is not None), None)
        if entry is None:
            unlocated.extend(_evidence(e, colours, names) for e in day_events)
            continue
        # An event that opened no interval (a siege, an unknown actor): draw it on its own.
        first = day_events[0]
        props = _entry_props(entry, names) | {
            # An unnamed place described from a town ("posts east of Basra") is not the town.
            "name": _evidence_name(first, names),
            "status": "event", "history": [], "also": [],
            "current": {"side": first.side, "actor": shown_actor(first.actor, first.actor_text, first.side),
                        "war": _war_of(colours, first), "colour": _colour_of(colours, first),
                        "since": date_label(first.date, first.date_precision), "until": "",
                        "disputed": False, "contested": False, "note": ""},
            "today": [_evidence(e, colours, names) for e in day_events],
            "evidence": [_evidence(e, colours, names) for e in day_events],
        }
        features.append(_point(entry, props))
    return ({"type": "FeatureCollection", "features": features}, [_evidence(e, colours, names) for e in today],
            unlocated)


def _offset_km(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, float]:
    """East and north distance in km from point feature ``a`` to ``b`` (flat-earth: a few km)."""
    (lon_a, lat_a), (lon_b, lat_b) = a["geometry"]["coordinates"], b["geometry"]["coordinates"]
    east = (lon_b - lon_a) * 111.32 * math.cos(math.radians((lat_a + lat_b) / 2))
    return east, (lat_b - lat_a) * 110.57


def place_labels(features: Sequence[dict[str, Any]]) -> None:
    """Set each point's ``label`` side ("right", "left", "top", "bottom") in place.

    Labels go right of their marker, except for two places within
    :data:`_LABEL_CLASH_KM`: the western one's label goes left (the eastern one's right),
    or, for places one above the other, the northern one's up and the southern one's down,
    so that neither marker sits on the other's name (Aleppo and its airport, 6 km apart).
    """
    points = [f for f in features if f["geometry"] and f["geometry"]["type"] == "Point"]
    for feature in points:
        feature["properties"]["label"] = "right"
    for i, a in enumerate(points):
        for b in points[i + 1:]:
            east, north = _offset_km(a, b)
            if math.hypot(east, north) > _LABEL_CLASH_KM:
                continue
            if abs(east) >= abs(north):
                west, eastern = (a, b) if east > 0 else (b, a)
                west["properties"]["label"], eastern["properties"]["label"] = "left", "right"
            else:
                upper, lower = (b, a) if north > 0 else (a, b)
                upper["properties"]["label"], lower["properties"]["label"] = "top", "bottom"


def _mention_features(places: Sequence[Any], skip: set[str], names: Names | None = None) -> dict[str, Any]:
    """One point per gazetteer entry mentioned but not on the control layers."""
    grouped: dict[str, list[Any]] = {}
    for place in places:
        if place.entry.id not in skip:
            grouped.setdefault(place.entry.id, []).append(place)
    features = []
    for mentions in grouped.values():
        entry = mentions[0].entry
        features.append(_point(entry, _entry_props(entry, names) | {
            "status": "mention", "history": [], "also": [], "today": [], "current": None,
            "evidence": [{"sentence": m.sentence.text, "source": m.source, "span": [m.sentence.start, m.sentence.end],
                          "place": m.text, "words": [m.start, m.end], **place_doubt(m)}
                         for m in mentions],
        }))
    return {"type": "FeatureCollection", "features": features}


def _drawable(claims: Sequence[Any]) -> list[Any]:
    return [c for c in claims if c.from_place is not None and c.to_place is not None]


def claim_features(claims: Sequence[Any], names: Names | None = None) -> dict[str, Any]:
    """Distance claims as lines from the reference place to the located one, patterned by verdict.

    The lines are :func:`controlmap.distances.claims_to_geojson`'s; the map adds its colour
    (:data:`CLAIM_COLOUR`), dash pattern (:data:`VERDICT_DASHES`) and popup fields. Claims
    without both places (a "lone" figure) have nothing to draw.
    """
    from .distances import claims_to_geojson

    drawable = _drawable(claims)
    collection = claims_to_geojson(drawable)
    for claim, feature in zip(drawable, collection["features"]):
        a, b = claim.from_place.entry, claim.to_place.entry
        feature["properties"].update({
            "status": "claim", "colour": CLAIM_COLOUR, "dash": VERDICT_DASHES.get(claim.verdict, _UNKNOWN_DASH),
            "name": f"{_shown_name(a, names)} \u2192 {_shown_name(b, names)}", "id": f"{a.id} \u2192 {b.id}",
            "evidence": [_claim_evidence(claim)],
        })
    return collection


def _claim_evidence(claim: Any) -> dict[str, Any]:
    return {"sentence": claim.sentence.text, "source": claim.source,
            "span": [claim.sentence.start, claim.sentence.end]}


def endpoint_features(claims: Sequence[Any], skip: set[str], names: Names | None = None) -> dict[str, Any]:
    """A small marker at each end of a claim line that no control layer draws.

    Without one, "Idlib sits 55km from Aleppo" ends in nothing when Idlib has no event.
    ``skip`` holds the gazetteer ids the date layers already mark.
    """
    ends: dict[str, tuple[Any, list[Any]]] = {}
    for claim in _drawable(claims):
        for end in (claim.from_place, claim.to_place):
            if end.entry.id not in skip:
                quoted = ends.setdefault(end.entry.id, (end.entry, []))[1]
                if claim not in quoted:
                    quoted.append(claim)
    features = [_point(entry, _entry_props(entry, names) | {
        "status": "endpoint", "colour": CLAIM_COLOUR, "history": [], "also": [], "today": [], "current": None,
        "evidence": [_claim_evidence(c) for c in quoted]}) for entry, quoted in ends.values()]
    return {"type": "FeatureCollection", "features": features}


def _json_default(value: Any) -> Any:
    """Dates become ISO strings, unknown objects their ``str`` (tuples are lists already)."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------- page elements

_JS_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027",
              "\u2028": "\\u2028", "\u2029": "\\u2029"}


def page_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` of a folium page.

    Dates become ISO strings and unknown objects their ``str``.
    ``<``, ``>``, ``&`` and ``'`` become ``\\u`` escapes (no ``</script>``, no HTML). And
    ``{`` before ``{``, ``%`` or ``#`` becomes ``\\u007b``: branca parses the rendered script
    once more as a Jinja template, so an article's ``{{ x }}`` would otherwise be evaluated
    (and vanish). Outside strings ``json.dumps`` only writes ``{"`` or ``{}``, so every
    match is inside a string, where the escape means the same character.
    """
    # default= rather than a walk over every value first: the snapshots are most of the page.
    text = json.dumps(data, ensure_ascii=False, default=_json_default)
    text = re.sub(r"[<>&'\u2028\u2029]", lambda m: _JS_UNSAFE[m.group(0)], text)
    return re.sub(r"\{(?=[{%#])", r"\\u007b", text)


#: Functions every layer uses. They build popups with textContent: article text is never HTML.
_HELPERS_JS = r"""
var controlmap = window.controlmap = window.controlmap || {};
controlmap.el = function (tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  if (cls) { node.className = cls; }
  return node;
};
controlmap.quote = function (root, ev) {
  root.appendChild(controlmap.el('blockquote', '\u201c' + ev.sentence + '\u201d', 'cm-quote'));
  var where = ev.source;
  if (ev.date) { where += ' \u00b7 ' + ev.date + ' (date precision: ' + ev.precision + ')'; }
  if (ev.span && ev.span[0] !== null) { where += ' \u00b7 chars ' + ev.span[0] + '\u2013' + ev.span[1]; }
  // attributed_to is the phrase as written ("according to the SOHR", "Moscow claimed").
  if (ev.attributed_to) { where += ' \u00b7 attributed: ' + ev.attributed_to; }
  root.appendChild(controlmap.el('div', where, 'cm-source'));
  if (ev.low_confidence) {
    var doubt = 'Place resolved with low confidence (' + ev.place_confidence + ')';
    if (ev.runner_up) { doubt += '; runner-up: ' + ev.runner_up_name + ' (' + ev.runner_up + ')'; }
    root.appendChild(controlmap.el('div', doubt, 'cm-doubt'));
  }
};
// "HTS (opposition)", or the side alone when the actor adds nothing to it.
// On a map of several wars a side's name carries its war: "HTS (opposition, Syria)".
controlmap.who = function (ev) {
  var side = ev.side + (ev.war ? ', ' + ev.war : '');
  return ev.actor && ev.actor !== ev.side ? ev.actor + ' (' + side + ')' : (ev.war ? ev.side + ' (' + ev.war + ')' : ev.side);
};
// "government (Syrian government): 2016", or "government (Syria: Syrian government): 2016" among several wars.
controlmap.held = function (h) {
  var actor = h.actor && h.actor !== h.side ? h.actor : null;
  var inner = h.war ? h.war + (actor ? ': ' + actor : '') : actor;
  var text = h.side + (inner ? ' (' + inner + ')' : '') + ': ' + h.since;
  if (h.until) { text += ' \u2192 ' + h.until; }
  if (h.disputed) { text += ' \u00b7 disputed'; }
  if (h.contested) { text += ' \u00b7 contested'; }
  return text;
};
controlmap.popup = function (p) {
  var el = controlmap.el, root = el('div', null, 'cm-popup');
  root.appendChild(el('div', p.name, 'cm-title'));
  if (p.status === 'claim') {
    root.appendChild(el('div', 'Gazetteer entries: ' + p.id + ' \u00b7 ' + p.kind + ' claim', 'cm-source'));
  } else if (p.id) {
    root.appendChild(el('div', 'Gazetteer entry: ' + (p.gazetteer_name ? p.gazetteer_name + ', ' : '') + p.id
                            + (p.kind ? ' (' + p.kind + ')' : ''), 'cm-source'));
  }
  if (p.status === 'control') {
    root.appendChild(el('div', 'Held by ' + controlmap.held(p.current), 'cm-status'));
    (p.also || []).forEach(function (h) { root.appendChild(el('div', 'Also reported: ' + controlmap.held(h), 'cm-status')); });
    if (p.current.note) { root.appendChild(el('div', p.current.note, 'cm-source')); }
  } else if (p.status === 'none') {
    root.appendChild(el('div', 'No control reported on this date', 'cm-status'));
  } else if (p.status === 'claim') {
    var km = p.geodesic_km === null ? 'not measurable' : p.geodesic_km.toFixed(1) + ' km';
    root.appendChild(el('div', 'Claim: ' + p.text + ' \u00b7 geodesic ' + km, 'cm-status'));
    root.appendChild(el('div', 'Verdict: ' + p.verdict + (p.reason ? ' \u2014 ' + p.reason : ''), 'cm-status'));
  } else if (p.status === 'mention') {
    root.appendChild(el('div', 'Mentioned; no control reported', 'cm-status'));
  } else if (p.status === 'endpoint') {
    root.appendChild(el('div', 'End of a distance claim; no control reported', 'cm-status'));
  }
  if (p.today && p.today.length) {
    root.appendChild(el('div', 'Events on this date', 'cm-head'));
    p.today.forEach(function (ev) {
      root.appendChild(el('div', ev.change + ' \u00b7 ' + controlmap.who(ev), 'cm-status'));
      controlmap.quote(root, ev);
    });
  }
  var evidence = (p.evidence || []).filter(function (ev) {
    return !(p.today || []).some(function (t) { return t.sentence === ev.sentence && t.source === ev.source; });
  });
  if (evidence.length) {
    root.appendChild(el('div', p.status === 'mention' ? 'Mentions' : 'Sources', 'cm-head'));
    evidence.forEach(function (ev) { controlmap.quote(root, ev); });
  }
  if (p.history && p.history.length > 1) {
    root.appendChild(el('div', 'History', 'cm-head'));
    p.history.forEach(function (h) { root.appendChild(el('div', controlmap.held(h), 'cm-history')); });
  }
  return root;
};
// Dots are dashes of length 1 with round ends; longer dashes keep square ends, so that
// their gaps stay the size the pattern says.
controlmap.cap = function (dash) { return dash && parseFloat(dash) <= 1 ? 'round' : 'butt'; };
controlmap.style = function (feature) {
  var p = feature.properties;
  // A claim's clickable layer is a solid white casing: a dashed or dotted stroke only
  // takes clicks on its dashes. The verdict's pattern is drawn over it (controlmap.pattern).
  if (p.status === 'claim') { return {color: '#ffffff', weight: 9, opacity: 0.85}; }
  if (p.status === 'endpoint') {
    return {radius: 4.5, color: '#ffffff', weight: 1.5, fillColor: p.colour, fillOpacity: 1};
  }
  if (p.status === 'mention') {
    return {radius: 4, color: '#555555', weight: 1, fillColor: '#bbbbbb', fillOpacity: 0.8};
  }
  if (p.status === 'none') {
    return {radius: 6, color: '#555555', weight: 1.5, fillColor: '#ffffff', fillOpacity: 0.9};
  }
  var today = p.today && p.today.length > 0;
  return {radius: today ? 12 : 8, color: today ? '#000000' : '#ffffff', weight: today ? 3.5 : 1.5,
          fillColor: p.current.colour, fillOpacity: 0.9,
          dashArray: p.current.disputed ? '4 3' : null};
};
// Leaflet pans an opening popup inside the map less these paddings. The controls change
// size (the date panel lists each date's events, the layer list its layers), so measure
// them at every opening: the popup then opens below every top control and above every
// bottom one. When it cannot fit, Leaflet keeps its top (the title) in view.
controlmap.clearOfControls = function (popup) {
  var map = controlmap.map;
  if (!map) { return; }
  var box = map.getContainer().getBoundingClientRect(), top = 10, bottom = 10;
  map.getContainer().querySelectorAll('.leaflet-control').forEach(function (control) {
    var r = control.getBoundingClientRect();
    if (!r.height) { return; }
    if (control.closest('.leaflet-top')) { top = Math.max(top, r.bottom - box.top + 10); }
    else { bottom = Math.max(bottom, box.bottom - r.top + 10); }
  });
  popup.options.autoPanPaddingTopLeft = [10, top];
  popup.options.autoPanPaddingBottomRight = [10, bottom];
};
// Permanent labels that would overlap one already shown are hidden until a zoom or a date
// makes room: the places with an event on the shown date first, then those with a known
// controller, then the rest (an unreadable pile of names helps no one; the marker and its
// popup stay).
controlmap.declutter = function (map) {
  var labels = [];
  map.eachLayer(function (layer) {
    var tip = layer.getTooltip && layer.getTooltip();
    if (!tip || !tip.options.permanent || !tip.getElement() || !layer.feature) { return; }
    var p = layer.feature.properties;
    labels.push({el: tip.getElement(), rank: (p.today && p.today.length) ? 0 : (p.current ? 1 : 2)});
  });
  labels.sort(function (a, b) { return a.rank - b.rank; });
  var kept = [];
  labels.forEach(function (label) {
    label.el.style.visibility = '';
    var r = label.el.getBoundingClientRect();
    var clash = kept.some(function (k) {
      return r.left < k.right && k.left < r.right && r.top < k.bottom && k.top < r.bottom;
    });
    if (clash) { label.el.style.visibility = 'hidden'; } else { kept.push(r); }
  });
};
// Where a permanent label sits for each label side (see mapping.place_labels).
controlmap.labelOffsets = {right: [10, 0], left: [-10, 0], top: [0, -10], bottom: [0, 10]};
controlmap.layerOptions = function (labels) {
  return {
    pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, controlmap.style(feature)); },
    style: controlmap.style,
    onEachFeature: function (feature, layer) {
      var p = feature.properties;
      var tip = p.name + (p.status === 'claim' ? ' \u2014 distance claim: ' + p.verdict
                          : p.current ? ' \u2014 ' + p.current.side + (p.current.war ? ' (' + p.current.war + ')' : '') : '');
      // Without tiles the names are the only geography a reader has: label the markers.
      var permanent = labels && feature.geometry.type === 'Point';
      var side = p.label || 'right';
      layer.bindTooltip(controlmap.el('span', permanent ? p.name : tip),
                        permanent ? {permanent: true, direction: side, offset: controlmap.labelOffsets[side],
                                     className: 'cm-label'} : {});
      // The content function runs before Leaflet's autopan: set the paddings there.
      layer.bindPopup(function (source) { controlmap.clearOfControls(source.getPopup()); return controlmap.popup(p); },
                      {maxWidth: 360});
    }
  };
};
// The claim lines as drawn: neutral dark, patterned by verdict, over their white casing
// (which keeps them readable over markers, outlines and tiles, and takes the clicks).
controlmap.pattern = function (data) {
  return L.geoJSON(data, {interactive: false, style: function (feature) {
    var p = feature.properties;
    return {color: p.colour, weight: 3.5, opacity: 1, dashArray: p.dash, lineCap: controlmap.cap(p.dash)};
  }});
};
"""

_CSS = """
.cm-popup { font: 12px/1.35 system-ui, sans-serif; max-height: 320px; overflow-y: auto; }
.cm-title { font-weight: 700; font-size: 14px; }
.cm-head { font-weight: 700; margin-top: 6px; }
.cm-quote { margin: 3px 0 1px 0; padding-left: 6px; border-left: 3px solid #999; font-style: italic; }
.cm-doubt { color: #a15c00; font-size: 11px; }
.cm-source, .cm-history { color: #555; font-size: 11px; }
.cm-panel { background: #fff; padding: 6px 8px; border-radius: 4px; font: 12px/1.35 system-ui, sans-serif;
            box-shadow: 0 1px 5px rgba(0,0,0,0.4); max-width: %dpx; }
.cm-panel button { font-size: 13px; width: 26px; }
.cm-slider { width: 180px; vertical-align: middle; }
.cm-date { font-weight: 700; font-size: 14px; margin: 2px 0; }
.cm-events { max-height: 120px; overflow-y: auto; }
.cm-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin-right: 5px;
             vertical-align: middle; border: 1px solid #333; }
path.leaflet-interactive:focus { outline: none; }
.cm-label { background: rgba(255,255,255,0.8); border: none; box-shadow: none; padding: 0 3px;
            font: 11px system-ui, sans-serif; }
.cm-label::before { display: none; }
.cm-line { display: inline-block; width: 30px; height: 8px; margin-right: 5px; vertical-align: middle; }
""" % _PANEL_MAX_WIDTH_PX


class _Helpers(MacroElement):
    """Shared JavaScript and CSS; added to the map before any layer that calls it."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}{{ this.js }}{% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ControlmapHelpers"
        self.css = _CSS
        self.js = _HELPERS_JS


class _Features(MacroElement):
    """A GeoJSON FeatureCollection drawn with the shared helpers, inside its parent layer.

    ``patterned`` lines (the distance claims) are drawn twice: the features themselves as
    a clickable white casing, and their verdict's dash pattern over it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, controlmap.layerOptions({{ this.labels|tojson }}))
            .addTo({{ this._parent.get_name() }});
        {% if this.pattern_json %}controlmap.pattern({{ this.pattern_json }}).addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, data: dict[str, Any], *, labels: bool = False, patterned: bool = False) -> None:
        super().__init__()
        self._name = "ControlmapFeatures"
        self.labels = labels
        self.data_json = page_json(data)
        # The drawn pattern needs the lines' shapes and strokes only, not their sentences again.
        self.pattern_json = page_json({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": f["geometry"],
             "properties": {"colour": f["properties"]["colour"], "dash": f["properties"]["dash"]}}
            for f in data["features"]]}) if patterned else ""


class _Basemap(MacroElement):
    """Country outlines under everything else: a basemap that needs no tile server."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, {
            interactive: false,
            style: {color: '#8c8c8c', weight: 1, fillColor: '#f2efe9', fillOpacity: 0.6}
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self._name = "ControlmapBasemap"
        self.data_json = page_json(data)


class _Panel(MacroElement):
    """The time slider, the title, the legend: Leaflet controls built from JSON data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }};
          var el = controlmap.el;
          var info = {{ this.info_json }};
          controlmap.map = map;
          var layers = [{% for name in this.layer_names %}{{ name }}{{ "," if not loop.last }}{% endfor %}];

          var legend = L.control({position: 'bottomright'});
          legend.onAdd = function () {
            var div = el('div', null, 'cm-panel cm-legend');
            if (info.title) { div.appendChild(el('div', info.title, 'cm-date')); }
            info.legend.forEach(function (row) {
              var line = el('div'), swatch;
              if (row.line) {
                // The same stroke as the map's lines, so the pattern in the legend is the one drawn.
                var ns = 'http://www.w3.org/2000/svg';
                swatch = document.createElementNS(ns, 'svg');
                swatch.setAttribute('class', 'cm-line');
                swatch.setAttribute('viewBox', '0 0 30 8');
                var stroke = document.createElementNS(ns, 'line');
                [['x1', 1], ['y1', 4], ['x2', 29], ['y2', 4], ['stroke', row.colour], ['stroke-width', 3.5],
                 ['stroke-linecap', controlmap.cap(row.dash)]].forEach(function (a) { stroke.setAttribute(a[0], a[1]); });
                if (row.dash) { stroke.setAttribute('stroke-dasharray', row.dash); }
                swatch.appendChild(stroke);
              } else {
                swatch = el('span', null, 'cm-swatch');
                swatch.style.background = row.colour;
              }
              line.appendChild(swatch);
              line.appendChild(el('span', row.label));
              div.appendChild(line);
            });
            info.notes.forEach(function (note) { div.appendChild(el('div', note, 'cm-source')); });
            return div;
          };
          legend.addTo(map);

          if (!layers.length) { return; }
          var time = L.control({position: 'topright'});
          var state = {index: layers.length - 1};
          time.onAdd = function () {
            var div = el('div', null, 'cm-panel cm-time');
            var prev = el('button', '\u25c0', 'cm-prev'), next = el('button', '\u25b6', 'cm-next');
            prev.title = 'Previous date'; next.title = 'Next date';
            var slider = el('input', null, 'cm-slider');
            slider.type = 'range'; slider.min = 0; slider.max = layers.length - 1; slider.step = 1;
            slider.value = state.index;
            slider.setAttribute('aria-label', 'Date');
            var row = el('div');
            row.appendChild(prev); row.appendChild(slider); row.appendChild(next);
            div.appendChild(row);
            var label = el('div', '', 'cm-date'), counter = el('div', '', 'cm-source');
            var list = el('div', '', 'cm-events');
            div.appendChild(label); div.appendChild(counter); div.appendChild(list);
            function show(i) {
              state.index = Math.max(0, Math.min(layers.length - 1, i));
              slider.value = state.index;
              layers.forEach(function (layer, j) {
                if (j === state.index) { map.addLayer(layer); } else { map.removeLayer(layer); }
              });
              var step = info.steps[state.index];
              label.textContent = step.label;
              counter.textContent = 'Date ' + (state.index + 1) + ' of ' + layers.length +
                (step.precision !== 'day' ? ' \u00b7 precision: ' + step.precision : '');
              list.textContent = '';
              if (!step.events.length) { list.appendChild(el('div', 'No event dated on this day; control as reported.', 'cm-source')); }
              step.events.forEach(function (ev) {
                list.appendChild(el('div', ev.name + ': ' + controlmap.who(ev) + ' ' + ev.change));
              });
              step.unlocated.forEach(function (ev) {
                list.appendChild(el('div', ev.place + ' (not located on the map): ' + controlmap.who(ev) + ' ' + ev.change,
                                    'cm-source'));
              });
              div.setAttribute('data-step', String(state.index));
              controlmap.declutter(map);
            }
            slider.addEventListener('input', function () { show(parseInt(slider.value, 10)); });
            prev.addEventListener('click', function () { show(state.index - 1); });
            next.addEventListener('click', function () { show(state.index + 1); });
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            controlmap.showStep = show;
            map.on('zoomend overlayadd overlayremove', function () { controlmap.declutter(map); });
            show(state.index);
            return div;
          };
          time.addTo(map);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, info: dict[str, Any], layer_names: list[str]) -> None:
        super().__init__()
        self._name = "ControlmapPanel"
        self.info = info
        self.info_json = page_json(info)
        self.layer_names = layer_names


# ---------------------------------------------------------------------------- basemap


def _bounds(features: Iterable[dict[str, Any]]) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` of the features' coordinates, or ``None``."""
    lons: list[float] = []
    lats: list[float] = []
    for feature in features:
        geometry = feature["geometry"]
        coords = [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        for lon, lat in coords:
            lons.append(lon)
            lats.append(lat)
    if not lons:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _outline_bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    points = [pt for polygon in polygons for ring in polygon for pt in ring]
    return (min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points))


def country_outlines(bounds: list[list[float]], *, margin_degrees: float = 8.0) -> dict[str, Any]:
    """Outlines of the countries near ``bounds`` from the ``countryinfo`` package (may be empty).

    Only countries whose box meets the bounds widened by ``margin_degrees`` are kept, so a
    map of northern Syria carries a dozen outlines, not the world.
    """
    (south, west), (north, east) = bounds
    south, west, north, east = south - margin_degrees, west - margin_degrees, north + margin_degrees, east + margin_degrees
    features = []
    try:
        import countryinfo

        countries = countryinfo.all_countries()
    except Exception:  # a basemap is a plus: never fail the map for it
        return {"type": "FeatureCollection", "features": []}
    for country in countries:
        try:
            collection = country.geo_json()
        except Exception:
            continue
        for feature in (collection or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            x0, y0, x1, y1 = _outline_bbox(geometry)
            if x1 >= west and x0 <= east and y1 >= south and y0 <= north:
                features.append({"type": "Feature", "properties": {}, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


# ---------------------------------------------------------------------------- the map


def build_map(
    places: Sequence[Any],
    events: Sequence[Any],
    timeline: Any,
    claims: Sequence[Any],
    *,
    title: str | None = None,
) -> folium.Map:
    """Build the control map.

    Parameters
    ----------
    places
        Resolved place mentions (:class:`controlmap.geoparse.Place`); those that carry no
        control go on an overlay of their own.
    events
        Control events (:class:`controlmap.events.ControlEvent`); may be empty.
    timeline
        The :class:`controlmap.timeline.Timeline` built from them, or ``None``.
    claims
        Distance claims (:class:`controlmap.distances.DistanceClaim`); may be empty.
    title
        Shown in the legend and as the page title; by default :func:`default_title`.

    Raises
    ------
    ExportError
        Nothing to draw: no located place, event or distance claim.
    """
    events = _all_events(events, timeline)
    intervals = _intervals(timeline)
    colours = SidePalette(intervals, events)
    steps = date_steps(timeline, events)
    if not steps and (any(i.place is not None for i in intervals) or any(_event_entry(e) for e in events)):
        steps = [DateStep(None, "unknown", "undated reports")]

    names = written_names(list(places or []))
    histories = place_histories(timeline, colours, names)
    snapshots = [snapshot(timeline, events, step, colours, histories=histories, names=names) for step in steps]
    drawn_ids = {f["properties"]["id"] for fc, _, _ in snapshots for f in fc["features"]}
    claims = list(claims or [])
    lines = claim_features(claims, names)
    ends = endpoint_features(claims, drawn_ids, names)
    # A claim's end is drawn with its line; the "other places" overlay would draw it twice.
    mentions = _mention_features(list(places or []), drawn_ids | {f["properties"]["id"] for f in ends["features"]},
                                 names)

    focus = [f for fc, _, _ in snapshots for f in fc["features"]] + lines["features"]
    if not focus and not mentions["features"]:
        raise ExportError("nothing to map: no located place, control event or distance claim in the input")
    # Fit the places that carry control or distances; a passing mention ("the UK-based
    # observatory") must not zoom the view out to a continent.
    bounds = _bounds(focus) or _bounds(mentions["features"])

    fmap = folium.Map(location=None, tiles=None, control_scale=True, prefer_canvas=False)
    # leaflet is the only library the page needs: no jQuery, bootstrap or icon fonts.
    fmap.default_js = [("leaflet", _LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", _LEAFLET_CSS)]
    title = title or default_title(list(places or []) + events + claims, steps)
    fmap.get_root().title = html_text(title)
    _Helpers().add_to(fmap)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (needs network)", control=True).add_to(fmap)

    outlines = country_outlines(bounds)
    if outlines["features"]:
        group = folium.FeatureGroup(name="Country outlines (offline)", show=True)
        _Basemap(outlines).add_to(group)
        group.add_to(fmap)

    layer_names = []
    for step, (collection, _, _) in zip(steps, snapshots):
        group = folium.FeatureGroup(name=f"Control on {step.label}", control=False, show=False)
        labels = len(collection["features"]) <= _MAX_LABELS
        if labels:
            place_labels(collection["features"])
        _Features(collection, labels=labels).add_to(group)
        group.add_to(fmap)
        layer_names.append(group.get_name())

    if lines["features"]:
        group = folium.FeatureGroup(name="Distance claims", show=True)
        _Features(lines, patterned=True).add_to(group)
        if ends["features"]:
            place_labels(ends["features"])
            _Features(ends, labels=len(ends["features"]) <= _MAX_LABELS).add_to(group)
        group.add_to(fmap)
    if mentions["features"]:
        # Shown by default only when there is nothing else: otherwise they are context, and
        # only then labelled (names of passing mentions would crowd out the mapped ones).
        group = folium.FeatureGroup(name="Other places mentioned", show=not focus)
        labels = not focus and len(mentions["features"]) <= _MAX_LABELS
        if labels:
            place_labels(mentions["features"])
        _Features(mentions, labels=labels).add_to(group)
        group.add_to(fmap)

    info = {
        "title": title,
        "steps": [{"label": s.label, "precision": s.precision, "events": today, "unlocated": lost}
                  for s, (_, today, lost) in zip(steps, snapshots)],
        "legend": _legend(intervals, events, colours, lines, ends=bool(ends["features"]),
                          mentions=bool(mentions["features"])),
        "notes": _legend_notes(bool(steps)),
    }
    _Panel(info, layer_names).add_to(fmap)
    folium.LayerControl(collapsed=False, position="topleft").add_to(fmap)
    # The date panel (top right) and the legend (bottom right) are ~350 px wide: fitted into
    # the whole page, the easternmost places sat under them. (Leaflet shrinks a padding wider
    # than a small screen's map to a zoom that shows the bounds as best it can.)
    fmap.fit_bounds(bounds, padding_top_left=(40, 40), padding_bottom_right=(_PANEL_WIDTH_PX, 40), max_zoom=9)
    return fmap


def html_text(text: str) -> str:
    """``text`` for HTML outside scripts: entities for ``<>&"'``, and ``{`` as ``&#123;``
    so that no template pass over the page can read ``{{``/``{%`` in it."""
    return html.escape(text, quote=True).replace("{", "&#123;")


def default_title(records: Iterable[Any], steps: Sequence[DateStep]) -> str:
    """The page title when none is given: "controlmap: <source> (<first> \u2013 <last date>)".

    The source is the first article's file name ("and N more" for several); the dates are
    the first and last reported dates of the slider (not the "before 2016" step it adds).
    """
    sources = list(dict.fromkeys(str(r.source) for r in records if getattr(r, "source", None)))
    title = "controlmap"
    if sources:
        title += ": " + (Path(sources[0]).name or sources[0])
        if len(sources) > 1:
            title += f" and {len(sources) - 1} more"
    dated = [s.label for s in steps if s.precision != "unknown"]
    if dated:
        title += f" ({dated[0]})" if len(dated) == 1 else f" ({dated[0]} \u2013 {dated[-1]})"
    return title


def _legend(intervals: Sequence[Any], events: Sequence[Any], colours: SidePalette | dict[str, str],
            lines: dict[str, Any], *, ends: bool = False, mentions: bool = False) -> list[dict[str, Any]]:
    """Rows of the legend: sides with every actor drawn in their colour, claim patterns, other markers.

    A side's row names the registry actors drawn in its colour and, for actors the registry
    keeps only as generic words or not at all, the words as written ("rebels"); words that
    only repeat the side ("government forces") are the side itself. On a map of several wars
    each side names its war (:meth:`SidePalette.label`).
    """
    if not isinstance(colours, SidePalette):
        colours = SidePalette(intervals, events)
    actors: dict[SideKey, list[str]] = {key: [] for key in colours.colours}
    records = list(intervals) + list(events) + [e for i in intervals for e in getattr(i, "events", [])]
    for record in records:
        written = getattr(record, "actor_text", None)
        if written is None:  # an interval: the words of the events that gave it its actor
            written = next((e.actor_text for e in getattr(record, "events", [])
                            if e.actor == record.actor and getattr(e, "actor_text", None)), None)
        shown = shown_actor(record.actor, written, record.side)
        names = actors.setdefault(colours.key(record), [])
        if shown and shown != record.side and shown not in names:
            names.append(shown)
    rows = [{"colour": colours.colours.get(key, _GREY),
             "label": colours.label(key) + (": " + ", ".join(names) if names else "")}
            for key, names in actors.items()]
    verdicts = dict.fromkeys(f["properties"].get("verdict") for f in lines["features"])
    rows += [{"colour": CLAIM_COLOUR, "label": f"distance claim: {v}", "line": True,
              "dash": VERDICT_DASHES.get(str(v), _UNKNOWN_DASH)} for v in verdicts]
    if ends:
        rows.append({"colour": CLAIM_COLOUR, "label": "end of a distance claim (no control reported)"})
    if mentions:
        rows.append({"colour": "#bbbbbb", "label": "places mentioned (no control reported)"})
    return rows


def _legend_notes(timed: bool) -> list[str]:
    if not timed:
        return []
    return ["Large ring: an event on the shown date", "Dashed outline: sources disagree",
            "White: no control reported on the shown date"]


# ---------------------------------------------------------------------------- saving

_SCRIPT_LINK = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"[^>]*>\s*</script>', re.I)
_CSS_LINK = re.compile(r'<link\b[^>]*\bhref="([^"]+)"[^>]*/?>', re.I)


def _asset(url: str) -> str:
    """The text of a CDN file, read from the installed ``folium-offline`` package."""
    try:
        from offlinefolium.elements import _res as assets  # the package's url -> text table
    except ImportError as exc:
        raise ExportError("writing an offline map needs the folium-offline package (pip install folium-offline)") from exc
    try:
        return assets[url]
    except KeyError:
        raise ExportError(f"no offline copy of {url} in folium-offline; the map would need the network") from None


def inline_assets(html: str) -> str:
    """Replace every ``<script src>`` and stylesheet ``<link>`` with the file's text.

    Raises
    ------
    ExportError
        A linked file has no offline copy: a page that silently needs the network is
        worse than no page.
    """
    def script(match: re.Match[str]) -> str:
        # "</script" inside the library would end the element early; "<\\/" means the same in JS.
        return "<script>" + _asset(match.group(1)).replace("</script", "<\\/script") + "</script>"

    def stylesheet(match: re.Match[str]) -> str:
        if "stylesheet" not in match.group(0):
            return match.group(0)
        return "<style>" + _asset(match.group(1)).replace("</style", "<\\/style") + "</style>"

    return _CSS_LINK.sub(stylesheet, _SCRIPT_LINK.sub(script, html))


def save_map(fmap: folium.Map, path: str | Path) -> Path:
    """Write ``fmap`` as one HTML file that works from disk without a network."""
    path = Path(path)
    html = inline_assets(fmap.get_root().render())
    try:
        with replacing(path) as tmp:
            tmp.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
    return path


def write_map(
    path: str | Path,
    places: Sequence[Any],
    events: Sequence[Any],
    timeline: Any,
    claims: Sequence[Any],
    *,
    title: str | None = None,
) -> Path:
    """:func:`build_map` then :func:`save_map`."""
    return save_map(build_map(places, events, timeline, claims, title=title), path)
