"""Values no database or client can carry, found before a pushed change is parsed.

JSON lets a client send text with lone surrogates (not encodable as UTF-8) or NUL characters
(refused by PostgreSQL), and integers too large for a float; each would otherwise surface as a
5xx far from its cause. Such a field is rejected on its own, like any other wrong value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

UNSAFE_VALUE = "Ogiltigt värde: texten innehåller otillåtna tecken eller talet är för stort."
BAD_FIELD_NAME = "Ett fältnamn innehåller otillåtna tecken."
MAX_INT_BITS = 1000  # a float holds up to about 2**1024


def unsafe_fields(fields: Mapping[str, Any]) -> dict[str, str]:
    """Per field whose name or value cannot be stored safely, the message saying so."""
    errors: dict[str, str] = {}
    for name, value in fields.items():
        if not is_safe_text(name):
            errors["fields"] = BAD_FIELD_NAME
        elif type(value) in _SCALARS:
            continue  # most values: numbers, flags, nulls, without the walk below
        elif not (is_safe_text(value) if type(value) is str else _is_safe(value)):
            errors[name] = UNSAFE_VALUE
    return errors


_SCALARS = frozenset({float, bool, type(None)})


def _is_safe(value: object) -> bool:
    pending = [value]  # a loop, not recursion: a deeply nested value must not overflow the stack
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if not is_safe_text(item):
                return False
        elif isinstance(item, bool) or item is None or isinstance(item, float):
            continue
        elif isinstance(item, int):
            if item.bit_length() > MAX_INT_BITS:
                return False
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
    return True


def is_safe_text(text: object) -> bool:
    if not isinstance(text, str) or "\x00" in text:
        return False
    if text.isascii():
        return True  # the usual case: no lone surrogate can hide in ASCII
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
