"""The headless commands of `est-desktop`."""

import pytest

from est_desktop import cli
from est_desktop.cli import main
from est_desktop.data_files import default_data_dir
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from tests.conftest import use_user_settings_in


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


@pytest.fixture
def user_settings(tmp_path, _user_settings_kept_aside):
    """The user's QSettings in a folder of this test's own."""
    from PySide6.QtCore import QSettings

    from est_desktop.ui.preferences import Preferences

    use_user_settings_in(tmp_path / "config")
    yield Preferences(QSettings("EST", "EST Desktop"))
    use_user_settings_in(_user_settings_kept_aside)


def test_commands_use_the_data_folder_chosen_in_the_settings(tmp_path, user_settings):
    assert cli._data_dir_of_settings() == default_data_dir()
    user_settings.data_folder = str(tmp_path / "moved")
    user_settings.settings.sync()
    assert cli._data_dir_of_settings() == tmp_path / "moved"


def test_commands_use_the_old_folder_while_a_move_waits_for_the_app(tmp_path, user_settings):
    user_settings.data_folder = str(tmp_path / "moved")
    user_settings.data_copy_from = str(tmp_path / "old")  # the app copies at its next start
    user_settings.settings.sync()
    assert cli._data_dir_of_settings() == tmp_path / "old"


@pytest.mark.parametrize(
    ("language", "phrase"), [("en", "the file to import"), ("sv", "filen som importeras")]
)
def test_help_is_in_the_language_asked_for_and_leaves_no_translation_behind(
    language, phrase, capsys
):
    from est_desktop.domain.language import current_language, translate

    with pytest.raises(SystemExit) as exit_:
        main(["--language", language, "import", "--help"])
    assert exit_.value.code == 0
    assert phrase in capsys.readouterr().out
    assert translate("Commands", "filen som importeras") == "filen som importeras"
    assert current_language() == "sv"


def test_a_bad_date_is_reported_in_the_language_given_after_the_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--out", "x.csv", "--from", "31/3", "--language=en"])
    assert exit_.value.code == 2
    assert "'31/3' is not a date: write YYYY-MM-DD" in capsys.readouterr().err
