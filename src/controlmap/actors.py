"""Actors: who fights whom, read from the registry ``geo/actors.csv``.

The registry is data, one row per canonical actor, with columns:

``canonical``
    The actor's canonical name ("Syrian government", "Hayat Tahrir al-Sham").
``side``
    The side it fights on in its conflict ("government", "opposition", "SDF", "Iran"...):
    what the map colours. Allies share a side (Russian forces in Syria are on the
    ``government`` side); in another conflict the same forces may have their own side.
``conflict``
    A short conflict key ("syria", "ukraine", "sudan", "iran-iraq"...); ``generic`` rows hold
    the words any war uses ("government forces", "rebels") for articles whose conflict is
    not recognised.
``country``
    For a state's forces, the ISO 3166-1 alpha-2 code of the state ("RU", "SY"); empty for
    the others. A national capital named as a speaker ("Moscow claimed", "Damascus denied")
    stands for that state's row.
``colour``
    A ``#rrggbb`` colour for the side (the first row of a side gives the side's colour).
``aliases``
    ``|``-separated ways the press names the actor. Matching ignores case, except aliases
    written all in capitals ("HTS", "SDF"), which must appear in capitals, and names that
    open on a capital in every row ("Tigers"), which must open on one in the text too.
``source``
    Where the row comes from.

Conflict rows may list the bare words reports on that war use for one side ("the army" is
the SAF in Sudan, "rebels" are M23 in eastern Congo): they win over the ``generic`` rows
there; such a catch-all word yields to the one group of its side an article names by name
("the MNDAA said ... the rebels" are the MNDAA). Whose forces a bare word names can also be
written before it: "RSF fighters" are the RSF, "Kurdish troops" the row that has "Kurdish
forces", "the Ethiopian government's forces" Ethiopia's, and "the Lebanese army" or "UN
troops", whom no row names, are kept as written rather than given to a side.

A force that says whose side it is on ("pro-Assad forces", "pro-Iranian militias",
"pro-Turkish rebels") is read as the row of that side's allies the registry has
("Iranian-backed militias", "Turkish-backed rebels"), else as that side's own row, and is kept
with its words; a state's leader named by demonym and title ("Iraqi Prime Minister Haider
al-Abadi") stands for that state's forces.

Where no actor word tells the war ("the army regained control of Khartoum"), the places do:
``geo/conflicts.csv`` names the countries each current war is fought in (columns
``conflict``, ``countries`` as space-separated ISO codes, ``source``).

Unknown actors are never dropped: the extractor keeps them as written (see
:func:`controlmap.events.extract_events`).
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path

from . import settings

#: Colour for sides no row names.
UNKNOWN_COLOUR = "#7f7f7f"


@dataclass(frozen=True)
class Actor:
    """One canonical actor of the registry (see the module docstring for the columns)."""

    canonical: str
    side: str
    colour: str
    conflict: str
    aliases: tuple[str, ...] = ()
    source: str = ""
    country: str = ""


#: Conflict key of actors kept as written ("the Lebanese army", "UN troops").
AS_WRITTEN = "as-written"
#: What follows a bare "military" that is the armed forces, not an adjective: a verb or a
#: clause's end ("Israel's military said", "its military had captured", "the country's military").
_ACTS_AFTER = re.compile(r"\s*(?:[,.;:)]|$|(?:said|says|has|have|had|was|is|were|are|also|now|still|then|later|"
                         r"took|retook|overran|won|lost|holds|held|controls|fled|withdrew|[a-z]+ed)\b)")
#: A noun after "the military" that makes it an adjective: "the military commandant", "the military base".
_MILITARY_THING_AFTER = re.compile(r"\s+(?:commandant|camp|base|barracks|academy|wing|court|hospital|airport|airbase|"
                                   r"outpost|post|prison|compound|zone|installation|facility|cemetery|parade|"
                                   r"hardware|equipment|vehicles?|convoy|aircraft|plane|helicopter)\b", re.I)
#: Words for armed men that say nothing of whose they are.
_FORCE_NOUN = re.compile(r"(?:army|military|troops|soldiers|forces|fighters|militants|rebels|militiamen|gunmen|units|"
                         r"guerrillas|insurgents|separatists|jihadists|paramilitaries|"
                         r"rebel\s+group|armed\s+group|militia|tanks|armou?red\s+vehicles)", re.I)
#: A definite description of a non-state armed group, standing for the group named last: "The
#: Arakan Army says it has taken Maungdaw ... The ethnic armed group now controls most of
#: Rakhine". (Not bare "the group": NGOs and monitors are groups too.)
_GROUP_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:(?:ethnic|armed|rebel|insurgent|jihadist|militant|islamist|separatist|paramilitary|extremist|"
    r"terrorist|"
    r"Islamist|Kurdish|Tuareg|Rwanda-backed|Iran-backed|Iranian-backed)\s+){1,2}(?:group|militia|movement|"
    r"organi[sz]ation|force)(?!\s+of\b)\b|\b[Tt]he\s+militia\b(?!\s+of\b)")
#: Between a generic force noun and the group it belongs to: "Fighters from the Fano militia".
_MEMBERS_OF = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?")
#: How far back (characters) the group such a description stands for may be named.
_DESCRIPTION_REACH = 600
#: Nouns tried after an owner word to find its row ("Kurdish troops" -> "Kurdish forces").
_FORCE_SYNONYMS = ("forces", "troops", "fighters", "army", "soldiers")
#: A capitalised word that says whose forces follow: a demonym ("Lebanese", "Egyptian") or an
#: acronym ("UN", "AU").
# (not a country's own name: "the Sudan army" is the war's army, read by its bare word)
_OWNER = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ic|i|can|ban)|[A-Z]{2,6}")
#: Capitalised words before a mention (at most four), separated by single spaces.
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]){1,4})$")
#: A state's forces named through its government: "the Ethiopian government's forces", "Syrian
#: regime's troops" (the demonym says whose; "government" alone would be any war's).
# (searched from the head word, which opens on literal letters the engine skips to, and the
# demonym looked for before it: a pattern opening on any capital is tried at every one)
_STATE_OWNED_FORCES = re.compile(r"(?P<head>government|regime|junta)['’]s?"
                                 r"[ \t]+(?:[a-z]+[ \t]+)?(?:forces|troops|soldiers|army|military|fighters|units)(?![\w-])")
#: The demonym right before such a head word.
_STATE_OWNER_BEFORE = re.compile(r"(?<![\w'’-])(?P<owner>[A-Z][a-z]+)[ \t]+$")
#: Capitalised words that open sentences rather than name anyone.
_OPENERS = frozenset("the a an as and but when while after before on in at by then monday tuesday wednesday "
                     "thursday friday saturday sunday yesterday today".split())


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a text: ``text[start:end]`` is ``words``; ``actor`` the registry row."""

    start: int
    end: int
    words: str
    actor: Actor


class ActorRegistry:
    """Canonical actors with their aliases; finds actor mentions in text.

    Parameters
    ----------
    actors
        The rows, in registry order (earlier rows win ties between equal aliases of the
        same conflict).
    """

    def __init__(self, actors: list[Actor], theatres: dict[str, frozenset[str]] | None = None):
        self.actors = list(actors)
        self.theatres = dict(theatres or {})
        self._by_alias: dict[str, list[Actor]] = {}
        exact: list[str] = []
        folded: list[str] = []
        for actor in self.actors:
            for alias in actor.aliases:
                self._by_alias.setdefault(_key(alias), []).append(actor)
                (exact if _is_acronym(alias) else folded).append(alias)
        # One alternation per case rule, longest alias first so "Syrian government forces"
        # wins over "government forces". The aliases in lower case, searched in the text's
        # lower-case copy: an ignore-case pattern compares every character both ways and is
        # about five times slower (it is built only for a text that needs it: see _folded).
        self._folded_aliases = folded
        # Aliases whose every spelling opens on a capital ("Tigers", "Living Together"): a name,
        # which the text must capitalise too ("paper tigers" are no one).
        spellings: dict[str, set[bool]] = {}
        for alias in folded:
            spellings.setdefault(_key(alias), set()).add(alias[:1].isupper())
        self._names = frozenset(key for key, capital in spellings.items() if capital == {True})
        self._lowered = _alternation([a.lower() for a in folded], 0)
        self._exact = _alternation(exact, 0, capitals=True)
        self._colours: dict[str, str] = {}
        # The last text scanned and its hits: the event reader scans an article once to guess
        # its war and again (when only the places tell the war) to choose the aliases' rows.
        self._last_scan: tuple[str, tuple[tuple[int, int, str], ...]] | None = None
        for actor in self.actors:
            self._colours.setdefault(actor.side.lower(), actor.colour)

    def __len__(self) -> int:
        return len(self.actors)

    @cached_property
    def _folded(self) -> re.Pattern[str] | None:
        """The ignore-case alternation of the aliases, for the rare text whose lower-case copy
        has other offsets; built on first use, as it takes half the time of loading the
        registry (``None`` when every alias is an acronym)."""
        return _alternation(self._folded_aliases, re.I)

    def find(self, text: str, *, conflict: str | None = None) -> list[ActorMention]:
        """Every actor mention in ``text``, in order, longest match first at each position.

        Parameters
        ----------
        conflict
            The article's conflict key, used to choose between rows sharing an alias
            ("Russian forces" in Syria or in Ukraine).
        """
        return self._mentions(self._scan(text), conflict, text)

    def read(self, text: str) -> tuple[str | None, list[ActorMention]]:
        """``(guess_conflict(text), find(text, conflict=...))`` from one scan of ``text``."""
        hits = self._scan(text)
        conflict = self._vote(hits)
        return conflict, self._mentions(hits, conflict, text)

    def _scan(self, text: str) -> list[tuple[int, int, str]]:
        """Every alias match (start, end, words), case-folded aliases first, then acronyms."""
        last = self._last_scan
        if last is not None and last[0] == text:
            return list(last[1])  # (a list of its own: the caller may sort or extend it)
        hits: list[tuple[int, int, str]] = []
        if self._lowered is not None:  # (None as _folded is: no alias but acronyms)
            lower = text.lower()
            if len(lower) == len(text):
                hits += [(m.start(), m.end(), text[m.start():m.end()]) for m in self._lowered.finditer(lower)]
                # An alias opening with "the" may hide a longer name starting at its next word:
                # "The Military Operations Command" is the rebels' command, not "the military"
                # (the scan takes the first match at each position and then moves past it).
                for start, end, words in list(hits):
                    if words[:4].lower() == "the ":
                        inner = self._lowered.match(lower, start + 4)
                        if inner is not None and inner.end() > end:
                            hits.append((inner.start(), inner.end(), text[inner.start():inner.end()]))
            else:  # (a character whose lower case is longer would shift the offsets)
                hits += [(m.start(), m.end(), m.group(0)) for m in self._folded.finditer(text)]
        if self._exact is not None:
            hits += [(m.start(), m.end(), m.group(0)) for m in self._exact.finditer(text)]
        self._last_scan = (text, tuple(hits))
        return hits

    def _mentions(self, hits: list[tuple[int, int, str]], conflict: str | None, text: str) -> list[ActorMention]:
        found: list[ActorMention] = []
        for start, end, words in hits:
            if words.lower() == "military" and not _ACTS_AFTER.match(text, end):
                continue  # "Hamas's military wing", "a military base": an adjective, no actor
            if words.lower() == "the military" and _MILITARY_THING_AFTER.match(text, end):
                continue  # "the offices of ... the military commandant", "the military camp": a thing
            if words[:1].islower() and _key(words) in self._names:
                continue  # a name's words in lower case: "paper tigers", "living together"
            if len(words) == 2 and words.isalpha() and words.isupper() and _in_capitals_line(text, start) \
                    and not _OPENS_CAPITALS_LINE.search(text, max(0, start - 3), start) \
                    and not _FORCE_AFTER.match(text, end):
                continue  # "WHAT IS LEFT OF ...": a word of an all-capital line, not Islamic State
            actor = self._choose(words, conflict)
            if actor is not None and actor.conflict == "generic" and conflict is not None \
                    and _INSURGENT_WORDS.get(_strip_article(words).lower()) == "rebel":
                # "a rebel army", "rebel groups": the war's own rebels where it has a row for them
                # ("rebels" are M23 in eastern Congo), as the bare word is
                actor = next((a for a in self._by_alias.get("rebels", []) if a.conflict == conflict), actor)
            if actor is not None:
                found.append(ActorMention(start, end, words, actor))
        found.sort(key=lambda a: (a.start, -(a.end - a.start)))
        kept: list[ActorMention] = []
        for mention in found:
            if kept and mention.start < kept[-1].end:
                if ((kept[-1].actor.conflict == "generic" or kept[-1].words[:4].lower() == "the ")
                        and mention.actor.conflict != "generic" and mention.end > kept[-1].end):
                    # "The Military Operations Command": the group's name, not "the military" in it
                    kept[-1] = mention
                continue
            if _FORCE_NOUN.fullmatch(mention.words):
                previous = kept[-1] if kept else None
                if previous is not None and re.fullmatch(r"[ \t]|['’]s[ \t]", text[previous.end:mention.start]):
                    # "RSF fighters", "Syrian army troops", "Hamas's military": the name before
                    # says whose they are
                    kept[-1] = ActorMention(previous.start, mention.end, text[previous.start:mention.end],
                                            previous.actor)
                    continue
                mention = self._owned(text, mention, conflict)
            if (kept and kept[-1].actor.conflict == "generic" and mention.actor.conflict != "generic"
                    and _MEMBERS_OF.fullmatch(text, kept[-1].end, mention.start)):
                # "Fighters from the Fano militia", "troops of the SAF": the group they belong to
                kept[-1] = ActorMention(kept[-1].start, mention.end, text[kept[-1].start:mention.end], mention.actor)
                continue
            kept.append(mention)
        kept = self._with_state_owned(text, kept, conflict)
        kept = self._with_leaders(text, self._with_pro_qualifiers(text, kept, conflict), conflict)
        return self._with_descriptions(text, _with_the_named_army(
            _with_the_named_state(_with_the_named_group(kept, text)), text))

    def _with_pro_qualifiers(self, text: str, kept: list[ActorMention], conflict: str | None) -> list[ActorMention]:
        """``kept`` with each "pro-X" force ("pro-Assad forces", "pro-Iranian militias",
        "pro-Turkish rebels") as one mention with its words: the row of X's allies where the
        registry has one ("Iranian-backed militias", "Turkish-backed rebels"), else X's own
        ("Assad forces", "government forces", "Kyiv's forces"), else kept as written
        ("pro-democracy fighters"). The words that name X are no mention of their own."""
        if "pro-" not in text and "PRO-" not in text and "Pro-" not in text:
            return kept  # (one substring test: most texts name no "pro-" side)
        out = list(kept)
        for found in _PRO_FORCE.finditer(text):
            start, end = found.span()
            if any((a.start <= start and end <= a.end and (a.start, a.end) != (start, end))
                   or ((a.start, a.end) == (start, end) and a.actor.conflict != "generic") for a in out):
                continue  # an alias spells it already ("pro-Russian separatists"), or a longer name holds it
            actor = self._pro_actor(found.group("x"), found.group("noun"), conflict)
            if actor is None:
                written = " ".join(found.group(0).split())
                actor = Actor(written, written, UNKNOWN_COLOUR, AS_WRITTEN)
            out = [a for a in out if a.end <= start or a.start >= end]
            out.append(ActorMention(start, end, found.group(0), actor))
        return sorted(out, key=lambda a: (a.start, -(a.end - a.start)))

    def _with_state_owned(self, text: str, kept: list[ActorMention], conflict: str | None) -> list[ActorMention]:
        """``kept`` with each "<Demonym> government's forces" (:data:`_STATE_OWNED_FORCES`) as
        one mention of that state's row ("Ethiopian forces", "Syrian government"), the war's
        own row first; a demonym no row has leaves the words as they were."""
        if "'s" not in text and "’s" not in text:
            return kept
        out = list(kept)
        for found in _STATE_OWNED_FORCES.finditer(text):
            # (the demonym and one space before it: "Ethiopian government's", not "antigovernment's")
            before = _STATE_OWNER_BEFORE.search(text, max(0, found.start() - 30), found.start())
            if before is None:
                continue
            owner, head = before.group("owner"), found.group("head").lower()
            rows = [a for guess in (f"{owner} {head}", f"{owner} government", *(f"{owner} {n}" for n in _FORCE_SYNONYMS))
                    for a in self._by_alias.get(_key(guess), [])]
            if not rows:
                continue
            start, end = before.start("owner"), found.end()
            if any(a.start < start < a.end or a.start < end < a.end for a in out):
                continue  # (inside a longer name)
            out = [a for a in out if a.end <= start or a.start >= end]
            out.append(ActorMention(start, end, text[start:end], self._pick(rows, conflict)))
        return sorted(out, key=lambda a: (a.start, -(a.end - a.start)))

    def _with_leaders(self, text: str, kept: list[ActorMention], conflict: str | None) -> list[ActorMention]:
        """``kept`` with each state's leader named by a demonym and a title ("Iraqi Prime
        Minister Haider al-Abadi", "Ethiopian President") as the forces of that state, the war's
        own row of it first: what a leader declares or orders is the state's doing. A leader
        the registry already names ("President Bashar al-Assad") keeps that mention."""
        if "President" not in text and "Minister" not in text and "Premier" not in text:
            return kept  # (two substring tests: most texts name no such title)
        out = list(kept)
        # (the titles first, which open on literal capitals the engine skips to, then the
        # demonym before each: one scan of the text that stops at few places)
        for title in _LEADER_TITLE.finditer(text):
            dem = _DEMONYM_BEFORE.search(text, max(0, title.start() - 30), title.start())
            if dem is None:
                continue
            start, end = dem.start("dem"), _LEADER_NAME.match(text, title.end()).end()
            if any(a.start < end and start < a.end for a in out):
                continue
            states = [a for noun in _FORCE_SYNONYMS for a in self._by_alias.get(_key(f"{dem.group('dem')} {noun}"), [])
                      if a.country]
            if not states:
                continue
            own = [a for a in self.actors if a.country == states[0].country]
            out.append(ActorMention(start, end, text[start:end], self._pick(own, conflict)))
        return sorted(out, key=lambda a: (a.start, -(a.end - a.start)))

    def _pro_actor(self, owner: str, noun: str, conflict: str | None) -> Actor | None:
        """The row "pro-``owner`` ``noun``" stands for (see :meth:`_with_pro_qualifiers`)."""
        nouns = tuple(dict.fromkeys((noun.lower(), *_PRO_NOUN_SYNONYMS)))
        owner = " ".join(owner.split())
        guesses = ([f"{owner}-backed {n}" for n in nouns] + [f"{owner} {n}" for n in nouns]
                   + [f"{owner}'s {n}" for n in nouns] + [owner])
        if " " in owner:
            # "pro-Ethiopian government militias": the state's own forces ("Ethiopian forces")
            guesses += [f"{owner.split()[0]} {n}" for n in nouns]
        rows = [self._by_alias.get(_key(guess)) for guess in guesses]
        # (the war's own row first, whichever guess names it: "pro-government militias" in Syria
        # are the Syrian government's, not the generic row "government-backed forces" is)
        own = next((a for candidates in rows if candidates for a in candidates if a.conflict == conflict), None)
        if own is not None:
            return own
        return next((self._pick(candidates, conflict) for candidates in rows if candidates), None)

    @staticmethod
    def _with_descriptions(text: str, kept: list[ActorMention]) -> list[ActorMention]:
        """``kept`` with the group descriptions of ``text`` read as the non-state group named
        last before them (see :data:`_GROUP_DESCRIPTION`); a description with none stays as
        the registry reads it (a generic row, or nothing)."""
        if not any(not a.actor.country and a.actor.conflict not in ("generic", AS_WRITTEN) for a in kept):
            return kept  # no group named that a description could stand for (most calls: short phrases)
        out = list(kept)
        for found in _GROUP_DESCRIPTION.finditer(text):
            start, end = found.start(), found.end()
            named = [a for a in kept if a.end <= start and start - a.end <= _DESCRIPTION_REACH
                     and not a.actor.country and a.actor.conflict not in ("generic", AS_WRITTEN)]
            if not named:
                continue
            out = [a for a in out if not (a.start < end and start < a.end)]
            out.append(ActorMention(start, end, found.group(0), named[-1].actor))
        return sorted(out, key=lambda a: (a.start, -(a.end - a.start)))

    def _owned(self, text: str, mention: ActorMention, conflict: str | None) -> ActorMention:
        """A bare force noun with its owner written before it ("the Lebanese army", "UN troops",
        "Sudan Liberation Army"): the owner's row, or the words kept as written."""
        before = _CAPITALISED_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        if before is None or mention.words.isupper():
            return mention  # (all-capital wire headlines: "IRAN SAYS TROOPS CAPTURE")
        words = before.group(1).split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]
        if not words:
            return mention
        if mention.words[0].isupper():
            owner = words  # a name of its own: "Sudan Liberation Army"
        elif _OWNER.fullmatch(words[-1]) and mention.words.islower():
            owner = words[-1:]  # "the Lebanese army", "UN troops"
        else:
            return mention  # "On Tuesday troops ...", "Aleppo rebels": the bare word stands
        start = mention.start - len(" ".join(owner)) - 1
        written = text[start:mention.end]
        for noun in (mention.words.lower(), *_FORCE_SYNONYMS):
            candidates = self._by_alias.get(_key(" ".join(owner) + " " + noun))
            if candidates:
                return ActorMention(start, mention.end, written, self._pick(candidates, conflict))
        return ActorMention(start, mention.end, written, Actor(written, written, UNKNOWN_COLOUR, AS_WRITTEN))

    def conflict_in(self, countries: Iterable[str]) -> str | None:
        """The war most of ``countries`` (the article's places, one code per mention) are in,
        by :attr:`theatres`; ``None`` when none is, or two tie."""
        votes: Counter[str] = Counter()
        # (each country once, with its count: an article names a few countries many times)
        for country, count in Counter(countries).items():
            for conflict, where in self.theatres.items():
                if country in where:
                    votes[conflict] += count
        ranked = votes.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def state_of(self, country: str, conflict: str | None) -> Actor | None:
        """The row of the forces of ``country`` (ISO alpha-2), the conflict's own row first."""
        rows = [a for a in self.actors if a.country == country]
        return self._pick(rows, conflict) if rows else None

    def match(self, text: str, *, conflict: str | None = None) -> Actor | None:
        """The actor ``text`` names: an alias equal to it, else the longest alias inside it."""
        words = _strip_article(text)
        candidates = self._by_alias.get(_key(words))
        if candidates:
            spelled = {a for c in candidates for a in c.aliases if _key(a) == _key(words)}
            # an acronym alias ("HTS") matches only as written, like in running text
            if not any(_is_acronym(a) for a in spelled) or words in spelled:
                return self._pick(candidates, conflict)
        mentions = self.find(text, conflict=conflict)
        if not mentions:
            return None
        return max(mentions, key=lambda m: m.end - m.start).actor

    def alias(self, words: str, *, conflict: str | None = None) -> Actor | None:
        """The row whose alias ``words`` is, exactly (case aside), or ``None``: unlike
        :meth:`match`, no alias inside the words ("troops" in "Soviet troops") counts."""
        candidates = self._by_alias.get(_key(_strip_article(words)))
        return self._pick(candidates, conflict) if candidates else None

    def colour_for(self, side: str) -> str:
        """The colour of a side (case-insensitive), grey for a side no row names."""
        return self._colours.get(side.lower(), UNKNOWN_COLOUR)

    def sides(self) -> list[str]:
        """Distinct sides, in registry order."""
        return list(dict.fromkeys(a.side for a in self.actors))

    def guess_conflict(self, text: str) -> str | None:
        """The conflict whose conflict-specific aliases appear most in ``text``, or ``None``.

        Only aliases that belong to a single conflict vote, so "government forces" (every
        war, a ``generic`` row) does not, while "Assad" or "Chadian troops" do.
        """
        return self._vote(self._scan(text))

    def tells(self, words: str) -> str | None:
        """The war an alias names alone ("RSF": sudan), or ``None`` for words several wars
        share or generic ones ("the army")."""
        conflicts = {a.conflict for a in self._by_alias.get(_key(words), [])}
        return conflicts.pop() if len(conflicts) == 1 and "generic" not in conflicts else None

    def _vote(self, hits: list[tuple[int, int, str]]) -> str | None:
        votes: Counter[str] = Counter(c for _, _, words in hits if (c := self.tells(words)) is not None)
        return votes.most_common(1)[0][0] if votes else None

    def _choose(self, words: str, conflict: str | None) -> Actor | None:
        candidates = self._by_alias.get(_key(words))
        return self._pick(candidates, conflict) if candidates else None

    @staticmethod
    def _pick(candidates: list[Actor], conflict: str | None) -> Actor:
        for wanted in (conflict, "generic"):
            for actor in candidates:
                if actor.conflict == wanted:
                    return actor
        return candidates[0]


#: A force that says whose side it is on with "pro-": "pro-government militias", "Pro-Assad forces".
_PRO_FORCE = re.compile(r"(?<![\w-])pro-(?P<x>[a-z][\w'’.]*?(?:[ \t]+(?:government|regime|junta))?)\s+(?P<noun>forces|troops|militias?|militiamen|fighters|"
                        r"rebels|separatists|gunmen|groups|factions|units|paramilitaries|insurgents|loyalists|guerrillas|"
                        r"soldiers|brigades|tribesmen|elements)(?![\w-])", re.I)
#: A state's leader by demonym and title, with the name that follows: "Iraqi Prime Minister Haider
#: al-Abadi", "Ethiopian President Sahle-Work Zewde", "Azerbaijani Defence Minister".
_LEADER_TITLE = re.compile(r"President|Prime[ \t]+Minister|Premier|Defen[cs]e[ \t]+Minister")
#: The demonym right before such a title.
_DEMONYM_BEFORE = re.compile(r"(?<![\w'’-])(?P<dem>[A-Z][a-z]+)[ \t]+$")
#: The name after such a title (up to three capitalised words).
_LEADER_NAME = re.compile(r"(?:[ \t]+(?:(?:al|el|bin|ibn)[ \t-])?[A-Z][\w'’-]+){0,3}")
#: The nouns tried after the side a "pro-" force is for ("Iranian-backed militias" for "pro-Iranian gunmen").
_PRO_NOUN_SYNONYMS = ("forces", "militias", "militia", "fighters", "rebels", "troops", "separatists", "factions")


#: Generic words for insurgents, and the word an alias of the group they stand for must hold.
_INSURGENT_WORDS = {"rebels": "rebel", "rebel forces": "rebel", "rebel fighters": "rebel", "insurgents": "insurgent",
                    "militants": None, "jihadists": None, "fighters": None, "gunmen": None, "separatists": "separatist",
                    "rebel army": "rebel", "rebel group": "rebel", "rebel groups": "rebel", "ethnic rebel army": "rebel",
                    "ethnic rebel group": "rebel", "ethnic armed group": None, "ethnic minority armed group": None}


#: Bare words a war's own row may hold that any armed group is called by.
_BROAD_WORDS = frozenset(("jihadists", "militants"))


def _with_the_named_group(kept: list[ActorMention], text: str = "") -> list[ActorMention]:
    """Generic words for insurgents read as the one non-state group the text names: "Al-Shabaab
    ... the militants" in Somalia, "Tuareg rebels ... the rebels" in Mali. With several groups
    named, a word stands for the one whose aliases share it ("rebels" for the Tuareg rebels,
    not JNIM), else it stays generic. A people's or a clan's word before it says they are
    others, kept as written ("Tribal fighters entered the city" after the SDF withdrew)."""
    # (a group is named by its name: a war's own row for "rebels" or "jihadists" names no one)
    groups = {a.actor.canonical: a.actor for a in kept
              if not a.actor.country and a.actor.conflict not in ("generic", AS_WRITTEN) and a.actor.side != "government"
              and _strip_article(a.words).lower() not in _INSURGENT_WORDS}
    if not groups:
        return kept
    out = []
    for mention in kept:
        words = _strip_article(mention.words).lower()
        generic = mention.actor.conflict == "generic" and mention.actor.side == "opposition"
        # a war's catch-all row for a bare word ("jihadists" are Syria's opposition) yields to the
        # one group the text names ("recaptured Palmyra from Islamic State ... the jihadists")
        broad = (words in _BROAD_WORDS and mention.actor.conflict not in ("generic", AS_WRITTEN)
                 and mention.actor.canonical not in groups and len(groups) == 1)
        # a war's catch-all row for its rebels ("rebels" are Myanmar's resistance) yields to the
        # one group of that side the text names ("the MNDAA said ... the rebels took Lashio")
        member = _one_member(mention, groups) if words in _INSURGENT_WORDS else None
        if member is not None and not generic and not broad:
            out.append(ActorMention(mention.start, mention.end, mention.words, member))
            continue
        if (generic or broad) and words in _INSURGENT_WORDS:
            own = _OTHERS_WORD.search(text, max(0, mention.start - 25), mention.start) if text else None
            if own is not None:
                written = text[own.start(1):mention.end]
                out.append(ActorMention(own.start(1), mention.end, written,
                                        Actor(written, written, UNKNOWN_COLOUR, AS_WRITTEN)))
                continue
            stem = _INSURGENT_WORDS[words]
            fitting = [g for g in groups.values() if stem and any(stem in alias.lower() for alias in g.aliases)]
            chosen = fitting if len(fitting) == 1 else list(groups.values()) if len(groups) == 1 else []
            if chosen:
                mention = ActorMention(mention.start, mention.end, mention.words, chosen[0])
        out.append(mention)
    return out


def _one_member(mention: ActorMention, groups: dict[str, Actor]) -> Actor | None:
    """The one group named by its name on the side of ``mention``'s row, a war's own row for
    its bare words, when that group is another row ("Myanmar resistance" for "the rebels",
    the MNDAA the only one named); ``None`` with several named, or the row itself named."""
    row = mention.actor
    if row.country or row.conflict in ("generic", AS_WRITTEN):
        return None
    same = [g for g in groups.values() if g.conflict == row.conflict and g.side == row.side]
    return same[0] if len(same) == 1 and same[0].canonical != row.canonical else None


#: A word before "fighters", "militants" that names other people than the group named before.
_OTHERS_WORD = re.compile(r"\b((?:[Tt]ribal|[Cc]lan|[Ll]ocal|Arab|Druze|Bedouin|Alawite|Sunni|Shia|Shiite|Christian|"
                          r"Turkmen|Yazidi|[Vv]illage|[Ss]elf-defen[cs]e)(?:\s+[a-z]+)?)\s+$")
#: Generic words for a state's forces, read as the one state whose forces the text names.
_STATE_FORCE_WORDS = frozenset("troops soldiers tanks forces units armoured vehicles armored vehicles".split())


def _with_the_named_state(kept: list[ActorMention]) -> list[ActorMention]:
    """Generic words for a state's forces ("tanks rolled into the camp", "troops") read as the
    one state the text names forces of ("Israeli forces encircled Jabalia"). With two states
    named (a war between states) they stay generic: the speaker may tell them apart."""
    states = {a.actor.canonical: a.actor for a in kept if a.actor.country and a.actor.conflict not in ("generic", AS_WRITTEN)}
    if len(states) != 1:
        return kept
    (state,) = states.values()
    return [ActorMention(a.start, a.end, a.words, state)
            if a.actor.conflict == "generic" and a.actor.side == "government" and _strip_article(a.words).lower() in _STATE_FORCE_WORDS
            else a for a in kept]


#: How far back a named army may be for a bare "the army" to stand for it (a paragraph or two).
_ARMY_REACH = 400


def _with_the_named_army(kept: list[ActorMention], text: str) -> list[ActorMention]:
    """A bare "the army" read as the state's army named just before it, when that is
    another row than the bare word's: "the Lebanese army said ... The army said in a statement
    that its units had entered Khiam" is Lebanon's army, not the war's main one (Israel's); a
    group named "Army" ("the Arakan Army ... The army said") is no state's army."""
    out: list[ActorMention] = []
    for a in kept:
        if _strip_article(a.words).lower() == "army":
            named = [b for b in out if 0 <= a.start - b.end <= _ARMY_REACH and b.words.lower().endswith("army")
                     and _strip_article(b.words).lower() != "army" and b.actor.country
                     and b.actor.conflict not in ("generic", AS_WRITTEN)]
            if named and named[-1].actor.canonical != a.actor.canonical:
                a = ActorMention(a.start, a.end, a.words, named[-1].actor)
        out.append(a)
    return out


#: What opens a line or a clause of an all-capital headline: "IS SEIZES RAMADI", "IRAQ: IS ...".
_OPENS_CAPITALS_LINE = re.compile(r"(?:\A|\n|[,:;-])\s*\Z")
#: A force noun right after a short acronym: "IS FIGHTERS", "AA TROOPS".
_FORCE_AFTER = re.compile(r"\s+(?:fighters|militants|jihadists|forces|troops|rebels|gunmen|insurgents|group)\b", re.I)


def _in_capitals_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is written all in capitals (a wire headline), with a few
    words at least ("SRI LANKAN TROOPS CAPTURE REBEL BASE")."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)]
    return line.isupper() and len(line.split()) >= 3


def _key(alias: str) -> str:
    return " ".join(alias.lower().replace("’", "'").split())


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()), flags=re.I)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias) <= 6


def _alternation(aliases: list[str], flags: int, *, capitals: bool = False) -> re.Pattern[str] | None:
    """One pattern for all ``aliases``, the longest alias winning where several match.

    The aliases are merged into a tree of characters ("s" -> "y" -> ... "syrian army",
    "syrian government forces"), so that at each position of the text the regex engine
    follows at most one branch instead of trying some three hundred aliases one by one (three
    times faster than a tree of words); a longer continuation is tried before its stem ends
    the match. ``capitals``: the aliases open on capitals (acronyms), rare in running text
    (see below).
    """
    if not aliases:
        return None
    tree: dict = {}
    for alias in set(aliases):
        node = tree
        # Words are joined by one space (any run of white space in the text will match it).
        for char in " ".join(alias.replace("’", "'").split()):
            node = node.setdefault(char.lower() if flags & re.I else char, {})
        node[""] = {}  # an alias ends here
    if capitals and not flags & re.I:
        # A pattern that opens on literal characters lets the engine skip in C to the next
        # position holding one of them (a capital: a few in a hundred) instead of starting a
        # match at every position, as it must when the word-start check comes first: the
        # check goes after the first character, one place further back (``(?<![\w-].)``), the
        # same test (four times faster over the benchmark's news).
        branches = [_char_pattern(char) + r"(?<![\w-].)" + _tree_pattern(child)
                    for char, child in sorted(tree.items()) if char]
        return re.compile("(?:" + "|".join(branches) + r")(?![\w-])", flags)
    return re.compile(r"(?<![\w-])" + _tree_pattern(tree) + r"(?![\w-])", flags)


def _tree_pattern(node: dict) -> str:
    """The pattern of a character tree's branches (the empty string when no branch goes on)."""
    branches = [_char_pattern(char) + _tree_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # An alias ending here makes the rest optional; the greedy "?" still tries the longer first.
    return f"(?:{body})?" if "" in node else body


def _char_pattern(char: str) -> str:
    # Line-wrapped wire copy breaks aliases across lines; either apostrophe is written.
    if char == " ":
        return r"\s+"
    return "['’]" if char == "'" else re.escape(char)


def read_actors(path: str | Path, theatres: str | Path | None = None) -> ActorRegistry:
    """Read a registry CSV (columns as in the module docstring), and optionally the countries
    each conflict is fought in (``geo/conflicts.csv``)."""
    rows: list[Actor] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            rows.append(Actor(row["canonical"].strip(), row["side"].strip(), row["colour"].strip(),
                              row["conflict"].strip(), aliases, (row.get("source") or "").strip(),
                              (row.get("country") or "").strip().upper()))
    where: dict[str, frozenset[str]] = {}
    if theatres is not None:
        with open(theatres, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                where[row["conflict"].strip()] = frozenset(row["countries"].upper().split())
    return ActorRegistry(rows, where)


@lru_cache(maxsize=1)
def load_actors() -> ActorRegistry:
    """The registry shipped in ``geo/actors.csv`` (read once, then cached)."""
    return read_actors(settings.geo_folder() / "actors.csv", settings.geo_folder() / "conflicts.csv")
