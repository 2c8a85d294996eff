"""Reading what the detailed export needs from the local store, page by page.

The list's page query carries the text and ids, the analysis sample the positions; both take
the same filter, so the export holds exactly the list's rows. Runs on any thread that may read
the store (each read is its own connection).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from est_desktop.exports.incidents import ExportIncident
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter, SortKey
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incidents import IncidentRepository

PAGE = 2_000


def export_incidents(store: Store, where: IncidentFilter) -> Iterator[ExportIncident]:
    """The incidents `where` selects, oldest first.

    A record written between the two reads (a sync running beside the export) is left out
    rather than exported without its position.
    """
    sample = incident_sample(store, where)
    order = np.argsort(sample.pk, kind="stable")
    pks = sample.pk[order]
    repository = IncidentRepository(store)
    after = None
    while page := repository.page(
        where, sort=SortKey.OCCURRED_AT, descending=False, after=after, limit=PAGE
    ):
        found = np.searchsorted(pks, [row.pk for row in page])
        for row, at in zip(page, found.tolist(), strict=True):
            if at >= len(pks) or pks[at] != row.pk:
                continue
            i = order[at]
            yield ExportIncident(
                id=row.id,
                occurred_at=row.occurred_at,
                time_precision=row.time_precision,
                category=row.category,
                district=row.district,
                lat=float(sample.lat[i]),
                lon=float(sample.lon[i]),
                location_precision=str(sample.location_precision[i]),
                source=row.source,
                police_notified=bool(row.police_notified),
                place_name=row.place_name,
                description=row.description,
            )
        after = page[-1]
