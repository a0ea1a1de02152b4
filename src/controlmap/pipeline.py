"""The whole job in one call: articles -> places -> distance claims and control events -> timeline.

This is what the CLI's ``map`` and ``export`` commands run, and what a notebook calls::

    from controlmap import analyse
    result = analyse(["seeds/aleppo-2024-11-30.txt"])
    result.timeline.intervals
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

from .article import Article, load_article
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
    timeline
        Who controlled each place when (:class:`controlmap.timeline.Timeline`), or ``None``
        when events were not asked for.
    """

    articles: list[Article]
    places: list[Place] = field(default_factory=list)
    claims: list = field(default_factory=list)
    events: list = field(default_factory=list)
    timeline: object | None = None


def load_articles(paths: Iterable[str | Path], *, published: str | date | None = None) -> list[Article]:
    """Load several article files (``"-"`` for stdin) with an optional shared publication date."""
    return [load_article(p, published=published) for p in paths]


def analyse(
    articles: Iterable[Article | str | Path],
    *,
    published: str | date | None = None,
    gazetteer: Gazetteer | None = None,
    geocoder=None,
    distances: bool = True,
    events: bool = True,
) -> Analysis:
    """Run the pipeline on articles (objects or paths) and return an :class:`Analysis`.

    Parameters
    ----------
    articles
        :class:`Article` objects or paths to article files.
    published
        Publication date for articles that carry none (front matter and sidecars win).
    gazetteer
        An open gazetteer; the default index otherwise.
    geocoder
        Optional online geocoder (see :mod:`controlmap.geocoders`); offline by default.
    distances, events
        Whether to check distance claims and extract control events.
    """
    loaded = [a if isinstance(a, Article) else load_article(a, published=published) for a in articles]
    gazetteer = gazetteer or open_gazetteer()
    result = Analysis(articles=loaded)
    for article in loaded:
        places = geoparse(article, gazetteer=gazetteer, geocoder=geocoder)
        result.places.extend(places)
        if distances:
            from .distances import verify_distances

            result.claims.extend(verify_distances(article, places, gazetteer=gazetteer))
        if events:
            from .events import extract_events

            result.events.extend(extract_events(article, places))
    if events:
        from .timeline import build_timeline

        result.timeline = build_timeline(result.events)
    return result
