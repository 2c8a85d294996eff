"""Two `est-server serve` processes on one database answer alike: tokens, records, cursors and
login throttling all live in the database, none in a process's memory."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from est_desktop.server.database import ServerDatabase
from est_desktop.server.users import add_user
from tests.server.running_server import (
    PASSWORD,
    RunningServer,
    assert_error,
    incident_change,
    start_server,
)


@pytest.fixture(scope="module")
def pair(
    module_database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[RunningServer, RunningServer]]:
    log_dir = tmp_path_factory.mktemp("two-servers")
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(lambda _: start_server(module_database_url, log_dir), range(2))
    yield first, second
    codes = [first.stop(), second.stop()]
    assert codes == [0, 0], first.log() + second.log()


def test_a_token_from_one_process_is_accepted_by_the_other(
    pair: tuple[RunningServer, RunningServer],
) -> None:
    first, second = pair
    token = first.token("rep_boras")
    assert second.request("GET", "/reference", token=token).status_code == 200
    assert second.request("GET", "/sync/pull", token=token).status_code == 200


def test_clients_pushing_through_both_pull_everything_through_either(
    pair: tuple[RunningServer, RunningServer],
) -> None:
    first, second = pair
    writers = [(first, first.token("rep_boras")), (second, second.token("rep_bostader"))]
    batches = [[incident_change() for _ in range(20)] for _ in range(8)]

    def push(index: int) -> list[str]:
        server, token = writers[index % 2]
        answer = server.push(token, batches[index])
        assert answer.status_code == 200, answer.text
        return [result["status"] for result in answer.json()["results"]]

    with ThreadPoolExecutor(8) as pool:
        statuses = [status for batch in pool.map(push, range(8)) for status in batch]
    assert statuses == ["applied"] * 160
    expected = {change["id"] for batch in batches for change in batch}
    for server, token in ((first, first.token("analyst")), (second, second.token("analyst"))):
        pulled, _ = server.pull_all(token, limit=7)
        assert expected <= set(pulled)


def test_a_change_replayed_through_the_other_process_is_not_applied_twice(
    pair: tuple[RunningServer, RunningServer],
) -> None:
    first, second = pair
    change = incident_change()
    one = first.push(first.token("rep_boras"), [change]).json()["results"]
    two = second.push(second.token("rep_boras"), [change]).json()["results"]
    assert one == two
    assert one[0]["revision"] == 1


def test_a_cursor_from_one_process_continues_on_the_other(
    pair: tuple[RunningServer, RunningServer],
) -> None:
    first, second = pair
    token = first.token("analyst")
    _, cursor = first.pull_all(token)
    change = incident_change()
    second.push(token, [change])
    pulled, _ = second.pull_all(token, since=cursor)
    assert list(pulled) == [change["id"]]


def test_login_failures_are_counted_across_both_processes(
    pair: tuple[RunningServer, RunningServer], module_database_url: str
) -> None:
    first, second = pair
    username = f"u_{uuid.uuid4().hex[:8]}"
    db = ServerDatabase.connect(module_database_url)
    add_user(db, username, "bostader", "reporter", PASSWORD)
    db.close()
    address = f"203.0.113.{uuid.uuid4().int % 250}"

    def fail(index: int) -> int:
        server = (first, second)[index % 2]
        return server.login(username, "fel", address=address).status_code

    with ThreadPoolExecutor(10) as pool:
        assert list(pool.map(fail, range(10))) == [401] * 10
    for server in (first, second):
        answer = server.login(username, PASSWORD, address=address)
        assert_error(answer, 429, "too_many_requests")
        assert int(answer.headers["Retry-After"]) >= 1
