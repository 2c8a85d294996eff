"""The privacy commands of `est-server`: audit, retention, find-text, redact (docs/privacy.md).

`cli.py` adds them to its parser and runs them on an open database. Results go to standard
output (listings, counts); bad arguments end the command with exit code 2 before the database is
touched. Changes made here are audited under the name `cli:<operating-system user>`.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from datetime import datetime

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.server import audit
from est_desktop.server.audit import Action, AuditEvent, parse_since
from est_desktop.server.database import ServerDatabase
from est_desktop.server.redaction import TextError, TextSearch, find_text, redact_text
from est_desktop.server.retention import RetentionMode, apply_retention, parse_age
from est_desktop.server.settings import RetentionSettings

Command = Callable[[str, str], argparse.ArgumentParser]
PAGE = 1000
_FIELD_LABELS = {
    "description": "beskrivning",
    "place_name": "platsnamn",
    "title": "rubrik",
    "follow_up": "uppföljning",
}
_ENTITY_LABELS = {"incident": ("händelse", "händelser"), "measure": ("åtgärd", "åtgärder")}


def cli_actor() -> str:
    """Who runs the command, as the audit log names them."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "cli"


def add_commands(command: Command) -> None:
    """The privacy subcommands, made with cli.py's `command` (which adds --database)."""
    defaults = RetentionSettings.from_environment()
    show = command("audit", "visa granskningsloggen (vem hämtade, ändrade, loggade in …)")
    show.add_argument("--since", type=_since, help="från datum ÅÅÅÅ-MM-DD eller tid (RFC 3339)")
    show.add_argument("--user", help="bara den här användaren")
    show.add_argument("--action", choices=[a.value for a in Action], help="bara den här sorten")
    keep = command("retention", "maska eller ta bort gamla händelser (gallring)")
    keep.add_argument(
        "--older-than",
        type=_age,
        default=defaults.older_than,
        help=f"äldre än t.ex. 5y, 18m, 90d (standard {defaults.older_than})",
    )
    keep.add_argument(
        "--mode",
        type=_mode,
        default=defaults.mode,
        help=f"redact (maska fritext och klockslag) eller delete (standard {defaults.mode})",
    )
    keep.add_argument(
        "--audit-older-than",
        type=_age,
        default=defaults.audit_older_than or None,
        help="glöm också granskningsloggens poster äldre än detta, t.ex. 2y (standard "
        f"{defaults.audit_older_than or 'behåll alla'})",
    )
    keep.add_argument("--dry-run", action="store_true", help="räkna bara, ändra inget")
    find = command("find-text", "lista poster vars fritext nämner en text (t.ex. ett namn)")
    find.add_argument("text", type=_text)
    redact = command("redact", "ersätt en text med […] i all fritext (radering på begäran)")
    redact.add_argument("text", type=_text)
    redact.add_argument("--dry-run", action="store_true", help="räkna bara, ändra inget")


def show_audit(args: argparse.Namespace, db: ServerDatabase) -> int:
    rows = [("TID", "ANVÄNDARE", "HÄNDELSE", "POST", "OP", "STATUS", "ANTAL", "DETALJ")]
    cursor: str | None = None
    while True:
        with db.reading() as conn:
            page = audit.read(
                conn,
                since=args.since,
                username=args.user,
                action=args.action,
                cursor=cursor,
                limit=PAGE,
            )
        rows.extend(_audit_row(entry) for entry in page.entries)
        cursor = page.cursor
        if not page.has_more:
            break
    audit.write(db, [AuditEvent(cli_actor(), Action.AUDIT_READ, count=len(rows) - 1)])
    _print_table(rows)
    return 0


def retention(args: argparse.Namespace, db: ServerDatabase) -> int:
    report = apply_retention(
        db,
        args.older_than,
        args.mode,
        actor=cli_actor(),
        dry_run=args.dry_run,
        audit_older_than=args.audit_older_than,
    )
    day = report.cutoff.astimezone(LOCAL_TZ).date().isoformat()
    verb = {
        (RetentionMode.REDACT, True): "skulle maskas",
        (RetentionMode.REDACT, False): "maskades",
        (RetentionMode.DELETE, True): "skulle tas bort",
        (RetentionMode.DELETE, False): "togs bort",
    }[(report.mode, report.dry_run)]
    prefix = "Torrkörning, inget ändrat. " if report.dry_run else ""
    forgot = "skulle glömmas" if report.dry_run else "glömdes"
    print(
        f"{prefix}Gräns: händelser före {day}. {report.incidents.changed} händelser {verb} "
        f"(av {report.incidents.examined} genomgångna, borttagna inräknade). "
        f"{report.answers_forgotten} sparade push-svar {forgot}."
    )
    if args.audit_older_than is not None:
        print(f"{report.audit_entries_forgotten} poster i granskningsloggen {forgot}.")
    return 0


def find(args: argparse.Namespace, db: ServerDatabase) -> int:
    matches, total = find_text(db, args.text.text, actor=cli_actor())
    for match in matches:
        record = match.record
        when = str(record.get("occurred_at") or record.get("start_date") or "")[:10]
        state = " (borttagen)" if match.deleted else ""
        entity = _ENTITY_LABELS.get(match.entity, (match.entity,))[0]
        print(f"{entity} {match.id} rev {match.revision} {when}{state}")
        for name in match.fields:
            print(f"    {_FIELD_LABELS.get(name, name)}: {record[name]}")
    shown = f" (de första {len(matches)} visas)" if total > len(matches) else ""
    print(f"{total} poster nämner texten{shown}.")
    return 0


def redact(args: argparse.Namespace, db: ServerDatabase) -> int:
    report = redact_text(db, args.text.text, actor=cli_actor(), dry_run=args.dry_run)
    parts = [
        f"{count} {_ENTITY_LABELS.get(entity, (entity, entity))[count != 1]}"
        for entity, count in sorted(report.records.by_entity.items())
    ]
    what = ", ".join(parts) or "inga poster"
    if report.dry_run:
        print(
            f"Torrkörning, inget ändrat. Texten skulle ersättas i {what} och i "
            f"{report.answers_rewritten} sparade push-svar."
        )
    else:
        print(
            f"Texten är ersatt med […] i {what} och i {report.answers_rewritten} sparade "
            "push-svar; klienterna får ändringen vid nästa synk."
        )
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, ServerDatabase], int]] = {
    "audit": show_audit,
    "retention": retention,
    "find-text": find,
    "redact": redact,
}


def _audit_row(entry: dict[str, object]) -> tuple[str, ...]:
    at = datetime.fromisoformat(str(entry["at"])).astimezone(LOCAL_TZ)
    target = " ".join(str(entry[k]) for k in ("entity", "record_id") if entry[k])
    return (
        at.strftime("%Y-%m-%d %H:%M:%S"),
        str(entry["username"]),
        str(entry["action"]),
        target,
        str(entry["op"] or ""),
        str(entry["status"] or ""),
        "" if entry["count"] is None else str(entry["count"]),
        str(entry["detail"] or ""),
    )


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def _argument_type(parse: Callable[[str], object]) -> Callable[[str], object]:
    def checked(raw: str) -> object:
        try:
            return parse(raw)
        except (ValueError, TextError) as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return checked


_since = _argument_type(parse_since)
_age = _argument_type(parse_age)
_text = _argument_type(TextSearch.of)


def _mode(raw: str) -> RetentionMode:
    try:
        return RetentionMode(raw.strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(f"okänt läge {raw!r}: välj redact eller delete") from None
