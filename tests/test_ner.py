"""The optional spaCy recogniser (controlmap.ner) and the default path's independence from it.

Tests that run the model skip where it is not installed (CI does not install the ``spacy``
extra); the others run everywhere.
"""
import importlib.util
import subprocess
import sys

import pytest

from controlmap.article import article_from_text
from controlmap.errors import ControlmapError, NERError
from controlmap.geoparse import geoparse
from controlmap.ner import DEFAULT_MODEL, SpacyRecogniser, _chunks, spacy_recogniser

from .conftest import SEED

needs_model = pytest.mark.skipif(
    importlib.util.find_spec("spacy") is None or importlib.util.find_spec(DEFAULT_MODEL) is None,
    reason=f"spaCy model {DEFAULT_MODEL} not installed (pip install 'controlmap[spacy]')")


def test_default_path_never_imports_spacy(gazetteer):
    code = ("import sys; from controlmap.article import load_article; from controlmap.geoparse import geoparse; "
            "import controlmap.cli, controlmap.pipeline; "
            f"geoparse(load_article({str(SEED)!r})); "
            "sys.exit('spacy imported' if any(m == 'spacy' or m.startswith(('spacy.', 'thinc')) for m in sys.modules) else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr or done.stdout


def test_missing_model_is_a_one_line_error():
    with pytest.raises(NERError) as caught:
        spacy_recogniser("veto", model="no_such_spacy_model_here")
    assert isinstance(caught.value, ControlmapError)
    assert "\n" not in str(caught.value) and "pip install" in str(caught.value)


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="veto, recover, both"):
        spacy_recogniser("everything")


@pytest.mark.parametrize("text", ["", "one line", "a b\n" * 40, "x" * 95 + " " + "y" * 30])
def test_chunks_cover_the_text_with_their_offsets(text):
    pieces = _chunks(text, size=32)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= 32 for _, piece in pieces)


@pytest.fixture(scope="module")
def both():
    return spacy_recogniser("both")


def _found(text, gazetteer, ner):
    return [p.text for p in geoparse(article_from_text(text), gazetteer=gazetteer, ner=ner)]


@needs_model
def test_veto_drops_a_given_name_read_as_a_town(gazetteer, both):
    # (the rules alone drop "Vladimir" here too now: the model must not bring it back)
    text = "Not much happens in Russia without Vladimir Putin, the official said in Moscow."
    assert _found(text, gazetteer, both) == ["Russia", "Moscow"]
    assert _found(text, gazetteer, spacy_recogniser("recover")) == _found(text, gazetteer, None)


@needs_model
@pytest.mark.parametrize("text, name", [
    ("Senate Majority Leader Larry Pogemiller, DFL-Minneapolis, said education cuts may end.", "Minneapolis"),
    ("The DPRK-South Korea summit was held on Friday.", "South Korea"),
])
def test_recovery_adds_joined_and_several_word_places(gazetteer, both, text, name):
    assert name not in _found(text, gazetteer, None)
    assert name in _found(text, gazetteer, both)
    assert name not in _found(text, gazetteer, spacy_recogniser("veto"))


@needs_model
def test_seed_is_unchanged_with_both(gazetteer, both, seed_article, seed_places):
    revised = geoparse(seed_article, gazetteer=gazetteer, ner=both)
    assert [(p.start, p.end, p.id) for p in revised] == [(p.start, p.end, p.id) for p in seed_places]


@needs_model
def test_entities_of_a_text_cut_in_pieces_keep_their_offsets(both, monkeypatch):
    import controlmap.ner as ner

    text = "The minister flew to Berlin on Monday. " * 20
    monkeypatch.setattr(ner, "CHUNK_CHARS", 50)
    places = [(s, e) for s, e, label in both.entities(text) if label == "GPE"]
    assert len(places) == 20 and {text[s:e] for s, e in places} == {"Berlin"}


# ---------------------------------------------------------------------------- without the model
# The veto and recovery rules, fed entities by hand: these run in CI, where the model is not.


class _HandTagged(SpacyRecogniser):
    """A recogniser whose "model" is a list of entities given by hand."""

    def __init__(self, entities, *, veto=True, recover=True):
        self.veto, self.recover, self.model = veto, recover, "by hand"
        self._entities = entities

    def entities(self, text):
        return self._entities


def _mention(text, name):
    from controlmap.mentions import Mention

    start = text.index(name)
    return Mention(start, start + len(name), name, name, [])


def test_veto_drops_a_mention_inside_a_longer_person_only():
    text = "Talks between Vladimir Putin and Sri Lanka's envoy in Moscow."
    person = (text.index("Vladimir"), text.index(" and"), "PERSON")
    lanka = (text.index("Sri"), text.index(" envoy"), "PERSON")  # a mistagged place: no longer than the mention
    mentions = [_mention(text, name) for name in ("Vladimir", "Sri Lanka", "Moscow")]
    kept = _HandTagged([person, lanka], recover=False).revise(text, mentions, gazetteer=None)
    assert [m.text for m in kept] == ["Sri Lanka", "Moscow"]


def test_recovery_adds_joined_or_several_word_places_the_gazetteer_knows(gazetteer):
    text = "The DPRK-South Korea summit ended. Harden said Atlantis was calm."
    entities = [(text.index("South"), text.index(" summit"), "GPE"),     # joined by a hyphen
                (text.index("Harden"), text.index(" said"), "GPE"),      # one word, not joined
                (text.index("Atlantis"), text.index(" was"), "LOC")]     # one word, unknown
    added = _HandTagged(entities, veto=False).revise(text, [], gazetteer)
    assert [(m.text, m.matches[0].entry.country) for m in added] == [("South Korea", "KR")]
    # a span a mention already covers is not added twice
    assert _HandTagged(entities, veto=False).revise(text, [_mention(text, "South Korea")], gazetteer)[0].matches == []
