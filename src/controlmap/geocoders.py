"""Online geocoders, only when the user asks for them (``--geocoder nominatim``).

The offline gazetteer stays the first and default source. An online geocoder is asked only
about capitalised names after a locative preposition ("in Kafr Nabl", "near Tal Rifaat")
that the gazetteer does not know. Requests go through geopy, at most one a second (as
Nominatim's usage policy demands, with a real user agent), and answers are kept in an
on-disk cache so that a name is asked once, ever.
"""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from . import settings
from .errors import GeocoderError
from .gazetteer import Gazetteer, GazetteerEntry, NameMatch, name_key
from .mentions import Mention

log = logging.getLogger(__name__)

_LOCATIVE_NAME = re.compile(r"\b(?:in|near|at|from|outside|into|towards?)\s+((?:[A-Z][\w'’-]+)(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,3})")
_SERVICES = ("nominatim",)


class OnlineGeocoder:
    """A geopy geocoder with a rate limit and an on-disk cache of its answers.

    Parameters
    ----------
    service
        ``"nominatim"`` (OpenStreetMap).
    cache_path
        JSON file of earlier answers; defaults to ``<cache_folder>/geocoder-<service>.json``.
    """

    def __init__(self, service: str, cache_path: Path | None = None):
        if service not in _SERVICES:
            raise GeocoderError(f"unknown geocoder {service!r}; choose one of {', '.join(_SERVICES)}")
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        self.service = service
        self.cache_path = Path(cache_path or Path(settings.cache_folder) / f"geocoder-{service}.json")
        self._cache: dict[str, list | None] = self._read_cache()
        client = Nominatim(user_agent=settings.geocoder_user_agent, timeout=10)
        # One retry, a second later: a timeout, a 429 or a 5xx may pass, and a machine with no
        # network fails in seconds rather than after rounds of waiting.
        self._geocode = RateLimiter(client.geocode, min_delay_seconds=settings.geocoder_min_delay_seconds,
                                    max_retries=1, error_wait_seconds=1.0, swallow_exceptions=False)

    def _read_cache(self) -> dict[str, list | None]:
        try:
            return json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write_cache(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        self.cache_path.write_text(json.dumps(self._cache, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    def geocode(self, name: str) -> GazetteerEntry | None:
        """One name to one entry (``nominatim:<osm_type>/<osm_id>``), or ``None`` when not found."""
        key = name_key(name)
        if key not in self._cache:
            from geopy.exc import GeocoderUnavailable, GeopyError

            try:
                location = self._geocode(name, exactly_one=True)
            except GeocoderUnavailable as exc:
                raise GeocoderError(f"{self.service} is unavailable while asking about {name!r} (no network, "
                                    f"or the service is down): {_reason(exc)}") from exc
            except GeopyError as exc:
                raise GeocoderError(f"{self.service} failed for {name!r}: {_reason(exc)}") from exc
            log.info("%s: %s -> %s", self.service, name, location.address if location else None)
            raw = getattr(location, "raw", None) or {}
            self._cache[key] = None if location is None else [
                location.latitude, location.longitude, raw.get("osm_type", "?"), raw.get("osm_id", "?"), location.address]
            self._write_cache()
        hit = self._cache[key]
        if hit is None:
            return None
        lat, lon, osm_type, osm_id, address = hit
        return GazetteerEntry(f"{self.service}:{osm_type}/{osm_id}", address.split(",")[0], "feature", None, None,
                              float(lat), float(lon), 0, False, f"{self.service} (online): {address}")

    def find_unknown(self, text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
        """Mentions for names after a locative preposition that the offline gazetteer lacks."""
        covered = [(m.start, m.end) for m in mentions]
        found = []
        for match in _LOCATIVE_NAME.finditer(text):
            start, end = match.span(1)
            if any(a < end and start < b for a, b in covered) or gazetteer.lookup(match.group(1)):
                continue
            entry = self.geocode(match.group(1))
            if entry is not None:
                found.append(Mention(start, end, match.group(1), match.group(1), [NameMatch(entry, 2)],
                                     evidence=[f"{self.service} online geocoder"]))
        return found


_CAUSES = re.compile(r"Failed to resolve '[^']+'|Connection refused|timed out|Network is unreachable|\d{3} [A-Z][\w ]+")


def _reason(exc: Exception) -> str:
    """The part of a geopy error a user can act on ("Failed to resolve 'nominatim...'"), not
    the whole chain of urllib3 wrappers around it."""
    text = str(exc)
    found = _CAUSES.search(text)
    return found.group(0) if found else (text if len(text) <= 160 else text[:157] + "...")


def online_geocoder(service: str) -> OnlineGeocoder:
    """The online geocoder named ``service`` (see :class:`OnlineGeocoder`)."""
    return OnlineGeocoder(service)
