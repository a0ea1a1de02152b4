"""Timeline: merging events from several articles into who held each place, and when."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from controlmap.events import PART_OF_PLACE, ControlEvent
from controlmap.gazetteer import GazetteerEntry
from controlmap.geoparse import Place
from controlmap.text import Sentence
from controlmap.timeline import build_timeline, interval_to_dict

ALEPPO = GazetteerEntry("geonames:170063", "Aleppo", "city", "SY", "Aleppo", 36.20124, 37.16117)


def event(change: str, side: str, day: date | None, *, source: str = "a.txt", precision: str = "day",
          relation: str = "on", until: date | None = None, said: str | None = None) -> ControlEvent:
    sentence = Sentence(0, 10, "x" * 10)
    place = Place(0, 6, "Aleppo", ALEPPO, sentence, source, 0.9)
    return ControlEvent(start=0, end=10, sentence=sentence.text, source=source, change=change, actor_text=side,
                        actor=side, side=side, place_text="Aleppo", place_start=0, place_end=6, place=place,
                        date=day, date_precision=precision, date_relation=relation, until=until,
                        until_precision="year" if until else None, attributed_to=said)


def spans(timeline) -> list[tuple]:
    return [(i.side, i.start, i.end) for i in timeline.intervals]


def test_capture_opens_the_captor_and_closes_the_previous_holder():
    t = build_timeline([
        event("captured", "opposition", date(2024, 11, 30), precision="on-or-before-publication"),
        event("captured", "government", date(2016, 1, 1), precision="year"),
    ])
    assert spans(t) == [("government", date(2016, 1, 1), date(2024, 11, 30)),
                        ("opposition", date(2024, 11, 30), None)]
    assert t.dates() == [date(2016, 1, 1), date(2024, 11, 30)]
    assert [i.side for i in t.at(date(2020, 6, 1))] == ["government"]


def test_holding_until_and_withdrawal_with_entry_on_the_same_day():
    day = date(2024, 11, 30)
    t = build_timeline([
        event("holds", "opposition", date(2016, 1, 1), precision="year", relation="before", until=date(2016, 1, 1)),
        event("captured", "government", date(2016, 1, 1), precision="year"),
        event("entered", "opposition", day),
        event("withdrew", "government", day),
    ])
    assert spans(t) == [("opposition", None, date(2016, 1, 1)),
                        ("government", date(2016, 1, 1), day),
                        ("opposition", day, None)]
    assert t.intervals[-1].contested  # opened by "entered": fighting inside the city
    assert not any(i.disputed for i in t.intervals)


def test_holds_since_opens_at_that_date_and_later_reports_support_it():
    t = build_timeline([
        event("holds", "opposition", date(2024, 11, 30), precision="on-or-before-publication"),
        event("holds", "opposition", date(2020, 1, 1), precision="year", relation="since", source="b.txt"),
    ])
    assert spans(t) == [("opposition", date(2020, 1, 1), None)]
    assert len(t.intervals[0].events) == 2
    assert {e.source for e in t.intervals[0].events} == {"a.txt", "b.txt"}


def test_sources_that_disagree_are_kept_and_flagged():
    day = date(1987, 3, 22)
    t = build_timeline([
        event("captured", "Chad", day, source="n-djamena.txt", said="Chad's high command said"),
        event("holds", "Libya", day, source="tripoli.txt", said="Libyan radio said"),
    ])
    assert {i.side for i in t.intervals} == {"Chad", "Libya"}
    assert all(i.disputed for i in t.intervals)
    assert "Libyan radio said" in t.intervals[0].note or "Libyan radio said" in t.intervals[1].note


def test_withdrawal_without_earlier_news_still_says_who_held_it():
    t = build_timeline([event("withdrew", "Libya", date(1987, 3, 26))])
    assert spans(t) == [("Libya", None, date(1987, 3, 26))]


def test_siege_changes_nothing_but_is_kept():
    t = build_timeline([
        event("holds", "opposition", date(2016, 1, 1), precision="year", relation="since"),
        event("besieged", "government", date(2016, 7, 1)),
    ])
    assert spans(t) == [("opposition", date(2016, 1, 1), None)]
    assert t.intervals[0].contested and len(t.intervals[0].events) == 2


def test_interval_dict_is_json_ready():
    import json

    t = build_timeline([event("captured", "government", date(2016, 12, 22))])
    d = interval_to_dict(t.intervals[0])
    json.dumps(d)
    assert (d["id"], d["side"], d["start_date"], d["end_date"], d["ongoing"], d["disputed"]) == (
        "geonames:170063", "government", "2016-12-22", None, True, False)


def test_seed_timeline(seed_article, seed_places):
    from controlmap.events import extract_events

    t = build_timeline(extract_events(seed_article, seed_places))
    aleppo = [(i.side, i.start, i.end) for i in t.for_place("geonames:170063")]
    assert aleppo == [("opposition", None, date(2016, 1, 1)),
                      ("government", date(2016, 1, 1), date(2024, 11, 30)),
                      ("opposition", date(2024, 11, 30), None)]
    assert [(i.side, i.start) for i in t.for_place("icao:OSAP")] == [("opposition", date(2024, 11, 30))]
    assert [(i.side, i.start, i.end) for i in t.for_place("geonames:169389")] == [
        ("opposition", date(2020, 1, 1), None)]


def test_a_stronghold_until_it_fell_ends_the_holding_there_and_opens_the_captor():
    from controlmap.article import Article
    from controlmap.events import extract_events
    from controlmap.text import SentenceIndex, split_sentences

    text = "Idlib sits near Aleppo, which was a rebel stronghold until it fell to government forces in 2016."
    sentence = SentenceIndex(split_sentences(text)).at(0)
    at = text.index("Aleppo")
    aleppo = Place(at, at + 6, "Aleppo", ALEPPO, sentence, "a.txt", 0.9)
    events = extract_events(Article(text=text, source="a.txt", published=date(2024, 11, 30)), [aleppo])
    t = build_timeline(events)
    # the rebels held Aleppo up to 2016 (start unknown), the government from 2016 on
    assert spans(t) == [("opposition", None, date(2016, 1, 1)), ("government", date(2016, 1, 1), None)]
    assert [i.side for i in t.at(date(2015, 6, 1))] == ["opposition"]
    assert [i.side for i in t.at(date(2016, 6, 1))] == ["government"]


# ---------------------------------------------------------------------------- unnamed places

KHARTOUM = GazetteerEntry("geonames:379252", "Khartoum", "city", "SD", "Khartoum", 15.55177, 32.53241)
KUPIANSK = GazetteerEntry("geonames:704422", "Kupiansk", "city", "UA", "Kharkiv", 49.71055, 37.61517)


def unnamed(words: str, change: str, side: str, day: date, *, anchor: GazetteerEntry = KHARTOUM,
            precision: str = "day", relation: str = "on", source: str = "sud1.txt") -> ControlEvent:
    """An event at an unnamed place told from ``anchor`` ("the palace" in Khartoum)."""
    sentence = Sentence(0, 40, "x" * 40)
    town = Place(0, 8, anchor.name, anchor, sentence, source, 0.9)
    return ControlEvent(start=0, end=40, sentence=sentence.text, source=source, change=change, actor_text=side,
                        actor=side, side=side, place_text=words, place_start=0, place_end=len(words), place=town,
                        anchor=True, date=day, date_precision=precision, date_relation=relation)


def test_the_palace_and_the_presidential_palace_in_khartoum_are_one_place():
    # sud1.txt: "Sudan's army has regained control of the presidential palace in Khartoum ... on Friday.
    # The RSF, which had held the palace since ... April 2023, ..."
    t = build_timeline([
        unnamed("the presidential palace in Khartoum", "retook", "SAF", date(2025, 3, 21)),
        unnamed("the palace", "holds", "RSF", date(2023, 4, 1), precision="month", relation="since"),
    ])
    assert t.places() == ["text:the presidential palace in khartoum"]
    assert spans(t) == [("RSF", date(2023, 4, 1), date(2025, 3, 21)), ("SAF", date(2025, 3, 21), None)]
    assert not any(i.disputed for i in t.intervals)
    assert {i.place_name for i in t.intervals} == {"the presidential palace in Khartoum"}
    assert all(i.place is None and i.anchor == KHARTOUM for i in t.intervals)
    d = interval_to_dict(t.intervals[1])
    assert (d["anchor"], d["id"], d["kind"]) == (True, KHARTOUM.id, None)


@pytest.mark.parametrize("other", [
    unnamed("the airport in Khartoum", "holds", "RSF", date(2023, 4, 1)),  # another noun
    unnamed("the palace", "holds", "RSF", date(2023, 4, 1), anchor=KUPIANSK),  # another town
])
def test_unnamed_places_with_another_noun_or_town_stay_apart(other):
    t = build_timeline([unnamed("the presidential palace in Khartoum", "retook", "SAF", date(2025, 3, 21)), other])
    assert len(t.places()) == 2 and not any(i.disputed for i in t.intervals)


@pytest.mark.parametrize("first, second", [
    ("several villages near Kupiansk", "villages east of Kupiansk"),  # sets of places need not be the same set
    ("a village near Kupiansk", "a village outside Kupiansk"),  # neither says it is the one told before
])
def test_places_that_may_be_one_held_by_two_sides_at_once_are_flagged(first, second):
    t = build_timeline([
        unnamed(first, "captured", "Russia", date(2024, 11, 2), anchor=KUPIANSK),
        unnamed(second, "holds", "Ukraine", date(2024, 11, 5), anchor=KUPIANSK),
    ])
    assert len(t.places()) == 2
    assert [(i.side, i.end, i.disputed) for i in t.intervals] == [("Russia", None, True), ("Ukraine", None, True)]
    assert all("may be one place" in i.note and "Kupiansk" in i.note for i in t.intervals)


# --- duplicates and overlaps (two reports of one change; reports that disagree) ----------


def test_two_reports_of_one_withdrawal_are_one_interval_with_both_events():
    # Myawaddy: "withdrew ... on Wednesday" and the headline, dated by the publication day
    t = build_timeline([
        event("withdrew", "junta", date(2024, 4, 10), said="a spokesman said"),
        event("withdrew", "junta", date(2024, 4, 11), precision="on-or-before-publication"),
    ])
    assert spans(t) == [("junta", None, date(2024, 4, 10))]  # the precise day, not the vague one
    assert t.intervals[0].end_precision == "day" and len(t.intervals[0].events) == 2
    assert not t.intervals[0].disputed


def test_a_holding_until_a_withdrawal_on_that_day_is_one_interval():
    # "Soldiers who had held a battalion base ... fled": a holding until D and a withdrawal on D
    day = date(2024, 4, 11)
    t = build_timeline([
        event("holds", "junta", day, precision="on-or-before-publication", relation="before", until=day),
        event("withdrew", "junta", day, precision="on-or-before-publication"),
    ])
    assert len(t.intervals) == 1 and spans(t) == [("junta", None, day)]
    assert len(t.intervals[0].events) == 2


def test_near_duplicate_intervals_of_one_side_keep_the_precise_bounds_and_every_event():
    t = build_timeline([
        event("captured", "Israel", date(2023, 12, 1), precision="month"),
        event("withdrew", "Israel", date(2024, 4, 7), precision="on-or-before-publication", source="b.txt"),
        event("withdrew", "Israel", date(2024, 4, 7), source="c.txt"),
    ])
    assert spans(t) == [("Israel", date(2023, 12, 1), date(2024, 4, 7))]
    only = t.intervals[0]
    assert (only.start_precision, only.end_precision) == ("month", "day")
    assert sorted(e.source for e in only.events) == ["a.txt", "b.txt", "c.txt"]


def test_an_ongoing_and_an_ended_holding_of_one_side_are_not_merged():
    t = build_timeline([
        event("holds", "Russia", date(2024, 1, 1), precision="year", relation="since"),
        event("withdrew", "Russia", date(2024, 6, 1), source="b.txt"),
        event("holds", "Russia", date(2024, 6, 1), source="c.txt"),
    ])
    # the withdrawal is not lost in an interval that runs on
    assert spans(t) == [("Russia", date(2024, 1, 1), date(2024, 6, 1)), ("Russia", date(2024, 6, 1), None)]


def test_overlapping_intervals_of_two_sides_are_flagged_with_who_says_what():
    # El Fasher: the RSF said it took the city on Sunday; the army chief said his forces withdrew on Monday
    t = build_timeline([
        event("captured", "RSF", date(2025, 10, 26), source="elfasher.txt", said="the RSF said"),
        event("withdrew", "SAF", date(2025, 10, 27), source="elfasher.txt", said="army chief al-Burhan said"),
    ])
    assert spans(t) == [("SAF", None, date(2025, 10, 27)), ("RSF", date(2025, 10, 26), None)]
    assert all(i.disputed for i in t.intervals)
    note = t.intervals[0].note
    assert note == t.intervals[1].note
    assert note.startswith("sources disagree: SAF held it until 2025-10-27")
    assert "elfasher.txt: withdrew, army chief al-Burhan said" in note
    assert "RSF holds it from 2025-10-26 on (elfasher.txt: captured, the RSF said)" in note


def test_a_vague_end_that_fits_the_next_sides_start_is_a_handover_not_a_dispute():
    # "the army has withdrawn" (by the publication day) and "the RSF took it on Sunday": they agree
    t = build_timeline([
        event("captured", "RSF", date(2025, 10, 26)),
        event("withdrew", "SAF", date(2025, 10, 27), precision="on-or-before-publication", source="b.txt"),
    ])
    assert spans(t) == [("SAF", None, date(2025, 10, 26)), ("RSF", date(2025, 10, 26), None)]
    assert not any(i.disputed for i in t.intervals)
    assert t.intervals[0].end_precision == "day"
    assert [i.side for i in t.at(date(2025, 10, 26))] == ["RSF"]


def test_sides_that_follow_each_other_are_not_flagged():
    t = build_timeline([
        event("captured", "government", date(2016, 1, 1), precision="year"),
        event("captured", "opposition", date(2024, 11, 30)),
    ])
    assert not any(i.disputed for i in t.intervals)


def test_a_gain_then_a_loss_of_one_side_told_in_one_sentence_keep_their_order():
    """"M23 seized Goma in 2012 but withdrew days later": held in 2012, not since then."""

    took = event("captured", "M23", date(2012, 1, 1), precision="year")
    left = dataclasses.replace(event("withdrew", "M23", date(2012, 1, 1), precision="year"), trigger_start=30)
    took = dataclasses.replace(took, trigger_start=4)
    t = build_timeline([left, took])
    assert [(i.side, i.start, i.end) for i in t.intervals] == [("M23", date(2012, 1, 1), date(2012, 1, 1))]


def test_a_week_that_contains_the_other_sides_vague_end_is_a_handover_not_a_dispute():
    # the government held Aleppo until "on or before 30 Nov" (one paper); "the rebels seized Aleppo
    # last week" (a 5 Dec paper: the week of 25 Nov): the week holds 30 Nov, so they agree
    t = build_timeline([
        event("captured", "government", date(2016, 1, 1), precision="year"),
        event("withdrew", "government", date(2024, 11, 30), precision="on-or-before-publication"),
        event("captured", "opposition", date(2024, 11, 25), precision="week", source="b.txt"),
    ])
    assert spans(t) == [("government", date(2016, 1, 1), date(2024, 11, 25)),
                        ("opposition", date(2024, 11, 25), None)]
    assert not any(i.disputed for i in t.intervals)
    assert t.intervals[1].start_precision == "week"


def test_a_week_that_ends_before_the_other_sides_day_is_still_a_dispute():
    t = build_timeline([
        event("withdrew", "government", date(2024, 12, 4)),
        event("captured", "opposition", date(2024, 11, 25), precision="week", source="b.txt"),
    ])
    assert all(i.disputed for i in t.intervals)


def test_part_of_a_place_held_against_its_holder_contests_it_and_is_no_dispute():
    # "the city stayed in government hands even as rebels held much of the countryside around it"
    import dataclasses
    part = dataclasses.replace(event("holds", "opposition", date(2011, 1, 1), precision="year"),
                               place_text="much of the countryside around it", notes=(PART_OF_PLACE,))
    t = build_timeline([event("holds", "government", date(2011, 1, 1), precision="year"), part,
                        event("captured", "opposition", date(2024, 12, 5))])
    assert spans(t) == [("government", date(2011, 1, 1), date(2024, 12, 5)), ("opposition", date(2024, 12, 5), None)]
    assert not any(i.disputed for i in t.intervals)
    assert t.intervals[0].contested


def test_only_the_part_of_the_place_note_makes_an_event_partial():
    # the timeline reads the one note events writes for it, not any free text that begins alike
    other = dataclasses.replace(event("holds", "opposition", date(2011, 1, 1), precision="year"),
                                notes=("part of a longer name",))
    t = build_timeline([event("holds", "government", date(2011, 1, 1), precision="year"), other])
    assert all(i.disputed for i in t.intervals) and not any(i.contested for i in t.intervals)


def test_an_entry_then_the_defenders_withdrawal_is_one_fight_not_a_dispute():
    # "Russian troops had entered the town last week" ... "Ukrainian forces have withdrawn"
    t = build_timeline([event("entered", "Russia", date(2024, 9, 23), precision="week"),
                        event("withdrew", "Ukraine", date(2024, 10, 2), precision="on-or-before-publication")])
    assert not any(i.disputed for i in t.intervals)
    assert [i.side for i in t.at(date(2024, 10, 5))] == ["Russia"]


def test_a_withdrawal_said_on_a_day_fits_a_capture_the_day_before():
    # "the RSF said on Sunday they had taken El Fasher"; "Burhan said on Monday his forces had withdrawn"
    t = build_timeline([event("holds", "SAF", date(2025, 3, 21), precision="on-or-before-publication"),
                        event("captured", "RSF", date(2025, 10, 26)),
                        event("withdrew", "SAF", date(2025, 10, 27), relation="before")])
    assert spans(t) == [("SAF", date(2025, 3, 21), date(2025, 10, 26)), ("RSF", date(2025, 10, 26), None)]
    assert not any(i.disputed for i in t.intervals)
