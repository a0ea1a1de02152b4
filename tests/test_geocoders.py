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
