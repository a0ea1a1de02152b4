"""Loading articles: dates from options, front matter and sidecars; bad input refused clearly."""
from datetime import date

import pytest

from controlmap.article import article_from_text, load_article
from controlmap.errors import DateError, InputError

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
