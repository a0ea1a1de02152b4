"""The worked example in notebooks/ runs, and what it shows a reader is what the code prints today.

The cells are executed in one namespace with plain ``exec`` (no Jupyter kernel needed), in a
scratch folder that holds only a link to the repository's ``seeds/``: the notebook finds the
seed from its working folder upwards, and writes its ``out/`` files there.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "aleppo-walkthrough.ipynb"


def _code_cells() -> list[dict]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return [cell for cell in cells if cell["cell_type"] == "code"]


def _stored_print(cell: dict) -> str:
    return "".join("".join(out["text"]) for out in cell.get("outputs", []) if out["output_type"] == "stream")


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> tuple[Path, list[tuple[dict, str]]]:
    """The folder the notebook ran in, and each code cell with what it printed when run now."""
    folder = tmp_path_factory.mktemp("notebook")
    (folder / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    before = Path.cwd()
    namespace: dict = {"__name__": "__notebook__"}
    printed = []
    try:
        os.chdir(folder)
        for cell in _code_cells():
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile("".join(cell["source"]), str(NOTEBOOK), "exec"), namespace)  # noqa: S102
            printed.append((cell, buffer.getvalue()))
    finally:
        os.chdir(before)
    return folder, printed


def test_the_notebook_writes_the_map_and_exports(executed):
    folder, printed = executed
    # records name their source as the CLI does: relative to where the user works
    assert printed[0][1].startswith("seeds/aleppo-2024-11-30.txt 2024-11-30")
    for name in ("aleppo-map.html", "aleppo.geojson", "aleppo.gpkg"):
        assert (folder / "out" / name).stat().st_size > 10_000


def test_the_stored_output_is_what_the_code_prints_now(executed):
    """A reader on GitHub sees the stored outputs: they must not have gone stale.

    File sizes in "wrote ... (N KB)" lines vary with library versions and are left out.
    """
    for cell, now in executed[1]:
        stored = _stored_print(cell)
        if not stored:
            continue
        keep = [line for line in stored.splitlines() if not line.startswith("wrote ")]
        fresh = [line for line in now.splitlines() if not line.startswith("wrote ")]
        assert fresh == keep, "".join(cell["source"])[:80]
