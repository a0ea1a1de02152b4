"""Settings in one place: where the gazetteer index lives, limits on input, geocoder terms.

Each setting is a module global documented once; change it before calling the library
(``controlmap.settings.cache_folder = Path("/tmp/cm")``) or through the environment
variables named below.
"""
from __future__ import annotations

import os
from pathlib import Path

#: Folder holding the gazetteer index and the online-geocoder cache.
#: ``CONTROLMAP_CACHE`` overrides; else ``$XDG_CACHE_HOME/controlmap`` or ``~/.cache/controlmap``.
cache_folder: Path = Path(
    os.environ.get("CONTROLMAP_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "controlmap"
)

#: Largest article accepted, in bytes. News articles are kilobytes; past this the input is
#: almost certainly not an article, and a clear refusal beats minutes of scanning.
max_article_bytes: int = int(os.environ.get("CONTROLMAP_MAX_BYTES", 20 * 1024 * 1024))

#: Confidence below which a resolved place is flagged ``low_confidence`` (with its
#: runner-up, where there is one). On the four geoparsing dev sets, readings below 0.6 are
#: within 161 km of the gold about half the time, against three in four above it
#: (``python benchmarks/places.py --out DIR`` keeps the predictions to check).
low_confidence: float = 0.6

#: User agent sent to online geocoders (Nominatim's usage policy requires a real one).
geocoder_user_agent: str = os.environ.get("CONTROLMAP_USER_AGENT", "controlmap/0.1 (offline-first geoparser)")

#: Minimum seconds between two requests to an online geocoder (Nominatim: 1 request/s).
geocoder_min_delay_seconds: float = 1.0


def geo_folder() -> Path:
    """Folder of curated reference data: ``geo/`` in a source checkout, ``controlmap/geo`` in a wheel."""
    checkout = Path(__file__).resolve().parents[2] / "geo"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "geo"
