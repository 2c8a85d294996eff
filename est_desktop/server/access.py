"""Who may see and change which record: the protocol's visibility and organisation rules.

One place for them, used by push (may this user change it?) and pull (may it travel to them?).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, not_

from est_desktop.domain.incident import Source
from est_desktop.server.identity import Role, User
from est_desktop.server.tables import RecordRow

# The one answer for a record that does not exist, may not be seen or may not be changed:
# it must not tell an id that exists from one that does not.
NOT_YOURS = "Posten finns inte eller får inte ändras av dig."
POLICE_SOURCE_NOT_ALLOWED = (
    "Bara polisen, analytiker och administratörer får lägga in händelser med källan polisen."
)
MEASURES_NOT_ALLOWED = "Bara analytiker och administratörer får lägga till åtgärder."


def may_see(user: User, entity: str, source: str) -> bool:
    """Police-sourced incidents only for those who see police records; everything else all."""
    return entity != "incident" or source != Source.POLICE or user.sees_police_records


def may_change(user: User, entity: str, source: str, organisation: str) -> bool:
    """Measures: their managers; incidents: admins and the record's own organisation."""
    if not may_see(user, entity, source):
        return False
    if entity == "measure":
        return user.manages_measures
    return user.at_least(Role.ADMIN) or user.organisation == organisation


def visible_records(user: User) -> ColumnElement[bool] | None:
    """A filter on `records` for what `user` may pull; None when they see everything."""
    if user.sees_police_records:
        return None
    return not_(and_(RecordRow.entity == "incident", RecordRow.source == Source.POLICE.value))
