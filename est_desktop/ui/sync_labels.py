"""Swedish names shared by the sync views: record fields, server reasons, moments and counts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication as _App

from est_desktop.domain.incident import LOCAL_TZ

# The protocol's field names as a person reads them (PROTOCOL.md, "Records").
FIELD_LABELS: dict[str, str] = {
    "id": QT_TRANSLATE_NOOP("SyncLabels", "Id"),
    "occurred_at": QT_TRANSLATE_NOOP("SyncLabels", "Tid"),
    "time_precision": QT_TRANSLATE_NOOP("SyncLabels", "Tidens noggrannhet"),
    "occurred_until": QT_TRANSLATE_NOOP("SyncLabels", "Till och med"),
    "category": QT_TRANSLATE_NOOP("SyncLabels", "Kategori"),
    "description": QT_TRANSLATE_NOOP("SyncLabels", "Beskrivning"),
    "lat": QT_TRANSLATE_NOOP("SyncLabels", "Latitud"),
    "lon": QT_TRANSLATE_NOOP("SyncLabels", "Longitud"),
    "place_name": QT_TRANSLATE_NOOP("SyncLabels", "Plats"),
    "location_precision": QT_TRANSLATE_NOOP("SyncLabels", "Platsens noggrannhet"),
    "district": QT_TRANSLATE_NOOP("SyncLabels", "Distrikt"),
    "police_notified": QT_TRANSLATE_NOOP("SyncLabels", "Polisen underrättad"),
    "source": QT_TRANSLATE_NOOP("SyncLabels", "Källa"),
    "external_id": QT_TRANSLATE_NOOP("SyncLabels", "Externt id"),
    "organisation": QT_TRANSLATE_NOOP("SyncLabels", "Organisation"),
    "deleted": QT_TRANSLATE_NOOP("SyncLabels", "Borttagen"),
}

PRECISION_LABELS: dict[str, str] = {
    "exact": QT_TRANSLATE_NOOP("SyncLabels", "Exakt"),
    "approximate": QT_TRANSLATE_NOOP("SyncLabels", "Ungefärlig"),
    "date": QT_TRANSLATE_NOOP("SyncLabels", "Bara dagen"),
    "municipality": QT_TRANSLATE_NOOP("SyncLabels", "Bara kommunen"),
}

MONTHS = (
    QT_TRANSLATE_NOOP("SyncLabels", "jan"),
    QT_TRANSLATE_NOOP("SyncLabels", "feb"),
    QT_TRANSLATE_NOOP("SyncLabels", "mars"),
    QT_TRANSLATE_NOOP("SyncLabels", "apr"),
    QT_TRANSLATE_NOOP("SyncLabels", "maj"),
    QT_TRANSLATE_NOOP("SyncLabels", "juni"),
    QT_TRANSLATE_NOOP("SyncLabels", "juli"),
    QT_TRANSLATE_NOOP("SyncLabels", "aug"),
    QT_TRANSLATE_NOOP("SyncLabels", "sep"),
    QT_TRANSLATE_NOOP("SyncLabels", "okt"),
    QT_TRANSLATE_NOOP("SyncLabels", "nov"),
    QT_TRANSLATE_NOOP("SyncLabels", "dec"),
)


YES, NO = QT_TRANSLATE_NOOP("SyncLabels", "Ja"), QT_TRANSLATE_NOOP("SyncLabels", "Nej")


def tr(text: str) -> str:
    return _App.translate("SyncLabels", text)


def field_label(name: str) -> str:
    """The Swedish name of a protocol field; an unknown field is shown as itself."""
    label = FIELD_LABELS.get(name)
    return tr(label) if label else name


def yes_no(value: bool) -> str:
    return tr(YES) if value else tr(NO)


def reasons_text(errors: Mapping[str, str], separator: str = "\n") -> str:
    """The server's reasons, one line per field: "Kategori: Okänd kategori.". The server
    writes Swedish; a reason that is one of the domain's messages without parameters (the
    same rules run on both sides) is shown in the user's language."""
    return separator.join(
        f"{field_label(field)}: {_App.translate('FieldProblem', reason)}"
        for field, reason in errors.items()
    )


def moment_text(moment: datetime | None, now: datetime | None = None) -> str:
    """A moment in local time as a person says it: "14:32" today, "3 nov 14:32" otherwise."""
    if moment is None:
        return _App.translate("SyncLabels", "aldrig")
    local = moment.astimezone(LOCAL_TZ)
    today = (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return clock
    day = f"{local.day} {tr(MONTHS[local.month - 1])}"
    if local.year != today.year:
        day += f" {local.year}"
    return f"{day} {clock}"


def full_moment_text(moment: datetime | None) -> str:
    """A moment in local time in full: "26 nov 2026 kl. 14:32"."""
    if moment is None:
        return _App.translate("SyncLabels", "aldrig")
    local = moment.astimezone(LOCAL_TZ)
    day = f"{local.day} {tr(MONTHS[local.month - 1])} {local.year}"
    return (
        _App.translate("SyncLabels", "%1 kl. %2")
        .replace("%1", day)
        .replace("%2", local.strftime("%H:%M"))
    )


def count_text(count: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with %1 replaced by the count (Swedish has two forms)."""
    return tr(one) if count == 1 else tr(many).replace("%1", str(count))


def changes_waiting_text(count: int) -> str:
    return count_text(
        count,
        QT_TRANSLATE_NOOP("SyncLabels", "1 ändring väntar"),
        QT_TRANSLATE_NOOP("SyncLabels", "%1 ändringar väntar"),
    )


def conflicts_text(count: int) -> str:
    return count_text(
        count,
        QT_TRANSLATE_NOOP("SyncLabels", "1 konflikt"),
        QT_TRANSLATE_NOOP("SyncLabels", "%1 konflikter"),
    )
