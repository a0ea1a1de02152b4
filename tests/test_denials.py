"""Denials: a side saying a capture did not happen disputes the capture in the timeline."""
from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from click.testing import CliRunner

from controlmap.article import article_from_text
from controlmap.cli import main
from controlmap.denials import DENIED_GAIN, DENIED_LOSS, find_denials
from controlmap.geoparse import geoparse
from controlmap.pipeline import analyse
from controlmap.timeline import interval_to_dict

CLAIM = "Russian forces captured the village of Ocheretyne, the Russian defence ministry said on Sunday. "


def _analysis(*texts: tuple[str, str]):
    articles = [article_from_text(text, source=f"article{i}.txt", published=published)
                for i, (text, published) in enumerate(texts)]
    return analyse(articles, distances=False)


def _interval(result, name: str, side: str) -> dict:
    rows = [interval_to_dict(i) for i in result.timeline.intervals]
    found = [r for r in rows if r["name"] == name and r["side"] == side]
    assert found, f"no {side} interval of {name} in {[(r['name'], r['side']) for r in rows]}"
    return found[0]


def _denials(text: str, published: str = "2024-05-10"):
    article = article_from_text(text, source="a.txt", published=published)
    return find_denials(article, geoparse(article))


def test_a_denied_capture_is_disputed_with_the_denial_quoted():
    text = CLAIM + "Ukraine's military denied that Russian troops had taken Ocheretyne."
    result = _analysis((text, "2024-05-10"))
    row = _interval(result, "Ocheretyne", "Russia")
    assert row["disputed"]
    assert "denied" in row["note"] and "Ukraine" in row["note"]
    denial = [e for e in row["evidence"] if e["change"] == "denied"]
    assert len(denial) == 1
    assert denial[0]["side"] == "Ukraine"
    assert text[denial[0]["start"]:denial[0]["end"]] == denial[0]["sentence"]
    assert denial[0]["id"] == row["id"]


def test_the_denial_is_no_control_event():
    text = CLAIM + "Ukraine's military denied that Russian troops had taken Ocheretyne."
    result = _analysis((text, "2024-05-10"))
    assert [e.change for e in result.events] == ["captured"]
    assert len(result.denials) == 1


@pytest.mark.parametrize("sentence", [
    '"Chasiv Yar has not been captured," the Ukrainian army said.',
    "Ukraine rejected Russian claims of the capture of Chasiv Yar.",
    "Kyiv dismissed reports that Chasiv Yar had fallen to Russian forces.",
    "Chasiv Yar has not fallen to Russian forces, the Ukrainian General Staff said.",
])
def test_the_phrasings_of_a_denial(sentence):
    text = "Russian troops captured Chasiv Yar on Thursday, Moscow said. " + sentence
    denials = _denials(text)
    assert [(d.place.entry.name, d.side, d.denied) for d in denials] == [("Chasiv Yar", "Ukraine", DENIED_GAIN)]
    assert denials[0].denied_side in (None, "Russia")
    result = _analysis((text, "2024-05-10"))
    assert _interval(result, "Chasiv Yar", "Russia")["disputed"]


def test_a_denied_withdrawal_disputes_the_speakers_lost_holding():
    text = ("Ukrainian forces held Krasnohorivka in 2023. Ukrainian troops withdrew from Krasnohorivka on Monday, "
            "Russian bloggers said. Kyiv denied withdrawing from Krasnohorivka.")
    denials = _denials(text)
    assert [(d.place.entry.name, d.side, d.denied) for d in denials] == [("Krasnohorivka", "Ukraine", DENIED_LOSS)]
    result = _analysis((text, "2024-05-10"))
    row = _interval(result, "Krasnohorivka", "Ukraine")
    assert row["end_date"] is not None and row["disputed"]


@pytest.mark.parametrize("sentence", [
    "Ukraine denied that it planned to withdraw from Ocheretyne.",
    "Kyiv rejected calls to withdraw from Ocheretyne.",
    "Ukraine denied journalists entry to Ocheretyne.",
    "Russian forces have been denied any advance near Ocheretyne.",
])
def test_what_is_not_a_denial_of_a_change(sentence):
    result = _analysis((CLAIM + sentence, "2024-05-10"))
    assert result.denials == []
    assert not _interval(result, "Ocheretyne", "Russia")["disputed"]


def test_a_denial_before_the_capture_does_not_dispute_it():
    # Kyiv denied a fall on 1 May; a later report dates the capture on 8 May: no contradiction.
    earlier = ("Ukraine denied that Russian troops had taken Ocheretyne.", "2024-05-01")
    later = ("Russian forces captured Ocheretyne on Wednesday, the Russian defence ministry said.", "2024-05-10")
    result = _analysis(earlier, later)
    assert len(result.denials) == 1
    row = _interval(result, "Ocheretyne", "Russia")
    assert row["start_date"] == "2024-05-08" and not row["disputed"]


def test_a_denial_with_no_capture_to_dispute_opens_nothing():
    result = _analysis(("Ukraine denied that Russian troops had taken Ocheretyne.", "2024-05-10"))
    assert result.timeline.intervals == []
    assert [d.place.entry.name for d in result.timeline.denials] == ["Ocheretyne"]
    assert result.timeline.denials[0].date == date(2024, 5, 10)


def test_export_quotes_the_denial_beside_the_capture(tmp_path):
    article = tmp_path / "ocheretyne.txt"
    article.write_text(CLAIM + "Ukraine's military denied that Russian troops had taken Ocheretyne.", encoding="utf-8")
    out = tmp_path / "control.csv"
    run = CliRunner().invoke(main, ["export", str(article), "--published", "2024-05-10", "-o", str(out)])
    assert run.exit_code == 0, run.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["name"], r["disputed"]) for r in rows] == [("Ocheretyne", "True")]
    assert [e["change"] for e in json.loads(rows[0]["evidence"])] == ["captured", "denied"]


def test_events_json_has_no_denial(tmp_path):
    article = tmp_path / "ocheretyne.txt"
    article.write_text(CLAIM + "Ukraine's military denied that Russian troops had taken Ocheretyne.", encoding="utf-8")
    run = CliRunner().invoke(main, ["events", str(article), "--published", "2024-05-10", "--format", "json"])
    assert run.exit_code == 0, run.output
    assert [e["change"] for e in json.loads(run.output)] == ["captured"]


def _denied(text: str) -> list[tuple]:
    return [(d.place.entry.name, d.side, d.denied, d.denied_side) for d in _denials(text)]


def test_an_active_negation_is_no_denial_of_the_place_before_it():
    # "have not captured" is active: its place is after the verb, and Kramatorsk is no part of it
    assert _denied("Near Kramatorsk, Russian troops have not captured Chasiv Yar, Kyiv said.") == []


def test_a_side_named_after_the_speaker_goes_on_is_not_the_speaker():
    denials = _denials("Chasiv Yar has not been captured, a spokesman said, adding that Russian troops had "
                       "suffered heavy losses.")
    assert all(d.side != "Russia" for d in denials)


def test_generic_troops_in_the_claim_do_not_hide_the_rival():
    text = ("Russian forces captured Chasiv Yar on Thursday, Moscow said. "
            "Ukraine denied Russian claims that its troops had captured Chasiv Yar.")
    [(place, side, denied, rival)] = _denied(text)
    assert (place, side, denied) == ("Chasiv Yar", "Ukraine", DENIED_GAIN)
    assert rival in (None, "Russia")  # never the generic "troops" row's side
    assert _interval(_analysis((text, "2024-05-10")), "Chasiv Yar", "Russia")["disputed"]


def test_one_denial_per_sentence_place_and_speaker():
    text = ("Russian forces captured Bakhmut on Thursday. "
            "Ukraine denied reports that Bakhmut had fallen; Bakhmut has not been captured, Ukraine said.")
    assert len(_denials(text)) == 1
    row = _interval(_analysis((text, "2024-05-10")), "Bakhmut", "Russia")
    assert row["note"].count("denied:") == 1
    assert [e["change"] for e in row["evidence"]].count("denied") == 1


def test_a_negated_abandonment_is_a_denied_loss():
    assert _denied("Krasnohorivka has not been abandoned, the Ukrainian army said.") == [
        ("Krasnohorivka", "Ukraine", DENIED_LOSS, None)]


@pytest.mark.parametrize("sentence, place", [
    ("Russia denied that Ukrainian troops had recaptured Robotyne.", "Robotyne"),
    ("Ukraine denied reports of the fall of Chasiv Yar.", "Chasiv Yar"),
    ("Ukraine denied that Russian troops had taken Chasiv Yar, saying its forces would keep fighting.", "Chasiv Yar"),
    ("Ukraine denied that Russian troops near Bakhmut had taken Chasiv Yar.", "Chasiv Yar"),
])
def test_the_place_and_change_the_claim_tells(sentence, place):
    assert [d[0] for d in _denied(sentence)] == [place]


def test_a_rivals_denied_loss_is_not_read():
    assert _denied("Ukraine denied that Russian troops had lost Ocheretyne.") == []


def test_an_undated_denial_disputes_only_what_its_own_article_tells():
    other = article_from_text("Russian forces captured Ocheretyne on Sunday.", source="dated.txt",
                              published="2024-05-10")
    undated = article_from_text("Ukraine denied that Russian troops had taken Ocheretyne.", source="undated.txt")
    result = analyse([other, undated], distances=False)
    assert len(result.denials) == 1
    assert not _interval(result, "Ocheretyne", "Russia")["disputed"]


def test_a_denial_that_disputes_nothing_is_still_exported(tmp_path):
    import geopandas as gpd

    article = tmp_path / "kupiansk.txt"
    article.write_text("Russian forces captured Ocheretyne on Sunday. Moscow denied withdrawing from Kupiansk.",
                       encoding="utf-8")
    out = tmp_path / "out.gpkg"
    run = CliRunner().invoke(main, ["export", str(article), "--published", "2024-05-10", "-o", str(out)])
    assert run.exit_code == 0, run.output
    denials = gpd.read_file(out, layer="denials")
    assert list(denials["place_text"]) == ["Kupiansk"] and list(denials["disputes"]) == [False]
    assert list(denials["denied"]) == [DENIED_LOSS] and list(denials["side"]) == ["Russia"]
    row = denials.iloc[0]
    assert article.read_text(encoding="utf-8")[row["start"]:row["end"]] == row["sentence"]
    assert row.geometry.x == pytest.approx(37.6, abs=0.2)  # at Kupiansk, lon first
