"""Where the stores live, and the day demo data runs up to. No Qt: the headless commands use it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.domain.periods import start_of_day

STORE_FILE = "est.sqlite"
DEMO_STORE_FILE = "est-demo.sqlite"  # a separate file: demo data never mixes with real data
TILE_CACHE_FILE = "map-tiles.mbtiles"  # shared by the real and the demo store: tiles are tiles


def default_data_dir() -> Path:
    """The platform's user data folder, e.g. %LOCALAPPDATA%\\EST\\EST Desktop on Windows."""
    return Path(user_data_dir("EST Desktop", "EST"))


def store_path(data_dir: Path, *, demo: bool) -> Path:
    return data_dir / (DEMO_STORE_FILE if demo else STORE_FILE)


def tile_cache_path(data_dir: Path) -> Path:
    return data_dir / TILE_CACHE_FILE


def demo_end() -> datetime:
    """Demo data runs up to the start of today: the same seed gives the same data all day."""
    return start_of_day(datetime.now(LOCAL_TZ).date())
