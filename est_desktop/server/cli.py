"""The `est-server` command: set up the database, manage users, serve the API.

`init`, `add-user` and `serve` are binding (PROTOCOL.md, "Operating the server"). Messages for
people are Swedish and go to standard error; listings go to standard output. Exit codes: 0 done,
1 failed (e.g. the user exists, the database is unreachable), 2 wrong arguments.
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from est_desktop import __version__
from est_desktop.server import privacy_cli
from est_desktop.server.database import DATABASE_ENV, DEFAULT_URL, SchemaError, ServerDatabase
from est_desktop.server.identity import ORGANISATIONS, Role
from est_desktop.server.secret import (
    SECRET_ENV,
    SecretError,
    ensure_secret,
    load_secret,
    secret_path,
)
from est_desktop.server.settings import TOKEN_HOURS_ENV, parse_token_hours
from est_desktop.server.users import (
    UnknownUserError,
    UserError,
    UserExistsError,
    add_user,
    check_organisation,
    list_users,
    parse_role,
    reset_password,
    set_active,
)

USAGE_ERROR = 2
KEEP_ALIVE_SECONDS = 5  # an idle connection is closed after this; clients reconnect at once


class CommandError(Exception):
    """Ends the command with a message and an exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="est-server", description="EST-servern: delad lagring och synk för EST Desktop."
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument(
            "--database",
            default=os.environ.get(DATABASE_ENV) or DEFAULT_URL,
            help=f"SQLAlchemy-URL (standard: ${DATABASE_ENV}, annars {DEFAULT_URL})",
        )
        return sub

    command("init", "skapa eller uppgradera databasens schema")
    add = command("add-user", "lägg till en användare (lösenordet läses från standard in)")
    add.add_argument("--username", required=True)
    add.add_argument("--organisation", required=True, help=", ".join(ORGANISATIONS))
    add.add_argument("--role", required=True, help=", ".join(r.value for r in Role))
    add.add_argument("--password", help="annars läses det från standard in")
    command("list-users", "lista användarna")
    for name, help in (
        ("disable-user", "stäng av en användare och avsluta dess inloggningar"),
        ("enable-user", "aktivera en avstängd användare igen"),
    ):
        command(name, help).add_argument("--username", required=True)
    reset = command("reset-password", "byt lösenord och avsluta användarens inloggningar")
    reset.add_argument("--username", required=True)
    reset.add_argument("--password", help="annars läses det från standard in")
    serve = command("serve", "kör API:t tills SIGTERM eller Ctrl-C")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="antal processer (standard 1)")
    serve.add_argument(
        "--token-hours",
        type=_token_hours,
        default=None,
        help=f"hur länge en token gäller (standard ${TOKEN_HOURS_ENV}, annars 12)",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default=None,
        help="adresser till omvända proxyer vars X-Forwarded-For/-Proto litas på, t.ex. "
        "127.0.0.1 (standard: ingen)",
    )
    privacy_cli.add_commands(command)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except CommandError as exc:
        print(f"est-server: {exc}", file=sys.stderr)
        return exc.exit_code


def _token_hours(raw: str) -> float:
    try:
        return parse_token_hours(raw)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _open(url: str, *, check: bool = True) -> ServerDatabase:
    """The database at `url`, with a schema this server knows unless `check` is off."""
    try:
        db = ServerDatabase.connect(url)
        if check:
            db.check_schema()
        return db
    except SchemaError as exc:
        raise CommandError(f"databasen kan inte användas: {exc}") from None
    except (ArgumentError, SQLAlchemyError, OSError) as exc:
        raise CommandError(f"databasen {url} kan inte öppnas: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _init(args: argparse.Namespace) -> int:
    db = _open(args.database, check=False)
    try:
        db.migrate()
    except SQLAlchemyError as exc:
        raise CommandError(f"schemat kunde inte skapas: {_first_line(exc)}") from None
    finally:
        db.close()
    print("Databasen är klar.", file=sys.stderr)
    try:
        created = ensure_secret()
    except OSError as exc:
        raise CommandError(f"hemligheten kunde inte sparas i {secret_path()}: {exc}") from None
    if created:
        print(f"En ny slumpad hemlighet är sparad i {created}.", file=sys.stderr)
    return 0


def _read_password(given: str | None) -> str:
    """--password, else one line of standard input (asked twice when it is a terminal)."""
    if given is not None:
        return given
    if sys.stdin.isatty():
        first = getpass.getpass("Lösenord: ")
        if first != getpass.getpass("Lösenord igen: "):
            raise CommandError("lösenorden var olika", USAGE_ERROR)
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _with_users(action: Any, args: argparse.Namespace, *values: Any) -> None:
    db = _open(args.database)
    try:
        action(db, *values, actor=privacy_cli.cli_actor())
    except (UserExistsError, UnknownUserError) as exc:
        raise CommandError(str(exc)) from None
    except UserError as exc:
        raise CommandError(str(exc), USAGE_ERROR) from None
    finally:
        db.close()


def _add_user(args: argparse.Namespace) -> int:
    try:  # bad arguments are reported before a password is asked for
        parse_role(args.role)
        check_organisation(args.organisation)
    except UserError as exc:
        raise CommandError(str(exc), USAGE_ERROR) from None
    password = _read_password(args.password)
    _with_users(add_user, args, args.username, args.organisation, args.role, password)
    print(f"Användaren {args.username} är tillagd.", file=sys.stderr)
    return 0


def _list_users(args: argparse.Namespace) -> int:
    db = _open(args.database)
    try:
        accounts = list_users(db)
    finally:
        db.close()
    rows = [("ANVÄNDARE", "ORGANISATION", "ROLL", "STATUS")] + [
        (
            a.user.username,
            a.user.organisation,
            a.user.role.value,
            "aktiv" if a.active else "avstängd",
        )
        for a in accounts
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


def _set_active(args: argparse.Namespace) -> int:
    active = args.command == "enable-user"
    _with_users(set_active, args, args.username, active)
    state = "aktiverad" if active else "avstängd; dess inloggningar är avslutade"
    print(f"Användaren {args.username} är {state}.", file=sys.stderr)
    return 0


def _reset_password(args: argparse.Namespace) -> int:
    _open(args.database).close()  # an unknown database fails before the password is asked for
    _with_users(reset_password, args, args.username, _read_password(args.password))
    print(
        f"Lösenordet för {args.username} är bytt; dess inloggningar är avslutade.", file=sys.stderr
    )
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    if args.workers < 1:
        raise CommandError("--workers måste vara minst 1", USAGE_ERROR)
    _open(args.database).close()  # refuse a missing or old schema with a clear message
    try:
        secret = load_secret()
    except SecretError as exc:
        raise CommandError(f"startar inte: {exc}") from None
    os.environ[DATABASE_ENV] = args.database  # read by every worker's app_from_environment()
    os.environ[SECRET_ENV] = secret
    if args.token_hours is not None:
        os.environ[TOKEN_HOURS_ENV] = str(args.token_hours)
    # uvicorn shuts down gracefully on SIGTERM/SIGINT, then raises the signal again to end the
    # process the default way; these handlers turn that into a clean exit 0 instead.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _exit_cleanly)
    uvicorn.run(
        "est_desktop.server.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=args.forwarded_allow_ips is not None,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_config=_log_config(),
        timeout_graceful_shutdown=30,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        server_header=False,
    )
    return 0


def _exit_cleanly(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def _log_config() -> dict[str, Any]:
    """uvicorn's logs and ours, all to standard error (uvicorn sends access logs to stdout)."""
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": handler},
        "loggers": {
            name: {"handlers": ["stderr"], "level": "INFO", "propagate": False}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "est_desktop")
        },
    }


_COMMANDS = {
    "init": _init,
    "add-user": _add_user,
    "list-users": _list_users,
    "disable-user": _set_active,
    "enable-user": _set_active,
    "reset-password": _reset_password,
    "serve": _serve,
}


def _on_database(handler: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        db = _open(args.database)
        try:
            return handler(args, db)
        finally:
            db.close()

    return run


_COMMANDS.update({name: _on_database(handler) for name, handler in privacy_cli.HANDLERS.items()})
