"""The server under load: 50 simulated desktop clients pushing and pulling at once, for 60 s, on
an SQLite and a PostgreSQL server database.

Run by hand:  .venv/bin/python benchmarks/bench_server_load.py [--seconds 60] [--clients 50]
              [--workers 4] [--batch 20] [--interval 10] [--postgres URL] [--no-sqlite]
              (PostgreSQL: --postgres or $EST_TEST_POSTGRES_URL; a fresh database is made)

A real `est-server serve --workers N` on 127.0.0.1. Each client is a thread with its own HTTP
session and account; every `--interval` seconds (the clients' start times spread over one
interval) it syncs: push `--batch` new incidents and one edit of an earlier one, then pull
everything new since its cursor (all pages). The desktop syncs every minute and a few seconds
after a save, so 50 clients every 10 s with 20 new incidents each (about 100 incidents a
second, each pulled by all 50) is far above what the three organisations will ever send. A
non-200 answer, a change not `applied`/`merged`, or a failed connection counts as an error.
(An interval close to the server's 5 s keep-alive would make clients race its closing of idle
connections: a dropped connection, which the desktop retries, rather than a server failure.)

Baseline, measured in the same run: the latency of GET /health under the same load (the HTTP
stack, the worker pool and one `SELECT 1`, with no sync work). Printed: throughput, p50/p99
latency per operation, errors, and p99 push / p99 health. Target: 0 errors and p99 push under
500 ms on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test helpers that start a real server

from est_desktop.server.database import ServerDatabase  # noqa: E402
from est_desktop.server.users import add_user  # noqa: E402
from tests.postgres import ENV as POSTGRES_ENV  # noqa: E402
from tests.postgres import fresh_database  # noqa: E402
from tests.server.running_server import (  # noqa: E402
    HULTA,
    PASSWORD,
    RunningServer,
    incident_change,
    prepare_database,
    start_server,
)

P99_PUSH_TARGET_MS = 500.0
ORGANISATIONS = ("boras_stad", "bostader", "polisen")
HEALTH_INTERVAL = 0.05  # seconds between baseline probes


@dataclass
class Tally:
    """Latencies (seconds) and errors per operation, shared by the client threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    changes_pushed: int = 0
    changes_pulled: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, operation: str, seconds: float, error: str | None = None) -> None:
        with self.lock:
            self.latencies[operation].append(seconds)
            if error:
                self.errors[operation].append(error)


def main() -> int:
    args = _arguments()
    backends = (["sqlite"] if args.sqlite else []) + (["postgresql"] if args.postgres else [])
    if args.postgres:
        os.environ[POSTGRES_ENV] = args.postgres
    ok = True
    with tempfile.TemporaryDirectory(prefix="est-bench-load-") as tmp:
        for backend in backends:
            work = Path(tmp) / backend
            work.mkdir()
            print(
                f"\n== {backend}: {args.clients} clients syncing {args.batch + 1} changes every "
                f"{args.interval:g} s, {args.workers} server workers, {args.seconds:g} s ==",
                flush=True,
            )
            with fresh_database(backend, work) as url:
                ok &= _run(url, work, args, target=backend == "postgresql")
    print("\nALL PASS" if ok else "\nSOME TARGETS MISSED")
    return 0 if ok else 1


def _run(url: str, work: Path, args: argparse.Namespace, *, target: bool) -> bool:
    prepare_database(url, {})
    usernames = _add_clients(url, args.clients)
    server = start_server(url, work, "--workers", str(args.workers))
    try:
        tokens = [server.token(name) for name in usernames]
        tally = Tally()
        stop_at = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=_client, args=(server, token, tally, stop_at, args, n))
            for n, token in enumerate(tokens)
        ]
        threads.append(threading.Thread(target=_health_probe, args=(server, tally, stop_at)))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        code = server.stop()
    if code != 0:
        print(f"  server exited with {code}:\n{server.log()[-2000:]}")
    return _report(tally, elapsed, target=target) and code == 0


def _add_clients(url: str, count: int) -> list[str]:
    db = ServerDatabase.connect(url)
    try:
        names = [f"load{n:03d}" for n in range(count)]
        for n, name in enumerate(names):
            add_user(db, name, ORGANISATIONS[n % len(ORGANISATIONS)], "reporter", PASSWORD)
    finally:
        db.close()
    return names


def _client(
    server: RunningServer,
    token: str,
    tally: Tally,
    stop_at: float,
    args: argparse.Namespace,
    seed: int,
) -> None:
    rng = random.Random(seed)
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    mine: dict[str, int] = {}  # record id → revision, to edit one of them now and then
    cursor = ""
    next_sync = time.monotonic() + rng.uniform(0, args.interval)  # clients start spread out
    while True:
        time.sleep(max(0.0, next_sync - time.monotonic()))
        if time.monotonic() >= stop_at:
            break
        next_sync += args.interval  # a late sync is followed at once by the next one
        changes = [_new_incident(rng) for _ in range(args.batch)]
        if mine:
            record_id = rng.choice(list(mine))
            changes.append(
                incident_change(record_id, base_revision=mine[record_id], description="Ändrad")
            )
        results = _push(server, http, changes, tally)
        for result in results:
            if result.get("revision"):
                mine[result["id"]] = result["revision"]
        cursor = _pull_all(server, http, cursor, tally)
    http.close()


def _new_incident(rng: random.Random) -> dict:
    lat, lon = HULTA
    return incident_change(lat=lat + rng.uniform(-0.02, 0.02), lon=lon + rng.uniform(-0.03, 0.03))


def _push(server: RunningServer, http: requests.Session, changes: list, tally: Tally) -> list:
    body = {"client_id": "00000000-0000-4000-8000-000000000000", "changes": changes}
    started = time.perf_counter()
    try:
        answer = http.post(server.url("/sync/push"), json=body, timeout=60)
    except requests.RequestException as exc:
        tally.record("push", time.perf_counter() - started, type(exc).__name__)
        return []
    seconds = time.perf_counter() - started
    if answer.status_code != 200:
        tally.record("push", seconds, f"HTTP {answer.status_code}")
        return []
    results = answer.json()["results"]
    bad = [r["status"] for r in results if r["status"] not in ("applied", "merged")]
    tally.record("push", seconds, f"changes {sorted(set(bad))}" if bad else None)
    with tally.lock:
        tally.changes_pushed += len(results)
    return results


def _pull_all(server: RunningServer, http: requests.Session, cursor: str, tally: Tally) -> str:
    while True:
        started = time.perf_counter()
        try:
            answer = http.get(
                server.url("/sync/pull"), params={"since": cursor, "limit": 500}, timeout=60
            )
        except requests.RequestException as exc:
            tally.record("pull", time.perf_counter() - started, type(exc).__name__)
            return cursor
        seconds = time.perf_counter() - started
        if answer.status_code != 200:
            tally.record("pull", seconds, f"HTTP {answer.status_code}")
            return cursor
        tally.record("pull", seconds)
        page = answer.json()
        with tally.lock:
            tally.changes_pulled += len(page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            return cursor


def _health_probe(server: RunningServer, tally: Tally, stop_at: float) -> None:
    http = requests.Session()
    while time.monotonic() < stop_at:
        started = time.perf_counter()
        try:
            answer = http.get(server.url("/health"), timeout=60)
            error = None if answer.status_code == 200 else f"HTTP {answer.status_code}"
        except requests.RequestException as exc:
            error = type(exc).__name__
        tally.record("health", time.perf_counter() - started, error)
        time.sleep(HEALTH_INTERVAL)
    http.close()


def _report(tally: Tally, elapsed: float, *, target: bool) -> bool:
    print(f"  {'operation':<18}{'requests':>9}{'per s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    p99: dict[str, float] = {}
    for operation in ("push", "pull", "health"):
        times = sorted(tally.latencies[operation])
        if not times:
            print(f"  {operation:<18}{0:>9}")
            continue
        p50, p99[operation] = _percentile(times, 50), _percentile(times, 99)
        label = "health (baseline)" if operation == "health" else operation
        print(
            f"  {label:<18}{len(times):>9}{len(times) / elapsed:>9.1f}{p50 * 1000:>9.1f}"
            f"{p99[operation] * 1000:>9.1f}{len(tally.errors[operation]):>8}"
        )
    print(
        f"  changes pushed {tally.changes_pushed:,} ({tally.changes_pushed / elapsed:,.0f}/s), "
        f"pulled {tally.changes_pulled:,} ({tally.changes_pulled / elapsed:,.0f}/s)"
    )
    for operation, errors in tally.errors.items():
        if errors:
            kinds = {kind: errors.count(kind) for kind in sorted(set(errors))}
            print(f"  errors in {operation}: {kinds}")
    if "push" in p99 and "health" in p99:
        ratio = p99["push"] / p99["health"]
        print(f"  p99 push / p99 health (baseline): {ratio:.1f}×")
    errors = sum(len(e) for e in tally.errors.values())
    push_ms = p99.get("push", float("inf")) * 1000
    ok = errors == 0 and (not target or push_ms < P99_PUSH_TARGET_MS)
    goal = f"0 errors, p99 push < {P99_PUSH_TARGET_MS:g} ms" if target else "0 errors"
    print(f"  target {goal}: {'PASS' if ok else 'MISS'}")
    return ok


def _percentile(sorted_values: list[float], percent: float) -> float:
    if len(sorted_values) == 1:
        return sorted_values[0]
    return statistics.quantiles(sorted_values, n=100, method="inclusive")[int(percent) - 1]


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4, help="server processes")
    parser.add_argument("--batch", type=int, default=20, help="new incidents per push")
    parser.add_argument("--interval", type=float, default=10.0, help="seconds between syncs")
    parser.add_argument("--postgres", default=os.environ.get(POSTGRES_ENV))
    parser.add_argument("--no-sqlite", dest="sqlite", action="store_false")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
