"""Control events in phrasings whole articles use and sentence-level rules once missed: scare
quotes, nouns of loss, holdings told in appositions and relative clauses, verbs of moving in,
withdrawals that name no place, media outlets run by a side, and the dates of clauses hung on
other clauses. Read through the real geoparser; the sentences are written for these tests."""
from __future__ import annotations

from controlmap.article import article_from_text
from controlmap.events import event_to_dict, extract_events
from controlmap.geoparse import geoparse


def told(text: str, published: str, gazetteer) -> list[tuple]:
    article = article_from_text(text, published=published)
    return [(e["change"], e["side"], e["id"], e["date"], e["date_precision"])
            for e in map(event_to_dict, extract_events(article, geoparse(article, gazetteer=gazetteer)))]


# --- phrasings ---------------------------------------------------------------------------


def test_declared_liberated_in_scare_quotes_is_a_retaking(gazetteer):
    assert told('The army chief declared the northern town of Kidal "liberated" in a statement.', "2023-11-20",
                gazetteer) == [("retook", "government", "geonames:2455290", "2023-11-20", "on-or-before-publication")]


def test_a_headline_saying_a_town_liberated_in_quotes_is_the_speakers_retaking(gazetteer):
    assert told("Malian army says Kidal 'liberated' from rebels\n\nThe army entered the town on Tuesday.",
                "2023-11-20", gazetteer)[0] == (
        "retook", "government", "geonames:2455290", "2023-11-20", "on-or-before-publication")


def test_said_before_a_clause_with_its_own_subject_is_no_liberation(gazetteer):
    assert told("Officials said Ukrainian forces recaptured Kherson on Friday.", "2022-11-13", gazetteer) == [
        ("retook", "Ukraine", "geonames:706448", "2022-11-11", "day")]


def test_the_loss_of_a_town_is_the_speakers_sides_loss(gazetteer):
    events = told("Government forces took Gharyan on Wednesday. An LNA spokesman acknowledged the loss of the "
                  "town but said his forces would recapture it soon.", "2019-06-28", gazetteer)
    assert ("lost", "LNA", "geonames:2217362", "2019-06-26", "day") in events


def test_the_first_capital_to_fall_to_is_a_fall(gazetteer):
    assert told("Diplomats said Kidal was the first regional capital to fall to the rebels since the coup.",
                "2012-04-01", gazetteer) == [("captured", "opposition", "geonames:2455290", "2012-04-01",
                                              "on-or-before-publication")]
    # an infinitive with no ordinal is an aim or a fear
    assert told("Diplomats said Kidal is likely to fall to the rebels.", "2012-04-01", gazetteer) == []


def test_a_town_under_a_groups_control_in_an_apposition_is_held(gazetteer):
    events = told("Iraqi forces retook Ramadi from Islamic State on Sunday. The minister vowed that Mosul, the "
                  "largest city under Islamic State control, would be next.", "2015-12-29", gazetteer)
    assert ("holds", "Islamic State", "geonames:99072", "2015-12-29", "on-or-before-publication") in events


def test_a_relative_clause_with_a_saying_keeps_its_head_as_the_subject(gazetteer):
    events = told("M23 rebels entered Goma on Monday. Shooting was heard near the airport, which a diplomat said "
                  "remained in the hands of Congolese troops.", "2025-01-29", gazetteer)
    assert ("holds", "DRC government", "icao:FZNA", "2025-01-29", "on-or-before-publication") in events


def test_moving_in_taking_up_positions_and_sending_troops_are_entries(gazetteer):
    assert told("Ethiopian troops move into Baidoa", "2006-07-21", gazetteer)[0] == (
        "entered", "Ethiopian government", "geonames:64536", "2006-07-21", "on-or-before-publication")
    assert told("Russian forces have also taken up positions in the town of Kupiansk, officials said.",
                "2022-03-01", gazetteer) == [("entered", "Russia", "geonames:703656", "2022-03-01",
                                              "on-or-before-publication")]


def test_the_progressive_surrounding_is_a_siege_the_adjective_is_not(gazetteer):
    assert told("The rebels said they had taken Lashio and were surrounding the town of Hsipaw.", "2024-08-05",
                gazetteer) == [
        ("captured", "resistance", "geonames:1314759", "2024-08-05", "on-or-before-publication"),
        ("besieged", "resistance", "curated:hsipaw", "2024-08-05", "on-or-before-publication")]
    assert "besieged" not in [e[0] for e in told("The rebels captured Lashio and the surrounding villages.",
                                                 "2024-08-05", gazetteer)]


def test_claims_full_control_of_is_a_holding(gazetteer):
    assert told("Russia claims full control of Bakhmut", "2023-05-21", gazetteer) == [
        ("holds", "Russia", "geonames:713174", "2023-05-21", "on-or-before-publication")]


def test_members_of_a_named_group_leaving_the_city_withdraw(gazetteer):
    events = told("The SDF captured Raqqa on Monday. The coalition said that members of Islamic State had left "
                  "the city in a convoy under a deal.", "2017-10-18", gazetteer)
    assert ("withdrew", "Islamic State", "geonames:172955", "2017-10-18", "on-or-before-publication") in events


# --- withdrawals that name no place -------------------------------------------------------


def test_a_headlines_pull_out_leaves_the_town_the_other_side_seizes(gazetteer):
    assert told("Syrian rebels seize Manbij centre as Kurdish fighters pull out", "2024-12-10", gazetteer) == [
        ("captured", "opposition", "geonames:167357", "2024-12-10", "on-or-before-publication"),
        ("withdrew", "SDF", "geonames:167357", "2024-12-10", "on-or-before-publication")]


def test_a_pullout_after_a_claim_of_control_leaves_that_town(gazetteer):
    assert told("Russia claims full control of Bakhmut after Ukrainian pullout", "2023-05-21", gazetteer) == [
        ("holds", "Russia", "geonames:713174", "2023-05-21", "on-or-before-publication"),
        ("withdrew", "Ukraine", "geonames:713174", "2023-05-21", "on-or-before-publication")]


def test_withdrawing_in_the_face_of_or_with_little_resistance_names_no_place(gazetteer):
    assert ("withdrew", "SAF", "geonames:366847", "2024-06-01", "month") in told(
        "The RSF seized Sinja in June 2024 after government troops pulled out with little resistance.",
        "2024-07-01", gazetteer)
    events = told("Rebel troops took full control of the town of Kidal on Sunday, the army said, after Malian "
                  "soldiers withdrew in the face of a week-long offensive.", "2023-11-20", gazetteer)
    assert [(e[0], e[2]) for e in events] == [("captured", "geonames:2455290"), ("withdrew", "geonames:2455290")]


def test_the_withdrawal_as_a_subject_is_the_withdrawal_told_before(gazetteer):
    events = told("Ukrainian forces withdrew from Bakhmut on Friday. The withdrawal was completed on Saturday, a "
                  "military spokesman said. Some soldiers were captured during the pullout, he added.",
                  "2023-05-21", gazetteer)
    assert events == [("withdrew", "Ukraine", "geonames:713174", "2023-05-19", "day"),
                      ("withdrew", "Ukraine", "geonames:713174", "2023-05-20", "day")]


def test_a_withdrawal_made_in_quotes_is_its_subjects(gazetteer):
    assert told('The army said government forces had made "a tactical withdrawal" from Kidal to spare civilians.',
                "2012-04-01", gazetteer) == [("withdrew", "government", "geonames:2455290", "2012-04-01",
                                              "on-or-before-publication")]


# --- not events ---------------------------------------------------------------------------


def test_a_media_outlet_run_by_a_side_is_no_holding(gazetteer):
    assert told("The Hamas-run Shehab news agency said Israeli jets had bombed Khan Younis overnight.",
                "2024-01-10", gazetteer) == []
    assert told("The junta-controlled Mirror of Myanmar daily accused the rebels of attacks.", "2024-01-10",
                gazetteer) == []
    # the adjective before a town still tells who holds it
    assert told("Israeli tanks advanced on Hamas-run Rafah.", "2024-05-10", gazetteer) == [
        ("holds", "Hamas", "geonames:281102", "2024-05-10", "on-or-before-publication")]


# --- dates --------------------------------------------------------------------------------


def test_a_date_after_a_long_apposition_dates_the_verb(gazetteer):
    assert told("Chadian forces captured the oasis town of Aozou, the main Libyan garrison in the disputed "
                "northern border strip, on Saturday after a fierce battle.", "1987-08-10", gazetteer) == [
        ("captured", "Chad", "geonames:2436628", "1987-08-08", "day")]


def test_a_when_clause_takes_the_date_it_hangs_on(gazetteer):
    assert told("The rout began in January, when Chadian troops overran Fada.", "1987-08-10", gazetteer) == [
        ("captured", "Chad", "geonames:244128", "1987-01-01", "month")]
    events = told("Turkey launched an offensive on Jan. 20 to drive the YPG out of the Afrin region, which the "
                  "militia had controlled since 2012, when Syrian government forces pulled out of Afrin.",
                  "2018-03-18", gazetteer)
    assert ("withdrew", "government", "geonames:174186", "2012-01-01", "year") in events


def test_a_since_after_a_coordinated_verb_does_not_date_the_first_holding(gazetteer):
    assert told("The RSF controls Nyala and has besieged El Fasher since May 2024.", "2025-01-12", gazetteer) == [
        ("holds", "RSF", "geonames:369004", "2025-01-12", "on-or-before-publication"),
        ("besieged", "RSF", "geonames:379555", "2024-05-01", "month")]


def test_an_adjective_holding_is_not_dated_by_the_verbs_since(gazetteer):
    events = told("Russian forces had laid siege to Avdiivka, a few kilometres north of the Russian-held city of "
                  "Donetsk, since October.", "2024-02-18", gazetteer)
    assert ("holds", "Russia", "geonames:709717", "2024-02-18", "on-or-before-publication") in events
    assert ("besieged", "Russia", "geonames:713122", "2023-10-01", "month") in events


def test_a_present_perfect_after_and_is_not_dated_by_the_clause_before(gazetteer):
    events = told("Rebels took Gao on Monday. The city was the first to fall to the rebels, in March 2012, and "
                  "the army has surrounded it since the summer.", "2012-12-28", gazetteer)
    assert ("captured", "opposition", "geonames:2457163", "2012-03-01", "month") in events
    assert ("besieged", "government", "geonames:2457163", "2012-01-01", "year") in events


def test_seasons_date_against_the_publication(gazetteer):
    events = told("The army has been advancing in Sennar state since the autumn, when it recaptured the towns of "
                  "Sinja and Dinder.", "2025-01-12", gazetteer)
    assert [(e[0], e[3], e[4]) for e in events] == [("retook", "2024-01-01", "year")] * 2
    # "the fall of" is a town's fall, no season
    assert told("Since the fall of Aleppo, rebels have held Idlib.", "2017-01-10", gazetteer) == [
        ("holds", "opposition", "geonames:169389", "2017-01-10", "on-or-before-publication")]
