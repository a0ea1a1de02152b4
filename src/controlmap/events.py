"""Control events: who gained, lost, entered, holds, besieges or withdrew from which place.

An event is read from one sentence. The extractor is rule based: a table of trigger phrasings
(``captured``, ``fell to``, ``withdrew from``, ``stronghold of``, ``X-held``...) each with the
change it means and the voice it is written in, so that it knows on which side of the trigger
the actor and the place stand. Actors come from :mod:`controlmap.actors`, places from the
geoparser (:func:`controlmap.geoparse.geoparse`), dates from :mod:`controlmap.dates`.

What is deliberately *not* an event: vows, threats, plans and denials (the sentence says
something may happen, not that it did), air strikes and shelling (an attack changes no
control), "captured 48" (people, not a place) and "fell to" of prices and markets.

Claims attributed to a speaker ("the army said ...") stay events, with the speaker kept in
:attr:`ControlEvent.attributed_to`: the timeline keeps them apart when sources disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .geoparse import Place

#: Kinds of change, and what each does to control of the place.
#: ``captured`` and ``retook`` (a gain), ``entered`` (a contested gain, "advanced into"),
#: ``holds`` (control observed, not changed), ``besieged`` (the place is encircled; control
#: unchanged), ``withdrew`` and ``lost`` (a loss for the actor).
CHANGES: tuple[str, ...] = ("captured", "retook", "entered", "holds", "besieged", "withdrew", "lost")

#: Date precisions, finest first. ``on-or-before-publication``: the text gives no date, so the
#: event happened on or before the article's publication date (which :attr:`ControlEvent.date`
#: then holds). ``unknown``: neither the text nor the article gives a date.
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "on-or-before-publication", "unknown")


@dataclass(frozen=True)
class ControlEvent:
    """One change (or observation) of control, read from one sentence.

    Attributes
    ----------
    start, end
        Character span of the sentence in the article's text.
    sentence
        The sentence, ``article.text[start:end]``.
    source
        The article's :attr:`~controlmap.article.Article.source`.
    change
        One of :data:`CHANGES`.
    actor_text
        The actor as written ("government forces", "HTS", "they"); ``None`` when implicit
        ("newly-captured areas").
    actor
        Canonical actor from the registry ("Syrian government"), or ``actor_text`` as written
        when the registry does not know it, or ``"unknown"``.
    side
        The side in the conflict ("government", "opposition", "Iran", "Russia"...); for an
        unknown actor its text, or ``"unknown"``.
    place_text, place_start, place_end
        The words naming the place (a toponym, "the city", or an unnamed place such as
        "several strategic heights") and their span in the article.
    place
        The resolved place when the geoparser found one: the toponym itself, the place "the
        city"/"it" points back to, or the named town an unnamed place is described from
        (then ``anchor`` is true). ``None`` when no resolved place stands for it.
    anchor
        True when ``place`` is only the reference point of an unnamed place ("defence posts
        east of Basra" -> Basra), not the place itself.
    date
        When the change happened; for ``holds`` the earliest date control is known ("since
        2020" -> 2020-01-01). ``None`` only with precision ``unknown``.
    date_precision
        One of :data:`PRECISIONS`; a ``year`` date is January 1 of that year, a ``month``
        date the first of the month.
    date_text
        The words the date was read from ("on Wednesday", "in 2016"), ``None`` when none.
    date_relation
        How ``date`` relates to the change: ``on`` (it happened then, or for ``holds`` control
        is attested then), ``since`` (control held from then on), ``before`` (on or before).
    until
        For a holding that the text says ended ("a rebel stronghold until it fell ... in
        2016"), when it ended; else ``None``.
    until_precision
        Precision of ``until`` (``None`` when ``until`` is ``None``).
    attributed_to
        The speaker the sentence attributes the claim to ("the army said"), else ``None``.
    trigger
        The trigger words ("fell to", "taken control of") and ``trigger_start`` their offset.
    confidence
        In [0, 1]: lower for pronoun actors, unnamed places and hedged wording.
    """

    start: int
    end: int
    sentence: str
    source: str
    change: str
    actor_text: str | None
    actor: str
    side: str
    place_text: str
    place_start: int
    place_end: int
    place: Place | None = None
    anchor: bool = False
    date: date | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    date_relation: str = "on"
    until: date | None = None
    until_precision: str | None = None
    attributed_to: str | None = None
    trigger: str = ""
    trigger_start: int = -1
    confidence: float = 1.0
    notes: tuple[str, ...] = field(default=())

    @property
    def place_key(self) -> str:
        """What identifies the place across articles: the gazetteer id, else the place words."""
        if self.place is not None and not self.anchor:
            return self.place.entry.id
        return "text:" + " ".join(self.place_text.lower().split())


#: Columns of ``--format csv``, in order; every key of :func:`event_to_dict` except ``notes``.
EVENT_CSV_FIELDS: tuple[str, ...] = (
    "source", "start", "end", "change", "actor_text", "actor", "side", "place_text", "place_start",
    "place_end", "id", "name", "lat", "lon", "anchor", "date", "date_precision", "date_text", "date_relation", "until",
    "until_precision", "attributed_to", "trigger", "confidence", "sentence",
)


# ---------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------

import re  # noqa: E402  (kept next to the patterns that use it)

from .actors import ActorMention, ActorRegistry, load_actors  # noqa: E402
from .article import Article  # noqa: E402
from .dates import DateMention, find_dates  # noqa: E402
from .text import Sentence, split_sentences  # noqa: E402

_W = r"\s+"  # wire copy wraps lines anywhere: every space in a pattern is any white space


def _rx(words: str) -> str:
    return words.replace(" ", _W)


@dataclass(frozen=True)
class _Trigger:
    """A trigger phrasing: ``voice`` says where the actor and place stand.

    ``active``: actor before, place after ("rebels captured Aleppo").
    ``by``: place before, actor after "by" ("Douma, controlled by Jaish al-Islam").
    ``to``: place before, actor after "to" ("Aleppo fell to government forces").
    ``adjective``: actor glued before, place after ("rebel-held Idlib", "rebel siege of Foua").
    ``noun``: place after, actor found anywhere ("the fall of Ouadi Doum").
    ``subject``: place before, actor in the words ("Aleppo was a rebel stronghold").
    ``under``: place before, actor inside ("Aleppo still under rebel control").
    """

    change: str
    voice: str
    pattern: re.Pattern[str]


_AUX = r"(?:(?:has|have|had|was|were|is|are|been|being|be|reportedly|also|now|already|still|just|largely|effectively|quickly|hastily|finally|then|later|today|yesterday)\s+)*"

_TRIGGER_TABLE: tuple[tuple[str, str, str], ...] = (
    # passive forms first: "captured by" must not be read as active "captured"
    ("captured", "by", r"\b(?:captured|seized|taken|overrun|occupied|liberated|conquered)\s+by\b"),
    ("retook", "by", r"\b(?:recaptured|retaken|regained)\s+by\b"),
    ("holds", "by", r"\b(?:controlled|held|run|occupied|dominated)\s+by\b"),
    ("besieged", "by", r"\b(?:besieged|surrounded|encircled|blockaded)\s+by\b"),
    ("captured", "to", r"\b(?:fell|falls|fallen|falling)\s+(?:back\s+)?to\b"),
    ("lost", "to", r"\b(?:lost|ceded|surrendered)\b(?=[^.;]{1,80}?\bto\s+(?:the\s+)?[\w'-]+\s+(?:forces|troops|army|rebels|fighters|militia))"),
    ("holds", "adjective", r"\b(?P<adj>[\w'’]+(?:\s+[\w'’]+)?)-(?:held|controlled|run|occupied|dominated)\b"),
    ("besieged", "adjective", r"\b(?P<adj>[\w'’]+)\s+siege\s+(?:of|on)\b"),
    ("besieged", "noun", r"\b(?:siege\s+of|encirclement\s+of)\b"),
    ("captured", "noun", r"\b(?:the\s+)?(?:fall|capture|seizure|conquest|takeover)\s+of\b"),
    ("retook", "noun", r"\b(?:the\s+)?(?:recapture|liberation)\s+of\b"),
    ("holds", "subject", r"\b(?P<adj>[\w'’-]+)\s+(?:stronghold|bastion|enclave)\b(?!\s+of)"),
    ("holds", "adjective", r"\b(?P<adj>[\w'’-]+)\s+(?:stronghold|bastion|enclave)\s+of\b"),
    ("holds", "under", r"\b(?:still\s+)?under\s+(?P<adj>[\w'’-]+(?:\s+[\w'’-]+)?)\s+control\b"),
    ("holds", "active", r"\b(?:the\s+)?dominant\s+force\s+in\b"),
    ("holds", "active", r"\b(?:(?:maintained|maintain|maintains|kept|keep|retained|retain|retains|has|have|had|took|in|in\s+full|in\s+effective|exert|exerts|exercised?)\s+)control\s+(?:of|over)\b"),
    ("holds", "active", r"\b(?:controls|controlled|holds|held\s+onto|held|hold|occupying|occupies|garrisoned)\b"),
    ("retook", "active", r"\b(?:retook|retaken|retake|retaking|recaptured|recapture|recapturing|regained|regain|regaining|reclaimed|won\s+back)\b"),
    ("captured", "active", r"\b(?:(?:taken|took|take|taking|gained|seized|seize)\s+(?:full\s+)?control\s+of|took\s+over|taken\s+over|take\s+over)\b"),
    ("captured", "active", r"\b(?:captured|capture|capturing|seized|seize|seizing|overran|overrun|overrunning|occupied|occupy|liberated|liberating|conquered|took|taken|gained|won)\b"),
    ("entered", "active", r"\b(?:entered|enter|entering|marched\s+into|moved\s+into|swept\s+into|rolled\s+into|pushed\s+into|advanced\s+into|advancing\s+into|forced\s+their\s+way\s+into|stormed|broke\s+into)\b"),
    ("withdrew", "active", r"\b(?:withdrew|withdrawn|withdrawing|withdraw|pulled\s+out\s+of|pulled\s+out\s+from|pulled\s+back\s+from|retreated\s+from|retreating\s+from|fled|abandoned|abandons|abandoning|evacuated|evacuating|evacuate|left)\b"),
    ("lost", "active", r"\b(?:lost\s+control\s+of|lost|ceding|ceded)\b"),
    ("besieged", "active", r"\b(?:besieged|besieging|besiege|surrounded|encircled|encircling|blockaded)\b"),
)
_TRIGGERS: tuple[_Trigger, ...] = tuple(_Trigger(c, v, re.compile(p, re.I)) for c, v, p in _TRIGGER_TABLE)

#: Words before a trigger that make it a vow, threat, plan, hypothesis or denial.
_IRREALIS = re.compile(
    r"\b(?:vow\w*|threat\w*|pledg\w*|promis\w*|plan\w*|aim\w*|intend\w*|seek\w*|sought|want\w*|hop\w*|"
    r"bid\s+to|attempt\w*|tr(?:y|ied|ying)\s+to|would|will|could|may|might|should|shall|expected\s+to|set\s+to|"
    r"about\s+to|verge\s+of|ready\s+to|prepar\w*|wheth\w*|if|unless|deni\w*|deny\w*|not|no|never|nor|neither|"
    r"failed|fail\w*|rumou?r\w*|unconfirmed|haste\s+to|order\s+to|calls?\s+for|urg\w*|demand\w*|could\s+be)\b", re.I)

#: Words that begin an object that is not a place ("captured 48", "seized tanks").
_NOT_PLACE = re.compile(
    r"^(?:[\"'“]?\s*)(?:(?:some|about|at\s+least|more\s+than|over|nearly|an\s+estimated|large\s+amounts?\s+of|"
    r"a\s+number\s+of|hundreds\s+of|thousands\s+of|dozens\s+of)\s+)?(?:\d[\d,.]*\s+(?!square|sq|km|kilomet))?"
    r"(?:[\w-]+\s+){0,2}(?:people|prisoners?|soldiers|troops|men|women|children|civilians|wounded|hostages?|"
    r"munitions|weapons?|weaponry|tanks|guns|equipment|hardware|vehicles|aircraft|planes|bombers|helicopters|"
    r"ammunition|arms|votes?|seats?|pct|percent|shares?|stake|billion|million|dollars|dlrs|power|office|"
    r"place|part|talks|prisoner|steps?|measures?|action|responsibility|control\s+over\s+(?:their|its|his))\b", re.I)

#: Nouns that can head an unnamed place ("strategic heights", "defence posts", "the camp").
_PLACE_NOUN = re.compile(
    r"\b(?:towns?|townships?|cit(?:y|ies)|villages?|camps?|bases?|air\s*base|airfield|airports?|heights|hills?|"
    r"positions|posts|areas?|territor(?:y|ies)|regions?|provinces?|districts?|neighbou?rhoods?|quarters?|"
    r"suburbs?|outskirts|garrisons?|strongholds?|strongpoints?|oasis|islands?|roads?|highway|lines?|defen[cs]es|"
    r"fronts?|headquarters|HQ|buildings?|bridges?|ports?|footholds|kilomet(?:er|re)s|km|parts|sliver|pocket|"
    r"blocks|zones?|enclave|bastion|border|crossings?|valleys?|mountains?|ridges?|sectors?|peaks?|"
    r"settlements?|localit(?:y|ies)|countryside|farms|palace|barracks|complex|compound|stations?|dam|"
    r"rivers|refinery|oilfields?|fields?|coast|shore|bank|strip|hospital|school|square|centre|center|"
    r"capital|half|much|most|rest|all|remainder)\b", re.I)

#: Phrases that point back to a place already named.
_COREF = re.compile(
    r"\b(?:(?:the|this|that)\s+(?:(?:besieged|embattled|northern|southern|eastern|western|central|key|strategic|"
    r"desert|battered|ancient|coastal|border|rebel-held|small|whole|entire)\s+)?(?P<noun>city|town|village|camp|"
    r"oasis|base|building|area|province|region|capital|enclave|district|airport|port|country)|(?P<it>it))\b", re.I)

#: Where an object noun phrase ends.
_NP_END = re.compile(
    r"[;:!?()]|\.(?:\s|$)|\s[-–—]\s|,\s+(?!(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*,)|"
    r"\s+(?:in\s+(?:a|an|the\s+(?:face|latest|fighting|battle|wake|course)|fighting|bitter|heavy|fierce|overnight|"
    r"\d|early|late|recent|what|an?\s+\w+\s+(?:offensive|attack|assault|drive))|on\s+(?:Mon|Tues|Wednes|Thurs|"
    r"Fri|Satur|Sun)day|following|after|before|since|during|with|as\s|for\s|leaving|bringing|because|while|"
    r"when|where|which|who|but|urging|saying|according|said|says|until|and\s+(?:was|were|is|are|has|had|"
    r"have|freed|killed|found|pressing|left|then|also)|to\s+(?:guarantee|quell|halt|stop|protect|secure|"
    r"ensure|the\s+(?:Iraqi|Iranian))|from\s+(?:terror|the\s+(?:government|army|rebels?)))\b")

_SPEECH = re.compile(
    r"\b(?:said|says|say|reported|reports|told|announced|claimed|claims|acknowledged|admitted|admitting|"
    r"described|quoted|added|stated|confirmed|according\s+to)\b", re.I)

#: A noun phrase that stands for an actor without naming it ("its forces", "they").
_PRONOUN_ACTOR = re.compile(
    r"\b(?:(?:its|their|his|our)\s+(?:[\w-]+\s+){0,2}(?:forces|troops|army|fighters|men|soldiers|units|corps)|"
    r"they|it|we)\b", re.I)

#: Side nouns in adjectives ("rebel-held", "government-controlled").
_SIDE_WORDS: dict[str, str] = {
    "rebel": "rebels", "rebels": "rebels", "opposition": "opposition forces", "insurgent": "insurgents",
    "government": "government forces", "regime": "regime forces", "army": "the army", "militia": "militia",
    "jihadist": "jihadists", "terrorist": "terrorists", "terrorists": "terrorists", "kurdish": "Kurdish forces",
    "separatist": "separatists",
}


def extract_events(article: Article, places: list[Place] | None = None, *,
                   registry: ActorRegistry | None = None) -> list[ControlEvent]:
    """Read every control event in ``article``.

    Parameters
    ----------
    article
        The article; its publication date resolves relative dates.
    places
        Resolved place mentions (:func:`controlmap.geoparse.geoparse` output); geoparsed here
        when ``None``.
    registry
        Actor registry; :func:`controlmap.actors.load_actors` when ``None``.

    Returns
    -------
    list[ControlEvent]
        In text order.
    """
    if places is None:
        from .geoparse import geoparse
        places = geoparse(article)
    registry = registry or load_actors()
    text = article.text
    conflict = registry.guess_conflict(text)
    places = sorted(places, key=lambda p: p.start)
    actors_all = registry.find(text, conflict=conflict)
    events: list[ControlEvent] = []
    for sentence in split_sentences(text):
        events.extend(_sentence_events(article, sentence, places, actors_all, registry, conflict))
    return _dedupe(events)


def _sentence_events(article: Article, sentence: Sentence, places: list[Place], actors_all: list[ActorMention],
                     registry: ActorRegistry, conflict: str | None) -> list[ControlEvent]:
    s_text, s0 = sentence.text, sentence.start
    # Actors may not overlap a toponym ("Tripoli's major air base" is a place, not Libya).
    in_places = [p for p in places if sentence.start <= p.start < sentence.end]
    actors = [a for a in actors_all if sentence.start <= a.start < sentence.end
              and not any(p.start < a.end and a.start < p.end for p in in_places)]
    dates = find_dates(s_text, article.published)
    taken: list[tuple[int, int]] = []
    out: list[ControlEvent] = []
    for trig in _TRIGGERS:
        for m in trig.pattern.finditer(s_text):
            t0, t1 = s0 + m.start(), s0 + m.end()
            if any(t0 < e and s < t1 for s, e in taken):
                continue
            if _is_irrealis(s_text, m.start(), trig):
                continue
            found = _read_trigger(article, sentence, trig, m, in_places, places, actors, actors_all, registry, conflict)
            if not found:
                continue
            taken.append((t0, t1))
            for actor_part, place_part in found:
                out.append(_make_event(article, sentence, trig, m, actor_part, place_part, dates))
    return out


def _is_irrealis(s_text: str, at: int, trig: _Trigger) -> bool:
    # Only the clause right before the trigger counts: "the army said rebels had entered"
    # is a report, "vowed to stage a counterattack" and "in a bid to take" are not events.
    window = s_text[max(0, at - 45):at]
    window = re.split(r"[,;:]|\b(?:said|says|and|but|while|after|which)\b", window)[-1]
    return _IRREALIS.search(window) is not None


@dataclass(frozen=True)
class _PlacePart:
    text: str
    start: int
    end: int
    place: Place | None
    anchor: bool
    note: str = ""


@dataclass(frozen=True)
class _ActorPart:
    text: str | None
    actor: str
    side: str
    confidence: float


def _read_trigger(article: Article, sentence: Sentence, trig: _Trigger, m: re.Match[str], in_places: list[Place],
                  places: list[Place], actors: list[ActorMention], actors_all: list[ActorMention],
                  registry: ActorRegistry, conflict: str | None) -> list[tuple[_ActorPart, _PlacePart]]:
    text, s0 = article.text, sentence.start
    t0, t1 = s0 + m.start(), s0 + m.end()
    voice = trig.voice
    adj = m.groupdict().get("adj")
    if voice in ("active", "adjective", "noun"):
        place_parts = _object_places(text, t1, sentence, in_places, places)
    else:
        place_parts = _subject_places(text, t0, sentence, in_places, places)
    if not place_parts:
        return []
    if voice in ("by", "to"):
        actor = _actor_after(text, t1, sentence, actors, registry, conflict)
        if actor is None:
            return []
    elif voice in ("adjective", "subject", "under"):
        actor = _actor_from_words(adj or "", s0 + m.start("adj"), actors, registry, conflict)
        if actor is None:
            return []
    else:
        actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
        if actor is None and voice == "active":
            return []
        if actor is None:
            actor = _ActorPart(None, "unknown", "unknown", 0.5)
    # An actor and a place must be different things ("Russia captured Russia" is a misread).
    place_parts = [p for p in place_parts if not (actor.text and p.text.strip().lower() == actor.text.lower())]
    return [(actor, p) for p in place_parts]
