"""The `est-desktop` command line's words: every command, its options and their help, in the
user's language (the caller parses inside `command_language.speaking`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from est_desktop import __version__
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
    _add_backup_commands(commands)
    for name, command in commands.choices.items():
        _add_store_options(command, demo=name != "demo-data")  # that one is the demo store
    return main


def _add_store_options(command: argparse.ArgumentParser, *, demo: bool) -> None:
    """The main options every command also takes after its name (under names of their own:
    a value given before the command must not be overwritten by the default after it)."""
    command.add_argument(
        "--data-dir", type=Path, default=None, dest="sub_data_dir", metavar="DATA_DIR"
    )
    if demo:
        command.add_argument(
            "--demo", action="store_true", dest="sub_demo", help=translate("Commands", "demolagret")
        )
    command.add_argument("--language", choices=LANGUAGES, default=None, dest="sub_language")


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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = translate("Commands", "{text} är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-31")
        raise argparse.ArgumentTypeError(message.format(text=repr(text))) from None


def language_in(words: Sequence[str]) -> str | None:
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
