"""Small-count suppression for one block of counts and its published total.

A block is the counts of one area in one period, split by category group, with their total
(the area's count for the period). The total is always published, grouped or not, and it is
suppressed by the same rule in both: an ungrouped export *is* the total of a grouped one, so
"publish no totals" would not hold the moment someone exports both ways and subtracts. Hence
secondary suppression rather than leaving totals out:

1. Primary: a count of 1 to threshold−1 is shown as "<3" (for threshold 3), never as the
   number. Zero is shown as 0: an empty cell reveals nobody.
2. Secondary: the reader knows the total and the visible counts, so the suppressed counts'
   sum is known, and each "<3" lies in [1, threshold−1] and each "X" (hidden by this step) is
   at least the threshold. For every "<3" the range of values consistent with all of that is
   worked out; while one is pinned to a single value (one "<3" beside a published total; "<3"
   and "<3" summing to 2), the smallest visible non-zero count is hidden as well ("X"). If
   hiding every count still pins one, the total is hidden ("X") instead, in every export, and
   the counts hidden on the way are shown again.

Across periods and areas nothing is summed (no row or column totals), so no other subtraction
exists inside one export. What this cannot see is a second export made differently (another
cell size, weeks against months, with and without police records): keep one recipe per
recipient. Pure Python; no Qt, no SQL.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_THRESHOLD = 3  # with 2, "<2" next to a shown 0 would say "exactly 1"
HIDDEN = "X"  # hidden only so that a "<3" beside it cannot be worked out


def small(threshold: int) -> str:
    """How a primary-suppressed count is shown: "<3"."""
    return f"<{threshold}"


@dataclass(frozen=True, slots=True)
class ProtectedBlock:
    """The shown form of each count ("12", "0", "<3" or "X") and of the total."""

    shown: tuple[str, ...]
    total_shown: str

    def value(self, index: int, count: int) -> int | None:
        """The count if it is shown as a number, else None."""
        return count if self.shown[index].isdigit() else None


def protect(counts: Sequence[int], threshold: int = MIN_THRESHOLD) -> ProtectedBlock:
    """Apply primary and secondary suppression to `counts` and their total."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold must be at least {MIN_THRESHOLD}, not {threshold}")
    total = sum(counts)
    primary = [0 < n < threshold for n in counts]
    secondary = [False] * len(counts)
    total_hidden = False
    while not total_hidden and _pinned(counts, primary, secondary, total, threshold):
        candidates = [
            (n, i) for i, n in enumerate(counts) if n > 0 and not primary[i] and not secondary[i]
        ]
        if candidates:
            secondary[min(candidates)[1]] = True
        else:
            # With the total hidden there is no sum to subtract from: the counts hidden on the
            # way here can be shown again.
            secondary = [False] * len(counts)
            total_hidden = True
    shown = tuple(
        small(threshold) if primary[i] else HIDDEN if secondary[i] else str(n)
        for i, n in enumerate(counts)
    )
    if total_hidden:
        total_shown = HIDDEN
    elif 0 < total < threshold:
        total_shown = small(threshold)
    else:
        total_shown = str(total)
    return ProtectedBlock(shown, total_shown)


def _pinned(
    counts: Sequence[int],
    primary: Sequence[bool],
    secondary: Sequence[bool],
    total: int,
    threshold: int,
) -> bool:
    """Whether a reader can work out some "<3" count exactly from what would be shown.

    With one linear equation (the suppressed counts add up to the total minus the visible
    ones) and a range per suppressed count, the values one count can take form exactly the
    interval computed here.
    """
    if not any(primary):
        return False
    if 0 < total < threshold:  # the total is itself "<3": known only as a range
        total_lo, total_hi = 1.0, float(threshold - 1)
    else:
        total_lo = total_hi = float(total)
    visible = sum(n for i, n in enumerate(counts) if not primary[i] and not secondary[i])
    bounds = {
        i: (1.0, float(threshold - 1)) if primary[i] else (float(threshold), math.inf)
        for i in range(len(counts))
        if primary[i] or secondary[i]
    }
    for index, (lo, hi) in bounds.items():
        if not primary[index]:
            continue
        others_lo = sum(b[0] for j, b in bounds.items() if j != index)
        others_hi = sum(b[1] for j, b in bounds.items() if j != index)
        least = max(lo, total_lo - visible - others_hi)
        most = min(hi, total_hi - visible - others_lo)
        if least >= most:
            return True
    return False
