"""Distance claims: parsing what is said, and checking it against the map."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from controlmap.article import Article
from controlmap.distances import (
    CSV_FIELDS,
    angle_difference,
    check_claim,
    claim_to_dict,
    claim_to_row,
    claims_to_geojson,
    compass_degrees,
    exit_code_for,
    find_claims,
    parse_quantities,
    rounding_km,
    verify_distances,
)
from controlmap.gazetteer import GazetteerEntry
from controlmap.geoparse import Place
from controlmap.text import split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Hand-built gazetteer rows (GeoNames coordinates and populations).
IDLIB = GazetteerEntry("geonames:169389", "Idlib", "city", "SY", "Idlib", 35.93062, 36.63393, 128840)
ALEPPO = GazetteerEntry("geonames:170063", "Aleppo", "city", "SY", "Aleppo", 36.20124, 37.16117, 2098210)
SARAQIB = GazetteerEntry("geonames:163345", "Saraqib", "city", "SY", "Idlib", 35.86444, 36.80056, 31000)
DAMASCUS = GazetteerEntry("geonames:170654", "Damascus", "city", "SY", "Damascus", 33.5102, 36.29128, 1569394)
HOMS = GazetteerEntry("geonames:169577", "Homs", "city", "SY", "Homs", 34.72682, 36.72339, 775404)
LILLE = GazetteerEntry("geonames:2998324", "Lille", "city", "FR", "Hauts-de-France", 50.63297, 3.05858, 234475)
ARMENTIERES = GazetteerEntry("geonames:3037456", "Armentières", "city", "FR", "Hauts-de-France", 50.68568, 2.88214, 25939)
PARIS = GazetteerEntry("geonames:2988507", "Paris", "city", "FR", "Ile-de-France", 48.85341, 2.3488, 2138551)
PARIS_TX = GazetteerEntry("geonames:4717560", "Paris", "city", "US", "Texas", 33.66094, -95.55551, 24782)
VERSAILLES = GazetteerEntry("geonames:2969679", "Versailles", "city", "FR", "Ile-de-France", 48.80359, 2.13424, 85416)
SYRIA = GazetteerEntry("geonames:163843", "Syria", "country", "SY", None, 35.0, 38.0, 22198110)

ENTRIES = {e.name: e for e in (IDLIB, ALEPPO, SARAQIB, DAMASCUS, HOMS, LILLE, ARMENTIERES, VERSAILLES)}


def places_in(text: str, entries: dict[str, GazetteerEntry] | None = None) -> list[Place]:
    """Every occurrence of a known name in ``text``, as resolved places."""
    entries = entries or ENTRIES
    sentences = split_sentences(text)
    out = []
    for name, entry in entries.items():
        at = text.find(name)
        while at >= 0:
            sentence = next(s for s in sentences if s.start <= at < s.end)
            out.append(Place(at, at + len(name), name, entry, sentence, "<text>", 0.9))
            at = text.find(name, at + 1)
    return sorted(out, key=lambda p: p.start)


def verify(text: str, entries: dict[str, GazetteerEntry] | None = None, gazetteer=None):
    article = Article(text)
    return verify_distances(article, places_in(text, entries), gazetteer=gazetteer)


def only(claims):
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("a 1,200km border", 1200, 1200, "km"),
        ("some 10-15km away", 10, 15, "km"),
        ("five miles away", 5, 5, "mi"),
        ("twenty-five miles away", 25, 25, "mi"),
        ("an 83-kilometre-long reservoir", 83, 83, "km"),
        ("40 nautical miles offshore", 40, 40, "nmi"),
        ("500 metres from the line", 500, 500, "m"),
        ("2.5 kilometers long", 2.5, 2.5, "km"),
        ("a 26 mile pipeline", 26, 26, "mi"),
    ],
)
def test_quantities_in_every_written_form(text, low, high, unit):
    (q,) = parse_quantities(text)
    assert (q.low, q.high, q.unit) == (low, high, unit)


@pytest.mark.parametrize("text", [
    "driving at 120 km/h", "at 60 miles per hour", "covering 300 square kilometres", "raised $900m from",
    "about dollars 900m from investors", "an ONEMI spokesman", "three km underground", "5 sq km",
    "a EUR 40 m loan (EUR 40 m) from", "a 10-foot-long island", "in 739 feet of water", "Jeremy Watson, 30, of Ten Mile", "a 4 700-meter-tall peak",
    "a wall 10 feet (3 metres) high", "cruising at 30,000 feet", "a 40-yard dash",
])
def test_speeds_areas_money_and_depths_are_not_distances(text):
    assert parse_quantities(text) == []


def test_nautical_miles_convert_at_1852_metres():
    (q,) = parse_quantities("12 nautical miles")
    assert q.km_low == pytest.approx(22.224)


def test_parenthesised_conversion_is_one_claim_with_two_statements():
    claim = only(find_claims(Article("Idlib sits just 55km (34 miles) from Aleppo."), []))
    assert [(s.low, s.unit) for s in claim.stated] == [(55, "km"), (34, "mi")]
    assert claim.text.startswith("just 55km (34 miles)")


@pytest.mark.parametrize(
    ("text", "qualifier", "sense", "interval"),
    [
        ("Idlib sits just 55km from Aleppo.", "just", "just", (52.5, 57.5)),
        ("a strip exceeding 100km.", "exceeding", "lower", (100.0, None)),
        ("more than 200 km away.", "more than", "lower", (200.0, None)),
        ("only less than 100 kilometers west of Syria.", "only less than", "upper", (0.0, 100.0)),
        ("within 5km of the border.", "within", "upper", (0.0, 5.0)),
        ("distances of up to 30 miles.", "up to", "upper", (0.0, 30 * 1.609344)),
        ("about 100 km away.", "about", "approx", (90.0, 110.0)),  # rounding capped at 10 %
        ("a road of 10-15km.", None, "plain", (10.0, 15.0)),
    ],
)
def test_qualifier_words_are_kept_and_turned_into_an_interval(text, qualifier, sense, interval):
    claim = only(find_claims(Article(text), []))
    assert claim.qualifier == qualifier
    assert claim.qualifier_sense == sense
    assert claim.interval_km[0] == pytest.approx(interval[0])
    assert claim.interval_km[1] == (None if interval[1] is None else pytest.approx(interval[1]))


@pytest.mark.parametrize(("text", "half"), [("55 km", 2.5), ("120 km", 5.0), ("100 km", 50.0), ("56 km", 0.5),
                                             ("1.9 km", 0.05)])
def test_rounding_of_the_stated_number(text, half):
    assert rounding_km(parse_quantities(text)[0]) == pytest.approx(half)


def test_compass_points_in_8_and_16_points():
    assert compass_degrees("south-east") == 135
    assert compass_degrees("north east") == 45
    assert compass_degrees("northwest") == 315
    assert compass_degrees("north-north-east") == 22.5
    assert compass_degrees("up") is None
    assert angle_difference(350, 10) == 20


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Idlib sits just 55km (34 miles) from Aleppo.", "units-consistent"),
        ("a strip exceeding 100km (60 miles).", "units-consistent"),  # 62.1 mi, rounded
        ("the volcano about 90 km (50 miles) east of Quito.", "units-inconsistent"),  # 50 mi = 80.5 km
        ("some 230 km (150 miles) north of the line.", "units-consistent"),
        ("about 170-200 kms (105-125 miles) from the field.", "units-consistent"),
        ("a strip of 10 miles (10 km).", "units-inconsistent"),
    ],
)
def test_conversion_checked_on_its_own(text, verdict):
    claim = only(verify(text))
    assert claim.units_verdict == verdict
    assert claim.units_reason


def test_no_conversion_no_units_verdict():
    assert only(verify("Idlib sits 55km from Aleppo.")).units_verdict is None


# --------------------------------------------------------------------------- verdicts


def test_seed_claim_idlib_aleppo_is_consistent():
    claim = only(verify("Idlib sits just 55km (34 miles) from Aleppo, which was a stronghold."))
    assert claim.kind == "between"
    assert {claim.from_place.entry.id, claim.to_place.entry.id} == {"geonames:169389", "geonames:170063"}
    assert claim.geodesic_km == pytest.approx(56.2, abs=0.1)
    assert claim.verdict == "consistent"
    assert claim.tolerance_km >= 5


def test_lone_quantity_is_unverifiable_with_no_endpoints():
    claim = only(verify("Rebels advanced 10km on Friday."))
    assert (claim.kind, claim.verdict) == ("lone", "unverifiable")
    assert claim.reason.startswith("no endpoints")
    assert claim.geodesic_km is None


def test_wrong_distance_is_overstated_and_not_excused_as_a_road():
    claim = only(verify("Armentières, about 20 miles from Lille, was shelled."))
    assert claim.verdict == "overstated"
    assert "plausible by road" not in claim.reason


def test_overstated_straight_line_that_a_road_explains_says_so():
    claim = only(verify("Idlib sits 72km from Aleppo."))
    assert claim.verdict == "overstated"
    assert claim.reason.startswith("overstated as a straight line; plausible by road")


def test_understated_distance():
    assert only(verify("Idlib sits just 30km from Aleppo.")).verdict == "understated"


def test_more_than_and_within_bounds():
    assert only(verify("Idlib is more than 50km from Aleppo.")).verdict == "consistent"
    assert only(verify("Idlib is more than 100km from Aleppo.")).verdict == "overstated"
    assert only(verify("Idlib is within 60km of Aleppo.")).verdict == "consistent"
    assert only(verify("Idlib is within 20km of Aleppo.")).verdict == "understated"


def test_offset_with_right_direction_is_consistent():
    claim = only(verify("Saraqib, 20km south-east of Idlib, fell on Friday."))
    assert claim.kind == "offset"
    assert claim.from_place.entry.id == IDLIB.id and claim.to_place.entry.id == SARAQIB.id
    assert claim.direction == "south-east"
    assert claim.verdict == "consistent"
    assert 90 < claim.bearing_deg < 135
    assert claim.direction_tolerance_deg >= 67.5


def test_offset_with_opposite_direction_is_direction_wrong():
    claim = only(verify("Saraqib, 20km north-west of Idlib, fell on Friday."))
    assert claim.verdict == "direction-wrong"
    assert "bearing" in claim.reason


def test_road_distance_gets_the_road_band():
    claim = only(verify("The 80km road from Idlib to Aleppo was cut."))
    assert claim.kind == "road"
    assert claim.verdict == "consistent"
    assert only(verify("The 100km road from Idlib to Aleppo was cut.")).verdict == "overstated"
    assert only(verify("The 30km road from Idlib to Aleppo was cut.")).verdict == "understated"


def test_by_road_marks_a_plain_claim_as_road():
    claim = only(verify("Idlib is 75km from Aleppo by road."))
    assert claim.kind == "road"
    assert claim.verdict == "consistent"


@pytest.mark.parametrize("text", [
    "Idlib is 75km by road from Aleppo.",
    "Idlib is a 75km drive from Aleppo.",
    "The drive from Idlib to Aleppo is 75km.",
])
def test_road_claims_name_both_ends_wherever_they_stand(text):
    claim = only(verify(text))
    assert (claim.kind, claim.verdict) == ("road", "consistent")
    assert {claim.from_place.entry.name, claim.to_place.entry.name} == {"Idlib", "Aleppo"}
    assert "75km" in claim.text


def test_a_distance_whose_endpoints_come_first():
    claim = only(verify("The distance between Idlib and Aleppo is about 20 miles."))
    assert (claim.kind, claim.verdict) == ("between", "understated")
    assert claim.text.startswith("distance between Idlib")


def test_an_area_after_a_preposition_places_the_subject_not_the_claim():
    lake = GazetteerEntry("curated:lake", "Lake Asad", "region", "SY", None, 36.0, 38.2)
    claim = only(verify("Saraqib lies near the shore of Lake Asad, some 55km south-west of Aleppo.",
                        {**ENTRIES, "Lake Asad": lake}))
    assert claim.to_place.entry.name == "Saraqib" and claim.verdict == "consistent"


def test_a_figure_that_fits_in_the_other_unit_says_so():
    # Idlib-Aleppo is 56 km: "55 miles" is a kilometre figure written as miles
    claim = only(verify("Idlib sits 55 miles from Aleppo."))
    assert claim.verdict == "overstated" and "kilometres and miles mixed up" in claim.reason
    assert "mixed up" not in only(verify("Idlib sits 90 miles from Aleppo.")).reason


def test_the_capital_is_the_capital_of_the_country_in_play():
    class Gazetteer:
        def capital(self, country):
            return DAMASCUS if country == "SY" else None

    text = "Homs, 140km north of the capital, was quiet. Idlib and Aleppo were not."
    claim = verify(text, gazetteer=Gazetteer())[0]
    assert claim.from_place is not None and claim.from_place.entry.id == DAMASCUS.id
    assert claim.to_place.entry.id == HOMS.id
    assert claim.verdict == "consistent"
    # Without a gazetteer "the capital" stays unresolved: unverifiable, and says why.
    claim = verify(text)[0]
    assert claim.verdict == "unverifiable" and "capital" in claim.reason


def test_the_capital_is_that_of_the_sentences_country_in_a_report_on_several_wars(gazetteer):
    from controlmap.article import article_from_text
    from controlmap.distances import verify_distances
    from controlmap.geoparse import geoparse

    text = ("Russian drones struck Kharkiv, Kyiv and Odesa in Ukraine overnight, and Lviv too. "
            "In Syria, rebels took Homs, some 160km north of the capital.")
    article = article_from_text(text, published="2024-12-05")
    (claim,) = verify_distances(article, geoparse(article, gazetteer=gazetteer), gazetteer=gazetteer)
    assert claim.from_place.entry.name == "Damascus" and claim.verdict == "consistent"


def test_border_without_geometry_is_unverifiable():
    claim = only(verify("Shelling hit Idlib, within 5km of the border."))
    assert claim.verdict == "unverifiable"
    assert claim.reason == "a border without geometry"


def test_unresolved_endpoint_is_unverifiable():
    claim = only(verify("Kafr Nubl, 30km south of Idlib, was hit."))
    assert claim.verdict == "unverifiable"
    assert claim.reason.startswith("a place not resolved")


def test_country_endpoint_is_an_area_not_a_point():
    claim = only(verify("Aleppo is 200 km from Syria's centre.", {"Aleppo": ALEPPO, "Syria": SYRIA}))
    assert claim.verdict == "unverifiable"
    assert "area" in claim.reason


def test_wildly_off_resolution_is_not_reported_as_a_reporting_error():
    claim = only(verify("Versailles, 20 km west of Paris, was calm.", {"Versailles": VERSAILLES, "Paris": PARIS_TX}))
    assert claim.verdict == "unverifiable"
    assert "wrong namesake" in claim.reason
    assert only(verify("Versailles, 20 km west of Paris, was calm.",
                       {"Versailles": VERSAILLES, "Paris": PARIS})).verdict == "consistent"


def test_a_figure_far_off_between_sure_places_of_one_country_is_a_wrong_figure():
    # no namesake to blame: the towns are the only readings, in one country
    claim = only(verify("Idlib lies just 300km from Aleppo."))
    assert claim.verdict == "overstated" and "the figure is wrong" in claim.reason
    assert exit_code_for([claim], "inconsistent") != 0
    assert only(verify("Damascus is 20 miles from Homs.")).verdict == "understated"


def test_between_two_places_apart():
    claim = only(verify("Idlib and Aleppo, some 35 miles apart, were both hit."))
    assert claim.kind == "between"
    assert claim.text == "Idlib and Aleppo, some 35 miles apart"
    assert claim.verdict == "consistent"


# --------------------------------------------------------------------------- outputs


def test_claim_dict_is_json_and_names_the_endpoints():
    claim = only(verify("Idlib sits just 55km (34 miles) from Aleppo."))
    d = json.loads(json.dumps(claim_to_dict(claim)))
    for key in ("start", "end", "verdict", "geodesic_km", "sentence", "from", "to", "stated", "qualifier",
                "tolerance_km", "bearing_deg", "direction", "units_verdict", "reason", "source"):
        assert key in d
    assert d["from"] == "geonames:170063" and d["to"] == "geonames:169389"
    # the sentence as places and events give it: its text, and its span beside it
    text = "Idlib sits just 55km (34 miles) from Aleppo."
    assert d["sentence"] == text[d["sentence_start"]:d["sentence_end"]] == text
    assert d["from_place"]["gazetteer_source"] == ALEPPO.source  # which table the entry came from
    assert d["stated"][1] == {"value": 34.0, "unit": "mi", "text": "34 miles", "start": 22, "end": 30,
                              "km": 54.718}
    assert set(claim_to_row(claim)) == set(CSV_FIELDS)


def test_geojson_lines_are_lon_lat_and_keep_claims_without_endpoints():
    claims = verify("Idlib sits just 55km from Aleppo. A strip exceeding 100km was hit.")
    collection = claims_to_geojson(claims)
    assert collection["type"] == "FeatureCollection"
    feature, lone = collection["features"]
    assert lone["geometry"] is None and lone["properties"]["verdict"] == "unverifiable"
    assert feature["geometry"]["type"] == "LineString"
    assert feature["geometry"]["coordinates"] == [[37.16117, 36.20124], [36.63393, 35.93062]]
    assert feature["properties"]["verdict"] == "consistent"
    json.dumps(collection)


def test_exit_code_a_wrong_claim_is_a_finding_not_an_error():
    wrong = verify("Idlib sits just 30km from Aleppo.")
    assert exit_code_for(wrong, None) == 0
    assert exit_code_for(wrong, "inconsistent") == 1
    assert exit_code_for(verify("Idlib sits just 55km from Aleppo."), "inconsistent") == 0
    assert exit_code_for(verify("a volcano 90 km (50 miles) away."), "inconsistent") == 1
    with pytest.raises(ValueError):
        exit_code_for(wrong, "sometimes")


def test_check_claim_is_repeatable():
    claim = only(find_claims(Article("Idlib sits just 55km from Aleppo."), places_in("Idlib sits just 55km from Aleppo.")))
    first = check_claim(claim).verdict
    assert check_claim(claim).verdict == first == "consistent"


# --------------------------------------------------------------------------- the seed, end to end

SEED = SHARED / "seeds" / "aleppo-2024-11-30.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is absent (eval data is not shipped)")
def test_seed_end_to_end():
    from controlmap.article import load_article

    try:
        claims = verify_distances(load_article(SEED, published="2024-11-30"))
    except NotImplementedError:
        pytest.skip("geoparse is not implemented yet")
    by_text = {c.text: c for c in claims}
    idlib = next(c for c in claims if "55km" in c.text)
    assert {idlib.from_place.entry.id, idlib.to_place.entry.id} == {"geonames:169389", "geonames:170063"}
    assert idlib.verdict == "consistent"
    assert idlib.geodesic_km == pytest.approx(56.19, abs=0.2)
    assert idlib.units_verdict == "units-consistent"
    strip = next(c for c in claims if "100km" in c.text)
    assert (strip.verdict, strip.reason) == ("unverifiable", "no endpoints")
    assert strip.units_verdict == "units-consistent"
    assert len(by_text) == 2


# --------------------------------------------------------------------------- attribution and new claim forms

FAYA = GazetteerEntry("geonames:2432678", "Faya-Largeau", "city", "TD", "Borkou", 17.9257, 19.10428, 13400)
VERNON_FR = GazetteerEntry("geonames:2969766", "Vernon", "city", "FR", "Normandy", 49.09292, 1.46332, 24056)
VERNON_TX = GazetteerEntry("geonames:4739078", "Vernon", "city", "US", "Texas", 34.15536, -99.26628, 11002)
HAMA = GazetteerEntry("geonames:170017", "Hama", "city", "SY", "Hama", 35.13179, 36.75783, 460602)
IDLIB_PROVINCE = GazetteerEntry("geonames:169387", "Idlib", "admin1", "SY", "Idlib", 35.8, 36.6, 1500000)


class TownsGazetteer:
    """A stand-in gazetteer answering ``lookup`` from a fixed list of towns."""

    def __init__(self, *towns: GazetteerEntry):
        self.towns = towns

    def lookup(self, name, *, country=None, kind=None):
        return [t for t in self.towns if t.name == name and country in (None, t.country) and kind in (None, t.kind)]


def place(text: str, name: str, entry: GazetteerEntry, nth: int = 0) -> Place:
    """The ``nth`` occurrence of ``name`` in ``text`` as a resolved place."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    sentence = next(s for s in split_sentences(text) if s.start <= at < s.end)
    return Place(at, at + len(name), name, entry, sentence, "<text>", 0.9)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("hit 300 yards from the embassy", 300, "yd"),
    ("within 500 feet of the border", 500, "ft"),
    ("about 200 yards north of the square", 200, "yd"),
])
def test_feet_and_yards_count_as_distances_from_something(text, value, unit):
    (q,) = parse_quantities(text)
    assert (q.low, q.unit) == (value, unit)


def test_feet_and_yards_in_a_conversion_are_checked():
    claim = only(verify("A shell landed 100 yards (91 metres) from the gate."))
    assert [s.unit for s in claim.stated] == ["yd", "m"]
    assert claim.units_verdict == "units-consistent"


def test_place_named_after_its_offset_is_the_located_place():
    claim = only(verify("Rebels cut the line 20km south-east of Idlib at Saraqib on Friday."))
    assert claim.from_place.entry.id == IDLIB.id and claim.to_place.entry.id == SARAQIB.id
    assert claim.text.endswith("at Saraqib")
    assert claim.verdict == "consistent"


def test_name_skipped_in_the_sentence_is_read_as_resolved_elsewhere():
    text = "Shells hit Saraqib and Idlib. Saraqib is about 20km south-east of Idlib."
    # The geoparser resolved both names once, and skipped them in the claim's sentence.
    places = [place(text, "Saraqib", SARAQIB), place(text, "Idlib", IDLIB)]
    claim = only(verify_distances(Article(text), places))
    assert claim.to_place.entry.id == SARAQIB.id and claim.from_place.entry.id == IDLIB.id
    assert claim.verdict == "consistent"
    assert any("elsewhere in the article" in note for note in claim.notes)


def test_unresolved_name_after_of_is_the_reference_not_a_later_place():
    claim = only(verify("Saraqib lies 20km south-east of Kafr Nubl near Idlib."))
    assert claim.verdict == "unverifiable"
    assert claim.from_place is None and "Kafr Nubl" in claim.reason


def test_name_with_a_well_code_is_a_feature_not_the_town():
    claim = only(verify("Only one well, Saraqib 13-1-1, 20km south-east of Idlib, has produced oil."))
    assert claim.to_place is None
    assert claim.verdict == "unverifiable"


def test_area_named_as_such_stays_an_area():
    gazetteer = TownsGazetteer(IDLIB)
    text = "The base in the province of Idlib, about 55km from Aleppo, was hit."
    claim = only(verify(text, {"Idlib": IDLIB_PROVINCE, "Aleppo": ALEPPO}, gazetteer=gazetteer))
    assert claim.verdict == "unverifiable" and "area" in claim.reason
    # Without the area word, the province's name is read as its namesake town.
    entries = {"Idlib": IDLIB_PROVINCE, "Aleppo": ALEPPO}
    claim = only(verify("Idlib sits 55km from Aleppo.", entries, gazetteer=gazetteer))
    assert claim.verdict == "consistent" and claim.to_place.entry.id == IDLIB.id


def test_distance_to_a_parallel_runs_along_the_meridian():
    text = "Faya Largeau, some 230 km north of the so-called red line along the 16th parallel, fell."
    claim = only(verify(text, {"Faya Largeau": FAYA}))
    assert claim.from_place.entry.id == "parallel:16N"
    assert claim.geodesic_km == pytest.approx(213.1, abs=0.5)
    assert claim.verdict == "consistent"
    wrong = only(verify(text.replace("north of", "south of"), {"Faya Largeau": FAYA}))
    assert wrong.verdict == "direction-wrong"


def test_a_namesake_that_would_fit_is_named_in_the_reason_never_swapped_in():
    # The places layer read Vernon, Texas: verify keeps that entry (places and claims agree),
    # and never calls the claim consistent on a place the geoparser did not pick; the namesake
    # that would fit is named, with its id, as the lead.
    text = "Vernon, 80 km northwest of Paris, builds rocket engines."
    entries = {"Vernon": VERNON_TX, "Paris": PARIS}
    claim = only(verify(text, entries, gazetteer=TownsGazetteer(VERNON_FR, VERNON_TX)))
    assert claim.to_place.entry.id == VERNON_TX.id
    assert claim.verdict == "unverifiable"
    assert "wrong namesake" in claim.reason
    assert f"read as Vernon ({VERNON_FR.id}, FR) instead of Vernon ({VERNON_TX.id})" in claim.reason
    assert claim_to_dict(claim)["to"] == VERNON_TX.id
    alone = only(verify(text, entries))
    assert alone.verdict == "unverifiable" and "read as" not in alone.reason


def test_near_and_outskirts_between_two_towns_are_checked():
    claim = only(verify("Saraqib, near Idlib, was shelled."))
    assert (claim.kind, claim.verdict) == ("proximity", "consistent")
    assert claim.stated == [] and claim.qualifier == "near"
    assert claim.from_place.entry.id == IDLIB.id and claim.to_place.entry.id == SARAQIB.id
    far = only(verify("Idlib, near Hama, was shelled.", {"Idlib": IDLIB, "Hama": HAMA}))
    assert far.verdict == "understated" and far.geodesic_km == pytest.approx(89.3, abs=0.2)
    assert far.reason.startswith("'near Hama', but 89.3 km apart")
    json.dumps(claim_to_dict(far)), claim_to_row(far)
    # Far beyond what the words allow, a wrong namesake is likelier than a wrong writer.
    claim = only(verify("Aleppo, on the outskirts of Idlib, was shelled."))
    assert claim.verdict == "unverifiable" and "outskirts" in claim.reason


def test_near_without_two_towns_is_no_claim():
    assert verify("Fighting raged near Idlib on Friday.") == []
    assert verify("Saraqib, near Syria, was shelled.", {"Saraqib": SARAQIB, "Syria": SYRIA}) == []


BEIRUT = GazetteerEntry("geonames:276781", "Beirut", "city", "LB", "Beirut", 33.89, 35.50, 1916100, capital=True)
KURSK = GazetteerEntry("geonames:538560", "Kursk", "city", "RU", "Kursk", 51.73, 36.19, 448733)
SUDZHA = GazetteerEntry("geonames:486816", "Sudzha", "city", "RU", "Kursk", 51.19, 35.27, 5500)
MOSCOW = GazetteerEntry("geonames:524901", "Moscow", "city", "RU", "Moscow", 55.75, 37.62, 10381222, capital=True)
GENEINA = GazetteerEntry("geonames:380129", "El Geneina", "city", "SD", "West Darfur", 13.45, 22.45, 162981)
FASHER = GazetteerEntry("geonames:379555", "El Fasher", "city", "SD", "North Darfur", 13.63, 25.35, 252609)
CHAD = GazetteerEntry("geonames:2434508", "Chad", "country", "TD", None, 15.0, 19.0, 17000000)


def test_a_figure_far_off_between_two_capitals_is_a_wrong_figure():
    claim = only(verify("Beirut lies 500km from Damascus.", {"Beirut": BEIRUT, "Damascus": DAMASCUS}))
    assert claim.verdict == "overstated"


def test_a_place_that_is_the_reference_of_an_earlier_figure_is_not_the_located_one():
    claims = verify("Kursk is 90km from Sudzha and about 500km south-west of Moscow.",
                    {"Kursk": KURSK, "Sudzha": SUDZHA, "Moscow": MOSCOW})
    second = claims[-1]
    assert (second.from_place.entry.name, second.to_place.entry.name) == ("Moscow", "Kursk")
    assert second.verdict == "consistent"


def test_a_border_with_a_country_places_the_subject():
    claim = only(verify("El Geneina lies near the border with Chad, about 350km west of El Fasher.",
                        {"El Geneina": GENEINA, "El Fasher": FASHER, "Chad": CHAD}))
    assert claim.to_place.entry.name == "El Geneina" and claim.verdict == "consistent"


def test_figure_after_from_place_and_away_measures_from_it_to_the_subject():
    """"X sits ... from Y, N km away": Y is the reference and the subject X the other end."""
    claim = only(verify("Saraqib sits on the main road from Idlib, some 17km away."))
    assert claim.from_place.entry.id == IDLIB.id and claim.to_place.entry.id == SARAQIB.id
    assert claim.verdict == "consistent"
    wrong = only(verify("Saraqib sits on the main road from Idlib, some 60km away."))
    assert wrong.verdict == "overstated"


BUJUMBURA = GazetteerEntry("geonames:425378", "Bujumbura", "city", "BI", "Bujumbura Mairie", -3.38193, 29.36142, 331700)
UVIRA = GazetteerEntry("geonames:204405", "Uvira", "city", "CD", "South Kivu", -3.39534, 29.13779, 170391)
BURUNDI = GazetteerEntry("geonames:433561", "Burundi", "country", "BI", None, -3.5, 30.0, 9863117)
AVDIIVKA = GazetteerEntry("geonames:713122", "Avdiivka", "city", "UA", "Donetsk", 48.13989, 37.74255, 35826)
DONETSK = GazetteerEntry("geonames:709717", "Donetsk", "city", "UA", "Donetsk", 48.023, 37.80224, 1024700)
BUKAVU = GazetteerEntry("geonames:217831", "Bukavu", "city", "CD", "South Kivu", -2.49077, 28.84281, 806940)
KAVUMU = GazetteerEntry("icao:FZMA", "Kavumu", "airport", "CD", "South Kivu", -2.30898, 28.80875, 0)


def test_a_description_before_the_place_an_away_figure_measures_from():
    text = "Uvira sits across the lake from Burundi's main city Bujumbura, about 25 km away."
    claim = only(verify(text, {"Uvira": UVIRA, "Burundi": BURUNDI, "Bujumbura": BUJUMBURA}))
    assert (claim.from_place.entry.id, claim.to_place.entry.id) == (BUJUMBURA.id, UVIRA.id)
    assert claim.verdict == "consistent"


def test_a_compass_point_before_the_place_an_away_figure_measures_from_makes_an_offset():
    text = "Avdiivka lies just north of the Russian-held city of Donetsk, about 15 km away."
    claim = only(verify(text, {"Avdiivka": AVDIIVKA, "Donetsk": DONETSK}))
    assert (claim.from_place.entry.id, claim.to_place.entry.id) == (DONETSK.id, AVDIIVKA.id)
    assert (claim.kind, claim.direction, claim.verdict) == ("offset", "north", "consistent")
    assert claim.text == "Donetsk, about 15 km away"


def test_the_city_is_the_town_the_sentence_named_before():
    text = ("M23 rebels entered the center of Bukavu on Sunday, a day after seizing its airport at Kavumu, "
            "about 30 km north of the city.")
    claim = only(verify(text, {"Bukavu": BUKAVU, "Kavumu": KAVUMU}))
    assert (claim.from_place.entry.id, claim.to_place.entry.id) == (BUKAVU.id, KAVUMU.id)
    assert claim.verdict != "unverifiable" and claim.text == "Kavumu, about 30 km north of the city"
    # a town named only in another sentence is not "the city"
    claim = only(verify("Bukavu fell on Sunday. Kavumu lies about 30 km north of the city.",
                        {"Bukavu": BUKAVU, "Kavumu": KAVUMU}))
    assert claim.verdict == "unverifiable"


@pytest.mark.parametrize(("text", "verdict", "km"), [
    ("The army entered Wad Madani on Saturday. The city lies about 136 km southeast of Khartoum.", "understated", 165.8),
    ("Russia claimed Avdiivka on Saturday. Analysts called the capture of the town, which lies about 15 km north of "
     "Donetsk, a symbolic win.", "consistent", 13.6),
    # an appositive after "the city": the recapture of the city, about N km from X
    ("Sudan's army has regained control of Wad Madani. Burhan hailed the recapture of the city, about 135km "
     "south-east of Khartoum.", "understated", 165.8),
])
def test_the_town_or_the_city_as_the_located_place_is_the_town_named_before(text, verdict, km, gazetteer):
    from controlmap.article import article_from_text
    from controlmap.distances import verify_distances
    from controlmap.geoparse import geoparse

    article = article_from_text(text, published="2025-01-12")
    (claim,) = verify_distances(article, geoparse(article, gazetteer=gazetteer), gazetteer=gazetteer)
    assert claim.verdict == verdict and claim.geodesic_km == pytest.approx(km, abs=0.1)


def real_claims(text: str, gazetteer, published: str = "2024-11-20"):
    """Claims of ``text`` through the real geoparser and gazetteer."""
    from controlmap.article import article_from_text
    from controlmap.geoparse import geoparse

    article = article_from_text(text, published=published)
    return verify_distances(article, geoparse(article, gazetteer=gazetteer), gazetteer=gazetteer)


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("between 2 and 3 kilometres", 2, 3, "km"),
    ("Between five and ten miles", 5, 10, "mi"),
    ("some two dozen kilometres east", 24, 24, "km"),
    ("half a dozen miles away", 6, 6, "mi"),
])
def test_between_ranges_and_dozens_are_quantities(text, low, high, unit):
    (q,) = parse_quantities(text)
    assert (q.low, q.high, q.unit) == (low, high, unit)
    # "and" joins two bounds only after "between": "20 and 30 km" is the figure 30 km
    assert [(s.low, s.high) for s in parse_quantities("two strikes hit 20 and 30 km away")] == [(30, 30)]


def test_between_two_figures_is_a_range_checked_as_one(gazetteer):
    (claim,) = real_claims("Chasiv Yar lies between 10 and 15 km west of Bakhmut.", gazetteer)
    assert [(s.low, s.high) for s in claim.stated] == [(10, 15)]
    assert claim.interval_km == (10, 15)
    assert claim.to_place.entry.name == "Chasiv Yar" and claim.verdict == "consistent"


def test_a_front_line_length_is_a_lone_quantity_not_a_route(gazetteer):
    (claim,) = real_claims("The 1,000km front line stretches from Kupiansk to Kherson.", gazetteer)
    assert claim.kind == "lone" and claim.from_place is None and claim.to_place is None
    assert claim.verdict == "unverifiable" and "front line" in claim.reason


def test_a_border_town_is_the_town_not_the_border(gazetteer):
    (claim,) = real_claims("Hezbollah rockets struck Kiryat Shmona, about 7km south of the border town of Metula.",
                           gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == ("Metula", "Qiryat Shmona")
    assert claim.verdict == "consistent"
    (claim,) = real_claims("Rockets hit Kiryat Shmona, about 3 km from the Lebanese border.", gazetteer)
    assert claim.reason == "a border without geometry"


@pytest.mark.parametrize(("text", "located", "reference"), [
    ("Kupiansk, a railway hub in the Kharkiv region, lies about 100km south-east of Kharkiv.", "Kupyansk", "Kharkiv"),
    ("Mariupol, home to the Azovstal steel works, lies about 100km south of Donetsk.", "Mariupol", "Donetsk"),
    ("Enerhodar, which hosts Europe's largest nuclear plant across the reservoir from Nikopol, is about 55km "
     "south-west of Zaporizhzhia.", "Enerhodar", "Zaporizhzhya"),
])
def test_places_in_an_aside_describe_the_subject_the_figure_locates(text, located, reference, gazetteer):
    (claim,) = real_claims(text, gazetteer)
    assert (claim.to_place.entry.name, claim.from_place.entry.name) == (located, reference)
    assert claim.verdict == "consistent"


@pytest.mark.parametrize(("text", "pair"), [
    ("Kherson, in southern Ukraine, and Mykolaiv are about 60km apart.", ("Kherson", "Mykolayiv")),
    ("Bakhmut and Soledar, two towns Russia has fought over in the Donetsk region, are just 10km apart.",
     ("Bakhmut", "Soledar")),
])
def test_apart_pairs_the_two_towns_not_the_areas_named_with_them(text, pair, gazetteer):
    (claim,) = real_claims(text, gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == pair
    assert claim.verdict == "consistent"


def test_the_town_that_lies_is_the_one_the_last_sentence_was_about_not_its_reference(gazetteer):
    text = "Rebels captured Saraqib, about 15km east of Idlib. The town lies some 50km south-west of Aleppo."
    first, second = real_claims(text, gazetteer)
    assert (second.from_place.entry.name, second.to_place.entry.name) == ("Aleppo", "Saraqib")
    assert second.verdict == "consistent"
    # the claim's words stay in its own sentence
    assert second.start >= second.sentence.start and second.text == "some 50km south-west of Aleppo"


@pytest.mark.parametrize(("text", "reference", "located"), [
    ("Russian forces captured Vuhledar after a two-year battle, while Marinka, some 30km to the north-east, "
     "fell last year.", "Vuhledar", "Mar'yinka"),
    ("Israeli troops pushed into Jabalia on Monday. Beit Lahia, about 3km to the north, was also hit.",
     "Jabālyā", "Bayt Lāhyā"),
])
def test_to_the_north_measures_from_the_town_named_just_before(text, reference, located, gazetteer):
    (claim,) = real_claims(text, gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == (reference, located)
    assert claim.verdict == "consistent"


def test_to_the_north_skips_a_town_named_only_to_measure_from(gazetteer):
    text = ("Russian forces are closing in on Pokrovsk, 60km north-west of Donetsk, while Kurakhove, "
            "30km to the south, has fallen.")
    claim = real_claims(text, gazetteer)[-1]
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == ("Pokrovsk", "Kurakhove")
    # with no town named before, nothing is guessed
    (claim,) = real_claims("Fighting raged about 30km to the north.", gazetteer)
    assert claim.from_place is None and claim.verdict == "unverifiable"


def test_the_regional_capital_is_the_divisions_capital_never_the_national_one(gazetteer):
    (claim,) = real_claims("Ukrainian forces advanced on Korenevo, about 100km west of the regional capital.", gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == ("Kursk", "Korenevo")
    assert claim.verdict == "consistent"
    # the town the article calls the state capital
    (claim,) = real_claims("Rebels closed in on Sittwe, the state capital, after seizing Ann, some 130km east of "
                           "the state capital.", gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == ("Sittwe", "Ann")
    assert claim.verdict == "consistent"
    # Rakhine has no town of its name: unresolved, and the reason says why
    (claim,) = real_claims("Rebels seized Ann, some 150km east of the state capital.", gazetteer)
    assert claim.from_place is None and claim.verdict == "unverifiable"
    assert "'the state capital'" in claim.reason and "Rakhine" in claim.reason


# --------------------------------------------------------------------------- fresh news sentences


def test_a_mile_and_a_kilometre_are_figures():
    assert [(q.low, q.unit) for q in parse_quantities("shells landed less than a mile from the plant")] == [(1, "mi")]
    assert [(q.low, q.unit) for q in parse_quantities("less than a kilometre from the border")] == [(1, "km")]
    assert [(q.low, q.unit) for q in parse_quantities("a nautical mile off")] == [(1, "nmi")]
    assert parse_quantities("a metre of snow") == [] and parse_quantities("A Mile away") == []


def test_a_unit_joined_to_an_adjective_after_an_article_is_no_figure():
    # the article belongs to the noun ("a convoy"), not to the unit; a written figure stays one
    assert parse_quantities("A mile-long convoy of Russian tanks was seen") == []
    assert parse_quantities("a kilometre‑wide strip along the border") == []
    assert [(q.low, q.unit) for q in parse_quantities("a 40-mile-long strip")] == [(40, "mi")]
    # the length of a column of vehicles is no distance over ground, written figure or not
    assert parse_quantities("a 40-mile-long convoy") == [] and parse_quantities("a 2km-long convoy of armour") == []


def test_a_journey_whose_ends_come_first_is_a_road_claim_even_with_by_road_after(gazetteer):
    (claim,) = real_claims("The journey from Port Sudan to Khartoum is 800 km by road.", gazetteer)
    assert (claim.kind, claim.from_place.entry.name, claim.to_place.entry.name) == ("road", "Port Sudan", "Khartoum")
    assert claim.verdict == "consistent"


def test_a_front_line_and_a_coast_are_named_in_the_reason(gazetteer):
    (claim,) = real_claims("Residents of Avdiivka live some five miles from the front line.", gazetteer)
    assert (claim.verdict, claim.reason) == ("unverifiable", "a front line without geometry")
    (claim,) = real_claims("The tanker was seized 50 nautical miles off the coast of Yemen.", gazetteer)
    assert (claim.verdict, claim.reason) == ("unverifiable", "a coast without geometry")
    assert claim.stated[0].unit == "nmi"


def test_a_facility_named_after_a_town_is_not_the_town(gazetteer):
    # the Zaporizhzhia nuclear plant is in Enerhodar, 50 km from the city
    (claim,) = real_claims("Shells landed less than a mile from the Zaporizhzhia nuclear plant.", gazetteer)
    assert claim.from_place is None and claim.verdict == "unverifiable"
    assert "'the Zaporizhzhia nuclear plant'" in claim.reason


def test_a_possessive_before_the_reference(gazetteer):
    (claim,) = real_claims("Homs lies 160 km north of Syria's capital.", gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name, claim.verdict) == ("Damascus", "Homs", "consistent")
    (claim,) = real_claims("Rebels took Nasiriyah, 160 km north-west of Iraq's second city of Basra.", gazetteer)
    assert claim.from_place.entry.name == "Basrah" and claim.verdict == "consistent"


def test_from_a_to_b_after_the_figure_names_both_ends(gazetteer):
    (claim,) = real_claims("The convoy drove 540 km from Kyiv to Lviv.", gazetteer)
    assert (claim.kind, claim.from_place.entry.name, claim.to_place.entry.name) == ("road", "Kyiv", "Lviv")
    assert claim.verdict == "consistent"
    # two figures joined by "and" are two claims on the subject, not one from A to B
    first, second = real_claims("Kupiansk is 120 km from Kharkiv and 40 km from Izium.", gazetteer)
    assert (first.to_place.entry.name, second.to_place.entry.name) == ("Kupyansk", "Kupyansk")


def test_a_race_course_stays_unverifiable_but_gives_its_ends_geodesic(gazetteer):
    (claim,) = real_claims("The first stage covered 109 miles from Paredes de Nava to Baltanas.", gazetteer)
    assert (claim.kind, claim.verdict) == ("course", "unverifiable")
    assert claim.to_place.entry.name == "Baltanás" and claim.geodesic_km == pytest.approx(44.0, abs=0.5)
    assert "44.0 km apart in a straight line" in claim.reason


CENTREVILLE = GazetteerEntry("geonames:4751839", "Centreville", "city", "US", "Virginia", 38.84039, -77.42888, 71135)
ORANGE = GazetteerEntry("geonames:5102213", "Orange", "city", "US", "New Jersey", 40.77066, -74.23487, 30134)


def test_a_name_qualifying_a_noun_is_not_the_subject_of_an_away_figure():
    text = "Park & Ride service on the Orange line is available from Centreville, 12 miles away."
    claim = only(verify(text, {"Orange": ORANGE, "Centreville": CENTREVILLE}))
    # measured from where the article is (an address): the reference is unnamed, not Orange, New Jersey
    assert claim.from_place is None and claim.to_place.entry.id == CENTREVILLE.id
    assert claim.verdict == "unverifiable" and claim.geodesic_km is None


def test_a_town_in_an_apposition_describes_the_subject(gazetteer):
    (claim,) = real_claims("Bucha, a Kyiv suburb about 25 km from Kyiv, was occupied.", gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name, claim.verdict) == ("Kyiv", "Bucha", "consistent")
    (claim,) = real_claims("The pair are from Alvin, Texas, a Houston suburb some 1,200 miles from here.", gazetteer)
    assert claim.to_place.entry.name == "Alvin"


def test_an_offset_that_opens_the_sentence_locates_the_town_after_its_comma(gazetteer):
    text = "Ukrainian forces retook Robotyne last week. Some 20km to the south, the town of Tokmak is heavily fortified."
    (claim,) = real_claims(text, gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == ("Robotyne", "Tokmak")
    assert claim.verdict == "consistent" and claim.text == "Some 20km to the south, the town of Tokmak"
    # no town after the comma: nothing is guessed
    (claim,) = real_claims("Russian troops entered Avdiivka. Some 30km to the north, troops regrouped.", gazetteer)
    assert claim.to_place is None and claim.verdict == "unverifiable"


def test_a_valley_the_gazetteer_lacks_is_the_town_it_is_named_after(gazetteer):
    text = "The pilot scheme in the Huaral Valley, 80 kilometres north of the capital Lima, helps farmers in Peru."
    (claim,) = real_claims(text, gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name) == ("Lima", "Huaral")
    assert claim.verdict == "overstated" and "'Huaral Valley' read as the town Huaral" in claim.reason
    # a valley the gazetteer has is an area, and stays one
    (claim,) = real_claims("The Bekaa Valley, 30 km east of Beirut, was bombed.", gazetteer)
    assert claim.verdict == "unverifiable" and "area" in claim.reason


def test_the_ends_of_a_line_in_lower_case_wire_copy(gazetteer):
    text = ("The funds will be used in the construction of a 267-klm (160.2-mile) pipeline connecting nuevo teapa "
            "in the oil-rich state of veracruz and salina cruz, oaxaca on the pacific coast.")
    (claim,) = real_claims(text, gazetteer)
    assert (claim.kind, claim.from_place.entry.name, claim.to_place.entry.name) == ("route", "Nuevo Teapa", "Salina Cruz")
    assert claim.verdict == "consistent" and claim.units_verdict == "units-consistent"
    # capitalised copy is the geoparser's: lower-case words there are no names
    (claim,) = real_claims("The Pipeline runs 200 km connecting oil fields and refineries.", gazetteer)
    assert claim.from_place is None and claim.kind == "lone"


def test_within_a_figure_of_the_centre_of_a_town_measures_from_the_town(gazetteer):
    (claim,) = real_claims("Israeli forces pushed to within two kilometres of the centre of Rafah.", gazetteer)
    assert claim.kind == "between" and claim.from_place.entry.name == "Rafaḩ"
    assert claim.reason.startswith("a place not resolved: the located place")


def test_from_a_and_b_after_a_figure_is_not_a_pair(gazetteer):
    first, second = real_claims("Bucha is 25 km from Kyiv and Irpin is 20 km from it.", gazetteer)
    assert (first.from_place.entry.name, first.to_place.entry.name, first.verdict) == ("Kyiv", "Bucha", "consistent")
    assert second.from_place is None and second.verdict == "unverifiable"


# --- generalisation pass: fresh war-reporting sentences (Ukraine, Gaza, Lebanon, Sudan, Sahel)


@pytest.mark.parametrize(("text", "line"), [
    ("Sderot, about 1km from the Gaza border, was hit.", "border"),
    ("Kfar Aza, less than 3km from the Gaza perimeter fence, was overrun.", "border fence"),
    ("Sderot, less than a mile from the Gaza boundary fence, was hit by rockets.", "border fence"),
    ("The camp is 5km from the Syria-Turkey border.", "border"),
    ("Kupiansk is about 10km from the line of contact.", "front line"),
    ("The village is just 2km from the Blue Line that separates Lebanon and Israel.", "ceasefire line"),
])
def test_a_figure_from_a_line_named_after_a_place_is_not_measured_from_the_place(gazetteer, text, line):
    # "the Gaza border" is a line: measured from the town of Gaza, 1 km would be a wrong figure
    (claim,) = real_claims(text, gazetteer)
    assert claim.from_place is None and claim.verdict == "unverifiable"
    assert claim.reason == f"a {line} without geometry"


def test_the_border_town_of_a_place_is_still_the_reference(gazetteer):
    (claim,) = real_claims("Kiryat Shmona lies about 8km south of the border town of Metula.", gazetteer)
    assert claim.from_place.entry.name == "Metula" and claim.verdict == "consistent"


@pytest.mark.parametrize("text", [
    "Some 600km separate El Obeid from Nyala, the capital of South Darfur.",
    "Kherson and Mykolaiv are separated by some 60km of farmland.",
    "About 60km separates Kherson from Mykolaiv.",
])
def test_separate_relates_two_places(gazetteer, text):
    (claim,) = real_claims(text, gazetteer)
    assert claim.kind == "between" and claim.from_place is not None and claim.to_place is not None
    assert claim.verdict == "consistent"


def test_a_figure_outside_a_town_measures_from_it(gazetteer):
    (claim,) = real_claims("Hostomel airport, about 25km outside Kyiv, was seized on the first day.", gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name, claim.verdict) == ("Kyiv", "Hostomel", "consistent")


@pytest.mark.parametrize(("text", "located"), [
    ("Nearly 200km (124 miles) north of Ouagadougou, the town of Djibo has been cut off for years.", "Djibo"),
    ("About 25 miles south of Beirut lies the coastal city of Sidon.", "Sidon"),
    ("Some 50km from Kherson, the town of Snihurivka was shelled.", "Snihurivka"),
])
def test_a_fronted_offset_locates_the_town_after_it(gazetteer, text, located):
    (claim,) = real_claims(text, gazetteer)
    assert claim.to_place is not None and claim.to_place.entry.name.startswith(located[:4])
    assert claim.verdict == "consistent"


def test_further_south_measures_from_the_town_named_before(gazetteer):
    text = "Ukrainian troops recaptured Robotyne in August 2023. Tokmak, about 20km further south, stayed Russian."
    (claim,) = real_claims(text, gazetteer)
    assert (claim.from_place.entry.name, claim.to_place.entry.name, claim.verdict) == ("Robotyne", "Tokmak", "consistent")


@pytest.mark.parametrize(("text", "low", "high"), [
    ("roughly 15km to 20km south-east", 15, 20),
    ("15km-20km south-east", 15, 20),
    ("between 10km and 15km from", 10, 15),
])
def test_a_range_with_its_unit_on_both_figures_is_one_statement(text, low, high):
    assert [(q.low, q.high, q.unit) for q in parse_quantities(text)] == [(low, high, "km")]


def test_a_range_with_units_on_both_figures_is_one_claim(gazetteer):
    (claim,) = real_claims("Selydove, roughly 15km to 20km south-east of Pokrovsk, fell in October.", gazetteer)
    assert claim.interval_km == (15.0, 20.0) and claim.verdict == "consistent"


@pytest.mark.parametrize(("text", "value"), [
    ("two and a half miles from the plant", 2.5),
    ("about a mile and a half from Khan Younis", 1.5),
    ("four and a half kilometres away", 4.5),
])
def test_and_a_half_is_part_of_the_figure(text, value):
    (q,) = parse_quantities(text)
    assert q.low == q.high == value


def test_a_line_that_runs_from_a_to_b_is_a_length_not_a_distance(gazetteer):
    (claim,) = real_claims("The front line runs for some 1,000km (620 miles) from Kharkiv to Kherson.", gazetteer)
    assert claim.kind == "lone" and claim.verdict == "unverifiable" and claim.units_verdict == "units-consistent"


def test_an_advance_deep_into_territory_is_a_lone_claim():
    assert [(q.low, q.unit) for q in parse_quantities("pushed some 30km deep into Russian territory")] == [(30, "km")]
    assert parse_quantities("a tunnel 30 metres deep under the camp") == []


def test_an_unverifiable_claim_names_the_place_the_gazetteer_lacks():
    text = "Fighting was reported in Qwertabad, 30 km north of Aleppo.\nTroops were seen 30 km north of Aleppo."
    reasons = [c.reason for c in verify(text)]
    assert reasons == ["a place not resolved: 'Qwertabad' is not in the gazetteer",
                       "a place not resolved: the located place is not named"]
