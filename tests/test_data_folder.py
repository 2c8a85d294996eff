"""Copying the data folder to a new place: whole stores (WAL included), nothing overwritten,
nothing taken from the old folder."""

from __future__ import annotations

from pathlib import Path

from est_desktop.data_folder import copy_data_folder, has_store
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from tests.store.records import draft


def test_a_store_still_open_is_copied_with_what_its_wal_holds(service, tmp_path):
    service.record(draft())  # the store stays open: the record may sit in the WAL only
    old = Path(service.store.path).parent
    new = tmp_path / "new"

    copied = copy_data_folder(old, new)

    assert "est.sqlite" in copied and has_store(new) and has_store(old)
    with Store.open(new / "est.sqlite") as copy:
        assert IncidentRepository(copy).count(IncidentFilter()) == 1
    assert not list(new.glob("*.copying"))


def test_files_the_new_folder_has_are_left_alone(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    with Store.open(old / "est.sqlite"):
        pass
    (old / "tokens.json").write_text('{"old": "token"}')
    new.mkdir()
    (new / "tokens.json").write_text('{"new": "token"}')

    copied = copy_data_folder(old, new)

    assert copied == ["est.sqlite"]
    assert (new / "tokens.json").read_text() == '{"new": "token"}'
    assert (old / "tokens.json").read_text() == '{"old": "token"}'
