"""`est-desktop import` wired into the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale

from est_desktop.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_import_command_imports_once_and_says_what_it_did(tmp_path, capsys):
    source = FIXTURES / "crimes_bom_semicolon_crlf.csv"
    argv = ["import", str(source), "--data-dir", str(tmp_path)]
    assert main(argv) == 1  # two rows rejected, the rest imported
    first = capsys.readouterr().out
    assert "Nya: 7" in first and "Importerade: 7" in first
    assert main(argv) == 1
    assert "Redan importerade: 7" in capsys.readouterr().out


def test_an_unreadable_file_exits_2_with_a_message(tmp_path, capsys):
    junk = tmp_path / "junk.csv"
    junk.write_text("a;b\n1;2\n", "utf-8")
    assert main(["import", str(junk), "--data-dir", str(tmp_path)]) == 2
    assert "Kolumnerna känns inte igen" in capsys.readouterr().err


def test_the_import_command_speaks_the_language_asked_for(tmp_path, capsys):
    before = QLocale().name()
    source = FIXTURES / "crimes_bom_semicolon_crlf.csv"
    argv = ["import", str(source), "--data-dir", str(tmp_path), "--language", "en"]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "New: 7" in out and "Imported: 7" in out
    assert "Nya" not in out
    assert main(["import", str(source), "--data-dir", str(tmp_path)]) == 1
    assert "Redan importerade: 7" in capsys.readouterr().out  # Swedish again: nothing lingers
    assert QLocale().name() == before  # numbers and dates as before, too


def test_the_import_command_follows_the_language_of_the_settings(
    tmp_path, capsys, _user_settings_kept_aside
):
    from PySide6.QtCore import QSettings

    from est_desktop.ui.preferences import Preferences

    preferences = Preferences(QSettings("EST", "EST Desktop"))
    preferences.language = "en"
    preferences.settings.sync()
    try:
        missing = tmp_path / "missing.csv"
        assert main(["import", str(missing), "--data-dir", str(tmp_path)]) == 2
        assert "cannot be read" in capsys.readouterr().err
    finally:
        preferences.settings.remove("ui/language")
