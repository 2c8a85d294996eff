"""Fixtures for the HTTP tests: a real `est-server serve` per test module and database kind.

One server per module keeps the suite fast; tests keep out of each other's way with fresh
record ids, fresh usernames and (for login throttling) their own client address.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from est_desktop.server.database import ServerDatabase
from tests.postgres import database_params, fresh_database
from tests.server.running_server import RunningServer, prepare_database, start_server


@pytest.fixture(scope="module", params=database_params())
def module_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database for the whole module, with the schema and the standard users."""
    with fresh_database(request.param, tmp_path_factory.mktemp("server-db")) as url:
        prepare_database(url)
        yield url


@pytest.fixture(scope="module")
def server(
    module_database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    running = start_server(module_database_url, tmp_path_factory.mktemp("server-log"))
    yield running
    assert running.stop() == 0, running.log()


@pytest.fixture(scope="module")
def server_db(module_database_url: str) -> Iterator[ServerDatabase]:
    """The running server's database, for a test to look into or to age a token."""
    db = ServerDatabase.connect(module_database_url)
    yield db
    db.close()
