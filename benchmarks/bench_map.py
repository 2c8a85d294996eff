"""The map with 1,000, 10,000 and 100,000 incidents in view: from data to "map ready".

Run by hand:  .venv/bin/python benchmarks/bench_map.py [--counts 1000 10000 100000]

For each count, a store of demo incidents and the real MapPanel (offscreen Qt WebEngine, no
tiles): the time from asking for the incidents to the page reporting them all clustered and
shown, with the Python side (reading the store, colours, hotspots, the binary array) timed
separately. Target: under 2 s for 100,000.

Baseline, measured in the same run: the page the way folium makes it out of the box, one
Python-made `folium.Marker` per incident in folium's own MarkerCluster (its scripts served
locally too), from building the page to the page loaded. It is measured up to 10,000
incidents: at 100,000 it would take minutes, which is why the map does not work that way.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

import folium
import shiboken6
from folium.plugins import MarkerCluster
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from est_desktop.app import build_service
from est_desktop.demo_data import fill_demo_store
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.maps import assets
from est_desktop.maps.page import PAGE_URL, TILE_URL, asset_url
from est_desktop.maps.scheme import MapSchemeHandler, register_scheme
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.ui.map_panel import MapPanel
from est_desktop.ui.preferences import Preferences

TARGET_100K_S = 2.0
BASELINE_MAX = 10_000
TIMEOUT_S = 120


def main() -> int:
    args = _arguments()
    register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])
    ok = True
    with tempfile.TemporaryDirectory(prefix="est-bench-map-") as tmp:
        for count in args.counts:
            ok &= _run(app, Path(tmp), count)
    print("\nALL PASS" if ok else "\nSOME TARGETS MISSED")
    return 0 if ok else 1


def _run(app: QApplication, tmp: Path, count: int) -> bool:
    store = Store.open(tmp / f"map-{count}.sqlite")
    try:
        fill_demo_store(store, count)
        prefs = Preferences(QSettings(str(tmp / f"prefs-{count}.ini"), QSettings.Format.IniFormat))
        prefs.map_hidden_layers = []  # every layer on: hotspots are part of the cost
        service = build_service(store, prefs)
        panel = MapPanel(service, DistrictLookup.default(), prefs)
        panel.resize(1200, 800)
        panel.show()
        _wait(lambda: panel.ready and panel.status.text().endswith("kartan"))
        shown = len(IncidentRepository(store).map_points(IncidentFilter()))

        start = time.perf_counter()
        panel.read_data(IncidentFilter())
        python_s = time.perf_counter() - start

        seen: list[int] = []
        panel.points_shown.connect(seen.append)
        start = time.perf_counter()
        panel.reload_now()
        _wait(lambda: bool(seen))
        ready_s = time.perf_counter() - start
        assert seen[-1] == shown, f"the page holds {seen[-1]} of {shown}"
        panel.close()
        shiboken6.delete(panel)

        line = (
            f"  {count:>7,} incidents ({shown:,} on the map): ready in {ready_s:.2f} s "
            f"(Python side {python_s:.2f} s, page {ready_s - python_s:.2f} s)"
        )
        if count <= BASELINE_MAX:
            base_s = _naive_folium(store, tmp)
            line += f"; baseline folium markers {base_s:.2f} s, {base_s / ready_s:.1f}× slower"
        else:
            line += "; baseline folium markers not run (minutes at this size)"
        passed = count < 100_000 or ready_s < TARGET_100K_S
        if count >= 100_000:
            line += f"; target < {TARGET_100K_S:.0f} s {'PASS' if passed else 'MISS'}"
        print(line, flush=True)
        return passed
    finally:
        store.close()


def _naive_folium(store: Store, tmp: Path) -> float:
    """Build a folium page with one Marker per incident and load it; seconds to loaded."""
    start = time.perf_counter()
    points = IncidentRepository(store).map_points(IncidentFilter())
    fmap = folium.Map(location=[57.73, 12.96], zoom_start=13, tiles=None)
    folium.TileLayer(TILE_URL, attr="-", max_zoom=19).add_to(fmap)  # markercluster needs one
    fmap.default_js = [("leaflet", asset_url(assets.LEAFLET_JS))]
    fmap.default_css = [("leaflet_css", asset_url(assets.LEAFLET_CSS))]
    cluster = MarkerCluster()
    cluster.default_js = [("markercluster", asset_url(assets.MARKERCLUSTER_JS))]
    cluster.default_css = [(f"mc{i}", asset_url(p)) for i, p in enumerate(assets.MARKERCLUSTER_CSS)]
    cluster.add_to(fmap)
    for lat, lon in zip(points.lat.tolist(), points.lon.tolist(), strict=True):
        folium.CircleMarker([lat, lon], radius=6).add_to(cluster)
    html = fmap.get_root().render()

    handler = MapSchemeHandler()
    handler.set_page(html)
    view = QWebEngineView()
    profile = QWebEngineProfile()
    profile.installUrlSchemeHandler(b"estmap", handler)
    page = QWebEnginePage(profile, view)
    view.setPage(page)
    view.resize(1200, 800)
    view.show()
    loaded: list[bool] = []
    page.loadFinished.connect(loaded.append)
    page.load(QUrl(PAGE_URL))
    _wait(lambda: bool(loaded))
    seconds = time.perf_counter() - start
    view.close()
    shiboken6.delete(view)  # the page before its profile
    return seconds


def _wait(condition, timeout_s: float = TIMEOUT_S) -> None:
    loop_until = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > loop_until:
            raise TimeoutError("the map did not get ready")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QTimer.singleShot(0, lambda: None)
        time.sleep(0.002)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
