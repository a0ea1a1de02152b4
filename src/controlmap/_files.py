"""File writing shared by the map and the exports."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that takes its place when the block succeeds.

    A write that fails half-way (a full disk, an error while rendering) leaves the old file
    as it was and no partial file behind. The temporary name keeps the suffix, which some
    writers read to choose their format.
    """
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.partial{path.suffix}")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
