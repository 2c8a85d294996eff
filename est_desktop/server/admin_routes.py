"""Privacy routes: the audit log and the right-of-access / erasure helper (admins), and the
export report any user's client sends (docs/privacy.md, docs/sync-api.md).

The search string travels in a POST body, never in the URL, so it stays out of access logs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from est_desktop.server import audit, schemas
from est_desktop.server.audit import Action, AuditEvent, InvalidAuditCursorError, parse_since
from est_desktop.server.auth import AdminUser, CurrentUser
from est_desktop.server.bodies import parse_json
from est_desktop.server.errors import validation_error
from est_desktop.server.redaction import MAX_LENGTH, TextError, find_text, redact_text

MAX_EXPORT_COUNT = 10_000_000
EXPORT_KINDS = (None, "incidents", "aggregated", "report")
router = APIRouter()


class AuditEntry(BaseModel):
    id: int
    at: str = Field(description="RFC 3339, UTC.")
    username: str = Field(description="Who; for a failed login, the user name tried.")
    action: str = Field(examples=[a.value for a in Action])
    entity: str | None = None
    record_id: str | None = None
    op: str | None = Field(default=None, description="upsert, delete or redact.")
    status: str | None = None
    count: int | None = Field(default=None, description="How many records (pulls, exports).")
    detail: str | None = None


class AuditPage(BaseModel):
    entries: list[AuditEntry]
    cursor: str = Field(description="Send back as `cursor` for the next page.")
    has_more: bool


class TextRequest(BaseModel):
    text: str = Field(min_length=3, max_length=MAX_LENGTH, description="Case is ignored.")


class RedactRequest(TextRequest):
    dry_run: bool = False


class TextMatch(BaseModel):
    entity: Literal["incident", "measure"]
    id: str
    revision: int
    deleted: bool
    fields: list[str] = Field(description="The free-text fields that mention the text.")
    record: dict[str, Any]


class TextMatches(BaseModel):
    count: int = Field(description="How many records mention the text.")
    matches: list[TextMatch] = Field(description="The first 1,000 of them, in id order.")


class RedactAnswer(BaseModel):
    dry_run: bool
    records: int = Field(description="Records changed (or, on a dry run, that would be).")
    by_entity: dict[str, int]
    answers_rewritten: int = Field(description="Stored push answers that quoted the text.")


class ExportReport(BaseModel):
    count: int = Field(ge=0, le=MAX_EXPORT_COUNT, description="How many records were exported.")
    format: str = Field(min_length=1, max_length=32, examples=["csv", "geojson", "pdf"])
    free_text: bool = False
    police: bool = False
    kind: Literal["incidents", "aggregated", "report"] | None = Field(
        default=None, description="Records one by one, counts for sharing, or a printed report."
    )
    report_id: UUID | None = Field(
        default=None,
        description="The client's id of this export: a report sent again with the same id is "
        "recorded once (clients that report exports made offline resend until answered).",
    )


class Recorded(BaseModel):
    recorded: Literal[True]


async def _body(request: Request) -> Any:
    return parse_json(await request.body())


Body = Annotated[Any, Depends(_body)]


@router.get("/admin/audit", response_model=AuditPage, responses=schemas.errors(401, 403, 422, 503))
def read_audit(
    admin: AdminUser,
    request: Request,
    since: Annotated[
        str | None, Query(max_length=40, description="A date (YYYY-MM-DD) or an RFC 3339 time.")
    ] = None,
    user: Annotated[str | None, Query(max_length=120, description="Only this user.")] = None,
    action: Annotated[str | None, Query(max_length=32, description="Only this action.")] = None,
    cursor: Annotated[str | None, Query(max_length=40, description="From the last page.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """The audit log, oldest first (admins only). Reading it is itself audited."""
    try:
        start = parse_since(since) if since else None
    except ValueError as exc:
        raise validation_error({"since": str(exc)}) from None
    db = request.app.state.db
    request.app.state.sync.flush_audit()  # this process's pulls of the last second too
    try:
        with db.reading() as conn:
            page = audit.read(
                conn, since=start, username=user, action=action, cursor=cursor, limit=limit
            )
    except InvalidAuditCursorError as exc:
        raise validation_error({"cursor": str(exc)}) from None
    event = AuditEvent(admin.username, Action.AUDIT_READ, count=len(page.entries))
    audit.write(db, [event])
    return {"entries": page.entries, "cursor": page.cursor, "has_more": page.has_more}


@router.post(
    "/admin/find-text",
    response_model=TextMatches,
    responses=schemas.errors(400, 401, 403, 422, 503),
    openapi_extra=schemas.request_body(TextRequest),
)
def find_records_mentioning(admin: AdminUser, body: Body, request: Request) -> dict[str, Any]:
    """Records whose free text mentions a text, e.g. a person's name (admins only): for a
    request of access. Audited with the count, not the text."""
    text = _text_of(body)
    try:
        matches, count = find_text(request.app.state.db, text, actor=admin.username)
    except TextError as exc:
        raise validation_error({"text": str(exc)}) from None
    return {"count": count, "matches": [match.as_wire() for match in matches]}


@router.post(
    "/admin/redact",
    response_model=RedactAnswer,
    responses=schemas.errors(400, 401, 403, 422, 503),
    openapi_extra=schemas.request_body(RedactRequest),
)
def redact_everywhere(admin: AdminUser, body: Body, request: Request) -> dict[str, Any]:
    """Replace a text with "[…]" in every record's free text, as new revisions that every
    client pulls (admins only): for a request of erasure. `dry_run` only counts."""
    text = _text_of(body)
    dry_run = body.get("dry_run", False)
    if not isinstance(dry_run, bool):
        raise validation_error({"dry_run": "Ange true eller false."})
    try:
        report = redact_text(request.app.state.db, text, actor=admin.username, dry_run=dry_run)
    except TextError as exc:
        raise validation_error({"text": str(exc)}) from None
    return {
        "dry_run": report.dry_run,
        "records": report.records.changed,
        "by_entity": report.records.by_entity,
        "answers_rewritten": report.answers_rewritten,
    }


@router.post(
    "/audit/export",
    response_model=Recorded,
    responses=schemas.errors(400, 401, 422, 503),
    openapi_extra=schemas.request_body(ExportReport),
)
def report_export(user: CurrentUser, body: Body, request: Request) -> dict[str, Any]:
    """A client tells that its user exported records from the local copy (any user), so the
    audit log shows exports beside pulls."""
    if not isinstance(body, dict):
        raise validation_error({"body": "Måste vara ett JSON-objekt."})
    problems: dict[str, str] = {}
    count, kind = body.get("count"), body.get("format")
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_EXPORT_COUNT:
        problems["count"] = "Ange antalet exporterade poster som ett heltal, 0 eller mer."
    if not isinstance(kind, str) or not 1 <= len(kind) <= 32 or not kind.isprintable():
        problems["format"] = "Ange formatet som kort text, t.ex. csv."
    flags = {name: body.get(name, False) for name in ("free_text", "police")}
    problems.update(
        {n: "Ange true eller false." for n, v in flags.items() if not isinstance(v, bool)}
    )
    export_kind, report_id = body.get("kind"), _report_id(body.get("report_id"))
    if export_kind not in EXPORT_KINDS:
        problems["kind"] = "Ange incidents, aggregated eller report (eller utelämna)."
    if report_id == "":
        problems["report_id"] = "Ange ett UUID (eller utelämna)."
    if problems:
        raise validation_error(problems)
    detail = f"format={kind} free_text={flags['free_text']} police={flags['police']}".lower()
    if export_kind:
        detail = f"kind={export_kind} {detail}"
    event = AuditEvent(
        user.username, Action.EXPORT, record_id=report_id, status="done", count=count, detail=detail
    )
    if report_id:
        audit.write_once(request.app.state.db, event)  # sent again: already recorded
    else:
        audit.write(request.app.state.db, [event])
    return {"recorded": True}


def _report_id(value: Any) -> str | None:
    """The canonical text of a report id; None when there is none, "" when it is no UUID."""
    if value is None:
        return None
    try:
        return str(UUID(value)) if isinstance(value, str) and len(value) <= 36 else ""
    except ValueError:
        return ""


def _text_of(body: Any) -> str:
    if not isinstance(body, dict):
        raise validation_error({"body": "Måste vara ett JSON-objekt med text."})
    text = body.get("text")
    if not isinstance(text, str):
        raise validation_error({"text": "Ange texten att söka efter."})
    return text
