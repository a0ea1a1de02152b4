"""Flat, JSON-ready views of places, and the writers the CLI uses for tables, JSON and CSV."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Sequence

from . import settings
from .geoparse import Place

PLACE_FIELDS = ["source", "start", "end", "text", "id", "name", "kind", "country", "admin1", "lat", "lon",
                "confidence", "low_confidence", "runner_up", "runner_up_name", "runner_up_confidence",
                "derived_location", "gazetteer_source",
                "sentence_start", "sentence_end", "sentence"]


def is_low_confidence(place: Place) -> bool:
    """Whether a place was resolved with a confidence below :data:`controlmap.settings.low_confidence`."""
    return place.confidence < settings.low_confidence


def place_doubt(place: Place | None) -> dict[str, Any]:
    """How sure the resolution of a place is, for the records built on it (events, popups):
    ``place_confidence``, ``low_confidence`` and the runner-up's id and name (``None`` when
    there is none, or no place)."""
    runner_up = place.runner_up if place is not None else None
    return {
        "place_confidence": round(float(place.confidence), 3) if place is not None else None,
        "low_confidence": is_low_confidence(place) if place is not None else False,
        "runner_up": runner_up.id if runner_up else None,
        "runner_up_name": runner_up.name if runner_up else None,
    }


def place_to_dict(place: Place) -> dict[str, Any]:
    """A place mention as a flat dict: span, entry id and name, position, confidence, provenance."""
    entry = place.entry
    return {
        "source": place.source,
        "start": place.start,
        "end": place.end,
        "text": place.text,
        "id": entry.id,
        "name": entry.name,
        "kind": entry.kind,
        "country": entry.country,
        "admin1": entry.admin1,
        "lat": entry.lat,
        "lon": entry.lon,
        "confidence": place.confidence,
        "low_confidence": is_low_confidence(place),
        "runner_up": place.runner_up.id if place.runner_up else None,
        "runner_up_name": place.runner_up.name if place.runner_up else None,
        "runner_up_confidence": place.runner_up_confidence,
        "derived_location": entry.derived,
        "gazetteer_source": entry.source,
        "sentence_start": place.sentence.start,
        "sentence_end": place.sentence.end,
        "sentence": place.sentence.text,
    }


def to_json(rows: Sequence[dict[str, Any]] | dict[str, Any]) -> str:
    """JSON with sorted keys, UTF-8 kept readable."""
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=1, default=str)


def to_csv(rows: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """CSV with a header; values not in ``fields`` are left out, lists joined by ``|``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "|".join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in row.items()})
    return buffer.getvalue()


def to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, widths: dict[str, int] | None = None) -> str:
    """A plain-text table for a terminal: one row per record, long cells cut with an ellipsis."""
    widths = widths or {}
    cells = [[_cell(row.get(c), widths.get(c, 40)) for c in columns] for row in rows]
    sizes = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    lines += ["  ".join(r[i].ljust(sizes[i]) for i in range(len(columns))).rstrip() for r in cells]
    return "\n".join(lines)


def _cell(value: Any, width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".")
    else:
        text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"

