"""Speech and asides: who a sentence says is speaking, and which of its words are an aside.

Speech verbs ("said", "claimed", "denied") for finding speakers; the asides set off by commas
(appositives, relative clauses), inside which a date dates only the aside; and the attribution
of a claim to its speaker ("the army said ..." is kept in ``attributed_to``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


_SPEECH = re.compile(
    r"\b(?:said|says|say|reported|reports|told|announced|claimed|claims|acknowledged|admitted|admitting|"
    r"described|quoted|added|stated|confirmed|saying|according\s+to|"
    # assessments and evidence: "ISW assessed that", "geolocated footage indicates"
    r"assessed|assesses|indicates|indicated|shows|showed|suggests|suggested)\b", re.I)


#: Verbs by which a speaker states a claim as its own ("the rebels said", "Baghdad announced").
_SPEECH_VERBS = r"said|says|announced|declared|claimed|reported|confirmed|stated"
#: Verbs that make a word a speaker without crediting it with the claim ("Damascus denied",
#: "Moscow did not confirm"): :data:`_SPEAKER_AFTER` takes them, :data:`_SPEAKS_AFTER_NAME`
#: must not ("Hama was liberated, the army denied" does not say the army took it).
_SPEAKER_ONLY_VERBS = (r"saying|reports|described|denied|acknowledged|admitted|rejected|insisted|warned|"
                       r"(?:did|does|would|could)\s+not\s+confirm|declined\s+to\s+confirm")

#: After a speaker's name: its verb, perhaps after a possessive noun ("the rebels' command said").
_SPEAKS_AFTER_NAME = re.compile(rf"(?:['’]s?)?(?:\s+[\w'’-]+){{0,2}}\s+(?:{_SPEECH_VERBS})\b", re.I)
#: A dateline opening a sentence, up to its comma: "BEIRUT,", "GOMA, Congo", "KHARTOUM, Sudan".
_DATELINE_COMMA = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z],(?=\s+(?:[A-Z][a-z]+\.?\s+\d|[A-Z][a-z]+\s*(?:\(|[-–—])|\())")


#: A place named as a speaker: "Baghdad said", "Tehran radio reported".
_SPEAKER_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,2}"
                            # (a group's leader or spokesman, named: "HTS leader Abu Mohammed al-Golani said")
                            r"(?:\s+(?:leader|chief|commander|spokesman|spokeswoman|spokesperson)\s+(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,3})?"
                            rf"\s+(?:{_SPEECH_VERBS}|{_SPEAKER_ONLY_VERBS})\b", re.I)


def _last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of ``matches``, or ``None``."""
    last = None
    for last in matches:  # noqa: B007 - the loop keeps the last one
        pass
    return last


@lru_cache(maxsize=64)
def _appositives(s_text: str) -> tuple[tuple[int, int], ...]:
    """The (comma, comma) pairs around an appositive that only says what a place is."""
    commas = [m.start() for m in re.finditer(r",", s_text)]
    # an appositive name between two commas is no aside boundary: "have controlled the
    # capital, Sanaa, since 2014" dates the control
    return tuple((a, b) for a, b in zip(commas, commas[1:])
                 if _APPOSITIVE_NAME.fullmatch(s_text, a + 1, b) and _PLACE_NOUN_BEFORE.search(s_text, max(0, a - _NAME_REACH), a)
                 # "retook Wad Madani, the capital of Gezira state, in January": what the
                 # place is, not an aside with a time of its own
                 or (_APPOSITIVE_DESCRIPTION.fullmatch(s_text, a + 1, b)
                     or _APPOSITIVE_LOCATION.fullmatch(s_text, a + 1, b))
                 and _NAME_BEFORE.search(s_text, max(0, a - _NAME_REACH), a))


@lru_cache(maxsize=64)
def _aside_commas(s_text: str) -> tuple[int, ...]:
    """The commas of a sentence that may bound an aside (looked up once per sentence)."""
    commas = [m.start() for m in re.finditer(r",", s_text)]
    appositive = {c for pair in _appositives(s_text) for c in pair}
    # a dateline's comma opens no aside: "BEIRUT, Nov 28 (Reuters) - Rebels launched ... on
    # Wednesday, seizing ..."
    dateline = _DATELINE_COMMA.match(s_text)
    if dateline is not None:
        appositive.add(dateline.end() - 1)
    # a comma inside a list of names opens no aside: "captured Kidal, Anefis and Tessalit on
    # Tuesday, the army said" dates the captures
    listed = {c for c in commas if _NAME_BEFORE.search(s_text, max(0, c - _NAME_REACH), c)
              and _LIST_GOES_ON.match(s_text, c)}
    return tuple(c for c in commas if c not in appositive and c not in listed)


def _aside_of(s_text: str, at: int) -> int:
    """The comma that opens the aside ``at`` lies in, or -1 outside any aside.

    An aside is enclosed by commas on both sides; a fronted phrase ("On Sunday, rebels ...")
    or the last stretch of a sentence is not one, unless a relative pronoun opens it ("...
    recaptured Lashio from the MNDAA, which seized it last August": the date is the seizure's).
    """
    commas = _aside_commas(s_text)
    before = [c for c in commas if c < at]
    after = [c for c in commas if c >= at]
    if before and not after and _RELATIVE_OPENS.match(s_text, before[-1]):
        return before[-1]
    return before[-1] if before and after else -1


#: The noun an appositive name renames: "the capital, Sanaa," (not a list: "Saraqeb, Maarat al-Numan,").
_PLACE_NOUN_BEFORE = re.compile(r"\b(?:capital|city|town|port|village|province|region|stronghold|base)\s*$", re.I)
_APPOSITIVE_NAME = re.compile(r"\s*(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+){0,3}\s*")
_APPOSITIVE_DESCRIPTION = re.compile(
    # (what a side holds there describes the place too: "Tarhuna, their last stronghold in
    # western Libya, in June 2020", "El Fasher, the last army stronghold in the region, since May")
    # ("Aozou, the main Libyan garrison in the disputed border strip, on Saturday": a
    # demonym among the modifiers)
    r"\s*(?:the|a|an|its|their|his|her|(?-i:[A-Z])[\w'’-]*['’]s)\s+(?:(?:[a-z][\w'’-]*|(?-i:[A-Z][a-z]+(?:an|ian|ese|i|ish)))\s+){0,3}(?:capital|city|town|village|seat|hub|centre|center|port|province|"
    r"state|region|district|birthplace|heartland|cradle|gateway|home|stronghold|bastion|garrison|outpost)(?:\s+(?:of|in)\s+(?:the\s+)?(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)?\s*"
    # "Lalibela, home to 12th-century rock-hewn churches,", "The MNDAA, part of the Three
    # Brotherhood Alliance,"
    r"|\s*(?:(?:home|host)\s+to|(?:a\s+)?part\s+of|a\s+member\s+of|one\s+of)\s+[^,;.]{3,80}")
#: Where a place lies, set off by commas after its name: ", near Orikhiv,", ", 20km north of Hama,".
_APPOSITIVE_LOCATION = re.compile(
    r"\s*(?:(?:about|some|just|roughly)\s+)?(?:[\d.,]+\s*(?:km|kilomet(?:re|er)s|miles)\s+)?"
    r"(?:near|outside|close\s+to|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of)"
    r"\s+(?:the\s+(?:city|town|capital|village)\s*|the\s+(?:[\w-]+\s+)?(?:border|frontier|coast|front\s*line|dam|"
    r"river|lake|airport|base)\s*|"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s*)")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*$")
#: How far before a comma its name or place noun is looked for (a word is shorter; searching
#: the whole sentence before every comma would cost time quadratic in a long list).
_NAME_REACH = 80
#: A name list going on after a comma to its "and" and last name: ", Anefis and Tessalit".
_LIST_NAME = r"(?-i:[A-Z])[\w'’-]+(?:\s+(?:al-|el-)?(?-i:[A-Z])[\w'’-]+){0,3}"
# (at most a dozen names to its "and": an unbounded run would rescan a long list from every comma)
_LIST_GOES_ON = re.compile(r",\s*(?:" + _LIST_NAME + r"\s*,\s*){0,12}" + _LIST_NAME + r"\s*,?\s+(?:and|or)\s+"
                           + _LIST_NAME + r"\b")
_RELATIVE_OPENS = re.compile(r",\s*(?:which|who|whom|whose)\b", re.I)


def _attribution(s_text: str, trig_at: int) -> str | None:
    # the speech verb nearest before the trigger speaks for it: "Rebels said they captured
    # Hama, but the army said it still holds the city" (the holding is the army's word); one
    # inside a relative clause speaks for that clause ("The army said rebels, who residents
    # said were foreign fighters, captured Hama"), one inside a parenthesis for the trigger
    # ("Russian forces, Ukraine's military said, captured Kurakhove")
    spoken = [m for m in _SPEECH.finditer(s_text) if m.start() < trig_at and _speaks_for(s_text, m, trig_at)]
    if spoken:
        m = spoken[-1]
        verb = m.group(0).strip()
        segment = s_text[spoken[-2].end() if len(spoken) > 1 else 0:m.end()]
        parts = re.split(r"[,;]", segment)
        bare_verb = parts[-1].strip().lower() == verb.lower()
        if len(parts) >= 3 and bare_verb and _SPEAKER_WORDS.fullmatch(parts[-3].strip(" \"'“”")):
            # "the army, citing field commanders, said": the speaker stands before the aside
            lead = parts[-3] + " " + verb
        elif len(parts) > 1 and not bare_verb:
            # the clause of the verb, not the claim told before it: "Russian forces, Ukraine's
            # military said, ..."; '"We have taken Hama," a rebel commander said'
            lead = parts[-1]
        else:
            lead = segment
        opener = _SUBJECT_SPEAKS.match(s_text, 0, m.start())
        if verb.lower() in _SPEAKING_PARTICIPLES and opener is not None:
            # "The army denied reports that ..., saying its forces still held the city": the
            # sentence's subject says it
            lead = opener.group("subject") + " said"
        lead = re.split(r"\s[-—–]\s|—", lead)[-1]  # (not the dateline: "KHARTOUM, Sudan (AP) — The army said")
        attributed = re.sub(r"^(?:and|but|while|whereas)\s+", "",
                            " ".join(lead.split()).strip(" ,\"'“”"), flags=re.I)
        # "..., a day after Russia said it had pulled out", "entered Lyman after Russia
        # announced": the speaker, not the clause of time nor the main clause before it
        attributed = _TIME_CLAUSE_LEAD.sub("", attributed)
        attributed = _TIME_CLAUSE_INSIDE.split(attributed)[-1]
        if m.group(0).lower().startswith("according"):
            tail = re.match(r"\s+([^,.;]+)", s_text[m.end():])
            attributed = "according to " + " ".join(tail.group(1).split()) if tail else attributed
        if attributed.lower() != verb.lower():
            return attributed  # (a verb with no speaker before it names no one)
    tail = _SPEAKER_TAIL.search(s_text, trig_at)
    if tail:
        return " ".join(tail.group(1).split())
    return None


#: A conjunction of time inside a speaker's words: "Ukrainian forces entered Lyman after
#: (Russia announced)".
_TIME_CLAUSE_INSIDE = re.compile(r"\s(?:after|before|since|until|once|when|while)\s+(?=\S)", re.I)
#: A clause of time opening a speaker's words: "a day after (Russia said)", "hours before".
_TIME_CLAUSE_LEAD = re.compile(r"^(?:(?:a|an|one|two|three|four|five|several|\d+|hours?|days?|weeks?|months?|"
                               r"just|only|shortly|soon|long|a\s+few)\s+){0,3}(?:after|before|since|until|when|once)\s+",
                               re.I)


_SPEAKING_PARTICIPLES = frozenset(("saying", "adding", "insisting", "stressing", "claiming"))
#: A sentence's subject and its first verb of speech or denial: "The army denied", "Kyiv said".
_SUBJECT_SPEAKS = re.compile(r"\W*(?P<subject>(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+"
                             r"(?:denied|dismissed|rejected|said|says|claimed|announced|insisted|reported|told)\b", re.I)
#: An aside that opens with a relative pronoun (its speech verbs speak for it).
_IN_RELATIVE = re.compile(r",\s*(?:who|which|that|whom|whose)\b", re.I)


def _speaks_for(s_text: str, m: re.Match[str], trig_at: int) -> bool:
    """Whether the speech verb ``m`` speaks for the trigger at ``trig_at``: not from inside a
    relative clause, nor across a "but" ("The army said it had retaken the city, but RSF
    fighters still hold ..."), nor from an aside closing the clause before a coordinated one
    ("The RSF captured Bara, residents said, and the army still holds El Obeid")."""
    if _in_relative(s_text, m.start()) or re.search(r"[,;]\s*but\b", s_text[m.end():trig_at]):
        return False
    if _aside_of(s_text, m.start()) >= 0:
        close = s_text.find(",", m.end())
        if 0 <= close < trig_at and re.match(r",\s*(?:and|but|while|whereas)\b", s_text[close:]):
            return False
    return True


def _in_relative(s_text: str, at: int) -> bool:
    """Whether ``at`` lies in an aside that opens with a relative pronoun."""
    aside = _aside_of(s_text, at)
    return aside >= 0 and _IN_RELATIVE.match(s_text, aside) is not None
#: A speaker's noun phrase: "but the army", "a rebel commander", "Ukraine's military".
_SPEAKER_WORDS = re.compile(r"(?:(?:and|but|while)\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,4}[\w'’.-]+", re.I)


#: A speaker closing the sentence: "..., the defence ministry claimed", "..., Kyiv said", but
#: not the verb of a clause of its own ("... and said the city was calm").
_SPEAKER_TAIL = re.compile(
    # (no subordinate clause of its own in the speaker's words: "entered Kherson on Friday after
    # Russia said it had completed the withdrawal" is Ukraine's deed, told by no one)
    r"(?:,\s*|\s)((?!and\b|but\b|it\b|he\b|she\b|they\b)(?:(?!(?:after|before|when|since|because|while|until|as|"
    r"once|following)\b)[\w'’-]+\s+){1,8}?"
    r"(?:said|says|reported|told\s+\w+|claimed|claims|announced|confirmed|acknowledged|admitted|stated|added)"
    # (closing the sentence, not opening a reported clause of its own: "... after Russia said it
    # had completed the withdrawal")
    r"(?!\s+(?:that|it|they|he|she|we|its|their)\b)"
    r"|according\s+to\s+[^,.;]+)[\s\w,.'’-]*[.\"”]?$")
