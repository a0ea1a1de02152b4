"""The saved map in a real browser (headless Chromium driven by Playwright), network blocked.

Every request that is not a ``file:`` URL is aborted and counted: the page must draw its
markers, step through its dates and open its popups from the one HTML file. Skipped, with
the reason, where Debian's chromium or the playwright package is missing (CI installs both).
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from controlmap import mapping

from tests.test_map import NASTY, SOURCE, TEXT, seed_records

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)", allow_module_level=True)


class Page:
    """A page opened from disk with the network refused, and what went wrong on it."""

    def __init__(self, browser, path: Path):
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", self._console)
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("path.leaflet-interactive", timeout=10_000)

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _console(self, message) -> None:
        # Refused tile requests log "Failed to load resource": expected here, not a bug.
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(message.text)

    def fills(self) -> list[str]:
        return self.page.eval_on_selector_all("path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))")

    def label(self) -> str:
        return self.page.inner_text(".cm-time .cm-date")

    def popups(self) -> list[str]:
        """Click every marker and line in turn; the text of each popup that opened."""
        texts = []
        for handle in self.page.query_selector_all("path.leaflet-interactive"):
            # A click event on the element itself: a pointer click can miss while the map
            # is still panning to the previous popup.
            handle.dispatch_event("click")
            popup = self.page.wait_for_selector(".leaflet-popup-content", timeout=5_000)
            texts.append(popup.inner_text())
            # An open popup can cover the next marker: close it as a reader would.
            self.page.evaluate("controlmap.map.closePopup()")
            # Wait until it is gone, or the next wait could read this popup a second time.
            self.page.wait_for_selector(".leaflet-popup-content", state="detached", timeout=5_000)
        return texts


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def seed_page(browser, tmp_path) -> Page:
    path = mapping.write_map(tmp_path / "map.html", *seed_records(), title="Aleppo, 30 November 2024")
    page = Page(browser, path)
    yield page
    page.page.close()


def test_markers_render_offline_without_errors(seed_page, tmp_path):
    assert seed_page.page.evaluate("typeof L") == "object"  # leaflet came from the file itself
    # 3 places on the latest date, and the distance-claim line.
    assert seed_page.page.locator("path.leaflet-interactive").count() == 4
    assert seed_page.errors == []
    # Only tiles were asked for, and refused: no CDN, no font, no script from elsewhere.
    hosts = {urlparse(url).hostname for url in seed_page.blocked}
    assert hosts <= {"tile.openstreetmap.org"}
    # CONTROLMAP_SCREENSHOT=path.png keeps the picture for a person to look at.
    shot = Path(os.environ.get("CONTROLMAP_SCREENSHOT") or tmp_path / "map.png")
    seed_page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_slider_steps_through_the_dates(seed_page):
    page = seed_page.page
    assert seed_page.label() == "2024-11-30"
    latest = seed_page.fills()
    page.locator("input.cm-slider").fill("0")
    assert seed_page.label() == "2016"
    first = seed_page.fills()
    assert first != latest
    # In 2016 Aleppo alone is held (government); Idlib and the airport have no report yet.
    assert first.count("#ffffff") == 2
    page.click(".cm-next")
    assert seed_page.label() == "2020"
    assert seed_page.fills().count("#ffffff") == 1
    page.click(".cm-next")
    assert seed_page.label() == "2024-11-30"
    assert "Aleppo International Airport: Hayat Tahrir al-Sham (opposition) captured" in page.inner_text(".cm-events")
    assert seed_page.errors == []


def test_popup_quotes_the_source_sentence(seed_page):
    texts = seed_page.popups()
    assert texts, "no popup opened"
    idlib = next(t for t in texts if t.startswith("Idlib\n"))
    assert "Opposition forces have maintained control of the north-western city of Idlib since 2020." in idlib
    assert SOURCE in idlib and "date precision: year" in idlib and "geonames:169389" in idlib
    line = next(t for t in texts if "Verdict: consistent" in t)
    assert "Idlib sits just 55km (34 miles) from Aleppo" in line


def test_hostile_article_text_is_shown_as_text(browser, tmp_path):
    article = NASTY + TEXT
    path = mapping.write_map(tmp_path / "nasty.html", *seed_records(article, source="x.txt"), title="{{ t }}")
    page = Page(browser, path)
    try:
        texts = page.popups()
        assert page.dialogs == [] and page.errors == []
        assert page.page.title() == "{{ t }}"
        sentence = NASTY.strip()
        assert any(sentence in t for t in texts), texts
    finally:
        page.page.close()


def test_seed_article_map_renders(browser, seed_article, gazetteer, tmp_path):
    from controlmap.pipeline import analyse

    r = analyse([seed_article], gazetteer=gazetteer)
    path = mapping.write_map(tmp_path / "seed.html", r.places, r.events, r.timeline, r.claims, title="Seed")
    page = Page(browser, path)
    try:
        assert page.page.locator("path.leaflet-interactive").count() >= 4
        assert page.label() == "on or before 2024-11-30"
        page.page.locator("input.cm-slider").fill("0")
        assert page.label() != "on or before 2024-11-30"
        assert page.errors == [] and {urlparse(u).hostname for u in page.blocked} <= {"tile.openstreetmap.org"}
    finally:
        page.page.close()
