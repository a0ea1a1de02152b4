"""controlmap: turn conflict news into verified, dated territorial-control maps.

The pipeline, one module per stage::

    article -> text (sentences) -> mentions -> geoparse (gazetteer) -> distances / events, denials
            -> timeline -> mapping / export

The names below are the public API. The heavier stages (distances, events, timeline, map,
exports) are imported on first use, so that ``controlmap places`` stays fast to start.
The exports are the module ``controlmap.export`` (``from controlmap.export import export``):
a function of the same name here would be replaced by the module as soon as it is imported.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from .article import Article, article_from_text, load_article
from .errors import ControlmapError
from .gazetteer import GazetteerEntry, open_gazetteer
from .geoparse import Place, geoparse

__version__ = "0.1.0"

_LAZY = {
    "verify_distances": "distances",
    "DistanceClaim": "distances",
    "extract_events": "events",
    "ControlEvent": "events",
    "find_denials": "denials",
    "Denial": "denials",
    "build_timeline": "timeline",
    "Timeline": "timeline",
    "write_map": "mapping",
    "build_map": "mapping",
    "analyse": "pipeline",
    "Analysis": "pipeline",
}

__all__ = ["Article", "ControlmapError", "GazetteerEntry", "Place", "article_from_text", "geoparse",
           "load_article", "open_gazetteer", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'controlmap' has no attribute {name!r}")
