"""Control events in phrasings of war reporting across wars, read through the real geoparser:
the place (its gazetteer id), the side, the change and the date a reader of the sentence would
give, and the look-alikes that must give none."""
from __future__ import annotations

import pytest

from controlmap.article import article_from_text
from controlmap.events import event_to_dict, extract_events
from controlmap.geoparse import geoparse


def told(text: str, published: str, gazetteer) -> list[tuple]:
    article = article_from_text(text, published=published)
    return [(e["change"], e["side"], e["id"], e["date"], e["date_precision"])
            for e in map(event_to_dict, extract_events(article, geoparse(article, gazetteer=gazetteer)))]


def test_the_jihadists_after_the_one_group_named_are_that_group(gazetteer):
    assert told("Syrian troops recaptured Palmyra from Islamic State in March, two months after the jihadists had "
                "overrun the ancient city.", "2017-04-01", gazetteer) == [
        ("retook", "government", "geonames:163808", "2017-03-01", "month"),
        ("captured", "Islamic State", "geonames:163808", "2017-01-01", "month")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("US-backed forces drove Islamic State out of Raqqa on Tuesday.", "2017-10-18",
     ("captured", "SDF", "geonames:172955", "2017-10-17", "day")),
    ("Government-allied forces drove the Houthis out of Aden in July.", "2015-09-01",
     ("captured", "government", "geonames:415189", "2015-07-01", "month")),
])
def test_registry_names_of_backed_and_allied_forces(text, published, expected, gazetteer):
    assert told(text, published, gazetteer) == [expected]
