"""Control events: who gained, lost, entered, holds, besieges or withdrew from which place.

An event is read from one sentence. The extractor is rule based: a table of trigger phrasings
(``captured``, ``fell to``, ``withdrew from``, ``stronghold of``, ``X-held``...) each with the
change it means and the voice it is written in, so that it knows on which side of the trigger
the actor and the place stand. Actors come from :mod:`controlmap.actors`, places from the
geoparser (:func:`controlmap.geoparse.geoparse`), dates from :mod:`controlmap.dates`.

A sentence is read with its neighbours in view (see :class:`_Context`), because news leaves
much to them: "the city" and "it" point back to the last place named; "its main strongpoint"
and "our forces" to the state that spoke before; "the fall of X" repeats a capture told
earlier (its captor and date), or names the loser ("deprived Libya of"), whose opponent in a
two-sided war took it; an unnamed place ("their last stronghold in northern Chad") is anchored
to a town of the same sentence, else of the sentences around it. Relative clauses put the
place before the verb ("positions they had captured", "the Golan Heights, which Israel
captured"), and a date inside an aside set off by commas dates only the aside. A withdrawal
whose place goes unsaid ("the hurried Libyan evacuation", "began to flee northwards") left the
place the same side was last told to hold, take or leave. A sentence that opens with an offset
("Eight months later, Ukraine retook the city") counts it from the event dated just before it.
A coordinated object with a date of its own is an event of its own ("captured Hama on Thursday
and Homs on Saturday", "then Homs two days later"), and "forces loyal to X" are the actor X is
("forces loyal to President Bashar al-Assad" are the Syrian government's).

What is deliberately *not* an event: vows, threats, plans, aims and denials (the sentence says
something may happen, not that it did; "flew west to retake the base" is an aim), air strikes
and shelling (an attack changes no control), "captured 48" (people, not a place), "fell to" of
prices and markets, a kind of place rather than a place ("leave for rebel held areas") and a
change no one is said or implied to have made ("the fall of Aleppo was a turning point"),
civilians leaving ("refugees fleeing the fighting in X") and a military unit taken for a place
("overran the Fourth Infantry Brigade").

Speed: most sentences hold no trigger. Each trigger lists cue words one of which any match
contains; the cues are found once in the whole text, and a sentence is searched only with the
patterns whose cues it holds (and dates are read only in sentences that give an event).

Claims attributed to a speaker ("the army said ...") stay events, with the speaker kept in
:attr:`ControlEvent.attributed_to`: the timeline keeps them apart when sources disagree.
"""
from __future__ import annotations

import bisect
import calendar
import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta

from .actors import AS_WRITTEN, UNKNOWN_COLOUR, Actor, ActorMention, ActorRegistry, load_actors
from .article import Article
from .dates import (MONTHS, NUMBER_WORDS, PRECISIONS, OFFSET, WEEKDAYS, DateMention, count_value, date_spans, find_dates, invalid_dates,
                    offset_sign, period_start, relative_dates, shifted)
from .distances import MEASURED_FROM_BEFORE
from .errors import GazetteerError
from .gazetteer import GazetteerEntry, name_key, open_gazetteer
from .geoparse import Place
from .text import Sentence, split_sentences

#: Kinds of change, and what each does to control of the place.
#: ``captured`` and ``retook`` (a gain), ``entered`` (a contested gain, "advanced into"),
#: ``holds`` (control observed, not changed), ``besieged`` (the place is encircled; control
#: unchanged), ``withdrew`` and ``lost`` (a loss for the actor).
CHANGES: tuple[str, ...] = ("captured", "retook", "entered", "holds", "besieged", "withdrew", "lost")
#: The months as news capitalises them, for the patterns that must not take them for names.
_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
#: Counts written out ("one" to "twelve"), for the patterns of counted places and deadlines.
_NUMBER_WORDS = "|".join(NUMBER_WORDS)
#: Armed men named as a body, as the subject or object of a move ("its troops", "the forces").
_FORCE_NOUNS = r"troops|forces|soldiers|units|fighters"
#: What a side pulls out of a place: its men, and its formations and tanks ("withdrew a
#: division from", "pulled its tanks out of").
_WITHDRAWN_NOUNS = _FORCE_NOUNS + r"|tanks|division|brigades?|battalions?|personnel|contingent"

#: The class of each change, as the timeline and the scorers read it.
CHANGE_CLASS: dict[str, str] = {"captured": "gain", "retook": "gain", "entered": "enter", "holds": "hold",
                                "besieged": "siege", "withdrew": "loss", "lost": "loss"}


#: The note of an event about part of its place ("much of the countryside around Aleppo",
#: "eight of Rakhine's 17 townships"), which the timeline reads (see ``timeline._is_part``).
PART_OF_PLACE = "part of the place"


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
        is attested then), ``since`` (control held from then on), ``before`` (on or before),
        ``after`` (on or after: "has lost control of ... since October 2023").
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
    "place_end", "id", "name", "lat", "lon", "gazetteer_source", "anchor", "date", "date_precision", "date_text", "date_relation", "until",
    "until_precision", "attributed_to", "trigger", "confidence", "sentence", "sentence_start", "sentence_end",
)


# ---------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------


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
    ``retreat``: a withdrawal as a noun, actor glued before, place after "from" or told before
    ("the Libyan evacuation").
    ``participle``: place after, actor the side last told taking ground ("newly-captured areas").

    ``cues`` are lower-case strings one of which any match must contain: a sentence with none
    of them is not searched with ``pattern`` (most sentences hold no trigger at all).
    """

    change: str
    voice: str
    pattern: re.Pattern[str]
    cues: tuple[str, ...] = ()


_AUX = r"(?:(?:has|have|had|was|were|is|are|been|being|be|also|now|already|still|just|then|later|today|yesterday|both|all|[a-z]+ly)\s+)*"

#: Words that cannot begin an actor adjective ("into government-held zones" is "government").
_FUNCTION_WORD = (r"(?:into|onto|on|over|in|of|for|to|from|by|at|with|through|across|towards?|near|inside|within|"
                  r"around|under|against|between|behind|beyond|via|along|the|a|an|and|or|mainly|largely|still|once|"
                  r"formerly|while|whereas|but|as|when|where|which|that|if|since|after|before|until)")
#: A date between a nominal trigger and its "of": "the capture on Sunday of Ouadi Doum".
_NOUN_DATE = r"(?:\s+(?:on|last|early|late|this)\s+[\w-]+(?:\s+(?:morning|night|evening))?)?"

_TRIGGER_TABLE: tuple[tuple[str, str, str, str], ...] = (
    # passive forms first: "captured by" must not be read as active "captured"
    ("captured", "by", "captured seized taken overrun occupied liberated conquered",
     r"\b(?:captured|seized|taken|overrun|occupied|liberated|conquered)\s+(?:[a-z]+ly\s+)?by\b"),
    ("retook", "by", "recaptured retaken regained",
     r"\b(?:recaptured|retaken|regained)\s+by\b"),
    ("holds", "by", "controlled held run occupied dominated",
     r"\b(?:controlled|held|run|occupied|dominated)\s+by\b"),
    ("besieged", "by", "besieged surrounded encircled blockaded siege blockade",
     r"\b(?:besieged|surrounded|encircled|blockaded)\s+by\b|\bunder\s+(?:a\s+|the\s+)?(?:siege|blockade)\s+by\b"),
    # "El Fasher has been under RSF siege since May"
    ("besieged", "under", "siege blockade",
     r"\bunder\s+(?:a\s+|an\s+)?(?P<adj>(?!siege\b|blockade\b)[\w'’-]+)\s+(?:siege|blockade)\b"),
    ("withdrew", "by", "abandoned evacuated vacated",
     r"\b(?:abandoned|evacuated|vacated)\s+by\b"),
    # "El Fasher remains in the hands of the army", "Bakhmut is still in Ukrainian hands"
    ("holds", "by", "hands",
     r"\bin\s+the\s+hands\s+of\b"),
    ("holds", "under", "hands",
     r"\b(?:still\s+)?in\s+(?P<adj>[\w'’-]+(?:\s+[\w'’-]+)?)\s+hands\b"),
    ("captured", "to", "fall fell came comes come",
     r"\b(?:fell|falls|fallen|falling)\s+(?:back\s+)?to\b|\b(?:fell|falls|fallen|came|comes|come)\s+(?:in)?to\s+the\s+"
     r"hands\s+of\b|\b(?:fell|falls|fallen|came|comes|come)\s+under\s+the\s+(?:full\s+)?control\s+of\b"),
    # "Hama fell into rebel hands", "Hama came under rebel control": taken by the adjective's side
    ("captured", "under", "fell falls fallen came comes come",
     r"\b(?:fell|falls|fallen|came|comes|come)\s+(?:into|under)\s+(?P<adj>(?!the\b)[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
     r"(?:hands|control)\b"),
    # "Goma's capture by M23", "Aleppo's fall to the rebels"
    ("captured", "by", "capture seizure takeover fall",
     r"['’]s\s+(?:capture|seizure|takeover)\s+by\b|['’]s\s+fall\s+to\b"),

    ("lost", "to", "lost ceded surrendered",
     r"\b(?:lost|ceded|surrendered)\b(?=[^.;]{1,80}?\bto\s+(?:the\s+)?[\w'-]+\s+(?:forces|troops|army|rebels|fighters|militia))"),
    ("holds", "adjective", "-held -controlled -run -occupied -dominated",
     # (a word before the adjective's own is a name's: "Free Syrian Army-held", not "hit Islamist-held")
     r"\b(?P<adj>(?:(?!" + _FUNCTION_WORD + r"\s)(?-i:[A-Z])[\w'’]*\s+)?[\w'’]+)-"
                           r"(?:held|controlled|run|occupied|dominated)\b"),
    # "leave for rebel held areas": a side word before the participle is the same adjective unhyphenated
    ("holds", "adjective", "held controlled run",
     r"\b(?P<adj>rebel|opposition|government|regime|insurgent|militant|jihadist|separatist)\s+"
                           r"(?:held|controlled|run)\b(?=\s+[a-z])"),
    ("besieged", "adjective", "siege",
     r"\b(?P<adj>[\w'’]+)\s+siege\s+(?:of|on)\b"),
    ("besieged", "noun", "siege encirclement",
     r"\b(?:siege\s+of|encirclement\s+of)\b"),
    ("captured", "noun", "fall capture seizure conquest takeover",
     r"\b(?:the\s+)?(?:fall|capture|seizure|conquest|takeover)" + _NOUN_DATE + r"\s+of\b"),
    ("retook", "noun", "recapture liberation",
     r"\b(?:the\s+)?(?:recapture|liberation)" + _NOUN_DATE + r"\s+of\b"),
    # "the key Libyan air base of Ouadi Doum", "Its main strongpoint, Faya Largeau": whose base it is
    ("holds", "adjective", "base airfield garrison strongpoint",
     r"\b(?P<adj>[A-Z][\w'’-]+|its|their)\s+(?:(?:main|key|major|important|only|last|biggest|"
                           r"largest|forward|remaining)\s+)?(?:air\s*base|airfield|garrison|strongpoint|base)"
                           r"(?:\s+(?:of|at)\b|\s*,(?=\s*[A-Z]))"),
    # "Ouadi Doum ... is the site of Libya's main airfield": the subject is the holder's base
    ("holds", "subject", "base airfield garrison strongpoint stronghold",
     r"\b(?:is|was|remains|remained|became|becomes)\s+(?:the\s+site\s+of\s+)?(?P<adj>[A-Z][\w-]+)['’]s\s+"
     r"(?:(?:main|key|major|important|only|last|biggest|largest|forward|remaining|principal)\s+)?"
     r"(?:air\s*base|airfield|garrison|strongpoint|stronghold|base)\b"),
    ("holds", "subject", "stronghold bastion enclave",
     r"\b(?P<adj>[\w'’-]+)\s+(?:stronghold|bastion|enclave)\b(?!\s+of)"),
    ("holds", "adjective", "stronghold bastion enclave",
     r"\b(?P<adj>[\w'’-]+)\s+(?:stronghold|bastion|enclave)\s+of\b"),
    ("holds", "under", "control",
     r"\b(?:still\s+)?under\s+(?P<adj>[\w'’-]+(?:\s+[\w'’-]+)?)\s+control\b"),
    # "has been under the control of the Syrian Democratic Forces since 2016"
    ("holds", "under", "control",
     r"\b(?:still\s+)?under\s+the\s+(?:(?:full|effective|de\s+facto)\s+)?control\s+of\s+(?P<adj>(?:the\s+)?"
     r"(?:(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})|(?:rebels|insurgents|militants|jihadists|government\s+forces|"
     r"the\s+army|the\s+military|opposition\s+forces)))"),
    # "Israeli troops remain in the Philadelphi corridor"
    ("holds", "active", "remain",
     r"\b(?:remain|remains|remained|remaining)\s+(?:deployed\s+|stationed\s+|entrenched\s+)?(?:in|inside)\b"),
    # "Ukrainian troops are holding their positions in Vovchansk"
    ("holds", "active", "holding hold held",
     r"\b(?:holding|hold|holds|held)\s+(?:on\s+to\s+)?(?:their|its|his)\s+(?:[\w-]+\s+)?(?:positions?|ground|lines?)"
     r"\s+(?:in|inside|around)\b"),
    ("holds", "active", "dominant",
     r"\b(?:the\s+)?dominant\s+force\s+in\b"),
    ("holds", "active", "control",
     r"\b(?:(?:maintained|maintain|maintains|kept|keep|retained|retain|retains|has|have|had|in|in\s+full|in\s+effective|exert|exerts|exercised?)\s+)control\s+(?:of|over)\b"),
    # "government forces now control Aleppo": the bare verb, not the noun ("the control of", "fight for control")
    ("holds", "active", "control",
     r"(?<![\w-])(?<!the\s)(?<!for\s)(?<!of\s)(?<!in\s)(?<!to\s)(?<!full\s)(?<!under\s)"
                        r"(?-i:control)(?!\s+(?:of|over|and|is|was|has|had|room|centre|center|tower|zone)\b)(?![\w-])"),
    # ("occupy" in the present tense holds; a headline's "REBELS OCCUPY MANILA HQ" tells a capture)
    ("holds", "active", "control hold held occupying occupies occupy garrisoned run rules ruled governs governed",
     r"(?<![\w-])(?:controls|controlled|holds|held\s+onto|held|hold|occupying|occupies|(?-i:[Oo]ccupy)|"
                        r"garrisoned|(?<=has\s)run|(?<=have\s)run|(?<=had\s)run|rules|ruled|governs|governed)\b"),
    # "were stabilising their new positions": consolidating ground already taken
    ("holds", "active", "consolidat stabili",
     r"\b(?:consolidat|stabili[sz])(?:e|es|ed|ing)\b(?=\s+(?:(?:their|its|his|the|new|recent|"
                        r"forward)\s+)*(?:positions|gains|lines|front|foothold|hold|grip|control)\b)"),
    # "government forces drove rebels from Aleppo", "rebels were driven out of Aleppo by ...":
    # taking a place by expelling its holders
    ("captured", "expel", "drov driv expel oust dislodg push chased forc",
     r"\b(?:drove|driven|drive|driving|expelled|expel|expelling|ousted|oust|ousting|dislodged|"
                          r"dislodge|dislodging|pushed|push|pushing|chased|forced|forcing)\s+"
                          # (not "forced Israeli soldiers to retreat from": their retreat is the event)
                          # (not "pushed rebels back some 20 km from Hama": repelled, not expelled)
                          r"(?:(?P<who>(?:(?!\bto\s|\bback\b)[^.;,]){1,50}?)\s+)?(?:out\s+of|from)\b"),
    # "Ukrainian troops were forced out of Sudzha": the subject of the passive leaves
    # (after the expulsion, which reads the agent of "were driven out of X by Y" as the captor)
    ("withdrew", "active", "forced pushed driven expelled ousted dislodged chased kicked thrown",
     # (not "were pushed back from the hills": repelled from what they attacked, never held)
     r"\b(?:was|were|been|being|are|is|got|get)\s+(?:[a-z]+ly\s+)?(?:(?:forced|pushed|driven|expelled|ousted|"
                          r"dislodged|chased|kicked|thrown)\s+out\s+of|(?:expelled|ousted|dislodged|driven)\s+from)\b"),
    # "visited newly-captured areas": the captor goes unsaid, it is whoever the article has
    # been telling of taking ground
    ("captured", "participle", "newly recently freshly",
     r"\b(?:newly|recently|freshly)[\s-]+(?:captured|seized|taken|won|occupied|liberated|gained|conquered)\b"),
    # (with the headline's present tense: "Sudan army retakes Um Rawaba")
    ("retook", "active", "retook retak recaptur regain reclaim won wins took taken take taking claw",
     r"(?<![\w-])(?:retook|retaken|retake|retakes|retaking|recaptured|recapture|recaptures|recapturing|regained|regain|"
     r"regains|regaining|reclaimed|reclaims|won\s+back|wins\s+back|took\s+back|taken\s+back|take\s+back|takes\s+back|"
     r"taking\s+back|claw(?:ed|s|ing)?\s+back)\b"),
    # "raised their flag over Robotyne", "hoisted the Ukrainian flag in the town centre"
    ("captured", "active", "raised hoisted planted",
     r"\b(?:raised|hoisted|planted)\s+(?:(?:their|its|his|the|a)\s+)?(?:[\w'’-]+\s+)?flags?\s+(?:over|above|in|on)\b"),
    # "The RSF handed over Sinja to the army": given up, like "ceded"
    ("lost", "active", "handed handing",
     r"\b(?:handed|handing)\s+(?:over\s+)?control\s+of\b|\b(?:handed|handing)\s+over\b|\b(?:handed|handing)\b(?=\s+(?:it|them|the\s+(?:town|city|village|base|area|"
     r"camp|airport)|(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))\s+(?:back\s+)?(?:over\s+)?to\s+(?:the\s+)?"
     r"(?:(?-i:[A-Z])|(?:[a-z]+\s+)?(?:army|military|government|rebels|troops|forces|militias?|fighters)\b))"),
    # "Russian units have gained a foothold in its eastern outskirts": in the place, not holding it
    ("entered", "active", "foothold",
     r"\b(?:gained|gains|gaining|gain|established|establishes|establishing|secured|secures|won|got|has|have|had)\s+"
     r"(?:a\s+|their\s+|its\s+|a\s+(?:firm|first|small|solid)\s+)?foothold\s+(?:in|inside|on|at)\b"),
    ("captured", "active", "control over wrest",
     r"\b(?:(?:taken|took|take|takes|taking|gained|gains|seized|seize|seizes|wrested|wrests|wrest)\s+(?:full\s+)?control\s+of|"
     r"took\s+over|taken\s+over|take\s+over|takes\s+over)\b"),
    # "Iraqi forces declared the city liberated in July 2017": the declarers took it back (as
    # "the liberation of" is a retaking); the object ends before "liberated", see _NP_END
    ("retook", "active", "declar proclaim pronounc",
     r"\b(?:declared|declares|declaring|proclaimed|proclaims|pronounced)\b(?=\s+(?:the\s+(?:[\w-]+\s+)?[\w-]+|"
     r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})\s+(?:fully\s+|completely\s+|officially\s+)?"
     r"(?:liberated|freed|recaptured)\b)"),
    ("captured", "active", "captur seiz overr occup liberat conquer took taken take taking gained won secur freed frees",
     r"(?<![\w-])(?:captured|capture|captures|capturing|seized|seize|seizes|seizing|overran|overrun|overruns|overrunning|"
     r"occupied|(?-i:OCCUPY)|liberated|liberates|liberating|conquered|conquers|took|taken|take|takes|taking|gained|"
     # ("a counter-offensive that also freed Izium": a town freed is liberated; people freed
     # are no place, and "freed from" tells who was freed)
     r"won(?!['’])|secured|secures|securing|(?:freed|frees)(?!\s+(?:from|of|by|up)\b))\b"),
    ("entered", "active", "enter march moved moves swept sweeps roll push advanc forced storm broke broken breaks crossed returned walked drove poured deployed",
     r"\b(?:entered|enter|enters|entering|returned\s+to|returned\s+into|marched\s+into|marches\s+into|walked\s+into|drove\s+into|"
     r"poured\s+into|moved\s+into|moves\s+into|swept\s+into|sweeps\s+into|rolled\s+into|rolls\s+into|"
     r"(?:pushed|pushes)\s+(?:deeper\s+|further\s+)?into|(?:advanced|advances)\s+(?:deeper\s+|further\s+)?into|advancing\s+into|"
     r"forced\s+their\s+way\s+into|stormed|storms|storm(?=\s+(?-i:[A-Z]))|(?:broke|broken|breaks)\s+into|"
     r"crossed\s+(?:the\s+(?:[\w-]+\s+)?border\s+)?into|(?<!been\s)(?<!troops\s)deployed\s+(?:in|into|to)(?=\s+(?-i:[A-Z]))|"
     # ("US troops deployed in Syria" is a noun phrase; "troops deployed in Khiam on Wednesday" a deed)
     r"(?<=troops\s)deployed\s+(?:in|into|to)(?=\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:on\s+\w+day|"
     r"overnight|yesterday|today|last\s+\w+|earlier\s+\w+|early\s+on|late\s+on)\b))\b"),
    # "his forces had left El Fasher": armed men leaving a town (only after a force noun, see
    # _read_trigger: "the envoy left Kyiv" is no withdrawal)
    ("withdrew", "active", "left leave",
     r"\b(?:left|leave|leaves)\b(?=\s+(?:the\s+(?:city|town|village|capital|area)\b|(?-i:[A-Z])|"
     # "days after Israeli soldiers left positions around the town"
     r"(?:their\s+|its\s+)?positions\s+(?:in|around|near|at|inside|on)\b))"),
    # "have been leaving for northwestern Syria from eastern Ghouta": leaving is a withdrawal only with "from"
    ("withdrew", "active", "leaving left",
     r"\b(?:leaving|left)\s+(?:for\s+[^.;,]{1,40}?\s+)?from\b"),
    ("withdrew", "active", "withdr pull retreat fled flee abandon evacuat redeploy reposition",
     r"(?<![\w-])(?:withdrew|withdrawn|withdrawing|withdraws|withdraw|pull(?:ed|s|ing)?(?=\s+(?:(?:its|their|his|the|some|all|most|remaining|[\w-]+th)\s+){0,3}"
     rf"(?:{_WITHDRAWN_NOUNS})\s+(?:out|back)\s+(?:of|from)\b)|"
     r"pulled\s+out\s+of|pulls\s+out\s+of|pulling\s+out\s+of|pulled\s+out\s+from|pulled\s+back\s+from|retreated\s+from|retreating\s+from|retreats?\s+from|pull\s+out\s+of|pull\s+back\s+from|(?:pulled|pulls|pulling|pull)\s+(?:out|back)(?!\s+(?:of|from)\b)|retreated(?!\s+from\b)|fled|flee|flees|fleeing|abandoned|abandons|abandoning|evacuated|evacuating|evacuate|(?:redeployed|redeploying|repositioned)\s+(?:its|their|his|the)\s+(?:[\w-]+\s+)?(?:troops|forces|units)\s+(?:outside|out\s+of|away\s+from))\b"),
    # "the hurried Libyan evacuation", "the army's withdrawal from Kherson": a withdrawal named
    # as a noun, its actor the adjective; without "from X" it left the place told before
    ("withdrew", "retreat", "evacuation withdrawal retreat pullout pull-out",
     r"\b(?P<adj>[\w'’-]+)\s+(?:evacuation|withdrawal|retreat|pull-?out)\b"),
    ("lost", "active", "lost loses ceding ceded cedes",
     r"\b(?:lost\s+control\s+of|loses\s+control\s+of|lost|loses|ceding|ceded|cedes)\b"),
    ("besieged", "active", "besieg surround encircl blockade siege trapped",
     r"\b(?:besieged|besieging|besiege|besieges|surrounded|surrounds|encircled|encircles|encircling|blockaded|blockades|"
     r"(?:laid|lay|lays|laying)\s+siege\s+to|(?:(?<=were\s)|(?<=was\s)|(?<=been\s)|(?<=are\s))trapped(?=\s+(?:in|inside)\s))\b"),
    # "Pokrovsk, which Russian forces had besieged for months, fell on Monday": taken by whoever
    # the article has besieging or attacking it (no event when it has no one); last, so that the
    # siege of the same sentence is read first
    ("captured", "fell", "fell fallen",
     r"\b(?:fell|has\s+fallen|had\s+fallen)\b(?!\s+(?:to|back|below|short|silent|apart|ill|"
                         r"asleep|into|in\s+value|by|from|off|out|over|through|behind|under|sharply|slightly|\d))"),
)
_TRIGGERS: tuple[_Trigger, ...] = tuple(_Trigger(c, v, re.compile(p, re.I), tuple(k.split()))
                                       for c, v, k, p in _TRIGGER_TABLE)
_CUES: tuple[str, ...] = tuple(sorted({cue for t in _TRIGGERS for cue in t.cues}))

#: Words before a trigger that make it a vow, threat, plan, hypothesis or denial ("may" only
#: where it is no date, see :func:`_modal_in`: "JERUSALEM, May 7 (Reuters) - Israeli tanks
#: rolled into Rafah" is a date, "Syrian Rebels May Seize Aleppo" a headline's modal).
_IRREALIS = re.compile(
    r"\b(?:vow\w*|threat\w*|pledg\w*|promis\w*|plan\w*|aim\w*|intend\w*|seek\w*|sought|want\w*|hop\w*|"
    r"bid\s+to|attempt\w*|refus\w*|agree\w*\s+to|offer\w*\s+to|deadline\w*|"
    # (deadlines also come in tens: "given sixty days to")
    rf"(?:has|have|had|given|gives)\s+(?:\d+|{_NUMBER_WORDS}|sixty|thirty)\s+(?:days?|weeks?|months?)\s+to|"
    r"tr(?:y|ied|ying)\s+to|would|will|could|may|might|should|shall|expected\s+to|set\s+to|"
    r"about\s+to|verge\s+of|ready\s+to|prepar\w*|wheth\w*|if|unless|deni\w*|deny\w*|not|no|never|nor|neither|"
    r"failed|fail\w*|rumou?r\w*|unconfirmed|haste\s+to|order\s+to|calls?\s+for|urg\w*|demand\w*|could\s+be|"
    r"goals?|objectives?|ambitions?|intentions?|designs\s+on|(?:battl|fight|struggl|strain|push|press)\w*\s+to|"
    # ("a 14-month offensive by the LNA to seize Tripoli": the one who fought comes between)
    r"(?:counter-?attacks?|offensives?|operations?|efforts?|drive|campaign|assault)\s+"
    r"(?:by\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?)?to|working\s+to|"
    # not done yet: "close to capturing", "on the verge of"
    r"close\s+to|closing\s+in\s+on|brink\s+of|within\s+reach\s+of|"
    # terms and demands: "Israel was to withdraw", "the deal requires Israel to withdraw",
    # "insisted on a full Israeli withdrawal", "must pull out"
    r"(?:is|are|was|were)\s+to|requir\w*|must|oblig\w*|insist\w*\s+on|"
    # what someone is kept from doing: "to stop \"hostile forces\" from entering it"
    r"(?:stop|stops|stopped|stopping|prevent\w*|keep|keeps|kept|keeping|bar|bars|barred|barring|deter\w*|block\w*)"
    r"\s+(?:\S+\s+){0,4}?from)\b", re.I)
#: What makes a clause a hypothesis or a future ("if the army will move ... after taking").
#: (the modal only where it is no date, see :func:`_modal_in`)
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless|will|would|could|might|may|should|shall)\b", re.I)
#: "almost captured", "have nearly encircled": right before the trigger only ("nearly 500 rebels
#: captured the town" did capture it).
_ALMOST = re.compile(r"\b(?:almost|nearly|all\s+but)\s+(?:(?:been|be)\s+)?$", re.I)
#: A negation right before a descriptive hold.
_NEGATED = re.compile(r"\b(?:not|no\s+longer|never|nor)\s+(?:(?:yet|fully|entirely|completely|wholly|still)\s+)?$", re.I)
#: The rest of the clause up to the "to" of an infinitive right before the trigger.
_UP_TO_AN_INFINITIVE = r"(?:[^.;]|\.(?=\w|\s+[a-z])){0,90}\bto\s+$"
#: A trigger in the infinitive after a verb of sending or setting out names an aim, not a deed:
#: "flying from the capital to the far west ... to retake an air base".
_PURPOSE = re.compile(
    r"\b(?:sent|send|sends|sending|dispatched|dispatching|deployed|deploying|flown|flying|flew|rushed|rushing|"
    r"mobili[sz]ed|mobili[sz]ing|massed|massing|launched|launching|prepared|preparing|headed|heading|marching|"
    r"poised|gathered|gathering|regrouping|intervened|intervening)\b" + _UP_TO_AN_INFINITIVE, re.I)
#: An order is not its execution: "Putin ordered his troops to take Pokrovsk". (An order to
#: withdraw is how armies announce a retreat: "ordered troops to withdraw from Vuhledar".)
_ORDERED = re.compile(r"\b(?:ordered|orders|ordering|instructed|instructing|commanded|tasked|authori[sz]ed|directed)\b"
                      + _UP_TO_AN_INFINITIVE, re.I)

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
    r"fronts?|headquarters|HQ|buildings?|bridges?|ports?|footholds|kilomet(?:er|re)s|km|parts?|sliver|pocket|"
    r"blocks|zones?|enclave|bastion|border|crossings?|valleys?|mountains?|ridges?|sectors?|peaks?|"
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
    r"desert|battered|ancient|coastal|border|rebel-held|small|whole|entire)\s+)?"
    # (a demonym after them: "the eastern Congolese city")
    r"(?:(?-i:[A-Z][a-z]+(?:ese|ian|an|ean|ish|i))\s+)?(?P<noun>city|town|village|camp|"
    r"oasis|base|building|area|province|region|capital|enclave|district|airport|port|country|corridor|crossing|"
    r"river|bridge|dam|valley|heights|territory|strip)(?!\s+of\s+(?-i:[A-Z]))|(?P<it>it))\b", re.I)

#: Where an object noun phrase ends.
#: A capitalised name of up to four words ("Deir al-Balah", "Ouadi Doum").
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|de\s+)?[A-Z][\w'’-]+){0,3}"
_NAME_LIST_END = (r"(?:" + _NAME + r"\s*,\s*)*(?:" + _NAME + r"\s*,?\s+)?(?:and|or)\s+" + _NAME
                  + r"\s*(?:[.,;:)]|$|\s+(?:in|on|near|last|this|early|late|after|before|from|since|during|"
                    r"within|at|by|over|with|and|as|while|when|amid|following)\b)")
_NP_END = re.compile(
    r"[;:!?()]|\s+[\"“](?=[a-z])|\.(?:[\s)\"”’]|$)|\s[-–—]\s|,[\"”]|[\"”],|"
    r"\s+(?:reportedly|came|was|were|is|are|has|have|had|would|will|could|might|may|remains?|fell|deprived|"
    r"described|said|says|over\s+to|"
    # the predicate of "declared the city liberated"
    r"(?:fully\s+|completely\s+|officially\s+)?(?:liberated|freed|recaptured)(?=\s+(?:in|on|at|after|from|following|"
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
    r"following|after|before|since|during|with|as\s|for\s|leaving|bringing|because|while|"
    # "were driven out of the town again in 2014", "took the city back"
    r"again|once\s+more|back\s+(?:in|on)\b|"
    # why or how: "pulled back from the town under the ceasefire deal", "under heavy fire"
    r"under\s+(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:deal|agreement|accord|truce|ceasefire|plan|arrangement|terms|"
    r"pressure|fire|bombardment)|pressure|fire|heavy|intense|cover)|"
    # a new clause: "positions they gained", "territory and links Zaire", "fortifications and breached"
    r"when|where|which|who|they|we|but|urging|saying|according|said|says|until|"
    r"and\s+(?:[a-z]+ly\s+)?[a-z]+ing\b|"
    r"and\s+(?:was|were|is|are|has|had|have|freed|killed|found|pressing|left|then|also|forces|troops|"
    r"[a-z]+ed\s+(?!by\b)|links|connects|joins|leads|runs|lies|sits|borders|includes|remains|became)|"
    # the next item of a coordination with its own holder: "government-held zones ... and Libyan-controlled areas"
    r"and\s+(?:(?:mainly|largely|mostly|the)\s+)*[\w'’-]+-(?:held|controlled|run|occupied|dominated)|"
    r"to\s+(?:guarantee|quell|halt|stop|protect|secure|ensure|the\s+(?:Iraqi|Iranian))|"
    # where or why they went: "withdrew from the city to a safer place to spare civilians"
    r"to\s+(?:[\"“]?(?:a|an|safer|new|their|its|his)\s|spare|avoid|prevent|save|regroup|reinforce|defend)|"
    r"from\s+(?:terror\w*|terrorists|militants|insurgents|the\s+(?:government|army|rebels?)))\b")

_SPEECH = re.compile(
    r"\b(?:said|says|say|reported|reports|told|announced|claimed|claims|acknowledged|admitted|admitting|"
    r"described|quoted|added|stated|confirmed|saying|according\s+to|"
    # assessments and evidence: "ISW assessed that", "geolocated footage indicates"
    r"assessed|assesses|indicates|indicated|shows|showed|suggests|suggested)\b", re.I)

#: A noun phrase that stands for an actor without naming it ("its forces", "they").
_PRONOUN_ACTOR = re.compile(
    r"\b(?:(?:its|their|his|our)\s+(?:[\w-]+\s+){0,2}(?:forces|troops|army|fighters|men|soldiers|units|corps)|"
    r"they|it|we)\b", re.I)

#: Side nouns in adjectives ("rebel-held", "government-controlled").
#: Words before "-run", "-controlled" that name no armed side.
_NOT_ACTOR_ADJECTIVES = frozenset(("state", "self", "privately", "family", "locally", "publicly", "foreign", "church",
                                   "council", "community", "volunteer", "women", "student", "municipally"))
#: Lower-case words that are a force's own name in an adjective ("junta-held Sittwe").
_LOWER_CASE_FORCES = frozenset(("junta", "paramilitary", "paramilitaries", "gang", "gangs", "military", "militia",
                                "jihadist", "islamist", "houthi", "taliban"))
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
    conflict, actors_all = registry.read(text)
    by_places = registry.conflict_in(p.entry.country for p in places if p.entry.country)
    countries_named = {p.entry.country for p in places if p.entry.country}
    # (a state's army abroad stays its war's: "Israeli troops advanced into Syria"; a group's
    # name another war shares does not: "al-Shabaab" insurgents in Cabo Delgado)
    voted_elsewhere = (conflict is not None and conflict in registry.theatres
                       and not registry.theatres[conflict] & countries_named
                       and not any(a.actor.country for a in actors_all if registry.tells(a.words) == conflict))
    if by_places is not None and (conflict is None or voted_elsewhere):
        # no actor word tells the war, the places do ("the army regained control of Khartoum");
        # or the words tell a war fought elsewhere ("al-Shabaab" in Cabo Delgado is Mozambique's)
        conflict = by_places
        actors_all = registry.find(text, conflict=conflict)
    # A roundup ("In Sudan, ... In Myanmar, ...") reads each paragraph in its own war.
    wars = _paragraph_wars(text, conflict, actors_all, places, registry)
    for war in wars:
        if war.conflict != conflict:
            actors_all = ([a for a in actors_all if a.start < war.start]
                          + [ActorMention(a.start + war.start, a.end + war.start, a.words, a.actor)
                             for a in registry.find(text[war.start:war.end], conflict=war.conflict)]
                          + [a for a in actors_all if a.start >= war.end])
    # "forces loyal to President Bashar al-Assad": one actor, whoever they are loyal to (before
    # the places inside actors are dropped: "troops loyal to Kyiv" name no town)
    actors_all = _loyal_forces(text, actors_all, places, registry, conflict)
    # A toponym inside a longer actor name is no place: "Amal militia" is not Amal in Sweden,
    # "Tehran's forces" are Iran's troops, not the city.
    actor_starts = [a.start for a in actors_all]
    places = sorted((p for p in places if not _inside_actor(p, actors_all, actor_starts)), key=lambda p: p.start)
    # "Moscow claimed its forces had taken the city": a capital that speaks is its state, an
    # actor and no place (nor what "the city" points back to).
    capitals = _speaking_capitals(text, places, registry, conflict)
    if capitals:
        spoken = {a.start for a in capitals}
        places = [p for p in places if p.start not in spoken]
        actors_all = sorted(actors_all + capitals, key=lambda a: a.start)
        actor_starts = [a.start for a in actors_all]
    events: list[ControlEvent] = []
    sentences = event_sentences(text)
    countries = frozenset(p.entry.country for p in places if p.entry.kind == "country" and p.entry.country)
    place_starts = [p.start for p in places]
    sentence_starts = [s.start for s in sentences]
    plausible: dict[int, bool] = {}
    war_starts = [war.start for war in wars]
    for i, (sentence, triggers) in enumerate(zip(sentences, _triggers_by_sentence(text, sentences))):
        if not triggers:
            continue
        # (the war of the sentence's paragraph; the article's when it is one paragraph)
        war = wars[bisect.bisect_right(war_starts, sentence.start) - 1] if wars else None
        here = war.conflict if war is not None else conflict
        theatre = registry.theatres.get(here or "", frozenset())
        context = _Context(sentences, i, countries, here, tuple(events), sentence_starts, place_starts, plausible,
                           theatre)
        # the places and actors of the sentence, by bisection: a long document has thousands
        in_places = places[bisect.bisect_left(place_starts, sentence.start):
                           bisect.bisect_left(place_starts, sentence.end)]
        actors = actors_all[bisect.bisect_left(actor_starts, sentence.start):
                            bisect.bisect_left(actor_starts, sentence.end)]
        events.extend(_sentence_events(article, sentence, triggers, in_places, places, actors, actors_all,
                                       registry, here, context))
    return _dedupe(_held_until_lost(_held_until_taken(events)))


def _held_until_lost(events: list[ControlEvent]) -> list[ControlEvent]:
    """A pluperfect holding since a date ("The town, which Ukraine had held since 2014") of a
    place another side takes in the article, held until that gain (the first on or after the
    holding's start)."""
    gains = [e for e in events if CHANGE_CLASS[e.change] == "gain" and e.place is not None and e.date is not None]
    out = []
    for e in events:
        if (e.change == "holds" and e.date_relation == "since" and e.until is None and e.place is not None
                and e.date is not None
                and re.search(r"\bhad\s+(?:[a-z]+ly\s+)?$", e.sentence[:max(0, e.trigger_start - e.start)])):
            ends = sorted((g for g in gains if g.place.entry.id == e.place.entry.id and g.side != e.side
                           and g.date >= e.date), key=lambda g: g.date)
            if ends:
                end = ends[0]
                e = dataclasses.replace(e, until=end.date, until_precision=end.date_precision,
                                        notes=e.notes + (f"held until the {end.change} the article tells",))
        out.append(e)
    return out


@dataclass(frozen=True)
class _ParagraphWar:
    """A paragraph of an article (``start``, ``end``) and the war it is read in."""

    start: int
    end: int
    conflict: str | None


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _paragraph_wars(text: str, conflict: str | None, actors: list[ActorMention], places: list[Place],
                    registry: ActorRegistry) -> list[_ParagraphWar]:
    """The paragraphs of ``text`` with the war each is about; empty for a one-paragraph text.

    A paragraph is read in a war of its own only when its own actor names (or, with none that
    tells a war, its places) tell that war, none of its actor names tells the article's and
    its places are not mostly in the article's war: a roundup's "In Sudan, the RSF seized
    Babanusa" after a paragraph on Ukraine, but not "Israeli troops moved into the buffer
    zone near Quneitra" in a report on Syria.
    """
    if conflict is None or "\n" not in text:
        return []
    bounds = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    if len(bounds) < 3:
        return []
    wars: list[_ParagraphWar] = []
    for start, end in zip(bounds, bounds[1:]):
        if start >= end:
            continue
        votes = Counter(war for a in actors if start <= a.start < end
                        and (war := registry.tells(a.words)) is not None)
        countries = [p.entry.country for p in places if start <= p.start < end and p.entry.country]
        by_places = registry.conflict_in(countries)
        # (no actor word tells the war: "In Sudan, the army retook Wad Madani" has its places)
        own = votes.most_common(1)[0][0] if votes else by_places or conflict
        if own != conflict and (votes[conflict] or by_places == conflict):
            own = conflict
        wars.append(_ParagraphWar(start, end, own))
    return wars if any(war.conflict != conflict for war in wars) else []


def _triggers_by_sentence(text: str, sentences: list[Sentence]) -> list[tuple[_Trigger, ...]]:
    """For each sentence, the triggers whose cue words it contains, in table order.

    The cues are found in one pass of :data:`_CUE_AT` over the lower-cased text (one
    ``str.find`` loop per cue reads the text some 160 times), so only the few sentences that
    may hold a trigger are searched with the patterns, and only with those that can match.
    """
    lower = text.lower()
    if len(lower) != len(text):
        # (a character whose lower case is longer would shift the offsets: search everything)
        return [_TRIGGERS] * len(sentences)
    starts = [s.start for s in sentences]
    masks = [0] * len(sentences)
    for m in _CUE_AT.finditer(lower):
        at = m.start()
        i = bisect.bisect_right(starts, at) - 1
        if i < 0:
            continue
        room = sentences[i].end - at  # (a cue must end inside the sentence it starts in)
        for cue in _CUE_PREFIXES[m.group(1)]:
            if len(cue) <= room:
                masks[i] |= _CUE_MASKS[cue]
    return [_triggers_of(mask) for mask in masks]


def _cue_tree(cues: tuple[str, ...]) -> str:
    """A pattern matching the longest of ``cues`` that starts where it is tried.

    The cues are merged into a tree of characters, so the engine follows one branch per
    position instead of trying 160 strings; a longer continuation is tried before its stem
    ends the match (greedy ``?``).
    """
    tree: dict = {}
    for cue in cues:
        node = tree
        for char in cue:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


#: The longest cue starting at each position of a lower-cased text, inside a lookahead: it
#: consumes nothing, so a cue starting inside another ("captured" in "recaptured") is found too.
_CUE_AT = re.compile("(?=(" + _cue_tree(_CUES) + "))")
#: Per cue, the cues it starts with, itself included: every cue that starts where it does (the
#: others starting there are shorter than the longest, so they are its prefixes).
_CUE_PREFIXES: dict[str, tuple[str, ...]] = {c: tuple(p for p in _CUES if c.startswith(p)) for c in _CUES}
#: Per cue, the triggers that list it, as a bit mask over :data:`_TRIGGERS`.
_CUE_MASKS: dict[str, int] = {c: sum(1 << k for k, t in enumerate(_TRIGGERS) if c in t.cues) for c in _CUES}


@lru_cache(maxsize=1024)
def _triggers_of(mask: int) -> tuple[_Trigger, ...]:
    """The triggers of a bit mask over :data:`_TRIGGERS`, in table order (few masks recur:
    most sentences hold no cue, or one or two)."""
    return tuple(t for k, t in enumerate(_TRIGGERS) if mask >> k & 1)


@dataclass(frozen=True)
class _Context:
    """What the reading of one sentence may look at beyond it.

    Attributes
    ----------
    sentences, index
        The article's sentences and the position of the one being read: anchors and
        pronouns are looked up in its neighbours.
    countries
        Country codes of the countries the article names: a town elsewhere is an unlikely
        anchor ("Fish Lake", Indiana, in a report on the Iran-Iraq front).
    conflict
        The article's conflict key (:meth:`~controlmap.actors.ActorRegistry.guess_conflict`).
    earlier
        Events read from the sentences before: "the fall of X" after "rebels captured X"
        was the rebels' doing.
    sentence_starts, place_starts
        Where each sentence and each place (of the article's sorted places) starts, for
        bisection: a long article has thousands of both.
    plausible
        Per place start, whether the place may anchor an unnamed place of another sentence
        (filled as asked, shared by the whole article).
    theatre
        The countries the article's war is fought in (``geo/conflicts.csv``), from the
        registry the events are read with.
    """

    sentences: list[Sentence]
    index: int
    countries: frozenset[str]
    conflict: str | None
    earlier: tuple[ControlEvent, ...] = ()
    sentence_starts: list[int] = field(default_factory=list)
    place_starts: list[int] = field(default_factory=list)
    plausible: dict[int, bool] = field(default_factory=dict)
    theatre: frozenset[str] = frozenset()

    def neighbour(self, offset: int) -> Sentence | None:
        """The sentence ``offset`` places away (-1 the one before), ``None`` past either end."""
        i = self.index + offset
        return self.sentences[i] if 0 <= i < len(self.sentences) else None


def _inside_actor(place: Place, actors: list[ActorMention], starts: list[int]) -> bool:
    """True when ``place`` lies inside a longer actor name (``actors`` sorted and disjoint, so
    only the last one starting at or before the place can hold it)."""
    i = bisect.bisect_right(starts, place.start) - 1
    if i < 0:
        return False
    a = actors[i]
    return place.end <= a.end and a.end - a.start > place.end - place.start


#: A force noun right before "loyal": "forces loyal to", "militiamen loyal to".
_LOYAL_NOUN = re.compile(r"(?<![\w'’-])(?P<noun>forces|troops|fighters|soldiers|militias?|militiamen|gunmen|units|men|"
                         r"guerrillas|loyalists|rebels|elements|officers|brigades?|battalions?|militants|tribesmen|"
                         r"police)\s+$", re.I)
#: Lower-case words of a title or a state, and abbreviated ranks, inside what forces are loyal to.
_TITLE_WORDS = (r"(?:the|former|late|ousted|exiled|deposed|renegade|rival|interim|self-styled|self-declared|"
                r"strongman|warlord|leader|commander|general|cleric|president|prime|minister|king|emir|sheikh|"
                r"colonel|marshal|field|internationally|recogni[sz]ed|elected|central|national|federal|"
                r"transitional|Gen\.|Col\.|Lt\.|Maj\.)")
#: Heads of what forces are loyal to that name a state rather than a person.
_STATE_HEADS = ("government", "regime", "junta", "authorities", "administration", "president", "king", "emir",
                "monarchy", "military", "army", "state", "leadership")
#: A capitalised word of a name ("Assad", "al-Assad", "bin Salman", "Assad's").
_CAP_WORD = (r"(?:(?:al|el|bin|ibn|de)[ \t-])?(?!(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + "|"
             + _MONTH_NAMES + r")\b)[A-Z][\w'’-]*")
#: What follows "loyal to": titles and names, ending on a name or a state's head noun, on one
#: line ("Forces loyal to Assad Sunday recaptured ...": the weekday is no part of the name).
_LOYAL_TARGET = re.compile(r"loyal\s+to\s+(?P<target>(?:(?:" + _TITLE_WORDS + "|" + _CAP_WORD + r")[ \t]+){0,6}"
                           r"(?:" + _CAP_WORD + "|" + "|".join(_STATE_HEADS) + r"))(?![\w'’-])")
#: Words that make a title no longer the state's: "forces loyal to the former president".
_NOT_IN_POWER = re.compile(r"\b(?:former|late|ousted|exiled|deposed|renegade|rival|self-styled|self-declared)\b", re.I)


def _loyal_forces(text: str, actors: list[ActorMention], places: list[Place], registry: ActorRegistry,
                  conflict: str | None) -> list[ActorMention]:
    """``actors`` with each "forces loyal to X" as one mention, the actor of X.

    "Forces loyal to President Bashar al-Assad" are the Syrian government's, "fighters loyal to
    Assad" too (not the opposition the bare "fighters" would be), "troops loyal to Kyiv" are
    Ukraine's; the words are kept as written. What they are loyal to is looked up as a name of
    the registry, as a capital, or as its forces ("Habre's forces", "government forces"); when
    none is known the phrase is an actor kept as written ("fighters loyal to Jamil Hassan"), unless
    the noun already names known forces ("Kurdish fighters loyal to a local commander").

    Parameters
    ----------
    text
        The article's text.
    actors
        Its actor mentions, sorted and disjoint.
    places
        Its resolved places (a capital may be what forces are loyal to).
    registry, conflict
        The actor registry and the article's conflict key.

    Returns
    -------
    list[ActorMention]
        Sorted and disjoint, as ``actors``.
    """
    at = text.find("loyal")  # (one search of the text: most articles name no loyalty)
    if at < 0:
        return actors
    out = list(actors)
    while at >= 0:
        mention = _loyal_mention(text, at, out, places, registry, conflict)
        if mention is not None:
            out = [a for a in out if a.end <= mention.start or a.start >= mention.end] + [mention]
            out.sort(key=lambda a: a.start)
        at = text.find("loyal", at + 5)
    return out


def _loyal_mention(text: str, at: int, actors: list[ActorMention], places: list[Place], registry: ActorRegistry,
                   conflict: str | None) -> ActorMention | None:
    """The mention of "<forces> loyal to <X>" whose "loyal" is at ``at``, or ``None`` (see
    :func:`_loyal_forces`)."""
    noun = _LOYAL_NOUN.search(text, max(0, at - 30), at)
    target = _LOYAL_TARGET.match(text, at)
    if noun is None or target is None or any(a.start <= at < a.end for a in actors):
        return None  # (a registry alias may spell the whole phrase: "troops loyal to President Hissene Habre")
    t0, t1 = target.span("target")
    # the noun's own mention starts the phrase: "Syrian troops loyal to", "Fighters loyal to"
    head = next((a for a in actors if a.end == noun.end("noun")), None)
    start = head.start if head is not None else noun.start("noun")
    actor = _loyal_actor(text, t0, t1, noun.group("noun"), actors, places, registry, conflict)
    if actor is None:
        if head is not None and head.actor.conflict != "generic":
            return None  # the noun already says whose forces they are
        written = " ".join(text[start:t1].split())
        actor = Actor(written, written, UNKNOWN_COLOUR, AS_WRITTEN)  # (as the registry keeps unknown owners)
    return ActorMention(start, t1, text[start:t1], actor)


def _loyal_actor(text: str, t0: int, t1: int, noun: str, actors: list[ActorMention], places: list[Place],
                 registry: ActorRegistry, conflict: str | None) -> Actor | None:
    """The registry's actor for what forces are loyal to, ``text[t0:t1]``, else ``None``.

    In order: an actor named there that is not generic ("President Bashar al-Assad"); a
    capital ("Kyiv"); the target's forces by an alias of the registry ("Habre's forces" for
    "President Hissene Habre", "government forces" for "the government", "Syrian government"
    for "the Syrian president"); a generic actor named there.
    """
    # (an actor that starts there may run on past it: "loyal to the Islamic State group")
    inside = [a for a in actors if t0 <= a.start < t1]
    specific = [a for a in inside if a.actor.conflict != "generic"]
    if specific:
        return max(specific, key=lambda a: a.end - a.start).actor
    capital = next((p for p in places if t0 <= p.start and p.end <= t1 and p.entry.capital and p.entry.country), None)
    if capital is not None:
        state = registry.state_of(capital.entry.country, conflict)
        if state is not None:
            return state
    for guess in _loyalty_guesses(text[t0:t1], noun.lower()):
        found = registry.find(guess, conflict=conflict)
        # the guess must be an alias as a whole (not a word inside it), of a row of the registry
        # (not an owner the registry keeps as written, "Haftar's fighters")
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(guess)) and found[0].actor in registry.actors:
            return found[0].actor
    return inside[0].actor if inside else None


def _loyalty_guesses(target: str, noun: str) -> list[str]:
    """Names the registry may give the forces of ``target``: for a person, their possessive
    forces ("Habre's forces", "Arafat's men", "Sadr militiamen"); for a state in power, its
    government's forces ("government forces", "regime forces", "Syrian government")."""
    words = re.sub(r"['’]s$", "", " ".join(target.split()))
    last = words.split()[-1]
    if last.lower() not in _STATE_HEADS:
        return [f"{last}'s {noun}", f"{last}'s forces", f"{last}'s men", f"{last} loyalists", f"{last} {noun}"]
    if _NOT_IN_POWER.search(words):
        return []  # "the former president" is no longer the state
    owner = [w for w in words.split()[:-1] if re.match(r"[A-Z]", w)]
    guesses = [f"{owner[-1]} government", f"{owner[-1]} {noun}"] if owner else []
    guesses += [f"{last.lower()} {noun}", f"{last.lower()} forces", f"government {noun}", "government forces"]
    return list(dict.fromkeys(guesses))


#: A wire headline: the article's first line, written in capitals, with nothing after it on the line.
_HEADLINE = re.compile(r"\A[ \t]*(?P<line>[^a-z\n]*[A-Z][^a-z\n]*?)[ \t]*\n(?=\s*\S)")
#: A separator line between items of a news digest ("- - - -").
_SEPARATOR = re.compile(r"\n[ \t]*(?:-[ \t]*){3,}\n")
#: A word character: a chunk without one ("- - - -") is no sentence.
_WORD_CHAR = re.compile(r"\w")


def event_sentences(text: str) -> list[Sentence]:
    """The sentences events are read from: :func:`~controlmap.text.split_sentences`, refined for wire copy.

    Wire copy puts a headline in capitals on the first line, with no full stop, and digests
    separate their items with a line of dashes; the generic splitter joins both to the next
    sentence. An event read from such a joined span would cite two sentences (and a trigger
    of the headline would take its place from the dateline), so they are split here.
    """
    cuts: set[int] = set()
    headline = _HEADLINE.match(text)
    if headline and len(headline.group("line").split()) >= 2:
        cuts.add(headline.end("line"))
    for m in _SEPARATOR.finditer(text):
        cuts.update((m.start() + 1, m.end()))
    out: list[Sentence] = []
    for sentence in split_sentences(text):
        inside = sorted(c for c in cuts if sentence.start < c < sentence.end) if cuts else ()
        if not inside:
            # (most sentences: the splitter's are stripped already, only the word check is left)
            if _WORD_CHAR.search(sentence.text):
                out.append(sentence)
            continue
        bounds = [sentence.start, *inside, sentence.end]
        for a, b in zip(bounds, bounds[1:]):
            chunk = text[a:b]
            # a separator chunk ("- - - -") is no sentence; keep only chunks with a word
            if not _WORD_CHAR.search(chunk):
                continue
            lead = len(chunk) - len(chunk.lstrip())
            a, b = a + lead, a + lead + len(chunk.strip())
            out.append(Sentence(a, b, text[a:b]))
    return out


def _sentence_events(article: Article, sentence: Sentence, triggers: tuple[_Trigger, ...], in_places: list[Place],
                     places: list[Place], actors: list[ActorMention], actors_all: list[ActorMention],
                     registry: ActorRegistry, conflict: str | None, context: _Context) -> list[ControlEvent]:
    """The events of one sentence: ``triggers`` are those its words may match, ``in_places`` and
    ``actors`` the places and actors that start in it."""
    s_text, s0 = sentence.text, sentence.start
    dates: list[DateMention] | None = None  # read only for a sentence that gives an event
    taken: list[tuple[int, int]] = []
    out: list[ControlEvent] = []
    for trig in triggers:
        for m in trig.pattern.finditer(s_text):
            t0, t1 = s0 + m.start(), s0 + m.end()
            if any(t0 < e and s < t1 for s, e in taken):
                continue
            descriptive = trig.change == "holds" and trig.voice in ("adjective", "under", "subject")
            if not descriptive and _is_irrealis(s_text, m.start(), trig):
                continue
            if descriptive and _NEGATED.search(s_text, max(0, m.start() - 20), m.start()):
                continue  # "the last city not under RSF control", "no longer in rebel hands"
            # events of this sentence read so far count as told before ("which X had besieged, fell")
            here = dataclasses.replace(context, earlier=context.earlier + tuple(sorted(out, key=lambda e: e.trigger_start)))
            found = _read_trigger(article, sentence, trig, m, in_places, places, actors, actors_all, registry,
                                  conflict, here)
            if trig.voice == "adjective" and trig.change == "holds":
                # the participle of "rebel held areas" is an adjective even when no event comes of it
                taken.append((t0, t1))
            if not found:
                continue
            taken.append((t0, t1))
            if dates is None:
                dates = find_dates(s_text, article.published)
            found = [(_whose_bare_forces(article.text, actor_part, sentence, t0, actors_all, registry, conflict,
                                         context), place_part) for actor_part, place_part in found]
            if trig.voice not in _NO_GAPPING:
                found = _dated_coordination(s_text, s0, m, found, in_places, actors, dates)
            for actor_part, place_part in found:
                out.append(_make_event(article, sentence, trig, m, actor_part, place_part, dates, here))
                if trig.change == "lost":
                    taker = _recipient(article.text, place_part, sentence, actors)
                    if taker is not None:
                        # "the junta lost Lashio to rebels": the rebels took it, as the loss says
                        out.append(dataclasses.replace(out[-1], change="captured", actor_text=taker.words,
                                                       actor=taker.actor.canonical, side=taker.actor.side,
                                                       confidence=round(out[-1].confidence * 0.9, 3)))
    return out


def _whose_bare_forces(text: str, part: _ActorPart, sentence: Sentence, t0: int, actors_all: list[ActorMention],
                       registry: ActorRegistry, conflict: str | None, context: _Context) -> _ActorPart:
    """Bare "troops" in a war of two states, which has no "government" side: the state that
    speaks in the sentence or the one before ("... Ukraine's military said. Troops had withdrawn
    from Novohrodivka": Ukraine's), else the generic reading as it was."""
    if part.actor != "government (generic)" or conflict is None or (conflict, "government") in _sides_of(registry):
        return part
    previous = context.neighbour(-1)
    floor = previous.start if previous is not None else sentence.start
    speakers = [a for a in actors_all if floor <= a.start < t0 and a.actor.country
                and _SPEAKS_RIGHT_AFTER.match(text, a.end)]
    if not speakers:
        return part
    state = speakers[-1].actor
    return _ActorPart(part.text, state.canonical, state.side, min(part.confidence, 0.6))


@lru_cache(maxsize=8)
def _sides_of(registry: ActorRegistry) -> frozenset[tuple[str, str]]:
    """Every (conflict, side) the registry's rows name."""
    return frozenset((a.conflict, a.side) for a in registry.actors)


#: The one a place was lost to: "lost Kidal to Tuareg rebels", "handed over Sinja to the army".
_LOST_TO = re.compile(r"(?:,[^,;.]{1,60},)?\s+(?:over\s+)?to\s+(?:the\s+)?(?=\S)")


def _recipient(text: str, part: _PlacePart, sentence: Sentence, actors: list[ActorMention]) -> ActorMention | None:
    """The actor written right after "to" behind a lost place, or ``None``."""
    to = _LOST_TO.match(text, part.end, sentence.end)
    if to is None:
        return None
    # (the name may follow a modifier or two: "to the Turkish-backed Syrian National Army")
    return next((a for a in actors if to.start() < a.start <= to.end() + 30 and a.actor.conflict != "generic"
                 and re.fullmatch(r"(?:[\w'’-]+\s+){0,2}", text[min(a.start, to.end()):a.start])
                 or to.start() < a.start <= to.end()), None)


def _is_irrealis(s_text: str, at: int, trig: _Trigger) -> bool:
    if s_text.rstrip(" \"'”’)").endswith("?"):
        return True  # "Did the army really take the city?": asked, not told
    # Only the clause right before the trigger counts: "the army said rebels had entered"
    # is a report, "vowed to stage a counterattack" and "in a bid to take" are not events.
    window = s_text[max(0, at - 45):at]
    window = re.split(r"[,;:]|\b(?:said|says|and|but|while|after|which)\b", window)[-1]
    if _modal_in(_IRREALIS, s_text, at - len(window), at) or _ALMOST.search(window) is not None:
        return True
    if re.search(r"\b(?:after|before|once|until|upon)\s+(?:[\w'’-]+\s+){0,2}$", s_text[max(0, at - 30):at]) and \
            _modal_in(_CONDITIONAL, s_text, max(0, at - 100), at):
        return True  # "if the army will move on Idlib after taking Aleppo": a hypothesis, with its condition
    if trig.change == "besieged" and (_SIEGE_ENDED.search(s_text, max(0, at - 40), at)
                                      or _SIEGE_TO_END.search(s_text, max(0, at - 40), at)):
        # "had broken the RSF siege of El Obeid": the siege is over; "a step toward breaking the
        # siege of El Obeid": the subject is the besieged side, not the besieger
        return True
    if _REPORT_THAT.search(s_text, 0, at) and _DENIED_AFTER.match(s_text, at):
        return True  # "Reports that Kupiansk had fallen to Russian troops were false"
    if _DISMISSED_REPORT.search(s_text, max(0, at - 120), at):
        return True  # "Ukraine dismissed Russian claims that its troops had seized Toretsk"
    clause = re.split(r"[;:]|,\s+(?=[A-Z])|\b(?:said|says)\b", s_text[max(0, at - 120):at])[-1]
    return _PURPOSE.search(clause) is not None or trig.change != "withdrew" and _ORDERED.search(clause) is not None


def _modal_in(pattern: re.Pattern[str], s_text: str, start: int, end: int) -> bool:
    """Whether ``pattern`` matches in ``s_text[start:end]``, a "may" that is part of a date
    the dates module reads ("May 7", "in May", "May this year") not counting as the modal."""
    window = s_text[start:end]
    spans: list[tuple[int, int]] | None = None
    for m in pattern.finditer(window):
        if m.group().lower() != "may":
            return True
        if spans is None:
            spans = date_spans(s_text)
        at = start + m.start()
        if not any(s <= at < e for s, e in spans):
            return True
    return False


#: "broke the siege of", "lifted the RSF's siege of": a siege ended by the besieged side.
#: (done, not asked for: "the lifting of a rebel siege" as a condition of a deal is no end)
_SIEGE_ENDED = re.compile(r"\b(?:broke|broken|breaks|lifted|lifts|ended|ends|raised|relieved|relieves)\s+(?:the\s+|a\s+)?"
                          r"(?:(?!of\b)[\w'’-]+\s+){0,3}$", re.I)
#: (with no besieger named before "siege": "the lifting of a rebel siege" still tells whose it is)
_SIEGE_TO_END = re.compile(r"\b(?:break|breaking|lift|lifting|end|ending|relieve|relieving)\s+(?:the\s+|a\s+)?$", re.I)
#: A report told as a report: "Reports that X had fallen", "claims that rebels took".
_REPORT_THAT = re.compile(r"\b(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|assertions?)(?:\s+that)?\s", re.I)
#: A report rejected by who tells of it: "dismissed Russian claims that", "rejected as false
#: Moscow's statement that", "dismissed reports of Uvira's capture".
_DISMISSED_REPORT = re.compile(
    r"\b(?:dismissed|dismisses|rejected|rejects|denied|denies|refuted|refutes|debunked|disputed|disputes)\s+"
    r"(?:as\s+(?:false|untrue|baseless|fake|propaganda|lies)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:reports?|claims?|statements?|assertions?|allegations?|suggestions?|rumou?rs?|announcements?)\b"
    # (up to the trigger, within the report: not "..., saying its forces still held it")
    r"(?:\s+(?:that|of|about))?(?:(?!,\s*(?:saying|adding|insisting|and|but|while)\b)[^.;])*$", re.I)
#: What says the report was wrong: "... were false", "... are untrue", "... was denied".
_DENIED_AFTER = re.compile(r"[^.;]{0,100}?\b(?:was|were|is|are|been)\s+(?:(?:completely|entirely|totally|simply)\s+)?"
                           r"(?:false|untrue|unfounded|baseless|fake|incorrect|wrong|not\s+true|denied|lies)\b", re.I)


@dataclass(frozen=True)
class _PlacePart:
    """The place of an event: its words, span, resolved place, whether that is only an anchor,
    a note, and ``when``, a date of its own when the text gives each place one ("Hama on
    Thursday and Homs on Saturday"; ``None``: the sentence's dates are chosen from as usual)."""

    text: str
    start: int
    end: int
    place: Place | None
    anchor: bool
    note: str = ""
    when: DateMention | None = None


@dataclass(frozen=True)
class _ActorPart:
    text: str | None
    actor: str
    side: str
    confidence: float


def _read_trigger(article: Article, sentence: Sentence, trig: _Trigger, m: re.Match[str], in_places: list[Place],
                  places: list[Place], actors: list[ActorMention], actors_all: list[ActorMention],
                  registry: ActorRegistry, conflict: str | None,
                  context: _Context) -> list[tuple[_ActorPart, _PlacePart]]:
    text, s0 = article.text, sentence.start
    t0, t1 = s0 + m.start(), s0 + m.end()
    voice = trig.voice
    adj = m.groupdict().get("adj")
    owner = None
    if voice == "adjective" and adj and _continues_name(text, s0, s0 + m.start("adj")):
        return []  # "the El Paraiso base of the Fourth Infantry Brigade": "Paraiso" names the base
    if voice == "adjective":
        # "Aleppo's remaining opposition-run neighborhoods": the toponym owns the place.
        owner = next((p for p in in_places if 0 <= s0 + m.start() - p.end <= 25
                      and re.match(r"['’]s\s+(?:[\w-]+\s+)?$", text[p.end:s0 + m.start()])), None)
    if voice == "active" and _APPOSED_RECOUNT.search(text, max(s0, t0 - 80), t0):
        return []  # "retook Moqokori, the second town the group has retaken in Hiiraan": the same taking again
    if (trig.change == "withdrew" and m.group(0).lower() in ("left", "leave", "leaves")
            and not _FORCE_LEFT.search(text, max(0, t0 - 90), t0)):
        return []  # "the envoy left Kyiv", "left the city in ruins": only forces leaving withdraw
    if trig.change == "holds" and _CAPTIVES_BEFORE.search(text, max(s0, t0 - 40), t0):
        return []  # "the army freed hostages held in Gaza": people held captive, no ground held
    if trig.change == "withdrew" and voice == "active" and _civilians_leave(text, t0, sentence, actors):
        return []  # "residents fled Homs": people leave a town, no side gives it up
    if trig.change == "withdrew" and voice == "active" and (force := _WITHDRAWN_FORCE.match(text, t1, sentence.end)):
        t1 = force.end()  # "withdrawn its 98th Division from Khan Younis": the place follows the force
    if trig.change == "besieged" and voice == "active" and (force := _ENCIRCLED_FORCE.match(text, t1, sentence.end)):
        t1 = force.end()  # "encircled Ukrainian troops in Kurakhove": the besieged place follows the force
    if trig.change == "withdrew" and (voice == "retreat" or voice == "active" and (
            _HEADING.match(text, t1, sentence.end) or _NO_PLACE_AFTER.match(text, t1, sentence.end)
            and _relative_head(text, t0, sentence, in_places, actors) is None)):
        return _withdrawal(text, t0, t1, m, sentence, in_places, places, actors, actors_all, registry, conflict,
                           context)
    if _agentless_passive(text, t0, m, sentence, trig):
        return _passive_without_agent(text, t0, t1, m, trig, sentence, in_places, places, actors, actors_all,
                                      registry, conflict, context)
    if owner is not None:
        end = _NP_END.search(text, t1 + 1, sentence.end)
        stop = end.start() if end else sentence.end
        place_parts = [_PlacePart(" ".join(text[owner.start:stop].split()), owner.start, stop, owner, False,
                                  PART_OF_PLACE)]
    elif voice == "active" and re.search(r"\b(?:the|a|an)\s+$", text[s0:t0], re.I) and m.group(0).endswith("ed"):
        return []  # "the rest of the occupied territories": a participle used as an adjective
    elif voice == "active" and _EMPTY_OBJECT.match(text, t1, sentence.end) and (
            relative := _relative_head(text, t0, sentence, in_places, actors)):
        # "from territory they gained during ...", "the Golan Heights, which Israel captured from
        # Syria": the object is the noun the relative clause hangs on
        bare = _BARE_COREF.fullmatch(relative.text) if relative.place is None else None
        antecedent = (_antecedent(places, relative.start, bare.group("noun"), text, context.theatre)
                      if bare is not None else None)
        if antecedent is not None:
            # "Russian forces took Avdiivka. The town, which Ukraine had held since 2014, ...":
            # the town told before itself, not a place near it
            relative = dataclasses.replace(relative, place=antecedent)
        place_parts = [relative]
    elif voice in ("active", "adjective", "noun", "expel", "participle"):
        place_parts = _object_places(text, t1, sentence, in_places, places, registry,
                                     descriptive=trig.change == "holds" and voice == "adjective",
                                     gain=trig.change in ("captured", "retook"),
                                     theatre=context.theatre)
        place_parts += _included_towns(text, place_parts, in_places, sentence)
    else:
        place_parts = _subject_places(text, t0, sentence, in_places, places, registry)
        if not place_parts and voice in ("by", "to"):
            place_parts = _elided_subject(text, t0, sentence, context)
    if not place_parts:
        return []
    if voice in ("by", "to"):
        actor = _actor_after(text, t1, sentence, actors, registry, conflict)
        if actor is None:
            return []
    elif voice == "fell":
        actor = _attacker(context, place_parts[0])
        if actor is None:
            return []
    elif voice == "participle":
        actor = _last_gainer(context)
        if actor is None:
            return []
    elif voice == "expel":
        actor = _expeller(text, t0, m, sentence, place_parts, actors, actors_all, registry, conflict)
        if actor is None:
            return []
    elif adj and adj.lower() in ("its", "their"):
        # "Its main strongpoint, Faya Largeau": whose it is was said just before.
        owner_actor = _actor_of_pronoun(text, t0, sentence, context, actors_all)
        if owner_actor is None:
            return []
        actor = _actor_part(owner_actor, adj, 0.7)
    elif voice in ("adjective", "subject", "under"):
        actor = _actor_from_words(adj or "", s0 + m.start("adj"), actors, registry, conflict)
        if actor is None:
            return []
    else:
        actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
        if actor is None and voice == "noun" and trig.change in ("captured", "retook"):
            owner_actor = next((a for a in actors if _POSSESSIVE_GAP.fullmatch(text, a.end, t0)), None)
            if owner_actor is not None and not re.match(r"(?:the\s+)?fall", m.group(0), re.I):
                # "Israel's capture of the Philadelphi corridor": the owner of the deed did it
                actor = _actor_part(owner_actor)
            else:
                actor = _implicit_captor(text, t1, sentence, place_parts[0], actors, registry, context)
        if actor is None and re.match(r"liberat", m.group(0), re.I):
            actor = _liberator(text, place_parts[-1].end, sentence, registry, conflict)
        if actor is None and voice == "active":
            actor = _fronted_subject(text, t0, sentence, actors)
        if actor is None and voice == "active":
            return []
        if actor is None:
            return []  # "the fall of Aleppo" with no captor named or implied: no side to map
    if voice == "adjective" and trig.change == "holds" and owner is None and not _determined(text, t0):
        # "leave for rebel held areas", "regaining control over rebel-held suburbs": a bare
        # plural names no particular place, only a kind of place.
        place_parts = [p for p in place_parts if p.place is not None or not _BARE_PLACE.match(_clean(p.text))]
    # "surrounded the Iranians": an object that names an actor is people, not a place.
    place_parts = [p for p in place_parts if p.place is not None or not _names_actor(p.text, registry, conflict)]
    place_parts = [_with_anchor(p, sentence, places, context, t0) for p in place_parts]
    # An actor and a place must be different things ("Russia captured Russia" is a misread).
    place_parts = [p for p in place_parts if not (actor.text and p.text.strip().lower() == actor.text.lower())]
    return [(actor, p) for p in place_parts]


#: A passive auxiliary right before a participle: "was liberated", "had been encircled".
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:[a-z]+ly\s+)?$", re.I)
#: A participle (not "besieging", "took"): the passive's verb.
_PARTICIPLE = re.compile(r"[\w-]+(?:ed|en|run|won)", re.I)
#: Gains a side tells of itself: a side says a place "was liberated" or "recaptured" when it took
#: it; "captured" or "taken" is as often the loser's admission, and says nothing of who.
_SELF_TOLD_GAIN = re.compile(r"(?:liberated|freed|recaptured|retaken|regained|won\s+back|taken\s+back)$", re.I)


def _agentless_passive(text: str, t0: int, m: re.Match[str], sentence: Sentence, trig: _Trigger) -> bool:
    """Whether an active trigger is a passive with no "by" ("Hama was liberated on 5 December",
    "Russian troops were encircled in Lyman"): its subject is what the deed was done to.

    (A "by" passive has its own trigger, read before this one.)"""
    return (trig.voice == "active" and trig.change in ("captured", "retook", "besieged")
            and _PARTICIPLE.fullmatch(m.group(0)) is not None
            and _PASSIVE_AUX.search(text, max(sentence.start, t0 - 30), t0) is not None)


def _passive_without_agent(text: str, t0: int, t1: int, m: re.Match[str], trig: _Trigger, sentence: Sentence,
                           in_places: list[Place], places: list[Place], actors: list[ActorMention],
                           actors_all: list[ActorMention], registry: ActorRegistry, conflict: str | None,
                           context: _Context) -> list[tuple[_ActorPart, _PlacePart]]:
    """The events of an agentless passive.

    A force encircled ("Ukrainian troops have been surrounded in Kurakhove") is besieged there by
    its enemy, when the war has one; people captured ("Russian soldiers were captured in Sudzha")
    are no ground taken; a place "liberated" or "recaptured" in the words of a side ("Hama was
    liberated on 5 December, the rebels said") was taken by that side. Otherwise no one is told
    to have done it, and there is no event.
    """
    subject = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
    if trig.change == "besieged":
        if subject is None:
            return []
        enemy = _opponent(subject.side, registry, conflict)
        if enemy is None:
            return []
        parts = _object_places(text, t1, sentence, in_places, places, registry, descriptive=False, gain=False,
                               theatre=context.theatre)
        agent = _ActorPart(None, enemy.canonical, enemy.side, 0.6)
        return [(agent, _with_anchor(p, sentence, places, context, t0)) for p in parts]
    if subject is not None or not _SELF_TOLD_GAIN.search(m.group(0)):
        return []
    speaker = _speaker_in(text, sentence, t1, actors)
    if speaker is None:
        return []
    parts = _subject_places(text, t0, sentence, in_places, places, registry)
    return [(_actor_part(speaker, confidence=0.7), _with_anchor(p, sentence, places, context, t0)) for p in parts
            if p.place is not None or p.text.strip().lower() in ("the city", "the town", "the village")]


#: Verbs by which a speaker states a claim as its own ("the rebels said", "Baghdad announced").
_SPEECH_VERBS = r"said|says|announced|declared|claimed|reported|confirmed|stated"
#: Verbs that make a word a speaker without crediting it with the claim ("Damascus denied",
#: "Moscow did not confirm"): :data:`_SPEAKER_AFTER` takes them, :data:`_SPEAKS_AFTER_NAME`
#: must not ("Hama was liberated, the army denied" does not say the army took it).
_SPEAKER_ONLY_VERBS = (r"saying|reports|described|denied|acknowledged|admitted|rejected|insisted|warned|"
                       r"(?:did|does|would|could)\s+not\s+confirm|declined\s+to\s+confirm")

#: After a speaker's name: its verb, perhaps after a possessive noun ("the rebels' command said").
_SPEAKS_AFTER_NAME = re.compile(rf"(?:['’]s?)?(?:\s+[\w'’-]+){{0,2}}\s+(?:{_SPEECH_VERBS})\b", re.I)


def _speaker_in(text: str, sentence: Sentence, after: int, actors: list[ActorMention]) -> ActorMention | None:
    """The actor that speaks after ``after`` in ``sentence`` ("..., the rebels' command said")."""
    for a in actors:
        if after <= a.start < sentence.end and _SPEAKS_AFTER_NAME.match(text, a.end, sentence.end):
            return a
    return None


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
_CONJUNCTION_GAP = re.compile(
    r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)(?:the\s+)?"
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
_REGION_THEN_NOUN_OF = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}(?:city|town|village|capital|port|camp|"
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
    np_text = text[n0:np_end]
    if not _clean(np_text) or _NOT_PLACE.match(np_text) or _UNIT.match(np_text) or _VESSEL.match(np_text):
        return []
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
        if _COUNT_OF.search(lead_words) and _OWNED_UNITS.match(text, first.end, np_end):
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
            chain.append(p)
        for p in in_places:
            # "recaptured Izium, Russia's main logistics hub, and Kupiansk, a key railway junction":
            # the next item of the list comes after the first one's apposition
            if p.start > chain[-1].end and _APPOSED_ITEM_GAP.fullmatch(text, chain[-1].end, p.start):
                chain.append(p)
        parts = [_PlacePart(p.text, p.start, p.end, p, False, PART_OF_PLACE if _PLACE_NOUN.search(lead_words)
                            and re.search(r"\b(?:parts?|neighbou?rhoods?|much|most|half|sliver|pocket|blocks|"
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
    r"(?:during|when|while|at(?!\s+least)|on|in|since|after|before|from|until|with|for|near|outside|around|inside|"
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
            appositive_of = [p for p in in_places if p.end <= reduced.start() and re.fullmatch(
                r",\s*", text[p.end:reduced.start()])]
            if appositive_of:
                p = appositive_of[-1]
                return _PlacePart(p.text, p.start, p.end, p, False)
            return _PlacePart(_clean(reduced.group(0)), reduced.start(), reduced.start() + len(_clean(reduced.group(0))),
                              None, False)
        if not link or not re.search(r"\b(?:which|that)(?:\s+the)?\s*$", link.group(0), re.I):
            return None  # "Rebels captured": a named actor alone is a main clause, not a relative one
        head_end = sentence.start + link.start()
    else:
        head_end = sentence.start + subject.start()
    toponym = [p for p in in_places if p.end == head_end or text[p.end:head_end].strip() == ""]
    toponym = [p for p in toponym if p.end <= head_end]
    if toponym:
        p = toponym[-1]
        owner = next((q for q in in_places if q.end < p.start and _HEAD_BEFORE_APPOSITIVE.fullmatch(text, q.end, p.start)),
                     None)
        if owner is not None:
            # "El Fasher, the capital of North Darfur, which the RSF has besieged": the
            # relative clause is about the town the appositive describes
            p = owner
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


#: A dateline with its date, up to the dash: "BEIRUT, Dec 12 (Reuters) -", "GOMA, Jan 28 (AFP) -".
_DATELINE_DATE = re.compile(r"[A-Z][A-Z.'’/ -]*[A-Z],[^\n]{0,40}?\d[^\n]{0,30}?(?:\s[-–—]\s|\s—|—\s)")
#: A dateline opening a sentence, up to its comma: "BEIRUT,", "GOMA, Congo", "KHARTOUM, Sudan".
_DATELINE_COMMA = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z],(?=\s+(?:[A-Z][a-z]+\.?\s+\d|[A-Z][a-z]+\s*(?:\(|[-–—])|\())")
#: A place noun phrase right before the subject of a relative clause with no "that": "the largest
#: settlement (Ukraine had held)", "the only regional capital (Moscow had captured)".
_REDUCED_RELATIVE_HEAD = re.compile(r"\b(?:the|a)\s+(?:[a-z][\w-]*\s+){0,3}(?:settlement|town|city|village|capital|"
                                    r"stronghold|base|territory|area|region|position)\s+$")
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
                      r"once|long|a|an|the|last|main|key|former|only|major|which|that|until|when|already|"
                      r"[a-z]+ly|both|all|each))+\s*,?\s*$",
                      "", " " + before, flags=re.I)
    if re.search(r"\b(?:it|which|that)\s*$", stripped, re.I):
        antecedent = _antecedent(places, t0 - (len(before) - len(stripped) + 1) - 2, None, text)
        if antecedent is not None and sentence.start <= antecedent.start or (antecedent and t0 - antecedent.end < 300):
            return [_PlacePart(antecedent.text, antecedent.start, antecedent.end, antecedent, False)]
    # "Aleppo, a rebel stronghold until 2016, fell to": the subject before an apposition.
    apposed = re.search(r",[^,;]{3,90},\s*" + _AUX + r"(?:(?:remains?|remained|stays?|stayed)\s+)?$", before)
    if apposed:
        head = [p for p in in_places if p.end <= sentence.start + apposed.start()]
        if head and not text[head[-1].end:sentence.start + apposed.start()].strip():
            return _coordinated(text, head)  # "Bakhmut and Soledar, 15km apart, both fell to"
        name = re.search(r"(?:^|[,;]\s*|\b(?:and|but|as|while|when)\s+)(?P<name>" + _NAME + r")$",
                         before[:apposed.start()])
        if name and not _names_actor(name.group("name"), registry, None):
            s = sentence.start + name.start("name")
            return [_PlacePart(name.group("name"), s, s + len(name.group("name")), None, False)]
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


#: "the capital, Sanaa": the capital's name as an appositive right after the noun.
_CAPITAL_APPOSITIVE = re.compile(r"\bcapital\s*,\s*$", re.I)
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
    many = coarse is not None and _MANY_PLACES.search(part.text) is not None
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


#: A place named as a speaker: "Baghdad said", "Tehran radio reported".
_SPEAKER_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,2}"
                            # (a group's leader or spokesman, named: "HTS leader Abu Mohammed al-Golani said")
                            r"(?:\s+(?:leader|chief|commander|spokesman|spokeswoman|spokesperson)\s+(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,3})?"
                            rf"\s+(?:{_SPEECH_VERBS}|{_SPEAKER_ONLY_VERBS})\b", re.I)


def _speaking_capitals(text: str, places: list[Place], registry: ActorRegistry,
                       conflict: str | None) -> list[ActorMention]:
    """National capitals named as speakers ("Moscow claimed", "Damascus denied"), as the
    actor of their state's forces (the registry's ``country`` column)."""
    found = []
    for place in places:
        if place.entry.capital and place.entry.country and _SPEAKER_AFTER.match(text, place.end):
            actor = registry.state_of(place.entry.country, conflict)
            if actor is not None:
                found.append(ActorMention(place.start, place.end, place.text, actor))
    return found


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
    return next((p for p in reversed(earlier) if p.entry.capital and p.entry.country in theatre), None)


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
        return next((p for p in reversed(earlier) if word in p.text.lower() or word in p.entry.name.lower()), None)
    refuge: Place | None = None
    background: Place | None = None
    for k in range(len(earlier) - 1, -1, -1):
        p = earlier[k]
        if text and MEASURED_FROM_BEFORE.search(text, max(0, p.start - 40), p.start):
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
        if (noun or "").lower() not in ("city", "town", "") and _is_dateline(p, p.sentence):
            continue  # "BAMAKO (Reuters) - Jihadists seized the camp": the camp is not Bamako
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
            return p
    for fallback in (refuge, background):
        if fallback is not None and (kinds is None or fallback.entry.kind in kinds):
            return fallback
    return None


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


def _actor_part(mention: ActorMention, text: str | None = None, confidence: float = 1.0) -> _ActorPart:
    return _ActorPart(text or mention.words, mention.actor.canonical, mention.actor.side, confidence)


#: What stands right before an actor that is not the subject of a later trigger: the object of
#: another verb ("killed 1,269 Libyan soldiers ... to capture") or a location ("a base in Chad").
_NOT_SUBJECT = re.compile(
    r"\b(?:killed|killing|kill|wounded|wounding|routed|routing|repulsed|repelled|repelling|attacked|attacking|"
    r"defeated|defeating|fighting|fought|against|with|between|besieging|surrounding|surrounded|pursuing|pursued|backed\s+by|"
    r"pushed|pushing|drove|driving|ousted|ousting|ambushed|ambushing|encircled|encircling|outflanked|"
    # the one handed a defeat: "handing President Bashar al-Assad his second loss after the fall of Aleppo"
    r"handing|handed|dealing|dealt|inflicting|inflicted\s+on|"
    r"in|into|inside|from|near|across|to|towards?|over)\s+(?:(?:back|out)\s+)?(?:\d(?:[\d,]*\d)?\s+)?(?:(?:the|an?|their|its)\s+)?"
    r"(?:(?:northern|southern|eastern|western|central)\s+)?$", re.I)
#: A subordinate clause with a subject of its own: "... by Turkey and Russia as the rebel enclave
#: rapidly dissolved, ceding more and more territory".
_CLAUSE_OPENER = re.compile(r"(?:^|[\s,;])(?:as|while|whereas|when)\s+(?=(?:the|a|an)\s)", re.I)
#: A side named by a common noun phrase ("the rebel enclave", "the government side").
_SIDE_NOUN = re.compile(r"^(?:the|a|an)\s+(?P<side>[a-z]+)\s+(?:enclave|side|camp|forces|fighters|troops|units|"
                        r"militias?|groups?|factions?|garrison|defenders)\b", re.I)
#: Words for an army that say nothing of whose it is: the speaker of the sentence tells.
_BARE_FORCES = re.compile(r"(?:the\s+)?(?:troops|soldiers|forces|army|military|government\s+(?:troops|forces|soldiers))",
                          re.I)


def _last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of ``matches``, or ``None``."""
    last = None
    for last in matches:  # noqa: B007 - the loop keeps the last one
        pass
    return last


#: What stands before a name that opens its sentence: nothing, or "The".
_OPENS_SENTENCE = re.compile(r"(?:\A|[.!?][\"”’]?\s+|\n\s*)(?:The\s+)?\Z")


def _subject_like(text: str, mention: ActorMention, floor: int) -> bool:
    """True when ``mention`` may be the subject of a trigger after it (see :data:`_NOT_SUBJECT`)."""
    return ((not _possessive(text, mention) or _OWNED_UNIT.match(text, mention.end) is not None)
            and not _NOT_SUBJECT.search(text[max(floor, mention.start - 40):mention.start]))


#: An apposition that counts the taking told just before it: ", the second town the group has
#: retaken", ", the third village Russian forces have captured this week".
_APPOSED_RECOUNT = re.compile(r",\s+(?:the|a)\s+(?:(?:first|second|third|fourth|fifth|latest|last|sixth|tenth|\d+(?:st|nd|rd|th))"
                              r"\s+)(?:[a-z][\w-]*\s+){0,2}?(?:town|city|village|settlement|district|base|locality)s?\s+"
                              r"(?:that\s+|which\s+)?(?:the\s+[\w-]+|it|they|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                              r"(?:\s+(?:forces|troops|fighters))?)\s+(?:has|have|had)\s+(?:[a-z]+ly\s+)?$", re.I)
#: A unit its owner's name is written before: "the army's 22nd Division", "Hamas's fighters".
_OWNED_UNIT = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}(?:(?-i:[A-Z])\w+\s+)?(?:division|brigade|corps|regiment|battalion|"
                         r"forces|troops|units|soldiers|fighters|garrison|commandos)\b", re.I)
#: A relative pronoun opening the trigger's clause: ", which had held", ", who seized".
_RELATIVE_SUBJECT = re.compile(r",\s*(?:which|who)\s+(?:(?:had|has|have)\s+)?(?:(?:been|long|once|[a-z]+ly)\s+)?$", re.I)
_SPEAKS_RIGHT_AFTER = re.compile(r"\s+(?:said|says|claimed|reported|announced|told\s+\w+)\b", re.I)


def _parenthetical_speaker(text: str, actor: ActorMention, sentence: Sentence, t0: int) -> bool:
    """Whether ``actor`` is the speaker of an aside closed before the trigger: "Russian forces,
    Ukraine's military said on Monday, captured Kurakhove" (Ukraine's military only tells it)."""
    if not _SPEAKS_RIGHT_AFTER.match(text, actor.end):
        return False
    s_text, at = sentence.text, actor.start - sentence.start
    aside = _aside_of(s_text, at)
    close = s_text.find(",", actor.end - sentence.start)
    return aside >= 0 and 0 <= close < t0 - sentence.start


#: A common noun right after an actor's name, which then only qualifies it: "the RSF (siege)".
_ATTRIBUTIVE_AFTER = re.compile(r"\s+(?:siege|blockade|offensive|attack|assault|advance|positions?|lines|drone|shelling|"
                                r"bombardment|checkpoints?|bases?|headquarters|stronghold|territory|control)\b", re.I)
#: Between a side and its ally in one subject: "Congolese soldiers (and allied) Burundian troops".
_ALLIED_AFTER = re.compile(r"\s+(?:and|along\s+with|together\s+with|with)\s+(?:the\s+)?(?:allied|their\s+allies,?|its\s+allies,?)\s+",
                           re.I)
#: People held captive, right before "held": "hostages (held) in Gaza", "prisoners still held".
_CAPTIVES_BEFORE = re.compile(r"\b(?:hostages?|prisoners?|captives?|detainees?|abductees)\s+(?:(?:still|being|are|were|"
                              r"is|was|now)\s+)*$", re.I)
#: What opens a coordinated clause right before its subject: ", and the (SDF)", "; but (Russia)".
_CLAUSE_SUBJECT_BEFORE = re.compile(r"[,;]\s*(?:and|but|while|whereas)\s+(?:the\s+)?$", re.I)


def _actor_before(text: str, t0: int, sentence: Sentence, actors: list[ActorMention],
                  actors_all: list[ActorMention], registry: ActorRegistry, conflict: str | None) -> _ActorPart | None:
    """The actor of an active trigger: the nearest actor written before it.

    Actors that are objects or locations ("killed Libyan soldiers", "in Chad") are passed over;
    a subordinate clause's own subject wins ("as the rebel enclave dissolved, ceding"); a bare
    "troops" takes the side of the state that reports it ("Chad's high command said troops ...").
    """
    clause = text[sentence.start:t0]
    forced = _FORCED_TO.search(clause)
    if forced is not None:
        # "seized Sanaa, forcing the internationally recognised government to flee": the one
        # forced does it, never the subject that forced it
        return _forced_one(forced.group("who"), sentence.start + forced.start("who"), actors, registry, conflict)
    relative = _RELATIVE_SUBJECT.search(clause)
    if relative is not None:
        # "captured Hama from the army, which had held the city since 2011": the relative
        # pronoun stands for the actor right before it, whatever preposition that one follows
        head = next((a for a in actors if 0 <= sentence.start + relative.start() - a.end <= 1), None)
        if head is not None:
            return _actor_part(head)
    saying = _SAYING_ITS.search(clause)
    if saying is not None:
        # "The army denied reports that rebels had taken Hama, saying its forces still held the
        # city": whoever says is the sentence's subject, and the forces are its own
        subject = next((a for a in actors if a.start < sentence.start + saying.start()
                        and _subject_like(text, a, sentence.start)), None)
        if subject is not None:
            return _actor_part(subject, " ".join(saying.group("pronoun").split()), 0.8)
    own = _SUBORDINATE_SUBJECT.search(clause)
    if own is not None and not any(sentence.start + own.start(1) <= a.start < t0 for a in actors):
        # "regained control of Sweida after Druze militias withdrew": the clause's own subject,
        # which the registry does not know, not the main clause's
        words = " ".join(own.group(1).split())
        return _ActorPart(words, words, words, 0.5)
    near = [a for a in actors if a.end <= t0 and _subject_like(text, a, sentence.start)
            and not _parenthetical_speaker(text, a, sentence, t0)]
    trigger_aside = _aside_of(sentence.text, t0 - sentence.start)
    aside = [a for a in near if (_aside_of(sentence.text, a.start - sentence.start) not in (-1, trigger_aside)
                                 or _between_commas(sentence.text, a.start - sentence.start, a.end - sentence.start,
                                                    t0 - sentence.start))
             # ("..., and the SDF, backed by US air power, captured it": a clause's subject
             # before its own aside, not an aside)
             and not _CLAUSE_SUBJECT_BEFORE.search(text, max(sentence.start, a.start - 20), a.start)]
    if aside and len(aside) < len(near):
        # "The Arakan Army, one of the most powerful ethnic armed groups, said it had overrun":
        # an actor in an aside describes the subject, it is not the subject
        near = [a for a in near if a not in aside]
    opener = _last_match(_CLAUSE_OPENER.finditer(clause))
    if opener is not None and not [a for a in near if a.start >= sentence.start + opener.end()]:
        side_noun = _SIDE_NOUN.match(clause[opener.end():])
        if side_noun and side_noun.group("side").lower() in _SIDE_WORDS:
            found = registry.match(_SIDE_WORDS[side_noun.group("side").lower()], conflict=conflict)
            if found is not None:
                return _ActorPart(" ".join(side_noun.group(0).split()), found.canonical, found.side, 0.8)
    pronoun = _last_match(_PRONOUN_ACTOR.finditer(clause[-45:]))
    if pronoun is not None and re.match(r"it\s+(?:is|was)\b", clause[-45:][pronoun.start():], re.I):
        pronoun = None  # "It is Moscow's biggest gain since the capture of Bakhmut": no actor
    if pronoun is not None and re.match(r"(?:our|we)\b", pronoun.group(0), re.I):
        # "our forces" in a communique are the speaker's: "Iraq said ... "our forces succeeded""
        speaker = _last_speaker(text, sentence, actors_all)
        written = " ".join(pronoun.group(0).split())
        return _actor_part(speaker, written, 0.7) if speaker else None
    if near:
        last = near[-1]
        between = text[last.end:t0]
        pronoun_after = pronoun is not None and sentence.start + max(0, len(clause) - 45) + pronoun.start() >= last.end
        if ((last.actor.conflict == "generic" or _BARE_FORCES.fullmatch(last.words)) and not pronoun_after
                and _OWNED_BY_PRONOUN.search(text, max(sentence.start, last.start - 20), last.start)):
            # "The CSP said its fighters remained in control": the fighters are the CSP's (and
            # "The Lebanese army said its troops had deployed" the Lebanese army's, though bare
            # "troops" alone would be the war's main army)
            owners = [a for a in actors if sentence.start <= a.start and a.end <= last.start
                      and a.actor.conflict not in ("generic", AS_WRITTEN)]
            if owners:
                return _actor_part(owners[-1], None, 0.8)
        if re.match(r"\s+and\s+(?:was|is|were|are|has|have|had)\b", between) and near[0] is not last:
            # "HTS ... fighting the Assad government and was already the dominant force":
            # the coordinated verb belongs to the clause's subject, not to the nearest name.
            return _actor_part(near[0])
        if pronoun is not None and sentence.start + max(0, len(clause) - 45) + pronoun.start() >= last.end:
            pron_at = sentence.start + max(0, len(clause) - 45) + pronoun.start()
            owner = [a for a in actors if a.end <= pron_at and _possessive(text, a) and a.start > last.start]
            if owner and re.search(r"\b(?:since|when|after|before|as)\s+$", text[owner[-1].end:pron_at], re.I):
                # "Ukraine withdrew, Russia's biggest gain since it captured Bakhmut": the owner
                return _actor_part(owner[-1], " ".join(pronoun.group(0).split()), 0.7)
            # (not a name used as a modifier: "troops broke the RSF siege ..., and they pushed the
            # paramilitary out" are the troops)
            head = next((a for a in reversed(near) if not _ATTRIBUTIVE_AFTER.match(text, a.end)), last)
            return _actor_part(head, " ".join(pronoun.group(0).split()), 0.8)
        if last.actor.conflict == AS_WRITTEN and len(near) > 1 and near[-2].actor.conflict not in (
                "generic", AS_WRITTEN) and _ALLIED_AFTER.fullmatch(text, near[-2].end, last.start):
            # "Congolese soldiers and allied Burundian troops pulled out": the war's own side
            # leads; the ally the registry lacks is only beside it
            last = near[-2]
        if len(between) <= 160:
            return _reported_by(text, last, sentence, t0, actors)
    claimed = _CLAIMED_TO_HAVE.search(clause)
    if claimed is not None:
        # "Russia's defence ministry claimed to have captured Kurakhove": the speaker did it,
        # its state when the speaker is a state's ministry or army
        speaker = [a for a in actors if a.end <= sentence.start + claimed.start()]
        if speaker:
            return _actor_part(speaker[-1], None, 0.8)
    said = _SAID_IT.search(clause)
    if said is not None:
        # "Ukraine's 47th Brigade said it had liberated Robotyne": "it" is the speaker, whose
        # name may be owned by its country (no subject-like actor, so "near" was empty)
        speaker = [a for a in actors if a.end <= sentence.start + said.start() and not _NOT_SUBJECT.search(
            text[max(sentence.start, a.start - 40):a.start])]
        if speaker:
            return _actor_part(speaker[-1], " ".join(said.group("pronoun").split()), 0.7)
        unknown = _unknown_speaker(clause[:said.start()], registry, conflict)
        if unknown is not None:
            return unknown
        if re.search(r"(?:^|\s)" + _BARE_GROUP.pattern + r"\s*$", clause[:said.start()], re.I):
            # "The group said it still held its positions": the group named last
            named = [a for a in actors_all if sentence.start - 600 <= a.start < sentence.start
                     and not a.actor.country and a.actor.conflict not in ("generic", AS_WRITTEN)]
            if named:
                return _actor_part(named[-1], " ".join(said.group("pronoun").split()), 0.6)
    if pronoun is not None:
        # (an owner opening its sentence stands for it too: "The army's momentum began in central
        # Sudan. In January, it retook Wad Madani")
        earlier = [a for a in actors_all if a.end <= sentence.start and (
            _subject_like(text, a, 0) or _possessive(text, a) and _OPENS_SENTENCE.search(text, max(0, a.start - 6), a.start))]
        if earlier:
            return _actor_part(earlier[-1], " ".join(pronoun.group(0).split()), 0.6)
        return None  # "we took the most stringent measures": a pronoun with no one to stand for
    bare = re.search(r"(?:^|[\s,;])(" + _BARE_GROUP.pattern + r")\s+" + _AUX + r"$", clause, re.I)
    if bare is not None:
        # "The Arakan Army has seized Buthidaung. In January, the group took Paletwa": the
        # group named last, in this sentence or the two before, else no one
        named = [a for a in actors_all if sentence.start - 600 <= a.start and a.end <= t0
                 and not a.actor.country and a.actor.conflict not in ("generic", AS_WRITTEN)]
        return _actor_part(named[-1], " ".join(bare.group(1).split()), 0.6) if named else None
    # Unknown actor: keep the subject as written rather than dropping the event.
    subject = re.search(r"([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+" + _AUX + r"$", clause)
    if subject and not _SPEECH.search(subject.group(1)):
        words = " ".join(subject.group(1).split())
        if re.search(r"\b(?:forces|troops|army|rebels|fighters|militia|militiamen|guerrillas|soldiers|units|brigades?|"
                     r"division|group|movement|front|guards|police|army)\b", words, re.I):
            return _ActorPart(words, words, words, 0.5)
    return None


#: "forcing X to", "compelled X to" right before an infinitive trigger: X does it.
_FORCED_TO = re.compile(r"\b(?:forc(?:e|es|ed|ing)|compell?(?:s|ed|ing)?|prompt(?:s|ed|ing)?)\s+"
                        r"(?P<who>(?:[\w'’-]+\s+){1,5}?)to\s+$", re.I)


def _forced_one(words: str, at: int, actors: list[ActorMention], registry: ActorRegistry,
                conflict: str | None) -> _ActorPart | None:
    """The actor made to act ("forced Israeli soldiers to retreat", "forcing the government to flee"):
    an actor named in its words, else the registry's reading of its head noun, else no one."""
    named = [a for a in actors if at <= a.start and a.end <= at + len(words)]
    if named:
        return _actor_part(named[-1])
    head = re.search(r"([\w-]+)\s*$", words)
    found = registry.match(head.group(1), conflict=conflict) if head else None
    return _ActorPart(" ".join(words.split()), found.canonical, found.side, 0.6) if found else None


#: A subordinate clause's subject of capitalised words and a force noun, right before its verb:
#: "after Druze militias withdrew", "as Wagner Group fighters pulled out".
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:after|before|as|when|once|until|because|while)\s+((?:the\s+)?(?:(?-i:[A-Z][\w'’-]*)\s+|[a-z]+-(?:backed|led|aligned|allied)\s+){1,3}"
    r"(?:forces|troops|fighters|militias?|militiamen|rebels|gunmen|units|soldiers|insurgents|guerrillas))\s+"
    + _AUX + r"$")
def _unknown_speaker(before: str, registry: ActorRegistry, conflict: str | None) -> _ActorPart | None:
    """The speaker of "X said it had ..." when the registry names no actor in X: the state
    a demonym or a country's possessive says ("Azerbaijani President Ilham Aliyev",
    "Ethiopia's government"), else a capitalised organisation kept as written ("The Karen
    National Union"); ``None`` for a person with nothing that says whose side they are on."""
    subject = _SPEAKER_SUBJECT.search(before)
    if subject is None:
        return None
    words = " ".join(subject.group("words").split())
    for word in re.findall(r"(?-i:[A-Z])[\w'’-]+", words):
        owner = re.sub(r"['’]s?$", "", word)
        # (a country's name as its demonym: "Ethiopia's" -> "Ethiopian forces", "Ukraine's" -> "Ukrainian")
        for adjective in dict.fromkeys((owner, owner + "n", owner + "an", owner + "ian", owner[:-1] + "ian",
                                        owner + "i", owner + "ese", owner + "lese")):
            found = registry.match(adjective + " forces", conflict=conflict)
            if found is not None and found.country:
                return _ActorPart(words, found.canonical, found.side, 0.6)
    if re.search(r"\b(?:Union|Army|Front|Movement|Council|Alliance|Forces|Organi[sz]ation|Party|Brigades?)\b", words):
        return _ActorPart(words, words, words, 0.5)
    return None


#: The subject before a speech verb: the words from the clause's start ("The Karen National Union").
_SPEAKER_SUBJECT = re.compile(r"(?:^|[.;:]\s*|,\s+)(?P<words>(?:(?:the|a)\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’.-]+){0,6}?)"
                              r"\s+(?:(?:on\s+)?\w+day\s+)?$", re.I)
#: A subject that names a group only by what it is: "The group", "the movement".
_BARE_GROUP = re.compile(r"(?:the|this)\s+(?:group|movement|organi[sz]ation|faction|alliance|coalition)", re.I)
_OWNED_BY_PRONOUN = re.compile(r"\b(?:its|their|his|her)\s+(?:[\w-]+\s+)?$", re.I)
#: The subject's own forces in a participle of speech: ", saying its forces still held".
_SAYING_ITS = re.compile(r",\s*(?:saying|adding|insisting|stressing)\s+(?:that\s+)?(?P<pronoun>(?:its|their)\s+"
                         r"(?:[\w-]+\s+)?(?:forces|troops|fighters|soldiers|units|men|army))\s+" + _AUX + r"$", re.I)
#: A speech verb with an infinitive, the speaker its subject: "claimed on Monday to have".
_CLAIMED_TO_HAVE = re.compile(r"\b(?:claimed|claims|said|says|announced|reported)\s+(?:(?:on\s+)?\w+day\s+|earlier\s+|"
                              r"yesterday\s+|today\s+)?to\s+have\s+(?:now\s+|already\s+|fully\s+)?$", re.I)
#: A pronoun subject right after a speech verb: "said it had", "claimed on Monday that they".
_SAID_IT = re.compile(r"\b(?:said|says|claimed|claims|announced|reported|confirmed|stated)\s+"
                      r"(?:(?:on\s+)?\w+day\s+|(?:late|early)\s+\w+\s+|earlier\s+|yesterday\s+|today\s+)?(?:that\s+)?"
                      r"(?P<pronoun>it|they|he|she|(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:forces|troops|fighters|army|soldiers|units|men))"
                      r"\s+" + _AUX + r"$", re.I)


def _between_commas(s_text: str, start: int, end: int, before: int) -> bool:
    """Whether ``s_text[start:end]`` lies between two commas that close before ``before`` (an
    apposition: "The Arakan Army, one of the most powerful ethnic armed groups, said")."""
    opening, closing = s_text.rfind(",", 0, start), s_text.find(",", end)
    return 0 <= opening and 0 <= closing < before and "," not in s_text[opening + 1:start]


def _last_speaker(text: str, sentence: Sentence, actors_all: list[ActorMention]) -> ActorMention | None:
    """The actor who speaks in ``sentence`` ("..., Iraq said") or, failing that, last spoke before it."""
    def speaks(a: ActorMention) -> bool:
        return _SPEAKER_AFTER.match(text[a.end:a.end + 40]) is not None

    here = [a for a in actors_all if sentence.start <= a.start < sentence.end and speaks(a)]
    if here:
        return here[-1]
    before = [a for a in actors_all if sentence.start - 1500 <= a.start < sentence.start and speaks(a)]
    return before[-1] if before else None


def _reported_by(text: str, mention: ActorMention, sentence: Sentence, t0: int,
                 actors: list[ActorMention]) -> _ActorPart:
    """``mention`` as an actor; a bare "troops" takes the side of the state whose report it is.

    In "Chad's military high command said today troops killed ... to capture X" the troops are
    Chad's: the generic registry row would make them any war's "government".
    """
    if mention.actor.conflict != "generic" or not _BARE_FORCES.fullmatch(" ".join(mention.words.split())):
        return _actor_part(mention)
    verbs = [m for m in _SPEECH.finditer(text, sentence.start, mention.start)]
    if not verbs:
        return _actor_part(mention)
    # (a state's own: "Rebels said ... government troops abandoned the city" are not the rebels')
    speakers = [a for a in actors if a.end <= verbs[-1].start() and a.actor.conflict != "generic" and a.actor.country]
    if not speakers:
        return _actor_part(mention)
    return _ActorPart(mention.words, speakers[-1].actor.canonical, speakers[-1].actor.side, 0.8)


def _actor_of_pronoun(text: str, at: int, sentence: Sentence, context: _Context,
                      actors_all: list[ActorMention]) -> ActorMention | None:
    """The actor "its"/"their" at ``at`` stands for: the last one named as a subject, in this
    sentence or the one before ("deprived Libya of its only runway in Chad. Its main strongpoint")."""
    previous = context.neighbour(-1)
    floor = previous.start if previous is not None else sentence.start
    candidates = [a for a in actors_all if floor <= a.start and a.end <= at and _subject_like(text, a, floor)]
    return candidates[-1] if candidates else None


#: Between an owner and its noun: "Israel's capture", "the army's recapture".
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:(?:swift|rapid|recent|latest|sudden|final|eventual|brief)\s+)?")


def _implicit_captor(text: str, t1: int, sentence: Sentence, part: _PlacePart, actors: list[ActorMention],
                     registry: ActorRegistry, context: _Context) -> _ActorPart | None:
    """Who took a place named by a nominal trigger with no actor ("the fall of Ouadi Doum").

    In order: an agent after the place ("the capture of X by Y"); a capture of the same place
    read earlier in the article; the other side of a two-sided war when the loser is named
    ("Libya's air base", "deprived Libya of").
    """
    agent = re.match(r"\s*,?\s*(?:by|to)\s+", text[part.end:sentence.end])
    if agent:
        after = [a for a in actors if 0 <= a.start - (part.end + agent.end()) <= 4]
        if after:
            return _actor_part(after[0], None, 0.8)
    earlier = _earlier_gain(context, part)
    if earlier is not None:
        return _ActorPart(None, earlier.actor, earlier.side, 0.7)
    losers = [a for a in actors if part.start <= a.start < part.end and _possessive(text, a)]
    deprived = re.search(r"\bdeprived\s+", text[t1:sentence.end])
    if deprived:
        losers += [a for a in actors if a.start == t1 + deprived.end()]
    for loser in losers:
        winner = _opponent(loser.actor.side, registry, context.conflict)
        if winner is not None:
            return _ActorPart(None, winner.canonical, winner.side, 0.6)
    return None


def _expeller(text: str, t0: int, m: re.Match[str], sentence: Sentence, place_parts: list[_PlacePart],
              actors: list[ActorMention], actors_all: list[ActorMention], registry: ActorRegistry,
              conflict: str | None) -> _ActorPart | None:
    """Who took a place by driving others out: the subject ("forces drove rebels from X"), or
    the agent of the passive ("rebels were driven out of X by government forces").

    The expelled must be an armed group ("forced civilians out of their homes" is no taking).
    """
    if re.search(r"ing$", m.group(0).split()[0]) and re.search(r"\b(?:was|were|is|are|been)\s+$",
                                                             text[sentence.start:t0]):
        return None  # "troops were pushing Iranian forces out of positions": still under way
    who = m.group("who")
    if who is None:
        agent = re.match(r"\s*,?\s*by\s+", text[place_parts[-1].end:sentence.end])
        if agent is None or not re.search(r"\b(?:was|were|been|being|is|are)\s+(?:[a-z]+ly\s+)?$",
                                          text[sentence.start:t0]):
            return None
        at = place_parts[-1].end + agent.end()
        after = [a for a in actors if at <= a.start <= at + 4]
        return _actor_part(after[0]) if after else None
    if not registry.find(who, conflict=conflict) and not re.fullmatch(r"them|the\s+enemy", who.strip(), re.I):
        return None
    return _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)


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


def _fronted_subject(text: str, t0: int, sentence: Sentence, actors: list[ActorMention]) -> _ActorPart | None:
    """The subject after a fronted participle clause: "After capturing Goma, M23 moved south",
    "Having seized the airport, the rebels ..."."""
    if not re.fullmatch(r"\s*[\"'“]?(?:after|since|following|before|upon|having|while)\s+(?:[a-z]+ly\s+)?",
                        text[sentence.start:t0], re.I):
        return None
    comma = text.find(",", t0, sentence.end)
    subject = [a for a in actors if comma >= 0 and comma < a.start <= comma + 12]
    return _actor_part(subject[0]) if subject else None


def _liberator(text: str, after: int, sentence: Sentence, registry: ActorRegistry,
               conflict: str | None) -> _ActorPart | None:
    """Who "liberated X from terrorism" when no one is named: a state's forces, in a state's words.

    Liberating a place from "terrorists", "militants" or "insurgents" is how a government and its
    allies describe taking it back from armed opposition.
    """
    if not re.match(r"\s*from\s+(?:the\s+)?(?:terror\w*|militants|insurgents|jihadists|extremists)\b",
                    text[after:sentence.end], re.I):
        return None
    found = registry.match("government forces", conflict=conflict)
    return _ActorPart(None, found.canonical, found.side, 0.5) if found is not None else None


#: What follows a verb of leaving whose place goes unsaid: a direction or a destination
#: ("starting to flee northwards towards the Tibesti", "withdrew to the border").
_HEADING = re.compile(r"\s*(?:(?:northwards?|southwards?|eastwards?|westwards?|north|south|east|west|back|home|across|"
                      r"hastily|quickly|overnight)\b|(?:towards?|to|into)\s)", re.I)


#: What may follow a withdrawal that names no place: a time, a reason, the clause's end ("but
#: withdrew days later under international pressure", "before withdrawing.").
_NO_PLACE_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:(?:\d+|a|an|one|two|three|four|five|several|a\s+few)\s+)?(?:minutes?|hours?|days?|weeks?|"
    r"months?)\s+(?:later|after)\b|\s+(?:under|amid|after|before|when|as|because|following|overnight|later|"
    r"soon|shortly|again)\b"
    # a date, then the clause's end: "after government forces withdrew on Friday."
    r"|\s+(?:on\s+(?:\w+day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2})|yesterday|overnight|"
    r"last\s+(?:night|week|month)|earlier\s+(?:this|on)\s+\w+|in\s+(?:late\s+|early\s+|mid-?)?"
    r"(?:" + _MONTH_NAMES + r"|(?:19|20)\d\d))"
    r"\s*(?:[,.;:)]|$|\s+(?:and|but|as|after|before|when|while)\b)", re.I)
#: A force noun as the subject right before "left": "his forces had left El Fasher" (or ordered
#: to: "ordered its troops to leave Vuhledar").
_FORCE_LEFT = re.compile(rf"\b(?:{_FORCE_NOUNS}|militants|rebels|army|militia|garrison)\s+"
                         # ("soldiers of the Ethiopian National Defense Force had left the city")
                         r"(?:(?:of|from)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){1,6})?"
                         r"(?:had\s+|have\s+|has\s+|finally\s+|then\s+|to\s+)*$", re.I)
#: The force a transitive withdrawal names before the place: "withdrawing troops from".
_WITHDRAWN_FORCE = re.compile(
    r"\s+(?:(?:its|their|his|the|some|all|most|remaining|ground|combat|[\w-]+th|[\d,]+)\s+){0,3}"
    rf"(?:{_WITHDRAWN_NOUNS})"
    # ("pulled its forces out of": the verb's particle comes after the force)
    r"(?:\s+(?:out|back)(?=\s+(?:of|from)\b)|(?=\s+(?:from|out\s+of)\b))", re.I)
#: The force an encirclement traps, before the place it is trapped in: :data:`_FORCE_NOUNS` and
#: the men and formations trapped (defenders, a garrison), not the tanks and contingents a side
#: pulls out (:data:`_WITHDRAWN_NOUNS`).
_ENCIRCLED_FORCE = re.compile(
    r"\s+(?:(?:the|some|about|up\s+to|as\s+many\s+as|thousands\s+of|hundreds\s+of|[\d,]+)\s+)*(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{_FORCE_NOUNS}|defenders|servicemen|garrison|brigades?|battalions?|militants|rebels)"
    r"(?=\s+(?:in|inside|at)\s)", re.I)
#: "withdrew from", "withdrew quickly from", "pulled back overnight from": the place follows.
_FROM_AFTER_ADVERBS = re.compile(r"(?:\s+(?:back|home|hastily|quickly|overnight))*\s+(?:from|of)\b", re.I)

#: Civilians as the subject of a verb of leaving, right before it.
#: People who are no armed side, by name or by number: "residents", "thousands", "more than 50,000".
_CIVILIANS = (r"(?:refugees|civilians|residents|people|families|inhabitants|villagers|migrants|children|women|"
              r"the\s+displaced|(?:tens\s+of\s+|hundreds\s+of\s+)?(?:thousands|hundreds|millions)|scores|"
              r"(?:(?:more|fewer)\s+than\s+|about\s+|some\s+|nearly\s+|over\s+)?\d[\d,.]*(?:\s+(?:million|people))?"
              # (but "a Libyan force of some 3,000 men was abandoning the oasis": armed men)
              r"(?!\s+(?:men|troops|soldiers|fighters|militants|rebels|gunmen|police|officers|personnel|marines)\b))")
_CIVILIANS_BEFORE = re.compile(r"\b" + _CIVILIANS + r"\s+"
                               # ("have", "had reportedly": not "and then", "then": the civilians are
                               # the object of an earlier verb, "soldiers fired on civilians then fled")
                               r"(?:(?!(?:and|then|but|or|before|after)\b)[\w'’-]+\s+){0,2}$", re.I)
#: Civilians made to flee by the subject: "forcing thousands to flee", "sending tens of thousands fleeing".
_CIVILIANS_DRIVEN = re.compile(r"\b(?:forc|send|sent|caus|prompt|driv|drove)\w*\s+" + _CIVILIANS
                               + r"(?:\s+(?:of\s+)?(?:people|residents|civilians|families))?\s+(?:to\s+)?$", re.I)


def _civilians_leave(text: str, t0: int, sentence: Sentence, actors: list[ActorMention]) -> bool:
    """Whether civilians are the subject of the verb of leaving at ``t0`` ("residents fled"),
    with no armed actor between them and it ("residents said troops fled")."""
    if _CIVILIANS_DRIVEN.search(text, sentence.start, t0):
        return True
    found = _CIVILIANS_BEFORE.search(text, sentence.start, t0)
    # "Tens of thousands of Kurds fled Tal Rifaat": a people counted is no force, though its
    # name is an actor's word ("dozens of Russian soldiers fled" are soldiers)
    return found is not None and not any(found.start() <= a.start < t0 and not (
        _PEOPLE_COUNTED.search(text, found.start(), a.start) and not _FORCE_NOUN.search(a.words)) for a in actors)


#: A count of people right before an actor word: "tens of thousands of (Kurds)".
_PEOPLE_COUNTED = re.compile(r"\b(?:thousands|hundreds|millions|dozens|scores)\s+of\s+$", re.I)
_FORCE_NOUN = re.compile(r"\b(?:troops|soldiers|fighters|forces|militants|rebels|gunmen|militiamen|police|army|units|"
                         r"insurgents|jihadists|guerrillas|personnel|marines|paratroopers)\b", re.I)


def _withdrawal(text: str, t0: int, t1: int, m: re.Match[str], sentence: Sentence, in_places: list[Place],
                places: list[Place], actors: list[ActorMention], actors_all: list[ActorMention],
                registry: ActorRegistry, conflict: str | None,
                context: _Context) -> list[tuple[_ActorPart, _PlacePart]]:
    """A withdrawal whose place may go unsaid: "the Libyan evacuation", "forces fled northwards".

    The actor is the noun's adjective ("Libyan", "the army's") or the verb's subject. The place
    is the one written after "from"/"of", else the place the same side was last told to hold,
    take, enter or leave: a report names the town once, then speaks of "the evacuation".
    """
    if m.groupdict().get("adj") is not None and m.group("adj").lower() in ("their", "its", "his", "our"):
        # "Israeli forces completed their withdrawal from the corridor": the owner is the subject
        actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
    elif m.groupdict().get("adj") is not None:
        actor = _actor_from_words(m.group("adj"), t0, actors, registry, conflict)
    elif _civilians_leave(text, t0, sentence, actors):
        return []  # "refugees fleeing", "thousands of residents fled": people leave, no side does
    else:
        actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
    if actor is None:
        return []
    if _FROM_AFTER_ADVERBS.match(text, t1, sentence.end):
        parts = _object_places(text, t1, sentence, in_places, places, registry)
        parts = [p for p in parts if p.place is not None or not _names_actor(p.text, registry, conflict)]
        return [(actor, _with_anchor(p, sentence, places, context, t0)) for p in parts]
    if m.groupdict().get("adj") is not None and not _EMPTY_OBJECT.match(text, t1, sentence.end):
        return []  # "the Libyan withdrawal plan": the noun is not the head
    destination = next((p for p in in_places if t1 <= p.start <= t1 + 40), None)
    for event in reversed(context.earlier):
        if event.side == actor.side and CHANGE_CLASS[event.change] in ("loss", "hold", "gain", "enter"):
            if (destination is not None and event.place is not None and destination.entry.country
                    and event.place.entry.country and destination.entry.country != event.place.entry.country):
                return []  # "Assad fled to Moscow": a flight abroad, not a retreat from the town told before
            part = _PlacePart(event.place_text, event.place_start, event.place_end, event.place, event.anchor,
                              "the place the same side was told of before")
            return [(actor, part)]
    taken = _TAKEN_IN_SENTENCE.search(text, sentence.start, t0)
    # (the town a fall tells is its subject, before the verb: "Vuhledar ... fell")
    fallen = taken is not None and taken.group(0).lower().endswith(("fell", "fallen"))
    towns = {p.entry.id: p for p in in_places if p.end <= t0 and p.entry.kind in ("city", "airport", "feature")
             and (taken is None or fallen and p.end <= taken.start() or p.start > taken.start())}
    if taken is not None and len(towns) == 1 and destination is None:
        # "The SDF took over Deir ez-Zor after government forces withdrew": the losers left the
        # one town the sentence has the others take
        (town,) = towns.values()
        return [(actor, _PlacePart(town.text, town.start, town.end, town, False,
                                   "the place the sentence tells was taken"))]
    return []


#: A verb of taking ground earlier in the sentence of a withdrawal with no place.
_TAKEN_IN_SENTENCE = re.compile(r"\b(?:captured|seized|took(?:\s+over|\s+control\s+of)?|taken|overran|overrun|"
                                r"retook|recaptured|entered|stormed|regained\s+control\s+of|"
                                # "Vuhledar fell ..., with Ukraine confirming its troops had pulled out"
                                r"fell|has\s+fallen|had\s+fallen)\b", re.I)


def _last_gainer(context: _Context) -> _ActorPart | None:
    """The side the article last told taking a place ("newly-captured areas" are theirs)."""
    for event in reversed(context.earlier):
        if CHANGE_CLASS[event.change] == "gain" and event.side != "unknown":
            return _ActorPart(None, event.actor, event.side, 0.6)
    return None


def _attacker(context: _Context, part: _PlacePart) -> _ActorPart | None:
    """Who a place that "fell" fell to: the last side told besieging, entering or taking it."""
    key = part.place.entry.id if part.place is not None and not part.anchor else None
    words = " ".join(part.text.lower().split())
    for event in reversed(context.earlier):
        same = (event.place_key == key) if key is not None else (len(words) > 3 and words in event.place_text.lower())
        if same and CHANGE_CLASS[event.change] in ("gain", "enter", "siege") and event.side != "unknown":
            return _ActorPart(None, event.actor, event.side, 0.6)
    return None


def _earlier_gain(context: _Context, part: _PlacePart) -> ControlEvent | None:
    """The last gain of the same place read before ("the capture on Sunday of ... Ouadi Doum"
    for "the fall of Ouadi Doum"): the same gazetteer entry, or words that contain the name."""
    key = part.place.entry.id if part.place is not None and not part.anchor else None
    words = " ".join(part.text.lower().split())
    for event in reversed(context.earlier):
        if CHANGE_CLASS[event.change] != "gain" or event.side == "unknown":
            continue
        if (key is not None and event.place_key == key) or (key is None and len(words) > 3
                                                           and words in " ".join(event.place_text.lower().split())):
            return event
    return None


def _opponent(side: str, registry: ActorRegistry, conflict: str | None) -> Actor | None:
    """The other side of a war the registry knows as two-sided (Chad-Libya, Iran-Iraq), else ``None``."""
    rows = [a for a in registry.actors if a.conflict == conflict]
    sides = list(dict.fromkeys(a.side for a in rows))
    if conflict is None or len(sides) != 2 or side not in sides:
        return None
    other = sides[1 - sides.index(side)]
    return next(a for a in rows if a.side == other)


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
    if last in _NOT_ACTOR_ADJECTIVES:
        return None  # "state-run television", "self-declared": no armed side
    if last in _SIDE_WORDS:
        found = registry.match(_SIDE_WORDS[last], conflict=conflict)
        if found is not None:
            return _ActorPart(words, found.canonical, found.side, 0.9)
    for guess in (words, words + " forces", last + " forces", words.split()[-1] + " forces", words + "s"):
        found = registry.match(guess, conflict=conflict)
        # (a lower-case word names an actor only when it is a force's own word: "junta-held",
        # "paramilitary-controlled", "gang-controlled"; not "state-run", "self-declared")
        if found is not None and (re.search(r"[A-Z]", words) or last in _LOWER_CASE_FORCES):
            return _ActorPart(words, found.canonical, found.side, 0.9)
    if re.match(r"[A-Z][a-z]", words.split()[-1]) and words.split()[-1].lower() not in ("important", "key"):
        # An actor the registry does not know ("Amal-held"): kept as written.
        return _ActorPart(words, words, words, 0.5)
    return None


def _pick_dates(dates: list[DateMention], trig_at: int, change: str, s_text: str,
                trig_end: int | None = None) -> tuple[DateMention | None, DateMention | None]:
    """(date of the change, end of a holding) among the sentence's date mentions.

    A date inside an aside set off by commas belongs to the aside ("The town, seized by HTS in
    2015, remains under rebel control": 2015 dates the seizure, not the control), unless the
    aside is a relative clause on the trigger itself ("The Libyan evacuation, which started
    yesterday morning, follows ..."): then its date is the trigger's. A holding is not dated
    by a clause coordinated after it ("X is the site of Libya's main airfield and several
    clashes have been reported over the past week").
    """
    # a dateline's date is when the report was filed, not an event's, unless nothing else dates it:
    # "BEIRUT, Dec 12 - ... captured Manbij from Kurdish-led forces on Monday"
    dateline = _DATELINE_DATE.match(s_text)
    if dateline is not None and any(d.start >= dateline.end() for d in dates):
        dates = [d for d in dates if d.start >= dateline.end()]
    every = dates
    if (change in ("holds", "besieged") and trig_end is not None
            and _EVER_SINCE.search(s_text, trig_end, min(len(s_text), trig_end + 60))):
        # "took Babanusa in late 2023, but the army has held its base there since then": held
        # since the date told before, whatever clause told it
        before = [d for d in dates if d.end <= trig_at and d.relation != "until"]
        if before:
            return before[-1], None
    described = next(((a, b) for a, b in _appositives(s_text) if a < trig_at < b), None)
    if described is not None:
        # "besieged El Fasher, the last army stronghold in the region, since May": a holding
        # the appositive tells is dated only inside it; the time after it is the main verb's
        return next((d for d in dates if described[0] < d.start < described[1]), None), None
    own = _aside_of(s_text, trig_at)
    if trig_end is not None and re.match(r"\s*,\s*(?:which|that)\b", s_text[trig_end:]):
        relative = s_text.index(",", trig_end)
        on_trigger = [d for d in dates if _aside_of(s_text, d.start) == relative]
        if on_trigger:
            return on_trigger[0], None
    # "launched an offensive ... on Wednesday, seizing more than a dozen villages, a monitor
    # said": a participle aside opened by the trigger shares the main clause's time
    participle = own >= 0 and re.fullmatch(r",\s*(?:[a-z]+ly\s+)?", s_text[own:trig_at]) and s_text[
        trig_at:trig_end or trig_at + 12].lower().endswith("ing")
    # "withdrew from Goma on Saturday, 11 days after seizing it, under a deal": an aside told as an
    # offset from the main clause counts from the main clause's date
    gap = re.match(r",\s*", s_text[own:]) if own >= 0 else None
    participle = participle or (gap is not None and OFFSET.match(s_text, own + gap.end()) is not None)
    # "Earlier this week, Russian troops took back Sudzha, the ministry said": a date fronted
    # before the first comma dates the main clause, whatever commas follow
    first_comma = s_text.find(",")
    in_relative = own >= 0 and _RELATIVE_OPENS.match(s_text, own) is not None
    fronted = [d for d in dates if 0 <= first_comma <= 40 and d.end <= first_comma < trig_at and not in_relative]
    dates = [d for d in dates if _aside_of(s_text, d.start) in ((own, -1) if participle else (own,)) or d in fronted
             or _date_is_the_aside(s_text, d)]
    # "Rebels captured Hama on Thursday, but the army retook it": a date before a "but"
    # clause belongs to the clause before it (but "dormant since 2020, but opposition forces
    # have maintained control": a state since then runs on through it)
    dates = [d for d in dates if d.start > trig_at or d.relation == "since"
             or re.search(r"\bsince\b", s_text[max(0, d.start - 40):d.start])
             or not re.search(r"[,;]\s*but\b", s_text[d.end:trig_at])]
    if any(d.start > trig_at for d in dates):
        # "The rebels swept into Aleppo last week, and government forces withdrew from the
        # airport on Saturday": a clause joined by "and" that dates itself is not dated by the one before
        dates = [d for d in dates if d.start > trig_at or not re.search(r"[,;]\s*and\s+(?!then\b)", s_text[d.end:trig_at])]
    if change in ("captured", "retook", "entered") and not re.search(r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?$",
                                                                  s_text[max(0, trig_at - 20):trig_at]):
        # a taking happens on a day, never "since": "retook Sudzha, the largest settlement
        # Ukraine had held ... since its incursion last August" is not dated by August
        # (but "since January 2, when Chadian troops overran Fada" dates the overrunning, and
        # "since helping government forces recapture it in 2016" holds the taking itself)
        after = trig_end or trig_at
        dates = [d for d in dates if not (d.relation == "since" and d.start > trig_at
                                          or d.start > after and re.search(r"\bsince\b", s_text[after:d.start]))
                 or d.end <= trig_at and re.fullmatch(r"\s*,?\s*when\s+[^.;]*", s_text[d.end:trig_at])]
    if change != "holds" and _SINCE_THEN.search(s_text, max(0, trig_at - 30), trig_at):
        # "retook Wad Madani in January, and has since pushed the RSF out of Sennar": later
        # than the date told before, which is no date of this change
        dates = [d for d in dates if d.start > trig_at]
    if change == "holds" and _STILL_BEFORE.search(s_text, max(0, trig_at - 20), trig_at):
        # "In March, the SDF took Tabqa, and it still holds the town": a holding now, not in March
        dates = [d for d in dates if d.start > trig_at]
    if trig_end is not None:
        # "captured Homs in an offensive that began on Nov. 27": the offensive's date, not the capture's
        dates = [d for d in dates if d.start < trig_at or not _OTHER_BEGINNING.search(s_text, trig_end, d.start)]
        # "seized Lashio, the biggest defeat for the junta since it took power in a coup in
        # 2021": a clause with a subject and verb of its own dates its own verb
        dates = [d for d in dates if d.start < trig_end
                 or not _OWN_CLAUSE_BEFORE.search(s_text, max(trig_end, d.start - 60), d.start)]
        # "The fall of Manbij follows the SNA's capture of Tal Rifaat on Dec. 1": the date of
        # what it follows, not its own
        dates = [d for d in dates if d.start < trig_end or not _FOLLOWS.search(s_text, trig_end, d.start)]
        # "holds Aleppo and Idlib, where HTS has run an administration since 2017": a clause
        # on the place, opened after the trigger, dates what happened there, not the trigger
        dates = [d for d in dates if d.start < trig_end or not _WHERE_CLAUSE.search(s_text, trig_end, d.start)]
        # "retook Wad Madani, ..., which the RSF had seized in December 2023": the relative
        # clause's own subject and verb date that verb
        dates = [d for d in dates if d.start < trig_end or not _WHICH_CLAUSE.search(s_text, trig_end, d.start)]
    if change == "holds":
        dates = [d for d in dates if d.start < trig_at or not _NEW_CLAUSE.search(s_text, trig_at, d.start)]
        # "Idlib has been run by HTS since 2017, while government-held Latakia": not Latakia's date
        dates = [d for d in dates if d.start > trig_at or not re.search(r"\b(?:while|whereas)\b",
                                                                         s_text[d.end:trig_at])]
    until = None
    if change == "holds":
        for d in dates:
            if d.start > trig_at and (d.relation == "until" or re.search(r"\buntil\b", s_text[trig_at:d.start])):
                until = d
                break
        since = [d for d in dates if d.relation == "since"]
        if since:
            return min(since, key=lambda d: abs(d.start - trig_at)), until
    # "for four years" dates only a state that lasted, never a change
    usable = [d for d in dates if d.relation != "until" and d is not until and not d.text.lower().startswith("for ")]
    if not usable and change in ("captured", "retook"):
        # "Aleppo, a rebel stronghold until 2016, fell to government forces": one side's
        # holding ended when the other took the place.
        usable = [d for d in every if d.relation == "until"]
    if not usable:
        return None, until
    if trig_end is not None:
        # "regained control of Robotyne in August 2023, but lost it in November 2024": a date
        # after a "but" belongs to the clause it opens
        usable = [d for d in usable if d.start < trig_at or not _BUT_CLAUSE.search(s_text, trig_end, d.start)]
        if not usable:
            return None, until  # ("withdrew from Vovchansk, but Moscow says ... in May": not the withdrawal's date)
    speech = _last_match(_SPEECH.finditer(s_text, 0, trig_at))
    if speech is not None:
        # "In a statement on Monday, Mali's army said it had lost control of Kidal in 2012":
        # the date of the statement dates the report only when the report gives none of its own
        framing = [d for d in usable if d.end <= speech.start() or not s_text[speech.end():d.start].strip()]
        # (not a date of a clause of its own inside the report: "had withdrawn from Avdiivka, its
        # biggest loss since it captured Bakhmut in May last year")
        reported = [d for d in usable if d not in framing and d.start > speech.end()
                    and not _OWN_CLAUSE_BEFORE.search(s_text, max(trig_end or trig_at, d.start - 60), d.start)]
        if framing and reported:
            usable = reported
    if trig_end is not None:
        # "The rebels seized Aleppo within days and captured Hama on Thursday": a date after a
        # second verb of taking dates that verb
        later = [d for d in usable if d.start > trig_end and _VERB_BETWEEN.search(s_text, trig_end, d.start)]
        if later:
            usable = [d for d in usable if d not in later]
            if not usable:
                return None, until
    after_gerund = (_AFTER_GERUND.search(s_text, max(0, trig_at - 30), trig_at)
                    if s_text[trig_at:trig_end or trig_at].lower().endswith("ing") else None)
    if after_gerund is not None and any(d.start > trig_at for d in usable):
        # "entered the city early on Sunday after seizing Homs, ..., on Saturday night": the
        # date before "after" is the main clause's, the one after the gerund its own
        usable = [d for d in usable if d.start > trig_at]
    if any(d.start > trig_at for d in usable):
        # "overrun by IS in 2015 and recaptured by the army in 2016": a date before the "and"
        # dates the first verb when the second has its own after it
        usable = [d for d in usable if d.start > trig_at or not _SECOND_VERB.search(s_text, d.end, trig_at)]
    return min(usable, key=lambda d: abs(d.start - trig_at)), until


#: "still", "now" right before a holding verb: a holding at the time of the report.
_STILL_BEFORE = re.compile(r"\b(?:still|now|currently)\s+(?:[a-z]+ly\s+)?$", re.I)
#: A clause of another noun's beginning between a trigger and a date: "in an offensive that began on".
_OTHER_BEGINNING = re.compile(r"\b(?:that|which)\s+(?:had\s+|was\s+)?(?:began|begun|started|launched|opened|"
                              r"kicked\s+off|erupted|broke\s+out)\b", re.I)
#: Words before a country's or province's name that make the event's place only part of it.
_PARTITIVE_LEAD = re.compile(
    r"\b(?:(?:(?:large|vast|big)\s+)?(?:parts?|swathes?|areas?|pockets?|chunks?)|much|most|half|"
    r"(?:a|one|two)\s+(?:third|quarter|fifth|sixth|tenth)s?|[\d.]+\s*(?:%|per\s*cent|percent)|"
    r"(?:[\d,.]+\s+)?(?:square\s+)?(?:kilomet(?:re|er)s|km|miles))\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*['’]s\s+)?"
    r"(?:(?:north|south)?(?:northern|southern|eastern|western|central|north|south|east|west)\w*\s+)?$"
    r"|\b(?:north|south)?(?:northern|southern|eastern|western|central)\s+$", re.I)
#: A subordinate clause with a subject and verb of its own, right before a date: "since it
#: captured Bakhmut", "when rebels seized the town".
_OWN_CLAUSE_BEFORE = re.compile(r"\b(?:since|when|after|before|as|while)\s+(?:it|they|he|she|we|the\s+[\w-]+|"
                                r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?"
                                r"[a-z]+(?:ed|ook|ent|an|ew|on|ught|ell)\b[^.;]*$")
_FOLLOWS = re.compile(r"\b(?:follows|followed|(?:comes|came)\s+(?:(?:days|weeks|hours|a\s+day|a\s+week)\s+)?after)\b", re.I)
_WHICH_CLAUSE = re.compile(r",\s*(?:which|that|whom)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?:had|has|have)\s+[a-z]+", re.I)
_WHERE_CLAUSE = re.compile(r",\s*where\s+(?:[\w'’-]+\s+){1,5}?(?:has\s+|have\s+|had\s+|was\s+|were\s+)?[a-z]+\b",
                           re.I)
_BUT_CLAUSE = re.compile(r"[,;]\s*but\b|\bbut\s+(?:then\s+|later\s+)?(?:(?:had|has|have|was|were)\s+)?"
                         r"(?:lost|ceded|retreated|withdrew|abandoned|fled|recaptured|retook|regained)\b", re.I)
#: A holding told in a relative clause on forces whose loss the sentence then tells: "forces
#: that held the city withdrew south" held it until they left.
_HELD_BY_THE_LOSER = re.compile(r"\b(?:that|which|who)\s+$", re.I)
_LOSS_AFTER = re.compile(r"\b(?:withdrew|retreated|fled|surrendered|abandoned|pulled\s+(?:out|back)|lost)\b", re.I)
#: A clause told as coming before the main one: "..., days after the SDF", "a week after rebels".
#: (A counted offset, "eight months after it was seized", is moved by the count instead: see
#: :func:`_offset_for`.)
_TOLD_AFTER = re.compile(r"(?<!\d\s)(?<![a-z]\s)(?:\b(?:hours|days|weeks|months|shortly|soon|just)\s+)?(?<![\w-])"
                         r"after\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}(?:had\s+)?$", re.I)
#: "after" right before a gerund trigger: "entered the city on Sunday after seizing Homs" (the
#: seizing came first, whatever word stands before "after").
_AFTER_GERUND = re.compile(r"(?<![\w-])after\s+(?:[a-z]+ly\s+)?$", re.I)
#: "has since", "have since then": a change told as coming after the date before it.
_SINCE_THEN = re.compile(r"\b(?:has|have|had)\s+since(?:\s+then)?\s+(?:[a-z]+ly\s+)?(?:been\s+)?$", re.I)
#: A second verb of taking or leaving after a trigger, which dates after it belong to.
_VERB_BETWEEN = re.compile(r"\b(?:and|then|but)\s+(?:then\s+|later\s+|also\s+)?(?:captured|seized|took|entered|overran|"
                           r"retook|recaptured|withdrew|besieged|stormed|reached|fled|abandoned|lost)\b", re.I)
#: "... and" right before a trigger: the trigger is a second verb ("overrun by IS in 2015 and
#: recaptured"), not a subject joined by "and" ("rebels and jihadists captured").
_SECOND_VERB = re.compile(r"\b(?:and|but)\s+(?:(?:then|later|again|finally|eventually|soon|was|were|is|are|has|have|had|"
                          r"been|[a-z]+ly)\s+)*$", re.I)
#: A coordinated clause with a subject and a finite verb of its own: "and several clashes have been".
_NEW_CLAUSE = re.compile(r"\b(?:and|but|while|whereas)\s+(?:[\w'’-]+\s+){1,4}?(?:have|has|had|were|was|are|is)\s")


def _date_is_the_aside(s_text: str, d: DateMention) -> bool:
    """Whether the commas around ``d`` hold nothing but it: "seized Sudzha in the first days of
    the offensive, on Aug. 15, and" is a time of the clause, no aside of its own."""
    return bool(re.fullmatch(r"\s*", s_text[s_text.rfind(",", 0, d.start) + 1:d.start])) and bool(
        re.match(r"\s*,", s_text[d.end:]))


@lru_cache(maxsize=64)
def _appositives(s_text: str) -> tuple[tuple[int, int], ...]:
    """The (comma, comma) pairs around an appositive that only says what a place is."""
    commas = [m.start() for m in re.finditer(r",", s_text)]
    # an appositive name between two commas is no aside boundary: "have controlled the
    # capital, Sanaa, since 2014" dates the control
    return tuple((a, b) for a, b in zip(commas, commas[1:])
                 if _APPOSITIVE_NAME.fullmatch(s_text, a + 1, b) and _PLACE_NOUN_BEFORE.search(s_text, 0, a)
                 # "retook Wad Madani, the capital of Gezira state, in January": what the
                 # place is, not an aside with a time of its own
                 or (_APPOSITIVE_DESCRIPTION.fullmatch(s_text, a + 1, b)
                     or _APPOSITIVE_LOCATION.fullmatch(s_text, a + 1, b))
                 and _NAME_BEFORE.search(s_text, 0, a))


@lru_cache(maxsize=64)
def _aside_commas(s_text: str) -> tuple[int, ...]:
    """The commas of a sentence that may bound an aside (looked up once per sentence)."""
    commas = [m.start() for m in re.finditer(r",", s_text)]
    appositive = {c for pair in _appositives(s_text) for c in pair}
    # a dateline's comma opens no aside: "BEIRUT, Nov 28 (Reuters) - Rebels launched ... on
    # Wednesday, seizing ..."
    dateline = _DATELINE_COMMA.match(s_text)
    if dateline is not None:
        appositive.add(dateline.end() - 1)
    return tuple(c for c in commas if c not in appositive)


def _aside_of(s_text: str, at: int) -> int:
    """The comma that opens the aside ``at`` lies in, or -1 outside any aside.

    An aside is enclosed by commas on both sides; a fronted phrase ("On Sunday, rebels ...")
    or the last stretch of a sentence is not one, unless a relative pronoun opens it ("...
    recaptured Lashio from the MNDAA, which seized it last August": the date is the seizure's).
    """
    commas = _aside_commas(s_text)
    before = [c for c in commas if c < at]
    after = [c for c in commas if c >= at]
    if before and not after and _RELATIVE_OPENS.match(s_text, before[-1]):
        return before[-1]
    return before[-1] if before and after else -1


#: The noun an appositive name renames: "the capital, Sanaa," (not a list: "Saraqeb, Maarat al-Numan,").
_PLACE_NOUN_BEFORE = re.compile(r"\b(?:capital|city|town|port|village|province|region|stronghold|base)\s*$", re.I)
_APPOSITIVE_NAME = re.compile(r"\s*(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+){0,3}\s*")
_APPOSITIVE_DESCRIPTION = re.compile(
    # (what a side holds there describes the place too: "Tarhuna, their last stronghold in
    # western Libya, in June 2020", "El Fasher, the last army stronghold in the region, since May")
    r"\s*(?:the|a|an|its|their|his|her|(?-i:[A-Z])[\w'’-]*['’]s)\s+(?:[a-z][\w'’-]*\s+){0,3}(?:capital|city|town|village|seat|hub|centre|center|port|province|"
    r"state|region|district|birthplace|heartland|cradle|gateway|home|stronghold|bastion|garrison|outpost)(?:\s+(?:of|in)\s+(?:the\s+)?(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)?\s*"
    # "Lalibela, home to 12th-century rock-hewn churches,", "The MNDAA, part of the Three
    # Brotherhood Alliance,"
    r"|\s*(?:(?:home|host)\s+to|(?:a\s+)?part\s+of|a\s+member\s+of|one\s+of)\s+[^,;.]{3,80}")
#: Where a place lies, set off by commas after its name: ", near Orikhiv,", ", 20km north of Hama,".
_APPOSITIVE_LOCATION = re.compile(
    r"\s*(?:(?:about|some|just|roughly)\s+)?(?:[\d.,]+\s*(?:km|kilomet(?:re|er)s|miles)\s+)?"
    r"(?:near|outside|close\s+to|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of)"
    r"\s+(?:the\s+(?:city|town|capital|village)\s*|the\s+(?:[\w-]+\s+)?(?:border|frontier|coast|front\s*line|dam|"
    r"river|lake|airport|base)\s*|"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s*)")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*$")
_RELATIVE_OPENS = re.compile(r",\s*(?:which|who|whom|whose)\b", re.I)


def _attribution(s_text: str, trig_at: int) -> str | None:
    # the speech verb nearest before the trigger speaks for it: "Rebels said they captured
    # Hama, but the army said it still holds the city" (the holding is the army's word); one
    # inside a relative clause speaks for that clause ("The army said rebels, who residents
    # said were foreign fighters, captured Hama"), one inside a parenthesis for the trigger
    # ("Russian forces, Ukraine's military said, captured Kurakhove")
    spoken = [m for m in _SPEECH.finditer(s_text) if m.start() < trig_at and _speaks_for(s_text, m, trig_at)]
    if spoken:
        m = spoken[-1]
        verb = m.group(0).strip()
        segment = s_text[spoken[-2].end() if len(spoken) > 1 else 0:m.end()]
        parts = re.split(r"[,;]", segment)
        bare_verb = parts[-1].strip().lower() == verb.lower()
        if len(parts) >= 3 and bare_verb and _SPEAKER_WORDS.fullmatch(parts[-3].strip(" \"'“”")):
            # "the army, citing field commanders, said": the speaker stands before the aside
            lead = parts[-3] + " " + verb
        elif len(parts) > 1 and not bare_verb:
            # the clause of the verb, not the claim told before it: "Russian forces, Ukraine's
            # military said, ..."; '"We have taken Hama," a rebel commander said'
            lead = parts[-1]
        else:
            lead = segment
        opener = _SUBJECT_SPEAKS.match(s_text, 0, m.start())
        if verb.lower() in _SPEAKING_PARTICIPLES and opener is not None:
            # "The army denied reports that ..., saying its forces still held the city": the
            # sentence's subject says it
            lead = opener.group("subject") + " said"
        lead = re.split(r"\s[-—–]\s|—", lead)[-1]  # (not the dateline: "KHARTOUM, Sudan (AP) — The army said")
        attributed = re.sub(r"^(?:and|but|while|whereas)\s+", "",
                            " ".join(lead.split()).strip(" ,\"'“”"), flags=re.I)
        if m.group(0).lower().startswith("according"):
            tail = re.match(r"\s+([^,.;]+)", s_text[m.end():])
            attributed = "according to " + " ".join(tail.group(1).split()) if tail else attributed
        if attributed.lower() != verb.lower():
            return attributed  # (a verb with no speaker before it names no one)
    tail = _SPEAKER_TAIL.search(s_text, trig_at)
    if tail:
        return " ".join(tail.group(1).split())
    return None


_SPEAKING_PARTICIPLES = frozenset(("saying", "adding", "insisting", "stressing", "claiming"))
#: A sentence's subject and its first verb of speech or denial: "The army denied", "Kyiv said".
_SUBJECT_SPEAKS = re.compile(r"\W*(?P<subject>(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+"
                             r"(?:denied|dismissed|rejected|said|says|claimed|announced|insisted|reported|told)\b", re.I)
#: An aside that opens with a relative pronoun (its speech verbs speak for it).
_IN_RELATIVE = re.compile(r",\s*(?:who|which|that|whom|whose)\b", re.I)


def _speaks_for(s_text: str, m: re.Match[str], trig_at: int) -> bool:
    """Whether the speech verb ``m`` speaks for the trigger at ``trig_at``: not from inside a
    relative clause, nor across a "but" ("The army said it had retaken the city, but RSF
    fighters still hold ..."), nor from an aside closing the clause before a coordinated one
    ("The RSF captured Bara, residents said, and the army still holds El Obeid")."""
    if _in_relative(s_text, m.start()) or re.search(r"[,;]\s*but\b", s_text[m.end():trig_at]):
        return False
    if _aside_of(s_text, m.start()) >= 0:
        close = s_text.find(",", m.end())
        if 0 <= close < trig_at and re.match(r",\s*(?:and|but|while|whereas)\b", s_text[close:]):
            return False
    return True


def _in_relative(s_text: str, at: int) -> bool:
    """Whether ``at`` lies in an aside that opens with a relative pronoun."""
    aside = _aside_of(s_text, at)
    return aside >= 0 and _IN_RELATIVE.match(s_text, aside) is not None
#: A speaker's noun phrase: "but the army", "a rebel commander", "Ukraine's military".
_SPEAKER_WORDS = re.compile(r"(?:(?:and|but|while)\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,4}[\w'’.-]+", re.I)


#: A speaker closing the sentence: "..., the defence ministry claimed", "..., Kyiv said", but
#: not the verb of a clause of its own ("... and said the city was calm").
_SPEAKER_TAIL = re.compile(
    # (no subordinate clause of its own in the speaker's words: "entered Kherson on Friday after
    # Russia said it had completed the withdrawal" is Ukraine's deed, told by no one)
    r"(?:,\s*|\s)((?!and\b|but\b|it\b|he\b|she\b|they\b)(?:(?!(?:after|before|when|since|because|while|until|as|"
    r"once|following)\b)[\w'’-]+\s+){1,8}?"
    r"(?:said|says|reported|told\s+\w+|claimed|claims|announced|confirmed|acknowledged|admitted|stated|added)"
    # (closing the sentence, not opening a reported clause of its own: "... after Russia said it
    # had completed the withdrawal")
    r"(?!\s+(?:that|it|they|he|she|we|its|their)\b)"
    r"|according\s+to\s+[^,.;]+)[\s\w,.'’-]*[.\"”]?$")


#: "ever since", "since then": a state from the date told before, to the report.
_EVER_SINCE = re.compile(r"\b(?:ever\s+since|since\s+then)\b(?!\s+(?:the|a|an|\d|[A-Z]))", re.I)
#: A clause of its own between a trigger and a date after it: a perfect verb or a relative pronoun.
_OWN_VERB_BETWEEN = re.compile(r"\b(?:had|has|have)\s+(?:[a-z]+ly\s+)?(?:been\s+)?(?:[a-z]+ed|held|taken|won|run|kept)\b|"
                               r"\b(?:which|who|where)\b", re.I)


def _make_event(article: Article, sentence: Sentence, trig: _Trigger, m: re.Match[str], actor: _ActorPart,
                place: _PlacePart, dates: list[DateMention], context: _Context) -> ControlEvent:
    if place.when is not None:
        when, until = place.when, None  # "... and Homs on Saturday": the place's own date
    else:
        when, until = _pick_dates(dates, m.start(), trig.change, sentence.text, m.end())
    relation, change = "on", trig.change
    carried = _offset_across(article, sentence, m, context) if when is None and until is None else None
    echo = (_earlier_gain(context, place) if carried is None and trig.voice == "noun" and when is None
            and until is None else None)
    date_notes: tuple[str, ...] = ()
    counted = False  # the date was moved by a count told in the sentence
    if carried is not None:
        # "... in March 2022. Eight months later, Ukraine retook the city"
        day, precision, date_text, date_notes = carried
    elif echo is not None and echo.date_precision != "on-or-before-publication":
        # "the fall of Ouadi Doum", undated, names the capture told before: it happened then
        day, precision, date_text = echo.date, echo.date_precision, echo.date_text
    elif when is not None:
        day, precision, date_text = when.date, when.precision, when.text
        told_from = _offset_for(sentence.text, m.start(), m.end(), when) if place.when is None else None
        if told_from is not None:
            # "Bukavu fell on Sunday, two weeks after the fall of Goma": Goma fell two weeks before
            day, precision = _moved(when.date, when.precision, offset_sign(told_from.group("way"))
                                    * count_value(told_from.group("n")), told_from.group("unit"))
            date_text = f"{when.text}, {' '.join(told_from.group(0).split())}"
            counted = True
        elif when.end <= m.start() and (closing := _closing_offset(sentence.text, m.end())) is not None:
            # "seized Kherson in March 2022, and Ukraine retook the city eight months later":
            # the date told before the trigger is where the count starts
            day, precision = _moved(when.date, when.precision, closing[1], closing[2])
            date_text = f"{when.text}, {closing[3]}"
            counted = True
        since = when.relation == "since" or re.search(r"\bsince\b[^.;,]*$", sentence.text[max(0, when.start - 70):when.start])
        others = bool(since and when.start > m.end() and change != "holds"
                      and _OWN_VERB_BETWEEN.search(sentence.text, m.end(), when.start))
        if others:
            # "has recaptured Sudzha, the largest town Ukrainian troops had held ... since
            # August": the "since" dates the relative clause's holding, not the recapture
            day, precision, date_text = ((article.published, "on-or-before-publication", None)
                                         if article.published is not None else (None, "unknown", None))
            since = False
        if (since and change in ("captured", "retook") and when.start > m.start()
                and m.group(0).lower().startswith(("occup", "annex"))
                and re.search(r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?$", sentence.text[:m.start()])):
            # "Israel has occupied the Golan Heights since 1967": held since then (but not
            # "since January 2, when Chadian troops overran Fada": that dates the capture)
            change = "holds"
        if (change in ("holds", "besieged") and when.end <= m.start()
                and _EVER_SINCE.search(sentence.text, m.end(), min(len(sentence.text), m.end() + 60))):
            # "seized Gaza in 2007 and has controlled it ever since": held since the date before
            since = True
        relation = "since" if (change in ("holds", "besieged") and since) else (
            "before" if when.relation == "before" else "after" if when.relation == "after" else "on")
        if (relation == "on" and change != "holds" and when.start > m.end() and not others
                and (when.relation == "since" or re.search(r"\bsince\b", sentence.text[m.end():when.start]))
                and re.search(r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?$", sentence.text[:m.start()])):
            # "the junta has lost control of large parts of Shan since ... October 2023": the
            # losses came on or after that date, not on it
            relation = "after"
        if (relation == "on" and change != "holds" and when.end <= m.start() and not counted
                and _SAID_WHEN_BEFORE.search(sentence.text, max(0, when.start - 60), when.start)
                and _THAT_PERFECT.match(sentence.text, when.end, m.start())):
            # "Burhan said in a televised address on Monday that his forces had withdrawn": the
            # day of the saying, which the withdrawal came on or before
            relation = "before"
            date_notes += (f"on or before {when.text}: the day it was said, not told as the day it happened",)
        if relation == "on" and change != "holds" and when is _said_on(sentence.text, m.end(), [when]):
            # "Russian forces have captured Kurakhove, the ministry said on Friday": the day of
            # the saying, which the capture came on or before
            relation = "before"
            date_notes += (f"on or before {when.text}: the day it was said, not told as the day it happened",)
    elif until is not None:
        day, precision, date_text, relation = until.date, until.precision, until.text, "before"
    elif change != "holds" and (said := _said_on(sentence.text, m.end(), dates)) is not None:
        # "Russian forces have captured Kurakhove, Russia's defence ministry said on Friday":
        # the saying gives no date of the capture, only a day it had happened by
        day, precision, date_text, relation = said.date, said.precision, said.text, "before"
        date_notes += (f"on or before {said.text}: the day it was said, not told as the day it happened",)
    elif article.published is not None and (counted_back := _undated_offset(sentence.text, m.start())) is not None:
        # "has regained Wad Madani ... more than a year after it fell to the RSF": the main
        # clause is undated (on or before the publication), so the fall came at least that
        # long before the publication
        n, unit, words = counted_back
        day, precision, date_text, relation = _calendar_back(article.published, n, unit), "day", None, "before"
        date_notes += (f"before {day.isoformat()}: told as {words} a change dated on or before the publication",)
    elif article.published is not None:
        day, precision, date_text = article.published, "on-or-before-publication", None
    else:
        day, precision, date_text = None, "unknown", None
    if until is not None and when is not None and when is until:
        relation = "before"
    if (day is not None and article.published is not None and day > article.published
            and date_text is not None and date_text not in sentence.text and relation != "before"):
        # a date counted from another cannot come after the report: a count from the wrong
        # date ("Eight months later" after a date two months old); a date written out stays
        # as written (a composed date_text is not the sentence's own words)
        date_notes = (f"{date_text or 'its date'} would be {day.isoformat()}, after the publication: "
                      "dated on or before the publication instead",)
        day, precision, date_text, relation = article.published, "on-or-before-publication", None, "on"
    until_day, until_precision = (until.date, until.precision) if until else (None, None)
    if (change == "holds" and relation == "on" and day is not None
            and (date_text is None or when is not None and when.start > m.end())
            and (_PLUPERFECT.search(sentence.text, max(0, m.start() - 30), m.start())
                 or _HELD_BY_THE_LOSER.search(sentence.text, max(0, m.start() - 12), m.start())
                 and _LOSS_AFTER.search(sentence.text, m.end()))
            and not _STILL_HOLDS.search(sentence.text, m.end())):
        # "Hezbollah had controlled much of southern Lebanon": a holding over by the time of
        # the report, ended on or before it (the text does not say when); "forces that had
        # held Homs for a decade withdrew on Saturday": over by the date the sentence tells
        relation, until_day, until_precision = "before", day, precision
    confidence = actor.confidence * (0.8 if place.place is None else 1.0) * (0.9 if place.anchor else 1.0)
    told_after = None
    if relation == "on":
        told_after = _TOLD_AFTER.search(sentence.text, max(0, m.start() - 60), m.start())
        if told_after is None and not counted and m.group(0).lower().endswith("ing"):
            told_after = _AFTER_GERUND.search(sentence.text, max(0, m.start() - 30), m.start())
    if told_after is not None and (date_text is None and precision == "on-or-before-publication"
                                   or when is not None and when.end <= told_after.start()):
        main = [d for d in dates if d.end <= told_after.start() and d.precision in _TEXT_PRECISIONS]
        if main:
            # "HTS-led forces entered Deir el-Zor on Wednesday, days after the SDF took over the
            # city": the SDF's taking was before Wednesday
            day, precision, date_text, relation = main[-1].date, main[-1].precision, main[-1].text, "before"
            date_notes += (f"before {main[-1].text}: told as coming first ({told_after.group(0).strip()})",)
    undated = _why_undated(sentence.text) if day is None else ""
    if date_text is None and day is not None and precision == "on-or-before-publication":
        # "recaptured Andriivka on 30 February": say why the date written was not used
        date_notes += tuple(f"{bad.text!r} is {'a date after the publication' if bad.after_publication else 'no calendar date'} "
                            f"({bad.reason}): dated on or before the publication instead"
                            for bad in invalid_dates(sentence.text, article.published))
    notes = tuple(n for n in (place.note, undated, *date_notes) if n)
    return ControlEvent(
        start=sentence.start, end=sentence.end, sentence=sentence.text, source=article.source,
        change=change, actor_text=actor.text, actor=actor.actor, side=actor.side,
        place_text=" ".join(place.text.split()), place_start=place.start, place_end=place.end,
        place=place.place, anchor=place.anchor, date=day, date_precision=precision, date_text=date_text,
        date_relation=relation, until=until_day, until_precision=until_precision,
        attributed_to=_attribution(sentence.text, m.start()), trigger=" ".join(m.group(0).split()),
        trigger_start=sentence.start + m.start(), confidence=round(confidence, 2), notes=notes,
    )


#: A count the trigger is told after, with how exact it is: "more than a year after it fell".
_UNDATED_OFFSET = re.compile(r"(?:(?P<hedge>more\s+than|over|at\s+least|nearly|almost|about|some|around)\s+)?"
                             + OFFSET.pattern + r"\s+(?:[\w'’-]+\s+){0,4}$", re.I)


def _undated_offset(s_text: str, trig_at: int) -> tuple[int, str, str] | None:
    """(n, unit, words) of "N units after" right before a trigger, when the count is a floor
    ("more than a year after", "two weeks after"): a change told as coming first by at least that."""
    found = _UNDATED_OFFSET.search(s_text, max(0, trig_at - 80), trig_at)
    if found is None or found.group("way").lower() != "after" or (found.group("hedge") or "").lower() in (
            "nearly", "almost", "about", "some", "around") or re.search(r"[,;]", found.group(0)):
        return None
    words = " ".join(s_text[found.start():found.end("way")].split())
    return count_value(found.group("n")), found.group("unit"), words


def _calendar_back(day: date, n: int, unit: str) -> date:
    """``day`` moved back exactly ``n`` calendar ``unit``s (a bound, not a period: no rounding)."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day - timedelta(days=n)
    if unit == "week":
        return day - timedelta(weeks=n)
    months = day.year * 12 + day.month - 1 - (n if unit == "month" else 12 * n)
    year, month = divmod(months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


#: A verb of saying before its date: "said (in a televised address) on Monday".
_SAID_WHEN_BEFORE = re.compile(r"\b(?:said|says|announced|claimed|confirmed|acknowledged|admitted|told\s+[\w'’-]+)\b"
                               r"[^.;,]{0,40}$", re.I)
#: The reported clause after the date, up to its perfect verb: "that his forces had (withdrawn)".
_THAT_PERFECT = re.compile(r"\s+that\s+(?:[\w'’-]+\s+){1,5}?(?:had|has|have)\s+(?:[a-z]+ly\s+)?(?:been\s+)?$", re.I)
#: A verb of saying closing a sentence, right before its date: "..., the ministry said on Friday".
_SAID_BEFORE_DATE = re.compile(r"\b(?:said|says|announced|claimed|reported|confirmed|stated|acknowledged|"
                               r"admitted|told\s+(?:reporters|journalists|\w+))\s+(?:late\s+|early\s+)?$", re.I)


def _said_on(s_text: str, after: int, dates: list[DateMention]) -> DateMention | None:
    """The date of a saying told after the trigger, which bounds an undated change from above."""
    for d in dates:
        if (d.start > after and d.relation == "on" and d.precision in _TEXT_PRECISIONS
                and _SAID_BEFORE_DATE.search(s_text, max(after, d.start - 40), d.start)):
            return d
    return None


def _offset_for(s_text: str, trig_at: int, trig_end: int, when: DateMention) -> re.Match[str] | None:
    """The "N units after/before/later/earlier" the trigger is told in, from a date outside it.

    "two weeks after the fall of Goma": the trigger sits in the phrase, right after it; "a
    year later, Ukraine retook it": the trigger's clause follows the phrase and its comma.
    The date in play lies outside the phrase (before it, or after the trigger's clause).
    """
    found = _last_match(OFFSET.finditer(s_text, 0, trig_at))
    if found is None:
        return None
    gap = s_text[found.end():trig_at]
    later = found.group("way").lower() in ("later", "earlier")
    if (gap.count(",") > (1 if later else 0)) or ";" in gap or len(gap) > 60:
        return None
    clause_end = s_text.find(",", trig_end)
    inside = found.start() <= when.start < (clause_end if clause_end >= 0 else len(s_text))
    return None if inside else found


def _moved(day: date, precision: str, n: int, unit: str) -> tuple[date, str]:
    """``day``, known to ``precision``, moved by ``n`` (negative: back) ``unit``s.

    The result is never finer than either: a week from "in March 2016" is still only known to
    the month, and it is the start of its period, as a date of that precision holds.
    """
    moved, finer = shifted(day, n, unit)
    coarse = max(finer, precision, key=PRECISIONS.index)
    return period_start(moved, coarse), coarse


# --- further objects with dates of their own ----------------------------------------------

#: Voices whose actor comes from their own place or from what was told before, so that a place
#: gapped after them cannot share it ("Hama fell on Thursday": whoever besieged Hama).
_NO_GAPPING = frozenset({"fell", "participle", "retreat", "adjective"})
#: What joins a further dated object: "and", "then", ", and then", "and later", a list's comma,
#: or "including" ("seized swathes of eastern Congo this year, including Goma in January").
_DATED_JOIN = re.compile(r"(?:\s*,?\s*including\s+|\s*,\s*(?:(?:and|then)\s+(?:(?:then|later)\s+)?)?|"
                         r"\s+(?:and|then)\s+(?:(?:then|later)\s+)?)")
#: A clause boundary between a subject's trigger and the date of its clause ("Hama fell to
#: rebels on Thursday" is one clause; "Hama fell to rebels, who on Thursday" is not).
_GAPPED_BREAK = re.compile(r"[,;:.()]|\b(?:and|but|or|who|which|that|as|while|when|after|before|since|until)\b")
#: "the next day", "the following week": one unit after the date of the item before.
_NEXT_UNIT = re.compile(r"the\s+(?:next|following)\s+(?P<unit>day|week|month|year)\b", re.I)
#: What must follow a further dated object: the clause ends, or another item or an adverbial
#: begins. ("and Russia on Saturday condemned it": Russia is a subject, no object.)
_ITEM_END = re.compile(r"\s*(?:[,.;:!?)\"”]|$|(?:and|then|after|before|amid|following|as|while|when)\b)")
#: What may open a further object before its name: "the", "the town of", "the Damascus suburb of".
_ITEM_LEAD = re.compile(r"the\s+(?:(?:[\w'’-]+\s+){0,2}?(?:town|city|village|suburb|district|port|capital|"
                        r"stronghold|hub)\s+of\s+)?", re.I)
_SPACE_OR_COMMA = re.compile(r"[\s,]*")
#: An apposition between a further object and its date: ", the capital of South Kivu, ".
#: An aside that says where the object lies, between it and its date: ", about 40 km to the east, ".
_LOCATING_ASIDE = re.compile(r",\s*(?:(?:about|some|around|roughly|nearly|just)\s+)?\d[\d,.]*\s*(?:km|kilomet(?:re|er)s|miles)"
                             r"[^,;.]{0,40},\s*", re.I)
_APPOSITION_BEFORE_DATE = re.compile(r",\s*(?:the|a|an)\s+[^,.;]{1,60},\s*")
#: An offset after a further object is told from the item before it, not from an event elsewhere.
_ITEM_OFFSET_WAYS = {"later": 1, "earlier": -1}


def _dated_coordination(s_text: str, s0: int, m: re.Match[str], found: list[tuple[_ActorPart, _PlacePart]],
                        in_places: list[Place], actors: list[ActorMention],
                        dates: list[DateMention]) -> list[tuple[_ActorPart, _PlacePart]]:
    """``found``, and the further places its clause gives with dates of their own.

    "Rebels captured Hama on Thursday and Homs on Saturday": the second object shares the
    verb and its actor (the verb is gapped) but has its own date; so does "took Hama on
    Thursday, then Homs two days later", whose offset counts from Thursday; and "Hama fell to
    rebels on Thursday and Homs on Saturday", whose subject is gapped. The places of ``found``
    are then dated by the first date (the one that closes their clause). A further item must
    be a resolved place, right after the joining word, followed by its date and the end of
    the clause ("and a ceasefire on Saturday", "and Homs was shelled on Saturday" add
    nothing); a country or a place named as an actor ends the list, being more often the
    subject of a new clause ("and Syria on Saturday, in a statement, condemned it").

    Parameters
    ----------
    s_text, s0
        The sentence and its offset in the article.
    m
        The trigger's match in ``s_text``.
    found
        The (actor, place) pairs read for the trigger.
    in_places, actors, dates
        The sentence's resolved places and actor mentions (article offsets) and its date
        mentions (sentence offsets).

    Returns
    -------
    list[tuple[_ActorPart, _PlacePart]]
        ``found`` unchanged when no further dated place follows; else ``found`` with the first
        date set on its places, then one pair per further place.
    """
    if not dates or not found:
        return found
    actor, last = found[-1]
    if last.start < s0:
        return found  # a place told in an earlier sentence: no clause of this one to continue
    is_object = last.start - s0 >= m.end()
    after = max(last.end - s0, m.end())
    first = next((d for d in dates if d.start >= after), None)
    if first is None or first.relation == "until":
        return found
    gap = s_text[after:first.start]
    # the date must close the first clause: right after its object (or an aside that locates it:
    # "captured Avdiivka, about 40 km to the east, in February 2024, and Selydove in October"),
    # or after the agent of a subject
    if (gap.strip() and not _LOCATING_ASIDE.fullmatch(gap)) if is_object else (len(gap) > 60 or _GAPPED_BREAK.search(gap)):
        return found
    items: list[_PlacePart] = []
    previous, at = first, first.end
    while (join := _DATED_JOIN.match(s_text, at)) is not None:
        chain = _places_from(s_text, s0, s0 + join.end(), in_places)
        if not chain or any(p.entry.kind == "country" or any(a.start <= p.start < a.end for a in actors)
                            for p in chain):
            break
        own = _own_date(s_text, chain[-1].end - s0, dates, previous)
        if own is None or own.relation == "until" or not _ITEM_END.match(s_text, own.end):
            break
        items += [_PlacePart(p.text, p.start, p.end, p, False, when=own) for p in chain]
        previous, at = own, own.end
    if not items:
        return found
    return [(a, dataclasses.replace(p, when=first)) for a, p in found] + [(actor, p) for p in items]


def _places_from(s_text: str, s0: int, at: int, in_places: list[Place]) -> list[Place]:
    """The resolved place that starts at ``at`` (or after a "the" there), and those coordinated
    right after it ("Homs and Hama"); empty when no place starts there."""
    the = _ITEM_LEAD.match(s_text, at - s0)
    starts = (at, s0 + the.end()) if the else (at,)
    first = next((i for i, p in enumerate(in_places) if p.start in starts), None)
    if first is None:
        return []
    chain = [in_places[first]]
    for p in in_places[first + 1:]:
        if not _CONJUNCTION_GAP.match(s_text[chain[-1].end - s0:p.start - s0]):
            break
        chain.append(p)
    return chain


def _own_date(s_text: str, at: int, dates: list[DateMention], previous: DateMention) -> DateMention | None:
    """The date written right after a further object, at ``at``: a date ("Homs on Saturday"), or
    an offset from ``previous``, the date of the item before ("Homs two days later", "Homs the
    next day"); ``None`` when none is there."""
    apposed = _APPOSITION_BEFORE_DATE.match(s_text, at)
    if apposed is not None and any(d.start == apposed.end() for d in dates):
        at = apposed.end()  # "and Bukavu, the capital of South Kivu, in February"
    at = _SPACE_OR_COMMA.match(s_text, at).end()
    own = next((d for d in dates if d.start == at), None)
    if own is not None:
        return own
    offset = OFFSET.match(s_text, at)
    if offset is not None and offset.group("way").lower() in _ITEM_OFFSET_WAYS:
        n = _ITEM_OFFSET_WAYS[offset.group("way").lower()] * count_value(offset.group("n"))
        unit, end = offset.group("unit"), offset.end()
    elif (following := _NEXT_UNIT.match(s_text, at)) is not None:
        n, unit, end = 1, following.group("unit"), following.end()
    else:
        return None
    day, precision = _moved(previous.date, previous.precision, n, unit)
    words = " ".join(s_text[at:end].split())
    return DateMention(at, end, f"{previous.text}, {words}", day, precision)


# --- an offset told from an earlier sentence ----------------------------------------------

#: What may open a sentence before its offset: a quote mark, "And", "Then", "And then", "But".
_OPENING_LEAD = re.compile(r"\s*[\"“]?\s*(?:(?:and|then|and\s+then|but)\s*,?\s+)?", re.I)
#: "after that", "before this": an "after"/"before" offset that points back to what was told.
_POINTS_BACK = re.compile(r"\s+(?:that|this)\b", re.I)
#: A holding said to go on after a pluperfect one: "had held Idlib for weeks and still hold it".
_STILL_HOLDS = re.compile(r"\b(?:still|now)\s+(?:holds?|hold|held|controls?|controlled|in\s+control|occup(?:y|ies))\b",
                          re.I)
#: A pluperfect right before a trigger: "that Russia had captured", "had been seized", "had
#: long held", "had once controlled".
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:(?:[a-z]+ly|long|once|already)\s+)?$", re.I)
#: How many sentences back an offset opening a sentence looks for the date it counts from.
_OFFSET_REACH = 3
#: Precisions of dates the text gives (not the publication date's stand-in, nor unknown).
_TEXT_PRECISIONS = ("day", "week", "month", "year")


def _opening_offset(s_text: str) -> tuple[int, int, str, str] | None:
    """``(end, signed count, unit, words)`` of an offset that opens the sentence ("Eight months
    later, ...", "Then, two days after that, ..."), else ``None``.

    "Two weeks after the fall of Goma, ..." is not one: it counts from an event of its own
    sentence, which :func:`_offset_for` reads.
    """
    lead = _OPENING_LEAD.match(s_text)
    day = _day_offset(s_text, lead.end(), closing=False)
    if day is not None:
        return day  # "The next day, Russian forces took the town"
    hours = _HOURS_LATER.match(s_text, lead.end())
    if hours is not None:
        return hours.end(), _hours_as_days(hours), "day", " ".join(hours.group(0).split())
    found = OFFSET.match(s_text, lead.end())
    if found is None:
        return None
    way, end = found.group("way").lower(), found.end()
    if way in ("after", "before"):
        back = _POINTS_BACK.match(s_text, end)
        if back is None:
            return None
        end = back.end()
    sign = 1 if way in ("later", "after") else -1  # the event is that long after (before) the date told
    return end, sign * count_value(found.group("n")), found.group("unit"), " ".join(s_text[found.start():end].split())


#: "hours later", "a few hours later", "48 hours later", "minutes afterwards": a time told from
#: the date before, to the day (the count is in days when it is written in digits).
_HOURS_LATER = re.compile(r"(?:(?P<n>\d{1,3})\s+|(?:a\s+few|several|a|an|one|two|three|four|five|six|seven|eight|"
                          r"nine|ten|eleven|twelve)\s+)?(?:hours?|minutes?)\s+(?:later|afterwards)\b", re.I)
#: An offset closing the clause of a trigger: "Rebels entered the city hours later", "Ukraine
#: retook it eight months later" (not "two weeks after the fall of Goma": that counts from an
#: event of its own sentence, which :func:`_offset_for` reads).
_CLOSING_OFFSET = re.compile(r"(?P<offset>" + OFFSET.pattern + r"|" + _HOURS_LATER.pattern.replace("(?P<n>", "(?P<hours>")
                             + r")\s*(?:[,.;:!?\"”]|$)", re.I)


#: A day told from the day before it: the next one (+1) or the same one (0).
_NEXT_DAY = re.compile(r"(?:the\s+(?:next|following)\s+(?:day|morning|evening|night|afternoon)|a\s+day\s+later)\b",
                       re.I)
_SAME_DAY = re.compile(r"(?:the\s+same\s+(?:day|evening|night|afternoon)|later\s+that\s+(?:day|evening|night|"
                       r"afternoon)|that\s+(?:same\s+)?(?:day|evening|night|afternoon)|by\s+nightfall|within\s+hours)\b",
                       re.I)


def _day_offset(s_text: str, at: int, closing: bool) -> tuple[int, int, str, str] | None:
    """``(end, days, "day", words)`` of "the next day" (+1) or "the same day" (0) at ``at``
    (opening the sentence, ``closing`` false) or after it and closing its clause."""
    for pattern, days in ((_NEXT_DAY, 1), (_SAME_DAY, 0)):
        found = pattern.search(s_text, at) if closing else pattern.match(s_text, at)
        if found is None:
            continue
        if closing and not re.match(r"\s*(?:[,.;:!?\"”]|$)", s_text[found.end():]):
            continue
        if closing and _GAPPED_BREAK.search(re.sub(r"\s*,\s*$", "", s_text[at:found.start()])):
            continue  # (another clause's day)
        if not closing and not re.match(r"\s*,", s_text[found.end():]):
            continue  # ("The next day's fighting ..."; an opening day phrase ends at a comma)
        return found.end(), days, "day", " ".join(found.group(0).split())
    return None


def _hours_as_days(found: re.Match[str]) -> int:
    hours = found.groupdict().get("n") or found.groupdict().get("hours")
    return int(hours) // 24 if hours and re.search(r"hours?", found.group(0), re.I) else 0


def _closing_offset(s_text: str, after: int) -> tuple[int, int, str, str] | None:
    """Like :func:`_opening_offset`, for an offset after the trigger (at ``after``) that ends
    its clause: "... entered the city hours later.", "... retook it two months later,"."""
    day = _day_offset(s_text, after, closing=True)
    if day is not None:
        return day  # "Russian forces took the city the next day."
    found = _CLOSING_OFFSET.search(s_text, after)
    if found is None or _GAPPED_BREAK.search(re.sub(r"\s*,\s*$", "", s_text[after:found.start()])):
        return None  # ("took Hama, and Homs fell two days later": the offset dates another clause)
    words = " ".join(found.group("offset").split())
    if found.group("unit") is None:
        return found.end("offset"), _hours_as_days(found), "day", words
    if found.group("way").lower() not in ("later", "earlier"):
        return None
    sign = 1 if found.group("way").lower() == "later" else -1
    return found.end("offset"), sign * count_value(found.group("n")), found.group("unit"), words


def _offset_across(article: Article, sentence: Sentence, m: re.Match[str],
                   context: _Context) -> tuple[date, str, str, tuple[str, ...]] | None:
    """The date of an undated event whose sentence opens with an offset, counted from the event
    dated just before: "Russian forces seized Kherson in March 2022. Eight months later, Ukraine
    retook the city" (November 2022, month).

    Returns ``(date, precision, date_text, notes)``, or ``None`` when the sentence does not open
    with an offset, the trigger comes before it, or no dated event stands before it (see
    :func:`_dated_before`).
    """
    opening = _opening_offset(sentence.text)
    if opening is None or m.start() < opening[0]:
        opening = _closing_offset(sentence.text, m.end())
    if opening is None:
        return None
    if _PLUPERFECT.search(sentence.text, max(0, m.start() - 30), m.start()):
        return None  # "... retook the city that Russia had captured": before the time the offset gives
    _, n, unit, words = opening
    anchor = _dated_before(article, sentence, context)
    if anchor is None or anchor.date is None or anchor.date_text is None:
        return None
    day, precision = _moved(anchor.date, anchor.date_precision, n, unit)
    note = f"dated from an earlier sentence's date ({anchor.date_text}, {anchor.date_precision})"
    return day, precision, f"{anchor.date_text}, {words}", (note,)


def _dated_before(article: Article, sentence: Sentence, context: _Context) -> ControlEvent | None:
    """The event an offset opening ``sentence`` counts from, or ``None``.

    The nearest sentence before that gives a date decides: the sentence right before, else
    one before it in the same paragraph (no line break between the sentences), up to
    :data:`_OFFSET_REACH` back. Its last written date must be the date of one of its events,
    and that event is the anchor: in "seized Kherson in March 2022 and annexed it in September.
    Two months later, ..." September dates no event here, and counting from March would be
    wrong, so nothing is guessed. A sentence that writes no date but holds an event dated from
    its own context (an offset, "the fall of X" repeating a dated capture) anchors by that event;
    one that holds only undated events ends the search ("later" counts from the last event told,
    whose date is unknown).
    """
    later, paragraph = sentence, True
    for back in range(1, _OFFSET_REACH + 1):
        earlier = context.neighbour(-back)
        if earlier is None:
            return None
        paragraph = paragraph and "\n" not in article.text[earlier.end:later.start]
        if back > 1 and not paragraph:
            return None
        told = [e for e in context.earlier if e.start == earlier.start]
        dated = [e for e in told if e.date_precision in _TEXT_PRECISIONS]
        written = find_dates(earlier.text, article.published)
        if written:
            own = [e for e in dated if e.date_text == written[-1].text]
            return own[-1] if own else None
        if told:
            return dated[-1] if dated else None
        later = earlier
    return None


def _why_undated(s_text: str) -> str:
    """Why an event of an article without a publication date has no date: the sentence's
    relative dates ("on Thursday") need one; absolute ones ("in 2016") would have dated it."""
    relative = relative_dates(s_text)
    if relative:
        verb = "is" if len(relative) == 1 else "are"
        return (f"undated: {', '.join(repr(d) for d in relative)} {verb} relative and the article has no "
                f"publication date")
    return "undated: the sentence gives no date and the article has no publication date"


#: Between a capture and the holding told after it: the holder disputes the capture ("Rebels
#: said they captured Hama, but the army said it still holds the city", "remained in control");
#: a holding told before the capture, or beside it with no word of its own, is over ("Hama,
#: long held by the army but lightly defended, fell to rebels").
_COUNTERCLAIM = re.compile(r"\b(?:said|says|insisted|insists|denied|denies|maintained|claimed|still|"
                           r"remained|remains)\b", re.I)


#: Words that tell a holding lasted through what the sentence tells beside it.
_CONCESSIVE = re.compile(r"\b(?:throughout|even\s+as|even\s+though|even\s+when|despite|in\s+spite\s+of)\b", re.I)


#: "since" opening a clause, right before its verb: "since Hamas (seized)", "ever since the army".
_SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,4}(?:had\s+|has\s+)?$", re.I)


def _held_until_taken(events: list[ControlEvent]) -> list[ControlEvent]:
    """A holding told beside its place's capture held until the capture.

    "The RSF seized el-Fasher, the last major city in Darfur held by Sudan's army": the army
    held it before, not on the day of the report. An undated holding ("on or before the
    publication") of a place another side gains in the same sentence is read as ``before``
    that gain, ending with it (as "a rebel stronghold until it fell ... in 2016" is); so is one
    dated by the gain's own date ("seized el-Fasher on Sunday, the last city held by ...").
    """
    def where(e: ControlEvent) -> str:  # (an unnamed place is its anchor town here: "the last city ... held by")
        return e.place.entry.id if e.place is not None else e.place_key

    gains = {(e.start, where(e)): e for e in events if CHANGE_CLASS[e.change] == "gain" and e.date is not None}
    out = []
    for e in events:
        gain = gains.get((e.start, where(e)))
        if (e.change == "holds" and gain is not None and gain.side != e.side and e.trigger_start < gain.trigger_start
                and _SINCE_CLAUSE_BEFORE.search(e.sentence, 0, gain.trigger_start - e.start)):
            # "Israel has controlled the Gaza Strip's borders since Hamas seized the territory in
            # 2007": the holding began with the gain, it did not end there
            e = dataclasses.replace(e, date=gain.date, date_precision=gain.date_precision, date_text=gain.date_text,
                                    date_relation="since",
                                    notes=e.notes + (f"held since the {gain.change} told in the same sentence",))
        elif (e.change == "holds" and gain is not None and gain.side != e.side
                and e.date_text in (None, gain.date_text) and e.date_relation == "on"
                # (not a gain of ground around a town held throughout: "Hama had remained in
                # government hands throughout the war, even as rebels overran much of the
                # surrounding countryside in 2012")
                and not (gain.anchor or any(n == PART_OF_PLACE or n.startswith("the area around") for n in gain.notes))
                and not _CONCESSIVE.search(e.sentence, min(e.trigger_start, gain.trigger_start) - e.start,
                                           max(e.trigger_start, gain.trigger_start) - e.start)
                and not (e.trigger_start > gain.trigger_start
                         and _COUNTERCLAIM.search(e.sentence, gain.trigger_start - e.start, e.trigger_start - e.start))):
            e = dataclasses.replace(e, date=gain.date, date_precision=gain.date_precision, date_text=gain.date_text,
                        date_relation="before", until=gain.date, until_precision=gain.date_precision,
                        notes=e.notes + (f"held until the {gain.change} told in the same sentence",))
        elif (e.change == "holds" and gain is not None and gain.side != e.side and e.date_relation == "since"
              and e.until is None and e.date is not None and gain.date >= e.date
              and re.search(r"\bhad\s+(?:[a-z]+ly\s+)?$", e.sentence[:max(0, e.trigger_start - e.start)])):
            # "has recaptured Sudzha, the largest town Ukrainian troops had held ... since
            # August": held since August, until the recapture
            e = dataclasses.replace(e, until=gain.date, until_precision=gain.date_precision,
                                    notes=e.notes + (f"held until the {gain.change} told in the same sentence",))
        out.append(e)
    return out


def _dedupe(events: list[ControlEvent]) -> list[ControlEvent]:
    seen: set[tuple] = set()
    out: list[ControlEvent] = []
    for e in sorted(events, key=lambda e: (e.start, e.trigger_start)):
        key = (e.start, e.place_key, e.side, CHANGE_CLASS[e.change])
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
        "lat": entry.lat if entry else None, "lon": entry.lon if entry else None,
        "gazetteer_source": entry.source if entry else None, "anchor": event.anchor,
        "date": event.date.isoformat() if event.date else None, "date_precision": event.date_precision,
        "date_text": event.date_text, "date_relation": event.date_relation,
        "until": event.until.isoformat() if event.until else None, "until_precision": event.until_precision,
        "attributed_to": event.attributed_to, "trigger": event.trigger, "confidence": event.confidence,
        "sentence": event.sentence,
        # (the sentence's span again under the names places and distance claims give it)
        "sentence_start": event.start, "sentence_end": event.end,
        "notes": list(event.notes),
    }
