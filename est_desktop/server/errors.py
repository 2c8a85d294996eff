"""The error body of every answer that is not 2xx, and the handlers that produce it.

`{"error": {"code", "message", "fields"?}}` (PROTOCOL.md). Messages are Swedish, for people;
details of a failure (SQL, stack traces) go to the log on standard error, never into a body.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from est_desktop.server.security_headers import SECURITY_HEADERS

log = logging.getLogger("est_desktop.server")

UNAVAILABLE_RETRY_AFTER = 5  # seconds: long enough for a locked database or a restart
# SQLite primary result codes worth retrying: BUSY, LOCKED, IOERR, FULL, CANTOPEN.
_SQLITE_TRANSIENT = frozenset({5, 6, 10, 13, 14})

_CODES = {
    400: ("invalid_json", "Begäran är inte giltig JSON i UTF-8."),
    401: ("unauthorized", "Inloggning krävs."),
    403: ("forbidden", "Du har inte behörighet till detta."),
    404: ("not_found", "Adressen finns inte."),
    405: ("method_not_allowed", "Metoden är inte tillåten för den här adressen."),
    408: ("request_timeout", "Begäran kom inte fram i tid."),
    413: ("payload_too_large", "Begäran är för stor."),
    422: ("validation_error", "Begäran har fel form."),
    429: ("too_many_requests", "För många försök. Vänta en stund och försök igen."),
    500: ("internal_error", "Ett internt fel uppstod på servern."),
    503: ("service_unavailable", "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund."),
}


class ApiError(Exception):
    """Raised anywhere in a request to answer with the error body; code follows the status."""

    def __init__(
        self,
        status: int,
        message: str | None = None,
        *,
        fields: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        code, default_message = _CODES.get(status, _CODES[500])
        super().__init__(message or default_message)
        self.status = status
        self.code = code
        self.message = message or default_message
        self.fields = dict(fields) if fields else None
        self.headers = dict(headers) if headers else None


def unauthorized(message: str | None = None) -> ApiError:
    return ApiError(401, message, headers={"WWW-Authenticate": "Bearer"})


def validation_error(fields: Mapping[str, str], message: str | None = None) -> ApiError:
    return ApiError(422, message, fields=fields)


def error_response(error: ApiError) -> JSONResponse:
    body: dict[str, Any] = {"code": error.code, "message": error.message}
    if error.fields is not None:
        body["fields"] = error.fields
    return JSONResponse({"error": body}, status_code=error.status, headers=error.headers)


def error_bytes(status: int, message: str | None = None) -> bytes:
    """The body for answers sent below FastAPI (the body-size middleware)."""
    error = ApiError(status, message)
    return json.dumps({"error": {"code": error.code, "message": error.message}}).encode()


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_request_validation)
    app.add_exception_handler(OperationalError, _on_database_unavailable)
    app.add_exception_handler(PoolTimeoutError, _on_database_unavailable)
    app.add_exception_handler(DBAPIError, _on_database_error)
    app.add_exception_handler(Exception, _on_unexpected)


async def _on_api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def _on_http_exception(_request: Request, exc: Exception) -> Response:
    """Starlette's own answers (unknown path, wrong method) in our body."""
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code if exc.status_code in _CODES else 500
    return error_response(ApiError(status, headers=exc.headers))


async def _on_request_validation(_request: Request, exc: Exception) -> Response:
    """FastAPI's checks of query parameters, as `fields`: parameter name → Swedish message."""
    assert isinstance(exc, RequestValidationError)
    fields: dict[str, str] = {}
    for problem in exc.errors():
        fields.setdefault(_field_name(problem.get("loc", ())), _swedish(problem))
    return error_response(validation_error(fields))


async def _on_database_unavailable(request: Request, exc: Exception) -> Response:
    """Locked, unreachable or overloaded database: the client should simply try again."""
    if not _transient(exc):
        return await _on_unexpected(request, exc)
    log.error("database unavailable during %s %s: %s", request.method, request.url.path, exc)
    return error_response(ApiError(503, headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER)}))


def _transient(exc: Exception) -> bool:
    """False for SQLite's "operational" errors that waiting will not cure (a missing table or
    column: SQLITE_ERROR). PostgreSQL reports those as ProgrammingError, never here."""
    code = getattr(getattr(exc, "orig", None), "sqlite_errorcode", None)
    return code is None or code & 0xFF in _SQLITE_TRANSIENT


async def _on_database_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DBAPIError)
    if exc.connection_invalidated:
        return await _on_database_unavailable(request, exc)
    return await _on_unexpected(request, exc)


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    """The generic 500: what failed goes to the log only. Starlette answers it from outside
    every middleware, so the security headers are added here."""
    log.error("unexpected error in %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(ApiError(500, headers=SECURITY_HEADERS))


def _field_name(loc: Sequence[object]) -> str:
    names = [str(part) for part in loc if part not in ("query", "body", "path", "header")]
    return ".".join(names) or "body"


def _swedish(problem: Mapping[str, Any]) -> str:
    context = problem.get("ctx") or {}
    kind = problem.get("type", "")
    if kind == "missing":
        return "Värdet saknas."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "Måste vara ett heltal."
    if kind == "greater_than_equal":
        return f"Måste vara minst {context.get('ge')}."
    if kind == "less_than_equal":
        return f"Får vara högst {context.get('le')}."
    if kind == "string_too_long":
        return f"Får vara högst {context.get('max_length')} tecken."
    if kind == "string_type":
        return "Måste vara text."
    return str(problem.get("msg", "Ogiltigt värde."))
