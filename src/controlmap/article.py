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
from datetime import date
from pathlib import Path

from . import settings
from .errors import DateError, InputError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FIELD = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.+?)\s*$", re.M)


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
    """Parse ``YYYY-MM-DD`` (or pass a ``date`` through); raise :class:`DateError` otherwise."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise DateError(f"{what} {text!r} is not a date in YYYY-MM-DD form") from None


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


def _sidecar(path: Path) -> dict[str, str]:
    sidecar = path.with_suffix(".json")
    if sidecar == path or not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in meta.items()} if isinstance(meta, dict) else {}


def article_from_text(
    text: str, *, source: str = "<text>", published: str | date | None = None, publisher: str | None = None
) -> Article:
    """Build an :class:`Article` from text already in memory (front matter is honoured)."""
    if not text.strip():
        raise InputError(f"{source}: empty article, no text to read")
    text, fields = _front_matter(text)
    when = parse_date(published, what="--published") if published else parse_date(
        fields.get("published") or fields.get("date"), what=f"{source}: front matter date")
    return Article(text=text, source=source, published=when, publisher=publisher or fields.get("publisher"))


def load_article(path: str | Path, *, published: str | date | None = None) -> Article:
    """Read an article file (``"-"`` reads stdin).

    The publication date comes from ``published`` if given, else from YAML-style front
    matter (``published: 2024-11-30``), else from a sidecar ``NAME.json`` beside the file
    (``{"published": "2024-11-30", "publisher": "BBC News"}``), else stays ``None``.

    Raises
    ------
    InputError
        The path is missing, a directory, empty, binary, not UTF-8, or too large.
    DateError
        A date is given but malformed.
    """
    name = str(path)
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
    article = article_from_text(decode_text(data, name), source=name, published=published,
                                publisher=meta.get("publisher"))
    if article.published is None and meta.get("published"):
        article = Article(article.text, article.source, parse_date(meta["published"], what=f"{name} sidecar date"),
                          article.publisher)
    return article
