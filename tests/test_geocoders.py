"""Online geocoders are opt-in; tests never call them."""

import pytest

from controlmap.errors import GeocoderError


def test_unknown_service_is_refused():
    from controlmap.geocoders import OnlineGeocoder

    with pytest.raises(GeocoderError, match="unknown geocoder"):
        OnlineGeocoder("bing-maps-please")


def test_cached_answers_need_no_network(tmp_path):
    from controlmap.geocoders import OnlineGeocoder

    cache = tmp_path / "cache.json"
    cache.write_text('{"kafr nabl": [35.614, 36.561, "node", 123, "Kafr Nabl, Idlib, Syria"]}')
    coder = OnlineGeocoder("nominatim", cache_path=cache)
    entry = coder.geocode("Kafr Nabl")
    assert entry.id == "nominatim:node/123" and round(entry.lat, 3) == 35.614


@pytest.mark.skip(reason="needs the network (Nominatim); controlmap's tests run offline")
def test_live_nominatim():  # pragma: no cover
    from controlmap.geocoders import OnlineGeocoder

    assert OnlineGeocoder("nominatim").geocode("Saraqib") is not None


def test_an_unreachable_service_is_one_short_error(tmp_path, monkeypatch):
    """No network: the user reads one line saying so, not urllib3's chain of wrappers."""
    from geopy.exc import GeocoderUnavailable

    from controlmap.geocoders import OnlineGeocoder

    coder = OnlineGeocoder("nominatim", cache_path=tmp_path / "cache.json")
    chain = ("HTTPSConnectionPool(host='nominatim.openstreetmap.org', port=443): Max retries exceeded with url: "
             "/search?q=Kafr+Nabl (Caused by NameResolutionError(\"HTTPSConnection(host='nominatim.openstreetmap.org', "
             "port=443): Failed to resolve 'nominatim.openstreetmap.org' ([Errno -2] Name or service not known)\"))")

    def offline(*args, **kwargs):
        raise GeocoderUnavailable(chain)

    monkeypatch.setattr(coder, "_geocode", offline)
    with pytest.raises(GeocoderError) as caught:
        coder.geocode("Kafr Nabl")
    message = str(caught.value)
    assert "unavailable" in message and "Failed to resolve 'nominatim.openstreetmap.org'" in message
    assert "\n" not in message and "HTTPSConnectionPool" not in message
    assert not (tmp_path / "cache.json").exists()  # a failure is not remembered as "not found"
