"""The map's HTML: offline assets, features, escaping, the refusal to draw nothing.

The records are built by hand here (Aleppo, its airport and Idlib, as the BBC reported on
2024-11-30) so that these tests check the map alone, whatever the extractors do.
"""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from controlmap import mapping
from controlmap.distances import DistanceClaim, parse_quantities
from controlmap.errors import ControlmapError, ExportError
from controlmap.events import ControlEvent
from controlmap.gazetteer import GazetteerEntry
from controlmap.geoparse import Place
from controlmap.text import Sentence, split_sentences
from controlmap.timeline import ControlInterval, Timeline, build_timeline

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
    idlib_55km = place("Idlib", IDLIB, 1, article=article, source=source)
    places = [aleppo, idlib, idlib_55km, aleppo_2016, airport, london]
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
    return places, events, Timeline(intervals, events), [distance_claim(idlib_55km, aleppo_2016)]


def distance_claim(located: Place, reference: Place) -> DistanceClaim:
    """ "Idlib sits just 55km (34 miles) from Aleppo", checked: the geodesic is 56.2 km."""
    sentence = located.sentence
    words = sentence.text[: sentence.text.index(reference.text) + len(reference.text)]
    start = sentence.start
    return DistanceClaim(located.source, sentence, start, start + len(words), words, "between",
                         parse_quantities(words, start), "just", "just", (46.75, 55.0), from_place=reference,
                         to_place=located, geodesic_km=56.19, bearing_deg=234.0, tolerance_km=8.4,
                         verdict="consistent", reason="just 55 km vs 56.2 km geodesic, within 8.4 km")


def layer_data(html: str) -> list[dict]:
    """Every FeatureCollection of controlmap's layers in the page (not the basemap), decoded."""
    return [data for data in geojson_literals(html) if all("status" in f["properties"] for f in data["features"])]


def geojson_literals(html: str) -> list[dict]:
    """The data written literally into each ``L.geoJSON(`` call (not the helpers' variables)."""
    decoder = json.JSONDecoder()
    found = []
    for match in re.finditer(r"L\.geoJSON\((?=\{)", html):
        found.append(decoder.raw_decode(html, match.end())[0])
    return found


@pytest.fixture()
def seed():
    return seed_records()


@pytest.fixture()
def saved(seed, tmp_path) -> str:
    path = mapping.write_map(tmp_path / "map.html", *seed, title="Aleppo, 30 November 2024")
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- offline page


def test_country_outlines_are_a_basemap_without_network(saved):
    outlines = [c for c in geojson_literals(saved) if c["features"] and not c["features"][0]["properties"]]
    assert len(outlines) == 1 and 3 <= len(outlines[0]["features"]) < 60  # Syria and neighbours, not the world


def test_page_links_no_script_or_stylesheet(saved):
    assert not re.search(r"<script[^>]*\bsrc=", saved, re.I)
    assert not re.search(r"<link[^>]*\bhref=", saved, re.I)


def test_leaflet_is_inlined_from_folium_offline(saved):
    from offlinefolium.elements import _res

    leaflet = _res[mapping._LEAFLET_JS]
    assert leaflet[:2000].replace("</script", "<\\/script") in saved
    # Only leaflet: folium's jQuery, bootstrap and icon fonts are not needed and not shipped.
    assert "jQuery" not in saved and "bootstrap" not in saved.lower()


def test_only_tile_hosts_are_contacted(saved):
    tile_urls = re.findall(r"L\.tileLayer\(\s*\"([^\"]+)\"", saved)
    assert tile_urls and all(u.startswith("https://tile.openstreetmap.org/") for u in tile_urls)


def test_unknown_asset_is_refused():
    with pytest.raises(ExportError, match="offline copy"):
        mapping.inline_assets('<script src="https://cdn.example.org/x.js"></script>')


# ---------------------------------------------------------------------------- dates and features


def test_steps_are_the_reported_dates_at_their_precision(seed):
    places, events, timeline, claims = seed
    steps = mapping.date_steps(timeline, events)
    assert [s.label for s in steps] == ["2016", "2020", "2024-11-30"]
    assert [s.precision for s in steps] == ["year", "year", "day"]


def _by_name(collection: dict) -> dict[str, dict]:
    return {f["properties"]["name"]: f["properties"] for f in collection["features"]}


def test_snapshots_show_the_controller_of_every_place(seed):
    places, events, timeline, claims = seed
    colours = mapping.side_colours(["government", "opposition"])
    steps = mapping.date_steps(timeline, events)
    first, today, _ = mapping.snapshot(timeline, events, steps[0], colours)
    props = _by_name(first)
    assert props["Aleppo"]["status"] == "control" and props["Aleppo"]["current"]["side"] == "government"
    assert props["Idlib"]["status"] == "none" and props["Aleppo International Airport"]["status"] == "none"
    assert [e["change"] for e in props["Aleppo"]["today"]] == ["captured"]

    last, today, unlocated = mapping.snapshot(timeline, events, steps[-1], colours)
    props = _by_name(last)
    assert {p["current"]["side"] for p in props.values()} == {"opposition"}
    assert props["Aleppo"]["current"]["colour"] == colours["opposition"] != colours["government"]
    # The events of the day stand out; Idlib's holding since 2020 is no event of that day.
    assert props["Aleppo"]["today"] and props["Aleppo International Airport"]["today"]
    assert props["Idlib"]["today"] == []
    assert len(today) == 3 and unlocated == []


def test_every_feature_quotes_its_source_sentence_and_precision(saved):
    collections = layer_data(saved)
    features = [f for c in collections for f in c["features"] if f["properties"].get("evidence")]
    assert features
    for feature in features:
        for quote in feature["properties"]["evidence"]:
            assert quote["sentence"] in TEXT and quote["source"] == SOURCE
            start, end = quote["span"]
            assert TEXT[start:end] == quote["sentence"]
    control = [f for c in collections for f in c["features"] if f["properties"]["status"] == "control"]
    assert {q["precision"] for f in control for q in f["properties"]["evidence"]} >= {"day", "year"}
    assert all(f["properties"]["id"].startswith(("geonames:", "icao:")) for f in control)


def test_page_has_one_layer_per_date_and_the_claim_line(saved):
    collections = layer_data(saved)
    points = [c for c in collections if c["features"] and c["features"][0]["properties"].get("status")
              in ("control", "none", "event")]
    assert len(points) == 3
    lines = [f for c in collections for f in c["features"] if f["geometry"]["type"] == "LineString"]
    assert len(lines) == 1 and lines[0]["properties"]["verdict"] == "consistent"
    # lon, lat: the line runs from Aleppo (lon 37.16) to Idlib (lon 36.63).
    assert lines[0]["geometry"]["coordinates"] == [[ALEPPO.lon, ALEPPO.lat], [IDLIB.lon, IDLIB.lat]]
    assert lines[0]["properties"]["colour"] == mapping.CLAIM_COLOUR and lines[0]["properties"]["dash"] is None


def test_view_fits_the_mapped_places_not_passing_mentions(seed):
    fmap = mapping.build_map(*seed)
    (south, west), (north, east) = next(c for c in fmap._children.values() if type(c).__name__ == "FitBounds").bounds
    assert south <= IDLIB.lat and north >= ALEPPO.lat and west <= IDLIB.lon and east >= AIRPORT.lon
    assert north < 40  # London (51.5 N) is mentioned, not mapped: it must not zoom the view out
    html = fmap.get_root().render()
    assert "London" in html  # it is still on the "other places" overlay


def test_legend_names_sides_actors_and_verdicts(seed):
    fmap = mapping.build_map(*seed)
    panel = next(c for c in fmap._children.values() if isinstance(c, mapping._Panel))
    labels = [row["label"] for row in panel.info["legend"]]
    assert "government: Syrian government" in labels
    assert any(label.startswith("opposition: Hayat Tahrir al-Sham") for label in labels)
    assert "distance claim: consistent" in labels


# ---------------------------------------------------------------------------- escaping

NASTY = ('Rebels said "it\'s ours" </script><script>alert(1)</script> {{ 7*7 }} {% if x %}y{% endif %} '
         '{# c #} `${document.cookie}` & took Aleppo. ')


def test_article_text_cannot_break_out_of_the_page(tmp_path):
    article = NASTY + TEXT
    seed = seed_records(article, source='<b>"evil".txt</b>')
    html = mapping.write_map(tmp_path / "m.html", *seed, title="{{ title }} </script>").read_text()
    assert "<script>alert(1)" not in html and "</script><script>" not in html
    assert "{{ 7*7 }}" not in html and "{%" not in html.split("<script>", 2)[-1]
    quotes = [q for c in layer_data(html) for f in c["features"] for q in f["properties"].get("evidence", [])]
    first = next(q for q in quotes if q["sentence"].startswith("Rebels said"))
    assert first["sentence"] == article[: article.index("Aleppo.") + len("Aleppo.")]
    assert first["source"] == '<b>"evil".txt</b>'
    assert '"title": "\\u007b{ title }} \\u003c/script\\u003e"' in html


def test_page_json_round_trips_and_hides_template_syntax():
    value = {"s": "{{ a }} {% b %} {# c #} </script> & 'q' \u2028", "n": [1, {"k": None}]}
    text = mapping.page_json(value)
    assert json.loads(text) == value
    assert not re.search(r"\{[{%#]|<|>|&|'", text)


# ---------------------------------------------------------------------------- nothing to draw


def test_nothing_to_draw_is_an_error():
    with pytest.raises(ControlmapError, match="nothing to map"):
        mapping.build_map([], [], Timeline([], []), [])
    with pytest.raises(ControlmapError, match="nothing to map"):
        mapping.build_map([], [], None, [])


def test_unlocated_events_alone_are_nothing_to_draw():
    places, events, timeline, claims = seed_records()
    lost = ControlEvent(0, 10, TEXT[:10], SOURCE, "captured", "HTS", "Hayat Tahrir al-Sham", "opposition",
                        "several heights", 0, 5, None, date=date(2024, 11, 30), date_precision="day")
    with pytest.raises(ExportError):
        mapping.build_map([], [lost], Timeline([], [lost]), [])


def test_places_alone_are_drawn_and_shown(tmp_path):
    places, *_ = seed_records()
    html = mapping.write_map(tmp_path / "p.html", places, [], None, []).read_text()
    mentions = [f for c in layer_data(html) for f in c["features"]]
    assert {f["properties"]["status"] for f in mentions} == {"mention"}
    assert len(mentions) == 4  # Aleppo, Idlib, the airport, London: one marker per entry


def test_save_map_returns_the_path(seed, tmp_path):
    fmap = mapping.build_map(*seed)
    out = mapping.save_map(fmap, tmp_path / "out.html")
    assert out == tmp_path / "out.html" and out.stat().st_size > 100_000


# ---------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed_analysis(seed_article, gazetteer):
    from controlmap.pipeline import analyse

    return analyse([seed_article], gazetteer=gazetteer)


def test_seed_map_shows_who_held_what(seed_analysis, tmp_path):
    """BBC, 2024-11-30: Aleppo government 2016 -> then opposition; airport and Idlib opposition."""
    r = seed_analysis
    steps = mapping.date_steps(r.timeline, r.events)
    colours = mapping.side_colours([i.side for i in r.timeline.intervals])
    by_label = {s.label: _by_name(mapping.snapshot(r.timeline, r.events, s, colours)[0]) for s in steps}
    latest = by_label[steps[-1].label]
    assert steps[-1].day == date(2024, 11, 30)
    for name in ("Aleppo", "Aleppo International Airport", "Idlib", "Idlib Governorate"):
        assert latest[name]["current"]["side"] == "opposition", name
    assert by_label["2016"]["Aleppo"]["current"]["side"] == "government"
    assert by_label["2020"]["Idlib"]["current"]["side"] == "opposition"
    html = mapping.write_map(tmp_path / "seed.html", r.places, r.events, r.timeline, r.claims).read_text()
    assert len([c for c in layer_data(html) if c["features"][0]["properties"]["status"] != "mention"]) >= 4


# ---------------------------------------------------------------------------- what a reader is shown


def generic_seed():
    """The seed with the 2016 capture read as the registry's generic row ("government forces")."""
    from dataclasses import replace

    places, events, timeline, claims = seed_records()
    fell = events[1]
    generic = replace(fell, actor="government (generic)", actor_text="government forces")
    events = [generic if e is fell else e for e in events]
    intervals = list(timeline.intervals)
    intervals[0] = replace(intervals[0], actor="government (generic)", events=[generic, events[0]])
    return places, events, Timeline(intervals, events), claims


def test_generic_registry_rows_never_reach_the_page(tmp_path):
    seed = generic_seed()
    html = mapping.write_map(tmp_path / "g.html", *seed).read_text()
    assert "(generic)" not in html
    panel = next(c for c in mapping.build_map(*seed)._children.values() if isinstance(c, mapping._Panel))
    labels = [row["label"] for row in panel.info["legend"]]
    assert "government: Syrian government" in labels


def test_claim_lines_do_not_reuse_actor_colours_and_differ_by_pattern(seed):
    from dataclasses import replace

    from controlmap.actors import load_actors

    places, events, timeline, claims = seed
    verdicts = ("consistent", "overstated", "understated", "direction-wrong", "unverifiable")
    lines = mapping.claim_features([replace(claims[0], verdict=v) for v in verdicts])
    props = [f["properties"] for f in lines["features"]]
    # One neutral colour: a line's colour never reads as a side's.
    actor_colours = {a.colour.lower() for a in load_actors().actors} | set(mapping.side_colours(["x", "y"]).values())
    assert {p["colour"] for p in props} == {mapping.CLAIM_COLOUR} and mapping.CLAIM_COLOUR not in actor_colours
    dashes = {p["verdict"]: p["dash"] for p in props}
    assert dashes["consistent"] is None  # solid
    assert len(set(dashes.values())) == len(verdicts)
    fmap = mapping.build_map(places, events, timeline, [replace(claims[0], verdict="overstated")])
    legend = next(c for c in fmap._children.values() if isinstance(c, mapping._Panel)).info["legend"]
    row = next(r for r in legend if r["label"] == "distance claim: overstated")
    assert row["line"] and row["dash"] == dashes["overstated"] and row["colour"] == mapping.CLAIM_COLOUR


def endpoint_seed():
    """The seed without Idlib's events: Idlib is only the far end of the 55 km claim."""
    places, events, timeline, claims = seed_records()
    events = [e for e in events if e.place_text != "Idlib"]
    intervals = [i for i in timeline.intervals if i.place_key != IDLIB.id]
    return places, events, Timeline(intervals, events), claims


def test_a_claim_endpoint_without_events_gets_a_marker(tmp_path):
    html = mapping.write_map(tmp_path / "e.html", *endpoint_seed()).read_text()
    ends = [f["properties"] for c in layer_data(html) for f in c["features"]
            if f["properties"]["status"] == "endpoint"]
    assert [(p["name"], p["id"]) for p in ends] == [("Idlib", IDLIB.id)]
    assert "Idlib sits just 55km (34 miles) from Aleppo" in ends[0]["evidence"][0]["sentence"]
    # ...and it is not drawn a second time on the (hidden) "other places" overlay.
    mentions = [f["properties"]["id"] for c in layer_data(html) for f in c["features"]
                if f["properties"]["status"] == "mention"]
    assert IDLIB.id not in mentions


def test_places_only_map_has_labels_and_a_legend(tmp_path):
    places, *_ = seed_records()
    fmap = mapping.build_map(places, [], None, [])
    legend = next(c for c in fmap._children.values() if isinstance(c, mapping._Panel)).info["legend"]
    assert "places mentioned (no control reported)" in [r["label"] for r in legend]
    html = mapping.save_map(fmap, tmp_path / "p.html").read_text()
    assert re.search(r'controlmap\.layerOptions\(true\)', html)  # names shown, not only on hover


def test_default_page_title_names_the_source_and_dates(seed, tmp_path):
    html = mapping.write_map(tmp_path / "t.html", *seed).read_text()
    assert "<title>controlmap: aleppo-2024-11-30.txt (2016 \u2013 2024-11-30)</title>" in html
    html = mapping.write_map(tmp_path / "u.html", *seed, title='<b>"Aleppo"</b> {{ x }}').read_text()
    assert "<title>&lt;b&gt;&quot;Aleppo&quot;&lt;/b&gt; &#123;&#123; x }}</title>" in html


def test_close_places_put_their_labels_on_opposite_sides(seed):
    _, events, timeline, _ = seed
    steps = mapping.date_steps(timeline, events)
    collection, _, _ = mapping.snapshot(timeline, events, steps[-1], mapping.side_colours(["government", "opposition"]))
    mapping.place_labels(collection["features"])
    sides = {name: p["label"] for name, p in _by_name(collection).items()}
    # The airport is 6 km east of Aleppo: Aleppo's name goes west, the airport's east.
    assert sides["Aleppo"] == "left" and sides["Aleppo International Airport"] == "right"
    assert sides["Idlib"] == "right"  # 56 km away: nothing to avoid


def test_page_json_matches_plain_json_for_plain_data():
    value = {"d": date(2024, 11, 30), "t": (1, 2), "o": ControlmapError("x"), "n": None}
    assert json.loads(mapping.page_json(value)) == {"d": "2024-11-30", "t": [1, 2], "o": "x", "n": None}


def test_popup_dates_say_how_the_event_relates_to_them(seed_analysis):
    from controlmap.mapping import _evidence

    dates = {(e.change, e.place_text, e.date_relation): _evidence(e)["date"] for e in seed_analysis.events}
    # "The conflict has been largely dormant since 2020": held since then, not in 2020
    assert dates[("holds", "Idlib", "since")] == "since 2020"
    # "a rebel stronghold until it fell": held until 2016 at the latest
    assert dates[("holds", "Aleppo", "before")] == "on or before 2016"
    # no date in the text: known by the publication only
    assert dates[("holds", "Idlib", "on")] == "on or before 2024-11-30"


# ---------------------------------------------------------------------------- several wars

YEMEN = "Yemeni government forces retook Mocha on Friday."
MALI = "Rebels seized Kidal on Friday."
MOCHA = GazetteerEntry("geonames:76184", "Mocha", "city", "YE", "Taiz", 13.32, 43.25)
KIDAL = GazetteerEntry("geonames:2455290", "Kidal", "city", "ML", "Kidal", 18.44, 1.41)


def several_wars_records():
    """The seed (Syria) with a Yemen report and a Mali report whose actors are the generic rows."""
    places, events, timeline, claims = seed_records()
    mocha = place("Mocha", MOCHA, article=YEMEN, source="yemen.txt")
    kidal = place("Kidal", KIDAL, article=MALI, source="mali.txt")
    retook = event(mocha, "retook", "Yemeni government", "government", date(2021, 11, 12), "day")
    seized = replace_actor(event(kidal, "captured", "opposition (generic)", "opposition", date(2024, 11, 29), "day"),
                           "Rebels")
    intervals = list(timeline.intervals) + [
        ControlInterval(MOCHA.id, MOCHA, "Mocha", "government", "Yemeni government", date(2021, 11, 12), "day",
                        events=[retook]),
        ControlInterval(KIDAL.id, KIDAL, "Kidal", "opposition", "opposition (generic)", date(2024, 11, 29), "day",
                        events=[seized]),
    ]
    events = events + [retook, seized]
    return places + [mocha, kidal], events, Timeline(intervals, events), claims


def replace_actor(e: ControlEvent, written: str) -> ControlEvent:
    from dataclasses import replace

    return replace(e, actor_text=written)


def _legend_rows(records) -> dict[str, str]:
    fmap = mapping.build_map(*records)
    panel = next(c for c in fmap._children.values() if isinstance(c, mapping._Panel))
    return {row["label"]: row["colour"] for row in panel.info["legend"] if not row.get("line")}


def test_a_map_of_several_wars_tells_each_wars_sides_apart():
    from controlmap.actors import load_actors

    rows = _legend_rows(several_wars_records())
    syria = rows["government (Syria): Syrian government"]
    yemen = rows["government (Yemen): Yemeni government"]
    assert syria == load_actors().colour_for("government")  # the first war keeps the registry's colour
    assert mapping.colour_distance(syria, yemen) >= 50  # another war's "government" is another colour
    # a generic row ("rebels" in Mali) is that war's side, named as written, not the Syrian opposition
    sahel = rows["opposition (Sahel): Rebels"]
    assert mapping.colour_distance(sahel, rows["opposition (Syria): Hayat Tahrir al-Sham, opposition forces"]) >= 50
    sides = [colour for label, colour in rows.items()
             if not label.startswith(("end of a distance claim", "places mentioned"))]
    assert len(sides) == 4 and len(set(sides)) == 4  # colour means a side and nothing else


def test_every_actor_drawn_in_a_colour_is_named_in_the_legend_under_it():
    records = several_wars_records()
    rows = _legend_rows(records)
    palette = mapping.SidePalette(records[2].intervals, records[1])
    for step in mapping.date_steps(records[2], records[1]):
        collection, _, _ = mapping.snapshot(records[2], records[1], step, palette)
        for feature in collection["features"]:
            current = feature["properties"]["current"]
            if current is None:
                continue
            label = next(label for label, colour in rows.items() if colour == current["colour"])
            assert label.startswith(f"{current['side']} ({current['war']})"), (label, current)
            if current["actor"]:
                assert current["actor"] in label.split(": ", 1)[1], (label, current)


def test_popups_of_a_map_of_several_wars_name_the_war():
    places, events, timeline, claims = several_wars_records()
    palette = mapping.SidePalette(timeline.intervals, events)
    steps = mapping.date_steps(timeline, events)
    props = _by_name(mapping.snapshot(timeline, events, steps[-1], palette)[0])
    assert (props["Mocha"]["current"]["side"], props["Mocha"]["current"]["war"]) == ("government", "Yemen")
    assert props["Kidal"]["current"]["war"] == "Sahel" and props["Kidal"]["current"]["actor"] == "Rebels"
    assert props["Idlib"]["current"]["war"] == "Syria"


def test_a_map_of_one_war_names_sides_alone(seed):
    rows = _legend_rows(seed)
    assert "government: Syrian government" in rows and not any("(Syria)" in label for label in rows)
    palette = mapping.SidePalette(seed[2].intervals, seed[1])
    assert palette.wars == ["syria"] and not palette.several_wars
    props = _by_name(mapping.snapshot(seed[2], seed[1], mapping.date_steps(seed[2], seed[1])[-1], palette)[0])
    assert props["Idlib"]["current"]["war"] is None


def test_words_that_only_point_back_are_not_shown_as_the_actor():
    assert mapping.shown_actor("government (generic)", "its forces", "government") is None
    assert mapping.shown_actor("opposition (generic)", "it", "opposition") is None
    assert mapping.shown_actor("opposition (generic)", "jihadists", "opposition") == "jihadists"


# ---------------------------------------------------------------------------- names as written

HAMA = GazetteerEntry("geonames:170017", "\u1e24am\u0101h", "city", "SY", "Hama", 35.13179, 36.75783, 696863)
HAMA_TEXT = ("Rebels entered Hama on Thursday. The army withdrew from Hama, 45km north of Homs. "
             "Syria's Hama province was quiet.")


def test_towns_are_labelled_as_the_articles_spell_them(tmp_path):
    hama, hama_2 = place("Hama", HAMA, article=HAMA_TEXT), place("Hama", HAMA, 1, article=HAMA_TEXT)
    entered = event(hama, "entered", "Syrian opposition", "opposition", date(2024, 12, 5), "day")
    timeline = build_timeline([entered])
    html = mapping.write_map(tmp_path / "h.html", [hama, hama_2], [entered], timeline, []).read_text()
    drawn = [f["properties"] for c in layer_data(html) for f in c["features"]]
    assert drawn and {p["name"] for p in drawn} == {"Hama"}
    # the gazetteer's own name stays beside its id, for the popup
    assert {p["gazetteer_name"] for p in drawn} == {HAMA.name} and {p["id"] for p in drawn} == {HAMA.id}
    assert all(ev["name"] == "Hama" for p in drawn for ev in p["evidence"])


def test_written_names_leave_descriptions_countries_and_shared_spellings_alone():
    text = "Idlib, the city of Idlib and Aleppo's airport. The UK and Idlib province. Deir ez-Zor too."
    idlib_province = GazetteerEntry("geonames:169387", "Idlib Governorate", "admin1", "SY", "Idlib", 35.8, 36.6)
    uk = GazetteerEntry("geonames:2635167", "United Kingdom", "country", "GB", None, 54.7, -2.7)
    deir = GazetteerEntry("geonames:170794", "Dayr az Zawr", "city", "SY", "Deir ez-Zor", 35.33, 40.14)
    places = [place("Idlib", IDLIB, article=text), place("the city of Idlib", IDLIB, article=text),
              place("Aleppo's airport", AIRPORT, article=text), place("UK", uk, article=text),
              place("Idlib", idlib_province, 2, article=text), place("Deir ez-Zor", deir, article=text)]
    assert mapping.written_names(places) == {deir.id: "Deir ez-Zor"}
    # two entries that would both read "Idlib" keep their gazetteer names
    clash = [place("Idlib", IDLIB, article=text),
             place("Idlib", GazetteerEntry("geonames:1", "Idlib Town", "city", "SY", None, 35.0, 36.0), 2, article=text)]
    assert mapping.written_names(clash) == {}
