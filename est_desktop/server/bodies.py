"""Request bodies read by hand: strict JSON, and the shapes of the token and push requests.

Parsing here (not by FastAPI's models) keeps PROTOCOL.md's rules exact: a body that is not JSON
in UTF-8 is 400 `invalid_json`, valid JSON of the wrong shape is 422 `validation_error` with
`fields`, and a push whose envelope is fine hands its changes on untouched, so a bad value
inside one change rejects that change alone.
"""

from __future__ import annotations

import json
import re
from typing import Any

from est_desktop.domain.wire import loads_json
from est_desktop.server.errors import ApiError, validation_error
from est_desktop.server.users import MAX_PASSWORD, MAX_USERNAME, is_clean_text

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
MAX_CLIENT_ID = 200
MAX_FIELD_PROBLEMS = 20  # a body with thousands of bad changes gets the first few named


def parse_json(raw: bytes) -> Any:
    """The JSON value of a body, or 400 invalid_json (not UTF-8, not JSON, NaN, too deep)."""
    return loads_json(raw, fallback=_strict_json)


def _strict_json(raw: bytes) -> Any:
    """What the json module reads, with PROTOCOL.md's refusals (loads_json tries orjson first
    and comes here for all it refuses or might read otherwise)."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant, parse_int=_integer)
    except UnicodeDecodeError:
        raise ApiError(400, "Begäran är inte text i UTF-8.") from None
    except RecursionError:
        raise ApiError(400, "JSON-strukturen är för djupt nästlad.") from None
    except ValueError as exc:  # JSONDecodeError, NaN or Infinity
        raise ApiError(400, f"Begäran är inte giltig JSON: {exc}.") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} är inte tillåtet i JSON")


def _integer(text: str) -> int | float:
    """An integer; one with more digits than Python converts becomes an out-of-range number, so
    a change carrying it is rejected on its own instead of the whole request."""
    try:
        return int(text)
    except ValueError:
        return float("-inf") if text.startswith("-") else float("inf")


def token_request(data: Any) -> tuple[str, str]:
    """Username and password of a login body, or 422 naming what is wrong."""
    if not isinstance(data, dict):
        raise validation_error({"body": "Måste vara ett JSON-objekt med username och password."})
    problems: dict[str, str] = {}
    username, password = data.get("username"), data.get("password")
    if not isinstance(username, str) or not username:
        problems["username"] = "Ange användarnamnet som text."
    elif len(username) > MAX_USERNAME or not is_clean_text(username):
        problems["username"] = f"Ogiltigt användarnamn (högst {MAX_USERNAME} vanliga tecken)."
    if not isinstance(password, str) or not password:
        problems["password"] = "Ange lösenordet som text."
    elif len(password) > MAX_PASSWORD or not _encodable(password):
        problems["password"] = f"Ogiltigt lösenord (högst {MAX_PASSWORD} tecken)."
    if problems:
        raise validation_error(problems)
    return username, password


def push_envelope(data: Any, max_changes: int) -> tuple[str, list[dict[str, Any]]]:
    """The client id ("" if not sent) and the changes of a push body, or 422/413 for the whole.

    Checked: an object, a `changes` list of at most `max_changes` objects, each with a UUID
    `change_id` (any case; handed on in lower case). Nothing else inside a change is looked at.
    """
    if not isinstance(data, dict):
        raise validation_error({"body": "Måste vara ett JSON-objekt med listan changes."})
    changes, client_id = data.get("changes"), data.get("client_id")
    problems: dict[str, str] = {}
    if client_id is not None and (
        not isinstance(client_id, str)
        or len(client_id) > MAX_CLIENT_ID
        or not is_clean_text(client_id)
    ):
        problems["client_id"] = "Måste vara text: installationens UUID."
    if not isinstance(changes, list):
        problems["changes"] = "Måste vara en lista med ändringar."
        raise validation_error(problems)
    if len(changes) > max_changes:
        raise ApiError(413, f"Högst {max_changes} ändringar per begäran; dela upp dem.")
    checked: list[dict[str, Any]] = []
    for index, change in enumerate(changes):
        where = f"changes[{index}]"
        if not isinstance(change, dict):
            problems[where] = "Måste vara ett objekt."
        elif not isinstance(change_id := change.get("change_id"), str) or not _UUID.fullmatch(
            change_id
        ):
            problems[f"{where}.change_id"] = "Måste vara ett UUID, unikt per ändring."
        else:
            checked.append({**change, "change_id": change_id.lower()})
        if len(problems) >= MAX_FIELD_PROBLEMS:
            break
    if problems:
        raise validation_error(problems, "Begäran har fel form; inget av den har sparats.")
    return client_id or "", checked


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
