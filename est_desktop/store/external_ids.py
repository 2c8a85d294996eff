"""Which records already carry an external id: how an import knows what it brought in before."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, select

from est_desktop.store.tables import IncidentRow

_CHUNK = 500  # well under SQLite's limit on bound parameters


def records_by_external_id(
    conn: Connection, source: str, external_ids: Collection[str]
) -> dict[str, str]:
    """External id → record id, for the records of `source` (tombstones included: a deleted
    import stays deleted) that carry one of `external_ids`."""
    wanted = sorted(set(external_ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = select(IncidentRow.external_id, IncidentRow.id).where(
            IncidentRow.source == source,
            IncidentRow.external_id.in_(wanted[start : start + _CHUNK]),
        )
        found.update({external_id: record_id for external_id, record_id in conn.execute(query)})
    return found


_SCAN_FROM = 5_000  # more ids than this: one pass over the source's ids beats 10+ IN queries


def present_external_ids(conn: Connection, source: str, external_ids: Collection[str]) -> set[str]:
    """Which of `external_ids` records of `source` already carry (tombstones included). A large
    batch (an import of 100,000 rows) is matched in one pass over the (source, external_id)
    index instead of a query per 500 ids."""
    wanted = set(external_ids)
    if len(wanted) <= _SCAN_FROM:
        return set(records_by_external_id(conn, source, wanted))
    query = select(IncidentRow.external_id).where(
        IncidentRow.source == source, IncidentRow.external_id.is_not(None)
    )
    return wanted.intersection(conn.execute(query).scalars())
