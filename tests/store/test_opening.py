"""Opening a store file: creating, upgrading, and refusing files it must not touch."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from est_desktop.domain.incident import SyncState
from est_desktop.store.database import APPLICATION_ID, MIGRATIONS, Store
from est_desktop.store.errors import (
    CorruptStoreError,
    NewerStoreError,
    NotAnEstStoreError,
    StoreLockedError,
    StoreWriteError,
)
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from tests.store.records import FileState, incident, outbox, raw_count, wire_fields


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def revision_of(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def application_id_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def open_files_of(path: Path) -> list[str]:
    """The files of this process open on `path` or its WAL files (Linux only)."""
    fd_dir = Path("/proc/self/fd")
    names = []
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path)) and not target.endswith(".lock"):
            names.append(target)
    return names


# -- stores at an old revision, as an earlier EST Desktop left them --

OLD_COLUMNS = (
    "id, occurred_at, time_precision, occurred_until, category, description, lat, lon, "
    "place_name, location_precision, district, police_notified, source, external_id, "
    "organisation, created_at, created_by, updated_at, updated_by, revision, deleted, search_text"
)
OLD_ROWS = [
    (
        "11111111-1111-4111-8111-111111111111",
        1764158400,  # 2025-11-26 12:00 UTC
        "exact",
        None,
        "klotter",
        "Klotter på väggen vid tvättstugan",
        57.7203,
        12.969,
        "Hulta torg",
        "exact",
        "hulta",
        1,
        "staff",
        None,
        "bostader",
        1764158400,
        "anna",
        1764158500,
        "anna",
        None,
        0,
        "hulta torg\nklotter på väggen vid tvättstugan",
    ),
    (
        "22222222-2222-4222-8222-222222222222",
        1764100000,
        "approximate",
        1764103600,
        "glaskross",
        "",
        57.7411,
        12.9312,
        "",
        "approximate",
        "norrby",
        0,
        "staff",
        None,
        "boras_stad",
        1764100000,
        "erik",
        1764100000,
        "erik",
        None,
        0,
        "\n",
    ),
    (  # deleted before it was ever sent: nothing to queue
        "33333333-3333-4333-8333-333333333333",
        1764000000,
        "exact",
        None,
        "bilbrand",
        "Fel plats",
        57.7203,
        12.969,
        "",
        "exact",
        "hulta",
        0,
        "staff",
        None,
        "bostader",
        1764000000,
        "anna",
        1764000100,
        "anna",
        None,
        1,
        "\nfel plats",
    ),
]


def make_store_at(path: Path, revision: str, rows: Sequence[tuple[object, ...]] = ()) -> None:
    """A store file migrated only to `revision`, holding `rows` written with raw SQL."""
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()
    conn = sqlite3.connect(path)
    with conn:
        placeholders = ", ".join("?" * len(OLD_COLUMNS.split(",")))
        conn.executemany(f"INSERT INTO incidents ({OLD_COLUMNS}) VALUES ({placeholders})", rows)
    conn.close()


# -- creating and upgrading --


def test_a_new_store_is_created_at_head_and_marked_as_an_est_store(store_path: Path) -> None:
    store = Store.open(store_path)
    installation_id = store.installation_id
    store.close()

    assert revision_of(store_path) == HEAD
    assert application_id_of(store_path) == APPLICATION_ID
    assert len(installation_id) == 36
    assert not list(store_path.parent.glob("*.bak")), "a new store needs no backup"


def test_a_new_store_is_made_in_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "est.sqlite"
    with Store.open(path):
        pass
    assert revision_of(path) == HEAD


def test_a_store_from_revision_0001_is_upgraded_keeping_its_rows_and_queuing_them(
    store_path: Path,
) -> None:
    make_store_at(store_path, "0001", OLD_ROWS)

    with Store.open(store_path) as store:
        repository = IncidentRepository(store)
        upgraded = [repository.get(row[0]) for row in OLD_ROWS]
        changes = outbox(store)

    assert revision_of(store_path) == HEAD
    assert application_id_of(store_path) == APPLICATION_ID
    first, second, deleted = upgraded
    assert first is not None and second is not None and deleted is not None
    assert (first.description, first.place_name, first.district) == (
        "Klotter på väggen vid tvättstugan",
        "Hulta torg",
        "hulta",
    )
    assert first.police_notified is True
    assert second.occurred_until is not None
    assert second.occurred_until.timestamp() == 1764103600
    assert deleted.deleted is True
    assert {i.sync_state for i in upgraded} == {SyncState.LOCAL}
    # One upsert per live record, in wire form, exactly as `record` would have queued it.
    assert [(c.record_id, c.op, c.base_revision) for c in changes] == [
        (str(first.id), "upsert", None),
        (str(second.id), "upsert", None),
    ]
    assert changes[0].fields == wire_fields(first)
    assert changes[1].fields == wire_fields(second)
    assert len({c.change_id for c in changes}) == 2
    assert all(len(c.change_id) == 36 and c.change_id[14] == "4" for c in changes)


def test_upgrading_a_store_leaves_a_backup_of_the_old_file_beside_it(store_path: Path) -> None:
    make_store_at(store_path, "0001", OLD_ROWS)

    Store.open(store_path).close()

    backups = list(store_path.parent.glob("*.bak"))
    assert [b.name for b in backups] == [f"est.sqlite.before-{HEAD}.bak"]
    assert revision_of(backups[0]) == "0001"
    assert raw_count(backups[0], "incidents") == len(OLD_ROWS)


def test_opening_an_upgraded_store_again_changes_nothing(store_path: Path) -> None:
    make_store_at(store_path, "0001", OLD_ROWS)
    with Store.open(store_path) as store:
        installation_id = store.installation_id
    files = sorted(p.name for p in store_path.parent.iterdir())
    before = FileState.of(store_path)

    with Store.open(store_path) as store:
        assert store.installation_id == installation_id
        assert len(outbox(store)) == 2

    assert FileState.of(store_path) == before
    assert sorted(p.name for p in store_path.parent.iterdir()) == files


def test_a_store_of_an_unknown_newer_revision_is_refused_and_left_untouched(
    store_path: Path,
) -> None:
    with Store.open(store_path) as store:
        IncidentRepository(store).add_many([incident()], queue_for_sync=True)
    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = FileState.of(store_path)

    with pytest.raises(NewerStoreError) as refused:
        Store.open(store_path)

    assert "nyare version" in refused.value.message
    assert refused.value.path == store_path
    assert FileState.of(store_path) == before
    assert not list(store_path.parent.glob("*.bak"))


def test_a_refused_store_is_not_left_open(store_path: Path) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc/self/fd to see the open files")
    Store.open(store_path).close()
    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()

    with pytest.raises(NewerStoreError):
        Store.open(store_path)

    assert open_files_of(store_path) == []


# -- files that are refused without being touched --


def test_a_text_file_is_refused_as_not_an_est_store(store_path: Path) -> None:
    store_path.write_text("Inventarielista\nstege 1\nlampa 4\n" * 200, encoding="utf-8")
    before = FileState.of(store_path)

    with pytest.raises(NotAnEstStoreError) as refused:
        Store.open(store_path)

    assert "inte ett EST-datalager" in refused.value.message
    assert FileState.of(store_path) == before


def test_another_programs_sqlite_database_is_refused_as_not_an_est_store(
    store_path: Path,
) -> None:
    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Kalle', '033-12 34 56')")
    conn.close()
    before = FileState.of(store_path)

    with pytest.raises(NotAnEstStoreError) as refused:
        Store.open(store_path)

    assert "annat program" in refused.value.message
    assert FileState.of(store_path) == before


def filled_store(path: Path, count: int = 80) -> None:
    """A real store of several pages, closed so every page is in the main file."""
    with Store.open(path) as store:
        IncidentRepository(store).add_many(
            [incident(description=f"Händelse {n} " + "x" * 400) for n in range(count)],
            queue_for_sync=True,
        )


def garble_middle_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    assert pages > 8, "the store should span several pages"
    start = (pages // 2) * page_size
    data[start : start + 2 * page_size] = b"\xde\xad\xbe\xef" * (2 * page_size // 4)
    path.write_bytes(bytes(data))


def truncate_to_half(path: Path) -> None:
    data = path.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: (len(data) // page_size // 2) * page_size])


@pytest.mark.parametrize("damage", [garble_middle_pages, truncate_to_half])
def test_a_damaged_est_store_is_refused_as_corrupt_and_left_untouched(
    store_path: Path, damage
) -> None:
    filled_store(store_path)
    damage(store_path)
    before = FileState.of(store_path)

    with pytest.raises(CorruptStoreError) as refused:
        Store.open(store_path)

    assert "skadat" in refused.value.message
    assert FileState.of(store_path) == before


def test_an_est_store_whose_header_is_gone_is_refused_and_left_untouched(
    store_path: Path,
) -> None:
    filled_store(store_path)
    data = bytearray(store_path.read_bytes())
    data[:100] = bytes(100)
    store_path.write_bytes(bytes(data))
    before = FileState.of(store_path)

    with pytest.raises(NotAnEstStoreError):
        Store.open(store_path)

    assert FileState.of(store_path) == before


# -- the lock --


def test_a_store_open_in_another_window_is_refused_until_that_one_closes(
    store_path: Path,
) -> None:
    first = Store.open(store_path)
    before = FileState.of(store_path)

    with pytest.raises(StoreLockedError) as refused:
        Store.open(store_path)
    assert "används redan" in refused.value.message
    assert FileState.of(store_path) == before

    first.close()
    with Store.open(store_path) as second:
        assert second.installation_id == first.installation_id


# -- folders it cannot write to --


def as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lock_folder(folder: Path) -> None:
    """Make `folder` (or a file) read-only, even for root (where `chmod` does not stop writes)."""
    if as_root():
        subprocess.run(["chattr", "+i", str(folder)], check=True, capture_output=True)
    else:
        folder.chmod(0o555 if folder.is_dir() else 0o444)


def unlock_folder(folder: Path) -> None:
    if as_root():
        subprocess.run(["chattr", "-i", str(folder)], check=True, capture_output=True)
    else:
        folder.chmod(0o755 if folder.is_dir() else 0o644)


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be created in; as root it is made immutable with `chattr +i`."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    if as_root() and shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a read-only folder")
    try:
        lock_folder(folder)
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"running as root and chattr +i failed: {exc.stderr.decode().strip()}")
    try:
        try:
            (folder / "probe").touch()
        except OSError:
            pass
        else:
            (folder / "probe").unlink()
            pytest.skip("the folder is still writable here; cannot test a read-only folder")
        yield folder
    finally:
        unlock_folder(folder)


def test_a_new_store_in_a_read_only_folder_is_refused_with_a_write_error(
    read_only_dir: Path,
) -> None:
    with pytest.raises(StoreWriteError) as refused:
        Store.open(read_only_dir / "est.sqlite")

    assert "skrivbar" in refused.value.message
    assert list(read_only_dir.iterdir()) == []


def test_an_existing_store_in_a_folder_made_read_only_is_refused_with_a_write_error(
    read_only_dir: Path,
) -> None:
    unlock_folder(read_only_dir)  # fill it first, then protect it again
    path = read_only_dir / "est.sqlite"
    filled_store(path, count=3)
    lock_folder(read_only_dir)
    before = FileState.of(path)

    with pytest.raises(StoreWriteError) as refused:
        Store.open(path)

    assert "skrivskyddad" in refused.value.message or "skrivbar" in refused.value.message
    assert FileState.of(path) == before


def test_a_store_under_a_file_is_refused_because_its_folder_cannot_be_made(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.txt").write_text("not a folder", encoding="utf-8")

    with pytest.raises(StoreWriteError) as refused:
        Store.open(tmp_path / "notes.txt" / "est.sqlite")

    assert "kan inte skapas" in refused.value.message


def test_a_read_only_store_file_still_opens_but_a_write_says_it_is_write_protected(
    store_path: Path,
) -> None:
    if as_root() and shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a read-only file")
    filled_store(store_path, count=2)
    try:
        lock_folder(store_path)
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"running as root and chattr +i failed: {exc.stderr.decode().strip()}")
    try:
        before = FileState.of(store_path)
        with Store.open(store_path) as store:
            repository = IncidentRepository(store)
            assert len(repository.page(IncidentFilter())) == 2
            with pytest.raises(StoreWriteError) as refused:
                repository.add_many([incident()], queue_for_sync=True)
        assert "skrivskyddad" in refused.value.message
        assert FileState.of(store_path) == before
    finally:
        unlock_folder(store_path)
