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

The reading is split by concern: :mod:`controlmap.event_records` (the records),
:mod:`controlmap.event_triggers` (trigger phrasings, cue prefilter, irrealis checks),
:mod:`controlmap.event_clauses` (speech, asides, attribution), :mod:`controlmap.event_actors`
(who), :mod:`controlmap.event_places` (where), :mod:`controlmap.event_dates` (when); this
module puts them together for each trigger and post-processes the events of an article.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from .actors import ActorMention, ActorRegistry, load_actors
from .article import Article
from .dates import DateMention, count_value, find_dates, invalid_dates, offset_sign
from .event_actors import (_actor_after, _actor_before, _actor_from_words, _actor_of_pronoun, _actor_part, _attacker,
                           _earlier_gain, _expeller, _fronted_subject, _implicit_captor, _inside_actor, _last_gainer,
                           _liberator, _loyal_forces, _opponent, _recipient, _speaker_in, _speaking_capitals,
                           _whose_bare_forces)
from .event_clauses import _attribution
from .event_dates import (_AFTER_GERUND, _EVER_SINCE, _HELD_BY_THE_LOSER, _LOSS_AFTER, _NO_GAPPING, _OWN_VERB_BETWEEN,
                          _PLUPERFECT, _SAID_WHEN_BEFORE, _STILL_HOLDS, _TEXT_PRECISIONS, _THAT_PERFECT, _TOLD_AFTER,
                          _calendar_back, _closing_offset, _dated_coordination, _moved, _offset_across, _offset_for,
                          _pick_dates, _said_on, _undated_offset, _why_undated, season_dates)
from .event_places import (_BARE_COREF, _BARE_PLACE, _EMPTY_OBJECT, _NP_END, _antecedent, _clean, _continues_name,
                           _determined, _elided_subject, _held_parts_listed, _included_towns, _names_actor, _object_places, _relative_head,
                           _subject_places, _with_anchor)
from .event_records import CHANGES, CHANGE_CLASS, ControlEvent, PART_OF_PLACE, _ActorPart, _Context, _PlacePart
from .event_triggers import (_FORCE_NOUNS, _MONTH_NAMES, _NEGATED, _ORDINAL_TO, _Trigger, _WITHDRAWN_NOUNS, _agentless_passive,
                             _is_irrealis, _triggers_by_sentence)
from .geoparse import Place
from .records import place_doubt
from .text import Sentence, split_sentences

__all__ = ["CHANGES", "CHANGE_CLASS", "EVENT_CSV_FIELDS", "PART_OF_PLACE",
           "ControlEvent", "event_sentences", "event_to_dict", "extract_events"]


#: Columns of ``--format csv``, in order; every key of :func:`event_to_dict` except ``notes``.
EVENT_CSV_FIELDS: tuple[str, ...] = (
    "source", "start", "end", "change", "actor_text", "actor", "side", "place_text", "place_start",
    "place_end", "id", "name", "lat", "lon", "gazetteer_source", "anchor", "date", "date_precision", "date_text", "date_relation", "until",
    "until_precision", "attributed_to", "trigger", "confidence", "place_confidence", "low_confidence", "runner_up",
    "runner_up_name", "sentence", "sentence_start", "sentence_end",
)


# ---------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------


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
    return _dedupe(_held_until_lost(_held_until_taken(_headings_told_after(events))))


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


#: A wire headline: the article's first line, written in capitals, with nothing after it on the line.
_HEADLINE = re.compile(r"\A[ \t]*(?P<line>[^a-z\n]*[A-Z][^a-z\n]*?)[ \t]*\n(?=\s*\S)")
#: A separator line between items of a news digest ("- - - -").
_SEPARATOR = re.compile(r"\n[ \t]*(?:-[ \t]*){3,}\n")
#: A word character: a chunk without one ("- - - -") is no sentence.
_WORD_CHAR = re.compile(r"\w")


#: A line of the article's opening with no final punctuation.
_OPEN_LINE = re.compile(r"[ \t]*(?P<line>[^\n]*?[^\s.!?:;,\"”’)])[ \t]*\n")


def _opening_lines(text: str) -> list[int]:
    """Where the lines before the article's first full sentence end, when each is a label or a
    headline of its own ("WORLD\nRwanda-backed M23 rebels enter Bukavu\nThe fall of Bukavu, if
    confirmed, would ..."): a line with no final punctuation over a capitalised line at least a
    third longer (wrapped copy runs on in lines of one length)."""
    cuts = []
    at = 0
    while len(cuts) < 4:
        line = _OPEN_LINE.match(text, at)
        if line is None:
            break
        nxt = text[line.end():].split("\n", 1)[0].strip()
        words = line.group("line").split()
        if (not nxt or not nxt[0].isupper() or 3 * len(nxt) < 4 * len(line.group("line").strip())
                or words[-1].lower() in _RUNS_ON):
            break
        cuts.append(line.end("line"))
        at = line.end()
    return cuts


#: Last words of a wrapped line, which no headline ends with ("the town of\nBasra").
_RUNS_ON = frozenset("of the in on at to and a an from near with for by or as into its their".split())


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
    cuts.update(_opening_lines(text))
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
                seasons = season_dates(s_text, article.published)
                if seasons:
                    # (a season only where no date the dates module reads covers it)
                    dates = sorted(dates + [d for d in seasons if not any(o.start < d.end and d.start < o.end
                                                                          for o in dates)], key=lambda d: d.start)
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


def _read_trigger(article: Article, sentence: Sentence, trig: _Trigger, m: re.Match[str], in_places: list[Place],
                  places: list[Place], actors: list[ActorMention], actors_all: list[ActorMention],
                  registry: ActorRegistry, conflict: str | None,
                  context: _Context) -> list[tuple[_ActorPart, _PlacePart]]:
    text, s0 = article.text, sentence.start
    t0, t1 = s0 + m.start(), s0 + m.end()
    voice = trig.voice
    adj = m.groupdict().get("adj")
    owner = None
    if voice == "admitted":
        return _admitted_loss(text, t0, sentence, actors, actors_all, registry, conflict, context)
    if voice == "owned":
        return _owned_gain(text, t0, t1, sentence, in_places, places, actors, registry, conflict, context)
    if voice == "adjective" and adj and _continues_name(text, s0, s0 + m.start("adj")):
        return []  # "the El Paraiso base of the Fourth Infantry Brigade": "Paraiso" names the base
    if voice == "adjective" and trig.change == "holds" and _MEDIA_AFTER.match(text, t1, sentence.end):
        return []  # "the Houthi-run Saba news agency": who runs a newspaper or a channel, no ground held
    if voice == "adjective":
        # "Aleppo's remaining opposition-run neighborhoods": the toponym owns the place.
        owner = next((p for p in in_places if 0 <= s0 + m.start() - p.end <= 25
                      and re.match(r"['’]s\s+(?:[\w-]+\s+)?$", text[p.end:s0 + m.start()])), None)
    if voice == "active" and _APPOSED_RECOUNT.search(text, max(s0, t0 - 80), t0):
        return []  # "retook Moqokori, the second town the group has retaken in Hiiraan": the same taking again
    if (trig.change == "withdrew" and m.group(0).lower() in ("left", "leave", "leaves")
            and not _FORCE_LEFT.search(text, max(0, t0 - 90), t0)):
        return []  # "the envoy left Kyiv", "left the city in ruins": only forces leaving withdraw
    if (trig.change == "entered" and re.match(r"(?:was|were)\b", m.group(0), re.I)
            and not _PRESENCE_SUBJECT.search(text[max(s0, t0 - 120):t0])):
        return []  # "residents were in the city", "the president was in Goma": only armed men in a town entered it
    if (trig.change == "entered" and re.match(r"(?:was|were)\b", m.group(0), re.I)
            and _PRESENCE_LASTED.match(text, t1, sentence.end)):
        return []  # "Russian troops were in Kherson for eight months": a stay, not an entry
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
        if trig.change == "holds" and voice == "active":
            place_parts += _held_parts_listed(text, t1, place_parts, in_places, sentence)
    else:
        # "Kidal was the first regional capital to fall to the rebels": the subject is before the
        # ordinal's noun phrase, which only says how the fall ranks
        ordinal = (_ORDINAL_TO.search(text, max(s0, t0 - 60), t0)
                   if voice == "to" and m.group(0).lower().startswith("fall ") else None)
        # "the airport, which a U.N. source said remained in the hands of ...": the relative
        # pronoun is the subject, the saying only tells who holds it so
        said = _RELATIVE_SAID.search(text, max(s0, t0 - 90), t0) if voice in ("by", "under") else None
        subject_at = ordinal.start() if ordinal else said.end("rel") if said else t0
        place_parts = _subject_places(text, subject_at, sentence, in_places, places, registry)
        if voice == "by" and re.fullmatch(r"\bits\s", text[max(s0, t0 - 4):t0], re.I):
            # "visited Kherson days after its liberation by Ukrainian forces": the place "it" is
            owned = _antecedent(places, t0 - 4, None, text, context.theatre)
            place_parts = [_PlacePart(text[t0 - 4:t0 - 1], t0 - 4, t0 - 1, owned, False)] if owned is not None else []
        if not place_parts and voice in ("by", "to"):
            place_parts = _elided_subject(text, t0, sentence, context)
    if voice == "noun" and place_parts and _HYPOTHETICAL_NOUN.match(text, place_parts[-1].end, sentence.end):
        return []  # "The fall of Bukavu, if confirmed, would represent ...": a fall only supposed
    if voice == "noun" and trig.change == "holds":
        # "Russia's control over energy supplies to Europe": only a place right after the noun
        # is held (not one the object only mentions)
        place_parts = [p for p in place_parts if _HELD_NOUN_GAP.fullmatch(text, t1, max(t1, p.start))]
    if not place_parts:
        return []
    if voice in ("by", "to"):
        actor = _actor_after(text, t1, sentence, actors, registry, conflict)
        if actor is None:
            return []
        if re.match(r"\s*(?:our|my)\b", text[t1:t1 + 8], re.I):
            # '"The capital is firmly in the hands of our forces," the TPLF said': the speaker the
            # sentence names, else (as _actor_after reads it) the side whose spokesman was quoted last
            speaker = _speaker_in(text, sentence, t1, actors)
            if speaker is not None:
                actor = _actor_part(speaker, actor.text, 0.7)
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
    elif adj and adj.lower() == "our" and voice == "under":
        # '"Avdiivka is now fully under our control," the defence ministry said': the speaker's
        speaker = _speaker_in(text, sentence, t1, actors)
        if speaker is None:
            return []
        actor = _actor_part(speaker, adj, 0.7)
    elif adj and adj.lower() in ("its", "their"):
        # "Its main strongpoint, Faya Largeau": whose it is was said just before.
        owner_actor = _actor_of_pronoun(text, t0, sentence, context, actors_all)
        if owner_actor is None:
            return []
        if trig.change == "holds" and sentence.start <= owner_actor.end <= t0 and _LEFT_AFTER_SUBJECT.match(
                text, owner_actor.end, t0):
            # "the Ethiopian forces have retreated from Mekelle and the city was back in their
            # grip": "their" is not the side the sentence has leave (who it is goes unread)
            return []
        actor = _actor_part(owner_actor, adj, 0.7)
    elif voice == "adjective" and trig.change == "entered":
        # "the return of Tigrayan troops": the force named inside the phrase (a side word alone,
        # "troops", may be another side's alias)
        actor = _force_of(adj or "", s0 + m.start("adj"), s0 + m.end("adj"), actors, registry, conflict)
        if actor is None:
            return []
    elif voice in ("adjective", "subject", "under"):
        actor = _actor_from_words(adj or "", s0 + m.start("adj"), actors, registry, conflict)
        if actor is None:
            return []
    else:
        agent = (_nominal_agent(text, place_parts[0], sentence, actors)
                 if voice == "noun" and trig.change in ("captured", "retook") else None)
        if voice == "noun" and trig.change == "holds":
            # "Israel's control of the Rafah crossing", "the rebels' grip on Idlib": the owner
            # holds it (no one else may)
            agent = next((_actor_part(a) for a in actors if _POSSESSIVE_GAP.fullmatch(text, a.end, t0)), None)
            if agent is None:
                return []
        # "Assad fled Damascus after the fall of Homs to the rebels": the agent after the
        # place took it, whoever the clause's subject is
        actor = agent or _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
        if actor is None and voice == "noun" and trig.change in ("captured", "retook"):
            owner_actor = next((a for a in actors if _POSSESSIVE_GAP.fullmatch(text, a.end, t0)), None)
            if owner_actor is not None and not re.match(r"(?:the\s+)?fall", m.group(0), re.I):
                # "Israel's capture of the Philadelphi corridor": the owner of the deed did it
                actor = _actor_part(owner_actor)
            else:
                actor = _implicit_captor(text, t1, sentence, place_parts[0], actors, registry, context)
            if actor is None:
                actor = _gain_of_the_town_told(context, place_parts[0])
        if actor is None and voice == "noun" and trig.change in ("captured", "retook"):
            # "Russian President Vladimir Putin called the capture of Avdiivka an important victory"
            actor = _hailed_by(text, t0, place_parts[-1].end, sentence, actors, registry, conflict)
        if (actor is None and voice == "noun" and trig.change in ("captured", "retook", "lost")
                and place_parts[0].place is not None and not place_parts[0].anchor):
            # "The loss of Lashio ... marks a major defeat for the junta": the verdict names the side
            actor = _judged_side(text, place_parts[-1].end, sentence, actors, registry, conflict, context,
                                 gain=trig.change != "lost")
        if actor is None and re.match(r"liberat", m.group(0), re.I):
            actor = _liberator(text, place_parts[-1].end, sentence, registry, conflict)
        if actor is None and voice == "noun" and trig.change in ("captured", "retook") and _is_heading(text, sentence):
            # "Capture of Homs" over a section: the section tells who took it (see _headings_told_after)
            actor = _ActorPart(None, _UNDER_HEADING, "unknown", 0.6)
        if actor is None and voice == "active":
            actor = _fronted_subject(text, t0, sentence, actors)
        if actor is None and voice == "active":
            return []
        if actor is None:
            return []  # "the fall of Aleppo" with no captor named or implied: no side to map
    if (trig.change == "withdrew" and voice == "active" and _PERSON_TITLED.match(actor.text or "")
            and _LEAVING_WORD.match(m.group(0))):
        return []  # "President Bashar al-Assad has fled the capital": a leader's flight, no force's withdrawal
    if voice == "adjective" and trig.change == "holds" and owner is None and not _determined(text, t0):
        # "leave for rebel held areas", "regaining control over rebel-held suburbs": a bare
        # plural names no particular place, only a kind of place.
        place_parts = [p for p in place_parts if p.place is not None or not _BARE_PLACE.match(_clean(p.text))]
    if voice in ("under", "by") and trig.change == "holds" or voice == "noun":
        # "the expansion of territory under the M23's control", "contain the loss of territory to
        # the RSF": land in general, no place held or lost
        place_parts = [p for p in place_parts if not (_GENERAL_LAND.fullmatch(_clean(p.text))
                                                      and not _determined(text, p.start))]
    # "surrounded the Iranians": an object that names an actor is people, not a place.
    place_parts = [p for p in place_parts if p.place is not None or not _names_actor(p.text, registry, conflict)]
    place_parts = [_with_anchor(p, sentence, places, context, t0) for p in place_parts]
    # An actor and a place must be different things ("Russia captured Russia" is a misread).
    place_parts = [p for p in place_parts if not (actor.text and p.text.strip().lower() == actor.text.lower())]
    return [(actor, p) for p in place_parts]


#: Between "control of" and the place it holds: nothing, an article, names, a direction or a
#: place noun ("control of (the southern port city of) Aden").
_HELD_NOUN_GAP = re.compile(r"\s*(?:(?:the|much|most|all|parts?|large|swathes?|of|(?-i:[A-Z])[\w'’-]*|northern|"
                            r"southern|eastern|western|central|key|strategic|city|town|village|port|capital|region|"
                            r"province|area|crossing|corridor)\s+)*", re.I)


#: "the city's", "the town's" right before a nominal gain: the place told before.
_OWNING_COREF = re.compile(r"\b(?:the|this|that)\s+(?P<noun>town|city|village|capital|port)['’]s\s$", re.I)
#: What follows a noun's object when the deed is only supposed: "The fall of Bukavu, if confirmed,
#: would ...", "the capture of Kramatorsk would open the road" (not "could": "the fall of Bakhmut
#: could open the road" tells what a fall that happened may bring).
_HYPOTHETICAL_NOUN = re.compile(r"[\"”’']?\s*(?:,\s*(?:if|should\s+it|were\s+it)\b|would\s+)", re.I)
#: What makes a nominal gain a hypothesis: "Aleppo's fall would open the road".
_HYPOTHETICAL_AFTER = re.compile(r"\s+(?:would|could|will|may|might|seems|seemed|looks|looked|appears|appeared)\b", re.I)


def _owned_gain(text: str, t0: int, t1: int, sentence: Sentence, in_places: list[Place], places: list[Place],
                actors: list[ActorMention], registry: ActorRegistry, conflict: str | None,
                context: _Context) -> list[tuple[_ActorPart, _PlacePart]]:
    """A gain named by its place's possessive with no agent ("Homs's fall", "the city's
    liberation", "Its capture"): the gain of that place told before, repeated; else the enemy of
    the side the sentence calls it a blow to ("Its capture is a serious blow to the army"); else
    nothing (no side is named)."""
    if _HYPOTHETICAL_AFTER.match(text, t1, sentence.end):
        return []
    owner = next((p for p in in_places if p.end < t0 and re.fullmatch(r"['’]s\s", text[p.end:t0])), None)
    if owner is not None:
        part = _PlacePart(owner.text, owner.start, owner.end, owner, False)
    elif re.fullmatch(r"its\s", text[max(0, t0 - 4):t0], re.I):
        # "Its capture is a blow": the place "it" is
        owned = _antecedent(places, t0 - 4, None, text, context.theatre)
        if owned is None:
            return []
        part = _PlacePart(text[t0 - 4:t0 - 1], t0 - 4, t0 - 1, owned, False)
    else:
        coref = _OWNING_COREF.search(text, sentence.start, t0)
        if coref is None:
            return []
        antecedent = _antecedent(places, coref.start(), coref.group("noun"), text, context.theatre)
        if antecedent is None:
            return []
        words = coref.group(0)[:-3].strip()
        part = _PlacePart(words, coref.start(), coref.start() + len(words), antecedent, False)
    earlier = _earlier_gain(context, part)
    if earlier is None:
        judged = _judged_side(text, t1, sentence, actors, registry, conflict, context, gain=True)
        return [(judged, part)] if judged is not None else []
    return [(_ActorPart(None, earlier.actor, earlier.side, 0.7), part)]


def _gain_of_the_town_told(context: _Context, part: _PlacePart) -> _ActorPart | None:
    """Who took a town named by a noun with no agent ("Following the capture of Mekelle"), when
    the article told it taken before as "the city" read at that town ("The recapture of the city
    by Tigrayan fighters", "the city" opening the article with the town named only after it)."""
    if part.place is None or part.anchor:
        return None
    for e in reversed(context.earlier):
        if (CHANGE_CLASS[e.change] == "gain" and e.place is not None and e.place.entry.id == part.place.entry.id
                and e.side != "unknown" and _BARE_COREF.fullmatch(_clean(e.place_text))):
            return _ActorPart(None, e.actor, e.side, 0.6)
    return None


def _admitted_loss(text: str, t0: int, sentence: Sentence, actors: list[ActorMention],
                   actors_all: list[ActorMention], registry: ActorRegistry, conflict: str | None,
                   context: _Context) -> list[tuple[_ActorPart, _PlacePart]]:
    """A loss its loser admits with no place ("Hemedti admitted the loss"): the place the
    article last told that side losing or leaving, or another side taking from it."""
    actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
    if actor is None:
        return []
    for e in reversed(context.earlier):
        if e.place is None:
            continue
        if (e.side == actor.side and CHANGE_CLASS[e.change] == "loss"
                or e.side not in (actor.side, "unknown") and CHANGE_CLASS[e.change] == "gain"):
            return [(actor, _PlacePart(e.place_text, e.place_start, e.place_end, e.place, e.anchor,
                                       "the loss told before"))]
    return []


#: Who hails a change as theirs, right before its noun: "(Russian President Vladimir Putin)
#: called", "(the rebels) celebrated".
_HAILED_BEFORE = re.compile(r"(?P<who>(?:(?:the|a)\s+)?(?:[\w'’-]+\s+){1,5}?)(?:called|calls|hailed|hails|celebrated|"
                            r"celebrates|praised|praises|welcomed|welcomes|described|describes|touted|touts)\s+"
                            r"(?:the\s+)?$", re.I)
#: The praise after the noun's object, for verbs that need it ("called ... an important victory").
_PRAISE_AFTER = re.compile(r"\s*[\"“‘']?\s*(?:as\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:victory|success|triumph|win|"
                           r"achievement|liberation)\b", re.I)


def _hailed_by(text: str, t0: int, object_end: int, sentence: Sentence, actors: list[ActorMention],
               registry: ActorRegistry, conflict: str | None) -> _ActorPart | None:
    """The side that took a place named by a noun its speaker hails: "Putin called the capture of
    Avdiivka an important victory" (the speaker named by the registry, or by a demonym before a
    title); ``None`` unless the words hail it (not "called the capture of X a disaster")."""
    hailed = _HAILED_BEFORE.search(text, max(sentence.start, t0 - 80), t0)
    if hailed is None:
        return None
    verb = text[hailed.end("who"):t0].split()[0].lower()
    if verb.startswith(("call", "describ", "tout")) and not _PRAISE_AFTER.match(text, object_end, sentence.end):
        return None
    who_start, who_end = hailed.start("who"), hailed.end("who")
    inside = next((a for a in actors if who_start <= a.start and a.end <= who_end), None)
    if inside is not None:
        return _actor_part(inside, None, 0.7)
    demonym = re.match(r"(?:(?:the|a)\s+)?((?-i:[A-Z])[a-z]+)\s+(?:President|Prime\s+Minister|leader|defen[cs]e\s+minister|"
                       r"army\s+chief|military|government)\b", text[who_start:who_end], re.I)
    if demonym is None:
        return None
    found = _actor_from_words(demonym.group(1), who_start, actors, registry, conflict)
    return dataclasses.replace(found, text=None, confidence=0.6) if found is not None else None


#: A verdict on a change that names whom it helped or hurt: "(marks) a major defeat for the
#: junta", "a serious blow to the embattled army", "an important victory for Russia".
_VERDICT = re.compile(r"\b(?:an?\s+)?(?:(?:major|serious|big|biggest|important|significant|stinging|crushing|heavy|"
                      r"humiliating|strategic|key|stunning|rare|symbolic|huge|severe|further|new|fresh|grave)\s+){0,2}"
                      r"(?P<kind>defeat|blow|setback|humiliation|victory|win|triumph|success)\s+(?:for|to)\s+"
                      r"(?:the\s+)?(?:(?-i:[a-z])[\w-]+\s+){0,2}$", re.I)


def _judged_side(text: str, t1: int, sentence: Sentence, actors: list[ActorMention], registry: ActorRegistry,
                 conflict: str | None, context: _Context, gain: bool) -> _ActorPart | None:
    """The taker (``gain``) or the loser of a change told as a noun with no agent, from the verdict
    the sentence passes on it: the side it was "a victory for" took it, the side it was "a
    blow to" lost it (and in a war of two sides its enemy took it)."""
    for a in actors:
        if a.start < t1:
            continue
        verdict = _VERDICT.search(text, t1, a.start)
        if verdict is None:
            continue
        won = verdict.group("kind").lower() in ("victory", "win", "triumph", "success")
        if won == gain:
            return _actor_part(a, None, 0.6)
        if not gain:
            return None  # "a victory for the rebels" names the taker, not who lost it
        enemy = _opponent(a.actor.side, registry, conflict)
        if enemy is not None:
            return _ActorPart(None, enemy.canonical, enemy.side, 0.6)
        # (a war of more sides: another side the sentence names, else the last one told taking
        # ground, when it is not the loser)
        other = next((_actor_part(b, None, 0.5) for b in actors if b.actor.side != a.actor.side
                      and b.actor.side != "unknown"), None)
        if other is None and (last := _last_gainer(context)) is not None and last.side != a.actor.side:
            other = last
        return other
    return None


#: Between the place of a nominal gain and its agent: "the fall of Homs (to) the rebels",
#: "the capture of the city (by) M23".
_NOMINAL_AGENT_GAP = re.compile(
    # (past the town's size: "the capture of the northern city of 2 million by ISIL")
    r"(?:\s+of\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+)?[\d.,]+(?:\s+(?:million|thousand))?"
    r"(?:\s+(?:people|residents|inhabitants))?)?\s*,?\s*(?:by|to)\s+(?:the\s+)?")


def _nominal_agent(text: str, part: _PlacePart, sentence: Sentence, actors: list[ActorMention]) -> _ActorPart | None:
    """The actor right after "by" or "to" after the place of a nominal gain ("the fall of Homs
    to the rebels"), or ``None``."""
    gap = _NOMINAL_AGENT_GAP.match(text, part.end, sentence.end)
    if gap is None or part.end < sentence.start:
        return None
    after = next((a for a in actors if gap.end() - 4 <= a.start <= gap.end()), None)
    return _actor_part(after, None, 0.8) if after is not None else None


#: A saying inside a relative clause, up to its predicate: "which a U.N. source said (remained in
#: the hands of)", "that officials say is (under rebel control)".
_RELATIVE_SAID = re.compile(r"\b(?P<rel>(?:which|that)\s+)(?:[\w.'’-]+\s+){1,5}?(?:said|says|say|believed|reported)\s+"
                            r"(?:(?:remained|remains|was|is|were|are|had\s+been|has\s+been|still|now)\s+)*$", re.I)
#: A media outlet's name after an adjective of who runs it: "(Houthi-run) Saba news agency",
#: "(military-run) Global New Light of Myanmar newspaper", "(Hamas-controlled) al-Aqsa TV".
_MEDIA_AFTER = re.compile(r"\s+(?:(?:(?-i:[A-Z])[\w'’.-]*|of|the|al-[\w'’-]+|el-[\w'’-]+)\s+){0,7}(?:(?:state\s+)?news\s+"
                          r"agency|newspapers?|daily|dailies|television|(?-i:TV)|radio|channels?|broadcasters?|media|"
                          r"outlets?|websites?|(?:news|radio|television|TV)\s+stations?|newswire)\b", re.I)


#: Gains a side tells of itself: a side says a place "was liberated" or "recaptured" when it took
#: it; "captured" or "taken" is as often the loser's admission, and says nothing of who.
_SELF_TOLD_GAIN = re.compile(r"(?:liberated|freed|recaptured|retaken|regained|won\s+back|taken\s+back)$", re.I)


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


#: An apposition that counts the taking told just before it: ", the second town the group has
#: retaken", ", the third village Russian forces have captured this week".
_APPOSED_RECOUNT = re.compile(r",\s+(?:the|a)\s+(?:(?:first|second|third|fourth|fifth|latest|last|sixth|tenth|\d+(?:st|nd|rd|th))"
                              r"\s+)(?:[a-z][\w-]*\s+){0,2}?(?:town|city|village|settlement|district|base|locality)s?\s+"
                              r"(?:that\s+|which\s+)?(?:the\s+[\w-]+|it|they|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                              r"(?:\s+(?:forces|troops|fighters))?)\s+(?:has|have|had)\s+(?:[a-z]+ly\s+)?$", re.I)
#: The armed subject of "were in the city" (its words up to the verb, an aside between): "fighters
#: from the paramilitary group, backed by pickup trucks, (were at)", "M23 rebels (were seen in)".
_PRESENCE_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\b(?:said|says|that|and)\s+)(?:[\w'’-]+\s+){0,4}?"
                               r"(?:troops|forces|soldiers|fighters|rebels|militants|insurgents|jihadists|gunmen|"
                               r"militiamen|units|army|paratroopers|marines)\b(?:\s+(?:of|from)\s+(?:[\w'’-]+\s+){1,4}?"
                               r"[\w'’-]+)?(?:\s*,[^,;:]{1,90},)?\s+$", re.I)
#: Where the force that leaves was, told in its subject: "forces (in the city) had retreated",
#: "troops (stationed in Timbuktu) fled".
_STATIONED_IN = re.compile(r"\b(?:troops|forces|soldiers|units|fighters|garrison|police|army)\s+(?:(?:stationed|"
                           r"garrisoned|deployed|based)\s+)?(?:in|inside)\s+(?P<np>(?:the|this|that)\s+(?:city|town|"
                           r"village)|(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\s+(?:(?:had|have|has|then|all|"
                           r"reportedly|finally)\s+)*$", re.I)
#: A verb of leaving right after a subject: "(the Ethiopian forces) have retreated".
_LEFT_AFTER_SUBJECT = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:[a-z]+ly\s+)?(?:retreated|withdrawn|withdrew|"
                                 r"pulled\s+(?:out|back)|fled|lost|abandoned|been\s+driven\s+out)\b", re.I)
#: Land named by a bare noun, which says no place: "territory", "land", "ground".
_GENERAL_LAND = re.compile(r"(?:more\s+|new\s+|further\s+)?(?:territory|territories|land|lands|ground|areas)"
                           r"(?:\s+(?:to|from)\s+.*)?", re.I | re.S)
#: An actor told as one person by a title: "President Bashar al-Assad", "the prime minister".
_PERSON_TITLED = re.compile(r"(?:the\s+)?(?:(?:former|ousted|deposed|toppled|embattled|Syrian|Afghan|Iraqi|Libyan|"
                            r"Malian|Ukrainian|Sudanese)\s+)?(?:President|Prime\s+Minister|Premier|King|Queen|Emir|"
                            r"Sultan|Chancellor|Minister|Mayor|Governor|dictator|ruler|strongman)\b", re.I)
#: A bare name, as a person is told once named: "Assad", "Hemedti" (no force noun with it).
_BARE_NAME = re.compile(r"(?-i:[A-Z])[\w'’-]+(?:\s+(?:al-)?(?-i:[A-Z])[\w'’-]+)?")
#: The verbs of a person's leaving, as against a force's pulling out.
_LEAVING_WORD = re.compile(r"(?:fled|flee|flees|fleeing|left|leave|leaves|leaving|abandoned)$", re.I)
#: A stay told with its length after the place of "were in": "(in Kherson) for eight months",
#: "(in the city) since 2014".
_PRESENCE_LASTED = re.compile(r"[^,.;:]{0,60}?\b(?:for\s+(?:(?:more\s+than|almost|nearly|about|over)\s+)?"
                              r"(?:\w+\s+){0,2}?(?:hours|days|weeks|months|years|decades)|since|until|throughout)\b", re.I)
#: People held captive, right before "held": "hostages (held) in Gaza", "prisoners still held".
_CAPTIVES_BEFORE = re.compile(r"\b(?:hostages?|prisoners?|captives?|detainees?|abductees)\s+(?:(?:still|being|are|were|"
                              r"is|was|now)\s+)*$", re.I)


#: Between an owner and its noun: "Israel's capture", "the army's recapture".
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:(?:swift|rapid|recent|latest|sudden|final|eventual|brief)\s+)?")


#: What follows a verb of leaving whose place goes unsaid: a direction or a destination
#: ("starting to flee northwards towards the Tibesti", "withdrew to the border").
_HEADING = re.compile(r"\s*(?:(?:northwards?|southwards?|eastwards?|westwards?|north|south|east|west|back|home|across|"
                      r"hastily|quickly|overnight)\b|(?:towards?|to|into)\s|"
                      # ("fled in the direction of Homs", "retreated in the general direction of"):
                      # movement toward a place, not out of it
                      r"in\s+the\s+(?:general\s+)?direction\s+of\b)", re.I)


#: What may follow a withdrawal that names no place: a time, a reason, the clause's end ("but
#: withdrew days later under international pressure", "before withdrawing.").
_NO_PLACE_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:(?:\d+|a|an|one|two|three|four|five|several|a\s+few)\s+)?(?:minutes?|hours?|days?|weeks?|"
    r"months?)\s+(?:later|after)\b|\s+(?:under|amid|after|before|when|as|because|following|overnight|later|"
    r"soon|shortly|again)\b"
    # how they left: "withdrew in the face of a two-month offensive", "pulled out with little
    # resistance", "retreated without a fight"
    # ("all security forces in the city had retreated or been killed": the alternative fate)
    r"|\s+or\s+(?:had\s+)?(?:been\s+)?(?:killed|captured|surrendered|died|taken\s+prisoner|wiped\s+out)\b"
    # ("announced they had withdrawn in the early hours of Saturday")
    r"|\s+in\s+the\s+(?:early|small|late|first)\s+hours\b"
    r"|\s+(?:in\s+the\s+face\s+of|with\s+(?:little|no|barely\s+any|hardly\s+any|minimal)\b|without\s+(?:a\s+)?"
    r"(?:fight|fighting|resistance|a\s+shot)\b)"
    # a date, then the clause's end: "after government forces withdrew on Friday."
    r"|\s+(?:on\s+(?:\w+day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2})|yesterday|overnight|"
    r"last\s+(?:night|week|month)|earlier\s+(?:this|on)\s+\w+|in\s+(?:late\s+|early\s+|mid-?)?"
    r"(?:" + _MONTH_NAMES + r"|(?:19|20)\d\d))"
    r"\s*(?:[,.;:)]|$|\s+(?:and|but|as|after|before|when|while)\b)", re.I)
#: A force noun as the subject right before "left": "his forces had left El Fasher" (or ordered
#: to: "ordered its troops to leave Vuhledar").
_FORCE_LEFT = re.compile(rf"\b(?:(?:{_FORCE_NOUNS}|militants|rebels|army|militia|garrison)\s+"
                         # ("soldiers of the Ethiopian National Defense Force had left the city")
                         r"(?:(?:of|from)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){1,6})?"
                         # ("members of Islamic State had left the city": members of a named group only)
                         r"|members\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){1,6})"
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
              # (a count, not a year closing an aside: "which took Wad Madani in December 2023, withdrew")
              r"(?:(?:more|fewer)\s+than\s+|about\s+|some\s+|nearly\s+|over\s+)?(?!(?:19|20)\d\d\b)\d[\d,.]*(?<![,.])"
              r"(?:\s+(?:million|people))?"
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
    adj = m.groupdict().get("adj")
    # ('made "a tactical withdrawal" from Kunduz': the noun's closing quote before its "from")
    t1 += len(_CLOSING_QUOTE.match(text, t1, sentence.end).group(0))
    if adj is not None and adj.lower() in ("the", "this", "that") and not any(t0 <= a.start < t1 for a in actors):
        # "The withdrawal was completed on Saturday": the withdrawal told before, its side and
        # place; only as a subject ("captured during the pullout" tells when, not that it was done)
        if not _CLAUSE_OPENS.search(text[sentence.start:t0]):
            return []
        told = next((e for e in reversed(context.earlier) if e.change == "withdrew"), None)
        if told is None or _FROM_AFTER_ADVERBS.match(text, t1, sentence.end):
            return []
        return [(_ActorPart(told.actor_text, told.actor, told.side, 0.7),
                 _PlacePart(told.place_text, told.place_start, told.place_end, told.place, told.anchor,
                            "the withdrawal told before"))]
    if adj is not None and adj.lower() in ("their", "its", "his", "our"):
        # "Israeli forces completed their withdrawal from the corridor": the owner is the subject
        actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
    elif adj is not None and _WITHDRAWAL_MADE.search(text, max(sentence.start, t0 - 30), t0) \
            and _actor_from_words(adj, t0, actors, registry, conflict) is None:
        # 'government forces had made "a tactical withdrawal"': an adjective of manner, the
        # subject of the verb made it
        actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
    elif adj is not None and re.search(r"\sof\s", m.group(0)):
        # "the withdrawal of Tigrayan troops": the force named after "of"
        actor = _force_of(adj, sentence.start + m.start("adj"), sentence.start + m.end("adj"), actors, registry,
                          conflict)
    elif adj is not None:
        actor = _actor_from_words(adj, t0, actors, registry, conflict)
    elif _civilians_leave(text, t0, sentence, actors):
        return []  # "refugees fleeing", "thousands of residents fled": people leave, no side does
    else:
        actor = _actor_before(text, t0, sentence, actors, actors_all, registry, conflict)
    if actor is None:
        return []
    if _FROM_AFTER_ADVERBS.match(text, t1, sentence.end) and _LEFT_BODY.match(text, t1, sentence.end):
        return []  # "announced its withdrawal from the Soviet Union", "from the treaty": no ground left
    if _FROM_AFTER_ADVERBS.match(text, t1, sentence.end):
        parts = _object_places(text, t1, sentence, in_places, places, registry)
        parts = [p for p in parts if p.place is not None or not _names_actor(p.text, registry, conflict)]
        return [(actor, _with_anchor(p, sentence, places, context, t0)) for p in parts]
    if (m.groupdict().get("adj") is not None and not re.search(r"\sof\s", m.group(0))
            and not _EMPTY_OBJECT.match(text, t1, sentence.end)):
        return []  # "the Libyan withdrawal plan": the noun is not the head (as it is in "the withdrawal of")
    if (_LEAVING_WORD.match(m.group(0)) and m.groupdict().get("adj") is None
            and _BARE_NAME.fullmatch(actor.text or "") and not _FORCE_NOUN.search(actor.text or "")
            and not any(p.start <= t0 - len(actor.text or "") < p.end for p in in_places)):
        return []  # "Rebels reported that Assad had fled": a man's flight, where to or from unsaid
    stationed = _STATIONED_IN.search(text, sentence.start, t0)
    if stationed is not None:
        # "all security forces in the city had retreated": the force left the place it was in
        words = stationed.group("np")
        s_at = stationed.start("np")
        named = next((p for p in in_places if p.start == s_at), None)
        bare = _BARE_COREF.fullmatch(words)
        where = named or (_antecedent(places, s_at, bare.group("noun"), text, context.theatre) if bare else None)
        if where is not None:
            return [(actor, _PlacePart(words, s_at, s_at + len(words), where, False))]
    destination = next((p for p in in_places if t1 <= p.start <= t1 + 40), None)
    # (a gain told before the withdrawal: not "The Libyan evacuation follows the capture of Ouadi
    # Doum", which tells what came first)
    gained_here = next((e for e in reversed(context.earlier) if e.start == sentence.start and e.side != actor.side
                        and e.trigger_start < t0 and CHANGE_CLASS[e.change] in ("gain", "enter")
                        and e.place is not None), None)
    if gained_here is not None and destination is None:
        # "The recapture of the city by Tigrayan fighters and the withdrawal of government troops":
        # the losers left the place the sentence has the others take
        return [(actor, _PlacePart(gained_here.place_text, gained_here.place_start, gained_here.place_end,
                                   gained_here.place, gained_here.anchor, "the place the sentence tells was taken"))]
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
    if _is_heading(text, sentence):
        # "Iraq's security forces flee; government loyalists slain": the story under the
        # headline tells where from (see _headings_told_after)
        return [(actor, _PlacePart(_UNDER_HEADING, t0, t1, None, False, "the place the story under the headline tells"))]
    return []


#: A union, a treaty or talks left, not ground: "withdrawal from the Azerbaijan Soviet Socialist
#: Republic", "withdrew from the treaty", "pulled out of the talks".
_LEFT_BODY = re.compile(r"\s+(?:from|of|out\s+of)\s+(?:the\s+)?(?:(?!(?:under|after|as|in|on|following|with|"
                        r"because|amid|to)\s)[\w'’-]+\s+){0,4}?(?:Soviet|Union|Federation|treaty|agreement|accord|"
                        r"pact|deal|alliance|talks|negotiations|organi[sz]ation|bloc|coalition|league|commonwealth|"
                        r"convention|process|parliament|elections?|NATO|EU|UN)(?![\w-])", re.I)
def _force_of(words: str, start: int, end: int, actors: list[ActorMention], registry: ActorRegistry,
              conflict: str | None) -> _ActorPart | None:
    """Whose force a phrase such as "Tigrayan troops" or "Ethiopian government troops" (at
    ``start``-``end``) names: its words before the force noun, read as an adjective (the bare
    "troops" may be one side's alias), else an actor named inside it."""
    owner = re.sub(r"^(?:the\s+)|\s*\b(?:troops|forces|soldiers|units|fighters|army|militants|rebels|garrison)$", "",
                   words.strip(), flags=re.I).strip()
    if owner:
        found = _actor_from_words(owner, start, actors, registry, conflict)
        if found is not None:
            return dataclasses.replace(found, text=words.strip())
    inside = next((a for a in actors if start <= a.start and a.end <= end), None)
    return _actor_part(inside) if inside is not None else _actor_from_words(words, start, actors, registry, conflict)


#: The start of a clause, right before its subject: the sentence's start, a comma, "and", "said".
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|said|says)\s+)$", re.I)
#: A closing quote right after a word ('"a tactical withdrawal" from').
_CLOSING_QUOTE = re.compile(r"[\"”’']?")
#: A verb whose object is a withdrawal its subject made: "had made (a tactical withdrawal)".
_WITHDRAWAL_MADE = re.compile(r"\b(?:made|make|makes|making|carried\s+out|carries\s+out|completed|completes|began|"
                              r"begun|begins|staged|stages|conducted|conducts|announced|announces)\s+"
                              r"[\"“‘']?(?:(?:a|an|the)\s+)?$", re.I)
#: A verb of taking ground earlier in the sentence of a withdrawal with no place (the present of
#: headlines too: "Turkish-backed rebels seize Afrin town centre as Kurdish fighters pull out";
#: and a claim to hold it: "Russia claims full control of Avdiivka after Ukrainian pullout").
_TAKEN_IN_SENTENCE = re.compile(r"\b(?:captured|captures?|seized|seizes?|took(?:\s+over|\s+control\s+of)?|takes|taken|"
                                r"overran|overrun|overruns|retook|retakes|recaptured|recaptures|entered|enters|stormed|"
                                r"storms|regained\s+control\s+of|(?:full|total|complete)\s+control\s+of|"
                                # "Vuhledar fell ..., with Ukraine confirming its troops had pulled out"
                                r"fell|has\s+fallen|had\s+fallen)\b", re.I)


def _make_event(article: Article, sentence: Sentence, trig: _Trigger, m: re.Match[str], actor: _ActorPart,
                place: _PlacePart, dates: list[DateMention], context: _Context) -> ControlEvent:
    if place.when is not None:
        when, until = place.when, None  # "... and Homs on Saturday": the place's own date
    else:
        # "laid siege to Avdiivka, north of the Russian-held city of Donetsk, since October": a
        # holding told as an adjective is no clause, the dates after it are the verb's
        own = [d for d in dates if d.end <= m.start()] if trig.voice == "adjective" else dates
        when, until = _pick_dates(own, m.start(), trig.change, sentence.text, m.end())
    relation, change = "on", trig.change
    carried = _offset_across(article, sentence, m, context) if when is None and until is None else None
    echo = (_earlier_gain(context, place) if carried is None and trig.voice in ("noun", "owned", "admitted")
            and when is None and until is None else None)
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
    if (relation == "on" and change != "holds" and when is not None and when.end <= m.start()
            and not any(d.start >= m.end() for d in dates)
            and not re.search(r"\b(?:later|afterwards|next|following)\b", sentence.text[m.end():], re.I)
            and _WENT_ON_TO.search(sentence.text, max(when.end, m.start() - 40), m.start())):
        # "took Hama on Thursday before moving on to seize Homs": the further step came after
        # the date of the step before it
        relation = "after"
        date_notes += (f"after {when.text}: told as a further step after it",)
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


#: A verb of going on right before an infinitive trigger: "(before) moving on to (seize)",
#: "and went on to", "then pushed on to".
_WENT_ON_TO = re.compile(r"\b(?:went|goes|going|moved|moving|pushed|pushing|pressed|pressing|swept|sweeping|rolled|"
                         r"rolling|marched|marching)\s+on\s+to\s+$", re.I)


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


#: The actor of a heading's nominal gain ("Capture of Homs") until the section under it tells it.
_UNDER_HEADING = "(told under the heading)"
#: How far under a heading (characters) the gain it names may be told.
_HEADING_REACH = 1500


def _is_heading(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` is a line of its own with no final punctuation, as headlines and
    section headings are ("Capture of Homs")."""
    words = sentence.text.strip()
    before = text[:sentence.start].rstrip(" \t")
    after = text[sentence.end:].lstrip(" \t")
    return (0 < len(words.split()) <= 12 and not re.search(r"[.!?:;,\"”’)]$", words)
            and (not before or before.endswith("\n")) and (not after or after.startswith("\n")))


def _headings_told_after(events: list[ControlEvent]) -> list[ControlEvent]:
    """A heading's nominal gain with no agent ("Capture of Homs") takes its side and date from
    the first gain or entry of the same place told under it ("HTS ... its forces had entered
    Homs"), and a headline's withdrawal with no place ("Iraq's security forces flee") the place
    and date of the first loss of that side, or gain of another, told under it; with none,
    either is dropped."""
    out = []
    for e in events:
        if e.place_text == _UNDER_HEADING:
            # a withdrawal whose place the story tells: the place the same side is told to leave
            # or lose under it, or the other side to take or enter
            told = next((f for f in events if e.end <= f.start <= e.end + _HEADING_REACH and f.place is not None
                         and f.place_text != _UNDER_HEADING and f.actor != _UNDER_HEADING
                         and (f.side == e.side and CHANGE_CLASS[f.change] == "loss"
                              or f.side not in (e.side, "unknown") and CHANGE_CLASS[f.change] in ("gain", "enter"))),
                        None)
            if told is not None:
                out.append(dataclasses.replace(e, place_text=told.place_text, place_start=told.place_start,
                                               place_end=told.place_end, place=told.place, anchor=told.anchor,
                                               date=told.date, date_precision=told.date_precision,
                                               date_text=told.date_text, date_relation=told.date_relation))
            continue
        if e.actor != _UNDER_HEADING:
            out.append(e)
            continue
        told = next((f for f in events if e.end <= f.start <= e.end + _HEADING_REACH and f.actor != _UNDER_HEADING
                     and f.place_key == e.place_key and f.side != "unknown"
                     and CHANGE_CLASS[f.change] in ("gain", "enter")), None)
        if told is not None:
            out.append(dataclasses.replace(e, actor=told.actor, side=told.side, date=told.date,
                                           date_precision=told.date_precision, date_text=told.date_text,
                                           date_relation=told.date_relation))
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
        # (how sure the place is, apart from how sure the reading of the sentence is)
        **place_doubt(event.place),
        "sentence": event.sentence,
        # (the sentence's span again under the names places and distance claims give it)
        "sentence_start": event.start, "sentence_end": event.end,
        "notes": list(event.notes),
    }
