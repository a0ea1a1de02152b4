"""Recognition rules for the words around names: people, abbreviations, feature words."""
import pytest

from controlmap.article import article_from_text
from controlmap.geoparse import geoparse


def _names(text, gazetteer):
    return [p.text for p in geoparse(article_from_text(text), gazetteer=gazetteer)]


def _places(text, gazetteer):
    return {p.text: p for p in geoparse(article_from_text(text), gazetteer=gazetteer)}


@pytest.mark.parametrize("text, person", [
    ("The trainer Mike de Kock won again in Dubai.", "Kock"),
    ("Sheikh Mohammed bin Rashid Al Maktoum opened the race.", "Rashid"),
])
def test_names_after_a_surname_particle_are_people(text, person, gazetteer):
    assert person not in " ".join(_names(text, gazetteer))


def test_a_country_after_de_is_still_the_country(gazetteer):
    assert "France" in _names("He rode the Tour de France twice.", gazetteer)


def test_mixed_case_abbreviations_are_not_places(gazetteer):
    assert _names("The MoD has confirmed the soldier's death. An MoD spokesman said so.", gazetteer) == []


def test_a_country_abbreviation_after_a_number_is_the_country(gazetteer):
    places = _places("Trump has not ordered the 2,000 U.S. troops out of Syria.", gazetteer)
    assert places["U.S."].entry.kind == "country" and places["U.S."].entry.country == "US"


def test_an_era_after_a_number_is_not_a_place(gazetteer):
    assert _names("The temple was built around 500 BC by the Persians.", gazetteer) == []


def test_the_surname_of_a_named_person_is_that_person(gazetteer):
    text = "John Bolton was named adviser. Trump hired Bolton anyway. Later he flew to Bolton in England."
    found = [p for p in geoparse(article_from_text(text), gazetteer=gazetteer) if p.text == "Bolton"]
    # only "to Bolton", where a preposition puts the town in play
    assert [text[p.start - 3:p.end] for p in found] == ["to Bolton"]


def test_a_title_noun_makes_a_person(gazetteer):
    assert _names("Russian leader Vladimir Putin spoke on Friday.", gazetteer) == []


def test_a_multi_word_name_before_airport_names_the_airport(gazetteer):
    places = _places("Flights resumed at Da Nang airport on Monday.", gazetteer)
    assert places["Da Nang airport"].entry.kind == "airport"


def test_a_county_leads_the_name_of_its_fair(gazetteer):
    places = _places("The 2008 Walker County Fair Queen visited Huntsville, Texas.", gazetteer)
    assert places["Walker County"].entry.kind == "admin2"


def test_the_home_town_after_a_party_letter_is_a_place(gazetteer):
    places = _places("State Sen. Robert Ford, D-Charleston, said he is optimistic.", gazetteer)
    assert places["Charleston"].entry.name == "Charleston"
    assert "D-Charleston" not in places


def test_downtown_puts_a_surname_like_town_in_play(gazetteer):
    text = "Greer, South Carolina, is growing. Downtown Greer, known locally as the Station, is busy."
    found = [p for p in geoparse(article_from_text(text), gazetteer=gazetteer) if p.text == "Greer"]
    assert len(found) == 2 and {p.entry.country for p in found} == {"US"}


def test_a_state_abbreviation_needs_its_full_stop(gazetteer):
    places = _places("Easter Sunday Mass was said in Boston, Mass. on Sunday.", gazetteer)
    assert list(places) == ["Boston", "Mass"]  # the second "Mass", written with its stop
    assert places["Mass"].start > 30 and places["Mass"].entry.name == "Massachusetts"
    assert _names("Wash your hands before swimming.", gazetteer) == []


def test_a_state_abbreviation_after_a_town_needs_no_stop(gazetteer):
    places = _places("EDMONTON, Ky (WBKO) -- One of the men was arrested.", gazetteer)
    assert places["Ky"].entry.name == "Kentucky"


def test_a_postal_code_opening_a_name_is_not_the_state(gazetteer):
    assert "PA" not in _names("PA officials welcomed the failure of the talks.", gazetteer)
    assert "PA" not in _names("In a statement, PA officials said they would wait.", gazetteer)
    assert _places("The plant in Erie, PA closed.", gazetteer)["PA"].entry.name == "Pennsylvania"
    assert _places("Officials in VA said the road is shut.", gazetteer)["VA"].entry.name == "Virginia"
    assert [p.entry.name for p in geoparse(article_from_text("Storms hit GA and MD."), gazetteer=gazetteer)] == [
        "Georgia", "Maryland"]


def test_quoted_sentence_openers_are_sentence_initial(gazetteer):
    assert _names("She looked up. “Can you imagine what Noah felt?” she said.", gazetteer) == []


def test_lone_compass_words_and_titles(gazetteer):
    assert _names("West said the budget was tight. State Sen. Ray Miller agreed.", gazetteer) == []
    assert "West" in _names("Relations between Russia and the West are poor.", gazetteer)


def test_a_headline_does_not_swallow_the_dateline_under_it(gazetteer):
    text = "ARMY REBELS OCCUPY MANILA HQ\nMANILA, April 18 - Rebels seized the army headquarters."
    places = [p for p in geoparse(article_from_text(text), gazetteer=gazetteer) if p.entry.name == "Manila"]
    assert any(p.start == text.index("MANILA,") for p in places)


@pytest.mark.parametrize("text, phrase, kind", [
    ("Israeli troops entered the Gaza strip on Monday.", "Gaza strip", "region"),
    ("Jets took off from Da Nang air base at dawn.", "Da Nang air base", "airport"),
])
def test_a_lower_case_feature_word_completes_the_name(text, phrase, kind, gazetteer):
    assert _places(text, gazetteer)[phrase].entry.kind == kind


def test_a_works_named_after_a_town_puts_the_town_in_play(gazetteer):
    places = _places("The Trail smelter, about 400 miles east of Vancouver, closed.", gazetteer)
    assert places["Trail"].entry.country == "CA"
    assert "Trail" not in _names("The trail was closed after the storm.", gazetteer)


@pytest.mark.parametrize("text, word, kept", [
    # an agency's acronym opening a sentence with a comma is no dateline
    ("Iran said it had taken the hills.\nIRNA, monitored by the BBC in London, said Iran had won.", "IRNA", "London"),
    # a town's old name leading a person's name
    ("They quoted an Iranian soldier, Hamid Dehqani, as saying the rain stopped them near Basra.", "Hamid", "Basra"),
    # a small town's name before "militia" names the militia
    ("Palestinian refugee camps in Beirut were besieged by Amal militia.", "Amal", "Beirut"),
])
def test_names_of_organisations_and_people_are_not_places(text, word, kept, gazetteer):
    names = _names(text, gazetteer)
    assert word not in names and kept in names


def test_a_word_of_the_place_s_own_name_still_leads_a_longer_name(gazetteer):
    """"Bronx Zoo": Bronx is a word of The Bronx's name, not a borrowed alternate."""
    assert "Bronx" in _names("Children visited the Bronx Zoo in New York on Saturday.", gazetteer)


def test_corridor_and_camp_complete_the_name_they_follow(gazetteer):
    places = _places("Israeli troops pulled out of the Netzarim corridor. The RSF overran the Zamzam camp.",
                     gazetteer)
    assert places["Netzarim corridor"].entry.id == "curated:netzarim-corridor"
    assert places["Zamzam camp"].entry.country == "SD"


@pytest.mark.parametrize("text, dateline", [
    ("HAMA, Syria — Rebels captured the city on Thursday.", "HAMA"),
    ("DARAA, Syria (AP) — Fighting continued in the south.", "DARAA"),
    ("RAQQA, Syria — The SDF said it held the city.", "RAQQA"),
])
def test_a_dateline_in_capitals_is_its_town_however_geonames_spells_it(text, dateline, gazetteer):
    assert dateline in _names(text, gazetteer)


def test_an_agency_s_acronym_before_a_possessive_is_no_dateline(gazetteer):
    assert "IRNA" not in _names("Iran said it won.\nIRNA, Iran's news agency, said so.", gazetteer)


def test_an_agency_before_another_agency_is_no_dateline(gazetteer):
    assert "IRNA" not in _names("Iran said it won.\nIRNA, Reuters reported, said the hills were taken.", gazetteer)


def test_neighbourhood_is_a_feature_word(gazetteer):
    places = _places("Strikes hit the Rimal neighbourhood of Gaza City on Monday.", gazetteer)
    assert places["Rimal neighbourhood"].entry.country == "PS"


def test_a_dateline_with_its_country_and_date(gazetteer):
    assert "MARIB" in _names("MARIB, Yemen, Jan 10 - The Houthis seized the city.", gazetteer)


@pytest.mark.parametrize("text, word", [
    # Organisations named after a place are not that place.
    ("The Kyiv Independent reported that Russian troops had entered Kurakhove.", "Kyiv"),
    ("The Israel Defense Forces said troops had entered Khiam in Lebanon.", "Israel"),
    ("Corneille Nangaa, who leads the Congo River Alliance, spoke in Goma.", "Congo River"),
    ("Radio Dabanga and the Sudan Tribune reported fighting in El Fasher.", "Sudan"),
    ("The Gaza Humanitarian Foundation said its sites in Rafah had closed.", "Gaza"),
    ("The Aleppo Media Centre posted footage of strikes on Idlib.", "Aleppo Media Centre"),  # (no Centre Region)
    ("Russia's Black Sea Fleet moved its ships from Sevastopol to Novorossiysk.", "Black Sea"),
    ("Shakhtar Donetsk, the city's football club, now plays its home games in Lviv.", "Donetsk"),
    # A given name before a surname no list knows is a person, even where a city has the
    # name (Hassan, India) and a village the surname (Nasrallah, Tunisia), and even when a
    # country or a large city has it.
    ("Naim Qassem, who succeeded Hassan Nasrallah, spoke on television from Lebanon.", "Hassan"),
    ("Jordan Bardella criticised the plan in Paris.", "Jordan"),
    ("Victoria Nuland said the talks in Kyiv had failed.", "Victoria"),
])
def test_organisations_and_people_named_like_places_are_not_places(text, word, gazetteer):
    places = geoparse(article_from_text(text), gazetteer=gazetteer)
    start = text.index(word)
    assert not [p.text for p in places if p.start < start + len(word) and start < p.end], word
    assert places  # the other places of the sentence are still found


@pytest.mark.parametrize("text, name", [
    ("Kyiv said the strike hit a power plant.", "Kyiv"),  # metonymy: the government is still the place
    ("Zhvania joined Georgia's Green Party in the 1980s.", "Georgia"),  # a country's party is about it
    ("Tom Del Beccaro, vice chairman of the California Republican Party, spoke.", "California"),
    ("The Palestine Independent School District sent a letter.", "Palestine"),  # not a newspaper
    ("The Cambridge Analytica scandal grew.", "Cambridge"),  # no given name before the brand
    ("Four Paris Policemen came.", "Paris"),  # an English plural after the name
    ("Economists at the Canada West Foundation disagreed.", "Canada"),  # a country's foundation is about it
    ("The Sudan Doctors Network said 40 people died.", "Sudan"),
])
def test_places_leading_other_names_that_stay_places(text, name, gazetteer):
    assert name in _names(text, gazetteer)


def test_a_news_agency_opening_a_sentence_with_its_description_is_no_place(gazetteer):
    from controlmap.mentions import find_mentions

    text = "SANA, the state news agency, said the army had retaken Hama."
    assert [m.name for m in find_mentions(text, gazetteer, {0})] == ["Hama"]
    # not a place named before someone else's words: "near Shiraz, the official news agency IRNA reported,"
    text = "A quake struck near Shiraz, the official news agency IRNA reported, adding that walls fell."
    assert "Shiraz" in [m.name for m in find_mentions(text, gazetteer, {0})]


@pytest.mark.parametrize("text, towns", [
    ("DUBAI/CAIRO, Dec 6 (Reuters) - The army retook Omdurman.", ["DUBAI", "CAIRO", "Omdurman"]),
    ("BEIRUT/AMMAN, Dec 6 (Reuters) - Syrian rebels reached Homs.", ["BEIRUT", "AMMAN", "Homs"]),
    ("CAIRO/GAZA, Dec 7 (Reuters) - Talks went on.", ["CAIRO", "GAZA"]),
    ("MOSCOW/KYIV, Dec 8 (Reuters) - Drones hit the city.", ["MOSCOW", "KYIV"]),
])
def test_every_town_of_a_two_city_dateline_is_a_place(text, towns, gazetteer):
    assert _names(text, gazetteer) == towns


def test_acronyms_joined_by_a_slash_inside_a_sentence_are_no_dateline(gazetteer):
    # (only a sentence-opening run of capitals, ending in a comma, is a dateline)
    assert "AU" not in _names("Troops of the joint UN/AU mission, officials said, left Darfur.", gazetteer)


@pytest.mark.parametrize("opener", ["Meanwhile", "Yesterday", "Later", "Overnight", "Still", "Eventually"])
def test_an_adverb_opening_a_sentence_does_not_hide_the_town_after_it(opener, gazetteer):
    from controlmap.article import article_from_text
    from controlmap.geoparse import geoparse

    text = f"Russian forces captured the town of Vuhledar on Saturday. {opener} Vuhledar was shelled again."
    names = [p.entry.id for p in geoparse(article_from_text(text), gazetteer=gazetteer)]
    assert names == ["geonames:690823", "geonames:690823"]


def test_a_spelling_variant_said_once_to_be_a_place_is_one_where_it_stands_alone(gazetteer):
    from controlmap.article import article_from_text
    from controlmap.geoparse import geoparse

    text = ("Turkish-backed fighters seized the town of Tal Rifaat in northern Syria on Sunday. Kurdish fighters had "
            "held Tal Rifaat since 2016.")
    found = [(p.text, p.entry.id) for p in geoparse(article_from_text(text), gazetteer=gazetteer)]
    assert found.count(("Tal Rifaat", "geonames:163476")) == 2


def test_a_small_town_named_before_fighters_is_the_group_not_the_town(gazetteer):
    from controlmap.article import article_from_text
    from controlmap.geoparse import geoparse

    found = [p.text for p in geoparse(article_from_text("Fano fighters had entered Bahir Dar."), gazetteer=gazetteer)]
    assert found == ["Bahir Dar"]  # (Fano, Italy, is a militia's name here)
    found = [p.text for p in geoparse(article_from_text("Idlib fighters entered Aleppo."), gazetteer=gazetteer)]
    assert "Idlib" in found  # (a large town still says where the fighters are from)


@pytest.mark.parametrize("text, word, kept", [
    ("Kyiv has used Storm Shadow and Neptune missiles against Crimea.", "Neptune", "Crimea"),
    ("A Bayraktar drone was seen near Huliaipole.", "Bayraktar", "Huliaipole"),
    ("Ukraine said it had destroyed the landing ship Novocherkassk in the port of Feodosia.", "Novocherkassk",
     "Feodosia"),
    ("A missile struck the submarine Rostov-on-Don in dry dock in Sevastopol.", "Rostov-on-Don", "Sevastopol"),
    # and the ship's name again, alone
    ("The cruiser Moskva sank off Odesa in April 2022. The Moskva had a crew of 500.", "Moskva", "Odesa"),
])
def test_ships_and_weapons_named_after_places_are_not_places(text, word, kept, gazetteer):
    names = _names(text, gazetteer)
    assert not [n for n in names if word in n] and kept in names, names


@pytest.mark.parametrize("text, place", [
    ("A drone hit Kyiv overnight.", "Kyiv"),
    ("In Huliaipole drones hit a school.", "Huliaipole"),  # the words before put the place in play
    ("Four U.S. Chinook helicopters landed in Kabul.", "U.S."),  # a country before the weapon's name
])
def test_places_beside_weapon_words_stay_places(text, place, gazetteer):
    assert place in _names(text, gazetteer)


def test_a_street_named_after_a_town_is_a_street_of_the_town_it_is_in(gazetteer):
    places = _places("Residents of Baghdad Street in Damascus reported gunfire.", gazetteer)
    assert "Baghdad" not in places
    assert places["Baghdad Street"].entry.id == places["Damascus"].entry.id == "geonames:170654"
    # a numbered route is a division's, and runs in it
    assert _places("The crash closed U.S. Highway 82 near Wichita Falls.", gazetteer)["U.S."].entry.kind == "country"


@pytest.mark.parametrize("text, person, kept", [
    ("The Kremlin said Vladimir Putin would visit Minsk.", "Vladimir", "Minsk"),
    ("Kobe Bryant scored 40 points in Los Angeles.", "Kobe", "Los Angeles"),
    ("Nigel Clough was sacked as manager after the defeat in Derby.", "Nigel", "Derby"),
    ("Sources close to Yevgeny Prigozhin said the column had left Rostov.", "Yevgeny", "Rostov"),
    ("Ethiopia's prime minister Abiy Ahmed visited Mekelle.", "Abiy", "Mekelle"),
])
def test_a_town_name_before_a_surname_in_running_text_is_a_given_name(text, person, kept, gazetteer):
    names = _names(text, gazetteer)
    assert person not in names and kept in names


def test_a_town_before_a_surname_leaves_the_place_it_names_elsewhere_alone(gazetteer):
    # "Nigel" is a town in South Africa: read as the manager's given name, it no longer pulls
    # Derby there.
    places = _places("Nigel Clough was sacked as manager after the defeat in Derby.", gazetteer)
    assert places["Derby"].entry.country == "GB"


@pytest.mark.parametrize("text, place", [
    ("Darling Avenue is near the realty office in Alexandria Friday night.", "Alexandria"),
    ("He worked for the Cambridge Italian community.", "Cambridge"),
    ("She has been a member of the Centerville Christian Church for years.", "Centerville"),
    ("He worked at every Seattle Seahawks home game.", "Seattle"),
    ("A recent poll for the Honolulu Star-Advertiser gave her a lead.", "Honolulu"),
])
def test_a_town_before_a_weekday_an_institution_or_a_team_stays_a_place(text, place, gazetteer):
    assert place in _names(text, gazetteer)


@pytest.mark.parametrize("text, container, entry, town", [
    ("Israeli troops have withdrawn from the southern Gaza city of Khan Younis.", "Gaza", "curated:gaza-strip",
     "Khan Younis"),
    ("Fighters entered the northern Gaza town of Beit Lahiya on Monday.", "Gaza", "curated:gaza-strip", "Beit Lahiya"),
    ("Rebels captured the Idlib town of Saraqeb in February.", "Idlib", "geonames:169387", "Saraqeb"),
    ("Russian forces pressed on the Donetsk town of Pokrovsk.", "Donetsk", "geonames:709716", "Pokrovsk"),
    ("Kenyan troops deployed to the eastern Congo town of Goma last year.", "Congo", "geonames:203312", "Goma"),
])
def test_a_name_before_town_of_is_the_territory_the_town_is_in(text, container, entry, town, gazetteer):
    places = _places(text, gazetteer)
    assert places[container].entry.id == entry and town in places
    assert "Gaza city" not in places and "Gaza town" not in places


def test_gaza_city_written_as_a_name_stays_the_city(gazetteer):
    places = _places("Residents fled Gaza City on Sunday.", gazetteer)
    assert places["Gaza City"].entry.id == "geonames:281133"


def test_a_town_before_suburb_is_the_town_without_the_word(gazetteer):
    places = _places("A Houston suburb was hit by floods.", gazetteer)
    assert places["Houston"].entry.id == "geonames:4699066" and "Houston suburb" not in places
    # a suburb's own name before "suburb of" keeps the word: it is the suburb's
    assert "Jobar suburb" in _names("Rescuers reached the Jobar suburb of Damascus.", gazetteer)


@pytest.mark.parametrize("text, town", [
    ("Metula, less than a kilometre from the Lebanese border, was evacuated.", "Metula"),
    ("Shlomi, about two kilometres from the border, was hit on Sunday.", "Shlomi"),
    ("Kiryat Shmona, two miles from the border, emptied.", "Kiryat Shmona"),
    ("Avdiivka, a few miles north of Donetsk, fell in February.", "Avdiivka"),
])
def test_a_distance_in_words_after_a_sentence_initial_town_frames_it_as_a_place(text, town, gazetteer):
    assert town in _names(text, gazetteer)


@pytest.mark.parametrize("text, line", [
    ("Service on the Orange line was suspended after a fire in Boston.", "Orange"),
    ("Trains on the Victoria line were delayed in London.", "Victoria"),
    ("Commuters on the Jubilee line faced delays.", "Jubilee"),
])
def test_a_name_before_line_is_a_transit_line(text, line, gazetteer):
    assert line not in _names(text, gazetteer)


def test_a_country_before_line_is_still_the_country(gazetteer):
    assert "Lebanon" in _names("Israeli forces crossed the Lebanon line, officials said.", gazetteer)


def test_a_sentence_initial_name_ending_in_a_type_word_is_a_place(gazetteer):
    places = _places("Dulles International Airport is 22 miles away.", gazetteer)
    assert places["Dulles International Airport"].id == "icao:KIAD"
    assert "Cherry County" in _names("Cherry County, for example, saw a 20 percent drop.", gazetteer)


@pytest.mark.parametrize("text, backer, kept", [
    ("US-backed forces advanced on Raqqa.", "US", "Raqqa"),
    ("Iran-backed militias shelled the base near Deir ez-Zor.", "Iran", "Deir ez-Zor"),
    ("Turkey-sponsored fighters entered Afrin.", "Turkey", "Afrin"),
    ("Russia-aligned forces held Bamako.", "Russia", "Bamako"),
])
def test_a_name_before_backed_is_the_backer_not_a_place(text, backer, kept, gazetteer):
    names = _names(text, gazetteer)
    assert backer not in names and kept in names


def test_a_name_before_based_still_says_where(gazetteer):
    assert "UK" in _names("The UK-based Syrian Observatory said so.", gazetteer)


@pytest.mark.parametrize("text, listed, foreign, given", [
    # a given name of the lists before a word no list knows: either rule says so
    ("who succeeded Hassan Nasrallah in the post", True, False, True),
    # a foreign given name before a surname, told in running text: only the second way
    ("The Kremlin said Vladimir Putin would visit.", False, True, True),
    ("The Kremlin said Vladimir Putin would visit.", False, False, False),
    # a large place after the name says no person, whichever way is asked
    ("the crowd in Austin Texas cheered", True, True, False),
])
def test_one_rule_reads_a_given_name_before_a_surname(text, listed, foreign, given, gazetteer):
    from controlmap.gazetteer import name_key
    from controlmap.mentions import _given_name_before_surname, _runs, tokenize

    tokens = tokenize(text)
    run = next(r for r in _runs(tokens, text) if tokens[r[0]].text in ("Hassan", "Vladimir", "Austin"))
    words = [tokens[k].text for k in run]
    found = gazetteer.lookup_keys({name_key(w) for w in words})
    persons = gazetteer.person_names({name_key(w) for w in words})
    english = gazetteer.english_words({tokens[k].lower for k in run[1:]})
    assert _given_name_before_surname(text, tokens, run, 0, persons.get(name_key(words[0])), found[name_key(words[0])],
                                      found[name_key(words[1])], persons, english, {}, gazetteer,
                                      listed=listed, foreign=foreign) is given


def _place_texts(text, gazetteer):
    return [(p.text, p.entry.id) for p in geoparse(article_from_text(text), gazetteer=gazetteer)]


def test_ap_dateline_without_a_comma_is_its_town(gazetteer):
    # AP writes "CAIRO (AP) —" with no comma after the town.
    places = _place_texts("CAIRO (AP) — Sudan's military entered Wad Madani on Saturday.", gazetteer)
    assert ("CAIRO", "geonames:360630") in places
    assert not _place_texts("WHO (AP) — The agency warned of cholera on Saturday.", gazetteer)


def test_names_in_a_wire_credit_line_are_people_but_its_towns_are_places(gazetteer):
    text = ("Fighting went on in Kismayo.\n\n(Reporting by Abdi Sheikh in Mogadishu and Abdiqani Hassan in Garowe; "
            "Writing by Sofia Christensen; Editing by Alex Richardson)")
    names = [t for t, _ in _place_texts(text, gazetteer)]
    assert names == ["Kismayo", "Mogadishu", "Garowe"]


def test_a_common_word_the_article_reads_as_a_town_is_a_town_at_a_sentence_start(gazetteer):
    text = "The rebels took Sake last week after days of fighting near Goma. Sake's fall followed the capture of Minova."
    assert [t for t, _ in _place_texts(text, gazetteer)].count("Sake") == 2


@pytest.mark.parametrize("text, name", [
    ("The RSF has been besieging Kadugli and Dilling in South Kordofan, Sudan.", "Dilling"),
    ("Sake, Minova and now Bukavu: the rebels' advance has rattled Kinshasa.", "Sake"),
])
def test_a_common_word_coordinated_with_towns_is_a_town(gazetteer, text, name):
    assert name in [t for t, _ in _place_texts(text, gazetteer)]


@pytest.mark.parametrize("text", [
    "Justice for Helen, Clarence, Irene, Marie and Randy Kunz, the family said in Ohio.",
    "Noma said the police in Cape Town had failed her. Noma works as a domestic worker.",
])
def test_people_in_lists_and_at_sentence_starts_stay_people(gazetteer, text):
    names = [t for t, _ in _place_texts(text, gazetteer)]
    assert "Irene" not in names and "Noma" not in names, names


def test_a_country_after_a_town_noun_opens_a_relative_clause(gazetteer):
    # "the city Russia captured" is Russia, not Russia, Ohio (a "city" hint).
    places = _place_texts("Shelling killed two people in Kherson, the city Russia captured in 2022.", gazetteer)
    assert ("Russia", "geonames:2017370") in places


@pytest.mark.parametrize("text, word", [
    ("The Fano, a loose network of ethnic Amhara militias, fought in Tigray.", "Amhara"),
    ("Amhara nationalists accuse Tigray of occupying land.", "Amhara"),
    ("The MNDAA is drawn from the ethnic Chinese Kokang minority in Shan State.", "Kokang"),
])
def test_a_peoples_name_is_no_place(gazetteer, text, word):
    names = [t for t, _ in _place_texts(text, gazetteer)]
    assert word not in names, names


def test_a_region_of_the_same_name_is_still_a_place(gazetteer):
    names = [t for t, _ in _place_texts("Fano fighters seized towns in the Amhara region of Ethiopia.", gazetteer)]
    assert "Amhara region" in names


def test_a_name_the_article_gives_a_militia_is_the_militia_throughout(gazetteer):
    text = ("Fighters from the Fano militia briefly seized towns in Ethiopia's Amhara region. "
            "The Fano, a loose network of militias, fought alongside federal troops in Tigray.")
    names = [t for t, _ in _place_texts(text, gazetteer)]
    assert "Fano" not in names, names
    # (a town's own words still make it the town)
    assert "Fano" in [t for t, _ in _place_texts("Police in the town of Fano, Italy, said the Fano group met.", gazetteer)]
