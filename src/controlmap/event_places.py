"""Which place a control change is about: the place of a trigger, read around it.

The object after an active verb, the subject before a passive one, the head of a relative
clause ("positions they had captured"), the place "the city" or "it" points back to, and the
named town an unnamed place ("their last stronghold in northern Chad") is anchored to.
"""
from __future__ import annotations

import bisect
import re

from .actors import ActorMention, ActorRegistry
from .dates import MONTHS, WEEKDAYS, date_spans
from .distances import MEASURED_FROM_BEFORE
from .errors import GazetteerError
from .event_actors import _possessive
from .event_clauses import _SPEAKER_AFTER, _SPEECH
from .event_records import PART_OF_PLACE, _Context, _PlacePart
from .event_triggers import _AUX, _FUNCTION_WORD, _MONTH_NAMES, _NUMBER_WORDS
from .gazetteer import GazetteerEntry, name_key, open_gazetteer
from .geoparse import Place, _km
from .text import Sentence

#: Words that begin an object that is not a place ("captured 48", "seized tanks").
_NOT_PLACE = re.compile(
    r"^(?:[\"'“]?\s*)(?:(?:some|about|at\s+least|more\s+than|over|nearly|an\s+estimated|large\s+amounts?\s+of|"
    r"a\s+number\s+of|hundreds\s+of|thousands\s+of|dozens\s+of)\s+)?(?:\d[\d,.]*\s+(?!square|sq|km|kilomet))?"
    r"(?:[\w-]+\s+){0,2}(?:people|prisoners?|soldiers|troops|men|women|children|civilians|wounded|hostages?|"
    r"munitions|weapons?|weaponry|tanks|guns|equipment|hardware|vehicles|aircraft|planes|bombers|helicopters|"
    r"ammunition|arms|votes?|seats?|pct|percent|shares?|stake|billion|million|dollars|dlrs|power|office|"
    # more people an army takes: "captured 48 Russian servicemen near Sudzha" (not "militants' stronghold");
    # people and goods taken, not :data:`_FORCE_NOUNS`: "forces" and "units" are no captive
    r"(?:servicemen|servicemembers|service\s+members|personnel|fighters|militants|militiamen|gunmen|officers|"
    r"conscripts|mercenaries|POWs|combatants|recruits|policemen|guards|crew|crews)(?!['’])|"
    r"place|part(?!\s+of\b)|talks|prisoner|steps?|measures?|action|responsibility|control\s+over\s+(?:their|its|his)|"
    r"(?:its|their|his)\s+(?:main\s+)?(?:links|supply|routes)|"
    # institutions, prizes, wars and goods: "the Republican-controlled Senate", "won the audience award"
    r"house|senate|legislatures?|congress|parliament|assembl(?:y|ies)|councils?|chamber|committees?|commissions?|"
    r"boards?|cabinet|ministry|media|press|party|compan(?:y|ies)|firms?|markets?|industry|awards?|prizes?|medals?|"
    r"titles?|elections?|races?|matches|games?|cups?|trophy|championships?|contracts?|approval|majority|war|wars|"
    # what people flee that is no place: "refugees fleeing conflict in the Darfur region"
    r"conflict|fighting|violence|clashes|bombing|bombardment|shelling|persecution|poverty|famine|"
    # what armies take that is no ground: "took heavy losses", "took casualties"
    r"losses|casualties|heavy\s+casualties|damage|fire|hits?|"
    r"WW\s*I+|substances?|drugs?|prices?)\b|^\s*(?:US)?[$€£]", re.I)

#: A ship heading an object: "seized the Galaxy Leader cargo ship in the Red Sea" took a vessel,
#: not the sea.
_VESSEL = re.compile(r"^\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’\"“”-]+\s+){0,4}?(?:ships?|vessels?|tankers?|boats?|"
                     r"freighters?|frigates?|destroyers?|yachts?|dhows?|trawlers?|warships?|carriers?)\b", re.I)
#: A military unit heading an object: "the base of the Fourth Infantry Brigade in ...", "overran
#: the 5th Division" name who, not where.
_UNIT = re.compile(r"^\s*(?:the\s+)?(?:(?!of\s)[\w'’-]+\s+){0,4}?(?:brigades?|divisions?|regiments?|battalions?|corps|"
                   r"platoons?|squadrons?|units?)\b(?!\s+(?:base|headquarters|HQ|barracks|camp|post|positions?)\b)",
                   re.I)

#: What "took" carries from one place to another: "took them from Idlib to the capital".
_CARRIED_FROM = re.compile(r"\s*(?:them|him|her|us|it|the\s+\w+|their\s+\w+)\s+(?:all\s+the\s+way\s+)?from\s+[^.;]{1,60}?\bto\b",
                           re.I)
def _airport_abroad(place: Place, theatre: frozenset[str]) -> bool:
    """Whether ``place`` is a bare "the airport" the geoparser gave the airport of a town outside
    the war's countries: "... said in a statement from Riyadh. Militiamen retook the
    international airport" is the airport of the city in play (Aden), not Riyadh's."""
    return (place.entry.kind == "airport" and bool(theatre) and place.entry.country not in theatre
            and re.match(r"(?:the|its)\s", place.text, re.I) is not None)


def _included_towns(text: str, parts: list[_PlacePart], in_places: list[Place], sentence: Sentence) -> list[_PlacePart]:
    """The towns an "including" list names after the last object ("out of several towns in the
    Amhara region, including Gondar and Bahir Dar"): each is taken too."""
    if not parts:
        return []
    including = _INCLUDING.match(text, parts[-1].end, sentence.end)
    listed = [p for p in in_places if including is not None and p.start >= including.end()]
    if not listed or listed[0].start != including.end():
        return []
    more = [listed[0]]
    for p in listed[1:]:
        if not _CONJUNCTION_GAP.match(text[more[-1].end:p.start]):
            break
        more.append(p)
    taken = {(p.start, p.end) for p in parts}
    return [_PlacePart(p.text, p.start, p.end, p, False) for p in more
            if p.entry.kind in ("city", "airport") and (p.start, p.end) not in taken]


def _held_parts_listed(text: str, t1: int, parts: list[_PlacePart], in_places: list[Place],
                       sentence: Sentence) -> list[_PlacePart]:
    """The parts of named places that close a list of held ground ("dominates the north, east, and
    parts of Khartoum", "controls western Darfur and parts of southern Sudan"): each is held too,
    whether or not the list's first items name a place."""
    clause = _CLAUSE_END.search(text, t1, sentence.end)
    end = clause.start() if clause else sentence.end
    taken = {(p.start, p.end) for p in parts}
    found = []
    for m in _LISTED_PART.finditer(text, t1, end):
        place = next((p for p in in_places if p.start == m.start("name")), None)
        if place is None or any(s <= place.start < e for s, e in taken):
            continue
        found.append(_PlacePart(_clean(m.group("np")), m.start("np"), m.end("np"), place, False, PART_OF_PLACE))
    return found


#: "(, east,) and parts of Khartoum": a part of a named place as a list's last item.
_LISTED_PART = re.compile(r"(?:,\s*|\s+)(?:and|as\s+well\s+as)\s+(?P<np>(?:parts|much|most|swathes|pockets|areas)\s+of\s+"
                          r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?(?P<name>(?-i:[A-Z])[\w'’-]+))",
                          re.I)
#: Where a clause ends after its object: a semicolon, a new clause ("..., while the army ...").
_CLAUSE_END = re.compile(r"[;:.!?]|,\s+(?:while|but|whereas|as)\s|,\s+(?:and\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                         r"(?:dominates|dominate|controls|control|holds|hold|retains|keeps|has|have|is|are|was|were|"
                         r"remains|remain|runs|rules)\b", re.I)


#: ", including Gondar and Bahir Dar": named members of the place just told.
_INCLUDING = re.compile(r",?\s*(?:including|among\s+them|notably)\s+(?:the\s+(?:towns?|cit(?:y|ies)|villages?)\s+of\s+|"
                        r"the\s+(?:(?:regional|provincial|state|national|oil|strategic|key|border)\s+)?(?:capital|port\s+city|port|town|city)\s+"
                        r"(?:of\s+)?)?",
                        re.I)
#: Between two listed places when the first has an apposition: ", Russia's main logistics hub, and ".
_APPOSED_ITEM_GAP = re.compile(r",\s*(?:the|a|an|its|[A-Z][\w'’-]*['’]s)\s+[^,;.()]{1,60},\s+(?:and|as\s+well\s+as)\s+"
                               r"(?:the\s+(?:town|city|village)\s+of\s+)?")
#: Nouns that can head an unnamed place ("strategic heights", "defence posts", "the camp").
_PLACE_NOUN_WORDS = (
    r"towns?|townships?|cit(?:y|ies)|villages?|camps?|bases?|air\s*base|airfield|airports?|heights|hills?|"
    r"positions?|posts?|areas?|territor(?:y|ies)|regions?|provinces?|districts?|neighbou?rhoods?|quarters?|"
    r"suburbs?|outskirts|garrisons?|strongholds?|strongpoints?|oasis|islands?|roads?|highway|lines?|defen[cs]es|"
    r"fronts?|headquarters|HQ|buildings?|bridges?|ports?|footholds|kilomet(?:er|re)s|km|parts?|slivers?|pockets?|"
    r"blocks|zones?|enclaves?|bastion|border|crossings?|valleys?|mountains?|ridges?|sectors?|peaks?|"
    r"settlements?|localit(?:y|ies)|countryside|farms|palace|barracks|complex|compound|stations?|dam|"
    r"rivers|refinery|oilfields?|fields?|coast|shore|bank|strip|hospital|school|square|centre|center|"
    r"capital|half|much|most|rest|all|remainder|fortifications?|trenches|bunkers|outposts?|airstrips?|runways?|"
    r"checkpoints?")
_PLACE_NOUN = re.compile(r"\b(?:" + _PLACE_NOUN_WORDS + r")\b", re.I)

#: A facility or feature written after a toponym, with up to two lower-case words before its
#: noun: "the Zaporizhzhia nuclear power plant", "the Rafah crossing", "the Homs military
#: academy", "the Vuhledar coal mine": the facility lies at the town, it is not the town.
_HELD_GROUND_NOUNS = "stronghold|base|garrison|positions?|posts?|front|border|camp"
_FACILITY_AFTER = re.compile(
    r"\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}(?:" + _HELD_GROUND_NOUNS + r"|refinery|palace|dam|bridge|barracks|headquarters|"
    r"prison|jail|market|oilfield|complex|factory|plant|crossing|academy|mine|port|station|terminal|depot|hospital|"
    r"university|college|stadium|facility|works|airfield)\b", re.I)
#: The nouns of :data:`_FACILITY_AFTER` that name held ground rather than a built facility.
_HELD_GROUND_AFTER = re.compile(r"\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}(?:" + _HELD_GROUND_NOUNS + r")\b", re.I)
#: Phrases that point back to a place already named.
_COREF = re.compile(
    r"\b(?:(?:the|this|that)\s+(?:(?:besieged|embattled|northern|southern|eastern|western|central|key|strategic|"
    # (two of them: "the ruined industrial town")
    r"desert|battered|ancient|coastal|border|rebel-held|small|whole|entire|ruined|devastated|industrial|frontline|"
    r"front-line|mining|historic|shattered|former|"
    # ("the Kurdish-majority city", "the Sunni-dominated town")
    r"[A-Za-z]+-(?:majority|populated|dominated|speaking|inhabited))\s+){0,2}"
    # (a demonym after them: "the eastern Congolese city")
    r"(?:(?-i:[A-Z][a-z]+(?:ese|ian|an|ean|ish|i))\s+)?(?P<noun>city|town|village|camp|"
    r"oasis|base|building|area|province|region|capital|enclave|district|airport|port|country|corridor|crossing|"
    r"river|bridge|dam|valley|heights|territory|strip|stronghold)(?!\s+of\s+(?-i:[A-Z]))|(?P<it>it))\b", re.I)

#: Where an object noun phrase ends.
#: A capitalised name of up to four words ("Deir al-Balah", "Ouadi Doum").
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|de\s+)?[A-Z][\w'’-]+){0,3}"
#: A count of unnamed places closing a list: "(A, B) and dozens of villages", "and several nearby towns".
_COUNTED_PLACES_ITEM = (rf"(?:dozens|scores|hundreds|several|many|a\s+(?:number|string|series|dozen|handful|few)|\d+|"
                        rf"{_NUMBER_WORDS})\s+(?:of\s+)?(?:(?:other|more|nearby|surrounding|smaller|neighbou?ring|"
                        r"[a-z]+ern)\s+){0,2}(?:villages|towns|settlements|hamlets|localities|hills|hilltops|positions|"
                        r"districts|neighbou?rhoods|suburbs|areas)\b")
_NAME_LIST_END = (r"(?:" + _NAME + r"\s*,\s*)*(?:" + _NAME + r"\s*,?\s+)?(?:(?:and|or|as\s+well\s+as)\s+" + _NAME
                  + r"\s*(?:[.,;:)]|$|\s+(?:in|on|near|last|this|early|late|after|before|from|since|during|"
                    r"within|at|by|over|with|and|as|while|when|amid|following)\b)|(?:and|as\s+well\s+as)\s+"
                  + _COUNTED_PLACES_ITEM + ")")
_NP_END = re.compile(
    # (not at an acronym in brackets: "Congo's (DRC) second-largest city")
    r"[;:!?]|\((?![A-Z]{2,6}\))|(?<![A-Z]{2})\)|\s+[\"“](?=[a-z])|\.(?:[\s)\"”’]|$)|\s[-–—]\s|,[\"”]|[\"”],|"
    r"\s+(?:reportedly|came|was|were|is|are|has|have|had|would|will|could|might|may|remains?|fell|deprived|"
    r"described|said|says|over\s+to|"
    # the predicate of "declared the city liberated"
    r"(?:fully\s+|completely\s+|officially\s+)?(?:liberated|freed|free|recaptured)(?=\s+(?:in|on|at|after|from|following|"
    r"last|this|early|late|by)\b|\s*[,.;]|\s*$)|"
    # a time of day before the date: "entered the city early on Sunday"
    r"(?:early|late)(?=\s+(?:on|in|this|last|that|yesterday|today|tonight)\b)|"
    # the verb of a restrictive relative clause's head: "forces that held the city withdrew south"
    r"withdrew|retreated|fled|surrendered|abandoned|pulled\s+(?:out|back))\b|"
    # a comma ends the object, but not inside a list of names that ends it: "Hama, Homs and
    # Aleppo.", "A, B, and C on Sunday" (not "seized Goma, Rwanda and Uganda denied any role")
    r",\s+(?!" + _NAME_LIST_END + r")|"
    r"\s+(?:in\s+(?:a|an|the\s+(?:face|latest|fighting|battle|wake|course)|fighting|bitter|heavy|fierce|overnight|"
    r"\d+|early|late|recent|what|an?\s+\w+\s+(?:offensive|attack|assault|drive))|on\s+(?:Mon|Tues|Wednes|Thurs|"
    r"Fri|Satur|Sun)day|"
    # a date: "recaptured it in December 2016", "took it yesterday"
    r"(?:in|on|by)\s+(?:early\s+|late\s+|mid-?)?(?:" + _MONTH_NAMES + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    r"\b\.?|"
    r"(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:later|after|earlier|before|ago)\b|"
    r"yesterday|today|tonight|overnight|last\s+(?:week|month|year|night|" + _MONTH_NAMES + r")|"
    # a day told from the one before: "took the city the next day", "retook it by nightfall"
    r"the\s+(?:next|following|same)\s+(?:day|morning|evening|night|afternoon)|a\s+day\s+later|later\s+that\s+\w+|"
    r"that\s+(?:same\s+)?(?:day|evening|night|afternoon|morning)|by\s+nightfall|within\s+hours|"
    r"following|after|before|since|during|with|(?<!well\s)as\s(?!well\s+as\b)|for\s|leaving|bringing|because|while|"
    # "were driven out of the town again in 2014", "took the city back"
    r"again|once\s+more|back\s+(?:in|on)\b|"
    # why or how: "pulled back from the town under the ceasefire deal", "under heavy fire"
    r"under\s+(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:deal|agreement|accord|truce|ceasefire|plan|arrangement|terms|"
    r"pressure|fire|bombardment)|pressure|fire|heavy|intense|cover)|"
    # the agent of a noun: "the recapture of the city by Tigrayan fighters"
    r"by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:troops|forces|fighters|rebels|militants|insurgents|army|soldiers|"
    r"units|militias?)|"
    # a new clause: "positions they gained", "territory and links Zaire", "fortifications and breached"
    r"when|where|which|who|they|we|but|urging|saying|according|said|says|until|"
    r"and\s+(?:[a-z]+ly\s+)?[a-z]+ing\b|"
    # a second verb sharing the subject: "entered Damascus and taken control of the prison"
    r"and\s+(?:(?:has|have|had|then|later)\s+)?(?:taken|took|seized|captured|entered|overran|overrun|stormed|"
    r"retook|retaken|won|gained|declared)\b|"
    r"and\s+(?:was|were|is|are|has|had|have|freed|killed|found|pressing|left|then|also|forces|troops|"
    r"[a-z]+ed\s+(?!by\b)|links|connects|joins|leads|runs|lies|sits|borders|includes|remains|became)|"
    # the next item of a coordination with its own holder: "government-held zones ... and Libyan-controlled areas"
    r"and\s+(?:(?:mainly|largely|mostly|the)\s+)*[\w'’-]+-(?:held|controlled|run|occupied|dominated)|"
    r"to\s+(?:guarantee|quell|halt|stop|protect|secure|ensure|the\s+(?:Iraqi|Iranian))|"
    # where or why they went: "withdrew from the city to a safer place to spare civilians"
    r"to\s+(?:[\"“]?(?:a|an|safer|new|their|its|his)\s|spare|avoid|prevent|save|regroup|reinforce|defend)|"
    r"from\s+(?:terror\w*|terrorists|militants|insurgents|the\s+(?:government|army|rebels?)))\b")


#: A count before "of X's": "eight of Rakhine's 17 townships", "most of Darfur's state capitals".
_COUNT_OF = re.compile(rf"\b(?:all|most|much|half|some|many|several|\d+|{_NUMBER_WORDS}|"
                       r"a\s+(?:third|quarter|dozen))\s+of\s+(?:the\s+)?$", re.I)
#: Plural nouns of the divisions a place is made of ("17 townships", "villages").
_DIVISION_PLURALS = r"townships|districts|towns|villages|settlements|provinces|regions"
#: Plural place nouns: the divisions, and the sites fought over ("five hilltops", "12 positions").
_PLACE_PLURALS = _DIVISION_PLURALS + r"|hilltops|hills|peaks|positions|posts|outposts|points|bases|strongholds|sites|areas"
#: A place's own divisions after its possessive: "Rakhine's 17 townships", "Darfur's five state capitals".
#: Divisions only, not all of :data:`_PLACE_PLURALS`: "Israel's positions" are held by Israel,
#: not part of it.
_OWNED_UNITS = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_DIVISION_PLURALS}|states|cities|capitals|"
                          r"municipalities|counties|communes)\b", re.I)
#: A place noun on its own, with nothing to say which one ("areas", "suburbs", "territory"):
#: divisions and stretches of land. Of the sites only "positions": a held hilltop, post or base
#: is one site, which a town named nearby may locate.
_BARE_PLACE = re.compile(rf"(?:{_DIVISION_PLURALS}|areas|positions|territories|suburbs|zones|neighbou?rhoods|lands)\b"
                         r"(?!\s+(?:of|in|near|around|outside|along|on|east|west|north|south)\b)", re.I)


def _continues_name(text: str, s0: int, at: int) -> bool:
    """True when the capitalised word at ``at`` continues a proper name begun before it ("El
    Paraiso", "Camp Bastion"): the word is then part of a place's name, not its holder.

    A capital that only opens the sentence ("In Libyan-held ...") and the words of a headline in
    capitals do not count.
    """
    before = re.search(r"(?:^|\s)([A-Z][\w'’-]*)\s+$", text[s0:at])
    if before is None or not re.match(r"[A-Z][a-z]", text[at:at + 2]):
        return False
    word_at = s0 + before.start(1)
    return word_at > s0 and not re.match(_FUNCTION_WORD + r"\b", before.group(1), re.I)


def _determined(text: str, at: int) -> bool:
    """True when a determiner or number comes right before ``at`` ("an Ossetian-controlled")."""
    return re.search(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|some|several|many|most|all|two|three|"
                     r"four|five|six|\d+)\s+(?:[\w'’-]+\s+)?$", text[max(0, at - 40):at], re.I) is not None


_LEAD_IN = re.compile(r"^\s*(?:control\s+(?:of|over)\s+)?(?:(?:from|of|over|into|in|on|onto|out\s+of|to)\s+)?"
                      r"(?:what\s+[\w\s]{1,30}?\b(?:described|called|termed)\s+as\s+)?", re.I)
_DIRECTIONAL = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern|southern|eastern|"
    r"western)\s+of\b|\b(?:near|outside|around|close\s+to|beyond|km\s+from|kms\s+from|miles\s+from|along|"
    r"west\s+of|on\s+the\s+road\s+to|leading\s+into|inside)\b", re.I)
def _district_of_town(place: Place) -> bool:
    """Whether ``place`` is a district of a town placed at the town ("the Kanal district of
    Chasiv Yar" resolved to Chasiv Yar): taking it takes part of the town."""
    # (names compared as the index keys them: "Cité Soleil" is written "Cite Soleil")
    return (place.entry.kind == "city" and name_key(place.entry.name) not in name_key(place.text)
            and re.search(r"\b(?:district|neighbou?rhood|quarter|suburb|microdistrict)\b", place.text, re.I) is not None)


#: A list item the gazetteer lacks between two it knows: ", Zorianka and ", ", Zorianka, ".
_UNKNOWN_ITEM_GAP = re.compile(r"\s*,\s*(?P<name>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})"
                               r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)", re.I)
#: The last item of a list after a known town, a name the gazetteer lacks: "(Minova) and Sake".
_UNKNOWN_LAST_ITEM = re.compile(r"\s*,?\s+and\s+(?P<name>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})(?![\w'’-])")
_CONJUNCTION_GAP = re.compile(
    r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+|\s*,?\s+as\s+well\s+as\s+)(?:the\s+)?"
    # "Khartoum and the neighbouring cities of Omdurman and Bahri": a list goes on through its kind
    r"(?:(?:(?:neighbou?ring|nearby|adjacent|surrounding|key|strategic|twin|sister|northern|southern|eastern|"
    r"western)\s+)?(?:cities|towns|villages|city|town|village)\s+of\s+)?$", re.I)
_SURROUNDING = re.compile(
    r"^\s*,?\s+and\s+(?P<np>(?:(?:much|most|all|parts?|some)\s+of\s+)?the\s+(?:surrounding|nearby|adjacent)\s+"
    r"(?:province|region|countryside|governorate|area|villages|towns))", re.I)


_LOCATIVE_TAIL = r"\s*,?\s+(?:in|near|outside)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central)\w*\s+)?$"
#: "... of A, B and C in" before a toponym: a list of names the gazetteer lacks.
_LISTED = re.compile(r"^.*?\bof\s+(?P<names>" + _NAME + r"(?:\s*,\s*" + _NAME + r")*\s*,?\s+and\s+" + _NAME + r")"
                     + _LOCATIVE_TAIL, re.S)
#: "Ouadi Doum in northern" before a toponym: one name the gazetteer lacks.
_LOCATED = re.compile(r"^\s*(?:the\s+)?(?P<names>" + _NAME + r")" + _LOCATIVE_TAIL, re.S)


#: "the capital of", "its provincial capital of" right before a province: its capital city.
_CAPITAL_OF_LEAD = re.compile(r"\b(?:the|its)\s+(?:(?:provincial|regional|state|district)\s+)?capital\s+of\s+(?:the\s+)?$",
                              re.I)


#: A division's capital told by its possessive, after the division's name: "(Tigray)'s regional
#: capital", "(Gezira) state's capital".
_OWNED_CAPITAL = re.compile(r"(?:\s+(?:state|province|region))?['’]s\s+(?:(?:regional|provincial|state|district)\s+)?"
                            r"capital\b", re.I)


#: An area measured against a named one: "an area the size of Texas", "territory as large as Belgium".
_SIZED_LIKE = re.compile(r"\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?(?:area|territory|region|swathe|expanse|stretch)\s+"
                         r"(?:(?:about|roughly|nearly|almost|twice|three\s+times)\s+)?(?:the\s+size\s+of|as\s+(?:big|large)\s+as|"
                         r"larger\s+than|bigger\s+than)\b", re.I)
#: A facility named by a town the geoparser did not read, before the place that locates it:
#: "the notorious (Saydnaya) Military Prison north of Damascus", "the (Kuweires) air base".
_FACILITY_NAMED = re.compile(r"(?P<name>(?-i:[A-Z])[\w'’-]+)\s+(?:(?:Military|Central|Air|Naval|Army|military|air|"
                             r"naval|army)\s+)?(?:Prison|Airbase|Air\s+Base|Base|Airport|Barracks|prison|airbase|"
                             r"air\s+base|base|airport|barracks)\b[^,;]*$")
#: How far (km) from the place that locates it a facility's town may lie.
_FACILITY_REACH_KM = 60.0


def _facility_town(lead_words: str, n0: int, locator: Place, np_end: int, sentence: Sentence,
                   registry: ActorRegistry) -> _PlacePart | None:
    """The town a facility is named after when the geoparser read only the place that locates it
    ("the Saydnaya Military Prison north of Damascus" is at Saydnaya, 25 km from Damascus): a
    town of that name in the locator's country within :data:`_FACILITY_REACH_KM` of it."""
    found = _FACILITY_NAMED.search(lead_words)
    if found is None or not locator.entry.country or _names_actor(found.group("name"), registry, None):
        return None
    try:
        gazetteer = open_gazetteer(build_if_missing=False)
    except GazetteerError:
        return None
    towns = [e for e in gazetteer.lookup(found.group("name"), country=locator.entry.country, kind="city")
             if _km(e, locator.entry) <= _FACILITY_REACH_KM]
    if not towns:
        return None
    s = n0 + found.start("name")
    town = Place(s, s + len(found.group("name")), found.group("name"), towns[0], sentence, locator.source, 0.7)
    end = max(np_end, locator.end)
    return _PlacePart(_clean(sentence.text[n0 - sentence.start:end - sentence.start]), n0, end, town, True, _FACILITY)


#: "The city" told by its size: "the northern city of 2 million", "the town of 800,000 people".
_SIZED_TOWN = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|capital|port)\s+of\s+"
                         r"(?:about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+)?\d[\d.,]*(?:\s+(?:million|thousand))?"
                         r"(?:\s+(?:people|residents|inhabitants))?\b", re.I)
#: An apposition right after "the city" that names the province it is the capital of: "the
#: city, capital of North Darfur state", "the town, the provincial capital of Kunduz".
_CAPITAL_APPOSED = re.compile(r"\s*,\s*(?:(?:the|its)\s+)?(?:(?:provincial|regional|state|district)\s+)?"
                              r"capital\s+of\s+(?:the\s+)?", re.I)


def _apposed_capital(text: str, at: int, in_places: list[Place], places: list[Place]) -> Place | None:
    """The town an apposition at ``at`` says "the city" is: the capital the article names in the
    province it gives ("the city, capital of North Darfur state" is El Fasher, not Bara of North
    Kordofan, the town told last), or None when it gives none or the article names no town there."""
    apposed = _CAPITAL_APPOSED.match(text, at)
    if apposed is None:
        return None
    division = next((p for p in in_places if p.start == apposed.end() and p.entry.kind == "admin1"), None)
    return _capital_named_in(division, places) if division is not None else None


def _capital_named_in(division: Place, places: list[Place]) -> Place | None:
    """The town the article names in ``division`` that is likeliest its capital: the most
    populous one (the gazetteer does not say which town is a province's seat). A camp for the
    displaced is no seat, however many live there (Zamzam outnumbers El Fasher)."""
    entry = division.entry
    towns = [p for p in places if p.entry.kind == "city" and p.entry.country == entry.country
             and entry.admin1_code and p.entry.admin1_code == entry.admin1_code
             and not re.search(r"\bcamp\b", p.entry.name, re.I)]
    return max(towns, key=lambda p: p.entry.population) if towns else None


def _names_in(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The names of a list ("Foua and Kfraya", "A, B and C") with their article offsets."""
    return [(m.group(0), start + m.start(), start + m.end())
            for m in re.finditer(_NAME, text[start:end]) if m.group(0) not in ("And", "The")]


_QUOTES = "\"'“”‘’"


def _clean(words: str) -> str:
    """Words without the quote marks around them, keeping quotes inside: '"large parts" of the city'."""
    words = words.strip()
    while len(words) > 1 and words[0] in _QUOTES and words[-1] in _QUOTES:
        words = words[1:-1].strip()
    if words[:1] in _QUOTES and not any(c in _QUOTES for c in words[1:]):
        words = words[1:]  # a quote closed beyond the object
    if words[-1:] in _QUOTES and not any(c in _QUOTES for c in words[:-1]) and words[-2:-1] != "s":
        words = words[:-1]  # (but the possessive of "the rebels'")
    return words.strip()


#: Between a place that only says which side and the place that is taken.
#: Between a region and the town a place noun introduces: "Gaza| city of |Khan Younis".
#: (no conjunction among the words: "Saraqeb and the town of Maarat al-Numan" is a list)
_REGION_THEN_NOUN_OF = re.compile(r"(?:['’]s)?\s+(?:(?!(?:and|or|as|then)\s)[a-z][\w-]*\s+){0,2}(?:city|town|village|capital|port|camp|"
                                  r"district|suburb|enclave|stronghold)\s+of\s+(?:the\s+)?", re.I)
#: "the Gaza side of the crossing": a side of a feature told before, not of the named place.
_SIDE_OF_FEATURE = re.compile(r"\s+side\s+of\s+the\s+(?P<feature>crossing|border|river|bridge|frontier|dam)\b", re.I)
_SIDE_OF = re.compile(r"\s+(?:side|part|half|end)\s+of\s+(?:the\s+)?", re.I)
#: A border feature told by the two sides it joins: "the crossing between Egypt and Gaza".
_FEATURE_BETWEEN = re.compile(r"\s*the\s+(?:main\s+|border\s+)*(?P<feature>crossing|bridge|border\s+post)\s+"
                              r"(?:between|linking|connecting)\b", re.I)


def _object_places(text: str, t1: int, sentence: Sentence, in_places: list[Place],
                   places: list[Place], registry: ActorRegistry, descriptive: bool = False,
                   gain: bool = False, theatre: frozenset[str] = frozenset()) -> list[_PlacePart]:
    """Places named by the object after a trigger: toponyms, "the city", or an unnamed place.

    ``theatre`` holds the countries of the article's war: "the capital" is one of theirs.
    """
    rest = text[t1:sentence.end]
    # (a quote may open the phrase: 'pulled back "to more advantageous lines"')
    if re.match(r"\s*[\"“]?(?:[a-z]+ly\s+)?(?:to|by|back|up|down|away|place|part(?!\s+of\b)|prisoner|hold|power|office|charge|refuge|"
                r"shelter|custody|hostage)\b", rest, re.I):
        return []  # "fled to", "took place", "taken prisoner": no place is the object
    if re.match(r"\s*(?:an?|the|this|that|its|their)\s+(?:[a-z]+\s+)?(?:decisions?|steps?|measures|actions?|"
                r"precautions|initiative|lead)\b", rest, re.I):
        return []  # "took the decision to pull out of Bentiu": a choice taken, the place is the move's
    if gain and _CARRIED_FROM.match(rest):
        return []  # "an offensive that took them from Idlib to the capital": a journey, no capture
    if gain and re.match(r"\s*(?:[a-z]+ly\s+)?from\b", rest):
        return []  # "which Israel captured from Syria": the loser follows, the place came before
    lead = _LEAD_IN.match(rest)
    n0 = t1 + (lead.end() if lead else 0)
    rest = text[n0:sentence.end]
    # a headline in capitals ("CHAD STRONGHOLD AFTER DEFEATS") ends its noun phrases at the
    # same function words as running text
    cut = _NP_END.search(rest if re.search(r"[a-z]", sentence.text) else rest.lower(), 1)
    np_end = n0 + (cut.start() if cut else len(rest))
    if gain:
        # "recaptured the town of Adan Yabaal from al-Shabaab": the loser follows "from"
        loser = re.search(r"\s+from\s+(?=\S)", text[n0:np_end])
        after_from = text[n0 + loser.end():np_end] if loser is not None else ""
        opening = len(re.match(r"(?:the\s+)?", after_from).group(0))
        # (the loser's name may follow a word or two: "from the paramilitary Rapid Support Forces")
        if loser is not None and any(a.start == opening or re.fullmatch(r"(?:the\s+)?(?:[a-z][\w-]*\s+){1,2}",
                                                                          after_from[:a.start])
                                     for a in registry.find(after_from)):
            np_end = n0 + loser.start()
    sized = _SIZED_TOWN.match(text, n0, np_end)
    if sized is not None:
        np_end = sized.end()  # "the fall of the city of 800,000 people to the rebels": its size ends it
    np_text = text[n0:np_end]
    if not _clean(np_text) or _NOT_PLACE.match(np_text) or _UNIT.match(np_text) or _VESSEL.match(np_text):
        return []
    if _SIZED_LIKE.match(np_text):
        # "seized an area the size of Texas": a measure, the place named is only its yardstick
        return [_PlacePart(_clean(np_text), n0, np_end, None, False, _UNANCHORED)]
    first_word = re.match(r"\s*(?:(?:on|in|by|the|last|early|late)\s+)*([\w'’-]+)", np_text)
    if (first_word and first_word.group(1).lower() in _CALENDAR_WORDS
            and not re.match(r"\s+[A-Z]", np_text[first_word.end():])):  # (but "May Pen" is a town)
        return []  # "which was stormed on Thursday": a date, not a place
    # (an actor written as people, "forces", "the Iranians": a bare country name may be the place)
    lead_actor = [a for a in registry.find(np_text) if a.start <= 4 and not _possessive(np_text, a)
                  and re.search(r"s$", a.words, re.I)]
    if lead_actor and not any(p.start == n0 + lead_actor[0].start for p in in_places):
        return []  # "held the Turkish forces from making progress": people, not a place
    if re.match(r"\s*(?:would|will|could|might|may)\b", text[np_end:np_end + 12]) and not descriptive:
        return []  # "regaining control over the suburbs would stop ...": hypothetical
    named = [p for p in in_places if n0 <= p.start < np_end and p.start - n0 <= 80 and not _SPEECH.match(
        text[p.end:p.end + 14].lstrip())]
    abroad = [p for p in named if _airport_abroad(p, theatre)]
    if abroad and abroad[0] is named[0]:
        # the airport of the town in play: the last one of the war's countries named before
        town = next((p for p in reversed(places) if p.end <= n0 and p.entry.kind == "city"
                     and p.entry.country in theatre), None)
        s, e = abroad[0].start, abroad[0].end
        return [_PlacePart(text[s:e], s, e, town, town is not None, "the airport of the town in play")]
    while (len(named) > 1 and named[1].entry.kind in ("city", "airport", "feature")
           and _SIDE_OF.fullmatch(text, named[0].end, named[1].start)):
        # "the Gaza side of the Rafah crossing" is at Rafah (but "the Kherson side of the Dnipro"
        # is Kherson's bank, and "the Donetsk half of Ukraine" Donetsk's: a river or a country
        # is too large to stand for the place)
        named = named[1:]
    while len(named) > 1 and (_REGION_THEN_NOUN_OF.fullmatch(text, named[0].end, named[1].start) or re.fullmatch(
            r"\s+of\s+(?:the\s+)?", text[named[0].end:named[1].start]) and re.search(
            r"\s(?:city|town|village|capital|port|camp)$", named[0].text, re.I)):
        # "the southern Gaza city of Khan Younis", "the South Kivu capital of Bukavu": the region
        # only says where the town named after the noun lies
        named = named[1:]
    between = _FEATURE_BETWEEN.match(np_text)
    if between is not None:
        # "took control of the crossing between Egypt and the Gaza Strip": a crossing on the
        # border the two name, the one told before ("seize Rafah crossing"), never either side
        feature = between.group("feature").lower()
        told = [p for p in places if p.end <= sentence.start
                and re.match(r"\s+(?:[\w-]+\s+)?" + feature, text[p.end:p.end + 30], re.I)]
        if told:
            return [_PlacePart(_clean(np_text), n0, np_end, told[-1], True, PART_OF_PLACE)]
        return [_PlacePart(_clean(np_text), n0, np_end, None, False, _UNANCHORED)]
    side_of = _SIDE_OF_FEATURE.match(text, named[0].end) if named else None
    if side_of is not None and not any(p.start >= side_of.end() for p in named[1:]):
        # "the Gaza side of the crossing": the crossing told before ("seized the Rafah border
        # crossing"), else no place the map can draw (never Gaza City itself)
        feature = side_of.group("feature").lower()
        told = [p for p in places if p.end <= sentence.start
                and re.match(r"\s+(?:[\w-]+\s+)?" + feature, text[p.end:p.end + 30], re.I)]
        end = side_of.end()
        if told:
            return [_PlacePart(_clean(text[n0:end]), n0, end, told[-1], True, PART_OF_PLACE)]
        return [_PlacePart(_clean(text[n0:end]), n0, end, None, False, _UNANCHORED)]
    if (len(named) > 1 and named[1].entry.country == named[0].entry.country
            and re.fullmatch(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}", text[named[0].end:named[1].start])
            and not re.search(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$", text[n0:named[0].start], re.I)):
        # "1,000 square kilometres of Russia's Kursk region", "from southern Gaza's Khan Younis":
        # the owner only says where the place is (but "army base in Burkina Faso's Djibo" is
        # a base at Djibo, which the anchor reading below keeps)
        named = named[1:]
    if named:
        first = named[0]
        lead_words = text[n0:first.start]
        after_first = text[first.end:first.end + 30]
        listed = _LISTED.match(lead_words) or _LOCATED.match(lead_words)
        if listed and not _names_actor(listed.group("names"), registry, None):
            # "the villages of Foua and Kfraya in Idlib province", "Ouadi Doum in northern Chad":
            # names the gazetteer lacks, located by the toponym after them.
            return [_PlacePart(name, s, e, first, True, _NAMED)
                    for name, s, e in _names_in(text, n0 + listed.start("names"), n0 + listed.end("names"))]
        facility = _facility_town(lead_words, n0, first, np_end, sentence, registry)
        if facility is not None:
            return [facility]
        if first.entry.kind == "admin1" and _CAPITAL_OF_LEAD.search(lead_words):
            # "the RSF overran the capital of Gezira state": the state's capital city, which the
            # article names (the largest town it names in the state), else part of the state
            end = first.end
            town = _capital_named_in(first, places)
            if town is not None:
                return [_PlacePart(_clean(text[n0:end]), n0, end, town, False,
                                   f"the capital of {first.entry.name}, named in the article")]
            return [_PlacePart(_clean(text[n0:end]), n0, end, first, False, PART_OF_PLACE)]
        owned_capital = _OWNED_CAPITAL.match(text, first.end, np_end + 1)
        if first.entry.kind in ("admin1", "region") and re.fullmatch(r"\s*(?:the\s+)?", lead_words) and owned_capital:
            # "Tigray's regional capital", "Gezira state's capital": the capital the article names
            # in that division (its largest town named there), else part of it
            end = owned_capital.end()
            town = _capital_named_in(first, places)
            if town is not None:
                return [_PlacePart(_clean(text[n0:end]), n0, end, town, False,
                                   f"the capital of {first.entry.name}, named in the article")]
        if re.search(r"\b(?:" + _PLACE_NOUN_WORDS + r")\s+(?:to|towards?|from|linking|between)\s+(?:the\s+)?$",
                     lead_words, re.I) or _DIRECTIONAL.search(lead_words) or re.search(
                r"\b(?:in|at|near|outside|inside|within|around|on)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central)\w*\s+)?$",
                lead_words, re.I) and _place_head(lead_words):
            # "defence posts east of Iraq's second city, Basra", "the camp in Beirut": the place
            # is near the toponym, which is kept as its anchor (the last toponym of the chain).
            anchor = named[-1] if len(named) > 1 and named[-1].start - first.end <= 40 else first
            end = max(np_end, anchor.end)
            province = _province_named(anchor, text) if _WIDE_AREA_IN.search(lead_words) else None
            if province is not None:
                # "rebel-held territory in Idlib": land and villages lie in the province of that
                # name, not in its capital city; the event is about part of the province
                return [_PlacePart(_clean(text[n0:end]), n0, end, province, False, PART_OF_PLACE)]
            return [_PlacePart(_clean(text[n0:end]), n0, end, anchor, True)]
        # ("one of Afghanistan's main cities" is one town of the country, not a share of it: the
        # town the text names around it, by the anchor reading below)
        one_town = (first.entry.kind == "country" and re.search(r"\bone\s+of\s+(?:the\s+)?$", lead_words, re.I)
                    and re.match(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:cities|towns)\b", after_first, re.I))
        if _COUNT_OF.search(lead_words) and _OWNED_UNITS.match(text, first.end, np_end) and not one_town:
            # "eight of Rakhine's 17 townships": a share of the place's own divisions is part of it
            return [_PlacePart(_clean(np_text), n0, np_end, first, False, PART_OF_PLACE)]
        if re.match(r"['’]s\s", after_first):
            # "Tripoli's major air base", "Chad's north": the toponym only qualifies the place
            return [_PlacePart(_clean(np_text), n0, np_end, first, True)]
        if _FACILITY_AFTER.match(text, first.end, sentence.end):
            # "the Zaporizhzhia nuclear power plant": a facility named after the toponym, which
            # locates it (not a town named nearby); "CHAD STRONGHOLD" only says which country
            # it is in, and a town the text names may stand for it
            held = _HELD_GROUND_AFTER.match(text, first.end, sentence.end) and first.entry.kind in _COARSE_KINDS
            return [_PlacePart(_clean(np_text), n0, np_end, first, True, "" if held else _FACILITY)]
        if _NOT_PLACE.match(lead_words + "x") and not _PLACE_NOUN.search(lead_words):
            return []
        chain = [first]
        unknown: list[_PlacePart] = []  # names in the list the gazetteer lacks ("Zorianka")
        for p in named[1:]:
            gap = text[chain[-1].end:p.start]
            between = _UNKNOWN_ITEM_GAP.fullmatch(gap)
            if between is not None and not _names_actor(between.group("name"), registry, None):
                # "captured Selydove, Zorianka and Kurakhove": the list goes on past a name
                # the gazetteer lacks, which is kept with its words
                s, e = chain[-1].end + between.start("name"), chain[-1].end + between.end("name")
                unknown.append(_PlacePart(text[s:e], s, e, None, False))
                chain.append(p)
                continue
            if not _CONJUNCTION_GAP.match(gap):
                break
            if gap.rstrip().endswith(" of") and p.entry.kind != "city":
                break  # "Khan Shaykhun and the southern villages of Idlib": villages in the province, not it
            if _ATTRIBUTIVE_PLACE_AFTER.match(text, p.end, sentence.end):
                break  # "captured Saraqeb and Hama residents fled": Hama only says whose residents
            chain.append(p)
        last_item = _UNKNOWN_LAST_ITEM.match(text, chain[-1].end, np_end)
        if (last_item is not None and _PLURAL_LIST_BEFORE.search(text, max(n0, chain[-1].start - 80), chain[-1].start)
                and not any(p.start < last_item.end("name") and last_item.start("name") < p.end for p in in_places)
                and not _names_actor(last_item.group("name"), registry, None)):
            # "the towns of Minova and Sake": the last town of the list, which the gazetteer lacks,
            # is kept with its words
            s, e = last_item.span("name")
            unknown.append(_PlacePart(text[s:e], s, e, None, False))
        for p in in_places:
            # "recaptured Izium, Russia's main logistics hub, and Kupiansk, a key railway junction":
            # the next item of the list comes after the first one's apposition
            if p.start > chain[-1].end and _APPOSED_ITEM_GAP.fullmatch(text, chain[-1].end, p.start):
                chain.append(p)
        parts = [_PlacePart(p.text, p.start, p.end, p, False, PART_OF_PLACE if _PLACE_NOUN.search(lead_words)
                            and re.search(r"\b(?:parts?|neighbou?rhoods?|much|most|half|slivers?|pockets?|blocks|"
                                          r"outskirts|districts?|quarters?)\b", lead_words, re.I)
                            or _district_of_town(p) else "")
                 for p in chain]
        parts = sorted(parts + unknown, key=lambda part: part.start)
        if _PARTITIVE_LEAD.search(lead_words):
            # "pushed the RSF out of most of central Sudan", "captured most of Aleppo": part of
            # the place, in its words
            s = n0 + _PARTITIVE_LEAD.search(lead_words).start()
            parts[0] = _PlacePart(text[s:first.end], s, first.end, first, False, PART_OF_PLACE)
        tail = _SURROUNDING.match(text[chain[-1].end:sentence.end])
        if tail:
            s = chain[-1].end + tail.start("np")
            e = chain[-1].end + tail.end("np")
            province = _province_of(chain[-1], s, e, text) if "province" in tail.group("np").lower() else None
            parts.append(_PlacePart(text[s:e], s, e, province, False, "the area around " + chain[-1].entry.name))
        return parts
    capital = _capital_named_here(text, n0, np_end, in_places, sentence)
    if capital is not None:
        return [capital]
    coref = _COREF.search(np_text)
    if coref and coref.start() <= 40:
        antecedent = _antecedent(places, n0 + coref.start(), coref.group("noun"), text, theatre)
        if (coref.group("noun") or "").lower() in ("city", "town"):
            # "besieged the city, capital of North Darfur state": the apposition says which
            antecedent = _apposed_capital(text, n0 + coref.end(), in_places, places) or antecedent
        if coref.group("it"):
            # "built bases along the corridor after capturing it": "it" is what a noun of this
            # sentence before it points back to, when one does
            nouns = [c for c in _COREF.finditer(text, sentence.start, n0 + coref.start()) if c.group("noun")]
            if nouns:
                antecedent = _antecedent(places, nouns[-1].start(), nouns[-1].group("noun"), text, theatre) or antecedent
        name = _unresolved_before(text, sentence.start, n0, places) if coref.group("it") else None
        if name is not None and _within_actor_name(name[1], sentence, registry):
            name = None  # "from the Myanmar National Democratic Alliance Army, which seized it": who, not where
        if name is not None and (antecedent is None or antecedent.start < name[1]):
            # "aid for civilians in Eastern Ghouta after liberating it": the last place named,
            # though the gazetteer lacks it
            return [_PlacePart(*name, None, False)]
        if antecedent is not None and not (coref.group("noun") and not _place_head(np_text)
                                           and not re.fullmatch(r"\W*" + re.escape(coref.group(0)) + r"\W*", np_text)):
            # (not "the province's future export growth": the province is named, growth is the head)
            part = "" if coref.start() == 0 else PART_OF_PLACE
            if coref.start() == 0 and (coref.group("it") or re.match(r"\s+(?:back\s+)?(?:over\s+)?to\s",
                                                                    np_text[coref.end():])):
                # "handed it to the army", "handing the town to the army": the object ends there
                np_end = n0 + coref.end()
                np_text = text[n0:np_end]
            return [_PlacePart(_clean(np_text), n0, np_end, antecedent, False, part)]
        if antecedent is not None:
            return []
        if (coref.start() == 0 and (coref.group("noun") or "").lower() in ("town", "city", "village")
                and (unresolved := _last_unresolved_name(text, sentence, n0, places, registry)) is not None):
            # "KHARTOUM (Reuters) - The RSF seized Umm Sumeima ... the army still held the town":
            # the town told before, which the gazetteer lacks (not the dateline's, nor one near it)
            return [_PlacePart(*unresolved, None, False)]
        if (coref.group("noun") or "").lower() == "capital":
            # "entered the capital" when the text names no capital of the war's country: kept
            # with its words, unresolved, and near no town (Homs is not "the capital")
            return [_PlacePart(_clean(np_text), n0, np_end, None, False, _UNANCHORED)]
    proper = re.fullmatch(r"\s*(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
                          r"[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+){0,3}\s*", np_text)
    if not _place_head(np_text) and not proper:
        return []  # "securing the province's export growth": a province is named, growth is taken
    listed = re.match(r"^(?P<lead>.*?\bof\s+)(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)((?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)*)\s+and\s+(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*$", np_text, re.S)
    if listed:
        # "villages of Nuli and Avnevi": one event per named (if unresolved) place.
        out = []
        for name in re.findall(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", np_text[listed.end("lead"):]):
            s = text.index(name, n0 + listed.end("lead"))
            out.append(_PlacePart(name, s, s + len(name), None, False))
        return out
    clean = _clean(np_text)
    s = text.index(clean, n0)
    return [_PlacePart(clean, s, s + len(clean), None, False)]


#: What follows a trigger whose object came before it: a time, a place adverbial, the clause's end.
_EMPTY_OBJECT = re.compile(
    r"\s*(?:(?:initially|recently|earlier|previously|first|briefly)\s+)?"
    r"(?:during|throughout|when|while|at(?!\s+least)|on|in|since|after|before|from|until|with|for|near|outside|around|inside|"
    r"along|last|earlier|yesterday|today|overnight|[,.;)]|$)", re.I)


def _relative_head(text: str, t0: int, sentence: Sentence, in_places: list[Place],
                   actors: list[ActorMention]) -> _PlacePart | None:
    """The place a relative clause before a trigger is about: "positions (that) they had
    initially occupied", "the Golan Heights, which Israel captured"."""
    before = text[sentence.start:t0]
    subject = re.search(r"(?:\s*,?\s+(?:which|that))?\s+(?P<subject>they|it|we)\s+" + _AUX + r"(?:[a-z]+ly\s+)?$",
                        before, re.I)
    if subject is None:
        named = [a for a in actors if a.end <= t0
                 and re.fullmatch(r"\s+" + _AUX + r"(?:[a-z]+ly\s+)?", text[a.end:t0] + " ")]
        if not named:
            return None
        head_end = named[-1].start
        # (the name may follow its article: "Wad Madani, which the RSF had seized")
        link = re.search(r"(?:\s*,?\s+(?:which|that)(?:\s+the)?)?\s*$", text[sentence.start:head_end], re.I)
        reduced = _REDUCED_RELATIVE_HEAD.search(text, sentence.start, head_end)
        if reduced is not None:
            # "Sudzha, the largest settlement Ukraine had held in Russia's Kursk region": a
            # relative clause with no "that", on the place noun before it (and that noun's
            # toponym when it is an apposition)
            # (past the main clause's date: "entered Goma on Monday, a city the army had held")
            appositive_of = [p for p in in_places if p.end <= reduced.start() and (re.fullmatch(
                r",\s*", text[p.end:reduced.start()]) or _dated_comma(text, p.end, reduced.start()))]
            if appositive_of:
                p = appositive_of[-1]
                return _PlacePart(p.text, p.start, p.end, p, False)
            words = re.sub(r"\s+the$", "", _clean(reduced.group(0)))  # ("a city (the army) had held")
            return _PlacePart(words, reduced.start(), reduced.start() + len(words), None, False)
        if not link or not re.search(r"\b(?:which|that)(?:\s+the)?\s*$", link.group(0), re.I):
            return None  # "Rebels captured": a named actor alone is a main clause, not a relative one
        head_end = sentence.start + link.start()
    else:
        head_end = sentence.start + subject.start()
    toponym = [p for p in in_places if p.end == head_end or text[p.end:head_end].strip() == ""
               or p.end < head_end and _only_a_date(text, p.end, head_end)]
    toponym = [p for p in toponym if p.end <= head_end]
    if toponym:
        p = toponym[-1]
        owner = next((q for q in in_places if q.end < p.start and _HEAD_BEFORE_APPOSITIVE.fullmatch(text, q.end, p.start)),
                     None)
        if owner is not None:
            # "El Fasher, the capital of North Darfur, which the RSF has besieged": the
            # relative clause is about the town the appositive describes
            p = owner
        located = _LOCATED_BEFORE.search(text, max(sentence.start, p.start - 60), p.start)
        if owner is None and located is not None:
            # a toponym after "in" only says where the relative clause's head lies
            town = next((q for q in reversed(in_places) if q.end == located.start()), None)
            if town is not None and p.entry.kind in _COARSE_KINDS and town.entry.kind in _ANCHOR_KINDS:
                # "the village of Robotyne in the Zaporizhzhia region, which Ukraine retook": the village
                return _PlacePart(town.text, town.start, town.end, town, False)
            head = _UNNAMED_HEAD_BEFORE.search(text, max(sentence.start, located.start() - 60), located.start())
            if town is None and head is not None and not _NOT_PLACE.match(head.group(0)):
                # "the presidential palace in Khartoum, which the RSF had held": the palace, at
                # Khartoum (as "... the palace. The RSF had held it since 2023" would read)
                return _PlacePart(text[head.start():p.end], head.start(), p.end, p, True)
        return _PlacePart(p.text, p.start, p.end, p, False)
    noun = re.search(r"(?<![\w'’-])(?:(?:the|a|an|all|some|several|most|few|their|its)\s+)*(?:(?!" + _FUNCTION_WORD +
                     r"\s)[\w'’-]+\s+){0,3}?(?:" +
                     _PLACE_NOUN_WORDS + r")\s*$", text[max(sentence.start, head_end - 80):head_end], re.I)
    if noun is None or _NOT_PLACE.match(noun.group(0)):
        return None
    start = head_end - len(noun.group(0))
    words = _clean(noun.group(0))
    start += noun.group(0).index(words)
    return _PlacePart(words, start, start + len(words), None, False)


def _dated_comma(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a date and a comma (" on Monday, ")."""
    gap = text[start:end].rstrip()
    return gap.endswith(",") and _only_a_date(text, start, start + len(gap) - 1)


def _only_a_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one date and nothing else ("on Sunday", "in October
    2023"): "seized El Fasher on Sunday, which the RSF had besieged since May" hangs the
    relative clause on the town, past the date of the main clause."""
    gap = text[start:end]
    if not gap.strip() or len(gap) > 40:
        return False
    spans = date_spans(gap)
    return len(spans) == 1 and not gap[:spans[0][0]].strip() and not gap[spans[0][1]:].strip()


#: "in" (or "at", "near") right before the toponym a relative clause follows: the toponym may
#: only locate the clause's head ("the palace in Khartoum, which ...").
_LOCATED_BEFORE = re.compile(r"\s*,?\s+(?:in|at|inside|near)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central)"
                             r"\w*\s+)?$", re.I)
#: An unnamed place right before that "in": "the presidential palace", "an army base".
_UNNAMED_HEAD_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+(?:(?!" + _FUNCTION_WORD + r"\s)[\w'’-]+\s+){0,3}?(?:"
                                  + _PLACE_NOUN_WORDS + r")$", re.I)
#: A place noun phrase right before the subject of a relative clause with no "that": "the largest
#: settlement (Ukraine had held)", "the only regional capital (Moscow had captured)".
_REDUCED_RELATIVE_HEAD = re.compile(r"\b(?:the|a)\s+(?:[a-z][\w-]*\s+){0,3}(?:settlement|town|city|village|capital|"
                                    r"stronghold|base|territory|area|region|position)\s+(?:the\s+)?$")
#: Between a place and the place of its appositive: "El Fasher, the capital of North Darfur".
_HEAD_BEFORE_APPOSITIVE = re.compile(r",\s*(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){0,3}(?:capital|city|town|seat|port|hub)"
                                     r"\s+(?:of|in)\s+(?:the\s+)?")


def _unresolved_before(text: str, start: int, end: int, places: list[Place]) -> tuple[str, int, int] | None:
    """The last name after a locative preposition in ``text[start:end]`` that no resolved place covers."""
    found = None
    for m in re.finditer(r"\b(?:in|into|of|from|at|near|around|outside)\s+(?:the\s+)?(?P<name>" + _NAME + r")",
                         text[start:end]):
        s, e = start + m.start("name"), start + m.end("name")
        if m.group("name").split()[0].lower().rstrip(".") in _CALENDAR_WORDS:
            continue  # "in May 2015", "on Sunday": a date, not a place the gazetteer lacks
        if not any(p.start < e and s < p.end for p in places):
            found = (m.group("name"), s, e)
    return found


_CALENDAR_WORDS = (frozenset(MONTHS) | frozenset(m[:3] for m in MONTHS) | frozenset(WEEKDAYS)
                   | frozenset("sept christmas easter ramadan eid".split()))


def _within_actor_name(at: int, sentence: Sentence, registry: ActorRegistry) -> bool:
    """Whether the article offset ``at`` lies inside an actor's name in ``sentence``."""
    return any(a.start <= at - sentence.start < a.end for a in registry.find(sentence.text))


def _place_head(words: str) -> bool:
    """True when a noun phrase is headed by a place noun: "strong defences west of the canal",
    "most of the towns", not "the province's future export growth"."""
    words = re.sub(r"^(?:more\s+and\s+more|ever\s+more)\s+", "", words.strip(), flags=re.I)
    # a partitive names its whole: "one of Iraq's strongest fortifications", "dozens of villages"
    words = re.sub(r"^(?:one|some|several|many|each|any|two|three|four|five|six|dozens|scores|hundreds|a\s+number|"
                   r"a\s+string|a\s+series|a\s+chain)\s+of\s+", "", words, flags=re.I)
    head = re.split(r"\s+(?:of|in|on|at|near|east|west|north|south|along|around|outside|inside|leading|from|to|"
                    r"towards|with|and|or|between|beyond|across)\b|,", words, maxsplit=1)[0]
    last = re.findall(r"[\w'’-]+", head)
    return bool(last) and _PLACE_NOUN.fullmatch(last[-1]) is not None


def _admin1_of(entry: GazetteerEntry) -> GazetteerEntry | None:
    """The gazetteer's first-level division of ``entry`` (one indexed query)."""
    try:
        gazetteer = open_gazetteer(build_if_missing=False)
    except GazetteerError:  # no index (places resolved by other means): the words stay unresolved
        return None
    return gazetteer.admin1_of(entry)


#: An expanse of land located "in" a toponym: "territory in Idlib", "the villages in Deir ez-Zor".
_WIDE_AREA_IN = re.compile(r"\b(?:territor(?:y|ies)|countryside|villages|towns|farmland|lands?)\s+in\s+(?:the\s+)?$",
                           re.I)


def _province_named(place: Place, text: str) -> Place | None:
    """The province a city gives its name to ("Idlib" -> Idlib Governorate), else ``None``."""
    entry = place.entry
    if entry.kind != "city" or not (entry.admin1 or "").lower().startswith(entry.name.lower()):
        return None  # (the entry's own admin1 name tells, before the gazetteer is asked)
    runner = place.runner_up
    if runner is not None and runner.kind == "admin1" and (runner.country, runner.admin1_code) == (
            entry.country, entry.admin1_code):
        # the geoparser weighed the province as the other reading: no need to query for it
        return Place(place.start, place.end, place.text, runner, place.sentence, place.source,
                     round(place.confidence * 0.9, 3))
    province = _province_of(place, place.start, place.end, text)
    if province is None or not province.entry.name.lower().startswith(place.entry.name.lower()):
        return None
    return province


def _province_of(place: Place, start: int, end: int, text: str) -> Place | None:
    """"the surrounding province" of a city, as a Place, when the gazetteer can say which."""
    entry = _admin1_of(place.entry)
    if entry is None:
        return None
    return Place(start, end, text[start:end], entry, place.sentence, place.source, round(place.confidence * 0.9, 3))


_SUBJECT_GAP = re.compile(
    r"^\s*,?\s*(?:(?:which|that|who)\s+)?(?:itself\s+)?(?:(?:was|is|were|are|has|had|have|has\s+been|had\s+been|"
    r"remains|remained|[a-z]+ly|both|all|"
    r"became|becomes|long|once|still|now|then|reportedly|already|also|largely|the|a|an|last|main|key|former|only|"
    r"major|biggest|largest|remaining|isolated\s+and|cut\s+off\s+and)\s+)*$", re.I)


#: An appositive naming what a town is, up to a predicate after it: ", the last city in the
#: region (in army hands)", ", the only town (still under government control)".
_APPOSED_TOWN_NOUN = re.compile(r",\s+(?:the|its|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:city|town|village|stronghold|"
                                r"garrison|base|outpost|capital)(?:\s+(?:in|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                                r"(?:region|province|state|country|area|north|south|east|west))?\s+(?:still\s+|now\s+)?$", re.I)


def _subject_places(text: str, t0: int, sentence: Sentence, in_places: list[Place],
                    places: list[Place], registry: ActorRegistry) -> list[_PlacePart]:
    """The place a passive or predicative trigger is about: written just before it."""
    before = text[sentence.start:t0]
    stripped = re.sub(r"(?:\s+(?:has|have|had|was|were|is|are|been|being|itself|also|still|reportedly|then|now|"
                      r"declared|proclaimed|officially|back|firmly|[“\"]?\d+%[”\"]?|"
                      r"once|long|a|an|the|last|main|key|former|only|major|which|that|until|when|already|"
                      r"[a-z]+ly|both|all|each))+\s*,?\s*$",
                      "", " " + before, flags=re.I)
    if re.search(r"\b(?:it|which|that)\s*$", stripped, re.I):
        antecedent = _antecedent(places, t0 - (len(before) - len(stripped) + 1) - 2, None, text)
        if antecedent is not None and sentence.start <= antecedent.start or (antecedent and t0 - antecedent.end < 300):
            return [_PlacePart(antecedent.text, antecedent.start, antecedent.end, antecedent, False)]
    # "Aleppo, a rebel stronghold until 2016, fell to": the subject before an apposition.
    # ("The city, a key link ..., appears to have fallen into rebel hands": a hedge before the verb)
    apposed = re.search(r",[^,;]{3,90},\s*" + _AUX + r"(?:(?:remains?|remained|stays?|stayed)\s+|"
                        r"(?:appears|appeared|seems|seemed)\s+to\s+(?:have\s+)?)?$", before)
    if apposed:
        head = [p for p in in_places if p.end <= sentence.start + apposed.start()]
        if head and not text[head[-1].end:sentence.start + apposed.start()].strip():
            return _coordinated(text, head)  # "Bakhmut and Soledar, 15km apart, both fell to"
        name = re.search(r"(?:^|[,;]\s*|\b(?:and|but|as|while|when)\s+)(?P<name>" + _NAME + r")$",
                         before[:apposed.start()])
        if name and not _names_actor(name.group("name"), registry, None):
            s = sentence.start + name.start("name")
            return [_PlacePart(name.group("name"), s, s + len(name.group("name")), None, False)]
        pointer = re.search(r"(?:^|[,;]\s*|\b(?:and|but|as|while|when)\s+)(?P<np>(?:the|this|that)\s+(?:[a-z][\w-]*\s+){0,2}?"
                            r"(?P<noun>city|town|village|capital|port)\s*)$", before[:apposed.start()], re.I)
        if pointer is not None:
            # "The city, capital of Anbar province west of Baghdad, fell": the city told before,
            # never a place of the apposition (which only describes it)
            s = sentence.start + pointer.start("np")
            antecedent = _antecedent(places, s, pointer.group("noun"), text)
            if pointer.group("noun").lower() in ("city", "town"):
                # (unless the apposition says which: "The city, capital of North Darfur state, fell")
                antecedent = _apposed_capital(text, sentence.start + pointer.end("np"), in_places,
                                              places) or antecedent
            words = pointer.group("np").strip()
            return [_PlacePart(words, s, s + len(words), antecedent, False)] if antecedent is not None else []
        named_noun = _NOUN_OF_NAME.search(before[:apposed.start()])
        if named_noun and not _names_actor(named_noun.group("name"), registry, None):
            # "The town of Luvungi, about 60 km north of Uvira, fell to the rebels": a town the
            # gazetteer lacks, located by the place of the aside (never that place itself)
            aside = (sentence.start + apposed.start(), sentence.start + apposed.end())
            inside = [p for p in in_places if aside[0] <= p.start < aside[1] and p.entry.kind in _ANCHOR_KINDS]
            s = sentence.start + named_noun.start("name")
            return [_PlacePart(named_noun.group("name"), s, s + len(named_noun.group("name")),
                               inside[-1] if inside else None, bool(inside))]
    described = _APPOSED_TOWN_NOUN.search(before)
    if described:
        # "besieging El Fasher, the last city in the region in army hands": the appositive's
        # town is held, not the region it is located in
        head = [p for p in in_places if p.end <= sentence.start + described.start()]
        if head and not text[head[-1].end:sentence.start + described.start()].strip():
            return [_PlacePart(head[-1].text, head[-1].start, head[-1].end, head[-1], False)]
    # The noun phrase right before the trigger: "refugee camps besieged by", "Douma is surrounded by".
    words = list(re.finditer(r"[\w'’-]+", stripped))[-10:]
    boundaries = [0]
    for i, w in enumerate(words):
        if re.fullmatch(r"(?:of|in|with|along|on|at|for|over|from|and|by|to|said|says|that|as|after|"
                        r"between|against|around|near|when|while|where|because|if|since|before|but|who)",
                        w.group(0), re.I):
            boundaries.append(i + 1)
    boundary = boundaries[-1]
    phrase = words[boundary:]
    if phrase:
        base = sentence.start - 1  # ``stripped`` has one leading space
        s, e = base + phrase[0].start(), base + phrase[-1].end()
        named = [p for p in in_places if s <= p.start and p.end <= e + 2]
        if (named and named[-1].entry.kind in _COARSE_KINDS and len(boundaries) > 1 and boundary > 1
                and re.fullmatch(r"in|inside|near", words[boundary - 1].group(0), re.I)):
            # "the key Ouadi Doum airstrip in northern Chad captured by": the subject is the noun
            # phrase before the locative; the country or province only locates it
            head = words[boundaries[-2]:boundary - 1]
            hs, he = base + head[0].start(), base + head[-1].end()
            # the noun phrase starts at its last determiner: "still bombing the key ... airstrip"
            det = list(re.finditer(r"\b(?:the|a|an|its|their|this|that|these|those)\s", text[hs:he], re.I))
            hs += det[-1].start() if det else 0
            head_text = text[hs:he]
            if head and (_PLACE_NOUN.search(head_text) or re.search(_NAME, head_text)) \
                    and not _NOT_PLACE.match(head_text) and not _names_actor(head_text, registry, None):
                return [_PlacePart(head_text, hs, he, named[-1], True)]
        if named and _SUBJECT_GAP.match(text[named[-1].end:t0]):
            # "Hama and Homs fell to rebels": every place of the coordinated subject
            return _coordinated(text, [p for p in in_places if p.end <= named[-1].end])
        area = re.match(r"\s+(?:area|region|district|pocket|enclave|countryside|sector)\b", text[named[-1].end:t0],
                        re.I) if named else None
        if area and _SUBJECT_GAP.match(text[named[-1].end + area.end():t0]):
            # "al-Tanf area controlled by the US": the area named after the toponym
            end = named[-1].end + area.end()
            return [_PlacePart(text[named[-1].start:end], named[-1].start, end, named[-1], False)]
        if named:
            return []  # "LIBYA ABANDONS CHAD STRONGHOLD": the toponym is the subject of another verb
        np_text = text[s:e]
        coref = _COREF.search(np_text)
        if coref and coref.group("noun"):
            antecedent = _antecedent(places, s + coref.start(), coref.group("noun"), text)
            if antecedent is not None:
                return [_PlacePart(np_text, s, e, antecedent, False)]
        if _NOT_PLACE.match(np_text):
            return []
        if _PLACE_NOUN.search(np_text) and not re.search(r"\b(?:it|they|which)$", np_text, re.I):
            return [_PlacePart(np_text, s, e, None, False)]
        if re.fullmatch(_NAME, np_text) and not _names_actor(np_text, registry, None) \
                and not re.match(r"(?:The|This|That|It|They|He|She|We)\b", np_text):
            # "when Ghouta was under terrorists' control": a name the gazetteer lacks
            return [_PlacePart(np_text, s, e, None, False)]
    # "Aleppo, which itself was a rebel stronghold": a toponym, then only a copula.
    candidates = [p for p in in_places if p.end <= t0]
    if candidates and _SUBJECT_GAP.match(text[candidates[-1].end:t0]):
        return _coordinated(text, candidates)
    return []


#: "the town of Luvungi", "a village of Kavundi": a place noun and the name it introduces.
_NOUN_OF_NAME = re.compile(r"(?i:the|a)\s+(?:[\w'’-]+\s+){0,2}?(?i:town|village|city|hamlet|camp|base|settlement)"
                           r"\s+of\s+(?P<name>" + _NAME + r")$")


def _coordinated(text: str, candidates: list[Place]) -> list[_PlacePart]:
    """The last of ``candidates`` and the places coordinated before it ("Hama, Homs and Aleppo")."""
    chain = [candidates[-1]]
    for p in reversed(candidates[:-1]):
        if _CONJUNCTION_GAP.match(text[p.end:chain[0].start]):
            chain.insert(0, p)
        else:
            break
    return [_PlacePart(p.text, p.start, p.end, p, False) for p in chain]


def _names_actor(words: str, registry: ActorRegistry, conflict: str | None) -> bool:
    mentions = registry.find(words, conflict=conflict)
    covered = sum(m.end - m.start for m in mentions)
    return covered >= 0.6 * len(words.strip())


#: Kinds of gazetteer entry that can stand as the reference point of an unnamed place.
_ANCHOR_KINDS = ("city", "airport", "feature")
#: Kinds too coarse to locate an unnamed place by ("a stronghold in northern Chad").
_COARSE_KINDS = ("country", "continent", "admin1", "admin2", "region")


#: "the capital, Sanaa", "Congo's second-largest city, Bukavu": the town's name as an appositive
#: right after the noun that says what it is.
_CAPITAL_APPOSITIVE = re.compile(r"\b(?:capital|(?:largest|biggest|second-largest|third-largest|main|key|"
                                 r"strategic)\s+(?:city|town|port))\s*,\s*$", re.I)
#: "the Syrian capital": the capital of the country a demonym names.
_DEMONYM_CAPITAL = re.compile(r"\bthe\s+(?P<demonym>[A-Z][a-z]+)\s+capital\b")


def _capital_named_here(text: str, n0: int, np_end: int, in_places: list[Place],
                        sentence: Sentence) -> _PlacePart | None:
    """The capital an object names itself: "the capital, Sanaa" (its name after a comma) or
    "the Syrian capital" (the capital of the country of a demonym, from the gazetteer, the
    words themselves its mention); ``None`` otherwise."""
    for p in in_places:
        if n0 < p.start <= np_end + 3 and _CAPITAL_APPOSITIVE.search(text, n0, p.start):
            return _PlacePart(_clean(text[n0:p.end]), n0, p.end, p, False)
    found = _DEMONYM_CAPITAL.search(text, n0, np_end)
    if found is None:
        return None
    try:
        gazetteer = open_gazetteer(build_if_missing=False)
    except GazetteerError:
        return None
    country = gazetteer.demonyms({found.group("demonym").lower()}).get(found.group("demonym").lower())
    entry = gazetteer.capital(country) if country else None
    if entry is None:
        return None
    source = in_places[0].source if in_places else ""
    place = Place(found.start(), found.end(), found.group(0), entry, sentence, source, 0.9)
    return _PlacePart(_clean(text[n0:np_end]), n0, np_end, place, False, f"the capital of {country}")


def _possessor_in(part: _PlacePart) -> bool:
    """Whether the place of ``part`` is named inside its words, in the possessive ("the Gaza
    Strip's borders on land", "Chad's north"): the place the words belong to."""
    place = part.place
    if place is None or place.entry.kind in ("country", "continent") or not part.start <= place.start < part.end:
        return False
    at = place.end - place.sentence.start
    return re.match(r"['’]s?\s", place.sentence.text[at:at + 3]) is not None


#: The note of an unnamed place that no town may stand in for ("the capital", unnamed).
_UNANCHORED = "the text names no place it stands for"


def _with_anchor(part: _PlacePart, sentence: Sentence, places: list[Place], context: _Context,
                 trigger_at: int) -> _PlacePart:
    """Give an unnamed place ("some fresh territory") the nearest town named around it.

    The town is only a reference point (``anchor`` true): the event is located near it, which
    is what a map can show of "territory near Basra". Towns of the same sentence come first
    (a dateline town last among them), then the sentence before, then the next two (a headline
    or lede names the town a later sentence gives: "their last stronghold in northern Chad ...
    the oasis of Faya-Largeau"), then the last town named earlier in the article. A town in a
    country the article does not name, or named only as a speaker ("Baghdad said",
    "monitored in London"), is passed over. Countries and provinces are too coarse to anchor
    anything: an unnamed place located only by one ("in northern Chad") gets a town if the
    text gives one, else keeps the province or country.
    """
    if part.note == _UNANCHORED or part.place is not None and not (
            part.anchor and part.place.entry.kind in _COARSE_KINDS and part.note not in (_NAMED, _FACILITY)):
        return part
    if part.place is not None and _possessor_in(part):
        # "the Gaza Strip's borders on land": the place's own words say whose it is, and no
        # town named nearby (Rafah, of the same Strip) stands for it
        return part

    text = sentence.text
    speakers = _speaker_spans(text, sentence.start, trigger_at)

    coarse = part.place.entry if part.place is not None else None

    def inside_coarse(p: Place) -> bool:
        # a town standing in for "about a fifth of Ukraine's territory" must be in Ukraine
        # (not Sudzha, the Russian town named before); for a province, in that province
        if coarse is None or not coarse.country:
            return True
        if p.entry.country != coarse.country:
            return False
        return coarse.kind != "admin1" or not coarse.admin1_code or p.entry.admin1_code == coarse.admin1_code

    def usable(p: Place) -> bool:
        return (p.entry.kind in _ANCHOR_KINDS and not (part.start <= p.start < part.end)
                and not any(s <= p.start < e for s, e in speakers) and inside_coarse(p)
                and not _ACTOR_BEFORE_PLACE.search(p.sentence.text, 0, max(0, p.start - p.sentence.start)))

    def plausible(p: Place) -> bool:
        # (not a town named to say where another lies: "sits across the river from Mae Sot")
        return (usable(p) and _plausible_anchor(p, context)
                and not _ACROSS_FROM.search(p.sentence.text, 0, max(0, p.start - p.sentence.start)))

    def within(s: Sentence | None) -> list[Place]:
        if s is None:
            return []
        return places[bisect.bisect_left(context.place_starts, s.start):bisect.bisect_left(context.place_starts, s.end)]

    def earlier() -> list[Place]:
        # the last plausible town that ends before the sentence, looking back from it
        for p in reversed(places[:bisect.bisect_left(context.place_starts, sentence.start)]):
            if p.end <= sentence.start and plausible(p):
                return [p]
        return []

    # An unnamed place whose words carry the one-word name of a town named in it or around it
    # is near that town: "ARMY REBELS OCCUPY MANILA HQ" (a headline the geoparser could not
    # read) over "MANILA, April 18 -".
    words = set(re.findall(r"[\w'’-]+", part.text.lower()))
    for offset in (0, 1, -1, 2):
        named = [p for p in within(context.neighbour(offset)) if usable(p) and p.text.lower() in words]
        if named:
            return _PlacePart(part.text, part.start, part.end, named[0], True, f"near {named[0].entry.name} (named in it)")
    same = [p for p in within(sentence) if usable(p)]
    inland = [p for p in same if not _is_dateline(p, sentence)]
    # (a dateline town is no stand-in for a country or province: "BAMAKO - ... the camp at
    # Boulkessi in central Mali" is 600 km from Bamako)
    theatre = context.theatre

    def of_the_war(found: list[Place]) -> list[Place]:
        # "Myawaddy ... across the river from Mae Sot in Thailand. Junta soldiers who had held a
        # base on its outskirts fled": a town of the war's countries before one across a border
        inside = [p for p in found if p.entry.country in theatre]
        return inside or found

    # (many places of a province or country keep to it against the towns of later sentences:
    # "The Arakan Army now controls 14 of Rakhine's 17 townships. The state capital Sittwe ...";
    # one place in it may be the town told next: "their last stronghold in northern Chad ... the
    # oasis of Faya Largeau")
    # ("one of Afghanistan's main cities" is one city, which the next sentence may name)
    many = (coarse is not None and _MANY_PLACES.search(part.text) is not None
            and not re.match(r"\s*(?:just\s+)?one\s+of\b", part.text, re.I))
    # (nor for a town named in the words, which the gazetteer lacks and so is no dateline
    # town: "NAIROBI, April 18 - ... captured the central Somali town of Adan Yabaal")
    names_a_town = re.search(r"\b(?:town|village|city|camp|base|settlement)\s+of\s+[A-Z]", part.text) is not None
    # several places counted in a country or province ("five hilltops inside Lebanon") are
    # spread over it: no one town of another sentence stands for them, the region does
    spread = many and coarse.kind in ("country", "admin1") and _COUNTED_PLACES.search(part.text) is not None
    pools = (lambda: inland, lambda: same if coarse is None and not names_a_town else inland,
             lambda: [] if spread else of_the_war([p for p in within(context.neighbour(-1)) if plausible(p)])[-1:],
             lambda: [] if many else [p for p in within(context.neighbour(1)) if plausible(p)][:1],
             lambda: [] if many else [p for p in within(context.neighbour(2)) if plausible(p)][:1],
             lambda: [] if spread else earlier())
    for rank, pool in enumerate(pools):
        found = pool()
        if found:
            best = min(found, key=lambda p: abs(p.start - part.start))
            where = "named nearby" if rank < 5 else "named earlier in the article"
            return _PlacePart(part.text, part.start, part.end, best, True, f"near {best.entry.name} ({where})")
    return part


#: A count of places: "five hilltops", "dozens of villages", "12 positions".
_COUNTED_PLACES = re.compile(rf"\b(?:\d+|{_NUMBER_WORDS}|a\s+dozen|several|"
                             r"dozens\s+of|scores\s+of|hundreds\s+of|many|a\s+few|some)\s+(?:[a-z][\w-]*\s+)?"
                             rf"(?:{_PLACE_PLURALS}|heights)\b", re.I)
#: Words of many places, or of a share of one ("villages", "much of"). Not "heights", which
#: :data:`_COUNTED_PLACES` takes only after a count: "the Golan Heights" is one place.
_MANY_PLACES = re.compile(rf"\b(?:{_PLACE_PLURALS}|parts|much|most|half)\b", re.I)


def _plausible_anchor(place: Place, context: _Context) -> bool:
    """Whether a town named outside the sentence being read may anchor its unnamed place.

    A town of the same sentence is taken as written. Beyond the sentence, a town must lie in a
    country the article names, and be named as a place: not a dateline (where the reporter
    sat), a government ("Moscow's concern") or a speaker ("Baghdad said"). Cached per article.
    """
    known = context.plausible.get(place.start)
    if known is None:
        holder = _sentence_of(place, context)
        after = holder.text[place.end - holder.start:place.end - holder.start + 40]
        known = ((not context.countries or place.entry.country in context.countries)
                 and not _is_dateline(place, holder) and not re.match(r"['’]s\b", after[:3])
                 and not _SPEAKER_AFTER.match(after))
        context.plausible[place.start] = known
    return known


#: Note of a place part whose words are a name the gazetteer lacks, anchored to the region the
#: text puts it in ("Ouadi Doum in northern Chad"): the region is kept, no town replaces it.
_NAMED = "a name located by the region it is said to be in"
#: A place noun alone that points back: "The town", "the city".
_BARE_COREF = re.compile(r"(?:the|this|that)\s+(?P<noun>town|city|village)", re.I)
#: The note of a place written as a toponym's facility ("the Zaporizhzhia nuclear power plant"):
#: the toponym it is named after locates it, not a town named nearby.
_FACILITY = "a facility or feature named after the place"


def _sentence_of(place: Place, context: _Context) -> Sentence:
    """The sentence of :attr:`_Context.sentences` that holds ``place``."""
    starts = context.sentence_starts or [s.start for s in context.sentences]
    return context.sentences[max(0, bisect.bisect_right(starts, place.start) - 1)]


def _is_dateline(place: Place, sentence: Sentence) -> bool:
    """True for the town of a dateline ("BEIRUT - ...", "PARIS, March 26 - ...", "BAMAKO
    (Reuters) - ...", "HAMA, Syria (AP) — ...")."""
    if place.start - sentence.start > 2:
        return False
    rest = sentence.text[place.end - sentence.start:place.end - sentence.start + 40]
    return re.match(r"\s*(?:,\s*[A-Z][a-z]{2,}\.?(?:\s+\d{1,2})?\s*)?(?:\([A-Z][\w ]*\)\s*)?[-–—]", rest) is not None


def _speaker_spans(text: str, offset: int, trigger_at: int) -> list[tuple[int, int]]:
    """Spans (article offsets) of the words that report a claim rather than locate it.

    The lead of an attribution ("IRNA, monitored by the BBC in London, said") and a speaker
    named right before its verb ("what Baghdad described as", "Tehran radio reported").
    """
    spans = []
    for m in _SPEECH.finditer(text):
        if offset + m.end() <= trigger_at and not m.group(0).lower().startswith("according"):
            spans.append((offset, offset + m.end()))
        speaker = re.search(r"(?:[\w'’.-]+\s+){1,3}$", text[:m.start()])
        if speaker:
            spans.append((offset + speaker.start(), offset + m.start()))
    return spans


#: Nouns that point back only to a place whose name holds them ("the corridor", "the river").
_NOUNS_OF_NAMES = frozenset("corridor crossing river bridge dam valley heights".split())
_KIND_FOR_NOUN = {"camp": ("city", "feature"), "city": ("city",), "town": ("city",), "village": ("city",), "capital": ("city",),
                  "oasis": ("city", "feature", "airport"), "base": ("airport", "city", "feature"),
                  # ("pulled out of the former stronghold": the town held)
                  "stronghold": ("city", "feature", "airport"),
                  "airport": ("airport",), "province": ("admin1", "admin2", "region"),
                  "region": ("admin1", "region", "admin2"), "country": ("country",), "port": ("city",),
                  # "since Hamas seized the territory in 2007": the Gaza Strip, not a town in it
                  "territory": ("region", "admin1", "admin2", "country"), "strip": ("region",)}


def _capital_in_play(earlier: list[Place], theatre: frozenset[str] = frozenset()) -> Place | None:
    """What "the capital" points back to: a national capital named before, of a country of
    the war (``theatre``), else of the country the last town named is in; ``None`` when the
    text names none.

    "most of the capital" after "Khartoum and the neighbouring cities of Omdurman and Bahri" is
    Khartoum, not the last town; "Rebels reached Damascus ... After talks in Moscow, they
    entered the capital" is Damascus, not Moscow; "After talks in Moscow, rebels took Homs and
    entered the capital" names no capital of Syria (Damascus goes unsaid), so nothing is
    guessed, and "took Bukavu and the capital" may mean the province's capital as well as the
    country's.
    """
    if not theatre:
        town = next((p for p in reversed(earlier) if p.entry.country and p.entry.kind != "country"), None)
        if town is None:
            return None
        theatre = frozenset((town.entry.country,))
    found = next((p for p in reversed(earlier) if p.entry.capital and p.entry.country in theatre), None)
    # ("Libya unrest: Rebels overrun Gaddafi Tripoli compound ... the Bab al-Aziziya compound"
    # read as Syria's al-Bab: a town misread abroad makes no war of its own; the capital of the
    # country the article names first, when it names it, is the one in play)
    first = next((p for p in earlier if p.entry.kind == "country" and p.entry.country), None)
    if found is None and first is not None:
        found = next((p for p in reversed(earlier) if p.entry.capital and p.entry.country == first.entry.country), None)
    return found


#: A share of a place before "it": "almost all of it" is of an area (the region, not the town in it).
_PARTITIVE_BEFORE = re.compile(r"\b(?:all|much|most|parts?|half|rest|remainder|swathes?)\s+of\s+$", re.I)
#: Between a place and the larger one that only locates it: "Lashio in northern Shan state".
_LOCATED_IN = re.compile(r"\s*,?\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central)\w*\s+)?", re.I)


def _antecedent(places: list[Place], before: int, noun: str | None, text: str = "",
                theatre: frozenset[str] = frozenset()) -> Place | None:
    """The last resolved place before ``before`` that ``noun`` ("city") can point back to,
    passing over places named only to measure from."""
    kinds = _KIND_FOR_NOUN.get((noun or "").lower())
    earlier = [p for p in places if p.end <= before]
    if (noun or "").lower() == "capital":
        return _capital_in_play(earlier, theatre)
    if (noun or "").lower() == "area":
        # "the area" points back within its sentence only; beyond it, the anchor of an
        # unnamed place is the better guess ("Israel launched its ground invasion on Oct. 1.
        # Hezbollah fighters had remained in control of much of the area north of the river,
        # including the city of Nabatieh": not Israel)
        earlier = [p for p in earlier if p.sentence.start <= before <= p.sentence.end]
    if (noun or "").lower() in _NOUNS_OF_NAMES:
        # "the Netzarim corridor ... split the Gaza Strip ... along the corridor": the place
        # whose name says it is one, else nothing (a corridor is no town)
        word = noun.lower()
        # (or whose words go on with the noun: "the Rafah crossing")
        return next((p for p in reversed(earlier) if word in p.text.lower() or word in p.entry.name.lower()
                     or text and re.match(r"\s+(?:[\w'’-]+\s+)?" + word + r"\b", text[p.end:p.end + 40], re.I)),
                    None)
    refuge: Place | None = None
    # ("the town", "the city": passing over a town named in passing for one told as a site)
    settlement_noun = (noun or "").lower() in ("town", "city", "village")
    plain: Place | None = None
    dateline: Place | None = None  # the dateline's town, the last resort of "the town" and "it"
    background: Place | None = None
    measured: Place | None = None  # the reference point of a distance, if nothing else will do
    listed: Place | None = None  # a member of a list ("the towns of Minova and Sake"), likewise
    for k in range(len(earlier) - 1, -1, -1):
        p = earlier[k]
        if text and MEASURED_FROM_BEFORE.search(text, max(0, p.start - 40), p.start):
            measured = measured or p
            continue
        if text and _PLURAL_LIST_BEFORE.search(text, max(0, p.start - 80), p.start):
            # "seized the towns of Minova and Sake, west of Goma, ... encircled the city": one
            # town of several named together is not "the city" (nor "it")
            listed = listed or p
            continue
        if text and (_EARLIER_TAKING_BEFORE.search(text, max(0, p.start - 70), p.start)
                     or _TAKING_IN_RELATIVE_BEFORE.search(text, max(0, p.start - 50), p.start)):
            # "M23 have seized Bukavu, ..., weeks after capturing Goma. ... in the city": the
            # story is the main clause's town; the one taken before is only its background
            background = background or p
            continue
        if text and (_ACTS_AFTER_PLACE.match(text, p.end) or _ACTOR_BEFORE_PLACE.search(text, max(0, p.start - 30), p.start)):
            # "the only regional capital Moscow had captured", "groups backed by Ankara", "Israel
            # said": a place standing for its state is an actor, not what "the city" points to
            continue
        if text and refuge is None and (noun and _RETREATED_TO.search(text, max(0, p.start - 80), p.start)
                                        or _NEAR_BEFORE.search(text, max(0, p.start - 30), p.start)
                                        or _CIVIC_SCENE_BEFORE.search(text, max(0, p.start - 60), p.start)
                                        or _DIPLOMACY_BEFORE.search(text, max(0, p.start - 60), p.start)
                                        or _ACROSS_FROM.search(text, max(0, p.start - 60), p.start)):
            # "Troops withdrew from Homs towards Damascus. Rebels entered the city": the city
            # is the one left behind; "retook Robotyne, near Orikhiv, but lost it": the place,
            # not its landmark (either, unless no other is named before)
            refuge = p
            continue
        if _is_dateline(p, p.sentence):
            # "BAMAKO (Reuters) - Jihadists seized the camp": the camp is not Bamako; "the town"
            # or "it" may be the dateline's town, but only when the story has named no other
            # place since (see below)
            if (noun or "").lower() in ("city", "town", ""):
                dateline = dateline or p
            continue
        j = k - 1
        if (j >= 1 and earlier[j].entry.kind == "country" and text
                and re.fullmatch(r"['’]s\s+", text[earlier[j].end:p.start])
                and earlier[j - 1].entry.country == earlier[j].entry.country):
            j -= 1  # "Debre Tabor in Ethiopia's Amhara region": the country only owns the region
        if (text and j >= 0 and p.entry.kind in ("admin1", "admin2", "region", "country")
                and any(way.fullmatch(text, earlier[j].end, earlier[j + 1].start if j + 1 < k else p.start)
                        for way in (_LOCATED_IN, _CAPITAL_OF))
                and (kinds is None or earlier[j].entry.kind in kinds)
                and not _PARTITIVE_BEFORE.search(text, max(0, before - 24), before)):
            # "the town of Lashio in northern Shan state ... seized it": the town, not the
            # province that only says where it is
            p = earlier[j]
        if kinds is None:
            if p.entry.kind == "country" and noun is None:
                continue  # "it" after a country mention is usually the country as an actor
            return p
        if p.entry.kind in kinds:
            if not settlement_noun or not text:
                return p
            if _told_as_site(text, p):
                # (a site after a plain mention only when close: the story has moved on otherwise)
                return p if plain is None or (plain.start - p.end <= _SITE_REACH
                                              and "\n\n" not in text[p.end:plain.start]) else plain
            if plain is None:
                # "Rebels captured Saraqeb. Officials in Damascus and Ankara spoke by phone.
                # Government forces had held the town": a town named in passing is no site of the
                # war; a town fought over or introduced as a town before it is the one meant
                plain = p
    if plain is not None:
        return plain
    for fallback in (refuge, background, measured, listed):
        if fallback is not None and (kinds is None or fallback.entry.kind in kinds):
            return fallback
    if (dateline is not None and (kinds is None or dateline.entry.kind in kinds)
            and not (text and _named_since(text, dateline.end, before, places))):
        # "KHARTOUM, Oct 27 (Reuters) - The RSF seized Umm Sumeima ... The army said it still held
        # the town": a town the gazetteer lacks is named since the dateline, which is not it
        return dateline
    return None


#: How far back (characters) "the town" may pass over a town named in passing for a site.
_SITE_REACH = 400
#: Words before a place that tell it as a site of the war: taken, entered, fought over, held or
#: left ("captured Saraqeb", "fighting around Homs", "withdrew from Lyman"), or introduced by
#: its kind ("the town of Saraqeb").
_SITE_BEFORE = re.compile(
    r"\b(?:captur\w*|seiz\w*|took|tak(?:e|es|en|ing)|retook|recaptur\w*|overr[au]n\w*|enter\w*|storm\w*|besieg\w*|"
    r"encircl\w*|surround\w*|attack\w*|assault\w*|advanc\w*|push\w*|reach\w*|fight\w*|battl\w*|clash\w*|shell\w*|"
    r"bombard\w*|withdr\w*|retreat\w*|pull\w*\s+out|lost|loss|fall|fell|held|hold\w*|control\w*|defen[cd]\w*|"
    r"liberat\w*|offensive|siege|outskirts|front|(?:air\s*)?strikes?|airstrikes?|struck|raids?|bomb\w*|"
    r"town|city|village|settlement|capital|stronghold|port|hub)\b[^.;!?]{0,40}$", re.I)
#: Words after a place that tell it as a site: ", a town ...", " fell", " was captured".
_SITE_AFTER = re.compile(r"\s*(?:,\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:town|city|village|settlement|capital|"
                         r"stronghold|hub|port)\b|\s+(?:(?:has|had|have)\s+)?changed\s+hands|"
                         r"\s+(?:fell|has\s+fallen|had\s+fallen|was\s+(?:captured|taken|seized|"
                         r"retaken|recaptured|besieged|encircled|liberated)))", re.I)


def _told_as_site(text: str, place: Place) -> bool:
    """Whether ``place`` is told, in its own sentence, as a site of the fighting or as a town
    by its kind, not only named in passing ("officials in Ankara")."""
    start = max(place.sentence.start, place.start - 60)
    if place.start - place.sentence.start <= 2 and not _is_dateline(place, place.sentence):
        return True  # "Manbij has changed hands several times": the subject of its own sentence
    return (_SITE_BEFORE.search(text, start, place.start) is not None
            or _SITE_AFTER.match(text, place.end, place.sentence.end) is not None)


#: People or offices after a town name, which makes the name their modifier, not an object:
#: "Hama residents", "Homs officials", "Kherson governor".
_ATTRIBUTIVE_PLACE_AFTER = re.compile(r"\s+(?:residents|inhabitants|civilians|people|families|officials|authorities|"
                                      r"governor|mayor|police|council|province\s+(?:residents|officials))\b", re.I)


#: A name in a place's slot: after a locative preposition, or as the object of a taking or an
#: entry ("seized Umm Sumeima", "fighting around Umm Sumeima").
_PLACE_SLOT_NAME = re.compile(r"\b(?:in|into|of|from|at|near|around|outside|captured|seized|took|overran|retook|"
                              r"recaptured|entered|stormed|besieged|reached|(?:towns?|villages?|city)\s+of)\s+"
                              r"(?:the\s+)?(?P<name>" + _NAME + r")")


#: A common noun right after a capitalised word, which makes the word its modifier: "the
#: Rwandan (border)", "Congolese (troops)" (a place's name is followed by a function word,
#: punctuation or nothing).
_MODIFIER_AFTER = re.compile(r"\s+(?!(?:near|in|on|at|and|or|after|before|from|to|with|by|for|since|until|as|which|"
                             r"that|where|when|while|but|under|over|into|outside|inside|around|last|this|early|late|"
                             r"was|were|is|are|has|had|have|fell|remained|remains)\b)(?-i:[a-z])")


def _last_unresolved_name(text: str, sentence: Sentence, end: int, places: list[Place],
                          registry: ActorRegistry) -> tuple[str, int, int] | None:
    """The last name in a place's slot before ``end``, in ``sentence`` or the one or two before
    it (within its paragraph), that no resolved place covers and no actor is named by; ``None``
    when a resolved place comes after it (that one is what "the town" would point to)."""
    start = max(0, sentence.start - 400)
    paragraph = text.rfind("\n\n", start, sentence.start)
    start = paragraph + 2 if paragraph >= 0 else start
    found = None
    for m in _PLACE_SLOT_NAME.finditer(text, start, end):
        name = m.group("name")
        s, e = m.span("name")
        if (name.split()[0].lower().rstrip(".") in _CALENDAR_WORDS or name.isupper()
                or any(p.start < e and s < p.end for p in places) or _names_actor(name, registry, None)
                or _MODIFIER_AFTER.match(text, e)):
            continue  # (nor an adjective: "near the Rwandan border")
        found = (name, s, e)
    if found is None or any(found[2] <= p.start < end for p in places):
        return None
    return found


def _named_since(text: str, start: int, end: int, places: list[Place]) -> bool:
    """Whether ``text[start:end]`` names a place in a place's slot: a resolved one, or a name no
    resolved place covers (not a date; an actor's name is no place, but acronyms of actors are
    rarely after these words, and a miss only withholds the dateline's town)."""
    if any(start <= p.start < end and p.entry.kind not in _COARSE_KINDS for p in places):
        return True  # (a country or province after the dateline only says where it is: "GOMA, Congo")
    for m in _PLACE_SLOT_NAME.finditer(text, start, end):
        name = m.group("name")
        if name.split()[0].lower().rstrip(".") in _CALENDAR_WORDS or name.isupper():
            continue  # "on Sunday", "from the RSF": a date or an acronym, no place
        return True
    return False


#: The plural place noun and the names before a member of a list: "the towns of (Minova)", "the
#: villages of Foua and (Kfraya)".
_PLURAL_LIST_BEFORE = re.compile(r"\b(?:towns|villages|cities|settlements|localities)\s+of\s+"
                                 r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$", re.I)


#: The verbs of a taking told in passing, past tense and gerund ("after capturing", "who seized").
_TAKING_FORMS = (("captured", "capturing"), ("seized", "seizing"), ("took", "taking"), ("overran", "overrunning"),
                 ("retook", "retaking"), ("recaptured", "recapturing"), ("stormed", "storming"))
_TAKING_VERBS = "|".join(past for past, _ in _TAKING_FORMS)
_TAKING_GERUNDS = "|".join(gerund for _, gerund in _TAKING_FORMS)

#: A clause telling a taking that came before the main one, right before its place: "weeks
#: after capturing", "days after the fall of", "after seizing the town of".
_EARLIER_TAKING_BEFORE = re.compile(
    r"\b(?:(?:hours|days|weeks|months|years|a\s+(?:day|week|month|year)|shortly|soon|just)\s+)?after\s+"
    rf"(?:(?:they|it|he)\s+(?:had\s+)?)?(?:{_TAKING_GERUNDS}|"
    rf"{_TAKING_VERBS}|the\s+(?:fall|capture|seizure|loss)\s+of)\s+"
    r"(?:(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:city|town|village|port|capital|hub)\s+of\s+)?$", re.I)


#: A taking told in an aside on the subject, right before its place: "The rebels, who seized
#: (Goma) in late January, met little resistance": background to the story's town. An aside
#: may also tell an entry ("who entered"); :data:`_EARLIER_TAKING_BEFORE` takes no "after entering".
_TAKING_IN_RELATIVE_BEFORE = re.compile(
    rf",\s*(?:who|which)\s+(?:had\s+|have\s+|has\s+)?(?:already\s+)?(?:{_TAKING_VERBS}|entered)\s+$", re.I)


#: An apposition that says a town is its province's capital: "Wad Madani, the capital of Gezira
#: state, ... seized it" is the town.
_CAPITAL_OF = re.compile(r"\s*,\s*(?:the|its)\s+(?:[\w-]+\s+){0,2}?(?:capital|seat|largest\s+city|main\s+city|"
                         r"main\s+town|chief\s+town)\s+of\s+(?:the\s+)?", re.I)
#: What follows a place that acts: "Moscow had captured", "Israel said", "Kyiv claims",
#: "Ankara's allies".
_ACTS_AFTER_PLACE = re.compile(r"['’]s\s+(?:allies|proxies|forces|troops|army|soldiers|military)\b|"
                               r"\s+(?:(?:had|has|have)\s+(?:long\s+|already\s+)?"
                               # (not what befalls a town: "Manbij has changed hands", "has suffered")
                               r"(?!(?:changed|remained|suffered|endured|witnessed|experienced)\b)[a-z]+ed\b|said|says|claimed|claims|"
                               r"announced|reported|denied|insisted|warned|backed|backs|supports|supported)\b", re.I)
#: What puts a place in an actor's role: "backed by Ankara", "loyal to Damascus".
_ACTOR_BEFORE_PLACE = re.compile(r"\b(?:backed|supported|funded|armed|sponsored)\s+by\s+$|\bloyal\s+to\s+$|"
                                 r"\ballied\s+(?:to|with)\s+$", re.I)
#: A place named only to say where another lies: "sits across the lake from Burundi's main city Bujumbura".
_ACROSS_FROM = re.compile(r"\b(?:across|opposite)\s+(?:the\s+[\w-]+\s+)?from\s+(?:[\w'’-]+\s+){0,4}$", re.I)
#: A place named only as where people reacted: "crowds celebrated in Omdurman", "protests in
#: Damascus" (the city of the fighting is the one told before it).
_CIVIC_SCENE_BEFORE = re.compile(r"\b(?:celebrat\w*|protest\w*|rall(?:y|ied|ies)|gather\w*|mourn\w*|danced|"
                                 r"cheered|demonstrat\w*)\s+(?:[\w'’-]+\s+){0,3}?(?:in|on)\s+(?:the\s+)?"
                                 r"(?:streets\s+of\s+)?$", re.I)
#: A place named only as where talks were held or a deal signed: "signed a peace accord in
#: (Washington)", "at talks in (Doha)".
_DIPLOMACY_BEFORE = re.compile(r"\b(?:signed|talks|accords?|agreements?|deal|summit|negotiations?|conference|ceasefire)\b"
                               r"[^.;:!?]{0,40}?\b(?:in|at)\s+$", re.I)
#: A place named as a landmark of another: "Robotyne, near Orikhiv", "Sake, outside Goma".
_NEAR_BEFORE = re.compile(r",\s*(?:(?:just|about|some)\s+)?(?:near|outside|close\s+to)\s+(?:the\s+)?$", re.I)
#: A place written as where the losers went: "withdrew south towards Damascus", "fled to Idlib".
_RETREATED_TO = re.compile(
    r"\b(?:withdr[ae]wn?|withdrawing|retreat(?:ed|ing)?|pull(?:ed|ing)\s+(?:back|out)|fled|fleeing|fall(?:ing)?\s+back|"
    r"fell\s+back)\b[^.;:!?]{0,50}?\b(?:towards?|to|into)\s+(?:the\s+(?:[a-z]+\s+)?(?:of\s+)?)?$", re.I)


def _elided_subject(text: str, t0: int, sentence: Sentence, context: _Context) -> list[_PlacePart]:
    """The place of a second passive whose subject is left out: "Palmyra was overrun by IS in
    2015 and recaptured by government forces in 2016" (the place of the first, same sentence)."""
    if not re.search(r"\band\s+(?:(?:then|later|again|finally|eventually|was|were)\s+)*$", text[sentence.start:t0], re.I):
        return []
    same = [e for e in context.earlier if e.start == sentence.start and e.place_end <= t0]
    if not same:
        return []
    last = max(same, key=lambda e: e.trigger_start)
    return [_PlacePart(last.place_text, last.place_start, last.place_end, last.place, last.anchor)]


#: Words before a country's or province's name that make the event's place only part of it.
_PARTITIVE_LEAD = re.compile(
    r"\b(?:(?:(?:large|vast|big)\s+)?(?:parts?|swathes?|areas?|pockets?|chunks?)|much|most|half|"
    r"(?:a|one|two)\s+(?:third|quarter|fifth|sixth|tenth)s?|[\d.]+\s*(?:%|per\s*cent|percent)|"
    r"(?:[\d,.]+\s+)?(?:square\s+)?(?:kilomet(?:re|er)s|km|miles))\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*['’]s\s+)?"
    r"(?:(?:north|south)?(?:northern|southern|eastern|western|central|north|south|east|west)\w*\s+)?$"
    r"|\b(?:north|south)?(?:northern|southern|eastern|western|central)\s+$", re.I)
