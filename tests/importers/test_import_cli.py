"""`est-desktop import` wired into the command line."""

from __future__ import annotations

from pathlib import Path

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
