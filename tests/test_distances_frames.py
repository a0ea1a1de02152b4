"""Distance claims in frames news uses around the figure: a subject told before ("It is 10 km
to X"), endpoints opening the sentence ("From X to Y, 90 km"), an earthquake's epicentre, and
the two sides of a salient ("12km deep and 40km wide"). Geoparsed with the real gazetteer."""
from __future__ import annotations

import pytest

from controlmap.article import article_from_text
from controlmap.distances import verify_distances
from controlmap.geoparse import geoparse


def claims(text: str):
    article = article_from_text(text, source="a.txt", published="2024-05-10")
    return [(article.text[c.start:c.end], c) for c in verify_distances(article, geoparse(article))]


def ends(claim) -> tuple:
    return (getattr(claim.from_place, "text", None), getattr(claim.to_place, "text", None))


def test_it_is_n_km_to_each_town_measures_from_the_town_told_before():
    found = claims("Russian troops are advancing on Chasiv Yar. It is approximately 10 km to Kostiantynivka, "
                   "20-25 km to Druzhkivka and Kramatorsk, 30-35 km to Sloviansk.")
    assert [(words, ends(c), c.verdict) for words, c in found] == [
        ("approximately 10 km to Kostiantynivka", ("Chasiv Yar", "Kostiantynivka"), "consistent"),
        ("20-25 km to Druzhkivka", ("Chasiv Yar", "Druzhkivka"), "consistent"),
        ("and Kramatorsk", ("Chasiv Yar", "Kramatorsk"), "consistent"),
        ("30-35 km to Sloviansk", ("Chasiv Yar", "Sloviansk"), "consistent"),
    ]
    # the spans stay in their sentence, and the reason says who "it" is
    assert all("read as Chasiv Yar" in " ".join(c.notes) for _, c in found)


def test_towns_joined_after_a_figure_from_a_named_reference_are_not_copied():
    # "from" names the reference: the second town is another claim's business, not this one's
    found = claims("Kurakhove is 35km south of Pokrovsk and Selydove.")
    assert [words for words, _ in found] == ["Kurakhove is 35km south of Pokrovsk"]


def test_a_figure_to_a_town_after_a_verb_of_motion_has_no_start():
    [(words, claim)] = claims("Ukrainian troops advanced 10 km to Robotyne on Tuesday.")
    assert claim.kind == "lone" and claim.verdict == "unverifiable"


def test_a_bare_compass_point_measures_from_the_town_it_points_back_to():
    [(words, claim)] = claims("The army said it had entered Wad Madani on Saturday.\nOfficials hailed the recapture "
                              "of the key city.\nIt is also the nearest major town to the war-torn capital Khartoum, "
                              "200 kilometres (124 miles) north.")
    assert ends(claim) == ("Wad Madani", "Khartoum")
    assert claim.verdict == "overstated" and "plausible by road" in claim.reason


def test_endpoints_opening_the_sentence():
    [(words, claim)] = claims("From London to Oxford, 90 kilometres, 65 minutes.")
    assert words == "From London to Oxford, 90 kilometres"
    assert ends(claim) == ("London", "Oxford") and claim.verdict == "consistent"


def test_figures_that_locate_an_epicentre_are_unverifiable_with_the_reason():
    found = claims("The quake was centred about 32km (20 miles) from Gaziantep, a major city, and about 26km "
                   "(16 miles) from the town of Nurdagi.")
    assert len(found) == 2
    for _, claim in found:
        assert claim.verdict == "unverifiable" and claim.to_place is None
        assert "epicentre" in claim.reason
        assert claim.units_verdict == "units-consistent"


def test_a_town_named_near_an_earthquake_is_still_checked():
    [(words, claim)] = claims("The earthquake struck near Ridgecrest, a town 150 miles north of Los Angeles.")
    assert ends(claim) == ("Los Angeles", "Ridgecrest")
    assert claim.geodesic_km is not None and claim.verdict != "unverifiable"


@pytest.mark.parametrize("text, figures", [
    ("The incursion was about 12km deep and 40km wide, the governor of Kursk said.", ["about 12km", "40km"]),
    ("The quake had a depth of 10km.", []),
    ("The shaft of the mine is 3 km deep.", []),
])
def test_the_sides_of_a_salient_are_lone_figures_depths_are_not(text, figures):
    found = claims(text)
    assert [words for words, _ in found] == figures
    assert all(c.kind == "lone" and c.verdict == "unverifiable" for _, c in found)
