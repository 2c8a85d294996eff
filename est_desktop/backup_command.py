"""`est-desktop backup` and `est-desktop restore`: the store's backups with no window shown.

`backup` may run while EST Desktop is open (the copy is a consistent snapshot). `restore` says
what the store would lose, asks (or needs --yes when nobody can answer), and refuses while EST
Desktop has the store open. Exit status: 0 done, 1 refused or declined (nothing changed),
2 bad input or a store or file that cannot be used. No Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from est_desktop.data_files import store_path
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate
from est_desktop.store.backup import BackupError, Backups, check_backup, default_folder
from est_desktop.store.database import Store
from est_desktop.store.errors import CorruptStoreError, StoreError, StoreLockedError
from est_desktop.store.restore import (
    RestoreLoss,
    restore_damaged_store,
    restore_open_store,
    what_restoring_loses,
)

# The word a restore waits for, in the language the command speaks.
CONFIRM_WORD = QT_TRANSLATE_NOOP("Commands", "ja")


def run_backup(data_dir: Path, demo: bool, folder: Path | None, *, list_only: bool = False) -> int:
    """Take one backup into `folder` (default: the data folder's `backups`), then rotate; or,
    with `list_only`, list the backups there."""
    backups = Backups(store_path(data_dir, demo=demo), folder or default_folder(data_dir))
    if list_only:
        for line in describe_backups(backups):
            print(line)
        return 0
    try:
        taken = backups.take()
    except StoreError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    contents = backups.contents(taken.path)
    text = translate(
        "Commands",
        "Säkerhetskopia skriven: {path} ({size}, {incidents} händelser, "
        "{unsynced} ändringar ej synkade).",
    )
    print(
        text.format(
            path=taken.path,
            size=_size(taken.size),
            incidents=contents.incidents,
            unsynced=contents.unsynced,
        )
    )
    return 0


def run_restore(
    data_dir: Path,
    demo: bool,
    backup: Path,
    *,
    yes: bool,
    interactive: bool | None = None,
    ask: Callable[[str], str] = input,
) -> int:
    """Put `backup` in place of the store, after a safety copy into the backup folder."""
    path = store_path(data_dir, demo=demo)
    backups = Backups(path, default_folder(data_dir))
    interactive = sys.stdin.isatty() if interactive is None else interactive
    if not yes and not interactive:
        text = translate(
            "Commands",
            "Återställningen ersätter datalagret och behöver ett ja: kör med --yes "
            "(eller i ett terminalfönster, där kommandot frågar).",
        )
        print(text, file=sys.stderr)
        return 1
    try:
        check_backup(backup)
        try:
            store = Store.open(path)
        except CorruptStoreError:
            return _restore_damaged(backups, backup, yes=yes, ask=ask)
        with store:
            if not _confirmed(_loss_text(what_restoring_loses(path, backup)), yes, ask):
                return 1
            safety = restore_open_store(store, backups, backup)
    except StoreLockedError as exc:
        print(f"{exc.message} {_nothing_changed()}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(_restored(path, backup))
    text = translate("Commands", "Datalagret som det var före återställningen finns kvar i {path}.")
    print(text.format(path=safety.path))
    return 0


def _restore_damaged(backups: Backups, backup: Path, *, yes: bool, ask: Callable) -> int:
    text = translate(
        "Commands",
        "Datalagret {path} är skadat. Det ersätts med säkerhetskopian; "
        "de skadade filerna kopieras först till säkerhetskopiemappen.",
    )
    if not _confirmed(text.format(path=backups.store_path), yes, ask):
        return 1
    safety = restore_damaged_store(backups, backup)
    print(_restored(backups.store_path, backup))
    if safety is not None:
        text = translate("Commands", "Det skadade datalagret finns kvar i {path}.")
        print(text.format(path=safety.path))
    return 0


def _restored(path: Path, backup: Path) -> str:
    text = translate("Commands", "Datalagret {path} är återställt från {backup}.")
    return text.format(path=path, backup=backup)


def _nothing_changed() -> str:
    return translate("Commands", "Inget har ändrats.")


def _loss_text(loss: RestoreLoss) -> str:
    if loss.nothing:
        return translate("Commands", "Datalagret har inget som saknas i säkerhetskopian.")
    lines = [translate("Commands", "Återställningen tar bort ur datalagret:")]
    if loss.incidents_after:
        text = translate(
            "Commands",
            "{count} händelser sparade efter säkerhetskopian ({on_server} av dem finns på "
            "servern och hämtas igen vid nästa synk)",
        )
        lines.append("  " + text.format(count=loss.incidents_after, on_server=loss.on_server))
    if loss.unsynced:
        text = translate("Commands", "{count} ändringar som ännu inte har synkats till servern")
        lines.append("  " + text.format(count=loss.unsynced))
    return "\n".join(lines)


def _confirmed(text: str, yes: bool, ask: Callable[[str], str]) -> bool:
    print(text)
    if yes:
        return True
    word = translate("Commands", CONFIRM_WORD)
    try:
        answer = ask(translate("Commands", "Skriv {word} för att återställa: ").format(word=word))
    except EOFError:
        answer = ""
    if answer.strip().lower() == word:
        return True
    print(_nothing_changed(), file=sys.stderr)
    return False


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def describe_backups(backups: Backups) -> list[str]:
    """One line per backup, newest first."""
    lines = []
    for backup in backups.list():
        when = backup.taken_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
        try:
            contents = backups.contents(backup.path)
            text = translate("Commands", "{incidents} händelser, {unsynced} ej synkade")
            held = text.format(incidents=contents.incidents, unsynced=contents.unsynced)
        except BackupError as exc:
            held = exc.message
        lines.append(f"{when}  {_size(backup.size):>9}  {held}  {backup.path}")
    return lines
