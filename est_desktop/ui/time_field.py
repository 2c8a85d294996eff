"""When it happened: a date and time in Stockholm time, quick choices, and how sure it is."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.incident import LOCAL_TZ, TimePrecision


class TimeField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateTimeEdit()
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        now_button = QPushButton(self.tr("Nu"))
        now_button.setToolTip(self.tr("Sätt tiden till nu"))
        now_button.clicked.connect(self.set_now)
        earlier = QToolButton()
        earlier.setText(self.tr("Tidigare"))
        earlier.setToolTip(self.tr("Tidigare i dag eller i går kväll"))
        earlier.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        earlier.setMenu(self._earlier_menu())
        self._precision = QComboBox()
        for text in (
            self.tr("Exakt tid"),
            self.tr("Ungefärlig tid (± 1 timme)"),
            self.tr("Bara dagen är känd"),
        ):
            self._precision.addItem(text)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(now_button)
        row.addWidget(earlier)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self._precision)
        self.setFocusProxy(self.edit)

    def shown(self) -> QDateTime:
        """What the field shows, to tell whether the user changed it."""
        return self.edit.dateTime()

    def moment(self) -> datetime:
        """The shown minute as an aware Stockholm time."""
        value = self.edit.dateTime()
        date, time = value.date(), value.time()
        moment = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
        return moment.replace(tzinfo=LOCAL_TZ)

    def set_moment(self, moment: datetime) -> None:
        local = moment.astimezone(LOCAL_TZ)
        date, time = QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
        self.edit.setDateTime(QDateTime(date, time))

    def precision(self) -> TimePrecision:
        return list(TimePrecision)[self._precision.currentIndex()]

    def set_precision(self, precision: TimePrecision) -> None:
        self._precision.setCurrentIndex(list(TimePrecision).index(precision))

    def set_now(self) -> None:
        self.set_moment(datetime.now(LOCAL_TZ))

    def _earlier_menu(self) -> QMenu:
        menu = QMenu(self)
        for text, minutes in (
            (self.tr("För 15 minuter sedan"), 15),
            (self.tr("För 30 minuter sedan"), 30),
            (self.tr("För en timme sedan"), 60),
            (self.tr("För två timmar sedan"), 120),
        ):
            menu.addAction(text, lambda m=minutes: self._set_minutes_ago(m))
        menu.addSeparator()
        for text, days_back, hour in (
            (self.tr("I morse kl. 07"), 0, 7),
            (self.tr("I eftermiddags kl. 14"), 0, 14),
            (self.tr("I går kväll kl. 21"), 1, 21),
            (self.tr("I natt kl. 02"), 0, 2),
        ):
            menu.addAction(text, lambda d=days_back, h=hour: self._set_earlier(d, h))
        return menu

    def _set_minutes_ago(self, minutes: int) -> None:
        self.set_moment(datetime.now(LOCAL_TZ) - timedelta(minutes=minutes))

    def _set_earlier(self, days_back: int, hour: int) -> None:
        day = datetime.now(LOCAL_TZ) - timedelta(days=days_back)
        self.set_moment(day.replace(hour=hour, minute=0))
        self.set_precision(TimePrecision.APPROXIMATE)
