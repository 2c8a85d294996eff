"""Who is making a change: every record keeps who created and last changed it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    username: str
    organisation: str = ""
