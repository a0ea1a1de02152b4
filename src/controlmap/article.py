"""Articles: the text of one report, its publication date and where it came from.

Every later record points back to an :class:`Article` through its ``source`` and to a
character span of :attr:`Article.text`. Offsets are Python string offsets into the file's
text as read with UTF-8; front matter, when present, is blanked out with spaces rather
than cut, so that offsets stay offsets into the file.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import settings
from .dates import find_dates, month_number
from .errors import DateError, InputError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FIELD = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.+?)\s*$", re.M)
# Exactly a calendar date, or one followed by a time: ``date.fromisoformat`` alone would also
# take "20241130" and week dates ("2024-W48-6"), which no one writes as a publication date.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S.*")
#: The newswire's stamp, as Reuters wrote it: "3-MAR-1987 11:03:13.11".
_WIRE_DATETIME = re.compile(r"(?P<d>\d{1,2})-(?P<mon>[A-Za-z]{3})-(?P<y>\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


@dataclass(frozen=True)
class Article:
    """One news report.

    Attributes
    ----------
    text
        The full text; spans in every record index into it.
    source
        Where it came from: a file path, ``"-"`` for stdin, or a name given by the caller.
    published
        Publication date, used to resolve "on Wednesday"; ``None`` when unknown.
    publisher
        Publisher name when a sidecar or front matter gives it.
    """

    text: str
    source: str = "<text>"
    published: date | None = None
    publisher: str | None = None


def parse_date(value: str | date | None, *, what: str = "date") -> date | None:
    """Parse a publication date strictly.

    Parameters
    ----------
    value
        ``YYYY-MM-DD``, or a full ISO 8601 date and time (``2024-11-30T14:05:00Z``,
        ``2009-03-30 22:23:39-05``), whose date part is taken as written (the publisher's
        own calendar day, not converted to UTC); a wire stamp (``3-MAR-1987 11:03:13.11``);
        a date written out in full (``25 November 2016``, ``November 25, 2016``); a
        ``date`` or ``None`` passes through. A month alone ("2009-01") is no date.
    what
        What the value is, for the message (``"--published"``, ``"x.json: published"``).

    Raises
    ------
    DateError
        Anything else, including trailing text ("2024-11-30garbage") and impossible
        dates or times ("2024-02-30", "2024-11-30T25:99").
    """
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
        if _ISO_DATETIME.fullmatch(text):
            # (Python 3.10 reads no "Z" for UTC)
            return datetime.fromisoformat(re.sub(r"Z$", "+00:00", text)).date()
        wire = _WIRE_DATETIME.fullmatch(text)
        if wire:
            return date(int(wire["y"]), month_number(wire["mon"]), int(wire["d"]))
    except (ValueError, KeyError):
        pass
    written = find_dates(text, None)
    if written and written[0].precision == "day" and written[0].start == 0 and written[0].end == len(text):
        return written[0].date  # "25 November 2016", "November 25, 2016"
    raise DateError(f"{what} {text!r} is not a date in YYYY-MM-DD form") from None


def display_name(name: str) -> str:
    """``name`` as text that can be written anywhere.

    A file name that is not UTF-8 reaches Python with lone surrogates (``caf\\udce9.txt``),
    which no UTF-8 output (JSON, HTML, a terminal) can encode; they become U+FFFD.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def decode_text(data: bytes, source: str) -> str:
    """Decode article bytes as UTF-8 text, refusing what is clearly not an article."""
    if len(data) > settings.max_article_bytes:
        raise InputError(
            f"{source}: {len(data) / 1e6:.1f} MB is larger than the {settings.max_article_bytes / 1e6:.0f} MB "
            "an article may be (set CONTROLMAP_MAX_BYTES to raise the limit)"
        )
    if b"\x00" in data[:65536]:
        raise InputError(f"{source}: binary file (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text (byte {exc.start} is invalid); convert it with iconv first") from None
    if not text.strip():
        raise InputError(f"{source}: empty article, no text to read")
    return text


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    fields = {k.lower(): v.strip("'\"") for k, v in _FIELD.findall(match.group(1))}
    blank = re.sub(r"[^\n]", " ", match.group(0))
    return blank + text[match.end():], fields


def sidecar_path(path: Path) -> Path | None:
    """Where the sidecar of an article file is (``x.txt`` -> ``x.json``), ``None`` for a ``.json`` article."""
    sidecar = path.with_suffix(".json")
    return None if sidecar == path else sidecar


def _sidecar(path: Path) -> dict[str, str]:
    """The fields of ``path``'s sidecar, ``{}`` when there is none.

    A sidecar that is there but unreadable, not JSON or not an object is refused rather
    than skipped: skipping it would silently lose the date that its writer meant to give.
    """
    sidecar = sidecar_path(path)
    if sidecar is None or not sidecar.is_file():
        return {}
    shown = display_name(str(sidecar))
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{shown}: cannot read sidecar ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{shown}: sidecar is not UTF-8 (byte {exc.start} is invalid)") from None
    except ValueError as exc:
        raise InputError(f"{shown}: sidecar is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{shown}: sidecar must be a JSON object such as "
                         '{"published": "2024-11-30", "publisher": "BBC News"}')
    # null is as good as absent; everything else is read as text and validated where used.
    return {k: str(v) for k, v in meta.items() if v is not None}


def article_from_text(
    text: str, *, source: str = "<text>", published: str | date | None = None, publisher: str | None = None
) -> Article:
    """Build an :class:`Article` from text already in memory (front matter is honoured).

    ``published`` wins over the front matter's ``published:`` (or ``date:``), but a
    malformed front-matter date is refused either way: it is bad input wherever it is.
    """
    source = display_name(source)
    if not text.strip():
        raise InputError(f"{source}: empty article, no text to read")
    text, fields = _front_matter(text)
    written = parse_date(fields.get("published") or fields.get("date"), what=f"{source}: front matter date")
    when = parse_date(published, what="--published") if published else written
    return Article(text=text, source=source, published=when, publisher=publisher or fields.get("publisher"))


def load_article(path: str | Path, *, published: str | date | None = None) -> Article:
    """Read an article file (``"-"`` reads stdin).

    The publication date comes from ``published`` if given, else from YAML-style front
    matter (``published: 2024-11-30``), else from a sidecar ``NAME.json`` beside the file
    (``{"published": "2024-11-30", "publisher": "BBC News"}``), else stays ``None``
    (see :func:`require_published` for the commands that cannot do without it).
    ``Article.source`` is the path as given, with bytes that are not UTF-8 replaced.

    Raises
    ------
    InputError
        The path is missing, a directory, empty, binary, not UTF-8, or too large; or its
        sidecar is unreadable or not a JSON object.
    DateError
        A date is given (option, front matter or sidecar) but malformed.
    """
    name = display_name(str(path))
    if name == "-":
        return article_from_text(decode_text(sys.stdin.buffer.read(), "<stdin>"), source="-", published=published)
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{name}: is a directory; give article files")
    if not file.exists():
        raise InputError(f"{name}: no such file")
    try:
        with file.open("rb") as handle:
            data = handle.read(settings.max_article_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    meta = _sidecar(file)
    sidecar_date = parse_date(meta.get("published"), what=f"{display_name(str(sidecar_path(file)))}: published")
    article = article_from_text(decode_text(data, name), source=name, published=published,
                                publisher=meta.get("publisher"))
    if article.published is None and sidecar_date is not None:
        article = Article(article.text, article.source, sidecar_date, article.publisher)
    return article


def require_published(article: Article) -> Article:
    """``article`` itself when it has a publication date; :class:`DateError` saying how to give one otherwise.

    Control events need the date: without it "on Wednesday" has no day, and every event
    dated by it would be kept undated and drop off the map's timeline.
    """
    if article.published is not None:
        return article
    ways = "give --published YYYY-MM-DD or front matter (published: YYYY-MM-DD)"
    if article.source != "-":
        sidecar = sidecar_path(Path(article.source))
        if sidecar is not None:
            ways = f"give --published YYYY-MM-DD, front matter (published: YYYY-MM-DD) or a sidecar {sidecar.name}"
    shown = "<stdin>" if article.source == "-" else article.source
    raise DateError(f'no publication date for {shown}: relative dates ("on Wednesday") cannot be resolved; {ways}')
