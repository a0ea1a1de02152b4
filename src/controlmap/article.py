"""Articles: the text of one report, its publication date and where it came from.

Every later record points back to an :class:`Article` through its ``source`` and to a
character span of :attr:`Article.text`. Offsets are Python string offsets into the file's
text as read with UTF-8 (or UTF-16/UTF-32 when the file starts with that byte-order mark;
the mark itself is not part of the text); front matter, when present, is blanked out with
spaces rather than cut, so that offsets stay offsets into the file.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import settings
from .dates import EARLIEST_PUBLISHED, LATEST_PUBLISHED, find_dates, month_number, relative_dates
from .errors import DateError, InputError

log = logging.getLogger(__name__)

# (a file saved on Windows ends its lines with "\r\n": its front matter is front matter too)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
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
        Anything else, including trailing text ("2024-11-30garbage"), impossible dates or
        times ("2024-02-30", "2024-11-30T25:99") and dates outside the years 1000-8999
        (:data:`~controlmap.dates.EARLIEST_PUBLISHED`): "0001-01-01" is a slip, and counting
        "last week" back from it would leave the calendar.
    """
    if value is None:
        return None
    if isinstance(value, date):
        return _plausible(value.date() if isinstance(value, datetime) else value, value.isoformat(), what)
    text = str(value).strip()
    day = _read_date(text)
    if day is None:
        raise DateError(f"{what} {display_name(text)!r} is not a date in YYYY-MM-DD form")
    return _plausible(day, text, what)


def _read_date(text: str) -> date | None:
    """The date ``text`` is in one of the forms :func:`parse_date` reads, else ``None``."""
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
    return None


def _plausible(day: date, text: str, what: str) -> date:
    """``day`` when it can be a publication date; :class:`DateError` otherwise."""
    if not EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED:
        raise DateError(f"{what} {display_name(text)!r} is not a plausible publication date "
                        f"(years {EARLIEST_PUBLISHED.year}-{LATEST_PUBLISHED.year})")
    return day


def display_name(name: str) -> str:
    """``name`` as text that can be written anywhere.

    A file name that is not UTF-8 reaches Python with lone surrogates (``caf\\udce9.txt``),
    which no UTF-8 output (JSON, HTML, a terminal) can encode; they become U+FFFD.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


#: Byte-order marks and the encoding each declares; UTF-32's first, since UTF-32LE's mark
#: begins with UTF-16LE's.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def decode_text(data: bytes, source: str) -> str:
    """Decode article bytes as text, refusing what is clearly not an article.

    UTF-8 (with or without its byte-order mark) is read as is. A file that opens with a
    UTF-16 or UTF-32 byte-order mark (what Windows' Notepad saves as "Unicode", what
    PowerShell's ``>`` writes) is read in that encoding: the mark declares it, so nothing is
    guessed. Any other encoding is refused with a hint rather than guessed: a wrong guess
    would find the wrong places silently.
    """
    if len(data) > settings.max_article_bytes:
        raise too_large(source, len(data))
    marked = next(((bom, codec, name) for bom, codec, name in _BOMS if data.startswith(bom)), None)
    if marked is not None:
        bom, codec, name = marked
        try:
            text = data[len(bom):].decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: starts as {name} text but byte {exc.start + len(bom)} is invalid {name}; "
                             f"convert it with iconv -f {name} -t UTF-8") from None
        if "\x00" in text[:65536]:
            raise InputError(f"{source}: binary file (NUL characters), not a text article")
    else:
        if b"\x00" in data[:65536]:
            raise InputError(f"{source}: binary file (NUL bytes), not a text article{_utf16_hint(data)}")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: not UTF-8 text (byte {exc.start} is invalid); "
                             "convert it with iconv first") from None
    if not text.strip():
        raise InputError(f"{source}: empty article, no text to read")
    return text


def too_large(source: str, size: int) -> InputError:
    """The error for an article of ``size`` bytes over :data:`~controlmap.settings.max_article_bytes`."""
    return InputError(f"{source}: {size / 2**20:.1f} MiB is larger than the {settings.max_article_bytes / 2**20:.0f} MiB "
                      "an article may be (set CONTROLMAP_MAX_BYTES to raise the limit)")


def _utf16_hint(data: bytes) -> str:
    """A hint for NUL bytes that look like UTF-16 text written without its byte-order mark.

    English in UTF-16 has a NUL in every other byte; a binary file has them anywhere.
    Which byte order it is cannot be told for sure, so it is only suggested.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4:
        return ""
    odd, even = sample[1::2], sample[0::2]
    for order, zeros, text in (("UTF-16LE", odd, even), ("UTF-16BE", even, odd)):
        if zeros.count(0) >= 0.9 * pairs and text.count(0) < 0.1 * pairs:
            return f" (if it is {order} text without a byte-order mark, convert it with iconv -f {order} -t UTF-8)"
    return ""


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
        # (utf-8-sig: Notepad saves UTF-8 with a byte-order mark, which JSON alone refuses)
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
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
    text: str, *, source: str = "<text>", published: str | date | None = None, publisher: str | None = None,
    lenient_dates: bool = False,
) -> Article:
    """Build an :class:`Article` from text already in memory (front matter is honoured).

    ``published`` wins over the front matter's ``published:`` (or ``date:``), with a warning
    when the two differ; a malformed front-matter date is then ignored with a warning, as it
    is with ``lenient_dates`` (for work that needs no date, such as finding places).
    Otherwise it is refused: it is the date the writer meant to give, and it is wrong.

    Raises
    ------
    InputError
        The text is empty, or has front matter and nothing after it.
    DateError
        ``published``, or a front-matter date that is used, is malformed.
    """
    source = display_name(source)
    if not text.strip():
        raise InputError(f"{source}: empty article, no text to read")
    text, fields = _front_matter(text)
    if not text.strip():
        raise InputError(f"{source}: empty article, front matter but no text to read")
    when = parse_date(published, what="--published") if published else None
    overridden = f"--published {when.isoformat()} is used" if when is not None else None
    written = _written_date(fields.get("published") or fields.get("date"), f"{source}: front matter date",
                            overridden=overridden, lenient=lenient_dates)
    _note_override(when, written, f"{source}: front matter date")
    return Article(text=text, source=source, published=when or written,
                   publisher=publisher or fields.get("publisher"))


def _note_override(given: date | None, own: date | None, what: str) -> None:
    """Warn when ``--published`` replaces a different, valid date the article gives itself.

    The option wins (the caller asked for it), but one ``--published`` over a batch of
    articles re-dates every one of them: "on Thursday" then counts back from the wrong day,
    and saying nothing would hide it.
    """
    if given is not None and own is not None and given != own:
        log.warning("warning: %s %s is overridden by --published %s", what, own.isoformat(), given.isoformat())


def _written_date(value: str | None, what: str, *, overridden: str | None, lenient: bool) -> date | None:
    """A publication date written in the article's front matter or sidecar.

    A malformed one is refused (:class:`DateError`) when it is the date to be used. When
    another date overrides it (``overridden`` says which), or nothing needs it
    (``lenient``), it is ignored with a warning: refusing the article for a date that would
    not be used helps no one, and saying nothing would hide the mistake.
    """
    try:
        return parse_date(value, what=what)
    except DateError as exc:
        if overridden is None and not lenient:
            raise
        log.warning("warning: %s; ignored%s", exc, f" ({overridden})" if overridden else "")
        return None


def load_article(path: str | Path, *, published: str | date | None = None, lenient_dates: bool = False) -> Article:
    """Read an article file (``"-"`` reads stdin).

    The publication date comes from ``published`` if given, else from YAML-style front
    matter (``published: 2024-11-30``), else from a sidecar ``NAME.json`` beside the file
    (``{"published": "2024-11-30", "publisher": "BBC News"}``), else stays ``None``
    (see :func:`require_published` for the commands that cannot do without it).
    ``Article.source`` is the path as given, with bytes that are not UTF-8 replaced.

    Parameters
    ----------
    path
        The file, or ``"-"``.
    published
        A publication date that wins over the article's own (a different one of its own is
        warned about).
    lenient_dates
        Warn about a malformed front-matter or sidecar date and go on without it, rather
        than refuse the article (for work that needs no date). A malformed date that
        ``published`` overrides is always only warned about.

    Raises
    ------
    InputError
        The path is missing, a directory, empty (or front matter alone), binary, not
        UTF-8 (nor UTF-16/32 with a byte-order mark), or too large; or its sidecar is
        unreadable or not a JSON object.
    DateError
        ``published`` is malformed, or the date that would be used (front matter, else
        sidecar) is, unless ``lenient_dates``.
    """
    name = display_name(str(path))
    if name == "-":
        return article_from_text(decode_text(sys.stdin.buffer.read(), "<stdin>"), source="-", published=published,
                                 lenient_dates=lenient_dates)
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{name}: is a directory; give article files")
    if not file.exists():
        raise InputError(f"{name}: no such file")
    try:
        with file.open("rb") as handle:
            data = handle.read(settings.max_article_bytes + 1)
            if len(data) > settings.max_article_bytes:
                # (only the limit's worth was read: the message gives the file's own size)
                raise too_large(name, os.fstat(handle.fileno()).st_size)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    meta = _sidecar(file)
    article = article_from_text(decode_text(data, name), source=name, published=published,
                                publisher=meta.get("publisher"), lenient_dates=lenient_dates)
    if "published" in meta:
        # (front matter or --published wins; the sidecar's date is still checked, and a
        # malformed one that is not used is only warned about)
        overridden = None
        if article.published is not None:
            overridden = (f"--published {article.published.isoformat()} is used" if published
                          else f"the front matter's {article.published.isoformat()} is used")
        what = f"{display_name(str(sidecar_path(file)))}: published"
        sidecar_date = _written_date(meta["published"], what, overridden=overridden, lenient=lenient_dates)
        if published:
            _note_override(article.published, sidecar_date, what)
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
    raise DateError(f"no publication date for {shown}: {_why_needed(article.text)}; {ways}")


def _why_needed(text: str) -> str:
    """Why an article needs its publication date, in its own words where it has them."""
    written = list(dict.fromkeys(relative_dates(text)))
    if written:
        shown = ", ".join(f'"{w}"' for w in written[:3]) + (", ..." if len(written) > 3 else "")
        return f"its relative dates ({shown}) cannot be resolved"
    # nothing relative: the date still bounds what the text leaves undated
    return "the events its text leaves undated are dated on or before it"
