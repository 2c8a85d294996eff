"""schemathesis against a real server's OpenAPI schema: generated requests, valid and invalid,
to every operation, with a token; no answer may be a 5xx, and every answer must match the
schema (status code, content type, headers, body). The examples are bounded so the whole run
stays well under a minute on two cores.
"""

from __future__ import annotations

import json
import re

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.server.endpoints import app_endpoints
from tests.server.running_server import RunningServer

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 30  # per operation
OPERATIONS = [f"{e.method} {e.path}" for e in app_endpoints()]


@pytest.fixture(scope="module")
def api_schema(server: RunningServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(server.url("/openapi.json"))


@pytest.fixture(scope="module")
def session(server: RunningServer) -> requests.Session:
    """An admin's token, so every operation is reached past the door."""
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {server.token('admin')}"
    return http


@pytest.mark.parametrize("label", OPERATIONS)
def test_generated_requests_get_no_5xx_and_answers_that_match_the_schema(
    api_schema: schemathesis.BaseSchema, session: requests.Session, label: str
) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None, f"{label} is not in the served schema"

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same examples every run: a failure here is reproducible
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(session=session, checks=CHECKS)

    check()


def test_every_reference_in_the_schema_resolves(server: RunningServer) -> None:
    """A dangling $ref silently turns a request body into "anything" for every client tool."""
    schema = requests.get(server.url("/openapi.json"), timeout=30).json()
    refs = set(re.findall(r'"\$ref":\s*"#/components/schemas/([^"]+)"', json.dumps(schema)))
    assert refs and refs <= set(schema["components"]["schemas"])
