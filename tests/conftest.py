"""Fixtures shared by the test packages: a fresh store per test and the incident service on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from tests.postgres import database_params, fresh_database

# The system language is Swedish for the whole session (and the commands it starts), whatever
# the developer's locale: the headless commands speak the user's language, and the tests read
# the source texts unless they install English themselves.
os.environ["LC_ALL"] = "C.UTF-8"

# "Now" for every test that uses the `clock` fixture: a fixed, aware moment.
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test sets and moves: `clock()` is the current moment."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "est.sqlite"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """A new, empty store in its own temporary file, closed after the test."""
    opened = Store.open(store_path)
    yield opened
    opened.close()


@pytest.fixture
def service(store: Store, taxonomy: Taxonomy, clock: Clock) -> IncidentService:
    return IncidentService(
        store, taxonomy, lambda lat, lon: "hulta", lambda: Actor("anna", "bostader"), clock=clock
    )


@pytest.fixture(params=database_params())
def server_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty server database: SQLite, and PostgreSQL when EST_TEST_POSTGRES_URL is set."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


def use_user_settings_in(folder: Path) -> None:
    """Where QSettings keeps "the user's" settings (native format, user scope)."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(scope="session", autouse=True)
def _user_settings_kept_aside(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No test reads or writes the developer's own settings (language, data folder, server):
    the commands under test read "the user's" settings from an empty folder."""
    folder = tmp_path_factory.mktemp("user-settings")
    use_user_settings_in(folder)
    yield folder


@pytest.fixture(scope="session", autouse=True)
def _widgets_deleted_before_exit() -> Iterator[None]:
    """Delete the widgets the last tests left to `deleteLater` while Qt still runs.

    Otherwise a map's web page can outlive its profile when Python tears the objects down at
    exit, and Qt WebEngine crashes the process after every test has passed.
    """
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
