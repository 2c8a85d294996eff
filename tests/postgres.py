"""PostgreSQL for tests: a fresh database per use, made from the server EST_TEST_POSTGRES_URL names.

Without the variable the PostgreSQL variants are skipped locally; CI sets it, and there an
unreachable server fails the tests instead (see .ci/run).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV = "EST_TEST_POSTGRES_URL"


def postgres_url() -> str | None:
    url = os.environ.get(ENV)
    if not url:
        return None
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards."""
    base = postgres_url()
    if base is None:
        pytest.skip(f"{ENV} is not set")
    name = f"est_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def database_params() -> list[object]:
    """pytest params for a `backend` fixture: SQLite always, PostgreSQL when configured."""
    return ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def fresh_database(backend: str, tmp_dir: os.PathLike[str]) -> Iterator[str]:
    """A new, empty server database of `backend`, as an SQLAlchemy URL."""
    if backend == "sqlite":
        yield f"sqlite:///{os.fspath(tmp_dir)}/est-server.db"
        return
    with fresh_postgres_database() as url:
        yield url
