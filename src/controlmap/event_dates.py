"""When a control change happened: the date picked for a trigger among the sentence's dates.

A date inside an aside dates only the aside; "since" dates a holding; a count ("two weeks
after the fall of Goma", "Eight months later") moves a date told before, in the same
sentence or the one before; a coordinated object may carry a date of its own ("captured Hama
on Thursday and Homs on Saturday"). Also the calendar arithmetic those counts need.
"""
from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date, timedelta

from .actors import ActorMention
from .article import Article
from .dates import PRECISIONS, OFFSET, DateMention, count_value, find_dates, period_start, relative_dates, shifted
from .event_clauses import _RELATIVE_OPENS, _SPEECH, _appositives, _aside_of, _last_match
from .event_places import _CONJUNCTION_GAP
from .event_records import ControlEvent, _ActorPart, _Context, _PlacePart
from .geoparse import Place
from .text import Sentence

#: A dateline with its date, up to the dash: "BEIRUT, Dec 12 (Reuters) -", "GOMA, Jan 28 (AFP) -".
_DATELINE_DATE = re.compile(r"[A-Z][A-Z.'’/ -]*[A-Z],[^\n]{0,40}?\d[^\n]{0,30}?(?:\s[-–—]\s|\s—|—\s)")


def _pick_dates(dates: list[DateMention], trig_at: int, change: str, s_text: str,
                trig_end: int | None = None) -> tuple[DateMention | None, DateMention | None]:
    """(date of the change, end of a holding) among the sentence's date mentions.

    A date inside an aside set off by commas belongs to the aside ("The town, seized by HTS in
    2015, remains under rebel control": 2015 dates the seizure, not the control), unless the
    aside is a relative clause on the trigger itself ("The Libyan evacuation, which started
    yesterday morning, follows ..."): then its date is the trigger's. A holding is not dated
    by a clause coordinated after it ("X is the site of Libya's main airfield and several
    clashes have been reported over the past week").
    """
    # a dateline's date is when the report was filed, not an event's, unless nothing else dates it:
    # "BEIRUT, Dec 12 - ... captured Manbij from Kurdish-led forces on Monday"
    dateline = _DATELINE_DATE.match(s_text)
    if dateline is not None and any(d.start >= dateline.end() for d in dates):
        dates = [d for d in dates if d.start >= dateline.end()]
    every = dates
    when_clause = next((d for d in dates if d.end <= trig_at and _WHEN_CLAUSE.fullmatch(s_text, d.end, trig_at)), None)
    if when_clause is not None:
        # "in January, when Chadian troops overran Fada", "controlled since 2012, when government
        # forces pulled out": the "when" clause tells what happened at the date it hangs on
        return dataclasses.replace(when_clause, relation="on"), None
    if (change in ("holds", "besieged") and trig_end is not None
            and _EVER_SINCE.search(s_text, trig_end, min(len(s_text), trig_end + 60))):
        # "took Babanusa in late 2023, but the army has held its base there since then": held
        # since the date told before, whatever clause told it
        before = [d for d in dates if d.end <= trig_at and d.relation != "until"]
        if before:
            return before[-1], None
    described = next(((a, b) for a, b in _appositives(s_text) if a < trig_at < b), None)
    if described is not None:
        # "besieged El Fasher, the last army stronghold in the region, since May": a holding
        # the appositive tells is dated only inside it; the time after it is the main verb's
        return next((d for d in dates if described[0] < d.start < described[1]), None), None
    own = _aside_of(s_text, trig_at)
    if trig_end is not None and re.match(r"\s*,\s*(?:which|that)\b", s_text[trig_end:]):
        relative = s_text.index(",", trig_end)
        on_trigger = [d for d in dates if _aside_of(s_text, d.start) == relative]
        if on_trigger:
            return on_trigger[0], None
    # "launched an offensive ... on Wednesday, seizing more than a dozen villages, a monitor
    # said": a participle aside opened by the trigger shares the main clause's time
    participle = own >= 0 and re.fullmatch(r",\s*(?:[a-z]+ly\s+)?", s_text[own:trig_at]) and s_text[
        trig_at:trig_end or trig_at + 12].lower().endswith("ing")
    # "withdrew from Goma on Saturday, 11 days after seizing it, under a deal": an aside told as an
    # offset from the main clause counts from the main clause's date
    gap = re.match(r",\s*", s_text[own:]) if own >= 0 else None
    participle = participle or (gap is not None and OFFSET.match(s_text, own + gap.end()) is not None)
    # "Earlier this week, Russian troops took back Sudzha, the ministry said": a date fronted
    # before the first comma dates the main clause, whatever commas follow
    first_comma = s_text.find(",")
    in_relative = own >= 0 and _RELATIVE_OPENS.match(s_text, own) is not None
    fronted = [d for d in dates if 0 <= first_comma <= 40 and d.end <= first_comma < trig_at and not in_relative]
    dates = [d for d in dates if _aside_of(s_text, d.start) in ((own, -1) if participle else (own,)) or d in fronted
             or _date_is_the_aside(s_text, d)]
    # "Rebels captured Hama on Thursday, but the army retook it": a date before a "but"
    # clause belongs to the clause before it (but "dormant since 2020, but opposition forces
    # have maintained control": a state since then runs on through it)
    dates = [d for d in dates if d.start > trig_at or d.relation == "since"
             or re.search(r"\bsince\b", s_text[max(0, d.start - 40):d.start])
             or not re.search(r"[,;]\s*but\b", s_text[d.end:trig_at])]
    if any(d.start > trig_at for d in dates):
        # "The rebels swept into Aleppo last week, and government forces withdrew from the
        # airport on Saturday": a clause joined by "and" that dates itself is not dated by the one before
        dates = [d for d in dates if d.start > trig_at or not re.search(r"[,;]\s*and\s+(?!then\b)", s_text[d.end:trig_at])]
    # "fell to the militants in January 2014, and government forces have surrounded it": a
    # present perfect after "and" with a subject of its own runs up to the report, not from
    # the date of the clause before
    dates = [d for d in dates if d.start > trig_at or not _AND_PERFECT.search(s_text, d.end, trig_at)]
    if change in ("captured", "retook", "entered") and not re.search(r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?$",
                                                                  s_text[max(0, trig_at - 20):trig_at]):
        # a taking happens on a day, never "since": "retook Sudzha, the largest settlement
        # Ukraine had held ... since its incursion last August" is not dated by August
        # (but "since January 2, when Chadian troops overran Fada" dates the overrunning, and
        # "since helping government forces recapture it in 2016" holds the taking itself)
        after = trig_end or trig_at
        dates = [d for d in dates if not (d.relation == "since" and d.start > trig_at
                                          or d.start > after and re.search(r"\bsince\b", s_text[after:d.start]))
                 or d.end <= trig_at and re.fullmatch(r"\s*,?\s*when\s+[^.;]*", s_text[d.end:trig_at])]
    if change != "holds" and _SINCE_THEN.search(s_text, max(0, trig_at - 30), trig_at):
        # "retook Wad Madani in January, and has since pushed the RSF out of Sennar": later
        # than the date told before, which is no date of this change
        dates = [d for d in dates if d.start > trig_at]
    if change == "holds" and _STILL_BEFORE.search(s_text, max(0, trig_at - 20), trig_at):
        # "In March, the SDF took Tabqa, and it still holds the town": a holding now, not in March
        dates = [d for d in dates if d.start > trig_at]
    if trig_end is not None:
        # "captured Homs in an offensive that began on Nov. 27": the offensive's date, not the capture's
        dates = [d for d in dates if d.start < trig_at or not _OTHER_BEGINNING.search(s_text, trig_end, d.start)]
        # "seized Lashio, the biggest defeat for the junta since it took power in a coup in
        # 2021": a clause with a subject and verb of its own dates its own verb
        dates = [d for d in dates if d.start < trig_end
                 or not _OWN_CLAUSE_BEFORE.search(s_text, max(trig_end, d.start - 60), d.start)]
        # "The fall of Manbij follows the SNA's capture of Tal Rifaat on Dec. 1": the date of
        # what it follows, not its own
        dates = [d for d in dates if d.start < trig_end or not _FOLLOWS.search(s_text, trig_end, d.start)]
        # "holds Aleppo and Idlib, where HTS has run an administration since 2017": a clause
        # on the place, opened after the trigger, dates what happened there, not the trigger
        dates = [d for d in dates if d.start < trig_end or not _WHERE_CLAUSE.search(s_text, trig_end, d.start)]
        # "retook Wad Madani, ..., which the RSF had seized in December 2023": the relative
        # clause's own subject and verb date that verb
        dates = [d for d in dates if d.start < trig_end or not _WHICH_CLAUSE.search(s_text, trig_end, d.start)]
    if change == "holds":
        dates = [d for d in dates if d.start < trig_at or not _NEW_CLAUSE.search(s_text, trig_at, d.start)]
        # "Idlib has been run by HTS since 2017, while government-held Latakia": not Latakia's date
        dates = [d for d in dates if d.start > trig_at or not re.search(r"\b(?:while|whereas)\b",
                                                                         s_text[d.end:trig_at])]
    until = None
    if change == "holds":
        for d in dates:
            if d.start > trig_at and (d.relation == "until" or re.search(r"\buntil\b", s_text[trig_at:d.start])):
                until = d
                break
        since = [d for d in dates if d.relation == "since"]
        if since:
            return min(since, key=lambda d: abs(d.start - trig_at)), until
    # "for four years" dates only a state that lasted, never a change
    usable = [d for d in dates if d.relation != "until" and d is not until and not d.text.lower().startswith("for ")]
    if not usable and change in ("captured", "retook"):
        # "Aleppo, a rebel stronghold until 2016, fell to government forces": one side's
        # holding ended when the other took the place.
        usable = [d for d in every if d.relation == "until"]
    if not usable:
        return None, until
    if trig_end is not None:
        # "regained control of Robotyne in August 2023, but lost it in November 2024": a date
        # after a "but" belongs to the clause it opens
        usable = [d for d in usable if d.start < trig_at or not _BUT_CLAUSE.search(s_text, trig_end, d.start)]
        if not usable:
            return None, until  # ("withdrew from Vovchansk, but Moscow says ... in May": not the withdrawal's date)
    speech = _last_match(_SPEECH.finditer(s_text, 0, trig_at))
    if speech is not None:
        # "In a statement on Monday, Mali's army said it had lost control of Kidal in 2012":
        # the date of the statement dates the report only when the report gives none of its own
        framing = [d for d in usable if d.end <= speech.start() or not s_text[speech.end():d.start].strip()]
        # (not a date of a clause of its own inside the report: "had withdrawn from Avdiivka, its
        # biggest loss since it captured Bakhmut in May last year")
        reported = [d for d in usable if d not in framing and d.start > speech.end()
                    and not _OWN_CLAUSE_BEFORE.search(s_text, max(trig_end or trig_at, d.start - 60), d.start)]
        if framing and reported:
            usable = reported
    if trig_end is not None:
        # "The rebels seized Aleppo within days and captured Hama on Thursday": a date after a
        # second verb of taking dates that verb
        later = [d for d in usable if d.start > trig_end and _VERB_BETWEEN.search(s_text, trig_end, d.start)]
        if later:
            usable = [d for d in usable if d not in later]
            if not usable:
                return None, until
    after_gerund = (_AFTER_GERUND.search(s_text, max(0, trig_at - 30), trig_at)
                    if s_text[trig_at:trig_end or trig_at].lower().endswith("ing") else None)
    if after_gerund is not None and any(d.start > trig_at for d in usable):
        # "entered the city early on Sunday after seizing Homs, ..., on Saturday night": the
        # date before "after" is the main clause's, the one after the gerund its own
        usable = [d for d in usable if d.start > trig_at]
    if any(d.start > trig_at for d in usable):
        # "overrun by IS in 2015 and recaptured by the army in 2016": a date before the "and"
        # dates the first verb when the second has its own after it
        usable = [d for d in usable if d.start > trig_at or not _SECOND_VERB.search(s_text, d.end, trig_at)]
    return min(usable, key=lambda d: abs(d.start - trig_at)), until


#: ", and <subject> have" right before a trigger: a clause of its own in the present perfect.
_AND_PERFECT = re.compile(r"[,;]\s*and\s+(?!then\b)(?:[\w'’-]+\s+){1,4}?(?:has|have)\s+(?:[a-z]+ly\s+)?(?:been\s+)?$", re.I)
#: A season told with "the" or "last": "since the summer", "in the autumn", "last winter"
#: ("fall" only where it is no noun of a town's fall: "since the fall of Aleppo").
_SEASON = re.compile(r"\b(?:(?P<prep>since|in|during|over|by)\s+)?(?P<det>the|last)\s+"
                     r"(?P<season>spring|summer|autumn|winter|fall(?!\s+of\b))\b", re.I)
#: The month each season begins in.
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season_dates(s_text: str, published: date | None) -> list[DateMention]:
    """The seasons of ``s_text`` as dates of year precision: the latest such season begun by the
    publication ("since the autumn" in January 2025 is autumn 2024), or the one before it after
    "last" when the publication falls inside the season ("last summer" in July 2015 is 2014).

    The dates module reads no seasons; a season is told only against the report's date.
    """
    if published is None or "the " not in s_text and "last " not in s_text.lower():
        return []
    out = []
    for m in _SEASON.finditer(s_text):
        month = _SEASON_STARTS[m.group("season").lower()]
        year = published.year if published.month >= month else published.year - 1
        begun = date(year, month, 1)
        inside = (published - begun).days < 92
        if m.group("det").lower() == "last" and inside:
            year -= 1
        prep = (m.group("prep") or "").lower()
        out.append(DateMention(m.start(), m.end(), m.group(0), date(year, 1, 1), "year",
                               "since" if prep == "since" else "before" if prep == "by" else "on"))
    return out


#: From a date to a trigger inside the "when" clause hung on it: ", when Chadian troops (overran)".
_WHEN_CLAUSE = re.compile(r"\s*,\s*when\s+(?:[\w'’-]+\s+){1,6}?(?:had\s+|have\s+|has\s+|was\s+|were\s+)?", re.I)
#: "still", "now" right before a holding verb: a holding at the time of the report.
_STILL_BEFORE = re.compile(r"\b(?:still|now|currently)\s+(?:[a-z]+ly\s+)?$", re.I)
#: A clause of another noun's beginning between a trigger and a date: "in an offensive that began on".
_OTHER_BEGINNING = re.compile(r"\b(?:that|which)\s+(?:had\s+|was\s+)?(?:began|begun|started|launched|opened|"
                              r"kicked\s+off|erupted|broke\s+out)\b", re.I)
#: A subordinate clause with a subject and verb of its own, right before a date: "since it
#: captured Bakhmut", "when rebels seized the town".
_OWN_CLAUSE_BEFORE = re.compile(r"\b(?:since|when|after|before|as|while)\s+(?:it|they|he|she|we|the\s+[\w-]+|"
                                r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?"
                                r"[a-z]+(?:ed|ook|ent|an|ew|on|ught|ell)\b[^.;]*$")
_FOLLOWS = re.compile(r"\b(?:follows|followed|(?:comes|came)\s+(?:(?:days|weeks|hours|a\s+day|a\s+week)\s+)?after)\b", re.I)
_WHICH_CLAUSE = re.compile(r",\s*(?:which|that|whom)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?:had|has|have)\s+[a-z]+", re.I)
_WHERE_CLAUSE = re.compile(r",\s*where\s+(?:[\w'’-]+\s+){1,5}?(?:has\s+|have\s+|had\s+|was\s+|were\s+)?[a-z]+\b",
                           re.I)
_BUT_CLAUSE = re.compile(r"[,;]\s*but\b|\bbut\s+(?:then\s+|later\s+)?(?:(?:had|has|have|was|were)\s+)?"
                         r"(?:lost|ceded|retreated|withdrew|abandoned|fled|recaptured|retook|regained)\b", re.I)
#: A holding told in a relative clause on forces whose loss the sentence then tells: "forces
#: that held the city withdrew south" held it until they left.
_HELD_BY_THE_LOSER = re.compile(r"\b(?:that|which|who)\s+$", re.I)
_LOSS_AFTER = re.compile(r"\b(?:withdrew|retreated|fled|surrendered|abandoned|pulled\s+(?:out|back)|lost)\b", re.I)
#: A clause told as coming before the main one: "..., days after the SDF", "a week after rebels".
#: (A counted offset, "eight months after it was seized", is moved by the count instead: see
#: :func:`_offset_for`.)
_TOLD_AFTER = re.compile(r"(?<!\d\s)(?<![a-z]\s)(?:\b(?:hours|days|weeks|months|shortly|soon|just)\s+)?(?<![\w-])"
                         r"after\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}(?:had\s+)?$", re.I)
#: "after" right before a gerund trigger: "entered the city on Sunday after seizing Homs" (the
#: seizing came first, whatever word stands before "after").
_AFTER_GERUND = re.compile(r"(?<![\w-])after\s+(?:[a-z]+ly\s+)?$", re.I)
#: "has since", "have since then": a change told as coming after the date before it.
_SINCE_THEN = re.compile(r"\b(?:has|have|had)\s+since(?:\s+then)?\s+(?:[a-z]+ly\s+)?(?:been\s+)?$", re.I)
#: A second verb of taking or leaving after a trigger, which dates after it belong to.
_VERB_BETWEEN = re.compile(r"\b(?:and|then|but)\s+(?:then\s+|later\s+|also\s+)?(?:captured|seized|took|entered|overran|"
                           r"retook|recaptured|withdrew|besieged|stormed|reached|fled|abandoned|lost)\b|"
                           # "took Hama and swept on to capture Homs on Saturday", "before moving on
                           # to seize Homs": a further step told with a verb of going on
                           r"\b(?:went|goes|going|moved|moving|pushed|pushing|pressed|pressing|swept|sweeping|rolled|"
                           r"rolling|marched|marching)\s+on\s+(?:to\s+)?(?:capture|seize|take|retake|recapture|enter|"
                           r"storm|overrun)\b", re.I)
#: "... and" right before a trigger: the trigger is a second verb ("overrun by IS in 2015 and
#: recaptured"), not a subject joined by "and" ("rebels and jihadists captured").
_SECOND_VERB = re.compile(r"\b(?:and|but)\s+(?:(?:then|later|again|finally|eventually|soon|was|were|is|are|has|have|had|"
                          r"been|[a-z]+ly)\s+)*$", re.I)
#: A coordinated clause with a subject and a finite verb of its own: "and several clashes have been".
#: (with its subject gapped too: "controls Nyala and has besieged El Fasher since May")
_NEW_CLAUSE = re.compile(r"\b(?:and|but|while|whereas)\s+(?:[\w'’-]+\s+){0,4}?(?:have|has|had|were|was|are|is)\s")


def _date_is_the_aside(s_text: str, d: DateMention) -> bool:
    """Whether the commas around ``d`` hold nothing but it: "seized Sudzha in the first days of
    the offensive, on Aug. 15, and" is a time of the clause, no aside of its own."""
    return bool(re.fullmatch(r"\s*", s_text[s_text.rfind(",", 0, d.start) + 1:d.start])) and bool(
        re.match(r"\s*,", s_text[d.end:]))


#: "ever since", "since then": a state from the date told before, to the report.
_EVER_SINCE = re.compile(r"\b(?:ever\s+since|since\s+then)\b(?!\s+(?:the|a|an|\d|[A-Z]))", re.I)
#: A clause of its own between a trigger and a date after it: a perfect verb or a relative pronoun.
_OWN_VERB_BETWEEN = re.compile(r"\b(?:had|has|have)\s+(?:[a-z]+ly\s+)?(?:been\s+)?(?:[a-z]+ed|held|taken|won|run|kept)\b|"
                               r"\b(?:which|who|where)\b", re.I)


#: A count the trigger is told after, with how exact it is: "more than a year after it fell".
_UNDATED_OFFSET = re.compile(r"(?:(?P<hedge>more\s+than|over|at\s+least|nearly|almost|about|some|around)\s+)?"
                             + OFFSET.pattern + r"\s+(?:[\w'’-]+\s+){0,4}$", re.I)


def _undated_offset(s_text: str, trig_at: int) -> tuple[int, str, str] | None:
    """(n, unit, words) of "N units after" right before a trigger, when the count is a floor
    ("more than a year after", "two weeks after"): a change told as coming first by at least that."""
    found = _UNDATED_OFFSET.search(s_text, max(0, trig_at - 80), trig_at)
    if found is None or found.group("way").lower() != "after" or (found.group("hedge") or "").lower() in (
            "nearly", "almost", "about", "some", "around") or re.search(r"[,;]", found.group(0)):
        return None
    words = " ".join(s_text[found.start():found.end("way")].split())
    return count_value(found.group("n")), found.group("unit"), words


def _calendar_back(day: date, n: int, unit: str) -> date:
    """``day`` moved back exactly ``n`` calendar ``unit``s (a bound, not a period: no rounding)."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day - timedelta(days=n)
    if unit == "week":
        return day - timedelta(weeks=n)
    months = day.year * 12 + day.month - 1 - (n if unit == "month" else 12 * n)
    year, month = divmod(months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


#: A verb of saying before its date: "said (in a televised address) on Monday".
_SAID_WHEN_BEFORE = re.compile(r"\b(?:said|says|announced|claimed|confirmed|acknowledged|admitted|told\s+[\w'’-]+)\b"
                               r"[^.;,]{0,40}$", re.I)
#: The reported clause after the date, up to its perfect verb: "that his forces had (withdrawn)".
_THAT_PERFECT = re.compile(r"\s+that\s+(?:[\w'’-]+\s+){1,5}?(?:had|has|have)\s+(?:[a-z]+ly\s+)?(?:been\s+)?$", re.I)
#: A verb of saying closing a sentence, right before its date: "..., the ministry said on Friday".
_SAID_BEFORE_DATE = re.compile(r"\b(?:said|says|announced|claimed|reported|confirmed|stated|acknowledged|"
                               r"admitted|told\s+(?:reporters|journalists|\w+))\s+(?:late\s+|early\s+)?$", re.I)


def _said_on(s_text: str, after: int, dates: list[DateMention]) -> DateMention | None:
    """The date of a saying told after the trigger, which bounds an undated change from above."""
    for d in dates:
        if (d.start > after and d.relation == "on" and d.precision in _TEXT_PRECISIONS
                and _SAID_BEFORE_DATE.search(s_text, max(after, d.start - 40), d.start)):
            return d
    return None


def _offset_for(s_text: str, trig_at: int, trig_end: int, when: DateMention) -> re.Match[str] | None:
    """The "N units after/before/later/earlier" the trigger is told in, from a date outside it.

    "two weeks after the fall of Goma": the trigger sits in the phrase, right after it; "a
    year later, Ukraine retook it": the trigger's clause follows the phrase and its comma.
    The date in play lies outside the phrase (before it, or after the trigger's clause).
    """
    found = _last_match(OFFSET.finditer(s_text, 0, trig_at))
    if found is None:
        return None
    gap = s_text[found.end():trig_at]
    later = found.group("way").lower() in ("later", "earlier")
    if (gap.count(",") > (1 if later else 0)) or ";" in gap or len(gap) > 60:
        return None
    clause_end = s_text.find(",", trig_end)
    inside = found.start() <= when.start < (clause_end if clause_end >= 0 else len(s_text))
    return None if inside else found


def _moved(day: date, precision: str, n: int, unit: str) -> tuple[date, str]:
    """``day``, known to ``precision``, moved by ``n`` (negative: back) ``unit``s.

    The result is never finer than either: a week from "in March 2016" is still only known to
    the month, and it is the start of its period, as a date of that precision holds.
    """
    moved, finer = shifted(day, n, unit)
    coarse = max(finer, precision, key=PRECISIONS.index)
    return period_start(moved, coarse), coarse


# --- further objects with dates of their own ----------------------------------------------

#: Voices whose actor comes from their own place or from what was told before, so that a place
#: gapped after them cannot share it ("Hama fell on Thursday": whoever besieged Hama).
_NO_GAPPING = frozenset({"fell", "participle", "retreat", "adjective"})
#: What joins a further dated object: "and", "then", ", and then", "and later", a list's comma,
#: or "including" ("seized swathes of eastern Congo this year, including Goma in January").
_DATED_JOIN = re.compile(r"(?:\s*,?\s*including\s+|\s*,?\s+as\s+well\s+as\s+|"
                         r"\s*,\s*(?:(?:and|then)\s+(?:(?:then|later|finally|eventually)\s+)?)?|"
                         r"\s+(?:and|then)\s+(?:(?:then|later|finally|eventually)\s+)?)")
#: The joining words of a last item that may share the date before it: "and", ", and",
#: "as well as" (a bare comma or "then" tells a further step, with a time of its own).
_UNDATED_ITEM_JOIN = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+")
#: What must follow such an undated last item: the sentence's end, its speaker, or a clause
#: of time ("and Maarat al-Numan, a monitor said"; not "and Damascus, the capital, braced").
_UNDATED_ITEM_END = re.compile(r"\s*(?:[.;!?)\"”]|$|,\s*(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,5}?(?:said|says|reported|"
                               r"claimed|announced|confirmed|added|according\s+to)\b|,?\s+(?:after|amid|following|as|"
                               r"while|before|when)\b)")
#: A clause boundary between a subject's trigger and the date of its clause ("Hama fell to
#: rebels on Thursday" is one clause; "Hama fell to rebels, who on Thursday" is not).
_GAPPED_BREAK = re.compile(r"[,;:.()]|\b(?:and|but|or|who|which|that|as|while|when|after|before|since|until)\b")
#: "the next day", "the following week": one unit after the date of the item before.
_NEXT_UNIT = re.compile(r"the\s+(?:next|following)\s+(?P<unit>day|week|month|year)\b", re.I)
#: What must follow a further dated object: the clause ends, or another item or an adverbial
#: begins. ("and Russia on Saturday condemned it": Russia is a subject, no object.)
_ITEM_END = re.compile(r"\s*(?:[,.;:!?)\"”]|$|(?:and|then|after|before|amid|following|as|while|when)\b)")
#: What may open a further object before its name: "the", "the town of", "the Damascus suburb of".
_ITEM_LEAD = re.compile(r"the\s+(?:(?:[\w'’-]+\s+){0,2}?(?:town|city|village|suburb|district|port|capital|"
                        r"stronghold|hub)\s+of\s+)?", re.I)
_SPACE_OR_COMMA = re.compile(r"[\s,]*")
#: An apposition between a further object and its date: ", the capital of South Kivu, ".
#: An aside that says where the object lies, between it and its date: ", about 40 km to the east, ".
_LOCATING_ASIDE = re.compile(r",\s*(?:(?:about|some|around|roughly|nearly|just)\s+)?\d[\d,.]*\s*(?:km|kilomet(?:re|er)s|miles)"
                             r"[^,;.]{0,40},\s*", re.I)
_APPOSITION_BEFORE_DATE = re.compile(r",\s*(?:the|a|an)\s+[^,.;]{1,60},\s*")
#: An offset after a further object is told from the item before it, not from an event elsewhere.
_ITEM_OFFSET_WAYS = {"later": 1, "earlier": -1}


def _dated_coordination(s_text: str, s0: int, m: re.Match[str], found: list[tuple[_ActorPart, _PlacePart]],
                        in_places: list[Place], actors: list[ActorMention],
                        dates: list[DateMention]) -> list[tuple[_ActorPart, _PlacePart]]:
    """``found``, and the further places its clause gives with dates of their own.

    "Rebels captured Hama on Thursday and Homs on Saturday": the second object shares the
    verb and its actor (the verb is gapped) but has its own date; so does "took Hama on
    Thursday, then Homs two days later", whose offset counts from Thursday; and "Hama fell to
    rebels on Thursday and Homs on Saturday", whose subject is gapped. The places of ``found``
    are then dated by the first date (the one that closes their clause). A further item must
    be a resolved place, right after the joining word, followed by its date and the end of
    the clause ("and a ceasefire on Saturday", "and Homs was shelled on Saturday" add
    nothing); a country or a place named as an actor ends the list, being more often the
    subject of a new clause ("and Syria on Saturday, in a statement, condemned it").

    Parameters
    ----------
    s_text, s0
        The sentence and its offset in the article.
    m
        The trigger's match in ``s_text``.
    found
        The (actor, place) pairs read for the trigger.
    in_places, actors, dates
        The sentence's resolved places and actor mentions (article offsets) and its date
        mentions (sentence offsets).

    Returns
    -------
    list[tuple[_ActorPart, _PlacePart]]
        ``found`` unchanged when no further dated place follows; else ``found`` with the first
        date set on its places, then one pair per further place.
    """
    if not dates or not found:
        return found
    actor, last = found[-1]
    if last.start < s0:
        return found  # a place told in an earlier sentence: no clause of this one to continue
    is_object = last.start - s0 >= m.end()
    after = max(last.end - s0, m.end())
    first = next((d for d in dates if d.start >= after), None)
    if first is None or first.relation == "until":
        return found
    gap = s_text[after:first.start]
    # the date must close the first clause: right after its object (or an aside that locates it:
    # "captured Avdiivka, about 40 km to the east, in February 2024, and Selydove in October"),
    # or after the agent of a subject
    if (gap.strip() and not _LOCATING_ASIDE.fullmatch(gap)) if is_object else (len(gap) > 60 or _GAPPED_BREAK.search(gap)):
        return found
    items: list[_PlacePart] = []
    previous, at = first, first.end
    while (join := _DATED_JOIN.match(s_text, at)) is not None:
        chain = _places_from(s_text, s0, s0 + join.end(), in_places)
        if not chain or any(p.entry.kind == "country" or any(a.start <= p.start < a.end for a in actors)
                            for p in chain):
            break
        own = _own_date(s_text, chain[-1].end - s0, dates, previous)
        if own is None and _UNDATED_ITEM_JOIN.fullmatch(join.group(0)) and _UNDATED_ITEM_END.match(s_text, chain[-1].end - s0):
            # "captured Saraqeb on Friday and Maarat al-Numan.": a last item with no date of its
            # own shares the verb, its actor and the date of the item before
            items += [_PlacePart(p.text, p.start, p.end, p, False, when=previous) for p in chain]
            break
        if own is None or own.relation == "until" or not _ITEM_END.match(s_text, own.end):
            break
        items += [_PlacePart(p.text, p.start, p.end, p, False, when=own) for p in chain]
        previous, at = own, own.end
    if not items:
        return found
    return [(a, dataclasses.replace(p, when=first)) for a, p in found] + [(actor, p) for p in items]


def _places_from(s_text: str, s0: int, at: int, in_places: list[Place]) -> list[Place]:
    """The resolved place that starts at ``at`` (or after a "the" there), and those coordinated
    right after it ("Homs and Hama"); empty when no place starts there."""
    the = _ITEM_LEAD.match(s_text, at - s0)
    starts = (at, s0 + the.end()) if the else (at,)
    first = next((i for i, p in enumerate(in_places) if p.start in starts), None)
    if first is None:
        return []
    chain = [in_places[first]]
    for p in in_places[first + 1:]:
        if not _CONJUNCTION_GAP.match(s_text[chain[-1].end - s0:p.start - s0]):
            break
        chain.append(p)
    return chain


def _own_date(s_text: str, at: int, dates: list[DateMention], previous: DateMention) -> DateMention | None:
    """The date written right after a further object, at ``at``: a date ("Homs on Saturday"), or
    an offset from ``previous``, the date of the item before ("Homs two days later", "Homs the
    next day"); ``None`` when none is there."""
    apposed = _APPOSITION_BEFORE_DATE.match(s_text, at)
    if apposed is not None and any(d.start == apposed.end() for d in dates):
        at = apposed.end()  # "and Bukavu, the capital of South Kivu, in February"
    at = _SPACE_OR_COMMA.match(s_text, at).end()
    own = next((d for d in dates if d.start == at), None)
    if own is not None:
        return own
    offset = OFFSET.match(s_text, at)
    if offset is not None and offset.group("way").lower() in _ITEM_OFFSET_WAYS:
        n = _ITEM_OFFSET_WAYS[offset.group("way").lower()] * count_value(offset.group("n"))
        unit, end = offset.group("unit"), offset.end()
    elif (following := _NEXT_UNIT.match(s_text, at)) is not None:
        n, unit, end = 1, following.group("unit"), following.end()
    else:
        return None
    day, precision = _moved(previous.date, previous.precision, n, unit)
    words = " ".join(s_text[at:end].split())
    return DateMention(at, end, f"{previous.text}, {words}", day, precision)


# --- an offset told from an earlier sentence ----------------------------------------------

#: What may open a sentence before its offset: a quote mark, "And", "Then", "And then", "But".
_OPENING_LEAD = re.compile(r"\s*[\"“]?\s*(?:(?:and|then|and\s+then|but)\s*,?\s+)?", re.I)
#: "after that", "before this": an "after"/"before" offset that points back to what was told.
_POINTS_BACK = re.compile(r"\s+(?:that|this)\b", re.I)
#: A holding said to go on after a pluperfect one: "had held Idlib for weeks and still hold it".
_STILL_HOLDS = re.compile(r"\b(?:still|now)\s+(?:holds?|hold|held|controls?|controlled|in\s+control|occup(?:y|ies))\b",
                          re.I)
#: A pluperfect right before a trigger: "that Russia had captured", "had been seized", "had
#: long held", "had once controlled".
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:(?:[a-z]+ly|long|once|already)\s+)?$", re.I)
#: How many sentences back an offset opening a sentence looks for the date it counts from.
_OFFSET_REACH = 3
#: Precisions of dates the text gives (not the publication date's stand-in, nor unknown).
_TEXT_PRECISIONS = ("day", "week", "month", "year")


def _opening_offset(s_text: str) -> tuple[int, int, str, str] | None:
    """``(end, signed count, unit, words)`` of an offset that opens the sentence ("Eight months
    later, ...", "Then, two days after that, ..."), else ``None``.

    "Two weeks after the fall of Goma, ..." is not one: it counts from an event of its own
    sentence, which :func:`_offset_for` reads.
    """
    lead = _OPENING_LEAD.match(s_text)
    day = _day_offset(s_text, lead.end(), closing=False)
    if day is not None:
        return day  # "The next day, Russian forces took the town"
    hours = _HOURS_LATER.match(s_text, lead.end())
    if hours is not None:
        return hours.end(), _hours_as_days(hours), "day", " ".join(hours.group(0).split())
    found = OFFSET.match(s_text, lead.end())
    if found is None:
        return None
    way, end = found.group("way").lower(), found.end()
    if way in ("after", "before"):
        back = _POINTS_BACK.match(s_text, end)
        if back is None:
            return None
        end = back.end()
    sign = 1 if way in ("later", "after") else -1  # the event is that long after (before) the date told
    return end, sign * count_value(found.group("n")), found.group("unit"), " ".join(s_text[found.start():end].split())


#: "hours later", "a few hours later", "48 hours later", "minutes afterwards": a time told from
#: the date before, to the day (the count is in days when it is written in digits).
_HOURS_LATER = re.compile(r"(?:(?P<n>\d{1,3})\s+|(?:a\s+few|several|a|an|one|two|three|four|five|six|seven|eight|"
                          r"nine|ten|eleven|twelve)\s+)?(?:hours?|minutes?)\s+(?:later|afterwards)\b", re.I)
#: An offset closing the clause of a trigger: "Rebels entered the city hours later", "Ukraine
#: retook it eight months later" (not "two weeks after the fall of Goma": that counts from an
#: event of its own sentence, which :func:`_offset_for` reads).
_CLOSING_OFFSET = re.compile(r"(?P<offset>" + OFFSET.pattern + r"|" + _HOURS_LATER.pattern.replace("(?P<n>", "(?P<hours>")
                             + r")\s*(?:[,.;:!?\"”]|$)", re.I)


#: A day told from the day before it: the next one (+1) or the same one (0).
_NEXT_DAY = re.compile(r"(?:the\s+(?:next|following)\s+(?:day|morning|evening|night|afternoon)|a\s+day\s+later)\b",
                       re.I)
_SAME_DAY = re.compile(r"(?:the\s+same\s+(?:day|evening|night|afternoon)|later\s+that\s+(?:day|evening|night|"
                       r"afternoon)|that\s+(?:same\s+)?(?:day|evening|night|afternoon)|by\s+nightfall|within\s+hours)\b",
                       re.I)


def _day_offset(s_text: str, at: int, closing: bool) -> tuple[int, int, str, str] | None:
    """``(end, days, "day", words)`` of "the next day" (+1) or "the same day" (0) at ``at``
    (opening the sentence, ``closing`` false) or after it and closing its clause."""
    for pattern, days in ((_NEXT_DAY, 1), (_SAME_DAY, 0)):
        found = pattern.search(s_text, at) if closing else pattern.match(s_text, at)
        if found is None:
            continue
        if closing and not re.match(r"\s*(?:[,.;:!?\"”]|$)", s_text[found.end():]):
            continue
        if closing and _GAPPED_BREAK.search(re.sub(r"\s*,\s*$", "", s_text[at:found.start()])):
            continue  # (another clause's day)
        if not closing and not re.match(r"\s*,", s_text[found.end():]):
            continue  # ("The next day's fighting ..."; an opening day phrase ends at a comma)
        return found.end(), days, "day", " ".join(found.group(0).split())
    return None


def _hours_as_days(found: re.Match[str]) -> int:
    hours = found.groupdict().get("n") or found.groupdict().get("hours")
    return int(hours) // 24 if hours and re.search(r"hours?", found.group(0), re.I) else 0


def _closing_offset(s_text: str, after: int) -> tuple[int, int, str, str] | None:
    """Like :func:`_opening_offset`, for an offset after the trigger (at ``after``) that ends
    its clause: "... entered the city hours later.", "... retook it two months later,"."""
    day = _day_offset(s_text, after, closing=True)
    if day is not None:
        return day  # "Russian forces took the city the next day."
    found = _CLOSING_OFFSET.search(s_text, after)
    if found is None or _GAPPED_BREAK.search(re.sub(r"\s*,\s*$", "", s_text[after:found.start()])):
        return None  # ("took Hama, and Homs fell two days later": the offset dates another clause)
    words = " ".join(found.group("offset").split())
    if found.group("unit") is None:
        return found.end("offset"), _hours_as_days(found), "day", words
    if found.group("way").lower() not in ("later", "earlier"):
        return None
    sign = 1 if found.group("way").lower() == "later" else -1
    return found.end("offset"), sign * count_value(found.group("n")), found.group("unit"), words


def _offset_across(article: Article, sentence: Sentence, m: re.Match[str],
                   context: _Context) -> tuple[date, str, str, tuple[str, ...]] | None:
    """The date of an undated event whose sentence opens with an offset, counted from the event
    dated just before: "Russian forces seized Kherson in March 2022. Eight months later, Ukraine
    retook the city" (November 2022, month).

    Returns ``(date, precision, date_text, notes)``, or ``None`` when the sentence does not open
    with an offset, the trigger comes before it, or no dated event stands before it (see
    :func:`_dated_before`).
    """
    opening = _opening_offset(sentence.text)
    if opening is None or m.start() < opening[0]:
        opening = _closing_offset(sentence.text, m.end())
    if opening is None:
        return None
    if _PLUPERFECT.search(sentence.text, max(0, m.start() - 30), m.start()):
        return None  # "... retook the city that Russia had captured": before the time the offset gives
    _, n, unit, words = opening
    anchor = _dated_before(article, sentence, context)
    if anchor is None or anchor.date is None or anchor.date_text is None:
        return None
    day, precision = _moved(anchor.date, anchor.date_precision, n, unit)
    note = f"dated from an earlier sentence's date ({anchor.date_text}, {anchor.date_precision})"
    return day, precision, f"{anchor.date_text}, {words}", (note,)


def _dated_before(article: Article, sentence: Sentence, context: _Context) -> ControlEvent | None:
    """The event an offset opening ``sentence`` counts from, or ``None``.

    The nearest sentence before that gives a date decides: the sentence right before, else
    one before it in the same paragraph (no line break between the sentences), up to
    :data:`_OFFSET_REACH` back. Its last written date must be the date of one of its events,
    and that event is the anchor: in "seized Kherson in March 2022 and annexed it in September.
    Two months later, ..." September dates no event here, and counting from March would be
    wrong, so nothing is guessed. A sentence that writes no date but holds an event dated from
    its own context (an offset, "the fall of X" repeating a dated capture) anchors by that event;
    one that holds only undated events ends the search ("later" counts from the last event told,
    whose date is unknown).
    """
    later, paragraph = sentence, True
    for back in range(1, _OFFSET_REACH + 1):
        earlier = context.neighbour(-back)
        if earlier is None:
            return None
        paragraph = paragraph and "\n" not in article.text[earlier.end:later.start]
        if back > 1 and not paragraph:
            return None
        told = [e for e in context.earlier if e.start == earlier.start]
        dated = [e for e in told if e.date_precision in _TEXT_PRECISIONS]
        written = find_dates(earlier.text, article.published)
        if written:
            own = [e for e in dated if e.date_text == written[-1].text]
            return own[-1] if own else None
        if told:
            return dated[-1] if dated else None
        later = earlier
    return None


def _why_undated(s_text: str) -> str:
    """Why an event of an article without a publication date has no date: the sentence's
    relative dates ("on Thursday") need one; absolute ones ("in 2016") would have dated it."""
    relative = relative_dates(s_text)
    if relative:
        verb = "is" if len(relative) == 1 else "are"
        return (f"undated: {', '.join(repr(d) for d in relative)} {verb} relative and the article has no "
                f"publication date")
    return "undated: the sentence gives no date and the article has no publication date"
