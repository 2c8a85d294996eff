"""Work on 100,000 rows at once without the cyclic garbage collector in the way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic collector while a parse or a commit builds its many small objects.

    They hold no reference cycles (reference counting frees them as ever), yet every few
    hundred new ones start a collection, and the full ones walk every live object: on 100,000
    rows that was a fifth of an import. Turned back on afterwards if it was on before. Also a
    decorator.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
