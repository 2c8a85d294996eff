"""Who is asking: a signed-in user's organisation and role, and what the role allows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from est_desktop.domain.organisations import PARTNER_CODES


class Role(StrEnum):
    """Cumulative: each role may do everything the ones before it may."""

    REPORTER = "reporter"  # creates and edits incidents of its own organisation
    ANALYST = "analyst"  # also reads everything (police records too), imports, manages measures
    ADMIN = "admin"  # also users and reference data, and may correct any record


_RANK = {Role.REPORTER: 0, Role.ANALYST: 1, Role.ADMIN: 2}

# The organisation whose users see police-sourced records whatever their role.
POLICE_ORGANISATION = "polisen"
ORGANISATIONS = PARTNER_CODES


@dataclass(frozen=True, slots=True)
class User:
    username: str
    organisation: str
    role: Role

    def at_least(self, role: Role) -> bool:
        return _RANK[self.role] >= _RANK[role]

    @property
    def sees_police_records(self) -> bool:
        return self.at_least(Role.ANALYST) or self.organisation == POLICE_ORGANISATION

    @property
    def manages_measures(self) -> bool:
        return self.at_least(Role.ANALYST)

    def as_wire(self) -> dict[str, str]:
        return {"username": self.username, "organisation": self.organisation, "role": self.role}
