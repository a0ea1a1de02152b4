"""The ``controlmap`` command: a thin click layer over the library.

Data goes to stdout, messages to stderr. Every error controlmap raises on purpose becomes
one line on stderr and exit code 1 (2 for a bad option); a wrong distance claim is a
finding, not an error, and exits 0 unless ``--fail-on inconsistent`` is given. So is an
article with no places (or no claims, or no events): exit 0, with one note on stderr.
``events``, ``map`` and ``export`` refuse an article without a publication date, which
``places`` and ``verify`` do not need (they only warn about a malformed one); ``--published``
wins over the article's own date, and a malformed one it overrides is only warned about. A
map or export that fails leaves no file behind.
"""
from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

from . import records
from .article import display_name, parse_date
from .errors import ControlmapError, DateError, InputError, UnknownPlaceError

if TYPE_CHECKING:  # imported lazily at run time, so that `--help` stays fast
    from .article import Article
    from .gazetteer import GazetteerEntry
    from .pipeline import Analysis

#: Every kind of gazetteer entry (see :class:`controlmap.gazetteer.GazetteerEntry`), for ``lookup --kind``.
ENTRY_KINDS = ("country", "admin1", "admin2", "city", "airport", "region", "feature")


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
        # click already names the option; the library's message would name it twice.
        raise click.BadParameter(str(exc).removeprefix("--published ")) from None


def _utf8(value: str | None, what: str) -> str | None:
    """``value`` when it is UTF-8 text; :class:`InputError` for bytes in another encoding.

    Arguments that are not UTF-8 reach Python as lone surrogates, which cannot be looked up
    or written out; guessing their encoding would find the wrong place silently.
    """
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{what} {display_name(value)!r} is not UTF-8 text (character {exc.start + 1}); "
                         "set a UTF-8 locale or type it again") from None
    return value


def _existing_folder(value: Path) -> Path:
    # (checked before the articles are read, as the suffix is: a typo in the command should
    # not cost the whole pipeline's run before it is told)
    if not value.parent.is_dir():
        raise click.BadParameter(f"{display_name(str(value))!r}: folder {display_name(str(value.parent))!r} does not exist")
    return value


def _html_output(ctx, param, value: Path) -> Path:
    # A map is one HTML file a browser opens: '-' would be a file named '-', and a .txt a
    # file no browser shows as a map.
    if value.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"{display_name(str(value))!r}: the map is an HTML file; give a path ending in .html or .htm")
    return _existing_folder(value)


def _export_output(ctx, param, value: Path) -> Path:
    # Checked before the articles are read: a wrong ending is a typo in the command, told
    # as click tells any bad option (exit 2), not found after the whole pipeline has run.
    from .export import EXPORT_SUFFIXES

    if value.suffix.lower() not in EXPORT_SUFFIXES:
        raise click.BadParameter(f"{display_name(str(value))!r}: unknown export format "
                                 f"{value.suffix or '(no suffix)'!r}; give a path ending in "
                                 + ", ".join(EXPORT_SUFFIXES))
    return _existing_folder(value)


def _note(message: str) -> None:
    """One line on stderr that is not an error (a finding such as "no places found")."""
    click.echo(f"controlmap: {message}", err=True)


def _shown(article: Article) -> str:
    return "<stdin>" if article.source == "-" else article.source


articles_argument = click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
published_option = click.option("--published", callback=_published, metavar="YYYY-MM-DD",
                                help="Publication date of the articles; replaces a date of their own (front matter or "
                                     "a sidecar .json), with a warning when the two differ.")
_geocoder_option = click.option("--geocoder", type=click.Choice(["offline", "nominatim"]), default="offline",
                                show_default=True, help="Ask an online geocoder about names the offline gazetteer lacks.")
_ner_option = click.option("--ner", type=click.Choice(["none", "spacy"]), default="none", show_default=True,
                           help="Let spaCy's English model revise the places found (pip install -e '.[spacy]'; "
                                "about 30 KB/s).")


def recognition_options(command):
    """``--geocoder`` and ``--ner``: the opt-in help for finding places, on every command that reads articles."""
    return _geocoder_option(_ner_option(command))


def _format_option(*choices: str, default: str = "table"):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="table for reading, json/csv for tools" + (", geojson for GIS" if "geojson" in choices else "")
                        + ".")


def _load(articles, published, *, require_date: bool = False) -> list[Article]:
    """The articles, each with ``--published`` or its own date.

    ``require_date``: the command needs the date (events, map, export), so an article
    without one, or with a malformed one that ``--published`` does not override, is
    refused. The others only warn about a malformed date, which they would not use.
    """
    from .article import load_article, require_published

    from .text import looks_english

    if list(articles).count("-") > 1:
        raise InputError("'-' (stdin) can be read only once; give it once among the articles")
    loaded = [load_article(a, published=published, lenient_dates=not require_date) for a in articles]
    for article in loaded:
        if not looks_english(article.text):
            # (a French or Arabic report reads as a few stray "places" or none: say why)
            _note(f"{_shown(article)} does not look like English; controlmap reads English news only")
    return [require_published(a) for a in loaded] if require_date else loaded


def _note_empty(result: Analysis, *, claims: bool = False, events: bool = False) -> None:
    """Say on stderr which articles gave nothing: a valid finding (exit 0), but an empty table alone looks like a failure."""
    for article in result.articles:
        if not result.places_in(article):
            _note(f"no places found in {_shown(article)}")
            continue
        if claims and not result.claims_in(article):
            _note(f"no distance claims found in {_shown(article)}")
        if events and not result.events_in(article):
            _note(f"no control events found in {_shown(article)}")


def _helpers(geocoder: str, ner: str) -> dict:
    """The pipeline's optional helpers the options name: an online geocoder, a spaCy recogniser."""
    helpers: dict = {"geocoder": None, "ner": None}
    if geocoder != "offline":
        from .geocoders import online_geocoder

        helpers["geocoder"] = online_geocoder(geocoder)
    if ner == "spacy":
        from .ner import spacy_recogniser

        helpers["ner"] = spacy_recogniser()
    return helpers


def _table_columns(columns: list[str], result: Analysis) -> list[str]:
    """``columns``, led by ``source`` when the rows come from several articles (JSON and CSV always carry it)."""
    return ["source", *columns] if len(result.articles) > 1 else columns


def _emit(rows: list[dict], fmt: str, *, columns: list[str], fields: list[str], geojson=None) -> None:
    if fmt == "json":
        click.echo(records.to_json(rows))
    elif fmt == "csv":
        click.echo(records.to_csv(rows, fields), nl=False)
    elif fmt == "geojson":
        click.echo(records.to_json(geojson))
    else:
        click.echo(records.to_table(rows, columns))


class _StderrHandler(logging.StreamHandler):
    """Log lines (``controlmap: warning: ...``) to the ``sys.stderr`` of the moment.

    ``logging.basicConfig`` binds the stream once, and does nothing when the root logger
    already has a handler; a command run again in the same process (click's test runner,
    a notebook) would then lose its warnings, or write them to a closed stream.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("controlmap: %(message)s"))

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass  # always the current sys.stderr


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log messages on stderr (-vv for debug).")
@click.version_option(package_name="controlmap")
def main(verbose: int) -> None:
    """Turn conflict news into verified, dated territorial-control maps."""
    level = logging.WARNING - 10 * verbose
    root = logging.getLogger()
    if not any(isinstance(h, _StderrHandler) for h in root.handlers):
        root.addHandler(_StderrHandler())
    root.setLevel(level)
    if verbose < 2:
        # The HTTP stack logs each retry with the whole exception chain (geopy adds a
        # traceback): what failed reaches the user once, as controlmap's one-line error.
        for noisy in ("urllib3", "geopy"):
            logging.getLogger(noisy).setLevel(logging.CRITICAL)


@main.command()
@articles_argument
@published_option
@_format_option("table", "json", "csv", "geojson")
@recognition_options
@_handle_errors
def places(articles, published, fmt, geocoder, ner):
    """Find and resolve every place mention in ARTICLE(s) ('-' reads stdin)."""
    from .export import places_to_geojson
    from .pipeline import analyse

    result = analyse(_load(articles, published), **_helpers(geocoder, ner), distances=False, events=False)
    found = result.places
    rows = [records.place_to_dict(p) for p in found]
    _emit(rows, fmt, columns=_table_columns(["start", "end", "text", "id", "name", "kind", "country", "lat", "lon",
                                             "confidence", "runner_up"], result),
          fields=records.PLACE_FIELDS, geojson=places_to_geojson(found) if fmt == "geojson" else None)
    _note_empty(result)


@main.command()
@articles_argument
@published_option
@_format_option("table", "json", "csv", "geojson")
@click.option("--fail-on", type=click.Choice(["inconsistent"]), default=None,
              help="Exit 3 when a claim is overstated, understated, direction-wrong or has inconsistent units.")
@recognition_options
@_handle_errors
def verify(articles, published, fmt, fail_on, geocoder, ner):
    """Check every stated distance in ARTICLE(s) against geography."""
    from . import distances
    from .pipeline import analyse

    result = analyse(_load(articles, published), **_helpers(geocoder, ner), events=False)
    to_row = distances.claim_to_row if fmt == "csv" else distances.claim_to_dict
    rows = [to_row(c) for c in result.claims]
    _emit(rows, fmt, columns=_table_columns(["verdict", "kind", "text", "geodesic_km", "tolerance_km", "bearing_deg",
                                             "units_verdict", "reason"], result),
          fields=distances.CSV_FIELDS, geojson=distances.claims_to_geojson(result.claims) if fmt == "geojson" else None)
    _note_empty(result, claims=True)
    # A wrong claim is a finding, not an error: exit 0 unless the caller asked to fail on it.
    sys.exit(3 if distances.exit_code_for(result.claims, fail_on) else 0)


@main.command()
@articles_argument
@published_option
@_format_option("table", "json", "csv", "geojson")
@recognition_options
@_handle_errors
def events(articles, published, fmt, geocoder, ner):
    """Extract control events (who took, lost, entered, holds which place, when).

    Each article needs a publication date (--published, front matter or a sidecar .json).
    """
    from .events import EVENT_CSV_FIELDS, event_to_dict
    from .export import EVENT_EXTRA_FIELDS, event_times, events_to_geojson
    from .pipeline import analyse

    result = analyse(_load(articles, published, require_date=True), **_helpers(geocoder, ner), distances=False)
    # JSON and CSV carry the GeoPackage layer's time fields; CSV has the notes as one text,
    # "; "-joined as there (they hold "|" and commas of their own)
    rows = [event_to_dict(e) | event_times(e) for e in result.events]
    if fmt == "csv":
        rows = [row | {"notes": "; ".join(row["notes"])} for row in rows]
    _emit(rows, fmt, columns=_table_columns(["date", "date_precision", "date_relation", "until", "side", "actor_text",
                                             "change", "place_text", "id", "attributed_to", "sentence"], result),
          fields=EVENT_CSV_FIELDS + EVENT_EXTRA_FIELDS,
          geojson=events_to_geojson(result.events) if fmt == "geojson" else None)
    _note_empty(result, events=True)


@main.command()
@articles_argument
@published_option
@_format_option("table", "json", "csv")
@recognition_options
@_handle_errors
def timeline(articles, published, fmt, geocoder, ner):
    """Who controlled each place over which interval, with the events behind it.

    One row per interval, the articles merged. disputed: two sources disagree (an interval
    from each, with a note naming both); contested: fighting inside the place (an entry, a
    siege) or parts of it held by two sides. JSON rows carry the supporting events
    (sentence, span, change, date); CSV is the table that export -o out.csv writes.
    Each article needs a publication date (--published, front matter or a sidecar .json).
    """
    from .export import CSV_FIELDS, control_csv_rows, control_features
    from .pipeline import analyse

    result = analyse(_load(articles, published, require_date=True), **_helpers(geocoder, ner), distances=False)
    control = control_features(result.timeline)
    if fmt == "csv":
        rows = control_csv_rows(control)
    else:
        rows = [dict(f["properties"], lat=f["geometry"]["coordinates"][1] if f["geometry"] else None,
                     lon=f["geometry"]["coordinates"][0] if f["geometry"] else None) for f in control]
    # (an empty end_date is "still held": no "ongoing" column in the table)
    _emit(rows, fmt, columns=["name", "id", "side", "actor", "start_date", "end_date", "disputed", "contested",
                              "note", "sources"], fields=list(CSV_FIELDS))
    _note_empty(result, events=True)


@main.command("map")
@articles_argument
@published_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), callback=_html_output, required=True,
              help="HTML file to write (.html or .htm).")
@click.option("--title", default=None, help="Title shown on the map.")
@recognition_options
@_handle_errors
def map_command(articles, published, output, title, geocoder, ner):
    """Draw a self-contained HTML map a reader steps through by date.

    Each article needs a publication date (--published, front matter or a sidecar .json).
    """
    from .mapping import write_map
    from .pipeline import analyse

    title = _utf8(title, "--title")
    result = analyse(_load(articles, published, require_date=True), **_helpers(geocoder, ner))
    # (the map and the exports replace their target only once written whole: no partial file)
    path = write_map(output, result.places, result.events, result.timeline, result.claims, title=title)
    click.echo(f"wrote {display_name(str(path))} ({len(result.places)} place mentions, {len(result.events)} events, "
               f"{len(result.claims)} distance claims)", err=True)
    if not result.events:
        # (a map with no slider is a finding, not a silently empty map)
        _note("no control events found: the map shows the places mentioned, with no dates to step through")


@main.command()
@articles_argument
@published_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              callback=_export_output,
              help="out.geojson, out.json or out.gpkg (every record), out.csv (control intervals).")
@recognition_options
@_handle_errors
def export(articles, published, output, geocoder, ner):
    """Export places, events, control intervals and distance claims for GIS tools.

    .geojson (RFC 7946) and .gpkg (layers places, events, control, distance_claims) hold
    all five; .csv holds the control intervals (who held what, when), one row each.
    Each article needs a publication date (--published, front matter or a sidecar .json).
    """
    from .export import export as export_to
    from .pipeline import analyse

    result = analyse(_load(articles, published, require_date=True), **_helpers(geocoder, ner))
    path = export_to(output, result.places, result.events, result.timeline, result.claims)
    click.echo(f"wrote {display_name(str(path))}", err=True)


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
    """Where the index is, its version and what it holds (it is not built by asking)."""
    from .gazetteer import open_gazetteer

    for key, value in open_gazetteer(build_if_missing=False).info().items():
        click.echo(f"{key}: {value}")


def _country_code(ctx, param, value: str | None) -> str | None:
    # The index stores upper-case codes; 'sy' means SY to anyone typing it.
    if value is None:
        return None
    code = value.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise click.BadParameter(f"{display_name(value)!r} is not an ISO 3166-1 alpha-2 code such as SY or US")
    return code


def _filtered_out(name: str, country: str | None, kind: str | None, known: list[GazetteerEntry]) -> UnknownPlaceError:
    """The error for a name the gazetteer knows, but not with the ``--country``/``--kind`` asked for.

    It says what the name does have, so the next try can be the right one.
    """
    wanted = (f" of kind {kind}" if kind else "") + (f" in country {country}" if country else "")
    same_kind = sorted({e.country for e in known if e.country and kind in (None, e.kind)})
    if country and same_kind:
        hint = f"entries in {', '.join(same_kind[:10])}"
    else:
        hint = f"entries of kind {', '.join(sorted({e.kind for e in known}))}"
    return UnknownPlaceError(f"no entry named {name!r}{wanted}; there are {hint}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", default=None, callback=_country_code, help="ISO alpha-2 country code to restrict to (SY or sy).")
@click.option("--kind", default=None, type=click.Choice(ENTRY_KINDS), help="Only entries of this kind.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1))
@_format_option("table", "json")
@_handle_errors
def gazetteer_lookup(name, country, kind, limit, fmt):
    """Entries known by NAME, best first."""
    from dataclasses import asdict

    from .gazetteer import open_gazetteer

    name = _utf8(name, "NAME")
    index = open_gazetteer()
    entries = index.lookup(name, country=country, kind=kind)[:limit]
    if not entries:
        known = index.lookup(name) if (country or kind) else []
        if known:
            raise _filtered_out(name, country, kind, known)
        raise UnknownPlaceError(f"unknown place: no gazetteer entry is named {name!r}")
    rows = [asdict(e) for e in entries]
    _emit(rows, fmt, columns=["id", "name", "kind", "country", "admin1", "lat", "lon", "population", "derived"], fields=[])


if __name__ == "__main__":  # pragma: no cover
    main()
