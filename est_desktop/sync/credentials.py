"""Where the sign-in token is kept: the OS keyring when there is one, else a private file.

The fallback file is created with mode 0600 (only the user can read it) and replaced
atomically, so a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path

import keyring
import keyring.backend
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "est-desktop"
TOKEN_FILE = "tokens.json"


class TokenStore:
    """Tokens by (server URL, user name). Any thread, one writer at a time."""

    def __init__(self, data_dir: Path, *, use_keyring: bool = True) -> None:
        self._path = Path(data_dir) / TOKEN_FILE
        self._keyring = _usable_keyring() if use_keyring else None

    @property
    def uses_keyring(self) -> bool:
        return self._keyring is not None

    def get(self, server_url: str, username: str) -> str | None:
        if self._keyring is not None:
            try:
                return self._keyring.get_password(SERVICE, _key(server_url, username))
            except KeyringError as exc:
                log.warning("keyring read failed, using the token file: %s", exc)
        return self._read_file().get(_key(server_url, username))

    def put(self, server_url: str, username: str, token: str) -> None:
        if self._keyring is not None:
            try:
                self._keyring.set_password(SERVICE, _key(server_url, username), token)
                return
            except KeyringError as exc:
                log.warning("keyring write failed, using the token file: %s", exc)
        tokens = self._read_file()
        tokens[_key(server_url, username)] = token
        self._write_file(tokens)

    def delete(self, server_url: str, username: str) -> None:
        if self._keyring is not None:
            # Nothing stored there is fine: the file may still hold one.
            with contextlib.suppress(KeyringError):
                self._keyring.delete_password(SERVICE, _key(server_url, username))
        tokens = self._read_file()
        if tokens.pop(_key(server_url, username), None) is not None:
            self._write_file(tokens)

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("token file %s unreadable, ignored: %s", self._path, exc)
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write_file(self, tokens: dict[str, str]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_name(self._path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(tokens, file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(tmp, 0o600)  # an older tmp file may have had other permissions
        os.replace(tmp, self._path)


def _key(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')} {username}"


def _usable_keyring() -> keyring.backend.KeyringBackend | None:
    """The OS keyring, unless keyring found no real backend (fail, null, an empty chain)."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration must not stop sign-in
        log.warning("no keyring: %s", exc)
        return None
    module = type(backend).__module__
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return None
    if module == "keyring.backends.chainer" and not getattr(backend, "backends", None):
        return None
    return backend
