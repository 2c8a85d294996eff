"""Fixtures of the sync tests: a fresh in-process server, and clients made on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from est_desktop.domain.categories import Taxonomy
from tests.conftest import Clock


@pytest.fixture
def server(server_database_url: str, taxonomy: Taxonomy, clock: Clock) -> Any:
    from est_desktop.server.database import ServerDatabase
    from tests.sync.clients import open_server

    db = ServerDatabase.connect(server_database_url)
    yield open_server(db, taxonomy, clock)
    db.close()


@pytest.fixture
def make_client(
    server: Any, tmp_path: Path, taxonomy: Taxonomy, clock: Clock
) -> Iterator[Callable[..., Any]]:
    from tests.sync.clients import open_client

    opened: list[Any] = []

    def make(name: str, **options: Any) -> Any:
        client = open_client(name, tmp_path, server, taxonomy, clock, **options)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()
