"""Sync over loopback: push 10,000 new incidents, pull 100,000 into an empty client, and push
latency with 8 concurrent clients, on an SQLite and a PostgreSQL server database.

Run by hand:  .venv/bin/python benchmarks/bench_sync.py [--push 10000] [--pull 100000]
              [--postgres URL]   (default: $EST_TEST_POSTGRES_URL; a fresh database is made)
              [--parts push,pull,latency]

Everything goes through the real paths: a real `est-server serve` process on 127.0.0.1, the
desktop's SyncEngine with its HttpTransport, the local store with its outbox.

Baselines, measured in the same run:
- push: the same rows (read back from the server's `records` table) inserted by one raw
  SQLAlchemy Core bulk insert into a copy of that table in the same database;
- pull: the same rows (read back from the client's `incidents` table) inserted by one raw Core
  bulk insert into the `incidents` table of another fresh client store.
The figure is the throughput ratio sync / baseline (target ≥ 25 %), and the full pull of 100,000
must finish in under 15 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import MetaData, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test helpers that start a real server

from est_desktop.demo_data import DEFAULT_END, generate_demo_incidents  # noqa: E402
from est_desktop.domain.categories import Taxonomy  # noqa: E402
from est_desktop.domain.wire import wire_fields  # noqa: E402
from est_desktop.geo.district_lookup import DistrictLookup  # noqa: E402
from est_desktop.server.database import ServerDatabase  # noqa: E402
from est_desktop.server.identity import Role, User  # noqa: E402
from est_desktop.server.sync_service import SyncService  # noqa: E402
from est_desktop.server.tables import AppliedChangeRow, AuditRow, RecordRow  # noqa: E402
from est_desktop.store.database import Store  # noqa: E402
from est_desktop.store.incidents import IncidentRepository  # noqa: E402
from est_desktop.store.tables import IncidentRow  # noqa: E402
from est_desktop.sync.engine import SyncEngine  # noqa: E402
from est_desktop.sync.transport import HttpTransport  # noqa: E402
from tests.postgres import ENV as POSTGRES_ENV  # noqa: E402
from tests.server.running_server import PASSWORD, prepare_database, start_server  # noqa: E402

RATIO_TARGET = 0.25
FULL_PULL_TARGET_S = 15.0
LATENCY_CLIENTS = 8
LATENCY_BATCH = 100
FILL_BATCH = 500
PUSH_BATCH = 500  # the client's batch, the most a request may carry
PUSH_WRITES = [RecordRow.__table__, AppliedChangeRow.__table__, AuditRow.__table__]
ANALYST = User("analyst", "boras_stad", Role.ANALYST)


def main() -> int:
    args = _arguments()
    ok = True
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    with tempfile.TemporaryDirectory(prefix="est-bench-sync-") as tmp:
        for backend in backends:
            print(f"\n== server database: {backend} ==", flush=True)
            with _database(backend, Path(tmp) / backend, args.postgres) as url:
                ok &= _run(url, Path(tmp) / backend, args)
    print("\nALL PASS" if ok else "\nSOME TARGETS MISSED")
    return 0 if ok else 1


def _run(url: str, work: Path, args: argparse.Namespace) -> bool:
    work.mkdir(parents=True, exist_ok=True)
    prepare_database(url)
    server = start_server(url, work)
    db = ServerDatabase.connect(url)
    ok = True
    try:
        # -- push ----------------------------------------------------------------------
        with _client(work / "pusher.sqlite", server.base) as (store, engine):
            IncidentRepository(store).add_many(_incidents(args.push, seed=1), queue_for_sync=True)
            server_cpu, client_cpu = _cpu_seconds(server.process.pid), time.process_time()
            start = time.perf_counter()
            engine.push_pending()
            push_s = time.perf_counter() - start
            client_cpu = time.process_time() - client_cpu
            server_cpu = _cpu_seconds(server.process.pid) - server_cpu
            assert engine.status().waiting == 0, "changes left unpushed"
        base_s = _copy_rows_timed(db, [RecordRow.__table__], limit=args.push)
        ok &= _report("push", args.push, push_s, base_s)
        # CPU time per change of each side: on a busy machine the wall time above is mostly
        # waiting for a core; these say which side bounds the throughput on an idle one.
        print(
            f"  (CPU per change: client {client_cpu / args.push * 1e6:.0f} µs, server "
            f"{server_cpu / args.push * 1e6:.0f} µs; baseline {base_s / args.push * 1e6:.0f} µs "
            "wall)",
            flush=True,
        )
        # What the server cannot avoid: each change stored (with the tables' indexes) with its
        # answer and its audit entry, a transaction a request; no parsing, checking, HTTP or
        # client work. Printed to show what the target leaves for all of those.
        floor_s = _copy_rows_timed(db, PUSH_WRITES, limit=args.push, batch=PUSH_BATCH)
        print(
            f"  (the server's writes alone, {PUSH_BATCH} a transaction: {floor_s:.2f} s = "
            f"{base_s / floor_s:.0%} of the baseline's throughput)",
            flush=True,
        )

        if "pull" in args.parts:
            ok &= _pull(db, server.base, work, args)
        if "latency" in args.parts:
            _latency(server.base, args.latency_requests)
    finally:
        db.close()
        server.stop()
    return ok


def _pull(db: ServerDatabase, base: str, work: Path, args: argparse.Namespace) -> bool:
    """Fill the server to `args.pull` records, pull them all into an empty client."""
    fill_s = _fill_server(db, args.pull - args.push)
    print(f"  (server filled to {args.pull:,} records in-process in {fill_s:.1f} s)")
    with _client(work / "puller.sqlite", base) as (store, engine):
        start = time.perf_counter()
        engine.pull_changes()
        pull_s = time.perf_counter() - start
        with store.reading() as conn:
            rows = [dict(r._mapping) for r in conn.execute(select(IncidentRow))]
    assert len(rows) == args.pull, f"pulled {len(rows)} of {args.pull}"
    with _fresh_store(work / "baseline.sqlite") as baseline_store:
        start = time.perf_counter()
        with baseline_store.transaction() as conn:
            conn.execute(insert(IncidentRow), rows)
        base_s = time.perf_counter() - start
    ok = _report("pull", args.pull, pull_s, base_s)
    full = pull_s < FULL_PULL_TARGET_S
    print(
        f"  full pull of {args.pull:,}: {pull_s:.1f} s "
        f"(target < {FULL_PULL_TARGET_S:.0f} s) {'PASS' if full else 'MISS'}"
    )
    return ok and full


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of process `pid` so far (Linux /proc; NaN elsewhere)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def _report(what: str, count: int, seconds: float, baseline_s: float) -> bool:
    rate, base_rate = count / seconds, count / baseline_s
    ratio = rate / base_rate
    passed = ratio >= RATIO_TARGET
    print(
        f"  {what} {count:,}: {seconds:.2f} s = {rate:,.0f}/s; "
        f"baseline Core bulk insert {baseline_s:.2f} s = {base_rate:,.0f}/s; "
        f"ratio {ratio:.0%} (target ≥ {RATIO_TARGET:.0%}) {'PASS' if passed else 'MISS'}",
        flush=True,
    )
    return passed


def _latency(base: str, requests_per_client: int) -> None:
    """8 clients, each pushing batches of 100 new incidents as fast as answers come."""
    token = _token(base)
    latencies: list[float] = []
    lock = threading.Lock()

    def client(seed: int) -> None:
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {token}"
        incidents = _incidents(requests_per_client * LATENCY_BATCH, seed=100 + seed)
        for _ in range(requests_per_client):
            body = {
                "client_id": str(uuid.uuid4()),
                "changes": [_change(i) for i in islice(incidents, LATENCY_BATCH)],
            }
            start = time.perf_counter()
            answer = http.post(f"{base}/sync/push", json=body, timeout=60)
            elapsed = time.perf_counter() - start
            assert answer.status_code == 200, answer.text
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(LATENCY_CLIENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    changes = len(latencies) * LATENCY_BATCH
    print(
        f"  push latency, {LATENCY_CLIENTS} concurrent clients × {requests_per_client} batches "
        f"of {LATENCY_BATCH}: p50 {p50:.0f} ms, p99 {p99:.0f} ms, "
        f"{changes / wall:,.0f} changes/s overall",
        flush=True,
    )


def _fill_server(db: ServerDatabase, count: int) -> float:
    service = SyncService(db, Taxonomy.load(), DistrictLookup.default())
    incidents = _incidents(count, seed=2)
    start = time.perf_counter()
    while batch := list(islice(incidents, FILL_BATCH)):
        results = service.push(ANALYST, str(uuid.uuid4()), [_change(i) for i in batch])
        assert all(r["status"] == "applied" for r in results), results[:3]
    return time.perf_counter() - start


def _copy_rows_timed(
    db: ServerDatabase, tables: list[Any], *, limit: int, batch: int | None = None
) -> float:
    """Copy `limit` rows of each of `tables` into fresh copies of them in the same database;
    the seconds the inserts took: one transaction and one executemany a table into bare copies
    (keys, no indexes), or (`batch`) one server write transaction per `batch` rows of every
    table into copies with their indexes."""
    copies, rows = [], []
    for table in tables:
        suffix = uuid.uuid4().hex[:6]
        copy = table.to_metadata(MetaData(), name=f"bench_{table.name}_{suffix}")
        for index in list(copy.indexes):
            if batch:  # the server's own writes: with the table's indexes, named anew
                index.name = f"{index.name}_{suffix}"  # (index names are per database)
            else:  # the baseline: a bare table
                copy.indexes.discard(index)
        with db.reading() as conn:
            rows.append([dict(r._mapping) for r in conn.execute(select(table).limit(limit))])
        copy.create(db.engine)
        copies.append(copy)
    step = batch or limit
    try:
        start = time.perf_counter()
        for first in range(0, limit, step):
            with db.transaction() if batch else db.engine.begin() as conn:
                for copy, table_rows in zip(copies, rows, strict=True):
                    conn.execute(insert(copy), table_rows[first : first + step])
        return time.perf_counter() - start
    finally:
        for copy in copies:
            copy.drop(db.engine)


def _incidents(count: int, *, seed: int):
    """Demo incidents with fresh ids, dated so none is in the future on the server."""
    return generate_demo_incidents(count, seed=seed, end=min(DEFAULT_END, datetime.now(UTC)))


def _change(incident: Any) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": "incident",
        "id": str(incident.id),
        "op": "upsert",
        "base_revision": None,
        "fields": wire_fields(incident.as_draft().as_fields()),
    }


def _token(base: str) -> str:
    answer = requests.post(
        f"{base}/auth/token", json={"username": "analyst", "password": PASSWORD}, timeout=30
    )
    answer.raise_for_status()
    return answer.json()["access_token"]


@contextmanager
def _client(path: Path, base: str):
    with ExitStack() as stack:
        store = stack.enter_context(_fresh_store(path))
        transport = HttpTransport(base, token=_token(base))
        stack.callback(transport.close)
        yield store, SyncEngine(store, transport, pull_limit=1000)


@contextmanager
def _fresh_store(path: Path):
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _database(backend: str, work: Path, postgres: str | None):
    if backend == "sqlite":
        work.mkdir(parents=True, exist_ok=True)
        yield f"sqlite:///{work}/est-server.db"
        return
    os.environ[POSTGRES_ENV] = postgres or ""
    from tests.postgres import fresh_postgres_database

    with fresh_postgres_database() as url:
        yield url


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--push", type=int, default=10_000)
    parser.add_argument("--pull", type=int, default=100_000)
    parser.add_argument("--latency-requests", type=int, default=25, help="per client")
    parser.add_argument("--postgres", default=os.environ.get(POSTGRES_ENV))
    parser.add_argument(
        "--parts",
        type=lambda text: set(text.split(",")),
        default={"push", "pull", "latency"},
        help="comma-separated: push (always run: the pull fills up from it), pull, latency",
    )
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
