"""Geoparsing: text -> place mentions -> resolved places.

IMPLEMENTATION IN PROGRESS (owner: lead). The public surface below is fixed.
"""
from __future__ import annotations

from dataclasses import dataclass

from .article import Article
from .gazetteer import GazetteerEntry
from .text import Sentence


@dataclass(frozen=True)
class Place:
    """A place mention in an article, resolved to one gazetteer entry.

    ``article.text[start:end] == text``. ``sentence`` is the sentence holding it.
    ``confidence`` is in [0, 1]; ``runner_up`` is the second-best entry when it was close
    (its own confidence in ``runner_up_confidence``).
    """

    start: int
    end: int
    text: str
    entry: GazetteerEntry
    sentence: Sentence
    source: str
    confidence: float
    runner_up: GazetteerEntry | None = None
    runner_up_confidence: float | None = None


def geoparse(article: Article, *, gazetteer=None, geocoder=None) -> list[Place]:
    """Find and resolve every place mention in ``article``, in text order."""
    raise NotImplementedError
