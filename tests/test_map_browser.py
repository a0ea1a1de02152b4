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
        # "HTS ... in Idlib": the city over its province by a short head, which the reader is told
        page.page.locator("input.cm-slider").fill(str(page.page.locator("input.cm-slider").get_attribute("max")))
        idlib = next(t for t in page.popups() if t.startswith("Idlib\n"))
        assert "Place resolved with low confidence (0.5" in idlib
        assert "runner-up: Idlib Governorate (geonames:169387)" in idlib
    finally:
        page.page.close()


# ---------------------------------------------------------------------------- what a reader sees

#: Page rectangle of the drawn element of the feature called ``name`` (its marker or line).
_RECT_OF = """(name) => {
  var found = null;
  controlmap.map.eachLayer(function (layer) {
    if (!found && layer.feature && layer.feature.properties.name === name && layer.getElement) {
      var r = layer.getElement().getBoundingClientRect();
      var tip = layer.getTooltip() && layer.getTooltip().getElement();
      var t = tip ? tip.getBoundingClientRect() : null;
      found = {marker: [r.left, r.top, r.right, r.bottom], label: t && [t.left, t.top, t.right, t.bottom]};
    }
  });
  return found;
}"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _open(browser, tmp_path, records, name="m.html", **kw) -> Page:
    return Page(browser, mapping.write_map(tmp_path / name, *records, **kw))


def test_attribution_is_shown_as_written_once(browser, tmp_path):
    from dataclasses import replace

    from controlmap.timeline import Timeline

    places, events, timeline, claims = seed_records()
    took = replace(events[3], attributed_to="according to the SOHR")
    events = [took if e is events[3] else e for e in events]
    intervals = [replace(i, events=[took]) if i.events == [events[3]] or i.place_key == "icao:OSAP" else i
                 for i in timeline.intervals]
    page = _open(browser, tmp_path, (places, events, Timeline(intervals, events), claims))
    try:
        airport = next(t for t in page.popups() if t.startswith("Aleppo International Airport\n"))
        assert "attributed: according to the SOHR" in airport
        assert "according to according to" not in airport
    finally:
        page.page.close()


def test_generic_registry_rows_are_not_shown(browser, tmp_path):
    from tests.test_map import generic_seed

    page = _open(browser, tmp_path, generic_seed())
    try:
        page.page.locator("input.cm-slider").fill("0")
        assert page.label() == "2016"
        assert "Aleppo: government captured" in page.page.inner_text(".cm-events")
        texts = page.popups() + [page.page.inner_text("body")]
        assert not any("generic" in t for t in texts), texts
        aleppo = next(t for t in texts if t.startswith("Aleppo\n"))
        assert "Held by government: 2016" in aleppo
    finally:
        page.page.close()


def test_claim_line_is_neutral_patterned_and_explained(seed_page):
    page = seed_page.page
    line = page.eval_on_selector_all(
        ".leaflet-overlay-pane path",
        "els => els.filter(e => e.getAttribute('fill') === 'none' && e.getAttribute('stroke') !== '#ffffff')"
        ".map(e => [e.getAttribute('stroke'), e.getAttribute('stroke-dasharray')])")
    assert line == [[mapping.CLAIM_COLOUR, None]]  # consistent: one solid neutral line
    assert mapping.CLAIM_COLOUR not in seed_page.fills()
    legend = page.inner_text(".cm-legend")
    assert "distance claim: consistent" in legend
    assert page.locator(".cm-legend svg line").count() == 1


def test_line_popup_is_not_hidden_under_the_controls(seed_page):
    page = seed_page.page
    # Put the middle of the line just below the layer control, where a reader can click it.
    point = page.evaluate("""() => {
      var map = controlmap.map, line = null;
      map.eachLayer(function (l) { if (l.feature && l.feature.properties.status === 'claim') { line = l; } });
      var control = document.querySelector('.leaflet-control-layers').getBoundingClientRect();
      var box = map.getContainer().getBoundingClientRect();
      var mid = map.latLngToContainerPoint(line.getCenter());
      var target = L.point(control.left - box.left + 60, control.bottom - box.top + 40);
      map.panBy(mid.subtract(target), {animate: false});
      return [box.left + target.x, box.top + target.y];
    }""")
    page.mouse.click(*point)
    page.wait_for_selector(".leaflet-popup-content")
    page.wait_for_timeout(500)  # the autopan
    popup = page.eval_on_selector(".leaflet-popup-content-wrapper",
                                  "e => { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }")
    controls = page.eval_on_selector_all(
        ".leaflet-control-layers, .cm-time, .cm-legend, .leaflet-control-zoom",
        "els => els.map(e => { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
    assert "Verdict: consistent" in page.inner_text(".leaflet-popup-content")
    assert not [c for c in controls if _overlap(popup, c)], (popup, controls)


def test_claim_endpoint_without_events_has_a_marker(browser, tmp_path):
    from tests.test_map import endpoint_seed

    page = _open(browser, tmp_path, endpoint_seed())
    try:
        idlib = page.page.evaluate(_RECT_OF, "Idlib")
        assert idlib is not None and idlib["label"] is not None  # a marker with its name at the line's end
        popup = next(t for t in page.popups() if t.startswith("Idlib\n"))
        assert "geonames:169389" in popup and "Idlib sits just 55km" in popup
        assert page.errors == []
    finally:
        page.page.close()


def test_places_only_map_labels_its_places(browser, tmp_path):
    places, *_ = seed_records()
    page = _open(browser, tmp_path, (places, [], None, []))
    try:
        labels = page.page.eval_on_selector_all(".cm-label", "els => els.map(e => e.textContent)")
        assert set(labels) == {"Aleppo", "Idlib", "Aleppo International Airport", "London"}
        assert "places mentioned (no control reported)" in page.page.inner_text(".cm-legend")
        london = next(t for t in page.popups() if t.startswith("London\n"))
        assert "A British observer in London said so." in london and "geonames:2643743" in london
    finally:
        page.page.close()


def test_page_title_defaults_to_source_and_dates(browser, tmp_path):
    page = _open(browser, tmp_path, seed_records())
    try:
        assert page.page.title() == f"controlmap: {SOURCE} (2016 \u2013 2024-11-30)"
    finally:
        page.page.close()


def test_nearby_marker_does_not_cover_a_label(seed_page):
    page = seed_page.page
    aleppo = page.evaluate(_RECT_OF, "Aleppo")
    airport = page.evaluate(_RECT_OF, "Aleppo International Airport")
    assert not _overlap(aleppo["label"], airport["marker"]), (aleppo, airport)
    assert not _overlap(airport["label"], aleppo["marker"]) and not _overlap(aleppo["label"], airport["label"])


def test_dotted_and_dashed_claim_lines_can_be_clicked_anywhere(browser, tmp_path):
    from dataclasses import replace

    places, events, timeline, claims = seed_records()
    page = _open(browser, tmp_path, (places, events, timeline, [replace(claims[0], verdict="direction-wrong")]))
    try:
        dash = page.page.eval_on_selector_all(
            ".leaflet-overlay-pane path", f"els => els.filter(e => e.getAttribute('stroke') === '{mapping.CLAIM_COLOUR}')"
            ".map(e => e.getAttribute('stroke-dasharray'))")
        assert dash == [mapping.VERDICT_DASHES["direction-wrong"]]
        # A dotted stroke takes clicks only on its dots: the line must open from between them too.
        hits = page.page.evaluate("""() => {
          var map = controlmap.map, line = null, box = map.getContainer().getBoundingClientRect(), hits = 0;
          map.eachLayer(function (l) { if (l.feature && l.feature.properties.status === 'claim') { line = l; } });
          var a = map.latLngToContainerPoint(line.getLatLngs()[0]), b = map.latLngToContainerPoint(line.getLatLngs()[1]);
          for (var k = 1; k < 20; k++) {
            var hit = document.elementFromPoint(box.left + a.x + (b.x - a.x) * k / 20, box.top + a.y + (b.y - a.y) * k / 20);
            if (hit === line.getElement()) { hits++; }
          }
          return hits;
        }""")
        assert hits >= 17  # all but the ends, where the town markers sit on the line
    finally:
        page.page.close()


def test_a_map_of_several_wars_names_each_sides_war_in_legend_popups_and_panel(browser, tmp_path):
    from tests.test_map import several_wars_records

    page = _open(browser, tmp_path, several_wars_records())
    try:
        legend = page.page.inner_text(".cm-legend")
        assert "government (Syria): Syrian government" in legend
        assert "government (Yemen): Yemeni government" in legend and "opposition (Sahel): Rebels" in legend
        texts = page.popups()
        mocha = next(t for t in texts if t.startswith("Mocha\n"))
        assert "Held by government (Yemen: Yemeni government): 2021-11-12" in mocha
        kidal = next(t for t in texts if t.startswith("Kidal\n"))
        assert "Held by opposition (Sahel: Rebels)" in kidal
        page.page.locator("input.cm-slider").fill("2")
        assert page.label() == "2021-11-12"
        # the panel's events name the actor, its side and the side's war
        assert "Mocha: Yemeni government (government, Yemen) retook" in page.page.inner_text(".cm-events")
        assert page.errors == []
    finally:
        page.page.close()


def test_fitted_view_keeps_every_marker_clear_of_the_panel_and_legend(browser, tmp_path):
    # Places spread wide (Latakia to Qamishli, 500 km): fitted into the whole page, Qamishli,
    # the north-easternmost, sat under the date panel.
    from datetime import date

    from controlmap.gazetteer import GazetteerEntry
    from controlmap.timeline import build_timeline
    from tests.test_map import event, place

    text = "Rebels captured Latakia on Sunday. Kurdish-led forces hold Qamishli. Palmyra fell on Saturday."
    entries = {"Latakia": GazetteerEntry("geonames:173576", "Latakia", "city", "SY", None, 35.53168, 35.79011),
               "Qamishli": GazetteerEntry("geonames:173377", "Qamishli", "city", "SY", None, 37.05215, 41.23142),
               "Palmyra": GazetteerEntry("geonames:163808", "Palmyra", "city", "SY", None, 34.56, 38.28)}
    places = [place(name, entry, article=text) for name, entry in entries.items()]
    events = [event(places[0], "captured", "Syrian opposition", "opposition", date(2024, 12, 8), "day"),
              event(places[1], "holds", "Syrian Democratic Forces", "SDF", date(2024, 12, 8), "on-or-before-publication"),
              event(places[2], "captured", "Syrian opposition", "opposition", date(2024, 12, 7), "day")]
    path = mapping.write_map(tmp_path / "wide.html", places, events, build_timeline(events), [])
    page = Page(browser, path)
    try:
        boxes = page.page.evaluate("""() => ['.cm-time', '.cm-legend'].map(s => document.querySelector(s))
            .filter(Boolean).map(e => e.getBoundingClientRect().toJSON())""")
        markers = page.page.evaluate("""() => Array.from(document.querySelectorAll('path.leaflet-interactive'))
            .map(e => e.getBoundingClientRect().toJSON())""")
        assert len(boxes) == 2 and len(markers) == 3
        for m in markers:
            assert 0 <= m["left"] and m["right"] <= 1200 and 0 <= m["top"] and m["bottom"] <= 800
            for b in boxes:
                assert not (m["left"] < b["right"] and b["left"] < m["right"]
                            and m["top"] < b["bottom"] and b["top"] < m["bottom"]), (m, b)
        assert page.errors == []
    finally:
        page.page.close()


_VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('.cm-label'))
  .filter(e => e.style.visibility !== 'hidden')
  .map(e => { var r = e.getBoundingClientRect(); return [e.textContent, r.left, r.top, r.right, r.bottom]; })"""


def test_labels_that_would_overlap_wait_for_a_zoom(browser, gazetteer, tmp_path):
    from controlmap.article import article_from_text
    from controlmap.pipeline import analyse

    # Two towns 40 km apart on a map that also holds Syria: at the fitted zoom their names
    # would print over each other.
    ukraine = article_from_text("Russian forces captured Pokrovsk on Monday. Ukraine still holds Avdiivka.",
                                source="ua.txt", published="2024-11-30")
    syria = article_from_text("Rebels captured Aleppo on Friday.", source="sy.txt", published="2024-11-30")
    r = analyse([ukraine, syria], gazetteer=gazetteer)
    page = Page(browser, mapping.write_map(tmp_path / "m.html", r.places, r.events, r.timeline, r.claims))
    try:
        page.page.wait_for_timeout(800)  # (the view is still easing into its fitted bounds)
        shown = page.page.evaluate(_VISIBLE_LABELS)
        assert not [(a[0], b[0]) for i, a in enumerate(shown) for b in shown[i + 1:] if _overlap(a[1:], b[1:])]
        names = {s[0] for s in shown}
        assert "Aleppo" in names and len(names & {"Pokrovsk", "Avdiivka"}) == 1
        page.page.evaluate("controlmap.map.setView([48.2, 37.5], 10, {animate: false})")
        page.page.wait_for_timeout(300)
        zoomed = page.page.evaluate(_VISIBLE_LABELS)
        assert {"Pokrovsk", "Avdiivka"} <= {s[0] for s in zoomed}
        assert page.errors == []
    finally:
        page.page.close()
