"""The `events`, `map`, `export` and `gazetteer lookup` commands as a user runs them: dates they
need, bad input refused in one line, outputs never left half-written."""
import json
import os

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
    ('{"published": "2024-11-30garbage"}', "YYYY-MM-DD"),
    ('{"published": "2024-11-30T25:99"}', "YYYY-MM-DD"),
])
@pytest.mark.parametrize("command", ["places", "events"])
def test_a_broken_sidecar_is_an_error_not_ignored(undated, sidecar, message, command):
    undated.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(undated)])
    assert message in _one_line_error(result) and "x.json" in result.stderr


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
