"""The shortcuts taken for speed in the event and distance readers give what the slow ways
gave: one pass for every cue instead of a search per cue, patterns that skip to where they can
start, sentences kept as the splitter gave them."""
from __future__ import annotations

import bisect
import json
import random
import re

from controlmap.actors import _alternation, _is_acronym, load_actors
from controlmap.event_triggers import _CUES, _TRIGGERS, _triggers_by_sentence
from controlmap.events import event_sentences
from controlmap.text import Sentence, split_sentences

_TEXTS = [
    "Rebels recaptured Aleppo on Sunday; by Monday they held the airport, Reuters said.",
    "IRAN SAYS TROOPS CAPTURE BASRA POSTS\nBAHRAIN, March 5 - Iranian troops took control of\n"
    "defence posts east of Basra, IRNA said.\n- - - -\nThe takeover was denied. Overrun, the town fell.",
    # cues inside and across other cues: "taken" + "newly", "over" + "overrun", "-held" + "held"
    "The takenewly overrunning rebel-held pull-out of besiegedencircled troops withdrawal.",
    "HTS and the SDF, with IS-linked cells, held Raqqa; the UN and the AU said the RSF and SAF ...",
    # a character whose lower case is longer than itself ("İ" -> "i̇")
    "İdlib was captured. The army withdrew.",
    "",
    "no sentence here",
]


def _old_triggers_by_sentence(text: str, sentences: list[Sentence]) -> list[tuple]:
    lower = text.lower()
    if len(lower) != len(text):
        return [_TRIGGERS] * len(sentences)
    starts = [s.start for s in sentences]
    present: list[set[str]] = [set() for _ in sentences]
    for cue in _CUES:
        at = lower.find(cue)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at + len(cue) <= sentences[i].end:
                present[i].add(cue)
            at = lower.find(cue, at + 1)
    return [tuple(t for t in _TRIGGERS if not here.isdisjoint(t.cues)) if here else () for here in present]


def _old_event_sentences(text: str) -> list[Sentence]:
    from controlmap.events import _HEADLINE, _SEPARATOR

    cuts: set[int] = set()
    headline = _HEADLINE.match(text)
    if headline and len(headline.group("line").split()) >= 2:
        cuts.add(headline.end("line"))
    for m in _SEPARATOR.finditer(text):
        cuts.update((m.start() + 1, m.end()))
    out: list[Sentence] = []
    for sentence in split_sentences(text):
        inside = sorted(c for c in cuts if sentence.start < c < sentence.end)
        bounds = [sentence.start, *inside, sentence.end]
        for a, b in zip(bounds, bounds[1:]):
            chunk = text[a:b]
            if not re.search(r"\w", chunk):
                continue
            lead = len(chunk) - len(chunk.lstrip())
            a, b = a + lead, a + lead + len(chunk.strip())
            out.append(Sentence(a, b, text[a:b]))
    return out


def _shared_texts(shared_folder) -> list[str]:
    paths = sorted((shared_folder / "eval" / "geoparse").glob("*.dev.jsonl"))
    paths += [shared_folder / "eval" / "distances" / "docs.dev.jsonl", shared_folder / "eval" / "control" / "docs.dev.jsonl"]
    return [json.loads(line)["text"] for path in paths for line in path.open(encoding="utf-8") if line.strip()]


def _random_texts() -> list[str]:
    # cues glued to each other and to word pieces, so that many start inside another
    rng = random.Random(11)
    pieces = list(_CUES) + ["re", "un", "ed", "s", " ", ". ", ".\n\n", "-", "The ", "rebel", "İ"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60))) for _ in range(400)]


def test_cues_in_one_pass_are_the_search_per_cue():
    for text in _TEXTS + _random_texts():
        sentences = event_sentences(text)
        assert _triggers_by_sentence(text, sentences) == _old_triggers_by_sentence(text, sentences), text
        # (and with the splitter's sentences, whose gaps differ)
        sentences = split_sentences(text)
        assert _triggers_by_sentence(text, sentences) == _old_triggers_by_sentence(text, sentences), text


def test_cues_in_one_pass_are_the_search_per_cue_on_the_dev_sets(shared_folder):
    for text in _shared_texts(shared_folder):
        sentences = event_sentences(text)
        assert _triggers_by_sentence(text, sentences) == _old_triggers_by_sentence(text, sentences)


def test_event_sentences_are_the_refined_split(shared_folder):
    for text in _TEXTS + _random_texts() + _shared_texts(shared_folder):
        assert event_sentences(text) == _old_event_sentences(text)


def test_acronyms_found_from_their_first_capital_are_the_word_start_pattern(shared_folder):
    registry = load_actors()
    exact = [alias for actor in registry.actors for alias in actor.aliases if _is_acronym(alias)]
    old = _alternation(exact, 0)
    assert old is not None and old.pattern != registry._exact.pattern
    texts = _TEXTS + _random_texts() + _shared_texts(shared_folder)
    texts += ["-HTS", "xHTS", "HTS-", "HTSx", "(HTS)", "\nHTS\n", "HTS", "AFC/M23 fighters", "M23's", "’IS"]
    for text in texts:
        assert [m.span() for m in registry._exact.finditer(text)] == [m.span() for m in old.finditer(text)], text


def test_the_ignore_case_aliases_built_on_first_use_are_the_registry_s():
    from controlmap.actors import read_actors
    from controlmap.settings import geo_folder

    registry = read_actors(geo_folder() / "actors.csv")
    folded = [alias for actor in registry.actors for alias in actor.aliases if not _is_acronym(alias)]
    assert "_folded" not in registry.__dict__  # (not built by loading)
    # a text whose lower-case copy is longer ("İ") is read with the ignore-case pattern
    found = registry.find("İdlib: HTS and Syrian Government Forces held it")
    assert registry._folded.pattern == _alternation(folded, re.I).pattern
    assert [(a.words, a.actor.canonical) for a in found] == [("HTS", "Hayat Tahrir al-Sham"),
                                                            ("Syrian Government Forces", "Syrian government")]


def test_the_war_of_the_places_counts_each_mention():
    registry = load_actors()
    for countries in (["SY"] * 3 + ["UA"] * 2, ["SY", "UA"], ["UA", "SY", "UA"], [], ["ZZ"], ["SD", "SD", "SY", "SY"]):
        votes: dict[str, int] = {}
        for country in countries:
            for conflict, where in registry.theatres.items():
                if country in where:
                    votes[conflict] = votes.get(conflict, 0) + 1
        ranked = sorted(votes.values(), reverse=True)
        expected = (None if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]
                    else max(votes, key=votes.__getitem__))
        assert registry.conflict_in(iter(countries)) == expected, countries
