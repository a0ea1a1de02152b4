"""Shared fixtures: the seed article, the gazetteer index, and the optional ../shared folder."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "aleppo-2024-11-30.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def gazetteer():
    from controlmap.gazetteer import open_gazetteer

    return open_gazetteer()


@pytest.fixture(scope="session")
def seed_article():
    from controlmap.article import load_article

    return load_article(SEED)


@pytest.fixture(scope="session")
def seed_places(seed_article, gazetteer):
    from controlmap.geoparse import geoparse

    return geoparse(seed_article, gazetteer=gazetteer)


@pytest.fixture(scope="session")
def shared_folder() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not here (evaluation data lives outside the product)")
    return SHARED
