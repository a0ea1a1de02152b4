"""The records control-event extraction passes along: the public :class:`ControlEvent`
with its kinds of change, and the parts an event is assembled from.

:class:`_PlacePart` and :class:`_ActorPart` are the place and the actor read around a
trigger; :class:`_Context` is what the reading of one sentence may look at beyond it (its
neighbours, the events read before). Every other ``event_*`` module reads or builds these;
this one imports none of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .dates import DateMention
from .geoparse import Place
from .text import Sentence

#: Kinds of change, and what each does to control of the place.
#: ``captured`` and ``retook`` (a gain), ``entered`` (a contested gain, "advanced into"),
#: ``holds`` (control observed, not changed), ``besieged`` (the place is encircled; control
#: unchanged), ``withdrew`` and ``lost`` (a loss for the actor).
CHANGES: tuple[str, ...] = ("captured", "retook", "entered", "holds", "besieged", "withdrew", "lost")

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
