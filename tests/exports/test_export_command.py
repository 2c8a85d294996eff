"""`est-desktop export` from the command line."""

from __future__ import annotations

import csv
import json

from est_desktop.cli import main
from est_desktop.demo_data import fill_demo_store
from est_desktop.store.database import Store


def test_the_aggregated_export_is_written_from_the_command_line(tmp_path, capsys):
    with Store.open(tmp_path / "est-demo.sqlite") as store:
        fill_demo_store(store, 2_000)
    out = tmp_path / "antal.csv"
    assert main(["export", "--demo", "--data-dir", str(tmp_path), "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][0] == "Distrikt"
    assert all(row[-1] == "<3" or row[-1] == "X" or row[-1].isdigit() for row in rows[1:])
    assert "Skrev" in capsys.readouterr().out

    geo = tmp_path / "antal.geojson"
    argv = ["export", "--demo", "--data-dir", str(tmp_path), "--format", "geojson"]
    assert main([*argv, "--by", "cell", "--out", str(geo)]) == 0
    assert json.loads(geo.read_text("utf-8"))["type"] == "FeatureCollection"


def test_free_text_is_refused_in_an_aggregated_export(tmp_path, capsys):
    with Store.open(tmp_path / "est-demo.sqlite") as store:
        fill_demo_store(store, 50)
    argv = ["export", "--demo", "--data-dir", str(tmp_path), "--out", str(tmp_path / "x.csv")]
    assert main([*argv, "--include-free-text"]) == 2
    assert capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
