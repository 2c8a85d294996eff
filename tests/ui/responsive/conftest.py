"""A big store for the responsiveness tests: BIG_STORE_ROWS demo incidents, made once per
session with the bulk path and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from est_desktop.demo_data import DEFAULT_END, fill_demo_store
from est_desktop.store.database import Store

BIG_STORE_ROWS = 20_000


@pytest.fixture(scope="session")
def big_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with BIG_STORE_ROWS demo incidents (two years up to DEFAULT_END), made once."""
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    store = Store.open(path)
    try:
        fill_demo_store(store, BIG_STORE_ROWS, end=DEFAULT_END)
    finally:
        store.close()
    return path


@pytest.fixture
def big_store(big_store_template: Path, tmp_path: Path):
    """A copy of the big store for one test, closed afterwards."""
    path = tmp_path / "big.sqlite"
    shutil.copyfile(big_store_template, path)
    store = Store.open(path)
    yield store
    store.close()
