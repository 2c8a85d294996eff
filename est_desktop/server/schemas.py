"""Pydantic models of the API's bodies, for the OpenAPI schema.

The routes parse request bodies themselves (exact PROTOCOL.md rules: 400 for what is not JSON,
422 for the wrong shape, untouched changes for the sync service), so these models describe the
bodies; they are not what checks them. `openapi_components` adds the request models, which no
route signature names, to the schema.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field
from pydantic.json_schema import models_json_schema

REF_TEMPLATE = "#/components/schemas/{model}"


class ErrorDetail(BaseModel):
    code: str = Field(examples=["validation_error"])
    message: str = Field(description="For people, in Swedish.")
    fields: dict[str, str] | None = Field(
        default=None, description="Validation errors only: field name → message."
    )


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class TokenRequest(BaseModel):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1024)


class UserInfo(BaseModel):
    username: str
    organisation: str = Field(examples=["boras_stad"])
    role: Literal["reporter", "analyst", "admin"]


class TokenAnswer(BaseModel):
    access_token: str
    token_type: Literal["bearer"]
    expires_at: str = Field(description="RFC 3339, UTC.", examples=["2026-03-15T09:40:00Z"])
    user: UserInfo


class Category(BaseModel):
    code: str
    group: str
    label_sv: str
    label_en: str
    active: bool


class CategoryGroup(BaseModel):
    code: str
    label_sv: str
    label_en: str


class Reference(BaseModel):
    version: str = Field(description="Changes exactly when the content changes.")
    groups: list[CategoryGroup] = Field(description="Labels of the categories' groups.")
    categories: list[Category]
    districts: dict[str, Any] = Field(
        description="GeoJSON FeatureCollection; each feature's properties are `code` and `name`."
    )


class Change(BaseModel):
    change_id: str = Field(description="UUID made by the client; a change sent again is a no-op.")
    entity: Literal["incident", "measure"]
    id: str = Field(description="The record's UUID.")
    op: Literal["upsert", "delete"]
    base_revision: int | None = Field(description="null only for a new record.")
    fields: dict[str, Any] = Field(default_factory=dict)


class PushRequest(BaseModel):
    client_id: str | None = Field(
        default=None, description="UUID of the sending installation (sent by EST Desktop)."
    )
    changes: list[Change] = Field(max_length=500)


class PushResult(BaseModel):
    change_id: str
    id: str | None
    status: Literal["applied", "merged", "conflict", "rejected"]
    revision: int | None
    record: dict[str, Any] | None
    errors: dict[str, str] | None


class PushAnswer(BaseModel):
    results: list[PushResult]


class PulledChange(BaseModel):
    entity: Literal["incident", "measure"]
    id: str
    revision: int
    deleted: bool
    record: dict[str, Any] | None


class PullPage(BaseModel):
    changes: list[PulledChange]
    cursor: str = Field(description="Opaque: send it back as `since`.")
    has_more: bool
    reference_version: str | None = Field(
        None, description="The version of GET /reference now: refetch it when this differs."
    )


# Every model named by `request_body`, so the schema's components can hold them all.
REQUEST_MODELS: dict[str, type[BaseModel]] = {}


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` for a route that reads `model`'s shape itself; `model` goes into the
    schema's components with the others (see `openapi_components`)."""
    REQUEST_MODELS[model.__name__] = model
    schema = {"$ref": REF_TEMPLATE.format(model=model.__name__)}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def openapi_components(*models: type[BaseModel]) -> dict[str, Any]:
    """JSON schemas of `models` and the models they use, keyed for components/schemas."""
    _, top = models_json_schema(
        [(model, "validation") for model in models], ref_template=REF_TEMPLATE
    )
    return top.get("$defs", {})


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        400: "Not JSON in UTF-8 (`invalid_json`).",
        401: "No valid token (`unauthorized`).",
        403: "The user's role may not do this (`forbidden`).",
        408: "The body took too long to arrive (`request_timeout`).",
        413: "Body over 5 MiB, or more than 500 changes (`payload_too_large`).",
        422: "Valid JSON of the wrong shape (`validation_error`, with `fields`).",
        429: "Too many failed logins (`too_many_requests`, with Retry-After).",
        503: "Database busy or unreachable (`service_unavailable`, with Retry-After).",
    }.items()
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: ERROR_RESPONSES[status] for status in statuses}
