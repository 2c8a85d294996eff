"""What the settings dialog and the first-run wizard check before saving, as messages to show.

Each check returns what is wrong in the user's language, or "" when nothing is; none of them
touches a widget, so they are tested without one.
"""

from __future__ import annotations

import os
import sqlite3
import ssl
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from est_desktop.geo.tile_cache import OSM_TEMPLATE

WARNING_STYLE = "color: #8a5a00;"
ERROR_STYLE = "color: #c62828;"

_PEM_CERTIFICATE = b"-----BEGIN CERTIFICATE-----"


def server_url_problem(text: str) -> tuple[bool, str]:
    """(acceptable, what to tell the user) for a server address; "" means work locally."""
    url = text.strip()
    if not url:
        return True, QCoreApplication.translate(
            "SettingsDialog", "Arbetar lokalt: inget skickas från datorn."
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False, QCoreApplication.translate(
            "SettingsDialog", "Ange en adress som börjar med https://, t.ex. https://est.boras.se."
        )
    if parts.scheme == "http":
        return True, QCoreApplication.translate(
            "SettingsDialog",
            "Varning: http är okrypterat. Använd det bara för test mot en server på samma "
            "dator; annars https.",
        )
    return True, ""


def ca_bundle_problem(text: str) -> str:
    """What is wrong with a CA bundle path ("" when nothing is, or no bundle is given).

    The sync transport hands the file to TLS verification as it is, so it must be PEM: Windows
    exports DER by default, which would otherwise fail only at the first sync.
    """
    path = text.strip()
    if not path:
        return ""
    file = Path(path)
    if not file.is_file():
        return QCoreApplication.translate("SettingsDialog", "Filen finns inte: %1").replace(
            "%1", path
        )
    try:
        head = file.read_bytes()[:1_000_000]
    except OSError as exc:
        return QCoreApplication.translate("SettingsDialog", "Filen går inte att läsa: %1").replace(
            "%1", exc.strerror or str(exc)
        )
    if _PEM_CERTIFICATE not in head:
        return QCoreApplication.translate(
            "SettingsDialog",
            "Filen är inget certifikat i PEM-format. Exportera CA-certifikatet som "
            "”Base-64-kodad X.509” (PEM) och välj den filen.",
        )
    try:
        ssl.create_default_context(cafile=path)
    except (ssl.SSLError, ValueError):
        return QCoreApplication.translate(
            "SettingsDialog",
            "Certifikatet i filen går inte att läsa: filen är skadad eller ofullständig.",
        )
    return ""


def tile_url_problem(text: str) -> str:
    """What is wrong with a tile address template ("" when nothing is; "" = OpenStreetMap)."""
    url = text.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return QCoreApplication.translate(
            "SettingsDialog", "Ange en adress som börjar med https://, t.ex. %1."
        ).replace("%1", OSM_TEMPLATE)
    if any(f"{{{part}}}" not in url for part in "zxy"):
        return QCoreApplication.translate(
            "SettingsDialog",
            "Adressen måste innehålla {z}, {x} och {y}: där sätts kartbitens zoomnivå och "
            "nummer in.",
        )
    try:
        url.format(z=0, x=0, y=0, s="a")
    except (KeyError, IndexError, ValueError):
        return QCoreApplication.translate(
            "SettingsDialog", "Inom klammerparenteser får adressen bara ha {z}, {x}, {y} och {s}."
        )
    return ""


def tile_attribution_problem(url: str, attribution: str) -> str:
    """A custom tile source must say whose map it is: its licence asks for that on the map."""
    if url.strip() and not attribution.strip():
        return QCoreApplication.translate(
            "SettingsDialog", "Ange vems kartan är (visas på kartan), t.ex. © Lantmäteriet."
        )
    return ""


def folder_problem(text: str) -> str:
    """What stops `text` from being a folder the app can write to ("" = none; "" = default).

    A folder that does not exist yet is fine when it can be made: its nearest existing parent
    must be a writable folder.
    """
    path = text.strip()
    if not path:
        return ""
    folder = Path(path)
    if not folder.is_absolute():
        return QCoreApplication.translate(
            "SettingsDialog", "Ange hela sökvägen till mappen, t.ex. %1."
        ).replace("%1", str(Path.home() / "EST"))
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return QCoreApplication.translate("SettingsDialog", "%1 är en fil, inte en mapp.").replace(
            "%1", str(existing)
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        return QCoreApplication.translate(
            "SettingsDialog", "Du får inte skriva i %1. Välj en mapp du får skriva i."
        ).replace("%1", str(existing))
    return ""


def not_mbtiles(error: Exception) -> bool:
    """Whether an import failed on the file's content (not SQLite, or no MBTiles tables)."""
    if isinstance(error, sqlite3.OperationalError):  # also: locked, unreadable, disk full
        return "no such table" in str(error) or "no such column" in str(error)
    return isinstance(error, sqlite3.DatabaseError)
