"""Date expressions resolved against the publication date (Saturday 2024-11-30)."""
from __future__ import annotations

from datetime import date

import pytest

from controlmap.dates import (CALENDAR, date_label, find_dates, invalid_dates, latest_weekday, period_start,
                              precision_end, relative_dates, shifted)
from controlmap.errors import DateError

PUBLISHED = date(2024, 11, 30)  # a Saturday


@pytest.mark.parametrize(("text", "expected", "precision", "relation"), [
    ("since it began on Wednesday", "2024-11-27", "day", "on"),
    ("Speaking on Saturday, he said", "2024-11-30", "day", "on"),  # publication day counts
    ("fighting since Wednesday", "2024-11-27", "day", "since"),
    ("the town fell yesterday", "2024-11-29", "day", "on"),
    ("clashes last night", "2024-11-29", "day", "on"),
    ("rebels advanced last week", "2024-11-18", "week", "on"),  # the Monday of the week before
    ("they left two weeks ago", "2024-11-11", "week", "on"),
    ("rebels advanced at the weekend", "2024-11-25", "week", "on"),  # published on the Saturday
    ("fell to government forces in 2016", "2016-01-01", "year", "on"),
    ("held since 2020", "2020-01-01", "year", "since"),
    ("a rebel stronghold until 2016", "2016-01-01", "year", "until"),
    ("held it until Sunday", "2024-11-24", "day", "until"),
    ("the curfew will remain in place until Sunday", "2024-12-01", "day", "until"),  # future tense looks ahead
    ("in March 2018", "2018-03-01", "month", "on"),
    ("on December 5", "2023-12-05", "day", "on"),  # a day after publication is last year's
    ("on November 12", "2024-11-12", "day", "on"),
    ("on March 5, 1987", "1987-03-05", "day", "on"),
    ("earlier this month", "2024-11-01", "month", "on"),
    ("rebels besieged the town in March", "2024-03-01", "month", "on"),
    ("held since December", "2023-12-01", "month", "since"),  # a month after publication is last year's
    # a state that has lasted up to publication began that long before it
    ("had held half of Aleppo for more than four years", "2020-01-01", "year", "since"),
    ("besieged for two months", "2024-09-01", "month", "since"),
    ("held the town for 3 days", "2024-11-27", "day", "since"),
    # wire copy wraps lines anywhere, also between a preposition and its date
    ("held it until\n    Sunday", "2024-11-24", "day", "until"),
    ("fighting since\nMarch 5", "2024-03-05", "day", "since"),
])
def test_date_resolution(text, expected, precision, relation):
    found = find_dates(text, PUBLISHED)
    assert [(d.date.isoformat(), d.precision, d.relation) for d in found] == [(expected, precision, relation)]


def test_relative_dates_need_a_publication_date():
    assert find_dates("the town fell on Wednesday", None) == []
    assert [d.date for d in find_dates("fell in 2016", None)] == [date(2016, 1, 1)]


@pytest.mark.parametrize("text", ["a strip exceeding 100km", "398.2 billion francs", "the 1986-1990 plan",
                                  "killed 2,000 soldiers", "rebels in may advance", "in March 5 km away"])
def test_numbers_are_not_dates(text):
    assert find_dates(text, PUBLISHED) == []


def test_latest_weekday_is_on_or_before_publication():
    assert latest_weekday("saturday", PUBLISHED) == PUBLISHED
    assert latest_weekday("Sunday", PUBLISHED) == date(2024, 11, 24)


def test_relative_dates_are_those_only_a_publication_date_resolves():
    assert relative_dates("rebels took it on Thursday, held it since 2016 and lost it on March 5") == [
        "on Thursday", "on March 5"]
    assert relative_dates("on 30 November 2024") == []


def test_periods_and_offsets_at_their_precision():
    assert precision_end(date(2024, 11, 18), "week") == date(2024, 11, 24)
    assert date_label(date(2024, 11, 18), "week") == "week of 2024-11-18"
    assert period_start(date(2022, 12, 29), "year") == date(2022, 1, 1)
    assert shifted(date(2016, 3, 1), -2, "weeks") == (date(2016, 2, 15), "week")
    assert shifted(date(2022, 11, 1), -8, "months") == (date(2022, 3, 1), "month")


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The siege began 1,000 days ago.", date(2024, 11, 30), []),  # not "000 days ago"
    ("Talks will be held this weekend.", date(2024, 11, 27), ["2024-11-25"]),  # the coming one
])
def test_digit_groups_and_coming_weekends(text, published, expected):
    assert [d.date.isoformat() for d in find_dates(text, published)] == expected


@pytest.mark.parametrize("text, published, expected", [
    ("The MNDAA seized Lashio last August.", date(2025, 4, 25), date(2024, 8, 1)),
    ("They left last April.", date(2025, 4, 25), date(2024, 4, 1)),  # (not the month of the report)
    ("They left last March.", date(2025, 4, 25), date(2025, 3, 1)),
])
def test_last_and_a_month_is_the_latest_such_month_before_this_one(text, published, expected):
    [found] = find_dates(text, published)
    assert (found.date, found.precision, found.relation) == (expected, "month", "on")


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 3), date.max, date(9999, 12, 26)])
def test_dates_that_would_leave_the_calendar_are_not_resolved(published):
    text = ("Rebels took it on Wednesday, last week, yesterday, three days ago, 999 years ago, last month, "
            "at the weekend, this weekend, last year, on March 5, in December; it will remain until Sunday.")
    for found in find_dates(text, published):
        assert CALENDAR[0] <= found.date <= CALENDAR[1]
    assert [d.text for d in find_dates("fell in 2016", published)] == ["in 2016"]


def test_a_count_out_of_the_calendar_is_a_date_error_not_an_overflow():
    with pytest.raises(DateError, match="outside the calendar"):
        shifted(date(1, 6, 1), -3, "years")
    with pytest.raises(DateError):
        shifted(date(9998, 12, 30), 1, "weeks")
    assert precision_end(date(9999, 12, 27), "week") == date.max


@pytest.mark.parametrize("text", [
    "Ahead of Sunday's talks, Russian forces captured Kurakhove.",
    "Russian forces captured Kurakhove before Sunday\u2019s vote.",
    "On the eve of Sunday's election, rebels took the town.",
])
def test_a_weekday_naming_another_event_is_not_this_events_date(text):
    assert find_dates(text, date(2025, 1, 8)) == []


@pytest.mark.parametrize("text", [
    "Following Monday's meeting, the army withdrew.",
    "After Monday's vote, rebels captured the town.",
])
def test_an_event_told_after_another_events_day_is_on_or_after_it(text):
    (when,) = find_dates(text, date(2025, 1, 8))
    assert (when.date, when.relation) == (date(2025, 1, 6), "after")


@pytest.mark.parametrize("text, expected, relation", [
    ("In Sunday's attack, rebels took the town.", "2025-01-05", "on"),
    ("The army has held it since Sunday's assault.", "2025-01-05", "since"),
])
def test_a_possessive_weekday_of_the_event_itself_still_dates_it(text, expected, relation):
    [found] = find_dates(text, date(2025, 1, 8))
    assert (found.date.isoformat(), found.relation) == (expected, relation)


@pytest.mark.parametrize("text, words, reason", [
    ("Ukrainian troops recaptured Andriivka, near Bakhmut, on 30 February.", "on 30 February",
     "February has at most 29 days"),
    ("Ukrainian troops recaptured Bakhmut on 31 April.", "on 31 April", "April has at most 30 days"),
    ("They left on 29 February 2023.", "on 29 February 2023", "February 2023 has 28 days"),
    ("They left on February 29.", "on February 29", "February 2025 has 28 days"),  # in a March 2025 paper
    ("They left on 2024-13-01.", "on 2024-13-01", "there is no month 13"),
])
def test_an_impossible_date_is_reported_not_read(text, words, reason):
    assert find_dates(text, date(2025, 3, 8)) == []  # (not "February 2023" either)
    [invalid] = invalid_dates(text, date(2025, 3, 8))
    assert (text[invalid.start:invalid.end], invalid.text, invalid.reason) == (words, words, reason)


@pytest.mark.parametrize("text", ["the 45 May protesters", "on 29 February", "on 30 November 2024", "in May"])
def test_possible_dates_and_counts_are_not_reported_as_impossible(text):
    assert invalid_dates(text, None) == []


def test_a_yearless_february_29_in_a_january_paper_is_last_years():
    [found] = find_dates("They left on February 29.", date(2025, 1, 8))
    assert found.date == date(2024, 2, 29)
    assert invalid_dates("They left on February 29.", date(2025, 1, 8)) == []
    assert [d.date for d in find_dates("on December 31", date(2024, 12, 31))] == [date(2024, 12, 31)]
    assert [d.date for d in find_dates("on January 1", date(2024, 12, 31))] == [date(2024, 1, 1)]


def test_a_month_with_this_or_last_year_is_one_date_of_that_year():
    published = date(2025, 10, 28)
    assert [(d.date, d.precision, d.relation) for d in find_dates("In April this year its fighters overran it",
                                                                  published)] == [(date(2025, 4, 1), "month", "on")]
    assert [(d.date, d.precision, d.relation) for d in find_dates("besieged since May last year", published)] == [
        (date(2024, 5, 1), "month", "since")]


def test_a_month_of_this_year_after_the_publication_is_flagged_not_resolved():
    # not this year's April (the future), nor last year's (the words say this year)
    published = date(2024, 2, 10)
    text = "Ukrainian forces had regained control of the town in April this year."
    assert find_dates(text, published) == []
    [bad] = invalid_dates(text, published)
    assert (bad.text, bad.reason, bad.after_publication) == (
        "in April this year", "April 2024 had not begun on 2024-02-10", True)
    # a future tense may look ahead; the month of publication itself has begun
    assert [d.date for d in find_dates("Troops will remain until April this year.", published)] == [date(2024, 4, 1)]
    assert [d.date for d in find_dates("in February this year", published)] == [date(2024, 2, 1)]


def test_date_spans_need_no_publication_date():
    from controlmap.dates import date_spans
    text = "JERUSALEM, May 7 (Reuters) - Rebels May Seize Aleppo in May, on 30 February."
    assert [text[s:e] for s, e in date_spans(text)] == ["May 7", "in May", "on 30 February"]


def test_month_alone_and_month_of_the_year_share_their_month_names_and_prepositions():
    from controlmap import dates as module

    patterns = dict(module._PATTERNS)
    for prep in module._MONTH_PREP.replace("-?", "").split("|"):
        assert patterns["month"].search(f"{prep} March")
        assert patterns["month_of_year"].search(f"{prep} March this year")
    assert not patterns["month"].search("in may") and not patterns["month_of_year"].search("in may this year")
