"""The `estmap://` URL scheme: how the web view gets the map page, its assets, the incidents and
the tiles from this PC, never from the internet.

- `estmap://app/index.html`: the page; `estmap://app/points.bin`: the incidents (payload.py);
  `estmap://app/<prefix>/<file>`: Leaflet, markercluster, our script and style (assets.py), and
  Qt's qwebchannel.js.
- `estmap://tiles/{z}/{x}/{y}.png`: base map tiles from a provider (the tile cache, which may ask
  the tile server), fetched on a pool thread so a slow network never blocks the window.

`register_scheme()` must run before the QApplication is made (Qt's rule for custom schemes).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QFile, QIODevice, QObject, QRunnable, QThreadPool
from PySide6.QtCore import Signal as _Signal
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from est_desktop.maps import assets
from est_desktop.maps.page import SCHEME

TileProvider = Callable[[int, int, int], bytes | None]  # z, x, y → PNG bytes or None

_TILE_PATH = re.compile(r"^/(\d{1,2})/(\d{1,7})/(\d{1,7})\.png$")
_QWEBCHANNEL = ":/qtwebchannel/qwebchannel.js"
TILE_THREADS = 4  # a few tiles at once, as a browser would; more would be unkind to OSM


def register_scheme() -> None:
    """Declare `estmap://` to Qt WebEngine; once, before the QApplication exists."""
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


class _TileDone(QObject):
    ready = _Signal(object, object)  # job, bytes or None


class _TileTask(QRunnable):
    def __init__(self, provider: TileProvider, job: QWebEngineUrlRequestJob, zxy, done) -> None:
        super().__init__()
        self._provider, self._job, self._zxy, self._done = provider, job, zxy, done

    def run(self) -> None:
        try:
            data = self._provider(*self._zxy)
        except Exception:  # a broken tile source shows as a missing tile, not a crash
            data = None
        self._done.ready.emit(self._job, data)


class MapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers every `estmap://` request of one web profile."""

    def __init__(self, tiles: TileProvider | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tiles = tiles
        self._page = b""
        self._points = b""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(TILE_THREADS)
        self._done = _TileDone(self)
        self._done.ready.connect(self._reply_tile)  # queued: replies on the UI thread

    def set_page(self, html: str) -> None:
        self._page = html.encode("utf-8")

    def set_points(self, payload: bytes) -> None:
        self._points = payload

    def set_tiles(self, tiles: TileProvider | None) -> None:
        self._tiles = tiles

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        host, path = url.host(), url.path()
        if host == "tiles":
            self._start_tile(job, path)
            return
        if host != "app":
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        if path in ("/", "/index.html"):
            _reply(job, "text/html; charset=utf-8", self._page)
        elif path == "/points.bin":
            _reply(job, "application/octet-stream", self._points)
        elif path == "/" + assets.QWEBCHANNEL_JS:
            _reply(job, "text/javascript", _qt_resource(_QWEBCHANNEL))
        elif (file := assets.asset_file(path)) is not None:
            _reply(job, assets.content_type(path), file.read_bytes())
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def _start_tile(self, job: QWebEngineUrlRequestJob, path: str) -> None:
        match = _TILE_PATH.match(path)
        if self._tiles is None or match is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        zxy = tuple(int(part) for part in match.groups())
        self._pool.start(_TileTask(self._tiles, job, zxy, self._done))

    def _reply_tile(self, job: QWebEngineUrlRequestJob, data: bytes | None) -> None:
        if not shiboken6.isValid(job):  # the page no longer wants it (scrolled away, closed)
            return
        if data:
            _reply(job, "image/png", data)
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def shutdown(self) -> None:
        """Stop taking tile work and wait for what runs (at most one network timeout)."""
        self._tiles = None
        self._pool.clear()
        self._pool.waitForDone()


def _reply(job: QWebEngineUrlRequestJob, content_type: str, data: bytes) -> None:
    buffer = QBuffer(job)  # deleted with the job
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    job.reply(content_type.encode(), buffer)


def _qt_resource(path: str) -> bytes:
    source = QFile(path)
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        return b""
    try:
        return bytes(source.readAll().data())
    finally:
        source.close()
