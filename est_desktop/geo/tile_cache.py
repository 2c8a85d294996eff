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

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's image, or None when it is neither cached nor reachable."""
        cached = self._cache.get(z, x, y)
        now = self._clock()
        if cached is not None and cached.fresh(now):
            return cached.data
        headers = {"If-None-Match": cached.etag} if cached and cached.etag else {}
        try:
            answer = self._http.get(self._source.url(z, x, y), headers=headers, timeout=TIMEOUT)
        except requests.RequestException as exc:
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
