"""Check the points of ``geo/places.csv`` against GeoNames entries of the same name.

Usage::

    python benchmarks/curated_points.py [--km 25] [--all]

For every curated row, the GeoNames entries (cities500 towns, first- and second-level
divisions, as the index holds them) known by the row's name or one of its aliases, in the
row's country, are found in the gazetteer index, by the exact name and by its folded
spelling (:func:`controlmap.gazetteer.spelling_fold`: "Khiam" and "Al Khiyām"). A row whose
nearest such entry lies more than ``--km`` away (25 km by default) is listed: either its
point is wrong, or it is another place than the namesake (a region and a town named after
it, two villages of one name), which the listing's reader decides. ``--all`` lists every row
with a namesake, near or far. Rows whose source cites a GeoNames town's point ("GeoNames
415189 point") are also checked against it, and listed when more than a kilometre away.
Reads only package data (the index built from it); exits 0.
"""
from __future__ import annotations

import argparse
import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

from controlmap import settings
from controlmap.gazetteer import FOLD_PREFIX, GazetteerEntry, name_key, open_gazetteer, spelling_fold

#: How far a row that cites a GeoNames point may lie from it (the row rounds it).
_CITED_KM = 1.0
#: Kinds of GeoNames entries a curated row is compared with.
_COMPARED_KINDS = frozenset({"city", "admin1", "admin2"})


@dataclass(frozen=True)
class Namesake:
    """A curated row and the nearest GeoNames entry of one of its names, in its country."""

    row_id: str
    kind: str
    name: str
    lat: float
    lon: float
    source: str
    entry: GazetteerEntry
    km: float


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle km between two points (degrees)."""
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _row_keys(row: dict[str, str]) -> set[str]:
    """The index keys of a row's name and aliases: exact, and folded."""
    names = [row["name"]] + [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
    keys = {name_key(n) for n in names}
    keys |= {FOLD_PREFIX + fold for n in names if (fold := spelling_fold(n))}
    return keys


def namesakes(path: Path | None = None) -> list[Namesake]:
    """The nearest same-named GeoNames entry of each curated row that has one, row order."""
    gazetteer = open_gazetteer()
    path = path or settings.geo_folder() / "places.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("country")]
    found = gazetteer.lookup_keys({key for row in rows for key in _row_keys(row)})
    out = []
    for row in rows:
        lat, lon = float(row["lat"]), float(row["lon"])
        entries = {m.entry.id: m.entry for key in _row_keys(row) for m in found[key]
                   if m.entry.id.startswith("geonames:") and m.entry.kind in _COMPARED_KINDS
                   and m.entry.country == row["country"]}
        if not entries:
            continue
        nearest = min(entries.values(), key=lambda e: _km(lat, lon, e.lat, e.lon))
        out.append(Namesake(row["id"], row["kind"], row["name"], lat, lon, row["source"], nearest,
                            _km(lat, lon, nearest.lat, nearest.lon)))
    return out


#: A source that says its point is a GeoNames entry's: "GeoNames 415189 point", "GeoNames
#: 294563 (Kfar ‘Azza) point".
_CITED_POINT = re.compile(r"GeoNames (\d+)(?: \([^)]*\))? point")


#: Words of a measured offset: a point cited after one is where the offset is measured from.
_OFFSET = re.compile(r"\b(?:km|kilometres|miles?)\b")


@dataclass(frozen=True)
class CitedPoint:
    """A curated row whose source says its point is a GeoNames entry's, and what the index
    says of that entry.

    ``km`` is the distance to the entry's point when that point is GeoNames' own (a town's),
    else ``None``; ``named`` whether the entry goes by one of the row's names (or the source
    says the point is borrowed from it: "point of Aden, its capital").
    """

    row_id: str
    lat: float
    lon: float
    entry: GazetteerEntry
    km: float | None
    named: bool

    @property
    def wrong(self) -> bool:
        """The citation cannot be right: another place's entry, or another point."""
        return not self.named or self.km is not None and self.km > _CITED_KM


def cited_points(path: Path | None = None) -> list[CitedPoint]:
    """The rows whose source gives their point as a GeoNames entry's ("GeoNames 415189 point";
    not "11 km north of Omdurman (GeoNames 365137 point ...)") and the index holds that entry."""
    gazetteer = open_gazetteer()
    path = path or settings.geo_folder() / "places.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cited = []
    for row in rows:
        match = _CITED_POINT.search(row["source"])
        if match and not _OFFSET.search(row["source"], 0, match.start()):
            entry = gazetteer.get(f"geonames:{match.group(1)}")
            if entry is not None:
                cited.append((row, entry))
    found = gazetteer.lookup_keys({key for row, _ in cited for key in _row_keys(row)})
    out = []
    for row, entry in cited:
        lat, lon = float(row["lat"]), float(row["lon"])
        # ("point of Aden, its capital (GeoNames 415189 point)": a point borrowed from another place)
        borrowed = "point of" in row["source"][:row["source"].find(f"GeoNames {entry.id.split(':')[1]}")]
        named = borrowed or entry.id == row["id"] or any(m.entry.id == entry.id for key in _row_keys(row)
                                                         for m in found[key])
        # (the index's divisions and countries have points of other sources than GeoNames)
        km = _km(lat, lon, entry.lat, entry.lon) if entry.kind == "city" and not entry.derived else None
        out.append(CitedPoint(row["id"], lat, lon, entry, km, named))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--km", type=float, default=25.0, help="list rows farther than this from every namesake")
    parser.add_argument("--all", action="store_true", help="list every row with a namesake")
    args = parser.parse_args(argv)
    found = namesakes()
    listed = [n for n in found if args.all or n.km > args.km]
    for n in sorted(listed, key=lambda n: -n.km):
        e = n.entry
        print(f"{n.km:8.1f} km  {n.row_id} ({n.kind}) {n.lat:.4f},{n.lon:.4f}  vs  {e.id} {e.name!r} ({e.kind}, "
              f"pop {e.population}) {e.lat:.4f},{e.lon:.4f}\n            source: {n.source}")
    print(f"{len(found)} curated rows have a GeoNames namesake in their country; "
          f"{sum(n.km > args.km for n in found)} lie more than {args.km:g} km from it")
    cited = cited_points()
    for c in cited:
        if args.all or c.wrong:
            far = f"{c.km:8.1f} km" if c.km is not None else "   (no km)"
            print(f"{far}  {c.row_id} {c.lat:.4f},{c.lon:.4f}  cites {c.entry.id} {c.entry.name!r} ({c.entry.kind}) "
                  f"{c.entry.lat:.4f},{c.entry.lon:.4f}{'' if c.named else ', known by none of its names'}")
    print(f"{len(cited)} curated rows give their point as a GeoNames entry's; {sum(c.wrong for c in cited)} cite "
          f"another place's entry or lie more than {_CITED_KM:g} km from a town's point")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
