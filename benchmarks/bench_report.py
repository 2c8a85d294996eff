"""The district summary for 5,000 incidents in the period, in a store of 1,000,000.

Run by hand:  .venv/bin/python benchmarks/bench_report.py [--rows 1000000] [--in-period 5000]

A store of demo incidents (made once, in a temporary folder), then one quarter-like period in
one district holding about `--in-period` incidents: the district summary written as PDF through
the same path as `est-desktop report`, with the time of each part (reading the store, the
analysis, the map picture, the document) printed. Target: under 3 s in all.

Baseline, measured in the same run: reading the same period's incidents into numpy arrays and
writing their count in a one-page PDF, i.e. what a report costs before it analyses or draws
anything.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from est_desktop.demo_data import DEFAULT_END, fill_demo_store
from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex, load_places
from est_desktop.maps.scheme import register_scheme
from est_desktop.report_builder import ReportBuilder, ReportKind, ReportRequest
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incidents import IncidentRepository

TARGET_S = 3.0
DISTRICT = "hulta"


def main() -> int:
    args = _arguments()
    register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    with tempfile.TemporaryDirectory(prefix="est-bench-report-") as tmp:
        work = Path(tmp)
        store = Store.open(work / "est.sqlite")
        try:
            start = time.perf_counter()
            fill_demo_store(store, args.rows, end=DEFAULT_END)
            print(f"  store of {args.rows:,} incidents made in {time.perf_counter() - start:.0f} s")
            request = _request_with(store, args.in_period)
            builder = ReportBuilder(
                store, Taxonomy.load(), DistrictLookup.default(), PlaceIndex(load_places())
            )
            in_period = len(incident_sample(store, _where(request)))
            start = time.perf_counter()
            pages = builder.write_pdf(request, work / "summary.pdf")
            total = time.perf_counter() - start
            base = _baseline(store, request, work / "baseline.pdf")
        finally:
            store.close()
    parts = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in builder.timings.parts.items())
    passed = total < TARGET_S
    print(
        f"  district summary of {in_period:,} incidents ({request.first}–{request.last}, "
        f"{DISTRICT}) in a store of {args.rows:,}: {total:.2f} s, {pages} pages ({parts})"
    )
    print(
        f"  baseline (read the period, one-page PDF with its count): {base:.2f} s; "
        f"the summary takes {total / base:.1f}× that; target < {TARGET_S:.0f} s "
        f"{'PASS' if passed else 'MISS'}"
    )
    return 0 if passed else 1


def _request_with(store: Store, wanted: int) -> ReportRequest:
    """A period ending at the demo data's last day, grown until it holds `wanted` incidents of
    the district."""
    last = (DEFAULT_END - timedelta(days=1)).date()
    days = 7
    while True:
        request = ReportRequest(
            ReportKind.SUMMARY, last - timedelta(days=days - 1), last, districts=(DISTRICT,)
        )
        if IncidentRepository(store).count(_where(request)) >= wanted or days > 3 * 365:
            return request
        days = int(days * 1.3) + 1


def _where(request: ReportRequest) -> IncidentFilter:
    from est_desktop.analysis.breakdown import period

    chosen = period(request.first, request.last)
    return IncidentFilter(
        start=chosen.start, end=chosen.end, districts=frozenset(request.districts)
    )


def _baseline(store: Store, request: ReportRequest, path: Path) -> float:
    start = time.perf_counter()
    count = len(incident_sample(store, _where(request)))
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
        )
    )
    painter = QPainter(writer)
    painter.drawText(200, 200, f"{count} händelser")
    painter.end()
    return time.perf_counter() - start


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--in-period", type=int, default=5_000)
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
