"""Exports: write GeoJSON, GeoPackage and CSV, read them back, get the same records."""
from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely import wkt

from controlmap import export
from controlmap.errors import ControlmapError, ExportError
from controlmap.timeline import Timeline, interval_to_dict
from tests.test_map import AIRPORT, ALEPPO, IDLIB, SOURCE, TEXT, seed_records

#: Words QGIS looks for in a Date/DateTime field name to make it the start or end of a feature.
QGIS_TIME_WORDS = re.compile(r"start|begin|from|end|last|to", re.I)


@pytest.fixture()
def seed():
    return seed_records()


def _by_layer(collection: dict) -> dict[str, list[dict]]:
    layers: dict[str, list[dict]] = {}
    for feature in collection["features"]:
        layers.setdefault(feature["properties"]["layer"], []).append(feature)
    return layers


# ---------------------------------------------------------------------------- GeoJSON


def test_geojson_is_rfc7946(seed, tmp_path):
    path = export.export(tmp_path / "out.geojson", *seed)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    control = _by_layer(collection)["control"]
    aleppo = next(f for f in control if f["properties"]["id"] == ALEPPO.id)
    # longitude first: Aleppo is at 37.2 E, 36.2 N.
    assert aleppo["geometry"] == {"type": "Point", "coordinates": [ALEPPO.lon, ALEPPO.lat]}
    line = _by_layer(collection)["distance_claims"][0]["geometry"]
    assert line["coordinates"] == [[ALEPPO.lon, ALEPPO.lat], [IDLIB.lon, IDLIB.lat]]


def test_geojson_round_trip(seed, tmp_path):
    places, events, timeline, claims = seed
    collection = json.loads(export.export(tmp_path / "out.json", *seed).read_text(encoding="utf-8"))
    layers = _by_layer(collection)
    assert {k: len(v) for k, v in layers.items()} == {"places": 6, "events": 5, "control": 4, "distance_claims": 1}
    got = [{k: v for k, v in f["properties"].items() if k != "layer"} for f in layers["control"]]
    assert got == [interval_to_dict(i) for i in timeline.intervals]
    assert [f["properties"]["start_date"] for f in layers["control"]] == [
        "2016-01-01", "2024-11-30", "2024-11-30", "2020-01-01"]
    # NULL end: still held.
    assert [f["properties"]["end_date"] for f in layers["control"]] == ["2024-11-30", None, None, None]
    events_back = [{k: v for k, v in f["properties"].items() if k != "layer"} for f in layers["events"]]
    assert events_back == [export.event_row(e) for e in events]
    places_back = [f["properties"] for f in layers["places"]]
    assert [(p["start"], p["end"], p["id"]) for p in places_back] == [(p.start, p.end, p.entry.id) for p in places]


def test_geojson_time_fields_are_iso_dates_gdal_reads_as_dates(seed, tmp_path):
    path = export.export(tmp_path / "out.geojson", *seed)
    info = pyogrio.read_info(path)
    types = dict(zip(info["fields"], info["ogr_types"]))
    assert types["start_date"] == "OFTDate" and types["end_date"] == "OFTDate"
    for feature in json.loads(path.read_text())["features"]:
        for key in ("start_date", "end_date", "held_until"):
            value = feature["properties"].get(key)
            if value is not None:
                assert date.fromisoformat(value).isoformat() == value
    frame = gpd.read_file(path)
    assert len(frame) == 16


def test_event_time_covers_its_precision(seed):
    places, events, timeline, claims = seed
    fell_2016 = next(e for e in events if e.date == date(2016, 1, 1))
    row = export.event_row(fell_2016)
    assert (row["start_date"], row["end_date"], row["date_precision"]) == ("2016-01-01", "2016-12-31", "year")
    assert export.precision_end(date(2024, 2, 1), "month") == date(2024, 2, 29)
    assert export.precision_end(date(2024, 11, 30), "day") == date(2024, 11, 30)


def test_every_record_names_its_gazetteer_entry_and_source(seed, tmp_path):
    collection = json.loads(export.export(tmp_path / "out.geojson", *seed).read_text())
    for feature in collection["features"]:
        props = feature["properties"]
        assert props["source"] == SOURCE if "source" in props else props["sources"] == SOURCE
        if props["layer"] == "distance_claims":
            assert (props["from"], props["to"]) == (ALEPPO.id, IDLIB.id)
            assert props["sentence"] in TEXT and TEXT[props["start"]:props["end"]] == props["text"]
        elif props["layer"] == "control":
            for ev in props["evidence"]:
                assert TEXT[ev["start"]:ev["end"]] == ev["sentence"]
                assert TEXT[ev["place_start"]:ev["place_end"]] == ev["place_text"]
        else:
            assert props["id"].startswith(("geonames:", "icao:"))
            assert props["sentence"] in TEXT


def test_places_to_geojson(seed):
    places = seed[0]
    collection = export.places_to_geojson(places)
    assert "crs" not in collection and len(collection["features"]) == len(places)
    airport = next(f for f in collection["features"] if f["properties"]["id"] == AIRPORT.id)
    assert airport["geometry"]["coordinates"] == [AIRPORT.lon, AIRPORT.lat]
    props = airport["properties"]
    for key in ("start", "end", "text", "sentence", "id", "name", "kind", "country", "confidence", "runner_up",
                "source"):
        assert key in props
    assert TEXT[props["start"]:props["end"]] == props["text"] == "Aleppo's airport"
    json.dumps(collection)  # JSON-ready


# ---------------------------------------------------------------------------- GeoPackage


def test_gpkg_has_the_four_layers(seed, tmp_path):
    path = export.export(tmp_path / "out.gpkg", *seed)
    assert [name for name, _ in pyogrio.list_layers(path)] == list(export.LAYERS)


def test_gpkg_round_trip(seed, tmp_path):
    places, events, timeline, claims = seed
    path = export.export(tmp_path / "out.gpkg", *seed)
    control = gpd.read_file(path, layer="control")
    assert control.crs.to_epsg() == 4326
    expected = [interval_to_dict(i) for i in timeline.intervals]
    assert list(control["id"]) == [r["id"] for r in expected]
    assert list(control["side"]) == [r["side"] for r in expected]
    assert [d.date().isoformat() for d in control["start_date"]] == [r["start_date"] for r in expected]
    assert [None if pd.isna(d) else d.date().isoformat() for d in control["end_date"]] == [r["end_date"] for r in expected]
    assert [json.loads(e) for e in control["evidence"]] == [r["evidence"] for r in expected]
    assert list(control["ongoing"]) == [r["ongoing"] for r in expected]
    assert list(control.geometry.x) == [i.place.lon for i in timeline.intervals]

    back = gpd.read_file(path, layer="events")
    assert list(back["sentence"]) == [e.sentence for e in events]
    assert [d.date() for d in back["start_date"]] == [e.date for e in events]
    assert list(back["start"]) == [e.start for e in events]

    mentions = gpd.read_file(path, layer="places")
    assert list(mentions["id"]) == [p.entry.id for p in places]
    assert list(mentions.geometry.y) == [p.entry.lat for p in places]

    lines = gpd.read_file(path, layer="distance_claims")
    assert list(lines["verdict"]) == ["consistent"]
    assert list(lines.geometry.iloc[0].coords) == [(ALEPPO.lon, ALEPPO.lat), (IDLIB.lon, IDLIB.lat)]


def test_gpkg_time_fields_are_the_only_ones_qgis_takes_for_time(seed, tmp_path):
    path = export.export(tmp_path / "out.gpkg", *seed)
    for layer in ("control", "events"):
        info = pyogrio.read_info(path, layer=layer)
        dated = [f for f, t in zip(info["fields"], info["ogr_types"]) if t in ("OFTDate", "OFTDateTime")]
        assert {"start_date", "end_date"} <= set(dated)
        assert [f for f in dated if QGIS_TIME_WORDS.search(f)] == ["start_date", "end_date"]


def test_gpkg_is_rewritten_not_appended(seed, tmp_path):
    path = tmp_path / "out.gpkg"
    export.export(path, *seed)
    export.export(path, *seed)
    assert len(gpd.read_file(path, layer="control")) == 4


# ---------------------------------------------------------------------------- CSV


def test_csv_round_trip(seed, tmp_path):
    timeline = seed[2]
    path = export.export(tmp_path / "out.csv", *seed)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(export.CSV_FIELDS)
    assert len(rows) == len(timeline.intervals)
    for row, interval in zip(rows, timeline.intervals):
        expected = interval_to_dict(interval)
        assert row["id"] == interval.place.id and row["side"] == interval.side
        assert row["start_date"] == expected["start_date"]
        assert row["end_date"] == (expected["end_date"] or "")
        assert json.loads(row["evidence"]) == expected["evidence"]
        point = wkt.loads(row["wkt"])
        assert (point.x, point.y) == (interval.place.lon, interval.place.lat)
        assert (float(row["lon"]), float(row["lat"])) == (point.x, point.y)
    frame = pd.read_csv(path)
    assert list(frame["start_date"]) == [interval_to_dict(i)["start_date"] for i in timeline.intervals]


def test_csv_without_intervals_says_what_to_use(seed, tmp_path):
    places, events, timeline, claims = seed
    with pytest.raises(ExportError, match=r"\.gpkg"):
        export.export(tmp_path / "out.csv", places, [], Timeline([], []), claims)


# ---------------------------------------------------------------------------- errors


def test_unknown_suffix_is_refused(seed, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export.export(tmp_path / "out.shp", *seed)
    with pytest.raises(ControlmapError):
        export.export(tmp_path / "out", *seed)


def test_nothing_to_export_is_refused(tmp_path):
    for suffix in (".geojson", ".gpkg"):
        with pytest.raises(ExportError, match="nothing to export"):
            export.export(tmp_path / f"out{suffix}", [], [], None, [])


def test_missing_folder_is_a_clear_error(seed, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export.export(tmp_path / "no" / "out.geojson", *seed)


def test_seed_export_keeps_the_control_intervals(seed_article, gazetteer, tmp_path):
    from controlmap.pipeline import analyse

    r = analyse([seed_article], gazetteer=gazetteer)
    path = export.export(tmp_path / "seed.gpkg", r.places, r.events, r.timeline, r.claims)
    control = gpd.read_file(path, layer="control")
    ongoing = control[control["end_date"].isna()]
    assert set(ongoing["name"]) >= {"Aleppo", "Aleppo International Airport", "Idlib"}
    assert set(ongoing["side"]) == {"opposition"}
    assert all(json.loads(e) for e in control["evidence"])


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(seed, tmp_path, monkeypatch):
    target = tmp_path / "out.geojson"
    target.write_text("the export of yesterday")

    def full_disk(path, records):
        path.write_text('{"type": "FeatureCollection", "feat')  # half written, then the disk fills
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(export._WRITERS, ".geojson", full_disk)
    with pytest.raises(ExportError, match="No space left"):
        export.export(target, *seed)
    assert target.read_text() == "the export of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]


# ---------------------------------------------------------------------------- schemas and empty layers


def _schema(path, layer: str) -> list[tuple[str, str]]:
    info = pyogrio.read_info(path, layer=layer)
    return [*zip(info["fields"], info["ogr_types"]), ("geometry", info["geometry_type"])]


def test_gpkg_without_distance_claims_still_has_their_layer_with_its_columns(seed, tmp_path):
    places, events, timeline, claims = seed
    full = export.export(tmp_path / "full.gpkg", *seed)
    bare = export.export(tmp_path / "bare.gpkg", places, events, timeline, [])
    assert [name for name, _ in pyogrio.list_layers(bare)] == list(export.LAYERS)
    for layer in export.LAYERS:
        assert _schema(bare, layer) == _schema(full, layer), layer  # a saved QGIS project opens either
    lines = gpd.read_file(bare, layer="distance_claims")
    assert len(lines) == 0 and list(lines.columns) == [*export.SCHEMAS["distance_claims"], "geometry"]


def test_gpkg_of_places_alone_has_every_layer(seed, tmp_path):
    path = export.export(tmp_path / "places.gpkg", seed[0], [], None, [])
    assert [name for name, _ in pyogrio.list_layers(path)] == list(export.LAYERS)
    assert {layer: pyogrio.read_info(path, layer=layer)["features"] for layer in export.LAYERS} == {
        "places": 6, "events": 0, "control": 0, "distance_claims": 0, "denials": 0}
    types = dict(zip(*[pyogrio.read_info(path, layer="events")[k] for k in ("fields", "ogr_types")]))
    assert types["start_date"] == types["end_date"] == "OFTDateTime" and types["start"] == "OFTInteger64"


def test_a_column_that_is_null_in_every_row_keeps_its_type(seed, tmp_path):
    path = export.export(tmp_path / "out.gpkg", *seed)
    assert _schema(path, "places") == [(c, _schema(path, "places")[i][1]) for i, c in
                                      enumerate(export.SCHEMAS["places"])] + [("geometry", "Point")]
    types = dict(_schema(path, "distance_claims"))
    assert types["direction_tolerance_deg"] == "OFTReal"  # no direction in the seed's claim: all NULL


def test_the_schemas_name_every_column_the_records_have(seed_article, gazetteer, tmp_path):
    """A record gaining a column must be added to SCHEMAS, or the empty layers would lack it."""
    from controlmap.article import article_from_text
    from controlmap.pipeline import analyse

    # (the seed has no denial: an article with one fills the last layer)
    denial = article_from_text("Ukraine denied that Russian troops had taken Ocheretyne.", source="denial.txt",
                               published="2024-05-10")
    r = analyse([seed_article, denial], gazetteer=gazetteer)
    records = export.layers(r.places, r.events, r.timeline, r.claims)
    for layer in export.LAYERS:
        assert records[layer], layer
        for feature in records[layer]:
            assert list(feature["properties"]) == list(export.SCHEMAS[layer]), layer


# ---------------------------------------------------------------------------- time fields of "on or before"


def test_an_event_known_only_by_the_publication_has_no_start(seed, tmp_path):
    import dataclasses

    places, events, timeline, claims = seed
    undated = [dataclasses.replace(e, date_precision="on-or-before-publication") if e.change == "withdrew" else e
               for e in events]
    row = export.event_row(undated[0])
    assert (row["start_date"], row["end_date"], row["date_precision"]) == (None, "2024-11-30", "on-or-before-publication")
    collection = json.loads(export.export(tmp_path / "out.geojson", places, undated, timeline, claims).read_text())
    withdrew = next(f for f in _by_layer(collection)["events"] if f["properties"]["change"] == "withdrew")
    assert (withdrew["properties"]["start_date"], withdrew["properties"]["end_date"]) == (None, "2024-11-30")
    back = gpd.read_file(export.export(tmp_path / "out.gpkg", places, undated, timeline, claims), layer="events")
    got = back[back["change"] == "withdrew"].iloc[0]
    assert pd.isna(got["start_date"]) and got["end_date"].date() == date(2024, 11, 30)


def test_an_event_by_a_date_has_no_start_either(seed):
    import dataclasses

    by_2016 = dataclasses.replace(seed[1][1], date_relation="before")  # "had taken Aleppo by 2016"
    row = export.event_row(by_2016)
    assert (row["start_date"], row["end_date"]) == (None, "2016-12-31")



def test_a_holding_since_a_year_is_open_ended_not_that_year_alone(seed, tmp_path):
    import dataclasses

    places, events, timeline, claims = seed
    since = next(e for e in events if e.change == "holds")  # "have maintained control of Idlib since 2020"
    assert since.date_relation == "on"
    since = dataclasses.replace(since, date_relation="since")
    row = export.event_row(since)
    assert (row["start_date"], row["end_date"], row["held_until"]) == ("2020-01-01", None, None)
    back = gpd.read_file(export.export(tmp_path / "since.gpkg", places, [since], timeline, claims), layer="events")
    assert back.iloc[0]["start_date"].date() == date(2020, 1, 1) and pd.isna(back.iloc[0]["end_date"])
    # held since 2012 until 2016: attested until the end of 2016
    ended = dataclasses.replace(since, date=date(2012, 1, 1), until=date(2016, 1, 1), until_precision="year")
    row = export.event_row(ended)
    assert (row["start_date"], row["end_date"], row["held_until"]) == ("2012-01-01", "2016-12-31", "2016-01-01")


def test_the_csv_has_one_row_per_holding_not_one_per_report(tmp_path):
    from controlmap.timeline import build_timeline
    from tests.test_map import event, place

    mention = place("Aleppo", ALEPPO)
    withdrew = [event(mention, "withdrew", "Syrian government", "government", date(2024, 11, 30), "day"),
                event(mention, "withdrew", "Syrian government", "government", date(2024, 11, 30),
                      "on-or-before-publication")]
    path = export.export(tmp_path / "out.csv", [mention], withdrew, build_timeline(withdrew), [])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["side"], r["start_date"], r["end_date"], r["end_precision"]) for r in rows] == [
        ("government", "", "2024-11-30", "day")]
    assert len(json.loads(rows[0]["evidence"])) == 2


# ---------------------------------------------------------------------------- unnamed places in control


def test_control_of_an_unnamed_place_is_drawn_at_its_anchor(tmp_path):
    from controlmap.timeline import build_timeline
    from tests.test_timeline import KHARTOUM, unnamed

    t = build_timeline([
        unnamed("the presidential palace in Khartoum", "retook", "SAF", date(2025, 3, 21)),
        unnamed("the palace", "holds", "RSF", date(2023, 4, 1), precision="month", relation="since"),
    ])
    collection = json.loads(export.export(tmp_path / "out.geojson", [], t.events, t, []).read_text())
    control = _by_layer(collection)["control"]
    assert [f["geometry"]["coordinates"] for f in control] == [[KHARTOUM.lon, KHARTOUM.lat]] * 2
    assert [(f["properties"]["id"], f["properties"]["anchor"], f["properties"]["kind"]) for f in control] == [
        (KHARTOUM.id, True, None)] * 2
    with (export.export(tmp_path / "out.csv", [], t.events, t, [])).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    khartoum = f"POINT ({KHARTOUM.lon!r} {KHARTOUM.lat!r})"
    assert [(r["side"], r["end_date"], r["wkt"]) for r in rows] == [("RSF", "2025-03-21", khartoum), ("SAF", "", khartoum)]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, a folder no one can write files in")
@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".csv"])
def test_a_path_that_cannot_be_written_is_one_clear_error(seed, suffix):
    # (/proc refuses new files even to root, where a read-only folder would not)
    with pytest.raises(ExportError, match=rf"/proc/controlmap-test{suffix}: cannot write \("):
        export.export(Path(f"/proc/controlmap-test{suffix}"), *seed)
