"""The map's HTML: offline assets, features, escaping, the refusal to draw nothing.

The records are built by hand here (Aleppo, its airport and Idlib, as the BBC reported on
2024-11-30) so that these tests check the map alone, whatever the extractors do.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from controlmap import mapping
from controlmap.errors import ControlmapError
from controlmap.events import ControlEvent
from controlmap.gazetteer import GazetteerEntry
from controlmap.geoparse import Place
from controlmap.text import Sentence, split_sentences
from controlmap.timeline import ControlInterval, Timeline

SOURCE = "aleppo-2024-11-30.txt"
TEXT = (
    "Syrian government forces have withdrawn from the city of Aleppo following an offensive by rebels. "
    "Opposition forces have maintained control of the north-western city of Idlib since 2020. "
    "Idlib sits just 55km (34 miles) from Aleppo, which itself was a rebel stronghold until it fell "
    "to government forces in 2016. "
    "The rebels have taken control of Aleppo's airport, according to the SOHR. "
    "A British observer in London said so."
)
ALEPPO = GazetteerEntry("geonames:170063", "Aleppo", "city", "SY", "Aleppo", 36.20124, 37.16117, 1602264)
AIRPORT = GazetteerEntry("icao:OSAP", "Aleppo International Airport", "airport", "SY", "Aleppo", 36.18067, 37.22436)
IDLIB = GazetteerEntry("geonames:169389", "Idlib", "city", "SY", "Idlib", 35.93062, 36.63393, 128840)
LONDON = GazetteerEntry("geonames:2643743", "London", "city", "GB", "England", 51.50853, -0.12574, 8961989)


def place(text: str, entry: GazetteerEntry, nth: int = 0, *, article: str = TEXT, source: str = SOURCE) -> Place:
    """A resolved mention of ``text`` (its ``nth`` occurrence) in ``article``."""
    start = -1
    for _ in range(nth + 1):
        start = article.index(text, start + 1)
    sentence = next(s for s in split_sentences(article) if s.start <= start < s.end)
    return Place(start, start + len(text), text, entry, sentence, source, 0.9)


def event(mention: Place, change: str, actor: str, side: str, day: date | None, precision: str,
          **extra) -> ControlEvent:
    """A control event read from the sentence holding ``mention``."""
    s: Sentence = mention.sentence
    return ControlEvent(s.start, s.end, s.text, mention.source, change, actor, actor, side, mention.text,
                        mention.start, mention.end, mention, date=day, date_precision=precision, **extra)


def seed_records(article: str = TEXT, source: str = SOURCE):
    """places, events, timeline, claims for the seed story, built by hand."""
    aleppo = place("Aleppo", ALEPPO, article=article, source=source)
    idlib = place("Idlib", IDLIB, article=article, source=source)
    aleppo_2016 = place("Aleppo", ALEPPO, 1, article=article, source=source)
    airport = place("Aleppo's airport", AIRPORT, article=article, source=source)
    london = place("London", LONDON, article=article, source=source)
    places = [aleppo, idlib, place("Idlib", IDLIB, 1, article=article, source=source), aleppo_2016, airport, london]
    withdrew = event(aleppo, "withdrew", "Syrian government", "government", date(2024, 11, 30), "day")
    fell = event(aleppo_2016, "captured", "Syrian government", "government", date(2016, 1, 1), "year")
    holds = event(idlib, "holds", "opposition forces", "opposition", date(2020, 1, 1), "year")
    took = event(airport, "captured", "Hayat Tahrir al-Sham", "opposition", date(2024, 11, 30), "day")
    rebels = event(aleppo, "captured", "Hayat Tahrir al-Sham", "opposition", date(2024, 11, 30), "day")
    events = [withdrew, fell, holds, took, rebels]
    intervals = [
        ControlInterval(ALEPPO.id, ALEPPO, "Aleppo", "government", "Syrian government", date(2016, 1, 1), "year",
                        date(2024, 11, 30), "day", [fell, withdrew]),
        ControlInterval(ALEPPO.id, ALEPPO, "Aleppo", "opposition", "Hayat Tahrir al-Sham", date(2024, 11, 30), "day",
                        None, None, [rebels]),
        ControlInterval(AIRPORT.id, AIRPORT, AIRPORT.name, "opposition", "Hayat Tahrir al-Sham", date(2024, 11, 30),
                        "day", None, None, [took]),
        ControlInterval(IDLIB.id, IDLIB, "Idlib", "opposition", "opposition forces", date(2020, 1, 1), "year",
                        None, None, [holds]),
    ]
    return places, events, Timeline(intervals, events), []
