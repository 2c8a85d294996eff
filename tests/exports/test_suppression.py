"""Small-count suppression: no count below the threshold is shown, and none can be worked out
from what is shown (checked by listing every block of counts consistent with the shown one)."""

from __future__ import annotations

import itertools

import pytest

from est_desktop.exports.suppression import HIDDEN, protect

MAX = 8  # counts up to this are enough to meet every case of threshold 3


def consistent(shown: tuple[str, ...], total_shown: str, threshold: int = 3) -> list[tuple]:
    """Every block of counts (each ≤ 2·MAX) a reader could take the shown block for."""
    choices = []
    for text in shown:
        if text == f"<{threshold}":
            choices.append(range(1, threshold))
        elif text == HIDDEN:  # hidden beside a small count: at least the threshold
            choices.append(range(threshold, 2 * MAX + 1))
        else:
            choices.append(range(int(text), int(text) + 1))
    found = []
    for values in itertools.product(*choices):
        total = sum(values)
        if total_shown == HIDDEN:
            pass
        elif total_shown == f"<{threshold}":
            if not 0 < total < threshold:
                continue
        elif total != int(total_shown):
            continue
        found.append(values)
    return found


def test_counts_below_the_threshold_are_shown_as_less_than_never_as_the_number():
    block = protect([0, 1, 2, 3, 7], threshold=3)

    assert block.shown[0] == "0"
    assert block.shown[1:3] == ("<3", "<3")
    assert "1" not in block.shown and "2" not in block.shown


def test_a_single_small_count_beside_a_published_total_hides_another_count_too():
    block = protect([5, 1, 4])

    assert block.shown == ("5", "<3", HIDDEN)
    assert block.total_shown == "10"  # 10 − 5 = 5 = "<3" + "X": the "<3" is 1 or 2


def test_two_small_counts_that_would_add_up_to_their_only_possible_values_hide_the_total():
    block = protect([1, 1, 0])  # "<3" + "<3" = 2 can only be 1 + 1

    assert block.shown == ("<3", "<3", "0")
    assert block.total_shown == HIDDEN


def test_a_small_total_is_itself_shown_as_less_than():
    assert protect([0, 2, 0]).total_shown == "<3"


@pytest.mark.parametrize(("size", "threshold"), [(1, 3), (2, 3), (3, 3), (4, 3), (3, 4)])
def test_no_small_count_can_be_worked_out_from_any_block(size, threshold):
    for counts in itertools.product(range(MAX + 1 if size < 4 else 5), repeat=size):
        block = protect(list(counts), threshold)
        readings = consistent(block.shown, block.total_shown, threshold)
        assert tuple(counts) in readings, counts  # the shown block tells the truth
        for index, count in enumerate(counts):
            if 0 < count < threshold:
                possible = {values[index] for values in readings}
                assert len(possible) > 1, (counts, block)


def test_the_threshold_is_a_setting_but_never_below_three():
    assert protect([4, 5], threshold=5).shown == ("<5", HIDDEN)
    assert protect([4, 5], threshold=5).total_shown == "9"
    with pytest.raises(ValueError):
        protect([1], threshold=2)
