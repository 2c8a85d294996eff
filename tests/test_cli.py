"""The headless commands of `est-desktop`."""

from est_desktop.cli import main
from est_desktop.store.database import Store
from est_desktop.store.incidents import IncidentFilter, IncidentRepository


def count_in(path):
    with Store.open(path) as store:
        return IncidentRepository(store).count(IncidentFilter())


def test_demo_data_fills_the_demo_store_and_never_the_real_one(tmp_path, capsys):
    assert main(["demo-data", "--count", "300", "--data-dir", str(tmp_path)]) == 0
    assert count_in(tmp_path / "est-demo.sqlite") == 300
    assert not (tmp_path / "est.sqlite").exists()
    assert "300" in capsys.readouterr().out


def test_demo_data_refuses_to_add_to_a_filled_demo_store_without_replace(tmp_path, capsys):
    main(["demo-data", "--count", "50", "--data-dir", str(tmp_path)])
    assert main(["demo-data", "--count", "80", "--data-dir", str(tmp_path)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert count_in(tmp_path / "est-demo.sqlite") == 50
    assert main(["demo-data", "--count", "80", "--data-dir", str(tmp_path), "--replace"]) == 0
    assert count_in(tmp_path / "est-demo.sqlite") == 80


def test_demo_data_rejects_a_count_below_one(tmp_path, capsys):
    assert main(["demo-data", "--count", "0", "--data-dir", str(tmp_path)]) == 2
    assert "--count" in capsys.readouterr().err


def test_demo_data_reports_a_store_it_cannot_open(tmp_path, capsys):
    (tmp_path / "est-demo.sqlite").write_text("not a database")
    assert main(["demo-data", "--count", "5", "--data-dir", str(tmp_path)]) == 2
    assert "inte ett EST-datalager" in capsys.readouterr().err
    assert (tmp_path / "est-demo.sqlite").read_text() == "not a database"
