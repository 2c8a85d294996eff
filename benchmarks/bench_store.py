"""The local store under load: fill it, save through the entry form's path, query the list.

Run by hand:  .venv/bin/python benchmarks/bench_store.py [--rows 1000000] [--saves 1000]

Saves go through `IncidentService.record`, exactly as the entry form calls it (validation,
district lookup, record and outbox entry in one transaction). The baseline, measured in the same
run, is the same rows written by bare `sqlite3` INSERTs, one committed transaction each, into a
copy of the filled store (same table, indexes and PRAGMAs) in a separate file.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from itertools import islice
from pathlib import Path

from est_desktop.demo_data import DEFAULT_END, generate_demo_incidents
from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.periods import month_bounds
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import PRAGMAS, Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.tables import IncidentRow

SAVE_P99_TARGET_MS = 20.0
SAVE_RATIO_TARGET = 10.0
FILTERED_PAGE_TARGET_MS = 100.0
BATCH = 10_000
COLUMNS = [column.name for column in IncidentRow.__table__.columns if column.name != "pk"]


def fill(store: Store, rows: int) -> tuple[float, float]:
    """Fill the store with demo incidents; returns (seconds generating, seconds inserting)."""
    repository = IncidentRepository(store)
    incidents = generate_demo_incidents(rows, seed=1, end=DEFAULT_END)
    generating = inserting = 0.0
    done = 0
    while True:
        start = time.perf_counter()
        batch = list(islice(incidents, BATCH))
        generating += time.perf_counter() - start
        if not batch:
            return generating, inserting
        start = time.perf_counter()
        repository.add_many(batch, queue_for_sync=False)
        inserting += time.perf_counter() - start
        done += len(batch)
        if done % 100_000 == 0 or done == rows:
            print(f"  {done:>9,} rows  {generating + inserting:6.1f} s", flush=True)


def bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    return conn


def copy_store(source: Path, target: Path) -> None:
    """A copy of the filled store: the baseline writes into a table of the very same shape."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def timed_saves(
    store: Store, bare: sqlite3.Connection, saves: int
) -> tuple[list[float], list[float]]:
    """Interleaved: one save through the service, then the same row by bare sqlite3."""
    lookup = DistrictLookup.default()
    service = IncidentService(
        store, Taxonomy.load(), lookup.district_at, lambda: Actor("vm.hulta", "bostader")
    )
    drafts = [i.as_draft() for i in generate_demo_incidents(saves, seed=99, end=DEFAULT_END)]
    reader = sqlite3.connect(store.path)
    select_row = f"SELECT {', '.join(COLUMNS)} FROM incidents WHERE id = ?"
    marks = ", ".join("?" for _ in COLUMNS)
    insert_row = f"INSERT INTO incidents ({', '.join(COLUMNS)}) VALUES ({marks})"
    ours: list[float] = []
    baseline: list[float] = []
    for draft in drafts:
        start = time.perf_counter()
        incident = service.record(draft)
        ours.append((time.perf_counter() - start) * 1000)
        values = reader.execute(select_row, (str(incident.id),)).fetchone()
        start = time.perf_counter()
        bare.execute("BEGIN IMMEDIATE")
        bare.execute(insert_row, values)
        bare.execute("COMMIT")
        baseline.append((time.perf_counter() - start) * 1000)
    reader.close()
    return ours, baseline


def median_ms(call: Callable[[], object], runs: int = 5) -> tuple[float, object]:
    """Median wall time of `runs` calls in ms, and the last result."""
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="incidents in the store")
    parser.add_argument("--saves", type=int, default=1000, help="timed saves (and bare inserts)")
    parser.add_argument("--dir", type=Path, default=None, help="where the temporary files go")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="est-bench-", dir=args.dir) as tmp:
        path, bare_path = Path(tmp) / "est.sqlite", Path(tmp) / "bare.sqlite"
        store = Store.open(path)
        try:
            print(f"filling {args.rows:,} incidents into {path} ...", flush=True)
            generating, inserting = fill(store, args.rows)
            copy_store(path, bare_path)
            bare = bare_connection(bare_path)
            ours, baseline = timed_saves(store, bare, args.saves)
            bare.close()

            repository = IncidentRepository(store)
            everything = IncidentFilter()
            month = DEFAULT_END.date().replace(day=1) - timedelta(days=1)  # last full month
            start, end = month_bounds(month.year, month.month)
            one = IncidentFilter(start=start, end=end, districts=frozenset({"hassleholmen"}))
            queries = [
                ("list, first page of 200", lambda: repository.page(everything, limit=200)),
                ("list, count", lambda: repository.count(everything)),
                (
                    f"hassleholmen {month:%Y-%m}, first page",
                    lambda: repository.page(one, limit=200),
                ),
                (f"hassleholmen {month:%Y-%m}, count", lambda: repository.count(one)),
            ]
            timings = [(label, *median_ms(call)) for label, call in queries]
        finally:
            store.close()

    ours_p50, ours_p99 = percentile(ours, 0.5), percentile(ours, 0.99)
    bare_p50, bare_p99 = percentile(baseline, 0.5), percentile(baseline, 0.99)
    ratio_p50, ratio_p99 = ours_p50 / bare_p50, ours_p99 / bare_p99
    total = generating + inserting
    print()
    print(f"Store benchmark: {args.rows:,} incidents, {args.saves:,} saves")
    print(f"Fill: {total:.1f} s = {args.rows / total:,.0f} rows/s")
    print(f"  generating demo incidents  {generating:7.1f} s")
    print(f"  add_many (SQLAlchemy Core) {inserting:7.1f} s  ({args.rows / inserting:,.0f} rows/s)")
    print()
    print(f"{'Save, one transaction each':<34}{'p50 ms':>9}{'p99 ms':>9}")
    print(f"{'IncidentService.record':<34}{ours_p50:>9.2f}{ours_p99:>9.2f}")
    print(f"{'bare sqlite3 INSERT + COMMIT':<34}{bare_p50:>9.2f}{bare_p99:>9.2f}")
    print(f"{'ratio ours / bare':<34}{ratio_p50:>8.1f}×{ratio_p99:>8.1f}×")
    print()
    print(f"{'Query (median of 5)':<34}{'ms':>9}{'rows':>11}")
    for label, ms, result in timings:
        rows = len(result) if isinstance(result, list) else result
        print(f"{label:<34}{ms:>9.1f}{rows:>11,}")
    print()
    checks = [
        (f"save p99 < {SAVE_P99_TARGET_MS:.0f} ms", ours_p99 < SAVE_P99_TARGET_MS),
        (
            f"save within {SAVE_RATIO_TARGET:.0f}× of bare (p50 and p99)",
            max(ratio_p50, ratio_p99) <= SAVE_RATIO_TARGET,
        ),
        (
            f"filtered first page < {FILTERED_PAGE_TARGET_MS:.0f} ms",
            timings[2][1] < FILTERED_PAGE_TARGET_MS,
        ),
    ]
    for label, ok in checks:
        print(f"{verdict(ok)}  {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
