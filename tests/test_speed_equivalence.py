"""The shortcuts taken for speed give what the slow ways gave: answers kept across articles,
facts computed once per list of matches, cheaper scans in front of patterns."""
from __future__ import annotations

import random
import re
import sys

import pytest

from controlmap.article import article_from_text
from controlmap.gazetteer import Gazetteer, GazetteerEntry, IdentityCache, NameMatch
from controlmap.geoparse import geoparse
from controlmap.mentions import (_RIVER_CUES, _bare_county, _facts, _runs, _token_at, _tokenize, find_mentions,
                                 tokenize, whole_run_country)
from controlmap.text import _last_word

# (``controlmap.geoparse`` the module, not the function of that name the package exports)
geoparse_module = sys.modules["controlmap.geoparse"]

_TEXTS = [
    "Rebels entered Goma on Sunday; by Monday they held the airport, Reuters said.",
    "ALEPPO, Syria (AP) — Syrian government forces withdrew from Aleppo. Mr. Sanford said "
    "the St. Louis office in Washington, D.C. had been told.\n\nIDLIB, Jan 10 - Idlib province.",
    "The U.S. and the U.K. met in Paris, France. Georgia Stevens said Georgia is far away.",
    "Fighters crossed the Dnipro near Kherson. The Dnipro's left bank was shelled, 60km south of Zaporizhzhia.",
]


def _old_last_word(text: str, start: int, end: int) -> str:
    match = re.search(r"([\w.]+)$", text[:end][start:]) if start <= end else None
    return match.group(1) if match else ""


@pytest.mark.parametrize("text", ["ab\n", "a\n\n", "\n", "", "x.y.\n", "Gen.", "Mr. Smith", "e.g. x", "café\n",
                                  "U.S.", "a  b", "end. \n"])
def test_the_last_word_is_the_patterns(text):
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert _last_word(text, start, end) == _old_last_word(text, start, end)


def test_the_last_word_is_the_patterns_on_prose():
    text = " ".join(_TEXTS)
    rng = random.Random(7)
    for _ in range(3000):
        end = rng.randrange(len(text) + 1)
        start = max(0, end - rng.randrange(45))
        assert _last_word(text, start, end) == _old_last_word(text, start, end)


def test_river_cues_are_found_wherever_the_patterns_could_match():
    # Every character the patterns' IGNORECASE matches to a cue letter folds to that letter,
    # so the case-folded text holds the cue wherever a pattern could match.
    letters = sorted(set("".join(_RIVER_CUES)))
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in letters:
        for match in re.finditer(letter, everything, re.I):
            assert match.group().casefold() == letter, (letter, match.group())


@pytest.mark.parametrize("text, runs", [
    ("They flew to New York on Monday.", [["New", "York"], ["Monday"]]),  # (one space: the shortcut)
    ("They flew to New  York on Monday.", [["New", "York"], ["Monday"]]),
    ("They flew to New\nYork on Monday.", [["New", "York"], ["Monday"]]),  # (a name wrapped in prose)
    ("They flew to St. Louis on Monday.", [["St", "Louis"], ["Monday"]]),  # (the abbreviation's dot)
    ("They flew to New   York on Monday.", [["New"], ["York"], ["Monday"]]),
    ("They flew to New\n\nYork on Monday.", [["New"], ["York"], ["Monday"]]),  # (two paragraphs)
    ("OCCUPY NEW\nYORK HQ", [["OCCUPY", "NEW"], ["YORK", "HQ"]]),  # (a headline over its dateline)
    ("New. York", [["New"], ["York"]]),
])
def test_words_run_together_across_the_gaps_of_one_name(text, runs):
    tokens = tokenize(text)
    assert [[tokens[i].text for i in run] for run in _runs(tokens, text)] == runs


@pytest.mark.parametrize("text, name", [("They flew to St. Louis on Monday.", "St. Louis"),
                                        ("They flew to New\nYork on Monday.", "New\nYork"),
                                        ("They flew to New  York on Monday.", "New  York")])
def test_a_name_across_such_a_gap_is_one_mention(text, name, gazetteer):
    assert [m.text for m in find_mentions(text, gazetteer)] == [name]


def _entry(kind: str, population: int = 0, country: str = "SY") -> GazetteerEntry:
    return GazetteerEntry(f"test:{kind}:{population}:{country}", "X", kind, country, None, 0.0, 0.0, population)


@pytest.mark.parametrize("matches", [
    [],
    [NameMatch(_entry("city", 2_000_000), 2)],
    [NameMatch(_entry("admin2"), 0), NameMatch(_entry("admin2", 5_000), 0)],
    [NameMatch(_entry("country"), 2), NameMatch(_entry("city", 10), 1)],
    [NameMatch(_entry("admin1", 150_000, "IQ"), 2), NameMatch(_entry("city", 120_000), 2)],
    [NameMatch(_entry("region", 0, None), 2), NameMatch(_entry("city", 60_000, "LB"), 2)],
])
def test_facts_are_what_the_matches_say(matches, gazetteer):
    facts = _facts(matches, gazetteer)
    assert facts.country == any(m.entry.kind == "country" or (m.entry.kind == "admin1" and m.entry.population >= 100_000)
                                for m in matches)
    assert facts.population == max((m.entry.population for m in matches if not _bare_county(m)), default=0)
    assert facts.region == any(m.entry.kind == "region" for m in matches)
    assert facts.own_name == any(m.quality == 2 for m in matches)
    assert facts.own_country == any(m.entry.kind == "country" and m.quality == 2 for m in matches)
    assert facts.bare_counties == all(_bare_county(m) for m in matches)
    assert whole_run_country(matches, gazetteer) == facts.country
    # the same list gives the same facts; an equal new list gets its own
    assert _facts(matches, gazetteer) is facts
    assert _facts(list(matches), gazetteer) == facts


def test_token_at_is_the_first_token_from_an_offset():
    text = _TEXTS[1]
    tokens = tokenize(text)
    for offset in range(len(text) + 1):
        assert _token_at(tokens, offset) == next((i for i, t in enumerate(tokens) if t.start >= offset), len(tokens))


def test_capitalised_indices_are_the_capitalised_tokens():
    for text in _TEXTS:
        tokens, capitalised = _tokenize(text, {0})
        assert capitalised == [i for i, t in enumerate(tokens) if t.capitalised]


def _places(text: str, gazetteer) -> list[tuple]:
    return [(p.start, p.end, p.entry.id, p.confidence, p.runner_up.id if p.runner_up else None, p.runner_up_confidence)
            for p in geoparse(article_from_text(text), gazetteer=gazetteer)]


def test_answers_kept_across_articles_are_the_answers_made_cold(gazetteer, seed_article):
    texts = _TEXTS + [seed_article.text]
    # (each article read by an index object of its own: nothing is kept from another article)
    cold = [_places(t, Gazetteer(gazetteer.path)) for t in texts]
    warm = [_places(t, gazetteer) for t in texts]  # (the session's index: other tests filled its caches)
    again = [_places(t, gazetteer) for t in reversed(texts)][::-1]
    assert warm == cold
    assert again == cold


def test_what_is_kept_is_kept_by_the_index_that_gave_it(gazetteer):
    other = Gazetteer(gazetteer.path)
    _places(_TEXTS[0], gazetteer)
    for what in ("mention facts", "geoparse candidates", "geoparse plain scores"):
        assert len(gazetteer.derived(what, 1)) > 0
        assert other.derived(what, 1) is not gazetteer.derived(what, 1)
        assert len(other.derived(what, 1)) == 0  # (nothing the first one made)


def test_an_index_of_other_data_gives_its_own_answers(gazetteer, tmp_path):
    import shutil
    import sqlite3

    # a copy of the index that does not know the city of Idlib (only its province)
    path = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer.path, path)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM names WHERE entry IN (SELECT rowid FROM entries WHERE id = 'geonames:169389')")
    con.commit()
    con.close()
    text = "Rebels entered Idlib on Sunday."
    before = _places(text, gazetteer)
    changed = _places(text, Gazetteer(path))
    assert [p[2] for p in before] == ["geonames:169389"]
    assert "geonames:169389" not in [p[2] for p in changed]
    assert _places(text, gazetteer) == before


def test_the_least_recently_used_is_forgotten_first():
    kept: IdentityCache[str] = IdentityCache(2)
    a, b, c = [1], [2], [3]
    kept.put(a, "a")
    kept.put(b, "b", "hint")
    assert kept.get(a) == "a"  # (now b is the least recently used)
    kept.put(c, "c")
    assert (kept.get(a), kept.get(b, "hint"), kept.get(c), len(kept)) == ("a", None, "c", 2)
    assert kept.get(b) is None and kept.get([1]) is None  # (the details and the object itself are the key)


def test_mentions_written_alike_are_resolved_as_if_apart(gazetteer, seed_article):
    # Resolution shares work between mentions of a name written alike; each mention must still
    # get the scores it would get on its own (a copy, not the first one's dict).
    from controlmap.mentions import find_mentions
    from controlmap.text import split_sentences

    text = seed_article.text
    mentions = find_mentions(text, gazetteer, {s.start for s in split_sentences(text)})
    demonyms = geoparse_module.demonym_countries(text, gazetteer)
    shared = geoparse_module.resolve_mentions(mentions, gazetteer, demonyms)
    # the same mentions, each with a list of matches of its own: nothing can be shared
    import copy

    apart = [copy.copy(m) for m in mentions]
    for m in apart:
        m.matches = list(m.matches)
    assert geoparse_module.resolve_mentions(apart, gazetteer, demonyms) == shared


def _old_tokenize(text: str, starts: set[int]) -> tuple[list, list[int]]:
    """The tokenizer as it was: one match object per word."""
    from controlmap.mentions import _TOKEN, Token, _name_token
    tokens, capitalised = [], []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word.islower() and "-" not in word:
            tokens.append(Token(match.start(), match.end(), word, word, False))
        else:
            token = _name_token(text, match.start(), word, starts)
            if token.capitalised:
                capitalised.append(len(tokens))
            tokens.append(token)
    return tokens, capitalised


@pytest.mark.parametrize("text", _TEXTS + ["", "  ", "...", "x", " U.S. W. Va. Port-au-Prince Aleppo's  D-Charleston ",
                                          "“Can you\nimagine” (Idlib) — 12 Deir ez-Zor's UK-based s’ cafés"])
def test_the_split_tokenizer_is_the_match_per_word_one(text):
    starts = {0} | {m.end() for m in re.finditer(r"[.!?]\s+", text)}
    assert _tokenize(text, starts) == _old_tokenize(text, starts)
    assert _tokenize(text) == _old_tokenize(text, set())


@pytest.mark.parametrize("text", _TEXTS + ["", "U.S.", "U.S.A. W.Va. W. Va. W.V. A.b U. W. X.Y", "N.C.'s W.Va.'s Port-au-Prince",
                                          "“Can you\nimagine” (Idlib) — 12 Deir ez-Zor's UK-based s’ cafés"])
def test_the_split_pattern_finds_the_words_of_the_token_pattern(text):
    from controlmap.mentions import _TOKEN, _TOKEN_PIECES
    assert _TOKEN_PIECES.split(text) == re.compile(f"({_TOKEN.pattern})").split(text)


# (texts where an opening word boundary is easy to get wrong: a name at the very start, after a
# digit, an underscore, an apostrophe, a letter of another script, inside a word)
_EDGES = ["Reporting by Sofia Christensen", "xReporting by A", "1Reporting by A", "_Writing by B", "éEditing by C",
          "'Compiled by D", "(Produced by E)", "Fact-checking by F\nG", "fact-checking by g", "Weporting by H",
          "the Fano militia and theFano militia", "ÉFano militia", "9Wagner group", "Saba news agency; xSaba press agency",
          "Syrian side, Israeli troops, Russian-held Donetsk, Lebanese villages, aSyrian side", "Ab", "",
          "Zaporizhzhia counties", "neighbourhoods", "the states of Ohio and Iowa"]


def _fast_scan_texts(seed_article) -> list[str]:
    return _TEXTS + _EDGES + [seed_article.text] + [text for text in _dev_texts()]


def _dev_texts() -> list[str]:
    # The geoparsing dev sets when they are there (a checkout has them beside it): 907 articles.
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geoparse"
    return [json.loads(line)["text"] for path in sorted(folder.glob("*.dev.jsonl"))
            for line in path.open(encoding="utf-8") if line.strip()]


def test_fast_scans_find_what_their_patterns_find(seed_article):
    from controlmap.text import FAST_SCANS

    assert len(FAST_SCANS) >= 4  # (the organisations, the agencies, the credit lines, the demonyms)
    texts = _fast_scan_texts(seed_article)
    for fast, slow in FAST_SCANS.items():
        slow_pattern = re.compile(slow)
        assert fast.pattern != slow
        for text in texts:
            assert [m.span() + m.groups() for m in fast.finditer(text)] == [m.span() + m.groups() for m in slow_pattern.finditer(text)]


def test_the_list_plural_test_is_the_patterns_search(seed_article):
    from controlmap.mentions import _LIST_PLURAL, _has_list_plural

    for text in _fast_scan_texts(seed_article):
        assert _has_list_plural(text) == (_LIST_PLURAL.search(text) is not None)


@pytest.mark.parametrize("name", ["Aleppo", "ALEPPO", "aleppo", "Idlib", "A", "New York", "Port-au-Prince", "St.",
                                  "Ḩalab", "Straße", "Kharkiv’s", "x y", " Aleppo", "Aleppo ", "İstanbul", "ǅ"])
def test_a_plain_word_keys_as_the_full_normalisation(name):
    import unicodedata

    from controlmap.gazetteer import _APOSTROPHES, _SEPARATORS, name_key

    text = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    assert name_key.__wrapped__(name) == _SEPARATORS.sub(" ", text.translate(_APOSTROPHES)).casefold().strip()


def test_a_plain_ascii_word_keys_as_the_full_normalisation_for_every_letter_pair():
    from controlmap.gazetteer import _APOSTROPHES, _SEPARATORS, name_key

    letters = [chr(c) for c in range(128)]
    for a in letters:
        for b in letters:
            name = a + b
            assert name_key.__wrapped__(name) == _SEPARATORS.sub(" ", name.translate(_APOSTROPHES)).casefold().strip()


def test_name_matches_built_from_rows_are_the_dataclasses(gazetteer):
    from controlmap.gazetteer import _COLUMNS, _entry, _name_match

    rows = gazetteer._con.execute(
        f"SELECT n.key, n.quality, {_COLUMNS} FROM names n JOIN entries e ON e.rowid = n.entry "
        "WHERE n.key IN ('aleppo', 'idlib', 'gaza', 'london', 'springfield', 'georgia', 'kyiv', 'washington')").fetchall()
    assert len(rows) > 20
    for row in rows:
        fast, slow = _name_match(row), NameMatch(_entry(row[2:]), row[1])
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert list(vars(fast.entry).items()) == list(vars(slow.entry).items())
        assert vars(fast) == vars(slow) and list(vars(fast)) == list(vars(slow))
        assert type(fast.entry.derived) is bool and type(fast.entry.capital) is bool
