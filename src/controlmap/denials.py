"""Denials: a side saying that a change of control did not happen.

"Ukraine denied that Russian troops had taken Ocheretyne", "'Chasiv Yar has not been
captured,' the Ukrainian army said", "Kyiv rejected Russian claims of the capture of
Robotyne", "Moscow denied withdrawing from Kupiansk". A denial changes nobody's control, so
it is no control event (the event extractor drops it, and ``controlmap events`` never
prints it), but it is a source disagreeing with another: :func:`controlmap.timeline.build_timeline`
flags the interval the denied change opened (or closed) as ``disputed``, names the denier in
its ``note`` and quotes the denial beside the events in its ``evidence``.

What is read, sentence by sentence:

- a verb of denial ("denied", "rejected", "dismissed", "refuted") followed by the claim it
  denies: "that ..." or "claims/reports of/that ..." holding a verb of capture or loss, "the
  capture/fall/loss of X", or a gerund of the speaker's own loss ("denied losing X",
  "denied having withdrawn from X");
- a place said not to have changed hands: "X has not been captured", "X has not fallen",
  "X did not fall", "X never fell", "X is not under Russian control";

with a named place the geoparser resolved (not a country) in the denied words and a speaker:
a registry actor before the verb of denial or, for a negated sentence, one that says it
("the army said"), or a country or national capital speaking for its state ("Kyiv denied").
Denials of plans ("denied it planned to withdraw") are not read: they deny an intention,
not a change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .actors import ActorMention, ActorRegistry, load_actors
from .article import Article
from .geoparse import Place
from .text import Sentence, SentenceIndex, split_sentences

#: What a denial denies: a rival's ``gain`` of the place, or the speaker's own ``loss`` of it.
DENIED_GAIN, DENIED_LOSS = "gain", "loss"

_DENY_VERB = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes)\b",
                        re.I)
#: Right after the verb of denial: the words that open the claim denied.
_CLAIM_OPENS = re.compile(
    r"\s+(?:"
    r"(?P<that>(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,4}?(?:claims?|reports?|assertions?|allegations?|suggestions?|"
    r"statements?|rumou?rs?)\s+(?:that|of)\b|that\b)"
    r"|(?P<noun>(?:the\s+)?(?:capture|fall|loss|seizure|takeover|surrender|occupation)\s+of\b)"
    r"|(?P<own>(?:having\s+)?(?:lost|losing|withdrawn|withdrawing|retreated|retreating|surrendered|surrendering|"
    r"abandoned|abandoning|ceded|ceding|pulled\s+out|pulling\s+out)\b))", re.I)
#: A change of control inside a "that ..." claim; the ``loss`` group is one the speaker's side
#: would suffer ("that its troops had withdrawn").
_CHANGE_WORD = re.compile(
    r"\b(?:(?P<loss>withdr[ae]w\w*|retreat\w*|pulled\s+out|lost|los(?:e|es|ing)|surrender\w*|abandon\w*|ceded)|"
    r"captur\w*|taken|took|tak(?:e|es|ing)\s+(?:full\s+)?control|seiz\w*|fallen|fell|overr[au]n|entered|"
    r"occupied|encircled|control(?:s|led)?)\b", re.I)
#: A claim about a plan or a future, not a change that happened.
_INTENTION = re.compile(r"\b(?:plan(?:s|ned|ning)?|intend\w*|would|will|going\s+to|prepar\w*|ready\s+to|"
                        r"order(?:ed)?\s+to|threat\w*)\b", re.I)
#: A place said not to have changed hands; ``to_whom`` opens the words naming the denied captor.
_NEGATED = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are)(?:\s+not|n[’']t)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:captured|taken|seized|overrun|surrendered|lost|occupied|abandoned)"
    r"|(?:has|have|had)(?:\s+not|n[’']t)\s+(?:yet\s+)?fallen"
    r"|(?:did|does|do)(?:\s+not|n[’']t)\s+fall|never\s+fell"
    r"|(?:is|was|are|were)(?:\s+not|n[’']t)\s+(?:under|in)\s+(?:[\w'’-]+\s+){0,2}(?:control|hands))"
    r"(?P<to_whom>\s+(?:to|by)\s+)?", re.I)
#: A verb of saying after a speaker: whose words a negated sentence is.
_SAYS_AFTER = re.compile(r"[\s,]*(?:[\w'’-]+\s+){0,3}?(?:said|says|told|insisted|stated|added|reported|"
                         r"announced|claimed|confirmed)\b", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|insisted|stated|added|according\s+to)\b[^.]*$", re.I)
#: Kinds of place a denial can be about: not a whole country or continent.
_CONTESTABLE = frozenset({"city", "airport", "admin2", "admin1", "feature"})


@dataclass(frozen=True)
class Denial:
    """A side's statement that a change of control did not happen.

    Its fields are named as :class:`~controlmap.event_records.ControlEvent`'s, so that the
    timeline, the map's popups and the exports quote it beside the events it disputes.

    Attributes
    ----------
    start, end
        The sentence's span in the article.
    sentence, source
        The sentence and the article it is in.
    actor, actor_text, side
        Who denies: the canonical actor, its words and its side.
    denied
        :data:`DENIED_GAIN` (a rival took the place) or :data:`DENIED_LOSS` (the speaker's side
        gave it up).
    denied_side
        Whose gain is denied, when the sentence says ("that Russian troops had taken"); else
        ``None`` (any side but the speaker's).
    place, place_text, place_start, place_end
        The resolved place and its words.
    date, date_precision
        When it was said: the publication date, ``on-or-before-publication``.
    attributed_to
        The speaker's words as written.
    """

    start: int
    end: int
    sentence: str
    source: str
    actor: str
    actor_text: str
    side: str
    denied: str
    denied_side: str | None
    place: Place
    place_text: str
    place_start: int
    place_end: int
    date: date | None
    date_precision: str = "on-or-before-publication"
    attributed_to: str | None = None
    change: str = "denied"
    date_relation: str = "on"
    anchor: bool = False


@dataclass(frozen=True)
class _Speaker:
    words: str
    actor: str
    side: str


def find_denials(article: Article, places: list[Place], registry: ActorRegistry | None = None) -> list[Denial]:
    """Every denial of a change of control in ``article``, in text order.

    Parameters
    ----------
    article
        The article; its publication date dates the denials.
    places
        Its resolved places (:func:`controlmap.geoparse.geoparse`).
    registry
        The actor registry; the shipped one by default.
    """
    text = article.text
    if not (_DENY_VERB.search(text) or _NEGATED.search(text)):
        return []
    registry = registry or load_actors()
    conflict, actors = registry.read(text)
    if conflict is None:
        conflict = registry.conflict_in(p.entry.country for p in places if p.entry.country)
        actors = registry.find(text, conflict=conflict)
    contestable = [p for p in places if p.entry.kind in _CONTESTABLE]
    states = [p for p in places if (p.entry.capital or p.entry.kind == "country") and p.entry.country]
    sentences = SentenceIndex(split_sentences(text))
    found: list[Denial] = []
    for m in _DENY_VERB.finditer(text):
        denial = _denial_by_verb(article, sentences.at(m.start()), m, contestable, states, actors, registry, conflict)
        if denial is not None:
            found.append(denial)
    for m in _NEGATED.finditer(text):
        denial = _denial_by_negation(article, sentences.at(m.start()), m, contestable, states, actors,
                                     registry, conflict)
        if denial is not None:
            found.append(denial)
    return sorted(found, key=lambda d: (d.start, d.place_start))


def _denial_by_verb(article: Article, sentence: Sentence, m: re.Match[str], places: list[Place],
                    states: list[Place], actors: list[ActorMention], registry: ActorRegistry,
                    conflict: str | None) -> Denial | None:
    text = article.text
    opens = _CLAIM_OPENS.match(text, m.end())
    if opens is None:
        return None
    # The claim runs to the end of its clause (a semicolon or the sentence's end).
    claim_end = _clause_end(text, opens.end(), sentence.end)
    claim = text[opens.end():claim_end]
    if _INTENTION.search(claim):
        return None
    if opens.group("that"):
        change = _CHANGE_WORD.search(claim)
        if change is None:
            return None
        denied = DENIED_LOSS if change.group("loss") else DENIED_GAIN
    else:
        denied = DENIED_LOSS if opens.group("own") or re.match(r"(?:the\s+)?loss", opens.group("noun") or "", re.I) \
            else DENIED_GAIN
    place = next((p for p in places if opens.end() <= p.start < claim_end), None)
    speaker = _speaker_before(text, sentence, m.start(), actors, states, registry, conflict)
    if place is None or speaker is None:
        return None
    rival = _rival_named(actors, opens.end(), claim_end, speaker.side)
    return _denial(article, sentence, speaker, denied, rival if denied == DENIED_GAIN else None, place)


def _denial_by_negation(article: Article, sentence: Sentence, m: re.Match[str], places: list[Place],
                        states: list[Place], actors: list[ActorMention], registry: ActorRegistry,
                        conflict: str | None) -> Denial | None:
    text = article.text
    # The place is the subject: the last one named in the clause before the negated verb.
    clause_start = max(sentence.start, text.rfind(";", sentence.start, m.start()) + 1)
    place = next((p for p in reversed(places) if clause_start <= p.start and p.end <= m.start()), None)
    if place is None or _INTENTION.search(text, place.end, m.start()):
        return None
    rival = None
    after = m.end()
    if m.group("to_whom"):
        named = next((a for a in actors if a.start == m.end()), None)
        if named is not None:
            rival, after = named.actor.side, named.end
    speaker = (_speaker_saying(text, sentence, after, actors, states, registry, conflict)
               or _speaker_before(text, sentence, place.start, actors, states, registry, conflict, said=True))
    if speaker is None or speaker.side == rival:
        return None
    return _denial(article, sentence, speaker, DENIED_GAIN, rival, place)


def _denial(article: Article, sentence: Sentence, speaker: _Speaker, denied: str, rival: str | None,
            place: Place) -> Denial:
    return Denial(
        start=sentence.start, end=sentence.end, sentence=sentence.text, source=article.source,
        actor=speaker.actor, actor_text=speaker.words, side=speaker.side, denied=denied, denied_side=rival,
        place=place, place_text=place.text, place_start=place.start, place_end=place.end,
        date=article.published, attributed_to=speaker.words)


def _clause_end(text: str, start: int, sentence_end: int) -> int:
    semicolon = text.find(";", start, sentence_end)
    return semicolon if semicolon >= 0 else sentence_end


def _rival_named(actors: list[ActorMention], start: int, end: int, own_side: str) -> str | None:
    """The side of the first actor named in ``text[start:end]`` that is not the speaker's."""
    return next((a.actor.side for a in actors if start <= a.start < end and a.actor.side != own_side), None)


def _speaker_before(text: str, sentence: Sentence, at: int, actors: list[ActorMention], states: list[Place],
                    registry: ActorRegistry, conflict: str | None, *, said: bool = False) -> _Speaker | None:
    """The nearest actor (or state's country or capital) named in the sentence before ``at``;
    with ``said``, only one followed by a verb of saying ("Ukraine's military said Bakhmut ...")."""
    candidates: list[tuple[int, _Speaker]] = []
    for a in actors:
        if sentence.start <= a.start and a.end <= at:
            candidates.append((a.end, _Speaker(a.words, a.actor.canonical, a.actor.side)))
    for p in states:
        if sentence.start <= p.start and p.end <= at:
            state = registry.state_of(p.entry.country, conflict)
            if state is not None:
                candidates.append((p.end, _Speaker(p.text, state.canonical, state.side)))
    for end, speaker in sorted(candidates, key=lambda c: -c[0]):
        if not said or _SAYS_AFTER.match(text, end):
            return speaker
    return None


def _speaker_saying(text: str, sentence: Sentence, after: int, actors: list[ActorMention], states: list[Place],
                    registry: ActorRegistry, conflict: str | None) -> _Speaker | None:
    """The first actor after ``after`` in the sentence that says it ("..., the army said"), or
    is named after "said"/"according to" ("..., according to the General Staff")."""
    candidates: list[tuple[int, int, _Speaker]] = []
    for a in actors:
        if after <= a.start and a.end <= sentence.end:
            candidates.append((a.start, a.end, _Speaker(a.words, a.actor.canonical, a.actor.side)))
    for p in states:
        if after <= p.start and p.end <= sentence.end:
            state = registry.state_of(p.entry.country, conflict)
            if state is not None:
                candidates.append((p.start, p.end, _Speaker(p.text, state.canonical, state.side)))
    for start, end, speaker in sorted(candidates, key=lambda c: c[0]):
        if _SAYS_AFTER.match(text, end) or _SAID_BEFORE.search(text, after, start):
            return speaker
    return None
