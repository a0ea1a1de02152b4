"""Exports for GIS tools: GeoJSON (RFC 7946), GeoPackage and CSV.

Five record types, named as the GeoPackage layers that hold them:

``places``
    One point per place mention: the words and their span, the sentence, the gazetteer
    entry (``id``: ``geonames:<id>``, ``icao:<code>`` or ``curated:<slug>``) and the
    confidence.
``events``
    One row per control event: who did what to which place, when, read from which sentence.
``control``
    One point per control interval: who held a place from ``start_date`` to ``end_date``
    (empty = still held), with the events that support it in ``evidence``. An unnamed
    place ("the presidential palace in Khartoum") is drawn at the town it is told from, as
    its events are: ``id`` is that town's entry and ``anchor`` is true.
``distance_claims``
    One line per distance claim, from the reference place to the located one, with its
    verdict.
``denials``
    One point per denial of a change of control ("Ukraine denied that Russian troops had taken
    X"), at its place: who denies, what (``denied``: a rival's ``gain`` or the speaker's own
    ``loss``), the sentence, and ``disputes`` (whether it flagged a ``control`` interval,
    which also quotes it in its ``evidence``).

Time fields
-----------
QGIS's temporal controller picks up, by itself, Date/DateTime fields whose names contain
``start``/``begin``/``from`` and ``end``/``last``/``to``, and treats a NULL end as
"ongoing"; kepler.gl takes ISO 8601 strings as time. So every dated record has
``start_date`` and ``end_date`` (ISO ``YYYY-MM-DD``), and no other *date* column uses those
words (an event's ``until`` is written ``held_until``).

An event's ``start_date`` and ``end_date`` are the first and the last day it can have
happened on, so that "in 2016" spans all that year (Dec 31 for a year, the month's last
day for a month). An event the text dates only as on or before a day (``date_precision``
``on-or-before-publication``: the text gives no date, so it happened by the article's
publication; or ``date_relation`` ``before``: "by 2016") has no first day: ``start_date`` is
NULL and ``end_date`` that day. QGIS reads a NULL start as "since ever": the event shows
in every frame up to the day it is known by, not as if it happened on the publication day.
An event told as on or after a day (``date_relation`` ``after``: "has lost control ... since
October 2023", "after Friday's vote") has no last day: ``start_date`` that day, ``end_date``
NULL. A holding told from a day on (``date_relation`` ``since``: "has held Gaza since 2007")
is attested from ``start_date`` (the first day of 2007) to the day the text says it ended
(``held_until``, to the last day of its precision), and without one its ``end_date`` is NULL:
still held when the article was written, so QGIS shows it from 2007 on, not only during 2007.
(The event does not carry the publication date, and the ``control`` layer is the place for
when a holding ended.) kepler.gl filters time on one field: use ``end_date`` (``start_date``
for the open-ended ones).

``controlmap events --format csv`` has the columns of the ``events`` layer
(:data:`controlmap.events.EVENT_CSV_FIELDS` then :data:`EVENT_EXTRA_FIELDS`: ``notes``,
``start_date``, ``end_date``, ``held_until``), plus the event's ``date``/``until`` and
``lat``/``lon``.

Integer ``start``/``end`` columns are character spans, which QGIS leaves alone.

Schema
------
Every layer has the same columns and types in every file (:data:`SCHEMAS`), even with no
rows: the GeoPackage always holds all five layers, so that a QGIS project saved against one
export opens the next one, with or without distance claims.

Formats
-------
- ``.geojson``/``.json``: one RFC 7946 FeatureCollection (lon/lat, no ``crs`` member) of all
  five record types, told apart by the ``layer`` property; records without a located place
  keep a ``null`` geometry rather than being dropped.
- ``.gpkg``: the five layers above (empty ones too), written with geopandas through pyogrio. Without pyarrow,
  pyogrio has no Date field type, so dates are DateTime at midnight (QGIS accepts both).
- ``.csv``: the control intervals, one row each, with ``lat``/``lon`` and a ``wkt`` column.
  That is the table people ask for ("who held what, when"), the one kepler.gl (lat/lon
  columns) and QGIS's delimited-text reader (WKT) draw without help; the events behind each
  interval travel with it in ``evidence`` (JSON).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .dates import precision_end
from ._files import replacing
from .errors import ExportError
from .geoparse import Place
from .timeline import interval_to_dict

#: GeoPackage layer names, in the order they are written.
LAYERS: tuple[str, ...] = ("places", "events", "control", "distance_claims", "denials")

#: Columns of the control table (GeoPackage layer ``control`` and the CSV, which adds
#: ``lat``, ``lon`` and ``wkt``).
CONTROL_FIELDS: tuple[str, ...] = (
    "place_key", "id", "name", "kind", "country", "anchor", "side", "actor", "start_date", "start_precision",
    "end_date", "end_precision", "ongoing", "disputed", "contested", "note", "sources", "evidence",
)
CSV_FIELDS: tuple[str, ...] = CONTROL_FIELDS[:6] + ("lat", "lon", "wkt") + CONTROL_FIELDS[6:]

#: Geometry type of each layer.
GEOMETRY_TYPES: dict[str, str] = {"places": "Point", "events": "Point", "control": "Point",
                                  "distance_claims": "LineString", "denials": "Point"}

_TEXT, _INT, _REAL, _BOOL, _DATE = "str", "int", "float", "bool", "date"
#: Column types of each layer, in order: what the GeoPackage holds whether a layer has rows or
#: not, and whatever values a run happens to give (a column that is NULL in every row stays a
#: number; a span that is NULL in one row stays an integer). ``_frame`` writes these columns
#: first and then any a newer record has that is not listed, with its inferred type;
#: ``tests/test_export.py`` checks that the list and the records agree.
SCHEMAS: dict[str, dict[str, str]] = {
    "places": {
        "source": _TEXT, "start": _INT, "end": _INT, "text": _TEXT, "id": _TEXT, "name": _TEXT, "kind": _TEXT,
        "country": _TEXT, "admin1": _TEXT, "confidence": _REAL, "low_confidence": _BOOL, "runner_up": _TEXT,
        "runner_up_name": _TEXT,
        "runner_up_confidence": _REAL, "derived_location": _BOOL, "gazetteer_source": _TEXT,
        "sentence_start": _INT, "sentence_end": _INT, "sentence": _TEXT,
    },
    "events": {
        "source": _TEXT, "start": _INT, "end": _INT, "change": _TEXT, "actor_text": _TEXT, "actor": _TEXT,
        "side": _TEXT, "place_text": _TEXT, "place_start": _INT, "place_end": _INT, "id": _TEXT, "name": _TEXT,
        "gazetteer_source": _TEXT, "anchor": _BOOL, "date_precision": _TEXT, "date_text": _TEXT,
        "date_relation": _TEXT, "until_precision": _TEXT, "attributed_to": _TEXT, "trigger": _TEXT,
        "confidence": _REAL, "place_confidence": _REAL, "low_confidence": _BOOL, "runner_up": _TEXT,
        "runner_up_name": _TEXT, "sentence": _TEXT, "sentence_start": _INT, "sentence_end": _INT, "notes": _TEXT,
        "start_date": _DATE, "end_date": _DATE, "held_until": _DATE,
    },
    "control": {
        "place_key": _TEXT, "id": _TEXT, "name": _TEXT, "kind": _TEXT, "country": _TEXT, "anchor": _BOOL,
        "side": _TEXT, "actor": _TEXT, "start_date": _DATE, "start_precision": _TEXT, "end_date": _DATE,
        "end_precision": _TEXT, "ongoing": _BOOL, "disputed": _BOOL, "contested": _BOOL, "note": _TEXT,
        "sources": _TEXT, "evidence": _TEXT,
    },
    "distance_claims": {
        "source": _TEXT, "start": _INT, "end": _INT, "text": _TEXT, "sentence_start": _INT, "sentence_end": _INT,
        "kind": _TEXT, "stated": _TEXT, "stated_km": _TEXT, "qualifier": _TEXT, "interval_low_km": _REAL,
        "interval_high_km": _REAL, "direction": _TEXT, "from": _TEXT, "from_name": _TEXT, "from_lat": _REAL,
        "from_lon": _REAL, "to": _TEXT, "to_name": _TEXT, "to_lat": _REAL, "to_lon": _REAL, "geodesic_km": _REAL,
        "bearing_deg": _REAL, "tolerance_km": _REAL, "direction_tolerance_deg": _REAL, "verdict": _TEXT,
        "reason": _TEXT, "units_verdict": _TEXT, "units_reason": _TEXT, "sentence": _TEXT,
    },
    "denials": {
        "source": _TEXT, "start": _INT, "end": _INT, "sentence": _TEXT, "place_text": _TEXT, "place_start": _INT,
        "place_end": _INT, "id": _TEXT, "name": _TEXT, "actor": _TEXT, "actor_text": _TEXT, "side": _TEXT,
        "denied": _TEXT, "denied_side": _TEXT, "date_precision": _TEXT, "disputes": _BOOL,
        "start_date": _DATE, "end_date": _DATE,
    },
}

#: Columns holding dates, per layer: written as dates, read back as dates.
DATE_FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(column for column, kind in schema.items() if kind == _DATE) for name, schema in SCHEMAS.items()
}


# ---------------------------------------------------------------------------- rows


def _point(entry: Any) -> dict[str, Any] | None:
    if entry is None:
        return None
    # RFC 7946: longitude first.
    return {"type": "Point", "coordinates": [float(entry.lon), float(entry.lat)]}


def place_row(place: Place) -> dict[str, Any]:
    """One place mention: span, words, sentence, gazetteer entry, confidence, source."""
    from .records import place_to_dict

    row = place_to_dict(place)
    row.pop("lat"), row.pop("lon")
    return row


def places_to_geojson(places: Sequence[Place]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection: one Point (lon, lat) per place mention.

    Properties include ``start``, ``end`` (the mention's span), ``text``, ``sentence``,
    ``id`` (the gazetteer entry), ``name``, ``kind``, ``country``, ``confidence``,
    ``runner_up`` (the close second entry's id, or ``None``) and ``source``.
    """
    features = [_feature(_point(p.entry), place_row(p)) for p in places]
    return {"type": "FeatureCollection", "features": features}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


#: What an event row adds to :func:`controlmap.events.event_to_dict` (the GIS time fields and
#: the notes as one text), after :data:`controlmap.events.EVENT_CSV_FIELDS`: the columns of
#: ``controlmap events --format csv``, and the GeoPackage layer's last ones.
EVENT_EXTRA_FIELDS: tuple[str, ...] = ("notes", "start_date", "end_date", "held_until")


def event_times(event: Any) -> dict[str, str | None]:
    """``start_date``, ``end_date`` and ``held_until`` of an event, as ISO strings or ``None``
    (the rules are in the module docstring, "Time fields")."""
    relation = event.date_relation
    # the first and last day it can have happened on; "on or before" a day has no first one
    # (see the module docstring: a NULL start, not the day it is known by)
    on_or_before = event.date_precision == "on-or-before-publication" or relation == "before"
    start = None if on_or_before else _iso(event.date)
    if event.date is None or relation == "after":
        # "on or after" a day ("has lost control ... since October 2023") has no last one
        end = None
    elif relation == "since":
        # a holding "since 2007" is attested from then on: until the day the text says it
        # ended, else open (not the last day of 2007)
        end = _iso(precision_end(event.until, event.until_precision)) if event.until else None
    else:
        end = _iso(precision_end(event.date, event.date_precision))
    return {"start_date": start, "end_date": end, "held_until": _iso(event.until)}


def event_row(event: Any) -> dict[str, Any]:
    """One control event, with ``start_date``/``end_date`` for GIS time and its provenance.

    ``start``/``end`` are the sentence's span, ``place_start``/``place_end`` the place words';
    ``notes`` are ``; ``-joined ("part of the place", "held until ...", an impossible date).
    """
    from .events import event_to_dict

    row = event_to_dict(event)
    row.pop("lat", None), row.pop("lon", None)
    row.pop("date", None)
    row.pop("until", None)
    row |= event_times(event)
    row["notes"] = "; ".join(event.notes)
    return row


def _event_geometry(event: Any) -> dict[str, Any] | None:
    return _point(event.place.entry) if event.place is not None else None


def events_to_geojson(events: Sequence[Any]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection: one Point per control event (null geometry where the place is unknown)."""
    return {"type": "FeatureCollection", "features": [_feature(_event_geometry(e), event_row(e)) for e in events]}


def claim_row(claim: Any) -> dict[str, Any]:
    """One distance claim: the CLI's flat row plus the sentence, so that it stands alone."""
    from .distances import claim_to_row

    row = claim_to_row(claim)
    row["sentence"] = claim.sentence.text
    return row


def _claim_geometry(claim: Any) -> dict[str, Any] | None:
    if claim.from_place is None or claim.to_place is None:
        return None
    a, b = claim.from_place.entry, claim.to_place.entry
    return {"type": "LineString", "coordinates": [[float(a.lon), float(a.lat)], [float(b.lon), float(b.lat)]]}


def _feature(geometry: dict[str, Any] | None, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def layers(
    places: Sequence[Place], events: Sequence[Any], timeline: Any, claims: Sequence[Any]
) -> dict[str, list[dict[str, Any]]]:
    """Every record as a GeoJSON Feature, by layer name (see :data:`LAYERS`)."""
    return {
        "places": [_feature(_point(p.entry), place_row(p)) for p in places or []],
        "events": [_feature(_event_geometry(e), event_row(e)) for e in events or []],
        "control": control_features(timeline),
        "distance_claims": [_feature(_claim_geometry(c), claim_row(c)) for c in claims or []],
        "denials": denial_features(timeline),
    }


def control_features(timeline: Any) -> list[dict[str, Any]]:
    """The ``control`` layer: one point Feature per interval of ``timeline`` (``None``: none)."""
    intervals = list(getattr(timeline, "intervals", None) or []) if timeline is not None else []
    return [_feature(_point(i.place or getattr(i, "anchor", None)), interval_to_dict(i)) for i in intervals]


def denial_features(timeline: Any) -> list[dict[str, Any]]:
    """The ``denials`` layer: one point Feature per denial the timeline was given, at its place,
    with ``disputes`` true where it flagged an interval (``None``: none)."""
    from .denials import denial_to_dict

    denials = list(getattr(timeline, "denials", None) or []) if timeline is not None else []
    flagged = [d for i in getattr(timeline, "intervals", None) or [] for d in getattr(i, "denials", ())]
    return [_feature(_point(d.place.entry), denial_to_dict(d, disputes=any(d is f for f in flagged)))
            for d in denials]


# ---------------------------------------------------------------------------- writers


def write_geojson(path: Path, records: dict[str, list[dict[str, Any]]]) -> Path:
    """One RFC 7946 FeatureCollection of every layer; ``layer`` names each feature's type."""
    features = []
    for name in LAYERS:
        for feature in records[name]:
            features.append(_feature(feature["geometry"], {"layer": name} | feature["properties"]))
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


#: pandas dtypes of the schema's types; nullable ones, so that a NULL keeps an integer an integer.
_DTYPES = {_TEXT: "object", _INT: "Int64", _REAL: "float64", _BOOL: "boolean", _DATE: "datetime64[ms]"}


def _frame(name: str, features: list[dict[str, Any]]):
    """A GeoDataFrame of one layer with the columns and types of :data:`SCHEMAS` (then any
    column a record has that the schema lacks): dates as datetimes, lists as JSON text."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import shape

    rows = []
    for feature in features:
        row = dict(feature["properties"])
        for key, value in row.items():
            if isinstance(value, (list, dict)):
                # GeoPackage has no list type; JSON keeps the structure readable back.
                row[key] = json.dumps(value, ensure_ascii=False)
        rows.append(row)
    schema = SCHEMAS[name]
    data = pd.DataFrame(rows)
    columns = list(schema) + [c for c in data.columns if c not in schema]
    data = data.reindex(columns=columns)
    for column, kind in schema.items():
        if kind == _DATE:
            data[column] = pd.to_datetime(data[column]).astype(_DTYPES[kind])
        elif kind != _TEXT:
            data[column] = data[column].astype(_DTYPES[kind])
        else:
            data[column] = data[column].astype("object")
    geometries = gpd.GeoSeries([shape(f["geometry"]) if f["geometry"] else None for f in features],
                               crs="EPSG:4326")
    return gpd.GeoDataFrame(data, geometry=geometries, crs="EPSG:4326")


def write_gpkg(path: Path, records: dict[str, list[dict[str, Any]]]) -> Path:
    """The layers of :data:`LAYERS` in one GeoPackage, each with its :data:`SCHEMAS`
    columns, a layer without rows too (a saved QGIS project expects every layer)."""
    from pyogrio.errors import DataSourceError

    if path.exists():
        # Appending layers to an old file would mix runs; start afresh.
        path.unlink()
    for name in LAYERS:
        try:
            _frame(name, records[name]).to_file(path, layer=name, driver="GPKG", engine="pyogrio",
                                                geometry_type=GEOMETRY_TYPES[name])
        except DataSourceError as exc:
            # GDAL's "unable to open database file" is a file that cannot be written, told
            # as any other (a read-only folder, /proc): not a traceback
            raise OSError(str(exc).rsplit(": ", 1)[-1]) from None
    return path


def wkt_point(lon: float | None, lat: float | None) -> str | None:
    """``POINT (lon lat)``, the order WKT readers expect; ``None`` without coordinates."""
    return None if lon is None or lat is None else f"POINT ({lon!r} {lat!r})"


def control_csv_rows(control: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``control`` layer's features as flat rows of :data:`CSV_FIELDS`: the point as
    ``lat``/``lon``/``wkt``, the evidence as JSON text, NULL as an empty cell."""
    rows = []
    for feature in control:
        row = dict(feature["properties"])
        lon, lat = feature["geometry"]["coordinates"] if feature["geometry"] else (None, None)
        row.update(lat=lat, lon=lon, wkt=wkt_point(lon, lat), evidence=json.dumps(row["evidence"], ensure_ascii=False))
        rows.append({k: "" if row[k] is None else row[k] for k in CSV_FIELDS})
    return rows


def write_csv(path: Path, records: dict[str, list[dict[str, Any]]]) -> Path:
    """The control intervals, one row each (see the module docstring for why this table);
    :func:`export` refuses a CSV with none."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(CSV_FIELDS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(control_csv_rows(records["control"]))
    return path


_WRITERS = {".geojson": write_geojson, ".json": write_geojson, ".gpkg": write_gpkg, ".csv": write_csv}
EXPORT_SUFFIXES: tuple[str, ...] = tuple(_WRITERS)
"""The file name endings :func:`export` writes, each naming its format."""


def export(path: str | Path, places: Sequence[Place], events: Sequence[Any], timeline: Any,
           claims: Sequence[Any]) -> Path:
    """Write every record to ``path`` in the format its suffix names.

    Parameters
    ----------
    path
        ``.geojson``/``.json`` (RFC 7946), ``.gpkg`` (GeoPackage) or ``.csv``.
    places, events, timeline, claims
        What :func:`controlmap.pipeline.analyse` found; any may be empty (``timeline`` ``None``).

    Raises
    ------
    ExportError
        Unknown suffix, nothing to write, or the file cannot be written.
    """
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ExportError(f"{path}: unknown export format {path.suffix or '(no suffix)'!r}; "
                          "use .geojson, .json, .gpkg or .csv")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: folder {path.parent} does not exist")
    if not events and timeline is not None:
        events = list(getattr(timeline, "events", None) or [])
    records = layers(places, events, timeline, claims)
    if not any(records.values()):
        raise ExportError(f"{path}: nothing to export (no place, event, control interval or distance claim)")
    if writer is write_csv and not records["control"]:
        raise ExportError(f"{path}: no control intervals to write as CSV; write .geojson or .gpkg to export places, "
                          "events and distance claims")
    try:
        with replacing(path) as tmp:
            writer(tmp, records)
        return path
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
