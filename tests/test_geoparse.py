"""Recognition and resolution, on the seed and on the feature references news uses."""
import pytest

from controlmap.article import article_from_text
from controlmap.geoparse import geoparse

from .conftest import SEED


def _parse(text, gazetteer):
    return geoparse(article_from_text(text), gazetteer=gazetteer)


def test_seed_places_match_the_gold_entries(seed_places, seed_article):
    found = {(p.start, p.end): p.entry.id for p in seed_places}
    expected = {
        (57, 63): "geonames:170063",      # the city of Aleppo
        (341, 346): "geonames:163843",    # Syria
        (495, 497): "geonames:2635167",   # UK-based
        (1205, 1210): "geonames:169389",  # the north-western city of Idlib
        (1250, 1255): "geonames:169389",  # Idlib sits just 55km...
        (1496, 1502): "geonames:298795",  # Turkey
        (1685, 1701): "icao:OSAP",        # Aleppo's airport
    }
    for span, entry_id in expected.items():
        assert found.get(span) == entry_id, (span, seed_article.text[span[0]:span[1]], found.get(span))


def test_seed_has_no_false_places(seed_places, seed_article):
    texts = {p.text for p in seed_places}
    for word in ("Syrian", "Russian", "Bashar al-Assad", "Hayat Tahrir al-Sham", "More", "Human", "HTS", "SOHR"):
        assert word not in texts
    assert all(seed_article.text[p.start:p.end] == p.text for p in seed_places)


def test_every_place_keeps_sentence_and_source(seed_places):
    for place in seed_places:
        assert place.sentence.start <= place.start < place.end <= place.sentence.end
        assert place.source.endswith("aleppo-2024-11-30.txt")


def test_province_and_airport_references(gazetteer):
    places = _parse("Fighting spread across Idlib province. Rebels reached Aleppo airport on Friday.", gazetteer)
    by_text = {p.text: p.entry for p in places}
    assert by_text["Idlib province"].id == "geonames:169387"
    assert by_text["Idlib province"].kind == "admin1"
    assert by_text["Aleppo airport"].id == "icao:OSAP"


def test_admin_after_comma_picks_the_right_namesake(gazetteer):
    places = _parse("The storm hit Paris, Texas, on Monday.", gazetteer)
    paris = next(p for p in places if p.text == "Paris")
    assert paris.entry.country == "US"
    france = _parse("The summit opened in Paris on Monday.", gazetteer)
    assert next(p for p in france if p.text == "Paris").entry.country == "FR"


def test_document_country_decides_between_namesakes(gazetteer):
    text = ("Ukrainian forces shelled Donetsk and Kharkiv. In Kyiv, officials said troops near Izium "
            "and in Lozova were resupplied.")
    places = {p.text: p.entry for p in _parse(text, gazetteer)}
    assert places["Kharkiv"].country == "UA"
    assert places["Lozova"].country == "UA"


def test_ambiguity_is_reported_with_a_runner_up(seed_places):
    governorate_or_city = [p for p in seed_places if p.text == "Aleppo" and p.runner_up is not None]
    assert governorate_or_city, "the city/governorate ambiguity of 'Aleppo' should be visible"
    p = governorate_or_city[0]
    assert p.confidence > p.runner_up_confidence
    assert p.runner_up.id == "geonames:170062"


def test_people_and_common_words_are_not_places(gazetteer):
    text = ("More than 40 people died. Judy Law said the Human Rights Watch report was wrong. "
            "President Jordan met Michael Trapani. Trapani said nothing.")
    found = {p.text for p in _parse(text, gazetteer)}
    assert not found & {"More", "Law", "Human", "Jordan", "Trapani", "Michael"}

