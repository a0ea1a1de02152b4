"""Geoparsing: text -> place mentions -> resolved places.

Recognition lives in :mod:`controlmap.mentions`; this module resolves each mention to one
gazetteer entry using the whole document, the way a reader does:

1. a prior for each candidate entry: its kind (a country beats a village of the same
   name), its population, whether the name is its own or an alternate one;
2. feature words written with the name ("Idlib province", "Aleppo's airport", "the city of
   Idlib") and a division or country written after a comma ("Oxford, North Carolina");
3. the document's geography: the countries the article is about (from a first pass), and
   closeness to the other places it names;
4. one sense per name and document: repeated names resolve alike unless a feature word says
   otherwise.

Scores become a confidence by a softmax over the candidates; the runner-up is reported when
its share is not negligible, so that ambiguity stays visible.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from .article import Article
from .gazetteer import Gazetteer, GazetteerEntry, NameMatch, name_key, open_gazetteer
from .mentions import AIRPORT_QUALIFIERS, SPELLING_VARIANT, Mention, find_mentions
from .text import Sentence, SentenceIndex, fast_scan, split_sentences

#: A runner-up is reported when its confidence is at least this.
RUNNER_UP_MIN = 0.05
#: How much of its confidence a place found by its spelling only keeps ("Hawija" as GeoNames'
#: "Al Ḩawījah"): the consonants and vowels agree, the name as written is no entry's.
VARIANT_FACTOR = 0.8


@dataclass(frozen=True)
class Place:
    """A place mention in an article, resolved to one gazetteer entry.

    ``article.text[start:end] == text``. ``sentence`` is the sentence holding it.
    ``confidence`` is in [0, 1]; ``runner_up`` is the second-best entry when it was close
    (its own confidence in ``runner_up_confidence``).
    """

    start: int
    end: int
    text: str
    entry: GazetteerEntry
    sentence: Sentence
    source: str
    confidence: float
    runner_up: GazetteerEntry | None = None
    runner_up_confidence: float | None = None

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def kind(self) -> str:
        return self.entry.kind


def geoparse(article: Article, *, gazetteer: Gazetteer | None = None, geocoder=None, ner=None) -> list[Place]:
    """Find and resolve every place mention in ``article``, in text order.

    Parameters
    ----------
    article
        The article (see :func:`controlmap.article.load_article`).
    gazetteer
        An open gazetteer; the default index is opened (and built on first use) otherwise.
    geocoder
        An optional :class:`controlmap.geocoders.OnlineGeocoder` asked about capitalised
        names the offline gazetteer does not know. ``None`` (the default) stays offline.
    ner
        An optional :class:`controlmap.ner.SpacyRecogniser` that revises the mentions with a
        spaCy model's entities. ``None`` (the default) needs no model.

    Returns
    -------
    list of Place
    """
    gazetteer = gazetteer or open_gazetteer()
    sentences = split_sentences(article.text)
    index = SentenceIndex(sentences)
    mentions = find_mentions(article.text, gazetteer, {s.start for s in sentences})
    if ner is not None:
        mentions = ner.revise(article.text, mentions, gazetteer)
    if geocoder is not None:
        mentions = mentions + geocoder.find_unknown(article.text, mentions, gazetteer)
        mentions.sort(key=lambda m: m.start)
    demonyms = demonym_countries(article.text, gazetteer)
    places = [
        Place(m.start, m.end, m.text, best, index.at(m.start), article.source, conf, runner, runner_conf)
        for m, (best, conf, runner, runner_conf) in zip(mentions, resolve_mentions(mentions, gazetteer, demonyms))
    ]
    places = _variants_in_play(places, mentions)
    places = _quarters_in_play(places, mentions)
    return _with_bare_airports(article, places, gazetteer, index)


#: Names of a town's quarter that news writes for the town in play ("the Old City" of Mosul,
#: of Aleppo, of Jerusalem): GeoNames has places so named (Jerusalem's, Old City in
#: Philadelphia, Old Town in Maine), which are meant only where the article is there.
_QUARTER_NAMES = frozenset({"old city", "old town"})
#: How near another place of the article a quarter's reading must be to be kept.
QUARTER_KM = 15.0


def _quarters_in_play(places: list[Place], mentions: list[Mention]) -> list[Place]:
    """"the Old City" is a quarter of the town in play, not a place of its own: its reading is kept
    only within :data:`QUARTER_KM` of another place the article names ("Jerusalem ... the Old
    City"); otherwise it is left unresolved (the events code anchors such unnamed places at the
    town), never Jerusalem's Old City in a report on Mosul."""
    quarter = [p.text.lower() in _QUARTER_NAMES and (m.after_article or _after_possessive(p, m)) for p, m in zip(places, mentions)]
    if not any(quarter):
        return places
    others = [p.entry for p, q in zip(places, quarter) if not q and p.entry.kind != "country"]
    return [p for p, q in zip(places, quarter)
            if not q or any(_km(p.entry, o) <= QUARTER_KM for o in others)]


def _after_possessive(place: Place, mention: Mention) -> bool:
    """Whether a possessive is written right before the mention ("Mosul's Old City")."""
    offset = place.start - place.sentence.start
    return place.sentence.text[max(0, offset - 3):offset] in ("'s ", "’s ")


#: The nouns of an airport as news writes them after "the".
_AIRPORT_NOUNS = r"airport|air\s+base|airbase|airfield"
#: "the airport", "the city's airport", "the air base": an airport named by its town before.
_BARE_AIRPORT = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]he\s+city['’]s|[Tt]he\s+town['’]s|(?P<capital>[Tt]he\s+capital['’]s))\s+"
                           rf"(?:(?:{'|'.join(sorted(AIRPORT_QUALIFIERS))})\s+)?(?P<noun>{_AIRPORT_NOUNS})\b"
                           # (not "the airport in Kinshasa": a place named right after is its town)
                           r"(?!\s+(?:in|of|at|near|outside)\s+[A-Z])")
#: The nouns of that pattern, as it writes them (case and all), looked for first.
_AIRPORT_NOUN = re.compile(_AIRPORT_NOUNS)
#: Airfields that are not what "the airport" of a town means.
_NOT_THE_AIRPORT = re.compile(r"heliport|seaplane|water\s+aerodrome|harbou?r", re.I)
#: How far back (characters) the town of a bare "the airport" may be named.
AIRPORT_TOWN_CHARS = 400
#: How far from its town an airport may lie and still be the town's.
AIRPORT_TOWN_KM = 40.0


def _with_bare_airports(article: Article, places: list[Place], gazetteer: Gazetteer,
                        index: SentenceIndex) -> list[Place]:
    """Add "the airport" where a town named just before has one: "Rebels entered Goma on
    Sunday; by Monday they held the airport" is Goma International Airport (icao:FZNA).

    The airport is the town's when the gazetteer knows "<town> airport" within
    :data:`AIRPORT_TOWN_KM` of it; the town must be the last place named before, within
    :data:`AIRPORT_TOWN_CHARS`. An airport named in full before ("Aleppo's airport ... the
    airport") is that airport again. Nothing is added where no such town is in play.
    """
    text = article.text
    if not _AIRPORT_NOUN.search(text):
        return places  # (no noun the pattern needs: most articles)
    added: list[Place] = []
    starts = [p.start for p in places]
    for match in _BARE_AIRPORT.finditer(text):
        start, end = match.start(), match.end()
        if any(p.start < end and start < p.end for p in places):
            continue  # ("Aleppo's airport" is a mention already)
        near = [p for p in places[:bisect_left(starts, start)] if start - p.end <= AIRPORT_TOWN_CHARS]
        if match.group("capital"):
            # "took control of the capital's airport": the capital named last, though other
            # towns came after it, and though it was named as the seat of a government ("Forces
            # loyal to Tripoli's Government of National Accord", "the junta in Bamako")
            before = [p for p in near if p.entry.capital]
        else:
            # (countries and provinces named after the town do not hide it: "took control of
            # Goma, the biggest city in eastern Congo ... its troops still held the airport")
            # (nor does a town that only says who speaks: "The government in Kinshasa said its
            # troops still held the airport" is Goma's, told before)
            before = [p for p in near if p.entry.kind not in _TOO_COARSE_FOR_AN_AIRPORT and not _speaks_for_a_state(text, p)]
        if not before or before[-1].entry.kind not in ("city", "airport"):
            continue
        town = before[-1]
        airport = town.entry if town.entry.kind == "airport" else _airport_of(town.entry, town.text, gazetteer)
        if airport is not None:
            added.append(Place(start, end, text[start:end], airport, index.at(start), article.source,
                               round(min(town.confidence, 0.9), 3)))
    return sorted(places + added, key=lambda p: p.start) if added else places


_TOO_COARSE_FOR_AN_AIRPORT = frozenset({"country", "continent", "admin1", "admin2", "region"})
#: A seat of government named as a speaker: "The government in Kinshasa said", "Moscow claimed".
_SEAT_BEFORE = re.compile(r"\b(?:government|authorities|officials|ministry|military|army|regime|junta)\s+in\s+$", re.I)
_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|claimed|claims|announced|denied|insisted|reported)\b")


def _speaks_for_a_state(text: str, place: Place) -> bool:
    return bool(_SEAT_BEFORE.search(text, max(0, place.start - 30), place.start)
                or _SPEAKS_AFTER.match(text, place.end))


def _airport_of(town: GazetteerEntry, written: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The airport the gazetteer names after ``town`` (as written, or by its entry name), within
    :data:`AIRPORT_TOWN_KM`: the only one, or the only international one among several;
    ``None`` otherwise. Heliports and seaplane bases are not "the airport"."""
    keys = {name_key(f"{written} airport"), name_key(f"{town.name} airport")}
    found = gazetteer.lookup_keys(keys)
    airports = [m.entry for matches in found.values() for m in matches
                if m.entry.kind == "airport" and m.entry.country == town.country
                and not _NOT_THE_AIRPORT.search(m.entry.name) and _km(town, m.entry) <= AIRPORT_TOWN_KM]
    airports = list({a.id: a for a in airports}.values())
    if len(airports) > 1:
        # a town with several airports: "the airport" is its one international airport, and
        # unknown when it has none or several (London's six)
        airports = [a for a in airports if "international" in a.name.lower()]
    return airports[0] if len(airports) == 1 else None


def _km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle km between two entries' points."""
    return float(_haversine_km(np.radians(a.lat), np.radians(a.lon), np.radians(b.lat), np.radians(b.lon)))


def _variants_in_play(places: list[Place], mentions: list[Mention]) -> list[Place]:
    """Places found by their spelling skeleton only, kept where the article is about their country.

    "Qamishli" in a report on Syria is Al Qamishli; a skeleton that matches in an article
    that names nothing else in Syria is a coincidence of consonants, not a place.
    """
    variant = [SPELLING_VARIANT in m.evidence for m in mentions]
    if not any(variant):
        return places
    in_play = {p.entry.country for p, v in zip(places, variant) if not v and p.entry.country}
    return [p for p, v in zip(places, variant) if not v or p.entry.country in in_play]


def _candidates(mention: Mention) -> dict[str, NameMatch]:
    best: dict[str, NameMatch] = {}
    for match in mention.matches:
        if match.entry.id not in best or best[match.entry.id].quality < match.quality:
            best[match.entry.id] = match
    return best


# Prior of an entry by kind: (base, weight of log10 population). Countries and regions come
# first; a city is as likely as its size says.
_KIND_PRIOR = {
    "country": (7.0, 0.0),
    "admin1": (3.0, 0.3),
    "admin2": (1.0, 0.3),
    "region": (5.0, 0.0),
    "city": (0.0, 0.6),
    "airport": (1.0, 0.0),
}
_QUALITY_BONUS = (0.0, 0.6, 1.2)


def _prior(match: NameMatch, hint: str | None) -> float:
    entry = match.entry
    base, per_decade = _KIND_PRIOR.get(entry.kind, (1.0, 0.0))
    score = base + per_decade * math.log10(entry.population + 1) + _QUALITY_BONUS[match.quality]
    if entry.capital:
        score += 2.0
    if hint:
        score += 4.0 if entry.kind == hint else -2.0
    return score


def _borrowed_name_penalty(match: NameMatch, own_name: tuple[bool, int], hint: str | None) -> float:
    """"Mexico" is the country and "Liverpool" the English city: a place known by a country's
    or a larger city's own name only as an alternate (Mexico City is "Mexico" in GeoNames'
    alternate names, a town in Illinois "Liverpool") is the weaker reading.

    ``own_name`` is what :func:`_own_name_holders` says of the candidates.
    """
    if match.quality == 2 or hint or match.entry.kind == "country":
        return 0.0
    country_named, city_population = own_name
    return 2.0 if country_named or city_population > match.entry.population else 0.0


#: What a division or a town loses to a region of the same name written after "the".
_ARTICLE_PENALTY = 4.0


def _article_penalty(match: NameMatch, region_named: bool) -> float:
    """"Ships in the Red Sea" sail on the sea, not in Sudan's Red Sea State: English puts "the"
    before seas, deserts and regions, not before provinces and towns (which take it only with
    their type word: "the Red Sea state"). A division or town yields to a region that has
    the name as its own (``region_named``: one of the candidates does).
    """
    if match.entry.kind not in ("admin1", "admin2", "city"):
        return 0.0
    return _ARTICLE_PENALTY if region_named else 0.0


#: What a district loses to a town of its own name and country, read without a feature word.
_TOWN_OF_THE_DISTRICT_PENALTY = 3.0


def _district_penalty(match: NameMatch, town_countries: set[str | None]) -> float:
    """"Maungdaw" is the town, not Maungdaw District (whose GeoNames point is another town's):
    a bare name a district and a town of the same country share is the town's. The district
    needs its word ("Maungdaw district", "Pokrovsk raion"), which sets a kind hint.
    ``town_countries`` are the countries of the candidates that are towns by their own name."""
    if match.entry.kind != "admin2":
        return 0.0
    return _TOWN_OF_THE_DISTRICT_PENALTY if match.entry.country in town_countries else 0.0


def _own_name_holders(cands: dict[str, NameMatch]) -> tuple[bool, int]:
    """Whether a country has the name as its own, and the population of the largest city of
    100,000 or more that has (0 if none)."""
    country_named = any(c.quality == 2 and c.entry.kind == "country" for c in cands.values())
    city_population = max((c.entry.population for c in cands.values()
                           if c.quality == 2 and c.entry.kind == "city" and c.entry.population >= 100_000), default=0)
    return country_named, city_population


def _within_bonus(entry: GazetteerEntry, within: tuple[str, ...], gazetteer: Gazetteer) -> float:
    bonus = 0.0
    for name in within:
        for container in gazetteer.lookup(name):
            if container.kind == "country" and entry.country == container.country:
                bonus = max(bonus, 4.0)
            elif container.kind == "admin1" and entry.country == container.country and entry.admin1_code == container.admin1_code:
                bonus = max(bonus, 6.0)
    return bonus


# A capitalised word not followed by what makes a demonym name an actor rather than a land:
# "Russian-held Donetsk", "Israeli troops", "Russian drones" say who, not where.
_CAPITALISED_WORD = fast_scan(
    r"\b[A-Z][a-z]{3,}\b(?!-|\s+(?:forces|troops|army|military|soldiers|fighters|militias?|drones?|missiles?|"
    r"strikes?|air\s*strikes?|aircraft|warplanes|jets|planes|navy|officials?|government|authorities|president|"
    r"prime|minister|defen[cs]e|regime|state|media|side\s+said|spokes\w+)\b)")


def demonym_countries(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The countries whose demonyms the text uses of places or people ("the Syrian side of
    Mount Hermon": SY), which are part of what the article is about. Demonyms of actors
    ("Israeli troops", "Russian-held") are left out: they say who fights, not where."""
    return frozenset(gazetteer.demonyms({name_key(w) for w in _CAPITALISED_WORD.findall(text)}).values())


def resolve_mentions(
    mentions: list[Mention], gazetteer: Gazetteer, demonyms: frozenset[str] = frozenset()
) -> list[tuple[GazetteerEntry, float, GazetteerEntry | None, float | None]]:
    """Resolve each mention: (best entry, confidence, runner-up or None, its confidence).

    ``demonyms`` are countries the text names by their adjective; each counts once as context.
    """
    # A long article repeats its names: mentions that share their matches share their
    # candidates, and those written alike (the same hint and words around them) their scores;
    # so do the mentions of other articles, for a name written with nothing around it that
    # says where it is (see :func:`_plain_scores`). None of these dicts is changed once made.
    by_matches: dict[int, dict[str, NameMatch]] = {}
    for m in mentions:
        if id(m.matches) not in by_matches:
            by_matches[id(m.matches)] = _kept_candidates(m, gazetteer)
    candidates = [by_matches[id(m.matches)] for m in mentions]
    said: list[dict[str, float]] = []
    base: list[dict[str, float]] = []
    written: dict[tuple, tuple[dict[str, float], dict[str, float]]] = {}
    for m, cands in zip(mentions, candidates):
        if not (m.within or m.country or m.located_in):
            words, scores = _plain_scores(m, cands, gazetteer)
        else:
            alike = (id(cands), m.kind_hint, m.within, m.country, m.located_in, m.after_article)
            if alike not in written:
                written[alike] = _said_and_base(m, cands, gazetteer)
            words, scores = written[alike]
        said.append(words)
        base.append(scores)
    chosen = [max(scores, key=scores.get) if scores else None for scores in base]
    said_near: list[dict[str, float]] = [{} for _ in mentions]
    points = _CandidatePoints.of(mentions, candidates)
    for _ in range(2):
        scores = _with_context(mentions, candidates, base, chosen, demonyms, said_near, points)
        previous, chosen = chosen, [max(s, key=s.get) if s else None for s in scores]
        if chosen == previous:
            break  # the same picks would give the same context again
    chosen = _short_country_names(mentions, candidates, scores, chosen)
    said = [{eid: v + near.get(eid, 0.0) for eid, v in words.items()} for words, near in zip(said, said_near)]
    chosen = _one_sense_per_name(mentions, candidates, scores, chosen, said)

    results = []
    picked_countries = Counter(cands[pick].entry.country for cands, pick in zip(candidates, chosen)
                               if cands[pick].entry.country)
    far = _far_alternates(mentions, candidates, chosen)
    for m, cands, s, pick, is_far in zip(mentions, candidates, scores, chosen, far):
        top = max(s.values())
        weights = {eid: math.exp(v - top) for eid, v in s.items()}
        total = sum(weights.values())
        confidence = (weights[pick] / total
                      * min(_stray_factor(cands[pick], picked_countries, demonyms, m), FAR_ALTERNATE_FACTOR if is_far else 1.0)
                      * _outside_factor(cands[pick].entry, m.located_in)
                      * (VARIANT_FACTOR if SPELLING_VARIANT in m.evidence else 1.0))
        others = sorted((eid for eid in s if eid != pick), key=s.get, reverse=True)
        runner = others[0] if others and weights[others[0]] / total >= RUNNER_UP_MIN else None
        results.append((cands[pick].entry, round(confidence, 3),
                        cands[runner].entry if runner else None,
                        round(weights[runner] / total, 3) if runner else None))
    return results


#: How many lists of matches (and of scores) the gazetteer keeps the candidates of, across
#: articles: a long-running process sees new lists without end (one-off lookups, the
#: narrowed lists of the mention rules), the most recently used are those that hit again.
_KEPT = 100_000


def _kept_candidates(m: Mention, gazetteer: Gazetteer) -> dict[str, NameMatch]:
    """:func:`_candidates` of ``m``, made once per list of matches, in any article (the lists
    are the gazetteer's answers, shared by every article that writes the name)."""
    kept = gazetteer.derived("geoparse candidates", _KEPT)
    cands = kept.get(m.matches)
    return cands if cands is not None else kept.put(m.matches, _candidates(m))


def _plain_scores(m: Mention, cands: dict[str, NameMatch], gazetteer: Gazetteer) -> tuple[dict[str, float], dict[str, float]]:
    """:func:`_said_and_base` of a mention with no words around it that say where it is (no
    "X, Y", no country before it, no "in Y"): most mentions. Those depend only on the
    candidates, the kind hint and "the" before the name, and are made once for any article."""
    kept = gazetteer.derived("geoparse plain scores", _KEPT)
    scores = kept.get(cands, m.kind_hint, m.after_article)
    if scores is None:
        scores = kept.put(cands, _said_and_base(m, cands, gazetteer), m.kind_hint, m.after_article)
    return scores


def _said_and_base(m: Mention, cands: dict[str, NameMatch], gazetteer: Gazetteer) -> tuple[dict[str, float], dict[str, float]]:
    """What the words around a mention say of each candidate ("X, Y", "the Lebanese city of X",
    "X in Y": the evidence a mention lends the other mentions of its name), and each
    candidate's score before the document's geography (see :func:`_with_context`)."""
    said = {eid: (_within_bonus(match.entry, m.within, gazetteer) if m.within else 0.0)
            + (_COUNTRY_SAID_BONUS if m.country and match.entry.country == m.country and match.entry.kind != "country" else 0.0)
            + _located_in_bonus(match.entry, m.located_in)
            for eid, match in cands.items()}
    # (what the penalties ask of all the candidates, asked once: a common name has hundreds)
    own_name = _own_name_holders(cands)
    region_named = any(c.quality == 2 and c.entry.kind == "region" for c in cands.values())
    # (a name found by its spelling only has no own names: its towns are those found so)
    town_quality = 2 if any(c.quality for c in cands.values()) else 0
    town_countries = {c.entry.country for c in cands.values() if c.entry.kind == "city" and c.quality == town_quality}
    base = {eid: _prior(match, m.kind_hint) + said[eid]
            - _borrowed_name_penalty(match, own_name, m.kind_hint)
            - (_article_penalty(match, region_named) if m.after_article and not m.kind_hint else 0.0)
            - (_district_penalty(match, town_countries) if not m.kind_hint else 0.0)
            for eid, match in cands.items()}
    return said, base


def _located_in_bonus(entry: GazetteerEntry, located_in: tuple[tuple[str, str | None], ...]) -> float:
    """What a reading inside the province or country the sentence puts it in gains ("Muse in
    northern Shan state"), as much as "X, Y" lends."""
    if entry.kind == "country" or not located_in:
        return 0.0
    best = 0.0
    for country, admin1 in located_in:
        if entry.country == country:
            best = max(best, 4.0 if admin1 is None else 6.0 if entry.admin1_code == admin1 else 0.0)
    return best


#: How much of its confidence a small town keeps when the sentence puts it in a province or
#: country it is not in (see :func:`_outside_factor`).
OUTSIDE_FACTOR = 0.25


def _outside_factor(entry: GazetteerEntry, located_in: tuple[tuple[str, str | None], ...]) -> float:
    """Less confidence for a small town outside the province the sentence puts it in: "Manton in
    northern Shan state" read as Manton, Michigan is most likely a town of Shan State the
    gazetteer lacks. Countries, provinces, capitals and cities of 100,000 or more keep theirs
    ("the role of Moscow in Syria" is metonymy, not a location)."""
    if (not located_in or entry.kind not in ("city", "admin2") or entry.capital
            or entry.population >= STRAY_EXEMPT_POPULATION or _located_in_bonus(entry, located_in) > 0):
        return 1.0
    return OUTSIDE_FACTOR


#: How much of its confidence a far alternate reading keeps (see :func:`_far_alternates`).
FAR_ALTERNATE_FACTOR = 0.5


def _weak_alternate(match: NameMatch, mention: Mention) -> bool:
    """A small town or county that holds the name only as an alternate, with no feature word."""
    entry = match.entry
    return (match.quality < 2 and not mention.kind_hint and entry.kind in ("city", "admin2")
            and entry.population < STRAY_EXEMPT_POPULATION)


def _far_alternates(mentions: list[Mention], candidates: list[dict[str, NameMatch]],
                    chosen: list[str | None]) -> list[bool]:
    """Which picks are weak alternates (:func:`_weak_alternate`) farther than :data:`CONTEXT_KM`
    from every place picked for another name (countries aside): "Martynovka" read as Bol'shaya
    Martynovka in Rostov Oblast, 600 km from the Kursk region the article is about, is most
    likely a village the gazetteer lacks. On the dev sets such readings are right 4 times in
    79 (against 24 in 58 within 200 km), at a mean confidence of 0.7: they keep
    :data:`FAR_ALTERNATE_FACTOR` of it (or the stray factor, whichever is lower)."""
    weak = [pick is not None and _weak_alternate(cands[pick], m) for m, cands, pick in zip(mentions, candidates, chosen)]
    if not any(weak):
        return weak
    keys = [name_key(m.name) for m in mentions]
    picked = {(k, cands[pick].entry.id): (k, cands[pick].entry) for k, cands, pick in zip(keys, candidates, chosen)
              if pick is not None and cands[pick].entry.kind != "country"}
    if picked:
        pick_keys = np.array([k for k, _ in picked.values()])
        plat = np.radians([e.lat for _, e in picked.values()])
        plon = np.radians([e.lon for _, e in picked.values()])
    out = []
    for is_weak, key, cands, pick in zip(weak, keys, candidates, chosen):
        if not is_weak:
            out.append(False)
            continue
        if not picked:
            out.append(True)
            continue
        entry = cands[pick].entry
        km = _haversine_km(np.radians(entry.lat), np.radians(entry.lon), plat, plon)
        km = km[pick_keys != key]
        out.append(not km.size or float(km.min()) > CONTEXT_KM)
    return out


#: How much of its confidence a stray reading keeps (see :func:`_stray_factor`).
STRAY_FACTOR = 0.5
#: Towns this large keep theirs: their other names are exonyms news uses.
STRAY_EXEMPT_POPULATION = 100_000


def _stray_factor(match: NameMatch, picked_countries: Counter, demonyms: frozenset[str], mention: Mention) -> float:
    """Less confidence for a reading that is alone in its country and holds the name only as an
    alternate: "Farsi" beside Arlington, Virginia, is an Afghan village only by an alternate
    name (and "Zeitoun" was Turkey's Süleymanlı in a report on Gaza City until the Gaza
    neighbourhood was curated). A single candidate has a softmax share of 1; the doubt
    belongs in the confidence all the same.
    """
    entry = match.entry
    if (match.quality == 2 or mention.kind_hint or entry.kind not in ("city", "admin2") or not entry.country
            or entry.population >= STRAY_EXEMPT_POPULATION):
        return 1.0  # (a large city's old or foreign name is its exonym: "Kharkov", "Bombay", "Rangoon")
    others = sum(picked_countries.values()) - picked_countries[entry.country]
    alone = picked_countries[entry.country] == 1 and entry.country not in demonyms
    return STRAY_FACTOR if alone and others >= 2 else 1.0


#: What a candidate in the country the words before the name say gains: "the Lebanese city of
#: Tripoli", "Lebanon's Tripoli" (more than "Tripoli, Lebanon" lends: the writer chose the
#: words to say which Tripoli).
_COUNTRY_SAID_BONUS = 6.0

#: What a country named in full before lends to its short name after ("Republic of Congo ...
#: the government of Congo").
_FULL_NAME_BONUS = 3.0


def _short_country_names(mentions: list[Mention], candidates: list[dict[str, NameMatch]],
                         scores: list[dict[str, float]], chosen: list[str | None]) -> list[str | None]:
    """A country's short name reads as the country the article named in full before it.

    "Ebola in the Republic of Congo ... the government of Congo": the second is the first,
    not the larger namesake that "Congo" alone would be.
    """
    named: list[tuple[str, str]] = []  # (full text lower-cased, entry id) of countries so far
    picks = list(chosen)
    for i, (mention, cands) in enumerate(zip(mentions, candidates)):
        pick = picks[i]
        short = mention.text.lower()
        for full, eid in reversed(named):
            if eid in cands and eid != pick and full != short and full.endswith(" " + short):
                scores[i][eid] += _FULL_NAME_BONUS
                picks[i] = max(scores[i], key=scores[i].get)
                break
        if picks[i] is not None and cands[picks[i]].entry.kind == "country":
            named.append((short, picks[i]))
    return picks


def _with_context(mentions, candidates, base, chosen, demonyms: frozenset[str] = frozenset(),
                  said_near: list[dict[str, float]] | None = None,
                  points: _CandidatePoints | None = None) -> list[dict[str, float]]:
    """Add the document's geography to each candidate's prior.

    A name is not its own context: the countries and places the other names picked count,
    never those of the name itself (a lone "Gaza" must not vote for its own first reading).
    The bonuses "X, near Y" gave are put in ``said_near`` (one dict per mention).
    ``points`` are the candidates' points, when the caller has them from an earlier pass.
    """
    countries: Counter[str] = Counter(demonyms)
    countries_of_name: dict[str, Counter[str]] = defaultdict(Counter)
    # (the places other than countries, by country: what decides between border twins)
    sides = _Sides()
    picked: list[tuple[str, GazetteerEntry]] = []
    keys = [name_key(m.name) for m in mentions]
    for key, cands, pick in zip(keys, candidates, chosen):
        entry = cands[pick].entry
        if entry.country:
            weight = 2 if entry.kind == "country" else 1
            countries[entry.country] += weight
            countries_of_name[key][entry.country] += weight
            if entry.kind != "country":
                sides.places[entry.country] += 1
                sides.of_name[key][entry.country] += 1
        if entry.kind != "country":
            picked.append((key, entry))
    total = sum(countries.values())
    nearest = _nearest_other_km(points or _CandidatePoints.of(mentions, candidates), picked)
    picked_by_key = {}
    for key, entry in picked:
        picked_by_key.setdefault(key, entry)
    out = []
    # Mentions of a name written alike get the same scores (the first one's, copied: the
    # callers add to them one by one).
    alike: dict[tuple, tuple[dict[str, float], dict[str, float]]] = {}
    for i, (m, key, cands, scores, near) in enumerate(zip(mentions, keys, candidates, base, nearest)):
        signature = (key, id(cands), id(scores), id(near), m.near, m.kind_hint, m.after_town_verb)
        if signature in alike:
            updated, bonuses = alike[signature]
            updated = dict(updated)
        else:
            near_entry = picked_by_key.get(name_key(m.near)) if m.near else None
            updated, bonuses = _in_context(m, key, cands, scores, near, near_entry, countries, countries_of_name, total,
                                           sides)
            alike[signature] = (dict(updated), bonuses)
        if said_near is not None:
            said_near[i].update(bonuses)
        out.append(updated)
    return out


def _in_context(m: Mention, key: str, cands: dict[str, NameMatch], scores: dict[str, float], near: dict[str, float],
                near_entry: GazetteerEntry | None, countries: Counter[str], countries_of_name: dict[str, Counter[str]],
                total: int, sides: _Sides | None = None) -> tuple[dict[str, float], dict[str, float]]:
    """One mention's scores with the document's geography (see :func:`_with_context`), and the
    bonuses "X, near Y" gave its candidates."""
    own = countries_of_name[key]
    others_total = total - sum(own.values())
    twins = _border_twins(cands, scores) if sides is not None else ()
    if twins:
        own_places = sides.of_name[key]
        places_total = sum(sides.places.values()) - sum(own_places.values())
        if not places_total:
            twins = ()
    updated = {}
    bonuses = {}
    for eid, score in scores.items():
        entry = cands[eid].entry
        if eid in twins:
            score += 3.0 * (sides.places[entry.country] - own_places[entry.country]) / places_total
        elif entry.country and others_total:
            score += 3.0 * (countries[entry.country] - own[entry.country]) / others_total
        if entry.kind != "country" and eid in near:
            km = near[eid]
            score += 2.0 if km < 25 else 1.5 if km < 50 else 1.0 if km < 200 else 0.5 if km < CONTEXT_KM else 0.0
        if near_entry is not None and entry.kind != "country" and entry.id != near_entry.id:
            bonus = _said_near_bonus(_km(entry, near_entry))
            score += bonus
            bonuses[eid] = bonus
        updated[eid] = score
    _prefer_city_over_same_name_division(cands, updated, m.kind_hint, m.after_town_verb)
    return updated, bonuses


@dataclass
class _Sides:
    """The places other than countries an article's names picked, by country, in all and by
    name (see :func:`_border_twins`)."""

    places: Counter[str] = field(default_factory=Counter)
    of_name: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


#: Namesakes of one kind closer than this, in two countries, are one border town split by the
#: border (Rafah in Gaza and in Egypt, Nogales in Arizona and Sonora).
BORDER_TWIN_KM = 25.0
#: Only candidates within this much of the best score are asked whether they are twins.
_TWIN_MARGIN = 4.0


def _border_twins(cands: dict[str, NameMatch], scores: dict[str, float]) -> frozenset[str]:
    """The best candidate and its namesakes across a border (see :data:`BORDER_TWIN_KM`), or
    nothing when it has none.

    A story from a border town names the country on the other side as often as its own ("the
    crossing between Egypt and the Gaza Strip"), so the countries' names say little about which
    side is meant; the twins are judged by the other places the article names on each side
    (the Gaza Strip, Khan Younis; El Arish, Sinai). Words that say the side ("the Egyptian town
    of Rafah", "Rafah, Egypt") still outweigh them.
    """
    if len(scores) < 2:
        return frozenset()
    best = max(scores, key=scores.get)
    top = cands[best].entry
    if top.kind not in ("city", "admin2") or not top.country:
        return frozenset()
    floor = scores[best] - _TWIN_MARGIN
    twins = [eid for eid, v in scores.items()
             if eid != best and v >= floor and (e := cands[eid].entry).kind == top.kind
             and e.country and e.country != top.country
             and abs(e.lat - top.lat) < 0.5 and _km(e, top) <= BORDER_TWIN_KM]
    return frozenset([best, *twins]) if twins else frozenset()


def _said_near_bonus(km: float) -> float:
    """What "X, near Y" lends a reading of X this far from the reading of Y: the namesake
    nearest Y is the one meant ("Andriivka, near Bakhmut"); news says "near" up to about an
    hour's drive (80 km, as the distance check reads it)."""
    return 4.0 if km <= 25 else 3.0 if km <= 80 else 1.0 if km <= 160 else 0.0


# Candidates farther than this from every other place get no context bonus.
CONTEXT_KM = 500.0
_MATRIX_CELLS = 2_000_000
# How near a town or county counts when the article names its province.
_NAMED_PROVINCE_KM = 40.0


@dataclass
class _CandidatePoints:
    """The candidates of a document's mentions as points, for :func:`_nearest_other_km`.

    Mentions repeating a name with the same candidates are one group, and share their row of
    results. Only the picks change from one pass of :func:`_with_context` to the next: this
    is made once per document.

    Attributes
    ----------
    groups
        (name key, indices of its mentions, the candidates' entries) of each group.
    provinces
        For each group, each entry's (country, admin1 code) when it is a division or a town
        with an admin1 code, else ``None``.
    lat, lon
        Radians of every group's entries, group after group.
    key_ids
        A number for each name key (numbers compare faster than strings).
    row_ids
        The number of the group's name key, for each point.
    """

    groups: list[tuple[str, list[int], list[GazetteerEntry]]]
    provinces: list[list[tuple[str | None, str] | None]]
    lat: np.ndarray
    lon: np.ndarray
    key_ids: dict[str, int]
    row_ids: np.ndarray

    @classmethod
    def of(cls, mentions: list[Mention], candidates: list[dict[str, NameMatch]]) -> _CandidatePoints:
        by_group: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
        for i, (m, cands) in enumerate(zip(mentions, candidates)):
            by_group[(name_key(m.name), tuple(cands))].append(i)
        groups = [(key, indices, [candidates[indices[0]][eid].entry for eid in ids])
                  for (key, ids), indices in by_group.items()]
        provinces = [[(e.country, e.admin1_code) if e.kind in ("admin1", "admin2", "city") and e.admin1_code else None
                      for e in entries] for _, _, entries in groups]
        flat = [e for _, _, entries in groups for e in entries]
        key_ids = {key: n for n, key in enumerate(dict.fromkeys(name_key(m.name) for m in mentions))}
        row_ids = np.repeat(np.array([key_ids[key] for key, _, _ in groups], dtype=np.int64),
                            [len(entries) for _, _, entries in groups])
        return cls(groups, provinces, np.radians([e.lat for e in flat]), np.radians([e.lon for e in flat]),
                   key_ids, row_ids)


def _nearest_other_km(points: _CandidatePoints, picked: list[tuple[str, GazetteerEntry]]) -> list[dict[str, float]]:
    """For each mention's candidates, the distance to the nearest place picked for another name.

    Vectorised over all distinct candidates x picks of the document (see :func:`_nearest_km`):
    this is the hot loop of resolution. Mentions repeating a name share their row of results.
    """
    out: list[dict[str, float]] = [{} for _, indices, _ in points.groups for _ in indices]
    if not picked:
        return out
    # A name repeated with the same pick is one point of context, not many (a long document
    # repeats its places hundreds of times).
    picked = list({(k, e.id): (k, e) for k, e in picked}.values())
    pick_keys = np.array([points.key_ids[k] for k, _ in picked], dtype=np.int64)
    pick_lat = np.radians([e.lat for _, e in picked])
    pick_lon = np.radians([e.lon for _, e in picked])
    # Which names picked a place inside each province: a province is as near as can be to the
    # towns inside it, and a town to the province it is in, whatever the distance between
    # their points (a province's point is only somewhere in its middle).
    names_inside: dict[tuple[str, str], set[str]] = defaultdict(set)
    # Which names picked the province itself: "Iowa" makes Iowa's Plymouth County as good as
    # next door, more than a town that merely shares the province.
    names_of_province: dict[tuple[str, str], set[str]] = defaultdict(set)
    for k, e in picked:
        if e.kind != "country" and e.admin1_code:
            names_inside[(e.country, e.admin1_code)].add(k)
            if e.kind == "admin1":
                names_of_province[(e.country, e.admin1_code)].add(k)

    if not len(points.lat):
        return out
    nearest_km = _nearest_km(points.lat, points.lon, points.row_ids, pick_lat, pick_lon, pick_keys).tolist()
    offset = 0
    for (key, indices, entries), provinces in zip(points.groups, points.provinces):
        near: dict[str, float] = {}
        for e, d, province in zip(entries, nearest_km[offset:offset + len(entries)], provinces):
            if d < CONTEXT_KM:
                near[e.id] = d
            if province is not None:
                inside = names_inside.get(province)
                if inside and (len(inside) > 1 or key not in inside):
                    near[e.id] = 0.0 if e.kind == "admin1" else min(near.get(e.id, 100.0), 100.0)
                named = names_of_province.get(province)
                if e.kind != "admin1" and named and (len(named) > 1 or key not in named):
                    near[e.id] = min(near[e.id], _NAMED_PROVINCE_KM)
        offset += len(entries)
        for i in indices:
            out[i] = near
    return out


def _haversine_km(lat: np.ndarray, lon: np.ndarray, plat: np.ndarray, plon: np.ndarray) -> np.ndarray:
    """Great-circle km between column vectors ``lat, lon`` and row vectors ``plat, plon`` (radians)."""
    h = np.sin((plat - lat) / 2) ** 2 + np.cos(lat) * np.cos(plat) * np.sin((plon - lon) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def _nearest_km(lat: np.ndarray, lon: np.ndarray, keys: np.ndarray,
                pick_lat: np.ndarray, pick_lon: np.ndarray, pick_keys: np.ndarray) -> np.ndarray:
    """For each point, km to the nearest pick of another name (inf or any value beyond
    CONTEXT_KM when none is nearer than CONTEXT_KM)."""
    if len(lat) * len(pick_lat) <= _MATRIX_CELLS:  # a news article: one matrix
        km = _haversine_km(lat[:, None], lon[:, None], pick_lat, pick_lon)
        km[keys[:, None] == pick_keys[None, :]] = np.inf  # a name is not its own context
        return km.min(axis=1)
    # A long document: picks nearer than CONTEXT_KM lie within CONTEXT_KM of latitude, so
    # points sorted by latitude are compared, block by block, with the picks of their band
    # only. Time stays near linear, memory within a few tens of MB.
    by_lat = np.argsort(pick_lat)
    pick_lat, pick_lon, pick_keys = pick_lat[by_lat], pick_lon[by_lat], pick_keys[by_lat]
    band = CONTEXT_KM / 6371.0 + 1e-9
    rows_by_lat = np.argsort(lat)
    nearest = np.full(len(lat), np.inf)
    block = max(64, _MATRIX_CELLS // len(pick_lat))
    for a in range(0, len(lat), block):
        rows = rows_by_lat[a:a + block]
        first = np.searchsorted(pick_lat, lat[rows[0]] - band)
        last = np.searchsorted(pick_lat, lat[rows[-1]] + band, side="right")
        if first == last:
            continue
        km = _haversine_km(lat[rows, None], lon[rows, None], pick_lat[first:last], pick_lon[first:last])
        km[keys[rows, None] == pick_keys[None, first:last]] = np.inf
        nearest[rows] = km.min(axis=1)
    return nearest


#: The smallest town that the object of a verb of fighting ("retook Menaka") or a point of a
#: distance ("230km north of Kidal") is read as, over the province named after it.
_SMALL_TOWN = 5_000
#: What a town gains over the province named after it as the object of a verb of fighting.
_TOWN_VERB_BONUS = 2.0


def _prefer_city_over_same_name_division(cands: dict[str, NameMatch], scores: dict[str, float], hint: str | None,
                                         town_verb: bool = False) -> None:
    """"Aleppo" is the city more often than the governorate named after it, and "Gaza" the
    city of 400,000 more often than the smaller provinces of that name elsewhere (Mozambique's)."""
    if hint == "admin1":
        return
    divisions = {(c.entry.country, c.entry.admin1_code) for c in cands.values() if c.entry.kind == "admin1"}
    if not divisions:
        return
    largest_division = max(c.entry.population for c in cands.values() if c.entry.kind == "admin1")
    for eid, match in cands.items():
        entry = match.entry
        if entry.kind != "city":
            continue
        if (entry.country, entry.admin1_code) in divisions and entry.population >= 20_000:
            scores[eid] += 2.0 + (_TOWN_VERB_BONUS if town_verb else 0.0)
        elif (entry.country, entry.admin1_code) in divisions and town_verb and entry.population >= _SMALL_TOWN:
            scores[eid] += 2.0 + _TOWN_VERB_BONUS  # "retook Menaka" (14,000 people): the town
        elif match.quality == 2 and entry.population >= 100_000 and entry.population > largest_division:
            scores[eid] += 2.0


def _one_sense_per_name(mentions, candidates, scores, chosen, said=None) -> list[str]:
    """Repeated names resolve to one entry: the best score summed over the mentions.

    A mention with a feature word ("Idlib province", "the city of Tripoli") lends the sum only
    what its words say of where it is (``said``: "the Lebanese city of Tripoli", "Tripoli,
    Lebanon"): its scores lean to its own kind. It takes the name's sense when that is of its
    kind ("the Lebanese city of Tripoli ... Tripoli" are one Tripoli; "Idlib province" stays
    the governorate beside the city "Idlib"). A name written only with one feature word sums
    its mentions' scores alike.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[name_key(m.name)].append(i)
    chosen = list(chosen)
    for indices in groups.values():
        if len(indices) < 2:
            continue
        hints = {mentions[i].kind_hint for i in indices}
        summed: Counter[str] = Counter()
        for i in indices:
            if mentions[i].kind_hint is None or len(hints) == 1:
                summed.update(scores[i])
            elif said is not None:
                summed.update(said[i])
        for i in indices:
            hint = mentions[i].kind_hint
            options = [eid for eid in scores[i] if eid in summed]
            if not options:
                continue
            pick = max(options, key=summed.get)
            if hint is None or len(hints) == 1 or candidates[i][pick].entry.kind == hint:
                chosen[i] = pick
    return chosen
