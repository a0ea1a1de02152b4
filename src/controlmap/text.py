"""Sentences with their character spans.

A rule-based splitter is enough for news copy: it breaks after ``.``, ``!`` or ``?`` (and a
closing quote or bracket) followed by white space and an upper-case letter, digit or quote,
and at blank lines, but not after common abbreviations ("Mr.", "U.S.", "Gen.") or initials.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt capt sgt maj cpl pte adm rev st mt ft jr sr co corp inc ltd "
    "no vs etc e.g i.e u.s u.k u.n u.s.a jan feb mar apr aug sep sept oct nov dec gov sen rep "
    "approx est dept univ ave blvd rd".split()
)
#: A run of word characters and full stops, matched on a reversed tail: the last word before a
#: full stop (see :func:`_last_word`).
_WORD_RUN = re.compile(r"[\w.]+")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]?")
#: A first line with no sentence-ending punctuation, then a line break and a capital.
_HEADLINE = re.compile(r"[ \t]*[^\n.!?]{8,160}(?<![,;:])\n(?=[ \t]*[\"“]?[A-Z])")
#: Last words of a line of wrapped copy, not of a headline: "the town of\nBasra".
_GOES_ON = frozenset("of the in on at to and a an from near with for by or as into its their".split())
#: A sentence boundary: ``[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])|\n\s*\n``, written to open
#: with one set of characters (the first of either branch, then the rest of the branch it
#: opened): the regex engine skips, in C, the positions where that set cannot match, where the
#: two branches had it try every character of the text in turn, three times slower.
#: ``tests/test_speed_equivalence_round7.py`` checks that the two find the same boundaries.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n)")


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == article_text[start:end]`` (surrounding white space excluded)."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, keeping their offsets."""
    # The geoparser, the distance checker and the event extractor each split the same article:
    # the last few texts' sentences are remembered (Sentence is immutable; the list is a copy).
    return list(_split(text))


@lru_cache(maxsize=8)
def _split(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    begin = 0
    headline = _HEADLINE.match(text)
    if (headline is not None and headline.group(0).split()[-1].lower() not in _GOES_ON
            and any(c.islower() for c in headline.group(0))):  # (wire copy's capitals headline stays with its dateline)
        # "Israel withdraws ground troops from Khan Younis\nIsrael's military said ...": a first
        # line with no full stop, over a line of copy, is a headline of its own
        _append(sentences, text, 0, headline.end())
        begin = headline.end()
    for match in _BOUNDARY.finditer(text, begin):
        if match.group(0)[0] == ".":
            # Only the last word before the full stop matters: look at a short tail, not the
            # whole sentence.
            token = _last_word(text, max(begin, match.start() - 40), match.start()).lower()
            if token in _ABBREVIATIONS or len(token) == 1 and token.isalpha() or _INITIALS.fullmatch(token):
                continue
        begin = _subheading(sentences, text, begin, match.end())
        _append(sentences, text, begin, match.end())
        begin = match.end()
    begin = _subheading(sentences, text, begin, len(text))
    _append(sentences, text, begin, len(text))
    return tuple(sentences)


def _subheading(out: list[Sentence], text: str, begin: int, end: int) -> int:
    """Append a subheading that opens ``text[begin:end]`` as a sentence of its own and return
    where the rest begins (``begin`` when there is none).

    A subheading is a line of its own with no final punctuation, between a line that ends a
    sentence and a line of copy: "...to do this to them?"\nWest Virginia police shot at during
    traffic stop\nMore than 200 miles to the northwest, ...". A line of wrapped copy is as
    long as the line under it; a subheading is shorter than the paragraph it heads.
    """
    start = begin
    while start < end and text[start] in " \t\n":
        start += 1
    if start and text[start - 1] != "\n":
        return begin  # (not at a line start: the sentence before ended on the same line)
    newline = text.find("\n", start, end)
    if newline < 0:
        return begin
    line = text[start:newline]
    nxt_end = text.find("\n", newline + 1)
    following = text[newline + 1:nxt_end if 0 <= nxt_end < end else end]
    if not (8 <= len(line) <= 160 and line[-1:] not in ".!?,;:\"'”’" and following[:1].isupper()
            and any(c.islower() for c in line) and line.split()[-1].lower() not in _GOES_ON
            and len(line) < 0.75 * len(following)):
        return begin
    _append(out, text, start, newline)
    return newline + 1


def _last_word(text: str, start: int, end: int) -> str:
    r"""The run of word characters and full stops that ends ``text[start:end]`` (or ends it
    but for one line break: "$" matches before a final newline), or ``""``.

    Read backwards: a search for ``[\w.]+$`` would try every position of the tail.
    """
    if end > start and text[end - 1] == "\n":
        end -= 1
    tail = text[start:end][::-1]
    run = _WORD_RUN.match(tail)
    return tail[:run.end()][::-1] if run else ""


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    end = start + len(stripped)
    out.append(Sentence(start, end, text[start:end]))


#: The patterns made by :func:`fast_scan`, each with the pattern it stands for (the tests check
#: that the two find the same matches).
FAST_SCANS: dict[re.Pattern, str] = {}

#: An opening word boundary before a set of word characters (and a group opening between).
_OPENING_BOUNDARY = re.compile(r"\\b(\(?)(\[[\w-]+\])")


def fast_scan(slow: str, fast: str | None = None) -> re.Pattern:
    r"""``re.compile(slow)``, rewritten to be searched for faster through a whole article.

    Python's regex engine skips, in C, the positions of a text where a pattern that opens with
    a set of characters cannot start; a pattern that opens with ``\b`` is tried at every
    position in turn, half the time of a scan. So an opening ``\b[A-Z]`` (or ``\b([A-Z]``) is
    written ``[A-Z](?<!\w[A-Z])``: the character, then no word character before it, which is
    what a boundary before a word character means (the set must hold word characters only).
    ``fast`` gives a rewrite made by hand.
    """
    if fast is None:
        opening = _OPENING_BOUNDARY.match(slow)
        if opening is None:
            raise ValueError(f"no opening boundary before a set of word characters in {slow!r}")
        group, chars = opening.groups()
        fast = f"{group}{chars}(?<!\\w{chars}){slow[opening.end():]}"
    compiled = re.compile(fast)
    FAST_SCANS[compiled] = slow
    return compiled


class SentenceIndex:
    """Find the sentence that holds a character offset in O(log n)."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence:
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.sentences[i]


#: The commonest English function words: one word in four or five of news copy is one of them.
_ENGLISH_WORDS = frozenset("the of and to in a is that for on was with as by at from it said has have were are "
                           "be had its an this which who their after not but they been".split())


def looks_english(text: str, *, words: int = 400) -> bool:
    """Whether ``text`` reads as English: among its first ``words`` words, at least one in
    fourteen is one of the commonest English function words (news copy has one in four or
    five; French or Spanish a few in a hundred, Arabic script none). Texts of fewer than
    twenty words are given the benefit of the doubt (a headline alone)."""
    found = re.findall(r"[^\W\d_]+", text[:20_000])[:words]
    if len(found) < 20:
        return True
    return sum(w.lower() in _ENGLISH_WORDS for w in found) * 14 >= len(found)
