"""Trigger phrasings of control events and the checks on how a trigger is framed.

The trigger table (``captured``, ``fell to``, ``withdrew from``, ``X-held``...) gives each
phrasing its change and its voice; the word lists the phrasings are built from are shared
with the place and actor readers. Each trigger lists cue words; the cues are found once in
the whole text (one regex built as a tree of the cue words) so that a sentence is searched
only with the patterns whose cues it holds. Also here: whether a trigger tells something
that did not happen (vows, plans, conditionals, denials, "almost") and whether it is an
agentless passive.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import MONTHS, NUMBER_WORDS, date_spans
from .text import Sentence

#: The months as news capitalises them, for the patterns that must not take them for names.
_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
#: Counts written out ("one" to "twelve"), for the patterns of counted places and deadlines.
_NUMBER_WORDS = "|".join(NUMBER_WORDS)
#: Armed men named as a body, as the subject or object of a move ("its troops", "the forces").
_FORCE_NOUNS = r"troops|forces|soldiers|units|fighters"
#: What a side pulls out of a place: its men, and its formations and tanks ("withdrew a
#: division from", "pulled its tanks out of").
_WITHDRAWN_NOUNS = _FORCE_NOUNS + r"|tanks|division|brigades?|battalions?|personnel|contingent"


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
    ``owned``: place before as a possessive, actor the one told taking it before ("the city's fall").
    ``admitted``: a loss admitted with no place ("Hemedti admitted the loss"), actor before, the
    place the one told lost (or taken from it) before.

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
    # 'the city was "100%" back in their grip', "Gaza remains in Hamas's grip"
    ("holds", "under", "grip",
     r"\b(?:(?:still|back|firmly|now)\s+)?in\s+(?P<adj>[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:firm\s+|tight\s+|iron\s+)?grip\b"
     r"(?!\s+(?:of|on)\b)"),
    ("captured", "to", "fall fell came comes come",
     r"\b(?:fell|falls|fallen|falling)\s+(?:back\s+|(?:completely|entirely|fully|quickly|swiftly|easily|finally|"
     r"again)\s+)?to\b|\b(?:fell|falls|fallen|came|comes|come)\s+(?:in)?to\s+the\s+"
     r"hands\s+of\b|\b(?:fell|falls|fallen|came|comes|come)\s+under\s+the\s+(?:full\s+)?control\s+of\b"),
    # "Kidal was the first regional capital to fall to the rebels": the infinitive tells a fall
    # that happened only after an ordinal or a superlative ("the latest town to fall to"); a
    # bare "to fall to" is as often an aim or a fear ("is expected to fall to")
    # (the ordinal is checked in :func:`_read_trigger`, see _ORDINAL_TO)
    ("captured", "to", "fall",
     r"(?<=\sto\s)fall\s+(?:to|in(?:to)?\s+the\s+hands\s+of)\b"),
    # "Hama fell into rebel hands", "Hama came under rebel control": taken by the adjective's side
    ("captured", "under", "fell falls fallen came comes come",
     r"\b(?:fell|falls|fallen|came|comes|come)\s+(?:into|under)\s+(?P<adj>(?!the\b)[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
     r"(?:hands|control)\b"),
    # "Kherson is returning to Ukrainian control", "the town returned to government hands":
    # the adjective's side has it back
    ("retook", "under", "return returned returning returns",
     r"\b(?:return|returns|returned|returning)\s+to\s+(?P<adj>(?!the\b)[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
     r"(?:hands|control)\b"),
    # "Goma's capture by M23", "Aleppo's fall to the rebels"
    ("captured", "by", "capture seizure takeover fall",
     r"(?:['’]s\s+|(?<=\bits\s))(?:capture|seizure|takeover)\s+by\b|(?:['’]s\s+|(?<=\bits\s))fall\s+to\b"),
    # "Kherson's liberation by Ukrainian troops": a retaking, as "the liberation of" is
    ("retook", "by", "liberation recapture",
     r"(?:['’]s\s+|(?<=\bits\s))(?:liberation|recapture)\s+by\b"),

    ("captured", "to", "lost ceded surrendered",
     # ("Kidal was lost to the rebels": the rebels took it; "X lost Y to Z" is active, read by "lost")
     r"(?:(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbeen\s)|(?<=\bbeing\s))(?:lost|ceded|surrendered)\b(?=[^.;]{1,80}?\bto\s+(?:the\s+)?[\w'-]+\s+(?:forces|troops|army|rebels|fighters|militia))"
     r"|\b(?:lost|ceded|surrendered)(?=(?:,[^,.;]{1,60},)?\s+(?:(?:in|on|during|last|this|earlier)\s+(?:[\w-]+\s+){1,2})?to\s+(?:the\s+)?[\w'-]+\s+(?:forces|troops|army|rebels|fighters|militia))"),
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
    # "Israel's control of the Rafah crossing", "Hamas's grip on Gaza": the owner holds the place
    ("holds", "noun", "control grip",
     r"(?<=['’]s\s|s['’]\s)(?:(?:full|effective|total|complete|continued|tight|firm|de\s+facto)\s+)?"
     r"(?:control\s+(?:of|over)|grip\s+on)\b"),
    # "Rebels seized Homs. The city's fall opened the road": a gain named by its place's
    # possessive, with no agent, repeats the gain of the place told before (else nothing)
    # ("Its capture is a serious blow to the army": "it" is the place)
    ("captured", "owned", "fall capture seizure takeover",
     r"(?:(?<=['’]s\s)|(?<=\b(?-i:[Ii])ts\s))(?:fall|capture|seizure|takeover)\b(?!\s+(?:by|to|of|on|in|at)\b)"),
    ("retook", "owned", "liberation recapture",
     r"(?<=['’]s\s)(?:liberation|recapture)\b(?!\s+(?:by|to|of|on|in|at)\b)"),
    # "RSF leader Hemedti admitted the loss in an audio statement": the loss told before
    ("lost", "admitted", "loss",
     r"\b(?:admitted|admits|acknowledged|acknowledges|conceded|concedes|confirmed|confirms|mourned|regretted)\s+"
     r"(?:the|its|their|his)\s+(?:(?:painful|heavy|bitter|humiliating)\s+)?loss\b(?!\s+of\b)(?!['’])"),
    # "acknowledged the loss of the town": the loser is the subject, or the owner ("Russia's loss of")
    # (not "the loss of life in Homs", "the loss of contact with": no ground lost)
    ("lost", "noun", "loss",
     r"\b(?:the\s+)?loss" + _NOUN_DATE + r"\s+of\b(?!\s+(?:(?:civilian|human|innocent)\s+)?(?:life|lives|men|soldiers|troops|"
     r"personnel|equipment|power|face|momentum|confidence|contact|communications?|electricity|income|jobs|access|"
     r"support|faith|hope|blood|limbs?)\b)"),
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
    # "Ukrainian troops are still holding out in pockets of Bakhmut": holding on to (part of) it
    # (the present only: "held out in Mariupol for 80 days" is over)
    ("holds", "active", "holding hold",
     r"\b(?:holding|hold|holds)\s+out\s+(?:in|inside)\b"),
    # "Ukrainian troops are holding their positions in Vovchansk"
    ("holds", "active", "holding hold held",
     r"\b(?:holding|hold|holds|held)\s+(?:on\s+to\s+)?(?:their|its|his)\s+(?:[\w-]+\s+)?(?:positions?|ground|lines?)"
     r"\s+(?:in|inside|around)\b"),
    # "the army dominates the north, east, and parts of Khartoum" (the present: "dominated the
    # headlines" is no ground, and the object must be a place)
    ("holds", "active", "dominate",
     r"\b(?:dominates|dominate)\b(?=\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|"
     r"central|much|most|parts|large|swathes|areas|city|town|capital|region|province)\b|(?-i:[A-Z])))"),
    ("holds", "active", "dominant",
     r"\b(?:the\s+)?dominant\s+force\s+in\b"),
    ("holds", "active", "control",
     r"\b(?:(?:maintained|maintain|maintains|kept|keep|keeps|keeping|retained|retain|retains|has|have|had|in|in\s+full|in\s+effective|exert|exerts|exercised?)\s+)control\s+(?:of|over)\b"),
    # "Russia claims full control of Avdiivka": a side's claim to hold the place now
    ("holds", "active", "claim",
     # (in scare quotes too: "Russia Claims 'full Control' Of Ukraine's Avdiivka")
     r"\b(?:claims|claimed|claiming|claim)\s+[\"'“‘]?(?:(?:full|total|complete|effective)\s+)?control[\"'”’]?\s+"
     r"(?:of|over)\b"),
    # a headline in Title Case: "Houthi Militants Control Sana'a" (capitalised names up to the
    # headline's end; in running text a capitalised "Control" is a name's: "Air Traffic Control")
    ("holds", "active", "control",
     r"(?<=(?-i:[a-z])\s)(?-i:Controls?)(?=(?:\s+(?-i:[A-Z])[\w'’-]*)+\s*$)"),
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
    ("withdrew", "active", "forced pushed driven expelled ousted dislodged chased kicked thrown ejected",
     # (not "were pushed back from the hills": repelled from what they attacked, never held)
     r"\b(?:was|were|been|being|are|is|got|get)\s+(?:[a-z]+ly\s+)?(?:(?:forced|pushed|driven|expelled|ousted|"
                          r"dislodged|chased|kicked|thrown|ejected)\s+out\s+of|(?:expelled|ousted|dislodged|driven|ejected)\s+from)\b"),
    # "visited newly-captured areas": the captor goes unsaid, it is whoever the article has
    # been telling of taking ground
    ("captured", "participle", "newly recently freshly",
     r"\b(?:newly|recently|freshly)[\s-]+(?:captured|seized|taken|won|occupied|liberated|gained|conquered)\b"),
    # (with the headline's present tense: "Sudan army retakes Um Rawaba")
    # "The TPLF has now reassumed control of Tigray's regional capital"
    ("retook", "active", "reassum resum reassert re-establish restored",
     r"\b(?:reassumed|reassumes|resumed|resumes|reasserted|reasserts|re-established|re-establishes|restored|restores)\s+"
     r"(?:(?:full|its|their|total|complete)\s+)?control\s+(?:of|over)\b"),
    # "residents witnessed the return of rebel troops to the city": the force came back in
    ("entered", "adjective", "return",
     r"\breturn\s+of\s+(?P<adj>(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:troops|forces|soldiers|fighters|rebels|militants|"
     r"army))\s+(?:to|in|into)\b"),
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
    # (in scare quotes too: 'declared the port city "liberated"'; the cues are the participles,
    # which every match holds in its lookahead)
    # ("declared the capital Damascus 'free'", "We declare the city free from the tyrant": free
    # of its holders, as liberated; the cue "free" also covers "freed")
    ("retook", "active", "liberated free recaptured",
     r"\b(?:declared|declares|declaring|declare|proclaimed|proclaims|pronounced)\b(?=\s+(?:the\s+(?:[\w-]+\s+){0,4}[\w-]+|"
     r"(?:(?:capital|city|town)\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})\s+[\"'“‘]?"
     r"(?:fully\s+|completely\s+|officially\s+)?[\"'“‘]?(?:liberated|freed|free|recaptured)\b(?!\s+(?:to|of)\b))|"
     # a headline's "Yemen's government says Aden 'liberated' from Houthis": the speaker's claim
     # to have retaken it (the quotes mark the word as the speaker's; "said the army
     # recaptured" has a subject of its own)
     r"\b(?:says|said)\b(?=\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}\s+[\"'“‘](?:liberated|freed)\b)"),
    ("captured", "active", "captur seiz overr occup liberat conquer took taken take taking gained won secur freed frees",
     r"(?<![\w-])(?:captured|capture|captures|capturing|seized|seize|seizes|seizing|overran|overrun|overruns|overrunning|"
     r"occupied|(?-i:OCCUPY)|liberated|liberates|liberating|conquered|conquers|took|taken|take|takes|taking|gained|"
     # ("a counter-offensive that also freed Izium": a town freed is liberated; people freed
     # are no place, and "freed from" tells who was freed)
     r"won(?!['’])|secured|secures|securing|(?:freed|frees)(?!\s+(?:from|of|by|up)\b))\b"),
    # "Russian forces have taken up positions in Senaki", "Syria sent troops into Lebanon": a
    # force set down in a place, which it entered (before "taken", a taking of its own)
    ("entered", "active", "positions sent send dispatch",
     r"\b(?:took|taken|take|takes|taking)\s+up\s+(?:(?:new|defensive|forward)\s+)?positions?\s+(?:in|inside|around)\b|"
     r"\b(?:sent|sends|send|sending|dispatched|dispatches|dispatching)\s+(?:(?:its|their|his|the|more|some|[\d,]+|"
     r"thousands\s+of|hundreds\s+of|ground)\s+){0,3}(?:troops|forces|soldiers|tanks|units)\s+into\b"),
    ("entered", "active", "enter march move moving swept sweeps roll push advanc forced storm broke broken breaks crossed returned walked drove poured stream surged deployed",
     r"\b(?:entered|enter|enters|entering|returned\s+to|returned\s+into|marched\s+into|marches\s+into|walked\s+into|drove\s+into|"
     r"poured\s+into|(?:streamed|streaming|surged|surging)\s+into|(?:moved|moves|move|moving)\s+into|swept\s+into|sweeps\s+into|rolled\s+into|rolls\s+into|"
     r"(?:pushed|pushes)\s+(?:deeper\s+|further\s+)?into|(?:advanced|advances)\s+(?:deeper\s+|further\s+)?into|advancing\s+into|"
     r"forced\s+their\s+way\s+into|stormed|storms|storm(?=\s+(?-i:[A-Z]))|(?:broke|broken|breaks)\s+into|"
     r"crossed\s+(?:the\s+(?:[\w-]+\s+)?border\s+)?into|(?<!been\s)(?<!troops\s)deployed\s+(?:in|into|to)(?=\s+(?-i:[A-Z]))|"
     # ("US troops deployed in Syria" is a noun phrase; "troops deployed in Khiam on Wednesday" a deed)
     r"(?<=troops\s)deployed\s+(?:in|into|to)(?=\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:on\s+\w+day|"
     r"overnight|yesterday|today|last\s+\w+|earlier\s+\w+|early\s+on|late\s+on)\b))\b"),
    # "RSF fighters were at the centre of Wad Madani", "M23 rebels were seen in the centre of
    # Bukavu": armed men present inside a town got in (only after an armed subject, see
    # _PRESENCE_SUBJECT in events.py: "residents were in the city" is no entry)
    ("entered", "active", "was were",
     r"\b(?:was|were)\s+(?:(?:now|already|reportedly|also|still|finally)\s+)?(?:(?:seen|spotted|filmed|pictured|"
     r"photographed|reported)\s+)?(?:in|inside|at)\b(?=\s+(?:the\s+(?:(?:very|city|town)\s+)?(?:centre|center|heart|"
     r"middle|streets|gates)\s+of\s+|(?:the\s+)?(?:city|town|village|capital)\b|(?-i:[A-Z])))"),
    # "Videos posted by RSF fighters showed them inside the city": the men filmed in a town got in
    ("entered", "active", "show",
     r"\b(?:show|showed|shows|showing|shown)\s+(?:them|(?:its|their|the\s+group['’]s|the)\s+(?:[\w-]+\s+)?"
     r"(?:troops|forces|fighters|soldiers|men))\s+(?:inside|in|at|entering|in\s+the\s+streets\s+of)\b"),
    # "his forces had left El Fasher": armed men leaving a town (only after a force noun, see
    # _read_trigger: "the envoy left Kyiv" is no withdrawal)
    ("withdrew", "active", "left leave",
     r"\b(?:left|leave|leaves)\b(?=\s+(?:the\s+(?:city|town|village|capital|area)\b|(?-i:[A-Z])|"
     # "days after Israeli soldiers left positions around the town"
     r"(?:their\s+|its\s+)?positions\s+(?:in|around|near|at|inside|on)\b|"
     # "army and police forces left their positions", "officials had left their posts": their
     # own posts given up, in the town the text names around them
     r"(?:their|its)\s+(?:positions|posts|bases|barracks)\b(?!\s+(?:to|for)\s)))"),
    # "have been leaving for northwestern Syria from eastern Ghouta": leaving is a withdrawal only with "from"
    ("withdrew", "active", "leaving left",
     r"\b(?:leaving|left)\s+(?:for\s+[^.;,]{1,40}?\s+)?from\b"),
    ("withdrew", "active", "withdr pull retreat fled flee abandon evacuat redeploy reposition",
     r"(?<![\w-])(?:withdrew|withdrawn|withdrawing|withdraws|withdraw|pull(?:ed|s|ing)?(?=\s+(?:(?:its|their|his|the|some|all|most|remaining|[\w-]+th)\s+){0,3}"
     rf"(?:{_WITHDRAWN_NOUNS})\s+(?:out|back)\s+(?:of|from)\b)|"
     # ("the army reportedly began retreating to its outskirts": not "attacked retreating troops")
     r"(?:(?<=began\s)|(?<=begun\s)|(?<=started\s)|(?<=were\s)|(?<=was\s)|(?<=are\s)|(?<=is\s))retreating(?!\s+from\b)|"
     r"pulled\s+out\s+of|pulls\s+out\s+of|pulling\s+out\s+of|pulled\s+out\s+from|pulled\s+back\s+from|retreated\s+from|retreating\s+from|retreats?\s+from|pull\s+out\s+of|pull\s+back\s+from|(?:pulled|pulls|pulling|pull)\s+(?:out|back)(?!\s+(?:of|from)\b)|retreated(?!\s+from\b)|fled|flee|flees|fleeing|abandoned|abandons|abandoning|evacuated|evacuating|evacuate|(?:redeployed|redeploying|repositioned)\s+(?:its|their|his|the)\s+(?:[\w-]+\s+)?(?:troops|forces|units)\s+(?:outside|out\s+of|away\s+from))\b"),
    # "the hurried Libyan evacuation", "the army's withdrawal from Kherson": a withdrawal named
    # as a noun, its actor the adjective; without "from X" it left the place told before
    # "the withdrawal of Ethiopian government troops", "after the retreat of the army's forces":
    # the force after "of" withdrew (before the adjective's form, which would read "the")
    ("withdrew", "retreat", "evacuation withdrawal retreat pullout pull-out",
     r"\b(?:evacuation|withdrawal|retreat|pull-?out)\s+of\s+(?P<adj>(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)"
     r"(?:[\w'’-]+\s+){0,2}?(?:troops|forces|soldiers|units|fighters|army|militants|rebels|garrison))\b"),
    ("withdrew", "retreat", "evacuation withdrawal retreat pullout pull-out",
     # (a manner word may come between: "Israel's partial withdrawal from Khan Younis")
     r"\b(?P<adj>[\w'’-]+)\s+(?:(?:partial|full|complete|total|hasty|hurried|phased|gradual|sudden|orderly)\s+)?"
     r"(?:evacuation|withdrawal|retreat|pull-?out)\b"),
    # (the gerund only in a clause of time, which tells it done: "a year after losing it to the
    # RSF"; "are losing ground" is under way)
    ("lost", "active", "lost loses ceding ceded cedes losing",
     r"\b(?:lost\s+control\s+of|loses\s+control\s+of|lost|loses|ceding|ceded|cedes|"
     r"(?<=after\s)losing|(?<=since\s)losing|(?<=before\s)losing)\b"),
    ("besieged", "active", "besieg surround encircl blockade siege trapped",
     r"\b(?:besieged|besieging|besiege|besieges|surrounded|surrounds|encircled|encircles|encircling|blockaded|blockades|"
     r"(?:laid|lay|lays|laying)\s+siege\s+to|"
     # (the progressive only: "the surrounding villages" is an adjective)
     r"(?:(?<=was\s)|(?<=were\s)|(?<=is\s)|(?<=are\s)|(?<=been\s))surrounding|(?:(?<=were\s)|(?<=was\s)|(?<=been\s)|(?<=are\s))trapped(?=\s+(?:in|inside)\s))\b"),
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
    # the terms told as a clause: "the deal is the rebels take Timbuktu and fly their flag"
    r"(?:deal|agreement|arrangement|understanding|terms?|idea|condition)\s+(?:is|was|are|were)\b|"
    # what someone is kept from doing: "to stop \"hostile forces\" from entering it"
    r"(?:stop|stops|stopped|stopping|prevent\w*|keep|keeps|kept|keeping|bar|bars|barred|barring|deter\w*|block\w*)"
    r"\s+(?:\S+\s+){0,4}?from)\b", re.I)
#: What makes a clause a hypothesis or a future ("if the army will move ... after taking").
#: (the modal only where it is no date, see :func:`_modal_in`)
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless|will|would|could|might|may|should|shall)\b", re.I)
#: A condition set on the future, up to the trigger inside it: "(their forces) would not cease
#: until the Ethiopian army withdrew", "will fight until every soldier leaves".
_UNTIL_CONDITION = re.compile(r"\b(?:would|will|won['’]t|shall|must|vow\w*|pledg\w*)\b[^.;:]{0,60}?\buntil\s+"
                              r"[^.;:,]{0,90}$", re.I)
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
    if _UNTIL_CONDITION.search(s_text, max(0, at - 160), at):
        return True  # "would not cease until the army withdrew from the region": a condition, not a deed
    if trig.change == "besieged" and (_SIEGE_ENDED.search(s_text, max(0, at - 40), at)
                                      or _SIEGE_TO_END.search(s_text, max(0, at - 40), at)):
        # "had broken the RSF siege of El Obeid": the siege is over; "a step toward breaking the
        # siege of El Obeid": the subject is the besieged side, not the besieger
        return True
    if trig.voice == "to" and s_text.startswith("fall", at) and s_text[at + 4:at + 5].isspace() and \
            not _ORDINAL_TO.search(s_text, max(0, at - 60), at):
        return True  # "is expected to fall to the rebels", "could allow Kidal to fall to": not (yet) done
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


#: An ordinal or a superlative whose infinitive tells a fall that happened: "the first
#: provincial capital to (fall to)", "the latest town to", "The city was the first to".
_ORDINAL_TO = re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|latest|last|only|biggest|largest)\s+"
                         r"(?:[\w'’-]+\s+){0,3}?to\s+$", re.I)
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
#: Verbs by which a side says a report is wrong, and the nouns for what it rejects; the
#: denial reader (:mod:`controlmap.denials`) reads the same words.
DENIAL_VERBS = r"dismissed|dismisses|rejected|rejects|denied|denies|refuted|refutes|debunked|disputed|disputes"
REPORT_NOUNS = r"reports?|claims?|statements?|assertions?|allegations?|suggestions?|rumou?rs?|announcements?"
_DISMISSED_REPORT = re.compile(
    rf"\b(?:{DENIAL_VERBS})\s+"
    r"(?:as\s+(?:false|untrue|baseless|fake|propaganda|lies)\s+)?(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{REPORT_NOUNS})\b"
    # (up to the trigger, within the report: not "..., saying its forces still held it")
    r"(?:\s+(?:that|of|about))?(?:(?!,\s*(?:saying|adding|insisting|and|but|while)\b)[^.;])*$", re.I)
#: What says the report was wrong: "... were false", "... are untrue", "... was denied".
_DENIED_AFTER = re.compile(r"[^.;]{0,100}?\b(?:was|were|is|are|been)\s+(?:(?:completely|entirely|totally|simply)\s+)?"
                           r"(?:false|untrue|unfounded|baseless|fake|incorrect|wrong|not\s+true|denied|lies)\b", re.I)


#: A passive auxiliary right before a participle: "was liberated", "had been encircled".
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:(?:now|[a-z]+ly|declared|"
                         r"proclaimed|officially)\s+){0,3}$", re.I)
#: A participle (not "besieging", "took"): the passive's verb.
_PARTICIPLE = re.compile(r"[\w-]+(?:ed|en|run|won)", re.I)


def _agentless_passive(text: str, t0: int, m: re.Match[str], sentence: Sentence, trig: _Trigger) -> bool:
    """Whether an active trigger is a passive with no "by" ("Hama was liberated on 5 December",
    "Russian troops were encircled in Lyman"): its subject is what the deed was done to.

    (A "by" passive has its own trigger, read before this one.)"""
    return (trig.voice == "active" and trig.change in ("captured", "retook", "besieged")
            and _PARTICIPLE.fullmatch(m.group(0)) is not None
            and _PASSIVE_AUX.search(text, max(sentence.start, t0 - 30), t0) is not None)
