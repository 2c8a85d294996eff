"""The server's secret: the pepper of the stored token hashes, kept outside the database.

Tokens are stored only as HMAC-SHA256(secret, token), so a copy of the database (a backup, a
dump) alone does not let anyone check guessed tokens against it. The secret comes from
$EST_SERVER_SECRET when that is set, else from a file (`$EST_SERVER_SECRET_FILE`, by default
`secret` in the user's configuration folder) that `est-server init` fills with a random value.
`serve` refuses to start with an empty, short or well-known secret. A new secret ends every
session: users log in again.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_config_path

SECRET_ENV = "EST_SERVER_SECRET"
SECRET_FILE_ENV = "EST_SERVER_SECRET_FILE"
MIN_LENGTH = 16
MIN_DISTINCT_CHARACTERS = 8
# Values from examples, tutorials and default configurations: anyone would try them first.
KNOWN_DEFAULTS = frozenset(
    {
        "changeme",
        "change-me",
        "change_me",
        "secret",
        "secretkey",
        "secret-key",
        "secret_key",
        "mysecret",
        "password",
        "default",
        "test",
        "admin",
        "est",
        "est-server",
    }
)


class SecretError(ValueError):
    """No usable secret; the message (Swedish) says why and what to do."""


def secret_path(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if configured := environ.get(SECRET_FILE_ENV, "").strip():
        return Path(configured)
    return user_config_path("est-server", appauthor=False) / "secret"


def weakness(secret: str) -> str | None:
    """Why `secret` must not be used (Swedish), or None when it is fine."""
    value = secret.strip()
    if not value:
        return "hemligheten är tom"
    if value.lower() in KNOWN_DEFAULTS:
        return f"hemligheten {value!r} är ett känt standardvärde"
    if len(value) < MIN_LENGTH or len(set(value)) < MIN_DISTINCT_CHARACTERS:
        return f"hemligheten är för svag (minst {MIN_LENGTH} tecken, varierade)"
    return None


def load_secret(environ: Mapping[str, str] | None = None) -> str:
    """The secret to serve with, from $EST_SERVER_SECRET or the secret file; SecretError if
    there is none or it is weak. An explicitly set but empty variable is refused, not skipped."""
    environ = os.environ if environ is None else environ
    if SECRET_ENV in environ:
        value, origin = environ[SECRET_ENV], f"${SECRET_ENV}"
    else:
        path = secret_path(environ)
        try:
            value, origin = path.read_text(encoding="utf-8"), str(path)
        except FileNotFoundError:
            raise SecretError(
                f"ingen hemlighet finns ({path} saknas): kör `est-server init` eller sätt "
                f"${SECRET_ENV}"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SecretError(f"hemligheten i {path} kan inte läsas: {exc}") from None
    if problem := weakness(value):
        raise SecretError(
            f"{problem} ({origin}); sätt en slumpad hemlighet, t.ex. med "
            f'`python -c "import secrets; print(secrets.token_urlsafe(32))"`'
        )
    return value.strip()


def ensure_secret(environ: Mapping[str, str] | None = None) -> Path | None:
    """Create the secret file with a random secret unless $EST_SERVER_SECRET is set or the file
    exists. Returns the path when a file was created. Safe when two `init` run at once."""
    environ = os.environ if environ is None else environ
    if SECRET_ENV in environ:
        return None
    path = secret_path(environ)
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written whole to a private temporary file, then linked into place: a reader never sees
    # a half-written secret, and of two `init` at once the first link wins.
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(secrets.token_urlsafe(32) + "\n")
        os.link(temporary, path)
    except FileExistsError:
        return None
    finally:
        os.unlink(temporary)
    return path
