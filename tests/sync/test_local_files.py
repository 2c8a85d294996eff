"""What the sync client keeps in files: the token, the reference data; and the retry waits."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from est_desktop.domain.categories import Taxonomy
from est_desktop.resources import resource_path
from est_desktop.sync.backoff import Backoff
from est_desktop.sync.credentials import TokenStore
from est_desktop.sync.reference_cache import ReferenceCache

SERVER = "https://est.boras.se"


def test_tokens_are_kept_per_server_and_user_in_a_private_file(tmp_path: Path) -> None:
    tokens = TokenStore(tmp_path, use_keyring=False)

    tokens.put(SERVER, "anna", "t1")
    tokens.put(SERVER + "/", "bert", "t2")

    assert stat.S_IMODE((tmp_path / "tokens.json").stat().st_mode) == 0o600
    again = TokenStore(tmp_path, use_keyring=False)
    assert (again.get(SERVER, "anna"), again.get(SERVER, "bert")) == ("t1", "t2")
    assert again.get("https://annan.se", "anna") is None
    again.delete(SERVER, "anna")
    assert again.get(SERVER, "anna") is None
    assert again.get(SERVER, "bert") == "t2"


def test_an_unreadable_token_file_means_no_token(tmp_path: Path) -> None:
    (tmp_path / "tokens.json").write_text("inte json")
    assert TokenStore(tmp_path, use_keyring=False).get(SERVER, "anna") is None


def reference() -> dict:
    taxonomy = Taxonomy.load()
    categories = [
        {
            "code": c.code,
            "group": c.group,
            "label_sv": c.label_sv,
            "label_en": c.label_en,
            "active": c.active,
        }
        for c in taxonomy.categories()
    ]
    districts = json.loads(resource_path("districts.geojson").read_text(encoding="utf-8"))
    return {"version": "abc123", "categories": categories, "districts": districts}


def test_reference_data_round_trips_into_a_taxonomy_and_district_lookup(tmp_path: Path) -> None:
    cache = ReferenceCache(tmp_path)
    assert (cache.load(), cache.taxonomy(), cache.districts()) == (None, None, None)

    cache.save(reference())

    assert cache.load() == reference()
    assert cache.version() == "abc123"
    taxonomy, bundled = cache.taxonomy(), Taxonomy.load()
    assert [c.code for c in taxonomy.categories()] == [c.code for c in bundled.categories()]
    assert taxonomy.group_label("klotter") == bundled.group_label("klotter")
    assert taxonomy.version == "abc123"
    assert cache.districts().district_at(57.7203, 12.9690) == "hulta"
    assert not list(tmp_path.glob("*.tmp"))


def test_a_broken_reference_cache_is_no_cache(tmp_path: Path) -> None:
    cache = ReferenceCache(tmp_path)
    cache.save({"version": "x", "categories": [{"code": "a"}], "districts": {"type": "nej"}})
    assert (cache.taxonomy(), cache.districts()) == (None, None)


def test_backoff_grows_exponentially_up_to_the_cap() -> None:
    backoff = Backoff(rng=lambda: 1.0)
    delays = [backoff.next_delay() for _ in range(10)]
    assert delays == [5, 10, 20, 40, 80, 160, 320, 640, 900, 900]
    backoff.reset()
    assert backoff.next_delay() == 5


def test_backoff_jitters_over_the_whole_range() -> None:
    draws = iter([0.0, 0.5])
    backoff = Backoff(rng=lambda: next(draws))
    assert [backoff.next_delay(), backoff.next_delay()] == [0.0, 5.0]


@pytest.mark.parametrize(("retry_after", "expected"), [(60.0, 60.0), (1.0, 2.5), (3600.0, 3600.0)])
def test_backoff_never_waits_less_than_the_server_asked(
    retry_after: float, expected: float
) -> None:
    assert Backoff(rng=lambda: 0.5).next_delay(retry_after) == expected
