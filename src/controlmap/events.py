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

import re
from dataclasses import dataclass, field
from datetime import date

from .actors import ActorMention, ActorRegistry, load_actors
from .article import Article
from .dates import DateMention, find_dates
from .geoparse import Place
from .text import Sentence, split_sentences

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
    ("captured", "active", r"\b(?:captured|capture|capturing|seized|seize|seizing|overran|overrun|overrunning|occupied|occupy|liberated|liberating|conquered|took|taken|gained|won(?!['’])|secured|securing)\b"),
    ("entered", "active", r"\b(?:entered|enter|entering|marched\s+into|moved\s+into|swept\s+into|rolled\s+into|pushed\s+into|advanced\s+into|advancing\s+into|forced\s+their\s+way\s+into|stormed|broke\s+into)\b"),
    ("withdrew", "active", r"\b(?:withdrew|withdrawn|withdrawing|withdraw|pulled\s+out\s+of|pulled\s+out\s+from|pulled\s+back\s+from|retreated\s+from|retreating\s+from|fled|abandoned|abandons|abandoning|evacuated|evacuating|evacuate)\b"),
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
    r"place|part|talks|prisoner|steps?|measures?|action|responsibility|control\s+over\s+(?:their|its|his)|"
    r"(?:its|their|his)\s+(?:main\s+)?(?:links|supply|routes))\b", re.I)

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
    r"[;:!?()]|\.(?:\s|$)|\s[-–—]\s|,[\"”]|[\"”],|\s+(?:reportedly|came|was|were|is|are|has|have|had|would|will|could|"
    r"might|may|remains?|fell|deprived|described|said|says)\b|,\s+(?!(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*,)|"
    r"\s+(?:in\s+(?:a|an|the\s+(?:face|latest|fighting|battle|wake|course)|fighting|bitter|heavy|fierce|overnight|"
    r"\d+|early|late|recent|what|an?\s+\w+\s+(?:offensive|attack|assault|drive))|on\s+(?:Mon|Tues|Wednes|Thurs|"
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
    actors = [a for a in actors_all if sentence.start <= a.start < sentence.end]
    dates = find_dates(s_text, article.published)
    taken: list[tuple[int, int]] = []
    out: list[ControlEvent] = []
    for trig in _TRIGGERS:
        for m in trig.pattern.finditer(s_text):
            t0, t1 = s0 + m.start(), s0 + m.end()
            if any(t0 < e and s < t1 for s, e in taken):
                continue
            descriptive = trig.change == "holds" and trig.voice in ("adjective", "under", "subject")
            if not descriptive and _is_irrealis(s_text, m.start(), trig):
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
    owner = None
    if voice == "adjective":
        # "Aleppo's remaining opposition-run neighborhoods": the toponym owns the place.
        owner = next((p for p in in_places if 0 <= s0 + m.start() - p.end <= 25
                      and re.match(r"['’]s\s+(?:[\w-]+\s+)?$", text[p.end:s0 + m.start()])), None)
    if owner is not None:
        end = _NP_END.search(text, t1 + 1, sentence.end)
        stop = end.start() if end else sentence.end
        place_parts = [_PlacePart(" ".join(text[owner.start:stop].split()), owner.start, stop, owner, False,
                                  "part of the place")]
    elif voice in ("active", "adjective", "noun"):
        place_parts = _object_places(text, t1, sentence, in_places, places,
                                     descriptive=trig.change == "holds" and voice == "adjective")
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
    # "surrounded the Iranians": an object that names an actor is people, not a place.
    place_parts = [p for p in place_parts if p.place is not None or not _names_actor(p.text, registry, conflict)]
    place_parts = [_with_anchor(p, sentence, places) for p in place_parts]
    # An actor and a place must be different things ("Russia captured Russia" is a misread).
    place_parts = [p for p in place_parts if not (actor.text and p.text.strip().lower() == actor.text.lower())]
    return [(actor, p) for p in place_parts]


_LEAD_IN = re.compile(r"^\s*(?:control\s+(?:of|over)\s+)?(?:(?:from|of|over|into|in|on|onto|out\s+of|to)\s+)?"
                      r"(?:what\s+[\w\s]{1,30}?\b(?:described|called|termed)\s+as\s+)?", re.I)
_DIRECTIONAL = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern|southern|eastern|"
    r"western)\s+of\b|\b(?:near|outside|around|close\s+to|beyond|km\s+from|kms\s+from|miles\s+from|along|"
    r"west\s+of|on\s+the\s+road\s+to|leading\s+into|inside)\b", re.I)
_CONJUNCTION_GAP = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)$")
_SURROUNDING = re.compile(
    r"^\s*,?\s+and\s+(?P<np>(?:(?:much|most|all|parts?|some)\s+of\s+)?the\s+(?:surrounding|nearby|adjacent)\s+"
    r"(?:province|region|countryside|governorate|area|villages|towns))", re.I)


def _clean(words: str) -> str:
    return words.strip().strip("\"'“”‘’").strip()


def _object_places(text: str, t1: int, sentence: Sentence, in_places: list[Place],
                   places: list[Place], descriptive: bool = False) -> list[_PlacePart]:
    """Places named by the object after a trigger: toponyms, "the city", or an unnamed place."""
    rest = text[t1:sentence.end]
    if re.match(r"\s*(?:to|by|back|up|down|away|place|part|prisoner|hold|power|office|charge|refuge|shelter)\b",
                rest, re.I):
        return []  # "fled to", "took place", "taken prisoner": no place is the object
    lead = _LEAD_IN.match(rest)
    n0 = t1 + (lead.end() if lead else 0)
    rest = text[n0:sentence.end]
    cut = _NP_END.search(rest, 1)
    np_end = n0 + (cut.start() if cut else len(rest))
    np_text = text[n0:np_end]
    if not _clean(np_text) or _NOT_PLACE.match(np_text):
        return []
    if re.match(r"\s*(?:would|will|could|might|may)\b", text[np_end:np_end + 12]) and not descriptive:
        return []  # "regaining control over the suburbs would stop ...": hypothetical
    named = [p for p in in_places if n0 <= p.start < np_end and p.start - n0 <= 80 and not _SPEECH.match(
        text[p.end:p.end + 14].lstrip())]
    if named:
        first = named[0]
        lead_words = text[n0:first.start]
        after_first = text[first.end:first.end + 30]
        if _DIRECTIONAL.search(lead_words) or re.search(
                r"\b(?:in|at|near|outside|around|on)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west)\w*\s+)?$",
                lead_words, re.I) and _PLACE_NOUN.search(lead_words):
            # "defence posts east of Iraq's second city, Basra", "the camp in Beirut": the place
            # is near the toponym, which is kept as its anchor (the last toponym of the chain).
            anchor = named[-1] if len(named) > 1 and named[-1].start - first.end <= 40 else first
            end = max(np_end, anchor.end)
            return [_PlacePart(_clean(text[n0:end]), n0, end, anchor, True)]
        if re.match(r"['’]s\s|\s+(?:stronghold|base|garrison|positions|posts|front|border|camp)\b", after_first, re.I):
            # "Tripoli's major air base", "CHAD STRONGHOLD": the toponym only qualifies the place.
            return [_PlacePart(_clean(np_text), n0, np_end, first, True)]
        if _NOT_PLACE.match(lead_words + "x") and not _PLACE_NOUN.search(lead_words):
            return []
        chain = [first]
        for p in named[1:]:
            if _CONJUNCTION_GAP.match(text[chain[-1].end:p.start]):
                chain.append(p)
            else:
                break
        parts = [_PlacePart(p.text, p.start, p.end, p, False, "part of the place" if _PLACE_NOUN.search(lead_words)
                            and re.search(r"\b(?:parts?|neighbou?rhoods?|much|most|half|sliver|pocket|blocks|"
                                          r"outskirts|districts?|quarters?)\b", lead_words, re.I) else "")
                 for p in chain]
        tail = _SURROUNDING.match(text[chain[-1].end:sentence.end])
        if tail:
            s = chain[-1].end + tail.start("np")
            e = chain[-1].end + tail.end("np")
            province = _province_of(chain[-1], s, e, text) if "province" in tail.group("np").lower() else None
            parts.append(_PlacePart(text[s:e], s, e, province, False, "the area around " + chain[-1].entry.name))
        return parts
    coref = _COREF.search(np_text)
    if coref and coref.start() <= 40:
        antecedent = _antecedent(places, n0 + coref.start(), coref.group("noun"))
        if antecedent is not None:
            part = "" if coref.start() == 0 else "part of the place"
            return [_PlacePart(_clean(np_text), n0, np_end, antecedent, False, part)]
    proper = re.fullmatch(r"\s*(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+){0,3}\s*", np_text)
    if not _PLACE_NOUN.search(np_text) and not proper:
        return []
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


def _province_of(place: Place, start: int, end: int, text: str) -> Place | None:
    """"the surrounding province" of a city, as a Place, when the gazetteer can say which."""
    try:
        from .gazetteer import open_gazetteer
        entry = open_gazetteer(build_if_missing=False).admin1_of(place.entry)
    except Exception:  # noqa: BLE001 - no index: the event keeps its words, unresolved
        return None
    if entry is None:
        return None
    return Place(start, end, text[start:end], entry, place.sentence, place.source, round(place.confidence * 0.9, 3))


_SUBJECT_GAP = re.compile(
    r"^\s*,?\s*(?:(?:which|that|who)\s+)?(?:itself\s+)?(?:(?:was|is|has\s+been|had\s+been|remains|remained|"
    r"became|becomes|long|once|still|now|then|reportedly|already|also|largely|the|a|an|last|main|key|former|only|"
    r"major|biggest|largest|remaining|isolated\s+and|cut\s+off\s+and)\s+)*$", re.I)


def _subject_places(text: str, t0: int, sentence: Sentence, in_places: list[Place],
                    places: list[Place]) -> list[_PlacePart]:
    """The place a passive or predicative trigger is about: written just before it."""
    before = text[sentence.start:t0]
    stripped = re.sub(r"(?:\s+(?:has|have|had|was|were|is|are|been|being|itself|also|still|reportedly|then|now|"
                      r"once|long|a|an|the|last|main|key|former|only|major|which|that|until|when|already|"
                      r"largely|effectively))+\s*,?\s*$", "", " " + before, flags=re.I)
    if re.search(r"\b(?:it|which|that)\s*$", stripped, re.I):
        antecedent = _antecedent(places, t0 - (len(before) - len(stripped) + 1) - 2, None)
        if antecedent is not None and sentence.start <= antecedent.start or (antecedent and t0 - antecedent.end < 300):
            return [_PlacePart(antecedent.text, antecedent.start, antecedent.end, antecedent, False)]
    # The noun phrase right before the trigger: "refugee camps besieged by", "Douma is surrounded by".
    words = list(re.finditer(r"[\w'’-]+", stripped))[-7:]
    boundary = 0
    for i, w in enumerate(words):
        if re.fullmatch(r"(?:of|in|with|along|on|at|for|over|from|and|by|to|said|says|that|as|after|"
                        r"between|against|around|near)", w.group(0), re.I):
            boundary = i + 1
    phrase = words[boundary:]
    if phrase:
        base = sentence.start - 1  # ``stripped`` has one leading space
        s, e = base + phrase[0].start(), base + phrase[-1].end()
        named = [p for p in in_places if s <= p.start and p.end <= e + 2]
        if named:
            return [_PlacePart(named[-1].text, named[-1].start, named[-1].end, named[-1], False)]
        np_text = text[s:e]
        coref = _COREF.search(np_text)
        if coref and coref.group("noun"):
            antecedent = _antecedent(places, s + coref.start(), coref.group("noun"))
            if antecedent is not None:
                return [_PlacePart(np_text, s, e, antecedent, False)]
        if _NOT_PLACE.match(np_text):
            return []
        if _PLACE_NOUN.search(np_text) and not re.search(r"\b(?:it|they|which)$", np_text, re.I):
            return [_PlacePart(np_text, s, e, None, False)]
    # "Aleppo, which itself was a rebel stronghold": a toponym, then only a copula.
    candidates = [p for p in in_places if p.end <= t0]
    if candidates and _SUBJECT_GAP.match(text[candidates[-1].end:t0]):
        last = candidates[-1]
        chain = [last]
        for p in reversed(candidates[:-1]):
            if _CONJUNCTION_GAP.match(text[p.end:chain[0].start]):
                chain.insert(0, p)
            else:
                break
        return [_PlacePart(p.text, p.start, p.end, p, False) for p in chain]
    return []


def _names_actor(words: str, registry: ActorRegistry, conflict: str | None) -> bool:
    mentions = registry.find(words, conflict=conflict)
    covered = sum(m.end - m.start for m in mentions)
    return covered >= 0.6 * len(words.strip())


def _with_anchor(part: _PlacePart, sentence: Sentence, places: list[Place]) -> _PlacePart:
    """Give an unnamed place ("some fresh territory") the nearest town named around it.

    The town is only a reference point (``anchor`` true): the event is located near it, which
    is what a map can show of "territory near Basra". Towns of the same sentence come first,
    then the sentence before; countries and provinces are too coarse to anchor anything.
    """
    if part.place is not None:
        return part
    local = [p for p in places if p.entry.kind in ("city", "airport", "feature")
             and sentence.start - 400 <= p.start < sentence.end and not (part.start <= p.start < part.end)]
    if not local:
        return part
    same = [p for p in local if p.start >= sentence.start]
    pool = same or [p for p in local if p.start < sentence.start][-1:]
    best = min(pool, key=lambda p: abs(p.start - part.start))
    return _PlacePart(part.text, part.start, part.end, best, True, f"near {best.entry.name} (named nearby)")


_KIND_FOR_NOUN = {"city": ("city",), "town": ("city",), "village": ("city",), "capital": ("city",),
                  "oasis": ("city", "feature", "airport"), "base": ("airport", "city", "feature"),
                  "airport": ("airport",), "province": ("admin1", "admin2", "region"),
                  "region": ("admin1", "region", "admin2"), "country": ("country",), "port": ("city",)}


def _antecedent(places: list[Place], before: int, noun: str | None) -> Place | None:
    """The last resolved place before ``before`` that ``noun`` ("city") can point back to."""
    kinds = _KIND_FOR_NOUN.get((noun or "").lower())
    for p in reversed([p for p in places if p.end <= before]):
        if kinds is None:
            if p.entry.kind == "country" and noun is None:
                continue  # "it" after a country mention is usually the country as an actor
            return p
        if p.entry.kind in kinds:
            return p
    return None


def _actor_part(mention: ActorMention, text: str | None = None, confidence: float = 1.0) -> _ActorPart:
    return _ActorPart(text or mention.words, mention.actor.canonical, mention.actor.side, confidence)


def _actor_before(text: str, t0: int, sentence: Sentence, actors: list[ActorMention],
                  actors_all: list[ActorMention], registry: ActorRegistry, conflict: str | None) -> _ActorPart | None:
    """The actor of an active trigger: the nearest actor written before it."""
    near = [a for a in actors if a.end <= t0 and not _possessive(text, a)]
    clause = text[sentence.start:t0]
    pronoun = None
    for pronoun in _PRONOUN_ACTOR.finditer(clause[-45:]):
        pass
    if near:
        last = near[-1]
        between = text[last.end:t0]
        if re.match(r"\s+and\s+(?:was|is|were|are|has|have|had)\b", between) and near[0] is not last:
            # "HTS ... fighting the Assad government and was already the dominant force":
            # the coordinated verb belongs to the clause's subject, not to the nearest name.
            return _actor_part(near[0])
        if pronoun is not None and sentence.start + len(clause) - 45 + pronoun.start() >= last.end:
            return _actor_part(last, " ".join(pronoun.group(0).split()), 0.8)
        if len(between) <= 160:
            return _actor_part(last)
    if pronoun is not None:
        earlier = [a for a in actors_all if a.end <= sentence.start]
        if earlier:
            return _actor_part(earlier[-1], " ".join(pronoun.group(0).split()), 0.6)
        return _ActorPart(pronoun.group(0), "unknown", "unknown", 0.3)
    # Unknown actor: keep the subject as written rather than dropping the event.
    subject = re.search(r"([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+" + _AUX + r"$", clause)
    if subject and not _SPEECH.search(subject.group(1)):
        words = " ".join(subject.group(1).split())
        if re.search(r"\b(?:forces|troops|army|rebels|fighters|militia|militiamen|guerrillas|soldiers|units|brigades?|"
                     r"division|group|movement|front|guards|police|army)\b", words, re.I):
            return _ActorPart(words, words, words, 0.5)
    return None


def _possessive(text: str, mention: ActorMention) -> bool:
    return re.match(r"['’]s?\s+(?!forces|troops|army|soldiers|men)", text[mention.end:mention.end + 12]) is not None


def _actor_after(text: str, t1: int, sentence: Sentence, actors: list[ActorMention],
                 registry: ActorRegistry, conflict: str | None) -> _ActorPart | None:
    """The actor of "fell to X" / "held by X"."""
    if re.match(r"\s*(?:its|their)\b", text[t1:t1 + 8], re.I):
        speaker = [a for a in actors if a.end <= t1 and not _possessive(text, a)]
        if speaker:
            return _actor_part(speaker[0], re.match(r"\s*((?:its|their)(?:\s+[\w-]+){0,3})", text[t1:]).group(1), 0.8)
    for a in actors:
        if t1 <= a.start <= t1 + 40:
            return _actor_part(a)
    words = re.match(r"\s*((?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:forces|troops|army|rebels|fighters|militia|militiamen|"
                     r"guerrillas|soldiers|group|insurgents|separatists|terrorists|jihadists))\b", text[t1:sentence.end], re.I)
    if words:
        found = registry.match(words.group(1), conflict=conflict)
        written = " ".join(words.group(1).split())
        if found is not None:
            return _ActorPart(written, found.canonical, found.side, 0.9)
        return _ActorPart(written, written, written, 0.5)
    return None


def _actor_from_words(words: str, at: int, actors: list[ActorMention], registry: ActorRegistry,
                      conflict: str | None) -> _ActorPart | None:
    """The actor in an adjective: "rebel-held", "Libyan-controlled", "under opposition control"."""
    words = re.sub(r"['’]s?$", "", words.strip())
    words = re.sub(r"^(?:the|a|an|remaining|still|last|main|key|former|its|their|only|full|effective|"
                   r"[a-z]+ly)\s+", "", words, flags=re.I)
    if not words:
        return None
    last = words.split()[-1].lower()
    if last in _SIDE_WORDS:
        found = registry.match(_SIDE_WORDS[last], conflict=conflict)
        if found is not None:
            return _ActorPart(words, found.canonical, found.side, 0.9)
    for guess in (words, words + " forces", last + " forces", words.split()[-1] + " forces"):
        found = registry.match(guess, conflict=conflict)
        if found is not None and re.search(r"[A-Z]", words):
            return _ActorPart(words, found.canonical, found.side, 0.9)
    if re.match(r"[A-Z][a-z]", words.split()[-1]) and words.split()[-1].lower() not in ("important", "key"):
        # An actor the registry does not know ("Amal-held"): kept as written.
        return _ActorPart(words, words, words, 0.5)
    return None


def _pick_dates(dates: list[DateMention], trig_at: int, change: str, s_text: str) -> tuple[DateMention | None, DateMention | None]:
    """(date of the change, end of a holding) among the sentence's date mentions."""
    until = None
    if change == "holds":
        for d in dates:
            if d.start > trig_at and (d.relation == "until" or re.search(r"\buntil\b", s_text[trig_at:d.start])):
                until = d
                break
        since = [d for d in dates if d.relation == "since"]
        if since:
            return min(since, key=lambda d: abs(d.start - trig_at)), until
    usable = [d for d in dates if d.relation != "until" and d is not until]
    if not usable:
        return None, until
    return min(usable, key=lambda d: abs(d.start - trig_at)), until


def _attribution(s_text: str, trig_at: int) -> str | None:
    for m in _SPEECH.finditer(s_text):
        if m.start() < trig_at:
            lead = s_text[:m.end()]
            if len(lead) > 90:
                lead = re.split(r"[,;]", lead)[-1]
            attributed = " ".join(lead.split()).strip(" ,")
            if m.group(0).lower().startswith("according"):
                tail = re.match(r"\s+([^,.;]+)", s_text[m.end():])
                attributed = "according to " + " ".join(tail.group(1).split()) if tail else attributed
            return attributed
    tail = re.search(r"(?:,\s*|\s)((?:[\w'’-]+\s+){0,8}?(?:said|says|reported|told\s+\w+)|according\s+to\s+[^,.;]+)[\s\w,.'’-]*[.\"”]?$", s_text[trig_at:])
    if tail:
        return " ".join(tail.group(1).split())
    return None


def _make_event(article: Article, sentence: Sentence, trig: _Trigger, m: re.Match[str], actor: _ActorPart,
                place: _PlacePart, dates: list[DateMention]) -> ControlEvent:
    when, until = _pick_dates(dates, m.start(), trig.change, sentence.text)
    relation = "on"
    if when is not None:
        day, precision, date_text = when.date, when.precision, when.text
        since = when.relation == "since" or re.search(r"\bsince\b", sentence.text[max(0, when.start - 40):when.start])
        relation = "since" if (trig.change == "holds" and since) else (
            "before" if when.relation == "before" else "on")
    elif until is not None:
        day, precision, date_text, relation = until.date, until.precision, until.text, "before"
    elif article.published is not None:
        day, precision, date_text = article.published, "on-or-before-publication", None
    else:
        day, precision, date_text = None, "unknown", None
    if until is not None and when is not None and when is until:
        relation = "before"
    confidence = actor.confidence * (0.8 if place.place is None else 1.0) * (0.9 if place.anchor else 1.0)
    notes = tuple(n for n in (place.note,) if n)
    return ControlEvent(
        start=sentence.start, end=sentence.end, sentence=sentence.text, source=article.source,
        change=trig.change, actor_text=actor.text, actor=actor.actor, side=actor.side,
        place_text=" ".join(place.text.split()), place_start=place.start, place_end=place.end,
        place=place.place, anchor=place.anchor, date=day, date_precision=precision, date_text=date_text,
        date_relation=relation, until=until.date if until else None,
        until_precision=until.precision if until else None,
        attributed_to=_attribution(sentence.text, m.start()), trigger=" ".join(m.group(0).split()),
        trigger_start=sentence.start + m.start(), confidence=round(confidence, 2), notes=notes,
    )


_CLASS = {"captured": "gain", "retook": "gain", "entered": "enter", "holds": "hold", "besieged": "siege",
          "withdrew": "loss", "lost": "loss"}


def _dedupe(events: list[ControlEvent]) -> list[ControlEvent]:
    seen: set[tuple] = set()
    out: list[ControlEvent] = []
    for e in sorted(events, key=lambda e: (e.start, e.trigger_start)):
        key = (e.start, e.place_key, e.side, _CLASS[e.change])
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def event_to_dict(event: ControlEvent) -> dict:
    """A JSON-ready dict of an event (keys of :data:`EVENT_CSV_FIELDS` plus ``notes``).

    ``id``, ``name``, ``lat`` and ``lon`` describe the resolved place (the anchor town when
    ``anchor`` is true) and are ``None`` when the place is unresolved; dates are ISO strings.
    """
    entry = event.place.entry if event.place is not None else None
    return {
        "source": event.source, "start": event.start, "end": event.end, "change": event.change,
        "actor_text": event.actor_text, "actor": event.actor, "side": event.side,
        "place_text": event.place_text, "place_start": event.place_start, "place_end": event.place_end,
        "id": entry.id if entry else None, "name": entry.name if entry else event.place_text,
        "lat": entry.lat if entry else None, "lon": entry.lon if entry else None, "anchor": event.anchor,
        "date": event.date.isoformat() if event.date else None, "date_precision": event.date_precision,
        "date_text": event.date_text, "date_relation": event.date_relation,
        "until": event.until.isoformat() if event.until else None, "until_precision": event.until_precision,
        "attributed_to": event.attributed_to, "trigger": event.trigger, "confidence": event.confidence,
        "sentence": event.sentence, "notes": list(event.notes),
    }
