"""The main window's menu bar: every command in its menu, with its shortcut.

The actions are children of the window, so their shortcuts work wherever the focus is in it.
Each one calls the window, one of its panels or a help dialog; the menus keep no state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from est_desktop.store.database import Store
from est_desktop.ui.help_dialogs import show_about, show_quick_guide, show_shortcuts
from est_desktop.ui.preferences import Preferences

if TYPE_CHECKING:
    from est_desktop.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | None


def build_menu_bar(
    window: MainWindow, preferences: Preferences, store: Store, *, printing: bool
) -> None:
    """Arkiv, Redigera, Visa, Synk and Hjälp; the printed summaries only with `printing`."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Arkiv"))
    _fill_file_menu(window, file_menu, printing)
    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Redigera"))
    _fill_edit_menu(window, edit_menu)
    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Visa"))
    _fill_view_menu(window, view_menu)
    window.sync.build_menu(bar.addMenu(QCoreApplication.translate("MainWindow", "S&ynk")))
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Hjälp"))
    _fill_help_menu(window, help_menu, preferences, store)


def _fill_file_menu(window: MainWindow, menu: QMenu, printing: bool) -> None:
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Ny händelse"),
        QKeySequence.StandardKey.New,
        window.form.start_new,
    )
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Spara händelse"),
        QKeySequence.StandardKey.Save,
        window.form.save,
    )
    if printing:
        menu.addSeparator()
        _action(
            window,
            menu,
            QCoreApplication.translate("MainWindow", "Skriv ut samman&fattning…"),
            QKeySequence.StandardKey.Print,
            window.open_report_dialog,
        )
        _action(
            window,
            menu,
            QCoreApplication.translate("MainWindow", "Veckans &lägesbild…"),
            QKeySequence("Ctrl+Shift+P"),
            window.preview_weekly_picture,
        )
    menu.addSeparator()
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "Importera &polisdata…"),
        None,
        window.open_import_dialog,
    )
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Exportera…"),
        None,
        window.open_export_dialog,
    )
    menu.addSeparator()
    window.backups.add_actions(menu)
    menu.addSeparator()
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Inställningar…"),
        None,
        window.open_settings,
    )
    menu.addSeparator()
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "A&vsluta"),
        QKeySequence.StandardKey.Quit,
        window.close,
    )


def _fill_edit_menu(window: MainWindow, menu: QMenu) -> None:
    panel = window.list_panel
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Ändra vald händelse"),
        QKeySequence("Ctrl+E"),
        panel.edit_selected,
    )
    delete = _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Ta bort vald händelse…"),
        QKeySequence.StandardKey.Delete,
        panel.delete_selected,
    )
    # Delete only acts in the list, so the key still deletes text in the form's fields.
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    panel.table.addAction(delete)
    menu.addSeparator()
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Sök…"),
        QKeySequence.StandardKey.Find,
        lambda: _focus_search(window),
    )


def _fill_view_menu(window: MainWindow, menu: QMenu) -> None:
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Uppdatera listan"),
        QKeySequence.StandardKey.Refresh,
        window.list_panel.refresh,
    )
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Rensa filter"),
        None,
        window.list_panel.filters.reset,
    )
    if window.map_panel is not None:
        menu.addSeparator()
        menu.addMenu(window.map_panel.menu)
    if window.analysis_panel is not None:
        toggle = window.analysis_dock.toggleViewAction()
        toggle.setText(QCoreApplication.translate("MainWindow", "&Analys"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+A"))
        menu.addAction(toggle)
    if window.measures_panel is not None:
        toggle = window.measures_dock.toggleViewAction()
        toggle.setText(QCoreApplication.translate("MainWindow", "Å&tgärder"))
        menu.addAction(toggle)


def _fill_help_menu(
    window: MainWindow, menu: QMenu, preferences: Preferences, store: Store
) -> None:
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Snabbguide"),
        QKeySequence.StandardKey.HelpContents,  # F1
        lambda: show_quick_guide(window, preferences.language),
    )
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Kortkommandon"),
        None,
        lambda: show_shortcuts(window),
    )
    menu.addSeparator()
    _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Om EST Desktop"),
        None,
        lambda: show_about(window, store.path, preferences.server_url),
    )


def _action(
    window: MainWindow, menu: QMenu, text: str, shortcut: Shortcut, slot: Callable[[], object]
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def _focus_search(window: MainWindow) -> None:
    search = window.list_panel.filters.search
    search.setFocus()
    search.selectAll()
