"""Importing a police CSV export: parse, preview and commit 100,000 rows into a fresh store.

Run by hand:  .venv/bin/python benchmarks/bench_import.py [--rows 100000]

The rows are generated (half SWEREF 99 TM, half WGS84 with decimal commas, a fifth without a
time, `;`-separated, UTF-8 with BOM, CRLF). The baseline, measured in the same run, loads the
same bytes with a bare `csv.reader` and one sqlite3 `executemany` into a table of the CSV's
columns in a fresh file with the store's PRAGMAs. Target: the import within 5× the baseline.

Also printed, for reference: the seconds of each step, and what the store's own tables cost
alone (the very rows and outbox entries the import wrote, inserted again with bare executemany
into a fresh store, with its indexes kept as rows go in and made afterwards: its indexes and the
outbox are most of the import, and no parser can win that part back).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pyproj import Transformer

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.importers.police_csv import read_police_csv
from est_desktop.importers.police_import import commit, preview
from est_desktop.store.database import PRAGMAS, Store

TARGET_RATIO = 5.0
STORE_TABLES = ("incidents", "outbox")
HEADER = (
    "Ärendenummer;Brottskod;Brottsbenämning;Datum från;Klockslag från;Datum till;"
    "Klockslag till;Adress;Kommun;Nordkoordinat;Ostkoordinat"
)
CRIMES = ("Misshandel", "Skadegörelse", "Klotter", "Olaga hot", "Snatteri", "Stöld av motorfordon")


def generate(rows: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    to_sweref = Transformer.from_crs(4326, 3006, always_xy=True)
    lines = [HEADER]
    first = date(2025, 1, 1)
    for n in range(rows):
        lat, lon = rng.uniform(57.70, 57.76), rng.uniform(12.88, 13.00)
        if n % 2:
            east, north = to_sweref.transform(lon, lat)
            north_text, east_text = f"{north:.1f}", f"{east:.1f}"
        else:
            north_text, east_text = f"{lat:.6f}", f"{lon:.6f}"
        day = first + timedelta(days=rng.randrange(300))
        clock = "" if n % 5 == 0 else f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        lines.append(
            ";".join(
                (
                    f"5000-K{n:06d}-25",
                    "",
                    rng.choice(CRIMES),
                    day.isoformat(),
                    clock,
                    "",
                    "",
                    f"Gata {rng.randrange(1, 90)}",
                    "Borås",
                    north_text.replace(".", ","),
                    east_text.replace(".", ","),
                )
            )
        )
    return b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8")


def timed_import(data: bytes, folder: Path, taxonomy: Taxonomy) -> tuple[list[float], int]:
    """Seconds of parse, preview and commit, and the records added."""
    with Store.open(folder / "est.sqlite") as store:
        start = time.perf_counter()
        parsed = read_police_csv(data)
        parsed_at = time.perf_counter()
        planned = preview(store, parsed, taxonomy=taxonomy, now=datetime.now(UTC))
        previewed_at = time.perf_counter()
        result = commit(store, planned, Actor("bench", "polisen"))
        done = time.perf_counter()
        return [parsed_at - start, previewed_at - parsed_at, done - previewed_at], result.added


def timed_store_floor(folder: Path, *, indexes_after: bool) -> float:
    """What the store's own tables cost: the rows and outbox entries the import wrote, read
    back and inserted with bare executemany into a fresh store (same schema and indexes);
    `indexes_after`: the incidents' list indexes dropped first and made at the end, as the
    import does when it brings more rows than the store holds."""
    source = sqlite3.connect(folder / "est.sqlite")
    tables = {name: source.execute(f"SELECT * FROM {name}").fetchall() for name in STORE_TABLES}
    source.close()
    path = folder / f"floor-{indexes_after}.sqlite"
    Store.open(path).close()  # the schema, made by the store's migrations
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes if indexes_after else ():
        conn.execute(f"DROP INDEX {name}")
    for name, rows in tables.items():
        marks = ", ".join("?" * len(rows[0]))
        conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
    for _, sql in indexes if indexes_after else ():
        conn.execute(sql)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def timed_baseline(data: bytes, folder: Path) -> tuple[float, int]:
    conn = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    start = time.perf_counter()
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
    header = next(reader)
    columns = ", ".join(f"c{i}" for i in range(len(header)))
    conn.execute(f"CREATE TABLE rows ({columns})")
    conn.execute("BEGIN")
    marks = ", ".join("?" * len(header))
    conn.executemany(f"INSERT INTO rows VALUES ({marks})", reader)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    count = conn.execute("SELECT count(*) FROM rows").fetchone()[0]
    conn.close()
    return elapsed, count


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--rows", type=int, default=100_000)
    options = args.parse_args()
    print(f"generating {options.rows:,} police CSV rows ...", flush=True)
    data = generate(options.rows)
    taxonomy = Taxonomy.load()
    with tempfile.TemporaryDirectory() as folder:
        base_s, base_n = timed_baseline(data, Path(folder))
        stages, imported = timed_import(data, Path(folder), taxonomy)
        floors = [timed_store_floor(Path(folder), indexes_after=a) for a in (False, True)]
    import_s = sum(stages)
    ratio = import_s / base_s
    for label, count, seconds in (
        ("baseline (csv + executemany)", base_n, base_s),
        ("import (parse+preview+commit)", imported, import_s),
    ):
        print(f"{label:<30} {count:>9,} rows {seconds:8.2f} s {count / seconds:>10,.0f} rows/s")
    parse_s, preview_s, commit_s = stages
    print(f"  parse {parse_s:.2f} s, preview {preview_s:.2f} s, commit {commit_s:.2f} s")
    floor_s, floor_after_s = floors
    print(
        f"  for reference: the store's tables alone (the same rows and outbox entries, bare "
        f"executemany) {floor_s:.2f} s = {floor_s / base_s:.1f}× the baseline; with the list "
        f"indexes made afterwards {floor_after_s:.2f} s = {floor_after_s / base_s:.1f}×"
    )
    verdict = "PASS" if ratio <= TARGET_RATIO else "MISS"
    print(f"ratio {ratio:.1f}× (target within {TARGET_RATIO:.0f}×): {verdict}")


if __name__ == "__main__":
    main()
