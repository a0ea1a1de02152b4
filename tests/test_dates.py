"""Date expressions resolved against the publication date (Saturday 2024-11-30)."""
from __future__ import annotations

from datetime import date

import pytest

from controlmap.dates import date_label, find_dates, latest_weekday, period_start, precision_end, relative_dates, shifted

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
