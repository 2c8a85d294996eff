"""A picture of the map, made off screen: for printed summaries and the headless report command.

The same page as the interactive map (page.py, est_map.js), loaded in a web view that is never
shown, with the data handed over directly instead of through the app's channel. Needs a
QApplication, made after `scheme.register_scheme()`.
"""

from __future__ import annotations

import json
import time

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, Qt, QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

from est_desktop.maps.content import MapData
from est_desktop.maps.page import PAGE_URL, SCHEME, MapPage, build_page
from est_desktop.maps.scheme import MapSchemeHandler, TileProvider

PAINT_SETTLE_MS = 250  # the canvas and the last tiles drawn after the page says it is done
POLL_MS = 25


class SnapshotError(RuntimeError):
    """The map could not be drawn in time (the report says so instead of showing a map)."""


def render_map_png(
    page: MapPage,
    data: MapData,
    *,
    size: tuple[int, int] = (1400, 1000),
    bounds: tuple[float, float, float, float] | None = None,
    tiles: TileProvider | None = None,
    zoom: float = 1.0,
    timeout_s: float = 20.0,
) -> bytes:
    """The map with `data` as a PNG, fitted to `bounds` (south, west, north, east) if given.
    `zoom` enlarges the page's text and markers (a picture shrunk onto paper needs it)."""
    handler = MapSchemeHandler(tiles)
    handler.set_page(build_page(page))
    handler.set_points(data.payload)
    profile = QWebEngineProfile()
    profile.installUrlSchemeHandler(SCHEME.encode(), handler)
    view = QWebEngineView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    web_page = QWebEnginePage(profile, view)
    view.setPage(web_page)
    web_page.setZoomFactor(zoom)
    view.resize(*size)
    view.show()
    try:
        deadline = time.monotonic() + timeout_s
        loaded = _wait_for_load(web_page, deadline)
        if not loaded:
            raise SnapshotError("the map page did not load")
        arguments = ", ".join(
            json.dumps(a) for a in (f"{SCHEME}://app/points.bin", data.hotspots, data.measures)
        )
        script = f"EstMap.loadPoints({arguments});"
        if bounds is not None:
            script += f"EstMap.fitBounds({json.dumps(list(bounds))}, true);"
        web_page.runJavaScript(script, 0)
        state = "JSON.stringify([EstMap.pointCount(), EstMap.tilesIdle()])"
        while True:
            shown, idle = json.loads(_evaluate(web_page, state, deadline) or "[-1, false]")
            if shown == data.count and idle:
                break
            _pause(POLL_MS)
            if time.monotonic() > deadline:
                raise SnapshotError("the map was not drawn in time")
        _pause(PAINT_SETTLE_MS)
        return _png(view)
    finally:
        handler.shutdown()
        view.close()
        shiboken6.delete(view)  # the page, its child, before the profile
        shiboken6.delete(profile)


def _wait_for_load(page: QWebEnginePage, deadline: float) -> bool:
    result: list[bool] = []
    page.loadFinished.connect(result.append)
    page.load(QUrl(PAGE_URL))
    while not result and time.monotonic() < deadline:
        _pause(POLL_MS)
    return bool(result and result[0])


def _evaluate(page: QWebEnginePage, script: str, deadline: float) -> str | None:
    answers: list[object] = []
    page.runJavaScript(script, 0, answers.append)
    while not answers and time.monotonic() < deadline:
        _pause(10)
    return str(answers[0]) if answers and answers[0] is not None else None


def _pause(ms: int) -> None:
    """Let Qt work (the page lives in another process and answers through events)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _png(view: QWebEngineView) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    view.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
