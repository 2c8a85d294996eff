"""Over HTTP: health, the OpenAPI schema, the error body for unknown paths and methods, tokens
required everywhere else, the reference data, and no Qt in the server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from est_desktop import __version__
from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from tests.postgres import fresh_postgres_database, postgres_url
from tests.server.running_server import (
    RunningServer,
    assert_error,
    prepare_database,
    start_server,
)

PROTECTED = [
    ("GET", "/reference"),
    ("POST", "/sync/push"),
    ("GET", "/sync/pull"),
]


def test_health_answers_ok_and_the_version_without_a_token(server: RunningServer) -> None:
    answer = server.request("GET", "/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "version": __version__}


def test_openapi_schema_is_served_without_a_token(server: RunningServer) -> None:
    answer = server.request("GET", "/openapi.json")
    assert answer.status_code == 200
    schema = answer.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in ("/health", "/auth/token", "/reference", "/sync/push", "/sync/pull"):
        assert f"/api/v1{path}" in paths
    push = paths["/api/v1/sync/push"]["post"]
    body_ref = push["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body_ref.rsplit("/", 1)[-1] in schema["components"]["schemas"]
    assert {"PushRequest", "Change", "PushAnswer", "ErrorBody"} <= set(
        schema["components"]["schemas"]
    )
    assert "413" in push["responses"] and "422" in push["responses"]
    assert any(
        scheme["scheme"] == "bearer" for scheme in schema["components"]["securitySchemes"].values()
    )


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/api/v1/docs"])
def test_interactive_docs_are_off(server: RunningServer, path: str) -> None:
    answer = server._http.get(server.base.removesuffix("/api/v1") + path, timeout=10)
    assert_error(answer, 404, "not_found")


def test_unknown_path_is_not_found_with_the_error_body(server: RunningServer) -> None:
    assert_error(server.request("GET", "/no/such/thing"), 404, "not_found")
    assert_error(server.request("POST", "/sync/nothing", json={}), 404, "not_found")


def test_wrong_method_is_405_with_the_error_body(server: RunningServer) -> None:
    answer = server.request("DELETE", "/health")
    assert_error(answer, 405, "method_not_allowed")
    assert "GET" in answer.headers["Allow"]
    assert_error(server.request("GET", "/auth/token"), 405, "method_not_allowed")


@pytest.mark.parametrize(("method", "path"), PROTECTED)
@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Basic YWRtaW46eA==",
        "Bearer not-a-token",
        "Bearer " + "x" * 5000,
        "Token abc",
    ],
)
def test_every_endpoint_but_health_and_login_needs_a_valid_token(
    server: RunningServer, method: str, path: str, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    answer = server.request(method, path, headers=headers, json={"changes": []})
    assert_error(answer, 401, "unauthorized")
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")


def test_token_is_checked_before_the_body(server: RunningServer) -> None:
    answer = server.request("POST", "/sync/push", data=b"{not json")
    assert_error(answer, 401, "unauthorized")


def test_reference_data_has_categories_and_district_outlines(server: RunningServer) -> None:
    token = server.token("rep_bostader")
    answer = server.request("GET", "/reference", token=token)
    assert answer.status_code == 200
    reference = answer.json()
    assert isinstance(reference["version"], str) and reference["version"]
    taxonomy = Taxonomy.load()
    assert reference["categories"] == [
        {
            "code": c.code,
            "group": c.group,
            "label_sv": c.label_sv,
            "label_en": c.label_en,
            "active": c.active,
            "entry": c.entry,
        }
        for c in taxonomy.categories()
    ]
    assert {c["code"] for c in reference["categories"] if not c["entry"]} == {"omappad"}
    districts = reference["districts"]
    assert districts["type"] == "FeatureCollection"
    for feature in districts["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {"code", "name"}
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    lookup = DistrictLookup.from_geojson(districts)  # a client can load it as it is
    assert [d.code for d in lookup.districts()] == [
        d.code for d in DistrictLookup.default().districts()
    ]
    again = server.request("GET", "/reference", token=server.token("police")).json()
    assert again["version"] == reference["version"]


def test_the_server_never_imports_qt() -> None:
    code = (
        "import sys\n"
        "import est_desktop.server.app, est_desktop.server.cli\n"
        "est_desktop.server.app.app_from_environment\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.postgres
def test_a_database_that_is_gone_is_503_with_retry_after(tmp_path: Path) -> None:
    with fresh_postgres_database() as url:
        prepare_database(url, {"kim": ("bostader", "reporter")})
        server = start_server(url, tmp_path)
        try:
            token = server.token("kim")
            admin = create_engine(postgres_url() or "", isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{make_url(url).database}" WITH (FORCE)'))
            admin.dispose()
            for answer in (
                server.request("GET", "/health"),
                server.request("GET", "/sync/pull", token=token),
                server.login("kim"),
            ):
                error = assert_error(answer, 503, "service_unavailable")
                assert int(answer.headers["Retry-After"]) >= 1
                assert "SELECT" not in error["message"] and "psycopg" not in error["message"]
        finally:
            assert server.stop() == 0, server.log()
        assert "database unavailable" in server.log()
