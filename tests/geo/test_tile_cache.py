"""The tile cache: a tile seen once is there offline; the tile server is asked only for missing
or stale tiles, honestly and by its caching rules; a municipal MBTiles file becomes the base map."""

from __future__ import annotations

import http.server
import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
import requests

from est_desktop.geo.tile_cache import (
    DEFAULT_FRESHNESS,
    OFFLINE_PAUSE,
    USER_AGENT,
    TileCache,
    TileFetcher,
    TileSource,
)
from tests.conftest import Clock

PNG = b"\x89PNG\r\n\x1a\n" + b"tile" * 10


class TileServer(http.server.ThreadingHTTPServer):
    """Serves one fake tile for any path; records what it was asked."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), TileHandler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.headers = {"Cache-Control": "max-age=2592000", "ETag": '"v1"'}
        self.status = 200

    @property
    def template(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{{z}}/{{x}}/{{y}}.png"


class TileHandler(http.server.BaseHTTPRequestHandler):
    server: TileServer

    def do_GET(self) -> None:  # the stdlib names it so
        self.server.requests.append((self.path, dict(self.headers)))
        etag = self.server.headers.get("ETag")
        if etag is not None and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(self.server.status)
        for name, value in self.server.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(PNG)))
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[TileServer]:
    tiles = TileServer()
    thread = threading.Thread(target=tiles.serve_forever, daemon=True)
    thread.start()
    yield tiles
    tiles.shutdown()
    tiles.server_close()


@pytest.fixture
def cache(tmp_path) -> Iterator[TileCache]:
    opened = TileCache(tmp_path / "tiles.mbtiles")
    yield opened
    opened.close()


def test_a_tile_seen_once_is_shown_later_without_asking_the_server(server, cache, clock):
    fetcher = TileFetcher(cache, TileSource(server.template), clock=clock)
    assert fetcher.tile(15, 17_600, 9_400) == PNG
    assert fetcher.tile(15, 17_600, 9_400) == PNG
    assert len(server.requests) == 1
    path, headers = server.requests[0]
    assert path == "/15/17600/9400.png"
    assert headers["User-Agent"] == USER_AGENT


def test_offline_a_stale_tile_is_better_than_none(server, cache, clock: Clock):
    TileFetcher(cache, TileSource(server.template), clock=clock).tile(14, 8_800, 4_700)
    clock.advance(days=60)  # long past its max-age
    dead = TileSource("http://127.0.0.1:9/{z}/{x}/{y}.png")  # nothing listens on port 9
    assert TileFetcher(cache, dead, clock=clock).tile(14, 8_800, 4_700) == PNG
    assert TileFetcher(cache, dead, clock=clock).tile(14, 1, 1) is None  # never seen


def test_a_stale_tile_is_revalidated_and_kept_when_unchanged(server, cache, clock: Clock):
    fetcher = TileFetcher(cache, TileSource(server.template), clock=clock)
    fetcher.tile(12, 2_200, 1_180)
    clock.advance(days=31)
    assert fetcher.tile(12, 2_200, 1_180) == PNG  # answered 304 Not Modified
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'
    assert fetcher.tile(12, 2_200, 1_180) == PNG
    assert len(server.requests) == 2  # fresh again: not asked a third time


def test_without_caching_headers_a_tile_is_kept_a_week(server, cache, clock: Clock):
    server.headers = {}
    fetcher = TileFetcher(cache, TileSource(server.template), clock=clock)
    fetcher.tile(13, 4_400, 2_360)
    clock.advance(seconds=(DEFAULT_FRESHNESS - timedelta(minutes=1)).total_seconds())
    fetcher.tile(13, 4_400, 2_360)
    assert len(server.requests) == 1
    clock.advance(minutes=2)
    fetcher.tile(13, 4_400, 2_360)
    assert len(server.requests) == 2


def test_a_server_error_is_not_stored(server, cache, clock):
    server.status = 503
    fetcher = TileFetcher(cache, TileSource(server.template), clock=clock)
    assert fetcher.tile(10, 550, 295) is None
    assert cache.count() == 0


def test_a_municipal_mbtiles_file_becomes_the_base_map_and_never_expires(tmp_path, cache, clock):
    source = tmp_path / "boras.mbtiles"
    with sqlite3.connect(source) as conn:
        conn.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB)"
        )
        # MBTiles rows count from the bottom: XYZ y 0 at zoom 1 is TMS row 1.
        conn.execute("INSERT INTO tiles VALUES (1, 0, 1, ?)", (b"municipal",))
    conn.close()
    assert cache.import_mbtiles(source) == 1
    clock.advance(days=3650)
    offline = TileFetcher(cache, TileSource("http://127.0.0.1:9/{z}/{x}/{y}.png"), clock=clock)
    assert offline.tile(1, 0, 0) == b"municipal"
    tile = cache.get(1, 0, 0)
    assert tile is not None and tile.expires_at is None


def test_the_cache_is_a_valid_mbtiles_file_other_tools_can_read(server, cache, clock):
    TileFetcher(cache, TileSource(server.template), clock=clock).tile(1, 1, 0)
    with sqlite3.connect(cache.path) as conn:
        assert conn.execute("SELECT tile_row FROM tiles").fetchone() == (1,)
        names = {row[0] for row in conn.execute("SELECT name FROM metadata")}
    conn.close()
    assert {"name", "format"} <= names


def test_a_broken_connection_mid_download_leaves_nothing_half_stored(cache, clock, monkeypatch):
    def broken(*_args, **_kwargs):
        raise requests.ConnectionError("reset by peer")

    session = requests.Session()
    monkeypatch.setattr(session, "get", broken)
    fetcher = TileFetcher(cache, TileSource(), http=session, clock=clock)
    assert fetcher.tile(3, 4, 2) is None
    assert cache.count() == 0


class CountingSession(requests.Session):
    """A network that is down: every request fails to connect, and is counted."""

    def __init__(self) -> None:
        super().__init__()
        self.attempts = 0

    def request(self, *args: object, **kwargs: object) -> requests.Response:
        self.attempts += 1
        raise requests.ConnectionError("network unreachable")


def test_after_a_failed_connection_tiles_come_from_the_cache_alone_for_a_while(
    server, cache, clock: Clock
):
    TileFetcher(cache, TileSource(server.template), clock=clock).tile(14, 8_800, 4_700)
    clock.advance(days=60)  # stale: would be revalidated if the network answered
    down = CountingSession()
    fetcher = TileFetcher(cache, TileSource(server.template), http=down, clock=clock)
    assert fetcher.tile(14, 1, 1) is None
    # A whole view of tiles now answers at once, from the cache or not at all.
    assert [fetcher.tile(14, x, 2) for x in range(20)] == [None] * 20
    assert fetcher.tile(14, 8_800, 4_700) == PNG
    assert down.attempts == 1
    clock.advance(seconds=OFFLINE_PAUSE.total_seconds() + 1)
    fetcher.tile(14, 1, 1)
    assert down.attempts == 2, "the network is tried again after the pause"


def test_a_server_error_is_not_taken_for_being_offline(server, cache, clock):
    server.status = 500
    fetcher = TileFetcher(cache, TileSource(server.template), clock=clock)
    assert fetcher.tile(10, 1, 1) is None
    assert fetcher.tile(10, 1, 2) is None
    assert len(server.requests) == 2
