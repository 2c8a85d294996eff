"""The user's preferences, over QSettings: each key, its default and its type declared once."""

from __future__ import annotations

import getpass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from est_desktop.ui.languages import system_language

T = TypeVar("T")


class _Preference(Generic[T]):
    """A typed QSettings key; read and written as an attribute of `Preferences`."""

    def __init__(self, key: str, default: T, kind: type) -> None:
        self.key, self.default, self.kind = key, default, kind

    def __get__(self, owner: Preferences, _type: type | None = None) -> T:
        value = owner.settings.value(self.key, self.default)
        if self.kind is list:
            if value is None or value == "":
                return []  # type: ignore[return-value]
            return list(value) if isinstance(value, list | tuple) else [value]  # type: ignore[return-value]
        if self.kind is bool and isinstance(value, str):
            return value.lower() == "true"  # type: ignore[return-value]
        if self.kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()  # type: ignore[return-value]
        try:
            return self.kind(value)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return self.default

    def __set__(self, owner: Preferences, value: T) -> None:
        owner.settings.setValue(self.key, value)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment (rare on Windows services)
        return ""


class Preferences:
    """Preferences of this user on this PC. Data that travels with the store lives in the store."""

    # "sv" or "en" (ui/languages.py), read at start; unset = the system's if we speak it.
    language = _Preference("ui/language", system_language(), str)
    window_geometry = _Preference("ui/window_geometry", QByteArray(), QByteArray)
    window_state = _Preference("ui/window_state", QByteArray(), QByteArray)
    splitter_state = _Preference("ui/splitter_state", QByteArray(), QByteArray)
    list_header_state = _Preference("ui/list_header_state", QByteArray(), QByteArray)
    user_name = _Preference("user/name", "", str)
    organisation = _Preference("user/organisation", "", str)
    unit = _Preference("user/unit", "", str)  # e.g. "Områdesteam Hulta": shown, not sent
    # Asked once on the first start (ui/first_run.py); True once answered or skipped.
    first_run_done = _Preference("ui/first_run_done", False, bool)
    # Where the stores live; "" = the platform's folder (data_files.default_data_dir). Read at
    # start, so a change takes effect after a restart; `data_copy_from` names the folder whose
    # stores are copied there first (never moved: the old folder keeps its files).
    data_folder = _Preference("data/folder", "", str)
    data_copy_from = _Preference("data/copy_from", "", str)
    backup_folder = _Preference("backup/folder", "", str)  # "" = the backups' default
    recent_categories = _Preference("entry/recent_categories", [], list)
    last_district = _Preference("entry/last_district", "", str)
    server_url = _Preference("sync/server_url", "", str)  # "" = work locally, no sync
    server_user = _Preference("sync/server_user", "", str)
    ca_bundle = _Preference("sync/ca_bundle", "", str)  # "" = the system's certificates
    sync_interval_minutes = _Preference("sync/interval_minutes", 5, int)
    # The role the server gave at the last sign-in; "" when never signed in. Only a hint for
    # what to offer (the server decides): analysts and admins decide measures.
    server_role = _Preference("sync/server_role", "", str)
    # The base map's tile source; "" = OpenStreetMap's standard tiles (geo.tile_cache.OSM_*).
    map_tile_url = _Preference("map/tile_url", "", str)
    map_tile_attribution = _Preference("map/tile_attribution", "", str)
    # The map as last left: zoom 0 = never moved (the districts fill the view).
    map_center_lat = _Preference("map/center_lat", 0.0, float)
    map_center_lon = _Preference("map/center_lon", 0.0, float)
    map_zoom = _Preference("map/zoom", 0, int)
    map_hidden_layers = _Preference("map/hidden_layers", ["hotspots"], list)
    map_splitter_state = _Preference("ui/map_splitter_state", QByteArray(), QByteArray)

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else QSettings()
        if not self.user_name:
            self.user_name = _os_user()

    def remember_category(self, code: str, keep: int = 8) -> None:
        """Put `code` first among the recently used categories."""
        recent = [c for c in self.recent_categories if c != code]
        self.recent_categories = [code, *recent][:keep]
