"""The outbox's choice of what to push next, and its waiting count."""

from __future__ import annotations

from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.outbox import mark_sent, pushable_changes, waiting_count
from tests.conftest import NOW
from tests.store.records import draft, outbox


def test_pushable_changes_are_the_oldest_of_each_record_up_to_the_limit(
    service: IncidentService, store: Store
) -> None:
    first = service.record(draft())
    service.edit(first.id, draft(description="Två"))
    second = service.record(draft())
    third = service.record(draft())

    with store.reading() as conn:
        picked = pushable_changes(conn, 2)
        everything = pushable_changes(conn, 500)
        skipped = pushable_changes(conn, 500, skip={everything[0].change_id})

    assert [c.record_id for c in picked] == [str(first.id), str(second.id)]
    assert [c.record_id for c in everything] == [str(first.id), str(second.id), str(third.id)]
    assert [c.record_id for c in skipped] == [str(second.id), str(third.id)]


def test_marking_sent_keeps_the_first_sending_time(service: IncidentService, store: Store) -> None:
    service.record(draft())
    with store.transaction() as conn:
        batch = pushable_changes(conn, 500)
        mark_sent(conn, batch, NOW)
        mark_sent(conn, batch, NOW.replace(hour=13))

    assert [c.sent_at for c in outbox(store)] == [NOW]
    with store.reading() as conn:
        assert waiting_count(conn) == 1
    assert batch[0].as_wire()["change_id"] == batch[0].change_id
