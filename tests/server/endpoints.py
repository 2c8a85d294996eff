"""Every API route of the app, found by walking its routes, and how to call one over HTTP.

Tests that must hold for every endpoint use this list, so an endpoint added later is covered
without a new test. A route needs a token when `current_user` is among its dependencies, and a
role when a dependency made by `auth.requires(role)` is.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import requests
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from est_desktop.server.app import create_app
from est_desktop.server.auth import current_user
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import Role
from est_desktop.server.settings import ServerSettings
from tests.server.running_server import RunningServer

ROLE_ORDER = [Role.REPORTER, Role.ANALYST, Role.ADMIN]


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # with path parameters filled in
    needs_token: bool
    role: Role | None  # the least role it needs beyond a valid token, if any

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _dependency_calls(dependant: Dependant) -> Iterator[Callable[..., object]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _dependency_calls(sub)


def app_endpoints() -> list[Endpoint]:
    """Every API route of a freshly built app, whatever modules added it."""
    db = ServerDatabase.connect("sqlite://")
    try:
        app = create_app(db, ServerSettings())
    finally:
        db.close()
    endpoints = []
    for full_path, route in _flat_routes(app.routes):
        if not isinstance(route, APIRoute):
            continue
        calls = list(_dependency_calls(route.dependant))
        roles = [getattr(call, "required_role", None) for call in calls]
        role = max((r for r in roles if r), key=ROLE_ORDER.index, default=None)
        path = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), full_path)
        for method in sorted(route.methods):
            endpoints.append(Endpoint(method, path, current_user in calls, role))
    return endpoints


def _flat_routes(routes: list[BaseRoute]) -> list[tuple[str, BaseRoute]]:
    """Each route with its full path, included routers opened up (newer FastAPI includes them
    lazily, with the prefix and router dependencies only on the route's context)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:
        return [(getattr(route, "path", ""), route) for route in routes]
    return [(context.path or "", context.route) for context in iter_route_contexts(routes)]


def call(server: RunningServer, endpoint: Endpoint, headers: dict[str, str]) -> requests.Response:
    base = server.base.removesuffix("/api/v1")
    body = {"json": {}} if endpoint.method in ("POST", "PUT", "PATCH") else {}
    return server._http.request(
        endpoint.method, base + endpoint.path, headers=headers, timeout=30, **body
    )


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
