"""Control events whose actor the press names through a pronoun, a quote, a qualifier or a
loss to another side: "it" after a named group, "our forces" in a spokesman's quote, "the
Ethiopian government's forces", "X lost Y to Z", and armed groups that the registry once
folded into one side's row (the MNDAA, the TNLA, Wazalendo). Read through the real
geoparser; the sentences are written for these tests."""
from __future__ import annotations

from controlmap.article import article_from_text
from controlmap.events import event_to_dict, extract_events
from controlmap.geoparse import geoparse


def told(text: str, published: str, gazetteer) -> list[tuple]:
    """(change, canonical actor, side, place name or words) of every event ``text`` tells."""
    article = article_from_text(text, published=published)
    return [(e["change"], e["actor"], e["side"], e["name"] or e["place_text"])
            for e in map(event_to_dict, extract_events(article, geoparse(article, gazetteer=gazetteer)))]


# --- armed groups named on their own --------------------------------------------------------


def test_a_named_ethnic_armed_group_is_its_own_actor_on_the_resistance_side(gazetteer):
    events = told("The Myanmar National Democratic Alliance Army (MNDAA) said on Wednesday it had captured the "
                  "town of Hsipaw after two weeks of fighting.", "2024-01-10", gazetteer)
    assert [(c, a, s) for c, a, s, _ in events] == [("captured", "MNDAA", "resistance")]


def test_bare_rebels_are_the_one_group_of_their_side_the_article_names(gazetteer):
    events = told("The Ta'ang National Liberation Army has fought the junta since October. On Tuesday the rebels "
                  "said they had taken the town of Mogok in Mandalay region.", "2024-07-25", gazetteer)
    assert [(c, a, s) for c, a, s, _ in events] == [("captured", "TNLA", "resistance")]


def test_bare_rebels_stay_the_whole_side_when_two_of_its_groups_are_named(gazetteer):
    events = told("The MNDAA and the TNLA launched an offensive in October. On Tuesday the rebels said they had "
                  "taken the town of Lashio in northern Shan State.", "2024-07-25", gazetteer)
    assert [(c, a, s) for c, a, s, _ in events] == [("captured", "Myanmar resistance", "resistance")]


def test_a_rebel_army_is_no_army_of_the_junta(gazetteer):
    events = told("A rebel army in Myanmar said on Thursday it had seized control of the town of Lashio near the "
                  "Chinese border.", "2024-07-25", gazetteer)
    assert [(c, s) for c, _, s, _ in events] == [("captured", "resistance")]


def test_the_congolese_armys_allied_militias_are_named_on_its_side(gazetteer):
    events = told("Wazalendo fighters retook the town of Walikale from M23 rebels on Sunday, local officials said.",
                  "2025-03-23", gazetteer)
    assert [(c, a, s) for c, a, s, _ in events] == [("retook", "Wazalendo", "DRC government")]


# --- pronouns and quotes ----------------------------------------------------------------------


def test_it_after_a_capitals_possessive_advance_is_that_state(gazetteer):
    events = told("The fall of Avdiivka was Moscow's biggest gain since it took the city of Bakhmut in May, "
                  "although Ukrainian units still held parts of the town.", "2024-02-18", gazetteer)
    assert ("captured", "Russian forces", "Russia", "Bakhmut") in events


def test_our_forces_in_a_quote_are_the_side_whose_spokesman_was_quoted(gazetteer):
    text = ("Tigrayan leaders rejected the truce on Tuesday.\n\n"
            "\"We will not accept it,\" Getachew Reda, spokesman for the Tigray People's Liberation Front (TPLF), "
            "said by phone.\n\n"
            "\"Mekelle is firmly in the hands of our forces,\" he said.")
    assert [(c, s, p) for c, _, s, p in told(text, "2021-06-29", gazetteer)] == [("holds", "Tigray forces", "Mek'ele")]


def test_they_stands_for_the_rebels_not_a_military_title_named_since(gazetteer):
    text = ("Tuareg rebels entered the town of Timbuktu on Sunday and planted their flag over the offices of the "
            "governor and the military commandant. Within three days, they have seized the town of Gao.")
    events = told(text, "2012-04-02", gazetteer)
    assert ("captured", "Tuareg rebels", "Tuareg rebels", "Gao") in events
    assert not [e for e in events if e[2] == "government"]


# --- qualifiers ---------------------------------------------------------------------------------


def test_a_governments_forces_with_its_demonym_are_that_states(gazetteer):
    events = told("The Ethiopian government's forces withdrew from Mekelle on Monday, residents said.", "2021-06-29",
                  gazetteer)
    assert [(c, a, s) for c, a, s, _ in events] == [("withdrew", "Ethiopian National Defense Force",
                                                      "Ethiopian government")]


# --- "X lost Y to Z" -----------------------------------------------------------------------------


def test_a_country_that_lost_a_town_to_forces_is_the_loser_and_they_the_captors(gazetteer):
    events = told("Ethiopia lost Lalibela to Tigrayan forces in August, months before its army returned.",
                  "2021-12-13", gazetteer)
    assert [(c, s, p) for c, _, s, p in events] == [("lost", "Ethiopian government", "Lalibela"),
                                                    ("captured", "Tigray forces", "Lalibela")]


def test_the_place_lost_is_the_object_not_the_loser(gazetteer):
    events = told("Russia lost Kherson to Ukrainian forces in November.", "2023-01-10", gazetteer)
    assert [(c, s, p) for c, _, s, p in events] == [("lost", "Russia", "Kherson"), ("captured", "Ukraine", "Kherson")]


def test_a_town_lost_to_rebels_was_taken_by_them(gazetteer):
    for text in ("Kidal was lost to Tuareg rebels on Friday, a Malian officer said.",
                 "Kidal, lost in March to Tuareg rebels, is quiet now."):
        assert [(c, s, p) for c, _, s, p in told(text, "2012-04-02", gazetteer)] == [
            ("captured", "Tuareg rebels", "Kidal")], text


# --- pronouns and "the group" in what a side says -------------------------------------------------


def test_it_in_what_an_armed_group_says_is_that_group_not_the_troops_it_tells_of(gazetteer):
    events = told("The Arakan Army said junta troops had fled and that it had seized the town of Maungdaw.",
                  "2024-12-09", gazetteer)
    assert [(c, a) for c, a, _, p in events if p == "Maungdaw"] == [("captured", "Arakan Army")]


def test_it_after_a_second_speaker_is_that_speaker(gazetteer):
    events = told("Rebels said they had captured Hama, but the army said it still held the city on Friday.",
                  "2024-12-05", gazetteer)
    assert ("holds", "government") in [(c, s) for c, _, s, _ in events]


def test_the_groups_fighters_are_the_group_its_spokesman_speaks_for(gazetteer):
    text = ("The MNDAA and the TNLA began a joint offensive in October. MNDAA spokesman Li Jiawen said the "
            "group's fighters had captured Lashio.")
    assert [(c, a) for c, a, _, _ in told(text, "2024-07-26", gazetteer)] == [("captured", "MNDAA")]


def test_a_militia_of_a_people_loyal_to_the_regime_is_on_the_regimes_side(gazetteer):
    events = told("Assad's army withdrew on Friday, but a militia of Alawite villagers loyal to the regime still "
                  "held the town of Masyaf.", "2024-12-07", gazetteer)
    held = [s for c, _, s, _ in events if c == "holds"]
    assert held == ["government"]


def test_it_in_a_relative_clause_is_not_the_second_country_a_preposition_governs(gazetteer):
    events = told("The fall of Ramadi was the biggest victory this year for the extremist group, which has "
                  "declared a caliphate in the vast areas of Syria and Iraq that it controls. Islamic State "
                  "fighters now hold the city.", "2015-05-18", gazetteer)
    held = [(a, s) for c, a, s, _ in events if c == "holds"]
    assert held and all(s == "Islamic State" for _, s in held)


def test_a_loss_of_territory_to_a_side_is_that_sides_capture(gazetteer):
    events = told("The RSF swept into Wad Madani on Monday. Its capture is a serious blow to the embattled army as "
                  "it tries to contain the loss of territory to the RSF.", "2023-12-19", gazetteer)
    assert ("captured", "RSF") in [(c, s) for c, _, s, _ in events]


def test_our_control_is_the_side_whose_spokesman_is_named_after_the_speech_verb(gazetteer):
    events = told("\"Goma is under our control,\" said Lawrence Kanyuka, the spokesman of the AFC/M23 alliance.",
                  "2025-01-27", gazetteer)
    assert [(c, a, p) for c, a, _, p in events] == [("holds", "M23", "Goma")]


def test_our_forces_after_a_groups_spokesman_speaks_are_that_group(gazetteer):
    events = told("Getachew Reda, a TPLF spokesman, said by phone: \"Our forces have taken full control of Mekelle.\"",
                  "2021-06-29", gazetteer)
    assert [(c, s, p) for c, _, s, p in events] == [("captured", "Tigray forces", "Mek'ele")]


def test_yemens_and_syrias_named_factions_keep_their_names_on_their_sides(gazetteer):
    yemen = told("The Giants Brigades said they had recaptured the district of Usaylan in Shabwa from the Houthis.",
                 "2022-01-10", gazetteer)
    syria = told("The Southern Operations Room said its fighters had entered Damascus on Saturday.", "2024-12-08",
                 gazetteer)
    assert [(c, a, s) for c, a, s, _ in yemen] == [("retook", "Giants Brigades", "government")]
    assert [(c, a, s) for c, a, s, _ in syria] == [("entered", "Southern Operations Room", "opposition")]


def test_a_rebel_army_is_the_wars_own_rebels_and_no_one_s_army(gazetteer):
    events = told("A rebel army backed by Rwanda said on Monday it had captured Goma, the largest city in eastern "
                  "Congo.", "2025-01-27", gazetteer)
    assert [(c, a) for c, a, _, p in events if p == "Goma"] == [("captured", "M23")]
