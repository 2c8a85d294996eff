"""The HTTP API of PROTOCOL.md: `create_app(db, settings)`, and the routes under /api/v1.

The routes are thin: bodies are parsed in `bodies`, login in `auth`, push and pull in the sync
service. A route that touches the database is a plain `def`, so FastAPI runs it on its thread
pool and a slow query never stalls the event loop.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from sqlalchemy import text

from est_desktop import __version__
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.wire import wire_value
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.server import audit, schemas
from est_desktop.server.admin_routes import router as privacy_router
from est_desktop.server.auth import CurrentUser, log_in, prepare_logins
from est_desktop.server.bodies import parse_json, push_envelope, token_request
from est_desktop.server.database import DATABASE_ENV, ServerDatabase
from est_desktop.server.errors import ApiError, install_error_handlers, unauthorized
from est_desktop.server.errors import validation_error as validation_failure
from est_desktop.server.limits import MAX_JSON_DEPTH, BodySizeLimit, json_too_deep
from est_desktop.server.push import answer_body
from est_desktop.server.reference import ReferenceData, build_reference
from est_desktop.server.security_headers import SecurityHeaders
from est_desktop.server.settings import ServerSettings
from est_desktop.server.sync_service import InvalidCursorError, SyncService

API = "/api/v1"
DESCRIPTION = (
    "The EST sync API (version 1): log in, fetch reference data, push local changes and pull "
    "everyone else's. Every answer that is not 2xx has the body "
    '`{"error": {"code", "message", "fields"?}}`.'
)


def create_app(db: ServerDatabase, settings: ServerSettings | None = None) -> FastAPI:
    """The API over `db`. The app closes `db`'s connections when it shuts down."""
    settings = settings or ServerSettings()
    taxonomy = Taxonomy.load()
    app = FastAPI(
        title="EST sync API",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=f"{API}/openapi.json",
        docs_url=None,  # the interactive pages load their scripts from a CDN
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.db = db
    app.state.settings = settings
    app.state.sync = SyncService(db, taxonomy, DistrictLookup.default())
    app.state.reference = build_reference(taxonomy)
    install_error_handlers(app)
    app.add_middleware(
        BodySizeLimit, max_bytes=settings.max_body_bytes, read_seconds=settings.body_read_seconds
    )
    app.add_middleware(SecurityHeaders)  # added last: outermost, so the 413 and 408 get them
    app.include_router(router)
    app.include_router(privacy_router, prefix=API)  # audit log, erasure helper, export reports
    app.openapi = lambda: _openapi_schema(app)  # type: ignore[method-assign]
    return app


def app_from_environment() -> FastAPI:
    """For `uvicorn --factory` (each worker process): $EST_SERVER_DATABASE and the settings."""
    return create_app(
        ServerDatabase.connect(os.environ.get(DATABASE_ENV)), ServerSettings.from_environment()
    )


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    await run_in_threadpool(prepare_logins)
    yield
    await run_in_threadpool(app.state.sync.close)  # buffered audit entries, before the pool goes
    app.state.db.close()


async def _json_body(request: Request) -> Any:
    body = parse_json(await request.body())
    if json_too_deep(body):
        raise ApiError(400, f"JSON-strukturen är nästlad djupare än {MAX_JSON_DEPTH} nivåer.")
    return body


JsonBody = Annotated[Any, Depends(_json_body)]
router = APIRouter(prefix=API)


@router.get("/health", response_model=schemas.Health, responses=schemas.errors(503))
def health(request: Request) -> dict[str, str]:
    """Answers ok when the server and its database are up; no token needed."""
    with request.app.state.db.reading() as conn:
        conn.execute(text("SELECT 1"))
    return {"status": "ok", "version": __version__}


@router.post(
    "/auth/token",
    response_model=schemas.TokenAnswer,
    responses=schemas.errors(400, 401, 413, 422, 429, 503),
    openapi_extra=schemas.request_body(schemas.TokenRequest),
)
async def issue_token(request: Request, body: JsonBody) -> dict[str, Any]:
    """A bearer token for a username and password. Failed logins are slowed down, and from the
    11th within 15 minutes (per username or per address) refused with 429."""
    username, password = token_request(body)
    db, settings = request.app.state.db, request.app.state.settings
    address = request.client.host if request.client else "unknown"
    outcome = await run_in_threadpool(log_in, db, settings, username, password, address)
    throttled, succeeded = outcome.retry_after is not None, outcome.user is not None
    event = audit.login_event(username, address, succeeded=succeeded, throttled=throttled)
    await run_in_threadpool(audit.write_quietly, db, [event])
    if outcome.retry_after is not None:
        raise ApiError(
            429,
            "För många misslyckade inloggningar. Vänta och försök igen.",
            headers={"Retry-After": str(outcome.retry_after)},
        )
    if outcome.user is None:
        await asyncio.sleep(settings.login_delay(outcome.failures))
        raise unauthorized("Fel användarnamn eller lösenord.")
    return {
        "access_token": outcome.token,
        "token_type": "bearer",
        "expires_at": wire_value(outcome.expires_at or datetime.now(UTC)),
        "user": outcome.user.as_wire(),
    }


@router.get("/reference", response_model=schemas.Reference, responses=schemas.errors(401, 503))
def reference(user: CurrentUser, request: Request) -> Response:
    """Categories and district outlines; clients cache them and work offline with the copy."""
    data: ReferenceData = request.app.state.reference
    return Response(data.body, media_type="application/json")


@router.post(
    "/sync/push",
    response_model=schemas.PushAnswer,
    responses=schemas.errors(400, 401, 413, 422, 503),
    openapi_extra=schemas.request_body(schemas.PushRequest),
)
def push(user: CurrentUser, body: JsonBody, request: Request) -> Response:
    """Apply up to 500 changes, each on its own; a change sent again gets its first answer."""
    client_id, changes = push_envelope(body, request.app.state.settings.max_changes)
    results = request.app.state.sync.push(user, client_id, changes)
    return Response(answer_body(results), media_type="application/json")


@router.get("/sync/pull", response_model=schemas.PullPage, responses=schemas.errors(401, 422, 503))
def pull(
    user: CurrentUser,
    request: Request,
    since: Annotated[str | None, Query(max_length=1000, description="The cursor last got.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> Response:
    """Changes since the cursor, that this user may see, oldest first."""
    try:
        page = request.app.state.sync.pull(user, since or None, limit)
    except InvalidCursorError as exc:
        raise validation_failure({"since": str(exc)}) from None
    reference: ReferenceData = request.app.state.reference
    return Response(page.to_json(reference.version), media_type="application/json")


def _openapi_schema(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(schemas.openapi_components(*schemas.REQUEST_MODELS.values()))
        app.openapi_schema = schema
    return app.openapi_schema
