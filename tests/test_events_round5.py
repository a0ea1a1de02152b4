"""Control events in phrasings the third blind batch missed or misread: a town declared "free",
a headline in Title Case, armed men told as present in a town, a withdrawal named as a noun with
its force after "of", a second verb after "and" that ends the first verb's object; and what is
no event: a fall only supposed ("if confirmed, would"), a condition ("until the army
withdrew"), the terms of a deal, a leader's flight, a withdrawal from a union or a treaty, land
in general under someone's control. Read through the real geoparser; the sentences are written
for these tests."""
from __future__ import annotations

from controlmap.article import article_from_text
from controlmap.events import event_to_dict, extract_events
from controlmap.geoparse import geoparse

HOMS, DAMASCUS, HAMA = "geonames:169577", "geonames:170654", "geonames:170017"
WAD_MADANI, BUKAVU, MEKELLE = "geonames:364103", "geonames:217831", "geonames:331180"
SANAA, KHERSON = "geonames:71137", "geonames:706448"


def told(text: str, published: str, gazetteer) -> list[tuple]:
    article = article_from_text(text, published=published)
    return [(e["change"], e["side"], e["id"] or e["place_text"])
            for e in map(event_to_dict, extract_events(article, geoparse(article, gazetteer=gazetteer)))]


# --- a town declared free ------------------------------------------------------------------


def test_a_town_declared_free_is_retaken_by_the_declarer(gazetteer):
    events = told("Syrian rebels on Saturday declared the city of Homs free from the rule of the regime.",
                  "2024-12-08", gazetteer)
    assert ("retook", "opposition", HOMS) in events


def test_a_capital_declared_free_in_scare_quotes_is_a_gain(gazetteer):
    events = told("Syrian rebels have declared the capital Damascus \u201cfree,\u201d state media said.",
                  "2024-12-08", gazetteer)
    assert ("retook", "opposition", DAMASCUS) in events


def test_a_town_declared_free_to_choose_is_no_gain(gazetteer):
    assert not told("The rebels declared Homs free to hold its own elections.", "2024-12-08", gazetteer)


def test_a_passive_declared_liberated_in_a_sides_words_is_its_gain(gazetteer):
    events = told("\u201cThe city is now declared completely liberated,\u201d the Rapid Support Forces said of "
                  "Wad Madani.", "2023-12-19", gazetteer)
    assert [e for e in events if e[0] in ("captured", "retook") and e[1] == "RSF"]


# --- headlines in Title Case ---------------------------------------------------------------


def test_a_title_case_headline_with_control_is_a_holding(gazetteer):
    events = told("Houthi Fighters Control Sanaa\nHouthi fighters took over the presidential palace on Tuesday.",
                  "2015-01-20", gazetteer)
    # (the headline's "Sanaa" may stay unresolved: the geoparser reads Title Case warily)
    assert ("holds", "Houthis", SANAA) in events or ("holds", "Houthis", "Sanaa") in events


def test_a_capitalised_control_inside_a_name_is_no_holding(gazetteer):
    assert not told("The Air Traffic Control Centre in Sanaa was closed on Monday.", "2015-01-20", gazetteer)


def test_a_claim_of_full_control_in_scare_quotes_is_a_holding(gazetteer):
    events = told("Russian forces claim 'full control' of Kherson, the defence ministry said.", "2022-03-03",
                  gazetteer)
    assert ("holds", "Russia", KHERSON) in events


# --- presence as entry ---------------------------------------------------------------------


def test_armed_men_at_the_centre_of_a_town_entered_it(gazetteer):
    events = told("Witnesses said fighters from the Rapid Support Forces, riding pickup trucks mounted with "
                  "machineguns, were at the centre of Wad Madani on Monday.", "2023-12-19", gazetteer)
    assert ("entered", "RSF", WAD_MADANI) in events


def test_rebels_seen_in_a_town_entered_it(gazetteer):
    events = told("M23 rebels were seen in the centre of Bukavu on Sunday, a local official said.", "2025-02-16",
                  gazetteer)
    assert ("entered", "M23", BUKAVU) in events


def test_residents_in_a_town_are_no_entry(gazetteer):
    assert not told("Thousands of residents were in Bukavu when the shelling began.", "2025-02-16", gazetteer)


# --- withdrawals told as nouns ---------------------------------------------------------------


def test_the_withdrawal_of_a_force_after_a_retaking_leaves_the_retaken_town(gazetteer):
    events = told("Tigrayan fighters entered Mekelle on Monday. The recapture of the city by Tigrayan fighters "
                  "and the withdrawal of Ethiopian government troops stunned the capital.", "2021-06-29", gazetteer)
    assert ("retook", "Tigray forces", MEKELLE) in events
    assert ("withdrew", "Ethiopian government", MEKELLE) in events


def test_the_withdrawal_of_a_force_from_a_town_is_its_withdrawal(gazetteer):
    events = told("The withdrawal of Russian troops from Kherson was completed on Friday.", "2022-11-12",
                  gazetteer)
    assert ("withdrew", "Russia", KHERSON) in events


def test_a_gain_told_after_a_withdrawal_does_not_give_the_withdrawal_its_place(gazetteer):
    events = told("Rebels seized Hama on Thursday. The hurried government withdrawal, which began overnight, "
                  "follows the capture on Friday of Homs by the rebels.", "2024-12-08", gazetteer)
    assert ("withdrew", "government", HOMS) not in events


# --- two verbs, two objects ------------------------------------------------------------------


def test_a_second_verb_after_and_ends_the_first_verbs_object(gazetteer):
    text = ("Rebels took Homs on Saturday. The rebels said they had entered the Syrian capital and taken control "
            "of the notorious prison north of Damascus.")
    events = told(text, "2024-12-08", gazetteer)
    entries = [e for e in events if e[0] == "entered"]
    assert entries == [("entered", "opposition", DAMASCUS)]
    article = article_from_text(text, published="2024-12-08")
    entered = [e for e in extract_events(article, geoparse(article, gazetteer=gazetteer)) if e.change == "entered"]
    assert [e.place_text for e in entered] == ["the Syrian capital"]


# --- not events ------------------------------------------------------------------------------


def test_a_fall_only_supposed_is_no_event(gazetteer):
    events = told("M23 rebels entered Bukavu. The fall of Bukavu, if confirmed, would be the biggest expansion "
                  "of territory under the M23's control since 2022.", "2025-02-16", gazetteer)
    assert events == [("entered", "M23", BUKAVU)]


def test_a_condition_of_until_is_no_withdrawal(gazetteer):
    assert not told("A Tigrayan spokesman said their forces would not stop until the Ethiopian army and its "
                    "allied forces withdrew from Mekelle.", "2021-06-29", gazetteer)


def test_the_terms_of_a_deal_are_no_capture(gazetteer):
    assert not told("\u201cThe deal is the rebels take Homs for three days, then they leave,\u201d a resident said.",
                    "2024-12-08", gazetteer)


def test_a_leaders_flight_is_no_withdrawal(gazetteer):
    events = told("Rebels captured Hama on Thursday. President Bashar al-Assad has fled Damascus, the rebels "
                  "said.", "2024-12-08", gazetteer)
    assert not [e for e in events if e[0] == "withdrew"]


def test_a_leader_named_alone_who_fled_is_no_withdrawal(gazetteer):
    events = told("Government troops pulled out of Hama on Thursday. The rebels said that Assad had fled.",
                  "2024-12-08", gazetteer)
    assert [e for e in events if e[0] == "withdrew"] == [("withdrew", "government", HAMA)]


def test_troops_fleeing_a_town_still_withdraw(gazetteer):
    events = told("Rebels captured Hama on Thursday. Government troops fled Homs on Friday.", "2024-12-08",
                  gazetteer)
    assert ("withdrew", "government", HOMS) in events


def test_a_withdrawal_from_a_union_is_no_withdrawal(gazetteer):
    events = told("Ukrainian troops held Avdiivka. The Soviet Union collapsed in 1991, when Ukraine announced its "
                  "withdrawal from the Soviet Union.", "2024-02-18", gazetteer)
    assert not [e for e in events if e[0] == "withdrew"]


def test_a_withdrawal_from_a_deal_is_no_withdrawal_from_the_place_it_names(gazetteer):
    events = told("Russian forces pressed on near Kharkiv. Russia announced its withdrawal from the Black Sea grain "
                  "deal on Monday.", "2023-07-18", gazetteer)
    assert not [e for e in events if e[0] == "withdrew"]


# --- control told as a noun, and whose it is ---------------------------------------------------

LASHIO, AVDIIVKA, BAKHMUT = "geonames:1314759", "geonames:713122", "geonames:713174"


def test_the_loss_of_a_town_called_a_defeat_for_a_side_is_that_sides_loss(gazetteer):
    events = told("The loss of Lashio, the first regional command to go, marks a major defeat for the junta.",
                  "2024-08-05", gazetteer)
    assert ("lost", "junta", LASHIO) in events


def test_its_capture_called_a_blow_to_the_army_is_the_other_sides_gain(gazetteer):
    events = told("The RSF shelled Wad Madani for three days. Its capture is a serious blow to the embattled army, "
                  "which is losing ground to the RSF.", "2023-12-19", gazetteer)
    assert ("captured", "RSF", WAD_MADANI) in events


def test_the_capture_of_a_town_called_a_victory_for_a_side_is_its_gain(gazetteer):
    events = told("The capture of Bakhmut was an important victory for Wagner fighters.", "2023-05-21", gazetteer)
    assert ("captured", "Russia", BAKHMUT) in events


def test_the_loss_of_territory_in_general_is_no_event(gazetteer):
    events = told("The RSF shelled Wad Madani. The army admitted the loss of territory to the RSF on Sunday.",
                  "2023-12-19", gazetteer)
    assert not [e for e in events if e[0] == "lost"]


def test_a_town_that_appears_to_have_fallen_into_rebel_hands_was_taken(gazetteer):
    events = told("Rebels entered Homs on Friday. The city, a vital link between Damascus and the coast, appears "
                  "to have fallen into rebel hands, media reported.", "2024-12-08", gazetteer)
    assert ("captured", "opposition", HOMS) in events


def test_reassumed_control_is_a_retaking(gazetteer):
    assert ("retook", "Tigray forces", MEKELLE) in told("The TPLF has now reassumed control of Mekelle.",
                                                         "2021-06-29", gazetteer)


def test_a_regions_regional_capital_is_the_capital_the_article_names(gazetteer):
    events = told("Tigrayan forces fought near Mekelle for days. The TPLF has now reassumed control of Tigray's "
                  "regional capital.", "2021-06-29", gazetteer)
    assert ("retook", "Tigray forces", MEKELLE) in events


def test_back_in_their_grip_is_held_by_the_side_the_pronoun_is(gazetteer):
    events = told("Tigrayan fighters entered Mekelle. They said the city was \u201c100%\u201d back in their grip.",
                  "2021-06-29", gazetteer)
    assert ("holds", "Tigray forces", MEKELLE) in events


def test_back_in_their_grip_is_not_held_by_the_side_that_retreated(gazetteer):
    events = told("Tigrayan fighters entered Mekelle. They added that the Ethiopian forces have retreated from "
                  "Mekelle and that the city was back in their grip.", "2021-06-29", gazetteer)
    assert not [e for e in events if e[0] == "holds" and e[1] == "Ethiopian government"]


def test_the_return_of_a_force_to_a_town_is_its_entry(gazetteer):
    events = told("Tigrayan forces fought their way back to Mekelle. Residents witnessed the return of Tigrayan "
                  "troops to the city on Monday.", "2021-06-29", gazetteer)
    assert ("entered", "Tigray forces", MEKELLE) in events


def test_the_withdrawal_of_a_demonyms_troops_is_that_sides(gazetteer):
    events = told("The withdrawal of Tigrayan troops from Mekelle began on Monday.", "2021-06-29", gazetteer)
    assert ("withdrew", "Tigray forces", MEKELLE) in events


# --- withdrawals told with other words ---------------------------------------------------------


def test_an_army_that_began_retreating_left_the_town_the_others_entered(gazetteer):
    events = told("HTS said its forces had entered Homs after the Syrian army began retreating to its outskirts.",
                  "2024-12-08", gazetteer)
    assert ("withdrew", "government", HOMS) in events


def test_attacking_retreating_troops_is_no_withdrawal_of_the_attacker(gazetteer):
    events = told("Syrian rebels attacked retreating troops near Homs on Friday.", "2024-12-08", gazetteer)
    assert not [e for e in events if e[0] == "withdrew" and e[1] == "opposition"]


def test_a_withdrawal_in_the_early_hours_left_the_town_told_before(gazetteer):
    events = told("Ukrainian troops held Avdiivka for years. Ukrainian forces announced they had withdrawn in the "
                  "early hours of Saturday.", "2024-02-18", gazetteer)
    assert ("withdrew", "Ukraine", AVDIIVKA) in events


RAMADI = "geonames:98717"


def test_forces_in_the_city_that_retreated_or_were_killed_left_it(gazetteer):
    events = told("Islamic State fighters stormed Ramadi on Friday. A tribal leader said that all security forces "
                  "in the city had retreated or been killed.", "2015-05-18", gazetteer)
    # (the registry's row for Iraq's forces in the war against IS has the side "Iraq")
    assert ("withdrew", "Iraq", RAMADI) in events


def test_videos_showing_fighters_inside_a_town_tell_their_entry(gazetteer):
    events = told("The RSF advanced on Wad Madani. Videos posted online by RSF fighters showed them inside the city.",
                  "2023-12-19", gazetteer)
    assert ("entered", "RSF", WAD_MADANI) in events


def test_a_town_named_after_its_rank_and_a_bracketed_acronym_opening_a_paragraph(gazetteer):
    events = told("Reporting by staff\nFebruary 16, 2025\n\nM23 rebels were seen in the centre of eastern Democratic "
                  "Republic of Congo's (DRC) second-largest city, Bukavu, a local official said.", "2025-02-16",
                  gazetteer)
    assert ("entered", "M23", BUKAVU) in events


# --- two subjects, each with its objects; a heading's gain -------------------------------------

KHARTOUM, KHARKIV, KYIV = "geonames:379252", "geonames:706483", "geonames:703448"


def test_each_subject_of_a_while_sentence_holds_its_own_listed_parts(gazetteer):
    events = told("While the RSF keeps control of western Darfur, the army dominates the north, the east and parts "
                  "of Khartoum.", "2025-01-13", gazetteer)
    assert ("holds", "SAF", KHARTOUM) in events
    assert ("holds", "RSF", KHARTOUM) not in events


def test_a_part_of_a_town_closing_a_list_of_held_ground_is_held(gazetteer):
    events = told("Russian forces control the east and parts of Kharkiv, while Ukraine holds Kyiv.", "2022-03-10",
                  gazetteer)
    assert ("holds", "Russia", KHARKIV) in events
    assert ("holds", "Ukraine", KYIV) in events
    assert ("holds", "Russia", KYIV) not in events


def test_a_heading_naming_a_capture_takes_the_side_the_section_tells(gazetteer):
    text = ("Rebels took Hama last week.\n\nCapture of Homs\n\nHTS announced that its forces had entered Homs on "
            "Saturday.")
    article = article_from_text(text, published="2024-12-08")
    events = extract_events(article, geoparse(article, gazetteer=gazetteer))
    heading = [e for e in events if e.sentence.strip() == "Capture of Homs"]
    assert [(e.change, e.side, e.place.entry.id, e.date.isoformat()) for e in heading] == [
        ("captured", "opposition", HOMS, "2024-12-07")]


def test_a_heading_naming_a_capture_no_section_tells_gives_nothing(gazetteer):
    assert not told("Capture of Homs\n\nOfficials met in Homs on Saturday.", "2024-12-08", gazetteer)


def test_a_leader_hailing_a_capture_as_a_victory_names_the_captor(gazetteer):
    events = told("Russian President Vladimir Putin called the capture of Avdiivka an important victory on Sunday.",
                  "2024-02-18", gazetteer)
    assert ("captured", "Russia", AVDIIVKA) in events


def test_a_leader_calling_a_capture_a_loss_is_not_its_captor(gazetteer):
    events = told("Ukraine's president called the capture of Avdiivka a painful loss.", "2024-02-18", gazetteer)
    assert not [e for e in events if e[0] == "captured" and e[1] == "Ukraine"]


def test_a_capture_that_could_open_the_road_still_happened(gazetteer):
    events = told("The capture of Avdiivka by Russian forces could open the road west.", "2024-02-18", gazetteer)
    assert ("captured", "Russia", AVDIIVKA) in events


def test_a_headline_withdrawal_with_no_place_takes_the_place_the_story_tells(gazetteer):
    events = told("Iraqi forces flee as militants advance\nBAGHDAD -- The last Iraqi security forces fled Ramadi on "
                  "Sunday, as the city fell completely to the Islamic State.", "2015-05-18", gazetteer)
    withdrawals = [e for e in events if e[0] == "withdrew"]
    assert withdrawals and all(e[2] == RAMADI for e in withdrawals)
    assert ("captured", "Islamic State", RAMADI) in events


def test_a_headline_withdrawal_the_story_gives_no_place_is_dropped(gazetteer):
    assert not told("Iraqi forces flee\nOfficials met in Baghdad on Sunday.", "2015-05-18", gazetteer)


def test_the_former_stronghold_points_back_to_the_town_named_before(gazetteer):
    events = told("Russia said on Saturday it had taken full control of the eastern Ukrainian city of Avdiivka, hours "
                  "after Kyiv said it had pulled out of the former stronghold.", "2024-02-18", gazetteer)
    assert ("withdrew", "Ukraine", AVDIIVKA) in events


def test_a_later_capture_of_the_town_an_opening_the_city_was_read_at_has_the_same_captor(gazetteer):
    events = told("The recapture of the city by Tigrayan fighters on Monday marked a stunning turn in the war.\n\n"
                  "Following the capture of Mekelle, the government announced a ceasefire.", "2021-06-29", gazetteer)
    assert [e for e in events if e[0] == "captured"] == [("captured", "Tigray forces", MEKELLE)]


def test_a_loss_admitted_with_no_place_is_the_loss_told_before(gazetteer):
    article = article_from_text("The Sudanese army retook Wad Madani on Saturday. RSF leader Mohamed Hamdan Dagalo "
                                "admitted the loss in an audio statement.", published="2025-01-13")
    events = extract_events(article, geoparse(article, gazetteer=gazetteer))
    losses = [(e.side, e.place.entry.id, e.date.isoformat()) for e in events if e.change == "lost"]
    assert losses == [("RSF", WAD_MADANI, "2025-01-11")]


def test_a_loss_admitted_with_nothing_told_before_gives_nothing(gazetteer):
    assert not told("RSF leader Mohamed Hamdan Dagalo admitted the loss in an audio statement.", "2025-01-13",
                    gazetteer)


def test_in_the_hands_of_our_forces_is_held_by_the_speaker(gazetteer):
    events = told("\u201cMekelle is firmly in the hands of our forces,\u201d the TPLF said on Tuesday.", "2021-06-29",
                  gazetteer)
    assert ("holds", "Tigray forces", MEKELLE) in events


def test_in_the_hands_of_our_forces_with_no_speaker_named_is_no_side(gazetteer):
    assert not told("\u201cMekelle is firmly in the hands of our forces,\u201d he said.", "2021-06-29", gazetteer)


def test_dominating_a_scene_in_a_town_is_no_holding(gazetteer):
    assert not told("The army dominates the political scene in Khartoum.", "2025-01-13", gazetteer)


def test_troops_in_a_town_for_months_is_a_stay_not_an_entry(gazetteer):
    events = told("Russian troops were in Kherson for eight months.", "2022-11-12", gazetteer)
    assert not [e for e in events if e[0] == "entered"]


def test_the_loss_of_life_in_a_town_is_no_loss_of_the_town(gazetteer):
    events = told("The army shelled Homs for days. The heavy loss of life in Homs was a blow to the regime, and the "
                  "army admitted the loss of soldiers in Homs.", "2024-12-08", gazetteer)
    assert not [e for e in events if e[0] == "lost"]


SAYDNAYA = "geonames:164717"


def test_a_facility_named_after_a_town_the_geoparser_missed_is_at_that_town(gazetteer):
    events = told("The rebels said they had entered Damascus and taken control of the notorious Saydnaya Military "
                  "Prison north of Damascus.", "2024-12-08", gazetteer)
    assert ("entered", "opposition", DAMASCUS) in events
    assert ("captured", "opposition", SAYDNAYA) in events
    assert ("captured", "opposition", DAMASCUS) not in events


def test_an_area_the_size_of_a_state_is_not_that_state(gazetteer):
    article = article_from_text("Tuareg rebels seized Gao on Friday. Within 72 hours, the rebels have seized an area "
                                "the size of Texas.", published="2012-04-01")
    events = extract_events(article, geoparse(article, gazetteer=gazetteer))
    sized = [e for e in events if "Texas" in e.place_text]
    assert sized and all(e.place is None for e in sized)


def test_a_headline_under_a_section_label_is_a_sentence_of_its_own(gazetteer):
    text = ("WORLD\nM23 rebels enter centre of Congo's strategic city Bukavu\nThe fall of Bukavu, if confirmed, "
            "would be the most significant expansion of territory under M23 control since the insurgency began.")
    article = article_from_text(text, published="2025-02-16")
    events = extract_events(article, geoparse(article, gazetteer=gazetteer))
    assert [(e.change, e.side, e.place.entry.id) for e in events] == [("entered", "M23", BUKAVU)]
    assert events[0].sentence == "M23 rebels enter centre of Congo's strategic city Bukavu"
