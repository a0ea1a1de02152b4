"""The whole job in one call: articles -> places -> distance claims and control events -> timeline.

This is what the CLI's ``map`` and ``export`` commands run, and what a notebook calls::

    from controlmap import analyse
    result = analyse(["seeds/aleppo-2024-11-30.txt"])
    result.timeline.intervals
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Union

from .article import Article, load_article, require_published
from .gazetteer import Gazetteer, open_gazetteer
from .geoparse import Place, geoparse


@dataclass
class Analysis:
    """Everything controlmap extracted from a set of articles.

    Attributes
    ----------
    articles
        The articles, in the order given.
    places
        Every resolved place mention, article by article, in text order.
    claims
        Every distance claim with its verdict (:class:`controlmap.distances.DistanceClaim`).
    events
        Every control event (:class:`controlmap.events.ControlEvent`).
    denials
        Every denial of a change of control (:class:`controlmap.denials.Denial`): no event,
        but it flags the timeline's intervals it disputes.
    timeline
        Who controlled each place when (:class:`controlmap.timeline.Timeline`), or ``None``
        when events were not asked for.
    """

    articles: list[Article]
    places: list[Place] = field(default_factory=list)
    claims: list = field(default_factory=list)
    events: list = field(default_factory=list)
    denials: list = field(default_factory=list)
    timeline: object | None = None

    def places_in(self, article: Article) -> list[Place]:
        """The place mentions found in one of :attr:`articles`."""
        return [p for p in self.places if p.source == article.source]

    def events_in(self, article: Article) -> list:
        """The control events found in one of :attr:`articles`."""
        return [e for e in self.events if e.source == article.source]

    def claims_in(self, article: Article) -> list:
        """The distance claims found in one of :attr:`articles`."""
        return [c for c in self.claims if c.source == article.source]


#: One article (object or path) or several.
Articles = Union[Article, str, os.PathLike, Iterable[Union[Article, str, os.PathLike]]]


def _as_list(items: Articles) -> list:
    # A str is itself an iterable (of characters), so one path must be caught before iterating.
    if isinstance(items, (Article, str, os.PathLike)):
        return [items]
    return list(items)


def load_articles(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    published: str | date | None = None,
    require_date: bool = False,
) -> list[Article]:
    """Load one or several article files (``"-"`` for stdin) with an optional shared publication date.

    Parameters
    ----------
    paths
        One path or several.
    published
        Publication date for articles that carry none (front matter and sidecars lose to it).
    require_date
        Refuse, with :class:`~controlmap.errors.DateError`, an article left without a
        publication date (see :func:`controlmap.article.require_published`).
    """
    loaded = [load_article(p, published=published) for p in _as_list(paths)]
    return [require_published(a) for a in loaded] if require_date else loaded


def analyse(
    articles: Articles,
    *,
    published: str | date | None = None,
    gazetteer: Gazetteer | None = None,
    geocoder=None,
    ner=None,
    distances: bool = True,
    events: bool = True,
) -> Analysis:
    """Run the pipeline on articles (objects or paths) and return an :class:`Analysis`.

    Parameters
    ----------
    articles
        One :class:`Article` or path to an article file, or several.
    published
        Publication date of the articles loaded from files: it wins over their front matter and
        sidecars, as `--published` does on the command line.
    gazetteer
        An open gazetteer; the default index otherwise.
    geocoder
        Optional online geocoder (see :mod:`controlmap.geocoders`); offline by default.
    ner
        Optional spaCy recogniser (:func:`controlmap.ner.spacy_recogniser`) that revises the
        places found; none by default.
    distances, events
        Whether to check distance claims and extract control events. An article without
        a publication date is analysed all the same: its events dated relative to it
        ("on Wednesday") stay undated (use :func:`load_articles` with ``require_date`` to
        refuse it instead).
    """
    loaded = [a if isinstance(a, Article) else load_article(a, published=published) for a in _as_list(articles)]
    gazetteer = gazetteer or open_gazetteer()
    result = Analysis(articles=loaded)
    for article in loaded:
        places = geoparse(article, gazetteer=gazetteer, geocoder=geocoder, ner=ner)
        result.places.extend(places)
        if distances:
            from .distances import verify_distances

            result.claims.extend(verify_distances(article, places, gazetteer=gazetteer))
        if events:
            from .denials import find_denials
            from .events import extract_events

            result.events.extend(extract_events(article, places))
            result.denials.extend(find_denials(article, places))
    if events:
        from .timeline import build_timeline

        result.timeline = build_timeline(result.events, result.denials)
    return result
