"""The `est-desktop` command: the GUI, and the headless commands beside it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from est_desktop import __version__
from est_desktop.data_files import default_data_dir


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="est-desktop",
        description="EST Desktop: registrera och följ upp otrygghetsskapande händelser.",
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    main.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="mapp för datalagret (standard: användarens datamapp)",
    )
    main.add_argument(
        "--demo",
        action="store_true",
        help="öppna ett separat demolager med påhittade händelser (aldrig det riktiga)",
    )
    main.add_argument("--language", choices=("sv", "en"), default=None, help="språk i fönstret")
    commands = main.add_subparsers(dest="command")
    demo = commands.add_parser("demo-data", help="skapa demodata utan fönster")
    demo.add_argument("--count", type=int, default=20_000, help="antal händelser")
    demo.add_argument("--data-dir", type=Path, default=None, dest="sub_data_dir")
    demo.add_argument("--seed", type=int, default=1, help="slumpfrö (samma frö, samma data)")
    demo.add_argument(
        "--replace", action="store_true", help="ersätt ett demolager som redan har data"
    )
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    data_dir = getattr(args, "sub_data_dir", None) or args.data_dir or default_data_dir()
    if args.command == "demo-data":
        return make_demo_data(data_dir, args.count, seed=args.seed, replace=args.replace)
    from est_desktop.app import run  # Qt is loaded only for the GUI

    return run(data_dir, demo=args.demo, language=args.language, argv=sys.argv[:1])


def make_demo_data(data_dir: Path, count: int, *, seed: int, replace: bool) -> int:
    from est_desktop.data_files import demo_end, store_path
    from est_desktop.demo_data import fill_demo_store
    from est_desktop.store.database import Store
    from est_desktop.store.errors import StoreError
    from est_desktop.store.incidents import IncidentFilter, IncidentRepository

    if count < 1:
        print("--count måste vara minst 1.", file=sys.stderr)
        return 2
    path = store_path(data_dir, demo=True)
    try:
        with Store.open(path) as store:
            existing = IncidentRepository(store).count(IncidentFilter())
            if existing and not replace:
                print(
                    f"Demolagret {path} har redan {existing} händelser. "
                    "Använd --replace för att skapa det på nytt.",
                    file=sys.stderr,
                )
                return 1
        if existing:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)  # only ever the demo file
        with Store.open(path) as store:
            written = fill_demo_store(store, count, seed=seed, end=demo_end())
    except StoreError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(f"{written} demohändelser skrivna till {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
