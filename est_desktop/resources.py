"""Where the files of `resources/` are found.

The one place that knows the layout: a source checkout (and an editable install) keeps them in
`resources/` beside the package, a wheel carries them inside the package, and the frozen build
(build.spec) has them in its `_internal/resources/`, `sys._MEIPASS`. A stdlib-only leaf, so every
layer may import it.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def _resource_root() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "resources")
    for candidate in candidates:
        if (candidate / "categories.json").is_file():
            return candidate
    raise FileNotFoundError(f"EST resources not found; looked in {', '.join(map(str, candidates))}")


def resource_path(*parts: str) -> Path:
    """The path of a file or folder in `resources/`, e.g. `resource_path("categories.json")`."""
    return _resource_root().joinpath(*parts)
