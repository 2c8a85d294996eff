"""Saving an area for offline use: which tiles cover it, and fetching them one at a time,
bounded, cancellable, with progress; and the tile source the preferences name."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
import requests

from est_desktop.geo.tile_cache import (
    GIVE_UP_AFTER_FAILURES,
    MAX_OFFLINE_TILES,
    OSM_ATTRIBUTION,
    OSM_TEMPLATE,
    AreaTooLarge,
    TileCache,
    TileFetcher,
    TileSource,
    area_tile_count,
    area_tiles,
    save_area,
    tile_source,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"tile" * 10
# The town centre of Borås, a few hundred metres across.
BORAS = (57.715, 12.925, 57.730, 12.955)  # south, west, north, east


class FakeAnswer:
    def __init__(self, status: int, content: bytes = b"") -> None:
        self.status_code = status
        self.content = content
        self.headers = requests.structures.CaseInsensitiveDict({"Cache-Control": "max-age=86400"})


class FakeSession:
    """Answers every tile with PNG (or `status`); records the URLs asked, in order."""

    def __init__(self, status: int = 200) -> None:
        self.headers: dict[str, str] = {}
        self.status = status
        self.asked: list[str] = []

    def get(self, url: str, **_options: object) -> FakeAnswer:
        self.asked.append(url)
        return FakeAnswer(self.status, PNG if self.status == 200 else b"")


@pytest.fixture
def cache(tmp_path) -> Iterator[TileCache]:
    opened = TileCache(tmp_path / "tiles.mbtiles")
    yield opened
    opened.close()


def fetcher_with(cache: TileCache, session: FakeSession, clock) -> TileFetcher:
    source = TileSource("https://t.example/{z}/{x}/{y}.png")
    return TileFetcher(cache, source, http=session, clock=clock)  # type: ignore[arg-type]


def north_west_corner(z: int, x: int, y: int) -> tuple[float, float]:
    """The reference formula from the OSM wiki (Slippy map tilenames), inverted."""
    n = 2**z
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n)))), x / n * 360 - 180


# -- which tiles --


def test_the_whole_world_is_one_tile_at_zoom_0_and_four_at_zoom_1():
    assert area_tiles(-85, -180, 85, 180, 0, 1) == [
        (0, 0, 0),
        (1, 0, 0),
        (1, 0, 1),
        (1, 1, 0),
        (1, 1, 1),
    ]


def test_the_tiles_cover_the_area_and_no_more_than_needed():
    south, west, north, east = BORAS
    for z in range(10, 17):
        tiles = area_tiles(*BORAS, z, z)
        xs, ys = {x for _, x, _ in tiles}, {y for _, _, y in tiles}
        assert len(tiles) == len(xs) * len(ys) == area_tile_count(*BORAS, z, z)
        top, left = north_west_corner(z, min(xs), min(ys))
        bottom, right = north_west_corner(z, max(xs) + 1, max(ys) + 1)
        assert top >= north and left <= west and bottom <= south and right >= east
        # One tile fewer on any side would leave part of the area out.
        inner_top, inner_left = north_west_corner(z, min(xs) + 1, min(ys) + 1)
        inner_bottom, inner_right = north_west_corner(z, max(xs), max(ys))
        assert inner_top < north and inner_left > west
        assert inner_bottom > south and inner_right < east


def test_tiles_beyond_the_edges_of_the_map_are_clamped():
    tiles = area_tiles(-90, -200, 90, 200, 2, 3)
    assert len(tiles) == 4 * 4 + 8 * 8
    assert all(0 <= x < 2**z and 0 <= y < 2**z for z, x, y in tiles)


def test_each_deeper_zoom_needs_about_four_times_the_tiles():
    counts = [area_tile_count(*BORAS, z, z) for z in range(14, 18)]
    assert counts == sorted(counts)
    assert area_tile_count(*BORAS, 14, 17) == sum(counts)


# -- saving them --


def test_saving_an_area_fetches_each_tile_once_in_turn_and_reports_progress(cache, clock):
    session = FakeSession()
    tiles = area_tiles(*BORAS, 14, 15)
    seen: list[tuple[int, int]] = []

    result = save_area(
        fetcher_with(cache, session, clock), tiles, progress=lambda *p: seen.append(p)
    )

    assert (result.stored, result.failed, result.total) == (len(tiles), 0, len(tiles))
    assert not result.cancelled
    assert session.asked == [f"https://t.example/{z}/{x}/{y}.png" for z, x, y in tiles]
    assert seen == [(done, len(tiles)) for done in range(1, len(tiles) + 1)]
    assert cache.count() == len(tiles)


def test_tiles_already_saved_and_fresh_are_not_asked_for_again(cache, clock):
    session = FakeSession()
    tiles = area_tiles(*BORAS, 14, 15)
    fetcher = fetcher_with(cache, session, clock)
    save_area(fetcher, tiles[:2])
    session.asked.clear()

    result = save_area(fetcher, tiles)

    assert result.stored == len(tiles)
    assert len(session.asked) == len(tiles) - 2


def test_tiles_the_server_refuses_are_counted_as_failed(cache, clock):
    session = FakeSession(status=404)
    tiles = area_tiles(*BORAS, 14, 14)[: GIVE_UP_AFTER_FAILURES - 1]

    result = save_area(fetcher_with(cache, session, clock), tiles)

    assert (result.stored, result.failed, result.total) == (0, len(tiles), len(tiles))
    assert not result.cancelled
    assert cache.count() == 0


def test_a_server_that_keeps_failing_is_not_asked_for_the_rest(cache, clock):
    session = FakeSession(status=503)
    tiles = area_tiles(*BORAS, 14, 16)
    seen: list[tuple[int, int]] = []

    result = save_area(
        fetcher_with(cache, session, clock), tiles, progress=lambda *p: seen.append(p)
    )

    assert len(session.asked) == GIVE_UP_AFTER_FAILURES
    assert (result.stored, result.failed, result.total) == (0, len(tiles), len(tiles))
    assert not result.cancelled
    assert seen[-1] == (len(tiles), len(tiles))


def test_cancelling_stops_before_the_next_tile(cache, clock):
    session = FakeSession()
    tiles = area_tiles(*BORAS, 14, 16)

    result = save_area(
        fetcher_with(cache, session, clock), tiles, cancelled=lambda: len(session.asked) >= 3
    )

    assert len(session.asked) == 3
    assert (result.stored, result.failed, result.total) == (3, 0, len(tiles))
    assert result.cancelled


def test_an_area_too_large_is_refused_before_anything_is_fetched(cache, clock):
    session = FakeSession()
    tiles = area_tiles(57.0, 12.0, 58.5, 14.0, 10, 15)
    assert len(tiles) > MAX_OFFLINE_TILES

    with pytest.raises(AreaTooLarge) as refused:
        save_area(fetcher_with(cache, session, clock), tiles)

    assert refused.value.count == len(tiles)
    assert isinstance(refused.value, ValueError)
    assert session.asked == []


# -- the tile source the preferences name --


def test_an_empty_tile_url_means_openstreetmap():
    assert tile_source("", "") == tile_source("  ", "ignored") == TileSource()
    assert (TileSource().url_template, TileSource().attribution) == (OSM_TEMPLATE, OSM_ATTRIBUTION)


def test_a_custom_tile_url_comes_with_its_attribution():
    source = tile_source(" https://karta.boras.se/{z}/{x}/{y}.png ", " © Borås Stad ")
    assert source == TileSource("https://karta.boras.se/{z}/{x}/{y}.png", "© Borås Stad")
    assert source.url(15, 1, 2) == "https://karta.boras.se/15/1/2.png"
