"""Reading the measures pulled from the server (they are written by the sync, remote_rows.py)."""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from est_desktop.domain.measure import Measure, measure_from_wire
from est_desktop.store.database import Store
from est_desktop.store.tables import MeasureRow

log = logging.getLogger(__name__)


class MeasureRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def live(self) -> list[Measure]:
        """Every measure not deleted, oldest start first. A record this version cannot read
        (a newer server's) is left out and logged, not allowed to break the map or a report."""
        with self._store.reading() as conn:
            rows = conn.execute(
                select(MeasureRow.id, MeasureRow.record).where(MeasureRow.deleted.is_(False))
            ).all()
        measures = []
        for record_id, text in rows:
            try:
                measures.append(measure_from_wire(json.loads(text)))
            except (TypeError, ValueError, KeyError) as exc:
                log.warning("measure %s not readable, left out: %s", record_id, exc)
        return sorted(measures, key=lambda m: (m.draft.start_date is None, m.draft.start_date))
