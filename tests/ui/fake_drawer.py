"""A stand-in for the map's drawing (ui/area_drawing.py) in widget tests without a web view."""

from __future__ import annotations

from est_desktop.domain.drawn_area import DrawnArea


class FakeDrawer:
    """The map's drawing as the panel uses it: what it was asked, and a hand to draw."""

    def __init__(self) -> None:
        self.started: list[tuple[str, str, DrawnArea | None]] = []
        self.on_drawn = None
        self.stopped = 0

    def start(self, kind, purpose, current, on_drawn, on_cancelled, *, district=None) -> bool:
        self.started.append((kind, purpose, current))
        self.on_drawn = on_drawn
        return True

    def set_radius(self, metres: float) -> None:
        pass

    def stop(self) -> None:
        self.stopped += 1
