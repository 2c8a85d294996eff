"""An incident as the columns of its row, and back: the one mapping every incident write and
read goes through (the repository, pull and conflict handling, bulk imports' search text).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from est_desktop.domain.incident import (
    Incident,
    LocationPrecision,
    Source,
    SyncState,
    TimePrecision,
)


def search_text(place_name: str, description: str) -> str:
    return f"{place_name}\n{description}".casefold()


def row_values(incident: Incident) -> dict[str, Any]:
    """The incident as the columns of its row (search text included)."""
    return {
        "id": str(incident.id),
        "occurred_at": incident.occurred_at,
        "time_precision": incident.time_precision.value,
        "occurred_until": incident.occurred_until,
        "category": incident.category,
        "description": incident.description,
        "lat": incident.lat,
        "lon": incident.lon,
        "place_name": incident.place_name,
        "location_precision": incident.location_precision.value,
        "district": incident.district or "",
        "police_notified": incident.police_notified,
        "source": incident.source.value,
        "external_id": incident.external_id,
        "organisation": incident.organisation,
        "created_at": incident.created_at,
        "created_by": incident.created_by,
        "updated_at": incident.updated_at,
        "updated_by": incident.updated_by,
        "revision": incident.revision,
        "deleted": incident.deleted,
        "search_text": search_text(incident.place_name, incident.description),
        "sync_state": incident.sync_state.value,
        "sync_errors": json.dumps(incident.sync_errors) if incident.sync_errors else None,
    }


def incident_from_row(row: Mapping[str, Any]) -> Incident:
    """The incident a row holds (`row` as a mapping of column name to value)."""
    return Incident(
        id=uuid.UUID(row["id"]),
        occurred_at=row["occurred_at"],
        time_precision=TimePrecision(row["time_precision"]),
        occurred_until=row["occurred_until"],
        category=row["category"],
        description=row["description"],
        lat=row["lat"],
        lon=row["lon"],
        place_name=row["place_name"],
        location_precision=LocationPrecision(row["location_precision"]),
        district=row["district"] or None,
        police_notified=bool(row["police_notified"]),
        source=Source(row["source"]),
        external_id=row["external_id"],
        organisation=row["organisation"],
        created_at=row["created_at"],
        created_by=row["created_by"],
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
        revision=row["revision"],
        deleted=bool(row["deleted"]),
        sync_state=SyncState(row["sync_state"]),
        sync_errors=json.loads(row["sync_errors"]) if row["sync_errors"] else {},
    )
