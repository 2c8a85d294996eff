"""Map tiles kept on this PC, so a map seen once works offline.

The cache is an MBTiles file (SQLite; the format GIS departments hand out), with one extra table
that says when each tile was fetched and until when its server said it is fresh. `TileFetcher`
asks the cache first and the tile server only for a missing or stale tile, with an honest
User-Agent and the server's own caching rules (OpenStreetMap's tile usage policy asks for both);
offline, a stale tile is better than none. An MBTiles file from the municipality can be imported
as the base map: its tiles never expire.

No Qt here: the map page's URL scheme handler (maps/) calls `TileFetcher.tile`.
"""

from __future__ import annotations

import email.utils
import logging
import math
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from est_desktop import __version__

log = logging.getLogger(__name__)

OSM_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
USER_AGENT = f"EST-Desktop/{__version__} (Borås Stad EST; offline incident map)"
# Without caching headers a tile is kept this long (OSM asks clients to cache, at least a week).
DEFAULT_FRESHNESS = timedelta(days=7)
TIMEOUT = (5.0, 15.0)
# After a failed connection, tiles come from the cache alone for a while: offline, each of a
# view's dozens of tiles would otherwise wait for its own timeout.
OFFLINE_PAUSE = timedelta(seconds=30)
# "Save this area for offline use" stays a small, one-tile-at-a-time job: OSM's tile usage
# policy forbids bulk downloading, and a larger area is what an imported MBTiles file is for.
MAX_OFFLINE_TILES = 2500
# A run of failures this long means the server is unreachable or refusing: stop asking it.
GIVE_UP_AFTER_FAILURES = 10
MAX_LATITUDE = 85.0511287798  # where the Web Mercator square ends

_SCHEMA = """
CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS tiles (
    zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
);
CREATE TABLE IF NOT EXISTS tile_freshness (
    zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
    fetched_at INTEGER, expires_at INTEGER, etag TEXT,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
);
"""


@dataclass(frozen=True, slots=True)
class TileSource:
    url_template: str = OSM_TEMPLATE
    attribution: str = OSM_ATTRIBUTION

    def url(self, z: int, x: int, y: int) -> str:
        return self.url_template.format(z=z, x=x, y=y, s="a")


def tile_source(url: str, attribution: str) -> TileSource:
    """The tile source the preferences name; an empty URL means OpenStreetMap's tiles."""
    if not url.strip():
        return TileSource()
    return TileSource(url.strip(), attribution.strip())


@dataclass(frozen=True, slots=True)
class CachedTile:
    data: bytes
    expires_at: datetime | None  # None: never (an imported base map)
    etag: str | None

    def fresh(self, now: datetime) -> bool:
        return self.expires_at is None or now < self.expires_at


class TileCache:
    """Tiles in one MBTiles file. Thread-safe (one connection, one lock: tiles are small)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.executescript(_SCHEMA)
            self._conn.execute(
                "INSERT OR IGNORE INTO metadata VALUES ('name', 'EST Desktop tile cache'), "
                "('format', 'png'), ('type', 'baselayer')"
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def get(self, z: int, x: int, y: int) -> CachedTile | None:
        """The tile at XYZ address z/x/y (MBTiles stores rows bottom-up: flipped here)."""
        key = (z, x, _tms_row(z, y))
        with self._lock:
            row = self._conn.execute(
                "SELECT t.tile_data, f.expires_at, f.etag, f.zoom_level IS NULL FROM tiles t "
                "LEFT JOIN tile_freshness f USING (zoom_level, tile_column, tile_row) "
                "WHERE t.zoom_level = ? AND t.tile_column = ? AND t.tile_row = ?",
                key,
            ).fetchone()
        if row is None:
            return None
        data, expires, etag, imported = row
        if imported or expires is None:
            return CachedTile(bytes(data), None, etag)
        return CachedTile(bytes(data), datetime.fromtimestamp(expires, UTC), etag)

    def put(
        self, z: int, x: int, y: int, data: bytes, *, expires_at: datetime, etag: str | None
    ) -> None:
        key = (z, x, _tms_row(z, y))
        now = int(datetime.now(UTC).timestamp())
        with self._lock, self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)", (*key, data))
            self._conn.execute(
                "INSERT OR REPLACE INTO tile_freshness VALUES (?, ?, ?, ?, ?, ?)",
                (*key, now, int(expires_at.timestamp()), etag),
            )

    def refresh(self, z: int, x: int, y: int, *, expires_at: datetime) -> None:
        """The server said the cached tile is still good (304): keep it longer."""
        with self._lock:
            self._conn.execute(
                "UPDATE tile_freshness SET expires_at = ? "
                "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (int(expires_at.timestamp()), z, x, _tms_row(z, y)),
            )

    def import_mbtiles(self, source: Path | str) -> int:
        """Copy every tile of an MBTiles file in as the base map (never expiring); the count."""
        with self._lock:
            self._conn.execute("ATTACH DATABASE ? AS source", (str(source),))
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    cursor = self._conn.execute(
                        "INSERT OR REPLACE INTO tiles "
                        "SELECT zoom_level, tile_column, tile_row, tile_data FROM source.tiles"
                    )
                    self._conn.execute(
                        "DELETE FROM tile_freshness WHERE (zoom_level, tile_column, tile_row) "
                        "IN (SELECT zoom_level, tile_column, tile_row FROM source.tiles)"
                    )
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                return cursor.rowcount
            finally:
                self._conn.execute("DETACH DATABASE source")

    def forget_fetched(self) -> None:
        """Drop the tiles fetched from a tile server, keeping an imported base map."""
        with self._lock, self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute(
                "DELETE FROM tiles WHERE (zoom_level, tile_column, tile_row) IN "
                "(SELECT zoom_level, tile_column, tile_row FROM tile_freshness)"
            )
            self._conn.execute("DELETE FROM tile_freshness")

    def count(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM tiles").fetchone()[0]


class TileFetcher:
    """A tile from the cache when fresh, else from the tile server (then cached)."""

    def __init__(
        self,
        cache: TileCache,
        source: TileSource,
        *,
        http: requests.Session | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._cache = cache
        self._source = source
        self._http = http or requests.Session()
        self._http.headers["User-Agent"] = USER_AGENT
        self._clock = clock
        self._offline_until = datetime.min.replace(tzinfo=UTC)

    @property
    def cache(self) -> TileCache:
        return self._cache

    @property
    def source(self) -> TileSource:
        return self._source

    def change_source(self, source: TileSource) -> None:
        """Take tiles from `source` from now on; tiles fetched from the old one are dropped
        (an imported base map stays)."""
        if source != self._source:
            self._source = source
            self._cache.forget_fetched()

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's image, or None when it is neither cached nor reachable."""
        cached = self._cache.get(z, x, y)
        now = self._clock()
        if cached is not None and cached.fresh(now):
            return cached.data
        if now < self._offline_until:  # the network just failed: do not wait on it per tile
            return cached.data if cached else None
        headers = {"If-None-Match": cached.etag} if cached and cached.etag else {}
        try:
            answer = self._http.get(self._source.url(z, x, y), headers=headers, timeout=TIMEOUT)
        except requests.RequestException as exc:
            if isinstance(exc, requests.ConnectionError | requests.Timeout):
                self._offline_until = now + OFFLINE_PAUSE
            log.info("tile %s/%s/%s not fetched (%s); %s", z, x, y, exc, _fallback(cached))
            return cached.data if cached else None
        if answer.status_code == 304 and cached is not None:
            self._cache.refresh(z, x, y, expires_at=_expiry(answer.headers, now))
            return cached.data
        if answer.status_code != 200 or not answer.content:
            log.info("tile %s/%s/%s: HTTP %s; %s", z, x, y, answer.status_code, _fallback(cached))
            return cached.data if cached else None
        expires_at, etag = _expiry(answer.headers, now), answer.headers.get("ETag")
        self._cache.put(z, x, y, answer.content, expires_at=expires_at, etag=etag)
        return answer.content


class AreaTooLarge(ValueError):
    """An area needs more tiles than may be saved for offline use."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} tiles needed; at most {MAX_OFFLINE_TILES} may be saved")
        self.count = count


@dataclass(frozen=True, slots=True)
class SaveAreaResult:
    stored: int  # now in the cache (fetched, or already there)
    failed: int  # not to be had, including those skipped once the server stopped answering
    total: int

    @property
    def cancelled(self) -> bool:
        return self.stored + self.failed < self.total


def _tile_range(
    south: float, west: float, north: float, east: float, z: int
) -> tuple[range, range]:
    """The columns and rows (XYZ, y down from the north) covering the box at zoom `z`."""
    top_x, top_y = _tile_at(north, west, z)
    bottom_x, bottom_y = _tile_at(south, east, z)
    return range(top_x, bottom_x + 1), range(top_y, bottom_y + 1)


def _tile_at(lat: float, lon: float, z: int) -> tuple[int, int]:
    n = 1 << z
    lat = math.radians(min(max(lat, -MAX_LATITUDE), MAX_LATITUDE))
    x = (min(max(lon, -180.0), 180.0) + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(lat)) / math.pi) / 2.0 * n
    return min(max(int(x), 0), n - 1), min(max(int(y), 0), n - 1)


def area_tile_count(
    south: float, west: float, north: float, east: float, min_zoom: int, max_zoom: int
) -> int:
    """How many tiles `area_tiles` would list, without listing them (cheap for any area)."""
    total = 0
    for z in range(max(min_zoom, 0), max_zoom + 1):
        columns, rows = _tile_range(south, west, north, east, z)
        total += len(columns) * len(rows)
    return total


def area_tiles(
    south: float, west: float, north: float, east: float, min_zoom: int, max_zoom: int
) -> list[tuple[int, int, int]]:
    """Every tile (z, x, y) covering the box at zooms min_zoom..max_zoom, coarse zooms first."""
    tiles = []
    for z in range(max(min_zoom, 0), max_zoom + 1):
        columns, rows = _tile_range(south, west, north, east, z)
        tiles.extend((z, x, y) for x in columns for y in rows)
    return tiles


def save_area(
    fetcher: TileFetcher,
    tiles: list[tuple[int, int, int]],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SaveAreaResult:
    """Put `tiles` in the cache for offline use, one after another, through `fetcher`.

    Sequential on purpose (OSM's tile usage policy: no parallel bulk downloads); fresh tiles
    already cached are not asked for again. `progress(done, total)` follows each tile;
    `cancelled()` is checked before each. Blocks: run it off the UI thread.
    Raises AreaTooLarge, before fetching anything, for more than MAX_OFFLINE_TILES tiles.
    """
    total = len(tiles)
    if total > MAX_OFFLINE_TILES:
        raise AreaTooLarge(total)
    stored = failed = in_a_row = 0
    for done, (z, x, y) in enumerate(tiles, start=1):
        if cancelled is not None and cancelled():
            break
        if fetcher.tile(z, x, y) is None:
            failed, in_a_row = failed + 1, in_a_row + 1
            if in_a_row >= GIVE_UP_AFTER_FAILURES:
                log.info("saving an area: %s failures in a row, giving up", in_a_row)
                failed = total - stored
                if progress is not None:
                    progress(total, total)
                break
        else:
            stored, in_a_row = stored + 1, 0
        if progress is not None:
            progress(done, total)
    return SaveAreaResult(stored, failed, total)


def _tms_row(z: int, y: int) -> int:
    return (1 << z) - 1 - y


def _expiry(headers: requests.structures.CaseInsensitiveDict[str], now: datetime) -> datetime:
    """When the server's caching headers say the tile goes stale (at least the default)."""
    control = headers.get("Cache-Control", "")
    if match := re.search(r"max-age=(\d+)", control):
        return now + max(timedelta(seconds=int(match.group(1))), DEFAULT_FRESHNESS)
    if expires := headers.get("Expires"):
        try:
            moment = email.utils.parsedate_to_datetime(expires)
        except (TypeError, ValueError):
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return max(moment, now + DEFAULT_FRESHNESS)
    return now + DEFAULT_FRESHNESS


def _fallback(cached: CachedTile | None) -> str:
    return "showing the stored copy" if cached else "no stored copy"
