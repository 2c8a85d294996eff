"""`est-desktop report`: the PDF made by a separate process with no window, as a scheduled task
on Monday morning would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest

from est_desktop.analysis.breakdown import period
from est_desktop.data_files import demo_end
from est_desktop.demo_data import fill_demo_store
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.remote_rows import store_measures

LAST = (demo_end() - timedelta(days=1)).date()
FIRST = LAST - timedelta(days=89)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report-data")
    with Store.open(folder / "est-demo.sqlite") as store:
        fill_demo_store(store, 4_000, end=demo_end())
    return folder


def run(data_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --disable-gpu"}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses off-screen drawing itself
    command = [sys.executable, "-m", "est_desktop", "report", "--demo", "--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, *arguments], capture_output=True, text=True, env=env, timeout=180
    )


def count(data_dir: Path, first: date, last: date, district: str) -> int:
    chosen = period(first, last)
    where = IncidentFilter(start=chosen.start, end=chosen.end, districts=frozenset({district}))
    with Store.open(data_dir / "est-demo.sqlite") as store:
        return IncidentRepository(store).count(where)


def test_the_district_summary_is_written_without_a_window(data_dir, tmp_path, read_pdf):
    out = tmp_path / "hulta.pdf"
    assessment = tmp_path / "bedomning.txt"
    assessment.write_text("Klottret vid torget har ökat; fler kameror föreslås.", "utf-8")
    done = run(
        data_dir,
        *("--district", "hulta", "--from", FIRST.isoformat(), "--to", LAST.isoformat()),
        *("--out", str(out), "--assessment-file", str(assessment), "--by", "Anna Svensson"),
    )
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    pages = read_pdf(out)
    assert 2 <= len(pages) <= 5
    text = " ".join(pages)
    assert "Hulta" in text and "Distriktssammanfattning" in text
    assert period(FIRST, LAST).label in text
    expected = count(data_dir, FIRST, LAST, "hulta")
    assert f"{expected:,}".replace(",", " ") in text or str(expected) in text
    assert f"Sida 1 av {len(pages)}" in text
    assert "Polisens uppgifter redovisas sammanställda" in text
    assert "fler kameror föreslås" in text
    assert "Anna Svensson" in text
    assert "Kartan kunde inte ritas" not in text


@pytest.mark.parametrize(
    ("kind", "most_pages", "title"),
    [
        ("weekly", 2, "Veckans lägesbild"),
        ("feedback", 1, "Återkoppling"),
    ],
)
def test_the_weekly_picture_and_the_feedback_page(
    data_dir, tmp_path, read_pdf, kind, most_pages, title
):
    out = tmp_path / f"{kind}.pdf"
    done = run(data_dir, "--kind", kind, "--to", LAST.isoformat(), "--out", str(out))
    assert done.returncode == 0, done.stderr
    pages = read_pdf(out)
    assert 1 <= len(pages) <= most_pages
    assert title in " ".join(pages)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--district", "atlantis"), "Okänt distrikt: atlantis"),
        (("--from", "2026-03-01", "--to", "2026-01-01"), "ligger efter"),
        (("--from", "2026-13-01"), "är inget datum"),
    ],
)
def test_bad_input_is_refused_with_a_message(data_dir, tmp_path, arguments, message):
    out = tmp_path / "x.pdf"
    done = run(data_dir, *arguments, "--out", str(out))
    assert done.returncode == 2
    assert message in done.stderr
    assert not out.exists()


def test_a_missing_store_is_said_plainly(tmp_path):
    done = run(tmp_path, "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert "Det finns inget datalager" in done.stderr


def test_the_summary_prints_how_a_measure_is_going(data_dir, tmp_path, read_pdf):
    # Runs last in this module: the measure it stores stays in the shared demo store.
    lat, lon = DistrictLookup.default().centroid("hulta")
    record = {
        "id": str(uuid.uuid4()),
        "title": "Belysning vid Hulta torg",
        "district": "hulta",
        "area": {
            "type": "Polygon",
            "coordinates": [
                [
                    [lon - 0.01, lat - 0.005],
                    [lon + 0.01, lat - 0.005],
                    [lon + 0.01, lat + 0.005],
                    [lon - 0.01, lat + 0.005],
                    [lon - 0.01, lat - 0.005],
                ]
            ],
        },
        "start_date": (LAST - timedelta(days=30)).isoformat(),
        "status": "ongoing",
        "revision": 1,
        "deleted": False,
    }
    with Store.open(data_dir / "est-demo.sqlite") as store, store.transaction() as conn:
        store_measures(conn, [(record["id"], 1, False, json.loads(json.dumps(record)))])
    out = tmp_path / "med-atgard.pdf"
    done = run(data_dir, "--district", "hulta", "--to", LAST.isoformat(), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = " ".join(read_pdf(out))
    assert "Belysning vid Hulta torg" in text
    assert "Uppföljning hittills" in text
    assert "kontrollområde" in text or "För få händelser" in text
