"""The server's database: an SQLite file by default, PostgreSQL through psycopg 3 when asked.

One object owns the engine and the schema. Writes go through `transaction()`; the change
sequence is handed out by `next_seqs` inside it (see docs/sync-api.md for why that keeps pulls
from skipping a change).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, update
from sqlalchemy.engine import make_url

from est_desktop.server.tables import CounterRow
from est_desktop.store.database import sqlite_engine

DEFAULT_URL = "sqlite:///est-server.db"
DATABASE_ENV = "EST_SERVER_DATABASE"
MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=FULL",
    "foreign_keys=ON",
    "busy_timeout=15000",  # several server processes on one file wait for each other's writes
)


class SchemaError(RuntimeError):
    """The database has no schema, or one this server does not know."""


class ServerDatabase:
    """The server's store. Thread-safe; each request takes a connection from the pool."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # SQLite lets one writer in at a time and makes the others poll with growing sleeps
        # (up to 100 ms each); queueing this process's writers on a lock first keeps waits
        # short and fair. Other processes on the same file still meet SQLite's own lock.
        self._sqlite_writer = threading.Lock() if self.is_sqlite else None

    @classmethod
    def connect(cls, url: str | None = None) -> ServerDatabase:
        """The database at `url` (else $EST_SERVER_DATABASE, else est-server.db here)."""
        url = url or os.environ.get(DATABASE_ENV) or DEFAULT_URL
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            return cls(sqlite_engine(url, SQLITE_PRAGMAS))
        if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, not psycopg2
        return cls(create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=10))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    def migrate(self) -> None:
        """Create or upgrade the schema to this version's; running it again changes nothing."""
        config = _alembic_config()
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def check_schema(self) -> None:
        """Refuse to serve a database that `est-server init` has not brought up to date."""
        head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current != head:
            raise SchemaError(
                f"the database schema is at {current or 'nothing'}, this server needs {head}: "
                "run `est-server init` with the same --database first"
            )

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction; on SQLite it takes the write lock at once (BEGIN IMMEDIATE)."""
        with self._sqlite_writer or nullcontext(), self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn


def next_seqs(conn: Connection, count: int) -> int:
    """Reserve `count` change numbers in this transaction; returns the first of them.

    The counter row stays locked until the transaction ends (PostgreSQL row lock; SQLite's
    write lock), so change numbers become visible in the order they were handed out: a
    puller that has seen number N will never later find a new change below N. Call it as
    late as possible in a transaction, just before writing the records that carry the numbers.
    """
    last = conn.execute(
        update(CounterRow)
        .where(CounterRow.name == "change_seq")
        .values(value=CounterRow.value + count)
        .returning(CounterRow.value)
    ).scalar_one()
    return last - count + 1


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config
