"""Control events read from news phrasings through the real geoparser: who, where and when
as a reader of the sentence would tell it, and the sentences that must give no event."""
from __future__ import annotations

import pytest

from controlmap.article import article_from_text
from controlmap.events import event_to_dict, extract_events
from controlmap.geoparse import geoparse


def events(text: str, published: str, gazetteer) -> list[dict]:
    article = article_from_text(text, published=published)
    return [event_to_dict(e) for e in extract_events(article, geoparse(article, gazetteer=gazetteer))]


def told(text: str, published: str, gazetteer) -> list[tuple]:
    return [(e["change"], e["side"], e["name"], e["date"], e["date_precision"])
            for e in events(text, published, gazetteer)]


@pytest.mark.parametrize("text", [
    # a report denied in the same sentence
    "Reports that Kupiansk had fallen to Russian troops were false, the governor of Kharkiv region said.",
    # an order is not its execution
    "Vladimir Putin ordered his troops to take Pokrovsk by the end of the year.",
    # a siege broken is no siege
    "KHARTOUM, Sudan (AP) — Sudan's military said Wednesday it had broken the RSF siege of El Obeid, the capital "
    "of North Kordofan.",
    # a ship seized is no ground taken
    "The Houthis seized the Galaxy Leader cargo ship in the Red Sea in November 2023.",
])
def test_denials_orders_broken_sieges_and_seized_ships_are_no_control_events(text, gazetteer):
    assert events(text, "2025-03-12", gazetteer) == []


def test_a_purpose_clause_is_no_second_event(gazetteer):
    found = events('Israel said its troops had moved into the buffer zone near Quneitra to stop "hostile forces" '
                   'from entering it.', "2024-12-13", gazetteer)
    assert [(e["change"], e["side"]) for e in found] == [("entered", "Israel")]


def test_it_after_a_speaker_is_the_speaker_not_the_actor_told_before(gazetteer):
    text = ("Russian forces are close to capturing Kurakhove, analysts say.\n\n"
            "Ukraine's 47th Brigade said it had liberated the village of Robotyne in late August.")
    (liberation,) = events(text, "2024-12-09", gazetteer)
    assert (liberation["side"], liberation["name"], liberation["date"]) == ("Ukraine", "Robotyne", "2024-08-01")


def test_a_report_keeps_its_own_dates_and_the_recipient_of_a_loss_is_no_later_subject(gazetteer):
    text = ("In a statement on Monday, Mali's army said it had lost control of Kidal to Tuareg rebels in 2012 "
            "but had recaptured the town in November 2023.")
    assert told(text, "2024-12-09", gazetteer) == [
        ("lost", "government", "Kidal", "2012-01-01", "year"),
        ("retook", "government", "Kidal", "2023-11-01", "month"),
    ]


def test_each_clause_of_a_but_sentence_keeps_its_date_and_it_is_the_place_not_its_landmark(gazetteer):
    text = ("Ukraine's army regained control of the village of Robotyne, near Orikhiv, in August 2023, but lost "
            "it in November 2024.")
    assert told(text, "2024-12-13", gazetteer) == [
        ("retook", "Ukraine", "Robotyne", "2023-08-01", "month"),
        ("lost", "Ukraine", "Robotyne", "2024-11-01", "month"),
    ]


def test_forcing_a_retreat_is_the_retreat_of_the_forced(gazetteer):
    (retreat,) = events("Hezbollah fighters said they had forced Israeli soldiers to retreat from the outskirts of "
                        "Khiam in south Lebanon.", "2024-12-13", gazetteer)
    assert (retreat["change"], retreat["side"], retreat["name"]) == ("withdrew", "Israel", "Khiam")
    assert retreat["attributed_to"] == "Hezbollah fighters said"


def test_government_troops_told_by_rebels_are_still_the_government(gazetteer):
    found = events("Rebels said they had entered Homs overnight after government troops abandoned the city.",
                   "2024-12-08", gazetteer)
    assert [(e["change"], e["side"], e["name"]) for e in found] == [
        ("entered", "opposition", "Homs"), ("withdrew", "government", "Homs")]
