"""The ``controlmap`` command: a thin click layer over the library.

Data goes to stdout, messages to stderr. Every error controlmap raises on purpose becomes
one line on stderr and exit code 1 (2 for a bad option); a wrong distance claim is a
finding, not an error, and exits 0 unless ``--fail-on inconsistent`` is given.
"""
from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path
from typing import Callable

import click

from . import records
from .article import parse_date
from .errors import ControlmapError, DateError


def _handle_errors(func: Callable) -> Callable:
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ControlmapError as exc:
            click.echo(f"controlmap: error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:  # `controlmap places x | head`
            sys.exit(0)

    return wrapper


def _published(ctx, param, value):
    if value is None:
        return None
    try:
        return parse_date(value, what="--published")
    except DateError as exc:
        raise click.BadParameter(str(exc)) from None


articles_argument = click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
published_option = click.option("--published", callback=_published, metavar="YYYY-MM-DD",
                                help="Publication date, for articles without front matter or a sidecar .json.")
geocoder_option = click.option("--geocoder", type=click.Choice(["offline", "nominatim"]), default="offline",
                               show_default=True, help="Ask an online geocoder about names the offline gazetteer lacks.")


def _format_option(*choices: str, default: str = "table"):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True)


def _load(articles, published):
    from .pipeline import load_articles

    return load_articles(articles, published=published)


def _geocoder(name: str):
    if name == "offline":
        return None
    from .geocoders import online_geocoder

    return online_geocoder(name)


def _emit(rows: list[dict], fmt: str, *, columns: list[str], fields: list[str], geojson=None) -> None:
    if fmt == "json":
        click.echo(records.to_json(rows))
    elif fmt == "csv":
        click.echo(records.to_csv(rows, fields), nl=False)
    elif fmt == "geojson":
        click.echo(records.to_json(geojson))
    else:
        click.echo(records.to_table(rows, columns))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log messages on stderr (-vv for debug).")
@click.version_option(package_name="controlmap")
def main(verbose: int) -> None:
    """Turn conflict news into verified, dated territorial-control maps."""
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=level, format="controlmap: %(message)s", stream=sys.stderr)


@main.command()
@articles_argument
@published_option
@_format_option("table", "json", "csv", "geojson")
@geocoder_option
@_handle_errors
def places(articles, published, fmt, geocoder):
    """Find and resolve every place mention in ARTICLE(s) ('-' reads stdin)."""
    from .geoparse import geoparse
    from .gazetteer import open_gazetteer

    from .export import places_to_geojson

    gazetteer = open_gazetteer()
    coder = _geocoder(geocoder)
    found = []
    for article in _load(articles, published):
        found += geoparse(article, gazetteer=gazetteer, geocoder=coder)
    rows = [records.place_to_dict(p) for p in found]
    _emit(rows, fmt, columns=["start", "end", "text", "id", "name", "kind", "country", "lat", "lon", "confidence", "runner_up"],
          fields=records.PLACE_FIELDS, geojson=places_to_geojson(found) if fmt == "geojson" else None)


@main.command()
@articles_argument
@published_option
@_format_option("table", "json", "csv", "geojson")
@click.option("--fail-on", type=click.Choice(["inconsistent"]), default=None,
              help="Exit 3 when a claim is overstated, understated, direction-wrong or has inconsistent units.")
@_handle_errors
def verify(articles, published, fmt, fail_on):
    """Check every stated distance in ARTICLE(s) against geography."""
    from . import distances
    from .pipeline import analyse

    result = analyse(_load(articles, published), events=False)
    rows = [distances.claim_to_dict(c) for c in result.claims]
    if fmt == "csv":
        rows = [distances.claim_to_row(c) for c in result.claims]
    _emit(rows, fmt, columns=["verdict", "kind", "text", "geodesic_km", "tolerance_km", "bearing_deg", "units_verdict", "reason"],
          fields=distances.CSV_FIELDS, geojson=distances.claims_to_geojson(result.claims) if fmt == "geojson" else None)
    # A wrong claim is a finding, not an error: exit 0 unless the caller asked to fail on it.
    sys.exit(3 if distances.exit_code_for(result.claims, fail_on) else 0)


@main.command()
@articles_argument
@published_option
@_format_option("table", "json", "csv", "geojson")
@_handle_errors
def events(articles, published, fmt):
    """Extract control events (who took, lost, entered, holds which place, when)."""
    from .events import EVENT_CSV_FIELDS, event_to_dict
    from .export import events_to_geojson
    from .pipeline import analyse

    result = analyse(_load(articles, published), distances=False)
    rows = [event_to_dict(e) for e in result.events]
    _emit(rows, fmt, columns=["date", "date_precision", "date_relation", "until", "side", "actor_text", "change", "place_text", "id", "attributed_to", "sentence"],
          fields=EVENT_CSV_FIELDS, geojson=events_to_geojson(result.events) if fmt == "geojson" else None)


@main.command("map")
@articles_argument
@published_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="HTML file to write.")
@click.option("--title", default=None, help="Title shown on the map.")
@_handle_errors
def map_command(articles, published, output, title):
    """Draw a self-contained HTML map a reader steps through by date."""
    from .mapping import write_map
    from .pipeline import analyse

    result = analyse(_load(articles, published))
    path = write_map(output, result.places, result.events, result.timeline, result.claims, title=title)
    click.echo(f"wrote {path} ({len(result.places)} place mentions, {len(result.events)} events, "
               f"{len(result.claims)} distance claims)", err=True)


@main.command()
@articles_argument
@published_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="out.geojson, out.gpkg or out.csv.")
@_handle_errors
def export(articles, published, output):
    """Export places, events, control intervals and distance claims (GeoJSON, GeoPackage, CSV)."""
    from .export import export as export_to
    from .pipeline import analyse

    result = analyse(_load(articles, published))
    path = export_to(output, result.places, result.events, result.timeline, result.claims)
    click.echo(f"wrote {path}", err=True)


@main.group()
def gazetteer():
    """Build, inspect and query the offline gazetteer index."""


@gazetteer.command("build")
@_handle_errors
def gazetteer_build():
    """(Re)build the index from the installed GeoNames, airport and curated data."""
    from .gazetteer import build, open_gazetteer

    path = build()
    info = open_gazetteer(path).info()
    click.echo(f"built {path}: {info['entries']} entries, {info['size_mb']} MB, {info['seconds']} s")


@gazetteer.command("info")
@_handle_errors
def gazetteer_info():
    """Where the index is, its version and what it holds."""
    from .gazetteer import open_gazetteer

    for key, value in open_gazetteer().info().items():
        click.echo(f"{key}: {value}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", default=None, help="ISO alpha-2 country code to restrict to.")
@click.option("--kind", default=None, type=click.Choice(["country", "admin1", "city", "airport", "region"]))
@click.option("--limit", default=10, show_default=True)
@_format_option("table", "json")
@_handle_errors
def gazetteer_lookup(name, country, kind, limit, fmt):
    """Entries known by NAME, best first."""
    from dataclasses import asdict

    from .errors import UnknownPlaceError
    from .gazetteer import open_gazetteer

    entries = open_gazetteer().lookup(name, country=country, kind=kind)[:limit]
    if not entries:
        raise UnknownPlaceError(f"unknown place: no gazetteer entry is named {name!r}")
    rows = [asdict(e) for e in entries]
    _emit(rows, fmt, columns=["id", "name", "kind", "country", "admin1", "lat", "lon", "population", "derived"], fields=[])


if __name__ == "__main__":  # pragma: no cover
    main()
