"""Who made a control change: the actor of a trigger, read before or after it.

The subject before an active verb, the agent after "fell to" or "held by", "forces loyal to
X" (also when wire copy breaks the line inside it), a capital that speaks for its state, a
country or capital that is the subject of a control verb ("Ethiopia retook Lalibela"), the
state behind "its"/"our forces", the side a
captor is implied to be ("deprived Libya of": its opponent in a two-sided war), and the
sides told taking or besieging a place in the sentences before.
"""
from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from .actors import AS_WRITTEN, UNKNOWN_COLOUR, Actor, ActorMention, ActorRegistry
from .dates import WEEKDAYS
from .event_clauses import _SPEAKER_AFTER, _SPEAKS_AFTER_NAME, _SPEECH, _aside_of, _last_match
from .event_records import CHANGE_CLASS, ControlEvent, _ActorPart, _Context, _PlacePart
from .event_triggers import _AUX, _FUNCTION_WORD as _FUNCTION_WORD_PATTERN, _MONTH_NAMES
from .geoparse import Place
from .text import Sentence

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
                         r"police)"
                         # (whom the force is made of between: "a militia of ethnic Arabs loyal to the regime")
                         r"(?:\s+of\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?\s+$", re.I)
#: Lower-case words of a title or a state, and abbreviated ranks, inside what forces are loyal to.
_TITLE_WORDS = (r"(?:the|former|late|ousted|exiled|deposed|renegade|rival|interim|self-styled|self-declared|"
                r"strongman|warlord|leader|commander|general|cleric|president|prime|minister|king|emir|sheikh|"
                r"colonel|marshal|field|internationally|recogni[sz]ed|elected|central|national|federal|"
                r"transitional|Gen\.|Col\.|Lt\.|Maj\.)")
#: Heads of what forces are loyal to that name a state rather than a person.
_STATE_HEADS = ("government", "regime", "junta", "authorities", "administration", "president", "king", "emir",
                "monarchy", "military", "army", "state", "leadership")
#: Heads of what forces are loyal to that name a person by a title ("the exiled leader").
_PERSON_HEADS = ("leader", "commander", "general", "cleric", "strongman", "warlord", "chief", "premier")
#: A capitalised word of a name ("Assad", "al-Assad", "bin Salman", "Assad's").
_CAP_WORD = (r"(?:(?:al|el|bin|ibn|de)[ \t-])?(?!(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + "|"
             + _MONTH_NAMES + r")\b)[A-Z][\w'’-]*")
#: What follows "loyal to": titles and names, ending on a name or a state's head noun ("Forces
#: loyal to Assad Sunday recaptured ...": the weekday is no part of the name). A line may break
#: inside it, as wire copy breaks lines ("loyal to the\nexiled leader", "President Hissene\nHabre"):
#: see :func:`_unwrapped_end` for where a break ends it.
_LOYAL_TARGET = re.compile(r"loyal\s+to\s+(?P<target>(?:(?:" + _TITLE_WORDS + "|" + _CAP_WORD
                           + r")(?:[ \t]+|[ \t]*\n(?![ \t]*\n)[ \t]*)){0,6}"
                           r"(?:" + _CAP_WORD + "|" + "|".join(_STATE_HEADS + _PERSON_HEADS) + r"))(?![\w'’-])")
#: A title word that cannot end what forces are loyal to ("loyal to the", "loyal to President").
_OPEN_TITLE = re.compile(_TITLE_WORDS, re.I)
#: Characters from a line's start below which a line is no wrapped line of running copy (a headline).
_WRAPPED_LINE = 50


def _unwrapped_end(text: str, t0: int, t1: int) -> int:
    """Where what forces are loyal to, ``text[t0:t1]``, ends when a line breaks inside it: a
    break after an open title word ("the", "President") goes on to the next line; a break after
    a name goes on only in wrapped copy, whose line is long ("Troops loyal to President
    Hissene\nHabre"), not after a headline's name ("Forces loyal to Assad\nRebels retreat")."""
    at = text.find("\n", t0, t1)
    while at >= 0:
        before = text[t0:at].rstrip()
        line_start = text.rfind("\n", 0, at) + 1
        if not _OPEN_TITLE.fullmatch(before.split()[-1] if before.split() else "") and at - line_start < _WRAPPED_LINE:
            return t0 + len(before)
        at = text.find("\n", at + 1, t1)
    return t1
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
    noun = _LOYAL_NOUN.search(text, max(0, at - 60), at)
    target = _LOYAL_TARGET.match(text, at)
    if noun is None or target is None or any(a.start <= at < a.end for a in actors):
        return None  # (a registry alias may spell the whole phrase: "troops loyal to President Hissene Habre")
    t0, t1 = target.span("target")
    t1 = _unwrapped_end(text, t0, t1)
    last = text[t0:t1].split()[-1]
    if _OPEN_TITLE.fullmatch(last) and last.lower() not in _STATE_HEADS + _PERSON_HEADS:
        return None  # (a headline cut after "the")
    # the noun's own mention starts the phrase: "Syrian troops loyal to", "Fighters loyal to"
    head = next((a for a in actors if a.end == noun.end("noun")), None)
    start = head.start if head is not None else noun.start("noun")
    actor = _loyal_actor(text, t0, t1, noun.group("noun"), actors, places, registry, conflict)
    if actor is None:
        if head is not None and head.actor.conflict != "generic" and not _LOYAL_NOUN.fullmatch(head.words + " "):
            # the noun already says whose forces they are ("Kurdish fighters loyal to a local
            # commander"); a bare "Fighters" says nothing, though the war may give it a default side
            return None
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
    # (a state's head is the war in play's state: "the regime" in Mali is not Syria's "regime forces")
    state_head = text[t0:t1].split()[-1].lower() in _STATE_HEADS
    for guess in _loyalty_guesses(text[t0:t1], noun.lower()):
        found = registry.find(guess, conflict=conflict)
        # the guess must be an alias as a whole (not a word inside it), of a row of the registry
        # (not an owner the registry keeps as written, "Haftar's fighters")
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(guess)) and found[0].actor in registry.actors \
                and not (state_head and conflict is not None and found[0].actor.conflict not in (conflict, "generic")):
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
        # (the place's words may run on over it: "the loss of territory to the RSF")
        inside = [a for a in actors if part.start < a.start < part.end and a.actor.conflict not in ("generic", AS_WRITTEN)
                  and re.search(r"\sto\s+(?:the\s+)?$", text[max(part.start, a.start - 8):a.start])]
        return inside[0] if inside else None
    # (the name may follow a modifier or two: "to the Turkish-backed Syrian National Army")
    return next((a for a in actors if to.start() < a.start <= to.end() + 30 and a.actor.conflict != "generic"
                 and re.fullmatch(r"(?:[\w'’-]+\s+){0,2}", text[min(a.start, to.end()):a.start])
                 or to.start() < a.start <= to.end()), None)


def _speaker_in(text: str, sentence: Sentence, after: int, actors: list[ActorMention]) -> ActorMention | None:
    """The actor that speaks after ``after`` in ``sentence`` ("..., the rebels' command said"),
    or whose spokesman does after a speech verb ("..., said Lawrence Kanyuka, the spokesman of
    the AFC/M23 alliance")."""
    for a in actors:
        if after <= a.start < sentence.end and (
                _SPEAKS_AFTER_NAME.match(text, a.end, sentence.end)
                or _SPOKESMAN_FOR.search(text, max(after, a.start - 40), a.start)
                and _SPEECH.search(text, after, a.start)):
            return a
    return None


#: A verb only a state does with its forces, right after a capital: "Kyiv withdrew its troops",
#: "Moscow has sent reinforcements" (not what befalls a town: "Kabul fell").
_COMMANDS_AFTER = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:withdr[ae]wn?|pulled|sent|deployed|dispatched|ordered|"
                             r"redeployed|moved)\s+(?:its|their|more|some|all|the\s+last|troops|forces|reinforcements)\b",
                             re.I)


#: A move on the ground a capital's possessive owns: "Moscow's biggest advance", "Kyiv's offensive".
_OWNS_A_MOVE_AFTER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:advances?|gains?|offensive|counter-?offensive|victory|"
                                r"victories|push|assault|conquest|capture|invasion|incursion|troops|forces|army|"
                                r"soldiers)\b", re.I)


#: A control verb right after a country or a capital, which makes it the state that acts: "Azerbaijan
#: captured Shusha", "Russia took full control of Avdiivka", "Ethiopia retook Lalibela",
#: "AZERBAIJAN CAPTURES SHUSHA" (and "Syria sent troops into Lebanon and took control of ...").
_ACTS_ON_GROUND_AFTER = re.compile(
    r"(?:,\s+(?:which|whose)\b[^,]{0,60},)?"
    # (its allies beside it: "Turkey and its Syrian rebel allies captured Afrin")
    r"(?:\s+(?:and|with|along\s+with|together\s+with)\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:allies|proxies|partners))?"
    # (a day between: "Ethiopia on Sunday retook Lalibela")
    r"(?:\s+(?:on\s+)?(?:(?-i:[A-Z])[a-z]+day|yesterday|today|overnight|last\s+week|this\s+week),?)?"
    r"\s+(?:(?:has|had|have|now|finally|also|effectively|fully|reportedly|"
    r"quickly|swiftly|later|then)\s+){0,2}(?P<verb>captured?s?|captur(?:ed|ing)|seiz(?:ed|es|e)|took|takes|retook|retakes|"
    r"taken|retaken|overrun|won\s+back|"
    r"recaptur(?:ed|es)|overran|overruns|regain(?:ed|s)|liberat(?:ed|es)|occupied|occupies|annex(?:ed|es)|"
    r"entered|enters|invaded|invades|marched\s+into|rolled\s+into|gained\s+control|won\s+control|"
    r"claimed\s+control|assumed\s+control|lost|loses|ceded|cedes|surrendered|abandoned|withdr[ae]w|pulled\s+(?:out|back)|retreated|"
    r"(?:sent|deployed|dispatched|moved|rushed|poured)\s+(?:[\w,-]+\s+){0,3}?(?:troops|forces|soldiers|tanks|"
    r"reinforcements|units|its\s+army))\b", re.I)
#: A verb of taking or losing among those: a party to the war may do it with no other word of war.
_GAIN_VERB = re.compile(r"captur|seiz|took|take|retook|retake|recaptur|overr|regain|liberat|won\s+back|lost|loses|"
                        r"ceded|cedes", re.I)
#: Words of war in a sentence, which make a country's "withdrew" or "entered" a move of its forces.
_WAR_WORDS = re.compile(r"\b(?:troops|forces|army|armies|soldiers|tanks|fighters|militias?|militiamen|rebels|"
                        r"guerrillas|offensive|fighting|battles?|assault|shelling|siege|artillery|war|invasion|"
                        r"occupation|military|garrison|front|positions|outposts?|bases?|trenches|bridgehead|"
                        r"defen[cs]es|strongholds?)\b", re.I)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, roughly: from the last full stop before it to
    the next after it, 300 characters at most either side."""
    left = max(text.rfind(". ", max(0, start - 300), start), text.rfind("\n\n", max(0, start - 300), start))
    right = text.find(". ", end, end + 300)
    return text[left + 1 if left >= 0 else max(0, start - 300):right if right >= 0 else end + 300]


#: What stands before a state that is a subject: the start of a sentence, a line or a clause
#: ("..., and Syria took", "after Russia seized", "said Moscow had taken"), not a preposition
#: or a verb whose object it is ("troops entered Syria", "the war in Ukraine").
_SUBJECT_SLOT_BEFORE = re.compile(
    r"(?:\A|[.!?;:][\"”’]?\s+|\n\s*|[-–—]\s+|,\s+(?:and\s+|but\s+|while\s+|as\s+)?|"
    r"(?<![\w'’-])(?:and|but|after|when|as|while|since|before|once|until|because|that|then|said|says)\s+)"
    r"(?:(?:the\s+)?$)", re.I)


def _speaking_capitals(text: str, places: list[Place], registry: ActorRegistry,
                       conflict: str | None) -> list[ActorMention]:
    """National capitals named as speakers ("Moscow claimed", "Damascus denied") or as the
    state that commands its forces ("Kyiv withdrew its troops"), and countries or capitals
    that are the subject of a control verb ("Azerbaijan captured Shusha", "Moscow seized
    Avdiivka"), as the actor of their state's forces (the registry's ``country`` column).

    A country the registry has no forces of is kept as written ("Vietnam captured ...") when it
    acts on the ground; a country named elsewhere in a sentence stays a place ("troops
    entered Syria").
    """
    found = []
    for place in places:
        entry = place.entry
        if not entry.country or not (entry.capital or entry.kind == "country"):
            continue
        speaks = entry.capital and (_SPEAKER_AFTER.match(text, place.end) or _COMMANDS_AFTER.match(text, place.end)
                                    # (the state whose move on the ground it is: "Moscow's biggest advance
                                    # since it took Bakhmut", whom "it" then stands for)
                                    or _OWNS_A_MOVE_AFTER.match(text, place.end))
        verb = None if speaks else _ACTS_ON_GROUND_AFTER.match(text, place.end)
        acts = (verb is not None and _SUBJECT_SLOT_BEFORE.search(text, max(0, place.start - 30), place.start) is not None
                # (a name the registry already reads as an actor is one there: "Russia captured")
                and registry.match(place.text, conflict=conflict) is None)
        actor = registry.state_of(entry.country, conflict) if speaks or acts else None
        if acts and not _WAR_WORDS.search(_sentence_around(text, place.start, place.end)) and not (
                # a party to the war in play takes a town without a word of war ("Ethiopia retook
                # Lalibela"); a country that withdraws or enters, or another country, needs one
                # ("Qatar withdrew its ambassador", "France took over the EU presidency")
                actor is not None and actor.conflict == conflict and _GAIN_VERB.match(verb.group("verb"))):
            continue
        if not (speaks or acts):
            continue
        if actor is None and acts and entry.kind == "country":
            written = " ".join(place.text.split())
            actor = Actor(written, written, UNKNOWN_COLOUR, AS_WRITTEN)
        if actor is not None:
            found.append(ActorMention(place.start, place.end, place.text, actor))
    return found


def _actor_part(mention: ActorMention, text: str | None = None, confidence: float = 1.0) -> _ActorPart:
    # (the words on one line: wire copy breaks lines inside names, "loyal to President Hissene\nHabre")
    return _ActorPart(" ".join((text or mention.words).split()), mention.actor.canonical, mention.actor.side,
                      confidence)


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


#: What stands before a name that opens its sentence: nothing, or "The".
_OPENS_SENTENCE = re.compile(r"(?:\A|[.!?][\"”’]?\s+|\n\s*)(?:The\s+)?\Z")


def _subject_like(text: str, mention: ActorMention, floor: int) -> bool:
    """True when ``mention`` may be the subject of a trigger after it (see :data:`_NOT_SUBJECT`;
    nor the second of two names a preposition governs: "the areas of Syria and Iraq that it
    controls")."""
    before = text[max(floor, mention.start - 40):mention.start]
    return ((not _possessive(text, mention) or _OWNED_UNIT.match(text, mention.end) is not None)
            and not _NOT_SUBJECT.search(before) and not _SECOND_OBJECT.search(before))


#: A preposition's first object and "and" right before a name: "in Syria and (Iraq)".
_SECOND_OBJECT = re.compile(r"\b(?:in|into|inside|from|near|across|of|over|towards?)\s+(?:the\s+)?"
                            r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+(?:and|or)\s+(?:the\s+)?$", re.I)


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
    elided = _ELIDED_SUBJECT.search(clause)
    if elided is not None:
        # "Iran seized the Fao peninsula at the southern tip of Iraq and has held it since": a
        # second verb with no subject of its own shares the first one's subject (not the
        # nearest name, which the first verb's object may hold)
        lead = _clause_subject(text, sentence, sentence.start + elided.start(), actors)
        if lead is not None:
            return _reported_by(text, lead, sentence, t0, actors, registry, conflict)
    saying = _SAYING_ITS.search(clause)
    if saying is not None:
        # "The army denied reports that rebels had taken Hama, saying its forces still held the
        # city": whoever says is the sentence's subject, and the forces are its own
        subject = next((a for a in actors if a.start < sentence.start + saying.start()
                        and _subject_like(text, a, sentence.start)), None)
        if subject is not None:
            return _actor_part(subject, " ".join(saying.group("pronoun").split()), 0.8)
    coordinated = _COORDINATED_SUBJECT.search(clause)
    if coordinated is not None and not any(sentence.start + coordinated.start(1) <= a.start < t0 for a in actors):
        # "Iraqi forces recaptured Tikrit, and Kurdish peshmerga drove the militants out": the
        # coordinated clause's own subject, which the registry does not know, not the first one's
        return _qualified_side(coordinated.group("word"), " ".join(coordinated.group(1).split()), registry, conflict)
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
    if pronoun is not None:
        pron_at = sentence.start + max(0, len(clause) - 45) + pronoun.start()
        owner = [a for a in actors if a.end <= pron_at and _possessive(text, a)
                 and (not near or a.start > near[-1].start)]
        if owner and re.search(r"\b(?:since|when|after|before|as)\s+$", text[owner[-1].end:pron_at], re.I):
            # "Ukraine withdrew, Russia's biggest gain since it captured Bakhmut", "the advance
            # was Moscow's biggest since it took Bakhmut": the owner
            return _actor_part(owner[-1], " ".join(pronoun.group(0).split()), 0.7)
    if near:
        last = near[-1]
        between = text[last.end:t0]
        pronoun_after = pronoun is not None and sentence.start + max(0, len(clause) - 45) + pronoun.start() >= last.end
        owned_by_group = _OWNED_BY_GROUP.search(text, max(sentence.start, last.start - 30), last.start)
        if (last.actor.conflict == "generic" or _FORCE_NOUN_ALONE.fullmatch(last.words)) and not pronoun_after \
                and owned_by_group is not None:
            # "MNDAA spokesman Li Jiawen said the group's fighters had captured Lashio": the group
            # its spokesman speaks for, else the armed group named last
            group = _group_spoken_for(text, sentence, last.start, actors_all)
            if group is not None:
                return _actor_part(group, text[owned_by_group.start():last.end], 0.7)
        if pronoun_after:
            # "The Arakan Army said junta troops had fled and that it had seized Maungdaw": a
            # pronoun in what an armed side says is that side, where it agrees with it
            speaker = _reported_speaker(text, sentence, t0, actors)
            if speaker is not None and speaker is not last and _agrees(pronoun.group(0), speaker):
                return _actor_part(speaker, " ".join(pronoun.group(0).split()), 0.7)
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
            # (not a name used as a modifier: "troops broke the RSF siege ..., and they pushed the
            # paramilitary out" are the troops)
            head = next((a for a in reversed(near) if not _ATTRIBUTIVE_AFTER.match(text, a.end)), last)
            return _actor_part(head, " ".join(pronoun.group(0).split()), 0.8)
        if len(near) > 1 and near[-2].actor.conflict not in ("generic", AS_WRITTEN) and (
                _ALLIED_AFTER.fullmatch(text, near[-2].end, last.start)
                or last.actor.conflict == "generic" and re.fullmatch(r"\s+and\s+", text[near[-2].end:last.start])):
            # "Congolese soldiers and allied Burundian troops pulled out", "Sudan's army and allied
            # fighters entered": the war's own side leads, its ally is only beside it; "Russian
            # tanks and armoured vehicles rolled into": a generic noun joined to a named side is
            # more of the same side
            last = near[-2]
        if len(between) <= 160:
            return _reported_by(text, last, sentence, t0, actors, registry, conflict)
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
        # (a pronoun agrees with what it stands for, where the article names one that does:
        # "they" the rebels rather than "the military" named since)
        agreeing = [a for a in earlier if _agrees(pronoun.group(0), a)]
        if agreeing or earlier:
            return _actor_part((agreeing or earlier)[-1], " ".join(pronoun.group(0).split()), 0.6)
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
                     r"division|group|movement|front|guards|police|army|militias|paramilitaries|tribesmen|loyalists|"
                     r"extremists|partisans|mujahideen|commandos|peshmerga)\b", words, re.I):
            return _ActorPart(words, words, words, 0.5)
    return None


#: The head nouns of an armed side named in the singular ("the army", "the junta", "the group").
_SINGULAR_HEAD = re.compile(r"(?:army|military|junta|government|regime|group|movement|militia|alliance|front|force|"
                            r"command|ministry|brigade|division|corps|council|administration)", re.I)
#: The head nouns of one named in the plural ("rebels", "troops", "the Houthis").
_PLURAL_HEAD = re.compile(r"[\w'’-]*[a-z]s", re.I)


def _agrees(pronoun: str, mention: ActorMention) -> bool:
    """Whether the pronoun ``pronoun`` ("it", "they") may stand for ``mention``: "they" not
    for a singular head ("the military") nor a state by its name ("Ukraine"), "it" not for a
    plural head ("rebels"); a group's name with no such head (an acronym, "Hamas") takes either."""
    words = mention.words.split()
    head = re.sub(r"['’]s?$", "", words[-1]) if words else ""
    low = pronoun.lower()
    if low == "they":
        plural = _PLURAL_HEAD.fullmatch(head) is not None and not _SINGULAR_HEAD.fullmatch(head)
        return plural or not (_SINGULAR_HEAD.fullmatch(head) or mention.actor.country)
    if low == "it":
        return not (_PLURAL_HEAD.fullmatch(head) and head[:1].islower())
    return True


#: An armed group's own forces named through the group: "the group's fighters", "the movement's troops".
_OWNED_BY_GROUP = re.compile(r"\b(?:the|this)\s+(?:armed\s+|rebel\s+)?(?:group|movement|militia|alliance)['’]s?\s+"
                             r"(?:[\w-]+\s+)?$", re.I)


def _group_spoken_for(text: str, sentence: Sentence, before: int,
                      actors_all: list[ActorMention]) -> ActorMention | None:
    """The non-state armed group "the group" stands for at ``before``: the one whose
    spokesman or leader speaks in the sentence ("MNDAA spokesman Li Jiawen said"), else the
    one named last in the sentence or the two before."""
    named = [a for a in actors_all if sentence.start - 600 <= a.start and a.end <= before
             and not a.actor.country and a.actor.conflict not in ("generic", AS_WRITTEN)]
    speaking = [a for a in named if a.start >= sentence.start and _SPEAKER_AFTER.match(text, a.end)]
    return (speaking or named or [None])[-1]


def _reported_speaker(text: str, sentence: Sentence, t0: int, actors: list[ActorMention]) -> ActorMention | None:
    """The armed side that speaks the clause holding ``t0``: the actor right before the
    last speech verb before ``t0`` ("The Arakan Army said ...", "..., but the army said"), when
    it is a row of the registry (not a generic word), else ``None``."""
    speech = _last_match(_SPEECH.finditer(text, sentence.start, t0))
    if speech is None:
        return None
    before = [a for a in actors if sentence.start <= a.start and a.end <= speech.start()
              and _SPEAKS_AFTER_NAME.match(text, a.end, speech.end()) is not None
              and a.actor.conflict not in ("generic", AS_WRITTEN) and _subject_like(text, a, sentence.start)]
    return before[-1] if before else None


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


#: A spokesman's title right before the group he speaks for: "spokesman for the", "a spokesperson of".
_SPOKESMAN_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|leader|commander|chief)\s+(?:for|of)\s+(?:the\s+)?$", re.I)
#: A spokesman's title after the group's name, then his speech verb: "TPLF spokesman, said".
_SPOKESMAN_SAID_AFTER = re.compile(r"\s+(?:spokes(?:man|woman|person)|leader|commander)\b[^.;:\"“”]{0,40}?"
                                   r"\b(?:said|says|told|added|stated)\b", re.I)
#: The end of a speaker's aside and the speech verb after it: "(TPLF), said", ", told Reuters".
_SPEAKS_AFTER_ASIDE = re.compile(r"(?:\s*\([^()]{1,20}\))?\s*,?\s+(?:said|says|told|added|claimed|announced)\b", re.I)


def _last_speaker(text: str, sentence: Sentence, actors_all: list[ActorMention]) -> ActorMention | None:
    """The actor who speaks in ``sentence`` ("..., Iraq said") or, failing that, last spoke before it."""
    def speaks(a: ActorMention) -> bool:
        # (also a group its spokesman speaks for: "Getachew Reda, spokesman for the TPLF, said")
        return (_SPEAKER_AFTER.match(text[a.end:a.end + 40]) is not None
                or _SPOKESMAN_FOR.search(text, max(0, a.start - 40), a.start) is not None
                and _SPEAKS_AFTER_ASIDE.match(text, a.end) is not None
                # ("Getachew Reda, a TPLF spokesman, said by phone:")
                or _SPOKESMAN_SAID_AFTER.match(text, a.end) is not None)

    here = [a for a in actors_all if sentence.start <= a.start < sentence.end and speaks(a)]
    if here:
        return here[-1]
    before = [a for a in actors_all if sentence.start - 1500 <= a.start < sentence.start and speaks(a)]
    return before[-1] if before else None


def _reported_by(text: str, mention: ActorMention, sentence: Sentence, t0: int, actors: list[ActorMention],
                 registry: ActorRegistry | None = None, conflict: str | None = None) -> _ActorPart:
    """``mention`` as an actor; a bare "troops" takes the side its qualifier says, else the side
    of the state whose report it is.

    "Government fighters" are the government's and "Soviet troops" the Soviets' (the registry
    reads only the bare noun, a generic row); in "Chad's military high command said today troops
    killed ... to capture X" the troops are Chad's: the generic row would make them any war's
    "government".
    """
    if registry is not None and _FORCE_NOUN_ALONE.fullmatch(mention.words):
        # (the bare noun may have its war's default side, "fighters" the LNA in Libya: the
        # qualifier still says better)
        qualifier = _QUALIFIER_BEFORE.search(text, max(sentence.start, mention.start - 30), mention.start)
        if qualifier is not None:
            first = qualifier.start("word")
            # (a qualifier of several capitalised words is kept whole: "Shi'ite Moslem militiamen",
            # "Bosnian Serb paramilitaries")
            more = _MORE_QUALIFIERS.search(text, max(sentence.start, first - 30), first)
            if more is not None and more.group("words").split()[0].lower() not in _NOT_QUALIFIERS:
                first = more.start("words")
            written = " ".join(text[first:mention.end].split())
            qualified = _qualified_side(qualifier.group("word"), written, registry, conflict)
            if qualified is not None:
                # (a name the registry lacks is kept as written, over the war's own row for the
                # bare noun too: "Soviet troops" in Afghanistan are not the Afghan army)
                return qualified
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


#: A force noun alone, with nothing to say whose: "fighters", "troops", "peshmerga".
_FORCE_NOUN_ALONE = re.compile(r"(?:forces|troops|soldiers|fighters|militiamen|gunmen|guerrillas|units|militias?|paramilitaries|"
                               r"peshmerga|mujahideen|commandos|paratroopers|marines|rebels|insurgents|militants)",
                               re.I)
#: The word right before a bare force noun that says whose it is: a capitalised demonym or name
#: ("Soviet troops", "Kurdish peshmerga") or a side word ("Government fighters", "rebel units").
_QUALIFIER_BEFORE = re.compile(r"(?<![\w'’.-])(?P<word>(?-i:[A-Z])[a-z][\w'’-]*|government|rebel|opposition|"
                               r"regime|insurgent|separatist|jihadist)\s+$", re.I)
#: Capitalised words that open a phrase without saying whose forces follow ("Some troops").
_NOT_QUALIFIERS = (frozenset(("the", "some", "many", "most", "all", "more", "other", "several", "few", "these", "those",
                             "their", "its", "his", "her", "our", "two", "three", "four", "five", "ten", "hundreds",
                             "thousands", "dozens", "allied", "enemy", "foreign", "local", "regular", "elite", "special",
                             "new", "fresh", "retreating", "advancing", "remaining", "armed", "no", "when", "after",
                             "before", "as", "while", "and", "but", "then", "there", "here", "where", "if"))
                            | frozenset(w.lower() for w in WEEKDAYS) | frozenset(_MONTH_NAMES.lower().split("|")))
#: Capitalised words right before a qualifier ("Shi'ite" in "Shi'ite Moslem militiamen"), on its line.
_MORE_QUALIFIERS = re.compile(r"(?<![\w'’.-])(?P<words>(?:(?-i:[A-Z][a-z])[\w'’-]*[ \t]){1,2})$")
#: A second verb whose subject is left out, right before the trigger: "... and has held", "and then".
_ELIDED_SUBJECT = re.compile(r"(?<![\w'’-])and\s+(?:then\s+|later\s+|since\s+)?" + _AUX + r"$", re.I)
#: The subject of a coordinated clause the registry does not know, right before its verb: ", and
#: Kurdish peshmerga (drove)", "; but Soviet troops (withdrew)".
_COORDINATED_SUBJECT = re.compile(
    r"[,;]\s*(?:and|but|while|whereas)\s+((?:the\s+)?(?P<word>(?-i:[A-Z])[a-z][\w'’-]*)\s+(?:(?-i:[A-Z])[\w'’-]*\s+)?"
    + _FORCE_NOUN_ALONE.pattern + r")\s+" + _AUX + r"$", re.I)
#: A subordinator right before an actor: its clause is not the main one ("after Iraq retook X").
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:after|when|as|while|since|before|because|although|though|once|until|if)\s+"
                                  r"(?:the\s+)?$", re.I)


#: The form of a demonym ("Soviet", "Cuban", "Chinese", "Kurdish", "Iraqi"), read in all-capital lines.
_DEMONYM_LIKE = re.compile(r"[a-z]+(?:an|ese|ish|ic|i|et)", re.I)


def _qualified_side(word: str, written: str, registry: ActorRegistry, conflict: str | None) -> _ActorPart | None:
    """The side of forces whose one qualifier ``word`` says whose they are: a side word
    ("Government") or a demonym the registry knows ("Kurdish": "Kurdish forces"), else the
    words as written for a name it does not know ("Soviet troops"); ``None`` for a word that
    says nothing ("Some", "Monday")."""
    low = word.lower()
    if low in _NOT_QUALIFIERS or re.fullmatch(r"(?:" + _FUNCTION_WORD_PATTERN + r")", low):
        return None
    found = registry.match(_SIDE_WORDS[low], conflict=conflict) if low in _SIDE_WORDS else None
    if found is None:
        # (the registry may spell the state's forces with another noun: "Myanmar army")
        found = registry.match(word + " forces", conflict=conflict)
        if found is None or found.conflict == "generic":
            found = next((f for noun in ("troops", "army", "military", "soldiers")
                          if (f := registry.alias(word + " " + noun, conflict=conflict)) is not None), found)
    if found is not None and found.conflict != "generic":
        return _ActorPart(written, found.canonical, found.side, 0.8)
    if not re.match(r"[A-Z]", word) or low in _SIDE_WORDS:
        return None
    if word.isupper() and (_SPEECH.fullmatch(word) or not _DEMONYM_LIKE.fullmatch(word)):
        # in an all-capital headline every word is capitalised: only a demonym's form says
        # whose forces follow ("SOVIET TROOPS"), not a verb ("OFFICIALS SAY REBELS LOST")
        return None
    return _ActorPart(written, written, written, 0.5)


def _clause_subject(text: str, sentence: Sentence, before: int, actors: list[ActorMention]) -> ActorMention | None:
    """The subject of the main clause that ends at ``before``: the first actor that may be a
    subject after the last speech verb ("Residents said (the army) took ..."), not one in a
    subordinate clause ("after Iraq retook ...")."""
    speech = _last_match(_SPEECH.finditer(text, sentence.start, before))
    floor = speech.end() if speech is not None else sentence.start
    for a in actors:
        if floor <= a.start and a.end <= before and _subject_like(text, a, floor) \
                and not _SUBORDINATOR_BEFORE.search(text, max(floor, a.start - 12), a.start):
            return a
    return None


def _actor_of_pronoun(text: str, at: int, sentence: Sentence, context: _Context,
                      actors_all: list[ActorMention]) -> ActorMention | None:
    """The actor "its"/"their" at ``at`` stands for: the last one named as a subject, in this
    sentence or the one before ("deprived Libya of its only runway in Chad. Its main strongpoint")."""
    previous = context.neighbour(-1)
    floor = previous.start if previous is not None else sentence.start
    candidates = [a for a in actors_all if floor <= a.start and a.end <= at and _subject_like(text, a, floor)]
    return candidates[-1] if candidates else None


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
    gains = [event for event in context.earlier if CHANGE_CLASS[event.change] == "gain" and event.side != "unknown"
             and ((key is not None and event.place_key == key)
                  or (key is None and len(words) > 3 and words in " ".join(event.place_text.lower().split())))]
    if not gains:
        return None
    # the latest taking, not the last told: "The SDF captured Raqqa on Tuesday ..., three years
    # after Islamic State seized it in 2014. The fall of Raqqa ..." is the SDF's (an undated
    # gain counts as the latest: it is usually the story's own)
    return max(reversed(gains), key=lambda e: (e.date is None or e.date_precision == "on-or-before-publication",
                                               e.date or date.min))


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
    """The actor of "fell to X" / "held by X"; "our forces" are the speaker's ("in the hands
    of our forces," he said: the side whose spokesman was quoted last)."""
    ours = re.match(r"\s*(?:the\s+hands\s+of\s+)?(our\s+(?:[\w-]+\s+)?(?:forces|troops|fighters|army|soldiers|units|men))\b",
                    text[t1:sentence.end], re.I)
    if ours is not None:
        speaker = _last_speaker(text, sentence, registry.find(text, conflict=conflict))
        return _actor_part(speaker, ours.group(1), 0.7) if speaker is not None else None
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
    if last in _NOT_ACTOR_ADJECTIVES and registry.match(words, conflict=conflict) is None:
        return None  # "state-run television", "self-declared": no armed side (but "Islamic State")
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
