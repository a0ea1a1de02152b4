"""Loading articles: dates from options, front matter and sidecars; bad input refused clearly."""
import os
from datetime import date

import pytest

from controlmap.article import article_from_text, load_article, parse_date, require_published
from controlmap.errors import DateError, InputError
from controlmap.pipeline import analyse, load_articles

from .conftest import SEED


def test_seed_takes_its_date_from_the_sidecar():
    article = load_article(SEED)
    assert article.published == date(2024, 11, 30)
    assert article.publisher == "BBC News"
    assert article.text.startswith("Syrian government forces")


def test_option_date_wins_over_sidecar():
    assert load_article(SEED, published="2024-12-01").published == date(2024, 12, 1)


def test_front_matter_is_blanked_so_offsets_stay_file_offsets(tmp_path):
    raw = "---\npublished: 2024-11-30\npublisher: Test\n---\nRebels entered Aleppo.\n"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    article = load_article(path)
    assert article.published == date(2024, 11, 30)
    start = raw.index("Aleppo")
    assert article.text[start:start + 6] == "Aleppo"
    assert "published" not in article.text


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("Alep\u00e8s".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_article(path)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="directory"):
        load_article(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    from controlmap import settings

    monkeypatch.setattr(settings, "max_article_bytes", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Aleppo. " * 500, encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        load_article(path)


def test_malformed_date():
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        article_from_text("Rebels entered Aleppo.", published="30/11/2024")


@pytest.mark.parametrize("value", ["2024-11-30garbage", "2024-11-30T25:99", "20241130", "2024-W48-6", "2024-02-30", ""])
def test_dates_are_parsed_strictly(value):
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        parse_date(value)


def test_a_full_iso_datetime_gives_its_own_calendar_day():
    assert parse_date("2024-11-30T23:30:00-05:00") == date(2024, 11, 30)
    assert parse_date(" 2024-11-30 ") == date(2024, 11, 30)


def test_malformed_front_matter_date_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2024-11-30garbage\n---\nRebels entered Aleppo.\n", encoding="utf-8")
    with pytest.raises(DateError, match="front matter"):
        load_article(path)


@pytest.mark.parametrize("sidecar, error, message", [
    ("{broken", InputError, "not valid JSON"),
    ("[1, 2]", InputError, "JSON object"),
    ('{"published": "2024-11-30T25:99"}', DateError, "a.json: published"),
])
def test_malformed_sidecar_is_refused_not_ignored(tmp_path, sidecar, error, message):
    path = tmp_path / "a.txt"
    path.write_text("Rebels entered Aleppo.", encoding="utf-8")
    path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(error, match=message):
        load_article(path)


def test_missing_date_is_allowed_by_the_library_and_refused_on_request(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Rebels entered Aleppo on Wednesday.", encoding="utf-8")
    assert load_article(path).published is None
    with pytest.raises(DateError, match=r"no publication date .*sidecar a\.json"):
        load_articles([path], require_date=True)
    assert require_published(load_article(SEED)).published == date(2024, 11, 30)


def test_a_name_that_is_not_utf8_is_kept_as_writable_text(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(b"Rebels entered Aleppo.")
    article = load_article(os.fsdecode(raw))
    assert article.source.endswith("caf\ufffd.txt")
    article.source.encode("utf-8")  # would raise on a lone surrogate


@pytest.mark.parametrize("one", [str(SEED), SEED])
def test_analyse_and_load_articles_take_one_path(one):
    assert [a.source for a in load_articles(one)] == [str(SEED)]
    result = analyse(one, distances=False, events=False)
    assert len(result.articles) == 1 and {p.id for p in result.places} >= {"geonames:170063"}


@pytest.mark.parametrize(("written", "day"), [
    ("3-MAR-1987 11:03:13.11", "1987-03-03"),  # the Reuters wire stamp
    ("2009-03-30 22:23:39.474925-05", "2009-03-30"),  # the publisher's own day, not UTC's
    ("25 November 2016", "2016-11-25"),
    ("November 25, 2016", "2016-11-25"),
])
def test_publication_dates_as_feeds_write_them(written, day):
    assert parse_date(written).isoformat() == day


@pytest.mark.parametrize("written", ["2009-01", "2004/2005 (dataset span)", "25 November"])
def test_a_month_a_span_or_a_yearless_day_is_no_publication_date(written):
    with pytest.raises(DateError):
        parse_date(written)


@pytest.mark.parametrize("value", ["0001-01-01", "0999-12-31", "9000-01-01", date(1, 1, 3)])
def test_a_publication_date_no_one_can_mean_is_refused(value):
    with pytest.raises(DateError, match="not a plausible publication date"):
        parse_date(value, what="--published")


def test_the_publication_dates_at_the_bounds_are_kept():
    assert parse_date("1000-01-01") == date(1000, 1, 1) and parse_date("8999-12-31") == date(8999, 12, 31)


@pytest.mark.parametrize("codec, mark", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                         ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_a_byte_order_mark_says_how_to_read_the_file(tmp_path, codec, mark):
    path = tmp_path / "a.txt"
    path.write_bytes(mark + "---\npublished: 2024-11-30\n---\nRebels entered Alepp\u00f2.\n".encode(codec))
    article = load_article(path)
    assert article.published == date(2024, 11, 30) and article.text.strip() == "Rebels entered Alepp\u00f2."


def test_a_broken_utf16_file_says_so(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe" + "Rebels".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    with pytest.raises(InputError, match="UTF-16.*iconv -f UTF-16 -t UTF-8"):
        load_article(path)


def test_front_matter_alone_is_an_empty_article():
    with pytest.raises(InputError, match="empty article, front matter but no text"):
        article_from_text("---\npublished: 2024-11-30\n---\n  \n", source="fm.txt")


def test_an_overridden_malformed_date_is_a_warning(tmp_path, caplog):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2024-13-45\n---\nRebels entered Aleppo.\n", encoding="utf-8")
    path.with_suffix(".json").write_text('{"published": "30/11/2024"}', encoding="utf-8")
    article = load_article(path, published="2024-12-01")
    assert article.published == date(2024, 12, 1)
    assert [r.getMessage().split(":")[0] for r in caplog.records] == ["warning"] * 2
    assert "'2024-13-45'" in caplog.records[0].getMessage() and "a.json" in caplog.records[1].getMessage()


def test_a_sidecar_date_the_front_matter_overrides_is_only_warned_about(tmp_path, caplog):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2024-11-30\n---\nRebels entered Aleppo.\n", encoding="utf-8")
    path.with_suffix(".json").write_text('{"published": "30/11/2024"}', encoding="utf-8")
    assert load_article(path).published == date(2024, 11, 30)
    assert "the front matter's 2024-11-30 is used" in caplog.text


def test_lenient_dates_go_on_without_a_malformed_date(tmp_path, caplog):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2024-13-45\n---\nRebels entered Aleppo.\n", encoding="utf-8")
    with pytest.raises(DateError):
        load_article(path)
    assert load_article(path, lenient_dates=True).published is None
    assert "2024-13-45" in caplog.text


def test_the_missing_date_error_quotes_the_article():
    article = article_from_text("Rebels entered Homs on Thursday, then Hama yesterday.", source="a.txt")
    with pytest.raises(DateError, match=r'\("on Thursday", "yesterday"\) cannot be resolved'):
        require_published(article)


def test_the_option_date_that_replaces_another_is_warned_about(caplog):
    assert load_article(SEED, published="2024-12-01").published == date(2024, 12, 1)
    assert "published 2024-11-30 is overridden by --published 2024-12-01" in caplog.text
    caplog.clear()
    load_article(SEED, published="2024-11-30")  # the same day: nothing to say
    assert "overridden" not in caplog.text


def test_front_matter_written_on_windows_is_front_matter(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"---\r\npublished: 2025-03-21\r\n---\r\nThe army retook Wad Madani on Friday.\r\n")
    article = load_article(path)
    assert article.published == date(2025, 3, 21)
    assert article.text.lstrip().startswith("The army retook") and "published" not in article.text


def test_a_sidecar_saved_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Rebels entered Aleppo on Friday.", encoding="utf-8")
    path.with_suffix(".json").write_bytes(b'\xef\xbb\xbf{"published": "2024-11-30"}')
    assert load_article(path).published == date(2024, 11, 30)


def test_a_too_large_file_is_told_by_its_own_size(tmp_path, monkeypatch):
    from controlmap import settings

    monkeypatch.setattr(settings, "max_article_bytes", 2**20)
    path = tmp_path / "big.txt"
    path.write_bytes(b"Aleppo. " * (3 * 2**20 // 8))
    with pytest.raises(InputError, match=r"big.txt: 3.0 MiB is larger than the 1 MiB"):
        load_article(path)
