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
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from .actors import AS_WRITTEN, ActorMention, ActorRegistry, load_actors
from .article import Article
from .event_triggers import DENIAL_VERBS, REPORT_NOUNS
from .geoparse import Place
from .text import Sentence, SentenceIndex, split_sentences

#: What a denial denies: a rival's ``gain`` of the place, or the speaker's own ``loss`` of it.
DENIED_GAIN, DENIED_LOSS = "gain", "loss"

_DENY_VERB = re.compile(rf"\b(?:{DENIAL_VERBS}|deny|denying)\b", re.I)
#: Right after the verb of denial: the words that open the claim denied.
_CLAIM_OPENS = re.compile(
    r"\s+(?:"
    rf"(?P<that>(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{REPORT_NOUNS})\s+(?:that|of)\b|that\b)"
    r"|(?P<noun>(?:the\s+)?(?:(?P<lost>loss|surrender)|capture|fall|seizure|takeover|occupation)\s+of\b)"
    r"|(?P<own>(?:having\s+)?(?:lost|losing|withdrawn|withdrawing|retreated|retreating|surrendered|surrendering|"
    r"abandoned|abandoning|ceded|ceding|pulled\s+out|pulling\s+out)\b))", re.I)
#: A change of control inside a "that ..." claim; the ``loss`` group is one a side suffers.
_CHANGE_WORD = re.compile(
    r"\b(?:(?P<loss>withdr[ae]w\w*|retreat\w*|pulled\s+out|lost|los(?:e|es|ing)|surrender\w*|abandon\w*|ceded)|"
    r"(?:re)?captur\w*|(?:re)?taken|(?:re)?took|tak(?:e|es|ing)\s+(?:full\s+)?control|seiz\w*|fallen|fell|"
    r"overr[au]n|entered|occupied|encircled|liberat\w*|(?:the\s+)?fall\s+of|control(?:s|led)?)\b", re.I)
#: Where a claim ends before the sentence does: a semicolon, or the speaker going on
#: (", saying", ", adding", ", but"), whose words are no part of what is denied.
_CLAIM_ENDS = re.compile(r";|,\s*(?:saying|adding|and\s+said|but|while|as)\b", re.I)
#: A claim about a plan or a future, not a change that happened.
_INTENTION = re.compile(r"\b(?:plan(?:s|ned|ning)?|intend\w*|would|will|going\s+to|prepar\w*|ready\s+to|"
                        r"order(?:ed)?\s+to|threat\w*)\b", re.I)
#: A place said not to have changed hands (a passive, or "fallen"): the place is its subject.
#: ``lost`` marks a loss its holder denies ("has not been abandoned"); ``to_whom`` opens the
#: words naming the denied captor ("has not fallen to Russian forces").
_NEGATED = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are)(?:\s+not|n[’']t)\s+(?:yet\s+)?been\s+"
    r"(?:(?P<lost>surrendered|lost|abandoned)|captured|taken|seized|overrun|occupied)"
    r"|(?:has|have|had)(?:\s+not|n[’']t)\s+(?:yet\s+)?fallen"
    r"|(?:did|does|do)(?:\s+not|n[’']t)\s+fall|never\s+fell"
    r"|(?:is|was|are|were)(?:\s+not|n[’']t)\s+(?:under|in)\s+(?:[\w'’-]+\s+){0,2}(?:control|hands))"
    r"(?P<to_whom>\s+(?:to|by)\s+)?", re.I)
#: A verb of saying after a speaker: whose words a negated sentence is.
_SAYS_AFTER = re.compile(r"[\s,]*(?:[\w'’-]+\s+){0,3}?(?:said|says|told|insisted|stated|added|reported|"
                         r"announced|claimed|confirmed)\b", re.I)
#: A verb of saying right before a speaker: "..., said the Ukrainian army", "according to Kyiv".
_SAID_RIGHT_BEFORE = re.compile(r"\b(?:said|says|told|insisted|stated|added|according\s+to)\s+(?:the\s+)?$", re.I)
#: Kinds of place a denial can be about: not a whole country or continent.
_CONTESTABLE = frozenset({"city", "airport", "admin2", "admin1", "feature"})
#: Conflict keys of actor rows that name no side of their own ("troops", "forces").
_GENERIC_CONFLICTS = frozenset({"generic", AS_WRITTEN})


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
    """Every denial of a change of control in ``article``, in text order, one per sentence,
    place, speaker and kind of change.

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
    cues = sorted([*_DENY_VERB.finditer(text), *_NEGATED.finditer(text)], key=lambda m: m.start())
    if not cues:
        return []
    registry = registry or load_actors()
    conflict, actors = registry.read(text)
    if conflict is None:
        conflict = registry.conflict_in(p.entry.country for p in places if p.entry.country)
        actors = registry.find(text, conflict=conflict)
    places, actors = _Spans(sorted(places, key=lambda p: p.start)), _Spans(actors)
    found: dict[tuple, Denial] = {}
    sentences = SentenceIndex(split_sentences(text))
    for sentence, group in groupby(cues, key=lambda m: sentences.at(m.start())):
        # (each sentence's own places and actors, by bisection: a long text has thousands)
        here = _Sentence(sentence, places.within(sentence), actors.within(sentence))
        claimed_until = sentence.start  # the end of the last claim read, so that its actors speak for no one
        for m in group:
            if m.re is _DENY_VERB:
                denial, claimed_until = _denial_by_verb(article, here, m, registry, conflict, claimed_until)
            else:
                denial = _denial_by_negation(article, here, m, registry, conflict)
            if denial is not None:
                found.setdefault((denial.start, denial.place.entry.id, denial.side, denial.denied), denial)
    return sorted(found.values(), key=lambda d: (d.start, d.place_start))


@dataclass(frozen=True)
class _Sentence:
    """A sentence with the resolved places and actor mentions inside it."""

    span: Sentence
    places: list[Place]
    actors: list[ActorMention]


class _Spans:
    """Records with ``start``/``end`` in text order, sliced by sentence in O(log n)."""

    def __init__(self, items: list):
        self.items = items
        self.starts = [item.start for item in items]

    def within(self, sentence: Sentence) -> list:
        first, last = bisect_left(self.starts, sentence.start), bisect_left(self.starts, sentence.end)
        return [item for item in self.items[first:last] if item.end <= sentence.end]


def _denial_by_verb(article: Article, here: _Sentence, m: re.Match[str], registry: ActorRegistry,
                    conflict: str | None, claimed_until: int) -> tuple[Denial | None, int]:
    """A denial told by a verb of denial at ``m``, and where its claim ends."""
    text, sentence = article.text, here.span
    opens = _CLAIM_OPENS.match(text, m.end())
    if opens is None:
        return None, claimed_until
    stop = _CLAIM_ENDS.search(text, opens.end(), sentence.end)
    claim_end = stop.start() if stop else sentence.end
    claim = text[opens.end():claim_end]
    if _INTENTION.search(claim):
        return None, claim_end
    speaker = _speaker_before(text, here, claimed_until, m.start(), registry, conflict)
    if speaker is None:
        return None, claim_end
    rivals = [a for a in here.actors if opens.end() <= a.start < claim_end
              and a.actor.conflict not in _GENERIC_CONFLICTS and a.actor.side != speaker.side]
    if opens.group("that"):
        change = _CHANGE_WORD.search(claim)
        if change is None:
            return None, claim_end
        if change.group("loss") and any(a.end <= opens.end() + change.start() for a in rivals):
            return None, claim_end  # a rival's loss denied ("that Russian troops had lost X"): not read
        denied = DENIED_LOSS if change.group("loss") else DENIED_GAIN
        after = opens.end() + change.start()
    else:
        denied = DENIED_LOSS if opens.group("own") or opens.group("lost") else DENIED_GAIN
        after = opens.end()
    # the place the change is about: the first one after its verb, else the first in the claim
    place = (next((p for p in here.places if after <= p.start < claim_end and p.entry.kind in _CONTESTABLE), None)
             or next((p for p in here.places if opens.end() <= p.start < claim_end
                      and p.entry.kind in _CONTESTABLE), None))
    if place is None:
        return None, claim_end
    rival = _rival_side(rivals, speaker.side) if denied == DENIED_GAIN else None
    return _denial(article, sentence, speaker, denied, rival, place), claim_end


def _denial_by_negation(article: Article, here: _Sentence, m: re.Match[str], registry: ActorRegistry,
                        conflict: str | None) -> Denial | None:
    text, sentence = article.text, here.span
    # The place is the subject: the last one named in the clause before the negated verb.
    clause_start = max(sentence.start, text.rfind(";", sentence.start, m.start()) + 1)
    place = next((p for p in reversed(here.places) if clause_start <= p.start and p.end <= m.start()
                  and p.entry.kind in _CONTESTABLE), None)
    if place is None or _INTENTION.search(text, place.end, m.start()):
        return None
    rival = None
    after = m.end()
    if m.group("to_whom"):
        named = next((a for a in here.actors if a.start == m.end()), None)
        if named is not None:
            rival, after = _rival_side([named], None), named.end
    speaker = (_speaker_saying(text, here, after, registry, conflict)
               or _speaker_before(text, here, sentence.start, place.start, registry, conflict, said=True))
    if speaker is None or speaker.side == rival:
        return None
    return _denial(article, sentence, speaker, DENIED_LOSS if m.group("lost") else DENIED_GAIN,
                   None if m.group("lost") else rival, place)


def _denial(article: Article, sentence: Sentence, speaker: _Speaker, denied: str, rival: str | None,
            place: Place) -> Denial:
    return Denial(
        start=sentence.start, end=sentence.end, sentence=sentence.text, source=article.source,
        actor=speaker.actor, actor_text=speaker.words, side=speaker.side, denied=denied, denied_side=rival,
        place=place, place_text=place.text, place_start=place.start, place_end=place.end,
        date=article.published, attributed_to=speaker.words)


def _rival_side(actors: list[ActorMention], own_side: str | None) -> str | None:
    """The side of the first of ``actors`` that names a side of its own other than the
    speaker's (generic "troops" name none)."""
    return next((a.actor.side for a in actors
                 if a.actor.conflict not in _GENERIC_CONFLICTS and a.actor.side != own_side), None)


def _speakers(here: _Sentence, start: int, end: int, registry: ActorRegistry,
              conflict: str | None) -> list[tuple[int, int, _Speaker]]:
    """Who may speak among the actors, countries and national capitals named in ``[start, end)``."""
    found = [(a.start, a.end, _Speaker(a.words, a.actor.canonical, a.actor.side))
             for a in here.actors if start <= a.start and a.end <= end]
    for p in here.places:
        if start <= p.start and p.end <= end and (p.entry.capital or p.entry.kind == "country") and p.entry.country:
            state = registry.state_of(p.entry.country, conflict)
            if state is not None:
                found.append((p.start, p.end, _Speaker(p.text, state.canonical, state.side)))
    return sorted(found, key=lambda c: c[0])


def _speaker_before(text: str, here: _Sentence, start: int, at: int, registry: ActorRegistry,
                    conflict: str | None, *, said: bool = False) -> _Speaker | None:
    """The nearest actor (or state's country or capital) named in ``[start, at)``; with
    ``said``, only one followed by a verb of saying ("Ukraine's military said Bakhmut ...")."""
    for _, end, speaker in reversed(_speakers(here, start, at, registry, conflict)):
        if not said or _SAYS_AFTER.match(text, end):
            return speaker
    return None


def _speaker_saying(text: str, here: _Sentence, after: int, registry: ActorRegistry,
                    conflict: str | None) -> _Speaker | None:
    """The first actor after ``after`` in the sentence that says it ("..., the army said"), or
    is named right after a verb of saying ("..., said the General Staff", "according to Kyiv")."""
    for start, end, speaker in _speakers(here, after, here.span.end, registry, conflict):
        if _SAYS_AFTER.match(text, end) or _SAID_RIGHT_BEFORE.search(text, max(after, start - 30), start):
            return speaker
    return None


def denial_to_dict(denial: Denial, *, disputes: bool = False) -> dict:
    """A JSON-ready dict of one denial: the sentence and its span, the place and its entry,
    who denies what, and when it was said (``end_date``: on or before the publication, so
    ``start_date`` is empty, as for an event so dated). ``disputes`` tells whether it flagged
    an interval of the timeline."""
    entry = denial.place.entry
    return {
        "source": denial.source, "start": denial.start, "end": denial.end, "sentence": denial.sentence,
        "place_text": denial.place_text, "place_start": denial.place_start, "place_end": denial.place_end,
        "id": entry.id, "name": entry.name, "actor": denial.actor, "actor_text": denial.actor_text,
        "side": denial.side, "denied": denial.denied, "denied_side": denial.denied_side,
        "date_precision": denial.date_precision, "disputes": disputes,
        "start_date": None, "end_date": denial.date.isoformat() if denial.date else None,
    }
