"""The `est-desktop` command: the GUI, and the headless commands beside it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from est_desktop import __version__
from est_desktop.data_files import default_data_dir
from est_desktop.domain.language import translate

LANGUAGES = ("sv", "en")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="est-desktop",
        description=translate(
            "Commands", "EST Desktop: registrera och följ upp otrygghetsskapande händelser."
        ),
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    main.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=translate("Commands", "mapp för datalagret (standard: användarens datamapp)"),
    )
    main.add_argument(
        "--demo",
        action="store_true",
        help=translate(
            "Commands", "öppna ett separat demolager med påhittade händelser (aldrig det riktiga)"
        ),
    )
    main.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help=translate(
            "Commands", "språk i fönstret och kommandonas utskrifter (standard: inställningens)"
        ),
    )
    main.add_argument(
        "--self-test",
        action="store_true",
        help=translate(
            "Commands",
            "kontrollera installationen utan fönster (tillfälligt datalager, karta, PDF); "
            "slutstatus 0 när allt fungerar",
        ),
    )
    commands = main.add_subparsers(dest="command")
    demo = commands.add_parser(
        "demo-data", help=translate("Commands", "skapa demodata utan fönster")
    )
    demo.add_argument(
        "--count", type=int, default=20_000, help=translate("Commands", "antal händelser")
    )
    demo.add_argument(
        "--data-dir", type=Path, default=None, dest="sub_data_dir", metavar="DATA_DIR"
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        help=translate("Commands", "slumpfrö (samma frö, samma data)"),
    )
    demo.add_argument(
        "--replace",
        action="store_true",
        help=translate("Commands", "ersätt ett demolager som redan har data"),
    )
    report = commands.add_parser(
        "report",
        help=translate("Commands", "skriv en sammanfattning som PDF utan fönster"),
        description=translate(
            "Commands",
            "Skriv distriktssammanfattningen, veckans lägesbild eller återkopplingen "
            "till personalen som PDF, utan att visa något fönster.",
        ),
    )
    report.add_argument(
        "--kind",
        choices=("summary", "weekly", "feedback"),
        default="summary",
        help=translate(
            "Commands",
            "summary: distriktssammanfattning (standard); weekly: veckans lägesbild; "
            "feedback: återkoppling till personalen",
        ),
    )
    report.add_argument(
        "--district",
        action="append",
        default=[],
        help=translate(
            "Commands", "distriktets kod, t.ex. hulta (kan upprepas; utan: alla distrikt)"
        ),
    )
    report.add_argument(
        "--from", dest="first", type=_day, help=translate("Commands", "första dag, ÅÅÅÅ-MM-DD")
    )
    report.add_argument(
        "--to",
        dest="last",
        type=_day,
        help=translate("Commands", "sista dag, ÅÅÅÅ-MM-DD (standard: i går)"),
    )
    report.add_argument(
        "--out", type=Path, required=True, help=translate("Commands", "PDF-filen som skrivs")
    )
    report.add_argument(
        "--assessment-file",
        type=Path,
        help=translate("Commands", "textfil med analytikerns bedömning"),
    )
    report.add_argument(
        "--by",
        default="",
        help=translate("Commands", "vem som sammanställt (standard: användarnamnet)"),
    )
    report.add_argument(
        "--data-dir", type=Path, default=None, dest="sub_data_dir", metavar="DATA_DIR"
    )
    report.add_argument(
        "--demo", action="store_true", dest="sub_demo", help=translate("Commands", "demolagret")
    )

    imported = commands.add_parser(
        "import",
        help=translate("Commands", "importera polisens data utan fönster"),
        description=translate(
            "Commands",
            "Läs en brottsexport (CSV) eller polisens händelser (JSON) in i datalagret. "
            "Slutstatus 0: klart, 1: några rader avvisades (övriga importerades), "
            "2: filen kunde inte läsas.",
        ),
    )
    imported.add_argument("file", type=Path, help=translate("Commands", "filen som importeras"))
    imported.add_argument(
        "--format",
        choices=("police-csv", "police-events"),
        default=None,
        dest="import_format",
        help=translate("Commands", "filens format (standard: avgörs av innehållet)"),
    )
    imported.add_argument(
        "--data-dir", type=Path, default=None, dest="sub_data_dir", metavar="DATA_DIR"
    )
    imported.add_argument(
        "--demo", action="store_true", dest="sub_demo", help=translate("Commands", "demolagret")
    )

    export = commands.add_parser(
        "export",
        help=translate("Commands", "exportera som CSV eller GeoJSON utan fönster"),
        description=translate(
            "Commands",
            "Aggregerad export (antal per distrikt eller ruta och månad eller vecka, små "
            "antal dolda) för spridning utanför parterna, eller händelserna i urvalet.",
        ),
    )
    export.add_argument(
        "--kind",
        choices=("aggregated", "incidents"),
        default="aggregated",
        help=translate(
            "Commands", "aggregated: antal med små tal dolda (standard); incidents: händelserna"
        ),
    )
    export.add_argument("--format", dest="fmt", choices=("csv", "geojson"), default="csv")
    export.add_argument(
        "--out", type=Path, required=True, help=translate("Commands", "filen som skrivs")
    )
    export.add_argument(
        "--from", dest="first", type=_day, help=translate("Commands", "första dag, ÅÅÅÅ-MM-DD")
    )
    export.add_argument(
        "--to", dest="last", type=_day, help=translate("Commands", "sista dag, ÅÅÅÅ-MM-DD")
    )
    export.add_argument(
        "--district",
        action="append",
        default=[],
        help=translate("Commands", "distriktskod (kan upprepas)"),
    )
    export.add_argument("--by", choices=("district", "cell"), default="district")
    export.add_argument(
        "--cell-size",
        dest="cell_m",
        type=float,
        default=250.0,
        help=translate("Commands", "rutans sida i meter"),
    )
    export.add_argument("--unit", choices=("month", "week"), default="month")
    export.add_argument(
        "--by-group", action="store_true", help=translate("Commands", "antal per kategorigrupp")
    )
    export.add_argument(
        "--threshold",
        type=int,
        default=3,
        help=translate("Commands", "antal under detta visas som <N (minst 3)"),
    )
    export.add_argument(
        "--include-free-text",
        action="store_true",
        help=translate("Commands", "ta med platsnamn och beskrivning"),
    )
    export.add_argument(
        "--include-police",
        action="store_true",
        help=translate("Commands", "ta med polisens händelser"),
    )
    export.add_argument(
        "--data-dir", type=Path, default=None, dest="sub_data_dir", metavar="DATA_DIR"
    )
    export.add_argument(
        "--demo", action="store_true", dest="sub_demo", help=translate("Commands", "demolagret")
    )
    _add_backup_commands(commands)
    for command in commands.choices.values():  # also after the command, as --data-dir
        command.add_argument("--language", choices=LANGUAGES, default=None, dest="sub_language")
    return main


def _add_backup_commands(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help=translate(
            "Commands", "säkerhetskopiera datalagret (går bra medan programmet är öppet)"
        ),
        description=translate(
            "Commands",
            "Skriv en kontrollerad säkerhetskopia av datalagret och gallra de gamla "
            "(de 3 senaste, den senaste per dag i 7 dagar och per vecka i 4 veckor sparas).",
        ),
    )
    backup.add_argument(
        "--to",
        type=Path,
        default=None,
        help=translate("Commands", "mappen kopian skrivs i (standard: DATAMAPP/backups)"),
    )
    backup.add_argument(
        "--list",
        action="store_true",
        help=translate("Commands", "visa kopiorna i mappen i stället"),
    )
    backup.add_argument(
        "--data-dir", type=Path, default=None, dest="sub_data_dir", metavar="DATA_DIR"
    )
    backup.add_argument(
        "--demo", action="store_true", dest="sub_demo", help=translate("Commands", "demolagret")
    )
    restore = commands.add_parser(
        "restore",
        help=translate("Commands", "återställ datalagret från en säkerhetskopia"),
        description=translate(
            "Commands",
            "Ersätt datalagret med en säkerhetskopia. Säger först vad som går förlorat "
            "och frågar; utan terminal krävs --yes. Datalagret som det var sparas först i "
            "DATAMAPP/backups. Vägrar medan EST Desktop har datalagret öppet.",
        ),
    )
    restore.add_argument(
        "backup_file",
        type=Path,
        metavar="KOPIA",
        help=translate("Commands", "säkerhetskopians fil"),
    )
    restore.add_argument(
        "--yes", action="store_true", help=translate("Commands", "återställ utan att fråga")
    )
    restore.add_argument(
        "--data-dir", type=Path, default=None, dest="sub_data_dir", metavar="DATA_DIR"
    )
    restore.add_argument(
        "--demo", action="store_true", dest="sub_demo", help=translate("Commands", "demolagret")
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = translate("Commands", "{text} är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-31")
        raise argparse.ArgumentTypeError(message.format(text=repr(text))) from None


def main(argv: Sequence[str] | None = None) -> int:
    from est_desktop.command_language import speaking  # QtCore only, no Qt application

    words = sys.argv[1:] if argv is None else list(argv)
    with speaking(_language_in(words)):  # help and the arguments' errors, too
        args = parser().parse_args(words)
    given = getattr(args, "sub_data_dir", None) or args.data_dir
    language = getattr(args, "sub_language", None) or args.language
    if given is None and args.command is None and not args.self_test:
        data_dir = default_data_dir()  # the window reads the setting itself (and copies a move)
    else:
        data_dir = given or _data_dir_of_settings()
    if args.self_test:
        from est_desktop.self_test import run_self_test

        return run_self_test(data_dir, language)
    if args.command == "report":
        from est_desktop.report_command import make_report  # Qt, offscreen

        return make_report(
            data_dir,
            demo=args.demo or args.sub_demo,
            kind=args.kind,
            districts=tuple(args.district),
            first=args.first,
            last=args.last,
            out=args.out,
            assessment_file=args.assessment_file,
            made_by=args.by,
            language=language,
        )
    if args.command is not None:
        with speaking(language):
            return _run_command(args, data_dir)
    from est_desktop.app import run  # Qt is loaded only for the GUI

    return run(data_dir, demo=args.demo, language=language, argv=sys.argv[:1])


def _language_in(words: Sequence[str]) -> str | None:
    """The last valid `--language X` or `--language=X` in `words`, before or after the command
    (a bad value is left for argparse to report), else None."""
    found = None
    for i, word in enumerate(words):
        if word == "--":
            break
        value = word.partition("=")[2] if word.startswith("--language=") else None
        if word == "--language" and i + 1 < len(words):
            value = words[i + 1]
        if value in LANGUAGES:
            found = value
    return found


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    """One of the plain headless commands (no window, no drawing)."""
    if args.command == "demo-data":
        return make_demo_data(data_dir, args.count, seed=args.seed, replace=args.replace)
    if args.command == "import":
        from est_desktop.import_command import run_import

        return run_import(args.file, data_dir, args.import_format, args.demo or args.sub_demo)
    if args.command == "export":
        from est_desktop.export_command import run_export

        return run_export(
            data_dir,
            args.demo or args.sub_demo,
            args.kind,
            args.fmt,
            args.out,
            args.first,
            args.last,
            tuple(args.district),
            args.by,
            args.unit,
            args.threshold,
            args.include_free_text,
            args.include_police,
            cell_m=args.cell_m,
            by_group=args.by_group,
        )
    from est_desktop import backup_command  # backup or restore: argparse allows no other

    demo = args.demo or args.sub_demo
    if args.command == "restore":
        return backup_command.run_restore(data_dir, demo, args.backup_file, yes=args.yes)
    return backup_command.run_backup(data_dir, demo, args.to, list_only=args.list)


def _data_dir_of_settings() -> Path:
    """The data folder the app uses, for the commands that run without it.

    While a move chosen in the settings waits for the app's next start, the data are still in
    the old folder; the commands never make the copy themselves (the app does, before opening).
    """
    from PySide6.QtCore import QSettings  # only QtCore: no window, no display needed

    from est_desktop.ui.preferences import Preferences

    preferences = Preferences(QSettings("EST", "EST Desktop"))
    folder = preferences.data_copy_from or preferences.data_folder
    return Path(folder) if folder else default_data_dir()


def make_demo_data(data_dir: Path, count: int, *, seed: int, replace: bool) -> int:
    from est_desktop.data_files import demo_end, store_path
    from est_desktop.demo_data import fill_demo_store
    from est_desktop.store.database import Store
    from est_desktop.store.errors import StoreError
    from est_desktop.store.incident_filters import IncidentFilter
    from est_desktop.store.incidents import IncidentRepository

    if count < 1:
        print(translate("Commands", "--count måste vara minst 1."), file=sys.stderr)
        return 2
    path = store_path(data_dir, demo=True)
    try:
        with Store.open(path) as store:
            existing = IncidentRepository(store).count(IncidentFilter())
            if existing and not replace:
                text = translate(
                    "Commands",
                    "Demolagret {path} har redan {count} händelser. "
                    "Använd --replace för att skapa det på nytt.",
                )
                print(text.format(path=path, count=existing), file=sys.stderr)
                return 1
        if existing:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)  # only ever the demo file
        with Store.open(path) as store:
            written = fill_demo_store(store, count, seed=seed, end=demo_end())
    except StoreError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(
        translate("Commands", "{count} demohändelser skrivna till {path}").format(
            count=written, path=path
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
