"""`est-desktop backup` and `est-desktop restore`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from est_desktop.backup_command import run_restore
from est_desktop.cli import main
from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from tests.store.records import draft, raw_count
from tests.store.test_backup import damaged_copy


def record(data_dir: Path, count: int = 1) -> None:
    with Store.open(data_dir / "est.sqlite") as store:
        service = IncidentService(
            store, Taxonomy.load(), lambda lat, lon: "hulta", lambda: Actor("anna", "bostader")
        )
        for _ in range(count):
            service.record(draft())


def only_backup(folder: Path) -> Path:
    (backup,) = [p for p in folder.iterdir() if "before-restore" not in p.name]
    return backup


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    record(tmp_path / "data", 2)
    return tmp_path / "data"


def test_backup_writes_a_checked_copy_even_while_the_store_is_open(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(data_dir / "est.sqlite"):  # the app is running
        assert main(["backup", "--data-dir", str(data_dir), "--to", str(tmp_path / "b")]) == 0
    backup = only_backup(tmp_path / "b")
    assert raw_count(backup, "incidents") == 2
    out = capsys.readouterr().out
    assert str(backup) in out and "2 händelser" in out
    assert main(["backup", "--data-dir", str(data_dir), "--to", str(tmp_path / "b"), "--list"]) == 0
    assert str(backup) in capsys.readouterr().out


def test_backup_goes_to_the_data_folder_by_default(data_dir: Path) -> None:
    assert main(["backup", "--data-dir", str(data_dir)]) == 0
    assert raw_count(only_backup(data_dir / "backups"), "incidents") == 2


def test_backup_of_a_missing_store_says_so(tmp_path: Path, capsys) -> None:
    assert main(["backup", "--data-dir", str(tmp_path / "empty")]) == 2
    assert "inget datalager" in capsys.readouterr().err


def test_restore_refuses_without_yes_when_nobody_can_answer(data_dir: Path, capsys) -> None:
    main(["backup", "--data-dir", str(data_dir)])
    backup = only_backup(data_dir / "backups")
    record(data_dir)
    assert main(["restore", str(backup), "--data-dir", str(data_dir)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert raw_count(data_dir / "est.sqlite", "incidents") == 3


def test_restore_with_yes_says_what_is_lost_and_keeps_a_safety_copy(data_dir: Path, capsys) -> None:
    main(["backup", "--data-dir", str(data_dir)])
    backup = only_backup(data_dir / "backups")
    record(data_dir)
    capsys.readouterr()

    assert main(["restore", str(backup), "--data-dir", str(data_dir), "--yes"]) == 0

    out = capsys.readouterr().out
    assert "1 händelser sparade efter" in out and "1 ändringar som ännu inte" in out
    assert raw_count(data_dir / "est.sqlite", "incidents") == 2
    (safety,) = (data_dir / "backups").glob("*before-restore.sqlite")
    assert raw_count(safety, "incidents") == 3 and str(safety) in out


def test_restore_asks_in_a_terminal_and_a_no_changes_nothing(data_dir: Path) -> None:
    main(["backup", "--data-dir", str(data_dir)])
    backup = only_backup(data_dir / "backups")
    record(data_dir)
    asked: list[str] = []

    def answer(word: str):
        return lambda prompt: asked.append(prompt) or word

    code = run_restore(data_dir, False, backup, yes=False, interactive=True, ask=answer("nej"))
    assert code == 1 and raw_count(data_dir / "est.sqlite", "incidents") == 3
    code = run_restore(data_dir, False, backup, yes=False, interactive=True, ask=answer("ja"))
    assert code == 0 and raw_count(data_dir / "est.sqlite", "incidents") == 2
    assert len(asked) == 2


def test_restore_refuses_while_the_app_has_the_store_open(data_dir: Path, capsys) -> None:
    main(["backup", "--data-dir", str(data_dir)])
    backup = only_backup(data_dir / "backups")
    with Store.open(data_dir / "est.sqlite"):
        # Another process, as the app would be: the lock is per open file, not per process.
        command = ["restore", str(backup), "--data-dir", str(data_dir), "--yes"]
        result = subprocess.run(
            [sys.executable, "-m", "est_desktop.cli", *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1, result.stderr
    assert "används" in result.stderr and "Inget har ändrats" in result.stderr


def test_restore_replaces_a_damaged_store(data_dir: Path, capsys) -> None:
    main(["backup", "--data-dir", str(data_dir)])
    backup = only_backup(data_dir / "backups")
    store_file = data_dir / "est.sqlite"
    damaged_copy(store_file, store_file, "incidents")
    assert main(["restore", str(backup), "--data-dir", str(data_dir), "--yes"]) == 0
    assert "skadat" in capsys.readouterr().out
    assert raw_count(store_file, "incidents") == 2


def test_restore_refuses_a_file_that_is_not_a_backup(data_dir: Path, tmp_path: Path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("inte en databas")
    assert main(["restore", str(other), "--data-dir", str(data_dir), "--yes"]) == 2
    assert "ingen säkerhetskopia" in capsys.readouterr().err
    assert raw_count(data_dir / "est.sqlite", "incidents") == 2
