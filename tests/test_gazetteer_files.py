"""The index's files in the cache directory: what a killed build leaves is cleaned up."""
import os
import time

from controlmap.gazetteer import _remove_abandoned_builds


def test_a_killed_builds_temporary_file_is_removed_but_a_running_builds_is_kept(tmp_path):
    abandoned = tmp_path / "gazetteer-abc123.tmp"
    running = tmp_path / "gazetteer-def456.tmp"
    index = tmp_path / "gazetteer.sqlite"
    for path in (abandoned, running, index):
        path.write_bytes(b"x" * 10)
    an_hour_ago = time.time() - 3600
    os.utime(abandoned, (an_hour_ago, an_hour_ago))
    os.utime(index, (an_hour_ago, an_hour_ago))

    _remove_abandoned_builds(tmp_path)

    assert not abandoned.exists()
    assert running.exists()  # a concurrent build is still writing it
    assert index.exists()  # the index itself is never touched


def test_the_lookups_ask_for_collections_of_keys_which_they_walk_twice(gazetteer):
    # (a generator would be used up by the first walk: the signature says what callers give)
    from typing import Collection, get_type_hints

    from controlmap.gazetteer import Gazetteer

    for method in (Gazetteer.lookup_keys, Gazetteer.common_words, Gazetteer.english_words, Gazetteer.demonyms,
                   Gazetteer.not_places, Gazetteer.person_names, Gazetteer.stop_abbreviations):
        assert get_type_hints(method)["keys"] == Collection[str], method.__name__
    keys = ["aleppo", "no such place at all"]
    found = gazetteer.lookup_keys(keys)
    assert list(found) == keys and found["aleppo"] and found["no such place at all"] == []
    assert gazetteer.english_words(["city", "aleppo"]) == {"city"}
