"""Control events in whole articles: several paragraphs, back-references across them, background
and asides, read through the real geoparser. Each test asserts what a user sees in `controlmap
events`: the change, the side, the place's gazetteer id and the date with its precision."""
from __future__ import annotations

from controlmap.article import article_from_text
from controlmap.events import event_to_dict, extract_events
from controlmap.geoparse import geoparse


def told(text: str, published: str, gazetteer) -> list[tuple]:
    article = article_from_text(text, published=published)
    return [(e["change"], e["side"], e["id"], e["date"], e["date_precision"])
            for e in map(event_to_dict, extract_events(article, geoparse(article, gazetteer=gazetteer)))]


def test_a_month_of_this_year_is_that_month(gazetteer):
    text = ("The RSF has besieged El Fasher since May 2024.\n\n"
            "In April this year its fighters overran the Zamzam displacement camp south of the city.")
    assert ("captured", "RSF", "curated:zamzam-camp", "2025-04-01", "month") in told(text, "2025-10-28", gazetteer)


def test_a_month_of_this_year_after_the_publication_is_no_date(gazetteer):
    text = "Ukrainian forces regained control of Kupiansk in April this year, the army said."
    article = article_from_text(text, published="2024-02-10")
    [event] = map(event_to_dict, extract_events(article, geoparse(article, gazetteer=gazetteer)))
    assert (event["date"], event["date_precision"]) == ("2024-02-10", "on-or-before-publication")
    assert event["notes"] == ["'in April this year' is a date after the publication (April 2024 had not begun on "
                              "2024-02-10): dated on or before the publication instead"]


def test_a_where_clause_dates_what_happened_there_not_the_holding(gazetteer):
    text = ("Syrian rebels captured Hama on Thursday.\n\n"
            "The opposition now holds Aleppo and Idlib, where HTS has run an administration since 2017.")
    assert told(text, "2024-12-06", gazetteer)[1:] == [
        ("holds", "opposition", "geonames:170063", "2024-12-06", "on-or-before-publication"),
        ("holds", "opposition", "geonames:169389", "2024-12-06", "on-or-before-publication")]
    text = ("Ukrainian forces have withdrawn from Vuhledar, the military said.\n\n"
            "Kyiv's forces still hold part of Russia's Kursk region, where they launched an incursion on Aug. 6.")
    assert told(text, "2024-10-02", gazetteer)[1] == (
        "holds", "Ukraine", "geonames:538555", "2024-10-02", "on-or-before-publication")


def test_a_clause_joined_by_and_keeps_its_own_date(gazetteer):
    text = ("BEIRUT, Dec 6 (Reuters) - Syrian rebels captured Hama on Thursday.\n\n"
            "The rebels swept into Aleppo last week, and government forces withdrew from the city's airport "
            "on Saturday.")
    assert told(text, "2024-12-06", gazetteer)[1:] == [
        ("entered", "opposition", "geonames:170063", "2024-11-25", "week"),
        ("withdrew", "government", "icao:OSAP", "2024-11-30", "day")]


def test_a_people_counted_fleeing_is_no_withdrawal(gazetteer):
    text = ("The Syrian National Army captured Tal Rifaat on Dec. 1.\n\n"
            "Tens of thousands of Kurds fled Tal Rifaat towards Tabqa and Raqqa, the UN said.")
    assert told(text, "2024-12-10", gazetteer) == [("captured", "opposition", "geonames:163476", "2024-12-01", "day")]


def test_soldiers_of_a_named_army_leaving_withdraw(gazetteer):
    text = ("Tigrayan fighters entered Mekelle on Monday, residents said.\n\n"
            "Residents said soldiers of the Ethiopian National Defense Force had left the city.")
    assert told(text, "2021-06-29", gazetteer) == [
        ("entered", "Tigray forces", "geonames:331180", "2021-06-28", "day"),
        ("withdrew", "Ethiopian government", "geonames:331180", "2021-06-29", "on-or-before-publication")]


def test_a_town_that_changed_hands_is_what_the_city_points_to(gazetteer):
    # "Manbij has changed hands" tells what befell the town; it is no capital acting ("Moscow had captured")
    # and the subject of the second clause stands before its own aside
    text = ("Kurds fled towards Tabqa and Raqqa, the UN said.\n\n"
            "Manbij has changed hands several times during the war. Islamic State seized the city in January "
            "2014, and the SDF, backed by US air power, captured it from the group in August 2016.")
    assert told(text, "2024-12-10", gazetteer) == [
        ("captured", "Islamic State", "geonames:167357", "2014-01-01", "month"),
        ("captured", "SDF", "geonames:167357", "2016-08-01", "month")]


def test_a_capital_owning_allies_is_no_antecedent(gazetteer):
    text = ("Turkish-backed fighters have captured Manbij from the SDF, as Ankara's allies pressed their "
            "advantage.\n\nThe SNA said its fighters had taken full control of the city after two days of clashes.")
    assert [e[2] for e in told(text, "2024-12-10", gazetteer)] == ["geonames:167357", "geonames:167357"]


def test_what_a_fall_follows_carries_its_own_date(gazetteer):
    text = ("Turkish-backed fighters have captured Manbij from the SDF, the Syrian National Army said on Monday.\n\n"
            "The fall of Manbij follows the SNA's capture of Tal Rifaat, north of Aleppo, on Dec. 1.")
    events = told(text, "2024-12-10", gazetteer)
    assert ("captured", "opposition", "geonames:163476", "2024-12-01", "day") in events
    assert not [e for e in events if e[2] == "geonames:167357" and e[3] == "2024-12-01"]


def test_the_city_after_a_taking_told_in_an_aside_is_the_story_s_town(gazetteer):
    # the war's own army leads a subject shared with an ally the registry lacks
    text = ("M23 rebels walked into the centre of Bukavu on Sunday, residents said.\n\n"
            "The rebels, who seized Goma, the largest city in the east, in late January, met little resistance. "
            "Congolese soldiers and allied Burundian troops pulled out of the city on Friday and Saturday.")
    assert told(text, "2025-02-17", gazetteer)[-1] == ("withdrew", "DRC government", "geonames:217831",
                                                       "2025-02-14", "day")


def test_where_a_deal_was_signed_is_not_the_city(gazetteer):
    text = ("M23 rebels entered the city of Uvira on Wednesday, days after the leaders of Congo and Rwanda signed "
            "a peace accord in Washington.\n\nThe rebels walked into the city centre after Congolese troops fled, "
            "witnesses said.")
    assert {e[2] for e in told(text, "2025-12-11", gazetteer)} == {"geonames:204405"}


def test_the_karen_national_union_is_its_own_side(gazetteer):
    text = ("Myanmar troops withdrew from their last base near Myawaddy on Thursday, Karen rebels said.\n\n"
            "The KNU said its forces had taken control of the battalion headquarters. The KNU took the town of "
            "Kawkareik, west of Myawaddy, briefly in 2023.")
    assert told(text, "2024-04-12", gazetteer) == [
        ("withdrew", "junta", "geonames:1308052", "2024-04-11", "day"),
        ("captured", "KNU", "geonames:1308052", "2024-04-12", "on-or-before-publication"),
        ("captured", "KNU", "geonames:1319898", "2023-01-01", "year")]


def test_the_one_handed_a_loss_did_not_take_the_town(gazetteer):
    text = ("BEIRUT, Dec 6 (Reuters) - Syrian rebels captured the central city of Hama on Thursday after days of "
            "fighting, the army said, handing President Bashar al-Assad his second major loss in a week after the "
            "fall of Aleppo.")
    assert [e[:3] for e in told(text, "2024-12-06", gazetteer)] == [
        ("captured", "opposition", "geonames:170017"), ("captured", "opposition", "geonames:170063")]


def test_we_in_a_quote_is_the_named_leader_s_group(gazetteer):
    text = ("Syrian rebels captured the central city of Hama on Thursday, the army said.\n\n"
            "\"We have entered Hama to free the people,\" HTS leader Abu Mohammed al-Golani said in a recorded message.")
    assert told(text, "2024-12-06", gazetteer)[1][:3] == ("entered", "opposition", "geonames:170017")


def test_a_commander_the_registry_names_speaks_for_his_army(gazetteer):
    text = ("Russia's army chief Valery Gerasimov told President Vladimir Putin on Thursday that Russian forces had "
            "captured the city of Kupiansk, a claim Kyiv rejected.\n\n\"The city of Kupiansk is under our control,\" "
            "Gerasimov said at a meeting, adding that troops had also taken Vovchansk further north.")
    # ("under our control" is the speaker's holding)
    assert [e[:3] for e in told(text, "2025-11-21", gazetteer)] == [
        ("captured", "Russia", "geonames:703656"), ("holds", "Russia", "geonames:703656"),
        ("captured", "Russia", "geonames:689304")]


def test_again_after_the_town_ends_its_noun_phrase(gazetteer):
    text = "Tuareg rebels took Kidal in 2012. Malian forces were driven out of the town again in 2014."
    assert told(text, "2023-11-15", gazetteer)[1] == ("withdrew", "government", "geonames:2455290", "2014-01-01", "year")


def test_they_is_the_subject_not_a_name_used_as_a_modifier(gazetteer):
    text = ("Sudan's army retook Wad Madani in January.\n\nIn January, troops broke the RSF siege of the army's "
            "General Command headquarters, and this month they pushed the paramilitary out of much of Bahri, north "
            "of the Blue Nile.")
    assert told(text, "2025-03-21", gazetteer)[1] == ("captured", "SAF", "geonames:379251", "2025-03-01", "month")


def test_in_army_hands_after_an_appositive_is_the_town_it_describes(gazetteer):
    text = ("The RSF still controls almost all of Darfur, in the west, and is besieging El Fasher, the last city in "
            "the region in army hands.")
    assert [e[:3] for e in told(text, "2025-03-21", gazetteer)] == [
        ("holds", "RSF", "curated:darfur"), ("besieged", "RSF", "geonames:379555"), ("holds", "SAF", "geonames:379555")]


def test_the_territory_is_the_territory_named_before(gazetteer):
    text = ("Israeli tanks rolled into Rafah on Tuesday.\n\nIsrael has controlled the Gaza Strip's borders on land "
            "since Hamas seized the territory in 2007, except for the Rafah crossing.")
    assert ("captured", "Hamas", "curated:gaza-strip", "2007-01-01", "year") in told(text, "2024-05-07", gazetteer)


def test_a_holding_since_a_capture_begins_with_it(gazetteer):
    text = ("Israel has controlled the Gaza Strip's borders on land since Hamas seized the territory in 2007, "
            "except for the Rafah crossing, run by Egypt.")
    article = article_from_text(text, published="2024-05-07")
    held = [event_to_dict(e) for e in extract_events(article, geoparse(article, gazetteer=gazetteer))][0]
    assert (held["change"], held["side"], held["date"], held["date_relation"], held["until"]) == (
        "holds", "Israel", "2007-01-01", "since", None)


def test_an_unnamed_place_of_a_named_possessor_is_anchored_at_it(gazetteer):
    # the place's own words say whose it is: no town named nearby stands for it
    text = "Russian forces have held Zaporizhzhia Oblast's southern districts since 2022, near the city of Melitopol."
    article = article_from_text(text, published="2024-05-07")
    held = event_to_dict(extract_events(article, geoparse(article, gazetteer=gazetteer))[0])
    assert (held["name"], held["anchor"], held["date"], held["notes"]) == ("Zaporizhzhia Oblast", True, "2022-01-01", [])


def test_a_change_reported_as_said_on_a_day_came_on_or_before_it(gazetteer):
    text = ("Sudan's army chief, Gen Abdel Fattah al-Burhan, said in a televised address on Monday that his forces "
            "had withdrawn from El Fasher.")
    article = article_from_text(text, published="2025-10-28")
    e = event_to_dict(extract_events(article, geoparse(article, gazetteer=gazetteer))[0])
    assert (e["change"], e["side"], e["date"], e["date_relation"]) == ("withdrew", "SAF", "2025-10-27", "before")


def test_a_relative_clause_with_its_own_subject_tells_its_own_taking_and_date(gazetteer):
    text = ("In January, the army retook Wad Madani, the capital of Gezira state, which the RSF had seized in "
            "December 2023.")
    assert told(text, "2025-03-21", gazetteer) == [
        ("retook", "SAF", "geonames:364103", "2025-01-01", "month"),
        ("captured", "RSF", "geonames:364103", "2023-12-01", "month")]


def test_it_after_an_owner_opening_the_sentence_before_is_that_owner(gazetteer):
    text = ("The RSF fled north.\n\nThe army's momentum began in central Sudan. In January, it retook Wad Madani.")
    assert told(text, "2025-03-21", gazetteer) == [("retook", "SAF", "geonames:364103", "2025-01-01", "month")]


def test_towns_freed_are_taken_and_hostages_held_are_no_holding(gazetteer):
    text = ("Ukraine retook Kupiansk in September 2022 during a lightning counter-offensive that also freed Izium "
            "and Balakliia.")
    assert told(text, "2025-11-21", gazetteer) == [
        ("retook", "Ukraine", "geonames:703656", "2022-09-01", "month"),
        ("captured", "Ukraine", "geonames:707292", "2022-09-01", "month"),
        ("captured", "Ukraine", "geonames:712926", "2022-09-01", "month")]
    assert told("The army freed hostages held in Gaza.", "2024-06-10", gazetteer) == []
    assert told("Ukrainian soldiers freed 40 prisoners in Kherson on Friday.", "2022-11-20", gazetteer) == []


def test_a_further_object_with_a_noun_before_its_name_and_its_own_date(gazetteer):
    assert told("Russia captured Avdiivka in February and the town of Marinka in December 2023.", "2024-10-02",
                gazetteer)[1] == ("captured", "Russia", "geonames:701845", "2023-12-01", "month")
    assert told("Government forces retook eastern Aleppo in December 2016 and the Damascus suburb of Eastern Ghouta "
                "in 2018.", "2024-12-08", gazetteer)[1] == (
        "retook", "government", "curated:eastern-ghouta", "2018-01-01", "year")


def test_the_towns_an_including_list_dates_are_taken_on_their_dates(gazetteer):
    text = ("The M23 has seized swathes of mineral-rich eastern Congo this year, including Goma in January and "
            "Bukavu, the capital of South Kivu, in February.")
    assert told(text, "2025-12-11", gazetteer)[1:] == [
        ("captured", "M23", "geonames:216281", "2025-01-01", "month"),
        ("captured", "M23", "geonames:217831", "2025-02-01", "month")]


def test_a_dateline_in_may_is_no_modal(gazetteer):
    assert told("JERUSALEM, May 7 (Reuters) - Israeli troops entered Rafah on Tuesday.", "2024-05-07", gazetteer) == [
        ("entered", "Israel", "geonames:281102", "2024-05-07", "day")]
    assert told("Rebels may have taken Hama.", "2024-05-07", gazetteer) == []


def test_a_title_case_may_is_a_modal(gazetteer):
    # a headline's "May" is the modal: only a "May" the dates module reads as a date is a month
    assert told("Syrian Rebels May Seize Aleppo, Analysts Say\n\nThe offensive has surprised the government.",
                "2024-11-29", gazetteer) == []
    assert told("Russian Forces May Capture Kharkiv Within Weeks, Analysts Warn\n\n"
                "Analysts said the offensive could reach the city soon.", "2024-11-29", gazetteer) == []
    assert told("If the Rebels Take Hama, They May Move on Homs After Seizing Aleppo", "2024-11-29", gazetteer) == []


def test_a_month_named_may_is_no_modal(gazetteer):
    assert told("In May, Syrian rebels captured Hama.", "2024-11-29", gazetteer) == [
        ("captured", "opposition", "geonames:170017", "2024-05-01", "month")]
    # (the condition before "after taking" is a month, not a hypothesis)
    assert told("In May rebels advanced on Homs after taking Hama.", "2024-11-29", gazetteer)[-1][:3] == (
        "captured", "opposition", "geonames:170017")


def test_the_crossing_between_two_sides_is_the_crossing_told_before(gazetteer):
    text = ("Israeli tanks seize Rafah crossing as talks hang in balance\n\n"
            "Israeli tanks rolled into Rafah on Tuesday and took control of the crossing between Egypt and the "
            "Gaza Strip.")
    article = article_from_text(text, published="2024-05-07")
    last = event_to_dict(extract_events(article, geoparse(article, gazetteer=gazetteer))[-1])
    assert (last["change"], last["place_text"], last["name"], last["anchor"]) == (
        "captured", "the crossing between Egypt and the Gaza Strip", "Rafaḩ", True)


def test_a_dated_further_object_after_a_locating_aside(gazetteer):
    text = "Russian forces captured Avdiivka, about 40 km to the east, in February 2024, and Selydove in October 2024."
    assert told(text, "2025-12-02", gazetteer) == [
        ("captured", "Russia", "geonames:713122", "2024-02-01", "month"),
        ("captured", "Russia", "geonames:694677", "2024-10-01", "month")]


def test_an_offensive_by_a_side_to_seize_a_city_is_an_aim(gazetteer):
    assert told("The capture of Tarhuna ends a 14-month offensive by the LNA to seize Tripoli.", "2020-06-06",
                gazetteer) == []


def test_coalition_backed_forces_in_yemen_are_the_government_side(gazetteer):
    assert told("Coalition-backed forces retook the port city of Aden in July 2015.", "2021-11-24", gazetteer) == [
        ("retook", "government", "geonames:415189", "2015-07-01", "month")]


def test_the_army_after_a_foreign_state_s_army_is_that_army(gazetteer):
    text = ("Israeli forces withdrew from Khiam on Wednesday, the Lebanese army said.\n\n"
            "The army said in a statement that its units had entered Khiam.")
    assert told(text, "2024-12-12", gazetteer) == [
        ("withdrew", "Israel", "curated:khiam", "2024-12-11", "day"),
        ("entered", "Lebanese army", "curated:khiam", "2024-12-12", "on-or-before-publication")]


def test_troops_pulled_back_to_lines_in_quotes_name_no_place(gazetteer):
    text = ("Russia said it had recaptured Sudzha. Ukraine's top commander said on Wednesday that Ukrainian units "
            "were being pulled back \"to more advantageous lines\" to avoid encirclement, but did not name Sudzha.")
    assert [e[:3] for e in told(text, "2025-03-14", gazetteer)] == [("retook", "Russia", "geonames:486816")]
