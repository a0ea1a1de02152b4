"""The seventh round's shortcuts give what the slow ways gave: the names the index does not
hold share one empty answer instead of a list each; the sentence boundary opens with one set
of characters."""
from __future__ import annotations

import random
import re
import sys

from controlmap.article import article_from_text
from controlmap.gazetteer import _COLUMNS, NO_MATCHES, Gazetteer, _name_match, name_key
from controlmap.geoparse import geoparse
from controlmap.text import _BOUNDARY, _split, split_sentences

# (``controlmap.text`` the module)
text_module = sys.modules["controlmap.text"]

_TEXTS = [
    "Rebels entered Goma on Sunday; by Monday they held the airport near Qwertabad, Reuters said.",
    "ALEPPO, Syria (AP) - Syrian government forces withdrew from Aleppo and Tal Rifaat. Mr. Sanford "
    "said the Zyxwv Brigade and the St. Louis office in Washington had been told.",
    "Fighters crossed the Dnipro near Kherson, 60km south of Zaporizhzhia, and shelled Blorptown.",
]


def _slow_lookup(gazetteer: Gazetteer, keys: list[str]) -> dict[str, list]:
    """The answers as the index gave them before: a fresh list for every key, one query each."""
    answers = {}
    for key in keys:
        sql = f"SELECT n.key, n.quality, {_COLUMNS} FROM names n JOIN entries e ON e.rowid = n.entry WHERE n.key = ?"
        answers[key] = [_name_match(row) for row in gazetteer._con.execute(sql, (key,))]
    return answers


def test_answers_with_the_shared_empty_list_are_the_per_key_answers(gazetteer):
    names = ["Aleppo", "Goma", "Qwertabad", "Springfield", "Zyxwv", "Paris", "Blorptown", "Tal Rifaat", "Kherson",
             "Santa Maria", "The", "Aleppo"]  # (a repeated name, and names no place has)
    keys = [name_key(n) for n in names]
    fresh = Gazetteer(gazetteer.path)
    fast = fresh.lookup_keys(keys)
    slow = _slow_lookup(fresh, keys)
    assert list(fast) == list(dict.fromkeys(keys))
    assert fast == slow
    assert fast[name_key("Qwertabad")] is NO_MATCHES and fast[name_key("Aleppo")] is not NO_MATCHES
    # asked again, in another order, from what is kept: the same answers
    assert fresh.lookup_keys(list(reversed(keys))) == slow


def test_a_place_found_is_found_as_with_a_list_per_unknown_name(gazetteer):
    # Whole articles, each in an index of its own, give the places they gave with a fresh
    # empty list per unknown name; and nothing the pipeline does fills the shared list.
    for text in _TEXTS:
        article = article_from_text(text, source="t")
        shared = [(p.start, p.end, p.id, p.confidence) for p in geoparse(article, gazetteer=Gazetteer(gazetteer.path))]
        index = Gazetteer(gazetteer.path)
        original = index.lookup_keys

        def per_key(keys, original=original, index=index):
            answers = original(keys)
            return {k: ([] if v is NO_MATCHES else v) for k, v in answers.items()}

        index.lookup_keys = per_key
        apart = [(p.start, p.end, p.id, p.confidence) for p in geoparse(article, gazetteer=index)]
        assert shared == apart and shared
        assert NO_MATCHES == []


#: The sentence boundary as it was written before it opened with one set of characters.
_SLOW_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")


def _boundaries(pattern: re.Pattern, text: str, begin: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, begin)]


def test_sentence_boundaries_are_the_two_branch_patterns(seed_article):
    texts = [seed_article.text, *_TEXTS, "He left.\n\nShe stayed!  \"Why?\" (Nobody knew.) 3 p.m. U.S. \n \nEnd...",
             "Really?!’ Then: “Yes.” [2] ...\n\n\n\nA. B.\t\nC"]
    for text in texts:
        for begin in range(0, len(text), 7):
            assert _boundaries(_BOUNDARY, text, begin) == _boundaries(_SLOW_BOUNDARY, text, begin)
    rng = random.Random(7)
    alphabet = ".!?\n \t\"'”’“‘()[]aZ9é"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        assert _boundaries(_BOUNDARY, text) == _boundaries(_SLOW_BOUNDARY, text), text


def test_an_article_splits_into_the_sentences_of_the_slow_boundary(seed_article, monkeypatch):
    fast = [(s.start, s.end) for s in split_sentences(seed_article.text + "\n\nMr. Smith left.  Did he? Yes.")]
    _split.cache_clear()
    monkeypatch.setattr(text_module, "_BOUNDARY", _SLOW_BOUNDARY)
    slow = [(s.start, s.end) for s in split_sentences(seed_article.text + "\n\nMr. Smith left.  Did he? Yes.")]
    _split.cache_clear()
    assert fast == slow and len(fast) > 3
