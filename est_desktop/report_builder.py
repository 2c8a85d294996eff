"""The printed summaries made from the store: the analysis, the map picture and the document
together. The report dialog and the headless `est-desktop report` both use it.

Like app.py it builds pieces from several layers (store, analysis, maps, reports); each of
those stays plain: data in, a summary, a picture or a document out.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtGui import QPagedPaintDevice

from est_desktop.analysis.breakdown import period
from est_desktop.analysis.follow_up import follow_up
from est_desktop.analysis.results import DistrictSummary, MeasureLine, WeeklyPicture
from est_desktop.analysis.summary import sample_windows, summarise
from est_desktop.analysis.weekly import weekly_periods, weekly_picture
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.domain.measure import Measure, MeasureStatus
from est_desktop.domain.organisations import responsible_label
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex
from est_desktop.maps.content import MapData, map_data, map_page, page_texts
from est_desktop.maps.page import MapPage
from est_desktop.maps.scheme import TileProvider
from est_desktop.maps.snapshot import SnapshotError, render_map_png
from est_desktop.reports import district_summary, feedback
from est_desktop.reports import weekly as weekly_document
from est_desktop.reports.report_info import ReportInfo
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.measures import MeasureRepository

log = logging.getLogger(__name__)

# Pixels of the map picture: about 150 dpi across an A4 text column, so the legend, names and
# markers print at a readable size (a larger picture would shrink them).
MAP_SIZE = (1050, 720)


class ReportKind(StrEnum):
    SUMMARY = "summary"  # the district summary for a period
    WEEKLY = "weekly"  # veckans lägesbild
    FEEDBACK = "feedback"  # one page back to the staff who reported


_DOCUMENTS = {
    ReportKind.SUMMARY: district_summary,
    ReportKind.WEEKLY: weekly_document,
    ReportKind.FEEDBACK: feedback,
}


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    first: date
    last: date  # inclusive; the weekly picture ends on this day
    districts: tuple[str, ...] = ()  # codes; empty: all
    categories: tuple[str, ...] = ()
    assessment: str = ""  # the analyst's own words
    made_by: str = ""


@dataclass
class Timings:
    """Seconds spent in each part of the last report (printed by the benchmark)."""

    parts: dict[str, float] = field(default_factory=dict)

    def measure(self, name: str, work: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        try:
            return work()
        finally:
            self.parts[name] = self.parts.get(name, 0.0) + time.perf_counter() - start


# Called between the steps of gathering a report: (steps done, steps in all).
StepCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class MapInputs:
    """The map picture's page, data and extent, ready to draw."""

    page: MapPage
    data: MapData
    bounds: tuple[float, float, float, float]


@dataclass(frozen=True)
class Gathered:
    """A report's content before its map picture is drawn (made off the UI thread)."""

    request: ReportRequest
    content: DistrictSummary | WeeklyPicture
    map_inputs: MapInputs | None
    police: bool = False  # police records count in it: printing or saving it is audited


@dataclass(frozen=True)
class BuiltReport:
    """A report's content, made once; painted for the preview, the printer or a PDF."""

    kind: ReportKind
    content: DistrictSummary | WeeklyPicture
    info: ReportInfo
    police: bool = False  # police records count in it (report_log.py notes it when printed)

    @property
    def map_png(self) -> bytes | None:
        return self.info.map_png


class ReportBuilder:
    def __init__(
        self,
        store: Store,
        taxonomy: Taxonomy,
        districts: DistrictLookup,
        places: PlaceIndex,
        *,
        tiles: TileProvider | None = None,
        today: Callable[[], date] = lambda: datetime.now(LOCAL_TZ).date(),
    ) -> None:
        self._store = store
        self._taxonomy = taxonomy
        self._districts = districts
        self._places = places
        self._tiles = tiles
        self._today = today
        self.timings = Timings()
        self._read_police = False  # whether the last analysis read police records

    @property
    def store(self) -> Store:
        return self._store

    # -- the document -----------------------------------------------------------------------

    def build(self, request: ReportRequest) -> BuiltReport:
        """The analysis (and for the district summary the map picture) behind a report."""
        return self.finish(self.gather(request))

    def gather(self, request: ReportRequest, on_step: StepCallback | None = None) -> Gathered:
        """Everything but the map picture: reading, analysis, the map's data. Any thread (the
        dialog runs it on a worker). `on_step(done, total)` is called between the steps; it may
        raise to stop the work there."""
        self.timings = Timings()
        step = on_step or (lambda done, total: None)
        step(0, 2)
        if request.kind is ReportKind.WEEKLY:
            content: DistrictSummary | WeeklyPicture = self.weekly(request)
        else:
            content = self.district_summary(request)
        police = self._read_police  # set by the analysis just made
        step(1, 2)
        inputs = self.map_inputs(request) if request.kind is ReportKind.SUMMARY else None
        step(2, 2)
        return Gathered(request, content, inputs, police)

    def finish(self, gathered: Gathered) -> BuiltReport:
        """The map picture drawn (the UI thread: WebEngine lives there) and the report made."""
        request = gathered.request
        map_png = self.render_map(gathered.map_inputs) if gathered.map_inputs else None
        info = ReportInfo(
            made_by=request.made_by,
            made_at=self._today(),
            data_until=min(request.last, self._today()),
            assessment=request.assessment,
            map_png=map_png,
        )
        return BuiltReport(request.kind, gathered.content, info, gathered.police)

    def paint(self, built: BuiltReport, device: QPagedPaintDevice) -> int:
        """Paint on a printer (or the preview's); the number of pages."""
        module = _DOCUMENTS[built.kind]
        return self.timings.measure(
            "document", lambda: module.build(built.content, built.info).paint(device)
        )

    def write_built(self, built: BuiltReport, path: Path) -> int:
        """Write as a PDF file; the number of pages."""
        module = _DOCUMENTS[built.kind]
        return self.timings.measure(
            "document", lambda: module.build(built.content, built.info).write_pdf(path)
        )

    def write_pdf(self, request: ReportRequest, path: Path) -> int:
        return self.write_built(self.build(request), path)

    # -- the analysis -----------------------------------------------------------------------

    def district_summary(self, request: ReportRequest) -> DistrictSummary:
        chosen = period(request.first, request.last)
        where = IncidentFilter(
            districts=frozenset(request.districts), categories=frozenset(request.categories)
        )
        windows = sample_windows(chosen)
        sample = self.timings.measure(
            "read", lambda: incident_sample(self._store, where, windows=windows)
        )
        measures = self._measure_lines(request.districts, request.first, request.last)
        self._read_police = police = bool(np.any(sample.source == "police"))
        return self.timings.measure(
            "analysis",
            lambda: summarise(
                sample,
                chosen,
                districts=request.districts,
                categories=request.categories,
                taxonomy=self._taxonomy,
                places=self._places,
                district_lookup=self._districts,
                include_police=police,
                measures=measures,
            ),
        )

    def weekly(self, request: ReportRequest) -> WeeklyPicture:
        week, before = weekly_periods(request.last)
        where = IncidentFilter(
            start=before.start, end=week.end, categories=frozenset(request.categories)
        )
        sample = self.timings.measure("read", lambda: incident_sample(self._store, where))
        measures = self._measure_lines((), request.last, request.last)
        self._read_police = police = bool(np.any(sample.source == "police"))
        return self.timings.measure(
            "analysis",
            lambda: weekly_picture(
                sample,
                request.last,
                district_lookup=self._districts,
                taxonomy=self._taxonomy,
                places=self._places,
                include_police=police,
                measures=measures,
            ),
        )

    # -- the map picture --------------------------------------------------------------------

    def map_png(self, request: ReportRequest) -> bytes | None:
        """The period's incidents and hotspots on the map of the district(s); None (logged)
        when the map cannot be drawn: the report says so rather than failing."""
        return self.render_map(self.map_inputs(request))

    def map_inputs(self, request: ReportRequest) -> MapInputs:
        """What the map picture shows, read and packed; any thread."""
        chosen = period(request.first, request.last)
        where = IncidentFilter(
            start=chosen.start,
            end=chosen.end,
            districts=frozenset(request.districts),
            categories=frozenset(request.categories),
        )

        def read() -> MapInputs:
            points = IncidentRepository(self._store).map_points(where)
            measures = MeasureRepository(self._store).live()
            page = map_page(
                self._taxonomy,
                self._districts,
                texts=page_texts(offline_note=False),
                attribution="© OpenStreetMap",
            )
            return MapInputs(
                replace(page, controls=False),
                map_data(points, self._taxonomy, measures=measures),
                self._bounds(request.districts),
            )

        return self.timings.measure("map data", read)

    def render_map(self, inputs: MapInputs) -> bytes | None:
        """The map picture (UI thread); None (logged) when it cannot be drawn."""

        def draw() -> bytes | None:
            try:
                return render_map_png(
                    inputs.page,
                    inputs.data,
                    size=MAP_SIZE,
                    bounds=inputs.bounds,
                    tiles=self._tiles,
                )
            except SnapshotError as exc:
                log.warning("map picture for the report not made: %s", exc)
                return None

        return self.timings.measure("map", draw)

    def _bounds(self, codes: Sequence[str]) -> tuple[float, float, float, float]:
        if not codes:
            return self._districts.bounds()
        boxes = [self._districts.bounds(code) for code in codes if code != "ovriga"]
        if not boxes:
            return self._districts.bounds()
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    # -- measures ---------------------------------------------------------------------------

    def _measure_lines(
        self, districts: Sequence[str], first: date, last: date
    ) -> tuple[MeasureLine, ...]:
        """The measures under way in the district(s) at some time in the period."""

        def relevant(measure: Measure) -> bool:
            draft = measure.draft
            if draft.status is MeasureStatus.DONE or (
                districts and draft.district not in districts
            ):
                return False
            started = draft.start_date is None or draft.start_date <= last
            return started and (draft.end_date is None or draft.end_date >= first)

        return tuple(
            MeasureLine(
                title=m.draft.title,
                status=m.draft.status.value,
                start=m.draft.start_date,
                end=m.draft.end_date,
                district=self._districts.name_of(m.draft.district) if m.draft.district else "",
                responsible=responsible_label(m.draft.responsible_organisation),
                follow_up=self._follow_up_text(m),
            )
            for m in MeasureRepository(self._store).live()
            if relevant(m)
        )

    def _follow_up_text(self, measure: Measure) -> str:
        """The measure's follow-up so far in words; "" when it cannot be made yet (not begun a
        full day, nowhere to count)."""
        today, start = self._today(), measure.draft.start_date
        if start is None or start >= today:
            return ""
        before = start - (today - start)
        # Against the control area picked for it on this PC, if any (it may lie outside the
        # measure's district), else the rest of the district; the text names which.
        control = MeasureRepository(self._store).control_area(measure.id)
        where = IncidentFilter(
            start=period(before, today).start,
            end=period(before, today).end,
            districts=frozenset({measure.draft.district})
            if measure.draft.district and control is None
            else frozenset(),
        )
        sample = incident_sample(self._store, where)
        try:
            found = follow_up(
                sample,
                measure,
                district_lookup=self._districts,
                control=control or "district",
                today=today,
            )
        except ValueError:
            return ""
        return found.summary
