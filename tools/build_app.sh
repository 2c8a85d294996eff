#!/usr/bin/env bash
# Builds the one-folder app from build.spec and checks it: the folder's size, the frozen app's
# `--self-test`, and how fast the frozen app starts next to the same code run from the
# virtualenv. `make app` runs it; docs/build.md explains the result and the Windows build.
#
# Timings (wall clock, median of several runs, each a new process):
#   --version      process start, Python and our command line parsed, nothing else loaded
#   store opened   start until the self-test prints its first check: imports of the store
#                  layer (SQLAlchemy, Alembic) and a new store made and migrated
#   self-test      the whole self-test: Qt, a Chromium process for the map, the PDF
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
APP=dist/est-desktop
RUNS=${RUNS:-3}

if [[ ! -x $VENV/bin/python ]]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet -e '.[build]'

echo "== Building $APP (PyInstaller, build.spec)"
start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN build.spec
echo "Built in $(($(date +%s) - start)) s."

echo
echo "== Size"
du -sh "$APP"
du -sh "$APP"/_internal/PySide6 | sed 's/$/  (of which Qt)/'

echo
echo "== Frozen self-test"
# Chromium's own warnings (no GPU, no D-Bus on a build machine) go to stderr: shown only when
# a check fails.
messages=$(mktemp)
trap 'rm -f "$messages"' EXIT
if ! "$APP/est-desktop" --self-test 2>"$messages"; then
    echo "The frozen self-test failed; Qt's and Chromium's messages:" >&2
    cat "$messages" >&2
    exit 1
fi

echo
echo "== Start times, median of $RUNS runs"
"$VENV/bin/python" - "$VENV/bin/est-desktop" "$APP/est-desktop" "$RUNS" <<'PY'
import statistics
import subprocess
import sys
import time

unfrozen, frozen, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])


def version(program: str) -> float:
    start = time.perf_counter()
    subprocess.run([program, "--version"], check=True, capture_output=True)
    return time.perf_counter() - start


def self_test(program: str) -> tuple[float, float]:
    """Seconds to the first check's line (the store opened) and to the end."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [program, "--self-test"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    first = None
    for line in process.stdout:
        if first is None and line.startswith(("OK ", "FAIL ")):
            first = time.perf_counter() - start
    if process.wait() != 0:
        sys.exit(f"{program} --self-test failed")
    return first, time.perf_counter() - start


def median(values) -> str:
    return f"{statistics.median(values):6.2f} s"


rows = {}
for name, program in (("venv", unfrozen), ("frozen", frozen)):
    versions = [version(program) for _ in range(runs)]
    tests = [self_test(program) for _ in range(runs)]
    rows[name] = (versions, [t[0] for t in tests], [t[1] for t in tests])

print(f"{'':16}{'from the venv':>14}{'frozen':>10}{'frozen/venv':>13}")
for index, label in enumerate(("--version", "store opened", "self-test")):
    venv, app = rows["venv"][index], rows["frozen"][index]
    ratio = statistics.median(app) / statistics.median(venv)
    print(f"{label:16}{median(venv):>14}{median(app):>10}{ratio:>12.2f}x")
PY
