"""Reports that show police records are noted for the audit log, with how many incidents they
count; others are not."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from est_desktop.data_files import demo_end
from est_desktop.demo_data import fill_demo_store
from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex, load_places
from est_desktop.report_builder import ReportBuilder, ReportKind, ReportRequest
from est_desktop.report_log import PDF, PRINTED, note_report
from est_desktop.store.database import Store
from est_desktop.store.export_log import waiting_reports
from est_desktop.store.incident_bulk import insert_drafts


def test_a_printed_report_with_police_records_is_noted_with_its_count(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite") as store:
        fill_demo_store(store, 500, end=demo_end())
        builder = ReportBuilder(
            store, Taxonomy.load(), DistrictLookup.default(), PlaceIndex(load_places())
        )
        last = (demo_end() - timedelta(days=1)).date()
        request = ReportRequest(ReportKind.WEEKLY, first=last - timedelta(days=6), last=last)
        built = builder.build(request)

        assert note_report(store, built, PDF, police=False) is None
        report_id = note_report(store, built, PRINTED, police=True)

        [waiting] = waiting_reports(store)
        assert waiting.report_id == report_id
        assert waiting.as_wire() | {"report_id": None} == {
            "report_id": None,
            "kind": "report",
            "format": "print",
            "count": built.content.total.current,
            "free_text": False,
            "police": True,
        }


def test_the_builder_says_whether_police_records_count_in_the_report(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from est_desktop.domain.incident import IncidentDraft, Source

    last = (demo_end() - timedelta(days=1)).date()
    request = ReportRequest(ReportKind.WEEKLY, first=last - timedelta(days=6), last=last)
    with Store.open(tmp_path / "store.sqlite") as store:
        fill_demo_store(store, 300, end=demo_end())
        builder = ReportBuilder(
            store, Taxonomy.load(), DistrictLookup.default(), PlaceIndex(load_places())
        )
        staff_only = builder.build(request)
        police = IncidentDraft(
            occurred_at=datetime(last.year, last.month, last.day, 12, tzinfo=UTC),
            category="misshandel",
            lat=57.7246,
            lon=12.9830,
            source=Source.POLICE,
            external_id="K1-1",
        )
        with store.transaction() as conn:
            store_ids = insert_drafts(
                conn,
                [police],
                ["hulta"],
                organisation="polisen",
                by="analyst",
                at=datetime.now(UTC),
            )
        with_police = builder.build(request)

    assert store_ids
    assert staff_only.police is False
    assert with_police.police is True
