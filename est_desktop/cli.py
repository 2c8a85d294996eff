"""The `est-desktop` command: the GUI, and the headless commands beside it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from est_desktop.cli_parser import language_in, parser
from est_desktop.data_files import default_data_dir
from est_desktop.domain.language import translate


def main(argv: Sequence[str] | None = None) -> int:
    from est_desktop.command_language import speaking  # QtCore only, no Qt application

    words = sys.argv[1:] if argv is None else list(argv)
    with speaking(language_in(words)):  # help and the arguments' errors, too
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
