"""One hierarchy for every error controlmap raises on purpose.

Each leaf also subclasses the builtin it is (a bad input file is a ``ValueError``), so
callers may catch either. The CLI turns any ``ControlmapError`` into a one-line message
and a non-zero exit code; anything else is a bug and keeps its traceback.
"""
from __future__ import annotations


class ControlmapError(Exception):
    """Base class of all controlmap errors."""


class InputError(ControlmapError, ValueError):
    """An article that cannot be read as text: empty, binary, not UTF-8, too large."""


class DateError(ControlmapError, ValueError):
    """A publication date that is missing where it is needed, or malformed."""


class GazetteerError(ControlmapError, RuntimeError):
    """The offline gazetteer index is missing, stale or could not be built."""


class UnknownPlaceError(ControlmapError, LookupError):
    """A place name that no gazetteer entry matches."""


class GeocoderError(ControlmapError, RuntimeError):
    """An online geocoder was asked for and failed, or is not allowed."""


class ExportError(ControlmapError, ValueError):
    """An output controlmap cannot write: an unknown format, nothing to write, or a path it cannot write to."""


class NERError(ControlmapError, RuntimeError):
    """Recognition with a spaCy model was asked for and spaCy or its model is not installed."""
