"""The local SQLite store: one object owns the engine, the file lock and the migrations.

Every write is `with store.transaction() as tx:`; a transaction that has returned is on disk
(WAL with synchronous=FULL), so it survives a crash or a power loss. Files are checked before
they are opened for writing, and nothing here ever overwrites or deletes a store file.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock, Timeout
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, OperationalError

from est_desktop.domain.language import translate
from est_desktop.store.checkpointer import Checkpointer
from est_desktop.store.errors import (
    CorruptStoreError,
    NewerStoreError,
    NotAnEstStoreError,
    StoreError,
    StoreLockedError,
    StoreWriteError,
)
from est_desktop.store.tables import SettingRow

log = logging.getLogger(__name__)

# PRAGMA application_id marks the file as ours ("ESTD"), so another program's database is refused.
APPLICATION_ID = 0x45535444
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).parent / "migrations"
PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=FULL",  # a returned commit survives a power loss
    "foreign_keys=ON",
    "busy_timeout=5000",
    "wal_autocheckpoint=0",  # checkpoints run in the Checkpointer's thread instead
    "cache_size=-32768",  # 32 MiB: the list's indexes stay in memory on a large store
)


class Store:
    """The local store in one SQLite file. Open with `Store.open(path)`; close when done.

    Thread use: any thread may read; writes from several threads are serialised by SQLite's
    lock (BEGIN IMMEDIATE), each thread on its own pooled connection.
    """

    def __init__(self, path: Path, engine: Engine, lock: FileLock) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._checkpointer: Checkpointer | None = None

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating or upgrading) the store at `path`; a `StoreError` says why not."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            text = translate(
                "Store", "Mappen {folder} kan inte skapas: {reason}. Välj en annan mapp."
            )
            raise StoreWriteError(
                text.format(folder=path.parent, reason=exc.strerror), path
            ) from exc
        lock = lock_file(path)
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            text = translate(
                "Store",
                "Datalagret {path} används redan av ett annat EST-fönster. "
                "Stäng det andra fönstret och försök igen.",
            )
            raise StoreLockedError(text.format(path=path), path) from exc
        except OSError as exc:
            text = translate(
                "Store",
                "Datalagret {path} kan inte öppnas: {reason}. "
                "Kontrollera att mappen är skrivbar och att disken inte är full.",
            )
            raise StoreWriteError(text.format(path=path, reason=exc.strerror), path) from exc
        engine: Engine | None = None
        try:
            _check_existing_file(path)
            engine = _make_engine(path)
            store = cls(path, engine, lock)
            store._migrate()
            store._ensure_installation_id()
            store._checkpointer = Checkpointer(engine)
        except BaseException:
            if engine is not None:
                engine.dispose()  # a refused file is not left open
            lock.release()
            raise
        return store

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self.engine.dispose()
        self._lock.release()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Every connection closed (the file lock kept) while the caller replaces the file's
        contents, e.g. with a backup; on exit the file is checked, upgraded and in use again.
        Nothing may use the store meanwhile: stop sync and other workers first."""
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self.engine.dispose()
        try:
            yield
        finally:
            _check_existing_file(self.path)
            self._migrate()
            self._ensure_installation_id()
            self._checkpointer = Checkpointer(self.engine)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Connection]:
        """A write transaction: all of it is stored, or none of it (then `StoreWriteError`).

        `durable=False` skips the flush to disk at commit, for writes that can be made again
        from elsewhere (a pulled page: lost in a power cut, it is pulled again from the cursor
        stored with it). The store stays consistent either way; only the last such commits
        may be undone by a power cut.
        """
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
                # Straight on the driver's connection: SQLAlchemy would begin a transaction first,
                # and SQLite refuses to change the safety level inside one.
                raw = conn.connection.driver_connection
                if not durable:
                    raw.execute("PRAGMA synchronous=NORMAL")
                try:
                    with conn.begin():
                        yield conn
                finally:
                    if not durable:
                        raw.execute("PRAGMA synchronous=FULL")
        except (OperationalError, DBAPIError) as exc:
            raise _write_error(exc, self.path) from exc
        if self._checkpointer is not None:
            self._checkpointer.written()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only snapshot: everything read inside sees the same state."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def setting(self, key: str, default: str | None = None) -> str | None:
        with self.reading() as conn:
            value = conn.scalar(select(SettingRow.value).where(SettingRow.key == key))
        return default if value is None else value

    def set_setting(self, key: str, value: str, conn: Connection | None = None) -> None:
        """Store a setting, inside the caller's transaction when one is given."""
        if conn is None:
            with self.transaction() as tx:
                self.set_setting(key, value, tx)
            return
        statement = sqlite_insert(SettingRow).values(key=key, value=value)
        conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    @property
    def installation_id(self) -> str:
        return self.setting("installation_id") or ""

    def _ensure_installation_id(self) -> None:
        if not self.installation_id:
            self.set_setting("installation_id", str(uuid.uuid4()))

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            text = translate(
                "Store",
                "Datalagret {path} är skapat av en nyare version av EST Desktop "
                "(version {version}). Uppdatera programmet; filen lämnas orörd.",
            )
            raise NewerStoreError(text.format(path=self.path, version=current), self.path)
        if current is not None:
            self._back_up(f"before-{head}")
        try:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except (OperationalError, DBAPIError) as exc:
            raise _write_error(exc, self.path) from exc
        log.info("store %s upgraded from %s to %s", self.path, current, head)

    def _back_up(self, label: str) -> Path:
        """Copy the store aside (SQLite's online backup) before changing its shape."""
        target = self.path.with_name(f"{self.path.name}.{label}.bak")
        source = sqlite3.connect(self.path)
        try:
            destination = sqlite3.connect(target)
            with destination:
                source.backup(destination)
            destination.close()
        finally:
            source.close()
        return target


def lock_file(path: Path) -> FileLock:
    """The lock a running EST Desktop holds on the store at `path`."""
    return FileLock(str(path) + ".lock")


def _make_engine(path: Path) -> Engine:
    return sqlite_engine(f"sqlite:///{path}", PRAGMAS)


def sqlite_engine(url: str, pragmas: tuple[str, ...], **engine_options: object) -> Engine:
    """An SQLite engine whose transactions begin as the `sqlite_begin` option says.

    pysqlite's own transaction handling is switched off, so `BEGIN IMMEDIATE` really takes the
    write lock at the start (no deadlock between two readers that both decide to write).
    """
    engine = create_engine(url, **engine_options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's BEGIN below decides, not the driver
        for pragma in pragmas:
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _check_existing_file(path: Path) -> None:
    """Refuse a file that is not a healthy EST store, reading it only."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as file:
        header = file.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        text = translate(
            "Store",
            "Filen {path} är inte ett EST-datalager. Välj en annan mapp med --data-dir; "
            "filen lämnas orörd.",
        )
        raise NotAnEstStoreError(text.format(path=path), path)
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_CANTOPEN:
            # The file was readable above; SQLite cannot open its WAL files beside it.
            text = translate(
                "Store",
                "Datalagret {path} kan inte öppnas: mappen {folder} är skrivskyddad. "
                "Välj en skrivbar mapp; filen lämnas orörd.",
            )
            raise StoreWriteError(text.format(path=path, folder=path.parent), path) from exc
        raise CorruptStoreError(_corrupt_message(path), path) from exc
    if application_id != APPLICATION_ID and tables:
        text = translate(
            "Store",
            "Filen {path} är en databas från ett annat program, inte ett EST-datalager. "
            "Välj en annan mapp med --data-dir; filen lämnas orörd.",
        )
        raise NotAnEstStoreError(text.format(path=path), path)
    if check != "ok":
        raise CorruptStoreError(_corrupt_message(path), path)


def _corrupt_message(path: Path) -> str:
    text = translate(
        "Store",
        "Datalagret {path} är skadat och kan inte öppnas. Filen lämnas orörd; "
        "kontakta support eller återställ en säkerhetskopia.",
    )
    return text.format(path=path)


def _write_error(exc: Exception, path: Path) -> StoreError:
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        reason = translate("Store", "Disken är full. Frigör utrymme och spara igen.")
    elif "readonly" in text or "read-only" in text:
        reason = translate("Store", "Disken eller mappen är skrivskyddad. Välj en skrivbar mapp.")
    elif "locked" in text or "busy" in text:
        reason = translate("Store", "Datalagret är upptaget just nu. Försök igen om en stund.")
    else:
        reason = translate(
            "Store", "Skrivfel ({error}). Försök igen; kvarstår felet, kontakta support."
        ).format(error=text)
    return StoreWriteError(
        translate("Store", "Inget sparades. {reason}").format(reason=reason), path
    )
