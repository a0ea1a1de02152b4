"""Place names of the fourth round: transliterations GeoNames spells with other vowels,
names with lower-case particles inside, directional and historical compounds, and the check
of the curated points against GeoNames."""
from __future__ import annotations

import functools
import importlib.util
import sys

import pytest

from controlmap.article import article_from_text
from controlmap.geoparse import geoparse

from .conftest import ROOT

PUBLISHED = "2025-06-12"


def _places(text, gazetteer):
    """{mention text: place} for ``text`` as an article published on PUBLISHED."""
    return {p.text: p for p in geoparse(article_from_text(text, published=PUBLISHED), gazetteer=gazetteer)}


@pytest.mark.parametrize(
    "text, name, country, entry_id",
    [
        # GeoNames: Al Ḩawījah, Al Qayyārah, Al Mayādīn: skeletons of two or three consonants
        ("Iraqi army units advanced from Qayyara on Tuesday while Kurdish peshmerga shelled "
         "Islamic State positions near Hawija, south-west of Kirkuk.", "Hawija", "IQ", "geonames:390188"),
        ("Iraqi army units advanced from Qayyara on Tuesday while Kurdish peshmerga shelled "
         "Islamic State positions near Hawija, south-west of Kirkuk.", "Qayyara", "IQ", "geonames:99003"),
        ("An air strike hit a weapons depot in Mayadeen, on the Euphrates south of Deir ez-Zor in Syria, "
         "the monitoring group said.", "Mayadeen", "SY", "geonames:173480"),
        # GeoNames: Al Qā’im; news drops the article, and what is left is too short to fold alone
        ("Coalition aircraft struck militants near Qaim, on Iraq's border with Syria, after they crossed "
         "the Euphrates.", "Qaim", "IQ", "geonames:92138"),
        # GeoNames: Miran Shah (alternate Miram Shah), Nushki: Urdu script leaves the vowels out too, and
        # news runs the words together
        ("A suicide bomber rammed a military convoy in Miramshah, in Pakistan's North Waziristan district, "
         "on Saturday.", "Miramshah", "PK", "geonames:1170367"),
        ("Separatist gunmen attacked a paramilitary camp in Noshki, in Pakistan's Balochistan province, "
         "officials said.", "Noshki", "PK", "geonames:1168749"),
    ],
)
def test_transliterations_with_other_vowels_find_their_geonames_town(gazetteer, text, name, country, entry_id):
    place = _places(text, gazetteer)[name]
    assert place.entry.id == entry_id and place.entry.country == country
    # found by its folded spelling, not its own name: less than full confidence
    assert place.confidence < 1.0


@pytest.mark.parametrize(
    "text, name",
    [
        # "Kufra" is also an alternate name of Şirvan in Turkey, "Marj" of Mārenj in Iran
        ("Forces loyal to the eastern-based government in Libya moved armoured vehicles from Benghazi "
         "to Kufra, near the borders with Sudan and Chad, a military spokesman said.", "Kufra"),
        ("The eastern parliament met in Marj, a town east of Benghazi, as rival governments in Libya "
         "argued over the central bank.", "Marj"),
    ],
)
def test_weak_namesake_abroad_yields_to_the_transliteration_in_play(gazetteer, text, name):
    place = _places(text, gazetteer)[name]
    assert place.entry.country == "LY" and place.entry.kind in ("city", "admin1")


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Rival militias fought with heavy weapons in Qasr bin Ghashir, south of Tripoli's airport, "
         "on Sunday, Libya's health ministry said.", "Qasr bin Ghashir", "LY"),
        ("Turkish troops and allied Syrian fighters seized Ras al Ain after a week of fighting in "
         "north-east Syria.", "Ras al Ain", "SY"),
        ("Tanzania's president flew back to Dar es Salaam from Dodoma late on Friday.", "Dar es Salaam", "TZ"),
        ("French special forces hunted jihadists in the caves of the Adrar des Ifoghas, in Mali's far north "
         "near Kidal.", "Adrar des Ifoghas", "ML"),
        ("Aid trucks entered north-west Syria through the Bab al-Hawa crossing from Turkey on Monday.",
         "Bab al-Hawa", "SY"),
    ],
)
def test_a_name_runs_over_its_lower_case_particle(gazetteer, text, name, country):
    places = _places(text, gazetteer)
    assert places[name].entry.country == country
    # the words on either side of the particle are not read as places of their own
    first, last = name.split()[0], name.split()[-1]
    assert first not in places and last not in places


def test_a_name_with_a_particle_is_found_by_its_spelling_too(gazetteer):
    # GeoNames: Ḩafar al Bāţin
    text = "Armoured units massed at Hafr al Batin in north-eastern Saudi Arabia, near the border with Kuwait."
    place = _places(text, gazetteer)["Hafr al Batin"]
    assert place.entry.country == "SA" and place.entry.kind == "city"


def test_the_word_before_the_particle_of_an_unknown_name_is_no_place(gazetteer):
    # Khan al Ahmar is no entry: "Khan" alone is not Haan in Germany, nor any other Khan
    text = ("Israeli bulldozers arrived at Khan al Ahmar, a Bedouin village east of Jerusalem in the "
            "occupied West Bank, residents said.")
    places = _places(text, gazetteer)
    assert "Khan" not in places and "Ahmar" not in places
    assert places["Jerusalem"].entry.country in ("IL", "PS")


def test_a_particle_does_not_glue_a_person_into_a_place(gazetteer):
    text = ("Saudi Crown Prince Mohammed bin Salman received the French president in Riyadh on Wednesday, "
            "the state news agency reported.")
    places = _places(text, gazetteer)
    assert places["Riyadh"].entry.country == "SA"
    assert not any("bin" in mention or "Salman" in mention for mention in places)


@pytest.mark.parametrize(
    "text, compound, entry_id, bare, bare_kind",
    [
        ("Ethiopian officials said Amhara militias still controlled Western Tigray, two years after the "
         "peace deal that ended the war in Tigray.", "Western Tigray", "curated:western-tigray", "Tigray", "admin1"),
        ("Before unification in 1990, South Yemen was a Marxist state ruled from Aden, while Yemen's north "
         "was governed from Sanaa.", "South Yemen", "curated:south-yemen", "Yemen", "country"),
    ],
)
def test_directional_and_historical_compounds_win_over_the_name_inside(gazetteer, text, compound, entry_id, bare,
                                                                      bare_kind):
    places = _places(text, gazetteer)
    assert places[compound].entry.id == entry_id
    # the bare name written elsewhere in the article is still the present-day place
    assert places[bare].entry.kind == bare_kind and places[bare].entry.id != entry_id


def test_a_historical_compound_is_not_split_into_a_direction_and_a_continent(gazetteer):
    text = ("South African troops crossed from South West Africa into Angola in 1975, the archive shows.")
    places = _places(text, gazetteer)
    assert places["South West Africa"].entry.id == "geonames:3355338"  # Namibia
    assert "South West" not in places and "Africa" not in places


def test_south_lebanon_is_the_governorate_in_a_story_about_lebanon(gazetteer):
    text = ("Israeli drones struck a car in South Lebanon on Thursday, killing two Hezbollah members, "
            "Lebanon's health ministry said.")
    place = _places(text, gazetteer)["South Lebanon"]
    assert place.entry.country == "LB" and place.entry.kind == "admin1"


@functools.lru_cache(maxsize=1)
def _curated_points_module():
    """``benchmarks/curated_points.py``, the check itself (benchmarks are no package)."""
    spec = importlib.util.spec_from_file_location("curated_points", ROOT / "benchmarks" / "curated_points.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def test_curated_rows_that_cite_a_geonames_point_sit_at_it(gazetteer):
    # a source that says "GeoNames N point" must name an entry of that place, at that point
    cited = _curated_points_module().cited_points()
    assert cited, "no curated row cites a GeoNames point"
    wrong = [(c.row_id, c.entry.id, c.entry.name, c.km) for c in cited if c.wrong]
    assert not wrong, wrong


def test_curated_towns_lie_near_their_geonames_namesake_or_far_from_it(gazetteer):
    # A curated town between 2 km (merged into GeoNames' at build time) and 10 km from a GeoNames
    # town of its own name in its country is almost surely that town with a point from memory.
    close = [(n.row_id, n.entry.id, round(n.km, 1)) for n in _curated_points_module().namesakes()
             if n.kind == "city" and 2.0 < n.km <= 10.0 and n.entry.kind == "city"]
    assert not close, close
